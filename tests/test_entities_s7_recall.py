"""Entity recall and precision shapes of session 7 (issue 9): each rule on a short text."""
from __future__ import annotations


def test_own_outlet_is_no_organisation(ents):
    # a report whose source line reads 本报 (or 本报 and a date, or 网络整理) names no outlet
    text = "本报讯(记者 刘华志)8月31日，周口市文昌小学举行开学典礼。本报将持续关注。"
    for source in ("本报", "本报11月18日", "网络整理"):
        got = ents(text, source=source)
        assert not {n for lab, n in got if lab == "ORG" and n.startswith(("本报", "网络"))}, source


def test_outlet_with_date_in_source(ents):
    # 鲁网2月10日 as the source: the outlet is 鲁网, not 鲁网2月10日
    got = ents("鲁网2月10日讯 近日，鲁网记者走进县第一中学。", source="鲁网2月10日")
    assert ("ORG", "鲁网2月10日") not in got


def test_town_area_is_its_division(ents):
    # 城区 after a division's name is its town area: the place is the division
    got = ents("极大改善大悟县城区教学资源规模不足，大悟城区再添一所公立学校。古甘小学位于靖西市城区西北方向。")
    places = {n for lab, n in got if lab == "PLACE"}
    assert {"大悟县", "大悟", "靖西市"} <= places
    assert not {n for n in places if n.endswith("城区")}


def test_town_area_rule_keeps_districts():
    from pipeline.doc import Mention
    from pipeline.entities import places
    # 婺城区 and 历城区 are districts named so; 宜昌主城区 is 宜昌
    assert places.town_area(Mention("PLACE", 0, 3, "婺城区")).text == "婺城区"
    assert places.town_area(Mention("PLACE", 0, 3, "历城区")).text == "历城区"
    assert places.town_area(Mention("PLACE", 0, 5, "宜昌主城区")).text == "宜昌"
    assert places.town_area(Mention("PLACE", 0, 3, "主城区")) is None


def test_document_code_is_no_organisation():
    from pipeline.doc import Mention
    from pipeline.entities import org_shapes
    text = "根据《通知》(教基厅函〔2020〕2号)和闽教基〔2021〕3号文件要求，教育厅(2020年)工作。"
    s = text.index("教基厅")
    assert org_shapes.document_code(text, Mention("ORG", s, s + 3, "教基厅"))
    s = text.index("闽教基")
    assert org_shapes.document_code(text, Mention("ORG", s, s + 3, "闽教基"))
    s = text.index("教育厅")
    assert not org_shapes.document_code(text, Mention("ORG", s, s + 3, "教育厅"))


def test_person_and_post_is_no_organisation():
    from pipeline.doc import Mention
    from pipeline.entities import org_shapes
    text = "副区长高艳检查指导。每到一处，高艳部长一行都听取汇报。宣传部部长讲话。"
    p, s = text.index("高艳"), text.index("高艳部")
    ms = [Mention("PERSON", p, p + 2, "高艳"), Mention("ORG", s, s + 3, "高艳部")]
    assert [m.text for m in org_shapes.person_posts(text, ms)] == ["高艳"]
    s = text.index("宣传部")
    ms = [Mention("PERSON", p, p + 2, "高艳"), Mention("ORG", s, s + 3, "宣传部")]
    assert len(org_shapes.person_posts(text, ms)) == 2


def test_direction_is_no_region():
    from pipeline.entities import places
    text = "古甘小学位于靖西市城区西北方向30公里处，地处西北地区。"
    s = text.index("西北方向")
    assert not places.plausible(text, s, s + 2)
    s = text.index("西北地区")
    assert places.plausible(text, s, s + 2)


def test_village_group_after_its_village():
    from pipeline.doc import Mention
    from pipeline.entities import places
    text = "白银市靖远县若笠乡牛庄村田咀社的田世冠。她来自田咀社的一个家庭。"
    v, g, g2 = text.index("白银市"), text.index("田咀社"), text.rindex("田咀社")
    ms = [Mention("PLACE", v, g, text[v:g]), Mention("PERSON", g, g + 3, "田咀社"),
          Mention("PERSON", g2, g2 + 3, "田咀社")]
    got = {(m.label, m.text) for m in places.village_groups(text, ms)}
    assert got == {("PLACE", "白银市靖远县若笠乡牛庄村田咀社"), ("PLACE", "田咀社")}
    # a name after a village that is no group stays a name
    text = "牛庄村田世冠说。"
    ms = [Mention("PLACE", 0, 3, "牛庄村"), Mention("PERSON", 3, 6, "田世冠")]
    assert {(m.label, m.text) for m in places.village_groups(text, ms)} == {("PLACE", "牛庄村"), ("PERSON", "田世冠")}


