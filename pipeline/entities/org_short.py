"""Short forms of the organisations a report names in full, found where the report writes
them alone (the model rarely knows them): 锦官新城小学 -> 锦小, 梧州市第八中学 -> 梧州八中,
宜丰县石市镇中心小学 -> 石市中心小学, 北京四中 -> 四中, 电子科技大学 -> 电子科大."""
from __future__ import annotations

import functools
import re

from .. import names, rules
from ..doc import Mention
from ..util import occurrences
from . import lexicon
from .org_shapes import NOT_AFTER_NUMBERED
from .orgs import NUM_CH, kind_of

# a numbered school's type word in its short form (第九幼儿园: 九幼, 第二小学: 二小)
NUMBERED_HEADS = {"中学": "中", "小学": "小", "幼儿园": "幼"}

# the short forms of a university's type words (华东师范大学: 华东师大, 西安交通大学: 西安交大)
UNIVERSITY_SHORT = {"科技大学": "科大", "师范大学": "师大", "交通大学": "交大", "工业大学": "工大",
                    "财经大学": "财大", "理工大学": "理工", "农业大学": "农大", "医科大学": "医大"}


def short_forms(text: str, words, orgs: list[Mention], taken) -> list[Mention]:
    """Short forms of the organisations named in full in the same text: 锦官新城小学 ->
    锦小, 梧州市第八中学 -> 梧州八中, 宜丰县石市镇中心小学 -> 石市中心小学."""
    gaz = lexicon.divisions()
    forms: dict[str, Mention] = {}
    ends_word: set[str] = set()
    for o in orgs:
        whole = _whole_word_forms(gaz, o.text)
        for c in whole:
            forms.setdefault(c, o)
            ends_word.add(c)
        kind, suf = kind_of(o.text)
        if not suf or kind not in ("school", "kindergarten", "university", "company", "research"):
            continue
        name = o.text[: len(o.text) - len(suf)]
        prefix_end, last_place = 0, None
        for s, e in gaz.scan(name):
            if s == prefix_end:
                prefix_end, last_place = e, name[s:e]
        core = re.sub(r"^(市|县|区|镇|乡)", "", name[prefix_end:])
        cands = set()
        head = {"小学": "小", "中学": "中", "幼儿园": "幼", "大学": "大"}.get(suf, "")
        if head and len(core) >= 2 and not re.search(f"[{NUM_CH}]", core):
            cands.add(core[0] + head)
            if len(core) >= 4:
                cands.add(core[0] + core[2] + head)
        m = re.fullmatch(f"(.*?)第([{NUM_CH}]+)(中学|小学|幼儿园)", o.text)
        if m:     # 梧州市第八中学: 梧州八中; 杭锦旗第九幼儿园: 九幼 where it stands as a word
            short = m.group(2) + NUMBERED_HEADS[m.group(3)]
            if m.group(1):
                place = m.group(1)
                for s, e in gaz.scan(place):
                    if s == 0:
                        cands.add(gaz.lookup(place[:e])[0].alias + short)
                cands.add(place + short)
            forms.setdefault(short, o)
            ends_word.add(short)
        if last_place and last_place[-1] in "镇乡" and len(last_place) >= 3 and prefix_end > len(last_place):
            cands.add(last_place[:-1] + name[prefix_end:] + suf)
        for c in cands:
            if len(c) >= 2 and c != o.text and c not in o.text[len(o.text) - len(c):]:
                forms.setdefault(c, o)
    starts, ends = lexicon.word_bounds(words)
    word_end = dict(words)
    out = []
    for form, full in sorted(forms.items(), key=lambda x: -len(x[0])):     # longest first: 三里河三小, not 三小
        for s, e in occurrences(text, form):
            if word_end.get(s, e) > e:
                continue      # 中小 (of 中华路小学) in the word 中小学: a word of its own, not the school
            if any(a < e and s < b and not (s <= a and b <= e and b - a < e - s) for a, b in taken) \
                    or any(x.start < e and s < x.end for x in out):
                continue      # (a mention inside the form gives way to it: 三里河 of 三里河三小)
            if s not in starts and s > 0 and lexicon.is_cjk(text[s - 1]):
                continue
            if form in ends_word and e not in ends and e < len(text) and lexicon.is_cjk(text[e]):
                continue
            if e < len(text) and text[e] in NOT_AFTER_NUMBERED.get(form[-1], ()) and len(form) <= 3:
                continue      # 一小时, 三中全会, 二中心
            out.append(Mention("ORG", s, e, form, attrs={"short_of": full.text}))
    return out


def _whole_word_forms(gaz, name: str) -> set[str]:
    """Short forms that must stand as a word of their own where they are written (四中 of
    北京四中, not of 四中全会): a numbered school without its place, a university by the short
    form of its type word (电子科技大学: 电子科大, 华东师范大学: 华东师大)."""
    out = set()
    n = re.fullmatch(f"(.+?)([{NUM_CH}]{{1,3}}[中小])", name)
    if n and [e for _s, e, *_ in gaz.scan(n.group(1))][-1:] == [len(n.group(1))]:
        out.add(n.group(2))
    for long, short in UNIVERSITY_SHORT.items():
        if name.endswith(long) and len(name) > len(long) + 1:
            out.add(name[:-len(long)] + short)
    return out


