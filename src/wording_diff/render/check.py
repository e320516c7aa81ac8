"""Reports of ``wording-diff check``: terminal/text, JSON and JUnit XML."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..corpus import VERDICTS
from . import dumps


def check_json(result) -> dict:
    return {
        "schema": "wording-diff.check/1",
        "tool": {"name": "wording-diff", "version": result.tool_version},
        "model": {"name": result.model.name, "version": result.model.version},
        "corpus": str(result.corpus.path),
        "passed": result.passed,
        "thresholds": result.corpus.thresholds,
        "threshold_failures": result.failures,
        "metrics": result.metrics,
        "failing_cases": [
            {
                "id": r.case.id,
                "file": r.case.file,
                "verdict": {"expected": r.case.verdict, "found": r.verdict},
                "missing": [e.as_dict() for e in r.missing],
                "unexpected": [{k: f[k] for k in ("dimension", "kind", "a", "b", "effect", "rule")} for f in r.unexpected],
            }
            for r in result.results
            if not r.ok
        ],
    }


def _fmt_change(c: dict) -> str:
    return f"{c['dimension']} {c['kind']} {c['a'] or '∅'} → {c['b'] or '∅'} ({c['effect']})"


def check_text(result, verbose: bool = True) -> str:
    m = result.metrics
    o = m["overall"]
    lines = [
        f"corpus {result.corpus.path}: {m['cases']} cases, {m['cases_passing']} fully right   (model {result.model.name} {result.model.version})",
        "",
        f"{'dimension':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for dim, s in m["per_dimension"].items():
        lines.append(f"{dim:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
    lines.append(f"{'overall':<12} {o['precision']:>9.3f} {o['recall']:>7.3f} {o['f1']:>6.3f} {o['tp']:>4} {o['fp']:>4} {o['fn']:>4}")
    lines += ["", f"verdict accuracy {o['verdict_accuracy']:.3f}   (rows: expected, columns: found)"]
    lines.append(" " * 11 + "".join(f"{v[:9]:>10}" for v in VERDICTS))
    for v in VERDICTS:
        lines.append(f"{v:<11}" + "".join(f"{m['verdict_confusion'][v][w]:>10}" for w in VERDICTS))
    failing = [r for r in result.results if not r.ok]
    if verbose and failing:
        lines += ["", f"{len(failing)} cases differ from their annotation:"]
        for r in failing:
            lines.append(f"- {r.case.id} ({r.case.file})  verdict expected {r.case.verdict}, found {r.verdict}")
            for e in r.missing:
                lines.append(f"    expected, not found: {_fmt_change(e.as_dict())}")
            for f in r.unexpected:
                lines.append(f"    found, not expected: {_fmt_change(f)}  [{f['rule']}]")
    lines.append("")
    th = ", ".join(f"{k} ≥ {v:.2f}" for k, v in result.corpus.thresholds.items())
    if result.passed:
        lines.append(f"PASS: all thresholds met ({th})")
    else:
        lines.append("FAIL: below threshold: " + "; ".join(result.failures))
    return "\n".join(lines) + "\n"


def check_junit(result) -> str:
    cases = []
    for r in result.results:
        body = ""
        if not r.ok:
            detail = [f"verdict expected {r.case.verdict}, found {r.verdict}"]
            detail += [f"expected, not found: {_fmt_change(e.as_dict())}" for e in r.missing]
            detail += [f"found, not expected: {_fmt_change(f)}" for f in r.unexpected]
            body = f"<failure message={quoteattr(detail[0])}>{escape(chr(10).join(detail))}</failure>"
        cases.append(f'  <testcase classname="wording-diff.check" name={quoteattr(r.case.id)} file={quoteattr(r.case.file)}>{body}</testcase>')
    gate = "" if result.passed else f"<failure message={quoteattr('; '.join(result.failures))}/>"
    cases.append(f'  <testcase classname="wording-diff.check" name="thresholds">{gate}</testcase>')
    failures = sum(not r.ok for r in result.results) + (not result.passed)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<testsuite name="wording-diff check" tests="{len(cases)}" failures="{failures}" errors="0">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )


__all__ = ["check_json", "check_text", "check_junit", "dumps"]
