"""Each stage of the scan on its own: discover, read, pair, cache, execute, records, and
the front door api.scan_paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import needs_shared

from wording_diff.errors import InputError, ScanError

DATA = Path(__file__).parent.parent / "data"
KINDS = frozenset({"question-answer", "versions", "quoted-statement"})


def _kamervragen(name: str) -> Path:
    return needs_shared("data", "officiele-stukken", "kamervragen", name)


def test_discover_walks_folders_and_globs_once_in_sorted_order(tmp_path):
    from wording_diff.scan.discover import DocRef, discover

    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "b/1.xml", "a.html", ".hidden/x.txt", "notes.md", "b/3.pdfx"):
        (tmp_path / name).write_text("x", encoding="utf8")
    found = [Path(r.path).relative_to(tmp_path).as_posix() for r in discover([str(tmp_path), str(tmp_path / "b" / "*.txt")])]
    assert found == ["a.html", "b/1.xml", "b/2.txt"]  # the glob's file was already found
    assert list(discover([str(tmp_path / "missing.txt")])) == [DocRef(str(tmp_path / "missing.txt"))]
    assert DocRef("x.jsonl", line=3, offset=10).label == "x.jsonl:3" and DocRef("x.txt").label == "x.txt"


def test_read_gives_a_document_or_one_line_error(tmp_path):
    from wording_diff.scan.discover import DocRef
    from wording_diff.scan.read import read

    doc = read(DocRef(str(_kamervragen("ah-tk-20232024-1092.txt"))))
    assert doc.id == "ah-tk-20232024-1092" and doc.answers
    with pytest.raises(InputError, match="no such file"):
        read(DocRef(str(tmp_path / "nope.txt")))


def test_pair_matches_answers_with_their_questions_and_reads_a_manifest(tmp_path):
    from wording_diff.scan.discover import DocRef
    from wording_diff.scan.pair import PairJob, Unreadable, pairs_for, read_manifest
    from wording_diff.scan.read import read

    doc = read(DocRef(str(_kamervragen("ah-tk-20232024-1092.txt"))))
    jobs = pairs_for(doc, {"question-answer"})
    assert [(j.a_label, j.b_label) for j in jobs[:2]] == [("Vraag 1", "Antwoord 1"), ("Vraag 2 en 3", "Antwoord 2 en 3")]
    assert pairs_for(doc, {"versions"}) == []
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"id": "x", "a": "Dat gebeurt niet.", "b": "Dat gebeurt nu niet."}\n{broken\n', encoding="utf8")
    items = list(read_manifest(str(manifest)))
    assert [type(i) for i in items] == [Unreadable, PairJob] and items[1].doc_id == "x"


def test_cache_reads_back_what_it_wrote_and_takes_a_damaged_entry_for_missing(tmp_path, parser):
    from wording_diff.scan.cache import DocCache, ResultCache

    docs = DocCache(parser, tmp_path / "docs")
    texts = ["Dat gebeurt op dit moment niet.", "De politie doet dat in Nederland niet."]
    first, read_back = docs.parse_all(texts)
    assert read_back == 0
    again, read_back = docs.parse_all(texts)
    assert read_back == 2 and [d.to_json()["tokens"] for d in again] == [d.to_json()["tokens"] for d in first]
    next((tmp_path / "docs").rglob("*.spacy")).write_bytes(b"damaged")
    assert docs.parse_all(texts)[1] == 1
    results = ResultCache(tmp_path / "pairs", ("context",))
    results.put("ab" * 32, {"verdict": "narrowed"})
    assert results.get("ab" * 32) == {"verdict": "narrowed"} and results.get("cd" * 32) is None
    next((tmp_path / "pairs").rglob("*.json")).write_text("{not json", encoding="utf8")
    assert results.get("ab" * 32) is None


def test_execute_keeps_error_records_in_place_within_a_unit(tmp_path, parser):
    from wording_diff.scan.discover import DocRef
    from wording_diff.scan.execute import ScanSettings, local_executor

    shutil.copy(DATA / "ah-tk-20992100-1.html", tmp_path / "a.html")
    (tmp_path / "b.txt").write_bytes(b"")
    settings = ScanSettings(kinds=KINDS, lang="nl", max_bytes=10**6, cache_root=None)
    unit = ("files", [DocRef(str(tmp_path / "a.html")), DocRef(str(tmp_path / "b.txt")), DocRef(str(tmp_path / "a.html"))])
    with local_executor(parser, settings, 1) as run:
        (result,) = list(run([unit]))
    kinds = ["error" if "error" in r else r["pair_kind"] for r in result.records]
    half = (len(kinds) - 1) // 2
    assert kinds[half] == "error" and kinds[:half] == kinds[half + 1 :] and half > 0
    assert result.records[half]["error"] == "empty file"
    assert (result.stats.documents, result.stats.unreadable, result.files) == (2, 1, 3)


def test_records_rank_and_fail_on(parser):
    from wording_diff.scan.pair import PairJob
    from wording_diff.scan.records import TopPairs, record_fails, record_for

    lexicon = parser.nlp.get_pipe("scope_qualifiers").lexicon
    job = PairJob("d", "d", "versions", "a", "b", "Dat gebeurt in Nederland niet.", "Dat gebeurt in de publieke ruimte niet.")
    record = record_for(job, parser.parse(job.a_text), parser.parse(job.b_text), lexicon, "nl")
    assert record["verdict"] == "narrowed" and record["magnitude"] > 0
    assert record_fails(record, "narrowed") and record_fails(record, "any") and not record_fails(record, "broadened")
    top = TopPairs(2)
    for m in (0.5, 3.0, 1.0, 2.0):
        top.add({"magnitude": m, "score": 0.0})
    top.add({"error": "x"})
    assert [r["magnitude"] for r in top.ranked()] == [3.0, 2.0]


def test_api_scan_paths_streams_records_and_reports_progress(tmp_path, monkeypatch):
    from wording_diff.api import scan_paths

    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    shutil.copy(DATA / "ah-tk-20992100-1.html", tmp_path / "a.html")
    out, seen = [], []
    stats = scan_paths([str(tmp_path)], emit=out.append, progress=lambda done, total: seen.append((done, total)))
    assert stats.documents == 1 and len(out) == stats.pairs > 0 and seen[-1] == (1, 1)
    assert all(json.dumps(r) for r in out)
    with pytest.raises(ScanError, match="needs PATHS"):
        scan_paths([], emit=out.append)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    with pytest.raises(ScanError, match="nothing could be read"):
        scan_paths([str(tmp_path / "bad.txt")], emit=out.append)


def test_without_the_dask_extra_the_dask_executor_says_how_to_get_it(tmp_path, monkeypatch):
    import sys

    from wording_diff.api import scan_paths

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    # the cluster module is imported afresh under that pretence, and forgotten afterwards
    # (so that a later test gets the one made with the real distributed)
    monkeypatch.delitem(sys.modules, "wording_diff.scan.cluster", raising=False)
    shutil.copy(DATA / "ah-tk-20992100-1.html", tmp_path / "a.html")
    try:
        with pytest.raises(ScanError, match=r"pip install 'wording-diff\[dask\]'"):
            scan_paths([str(tmp_path / "a.html")], emit=lambda r: None, executor="dask", use_cache=False)
    finally:
        sys.modules.pop("wording_diff.scan.cluster", None)
