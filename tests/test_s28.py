"""Speed-ups of the extraction that must never change a result: jieba-rs for the blocks it
cuts as jieba does (pipeline/segmenter.py), and look-ups that replace scans of word lists
(pipeline/entities/org_complete.py, pipeline/entities/lexicon.py)."""
from __future__ import annotations

import jieba
from hypothesis import given, settings, strategies as st

from pipeline import segmenter
from pipeline.entities import lexicon, org_complete
from pipeline.doc import Mention

# Chinese in and out of jieba's dictionary, rare characters (the HMM's ties), letters, digits
BLOCK_CHARS = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
                   "学校教育局党支部书记停课不停学空中课堂锦官新城小学杨洪亮槐荫区济南正月初三元宵节月日号至到两三十百千万"
                   "龘䶮𠀀鿐㐀abcXYZ0123456789")


def test_jieba_rs_is_in_use_for_the_default_dictionary():
    segmenter.initialize_jieba()
    assert segmenter._native() is not None
    assert segmenter.FastJieba(jieba.dt)._native is not None
    assert segmenter.FastJieba(jieba.dt, native=False)._native is None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_CHARS), min_size=1, max_size=40).map("".join))
def test_a_block_cut_by_jieba_rs_has_the_route_searchs_words(block):
    fast, slow = segmenter.FastJieba(jieba.dt), segmenter.FastJieba(jieba.dt, native=False)
    got, want = [], []
    fast.block_words(block, got)
    slow.route_words(block, want)
    assert got == want
    assert fast.words(block) == [w for w in jieba.cut(block) if w]


def test_marks_inside_a_block_go_to_the_route_search_and_give_jiebas_words():
    fast = segmenter.FastJieba(jieba.dt)
    for text in ("详见网易163.com教育频道", "电话0592-2180100咨询", "合格率98.5%以上", "C++和C#课程"):
        assert fast.words(text) == [w for w in jieba.cut(text) if w], text
    got: list[str] = []
    fast.block_words("163.com", got)
    assert got == ["163", ".", "com"]           # jieba-rs would keep 163.com whole


def test_a_word_added_to_jieba_turns_jieba_rs_off():
    base = jieba.Tokenizer()
    segmenter.initialize_jieba(base)
    fast = segmenter.FastJieba(base)
    assert fast._native is not None
    text = "学校党支部书记杨洪亮主持会议"
    assert fast.words(text) == list(base.cut(text))
    base.add_word("支部书记", 10_000_000)
    got = fast.words(text)          # the old scores are stale, but jieba-rs is no longer asked
    assert fast._native is None
    again = segmenter.FastJieba(base)
    assert again._native is None    # the dictionary is no longer jieba's own
    assert again.words(text) == list(base.cut(text)) and "支部书记" in again.words(text)
    assert got is not None


def test_a_clause_word_inside_a_name_parts_it_as_before():
    text = "华商报记者来到实验中学，中国学生群体是帝国理工学院的"
    words = [(s, e) for _, s, e in jieba.tokenize(text)]
    word_at = dict(words)
    m = Mention("ORG", text.index("中国"), text.index("的"), "中国学生群体是帝国理工学院")
    parts = org_complete.cut_clause(text, m, word_at)
    assert [p.text for p in parts] == ["帝国理工学院"]
    whole = Mention("ORG", 0, text.index("，"), "华商报记者来到实验中学")
    assert org_complete.cut_clause(text, whole, word_at) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="校长副书记主任局处部门学院教务处党委书记院长区委书记王李", max_size=14), st.integers(0, 16))
def test_the_post_before_a_name_is_the_longest_as_the_scan_of_the_list_found_it(text, at):
    want = next((r for r in lexicon.post_roles() if text.startswith(r, at - len(r))), "")
    assert lexicon.post_role_before(text, at) == want


def test_the_post_before_a_name():
    text = "兰州大学校长严纯华，人力资源和社会保障局局长韩加明"
    assert lexicon.post_role_before(text, text.index("严纯华")) == "校长"
    assert lexicon.post_role_before(text, text.index("韩加明")) == "局长"
    assert lexicon.post_role_before(text, text.index("人力")) == ""
