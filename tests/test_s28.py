"""Speed-ups of the extraction that must never change a result: jieba-rs for the blocks it
cuts as jieba does (pipeline/segmenter.py), and look-ups that replace scans of word lists
(pipeline/entities/org_complete.py, pipeline/entities/lexicon.py)."""
from __future__ import annotations

import jieba
import pytest
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
@given(st.one_of(st.lists(st.sampled_from(BLOCK_CHARS), min_size=1, max_size=40),
                 st.lists(st.sampled_from("一南南人二学校区县"), min_size=1, max_size=12)).map("".join))
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
    got = []
    fast.block_words("一南南南人", got)          # jieba-rs's own HMM: 一南南 / 南人
    assert got == ["一南", "南南人"] == list(jieba.cut("一南南南人"))


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


# --------------------------------------------------------------------------- the listing
import os  # noqa: E402
import unicodedata  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline import build, inputs, store  # noqa: E402

_HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _printable_by_character(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif unicodedata.category(ch) in _HIDDEN or ch == "\\":
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


NAMES = st.text(alphabet=st.sampled_from(list("学校报告abc.-_ #/\\\u3000\u200b\u202e\n\t\x00") + ["\udc81", "\ue000", "\u0378"]),
                max_size=12)


@settings(max_examples=500, deadline=None)
@given(NAMES)
def test_a_name_is_shown_and_made_an_id_as_character_by_character(name):
    assert inputs.printable(name) == _printable_by_character(name)
    slow = "".join("%{:02X}".format(ord(c) - 0xDC00) if 0xDC80 <= ord(c) <= 0xDCFF
                   else "_" if c in "#/\\" or unicodedata.category(c) in _HIDDEN else c for c in name)
    assert inputs.safe_id(name) == inputs._id_of(name, slow)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.学 ")), min_size=1, max_size=8).filter(lambda n: n not in (".", "..")))
def test_stem_and_suffix_are_pathlibs(name):
    p = Path(name)
    assert inputs._stem_suffix(name) == ((p.stem, p.suffix) if p.suffix else (name, ""))


def test_the_listing_keeps_each_files_status_for_its_fingerprint(tmp_path):
    (tmp_path / "a.txt").write_text("城南区教育局召开会议。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("城北小学开学。", encoding="utf-8")
    os.symlink(tmp_path / "b.txt", tmp_path / "c.txt")
    entries = {e.rel: e for e in inputs.scan(tmp_path)}
    a, c = entries["a.txt"], entries["c.txt"]
    assert isinstance(a.path, Path) and a.path == tmp_path / "a.txt"
    assert a.st is not None and a.st.st_ino == os.stat(tmp_path / "a.txt").st_ino
    assert c.st is None and c.path == (tmp_path / "b.txt").resolve()   # a symlink: its target, stat'ed when asked
    for e in (a, c):
        assert store.fingerprint(e.at, {}, "v", e.doc_id, e.name, e.st) == \
            store.fingerprint(e.path, {}, "v", e.doc_id, e.name)
    metas, fps, _ = build.inputs_state(list(entries.values()), tmp_path, "v")
    assert set(fps) == {a.key, entries["b.txt"].key, c.key}
    (tmp_path / "a.txt").write_text("城南区教育局召开会议，局长出席。", encoding="utf-8")
    again = {e.rel: e for e in inputs.scan(tmp_path)}
    assert build.inputs_state(list(again.values()), tmp_path, "v")[1][a.key] != fps[a.key]


def test_a_short_names_division_matches_are_kept_and_the_same():
    from pipeline.entities import lexicon as lx
    gaz = lx.divisions()
    for name in ("山东省济南市槐荫区教育局", "杭州市第一中学", "城南区", "桐庐县江南初级中学"):
        first = list(gaz.scan(name))
        assert first == list(gaz._scan(name, 0, len(name)))
        assert list(gaz.scan(name)) == first          # the second time from what was kept
    assert list(gaz.scan("山东省济南市槐荫区教育局")) == [(0, 3), (3, 6), (6, 9)]
    long = "济南市槐荫区" * 20
    assert list(gaz.scan(long)) == list(gaz._scan(long, 0, len(long)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8), st.text(alphabet=st.sampled_from(["a", "学", "\udc81", "\x00", "#"]), max_size=6),
       st.dictionaries(st.sampled_from(["date", "title"]), st.text(max_size=5), max_size=2))
def test_a_fingerprint_hashes_each_part_followed_by_a_nul(version, name, meta):
    import hashlib
    import json
    st_ = os.stat(__file__)
    h = hashlib.sha256()
    for part in (f"{st_.st_size}:{st_.st_mtime_ns}:{st_.st_ino}", json.dumps(meta, sort_keys=True), version, "d1", name):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    assert store.fingerprint(Path(__file__), meta, version, "d1", name) == h.hexdigest()[:24]
    assert store.fingerprint(__file__, meta, version, "d1", name, st_) == h.hexdigest()[:24]


def test_a_build_raises_the_collectors_thresholds_and_puts_them_back(tmp_path, monkeypatch):
    import gc
    seen = []
    monkeypatch.setattr(build, "_build", lambda *a, **k: seen.append(gc.get_threshold()) or "done")
    before = gc.get_threshold()
    assert build.run(tmp_path, tmp_path / "out") == "done"
    assert seen == [build.GC_THRESHOLDS] and gc.get_threshold() == before
    monkeypatch.setattr(build, "_build", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build.run(tmp_path, tmp_path / "out")
    assert gc.get_threshold() == before


def test_without_jieba_rs_the_tokenizer_falls_back_to_the_route_search(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "rjieba", None)     # import rjieba raises ImportError
    segmenter._native.cache_clear()
    try:
        assert segmenter._native() is None
        fast = segmenter.FastJieba(jieba.dt)
        assert fast._native is None
        text = "城南区教育局召开课后服务工作推进会，一南南南人，网址163.com"
        assert fast.words(text) == [w for w in jieba.cut(text) if w]
    finally:
        monkeypatch.undo()
        segmenter._native.cache_clear()
    assert segmenter._native() is not None


# --------------------------------------------------------------------------- the model's words
from pipeline import nlp as nlp_mod  # noqa: E402
from pipeline.entities import features, model as model_mod  # noqa: E402

SCORE_CHARS = list("学校教育局王李张市区县的一是了党支部书记杨洪亮槐荫区 \n，。、abc12１２") + ["龘", "𠀀"]


def _both(text, context=None):
    nlp = nlp_mod.load(lexical=False)
    words = nlp.make_doc(text).user_data["edu_word_spans"]
    crf = model_mod.load().crf
    return (crf.state_scores(*features.columns(text, words, context)),
            crf.state_scores_by_word(*features.word_columns(text, words, context)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SCORE_CHARS), max_size=60).map("".join))
def test_the_words_features_made_per_word_give_the_same_scores_to_the_bit(text):
    a, b = _both(text, {"authors": ["王明"], "editor": "李华"})
    assert a.shape == b.shape and a.tobytes() == b.tobytes()


def test_the_same_scores_on_a_report():
    text = ("本报讯（记者 王明）3月5日，济南市槐荫区教育和体育局召开全区中小学校长会议，局长杨洪亮出席。"
            "锦官新城小学党支部书记李华介绍了“停课不停学”空中课堂的做法，全区38所学校、1200名教师参加。\n"
            "编辑：李华")
    a, b = _both(text, {"authors": ["王明"], "editor": "李华"})
    assert a.tobytes() == b.tobytes()
    assert a.shape == (len(text), len(model_mod.load().crf.labels))
