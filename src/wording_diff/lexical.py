"""Dutch synonyms, antonyms and hypernyms (Open Dutch WordNet, strict tier), read lazily.

See data/SOURCE.md for what is shipped and why; the lexicon's ``lexical_data.use`` says
which relations the comparison consults.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "nl-lexical-strict.json.gz"
RELATIONS = ("synonyms", "antonyms", "hypernyms")


@lru_cache(maxsize=1)
def _records() -> dict:
    try:
        with gzip.open(DATA, "rb") as fh:
            return json.loads(fh.read().decode("utf8"))["lemmas"]
    except OSError:
        return {}


class LexicalRelations:
    """Relations between lemmas; each query answers False when its relation is not in use."""

    def __init__(self, use: tuple[str, ...] = RELATIONS):
        self.use = frozenset(use)

    def _get(self, lemma: str, key: str) -> list[str]:
        rec = _records().get(lemma)
        return rec.get(key, []) if rec else []

    def synonyms(self, a: str, b: str) -> bool:
        if "synonyms" not in self.use or not a or not b or a == b:
            return False
        return b in self._get(a, "s") or a in self._get(b, "s")

    def antonyms(self, a: str, b: str) -> bool:
        if "antonyms" not in self.use or not a or not b or a == b:
            return False
        return b in self._get(a, "a") or a in self._get(b, "a")

    def is_a(self, narrow: str, broad: str) -> bool:
        """``narrow`` is a kind of ``broad`` (within three steps up the hierarchy)."""
        if "hypernyms" not in self.use or not narrow or not broad or narrow == broad:
            return False
        return broad in self._get(narrow, "h")
