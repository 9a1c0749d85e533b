"""The entity stage: concrete spans from the seeds, and new sentences (written for these
tests) for each rule."""
from __future__ import annotations

import pytest

from .conftest import SEEDS


def mentions(tables, doc_prefix: str, label: str) -> set[str]:
    return {r["text"] for r in tables["mentions"] if r["doc_id"].startswith(doc_prefix) and r["label"] == label}


# --------------------------------------------------------------------------- seeds

def test_seed_scores(seed_build):
    """The seed reports against their gold (data/gold/, annotated independently; the model
    never trained on them): a floor under the figures README reports, so that a worse
    model or rule fails here."""
    from pipeline import evaluate
    from .conftest import ROOT
    gold = evaluate.load_gold(ROOT / "data" / "gold")
    res = evaluate.score(gold, evaluate.load_pred(seed_build / "tables" / "mentions.csv", gold.keys()))
    assert res["ENTITIES"]["f1"] >= 0.85, res["ENTITIES"]
    for lab in ("ORG", "PERSON", "PLACE"):
        assert res[lab]["f1"] >= 0.72, (lab, res[lab])
    assert res["DATE"]["f1"] >= 0.95 and res["NUMBER"]["f1"] >= 0.95


def test_seed_entities_analysts_look_up(tables):
    # the README's inspection example and the explorer's tests start from these
    assert {"槐荫区教体局", "济微中学", "华东师范大学", "齐鲁晚报·齐鲁壹点"} <= mentions(tables, SEEDS["001"], "ORG")
    assert {"晋萍", "许光海", "冯玉钰"} <= mentions(tables, SEEDS["001"], "PERSON")
    assert {"槐荫区", "匡山街道", "济南西站"} <= mentions(tables, SEEDS["001"], "PLACE")
    assert {"成都市锦官新城小学", "锦小", "锦小党支部", "武侯区教育局"} <= mentions(tables, SEEDS["000"], "ORG")
    assert {"东阿县刘集镇中心小学", "东阿县实验小学"} <= mentions(tables, SEEDS["003"], "ORG")
    assert {"杨洪亮", "刘敏"} <= mentions(tables, SEEDS["003"], "PERSON")
    # titles are not swallowed, and surname + title is no name
    assert not any(n.endswith(("校长", "老师")) for n in mentions(tables, "", "PERSON"))


def test_no_generic_phrases_become_organisations(tables):
    orgs = mentions(tables, "", "ORG")
    for generic in ("中小学", "民办学校", "各学校", "学校党支部", "家长学校", "全区中小学", "培训机构"):
        assert not any(o.endswith(generic) and len(o) <= len(generic) + 2 and o[:2] in ("全区", "各", "所")
                       for o in orgs) and generic not in orgs


# --------------------------------------------------------------------------- new sentences, one rule each

def test_a_school_name_runs_back_to_its_place(ents):
    got = ents("昨天，石桥镇中心小学组织学生参观了科技馆。")
    assert ("ORG", "石桥镇中心小学") in got


def test_a_company_can_own_a_kindergarten(ents):
    got = ents("青岛啤酒集团有限公司幼儿园园长介绍了园区的防疫措施。")
    assert ("ORG", "青岛啤酒集团有限公司幼儿园") in got


def test_a_party_branch_is_written_onto_its_school(ents):
    got = ents("红旗路小学党支部开展主题党日活动。")
    assert ("ORG", "红旗路小学党支部") in got


def test_a_bare_level_word_owns_a_bureau(ents):
    got = ents("县教育局要求各校做好开学准备，市教育局派出督导组。")
    assert ("ORG", "县教育局") in got and ("ORG", "市教育局") in got


@pytest.mark.parametrize("text", [
    "全区228所民办学校已经全部停课。",
    "各中小学要落实晨午检制度。",
    "他是一名小学语文教师，也是市级骨干。",
    "家长学校每月开课一次。",
])
def test_generic_phrases_are_no_organisations(ents, text):
    assert not {e for e in ents(text) if e[0] == "ORG"}


def test_short_names_are_derived_from_the_full_name(ents):
    got = ents("武汉市育才第二小学是一所百年老校。育才二小的老师们坚持线上教学，育小人积极参与。")
    assert ("ORG", "武汉市育才第二小学") in got
    got = ents("长沙市明德实验幼儿园开学了。明实幼的孩子们很高兴。")
    assert ("ORG", "明实幼") in got


