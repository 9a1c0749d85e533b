"""LOCATED_IN where a lake's name is a county's short name, a landmark lies in a report set
in a city, and a school is named after a town the report names (issue 9). Sentences
written here."""
from __future__ import annotations

from pipeline.nlp import found


def located(analyse, text, name):
    doc = analyse(text, pub_date="2016-03-28")
    keys = {m.key for m in found(doc) if m.text == name}
    return {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys}, keys, doc


def test_a_lake_is_no_county_of_another_province(analyse):
    text = "无锡地处太湖流域，北倚长江，南濒太湖。学生们在无锡参观了惠山古镇。"
    _, keys, doc = located(analyse, text, "太湖")
    assert keys == {"place:geo/太湖"}                      # not 安徽's 太湖县
    assert doc._.place_context["path"] == ["320000", "320200"]
    got, _, _ = located(analyse, text, "惠山古镇")
    assert got == {"place:320200"}                          # a landmark of the report's city
    # a report naming 安庆: 太湖 is the county
    _, keys, _ = located(analyse, "安庆市太湖县教育局召开会议，太湖各学校参加。安庆市教育局领导出席。", "太湖")
    assert keys == {"place:340825"}


def test_a_school_named_after_a_town_the_report_names(analyse):
    text = "无锡市教育局组织无锡学生到武进区洛阳镇参观。洛阳高级中学的学生也参加了无锡的活动，无锡市各校参与。"
    got, _, _ = located(analyse, text, "洛阳高级中学")
    assert got == {"place:320000"}     # 洛阳镇 is 常州's: only 江苏省 holds both it and 无锡
    text = "常州市武进区教育局组织学生到洛阳镇参观。洛阳高级中学的学生也参加了活动。"
    got, _, _ = located(analyse, text, "洛阳高级中学")
    assert got == {"place:320412/洛阳镇"}


def test_a_provinces_body_on_its_own_government_site(analyse):
    text = ("来源:教育厅新闻办。全国校园足球内地西藏班、新疆班比赛在郑州落下帷幕,西藏拉萨、新疆喀什的学生参赛。"
            "省教育厅获得优秀组织奖。西藏班、新疆班学生表现突出。")
    site = "http://jyt.henan.gov.cn/2022/04-25/2438345.html"
    doc = analyse(text, pub_date="2019-11-18", url=site)
    keys = {m.key for m in found(doc) if m.text == "省教育厅"}
    assert keys == {"org:410000:河南省教育厅"}
    assert {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys} == {"place:410000"}
    # no government site: the province the text settles, if any; never 河南
    doc = analyse(text, pub_date="2019-11-18")
    keys = {m.key for m in found(doc) if m.text == "省教育厅"}
    assert "org:410000:河南省教育厅" not in keys


def test_an_autonomous_regions_body_written_with_qu_alone(analyse):
    doc = analyse("西藏自治区召开会议，区教育厅、区党委组织部有关负责同志参加。拉萨市各学校参与。", pub_date="2020-05-01")
    keys = {m.text: m.key for m in found(doc)}
    assert keys["区教育厅"] == "org:540000:西藏自治区教育厅"
    assert keys["区党委组织部"] == "org:540000:西藏自治区党委组织部"
    # a district's own bodies stay the district's; no 厅 of a province that is no region
    doc = analyse("近日，成都市武侯区教育局召开会议，区委组织部有关负责同志参加。", pub_date="2020-05-01")
    assert {m.text: m.key for m in found(doc)}["区委组织部"] == "org:510107:武侯区委组织部"
