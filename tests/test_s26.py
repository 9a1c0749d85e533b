"""Session of 2026-12-06, eleventh: speed (issue 12). The faster paths of the extraction
give the answers of the plain ones they replace, checked here against them on many made-up
cases; the generated reports of the scale benchmark read like reports (prose around the
names, no paragraph repeated) and carry about the real corpus's mentions per character;
the benchmark also measures a folder of real reports."""
from __future__ import annotations

import random
import re

import jieba

from pipeline import benchscale, gazetteer, orgkeys, scalegen
from pipeline.doc import Mention
from pipeline.entities import _overlap_test, _overlaps, lexicon, org_shapes, people
from pipeline.segmenter import FastJieba


def test_the_sorted_overlap_test_agrees_with_the_plain_one():
    rnd = random.Random(26)
    for _ in range(300):
        spans = [Mention("ORG", a, a + rnd.randint(1, 12), "x") for a in (rnd.randint(0, 80) for _ in range(rnd.randint(0, 9)))]
        test = _overlap_test(spans)
        for _ in range(20):
            a = rnd.randint(0, 95)
            m = Mention("PLACE", a, a + rnd.randint(0, 6), "y")
            assert test(m) == any(_overlaps(m, o) for o in spans), (m, spans)


def test_a_sections_named_divisions_by_the_beginning_of_their_names():
    gaz = gazetteer.get()
    named = frozenset(c for c in ("410300", "320400") if c in gaz.divisions)     # 洛阳市, 常州市
    towns = [c for c, d in gaz.divisions.items() if d.level == "town" and d.name.startswith("洛阳")][:3]
    named |= frozenset(towns)
    for head in ("洛", "洛阳", "洛阳镇", "常州", "常", "苏州", ""):
        plain = frozenset(c for c in named if c in gaz.divisions and gaz.divisions[c].name.startswith(head))
        assert orgkeys._named_starting(gaz, named, head) == plain
    assert orgkeys._named_starting(gaz, named, "洛阳") >= {"410300"}


def test_public_figures_are_found_where_their_names_are_words_and_not_in_a_doctrine():
    text = "习近平总书记强调，要学习习近平新时代中国特色社会主义思想。马克思主义学院邀请李大钊故居讲解员讲课。"
    words = [(s, e) for _, s, e in jieba.tokenize(text)]
    starts, ends = lexicon.word_bounds(words)
    got = [(m.text, m.start) for m in people.public_figures(text, starts, ends)]
    assert ("习近平", 0) in got
    assert not any(s == text.index("习近平", 1) for _, s in got)      # the doctrine's name
    assert "马克思" not in {t for t, _ in got}                             # inside 马克思主义
    # every public name the text holds is tried, in the order of the sorted list, as before
    order = [t for t, _ in got]
    assert order == sorted(order)


def test_the_tokenizer_gives_jiebas_words_again_for_a_block_it_has_met():
    fast = FastJieba(jieba.dt)
    text = "城南区教育局召开课后服务工作推进会，城南区教育局局长王海平出席。城南区教育局召开课后服务工作推进会。"
    first = fast.words(text)
    assert first == [w for w in jieba.cut(text) if w]
    assert fast.words(text) == first                 # the second time from the kept blocks
    assert "城南区教育局召开课后服务工作推进会" in fast._blocks


def test_the_tokenizer_keeps_no_blocks_when_told_and_gives_the_same_words():
    from pipeline import segmenter
    text = "城南区教育局召开课后服务工作推进会，城南区教育局局长王海平出席。"
    before = segmenter.keep_blocks(0)
    try:
        fast = FastJieba(jieba.dt)
        assert fast.words(text) == [w for w in jieba.cut(text) if w]
        assert not fast._blocks
    finally:
        segmenter.keep_blocks(before)
    assert before > 0


def test_a_numbered_list_of_schools_with_and_without_a_numbered_item():
    text = "本地昆一中、昆三中、云大附中、昆八中等学校参加。学生来自城关、南街、北关等社区。"
    words = [(s, e) for _, s, e in jieba.tokenize(text)]
    got = {m.text for m in org_shapes.numbered_list_items(text, words, [])}
    assert {"昆一中", "昆三中", "昆八中"} <= got
    assert not {m.text for m in org_shapes.numbered_list_items(text[text.index("学生"):], [
        (s - text.index("学生"), e - text.index("学生")) for s, e in words if s >= text.index("学生")], [])}


def test_generated_reports_are_prose_around_names_with_no_paragraph_repeated():
    reports = [scalegen.report(n) for n in range(40)]
    paras = [p for r in reports for p in r.split("\n\n")[4:-1]]      # after the opening, before the editor's line
    assert len(paras) > 150
    assert len(set(paras)) == len(paras)
    sentences = [s for p in paras for s in re.split(r"(?<=。)", p) if s]
    assert len(set(sentences)) > 0.97 * len(sentences)


def test_generated_reports_carry_about_the_real_corpus_mentions_per_character(nlp, tmp_path):
    from pipeline import extract
    counts, chars = {}, 0
    for n in range(12):
        p = tmp_path / f"r{n}.txt"
        p.write_text(scalegen.report(n), encoding="utf-8")
        res = extract.extract_report(p, nlp=nlp)
        chars += res["report"]["n_chars"]
        for s in res["sections"]:
            for m in s["mentions"]:
                counts[m["label"]] = counts.get(m["label"], 0) + 1
    per = {k: v / chars * 1000 for k, v in counts.items()}
    # the corpus: PLACE 7.3, ORG 9.2, NUMBER 5.8, PERSON 4.3, DATE 2.8, MEASURE 0.9 per 1,000
    # characters; the first generator: PERSON 9.7, DATE 8.4, NUMBER 14.8, MEASURE 12.0
    assert 4 <= per["PLACE"] <= 11 and 5 <= per["ORG"] <= 13
    assert per["PERSON"] <= 7 and per["DATE"] <= 5 and per["NUMBER"] <= 11 and per.get("MEASURE", 0) <= 3


def test_the_scale_benchmark_copies_a_real_folder_and_counts_its_cleaned_characters(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("城南小学举办读书节。", encoding="utf-8")
    (src / "b.html").write_bytes("<p>城北中学召开家长会。</p>".encode("gbk"))
    folder, n = benchscale.real_corpus(tmp_path / "bench", src)
    assert n == 2 and sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.html"]
    assert (folder / "b.html").read_bytes() == (src / "b.html").read_bytes()
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    (out / "tables" / "documents.csv").write_text("\ufeffdoc_id,n_chars\na,10\nb,9\n", encoding="utf-8")
    assert benchscale.cleaned_chars(out) == 19
