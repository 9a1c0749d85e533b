"""Stage 2 - entities: ORG, PERSON and PLACE mentions.

No trained model ships for Chinese here, so the stage is built from parts that carry over
to reports it has never seen:

* places: the national table of divisions (pipeline/gazetteer.py), chained names
  (``江苏省扬州市江都区``), and suffixes for what no table lists (``X村``, ``X社区``,
  ``X站``);
* organisations: a name is [owner] + [proper name] + [a type word] (rules/org_suffixes.tsv).
  Walking left from the type word over jieba's tokens finds where the name starts; it
  must hold something proper (a place, a word jieba does not know, a road, ``第八``),
  otherwise it is a generic phrase (``民办学校``). Units hang off organisations
  (``锦小党支部``), and short forms are derived from the full names found in the same
  report (``锦官新城小学`` -> ``锦小``);
* people: a surname (rules/surnames.tsv) plus one or two characters, kept only on evidence:
  a role word next to it (``校长杨洪亮``, ``张玲校长``), a cue (``说``, ``等9名``,
  ``(化名)``), a byline, a list of names, a name jieba's HMM found as a new word.

Tokens from jieba give word boundaries; jieba's dictionary gives a part of speech for
known words (a verb cannot be part of a school's name; a word it does not know is likely
a name).
"""
from __future__ import annotations

import bisect
import functools
import marshal
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from . import gazetteer, rules
from .nlp import Mention, found, token_spans, text_of
from .util import cached

CJK = re.compile(r"[\u3400-\u9fff]")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"
NUM_CH = "零〇一二三四五六七八九十百两"
ROAD = re.compile(r"[\u3400-\u9fff]{1,4}(路|街|大道|大街|巷|道)$")
ZONE_WORDS = ("开发区", "经开区", "高新区", "新区", "工业园区", "园区", "度假区", "试验区", "示范区")
LEVEL_WORDS = ("省", "市", "县", "区", "镇", "乡", "州", "旗", "盟", "村", "街道", "自治区", "国家", "中央", "全国")
PLACE_SUFFIX = re.compile(r"(社区|村|镇|乡|街道|城区|新区|火车站|高铁站|汽车站|东站|西站|南站|北站|机场|港)$")


# --------------------------------------------------------------------------- resources

@functools.lru_cache(maxsize=None)
def _jieba():
    """jieba's word frequencies and part-of-speech tags (from its own dictionary)."""
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba.dt.FREQ, _word_tags(jieba.dt)


def _word_tags(tokenizer) -> dict[str, str]:
    """word -> tag, read from jieba's dict.txt as ``jieba.posseg`` reads it, without
    importing posseg (its HMM tables take half a second to load and are not used here)."""
    with tokenizer.get_dict_file() as f:
        data = f.read()

    def parse() -> dict[str, str]:
        tags = {}
        for line in data.decode("utf-8").splitlines():
            line = line.strip()
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
        return tags
    return cached("jieba-tags", data, parse, dumps=marshal.dumps, loads=marshal.loads)


def known(word: str) -> bool:
    return _jieba()[0].get(word, 0) > 0


def pos(word: str) -> str:
    return _jieba()[1].get(word, "")


@functools.lru_cache(maxsize=None)
def _lexicon():
    suffixes = {row[0]: (row[1], row[2]) for row in rules.table("org_suffixes.tsv")}
    known_orgs = {}
    for row in rules.table("org_known.tsv"):
        known_orgs[row[0]] = (row[1], row[0])
        for a in (row[2].split("|") if len(row) > 2 and row[2] else []):
            known_orgs[a] = (row[1], row[0])
    roles = {row[0]: row[1] for row in rules.table("roles.tsv")}
    before_roles = [row[0] for row in rules.table("roles.tsv") if len(row) < 3 or row[2] != "after"]
    surn = {row[0]: row[1] for row in rules.table("surnames.tsv")}
    cues_after = {r[0]: int(r[2]) for r in rules.table("person_cues.tsv") if r[1] == "after"}
    cues_before = {r[0]: int(r[2]) for r in rules.table("person_cues.tsv") if r[1] == "before"}
    stop = set(rules.items("entity_stop.txt"))
    return {
        "lead_ends": frozenset(w[-1] for w in list(roles) + list(cues_before)),
        "surname_re": re.compile("(?=[" + "".join(k for k in surn if len(k) == 1) + "]|"
                                 + "|".join(k for k in surn if len(k) == 2) + ")"),
        "suffix_first": frozenset(w[0] for w in suffixes),
        "suffix_first_re": re.compile("[" + "".join(sorted({re.escape(w[0]) for w in suffixes})) + "]"),
        "suffix_lens": {c: sorted({len(w) for w in suffixes if w[0] == c}, reverse=True)
                        for c in {w[0] for w in suffixes}},
        "suffixes": suffixes,
        "known_re": re.compile(rules.alternation(known_orgs)),
        "suffix_max": max(map(len, suffixes)),
        "known_orgs": known_orgs,
        "roles": roles,
        "role_re_after": re.compile("(?:" + rules.alternation(roles) + ")"),
        "role_re_before": re.compile("(?:兼)?(?:" + rules.alternation(before_roles) + ")[)）]?[ :：]?$"),
        "surnames": surn,
        "cue_after": re.compile("(?:" + rules.alternation(cues_after) + ")"),
        "cues_after": cues_after,
        "cue_before": re.compile("(?:" + rules.alternation(cues_before) + ")$"),
        "cues_before": cues_before,
        "stop": stop,
        "given_stop": set("的了是在和与说等对把被将们个也就都还又着过吗呢吧啊地得所并而及或但却很最已这那每各该本全某不"
                          "一二三四五六七八九十百千万零两"),
    }


# --------------------------------------------------------------------------- tokens

