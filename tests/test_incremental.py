"""Incremental builds: a rebuild with nothing changed does no work beyond listing and
fingerprints; one changed report is extracted again alone, the linking reruns from the
store's compact records, and the outputs equal those of a full build of the same inputs
byte for byte."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from pipeline import build, extract, store as store_mod

from .conftest import RAW, SEEDS
from .trees import same_outputs

NEW_REPORT = ("本报讯（记者 林晓燕）3月12日，城东区教育局在城东区实验小学召开课后服务工作推进会。"
              "局长陈国华要求全区42所学校落实“双减”政策，确保课后服务全覆盖。\n")


@pytest.fixture()
def inputs(tmp_path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    return src


def test_a_build_with_nothing_changed_extracts_and_writes_nothing(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = build.run(inputs, out, workers=1, progress=False)
    sets = sorted(os.listdir(out / ".builds"))
    graph_before = (out / "graph.graphml").read_bytes()

    def no(*a, **k):
        raise AssertionError("a no-op build must not extract")
    monkeypatch.setattr(extract, "extract_report", no)
    again = build.run(inputs, out, workers=1, progress=False)
    assert sorted(os.listdir(out / ".builds")) == sets  # no new output set
    assert (out / "graph.graphml").read_bytes() == graph_before
    assert (again.reports, again.sections, again.entities, again.edges) == \
        (first.reports, first.sections, first.entities, first.edges)


def test_one_changed_report_is_extracted_alone_and_outputs_equal_a_full_build(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    changed = inputs / f"{SEEDS['003']}.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + NEW_REPORT, encoding="utf-8")
    later = time.time() + 5
    os.utime(changed, (later, later))
    (inputs / "新增报道.txt").write_text(NEW_REPORT, encoding="utf-8")  # and one new report

    seen = []
    real = extract.extract_report

    def counting(path, **kw):
        seen.append(path.name)
        return real(path, **kw)
    monkeypatch.setattr(extract, "extract_report", counting)
    build.run(inputs, out, workers=1, progress=False)
    assert sorted(seen) == sorted([changed.name, "新增报道.txt"])

    full = tmp_path / "full"
    build.run(inputs, full, workers=1, progress=False)
    same_outputs(out, full)
    mentions = (out / "tables" / "mentions.csv").read_text(encoding="utf-8-sig")
    assert "新增报道,PERSON,陈国华" in mentions

    # a report removed: its rows go, the rest stays as a full build makes it
    (inputs / "新增报道.txt").unlink()
    build.run(inputs, out, workers=1, progress=False)
    full2 = tmp_path / "full2"
    build.run(inputs, full2, workers=1, progress=False)
    same_outputs(out, full2)
    assert "新增报道" not in (out / "tables" / "documents.csv").read_text(encoding="utf-8-sig")


def test_linking_reruns_from_compact_records_without_text(inputs, tmp_path):
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    st = store_mod.Store(out / "work" / "store.sqlite")
    try:
        keys = list(st.fingerprints())
        records = list(st.link_records(keys))
    finally:
        st.close()
    assert records and all(set(r) == set(store_mod.LINK_FIELDS) for r in records)
    assert any(r["entities"] for r in records)
    assert "text" not in records[0] and "mentions" not in records[0]


QUIET_REPORT = "今天上午，天气晴朗，气温适宜。\n"  # no organisation, place or person: the communities' graph stays


def test_communities_are_reused_while_their_graph_is_the_same(inputs, tmp_path, monkeypatch):
    from pipeline import communities
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    first = (out / "tables" / "communities.csv").read_bytes()
    assert first.count(b"\n") > 1 and (out / "work" / "communities.json").is_file()
    grouped = communities.LAST_RUN["louvain"]
    assert grouped >= 1  # a component more than one organisation and its people
    (inputs / "天气.txt").write_text(QUIET_REPORT, encoding="utf-8")

    def no(*a, **k):
        raise AssertionError("the communities of an unchanged graph are not found again")
    monkeypatch.setattr(communities, "louvain", no)
    build.run(inputs, out, workers=1, progress=False)
    assert "天气" in (out / "tables" / "documents.csv").read_text(encoding="utf-8-sig")
    # no member touched: no component looked at (pipeline/commdelta.py), the rows kept
    assert communities.LAST_RUN["components"] == 0
    assert (out / "tables" / "communities.csv").read_bytes() == first
    monkeypatch.undo()

    # a new report tying a head to his bureau adds a component: only it is looked at
    (inputs / "新增报道.txt").write_text(NEW_REPORT, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)
    assert communities.LAST_RUN["components"] == 1 and communities.LAST_RUN["louvain"] == 0
    assert "城东区教育局" in (out / "tables" / "communities.csv").read_text(encoding="utf-8-sig")
    full = tmp_path / "full"
    build.run(inputs, full, workers=1, progress=False)
    same_outputs(out, full)


def test_extraction_caches_outlive_a_change_to_the_code_after_extraction(tmp_path, monkeypatch):
    """The extraction's fingerprint covers the code it runs; a change to the assembly makes
    the store's rows again from the caches; a change to an extractor re-extracts."""
    from pipeline import util
    pkg = tmp_path / "pipeline"
    shutil.copytree(util.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__", "assets"))
    monkeypatch.setattr(util, "PACKAGE_DIR", pkg)
    before = util.code_fingerprint(), util.code_fingerprint("rows")
    (pkg / "query.py").write_text((pkg / "query.py").read_text(encoding="utf-8") + "\n# 查询\n", encoding="utf-8")
    assert (util.code_fingerprint(), util.code_fingerprint("rows")) == before
    (pkg / "assemble.py").write_text((pkg / "assemble.py").read_text(encoding="utf-8") + "\n# 组装\n", encoding="utf-8")
    assert util.code_fingerprint() == before[0] and util.code_fingerprint("rows") != before[1]
    (pkg / "dates.py").write_text((pkg / "dates.py").read_text(encoding="utf-8") + "\n# 日期\n", encoding="utf-8")
    assert util.code_fingerprint() != before[0]


def test_a_change_to_the_assembly_code_makes_the_rows_again_without_extracting(inputs, tmp_path, monkeypatch):
    from pipeline import util
    out = tmp_path / "out"
    build.run(inputs, out, workers=1, progress=False)
    graph_before = (out / "graph.graphml").read_bytes()
    real = util.code_fingerprint
    monkeypatch.setattr(build, "code_fingerprint", lambda part="extraction": real(part) + ("-changed" if part == "rows" else ""))

    def no(*a, **k):
        raise AssertionError("an assembly change re-extracts no report")
    monkeypatch.setattr(extract, "extract_report", no)
    sets = sorted(os.listdir(out / ".builds"))
    build.run(inputs, out, workers=1, progress=False)
    assert sorted(os.listdir(out / ".builds")) != sets  # a new output set, from the stored extractions
    assert (out / "graph.graphml").read_bytes() == graph_before
    assert "锦官新城小学" in (out / "tables" / "entities.csv").read_text(encoding="utf-8-sig")
