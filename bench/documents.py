"""Benchmark of reading PDF and DOCX files, as ratios measured in one run.

    python bench/documents.py [--shared ../shared] [--rounds 5] [--out bench/out]

On the 16 official answer PDFs and 6 Word answer letters of ../shared/data/formats:

1. extraction speed: pages per second of wording-diff's PDF reader (pdfminer.six and the
   layout rules of sources/pdf.py), documents per second of the DOCX reader;
2. extraction time against the time the bundled pipeline takes to parse the same text
   (``nlp.pipe`` of the extracted texts), for PDF and for DOCX: how much reading a file
   adds to what a comparison of it costs anyway;
3. the two pure-Python PDF libraries side by side, on the same files: pypdf's
   ``extract_text()`` and pdfminer.six's ``extract_text()`` (each without this
   project's rules), and this project's reader: pages per second, and what a reader of
   Kamervragen cares about: documents whose questions and answers the splitter finds as
   the document numbers them (reading order), words left broken at line ends
   ("doorbre- ken"), and running footers or document ids inside question or answer texts.

Each timing is the best of ``--rounds`` runs; the two sides of a ratio run in turn.
Results go to bench/out/documents.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

import timing  # bench/timing.py: this folder is on the path of a script run from it

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

FURNITURE = re.compile(r"ah-tk-\d{8}-\d+|Tweede Kamer, vergaderjaar|Aanhangsel \d+\b|ISSN|’s-Gravenhage 20\d\d|Tweede Kamer der Staten-Generaal")
BROKEN = re.compile(r"\b[a-zà-ÿ]{2,}-\s*\n\s*[a-zà-ÿ]{2,}")


def alternate(rounds: int, **sides) -> dict[str, float]:
    """The best of ``rounds`` runs of each side, the sides taken in turn."""
    return {name: min(times) for name, times in timing.alternate(rounds, **sides).items()}


def sequence(doc) -> list[tuple[str, tuple[str, ...]]]:
    return [(b.kind, b.numbers) for b in doc.blocks]


def quality(texts: dict[str, str], reference: dict[str, list]) -> dict[str, int]:
    """Documents whose questions and answers come out as numbered in the document (the
    reference is what tests/test_documents.py checks against each document's own
    labels), words left broken at line ends, and question or answer texts holding a
    running footer or document id."""
    from wording_diff.sources.kamervragen import parse_text_document
    from wording_diff.sources.text import InputError

    right = broken = furniture = 0
    for name, text in texts.items():
        broken += len(BROKEN.findall(text))
        try:
            doc = parse_text_document(text, name)
        except InputError:
            continue
        right += sequence(doc) == reference[name]
        furniture += sum(1 for b in doc.blocks if FURNITURE.search(b.text))
    return {"documents_numbered_right": right, "words_broken_at_line_ends": broken, "blocks_with_furniture": furniture}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # pypdf and pdfminer report font oddities as warnings
    base = Path(args.shared) / "data" / "formats"
    pdfs = {p.name: p.read_bytes() for p in sorted((base / "pdf").glob("*.pdf"))}
    docxs = {p.name: p.read_bytes() for p in sorted((base / "docx").glob("*.docx"))}

    from wording_diff.api import get_parser
    from wording_diff.sources.docx import extract_docx
    from wording_diff.sources.pdf import extract_pdf

    nlp = get_parser().nlp
    pdf_out = {name: extract_pdf(data, name) for name, data in pdfs.items()}
    docx_out = {name: extract_docx(data, name) for name, data in docxs.items()}
    pages = sum(x.pages for x in pdf_out.values())
    pdf_texts = [x.text for x in pdf_out.values()]
    docx_texts = [x.text for x in docx_out.values()]
    timings = alternate(
        args.rounds,
        pdf_extract=lambda: [extract_pdf(d, n) for n, d in pdfs.items()],
        pdf_parse=lambda: list(nlp.pipe(pdf_texts, batch_size=32)),
        docx_extract=lambda: [extract_docx(d, n) for n, d in docxs.items()],
        docx_parse=lambda: list(nlp.pipe(docx_texts, batch_size=32)),
    )
    results: dict = {
        "pdf_files": len(pdfs), "pdf_pages": pages, "docx_files": len(docxs),
        "pdf_words": sum(len(t.split()) for t in pdf_texts), "docx_words": sum(len(t.split()) for t in docx_texts),
        "rounds": args.rounds, "seconds": {k: round(v, 4) for k, v in timings.items()},
    }
    results["pdf_pages_per_second"] = round(pages / timings["pdf_extract"], 1)
    results["pdf_extract_vs_parse"] = round(timings["pdf_extract"] / timings["pdf_parse"], 3)
    results["docx_files_per_second"] = round(len(docxs) / timings["docx_extract"], 1)
    results["docx_extract_vs_parse"] = round(timings["docx_extract"] / timings["docx_parse"], 3)

    # the libraries side by side
    compared: dict = {}
    try:
        import io

        from pypdf import PdfReader

        def pypdf_texts():
            return {n: "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(d)).pages) for n, d in pdfs.items()}

        libs = {"pypdf extract_text": pypdf_texts}
    except ImportError:
        libs = {}
    from pdfminer.high_level import extract_text as pdfminer_text

    def pdfminer_texts():
        import io

        return {n: pdfminer_text(io.BytesIO(d)) for n, d in pdfs.items()}

    def ours():
        return {n: extract_pdf(d, n).text for n, d in pdfs.items()}

    libs["pdfminer.six extract_text"] = pdfminer_texts
    libs["wording-diff (pdfminer.six layout + rules)"] = ours
    lib_times = alternate(args.rounds, **libs)
    from wording_diff.sources.formats import read_document

    reference = {name: sequence(read_document(str(base / "pdf" / name))) for name in pdfs}
    for name, fn in libs.items():
        compared[name] = {"pages_per_second": round(pages / lib_times[name], 1), **quality(fn(), reference)}
    results["pdf_libraries"] = compared

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print("| measure | value |\n|---|---|")
    print(f"| PDF pages per second (this reader) | {results['pdf_pages_per_second']} |")
    print(f"| PDF extraction / parse of the same text | {results['pdf_extract_vs_parse']} |")
    print(f"| DOCX files per second | {results['docx_files_per_second']} |")
    print(f"| DOCX extraction / parse of the same text | {results['docx_extract_vs_parse']} |")
    print(f"\n| reader | pages/s | documents numbered right (of {len(pdfs)}) | words broken at line ends | question/answer texts with a footer or id |\n|---|---|---|---|---|")
    for name, row in compared.items():
        print(f"| {name} | {row['pages_per_second']} | {row['documents_numbered_right']} | {row['words_broken_at_line_ends']} | {row['blocks_with_furniture']} |")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
