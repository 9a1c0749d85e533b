"""MEMBER_OF through 学院/学校 written for the college or school named last (学院党委书记
吕珺), read off sentences written here."""
from __future__ import annotations

from .test_relations import members


def test_学院_before_a_post_is_the_college_named_last(analyse):
    text = ("合肥工业大学材料科学与工程学院与三十岗乡签约。三十岗乡党委书记金华敏、学院党委书记吕珺等出席仪式。"
            "学院党委副书记朱峰分享了情况。")
    got = {(p, o) for p, o, _ in members(analyse, text)}
    assert {("吕珺", "合肥工业大学材料科学与工程学院"), ("朱峰", "合肥工业大学材料科学与工程学院")} <= got
    # the end of a college's own name is no anaphor: 材料学院 is a name of its own
    text = "合肥工业大学材料科学与工程学院与三十岗乡签约。材料学院党委书记吕珺出席仪式。"
    assert ("吕珺", "合肥工业大学材料科学与工程学院") not in {(p, o) for p, o, _ in members(analyse, text)}


def test_学校_named_last_short_is_the_school_in_full(analyse):
    text = ("和田地区特殊教育学校有学生300人。地区特殊教育学校建于1995年。"
            "学校副校长买吐送•阿不力孜介绍说，学校开设了职业课程。")
    assert ("买吐送•阿不力孜", "和田地区特殊教育学校", "副校长") in members(analyse, text)
