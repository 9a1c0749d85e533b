"""MEMBER_OF of a teacher written with no school (从教20年的老师李月昔, 田世冠老师) in a report
that names one school, read off sentences written here."""
from __future__ import annotations

from .test_relations import members


def test_a_teacher_with_no_school_written_is_of_the_reports_one_school(analyse):
    text = ("这里是位于齐齐哈尔市扎龙腹地的扎龙中心学校。在学校的艺体馆，孩子们正在上体育课。"
            "从教20年的老师李月昔告诉记者，学校的硬件设备大升级。")
    assert ("李月昔", "扎龙中心学校", "老师") in members(analyse, text)
    text = "田咀小学只有一个学生。冬日的早上，田世冠老师早早地就把教室转移到了自己的宿舍里。"
    assert ("田世冠", "田咀小学", "老师") in members(analyse, text)


def test_a_teacher_of_a_place_or_of_two_schools_gets_no_school(analyse):
    # a place written with the post: the teacher teaches there, not at the school named
    text = "安徽省宿州市汴河中心小学建了新楼。陕西省旬邑县的教师丁海燕，一干就是近35年。"
    assert not any(p == "丁海燕" for p, _, _ in members(analyse, text))
    text = "扎龙中心学校和林甸县第一小学结成联盟。从教20年的老师李月昔告诉记者，学校变化很大。"
    assert not any(p == "李月昔" for p, _, _ in members(analyse, text))
