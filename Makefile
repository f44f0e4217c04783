# Kainuu Portal: set-up, run and test. `make run` and `make test` do everything on a fresh clone.

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes in parallel (pytest-xdist): one per core by default.
TEST_WORKERS ?= auto

.PHONY: run test test-browser check-html install install-test checkers migrate demo-data \
	superuser messages lint format migrations-check check api-test bench ci clean help

help:
	@echo "make run    set up (venv, install, migrate, demo content) and serve on http://$(HOST):$(PORT)"
	@echo "make test   install the test dependencies and run the whole suite"
	@echo "make test-browser  the browser tests (axe-core, keyboard, reflow; needs /usr/bin/chromium)"
	@echo "make check-html    the Nu HTML Checker on every public page type (needs Java and npm)"
	@echo "make api-test      Schemathesis against the API's OpenAPI schema"
	@echo "Others: install, migrate, demo-data, messages, lint, format, migrations-check, bench, ci, clean"

# A Python 3.12 or newer: on PATH, or one installed by pyenv.
$(VENV)/created:
	@python=$$(scripts/find-python) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/installed: $(VENV)/created pyproject.toml requirements.lock
	$(PY) -m pip install --quiet -c requirements.lock -e .
	@touch $@

$(VENV)/installed-test: $(VENV)/installed
	$(PY) -m pip install --quiet -c requirements.lock -e ".[test]"
	@# The catalogue test runs makemessages, which needs GNU gettext.
	@command -v xgettext >/dev/null || scripts/apt-install gettext
	@touch $@

# The Nu HTML Checker (npm package vnu-jar), pinned in package-lock.json. Its install
# script would fetch a Java runtime: it is not run; the machine's own Java runs vnu.jar.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(VENV)/installed

install-test: $(VENV)/installed-test

checkers: node_modules/.installed

migrate: install
	DEBUG=true $(MANAGE) migrate --noinput

demo-data: migrate
	DEBUG=true $(MANAGE) load_demo_content

run: migrate
	DEBUG=true $(MANAGE) load_demo_content --if-empty
	DEBUG=true $(MANAGE) ensure_local_admin --origin http://$(HOST):$(PORT)
	@echo "Serving the portal at http://$(HOST):$(PORT)/ (the admin at http://$(HOST):$(PORT)/admin/)"
	DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

# The suite includes the browser tests and the HTML check; each is skipped (outside CI) when
# Chromium, Java or npm is missing.
test: install-test $(if $(shell command -v npm),checkers)
	$(BIN)/pytest -n $(TEST_WORKERS)

test-browser: install-test
	$(BIN)/pytest -m browser

check-html: install-test checkers
	$(BIN)/pytest tests/site/test_html_validity.py

messages: install
	DEBUG=true $(MANAGE) makemessages --locale fi --locale sv --ignore=.venv --ignore=staticfiles \
		--ignore=tests --ignore=media --ignore=bench --ignore=scripts --ignore=docs \
		--ignore=node_modules --no-obsolete
	DEBUG=true $(MANAGE) compilemessages --ignore=.venv

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Schemathesis against the open data API's OpenAPI schema (a throwaway database).
api-test: install-test
	scripts/api-contract-test

migrations-check: install
	DEBUG=true $(MANAGE) makemigrations --check --dry-run

ci:
	bash .ci/run

# Public pages under gunicorn against a minimal view (docs/performance.md); not a test.
bench: install
	bench/run

clean:
	rm -rf $(VENV) staticfiles node_modules artifacts
