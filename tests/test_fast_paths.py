"""The speed passes' shortcuts (issue 12) against the slow way they replace, on Chinese
text: each must give exactly what the slow way gives."""
from __future__ import annotations

import bisect
import re
import sys

import jieba
import pytest

from pipeline import extract, ingest, nlp as nlp_mod, rules, segmenter
from pipeline.entities import lexicon
from pipeline.ingest import lines

TEXT = ("3月5日，城南区教育局召开会议，局长王海平要求全区38所学校做好准备。\n"
        "东阿县刘集镇中心小学党支部书记、校长杨洪亮说，学校以党建引领高质量发展！"
        "全区共有中小学一百二十三所，教师１２００余名（含ＡＢ两类）。\n\n"
        "据齐鲁晚报·齐鲁壹点记者许光海报道，济南市槐荫区教体局联合匡山街道开展活动？是的。")


def test_jieba_dictionary_from_its_cache_is_jiebas_own():
    jieba.setLogLevel(60)
    own = jieba.Tokenizer()
    own.initialize()  # jieba's way (it writes its cache when there is none yet)
    fast = jieba.Tokenizer()
    segmenter.initialize_jieba(fast)
    assert fast.initialized
    assert fast.total == own.total and fast.FREQ == own.FREQ
    assert fast.lcut(TEXT) == own.lcut(TEXT)


def test_jieba_without_a_cache_is_left_to_jieba(tmp_path):
    jieba.setLogLevel(60)
    dt = jieba.Tokenizer()
    dt.tmp_dir = str(tmp_path)  # no cache there: jieba builds its dictionary and writes one
    segmenter.initialize_jieba(dt)
    assert dt.initialized and (tmp_path / "jieba.cache").is_file()
    again = jieba.Tokenizer()
    again.tmp_dir = str(tmp_path)
    segmenter.initialize_jieba(again)  # now read from that cache
    assert again.FREQ == dt.FREQ and again.total == dt.total


def _longest_at(words: dict, text: str, i: int):
    """WordList.match_at the slow way: every word that starts at i, the longest."""
    hits = [w for w in words if text.startswith(w, i)]
    if not hits:
        return None
    w = max(hits, key=len)
    return i + len(w), words[w]


def test_word_list_matches_the_longest_word_at_every_position():
    words = {"教育局": "a", "教育": "b", "城南区教育局": "c", "学校": "d", "中心小学": "e", "小学": "f",
             "党支部书记": "g", "书记": "h", "准备": "i", "齐鲁壹点": "j"}
    wl = lexicon.WordList.of(words)
    for text in (TEXT, "准", "教育", "城南区教育", "小学党支部书"):  # words cut off at the end too
        for i in range(len(text)):
            assert wl.match_at(text, i) == _longest_at(words, text, i), (text, i)
        got = list(wl.scan(text))
        want, i = [], 0
        for k in range(len(text)):
            if k < i:
                continue
            hit = _longest_at(words, text, k)
            if hit:
                want.append((k, hit[0], hit[1]))
                i = hit[0]
        assert got == want


def test_full_width_letters_and_digits_only_where_there_are_some():
    for text in (TEXT, "教师１２００余名，ＡＢ两类", "全区38所学校", ""):
        got = ingest.normalise_chars(text, keep_tabs=True)
        assert got == text.translate(ingest.HALF_WIDTH)
    assert ingest.normalise_chars("教师１２００余名") == "教师1200余名"


def test_metadata_lines_as_before():
    assert lines.is_metadata_line("发布时间：2020-03-05 10:30 来源：城南区教育局")
    assert lines.is_metadata_line("2020年3月5日 星期四")
    assert not lines.is_metadata_line("3月5日，城南区教育局召开会议，局长王海平要求全区38所学校做好准备。")


def test_sentence_starts_are_set_on_their_tokens():
    nlp = nlp_mod.load()
    doc = nlp(TEXT)
    spans = doc._.sent_spans
    assert len(spans) >= 4
    starts = [t.idx for t in doc]
    want = [False] * len(doc)
    want[0] = True
    for s, _ in spans:  # the token holding each sentence's first character, one by one
        want[bisect.bisect_right(starts, s) - 1] = True
    assert [bool(t.is_sent_start) for t in doc] == want


