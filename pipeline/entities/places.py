"""Places: what the model finds, checked against China's divisions (JioNLP's table,
pipeline/gazetteer.py), with what the place stage needs to resolve it.

Precise overrides, each from ANNOTATION.md:
* a name made only of divisions (``江苏省扬州市江都区``) is a PLACE, whatever the model
  says, and a division's full name (``屏边县``, ``匡山街道``) standing as a word of its own
  is a PLACE where the model found nothing;
* named stations and airports (rules/place_suffixes.txt: ``济南西站``) are places;
* named places that are not divisions (mountains, rivers, regions:
  rules/places_extra.tsv) carry their level so that the place stage keys them by name.
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import rules
from ..gazetteer import ADMIN_SUFFIXES
from ..doc import Mention
from . import lexicon


def attrs_for(m: Mention) -> dict:
    attrs = dict(m.attrs)
    level = lexicon.extra_places().words.get(m.text)
    if level and not lexicon.divisions().lookup(m.text):
        attrs["level"] = level
    return attrs


def plausible(text: str, s: int, e: int) -> bool:
    """A place name holds a Chinese character and no sentence punctuation; one character
    only when it is a known short name (川, 皖, 美 in 中美: rules/place_abbrev.tsv)."""
    name = text[s:e]
    if e - s == 1:
        # a province's short name (川, 皖), or one of a pair or list of short names (中美, 台港澳)
        abbr = lexicon.place_abbreviations().words
        full = abbr.get(name)
        return bool(full) and (full.endswith(("省", "自治区")) or text[s - 1:s] in abbr or text[e:e + 1] in abbr)
    if name in _never() or name.endswith("路线"):
        return False      # 地球, 太阳; a route (田庄京西星火路线): no place in ANNOTATION.md's sense (rules/place_never.txt)
    if any(text.startswith(w, e) for w in _not_before().get(name, ()) + _not_before().get("*", ())) \
            and not _PEOPLES_DIVISION.match(text, e):
        return False      # 中华 + 民族, 蒙古 + 族, any name + 频道: no place (rules/place_not_before.tsv)
    if _LANGUAGE.match(text, e):
        return False      # 西班牙语, 维吾尔语: a language, no place (北美语言考试 keeps 北美)
    if len(name) == 2 and all(c in _LEVEL_WORDS for c in name):
        return False      # 区州党委, 省市县: level words of several divisions, no one place
    return bool(lexicon.CJK_RE.search(name)) and not any(c in "，。；：！？、,;:!?" for c in name)


_LEVEL_WORDS = frozenset("省市县区州旗盟乡镇村")
# a language named after a land, not the words 语言 (language), 语文, 语境, 语音 after a place
_LANGUAGE = re.compile(r"语(?![言文境音录气调])")
# a people's name inside a division's (三岔口朝鲜族镇, 延边朝鲜族自治州): a part of a place
_PEOPLES_DIVISION = re.compile(r"族(?:[\u4e00-\u9fff]{0,6}?自治|镇|乡|村)")


@functools.lru_cache(maxsize=None)
def _never() -> frozenset[str]:
    return frozenset(rules.items("place_never.txt"))


@functools.lru_cache(maxsize=None)
def _not_before() -> dict[str, tuple[str, ...]]:
    """rules/place_not_before.tsv: a name -> the words after it that make it no place."""
    return {row[0]: tuple(w for w in row[1].split("|") if w) for row in rules.table("place_not_before.tsv") if len(row) > 1}


def citizens(text: str, m: Mention, starts: frozenset) -> Mention:
    """A place whose level word starts the word 市民/区民 after it (the tokenizer's word), or
    is followed by 民 as a word of its own (武汉市 + 民手上), is named without it (济南市民:
    济南, not 济南市 + 民; 延吉市民族中学 and 市民政局 keep 延吉市, for 民族 and 民政局 are words)."""
    if m.label == "PLACE" and m.end - m.start >= 3 and m.text[-1] in "市区" and text[m.end:m.end + 1] == "民" \
            and (m.end - 1 in starts and m.end not in starts or m.end in starts and m.end + 1 in starts):
        return Mention("PLACE", m.start, m.end - 1, m.text[:-1], attrs=dict(m.attrs))
    return m


def division_chain(name: str) -> bool:
    """The name is one division or a chain of them, nothing else (江苏省扬州市江都区)."""
    known = lexicon.divisions().by_name  # gaz.lookup(x) is non-empty exactly for these
    k = 0
    while k < len(name):
        best = next((m for m in range(len(name), k + 1, -1) if name[k:m] in known), None)
        if best is None:
            return False
        k = best
    return bool(name)


_LEVEL_CHAR = {"省": ("province",), "市": ("city", "county"), "县": ("county",), "区": ("county",),
               "旗": ("county",), "州": ("city",), "盟": ("city",), "镇": ("town",), "乡": ("town",)}


def _full_name(name: str) -> bool:
    """A division's name as written in full (匡山街道, 江岸区), or its short name with the
    level word (屏边县 for 屏边苗族自治县)."""
    if len(name) < 3 or not name.endswith(ADMIN_SUFFIXES):
        return False
    gaz = lexicon.divisions()
    if gaz.lookup(name):
        return True
    # the level word the division's own name ends with: 大城 is 大城县, so 大城市 is a big city
    levels = _LEVEL_CHAR.get(name[-1], ())
    return any(d.level in levels and d.name.endswith(name[-1]) for d in gaz.lookup(name[:-1]))


@functools.lru_cache(maxsize=None)
def _station_re():
    return re.compile("(?:" + rules.alternation(rules.items("place_suffixes.txt")) + ")$")


def station(name: str) -> bool:
    """A named station or airport (济南西站), a place in ANNOTATION.md."""
    m = _station_re().search(name)
    return bool(m) and m.start() >= 2


@functools.lru_cache(maxsize=None)
def _town_area_re():
    return re.compile("(?:" + rules.alternation(rules.items("place_town_areas.txt")) + ")$")


def town_area(m: Mention) -> Mention | None:
    """A division and the word for its town area (rules/place_town_areas.txt: 大悟城区,
    靖西市城区) is the division: the PLACE is cut to it. The word alone (老城区) is no place
    (None); a division named so itself (婺城区), or a name that is no division, stays."""
    hit = _town_area_re().search(m.text)
    if m.label != "PLACE" or hit is None or lexicon.divisions().lookup(m.text):
        return m
    head = m.text[:hit.start()]
    if not head:
        return None
    if len(head) >= 2 and division_chain(head):
        return Mention("PLACE", m.start, m.start + len(head), head, attrs=dict(m.attrs))
    return m


_PLACE_WORDS = ("街道", "社区", "村", "镇", "乡", "县", "区", "市", "路", "街")


def person_as_place(text: str, m: Mention) -> Mention | None:
    """A "name" followed by the word for a street, a village or a division is a place
    (匡山 + 街道: 匡 is a surname too); followed by a role (李明 + 市长) it stays a name.
    Returns the place, or None when the mention is no place."""
    e = m.end
    w = next((w for w in _PLACE_WORDS if text.startswith(w, e)), None)
    if not w or lexicon.roles().match_at(text, e):
        return None
    name = text[m.start:e + len(w)]
    if lexicon.divisions().lookup(name) or w in _LOCAL or w in ("路", "街"):
        return Mention("PLACE", m.start, e + len(w), name, attrs={"rule": "place word"})
    return None


def missed_divisions(text: str, starts: set, ends: set, busy: bytearray) -> list[Mention]:
    """Full names of divisions written as words of their own where nothing was found."""
    out = []
    gaz = lexicon.divisions()
    last = -1
    for s, e in gaz.scan(text):
        if s < last:
            continue
        if e < len(text) and text[e] in _LEVEL_CHAR and not text[s:e].endswith(ADMIN_SUFFIXES):
            e += 1  # 屏边 + 县
        last = e
        name = text[s:e]
        if any(busy[s:e]) or name in _never() or not (_full_name(name) or _short_name(name) and _stands_alone(text, e)
                                   or _county_short(text, name) and _stands_alone(text, e, ("教育",))):
            continue
        if (s in starts or s == 0 or not lexicon.is_cjk(text[s - 1])) and (e in ends or e == len(text)):
            out.append(Mention("PLACE", s, e, name, attrs={"rule": "division"}))
    return out


def _short_name(name: str) -> bool:
    """The short name of one province or prefecture written as a word of its own (泉州, 新疆):
    a short name several divisions share, or one of a county, stays unread (the model
    decides)."""
    divs = lexicon.divisions().lookup(name)
    return len(divs) == 1 and divs[0].level in ("province", "city") and len(name) >= 2 and name != divs[0].name


def _stands_alone(text: str, e: int, words=()) -> bool:
    """A short name ends its phrase (新疆、西藏; 泉州的): not the head of a name such as
    成都发布 or 泉州晚报. ``words``: more words it may run into (奇台 + 教育事业)."""
    return e == len(text) or not lexicon.is_cjk(text[e]) or text[e] in "的和与及等籍人" \
        or any(text.startswith(w, e) for w in words)


def _county_short(text: str, name: str) -> bool:
    """The short name of one county whose full name the report also writes (奇台县 …
    奇台教育事业): that county, written short."""
    divs = lexicon.divisions().lookup(name)
    return len(divs) == 1 and divs[0].level == "county" and len(name) >= 2 and name != divs[0].name \
        and divs[0].name.startswith(name) and divs[0].name in text


VILLAGE_END = ("社区", "嘎查", "屯", "寨", "村")


def village_as_person(text: str) -> bool:
    """A "name" ending in the word for a village or hamlet (古甘屯, 岜龙屯) is a place."""
    return len(text) >= 3 and text.endswith(VILLAGE_END)


def with_suffix(text: str, m: Mention) -> int:
    """The end of a place whose last short name runs on into its level word (新疆和田 + 地区,
    whose full name is 和田地区), else its own end."""
    gaz = lexicon.divisions()
    for suf in ADMIN_SUFFIXES:
        if text.startswith(suf, m.end):
            for k in range(m.start, m.end - 1):
                if gaz.lookup(text[k:m.end]) and any(d.name == text[k:m.end] + suf for d in gaz.lookup(text[k:m.end] + suf)):
                    return m.end + len(suf)
            break
    return m.end


_LOCAL = ("社区", "街道", "村", "镇", "乡")


def join_chains(text: str, ms: list[Mention], word_ends: set = frozenset()) -> list[Mention]:
    """A chain of places written together is one PLACE (ANNOTATION.md: 江苏省扬州市江都区,
    兴平市桑镇西桥村): places that touch are joined, a place runs on over the division
    names written right after it (贵州省 + 毕节市纳雍县), and a name followed by the word for
    a community or a village is that community (东湖 + 社区)."""
    gaz = lexicon.divisions()
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: (m.start, m.end)):
        if m.label == "PLACE" and out and out[-1].label == "PLACE" and out[-1].end == m.start \
                and m.end - m.start >= 2 and out[-1].end - out[-1].start >= 2:  # 中美 is a pair, not a chain
            p = out.pop()
            m = Mention("PLACE", p.start, m.end, text[p.start:m.end], attrs={**m.attrs, **p.attrs})
        out.append(m)
    taken = sorted((m.start, m.end) for m in out)
    ends = {e for _, e in taken}
    starts = {s for s, _ in taken}
    for m in out:
        if m.label != "PLACE" or not division_chain(m.text):
            continue
        e = m.end
        while e < len(text) and e not in starts:
            hit = next((k for k in range(min(len(text), e + 12), e + 1, -1)
                        if _full_name(text[e:k]) or gaz.lookup(text[e:k]) and text[e:k].endswith(ADMIN_SUFFIXES)),
                       None)
            if hit is None or any(s < hit and e < x for s, x in taken if (s, x) != (m.start, m.end)):
                break
            e = hit
        if e != m.end and e not in ends:
            m.end, m.text = e, text[m.start:e]
    for m in out:
        e = with_suffix(text, m) if m.label == "PLACE" else m.end
        if e != m.end and e not in starts | ends and not any(s < e and m.end < x for s, x in taken):
            m.end, m.text = e, text[m.start:e]
    for m in out:
        if m.label == "PLACE" and not m.text.endswith(_LOCAL):
            w = next((w for w in _LOCAL if text.startswith(w, m.end)), None)
            if w and m.end + len(w) in word_ends and m.end + len(w) not in starts | ends \
                    and not any(s < m.end + len(w) and m.end < x for s, x in taken):
                m.end, m.text = m.end + len(w), text[m.start:m.end + len(w)]
    for m in out:
        s = chain_before(text, m) if m.label == "PLACE" else m.start
        if s != m.start and s not in ends and not any(a < m.start and s < b for a, b in taken if (a, b) != (m.start, m.end)):
            m.start, m.text = s, text[s:m.end]
    for m in out:
        e = village_after(text, m) if m.label == "PLACE" else m.end
        if e != m.end and not any(s < e and m.end < x for s, x in taken if (s, x) != (m.start, m.end)):
            m.end, m.text = e, text[m.start:e]
    return out + list_villages(text, out)


def chain_before(text: str, m: Mention) -> int:
    """The start of a place written on from the division that holds it, right before it
    (从水城区 + 米箩镇: 水城区米箩镇, one PLACE), else its own start."""
    gaz = lexicon.divisions()
    first = next((k for k in range(m.end, m.start + 1, -1) if gaz.lookup(text[m.start:k])), None)
    if first is None:
        return m.start
    inner = gaz.lookup(text[m.start:first])
    for k in range(max(0, m.start - 10), m.start - 1):
        head = text[k:m.start]
        # a province's short name opens a chain too (广西 + 北流: 广西北流, 四川广元朝天区)
        province = any(d.level == "province" and d.alias == head for d in gaz.lookup(head))
        if not (_full_name(head) and division_chain(head) or province):
            continue
        outer = {d.code for d in gaz.lookup(head)}
        if any(outer & (gaz.ancestors(d.code) | {d.code}) for d in inner if d.code not in outer):
            return k
    return m.start


# a village, community or hamlet named right after the town or street that holds it
# (龙里县冠山街道 + 奋进社区, 渠洋镇 + 古甘屯): two to five characters and its ending
_NO_ORG = r"(?!小学|中学|学校|幼儿园|村委|委|党|卫生|居委|社区|村)"
VILLAGE_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:社区|嘎查|村民小组|村|屯|寨)" + _NO_ORG)
# words that end like a village but name none (城乡社区, 美丽乡村, 所在社区, 深度贫困村)
_NOT_VILLAGE = re.compile(r"(?:.*(?:农村|乡村|城乡|全村|本村|各村|该村|每村|所在|周边|附近|各个|全市|全县|全区|各|本|该|全|城市|农村|新型|贫困|示范|重点|行政|自然|移民|搬迁|文明|特色|边远|偏远|试点|先进)"
                          r"(?:社区|村|屯|寨)|.*(?:城乡社区|美丽乡村|易地扶贫搬迁社区|安置社区))")
TOWN_END = ("街道", "镇", "乡")


def village_after(text: str, m: Mention) -> int:
    """The end of a place written on over a village of its own after a town or street
    (龙里县冠山街道奋进社区: one PLACE, ANNOTATION.md's chain), also where the model stopped
    inside the village's name (尚义县红土梁镇二道|背村), else its own end."""
    at = m.end
    if m.text.endswith(VILLAGE_END):
        return m.end     # 盘龙镇深沟村|村委会: the village is whole
    if not m.text.endswith(TOWN_END):
        # the last town word, one to three characters before the end: the village's name began
        cut = max((i + len(t) for t in TOWN_END for i in (m.text.rfind(t),) if i > 0), default=0)
        if not 1 <= len(m.text) - cut <= 3:
            return m.end
        at = m.start + cut
    if not division_chain(text[m.start:at]):
        return m.end
    v = VILLAGE_NAME.match(text, at)
    if v is None or v.end() <= m.end or _NOT_VILLAGE.fullmatch(v.group(0)) \
            or any(c in v.group(0)[:-1] for c in "的和与及在是"):
        return m.end
    return v.end()


_LIST_SEP = "、和及与"
_BEFORE_NAME = "的自在到和与及、从往"


def list_villages(text: str, ms: list[Mention]) -> list[Mention]:
    """The other members of a list of villages the model found one of (儒鳌屯、古甘屯和岜龙屯;
    鱼塘社区、严家寨社区): a name with the same ending written next to it, across 、和及与."""
    taken = [(m.start, m.end) for m in ms]
    out: list[Mention] = []
    for m in [m for m in ms if m.label == "PLACE" and m.text.endswith(VILLAGE_END)]:
        end = next(w for w in VILLAGE_END if m.text.endswith(w))
        here = m
        while here.end < len(text) and text[here.end] in _LIST_SEP:     # after it
            v = re.compile(r"[\u4e00-\u9fff]{2,5}?" + end + _NO_ORG).match(text, here.end + 1)
            if v is None or _NOT_VILLAGE.fullmatch(v.group(0)) or any(s < v.end() and v.start() < e for s, e in taken):
                break
            here = Mention("PLACE", v.start(), v.end(), v.group(0), attrs={"rule": "village list"})
            out.append(here)
            taken.append((v.start(), v.end()))
        here = m
        while here.start > 0 and text[here.start - 1] in _LIST_SEP:       # before it
            k = here.start - 1
            s = next((i for i in range(k - len(end) - 2, max(-1, k - len(end) - 6), -1)
                      if i >= 0 and all(lexicon.is_cjk(c) for c in text[i:k])
                      and (i == 0 or not lexicon.is_cjk(text[i - 1]) or text[i - 1] in _BEFORE_NAME)
                      and text[k - len(end):k] == end), None)
            if s is None or _NOT_VILLAGE.fullmatch(text[s:k]) or any(a < k and s < b for a, b in taken):
                break
            here = Mention("PLACE", s, k, text[s:k], attrs={"rule": "village list"})
            out.append(here)
            taken.append((s, k))
    return out


# a village group (社, 组) named right after its village: 牛庄村 + 田咀社
_GROUP_END = ("社", "组")


def village_groups(text: str, ms: list[Mention]) -> list[Mention]:
    """A village group the model read as a name, written right after its village
    (白银市靖远县若笠乡牛庄村 + 田咀社): the chain runs on over it (one PLACE), and the group
    standing alone elsewhere in the report (来自田咀社的) is a PLACE too."""
    villages = {m.end: m for m in ms if m.label == "PLACE" and m.text.endswith("村")}
    groups, out = set(), []
    for m in sorted(ms, key=lambda m: m.start):
        v = villages.get(m.start)
        if v is not None and m.label == "PERSON" and m.text.endswith(_GROUP_END) and 2 <= len(m.text) <= 4 \
                and v in out:
            out.remove(v)
            out.append(Mention("PLACE", v.start, m.end, text[v.start:m.end], attrs=dict(v.attrs)))
            groups.add(m.text)
            continue
        out.append(m)
    for m in out:
        if m.label == "PERSON" and m.text in groups:
            m.label = "PLACE"
    return out


# named communities in a list of two (周边的鱼塘社区、严家寨社区): two or three characters after
# 的 or a separator, the community word, 、 or 和, another name and the community word
_COMMUNITIES = re.compile(r"(?<=[的、，,])([\u4e00-\u9fff]{2,3})社区[、和]([\u4e00-\u9fff]{2,3})社区")
_NOT_IN_COMMUNITY = re.compile(r"[的在是个和与及了各该本全每所其型性类级化进]")


def named_communities(text: str, starts: set, busy: bytearray) -> list[Mention]:
    """Named communities (ANNOTATION.md: named 社区 are PLACE) the model left out, two of them
    written as a list (``来自周边的鱼塘社区、严家寨社区``): each a name of two or three
    characters, the first starting a word; no kind of community (城乡社区, 安置社区: the
    filter of village names) and no generic word (居民社区). One community alone (大学社区,
    华人社区 in corpus reports) is left to the model."""
    out = []
    for hit in _COMMUNITIES.finditer(text):
        if hit.start(1) not in starts or any(busy[hit.start():hit.end()]):
            continue
        items = [(hit.start(k), hit.end(k) + 2) for k in (1, 2)]
        names = [text[a:b] for a, b in items]
        if any(_NOT_IN_COMMUNITY.search(n[:-2]) or _NOT_VILLAGE.fullmatch(n) or lexicon.stop_words().match_at(n, 0)
               for n in names):
            continue
        out.extend(Mention("PLACE", a, b, text[a:b], attrs={"rule": "community"}) for a, b in items)
    return out


def named_regions(text: str, starts: set, ends: set, busy: bytearray) -> list[Mention]:
    """Named regions, mountains and rivers of three characters or more that are no division
    (rules/places_extra.tsv: 黄土高原, 京津冀, 雅鲁藏布江) written as a word of their own where
    nothing was found (我们这里地处黄土高原,): places. Shorter ones (东海, 西北) are also
    words of other meanings and are left to the model."""
    out = []
    for s, e, _ in lexicon.extra_places().scan(text):
        name = text[s:e]
        if e - s < 3 or any(busy[s:e]) or lexicon.divisions().lookup(name):
            continue
        if (s in starts or s == 0 or not lexicon.is_cjk(text[s - 1])) and (e in ends or e == len(text)):
            out.append(Mention("PLACE", s, e, name, attrs={"rule": "region"}))
    return out


# a short quoted phrase with no stop of a sentence in it (“健康中国2030”, “了不起的中国人”)
_QUOTED_PHRASE = re.compile(r"“([^“”。，,！？!?；;：:\n]{2,16})”")
# a pronoun in it makes it quoted speech (“我要去西宁”), where places are places
_SPEECH_WORD = re.compile(r"[我你他她]")


def only_in_titles(text: str, ms: list[Mention]) -> list[Mention]:
    """Without the places the report writes only inside short quoted names, slogans and
    titles (自治区“天山英才”, “了不起的中国人”, “红色旺苍、中国茶乡”, “健康中国2030”): a place
    inside a title is at most optional (ANNOTATION.md) and one inside a name no place of its
    own. Kept: a place written outside quotes too, a place quoted alone (“西宁”), and places
    in quoted speech (“我要去西宁”)."""
    spans = [(q.start(1), q.end(1)) for q in _QUOTED_PHRASE.finditer(text) if not _SPEECH_WORD.search(q.group(1))]
    if not spans:
        return ms
    starts = [a for a, _ in spans]

    def in_title(m: Mention) -> bool:
        k = bisect.bisect_right(starts, m.start) - 1
        return k >= 0 and m.end <= spans[k][1] and text[spans[k][0]:spans[k][1]] != m.text

    outside = {m.text for m in ms if m.label == "PLACE" and not in_title(m)}
    return [m for m in ms if m.label != "PLACE" or m.text in outside]


# characters of a place's level or kind word (榆林村, 漫湾镇, 白莺山, 运河)
_PLACE_WORD_CHARS = frozenset("村社组屯寨庄镇乡县区市州盟旗省路街道巷站湾岛山河湖港口")


def to_word_end(m: Mention, ends: set) -> Mention:
    """A place the model ran into a word after it (澳洲留 of 澳洲留学, 澳洲上 of 澳洲上财年,
    重庆市二 of 重庆市二等奖) ends with the known place it begins with (澳洲), where what follows
    is at most two characters, no place and no place's level word; a chain of places stays
    whole (浙江绍兴, 何家庄乡何家庄村)."""
    if m.label != "PLACE" or lexicon.divisions().lookup(m.text):
        return m
    for k in range(len(m.text) - 1, 1, -1):
        if m.start + k in ends and lexicon.divisions().lookup(m.text[:k]):
            rest = m.text[k:]
            if len(rest) <= 2 and not lexicon.divisions().lookup(rest) and not set(rest) & _PLACE_WORD_CHARS \
                    and (m.end not in ends or lexicon.pos(rest) == "f"):
                return Mention("PLACE", m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))
            return m
    return m


# the kind of land or settlement after a place's name, part of a named place (长江三角洲平原,
# 太湖流域, 惠山古镇, 四川盆地)
_LAND_AFTER = re.compile(r"平原|流域|古镇|盆地|高原")


def with_land_word(text: str, ms: list[Mention]) -> list[Mention]:
    """A place followed by the kind of land it names is one place with it (长江三角洲 + 平原,
    惠山 + 古镇, and a mountain's 区: 乌蒙山 + 区), where nothing else was found there; not after
    a division's full name (河南省 + 平原监狱, 龙陵县 + 山区) nor after one character (青藏高原's 藏)."""
    starts = {m.start for m in ms}
    out = []
    for m in ms:
        if m.label == "PLACE" and len(m.text) >= 2 and not m.text.endswith(ADMIN_SUFFIXES):
            hit = _LAND_AFTER.match(text, m.end)
            end = m.end
            if hit:
                end = hit.end()
            elif m.text.endswith("山") and text[m.end:m.end + 1] == "区":
                end = m.end + 1
            if end > m.end and not any(m.end <= s < end for s in starts):
                m = Mention("PLACE", m.start, end, text[m.start:end], attrs=dict(m.attrs))
        out.append(m)
    return out
