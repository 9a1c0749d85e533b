"""The one-change rebuild's shortcuts: the warm extraction process (pipeline/engines.py),
the spans' file (pipeline/spans.py), the plan that compares only the nodes a patch wrote
(pipeline/splice.py), the store's log of the linking (pipeline/linkstore.py), the removal
of retired sets aside and the communities beside the tables. Each gives the outputs a
full build gives, byte for byte."""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from pipeline import build, engines, linkstore, outsets, spans, splice
from pipeline.util import Beside

from .test_splice import EXTRA, HEAD_A, edit, inputs, same_as_full, splice_all  # noqa: F401 - fixtures

NEW_SCHOOL = "本报讯 6月1日，城南区第二实验小学举行开学典礼，校长周文涛介绍学校今年新招学生640人。\n"


def _pid_of(job):
    return job, os.getpid()


def _rows_of(out: Path) -> dict:
    cur = build.current_set(out)
    return {p.name: p.read_bytes() for p in sorted((cur / "tables").glob("*.csv"))} | {
        "graph.graphml": (cur / "graph.graphml").read_bytes()}


# --------------------------------------------------------------------------- the warm process

def test_the_warm_process_extracts_the_changed_report_and_the_rebuild_equals_a_full_build(
        inputs, tmp_path, monkeypatch, splice_all):
    out = tmp_path / "out"
    build.run(inputs, out, workers=2, progress=False)
    where = tmp_path / "pids.txt"
    real = build._worker

    def noting(job):
        with open(where, "a") as f:
            f.write(f"{os.getpid()}\n")
        return real(job)
    monkeypatch.setattr(build, "_worker", noting)
    changed = next(p for p in sorted(inputs.iterdir()) if p.suffix == ".txt")
    edit(changed, changed.read_text(encoding="utf-8") + EXTRA)
    build.run(inputs, out, workers=2, progress=False)
    pids = where.read_text().split()
    assert len(pids) == 1 and int(pids[0]) != os.getpid()  # one report, in the process started with the build
    assert not [p for p in multiprocessing.active_children() if p.name == "warm-extractor"]
    same_as_full(inputs, out, tmp_path / "full")


def test_a_no_op_rebuild_ends_its_warm_process_unused(inputs, tmp_path):
    out = tmp_path / "out"
    build.run(inputs, out, workers=2, progress=False)
    t = time.perf_counter()
    build.run(inputs, out, workers=2, progress=False)
    assert not [p for p in multiprocessing.active_children() if p.name == "warm-extractor"]
    assert time.perf_counter() - t < 30  # it did not wait for the pipeline to load (a generous bound)


def test_jobs_the_warm_process_cannot_finish_are_done_in_processes_of_their_own():
    warm = engines.Warm(_pid_of)
    try:
        first = list(warm.run(["a"]))
        assert first[0][0] == "a" and first[0][1] == warm.proc.pid
        warm.proc.kill()
        warm.proc.join()
        rest = list(warm.run(["b", "c"]))
        assert [j for j, _ in rest] == ["b", "c"]
        assert all(pid not in (os.getpid(), warm.proc.pid) for _, pid in rest)
    finally:
        warm.close()


def test_the_warm_process_runs_its_jobs_while_this_one_does_something_else():
    warm = engines.Warm(_pid_of)
    seen = []
    try:
        got = list(warm.run(["a", "b"], meanwhile=lambda: seen.append(time.perf_counter())))
    finally:
        warm.close()
    assert [j for j, _ in got] == ["a", "b"] and len(seen) == 1  # meanwhile runs once
    assert not warm.proc.is_alive()


# --------------------------------------------------------------------------- spans

