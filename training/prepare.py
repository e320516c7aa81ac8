"""Convert the UD Dutch treebanks into spaCy DocBin files for training.

Training data: nl_alpino-ud-test, nl_lassysmall-ud-dev and nl_lassysmall-ud-test.
Every tenth multi-sentence document of those is also written apart as the *tuning* set
(``tune.spacy``) for experiments; ``train-all.spacy`` holds all of them. nl_alpino-ud-dev is the held-out evaluation
set: it is converted only into ``heldout.spacy`` and never seen by the trainer.

Lemmas: UD Alpino marks compound parts with underscores (``politie_organisatie``,
``door_gaan``). The tool matches on the written-together form, so the underscores are
removed before training; the pipeline therefore predicts ``politieorganisatie``.

Usage: python training/prepare.py UD_DIR OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

TRAIN_FILES = (
    "nl_alpino-ud-test.conllu",
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
)
HELDOUT_FILE = "nl_alpino-ud-dev.conllu"
SENTENCES_PER_DOC = 10
TUNE_EVERY = 10


def normalise_lemma_column(conllu: str) -> str:
    """Drop compound underscores from the LEMMA column (keep a lone ``_``)."""
    out = []
    for line in conllu.splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[2] != "_" and "_" in cols[2]:
                cols[2] = cols[2].replace("_", "")
                line = "\t".join(cols)
        out.append(line)
    return "\n".join(out) + "\n"


def read_docs(path: Path, normalise: bool):
    text = path.read_text(encoding="utf8")
    if normalise:
        text = normalise_lemma_column(text)
    return list(
        conllu_to_docs(text, n_sents=SENTENCES_PER_DOC, merge_subtokens=True, no_print=True)
    )


def main(ud_dir: str, out_dir: str) -> None:
    ud, out = Path(ud_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    train, tune = DocBin(store_user_data=False), DocBin(store_user_data=False)
    n_train = n_tune = 0
    for name in TRAIN_FILES:
        for i, doc in enumerate(read_docs(ud / name, normalise=True)):
            if i % TUNE_EVERY == TUNE_EVERY - 1:
                tune.add(doc)
                n_tune += len(doc)
            else:
                train.add(doc)
                n_train += len(doc)
    heldout = DocBin(store_user_data=False)
    n_held = 0
    for doc in read_docs(ud / HELDOUT_FILE, normalise=False):
        heldout.add(doc)
        n_held += len(doc)
    heldout_norm = DocBin(store_user_data=False)
    for doc in read_docs(ud / HELDOUT_FILE, normalise=True):
        heldout_norm.add(doc)
    train.to_disk(out / "train.spacy")
    tune.to_disk(out / "tune.spacy")
    # The bundled pipeline trains on train + tune for a fixed number of steps and keeps
    # the last model (see training/README.md); tune.spacy then only shows progress.
    everything = DocBin(store_user_data=False)
    everything.merge(train)
    everything.merge(tune)
    everything.to_disk(out / "train-all.spacy")
    heldout.to_disk(out / "heldout.spacy")
    heldout_norm.to_disk(out / "heldout-normalised.spacy")
    print(f"train {n_train} tokens, tune {n_tune} tokens, held-out {n_held} tokens -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/prepare.py UD_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
