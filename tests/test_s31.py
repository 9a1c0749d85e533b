"""Session 31, on sentences written here. The errors came from a reading of 40 corpus
articles the gold sets do not hold (four reviewers, the system's mentions against the text).

* A short form made from a school's name (中小 of 中华路小学) is not read inside a longer word
  (中小学).
* An office named right after a university, an institute or an association, before its
  head's post, is the organisation (南京工业职业技术学院国际合作与交流处处长), and so is a
  bureau's office whose name holds 与 (省外国专家局专家与项目管理处调研员).
* A division's admissions office or vocational school written after it (确山县招办, 台江县职校).
* A ``?`` where a page's encoding lost the dot of a foreign name (曼莫汉?辛格) is the dot again.
* Events (东京奥运会) and kinds of body (养老院, 中资企业, 国际学校, 县级融媒体中心) are no
  organisations; two common words (施展才华) are no person's name.
* A second reading of 40 more articles: an embassy or a consulate with its office
  (中国驻英国大使馆教育处), not its places; 南都 (南方都市报) and 红网 as outlets; a hospital's
  campus (武汉市第三医院首义院区); 东莞市 + 人力资源局.
* A screening of every name the corpus build tagged in two articles or more: a table's two
  cells (中共上海市委党校上海音乐学院), plenary sessions (十九届二中、三中全会), statuses (全国重点
  大学), a name opening with "X与" (水土保持与生态环境研究中心), a language or a people named
  after a land (西班牙语, 维吾尔族), a direction (自东北伸向西南).
"""
from __future__ import annotations

from pipeline import ingest
from pipeline.entities.org_cells import two_cells


def test_a_school_short_form_is_not_read_inside_a_longer_word(ents):
    text = "武汉市武昌区中华路小学开展网课。全国中小学都已开学，面向全省中小学师生免费开放。"
    found = ents(text, pub_date="2020-02-10")
    assert ("ORG", "武汉市武昌区中华路小学") in found
    assert ("ORG", "中小") not in found
    # where the short form stands as a word of its own it is still read
    assert ("ORG", "中小") in ents(text + "中小的老师说，课程很丰富。", pub_date="2020-02-10")


def test_an_office_of_a_university_or_an_association_before_its_heads_post(ents):
    found = ents("南京工业职业技术学院国际合作与交流处处长张海宁、中国教育国际交流协会学术交流与研究部"
                 "副主任唐振福、清华大学学生处处长张明出席。", pub_date="2021-05-01")
    assert {("ORG", "南京工业职业技术学院国际合作与交流处"), ("ORG", "中国教育国际交流协会学术交流与研究部"),
            ("ORG", "清华大学学生处")} <= found
    assert ("ORG", "南京工业职业技术学院") not in found


def test_an_office_whose_name_holds_yu_but_not_two_bodies_joined(ents):
    found = ents("郑州大学国际学院院长石茂生、河南省外国专家局专家与项目管理处调研员王华星出席。",
                 pub_date="2021-05-01")
    assert ("ORG", "河南省外国专家局专家与项目管理处") in found
    # 与 joining two bodies: the first body is not run into the second's office
    found = ents("会议由郑州市教育局与郑州市公安局治安处处长李明主持。", pub_date="2021-05-01")
    assert not any(label == "ORG" and "与" in name for label, name in found)


def test_a_divisions_admissions_office_and_vocational_school(ents):
    found = ents("我接到确山县招办的电话。驻马店市招办的工作人员解释道，资金用于台江县职校改扩建。",
                 pub_date="2014-06-01")
    assert {("ORG", "确山县招办"), ("ORG", "驻马店市招办"), ("ORG", "台江县职校")} <= found
    assert ("PLACE", "确山县") not in found