def test_spans_round_trip_and_a_damaged_file_is_not_read(tmp_path):
    path = tmp_path / spans.SPANS
    s = spans.Spans(path, "v1")
    s.add("mentions", ("doc-1",), 120)
    s.add("mentions", ("doc-2",), 7)
    s.add("relations", ("ABOUT", "claim:x:1"), 300)
    s.meta["spliced"] = "mentions"
    s.close()
    units = spans.read_spans(path, "relations")
    assert len(units) == 1 and units.key(0) == "ABOUT\0claim:x:1".encode() and list(units.lens) == [300]
    assert [spans.read_spans(path, "mentions").key(i) for i in range(2)] == [b"doc-1", b"doc-2"]
    assert spans.read_spans(path, "claims") is None
    assert spans.read_meta(path) == {"version": "v1", "spliced": "mentions"}
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # one length's byte, as a power failure might leave it
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(bytes(data))
    assert spans.read_spans(damaged, "mentions") is None and spans.read_spans(damaged, "relations") is None
    assert spans.read_meta(tmp_path / "missing.bin") == {} and spans.read_spans(tmp_path / "missing.bin", "x") is None
    (tmp_path / "old.sqlite").write_bytes(b"SQLite format 3\0" + bytes(100))
    assert spans.read_meta(tmp_path / "old.sqlite") == {}


def test_a_damaged_spans_file_makes_the_rebuild_write_its_tables_whole(inputs, tmp_path, splice_all):
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    path = build.current_set(out) / spans.SPANS
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    edit(inputs / "洪山区实验小学.txt", HEAD_A + EXTRA)
    build.run(inputs, out, workers=1, progress=False)
    assert spans.read_meta(build.current_set(out) / spans.SPANS)["spliced"] == ""
    same_as_full(inputs, out, tmp_path / "full")


# --------------------------------------------------------------------------- the plan's candidates

