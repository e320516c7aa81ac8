"""Markdown reports: for notes, issues and pull requests."""

from __future__ import annotations

from . import claim_notes, claim_rows, interesting_pairs, labels, no_longer_ruled_out


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _quoted(text: str, qualifiers) -> str:
    # Bold marks every qualifier phrase; overlapping ones are merged into one stretch.
    marks = sorted((q.start_char, q.end_char) for q in qualifiers)
    merged: list[list[int]] = []
    for s, e in marks:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(text[pos:s].replace("*", "\\*"))
        out.append("**" + text[s:e].replace("*", "\\*") + "**")
        pos = e
    out.append(text[pos:].replace("*", "\\*"))
    return "".join(out)


def compare_markdown(result) -> str:
    c = result.comparison
    t, _ = labels(c.lang)
    L = t["labels"]
    lines = [
        f"# wording-diff: {_cell(c.a_label)} → {_cell(c.b_label)}",
        "",
        f"**{L['verdict']}: {L['verdicts'][c.verdict]}** ({L['score']} {c.score:+.2f}) · model {result.model.name} {result.model.version}",
        "",
    ]
    rows = claim_rows(c, t)
    if rows:
        T = t["claims"]
        H = T["headers"]
        lines += [f"## {T['title']}", "", f"| | {H['a']} | {H['b']} | {H['relation']} | {H['verdict']} |", "|---|---|---|---|---|"]
        lines += [f"| {r['id']} | {_cell(r['a'])} | {_cell(r['b'])} | {_cell(r['relation'])} | {_cell(r['verdict'])} |" for r in rows]
        lines += [""] + [f"> {note}" for note in claim_notes(c, t)] + [""]
    for p in interesting_pairs(c.pairs):
        lines += [
            f"## {L['pair']} A{p.a.indices[0] + 1} ↔ B{p.b.indices[0] + 1} — {L['verdicts'][p.verdict]} ({L['similarity']} {p.similarity:.2f})",
            "",
            f"> **A** {_quoted(p.a.text, p.a.qualifiers)}",
            ">",
            f"> **B** {_quoted(p.b.text, p.b.qualifiers)}",
            "",
            f"| {L['dimension']} | {L['kind']} | A | B | {L['effect']} | {L['rule']} |",
            "|---|---|---|---|---|---|",
        ]
        for ch in p.changes:
            lines.append(
                f"| {t['dimensions'][ch.dimension]} | {t['labels']['kinds'][ch.kind]} | {_cell(ch.a_text)} | {_cell(ch.b_text)} | {t['effects'][ch.effect]} | `{ch.rule}` |"
            )
        lines.append("")
        for ch in p.changes:
            if ch.kind != "unchanged":
                lines.append(f"- {ch.explanation}")
        ruled = no_longer_ruled_out(p.changes)
        if ruled:
            lines += ["", f"**{L['no_longer']}:**", ""] + [f"- {r}" for r in ruled]
        if p.uncertain:
            lines += ["", f"_{L['uncertain']}:_", ""]
            lines += [f"- {t['dimensions'][ch.dimension]}: {_cell(ch.a_text)} → {_cell(ch.b_text)} ({t['effects'][ch.effect]}; `{ch.rule}`, {ch.weight:.2f})" for ch in p.uncertain]
        lines.append("")
    unmatched = [p for p in c.pairs if not p.matched]
    for p in unmatched:
        side, which = (p.a, L["only_a"]) if p.a.indices else (p.b, L["only_b"])
        lines.append(f"- _{which}_ ({side.indices[0] + 1}): {_cell(side.text)}")
    return "\n".join(lines).rstrip() + "\n"


def highlight_markdown(result) -> str:
    t, _ = labels(result.lang)
    lines = [f"# wording-diff highlight: {_cell(result.label)}", ""]
    for s in result.sentences:
        lines.append(f"{s.index + 1}. {_quoted(s.text, s.qualifiers)}")
        for q in s.qualifiers:
            lines.append(f"   - *{t['dimensions'][q.dimension]}*: {_cell(q.text)} (`{q.rule}`)")
    return "\n".join(lines) + "\n"
