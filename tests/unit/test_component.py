"""The scope_qualifiers component follows spaCy's rulers: it declares what it needs and
writes, and its rules (the merged lexicon) travel with the pipeline."""

from __future__ import annotations

import json

import spacy
from conftest import DEKKER

from wording_diff.pipeline import load_pipeline


def spans(doc):
    return [(s.text, s.label_, s.id_) for s in doc.spans["scope_qualifiers"]]


def test_declares_what_it_requires_and_assigns():
    from spacy.language import Language

    import wording_diff.qualifiers.component  # noqa: F401  registers the factory

    meta = Language.get_factory_meta("scope_qualifiers")
    assert "doc.spans" in meta.assigns and "token.dep" in meta.requires


def test_a_saved_pipeline_reloads_with_the_same_rules(tmp_path):
    nlp, _ = load_pipeline()
    nlp.to_disk(tmp_path / "pipe")
    saved = json.loads((tmp_path / "pipe" / "scope_qualifiers" / "lexicon.json").read_text(encoding="utf8"))
    assert saved == nlp.get_pipe("scope_qualifiers").lexicon.data
    again = spacy.load(tmp_path / "pipe")
    assert spans(again(DEKKER)) == spans(nlp(DEKKER))


def test_a_user_lexicon_goes_in_through_initialize_and_is_saved(tmp_path):
    _, info = load_pipeline()
    user = tmp_path / "extra.json"
    user.write_text(json.dumps({"phrases": [{"id": "time.test_biometric", "dimension": "time", "value": "test", "terms": ["biometrische surveillance"]}]}), encoding="utf8")
    nlp = spacy.load(info.path)
    nlp.add_pipe("scope_qualifiers")
    component = nlp.get_pipe("scope_qualifiers")
    component.initialize(lexicon=str(user))
    assert ("Biometrische surveillance", "time", "lex:time.test_biometric") in spans(nlp(DEKKER))
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert ("Biometrische surveillance", "time", "lex:time.test_biometric") in spans(again(DEKKER))
    # and the data itself can be handed over, as saved
    fresh = spacy.blank("nl")
    fresh.add_pipe("scope_qualifiers").initialize(lexicon=again.get_pipe("scope_qualifiers").lexicon.data)
    assert ("Biometrische surveillance", "time", "lex:time.test_biometric") in spans(fresh(DEKKER))


def test_the_component_does_not_read_the_environment(monkeypatch, tmp_path):
    bad = tmp_path / "missing.json"
    monkeypatch.setenv("WORDING_DIFF_LEXICON", str(bad))
    nlp = spacy.blank("nl")
    nlp.add_pipe("scope_qualifiers")  # would fail if it read the missing file named in the environment
    assert spans(nlp("Dat gebeurt op dit moment niet."))


def test_a_saved_pipeline_loads_where_its_user_lexicon_file_is_gone(tmp_path):
    _, info = load_pipeline()
    user = tmp_path / "extra.json"
    user.write_text(json.dumps({"phrases": [{"id": "time.test_biometric", "dimension": "time", "value": "test", "terms": ["biometrische surveillance"]}]}), encoding="utf8")
    nlp = spacy.load(info.path)
    nlp.add_pipe("scope_qualifiers", config={"lexicon": str(user)})
    nlp.to_disk(tmp_path / "pipe")
    user.unlink()
    again = spacy.load(tmp_path / "pipe")
    assert ("Biometrische surveillance", "time", "lex:time.test_biometric") in spans(again(DEKKER))
    again.get_pipe("scope_qualifiers").initialize()  # keeps the rules it has
    assert ("Biometrische surveillance", "time", "lex:time.test_biometric") in spans(again(DEKKER))
