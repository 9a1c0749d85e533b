"""One node per real entity (issue 10): keys from what an entity is, joins across reports on
evidence with their reason, the analyst's corrections, the duplicates report and the
linking score. Every text is written here."""
from __future__ import annotations

import pytest

from pipeline import build, duplicates, link, linkeval

from .conftest import read_table

R1 = """杭州市教育局召开全市中小学工作会议

人民日报记者 田媛

本报杭州3月5日电 杭州市教育局日前召开全市中小学工作会议。武汉大学和湖北大学的专家应邀出席。桐庐县教育局局长张伟介绍了经验。北大教授李明出席会议。梧州八中校长杨扬也发了言。美方代表表示，中美教育交流将继续。
"""
R2 = """梧州市第八中学举行开学典礼

人民日报记者 田媛

本报梧州3月6日电 广西梧州市第八中学校长杨扬在开学典礼上讲话。北京大学的专家来校指导。中山大学、南开大学和天津大学的代表出席。美国和中国的学生一起参加了活动。
"""
R3 = """镇沅县召开教育工作会议

本报讯 云南省普洱市镇沅县3月7日召开教育工作会议。镇沅县委书记王强出席会议。普洱市委副书记赵亮讲话。镇沅县第一中学校长杨扬介绍了经验。县教育局局长周平出席。
"""


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    src = tmp_path_factory.mktemp("linking_in")
    for name, text in (("r1", R1), ("r2", R2), ("r3", R3)):
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("linking_out")
    build.run(src, out, workers=1, progress=False)
    return out


@pytest.fixture(scope="module")
def nodes(linked):
    return read_table(linked, "entities.csv")


def holding(nodes, name, label=None):
    return [r for r in nodes if name in r["aliases"].split("|") and (label is None or r["label"] == label)]


def one(nodes, name, label=None):
    hits = holding(nodes, name, label)
    assert len(hits) == 1, (name, [h["entity_id"] for h in hits])
    return hits[0]


def test_universities_of_one_city_are_two_nodes(nodes):
    # the key is the university's own name, not its city plus 大学
    wu, hu = one(nodes, "武汉大学"), one(nodes, "湖北大学")
    assert wu["entity_id"] == "org:420100:武汉大学" and hu["entity_id"] != wu["entity_id"]
    assert one(nodes, "南开大学")["entity_id"] != one(nodes, "天津大学")["entity_id"]


def test_a_city_bureau_and_a_county_bureau_inside_it_are_two_nodes(nodes):
    city, county = one(nodes, "杭州市教育局"), one(nodes, "桐庐县教育局")
    assert city["entity_id"] == "org:330100:杭州市教育局"
    assert county["entity_id"] == "org:330122:桐庐县教育局"


def test_a_county_party_committee_is_not_the_city_one(nodes):
    county, city = one(nodes, "镇沅县委"), one(nodes, "普洱市委")
    assert county["entity_id"] != city["entity_id"]
    # ids name the entity: no cut-off names (org:530825:委, 县第一中学)
    assert county["entity_id"].endswith("县委")
    assert one(nodes, "镇沅县第一中学")["entity_id"].endswith("镇沅彝族哈尼族拉祜族自治县第一中学")


def test_a_short_name_resolves_to_the_full_entity_of_its_report(nodes):
    # 县教育局 in a 镇沅县 report is 镇沅县's bureau, not a node of every 县教育局
    bureau = one(nodes, "县教育局")
    assert bureau["entity_id"].startswith("org:530825:") and bureau["entity_id"].endswith("教育局")


def test_abbreviation_and_full_name_are_one_node_with_the_reason(nodes):
    pku = one(nodes, "北大")
    assert pku["entity_id"] == one(nodes, "北京大学")["entity_id"] == "org:110000:北京大学"
    assert "北大 of 北京大学" in pku["link_basis"] and pku["n_reports"] == "2"
    school = one(nodes, "梧州八中")
    assert school["entity_id"] == one(nodes, "梧州市第八中学")["entity_id"] == "org:450400:梧州市第八中学"


def test_a_university_named_like_a_city_is_not_placed_there(nodes):
    zsu = one(nodes, "中山大学")
    assert zsu["entity_id"] == "org:440100:中山大学"   # 广州, not 中山市 (442000)


