"""IMPLEMENTS (issue 9, seventh pass), on sentences written here: the items of a list of
what a section's subject did (一是… / （一）…), a subject after a lead-in clause, a partner
named with 会同 (who goes along, as after 联合), a place's bureau named only with its party
group, and quoted sides of the work (“防控”和“教学”两手抓) that are no measures."""
from __future__ import annotations

from pipeline.nlp import found

from .implements_links import implements_links


def implements(analyse, text):
    return {(o, m): (a["basis"], a["confidence"]) for o, m, a in implements_links(analyse, text)}


def test_items_of_a_list_in_one_paragraph_carry_the_sections_subject(analyse):
    text = "今年以来，青山县教育局多措并举推进平安校园建设。一是全面落实“一岗双责”制度；二是开展“清朗校园”专项行动。"
    got = implements(analyse, text)
    assert {("青山县教育局", "一岗双责制度"), ("青山县教育局", "清朗校园")} <= set(got)
    assert got[("青山县教育局", "清朗校园")][1] == "inferred"


def test_list_items_in_paragraphs_of_their_own_carry_the_subject_of_the_paragraph_before(analyse):
    text = ("今年以来，青山县教育局多措并举推进平安校园建设。\n"
            "（一）强化组织领导。成立工作专班，全面落实“一岗双责”制度。\n"
            "（二）强化安全管理。邀请青山县公安局民警到校授课。开展“清朗校园”专项行动。")
    got = implements(analyse, text)
    assert {("青山县教育局", "一岗双责制度"), ("青山县教育局", "清朗校园")} <= set(got)
    assert not [k for k in got if k[0] == "青山县公安局"]     # named in an item, as an object


def test_a_list_after_a_source_has_no_subject(analyse):
    text = "记者从青山县教育局获悉，全县多措并举。\n一是全面落实“一岗双责”制度。"
    assert implements(analyse, text) == {}


def test_a_new_paragraph_opening_with_a_deed_carries_the_reports_subject(analyse):
    text = "红光小学积极开展党史学习教育。\n组织学生开展“童心向党唱红歌”比赛。"
    got = implements(analyse, text)
    assert got.get(("红光小学", "童心向党唱红歌")) == (
        "subject carried over: the subject the report last opened a sentence with", "inferred")


def test_the_reports_subject_is_not_carried_past_a_person_a_place_or_an_anaphor(analyse):
    for middle in ("校长李明介绍了经验。", "霸州市全面推进教育改革。", "参观了该校党建宣传栏。"):
        text = "红光小学积极开展党史学习教育。\n" + middle + "\n组织学生开展“童心向党唱红歌”比赛。"
        assert ("红光小学", "童心向党唱红歌") not in implements(analyse, text), middle
    text = "武汉市江岸区教育系统积极应对疫情。\n利用网络平台开展“停课不停学”。"
    assert implements(analyse, text) == {}          # a sector, no organisation


def test_a_partner_named_with_huitong_or_lianhe_goes_along(analyse):
    # 会同, as 联合: the body before it carries the work out (train/'s gold: t3_03; a fifth
    # corpus reading, thirty-fifth session: seven 会同 partners linked, all wrong)
    got = implements(analyse, "青山县教育局会同县市场监管局开展校园食品安全专项整治行动。")
    assert {o for o, _ in got} == {"青山县教育局"}
    got = implements(analyse, "岚山县教体局联合县水利局到各村开展防溺水安全教育宣传活动。")
    assert {o for o, _ in got} == {"岚山县教体局"}           # 联合: the partner goes along


def test_a_place_acting_stands_for_its_bureau_named_only_with_its_party_group(analyse):
    text = ("近年来昆明市始终坚持以人民为中心发展教育，以基础教育集团化办学为抓手，引进了23所名校。"
            "昆明市教育体育局党组书记、局长穆仁早在发布会上表示。")
    got = implements(analyse, text)
    assert [(o, c) for (o, m), (_, c) in got.items() if m == "集团化办学"] == [("昆明市教育体育局", "inferred")]


def test_quoted_sides_of_the_work_to_balance_are_no_measures(analyse):
    doc = analyse("北流市教育局坚持“防控”和“教学”两手抓，认真做好延迟开学期间的管理服务工作。", pub_date="2021-03-01")
    assert [m.norm for m in found(doc) if m.label == "MEASURE"] == []


