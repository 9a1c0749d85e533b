"""MEMBER_OF of reporters under a dateline naming a paper and its site joined by a dash
(中国教育报-中国教育新闻网讯(记者X)): the paper, read off text written here."""
from __future__ import annotations

from .test_relations import members


def test_reporters_of_a_paper_and_its_site_go_to_the_paper(analyse):
    text = "中国教育报-中国教育新闻网讯(记者刘晓惠)2022年春季学期开学在即，海南省教育厅提出要求。"
    got = members(analyse, text)
    assert ("刘晓惠", "中国教育报", "记者") in got
    assert not any(o == "中国教育新闻网" for _, o, _ in got)
    # one outlet: its own reporters
    text = "中国教育新闻网讯(记者刘晓惠)2022年春季学期开学在即，海南省教育厅提出要求。"
    assert ("刘晓惠", "中国教育新闻网", "记者") in members(analyse, text)
