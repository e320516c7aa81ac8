"""Reading statement texts safely: size, binary, encoding, and the clean-up that PDF and
web copies of official documents need (soft hyphens, non-breaking spaces, glued footnote
numbers)."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

DEFAULT_MAX_BYTES = 5_000_000


class InputError(ValueError):
    """Bad input. The message is one line: where, and what is wrong."""


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        label = "<stdin>"
    else:
        p = Path(path)
        label = path
        if not p.exists():
            raise InputError(f"{label}: no such file")
        if p.is_dir():
            raise InputError(f"{label}: is a directory, expected a file")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(f"{label}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError:
            raise InputError(f"{label}: permission denied") from None
        except IsADirectoryError:
            raise InputError(f"{label}: is a directory, expected a file") from None
        except OSError as exc:
            raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{label}: input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return not (sample.startswith((b"\xff\xfe", b"\xfe\xff")))  # UTF-16 has NULs
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and control / len(sample) > 0.05


def decode(data: bytes, label: str) -> str:
    """UTF-8 (with or without BOM) first; UTF-16 by BOM; else what charset-normalizer finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{label}: invalid UTF-16 text") from None
    if looks_binary(data):
        raise InputError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise InputError(f"{label}: cannot tell the text encoding (not UTF-8, cp1252 or another known one)")
    text = str(best)
    if best.encoding in ("cp1252", "windows_1252", "latin_1", "iso8859_15", "iso8859_1"):
        return text
    # charset-normalizer prefers exotic code pages for short Western text; cp1252 is
    # what Dutch office documents use, so take it when it decodes cleanly.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return text


_HEADER_LINE = re.compile(r"^[a-z][a-z0-9_-]*:( .*)?$")
_HEADER_KEYS = {"source", "url", "title", "date", "kind", "partial", "id", "also-at"}
_FOOTNOTE_AFTER_PUNCT = re.compile(r"(?<=[?!.»”\"')])(\d{1,2})(?=\s|$)")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def strip_header(text: str) -> str:
    """Drop a leading ``key: value`` header block (as in the stored official documents)."""
    head, sep, rest = text.partition("\n\n")
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if sep and lines and all(_HEADER_LINE.match(ln) for ln in lines):
        if any(ln.split(":", 1)[0] in _HEADER_KEYS for ln in lines):
            return rest
    return text


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE)
    text = _FOOTNOTE_AFTER_PUNCT.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def prepare(text: str, label: str) -> str:
    text = normalise(strip_header(text))
    if not text:
        raise InputError(f"{label}: empty (no text after removing white space)")
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{label}: contains no words")
    return text


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """(label, cleaned text) of a file or ``-`` for standard input. XML and HTML files are
    read safely and reduced to their text (paragraphs kept, footnotes and markup left out);
    PDF and DOCX files are read as a reader sees them (see :mod:`.office`)."""
    from .office import extract, office_kind

    label = "<stdin>" if path == "-" else path
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(f"{label}: empty file")
    office = office_kind(data, path)
    if office is not None:
        return label, prepare(extract(data, label, office).text, label)
    kind = markup_kind(data, path)
    if kind is not None:
        from .kamervragen import markup_text

        return label, prepare(markup_text(data, label, kind), label)
    return label, prepare(decode(data, label), label)


def markup_kind(data: bytes, path: str) -> str | None:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or path.lower().endswith((".html", ".htm")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith(b"<!doctype") or path.lower().endswith(".xml"):
        return "xml"
    return None


def from_string(text: str, label: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    if len(text.encode("utf8", "surrogatepass")) > max_bytes:
        raise InputError(f"{label}: text is over the limit of {max_bytes:,} bytes")
    try:
        text.encode("utf8")
    except UnicodeEncodeError:
        text = text.encode("utf8", "replace").decode("utf8")
    return label, prepare(text, label)
