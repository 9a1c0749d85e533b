# Two commands do everything on a fresh clone:
#   make        set up .venv (pinned dependencies) and build data/raw/ into outputs/
#   make test   run the test suite (sets itself up too)
# Rebuilds are incremental: make reruns the build when a report, the code or a rule
# changed, and the build re-extracts only the reports that changed since their
# outputs/work/<file>.json was written (touching one report re-extracts that one alone).
# File names in data/raw must not contain spaces (make's limit; the build itself takes any).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    := $(wildcard data/raw/*)
CODE   := $(wildcard pipeline/*.py pipeline/*/*.py pipeline/*.cfg models/*)
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
RULES  := $(wildcard rules/*)
SHARED ?= ../shared

.PHONY: all build explore screenshots test eval eval-dev eval-corpus eval-corpus-relations eval-claims eval-link link-gold bench bench-scale bench-ner train train-measures learning-curve clean distclean

all: build

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# the package's modules byte-compiled, as pip does for an installed package: every process
# the build starts (workers, the warm process of a rebuild) then skips compiling them, some
# 0.3 s each where PYTHONDONTWRITEBYTECODE keeps Python from caching them itself
PYC    := $(VENV)/.compiled
$(PYC): $(CODE) | $(STAMP)
	$(PY) -m compileall -q pipeline >/dev/null || true   # (a read-only tree: the build runs without them)
	@touch $@

build: outputs/graph.graphml

outputs/graph.graphml: $(RAW) $(CODE) $(RULES) $(PYC) | $(STAMP)
	$(PY) -m pipeline build --input data/raw --out outputs --workers $(JOBS)

# the offline HTML explorer: outputs/site/index.html (opens from file://, no server)
explore: build
	$(PY) -m pipeline explore --out outputs

# README's pictures of the explorer (needs Debian's chromium and chromium-driver)
screenshots: explore
	$(PY) docs/screenshots.py outputs/site docs

test: $(STAMP)
	$(PY) -m pytest

eval: build
	$(PY) -m pipeline eval --gold data/gold --out outputs

# the development set in ../shared (not part of CI): the same scores on reports we did not tune on
eval-dev: $(STAMP) $(PYC)
	$(PY) -m pipeline build --input $(SHARED)/dev/docs --out outputs/dev --quiet
	$(PY) -m pipeline eval --gold $(SHARED)/dev/gold --out outputs/dev

# our entity annotation of 48 articles of ../shared/corpus (data/annotations; not part of CI):
# the articles unpacked from the corpus archive, built, scored on ORG, PERSON and PLACE
eval-corpus: $(STAMP)
	$(PY) -m pipeline.evaluate docs --archive $(SHARED)/corpus/corpus_docs.tar.xz --gold data/annotations/corpus --into outputs/eval-corpus/in
	$(PY) -m pipeline build --input outputs/eval-corpus/in --out outputs/eval-corpus/out --quiet
	$(PY) -m pipeline eval --gold data/annotations/corpus --out outputs/eval-corpus/out

# measures and implements annotated blind in 150 other articles of ../shared/corpus
# (data/annotations/relations; not part of CI): unpacked, built, scored on those two relations
eval-corpus-relations: $(STAMP)
	$(PY) -m pipeline.evaluate docs --archive $(SHARED)/corpus/corpus_docs.tar.xz --gold data/annotations/relations --into outputs/eval-corpus-relations/in
	$(PY) -m pipeline build --input outputs/eval-corpus-relations/in --out outputs/eval-corpus-relations/out --quiet
	$(PY) -m pipeline eval --gold data/annotations/relations --out outputs/eval-corpus-relations/out

# whose each numeric claim is: 240 claims of ../shared/corpus read by hand
# (data/annotations/claims/subjects.tsv), their reports built and scored (not part of CI)
eval-claims: $(STAMP)
	$(PY) -m pipeline.evaluate docs --archive $(SHARED)/corpus/corpus_docs.tar.xz --gold data/annotations/claims/subjects.tsv --into outputs/eval-claims/in
	$(PY) -m pipeline build --input outputs/eval-claims/in --out outputs/eval-claims/out --quiet
	$(PY) -m pipeline.claimeval --gold data/annotations/claims/subjects.tsv --out outputs/eval-claims/out

# linking across reports (not part of CI): train/ and dev/ of ../shared built together into
# outputs/link, scored against data/linking/clusters.tsv (what the gold says is one entity)
eval-link: $(STAMP)
	rm -rf outputs/link/in && mkdir -p outputs/link/in
	cp $(SHARED)/train/docs/*.txt $(SHARED)/dev/docs/*.txt outputs/link/in/
	$(PY) -m pipeline build --input outputs/link/in --out outputs/link --quiet
	$(PY) -m pipeline.linkeval score --out outputs/link

# data/linking/clusters.tsv again from the gold (seeds in data/gold, train/ and dev/ in ../shared)
link-gold: $(STAMP)
	$(PY) -m pipeline.linkeval derive seeds=data/gold train=$(SHARED)/train/gold dev=$(SHARED)/dev/gold --out data/linking/clusters.tsv

# the entity model (models/entities.crfsuite) from ../shared/train and ../shared/ner_train;
# deterministic (fixed seed); prints the dev scores at the end. make and make test only
# use the committed model.
train: $(STAMP)
	$(PY) -m pipeline.entities.training --shared $(SHARED) --out models/entities.crfsuite

# the measure model (models/measures.json: which quoted names are measures) from the
# relation gold of ../shared/train; deterministic; prints its cross-validated figures on train/
train-measures: $(STAMP)
	$(PY) -m pipeline.measure_training --shared $(SHARED) --out models/measures.json

# the same, plus models trained on 25 % and 50 % of train/, scored on dev/
learning-curve: $(STAMP)
	$(PY) -m pipeline.entities.training --shared $(SHARED) --out models/entities.crfsuite --curve

bench: $(STAMP) $(PYC)
	$(PY) -m pipeline bench --input data/raw

# builds of 1,000 and 10,000 generated reports (SIZES=...; BIG=1 adds 100,000: hours on 2 cores;
# REAL=DIR adds a row for a folder of real reports, such as the corpus's articles unpacked):
# time, chars/s, peak memory of the process tree, no-op and one-change rebuilds, query latency.
# REPLICATED=20000,100000 adds rows whose store is filled from the first size's extractions
# (pipeline/storegen.py): the assembly and outputs at that size, without its extraction
SIZES ?= 1000,10000
REPLICATED ?=
bench-scale: $(STAMP) $(PYC)
	$(PY) -m pipeline.benchscale --sizes $(SIZES) $(if $(BIG),--with-100k) $(if $(REPLICATED),--replicated $(REPLICATED)) $(if $(REAL),--real $(REAL))

bench-ner: $(STAMP)
	$(PY) -m pipeline.evaluate bio $(wildcard $(SHARED)/benchmarks/*.bio)

clean:
	rm -rf outputs/graph.graphml outputs/tables outputs/.builds outputs/work outputs/dev outputs/bench outputs/bench-scale outputs/site

distclean: clean
	rm -rf $(VENV) .pytest_cache .hypothesis
