"""The index of a rebuild patched from the previous set's (pipeline/indexpatch.py): after an
edited, an added and a deleted report, and after a report that moves another report's
entity to another node, the patched index has the content of a full build's (a canonical
dump) and every output is the bytes a full build writes; whenever the patch is not safe
the index is made whole, and the build's log says why."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from pipeline import assemble, build, indexpatch, splice

from .conftest import RAW, SEEDS, read_table
from .trees import same_outputs

MEETING = "\n本报讯 城南区教育局召开会议，局长王海平要求全区38所学校做好课后服务。\n"
NEW_REPORT = ("本报讯（记者 林晓燕）3月12日，城东区教育局在城东区实验小学召开课后服务工作推进会。"
              "局长陈国华要求全区42所学校落实“双减”政策，确保课后服务全覆盖。\n")
# a school named with its city in one report, and with its district in another (the only
# one of that name inside the city): the second moves the first report's school to the
# district's node
CITY_SCHOOL = "本报讯 5月8日，武汉市桂子山实验小学举行科技节，全校1200名学生参加了活动。\n"
DISTRICT_SCHOOL = "本报讯 洪山区桂子山实验小学近日获评省级文明校园，该校现有教师86人、学生1350人。\n"


@pytest.fixture()
def inputs(tmp_path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    return src


@pytest.fixture()
def patch_all(monkeypatch):
    """Every rebuild patched (and spliced) however small the corpus (one seed is a fifth)."""
    monkeypatch.setattr(indexpatch, "MAX_SHARE", 1.0)
    monkeypatch.setattr(splice, "MAX_SHARE", 1.0)


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def index_log(out: Path) -> dict:
    """What the last build logged about its index: reports made again, or why it was made whole."""
    phases = [json.loads(x) for x in (out / "work" / "phases.jsonl").read_text(encoding="utf-8").splitlines()]
    return next(p for p in phases if p["phase"] == "index-patch")


def same_as_full(inputs: Path, out: Path, full: Path) -> None:
    if full.exists():
        shutil.rmtree(full)
    build.run(inputs, full, workers=1, progress=False)
    assert index_log(full)["why_whole"] == "no previous index"
    same_outputs(out, full)  # tables, cleaned texts, GraphML byte for byte; the index's content


def test_an_edited_an_added_and_a_deleted_report_patch_the_index_to_what_a_full_build_makes(
        inputs, tmp_path, patch_all):
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["why_whole"] == "no previous index"

    seed = inputs / f"{SEEDS['003']}.txt"
    edit(seed, seed.read_text(encoding="utf-8") + MEETING)
    build.run(inputs, out, workers=1, progress=False)
    # the spare copy the whole build left, moved into the new set and patched in place
    assert index_log(out) == {"phase": "index-patch", "s": 0, "patched": 1, "why_whole": "", "index_from": "moved"}
    assert any(r["text"] == "王海平" and r["doc_id"] == SEEDS["003"] for r in read_table(out, "mentions.csv"))
    same_as_full(inputs, out, full)

    (inputs / "城东区教育局.txt").write_text(NEW_REPORT, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    # the first set's index, two builds behind: the edited report (another store revision) too
    assert index_log(out)["patched"] == 2 and index_log(out)["why_whole"] == ""
    assert index_log(out)["index_from"] == "moved"
    assert "城东区教育局" in {r["doc_id"] for r in read_table(out, "documents.csv")}
    same_as_full(inputs, out, full)

    (inputs / f"{SEEDS['001']}.txt").unlink()
    build.run(inputs, out, workers=1, progress=False)
    # the second set's index: the report added since made, the one deleted gone
    assert index_log(out)["patched"] == 1 and index_log(out)["why_whole"] == ""
    assert SEEDS["001"] not in {r["doc_id"] for r in read_table(out, "mentions.csv")}
    same_as_full(inputs, out, full)


def test_a_report_whose_entity_moves_to_another_node_is_made_again_though_it_did_not_change(
        inputs, tmp_path, patch_all):
    out, full = tmp_path / "out", tmp_path / "full"
    (inputs / "科技节.txt").write_text(CITY_SCHOOL, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)

    def school_id() -> str:
        return next(r["entity_id"] for r in read_table(out, "mentions.csv")
                    if r["doc_id"] == "科技节" and "桂子山实验小学" in r["text"])
    before = school_id()
    (inputs / "文明校园.txt").write_text(DISTRICT_SCHOOL, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    assert school_id() != before
    assert index_log(out)["patched"] == 2  # the new report and the one whose key moved
    same_as_full(inputs, out, full)

    (inputs / "文明校园.txt").unlink()  # and back to the city's node
    build.run(inputs, out, workers=1, progress=False)
    assert school_id() == before
    # the first set's index, of before the district's report: nothing to make again
    assert index_log(out)["patched"] == 0 and index_log(out)["why_whole"] == ""
    same_as_full(inputs, out, full)


def test_the_index_is_made_whole_when_a_patch_is_not_safe_and_the_log_says_why(inputs, tmp_path, monkeypatch):
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    seeds = [inputs / f"{name}.txt" for name in SEEDS.values()]

    # four of five reports changed: above MAX_SHARE
    for seed in seeds[:4]:
        edit(seed, seed.read_text(encoding="utf-8") + MEETING)
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["why_whole"] == "4 of 5 reports to make again, 0 gone"
    same_as_full(inputs, out, full)

    monkeypatch.setattr(indexpatch, "MAX_SHARE", 1.0)
    # an index made by other code
    monkeypatch.setattr(indexpatch, "index_format", lambda: "other")
    edit(seeds[0], seeds[0].read_text(encoding="utf-8") + "\n本报讯 城南区第一中学举行运动会。\n")
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["why_whole"] == "the previous index was made by other code"
    same_as_full(inputs, out, full)
    monkeypatch.undo()
    monkeypatch.setattr(indexpatch, "MAX_SHARE", 1.0)

    # rows numbered without gaps (GAP 1): no room between two rows, made whole
    for m in (assemble, indexpatch):
        monkeypatch.setattr(m, "GAP", 1)
    shutil.rmtree(out)
    build.run(inputs, out, workers=1, progress=False)  # an index numbered 1, 2, 3 ...
    edit(seeds[1], seeds[1].read_text(encoding="utf-8") + MEETING)
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["why_whole"].startswith("no room left between seq")
    same_as_full(inputs, out, full)

    # an index to patch that is not a database
    index = build.index_to_take(out)
    index.unlink()
    index.write_bytes(b"not an index")
    edit(seeds[2], seeds[2].read_text(encoding="utf-8") + MEETING)
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["why_whole"].startswith("the previous index cannot be patched")
    same_as_full(inputs, out, full)


def test_new_seq_numbers_go_evenly_into_the_gap_or_the_patch_is_refused():
    assert indexpatch.spread(0, 100, 3) == [25, 50, 75]
    assert indexpatch.spread(10, None, 2) == [10 + assemble.GAP, 10 + 2 * assemble.GAP]
    with pytest.raises(indexpatch.Unsafe):
        indexpatch.spread(4, 6, 2)


def test_the_index_no_set_needs_is_patched_in_place_and_the_sets_in_use_keep_theirs(inputs, tmp_path, patch_all):
    """No copy of the index: a rebuild moves the spare a whole build left (then the index of
    the set its switch retires) into its set and patches that file; the current set's and
    the previous set's indexes are never written to."""
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    seeds = [inputs / f"{name}.txt" for name in SEEDS.values()]
    for i, seed in enumerate(seeds[:3]):
        taken = build.index_to_take(out)
        assert taken is not None and taken != build.current_set(out) / assemble.INDEX
        inode = taken.stat().st_ino
        in_use = {p: indexpatch.dump(p) for p in (out / ".builds").glob("0*/index.sqlite") if p != taken}
        edit(seed, seed.read_text(encoding="utf-8") + MEETING)
        build.run(inputs, out, workers=1, progress=False)
        assert index_log(out)["index_from"] == "moved" and index_log(out)["why_whole"] == ""
        assert (build.current_set(out) / assemble.INDEX).stat().st_ino == inode  # the same file
        assert not taken.exists()
        for p, before in in_use.items():
            assert indexpatch.dump(p) == before, p
        same_as_full(inputs, out, full)
    assert sorted(p.name for p in (out / ".builds").iterdir() if p.name.isdigit()) == ["000003", "000004"]


