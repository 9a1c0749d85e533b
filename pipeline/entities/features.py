"""Character features for the entity model: what the characters are, where jieba cuts
the words, and what the rule lists (pipeline/entities/lexicon.py) find around them.

One list of feature strings per character of a text. The model learns from them how far
to trust each list: a division's name (``会同`` is a county and "together with"), an
organisation's type word (``中学`` ends a school or reads "in secondary school"), a role
or a cue next to a surname.

Dense features (every character has them): the character and its neighbours (two on each
side, single and in pairs), its place in jieba's word and the word's part of speech.
Sparse features (only where a list matches): ``NAME{k}=TAG`` says that the character k
places on is tagged TAG by list NAME, e.g. ``ro-2=RleB`` (a role word of kind lead begins
two characters further on: ``王军校长``).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .. import rules
from ..gazetteer import ADMIN_SUFFIXES
from . import lexicon

# the feature set's version: a model is only read with the features it was trained on
# (models/entities.json records it; change it whenever a feature's name or meaning changes)
VERSION = 3
LEVEL_CHARS = frozenset("省市县区旗州盟镇乡")

# characters outside Chinese are reduced to their class; full-width forms count as their
# half-width twins (the public corpora write digits and letters full-width)
_CLASS = {}
for _c in range(0x21, 0x7F):
    _ch = chr(_c)
    _CLASS[_c] = "0" if _ch.isdigit() else "a" if _ch.isalpha() else _ch
    _CLASS[_c + 0xFEE0] = _CLASS[_c]
for _c in (0x09, 0x0A, 0x0D, 0x20, 0x3000, 0xA0):
    _CLASS[_c] = "_"
del _c, _ch


def norm_text(text: str) -> str:
    """The text with digits as 0, Latin letters as a, white space as _ (same length)."""
    return text.translate(_CLASS)


def _mark(tags: dict, s: int, e: int, name: str) -> None:
    """Position tags for one match: B (first), I (inside), E (last), S (one character)."""
    if e - s == 1:
        tags[s] = name + "S"
        return
    tags[s] = name + "B"
    for k in range(s + 1, e - 1):
        tags[k] = name + "I"
    tags[e - 1] = name + "E"


@functools.lru_cache(maxsize=None)
def _regex(which: str):
    """A regex finding the words of one list, longest first (C speed; a trie: one branch
    per character)."""
    wl = {"ot": lexicon.org_types, "ko": lexicon.known_orgs, "ro": lexicon.roles, "cu": lexicon.cues,
          "xp": lexicon.extra_places, "ab": lexicon.place_abbreviations, "bl": lexicon.schooling_words,
          "st": lexicon.stop_words}[which]()
    return re.compile(rules.trie_pattern(wl.words)), wl.words


_PREFIX = {"ot": lambda v: "T" + v[0][:4], "ko": lambda v: "K", "ro": lambda v: "R" + v[:2],
           "cu": lambda v: "C" + v[0], "xp": lambda v: "X", "ab": lambda v: "A", "bl": lambda v: "L",
           "st": lambda v: "S"}


@functools.lru_cache(maxsize=None)
def _translit_re():
    return re.compile("[" + re.escape(lexicon.translit_chars()) + "]{3,}")


@functools.lru_cache(maxsize=None)
def _surname_re():
    surn = lexicon.surnames()
    comp = [k for k, v in surn.items() if v == "compound"]
    single = [k for k in surn if len(k) == 1]
    return re.compile("|".join(map(re.escape, sorted(comp, key=len, reverse=True)))
                      + ("|" if comp else "") + "[" + "".join(map(re.escape, single)) + "]")


_BEGIN_END = {k: ("B" + str(k), "E" + str(k)) for k in (2, 3, 4)}


def base_tags(text: str, words: list[tuple[int, int]], context: dict | None = None) -> dict:
    """Per-character tags from every source, before windowing: dense lists for the
    characters and jieba's words, sparse dicts {position: tag} for the lists."""
    out = _word_tags(text, words)
    out.update(list_tags(text, words, context))
    return out


# a character's place in jieba's word (wp=), as _word_tags spells it ("O": in no word)
WORD_PLACES = ("O", "S", "B2", "E2", "B3", "E3", "B4", "E4", "M")


