"""Views of a timeline: JSON (schema ``wording-diff.timeline/1``), the rich terminal view,
Markdown, and a self-contained HTML page with a time axis (one row per statement, the
scope dimensions as columns, each narrowing or broadening step marked)."""

from __future__ import annotations

import io
from html import escape

from ..sources.dates import format_date
from ..vocabulary import DIMENSIONS
from . import COLOURS, dumps, html_marked, labels, no_longer_ruled_out, segments

# How a change reads at a glance, strongest first.
_MARKS = {"reverses": "⇄", "narrows": "▼", "broadens": "▲", "unclear": "?", "neutral": "="}
_RANK = ("reverses", "mixed", "narrows", "broadens", "unclear", "neutral")
_VERDICT_STYLE = {"narrowed": "bold yellow", "broadened": "bold cyan", "mixed": "bold magenta", "unchanged": "bold green", "reversed": "bold red"}


def timeline_json(timeline) -> dict:
    return timeline.as_dict()


# ----------------------------------------------------------------------------- shared
def _t(lang: str) -> tuple[dict, dict]:
    t, _ = labels(lang)
    return t, t["timeline"]


def step_into(thread, i: int):
    return thread.steps[i - 1] if i > 0 else None


def dims_used(thread) -> list[str]:
    used = {q.dimension for nd in thread.nodes for q in nd.qualifiers}
    used |= {c.dimension for s in thread.steps for c in s.changes()}
    return [d for d in DIMENSIONS if d in used]


def cell_effect(changes) -> str | None:
    effects = {c.effect for c in changes if c.kind != "unchanged"}
    if not effects:
        return None
    if "reverses" in effects:
        return "reverses"
    if {"narrows", "broadens"} <= effects:
        return "mixed"
    return next(e for e in _RANK if e in effects)


def cells(thread, i: int) -> dict[str, dict]:
    """Per dimension, for statement ``i`` of the thread: its qualifiers there, the changes
    from the previous wording, and their combined effect."""
    node = thread.nodes[i]
    step = step_into(thread, i)
    changes = step.changes() if step else []
    out = {}
    for d in dims_used(thread):
        here = [q.text for q in node.qualifiers if q.dimension == d]
        moved = [c for c in changes if c.dimension == d]
        out[d] = {"now": list(dict.fromkeys(here)), "changes": moved, "effect": cell_effect(moved)}
    return out


def changed_spans(step) -> dict[tuple[int, int], str]:
    """(start, end) of the qualifiers of the later wording that a change touches, with its effect."""
    out = {}
    if step is None:
        return out
    for c in step.changes():
        for q in c.b:
            out[(q.start_char, q.end_char)] = c.effect
    return out


def change_line(c, t: dict) -> str:
    dim = t["dimensions"][c.dimension]
    a, b = c.a_text or "—", c.b_text or "—"
    return f"{dim}: {t['labels']['kinds'][c.kind]} «{a}» → «{b}» ({t['effects'][c.effect]})"


def _speaker(st, T: dict) -> str:
    return st.speaker or T["speaker_unknown"]


def _when(st, T: dict, lang: str) -> str:
    if st.date is None:
        return T["undated"]
    return format_date(st.date, lang)