def test_a_measure_inside_a_title_talked_about_has_no_actor(analyse):
    text = "青山大学党总支副书记石淳做了《青山市教育委员会关于推进中小学学区制管理的指导意见》的主题发言。"
    assert [k for k in implements(analyse, text) if "学区制管理" in k[1]] == []


def test_the_issuer_named_in_a_title_it_draws_up_carries_out_its_measure(analyse):
    text = "青山财经大学研究制定了《青山财经大学定点帮扶盐津县“教育强基工程”实施方案》。"
    assert ("青山财经大学", "教育强基工程") in implements(analyse, text)


def test_work_a_visit_looks_at_is_not_carried_out_by_the_visitors(analyse):
    text = "青山县教育局派员赴新疆和田地区，与有关学校开展教育援疆工作调研。"
    assert implements(analyse, text) == {}
    text = "青山县教育局派员赴新疆和田地区，与有关学校开展教育援疆工作。"
    assert [o for o, _ in implements(analyse, text)] == ["青山县教育局"]


def test_a_subject_named_after_an_opening_clause_of_doing(analyse):
    text = "党建引领促发展。落实党建工作责任制，刘集镇中心小学坚持党建和教学同谋划、同部署。"
    got = implements(analyse, text)
    assert got.get(("刘集镇中心小学", "党建工作责任制")) == ("subject of the sentence, after its opening clause", "stated")
    text = "党建引领促发展。落实党建工作责任制，刘集镇中心小学的老师们干劲十足。"
    assert ("刘集镇中心小学", "党建工作责任制") not in implements(analyse, text)


def test_organisations_that_jointly_put_out_a_measure(analyse):
    text = "19日，由中央广播电视总台、教育部、国家语委联合推出的“中小学语文示范诵读库”在北京发布。"
    assert {o for o, _ in implements(analyse, text)} == {"中央广播电视总台", "教育部", "国家语委"}


def test_the_subject_stands_before_a_list_of_organisations_read_as_objects(analyse):
    text = "作为央企，青山汽车集团有限公司坚决贯彻落实党中央、国务院决策部署，通过实施“赋能工程”助力脱贫。"
    assert {o for o, _ in implements(analyse, text)} == {"青山汽车集团有限公司"}


def test_a_school_inside_the_quotes_of_a_name_does_not_stop_the_measure(analyse):
    text = "调研组了解了学校的“党史党员说”“青山海学校劳动教育”等课程的开发情况。"
    doc = analyse(text, pub_date="2021-03-01")
    assert "青山海学校劳动教育" in {m.norm for m in found(doc) if m.label == "MEASURE"}
    doc = analyse("青山海学校开设了劳动教育课程。", pub_date="2021-03-01")
    assert [m.norm for m in found(doc) if m.label == "MEASURE" and "青山海学校" in m.norm] == []


def test_the_report_naming_itself_wo_qu_stands_for_its_government(analyse):
    text = ("丛台区荀子实验小学教育集团挂牌。丛台区政府副区长刘长珍出席。"
            "一直以来，我区坚持以办人民满意的教育为宗旨，实现集团化办学全覆盖。")
    assert implements(analyse, text).get(("丛台区政府", "集团化办学"), ("", ""))[1] == "inferred"


def test_the_report_naming_itself_wo_xiao_stands_for_its_one_university(analyse):
    text = "青山大学举办座谈会。今后，我校将继续深化校地合作，不断推进“实习支教”工作。"
    assert set(implements(analyse, text)) == {("青山大学", "实习支教")}


def test_wo_shi_in_reported_speech_has_no_actor(analyse):
    text = "市政府办公室发布通知。魏启生指出，当前，我市正处在关键时期，纵深实施“一核三带”富民战略。"
    assert implements(analyse, text) == {}


def test_what_a_meeting_did_goes_to_the_organisation_that_convened_it(analyse):
    text = ("3月21日，省教育厅牵头召开防溺水工作联席会议。会议由处长赵克主持。"
            "会议传达了有关精神，并专项部署开展“防范学生溺水专项督查”工作。")
    got = implements(analyse, text)
    assert got.get(("省教育厅", "防范学生溺水专项督查"), ("", ""))[1] == "inferred"
    text = "3月21日，青山县教育局召开安全工作会议。会议要求，各学校要落实“日报告”制度。"
    assert implements(analyse, text) == {}       # what others are to do


