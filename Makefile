# wording-diff: set-up, tests, the bundled Dutch pipeline, benchmarks.
PYTHON ?= python3
UD ?= ../shared/data/ud
MODEL_DIR := src/wording_diff/model/nl_wording_diff
TRAIN_OUT ?= training/output

.PHONY: install ensure test test-all check model evaluate bench clean help-readme demo browser

DEMO ?= demo

ensure:  # install what is missing (the package, its pipeline, the test tools)
	@$(PYTHON) -c "import wording_diff.cli, spacy, rich, pytest, jsonschema, ruff" 2>/dev/null || $(MAKE) install

demo: ensure  ## a first run on the Clearview statements shipped as examples; HTML reports in $(DEMO)/
	$(PYTHON) tools/demo.py --out $(DEMO)

browser:  ## Debian's chromium for the browser checks of the HTML reports (as root, where apt is)
	@if command -v chromium >/dev/null 2>&1; then echo "chromium is installed"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -q || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || echo "chromium could not be installed: the browser checks will be skipped"; \
	else echo "no apt-get or not root: chromium not installed, the browser checks will be skipped"; fi

install:  ## install the package (with its bundled pipeline) and the test tools
	$(PYTHON) -m pip install --disable-pip-version-check -q -e ".[test]"
	@$(PYTHON) -m wording_diff models

test: ensure  ## lint, the README's command reference, the test suite, then the corpus gate
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

model:  ## retrain the bundled pipeline from the UD treebanks (about 35 min on 2 cores)
	$(PYTHON) -m pip install --disable-pip-version-check -q -e ".[train]"
	$(PYTHON) training/prepare.py $(UD) training/corpus
	$(PYTHON) -m spacy train training/config.cfg --output $(TRAIN_OUT) --nlp.batch_size 256
	$(PYTHON) training/package.py $(TRAIN_OUT)/model-last $(MODEL_DIR) training/corpus

evaluate:  ## held-out scores of the bundled pipeline (written into its meta.json)
	$(PYTHON) training/package.py $(MODEL_DIR) $(MODEL_DIR) training/corpus --evaluate-only

bench:  ## benchmarks (ratios measured in one run); see bench/README.md
	$(PYTHON) bench/run.py
	$(PYTHON) bench/documents.py
	$(PYTHON) bench/timeline.py

help-readme:  ## regenerate the --help section of the README
	$(PYTHON) tools/readme_help.py