class Tokens:
    """jieba's tokens of a text as character offsets, with their tags."""

    def __init__(self, doc: Doc):
        self.text = text_of(doc)
        spans = doc.user_data.get("edu_word_spans")  # the tokenizer's, when it made them
        self.spans = spans if spans is not None else [(a, b) for a, b, w in token_spans(doc) if not w.isspace()]
        self.starts_sorted = [a for a, _ in self.spans]
        self.at_start = dict(zip(self.starts_sorted, range(len(self.spans))))
        self.at_end = dict(zip((b for _, b in self.spans), range(len(self.spans))))

    def word(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def boundary(self, pos: int) -> bool:
        """A word boundary: jieba cuts there, or the text is not Chinese on one side."""
        if pos <= 0 or pos >= len(self.text):
            return True
        if pos in self.at_start or pos in self.at_end:
            return True
        return not (_is_cjk(self.text[pos - 1]) and _is_cjk(self.text[pos]))


# --------------------------------------------------------------------------- places

def find_places(text: str, toks: Tokens, hint: str = "") -> list[Mention]:
    """Division names (full and short), chains of them, and suffix-made places.

    Short names (槐荫, 会同) and county or town names that are also everyday words need
    the text's own support: a related division (the same city, or one inside the other)
    among the places the text names first or in its heading. ``会同`` in a report on
    屏边县 is the verb "together with", not 湖南会同县."""
    gaz = gazetteer.get()
    hits = []   # [start, end, strong]
    for s, e in gaz.scan(text):
        name = text[s:e]
        if name in _place_stop() or (s > 0 and text[s - 1].isdigit() and name[0] in "日月年时分号点期届级岁"):
            continue
        divs = gaz.lookup(name)
        full = any(d.name == name for d in divs)
        top = any(d.level in ("province", "city", "country") for d in divs)
        aligned = toks.boundary(s) and toks.boundary(e)
        world = all(d.code.startswith("world/") for d in divs)
        if not full and not aligned and not (world and len(name) >= 2 and (toks.boundary(s) or toks.boundary(e))
                                             and not known(text[s - 1:e]) and not known(text[s:e + 1])):
            continue  # a short name inside a word: 江都 in 长江都
        if full and not (aligned or toks.boundary(s) or text[s - 1] in _SOFT_LEFT or _after_place(hits, s)
                         or (len(name) >= 4 and not all(d.level == "town" for d in divs))):
            continue
        if all(d.level == "town" for d in divs) and not _after_place(hits, s) \
                and not _clean_core(gazetteer._core(name), toks, s, strict=False):
            continue
        if full:
            core = gazetteer._core(name)
            common = known(core) and not pos(core).startswith("ns")
            strong = top or (not common and len(name) >= 3)
        else:
            strong = top and pos(name)[:1] not in ("v", "a", "d", "c", "p", "r", "u") or name in ZONE_WORDS
        hits.append([s, e, strong])
    hits += [[s, e, True] for s, e in _in_word_chains(text, toks, hits)]
    for h in hits:  # 洛杉矶市: a foreign city written with 市
        if text[h[1]:h[1] + 1] in ("市", "州") and all(d.level in ("foreign_city", "country")
                                                    for d in gaz.lookup(text[h[0]:h[1]])):
            h[1] += 1
    first = min(hits, default=None)
    # a weak hit stays if the text supports it; a short name written onto an organisation's
    # type word stays too (槐荫教育系统), a full name does not (会同县卫生健康局 is 会同 + 县卫生健康局)
    hits = [h for h in hits if h[2] or h is first or _supported(text, h, hits, hint)
            or (_followed_by_owner_word(text, h[1]) and not any(d.name == text[h[0]:h[1]]
                                                                for d in gaz.lookup(text[h[0]:h[1]])))]
    hits = [[s, _level_char(text, s, e), st] for s, e, st in hits]
    hits = [h[:2] for h in hits]
    hits = _suffix_places(text, toks, hits)
    hits += _listed_places(text, hits)
    # chains: 江西省鄱阳县, 四川广元朝天区, 辛集市小辛庄乡小章村
    merged: list[list[int]] = []
    for h in sorted(hits):
        if merged and h[0] == merged[-1][1] and _chains(text, merged[-1], h):
            merged[-1][1] = h[1]
        elif merged and h[0] < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], h[1])
        else:
            merged.append(list(h))
    out = []
    for s, e in merged:
        # a station or airport after a place: 济南西站, 昆明机场
        m = re.match(r"(火车站|高铁站|汽车站|东站|西站|南站|北站|站|机场)", text[e:e + 3])
        if m and toks.boundary(e + m.end()):
            e += m.end()
        out.append(Mention("PLACE", s, e, text[s:e]))
    for m in _extra_places(text, toks) + _abbrev_places(text, toks) + _foreign_places(text, toks):
        if not any(o.start < m.end and m.start < o.end for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


@functools.lru_cache(maxsize=None)
def _abbrev_table():
    t: dict[str, list[str]] = {}
    for row in rules.table("place_abbrev.tsv"):
        t.setdefault(row[0], []).append(row[1])
    abbr = "".join(t["abbr"])
    pair_after = rules.alternation(t["pair_after"])
    return {
        "abbr": set(abbr),
        "pair": re.compile(rf"([{abbr}])([{abbr}])(?={pair_after})"),
        "before": re.compile(rf"(?<=[{''.join(t['before'])}])[{abbr}]"),
        "after": re.compile(rf"[{abbr}](?=[{''.join(t['after'])}])"),
        "run": re.compile(rules.alternation(t["run"])),
        "whole": re.compile(rules.alternation(t["whole"])),
    }


def _abbrev_places(text: str, toks: Tokens) -> list[Mention]:
    """One-character names as news writes them: 中美关系 (中, 美), 美方, 访华, 驻美, 台港澳."""
    t = _abbrev_table()
    out = []
    for m in t["whole"].finditer(text):
        if toks.boundary(m.start()) and (toks.boundary(m.end()) or _starts_compound(text, toks, m.start(), m.end())):
            out.append(Mention("PLACE", m.start(), m.end(), m.group(0), attrs={"level": "region"}))
    for m in t["run"].finditer(text):
        if toks.boundary(m.start()):
            for k in range(m.start(), m.end()):
                out.append(Mention("PLACE", k, k + 1, text[k], attrs={"level": "abbreviation"}))
    for m in t["pair"].finditer(text):
        a = m.start()
        if text[a] != text[a + 1] and toks.boundary(a):
            out += [Mention("PLACE", k, k + 1, text[k], attrs={"level": "abbreviation"}) for k in (a, a + 1)]
    for m in t["before"].finditer(text):
        k = m.start()
        j = toks.at_end.get(k + 1)  # 驻美/大使: the name ends a word (not 在/美国, not 在日常)
        if j is not None and toks.spans[j][0] == k - 1 and known(text[k - 1:k + 1]):
            out.append(Mention("PLACE", k, k + 1, text[k], attrs={"level": "abbreviation"}))
    for m in t["after"].finditer(text):
        k = m.start()
        j = toks.at_start.get(k)  # 美方, 华人: the two characters are one word
        if j is not None and toks.spans[j][1] == k + 2 and known(text[k:k + 2]):
            out.append(Mention("PLACE", k, k + 1, text[k], attrs={"level": "abbreviation"}))
    seen, uniq = set(), []
    for o in sorted(out, key=lambda m: (m.start, -m.end)):
        if not any(x < o.end and o.start < y for x, y in seen):
            uniq.append(o)
            seen.add((o.start, o.end))
    return uniq


@functools.lru_cache(maxsize=None)
def _translit() -> str:
    return "".join(rules.items("translit_chars.txt"))


@functools.lru_cache(maxsize=None)
def _foreign_place_re():
    return re.compile(rf"[{_translit()}]{{2,6}}(?:州|省|市|郡|岛|湾|港|湖)")


def _foreign_places(text: str, toks: Tokens) -> list[Mention]:
    """马萨诸塞州, 洛杉矶市: a foreign name written by sound, with its level word."""
    out = []
    for m in _foreign_place_re().finditer(text):
        s, e = m.start(), m.end()
        name = text[s:e - 1]
        if (toks.boundary(s) or not _is_cjk(text[s - 1:s] or " ")) and toks.boundary(e) \
                and (not known(name) or pos(name).startswith("ns") or gazetteer.get().lookup(name)):
            out.append(Mention("PLACE", s, e, text[s:e], attrs={"level": "foreign"}))
    return out


@functools.lru_cache(maxsize=256)
def _hinted_codes(hint: str) -> frozenset[str]:
    """The divisions any part of a heading's place hint names."""
    gaz = gazetteer.get()
    return frozenset(d.code for n in range(len(hint)) for m in range(len(hint), n + 1, -1)
                     for d in gaz.lookup(hint[n:m]))


def _supported(text: str, hit, hits, hint: str) -> bool:
    """A related division among the first places named, the heading's place, or right next
    to it in a chain."""
    gaz = gazetteer.get()
    codes = [d.code for d in gaz.lookup(text[hit[0]:hit[1]])]
    anchors = []
    firsts = [h for h in sorted(hits) if h is not hit][:3]
    for h in firsts + [h for h in hits if h[2]]:
        anchors += [d.code for d in gaz.lookup(text[h[0]:h[1]])]
    hinted = _hinted_codes(hint)
    if hinted & set(codes):
        return True  # the place the heading names
    anchors += sorted(hinted)
    for c in codes:
        for a in anchors:
            if a == c:
                continue
            if gaz.related(a, c) or gaz.divisions[a].parent == gaz.divisions[c].parent != "" and \
                    gaz.divisions[c].level != "province":
                return True
    # the only place named at all: nothing contradicts it
    return not any(h is not hit for h in hits) and not known(text[hit[0]:hit[1]])


def _in_word_chains(text: str, toks: Tokens, hits) -> list[tuple[int, int]]:
    """Places run together into one jieba word: 云南昆明."""
    gaz = gazetteer.get()
    out = []
    for a, b in toks.spans:
        if b - a < 4 or any(h[0] < b and a < h[1] for h in hits):
            continue
        w = text[a:b]
        if known(w) and not pos(w).startswith("ns"):
            continue
        pieces, k = [], a
        while k < b:
            best = next((m for m in range(b, k + 1, -1) if gaz.lookup(text[k:m])), None)
            if best is None:
                break
            pieces.append((k, best))
            k = best
        if k == b and len(pieces) >= 2 and all(m - n >= 2 for n, m in pieces):
            out += pieces
    return out


def _level_char(text: str, s: int, e: int) -> int:
    """屏边县: a short name written with its level (the full name is 屏边苗族自治县)."""
    ch = text[e:e + 1]
    if ch in ("县", "市", "区", "旗", "州", "盟", "省") and not gazetteer.get().lookup(text[s:e + 1]):
        name = text[s:e]
        for d in gazetteer.get().lookup(name):
            if d.alias == name and d.name.endswith(ch) and d.name != name + ch:
                return e + 1
    return e


_LISTED = re.compile(r"((?:[\u3400-\u9fff]{2,4}、)+[\u3400-\u9fff]{2,4})(?:两|三|四|五|六|七|八|九|十)个?(乡镇|乡|镇|村|县|区|市|街道|社区)")


def _listed_places(text: str, hits) -> list[list[int]]:
    """白河、湾塘两乡镇: names listed before a count of places are places."""
    out = []
    for m in _LISTED.finditer(text):
        k = m.start(1)
        for item in m.group(1).split("、"):
            if not any(h[0] <= k < h[1] for h in hits):
                out.append([k, k + len(item)])
            k += len(item) + 1
    return out


@functools.lru_cache(maxsize=None)
def _extra_table():
    return {row[0]: row[1] for row in rules.table("places_extra.tsv")}


def _extra_places(text: str, toks: Tokens) -> list[Mention]:
    """Mountains, rivers, regions and other named places no division table lists."""
    out = []
    table = _extra_table()
    for m in _extra_re().finditer(text):
        name = m.group(0)
        if toks.boundary(m.start()) and (toks.boundary(m.end()) or _followed_by_owner_word(text, m.end())
                                         or _starts_compound(text, toks, m.start(), m.end())):
            out.append(Mention("PLACE", m.start(), m.end(), name, attrs={"level": table[name]}))
    return out


def _starts_compound(text: str, toks: Tokens, s: int, e: int) -> bool:
    """The name begins a word jieba knows (两岸关系, 亚太地区, 中华儿女)."""
    j = toks.at_start.get(s)
    if j is None:
        return False
    a, b = toks.spans[j]
    return b > e and known(text[a:b]) and text[e:b] in _COMPOUND_TAILS


_COMPOUND_TAILS = {"关系", "地区", "国家", "各国", "区域", "经济", "儿女", "大地", "人民", "同胞", "首脑", "合作",
                   "交流", "贸易", "问题", "局势", "双方"}


@functools.lru_cache(maxsize=None)
def _extra_re():
    return re.compile(rules.alternation(_extra_table()))


def _after_place(hits, s) -> bool:
    return bool(hits) and hits[-1][1] == s


def _followed_by_owner_word(text: str, e: int) -> bool:
    lex = _lexicon()
    for n in range(min(lex["suffix_max"], len(text) - e), 0, -1):
        if text[e:e + n] in lex["suffixes"]:
            return True
    return text[e:e + 2] in ("教育", "教体", "教科", "县委", "市委", "区委", "人民", "政府")


def _chains(text: str, a: list[int], b: list[int]) -> bool:
    gaz = gazetteer.get()
    # the first may itself be a chain: its last division decides
    last, da = text[a[0]:a[1]], []
    for n in range(len(last) - 2, -1, -1):
        if gaz.lookup(last[n:]):
            da = gaz.lookup(last[n:])
    db = gaz.lookup(text[b[0]:b[1]])
    if not db:
        return bool(da)  # a village or community found by its suffix, right after a division
    return any(x.code in gaz.ancestors(y.code) for x in da for y in db)


_SOFT_LEFT = set("到在于的和与及、从向对往至赴为是省市县区")


@functools.lru_cache(maxsize=None)
def _place_stop() -> frozenset[str]:
    return frozenset(rules.items("place_alias_stop.txt"))


def _clean_core(core: str, toks: Tokens, s: int, strict: bool = True) -> bool:
    """The name before a town/village suffix is made of name-like words (not 联合 in 联合镇)."""
    if core in _lexicon()["stop"] or core in ("街道", "社区", "城区", "乡镇", "村组", "镇村"):
        return False
    if not known(core):
        j = toks.at_start.get(s)
        first = toks.word(j) if j is not None else core[:1]
        p = pos(first)
        return not (first in _lexicon()["stop"] or (p and p[0] in "vdpcury"))
    p = pos(core)
    bad = "vdpcuryq" + ("mtfa" if strict else "")
    return not (p and (p[0] in bad or p in ("ad", "an")))


def _words_name_like(text: str, toks: Tokens, s: int, e: int) -> bool:
    """No verb, function word or stop word among the words between s and e."""
    if not known(text[s:e]) and all(b - a == 1 for a, b in toks.spans if s <= a < e):
        return text[s] not in _FUNCTION_CHARS  # jieba cut an unknown name into characters
    k = s
    while k < e:
        j = toks.at_start.get(k)
        if j is None:
            return k > s  # a word reaching over the suffix (花椒/村支部): fine after the first
        w = toks.word(j)
        p = pos(w)
        if w in _FUNCTION_CHARS or w in _lexicon()["stop"] or (p and (p[0] in "vdpcuryq" or p in ("m", "t", "f"))):
            return False
        k += len(w)
    return True


def _suffix_places(text: str, toks: Tokens, hits: list[list[int]]) -> list[list[int]]:
    """Villages, communities, towns and zones that no table lists: ``花椒村``, ``东社社区``."""
    lex = _lexicon()
    taken = [(s, e) for s, e in hits]
    for m in re.finditer(r"(社区|村|镇|乡|城区)(?![\u3400-\u9fff]{0,1}(委|民|级|干部|小学|中学|学校|幼儿园|卫生|组|支部|医生))", text):
        e = m.end()
        if not toks.boundary(e) or any(s <= m.start() < te for s, te in taken):
            continue
        # the name before the suffix: the jieba word(s) ending right before it, 1-4 chars
        best = None
        for n in (2, 3, 4, 1):
            s = m.start() - n
            if s < 0 or not all(CJK.match(c) for c in text[s:m.start()]):
                continue
            core = text[s:m.start()]
            if core in lex["stop"] or core[0] in "各该本全每此这那其同邻外一两多几" or not toks.boundary(s):
                continue
            single = s in toks.at_start and e in toks.at_end and toks.at_start[s] == toks.at_end[e]
            if not (toks.boundary(m.start()) or single) or not _clean_core(core, toks, s) \
                    or not _words_name_like(text, toks, s, m.start()):
                continue
            best = s
            break
        if best is not None and e - best >= 3:
            hits.append([best, e])
            taken.append((best, e))
    return hits


# --------------------------------------------------------------------------- organisations

def _anchor(word: str, place_spans, s: int, e: int) -> bool:
    """Could this word be (part of) the proper name of an organisation?"""
    if any(ps <= s and e <= pe for ps, pe in place_spans):
        return True
    if word in ZONE_WORDS or ROAD.match(word):
        return True
    if gazetteer.get().lookup(word) and len(word) >= 2:
        return False  # a division's name the place step did not accept here
    p = pos(word)
    if not p:
        return bool(CJK.match(word[0])) and len(word) >= 2 or word.isascii() and word.isalnum()
    return p in ("ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng")


def find_orgs(text: str, toks: Tokens, places: list[Mention]) -> list[Mention]:
    lex = _lexicon()
    suffixes, stop = lex["suffixes"], lex["stop"]
    place_spans = [(p.start, p.end) for p in places]
    out: list[Mention] = []
    # known organisations first
    for m in lex["known_re"].finditer(text):
        name = m.group(0)
        if toks.boundary(m.start()) and toks.boundary(m.end()):
            kind, canon = lex["known_orgs"][name]
            out.append(Mention("ORG", m.start(), m.end(), name, attrs={"kind": kind, "canonical": canon}))
    n = len(text)
    starts = [m.start() for m in lex["suffix_first_re"].finditer(text)]
    si = 0
    i = 0
    while si < len(starts):
        if starts[si] < i:
            si += 1
            continue
        i = starts[si]
        # the longest type word starting at i whose end is a word's end (or a role follows:
        # 中学校长 is 中学 + 校长)
        best = None
        for L in lex["suffix_lens"][text[i]]:
            if i + L <= n and text[i:i + L] in suffixes:
                e = i + L
                if toks.boundary(e) or _more_suffix(text, e) or _role_after(text, e):
                    best = L
                    break
        if best is None or any(o.start <= i < o.end for o in out) or _blocked(text, i + best) \
                or (text[i:i + best] in _MODIFIERS | {"学校"} and _later_type_word(text, i + best)):
            i += 1
            continue
        suf = text[i:i + best]
        kind, owner = suffixes[suf]
        end = i + best
        start = _walk_left(text, toks, i, kind, owner, place_spans)
        if start is not None:
            attrs = {"kind": kind, "suffix": suf}
            if kind in ("team", "unit"):
                inner = _inner_owner(text, start, i)
                if inner:
                    attrs["unit_of"] = [start, inner]
            out.append(Mention("ORG", start, end, text[start:end], attrs=attrs))
            i = end
        else:
            i += 1
    out += _pattern_orgs(text, toks, places, out)
    out = _extend_units(text, toks, out)
    generic = _generic_orgs()
    return sorted((o for o in out if o.text not in generic), key=lambda m: m.start)


@functools.lru_cache(maxsize=None)
def _generic_orgs() -> frozenset[str]:
    return frozenset(rules.items("org_generic.txt"))


_PLATFORM = re.compile(r"(官方平台|微信公众号|公众号|官微|客户端|官方微博|微博|视频号|抖音号)")
_QUOTED = re.compile(r"[《“\"]([^《》“”\"\s，。、]{2,12})[》”\"]")


def _pattern_orgs(text: str, toks: Tokens, places: list[Mention], orgs: list[Mention]) -> list[Mention]:
    """Names made by a pattern rather than a type word: a place's party committee
    (普洱市委), a numbered school (朝天区二小), a media account named in quotes next to
    the word for it (《成都发布》, “X”微信公众号)."""
    out = []

    def free(a, b):
        return not any(o.start < b and a < o.end for o in orgs + out)

    for p in places:
        e = p.end
        if text[e:e + 1] == "委" and text[e + 1:e + 2] not in ("员", "托", "屈", "婉", "派") and free(p.start, e + 1):
            out.append(Mention("ORG", p.start, e + 1, text[p.start:e + 1], attrs={"kind": "party"}))
            continue
        m = re.match(f"[{NUM_CH}]{{1,3}}(小|中|幼)(?!学|心|队|组)", text[e:e + 5])
        if m and free(p.start, e + m.end()) and toks.boundary(e + m.end()):
            out.append(Mention("ORG", p.start, e + m.end(), text[p.start:e + m.end()],
                               attrs={"kind": "kindergarten" if m.group(1) == "幼" else "school"}))
    for m in _QUOTED.finditer(text):
        before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 6]
        if (_PLATFORM.search(before) and before.endswith(_PLATFORM.findall(before)[-1])) or _PLATFORM.match(after):
            if free(m.start(1), m.end(1)) and CJK.search(m.group(1)):
                out.append(Mention("ORG", m.start(1), m.end(1), m.group(1), attrs={"kind": "media"}))
    return out


