"""The build's tokenizer gives exactly the tokens of spaCy's jieba tokenizer, and the faster
regex scanning gives exactly the matches of ``re``: both are speed-ups that must never
change a result."""
from __future__ import annotations

import random
import re

import jieba
from hypothesis import given, settings, strategies as st
from jieba import finalseg

from pipeline import dates, nlp as nlp_mod, numbers, segmenter
from pipeline.util import finditer_at

from .conftest import RAW

# characters that exercise every branch: Chinese in and out of jieba's dictionary, rare
# characters (ties in the HMM), Latin letters, digits, punctuation, every kind of space
ALPHABET = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
                "学校教育局党支部书记停课不停学空中课堂锦官新城小学杨洪亮槐荫区济南正月初三元宵节月日号至到两三十百千万"
                "龘䶮𠀀鿐㐀") + list("abcXYZ0123456789.%_-+#&，。、；：“”（）—…") + [" ", "  ", "\n", "\t", "\u3000", "\xa0", "\r\n"]


def _tokens(nlp, text):
    return [(t.text, t.whitespace_) for t in nlp.make_doc(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_the_same_tokens_as_spacys_jieba_tokenizer(text):
    ours, bare = nlp_mod.load(), nlp_mod.blank()
    assert _tokens(ours, text) == _tokens(bare, text)
    # and the offsets the stages read are those of the Doc
    doc = ours.make_doc(text)
    assert doc._.tokens == [(t.idx, t.idx + len(t.text), t.text) for t in doc]
    assert doc.user_data["edu_word_spans"] == [(t.idx, t.idx + len(t.text)) for t in doc if not t.text.isspace()]


def test_the_same_tokens_on_the_seed_reports():
    ours, bare = nlp_mod.load(), nlp_mod.blank()
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _tokens(ours, text) == _tokens(bare, text), path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET[:-7]), min_size=1, max_size=30).map("".join))
def test_the_same_words_as_jieba_and_its_hmm(text):
    fast = segmenter.FastJieba(jieba.dt)
    assert fast.words(text) == [w for w in jieba.cut(text) if w]
    assert list(fast.cut(text)) == list(jieba.cut(text))
    out: list[str] = []
    segmenter.hmm_cut(text, out)
    assert out == list(finalseg.cut(text))


def test_hmm_ties_break_as_in_jieba():
    # characters the HMM has never seen score the same in every state: only the
    # tie-breaking decides, and it must be jieba's
    rnd = random.Random(7)
    chars = "龘䶮鿐㐀𠀀的是学校人"
    texts = ["龘" * n for n in range(1, 9)] + ["二人人人人", "校校校校学", "人一一一人", "学𠀀校一一一是"] + ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 8)))
                                             for _ in range(3000)]
    for text in texts:
        out: list[str] = []
        segmenter.hmm_cut(text, out)
        assert out == list(finalseg.cut(text)), text


_DATEISH = st.lists(st.sampled_from(list("0123456789 \n年月日号至到-/.:：今去明前当正腊冬初十廿一二三四五六七八九〇零两"
                                         "春节元宵除夕农历上午下午晚上时点分半许第每周近约余多名所人个万亿")),
                    max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DATEISH)
def test_scanning_at_start_characters_finds_what_re_finds(text):
    for _kind, rx, first in dates._patterns():
        assert [m.span() for m in finditer_at(rx, text, first)] == [m.span() for m in rx.finditer(text)]
    assert [m.span() for m in finditer_at(dates._TIME, text, dates._TIME_FIRST)] == \
        [m.span() for m in dates._TIME.finditer(text)]
    # numbers: every match at every position, as a search from each next position gives
    t = numbers._tables()
    starts = [m.start() for m in t["start"].finditer(text)]
    for kind in ("fraction", "percent", "tenths", "claim", "bare"):
        expected, pos = [], 0
        while (m := t[kind].search(text, pos)) is not None:
            expected.append(m.span())
            pos = m.start() + 1
        assert [m.span() for m in numbers._overlapping(t[kind], text, starts)] == expected


def test_finditer_at_is_finditer_for_any_pattern():
    rx = re.compile(r"(?:约|近)?\d+(?:名|所)")
    text = "近10所学校、约200名教师和3名校长"
    assert [m.group() for m in finditer_at(rx, text, re.compile(r"[约近\d]"))] == ["近10所", "约200名", "3名"]


def test_a_changed_jieba_dictionary_is_followed():
    """Words added to jieba (add_word, a user dictionary) change its routes; the cached
    scores of the fast route search must not outlive them."""
    base = jieba.Tokenizer()
    base.initialize()
    fast = segmenter.FastJieba(base)
    text = "学校党支部书记杨洪亮主持会议"
    assert fast.words(text) == list(base.cut(text))
    base.add_word("支部书记", 10_000_000)
    assert fast.stale()
    again = segmenter.FastJieba(base)
    assert again.words(text) == list(base.cut(text)) and "支部书记" in again.words(text)
