"""A school named by a 州 city's short name and a bare school word (郑州大学, 温州中学,
江苏泰州中学) is found (pipeline/entities/org_shapes.py): orgs.category reads the 州 of
温州 as a level's suffix and drops the model's mention. A full name or a 自治州 (贺州市中学,
甘孜州中学), pupils (兰州大学生) and categories (杭州中小学) stay no school."""
from __future__ import annotations

from pipeline.entities import org_shapes, word_spans


def test_short_names_ending_in_zhou():
    assert org_shapes.short_zhou("温州") and org_shapes.short_zhou("贵州")
    assert not org_shapes.short_zhou("甘孜州") and not org_shapes.short_zhou("温州市")


def _found(nlp, text):
    return {m.text for m in org_shapes.school_abbrevs(text, word_spans(nlp.make_doc(text)))}


def test_a_zhou_city_and_its_school_word(nlp):
    assert _found(nlp, "他考入郑州大学。") == {"郑州大学"}
    assert _found(nlp, "他在温州中学任教。") == {"温州中学"}
    assert _found(nlp, "他毕业于江苏泰州中学。") == {"江苏泰州中学"}
    assert _found(nlp, "江苏省泰州中学校长说。") == {"江苏省泰州中学"}


def test_no_school_where_the_words_make_none(nlp):
    assert _found(nlp, "兰州大学生志愿者。") == set()         # pupils
    assert _found(nlp, "杭州中小学将开学。") == set()         # a category
    assert _found(nlp, "贺州市中学骨干教师。") == set()       # a city's schools
    assert _found(nlp, "甘孜州中学教师。") == set()           # an autonomous prefecture's
    assert _found(nlp, "温州小学语文教师。") == set()         # a subject follows
    assert _found(nlp, "重点项目上街青州幼儿园总工程量已过半。") == set()   # a village's school


def test_zhou_universities_in_a_report(ents):
    got = ents("他考入郑州大学，后在苏州大学任教。")
    assert {("ORG", "郑州大学"), ("ORG", "苏州大学")} <= got
