"""Dates and numeric claims of shapes train/ showed the stages missing (session 13): the
year a report without a publication date is about, year ranges and school years, ranges of
days and of counts, days kept every year, and numbers that name a period, a race, an issue
or a floor rather than count."""
from __future__ import annotations

from pipeline import dates, extract
from pipeline.nlp import found


def date_norms(analyse, text, **ctx) -> list[tuple[str, str]]:
    doc = analyse(text, **ctx)
    return [(m.text, m.norm) for m in sorted(found(doc), key=lambda m: m.start) if m.label == "DATE"]


def claims(analyse, text, **ctx) -> list[tuple[str, float]]:
    doc = analyse(text, **ctx)
    return [(m.text, float(m.norm)) for m in sorted(found(doc), key=lambda m: m.start) if m.label == "NUMBER"]


# --------------------------------------------------------------------------- the report's year

def test_the_address_gives_the_year_when_the_report_has_no_date():
    assert dates.url_year("https://m.yybnet.net/huainan/news/201912/10037542.html") == 2019
    assert dates.url_year("http://news.china.com.cn/2019-06/21/content_74907077.htm") == 2019
    assert dates.url_year("https://www.shznews.com/2024/08/23/9914932.html") == 2024
    # numbers of articles and folders are no dates
    assert dates.url_year("https://xcb.qhnu.edu.cn/info/1009/4319.htm") is None
    assert dates.url_year("http://www.example.cn/jydt/201912345.html") is None
    assert dates.infer_year("本报讯 12月21日至22日，全市中职学校技能大赛举行。", "",
                            "https://m.yybnet.net/huainan/news/201912/10037542.html") == (2019, "the report's address")
    # a publication date still wins
    assert dates.infer_year("12月21日举行。", "2020-01-03", "https://x.cn/news/201912/1.html")[0] == 2020


def test_a_build_dates_the_days_of_a_report_by_its_address(tmp_path):
    (tmp_path / "r1.txt").write_text("技能大赛举行\n本报讯 12月21日至22日，淮南市中等职业学校技能大赛举行。", encoding="utf-8")
    (tmp_path / "sources.tsv").write_text(
        "doc_id\turl\tpub_date\nr1\thttps://m.yybnet.net/huainan/news/201912/10037542.html\t\n", encoding="utf-8")
    from pipeline import ingest
    out = extract.extract_report(tmp_path / "r1.txt", sidecar=ingest.load_sidecar(tmp_path))
    assert out["report"]["anchor_year"] == 2019
    norms = [m["norm"] for s in out["sections"] for m in s["mentions"] if m["label"] == "DATE"]
    assert norms == ["2019-12-21", "2019-12-22"]


def test_a_counted_day_names_its_year():
    # the 33rd Teachers' Day is 2017, whatever older year the report also writes out
    assert dates.infer_year("9月8日，在第33个教师节即将来临之际，县委书记慰问了2013年建成的学校。") \
        == (2017, "a counted day (第N个…节)")
    assert dates.infer_year("4月15日是第九个全民国家安全教育日。")[0] == 2024
    # two different counts say nothing certain: the latest year written out decides
    assert dates.infer_year("第33个教师节和第36个教师节，2018年。") == (2018, "latest year in the text")


def test_a_school_year_counts_as_the_year_it_starts():
    assert dates.infer_year("9月15日，召开2020-2021学年支教教师座谈会。") == (2020, "latest year in the text")


def test_the_days_of_that_report_take_the_counted_year(analyse):
    got = date_norms(analyse, "9月8日，在第33个教师节即将来临之际，县委书记走访慰问教师。")
    assert got == [("9月8日", "2017-09-08")]     # 教师节之际: around the day, not a date of its own


# --------------------------------------------------------------------------- date shapes

def test_year_ranges_lists_and_school_years_give_both_ends(analyse):
    got = date_norms(analyse, "对2017、2018年两个年度的工作作了总结。2017—2019年，学校帮助销售农产品。"
                              "落实《乡村教师支持计划(2016-2020年)实施办法》，召开2020-2021学年座谈会，"
                              "2023~2024学年度冰雪活动，2024学年度招生。", pub_date="2023-12-21")
    assert got == [("2017", "2017"), ("2018年", "2018"), ("2017", "2017"), ("2019年", "2019"),
                   ("2016", "2016"), ("2020年", "2020"), ("2020", "2020"), ("2021学年", "2021"),
                   ("2023", "2023"), ("2024学年度", "2024"), ("2024学年度", "2024")]


