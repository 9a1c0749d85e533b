"""LOCATED_IN at the finest division a report supports (issue 9): places the division table
does not hold placed in the report's county, a town written by its short name, villages
named after their town or in a list, and the division a government site's address names
where the text names none. Sentences written here."""
from __future__ import annotations

from pipeline import placeurl
from pipeline.doc import Mention
from pipeline.entities import places as entity_places
from pipeline.nlp import found

QINGTIAN = "http://www.qingtian.gov.cn/art/2023/2/1/art_1229365850_494141.html"


def located(analyse, text, name, **context):
    """(target, confidence) of the LOCATED_IN links of the entity written ``name``."""
    doc = analyse(text, pub_date="2023-02-01", **context)
    keys = {m.key for m in found(doc) if m.text == name}
    return {(r.target, r.attrs.get("confidence")) for r in doc._.relations
            if r.type == "LOCATED_IN" and r.source in keys}


def test_a_road_or_mountain_the_table_does_not_hold_lies_in_the_reports_county(analyse):
    text = "吉林省延吉市教育局组织师生到友谊路开展志愿服务。延吉市各学校积极参与。"
    assert located(analyse, text, "友谊路") == {("place:222401", "inferred")}
    # a report set in a city only: the city, the finest division it settles (issue 9)
    text = "甘肃省兰州市教育局组织师生到友谊路开展志愿服务。兰州市各学校积极参与。"
    assert located(analyse, text, "友谊路") == {("place:620100", "inferred")}
    # a report set in a province only: nothing guessed
    text = "甘肃省教育厅组织师生到友谊路开展志愿服务。甘肃省各学校积极参与。"
    assert located(analyse, text, "友谊路") == set()


def test_a_towns_short_name_is_the_town_the_report_names(analyse):
    doc = analyse("广东省佛山市顺德区容桂街道召开教师节大会。2016学年容桂教育交出了一张靓丽的成绩单,容桂学生成绩优异。",
                  pub_date="2017-09-10")
    keys = {m.key for m in found(doc) if m.text == "容桂"}
    assert keys == {"place:440606/容桂街道"}
    # no town of that short name in the report: not read as one
    doc = analyse("广东省佛山市顺德区召开教师节大会,容桂学生成绩优异。", pub_date="2017-09-10")
    assert not any(m.key == "place:440606/容桂街道" for m in found(doc) if m.text == "容桂")


def test_a_village_written_after_its_street_is_one_place():
    text = "这里是龙里县冠山街道奋进社区易地扶贫搬迁安置点。"
    street = Mention("PLACE", 3, 10, text[3:10])
    got = entity_places.join_chains(text, [street], set())
    assert [m.text for m in got] == ["龙里县冠山街道奋进社区"]
    text = "他在镇雄县林口乡农村小学任教。"       # 农村小学 is no village
    got = entity_places.join_chains(text, [Mention("PLACE", 2, 8, text[2:8])], set())
    assert [m.text for m in got] == ["镇雄县林口乡"]


def test_the_other_villages_of_a_list():
    text = "980余名来自周边的鱼塘社区、严家寨社区易地搬迁群众。学生主要来自儒鳌屯、古甘屯和岜龙屯。"
    found_ms = [Mention("PLACE", text.index("严家寨社区"), text.index("严家寨社区") + 5, "严家寨社区"),
                Mention("PLACE", text.index("古甘屯"), text.index("古甘屯") + 3, "古甘屯")]
    got = {m.text for m in entity_places.join_chains(text, found_ms, set())}
    assert got == {"鱼塘社区", "严家寨社区", "儒鳌屯", "古甘屯", "岜龙屯"}
    text = "城乡社区、鱼塘社区都开展了活动。"          # 城乡社区 names no community
    got = entity_places.join_chains(text, [Mention("PLACE", 5, 9, "鱼塘社区")], set())
    assert {m.text for m in got} == {"鱼塘社区"}


def test_a_government_sites_address_names_its_division():
    assert placeurl.url_divisions(QINGTIAN) == ["331121"]              # qingtian: 青田县
    assert placeurl.url_divisions("http://jyt.henan.gov.cn/2021/x.html") == ["410000"]
    assert placeurl.url_divisions("http://jy.sg.gov.cn/jyxw/post_1.html") == ["440200"]   # rules/place_domains.tsv
    # a label two divisions spell (靖远县, 泾源县) is the one the text agrees with, or none
    assert placeurl.url_divisions("http://www.jingyuan.gov.cn/a.html") == []
    assert placeurl.url_divisions("http://www.jingyuan.gov.cn/a.html", known={"620400"}) == ["620421"]
    # a news portal reports on other places too: its host is no setting
    assert placeurl.url_divisions("https://ori.hangzhou.com.cn/ornews/content/1.htm") == []


def test_the_address_sets_a_report_whose_text_names_no_place(analyse):
    text = "1月30日,县人民政府副县长叶宇飞到华侨小学新建工程、伯温中学新建工程走访调研。县教育局党委书记陈正彬陪同。"
    assert located(analyse, text, "华侨小学", url=QINGTIAN) == {("place:331121", "inferred")}
    assert located(analyse, text, "华侨小学") == set()
    # the text's own setting wins over the address
    text = "1月30日,浙江省温州市鹿城区副区长到华侨小学走访调研。"
    assert located(analyse, text, "华侨小学", url=QINGTIAN) == {("place:330302", "inferred")}


