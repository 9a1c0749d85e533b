"""The build as a whole: contract of the outputs, determinism, atomic writes, incremental
rebuilds (also through make)."""
from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from pipeline import build, graph as graph_mod, graphml
from pipeline.util import write_atomic

from .conftest import RAW, ROOT, SEEDS, forget_state, read_table

CONTRACT_TABLES = {
    "documents.csv": ["doc_id", "title", "pub_date", "source", "authors", "n_chars", "status", "error"],
    "mentions.csv": ["doc_id", "label", "text", "start", "end", "norm", "entity_id"],
    "entities.csv": ["entity_id", "label", "name", "aliases", "n_reports", "n_mentions"],
    "claims.csv": ["claim_id", "doc_id", "text", "value", "unit", "approx", "subject_id", "date", "sentence"],
    "relations.csv": ["source_id", "target_id", "type", "doc_id", "start", "end", "sentence"],
}
NODE_LABELS = {"Report", "Organization", "Person", "Place", "Date", "Measure", "Claim"}


def test_outputs_follow_the_contract(seed_build, graph):
    for name, cols in CONTRACT_TABLES.items():
        header = (seed_build / "tables" / name).read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        assert header[:len(cols)] == cols, name
    rows = read_table(seed_build, "mentions.csv")
    assert {r["label"] for r in rows} == {"ORG", "PERSON", "PLACE", "DATE", "NUMBER", "MEASURE"}
    ent = read_table(seed_build, "entities.csv")
    assert {"adcode", "level", "parent_id", "kind"} <= set(ent[0])
    assert {d["type"] for _, d in graph.nodes(data=True)} == NODE_LABELS
    types = {d["type"] for _, _, d in graph.edges(data=True)}
    assert {"MENTIONS", "LOCATED_IN", "PART_OF", "MEMBER_OF", "IMPLEMENTS", "ABOUT", "ON_DATE",
            "PUBLISHED_ON"} <= types
    for u, v, d in graph.edges(data=True):
        if d["type"] == "MENTIONS":
            assert d["count"] >= 1
        else:
            assert {"doc_id", "start", "end", "weight"} <= set(d), (u, v, d)
            assert isinstance(d["start"], int) and d["weight"] >= 1
    for n, d in graph.nodes(data=True):
        assert d.get("name") is not None and d["type"] in NODE_LABELS and d["label"] == d["name"]
    # offsets point into the cleaned text of the report or section the row names
    texts = {}
    for r in rows:
        t = texts.setdefault(r["doc_id"], (seed_build / "tables" / "cleaned" / f"{r['doc_id']}.txt").read_text("utf-8"))
        assert t[int(r["start"]):int(r["end"])] == r["text"]


def test_every_input_report_and_section_is_listed(tables):
    docs = {r["doc_id"]: r for r in tables["documents"]}
    assert set(SEEDS.values()) <= set(docs)
    assert {f"{SEEDS['002']}#{n}" for n in range(1, 10)} <= set(docs)
    assert docs[f"{SEEDS['002']}#5"]["parent_id"] == SEEDS["002"]
    assert all(r["status"] == "ok" for r in tables["documents"])


def test_identical_input_gives_byte_identical_output(seed_build, tmp_path):
    again = tmp_path / "again"
    build.run(RAW, again, workers=2, progress=False)  # another run, and in parallel
    cmp = filecmp.dircmp(seed_build, again, ignore=["work"])
    def same(c):
        assert not c.diff_files and not c.left_only and not c.right_only, (c.left, c.diff_files)
        for sub in c.subdirs.values():
            same(sub)
    same(cmp)
    assert (seed_build / "graph.graphml").read_bytes() == (again / "graph.graphml").read_bytes()


def test_graphml_is_what_networkx_reads_back(seed_build, tmp_path):
    g = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    # and networkx's own writer would say the same
    path = tmp_path / "nx.graphml"
    nx.write_graphml(g, path)
    h = nx.read_graphml(path, force_multigraph=True)
    assert sorted(g.nodes(data=True)) == sorted(h.nodes(data=True))
    assert sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True)) == \
        sorted((u, v, k, sorted(d.items())) for u, v, k, d in h.edges(keys=True, data=True))


