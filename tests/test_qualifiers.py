"""The scope_qualifiers component: registration, span group, and regression cases from
real documents (tests/regression/qualifiers.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "regression" / "qualifiers.yaml").read_text(encoding="utf8"))


def test_factory_is_registered_through_the_entry_point():
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("scope_qualifiers")  # found through the spacy_factories entry point
    doc = nlp("Dat gebeurt op dit moment in Nederland niet.")
    spans = doc.spans["scope_qualifiers"]
    assert ("time", "op dit moment", "lex:time.present") in {(s.label_, s.text, s.id_) for s in spans}
    assert ("place", "in Nederland") in {(s.label_, s.text) for s in spans}


def test_span_fields_survive_docbin(nlp):
    from spacy.tokens import DocBin

    doc = nlp("Voor zover ik heb kunnen nagaan werken er geen Nederlandse opsporingsdiensten samen met Clearview.")
    again = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    before = [(s.label_, s.text, s.kb_id_, s.id_) for s in doc.spans["scope_qualifiers"]]
    after = [(s.label_, s.text, s.kb_id_, s.id_) for s in again.spans["scope_qualifiers"]]
    assert before == after and before


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_regression_case(nlp, case):
    doc = nlp(case["text"])
    found = {(s.label_, s.text) for s in doc.spans["scope_qualifiers"]}
    for dim, text in (tuple(x) for x in case.get("expect", [])):
        assert (dim, text) in found, f"missing {dim}: {text!r}; found {sorted(found)}"
    for dim, text in (tuple(x) for x in case.get("absent", [])):
        assert (dim, text) not in found, f"should not mark {dim}: {text!r}"
    values = {(s.label_, s.kb_id_) for s in doc.spans["scope_qualifiers"]}
    for dim, value in (tuple(x) for x in case.get("values", [])):
        assert (dim, value) in values, f"missing {dim} value {value!r}; found {sorted(values)}"


def test_a_pipeline_without_sentence_boundaries_reads_als_clauses():
    """The component on a blank pipeline (no parser, no sentence marks) must not ask for
    sentences; there the 'als' rule finds nothing (it needs the tagger)."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("scope_qualifiers")
    doc = nlp("Als het regent, blijf ik thuis, net als zowel jij als hij.")
    assert not any(s.id_ == "lex:condition.if_als" for s in doc.spans["scope_qualifiers"])
