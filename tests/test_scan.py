"""`wording-diff scan`: readers, pairing, ranking, streaming output, the cache."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import needs_shared

from wording_diff.cli import cli
from wording_diff.sources import read_document
from wording_diff.sources.kamervragen import parse_numbers

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
    table = runner.invoke(cli, ["scan", str(folder), "--top", "3", "-q"])
    assert table.exit_code == 0 and "top 3 by scope change" in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 120  # nothing cut off at the default width
    assert table.stdout.count("ah-tk-20212022-1053") >= 2 and "versions" in table.stdout
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


# ------------------------------------------------------------------ workers and the caches
def _folder(tmp_path: Path) -> Path:
    """Three documents and a broken one between them, so that order across units shows."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(needs_shared("data", "officiele-stukken", "clearview", "ah-tk-20212022-1053.txt"), folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01 not a document")
    shutil.copy(DATA / "ah-tk-20992100-1.html", folder / "c.html")
    shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", "ah-tk-20232024-1092.txt"), folder / "d.txt")
    return folder


def _scan(paths, **kw):
    from wording_diff.api import get_parser
    from wording_diff.scan import scan

    out: list[dict] = []
    stats = scan([str(p) for p in paths], kinds={"question-answer", "versions", "quoted-statement"}, parser=get_parser(), emit=out.append, **kw)
    return out, stats


def test_two_workers_give_the_same_records_in_the_same_order(tmp_path):
    folder = _folder(tmp_path)
    one, stats_one = _scan([folder], use_cache=False, chunk_documents=1)
    two, stats_two = _scan([folder], use_cache=False, chunk_documents=1, n_process=2)
    assert json.dumps(two) == json.dumps(one)
    assert [Path(r["document"]).name for r in one if "error" in r] == ["b.txt"]
    assert [Path(r["document"]).name for r in one].index("b.txt") > 0  # in input order, not first
    assert (stats_two.documents, stats_two.unreadable, stats_two.pairs) == (stats_one.documents, stats_one.unreadable, stats_one.pairs) == (3, 1, stats_one.pairs)


