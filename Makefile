# The two commands of the README's quick start, and a few helpers.
# `make demo`: install Afterview into .venv and show the demo's day.
# `make test`: install what the tests need and run them all (SQLite and PostgreSQL).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test system-deps lint bench bench-web bench-server bench-spelling bench-deps clean

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian/Ubuntu packages for the tests: SCOWL's lists (the spelling check ships its own
# copy; the tests compare it with Debian's and the bundle script rebuilds it from them);
# hunspell and its dictionaries are what the spelling benchmark compares against;
# Chromium is the browser the web tests drive (Playwright never downloads one);
# Dovecot is the real IMAP server the mail sync tests start on loopback.
DEB_PACKAGES := scowl hunspell hunspell-en-gb hunspell-en-us chromium dovecot-imapd

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

# Installs only what is missing. `make demo` needs none of it (the word lists ship
# with Afterview); `make test` everything.
system-deps:
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    echo "Installing $$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	else \
	  echo "Not Debian: the tests need Chromium, Dovecot and hunspell (see README)."; \
	fi

demo: install
	$(BIN)/afterview demo

test: install-test system-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

# Start-up benchmark (docs/benchmarks.md). The first run generates the databases
# under bench/out/ (about 3 minutes for the 100,000-opportunity one on 2 cores).
bench: install-test
	$(BIN)/python bench/agenda_startup.py

# The web app under load (wrk, 50 connections) against a minimal endpoint, 10,000 opportunities.
bench-web: install-test
	cd bench && ../$(BIN)/python web_load.py

# The agency server under load (wrk, 50 consultants' sessions) on PostgreSQL, 1, 2 and 4
# workers. The first run generates 2,000 candidate schemas (about 20 minutes on 2 cores);
# AFTERVIEW_BENCH_PG_URL names the server (a role with CREATEROLE; loopback by default).
bench-server: install-test
	cd bench && ../$(BIN)/python server_load.py

# Taskwarrior, for the benchmark's comparison (Debian/Ubuntu; needs root or sudo).
bench-deps:
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y taskwarrior hyperfine wrk

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
