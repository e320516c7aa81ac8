"""PDF and Word files as users have them: the 16 official answer PDFs and 6 Word answer
letters in ../shared/data/formats, small documents made here for what those do not show
(two columns, Word list numbering, tracked changes), and broken or hostile files."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import needs_shared

from wording_diff.cli import cli
from wording_diff.errors import InputError
from wording_diff.sources import read_document, read_text
from wording_diff.sources.docx import extract_docx
from wording_diff.sources.office import extract
from wording_diff.sources.pdf import extract_pdf

# The numbering of each document, read from the documents themselves (every "Vraag N" and
# "Antwoord N" label, in order; "3,4,5" is one label covering three questions). 1999 is a
# mededeling: the questions were answered by letter, so it has no answers. 2367 prints
# "Vraag 7, 8, 9 10 en 11" (no comma before 10).
PDF_NUMBERING = {
    "ah-tk-20232024-1076": ("1 2 3 4 5", "1 2 3 4 5"),
    "ah-tk-20232024-1178": ("1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 8 9"),
    "ah-tk-20232024-1292": ("1 2 3 4 5 6 7 8 9 10", "1 2 3 4 5 6 7 8 9 10"),
    "ah-tk-20232024-1314": ("1 2 3,4,5 6", "1 2 3,4,5 6"),
    "ah-tk-20232024-1432": ("1 2 3 4 5 6", "1 2 3 4 5 6"),
    "ah-tk-20232024-1786": ("1 2 3 4 5 6 7 8 9 10,11 12 13 14 15", "1 2 3 4 5 6 7 8 9 10,11 12 13 14 15"),
    "ah-tk-20232024-1949": ("1 2,3 4 5", "1 2,3 4 5"),
    "ah-tk-20232024-1980": ("1 2 3 4 5 6", "1 2 3 4 5 6"),
    "ah-tk-20232024-1984": ("1 2 3 4 5 6 7 8 9,10 11", "1 2 3 4 5 6 7 8 9,10 11"),
    "ah-tk-20232024-1999": ("1 2 3", ""),
    "ah-tk-20232024-2129": ("1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 8 9"),
    "ah-tk-20232024-2271": ("1 2 3 4 5 6 7 8 9 10 11 12", "1 2 3 4 5 6 7 8 9 10 11 12"),
    "ah-tk-20232024-2313": ("1 2 3 4 5 6 7 8 9 10", "1 2 3 4 5 6 7 8 9 10"),
    "ah-tk-20232024-2367": ("1 2 3,4,5,6 7,8,9,10,11 12", "1 2 3,4,5,6 7,8,9,10,11 12"),
    "ah-tk-20232024-2395": ("1 2 3 4 5", "1 2 3 4 5"),
    "ah-tk-20232024-878": ("1 2 3 4 5 6 7", "1 2 3 4 5 6 7"),
}
DOCX_NUMBERING = {
    "jenv-01": ("1 2 3 4 5 6 7 8", "1 2 4 5 6 7 3,8"),
    "jenv-02": ("1 2 3 4 5 6 7 8 9", "1 2 3 4,5,6,7 8 9"),
    "jenv-04": ("1 2 3", "1 2 3"),
    "jenv-05": (" ".join(map(str, range(1, 23))), "1 2 3 4 5 6 7 8 9 10 11,12,13 14 15 16 17 18 19 20 21 22"),
    "jenv-06": (" ".join(map(str, range(1, 15))), " ".join(map(str, range(1, 15)))),
    "jenv-08": ("1 2 3 4 5 9 10 6 7 8 11 12", "1 2 3,4,5,9,10 6 7 8 11 12"),
}
# What a running header, footer or page number looks like in these documents.
FURNITURE = re.compile(
    r"ah-tk-\d{8}-\d+|Tweede Kamer, vergaderjaar|Aanhangsel \d+\b|ISSN|’s-Gravenhage 20\d\d|Tweede Kamer der Staten-Generaal|"
    r"Pagina \d+ van|Retouradres|Bij beantwoording de datum"
)


def numbering(labels: str) -> list[tuple[str, ...]]:
    return [tuple(group.split(",")) for group in labels.split()]


def formats(kind: str) -> Path:
    return needs_shared("data", "formats", kind)


# ------------------------------------------------------------------ the shared documents
def test_every_shared_document_has_its_expected_numbering_here():
    assert {p.stem for p in formats("pdf").glob("*.pdf")} == set(PDF_NUMBERING)
    assert {p.stem for p in formats("docx").glob("*.docx")} == set(DOCX_NUMBERING)


@pytest.mark.parametrize("stem", sorted(PDF_NUMBERING))
def test_pdf_questions_and_answers_follow_the_documents_numbering(stem):
    doc = read_document(str(formats("pdf") / f"{stem}.pdf"))
    questions, answers = PDF_NUMBERING[stem]
    assert [b.numbers for b in doc.questions] == numbering(questions)
    assert [b.numbers for b in doc.answers] == numbering(answers)
    assert doc.id == stem  # printed in the first page's footer
    for block in doc.blocks:
        assert not FURNITURE.search(block.text), (block.label, FURNITURE.search(block.text).group(0))


@pytest.mark.parametrize("stem", sorted(DOCX_NUMBERING))
def test_docx_questions_and_answers_follow_the_documents_numbering(stem):
    doc = read_document(str(formats("docx") / f"{stem}.docx"))
    questions, answers = DOCX_NUMBERING[stem]
    assert [b.numbers for b in doc.questions] == numbering(questions)
    assert [b.numbers for b in doc.answers] == numbering(answers)
    for block in doc.blocks:
        assert not FURNITURE.search(block.text), block.label


def test_pdf_footnotes_stay_apart_from_the_sentences():
    ex = extract((formats("pdf") / "ah-tk-20232024-1178.pdf").read_bytes(), "1178.pdf", "pdf")
    assert len(ex.notes) == 15 and ex.notes[0].startswith("1 Antwoorden op Kamervragen over gevolgen quantumtechnologie")
    assert ex.notes[14] == "15 https://www.ncsc.nl/documenten/publicaties/2023/september/18/maak-je-organisatie-quantumveilig"
    doc = read_document(str(formats("pdf") / "ah-tk-20232024-1178.pdf"))
    answer2 = next(b for b in doc.answers if b.numbers == ("2",)).text
    assert "In mijn brief van 7 november 2023 heb ik u" in answer2  # the marker "1" is gone
    question3 = next(b for b in doc.questions if b.numbers == ("3",)).text
    assert question3.endswith("naar IT-systemen die quantum-proof zijn?")
    for block in doc.blocks:
        for note in ex.notes:
            assert note.split(" ", 1)[1] not in block.text


def test_pdf_words_broken_at_line_ends_and_separate_accents_are_mended():
    doc = read_document(str(formats("pdf") / "ah-tk-20232024-1178.pdf"))
    text = " ".join(b.text for b in doc.blocks)
    for word in ("doorbreken", "vertrouwelijkheid", "Amerikaanse", "Nederland", "quantumveilige", "IT-systemen", "wet- en regelgeving"):
        assert word in text
    assert "doorbre-" not in text and "quantum- veilige" not in text
    assert read_document(str(formats("pdf") / "ah-tk-20232024-1314.pdf")).questioners == "Mutluer (GroenLinks-PvdA) en Kostić (PvdD)"
    assert read_document(str(formats("pdf") / "ah-tk-20232024-1949.pdf")).answered_by.startswith("Minister Yeşilgöz-Zegerius")


def test_pdf_first_page_gives_the_metadata():
    doc = read_document(str(formats("pdf") / "ah-tk-20232024-1178.pdf"))
    assert doc.id == "ah-tk-20232024-1178"
    assert doc.questioners == "Sneller (D66)"
    assert doc.answered_by == "Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties)"
    assert doc.date == "7 maart 2024"
    assert doc.title.startswith("Vragen van het lid Sneller (D66)") and doc.title.endswith("(ingezonden 16 januari 2024).")
    assert doc.refers_to == ("ah-tk-20232024-1028",)  # "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028"


def test_docx_letter_gives_the_metadata_and_keeps_footnotes_apart():
    doc = read_document(str(formats("docx") / "jenv-05.docx"))
    assert doc.date == "26 augustus 2024"
    assert doc.questioners == "Teunissen (PvdD)"
    assert doc.title.startswith("Beantwoording Kamervragen van het lid Teunissen (PvdD)")
    assert "2024Z11889" in doc.refers_to  # "In antwoord op uw brief van 8 juli 2024, nr. 2024Z11889"
    q1 = doc.questions[0].text
    assert q1.endswith("keerde overleden’?") and "[1]" not in q1  # typed note markers out of the sentence
    ex = extract((formats("docx") / "jenv-02.docx").read_bytes(), "jenv-02.docx", "docx")
    assert ex.notes[0] == "1 Kamerstukken II 2021/22, 29 628, nr. 1099."  # a Word footnote
    doc = read_document(str(formats("docx") / "jenv-02.docx"))
    assert not any("29 628, nr. 1099" in b.text for b in doc.blocks)
    assert any("zoals door de meerderheid van uw Kamer verzocht. Deze richtlijn" in b.text for b in doc.blocks)


def test_compare_a_pdf_with_a_docx(runner):
    a = formats("pdf") / "ah-tk-20232024-1949.pdf"
    b = formats("docx") / "jenv-04.docx"
    res = runner.invoke(cli, ["compare", str(a), str(b), "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["a"]["label"] == str(a) and out["b"]["label"] == str(b)
    a_texts = [p["a"]["text"] for p in out["pairs"] if p["a"]["text"]]
    assert a_texts and not any(re.search(r"ah-tk-\d|Aanhangsel \d|ISSN|’s-Gravenhage", t) for t in a_texts)
    assert "2" not in a_texts and "1949" not in a_texts  # the masthead's numbers are no sentences
    assert any("heenzenden" in t for t in a_texts)
    assert any("ME'er" in p["b"]["text"] for p in out["pairs"] if p["b"]["text"])


def test_highlight_reads_a_docx(runner):
    res = runner.invoke(cli, ["highlight", str(formats("docx") / "jenv-04.docx"), "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0
    assert json.loads(res.stdout)["document"]["sentences"] > 10


def test_scan_reads_every_shared_pdf_and_docx(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    res = runner.invoke(cli, ["scan", str(formats("pdf")), str(formats("docx")), "--format", "jsonl", "-q", "--pairs", "question-answer"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert not [r for r in records if "error" in r]
    documents = {Path(r["document"]).stem for r in records}
    # every document with answers gives pairs (1999 has none: it is a mededeling)
    assert documents == (set(PDF_NUMBERING) | set(DOCX_NUMBERING)) - {"ah-tk-20232024-1999"}
    for r in records:
        for side in ("a", "b"):
            for text in (p[side]["text"] for p in [r] if p[side]["text"]):
                assert not FURNITURE.search(text), (r["document"], r["a_label"], r["b_label"])


# ------------------------------------------------------------------ documents made here
def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[tuple[float, float, float, str]]], image: bool = False, pad_stream: int = 0) -> bytes:
    """A small PDF: per page, text items (x, y, size, text) in Helvetica; optionally an
    image on every page, or a deflated stream padded to ``pad_stream`` bytes."""
    objs: dict[int, bytes] = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    kids, n = [], 4
    for items in pages:
        ops = [f"BT /F1 {size} Tf {x} {y} Td ({_pdf_string(text)}) Tj ET" for x, y, size, text in items]
        res = "/Font << /F1 3 0 R >>"
        if image:
            objs[n] = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream"
            ops.append("q 500 0 0 700 40 60 cm /Im1 Do Q")
            res += f" /XObject << /Im1 {n} 0 R >>"
            n += 1
        data = "\n".join(ops).encode("cp1252")
        if pad_stream:
            data = zlib.compress(data + b"\n" + b" " * pad_stream, 9)
            objs[n] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        else:
            objs[n] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        objs[n + 1] = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {res} >> /Contents {n} 0 R >>".encode()
        kids.append(n + 1)
        n += 2
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for i in sorted(objs):
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n"
    xref, size = len(out), max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for i in range(1, size):
        out += b"%010d 00000 n \n" % offsets[i]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


LEFT = [
    "Vraag 1",
    "Gebruikt de politie op dit moment gezichts-",
    "herkenning in de openbare ruimte?",
    "Antwoord 1",
    "De politie gebruikt in Nederland op dit",
    "moment geen realtime gezichtsherkenning.",
    "Dat is ook niet toegestaan zonder",
    "wettelijke grondslag voor die toepassing.",
]
RIGHT = [
    "Vraag 2",
    "Bent u bereid de Kamer te informeren",
    "over de proef van de politie in Neder-",
    "land met camera's op straat?",
    "Antwoord 2",
    "Ja, de Kamer wordt voor de zomer",
    "geïnformeerd over de uitkomst van de",
    "proef in de gemeente Utrecht.",
]


def two_column_pages() -> list[list[tuple[float, float, float, str]]]:
    pages = []
    for page_no in (1, 2):
        items = [(72, 800, 9, "Kamerbrief over gezichtsherkenning"), (500, 40, 9, f"Pagina {page_no} van 2")]
        left = LEFT if page_no == 1 else [line.replace("1", "3") for line in LEFT]
        right = RIGHT if page_no == 1 else [line.replace("2", "4") for line in RIGHT]
        for i, line in enumerate(left):
            items.append((72, 700 - 14 * i - (14 if i >= 3 else 0), 11, line))
        for i, line in enumerate(right):
            items.append((320, 700 - 14 * i - (14 if i >= 4 else 0), 11, line))
        pages.append(items)
    pages[0].append((72, 130, 7, "1 Kamerstuk 32 761, nr. 1."))
    return pages


def test_two_columns_running_header_page_numbers_and_hyphenation(tmp_path):
    ex = extract_pdf(make_pdf(two_column_pages()), "twee-kolommen.pdf")
    assert ex.pages == 2
    text = ex.text
    assert "Kamerbrief over gezichtsherkenning" not in text and "Pagina" not in text
    assert ex.furniture.count("Kamerbrief over gezichtsherkenning") == 2
    assert ex.notes == ["1 Kamerstuk 32 761, nr. 1."]
    # the left column is read before the right one, on each page
    order = [text.index(s) for s in ("Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2", "Vraag 3", "Antwoord 3", "Vraag 4", "Antwoord 4")]
    assert order == sorted(order)
    assert "gezichtsherkenning in de openbare ruimte?" in text and "in Nederland met camera's" in text
    path = tmp_path / "twee-kolommen.pdf"
    path.write_bytes(make_pdf(two_column_pages()))
    doc = read_document(str(path))
    assert [b.label for b in doc.blocks] == ["Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2", "Vraag 3", "Antwoord 3", "Vraag 4", "Antwoord 4"]
    assert doc.answers[0].text == (
        "De politie gebruikt in Nederland op dit moment geen realtime gezichtsherkenning. "
        "Dat is ook niet toegestaan zonder wettelijke grondslag voor die toepassing."
    )


def make_docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _tracked(p, deleted: str, inserted: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    stamp = 'w:author="Redactie" w:date="2024-05-01T10:00:00Z"'
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" {stamp}><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" {stamp}><w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'))


def word_draft(document) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document.add_paragraph("Antwoorden op vragen van het lid Van der Werf (D66) over gezichtsherkenning")
    document.add_paragraph("Gebruikt de politie gezichtsherkenning in de openbare ruimte?", style="List Number")
    document.add_paragraph("Antwoord")
    p = document.add_paragraph("De politie gebruikt ")
    _tracked(p, "geen", "op dit moment geen")
    p.add_run(" realtime gezichtsherkenning in Nederland.")
    document.add_paragraph("Hoe vaak is de software gebruikt?", style="List Number")
    document.add_paragraph("Antwoord")
    joined = document.add_paragraph("Dat is in 2023 vijf keer ")
    joined._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="3" w:author="Redactie" w:date="2024-05-01T10:00:00Z"/></w:rPr>'))
    document.add_paragraph("gebeurd, zie de tabel.")
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "Jaar", (0, 1): "Keren", (1, 0): "2023", (1, 1): "5"}.items():
        table.cell(r, c).text = value


def test_docx_list_numbering_tracked_changes_and_tables(tmp_path):
    ex = extract_docx(make_docx(word_draft), "concept.docx")
    assert "Vraag 1\nGebruikt de politie gezichtsherkenning in de openbare ruimte?" in ex.text
    assert "De politie gebruikt op dit moment geen realtime gezichtsherkenning in Nederland." in ex.text  # accepted
    assert "gebruikt geen" not in ex.text
    assert "Dat is in 2023 vijf keer gebeurd, zie de tabel." in ex.text  # deleted paragraph mark: one paragraph
    assert "Jaar | Keren\n2023 | 5" in ex.text
    path = tmp_path / "concept.docx"
    path.write_bytes(make_docx(word_draft))
    doc = read_document(str(path))
    assert [b.label for b in doc.blocks] == ["Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"]
    assert doc.answers[0].text == "De politie gebruikt op dit moment geen realtime gezichtsherkenning in Nederland."
    assert doc.questioners == "Van der Werf (D66)"


# --------------------------------------------------------------------------- bad input
def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(two_column_pages()))))
    writer.encrypt("geheim", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zip_bomb_docx() -> bytes:
    good = make_docx(word_draft)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        with dst.open("word/media/image1.bin", "w") as fh:  # 32 MB of zeros in about 32 KB
            for _ in range(32):
                fh.write(bytes(1_000_000))
    return buf.getvalue()


def docx_with_dtd() -> bytes:
    good = make_docx(word_draft)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            dst.writestr(item, data)
    return buf.getvalue()


BAD = {
    "encrypted.pdf": (encrypted_pdf, "encrypted PDF"),
    "scan.pdf": (lambda: make_pdf([[]], image=True), "no text layer"),
    "leeg.pdf": (lambda: make_pdf([[]]), "contains no text"),
    "afgebroken.pdf": (lambda: make_pdf(two_column_pages())[:300], "PDF"),
    "kapot.docx": (lambda: b"PK\x03\x04" + bytes(range(256)) * 8, "not a valid DOCX"),
    "afgebroken.docx": (lambda: make_docx(word_draft)[:5000], "DOCX"),
    "bom.docx": (zip_bomb_docx, "zip bomb"),
    "dtd.docx": (docx_with_dtd, "declares a DTD"),
    "oud.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), ".doc) files are not read"),
    "notitie.odt": (lambda: b"PK\x03\x04" + bytes(512), "(.odt) files are not read"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_documents_give_one_line_and_exit_2(runner, tmp_path, name):
    make, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(make())
    start = time.perf_counter()
    res = runner.invoke(cli, ["compare", str(path), "--b-text", "Dat gebeurt niet."])
    assert time.perf_counter() - start < 30  # refused, not worked through
    assert res.exit_code == 2, (res.exit_code, res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"wording-diff: {path}: ") and "Traceback" not in res.stderr
    assert message in lines[0]
    assert res.stdout == ""


def test_scan_gives_an_error_record_per_bad_document_and_goes_on(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("WORDING_DIFF_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, (make, _message) in BAD.items():
        if name.endswith((".pdf", ".docx")):
            (folder / name).write_bytes(make())
    (folder / "concept.docx").write_bytes(make_docx(word_draft))
    res = runner.invoke(cli, ["scan", str(folder), "--format", "jsonl", "-q"], catch_exceptions=False)
    assert res.exit_code == 0
    records = [json.loads(line) for line in res.stdout.splitlines()]
    errors = {Path(r["document"]).name: r["error"] for r in records if "error" in r}
    assert set(errors) == {n for n in BAD if n.endswith((".pdf", ".docx"))}
    assert all("\n" not in e for e in errors.values())
    assert {Path(r["document"]).name for r in records if "error" not in r} == {"concept.docx"}


def test_a_pdf_that_only_restricts_copying_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(two_column_pages()))))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    assert "Gebruikt de politie op dit moment gezichtsherkenning" in extract_pdf(buf.getvalue(), "beveiligd.pdf").text


def test_page_and_unpack_limits():
    three = make_pdf([[(72, 700, 11, f"Pagina met tekst {i}.")] for i in range(3)])
    with pytest.raises(InputError, match="more than 2 pages"):
        extract_pdf(three, "lang.pdf", max_pages=2)
    assert extract_pdf(three, "lang.pdf", max_pages=3).pages == 3
    padded = make_pdf([[(72, 700, 11, "Dat gebeurt op dit moment niet.")]], pad_stream=2_000_000)
    with pytest.raises(InputError, match="unpack to more than 1,000,000 bytes"):
        extract_pdf(padded, "opgeblazen.pdf", max_unpacked=1_000_000)
    assert "Dat gebeurt op dit moment niet." in extract_pdf(padded, "opgeblazen.pdf").text
    with pytest.raises(InputError, match="over the limit of 10,000"):
        extract_docx(make_docx(word_draft), "concept.docx", max_unpacked=10_000)


def test_kind_is_read_from_the_content_not_the_name(tmp_path):
    pdf = tmp_path / "antwoord.txt"
    pdf.write_bytes(make_pdf(two_column_pages()))
    label, text = read_text(str(pdf))
    assert "Vraag 1" in text and "Pagina 1" not in text
    docx_file = tmp_path / "concept.bin"
    docx_file.write_bytes(make_docx(word_draft))
    assert "op dit moment geen realtime" in read_text(str(docx_file))[1]
