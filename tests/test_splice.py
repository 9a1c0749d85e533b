"""The delta path of a rebuild (pipeline/splice.py): the tables and the GraphML spliced
from the previous output set equal, byte for byte, those of a full build of the same
inputs in a fresh folder; whenever the splice is not safe the set is written whole."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from pipeline import build, indexpatch, splice

from .conftest import RAW, SEEDS, read_table
from .trees import same_outputs

# two reports on one school and its head: the second ties the name to the school in a
# second report, so that the person of the first gets another node id after linking
HEAD_A = ("本报讯（记者 林晓燕）3月12日，武汉市洪山区教育局在洪山区实验小学召开课后服务工作推进会。"
          "洪山区实验小学校长张卫国介绍，学校开设了42门课后服务课程，覆盖全校1800名学生。\n")
HEAD_B = ("本报讯 4月2日，洪山区实验小学举行读书节启动仪式。洪山区实验小学校长张卫国在仪式上致辞，"
          "他表示学校将继续落实“双减”政策，减轻学生课业负担。\n")
def OTHER_SCHOOL(text: str) -> str:
    return text.replace("洪山区实验小学", "光谷第一小学").replace("张卫国", "李明远")


CITY_SCHOOL = "本报讯 5月8日，武汉市桂子山实验小学举行科技节，全校1200名学生参加了活动。\n"
DISTRICT_SCHOOL = "本报讯 洪山区桂子山实验小学近日获评省级文明校园，该校现有教师86人、学生1350人。\n"
EXTRA = "\n本报讯 城南区教育局召开会议，局长王海平要求全区38所学校做好课后服务。\n"


@pytest.fixture()
def inputs(tmp_path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    (src / "洪山区实验小学.txt").write_text(HEAD_A, encoding="utf-8")
    # a head named at his school in two reports from the start (a joined node: its link_basis)
    (src / "光谷一小.txt").write_text(OTHER_SCHOOL(HEAD_A), encoding="utf-8")
    (src / "光谷一小读书节.txt").write_text(OTHER_SCHOOL(HEAD_B), encoding="utf-8")
    return src


@pytest.fixture()
def splice_all(monkeypatch):
    """Every file spliced however small the corpus (five seeds: one report is a fifth)."""
    monkeypatch.setattr(splice, "MAX_SHARE", 1.0)


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def spliced(out: Path) -> tuple[str, str]:
    cur = build.current_set(out)
    meta = splice.read_meta(cur / splice.GRAPH_SPANS)
    return splice.read_meta(cur / splice.SPANS).get("spliced", ""), meta.get("spliced", meta.get("why_whole"))


def index_dump(out: Path) -> dict[str, list[tuple]]:
    """Every table of the index, its rows in order (pipeline.indexpatch.dump)."""
    return indexpatch.dump(build.current_set(out) / "index.sqlite")


def same_as_full(inputs: Path, out: Path, full: Path) -> None:
    if full.exists():
        shutil.rmtree(full)
    build.run(inputs, full, workers=1, progress=False)
    assert spliced(full) == ("", "no previous output set")  # a first build has nothing to splice from
    same_outputs(out, full)  # tables, cleaned texts, GraphML and the index, byte for byte
    assert index_dump(out) == index_dump(full)


def test_an_edited_an_added_and_a_deleted_report_are_spliced_as_a_full_build_writes_them(
        inputs, tmp_path, splice_all, monkeypatch):
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    assert (build.current_set(out) / splice.SPANS).is_file() and (build.current_set(out) / splice.GRAPH_SPANS).is_file()

    # one report edited
    seed = inputs / f"{SEEDS['003']}.txt"
    edit(seed, seed.read_text(encoding="utf-8") + EXTRA)
    build.run(inputs, out, workers=1, progress=False)
    assert spliced(out) == ("documents,mentions,entities,claims,relations", "graph")
    assert any(r["text"] == "王海平" and r["doc_id"] == SEEDS["003"] for r in read_table(out, "mentions.csv"))
    same_as_full(inputs, out, full)

    # one report added
    (inputs / "区教育局.txt").write_text("本报讯 3月5日，洪山区教育局召开会议，局长王海平要求全区38所学校做好课后服务。\n",
                                      encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    assert spliced(out) == ("documents,mentions,entities,claims,relations", "graph")
    assert "区教育局" in {r["doc_id"] for r in read_table(out, "documents.csv")}
    same_as_full(inputs, out, full)

    # one report deleted
    (inputs / f"{SEEDS['001']}.txt").unlink()
    build.run(inputs, out, workers=1, progress=False)
    assert spliced(out) == ("documents,mentions,entities,claims,relations", "graph")
    assert SEEDS["001"] not in {r["doc_id"] for r in read_table(out, "mentions.csv")}
    same_as_full(inputs, out, full)


def test_a_report_that_moves_an_entity_of_another_report_to_another_node(inputs, tmp_path, splice_all):
    """A school named with its city in one report is the school named with its district
    in a new one (the only one of that name inside the city): the first report, which does
    not change, now points at the district's node, and its rows are written again."""
    out, full = tmp_path / "out", tmp_path / "full"
    (inputs / "科技节.txt").write_text(CITY_SCHOOL, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)

    def school_id() -> str:
        return next(r["entity_id"] for r in read_table(out, "mentions.csv")
                    if r["doc_id"] == "科技节" and "桂子山实验小学" in r["text"])
    before = school_id()
    (inputs / "文明校园.txt").write_text(DISTRICT_SCHOOL, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    assert school_id() != before  # an id used by a report that did not change
    assert spliced(out) == ("documents,mentions,entities,claims,relations", "graph")
    same_as_full(inputs, out, full)

    # and back: the new report removed, the first report's school is the city's again
    (inputs / "文明校园.txt").unlink()
    build.run(inputs, out, workers=1, progress=False)
    assert school_id() == before
    assert spliced(out) == ("documents,mentions,entities,claims,relations", "graph")
    same_as_full(inputs, out, full)


def test_too_many_changes_other_code_and_a_damaged_previous_set_take_the_full_path(inputs, tmp_path, monkeypatch):
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    # every report but one changed: above MAX_SHARE, written whole
    monkeypatch.setattr(splice, "MAX_SHARE", 0.25)
    for name in list(SEEDS.values())[:4]:
        seed = inputs / f"{name}.txt"
        edit(seed, seed.read_text(encoding="utf-8") + EXTRA)
    build.run(inputs, out, workers=1, progress=False)
    assert not {"mentions", "claims"} & set(spliced(out)[0].split(","))
    same_as_full(inputs, out, full)

    # other code (or rules) wrote the previous set: written whole
    monkeypatch.setattr(splice, "MAX_SHARE", 1.0)
    real = splice.version_of
    monkeypatch.setattr(splice, "version_of", lambda v: real(v + "-other"))
    edit(inputs / "洪山区实验小学.txt", HEAD_A + EXTRA)
    build.run(inputs, out, workers=1, progress=False)
    assert spliced(out) == ("", "the previous set was written by other code or rules")
    same_as_full(inputs, out, full)

    # a previous file that is not what its spans say: that file is written whole, the rest spliced
    monkeypatch.undo()
    monkeypatch.setattr(splice, "MAX_SHARE", 1.0)
    build.run(inputs, out, workers=1, progress=False, only_link=True)  # spans of this code
    relations = build.current_set(out) / "tables" / "relations.csv"
    damaged = relations.read_bytes()
    relations.unlink()  # the set's file is hard to damage in place (a reader may hold it): a copy
    relations.write_bytes(damaged[:-10])
    edit(inputs / "洪山区实验小学.txt", HEAD_A)
    build.run(inputs, out, workers=1, progress=False)
    assert spliced(out) == ("documents,mentions,entities,claims", "graph")
    same_as_full(inputs, out, full)


def test_documents_rows_are_made_again_only_where_they_changed(inputs, tmp_path, splice_all, monkeypatch):
    """documents.csv is spliced too: one row a unit, keyed by its place in the index; a
    report edited makes its own rows again and the others are copied."""
    import sqlite3
    out, full = tmp_path / "out", tmp_path / "full"
    build.run(inputs, out, workers=1, progress=False)
    made: list[tuple] = []
    real = splice.table_units

    def recording(db, name, unit=None):
        if name == "documents" and unit is not None:
            made.append(unit)
        return real(db, name, unit)
    monkeypatch.setattr(splice, "table_units", recording)
    edit(inputs / "洪山区实验小学.txt", HEAD_A + EXTRA)  # longer: its row's n_chars changes
    build.run(inputs, out, workers=1, progress=False)
    assert spliced(out)[0].split(",")[0] == "documents"
    db = sqlite3.connect(build.current_set(out) / "index.sqlite")
    ours = {f"{s:020d}" for (s,) in db.execute("SELECT seq FROM documents WHERE doc_id LIKE '洪山区实验小学%'")}
    total = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    db.close()
    assert ours and {u[0] for u in made} >= ours
    assert len(made) <= 2 * len(ours) < total  # the report's new rows and its old ones, not the others
    docs = read_table(out, "documents.csv")
    assert [r["doc_id"] for r in docs].count("洪山区实验小学") == 1 and len(docs) == total
    same_as_full(inputs, out, full)
