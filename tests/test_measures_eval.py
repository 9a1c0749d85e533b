"""Measures (lexicon and discovery, one name per measure) and the scorers."""
from __future__ import annotations

import json

from pipeline import evaluate
from pipeline.nlp import found


def measures(analyse, text) -> list[tuple[str, str]]:
    doc = analyse(text, pub_date="2021-03-01")
    return [(m.text, m.norm) for m in sorted(found(doc), key=lambda m: m.start) if m.label == "MEASURE"]


def test_quoted_names_after_verbs_and_before_suffixes_are_measures(analyse):
    got = measures(analyse, "区教育局开展“温暖在线”教育行动，启动“云调查”，扎实开展“阳光午餐”活动，推行“三进”工作法。")
    assert ("温暖在线", "温暖在线") in got and ("云调查", "云调查") in got
    assert ("“阳光午餐”活动", "阳光午餐") in got  # a measure no list knows; the text keeps 活动, the name not
    assert ("“三进”工作法", "三进工作法") in got


def test_variants_are_one_measure(analyse):
    got = measures(analyse, "确保“离校不离教、停课不停学”。全区落实停课不停学要求，“停课不停学”成效明显。")
    assert {n for _, n in got} == {"停课不停学", "离校不离教"} or {n for _, n in got} == {"停课不停学"}
    assert all(n in ("停课不停学", "离校不离教") for _, n in got) and len(got) >= 3


def test_systems_named_after_a_verb_of_adopting(analyse):
    got = measures(analyse, "县教育局要求学校严格实行晨午检和零报告制度。")
    assert any(n.endswith("制度") for _, n in got)


def test_quoted_phrases_that_are_no_measures(analyse):
    assert measures(analyse, "开展“战疫”宣传，这是一场“考试”。") == []


def test_the_organisation_that_carries_a_measure_out(analyse):
    doc = analyse("为保障线上教学，城南区教育局第一时间启动“空中课堂”。", pub_date="2020-02-10")
    imp = {(r.source, r.target) for r in doc._.relations if r.type == "IMPLEMENTS"}
    org = next(m for m in found(doc) if m.label == "ORG")
    assert org.text == "城南区教育局" and (org.key, "measure:空中课堂") in imp


def test_gold_scoring_follows_the_annotation_guide(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "r1.gold.json").write_text(json.dumps({
        "doc_id": "r1", "entities": [{"label": "ORG", "text": "槐荫区教体局"}, {"label": "PERSON", "text": "晋萍"}],
        "optional": [{"label": "ORG", "text": "督导组"}],
        "dates": [{"text": "1月22日", "value": "2020-01-22"}],
        "numbers": [{"text": "56名", "value": 56, "unit": "名", "approx": False}]}, ensure_ascii=False), "utf-8")
    out = tmp_path / "out" / "tables"
    out.mkdir(parents=True)
    (out / "mentions.csv").write_text(
        "doc_id,label,text,start,end,norm,entity_id\n"
        "r1#1,ORG,槐荫区 教体局,0,6,,x\n"      # a section of r1; inner spaces do not count
        "r1#2,ORG,督导组,0,3,,x\n"             # optional: neither right nor wrong
        "r1#2,PERSON,晋萍,0,2,,x\n"
        "r1#2,PERSON,晋萍,9,11,,x\n"           # counted once per report
        "r1#1,PLACE,槐荫,0,2,,x\n"             # wrong
        "r1#1,DATE,1月22日,0,5,2020-01-22,x\n"
        "r1#1,NUMBER,56名,0,3,56,x\n"
        "r1#1,NUMBER,3所,0,2,3,x\n", "utf-8")
    res = evaluate.score(evaluate.load_gold(gold), evaluate.load_pred(out / "mentions.csv", ["r1"]))
    assert (res["ORG"]["tp"], res["ORG"]["fp"], res["ORG"]["fn"]) == (1, 0, 0)
    assert (res["PERSON"]["tp"], res["PLACE"]["fp"]) == (1, 1)
    assert res["DATE"]["f1"] == 1.0
    assert (res["NUMBER"]["tp"], res["NUMBER"]["fp"]) == (1, 1)
    assert round(res["ENTITIES"]["p"], 3) == round(2 / 3, 3)


