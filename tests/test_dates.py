"""Dates: ISO at the precision the text gives, years from the report, lunar dates and
festivals, lost digits, repaired month signs; property tests for the normalisers."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pipeline import dates
from pipeline.nlp import found

from .conftest import SEEDS


def date_norms(analyse, text, **ctx) -> list[tuple[str, str]]:
    doc = analyse(text, **ctx)
    return [(m.text, m.norm) for m in sorted(found(doc), key=lambda m: m.start) if m.label == "DATE"]


def test_explicit_and_partial_dates(analyse):
    got = date_norms(analyse, "2020年03月26日发布。1月22日下发通知，2月 1日开始上网课，3月16日复课；2023-09-11再访。",
                     pub_date="2020-03-26")
    assert got == [("2020年03月26日", "2020-03-26"), ("1月22日", "2020-01-22"), ("2月 1日", "2020-02-01"),
                   ("3月16日", "2020-03-16"), ("2023-09-11", "2023-09-11")]


def test_lunar_dates_ranges_and_festivals(analyse):
    got = date_norms(analyse, "正月初三开始排查，正月初四至初五督导检查，元宵节这天照常值班。", pub_date="2020-03-11")
    assert got == [("正月初三", "2020-01-27"), ("正月初四", "2020-01-28"), ("初五", "2020-01-29"),
                   ("元宵节", "2020-02-08")]


def test_precision_follows_the_text(analyse):
    got = dict(date_norms(analyse, "落实2020年春季学期的要求，预计今年6月底完工，2018年3月成立，10月中旬启动。",
                          pub_date="2023-04-20"))
    assert got == {"2020年": "2020", "今年6月底": "2023-06", "2018年3月": "2018-03", "10月中旬": "2023-10"}


def test_a_day_alone_takes_the_month_written_before_it(analyse):
    got = date_norms(analyse, "从10月18日到10月29日，除周六日(23日、24日)，学生都在学校。10月19日至28日寄宿学习。",
                     pub_date="2021-11-06")
    assert ("23日", "2021-10-23") in got and ("24日", "2021-10-24") in got and ("28日", "2021-10-28") in got


def test_lost_digits_give_no_date_and_relative_words_are_no_dates(analyse):
    got = date_norms(analyse, "月日家里第一次接上了网，每天早上点去上网课。当日、近日和目前都很忙。", pub_date="2020-03-11")
    assert got == []


def test_a_lost_month_sign_is_repaired_only_when_unambiguous(analyse):
    doc = analyse("自213日起居家学习。111日起怎样不得而知。", pub_date="2020-03-26")
    ds = [m for m in found(doc) if m.label == "DATE"]
    assert [(m.text, m.norm, m.attrs.get("repaired")) for m in ds] == [("213日", "2020-02-13", True)]


def test_years_from_the_report_when_it_has_no_publication_date():
    assert dates.infer_year("落实上级关于2020年春季学期延期开学的要求。2月10日起上网课。") == (2020, "latest year in the text")
    # 2月8日 was 元宵节 only in 2020 (between 1990 and 2040)
    assert dates.infer_year("2月8日元宵节这天，他仍在值班。")[0] == 2020
    assert dates.infer_year("1月22日下发通知。") == (None, "")


def test_seed_dates(tables):
    norms = {(r["doc_id"], r["text"]): r["norm"] for r in tables["mentions"] if r["label"] == "DATE"}
    assert norms[(SEEDS["001"], "正月初三")] == "2020-01-27"
    assert norms[(SEEDS["001"], "元宵节")] == "2020-02-08"  # no publication date: 2月8日元宵节 says 2020
    assert norms[(SEEDS["000"], "213日")] == "2020-02-13"
    assert norms[(f"{SEEDS['002']}#1", "2月1日")] == "2020-02-01"
    assert norms[(f"{SEEDS['002']}#4", "2月2日")] == "2020-02-02"  # the year comes from another section


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789年月日号至到-/.正腊初十廿一二三四五六七八九〇节春元宵除夕 今去明")), max_size=30))
def test_any_text_gives_dates_or_nothing_never_an_exception(analyse, text):
    doc = analyse(text, pub_date="2020-03-26")
    for m in found(doc):
        if m.label == "DATE" and m.norm:
            y = int(m.norm[:4])
            assert 1900 <= y <= 2100 and len(m.norm) in (4, 7, 10)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_small_number_and_year_parsers_refuse_cleanly(s):
    assert dates.cn_int(s) is None or isinstance(dates.cn_int(s), int)
    y, basis = dates.infer_year(s)
    assert y is None or 1990 <= y <= 2100
