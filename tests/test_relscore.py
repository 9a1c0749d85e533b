"""The relation scorer on a tiny gold and build written here (rules of ANNOTATION.md
"Relations" and the reference scorer)."""
from __future__ import annotations

import json

from pipeline import relscore

MENTIONS = """doc_id,label,text,start,end,norm,entity_id
r1#1,ORG,槐荫区教体局,0,6,槐荫区教体局,org:370104:教育局
r1#1,PERSON,晋萍,10,12,晋萍,person:370104:晋萍
r1#1,PERSON,王五,20,22,王五,person:370104:王五
r1#2,ORG,督导组,30,33,督导组,org:370104:督导组
r1#2,ORG,张庄小学,40,44,张庄小学,org::张庄小学
r1#2,ORG,桃园路小学,50,55,桃园路小学,org:710000:桃园路小学
r1#2,PLACE,匡山街道,60,64,山东省济南市槐荫区匡山街道,place:370104/匡山街道
r1#2,MEASURE,“停课不停学”,70,77,停课不停学,measure:停课不停学
r1#2,MEASURE,云家访,80,83,云家访,measure:云家访
"""
ENTITIES = """entity_id,label,name,aliases,n_reports,n_mentions,adcode,level,parent_id,kind,roles
org:370104:教育局,ORG,槐荫区教体局,槐荫区教体局,1,1,370104,,,bureau,
person:370104:晋萍,PERSON,晋萍,晋萍,1,1,,,,,
person:370104:王五,PERSON,王五,王五,1,1,,,,,
org:370104:督导组,ORG,督导组,督导组,1,1,,,,other,
org::张庄小学,ORG,张庄小学,张庄小学,1,1,,,,school,
org:710000:桃园路小学,ORG,桃园路小学,桃园路小学,1,1,,,,school,
place:370104,PLACE,槐荫区,槐荫区,1,0,370104,county,place:370100,,
place:370104/匡山街道,PLACE,匡山街道,匡山街道,1,1,,village,place:370104,,
measure:停课不停学,MEASURE,停课不停学,停课不停学|“停课不停学”,1,1,,,,,
measure:云家访,MEASURE,云家访,云家访,1,1,,,,,
"""
RELATIONS = """source_id,target_id,type,doc_id,start,end,sentence,role,source_name,target_name,basis,date
person:370104:晋萍,org:370104:教育局,MEMBER_OF,r1#1,0,20,x,成教科科长,晋萍,槐荫区教体局,,
person:370104:王五,org:370104:教育局,MEMBER_OF,r1#1,0,20,x,,王五,槐荫区教体局,,
person:370104:王五,org:370104:督导组,MEMBER_OF,r1#2,0,20,x,组长,王五,督导组,,
org::张庄小学,org:370104:教育局,PART_OF,r1#2,0,20,x,,张庄小学,槐荫区教体局,,
org:370104:教育局,measure:停课不停学,IMPLEMENTS,r1#2,0,20,x,,槐荫区教体局,停课不停学,,
org:370104:教育局,place:370104,LOCATED_IN,r1#1,0,20,x,,槐荫区教体局,槐荫区,name,
"""


def write(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "r1.gold.json").write_text(json.dumps({
        "doc_id": "r1",
        "entities": [{"label": "ORG", "text": "槐荫区教体局"}, {"label": "PERSON", "text": "晋萍"},
                     {"label": "PERSON", "text": "王五"}, {"label": "ORG", "text": "张庄小学"},
                     {"label": "ORG", "text": "桃园路小学"}, {"label": "PLACE", "text": "匡山街道"}],
        "optional": [{"label": "ORG", "text": "督导组"}]}, ensure_ascii=False), "utf-8")
    (gold / "r1.rel.json").write_text(json.dumps({
        "doc_id": "r1",
        "member_of": [{"person": "晋萍", "org": "槐荫区教体局", "role": "科长"},
                      {"person": "晋萍", "org": "槐荫区教体局", "role": "科长"}],   # counted once
        "part_of": [{"child": "张庄小学", "parent": "槐荫区教体局"}],
        "measures": ["停课不停学", "控辍保学"],
        "implements": [{"org": "槐荫区教体局", "measure": "“停课不停学”"},
                       {"org": "槐荫区教体局", "measure": "云家访"}],
        "located_in": [{"entity": "槐荫区教体局", "adcode": "370104"},
                       {"entity": "匡山街道", "adcode": "370104"},
                       {"entity": "桃园路小学", "adcode": "320301"},
                       {"entity": "张庄小学", "adcode": "370104"}]}, ensure_ascii=False), "utf-8")
    t = tmp_path / "out" / "tables"
    t.mkdir(parents=True)
    for name, body in (("mentions", MENTIONS), ("entities", ENTITIES), ("relations", RELATIONS)):
        (t / f"{name}.csv").write_text(body, "utf-8-sig")
    return gold, tmp_path / "out"


