"""Session 37, on text written here.

* 名校 inside a quoted name is no honour by itself: “名校办分校”, “名校+新校”, “名校结对” are
  initiatives a body carries out, as 名校带新校 is in train/'s gold (rules/measure_cues.tsv no
  longer has ``not_inside 名校``). A name ending in 名校 (“百年名校”) is still an honour through
  ``institution``, and 唯名校 an attitude (``not_inside``).
* A quoted name ending in 工程 followed by a field word (“工业设计工程”领域) is a field of study.
* A count's unit is no part of a name the model starts after the count's digits (3轮控辍保学专项行动).
* A verb of doing inside an unquoted name is where the name starts (持续实施…西部计划).
* A ninth corpus reading: bans, scare quotes, people, committees, a group's owner, a partner
  joined by 联合 are no measures or no actors.
* A year opening a measure's name is no part of it; 共青团中央 and 团中央 are one node.
"""
from __future__ import annotations

from pipeline.nlp import found

from .implements_links import measures, measures_and_links


def test_quoted_initiatives_holding_mingxiao_are_measures(analyse):
    ms, links = measures_and_links(analyse, "近年来，武汉市教育局率先开展“名校办分校”“3+2贯通培养”，"
                                            "组建了12个教育集团。")
    assert {"名校办分校", "3+2贯通培养"} <= ms
    assert ("武汉市教育局", "名校办分校") in links
    ms = measures(analyse, "在河南南阳，通过“名校+新校”“名校+弱校”“名校+乡校”等方式，让名校教育集团覆盖了"
                           "83所中小学校、33.2万中小学生。")
    assert {"名校+新校", "名校+乡校"} <= ms


def test_a_quoted_honour_or_attitude_with_mingxiao_is_still_no_measure(analyse):
    assert not measures(analyse, "该校被誉为“百年名校”，家长评价“非常满意”。")
    assert "唯名校" not in measures(analyse, "要坚决破除“唯名校”“唯学历”的用人导向，推进招聘制度改革。")


def test_a_quoted_field_of_study_is_no_project(analyse):
    """“工业设计工程”领域: a field of an engineering master's degree, as 建筑材料工程专业 is
    unquoted (pipeline/measures.py reads the field word past the closing quote)."""
    text = ("业务课一考试科目可选用全国统考数学一或数学二试题(其中“工业设计工程”领域可使用招生单位自命题试题；"
            "“项目管理”、“物流工程”领域可选全国统考数学三试题)")
    assert not measures(analyse, text)
    assert measures(analyse, "该县实施“希望工程”，资助学生300名。") == {"希望工程"}


def test_a_name_read_from_inside_a_count_leaves_the_count_out(analyse):
    """全县先后组织3轮控辍保学专项行动: the model may start the name after the count's digits
    (轮控辍保学专项行动); the count's unit goes with the digits (measure_model.unquoted)."""
    assert measures(analyse, "全县先后组织3轮控辍保学专项行动，劝返学生120人。") == {"控辍保学专项行动"}


def test_a_verb_inside_an_unquoted_name_is_where_the_name_starts(analyse):
    """持续实施高校银龄教师支援西部计划 names 高校银龄教师支援西部计划; …落实情况开展专项督查 names no
    情况开展专项督查 (rules/measure_cues.tsv ``verb_inside``). A document's word after the verb
    (实施方案) and a name whose ending alone follows it (立德树人落实机制) keep the name whole."""
    assert measures(analyse, "我省将持续实施高校银龄教师支援西部计划。") == {"高校银龄教师支援西部计划"}
    assert measures(analyse, "疏勒县实施人居环境整治工程，改善农村面貌。") == {"人居环境整治工程"}
    got = measures(analyse, "省委教育工委、省教育厅和省教育考试院组建高考安全工作督查小组，分赴全省11个市（区）"
                            "对疫情防控等措施的落实情况开展专项督查。")
    assert not any("情况" in m for m in got)
    assert measures(analyse, "学校建立立德树人落实机制。") == {"立德树人落实机制"}
    # a document's title keeps its verbs
    text = "局长张振江宣读《关于成立荀子实验小学教育集团及对全区中小学教育集团进行重新布局调整的决定》。"
    assert measures(analyse, text) == {"关于成立荀子实验小学教育集团及对全区中小学教育集团进行重新布局调整的决定"}


