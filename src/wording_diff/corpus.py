"""Curated corpora of annotated statement pairs, and the gate of ``wording-diff check``.

A corpus is a folder with ``thresholds.yaml`` and case files (``*.yaml``/``*.yml``/``*.json``,
searched recursively). A case file holds one case (a mapping) or a list of cases under
``cases:``. Each case: ``id``, ``source``, ``a``, ``b``, ``verdict``, ``expect`` (a list of
``{dimension, kind, a, b, effect}``). See corpus/README.md.

Splits: the first folder level names a case's split (``dev/`` for tuning, ``test/`` for
measuring); figures are reported per split and the gap between them.

The gate, per case: ``known-failures.txt`` lists the cases the detector gets wrong today,
each with how it gets them wrong. A case not listed that fails, or a listed case that
fails differently, fails the run and is named; a listed case that now passes is reported
so that the list only shrinks. The thresholds are a floor beside it.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import WordingDiffError
from .vocabulary import DIMENSIONS, EFFECTS, KINDS, VERDICTS

THRESHOLD_KEYS = ("precision", "recall", "f1", "verdict_accuracy")
THRESHOLDS_FILE = "thresholds.yaml"
KNOWN_FAILURES_FILE = "known-failures.txt"


class CorpusError(WordingDiffError, ValueError):
    """The corpus itself is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Expected:
    dimension: str
    kind: str
    a: str | None
    b: str | None
    effect: str

    def as_dict(self) -> dict:
        return {"dimension": self.dimension, "kind": self.kind, "a": self.a, "b": self.b, "effect": self.effect}


@dataclass
class Case:
    id: str
    source: str
    a: str
    b: str
    verdict: str
    expect: list[Expected]
    file: str
    kind: str = ""
    note: str = ""
    split: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownFailure:
    id: str
    outcome: str  # how the detector gets the case wrong, as ``CaseResult.outcome`` says it
    note: str = ""
    line: int = 0


@dataclass
class Corpus:
    path: Path
    cases: list[Case]
    thresholds: dict[str, float]
    per_dimension: dict[str, dict[str, float]] = field(default_factory=dict)
    # None when the corpus has no known-failures.txt: then cases are not gated one by
    # one, only the thresholds are (create the list with --update-known-failures)
    known_failures: dict[str, KnownFailure] | None = None
    known_failures_path: Path | None = None
    per_split: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def is_whole(self) -> bool:
        """Whether this run covers the whole corpus (not one split of it)."""
        return self.known_failures_path is not None and self.path.resolve() == self.known_failures_path.parent.resolve()


def _load_file(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc})") from None
    try:
        if path.suffix == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise CorpusError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'YAML'}{where}: {first}") from None


def _text(value, where: str, field_name: str, allow_none: bool = False) -> str | None:
    if value is None and allow_none:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: field '{field_name}' must be a non-empty string")
    return value.strip()


def _case(raw, path: Path, n: int) -> Case:
    where = f"{path} case {n + 1}"
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: a case must be a mapping with id, source, a, b, verdict, expect")
    case_id = _text(raw.get("id"), where, "id")
    where = f"{path} case {case_id!r}"
    for key in ("source", "a", "b", "verdict"):
        if key not in raw:
            raise CorpusError(f"{where}: missing field '{key}'")
    verdict = raw["verdict"]
    if verdict not in VERDICTS:
        raise CorpusError(f"{where}: field 'verdict' is {verdict!r}; use one of {', '.join(VERDICTS)}")
    expect_raw = raw.get("expect")
    if not isinstance(expect_raw, list):
        raise CorpusError(f"{where}: field 'expect' must be a list (it may be empty)")
    expect = []
    for i, e in enumerate(expect_raw):
        ew = f"{where} expect[{i}]"
        if not isinstance(e, dict):
            raise CorpusError(f"{ew}: must be a mapping with dimension, kind, a, b, effect")
        for key, allowed in (("dimension", DIMENSIONS), ("kind", KINDS), ("effect", EFFECTS)):
            if e.get(key) not in allowed:
                raise CorpusError(f"{ew}: field '{key}' is {e.get(key)!r}; use one of {', '.join(allowed)}")
        a = _text(e.get("a"), ew, "a", allow_none=True)
        b = _text(e.get("b"), ew, "b", allow_none=True)
        need_a = e["kind"] in ("removed", "replaced", "unchanged")
        need_b = e["kind"] in ("added", "replaced", "unchanged")
        if need_a != (a is not None) or need_b != (b is not None):
            raise CorpusError(f"{ew}: kind '{e['kind']}' needs " + {"added": "a: null and a phrase in b", "removed": "a phrase in a and b: null"}.get(e["kind"], "phrases in both a and b"))
        expect.append(Expected(e["dimension"], e["kind"], a, b, e["effect"]))
    return Case(
        id=case_id,
        source=_text(raw["source"], where, "source"),
        a=_text(raw["a"], where, "a"),
        b=_text(raw["b"], where, "b"),
        verdict=verdict,
        expect=expect,
        file=str(path),
        kind=str(raw.get("kind", "")),
        note=str(raw.get("note", "")),
        tags=_tags(raw.get("tags"), where),
    )