def test_one_character_country_names_are_no_node_apart_from_the_country(nodes):
    # 美方, 中美: a one-character place is no mention (the annotation never counts one), so
    # no node of its own beside 美国 and 中国
    assert one(nodes, "美国")["entity_id"] == "place:world/美国"
    assert one(nodes, "中国")["entity_id"] == "place:world/中国"
    assert not any(r["name"] in ("美", "中") for r in nodes)


def test_a_reporter_of_one_newspaper_is_one_person_across_reports(nodes):
    tian = one(nodes, "田媛", "PERSON")
    assert tian["entity_id"] == "person:人民日报:田媛" and tian["n_reports"] == "2"
    assert "same organisation (人民日报)" in tian["link_basis"]


def test_namesakes_at_two_schools_are_two_people_and_one_school_joins_them(nodes):
    yang = holding(nodes, "杨扬", "PERSON")
    assert sorted(r["entity_id"] for r in yang) == [
        "person:梧州市第八中学:杨扬", "person:镇沅彝族哈尼族拉祜族自治县第一中学:杨扬"]
    assert [r["n_reports"] for r in yang if "梧州" in r["entity_id"]] == ["2"]


def test_ids_are_stable_when_reports_are_added(linked, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "r2.txt").write_text(R2, encoding="utf-8")
    out = tmp_path / "out"
    build.run(src, out, workers=1, progress=False)
    alone = {r["entity_id"] for r in read_table(out, "entities.csv")}
    together = {r["entity_id"] for r in read_table(linked, "entities.csv")}
    for eid in ("org:450400:梧州市第八中学", "org:110000:北京大学", "person:人民日报:田媛",
                "person:梧州市第八中学:杨扬", "org:440100:中山大学"):
        assert eid in alone and eid in together


def test_duplicates_lists_one_name_on_two_nodes(linked, capsys):
    text = duplicates.report(linked)
    assert "PERSON 杨扬" in text and "person:梧州市第八中学:杨扬" in text
    # the names that every report resolves to its own place are not listed
    assert "ORG 县教育局:" not in text


# ------------------------------------------------------------------ linking on records

def _sec(doc_id, entities, relations=()):
    return {"doc_id": doc_id, "entities": entities, "relations": list(relations), "place_context": {},
            "title": "", "byline": "", "authors": [], "editor": ""}


def _org(name, adcode="", alias=None):
    return {"label": "ORG", "name": name, "aliases": [alias or name], "attrs": {"kind": "school", "adcode": adcode}}


def _person(name):
    return {"label": "PERSON", "name": name, "aliases": [name], "attrs": {}}


def _member(person, org):
    return {"type": "MEMBER_OF", "source": person, "target": org, "attrs": {"role": "校长"}}


def _places():
    # 成都市 > 武侯区: what the place stage writes for the divisions of a report
    return {"place:510100": {"label": "PLACE", "name": "成都市", "aliases": ["成都市"], "attrs": {"adcode": "510100"}},
            "place:510107": {"label": "PLACE", "name": "武侯区", "aliases": ["武侯区"],
                             "attrs": {"adcode": "510107", "parent_id": "place:510100"}}}


def test_a_school_named_with_its_city_and_its_district_is_one_node():
    a = _sec("a", {**_places(), "org:510100:锦官新城小学": _org("成都市锦官新城小学", "510100")})
    b = _sec("b", {**_places(), "org:510107:锦官新城小学": _org("锦官新城小学", "510107")})
    ents, remap = link.merge_entities([a, b], corrections=([], []))
    assert remap["org:510100:锦官新城小学"] == "org:510107:锦官新城小学"
    assert "place of one inside the other" in ents["org:510107:锦官新城小学"]["attrs"]["link_basis"]


def test_a_bureau_with_its_place_in_its_name_is_never_refined():
    places = {"place:330100": {"label": "PLACE", "name": "杭州市", "aliases": [], "attrs": {"adcode": "330100"}},
              "place:330122": {"label": "PLACE", "name": "桐庐县", "aliases": [],
                               "attrs": {"adcode": "330122", "parent_id": "place:330100"}}}
    a = _sec("a", {**places, "org:330100:杭州市教育局": _org("杭州市教育局", "330100")})
    b = _sec("b", {**places, "org:330122:桐庐县教育局": _org("桐庐县教育局", "330122")})
    ents, remap = link.merge_entities([a, b], corrections=([], []))
    assert "org:330100:杭州市教育局" in ents and "org:330122:桐庐县教育局" in ents and not remap


