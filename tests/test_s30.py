"""Session 30, on sentences written here.

* Places: a body named by a bare level word in a run of posts, right after a body of a named
  division (甘肃省委教育工委委员、省教育厅副厅长; 察布查尔县委副书记、县人民政府县长), is that
  division's, whatever the report's setting.
* Places: such a body that the report's setting leaves unplaced is the division of its level
  named before it in its sentence (临城县投资……建成了以县第二小学), not another list item's.
"""
from __future__ import annotations

from pipeline import gazetteer, placeorgs
from pipeline.doc import Mention

from .conftest import mention_at, placed

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



NATIONAL = "教育部日前召开新闻发布会。云南省龙陵县、河北省临城县的代表介绍了经验。"


def test_a_level_word_body_after_a_division_in_its_sentence(analyse):
    # two counties named as often, no setting: the one named before it in its sentence
    text = NATIONAL + "临城县投资200万元，建成了以县第二小学为主体的教育园区。龙陵县也建成了新校舍。"
    targets, keys = placed(analyse, text, "县第二小学")
    assert targets == {"place:130522"} and keys == {"org:130522:临城县第二小学"}
    text = NATIONAL + "龙陵县也建成了新校舍。临城县山区面积大，病人从镇卫生院转到县人民医院要一个小时。"
    targets, _ = placed(analyse, text, "县人民医院")
    assert targets == {"place:130522"}


def mentions_on(text: str, *spans: tuple[str, str, str]) -> tuple[list[Mention], dict]:
    """(label, name, division code or '') -> mentions over each name's first occurrence, and
    the places stage's chain of each (empty without a code)."""
    gaz = gazetteer.get()
    ms, divs = [], {}
    for label, name, code in spans:
        m = mention_at(label, text, name)
        ms.append(m)
        divs[id(m)] = gaz.chain(code) if code else []
    return ms, divs


def test_no_division_from_another_item_of_a_list_or_for_shenghui():
    text = "获奖的有张家口市下花园区后堡街小学、秦皇岛经济技术开发区第二小学的教师，病人被建议到省会医院就诊。"
    ms, divs = mentions_on(text, ("ORG", "张家口市下花园区后堡街小学", "130706"), ("PLACE", "秦皇岛", "130300"),
                           ("ORG", "区第二小学", ""), ("ORG", "省会医院", ""))
    got = placeorgs.level_in_sentence(text, ms, divs)
    assert got == {}          # 下花园区 is another item's; 省会 is no province's body
    # the same county not written as a list item: taken
    text = "张家口市下花园区投资建成了区第二小学。"
    ms, divs = mentions_on(text, ("PLACE", "张家口市下花园区", "130706"), ("ORG", "区第二小学", ""))
    assert placeorgs.level_in_sentence(text, ms, divs) == {id(ms[1]): "130706"}
