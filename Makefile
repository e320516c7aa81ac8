# wording-diff: set-up, tests, the bundled Dutch pipeline, benchmarks.
PYTHON ?= python3
UD ?= ../shared/data/ud
MODEL_DIR := src/wording_diff/model/nl_wording_diff
TRAIN_OUT ?= training/output

.PHONY: install test test-all check model evaluate bench clean help-readme

install:  ## install the package (with its bundled pipeline) and the test tools
	$(PYTHON) -m pip install --disable-pip-version-check -q -e ".[test]"
	@$(PYTHON) -m wording_diff models

test:  ## lint, the README's command reference, the test suite, then the corpus gate
	$(PYTHON) -m ruff check .
	$(PYTHON) tools/readme_help.py --check
	$(PYTHON) -m pytest -q
	$(PYTHON) -m wording_diff check corpus/

test-all:  ## also the slow checks (held-out evaluation of the bundled pipeline)
	$(PYTHON) -m ruff check .
	$(PYTHON) tools/readme_help.py --check
	$(PYTHON) -m pytest -q -m "slow or not slow"
	$(PYTHON) -m wording_diff check corpus/

check:
	$(PYTHON) -m wording_diff check corpus/

model:  ## retrain the bundled pipeline from the UD treebanks (about 45 min on 2 cores)
	$(PYTHON) -m pip install --disable-pip-version-check -q -e ".[train]"
	$(PYTHON) training/prepare.py $(UD) training/corpus
	$(PYTHON) -m spacy train training/config.cfg --output $(TRAIN_OUT) --nlp.batch_size 256
	$(PYTHON) training/package.py $(TRAIN_OUT)/model-last $(MODEL_DIR) training/corpus

evaluate:  ## held-out scores of the bundled pipeline (written into its meta.json)
	$(PYTHON) training/package.py $(MODEL_DIR) $(MODEL_DIR) training/corpus --evaluate-only

bench:  ## benchmarks (ratios measured in one run); see bench/README.md
	$(PYTHON) bench/run.py
	$(PYTHON) bench/documents.py

help-readme:  ## regenerate the --help section of the README
	$(PYTHON) tools/readme_help.py
