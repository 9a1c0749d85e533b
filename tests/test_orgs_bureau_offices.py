"""A bureau's office written onto the bureau before its head's post is the organisation
(issue 9: 省教育厅中小学党建处副处长 names 省教育厅中小学党建处). Sentences written here."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import org_shapes


def offices(text, bureau):
    k = text.index(bureau)
    return [m.text for m in org_shapes.bureau_offices(text, [Mention("ORG", k, k + len(bureau), bureau)])]


def test_an_office_before_its_heads_post():
    assert offices("近日,省教育厅中小学党建处副处长王明到校调研。", "省教育厅") == ["省教育厅中小学党建处"]
    assert offices("市教育局中小学党建处孙军处长参加。", "市教育局") == ["市教育局中小学党建处"]
    assert offices("邀请省市场监管局餐饮处一级调研员张华讲课。", "省市场监管局") == ["省市场监管局餐饮处"]
    assert offices("高坪区教育科技和体育局政工股股长何敏主持。", "高坪区教育科技和体育局") == ["高坪区教育科技和体育局政工股"]


def test_offices_in_general_and_names_are_no_office():
    assert offices("县教育局相关股室负责人参加。", "县教育局") == []
    assert offices("局领导班子和各科室负责人参加。", "局") == []
    assert offices("西安市教育局领导班子成员李颖科出席。", "西安市教育局") == []
    assert offices("市教育局基础教育处组织检查。", "市教育局") == []     # no post after it: left to the model
    # a 科 before its head's post is part of the role (ANNOTATION.md: 成教科科长)
    assert offices("槐荫区教体局成教科科长晋萍带领科室督促民办学校停课。", "槐荫区教体局") == []


def test_in_the_pipeline(ents):
    got = ents("近日,辽宁省教育厅中小学党建处副处长王明到大连市调研。")
    assert ("ORG", "辽宁省教育厅中小学党建处") in got
