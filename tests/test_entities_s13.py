"""Entity shapes a model trained without train fold 4/5 got wrong on that fold (session 13):
marks around a name, two names joined by 的 or a verb, names joined by & or a bracket."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import orgs


def split(text: str) -> list[str]:
    return [m.text for m in orgs.split_joined(text, Mention("ORG", 0, len(text), text))]


def test_two_names_joined_by_de_or_a_verb_are_two():
    assert split("吉安二中教育集团的文星分校") == ["吉安二中教育集团", "文星分校"]
    assert split("西宁果洛中学加盟上海市黄浦区大同教育集团") == ["西宁果洛中学", "上海市黄浦区大同教育集团"]
    assert split("航运学院愿与小孟镇政府") == ["航运学院", "小孟镇政府"]
    # 对 and 在 are inside names: 对外, 在线
    assert split("哈佛大学对外关系发展办公室") == ["哈佛大学对外关系发展办公室"]
    assert split("教育部在线教育研究中心") == ["教育部在线教育研究中心"]


def test_names_joined_by_an_ampersand_or_a_bracket_between_chinese_words():
    assert split("新华社】教育部") == ["新华社", "教育部"]
    assert split("澳洲名校&爱德华王子岛大学")[-1] == "爱德华王子岛大学"
    assert split("AT&T公司") == ["AT&T公司"]          # Latin letters around &: one name


def test_marks_before_a_name_are_no_part_of_it(ents):
    got = ents(".蓝天公司与乙公司签约。.甲公司与乙公司签约。【新华社】教育部召开新闻发布会。")
    assert ("ORG", "蓝天公司") in got and not any(t.startswith(".") for _lab, t in got)
    assert ("ORG", "甲公司") not in got     # a party of a case, no one's name (tests/test_s24.py)
    assert {("ORG", "新华社"), ("ORG", "教育部")} <= got