class Words(NamedTuple):
    """jieba's words (spaces left out) as the features see them: where each starts, its
    length, the part of speech its characters carry (wt=: "-" for one character or a word
    not in Chinese, else the dictionary's tag or "unk") and the word for the w= feature
    (None where it has none)."""
    starts: list[int]
    lengths: list[int]
    tags: list[str]
    texts: list[str | None]


def word_columns(text: str, words: list[tuple[int, int]], context: dict | None = None) -> tuple[str, Words, list]:
    """columns' features with the words' own per word (Words) instead of per character, for
    LinearChainCRF.state_scores_by_word: the normalised text, the words, and the sparse
    features of the lists (columns' sparse but its last, w=)."""
    t = list_tags(text, words, context)
    sparse = [(tuple(f"{name}{off}=" for off in offsets), offsets, t[name]) for name, offsets in SPARSE]
    return t["c"], word_list(text, words), sparse


def word_list(text: str, words: list[tuple[int, int]]) -> Words:
    """jieba's words as the features see them (Words)."""
    tag_of = lexicon.pos_table().get
    starts, lengths, tags, texts = [], [], [], []
    for s, e in words:
        starts.append(s)
        lengths.append(e - s)
        if e - s >= 2 and "\u3400" <= text[s] <= "\u9fff":   # lexicon.is_cjk
            w = text[s:e]
            tags.append(tag_of(w) or "unk")
            texts.append(w)
        else:
            tags.append("-")
            texts.append(None)
    return Words(starts, lengths, tags, texts)


def _word_tags(text: str, words: list[tuple[int, int]]) -> dict:
    """wp (the character's place in its word), wt (the word's part of speech) per
    character, and wd {position: word} for the characters of words in Chinese: the
    words of word_list spelt out character by character."""
    n = len(text)
    wp = ["O"] * n
    wt = ["-"] * n
    wd = {}
    for s, L, tag, w in zip(*word_list(text, words)):
        if L == 1:
            wp[s] = "S"
            continue
        e = s + L
        wp[s], wp[e - 1] = _BEGIN_END[min(L, 4)]
        wp[s + 1:e - 1] = ["M"] * (L - 2)
        if w is not None:
            wt[s:e] = [tag] * L
            wd.update(dict.fromkeys(range(s, e), w))
    return {"wp": wp, "wt": wt, "wd": wd}


def list_tags(text: str, words: list[tuple[int, int]], context: dict | None = None) -> dict:
    """The normalised characters (c) and the sparse tags {position: tag} of the lists."""
    out = {"c": norm_text(text)}
    gz = {}
    gaz = lexicon.divisions()
    by_name, divisions = gaz.by_name, gaz.divisions
    starts, ends = lexicon.word_bounds(words)
    last = -1
    for s, e in gaz.scan(text):
        if s < last:
            continue
        name = text[s:e]
        codes = by_name.get(name)  # gaz.lookup(name)'s first division
        lvl = divisions[codes[0]].level[:3] if codes else "x"
        full = "f" if name.endswith(ADMIN_SUFFIXES) else "s"
        if full == "s" and e < len(text) and text[e] in LEVEL_CHARS:
            e, full = e + 1, "l"  # a short name with its level word: 屏边 + 县
        last = e
        _mark(gz, s, e, "G" + lvl + full + ("a" if s in starts and e in ends else "n"))
    out["gz"] = gz
    for which in ("ot", "ko", "ro", "cu", "xp", "ab", "bl", "st"):
        rx, table = _regex(which)
        d = {}
        pre = _PREFIX[which]
        for m in rx.finditer(text):
            _mark(d, m.start(), m.end(), pre(table[m.group()]))
        out[which] = d
    sn = {}
    surn = lexicon.surnames()
    for m in _surname_re().finditer(text):
        st = surn[m.group()]
        sn[m.start()] = "Ncp" if st == "compound" else "N" + st[:2]
    out["sn"] = sn
    tl = {}
    for m in _translit_re().finditer(text):
        _mark(tl, m.start(), m.end(), "F")
    out["tl"] = tl
    by = {}
    names = set((context or {}).get("authors") or [])
    if (context or {}).get("editor"):
        names.add(context["editor"])
    for name in names:
        if 2 <= len(name) <= 6:
            i = text.find(name)
            while i >= 0:
                _mark(by, i, i + len(name), "Y")
                i = text.find(name, i + 1)
    out["by"] = by
    return out


