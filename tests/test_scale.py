"""The scale benchmark's generated reports: deterministic, varied, and read by the pipeline
as the reports they imitate (the benchmark itself is `make bench-scale`, not a test)."""
from __future__ import annotations

import os
import re

from pipeline import benchscale, scalegen


def test_generated_reports_are_deterministic_and_varied():
    first = [scalegen.report(n) for n in range(40)]
    assert first == [scalegen.report(n) for n in range(40)]
    assert len(set(first)) == 40
    bureaus = {m.group(0) for t in first for m in re.finditer(r"[\u4e00-\u9fff]{2,8}(?:教育局|教育体育局|教育和体育局)", t)}
    assert len(bureaus) >= 30  # names from the division table, not one report repeated
    assert all(1200 <= len(t) <= 6000 for t in first)


def test_generated_report_goes_through_the_pipeline(nlp, tmp_path):
    from pipeline import extract
    p = tmp_path / "r.txt"
    p.write_text(scalegen.report(3), encoding="utf-8")
    res = extract.extract_report(p, nlp=nlp)
    assert res["report"]["status"] == "ok"
    labels = {m["label"] for s in res["sections"] for m in s["mentions"]}
    assert {"ORG", "PERSON", "PLACE", "DATE", "NUMBER"} <= labels


def test_process_tree_memory_counts_this_process():
    assert benchscale.tree_memory(os.getpid()) > 10 * 2**20
