# The two front-door commands (see README.md):
#   make run   set up the environment and build datapackage/ from raw/
#   make test  set up the environment (with the dev extra) and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test dev ui clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/python -m pipeline build --raw-dir raw --out-dir datapackage

test: $(VENV)/.installed
	$(BIN)/python -m pytest

ui: $(VENV)/.installed
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home}; mkdir -p $$DAGSTER_HOME; \
	DAGSTER_HOME=$$DAGSTER_HOME $(BIN)/dagster dev

clean:
	rm -rf $(VENV) .dagster_home .pytest_cache