def test_warm_loads_what_the_first_reports_would():
    extract.warm()
    # the numbers stage's Chinese numerals (一百二十三) need cn2an: loaded once, before any
    # worker is forked, not in each worker at its first such numeral
    assert "cn2an" in sys.modules
    doc = nlp_mod.run(nlp_mod.load(), "全区共有中小学一百二十三所。", doc_id="t", context={})
    assert [m.norm for m in nlp_mod.found(doc) if m.label == "NUMBER"] == ["123"]


def test_build_copy_without_lexical_attributes_finds_the_same():
    full, build = nlp_mod.load(), nlp_mod.load(lexical=False)
    assert build is not full and not build.vocab.lex_attr_getters
    ctx = {"pub_date": "2020-03-05", "anchor_year": 2020, "authors": ["许光海"], "title": "城南区教育局召开会议"}
    a = nlp_mod.run(full, TEXT, doc_id="t", context=dict(ctx), skip=extract.BUILD_SKIPS)
    b = nlp_mod.run(build, TEXT, doc_id="t", context=dict(ctx), skip=extract.BUILD_SKIPS)
    assert [(t.idx, t.text) for t in a] == [(t.idx, t.text) for t in b]
    key = lambda m: (m.start, m.end, m.label)  # noqa: E731
    assert sorted(nlp_mod.found(a), key=key) == sorted(nlp_mod.found(b), key=key)
    assert len(nlp_mod.found(a)) >= 10
    assert a._.claims == b._.claims and a._.relations == b._.relations
    # the library's pipeline keeps spaCy's lexical attributes
    assert [t.like_num for t in full("全区38所学校") if t.text == "38"] == [True]


WORDS = ["中学", "中心校", "中心", "中", "小学", "学校", "教育局", "教育", "局长", "a.b", "[x]", "^$"]


def _plain_alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@pytest.mark.parametrize("around", ["{}", "(?:{})$", "(?:{})校", "^(?:{})", "[^，]{{0,4}}?(?:{})长", "(?<=区)(?:{})"])
def test_trie_pattern_finds_what_the_alternation_finds(around):
    text = "城南区教育局局长、中心校校长和中学a.b中心小学[x]^$，区中心学校教育"
    plain = re.compile(around.format(_plain_alternation(WORDS)))
    trie = re.compile(around.format(rules.alternation(WORDS)))
    assert rules.alternation(WORDS) != _plain_alternation(WORDS)  # the trie, not the plain list
    for i in range(len(text)):
        want = [(m.start(), m.end()) for m in plain.finditer(text, i)]
        assert [(m.start(), m.end()) for m in trie.finditer(text, i)] == want
        m, w = trie.match(text, i), plain.match(text, i)
        assert (m and m.span()) == (w and w.span())
    assert rules.alternation([]) == rules.alternation([""]) == "(?!)"


def test_gazetteer_scan_kept_for_the_same_text_is_a_fresh_scan():
    gaz = lexicon.divisions()
    text = "东阿县刘集镇中心小学、济南市槐荫区教体局和城南区教育局在山东省济南市联合开展活动，" * 2
    first = list(gaz.scan(text))
    assert first and list(gaz.scan(text)) == first == list(gaz.scan(text, 0, len(text)))
    other = text.replace("槐荫区", "历城区")
    assert list(gaz.scan(other)) == list(gaz.scan(other, 0, len(other))) != first
    assert list(gaz.scan(text[5:])) == [(s - 5, e - 5) for s, e in first if s >= 5]


def test_word_bounds_follow_the_list_they_are_asked_for():
    words = [(0, 2), (2, 5), (6, 8)]
    assert lexicon.word_bounds(words) == ({0, 2, 6}, {2, 5, 8})
    other = [(0, 1), (1, 3)]
    assert lexicon.word_bounds(other) == ({0, 1}, {1, 3})
    words.append((8, 9))  # a list that changed is read again
    assert lexicon.word_bounds(words) == ({0, 2, 6, 8}, {2, 5, 8, 9})
