"""Shared fixtures: the pipeline, one build of the seed corpus, and helpers to run the
stages on new text. Nothing here reads outside the repository."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
SEEDS = {
    "000": "000_5af6a0b890e30f00",
    "001": "001_3a308b7725f8b7ed",
    "002": "002_8cdffd30197aed43",
    "003": "003_7cde62649a1a2deb",
    "004": "004_dc7a84777e4f5089",
}


@pytest.fixture(scope="session")
def nlp():
    from pipeline import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """data/raw built once for the whole session (one worker, as CI machines are small)."""
    from pipeline import build
    out = tmp_path_factory.mktemp("seed_build")
    build.run(RAW, out, workers=1, progress=False)
    return out


def read_table(out: Path, name: str) -> list[dict]:
    """A table as written, with the CSV writer's escapes undone (pipeline.csvio)."""
    from pipeline import csvio
    return csvio.read_rows(out / "tables" / name)


@pytest.fixture(scope="session")
def tables(seed_build) -> dict[str, list[dict]]:
    return {n: read_table(seed_build, f"{n}.csv") for n in ("documents", "mentions", "entities", "claims", "relations")}


@pytest.fixture(scope="session")
def graph(seed_build) -> nx.MultiDiGraph:
    return nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)


@pytest.fixture(scope="session")
def cleaned(seed_build):
    def text(doc_id: str) -> str:
        return (seed_build / "tables" / "cleaned" / f"{doc_id}.txt").read_text(encoding="utf-8")
    return text


@pytest.fixture(scope="session")
def analyse(nlp):
    """Run the whole pipeline on a new piece of text, as one section of a report."""
    from pipeline import nlp as nlp_mod

    def run(text: str, **context):
        ctx = {"pub_date": "", "title": "", "place_hint": "", "authors": [], "editor": "", "source": ""}
        ctx.update(context)
        if ctx.get("pub_date") and "anchor_year" not in ctx:
            ctx["anchor_year"] = int(ctx["pub_date"][:4])
        return nlp_mod.run(nlp, text, doc_id="test", context=ctx)
    return run


@pytest.fixture(scope="session")
def ents(analyse):
    """(label, text) of the ORG, PERSON and PLACE mentions the pipeline finds in a text."""
    def run(text: str, **context) -> set[tuple[str, str]]:
        from pipeline.nlp import found
        doc = analyse(text, **context)
        return {(m.label, m.text) for m in found(doc) if m.label in ("ORG", "PERSON", "PLACE")}
    return run


@pytest.fixture(scope="session")
def site(seed_build, tmp_path_factory) -> Path:
    """The explorer written for the seed build (as python -m pipeline explore does, but
    beside the build: the build folder itself stays as the build wrote it)."""
    from pipeline.explore import site as site_mod
    out = tmp_path_factory.mktemp("explorer") / "site"
    site_mod.build_site(seed_build, out)
    return out


def forget_state(out: Path) -> None:
    """The next build of ``out`` assembles and writes again (from the extraction cache)
    even though no input changed: its store of fingerprints is gone."""
    (out / "work" / "store.sqlite").unlink()


def placed(analyse, text: str, name: str) -> tuple[set, set]:
    """(LOCATED_IN targets, keys) of the mentions ``name`` in ``text`` analysed alone."""
    from pipeline.nlp import found
    doc = analyse(text, pub_date="2020-09-01")
    keys = {m.key for m in found(doc) if m.text == name}
    return {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys}, keys


def mention_at(label: str, text: str, name: str, nth: int = 0):
    """A mention of ``label`` over the ``nth`` occurrence (from 0) of ``name`` in ``text``."""
    from pipeline.doc import Mention
    s = -1
    for _ in range(nth + 1):
        s = text.index(name, s + 1)
    return Mention(label, s, s + len(name), name)
