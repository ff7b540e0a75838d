# The project's commands. `make help` lists them.
PYTHON ?= python3
SRC := codegen generated handwritten

.PHONY: help install generate check spec-models lint typecheck test test-fast bench bench-anchors demo

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install: ## install the project and its dev tools
	$(PYTHON) -m pip install -q -e '.[dev]'

generate: ## rewrite generated/ from schema/
	$(PYTHON) -m sldb.codegen generate

check: ## fail (with a diff) when generated/ or the spec models are stale
	$(PYTHON) -m sldb.codegen check
	$(PYTHON) -m sldb.codegen.spec_models check

spec-models: ## regenerate codegen/*_model.py from the JSON Schemas (datamodel-code-generator)
	$(PYTHON) -m sldb.codegen.spec_models generate

lint: ## ruff on the code
	$(PYTHON) -m ruff check $(SRC) tests
	$(PYTHON) -m ruff format --check $(SRC)

typecheck: ## mypy --strict on codegen, generated and handwritten
	$(PYTHON) -m mypy -p sldb

test: ## every test, on SQLite, PostgreSQL and MariaDB
	$(PYTHON) -m pytest -q

test-fast: ## the tests on SQLite only
	SLDB_TEST_BACKENDS=sqlite $(PYTHON) -m pytest -q

bench: ## throughput beside the raw drivers (not part of test)
	$(PYTHON) -m tests.bench.run

bench-anchors: ## ours beside SQLAlchemy ORM/Core, Tortoise, Piccolo and the pooled drivers (needs .[bench])
	$(PYTHON) -m tests.bench.run --anchors

demo: ## the main job on an embedded SQLite database
	$(PYTHON) -m sldb.handwritten.cli demo
