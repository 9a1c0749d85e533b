"""Session 34, on sentences written here: a reading of 100 IMPLEMENTS links and 40 articles of
the corpus (four reviewers; 45 of the 100 links right before these changes).

* Doctrines, slogans of the state and historic programmes are no measures a body of the
  report carries out (党中央…“四个全面”战略布局, 打造“重要窗口”, “两弹一星”元勋:
  rules/measure_stop.txt); 一带一路 and 定点扶贫 stay (train/'s gold has them).
* Things offered are no measures: dishes (推出“半份菜”、“小份菜”), a live-stream room
  (rules/measure_cues.tsv ``institution``).
* A name holding a question mark is a talk's question or text lost in decoding
  (如何培养未来国际英才??留学之路), no measure.
* A press office the reporter learnt the news from (记者从X新闻办获悉: rules/implements.tsv
  ``source``, ``press_office``) is no actor of what the sentence tells; any other body the
  news comes from may be (train/'s gold: 从石家庄市教育局获悉,…继续推进地方特岗教师计划试点).
* A unit with no type word of a body's name before 联合/会同/携手/协同 and a body is a body of
  its own (国务院联防联控机制联络组联合教育部: two), while 北京联合大学 stays one.
* A body written after 在 that issues or launches the measure in a clause of time is its
  actor (作业帮在教育部发出“停课不停学”通知后: 教育部; rules/implements.tsv ``issue_after_zai``).
* 学校 after a sentence whose subject is a section of a school (泉景中学小学部) is that section.

A second reading (100 more IMPLEMENTS links, 100 LOCATED_IN links of organisations):

* A group a body forms is no measure (组建了“红色文艺轻骑队”与“白鹭林音乐剧社”: 队, 剧社, 艺术团,
  宣讲团 of rules/measure_cues.tsv ``institution``).
* A body that only cares for the work (高度重视…近视防控工作: rules/implements.tsv ``regard``) is
  no actor; one that goes on with a deed after a comma is.
* A province's short name in a body's name wins over a town or street of that name the report
  names elsewhere (上海国际信托有限公司 beside 福州's 上海街道); a city's does not (洛阳镇).
* A body of a province and one of a city in it, each named with its place's full name
  (四川省老龄委, 成都市老龄委), stay two, in a report and across reports.
* 西华师范大学 and 西华大学 are in 南充 and 成都 (rules/org_names.tsv), not in 河南's 西华县.

A third reading (100 MEMBER_OF and 100 PART_OF links; 88 and 88 right):

* A name read without quotes right after a quoted measure (“X”的产业脱贫模式, “X”人才培养计划)
  is only what the quoted name is: the measure is the quoted name alone, as train/'s gold writes
  it (“党风带师风”的工作机制 -> 党风带师风).
* An editor's tag after the reporter's own bracket ((光明日报全媒体记者杜羽)[责编：丛芳瑶]) is the
  hosting page's, not the paper's (train/'s gold links no such editor; it links one on the
  medium's source line: 来源:中央广电总台国际在线责编:路晶森).
* 局部 ends no body's name (江南镇局部地区); 委托 joins two bodies (rules/org_joiners.txt).

A ninth reading of 40 corpus articles for entities (four reviewers, 115 errors listed):

* A house number in a body's name is an address read into it: the body is what follows
  (上海市延安西路1882号东华大学: 东华大学); an address alone names none (东大街20号院).
* A name ending in 榜 is a ranking list (胡润榜), and phrases opening with a surname's character
  (路太远, 乔装成: rules/person_stop.txt) are no people.
* A body after 各地方, 各地 or 各级 is every such body, none named (各地方消费者协会); kinds of
  bodies and rooms are no names (驻外使馆, 县城医院, 音乐教室, 联赛: rules/org_generic.txt).
* A count read into a measure's start after its numeral (每学期2次视力监测制度, 参加过3次国培计划:
  rules/measure_cues.tsv ``counted_unit``) and a round before it (第6次早餐工程) are no part of
  it (a reading of 100 measure mentions, 64 right).
* A body opening a sentence as part of a person's title (中国科学院院士、…刘忠范说: rules/
  implements.tsv ``title_after``) is no subject to carry over to a later sentence.
* A tenth reading: common words read as places (产业园区, 山川河流, 南南合作: rules/place_never.txt),
  bodies (内阁, 文工团, 美国高中) and people (夏蝉, 李鬼).
"""
from __future__ import annotations