def test_workers_started_afresh_load_the_same_pipeline(tmp_path, monkeypatch):
    """Where processes cannot be forked (macOS, Windows) each worker loads the pipeline."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: [m for m in methods if m != "fork"])
    folder = _folder(tmp_path)
    one, _ = _scan([folder], use_cache=False)
    two, _ = _scan([folder], use_cache=False, chunk_documents=1, n_process=2)
    assert json.dumps(two) == json.dumps(one)


def test_scan_with_jobs_through_the_cli(runner, cache, tmp_path):
    folder = _folder(tmp_path)
    res = runner.invoke(cli, ["scan", str(folder), "--jobs", "2", "-f", "jsonl", "-q", "--no-cache"])
    assert res.exit_code == 0, res.stderr
    assert len([r for r in records(res.stdout) if "error" in r]) == 1


def test_rescan_reads_compared_pairs_and_parses_nothing(cache, tmp_path):
    folder = _folder(tmp_path)
    cold, cold_stats = _scan([folder])
    warm, warm_stats = _scan([folder])
    assert json.dumps(warm) == json.dumps(cold)
    assert cold_stats.results_reused == 0 and cold_stats.cache_misses > 0
    assert warm_stats.results_reused == warm_stats.pairs == cold_stats.pairs and warm_stats.cache_misses == 0
    # moved elsewhere: the results are kept, the records name the new place
    moved = tmp_path / "elsewhere"
    shutil.copytree(folder, moved)
    again, again_stats = _scan([moved])
    assert again_stats.results_reused == again_stats.pairs and again_stats.cache_misses == 0
    assert {Path(r["document"]).parent for r in again} == {moved}
    # a damaged entry is compared again (from the parse cache) and rewritten
    entries = sorted(p for p in (cache / "pairs").rglob("*.json") if "pair_kind" in json.loads(p.read_bytes()))
    assert len(entries) == cold_stats.pairs
    entries[0].write_bytes(b"{not json")
    repaired, repaired_stats = _scan([folder])
    assert json.dumps(repaired) == json.dumps(cold)
    assert repaired_stats.results_reused == cold_stats.pairs - 1 and repaired_stats.cache_misses == 0


def test_editing_a_user_lexicon_keeps_the_parses_and_compares_again_only_what_it_touches(cache, tmp_path):
    from wording_diff.api import _parsers, scan_paths
    from wording_diff.pipeline import _load
    from wording_diff.qualifiers.lexicon import load_lexicon

    doc = tmp_path / "q.txt"
    doc.write_text(
        "ah-tk-20992100-7\n\nVraag 1\nGebruikt de politie gezichtsherkenning?\n\n"
        "Vraag 2\nIs de Koninklijke Marechaussee op de hoogte van deze software?\n\n"
        "Antwoord 1\nDe politie gebruikt gezichtsherkenning niet bij demonstraties.\n\n"
        "Antwoord 2\nDe Koninklijke Marechaussee is niet op de hoogte van deze software.\n",
        encoding="utf8",
    )
    lexicon = tmp_path / "extra.json"
    lexicon.write_text('{"phrases": []}', encoding="utf8")

    def scan_once():
        # a new process would read the file again; this one forgets what it loaded
        _parsers.clear(), load_lexicon.cache_clear(), _load.cache_clear()
        out: list[dict] = []
        return out, scan_paths([str(doc)], emit=out.append, lexicon=str(lexicon))

    def fresh_scan():
        out: list[dict] = []
        scan_paths([str(doc)], emit=out.append, lexicon=str(lexicon), use_cache=False)
        return out

    before, cold = scan_once()
    assert cold.cache_misses == 4 and not any(q["rule"] == "lex:condition.demonstraties" for q in before[0]["qualifiers"]["b"])
    lexicon.write_text(
        '{"phrases": [{"id": "condition.demonstraties", "dimension": "condition", "value": "demonstraties", "terms": ["bij demonstraties"]}]}',
        encoding="utf8",
    )
    after, edited = scan_once()
    assert any(q["text"] == "bij demonstraties" and q["rule"] == "lex:condition.demonstraties" for q in after[0]["qualifiers"]["b"])
    # nothing was parsed again: the parses were read and only the qualifiers re-run; the
    # second pair, where the new phrase marks nothing, was read back, not compared again
    assert (edited.cache_misses, edited.cache_hits, edited.results_reused, edited.results_reused_by_marks) == (0, 4, 0, 1)
    assert json.dumps(after[1]) == json.dumps(before[1])
    # and what the cached parses and results give is what a fresh parse and comparison give
    assert json.dumps(fresh_scan()) == json.dumps(after)
    # a list the comparison reads itself (not through marks) compares every pair again
    lexicon.write_text(lexicon.read_text(encoding="utf8")[:-1] + ', "words": {"report_verbs": ["berichten"]}}', encoding="utf8")
    _, reread = scan_once()
    assert (reread.cache_misses, reread.results_reused, reread.results_reused_by_marks) == (0, 0, 0)
    _parsers.clear(), load_lexicon.cache_clear(), _load.cache_clear()


def test_compared_again_from_cached_parses_is_byte_identical_to_parsing(cache, tmp_path):
    folder = _folder(tmp_path)
    parsed, _ = _scan([folder], use_cache=False)
    _scan([folder])  # fills the parse cache
    from_cache, stats = _scan([folder], reuse_results=False)
    assert stats.cache_misses == 0 and stats.cache_hits > 0 and stats.results_reused == 0
    assert json.dumps(from_cache) == json.dumps(parsed)


# ------------------------------------------------------------------ nader antwoord (versions)
_ORIGINAL = "ah-tk-20232024-1092.txt"
_NADER_ANSWER = (
    "Ambtenaren hebben, binnen de grenzen die de Ambtenarenwet 2017 stelt, het recht van vrijheid van "
    "meningsuiting, het recht tot vereniging en het recht tot vergadering en betoging."
)


def _nader(folder: Path, *, reference: str = "", repeat_question: bool = True, title: bool = True) -> Path:
    original = read_document(str(folder / _ORIGINAL))
    question = next(q for q in original.questions if q.label == "Vraag 2 en 3")
    lines = [
        "title: Nader antwoord op vragen van de leden Chakor (GroenLinks-PvdA) en Kostić (PvdD) aan de Staatssecretaris "
        "van Binnenlandse Zaken en Koninkrijksrelaties over de vrijheid van meningsuiting voor ambtenaren" if title else "title: Nader antwoord",
        "",
        "Nader antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties)",
        f"Hierbij ontvangt u een aanvulling op mijn antwoord op de vragen 2 en 3{reference}.",
        "",
    ]
    if repeat_question:
        lines += ["Vraag 2 en 3", question.text, ""]
    lines += ["Antwoord 2 en 3", _NADER_ANSWER, ""]
    path = folder / "nader.txt"
    path.write_text("\n".join(lines), encoding="utf8")
    return path


def _versions(folder: Path) -> list[dict]:
    """The versions pairs found for the nader antwoord."""
    out, _ = _scan([folder], use_cache=False)
    return [r for r in out if r.get("pair_kind") == "versions" and Path(r["document"]).name == "nader.txt"]


def test_a_nader_antwoord_is_paired_with_the_original_it_names(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", _ORIGINAL), folder / _ORIGINAL)
    _nader(folder, reference=" (Aanhangsel Handelingen, ah-tk-20232024-1092)", repeat_question=False, title=False)
    (pair,) = _versions(folder)
    assert pair["labels"]["a"] == "ah-tk-20232024-1092 Antwoord 2 en 3"
    assert pair["a"]["text"].startswith("Ambtenaren hebben, zoals iedereen in Nederland")
    assert pair["b"]["text"] == _NADER_ANSWER and Path(pair["document"]).name == "nader.txt"


def test_without_a_reference_the_original_is_found_by_its_repeated_questions(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in (_ORIGINAL, "ah-tk-20232024-1433.txt", "ah-tk-20232024-204.txt"):
        shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", name), folder / name)
    _nader(folder)
    (pair,) = _versions(folder)
    assert pair["labels"] == {"a": "ah-tk-20232024-1092 Antwoord 2 en 3", "b": "nader Antwoord 2 en 3"}


def test_without_a_reference_or_questions_the_titles_decide(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in (_ORIGINAL, "ah-tk-20232024-1433.txt"):
        shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", name), folder / name)
    _nader(folder, repeat_question=False)
    (pair,) = _versions(folder)
    assert pair["labels"]["a"] == "ah-tk-20232024-1092 Antwoord 2 en 3"
    _nader(folder, repeat_question=False, title=False)  # "Nader antwoord" alone says nothing
    assert _versions(folder) == []


def test_a_nader_antwoord_like_no_scanned_document_is_not_paired(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", "ah-tk-20232024-1433.txt"), folder / "other.txt")
    shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", _ORIGINAL), tmp_path / _ORIGINAL)
    _nader(tmp_path)  # written beside, then moved in without its original
    shutil.move(str(tmp_path / "nader.txt"), str(folder / "nader.txt"))
    assert _versions(folder) == []


def test_a_nader_antwoord_finds_its_original_by_the_zaak_number_of_the_questions(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    text = needs_shared("data", "officiele-stukken", "kamervragen", _ORIGINAL).read_text(encoding="utf8")
    assert "(ingezonden 16 januari 2024)." in text
    (folder / _ORIGINAL).write_text(text.replace("(ingezonden 16 januari 2024).", "(ingezonden 16 januari 2024, 2024Z00612)."), encoding="utf8")
    # a second document citing other questions must not be taken for the original
    shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", "ah-tk-20232024-204.txt"), folder / "other.txt")
    _nader(folder, reference=" (2024Z00612)", repeat_question=False, title=False)
    (pair,) = _versions(folder)
    assert pair["labels"]["a"] == "ah-tk-20232024-1092 Antwoord 2 en 3"


def test_several_nader_antwoorden_each_find_their_own_original(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in (_ORIGINAL, "ah-tk-20232024-204.txt"):
        shutil.copy(needs_shared("data", "officiele-stukken", "kamervragen", name), folder / name)
    _nader(folder, title=False)
    other = read_document(str(folder / "ah-tk-20232024-204.txt"))
    question = other.questions[0]
    (folder / "a-nader.txt").write_text(
        f"title: Nader antwoord\n\n{question.label}\n{question.text}\n\nAntwoord {question.numbers[0]}\nDat wordt nader onderzocht.\n",
        encoding="utf8",
    )
    out, _ = _scan([folder], use_cache=False)
    versions = [(Path(r["document"]).name, r["labels"]["a"].split()[0]) for r in out if r.get("pair_kind") == "versions"]
    assert versions == [("a-nader.txt", "ah-tk-20232024-204"), ("nader.txt", "ah-tk-20232024-1092")]
