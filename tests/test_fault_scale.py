"""Faults at scale: 100 faults injected into a build of 200 small reports.

Five kinds, twenty of each, spread over the reports with a fixed seed: bad bytes on disk
(NUL bytes, control bytes, empty, nothing but page furniture), a stage that raises on one section,
a read that fails (an I/O error, injected where the file is read), an extraction that never ends (time budget), and one that
keeps taking memory (memory bound). The build must go on, list all 200 with the right
status, and give the 100 good reports the same rows as a build without faults."""
from __future__ import annotations

import random
import time
from pathlib import Path

import networkx as nx
import pytest

from pipeline import build, extract, ingest

SCHOOLS = ["城南", "城北", "河西", "河东", "山前", "湖滨", "江口", "新港", "白沙", "青山"]
KINDS = ["小学", "中学", "实验学校", "第一中学", "幼儿园"]
NAMES = ["王海平", "李红梅", "张建国", "陈晓东", "刘丽华", "赵文斌", "周小平", "吴志强"]


def report(i: int) -> str:
    school = f"{SCHOOLS[i % 10]}{KINDS[i // 10 % 5]}"
    name = NAMES[i % 8]
    return (f"{school}举办第{i + 1}届读书节\n{3 + i % 9}月{1 + i % 27}日，{SCHOOLS[(i + 3) % 10]}区{school}举办读书节活动，"
            f"全校{100 + i}名学生参加。校长{name}致辞。\n")


def rows(out: Path, name: str) -> list[dict]:
    from pipeline import csvio
    return csvio.read_rows(out / "tables" / f"{name}.csv")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    src = tmp_path_factory.mktemp("scale")
    rnd = random.Random(100)
    idx = list(range(200))
    rnd.shuffle(idx)
    kinds = ["bytes", "stage", "read", "slow", "memory"]
    fault = {f"r{i:03d}.txt": kinds[n // 20] for n, i in enumerate(idx[:100])}
    bad_bytes = [b"\x00\x01\x02\xff" * 50, b"\x01\x02\x03\x04\x1b" * 60, b"", "分享到：\n网易首页\n".encode()]
    for i in range(200):
        name = f"r{i:03d}.txt"
        data = report(i).encode("utf-8")
        if fault.get(name) == "bytes":
            data = bad_bytes[i % 4]
        (src / name).write_bytes(data)
    return src, fault


@pytest.fixture(scope="module")
def clean_build(corpus, tmp_path_factory) -> Path:
    """The 100 good reports alone, built without any fault."""
    src, fault = corpus
    good = tmp_path_factory.mktemp("good")
    for p in src.iterdir():
        if p.name not in fault:
            (good / p.name).write_bytes(p.read_bytes())
    out = tmp_path_factory.mktemp("good_out")
    build.run(good, out, workers=1, progress=False)
    return out


def test_100_faults_in_200_reports_lose_only_the_faulty_ones(corpus, clean_build, tmp_path):
    src, fault = corpus
    mp = pytest.MonkeyPatch()
    real_report, real_section, real_read = extract.extract_report, extract.extract_section, ingest.read_bytes

    def faulty_read(path, max_mb):
        if fault.get(path.name) == "read":
            raise OSError(5, "Input/output error")
        return real_read(path, max_mb)

    def faulty_report(path, **kw):
        kind = fault.get(path.name)
        if kind == "slow":
            while True:
                time.sleep(0.02)
        if kind == "memory":
            # over the 120 MB bound in one step, so that the bound's watcher (a 20 ms poll) sees
            # it long before the 1 s time budget ends even on a loaded machine (the bound was
            # passed in 32 MB steps: under load the budget fired first; with a 0.5 s budget it
            # fired first once, on a machine running two other builds); freed as the report ends
            block = bytearray(200 << 20)
            try:
                while True:
                    time.sleep(0.002)
            finally:
                del block
        return real_report(path, **kw)

    def faulty_section(nlp, rep, sec, *a, **kw):
        if fault.get(rep.file) == "stage":
            raise ValueError("a stage failed on this section")
        return real_section(nlp, rep, sec, *a, **kw)
    try:
        mp.setattr(extract, "extract_report", faulty_report)
        mp.setattr(extract, "extract_section", faulty_section)
        mp.setattr(ingest, "read_bytes", faulty_read)
        out = tmp_path / "out"
        summary = build.run(src, out, workers=1, progress=False, budget=1.0, max_mem=120)
    finally:
        mp.undo()
    docs = {r["file"]: r for r in rows(out, "documents")}
    assert len(docs) == 200
    assert [(n, docs[n]["status"]) for n in fault if docs[n]["status"] == "ok"] == []
    assert summary.reports == 100
    why = {"slow": "too slow", "memory": "too much memory", "read": "Input/output", "stage": "a stage failed"}
    for name, kind in fault.items():
        d = docs[name]
        assert d["status"] != "ok", (name, kind)
        if kind in why:
            assert why[kind] in d["error"], (name, d["error"])
    for name in set(docs) - set(fault):
        assert docs[name]["status"] == "ok", name
    # the good reports' rows are those of a build without faults
    for table in ("mentions", "documents"):
        good = [r for r in rows(out, table) if r.get("file", r.get("doc_id", "")).split("#")[0].removesuffix(".txt")
                not in {n.removesuffix(".txt") for n in fault}]
        assert good == rows(clean_build, table), table
    g = nx.read_graphml(out / "graph.graphml")
    assert g.number_of_nodes() == nx.read_graphml(clean_build / "graph.graphml").number_of_nodes()
