"""Session 30, on sentences written here.

* Places: a body named by a bare level word in a run of posts, right after a body of a named
  division (甘肃省委教育工委委员、省教育厅副厅长; 察布查尔县委副书记、县人民政府县长), is that
  division's, whatever the report's setting.
* Places: such a body that the report's setting leaves unplaced is the division of its level
  named before it in its sentence (临城县投资……建成了以县第二小学), not another list item's.
* Keys: a party's or the League's unit written alone (党支部, 团委, 校党委) is its report's, not
  its place's (no 江西省党支部).
"""
from __future__ import annotations

from pipeline import gazetteer, placeorgs
from pipeline.orgkeys import org_key
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


def sentence_start(text: str):
    """Where the sentence holding a position starts, by the project's sentence spans."""
    from pipeline.doc import sentence_spans
    spans = sentence_spans(text)
    return lambda pos: next(a for a, b in spans if a <= pos < b)


def test_no_division_from_another_item_of_a_list_or_for_shenghui():
    text = "获奖的有张家口市下花园区后堡街小学、秦皇岛经济技术开发区第二小学的教师，病人被建议到省会医院就诊。"
    ms, divs = mentions_on(text, ("ORG", "张家口市下花园区后堡街小学", "130706"), ("PLACE", "秦皇岛", "130300"),
                           ("ORG", "区第二小学", ""), ("ORG", "省会医院", ""))
    got = placeorgs.level_in_sentence(text, ms, divs, sentence_start(text))
    assert got == {}          # 下花园区 is another item's; 省会 is no province's body
    # the same county not written as a list item: taken
    text = "张家口市下花园区投资建成了区第二小学。"
    ms, divs = mentions_on(text, ("PLACE", "张家口市下花园区", "130706"), ("ORG", "区第二小学", ""))
    assert placeorgs.level_in_sentence(text, ms, divs, sentence_start(text)) == {id(ms[1]): "130706"}


def test_a_bare_party_branch_is_no_places_body(analyse):
    # 党支部, 团委 or 校党委 written alone belong to some body of the report, never to its place
    # (no 江西省党支部, 北京市团委 or 武汉市校党委): keyed to the report, placed nowhere
    path = [d.code for d in gazetteer.get().chain("420100")]
    for name, kind in (("党支部", "party"), ("团委", "party"), ("校党委", "party"), ("学校党总支", "party")):
        key, anchor, _ = org_key(name, {"kind": kind}, [], path, "r1")
        assert (key, anchor) == (f"org:?r1:{name}", ""), name
    # a place's own party committee keeps its place
    assert org_key("市委", {"kind": "party"}, [], path, "r1")[0] == "org:420100:武汉市委"


def bounds(text: str) -> tuple[set, set]:
    """Every offset a word boundary: the tests below are about what a name may complete."""
    every = set(range(len(text) + 1))
    return every, every


def test_a_name_found_once_completes_a_piece_of_it_found_elsewhere():
    from pipeline.entities import _propagate
    text = "拜罗伊特大学和罗伊特大学不同吗？不，罗伊特大学就是拜罗伊特大学。"
    # the model read 拜罗伊特大学 once and only 罗伊特大学 at its second writing
    i = text.index("拜罗伊特大学", 5)
    ms = [Mention("ORG", 0, 6, "拜罗伊特大学"), Mention("ORG", i + 1, i + 6, "罗伊特大学")]
    got = sorted((m.start, m.end, m.text) for m in _propagate(text, ms, *bounds(text)))
    assert (i, i + 6, "拜罗伊特大学") in got and (i + 1, i + 6, "罗伊特大学") not in got
    # the organisation's type word it lacked: 塞梅尔维斯 -> 塞梅尔维斯大学
    text = "塞梅尔维斯大学成立于1769年。如今，塞梅尔维斯大学有学生一万人。"
    j = text.index("塞梅尔维斯", 3)
    ms = [Mention("ORG", 0, 7, "塞梅尔维斯大学"), Mention("ORG", j, j + 5, "塞梅尔维斯")]
    assert (j, j + 7) in {(m.start, m.end) for m in _propagate(text, ms, *bounds(text))}


def test_no_completion_across_a_conjunction_nor_at_the_end_of_a_persons_name():
    from pipeline.entities import _propagate
    # a longer reading found once is no completion where it adds 和 or ends a name with it
    text = "青联和学联共同举办活动。学联主席发言。张丽和同学们在一起，张丽说。"
    a = text.index("学联", 6)
    p = text.rindex("张丽")
    ms = [Mention("ORG", 0, 5, "青联和学联"), Mention("ORG", a, a + 2, "学联"),
          Mention("PERSON", text.index("张丽和"), text.index("张丽和") + 3, "张丽和"), Mention("PERSON", p, p + 2, "张丽")]
    got = {(m.start, m.end, m.text) for m in _propagate(text, ms, *bounds(text))}
    assert (a, a + 2, "学联") in got and (p, p + 2, "张丽") in got
    # nor over a place: 贵州南部 found once leaves 贵州 of the next 贵州南部 alone
    text = "贵州南部山区多雨。贵州南部的学校不多。"
    k = text.index("贵州", 3)
    ms = [Mention("PLACE", 0, 4, "贵州南部"), Mention("PLACE", k, k + 2, "贵州")]
    assert (k, k + 2) in {(m.start, m.end) for m in _propagate(text, ms, *bounds(text))}


def test_a_bare_party_branch_is_the_one_branch_named_with_its_owner(analyse):
    text = ("成都市武侯区锦官新城小学召开会议。锦小党支部充分发挥战斗堡垒作用。"
            "党支部书记王某说，党支部第一时间启动了“云调查”。")
    ms = [Mention("ORG", text.index("锦小党支部"), text.index("锦小党支部") + 5, "锦小党支部", key="org:510107:锦小党支部"),
          Mention("ORG", text.index("党支部书记"), text.index("党支部书记") + 3, "党支部", key="org:?r:党支部")]
    entities = {"org:510107:锦小党支部": {"name": "锦小党支部", "aliases": {"锦小党支部"}},
                "org:?r:党支部": {"name": "党支部", "aliases": {"党支部"}}}
    placeorgs.party_unit_of_one(ms, entities, [])
    assert ms[1].key == "org:510107:锦小党支部" and "org:?r:党支部" not in entities
    assert "党支部" in entities["org:510107:锦小党支部"]["aliases"]
    # two branches named with their owners: a bare one stays its report's own
    ms.append(Mention("ORG", 0, 12, "成都市武侯区锦官新城小学团支部", key="org:510107:锦官新城小学团支部"))
    ms[1].key = "org:?r:党支部"
    ms.append(Mention("ORG", 0, 12, "武侯区实验中学党支部", key="org:510107:武侯区实验中学党支部"))
    placeorgs.party_unit_of_one(ms, {}, [])
    assert ms[1].key == "org:?r:党支部"
