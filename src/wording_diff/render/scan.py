"""Reports of ``wording-diff scan``: JSON Lines and CSV rows (streamed), and a ranked
table / Markdown / HTML report of the top pairs."""

from __future__ import annotations

import csv
import io
import json
from html import escape

CSV_FIELDS = ("document", "document_id", "pair_kind", "label_a", "label_b", "verdict", "score", "magnitude", "similarity", "changes", "error")


def jsonl_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"


def summarise_changes(record: dict) -> str:
    """The changes of a pair in one line, each once (a change found in two claim pairs of
    the same passage is one change to a reader)."""
    lines = [
        f"{c['dimension']} {c['kind']} {c['a'] or '∅'} → {c['b'] or '∅'} ({c['effect']})"
        for c in record.get("changes", [])
        if c["kind"] != "unchanged"
    ]
    return "; ".join(dict.fromkeys(lines))


def csv_header() -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(CSV_FIELDS)
    return buf.getvalue()


def csv_row(record: dict) -> str:
    buf = io.StringIO()
    if "error" in record:
        row = [record["document"], "", "", "", "", "", "", "", "", "", record["error"]]
    else:
        row = [
            record["document"], record["document_id"], record["pair_kind"], record["labels"]["a"], record["labels"]["b"],
            record["verdict"], f"{record['score']:.4f}", f"{record['magnitude']:.2f}", f"{record['similarity']:.4f}", summarise_changes(record), "",
        ]
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def scan_terminal(top: list[dict], stats, errors: list[dict], *, color: bool, width: int | None = None) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, color_system="standard" if color else None, width=width or 120, highlight=False)
    # After a lexicon edit, pairs whose marks the edit did not change are read back too.
    remarked = f" + {stats.results_reused_by_marks} unchanged by the lexicon edit" if stats.results_reused_by_marks else ""
    console.print(
        f"{stats.documents} documents read, {stats.unreadable} unreadable, {stats.pairs} pairs compared "
        f"(cache: {stats.results_reused} results reused{remarked}, {stats.cache_hits} texts read, {stats.cache_misses} parsed)"
    )
    table = Table(box=box.SIMPLE if color else box.ASCII, title=f"top {len(top)} by scope change")
    # The changes are what a reader came for, so they get the room: the document and the
    # kind of pair share a cell, and so do the two labels.
    table.add_column("#", justify="right")
    table.add_column("document / pair", overflow="fold", max_width=20)
    table.add_column("A → B", overflow="fold", max_width=16)
    table.add_column("verdict", max_width=9)
    table.add_column("magn.", justify="right")
    table.add_column("changes", overflow="fold", ratio=1)
    for i, r in enumerate(top, 1):
        table.add_row(
            str(i),
            f"{r['document_id']}\n{r['pair_kind']}",
            f"{r['labels']['a']} →\n{r['labels']['b']}",
            r["verdict"],
            f"{r['magnitude']:.1f}",
            _short(summarise_changes(r), 400),
        )
    console.print(table)
    for e in errors:
        console.print(f"unreadable: {e['document']}: {e['error']}")
    return buf.getvalue()


class ScanSummary:
    """What the whole scan found (every pair, not only the ranked ones): pairs per verdict,
    per kind of pair, and how often each dimension narrowed, broadened or reversed."""

    def __init__(self):
        self.pairs = 0
        self.verdicts: dict[str, int] = {}
        self.kinds: dict[str, int] = {}
        self.moved: dict[tuple[str, str], int] = {}

    def add(self, record: dict) -> None:
        if "error" in record:
            return
        self.pairs += 1
        self.verdicts[record["verdict"]] = self.verdicts.get(record["verdict"], 0) + 1
        self.kinds[record["pair_kind"]] = self.kinds.get(record["pair_kind"], 0) + 1
        for key in {(c["dimension"], c["effect"]) for c in record["changes"] if c["kind"] != "unchanged" and c["effect"] in _MARKS}:
            self.moved[key] = self.moved.get(key, 0) + 1


_MARKS = {"narrows": "▼", "broadens": "▲", "reverses": "⇄", "unclear": "?"}


def _summary_lines(stats, summary: ScanSummary | None, t: dict) -> list[str]:
    """Plain sentences that open a report: what was read, what the pairs came to."""
    lines = [f"{stats.documents} documents read, {stats.unreadable} unreadable, {stats.pairs} pairs compared."]
    if summary is None or not summary.pairs:
        return lines
    verdicts = ", ".join(f"{n} {t['labels']['verdicts'].get(v, v)}" for v, n in sorted(summary.verdicts.items(), key=lambda kv: -kv[1]))
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(summary.kinds.items(), key=lambda kv: -kv[1]))
    lines.append(f"Verdicts: {verdicts}. Pairs: {kinds}.")
    top = sorted(summary.moved.items(), key=lambda kv: -kv[1])[:6]
    if top:
        lines.append("Most often moved: " + ", ".join(f"{t['dimensions'][d]} {_MARKS[e]} {t['effects'][e]} ({n}×)" for (d, e), n in top) + ".")
    return lines


def _moved(record: dict, t: dict) -> str:
    """"actor ▼, plaats ▼, polariteit ⇄": the dimensions a pair moved, each once."""
    seen = []
    for c in record.get("changes", []):
        if c["kind"] != "unchanged" and c["effect"] in _MARKS:
            item = f"{t['dimensions'][c['dimension']]} {_MARKS[c['effect']]}"
            if item not in seen:
                seen.append(item)
    return ", ".join(seen) or "—"


