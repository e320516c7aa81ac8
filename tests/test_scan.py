"""`wording-diff scan`: readers, pairing, ranking, streaming output, the cache."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import SHARED, needs_shared
from wording_diff.cli import cli
from wording_diff.sources.kamervragen import parse_numbers, read_document

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_numbers_of_combined_labels():
    assert parse_numbers("2 en 3") == ("2", "3")
    assert parse_numbers("4, 5 en 6") == ("4", "5", "6")
    assert parse_numbers("5 t/m 7") == ("5", "6", "7")


def test_text_document_is_split_into_questions_and_answers():
    doc = read_document(str(needs_shared("data", "officiele-stukken", "kamervragen", "ah-tk-20232024-1092.txt")))
    assert doc.id == "ah-tk-20232024-1092" and doc.kind == "answer"
    assert [b.label for b in doc.blocks[:4]] == ["Vraag 1", "Antwoord 1", "Vraag 2 en 3", "Antwoord 2 en 3"]
    assert "Staatssecretaris Van Huffelen" in doc.answered_by and doc.questioners.startswith("Chakor")
    # page furniture and footnote texts are not part of any answer
    assert not any("ISSN" in b.text or "binnenlandsbestuur.nl" in b.text for b in doc.blocks)


def test_truncated_document_says_so():
    doc = read_document(str(needs_shared("data", "officiele-stukken", "clearview", "ah-tk-20192020-2669.txt")))
    assert doc.partial and any(n.startswith("incomplete") for n in doc.notes)


def test_official_xml_footnotes_are_left_out():
    doc = read_document(str(needs_shared("data", "formats", "xml-fragments", "ah-tk-20202021-876.xml")))
    assert doc.blocks[0].label == "Vraag 1" and doc.blocks[1].text == "Ja"
    assert "ec.europa.eu" not in doc.blocks[0].text and "Herinnert u zich de oproep" in doc.blocks[0].text


def test_html_page_reader():
    doc = read_document(str(DATA / "ah-tk-20992100-1.html"))
    assert doc.id == "ah-tk-20992100-1" and doc.questioners == "A. Voorbeeld"
    assert [b.label for b in doc.blocks] == ["Vraag 1", "Antwoord 1", "Vraag 2 en 3", "Antwoord 2 en 3"]
    assert doc.blocks[0].text.endswith("analyseren?")  # footnote number link dropped
    assert "tracking" not in " ".join(b.text for b in doc.blocks)


def test_quoted_statements_and_their_versions():
    doc = read_document(str(needs_shared("data", "officiele-stukken", "clearview", "ah-tk-20212022-1053.txt")))
    quotes = doc.quoted_statements()
    assert [q.question.label for q in quotes] == ["Vraag 2", "Vraag 3"]
    assert quotes[1].replaces_earlier and not quotes[0].replaces_earlier


def test_scan_of_the_clearview_documents_ranks_the_reformulation_first(runner, cache):
    folder = needs_shared("data", "officiele-stukken", "clearview")
    res = runner.invoke(cli, ["scan", str(folder), "--format", "jsonl", "--quiet"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    recs = records(res.stdout)
    pairs = [r for r in recs if "error" not in r]
    errors = [r for r in recs if "error" in r]
    # letters and news items are not Kamervragen: reported, and the scan went on
    assert {Path(e["document"]).name for e in errors} >= {"kst-32761-152.txt", "news-tweakers-160160.txt"}
    versions = [r for r in pairs if r["pair_kind"] == "versions"]
    assert any(r["document_id"] == "ah-tk-20212022-1053" and r["verdict"] == "narrowed" for r in versions)
    assert any(r["pair_kind"] == "quoted-statement" for r in pairs)
    answered = {r["document_id"] for r in pairs if r["pair_kind"] == "question-answer"}
    assert {"ah-tk-20212022-105", "ah-tk-20232024-1198", "ah-tk-20242025-770"} <= answered
    ranked = sorted(pairs, key=lambda r: r["magnitude"], reverse=True)
    top = [(r["document_id"], r["pair_kind"]) for r in ranked[:3]]
    assert ("ah-tk-20212022-1053", "versions") in top
    for r in pairs:
        assert r["schema"] == "wording-diff.scan/1" and {"a", "b", "similarity", "verdict", "qualifiers", "changes"} <= set(r)


def test_scan_human_report_and_csv(runner, cache, tmp_path):
    folder = needs_shared("data", "officiele-stukken", "clearview")
    md = runner.invoke(cli, ["scan", str(folder), "--format", "markdown", "--top", "5", "-q"])
    assert md.exit_code == 0 and md.stdout.startswith("# wording-diff scan")
    assert "ah-tk-20212022-1053" in md.stdout.split("## ")[1]  # the first ranked detail
    out = tmp_path / "scan.csv"
    res = runner.invoke(cli, ["scan", str(folder), "--format", "csv", "-o", str(out), "-q"])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf8"))))
    assert rows and {"document", "pair_kind", "verdict", "magnitude", "error"} <= set(rows[0])


def test_scan_uses_the_parse_cache_and_stays_byte_identical(runner, cache, tmp_path):
    doc = needs_shared("data", "officiele-stukken", "clearview", "ah-tk-20212022-1053.txt")
    first = runner.invoke(cli, ["scan", str(doc), "--format", "jsonl", "-q"])
    assert any(cache.rglob("*.spacy"))
    second = runner.invoke(cli, ["scan", str(doc), "--format", "jsonl", "-q"])
    assert first.stdout == second.stdout and first.stdout
    nocache = runner.invoke(cli, ["scan", str(doc), "--format", "jsonl", "-q", "--no-cache"])
    assert nocache.stdout == first.stdout


def test_manifest_pairs(runner, cache, tmp_path):
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(
        "id,a,b\nseed,\"Dat wordt op dit moment in Nederland niet gedaan.\",\"Dat wordt op dit moment in de politieorganisatie niet gedaan.\"\n"
        "broken,,\"alleen b\"\n",
        encoding="utf8",
    )
    res = runner.invoke(cli, ["scan", "--manifest", str(manifest), "--format", "jsonl", "-q"])
    assert res.exit_code == 0, res.stderr
    recs = records(res.stdout)
    assert [r["pair_kind"] for r in recs if "error" not in r] == ["manifest"]
    assert any("needs 'a'" in r.get("error", "") for r in recs)


def test_nothing_readable_is_a_usage_error(runner, cache, tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01binary")
    res = runner.invoke(cli, ["scan", str(tmp_path / "x.txt"), "--format", "jsonl"])
    assert res.exit_code == 2 and "nothing could be read" in res.stderr
    assert runner.invoke(cli, ["scan"]).exit_code == 2