def test_a_chain_written_before_a_found_town_is_one_place():
    text = "2018年,熊玉钦随家人从水城区米箩镇搬到城里。"
    i = text.index("米箩镇")
    got = entity_places.join_chains(text, [Mention("PLACE", i, i + 3, "米箩镇")], set())
    assert [m.text for m in got] == ["水城区米箩镇"]
    text = "他从北京市来到米箩镇支教。"                # 米箩镇 is no town of 北京市: two places
    i = text.index("米箩镇")
    got = entity_places.join_chains(text, [Mention("PLACE", i, i + 3, "米箩镇")], set())
    assert [m.text for m in got] == ["米箩镇"]


def test_a_countys_short_name_where_the_report_writes_its_full_name():
    text = "奇台县还存在不足。推进奇台教育事业发展。"
    cut = set(range(len(text) + 1))
    got = [m.text for m in entity_places.missed_divisions(text, cut, cut, bytearray(len(text)))]
    assert got == ["奇台县", "奇台"]
    text = "推进奇台教育事业发展。"                      # the full name nowhere: the model decides
    got = [m.text for m in entity_places.missed_divisions(text, cut, cut, bytearray(len(text)))]
    assert got == []


def test_the_leagues_committee_written_with_tuan_is_its_places(analyse):
    text = "湖北省黄石市下陆区教育局与团市委联合开展活动。黄石市各中小学参加。"
    doc = analyse(text, pub_date="2021-03-01")
    keys = {m.key for m in found(doc) if m.text == "团市委"}
    assert keys == {"org:420200:共青团黄石市委"}
    text = "海南省琼中黎族苗族自治县红毛镇举行仪式,团海南省委书记出席。"
    assert located(analyse, text, "团海南省委") == {("place:460000", "stated")}


def test_shi_in_a_municipalitys_report_is_the_municipality(analyse):
    text = "北京市门头沟区大峪中学举行开学典礼,市教育局和团市委有关负责人出席。"
    assert located(analyse, text, "市教育局") == {("place:110000", "inferred")}


def test_the_address_narrows_a_setting_the_text_gives_coarser(analyse):
    text = "大连市教育局组织专家到红星海学校调研,大连市各区教育局参加。"
    url = "http://www.dljp.gov.cn/jyj/2021/x.html"                       # rules/place_domains.tsv: 金普新区
    assert located(analyse, text, "红星海学校", url=url) == {("place:210213", "inferred")}
    assert located(analyse, text, "红星海学校") == {("place:210200", "inferred")}
    # an address of another city does not move it
    assert located(analyse, text, "红星海学校", url=QINGTIAN) == {("place:210200", "inferred")}


def test_a_region_of_one_province_lies_in_it(analyse):
    text = "浙江援疆指挥部组织教师赴南疆开展支教活动。"
    assert located(analyse, text, "南疆") == {("place:650000", "stated")}


def test_a_campus_named_by_a_district_of_its_schools_place_lies_in_it(analyse):
    text = "广东理工学院鼎湖校区举行开学典礼,广东理工学院师生参加。"
    assert ("place:441203", "stated") in located(analyse, text, "广东理工学院鼎湖校区")
    # a street's name of the city (江南, 东海) is a word of direction too: the city only
    text = "泉州七中江南校区将于今年动工。泉州市教育局表示支持。"
    assert located(analyse, text, "泉州七中江南校区") == {("place:350500", "stated")}


def test_an_outlets_name_does_not_set_the_report(analyse):
    text = ("兰州晚报讯 从20岁踏入村办小学开始,白银市靖远县若笠乡牛庄村田咀社的田世冠就把心与家乡的教育连在了一起。"
            "“我在田咀小学从教21年了。”兰州晚报记者了解到,学校只剩一名学生。")
    got = located(analyse, text, "田咀小学")       # 靖远县 (or its 若笠乡), not 兰州市
    assert got and all(t.startswith("place:620421") for t, _ in got)


def test_a_lone_town_of_another_province_is_the_reports_own(analyse):
    text = "黑龙江省虎林市教育局表彰了齐风玉。1985年,孙军刚来到永红乡担任初中教师,虎林市各校参加。"
    assert located(analyse, text, "永红乡") == {("place:230381", "inferred")}    # not 四川's only 永红乡


def test_a_short_name_of_a_city_and_a_county_inside_it_is_the_city(analyse):
    doc = analyse("本报长沙讯(记者 李明 通讯员 王红)近日,实验小学开展读书活动。", pub_date="2021-01-05")
    assert {m.key for m in found(doc) if m.text == "长沙"} == {"place:430100"}    # 长沙市 holds 长沙县
    assert doc._.place_context["names"] == ["湖南省", "长沙市"]


def test_china_before_a_division_is_no_level_of_the_chain(analyse):
    doc = analyse("他说,中国北京的专家也来到了学校。", pub_date="2021-01-05")
    assert {m.key for m in found(doc) if m.text == "中国北京"} == {"place:110000"}


def test_a_place_written_alone_is_the_one_written_in_full(analyse):
    doc = analyse("贵州省六盘水市水城区红桥街道鱼塘社区举行活动。鱼塘社区的孩子们参加了。", pub_date="2021-03-01")
    keys = {m.key for m in found(doc) if m.label == "PLACE" and m.text.endswith("鱼塘社区")}
    assert len(keys) == 1 and not keys.pop().startswith("place:?")


def test_a_kind_of_village_after_a_town_is_no_village_of_its_own():
    text = "2018年3月,位于观音洞镇深度贫困村的新合幼儿园开园。"
    i = text.index("观音洞镇")
    got = entity_places.join_chains(text, [Mention("PLACE", i, i + 4, "观音洞镇")], set())
    assert [m.text for m in got] == ["观音洞镇"]
