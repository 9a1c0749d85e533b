"""An organisation in a list of its kind that the model left out is found from its
neighbours (same type word, same shape); facilities named by common words are not."""
from __future__ import annotations


def test_list_of_centres(ents):
    got = ents("会议还对糜滩教管中心、 三滩教管中心、兴隆教管中心、靖安教管中心等进行了表彰。")
    assert {("ORG", n) for n in ("糜滩教管中心", "三滩教管中心", "兴隆教管中心", "靖安教管中心")} <= got


def test_facilities_are_not_bodies(ents):
    got = ents("学校建有计算中心、网络中心、测试中心、工业培训中心。")
    assert ("ORG", "测试中心") not in got and ("ORG", "网络中心") not in got


def test_list_siblings_rule():
    from pipeline.doc import Mention
    from pipeline.entities import org_shapes
    text = "会议还对糜滩教管中心、三滩教管中心、兴隆教管中心等进行了表彰。"
    words = [(0, 2), (2, 3), (3, 4), (4, 6), (6, 10), (10, 11)]   # 会议/还/对/糜滩/教管中心/、
    s = text.index("三滩")
    found = [Mention("ORG", s, s + 6, "三滩教管中心")]
    got = {m.text for m in org_shapes.list_siblings(text, words, found)}
    assert got == {"糜滩教管中心", "兴隆教管中心"}
    text = "学校建有计算中心、网络中心、测试中心。"
    s = text.index("网络")
    assert org_shapes.list_siblings(text, [(4, 6), (6, 8)], [Mention("ORG", s, s + 4, "网络中心")]) == []
