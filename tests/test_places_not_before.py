"""中华 in 中华民族, 中华优秀传统文化, 中华儿女 is part of a phrase, no PLACE
(rules/place_not_before.tsv); 中华 standing as a word of its own stays what the model says.
Sentences written here."""
from __future__ import annotations

from pipeline.nlp import found


def places_in(analyse, text):
    doc = analyse(text, pub_date="2023-02-01")
    return [(m.text, m.start) for m in found(doc) if m.label == "PLACE"]


def test_zhonghua_before_a_phrase_word_is_no_place(analyse):
    text = "实现中华民族伟大复兴,弘扬中华优秀传统文化,广大中华儿女团结奋斗。"
    assert not any(t == "中华" for t, _ in places_in(analyse, text))


def test_no_place_is_spread_to_zhonghua_before_a_phrase_word(analyse):
    text = "学习中华文化,热爱中华大地。振兴中华,人人有责。中华人民共和国成立。"
    got = places_in(analyse, text)
    assert ("中华", text.index("中华文化")) not in got
    assert ("中华", text.index("中华大地")) not in got
    assert ("中华人民共和国", text.index("中华人民共和国")) in got