from pipeline.nlp import found

from .implements_links import measures_and_links


def test_doctrines_and_slogans_of_the_state_are_no_measures(analyse):
    ms, links = measures_and_links(
        analyse, "党中央统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。"
                 "浙江省援疆指挥部努力打造“重要窗口”示范样板。")
    assert not ms & {"五位一体", "四个全面", "重要窗口"}
    assert not links


def test_a_named_initiative_of_the_state_stays_a_measure(analyse):
    ms, _ = measures_and_links(analyse, "教育部积极推进“一带一路”教育行动，深化与沿线国家的合作。")
    assert "一带一路" in ms


def test_dishes_and_a_live_stream_room_are_no_measures(analyse):
    ms, links = measures_and_links(
        analyse, "此外，人大北区食堂推出“半份菜”、“小份菜”、“拼菜”，一份菜的价钱可以品尝两种菜。")
    assert not ms and not links
    ms, _ = measures_and_links(analyse, "自治区教育信息中心开通“内蒙古空中课堂技术支持服务直播间”。")
    assert "内蒙古空中课堂技术支持服务直播间" not in ms


def test_a_name_with_a_question_mark_is_no_measure(analyse):
    ms, links = measures_and_links(
        analyse, "网易教育讯2014年2月23日下午，由金吉列留学和国际人才俱乐部共同主办的“如何培养未来国际英才??留学之路”主题讲座在北京举行。")
    assert not any("?" in m for m in ms)
    assert not any("?" in m for _, m in links)


def test_a_press_office_the_news_came_from_is_no_actor(analyse):
    _, links = measures_and_links(
        analyse, "记者2日从浙江省政府新闻办获悉：浙江全面实施学生体质健康监测，实施学生体测向社会公布制度。")
    assert not any(o == "浙江省政府新闻办" for o, _ in links)
    # a bureau the news comes from stays the actor of what it does (train/'s gold: t4_07)
    _, links = measures_and_links(analyse, "从石家庄市教育局获悉，今年将继续推进地方特岗教师计划试点。")
    assert ("石家庄市教育局", "地方特岗教师计划") in links


def test_a_unit_joined_to_a_body_by_a_verb_of_working_together_is_two(ents):
    got = ents("国务院联防联控机制联络组联合教育部、湖北省近日共同启动实施职业教育赋能提质专项行动。")
    assert ("ORG", "国务院联防联控机制联络组") in got and ("ORG", "教育部") in got
    assert not any(t.endswith("联合教育部") for _, t in got)
    assert ("ORG", "北京联合大学") in ents("北京联合大学开展“护苗”行动。")


def test_a_body_that_issues_the_measure_in_a_clause_of_time_is_its_actor(analyse):
    _, links = measures_and_links(
        analyse, "抗击新冠肺炎疫情期间，作业帮在教育部发出“停课不停学”通知后，第一时间响应号召，为孩子送去免费直播课。")
    assert ("教育部", "停课不停学") in links and ("作业帮", "停课不停学") not in links
    # 在 before a place of the deed keeps its body an object (在实验小学开展“…”)
    _, links = measures_and_links(analyse, "县教育局在实验小学开展“书香校园”活动。")
    assert ("实验小学", "书香校园") not in links


