"""IMPLEMENTS (issue 9, sixth pass), on sentences written here: organisations that are no
actor of the measure after them: a list after 以 (以A、B为核心校组建…), an organisation
set up (建立X基金), one that qualifies a noun (X小学二年级的学生, X中心改扩建项目), an
aside in brackets, and the organisation of an official who speaks on a topic (X处处长、
调研员张三就…进行解读)."""
from __future__ import annotations

from .implements_links import implements_links


def implements(analyse, text):
    return set((s, t) for s, t, a in implements_links(analyse, text))


def actors_of(got, measure):
    return sorted(o for o, m in got if m == measure)


def test_a_list_after_yi_is_no_actor(analyse):
    text = "全区以红星中学、青山小学等优质学校为核心校，推行“集团化办学”。"
    assert actors_of(implements(analyse, text), "集团化办学") == []


def test_the_same_list_as_subject_acts(analyse):
    # the control: without 以 the schools are the subject
    text = "红星中学、青山小学等优质学校全面推行“集团化办学”。"
    assert actors_of(implements(analyse, text), "集团化办学") == ["红星中学", "青山小学"]


def test_an_organisation_set_up_is_no_actor(analyse):
    text = "建立青山县教育扶贫救助基金会，完善“基金管理暂行办法”。"
    assert actors_of(implements(analyse, text), "基金管理暂行办法") == []


def test_a_school_that_qualifies_a_noun_is_no_actor(analyse):
    text = "周六，青山县实验小学二年级的三个学生走在回家的路上，说起“双减”后的变化。"
    assert actors_of(implements(analyse, text), "双减") == []
    text = "12月9日，青山县职教中心改扩建项目正式开工，将进一步落实“职业教育提质培优行动计划”。"
    assert actors_of(implements(analyse, text), "职业教育提质培优行动计划") == []


def test_an_aside_in_brackets_is_no_actor(analyse):
    text = "学校将招收龙坪家园(原青山煤矿职工宿舍)、春光村的学生，服务“易地扶贫搬迁”群众。"
    assert actors_of(implements(analyse, text), "易地扶贫搬迁") == []


def test_an_official_who_speaks_on_a_topic(analyse):
    text = "会上，青山省乡村振兴局开发指导处处长、一级调研员马云就“百校联百县”行动实施方案进行了解读。"
    assert actors_of(implements(analyse, text), "百校联百县") == []


def test_organisations_whose_directive_is_read_out_are_no_actors(analyse):
    # 传达 X省委省政府…精神: two organisations written together, both objects of 传达
    text = "会议传达青山省委省政府有关学生安全工作的指示精神，部署开展“防溺水专项督查”。"
    assert actors_of(implements(analyse, text), "防溺水专项督查") == []


def test_two_organisations_written_together_act_together(analyse):
    text = "青山县委县政府全面推行“县管校聘”改革。"
    assert len(actors_of(implements(analyse, text), "县管校聘")) == 2   # 青山县委 and (青山)县政府


def test_a_list_item_with_an_owner_of_its_own(analyse):
    text = ("全区现有教育部“国培计划”学员1人、自治区“天山英才”教育领军人才2人、"
            "乌鲁木齐市“红山教育领航人”人才培养计划79人。")
    got = implements(analyse, text)
    assert actors_of(got, "天山英才") == []
    assert actors_of(got, "红山教育领航人") == []


def test_a_measure_inside_an_honour_has_no_actor(analyse):
    text = "经审核，确定青山县松坞小学等16所学校为第二批省级“乡村温馨校园建设”典型案例学校。"
    assert actors_of(implements(analyse, text), "乡村温馨校园建设") == []
    text = "另有红星中学等3所学校被教育部确定为第二批“乡村温馨校园建设”典型案例学校。"
    assert actors_of(implements(analyse, text), "乡村温馨校园建设") == []
