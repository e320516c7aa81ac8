"""Qualifier-level comparison of two parsed texts: changes, effects, verdicts, explanations.

Works on spaCy ``Doc`` objects whose ``scope_qualifiers`` span group is filled; it never
parses and knows nothing of how the result is shown.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy
from rapidfuzz import fuzz
from spacy.attrs import IDX, LENGTH, SENT_START

from .align import Alignment, align, similarity
from .qualifiers.component import SPANS_KEY
from .qualifiers.lexicon import DIMENSIONS, Lexicon

VERDICTS = ("narrowed", "broadened", "mixed", "unchanged", "reversed")
_CONTENT_SKIP = {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "AUX"}
_ARTICLES = {"de", "het", "een", "'t", "die", "dat", "deze", "dit", "onze", "ons", "mijn"}
_FUZZY_SAME = 88.0


@dataclass(frozen=True)
class Qualifier:
    dimension: str
    text: str
    start_char: int
    end_char: int
    value: str
    rule: str
    scope: int | None
    key: str  # spelling-insensitive form: "realtime" == "real time" == "real-time"
    core: str  # without a leading preposition: "de publieke ruimte"
    bare: str  # surface words without prepositions and articles: "publieke ruimte"
    content: tuple[str, ...]  # content lemmas, for containment

    def as_dict(self) -> dict:
        return {
            "dimension": self.dimension,
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "value": self.value,
            "rule": self.rule,
        }


@dataclass
class Change:
    dimension: str
    kind: str
    a: list[Qualifier]
    b: list[Qualifier]
    effect: str
    rule: str
    explanation: str = ""
    no_longer_ruled_out: str | None = None

    @property
    def a_text(self) -> str | None:
        return " / ".join(q.text for q in self.a) or None

    @property
    def b_text(self) -> str | None:
        return " / ".join(q.text for q in self.b) or None

    def as_dict(self) -> dict:
        out = {
            "dimension": self.dimension,
            "kind": self.kind,
            "a": self.a_text,
            "b": self.b_text,
            "effect": self.effect,
            "explanation": self.explanation,
            "rule": self.rule,
            "qualifier_rules": {"a": [q.rule for q in self.a], "b": [q.rule for q in self.b]},
        }
        if self.no_longer_ruled_out:
            out["no_longer_ruled_out"] = self.no_longer_ruled_out
        return out


@dataclass
class Side:
    indices: tuple[int, ...]
    text: str | None
    qualifiers: list[Qualifier]
    tokens: list[str]

    def as_dict(self) -> dict:
        out = {"index": self.indices[0] if self.indices else None, "text": self.text}
        if len(self.indices) > 1:
            out["indices"] = list(self.indices)
        return out


@dataclass
class PairResult:
    a: Side
    b: Side
    similarity: float
    changes: list[Change]
    verdict: str
    score: float
    word_diff: list[dict] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return bool(self.a.indices and self.b.indices)

    def as_dict(self) -> dict:
        return {
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
            "similarity": self.similarity,
            "verdict": self.verdict,
            "score": self.score,
            "qualifiers": {
                "a": [q.as_dict() for q in self.a.qualifiers],
                "b": [q.as_dict() for q in self.b.qualifiers],
            },
            "changes": [c.as_dict() for c in self.changes],
            "word_diff": self.word_diff,
        }


@dataclass
class Comparison:
    a_label: str
    b_label: str
    a_sentences: int
    b_sentences: int
    pairs: list[PairResult]
    verdict: str
    score: float
    lang: str
    a_text: str = ""
    b_text: str = ""
    a_qualifiers: list[Qualifier] = field(default_factory=list)  # of the whole texts
    b_qualifiers: list[Qualifier] = field(default_factory=list)

    def changes(self, include_unchanged: bool = False) -> list[Change]:
        return [c for p in self.pairs for c in p.changes if include_unchanged or c.kind != "unchanged"]


# ----------------------------------------------------------------------- qualifiers
_NOT_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())


def _spans_within(span_group, start_char: int, end_char: int):
    """The spans of a group that lie inside [start_char, end_char); the group is sorted by
    start, so a binary search finds the first one (long documents have many sentences)."""
    spans = list(span_group) if not isinstance(span_group, list) else span_group
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start_char < start_char:
            lo = mid + 1
        else:
            hi = mid
    for span in spans[lo:]:
        if span.start_char >= end_char:
            break
        if span.end_char <= end_char:
            yield span


def qualifiers_of(span_group, start_char: int, end_char: int, offset: int, lexicon: Lexicon) -> list[Qualifier]:
    """Qualifiers inside [start_char, end_char) of the doc, with offsets moved by ``offset``."""
    out = []
    for span in _spans_within(span_group, start_char, end_char):
        words = list(span)
        lead = 0
        while lead < len(words) - 1 and words[lead].pos_ == "ADP":
            lead += 1
        bare, content = [], []
        for t in words:
            lower, pos = t.lower_, t.pos_
            if lower in _ARTICLES:
                continue
            if pos not in ("ADP", "DET", "PUNCT"):
                bare.append(lower)
            if pos not in _CONTENT_SKIP and not t.is_punct:
                content.append(t.lemma_.lower() or lower)
        out.append(
            Qualifier(
                dimension=span.label_,
                text=span.text,
                start_char=span.start_char - start_char + offset,
                end_char=span.end_char - start_char + offset,
                value=span.kb_id_,
                rule=span.id_,
                scope=lexicon.scope_of(span.id_, span.label_, span.kb_id_),
                key=_key(span.text),
                core=span.doc[words[lead].i : span.end].text,
                bare=" ".join(bare) or span.text.lower(),
                content=tuple(content) or (span.text.lower(),),
            )
        )
    return out


@dataclass
class ParsedText:
    """What the comparison reads from a parsed doc, gathered once per doc: its sentences,
    token texts and qualifiers (offsets in the doc), sorted by start."""

    text: str
    sents: list
    sentence_texts: list[str]
    tokens: list[str]
    qualifiers: list[Qualifier]
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, doc, lexicon: Lexicon) -> ParsedText:
        # doc.text and Span.text join their tokens on every call: read the text once and
        # slice it by character offsets.
        text = doc.text
        group = sorted(doc.spans[SPANS_KEY], key=lambda s: s.start_char) if SPANS_KEY in doc.spans else []
        quals = qualifiers_of(group, 0, len(text), 0, lexicon)
        sents = _sentences(doc)
        return cls(
            text, sents, [text[s.start_char : s.end_char] for s in sents], _token_texts(doc, text), quals, [q.start_char for q in quals]
        )

    def qualifiers_in(self, sent, offset: int) -> list[Qualifier]:
        """The qualifiers inside one sentence, with offsets relative to ``offset``."""
        out = []
        for q in self.qualifiers[bisect_left(self._starts, sent.start_char) :]:
            if q.start_char >= sent.end_char:
                break
            if q.end_char <= sent.end_char:
                shift = offset - sent.start_char
                out.append(replace(q, start_char=q.start_char + shift, end_char=q.end_char + shift))
        return out


def _sentences(doc) -> list:
    """``list(doc.sents)``, read from the sentence-start array instead of token by token."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return list(doc.sents)
    starts = [0, *(int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1), len(doc)]
    return [doc[a:b] for a, b in zip(starts, starts[1:])]


