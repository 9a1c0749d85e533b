"""make eval-claims's scorer (pipeline/claimeval.py) on a real build of two reports: a claim
is right with the gold's subject (by its name, an alias or a mention of it), or with none
where the gold has none; the gold's reports are what ``evaluate docs`` unpacks."""
from __future__ import annotations

import tarfile

from pipeline import build, claimeval, evaluate
from tests.conftest import read_table


def _gold(path, rows):
    lines = ["doc_id\tstart\tend\tclaim\tsubject"] + ["\t".join(map(str, r)) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_claims_scored_by_subject_name_and_by_none(tmp_path):
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text("武汉大学今年招收普通本科生7400人。\n一名网友在论坛发帖说，他班里有15个女生。\n",
                                encoding="utf-8")
    (docs / "b.txt").write_text("据统计，北京市共有中小学1600所，其中北京市第四中学有学生3000名。\n", encoding="utf-8")
    out = tmp_path / "out"
    build.run(docs, out, workers=1, progress=False)
    at = {(c["doc_id"], c["text"]): (c["start"], c["end"]) for c in read_table(out, "claims.csv")}
    gold = tmp_path / "subjects.tsv"
    _gold(gold, [("a", *at["a", "7400人"], "7400人", "武汉大学"),     # right: the university
                 ("a", *at["a", "15个"], "15个", ""),                # right: nothing named
                 ("b", *at["b", "1600所"], "1600所", "北京市"),        # right: the city
                 ("b", *at["b", "3000名"], "3000名", "教育部"),        # wrong: another body
                 ("b", 90, 94, "9999人", "")])                       # a claim the build does not have
    counts = claimeval.score(claimeval.load_gold(gold), out)["all"]
    assert (counts["claims"], counts["right"], counts["missing"]) == (5, 4, 1)
    assert (counts["given"], counts["right_given"], counts["gold_subject"]) == (3, 2, 3)
    text = claimeval.report(claimeval.score(claimeval.load_gold(gold), out))
    assert "precision 0.667, recall 0.667, accuracy counting claims rightly left without one 0.800" in text
    assert claimeval.gold_reports(gold) == {"a", "b"}


def test_the_gold_reports_are_unpacked_from_the_archive(tmp_path):
    archive = tmp_path / "corpus.tar.xz"
    for name, text in (("a.txt", "甲"), ("b.txt", "乙"), ("c.txt", "丙")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with tarfile.open(archive, "w:xz") as tar:
        for name in ("a.txt", "b.txt", "c.txt"):
            tar.add(tmp_path / name, arcname=f"docs/{name}")
    gold = tmp_path / "subjects.tsv"
    _gold(gold, [("a", 0, 1, "1个", ""), ("c#2", 0, 1, "1个", "")])
    assert evaluate.archive_docs(archive, gold, tmp_path / "into") == 2
    assert sorted(p.name for p in (tmp_path / "into").iterdir()) == ["a.txt", "c.txt"]