def _inner_owner(text: str, start: int, i: int) -> int | None:
    """槐荫区教体局疫情处置工作领导小组: the organisation a team's name starts with (the end
    of its type word), if any."""
    lex = _lexicon()
    best = None
    for k in range(start + 2, i):
        for L in range(2, lex["suffix_max"] + 1):
            w = text[k - L:k]
            if k - L >= start and w in lex["suffixes"] and lex["suffixes"][w][0] in ("bureau", "government", "school",
                                                                                   "kindergarten", "university"):
                best = k
    return best


def _later_type_word(text: str, end: int) -> bool:
    """Another type word starts right here and the name goes on with it (中心幼儿园,
    学校幼儿园); units of an organisation (党支部) are added afterwards instead."""
    lex = _lexicon()
    for L in range(lex["suffix_max"], 1, -1):
        w = text[end:end + L]
        if w in lex["suffixes"]:
            return w not in _UNIT_SUFFIXES and lex["suffixes"][w][1] != "place"
    return False


def _blocked(text: str, end: int) -> bool:
    """小学语文, 中学阶段: a school level used as an adjective, not a school."""
    return bool(_blockers().match(text, end))


@functools.lru_cache(maxsize=None)
def _blockers():
    return re.compile("(?:" + rules.alternation(rules.items("org_suffix_blockers.txt")) + ")")


