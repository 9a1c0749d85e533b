"""What a reading of real articles showed (corpus/, no gold; session of 2026-12-04): bodies
named after a doctrine cut at its author's name and joined across reports, and quantities or
sorts of colleges (很多商学院, 独立学院) read as one college."""
from __future__ import annotations


def test_a_body_named_after_a_doctrine_keeps_the_doctrine_and_its_host(ents):
    got = ents("（作者为北京市习近平新时代中国特色社会主义思想研究中心研究员）")
    assert ("ORG", "北京市习近平新时代中国特色社会主义思想研究中心") in got
    assert not any(t == "中国特色社会主义思想研究中心" for _lab, t in got)
    got = ents("（作者为教育部党组成员、副部长，教育部习近平新时代中国特色社会主义思想研究中心常务副主任）")
    assert ("ORG", "教育部习近平新时代中国特色社会主义思想研究中心") in got


def test_the_doctrine_itself_is_still_no_organisation(ents):
    got = ents("学院组织学生深入学习习近平新时代中国特色社会主义思想。")
    assert not any(lab == "ORG" and "思想" in t for lab, t in got)


def test_a_quantity_or_a_sort_of_colleges_is_no_college(ents):
    got = ents("双语教学成为趋势，很多商学院甚至会要求他们的教学使用英语。")
    assert not any(lab == "ORG" and "商学院" in t for lab, t in got)
    got = ents("高职高专院校初次就业率最高，为78.1%，独立学院和民办高校最低。")
    assert not any(lab == "ORG" for lab, _t in got)
    got = ents("他毕业于长江商学院，后来回到黄河科技学院任教。")
    assert {("ORG", "长江商学院"), ("ORG", "黄河科技学院")} <= got


def _measures(analyse, text: str) -> set[str]:
    from pipeline.nlp import found
    return {m.text for m in found(analyse(text)) if m.label == "MEASURE"}


def test_an_unquoted_measure_starts_on_a_word(analyse):
    got = _measures(analyse, "学校建立疫情应急处置机制，建立和规范礼仪制度。")
    assert "疫情应急处置机制" in got and "规范礼仪制度" in got
    assert not any(t.startswith(("立", "和")) for t in got)
    # a word the tokenizer made up from unknown characters moves nothing (制和控)
    got = _measures(analyse, "建立控辍保学目标责任制、联控联保制和控辍保学劝返制。")
    assert {"控辍保学目标责任制", "联控联保制", "控辍保学劝返制"} <= got
    # a fixed term that starts with a verb's character stays whole
    assert "立德树人落实机制" in _measures(analyse, "学校坚持完善立德树人落实机制。")


def test_a_quoted_goal_motto_or_appeal_is_no_measure(analyse):
    assert not _measures(analyse, "临洮县委坚持“脱贫攻坚、教育先行”的工作思路。")
    assert not _measures(analyse, "各校要为实现“两个一百年”奋斗目标贡献力量。")
    got = _measures(analyse, "南昌航空大学发起“厉行节约、反对浪费”的倡议，开展“光盘行动”。")
    assert got == {"光盘行动"}
    # the initiative named 倡议 stays
    assert _measures(analyse, "学校积极参与“一带一路”倡议，开展国际交流。") & {"一带一路", "“一带一路”倡议"}
