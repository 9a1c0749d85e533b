"""A town's or a village's school of one level written as the town and the school word
(木叶乡小学, 岩脚镇中学) is one school (pipeline/entities/org_complete.py); a county's or a
city's (贺州市中学), a word for towns in general (全镇小学, 城镇小学), 小学生 and 中小学 are not."""
from __future__ import annotations

import pytest

from pipeline.doc import Mention
from pipeline.entities import org_complete, word_spans


@pytest.fixture(scope="module")
def after_place(nlp):
    def run(text: str, place: str) -> set[str]:
        s = text.index(place)
        ms = [Mention("PLACE", s, s + len(place), place)]
        return {m.text for m in org_complete.schools_after_places(text, word_spans(nlp.make_doc(text)), ms)}
    return run


def test_a_town_and_its_school_word(after_place):
    assert after_place("木叶乡小学的老师们冒雨家访。", "木叶乡") == {"木叶乡小学"}
    assert after_place("岩脚镇中学举行开学典礼。", "岩脚镇") == {"岩脚镇中学"}
    assert after_place("在官渡口镇初级中学调研。", "官渡口镇") == {"官渡口镇初级中学"}
    assert after_place("桃园村幼儿园开园了。", "桃园村") == {"桃园村幼儿园"}


def test_no_town_school_where_the_words_make_none(after_place):
    assert after_place("贺州市中学骨干教师研修班。", "贺州市") == set()      # a city's: a category
    assert after_place("木叶乡小学生在读书。", "木叶乡") == set()             # pupils
    assert after_place("木叶乡中小学教师培训。", "木叶乡") == set()           # a category
    assert after_place("木叶乡小学语文教师。", "木叶乡") == set()             # a subject
    assert after_place("全镇小学开学。", "镇") == set()                       # towns in general
    assert after_place("各乡镇小学开学。", "乡镇") == set()


def test_a_town_school_in_a_report(ents):
    got = ents("据悉，重庆市酉阳县木叶乡小学的老师们冒雨家访。")
    assert ("ORG", "重庆市酉阳县木叶乡小学") in got and ("PLACE", "重庆市酉阳县木叶乡") not in got
