# Two commands for a newcomer: `make demo` and `make test` (see README.md).
# Everything is installed into .venv from the hash-pinned lock files, nothing by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///endorsements.db

.PHONY: demo test lint format lock clean fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev-installed: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@ $(VENV)/.run-installed

## demo: install, ingest the example articles into ./endorsements.db, print the ledger
demo: $(VENV)/.run-installed
	$(BIN)/endorsements ingest examples/ --db $(DB)
	$(BIN)/endorsements show --db $(DB)

## test: install the dev extras and run the whole suite
test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

## fuzz: the long property-based run (13,000 generated cases; docs/reliability.md)
fuzz: $(VENV)/.dev-installed
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider \
		--hypothesis-show-statistics >fuzz.log 2>&1; status=$$?; tail -n 1 fuzz.log; \
	awk '/ passing, / {p += $$2; f += $$4} END {printf "fuzz: %d cases passed, %d failed (fuzz.log)\n", p, f}' \
		fuzz.log; exit $$status

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(VENV)/.dev-installed
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

## lock: re-resolve the pinned dependencies (needs pip-tools; run after editing pyproject.toml)
lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra dev --extra postgres -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
