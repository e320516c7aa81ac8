"""Curated corpora of annotated statement pairs, and the metrics of ``wording-diff check``.

A corpus is a folder with ``thresholds.yaml`` and case files (``*.yaml``/``*.yml``/``*.json``,
searched recursively). A case file holds one case (a mapping) or a list of cases under
``cases:``. Each case: ``id``, ``source``, ``a``, ``b``, ``verdict``, ``expect`` (a list of
``{dimension, kind, a, b, effect}``). See corpus/README.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import WordingDiffError
from .qualifiers.lexicon import DIMENSIONS

KINDS = ("added", "removed", "replaced", "unchanged")
EFFECTS = ("narrows", "broadens", "neutral", "reverses", "unclear")
VERDICTS = ("narrowed", "broadened", "mixed", "unchanged", "reversed")
THRESHOLD_KEYS = ("precision", "recall", "f1", "verdict_accuracy")
THRESHOLDS_FILE = "thresholds.yaml"


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


@dataclass
class Corpus:
    path: Path
    cases: list[Case]
    thresholds: dict[str, float]
    per_dimension: dict[str, dict[str, float]] = field(default_factory=dict)


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
    )


def load_corpus(folder: str | Path) -> Corpus:
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"{root}: no such corpus folder")
    if not root.is_dir():
        raise CorpusError(f"{root}: a corpus is a folder (with {THRESHOLDS_FILE} and case files)")
    tpath = root / THRESHOLDS_FILE
    if not tpath.exists():
        raise CorpusError(f"{tpath}: missing (the corpus thresholds: {', '.join(THRESHOLD_KEYS)})")
    raw_t = _load_file(tpath)
    if not isinstance(raw_t, dict):
        raise CorpusError(f"{tpath}: must be a mapping of {', '.join(THRESHOLD_KEYS)}")
    thresholds, per_dim = {}, {}
    for key, value in raw_t.items():
        if key == "per_dimension":
            if not isinstance(value, dict):
                raise CorpusError(f"{tpath}: field 'per_dimension' must map dimensions to thresholds")
            for dim, th in value.items():
                if dim not in DIMENSIONS or not isinstance(th, dict):
                    raise CorpusError(f"{tpath}: per_dimension.{dim} is not a dimension with thresholds")
                per_dim[dim] = {k: _fraction(v, tpath, f"per_dimension.{dim}.{k}") for k, v in th.items() if k in THRESHOLD_KEYS}
        elif key in THRESHOLD_KEYS:
            thresholds[key] = _fraction(value, tpath, key)
        else:
            raise CorpusError(f"{tpath}: unknown field '{key}'; use {', '.join(THRESHOLD_KEYS)} or per_dimension")
    cases, seen = [], {}
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.name != THRESHOLDS_FILE and p.is_file())
    for path in files:
        data = _load_file(path)
        items = data.get("cases") if isinstance(data, dict) and "cases" in data else [data]
        if not isinstance(items, list):
            raise CorpusError(f"{path}: field 'cases' must be a list")
        for n, raw in enumerate(items):
            case = _case(raw, path, n)
            if case.id in seen:
                raise CorpusError(f"{path}: case id {case.id!r} is also used in {seen[case.id]}")
            seen[case.id] = str(path)
            cases.append(case)
    if not cases:
        raise CorpusError(f"{root}: no cases found (*.yaml, *.yml or *.json)")
    return Corpus(root, cases, thresholds, per_dim)


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
    return e == f or e in parts or (len(e) >= 3 and (e in f or any(p and p in e for p in parts)))


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

    @property
    def ok(self) -> bool:
        return self.verdict == self.case.verdict and not self.missing and not self.unexpected


def score_case(case: Case, comparison) -> CaseResult:
    found = [c.as_dict() for c in comparison.changes(include_unchanged=True)]
    used: set[int] = set()
    matched, missing = [], []
    for exp in case.expect:
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
    return CaseResult(case, comparison.verdict, found, matched, missing, unexpected)


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


def threshold_failures(corpus: Corpus, m: dict) -> list[str]:
    out = []
    for key, floor in corpus.thresholds.items():
        got = m["overall"][key]
        if got < floor:
            out.append(f"{key} {got:.3f} < {floor:.3f}")
    for dim, ths in corpus.per_dimension.items():
        got_dim = m["per_dimension"].get(dim)
        for key, floor in ths.items():
            got = got_dim[key] if got_dim and key in got_dim else 0.0
            if got < floor:
                out.append(f"{dim} {key} {got:.3f} < {floor:.3f}")
    return out
