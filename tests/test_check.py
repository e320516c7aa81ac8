"""`wording-diff check`: the corpus gate bites."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter

import pytest
import yaml
from conftest import ROOT

from wording_diff.cli import cli

CORPUS = ROOT / "corpus"


@pytest.fixture()
def corpus_copy(tmp_path):
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest


def test_project_corpus_passes_and_reports_every_figure(runner, tmp_path):
    junit = tmp_path / "check.xml"
    res = runner.invoke(cli, ["check", str(CORPUS), "--format", "json", "--junit", str(junit)], catch_exceptions=False)
    assert res.exit_code == 0, res.stdout[-2000:]
    doc = json.loads(res.stdout)
    m = doc["metrics"]
    assert m["cases"] >= 200 and doc["passed"] and doc["gate"]["passed"]
    for key in ("precision", "recall", "f1", "verdict_accuracy"):
        assert m["overall"][key] >= doc["thresholds"][key]
    assert set(m["verdict_confusion"]) == {"narrowed", "broadened", "mixed", "unchanged", "reversed"}
    assert set(doc["splits"]) == {"dev", "test"} and set(doc["gap"]) == {"precision", "recall", "f1", "verdict_accuracy"}
    assert {c["status"] for c in doc["cases"]} <= {"pass", "known"} and len(doc["cases"]) == m["cases"]
    xml = junit.read_text(encoding="utf8")
    assert xml.startswith("<?xml") and 'name="thresholds"' in xml and xml.count("<testcase") == m["cases"] + 1
    assert xml.count("<skipped") == doc["gate"]["known_failures"]


def _sentences(text: str) -> int:
    return len([p for p in re.split(r"(?<=[.?!])[»”\"’)]*\s+(?=[«“\"„‘(A-Z])", text.strip()) if p.strip()])


def test_corpus_has_the_size_and_spread_it_promises():
    from wording_diff.corpus import load_corpus

    corpus = load_corpus(CORPUS)
    cases = corpus.cases
    assert len(cases) >= 200 and all(c.source.strip() for c in cases)
    verdicts = Counter(c.verdict for c in cases)
    assert min(verdicts[v] for v in ("narrowed", "broadened", "reversed", "unchanged")) >= 25 and verdicts["mixed"] >= 10, verdicts
    reworded = [c for c in cases if c.verdict == "unchanged" and re.sub(r"\W+", "", c.a.lower()) != re.sub(r"\W+", "", c.b.lower())]
    assert len(reworded) >= 40
    assert sum(1 for c in cases if _sentences(c.a) > 1 or _sentences(c.b) > 1) >= 30
    assert sum(1 for c in cases if set(c.tags) & {"quotes", "reports", "retracts", "restricts"}) >= 15
    assert sum(1 for c in cases if c.kind == "question-answer") >= 40
    changes = Counter(e.dimension for c in cases for e in c.expect if e.kind != "unchanged")
    assert len(changes) == 10 and min(changes.values()) >= 10, changes
    splits = Counter(c.split for c in cases)
    assert set(splits) == {"dev", "test"} and splits["test"] >= 80


def _edit_case(corpus_copy, case_id, edit):
    for path in corpus_copy.rglob("*.yaml"):
        if path.name == "thresholds.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf8"))
        for case in data["cases"]:
            if case["id"] == case_id:
                edit(case)
                path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf8")
                return case
    raise AssertionError(case_id)


def _flip(verdict: str) -> str:
    return "broadened" if verdict != "broadened" else "narrowed"


def _statuses():
    from wording_diff.corpus import load_corpus

    corpus = load_corpus(CORPUS)
    known = set(corpus.known_failures)
    passing = [c for c in corpus.cases if c.id not in known]
    with_changes = [c for c in passing if any(e.kind != "unchanged" for e in c.expect)]
    return passing, with_changes, [c for c in corpus.cases if c.id in known]


@pytest.mark.parametrize("which", ["passing", "known-failure"])
def test_flipping_one_verdict_fails_the_run_and_names_the_case(runner, corpus_copy, which):
    passing, _, failing = _statuses()
    case = (passing if which == "passing" else failing)[0]
    _edit_case(corpus_copy, case.id, lambda c: c.update(verdict=_flip(c["verdict"])))
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 1, res.stdout[-1500:]
    assert case.id in res.stdout and ("not in" in res.stdout or "fail differently" in res.stdout)


def test_removing_one_expected_change_fails_the_run_and_names_the_case(runner, corpus_copy):
    _, with_changes, _ = _statuses()
    case = with_changes[0]
    _edit_case(corpus_copy, case.id, lambda c: c.update(expect=[e for e in c["expect"] if e["kind"] == "unchanged"] + [e for e in c["expect"] if e["kind"] != "unchanged"][1:]))
    res = runner.invoke(cli, ["check", str(corpus_copy), "--format", "json"])
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert doc["gate"]["new_failures"] == [case.id]
    assert next(c for c in doc["cases"] if c["id"] == case.id)["status"] == "fail"


def test_a_listed_case_that_now_passes_is_reported_and_the_list_can_be_rewritten(runner, corpus_copy):
    passing, _, _ = _statuses()
    listed = corpus_copy / "known-failures.txt"
    listed.write_text(listed.read_text(encoding="utf8") + f"{passing[0].id} | verdict mixed, annotated narrowed | listed by mistake\nno-such-case | verdict x, annotated y\n", encoding="utf8")
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 0
    assert "now pass" in res.stdout and passing[0].id in res.stdout and "no-such-case" in res.stdout
    res = runner.invoke(cli, ["check", str(corpus_copy), "--update-known-failures"])
    assert res.exit_code == 0
    text = listed.read_text(encoding="utf8")
    assert passing[0].id not in text and "no-such-case" not in text
    assert text == (CORPUS / "known-failures.txt").read_text(encoding="utf8")


def test_one_split_can_be_checked_alone(runner):
    res = runner.invoke(cli, ["check", str(CORPUS / "test"), "--format", "json"])
    assert res.exit_code == 0, res.stdout[-1500:]
    doc = json.loads(res.stdout)
    assert {c["split"] for c in doc["cases"]} == {"test"} and doc["gate"]["stale"] == []


def test_changed_expectation_makes_the_floor_fail(runner, corpus_copy):
    (corpus_copy / "thresholds.yaml").write_text("precision: 0.9\nrecall: 0.9\nf1: 0.9\nverdict_accuracy: 0.9\n", encoding="utf8")
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 1 and "FAIL: below threshold" in res.stdout


def test_altered_text_makes_its_case_fail(runner, corpus_copy):
    case = _edit_case(corpus_copy, "clearview-dekker-grapperhaus", lambda c: c.update(b=c["a"]))  # the later wording no longer differs
    res = runner.invoke(cli, ["check", str(corpus_copy), "--format", "json"])
    assert res.exit_code == 1
    result = next(c for c in json.loads(res.stdout)["cases"] if c["id"] == case["id"])
    assert result["status"] == "fail" and result["verdict"] == {"expected": "narrowed", "found": "unchanged"}


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda c: c.pop("source"), "missing field 'source'"),
        (lambda c: c.update(verdict="smaller"), "field 'verdict' is 'smaller'"),
        (lambda c: c["expect"][0].update(dimension="when"), "field 'dimension' is 'when'"),
        (lambda c: c["expect"][0].update(kind="added", a="x"), "kind 'added' needs"),
    ],
)
def test_malformed_corpus_exits_2(runner, corpus_copy, mutate, message):
    path = corpus_copy / "dev" / "clearview.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf8"))
    mutate(data["cases"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf8")
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 2 and message in res.stderr and "clearview.yaml" in res.stderr


def test_missing_thresholds_and_broken_yaml(runner, corpus_copy):
    (corpus_copy / "dev" / "broken.yaml").write_text("cases: [ {id: x", encoding="utf8")
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 2 and "broken.yaml: not valid YAML" in res.stderr
    (corpus_copy / "thresholds.yaml").unlink()
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 2 and "thresholds.yaml: missing" in res.stderr


def test_a_corpus_without_a_list_of_known_failures_is_gated_by_its_thresholds_only(runner, tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    shutil.copy(CORPUS / "dev" / "clearview.yaml", corpus / "cases.yaml")
    (corpus / "thresholds.yaml").write_text("precision: 0\nrecall: 0\nf1: 0\nverdict_accuracy: 0\n", encoding="utf8")
    res = runner.invoke(cli, ["check", str(corpus), "--format", "json"])
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert doc["gate"] is None and {c["status"] for c in doc["cases"]} <= {"pass", "differs"}
    res = runner.invoke(cli, ["check", str(corpus), "--update-known-failures"])
    assert res.exit_code == 0 and (corpus / "known-failures.txt").exists()
    assert runner.invoke(cli, ["check", str(corpus)]).exit_code == 0


def test_the_second_reading_covers_corpus_cases_with_valid_verdicts():
    # tools/agreement.py reads it against the corpus: every id a case, every verdict one of five
    from wording_diff.vocabulary import VERDICTS

    second = yaml.safe_load((ROOT / "tools" / "second-reading.yaml").read_text(encoding="utf8"))["verdicts"]
    ids = set()
    for path in CORPUS.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf8"))
        if isinstance(data, dict) and "cases" in data:
            ids |= {c["id"] for c in data["cases"]}
    assert len(second) == 177 and set(second) <= ids
    assert {v["verdict"] for v in second.values()} <= set(VERDICTS)
    # the whole test split is read twice
    test_ids = {c["id"] for p in (CORPUS / "test").glob("*.yaml") for c in yaml.safe_load(p.read_text(encoding="utf8"))["cases"]}
    assert test_ids <= set(second)


def test_the_second_reading_of_changes_covers_the_test_split_in_the_corpus_format():
    # tools/agreement.py scores these changes against the annotation as `check` scores the
    # detector's: every test case read once, every entry a valid change whose words are the
    # texts' own
    from wording_diff.corpus import load_corpus
    from wording_diff.vocabulary import DIMENSIONS, EFFECTS, VERDICTS

    readings = yaml.safe_load((ROOT / "tools" / "second-reading-changes.yaml").read_text(encoding="utf8"))["cases"]
    cases = {c.id: c for c in load_corpus(CORPUS / "test").cases}
    assert set(readings) == set(cases)
    for case_id, reading in readings.items():
        assert reading["verdict"] in VERDICTS
        for change in reading["expect"]:
            assert change["dimension"] in DIMENSIONS and change["effect"] in EFFECTS
            assert change["kind"] in ("added", "removed", "replaced", "unchanged")
            for side in ("a", "b"):
                for part in (change[side] or "").split(" / "):
                    assert part in getattr(cases[case_id], side), (case_id, side, part)
