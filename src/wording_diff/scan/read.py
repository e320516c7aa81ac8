"""Stage 2, read: one ``DocRef`` becomes a Kamervragen document (or an ``InputError``
saying in one line why it cannot): a file through the format table, a record of a bulk
file on its own, and a manifestation of the official repository with its metadata file."""

from __future__ import annotations

import os

from ..sources import read_document
from ..sources.bulk import official_metadata, read_record, with_official_metadata
from ..sources.kamervragen import KVDocument
from ..sources.raw import DEFAULT_MAX_BYTES
from .discover import MANIFESTATIONS, DocRef


def read(ref: DocRef, max_bytes: int = DEFAULT_MAX_BYTES) -> KVDocument:
    if ref.line:
        return read_record(ref.path, ref.line, ref.offset, max_bytes)
    doc = read_document(ref.path, max_bytes)
    if _in_work_folder(ref.path):
        doc = with_official_metadata(doc, official_metadata(ref.path))
    return doc


def _in_work_folder(path: str) -> bool:
    """``…/<id>/<version>/<manifestation>/<id>.<ext>``"""
    parts = os.path.normpath(path).split(os.sep)
    return len(parts) >= 4 and parts[-2] in MANIFESTATIONS and parts[-3].isdigit() and os.path.splitext(parts[-1])[0] == parts[-4]
