"""Reports of ``wording-diff check``: terminal/text, JSON and JUnit XML, one result per case."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..vocabulary import VERDICTS
from . import dumps

CHECK_SCHEMA = "wording-diff.check/2"


def _case_json(r, status: str) -> dict:
    return {
        "id": r.case.id,
        "split": r.case.split,
        "file": r.case.file,
        "status": status,
        "verdict": {"expected": r.case.verdict, "found": r.verdict},
        "outcome": r.outcome,
        "missing": [e.as_dict() for e in r.missing],
        "unexpected": [{k: f[k] for k in ("dimension", "kind", "a", "b", "effect", "rule")} for f in r.unexpected],
    }


def _status(result, r) -> str:
    """pass, fail, changed, known, fixed; "differs" where the corpus keeps no list of known
    failures (cases are then not gated one by one)."""
    if result.gate is None:
        return "pass" if r.ok else "differs"
    return result.gate.status(r)


def check_json(result) -> dict:
    g = result.gate
    return {
        "schema": CHECK_SCHEMA,
        "tool": {"name": "wording-diff", "version": result.tool_version},
        "model": {"name": result.model.name, "version": result.model.version},
        "corpus": str(result.corpus.path),
        "passed": result.passed,
        "thresholds": result.corpus.thresholds,
        "threshold_failures": result.failures,
        "metrics": result.metrics,
        "splits": result.by_split or {},
        "gap": result.gap or {},
        "gate": None
        if g is None
        else {
            "passed": g.passed,
            "new_failures": [r.case.id for r in g.new],
            "changed_failures": [r.case.id for r, _ in g.changed],
            "fixed": [r.case.id for r, _ in g.fixed],
            "known_failures": len(g.known),
            "stale": [k.id for k in g.stale],
        },
        "cases": [_case_json(r, _status(result, r)) for r in result.results],
    }


def _fmt_change(c: dict) -> str:
    return f"{c['dimension']} {c['kind']} {c['a'] or '∅'} → {c['b'] or '∅'} ({c['effect']})"


def _figures(title: str, m: dict) -> list[str]:
    o = m["overall"]
    lines = [
        f"{title}: {m['cases']} cases, {m['cases_passing']} fully right",
        f"{'dimension':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for dim, s in m["per_dimension"].items():
        lines.append(f"{dim:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
    lines.append(f"{'overall':<12} {o['precision']:>9.3f} {o['recall']:>7.3f} {o['f1']:>6.3f} {o['tp']:>4} {o['fp']:>4} {o['fn']:>4}")
    lines += ["", f"verdict accuracy {o['verdict_accuracy']:.3f}   (rows: annotated, columns: found)"]
    lines.append(" " * 11 + "".join(f"{v[:9]:>10}" for v in VERDICTS))
    for v in VERDICTS:
        lines.append(f"{v:<11}" + "".join(f"{m['verdict_confusion'][v][w]:>10}" for w in VERDICTS))
    return lines


def check_text(result, verbose: bool = True) -> str:
    m = result.metrics
    g = result.gate
    lines = [f"corpus {result.corpus.path}   (model {result.model.name} {result.model.version})", ""]
    splits = result.by_split or {}
    if len(splits) > 1:
        head = f"{'split':<8} {'cases':>5} {'precision':>9} {'recall':>7} {'f1':>6} {'verdict':>8}"
        lines += ["figures per split (tune on dev, measure on test):", head]
        for name, sm in splits.items():
            o = sm["overall"]
            lines.append(f"{name:<8} {sm['cases']:>5} {o['precision']:>9.3f} {o['recall']:>7.3f} {o['f1']:>6.3f} {o['verdict_accuracy']:>8.3f}")
        if result.gap:
            gp = result.gap
            lines.append(f"{'gap':<8} {'':>5} {gp['precision']:>+9.3f} {gp['recall']:>+7.3f} {gp['f1']:>+6.3f} {gp['verdict_accuracy']:>+8.3f}   (dev − test)")
        lines.append("")
        for name, sm in splits.items():
            lines += _figures(f"split {name}", sm) + [""]
    lines += _figures("all cases", m)
    if g is None:
        differing = [r for r in result.results if not r.ok]
        if verbose and differing:
            lines += ["", f"{len(differing)} cases differ from their annotation:"]
            lines += [f"- {r.case.id} ({r.case.file}): {r.outcome}" for r in differing]
        lines += ["", f"no {result.corpus.known_failures_path.name if result.corpus.known_failures_path else 'known-failures.txt'}: "
                  "cases are not gated one by one (create the list with --update-known-failures)"]
    elif verbose:
        if g.new:
            lines += ["", f"{len(g.new)} cases fail that are not in {result.corpus.known_failures_path}:"]
            for r in g.new:
                lines.append(f"- {r.case.id} ({r.case.file}): {r.outcome}")
                for e in r.missing:
                    lines.append(f"    expected, not found: {_fmt_change(e.as_dict())}")
                for f in r.unexpected:
                    lines.append(f"    found, not expected: {_fmt_change(f)}  [{f['rule']}]")
        if g.changed:
            lines += ["", f"{len(g.changed)} known failures now fail differently:"]
            for r, k in g.changed:
                lines += [f"- {r.case.id} ({r.case.file})", f"    listed: {k.outcome}", f"    now:    {r.outcome}"]
    if g is not None and g.fixed:
        lines += ["", f"{len(g.fixed)} known failures now pass; remove them from the list (--update-known-failures):"]
        lines += [f"- {r.case.id}" for r, _ in g.fixed]
    if g is not None and g.stale:
        lines += ["", f"{len(g.stale)} listed known failures are not in the corpus: " + ", ".join(k.id for k in g.stale)]
    lines.append("")
    if g is not None:
        lines.append(f"known failures: {len(g.known)} still fail as listed")
    th = ", ".join(f"{k} ≥ {v:.2f}" for k, v in result.corpus.thresholds.items())
    if result.failures:
        lines.append("FAIL: below threshold: " + "; ".join(result.failures))
    if g is not None and not g.passed:
        lines.append(f"FAIL: {len(g.new)} new failures, {len(g.changed)} known failures changed")
    if result.passed:
        lines.append(f"PASS: every case as expected or as listed; thresholds met ({th})" if g is not None else f"PASS: thresholds met ({th})")
    return "\n".join(lines) + "\n"


def check_junit(result) -> str:
    cases = []
    failures = skipped = 0
    for r in result.results:
        status = _status(result, r)
        body = ""
        if status == "differs":
            skipped += 1
            body = f"<skipped message={quoteattr('differs from its annotation (not gated: no known-failures.txt): ' + r.outcome)}/>"
        elif status in ("fail", "changed"):
            failures += 1
            detail = [r.outcome] if status == "fail" else [f"fails differently from known-failures.txt: {r.outcome}"]
            detail += [f"expected, not found: {_fmt_change(e.as_dict())}" for e in r.missing]
            detail += [f"found, not expected: {_fmt_change(f)}" for f in r.unexpected]
            body = f"<failure message={quoteattr(detail[0])}>{escape(chr(10).join(detail))}</failure>"
        elif status == "known":
            skipped += 1
            body = f"<skipped message={quoteattr('known failure: ' + r.outcome)}/>"
        classname = f"wording-diff.check.{r.case.split}" if r.case.split else "wording-diff.check"
        cases.append(f"  <testcase classname={quoteattr(classname)} name={quoteattr(r.case.id)} file={quoteattr(r.case.file)}>{body}</testcase>")
    gate_failure = "" if not result.failures else f"<failure message={quoteattr('; '.join(result.failures))}/>"
    failures += bool(result.failures)
    cases.append(f'  <testcase classname="wording-diff.check" name="thresholds">{gate_failure}</testcase>')
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<testsuite name="wording-diff check" tests="{len(cases)}" failures="{failures}" errors="0" skipped="{skipped}">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )


__all__ = ["check_json", "check_text", "check_junit", "dumps"]
