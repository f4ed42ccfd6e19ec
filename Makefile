# netduty — `make run` serves the app with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PORT ?= 8000
PYTEST_ARGS ?= -n 2
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run serve setup venv deps test test-sqlite test-postgres lint browser-deps migrate demo clean help bench

help:
	@echo "make run            set up (venv, deps, database, policy pack, demo data) and serve on http://127.0.0.1:$(PORT)"
	@echo "make test           run the whole test suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make lint           ruff, mypy, makemigrations --check"

$(PY):
	@PYBIN=$$(PYTHON="$(PYTHON)" scripts/find-python.sh) || exit 1; \
	echo "Using $$PYBIN"; "$$PYBIN" -m venv $(VENV)

$(VENV)/.deps: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,ocr]' || { echo 'OCR extra (rapidocr, onnxruntime) not installable here: images will be reported as 未识别图片文字'; $(PY) -m pip install --quiet -e '.[dev]'; }
	@touch $@

deps: $(VENV)/.deps

migrate: deps
	$(BIN)/netduty migrate --noinput

demo: migrate
	$(BIN)/netduty demo

setup: demo

run: setup
	@echo ""
	@echo "  netduty → http://127.0.0.1:$(PORT)/   (登录：admin / netduty-demo-2026，其他演示账号见 README)"
	@echo ""
	@$(BIN)/netduty db_worker --queue-name '*' --interval 2 --no-reload & WORKER=$$!; \
	$(BIN)/netduty scheduler --interval 60 & SCHED=$$!; \
	trap 'kill $$WORKER $$SCHED 2>/dev/null' EXIT INT TERM; \
	$(BIN)/netduty runserver 127.0.0.1:$(PORT)

browser-deps:
	@scripts/ensure-system-deps.sh

test: deps browser-deps
	@echo "database: $${DATABASE_URL:-SQLite (embedded)}"
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest $(PYTEST_ARGS)

lint: deps
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/mypy netduty config
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/netduty makemigrations --check --dry-run

bench: deps
	$(PY) bench/screening.py

clean:
	rm -rf var/test-media .pytest_cache
