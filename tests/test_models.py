"""`wording-diff models` and the choice of pipeline."""

from __future__ import annotations

import json

import pytest

from wording_diff import pipeline
from wording_diff.cli import cli


def test_models_lists_the_bundled_pipeline_with_its_scores(runner):
    res = runner.invoke(cli, ["models", "--json"], catch_exceptions=False)
    assert res.exit_code == 0
    models = json.loads(res.stdout)["models"]
    bundled = [m for m in models if m["source"] == "bundled"]
    assert len(bundled) == 1 and bundled[0]["name"] == "nl_wording_diff"
    scores = bundled[0]["heldout_scores"]
    for key in ("pos_acc", "dep_las", "lemma_acc", "lemma_acc_normalised", "sents_f", "words_per_second"):
        assert key in scores
    text = runner.invoke(cli, ["models"]).stdout
    assert "nl_wording_diff" in text and "held-out" in text


def test_resolution_order(monkeypatch, tmp_path):
    assert pipeline.resolve_model(None).source in ("bundled", "installed")
    monkeypatch.setenv(pipeline.ENV_VAR, str(pipeline.BUNDLED_PATH))
    info = pipeline.resolve_model(None)
    assert info.source == "environment" and info.path == str(pipeline.BUNDLED_PATH)
    with pytest.raises(pipeline.ModelError, match="not a spaCy pipeline folder"):
        pipeline.resolve_model(str(tmp_path))
    with pytest.raises(pipeline.ModelError, match="no such spaCy pipeline"):
        pipeline.resolve_model("nl_no_such_model_xyz")


def test_unknown_model_is_a_usage_error(runner):
    res = runner.invoke(cli, ["compare", "--a-text", "Dat gebeurt niet.", "--b-text", "Dat gebeurt nu niet.", "--model", "nl_no_such_model_xyz"])
    assert res.exit_code == 2 and "nl_no_such_model_xyz" in res.stderr


def test_help_and_version_do_not_import_spacy():
    import subprocess
    import sys

    code = "import sys; from wording_diff.cli import cli\ntry:\n    cli(['--help'])\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
