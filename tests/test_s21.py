"""Bylines that end where the story begins (issue 9, session of 2026-12-06, sixth): a name
with a post of its own right after it opens a sentence, it is no byline's name; and a name
with another body written between it and a medium is no staff of that medium. Both found
on the 2,613 corpus articles (c02399, c02309, c00840). And an item of a list of bodies
written onto its own quoted work is that body's (c00249)."""
from __future__ import annotations

from .implements_links import implements_links
from .test_relations import members


def test_a_byline_without_a_stop_runs_into_the_story(analyse):
    # the byline's last name and the story's first are parted by a space only
    text = ("光明日报见习记者赵嘉伟光明日报通讯员刘先根周和平 习近平总书记在2018年8月召开的"
            "全国宣传思想工作会议上指出，要扎实抓好县级融媒体中心建设。")
    got = members(analyse, text)
    assert ("刘先根", "光明日报", "通讯员") in got
    assert ("赵嘉伟", "光明日报", "见习记者") in got
    assert not {x for x in got if x[0] == "习近平"}


def test_a_list_of_staff_names_still_runs_on(analyse):
    # names with no post of their own after a space stay the byline's
    text = "新华日报讯（记者 王晓明 李建华）昨日，南京市教育局召开会议。"
    got = {x[:2] for x in members(analyse, text)}
    assert {("王晓明", "新华日报"), ("李建华", "新华日报")} <= got


def test_a_body_between_the_medium_and_the_name(analyse):
    # the dateline's agency is not the organisation of the members of the body after it
    text = ("新华社北京5月16日电中国民主促进会会员王企贤、段力佩、方明、葛志成等十位著名教育工作者"
            "日前联名发出《倡议书》，呼吁全社会关心教育。")
    got = members(analyse, text)
    assert not {x for x in got if x[1] == "新华社"}


def test_a_table_of_names_and_workplaces_is_no_byline(analyse):
    # 姓名 奖项类别 工作单位: each name's workplace comes after it; the one before is the
    # name before's
    text = ("姓名 奖项类别 工作单位\n"
            "吴枫  电子信息技术奖  中国科学技术大学\u3000\u3000杨德仁  电子信息技术奖  浙江大学"
            "\u3000\u3000冯吉才  冶金材料技术奖  哈尔滨工业大学")
    got = members(analyse, text)
    assert not {x for x in got if x[0] == "冯吉才" and x[1] in ("浙江大学", "中国科学技术大学")}