def test_a_gold_file_of_entities_only_scores_no_dates_or_numbers(tmp_path):
    """data/annotations annotates entities only ("scored"): the build's dates and numbers of
    those reports are neither right nor wrong, and a set made only of such files has no
    DATE or NUMBER row; a report with full gold beside it is scored as before."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "c1.gold.json").write_text(json.dumps({
        "doc_id": "c1", "scored": ["ORG", "PERSON", "PLACE"],
        "entities": [{"label": "ORG", "text": "中公教育"}], "optional": []}, ensure_ascii=False), "utf-8")
    out = tmp_path / "out" / "tables"
    out.mkdir(parents=True)
    (out / "mentions.csv").write_text(
        "doc_id,label,text,start,end,norm,entity_id\n"
        "c1,ORG,中公教育,0,4,,x\n"
        "c1,DATE,1月22日,9,14,2020-01-22,x\n"
        "c1,NUMBER,3所,20,22,3,x\n"
        "r1,NUMBER,3所,0,2,3,x\n", "utf-8")
    res = evaluate.score(evaluate.load_gold(gold), evaluate.load_pred(out / "mentions.csv", ["c1"]))
    assert set(res) == {"ORG", "PERSON", "PLACE", "ENTITIES"}
    assert res["ENTITIES"]["f1"] == 1.0
    (gold / "r1.gold.json").write_text(json.dumps({
        "doc_id": "r1", "entities": [], "optional": [], "dates": [],
        "numbers": [{"text": "3所", "value": 3, "unit": "所", "approx": False}]}, ensure_ascii=False), "utf-8")
    res = evaluate.score(evaluate.load_gold(gold), evaluate.load_pred(out / "mentions.csv", ["c1", "r1"]))
    assert (res["NUMBER"]["tp"], res["NUMBER"]["fp"]) == (1, 0)   # c1's 3所 is not counted
    assert (res["DATE"]["tp"], res["DATE"]["fp"]) == (0, 0)


def test_annotated_reports_are_unpacked_from_an_archive_of_texts(tmp_path):
    """make eval-corpus: the articles the annotation names come out of the corpus archive
    (the repository holds the annotation, not the texts); others stay in it."""
    import io
    import tarfile
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "c00007.gold.json").write_text('{"doc_id": "c00007", "entities": []}', "utf-8")
    archive = tmp_path / "corpus_docs.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        for name, text in (("docs/c00007.txt", "城南区第二中学开学。"), ("docs/c00008.txt", "另一篇。")):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    into = tmp_path / "in"
    (into / "old").mkdir(parents=True)
    assert evaluate.archive_docs(archive, gold, into) == 1
    assert sorted(p.name for p in into.iterdir()) == ["c00007.txt"]
    assert (into / "c00007.txt").read_text("utf-8") == "城南区第二中学开学。"
    assert evaluate.main(["docs", "--archive", str(tmp_path / "none.tar.xz"), "--gold", str(gold),
                          "--into", str(into)]) == 2


def test_bio_scoring_reads_character_bio(tmp_path):
    bio = tmp_path / "t.bio"
    rows = [("新", "B-ORG"), ("华", "I-ORG"), ("社", "I-ORG"), ("记", "O"), ("者", "O"), ("在", "O"),
            ("北", "B-LOC"), ("京", "I-LOC"), ("报", "O"), ("道", "O"), ("。", "O")]
    bio.write_text("\n".join(f"{c} {t}" for c, t in rows) + "\n\n", encoding="utf-8")
    sents = evaluate.read_bio(bio)
    assert sents == [("新华社记者在北京报道。", [t for _, t in rows])]
    assert evaluate.bio_spans(sents[0][1]) == {("ORG", 0, 3), ("PLACE", 6, 8)}
    res = evaluate.score_bio(bio)
    assert res["ORG"]["f1"] == 1.0 and res["PLACE"]["f1"] == 1.0
