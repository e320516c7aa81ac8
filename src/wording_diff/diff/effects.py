"""Slot by slot: what changed between the qualifiers of two claims, and in which direction.

A qualifier added in a restricting dimension narrows the claim; removed, it broadens it;
replaced, the two are ranked by the lexicon's orderings, value orderings, containment,
is-a relations, scope ranks, else ``unclear``. Polarity is not a slot: claims decide it
once (claims.py) and the engine compares it.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..lexical import LexicalRelations
from ..qualifiers.lexicon import Lexicon
from ..vocabulary import DIMENSIONS
from .explain import Texts
from .model import Change, Qualifier

_FUZZY_SAME = 88.0
_IS_A_DIMENSIONS = ("actor", "object", "place")
# "1.200" (Dutch thousands), "1,5" (Dutch decimals), "40"
_NUMBER = re.compile(r"\d+")
_DIGITS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


def amount(q: Qualifier, lexicon: Lexicon) -> tuple[float, str] | None:
    """The size of an amount and what it counts: "ruim 1.200 woningen" → (1200, "woningen"),
    "duizenden mensen" → (1000, "mensen"), "40 procent" → (40, "procent"); None when the
    phrase holds no number."""
    value, unit = None, ""
    for word in q.text.lower().replace("%", " % ").split():
        word = lexicon.number_units.get(word, word)
        if _DIGITS.match(word):
            value = float(word.replace(".", "").replace(",", "."))
        elif word in lexicon.number_multipliers and value is not None:
            value *= lexicon.number_multipliers[word]
        elif word in lexicon.number_values:
            value = lexicon.number_values[word]
        elif value is not None and word.isalpha():
            unit = word
    return (value, unit) if value is not None else None


def more_specific(narrow: tuple[str, ...], broad: tuple[str, ...]) -> bool:
    """``narrow`` names everything ``broad`` names and more: extra words, or a compound
    that ends in the broader word ("politieorganisatie" ⊂ "organisatie")."""
    if not broad or narrow == broad:
        return False

    def covered(word: str) -> bool:
        return any(w == word or (w.endswith(word) and len(word) >= 4) for w in narrow)

    if not all(covered(w) for w in broad):
        return False
    return len(narrow) > len(broad) or any(w != b and w.endswith(b) for w in narrow for b in broad)


def same_qualifier(qa: Qualifier, qb: Qualifier) -> bool:
    """The same qualifier, up to spelling ("realtime" / "real time" / "real-time") and a
    preposition ("door de politie" / "de politie")."""
    if qa.key == qb.key:
        return True
    if _NUMBER.findall(qa.text) != _NUMBER.findall(qb.text):
        return False  # "in 2020" / "in 2021", "200 woningen" / "300 woningen"
    if qa.dimension in ("polarity", "modality"):
        return qa.value == qb.value
    return qa.bare == qb.bare or fuzz.ratio(qa.key, qb.key) >= _FUZZY_SAME


def synonymous(qa: Qualifier, qb: Qualifier, lexicon: Lexicon) -> bool:
    return lexicon.canonical(qa.key) == lexicon.canonical(qb.key)


def direction(dim: str, a: list[Qualifier], b: list[Qualifier], lexicon: Lexicon, relations: LexicalRelations) -> tuple[str, str]:
    """Effect of replacing the A qualifiers of one dimension by the B ones, and the rule."""
    if dim == "polarity":
        return "reverses", "compare:polarity"
    if len(a) == len(b) and all(any(synonymous(x, y, lexicon) for y in b) for x in a):
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
    # 2. values ranked by the lexicon ("alleen" says more than "onder meer")
    for qa in a:
        for qb in b:
            o = lexicon.value_order(dim, qa.value, qb.value)
            if o is not None:
                votes.add("narrows" if o < 0 else "broadens")
    if len(votes) == 1:
        return votes.pop(), "compare:value-order"
    # 3. one phrase names the other and more ("de Nationale Politie" ⊂ "de politie")
    for qa in a:
        for qb in b:
            if more_specific(qb.content, qa.content):
                votes.add("narrows")
            elif more_specific(qa.content, qb.content):
                votes.add("broadens")
    if len(votes) == 1:
        return votes.pop(), "compare:containment"
    # 4. one head is a kind of the other (kinderen → mensen), from Open Dutch WordNet
    if dim in _IS_A_DIMENSIONS:
        for qa in a:
            for qb in b:
                if relations.is_a(qb.head, qa.head):
                    votes.add("narrows")
                elif relations.is_a(qa.head, qb.head):
                    votes.add("broadens")
        if len(votes) == 1:
            return votes.pop(), "compare:is-a"
    # 5. two amounts of the same thing: the larger claims more
    if dim == "quantity" and len(a) == len(b) == 1:
        sizes = amount(a[0], lexicon), amount(b[0], lexicon)
        if sizes[0] is not None and sizes[1] is not None and sizes[0][1] == sizes[1][1]:
            if sizes[0][0] == sizes[1][0]:
                return "neutral", "compare:amount"
            return ("broadens" if sizes[1][0] > sizes[0][0] else "narrows"), "compare:amount"
    # 6. the scope ranks of the lexicon entries; several qualifiers of one dimension
    #    restrict together, so a side is as wide as its narrowest qualifier
    sa = min((q.scope for q in a if q.scope is not None), default=None)
    sb = min((q.scope for q in b if q.scope is not None), default=None)
    if sa is not None and sb is not None:
        if sa == sb and {q.value for q in a} == {q.value for q in b}:
            return "neutral", "compare:same-value"
        if sa != sb:
            return ("narrows" if sb < sa else "broadens"), "compare:scope-rank"
    if {q.value for q in a} == {q.value for q in b} and all(q.value not in ("named", "named-place", "restricted", "negated") for q in a):
        return "neutral", "compare:same-value"
    return "unclear", "compare:no-rule"


def added_removed_effect(q: Qualifier, lexicon: Lexicon, added: bool) -> str:
    if q.dimension == "polarity":
        return "reverses"
    override = lexicon.effect_when_added(q.rule)
    if override == "broadens":
        return "broadens" if added else "narrows"
    if override == "narrows":
        return "narrows" if added else "broadens"
    if override in ("neutral", "unclear", "reverses"):
        return override
    return "narrows" if added else "broadens"


def compare_qualifiers(
    qa: list[Qualifier],
    qb: list[Qualifier],
    lexicon: Lexicon,
    texts: Texts,
    relations: LexicalRelations,
    *,
    with_polarity: bool = True,
) -> list[Change]:
    """The changes between two sets of qualifiers, dimension by dimension."""
    changes: list[Change] = []
    speaker = lexicon.words("speaker_pronouns")
    for dim in DIMENSIONS:
        if dim == "polarity" and not with_polarity:
            continue
        left = [q for q in qa if q.dimension == dim]
        right = [q for q in qb if q.dimension == dim]
        # Unchanged first: the same phrase (up to spelling) on both sides.
        for q in list(left):
            match = next((r for r in right if same_qualifier(q, r)), None)
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
            left = [q for q in left if q.value != "speaker" and q.text.lower() not in speaker]
            right = [q for q in right if q.value != "speaker" and q.text.lower() not in speaker]
        if left and right:
            effect, rule = direction(dim, left, right, lexicon, relations)
            changes.append(Change(dim, "replaced", left, right, effect, rule))
        else:
            for q in left:
                changes.append(Change(dim, "removed", [q], [], added_removed_effect(q, lexicon, added=False), "compare:removed"))
            for q in right:
                changes.append(Change(dim, "added", [], [q], added_removed_effect(q, lexicon, added=True), "compare:added"))
    for change in changes:
        texts.explain(change)
    return changes


def sort_changes(changes: list[Change]) -> list[Change]:
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    kinds = {"added": 0, "removed": 1, "replaced": 2, "unchanged": 3}
    return sorted(changes, key=lambda c: (kinds[c.kind], order[c.dimension], (c.a or c.b)[0].start_char if (c.a or c.b) else 0))
