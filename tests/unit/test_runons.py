"""Words that PDF text extraction ran together are split before the parse, and nothing
else is: real run-togethers from the Kamervragen in ../shared, and clean treebank text."""

from __future__ import annotations

import pytest
from conftest import needs_shared

from wording_diff.runons import split_point


def split(word: str):
    i = split_point(word)
    return (word[:i], word[i:]) if i else None


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # ah-tk-20232024-2110, Vraag 15 and Antwoord 1
        ("heeftuitgesloten", ("heeft", "uitgesloten")),
        ("onderzoekenof", ("onderzoeken", "of")),
        ("dathet", ("dat", "het")),
        ("hetDolfinarium", ("het", "Dolfinarium")),
        # ah-tk-20232024-2352, Vraag 3
        ("nietnakomen", ("niet", "nakomen")),
        ("ofzorgverzekeraars", ("of", "zorgverzekeraars")),
        # ah-tk-20232024-2273, Vraag 4: an article run into its preposition
        ("binnende", ("binnen", "de")),
        # the shorter side as long as it can be: "wet over", not "we tover"
        ("wetover", ("wet", "over")),
    ],
)
def test_run_together_words_are_split_where_they_were_joined(word, parts):
    assert split(word) == parts


@pytest.mark.parametrize(
    "word",
    ["gezichtsherkenningstechnologie", "hetzelfde", "dezelfde", "alsnog", "ontzettend", "Magritte", "Justis", "iPhone", "realtimegezichtsherkenning", "inde"],
)
def test_words_names_and_compounds_stay_whole(word):
    assert split(word) is None


def test_clean_treebank_text_is_left_almost_untouched():
    """Clean text has no run-togethers: of the words of two UD Dutch test files, at most two
    in ten thousand are split (those there are: "zijlading", a word the list lacks, and
    typos such as "diefte")."""
    words = []
    for name in ("nl_lassysmall-ud-test.conllu", "nl_alpino-ud-test.conllu"):
        for line in needs_shared("data", "ud", name).read_text(encoding="utf8").splitlines():
            if line[:1].isdigit() and "-" not in line.split("\t", 1)[0]:
                words.append(line.split("\t")[1])
    assert len(words) > 30_000
    assert sum(split(w) is not None for w in words) <= 2 * len(words) / 10_000


def test_the_pipeline_splits_tokens_and_keeps_the_text(nlp):
    # ah-tk-20232024-2110, Vraag 15
    text = "Kunt u bevestigen dat het Dolfinarium nog steeds niet definitief heeftuitgesloten dat ze dolfijnen en zeeleeuwen gaan verkopen?"
    doc = nlp(text)
    assert doc.text == text
    i = next(t.i for t in doc if t.text == "heeft")
    assert doc[i + 1].text == "uitgesloten"
    assert doc[i].idx + len("heeft") == doc[i + 1].idx and not doc[i].whitespace_
    assert doc[i + 1].lemma_ == "uitsluiten"