def test_each_item_of_a_list_of_bodies_and_their_named_works(analyse):
    # A“X”项目、B“Y”行动: the body written onto a quoted name in a list item carries it out,
    # not the list's first body
    text = ("湖南大学“壹桌计划”大学生公益项目、华南理工大学“远程支援一线医护人员”爱心辅导行动、"
            "南京师范大学“最美逆行者子女守护计划”……也都在用爱与责任诠释青春力量。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert ("湖南大学", "壹桌计划") in got
    assert ("华南理工大学", "远程支援一线医护人员") in got
    assert ("湖南大学", "远程支援一线医护人员") not in got


# ------------------------------------------------------------------ a clause read as a name

def _cut(analyse, text, name):
    from pipeline.doc import Mention
    from pipeline.entities import org_complete, word_spans
    doc = analyse(text)
    k = text.index(name)
    return [p.text for p in org_complete.cut_clause(text, Mention("ORG", k, k + len(name), name), dict(word_spans(doc)))]


def test_a_clause_read_as_one_name_is_parted_at_its_verb(analyse):
    # a word no name holds, written as a word of its own, parts the span; the sides that
    # are bodies by themselves stay
    assert _cut(analyse, "道真县是茅台集团的对口扶贫县。", "道真县是茅台集团") == ["茅台集团"]
    assert _cut(analyse, "中国学生群体是帝国理工学院数量最多的国际学生群体。",
                "中国学生群体是帝国理工学院") == ["帝国理工学院"]
    assert _cut(analyse, "由州政府提供医院和医疗费用的辅助。", "州政府提供医院") == ["州政府"]
    assert _cut(analyse, "研究：MOOC让商学院更多元", "MOOC让商学院") == ["商学院"]
    assert _cut(analyse, "中大女神学霸被牛津录取。", "中大女神学霸被牛津") == ["牛津"]   # a known body
    assert _cut(analyse, "华商报记者来到实验中学。", "华商报记者来到实验中学") == []    # neither side is a body


def test_a_verb_inside_a_longer_word_is_no_cut(analyse):
    # 求是, 将军山: the characters stand inside words of the name
    assert _cut(analyse, "求是杂志社评论部发表文章。", "求是杂志社评论部") == ["求是杂志社评论部"]
    assert _cut(analyse, "贵州省将军山医院临时党委开展活动。", "贵州省将军山医院临时党委") == ["贵州省将军山医院临时党委"]


def test_the_parted_names_in_a_build(analyse):
    doc = analyse("道真县是茅台集团的对口扶贫县，今年，茅台集团资助该县300名贫困学子圆大学梦。")
    from pipeline.nlp import found
    got = {(m.label, m.text) for m in found(doc)}
    assert ("ORG", "茅台集团") in got and ("PLACE", "道真县") in got
    assert not {t for lab, t in got if "是" in t}


# ------------------------------------------------------------------ a credit line's names

def test_every_name_of_an_editors_line_is_staff(analyse):
    # 编辑：刘静 赵蕊 崔晓玲: names parted by spaces are all the page's editors, so that the same
    # team crediting every page of a site is one set of people across its reports
    doc = analyse("学校开展读书活动，校长王明表示欢迎。\n主编：李红颖\n编辑：刘静 赵蕊 崔晓玲 范文艳")
    people = {v["name"]: v["attrs"] for v in doc._.entities.values() if v["label"] == "PERSON"}
    assert {people[n].get("outlet") for n in ("李红颖", "刘静", "赵蕊", "崔晓玲", "范文艳")} == {"编辑"}
    assert "outlet" not in people["王明"]


def test_a_name_on_the_line_after_a_credit_is_no_staff(analyse):
    doc = analyse("编辑：刘静\n赵蕊同学在比赛中获得一等奖。")
    people = {v["name"]: v["attrs"] for v in doc._.entities.values() if v["label"] == "PERSON"}
    assert people["刘静"].get("outlet") == "编辑" and "outlet" not in people.get("赵蕊", {})


def test_a_public_figure_named_in_two_reports_is_one_person(nlp):
    # rules/persons_public.txt: 李嘉诚 of one report and of another, no organisation written
    # with either, is one node; a private name in the same shape stays one per report
    from pipeline import link
    from pipeline import nlp as nlp_mod

    def sec(doc_id, text):
        ctx = {"pub_date": "", "title": "", "place_hint": "", "authors": [], "editor": "", "source": ""}
        doc = nlp_mod.run(nlp, text, doc_id=doc_id, context=ctx)
        ents = {k: {**v, "aliases": sorted(v["aliases"])} for k, v in doc._.entities.items()}
        return {"doc_id": doc_id, "entities": ents, "relations": [], "place_context": {},
                "title": "", "byline": "", "authors": [], "editor": ""}
    a = sec("a", "李嘉诚基金会捐资兴学，李嘉诚表示教育是根本。同学张小军发言。")
    b = sec("b", "汕头大学举行典礼，李嘉诚出席并讲话。同学张小军发言。")
    ents, remap = link.merge_entities([a, b], corrections=([], []))
    persons = {k: v for k, v in ents.items() if v["label"] == "PERSON"}
    assert sum(1 for v in persons.values() if v["name"] == "李嘉诚") == 1
    assert sum(1 for v in persons.values() if v["name"] == "张小军") == 2


# ------------------------------------------------------------------ national bodies

def test_a_national_body_is_not_placed_by_the_reports_setting(analyse):
    # a report set in 丰台区: its own school is placed there, the national legislature and an
    # international federation are not (ANNOTATION.md leaves national bodies unplaced)
    text = ("北京市丰台区第一小学开展宪法宣传活动。在十三届全国人大常委会第二十二次会议上，"
            "未成年人保护法修订通过。国际残奥委会主席通过视频祝贺。")
    from .test_relations import links
    placed = {s: t for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert placed.get("北京市丰台区第一小学") == "丰台区"
    assert not {s for s in placed if "全国人大" in s or "残奥委会" in s}


def test_a_units_party_committee_is_still_placed(analyse):
    text = "上海交通大学召开大会，中国共产党上海交通大学委员会书记杨振斌讲话。"
    from .test_relations import links
    placed = {s: t for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert placed.get("中国共产党上海交通大学委员会") in ("上海市", "闵行区", "徐汇区")


# ------------------------------------------------------------------ titles

def test_a_columns_heading_is_no_title(tmp_path):
    # 核心阅读 heads a newspaper's summary box, 网易教育频道编辑 is a credit: neither is the report's
    # title, which stays empty where the text gives none; a real heading stays the title
    from pipeline import ingest
    body = "　　1月10日至12日，2019—2020赛季CBA全明星周末在广东广州举行。众多明星球员参加了比赛。\n"
    cases = {"a.txt": "核心阅读\n" + body, "b.txt": "网易教育频道编辑\n" + body,
             "c.txt": "——威尔士三一圣大卫大学校长麦迪文·休斯\n" + body,
             "d.txt": "CBA全明星周末在广州举行\n" + body}
    got = {}
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        got[name] = ingest.read_report(tmp_path / name).title
    assert got == {"a.txt": "", "b.txt": "", "c.txt": "", "d.txt": "CBA全明星周末在广州举行"}


def test_the_reporters_credited_after_the_dateline_are_the_authors(tmp_path):
    from pipeline import ingest
    (tmp_path / "a.txt").write_text(
        "彭丽媛会见美国茱莉亚学院院长沃泽尔\n\n　　本报北京1月8日电  （记者王芳、王迪）国家主席习近平夫人彭丽媛8日"
        "在北京会见美国茱莉亚学院院长沃泽尔。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "新华社北京9月2日电 （记者白瀛）由中宣部、教育部联合主办的专题电视节目《开学第一课》播出。\n"
        "（王芳说，活动很成功。）\n", encoding="utf-8")
    assert ingest.read_report(tmp_path / "a.txt").authors == ["王芳", "王迪"]
    assert ingest.read_report(tmp_path / "b.txt").authors == ["白瀛"]   # a bracket without a role word is no credit


def test_a_verb_with_its_particle_is_no_measure(analyse):
    from pipeline.nlp import found
    doc = analyse("习近平总书记的重要指示批示，为主题教育扎实推进提供了行动指南。学校开展了“光盘行动”。")
    got = {m.text.strip("“”") for m in found(doc) if m.label == "MEASURE"}
    assert "光盘行动" in got and not {t for t in got if "了" in t}


# ------------------------------------------------------------------ a province's departments

def test_a_provinces_departments_by_their_long_names(ents):
    got = ents("省卫生计生委、省民政厅、省财政厅、省人力资源社会保障厅、省住房城乡建设厅等5部门联合制定了办法。"
               "海南省住房和城乡建设厅（机关）获评先进。")
    assert {("ORG", "省人力资源社会保障厅"), ("ORG", "省住房城乡建设厅"), ("ORG", "海南省住房和城乡建设厅")} <= got
    assert not {t for lab, t in got if lab == "PLACE" and t.endswith("建设厅")}   # 建设 is a town's name, not here


def test_a_provinces_bodies_written_back_to_back_are_one_each(ents):
    # a notice's table of contacts whose separators were lost
    got = ents("附件：报名登记表中共山东省委政法委员会中共山东省委组织部山东省教育厅山东省公安厅山东省司法厅"
               "山东省人力资源和社会保障厅山东省公务员局2013年8月2日")
    assert {("ORG", x) for x in ("中共山东省委政法委员会", "中共山东省委组织部", "山东省教育厅", "山东省公安厅",
                                 "山东省司法厅", "山东省人力资源和社会保障厅", "山东省公务员局")} <= got


def test_an_academy_written_short_is_no_college_of_itself(analyse):
    # 音乐学院 after 中国音乐学院 is the academy written short, not a college of it
    from .test_relations import links
    text = "中国音乐学院召开大会。中国音乐学院党委书记王旭东致辞，音乐学院的师生代表发言。"
    assert not {(c, p) for c, p, _ in links(analyse, text, "PART_OF") if c == "音乐学院"}
