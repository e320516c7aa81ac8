"""Stage 2, read: one ``DocRef`` becomes a Kamervragen document (or an ``InputError``
saying in one line why it cannot)."""

from __future__ import annotations

from ..sources import read_document
from ..sources.kamervragen import KVDocument
from ..sources.raw import DEFAULT_MAX_BYTES
from .discover import DocRef


def read(ref: DocRef, max_bytes: int = DEFAULT_MAX_BYTES) -> KVDocument:
    return read_document(ref.path, max_bytes)