def test_the_school_for_a_section_of_a_school_the_sentence_before_is_about(analyse):
    _, links = measures_and_links(
        analyse, "济南市泉景中学小学部六年级（6）班班主任朱德芳老师，这几天一直在张罗班里的线上德育课。"
                 "目前，泉景中学小学部主要围绕健康生活等8个主题开展德育课程。前几天，学校组织了“小手牵大手”活动。")
    assert ("济南市泉景中学小学部", "小手牵大手") in links or ("泉景中学小学部", "小手牵大手") in links


# --------------------------------------------------------------------------- a second reading

def test_a_group_a_body_forms_is_no_measure(analyse):
    ms, links = measures_and_links(
        analyse, "宁波大学高度重视校园文化建设。学校为此组建了“红色文艺轻骑队”与“白鹭林音乐剧社”，"
                 "开展了一系列工作。")
    assert not ms & {"红色文艺轻骑队", "白鹭林音乐剧社"}
    assert not links


def test_caring_for_the_work_is_no_deed(analyse):
    _, links = measures_and_links(analyse, "近年来，党中央、国务院高度重视儿童青少年近视防控工作。")
    assert not links
    # a deed of its own after the comma keeps the body the actor
    _, links = measures_and_links(analyse, "县教育局高度重视，开展了“书香校园”活动。")
    assert ("县教育局", "书香校园") in links


def org_keys(analyse, text):
    return {m.text: m.key for m in found(analyse(text, pub_date="2020-06-01")) if m.label == "ORG"}


def test_a_province_s_short_name_wins_over_a_street_of_that_name(analyse):
    keys = org_keys(analyse, "福州市台江区上海街道开展了活动。上海国际信托有限公司获得表彰。")
    assert keys["上海国际信托有限公司"].startswith("org:310000:")


def test_a_province_s_body_and_a_city_s_body_of_one_name_stay_two(analyse):
    keys = org_keys(analyse, "四川省老龄委主任张三分析了原因。成都市老龄委副主任李四告知记者。")
    assert keys["四川省老龄委"] == "org:510000:老龄委" and keys["成都市老龄委"] == "org:510100:老龄委"
    # a school written with its city and alone in a district's report stays one
    keys = org_keys(analyse, "武侯区教育局表示，成都市锦官新城小学开展活动。锦官新城小学校长王五说。")
    assert keys["成都市锦官新城小学"] == keys["锦官新城小学"]


def test_bodies_of_one_name_named_in_full_at_two_levels_are_not_joined_across_reports():
    from pipeline import link
    ents = {"org:510000:老龄委": {"name": "四川省老龄委", "aliases": ["四川省老龄委"], "attrs": {"kind": "other"}},
            "org:510100:老龄委": {"name": "成都市老龄委", "aliases": ["成都市老龄委"], "attrs": {"kind": "other"}},
            "org:510000:锦官新城小学": {"name": "锦官新城小学", "aliases": ["锦官新城小学"], "attrs": {"kind": "school"}},
            "org:510107:锦官新城小学": {"name": "锦官新城小学", "aliases": ["锦官新城小学"], "attrs": {"kind": "school"}}}
    remap = link.refine_anchors(ents, {"510100": "510000", "510107": "510000"})
    assert "org:510000:老龄委" not in remap
    assert remap["org:510000:锦官新城小学"] == "org:510107:锦官新城小学"


def test_a_university_whose_name_holds_another_place_is_at_its_seat(analyse):
    keys = org_keys(analyse, "四川省的西华师范大学今年招生计划增加。")
    assert keys["西华师范大学"].startswith(("org:511300:", "org:510000:"))
    assert not keys["西华师范大学"].startswith("org:411622:")     # not 河南's 西华县


# --------------------------------------------------------------------------- a third reading

def test_the_head_noun_after_a_quoted_measure_is_no_measure_of_its_own(analyse):
    ms, links = measures_and_links(analyse, "北京科技大学探索“支部+企业+合作社+扶贫车间+农户”的产业脱贫模式。")
    assert ms == {"支部+企业+合作社+扶贫车间+农户"}
    assert links == {("北京科技大学", "支部+企业+合作社+扶贫车间+农户")}
    ms, _ = measures_and_links(analyse, "红山区实施“红山教育领航人”人才培养计划。")
    assert ms == {"红山教育领航人"}


