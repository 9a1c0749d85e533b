"""MEMBER_OF of a head's post written with no organisation, where the report names its
one school in full and short (和田地区特殊教育学校, 地区特殊教育学校), read off sentences
written here."""
from __future__ import annotations

from .test_relations import members


def test_a_school_written_short_is_still_the_reports_one_school(analyse):
    text = ("和田地区特殊教育学校有学生300人。地区特殊教育学校建于1995年。"
            "副校长买吐送•阿不力孜介绍说，学校开设了职业课程。")
    assert ("买吐送•阿不力孜", "和田地区特殊教育学校", "副校长") in members(analyse, text)
    # two schools of which neither is the other written short: no school is the head's
    text = "和田地区特殊教育学校和墨玉县第一小学建于1995年。副校长买吐送•阿不力孜介绍说，学校开设了职业课程。"
    assert not any(p == "买吐送•阿不力孜" for p, _, _ in members(analyse, text))
