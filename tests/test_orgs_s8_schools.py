"""A school the model cut short at its place is completed up to its type word
(pipeline/entities/org_complete.py); honours, categories, editions and verb phrases are
not schools. New school type words: 完小, 中心校, 教学点, 职中."""
from __future__ import annotations

import pytest

from pipeline.doc import Mention
from pipeline.entities import org_complete, orgs, word_spans


@pytest.fixture(scope="module")
def after_place(nlp):
    """The schools the rule completes after one place the model found (the pipeline's words)."""
    def run(text: str, place: str) -> set[str]:
        s = text.index(place)
        ms = [Mention("PLACE", s, s + len(place), place)]
        return {m.text for m in org_complete.schools_after_places(text, word_spans(nlp.make_doc(text)), ms)}
    return run


def test_the_rest_of_a_school_after_its_place(after_place):
    assert after_place("程曾佳 安徽省行知学校2017级农艺专业学生。", "安徽省") == {"安徽省行知学校"}
    assert after_place("李裔贸 江西省九江科技中等专业学校2018级学生。", "江西省九江") == {"江西省九江科技中等专业学校"}
    assert after_place("哈市第一一九中学校长仲亚娟说。", "哈市") == {"哈市第一一九中学"}


def test_no_school_where_the_words_make_no_name(after_place):
    assert after_place("上海许多幼儿园都有。", "上海") == set()                    # a quantity
    assert after_place("他去北京上大学。", "北京") == set()                        # a verb
    assert after_place("湖北省中小学将延期开学。", "湖北省") == set()              # a category
    assert after_place("江苏省示范幼儿园名单公布。", "江苏省") == set()            # an honour
    assert after_place("获保山市第十届中等职业学校技能大赛一等奖。", "保山市") == set()   # an edition
    assert after_place("贺州市中学骨干教师研修班。", "贺州市") == set()            # a place's schools
    assert after_place("江苏省小学语文教师。", "江苏省") == set()
    assert after_place("鹿城区属小学共有二十所。", "鹿城区") == set()
    assert after_place("优化宁县城区学校布局。", "宁县") == set()
    assert after_place("去美国大学读书。", "美国") == set()
    assert after_place("宁县中心小学的老师。", "宁县") == set()     # a county's: not said which


def test_the_longest_category_word_decides():
    assert orgs.category("湖北省中小学")
    assert orgs.category("江西省中职学校")
    assert not orgs.category("安徽省行知学校")


def test_new_school_type_words():
    for name in ("龙山完小", "太平镇中心校", "低岭教学点", "嘉禾职中"):
        assert orgs.kind_of(name)[0] == "school", name
    assert orgs.category("全县中小学") and not orgs.category("巡司镇中心校")    # a town's one school


def test_a_school_completed_in_a_report(ents):
    got = ents("程曾佳 安徽省行知学校2017级农艺专业学生。积极进取，专业技术娴熟。")
    assert ("ORG", "安徽省行知学校") in got and ("PLACE", "安徽省") not in got


def test_a_town_and_its_central_school(after_place):
    assert after_place("巡司镇中心校组织教师培训。", "巡司镇") == {"巡司镇中心校"}
    assert after_place("帮东村完小的老师们冒雨家访。", "帮东村") == {"帮东村完小"}


def test_a_building_is_no_part_of_its_school():
    got = org_complete.cut_facility(Mention("ORG", 0, 13, "青竹湖湘一外国语学校影剧院"))
    assert got.text == "青竹湖湘一外国语学校"
    kept = org_complete.cut_facility(Mention("ORG", 0, 6, "常州图书馆"))
    assert kept.text == "常州图书馆"
    kept = org_complete.cut_facility(Mention("ORG", 0, 7, "县人民政府大门"))
    assert kept.text == "县人民政府大门"


def test_a_centre_or_a_hospital_after_its_place(after_place):
    assert after_place("经辽宁省特种器材技术鉴定中心鉴定，该器材合格。", "辽宁省") == {"辽宁省特种器材技术鉴定中心"}
    assert after_place("北京城市副中心建设提速。", "北京") == set()
    assert after_place("英国学历办公室表示。", "英国") == set()


def test_words_of_no_name_between_a_place_and_a_university(after_place):
    assert after_place("在西班牙没听说过大学排名。", "西班牙") == set()
    assert after_place("他考上了中国一流大学。", "中国") == set()
    assert after_place("法国正式大学的学费。", "法国") == set()
