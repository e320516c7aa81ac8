"""Raw bytes: reading a file (or standard input) within a size limit, telling text from
binary, and decoding it (UTF-8, UTF-16 by BOM, else the encoding charset-normalizer finds,
cp1252 preferred for Western text)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError

DEFAULT_MAX_BYTES = 5_000_000


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
