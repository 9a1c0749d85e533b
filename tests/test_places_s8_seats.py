"""LOCATED_IN of universities and colleges whose name carries no place (issue 9, session
8): their seat from rules/place_seats.tsv, as fine as the report's setting tells, their
key left as it is. Sentences written here."""
from __future__ import annotations

from pipeline import placeorgs

from .conftest import placed


def test_a_university_in_a_report_set_in_its_city_is_placed_there(analyse):
    got, keys = placed(analyse, "无锡市教育局与江南大学签约，共建教师发展中心。", "江南大学")
    assert got == {"place:320200"}
    assert keys == {"org::江南大学"}       # its key carries no place: one node wherever it is named


def test_a_unit_named_onto_the_university_is_placed_with_it(analyse):
    got, _ = placed(analyse, "无锡市教育局与江南大学签约，江南大学物联网工程学院将培训教师。", "江南大学物联网工程学院")
    assert got == {"place:320200"}


def test_no_finer_than_the_reports_setting():
    # 黄河科技学院 is seated in 郑州市: a report set in 河南省 only tells the province
    assert placeorgs.seat_in_setting("410100", ["410000"]) == "410000"
    assert placeorgs.seat_in_setting("410100", ["410000", "410100", "410105"]) == "410100"
    # a report set elsewhere: the seat's province, nothing finer
    assert placeorgs.seat_in_setting("610100", ["640000"]) == "610000"


def test_a_university_elsewhere_than_the_setting_gets_its_own_province(analyse):
    got, _ = placed(analyse, "宁夏教育厅组织中小学教师赴西北大学培训。", "西北大学")
    assert got == {"place:610000"}


def test_a_name_of_the_table_only_as_a_start():
    assert placeorgs.body_seat("江南大学物联网工程学院") == "320200"
    assert placeorgs.body_seat("江南") == ""


def test_a_known_body_of_another_city_of_the_reports_province_gets_the_province(analyse):
    # 东北大学 is seated in 沈阳市; a report set in 大连市 tells 辽宁省 only
    got, keys = placed(analyse, "大连市教育局召开表彰大会。大连市优秀教师代表、东北大学教授张明发言。", "东北大学")
    assert got == {"place:210000"}
    assert keys == {"org:210100:东北大学"}     # its key keeps its seat
    # a known body of another province keeps its seat
    got, _ = placed(analyse, "大连市教育局召开表彰大会。北京大学教授张明作报告。", "北京大学")
    assert got == {"place:110000"}


def test_a_new_campus_named_by_its_district():
    from pipeline.orgkeys import campus_division
    # 巴南新校区: the new campus in 巴南区 of 重庆市
    assert campus_division("重庆工商大学融智学院巴南新校区", "500000") == "500113"
    # 江南 is no district of 泉州: nothing
    assert campus_division("泉州七中江南校区", "350500") == ""
