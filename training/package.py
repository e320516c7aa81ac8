"""Package a trained pipeline into the wording-diff source tree and measure it.

    python training/package.py TRAINED_DIR TARGET_DIR CORPUS_DIR [--evaluate-only]

Copies TRAINED_DIR (spaCy's model-last) to TARGET_DIR, evaluates it on the held-out
UD Alpino dev set (CORPUS_DIR/heldout.spacy, made by prepare.py), compares lemmatizers,
measures words per second, and writes the scores into TARGET_DIR/meta.json under
``heldout_scores`` (read by ``wording-diff models``) and into training/scores.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

HERE = Path(__file__).parent
CLOSED = {"ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM"}


def norm(lemma: str) -> str:
    return lemma.replace("_", "").lower()


def examples(nlp, path: Path) -> list[Example]:
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    return [Example(nlp.make_doc(d.text), d) for d in docs]


def lemma_scores(pred_docs, gold_docs, choose) -> tuple[float, float]:
    """(strict, normalised) lemma accuracy over tokens whose tokenisation agrees."""
    strict = normed = total = 0
    for pred, gold in zip(pred_docs, gold_docs):
        gold_by_span = {(t.idx, len(t.text)): t for t in gold}
        for tok in pred:
            g = gold_by_span.get((tok.idx, len(tok.text)))
            if g is None or not g.lemma_:
                continue
            guess = choose(tok)
            total += 1
            strict += guess == g.lemma_
            normed += norm(guess) == norm(g.lemma_)
    return strict / total, normed / total


def rule_lemmatizer(mode: str):
    nlp = spacy.blank("nl")
    lem = nlp.add_pipe("lemmatizer", config={"mode": mode, "overwrite": True})
    nlp.initialize()
    return lem


def evaluate(target: Path, corpus: Path) -> dict:
    nlp = spacy.load(target)
    heldout = corpus / "heldout.spacy"
    exs = examples(nlp, heldout)
    raw = nlp.evaluate(exs)
    scores = {k: round(float(raw[k]), 4) for k in ("pos_acc", "morph_acc", "dep_uas", "dep_las", "lemma_acc", "sents_p", "sents_r", "sents_f") if raw.get(k) is not None}

    # Sentence boundaries as the tool runs: rule-based marks before the parser.
    nlp_rules = spacy.load(target)
    nlp_rules.add_pipe("wording_diff_sentences", before="parser")
    with_rules = nlp_rules.evaluate(examples(nlp_rules, heldout))
    scores["sents_f_with_rules"] = round(float(with_rules["sents_f"]), 4)
    scores["dep_las_with_rules"] = round(float(with_rules["dep_las"]), 4)

    # Lemmatizers on the same predicted POS: trainable vs lookup tables vs combinations.
    gold_docs = [ex.reference for ex in exs]
    texts = [d.text for d in gold_docs]
    pred_docs = list(nlp.pipe(texts))
    lemmas = {}
    lemmas["trainable"] = lemma_scores(pred_docs, gold_docs, lambda t: t.lemma_)
    try:
        for mode in ("rule", "lookup"):
            lem = rule_lemmatizer(mode)
            table = {}
            for doc in pred_docs:
                copy = doc.copy()
                lem(copy)
                for tok, new in zip(doc, copy):
                    table[(doc, tok.i)] = new.lemma_
            lemmas[mode] = lemma_scores(pred_docs, gold_docs, lambda t, table=table: table[(t.doc, t.i)])
            lemmas[f"{mode} for closed classes + trainable"] = lemma_scores(
                pred_docs, gold_docs, lambda t, table=table: table[(t.doc, t.i)] if t.pos_ in CLOSED else t.lemma_
            )
    except (ImportError, ValueError, OSError) as exc:
        lemmas["note"] = f"spacy-lookups-data not available: {exc}"
    scores["lemma_acc_normalised"] = round(lemmas["trainable"][1], 4)
    scores["lemmatizers"] = {k: {"strict": round(v[0], 4), "normalised": round(v[1], 4)} if isinstance(v, tuple) else v for k, v in lemmas.items()}

    words = sum(len(d) for d in gold_docs)
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = max(best, words / (time.perf_counter() - start))
    scores["words_per_second"] = round(best)
    scores["evaluated_on"] = "nl_alpino-ud-dev.conllu (held out, 718 sentences, 11,541 words)"
    return scores


def clean_training_config(path: Path) -> None:
    """The shipped config names the canonical corpus paths and no experiment callbacks (a
    candidate trained by training/candidates.sh saves snapshots on the way)."""
    from thinc.api import Config

    config = Config().from_disk(path, interpolate=False)
    config["paths"]["train"] = "training/corpus/train-all.spacy"
    config["paths"]["dev"] = "training/corpus/tune.spacy"
    config["training"]["before_update"] = None
    config.to_disk(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("trained")
    ap.add_argument("target")
    ap.add_argument("corpus")
    ap.add_argument("--evaluate-only", action="store_true")
    args = ap.parse_args()
    trained, target, corpus = Path(args.trained), Path(args.target), Path(args.corpus)
    sys.path.insert(0, str(HERE.parent / "src"))
    if not args.evaluate_only:
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(trained, target)
        clean_training_config(target / "config.cfg")
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        {
            "name": "wording_diff",
            "version": "0.2.0",
            "description": "Small Dutch pipeline (tok2vec, morphologizer, parser, trainable lemmatizer) bundled with wording-diff.",
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD Dutch Alpino (test split, three copies)", "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino", "license": "CC BY-SA 4.0"},
                {"name": "UD Dutch LassySmall (dev and test splits)", "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall", "license": "CC BY-SA 4.0"},
                {"name": "UD Dutch LassySmall train split of 2017-02-01 (commit ccd0244), sentences not in the other files, relabelled to current conventions", "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall", "license": "CC BY-SA 4.0"},
            ],
            "notes": "Lemmas are trained without the compound underscores of UD Alpino (politie_organisatie -> politieorganisatie). The 2017 LassySmall split is relabelled by training/prepare.py (see training/README.md).",
        }
    )
    meta["performance"] = {}
    meta["heldout_scores"] = evaluate(target, corpus)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    (HERE / "scores.json").write_text(json.dumps(meta["heldout_scores"], indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(meta["heldout_scores"], indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
