"""Lemma accuracy of the tool's whole parse on the held-out treebank, with and without the
lemma lookup the tool adds at load time (src/wording_diff/lemmas.py).

    python training/check_lemmas.py [--errors N]

Reads ../shared/data/ud/nl_alpino-ud-dev.conllu (never trained on), parses each sentence's
text with the bundled pipeline as the tool loads it (run-on splitting, sentence rules), and
scores the lemma as the tool matches it (underscores removed, case folded) on the sentences
the tool splits into as many tokens as the treebank has (token by token): all tokens, and
verbs (UPOS VERB or AUX).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "src"))
HELDOUT = HERE.parent.parent / "shared" / "data" / "ud" / "nl_alpino-ud-dev.conllu"


def sentences(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    out, words, text = [], [], ""
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            if words:
                out.append((text, words))
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                words.append((cols[1], cols[2], cols[3]))
    if words:
        out.append((text, words))
    return out


def norm(lemma: str) -> str:
    return lemma.replace("_", "").lower()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="list the N most frequent verb lemmas still wrong")
    args = ap.parse_args()
    from wording_diff.pipeline import LEMMA_PIPE, QUALIFIER_PIPE, load_pipeline

    nlp, _ = load_pipeline()
    gold = sentences(HELDOUT)
    for repaired in (False, True):
        names = [n for n in nlp.pipe_names if n != QUALIFIER_PIPE and (repaired or n != LEMMA_PIPE)]
        right = total = verbs_right = verbs = 0
        wrong: collections.Counter = collections.Counter()
        with nlp.select_pipes(enable=names):
            for doc, (_, words) in zip(nlp.pipe([t for t, _ in gold], batch_size=64), gold):
                if len(doc) != len(words):
                    continue
                for tok, (form, lemma, upos) in zip(doc, words):
                    ok = norm(tok.lemma_) == norm(lemma)
                    total += 1
                    right += ok
                    if upos in ("VERB", "AUX"):
                        verbs += 1
                        verbs_right += ok
                        if not ok:
                            wrong[(form.lower(), tok.lemma_, lemma)] += 1
        label = "with the lookup" if repaired else "without"
        print(f"{label:16} lemma {right / total:.4f}  verbs {verbs_right / verbs:.4f}  ({total} tokens, {verbs} verbs)")
        if repaired and args.errors:
            for (form, guess, lemma), n in wrong.most_common(args.errors):
                print(f"  {n:3}  {form}: {guess} (treebank: {lemma})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
