"""Bad input: every report is listed with a clear status, none stops the build, the graph
stays valid; unusable arguments give a one-line error, a non-zero exit and no output."""
from __future__ import annotations

import csv
import subprocess
import sys

import networkx as nx
import pytest

from .conftest import ROOT

GOOD = "3月5日，城南区教育局召开会议，要求全区38所中小学做好开学准备。局长王海平出席会议。\n"


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad_in")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n\u3000\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "gbk.txt").write_bytes(GOOD.encode("gbk"))
    (d / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (d / "huge.txt").write_bytes(GOOD.encode("utf-8") * (20 * 1024 * 1024 // len(GOOD.encode("utf-8")) + 1))
    (d / "page.html").write_text(f"<html><head><title>会议</title><script>alert('x')</script></head>"
                                 f"<body><p>{GOOD}</p></body></html>", encoding="utf-8")
    (d / "controls.txt").write_text("城南区\x00教育局\x07召开\x1b会议。\n" + GOOD, encoding="utf-8")
    (d / "报告 第二篇.txt").write_text(GOOD, encoding="utf-8")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4 not a report")
    (d / "copy.htm").write_text(GOOD, encoding="utf-8")
    (d / "copy.txt").write_text(GOOD, encoding="utf-8")  # the same name: both kept, under two doc_ids
    out = tmp_path_factory.mktemp("bad_out")
    res = run_cli("build", "--input", str(d), "--out", str(out), "--workers", "1")
    return d, out, res


def statuses(out) -> dict[str, tuple[str, str]]:
    with open(out / "tables" / "documents.csv", encoding="utf-8-sig", newline="") as f:
        return {r["file"]: (r["status"], r["error"]) for r in csv.DictReader(f)}


def test_bad_reports_do_not_stop_the_build(bad_corpus):
    d, out, res = bad_corpus
    assert res.returncode == 0, res.stderr
    st = statuses(out)
    assert set(st) == {p.name for p in d.iterdir()}  # every input file is listed
    assert st["empty.txt"][0] == "empty"
    assert st["blank.txt"][0] == "empty"
    assert st["binary.txt"][0] == "binary"
    assert st["huge.txt"][0] == "too_large" and "MB" in st["huge.txt"][1]
    assert st["notes.pdf"][0] == "unsupported" and ".pdf" in st["notes.pdf"][1]
    for good in ("gbk.txt", "utf16.txt", "page.html", "controls.txt", "报告 第二篇.txt", "copy.htm", "copy.txt"):
        assert st[good] == ("ok", ""), good
    for f, (status, error) in st.items():
        assert status == "ok" or error, f"{f} has no reason"
    # the failures are also said on stderr, one line each
    assert "binary.txt: binary" in res.stderr


def test_two_files_with_one_name_keep_two_doc_ids(bad_corpus):
    _, out, _ = bad_corpus
    with open(out / "tables" / "documents.csv", encoding="utf-8-sig", newline="") as f:
        ids = {r["file"]: r["doc_id"] for r in csv.DictReader(f)}
    assert ids["copy.htm"] == "copy" and ids["copy.txt"].startswith("copy~")


def test_good_reports_among_bad_ones_are_extracted(bad_corpus):
    _, out, _ = bad_corpus
    with open(out / "tables" / "mentions.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for doc in ("gbk", "utf16", "page", "controls", "报告 第二篇"):
        got = {(r["label"], r["text"]) for r in rows if r["doc_id"] == doc}
        assert ("ORG", "城南区教育局") in got and ("PERSON", "王海平") in got, doc
    cleaned = (out / "tables" / "cleaned" / "controls.txt").read_text(encoding="utf-8")
    assert "城南区教育局召开会议" in cleaned and "\x07" not in cleaned
    page = (out / "tables" / "cleaned" / "page.txt").read_text(encoding="utf-8")
    assert "alert" not in page


def test_the_graph_stays_valid(bad_corpus):
    _, out, _ = bad_corpus
    g = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert g.number_of_nodes() > 0
    reports = {n for n, d in g.nodes(data=True) if d["type"] == "Report"}
    assert "report:gbk" in reports and "report:binary" not in reports


def test_missing_folder_is_a_one_line_error_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    res = run_cli("build", "--input", str(tmp_path / "nope"), "--out", str(out))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "no such folder" in res.stderr
    assert not out.exists()


def test_folder_without_reports_is_a_one_line_error_and_writes_nothing(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes(b"%PDF")
    out = tmp_path / "out"
    res = run_cli("build", "--input", str(src), "--out", str(out))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "no reports" in res.stderr
    assert not out.exists()
