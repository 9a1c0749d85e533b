"""Organisations written short: a school as a division's name and its number
(泉州五中, 朝天区二小), a government's media account in quotes (《成都发布》)."""
from __future__ import annotations

from pipeline.entities import org_shapes


def names(text: str) -> set[str]:
    return {m.text for m in org_shapes.school_abbrevs(text, [])}


def test_school_by_place_and_number():
    assert names("据悉，泉州五中城东新校区将全面建成。") == {"泉州五中"}
    assert names("他曾在河北衡水二中就读。") == {"河北衡水二中"}
    assert names("、吉安八中学生参加比赛。") == {"吉安八中"}


def test_not_a_school():
    assert names("从北京三小时可到。") == set()
    assert names("学习十九届三中全会精神。") == set()
    assert names("市区第二中学开学。") == set()
    assert names("运动一小时。") == set()


def test_media_account_in_quotes():
    assert names("被成都市人民政府官方平台《成都发布》转载。") == {"成都发布"}
    assert names("发表于《新闻发布》。") == set()


def test_in_the_pipeline(ents):
    got = ents("这是来自朝天区二小家长群的消息。泉州五中校长出席。")
    assert ("ORG", "朝天区二小") in got and ("ORG", "泉州五中") in got
    assert ("PLACE", "泉州") not in got
