"""Numeric claims: values, units, approximation, what they count, subject, date; what is
not a claim; property tests for the numeral converter."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pipeline import numbers

from .conftest import SEEDS


def claims(analyse, text, **ctx) -> list[dict]:
    return analyse(text, **ctx)._.claims


def simple(cs) -> list[tuple]:
    return [(c["text"], numbers.fmt(c["value"]), c["unit"], c["approx"]) for c in cs]


def test_the_claims_of_the_issue(analyse):
    text = ("槐荫区教体局从机关干部中选派56名党员干部，督促全区228所民办学校停课。江岸区“空中课堂”接受了118.2万人次的线上学习。"
            "4000余名党员教师积极响应，守护10万余名师生，近10家媒体报道，三分之一教师每天15小时在线。"
            "教师和学生分别达到24928人和454482人。全县每天有20万中小学生在线上课。")
    got = simple(claims(analyse, text, pub_date="2020-03-01"))
    assert got == [
        ("56名", "56", "名", False), ("228所", "228", "所", False), ("118.2万人次", "1182000", "人次", False),
        ("4000余名", "4000", "名", True), ("10万余名", "100000", "名", True), ("近10家", "10", "家", True),
        ("三分之一", "0.3333", "fraction", False), ("15小时", "15", "小时", False),
        ("24928人", "24928", "人", False), ("454482人", "454482", "人", False), ("20万", "200000", "", False)]


def test_what_a_claim_counts_and_whom_it_is_about(analyse):
    cs = claims(analyse, "槐荫区教体局从机关干部中选派56名党员干部，分别到匡山街道、五里沟街道社区。", pub_date="2020-02-10")
    c = cs[0]
    assert c["counted"] == "党员干部" and c["subject"] == "org:370104:槐荫区教育局"
    cs = claims(analyse, "1月22日，城南区教育局通报，全区共有37所学校开展线上教学。", pub_date="2020-02-10")
    assert cs[0]["date"] == "2020-01-22" and cs[0]["counted"] == "学校"


def test_a_whole_county_is_the_sections_county(tables):
    rows = [r for r in tables["claims"] if r["doc_id"] == f"{SEEDS['002']}#5"]
    got = {r["text"]: (r["subject_name"], r["counted"]) for r in rows}
    assert got["516个"] == ("蕲春县", "社区")        # 下沉到全县516个社区
    assert got["1526名"][0] == "蕲春县"              # 蕲春县教育系统已有1526名党员干部


def test_seed_claims_about_organisations(tables):
    rows = [r for r in tables["claims"] if r["doc_id"] == SEEDS["001"] and r["text"] == "56名"]
    assert {r["subject_name"] for r in rows} >= {"槐荫区教体局"}
    assert all(r["value"] == "56" and r["unit"] == "名" for r in rows)


def test_what_is_not_a_claim(analyse):
    text = ("第一时间下发第3号紧急通知，山东第八批援助湖北医疗队出发。2月10日上午8:00、22点47分开会。"
            "济南二机床集团的“5+1”小组。一是成立领导小组，二、出台方案。作为一名党员，他是一个好老师。"
            "实行一人一案、一校一案。学生读五年级。")
    assert simple(claims(analyse, text, pub_date="2020-03-01")) == []


def test_one_counts_only_where_the_text_counts(analyse):
    got = simple(claims(analyse, "只有一个学生报名，唯一一所幼儿园停办，每月一次教研，用了一个多小时。", pub_date="2020-03-01"))
    assert got == [("一个", "1", "个", False), ("一所", "1", "所", False), ("一次", "1", "次", False),
                   ("一个多小时", "1", "小时", True)]


def test_ranges_shares_percentages_and_tenths(analyse):
    got = simple(claims(analyse, "原来60、70个人一个班，四五十个娃，近六成机构，辍学率0.002%，投入1.5亿元和3500万元。",
                        pub_date="2020-03-01"))
    assert ("60", "60", "个", False) in got and ("70个", "70", "个", False) in got
    assert ("四五十个", "40", "个", True) in got
    assert ("近六成", "0.6", "fraction", True) in got
    assert ("0.002%", "0.002", "%", False) in got
    assert ("1.5亿元", "150000000", "元", False) in got and ("3500万元", "35000000", "元", False) in got


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,万亿千百十零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖拾佰仟半几多余")),
               max_size=12))
def test_the_numeral_converter_gives_a_number_or_a_clean_refusal(s):
    v = numbers.to_number(s)
    assert v is None or (isinstance(v, float) and v >= 0)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gives_claims_or_nothing_never_an_exception(analyse, text):
    for c in claims(analyse, text, pub_date="2021-05-01"):
        assert c["value"] >= 0 and text[c["start"]:c["end"]] == c["text"]


def test_known_conversions():
    assert numbers.to_number("118.2万") == 1182000
    assert numbers.to_number("1,526") == 1526
    assert numbers.to_number("贰仟") == 2000
    assert numbers.to_number("一万二") == 12000
    assert numbers.to_number("四五十") == 40
    assert numbers.to_number("半") == 0.5
    assert numbers.to_number("几") is None
    assert numbers.fmt(1 / 3) == "0.3333" and numbers.fmt(1182000.0) == "1182000"
