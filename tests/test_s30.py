"""Session 30, on sentences written here.

* Places: a body named by a bare level word in a run of posts, right after a body of a named
  division (甘肃省委教育工委委员、省教育厅副厅长; 察布查尔县委副书记、县人民政府县长), is that
  division's, whatever the report's setting.
"""
from __future__ import annotations

from .conftest import placed

JIANGSU = "南京市鼓楼区、南京市玄武区的学校代表到江苏省南京市参加会议。江苏省教育厅主办。"


def test_a_level_word_body_after_a_post_of_a_body_of_another_province(analyse):
    targets, keys = placed(analyse, JIANGSU + "甘肃省委教育工委委员、省教育厅副厅长王某出席。", "省教育厅")
    assert targets == {"place:620000"}                      # 甘肃's, though the report is set in 江苏
    assert keys == {"org:620000:甘肃省教育厅"}
    # a comma between the posts, and a body of a city
    targets, _ = placed(analyse, JIANGSU + "晋城市人民政府党组成员，市公安局党委书记陈浩讲话。", "市公安局党委")
    assert targets == {"place:140500"}


def test_a_level_word_body_after_a_post_keeps_the_setting_when_the_level_differs(analyse):
    # 县教育局 after a post of a province's body: no county named before it, the setting's county
    text = "南京市玄武区教育局召开会议。玄武区各校参加。江苏省教育厅副厅长、县教育局局长王某出席。"
    targets, _ = placed(analyse, text, "县教育局")
    assert "place:620000" not in targets and "place:320000" not in targets
    # without a post run (a verb between) the report's province stays
    targets, _ = placed(analyse, JIANGSU + "甘肃省委教育工委召开会议，省教育厅副厅长王某出席。", "省教育厅")
    assert targets == {"place:320000"}
