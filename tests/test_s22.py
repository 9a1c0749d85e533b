"""Session of 2026-12-06, seventh (issue 9): errors found on the 2,613 corpus articles, no
gold. A clause whose subject is bodies it leaves unnamed (多家高校发起“光盘行动”) carries
over no organisation from the sentence, the section or the report before (c01149, c02482)."""
from __future__ import annotations

from .implements_links import implements_links


def test_bodies_left_unnamed_carry_out_the_measure_themselves(analyse):
    text = ("北京市教育委员会召开会议。此外，为减少高校餐桌的浪费现象，多家高校发起“光盘行动”"
            "并推出“半价菜”等活动。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert not {x for x in got if x[1] in ("光盘行动", "半价菜")}


def test_some_of_the_universities_after_an_adverb(analyse):
    text = ("山东财经大学开设了“媒介素养”课程。还有的高校在“信息技能”等课程中捎带涉及媒介使用等内容。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert ("山东财经大学", "媒介素养") in got
    assert ("山东财经大学", "信息技能") not in got


def test_unnamed_bodies_as_the_object_keep_the_carried_subject(analyse):
    # 组织部分学校开展: the schools are sent; the subject carried over organises it
    text = "青山县教育局高度重视劳动教育。同时，组织部分学校开展“劳动周”活动。"
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert ("青山县教育局", "劳动周") in got
    text = "青山县教育局高度重视劳动教育。同时，部分学校开展“劳动周”活动。"
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert not got
