"""Generated blocks of the docs: text between two HTML comment markers, rewritten from its
source (the --help of each command, the lexicon's word lists, the corpus figures)."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def replace_block(path: Path, start: str, end: str, content: str, *, check: bool = False, hint: str = "") -> int:
    """Put ``content`` between ``start`` and ``end`` in ``path``. With ``check``, write
    nothing and return 1 (saying ``hint`` on stderr) if the file differs from that."""
    text = path.read_text(encoding="utf8")
    new = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: start + content + end, text, flags=re.S)
    if check:
        if new != text:
            print(hint, file=sys.stderr)
            return 1
        return 0
    path.write_text(new, encoding="utf8")
    return 0
