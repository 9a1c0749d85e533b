"""LOCATED_IN at the finest division a report supports (issue 9, session 8): a chain of
divisions is read to its end when a division runs on into one of its own whose first
character is also a road's or a river's word. Sentences written here."""
from __future__ import annotations

from pipeline.nlp import found

from .conftest import placed


def test_a_province_written_on_into_a_county_whose_name_starts_with_a_river_word(analyse):
    # 山西 + 河曲县: 河 starts 河曲县 of 山西省, not a river after 山西
    got, keys = placed(analyse, "9月1日，山西河曲县第一中学迎来新学期。", "山西河曲县第一中学")
    assert got == {"place:140930"}
    assert keys == {"org:140930:河曲县第一中学"}


def test_a_county_written_on_into_a_town_whose_name_starts_with_a_road_word(analyse):
    # 盈江县 + 弄璋镇: 弄 starts a town of 盈江县, not a lane (弄) after it
    got, _ = placed(analyse, "新学期伊始，德宏州盈江县弄璋镇中心小学组织开展安全教育。", "德宏州盈江县弄璋镇中心小学")
    assert got == {"place:533123/弄璋镇"}


def test_a_road_after_a_division_is_still_a_road(analyse):
    # 桃园路 is no division of 桃园市: the school is not placed in Taiwan
    got, _ = placed(analyse, "郑州市金水区教育局组织桃园路小学师生开展活动。", "桃园路小学")
    assert not any(t.startswith("place:71") for t in got)


def test_a_community_just_after_a_county_of_a_report_on_several_counties(analyse):
    text = ("新华社贵阳电 贵州省龙里县第六幼儿园的孩子们在上课。这是水城区红桥街道的一所学校，"
            "学生来自周边的鱼塘社区、严家寨社区。剑河县的老师也来交流。")
    got, _ = placed(analyse, text, "鱼塘社区")
    assert got == {"place:520221"}
    got, _ = placed(analyse, text, "严家寨社区")
    assert got == {"place:520221"}


def test_no_county_just_before_in_the_paragraph(analyse):
    # the county is named in another paragraph: nothing guessed in a report on several counties
    text = "新华社贵阳电 贵州省龙里县第六幼儿园的孩子们在上课。水城区的老师也来交流。\n学生来自周边的鱼塘社区。剑河县的老师也来了。"
    got, _ = placed(analyse, text, "鱼塘社区")
    assert got == set()


def test_a_national_outlets_name_as_the_source_sets_no_place(analyse):
    # the source 中国教育新闻网 names China: it does not tie the one county the text names
    text = "中国教育新闻网讯（通讯员 张三）9月1日，兰考县实验中学举行开学典礼，县教体局局长王明出席。第二小学同日开学。"
    doc = analyse(text, pub_date="2020-09-01", source="中国教育新闻网")
    assert doc._.place_context["path"] == ["410000", "410200", "410225"]
    keys = {m.key for m in found(doc) if m.text == "第二小学"}
    assert {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys} == {"place:410225"}
