"""What a run over real articles showed (corpus/, no gold): schools of a country or a sort
named as if they were one school (美国大学 in 33 reports was one node), and public
figures read as places or split per report (钟南山 as a 南山 district)."""
from __future__ import annotations

from pipeline.entities import lexicon
from pipeline.nlp import found


def test_schools_of_a_country_or_a_sort_are_no_organisation(ents):
    got = ents("近年来，申请美国大学的中国学生越来越多，不少国外大学和顶级商学院也来华招生。")
    orgs = {t for lab, t in got if lab == "ORG"}
    assert not orgs & {"美国大学", "国外大学", "顶级商学院"}
    assert ("PLACE", "美国") in got


def test_proper_names_that_start_like_a_kind_stay(ents):
    got = ents("他先后就读于香港大学和哈佛商学院，后来在中国人民大学任教。")
    orgs = {t for lab, t in got if lab == "ORG"}
    assert {"香港大学", "哈佛商学院", "中国人民大学"} <= orgs


def test_the_kind_words_read_from_the_rule_file():
    assert lexicon.generic_org("英国的中学") and lexicon.generic_org("澳洲大学")
    assert lexicon.generic_org("执政党")  # rules/org_generic.txt still counts
    assert not lexicon.generic_org("北京大学") and not lexicon.generic_org("新加坡国立大学")


def test_a_public_figure_is_a_person_where_the_model_read_a_place(ents):
    got = ents("今天，我想跟你们说说钟南山。钟南山院士已84岁高龄，仍奋战在防疫一线。")
    assert ("PERSON", "钟南山") in got
    assert not any(t == "钟南山" for lab, t in got if lab != "PERSON")


def test_a_public_figure_is_one_person_in_every_report(analyse):
    keys = {m.key for m in found(analyse("教育学者熊丙奇认为，减负要从评价改起。", pub_date="2021-01-01"))
            if m.text == "熊丙奇"}
    assert keys == {"person::熊丙奇"}


def test_a_public_figure_inside_a_longer_word_is_not_one(ents):
    got = ents("学院组织学生学习马克思主义理论。")
    assert not any(t == "马克思" for _lab, t in got)


def test_a_doctrine_named_after_a_public_figure_names_no_person(analyse, ents):
    text = "全校师生深入学习习近平新时代中国特色社会主义思想，领会习近平总书记的重要讲话精神。"
    starts = [m.start for m in found(analyse(text)) if m.label == "PERSON" and m.text == "习近平"]
    assert starts == [text.rindex("习近平")]    # the general secretary, not the doctrine
    got = ents("学习毛泽东思想和邓小平理论。")
    assert not any(t in ("毛泽东", "邓小平") for _lab, t in got)


def test_a_short_name_with_another_level_word_is_no_division(ents):
    # 大城 is 大城县 (a county): 大城市 is "a big city", in 42 corpus reports
    got = ents("很多年轻人选择留在大城市工作，而不是回到家乡。")
    assert not any(lab == "PLACE" for lab, _t in got)
    got = ents("义乌市教育局和屏边县、恩施州的学校联合开展活动。")
    assert {("PLACE", "屏边县"), ("PLACE", "恩施州")} <= got and ("ORG", "义乌市教育局") in got


def test_the_sun_and_the_earth_are_no_places(ents):
    got = ents("太阳从东方升起，地球绕着太阳转，同学们在科学课上观察月球。")
    assert not any(lab == "PLACE" for lab, _t in got)


def test_photo_agency_credits_are_no_people(ents):
    got = ents("图为学生在操场上跑步。人民视觉供图")
    assert ("PERSON", "人民视觉") not in got


def test_a_common_name_is_no_public_figure(analyse):
    doc = analyse("红星小学教师李强带领学生参观科技馆。", pub_date="2021-05-01")
    keys = {m.key for m in found(doc) if m.text == "李强"}
    assert keys and "person::李强" not in keys


def test_a_source_lines_trailing_how_word_is_no_part_of_the_outlet(tmp_path, ents):
    from pipeline import ingest
    p = tmp_path / "r.txt"
    p.write_text("成都：英国秋季入学行前指导会\n2014-06-05 10:29:05 来源: 网易教育频道专稿\n"
                 "资深留学老师给你最贴心的行前指导。\n", encoding="utf-8")
    assert ingest.read_report(p).source == "网易教育频道"
    p.write_text("心急喝不了热汤\n2014-04-18 17:33:21来源: 英孚教育(上海) Time will tell.\n", encoding="utf-8")
    assert ingest.read_report(p).source == "英孚教育"     # not 英孚教育(上海, whose 上海 became an ORG
    got = ents("来源: 网易教育频道专稿 资深留学老师给你最贴心的行前指导。", source="网易教育频道")
    assert ("ORG", "网易教育频道") in got and ("ORG", "网易教育频道专稿") not in got