def test_people_without_a_shared_organisation_stay_apart():
    a = _sec("a", {"person:a:杨扬": _person("杨扬")})
    b = _sec("b", {"person:b:杨扬": _person("杨扬")})
    ents, remap = link.merge_entities([a, b], corrections=([], []))
    assert set(ents) == {"person:a:杨扬", "person:b:杨扬"} and not remap


def test_analyst_same_as_joins_and_not_same_wins():
    org = "org:510107:实验学校"
    a = _sec("a", {"person:a:杨扬": _person("杨扬"), org: _org("实验学校")}, [_member("person:a:杨扬", org)])
    b = _sec("b", {"person:b:杨扬": _person("杨扬"), org: _org("实验学校")}, [_member("person:b:杨扬", org)])
    c = _sec("c", {"person:c:杨阳": _person("杨阳")})
    ents, remap = link.merge_entities([a, b, c], corrections=([], []))
    assert remap == {"person:a:杨扬": "person:实验学校:杨扬", "person:b:杨扬": "person:实验学校:杨扬"}
    # the analyst: the two are namesakes (rules/not_same.tsv), and 杨阳 is a misspelling (same_as)
    ents, remap = link.merge_entities([a, b, c], corrections=([("杨阳", "杨扬@a", "")], [("杨扬@a", "杨扬@b", "")]))
    people = {k: v for k, v in ents.items() if v["label"] == "PERSON"}
    assert len(people) == 2
    joined = next(v for v in people.values() if "杨阳" in v["aliases"])
    assert "same_as.tsv" in joined["attrs"]["link_basis"]
    assert remap.get("person:c:杨阳") == remap.get("person:a:杨扬", "person:a:杨扬")


