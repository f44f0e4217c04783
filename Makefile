# Kainuu Portal: set-up, run and test. `make run` and `make test` do everything on a fresh clone.

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test migrate demo-data superuser messages lint format \
	migrations-check check ci clean help bench

help:
	@echo "make run    set up (venv, install, migrate, demo content) and serve on http://$(HOST):$(PORT)"
	@echo "make test   install the test dependencies and run the whole suite"
	@echo "Others: install, migrate, demo-data, messages, lint, format, migrations-check, ci, bench,"
	@echo "        clean"

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

install: $(VENV)/installed

install-test: $(VENV)/installed-test

migrate: install
	DEBUG=true $(MANAGE) migrate --noinput

demo-data: migrate
	DEBUG=true $(MANAGE) load_demo_content

run: migrate
	DEBUG=true $(MANAGE) load_demo_content --if-empty
	DEBUG=true $(MANAGE) ensure_local_admin
	DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

test: install-test
	$(BIN)/pytest

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

migrations-check: install
	DEBUG=true $(MANAGE) makemigrations --check --dry-run

ci:
	bash .ci/run

# Public pages under gunicorn against a minimal view (docs/performance.md); not a test.
bench: install
	bench/run

clean:
	rm -rf $(VENV) staticfiles
