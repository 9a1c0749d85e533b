"""LOCATED_IN for organisations and places whose own name does not say where they are, or
says it by a short name (issue 9, the sixth pass): relative names (县教育体育局, 自治区教研室)
at the report's division of that level, an autonomous prefecture written 红河州, schools
named by a county's short name, outlets named by a place, zones that are no division, and a
county's short name that is a town of the report's own county. Sentences written here."""
from __future__ import annotations

from pipeline import gazetteer
from pipeline.nlp import found


def placed(analyse, text, name, **context):
    """{(target, confidence)} of the LOCATED_IN links of the entity written ``name``."""
    doc = analyse(text, pub_date="2023-02-01", **context)
    keys = {m.key for m in found(doc) if m.text == name}
    assert keys, f"{name} not found"
    return {(r.target, r.attrs.get("confidence")) for r in doc._.relations
            if r.type == "LOCATED_IN" and r.source in keys}


def test_an_autonomous_prefecture_or_county_written_with_its_level_word(analyse):
    gaz = gazetteer.get()
    assert [d.code for d in gaz.lookup("红河州")] == ["532500"]
    assert [d.code for d in gaz.lookup("黔东南州")] == ["522600"]
    assert [d.code for d in gaz.lookup("琼中县")] == ["469030"]      # 琼中黎族苗族自治县
    text = "海南省琼中县红毛镇番响村的孩子们上学了。"
    assert placed(analyse, text, "海南省琼中县红毛镇番响村") == {("place:469030/红毛镇", "stated")}


def test_a_relative_name_is_the_reports_division_of_its_level(analyse):
    text = "云南省红河州泸西县召开教育工作会议。县教育体育局局长张明出席。"
    assert placed(analyse, text, "县教育体育局") == {("place:532527", "inferred")}
    text = "近日,桃源县召开教育工作会议。县卫生健康局负责人参加。市教育局副局长李四指导。"
    assert placed(analyse, text, "县卫生健康局") == {("place:430725", "inferred")}
    assert placed(analyse, text, "市教育局") == {("place:430700", "inferred")}


def test_a_level_word_where_the_setting_stops_above_it(analyse):
    # 中国 as heavy as 广西: no setting, but one region named
    text = ("中国教育报讯 中国各地积极推进。广西壮族自治区教研室专家到南宁、柳州调研。中国的教育事业在发展。"
            "自治区教研室主任李华指出,中国要加强教研。")
    assert placed(analyse, text, "自治区教研室") == {("place:450000", "inferred")}
    # a 市 named only in comparison, outside the report's province, is not its 市
    text = "我市位于浙江省的沿海区域,海岸线长度是上海的两倍。浙江省海洋经济发展迅速。市委市政府欢迎投资。"
    doc = analyse(text, pub_date="2023-02-01")
    assert not any(r.type == "LOCATED_IN" and "310000" in r.target and r.source.startswith("org:")
                   for r in doc._.relations)


def test_a_school_named_by_a_county_the_report_writes_in_full(analyse):
    text = "中国教育报讯 中国各地推进课后服务。蕲春县教育局组织活动,蕲春六中、蕲春三小参加。中国的学校都在行动。中国北京的专家到场。"
    assert placed(analyse, text, "蕲春六中") == {("place:421126", "stated")}
    # the county not written in full: a short name alone is not taken in a report set nowhere
    text = "中国教育报讯 中国各地推进课后服务。蕲春六中参加。中国的学校都在行动。中国北京的专家到场。"
    assert placed(analyse, text, "蕲春六中") == set()


def test_outlets_named_by_their_place(analyse):
    text = "湖北省黄冈市召开会议,黄冈日报、黄冈网、湖北新闻网记者到场。"
    assert placed(analyse, text, "黄冈日报") == {("place:421100", "stated")}
    assert placed(analyse, text, "湖北新闻网") == {("place:420000", "stated")}


def test_a_zone_that_is_no_division(analyse):
    text = "四川省成都市召开会议。成都经开区、白鹭湾园区代表参加。"
    assert placed(analyse, text, "成都经开区") == {("place:510100", "stated")}
    assert placed(analyse, text, "白鹭湾园区") == {("place:510100", "inferred")}     # the report's city
    # an organisation of the city's zone, in a report on one of its districts: the city's
    text = "江西省赣州市章贡区召开会议。章贡区教育局、经开区管委会代表参加。"
    assert placed(analyse, text, "经开区管委会") == {("place:360700", "inferred")}
    text = "北京市海淀区召开会议。雄安新区的学校代表参加。"       # a zone of another province
    assert placed(analyse, text, "雄安新区") == {("place:130000", "stated")}