def _change_items(record: dict, t: dict) -> list[str]:
    """The changes of a pair, one line each, each once."""
    items = [
        f"{_MARKS.get(c['effect'], '·')} {t['dimensions'][c['dimension']]}: {t['labels']['kinds'][c['kind']]} «{c['a'] or '—'}» → «{c['b'] or '—'}» ({t['effects'][c['effect']]})"
        for c in record.get("changes", [])
        if c["kind"] != "unchanged"
    ]
    return list(dict.fromkeys(items))


class _Q:
    """A qualifier of a record (a dict) as the highlighters read it."""

    def __init__(self, d: dict):
        self.dimension, self.text, self.start_char, self.end_char, self.rule = d["dimension"], d["text"], d["start_char"], d["end_char"], d.get("rule", "")


def _quals(record: dict, side: str) -> list[_Q]:
    text = record[side]["text"] or ""
    return [_Q(q) for q in record.get("qualifiers", {}).get(side, []) if 0 <= q["start_char"] < q["end_char"] <= len(text)]


def scan_markdown(top: list[dict], stats, errors: list[dict], summary: ScanSummary | None = None, lang: str = "nl") -> str:
    from . import labels
    from .markdown import _quoted

    t, _ = labels(lang)
    cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["# wording-diff scan", ""] + _summary_lines(stats, summary, t) + [""]
    lines += ["| # | pair | verdict | magnitude | moved |", "|---|---|---|---|---|"]
    for i, r in enumerate(top, 1):
        pair = f"[{cell(r['document_id'])}: {cell(r['labels']['a'])} → {cell(r['labels']['b'])}](#pair-{i}) ({r['pair_kind']})"
        lines.append(f"| {i} | {pair} | {t['labels']['verdicts'][r['verdict']]} | {r['magnitude']:.1f} | {cell(_moved(r, t))} |")
    for i, r in enumerate(top, 1):
        lines += [
            "",
            f'<a id="pair-{i}"></a>',
            f"## {i}. {cell(r['document_id'])}: {cell(r['labels']['a'])} → {cell(r['labels']['b'])} ({t['labels']['verdicts'][r['verdict']]})",
            "",
            f"> **A** {cell(_quoted(r['a']['text'], _quals(r, 'a')))}",
            ">",
            f"> **B** {cell(_quoted(r['b']['text'], _quals(r, 'b')))}",
            "",
        ]
        lines += [f"- {cell(item)}" for item in _change_items(r, t)] or [f"- {t['labels']['verdicts']['unchanged']}"]
    if errors:
        lines += ["", "## Unreadable documents", ""] + [f"- `{cell(e['document'])}`: {cell(e['error'])}" for e in errors]
    return "\n".join(lines) + "\n"


_SCAN_CSS = """
table.overview{width:100%;table-layout:fixed}table.overview td,table.overview th{overflow-wrap:anywhere}
table.overview col.n{width:2.5rem}table.overview col.v{width:7rem}table.overview col.m{width:5.5rem}
.pair{margin-top:2rem}.pair ul{padding-left:1.2rem}.back{font-size:.8rem}
"""


def scan_html(top: list[dict], stats, errors: list[dict], summary: ScanSummary | None = None, lang: str = "nl") -> str:
    from . import labels
    from .html import _legend, _marked, _page

    t, _ = labels(lang)
    dims, verdicts = t["dimensions"], t["labels"]["verdicts"]
    rows = "".join(
        f'<tr><td>{i}</td><td><a href="#pair-{i}">{escape(r["document_id"])}: {escape(r["labels"]["a"])} → {escape(r["labels"]["b"])}</a>'
        f'<br><small>{escape(r["pair_kind"])}</small></td><td><span class="verdict">{escape(verdicts[r["verdict"]])}</span></td>'
        f"<td>{r['magnitude']:.1f}</td><td>{escape(_moved(r, t))}</td></tr>"
        for i, r in enumerate(top, 1)
    )
    details = "".join(
        f'<section class="pair" id="pair-{i}"><h2>{i}. {escape(r["document_id"])}: {escape(r["labels"]["a"])} → {escape(r["labels"]["b"])} '
        f'<span class="verdict">{escape(verdicts[r["verdict"]])}</span></h2>'
        f"<blockquote><b>A</b> {_marked(r['a']['text'] or '', _quals(r, 'a'), dims)}</blockquote>"
        f"<blockquote><b>B</b> {_marked(r['b']['text'] or '', _quals(r, 'b'), dims)}</blockquote>"
        + "<ul>" + ("".join(f"<li>{escape(item)}</li>" for item in _change_items(r, t)) or f"<li>{escape(verdicts['unchanged'])}</li>") + "</ul>"
        + '<p class="back"><a href="#overview">↑ overview</a></p></section>'
        for i, r in enumerate(top, 1)
    )
    errs = "".join(f"<li><code>{escape(e['document'])}</code>: {escape(e['error'])}</li>" for e in errors)
    summary_html = "".join(f"<p>{escape(line)}</p>" for line in _summary_lines(stats, summary, t))
    body = (
        f'<h1>wording-diff scan</h1>{summary_html}{_legend(t)}'
        '<table class="overview" id="overview"><colgroup><col class="n"><col><col class="v"><col class="m"><col></colgroup>'
        "<thead><tr><th>#</th><th>pair</th><th>verdict</th><th>magnitude</th><th>moved</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{details}" + (f"<h2>Unreadable documents</h2><ul>{errs}</ul>" if errors else "")
    )
    return _page("wording-diff scan", body, lang, css=_SCAN_CSS)