def test_a_range_keeps_the_year_sign_of_its_first_end(analyse):
    assert date_norms(analyse, "从1975年至2015年，论文数量增长。", pub_date="2020-01-01") == [
        ("1975年", "1975"), ("2015年", "2015")]


def test_ranges_months_before_and_the_same_year(analyse):
    got = date_norms(analyse, "8月19至24日，调研组赴新疆调研。1985年，学校搬迁到城郊，同年8月6日起更名为民族中学。"
                              "上月25日举行了庆典。", pub_date="2018-12-05")
    assert got == [("8月19", "2018-08-19"), ("24日", "2018-08-24"), ("1985年", "1985"),
                   ("同年8月6日", "1985-08-06"), ("上月25日", "2018-11-25")]


def test_every_year_is_no_date_and_golden_autumn_is_a_month(analyse):
    got = date_norms(analyse, "每年6月至8月是溺水事故的高发期。金秋九月，丹桂飘香，7月3日开会。", pub_date="2021-06-11")
    assert got == [("九月", "2021-09"), ("7月3日", "2021-07-03")]


def test_dotted_dates(analyse):
    got = date_norms(analyse, "4.17日上午举行开幕式。发布于30.08.2017，更新于2017.9.1。", pub_date="2023-09-18")
    assert got == [("4.17日", "2023-04-17"), ("30.08.2017", "2017-08-30"), ("2017.9.1", "2017-09-01")]


# --------------------------------------------------------------------------- numbers

def test_both_ends_of_a_range_of_counts(analyse):
    assert claims(analyse, "继续遴选推荐3-4所示范校，仅为上海的50-60%。") == [("3", 3), ("4所", 4), ("50", 50), ("60%", 60)]
    # numbered groups of a village are labels, not counts; a code with a dash is no range
    assert claims(analyse, "将招收紫甸村1-4组、17-24组的学生。电话0898-6所。") == []
    # the left end takes the 万 the right end is written with
    assert claims(analyse, "法学专业7.5-8万人报考，交了2-3万元不等的费用。") == [
        ("7.5", 75000), ("8万人", 80000), ("2", 20000), ("3万元", 30000)]


def test_hundreds_thousands_and_ten_thousands_without_a_digit(analyse):
    got = claims(analyse, "上万名学生和家长齐聚一堂，千余人参加，百余名教师到场，全市30余万个家庭受益。")
    assert got == [("上万名", 10000), ("千余人", 1000), ("百余名", 100), ("30余万个", 300000)]
    # 万 inside a longer numeral is no count of its own; half a draw counts nothing
    assert claims(analyse, "购买土特产千万余元，球队分为上下半区。") == []


def test_counts_of_divisions_kinds_medals_and_degrees(analyse):
    got = claims(analyse, "全县辖6镇4乡97村，来自三县两区的教师参加9大类比赛，获得16枚奖牌。"
                          "气温超过37℃，年均气温零下4摄氏度，面积3950.6平米。")
    assert got == [("6镇", 6), ("4乡", 4), ("97村", 97), ("三县", 3), ("两区", 2), ("9大类", 9), ("16枚", 16),
                   ("超过37℃", 37), ("4摄氏度", -4), ("3950.6平米", 3950.6)]
    # in quotes a count is a slogan; a team is counted although 代 follows the unit
    assert claims(analyse, "落实“百校联百县兴千村”行动，24支代表队参赛，90年代建成。") == [("24支", 24)]


def test_years_inside_names_of_periods_and_plans_are_no_claims(analyse):
    text = ("实施免费九年义务教育，建设九年一贯制学校，学前三年毛入园率提高，落实三年行动计划，"
            "改革开放40年来，迎接建党100周年，做好新一年的工作，是最多的一年，也是承上启下的重要一年。")
    assert claims(analyse, text) == []
    assert claims(analyse, "他用了一年时间走访，三年来建成5所学校。") == [("一年", 1), ("三年", 3), ("5所", 5)]


def test_races_issues_floors_formats_and_sessions_are_no_claims(analyse):
    text = ("他获得男子4x100米金牌、男子100米银牌。中华儿女2022年5期刊发了报道。来到五层会议室，"
            "在二、三、四层各个教室参观。建成11人制足球场。全国政协十三届二次会议召开。")
    assert claims(analyse, text) == []
    assert claims(analyse, "新建四层教学楼，跑道长400米，修订近300项制度。") == [("四层", 4), ("400米", 400), ("近300项", 300)]