def test_graphml_text_is_xml_safe(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label="Report", name="控制\x0b字符<&>\"", n=1, f=0.5, b=True)
    g.add_node("b", label="Place", name="槐荫区")
    g.add_edge("a", "b", key="MENTIONS", type="MENTIONS", count=2)
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **graph_mod._graphml_attrs(d))
    h.add_edge("a", "b", key="MENTIONS", type="MENTIONS", count=2)
    path = tmp_path / "g.graphml"
    path.write_bytes(graphml.graphml_bytes(h))
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.nodes["a"]["name"] == "控制字符<&>\"" and back.nodes["a"]["f"] == 0.5 and back.nodes["a"]["b"] is True


def test_writes_are_atomic(tmp_path, monkeypatch):
    target = tmp_path / "graph.graphml"
    write_atomic(target, "old")
    def crash(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]  # no temporary file left


def test_a_graph_that_fails_to_write_leaves_the_old_one(tmp_path, monkeypatch):
    """The GraphML is made in a helper process: its failure stops the build with an error
    and keeps the previous graph, with nothing half-written beside it."""
    out = tmp_path / "out"
    build.run(RAW, out, workers=1, progress=False)
    before = (out / "graph.graphml").read_bytes()
    forget_state(out)

    def broken(index, path):
        raise MemoryError("no room for the graph")
    monkeypatch.setattr(graph_mod, "write_graphml", broken)
    sets = sorted(os.listdir(out / ".builds"))
    with pytest.raises(RuntimeError, match="graph.graphml"):
        build.run(RAW, out, workers=1, progress=False)
    assert (out / "graph.graphml").read_bytes() == before
    assert sorted(os.listdir(out / ".builds")) == sets  # the failed build's set is gone
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".builds"]


def test_a_report_that_kills_its_worker_is_reported_and_the_rest_is_built(tmp_path, monkeypatch):
    """A worker process that dies (the kernel's out-of-memory killer, a crash in a C
    library) must not hang or stop the build: its reports are tried again one by one, and
    the one that kills its process again is listed as an error."""
    from pipeline import extract
    parent, victim = os.getpid(), f"{SEEDS['002']}.txt"  # the largest: a worker takes it
    real = extract.extract_report

    def deadly(path, **kw):
        if path.name == victim and os.getpid() != parent:
            os._exit(9)
        return real(path, **kw)
    monkeypatch.setattr(extract, "extract_report", deadly)
    out = tmp_path / "out"
    summary = build.run(RAW, out, workers=2, progress=False)
    docs = {r["doc_id"]: r for r in read_table(out, "documents.csv") if not r["parent_id"]}
    assert docs[SEEDS["002"]]["status"] == "error" and "died" in docs[SEEDS["002"]]["error"]
    assert all(r["status"] == "ok" for d, r in docs.items() if d != SEEDS["002"])
    assert summary.reports == 4 and nx.read_graphml(out / "graph.graphml").number_of_nodes() > 100


def test_an_interrupted_write_leaves_no_process_and_no_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build.run(RAW, out, workers=1, progress=False)
    before = (out / "graph.graphml").read_bytes()
    forget_state(out)
    sets = sorted(os.listdir(out / ".builds"))
    (out / ".builds" / "000099").mkdir()  # the unfinished set of a build that was killed
    (out / ".builds" / "000099" / ".graph.graphml.99999.staged").write_text("left by a build that was killed")
    real = graph_mod._csv

    def interrupted(rows, cols):
        if cols == graph_mod.RELATION_COLS:
            raise KeyboardInterrupt
        return real(rows, cols)
    monkeypatch.setattr(graph_mod, "_csv", interrupted)
    monkeypatch.setattr(graph_mod, "write_graphml", lambda index, path: write_atomic(path, b"<graphml/>"))  # would differ
    with pytest.raises(KeyboardInterrupt):
        build.run(RAW, out, workers=1, progress=False)
    assert (out / "graph.graphml").read_bytes() == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".builds"]
    assert sorted(os.listdir(out / ".builds")) == sets
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the helper was reaped


