"""Session 36, on text written here.

* A list of registration points whose table lost its separators names exam offices that end in
  招生委员会, 招生考试委员会, 招生工作委员会 or their 办公室 too (天津市河北区招生委员会, 厦门市招生考试
  委员会办公室: pipeline/entities/org_cells.py ``_OFFICES``); each is a body of its own, and so is
  every university around it. Four such lists of the corpus were read as one name each.
* An office or a centre named after a category of schools of a place (福州市高等学校招生办公室,
  海淀区小学发展研究中心, 全国中小学体育教学指导委员会) is part of no school: 福州市高等学校 names
  the city's higher education, not one body (rules/org_categories.txt 高等学校; pipeline/relations/
  part_of.py). A university named after its city (兰州大学化学系) keeps its college.

A seventh corpus reading (four reviewers: 100 IMPLEMENTS links, 56 right; 100 MEASURE mentions,
65 right):

* A place, 一 and a school's type word is "a school of that place" (裕华区一小学开展…, 山东省聊城市
  一小学取消…): no organisation, the place stays a place (org_levels.one_of_a_kind; neither the
  numbered short name 裕华区一小 nor a school completed after the place); 澧县一中学生 is a
  student of 澧县一中.
* 各 before a body opening with a level word (各区县教委) is every such body, none named.
* A quoted word after 属于 or 处于 is a class or a state (属于“贵族”服务, 处于“放羊”模式:
  rules/measure_cues.tsv ``label_before``), one before 报告 a report's title (``not_after``),
  and 幼升小, 小升初 are stages of schooling (rules/measure_stop.txt): no measures.
* A body that only supports what others carry out (有力地支撑学校开展…精准资助工作, 为“停课不停教、
  不停学”做好技术支持: rules/implements.tsv ``contribute``, ``contribute_after``) is no actor; nor
  is one set apart by 除…之外, nor the school helped (邀请对口帮扶的X学校教师…, A帮扶X), nor the body
  assessed or given a role (考核X建设情况, 发挥X作用: ``object``).
* A list of quoted phrases closed by 等多门课程 or 教学案例 names the titles of courses or cases
  (rules/measure_cues.tsv ``titles_after``): no measure, and no unquoted name inside them either.
* A name of rules/measures.tsv followed by 原则 is a principle to follow (按照“一校一策”原则:
  rules/measure_cues.tsv ``lexicon_not_after``); carried out (落实“一校一策”) it stays a measure.
* A set phrase ending in a verb that the model ran into a body's name is cut off like a verb
  (意大利国家电视台联合推出: jieba's 联合推出, tagged l; orgs.trim_verb); a unit ending in a verbal
  noun (社会工作系) stays whole.
* The items of a list after a body that says, requires or issues (教育部指出，…一是落实…; 意见提出…)
  are what it says, not its deeds: no subject carried over to them (relations/openings.py
  section_subject, report_subject; an eighth corpus reading: 0 of 8 such links right). Items
  after a body's deed (青山县教育局多措并举推进…。一是全面落实…) still carry it.
* Nor is a body carried over from a sentence where it is part of a spokesperson's title
  (“…”教育部相关负责人介绍：要扎紧制度的笼子…。坚持“阳光招生”…: implements._subject asks
  rules/implements.tsv ``title_after`` as the thirty-fifth session's carried-over subjects do).
* 学校 opening a clause stands for no campus named alone (净月校区 in a university's charter:
  implements._anaphor_subject; an eighth corpus reading).
* 国家治理体系 (…和治理能力现代化) is a goal of the state, no measure (rules/measure_stop.txt; an
  eighth corpus reading).
* A plan for carrying out a named programme (《高校银龄教师支援西部计划实施方案》) names the
  programme as the measure (measure_names.programme_of), and a measure named with a place before
  it where the section names it without one too is that measure (measure_names.place_variants):
  train/'s gold names both so (t4_07, t1_22).
* An unquoted name whose first part is shared with a word and 、 before it starts at that word
  (建立起中、高职生均拨款制度, 建立校企、政企沟通长效机制: measure_names.shared_head_start); not
  at a verb (健全、完善…) nor at a name of its own (建立新机制、…).
* The organisation predicates that only read a name (lexicon.generic_org, generic_kind_head,
  qualifiers_only, honour_title) are memoised: the same answers, asked once per name.
"""
from __future__ import annotations

from pipeline.entities import lexicon, org_cells
from pipeline.nlp import found

from .implements_links import measures_and_links


