"""MEMBER_OF and PART_OF patterns of Chinese news added in the second relation pass, and the
places of committees, outlets and villages, read off sentences written here."""
from __future__ import annotations

from pipeline.entities import places as entity_places
from pipeline.nlp import found

from .test_relations import links, members


def parts(analyse, text, **context):
    return {(c, p) for c, p, _ in links(analyse, text, "PART_OF", **context)}


def placed(analyse, text, name, **context):
    """The adcodes the LOCATED_IN links of the entity written ``name`` point to."""
    doc = analyse(text, pub_date="2021-03-01", **context)
    keys = {m.key for m in found(doc) if m.text == name}
    return {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys}


# ------------------------------------------------------------------ MEMBER_OF

def test_a_committee_member_and_head_of_one_of_its_departments(analyse):
    got = members(analyse, "区委常委、组织部部长晋秋红代表区委、区政府致辞。")
    assert ("晋秋红", "区委", "常委") in got
    assert ("晋秋红", "区委组织部", "组织部部长") in got      # 组织部 is a unit of 区委, not 区委 itself
    # no PART_OF for a department read from a post alone (session 33: train/'s gold links none)
    assert ("区委组织部", "区委") not in parts(analyse, "区委常委、组织部部长晋秋红代表区委、区政府致辞。")


def test_a_committees_office_keeps_its_head(analyse):
    got = members(analyse, "县委常委、县委办公室主任卫万星,县人大常委会副主任郭保国出席。")
    assert ("卫万星", "县委办公室", "主任") in got and ("卫万星", "县委", "常委") in got
    assert ("郭保国", "县人大常委会", "副主任") in got


def test_a_government_post_is_not_shared_down_a_list_to_another_body(analyse):
    got = members(analyse, "县人大常委会副主任路永通,副县长许立龙,县政协副主席、县教育局局长韩亮参加会议。")
    assert ("路永通", "县人大常委会", "副主任") in got
    assert not any(p == "许立龙" for p, _, _ in got)            # 副县长 is no post of the 人大 nor the 政协
    assert ("韩亮", "县教育局", "局长") in got


def test_a_qualifier_before_a_role_with_no_organisation_keeps_the_chain_going(analyse):
    got = members(analyse, "市委常委、常务副市长魏启生,市委常委、秘书长闫旭出席典礼。")
    assert ("魏启生", "市委", "常委") in got
    assert ("魏启生", "市委", "常务副市长") not in got          # a government's post, not the 市委's


def test_a_byline_with_no_medium_on_its_line_is_the_reports_one_medium(analyse):
    text = "泰州日报讯 姜堰区教育局召开会议。\n记者 钱宏斌 通讯员 刘付刚"
    got = members(analyse, text)
    assert got == {("钱宏斌", "泰州日报", "记者"), ("刘付刚", "泰州日报", "通讯员")}


def test_a_byline_in_brackets_and_after_a_sentence_end(analyse):
    assert members(analyse, "三峡日报消息。\n（记者郑延）") == {("郑延", "三峡日报", "记者")}
    got = members(analyse, "泰州日报报道，全区工作走深走实。记者 钱宏斌")
    assert got == {("钱宏斌", "泰州日报", "记者")}


def test_a_reporter_in_a_sentence_and_our_paper_are_no_byline(analyse):
    assert members(analyse, "文汇报报道。\n记者了解到，学校采取分时入学。") == set()
    assert members(analyse, "本报讯（记者 党晓培 实习生 张汉卢）近日，西山区召开会议。") == set()


def test_an_editor_at_the_end_is_left_unlinked(analyse):
    assert members(analyse, "红网报道，学校开学。\n编辑:王杨") == set()


def test_name_serves_at_organisation(analyse):
    got = members(analyse, "今年是赵顺军在青海省化隆县德恒隆乡中心学校任教的第三年。")
    assert got == {("赵顺军", "青海省化隆县德恒隆乡中心学校", "")}
    got = members(analyse, "张三担任城关镇中心小学校长已有十年。")
    assert got == {("张三", "城关镇中心小学", "校长")}
    assert members(analyse, "李四在城关镇中心小学工作会上发言。") == set()    # 工作会 is a meeting


def test_a_role_before_a_name_and_the_reports_one_school(analyse):
    text = "扎龙中心学校位于湿地深处。提起学校的变化,校长李全非常感慨。"
    got = {(p, o, r, a.get("confidence")) for p, o, a in links(analyse, text, "MEMBER_OF") for r in [a.get("role")]}
    assert got == {("李全", "扎龙中心学校", "校长", "inferred")}


# ------------------------------------------------------------------ PART_OF

