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


def rule_keys(dimension: str, kind: str, effect: str, rule: str, qualifier_rule: str, context: str = "stated") -> list[str]:
    """Reliability keys of a change, from the most to the least specific: the context (a
    question answered or a statement restated), the rule that decided it (for a
    replacement or a claim-level change) or the family of the rule that found its
    qualifier (``lex:time``, ``dep:agent``), then dimension, kind and effect alone."""
    parts = qualifier_rule.split(":")
    family = ":".join(parts[:2]).split(".")[0] if len(parts) >= 2 else qualifier_rule
    decided_by = rule if kind == "replaced" or rule.startswith("claim:") else family
    if context.startswith("stated"):
        # Between two statements, which one is "A" is the reader's choice: a qualifier
        # added and the same qualifier removed are one rule, so that swapping A and B
        # mirrors the verdict. (An answer that drops a question's qualifier is another
        # matter: there the two directions are kept apart.)
        kind = "added-removed" if kind in ("added", "removed") else kind
        effect = "directed" if effect in ("narrows", "broadens") else effect
    return [
        f"{context}|{dimension}|{kind}|{effect}|{decided_by}",
        f"{context}|{dimension}|{kind}|{effect}",
        f"{dimension}|{kind}|{effect}|{decided_by}",
        f"{dimension}|{kind}|{effect}",
        f"{context}|{kind}|{effect}",
        f"{kind}|{effect}",
    ]


def change_keys(change: Change) -> list[str]:
    side = change.b or change.a
    return rule_keys(change.dimension, change.kind, change.effect, change.rule, side[0].rule if side else "", change.context)


@lru_cache(maxsize=4)
def _table(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf8")).get("rules", {})
    except (OSError, ValueError):
        return {}


def weight_of(change: Change, table: dict | None = None) -> float:
    table = _table(str(RELIABILITY)) if table is None else table
    for key in change_keys(change):
        row = table.get(key)
        if row and row.get("tp", 0) + row.get("fp", 0) >= MIN_OBSERVATIONS:
            return float(row["weight"])
    return DEFAULT_WEIGHT


def weigh(changes: list[Change], table: dict | None = None) -> None:
    for c in changes:
        c.weight = weight_of(c, table) if c.kind != "unchanged" and c.effect != "neutral" else 1.0


def verdict_of(changes: list[Change]) -> str:
    """Each direction is as likely as at least one of its changes being right (each change
    right with its weight, independently): reversed if reversing is likely enough;
    narrowed / broadened when one direction is; mixed when both are (or only changes of
    unclear direction); unchanged otherwise."""
    missing = {"narrows": 1.0, "broadens": 1.0, "reverses": 1.0, "unclear": 1.0}
    for c in changes:
        if c.kind != "unchanged" and c.effect in missing:
            missing[c.effect] *= 1.0 - min(c.weight, 0.999)
    totals = {k: 1.0 - v for k, v in missing.items()}
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
    """(narrows − broadens) / (directed + unclear), each change by its weight; in [−1, 1]."""
    n = sum(c.weight for c in changes if c.kind != "unchanged" and c.effect == "narrows")
    b = sum(c.weight for c in changes if c.kind != "unchanged" and c.effect == "broadens")
    u = sum(c.weight for c in changes if c.kind != "unchanged" and c.effect == "unclear")
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