def test_people_with_roles_before_and_after(ents):
    got = ents("新华路小学校长李建国说，学校将开展读书活动。王丽华老师表示赞同。")
    assert ("PERSON", "李建国") in got and ("PERSON", "王丽华") in got
    assert ("ORG", "新华路小学") in got


def test_people_in_lists_and_groups(ents):
    got = ents("骨干教师周明、吴芳芳、郑凯、孙丽四人组成了帮扶小组。陈卫东等12名教师报名参加。")
    assert {("PERSON", n) for n in ("周明", "吴芳芳", "郑凯", "孙丽", "陈卫东")} <= got


def test_a_two_character_name_does_not_take_the_next_word(ents):
    got = ents("区教体局局长王强郑重表示，一定办好人民满意的教育。")
    assert ("PERSON", "王强") in got and ("PERSON", "王强郑") not in got


def test_everyday_words_that_start_with_a_surname_are_no_people(ents):
    got = ents("学校高度重视，严格落实各项措施，安排专人负责，常态化开展消毒。")
    assert not {e for e in got if e[0] == "PERSON"}


def test_bylines_and_credits_name_people(ents):
    got = ents("县城中学举行开学典礼。", authors=["田晓东"], editor="范文军")
    assert not {e for e in got if e[0] == "PERSON"}  # not in this text
    got = ents("记者 田晓东\n县城中学举行开学典礼。\n责任编辑:范文军", authors=["田晓东"], editor="范文军")
    assert ("PERSON", "田晓东") in got and ("PERSON", "范文军") in got


def test_a_chain_of_divisions_is_one_place(ents):
    got = ents("江苏省扬州市江都区教育局召开会议。记者来到江苏省扬州市江都区采访。")
    assert ("PLACE", "江苏省扬州市江都区") in got
    assert ("ORG", "江苏省扬州市江都区教育局") in got


def test_short_names_need_the_texts_support(ents):
    # 会同 is a county in Hunan, and "together with" everywhere else
    got = ents("屏边县严格落实防控措施。县教育体育局会同县卫生健康局派出医生，为学生开展核酸检测。")
    assert ("PLACE", "屏边县") in got
    assert ("ORG", "县卫生健康局") in got and ("ORG", "县教育体育局") in got
    assert not any(t.startswith("会同") for _, t in got)


def test_stations_villages_and_communities(ents):
    got = ents("志愿者在济南西站值班，随后来到花园村和东湖社区。")
    assert {("PLACE", "济南西站"), ("PLACE", "花园村"), ("PLACE", "东湖社区")} <= got


def test_a_place_inside_a_date_is_no_place(ents):
    got = ents("2月14日本是开学前的家访日。")
    assert ("PLACE", "日本") not in got


# --------------------------------------------------------------------------- bodies named by their level word

def test_a_government_named_by_its_level_word_is_an_organisation(ents):
    got = ents("9月9日晚，汉阴县委、县政府在文化大厦剧院隆重举行庆祝大会。")
    assert ("ORG", "县政府") in got and ("ORG", "汉阴县委") in got
    got = ents("周波代表省委、省人大、省政府、省政协向受到表彰的集体和个人表示祝贺。")
    assert {("ORG", "省人大"), ("ORG", "省政府"), ("ORG", "省政协")} <= got


def test_a_level_word_body_takes_its_longest_name(ents):
    got = ents("县委常委、县委宣传部部长张维斌主持会议。")
    assert ("ORG", "县委宣传部") in got and ("PERSON", "张维斌") in got


def test_every_body_of_a_kind_is_no_level_word_body(ents):
    got = ents("各县(市)区政府要落实属地责任，各区政府也要加强督导。")
    assert not any(lab == "ORG" and t == "区政府" for lab, t in got)


def test_a_bureau_by_its_type_word_is_the_bureau_named_in_full(analyse):
    from pipeline.nlp import found
    doc = analyse("烟台市召开学校食堂工作会议。市教育局副局长王军出席会议，教育局杨林副局长就学校食堂建设作了部署。")
    orgs = {m.text: m.key for m in found(doc) if m.label == "ORG"}
    assert "教育局" in orgs and orgs["教育局"] == orgs["市教育局"]
    # two bureaus named in full: the bare word is left alone
    doc = analyse("县教育局和市教育局负责人出席，教育局杨林副局长讲话。")
    assert "教育局" not in {m.text for m in found(doc) if m.label == "ORG"}


