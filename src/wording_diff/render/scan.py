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
    return "; ".join(
        f"{c['dimension']} {c['kind']} {c['a'] or '∅'} → {c['b'] or '∅'} ({c['effect']})"
        for c in record.get("changes", [])
        if c["kind"] != "unchanged"
    )


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
    console.print(
        f"{stats.documents} documents read, {stats.unreadable} unreadable, {stats.pairs} pairs compared "
        f"(cache: {stats.results_reused} results reused, {stats.cache_hits} texts read, {stats.cache_misses} parsed)"
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


def scan_markdown(top: list[dict], stats, errors: list[dict]) -> str:
    lines = [
        "# wording-diff scan",
        "",
        f"{stats.documents} documents read, {stats.unreadable} unreadable, {stats.pairs} pairs compared.",
        "",
        "| # | document | kind | A | B | verdict | magnitude | changes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    for i, r in enumerate(top, 1):
        lines.append(f"| {i} | {cell(r['document_id'])} | {r['pair_kind']} | {cell(r['labels']['a'])} | {cell(r['labels']['b'])} | {r['verdict']} | {r['magnitude']:.1f} | {cell(summarise_changes(r))} |")
    for r in top[:20]:
        lines += ["", f"## {cell(r['document_id'])}: {cell(r['labels']['a'])} → {cell(r['labels']['b'])} ({r['verdict']})", "", f"> **A** {cell(_short(r['a']['text'], 600))}", ">", f"> **B** {cell(_short(r['b']['text'], 600))}", ""]
        lines += [f"- {c['explanation']}" for c in r["changes"] if c["kind"] != "unchanged"]
    if errors:
        lines += ["", "## Unreadable documents", ""] + [f"- `{cell(e['document'])}`: {cell(e['error'])}" for e in errors]
    return "\n".join(lines) + "\n"


def scan_html(top: list[dict], stats, errors: list[dict]) -> str:
    from .html import _page

    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(r['document_id'])}</td><td>{escape(r['pair_kind'])}</td><td>{escape(r['labels']['a'])}</td>"
        f"<td>{escape(r['labels']['b'])}</td><td>{escape(r['verdict'])}</td><td>{r['magnitude']:.1f}</td><td>{escape(summarise_changes(r))}</td></tr>"
        for i, r in enumerate(top, 1)
    )
    details = "".join(
        f"<h2>{escape(r['document_id'])}: {escape(r['labels']['a'])} → {escape(r['labels']['b'])} ({escape(r['verdict'])})</h2>"
        f"<blockquote><b>A</b> {escape(r['a']['text'])}</blockquote><blockquote><b>B</b> {escape(r['b']['text'])}</blockquote>"
        "<ul>" + "".join(f"<li>{escape(c['explanation'])}</li>" for c in r["changes"] if c["kind"] != "unchanged") + "</ul>"
        for r in top[:20]
    )
    errs = "".join(f"<li><code>{escape(e['document'])}</code>: {escape(e['error'])}</li>" for e in errors)
    body = (
        f"<h1>wording-diff scan</h1><p>{stats.documents} documents read, {stats.unreadable} unreadable, {stats.pairs} pairs compared.</p>"
        "<table><thead><tr><th>#</th><th>document</th><th>kind</th><th>A</th><th>B</th><th>verdict</th><th>magnitude</th><th>changes</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{details}" + (f"<h2>Unreadable documents</h2><ul>{errs}</ul>" if errors else "")
    )
    return _page("wording-diff scan", body, "nl")
