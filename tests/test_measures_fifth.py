"""Measures and IMPLEMENTS (issue 9, fifth pass), on sentences written here: references and
descriptions that are no names, quoted phrases that qualify a noun or name a phenomenon,
the place a name or a title opens with, titles listed after a taken one, and titles cited
as the ground of the work (no actor)."""
from __future__ import annotations

from pipeline.nlp import found


def measures(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    return {m.norm for m in found(doc) if m.label == "MEASURE"}


def implements(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    names = {m.key: m.text for m in found(doc)}
    ents = doc._.entities or {}
    return {(names.get(r.source, r.source), ents.get(r.target, {}).get("name", r.target))
            for r in doc._.relations if r.type == "IMPLEMENTS"}


def test_references_and_descriptions_are_no_names(analyse):
    got = measures(analyse, "县教育局要用好这一制度，建立一个长效的监管机制，开展各种节约行动，完善学校的教学计划，"
                            "全面落实“双减”政策。")
    assert not any(m.startswith(("这", "一个", "各种")) or "的" in m for m in got)
    assert "双减" in got  # the stage still finds the named measure beside them
    got = measures(analyse, "推进人才培养体系改革是一项系统工程。")
    assert got == set()


def test_a_quoted_phrase_that_qualifies_a_noun_is_no_measure(analyse):
    got = measures(analyse, "学校打造“因时而新”的专业结构，力求实现“从0到1”的突破。")
    assert got == set()
    # …unless the noun names an arrangement
    got = measures(analyse, "党支部建立了以“党风带师风”的工作机制。")
    assert "党风带师风" in got


def test_a_phenomenon_or_a_type_in_quotes_is_no_measure(analyse):
    got = measures(analyse, "媒体聚焦“贫二代”现象，他得益于母亲的“不管”式教育。学校全面落实“双减”政策。")
    assert got == {"双减"}


def test_the_place_a_name_opens_with_stays_in_it(analyse):
    got = measures(analyse, "2015年开福区中小学生艺术展演活动正在这里举行。县教育局落实石家庄市乡村教师支持计划。")
    assert {"开福区中小学生艺术展演活动", "石家庄市乡村教师支持计划"} <= got
    assert "乡村教师支持计划" not in got
    got = measures(analyse, "县委出台实施《定兴县尊师重教十项措施》，提高教师待遇。")
    assert "定兴县尊师重教十项措施" in got


def test_a_title_listed_after_a_cited_one_is_a_measure_too_but_no_act(analyse):
    text = ("张健指出，各相关部门要围绕县委加强中职教育的总体部署，按照《国家职业教育改革实施方案》和"
            "《四川省职业教育改革实施方案》要求，积极协调配合。")
    assert {"国家职业教育改革实施方案", "四川省职业教育改革实施方案"} <= measures(analyse, text)
    # the titles are the ground of the work: the committee named before does not carry them out
    assert not any(m.endswith("实施方案") for _, m in implements(analyse, text))
    # a title the subject itself issues still goes to it
    got = implements(analyse, "青山县教育局印发《青山县课后服务实施方案》。")
    assert ("青山县教育局", "青山县课后服务实施方案") in got


def test_days_seasons_and_courses_named_like_initiatives(analyse):
    got = measures(analyse, "区教体局在南开小学举行滨海新区学生“第十三届津沽文化日”暨“以美育人 以文化人”主题活动。")
    assert "津沽文化日" in got
    got = measures(analyse, "滨海新区教体局组织开展大学生广场演出季。")
    assert "大学生广场演出季" in got


def test_generic_names_and_broken_starts_are_no_measures(analyse):
    got = measures(analyse, "学校要建立监管机制，打造标志性工程，培养创新型卓越工程人才。")
    assert not got & {"监管机制", "标志性工程", "型卓越工程"}


def test_the_schools_list_of_quoted_measures_belongs_to_it_over_commas_inside_quotes(analyse):
    text = ("开发区红星海学校党建工作扎实。在红星海学校，调研组详细了解了学校的“将帅故事党建特色课程”、"
            "“从小学党史,永远跟党走”主题教育活动、“党史党员说”等课程。")
    got = implements(analyse, text)
    assert ("开发区红星海学校", "党史党员说") in got
    assert any(o == "开发区红星海学校" and m.startswith("从小学党史") for o, m in got)
    # a comma outside the quotes still ends what 学校的 owns
    text = text.replace("等课程。", "等课程，调研组还考察了“书香校园”活动。")
    assert not any(m == "书香校园" for _, m in implements(analyse, text))