def part_of_pairs(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    names = {k: rec["name"] for k, rec in (doc._.entities or {}).items()}
    names.update({m.key: m.text for m in reversed(found(doc))})
    return {(names.get(r.source, r.source), names.get(r.target, r.target))
            for r in doc._.relations if r.type == "PART_OF"}


def test_exam_committees_of_a_list_written_back_to_back_are_bodies_of_their_own(ents):
    text = ("以下为2014年天津硕士研究生报考点列表，供考生查询：天津理工大学天津医科大学天津美术学院"
            "天津市河北区招生委员会天津市南开区教育招生考试中心")
    got = {t for label, t in ents(text) if label == "ORG"}
    assert {"天津理工大学", "天津医科大学", "天津美术学院", "天津市河北区招生委员会",
            "天津市南开区教育招生考试中心"} <= got
    # the committee's office is one cell with its committee, not the start of the next
    assert org_cells.list_cells("福建农林大学厦门市招生考试委员会办公室福建师范大学福州大学") == [
        "福建农林大学", "厦门市招生考试委员会办公室", "福建师范大学", "福州大学"]
    assert org_cells.list_cells("常州大学无锡市高校招生办公室苏州市招生工作委员会") == [
        "常州大学", "无锡市高校招生办公室", "苏州市招生工作委员会"]
    assert org_cells.list_cells("临沂市招生委员会办公室莱芜市招生考试办公室日照市招生考试办公室") == [
        "临沂市招生委员会办公室", "莱芜市招生考试办公室", "日照市招生考试办公室"]


def test_the_memoised_name_predicates_answer_as_before():
    assert lexicon.generic_kind_head("美国的中学") == "美国"
    assert lexicon.generic_kind_head("国外大学") == "国外"
    assert lexicon.generic_kind_head("北京大学") is None
    assert lexicon.qualifiers_only("国内顶级") and not lexicon.qualifiers_only("北京")
    assert lexicon.generic_org("美国的中学") and not lexicon.generic_org("复旦大学")
    # asked twice, answered from the cache the second time
    lexicon.generic_kind_head.cache_clear()
    assert lexicon.generic_kind_head("英国私立学校") == lexicon.generic_kind_head("英国私立学校") == "英国"
    assert lexicon.generic_kind_head.cache_info().hits == 1


def test_an_office_named_after_a_category_of_schools_is_part_of_no_school(analyse):
    got = part_of_pairs(analyse, "考生可向福州市高等学校招生办公室咨询，海淀区小学发展研究中心也发布了通知。")
    assert not any(child.startswith(("福州市高等学校", "海淀区小学")) for child, _ in got), got
    # a university named after its city keeps its college
    got = part_of_pairs(analyse, "兰州大学化学系的学生参加了比赛。")
    assert ("兰州大学化学系", "兰州大学") in got, got


def test_a_school_of_a_place_is_no_name_but_the_place_stays(ents):
    got = ents("近日，裕华区一小学开展了“万名教师访万家”活动。")
    assert ("PLACE", "裕华区") in got and not any(label == "ORG" and "裕华区" in t for label, t in got), got
    got = ents("10月19日凌晨1点多，常德澧县一中学的女生宿舍传出一声尖叫。")
    assert not any(label == "ORG" for label, _ in got), got
    # a student of a numbered school keeps the school
    assert ("ORG", "澧县一中") in ents("澧县一中学生参加了比赛。")


def test_every_body_of_a_level_is_none_named_nor_an_actor(analyse):
    ms, links = measures_and_links(
        analyse, "市教委要求，凡满6周岁的本市户籍适龄儿童均需按区县教委划定的学校服务片参加信息采集。 "
                 "各区县教委在市教委统筹指导下，根据适龄学生人数、学校分布、所在学区、学校规模、"
                 "交通状况等因素，进行单校划片或多校划片。")
    assert "多校划片" in ms and not any(org == "区县教委" for org, _m in links), links


def test_a_class_a_state_a_report_s_title_and_a_stage_are_no_measures(analyse):
    ms, links = measures_and_links(analyse, "该集团的SAT考试培训属于“贵族”服务，同时推出“海归就业力调查”报告。")
    assert not ms and not links, (ms, links)
    ms, _ = measures_and_links(analyse, "不少学校的课后时段多处于“放羊”模式。")
    assert not ms, ms
    ms, _ = measures_and_links(analyse, "北京市教委公布了2014年“幼升小”和“小升初”政策，开展“阳光招生”行动。")
    assert ms == {"阳光招生"}, ms


def test_a_body_that_only_supports_or_is_set_apart_is_no_actor(analyse):
    _, links = measures_and_links(
        analyse, "同时，自治区教育信息中心开通直播间，为“停课不停教、不停学”做好技术支持和指导服务。")
    assert not links, links
    _, links = measures_and_links(
        analyse, "安徽持续开展党的创新理论宣讲。除省委宣讲团深入基层宣讲之外，还组织“举旗帜·送理论”基层宣讲活动。")
    assert not any(org.endswith("宣讲团") for org, _m in links), links


def test_titles_of_courses_and_cases_are_no_measures(analyse):
    ms, links = measures_and_links(
        analyse, "中国农业大学上线“北方大田作物管理”“春季蔬菜生产”“春耕病虫害防治”等多门课程。")
    assert not ms and not links, (ms, links)
    ms, _ = measures_and_links(analyse, "他首创了“红军长征GIS”“一带一路GIS”“精准扶贫GIS”等课程思政教学案例。")
    assert not any(m.endswith("GIS") for m in ms), ms


def test_the_school_helped_is_no_actor(analyse):
    _, links = measures_and_links(
        analyse, "芳草地国际学校远洋小学制定了详细方案，邀请对口帮扶的河北省康保县朝阳希望小学教师来京学习5批52人次，"
                 "通过“一人一策”，确保跟岗干部教师学有所得。")
    assert links == {("芳草地国际学校远洋小学", "一人一策")}, links


def test_a_plan_for_a_programme_names_the_programme_and_a_place_s_run_is_the_measure(analyse):
    ms, links = measures_and_links(analyse, "教育部印发《高校银龄教师支援西部计划实施方案》，持续实施该计划。")
    assert ms == {"高校银龄教师支援西部计划"} and ("教育部", "高校银龄教师支援西部计划") in links, (ms, links)
    ms, links = measures_and_links(
        analyse, "迁西县开展学校及周边环境综合整治行动。县教育局印发《迁西县学校及周边环境综合整治行动实施方案》。")
    assert ms == {"学校及周边环境综合整治行动"}, ms


def test_a_measure_s_name_as_a_principle_is_no_measure(analyse):
    ms, _ = measures_and_links(analyse, "沈阳按照“一校一策”原则，因地制宜新建厕所。")
    assert "一校一策" not in ms, ms
    ms, links = measures_and_links(analyse, "县教育局落实“一校一策”，推进控辍保学。")
    assert ("县教育局", "一校一策") in links, links


def test_a_name_sharing_its_head_with_the_word_before_starts_there(analyse):
    ms, _ = measures_and_links(analyse, "目前各省均已建立起中、高职生均拨款制度。")
    assert ms == {"中、高职生均拨款制度"}, ms
    ms, links = measures_and_links(analyse, "越商大学堂将建立校企、政企沟通长效机制。")
    assert ("越商大学堂", "校企、政企沟通长效机制") in links, links


def test_a_set_phrase_ending_in_a_verb_is_no_part_of_a_body_s_name(ents):
    got = ents("抗击疫情期间，意大利许多学校转为在线教学，意大利教育部与意大利国家电视台联合推出“电视学校”课程。")
    assert ("ORG", "意大利国家电视台") in got and not any(t.endswith("推出") for _l, t in got), got


def test_a_goal_of_the_state_is_no_measure(analyse):
    ms, _ = measures_and_links(analyse, "全会提出推进国家治理体系和治理能力现代化，完善国家治理体系。")
    assert not ms, ms


def test_items_after_a_body_that_says_are_no_deeds_of_it(analyse):
    _, links = measures_and_links(
        analyse, "教育部指出，今年要做好考试安全工作。一是落实考试安全责任制，各省级高校招生委员会要认真履行"
                 "考试安全主体责任；二是健全政府部门协作机制。")
    assert not links, links
    _, links = measures_and_links(
        analyse, "今年以来，青山县教育局多措并举推进平安校园建设。一是全面落实“一岗双责”制度；二是开展“清朗校园”专项行动。")
    assert ("青山县教育局", "清朗校园") in links, links


def test_a_spokesperson_s_body_is_carried_over_to_no_later_sentence(analyse):
    _, links = measures_and_links(
        analyse, "“以最严密的程序，保障招生公平。”教育部相关负责人介绍：要扎紧制度的笼子，确保招生过程严格规范。"
                 "坚持“阳光招生”，加强高校招生社会监督，建立国家、地方、学校多级招生信息公开制度。")
    assert not any(org == "教育部" for org, _m in links), links


def test_a_body_assessed_or_given_a_role_is_no_actor(analyse):
    _, links = measures_and_links(
        analyse, "据介绍，浙江主要从5个方面考核浙江省名师网络工作室建设情况：每年组织至少10次教研活动、开展名师送教活动。")
    assert not any(org.endswith("工作室") for org, _m in links), links


def test_the_school_an_anaphor_stands_for_is_no_campus_named_alone(analyse):
    _, links = measures_and_links(
        analyse, "第三条 学校注册地址为吉林省长春市人民大街5268号，实行两校区办学，分为本部校区（人民大街5268号）、"
                 "净月校区（净月大街2555号）。 校工会是教职工代表大会的办事机构。 学校建立二级教代会制度。")
    assert not any(org == "净月校区" for org, _m in links), links
