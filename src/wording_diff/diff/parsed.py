"""What the comparison reads from a parsed ``Doc``, gathered once per doc: its sentences,
token texts and qualifiers. Nothing here parses."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START

from ..qualifiers.component import SPANS_KEY
from ..qualifiers.lexicon import Lexicon
from .model import Qualifier, Side

_CONTENT_SKIP = {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "AUX"}
_NOT_WORD = re.compile(r"[\W_]+")


def phrase_key(text: str) -> str:
    """Spelling-insensitive form of a phrase: lower case, no spaces or punctuation."""
    return _NOT_WORD.sub("", text.lower())


def phrase_qualifier(span, dimension: str, value: str, rule: str, *, articles=frozenset(), scope: int | None = None, origin: int = 0) -> Qualifier:
    """Words of a doc as comparable qualifier data: spelling-insensitive key, the phrase
    without a leading preposition (core), its words without prepositions and articles
    (bare), its content lemmas and the lemma of its head; offsets moved by ``origin``
    (the start of the text they refer to)."""
    words = list(span)
    lead = 0
    while lead < len(words) - 1 and words[lead].pos_ == "ADP":
        lead += 1
    bare, content = [], []
    for t in words:
        lower, pos = t.lower_, t.pos_
        if lower in articles:
            continue
        if pos not in ("ADP", "DET", "PUNCT"):
            bare.append(lower)
        if pos not in _CONTENT_SKIP and not t.is_punct:
            content.append(t.lemma_.lower() or lower)
    root = span.root
    return Qualifier(
        dimension=dimension,
        text=span.text,
        start_char=span.start_char - origin,
        end_char=span.end_char - origin,
        value=value,
        rule=rule,
        scope=scope,
        key=phrase_key(span.text),
        core=span.doc[words[lead].i : span.end].text if words else span.text,
        bare=" ".join(bare) or span.text.lower(),
        content=tuple(content) or (span.text.lower(),),
        head=(root.lemma_ or root.lower_).lower(),
    )


def qualifier_of(span, lexicon: Lexicon) -> Qualifier:
    """A span of the ``scope_qualifiers`` group as comparable data (offsets in the doc)."""
    return phrase_qualifier(
        span, span.label_, span.kb_id_, span.id_, articles=lexicon.words("articles"), scope=lexicon.scope_of(span.id_, span.label_, span.kb_id_)
    )


@dataclass
class ParsedText:
    """A parsed doc's text, sentences, token texts and qualifiers (offsets in the doc)."""

    doc: object
    text: str
    sents: list
    sentence_texts: list[str]
    tokens: list[str]
    qualifiers: list[Qualifier]
    spans: list = field(default_factory=list, repr=False)  # the qualifier Spans, same order
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, doc, lexicon: Lexicon) -> ParsedText:
        # doc.text and Span.text join their tokens on every call: read the text once and
        # slice it by character offsets.
        text = doc.text
        spans = sorted(doc.spans[SPANS_KEY], key=lambda s: (s.start_char, s.end_char)) if SPANS_KEY in doc.spans else []
        quals = [qualifier_of(s, lexicon) for s in spans]
        sents = sentences_of(doc)
        return cls(
            doc,
            text,
            sents,
            [text[s.start_char : s.end_char] for s in sents],
            token_texts(doc, text),
            quals,
            spans,
            [q.start_char for q in quals],
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

    def spans_in(self, sent) -> list[tuple]:
        """(span, qualifier) of one sentence, the qualifier's offsets relative to the sentence."""
        out = []
        i = bisect_left(self._starts, sent.start_char)
        for span, q in zip(self.spans[i:], self.qualifiers[i:]):
            if q.start_char >= sent.end_char:
                break
            if q.end_char <= sent.end_char:
                out.append((span, replace(q, start_char=q.start_char - sent.start_char, end_char=q.end_char - sent.start_char)))
        return out


def sentences_of(doc) -> list:
    """``list(doc.sents)``, read from the sentence-start array instead of token by token."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return list(doc.sents)
    starts = [0, *(int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1), len(doc)]
    return [doc[a:b] for a, b in zip(starts, starts[1:])]


def token_texts(doc, text: str) -> list[str]:
    """``[t.text for t in doc]`` from the offset and length arrays (no Token objects)."""
    if not len(doc):
        return []
    return [text[i : i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]


def side_of(parsed: ParsedText, indices: tuple[int, ...]) -> Side:
    """Sentences of one text joined by a space, with their qualifiers and tokens."""
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


def word_diff(a: list[str], b: list[str]) -> list[dict]:
    matcher = difflib.SequenceMatcher(a=[t.lower() for t in a], b=[t.lower() for t in b], autojunk=False)
    return [{"op": op, "a": " ".join(a[i1:i2]), "b": " ".join(b[j1:j2])} for op, i1, i2, j1, j2 in matcher.get_opcodes()]