# ----------------------------------------------------------------------------- terminal
def timeline_terminal(timeline, *, color: bool, width: int | None = None) -> str:
    from rich.console import Console
    from rich.text import Text

    t, T = _t(timeline.lang)
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, color_system="standard" if color else None, width=width or 100, highlight=False, emoji=False)
    console.print(Text(_summary(timeline, T), style="bold" if color else ""))
    if not timeline.threads:
        console.print(T["none"])
    for thread in timeline.threads:
        console.print()
        head = Text(f"{T['thread']} {thread.id[1:]}: {', '.join(thread.terms)}  ({_span_text(thread, T, timeline.lang)}, {len(thread.nodes)} {T['statements']})")
        console.print(head, style="bold underline" if color else "")
        for i, node in enumerate(thread.nodes):
            st = node.statement
            step = step_into(thread, i)
            console.print()
            line = Text(f"{_when(st, T, timeline.lang)}  ")
            line.append(_speaker(st, T), style="bold" if color else "")
            line.append(f"  [{st.label}]  {st.source}")
            console.print(line)
            text = Text("   «")
            for piece, cover in segments(node.passage, node.qualifiers):
                if cover and color:
                    text.append(piece, style=f"underline {COLOURS[cover[0].dimension][0]}")
                else:
                    text.append(piece)
            text.append("»")
            console.print(text)
            if step is None:
                console.print(Text(f"   {T['first']}", style="dim" if color else ""))
                continue
            verdict = Text(f"   {T['step']}: ")
            verdict.append(t["labels"]["verdicts"][step.verdict].upper(), style=_VERDICT_STYLE[step.verdict] if color else "")
            console.print(verdict)
            changed = [c for c in step.changes() if c.kind != "unchanged"]
            if not changed:
                console.print(Text(f"     {T['no_change']}", style="dim" if color else ""))
            for c in changed:
                console.print(Text(f"     {_MARKS.get(c.effect, '·')} {change_line(c, t)}"))
        if thread.net is not None:
            console.print()
            net = Text(f"{T['net']}: ")
            net.append(t["labels"]["verdicts"][thread.net.verdict].upper(), style=_VERDICT_STYLE[thread.net.verdict] if color else "")
            console.print(net)
            for c in thread.net.changes():
                if c.kind != "unchanged":
                    console.print(Text(f"  {_MARKS.get(c.effect, '·')} {change_line(c, t)}"))
            for line in no_longer_ruled_out(thread.net.changes()):
                console.print(Text(f"  – {line}"))
    if timeline.hidden:
        console.print()
        console.print(Text(T["hidden"].format(n=timeline.hidden), style="dim" if color else ""))
    for doc, err in timeline.errors:
        console.print(Text(f"unreadable: {doc}: {err}"))
    return buf.getvalue()


def _summary(timeline, T: dict) -> str:
    text = f"wording-diff {T['title'].lower()}: " + T["summary"].format(documents=timeline.documents, statements=timeline.statements, threads=len(timeline.threads))
    if timeline.about:
        text += f" ({T['about']} " + ", ".join(f"«{a}»" for a in timeline.about) + ")"
    return text


def _span_text(thread, T: dict, lang: str) -> str:
    dated = [n.statement for n in thread.nodes if n.statement.date]
    if not dated:
        return T["undated"]
    first, last = format_date(dated[0].date, lang), format_date(dated[-1].date, lang)
    return first if first == last else f"{first} – {last}"


