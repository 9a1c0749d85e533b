"""MEMBER_OF of a head's post with the sentence's one school, where a teacher of that school
stands between (紫岩小学张勇老师接到校长谭克的电话), read off sentences written here."""
from __future__ import annotations

from .test_relations import members


def test_a_teacher_of_the_school_between_does_not_hide_its_head(analyse):
    text = ("紫岩小学与齐天学校成立联盟。六年前一个秋日午后，绵竹市城区校紫岩小学张勇老师突然接到校长谭克的电话："
            "“走，我们马上到齐天小学去看学生。”")
    got = members(analyse, text)
    assert ("张勇", "紫岩小学", "老师") in got
    assert ("谭克", "紫岩小学", "校长") in got


def test_a_head_of_another_body_between_does(analyse):
    text = ("顺德区教育局副局长冼弥冬，容桂街道党工委委员、教育局局长欧阳雪乔，"
            "容桂街道教育局常务副局长余锦团出席活动。")
    got = members(analyse, text)
    assert not any(p == "欧阳雪乔" and o == "顺德区教育局" for p, o, _ in got)