def _settings_folder(root: Path) -> Path:
    """Where thresholds.yaml and known-failures.txt are: the corpus folder, or the folder
    above a split (``check corpus/test`` uses corpus/thresholds.yaml)."""
    if (root / THRESHOLDS_FILE).exists() or not (root.parent / THRESHOLDS_FILE).exists():
        return root
    return root.parent


def _tags(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return tuple(value)
    raise CorpusError(f"{where}: field 'tags' must be a list of words")


def load_corpus(folder: str | Path) -> Corpus:
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"{root}: no such corpus folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: a corpus is a folder (with {THRESHOLDS_FILE} and case files)")
    settings = _settings_folder(root)
    tpath = settings / THRESHOLDS_FILE
    if not tpath.exists():
        raise CorpusError(f"{tpath}: missing (the corpus thresholds: {', '.join(THRESHOLD_KEYS)})")
    raw_t = _load_file(tpath)
    if not isinstance(raw_t, dict):
        raise CorpusError(f"{tpath}: must be a mapping of {', '.join(THRESHOLD_KEYS)}")
    thresholds, per_dim, per_split = {}, {}, {}
    for key, value in raw_t.items():
        if key == "per_dimension":
            if not isinstance(value, dict):
                raise CorpusError(f"{tpath}: field 'per_dimension' must map dimensions to thresholds")
            for dim, th in value.items():
                if dim not in DIMENSIONS or not isinstance(th, dict):
                    raise CorpusError(f"{tpath}: per_dimension.{dim} is not a dimension with thresholds")
                per_dim[dim] = {k: _fraction(v, tpath, f"per_dimension.{dim}.{k}") for k, v in th.items() if k in THRESHOLD_KEYS}
        elif key == "splits":
            if not isinstance(value, dict):
                raise CorpusError(f"{tpath}: field 'splits' must map split names to thresholds")
            for name, th in value.items():
                if not isinstance(th, dict):
                    raise CorpusError(f"{tpath}: splits.{name} must be a mapping of thresholds")
                per_split[str(name)] = {k: _fraction(v, tpath, f"splits.{name}.{k}") for k, v in th.items() if k in THRESHOLD_KEYS}
        elif key in THRESHOLD_KEYS:
            thresholds[key] = _fraction(value, tpath, key)
        else:
            raise CorpusError(f"{tpath}: unknown field '{key}'; use {', '.join(THRESHOLD_KEYS)}, per_dimension or splits")
    cases, seen = [], {}
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.name != THRESHOLDS_FILE and p.is_file())
    for path in files:
        data = _load_file(path)
        items = data.get("cases") if isinstance(data, dict) and "cases" in data else [data]
        if not isinstance(items, list):
            raise CorpusError(f"{path}: field 'cases' must be a list")
        rel = path.relative_to(settings).parts
        split = rel[0] if len(rel) > 1 else ""
        for n, raw in enumerate(items):
            case = _case(raw, path, n)
            case.split = split
            if case.id in seen:
                raise CorpusError(f"{path}: case id {case.id!r} is also used in {seen[case.id]}")
            seen[case.id] = str(path)
            cases.append(case)
    if not cases:
        raise CorpusError(f"{root}: no cases found (*.yaml, *.yml or *.json)")
    kpath = settings / KNOWN_FAILURES_FILE
    known = read_known_failures(kpath) if kpath.exists() else None
    return Corpus(root, cases, thresholds, per_dim, known, kpath, per_split)


def read_known_failures(path: Path) -> dict[str, KnownFailure]:
    """``id | how it fails | note`` per line; ``#`` starts a comment line."""
    out: dict[str, KnownFailure] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise CorpusError(f"{path} line {n}: write 'case-id | how it fails | note' (the note may be left out)")
        if parts[0] in out:
            raise CorpusError(f"{path} line {n}: case {parts[0]!r} is listed twice")
        out[parts[0]] = KnownFailure(parts[0], parts[1], " | ".join(parts[2:]), n)
    return out


