"""Measures (issue 9, sixth pass), on sentences written here: well-known programmes written
without quotes or a cue word, long named campaigns with quoted descriptors, quoted
problems, descriptions and evaluations, studios, ways of teaching (X式学习) and groupings
(X共同体)."""
from __future__ import annotations

from pipeline import measure_patterns
from pipeline.nlp import found


def measures(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    return {m.norm for m in found(doc) if m.label == "MEASURE"}


def test_well_known_programmes_without_quotes_or_cue(analyse):
    got = measures(analyse, "学校坚持开展大课间活动，做好儿童青少年近视防控工作，推进精准资助。")
    assert {"大课间活动", "近视防控", "精准资助"} <= got
    # a routine written alone is the same measure
    assert "大课间活动" in measures(analyse, "每天上午安排30分钟阳光大课间。")


def test_a_long_campaign_is_one_measure_not_its_quoted_pieces(analyse):
    got = measures(analyse, "区教育局在全区开展“护苗2021”“净网2021”专项整治行动，严厉打击违法行为。")
    assert got == {"护苗2021净网2021专项整治行动"}
    got = measures(analyse, "县政府建立控辍保学工作专门协调机制，构建全方位、立体化综合治理体系。")
    assert {"控辍保学工作专门协调机制", "全方位、立体化综合治理体系"} <= got
    # 及 joins the descriptors of one name; 以及 joins two names
    got = measures(analyse, "扎实开展好教育系统安全生产治本攻坚三年行动以及学校及周边环境综合整治行动。")
    assert {"教育系统安全生产治本攻坚三年行动", "学校及周边环境综合整治行动"} <= got
    assert not any("以及" in m for m in got)
    # a duration is no part of the name; the tail of a list is no name
    got = measures(analyse, "启动为期3个月端口类短信群发业务清理整顿专项行动。深化煤矿、交通运输等领域安全专项治理。")
    assert got == {"端口类短信群发业务清理整顿专项行动"}
    # a list's joint before the name is no part of it
    assert "突出问题专项整治" in measures(analyse, "找差距、抓落实和突出问题专项整治成效明显。")


def test_one_quoted_descriptor_keeps_its_own_reading(analyse):
    doc = analyse("区教育局召开学校和幼儿园“校园餐”专项整治工作推进会。", pub_date="2021-03-01")
    ms = [m for m in found(doc) if m.label == "MEASURE"]
    assert [(m.norm, m.text) for m in ms] == [("校园餐", "“校园餐”专项整治")]


def test_quoted_problems_descriptions_and_evaluations_are_no_measures(analyse):
    got = measures(analyse, "着力破解“农村弱”“城镇挤”“大班额”等问题，形成“宽领域、深层次、立体化”的合作格局。")
    assert got == set()
    got = measures(analyse, "该校被誉为“百年名校”，家长评价“非常满意”，考核结果为“优秀”等次。")
    assert got == set()
    # a counted name is no descriptor: 九到位 ends with 位 but names a rule
    assert not measure_patterns.describes("九到位")
    assert measure_patterns.describes("宽领域、深层次、立体化") and measure_patterns.describes("城镇挤")


def test_studios_are_institutions(analyse):
    got = measures(analyse, "学校成立了王芳名师工作室，还建成“李明技能大师工作室”，开展“青蓝工程”活动。")
    assert not any("工作室" in m for m in got)
    assert "青蓝工程" in got


def test_ways_of_teaching_and_groupings(analyse):
    got = measures(analyse, "学校推行体验式学习，实施“订单式”培养，组建城乡教育发展共同体。")
    assert {"体验式学习", "订单式培养", "城乡教育发展共同体"} <= got
    # a way described, not adopted; a doctrine; a plain word ending in 式
    got = measures(analyse, "他得益于母亲的“不管”式教育。我们要推动构建人类命运共同体。学校开展网络形式教育。")
    assert got == set()
    # a way that runs on to another ending is no name of its own
    assert "造血式教育" not in measures(analyse, "湖北实施“造血式”教育援疆，助力受援地。")


def test_pairings_and_titles_hold_no_measure(analyse):
    got = measures(analyse, "专家与受援地500余名业务骨干建立师徒结对帮扶关系。学校建立城乡学校“手拉手”帮扶机制。"
                            "全省建立25个近视防控示范县。")
    assert got == set()
    # the same names where the report says they are carried out
    got = measures(analyse, "学校定期开展“党员示范课”“师徒结对”等活动，做好近视防控工作。")
    assert {"师徒结对", "近视防控"} <= got


def test_an_institution_is_never_a_measure(analyse):
    got = measures(analyse, "本报推出“名师工作室”系列报道。学校组建了“心理睡眠联合干预工作组”，"
                            "建成“射线束与材料工程实验室”，并开展“青蓝工程”活动。")
    assert got == {"青蓝工程"}