# (name, offsets) of the sparse features: the row of character j gets "name{k}=TAG" when
# the character j + k carries TAG
SPARSE = (("gz", (-1, 0, 1)), ("ot", (-1, 0, 1, 2)), ("ro", (-3, -2, -1, 0, 1, 2, 3)),
          ("cu", (-1, 0, 1, 2, 3)), ("sn", (-2, -1, 0)), ("ko", (0,)), ("xp", (0,)), ("by", (0,)),
          ("ab", (0,)), ("bl", (1, 2)), ("st", (-1, 0)), ("tl", (0,)))


# the dense features, in the order featurize lists them for a character: first those of
# the characters around it (name, offsets of the characters whose text makes the value),
# then those of jieba's word
CHAR_FEATURES = (("c=", (0,)), ("c-1=", (-1,)), ("c+1=", (1,)), ("c-2=", (-2,)), ("c+2=", (2,)),
                 ("c-1c=", (-1, 0)), ("cc+1=", (0, 1)), ("c-2c-1=", (-2, -1)), ("c+1c+2=", (1, 2)),
                 ("c-1c+1=", (-1, 1)))
BOUNDS = ("<s>", "</s>")  # the characters before the text and after it


def columns(text: str, words: list[tuple[int, int]], context: dict | None = None) -> tuple[str, list, list]:
    """The features of featurize as columns, for the tagger (pipeline/entities/crf.py):
    ``chars`` (the normalised text; its CHAR_FEATURES come from it), ``dense`` (name, value
    of every character) for the word features, ``sparse`` (names, offsets, {character:
    value}): character j gets ``names[i] + value`` for each offsets[i] = k where character
    j + k has a value, in the order featurize appends them to a character's list (the lists'
    matches are marked left to right, so a character's sparse features come by offset
    within each list), then ``w=`` (offset 0). featurize and this agree feature for feature
    (tests/test_crf.py); featurize stays the one the model is trained on."""
    t = base_tags(text, words, context)
    wp, wt = t["wp"], t["wt"]
    dense = [("wp=", wp), ("wt=", wt), ("wpt=", list(map(str.__add__, wp, wt)))]
    sparse = [(tuple(f"{name}{off}=" for off in offsets), offsets, t[name]) for name, offsets in SPARSE]
    sparse.append((("w=",), (0,), t["wd"]))
    return t["c"], dense, sparse


def featurize(text: str, words: list[tuple[int, int]], context: dict | None = None,
              spans: list[tuple[int, int]] | None = None) -> list[list[list[str]]]:
    """Feature lists per character, for each span (sentence) of the text."""
    t = base_tags(text, words, context)
    n = len(text)
    wp, wt = t["wp"], t["wt"]
    C = ["<s>", "<s>"] + list(t["c"]) + ["</s>", "</s>"]
    m2, m1, c0, p1, p2 = C[0:n], C[1:n + 1], C[2:n + 2], C[3:n + 3], C[4:n + 4]
    cols = (
        ["c=" + x for x in c0], ["c-1=" + x for x in m1], ["c+1=" + x for x in p1],
        ["c-2=" + x for x in m2], ["c+2=" + x for x in p2],
        ["c-1c=" + a + b for a, b in zip(m1, c0)], ["cc+1=" + a + b for a, b in zip(c0, p1)],
        ["c-2c-1=" + a + b for a, b in zip(m2, m1)], ["c+1c+2=" + a + b for a, b in zip(p1, p2)],
        ["c-1c+1=" + a + b for a, b in zip(m1, p1)],
        ["wp=" + x for x in wp], ["wt=" + x for x in wt], ["wpt=" + a + b for a, b in zip(wp, wt)],
    )
    rows = [list(r) for r in zip(*cols)]
    for name, offsets in SPARSE:
        for i, tag in t[name].items():
            for off in offsets:
                j = i - off
                if 0 <= j < n:
                    rows[j].append(f"{name}{off}={tag}")
    for i, w in t["wd"].items():
        rows[i].append("w=" + w)
    out = []
    for a, b in (spans or [(0, n)]):
        seq = rows[a:b]
        if seq:
            seq[0].append("BOS")
            seq[-1].append("EOS")
        out.append(seq)
    return out