def _fraction(value, path: Path, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise CorpusError(f"{path}: field '{key}' must be a number from 0 to 1")
    return float(value)


# --------------------------------------------------------------------------- matching
def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", text.lower()) if text else ""


def _phrase_match(expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    e, f = _norm(expected), _norm(found)
    # A found replacement may join several phrases ("in de publieke ruimte / in de
    # politieorganisatie"); an annotated phrase matches any of them, or the whole.
    parts = [_norm(p) for p in found.split(" / ")]
    # containment either way, but never of a phrase too short to name anything
    # ("nu" is not «tot nu toe», "u" not «in de publieke ruimte»)
    return e == f or e in parts or (len(e) >= 3 and (e in f or any(len(p) >= 3 and p in e for p in parts)))


def change_matches(exp: Expected, found: dict) -> bool:
    return (
        exp.dimension == found["dimension"]
        and exp.kind == found["kind"]
        and exp.effect == found["effect"]
        and _phrase_match(exp.a, found["a"])
        and _phrase_match(exp.b, found["b"])
    )


@dataclass
class CaseResult:
    case: Case
    verdict: str
    found: list[dict]
    matched: list[tuple[Expected, dict]]
    missing: list[Expected]
    unexpected: list[dict]
    not_taken_up: bool = False
    not_confirmed: bool = False

    @property
    def ok(self) -> bool:
        return self.verdict == self.case.verdict and not self.missing and not self.unexpected

    @property
    def outcome(self) -> str:
        """How the detector gets this case wrong, in one line ("" if it is right): what a
        known failure records and the gate compares."""
        parts = []
        if self.verdict != self.case.verdict:
            parts.append(f"verdict {self.verdict}, annotated {self.case.verdict}")
        if self.missing:
            parts.append("not found: " + ", ".join(sorted(_brief(e.as_dict()) for e in self.missing)))
        if self.unexpected:
            parts.append("not annotated: " + ", ".join(sorted(_brief(f) for f in self.unexpected)))
        return "; ".join(parts)


def _brief(change: dict) -> str:
    phrase = change["b"] if change["b"] is not None else change["a"]
    # one line, and no field separator of known-failures.txt inside it
    phrase = " ".join(str(phrase).split()).replace("|", "/")
    return f"{change['dimension']} {change['kind']} {change['effect']} «{phrase}»"


@dataclass
class GateResult:
    """What the per-case gate says: failures nobody listed, listed ones that fail in
    another way, listed ones that now pass, and listed ids that are not in the corpus."""

    new: list[CaseResult] = field(default_factory=list)
    changed: list[tuple[CaseResult, KnownFailure]] = field(default_factory=list)
    fixed: list[tuple[CaseResult, KnownFailure]] = field(default_factory=list)
    known: list[tuple[CaseResult, KnownFailure]] = field(default_factory=list)
    stale: list[KnownFailure] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.new and not self.changed

    def status(self, result: CaseResult) -> str:
        """pass, fail (not listed), changed (listed, fails otherwise), known, fixed."""
        if any(r is result for r in self.new):
            return "fail"
        if any(r is result for r, _ in self.changed):
            return "changed"
        if any(r is result for r, _ in self.fixed):
            return "fixed"
        if any(r is result for r, _ in self.known):
            return "known"
        return "pass"


def gate(results: list[CaseResult], known: dict[str, KnownFailure] | None, *, all_cases: bool = True) -> GateResult | None:
    """Compare each case with the list of known failures. ``all_cases`` is False when only
    part of the corpus ran (one split): then listed ids outside it are not stale. None
    when the corpus keeps no list (only its thresholds gate)."""
    if known is None:
        return None
    out = GateResult()
    ids = set()
    for r in results:
        ids.add(r.case.id)
        listed = known.get(r.case.id)
        if r.ok:
            if listed is not None:
                out.fixed.append((r, listed))
        elif listed is None:
            out.new.append(r)
        elif listed.outcome != r.outcome:
            out.changed.append((r, listed))
        else:
            out.known.append((r, listed))
    if all_cases:
        out.stale = [k for k in known.values() if k.id not in ids]
    return out


def known_failures_text(results: list[CaseResult], known: dict[str, KnownFailure] | None) -> str:
    """known-failures.txt for the current run: every failing case with how it fails,
    keeping the notes already written."""
    lines = [
        "# Cases the detector gets wrong today: case id | how it fails | why (optional).",
        "# `wording-diff check` fails when a case not listed here fails, or a listed case fails",
        "# in another way; it reports listed cases that now pass. Rewrite this file with",
        "# `wording-diff check corpus/ --update-known-failures` after a deliberate change; the",
        "# list should only shrink.",
    ]
    for r in sorted(results, key=lambda r: (r.case.split, r.case.id)):
        if r.ok:
            continue
        note = known[r.case.id].note if known and r.case.id in known else ""
        lines.append(" | ".join(x for x in (r.case.id, r.outcome, note) if x))
    return "\n".join(lines) + "\n"


def score_case(case: Case, comparison, *, include_uncertain: bool = False) -> CaseResult:
    """Hold what the detector found against the annotation (``include_uncertain``: also the
    changes it does not report as findings, for measuring every rule)."""
    found = [c.as_dict() for c in comparison.changes(include_unchanged=True, include_uncertain=include_uncertain)]
    matched, missing, unexpected = match_changes(case.expect, found)
    return CaseResult(case, comparison.verdict, found, matched, missing, unexpected, getattr(comparison, "not_taken_up", False), getattr(comparison, "not_confirmed", False))


def match_changes(expect: list[Expected], found: list[dict]) -> tuple[list[tuple[Expected, dict]], list[Expected], list[dict]]:
    """Hold found changes (dicts as in the JSON) against annotated ones: the pairs that
    match, the annotated ones not found, and the found ones that bear on the claim but
    were not annotated."""
    used: set[int] = set()
    matched, missing = [], []
    for exp in expect:
        # One found replacement may join several phrases ("in de publieke ruimte / in de
        # politieorganisatie") and so answer several annotated ones.
        hit = next((i for i in range(len(found)) if i not in used and change_matches(exp, found[i])), None)
        if hit is None:
            hit = next((i for i in used if " / " in (found[i]["b"] or "") + (found[i]["a"] or "") and change_matches(exp, found[i])), None)
        if hit is None:
            missing.append(exp)
        else:
            used.add(hit)
            matched.append((exp, found[hit]))
    # Only changes that bear on the claim count against the detector: unchanged
    # qualifiers and neutral replacements are checked only where annotated.
    unexpected = [f for i, f in enumerate(found) if i not in used and f["kind"] != "unchanged" and f["effect"] != "neutral"]
    return matched, missing, unexpected


def _prf(tp_all: int, tp_changed: int, fp: int, fn: int) -> dict:
    precision = tp_changed / (tp_changed + fp) if tp_changed + fp else 1.0
    recall = tp_all / (tp_all + fn) if tp_all + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp_all, "fp": fp, "fn": fn}


def metrics(results: list[CaseResult]) -> dict:
    per_dim: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for exp, _ in r.matched:
            per_dim[exp.dimension]["tp"] += 1
            if exp.kind != "unchanged":
                per_dim[exp.dimension]["tp_changed"] += 1
        for exp in r.missing:
            per_dim[exp.dimension]["fn"] += 1
        for f in r.unexpected:
            per_dim[f["dimension"]]["fp"] += 1
    total = Counter()
    for c in per_dim.values():
        total.update(c)
    confusion = {v: {w: 0 for w in VERDICTS} for v in VERDICTS}
    for r in results:
        confusion[r.case.verdict][r.verdict] += 1
    correct = sum(r.verdict == r.case.verdict for r in results)
    overall = _prf(total["tp"], total["tp_changed"], total["fp"], total["fn"])
    overall["verdict_accuracy"] = round(correct / len(results), 4) if results else 0.0
    return {
        "cases": len(results),
        "cases_passing": sum(r.ok for r in results),
        "overall": overall,
        "per_dimension": {d: _prf(per_dim[d]["tp"], per_dim[d]["tp_changed"], per_dim[d]["fp"], per_dim[d]["fn"]) for d in DIMENSIONS if d in per_dim},
        "verdict_confusion": confusion,
    }


def metrics_by_split(results: list[CaseResult]) -> dict[str, dict]:
    splits = sorted({r.case.split for r in results if r.case.split})
    return {name: metrics([r for r in results if r.case.split == name]) for name in splits}


def split_gap(by_split: dict[str, dict]) -> dict[str, float]:
    """dev minus test, per overall figure: what tuning on dev costs on unseen cases."""
    if "dev" not in by_split or "test" not in by_split:
        return {}
    dev, test = by_split["dev"]["overall"], by_split["test"]["overall"]
    return {k: round(dev[k] - test[k], 4) for k in THRESHOLD_KEYS}


def threshold_failures(corpus: Corpus, m: dict, by_split: dict[str, dict] | None = None, *, whole: bool = True) -> list[str]:
    """The floors that a run falls below: the top-level ones for a run of the whole
    corpus, and those of each split (``splits:``) for the splits that ran."""
    out = []
    for key, floor in (corpus.thresholds.items() if whole else ()):
        got = m["overall"][key]
        if got < floor:
            out.append(f"{key} {got:.3f} < {floor:.3f}")
    for name, ths in corpus.per_split.items():
        got_split = (by_split or {}).get(name)
        if got_split is None:
            continue
        for key, floor in ths.items():
            got = got_split["overall"][key]
            if got < floor:
                out.append(f"{name} {key} {got:.3f} < {floor:.3f}")
    for dim, ths in (corpus.per_dimension.items() if whole else ()):
        got_dim = m["per_dimension"].get(dim)
        for key, floor in ths.items():
            got = got_dim[key] if got_dim and key in got_dim else 0.0
            if got < floor:
                out.append(f"{dim} {key} {got:.3f} < {floor:.3f}")
    return out
