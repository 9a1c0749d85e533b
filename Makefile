# Two commands do everything on a fresh clone:
#   make        set up .venv (pinned dependencies) and build data/raw/ into outputs/
#   make test   run the test suite (sets itself up too)
# Rebuilds are incremental: each report is extracted into outputs/work/<file>.json, so
# touching one report re-extracts only that one before the graph is linked again.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    := $(wildcard data/raw/*.txt data/raw/*.html data/raw/*.htm)
WORK   := $(patsubst data/raw/%,outputs/work/%.json,$(RAW))
CODE   := $(wildcard pipeline/*.py pipeline/*.cfg)
RULES  := $(wildcard rules/*)
SHARED ?= ../shared

.PHONY: all build test eval eval-dev bench bench-ner clean distclean
.DELETE_ON_ERROR:

all: build

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

build: outputs/graph.graphml

outputs/work/%.json: data/raw/% $(CODE) $(RULES) | $(STAMP)
	@$(PY) -m pipeline extract "$<" --out outputs

outputs/graph.graphml: $(WORK) $(CODE) $(RULES) | $(STAMP)
	$(PY) -m pipeline link --input data/raw --out outputs

test: $(STAMP)
	$(PY) -m pytest

eval: build
	$(PY) -m pipeline eval --gold data/gold --out outputs

# the development set in ../shared (not part of CI): the same scores on reports we did not tune on
eval-dev: $(STAMP)
	$(PY) -m pipeline build --input $(SHARED)/dev/docs --out outputs/dev --quiet
	$(PY) -m pipeline eval --gold $(SHARED)/dev/gold --out outputs/dev

bench: $(STAMP)
	$(PY) -m pipeline bench --input data/raw

bench-ner: $(STAMP)
	$(PY) -m pipeline.evaluate bio $(wildcard $(SHARED)/benchmarks/*.bio)

clean:
	rm -rf outputs/graph.graphml outputs/tables outputs/work outputs/dev outputs/bench

distclean: clean
	rm -rf $(VENV) .pytest_cache .hypothesis
