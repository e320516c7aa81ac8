"""Measure how reliable each rule is on an annotated corpus split, for the verdict.

    python tools/calibrate.py corpus/dev            # writes src/wording_diff/diff/reliability.json

For every change the detector reports (added, removed or replaced, and not neutral), it
counts whether an annotator listed it too (a true positive) or not (a false positive),
under each of the change's rule keys (diff/verdict.py: ``rule_keys``). The weight of a key
is its precision with one success and one failure added: (tp + 1) / (tp + fp + 2). A
change read from B's stance (a restriction after the fact) is counted right when the
annotator's verdict goes its way (``VERDICT_RULES``).
Run it on the dev split only: the test split measures, it does not tune.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from wording_diff.api import check_corpus
from wording_diff.corpus import load_corpus
from wording_diff.diff.verdict import RELIABILITY, found_keys

# Changes that stand for B's stance towards A rather than for words in a slot ("Met het
# woord «regeling» wordt bedoeld dat …" narrows A to that reading): the verdicts they agree with.
VERDICT_RULES = {"claim:restriction": ("narrowed", "mixed")}


def calibrate(corpus: str) -> dict:
    result = check_corpus(corpus, include_uncertain=True)
    counts: dict[str, Counter] = {}
    for r in result.results:
        matched_ids = {id(f) for _, f in r.matched}
        for f in r.found:
            if f["kind"] == "unchanged" or f["effect"] == "neutral":
                continue
            outcome = "tp" if id(f) in matched_ids else "fp"
            if f["rule"] in VERDICT_RULES:
                # a change read from B's stance names no words an annotator would list:
                # it is right when the annotator's verdict goes its way
                outcome = "tp" if r.case.verdict in VERDICT_RULES[f["rule"]] else "fp"
            for key in found_keys(f):
                counts.setdefault(key, Counter())[outcome] += 1
        # a question none of whose claims the answer takes up: does the annotator say narrowed?
        # a question the answer neither confirms nor restates, or does not take up at all:
        # does the annotator say narrowed?
        if r.not_confirmed:
            counts.setdefault("verdict|not-confirmed", Counter())["tp" if r.case.verdict == "narrowed" else "fp"] += 1
    rules = {
        key: {"tp": c["tp"], "fp": c["fp"], "weight": round((c["tp"] + 1) / (c["tp"] + c["fp"] + 2), 4)}
        for key, c in sorted(counts.items())
    }
    return {
        "about": "How often a change of each rule key found by the detector was also listed by an annotator (precision with one success and one failure added). Made by tools/calibrate.py from the corpus's dev split; the verdict weighs each change by it (diff/verdict.py).",
        "source": {"corpus": str(Path(corpus)), "cases": len(result.results), "splits": sorted({r.case.split for r in result.results})},
        "rules": rules,
    }


def main(argv: list[str]) -> int:
    corpus = argv[1] if len(argv) > 1 else "corpus/dev"
    if any(case.split == "test" for case in load_corpus(corpus).cases):
        print("refusing to calibrate on the test split: it measures, it does not tune", file=sys.stderr)
        return 2
    data = calibrate(corpus)
    RELIABILITY.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf8")
    print(f"{len(data['rules'])} rule keys from {data['source']['cases']} cases -> {RELIABILITY}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
