"""Alignment: of sentences (when there are no claims to match), and of claims.

Sentences: a monotone dynamic programme over rapidfuzz similarities that allows one-to-one pairs,
sentences without a counterpart, and a sentence split in two or two merged into one.
Claims: matched by what they are about (predicate and argument lemmas, the lexicon's
synonyms and opposites, Open Dutch WordNet), many-to-many, across all sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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


# ----------------------------------------------------------------------- claims
# How much each kind of evidence counts when two claims are matched: what they say
# (predicate), what about (arguments and content words), and how alike they read.
PREDICATE_WEIGHT = 0.4
CONTENT_WEIGHT = 0.4
SURFACE_WEIGHT = 0.2
CLAIM_THRESHOLD = 0.3
# A B claim matched to an A claim this close to its best match also counts (many-to-many).
CLAIM_MARGIN = 0.08
# B's quotes of A are mentions: they match only where nothing B says itself does.
QUOTE_FACTOR = 0.55


@dataclass(frozen=True)
class ClaimMatch:
    a: int  # index into the A claims
    b: int
    score: float
    rule: str
    opposite: bool  # the predicates are opposites (toestaan / verbieden)


_ENDINGS = ("ingen", "ing", "en", "n")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def _stem_alike(p: str, q: str) -> bool:
    """The same word in two forms the lemmatizer did not unify ("inzet" / "inzetten"), or a
    verb and the noun made of it ("oplossen" / "oplossing", "beantwoorden" / "beantwoording")."""
    if len(p) < 4 or len(q) < 4:
        return False
    short, long = sorted((p, q), key=len)
    if long.startswith(short) and len(long) - len(short) <= 3:
        return True
    return len(_stem(p)) >= 5 and _stem(p) == _stem(q)


def _compound_alike(p: str, q: str) -> bool:
    """One word is a compound that starts or ends with the other ("gezichtsherkenning" /
    "gezichtsherkenningstechnologie", "organisatie" / "politieorganisatie")."""
    if len(p) < 6 or len(q) < 6:
        return False
    short, long = sorted((p, q), key=len)
    return long.startswith(short) or long.endswith(short)


def predicate_relation(p: str, q: str, lexicon, relations) -> tuple[float, str, bool]:
    """(similarity, rule, opposite) of two predicate lemmas."""
    if not p or not q:
        return 0.0, "claim:no-predicate", False
    if p == q or _stem_alike(p, q):
        return 1.0, "claim:same-predicate", False
    if lexicon.opposite_predicates(p, q):
        return 0.9, "claim:opposite-predicate", True
    if lexicon.synonymous_predicates(p, q):
        return 0.9, "claim:synonym-predicate", False
    if relations.antonyms(p, q):
        return 0.8, "claim:wordnet-antonym", True
    if relations.synonyms(p, q):
        return 0.8, "claim:wordnet-synonym", False
    return 0.0, "claim:content", False


def _word_match(x: str, y: str, lexicon, relations) -> float:
    """1 for the same word (in two forms), 0.8 for a compound of it or a synonym, else 0."""
    if x == y or _stem_alike(x, y):
        return 1.0
    if _compound_alike(x, y) or lexicon.synonymous_predicates(x, y) or relations.synonyms(x, y):
        return 0.8
    return 0.0


def _content_overlap(a: tuple[str, ...], b: tuple[str, ...], lexicon, relations) -> float:
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    hits = 0.0
    for x in sa:
        if x in sb:
            hits += 1
            continue
        hits += max((_word_match(x, y, lexicon, relations) for y in sb), default=0.0)
    dice = 2 * hits / (len(sa) + len(sb))
    cover = hits / min(len(sa), len(sb))
    return min(1.0, (dice + cover) / 2)


def content_overlap(ca, cb, lexicon, relations) -> float:
    """How far two claims are about the same things (their content and argument lemmas)."""
    return _content_overlap(ca.lemmas + ca.arguments, cb.lemmas + cb.arguments, lexicon, relations)


def claim_score(ca, cb, lexicon, relations) -> tuple[float, str, bool]:
    pred, rule, opposite = predicate_relation(ca.predicate, cb.predicate, lexicon, relations)
    if pred == 0.0 and ca.verb and cb.verb:
        # "X wordt niet gedaan" / "Y vindt wél plaats": both say whether something happens
        verb, _, _ = predicate_relation(ca.verb, cb.verb, lexicon, relations)
        if verb > 0:
            pred, rule = 0.5, "claim:same-kind-of-predicate"
    content = _content_overlap(ca.lemmas + ca.arguments, cb.lemmas + cb.arguments, lexicon, relations)
    surface = fuzz.token_set_ratio(_norm(ca.text), _norm(cb.text)) / 100.0
    score = PREDICATE_WEIGHT * pred + CONTENT_WEIGHT * content + SURFACE_WEIGHT * surface
    if pred == 0.0 and content > 0:
        rule = "claim:content"
    return round(score, 4), rule, opposite


def match_claims(a_claims: list, b_claims: list, lexicon, relations, *, threshold: float = CLAIM_THRESHOLD) -> list[ClaimMatch]:
    """Many-to-many: claims of A and B that are among each other's best matches and clear
    the threshold. B's quotes of A count only as a fallback."""
    scores: dict[tuple[int, int], tuple[float, str, bool]] = {}
    for i, ca in enumerate(a_claims):
        for j, cb in enumerate(b_claims):
            if not ca.predicate or not cb.predicate:
                continue
            s, rule, opposite = claim_score(ca, cb, lexicon, relations)
            if cb.stance == "quoted" and ca.stance != "quoted":
                s *= QUOTE_FACTOR
            scores[(i, j)] = (s, rule, opposite)
    # A pair is kept when the score clears the threshold and each claim finds the other
    # among its best (within CLAIM_MARGIN): many to many where a claim was split or
    # merged, and the same whichever text is called A.
    row_best = [max((scores[(i, j)][0] for j in range(len(b_claims)) if (i, j) in scores), default=0.0) for i in range(len(a_claims))]
    col_best = [max((scores[(i, j)][0] for i in range(len(a_claims)) if (i, j) in scores), default=0.0) for j in range(len(b_claims))]
    chosen = [
        ClaimMatch(i, j, s, rule, opposite)
        for (i, j), (s, rule, opposite) in scores.items()
        if s >= threshold and s >= row_best[i] - CLAIM_MARGIN and s >= col_best[j] - CLAIM_MARGIN
    ]
    return sorted(chosen, key=lambda m: (m.a, m.b))


def best_partner(claim, candidates: list, lexicon, relations) -> tuple[int, float] | None:
    """The candidate most like ``claim`` (for retractions and restrictions that point at
    an earlier statement without naming it), whatever its score."""
    best = None
    for i, other in enumerate(candidates):
        s = claim_score(claim, other, lexicon, relations)[0] if claim.predicate and other.predicate else 0.0
        if best is None or s > best[1]:
            best = (i, s)
    return best