def _more_suffix(text: str, pos_: int) -> bool:
    lex = _lexicon()
    return any(text[pos_:pos_ + L] in lex["suffixes"] for L in range(2, lex["suffix_max"] + 1))


_FUNCTION_CHARS = set("的在和与等及对向从为是了将把被也都就还又而并或、，。,到各该本全每此这那其我你他她它们个给让使以于至由自往去来"
                      "上下内外前后里间时年月日号所名位人次有无不没很最更已曾要会能可")


def _walk_left(text, toks: Tokens, i: int, kind: str, owner: str, place_spans, depth: int = 0) -> int | None:
    """Where the name ending in the type word at ``i`` starts, or None if it has no owner.

    Walks left over jieba's words while they can be part of a name, then checks that
    what was walked over owns the name (see the module docstring)."""
    lex = _lexicon()
    stop = lex["stop"]
    team = kind in ("team", "unit")
    units = []   # (start, end, word, proper) from right to left
    j = toks.at_end.get(i)
    if j is None:
        # the type word starts inside a jieba word: 成都日报 and 华东师范大学 are one word
        # each (a name), 中小学 and 家长学校 are one word each (generic)
        ps = [p for p in place_spans if p[1] == i]
        if ps:
            return ps[0][0]
        head = _head_word(text, toks, i, owner)
        if head is None:
            return None
        k, unit = head
        units.append(unit)
        j = k - 1 if k > 0 and toks.spans[k - 1][1] == unit[0] else None
    while j is not None and j >= 0 and len(units) < (6 if team else 7):
        s, e = toks.spans[j]
        ps = next(((a, b) for a, b in place_spans if a < e <= b and a < s), None)
        if ps:
            # a chain of places jieba cut differently is one unit (湖北宜都市)
            s = ps[0]
            units.append((s, e, text[s:e], True))
            k = toks.at_end.get(s)
            j = k if k is not None else None
            continue
        w = text[s:e]
        if not CJK.match(w[0]) and not (w.isascii() and w.isalnum()):
            break
        # single characters jieba could not place form one unknown word (藕/池, 湾/塘)
        if len(w) == 1 and w not in _FUNCTION_CHARS and w not in LEVEL_WORDS:
            k = j
            while k > 0 and toks.spans[k - 1][1] == toks.spans[k][0] and \
                    toks.spans[k - 1][1] - toks.spans[k - 1][0] == 1 and CJK.match(text[toks.spans[k - 1][0]]) \
                    and text[toks.spans[k - 1][0]] not in _FUNCTION_CHARS and text[toks.spans[k - 1][0]] not in LEVEL_WORDS:
                k -= 1
            if k < j and not known(text[toks.spans[k][0]:e]):
                s = toks.spans[k][0]
                units.append((s, e, text[s:e], True))
                j = k - 1 if k > 0 and toks.spans[k - 1][1] == s else None
                continue
        p = pos(w)
        if w in _FUNCTION_CHARS:
            break
        # another organisation's type word: its organisation may own this one when the two
        # are written together (济南二机床集团有限公司 + 幼儿园)
        if w not in _MODIFIERS and (w in lex["suffixes"] or _ends_with_suffix(w)):
            if not units and depth == 0 and kind in _NESTING:
                inner = _inner_org(text, toks, e, place_spans)
                if inner is not None:
                    return inner
            if not team:
                break
        if not units and owner in ("level", "any") and w[-1] in ("县", "市", "区", "省") and len(w) > 1 \
                and gazetteer.get().lookup(w) and not any(ps <= s and e <= pe for ps, pe in place_spans):
            return e - 1  # 会同县/卫生健康局 where 会同 is "together with": 县卫生健康局
        if w in _MODIFIERS:
            units.append((s, e, w, False))
        elif (w in stop and not team) or (p and p[0] in "pcurdyeoa") or p in ("t",) \
                or (p == "q" and not team) or (team and (w in _TEAM_STOP or (w in stop and w[0] in "各该本全每此这那其"))):
            break
        elif p == "f" or (p and p[0] == "v" and not team and not _anchor(w, place_spans, s, e)):
            # 左/鸠戛中学: a lone character jieba calls a direction word can still start a
            # name written right after a punctuation mark
            if len(w) == 1 and units and units[-1][3] and (s == 0 or not CJK.match(text[s - 1])):
                units.append((s, e, w, True))
            break
        elif p == "m" and not re.fullmatch(f"第?[{NUM_CH}0-9]+批?", w):
            break
        elif w.isdigit():
            break
        else:
            units.append((s, e, w, _anchor(w, place_spans, s, e)))
        j = j - 1 if j > 0 and toks.spans[j - 1][1] == s else None
    if not units:
        return i if owner == "any" else None
    if _plural_before(text, toks, units[-1][0]):
        return None   # 各相关盟市教研中心, 各区教育局: each of a kind, not one organisation
    if team or owner == "place":
        # teams and internal units need a place (or a development zone) as owner
        for k in range(len(units) - 1, -1, -1):
            s, e, w, _ = units[k]
            if any(ps <= s and e <= pe for ps, pe in place_spans) or w in ZONE_WORDS:
                return s
        return None
    school = kind in ("school", "kindergarten")
    gaz = gazetteer.get()
    proper = []
    for s, e, w, anchor in units:
        if anchor and school and any(d.level == "country" for d in gaz.lookup(w)):
            anchor = False  # 中国小学 is a kind of school, not a school
        if anchor and len(w) < 2 and not any(ps <= s and e <= pe for ps, pe in place_spans):
            anchor = False  # 下降/甘小学: one character is no name
        proper.append(anchor)
    numbered = [bool(re.fullmatch(f"第[{NUM_CH}]+", w)) for _, _, w, _ in units]
    if any(proper) or any(numbered):
        k = max(idx for idx, a in enumerate(proper) if a or numbered[idx])
        return units[k][0]
    if units[-1][2] in ("市", "县", "区", "省", "镇", "乡", "州", "旗", "盟") and all(
            w in _MODIFIERS or re.fullmatch(f"第?[{NUM_CH}]+", w) for _, _, w, _ in units[:-1]):
        return units[-1][0]  # 市实验小学, 县一中
    if owner == "level" and len(units) == 1 and units[0][2] in LEVEL_WORDS:
        return units[0][0]   # 市教育局, 县委
    if school and _nouns_only(text, units):
        return units[-1][0]  # 黄泥小学: a village's name that is also a word
    return None


