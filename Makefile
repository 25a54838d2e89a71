# BetterBack: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PIP := $(BIN)/pip install --quiet --disable-pip-version-check -c requirements/constraints.txt

.PHONY: run test test-sqlite test-postgres lint system-deps css messages clean

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "BetterBack needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) -e '.[test]'
	@touch $@

## Start the app with demo data on SQLite at http://127.0.0.1:$(PORT) (data is kept between runs).
run: $(VENV)/.installed
	DJANGO_DEBUG=1 $(BIN)/betterback migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/betterback demo --if-missing
	DJANGO_DEBUG=1 $(BIN)/betterback runserver 127.0.0.1:$(PORT)

## Install what the tests need, then run lint and the whole suite: SQLite, and PostgreSQL too
## when DATABASE_URL points at one.
test: $(VENV)/.installed-test system-deps node_modules/.installed lint test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "DATABASE_URL is not set: skipped the PostgreSQL run."; fi

test-sqlite:
	env -u DATABASE_URL $(BIN)/python -m pytest betterback --durations=20

test-postgres:
	$(BIN)/python -m pytest betterback --durations=20

lint: $(VENV)/.installed-test
	$(BIN)/ruff check betterback
	$(BIN)/ruff format --check betterback
	$(BIN)/lint-imports --no-cache

system-deps:
	@scripts/system-deps.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Rebuild the committed CSS from Det Fælles Designsystem's SCSS (needs Node.js, not at run time).
css:
	scripts/build-css.sh

## Extract and compile translations.
messages:
	scripts/messages.sh

clean:
	rm -rf $(VENV) node_modules staticfiles
