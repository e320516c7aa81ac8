"""Bulk input: JSON Lines files of real Kamervragen records and folders in the official
repository's layout, read one document at a time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import needs_shared

from wording_diff.cli import cli


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _bulk(name: str) -> Path:
    return needs_shared("data", "kamervragen-bulk", name)


def _lines(path: Path, keep) -> list[str]:
    return [line for line in path.read_text(encoding="utf8").splitlines(keepends=True) if keep(json.loads(line))]


@pytest.fixture()
def bulk_folder(tmp_path):
    """Real records of two of the bulk files: three single question-answer pairs, an
    answer document whose questions are numbered "1. …?" with "Antwoord:" labels, and a
    cover page of oral questions that holds no question at all."""
    folder = tmp_path / "bulk"
    folder.mkdir()
    pairs = _bulk("SSC-ICT-Innovatie_LearningLion-FineTuneEmbeddings_validation.jsonl")
    (folder / "pairs.jsonl").write_text("".join(pairs.read_text(encoding="utf8").splitlines(keepends=True)[:3]), encoding="utf8")
    limburg = _bulk("jorisheijkant_kamervragen-limburg.jsonl")
    chosen = _lines(limburg, lambda r: r["id"] in ("kv-tk-2024Z18775", "ah-tk-20242025-617"))
    (folder / "limburg.jsonl").write_text("".join(chosen) + "\n{not json\n", encoding="utf8")
    return folder


def test_bulk_records_become_documents_with_questions_and_answers(runner, bulk_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    res = runner.invoke(cli, ["scan", str(bulk_folder), "-f", "jsonl", "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    recs = records(res.stdout)
    where = [(Path(r["document"]).name, "error" if "error" in r else r["labels"]["b"]) for r in recs]
    limburg = [w for w in where if w[0].startswith("limburg")]
    # in file order: the cover page (no questions: an error record), the answer document's
    # pairs, then the broken line, each named by its line
    assert limburg[0] == ("limburg.jsonl:1", "error")
    assert [b for name, b in limburg if name == "limburg.jsonl:2"][:3] == ["Antwoord 1", "Antwoord 2", "Antwoord 3"]
    assert limburg[-1] == ("limburg.jsonl:4", "error")
    assert "not valid JSON" in recs[[r["document"] for r in recs].index(str(bulk_folder / "limburg.jsonl:4"))]["error"]
    answer = next(r for r in recs if r["document"].endswith("limburg.jsonl:2"))
    assert answer["document_id"] == "ah-tk-20242025-617" and answer["a"]["text"].startswith("Kunt u bevestigen")
    singles = [r for r in recs if Path(r["document"]).name.startswith("pairs.jsonl")]
    assert [Path(r["document"]).name for r in singles] == ["pairs.jsonl:1", "pairs.jsonl:2", "pairs.jsonl:3"]
    assert all(r["pair_kind"] == "question-answer" and r["labels"] == {"a": "Vraag 1", "b": "Antwoord 1"} for r in singles)
    assert "\n" not in singles[0]["a"]["text"]  # the PDF's line breaks inside a paragraph are joined


def test_records_are_found_by_offset_and_read_one_at_a_time(bulk_folder):
    from wording_diff.scan import discover, read

    path = bulk_folder / "pairs.jsonl"
    data = path.read_bytes()
    refs = list(discover([str(path)]))
    assert [r.line for r in refs] == [1, 2, 3]
    assert [r.offset for r in refs] == [0, data.index(b"\n") + 1, data.index(b"\n", data.index(b"\n") + 1) + 1]
    third = json.loads(data.splitlines()[2])
    assert read(refs[2]).questions[0].text.split()[:4] == third["question_text"].split()[:4]


def test_a_folder_in_the_official_repository_layout_gives_each_document_once(tmp_path):
    """``<id>/<version>/<manifestation>/<id>.<ext>`` with ``metadata/metadata.xml``: the
    latest version's XML is read, with who asked and who answered from its metadata (the
    values are those of ah-tk-20202021-876's metadata.xml)."""
    from wording_diff.scan import discover, read

    xml = needs_shared("data", "formats", "xml-fragments", "ah-tk-20202021-876.xml")
    work = tmp_path / "ah-tk" / "20202021" / "ah-tk-20202021-876"
    for version in ("1", "2"):
        (work / version / "xml").mkdir(parents=True)
        shutil.copy(xml, work / version / "xml" / "ah-tk-20202021-876.xml")
        (work / version / "html").mkdir()
        shutil.copy(Path(__file__).parent / "data" / "ah-tk-20992100-1.html", work / version / "html" / "ah-tk-20202021-876.html")
        (work / version / "metadata").mkdir()
        (work / version / "metadata" / "metadata.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens>\n'
            '  <metadata name="DC.identifier" scheme="" content="ah-tk-20202021-876"/>\n'
            '  <metadata name="DCTERMS.available" scheme="" content="2020-11-24"/>\n'
            '  <metadata name="DC.type" scheme="" content="Antwoord"/>\n'
            '  <metadata name="DC.type" scheme="" content="Aanhangsel van de Handelingen"/>\n'
            '  <metadata name="OVERHEIDop.indiener" scheme="" content="A.E. Diertens"/>\n'
            '  <metadata name="OVERHEIDop.ontvanger" scheme="" content="P. Blokhuis"/>\n'
            "</metadata_gegevens>\n",
            encoding="utf8",
        )
    (tmp_path / "ah-tk" / "20202021" / "loose.txt").write_text("Vraag 1\nIs dat zo?\n\nAntwoord 1\nJa.\n", encoding="utf8")
    refs = list(discover([str(tmp_path / "ah-tk")]))
    assert [Path(r.path).relative_to(tmp_path).as_posix() for r in refs] == [
        "ah-tk/20202021/ah-tk-20202021-876/2/xml/ah-tk-20202021-876.xml",
        "ah-tk/20202021/loose.txt",
    ]
    doc = read(refs[0])
    assert (doc.questioners, doc.answered_by, doc.date) == ("A.E. Diertens", "P. Blokhuis", "2020-11-24")
    assert doc.blocks[0].label == "Vraag 1" and doc.kind == "answer"
    # the work folder given itself is one document too
    assert [r.path for r in discover([str(work)])] == [refs[0].path]