def test_a_helper_stopped_in_the_middle_of_its_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    """The GraphML helper is killed when the build is interrupted; if it was inside its
    write at that moment, its temporary file goes too."""
    out = tmp_path / "out"
    build.run(RAW, out, workers=1, progress=False)
    before = (out / "graph.graphml").read_bytes()
    forget_state(out)
    parent, real_fsync, real_csv = os.getpid(), os.fsync, graph_mod._csv

    def fsync(fd):
        while os.getpid() != parent:  # the helper hangs in its write (a stalled disk)
            time.sleep(1)
        return real_fsync(fd)

    def interrupted(rows, cols):
        if cols == graph_mod.RELATION_COLS:
            for _ in range(1200):  # until the helper is inside its write (at most two minutes)
                if list(out.rglob("*graph.graphml*.tmp")):
                    break
                time.sleep(0.1)
            else:
                pytest.fail("the helper never started writing")
            raise KeyboardInterrupt
        return real_csv(rows, cols)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(graph_mod, "_csv", interrupted)
    monkeypatch.setattr(graph_mod, "write_graphml", lambda index, path: write_atomic(path, b"<graphml/>"))
    with pytest.raises(KeyboardInterrupt):
        build.run(RAW, out, workers=1, progress=False)
    assert (out / "graph.graphml").read_bytes() == before
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.staged*"))


def test_outputs_are_readable_by_others(seed_build):
    """Temporary files are private; the outputs they become are not (the umask decides)."""
    mask = os.umask(0)
    os.umask(mask)
    want = 0o666 & ~mask
    for p in [seed_build / "graph.graphml", *(seed_build / "tables").glob("*.csv"),
              next((seed_build / "tables" / "cleaned").iterdir())]:
        assert p.stat().st_mode & 0o777 == want, p.name


def test_only_changed_reports_are_extracted_again(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    out = tmp_path / "out"
    build.run(src, out, workers=1, progress=False)
    work = {p.name: p.stat().st_mtime_ns for p in (out / "work").glob("*.json")}
    time.sleep(0.05)
    touched = src / f"{SEEDS['003']}.txt"
    os.utime(touched, (time.time() + 5, time.time() + 5))
    build.run(src, out, workers=1, progress=False)
    after = {p.name: p.stat().st_mtime_ns for p in (out / "work").glob("*.json")}
    changed = {n for n in work if after[n] != work[n]}
    assert changed == {build.work_path(out, touched).name}


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_rebuilds_only_what_changed(tmp_path):
    """`make` twice does nothing the second time; touching one report re-extracts it alone."""
    proj = tmp_path / "proj"
    proj.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, proj / name)
    for name in ("pipeline", "rules", "data", "models"):
        shutil.copytree(ROOT / name, proj / name, ignore=shutil.ignore_patterns("__pycache__"))
    venv = Path(sys.prefix)
    (proj / ".venv").symlink_to(venv)
    if not (venv / ".installed").exists():
        pytest.skip("the tests do not run from the project's .venv")
    env = {**os.environ, "JOBS": "1"}
    run = lambda *a: subprocess.run(["make", "-s", *a], cwd=proj, capture_output=True, text=True, env=env, timeout=900)
    first = run()
    assert first.returncode == 0, first.stderr
    assert (proj / "outputs" / "graph.graphml").is_file()
    assert run("-q", "build").returncode == 0  # up to date: a second make does nothing
    work = {p.name: p.stat().st_mtime_ns for p in (proj / "outputs" / "work").glob("*.json")}
    graph_before = (proj / "outputs" / "graph.graphml").read_bytes()
    later = time.time() + 5
    os.utime(proj / "data" / "raw" / f"{SEEDS['001']}.txt", (later, later))
    assert run("-q", "build").returncode == 1  # out of date
    assert run().returncode == 0
    after = {p.name: p.stat().st_mtime_ns for p in (proj / "outputs" / "work").glob("*.json")}
    touched = build.work_path(proj / "outputs", proj / "data" / "raw" / f"{SEEDS['001']}.txt")
    assert {n for n in work if after[n] != work[n]} == {touched.name}
    assert (proj / "outputs" / "graph.graphml").read_bytes() == graph_before