def test_a_ban_names_nothing_anyone_carries_out(analyse):
    """严禁幼儿园开展网上教学活动: what is forbidden is no measure (rules/measure_cues.tsv
    ``proposal`` 严禁, 禁止, 不得 …, with 开展, 举办, 组织 as verbs); a ninth corpus reading."""
    assert not measures(analyse, "受疫情影响，严禁幼儿园开展网上教学活动。")
    assert measures(analyse, "受疫情影响，城南区教育局开展防溺水安全教育活动。") == {"防溺水安全教育活动"}


def test_scare_quotes_people_and_committees_are_no_measures(analyse):
    """所谓“影响力行动” (the writer disowns the name), “政治明星”们 (people), 组建“零浪费委员会”
    (a body the pupils form): rules/measure_cues.tsv label_before, not_after, institution."""
    assert "影响力行动" not in measures(analyse, "他们不断进行政治操弄，捏造所谓“影响力行动”“间谍风险”等莫须有罪名。")
    assert not measures(analyse, "幕后操纵者和“政治明星”们有无良律师保驾护航。")
    assert "零浪费委员会" not in measures(analyse, "让学生参与组建“零浪费委员会”，提高学生的参与度。")


def test_a_group_s_owner_is_no_actor_of_its_member(analyse):
    """字节跳动旗下的清北网校推出“空中课堂”: the member acts, not its owner
    (rules/implements.tsv ``modifier`` 旗下)."""
    _, links = measures_and_links(analyse, "与此同时，字节跳动旗下在线教育平台清北网校，免费向全国中小学提供在线直播教学系统，"
                                            "并推出“空中课堂”。")
    assert not any(o == "字节跳动" for o, _ in links)


def test_the_partner_a_subject_joins_is_no_organiser(analyse):
    """学而思培优…联合好未来公益基金会共同发起“X”: the foundation is the partner the subject joins,
    and only the subject carries X out (the gold's A联合B开展X); a body right after 联合 or 携手
    is no organiser (relations/measure_owners.organisers_before). Bodies listed before 联合推出
    (A、B联合推出X) both stay."""
    text = ("此外，在疫情期间，学而思培优还发动广大学员的力量，联合好未来公益基金会共同发起“抗击疫情·守护未来”"
            "公益积分项目。")
    _, links = measures_and_links(analyse, text)
    assert not any(o == "好未来公益基金会" for o, _ in links)
    _, links = measures_and_links(analyse, "城南区教育局、团区委联合推出“云上少年宫”，丰富学生假期生活。")
    assert {o for o, m in links if m == "云上少年宫"} == {"城南区教育局", "团区委"}


def test_a_year_opening_a_measure_s_name_is_no_part_of_it(analyse):
    """《2020—2021年度大学生志愿服务西部计划实施方案》 is the year's plan for 大学生志愿服务西部计划,
    and 2015年开福区中小学生艺术展演活动 the year's run of the festival: train/'s gold names
    neither with its year (t5_12, t4_04, t1_29; pipeline/measures.py LEAD_YEAR). A year inside
    quotes stays (“2020新春庆典”)."""
    assert measures(analyse, "共青团中央印发《2020—2021年度大学生志愿服务西部计划实施方案》。") == {"大学生志愿服务西部计划"}
    assert measures(analyse, "“放飞艺术梦”2015年开福区中小学生艺术展演活动正在这里举行。") == {"开福区中小学生艺术展演活动"}
    assert measures(analyse, "学校开展“2020新春庆典”活动。") == {"2020新春庆典"}
    # the year's document is still the document the body issues (relations/not_deeds.inside_title)
    _, links = measures_and_links(analyse, "今天，省教育厅正式印发的《2014年海南省普通高等学校招生工作实施办法》显示："
                                            "我省今年高考日期6月7日至9日。")
    assert links == {("省教育厅", "海南省普通高等学校招生工作实施办法")}


def test_the_league_s_central_committee_is_one_node_however_written(analyse):
    """共青团中央 and 团中央 are one body: the League's prefix is not put twice before the known
    name (org::共青团共青团中央 beside org::共青团中央 split it into two nodes, 9 and 4 corpus
    reports: pipeline/places.py)."""
    keys = set()
    for text in ("共青团中央印发《大学生志愿服务西部计划实施方案》。", "团中央、教育部联合开展“三下乡”活动。"):
        keys |= {m.key for m in found(analyse(text)) if m.label == "ORG" and m.text in ("共青团中央", "团中央")}
    assert keys == {"org::共青团中央"}
