"""Rendering results: JSON (the contract), text, Markdown, HTML and the rich terminal view.

Renderers only read results; they never parse or compare.
"""

from __future__ import annotations

import json
from html import escape

from ..diff import Change, PairResult, Texts
from ..vocabulary import DIMENSIONS

FORMATS = ("terminal", "json", "text", "markdown", "html")
COMPARE_SCHEMA = "wording-diff.compare/1"
HIGHLIGHT_SCHEMA = "wording-diff.highlight/1"

# One colour per dimension, shared by the terminal and HTML views.
COLOURS = {
    "time": ("cyan", "#0e7490", "#cffafe"),
    "place": ("green", "#15803d", "#dcfce7"),
    "actor": ("magenta", "#a21caf", "#fae8ff"),
    "object": ("yellow", "#a16207", "#fef9c3"),
    "modality": ("red", "#b91c1c", "#fee2e2"),
    "hedge": ("blue", "#1d4ed8", "#dbeafe"),
    "definition": ("bright_cyan", "#0f766e", "#ccfbf1"),
    "quantity": ("bright_yellow", "#c2410c", "#ffedd5"),
    "condition": ("bright_magenta", "#7c3aed", "#ede9fe"),
    "polarity": ("bold red", "#9f1239", "#ffe4e6"),
}


def dumps(obj: dict) -> str:
    """Deterministic JSON: stable key order as built, no timestamps, one trailing newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def compare_json(result) -> dict:
    c = result.comparison
    return {
        "schema": COMPARE_SCHEMA,
        "tool": {"name": "wording-diff", "version": result.tool_version},
        "model": {"name": result.model.name, "version": result.model.version},
        "a": {"label": c.a_label, "sentences": c.a_sentences},
        "b": {"label": c.b_label, "sentences": c.b_sentences},
        "verdict": c.verdict,
        "score": c.score,
        "lang": c.lang,
        "pairs": [p.as_dict() for p in c.pairs],
        # extra keys (allowed by the schema): the claims read from each side, and how the
        # claims of A and B were paired; every change names its claim pair
        "claims": c.claims_as_dict(),
        "claim_pairs": [cp.as_dict() for cp in c.claim_pairs],
        "not_taken_up": c.not_taken_up,
        "not_confirmed": c.not_confirmed,
    }


def highlight_json(result) -> dict:
    return {
        "schema": HIGHLIGHT_SCHEMA,
        "tool": {"name": "wording-diff", "version": result.tool_version},
        "model": {"name": result.model.name, "version": result.model.version},
        "document": {"label": result.label, "sentences": len(result.sentences)},
        "sentences": [
            {"index": s.index, "text": s.text, "qualifiers": [q.as_dict() for q in s.qualifiers]}
            for s in result.sentences
        ],
        "counts": {d: sum(q.dimension == d for s in result.sentences for q in s.qualifiers) for d in DIMENSIONS},
    }


def segments(text: str, qualifiers) -> list[tuple[str, list]]:
    """Split ``text`` at qualifier boundaries: [(piece, [qualifiers covering it])]."""
    cuts = {0, len(text)}
    for q in qualifiers:
        cuts.update((q.start_char, q.end_char))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for s, e in zip(cuts, cuts[1:]):
        cover = [q for q in qualifiers if q.start_char <= s and q.end_char >= e]
        cover.sort(key=lambda q: q.end_char - q.start_char)  # innermost first
        out.append((text[s:e], cover))
    return out


def html_marked(text: str, qualifiers, tag: str, attributes) -> str:
    """``text`` as HTML with each run of qualifier words in ``tag``; ``attributes(cover)``
    gives the class and the title for the qualifiers that cover a run."""
    out = []
    for piece, cover in segments(text, qualifiers):
        if not cover:
            out.append(escape(piece))
            continue
        cls, title = attributes(cover)
        out.append(f'<{tag} class="{cls}" title="{escape(title)}">{escape(piece)}</{tag}>')
    return "".join(out)


def interesting_pairs(pairs: list[PairResult]) -> list[PairResult]:
    return [p for p in pairs if p.matched and any(c.kind != "unchanged" for c in p.changes)]


def no_longer_ruled_out(changes: list[Change]) -> list[str]:
    seen, out = set(), []
    for c in changes:
        if c.effect == "narrows" and c.no_longer_ruled_out and c.no_longer_ruled_out not in seen:
            seen.add(c.no_longer_ruled_out)
            out.append(c.no_longer_ruled_out)
    return out


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_label(claim, t: dict, limit: int = 90) -> str:
    """"A1 «…» (ontkennend, vraag)": a claim as a reader sees it in a table."""
    if claim is None:
        return "—"
    T = t["claims"]
    tags = [T["polarities"][claim.polarity]]
    if T["stances"].get(claim.stance):
        tags.append(T["stances"][claim.stance])
    if claim.attribution:
        tags.append(claim.attribution)
    return f"{claim.id.upper()} «{_short(claim.text, limit)}» ({', '.join(tags)})"


def claim_rows(comparison, t: dict, limit: int = 90) -> list[dict]:
    """One row per claim pair, in order: what A claims, what B makes of it, how they relate,
    the pair's verdict; then the plain-language notes (B quotes A; B takes up no question)."""
    rows = []
    for cp in comparison.claim_pairs:
        if cp.a is None and cp.b is not None and cp.b.embedded:
            continue
        rows.append(
            {
                "id": cp.id,
                "a": claim_label(cp.a, t, limit),
                "b": claim_label(cp.b, t, limit),
                "relation": t["claims"]["relations"][cp.relation],
                "verdict": t["labels"]["verdicts"][cp.verdict],
                "rule": cp.rule,
            }
        )
    return rows


def claim_notes(comparison, t: dict) -> list[str]:
    T = t["claims"]
    notes = []
    if comparison.not_taken_up:
        notes.append(T["not_taken_up"])
    elif comparison.not_confirmed:
        notes.append(T["not_confirmed"])
    for claim in comparison.b_claims:
        if claim.stance == "quoted":
            notes.append(T["quoted_note"].format(x=_short(claim.text, 70)))
        elif claim.reference == "referral":
            notes.append(T["referral_note"].format(x=_short(claim.text, 70)))
        elif claim.reference == "left-open":
            notes.append(T["left_open_note"].format(x=_short(claim.text, 70)))
    return notes


def labels(lang: str) -> tuple[dict, Texts]:
    texts = Texts(lang)
    return texts.t, texts


def render_compare(result, fmt: str, *, color: bool = False, width: int | None = None) -> str:
    if fmt == "json":
        return dumps(compare_json(result))
    if fmt == "markdown":
        from .markdown import compare_markdown

        return compare_markdown(result)
    if fmt == "html":
        from .html import compare_html

        return compare_html(result)
    from .terminal import compare_terminal

    return compare_terminal(result, color=color and fmt == "terminal", width=width)


def render_highlight(result, fmt: str, *, color: bool = False, width: int | None = None) -> str:
    if fmt == "json":
        return dumps(highlight_json(result))
    if fmt == "markdown":
        from .markdown import highlight_markdown

        return highlight_markdown(result)
    if fmt == "html":
        from .html import highlight_html

        return highlight_html(result)
    from .terminal import highlight_terminal

    return highlight_terminal(result, color=color and fmt == "terminal", width=width)