def _ends_with_suffix(w: str) -> bool:
    lex = _lexicon()
    return len(w) > 2 and any(w[-L:] in lex["suffixes"] for L in range(2, min(len(w), lex["suffix_max"] + 1)))


_PLURAL = {"各", "各个", "各级", "各类", "所有", "全部", "全体", "各地"}


def _plural_before(text: str, toks: Tokens, s: int) -> bool:
    j = toks.at_end.get(s)
    for _ in range(2):
        if j is None:
            return False
        w = toks.word(j)
        if w in _PLURAL:
            return True
        if w not in ("相关", "有关", "其他", "其它"):
            return False
        j = toks.at_end.get(toks.spans[j][0])
    return False


def _inner_org(text: str, toks: Tokens, e: int, place_spans) -> int | None:
    """Start of a company, university or hospital whose name ends at ``e`` (济南二机床集团
    有限公司 in 济南二机床集团有限公司幼儿园)."""
    lex = _lexicon()
    for L in range(lex["suffix_max"], 1, -1):
        kind, owner = lex["suffixes"].get(text[e - L:e], (None, None))
        if kind in ("company", "university", "hospital"):
            return _walk_left(text, toks, e - L, kind, owner, place_spans, depth=1)
    return None


def _head_word(text: str, toks: Tokens, i: int, owner: str):
    """The jieba word holding the start of the type word, when it ends with the type word
    and is a name (成都日报, 华东师范大学, 市政府) - as (index, unit)."""
    k = bisect.bisect_right(toks.starts_sorted, i) - 1
    if k < 0 or not toks.spans[k][0] < i < toks.spans[k][1]:
        return None
    a, b = toks.spans[k]
    w, pre = text[a:b], text[a:i]
    lex = _lexicon()
    if b <= i or pre in lex["stop"] or not _suffix_ends_at(text, i, b):
        return None
    p = pos(w)
    if len(pre) == 1:
        if pre in ("市", "县", "区", "省", "镇", "乡") and owner == "level":
            return k, (a, b, w, True)
        return None
    if pre in _MODIFIERS or re.fullmatch(f"第?[{NUM_CH}]+", pre):
        return k, (a, b, w, False)   # 第二中学, 实验小学: the name goes on to the left
    place_pre = bool(gazetteer.get().lookup(pre)) and pre not in _place_stop()
    pre_common = known(pre) and pos(pre)[:1] not in ("n", "j") or pre in _GENERIC_PREFIXES
    if place_pre or (not pre_common and (p in ("nt", "nz", "ns") or (not p and not known(pre) and pos(pre[:1]) != "r"))):
        return k, (a, b, w, True)
    return None


_GENERIC_PREFIXES = {"中等", "高等", "普通", "初等", "职业", "中小", "民办", "公办", "重点", "示范", "寄宿"}


def _suffix_ends_at(text: str, i: int, b: int) -> bool:
    return text[i:b] in _lexicon()["suffixes"]


def _nouns_only(text: str, units) -> bool:
    """A short run of nouns after a clean edge (a punctuation mark, a list comma)."""
    s0 = units[-1][0]
    if len(units) != 1 or len(units[0][2]) < 2 or _jieba()[0].get(units[0][2], 0) >= 300:
        return False
    if s0 > 0 and (CJK.match(text[s0 - 1]) or text[s0 - 1].isalnum()):
        return False
    if text[s0 - 1:s0] in ("“", "\"", "‘"):
        return False  # “麻雀小学”: a term in quotes
    for _, _, w, _ in units:
        p = pos(w)
        if w in _lexicon()["stop"] or (p and p[0] not in "n"):
            return False
    return True


_NESTING = {"school", "kindergarten", "hospital", "research", "university"}
_TEAM_STOP = {"成立", "组建", "设立", "建立", "组成", "召开", "开展", "负责", "牵头", "担任", "下设", "设置",
              "印发", "制定", "制订", "第一时间", "立即", "迅速", "及时", "积极", "联合", "会同", "派出", "选派"}
_MODIFIERS = {"实验", "中心", "第一", "第二", "第三", "民族", "职业", "师范", "附属", "外国语", "高级", "初级",
              "九年一贯制", "十二年一贯制", "完全", "寄宿制", "特殊教育", "直属", "机关", "育才", "示范"}


