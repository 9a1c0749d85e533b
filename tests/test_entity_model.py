"""The trained entity model: it loads from models/, it reads features made from the rule
lists, it finds entities in a report written for this test, and the precise overrides do
what they promise (each checked on spans built in the test, not on the model's guesses)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import build
from pipeline.entities import features, model as model_mod, orgs, people
from pipeline.nlp import Mention

from .conftest import read_table


# --------------------------------------------------------------------------- the model file

def test_the_shipped_model_loads_and_tags():
    path = model_mod.model_path()
    assert path.exists(), "models/entities.crfsuite ships in the repository"
    assert path.stat().st_size < 30_000_000
    m = model_mod.load()
    text = "昨天，黄河路小学校长刘建华带领老师走访了南阳市卧龙区的学生家庭。"
    words = _words(text)
    spans = m.spans(text, words, {}, [(0, len(text))])
    got = {(lab, text[s:e]) for s, e, lab, _p in spans}
    assert ("ORG", "黄河路小学") in got
    assert ("PERSON", "刘建华") in got
    assert ("PLACE", "南阳市卧龙区") in got or ("PLACE", "卧龙区") in got
    assert all(0.0 < p <= 1.0 for *_x, p in spans)


def test_a_missing_model_gives_a_clear_error(tmp_path):
    with pytest.raises(model_mod.MissingModel, match="make train"):
        model_mod.EntityModel(tmp_path / "nothing.crfsuite")


def test_the_component_names_its_model_in_the_config():
    text = (Path(__file__).resolve().parent.parent / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    assert 'model = "entities.crfsuite"' in text


def test_bioes_round_trip():
    spans = [(0, 3, "ORG"), (5, 6, "PERSON"), (7, 9, "PLACE")]
    tags = model_mod.encode(10, spans)
    assert tags[:3] == ["B-ORG", "I-ORG", "E-ORG"] and tags[5] == "S-PERSON"
    assert model_mod.decode(tags) == spans
    # a run cut short still gives its span
    assert model_mod.decode(["B-ORG", "I-ORG", "O", "I-PLACE"]) == [(0, 2, "ORG"), (3, 4, "PLACE")]


# --------------------------------------------------------------------------- features

def _words(text):
    from pipeline import nlp as nlp_mod
    return nlp_mod.load().tokenizer(text).user_data["edu_word_spans"]


def test_features_carry_what_the_rule_lists_know():
    text = "校长王小明来到会同县第一中学。"
    rows = features.featurize(text, _words(text), {}, [(0, len(text))])[0]
    assert len(rows) == len(text)
    wang = rows[2]
    assert "c=王" in wang and any(f.startswith("sn0=N") for f in wang)      # a surname
    assert any(f.startswith("ro-2=Rle") for f in wang)                    # a lead role just before
    hui = rows[text.index("会同")]
    assert any(f.startswith("gz0=Gcou") for f in hui)                     # a county's name
    zhong = rows[text.index("中学")]
    assert any(f.startswith("ot0=Tscho") for f in zhong)                  # a school type word
    assert rows[0][-1] == "BOS" and "EOS" in rows[-1]


def test_full_width_digits_read_as_digits():
    assert features.norm_text("２０２０年ABC") == features.norm_text("2020年abc") == "0000年aaa"


def test_byline_names_are_a_feature():
    text = "记者张晓雨报道"
    rows = features.featurize(text, _words(text), {"authors": ["张晓雨"]}, [(0, len(text))])[0]
    assert "by0=YB" in rows[2] and "by0=YE" in rows[4]


# --------------------------------------------------------------------------- overrides

def test_the_kind_of_an_organisation_comes_from_its_type_word():
    assert orgs.kind_of("红旗路小学")[0] == "school"
    assert orgs.kind_of("槐荫区教体局")[0] == "bureau"
    assert orgs.kind_of("新华社")[0] == "media"
    assert orgs.kind_of("某某某")[0] == "other"


def test_a_unit_records_the_organisation_it_belongs_to():
    text = "红旗路小学党支部召开会议"
    m = Mention("ORG", 0, 8, "红旗路小学党支部")
    attrs = orgs.attrs_for(text, m)
    assert attrs["unit_of"] == [0, 5] and attrs["unit_of_kind"] == "school" and attrs["kind"] == "party"


def test_units_written_after_their_organisation_join_it():
    text = "红旗路小学党支部和新华社·新华网"
    got = orgs.join_units(text, [Mention("ORG", 0, 5, "红旗路小学"), Mention("ORG", 9, 12, "新华社"),
                                 Mention("ORG", 13, 16, "新华网")])
    assert [m.text for m in got] == ["红旗路小学党支部", "新华社·新华网"]


def test_leading_words_that_begin_no_name_are_cut(ents):
    got = ents("会议由区教师进修学校承办，图为果洛州委的同志。")
    orgs_found = {t for lab, t in got if lab == "ORG"}
    assert not any(t.startswith(("由", "图为")) for t in orgs_found)


def test_a_place_directly_before_an_organisation_is_part_of_its_name():
    from pipeline.entities import _merge_heads
    text = "东阿县刘集镇中心小学"
    got = _merge_heads(text, [Mention("PLACE", 0, 3, "东阿县"), Mention("ORG", 3, 10, "刘集镇中心小学")])
    assert [(m.label, m.text) for m in got] == [("ORG", "东阿县刘集镇中心小学")]


def test_a_name_found_once_is_found_at_its_other_occurrences():
    from pipeline.entities import _propagate
    text = "张明远说，张明远的学生和张明远路小学"
    words = _words(text)
    got = _propagate(text, [Mention("PERSON", 0, 3, "张明远")], {a for a, _ in words}, {b for _, b in words})
    spans = sorted((m.start, m.end) for m in got)
    assert (5, 8) in spans and (0, 3) in spans


def test_ordinary_words_are_not_people():
    assert not people.plausible("形势的严峻性", 3, 6)
    assert not people.plausible("马克思主义理论", 0, 3)
    assert people.plausible("马克思说过", 0, 3)
    assert people.plausible("阿迪力·阿布都赛买提", 0, 10)
    assert not people.plausible("王", 0, 1)


def test_the_byline_names_people_wherever_the_text_does():
    got = people.bylined("记者 田晓东 报道。田晓东写道", {"authors": ["田晓东"], "editor": ""})
    assert [(m.start, m.text) for m in got] == [(3, "田晓东"), (10, "田晓东")]


def test_known_bodies_and_the_outlet_are_organisations(ents):
    got = ents("教育部印发通知。本报记者从齐鲁晚报获悉。", source="齐鲁晚报")
    assert ("ORG", "教育部") in got and ("ORG", "齐鲁晚报") in got


# --------------------------------------------------------------------------- a report never seen

REPORT = """为进一步落实“双减”政策，6月12日，青州市教育和体育局召开全市课后服务推进会。
局党组书记、局长孙建国出席会议并讲话，副局长赵晓燕主持会议。
会上，青州市云门山街道中心小学校长李丽君介绍了学校“5+2”课后服务的经验，
青州第二中学党总支书记王立强作了交流发言。
据了解，全市132所中小学已全部开展课后服务，参与学生达8.6万人。"""


def test_a_report_never_seen_by_the_model(ents):
    got = ents(REPORT, pub_date="2021-06-15")
    people_found = {t for lab, t in got if lab == "PERSON"}
    orgs_found = {t for lab, t in got if lab == "ORG"}
    places_found = {t for lab, t in got if lab == "PLACE"}
    assert {"孙建国", "赵晓燕", "李丽君", "王立强"} <= people_found
    assert {"青州市教育和体育局", "青州第二中学党总支"} <= orgs_found
    assert any(o.endswith("云门山街道中心小学") for o in orgs_found)
    # roles are not part of names, and nothing generic is an organisation
    assert not any(p.endswith(("书记", "局长", "校长")) for p in people_found)
    assert not orgs_found & {"中小学", "全市132所中小学", "学校"}
    assert not places_found & {"全市"}


# --------------------------------------------------------------------------- training

def test_training_is_deterministic_and_learns(tmp_path):
    """`make train` in miniature, on text written here: the same data give the same
    model file, and the model learns the labels it was given."""
    from pipeline import nlp as nlp_mod
    from pipeline.entities import training
    nlp = nlp_mod.load()
    text = "海淀区教委主任张三来到清河中学。\n清河中学校长李四在海淀区迎接。"
    gold = [("海淀区教委", "ORG"), ("张三", "PERSON"), ("清河中学", "ORG"), ("李四", "PERSON"), ("海淀区", "PLACE")]
    spans = training._occurrences(text, gold)
    assert (0, 5, "ORG") in spans and (26, 29, "PLACE") in spans  # longest first, every occurrence
    seqs = training.section_sequences(nlp, text, {}, spans, masked=[(21, 23)]) * 5
    paths = [tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"]
    for p in paths:
        training.train(seqs, p, c1=0.0, c2=0.01, iterations=30)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    m = model_mod.EntityModel(paths[0])
    got = {(lab, text[s:e]) for s, e, lab, _p in m.spans(text, _words(text), {}, nlp_mod.sentence_spans(text))}
    assert {("PERSON", "张三"), ("ORG", "清河中学"), ("PLACE", "海淀区")} <= got


def test_public_sets_are_brought_to_our_guide():
    from pipeline.entities import training
    text = "四川省江油市华丰中学和中国政府欢迎江总书记"
    spans = [(0, 6, "PLACE"), (6, 10, "ORG"), (11, 13, "PLACE"), (17, 18, "PERSON")]
    got, masked = training.convert_bio(text, spans)
    assert (0, 10, "ORG") in got          # a place before an organisation is part of its name
    assert (11, 15, "ORG") in got         # X政府 is an organisation
    assert masked == [(17, 18)]           # a lone surname before a title is optional


def test_a_category_of_schools_is_no_organisation():
    for name in ("全国小学", "武侯区小学", "城乡中小学校", "农村学校", "各级学校", "中小学"):
        assert orgs.category(name), name
    # a name of its own before the type word, or a named kind of school, is a school
    for name in ("泗洪中学", "市实验小学", "红旗路小学", "武侯区第一实验小学", "县一中"):
        assert not orgs.category(name), name


def test_an_unclosed_bracket_ends_a_name():
    text = "南方周末(企鹅号)报道"
    assert orgs.cut_bracket(text, Mention("ORG", 0, 8, "南方周末(企鹅号")).text == "南方周末"
    assert orgs.cut_bracket(text, Mention("ORG", 0, 9, "南方周末(企鹅号)")).text == "南方周末(企鹅号)"


def test_two_bodies_run_together_are_split():
    text = "县人社局会同县财政局发文"
    got = orgs.split_joined(text, Mention("ORG", 0, 10, "县人社局会同县财政局"))
    assert [m.text for m in got] == ["县人社局", "县财政局"]
    got = orgs.trim_joiner(text, Mention("ORG", 4, 10, "会同县财政局"), {4})
    assert got.text == "县财政局"
    text = "人民日报-人民网"
    assert [m.text for m in orgs.split_joined(text, Mention("ORG", 0, 8, text))] == ["人民日报", "人民网"]


def test_a_chain_of_places_written_together_is_one_place():
    from pipeline.entities import places
    text = "他出生在四川省凉山州会理县，如今在湖南省长沙市工作。"
    ms = [Mention("PLACE", 4, 7, "四川省"), Mention("PLACE", 7, 10, "凉山州"), Mention("PLACE", 10, 13, "会理县"),
          Mention("PLACE", 17, 20, "湖南省")]
    got = [(m.label, m.text) for m in places.join_chains(text, ms)]
    assert got == [("PLACE", "四川省凉山州会理县"), ("PLACE", "湖南省长沙市")]


def test_division_names_are_places_the_model_cannot_miss(ents):
    got = ents("会理县组织教师培训。")
    assert ("PLACE", "会理县") in got
    assert places_only_divisions("江苏省扬州市江都区")


def places_only_divisions(name):
    from pipeline.entities import places
    return places.division_chain(name) and not places.division_chain(name + "教育局")


def test_students_of_a_level_and_a_study_agency_are_not_people():
    # 高中生 reads like surname 高 + 中生, 金吉列 like 金 + 吉列 (a study-abroad agency)
    assert not people.plausible("高中生为81%", 0, 3)
    assert not people.plausible("金吉列留学总裁朱燕民", 0, 3)
    assert people.plausible("高中华说", 0, 3)


def test_a_report_on_high_school_students_names_no_person(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("近视率调查\n\n调查显示，小学生近视率为36%，初中生为71.6%，高中生为81%。对于高中生而言，学业负担较重。\n",
                               encoding="utf-8")
    build.run(src, tmp_path / "out", workers=1, progress=False)
    assert not [r for r in read_table(tmp_path / "out", "mentions.csv") if r["label"] == "PERSON"]


def test_training_reads_the_builds_words_without_any_model():
    """make train reads words with the tokenizer alone, so a model can be trained after a
    feature change made the one in models/ unreadable (it would refuse to load)."""
    from pipeline import nlp as nlp_mod
    tok = nlp_mod.load_tokenizer()
    assert tok.pipe_names == []
    text = "昨天，黄河路小学校长刘建华带领老师走访了南阳市卧龙区的学生家庭。"
    assert tok.tokenizer(text).user_data["edu_word_spans"] == _words(text)
