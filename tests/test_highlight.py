"""`wording-diff highlight`: every qualifier in one statement."""

from __future__ import annotations

import json

from conftest import GRAPPERHAUS

from wording_diff.cli import cli


def test_highlight_json_marks_the_loopholes(runner, tmp_path):
    f = tmp_path / "grapperhaus.txt"
    f.write_text(GRAPPERHAUS + "\n", encoding="utf8")
    res = runner.invoke(cli, ["highlight", str(f), "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["schema"] == "wording-diff.highlight/1" and doc["document"]["sentences"] == 1
    found = {(q["dimension"], q["text"]) for q in doc["sentences"][0]["qualifiers"]}
    for expected in [
        ("place", "in de publieke ruimte"),
        ("actor", "door de politie"),
        ("definition", "in de zin van real time gezichtsherkenning"),
        ("time", "op dit moment"),
        ("place", "in de politieorganisatie"),
        ("modality", "geen toestemming gegeven"),
    ]:
        assert expected in found
    text = doc["sentences"][0]["text"]
    for q in doc["sentences"][0]["qualifiers"]:
        assert text[q["start_char"] : q["end_char"]] == q["text"] and q["rule"]


def test_highlight_terminal_lists_qualifiers_without_colour(runner):
    res = runner.invoke(cli, ["highlight", "-"], input="Voor zover ik heb kunnen nagaan werken er geen Nederlandse opsporingsdiensten samen met Clearview.")
    assert res.exit_code == 0
    assert "[voorbehoud] Voor zover ik heb kunnen nagaan" in res.stdout
    assert "\x1b[" not in res.stdout


def test_highlight_html_is_self_contained(runner):
    res = runner.invoke(cli, ["highlight", "-", "--format", "html"], input=GRAPPERHAUS)
    assert res.stdout.startswith("<!DOCTYPE html>") and "q-place" in res.stdout and "<script" not in res.stdout


def test_highlight_missing_file(runner):
    res = runner.invoke(cli, ["highlight", "does-not-exist.txt"])
    assert res.exit_code == 2 and "does-not-exist.txt: no such file" in res.stderr
