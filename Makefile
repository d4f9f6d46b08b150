# The two front-door commands (see README.md):
#   make run   set up the environment and build datapackage/ from raw/
#   make test  set up the environment (with the dev extra) and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test dev ui clean release

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

# dist/joint-statements-<version>.zip from the package `make run` built; entry times from
# SOURCE_DATE_EPOCH, else the last commit's time (so the zip is reproducible)
release: $(VENV)/.installed
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)} \
	$(BIN)/python -m pipeline release --out-dir datapackage --dist-dir dist

ui: $(VENV)/.installed
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home}; mkdir -p $$DAGSTER_HOME; \
	DAGSTER_HOME=$$DAGSTER_HOME $(BIN)/dagster dev

clean:
	rm -rf $(VENV) .dagster_home .pytest_cache
