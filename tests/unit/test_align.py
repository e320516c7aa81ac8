"""Sentence alignment: one-to-one, unmatched, split and merged sentences."""

from __future__ import annotations

from wording_diff.diff.alignment import align


def test_one_to_one_and_unmatched():
    a = ["De politie gebruikt geen gezichtsherkenning.", "Dat is al jaren zo."]
    b = ["Er is een nieuw besluit genomen over drones.", "De politie gebruikt momenteel geen gezichtsherkenning.", "Dat is al jaren zo."]
    got = [(x.a, x.b) for x in align(a, b)]
    assert got == [((), (0,)), ((0,), (1,)), ((1,), (2,))]


def test_split_and_merge():
    a = ["De politie is niet centraal benaderd door Clearview en heeft geen producten afgenomen."]
    b = ["De politie is niet centraal benaderd door Clearview.", "Zij heeft geen producten afgenomen."]
    got = align(a, b)
    assert [(x.a, x.b) for x in got] == [((0,), (0, 1))]
    assert [(x.a, x.b) for x in align(b, a)] == [((0, 1), (0,))]


def test_empty_sides():
    assert [(x.a, x.b) for x in align([], ["Iets."])] == [((), (0,))]
    assert align([], []) == []