def test_a_change_undone_two_builds_later_is_found_through_the_previous_sets_changes(inputs, tmp_path, splice_all):
    """Set 3's index is set 1's patched: the nodes set 2 changed and set 3 changed back are
    not written by set 3's patch, and are found in set 2's changes.json."""
    out = tmp_path / "out"
    school = inputs / "新学校.txt"
    school.write_text(NEW_SCHOOL, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    first = _rows_of(out)
    edit(school, NEW_SCHOOL.replace("640人", "655人").replace("周文涛", "周文海"))
    build.run(inputs, out, workers=1, progress=False)
    second = build.current_set(out)
    changes = json.loads((second / splice.CHANGES).read_text(encoding="utf-8"))
    assert any("周文海" in n or "周文涛" in n for n in changes["nodes"])
    edit(school, NEW_SCHOOL)
    build.run(inputs, out, workers=1, progress=False)
    third = json.loads((build.current_set(out) / splice.CHANGES).read_text(encoding="utf-8"))
    assert third["base"] == second.name and changes["base"] != second.name
    assert spans.read_meta(build.current_set(out) / spans.SPANS)["spliced"]  # the splice was taken
    assert _rows_of(out) == first
    same_as_full(inputs, out, tmp_path / "full")


def test_without_the_previous_sets_changes_every_node_is_compared(inputs, tmp_path, splice_all, monkeypatch):
    out = tmp_path / "out"
    school = inputs / "新学校.txt"
    school.write_text(NEW_SCHOOL, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    edit(school, NEW_SCHOOL.replace("周文涛", "周文海"))
    build.run(inputs, out, workers=1, progress=False)
    (build.current_set(out) / splice.CHANGES).unlink()
    asked = []
    real = splice._candidates

    def candidates(previous, patched):
        asked.append(real(previous, patched))
        return asked[-1]
    monkeypatch.setattr(splice, "_candidates", candidates)
    edit(school, NEW_SCHOOL)
    build.run(inputs, out, workers=1, progress=False)
    assert asked == [None]  # set 1's index patched, and nothing says how set 2 differs from set 1
    same_as_full(inputs, out, tmp_path / "full")


def test_the_first_rebuild_after_a_whole_build_patches_the_spare_and_compares_only_what_it_wrote(
        inputs, tmp_path, splice_all, monkeypatch):
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    first = build.current_set(out).name
    asked = []
    real = splice._candidates

    def candidates(previous, patched):
        asked.append((patched["base"], real(previous, patched)))
        return asked[-1][1]
    monkeypatch.setattr(splice, "_candidates", candidates)
    edit(inputs / "洪山区实验小学.txt", HEAD_A + EXTRA)
    build.run(inputs, out, workers=1, progress=False)
    (base, cand), = asked
    assert base == first and cand is not None  # the spare is a copy of the first set's index
    assert 0 < len(cand["nodes"]) < 200
    same_as_full(inputs, out, tmp_path / "full")


# --------------------------------------------------------------------------- the linking's log

def test_the_store_keeps_where_its_log_was_for_each_index_and_a_new_log_is_safe(inputs, tmp_path, splice_all):
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    edit(inputs / "洪山区实验小学.txt", HEAD_A + EXTRA)
    build.run(inputs, out, workers=1, progress=False)
    store = sqlite3.connect(out / "work" / "store.sqlite")
    try:
        mark = store.execute("SELECT v FROM meta WHERE k = ?", (linkstore.MARK + build.current_set(out).name,)
                             ).fetchone()[0]
        assert mark == linkstore.log_mark(store)  # the mirror of the set in place is the linking as it stands
        assert linkstore.log_since(store, mark) == (set(), set())
        logged = linkstore.log_since(store, mark.split(":")[0] + ":0")
        assert logged is not None and logged[0]  # the roots the rebuild linked again
        assert linkstore.log_since(store, "another:0") is None and linkstore.log_since(store, None) is None
        store.execute("UPDATE lk_meta SET v = 'restarted' WHERE k = 'log_epoch'")  # as after a whole linking
        store.commit()
    finally:
        store.close()
    edit(inputs / "洪山区实验小学.txt", HEAD_A)
    build.run(inputs, out, workers=1, progress=False)
    same_as_full(inputs, out, tmp_path / "full")


# --------------------------------------------------------------------------- sets removed aside

def test_retired_sets_are_removed_by_a_process_of_their_own(inputs, tmp_path):
    out = tmp_path / "out"
    for n in range(4):
        if n:
            edit(inputs / "洪山区实验小学.txt", HEAD_A + EXTRA * n)
        build.run(inputs, out, workers=1, progress=False)
    sets = [g for g in os.listdir(out / ".builds") if g.isdigit()]
    assert len(sets) == outsets.KEEP_BUILDS  # moved out of .builds at once
    deadline = time.time() + 30
    while list((out / "work").glob(".trash-*")) and time.time() < deadline:
        time.sleep(0.1)
    assert not list((out / "work").glob(".trash-*"))  # and gone soon after


def test_beside_gives_the_threads_value_or_raises_its_error_here():
    assert Beside(lambda: 6 * 7).result() == 42

    def fails():
        raise ValueError("in the thread")
    with pytest.raises(ValueError, match="in the thread"):
        Beside(fails).result()


def test_rebuilds_with_two_workers_follow_a_chain_of_edits_as_full_builds_do(inputs, tmp_path, splice_all):
    out = tmp_path / "out"
    build.run(inputs, out, workers=2, progress=False)
    school = inputs / "新学校.txt"
    for step, text in enumerate([NEW_SCHOOL, NEW_SCHOOL.replace("城南区", "城北区"), None, NEW_SCHOOL]):
        if text is None:
            school.unlink()
        else:
            edit(school, text)
        build.run(inputs, out, workers=2, progress=False)
        same_as_full(inputs, out, tmp_path / f"full{step}")
    shutil.rmtree(tmp_path / "full0", ignore_errors=True)


def test_the_scale_table_gives_the_one_change_rebuild_and_its_undoing():
    from pipeline import benchscale
    row = {"reports": 20000, "chars": 43.0e6, "replicated": True, "real": "", "build_s": 149.0, "peak": 0.47 * 2**30,
           "noop_s": 1.1, "one_s": 7.4, "undo_s": 4.9, "inspect_cli_s": 0.3, "inspect_s": 0.06,
           "measures_cli_s": 4.7, "tokenise_cps": 304909.0,
           "one_phases": [{"phase": "extract", "s": 2.0}, {"phase": "tables", "s": 1.7, "peak_mb": 317.0},
                          {"phase": "spliced", "s": 0, "tables": []}]}
    text = benchscale.table([row], 2)
    line = next(x for x in text.splitlines() if x.startswith("| 20,000 (assembly"))
    assert "| 7.4 s / 4.9 s |" in line and "| 7.4 s per 1,000" not in line
    assert "| 20,000 | 2.0 s | 1.7 s (0.31 GiB) |" in text  # the first rebuild's phases; "spliced" is no time