def test_a_body_the_text_does_not_name_is_no_organisation(ents):
    got = ents("某市政府承诺为学生提供免费午餐，天津市政府随后发布通知。")
    orgs = {t for lab, t in got if lab == "ORG"}
    assert "市政府" not in orgs and "天津市政府" in orgs


def test_speaker_labels_of_an_interview_are_no_organisations(ents):
    got = ents("学生：我今年12岁。记者：你喜欢上网课吗？")
    assert not any(lab == "ORG" for lab, _t in got)


def test_a_talk_under_a_quoted_title_is_no_measure(analyse):
    doc = analyse("学校开展“疫情下的自救”公益讲座，举办“双减背景下的作业设计”研讨会，并推行“零报告”制度。",
                  pub_date="2020-03-01")
    measures = {m.text for m in found(doc) if m.label == "MEASURE"}
    assert not any("自救" in t or "作业设计" in t for t in measures)
    assert any("零报告" in t for t in measures)


def test_a_national_bodys_branch_is_placed_by_the_place_in_its_name(analyse):
    from pipeline import orgkeys
    assert orgkeys.national_branch("国家税务总局北京市税务局") == "110000"
    assert orgkeys.national_branch("中国科学院成都有机化学研究所") == "510100"
    assert orgkeys.national_branch("国家开发银行江西省分行") == "360000"
    # national bodies whose names hold no division stay national
    assert orgkeys.national_branch("中国人民大学") == "" and orgkeys.national_branch("中华全国总工会") == ""
    doc = analyse("国家税务总局北京市税务局与中国人民大学签署合作协议。", pub_date="2021-05-01")
    keys = {m.text: m.key for m in found(doc) if m.label == "ORG"}
    assert keys["国家税务总局北京市税务局"] == "org:110000:国家税务总局北京市税务局"
    assert keys["中国人民大学"] in ("org::中国人民大学", "org:110000:中国人民大学")


def test_a_regional_outlet_is_placed_by_its_seat_and_the_reports_setting(analyse):
    doc = analyse("据燕赵都市报报道，石家庄市教育局近日召开会议。南方都市报也作了报道。", pub_date="2020-01-01")
    keys = {m.text: m.key for m in found(doc) if m.label == "ORG"}
    placed_at = {r.source: r.target for r in doc._.relations if r.type == "LOCATED_IN"}
    assert placed_at[keys["燕赵都市报"]] == "place:130100"     # seated in 石家庄, the report's city
    assert placed_at[keys["南方都市报"]] == "place:440000"     # 广州's, in a report set elsewhere: its province


def test_a_prefectures_common_short_name_is_read(analyse):
    doc = analyse("博州实验中学和华师一附中博州分校的师生参加了活动。", pub_date="2020-01-01")
    keys = {m.text: m.key for m in found(doc) if m.label == "ORG"}
    assert keys["博州实验中学"].startswith("org:652700:")     # 博尔塔拉蒙古自治州, not the report's province


def test_everyday_words_the_division_table_knows_are_no_places(ents):
    got = ents("工程师说，天桥结构稳固。市民来到广场参加汉语桥比赛，示范区也有活动。天桥区教育局发文。")
    places = {t for lab, t in got if lab == "PLACE"}
    assert not places & {"天桥", "广场", "汉语桥", "示范区"}
    assert ("ORG", "天桥区教育局") in got


def test_a_city_before_its_citizens_is_named_without_its_level_word(ents):
    got = ents("5月4日，济南市民吕先生与好友在一家酒店小聚。")
    assert ("PLACE", "济南") in got and ("PLACE", "济南市") not in got


def test_a_known_company_is_an_organisation_where_the_model_read_a_person(ents):
    got = ents("麦可思全力配合实现中国大学生就业信息公开化。")
    assert ("ORG", "麦可思") in got and ("PERSON", "麦可思") not in got


def test_a_city_before_a_word_starting_with_min_keeps_its_level_word(ents):
    got = ents("延吉市民族中学的学生参加了比赛。")
    assert not any(t == "延吉" for _lab, t in got)
