"""Session of 2026-12-06, seventh (issue 9): errors found on the 2,613 corpus articles, no
gold. A clause whose subject is bodies it leaves unnamed (多家高校发起“光盘行动”) carries
over no organisation from the sentence, the section or the report before (c01149, c02482)."""
from __future__ import annotations

from .implements_links import implements_links


def test_bodies_left_unnamed_carry_out_the_measure_themselves(analyse):
    text = ("北京市教育委员会召开会议。此外，为减少高校餐桌的浪费现象，多家高校发起“光盘行动”"
            "并推出“半价菜”等活动。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert not {x for x in got if x[1] in ("光盘行动", "半价菜")}


def test_some_of_the_universities_after_an_adverb(analyse):
    text = ("山东财经大学开设了“媒介素养”课程。还有的高校在“信息技能”等课程中捎带涉及媒介使用等内容。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert ("山东财经大学", "媒介素养") in got
    assert ("山东财经大学", "信息技能") not in got


def test_unnamed_bodies_as_the_object_keep_the_carried_subject(analyse):
    # 组织部分学校开展: the schools are sent; the subject carried over organises it
    text = "青山县教育局高度重视劳动教育。同时，组织部分学校开展“劳动周”活动。"
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert ("青山县教育局", "劳动周") in got
    text = "青山县教育局高度重视劳动教育。同时，部分学校开展“劳动周”活动。"
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert not got


# ------------------------------------------------------------------ the only university's colleges

def _part_of(analyse, text):
    from .test_relations import links
    return {(a, b) for a, b, _ in links(analyse, text, "PART_OF")}


def test_names_made_of_fields_and_names_of_their_own():
    from pipeline.entities import named_by_field
    for name in ("大气科学学院", "高寒作物研究所", "生态工程学院", "基础医学院", "流行病学研究中心"):
        assert named_by_field(name), name
    for name in ("哈佛商学院", "仲恺农业工程学院", "文华学院", "深泉学院", "结合学院", "新阅读研究所",
                 "贵州建设职业技术学院", "首都体育学院"):
        assert not named_by_field(name), name


def test_a_college_named_by_its_field_is_the_only_universitys(analyse):
    text = ("兰州大学举行开学典礼。大气科学学院辅导员史万峰说，这个孩子身上有磨不掉的淳朴与赤诚。"
            "天大药学院的同学也发来祝贺。")
    got = _part_of(analyse, text)
    assert ("大气科学学院", "兰州大学") in got


def test_a_short_form_of_the_university_opens_its_colleges_name(analyse):
    text = "天津大学举办校友论坛。天大药学院院长王明致辞。"
    assert ("天大药学院", "天津大学") in _part_of(analyse, text)


def test_a_school_with_a_name_of_its_own_is_no_college_of_the_only_university(analyse):
    text = ("宾夕法尼亚大学的研究人员发现，MOOC课程的学员多已有学位。哈佛商学院不愿开设MOOC课程，"
            "而是更钟意开设收取学费的在线课程。仲恺农业工程学院毕业生蔡钰没有忙着投简历。")
    got = _part_of(analyse, text)
    assert not {x for x in got if x[1] == "宾夕法尼亚大学"}


def test_a_college_written_short_is_no_university_of_other_colleges(analyse):
    # 生态工程学院 is one college among others, not the one university their report names
    text = ("2月27日下午，材料科学与工程学院材料1712班全体学生开展了线上主题班会。"
            "生态工程学院的学生也参加了活动。")
    got = _part_of(analyse, text)
    assert not {x for x in got if x[1] == "生态工程学院"}


# ------------------------------------------------------------------ kinds of school, no one school

def _orgs(analyse, text):
    from pipeline.nlp import found
    return {m.text for m in found(analyse(text, pub_date="2021-03-01")) if m.label == "ORG"}


def test_a_rank_a_sort_or_a_verb_before_a_type_word_names_no_school(analyse):
    text = ("2014年，主流商学院学费仍然涨字为先，一线商学院MBA的学费都开始超过30万，"
            "一些二三类商学院也刮起涨价风。他在国内顶级商学院读EMBA项目，学费和财务资助应成为"
            "申请大学时的重要考量。为什么商学院学费飞涨？复旦大学管理学院的学费也涨了。")
    got = _orgs(analyse, text)
    for junk in ("主流商学院", "一线商学院", "二三类商学院", "三类商学院", "国内顶级商学院", "顶级商学院",
                 "申请大学", "什么商学院"):
        assert junk not in got, junk
    assert "复旦大学管理学院" in got


def test_qualifiers_one_after_another():
    from pipeline.entities.lexicon import generic_org, qualifiers_only
    assert qualifiers_only("国内顶级") and qualifiers_only("一些二三类") and qualifiers_only("国外部分")
    assert not qualifiers_only("长江") and not qualifiers_only("国内长江")
    assert generic_org("国外部分商学院") and generic_org("中国一流大学")
    assert not generic_org("长江商学院") and not generic_org("哈佛商学院")


# ------------------------------------------------------------------ X制度化: no measure

def test_a_system_made_of_something_names_no_measure(analyse):
    from pipeline.nlp import found
    doc = analyse("推动理想信念教育常态化制度化，推进志愿服务制度化。学校建立了家长开放日制度。",
                  pub_date="2021-03-01")
    got = {m.text for m in found(doc) if m.label == "MEASURE"}
    assert not {x for x in got if x.endswith("制度") and "开放日" not in x}, got
    assert any("家长开放日制度" in x for x in got), got


# ------------------------------------------------------------------ a mark left alone

def test_a_quote_mark_left_alone_at_a_names_end_is_cut():
    from pipeline.doc import Mention
    from pipeline.entities import unpaired_marks
    text = "中国青基会”"
    m = unpaired_marks(Mention("ORG", 10, 10 + len(text), text))
    assert (m.text, m.start, m.end) == ("中国青基会", 10, 15)
    assert unpaired_marks(Mention("ORG", 0, 7, "“五·七”民族中学"[:7])).text == "“五·七”民族"
    assert unpaired_marks(Mention("ORG", 0, 6, "“新时代好少")).text == "新时代好少"
    assert unpaired_marks(Mention("ORG", 0, 6, "《求是》杂志")).text == "《求是》杂志"
    assert unpaired_marks(Mention("PERSON", 0, 3, "张三”")).text == "张三”"


def test_a_short_name_defined_in_quotes_is_found_without_them(analyse):
    from pipeline.nlp import found
    doc = analyse("团海南省委和中国青少年发展基金会(简称“中国青基会”)考察众多地点后，确定由中国青基会在"
                  "琼中县红毛镇番响村建设学校。", pub_date="2021-03-01")
    assert not [m.text for m in found(doc) if "”" in m.text or "“" in m.text]


# ------------------------------------------------------------------ provinces back to back

def test_provinces_written_back_to_back_are_one_place_each(analyse):
    from pipeline.nlp import found
    doc = analyse("2019年全国青少年校园足球联赛(内地西藏新疆班组)落下帷幕。江苏省浙江省山东省的代表参加。",
                  pub_date="2021-03-01")
    got = {m.text for m in found(doc) if m.label == "PLACE"}
    assert {"西藏", "新疆", "江苏省", "浙江省", "山东省"} <= got
    assert not {x for x in got if x in ("西藏新疆", "江苏省浙江省山东省", "浙江省山东省")}


def test_a_province_by_its_own_name_stays_whole():
    from pipeline.doc import Mention
    from pipeline.entities.org_cells import split_provinces
    for name in ("内蒙古自治区", "广西壮族自治区", "新疆维吾尔自治区", "山西省"):
        assert [m.text for m in split_provinces(Mention("PLACE", 0, len(name), name))] == [name]
    assert [m.text for m in split_provinces(Mention("PLACE", 4, 8, "香港澳门"))] == ["香港", "澳门"]


# ------------------------------------------------------------------ the armed forces

def test_army_units_are_not_placed_by_the_reports_setting(analyse):
    from .test_relations import links
    text = ("新疆巴音郭楞蒙古自治州且末县第一中学学生何冰雪写信给陆军第71集团军某旅官兵。"
            "2018年以来，陆军第71集团军某旅与且末县一中结对共建，海军航空兵也来校宣讲。")
    placed = {s: t for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert placed.get("新疆巴音郭楞蒙古自治州且末县第一中学") == "且末县"
    assert not {s for s in placed if "集团军" in s or s.startswith("海军")}


def test_a_type_word_after_qualifiers_is_no_school_of_its_own(analyse):
    # the kind dropped, its type word is not kept alone either (国内 + 商学院, 一般 + 商学院)
    text = ("长江商学院的EMBA学费最高。国内商学院的学费近年来不断上涨，一般商学院对政府官员的学费实行"
            "减免制度。")
    got = _orgs(analyse, text)
    assert "长江商学院" in got
    assert not {x for x in got if x.endswith("商学院") and x != "长江商学院"}, got


def test_a_kind_of_school_run_into_a_schools_name_is_cut_off(analyse):
    # a ranking table that lost its separators: 中国一流大学 + 复旦大学; 中国大学生体育协会 and
    # 拉脱维亚大学孔子学院 are names of their own
    text = ("中国五星级大学名单 中国一流大学复旦大学 上海 5星级 中国一流大学中国音乐学院 北京 5星级。"
            "中国大学生体育协会副主席申震出席。拉脱维亚大学孔子学院拉方院长贝德高讲话。")
    got = _orgs(analyse, text)
    assert {"复旦大学", "中国音乐学院", "中国大学生体育协会", "拉脱维亚大学孔子学院"} <= got, got
    assert not {x for x in got if x.startswith("中国一流大学")}


def test_the_armed_police_and_the_red_army_are_not_placed_but_a_red_army_school_is(analyse):
    from .test_relations import links
    text = ("湖北省红安县第一中学举行开学典礼。看到武警官兵在卸载防疫物资，兄弟俩想起曾祖父参加了红军。"
            "红安县红军小学的学生也来了。")
    placed = {s: t for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert not {s for s in placed if s in ("武警", "红军")}
    assert placed.get("红安县红军小学") == "红安县"


def test_national_companies_are_one_node_wherever_named(analyse):
    from .test_relations import links
    text = "北京市海淀区教育委员会发布通知。网友可登录新浪微博留言，也可以在百度搜索相关信息。"
    orgs = _orgs(analyse, text)
    assert {"新浪微博", "百度"} <= orgs
    placed = {s for s, _, _ in links(analyse, text, "LOCATED_IN")}
    assert not placed & {"新浪微博", "百度"}


def test_australia_by_the_name_news_writes(analyse):
    from pipeline import gazetteer
    assert [d.code for d in gazetteer.get().lookup("澳洲")] == ["world/澳大利亚"]
    from pipeline.nlp import found
    doc = analyse("教育部近日公布数据显示，澳洲上财年共迎来30万国际学生，澳洲留学成本普遍上涨。",
                  pub_date="2021-03-01")
    got = {(m.label, m.text) for m in found(doc) if m.label in ("ORG", "PLACE")}
    assert ("PLACE", "澳洲") in got
    assert not {x for x in got if x[1].startswith("澳洲") and x[1] != "澳洲"}


def test_more_public_figures_and_words_that_are_no_person():
    from pipeline import rules
    public = set(rules.items("persons_public.txt"))
    assert {"牛顿", "胡润", "吴尊友", "储朝晖"} <= public
    stop = set(rules.items("person_stop.txt"))
    assert {"哈萨克", "周转房"} <= stop


def test_an_ethnic_group_and_staff_housing_are_no_person(analyse):
    from pipeline.nlp import found
    doc = analyse("新疆维吾尔自治区设维吾尔、哈萨克、蒙古文试卷考点。学校加大教师周转房建设力度。",
                  pub_date="2021-03-01")
    assert not [m.text for m in found(doc) if m.label == "PERSON"]


def test_a_headline_clause_is_parted_at_its_verb(analyse):
    # 《教育部回应人民大学蔡荣生事件》, 教育部印发大中小学劳动教育指导纲要: 回应 and 印发 are no
    # part of a name (rules/org_clause_words.txt); 大中小学 names a category, no school
    text = "这篇报道原标题为《教育部回应人民大学蔡荣生事件》。教育部印发大中小学劳动教育指导纲要。"
    got = _orgs(analyse, text)
    assert {"教育部", "人民大学"} <= got, got
    assert not {x for x in got if "回应" in x or "印发" in x or x == "大中小学"}


def test_languages_and_the_one_addressed_are_no_bodies(analyse):
    text = "此次考试开考英语、日语、德语、俄语及法语等5个语种。“贵学院在中国国内疫情形势严峻时伸出援手。”"
    got = _orgs(analyse, text)
    assert not {x for x in got if x.endswith("语") or x == "贵学院"}, got


def test_iflytek_is_no_university_written_short(analyse):
    got = _orgs(analyse, "近日，上海市教育委员会与科大讯飞签署合作协议，科大讯飞将为上海市中小学提供在线课程。")
    assert "科大讯飞" in got and "科大" not in got


def test_a_generic_ending_after_a_word_that_names_nothing_is_no_measure(analyse):
    from pipeline.nlp import found
    doc = analyse("此刻，我们怎样选择、采取何种行动，关系整个人类的命运。那是一家出版公司的庞大行动。"
                  "学校建立了家长开放日制度。", pub_date="2021-03-01")
    got = {m.text for m in found(doc) if m.label == "MEASURE"}
    assert not got & {"何种行动", "庞大行动"}, got
    assert any("开放日制度" in x for x in got), got


def test_a_bureau_using_a_school_year_is_no_name(analyse):
    text = "27日，陕西西安市委文明办、市教育局利用小学四至六年级复学第一课，组织全市小学开展主题活动。"
    got = _orgs(analyse, text)
    assert "市教育局利用小学" not in got and "市教育局" in got, got


def test_bodies_left_unnamed_doing_it_one_after_another(analyse):
    text = ("内蒙古自治区教育厅出台学生资助政策。同时，内蒙古各高校纷纷启动了疫情防控期间学生临时困难"
            "补助申请机制。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert not {x for x in got if "补助申请机制" in x[1]}, got


def test_the_closing_credit_before_the_pages_editor_names_the_author(tmp_path):
    from pipeline import ingest
    (tmp_path / "a.txt").write_text(
        "全国高校在线开放课程大会召开\n\n　　会议展示了我国高等教育发展的成就。（丛芳瑶）[责编：田媛]\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "高校的自我发展机制\n\n　　构建以需求为导向的自我发展机制。 （吴伟作者单位：浙江大学中国科教战略研究院）"
        "[责编：田媛]\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "活动在北京举行\n\n　　活动取得圆满成功。（阿根廷）\n", encoding="utf-8")
    assert ingest.read_report(tmp_path / "a.txt").authors == ["丛芳瑶"]
    assert ingest.read_report(tmp_path / "b.txt").authors == ["吴伟"]
    assert ingest.read_report(tmp_path / "c.txt").authors == []


def test_zones_of_a_rule_by_number_are_no_count_of_districts(analyse):
    from .test_numbers import claims
    got = [c["text"] for c in claims(analyse, "报考地处二、三区招生单位的考生，以及报考地处二区招生单位的考生。"
                                              "国家按照一区、二区确定考生复试分数要求。西安市城郊六区今年招生3000人。")]
    assert not {t for t in got if t in ("一区", "二区", "二", "三区")}, got
    assert "3000人" in got


def test_a_body_named_by_common_words_alone_is_its_reports_and_placed_nowhere(analyse):
    from .test_relations import links
    text = "北京市第八中学举行艺术节。学校的合唱团演唱了歌曲，社会体育俱乐部的教练也来了。土木系的学生参加了演出。"
    placed = {s for s, _, _ in links(analyse, text, "LOCATED_IN")}
    assert "北京市第八中学" in placed
    assert not placed & {"合唱团", "社会体育俱乐部"}, placed


def test_the_corps_is_the_xinjiang_production_and_construction_corps():
    from pipeline import names
    assert names.full_name("兵团") == ("新疆生产建设兵团", "650000")