def test_a_page_editor_after_the_reporter_s_bracket_is_not_the_paper_s(analyse):
    doc = analyse("教育部日前印发通知，要求各地做好工作。（光明日报全媒体记者杜羽）[责编：丛芳瑶]")
    names = {m.key: m.text for m in found(doc)}
    pairs = {(names.get(r.source), names.get(r.target)) for r in doc._.relations if r.type == "MEMBER_OF"}
    assert ("杜羽", "光明日报") in pairs and ("丛芳瑶", "光明日报") not in pairs
    # an editor on the source line of the medium stays its editor (train/'s gold: t2_07)
    doc = analyse("来源:中央广电总台国际在线责编:路晶森\n教育部日前印发通知。")
    names = {m.key: m.text for m in found(doc)}
    assert any(names.get(r.source) == "路晶森" for r in doc._.relations if r.type == "MEMBER_OF")


def test_jubu_ends_no_body(ents):
    got = ents("三江新区规划面积389平方公里，包括现宜宾临港经济技术开发区、翠屏区宋家镇和南溪区罗龙街道局部、"
               "江南镇局部。")
    assert not any(t.endswith(("局部", "镇局")) for _, t in got)


# --------------------------------------------------------------------------- a reading of entities

def test_an_address_read_into_a_body_s_name_is_cut(ents):
    got = ents("请寄往上海市延安西路1882号东华大学。")
    assert ("ORG", "东华大学") in got
    assert not any("1882号" in t for _, t in got)
    got = ents("联系地址：北京市丰台区东大街20号院。")
    assert not any(lab == "ORG" for lab, _ in got)


def test_phrases_and_ranking_lists_are_no_people(ents):
    got = ents("当时有记者致电俞渝，她却表示，并不清楚自己上了胡润榜这回事。")
    assert ("PERSON", "胡润榜") not in got


def test_every_place_s_body_and_kinds_of_bodies_are_no_names(ents):
    got = ents("截至目前，各地方消费者协会共受理投诉1200件，他联系了驻外使馆和国外驻华使馆。", source="")
    assert not any(lab == "ORG" for lab, _ in got)


def test_common_words_of_a_tenth_reading_are_no_names(ents):
    got = ents("推动5G网络、物联网等优先覆盖核心商圈、产业园区、交通枢纽。"
               "在山川河流、鸟鸣蛙叫的大自然里感受生命。")
    assert ("PLACE", "产业园区") not in got and ("PLACE", "山川河流") not in got


def test_a_count_or_a_round_before_a_measure_is_no_part_of_it(analyse):
    ms, _ = measures_and_links(analyse, "学校严格落实每学期2次视力监测制度。")
    assert ms == {"视力监测制度"}
    # the model may start the name after the count's digits (3|轮…): the unit goes with them
    # (the thirty-seventh session; 5次早餐工程, this test's first text of a round, is now at
    # the retrained model's threshold, 0.23 against 0.25, and no longer read at all)
    ms, _ = measures_and_links(analyse, "全县先后组织3轮控辍保学专项行动，劝返学生120人。")
    assert ms == {"控辍保学专项行动"}


def test_a_body_in_a_person_s_title_is_carried_over_to_no_later_sentence(analyse):
    text = ("中国科学院院士、北京石墨烯研究院院长刘忠范说：“我们要鼓励广大师生更加主动地在重大战略部署中去寻找课题，"
            "着力构建协同创新的体制机制，提高科学研究水平和解决实际问题的能力。”\n"
            "完善全民终身学习推进机制，是国家开放大学党委书记、校长荆德刚一直关注的问题。")
    _, links = measures_and_links(analyse, text)
    assert not any(o == "中国科学院" for o, _ in links)
