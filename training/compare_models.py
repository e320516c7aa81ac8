"""Measure candidate pipelines side by side: the table in training/README.md.

    python training/compare_models.py LABEL=PIPELINE_DIR ... --baseline LABEL
        [--corpus training/corpus] [--docs 300] [--rounds 3] [--json OUT]

For every pipeline, on the held-out set made by prepare.py (CORPUS/heldout.spacy,
nl_alpino-ud-dev, never trained on):

* POS, UAS, LAS, strict ``lemma_acc`` (against the UD lemma, underscores and case kept)
  and the lemma as the tool matches it (underscores removed, case folded), as package.py
  computes them;
* sentence F on formal text: training/formal-sentences.yaml (18 answers from Kamervragen,
  76 sentences, boundaries set by hand), scored on exact sentence spans, once with the
  parser alone and once as the tool runs (its rule-based sentence component before the
  parser; those marks are final, so this figure is the same for every parser);
* words per second: the answer texts of the first DOCS records of
  ../shared/data/kamervragen-bulk/SSC-…validation.jsonl, parsed with ``nlp.pipe(texts,
  batch_size=32)`` with the tool's sentence component in place, every pipeline in turn
  in each of ROUNDS rounds (the order rotates), best round kept; reported with the ratio
  to the BASELINE pipeline from the same run;
* size on disk.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy
import yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
from package import examples, lemma_scores  # noqa: E402

BULK = HERE.parent.parent / "shared" / "data" / "kamervragen-bulk" / "SSC-ICT-Innovatie_LearningLion-FineTuneEmbeddings_validation.jsonl"


def load(path: str, rules: bool):
    from wording_diff import sentences  # noqa: F401  registers the sentence component

    nlp = spacy.load(path)
    if rules and "parser" in nlp.pipe_names:
        nlp.add_pipe("wording_diff_sentences", before="parser")
    return nlp


def size_mb(path: str) -> float:
    return round(sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6, 1)


def heldout(path: str, corpus: Path) -> dict:
    nlp = load(path, rules=False)
    exs = examples(nlp, corpus / "heldout.spacy")
    raw = nlp.evaluate(exs)
    gold = [ex.reference for ex in exs]
    pred = list(nlp.pipe([d.text for d in gold]))
    strict, normed = lemma_scores(pred, gold, lambda t: t.lemma_)
    return {
        "pos_acc": round(raw["pos_acc"], 4),
        "dep_uas": round(raw["dep_uas"], 4),
        "dep_las": round(raw["dep_las"], 4),
        "lemma_acc": round(raw["lemma_acc"], 4),
        "lemma_acc_normalised": round(normed, 4),
        "morph_acc": round(raw["morph_acc"], 4),
        "sents_f_treebank": round(raw["sents_f"], 4),
    }


def spans(text: str, cuts: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Sentence spans trimmed to their first and last non-space character."""
    out = set()
    for start, end in cuts:
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.add((start + lead, start + len(chunk.rstrip())))
    return out


def formal_sentence_f(nlp, texts: list[dict]) -> float:
    right = n_pred = n_gold = 0
    for item in texts:
        text = item["text"]
        gold_cuts, pos = [], 0
        for sent in item["sentences"]:
            start = text.index(sent, pos)
            gold_cuts.append((start, start + len(sent)))
            pos = start + len(sent)
        gold = spans(text, gold_cuts)
        doc = nlp(text)
        pred = spans(text, [(s.start_char, s.end_char) for s in doc.sents])
        right += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r = right / n_pred, right / n_gold
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def speed(pipes: dict, texts: list[str], rounds: int) -> dict:
    words = None
    best = {label: 0.0 for label in pipes}
    labels = list(pipes)
    for r in range(rounds):
        order = labels[r % len(labels):] + labels[: r % len(labels)]
        for label in order:
            nlp = pipes[label]
            start = time.perf_counter()
            n = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=32))
            elapsed = time.perf_counter() - start
            words = n if words is None else words
            best[label] = max(best[label], n / elapsed)
            print(f"  round {r + 1} {label}: {n / elapsed:,.0f} words/s", file=sys.stderr)
    return {label: round(v) for label, v in best.items()}, words


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pipelines", nargs="+", help="LABEL=PATH")
    ap.add_argument("--baseline", required=True, help="label of the pipeline the speeds are divided by")
    ap.add_argument("--corpus", default=str(HERE / "corpus"))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    models = dict(spec.split("=", 1) for spec in args.pipelines)
    corpus = Path(args.corpus)
    formal = yaml.safe_load((HERE / "formal-sentences.yaml").read_text(encoding="utf8"))["texts"]
    rows = {}
    for label, path in models.items():
        row = heldout(path, corpus)
        row["sents_f_formal_parser"] = formal_sentence_f(load(path, rules=False), formal)
        row["sents_f_formal_tool"] = formal_sentence_f(load(path, rules=True), formal)
        row["size_mb"] = size_mb(path)
        rows[label] = row
        print(f"{label}: {row}", file=sys.stderr)
    records = [json.loads(line) for line in BULK.read_text(encoding="utf8").splitlines()[: args.docs]]
    texts = [r["answer_text"] for r in records if r.get("answer_text")]
    pipes = {label: load(path, rules=True) for label, path in models.items()}
    for nlp in pipes.values():  # warm up
        list(nlp.pipe(texts[:20]))
    wps, words = speed(pipes, texts, args.rounds)
    for label in rows:
        rows[label]["words_per_second"] = wps[label]
        rows[label]["speed_ratio"] = round(wps[label] / wps[args.baseline], 2)
    cols = [("POS", "pos_acc"), ("UAS", "dep_uas"), ("LAS", "dep_las"), ("lemma strict", "lemma_acc"),
            ("lemma matched", "lemma_acc_normalised"), ("sent F formal (parser / tool)", None),
            ("words/s", "words_per_second"), ("× baseline", "speed_ratio"), ("MB", "size_mb")]
    print(f"\nheld-out: nl_alpino-ud-dev; speed: {len(texts)} answer texts, {words:,} words, best of {args.rounds} rounds\n")
    print("| candidate | " + " | ".join(c for c, _ in cols) + " |")
    print("|---|" + "---|" * len(cols))
    for label, row in rows.items():
        cells = []
        for _, key in cols:
            if key is None:
                cells.append(f"{row['sents_f_formal_parser']:.3f} / {row['sents_f_formal_tool']:.3f}")
            elif key == "words_per_second":
                cells.append(f"{row[key]:,}")
            elif key in ("speed_ratio", "size_mb"):
                cells.append(f"{row[key]}")
            else:
                cells.append(f"{row[key]:.4f}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "speed_words": words, "speed_texts": len(texts), "rounds": args.rounds}, indent=2) + "\n")


if __name__ == "__main__":
    main()
