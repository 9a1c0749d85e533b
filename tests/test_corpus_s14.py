"""What a reading of real articles showed (corpus/, no gold; session of 2026-12-05): 同济 cut
at 同 as if it joined two bodies, nouns of people read as names, 国家主席 made a post of 中共中央,
forums and meetings taken for measures, an interviewee made a medium's reporter."""
from __future__ import annotations

import csv

from pipeline.doc import found


def _relations(tmp_path, text: str, kind: str) -> set[tuple[str, str, str]]:
    from pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("会议报道\n\n" + text + "\n", encoding="utf-8")
    build.run(src, tmp_path / "out", workers=1, progress=False)
    with open(tmp_path / "out" / "tables" / "relations.csv", encoding="utf-8-sig", newline="") as f:
        return {(r["source_name"], r["target_name"], r["role"]) for r in csv.DictReader(f) if r["type"] == kind}


def test_a_joining_character_inside_a_word_joins_nothing():
    from pipeline.doc import Mention
    from pipeline.entities import orgs
    name = "华中科技大学同济医学院"
    assert [m.text for m in orgs.split_joined(name, Mention("ORG", 0, len(name), name))] == [name]
    name = "北京大学和清华大学"
    assert [m.text for m in orgs.split_joined(name, Mention("ORG", 0, len(name), name))] == ["北京大学", "清华大学"]


def test_nouns_of_people_are_no_names(ents):
    got = ents("申请人需提交材料，特长生和高考生也可报名，华商子弟报考常春藤名校。李金生和蔡荣生出席。")
    assert {t for lab, t in got if lab == "PERSON"} == {"李金生", "蔡荣生"}


def test_a_post_naming_its_own_body_is_no_post_of_the_body_before_it(tmp_path):
    got = _relations(tmp_path, "中共中央总书记、国家主席、中央军委主席习近平出席会议并发表重要讲话。", "MEMBER_OF")
    assert ("习近平", "中共中央", "总书记") in got
    assert not any(role == "国家主席" for _, _, role in got)


def test_forums_meetings_and_alliances_are_no_measures(analyse):
    doc = analyse("8月28日，由中国社会科学院西藏智库主办的“第四届喜马拉雅区域研究国际研讨会”在北京举行。"
                  "2011年4月，在厦门大学举行的“中外大学校长论坛”上，百名校长声讨排行榜。"
                  "四川工程职院牵头建立“合作招生联盟”是宝贵经验。学校开展“双减”工作。")
    got = {m.text for m in found(doc) if m.label == "MEASURE"}
    assert not any(t.endswith(("论坛", "研讨会", "联盟")) for t in got)
    assert any("双减" in t for t in got)


def test_a_person_a_reporter_contacted_is_no_reporter():
    from pipeline.doc import Mention
    from pipeline.relations import bylines
    text = "光明日报记者联系了葛军，他表示支持。"
    o = Mention("ORG", 0, 4, "光明日报")
    p = Mention("PERSON", text.index("葛军"), text.index("葛军") + 2, "葛军")
    assert bylines.byline(text, p, [o]) == []


def test_a_trade_or_a_laboratory_ending_in_gongcheng_is_no_project(analyse):
    doc = analyse("学而思网校组建了由拥有多年教学经验的老师和BAT一线工程师组成的专属教研团队。"
                  "学院开设有建筑工程技术、建筑装饰工程技术、建筑设备工程技术、建筑材料工程技术、经济管理专业。"
                  "学校联合组建了石化新材料与资源精细利用国家地方联合工程实验室。学校实施“心桥工程”精准扶贫。")
    got = {m.text for m in found(doc) if m.label == "MEASURE"}
    assert not any(t.endswith("工程") and t != "心桥工程" for t in got)
    assert "心桥工程" in {t.strip("“”") for t in got}


def test_the_reports_one_school_is_no_guess_where_a_school_written_short_holds_the_post(tmp_path):
    got = _relations(tmp_path, "杭州外国语学校举行开学典礼。南科大校长朱清时认为，教育要改革。"
                               "中关村三小校长刘可钦介绍了经验。校长白振华介绍，学校将继续努力。", "MEMBER_OF")
    # not the report's one school: the short name's own (南科大 is 南方科技大学), or none
    assert not any(p in ("朱清时", "刘可钦") and o == "杭州外国语学校" for p, o, _ in got)
    assert {o for p, o, _ in got if p == "朱清时"} <= {"南科大", "南方科技大学"}
    assert ("白振华", "杭州外国语学校", "校长") in got


