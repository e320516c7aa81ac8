"""The lemma lookup after the trained lemmatizer: a lemma it made up is looked up, a real
lemma is left as it is, and claims match on the repaired predicate."""

from __future__ import annotations

import pytest

from wording_diff.api import compare_texts, get_parser
from wording_diff.lemmas import looked_up
from wording_diff.pipeline import LEMMA_PIPE


@pytest.fixture(scope="module")
def parser():
    return get_parser()


def lemmas(parser, text: str) -> dict[str, str]:
    return {t.text: t.lemma_ for t in parser.parse(text)}


def test_made_up_lemmas_are_looked_up(parser):
    assert LEMMA_PIPE in parser.nlp.pipe_names
    # SSC validation line 1732: the lemmatizer makes "toeneemen" of "toeneemt"
    found = lemmas(parser, "Kunt u verklaren waarom de beleidsmatige lastenontwikkeling over de kabinetsperiode toeneemt en de koopkracht eveneens toeneemt?")
    assert found["toeneemt"] == "toenemen" and found["Kunt"] == "kunnen"
    # SSC validation line 1417: "gelijkgesteld" → gelijkstellen, not "lijkgestelen"
    found = lemmas(parser, "Kunt u bevestigen dat de lerarenopleiding in Suriname in Nederland gelijkgesteld wordt met twee à drie jaar pabo?")
    assert found["gelijkgesteld"] == "gelijkstellen"


def test_right_lemmas_and_unknown_forms_are_left_alone(parser):
    # ah-tk-20232024-1770, Antwoord 3
    found = lemmas(parser, "Met het tempo dat is ingezet is de verwachting dat de doelstellingen gehaaldkunnen worden.")
    assert found["verwachting"] == "verwachting" and found["doelstellingen"] == "doelstelling" and found["worden"] == "worden"
    assert looked_up("werken") is None and looked_up("gezichtsherkenningstechnologie") is None


def test_a_claim_and_its_answer_match_on_the_repaired_predicate():
    # SSC validation line 1732: question and answer say "toeneemt" and "toenemen"
    comparison = compare_texts(
        "Kunt u verklaren waarom de beleidsmatige lastenontwikkeling over de kabinetsperiode toeneemt en de koopkracht eveneens toeneemt?",
        "Hierdoor kan het dat de beleidsmatige lasten over de kabinetsperiode toenemen, maar de koopkrachtontwikkeling nog steeds toeneemt.",
    ).comparison
    assert {c.predicate for c in comparison.a_claims} == {"toenemen"}
    assert all(cp.a is not None and cp.b is not None for cp in comparison.claim_pairs if cp.a is not None and cp.a.predicate == "toenemen")


def test_a_changed_lemma_table_changes_the_parse_cache_key(monkeypatch):
    # a parse cached under the old table would keep the old lemmas
    from wording_diff import lemmas
    from wording_diff.pipeline import Parser

    before = Parser().parse_id
    lemmas.fingerprint.cache_clear()
    monkeypatch.setattr(lemmas, "TABLE_FILE", lemmas.Path(__file__))
    try:
        assert Parser().parse_id != before
    finally:
        lemmas.fingerprint.cache_clear()


def test_participles_and_plurals_keep_their_lemma(parser):
    # SSC validation line 1219 ("gasveld") and line 1045 ("gearresteerd"): the spelling
    # fallback makes no noun plural or past plural of them
    found = lemmas(parser, "Zou het voor de leveringszekerheid en de gaswinning in het Groninger gasveld een belangrijk verschil maken?")
    assert found["gasveld"] == "gasveld"
    assert lemmas(parser, "Er zijn geen personen gearresteerd.")["gearresteerd"] == "arresteren"
