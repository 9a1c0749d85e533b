"""Posts and command teams (issue 9, session of 2026-12-06, fifth): 学校 before a post
stands for a school the report names only as the owner of its party branch, and a body's
epidemic command team written after it (教育部应对新冠肺炎疫情工作领导小组办公室) is one
organisation, with its posts and its place."""
from __future__ import annotations

from pipeline.nlp import found

from .implements_links import implements_links
from .test_relations import links, members


def orgs(doc) -> set[str]:
    return {m.text for m in found(doc) if m.label == "ORG"}


def test_school_named_only_by_its_party_branch(analyse):
    text = ("汉阴县实验小学党支部以党建引领教育教学，建立了“微信党支部”。\n"
            "学校专职督学王小静老师评价道：“学校的党建工作是关键。”")
    got = members(analyse, text)
    assert ("王小静", "汉阴县实验小学", "专职督学") in got        # the school, not its branch
    rel = [a for p, o, a in links(analyse, text, "MEMBER_OF") if p == "王小静"]
    assert rel and rel[0]["confidence"] == "inferred"


def test_a_school_named_by_itself_wins_over_a_branch(analyse):
    # 学校 is the university named by itself, not the college whose party committee is
    # named after it
    text = ("华中科技大学举行毕业典礼。光电学院党委组织学生座谈。\n"
            "“学校党委书记邵新宇院士和校长李元元院士，也希望毕业生扎根基层。”")
    got = {x for x in members(analyse, text) if x[0] in ("李元元", "邵新宇")}
    assert ("李元元", "华中科技大学", "校长") in got
    assert not {x for x in got if x[1].startswith("光电学院")}


def test_school_anaphor_stays_unsaid_between_two_branches(analyse):
    # two schools' branches named in the sentence before: which school 学校 means is not said
    text = ("汉阴县实验小学党支部与汉阴县城关中学党支部开展联建活动。\n"
            "学校专职督学王小静老师评价道：“活动很好。”")
    assert not {x for x in members(analyse, text) if x[0] == "王小静"}


def test_a_ministrys_epidemic_team_and_its_office(analyse):
    text = "教育部应对新冠肺炎疫情工作领导小组办公室主任王登峰介绍，目前教育部已经明确要求各地延迟开学。"
    doc = analyse(text, pub_date="2020-02-25")
    assert "教育部应对新冠肺炎疫情工作领导小组办公室" in orgs(doc)
    assert ("王登峰", "教育部应对新冠肺炎疫情工作领导小组办公室", "主任") in members(analyse, text)


