"""The result model of a comparison (the vocabularies it uses are in ../vocabulary.py).

Everything here is plain data: render/ and scan/ read it; nothing here parses, aligns or
decides. ``as_dict`` gives the JSON of ``wording-diff.compare/1`` (plus extra keys).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..vocabulary import DIMENSIONS, EFFECTS, KINDS, POLARITIES, RELATIONS, STANCES, VERDICTS

__all__ = [
    "DIMENSIONS",
    "VERDICTS",
    "KINDS",
    "EFFECTS",
    "STANCES",
    "POLARITIES",
    "RELATIONS",
    "Qualifier",
    "Change",
    "Claim",
    "ClaimPair",
    "Side",
    "PairResult",
    "Comparison",
]


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
    head: str = ""  # lemma of the phrase's head word, for is-a relations

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
    claim_pair: str | None = None  # id of the claim pair it belongs to
    weight: float = 1.0  # how far the verdict trusts it (the rule's reliability)
    # what A's claim is: "asked" (a question B answers) or "stated"; rules are not as
    # reliable in both (a question's qualifier an answer does not repeat is seldom dropped)
    context: str = "stated"
    # its claim pair was made for want of a better one (weighed apart)
    loose: bool = False

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
        if self.claim_pair is not None:
            out["claim_pair"] = self.claim_pair
            out["context"] = self.context
            if self.loose:
                out["loose"] = True
        out["weight"] = round(self.weight, 3)
        return out


@dataclass
class Claim:
    """One proposition read from one clause: its predicate, polarity, slots and stance."""

    id: str  # "a1", "b3": side and number, unique within a comparison
    side: str  # "a" or "b"
    sentence: int  # index of its sentence in its text
    predicate: str  # the lemma that carries it ("gebruiken", "toestemming geven", "misbruik")
    predicate_text: str  # as written
    polarity: str
    polarity_rule: str
    stance: str
    text: str  # the clause as written
    start_char: int  # offsets in the sentence text
    end_char: int
    qualifiers: list[Qualifier] = field(default_factory=list)
    lemmas: tuple[str, ...] = ()  # content lemmas of the clause, for matching claims
    arguments: tuple[str, ...] = ()  # lemmas of subject, object and agent heads
    subject: str = ""  # the subject as written, lower case ("u", "het kabinet")
    verb: str = ""  # the light or existential verb when a noun carries the claim ("doen", "plaatsvinden")
    attribution: str | None = None  # who is said to have said it
    stance_rule: str = ""
    polarity_words: tuple[str, ...] = ()  # the words that decide its polarity
    polarity_qualifiers: list[Qualifier] = field(default_factory=list)  # those words as spans
    reference: str | None = None  # for retractions and restrictions: what they point at
    reversal: Qualifier | None = None  # the words that take an earlier statement back
    predicate_start: int = 0  # offsets of the predicate's word in the sentence
    predicate_end: int = 0
    # What the claim is about: its object (or the subject of a passive) as a phrase, for
    # comparing what exactly is claimed when no qualifier says it ("geen producten
    # afgenomen" / "geen relatie aangegaan"); None if it has none or it is a pronoun.
    argument: Qualifier | None = None
    # A clause inside another claim ("omdat zij beweerde dat X"): matched like any claim,
    # but not reported as dropped or new when nothing matches it.
    embedded: bool = False
    # For a claim asked in an open question, the dimensions its question word asks for
    # ("Wanneer …?" → time): what the answer puts there answers it, it does not narrow.
    asks_for: tuple[str, ...] = ()
    # Asked in an open question ("Hoe reageert u …?", "Op welke wijze …?"): it cannot be
    # answered "no", so a denial in the answer does not reverse it.
    open_question: bool = False

    def as_dict(self) -> dict:
        out = {
            "id": self.id,
            "sentence": self.sentence,
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "predicate": self.predicate,
            "predicate_text": self.predicate_text,
            "polarity": self.polarity,
            "polarity_rule": self.polarity_rule,
            "stance": self.stance,
            "stance_rule": self.stance_rule,
            "qualifiers": [q.as_dict() for q in self.qualifiers],
        }
        if self.attribution:
            out["attribution"] = self.attribution
        if self.polarity_words:
            out["polarity_words"] = list(self.polarity_words)
        if self.reference:
            out["reference"] = self.reference
        if self.embedded:
            out["embedded"] = True
        if self.asks_for:
            out["asks_for"] = list(self.asks_for)
        if self.open_question:
            out["open_question"] = True
        return out


@dataclass
class ClaimPair:
    """A claim of A and what B makes of it (or a claim of B with no counterpart in A)."""

    id: str  # "p1", …
    a: Claim | None
    b: Claim | None
    relation: str
    rule: str  # why they were paired ("claim:same-predicate", "claim:retraction", …)
    similarity: float
    changes: list[Change] = field(default_factory=list)
    verdict: str = "unchanged"
    # changes from rules too seldom right on the corpus to report as findings: they still
    # count in the verdict, by their weight, and are listed apart
    uncertain: list[Change] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "a": self.a.id if self.a else None,
            "b": self.b.id if self.b else None,
            "relation": self.relation,
            "rule": self.rule,
            "similarity": self.similarity,
            "verdict": self.verdict,
        }


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
    """One sentence pair (the unit of ``wording-diff.compare/1``): the changes of the claim
    pairs whose claims stand in these two sentences."""

    a: Side
    b: Side
    similarity: float
    changes: list[Change]
    verdict: str
    score: float
    word_diff: list[dict] = field(default_factory=list)
    claim_pairs: list[str] = field(default_factory=list)
    uncertain: list[Change] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return bool(self.a.indices and self.b.indices)

    def as_dict(self) -> dict:
        out = {
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
        if self.claim_pairs:
            out["claim_pairs"] = list(self.claim_pairs)
        if self.uncertain:
            out["uncertain_changes"] = [c.as_dict() for c in self.uncertain]
        return out


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
    a_claims: list[Claim] = field(default_factory=list)
    b_claims: list[Claim] = field(default_factory=list)
    claim_pairs: list[ClaimPair] = field(default_factory=list)
    # B answers none of the questions A asks and talks of something else
    not_taken_up: bool = False
    # A asks to confirm a claim; B neither says yes nor restates one of A's claims closely
    not_confirmed: bool = False

    def changes(self, include_unchanged: bool = False, include_uncertain: bool = False) -> list[Change]:
        out = [c for p in self.pairs for c in p.changes if include_unchanged or c.kind != "unchanged"]
        if include_uncertain:
            out += [c for p in self.pairs for c in p.uncertain]
        return out

    def claims_as_dict(self) -> dict:
        return {"a": [c.as_dict() for c in self.a_claims], "b": [c.as_dict() for c in self.b_claims]}
