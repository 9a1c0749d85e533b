"""A college named by its field alone (商学院, 马克思主义学院) is a unit of some university, not
a name of its own: in 2,613 corpus articles one 商学院 node joined the business schools of 24
reports (and, through it, their deans). It is the college of the one university its report
names, keyed and placed as that university's, else a node of its report alone."""
from __future__ import annotations

import csv
from pathlib import Path

from pipeline import build
from pipeline.names import bare_college


def _rows(out: Path, name: str) -> list[dict]:
    with open(out / "tables" / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_names_made_of_fields_are_bare_colleges():
    for name in ("商学院", "马克思主义学院", "材料科学与工程学院", "中文系", "经济与管理学院"):
        assert bare_college(name), name
    for name in ("长江商学院", "中国美术学院", "麻省理工学院", "贺州学院", "国际关系学院", "复旦大学商学院"):
        assert not bare_college(name), name


def test_one_college_name_in_two_reports_is_two_colleges(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("复旦大学举办管理论坛\n\n5月12日，复旦大学举办第三届管理论坛。商学院院长张三致辞。\n",
                               encoding="utf-8")
    (src / "b.txt").write_text("论坛在武汉举行\n\n5月12日，华中科技大学举办第三届管理论坛。商学院院长王五致辞。\n",
                               encoding="utf-8")
    (src / "c.txt").write_text("复旦大学商学院举办论坛\n\n5月20日，复旦大学商学院举办校友论坛。\n", encoding="utf-8")
    (src / "d.txt").write_text("商学院教育的未来\n\n专家认为，商学院应当更重视案例教学。\n", encoding="utf-8")
    out = tmp_path / "out"
    build.run(src, out, workers=1, progress=False)
    keys = {(r["doc_id"], r["entity_id"]) for r in _rows(out, "mentions.csv") if r["text"] == "商学院"}
    assert keys == {("a", "org:310000:复旦大学商学院"), ("b", "org:420100:华中科技大学商学院"),
                    ("d", "org:?d:商学院")}
    rels = _rows(out, "relations.csv")
    placed = {(r["source_id"], r["target_id"]) for r in rels if r["type"] == "LOCATED_IN" and r["doc_id"] == "b"}
    assert ("org:420100:华中科技大学商学院", "place:420100") in placed
    parts = {(r["source_id"], r["target_id"]) for r in rels if r["type"] == "PART_OF"}
    assert ("org:420100:华中科技大学商学院", "org:420100:华中科技大学") in parts
    # the full name written in another report is the same college
    assert any(r["doc_id"] == "c" and r["entity_id"] == "org:310000:复旦大学商学院" for r in _rows(out, "mentions.csv"))
    members = {(r["source_name"], r["target_id"]) for r in rels if r["type"] == "MEMBER_OF"}
    assert ("张三", "org:310000:复旦大学商学院") in members and ("王五", "org:420100:华中科技大学商学院") in members
