"""A body's leading group written right after it is one name (ANNOTATION.md's longest
name): 槐荫区教体局疫情处置工作领导小组, with its office where the office is written."""
from __future__ import annotations


def test_team_after_its_body(ents):
    got = ents("槐荫区教体局疫情处置工作领导小组赴全区中小学进行督导检查。")
    assert ("ORG", "槐荫区教体局疫情处置工作领导小组") in got
    got = ents("市教育局疫情防控工作领导小组办公室主任李强说。")
    assert ("ORG", "市教育局疫情防控工作领导小组办公室") in got


def test_no_team_after_a_verb(ents):
    got = ents("县教育局成立疫情防控工作领导小组。")
    assert not any(t.endswith("领导小组") and t.startswith("县教育局") for _, t in got)
