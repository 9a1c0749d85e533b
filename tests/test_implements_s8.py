"""IMPLEMENTS (issue 9, session 8), on sentences written here: the organisation that owns
a measure (X的“Y”) carries it out."""
from __future__ import annotations

from .implements_links import implements_links


def links(analyse, text):
    return {(o, m): a for o, m, a in implements_links(analyse, text)}


def actors_of(got, measure):
    return sorted(o for o, m in got if m == measure)


def test_the_owner_of_a_measure_carries_it_out(analyse):
    got = links(analyse, "青山市第二中学的“喊楼”活动起到了减压作用。")
    assert actors_of(got, "喊楼") == ["青山市第二中学"]
    assert got[("青山市第二中学", "喊楼")]["basis"].startswith("owner of the measure")


def test_an_organisation_that_qualifies_people_owns_nothing(analyse):
    # the control: 的 qualifies the teachers, who are the subject; the school owns no measure
    assert actors_of(links(analyse, "红星小学的老师开展“温暖在线”活动。"), "温暖在线") == []


def test_the_owner_inside_a_title_read_out_does_not_act(analyse):
    assert actors_of(links(analyse, "会议学习了《青山县教育局的“双减”实施方案》。"), "双减") == []


def test_a_school_qualified_itself_still_owns_its_measure(analyse):
    text = "他参观了这所有百年历史的青山县第一中学的“读书节”活动。"
    assert actors_of(links(analyse, text), "读书节") == ["青山县第一中学"]


def test_a_time_word_before_an_anaphor(analyse):
    text = "青山县红星小学始终坚持立德树人。彼时学校正在组建“云平台”教学班，要与农村校同步上课。"
    assert actors_of(links(analyse, text), "云平台") == ["青山县红星小学"]


def test_organisers_written_after_the_measure(analyse):
    got = links(analyse, "“书香校园”读书活动由青山县教育局、青山县文明办共同主办。")
    assert actors_of(got, "书香校园") == ["青山县教育局", "青山县文明办"]
    assert got[("青山县教育局", "书香校园")]["basis"].startswith("organiser named after the measure")
    got = links(analyse, "“书香校园”读书活动由青山县教育局组织实施。")
    assert actors_of(got, "书香校园") == ["青山县教育局"]


def test_a_body_that_only_guides_or_people_of_a_school_organise_nothing(analyse):
    assert actors_of(links(analyse, "“书香校园”读书活动由青山县教育局指导。"), "书香校园") == []
    assert actors_of(links(analyse, "“书香校园”读书活动由青山县第一中学的学生自发参与。"), "书香校园") == []


def test_the_organisation_of_an_official_who_speaks_at_a_meeting_does_not_act(analyse):
    text = "青山省教育厅副厅长鲁昕在会上介绍，目前全省已经开展了“护苗行动”。"
    assert actors_of(links(analyse, text), "护苗行动") == []
    text = "青山教育研究院专家张才生呼吁高校实施“阳光招生”计划。"
    assert actors_of(links(analyse, text), "阳光招生") == []


def test_the_organisation_of_a_speaker_on_a_titled_topic_does_not_act(analyse):
    text = "青山大学副校长王增平以“一流本科教育的探索与实践”为题，介绍了“大电力”人才培养模式。"
    assert actors_of(links(analyse, text), "大电力") == []


def test_organisations_invited_are_no_actors(analyse):
    text = "本次论坛邀请了青山大学、青山师范大学等高校代表围绕“双一流”建设进行交流。"
    assert actors_of(links(analyse, text), "双一流") == []


def test_a_school_whose_head_leads_the_work_still_acts(analyse):
    # the control: the head leads, no one speaks; the school is the subject
    text = "青山县第一中学校长张三带领全体教师开展“护苗行动”。"
    assert actors_of(links(analyse, text), "护苗行动") == ["青山县第一中学"]


def test_the_organisation_of_an_unnamed_official_who_speaks_does_not_act(analyse):
    text = "青山县教育局有关负责人介绍，今年全县开展了“护苗行动”。"
    assert actors_of(links(analyse, text), "护苗行动") == []
    text = "青山省教育科学研究院所长董圣足提出，应采取“第三方监管”模式。"
    assert actors_of(links(analyse, text), "第三方监管") == []


def test_members_listed_and_a_call_answered_are_no_actors(analyse):
    text = "成员单位包括青山县第一中学和青山县第二中学，形成“城乡互助”的协作模式。"
    assert actors_of(links(analyse, text), "城乡互助") == []
    # the one that answers the call acts, not the one that made it
    text = "青山大学响应青山省团委倡议，发起了“公益家教”活动。"
    assert actors_of(links(analyse, text), "公益家教") == ["青山大学"]
