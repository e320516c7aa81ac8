"""PDF and Word files: recognise them by their content, keep to the limits, and hand back
their text and metadata.

The readers themselves are :mod:`.pdf` (pdfminer.six) and :mod:`.docx` (python-docx, with
the parts it does not expose read directly). Both give an :class:`Extracted`: the body
text as a reader sees it (one paragraph per block, blank lines between paragraphs, no
running headers, footers or page numbers, no footnote markers), the footnote texts
apart, and what the document says about itself (id, title, dates, who asked, who
answered, the documents it refers to).
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .extracted import MAX_MEMBERS, MAX_PAGES, MAX_RATIO, MAX_UNPACKED, Extracted, kamer_metadata

__all__ = ["KINDS", "MAX_MEMBERS", "MAX_PAGES", "MAX_RATIO", "MAX_UNPACKED", "Extracted", "extract", "kamer_metadata", "office_kind"]

KINDS = ("pdf", "docx")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def office_kind(data: bytes, path: str) -> str | None:
    """"pdf", "docx", "odt" or "doc" when the bytes (or, failing that, the name) say so; else None."""
    name = path.lower()
    if b"%PDF-" in data[:1024] or name.endswith(".pdf"):
        return "pdf"
    if data.startswith(_OLE) or name.endswith(".doc"):
        return "doc"
    if data.startswith(b"PK\x03\x04") or name.endswith((".docx", ".docm", ".odt")):
        if name.endswith(".odt") or b"application/vnd.oasis.opendocument" in data[:200]:
            return "odt"
        if name.endswith((".docx", ".docm")) or b"word/" in data[:65536] or _zip_has(data, "word/document.xml"):
            return "docx"
    return None


def _zip_has(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return member in zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def extract(data: bytes, label: str, kind: str) -> Extracted:
    """The text and metadata of a PDF or DOCX file; InputError (one line) if it cannot be read."""
    if kind == "pdf":
        from .pdf import extract_pdf

        return extract_pdf(data, label)
    if kind == "docx":
        from .docx import extract_docx

        return extract_docx(data, label)
    if kind == "odt":
        raise InputError(f"{label}: OpenDocument (.odt) files are not read; save it as .docx or PDF")
    if kind == "doc":
        raise InputError(f"{label}: Word 97-2003 (.doc) files are not read; save it as .docx or PDF")
    raise InputError(f"{label}: unknown document kind {kind!r}")
