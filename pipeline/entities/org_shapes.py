"""Organisations found by their shape where the model misses or cuts them (issue 9):
a school by a place's short name and its number (``泉州五中``, ``朝天区二小``), a government's
media account in quotes (``《成都发布》``), the item of a list of organisations of one kind
(``糜滩教管中心、三滩教管中心``), a bureau's name the model ran into the schools listed after
it (``区教育局学校``)."""
from __future__ import annotations

import re

from ..doc import Mention
from . import lexicon
from .orgs import category, kind_of
from .places import division_chain

# what may stand right before a name that starts a word: 、泉州五中, 和县委
BEFORE_NAME = frozenset("、，,。；;：:（(“\"《和与及同暨并由在对向到经据请从将被为是")
# what no name in a list holds: joining words, particles, pronouns
NOT_IN_NAME = re.compile(r"[的与及、是在为对向从到将由据经请让被把给了着等说有和或各该本我其]")

_BUREAU_END = re.compile(r"(局|厅|教委|教育工委)(学校|中小学|中学|小学|学生|班级)$")


def cut_bureau_schools(m: Mention) -> Mention:
    """区教育局学校班级学生四级互联防疫网: schools (or classes, pupils) written right after a
    bureau in a list without separators are not part of its name: 区教育局."""
    hit = _BUREAU_END.search(m.text)
    if hit and hit.start(2) >= 3 and kind_of(m.text[:hit.start(2)])[0] in ("bureau", "government"):
        k = hit.start(2)
        return Mention(m.label, m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))
    return m


# a school by a place's short name and its number: 泉州五中, 砀山二中, 朝天区二小, 河北衡水二中;
# not 三小时, 一小部分, 三中全会, 二中心
_SCHOOL_ABBREV = re.compile(r"([一二三四五六七八九十]{1,3})([中小])")
_NOT_AFTER_ABBREV = {"中": frozenset("心全队型期级段央间"), "小": frozenset("时区部批块段组撮份些半")}
# a government's media account in quotes: 《成都发布》, “平安南宁发布”
_ACCOUNT = re.compile(r"[《“]([\u4e00-\u9fff]{2,8}?)发布[》”]")


def school_abbrevs(text: str, words) -> list[Mention]:
    """Names written short (rules find them where the model does not): a school as a
    division's name (full or short: 泉州, 朝天区, 河北衡水) and its number with 中 or 小
    (``泉州五中``, ``朝天区二小``), starting a word; a government's media account, a
    division's name and 发布 in quotes (``《成都发布》``)."""
    starts = lexicon.word_bounds(words)[0]
    out = []
    for hit in _SCHOOL_ABBREV.finditer(text):
        p, e = hit.start(), hit.end()
        if e < len(text) and text[e] in _NOT_AFTER_ABBREV[hit.group(2)]:
            continue
        if p > 0 and text[p - 1] == "第":
            continue
        k = next((k for k in range(max(0, p - 10), p - 1)
                  if division_chain(text[k:p]) and (k == 0 or k in starts or not lexicon.is_cjk(text[k - 1])
                                                     or text[k - 1] in BEFORE_NAME)), None)
        if k is None:
            continue
        out.append(Mention("ORG", k, e, text[k:e], attrs={"kind": "school"}))
    for hit in _ACCOUNT.finditer(text):
        k = hit.start(1)
        if division_chain(hit.group(1)):
            out.append(Mention("ORG", k, hit.end(1) + 2, text[k:hit.end(1) + 2], attrs={"kind": "media"}))
    return out


_LIST_KINDS = ("school", "kindergarten", "unit", "research", "bureau", "hospital")
_SEP_AFTER_ITEM = frozenset("、，,。；;等和及与")


def list_siblings(text: str, words, ms: list[Mention]) -> list[Mention]:
    """An organisation in a list of its kind the model left out: ``对糜滩教管中心、三滩教管中心、
    兴隆教管中心``. The item next to a found one (across a 、) that ends in the same type word
    is an organisation too: the item before it from the earliest word start after a joining
    word or a separator; the item after it up to the type word, where a separator follows."""
    starts = lexicon.word_bounds(words)[0]
    busy = bytearray(len(text))
    for m in ms:
        busy[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    for m in ms:
        if m.label != "ORG":
            continue
        kind, typ = kind_of(m.text)
        if kind not in _LIST_KINDS or len(typ) < 2 or len(m.text) - len(typ) < 2:
            continue
        # the item before: ...X typ、 m
        e = m.start
        while e > 0 and text[e - 1] in " \u3000":
            e -= 1
        if e > 0 and text[e - 1] == "、" and text[:e - 1].endswith(typ) and not busy[e - 2]:
            end = e - 1
            k = end - len(typ)
            first = None
            while k > 0 and end - k < 12 and lexicon.is_cjk(text[k - 1]) and not busy[k - 1] \
                    and not NOT_IN_NAME.match(text[k - 1]):
                k -= 1
                if k in starts and end - k == len(m.text):    # items of one shape: 糜滩教管中心、三滩教管中心
                    first = k
            if first is not None:
                out.append(Mention("ORG", first, end, text[first:end], attrs={}))
        # the item after: m、 X typ (、，。)
        s = m.end
        if s < len(text) and text[s] == "、":
            s += 1
            while s < len(text) and text[s] in " \u3000":
                s += 1
            k = text.find(typ, s, s + 12)
            if k - s >= 2 and k + len(typ) < len(text) and text[k + len(typ)] in _SEP_AFTER_ITEM \
                    and not any(busy[s:k + len(typ)]) and not NOT_IN_NAME.search(text[s:k]) \
                    and all(lexicon.is_cjk(c) for c in text[s:k]):
                out.append(Mention("ORG", s, k + len(typ), text[s:k + len(typ)], attrs={}))
    # a name of its own before the type word, not a common word (测试中心、网络中心 are facilities)
    return [m for m in out if not category(m.text) and m.text not in lexicon.generic_orgs()
            and not lexicon.known(m.text[:len(m.text) - len(kind_of(m.text)[1])])]
