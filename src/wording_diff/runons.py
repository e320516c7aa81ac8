"""Words that text extraction from PDF ran together ("heeftuitgesloten", "onderzoekenof",
"hetDolfinarium"), split again before the parse.

PDF text often loses the space between two words where a line was justified or broken.
The parser then sees one unknown word where the rules read two ("heeft uitgesloten", "of").
This component splits such a token in two, keeping the text exactly as it was (the two
tokens touch without a space, so every offset still points into the original text).

A token is split only when it is not itself a Dutch word, and one side of the split is a
short function word that such run-togethers are made of (``data/run-ons.json``) while the
other side is a Dutch word. What counts as a Dutch word is the OpenTaal word list (about
413,000 forms, inflections included), shipped as a Bloom filter (``data/nl-words.bloom``,
built by ``tools/build_word_filter.py``; data/SOURCE.md gives source and licence): a
lookup costs a hash, the filter about 0.6 MB, and one word in a hundred that is not in the
list is taken for one (which only ever keeps a run-together unsplit, or, rarely, lets a
split through whose other half is no word).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

DATA = Path(__file__).with_name("data")
GLUE_FILE = DATA / "run-ons.json"
FILTER_FILE = DATA / "nl-words.bloom"
# Bloom filter layout: a header line "bloom k m\n", then m bits.
HASHES = 7
# Shorter tokens are left alone: too many short words are both a word and two.
MIN_LENGTH = 5
# The other side of a split is a word of at least this many letters.
MIN_PART = 3


class WordFilter:
    """Membership in a word list through a Bloom filter (no false negatives)."""

    def __init__(self, bits: bytes, k: int, m: int):
        self.bits, self.k, self.m = bits, k, m

    @staticmethod
    def positions(word: str, k: int, m: int) -> list[int]:
        digest = hashlib.blake2b(word.encode("utf8"), digest_size=4 * k).digest()
        return [int.from_bytes(digest[4 * i : 4 * i + 4], "little") % m for i in range(k)]

    def __contains__(self, word: str) -> bool:
        bits = self.bits
        return all(bits[p >> 3] & (1 << (p & 7)) for p in self.positions(word, self.k, self.m))

    @classmethod
    def build(cls, words, m: int, k: int = HASHES) -> WordFilter:
        bits = bytearray((m + 7) // 8)
        for word in words:
            for p in cls.positions(word, k, m):
                bits[p >> 3] |= 1 << (p & 7)
        return cls(bytes(bits), k, m)

    def to_bytes(self) -> bytes:
        return f"bloom {self.k} {self.m}\n".encode("ascii") + self.bits

    @classmethod
    def from_bytes(cls, data: bytes) -> WordFilter:
        header, _, bits = data.partition(b"\n")
        _, k, m = header.decode("ascii").split()
        return cls(bits, int(k), int(m))


@lru_cache(maxsize=1)
def word_filter() -> WordFilter:
    return WordFilter.from_bytes(FILTER_FILE.read_bytes())


@lru_cache(maxsize=1)
def glue() -> dict[str, frozenset[str]]:
    data = json.loads(GLUE_FILE.read_text(encoding="utf8"))
    return {name: frozenset(value["terms"]) for name, value in data.items() if isinstance(value, dict)}


def split_point(text: str) -> int | None:
    """Where ``text`` (one token) splits into two words it was run together from, or None."""
    if len(text) < MIN_LENGTH or not text.isalpha():
        return None
    lists = glue()
    # "hetDolfinarium", "hetPVV": a capital inside the token after a function word
    for i in range(2, len(text) - 1):
        if text[i].isupper() and text[:i].islower():
            return i if text[:i] in lists["before"] else None
    if not text.islower():
        return None  # a name: "Magritte" is not "Mag ritte", "Justis" not "Just is"
    n = len(text)
    # the splits a function word allows, each with the other side that must be a word
    # (set lookups only; the word list is asked only when there is a candidate)
    cuts = [(len(g), text[len(g) :]) for g in _prefixes(text, lists["before"]) if n - len(g) >= MIN_PART]
    cuts += [(n - len(g), text[: n - len(g)]) for g in _suffixes(text, lists["after"]) if n - len(g) >= MIN_PART]
    cuts += [(n - len(g), None) for g in _suffixes(text, lists["after_preposition"]) if text[: n - len(g)] in lists["prepositions"]]
    if not cuts:
        return None
    words = word_filter()
    if text in words:
        return None  # a word ("uitgesloten", "hetzelfde")
    good = [i for i, other in cuts if other is None or other in words]
    if not good:
        return None
    # the split whose shorter side is longest ("wet|over", not "we|tover")
    return max(good, key=lambda i: (min(i, n - i), i))


def _prefixes(text: str, words: frozenset[str]) -> list[str]:
    return [text[:k] for k in range(1, min(len(text), _LONGEST) + 1) if text[:k] in words]


def _suffixes(text: str, words: frozenset[str]) -> list[str]:
    return [text[-k:] for k in range(1, min(len(text), _LONGEST) + 1) if text[-k:] in words]


# The longest function word of data/run-ons.json.
_LONGEST = 7


def split_run_ons(doc: Doc) -> Doc:
    splits = [(token, i) for token in doc if (i := split_point(token.text)) is not None]
    if splits:
        with doc.retokenize() as retokenizer:
            for token, i in splits:
                # each part its own head: no arc before the parser draws them (an arc here
                # would count as a partial parse and fix the sentence boundaries)
                retokenizer.split(token, [token.text[:i], token.text[i:]], heads=[(token, 0), (token, 1)])
    return doc


@Language.factory("wording_diff_run_ons")
def make_run_ons(nlp: Language, name: str):
    return split_run_ons


def files_digest(*paths: Path) -> str:
    """The SHA-256 of the files' bytes, in order: what a parse component depends on."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a parse depends on here: this code and its data."""
    return files_digest(Path(__file__), GLUE_FILE, FILTER_FILE)