# ----------------------------------------------------------------------------- markdown
def _md(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _md_marked(text: str, qualifiers) -> str:
    out = []
    for piece, cover in segments(text, qualifiers):
        piece = piece.replace("*", "\\*").replace("|", "\\|")
        out.append(f"**{piece}**" if cover and piece.strip() else piece)
    return "".join(out).replace("\n", " ")


def timeline_markdown(timeline) -> str:
    t, T = _t(timeline.lang)
    L = t["labels"]
    lines = [f"# wording-diff: {T['title'].lower()}", "", _summary(timeline, T), ""]
    if not timeline.threads:
        lines += [T["none"], ""]
    for thread in timeline.threads:
        lines += [f"## {T['thread']} {thread.id[1:]}: {', '.join(thread.terms)}", "", f"{_span_text(thread, T, timeline.lang)} · {len(thread.nodes)} {T['statements']}", ""]
        if thread.net is not None:
            lines.append(f"**{T['net']}: {L['verdicts'][thread.net.verdict]}**")
            lines.append("")
            lines += [f"- {change_line(c, t)}" for c in thread.net.changes() if c.kind != "unchanged"]
            lines.append("")
        lines += [f"| {T['date']} | {T['statement']} | {T['wording']} | {T['step']} |", "|---|---|---|---|"]
        for i, node in enumerate(thread.nodes):
            st = node.statement
            step = step_into(thread, i)
            who = f"{_md(_speaker(st, T))}<br>[{_md(st.label)}]({st.source.replace(' ', '%20')})"
            if step is None:
                verdict = T["first"]
            else:
                changed = [c for c in step.changes() if c.kind != "unchanged"]
                verdict = f"**{L['verdicts'][step.verdict]}**" + "".join(f"<br>{_MARKS.get(c.effect, '·')} {_md(change_line(c, t))}" for c in changed)
            lines.append(f"| {_md(_when(st, T, timeline.lang))} | {who} | {_md_marked(node.passage, node.qualifiers)} | {verdict} |")
        lines.append("")
    if timeline.hidden:
        lines += [f"_{T['hidden'].format(n=timeline.hidden)}_", ""]
    if timeline.errors:
        lines += [f"## {T['unreadable']}", ""] + [f"- `{_md(d)}`: {_md(e)}" for d, e in timeline.errors] + [""]
    return "\n".join(lines).rstrip() + "\n"


# ----------------------------------------------------------------------------- HTML
_CSS = """
body.wide{max-width:80rem}
.summary{color:#333}.toc{columns:2;font-size:.9rem}
.thread{margin-top:2.5rem}
.net{border:1px solid #ccc;border-radius:.4rem;padding:.5rem .8rem;background:#fafafa}
.net ul,.step ul{margin:.3rem 0;padding-left:1.2rem}
table.axis{width:100%;table-layout:fixed;border-collapse:collapse;font-size:.9rem}
table.axis th,table.axis td{border:none;border-bottom:1px solid #e5e5e5;padding:.4rem .3rem;overflow-wrap:break-word}
table.axis thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.02em;color:#555;border-bottom:2px solid #999}
table.axis td.when{border-left:3px solid #888;position:relative;padding-left:.9rem;white-space:normal}
table.axis td.when::before{content:"";position:absolute;left:-.45rem;top:.7rem;width:.6rem;height:.6rem;border-radius:50%;background:#888}
td.when small,.who small,.basis{display:block;color:#666;font-size:.75rem}
.who{margin:0 0 .2rem}.who b{font-weight:600}
.passage{margin:.2rem 0;padding:.3rem .5rem;background:#f8f8f8;border-left:3px solid #bbb}
td.dim{font-size:.75rem;line-height:1.3;color:#333}
td.dim .mark{font-weight:700;font-size:.9rem}
.marks span{margin-right:1rem}
td.narrows{background:#fef3c7}td.broadens{background:#e0f2fe}td.reverses{background:#fee2e2}td.mixed{background:#f3e8ff}td.unclear{background:#f1f5f9}
.was{display:block;color:#666;text-decoration:line-through}
.q.changed{outline:2px solid #111;outline-offset:1px;font-weight:600}
.verdict.v-narrowed{background:#a16207}.verdict.v-broadened{background:#0369a1}.verdict.v-reversed{background:#b91c1c}.verdict.v-mixed{background:#7e22ce}.verdict.v-unchanged{background:#15803d}
.step{margin:.2rem 0;font-size:.85rem}
"""


def _html_marked(text: str, qualifiers, dims: dict, changed: dict) -> str:
    def attributes(cover):
        effect = next((changed[(c.start_char, c.end_char)] for c in cover if (c.start_char, c.end_char) in changed), None)
        return f"q q-{cover[0].dimension}" + (f" changed {effect}" if effect else ""), "; ".join(f"{dims[c.dimension]}: {c.text}" for c in cover)

    return html_marked(text, qualifiers, "mark", attributes)


def _verdict(v: str, text: str) -> str:
    return f'<span class="verdict v-{escape(v)}">{escape(text)}</span>'


def timeline_html(timeline) -> str:
    from .html import _legend, _page

    t, T = _t(timeline.lang)
    L, dims = t["labels"], t["dimensions"]
    parts = [f"<h1>wording-diff: {escape(T['title'].lower())}</h1>", f'<p class="summary">{escape(_summary(timeline, T))}</p>']
    if not timeline.threads:
        parts.append(f"<p>{escape(T['none'])}</p>")
    else:
        items = "".join(
            f'<li><a href="#{thread.id}">{escape(T["thread"])} {thread.id[1:]}: {escape(", ".join(thread.terms))}</a> '
            f"({escape(_span_text(thread, T, timeline.lang))}, {len(thread.nodes)} {escape(T['statements'])})</li>"
            for thread in timeline.threads
        )
        parts.append(f'<nav><h2>{escape(T["contents"])}</h2><ol class="toc">{items}</ol></nav>')
        parts.append(_legend(t))
        marks = "".join(f"<span>{escape(_MARKS[e])} {escape(t['effects'][e])}</span>" for e in ("narrows", "broadens", "reverses", "unclear"))
        parts.append(f'<p class="marks">{marks}<span>± {escape(L["verdicts"]["mixed"])}</span></p>')
    for thread in timeline.threads:
        used = dims_used(thread)
        parts.append(f'<section class="thread" id="{thread.id}">')
        parts.append(f"<h2>{escape(T['thread'])} {thread.id[1:]}: {escape(', '.join(thread.terms))}</h2>")
        parts.append(f"<p>{escape(_span_text(thread, T, timeline.lang))} · {len(thread.nodes)} {escape(T['statements'])}</p>")
        if thread.net is not None:
            changed = [c for c in thread.net.changes() if c.kind != "unchanged"]
            parts.append(
                f'<div class="net"><p>{escape(T["net"])}: {_verdict(thread.net.verdict, L["verdicts"][thread.net.verdict])}</p>'
                + ("<ul>" + "".join(f"<li>{escape(_MARKS.get(c.effect, '·'))} {escape(change_line(c, t))}</li>" for c in changed) + "</ul>" if changed else "")
                + "".join(f"<p>– {escape(r)}</p>" for r in no_longer_ruled_out(thread.net.changes()))
                + "</div>"
            )
        share = max(6.0, min(10.0, 56.0 / max(1, len(used))))
        cols = '<col style="width:7.5rem"><col>' + "".join(f'<col style="width:{share:.1f}%">' for _ in used)
        head = f"<th>{escape(T['date'])}</th><th>{escape(T['statement'])}</th>" + "".join(f'<th><span class="q q-{d}">{escape(dims[d])}</span></th>' for d in used)
        rows = []
        for i, node in enumerate(thread.nodes):
            st = node.statement
            step = step_into(thread, i)
            basis = T["basis"].get(st.date.basis if st.date else "undated", "")
            when = f'<td class="when"><time datetime="{escape(st.date.iso)}">{escape(_when(st, T, timeline.lang))}</time><small>{escape(basis)}</small></td>' if st.date else f'<td class="when">{escape(T["undated"])}</td>'
            href = escape(st.source, quote=True)
            who = f'<p class="who"><b>{escape(_speaker(st, T))}</b> · <a href="{href}">{escape(st.label)}</a></p>'
            extra = ""
            if st.introduced_as:
                extra += f'<small class="basis">{escape(T["introduced_as"])}: “{escape(st.introduced_as)}”</small>'
            if st.also_in:
                extra += f'<small class="basis">{escape(T["also_in"])}: {escape(", ".join(st.also_in))}</small>'
            passage = f'<p class="passage">{_html_marked(node.passage, node.qualifiers, dims, changed_spans(step))}</p>'
            if step is None:
                stepline = f'<p class="step">{escape(T["first"])}</p>'
            else:
                moved = [c for c in step.changes() if c.kind != "unchanged"]
                stepline = f'<div class="step">{escape(T["step"])}: {_verdict(step.verdict, L["verdicts"][step.verdict])}' + (
                    "<ul>" + "".join(f"<li>{escape(_MARKS.get(c.effect, '·'))} {escape(change_line(c, t))}</li>" for c in moved) + "</ul>" if moved else f" <small>{escape(T['no_change'])}</small>"
                ) + "</div>"
            dim_cells = []
            for cell in cells(thread, i).values():
                effect = cell["effect"]
                body = "<br>".join(escape(x) for x in cell["now"]) or "—"
                was = "".join(f'<span class="was">{escape(T["was"])}: {escape(c.a_text)}</span>' for c in cell["changes"] if c.kind != "unchanged" and c.a_text)
                word = t["effects"].get(effect) or L["verdicts"]["mixed"]
                mark = f'<span class="mark" title="{escape(word)}">{escape(_MARKS.get(effect, "±"))}</span> ' if effect else ""
                dim_cells.append(f'<td class="dim{" " + effect if effect else ""}">{mark}{body}{was}</td>')
            rows.append(f'<tr id="{thread.id}-{st.id}">{when}<td>{who}{extra}{passage}{stepline}</td>{"".join(dim_cells)}</tr>')
        parts.append(f'<table class="axis"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
        parts.append("</section>")
    if timeline.hidden:
        parts.append(f"<p><i>{escape(T['hidden'].format(n=timeline.hidden))}</i></p>")
    if timeline.errors:
        parts.append(f"<h2>{escape(T['unreadable'])}</h2><ul>" + "".join(f"<li><code>{escape(d)}</code>: {escape(e)}</li>" for d, e in timeline.errors) + "</ul>")
    return _page(f"wording-diff: {T['title'].lower()}", "\n".join(parts), timeline.lang, css=_CSS, wide=True)


def render_timeline(timeline, fmt: str, *, color: bool = False, width: int | None = None) -> str:
    if fmt == "json":
        return dumps(timeline_json(timeline))
    if fmt == "markdown":
        return timeline_markdown(timeline)
    if fmt == "html":
        return timeline_html(timeline)
    return timeline_terminal(timeline, color=color and fmt == "terminal", width=width)
