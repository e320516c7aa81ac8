"""A self-contained HTML page (no scripts, no external resources) that can be published."""

from __future__ import annotations

from html import escape

from ..vocabulary import DIMENSIONS
from . import COLOURS, claim_notes, claim_rows, html_marked, interesting_pairs, labels, no_longer_ruled_out

_CSS = """
body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}
.verdict{display:inline-block;padding:.1rem .6rem;border-radius:.3rem;background:#111;color:#fff;font-weight:600}
blockquote{margin:.5rem 0;padding:.5rem 1rem;background:#f8f8f8;border-left:4px solid #999}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
code{font-size:.85em;color:#555}.q{border-bottom:2px solid;padding:0 .05rem}.legend span{margin-right:.8rem}
del{background:#fee2e2}ins{background:#dcfce7;text-decoration:none}
"""


def _style() -> str:
    rules = [f".q-{d}{{border-color:{fg};background:{bg}}}" for d, (_, fg, bg) in COLOURS.items()]
    return _CSS + "\n".join(rules)


def _marked(text: str, qualifiers, dims: dict) -> str:
    return html_marked(text, qualifiers, "span", lambda cover: (f"q q-{cover[0].dimension}", "; ".join(f"{dims[c.dimension]}: {c.text} ({c.rule})" for c in cover)))


def _legend(t: dict) -> str:
    items = "".join(f'<span class="q q-{d}">{escape(t["dimensions"][d])}</span>' for d in DIMENSIONS)
    return f'<p class="legend">{escape(t["labels"]["legend"])}: {items}</p>'


def _page(title: str, body: str, lang: str, *, css: str = "", wide: bool = False) -> str:
    """A whole page: no scripts, no external resources (styles inline), readable at any width."""
    body_tag = '<body class="wide">' if wide else "<body>"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_style()}{css}</style>\n</head>\n{body_tag}\n{body}\n</body>\n</html>\n"
    )


def _diff(ops) -> str:
    out = []
    for op in ops:
        if op["op"] == "equal":
            out.append(escape(op["a"]))
        else:
            if op["a"]:
                out.append(f"<del>{escape(op['a'])}</del>")
            if op["b"]:
                out.append(f"<ins>{escape(op['b'])}</ins>")
    return " ".join(out)


def compare_html(result) -> str:
    c = result.comparison
    t, _ = labels(c.lang)
    L, dims = t["labels"], t["dimensions"]
    parts = [
        f"<h1>wording-diff: {escape(c.a_label)} → {escape(c.b_label)}</h1>",
        f'<p><span class="verdict">{escape(L["verdict"])}: {escape(L["verdicts"][c.verdict])}</span> '
        f"{escape(L['score'])} {c.score:+.2f} · model {escape(result.model.name)} {escape(result.model.version)}</p>",
        _legend(t),
    ]
    rows = claim_rows(c, t)
    if rows:
        T = t["claims"]
        H = T["headers"]
        head = "".join(f"<th>{escape(h)}</th>" for h in ("", H["a"], H["b"], H["relation"], H["verdict"]))
        body = "".join(
            f"<tr><td>{escape(r['id'])}</td><td>{escape(r['a'])}</td><td>{escape(r['b'])}</td><td>{escape(r['relation'])}</td><td>{escape(r['verdict'])}</td></tr>"
            for r in rows
        )
        parts.append(f"<h2>{escape(T['title'])}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        parts += [f'<p class="note">{escape(note)}</p>' for note in claim_notes(c, t)]
    for p in interesting_pairs(c.pairs):
        parts.append(f"<h2>{escape(L['pair'])} A{p.a.indices[0] + 1} ↔ B{p.b.indices[0] + 1}: {escape(L['verdicts'][p.verdict])}</h2>")
        parts.append(f"<blockquote><b>A</b> {_marked(p.a.text, p.a.qualifiers, dims)}</blockquote>")
        parts.append(f"<blockquote><b>B</b> {_marked(p.b.text, p.b.qualifiers, dims)}</blockquote>")
        parts.append(f"<p><small>{escape(L['word_diff'])}:</small> {_diff(p.word_diff)}</p>")
        rows = "".join(
            f"<tr><td>{escape(dims[ch.dimension])}</td><td>{escape(t['labels']['kinds'][ch.kind])}</td><td>{escape(ch.a_text or '—')}</td>"
            f"<td>{escape(ch.b_text or '—')}</td><td>{escape(t['effects'][ch.effect])}</td><td><code>{escape(ch.rule)}</code></td></tr>"
            for ch in p.changes
        )
        head = "".join(f"<th>{escape(h)}</th>" for h in (L["dimension"], L["kind"], "A", "B", L["effect"], L["rule"]))
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        parts.append("<ul>" + "".join(f"<li>{escape(ch.explanation)}</li>" for ch in p.changes if ch.kind != "unchanged") + "</ul>")
        ruled = no_longer_ruled_out(p.changes)
        if ruled:
            parts.append(f"<p><b>{escape(L['no_longer'])}:</b></p><ul>" + "".join(f"<li>{escape(r)}</li>" for r in ruled) + "</ul>")
        if p.uncertain:
            items = "".join(
                f"<li>{escape(dims[ch.dimension])}: {escape(ch.a_text or '—')} → {escape(ch.b_text or '—')} ({escape(t['effects'][ch.effect])}; <code>{escape(ch.rule)}</code>, {ch.weight:.2f})</li>"
                for ch in p.uncertain
            )
            parts.append(f'<p class="uncertain"><small>{escape(L["uncertain"])}:</small></p><ul class="uncertain">{items}</ul>')
    for p in c.pairs:
        if not p.matched:
            side, which = (p.a, L["only_a"]) if p.a.indices else (p.b, L["only_b"])
            parts.append(f"<p><i>{escape(which)}</i> ({side.indices[0] + 1}): {escape(side.text)}</p>")
    return _page(f"wording-diff: {c.a_label} → {c.b_label}", "\n".join(parts), c.lang)


def highlight_html(result) -> str:
    t, _ = labels(result.lang)
    dims = t["dimensions"]
    parts = [f"<h1>wording-diff: {escape(result.label)}</h1>", _legend(t), "<ol>"]
    for s in result.sentences:
        parts.append(f"<li>{_marked(s.text, s.qualifiers, dims)}</li>")
    parts.append("</ol>")
    return _page(f"wording-diff: {result.label}", "\n".join(parts), result.lang)
