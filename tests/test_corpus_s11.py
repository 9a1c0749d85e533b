"""What a reading of real articles showed (corpus/, no gold; session of 2026-12-04, second):
the head of an office named with its owner was made a head of the owner, and descriptions of
people (大连女孩, 美国教育家) were read as organisations their names belonged to."""
from __future__ import annotations

import csv


def _relations(tmp_path, text: str, kind: str) -> set[tuple[str, str, str]]:
    from pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("会议报道\n\n" + text + "\n", encoding="utf-8")
    build.run(src, tmp_path / "out", workers=1, progress=False)
    with open(tmp_path / "out" / "tables" / "relations.csv", encoding="utf-8-sig", newline="") as f:
        return {(r["source_name"], r["target_name"], r["role"]) for r in csv.DictReader(f) if r["type"] == kind}


def test_the_head_of_an_office_heads_the_office_not_its_owner(tmp_path):
    got = _relations(tmp_path, "中央财经委员会办公室副主任尹艳林作报告。国务院教育督导委员会办公室主任、"
                               "教育部教育督导局局长田祖荫说，督导很重要。航运学院党委书记张明、院长李华出席。"
                               "学校工会主席王强讲话。", "MEMBER_OF")
    assert ("尹艳林", "中央财经委员会办公室", "副主任") in got
    assert ("田祖荫", "国务院教育督导委员会办公室", "主任") in got
    assert ("田祖荫", "教育部教育督导局", "局长") in got
    assert not any(o in ("中央财经委员会", "国务院教育督导委员会") for _p, o, _r in got)
    # a party unit's name still gives the headship after it to its owner
    assert ("李华", "航运学院", "院长") in got
    # a school's union is no office of the report's one bureau
    assert not any(p == "王强" for p, _o, _r in got)


def test_a_description_of_a_person_is_no_organisation(ents, tmp_path):
    got = ents("大连女孩谭旭考上了北京大学。美国教育家杜威曾说过。香港爱国金融实业家何善衡捐资助学。")
    orgs = {t for lab, t in got if lab == "ORG"}
    assert orgs == {"北京大学"}
    assert {("PERSON", "谭旭"), ("PERSON", "杜威"), ("PERSON", "何善衡")} <= got
    # a periodical's title stays one
    assert ("ORG", "教育家") in ents("文章刊登在《教育家》杂志上。")


def test_education_departments_name_no_ministry(ents):
    got = ents("各地教育部门要做好防控。教育部指导驻外使领馆教育部门开展工作。")
    assert {t for lab, t in got if lab == "ORG"} == {"教育部"}
    assert not any(lab == "ORG" for lab, _t in ents("山东省潍坊市教育部门发布通知。"))


def test_a_branch_named_by_another_district_of_the_city_is_placed_there(tmp_path):
    from pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("海淀区教育新闻\n\n北京市海淀区教委召开会议。清华附中朝阳学校和清华附中丰台学校的校长参加了会议。"
                               "海淀区的中关村第一小学和人大附中西山学校也派人参加。\n", encoding="utf-8")
    build.run(src, tmp_path / "out", workers=1, progress=False)
    with open(tmp_path / "out" / "tables" / "relations.csv", encoding="utf-8-sig", newline="") as f:
        placed = {r["source_name"]: r["target_name"] for r in csv.DictReader(f) if r["type"] == "LOCATED_IN"}
    assert placed["清华附中朝阳学校"] == "朝阳区" and placed["清华附中丰台学校"] == "丰台区"
    # no district in the name (西山 is none of 北京's): the report's own district
    assert placed["人大附中西山学校"] == "海淀区" and placed["中关村第一小学"] == "海淀区"


def test_a_name_and_its_title_are_no_duty_in_a_post(tmp_path):
    got = _relations(tmp_path, "北京师范大学校长董奇教授，国家发改委原党组成员、国家教育咨询委员会委员宋晓梧先后致辞。"
                               "拱墅区职业高级中学美发专业教师王芳介绍。", "MEMBER_OF")
    assert ("董奇", "北京师范大学", "校长") in got
    assert not any(p == "宋晓梧" and o == "北京师范大学" for p, o, _r in got)
    assert ("宋晓梧", "国家教育咨询委员会", "委员") in got
    # a duty between a school and a staff role stays in the role
    assert ("王芳", "拱墅区职业高级中学", "美发专业教师") in got


def _measures(analyse, text: str) -> set[str]:
    from pipeline.nlp import found
    return {m.text for m in found(analyse(text)) if m.label == "MEASURE"}


def test_a_book_title_names_no_measure_but_a_document_title_may(analyse):
    assert not _measures(analyse, "通俗理论读物《中国制度面对面》来到越来越多人身边。")
    got = _measures(analyse, "学校按照《关于推进中小学学区制管理的指导意见》推进工作。学校开展《“三会一课”增强党员凝聚力》活动。")
    assert {"中小学学区制管理", "三会一课"} <= got


def test_generations_are_no_measures(analyse):
    assert _measures(analyse, "作为“00后”，他们积极参加“光盘行动”。“90后”教师挑起大梁。") == {"光盘行动"}
