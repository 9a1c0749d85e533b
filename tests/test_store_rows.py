"""The store's rows of a report are made in the process that extracted it
(``store.rows_of``), and the build's own process only inserts them (``Store.put_rows``):
with two workers, the rows of the reports the forked worker extracted are never made
again in the build's process, and the rows sent through a pipe put the store exactly as
the extraction itself does."""
from __future__ import annotations

import os
import pickle
import sqlite3
from pathlib import Path

from pipeline import build, engines, extract, store as store_mod
from pipeline.inputs import scan

REPORTS = {
    "a.txt": "城南区教育局召开会议。局长王海平要求全区38所学校做好开学准备。",
    "b.txt": "3月5日，城南区实验小学校长李明介绍，学校共有学生1200名。",
    "c.txt": "城北区教育局副局长张红到城北区第一中学检查工作。",
    "d.txt": "城南区实验小学与城北区第一中学开展结对帮扶活动。",
}


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _jobs(src: Path, out: Path) -> list:
    version = extract.pipeline_version()
    return [(e, out, 5.0, {}, version, None, None) for e in scan(src) if e.is_report]


def _dump(path: Path) -> dict[str, list]:
    db = sqlite3.connect(path)
    try:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: sorted(db.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
    finally:
        db.close()


def test_the_build_process_makes_no_rows_of_the_reports_its_worker_extracted(tmp_path, monkeypatch):
    src, out = _folder(tmp_path), tmp_path / "out"
    (out / "work").mkdir(parents=True)
    parent, made_here, extracted_here = os.getpid(), [], []
    real_rows, real_extract = store_mod.rows_of, extract.extract_report

    def rows_of(rel, result):
        if os.getpid() == parent:
            made_here.append(rel)
        return real_rows(rel, result)

    def extract_report(*a, **k):
        if os.getpid() == parent:
            extracted_here.append(k["doc_id"])
        return real_extract(*a, **k)
    monkeypatch.setattr(store_mod, "rows_of", rows_of)
    monkeypatch.setattr(extract, "extract_report", extract_report)
    jobs = _jobs(src, out)
    got = list(engines.run_local(jobs, 2, build._worker))
    assert sorted(e.key for e, _ in got) == sorted(j[0].key for j in jobs)
    assert all(isinstance(rows, store_mod.Rows) and rows.done for _, rows in got)
    # the worker did its share, and only the reports extracted here had their rows made here
    assert len(extracted_here) < len(jobs)
    assert len(made_here) == len(extracted_here)


def test_rows_sent_through_a_pipe_put_the_store_as_the_extraction_does(tmp_path):
    src, out = _folder(tmp_path), tmp_path / "out"
    (out / "work").mkdir(parents=True)
    jobs = _jobs(src, out)
    sent = {e.key: pickle.loads(pickle.dumps(rows)) for e, rows in engines.run_local(jobs, 2, build._worker)}
    direct = store_mod.Store(tmp_path / "direct.sqlite")
    piped = store_mod.Store(tmp_path / "piped.sqlite")
    for job in jobs:  # the same order for both stores
        e = job[0]
        result, _ = build.extract_one(e, out, max_mb=5.0, meta={}, version=job[4])
        direct.put(e.key, "fp", result)
        piped.put_rows(e.key, "fp", sent[e.key])
    direct.close()
    piped.close()
    a, b = _dump(tmp_path / "direct.sqlite"), _dump(tmp_path / "piped.sqlite")
    assert a == b
    assert len(a["r_mentions"]) > 10 and len(a["lk_occ"]) > 4 and len(a["sections"]) == len(REPORTS)
