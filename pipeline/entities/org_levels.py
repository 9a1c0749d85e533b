"""A place's own bodies named by its level word alone (县政府, 省人大常委会, 县委宣传部:
rules/org_level_bodies.txt), and the same bodies written right after a division's full name
(黑龙江省 + 乡村振兴局: ``level_body_at``)."""
from __future__ import annotations

import functools
import re

from .. import rules
from ..doc import Mention
from . import lexicon
from .places import division_chain


LEVEL_WORDS = "省市县区州旗"
_LEVEL_WORD_RE = re.compile(f"[{LEVEL_WORDS}]")
# what may stand right before a body named by its level word (、县政府, 和县委), and before a
# name in general (org_shapes)
_NOT_BEFORE_LEVEL = frozenset("各全诸两")
BEFORE_NAME = frozenset("、，,。；;：:（(“\"《和与及同暨并由在对向到经据请从将被为是")


@functools.lru_cache(maxsize=None)
def _level_bodies() -> lexicon.WordList:
    return lexicon.WordList.of({w: True for w in rules.items("org_level_bodies.txt")})


def level_body_at(text: str, i: int) -> int:
    """The end of a place's own body (rules/org_level_bodies.txt: 教育局, 乡村振兴局) written at
    ``i``, 0 where none is."""
    hit = _level_bodies().match_at(text, i) if i < len(text) else None
    return hit[0] if hit else 0


def is_body_word(name: str) -> bool:
    """Whether a name of three characters or more is one of those bodies alone (卫健委,
    教体局): a body, whatever the model read it as (海南省教育厅、卫健委对…: no person)."""
    return len(name) >= 3 and level_body_at(name, 0) == len(name)


_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")


def _match_spaced(text: str, i: int) -> int:
    """The end of a level body written with a space inside (市委教育 工委, a line broken in the
    page the text comes from), 0 where it has none or no body matches."""
    window = text[i:i + 16]
    if not _INNER_SPACE.search(window):
        return 0
    squeezed, pos = [], []
    for k, ch in enumerate(window):
        if not (ch in " \u3000" and _INNER_SPACE.match(window, k)):
            squeezed.append(ch)
            pos.append(k)
    hit = _level_bodies().match_at("".join(squeezed), 0)
    if not hit or hit[0] < 2 or " " not in window[:pos[hit[0] - 1]] and "\u3000" not in window[:pos[hit[0] - 1]]:
        return 0
    return i + pos[hit[0] - 1] + 1


def level_bodies(text: str, words) -> list[Mention]:
    """A place's own bodies named by a level word alone (rules/org_level_bodies.txt):
    ``汉阴县委、县政府``, ``省人大常委会副主任``, ``县委宣传部部长``. The level word starts a word
    of its own (after a separator, a joining word or at a jieba word start that ends no
    division's name: ``汉阴县委`` is the model's) and the body ends a word or a role follows."""
    starts, ends = lexicon.word_bounds(words)
    gaz = lexicon.divisions()
    out = []
    for lw in _LEVEL_WORD_RE.finditer(text, 0, len(text) - 1):  # a level word with a character after it
        s = lw.start()
        hit = _level_bodies().match_at(text, s + 1)
        e = max(hit[0] if hit else 0, _match_spaced(text, s + 1))
        if not e:
            continue
        if e < len(text) and lexicon.is_cjk(text[e]) and e not in ends and not lexicon.roles().match_at(text, e):
            continue
        if s > 0 and text[s - 1] in _NOT_BEFORE_LEVEL or re.search(r"[（(][省市县区州旗][)）]$", text[max(0, s - 3):s]):
            continue   # 各区政府, 各县(市)区政府: every body of a kind, no one body
        if s > 0 and lexicon.is_cjk(text[s - 1]) and text[s - 1] not in BEFORE_NAME:
            if s not in starts or text[s - 1] in LEVEL_WORDS or \
                    any(gaz.lookup(text[k:s + 1]) for k in range(max(0, s - 6), s)):
                continue
        out.append(Mention("ORG", s, e, text[s:e], attrs={}))
    return out


# a place, 一 and a type word: "a school of that place" (裕华区一小学开展…, 山东省聊城市一小学取消…,
# 常德澧县一中学的女生宿舍: a corpus reading, thirty-sixth session), no name; 澧县一中学生 is a
# student of 澧县一中
_ONE_OF_A_KIND = re.compile(r"(.+?)一(?:小学|中学|学校|幼儿园|高校|大学)")


def one_of_a_kind(text: str, m: Mention) -> Mention | None:
    """An organisation written as a place, 一 and a type word (裕华区一小学: "a primary school
    of 裕华区") names no one body: the place stays a place, the rest is nothing."""
    hit = _ONE_OF_A_KIND.fullmatch(m.text) if m.label == "ORG" else None
    if hit is None or text[m.end:m.end + 1] == "生" or not division_chain(hit.group(1)):
        return m
    return Mention("PLACE", m.start, m.start + len(hit.group(1)), hit.group(1))
