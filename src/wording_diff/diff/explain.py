"""Plain-language explanations of changes (the templates are data: explanations.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .model import Change, Qualifier

_EXPLANATIONS = Path(__file__).parent.parent / "explanations.json"


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
            special = {
                "claim:retraction": "retraction",
                "claim:retraction-negated": "retraction",
                "claim:answer-no": "answer_no",
                "claim:rejection": "rejection",
                "claim:opposite-predicate": "opposite",
                "claim:polarity-other-predicate": "loose",
            }.get(c.rule)
            if special and c.kind != "unchanged":
                c.explanation = t["claims"][special].format(**fill)
                return
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
        if c.rule == "claim:restriction" and c.kind == "replaced":
            c.explanation = t["claims"]["restriction"].format(**fill)
            c.no_longer_ruled_out = t["outside"]["definition"].format(x=b, a=a)
            return
        if c.kind == "unchanged":
            fill["outside"] = self.outside(c.dimension, c.a)
            c.explanation = t["kinds"]["unchanged"].format(**fill)
            return
        if c.rule == "compare:answers-question":
            c.explanation = t["claims"]["answers_question"].format(**fill)
            return
        key = f"{c.kind}.{c.effect}"
        template = t["kinds"].get(key) or t["kinds"][f"{c.kind}.unclear" if c.kind == "replaced" else f"{c.kind}.other"]
        if c.effect == "narrows":
            q = c.b if c.b else c.a
            fill["outside"] = self.outside(c.dimension, q, c.a)
            c.no_longer_ruled_out = fill["outside"]
        c.explanation = template.format(**fill)
