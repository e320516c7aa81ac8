"""How far two careful readers agree on the verdicts, beside how far the detector agrees.

    python tools/agreement.py [corpus]

Reads tools/second-reading.yaml (a second reader's verdicts for some cases of the corpus,
given from the texts and the annotation guide alone) and the corpus's annotated verdicts,
and prints, per split and for all those cases together: the share of cases on which the two
readings agree and Cohen's kappa, the detector's verdict accuracy on the same cases, and
the confusion between the two readings.

Then tools/second-reading-changes.yaml (another reader's verdicts and changes for the whole
test split, given the same way): its changes held against the annotation exactly as
``wording-diff check`` holds the detector's (precision, recall and F1, per dimension), beside
the detector's on the same cases.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wording_diff.api import check_corpus  # noqa: E402
from wording_diff.corpus import CaseResult, match_changes, metrics  # noqa: E402
from wording_diff.vocabulary import VERDICTS  # noqa: E402

SECOND = Path(__file__).with_name("second-reading.yaml")
SECOND_CHANGES = Path(__file__).with_name("second-reading-changes.yaml")


def kappa(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two readings."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main(corpus: str) -> int:
    second = {k: v["verdict"] for k, v in yaml.safe_load(SECOND.read_text(encoding="utf8"))["verdicts"].items()}
    report = check_corpus(corpus)
    rows = defaultdict(list)
    for result in report.results:
        case = result.case
        if case.id in second:
            row = (case.verdict, second[case.id], result.verdict)
            rows[case.split].append(row)
            rows["all"].append(row)
    missing = set(second) - {case_id for r in report.results for case_id in [r.case.id]}
    if missing:
        print(f"not in the corpus: {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    print(f"{'cases':<8}{'n':>5}{'readers agree':>15}{'kappa':>8}{'detector':>10}")
    for name in sorted(rows, key=lambda k: (k == "all", k)):
        got = rows[name]
        agree, k = kappa([(a, b) for a, b, _ in got])
        detector = sum(a == d for a, _, d in got) / len(got)
        print(f"{name:<8}{len(got):>5}{agree:>15.3f}{k:>8.3f}{detector:>10.3f}")
    print("\nannotated (rows) against the second reading (columns), all cases:")
    confusion = Counter((a, b) for a, b, _ in rows["all"])
    print(" " * 11 + "".join(f"{v[:9]:>10}" for v in VERDICTS))
    for a in VERDICTS:
        print(f"{a:<11}" + "".join(f"{confusion[(a, b)]:>10}" for b in VERDICTS))
    return changes(report)


def changes(report) -> int:
    """The second reading's changes scored against the annotation as the detector's are."""
    readings = yaml.safe_load(SECOND_CHANGES.read_text(encoding="utf8"))["cases"]
    by_id = {r.case.id: r for r in report.results}
    missing = set(readings) - set(by_id)
    if missing:
        print(f"not in the corpus: {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    second, detector = [], []
    for case_id, reading in readings.items():
        result = by_id[case_id]
        second.append(CaseResult(result.case, reading["verdict"], reading["expect"], *match_changes(result.case.expect, reading["expect"])))
        detector.append(result)
    ours, theirs = metrics(second), metrics(detector)
    print(f"\nchanges of {len(second)} cases ({SECOND_CHANGES.name}) held against the annotation:")
    print(f"{'':<14}{'second reader P / R / F1':>28}{'detector P / R / F1':>24}")
    for dim in ["overall", *ours["per_dimension"]]:
        a = ours["overall"] if dim == "overall" else ours["per_dimension"][dim]
        b = theirs["overall"] if dim == "overall" else theirs["per_dimension"].get(dim, {"precision": 0.0, "recall": 0.0, "f1": 0.0})
        print(f"{dim:<14}{a['precision']:>14.3f}{a['recall']:>7.3f}{a['f1']:>7.3f}{b['precision']:>10.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}")
    print(f"verdicts: the second reader agrees on {ours['overall']['verdict_accuracy']:.3f}, the detector on {theirs['overall']['verdict_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "corpus")))
