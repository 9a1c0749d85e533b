"""The adversarial folder (tests/adversarial.py) built next to good reports: the build
exits 0, every entry is listed with its status, the good reports' rows are those of a build
without the bad entries, GraphML and CSV stay valid, nothing from outside the folder leaks."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import unicodedata

import networkx as nx
import pytest
from lxml import etree

from pipeline.inputs import printable

from . import adversarial
from .conftest import ROOT

TABLES = ("documents", "mentions", "entities", "claims", "relations")


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)


def rows(out, name) -> list[dict]:
    """A table as written, the spreadsheet guard undone (pipeline.csvio)."""
    from pipeline import csvio
    return csvio.read_rows(out / "tables" / f"{name}.csv")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial")
    want = adversarial.write(root / "in", root / "outside")
    good = root / "good"
    good.mkdir()
    for name, text in adversarial.GOOD.items():
        (good / name).write_text(text, encoding="utf-8")
    (good / "two.txt").write_text(adversarial.TWO_ARTICLES, encoding="utf-8")
    (good / "sources.tsv").write_bytes((root / "in" / "sources.tsv").read_bytes())
    res = run_cli("build", "--input", str(root / "in"), "--out", str(root / "out"), "--workers", "2")
    res_good = run_cli("build", "--input", str(good), "--out", str(root / "out_good"), "--workers", "1")
    assert res_good.returncode == 0, res_good.stderr
    return root, want, res


def test_the_build_exits_0_and_lists_every_entry_with_its_status(built):
    root, want, res = built
    assert res.returncode == 0, res.stderr
    docs = [r for r in rows(root / "out", "documents") if not r["parent_id"]]
    by_file = {r["file"]: r for r in docs}
    assert len(by_file) == len(docs)
    assert set(by_file) == {printable(n) for n in os.listdir(root / "in")}
    for name, (status, why) in want.items():
        r = by_file[printable(name)]
        assert r["status"] == status, (name, r["status"], r["error"])
        assert why in r["error"], (name, r["error"])
        if status != "ok":
            assert f"{r['file']}: {status}" in res.stderr  # also said on the terminal


def test_doc_ids_are_unique_safe_and_name_their_cleaned_files(built):
    root, _, _ = built
    docs = rows(root / "out", "documents")
    ids = [r["doc_id"] for r in docs]
    assert len(ids) == len(set(ids))
    for doc_id in ids:
        assert doc_id and not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in doc_id)
        assert len(doc_id.encode("utf-8")) <= 130
    cleaned = root / "out" / "tables" / "cleaned"
    for r in docs:
        if r["status"] == "ok" and r["doc_id"] not in {d["parent_id"] for d in docs}:
            assert (cleaned / f"{r['doc_id']}.txt").is_file(), r["doc_id"]
    # the file named like a section of two.txt does not replace that section
    sections = {r["doc_id"] for r in docs if r["parent_id"] == "two"}
    assert sections == {"two#1", "two#2"}
    assert rows(root / "out", "documents")  # and two#1.txt has a doc_id of its own
    own = {r["file"]: r["doc_id"] for r in docs if not r["parent_id"]}
    assert own["two#1.txt"] not in sections and own["good_a#1.txt"] != "good_a#1"


def test_the_good_reports_rows_are_unchanged(built):
    root, _, _ = built

    def good_rows(out, table):
        ids = {r["doc_id"]: r["file"] for r in rows(out, "documents")}
        parents = {r["doc_id"]: r["parent_id"] for r in rows(out, "documents")}
        keep = set(adversarial.GOOD) | {"two.txt"}
        got = set()
        for r in rows(out, table):
            doc = r["doc_id"]
            f = ids.get(doc) or ids.get(parents.get(doc, ""))
            if f in keep:
                base, _, section = doc.partition("#")
                # a good report may have another doc_id here (a bad file took its name first)
                got.add((f, section) + tuple(v.replace(base, "<doc>") for k, v in sorted(r.items()) if k != "doc_id"))
        return got
    for table in ("mentions", "claims", "relations"):
        got, want = good_rows(root / "out", table), good_rows(root / "out_good", table)
        assert want and got == want, table


def test_graphml_and_csv_stay_valid(built):
    root, _, _ = built
    out = root / "out"
    g = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    etree.parse(str(out / "graph.graphml"))  # a strict XML parser too
    assert any("Report" in (d.get("type"), d.get("label")) and n.startswith("report:ctl") for n, d in g.nodes(data=True))
    for name in TABLES:
        data = (out / "tables" / f"{name}.csv").read_bytes()
        text = data.decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(text, newline="")))
        assert all(len(r) == len(table[0]) for r in table), name
        assert not any("\r" in cell for r in table for cell in r), name


def test_nothing_from_outside_the_folder_gets_in(built):
    root, _, _ = built
    for p in (root / "out").rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert adversarial.SECRET.encode("utf-8") not in data, p
            assert b"root:x:0:0" not in data, p


def test_one_bad_item_loses_that_item_not_the_report(built):
    root, _, _ = built
    docs = {r["file"]: r for r in rows(root / "out", "documents")}
    ids = {f: r["doc_id"] for f, r in docs.items()}
    ments = rows(root / "out", "mentions")
    for f in ("big_number.txt", "deep_brackets.txt", "one_long_line.txt", "bad_utf8.txt", "big5.txt"):
        assert docs[f]["status"] == "ok", (f, docs[f]["error"])
    got = {(m["label"], m["text"]) for m in ments if m["doc_id"] == ids["big_number.txt"]}
    assert ("PERSON", "王海平") in got
    big5 = {(m["label"], m["text"]) for m in ments if m["doc_id"] == ids["big5.txt"]}
    assert docs["big5.txt"]["encoding"].startswith("big5") and ("ORG", "台北市教育局") in big5


def test_recursive_reads_subfolders_with_their_path_as_doc_id(tmp_path):
    src = tmp_path / "in"
    (src / "sub" / "deeper").mkdir(parents=True)
    (src / "top.txt").write_text(adversarial.BODY, encoding="utf-8")
    (src / "sub" / "top.txt").write_text(adversarial.BODY, encoding="utf-8")
    (src / "sub" / "deeper" / "r#1.txt").write_text(adversarial.BODY, encoding="utf-8")
    (src / "sub" / ".hidden").mkdir()
    os.symlink("..", src / "sub" / "up")
    out = tmp_path / "out"
    flat = run_cli("build", "--input", str(src), "--out", str(out), "--workers", "1")
    assert flat.returncode == 0 and "sub: skipped - folder (its reports are read with --recursive)" in flat.stderr
    res = run_cli("build", "--input", str(src), "--out", str(out), "--workers", "1", "--recursive")
    assert res.returncode == 0, res.stderr
    docs = {r["file"]: (r["doc_id"], r["status"]) for r in rows(out, "documents")}
    assert docs["top.txt"] == ("top", "ok") and docs["sub/top.txt"] == ("sub/top", "ok")
    assert docs["sub/deeper/r#1.txt"] == ("sub/deeper/r_1", "ok")
    assert docs["sub/.hidden"][1] == "skipped" and docs["sub/up"][1] == "skipped"
    assert (out / "tables" / "cleaned" / "sub" / "deeper" / "r_1.txt").is_file()


def build_two(tmp_path, *names, **limits):
    """Build one folder holding the adversarial body under each of ``names`` in one
    process with the given limits (budget=, max_mem=): the summary and documents.csv by file."""
    from pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    for name in names:
        (src / name).write_text(adversarial.BODY, encoding="utf-8")
    out = tmp_path / "out"
    summary = build.run(src, out, workers=1, progress=False, **limits)
    return summary, {r["file"]: r for r in rows(out, "documents")}


def test_a_report_over_its_time_budget_is_listed_and_the_build_goes_on(tmp_path, monkeypatch):
    """A report whose extraction never ends (here: made to wait forever) is stopped at its
    budget and listed as too slow; the other reports are built."""
    import time

    from pipeline import extract
    real = extract.extract_report

    def endless(path, **kw):
        if path.name == "slow.txt":
            while True:
                time.sleep(0.05)
        return real(path, **kw)
    monkeypatch.setattr(extract, "extract_report", endless)
    summary, docs = build_two(tmp_path, "quick.txt", "slow.txt", budget=5)
    assert docs["slow.txt"]["status"] == "error" and docs["slow.txt"]["error"].startswith("too slow")
    assert docs["quick.txt"]["status"] == "ok" and summary.reports == 1


def test_a_report_over_its_memory_bound_is_listed_and_the_build_goes_on(tmp_path, monkeypatch):
    """A report whose extraction keeps taking memory (here: made to) is stopped at its bound
    and listed as using too much memory; the other reports are built, and the memory the
    stopped report held is given back."""
    import time

    from pipeline import extract, membound
    real = extract.extract_report
    held = []

    def greedy(path, **kw):
        if path.name == "big.txt":
            while True:  # 8 MB more every few milliseconds, never done
                held.append(bytearray(8 << 20))
                time.sleep(0.005)
        return real(path, **kw)
    monkeypatch.setattr(extract, "extract_report", greedy)
    summary, docs = build_two(tmp_path, "big.txt", "small.txt", max_mem=200)
    assert docs["big.txt"]["status"] == "error" and docs["big.txt"]["error"].startswith("too much memory")
    assert docs["small.txt"]["status"] == "ok" and summary.reports == 1
    assert 200 <= len(held) * 8 < 2000  # stopped soon after the bound, not at the machine's end
    held.clear()
    assert membound.rss_mb() is not None
