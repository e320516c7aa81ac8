"""The errors a user can cause and fix. Every one derives from ``WordingDiffError`` and
carries one line saying where and what is wrong; the CLI prints that line and exits 2."""

from __future__ import annotations


class WordingDiffError(Exception):
    """Base of every error caused by input, configuration or environment (not by a bug)."""


class InputError(WordingDiffError, ValueError):
    """Bad input. The message is one line: where, and what is wrong."""


class ScanError(WordingDiffError):
    """A scan cannot start or go on (no documents given, an unreachable cluster, a
    missing optional dependency). Unreadable documents are not errors: they become
    error records and the scan goes on."""
