"""Shapes a model trained without train fold 0/5 got wrong on that fold (session 14): a list
of schools the model stopped in, a bureau's organs' party committee, and a medium's reporter
taken for the person the reporter talked to."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import org_shapes, orgs
from pipeline.relations import bylines

from .conftest import mention_at


def _org(text: str, name: str, nth: int = 0) -> Mention:
    return mention_at("ORG", text, name, nth)


def test_a_list_is_followed_to_its_end_from_the_items_found():
    text = "紫岩小学与四所乡村校——齐天学校、九龙学校、绵远学校、清平学校，抱团成立联盟。"
    words = [(i, i + 1) for i in range(len(text))]
    found = [_org(text, "齐天学校"), _org(text, "九龙学校")]
    got = {m.text for m in org_shapes.list_siblings(text, words, found)}
    assert got == {"绵远学校", "清平学校"}     # the second item after a found one too


def test_a_list_is_followed_back_to_its_first_item():
    text = "延吉市将建成第十五幼儿园、第十六幼儿园、第十七幼儿园、第十八幼儿园。"
    words = [(0, 3), (3, 4), (4, 6), (6, 9), (9, 12), (12, 13), (13, 16), (16, 19), (19, 20),
             (20, 23), (23, 26), (26, 27), (27, 30), (30, 33), (33, 34)]
    found = [_org(text, "第十七幼儿园")]
    got = {m.text for m in org_shapes.list_siblings(text, words, found)}
    assert got == {"第十五幼儿园", "第十六幼儿园", "第十八幼儿园"}


def test_names_of_list_items_may_be_dictionary_words_but_not_common_ones():
    # 九龙 and 第十五 are words of jieba's dictionary, yet name schools; 网络 and 测试 do not
    assert not org_shapes._common_name_word("九龙")
    assert not org_shapes._common_name_word("第十五")
    assert not org_shapes._common_name_word("绵远")
    assert org_shapes._common_name_word("网络") and org_shapes._common_name_word("测试")
    text = "学校建有计算中心、网络中心、测试中心、工业中心。"
    words = [(i, i + 1) for i in range(len(text))]
    assert org_shapes.list_siblings(text, words, [_org(text, "计算中心")]) == []


def test_the_party_committee_of_a_bureaus_organs_is_one_name():
    text = "市教育体育局机关党委书记唐永强出席。"
    got = orgs.join_units(text, [_org(text, "市教育体育局")])
    assert [m.text for m in got] == ["市教育体育局机关党委"]


def _person(text: str, name: str) -> Mention:
    return mention_at("PERSON", text, name)


def test_a_person_a_medium_talks_to_is_not_its_reporter():
    text = "9月6日下午，中国江西网记者连线了刚刚从北京回来的支月英老师。"
    assert bylines.byline(text, _person(text, "支月英"), [_org(text, "中国江西网")]) == []
    text = "比如在玉树地震时，武汉晚报的记者在飞机上遇到陈光标，受他的感染。"
    assert bylines.byline(text, _person(text, "陈光标"), [_org(text, "武汉晚报")]) == []


def test_reporters_written_together_or_after_a_channel_stay_the_mediums():
    text = "网易河北教育频道讯（刘建硕）近日，河北省教育厅公布了分数线。"
    got = bylines.byline(text, _person(text, "刘建硕"), [_org(text, "网易")])
    assert [(o.text, why) for o, _, why in got] == [("网易", "byline of the medium")]
    text = "长江日报记者胡义华通讯员高翔王潇潇"
    got = bylines.byline(text, _person(text, "王潇潇"), [_org(text, "长江日报")])
    assert [(o.text, role) for o, role, _ in got] == [("长江日报", "通讯员")]


def _places(text: str, ms: list[Mention]) -> set[str]:
    from pipeline.entities import place_lists
    starts = set(range(len(text)))
    return {m.text for m in place_lists.listed_counties(text, starts, ms) if m.label == "PLACE"}


def test_counties_listed_by_their_short_names_and_counted_are_places():
    text = "在国家特岗县平山、赞皇、灵寿、行唐四县基础上，增加市级特岗县。"
    assert _places(text, []) == {"平山", "赞皇", "灵寿", "行唐"}
    # a level word the model ran into the first item is cut off
    s = text.index("县平山")
    got = _places(text, [Mention("PLACE", s, s + 3, "县平山")])
    assert "县平山" not in got and "平山" in got
    assert _places("今年，宁乡、浏阳、长沙三县（市）共新建学校20所。", []) == {"宁乡", "浏阳", "长沙"}


def test_no_list_no_count_no_places():
    # one item, no count, or items that are no divisions' short names
    assert _places("平山四县", []) == set()
    assert _places("平山、赞皇的学校", []) == set()
    assert _places("语文、数学两区", []) == set()


def test_a_county_school_written_by_its_number_and_gao(ents):
    got = ents("记者来到郸城一高，上蔡一高校长王某介绍。河南一高校学生参加比赛。美国一高中嫌学生衣着暴露。")
    assert {("ORG", "郸城一高"), ("ORG", "上蔡一高")} <= got
    assert not any(t.startswith(("河南一高", "美国一高")) for _, t in got)


def test_a_name_before_a_list_closing_deng_keeps_its_last_character(ents):
    # 平等 and 中等 are words, yet here 等 closes a list of people: 姚秀平, 张建中
    got = ents("大会授予姚秀平等16名同志荣誉称号。参加会议的有张建中等人。王祥郑重表示支持。")
    assert {("PERSON", "姚秀平"), ("PERSON", "张建中"), ("PERSON", "王祥")} <= got


def test_a_village_of_a_town_written_with_its_chain_is_a_place_not_a_body():
    from pipeline.entities import place_lists
    assert place_lists.village_chain("房山区拱辰街道南广阳城村")
    assert place_lists.village_chain("高邑县富村镇仓房村")
    # a village's committee, a school of a town, a town alone: not a village place
    assert not place_lists.village_chain("新竹村委会")
    assert not place_lists.village_chain("城关镇中心小学")
    assert not place_lists.village_chain("汉阴县城关镇")


def test_a_name_run_on_into_an_adverb_is_cut_back_where_the_report_names_it_without():
    from pipeline.entities import people
    text = "赵敏是一名教师。赵敏便开始工作。陈思和出席。"
    ms = [Mention("PERSON", 0, 2, "赵敏"), Mention("PERSON", 8, 11, "赵敏便"), Mention("PERSON", 16, 19, "陈思和")]
    got = [m.text for m in people.reconcile(text, ms)]
    assert got == ["赵敏", "赵敏", "陈思和"]
    # alone, the longer spelling stays (the report gives nothing to weigh it against)
    assert [m.text for m in people.reconcile("赵敏便开始工作。", [Mention("PERSON", 0, 3, "赵敏便")])] == ["赵敏便"]