def _name_like(s: str) -> bool:
    return len(s) >= 2 and all(CJK.match(c) for c in s)


_UNIT_SUFFIXES = ("党支部", "党总支", "党委", "党组", "党工委", "团委", "工会", "支部", "小学部", "中学部",
                  "初中部", "高中部", "分校", "校区", "办公室", "领导小组", "领导小组办公室",
                  "中央委员会", "中央", "常务委员会", "常委会", "政治局", "书记处", "办公厅", "国际部", "统战部",
                  "宣传部", "组织部", "分会", "筹委会", "主席团", "秘书处")


def _extend_units(text: str, toks: Tokens, orgs: list[Mention]) -> list[Mention]:
    """An organisation's unit written right after it is one name: 刘集镇中心小学党支部."""
    out = []
    for o in sorted(orgs, key=lambda m: m.start):
        for u in sorted(_UNIT_SUFFIXES, key=len, reverse=True):
            if text.startswith(u, o.end) and toks.boundary(o.end + len(u)):
                attrs = {k: v for k, v in o.attrs.items() if k not in ("short_of", "canonical", "suffix")}
                attrs["unit_of"] = [o.start, o.end]
                attrs["unit_of_kind"] = o.attrs.get("kind")
                attrs["kind"] = "party" if "党" in u or u in ("支部", "团委", "工会") else o.attrs.get("kind")
                o = Mention("ORG", o.start, o.end + len(u), text[o.start:o.end + len(u)], attrs=attrs)
                break
        out.append(o)
    return out


def derive_short_names(text: str, toks: Tokens, orgs: list[Mention], taken) -> list[Mention]:
    """Short forms of the organisations named in full in the same text: 锦官新城小学 ->
    锦小, 梧州市第八中学 -> 梧州八中, 观山实验幼儿园 -> 观实幼, 杭州天杭教育集团 -> 天杭,
    宜丰县石市镇中心小学 -> 石市中心小学."""
    gaz = gazetteer.get()
    forms: dict[str, Mention] = {}
    for o in orgs:
        suf = o.attrs.get("suffix", "")
        kind = o.attrs.get("kind")
        if not suf or kind not in ("school", "kindergarten", "university", "company", "research"):
            continue
        name = o.text[: len(o.text) - len(suf)]
        # the place prefix, and the name without it
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
        m = re.fullmatch(f"(.*?)第([{NUM_CH}]+)中学", o.text)
        if m and m.group(1):
            place = m.group(1)
            for s, e in gaz.scan(place):
                if s == 0:
                    cands.add(gaz.lookup(place[:e])[0].alias + m.group(2) + "中")
            cands.add(place + m.group(2) + "中")
        if (kind == "company" or suf in ("教育集团",)) and len(core) >= 2 and not known(core) \
                and not re.search("[省市县区镇乡盟旗州村]", core):
            cands.add(core)
        if last_place and last_place[-1] in "镇乡" and len(last_place) >= 3 and prefix_end > len(last_place):
            # a town's school named by the town's short name: 石市镇中心小学 -> 石市中心小学
            cands.add(last_place[:-1] + name[prefix_end:] + suf)
        for c in cands:
            if len(c) >= 2 and c != o.text and c not in o.text[len(o.text) - len(c):]:
                forms.setdefault(c, o)
    out = []
    for form, full in forms.items():
        for m in re.finditer(re.escape(form), text):
            s, e = m.start(), m.end()
            if any(a <= s < b or a < e <= b for a, b in taken) or any(x.start < e and s < x.end for x in out):
                continue
            if not toks.boundary(s) and CJK.match(text[s - 1]) and text[s - 1] not in _FUNCTION_CHARS:
                continue
            out.append(Mention("ORG", s, e, form, attrs={"kind": full.attrs.get("kind"), "short_of": full.text}))
    return out


# --------------------------------------------------------------------------- people