def test_relation_scores_on_a_tiny_report(tmp_path):
    gold, out = write(tmp_path)
    summary, per = relscore.score_dir(gold, out)
    mo = summary["member_of"]
    # 王五 -> 教体局 is not in the gold: wrong; 王五 -> 督导组 only touches an optional span: left out
    assert (mo["gold"], mo["system"], mo["found"], mo["correct_system"]) == (1, 2, 1, 1)
    assert (mo["role_scored"], mo["role_correct"]) == (1, 1)   # 科长 inside 成教科科长
    assert summary["part_of"]["f1"] == 1.0
    assert (summary["measures"]["found"], summary["measures"]["system"], summary["measures"]["gold"]) == (1, 2, 2)
    imp = summary["implements"]
    assert (imp["found"], imp["gold"], imp["correct_system"], imp["system"]) == (1, 2, 1, 1)
    li = summary["located_in"]
    # the bureau by its edge, the street by its parent, the Taiwan placement is wrong, the
    # school has no place
    assert (li["exact"], li["wrong"], li["none"], li["placed"]) == (2, 1, 1, 3)
    assert li["precision"] == round(2 / 3, 4)
    verdicts = {d["entity"]: d["verdict"] for d in per["r1"]["located_detail"]}
    assert verdicts["桃园路小学"] == "wrong" and verdicts["张庄小学"] == "none"


def test_ancestor_codes_and_loose_names():
    assert relscore.compare_code("370100", "370104") == "ancestor"
    assert relscore.compare_code("370000", "370104") == "ancestor"
    assert relscore.compare_code("370100", "370100") == "exact"
    assert relscore.compare_code("320300", "370104") == "wrong"
    assert relscore.loose_eq("课后服务", "课后服务工作") and not relscore.loose_eq("课", "课后服务")
    assert relscore.mnorm("“双减” · 政策") == "双减政策"


def test_eval_prints_the_relation_table(tmp_path, capsys):
    from pipeline.__main__ import main
    gold, out = write(tmp_path)
    assert main(["eval", "--gold", str(gold), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| member_of | 1 | 2 | 1 | 0.500 | 1.000 | 0.667 |" in printed
    assert "located_in: 4 gold entities: exact 2" in printed


def test_a_folder_annotated_for_measures_only_scores_those(tmp_path, capsys):
    """data/annotations/relations: measures and implements of corpus articles, no entity
    gold and no member_of/part_of/located_in: `pipeline eval` prints those two relations only
    (not member_of at precision 0 against an empty gold)."""
    from pipeline.__main__ import main
    _, out = write(tmp_path)
    only = tmp_path / "only"
    only.mkdir()
    (only / "r1.rel.json").write_text(json.dumps({
        "doc_id": "r1", "measures": ["停课不停学"],
        "implements": [{"org": "槐荫区教体局", "measure": "停课不停学"}]}, ensure_ascii=False), "utf-8")
    summary, _ = relscore.score_dir(only, out)
    assert summary["annotated"] == ["implements", "implements_loose", "measures", "measures_loose"]
    assert main(["eval", "--gold", str(only), "--out", str(out), "--links", str(tmp_path / "none.tsv")]) == 0
    printed = capsys.readouterr().out
    assert "| implements | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |" in printed
    assert "| measures | 1 | 2 | 1 | 0.500 | 1.000 | 0.667 |" in printed
    assert "member_of" not in printed and "ENTITIES" not in printed and "located_in" not in printed
