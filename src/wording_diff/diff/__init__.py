"""Comparing two parsed texts: claims, their alignment, the changes slot by slot, and
the verdict.

The flow (engine.py): parsed docs (parsed.py) → claims (claims.py) → claim pairs
(alignment.py) → changes per slot (effects.py) → weighted verdicts (verdict.py) →
explanations (explain.py). The result model is model.py; render/ and scan/ read only
that.
"""

from .engine import compare_docs
from .explain import Texts
from .model import (
    DIMENSIONS,
    EFFECTS,
    KINDS,
    RELATIONS,
    STANCES,
    VERDICTS,
    Change,
    Claim,
    ClaimPair,
    Comparison,
    PairResult,
    Qualifier,
    Side,
)
from .parsed import ParsedText

__all__ = [
    "DIMENSIONS",
    "EFFECTS",
    "KINDS",
    "RELATIONS",
    "STANCES",
    "VERDICTS",
    "Change",
    "Claim",
    "ClaimPair",
    "Comparison",
    "PairResult",
    "ParsedText",
    "Qualifier",
    "Side",
    "Texts",
    "compare_docs",
]