def test_corrections_are_read_from_rules(tmp_path, monkeypatch):
    from pipeline import rules
    for name in ("same_as.tsv", "not_same.tsv", "place_abbrev.tsv"):
        (tmp_path / name).write_text((rules.RULES_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    with open(tmp_path / "same_as.tsv", "a", encoding="utf-8") as f:
        f.write("锦官新城小学\t锦小\n")
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    rules.table.cache_clear()
    try:
        same, apart = link.load_corrections()
        assert ("锦官新城小学", "锦小", "") in same and apart == []
    finally:
        rules.table.cache_clear()


def test_a_level_word_cut_off_a_division_is_the_division():
    a = _sec("a", {"place:532523/县": {"label": "PLACE", "name": "县", "aliases": ["县"],
                                      "attrs": {"parent_id": "place:532523"}}})
    ents, remap = link.merge_entities([a], corrections=([], []))
    assert remap == {"place:532523/县": "place:532523"} and ents["place:532523"]["attrs"]["adcode"] == "532523"


# ------------------------------------------------------------------ the linking score

def test_derived_clusters_keep_two_places_bureaus_apart_and_join_short_names():
    c = linkeval.org_cluster
    assert c("市教育局", "330100", "x") == c("杭州市教育局", "330100", "y") == "org:330100:杭州市教育局"
    assert c("桐庐县教育局", "330122", "x") != c("杭州市教育局", "330100", "x")
    assert c("武汉大学", "420100", "x") != c("湖北大学", "420100", "x")
    assert c("北大", "", "x") == c("北京大学", "110108", "y") == "org::北京大学"
    assert c("梧州八中", "450400", "x") == c("梧州市第八中学", "450400", "y")
    assert c("市教育局", "", "x") != c("市教育局", "", "y")      # unplaced: its report's own
    assert linkeval.place_cluster("美", "", "x") == linkeval.place_cluster("美国", "", "y")


def test_linking_score_counts_joins_and_splits(tmp_path):
    gold = [{"doc_id": d, "label": "ORG", "text": t, "cluster": c} for d, t, c in (
        ("a", "杭州市教育局", "g1"), ("b", "市教育局", "g1"), ("b", "桐庐县教育局", "g2"), ("c", "桐庐县教育局", "g2"))]
    mentions = tmp_path / "mentions.csv"
    # the build joins the two bureaus of report b and c and splits nothing else
    mentions.write_text("doc_id,label,text,start,end,norm,entity_id\n"
                        "a,ORG,杭州市教育局,0,6,,n1\nb,ORG,市教育局,0,4,,n1\n"
                        "b,ORG,桐庐县教育局,5,11,,n2\nc,ORG,桐庐县教育局,0,6,,n1\n", encoding="utf-8")
    res = linkeval.score(gold, mentions)
    assert res["found"] == 4
    # predicted pairs: (a,b1) (a,c) (b1,c) - one of three right; gold pairs: (a,b1) (b2,c) - one of two found
    p, r, f, n = res["ALL"]["pairs"]
    assert (round(p, 3), round(r, 3), n) == (0.333, 0.5, 2)
    assert "n1" in linkeval.errors(gold, mentions)


# ------------------------------------------------------------------ keys on single sentences

def keys(analyse, text, **context):
    from pipeline.nlp import found
    return {m.text: m.key for m in found(analyse(text, pub_date="2020-03-01", **context)) if m.label == "ORG"}


def test_a_kind_of_institution_alone_is_its_reports_own(analyse):
    got = keys(analyse, "内罗毕大学孔子学院和孔子学院的师生参加了活动。")
    assert got["孔子学院"].startswith("org:?test:")          # not one node of every 孔子学院
    assert got["内罗毕大学孔子学院"].endswith(":内罗毕大学孔子学院")


def test_national_bodies_are_one_node_by_name(analyse):
    got = keys(analyse, "浙江省教育厅转发了国家体育总局和教育部考试中心的通知。", place_hint="杭州")
    assert got["国家体育总局"] == "org::国家体育总局"              # not 浙江省's
    assert got["教育部考试中心"] == "org::教育部考试中心"


def test_a_unit_of_a_university_keeps_the_university_in_its_name(analyse):
    got = keys(analyse, "湖北大学附属中学与北京大学附属中学结对。")
    assert got["湖北大学附属中学"] == "org:420100:湖北大学附属中学"   # not 湖北省大学附属中学
    assert got["北京大学附属中学"] == "org:110000:北京大学附属中学"


def test_a_university_takes_the_largest_place_its_name_may_be(analyse):
    got = keys(analyse, "西安理工大学的专家来到学校。")
    assert got["西安理工大学"] == "org:610100:西安理工大学"          # 西安市, not 辽源's 西安区


def test_a_byline_name_is_tied_by_its_outlet():
    a = _sec("a", {"person:a:田媛": {**_person("田媛"), "attrs": {"outlet": "中国教育报"}}})
    b = _sec("b", {"person:b:田媛": {**_person("田媛"), "attrs": {"outlet": "中国教育报"}}})
    c = _sec("c", {"person:c:田媛": {**_person("田媛"), "attrs": {"outlet": "光明日报"}}})
    ents, remap = link.merge_entities([a, b, c], corrections=([], []))
    assert remap == {"person:a:田媛": "person:中国教育报:田媛", "person:b:田媛": "person:中国教育报:田媛",
                     "person:c:田媛": "person:光明日报:田媛"}


def test_a_place_s_own_bodies_of_a_province_and_a_county_stay_two():
    places = {"place:230000": {"label": "PLACE", "name": "黑龙江省", "aliases": [], "attrs": {"adcode": "230000"}},
              "place:230225": {"label": "PLACE", "name": "甘南县", "aliases": [],
                               "attrs": {"adcode": "230225", "parent_id": "place:230000"}}}
    bureau = {"label": "ORG", "name": "乡村振兴局", "aliases": ["乡村振兴局"], "attrs": {"kind": "bureau"}}
    a = _sec("a", {**places, "org:230000:乡村振兴局": bureau})
    b = _sec("b", {**places, "org:230225:乡村振兴局": bureau})
    ents, remap = link.merge_entities([a, b], corrections=([], []))
    assert not remap and {"org:230000:乡村振兴局", "org:230225:乡村振兴局"} <= set(ents)


def test_duplicates_flags_a_node_with_two_full_names():
    rows = [{"label": "ORG", "entity_id": "x", "name": "武汉大学", "aliases": "武汉大学|湖北大学", "link_basis": ""},
            {"label": "ORG", "entity_id": "y", "name": "杭州市教育局", "aliases": "杭州市教育局|市教育局|桐庐县教育局",
             "link_basis": ""},
            {"label": "ORG", "entity_id": "z", "name": "梧州市第八中学", "aliases": "梧州八中|梧州市第八中学|广西梧州市第八中学",
             "link_basis": ""},
            {"label": "ORG", "entity_id": "w", "name": "北京大学", "aliases": "北京大学|北大", "link_basis": ""}]
    assert sorted({r["entity_id"] for r, _, _ in duplicates.two_full_names(rows)}) == ["x", "y"]


def test_short_type_words_of_schools_are_the_full_ones(analyse):
    got = keys(analyse, "平罗县特校与平罗县特殊教育学校、城郊乡中心校与城郊乡中心学校开展结对活动。",
               place_hint="河南省新野县")
    assert got["平罗县特校"] == got["平罗县特殊教育学校"] == "org:640221:平罗县特殊教育学校"
    assert got["城郊乡中心校"] == got["城郊乡中心学校"]


def test_a_reporter_credited_in_the_text_is_tied_to_the_reports_outlet(analyse):
    doc = analyse("本报北京1月14日电 （记者赵婀娜、张烁）记者今日从清华大学获悉。校长王明表示欢迎。版式设计：蔡华伟",
                  source="人民日报")
    people = {v["name"]: v["attrs"] for v in doc._.entities.values() if v["label"] == "PERSON"}
    assert people["赵婀娜"]["outlet"] == people["张烁"]["outlet"] == people["蔡华伟"]["outlet"] == "人民日报"
    assert "outlet" not in people["王明"]          # a headmaster is no staff of the paper


def test_a_byline_without_an_outlet_joins_the_one_outlet_with_staff_of_that_name():
    a = _sec("a", {"person:a:张烁": {**_person("张烁"), "attrs": {"outlet": "人民日报"}}})
    b = _sec("b", {"person:b:张烁": {**_person("张烁"), "attrs": {"outlet": "记者"}}})
    ents, remap = link.merge_entities([a, b], corrections=([], []))
    assert remap == {"person:a:张烁": "person:人民日报:张烁", "person:b:张烁": "person:人民日报:张烁"}
    # with two outlets that have a 张烁 it cannot tell which: it stays apart
    c = _sec("c", {"person:c:张烁": {**_person("张烁"), "attrs": {"outlet": "光明日报"}}})
    ents, remap = link.merge_entities([a, b, c], corrections=([], []))
    assert remap["person:b:张烁"] == "person:记者:张烁"


def test_a_one_character_type_word_is_no_name_only_alone(analyse):
    from pipeline import names
    assert not names.is_generic("网易") and names.is_generic("局") and names.is_generic("教育局办公室")


def test_a_name_alone_in_a_report_on_a_county_is_that_county_s_one_person():
    org = "org:370104:槐荫区教育局"
    bureau = {"label": "ORG", "name": "槐荫区教育局", "aliases": ["槐荫区教育局"], "attrs": {"kind": "bureau"}}
    a = _sec("a", {"person:a:晋萍": _person("晋萍"), org: bureau}, [_member("person:a:晋萍", org)])
    b = {**_sec("b", {"person:b:晋萍": _person("晋萍")}), "place_context": {"path": ["370000", "370100", "370104"]}}
    c = {**_sec("c", {"person:c:晋萍": _person("晋萍")}), "place_context": {"path": ["510000", "510100", "510107"]}}
    ents, remap = link.merge_entities([a, b, c], corrections=([], []))
    assert remap["person:b:晋萍"] == remap["person:a:晋萍"] == "person:槐荫区教育局:晋萍"
    assert "person:c:晋萍" not in remap          # a report on 武侯区: another 晋萍


def test_an_autonomous_region_s_bureau_and_a_school_s_party_branch(analyse):
    got = keys(analyse, "内蒙古呼和浩特讯 自治区教育厅召开会议，呼和浩特市教育局参加。")
    assert got["自治区教育厅"] == "org:150000:内蒙古自治区教育厅"     # not 呼和浩特市's
    got = keys(analyse, "石家庄一中党委与石家庄市第一中学、华坪女子高级中学党支部和华坪女子高级中学开展共建。")
    assert got["石家庄一中党委"] == got["石家庄市第一中学"] + "党委"
    # a school's party branch is named after its school, not after the school's county
    assert got["华坪女子高级中学党支部"] == got["华坪女子高级中学"] + "党支部"


def test_no_cut_off_names_in_ids(analyse):
    got = keys(analyse, "中山路小学和长白山教育局的老师参加培训。", place_hint="吉林省")
    assert got["中山路小学"].endswith(":中山路小学")            # not org:...:路小学
    assert got["长白山教育局"].endswith("长白山教育局")          # not org:220623:山教育局


def test_a_university_is_one_key_wherever_its_report_is_set(analyse):
    here = keys(analyse, "华中科技大学的专家来到宁波，与浙江大学、宁波大学合作。", place_hint="浙江省宁波市")
    there = keys(analyse, "华中科技大学的专家来到武汉市洪山区，与浙江大学合作。", place_hint="湖北省武汉市")
    assert here["华中科技大学"] == there["华中科技大学"] == "org:420100:华中科技大学"
    assert here["浙江大学"] == there["浙江大学"] == "org:330100:浙江大学"      # not placed in 宁波
    assert here["宁波大学"] == "org:330200:宁波大学"


def test_the_short_name_of_a_known_university_is_not_taken_by_another(analyse):
    got = keys(analyse, "北洋大学和北大的学者出席了论坛。")
    assert got["北大"] == "org:110000:北京大学" and got["北洋大学"] != got["北大"]


def test_same_as_never_joins_a_person_and_an_organisation():
    a = _sec("a", {"person:a:华师": _person("华师"), "org:420100:华中师范大学": _org("华中师范大学", "420100")})
    ents, remap = link.merge_entities([a], corrections=([("华师", "华中师范大学", "")], []))
    assert not remap


def test_a_school_named_after_a_town_of_the_report_is_not_the_city_s(analyse):
    got = keys(analyse, "江苏常州讯 武进区洛阳镇的洛阳高级中学召开会议，洛阳高中校长王明讲话。")
    assert got["洛阳高级中学"] == got["洛阳高中"] and got["洛阳高中"].startswith("org:3204")   # 常州, not 洛阳市


def test_a_market_bureau_written_without_its_city_is_the_citys_bureau():
    """市场监管局 starts with 市场, no level word: in a 烟台 report it is 烟台市市场监管局,
    the body written in full elsewhere in the report, not a '烟台市场监管局' of its own."""
    from pipeline import orgkeys
    full = orgkeys.org_key("烟台市市场监管局", {"kind": "bureau"}, [], ["370000", "370600"], "r")[0]
    short = orgkeys.org_key("市场监管局", {"kind": "bureau"}, [], ["370000", "370600"], "r")[0]
    assert short == full == "org:370600:烟台市市场监管局"
    assert orgkeys.org_core("市政府", 0) == "政府"


SEEWO_SHANGHAI = """上海推进在线教育

本报讯 近日，上海市教育委员会与希沃签署合作协议，希沃将为上海市中小学提供在线课程。
"""
SEEWO_ALONE = """在线教育报告发布

希沃日前发布在线教育报告，希沃表示将继续投入。
"""


def test_a_body_of_no_known_kind_placed_by_one_report_does_not_take_the_others(tmp_path):
    # 希沃 in a Shanghai report takes the report's place; the 希沃 of a report that names no
    # place is not joined into it (a corpus build had put 5 reports' 百度 in 上海 and 13
    # reports' 新东方 in 北京 so; both are known companies now, rules/org_known.tsv, placed by
    # no report), while a school placed so still joins (above)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEEWO_SHANGHAI, encoding="utf-8")
    (src / "b.txt").write_text(SEEWO_ALONE, encoding="utf-8")
    build.run(src, tmp_path / "out", workers=1, progress=False)
    ids = {(r["doc_id"], r["text"]): r["entity_id"] for r in read_table(tmp_path / "out", "mentions.csv")
           if r["label"] == "ORG"}
    assert ids[("b", "希沃")] == "org::希沃"
    assert ids[("a", "希沃")] != ids[("b", "希沃")]
