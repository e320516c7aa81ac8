"""`wording-diff check`: the corpus gate bites."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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
    assert m["cases"] >= 60 and doc["passed"]
    for key in ("precision", "recall", "f1", "verdict_accuracy"):
        assert m["overall"][key] >= doc["thresholds"][key]
    assert set(m["verdict_confusion"]) == {"narrowed", "broadened", "mixed", "unchanged", "reversed"}
    xml = junit.read_text(encoding="utf8")
    assert xml.startswith("<?xml") and 'name="thresholds"' in xml and xml.count("<testcase") == m["cases"] + 1


def test_corpus_covers_every_dimension_and_verdict():
    from wording_diff.corpus import load_corpus

    corpus = load_corpus(CORPUS)
    dims, verdicts = {}, {}
    for case in corpus.cases:
        verdicts[case.verdict] = verdicts.get(case.verdict, 0) + 1
        for d in {e.dimension for e in case.expect}:
            dims[d] = dims.get(d, 0) + 1
        assert case.source.strip()
    assert len(dims) == 10 and min(dims.values()) >= 3, dims
    assert len(verdicts) == 5 and min(verdicts.values()) >= 5, verdicts


def test_changed_expectation_makes_check_fail(runner, corpus_copy):
    path = corpus_copy / "dev" / "clearview.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf8"))
    # a gate that can fail: claim the opposite verdict and effect for every case in the file
    for case in data["cases"]:
        case["verdict"] = "broadened" if case["verdict"] != "broadened" else "narrowed"
        for e in case["expect"]:
            e["effect"] = "broadens" if e["effect"] != "broadens" else "narrows"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf8")
    (corpus_copy / "thresholds.yaml").write_text("precision: 0.9\nrecall: 0.9\nf1: 0.9\nverdict_accuracy: 0.9\n", encoding="utf8")
    res = runner.invoke(cli, ["check", str(corpus_copy)])
    assert res.exit_code == 1 and "FAIL: below threshold" in res.stdout


def test_altered_text_makes_its_case_fail(runner, corpus_copy):
    path = corpus_copy / "dev" / "clearview.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf8"))
    seed = next(c for c in data["cases"] if c["id"] == "clearview-dekker-grapperhaus")
    seed["b"] = seed["a"]  # the later wording no longer differs
    data["cases"] = [seed]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf8")
    for other in (corpus_copy / "dev").glob("*.yaml"):
        if other != path:
            other.unlink()
    res = runner.invoke(cli, ["check", str(corpus_copy), "--format", "json"])
    assert res.exit_code == 1
    failing = json.loads(res.stdout)["failing_cases"]
    assert failing[0]["id"] == "clearview-dekker-grapperhaus" and failing[0]["verdict"] == {"expected": "narrowed", "found": "unchanged"}


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
