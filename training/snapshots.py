"""A training callback that saves the pipeline at given steps (training/candidates.sh).

One run of N steps then gives the candidates trained for fewer steps too: the run is the
same up to that step (fixed seed, no learning-rate schedule that depends on N).
"""

from __future__ import annotations

from pathlib import Path

from spacy.util import registry


@registry.callbacks("wording_diff.snapshots.v1")
def make_snapshots(steps: list[int], path: str):
    wanted = set(steps)

    def before_update(nlp, args):
        # Called before update number args["step"]: the weights hold args["step"] updates.
        if args["step"] in wanted:
            nlp.to_disk(Path(path) / f"step-{args['step']}")

    return before_update