def test_a_medium_the_report_only_cites_has_no_reporters(tmp_path):
    got = _relations(tmp_path, "据英国《每日邮报》10月12日报道，牛津大学近日公布了面试题。(记者：严玉洁)", "MEMBER_OF")
    assert not any(o == "每日邮报" for _, o, _ in got)


def test_a_site_the_reporter_looked_at_has_no_reporters(tmp_path):
    got = _relations(tmp_path, "在携程网上，记者看到五一机票很贵。(记者：杨元)", "MEMBER_OF")
    assert not any(o == "携程网" for _, o, _ in got)


def test_a_medium_of_a_dateline_keeps_its_reporter(tmp_path):
    got = _relations(tmp_path, "大河报讯 教育部召开会议，据新华社报道，会议通过了方案。\n记者 王五", "MEMBER_OF")
    assert ("王五", "大河报", "记者") in got


def test_a_name_after_a_closed_byline_or_met_by_the_reporter_is_no_reporter():
    from pipeline.doc import Mention
    from pipeline.relations import bylines

    def link(text: str, org: str, name: str):
        o = Mention("ORG", text.index(org), text.index(org) + len(org), org)
        p = Mention("PERSON", text.index(name), text.index(name) + len(name), name)
        return [(x.text, role) for x, role, _ in bylines.byline(text, p, [o])]

    text = "据新华社电 （记者杨思琪）马祖光，中国科学院院士，哈尔滨工业大学教授。"
    assert link(text, "新华社", "马祖光") == []
    assert link(text, "新华社", "杨思琪") == [("新华社", "记者")]
    assert link("光明日报记者走近姚俊鹏，听他讲故事。", "光明日报", "姚俊鹏") == []
    assert link("成都商报记者和小浩一起吃饭。", "成都商报", "小浩") == []
    assert link("人民网北京6月1日电（记者 张三和李四）教育部召开会议。", "人民网", "李四") == [("人民网", "记者")]


def test_students_abroad_and_future_hires_are_no_members(tmp_path):
    got = _relations(tmp_path, "留学 兰开夏中央大学的陈宁说，初到国外要主动交流。"
                               "即将入职中国石油塔里木油田分公司的丁贵阳仍激动不已。太原五中的刘晓宇介绍了经验。", "MEMBER_OF")
    assert not any(p in ("陈宁", "丁贵阳") for p, _, _ in got)
    assert ("刘晓宇", "太原五中", "") in got


def test_a_short_name_the_report_defines_is_the_organisation_everywhere(ents, tmp_path):
    got = ents("成立于2010年的慧科教育科技集团有限公司（简称“慧科”）与多所高校合作，慧科表示将继续投入。")
    assert ("ORG", "慧科") in got and ("PERSON", "慧科") not in got
    from pipeline.doc import Mention
    from pipeline.entities import org_short
    text = "苏伊士运河大学孔子学院（简称苏大孔院）举办活动，苏大孔院院长出席。"
    ms = [Mention("ORG", 0, 11, "苏伊士运河大学孔子学院"), Mention("PERSON", 24, 27, "苏大孔")]
    got = [(m.label, m.text, m.attrs.get("short_of")) for m in org_short.defined_short_names(text, ms)]
    assert ("ORG", "苏大孔院", "苏伊士运河大学孔子学院") in got and not any(lab == "PERSON" for lab, _, _ in got)


def test_the_class_a_rankings_title_names_is_no_organisation(ents):
    got = ents("在QS亚洲大学排名中，清华大学位列前十。武书连大学排行榜发布。中欧国际工商学院排名第1，英国牛津大学排名下滑。")
    names = {t for lab, t in got if lab == "ORG"}
    assert not any(n.endswith(("亚洲大学", "武书连大学")) for n in names)
    assert {"清华大学", "中欧国际工商学院"} <= names and any(n.endswith("牛津大学") for n in names)


def test_a_body_and_a_university_written_back_to_back_are_two():
    from pipeline.entities.org_cells import two_cells
    assert two_cells("上海化工研究院上海理工大学") == ["上海化工研究院", "上海理工大学"]
    assert two_cells("中国地震局地震研究所武汉科技大学") == ["中国地震局地震研究所", "武汉科技大学"]
    # a college or a campus of a university, a university alone: one name
    for name in ("华南理工大学广州学院", "北京师范大学珠海分校", "中国医学科学院北京协和医学院", "中国科学院大学", "哈尔滨工业大学"):
        assert two_cells(name) == []
