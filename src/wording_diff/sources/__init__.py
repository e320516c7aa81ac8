"""Readers for statement texts and parliamentary documents."""
