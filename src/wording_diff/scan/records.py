"""Stage 6, records: what a scan writes for each pair (schema ``wording-diff.scan/1``) and
for each document that cannot be read, the ranking key, the counts, and the top of the
ranking kept without holding every record."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diff import compare_docs

if TYPE_CHECKING:  # only named in annotations; pair.py imports this module
    from .pair import PairJob

SCHEMA = "wording-diff.scan/1"
_WEIGHTS = {"narrows": 1.0, "broadens": 1.0, "reverses": 1.5, "unclear": 0.5, "neutral": 0.0}
# How much a change found in each kind of pair says: two versions of one statement are
# directly comparable; a question is not itself a claim, so its differences with the
# answer are weaker evidence.
KIND_WEIGHT = {"versions": 1.0, "manifest": 1.0, "quoted-statement": 0.8, "question-answer": 0.6}


def magnitude(comparison, pair_kind: str) -> float:
    """The ranking key: for each aligned sentence pair, the scope dimensions that moved,
    each (dimension, effect) counted once (three negations dropped from one sentence are
    one reversal, not three), times how alike the two sentences are (a change between
    near-identical sentences is a reformulation, one between loosely related sentences may
    be noise); summed, damped for long texts, and weighted by the kind of pair."""
    total, matched = 0.0, 0
    for pair in comparison.pairs:
        if not pair.matched:
            continue
        matched += 1
        moved = {(c.dimension, c.effect) for c in pair.changes if c.kind != "unchanged"}
        total += pair.similarity * sum(_WEIGHTS[effect] for _, effect in moved)
    return round(KIND_WEIGHT.get(pair_kind, 1.0) * total / max(1, matched) ** 0.5, 3)


def record_for(job: PairJob, doc_a, doc_b, lexicon, lang: str) -> dict:
    """One pair's result (everything but where it was found, which ``placed`` adds)."""
    comparison = compare_docs(doc_a, doc_b, lexicon, a_label=job.a_label, b_label=job.b_label, lang=lang)
    changes = [c.as_dict() for c in comparison.changes(include_unchanged=True)]
    matched = [p.similarity for p in comparison.pairs if p.matched]
    return {
        "pair_kind": job.pair_kind,
        "labels": {"a": job.a_label, "b": job.b_label},
        "a": {"index": 0, "text": comparison.a_text, "label": job.a_label, "sentences": comparison.a_sentences},
        "b": {"index": 0, "text": comparison.b_text, "label": job.b_label, "sentences": comparison.b_sentences},
        "similarity": round(sum(matched) / len(matched), 4) if matched else 0.0,
        "verdict": comparison.verdict,
        "score": comparison.score,
        "magnitude": magnitude(comparison, job.pair_kind),
        "qualifiers": {
            "a": [q.as_dict() for q in comparison.a_qualifiers],
            "b": [q.as_dict() for q in comparison.b_qualifiers],
        },
        "changes": changes,
        "sentence_pairs": [p.as_dict() for p in comparison.pairs],
    }


def placed(job: PairJob, record: dict) -> dict:
    return {"schema": SCHEMA, "document": job.document, "document_id": job.doc_id, **record}


def error_record(document: str, error: str) -> dict:
    return {"schema": SCHEMA, "document": document, "error": error}


@dataclass
class ScanStats:
    documents: int = 0
    unreadable: int = 0
    pairs: int = 0
    cache_hits: int = 0  # texts read from the parse cache
    cache_misses: int = 0  # texts parsed
    results_reused: int = 0  # pairs read from the result cache
    results_reused_by_marks: int = 0  # of the others, pairs whose marks were unchanged

    def add(self, other: ScanStats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def record_fails(record: dict, fail_on: str | None) -> bool:
    """Whether a record meets ``--fail-on narrowed|broadened|any``."""
    if "error" in record or not fail_on:
        return False
    effects = {c["effect"] for c in record["changes"] if c["kind"] != "unchanged"}
    if fail_on == "narrowed":
        return "narrows" in effects
    if fail_on == "broadened":
        return "broadens" in effects
    return record["verdict"] != "unchanged"


class TopPairs:
    """The highest-ranked records, without keeping the rest in memory."""

    def __init__(self, n: int):
        self.n = n
        self._heap: list[tuple] = []
        self._count = 0

    def add(self, record: dict) -> None:
        if "error" in record:
            return
        self._count += 1
        key = (record["magnitude"], abs(record["score"]), -self._count)
        item = (key, record)
        if len(self._heap) < self.n:
            heapq.heappush(self._heap, item)
        elif key > self._heap[0][0]:
            heapq.heapreplace(self._heap, item)

    def ranked(self) -> list[dict]:
        return [r for _, r in sorted(self._heap, key=lambda x: x[0], reverse=True)]
