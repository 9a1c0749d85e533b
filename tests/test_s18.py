"""What the 2,613 corpus articles showed (session of 2026-12-06, third): an organisation
read across a clause's punctuation (吉林省：东北电力大学, 调查组查明：安宁小学), and a quoted
initiative read as a body (“优才计划”), a company ending in 股 read as a section (泛海控股),
a deputy's post cut short after 是 (病区副护士长); and the place-body test of the implements stage, now
plain string checks, on the names it must and must not take."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import org_cells
from pipeline.nlp import found
from pipeline.relations.implements import names_place_body
from pipeline.relations.common import ends_with_pattern

from .conftest import mention_at


def _org(text: str, name: str) -> Mention:
    return mention_at("ORG", text, name)


def test_an_organisation_read_across_a_stop_is_what_follows_it():
    text = "调查组查明：安宁小学一名代课教师昨日组织学生放假。"
    got = org_cells.after_stop(_org(text, "调查组查明：安宁小学"))
    assert [(m.label, m.text, text[m.start:m.end]) for m in got] == [("ORG", "安宁小学", "安宁小学")]
    # a province heading a list keeps its place
    text = "江苏省：南京航空航天大学、苏州大学"
    got = org_cells.after_stop(_org(text, "江苏省：南京航空航天大学"))
    assert [(m.label, text[m.start:m.end]) for m in got] == [("PLACE", "江苏省"), ("ORG", "南京航空航天大学")]
    # a bare type word after the stop names nothing; a name ending in the stop loses it
    text = "河北：中学给高考考生发连号"
    assert [(m.label, m.text) for m in org_cells.after_stop(_org(text, "河北：中学"))] == [("PLACE", "河北")]
    text = "来源：羊城晚报官方微博。"
    assert [m.text for m in org_cells.after_stop(_org(text, "羊城晚报官方微博。"))] == ["羊城晚报官方微博"]
    # 、 may stand inside a name; a name without stops is left alone
    text = "圣彼得堡国立信息技术、机械与光学大学"
    m = _org(text, text)
    assert org_cells.after_stop(m) == [m]


def test_no_organisation_spans_a_colon_in_a_list_of_schools(ents):
    found_ = ents("入选学校名单：葫芦岛市实验小学\n吉林省：东北电力大学、东北师范大学附属中学、长春市第二实验中学。")
    assert ("ORG", "东北电力大学") in found_
    assert not any("：" in text for label, text in found_)


def test_a_quoted_plan_is_a_measure_not_a_body(analyse):
    doc = analyse("近年来，郎朗、李云迪等人先后通过“优才计划”拿到香港身份证。“优才计划”委员会表示将继续吸引人才。")
    labels = {(m.label, m.text) for m in found(doc)}
    assert not any(label == "ORG" and text.endswith("计划") for label, text in labels)
    assert any(m.label == "MEASURE" and m.norm == "优才计划" for m in found(doc))


def test_the_place_named_with_its_body():
    ends = ("教育局", "政府")
    assert names_place_body("丛台区教育局", "丛台区", "丛台", ends)
    assert names_place_body("邯郸市丛台区政府", "丛台区", "丛台", ends)      # after the division above
    assert names_place_body("丛台教育局", "丛台区", "丛台", ends)             # the place's stem
    assert not names_place_body("丛台区实验小学", "丛台区", "丛台", ends)     # no body of the place
    assert not names_place_body("复兴区教育局", "丛台区", "丛台", ends)       # another place's
    assert not names_place_body("河北邯郸丛台区政府", "丛台区", "丛台", ends)  # what precedes ends in no 省市州盟
    assert not names_place_body("市丛台区政府", "丛台区", "丛台", ends)        # one character is no division
    assert not names_place_body("丛台区教育局", "丛台区", "丛台", ())


def _members(analyse, text):
    doc = analyse(text, pub_date="2020-03-01")
    names = {m.key: m.text for m in found(doc)}
    return {(names.get(r.source), names.get(r.target), r.attrs.get("role", ""))
            for r in doc._.relations if r.type == "MEMBER_OF"}


def test_a_company_ending_in_gu_is_no_section(analyse):
    office = ends_with_pattern("office")
    assert office.search("人事股") and office.search("成教科") and not office.search("泛海控股")
    got = _members(analyse, "前十名中，华夏幸福董事长王文学、泛海控股董事长卢志强的财富涨幅均超1倍。")
    assert ("卢志强", "泛海控股", "董事长") in got
    assert not any(p == "卢志强" and o == "华夏幸福" for p, o, _ in got)


def test_a_post_after_is_keeps_its_whole_role(analyse):
    got = _members(analyse, "郑洁是成都市中西医结合医院重症医学科病区副护士长，她援助湖北一线。王海平是城南中学的一名语文教师。")
    # the ward (病区) is the department's or the post's, as the model reads it: the whole role after it either way
    assert {("郑洁", "成都市中西医结合医院重症医学科", "病区副护士长"),
            ("郑洁", "成都市中西医结合医院重症医学科病区", "副护士长")} & got
    assert ("王海平", "城南中学", "语文教师") in got


# ----------------------------------------------------------------- a portal's header lines

def _report(tmp_path, text: str):
    from pipeline import ingest
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return ingest.read_report(f)


def test_a_portal_header_run_into_the_first_paragraph_is_its_own_line(tmp_path):
    rep = _report(tmp_path, "德国大学排名 艾希施泰特大学位居第一 2013-05-03 18:27:24 来源: 网易教育论坛 有0人参与 分享到 "
                            "2013德国大学排名，艾希施泰特大学位居第一。无论申请各国留学，从学生到家长，对于大学排名都非常关注。\n")
    assert rep.source == "网易教育论坛"
    assert "人参与" not in rep.text and "分享到" not in rep.text
    assert "\n2013德国大学排名，艾希施泰特大学位居第一。" in rep.text


def test_a_count_of_people_who_took_part_is_text_not_a_leftover(tmp_path):
    rep = _report(tmp_path, "为了培养更多优秀讲解员，我们就地选拔，徐解秀老人的后人中有5人参与进来；组织培训，聘请党史专家授课示范。\n")
    assert "后人中有5人参与进来" in rep.text


def test_a_dispatch_names_its_outlet_without_place_and_date(tmp_path):
    from pipeline.ingest.metadata import dispatch_outlet
    assert dispatch_outlet("千龙网北京10月18日") == "千龙网"
    assert dispatch_outlet("大众网临沂10月22日") == "大众网"
    assert dispatch_outlet("生活报11月8日") == "生活报"
    assert dispatch_outlet("新浪教育") == "新浪教育"
    rep = _report(tmp_path, "千龙网北京10月18日讯 18日，校园家庭教育系列公益讲座活动在京启动。讲座将走进全国30余所城市的中学。\n")
    assert rep.source == "千龙网"
    # 本报 names no outlet
    rep = _report(tmp_path, "本报讯（记者代丽丽）今天上午，北京市各级机关2014年考试录用公务员公共科目笔试在全市72个考点举行。\n")
    assert rep.source == ""


def test_the_outlets_city_on_a_header_line_is_no_author(tmp_path):
    from pipeline.ingest.lines import byline_names
    assert byline_names("学生摄影工作室“创意”毕业照受热捧(图) 2014-06-05 11:02:47来源: 中国新闻网(北京)") == []
    assert byline_names("来源:文化艺术网-文化艺术报 作者:付丹丹 时间:2019-07-09") == ["付丹丹"]
    rep = _report(tmp_path, "教育熊孩子要把握好尺度 2014-04-16 10:40:00 来源: 扬子晚报(南京) 有0人参与 分享到 "
                            "爱玩是每个孩子的天性，但有些宝宝活力过头，让各位家长伤透脑筋。\n")
    assert rep.authors == [] and rep.source == "扬子晚报"
    rep = _report(tmp_path, "学校毕业生就业率一直保持在90%以上。\n来源：光明日报（记者：耿建扩）\n")
    assert rep.authors == ["耿建扩"]


def test_an_outlet_on_a_source_line_keeps_its_seat_apart(ents):
    found_ = ents("美国留学签证面试技巧 2014-05-29 16:28:52来源: 留留学(北京)\n申请美国留学签证的学生越来越多。")
    assert ("ORG", "留留学") in found_ and ("PLACE", "北京") in found_
    assert not any("(" in text for _, text in found_)


# ----------------------------------------------------------------- units of known bodies

def _links(analyse, text, typ):
    doc = analyse(text, pub_date="2020-11-01")
    return {(r.source, r.target) for r in doc._.relations if r.type == typ}


def test_a_unit_of_a_known_body_is_that_bodys_wherever_the_report_is_set(analyse):
    from pipeline import names
    from pipeline.orgkeys import org_key
    assert names.known_unit("北大党委") == ("北京大学党委", "110000")
    assert names.known_unit("北大荒") is None
    # a report set in 西藏 does not make 北大党委 a body of 西藏
    assert org_key("北大党委", {"kind": "party"}, [], ["540000"], "r1")[0] == "org:110000:北京大学党委"
    text = "西藏学生在京实习。会后，北大党委书记邱水平、校长郝平等与17位正在首钢医院实习的西藏学生座谈。"
    assert ("org:110000:北京大学党委", "org:110000:北京大学") in _links(analyse, text, "PART_OF")
    members = _links(analyse, text, "MEMBER_OF")
    assert any(p.endswith(":郝平") and o == "org:110000:北京大学" for p, o in members)


def test_a_national_body_named_only_in_its_units_name_is_the_national_body(analyse):
    text = "中央宣讲团成员，财政部党组书记、部长刘昆在宣讲报告会上作报告，1700余人参加报告会。"
    assert ("org::财政部党组", "org::财政部") in _links(analyse, text, "PART_OF")
    assert any(o == "org::财政部" for _, o in _links(analyse, text, "MEMBER_OF"))


def test_a_party_unit_is_part_of_its_owner_named_nowhere_else(analyse):
    parts = _links(analyse, "援鄂医疗队出发前，英山县人民医院党委召开专题会议部署工作。", "PART_OF")
    assert any(c.endswith("英山县人民医院党委") and p.endswith("英山县人民医院") for c, p in parts)


def test_a_short_name_the_report_defines_is_that_body_also_where_the_model_read_it(analyse):
    text = ("国防科技大学、第二军医大学和中国人民公安大学成功入围名单。2012年新成立的中国科学院大学(简称国科大)"
            "因指标数据原因未能列入百强，但国科大的诞生将挑战北大清华。")
    orgs = [m for m in found(analyse(text)) if m.label == "ORG"]
    assert {m.key for m in orgs if m.text == "国科大"} == {"org::中国科学院大学"}
    # no organisation inside another's span (科大 of 国科大)
    spans = sorted((m.start, m.end) for m in orgs)
    assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:]))


def test_the_owner_a_units_name_starts_with_is_the_known_or_national_body():
    from pipeline.relations.part_of import owner_key
    assert owner_key("中国科技大学", "", "中国科技大学") == "org:340100:中国科学技术大学"
    assert owner_key("清华附中", "110108", "清华附中") == "org:110000:清华大学附属中学"
    assert owner_key("中国科学院", "120000", "中国科学院") == "org::中国科学院"
    assert owner_key("中国农业科学院", "230100", "中国农业科学院") == "org::中国农业科学院"
    assert owner_key("锦官新城小学", "510107", "锦官新城小学") == "org:510107:锦官新城小学"


def test_an_anaphor_defined_as_a_short_name_stays_an_anaphor(analyse):
    doc = analyse("光明网讯近日，黄河水利职业技术学院(以下简称该校)成功获批河南省高校网络文化建设试点学校。该校网络文化建设和谐发展。")
    assert not any(m.label == "ORG" and m.text == "该校" for m in found(doc))
    assert any(m.label == "ORG" and m.text == "黄河水利职业技术学院" for m in found(doc))


def test_a_campus_of_a_numbered_school_written_short_is_part_of_that_school(analyse):
    from pipeline.relations.part_of import owner_key
    assert owner_key("成都七中", "510100", "七中") == "org:510100:成都市第七中学"
    doc = analyse("成都七中高新校区的学生参加了活动。成都七中的老师也来了。")
    school = {m.key for m in found(doc) if m.text == "成都七中"}
    parts = {(r.source, r.target) for r in doc._.relations if r.type == "PART_OF"}
    assert school and any(t in school for _, t in parts)


def test_an_empty_source_field_leaves_the_editor_label_in_place():
    from pipeline.ingest.lines import byline_names
    assert byline_names("作者: 来源: 编辑:鸡西") == []
    assert byline_names("来源:区教育局 作者:刘磊 审核:潘范学 发布时间:2022年04月28日") == ["刘磊"]


def test_a_website_is_no_measure(analyse):
    doc = analyse("待考试结束，教育部公布进入复试基本分数要求后，考生可通过“中国研究生招生信息网”调剂服务系统了解招生单位的生源缺额信息。"
                  "重庆市教委将利用“重庆教研网”组织开展线上教研，并实施“一张网”工程。")
    measures = {m.norm for m in found(doc) if m.label == "MEASURE"}
    assert "中国研究生招生信息网" not in measures and "重庆教研网" not in measures
    assert not any(r.type == "IMPLEMENTS" and r.target.endswith("网") and "一张网" not in r.target
                   for r in doc._.relations)
