"""Measures named in a list with a taken measure (issue 9, sixth pass, measures step)."""
from __future__ import annotations

from pipeline.nlp import found


def measures(analyse, text) -> set[str]:
    doc = analyse(text, pub_date="2021-03-01")
    return {m.norm for m in found(doc) if m.label == "MEASURE"}


def test_the_first_name_of_a_list_of_competitions_shares_the_reading(analyse):
    got = measures(analyse, "前旗教育局举办了多种比赛,如蒙古作文大赛、蒙古语诗歌朗诵大赛、蒙古语演讲比赛等。")
    assert "蒙古作文大赛" in got          # 如 opens the list, no part of the name
    assert not any(n.startswith("如") for n in got)


def test_short_systems_ending_in_zhi_after_a_taken_one(analyse):
    got = measures(analyse, "建立控辍保学目标责任制、联控联保制和控辍保学劝返制。")
    assert {"联控联保制", "控辍保学劝返制"} <= got   # the lexicon's 控辍保学 gives way to the longer name


def test_a_list_without_a_taken_measure_gives_nothing(analyse):
    assert measures(analyse, "他说起了联控联保制和劝返制的事。") == set()


def test_a_generic_name_after_a_measure_is_not_taken(analyse):
    got = measures(analyse, "学校建立晨检制度、管理制度和值班制度。")
    assert "管理制度" not in got and "值班制度" not in got


def test_campus_football_is_a_known_programme(analyse):
    assert "校园足球运动" in measures(analyse, "同时,学校开展的校园足球运动,为孩子们开辟了新的赛道。")


def test_a_task_or_a_phrase_running_over_a_lexicon_name_is_not_taken(analyse):
    got = measures(analyse, "科学推进集团化办学和学区制管理、切实加强教师队伍建设。还享受组团式教育、内地西藏班政策等。")
    assert "加强教师队伍建设" not in got and "还享受组团式教育" not in got and "组团式教育" in got


def test_a_decision_read_out_is_a_measure_though_it_names_a_body(analyse):
    got = measures(analyse, "局长张振江宣读《关于成立丛台区荀子实验小学教育集团及对全区中小学教育集团进行重新布局调整的决定》。")
    assert "关于成立丛台区荀子实验小学教育集团及对全区中小学教育集团进行重新布局调整的决定" in got


def test_a_decision_that_honours_is_no_measure(analyse):
    assert measures(analyse, "邓进林宣读了《城郊乡人民政府关于表彰教育系统先进集体和先进个人的决定》。") == set()