def test_a_quoted_formula_names_a_measure(analyse):
    doc = analyse("红花岗区率先在全市开展以“1+1+N”菜单为基础的“5+2”课后服务。", pub_date="2021-03-01")
    assert "5+2" in {m.norm for m in found(doc) if m.label == "MEASURE"}
    doc = analyse("今年共有5+2名学生参赛，最后比分为3+2。", pub_date="2021-03-01")
    assert [m for m in found(doc) if m.label == "MEASURE"] == []


def test_a_list_item_that_tells_no_deed_carries_no_subject(analyse):
    text = "今年以来，青山县教育局多措并举推进平安校园建设。一是全面落实“一岗双责”制度；二是“清朗校园”专项行动成效明显。"
    assert set(implements(analyse, text)) == {("青山县教育局", "一岗双责制度")}
    text = "青山县教育局印发工作要点。\n（二）“资助育人”方式进一步拓展。各地认识到资助的意义。"
    assert implements(analyse, text) == {}


def test_clauses_after_semicolons_that_tell_deeds_go_on_with_the_subject(analyse):
    text = ("近年来，青山县教育局坚持立德树人根本任务，以提升教育质量为核心；深入实施“强校工程”，"
            "全面推行“县管校聘”改革；各学校开展“书香校园”活动。")
    got = implements(analyse, text)
    assert {("青山县教育局", "强校工程"), ("青山县教育局", "县管校聘")} <= set(got)
    assert ("青山县教育局", "书香校园") not in got        # 各学校: a subject of its own


def test_what_a_plan_the_body_drew_up_says_goes_to_the_body(analyse):
    text = "为做好开学工作，青山县教育局制定了开学工作方案。方案要求，各校要严格落实晨午检制度。"
    assert implements(analyse, text).get(("青山县教育局", "晨午检制度"), ("", ""))[1] == "inferred"
    text = "近日，青山县教育局制定了《开学工作方案》。根据方案，各校将实行“错峰上下学”制度。"
    assert ("青山县教育局", "错峰上下学制度") in implements(analyse, text)
    text = "青山县教育局召开会议。根据《国家职业教育改革实施方案》，各校将实行“学分银行”制度。"
    assert ("青山县教育局", "学分银行制度") not in implements(analyse, text)


def test_a_committee_and_a_government_written_together_both_carry_the_measure_out(analyse):
    text = "近年来，青山县委县政府高度重视教育工作，建立了“县级领导联系学校”制度。"
    assert {o for o, _ in implements(analyse, text)} == {"青山县委", "县政府"}


def test_the_reports_subject_is_not_carried_into_someones_words(analyse):
    text = "红光小学积极开展党史学习教育。\n校党支部书记在会上指出，今后要持续发力。\n组织学生开展“童心向党唱红歌”比赛。"
    assert ("红光小学", "童心向党唱红歌") not in implements(analyse, text)


def test_a_place_acting_stands_for_its_government_when_no_bureau_of_it_is_named(analyse):
    text = "邯郸市丛台区政府副区长刘长珍出席。丛台区全面推行集团化办学。"
    assert implements(analyse, text).get(("邯郸市丛台区政府", "集团化办学"), ("", ""))[1] == "inferred"


def test_the_reports_subject_is_not_carried_past_a_heading_of_another_section(analyse):
    text = "红光小学积极开展党史学习教育。\n强化师德建设\n组织学生开展“童心向党唱红歌”比赛。"
    assert ("红光小学", "童心向党唱红歌") not in implements(analyse, text)


def test_the_reports_subject_is_carried_only_when_it_is_the_reports_main_organisation(analyse):
    # a report on the county bureau that once names a school opening a sentence: the school is
    # not whose deeds the next paragraph tells (corpus: national reports quoting a plan)
    text = ("青山县教育局召开全县教育工作会议。青山县教育局部署了春季开学工作。\n"
            "红光小学校长介绍了经验。红光小学积极开展党史学习教育。\n"
            "组织学生开展“童心向党唱红歌”比赛。")
    got = implements(analyse, text)
    assert ("红光小学", "童心向党唱红歌") not in got
    text = ("红光小学积极开展党史学习教育。红光小学邀请青山县教育局专家讲课。\n"
            "组织学生开展“童心向党唱红歌”比赛。")
    assert implements(analyse, text).get(("红光小学", "童心向党唱红歌")) == (
        "subject carried over: the subject the report last opened a sentence with", "inferred")
