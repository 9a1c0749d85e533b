"""IMPLEMENTS and measures (issue 9, fourth pass), on sentences written here: how far back
a named actor may stand, titles cited as the ground of the work, organisers named by 主办/
承办, names inside quotes, lead-in clauses before a carried-over subject, problems and labels
that are no measures, and programmes known by name."""
from __future__ import annotations

from pipeline.nlp import found

from .implements_links import implements_links


def implements(analyse, text):
    return list((s, t, a["basis"], a["confidence"]) for s, t, a in implements_links(analyse, text))


def measures(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    return {m.norm for m in found(doc) if m.label == "MEASURE"}


def test_an_actor_named_at_the_head_of_a_long_sentence(analyse):
    text = ("柳林县教育局在推进城乡教育均衡发展、提升农村学校办学水平的过程中，先后组织了多轮专题调研，"
            "广泛听取了一线校长和教师的意见建议，全面推行“县管校聘”改革。")
    got = {(o, m, c) for o, m, _, c in implements(analyse, text)}
    assert ("柳林县教育局", "县管校聘", "stated") in got


def test_the_issuer_of_a_title_cited_as_ground_is_no_actor(analyse):
    text = "根据《教育部办公厅关于推进乡村温馨校园建设工作的通知》要求，各地积极推荐典型案例学校。"
    assert [o for o, m, *_ in implements(analyse, text) if o.startswith("教育部")] == []
    text = "会议组织学习《海南省人民政府办公厅关于进一步落实防范溺水工作责任的通知》，部署开展“防溺水专项督查”。"
    assert [o for o, *_ in implements(analyse, text) if "办公厅" in o] == []


def test_a_lead_in_clause_before_the_carry_word(analyse):
    text = "青山县教育局高度重视学生安全。为切实保障学生上下学安全，积极开展“护学岗”行动。"
    got = implements(analyse, text)
    assert [(o, c) for o, _, _, c in got] == [("青山县教育局", "inferred")]
    assert "carried over" in got[0][2]


def test_problems_overcome_and_labels_given_are_no_measures(analyse):
    got = measures(analyse, "全县新建学校12所，着力破解“大班额”难题，化解“城镇挤”，让孩子们告别“超长寒假”。")
    assert got == set()
    got = measures(analyse, "市委、市政府把学生午餐作为“一号民生工程”高位统筹，市教育局实施“营养午餐”工程。")
    assert "一号民生工程" not in got
    assert "营养午餐" in got


def test_programmes_known_by_name(analyse):
    got = measures(analyse, "县教育局全面落实“五项管理”，推进三个课堂建设，深化课程思政，实行全员导师制。")
    assert {"五项管理", "三个课堂", "课程思政", "全员导师制"} <= got


def test_organisers_named_by_zhuban_and_chengban(analyse):
    text = "10月11日，由教育部主办、安庆师范大学承办的“国培计划”培训班举行开班典礼。"
    got = {(o, m, c) for o, m, _, c in implements(analyse, text)}
    assert {("教育部", "国培计划", "stated"), ("安庆师范大学", "国培计划", "stated")} <= got
    text = ("近日，哈尔滨市“百万青少年上冰雪”活动在兆麟小学启动。\n"
            "本次活动以“弘扬冬奥精神”为主题，由哈尔滨市教育局、哈尔滨市体育局联合主办，道里区教育局承办，"
            "哈尔滨市兆麟小学校协办。")
    got = {o: (b, c) for o, m, b, c in implements(analyse, text) if m == "百万青少年上冰雪"}
    assert {"哈尔滨市教育局", "哈尔滨市体育局", "道里区教育局"} <= set(got)
    assert "哈尔滨市兆麟小学校" not in got       # 协办: a helper, not an organiser
    assert got["道里区教育局"][1] == "inferred"


def test_an_organisation_inside_the_quotes_of_a_name_is_no_actor(analyse):
    text = "在红星海学校，调研组详细了解了“红星海小学合唱团进社区”活动、“了不起的中国人”系列升旗课程。"
    assert [o for o, *_ in implements(analyse, text) if o == "红星海小学合唱团"] == []


def test_the_schools_measure_in_a_report_naming_no_school(analyse):
    # 学校的“X” with no school named anywhere: no link, and the report is still read
    got = implements(analyse, "县教育局召开会议。调研组详细了解了学校的“一生一案”。")
    assert [m for o, m, *_ in got if o != "县教育局"] == []
