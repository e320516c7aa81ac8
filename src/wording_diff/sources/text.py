"""Text: the clean-up that PDF and web copies of official documents need (soft hyphens,
non-breaking spaces, glued footnote numbers, a stored ``key: value`` header), and statement
text given as a string. Files are read through ``formats.read_text``."""

from __future__ import annotations

import re
import unicodedata

from ..errors import InputError
from .raw import DEFAULT_MAX_BYTES

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


def from_string(text: str, label: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    if len(text.encode("utf8", "surrogatepass")) > max_bytes:
        raise InputError(f"{label}: text is over the limit of {max_bytes:,} bytes")
    try:
        text.encode("utf8")
    except UnicodeEncodeError:
        text = text.encode("utf8", "replace").decode("utf8")
    return label, prepare(text, label)
