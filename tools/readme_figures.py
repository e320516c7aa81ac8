"""Rewrite the corpus figures in README.md (dev and test, per dimension) from a run of
`wording-diff check corpus/`.

    python tools/readme_figures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from blocks import replace_block  # tools/blocks.py

from wording_diff.api import check_corpus
from wording_diff.vocabulary import DIMENSIONS

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def table(result) -> str:
    dev, test = result.by_split["dev"], result.by_split["test"]
    lines = [
        "| dimension | dev P | dev R | dev F1 | test P | test R | test F1 |",
        "|---|---|---|---|---|---|---|",
    ]

    def cells(m, dim):
        s = m["per_dimension"].get(dim)
        return ("–", "–", "–") if s is None else (f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}")

    for dim in DIMENSIONS:
        lines.append(f"| {dim} | " + " | ".join(cells(dev, dim)) + " | " + " | ".join(cells(test, dim)) + " |")
    d, t = dev["overall"], test["overall"]
    lines.append(
        f"| **overall** | **{d['precision']:.2f}** | **{d['recall']:.2f}** | **{d['f1']:.2f}** | "
        f"**{t['precision']:.2f}** | **{t['recall']:.2f}** | **{t['f1']:.2f}** |"
    )
    lines += [
        "",
        f"Verdict accuracy: dev **{d['verdict_accuracy']:.2f}** ({dev['cases']} cases), test **{t['verdict_accuracy']:.2f}** "
        f"({test['cases']} cases); the gap (dev − test) is {result.gap['verdict_accuracy']:+.2f} in verdict accuracy and "
        f"{result.gap['f1']:+.2f} in F1. Model {result.model.name} {result.model.version}.",
    ]
    return "\n".join(lines)


def main() -> int:
    result = check_corpus(str(ROOT / "corpus"))
    replace_block(README, START, END, "\n" + table(result) + "\n")
    print(table(result))
    return 0

if __name__ == "__main__":
    sys.exit(main())