def test_a_lost_dot_between_the_parts_of_a_foreign_name():
    assert ingest.restore_name_dots("应总理曼莫汉?辛格、总理安格拉?默克尔邀请") == "应总理曼莫汉·辛格、总理安格拉·默克尔邀请"
    # a question mark ends a question, and one between common words stays
    assert ingest.restore_name_dots("为什么?加拿大作为英联邦国家") == "为什么?加拿大作为英联邦国家"
    assert ingest.restore_name_dots("上海交大?耶鲁联合培养") == "上海交大?耶鲁联合培养"
    lines = [ln.text for ln in ingest.clean("印度总理曼莫汉?辛格会见了记者。\n")[0]]
    assert lines == ["印度总理曼莫汉·辛格会见了记者。"]


def test_the_whole_name_where_the_dot_was_lost(ents, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("总理会谈\n2013-05-28\n印度总理曼莫汉?辛格在新德里会见了德国总理安格拉?默克尔。\n",
                    encoding="utf-8")
    text = "\n".join(sec.text for sec in ingest.read_report(path).sections)
    found = ents(text, pub_date="2013-05-28")
    assert {("PERSON", "曼莫汉·辛格"), ("PERSON", "安格拉·默克尔")} <= found
    assert ("PERSON", "辛格") not in found


def test_events_and_kinds_of_body_are_no_organisations(ents):
    found = ents("东京奥运会和北京冬奥会是世界体育交流的重要平台。学校、医院、养老院等民生工程加快实施。"
                 "当地侨团、中资企业积极帮助。70余所国际学校参加了说明会。", pub_date="2021-05-01")
    orgs = {name for label, name in found if label == "ORG"}
    assert not orgs & {"东京奥运会", "北京冬奥会", "养老院", "中资企业", "国际学校"}


def test_two_common_words_are_no_persons_name(ents):
    found = ents("“基层是大学生施展才华、建功立业的大舞台。”欧阳中石先生说。", pub_date="2021-05-01")
    assert ("PERSON", "施展才华") not in found
    assert ("PERSON", "欧阳中石") in found


def test_an_embassy_or_a_consulate_and_its_office(ents):
    found = ents("中国驻纽约总领馆教育组组长王明介绍，中国驻英国大使馆教育处公参李华表示欢迎。"
                 "澳大利亚驻上海总领事馆教育领事张强出席。", pub_date="2019-05-01")
    assert {("ORG", "中国驻纽约总领馆教育组"), ("ORG", "中国驻英国大使馆教育处"),
            ("ORG", "澳大利亚驻上海总领事馆")} <= found
    assert not {("PLACE", "纽约"), ("PLACE", "英国"), ("ORG", "澳大利亚驻上海总领事馆教育领事")} & found


def test_outlets_known_by_their_short_names(ents):
    found = ents("南都记者从广州市教育局获悉，湖南日报、红网、长沙晚报等媒体参加。", pub_date="2019-05-01")
    assert {("ORG", "南都"), ("ORG", "红网"), ("ORG", "广州市教育局")} <= found
    # 江南都市报 is another paper: no 南都 inside it
    assert ("ORG", "南都") not in ents("据江南都市报报道，江南都市报记者获悉。", pub_date="2019-05-01")


def test_a_level_of_bodies_in_general_is_no_organisation(ents):
    found = ents("全国各地的县级融媒体中心正在建设，县级融媒体中心和县级电视台都要转型。", pub_date="2019-05-01")
    assert not {name for label, name in found if label == "ORG"}


def test_a_hospitals_campus_and_a_citys_human_resources_bureau(ents):
    found = ents("武汉市第三医院首义院区收治患者。东莞市人力资源局发布通知，东莞市人力资源局表示。",
                 pub_date="2020-02-01")
    assert {("ORG", "武汉市第三医院首义院区"), ("ORG", "东莞市人力资源局")} <= found
    assert ("PLACE", "东莞市") not in found


def test_a_body_and_a_college_or_university_back_to_back_are_two_cells():
    assert two_cells("中共上海市委党校上海音乐学院") == ["中共上海市委党校", "上海音乐学院"]
    assert two_cells("上海国际问题研究院华东政法大学") == ["上海国际问题研究院", "华东政法大学"]
    assert two_cells("华东计算技术研究所同济大学") == ["华东计算技术研究所", "同济大学"]
    # a university's college opening with a city, and an academy's institute, stay one name
    for name in ("北京理工大学珠海学院", "华南理工大学广州学院", "中国科学院上海生命科学研究院",
                 "华中科技大学同济医学院", "中国医学科学院北京协和医学院"):
        assert two_cells(name) == [], name


def test_plenary_sessions_and_statuses_are_no_schools(ents):
    found = ents("学习党的十九届二中、三中、四中、五中全会精神。北京四中的学生参加。", pub_date="2021-05-01")
    assert {name for label, name in found if label == "ORG"} == {"北京四中"}
    found = ents("他毕业于中国五星级大学，全国重点大学、省重点中学的代表参加。", pub_date="2021-05-01")
    assert not {name for label, name in found if label == "ORG"}


def test_a_name_opening_with_words_joined_by_yu(ents):
    found = ents("郑州大学 河南省 水土保持与生态环境研究中心 陕西省", pub_date="2021-05-01")
    assert ("ORG", "水土保持与生态环境研究中心") in found
    found = ents("清华大学与北京大学合作办学。", pub_date="2021-05-01")
    assert {("ORG", "清华大学"), ("ORG", "北京大学")} <= found


def test_a_language_a_people_or_a_direction_is_no_place(ents):
    found = ents("他会说西班牙语和维吾尔语，是维吾尔族。他在延边朝鲜族自治州工作，后来去西班牙读书。"
                 "高梁山自东北伸向西南。", pub_date="2021-05-01")
    assert ("PLACE", "维吾尔") not in found and ("PLACE", "东北") not in found
    assert {("PLACE", "延边朝鲜族自治州"), ("PLACE", "西班牙")} <= found


def test_common_words_and_names_opening_a_facility_are_no_persons(ents):
    found = ents("他去了钱学森图书馆和杜甫草堂，读了《赫芬顿邮报》。钱学森是科学家。熊孩子很多，网络卡顿严重。"
                 "华为携手比亚迪和阿里云共建实验室。", pub_date="2021-05-01")
    persons = {name for label, name in found if label == "PERSON"}
    assert persons == {"钱学森"}
    assert {("ORG", "钱学森图书馆"), ("ORG", "比亚迪"), ("ORG", "阿里云")} <= found


def test_sorts_of_school_and_names_run_on_into_the_clause(ents):
    found = ents("南京某大学的学生说，他想去优质商学院或常春藤盟校。杨琴说，杨琴处理好了。在杨琴处，"
                 "杨琴用手机拍照。杨琴很好。", pub_date="2021-05-01")
    assert not {name for label, name in found if label == "ORG"}
    assert {name for label, name in found if label == "PERSON"} == {"杨琴"}


def test_a_country_and_a_qualifier_before_a_type_word_is_a_sort_of_school(ents):
    found = ents("他考上了美国顶尖大学，也看过英国私立学校。北京高校的学生和北京大学的老师参加。",
                 pub_date="2021-05-01")
    assert {name for label, name in found if label == "ORG"} == {"北京大学"}
    assert {("PLACE", "美国"), ("PLACE", "英国"), ("PLACE", "北京")} <= found


def test_a_street_is_a_place_not_an_organisation(ents):
    # a traffic notice of exam days (the model reads the street as a body)
    text = "十三中 交管措施：龙头井街北向南方向，上午9时至考试结束、下午3时至考试结束禁止机动车通行，禁行路段作为考生临时自行车停放区 北师大附属实验中学 停车场地址：二龙路（实验中学西侧）路东侧、大木仓（二龙路至华远街）路南侧 车位数：63交管措施：学"
    found = ents(text, pub_date="2016-06-06")
    assert ("PLACE", "二龙路") in found and ("ORG", "二龙路") not in found