def test_a_places_command_team_is_placed_there(analyse):
    text = ("经湖北省新型冠状病毒感染肺炎疫情防控指挥部批准，全省中小学推迟开学。"
            "2月3日，河北辛集市应对新冠肺炎疫情工作领导小组办公室发布通告。"
            "中央应对新冠肺炎疫情工作领导小组组长李克强主持召开会议。")
    doc = analyse(text, pub_date="2020-02-25")
    got = orgs(doc)
    assert {"湖北省新型冠状病毒感染肺炎疫情防控指挥部", "河北辛集市应对新冠肺炎疫情工作领导小组办公室",
            "中央应对新冠肺炎疫情工作领导小组"} <= got
    placed = {(s, t) for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert ("湖北省新型冠状病毒感染肺炎疫情防控指挥部", "湖北省") in placed
    assert ("河北辛集市应对新冠肺炎疫情工作领导小组办公室", "辛集市") in placed
    # the team's own posts after it stay posts: 组长李克强 is no part of its name
    assert ("李克强", "中央应对新冠肺炎疫情工作领导小组", "组长") in members(analyse, text)
    parts = {(s, t) for s, t, _ in links(analyse, text, "PART_OF")}
    assert ("河北辛集市应对新冠肺炎疫情工作领导小组办公室", "河北辛集市应对新冠肺炎疫情工作领导小组") in parts


def test_a_team_without_its_body_or_topic_is_no_new_name(analyse):
    # a school's own team with no body written before it, and a place before words that
    # are no team's topic, stay as they were
    doc = analyse("学校成立了疫情防控工作领导小组。武汉市教育局召开会议。", pub_date="2020-02-25")
    assert not any("领导小组" in t and t != "疫情防控工作领导小组" for t in orgs(doc))
    assert "武汉市教育局" in orgs(doc)


def test_a_unit_belongs_to_the_body_its_name_is_written_onto(analyse):
    # the party committee of a hospital named with its university is the hospital's, and
    # an office of a committee's commission is the commission's
    text = ("中国医科大学召开会议。中国医科大学附属盛京医院党委书记李明出席。"
            "中共河南省委召开会议，中共河南省委外事工作委员会办公室负责人介绍情况。")
    parts = {(s, t) for s, t, _ in links(analyse, text, "PART_OF")}
    assert ("中国医科大学附属盛京医院党委", "中国医科大学附属盛京医院") in parts
    assert ("中国医科大学附属盛京医院党委", "中国医科大学") not in parts
    assert ("中共河南省委外事工作委员会办公室", "中共河南省委外事工作委员会") in parts
    # a college between keeps its chain: 党委 -> 学院 -> 大学
    parts = {(s, t) for s, t, _ in links(analyse, "清华大学举行会议。清华大学建筑学院党委书记张三出席。", "PART_OF")}
    assert {("清华大学建筑学院党委", "清华大学建筑学院"), ("清华大学建筑学院", "清华大学")} <= parts


def test_the_partys_name_sets_no_report_in_china(analyse):
    # a kindergarten's report naming its city once and the party once is set in that city:
    # its short name is placed there
    text = ("一个支部就是一个战斗堡垒。无锡市观山实验幼儿园有这样一名党员，彰显新时代中国共产党的初心和使命，"
            "她就是党支部书记王晓来。\n王晓来坚守初心。她带领观山幼儿园老师们开展活动。")
    doc = analyse(text, pub_date="2021-02-25")
    placed = {(s, t) for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert ("观山幼儿园", "无锡市") in placed
    assert {m.key for m in found(doc) if m.text == "中国共产党"} == {"org::中国共产党"}


def test_bodies_named_after_changbai_mountain_are_jilins(analyse):
    # 长白山's Chinese side is wholly in 吉林 (rules/places_extra.tsv)
    text = "疫情开始后，长白山教育局立即行动。长白山管委会办公室印发通知，长白山教育系统无疑似病例。"
    placed = {(s, t) for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert ("长白山教育局", "吉林省") in placed
    assert ("长白山管委会办公室", "吉林省") in placed


def test_a_long_sentence_keeps_its_subject(analyse):
    # one sentence of some 130 characters: the bureau that opens it launches the campaign
    # named at its end
    text = ("自11月1日起，全市中小学启动线上教学，平山县教育局从线上教学时长、教学方式、课程设置、作业布置、线上教研、"
            "体育锻炼和家庭教育等方面进行了详细布置，在保证在线课程教育质量的同时，增加了爱国主义教育、疫情防控知识"
            "安全教育、心理健康教育、劳动教育和法治教育等教学内容，同时开展了“当好家庭防疫小助手”活动。")
    got = {(o, m) for o, m, _ in implements_links(analyse, text)}
    assert ("平山县教育局", "当好家庭防疫小助手") in got
    # a full stop still ends what the subject does
    text = "平山县教育局召开会议。随后，各校开展了“当好家庭防疫小助手”活动。"
    assert not {(o, m) for o, m, _ in implements_links(analyse, text) if o == "平山县教育局"}


def test_a_ministrys_department_with_a_conjunction_is_one_name_and_one_node(tmp_path):
    # 体育卫生与艺术教育司 is no list of two bodies; written alone, in full or short
    # (体卫艺司), it is the one department of 教育部 (rules/org_known.tsv), and the man who
    # heads it in three reports is one person
    import csv

    from pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    reports = {"a": "教育部应对新冠肺炎疫情工作领导小组办公室主任、体育卫生与艺术教育司司长王登峰表示，应继续科学防控。",
               "b": "教育部体卫艺司司长王登峰表示，教学改革是加强学校体育工作的关键。",
               "c": "教育部体育卫生与艺术教育司司长王登峰说，学校要加强体育锻炼。"}
    for name, text in reports.items():
        (src / f"{name}.txt").write_text("新闻发布会\n\n" + text + "\n", encoding="utf-8")
    build.run(src, tmp_path / "out", workers=1, progress=False)
    with open(tmp_path / "out" / "tables" / "relations.csv", encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["type"] == "MEMBER_OF" and r["source_name"] == "王登峰"]
    assert {(r["doc_id"], r["target_name"], r["role"]) for r in rows} >= {
        ("a", "教育部应对新冠肺炎疫情工作领导小组办公室", "主任"), ("a", "教育部体育卫生与艺术教育司", "司长"),
        ("b", "教育部体育卫生与艺术教育司", "司长"), ("c", "教育部体育卫生与艺术教育司", "司长")}
    assert len({r["source_id"] for r in rows}) == 1


def test_a_places_court_and_practice_centre_are_its_bodies(analyse):
    # rules/org_level_bodies.txt: a division written in full before its court, procuratorate
    # or civilisation practice centre is one organisation, placed there
    text = ("他组织他人作弊，被十堰市茅箭区人民法院判处有期徒刑1年。据江西省人民检察院官方微博消息，案件已移送。"
            "在博罗县新时代文明实践中心指导下，志愿者走进校园。")
    doc = analyse(text, pub_date="2020-06-01")
    assert {"十堰市茅箭区人民法院", "江西省人民检察院", "博罗县新时代文明实践中心"} <= orgs(doc)
    placed = {(s, t) for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert ("十堰市茅箭区人民法院", "茅箭区") in placed


def test_olympiad_and_farmland_irrigation_are_no_people(analyse):
    # rules/person_stop.txt: words the model took for names in real articles
    for text in ("各地高考加分政策集体“缩水”，奥赛、体育加分均不超过20分。2015年起，两类考生不再具备保送资格："
                 "奥赛获得全国决赛一、二、三等奖的应届考生。四川1，取消奥赛“获得省赛区一等奖者”加分。",
                 "水利部门通力合作，加大对农田水利设施的投入。只要农田水利设施跟不上，下次旱情还会再来。"):
        doc = analyse(text, pub_date="2015-06-01")
        assert not {m.text for m in found(doc) if m.label == "PERSON"} & {"奥赛", "农田水利"}


def test_an_outlet_written_with_its_app_is_two_outlets(analyse):
    # 杭州网 and its app 杭州通客户端; 青海新闻网 and 大美青海客户端: each placed by its own name
    doc = analyse("青海新闻网·大美青海客户端讯 1月28日，记者从西宁市教育局获悉，寒假专项整治取得成效。",
                  pub_date="2022-01-28")
    assert {"青海新闻网", "大美青海客户端"} <= orgs(doc)
    assert "青海新闻网·大美青海客户端" not in orgs(doc)
    text = "《最美课本》三个学科精品内容进驻人民智云客户端。这正是《最美课本》和人民网人民智云客户端合作的价值所在。"
    doc = analyse(text, pub_date="2021-05-01")
    assert {"人民网", "人民智云客户端"} <= orgs(doc)
    assert not {m.text for m in found(doc) if m.label == "PERSON"}
    # two outlets joined by a dot, no app among them, stay one name (齐鲁晚报·齐鲁壹点)
    doc = analyse("据齐鲁晚报·齐鲁壹点记者许光海报道，济南市槐荫区教体局开展了活动。", pub_date="2021-05-01",
                  source="齐鲁晚报·齐鲁壹点")
    assert "齐鲁晚报·齐鲁壹点" in orgs(doc)


def test_a_level_of_schooling_after_a_body_belongs_to_the_post(analyse):
    text = ("据悉，李秀英沐语名师工作室由大安区教师进修校小学语文教研员李秀英领衔。"
            "南京市教研室中学政治教研员王小叶介绍经验。清华大学附属小学体育教师任海江说，要天天锻炼。")
    doc = analyse(text, pub_date="2019-05-08")
    assert {"大安区教师进修校", "南京市教研室", "清华大学附属小学"} <= orgs(doc)   # the school's own name stays
    got = members(analyse, text)
    assert ("李秀英", "大安区教师进修校", "小学语文教研员") in got
    assert ("王小叶", "南京市教研室", "中学政治教研员") in got
    # a name ending the text is read safely (it once stopped a whole report)
    from pipeline.doc import Mention
    from pipeline.entities.org_complete import cut_schooling_level
    m = Mention("ORG", 3, 13, "大安区教师进修校小学")
    assert cut_schooling_level("任教于大安区教师进修校小学", m) is m


def test_a_teachers_studio_named_after_her(analyse):
    text = ("大安区李秀英沐语名师工作室被评为“校地共建”名师工作室，李秀英被聘为负责人。"
            "2015年，张勇加入戴加平名师网络工作室。吴丹青紧急召集工作室核心成员。")
    doc = analyse(text, pub_date="2019-05-08")
    got = orgs(doc)
    assert {"大安区李秀英沐语名师工作室", "戴加平名师网络工作室"} <= got
    assert not any(t.startswith("吴丹青") for t in got)           # a verb between: no studio's name
    assert {"李秀英", "张勇", "吴丹青"} <= {m.text for m in found(doc) if m.label == "PERSON"}
    placed = {(s, t) for s, t, _ in links(analyse, text, "LOCATED_IN")}
    assert ("大安区李秀英沐语名师工作室", "大安区") in placed
