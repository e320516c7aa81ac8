"""The rich terminal view (also the plain ``text`` format, rendered without colour)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..vocabulary import DIMENSIONS
from . import COLOURS, claim_notes, claim_rows, interesting_pairs, labels, no_longer_ruled_out, segments

_VERDICT_STYLE = {"narrowed": "bold yellow", "broadened": "bold cyan", "mixed": "bold magenta", "unchanged": "bold green", "reversed": "bold red"}


def _console(color: bool, width: int | None) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width or 100,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    return console, buf


def marked(text: str, qualifiers, color: bool, dims: dict) -> Text:
    out = Text()
    for piece, cover in segments(text, qualifiers):
        if not cover:
            out.append(piece)
        elif color:
            out.append(piece, style=f"underline {COLOURS[cover[0].dimension][0]}")
        else:
            out.append(piece)
    if not color:
        # Without colour, list the qualifiers under the sentence instead.
        for q in qualifiers:
            out.append(f"\n    [{dims[q.dimension]}] {q.text}  ({q.rule})")
    return out


def legend(t: dict, color: bool) -> Text:
    out = Text(t["labels"]["legend"] + ": ")
    for d in DIMENSIONS:
        out.append(t["dimensions"][d], style=f"underline {COLOURS[d][0]}" if color else "")
        out.append("  ")
    return out


def _diff_text(ops: list[dict], color: bool) -> Text:
    out = Text()
    for op in ops:
        if op["op"] == "equal":
            out.append(op["a"] + " ", style="dim" if color else "")
            continue
        if op["a"]:
            out.append(f"[-{op['a']}-]" if not color else op["a"], style="red strike" if color else "")
            out.append(" ")
        if op["b"]:
            out.append(f"{{+{op['b']}+}}" if not color else op["b"], style="green bold" if color else "")
            out.append(" ")
    return out


def compare_terminal(result, *, color: bool, width: int | None) -> str:
    c = result.comparison
    t, _ = labels(c.lang)
    L = t["labels"]
    console, buf = _console(color, width)
    head = Text(f"A: {c.a_label} ({c.a_sentences})  →  B: {c.b_label} ({c.b_sentences})   ")
    head.append(f"{L['verdict']}: {L['verdicts'][c.verdict].upper()}", style=_VERDICT_STYLE[c.verdict] if color else "")
    head.append(f"  ({L['score']} {c.score:+.2f})")
    console.print(head)
    console.print(Text(f"model: {result.model.name} {result.model.version}", style="dim" if color else ""))
    rows = claim_rows(c, t)
    if rows:
        T = t["claims"]
        console.print()
        console.print(Text(T["title"] + ":", style="bold" if color else ""))
        table = Table(box=box.SIMPLE if color else box.ASCII, show_lines=False, expand=False)
        for col in ("", T["headers"]["a"], T["headers"]["b"], T["headers"]["relation"], T["headers"]["verdict"]):
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(row["id"], row["a"], row["b"], row["relation"], row["verdict"])
        console.print(table)
        for note in claim_notes(c, t):
            console.print(Text(f"  ! {note}"))
    shown = interesting_pairs(c.pairs) or [p for p in c.pairs if p.matched][:3]
    for p in shown:
        console.print()
        title = Text(f"{L['pair']} A{p.a.indices[0] + 1}↔B{p.b.indices[0] + 1}  ({L['similarity']} {p.similarity:.2f}): ")
        title.append(L["verdicts"][p.verdict], style=_VERDICT_STYLE[p.verdict] if color else "")
        console.print(title)
        console.print(Text("A  ").append(marked(p.a.text, p.a.qualifiers, color, t["dimensions"])))
        console.print(Text("B  ").append(marked(p.b.text, p.b.qualifiers, color, t["dimensions"])))
        console.print(Text(f"{L['word_diff']}: ").append(_diff_text(p.word_diff, color)))
        changed = [ch for ch in p.changes if ch.kind != "unchanged"]
        if changed:
            table = Table(box=box.SIMPLE if color else box.ASCII, show_lines=False, expand=False)
            for col in (L["dimension"], L["kind"], "A", "B", L["effect"], L["rule"]):
                table.add_column(col, overflow="fold")
            for ch in changed:
                table.add_row(
                    Text(t["dimensions"][ch.dimension], style=COLOURS[ch.dimension][0] if color else ""),
                    t["labels"]["kinds"][ch.kind],
                    ch.a_text or "—",
                    ch.b_text or "—",
                    t["effects"][ch.effect],
                    ch.rule,
                )
            console.print(table)
        for ch in changed:
            console.print(Text(f"  • {ch.explanation}"))
        if p.uncertain:
            console.print(Text(L["uncertain"] + ":", style="dim" if color else ""))
            for ch in p.uncertain:
                console.print(Text(f"  ? {t['dimensions'][ch.dimension]}: {ch.a_text or '—'} → {ch.b_text or '—'} ({t['effects'][ch.effect]}; {ch.rule}, {ch.weight:.2f})", style="dim" if color else ""))
        ruled = no_longer_ruled_out(p.changes)
        if ruled:
            console.print(Text(L["no_longer"] + ":", style="bold" if color else ""))
            for line in ruled:
                console.print(Text(f"  – {line}"))
        kept = [ch for ch in p.changes if ch.kind == "unchanged" and ch.dimension not in ("polarity", "modality")]
        if kept:
            console.print(Text(L["unchanged_q"] + ":", style="bold" if color else ""))
            for ch in kept:
                console.print(Text(f"  – {ch.explanation}"))
    unmatched = [p for p in c.pairs if not p.matched]
    if unmatched:
        console.print()
        for p in unmatched:
            side, which = (p.a, L["only_a"]) if p.a.indices else (p.b, L["only_b"])
            console.print(Text(f"{which} ({side.indices[0] + 1}): {side.text}"))
    quiet = [p for p in c.pairs if p.matched and p not in shown]
    if quiet:
        console.print(Text(f"\n{len(quiet)} × {L['verdicts']['unchanged']}", style="dim" if color else ""))
    console.print()
    console.print(legend(t, color))
    return buf.getvalue()


def highlight_terminal(result, *, color: bool, width: int | None) -> str:
    t, _ = labels(result.lang)
    console, buf = _console(color, width)
    total = sum(len(s.qualifiers) for s in result.sentences)
    console.print(Text(f"{result.label}: {len(result.sentences)} sentences, {total} qualifiers  (model: {result.model.name} {result.model.version})"))
    for s in result.sentences:
        console.print()
        console.print(Text(f"{s.index + 1:>3}  ").append(marked(s.text, s.qualifiers, color, t["dimensions"])))
        if color and s.qualifiers:
            for q in s.qualifiers:
                console.print(Text("     ").append(t["dimensions"][q.dimension], style=COLOURS[q.dimension][0]).append(f"  {q.text}  ({q.value}; {q.rule})"))
    console.print()
    console.print(legend(t, color))
    return buf.getvalue()