def _token_texts(doc, text: str) -> list[str]:
    """``[t.text for t in doc]`` from the offset and length arrays (no Token objects)."""
    if not len(doc):
        return []
    return [text[i : i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]


def side_of(parsed: ParsedText, indices: tuple[int, ...]) -> Side:
    if not indices:
        return Side((), None, [], [])
    parts, quals, tokens, offset = [], [], [], 0
    for n, i in enumerate(indices):
        sent = parsed.sents[i]
        text = parsed.sentence_texts[i]
        if n:
            offset += 1  # the joining space
        quals.extend(parsed.qualifiers_in(sent, offset))
        tokens.extend(parsed.tokens[sent.start : sent.end])
        parts.append(text)
        offset += len(text)
    return Side(indices, " ".join(parts), quals, tokens)


# ----------------------------------------------------------------------- ordering
def _more_specific(narrow: tuple[str, ...], broad: tuple[str, ...]) -> bool:
    """``narrow`` names everything ``broad`` names and more: extra words, or a compound
    that ends in the broader word ("politieorganisatie" ⊂ "organisatie")."""
    if not broad or narrow == broad:
        return False

    def covered(word: str) -> bool:
        return any(w == word or (w.endswith(word) and len(word) >= 4) for w in narrow)

    if not all(covered(w) for w in broad):
        return False
    return len(narrow) > len(broad) or any(w != b and w.endswith(b) for w in narrow for b in broad)


def _direction(dim: str, a: list[Qualifier], b: list[Qualifier], lexicon: Lexicon) -> tuple[str, str]:
    """Effect of replacing the A qualifiers of one dimension by the B ones, and the rule."""
    if dim == "polarity":
        return "reverses", "compare:polarity"
    if len(a) == len(b) and all(any(_synonymous(x, y, lexicon) for y in b) for x in a):
        return "neutral", "compare:synonyms"
    if dim == "modality":
        sa = min((q.scope for q in a if q.scope is not None), default=None)
        sb = min((q.scope for q in b if q.scope is not None), default=None)
        if sa is None or sb is None or sa == sb:
            return "neutral", "compare:modality-rank"
        return ("narrows" if sb < sa else "broadens"), "compare:modality-rank"
    # 1. explicit orderings in the lexicon (user data wins)
    votes = set()
    for qa in a:
        for qb in b:
            o = lexicon.order(dim, qa.bare, qb.bare)
            if o is None:
                o = lexicon.order(dim, " ".join(qa.content), " ".join(qb.content))
            if o is not None:
                votes.add("narrows" if o < 0 else "broadens")
    if len(votes) == 1:
        return votes.pop(), "compare:ordering"
    # 2. one phrase names the other and more ("de Nationale Politie" ⊂ "de politie")
    for qa in a:
        for qb in b:
            if _more_specific(qb.content, qa.content):
                votes.add("narrows")
            elif _more_specific(qa.content, qb.content):
                votes.add("broadens")
    if len(votes) == 1:
        return votes.pop(), "compare:containment"
    # 3. the scope ranks of the lexicon entries; several qualifiers of one dimension
    #    restrict together, so a side is as wide as its narrowest qualifier
    sa = min((q.scope for q in a if q.scope is not None), default=None)
    sb = min((q.scope for q in b if q.scope is not None), default=None)
    if sa is not None and sb is not None:
        if sa == sb and {q.value for q in a} == {q.value for q in b}:
            return "neutral", "compare:same-value"
        if sa != sb:
            return ("narrows" if sb < sa else "broadens"), "compare:scope-rank"
    if {q.value for q in a} == {q.value for q in b} and all(q.value not in ("named", "named-place", "restricted") for q in a):
        return "neutral", "compare:same-value"
    return "unclear", "compare:no-rule"


def _same(qa: Qualifier, qb: Qualifier) -> bool:
    """The same qualifier, up to spelling ("realtime" / "real time" / "real-time") and a
    preposition ("door de politie" / "de politie")."""
    if qa.key == qb.key:
        return True
    if qa.dimension in ("polarity", "modality"):
        return qa.value == qb.value
    return qa.bare == qb.bare or fuzz.ratio(qa.key, qb.key) >= _FUZZY_SAME


def _synonymous(qa: Qualifier, qb: Qualifier, lexicon: Lexicon) -> bool:
    return lexicon.canonical(qa.key) == lexicon.canonical(qb.key)


def compare_qualifiers(qa: list[Qualifier], qb: list[Qualifier], lexicon: Lexicon, texts) -> list[Change]:
    changes: list[Change] = []
    for dim in DIMENSIONS:
        left = [q for q in qa if q.dimension == dim]
        right = [q for q in qb if q.dimension == dim]
        # Unchanged first: the same phrase (up to spelling) on both sides.
        for q in list(left):
            match = next((r for r in right if _same(q, r)), None)
            if match is not None:
                left.remove(q)
                right.remove(match)
                rule = "compare:same-phrase" if q.key == match.key or dim not in ("polarity", "modality") else "compare:same-value"
                changes.append(Change(dim, "unchanged", [q], [match], "neutral", rule))
        if dim == "modality" or (dim == "object" and not (left and right)):
            # An extra clause is not another kind of claim; and a denied object only
            # says something against another denied object (its negation is polarity's).
            left = [q for q in left if dim != "object" or q.value != "negated"]
            right = [q for q in right if dim != "object" or q.value != "negated"]
            if dim == "modality":
                left, right = left[:1], right[:1]
                if not (left and right):
                    continue
        if dim == "actor" and not (left and right):
            # Every official statement is its speaker's: naming "ik" or "u" (the
            # minister addressed) restricts nothing.
            left = [q for q in left if q.value != "speaker"]
            right = [q for q in right if q.value != "speaker"]
        if left and right:
            effect, rule = _direction(dim, left, right, lexicon)
            changes.append(Change(dim, "replaced", left, right, effect, rule))
        else:
            for q in left:
                changes.append(Change(dim, "removed", [q], [], _added_removed_effect(q, lexicon, added=False), "compare:removed"))
            for q in right:
                changes.append(Change(dim, "added", [], [q], _added_removed_effect(q, lexicon, added=True), "compare:added"))
    for change in changes:
        texts.explain(change)
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    kinds = {"added": 0, "removed": 1, "replaced": 2, "unchanged": 3}
    changes.sort(key=lambda c: (kinds[c.kind], order[c.dimension], (c.a or c.b)[0].start_char))
    return changes


def _added_removed_effect(q: Qualifier, lexicon: Lexicon, added: bool) -> str:
    if q.dimension == "polarity":
        return "reverses"
    if q.dimension == "modality":
        return "neutral"  # another clause, not a different kind of claim
    override = lexicon.effect_when_added(q.rule)
    if override == "broadens":
        return "broadens" if added else "narrows"
    if override == "narrows":
        return "narrows" if added else "broadens"
    if override in ("neutral", "unclear", "reverses"):
        return override
    return "narrows" if added else "broadens"


def verdict_of(effects: list[str]) -> str:
    s = set(effects)
    if "reverses" in s:
        return "reversed"
    if "narrows" in s and "broadens" in s:
        return "mixed"
    if "narrows" in s:
        return "narrowed"
    if "broadens" in s:
        return "broadened"
    if "unclear" in s:
        return "mixed"
    return "unchanged"


def score_of(effects: list[str]) -> float:
    n, b, u = effects.count("narrows"), effects.count("broadens"), effects.count("unclear")
    total = n + b + u
    return round((n - b) / total, 4) if total else 0.0


def overall_verdict(pair_verdicts: list[str]) -> str:
    s = {v for v in pair_verdicts if v != "unchanged"}
    if not s:
        return "unchanged"
    if "reversed" in s:
        return "reversed"
    if len(s) == 1:
        return s.pop()
    return "mixed"


def word_diff(a: list[str], b: list[str]) -> list[dict]:
    matcher = difflib.SequenceMatcher(a=[t.lower() for t in a], b=[t.lower() for t in b], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.append({"op": op, "a": " ".join(a[i1:i2]), "b": " ".join(b[j1:j2])})
    return out


# ----------------------------------------------------------------------- explanations
_EXPLANATIONS = Path(__file__).with_name("explanations.json")


@lru_cache(maxsize=1)
def _templates() -> dict:
    return json.loads(_EXPLANATIONS.read_text(encoding="utf8"))


class Texts:
    """Fills in the explanation templates (explanations.json) in one language."""

    def __init__(self, lang: str = "nl"):
        data = _templates()
        if lang not in data:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(sorted(data))}")
        self.lang = lang
        self.t = data[lang]

    def outside(self, dim: str, q: list[Qualifier], other: list[Qualifier] | None = None) -> str:
        # Actors, places and objects read as noun phrases ("anderen dan de politie");
        # the other dimensions are quoted whole ("een ander moment dan «op dit moment»").
        x = " / ".join(item.core if dim in ("actor", "place", "object") else item.text for item in q)
        return self.t["outside"][dim].format(x=x, a=" / ".join(i.core for i in (other or [])))

    def explain(self, c: Change) -> None:
        t = self.t
        a, b = c.a_text or "", c.b_text or ""
        dim_label = t["dimensions"][c.dimension]
        fill = {"a": a, "b": b, "dim": dim_label}
        if c.dimension == "polarity":
            key = {"added": "added", "removed": "removed", "replaced": "replaced", "unchanged": "unchanged"}[c.kind]
            value = (c.a or c.b)[0].value
            fill["value"] = t["polarity_values"].get(value, value)
            c.explanation = t["polarity"][key].format(**fill)
            return
        if c.dimension == "modality":
            va = c.a[0].value if c.a else ""
            vb = c.b[0].value if c.b else ""
            fill.update(va=t["modality_values"].get(va, va), vb=t["modality_values"].get(vb, vb))
            if c.kind == "replaced" and c.effect in ("narrows", "broadens"):
                special = t["modality"].get(f"{c.a[0].value}>{c.b[0].value}")
                c.explanation = (special or t["modality"][c.effect]).format(**fill)
                if c.effect == "narrows":
                    c.no_longer_ruled_out = t["modality_ruled_out"].get(f"{c.a[0].value}>{c.b[0].value}", t["modality_ruled_out"]["default"])
                return
            c.explanation = t["modality"][c.kind if c.kind != "replaced" else "neutral"].format(**fill)
            return
        if c.kind == "unchanged":
            fill["outside"] = self.outside(c.dimension, c.a)
            c.explanation = t["kinds"]["unchanged"].format(**fill)
            return
        key = f"{c.kind}.{c.effect}"
        template = t["kinds"].get(key) or t["kinds"][f"{c.kind}.unclear" if c.kind == "replaced" else f"{c.kind}.other"]
        if c.effect == "narrows":
            q = c.b if c.b else c.a
            fill["outside"] = self.outside(c.dimension, q, c.a)
            c.no_longer_ruled_out = fill["outside"]
        c.explanation = template.format(**fill)


# ----------------------------------------------------------------------- entry point
def compare_docs(doc_a, doc_b, lexicon: Lexicon, *, a_label: str = "a", b_label: str = "b", lang: str = "nl") -> Comparison:
    texts = Texts(lang)
    parsed_a, parsed_b = ParsedText.of(doc_a, lexicon), ParsedText.of(doc_b, lexicon)
    sents_a, sents_b = parsed_a.sents, parsed_b.sents
    if len(sents_a) == 1 and len(sents_b) == 1:
        # Two single statements are versions of each other because the user says so.
        alignment = [Alignment((0,), (0,), similarity(parsed_a.sentence_texts[0], parsed_b.sentence_texts[0]))]
    else:
        alignment = align(parsed_a.sentence_texts, parsed_b.sentence_texts)
    pairs = []
    for al in alignment:
        side_a = side_of(parsed_a, al.a)
        side_b = side_of(parsed_b, al.b)
        if al.a and al.b:
            changes = compare_qualifiers(side_a.qualifiers, side_b.qualifiers, lexicon, texts)
            effects = [c.effect for c in changes if c.kind != "unchanged"]
            pair = PairResult(side_a, side_b, al.similarity, changes, verdict_of(effects), score_of(effects), word_diff(side_a.tokens, side_b.tokens))
        else:
            pair = PairResult(side_a, side_b, 0.0, [], "unchanged", 0.0, [])
        pairs.append(pair)
    all_effects = [c.effect for p in pairs for c in p.changes if c.kind != "unchanged"]
    return Comparison(
        a_label=a_label,
        b_label=b_label,
        a_sentences=len(sents_a),
        b_sentences=len(sents_b),
        pairs=pairs,
        verdict=overall_verdict([p.verdict for p in pairs]),
        score=score_of(all_effects),
        lang=lang,
        a_text=parsed_a.text,
        b_text=parsed_b.text,
        a_qualifiers=parsed_a.qualifiers,
        b_qualifiers=parsed_b.qualifiers,
    )
