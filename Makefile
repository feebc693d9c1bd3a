# The two commands of the README's quick start, and a few helpers.
# `make demo`: install Afterview into .venv and show the demo's day.
# `make test`: install what the tests need and run them all (SQLite and PostgreSQL).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test lint bench bench-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

demo: install
	$(BIN)/afterview demo

test: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

# Start-up benchmark (docs/benchmarks.md). The first run generates the databases
# under bench/out/ (about 3 minutes for the 100,000-opportunity one on 2 cores).
bench: install-test
	$(BIN)/python bench/agenda_startup.py

# Taskwarrior, for the benchmark's comparison (Debian/Ubuntu; needs root or sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
bench-deps:
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y taskwarrior hyperfine

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
