"""Sentence alignment between two versions of a text.

A monotone dynamic programme over rapidfuzz similarities that allows one-to-one pairs,
sentences without a counterpart, and a sentence split in two or two merged into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

MATCH_THRESHOLD = 0.45
MERGE_PENALTY = 0.05


@dataclass(frozen=True)
class Alignment:
    a: tuple[int, ...]  # indices of sentences in A (empty: no counterpart)
    b: tuple[int, ...]
    similarity: float


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def _blend(a: str, b: str, **_: object) -> float:
    # ratio punishes reordering; token_set_ratio forgives added qualifiers. A reworded
    # statement keeps most of its words but gains or loses phrases, so take both.
    return (fuzz.ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2.0


def similarity(a: str, b: str) -> float:
    return round(_blend(_norm(a), _norm(b)) / 100.0, 4)


def align(a_sents: list[str], b_sents: list[str], threshold: float = MATCH_THRESHOLD) -> list[Alignment]:
    na, nb = len(a_sents), len(b_sents)
    a_norm = [_norm(s) for s in a_sents]
    b_norm = [_norm(s) for s in b_sents]
    if na == 0 or nb == 0:
        return [Alignment((i,), (), 0.0) for i in range(na)] + [Alignment((), (j,), 0.0) for j in range(nb)]
    sim = cdist(a_norm, b_norm, scorer=_blend, workers=1) / 100.0

    def merged_sim(a_idx: tuple[int, ...], b_idx: tuple[int, ...]) -> float:
        return _blend(" ".join(a_norm[i] for i in a_idx), " ".join(b_norm[j] for j in b_idx)) / 100.0

    neg = float("-inf")
    score = [[neg] * (nb + 1) for _ in range(na + 1)]
    back: list[list[tuple | None]] = [[None] * (nb + 1) for _ in range(na + 1)]
    score[0][0] = 0.0
    for i in range(na + 1):
        for j in range(nb + 1):
            if i == 0 and j == 0:
                continue
            best, arg = neg, None
            if i and score[i - 1][j] > best:
                best, arg = score[i - 1][j], (1, 0, 0.0)
            if j and score[i][j - 1] > best:
                best, arg = score[i][j - 1], (0, 1, 0.0)
            if i and j and sim[i - 1][j - 1] >= threshold:
                s = score[i - 1][j - 1] + sim[i - 1][j - 1] - threshold
                if s > best:
                    best, arg = s, (1, 1, float(sim[i - 1][j - 1]))
            if i >= 2 and j and max(sim[i - 2][j - 1], sim[i - 1][j - 1]) >= threshold * 0.8:
                m = merged_sim((i - 2, i - 1), (j - 1,))
                s = score[i - 2][j - 1] + m - threshold - MERGE_PENALTY
                if m >= threshold and s > best:
                    best, arg = s, (2, 1, m)
            if i and j >= 2 and max(sim[i - 1][j - 2], sim[i - 1][j - 1]) >= threshold * 0.8:
                m = merged_sim((i - 1,), (j - 2, j - 1))
                s = score[i - 1][j - 2] + m - threshold - MERGE_PENALTY
                if m >= threshold and s > best:
                    best, arg = s, (1, 2, m)
            score[i][j], back[i][j] = best, arg
    out: list[Alignment] = []
    i, j = na, nb
    while i or j:
        di, dj, s = back[i][j]
        out.append(Alignment(tuple(range(i - di, i)), tuple(range(j - dj, j)), round(min(1.0, s), 4)))
        i, j = i - di, j - dj
    out.reverse()
    return out
