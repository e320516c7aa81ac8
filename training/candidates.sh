#!/bin/sh
# Train one candidate configuration of the bundled pipeline (see training/README.md).
#
#   sh training/candidates.sh NAME CORPUS_DIR OUT_DIR
#
# Every candidate starts from training/config.cfg (seed 0, 6,000 steps) and differs only by
# the overrides below (plus $EXTRA_ARGS, $STEPS, $SNAPSHOTS if set). Run at most two at
# once on this 2-core machine.
set -eu
name=$1; corpus=$2; out=$3
case $name in
  # CNN width and depth of the tok2vec; everything else as in config.cfg
  today)      extra="--components.tok2vec.model.encode.width 192 --components.tok2vec.model.encode.depth 6" ;;  # the shipped config until the 2017 split was added
  w128d4)     extra="--components.tok2vec.model.encode.width 128 --components.tok2vec.model.encode.depth 4" ;;  # config.cfg now
  w160d5)     extra="--components.tok2vec.model.encode.width 160 --components.tok2vec.model.encode.depth 5" ;;
  efficiency) extra="--components.tok2vec.model.encode.width 96 --components.tok2vec.model.encode.depth 4 --components.tok2vec.model.embed.rows [5000,1000,2500,2500] --training.dropout 0.1" ;;  # spaCy's efficiency defaults for a tagger and parser
  *) echo "unknown candidate $name" >&2; exit 2 ;;
esac
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
config=training/config.cfg
if [ -n "${SNAPSHOTS:-}" ]; then
  # Also save the pipeline at these steps (e.g. SNAPSHOTS=4000,6000 STEPS=8000).
  mkdir -p "$out"
  config="$out/config-with-snapshots.cfg"
  sed 's/^before_update = null$//' training/config.cfg > "$config"
  printf '\n[training.before_update]\n@callbacks = "wording_diff.snapshots.v1"\nsteps = [%s]\npath = "%s"\n' "$SNAPSHOTS" "$out" >> "$config"
fi
# shellcheck disable=SC2086
exec python -m spacy train "$config" --code training/snapshots.py --output "$out" --nlp.batch_size 256 \
  --paths.train "$corpus/train-all.spacy" --paths.dev "$corpus/tune.spacy" $extra ${STEPS:+--training.max_steps $STEPS} ${EXTRA_ARGS:-}