def test_named_communities():
    from pipeline.entities import places
    text = "学生来自周边的鱼塘社区、严家寨社区。他们走进华人社区、居民社区，推进城乡社区、安置社区建设。"
    starts = {text.index(w) for w in ("鱼塘", "华人", "居民", "城乡", "安置")}
    got = [m.text for m in places.named_communities(text, starts, bytearray(len(text)))]
    assert got == ["鱼塘社区", "严家寨社区"]
    text = "一家人搬到城里的鱼塘社区。在大学社区里。"     # one community alone: left to the model
    assert places.named_communities(text, {text.index("鱼塘"), text.index("大学")}, bytearray(len(text))) == []


def test_named_communities_in_pipeline(ents):
    got = ents("学生中有980余名来自周边的鱼塘社区、严家寨社区易地扶贫搬迁安置点。")
    assert {("PLACE", "鱼塘社区"), ("PLACE", "严家寨社区")} <= got


def test_village_schools_are_a_kind(ents):
    got = ents("从20岁踏入村办小学开始，他就扎根乡村。各中心小学、单设初中、局直学校以及受表彰教师参加。")
    assert ("ORG", "村办小学") not in got and ("ORG", "局直学校") not in got


def test_office_and_road_is_an_address():
    from pipeline.doc import Mention
    from pipeline.entities import org_shapes
    text = "新校区位于西山区前卫街道办事处前景路，预计投资1.3亿元。前卫街道办事处召开会议。"
    s = text.index("西山区")
    got = org_shapes.office_addresses(text, [Mention("ORG", s, s + 10, text[s:s + 10])])
    assert [(m.label, m.text) for m in got] == [("PLACE", "西山区前卫街道办事处前景路")]
    s = text.rindex("前卫")
    got = org_shapes.office_addresses(text, [Mention("ORG", s, s + 7, text[s:s + 7])])
    assert [(m.label, m.text) for m in got] == [("ORG", "前卫街道办事处")]


def test_training_firms_in_a_list(ents):
    got = ents("执法人员来到蒋堂镇上的思睿教育，白龙桥镇上的学林教育、可可教育、智诚教育等学科类校外培训机构检查。")
    assert {("ORG", n) for n in ("思睿教育", "学林教育", "可可教育", "智诚教育")} <= got
    got = ents("开展学前教育、职业教育、美术教育等培训机构检查。")
    assert not {n for lab, n in got if lab == "ORG"}


def test_level_words_and_channels_are_no_places():
    from pipeline.entities import places
    text = "贯彻落实中央、区州党委精神。本文为湖南频道原创文章。湖南省委、市县两级。"
    s = text.index("区州")
    assert not places.plausible(text, s, s + 2)
    s = text.index("湖南频道")
    assert not places.plausible(text, s, s + 2)
    s = text.index("湖南省")
    assert places.plausible(text, s, s + 2)


def test_graduate_is_a_person():
    from pipeline.doc import Mention
    from pipeline.entities import people
    text = "7年前，韩福财大学毕业后返回县一中任教。他从郑州大学毕业。王福财大学教授讲话。"
    a, b, c = text.index("韩福财"), text.index("郑州"), text.index("王福财")
    ms = [Mention("ORG", a, a + 5, "韩福财大学"), Mention("ORG", b, b + 4, "郑州大学"),
          Mention("ORG", c, c + 5, "王福财大学")]
    got = [(m.label, m.text) for m in people.graduates(text, ms)]
    assert got == [("PERSON", "韩福财"), ("ORG", "郑州大学"), ("ORG", "王福财大学")]


def test_named_regions_standing_alone():
    from pipeline.entities import places
    text = "我们这里地处黄土高原,山大沟深。东海校区和西北方向。"
    words = {0, 2, 4, 6, 10, 11, 13, 15, 16, 17, 18, 20, 22, 24}
    got = [m.text for m in places.named_regions(text, words, words | {len(text)}, bytearray(len(text)))]
    assert got == ["黄土高原"]
