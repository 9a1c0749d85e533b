"""IMPLEMENTS (issue 9, sixth pass), on sentences written here: the organisation leading
the work (X牵头, 在X的统一组织下); what a notice asks for
(通知要求…) is done by the organisations said to issue it; a clause opening with a
place followed by a verb of doing (光明区将实现集团化办学全覆盖) has as its actor the one
education bureau of that place the report names (rules/implements.tsv)."""
from __future__ import annotations

from .implements_links import implements_links


def implements(analyse, text):
    return set((s, t, a["confidence"]) for s, t, a in implements_links(analyse, text))


BUREAU = "青山区教育局召开全区教育工作会议。"


def test_a_place_as_subject_stands_for_its_education_bureau(analyse):
    got = implements(analyse, BUREAU + "会议指出，到2025年，青山区将实现“集团化办学”全覆盖。")
    assert ("青山区教育局", "集团化办学", "inferred") in got


def test_a_place_that_is_no_subject_gives_no_actor(analyse):
    # 见证青山区…: the place is the object of someone else's verb
    got = implements(analyse, BUREAU + "与会人员共同见证青山区“集团化办学”又一硕果。")
    assert [o for o, m, _ in got if m == "集团化办学"] == []


def test_no_bureau_of_that_place_no_link(analyse):
    got = implements(analyse, "会议指出，到2025年，青山区将实现“集团化办学”全覆盖。")
    assert [o for o, m, _ in got if m == "集团化办学"] == []


def test_two_bureaus_of_that_place_no_link(analyse):
    text = "青山区教育局和青山区教委先后召开会议。会议指出，青山区将实现“集团化办学”全覆盖。"
    assert [o for o, m, _ in implements(analyse, text) if m == "集团化办学"] == []


def test_a_place_then_no_verb_of_doing_gives_no_actor(analyse):
    got = implements(analyse, BUREAU + "会议指出，青山区的“集团化办学”成效明显。")
    assert [o for o, m, _ in got if m == "集团化办学"] == []


NOTICE = "日前，青山省教育厅、卫健委对开学疫情防控工作提出要求。根据通知，开学后各校将开展师生核酸抽检。\n\n"


def test_what_a_notice_asks_for_is_done_by_its_issuers(analyse):
    got = implements(analyse, NOTICE + "通知要求，各地各校要严格落实“晨午检制度”。")
    assert ("青山省教育厅", "晨午检制度", "inferred") in got
    assert ("卫健委", "晨午检制度", "inferred") in got


def test_a_notice_nobody_is_said_to_issue_gives_no_actor(analyse):
    got = implements(analyse, "日前，青山省教育厅召开会议。\n\n通知要求，各地各校要严格落实“晨午检制度”。")
    assert [o for o, m, _ in got if m == "晨午检制度"] == []


def test_the_organisation_leading_the_work(analyse):
    text = "青山县教育局牵头，县公安局、县交通局配合，开展“护学岗”行动。"
    got = implements(analyse, text)
    assert {o for o, m, _ in got if m == "护学岗"} == {"青山县教育局", "县公安局", "县交通局"}
    got = implements(analyse, "在青山县教育局的统一组织下，积极开展“护学岗”行动。")
    assert ("青山县教育局", "护学岗", "stated") in got


def test_guidance_is_no_lead(analyse):
    got = implements(analyse, "在青山县教育局的指导下，青山小学开展“护学岗”行动。")
    assert {o for o, m, _ in got if m == "护学岗"} == {"青山小学"}
    got = implements(analyse, "各校在青山县教育局统筹指导下，开展“护学岗”行动。")
    assert [o for o, m, _ in got if o == "青山县教育局"] == []
