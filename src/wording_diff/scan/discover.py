"""Stage 1, discover: which documents a scan reads, in a fixed order, found as the walk
goes (nothing is listed or read whole in advance).

Files, folders (recursively, each folder's entries in sorted order, hidden ones skipped)
and glob patterns; each file once. A JSON Lines bulk file gives one document per record.
A work folder of the official repository (``<id>/<version>/<manifestation>/<id>.<ext>``,
as in a bulk download of ``ah-tk``) gives one document: its latest version, the XML
manifestation if there is one, else the HTML, else another readable one; the metadata
files beside it are read with it, not as documents.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..sources.bulk import BULK_SUFFIXES, METADATA_NAMES, record_offsets
from ..sources.formats import DOCUMENT_SUFFIXES

SUFFIXES = DOCUMENT_SUFFIXES + BULK_SUFFIXES
# Which manifestation of a work folder is read: the official XML first.
MANIFESTATIONS = tuple(dict.fromkeys(["xml", "html", *(s.lstrip(".") for s in DOCUMENT_SUFFIXES)]))


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


def _is_document(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(SUFFIXES) and lower not in METADATA_NAMES


def work_manifestation(folder: str) -> str | None:
    """The file to read of a work folder of the official repository, or None if
    ``folder`` is not one (no numbered version folders holding ``<manifestation>/<id>.<ext>``)."""
    work = os.path.basename(folder)
    try:
        versions = sorted((e.name for e in os.scandir(folder) if e.is_dir() and e.name.isdigit()), key=int, reverse=True)
    except OSError:
        return None
    for version in versions:
        for manifestation in MANIFESTATIONS:
            candidate = os.path.join(folder, version, manifestation, f"{work}.{manifestation}")
            if os.path.isfile(candidate):
                return candidate
    return None


def _walk(folder: str) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            chosen = work_manifestation(entry.path)
            if chosen is not None:
                yield chosen
            else:
                yield from _walk(entry.path)
        elif entry.is_file() and _is_document(entry.name):
            yield entry.path


def _documents_of(path: str) -> Iterator[DocRef]:
    if path.lower().endswith(BULK_SUFFIXES) and os.path.isfile(path):
        for line, offset in record_offsets(path):
            yield DocRef(path, line, offset)
    else:
        yield DocRef(path)


def discover(paths: Iterable[str | DocRef]) -> Iterator[DocRef]:
    """Every document under ``paths``, each once, in sorted order within each argument.
    A path that matches nothing is passed on, so that reading it reports "no such file"."""
    paths = list(paths)
    seen: set[str] | None = set() if len(paths) > 1 else None  # one argument never repeats a file
    for raw in paths:
        if isinstance(raw, DocRef):
            yield raw
            continue
        matches = sorted(glob.glob(raw, recursive=True)) if any(ch in raw for ch in "*?[") else [raw]
        if not matches:
            yield DocRef(raw)
            continue
        for m in matches:
            folder = str(Path(m))
            if os.path.isdir(folder):
                files = [chosen] if (chosen := work_manifestation(folder)) else _walk(folder)
            else:
                files = [m]
            for f in files:
                if seen is not None:
                    if f in seen:
                        continue
                    seen.add(f)
                yield from _documents_of(f)
