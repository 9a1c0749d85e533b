"""IMPLEMENTS (issue 9, sixth pass), on sentences written here: 学校 as the subject in a
report naming several schools stands for the school its title names; a sentence that is
reported speech (“今年9月1日开始，学校开展…) still reads 学校 as its subject."""
from __future__ import annotations

from .implements_links import implements_links


def implements(analyse, text, **context):
    return set((s, t, a["confidence"]) for s, t, a in implements_links(analyse, text, **context))


SCHOOLS = ("青山县实验小学与红星中学结对帮扶，两校教师常来常往。"
           "红星中学的老师们也常到青山县实验小学听课。"
           "学校实行“走班制”管理。")


def test_school_of_the_title_is_the_subject_written_as_xuexiao(analyse):
    got = implements(analyse, SCHOOLS, title="青山县实验小学：让每个孩子都出彩")
    assert ("青山县实验小学", "走班制", "inferred") in got


def test_no_school_of_the_title_no_link(analyse):
    # the report names two schools and its title neither: 学校 may be either
    got = implements(analyse, SCHOOLS, title="结对帮扶见成效")
    assert [o for o, m, _ in got if m == "走班制"] == []


def test_a_title_naming_two_organisations_gives_no_actor(analyse):
    got = implements(analyse, SCHOOLS, title="青山县实验小学与红星中学结对帮扶")
    assert [o for o, m, _ in got if m == "走班制"] == []


def test_xuexiao_in_reported_speech(analyse):
    text = "走进青山县实验小学，歌声朗朗。“今年9月1日开始，学校开展“课后延时服务”，孩子们可以在校完成作业。”"
    assert ("青山县实验小学", "课后服务", "inferred") in implements(analyse, text)   # the measure's canonical name


def test_xuexiao_inside_a_quoted_slogan_is_no_subject(analyse):
    text = "青山县实验小学召开家长会。会上提出“政府引领，学校开展“阳光体育”活动”的口号。"
    assert [o for o, m, _ in implements(analyse, text) if m == "阳光体育"] == []


def test_an_organisation_in_reported_speech_is_the_subject(analyse):
    text = "“下一步，青山县教育局还将全面推行“县管校聘”改革，推动教师合理流动。”"
    assert ("青山县教育局", "县管校聘", "stated") in implements(analyse, text)


def test_an_organisation_inside_a_quoted_name_is_no_subject(analyse):
    text = "学生们观看了“青山县教育局在行动”专题片，了解“县管校聘”改革。"
    assert [o for o, m, _ in implements(analyse, text) if m == "县管校聘"] == []


def test_xuexiao_after_a_sentence_whose_subject_is_a_school(analyse):
    text = ("红星中学与青山小学结为友好学校。青山小学于1978年建校，至今已走过40年。"
            "为扩大传承，学校拟于12月开展“护学岗”行动。")
    assert ("青山小学", "护学岗", "inferred") in implements(analyse, text)
    text = "红星中学与青山小学结为友好学校。两校师生常来常往。为扩大传承，学校拟于12月开展“护学岗”行动。"
    assert [o for o, m, _ in implements(analyse, text) if m == "护学岗"] == []
