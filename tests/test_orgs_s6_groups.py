"""A school's group in brackets is part of its name; the body of every county
(县(区)教育局) is no one body."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import orgs


def test_group_in_brackets():
    text = "光明区东周小学(集团)召开会议。"
    got = orgs.join_units(text, [Mention("ORG", 0, 7, "光明区东周小学")])
    assert [m.text for m in got] == ["光明区东周小学(集团)"]
    text = "欣龙控股（集团）股份有限公司"
    got = orgs.join_units(text, [Mention("ORG", 0, 4, "欣龙控股")])
    assert [m.text for m in got] == ["欣龙控股"]


def test_every_county():
    assert orgs.category("县(区)教育局") and orgs.category("县（市、区）政府")
    assert not orgs.category("县教育局")