def test_a_build_that_dies_after_the_patch_leaves_the_set_in_place_whole_and_the_next_one_copies(
        inputs, tmp_path, patch_all, monkeypatch):
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    current = build.current_set(out)
    before = indexpatch.dump(current / assemble.INDEX), (out / "graph.graphml").read_bytes()
    seed = inputs / f"{SEEDS['003']}.txt"
    edit(seed, seed.read_text(encoding="utf-8") + MEETING)

    def killed(self, db, folder):  # the index is patched and committed; the switch never comes
        raise KeyboardInterrupt
    with monkeypatch.context() as m:
        m.setattr(splice.Writer, "write_tables", killed)
        with pytest.raises(KeyboardInterrupt):
            build.run(inputs, out, workers=1, progress=False)
    assert build.current_set(out) == current
    assert (indexpatch.dump(current / assemble.INDEX), (out / "graph.graphml").read_bytes()) == before
    assert build.index_to_take(out) is None  # the patched spare went with the unfinished set
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["index_from"] == "copied" and index_log(out)["patched"] == 1
    same_as_full(inputs, out, full)


def test_an_index_whose_rows_the_store_does_not_know_is_made_whole(inputs, tmp_path, patch_all):
    """Which revision of each report an index holds is kept in the store (an emptied store
    knows none): without it no patch is tried."""
    import sqlite3
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    db = sqlite3.connect(out / "work" / "store.sqlite")
    db.execute("DELETE FROM index_revs")
    db.commit()
    db.close()
    seed = inputs / f"{SEEDS['003']}.txt"
    edit(seed, seed.read_text(encoding="utf-8") + MEETING)
    build.run(inputs, out, workers=1, progress=False)
    assert index_log(out)["why_whole"] == "the store does not know which rows the previous index holds"
    same_as_full(inputs, out, full)
