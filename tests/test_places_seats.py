"""LOCATED_IN from what a report's known bodies and regions tell (issue 9): a name of two
divisions settled by the seat of a known body the report names, and an organisation named
after a region of one province. Sentences written here."""
from __future__ import annotations

from pipeline.nlp import found


def located(analyse, text, name):
    doc = analyse(text, pub_date="2020-05-01")
    keys = {m.key for m in found(doc) if m.text == name}
    return {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys}, doc


def test_a_known_bodys_seat_settles_a_name_of_two_districts(analyse):
    text = "校长说,学校和普陀区中心医院定点合作。同济大学第二附属中学的老师也参加了培训。"
    got, doc = located(analyse, text, "普陀区中心医院")
    assert got == {"place:310107"}          # 上海's 普陀区, not 舟山's
    assert doc._.place_context["path"] == []   # placed, but it sets no county for the report
    # no known body of Shanghai: the name stays unplaced, nothing guessed
    got, _ = located(analyse, "校长说,学校和普陀区中心医院定点合作。", "普陀区中心医院")
    assert got == set()


def test_an_organisation_named_after_a_region_of_one_province(analyse):
    text = "浙江省金华市援疆指挥部与南疆职业技能培训实训基地合作。金华市教育局领导参加。"
    got, _ = located(analyse, text, "南疆职业技能培训实训基地")
    assert got == {"place:650000"}        # 新疆's, not the report's 金华市
    got, _ = located(analyse, text, "金华市教育局")
    assert got == {"place:330700"}


def test_a_mountain_written_after_its_divisions_lies_in_the_last_of_them(analyse):
    # 武功 and 天门 are divisions elsewhere (武功县, 天门市), not of 萍乡 or 张家界
    text = "近日，萍乡市安源区教育局组织学生到江西萍乡武功山开展研学活动。"
    got, _ = located(analyse, text, "江西萍乡武功山")
    assert got == {"place:360300"}
    text = "近日，学生们来到湖南张家界天门山开展研学。张家界市永定区教育局参加。"
    got, _ = located(analyse, text, "湖南张家界天门山")
    assert got == {"place:430800"}


def test_a_unit_is_placed_where_its_organisation_is(analyse):
    text = ("培训班在安庆师范大学举行开班典礼。会议由教师教育中心主任吴云助主持,安庆师范大学的张群副校长致欢迎词,"
            "教育学院院长曹长德教授参加。")
    doc = analyse(text, pub_date="2020-05-01")
    parts = {(r.source, r.target) for r in doc._.relations if r.type == "PART_OF"}
    placed = {r.source: r.target for r in doc._.relations if r.type == "LOCATED_IN"}
    for unit in ("org::教师教育中心", "org:340800:安庆师范大学教育学院"):
        if (unit, "org:340800:安庆师范大学") in parts:
            assert placed.get(unit) == "place:340800"
    # a college named by its field alone is keyed as its university's (tests/test_colleges.py)
    assert ("org:340800:安庆师范大学教育学院", "org:340800:安庆师范大学") in parts
    # a unit of an organisation with no place stays unplaced
    doc = analyse("博雅科技大学马克思主义学院召开会议。马克思主义学院党委书记讲话。", pub_date="2020-05-01")
    assert not any(r.type == "LOCATED_IN" and "马克思主义学院" in r.source and r.source.startswith("org::")
                   for r in doc._.relations)


def test_units_take_their_organisations_place_step_by_step():
    from pipeline.doc import Relation
    from pipeline.placeorgs import units_placed_with_parents
    rels = [Relation("LOCATED_IN", "org:340800:安庆师范大学", "place:340800", 0, 9),
            Relation("PART_OF", "org::教育学院", "org:340800:安庆师范大学", 10, 20),
            Relation("PART_OF", "org::教育学院党委", "org::教育学院", 10, 20),
            Relation("LOCATED_IN", "org:340100:附属中学", "place:340100", 0, 9),
            Relation("PART_OF", "org:340100:附属中学", "org:340800:安庆师范大学", 10, 20)]
    got = {(r.source, r.target) for r in units_placed_with_parents(rels)}
    # a unit with a place of its own keeps it
    assert got == {("org::教育学院", "place:340800"), ("org::教育学院党委", "place:340800")}


def test_a_school_written_alone_is_the_one_written_with_its_places(analyse):
    # a report on schools of two counties: 大红村小学 is 栾川县's, though the report is set in 竹山县
    text = ("栾川县三川镇大红村小学只有12名学生。竹山县官渡镇中心学校距离较远。竹山县教育局表示，竹山县宝丰镇桂花小学已改造完成。"
            "竹山县多所学校参与。大红村小学的老师说，桂花小学也有变化。")
    doc = analyse(text, pub_date="2020-05-01")
    keys = {m.key for m in found(doc) if m.text in ("大红村小学", "栾川县三川镇大红村小学")}
    assert keys == {"org:410324/三川镇:大红村小学"}
    placed = {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys}
    assert placed == {"place:410324/三川镇"}
    # written alone only: the report's own county
    doc = analyse("竹山县教育局表示，竹山县多所学校参与。大红村小学的老师说，变化很大。", pub_date="2020-05-01")
    keys = {m.key for m in found(doc) if m.text == "大红村小学"}
    assert {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys} == {"place:420323"}


def test_a_full_name_with_a_coarser_place_leaves_the_finer_one(analyse):
    text = "六安市裕安区教育局组织检查。六安市城北小学参加。裕安区各校参与，城北小学表现突出。"
    doc = analyse(text, pub_date="2020-05-01")
    keys = {m.key for m in found(doc) if m.text == "城北小学"}
    assert {r.target for r in doc._.relations if r.type == "LOCATED_IN" and r.source in keys} == {"place:341503"}
