"""PART_OF read off short texts written here: campus words not cut in two, a branch named
after the school it stands in, bodies written alone before a unit, any bureau ending in 局,
campuses in brackets, group members named apart from the group and groups in quotes."""
from __future__ import annotations

from pipeline.nlp import found


def parts(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    names = {}
    for m in found(doc):
        names.setdefault(m.key, m.text)
    for k, rec in (doc._.entities or {}).items():
        names.setdefault(k, rec["name"])
    return {(names.get(r.source, r.source), names.get(r.target, r.target))
            for r in doc._.relations if r.type == "PART_OF"}


def test_a_campus_word_is_not_cut_to_find_a_school(analyse):
    got = parts(analyse, "在青浦世外小学部校长沈建英的引导下，他们参观了教室。")
    assert not any(c == "青浦世外小学部" and p == "青浦世外小学" for c, p in got)


def test_a_branch_named_after_the_school_it_stands_in_belongs_to_the_first_school(analyse):
    got = parts(analyse, "在大魏家中心小学后石小学分部，调研组听取了汇报。")
    assert ("大魏家中心小学后石小学分部", "大魏家中心小学") in got
    assert not any(p == "大魏家中心小学后石小学" for _, p in got)


def test_a_committee_written_alone_owns_its_work_committee(analyse):
    got = parts(analyse, "市委教育工委副书记王强出席会议。")
    assert ("市委教育工委", "市委") in got


def test_any_bureau_ending_in_ju_owns_its_section(analyse):
    got = parts(analyse, "高坪区教育科技和体育局政工股股长李明参加会议。")
    assert ("高坪区教育科技和体育局政工股", "高坪区教育科技和体育局") in got


def test_a_teaching_point_in_brackets_belongs_to_the_school_before_it(analyse):
    got = parts(analyse, "祁门县箬坑学校(低岭教学点)负责人叶兴旺获得称号。")
    assert ("低岭教学点", "祁门县箬坑学校") in got


def test_group_members_named_apart_from_the_group(analyse):
    text = ("荀子实验小学教育集团正式挂牌成立。总校校长彭保祥，集团成员校春光小学校长杨新兴，"
            "南苏曹小学校长周丽英共同为集团成立启动。")
    got = parts(analyse, text)
    assert {("春光小学", "荀子实验小学教育集团"), ("南苏曹小学", "荀子实验小学教育集团")} <= got


def test_schools_listed_before_deng_and_member_schools(analyse):
    text = "周口市中心城区教育集团成立。仪式为周口市文昌小学等中心城区7所集团成员学校授牌。"
    assert ("周口市文昌小学", "周口市中心城区教育集团") in parts(analyse, text)


def test_schools_that_set_up_a_quoted_alliance(analyse):
    text = "紫岩小学与齐天学校、九龙学校抱团成立“绵竹市城乡教育联盟”。"
    got = parts(analyse, text)
    assert {("齐天学校", "绵竹市城乡教育联盟"), ("九龙学校", "绵竹市城乡教育联盟")} <= got


def test_a_national_academy_is_no_college_of_the_reports_one_university(analyse):
    text = "厦门大学与中国科学院签署合作协议。厦门大学校长出席。"
    assert not any(p == "厦门大学" and c == "中国科学院" for c, p in parts(analyse, text))


def test_a_run_of_two_party_bodies_is_no_unit_of_the_first(analyse):
    got = parts(analyse, "中共辽宁省委政法委员会中共辽宁省委组织部联合印发通知。")
    assert not any(c.endswith("组织部") and "政法委员会" in p for c, p in got)


def test_a_college_named_for_china_is_still_a_unit_of_its_university(analyse):
    assert ("新疆大学中国语言学院", "新疆大学") in parts(analyse, "新疆大学中国语言学院举办讲座。")


def test_an_office_named_alone_goes_to_the_bureau_named_last_before_it(analyse):
    text = ("实践队在兴安盟农场局副局长郑业海的带领下走访科右前旗教育局，并与副局长满都拉，"
            "民教股股长朝克图举行座谈。")
    got = parts(analyse, text)
    assert ("民教股", "科右前旗教育局") in got
    assert not any(c == "民教股" and p != "科右前旗教育局" for c, p in got)


def test_a_party_committee_of_a_college_belongs_to_the_college(analyse):
    got = parts(analyse, "清华大学与本校合作。清华大学建筑学院党委书记张弘出席。")
    assert ("清华大学建筑学院党委", "清华大学建筑学院") in got
    assert ("清华大学建筑学院", "清华大学") in got
    assert ("清华大学建筑学院党委", "清华大学") not in got


def test_a_school_said_to_be_under_a_bureau(analyse):
    text = "西宁果洛中学位于西宁市城北区，是一所隶属于果洛藏族自治州教育局管理的全日制完全中学。"
    assert ("西宁果洛中学", "果洛藏族自治州教育局") in parts(analyse, text)


def test_a_school_named_with_a_bureau_is_not_under_it(analyse):
    text = "西宁果洛中学位于西宁市城北区，果洛藏族自治州教育局局长到校调研。"
    assert not any(p.endswith("教育局") for _, p in parts(analyse, text))


def test_a_numbered_school_is_not_cut_short_before_its_branch(analyse):
    # 二小 ends a school's short name (城关二小党支部), never 第二小学 cut before 学
    got = parts(analyse, "隆林各族自治县第二小学支部委员会组织党员开展主题党日活动。")
    assert not any(p.endswith("第二小") for _, p in got), got
    assert ("隆林各族自治县第二小学支部委员会", "隆林各族自治县第二小学") in got
