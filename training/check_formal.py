"""How often a pipeline gets the inputs of the qualifier rules right on formal text.

    python training/check_formal.py [LABEL=]PIPELINE_DIR ... [--gold training/formal-gold.yaml] [--json OUT]

For every sentence of training/formal-gold.yaml (hand-annotated, see its header) the
pipeline parses the sentence as the tool does (rule-based sentence marks before the
parser) and is scored on

* PP head: the preposition is ``case`` of the gold head noun (what the PP rules of
  ``scope_qualifiers`` read), and, stricter, that noun is also tagged nominal (the rules
  only fire on NOUN/PROPN/PRON/NUM/X/SYM);
* negation: ``niet``/``geen`` hangs on the word it negates (the predicate rule reads the
  predicate's negating children, the negated-object rule reads ``geen`` as ``det`` of the
  object noun);
* agent: ``door`` is ``case`` of the agent's head noun, and, stricter, that noun also hangs
  on the word the agent phrase attaches to.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
import yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "src"))
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"}


def load(path: str):
    from wording_diff import sentences  # noqa: F401  registers the sentence component

    nlp = spacy.load(path)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("wording_diff_sentences", before="parser")
    return nlp


def idx(ref: str) -> set[int]:
    return {int(alt.rsplit("_", 1)[1]) for alt in ref.split("|")}


def word(ref: str) -> str:
    return ref.split("|")[0].rsplit("_", 1)[0]


def score(nlp, gold: list[dict]) -> dict:
    n = {k: 0 for k in ("pp", "pp_right", "pp_nominal", "neg", "neg_right", "agent", "agent_noun", "agent_attach", "misaligned")}
    errors = []
    for sent in gold:
        doc = nlp(sent["text"])
        refs = [r for group in ("pp", "negation", "agent") for item in sent.get(group, []) for r in item]
        if any(max(idx(r)) >= len(doc) or doc[min(idx(r))].text != word(r) for r in refs):
            n["misaligned"] += 1
            continue
        for prep, noun in sent.get("pp", []):
            p = doc[min(idx(prep))]
            n["pp"] += 1
            ok = p.dep_ == "case" and p.head.i in idx(noun)
            n["pp_right"] += ok
            n["pp_nominal"] += ok and p.head.pos_ in NOMINAL
            if not ok:
                errors.append(f"{sent['id']}: pp {prep} -> {noun}: got {p.dep_} of {p.head.text}_{p.head.i}")
        for neg, target in sent.get("negation", []):
            t = doc[min(idx(neg))]
            n["neg"] += 1
            ok = t.head.i in idx(target)
            n["neg_right"] += ok
            if not ok:
                errors.append(f"{sent['id']}: negation {neg} -> {target}: got {t.dep_} of {t.head.text}_{t.head.i}")
        for door, noun, attach in sent.get("agent", []):
            d = doc[min(idx(door))]
            n["agent"] += 1
            ok = d.dep_ == "case" and d.head.i in idx(noun)
            n["agent_noun"] += ok
            n["agent_attach"] += ok and d.head.head.i in idx(attach)
            if not (ok and d.head.head.i in idx(attach)):
                errors.append(f"{sent['id']}: agent {door} {noun} -> {attach}: got {d.dep_} of {d.head.text}_{d.head.i}, which hangs on {d.head.head.text}_{d.head.head.i}")
    rate = lambda a, b: round(n[a] / n[b], 4) if n[b] else None  # noqa: E731
    return {
        "pp_head": rate("pp_right", "pp"),
        "pp_head_nominal": rate("pp_nominal", "pp"),
        "negation": rate("neg_right", "neg"),
        "agent_noun": rate("agent_noun", "agent"),
        "agent_noun_and_attachment": rate("agent_attach", "agent"),
        "counts": n,
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pipelines", nargs="+", help="LABEL=PATH or PATH")
    ap.add_argument("--gold", default=str(HERE / "formal-gold.yaml"))
    ap.add_argument("--json", help="write all results (with the errors) here")
    ap.add_argument("--errors", action="store_true", help="print each wrong item")
    args = ap.parse_args()
    gold = yaml.safe_load(Path(args.gold).read_text(encoding="utf8"))["sentences"]
    results = {}
    for spec in args.pipelines:
        label, _, path = spec.rpartition("=")
        results[label or path] = score(load(path), gold)
    c = next(iter(results.values()))["counts"]
    print(f"{len(gold)} sentences: {c['pp']} PPs, {c['neg']} negations, {c['agent']} agents")
    print(f"{'pipeline':<22} {'PP head':>8} {'+nominal':>9} {'negation':>9} {'agent':>7} {'+attach':>8}")
    for label, r in results.items():
        print(f"{label:<22} {r['pp_head']:>8.3f} {r['pp_head_nominal']:>9.3f} {r['negation']:>9.3f} {r['agent_noun']:>7.3f} {r['agent_noun_and_attachment']:>8.3f}"
              + (f"  ({r['counts']['misaligned']} sentences misaligned)" if r["counts"]["misaligned"] else ""))
        if args.errors:
            for e in r["errors"]:
                print("   ", e)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