def find_people(text: str, toks: Tokens, taken, context: dict, org_ends=frozenset()) -> list[Mention]:
    lex = _lexicon()
    surn = lex["surnames"]
    byline = set(context.get("authors") or [])
    if context.get("editor"):
        byline.add(context["editor"])
    cands: dict[tuple[int, int], float] = {}
    counts: dict[str, int] = {}
    n = len(text)
    busy = bytearray(n + 1)
    for a, b in taken:
        busy[a:b] = b"\x01" * (b - a)
    for sm in lex["surname_re"].finditer(text):
        i = sm.start()
        ch = text[i]
        two = text[i:i + 2]
        sname = two if surn.get(two) == "compound" else (ch if ch in surn else None)
        if not sname or busy[i]:
            continue
        if i > 0 and (text[i - 1].isdigit() or text[i - 1] in "第"):
            continue
        # a name starts a word, or follows a role word or cue (校长杨洪亮 is cut 校长/杨/洪亮,
        # but 记者谢苗苗 may not be): other positions need no scoring
        if i not in toks.at_start and i > 0 and _is_cjk(text[i - 1]) and text[i - 1] not in lex["lead_ends"]:
            continue
        for glen in (2, 1):
            e = i + len(sname) + glen
            if e > n:
                continue
            given = text[i + len(sname):e]
            if not all(CJK.match(c) for c in given) or any(c in lex["given_stop"] for c in given[:1]):
                continue
            if glen == 2 and given[1] in lex["given_stop"] and given[1] not in "之":
                continue
            if given in lex["roles"] or given in lex["stop"] or text[i:e] in lex["roles"]:
                continue
            if busy[e - 1]:
                continue
            score = _person_score(text, toks, i, e, surn.get(sname, "common"), byline, org_ends, counts)
            if score > 0:
                cands[(i, e)] = score
    for m in _translit_run_re().finditer(text):
        a, b = m.start(), m.end()
        if busy[a] or busy[b - 1] or (a, b) in cands:
            continue
        if not (toks.boundary(a) and toks.boundary(b)) and not (
                (toks.boundary(a) or toks.boundary(b)) and (_role_after(text, b) or _role_before(text, a))):
            continue
        score = _foreign_score(text, toks, a, b, counts)
        if score > 0:
            cands[(a, b)] = score
    # one name per position: the better scored length, then the one jieba agrees with
    chosen = []
    for (s, e), sc in sorted(cands.items(), key=lambda kv: (kv[0][0], -kv[1], -(kv[0][1] - kv[0][0]))):
        if chosen and chosen[-1][0] < e and s < chosen[-1][1]:
            continue
        if sc >= 3:
            chosen.append((s, e))
    chosen += _listed_names(text, chosen, taken)
    chosen += _name_runs(text, toks, taken, chosen)
    accepted = {text[s:e] for s, e in chosen}
    # a name accepted once is a name everywhere in the text
    out = []
    for name in sorted(accepted, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            s, e = m.start(), m.end()
            if any(a <= s < b or a < e <= b for a, b in taken) or any(o.start < e and s < o.end for o in out):
                continue
            if not (toks.boundary(s) or (s, e) in chosen) or (e < n and not toks.boundary(e)
                                                                and not _role_after(text, e)
                                                                and (s, e) not in chosen
                                                                and not (s in toks.at_start and pos(name) == "nr")):
                continue
            out.append(Mention("PERSON", s, e, name))
    return out


def _listed_names(text: str, chosen: list[tuple[int, int]], taken) -> list[tuple[int, int]]:
    """邵黎丽、邵方、包纯纯、夏春: in a list where names were found, the other items that
    start with a surname are names too."""
    surn = _lexicon()["surnames"]
    found_spans = set(chosen)
    out = []
    for s0, e0 in chosen:
        if text[e0:e0 + 1] != "、" and text[s0 - 1:s0] != "、":
            continue
        # walk the list both ways from a found name
        items = [(s0, e0)]
        k = e0
        while text[k:k + 1] == "、":
            run = re.match(r"[\u3400-\u9fff]{2,4}", text[k + 1:])
            if not run:
                break
            item = _name_prefix(text, k + 1, k + 1 + len(run.group(0)), surn)
            if not item:
                break
            items.append(item)
            k = item[1]
        k = s0
        while text[k - 1:k] == "、":
            run = re.search(r"[\u3400-\u9fff]{2,4}$", text[max(0, k - 5):k - 1])
            if not run:
                break
            a = k - 1 - len(run.group(0))
            item = next(((x, k - 1) for x in range(a, k - 2) if k - 1 - x in (2, 3)
                         and (text[x] in surn or text[x:x + 2] in surn)), None)
            if not item:
                break
            items.append(item)
            k = item[0]
        hits = [it for it in items if it in found_spans]
        if len(hits) < 2:
            continue
        for a, b in items:
            if (a, b) not in found_spans and not any(x < b and a < y for x, y in taken) and not known(text[a:b]):
                out.append((a, b))
                found_spans.add((a, b))
    return out


_RUN_SPLIT = re.compile(r"[^\u3400-\u9fff·]+|（[^）]{1,8}）|\([^)]{1,8}\)")


def _name_runs(text: str, toks: Tokens, taken, chosen) -> list[tuple[int, int]]:
    """Names printed one after another without separators, as in lists of delegates or
    committee members after a colon (委员：李鹏乔石李瑞环...). A run is split into names only
    when every piece is a surname plus one or two characters that jieba does not know as an
    everyday word, and the run starts right after a colon, a list marker such as （女）, or
    the end of another such run."""
    surn = _lexicon()["surnames"]
    stop = _lexicon()["given_stop"]
    out: list[tuple[int, int]] = []
    pos_ = 0
    chunks = []
    for m in _RUN_SPLIT.finditer(text):
        if m.start() > pos_:
            chunks.append((pos_, m.start(), text[pos_ - 1:pos_] if pos_ else "", m.group(0)))
        pos_ = m.end()
    if pos_ < len(text):
        chunks.append((pos_, len(text), text[pos_ - 1:pos_] if pos_ else "", ""))
    for a, b, before, after in chunks:
        if b - a < 6 or not (before in ("：", ":", "）", ")") or after.startswith(("（", "("))):
            continue
        if any(x < b and a < y for x, y in taken):
            continue
        best = _split_names(text, a, b, surn, stop)
        if best and len(best) >= 2:
            out += [p for p in best if p not in chosen]
    return out


def _split_names(text: str, a: int, b: int, surn, stop):
    """text[a:b] cut into names (2 or 3 characters, 4 with a compound surname): the cut
    with the most characters in valid names; None unless valid names cover most of it
    (a list of names has a few that no rule knows - 热地, 于是之 - but few)."""
    def piece_ok(s: int, e: int) -> bool:
        w = text[s:e]
        if not (w[0] in surn or w[:2] in surn) or any(c in stop for c in w[1:]):
            return False
        if e - s == 4 and w[:2] not in surn:
            return False
        if known(w):
            return pos(w).startswith("nr")
        # not a name if it starts or ends with an everyday word (严格|实, 闭|管理)
        for part in (w[:2], w[-2:]) if e - s >= 3 else ():
            if known(part) and not pos(part).startswith("nr"):
                return False
        return True

    n = b - a
    best: list[tuple[float, list]] = [(0.0, [])] * (n + 1)
    for k in range(n - 1, -1, -1):
        options = []
        for m in (2, 3, 4):
            if k + m <= n:
                ok = piece_ok(a + k, a + k + m)
                gain = m if ok else -0.6 * m
                options.append((best[k + m][0] + gain, ([(a + k, a + k + m)] if ok else []) + best[k + m][1]))
        best[k] = max(options, key=lambda o: o[0]) if options else (-1.0, [])
    score, pieces = best[0]
    covered = sum(e - s for s, e in pieces)
    if covered >= 0.8 * n and len(pieces) >= 3:
        return pieces
    return None


def _name_prefix(text: str, a: int, b: int, surn) -> tuple[int, int] | None:
    """The name at the start of a list item: the whole item when the list goes on, else
    two or three characters (张超鹏六位骨干教师 -> 张超鹏)."""
    if not (text[a] in surn or text[a:a + 2] in surn):
        return None
    stop = _lexicon()["given_stop"]
    if any(c in stop for c in text[a + 1:a + 3]):
        b = min(b, a + 1 + next(i for i, c in enumerate(text[a + 1:a + 3]) if c in stop))
        if b - a < 2:
            return None
    if text[b:b + 1] == "、" and b - a <= 3:
        return a, b
    for n in (3, 2):
        if a + n <= b and not known(text[a + n - 1:a + n + 1]) and text[a + n] not in surn:
            return a, a + n
    return None


def _role_after(text: str, e: int) -> str:
    m = _lexicon()["role_re_after"].match(text, e)
    return m.group(0) if m else ""


def _role_before(text: str, s: int) -> str:
    m = _lexicon()["role_re_before"].search(text, max(0, s - 9), s)
    if not m:
        return ""
    a = m.start()
    if a >= 1 and text[a - 1] in _lexicon()["surnames"]:
        return ""  # 王老师和董老师: that title belongs to 王
    return m.group(0).rstrip(" :：)）")


_VOCATIVE = re.compile(r"[,，]\s*你")
_ETC = re.compile(r"等[0-9一二三四五六七八九十几多数]+[名位人个]|等人")


@functools.lru_cache(maxsize=None)
def _translit_run_re():
    t = _translit()
    return re.compile(rf"[{t}]{{2,5}}(?:·[{t}]{{2,6}})*")


def _foreign_score(text: str, toks: Tokens, s: int, e: int, counts: dict) -> float:
    """A name written by sound (克林顿, 扎琳娜, 约翰·拉贝): a role or cue next to it, the
    middle dot of a foreign full name, jieba's tag for transliterated names."""
    lex = _lexicon()
    name = text[s:e]
    if gazetteer.get().lookup(name) or name in _extra_table():
        return 0  # a country or city
    tag = pos(name)
    if known(name) and not tag.startswith("nr"):
        return 0
    score = 0.0
    if _role_before(text, s):
        score += 3
    if _role_after(text, e):
        score += 3
    cue = lex["cue_after"].match(text, e)
    if cue:
        score += lex["cues_after"][cue.group(0)]
    if "·" in name:
        score += 2
    if tag.startswith("nr"):
        score += 1.5 if _jieba()[0].get(name, 0) >= 50 else 1
    if name not in counts:
        counts[name] = text.count(name)
    if counts[name] >= 2:
        score += 1
    return score


_THING_END = set("村镇庄台洲潭山城堂宫塔艇花军信道路街楼院寺庙河湖江海港桥园厂店场站馆院师傅婆哥嫂叔伯爷")


def _person_score(text: str, toks: Tokens, s: int, e: int, strength: str, byline: set,
                  org_ends: frozenset = frozenset(), counts: dict | None = None) -> float:
    """Evidence that text[s:e] is a person's name (3 or more is enough); 0 when it cannot
    be one. The cheap tests that rule most candidates out come first."""
    lex = _lexicon()
    name = text[s:e]
    if name in byline:
        return 6
    e_cue = e + 1 if text[e:e + 1] == " " and e + 1 < len(text) and _is_cjk(text[e + 1]) else e  # 江劲超 摄
    role_after = _role_after(text, e_cue)
    cue = lex["cue_after"].match(text, e_cue)
    word_known = known(name)
    tag = pos(name) if word_known else ""
    famous = (tag == "nr" and len(name) == 3 and strength == "common" and name[-1] not in _THING_END
              and _jieba()[0].get(name, 0) >= 50 and _jieba()[0].get(name[1:], 0) < 300)
    # jieba sometimes glues a following verb or particle to a new name (王盈到/了); a
    # well-known name may begin a compound (邓小平理论)
    if not (role_after or cue or toks.boundary(e) or text[e:e + 1] in _FUNCTION_CHARS
            or (famous and s in toks.at_start)):
        return 0
    role_before = _role_before(text, s)
    if word_known and not tag.startswith("nr") and not role_before:
        return 0      # an everyday word (师生, 都能), unless a role names it
    cue_before = lex["cue_before"].search(text, max(0, s - 6), s)
    if not (role_before or cue_before or toks.boundary(s)):
        return 0
    score = 0.0
    if role_before:
        score += 3
    if role_after:
        score += 3
    if cue:
        score += lex["cues_after"][cue.group(0)]
    if cue_before:
        score += lex["cues_before"][cue_before.group(0)]
    if s in org_ends:
        score += 2        # 东社小学李晶、: a member named right after the organisation
    nxt = text[e:e + 1]
    if nxt in (",", "，") and _VOCATIVE.match(text, e):
        score += 2        # 吴林涛,你来说一说: someone addressed by name
    if nxt == "等" and _ETC.match(text, e):
        score += 2        # 柯永红等9名教师
    # ...的X和/，: a noun phrase right after 的, closed by a conjunction or a comma
    if text[s - 1:s] == "的" and nxt in ("和", "与", ",", "，", "、"):
        score += 1
    # lists of names: 许光海、许书朋
    if nxt == "、" or text[s - 1:s] == "、":
        score += 1
    if famous:
        score += 3        # a name jieba's dictionary knows well (邓小平, 钱其琛)
    # jieba's own view: a new word it found with its HMM, or a name in its dictionary
    if s in toks.at_start and e in toks.at_end and toks.at_start[s] == toks.at_end[e]:
        if not word_known:
            score += 2 if len(name) >= 3 else 1
        elif tag.startswith("nr"):
            score += 2 if len(name) >= 3 else 0.5
    if word_known and not tag.startswith("nr"):
        score -= 2
    # the last character belongs to the next word (王盈到了, 王祥郑重): the shorter name
    if len(name) >= 3 and not word_known and known(text[e - 1:e + 1]):
        score -= 2 if name[-1] not in _FUNCTION_CHARS else 3
    if strength == "weak":
        score -= 1.5      # a surname that is also an everyday word needs a clearer context
    # a unit or a title, not a given name: 成教科(科长), 楼栋长
    if name[-1] in "科局处部委办院校队组站所室馆长村镇乡街区县市省":
        score -= 3
    if counts is not None:
        if name not in counts:
            counts[name] = text.count(name)
        many = counts[name] >= 2
    else:
        many = text.count(name) >= 2
    if many:
        score += 1
    return score


# --------------------------------------------------------------------------- the component

def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def find_entities(doc: Doc) -> list[Mention]:
    text = text_of(doc)
    toks = Tokens(doc)
    context = doc._.context or {}
    places = find_places(text, toks, context.get("place_hint", "") + context.get("title", ""))
    orgs = find_orgs(text, toks, places)
    # the report's source is an organisation wherever it is written
    for src in _source_parts(context.get("source", "")):
        for m in re.finditer(re.escape(src), text):
            if any(o.start <= m.start() and m.end() <= o.end for o in orgs):
                continue
            if "·" in src:  # 齐鲁晚报·齐鲁壹点: the joined name wins over its parts
                orgs = [o for o in orgs if not (m.start() <= o.start and o.end <= m.end())]
            elif any(o.start < m.end() and m.start() < o.end for o in orgs):
                continue
            orgs.append(Mention("ORG", m.start(), m.end(), src, attrs={"kind": "media"}))
    taken = [(o.start, o.end) for o in orgs]
    orgs += derive_short_names(text, toks, orgs, taken)
    orgs = _extend_units(text, toks, orgs)
    orgs = _join_dotted(text, _dedupe(orgs))
    places = [p for p in places if not any(_overlaps(p, o) for o in orgs)]
    # 槐荫区教育系统: the sector of a place, spoken of as its education authority; the place
    # stays a place of its own
    for p in places:
        m = re.match(r"(教育系统|教体系统|教科系统)", text[p.end:p.end + 4])
        if m and not any(o.start < p.end + m.end() and p.start < o.end for o in orgs):
            orgs.append(Mention("ORG", p.start, p.end + m.end(), text[p.start:p.end + m.end()],
                                attrs={"kind": "bureau", "sector": True}))
    orgs.sort(key=lambda m: m.start)
    taken = [(o.start, o.end) for o in orgs] + [(p.start, p.end) for p in places]
    people = find_people(text, toks, taken, context, frozenset(o.end for o in orgs))
    return sorted(orgs + places + people, key=lambda m: (m.start, m.end))


_CONGRESS = re.compile(r"(?:中共|中国共产党|党的)?(第[一二三四五六七八九十]{1,3}(?:届|次)(?:全国)?(?:人民)?代表大会|"
                       r"(?<![一二三四五六七八九十])[一二三四五六七八九十]{2,3}大(?![学型会小家]))")
_TITLES = ("总书记", "委员长", "副主席", "主席", "副总理", "总理", "总统", "首相", "外长", "部长", "省长", "市长",
           "县长", "书记", "局长", "校长", "院长", "园长", "老师", "同志", "先生", "女士", "教授", "博士", "大使")
_TITLE_RE = re.compile("(?:" + "|".join(_TITLES) + ")")


def find_refs(text: str, toks: Tokens, taken, org_spans=()) -> list[Mention]:
    """Mentions our annotation guide does not count as names, kept for what they refer to:
    a surname with a title (江主席, 王老师), a given name with 同志 (小平同志), a party
    congress (十五大). The news benchmarks count them as entities (evaluate.py maps them);
    the graph does not list them."""
    surn = _lexicon()["surnames"]
    busy = lambda a, b: any(x < b and a < y for x, y in taken)
    out = []
    for m in _TITLE_RE.finditer(text):
        s = m.start()
        if s >= 1 and text[s - 1] in surn and (s < 2 or not _is_cjk(text[s - 2]) or toks.boundary(s - 1)) \
                and not busy(s - 1, s):
            out.append(Mention("PERSON", s - 1, s, text[s - 1], attrs={"ref": "surname and title"}))
        elif m.group(0) == "同志" and s >= 2 and pos(text[s - 2:s]).startswith("nr") and not busy(s - 2, s):
            out.append(Mention("PERSON", s - 2, s, text[s - 2:s], attrs={"ref": "given name"}))
    for m in _CONGRESS.finditer(text):
        a = m.start()
        if text[a:a + 2] == "党的":
            a += 2
        # the body holding it: 中国致公党第十一次全国代表大会
        owner = next((x for x, y in org_spans if y == a), None)
        start = owner if owner is not None else a
        if owner is None and any(x < m.end() and a < y for x, y in taken if (x, y) not in org_spans
                                 or not (a <= x and y <= m.end())):
            continue
        out.append(Mention("ORG", start, m.end(), text[start:m.end()], attrs={"ref": "congress"}))
    return out


def _join_dotted(text: str, orgs: list[Mention]) -> list[Mention]:
    """Two outlets written as one with a middle dot: 中青报·中青网."""
    orgs = sorted(orgs, key=lambda m: m.start)
    out: list[Mention] = []
    for o in orgs:
        if out and text[out[-1].end:o.start] == "·":
            p = out.pop()
            o = Mention("ORG", p.start, o.end, text[p.start:o.end], attrs={**p.attrs})
        out.append(o)
    return out


def _source_parts(src: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[-—|()（）/]", src) if p.strip()]
    return [p for p in parts if len(p) >= 2 and CJK.search(p)]


def _dedupe(ms: list[Mention]) -> list[Mention]:
    """Overlapping organisation spans: keep the longer."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(_overlaps(m, o) for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


class EntityRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        found(doc).extend(find_entities(doc))
        return doc


@Language.factory("edu_entities")
def make_entity_recognizer(nlp: Language, name: str):
    return EntityRecognizer()