def test_a_committees_education_work_committee_is_part_of_it(analyse):
    assert ("南充市委教育工委", "南充市委") in parts(analyse, "南充市委教育工委召开全市教育系统党建工作会议。")


def test_a_school_named_in_its_groups_name_belongs_to_the_group(analyse):
    got = parts(analyse, "光明区公明中学(集团)成立大会举行,公明中学、马山头学校的老师参加。")
    assert ("公明中学", "光明区公明中学(集团)") in got
    assert not any(c == "马山头学校" for c, _ in got)           # named beside it, not in its name


def test_a_section_named_alone_in_a_report_with_one_bureau(analyse):
    got = links(analyse, "实践队走访科右前旗教育局,并与民教股股长朝克图座谈。", "PART_OF")
    assert [(c, p, a["confidence"]) for c, p, a in got] == [("民教股", "科右前旗教育局", "inferred")]


def test_a_research_institute_of_a_university(analyse):
    got = parts(analyse, "东北林业大学科学技术研究院副院长付晓东介绍情况。")
    assert ("东北林业大学科学技术研究院", "东北林业大学") in got


# ------------------------------------------------------------------ LOCATED_IN

def test_a_provincial_and_a_city_committee_are_two_bodies(analyse):
    doc = analyse("省委教育工委副书记赵廷昌到六盘水市调研,六盘水市委教育工委相关领导陪同。", pub_date="2021-03-01")
    keys = {m.text: m.key for m in found(doc) if m.label == "ORG"}
    assert keys["省委教育工委"] == "org:520000:贵州省委教育工委"
    assert keys["六盘水市委教育工委"] == "org:520200:六盘水市委教育工委"


def test_the_party_and_the_league_before_a_place(analyse):
    doc = analyse("中共安徽省委教育工委、共青团北京市委联合印发通知。", pub_date="2021-03-01")
    keys = {m.text: m.key for m in found(doc) if m.label == "ORG"}
    assert keys["中共安徽省委教育工委"] == "org:340000:安徽省委教育工委"
    assert keys["共青团北京市委"] == "org:110000:共青团北京市委"     # not the party's 北京市委


def test_a_county_short_name_in_another_provinces_report_is_no_anchor(analyse):
    doc = analyse("山东省临沂市兰山区教育局表示,宁安小学开展线上教学。", pub_date="2021-03-01")
    key = next(m.key for m in found(doc) if m.text == "宁安小学")
    assert not key.startswith("org:231084:")      # not 黑龙江's 宁安市


def test_an_outlet_with_a_province_in_its_name(analyse):
    assert placed(analyse, "中新网四川新闻5月20日电 近日,筠连县召开会议。", "中新网四川新闻") == {"place:510000"}
    assert placed(analyse, "中国江西网记者连线了支月英老师。", "中国江西网") == {"place:360000"}


def test_a_street_the_gazetteer_lists_elsewhere_stays_in_the_county_written(analyse):
    assert placed(analyse, "贵州省六盘水市水城区红桥街道鱼塘社区举行活动。",
                  "贵州省六盘水市水城区红桥街道鱼塘社区") == {"place:520221"}


def test_a_village_named_like_a_district_is_no_district(analyse):
    doc = analyse("湖南省韶山市清溪镇红星村的孩子们开学了。", pub_date="2021-03-01")
    assert not any(r.target.startswith("place:2307") for r in doc._.relations if r.type == "LOCATED_IN")


def test_places_the_model_may_miss(ents):
    assert ("PLACE", "新疆和田地区") in ents("调研组赴新疆和田地区、喀什地区走访慰问新疆籍学生。")
    assert ("PLACE", "泉州") in ents("这是泉州、厦门两地最大规模的招生咨询会。")
    text = "成都发布和四川在线报道了这条消息。"           # 成都发布 is an outlet: 成都 heads its name
    got = entity_places.missed_divisions(text, {0, 2, 4}, {2, 4, 5}, bytearray(len(text)))
    assert not any(m.text == "成都" for m in got)
    got = ents("学生主要来自儒鳌屯、古甘屯和岜龙屯。")
    assert {("PLACE", "古甘屯"), ("PLACE", "岜龙屯")} <= got and not any(lab == "PERSON" for lab, _ in got)


def test_a_post_in_an_offices_party_committee_keeps_the_chain_going(analyse):
    got = members(analyse, "省教育厅党组成员、省委教育工委副书记、厅机关党委书记赵廷昌一行到六盘水调研。")
    assert ("赵廷昌", "省教育厅党组", "党组成员") in got
    assert ("赵廷昌", "省委教育工委", "副书记") in got
