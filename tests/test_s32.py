"""Session 32, on sentences written here.

* The national bodies of the education system are known by name, and so are their short
  names (rules/org_known.tsv): 全国学生资助管理中心, 全国高等学校学生信息咨询与就业指导中心,
  中央农办, 人教社, 学信网. The model had missed them in corpus articles the gold sets do not hold.
* A name written by sound with a dot keeps a last part of up to four syllables after the
  point where the model stopped (阿迪力·阿布 + 都赛买提).
* An honour a school holds, written after its place or its field (江苏省艺术教育特色学校,
  福建省文明学校, 衡阳市重点中学), is no organisation; a school whose name holds a word of
  the sort (凤凰寄宿制小学) stays one.
"""
from __future__ import annotations

from pipeline.entities import lexicon


def test_national_bodies_of_the_education_system_by_name(ents):
    found = ents("符合条件的学生，全国学生资助管理中心将为获奖者颁发荣誉证书。全国高等学校学生信息咨询与"
                 "就业指导中心副主任宁小华在会上透露，学历可在学信网查询。", pub_date="2014-06-01")
    assert {("ORG", "全国学生资助管理中心"), ("ORG", "全国高等学校学生信息咨询与就业指导中心"),
            ("ORG", "学信网"), ("PERSON", "宁小华")} <= found


def test_short_names_of_national_bodies(ents):
    found = ents("中央农办主任、农业农村部党组书记唐仁健出席。人教社回应称，《背影》并未被删。",
                 pub_date="2021-03-01")
    assert {("ORG", "中央农办"), ("ORG", "人教社"), ("PERSON", "唐仁健")} <= found


def test_a_known_society_does_not_cut_its_committee_short(ents):
    # the national societies are not in the known list: the model reads their committees whole
    found = ents("中国高等教育学会学术委员会、中国高等教育学会工程教育专业委员会联合主办。",
                 pub_date="2021-03-01")
    assert ("ORG", "中国高等教育学会学术委员会") in found
    assert ("ORG", "中国高等教育学会") not in found


def test_a_name_written_by_sound_keeps_its_last_syllables():
    from pipeline.entities import people
    text = "社区居民阿迪力·阿布都赛买提的喜悦之情溢于言表。"
    s = text.index("阿迪力")
    e = text.index("都赛")            # where a model stopped: 阿迪力·阿布
    words = {k: k + 1 for k in range(len(text))}     # one character a word, as jieba cut them
    assert text[s:people.translit_tail(text, s, e, words)] == "阿迪力·阿布都赛买提"
    # a name followed by a word that writes no sound keeps its end
    text = "学校副校长买吐送·阿不力孜介绍说。"
    s, e = text.index("买吐送"), text.index("介绍")
    assert people.translit_tail(text, s, e, {k: k + 1 for k in range(len(text))}) == e


def test_an_honour_after_a_place_is_no_school():
    for name in ("江苏省艺术教育特色学校", "福建省文明学校", "衡阳市重点中学", "昭通市现代教育示范学校",
                 "河北省规范化学校"):
        assert lexicon.generic_org(name), name
    for name in ("灵川县多霍乡凤凰寄宿制小学", "曼哈顿第41公立学校", "北京市实验中学", "特色学校"):
        assert not lexicon.honour_title(name), name


def test_an_honour_in_a_sentence(ents):
    found = ents("我校作为江苏省艺术教育特色学校，这次带领学生走进江南大学。福建省文明学校名单公布，"
                 "灵川县多霍乡凤凰寄宿制小学入选。", pub_date="2016-03-27")
    assert ("ORG", "江苏省艺术教育特色学校") not in found
    assert ("ORG", "福建省文明学校") not in found
    assert {("ORG", "江南大学"), ("ORG", "灵川县多霍乡凤凰寄宿制小学")} <= found