def test_a_campus_named_after_its_school_is_one_name(ents):
    got = ents("贵州省六盘水市水城区第二小学严家寨校区副校长龙均告诉记者，孩子们变化很大。")
    assert ("ORG", "贵州省六盘水市水城区第二小学严家寨校区") in got
    got = ents("荆溪关口小学新校区建成后，将新增学位；市机关幼儿园东海园区也将在今年内开始动工。")
    assert ("ORG", "市机关幼儿园东海园区") in got
    assert not any(t.endswith("新校区") for lab, t in got if lab == "ORG")
    got = ents("青岛啤酒集团有限公司幼儿园园长介绍了园区的防疫措施。")
    assert ("ORG", "青岛啤酒集团有限公司幼儿园") in got
    got = ents("SKEMA商学院第一座海外校区在苏州落成。")
    assert not any(t.endswith("海外校区") for lab, t in got if lab == "ORG")


def test_an_office_of_a_bureau_before_its_heads_post_is_one_name(ents):
    got = ents("近日，省教育厅中小学党建处副处长张罡一行到我区开展党建工作调研。")
    assert ("ORG", "省教育厅中小学党建处") in got and ("PERSON", "张罡") in got
    # no post or name after it: 处 is no office here
    got = ents("市教育局处理了家长反映的问题。")
    assert not any(t.startswith("市教育局处") for lab, t in got if lab == "ORG")


def test_a_datelines_outlet_is_found_without_its_place_and_date(ents):
    got = ents("华声在线7月22日讯(通讯员 李明)珠晖区酃湖乡中心学校举行揭牌仪式。")
    assert ("ORG", "华声在线") in got and not any(t.startswith("华声在线7") for _, t in got)
    assert ("ORG", "扬子晚报网") in ents("扬子晚报网1月27日讯(通讯员 于长青 记者 陈咏)南京市召开会议。")
    assert ("ORG", "红网") in ents("红网时刻新闻6月8日讯(通讯员 廖仁君 记者 杨斌)高考第一天，县委书记来到考点。")
    assert ("ORG", "人民网") in ents("人民网保定9月7日电 保定市召开教育工作会议。")
    got = ents("中国教育报-中国教育新闻网北京3月9日讯(记者 高毅哲 王家源)会议召开。")
    assert {("ORG", "中国教育报"), ("ORG", "中国教育新闻网")} <= got
    assert not any(lab == "ORG" for lab, _ in ents("本报讯(记者 王明)今天全市教育工作会议召开。"))
    assert ("ORG", "新华社") in ents("据新华社北京1月2日电 教育部召开全国教育工作会议。")


def test_no_name_starts_with_an_unclosed_quote_or_辖区(ents):
    got = ents("区长到辖区郾城高中、郾城中学东校区检查指导。")
    assert ("ORG", "郾城高中") in got and not any(t.startswith("辖区") for _, t in got)
    from pipeline.doc import Mention
    from pipeline.entities import orgs
    text = "举行“衡师附小基础教育联盟校”揭牌仪式"
    m = orgs.cut_bracket(text, Mention("ORG", 2, 14, text[2:14]))
    assert m.text == "衡师附小基础教育联盟校"


def test_an_organisation_written_before_a_post_and_a_name(ents):
    got = ents("兰州大学校长严纯华说，学校将深入学习。")
    assert ("ORG", "兰州大学") in got and ("PERSON", "严纯华") in got
    got = ents("国家超级计算无锡中心副主任付昊桓出席。")
    assert ("ORG", "国家超级计算无锡中心") in got
    # joining words and a subject before the post are no organisation's name
    got = ents("家长和学校负责人李明交流了意见。")
    assert not any(lab == "ORG" and "负责" in t or t.startswith("家长") for lab, t in got)


def test_the_names_of_a_credit_line_are_people(ents):
    got = ents("来源:光明区教育局\n编辑:丁佳丽\n审核:明媛、谢婷婷\n如需转载请注明来源")
    assert {("PERSON", "丁佳丽"), ("PERSON", "明媛"), ("PERSON", "谢婷婷")} <= got
    # a credit naming a desk or a place names no one
    assert not any(lab == "PERSON" for lab, _ in ents("来源:大荔融媒体中心\n编辑:融媒体"))