# the type words after which a foreign or brand name written alone is the body's short name
_NAMED_BODY_TYPES = ("大学", "学院", "学校", "中学", "小学", "公司", "集团", "基金会", "研究院", "医院")


def names_of_bodies(ms: list[Mention]) -> list[Mention]:
    """A person the model read in a name that the same report writes in full as an
    organisation's (康奈尔 and 康奈尔大学, 伊利 and 伊利集团, 塞梅尔维斯 and 塞梅尔维斯大学) is that
    organisation's short name, when it reads as a foreign or brand name (every character one
    of rules/translit_chars.txt, or not opening with a common surname): 李亚男 of 李亚男小学
    stays a person."""
    full = {m.text for m in ms if m.label == "ORG"}
    sounds, surnames = set(lexicon.translit_chars()), lexicon.surnames()
    out = []
    for m in ms:
        if m.label == "PERSON" and (set(m.text) <= sounds or surnames.get(m.text[0]) != "common"):
            body = next((m.text + t for t in _NAMED_BODY_TYPES if m.text + t in full), None)
            if body:
                m = Mention("ORG", m.start, m.end, m.text, attrs={**m.attrs, "short_of": body})
        out.append(m)
    return out


# a short name the report defines right after a full name: （简称“慧科”）, (以下简称苏大孔院)
_DEFINED = re.compile(r"[ \u3000]?[(（](?:以下)?简称[：:]?[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[”\"」]?[)）]")


def defined_short_names(text: str, ms: list[Mention]) -> list[Mention]:
    """A short name the report defines right after an organisation's full name
    (慧科教育科技集团有限公司（简称“慧科”）, 苏伊士运河大学孔子学院（简称苏大孔院）) is that
    organisation wherever the report writes it, whatever the model read there (慧科 as a person)."""
    org_end = {m.end: m for m in ms if m.label == "ORG"}
    defined = {}
    for hit in _DEFINED.finditer(text):
        o = org_end.get(hit.start())
        if o is not None and hit.group(1) != o.text and (kind_of(o.text)[0] != "other" or lexicon.known(o.text)) \
                and text[o.start - 1:o.start] not in ("、", "和", "与", "及"):
            # (not an exam the model took for a body; not the last of a list the short name
            # stands for: 自治区公安厅、自治区司法厅(以下简称“自治区政法机关”))
            if not re.fullmatch(r"[该本我此这][\u4e00-\u9fff]{1,2}", hit.group(1)):    # (以下简称该校): an anaphor
                defined[hit.group(1)] = o.text
    out = list(ms)
    for short, full in defined.items():
        for hit in re.finditer(re.escape(short), text):
            k, e = hit.start(), hit.end()
            covering = [m for m in out if m.label == "ORG" and m.start <= k and e <= m.end]
            for m in covering:
                if (m.start, m.end) == (k, e):
                    m.attrs["short_of"] = full    # the model's own 国科大: still the defined body's
            if covering:
                continue          # already an organisation's, or inside one's name
            out = [m for m in out if not (m.label in ("PERSON", "PLACE") and m.start < e and k < m.end
                                          or m.label == "ORG" and k <= m.start and m.end <= e)]   # 科大 of 国科大
            out.append(Mention("ORG", k, e, short, attrs={"short_of": full}))
    return out


# a university written as a place and the short form of its type word: 上海交大, 华中农大,
# 中国科大, 福建师大 (not 中国地大物博: 地大 is none of these)
_UNIVERSITY_HEADS = tuple(sorted(set(UNIVERSITY_SHORT.values()) - {"理工"} | {"民大", "林大", "矿大"},
                                 key=lambda h: (-len(h), h)))


def place_universities(text: str, ms: list[Mention]) -> list[Mention]:
    """A place the model found right before a university's short type word (上海 + 交大, 中国 +
    农大) is that university's name, written short: one organisation over both. Not where
    the pair runs on into a longer word (师大学生 is still 师大's student; 科大讯飞 a company)."""
    made = []
    for m in ms:
        if m.label == "PLACE":
            head = next((h for h in _UNIVERSITY_HEADS if text.startswith(h, m.end)), "")
            e = m.end + len(head)
            if head and not text.startswith(("讯飞", "附"), e):
                made.append(Mention("ORG", m.start, e, text[m.start:e], attrs={"kind": "university"}))
    return [m for m in ms if not any(x.start < m.end and m.start < x.end for x in made)] + made


@functools.lru_cache(maxsize=None)
def _findable_short_names() -> lexicon.WordList:
    known = names.known()
    return lexicon.WordList.of({w: known[w][0] for w in rules.items("org_short_found.txt") if w in known})


def known_short_names(text: str, words) -> list[Mention]:
    """Universities written by a short name of rules/org_short_found.txt (考入复旦, 浙大学子)
    where jieba's words do not cut the short name apart; linking keys them to their full
    name (rules/org_names.tsv)."""
    starts, ends = lexicon.word_bounds(words)
    return [Mention("ORG", s, e, text[s:e], attrs={"kind": "university"})
            for s, e, _ in _findable_short_names().scan(text)
            if (s in starts or s == 0 or not lexicon.is_cjk(text[s - 1]))
            and (e in ends or e == len(text) or not lexicon.is_cjk(text[e]))]
