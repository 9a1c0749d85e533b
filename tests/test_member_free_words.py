"""MEMBER_OF of a run of posts where a later post holds a free word before its role
(北京大学医学部博士生导师、河北招生负责人X), read off sentences written here."""
from __future__ import annotations

from .test_relations import members


def test_a_free_word_before_a_role_in_a_run_of_posts_stays_in_the_role(analyse):
    got = members(analyse, "北京大学医学部博士生导师、河北招生负责人刘振明通过视频向大会寄语。")
    assert ("刘振明", "北京大学医学部", "博士生导师") in got
    assert ("刘振明", "北京大学医学部", "河北招生负责人") in got


def test_a_bodys_name_in_a_run_is_no_free_word(analyse):
    # 教育局 and 政府 are bodies of their own: their posts are not the first body's
    got = members(analyse, "容桂街道党工委委员、教育局局长欧阳雪乔出席活动。")
    assert not any(o == "容桂街道党工委" and r.endswith("局长") for _, o, r in got)
    got = members(analyse, "县委常委、宣传部部长、政府副县长张胜利出席会议并讲话。")
    assert not any(o == "县委" and r.endswith("县长") for _, o, r in got)
