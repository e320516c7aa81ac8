"""`wording-diff timeline`: dated statements, threads of one claim, steps, formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, needs_shared

from wording_diff.cli import cli
from wording_diff.examples import FOLDER
from wording_diff.sources.dates import find_dates, header_date
from wording_diff.sources.statements import gather

SCHEMA = json.loads((ROOT / "docs" / "timeline.schema.json").read_text(encoding="utf8"))
# Words that pick out the links of the Clearview chain (INDEX.md, items 1–4).
CHAIN = {
    "2019": "live gezichtsherkenning worden niet door onze diensten gebruikt",
    "2021-09": "wordt op dit moment in Nederland niet gedaan",
    "2021-10": "in de politieorganisatie geen toestemming gegeven",
    "2021-12": "vindt namelijk wél plaats in Nederland",
    "2024": "geen realtime gezichtsherkenningstechnologie inzet bij demonstraties",
}


def run_json(runner, *args) -> dict:
    result = runner.invoke(cli, ["timeline", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    return data


def thread_of(data: dict, words: str) -> dict:
    found = [t for t in data["threads"] if any(words in s["passage"] for s in t["statements"])]
    assert found, f"no thread holds «{words}»"
    return found[0]


def position(thread: dict, words: str) -> int:
    return next(i for i, s in enumerate(thread["statements"]) if words in s["passage"])


# ----------------------------------------------------------------------------- dates
def test_dates_as_the_headers_write_them():
    both = "ingediend 25 oktober 2021; beantwoord 13 december 2021"
    assert header_date(both).iso == "2021-12-13"
    assert header_date(both, ("ingediend",)).iso == "2021-10-25"
    assert header_date("2021-10 (as shown by the stored page)").iso == "2021-10"
    assert header_date("not shown by the stored page (reports the letter kst-32761-152 of 20 November 2019)").iso == "2019-11-20"
    found = find_dates("Herinnert u zich dat u in maart 2020 in antwoorden op Kamervragen (2016/680) aangaf")
    assert [(f.date.iso, f.date.precision) for f in found] == [("2020-03", "month")]


def test_quoted_statements_are_dated_by_the_text_that_quotes_them():
    path = needs_shared("data", "officiele-stukken", "clearview", "ah-tk-20212022-1053.txt")
    sts = gather([str(path)]).statements
    quoted = next(s for s in sts if CHAIN["2021-09"] in s.text)
    assert quoted.kind == "quote" and quoted.date.iso == "2021-09-28" and quoted.date.basis == "text" and not quoted.date.not_after
    # no date named: at the latest the date of the question that quotes it
    later = next(s for s in sts if CHAIN["2021-10"] in s.text)
    assert (later.date.iso, later.date.not_after, later.date.basis) == ("2021-10-25", True, "quoting-document")
    answer = next(s for s in sts if CHAIN["2021-12"] in s.text)
    assert answer.kind == "answer" and answer.date.iso == "2021-12-13" and "Grapperhaus" in answer.speaker


def test_one_wording_quoted_in_several_places_is_one_statement():
    folder = needs_shared("data", "officiele-stukken", "clearview")
    sts = gather([str(folder)]).statements
    copies = [s for s in sts if s.text.lower().startswith("voor zover ik heb kunnen nagaan werken er geen nederlandse opsporingsdiensten")]
    assert len(copies) == 1
    st = copies[0]
    # "u in maart 2020 … aangaf": the month the text names, and the minister it is put to
    assert (st.date.iso, st.date.precision) == ("2020-03", "month") and "Dekker" in st.speaker
    assert len(st.also_in) >= 2


# ----------------------------------------------------------------------------- the chain
def test_clearview_chain_is_one_thread_in_date_order(runner):
    folder = needs_shared("data", "officiele-stukken", "clearview")
    data = run_json(runner, str(folder), "--about", "gezichtsherkenning")
    thread = thread_of(data, CHAIN["2021-09"])
    order = [position(thread, words) for words in CHAIN.values()]
    assert order == sorted(order), order
    dates = [s["date"]["value"] for s in thread["statements"]]
    assert dates == sorted(dates)
    for st in thread["statements"]:
        assert st["speaker"] and st["source"]
    i = position(thread, CHAIN["2021-10"])
    step = thread["steps"][i - 1]
    assert step["from"] == thread["statements"][i - 1]["id"] and step["verdict"] == "narrowed"
    moved = {(c["dimension"], c["effect"]) for c in step["changes"] if c["kind"] != "unchanged"}
    assert {("actor", "narrows"), ("place", "narrows"), ("modality", "narrows")} <= moved
    correction = thread["steps"][position(thread, CHAIN["2021-12"]) - 1]
    assert correction["verdict"] == "reversed"
    assert any("niet helemaal juist" in (c["b"] or "") for c in correction["changes"])
    assert thread["net"]["from"] == thread["statements"][0]["id"] and thread["net"]["to"] == thread["statements"][-1]["id"]


def test_unrelated_claims_in_one_folder_stay_apart(runner):
    data = run_json(runner, str(FOLDER), "--min-links", "2")
    chain = thread_of(data, CHAIN["2021-09"])
    risks = thread_of(data, "kleven risico")
    assert chain["id"] != risks["id"]
    assert len(chain["statements"]) == 5 and len(risks["statements"]) == 2
    assert not any("risico" in s["passage"] for s in chain["statements"])
    assert [s["date"]["value"] for s in chain["statements"]] == ["2019-11-20", "2021-09-28", "2021-10-13", "2021-12-13", "2024-12-09"]


def test_manifest_in_any_order_comes_out_in_date_order(runner, tmp_path):
    rows = (FOLDER / "statements.csv").read_text(encoding="utf8").splitlines()
    manifest = tmp_path / "m.csv"
    manifest.write_text("\n".join([rows[0], *reversed(rows[1:])]) + "\n", encoding="utf8")
    for f in FOLDER.glob("*.txt"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf8"), encoding="utf8")
    data = run_json(runner, "--manifest", str(manifest), "--min-links", "2")
    chain = thread_of(data, CHAIN["2021-09"])
    assert [s["date"]["value"] for s in chain["statements"]] == ["2019-11-20", "2021-09-28", "2021-10-13", "2021-12-13", "2024-12-09"]
    assert all(s["date"]["basis"] == "manifest" for s in chain["statements"])


def test_about_limits_the_threads(runner):
    data = run_json(runner, str(FOLDER), "--about", "toestemming")
    assert data["about"] == ["toestemming"]
    assert all(any("toestemming" in c["text"].lower() for s in t["statements"] for c in s["claims"]) for t in data["threads"])


def test_min_links_hides_threads_of_one_statement(runner):
    every = run_json(runner, str(FOLDER))
    linked = run_json(runner, str(FOLDER), "--min-links", "2")
    assert any(len(t["statements"]) == 1 for t in every["threads"])
    assert all(len(t["statements"]) >= 2 for t in linked["threads"])
    assert linked["hidden_threads"] == len(every["threads"]) - len(linked["threads"]) > 0


# ----------------------------------------------------------------------------- undated
def _undated_manifest(tmp_path) -> Path:
    lines = [json.dumps({"date": "2021-09-28", "speaker": "Dekker", "source": "ah-tk-20212022-105", "text": (FOLDER / "2021-09-28-dekker.txt").read_text(encoding="utf8").split("\n\n", 1)[1]})]
    lines.append(json.dumps({"speaker": "Grapperhaus", "source": "ah-tk-20212022-472", "text": (FOLDER / "2021-10-13-grapperhaus.txt").read_text(encoding="utf8").split("\n\n", 1)[1]}))
    path = tmp_path / "undated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    return path


def test_undated_statement_is_a_clear_error(runner, tmp_path):
    path = _undated_manifest(tmp_path)
    result = runner.invoke(cli, ["timeline", "--manifest", str(path)])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and "has no date" in line and "undated.jsonl:2" in line and "--undated last" in line


def test_undated_last_places_it_after_the_dated(runner, tmp_path):
    data = run_json(runner, "--manifest", str(_undated_manifest(tmp_path)), "--undated", "last")
    thread = thread_of(data, "geen toestemming")
    assert [s["date"] and s["date"]["value"] for s in thread["statements"]] == ["2021-09-28", None]
    assert data["undated"] == [thread["statements"][-1]["id"]]


def test_bad_manifest_date_is_refused(runner, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("date,speaker,text,source\nlast tuesday,X,Het wordt op dit moment niet gedaan.,x\n", encoding="utf8")
    result = runner.invoke(cli, ["timeline", "--manifest", str(path)])
    assert result.exit_code == 2 and "cannot read the date" in result.output


def test_nothing_to_read(runner, tmp_path):
    result = runner.invoke(cli, ["timeline"])
    assert result.exit_code == 2 and "PATHS" in result.output


# ----------------------------------------------------------------------------- formats
@pytest.fixture(scope="module")
def example_outputs(tmp_path_factory):
    from click.testing import CliRunner

    out = {}
    for fmt in ("text", "markdown", "html"):
        result = CliRunner().invoke(cli, ["timeline", str(FOLDER), "--min-links", "2", "--format", fmt])
        assert result.exit_code == 0, result.output
        out[fmt] = result.output
    return out


def test_text_view_shows_each_wording_with_date_speaker_and_step(example_outputs):
    text = example_outputs["text"]
    assert "28 september 2021" in text and "Dekker" in text and "ah-tk-20212022-105" in text
    assert "VERNAUWD" in text and "Netto" in text
    body = text[text.index("\n\n20 november 2019") :]  # after the thread's heading, which names its span
    assert body.index("20 november 2019") < body.index("28 september 2021") < body.index("9 december 2024")


def test_markdown_view(example_outputs):
    md = example_outputs["markdown"]
    assert "| datum | uitspraak | formulering |" in md
    assert "**door de politie**" in md
    assert "{" not in md


def test_html_is_self_contained(example_outputs):
    html = example_outputs["html"]
    assert html.startswith("<!DOCTYPE html>")
    for forbidden in ("<script", "<link", "<img", "<iframe", "@import", "url(", " src="):
        assert forbidden not in html
    assert 'href="https://zoek.officielebekendmakingen.nl/ah-tk-20212022-105.html"' in html
    assert re.search(r'<mark class="q q-actor changed narrows"[^>]*>door de politie</mark>', html)
    assert html.count('<tr id="t1-') == 5


# ----------------------------------------------------------------------------- files
def test_output_files_get_the_users_permissions(runner, tmp_path):
    import os

    target = tmp_path / "t.md"
    old = os.umask(0o022)
    try:
        result = runner.invoke(cli, ["timeline", str(FOLDER / "2021-09-28-dekker.txt"), "-f", "markdown", "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)  # a file that is replaced keeps its own permissions
        result = runner.invoke(cli, ["timeline", str(FOLDER / "2021-09-28-dekker.txt"), "-f", "markdown", "-o", str(target)])
        assert target.stat().st_mode & 0o777 == 0o640
        os.umask(0o027)
        other = tmp_path / "u.md"
        runner.invoke(cli, ["timeline", str(FOLDER / "2021-09-28-dekker.txt"), "-f", "markdown", "-o", str(other)])
        assert other.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
