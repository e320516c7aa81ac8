"""Stage 1, discover: which documents a scan reads, in a fixed order.

Files, folders (recursively) and glob patterns; each file once, sorted by path. A
document is named by a ``DocRef``: a file, or one record of a bulk file. Nothing is read
here beyond what is needed to find the documents.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..sources.formats import DOCUMENT_SUFFIXES


class DocRef(NamedTuple):
    """Where one document is: a file, or the record at ``line`` (1-based; its first byte
    at ``offset``) of a bulk file."""

    path: str
    line: int = 0
    offset: int = -1

    @property
    def label(self) -> str:
        """How records and messages name the document: the path, or ``path:line``."""
        return f"{self.path}:{self.line}" if self.line else self.path


def _files_under(folder: Path) -> list[str]:
    return sorted(
        str(f)
        for f in folder.rglob("*")
        if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )


def discover(paths: Iterable[str | DocRef]) -> Iterator[DocRef]:
    """Every document under ``paths``, each once, in sorted order within each argument.
    A path that matches nothing is passed on, so that reading it reports "no such file"."""
    seen: set[str] = set()
    for raw in paths:
        if isinstance(raw, DocRef):
            yield raw
            continue
        matches = sorted(glob.glob(raw, recursive=True)) if any(ch in raw for ch in "*?[") else [raw]
        if not matches:
            yield DocRef(raw)
            continue
        for m in matches:
            p = Path(m)
            for f in _files_under(p) if p.is_dir() else [m]:
                if f not in seen:
                    seen.add(f)
                    yield DocRef(f)
