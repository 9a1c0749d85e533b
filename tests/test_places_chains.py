"""A province's short name written right before a place inside it opens the chain (广西北流,
湖北钟祥: one PLACE, placed where the inner place is). Sentences written here."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities.places import chain_before
from pipeline.nlp import found


def test_a_provinces_short_name_opens_a_chain(analyse):
    text = "广西北流：坚决守好疫情防控责任田。广西北流市教育局动员各级各类学校。"
    doc = analyse(text, pub_date="2023-02-01")
    ms = {m.text: m for m in found(doc) if m.label == "PLACE"}
    assert "广西北流" in ms and ms["广西北流"].key == "place:450981"


def test_only_the_province_that_holds_the_place(analyse):
    text = "湖北钟祥、江西北流"
    assert chain_before(text, Mention("PLACE", 2, 4, "钟祥")) == 0     # 钟祥市 is in 湖北
    assert chain_before(text, Mention("PLACE", 7, 9, "北流")) == 7     # 北流市 is not in 江西
