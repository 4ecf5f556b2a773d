# Two commands do everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := true

.PHONY: site check serve test bench bench-scale clean install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

## Build the whole site, with PDFs, into site/.
site: $(STAMP)
	scripts/install-system-deps.sh site
	$(BIN)/rightskit build

## Check content and data; prints every problem as file:line.
check: $(STAMP)
	$(BIN)/rightskit check

## Preview with live reload at http://127.0.0.1:8000/ (watches docs/, standards/, curricula/, overrides/;
## no PDFs: `make serve SERVE_ARGS=--pdf` to render them too).
serve: $(STAMP)
	$(BIN)/rightskit serve $(SERVE_ARGS)

## Install what the tests need (system packages too) and run the whole suite.
test: $(TEST_STAMP)
	scripts/install-system-deps.sh test
	$(BIN)/python -m pytest -q

## Time loading, page generation, the MkDocs build and PDFs.
bench: $(STAMP)
	$(if $(SCALE),$(BIN)/rightskit bench --scale $(SIZES),scripts/install-system-deps.sh site && $(BIN)/rightskit bench)

## Our build against stock MkDocs + Material with 0 to 2,000 extra modules (slow: ~10 minutes).
## `make bench SCALE=1` does the same; choose sizes with SIZES=50,200.
SIZES ?=
bench-scale: $(STAMP)
	$(BIN)/rightskit bench --scale $(SIZES)

clean:
	rm -rf site .cache/rightskit