def test_a_county_name_that_is_a_town_of_the_reports_county(analyse):
    text = "福建省泉州市丰泽区召开会议。东海的学校代表参加,东海小学校长发言。"
    assert placed(analyse, text, "东海") == {("place:350503", "stated")}
    assert placed(analyse, text, "东海小学") == {("place:350503/东海街道", "inferred")}
    text = "江苏省连云港市召开会议。东海的学校代表参加。"     # no such town: the county
    assert placed(analyse, text, "东海") == {("place:320700", "stated")}



def test_a_school_named_by_its_city_in_a_report_on_one_district(analyse):
    text = "北京市石景山区教委召开会议。石景山区各校校长参加,北京市同文中学校长发言。石景山区教育系统表彰先进。"
    assert placed(analyse, text, "北京市同文中学") == {("place:110107", "inferred")}
    text = "北京市教委召开会议。北京市同文中学校长发言。"     # a report on the city: the city
    assert placed(analyse, text, "北京市同文中学") == {("place:110000", "stated")}


def test_a_citys_news_short_name_and_a_countys_urban_area(analyse):
    text = "黑龙江省哈尔滨市召开会议。哈市教育局局长发言。哈市各校参加。"
    assert placed(analyse, text, "哈市教育局") == {("place:230100", "stated")}
    # a county's urban area is the county (rules/place_town_areas.txt; train gold t3_20: 大悟)
    text = "湖北省孝感市大悟县召开会议。大悟城区的学校参加。"
    doc = analyse(text, pub_date="2023-02-01")
    assert {m.key for m in found(doc) if m.text == "大悟"} == {"place:420922"}
    assert not [m for m in found(doc) if m.text == "大悟城区"]


def test_a_town_named_by_its_short_name_after_its_city(analyse):
    text = "这里是位于齐齐哈尔市扎龙腹地的扎龙中心学校。初夏时节,校园凉爽惬意。"
    assert placed(analyse, text, "齐齐哈尔市扎龙") == {("place:230204", "stated")}      # 扎龙镇, 铁锋区
    assert placed(analyse, text, "扎龙中心学校") == {("place:230204/扎龙镇", "inferred")}
    text = "这里是位于齐齐哈尔市腹地的扎龙中心学校。"      # no town named: the city
    assert placed(analyse, text, "扎龙中心学校") == {("place:230200", "inferred")}


def test_a_bare_zone_word_is_the_zone_of_the_reports_city(analyse):
    # no zone of 绵阳 in the table: the city, never 成都's 高新区 (the table's 高新区 of 四川)
    text = "四川省绵阳市召开会议。高新区、经开区代表参加。高新区教育局局长发言。"
    assert placed(analyse, text, "高新区") == {("place:510700", "inferred")}
    assert placed(analyse, text, "高新区教育局") == {("place:510700", "inferred")}
    # the table's one zone of that kind in the city
    text = "浙江省温州市召开会议。经开区代表参加。"
    doc = analyse(text, pub_date="2023-02-01")
    assert {m.key for m in found(doc) if m.text == "经开区"} == {"place:330371"}


def test_a_foreign_country_named_more_than_one_province_sets_no_report_it_does_not_outweigh(analyse):
    text = ("隘口小学校长钟绍智每天清晨都站在校门口。学校位于广西壮族自治区凭祥市友谊镇隘口村,距边境不到1公里。"
            "翻过山,另一边就是越南。越南的孩子也来上学。这里比中国北京早天亮。凭祥市教育局支持学校发展。")
    assert placed(analyse, text, "隘口小学") == {("place:451481/友谊镇", "inferred")}
    text = "越南的学生来到越南河内参观。越南的学校很多。越南教育部官员说,广西的学生也来了。"   # abroad outweighs
    doc = analyse(text, pub_date="2023-02-01")
    assert doc._.place_context["path"][:1] == ["world/越南"]


def test_a_citys_numbered_school_in_a_report_on_one_of_its_districts(analyse):
    text = "江西省吉安市吉州区召开会议。吉州区教育局组织活动,吉安二中、吉安八中参加。吉州区各校积极响应。"
    assert placed(analyse, text, "吉安二中") == {("place:360802", "inferred")}
    # a report on a county of the city: the city's school, not the county's
    text = "山西省太原市阳曲县召开会议。阳曲县教育局组织活动,太原五中的老师参加。阳曲县各校积极响应。"
    assert placed(analyse, text, "太原五中") == {("place:140100", "stated")}


def test_a_town_level_word_where_the_setting_stops_at_the_county(analyse):
    filler = "会议强调,要办好人民满意的教育,推动教育高质量发展。" * 8     # the town named below the lead
    text = "甘肃省白银市靖远县召开会议。县教育局局长发言。" + filler + "记者来到若笠乡。乡中心小学校长王某介绍情况。"
    doc = analyse(text, pub_date="2023-02-01")
    assert doc._.place_context["path"][-1] == "620421"
    assert placed(analyse, text, "乡中心小学") == {("place:620421/若笠乡", "inferred")}
