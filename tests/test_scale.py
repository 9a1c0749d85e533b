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


def test_a_store_filled_from_replicated_extractions_builds_without_extracting(tmp_path, monkeypatch):
    """pipeline/storegen.py: reports 2 and 3 get the extractions of reports 0 and 1, their
    organisations and people renamed for the copy; the build then only assembles."""
    from pipeline import build, extract, storegen
    base_in, big_in = tmp_path / "base-in", tmp_path / "in"
    scalegen.write_corpus(base_in, 2)
    scalegen.write_corpus(big_in, 4)
    build.run(base_in, tmp_path / "base", workers=1, progress=False)
    assert storegen.fill(tmp_path / "base", big_in, tmp_path / "out") == 4

    def no(*a, **k):
        raise AssertionError("a replicated store is assembled, not extracted")
    monkeypatch.setattr(extract, "extract_report", no)
    s = build.run(big_in, tmp_path / "out", workers=1, progress=False)
    assert s.reports == 4
    docs = (tmp_path / "out" / "tables" / "documents.csv").read_text(encoding="utf-8-sig")
    assert all(f"r00000{k}" in docs for k in range(4))
    ents = (tmp_path / "out" / "tables" / "entities.csv").read_text(encoding="utf-8-sig")
    base = (tmp_path / "base" / "tables" / "entities.csv").read_text(encoding="utf-8-sig")
    school = re.search(r"^(org:\d+:[\u4e00-\u9fff]+(?:小学|中学|学校|幼儿园)),", base, re.M).group(1)
    assert f"\n{school}," in ents and f"\n{school}~1," in ents  # the copy's own school
    assert ents.count("\nplace:") == base.count("\nplace:")  # places are the same places
    two, four = storegen.link_peak(tmp_path / "base", 2), storegen.link_peak(tmp_path / "base", 4)
    assert four["entities"] > two["entities"] > 0  # the copies' own organisations and people


def test_replicating_an_extraction_renames_its_ids_and_keys():
    from pipeline import storegen
    res = {"report": {"doc_id": "r000001", "file": "r000001.txt"},
           "sections": [{"doc_id": "r000001", "entities": {"org:330100:杭州市第一中学": {"name": "杭州市第一中学"},
                                                           "place:330100": {"name": "杭州市"}},
                         "mentions": [{"key": "person:r000001:王海平", "text": "王海平"}]}]}
    copy = storegen.replicate(res, "r000001", "r001001", 1)
    assert copy["report"] == {"doc_id": "r001001", "file": "r001001.txt"}
    assert set(copy["sections"][0]["entities"]) == {"org:330100:杭州市第一中学~1", "place:330100"}
    assert copy["sections"][0]["mentions"][0] == {"key": "person:r001001:王海平~1", "text": "王海平"}
    assert storegen.replicate(res, "r000001", "r000001", 0) is res
