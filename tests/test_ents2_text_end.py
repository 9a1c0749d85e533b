"""A section that ends right after a place, words and a school's type word (a headline,
a caption: 成都市农村学校) is read without failing (pipeline/entities/org_complete.py looked
past the end of the text for a level of schooling)."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import org_complete, word_spans


def test_a_text_ending_in_a_type_word(nlp):
    for text, place in (("成都市农村学校", "成都市"), ("程曾佳 安徽省行知学校", "安徽省")):
        s = text.index(place)
        ms = [Mention("PLACE", s, s + len(place), place)]
        got = {m.text for m in org_complete.schools_after_places(text, word_spans(nlp.make_doc(text)), ms)}
        assert got <= {"安徽省行知学校"}
    s = "程曾佳 安徽省行知学校".index("安徽省")
    text = "程曾佳 安徽省行知学校"
    got = org_complete.schools_after_places(text, word_spans(nlp.make_doc(text)), [Mention("PLACE", s, s + 3, "安徽省")])
    assert [m.text for m in got] == ["安徽省行知学校"]


def test_a_text_ending_in_a_type_word_in_the_pipeline(ents):
    got = ents("成都市农村学校")
    assert ("PLACE", "成都市") in got
