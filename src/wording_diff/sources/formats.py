"""The file formats, in one place: how a file's kind is recognised, how its readable text
is got, and, where the format has a structure of its own, how it becomes a Kamervragen
document. Adding a format is one ``Format`` in ``FORMATS``; every reader (``read_text``
for ``compare``/``highlight``, ``read_document`` for ``scan``) and the folder walk of
``scan`` (``DOCUMENT_SUFFIXES``) follow this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from .kamervragen import KVDocument, apply_metadata, parse_html_document, parse_text_document, parse_xml_document
from .markup import html_text, xml_text
from .raw import DEFAULT_MAX_BYTES, decode, read_bytes
from .text import prepare


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    magic: tuple[bytes, ...]  # how the file starts (lower case, after a BOM and white space)
    text: Callable[[bytes, str], str]  # (data, label) -> readable text
    # (data, label) -> document, for formats with a structure of their own; the others
    # become a document through their text.
    document: Callable[[bytes, str], KVDocument] | None = None


def _office_text(kind: str) -> Callable[[bytes, str], str]:
    def text(data: bytes, label: str) -> str:
        from .office import extract

        return extract(data, label, kind).text

    return text


def _office_document(kind: str) -> Callable[[bytes, str], KVDocument]:
    def document(data: bytes, label: str) -> KVDocument:
        from .office import extract

        extracted = extract(data, label, kind)
        return apply_metadata(parse_text_document(extracted.text, label), extracted.meta)

    return document


FORMATS: tuple[Format, ...] = (
    # PDF and Word are told apart from other zip files by what is inside (sources/office.py)
    Format("pdf", (".pdf",), (), _office_text("pdf"), _office_document("pdf")),
    Format("docx", (".docx",), (), _office_text("docx"), _office_document("docx")),
    Format("html", (".html", ".htm"), (b"<!doctype html", b"<html"), html_text, parse_html_document),
    Format("xml", (".xml",), (b"<?xml", b"<officiele-publicatie", b"<kamervragen", b"<!doctype"), xml_text, parse_xml_document),
    Format("text", (".txt",), (), decode),
)
TEXT = FORMATS[-1]
DOCUMENT_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS for s in f.suffixes)


def format_of(data: bytes, path: str) -> Format:
    """The format of a file: a PDF or Word file by its content (sources/office.py: a PDF
    named .txt is still a PDF, and .doc and .odt are refused there with a line that says
    so), else by how it starts, else by its suffix, else plain text."""
    from .office import extract, office_kind

    office = office_kind(data, path)
    if office in ("pdf", "docx"):
        return next(fmt for fmt in FORMATS if fmt.name == office)
    if office is not None:
        extract(data, path, office)  # raises InputError naming the format
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for fmt in FORMATS:
        if fmt.magic and head.startswith(fmt.magic):
            return fmt
    lower = path.lower()
    return next((fmt for fmt in FORMATS if lower.endswith(fmt.suffixes)), TEXT)


def _nonempty(path: str, label: str, max_bytes: int) -> bytes:
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(f"{label}: empty file")
    return data


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """(label, cleaned text) of a file or ``-`` for standard input, whatever its format
    (markup reduced to its text: paragraphs kept, footnotes and markup left out)."""
    label = "<stdin>" if path == "-" else path
    data = _nonempty(path, label, max_bytes)
    return label, prepare(format_of(data, path).text(data, label), label)


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> KVDocument:
    """One Kamervragen document, its reader chosen by content (not only by suffix)."""
    data = _nonempty(path, path, max_bytes)
    return document_from_bytes(data, path)


def document_from_bytes(data: bytes, path: str) -> KVDocument:
    fmt = format_of(data, path)
    if fmt.document is not None:
        return fmt.document(data, path)
    return parse_text_document(fmt.text(data, path), path)
