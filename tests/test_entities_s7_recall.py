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
