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
