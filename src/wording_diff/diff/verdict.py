"""Verdicts: each change weighed by how reliable its rule has been on the corpus.

``reliability.json`` holds, per rule key, how often a change of that kind found by the
detector was one an annotator also listed (precision on the corpus's dev split, with one
success and one failure added so that rare rules stay near the middle). It is computed
by ``tools/calibrate.py corpus/dev``. A change counts in a verdict with that weight, so one
change from a rule that is often wrong cannot flip a pair on its own, while two
independent ones can.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .model import Change

RELIABILITY = Path(__file__).with_name("reliability.json")
DEFAULT_WEIGHT = 0.6
MIN_OBSERVATIONS = 3
# A direction counts in a verdict once it is this likely (tuned on the dev split).
THRESHOLD = 0.4
REVERSAL_THRESHOLD = 0.4
# The rules by which B's stance towards A's claim as a whole becomes a change.
STANCE_RULES = ("claim:restriction", "claim:retraction", "claim:rejection", "claim:answer-no", "claim:left-open")


def rule_keys(dimension: str, kind: str, effect: str, rule: str, qualifier_rule: str, context: str = "stated", loose: bool = False) -> list[str]:
    """Reliability keys of a change, from the most to the least specific: the context (a
    question answered or a statement restated), the rule that decided it (for a
    replacement or a claim-level change) or the family of the rule that found its
    qualifier (``lex:time``, ``dep:agent``), then dimension, kind and effect alone."""
    parts = qualifier_rule.split(":")
    family = ":".join(parts[:2]).split(".")[0] if len(parts) >= 2 else qualifier_rule
    decided_by = rule if kind == "replaced" or rule.startswith("claim:") else family
    stated = context == "stated"
    context = context + ("~" if loose else "")
    if stated:
        # Between two statements, which one is "A" is the reader's choice: a qualifier
        # added and the same qualifier removed are one rule, so that swapping A and B
        # mirrors the verdict. (An answer that drops a question's qualifier is another
        # matter: there the two directions are kept apart.)
        kind = "added-removed" if kind in ("added", "removed") else kind
        effect = "directed" if effect in ("narrows", "broadens") else effect
    if decided_by.startswith(STANCE_RULES):
        # what B does with A's claim as a whole (retracts, restricts, rejects, leaves it
        # open) is weighed by its own record only: the slot changes of its dimension are
        # another matter; seen too seldom, it gets the default weight
        return [f"{context}|{dimension}|{kind}|{effect}|{decided_by}", f"{dimension}|{kind}|{effect}|{decided_by}"]
    return [
        f"{context}|{dimension}|{kind}|{effect}|{decided_by}",
        f"{context}|{dimension}|{kind}|{effect}",
        f"{dimension}|{kind}|{effect}|{decided_by}",
        f"{dimension}|{kind}|{effect}",
        f"{context}|{kind}|{effect}",
        f"{kind}|{effect}",
    ]


def found_keys(found: dict) -> list[str]:
    """The rule keys of a change as it appears in the JSON (for tools/calibrate.py)."""
    side = found["qualifier_rules"]["b"] or found["qualifier_rules"]["a"]
    return rule_keys(found["dimension"], found["kind"], found["effect"], found["rule"], side[0] if side else "", found.get("context", "stated"), found.get("loose", False))


def change_keys(change: Change) -> list[str]:
    side = change.b or change.a
    return rule_keys(change.dimension, change.kind, change.effect, change.rule, side[0].rule if side else "", change.context, change.loose)


@lru_cache(maxsize=4)
def _table(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf8")).get("rules", {})
    except (OSError, ValueError):
        return {}


def weight_of(change: Change, table: dict | None = None) -> float:
    """The reliability of the most specific of a change's rule keys that has been seen
    often enough on the dev split, else the default."""
    table = _table(str(RELIABILITY)) if table is None else table
    for key in change_keys(change):
        row = table.get(key)
        if row and row.get("tp", 0) + row.get("fp", 0) >= MIN_OBSERVATIONS:
            return float(row["weight"])
    return DEFAULT_WEIGHT


def weigh(changes: list[Change], table: dict | None = None) -> None:
    for c in changes:
        c.weight = weight_of(c, table) if c.kind != "unchanged" and c.effect != "neutral" else 1.0


def likelihoods(changes: list[Change]) -> dict[str, float]:
    """For each direction, how likely it is that at least one of its changes is right (each
    change right with its weight, independently: noisy-or)."""
    none_right = {"narrows": 1.0, "broadens": 1.0, "reverses": 1.0, "unclear": 1.0}
    for c in changes:
        if c.kind != "unchanged" and c.effect in none_right:
            none_right[c.effect] *= 1.0 - min(c.weight, 0.999)
    return {effect: 1.0 - p for effect, p in none_right.items()}


def verdict_of(changes: list[Change]) -> str:
    """reversed if reversing is likely enough; narrowed / broadened when one direction is;
    mixed when both are (or only changes of unclear direction); unchanged otherwise."""
    totals = likelihoods(changes)
    if totals["reverses"] >= REVERSAL_THRESHOLD:
        return "reversed"
    narrows, broadens = totals["narrows"] >= THRESHOLD, totals["broadens"] >= THRESHOLD
    if narrows and broadens:
        return "mixed"
    if narrows:
        return "narrowed"
    if broadens:
        return "broadened"
    if totals["unclear"] >= THRESHOLD:
        return "mixed"
    return "unchanged"


def score_of(changes: list[Change]) -> float:
    """How likely the claim narrowed minus how likely it broadened, in [−1, 1]: the same
    likelihoods the verdict reads, so a score near ±1 means a confident verdict."""
    totals = likelihoods(changes)
    return round(totals["narrows"] - totals["broadens"], 4)


def weight_of_key(key: str, table: dict | None = None) -> float:
    """The reliability of one rule key (for findings that are not changes, such as an answer
    that does not confirm what a question asks: ``verdict|not-confirmed``)."""
    table = _table(str(RELIABILITY)) if table is None else table
    row = table.get(key)
    if row and row.get("tp", 0) + row.get("fp", 0) >= MIN_OBSERVATIONS:
        return float(row["weight"])
    return DEFAULT_WEIGHT
