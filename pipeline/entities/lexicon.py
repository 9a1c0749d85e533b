"""What the rules know, as word lists the recogniser reads: the editable files in
``rules/`` (organisation type words, roles, person cues, surnames, known bodies, extra
places, stop words), JioNLP's table of divisions (pipeline/gazetteer.py) and jieba's
dictionary (frequencies and parts of speech).

The trained model consumes these as features (pipeline/entities/features.py); the
overrides (orgs.py, people.py, places.py) use them for what the model cannot learn. Every
list is loaded once per process.
"""
from __future__ import annotations

import functools
import marshal
import re
from dataclasses import dataclass
from operator import itemgetter

from .. import gazetteer, rules, segmenter
from ..util import cached

CJK_RE = re.compile(r"[\u3400-\u9fff]")


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


_last_bounds: tuple | None = None  # (words, their number, starts, ends) of word_bounds' last call


def word_bounds(words: list[tuple[int, int]]) -> tuple[frozenset, frozenset]:
    """The offsets where jieba's words start and where they end. The entity overrides ask
    for them many times per section: the last list's answer is kept (by identity; the
    tokenizer's list of a section is never changed)."""
    global _last_bounds
    last = _last_bounds
    if last is not None and last[0] is words and last[1] == len(words):
        return last[2], last[3]
    starts, ends = frozenset(map(itemgetter(0), words)), frozenset(map(itemgetter(1), words))
    _last_bounds = (words, len(words), starts, ends)
    return starts, ends


@dataclass(frozen=True)
class WordList:
    """Exact words with a value each, found longest first at any position."""
    words: dict
    firsts: frozenset
    lengths: tuple

    @classmethod
    def of(cls, words: dict) -> "WordList":
        words = {w: v for w, v in words.items() if w}
        return cls(words, frozenset(w[0] for w in words), tuple(sorted({len(w) for w in words}, reverse=True)))

    def match_at(self, text: str, i: int) -> tuple[int, object] | None:
        """The longest word starting at ``i``: (end, value), or None (also at the text's end)."""
        lengths = self._lengths_by_first.get(text[i:i + 1])
        if lengths is None:
            return None
        words = self.words
        for L in lengths:  # only the lengths of the words that begin with this character
            v = words.get(text[i:i + L])
            if v is not None and i + L <= len(text):
                return i + L, v
        return None

    @functools.cached_property
    def _lengths_by_first(self) -> dict[str, tuple[int, ...]]:
        """first character -> the lengths of the words it begins, longest first."""
        by: dict[str, set[int]] = {}
        for w in self.words:
            by.setdefault(w[0], set()).add(len(w))
        return {c: tuple(sorted(ls, reverse=True)) for c, ls in by.items()}

    @functools.cached_property
    def _firsts_re(self) -> re.Pattern:
        return re.compile("[" + "".join(re.escape(c) for c in sorted(self.firsts)) + "]") if self.firsts \
            else re.compile(r"(?!)")

    def scan(self, text: str, start: int = 0, end: int | None = None):
        """Non-overlapping longest matches, left to right: (start, end, value)."""
        end = len(text) if end is None else end
        i = start
        # the characters that begin a word, found at C speed; between them nothing matches
        for m in self._firsts_re.finditer(text, start, end):
            k = m.start()
            if k < i:
                continue  # inside the previous match
            hit = self.match_at(text, k)
            if hit and hit[0] <= end:
                yield k, hit[0], hit[1]
                i = hit[0]


# --------------------------------------------------------------------------- jieba

@functools.lru_cache(maxsize=None)
def _jieba():
    import jieba
    jieba.setLogLevel(60)
    segmenter.initialize_jieba()
    return jieba.dt.FREQ, _word_tags(jieba.dt)


def _word_tags(tokenizer) -> dict[str, str]:
    """word -> part of speech, read from jieba's dict.txt as ``jieba.posseg`` reads it,
    without importing posseg (its HMM tables take half a second to load)."""
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
    """A word of jieba's dictionary."""
    return _jieba()[0].get(word, 0) > 0


def pos(word: str) -> str:
    """jieba's part of speech for a dictionary word ('' when it does not know the word)."""
    return _jieba()[1].get(word, "")


# the type word of a college, an institute or a centre, cut off before its name's words are read
COLLEGE_WORD = re.compile(r"(?:商学院|医学院|法学院|学院|研究院|研究所|中心|系)$")
# parts of speech of the words a field of study is named with: nouns, verbal nouns, set
# phrases, distinguishing words and adjectives (no place, person, brand, verb or function word)
FIELD_POS = frozenset(("n", "vn", "l", "b", "a", "an"))


def common_words_only(name: str) -> bool:
    """Whether a name is made only of common words of jieba's dictionary (合唱团, 理事会,
    水资源管理机构, 社会体育俱乐部): a kind of body said, with no place, person or brand of its own."""
    import jieba
    _jieba()
    words = jieba.lcut(name, HMM=False)
    return bool(words) and all(pos(w) in FIELD_POS for w in words)


def named_by_field(name: str) -> bool:
    """Whether a college's, an institute's or a centre's name is made, before its type word,
    only of common words of jieba's dictionary (大气科学学院, 高寒作物研究所, 生态工程学院): a unit
    of some university named by what it studies, not a body named by a place, a person or a
    brand of its own (贵州建设职业技术学院, 哈佛商学院, 仲恺农业工程学院, 文华学院, 深泉学院), nor a
    clause read as one (结合学院专业特点: 结合 is a verb)."""
    head = COLLEGE_WORD.sub("", name)
    return bool(head) and common_words_only(head)


def pos_table() -> dict[str, str]:
    """jieba's word -> part of speech table."""
    return _jieba()[1]


def freq(word: str) -> int:
    return _jieba()[0].get(word, 0)


def common_word(word: str, min_freq: int, proper: tuple[str, ...] = ("nr", "ns", "nz")) -> bool:
    """Whether jieba's dictionary holds ``word`` at least ``min_freq`` times with a part of
    speech that is no proper name's (施展, 网络; not 欧阳, 九龙)."""
    return freq(word) >= min_freq and not pos(word).startswith(proper)


# --------------------------------------------------------------------------- rule lists

@functools.lru_cache(maxsize=None)
def org_types() -> WordList:
    """Organisation type words (rules/org_suffixes.tsv): word -> (kind, owner)."""
    return WordList.of({row[0]: (row[1], row[2] if len(row) > 2 else "name") for row in rules.table("org_suffixes.tsv")})


@functools.lru_cache(maxsize=None)
def name_types() -> WordList:
    """The type words the rules read (kind_of, org_complete.py): those of the model's
    features and those the model was not trained with (rules/org_suffixes_rules.tsv)."""
    rows = rules.table("org_suffixes.tsv") + rules.table("org_suffixes_rules.tsv")
    return WordList.of({row[0]: (row[1], row[2] if len(row) > 2 else "name") for row in rows})


@functools.lru_cache(maxsize=None)
def known_orgs() -> WordList:
    """Bodies known by name (rules/org_known.tsv): name or alias -> (kind, canonical)."""
    return _by_name("org_known.tsv", 2, lambda row: (row[1], row[0]))


@functools.lru_cache(maxsize=None)
def local_media() -> WordList:
    """Newspapers and news sites of provinces and cities (rules/media_local.tsv): name or
    alias -> ("media", name). Not a feature of the entity model, no national body."""
    return _by_name("media_local.tsv", 1, lambda row: ("media", row[0]))


def _by_name(table: str, alias_col: int, value) -> WordList:
    """A rules table of names with their |-separated aliases in column ``alias_col``: each
    name and alias -> ``value(row)`` (a name wins over another row's alias)."""
    out = {}
    for row in rules.table(table):
        out[row[0]] = value(row)
        for a in (row[alias_col].split("|") if len(row) > alias_col and row[alias_col] else []):
            out.setdefault(a, value(row))
    return WordList.of(out)


@functools.lru_cache(maxsize=None)
def roles() -> WordList:
    """Role words (rules/roles.tsv): role -> kind."""
    return WordList.of({row[0]: row[1] for row in rules.table("roles.tsv")})


@functools.lru_cache(maxsize=None)
def post_roles() -> tuple[str, ...]:
    """The roles of a post held in a body (kinds lead, staff, party, media), longest first."""
    words = roles().words
    return tuple(r for r in sorted(words, key=len, reverse=True) if words[r] in ("lead", "staff", "party", "media"))


@functools.lru_cache(maxsize=None)
def _post_roles_by_length() -> tuple[tuple[int, frozenset], ...]:
    by: dict[int, set] = {}
    for r in post_roles():
        by.setdefault(len(r), set()).add(r)
    return tuple((n, frozenset(g)) for n, g in sorted(by.items(), reverse=True))


def post_role_before(text: str, at: int) -> str:
    """The longest post role (post_roles) written right before ``at``, "" when none: what
    ``next((r for r in post_roles() if text.startswith(r, at - len(r))), "")`` gives (a
    start before the text's counting from its end, as str.startswith counts it), one
    look-up per length."""
    n = len(text)
    for size, group in _post_roles_by_length():
        s = at - size
        if s < 0:
            s = max(0, n + s)
        if text[s:s + size] in group:
            return text[s:s + size]
    return ""


@functools.lru_cache(maxsize=None)
def cues() -> WordList:
    """Words around a person's name (rules/person_cues.tsv): cue -> 'after' | 'before'."""
    return WordList.of({r[0]: r[1] for r in rules.table("person_cues.tsv")})


@functools.lru_cache(maxsize=None)
def surnames() -> dict[str, str]:
    """surname -> common | weak | compound (rules/surnames.tsv)."""
    return {row[0]: row[1] for row in rules.table("surnames.tsv")}


@functools.lru_cache(maxsize=None)
def extra_places() -> WordList:
    """Named places that are not divisions (rules/places_extra.tsv): name -> level."""
    return WordList.of({row[0]: row[1] for row in rules.table("places_extra.tsv")})


@functools.lru_cache(maxsize=None)
def place_abbreviations() -> WordList:
    """One-character names of countries and regions (rules/place_abbrev.tsv, kind abbr)."""
    return WordList.of({row[1]: row[2] for row in rules.table("place_abbrev.tsv") if row[0] == "abbr"})


@functools.lru_cache(maxsize=None)
def schooling_words() -> WordList:
    """Words that make a school type word a level of schooling (小学语文, 小学阶段):
    rules/org_suffix_blockers.txt."""
    return WordList.of({w: True for w in rules.items("org_suffix_blockers.txt")})


@functools.lru_cache(maxsize=None)
def stop_words() -> WordList:
    """Words that never start a name (rules/entity_stop.txt: 各, 全区, 民办 ...)."""
    return WordList.of({w: True for w in rules.items("entity_stop.txt")})


@functools.lru_cache(maxsize=None)
def translit_chars() -> str:
    """Characters that write foreign names by sound (rules/translit_chars.txt)."""
    return "".join(rules.items("translit_chars.txt"))


@functools.lru_cache(maxsize=None)
def place_institutions() -> tuple[str, ...]:
    """Endings of institutions a PLACE may not end with (rules/place_institutions.txt)."""
    return rules.items("place_institutions.txt")


@functools.lru_cache(maxsize=None)
def generic_orgs() -> frozenset[str]:
    return frozenset(rules.items("org_generic.txt"))


@functools.lru_cache(maxsize=None)
def _generic_kinds() -> tuple[frozenset[str], frozenset[str]]:
    rows = rules.table("org_generic_kinds.tsv")
    return (frozenset(r[1] for r in rows if r[0] == "qualifier"), frozenset(r[1] for r in rows if r[0] == "type"))


@functools.lru_cache(maxsize=None)
def _generic_openings() -> tuple[str, ...]:
    return tuple(r[1] for r in rules.table("org_generic_kinds.tsv") if r[0] == "opening")


@functools.lru_cache(maxsize=None)
def _honour_endings() -> tuple[str, ...]:
    """An honour word and a school's type word (特色学校, 示范幼儿园, 重点中学), longest first."""
    rows = rules.table("org_generic_kinds.tsv")
    types = {r[1] for r in rows if r[0] == "type"} | {"幼儿园", "高中", "校"}
    return tuple(sorted((h + t for h in (r[1] for r in rows if r[0] == "honour") for t in types),
                        key=len, reverse=True))


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the name: asked again and again
def honour_title(name: str) -> bool:
    """Whether a name is an honour a school holds, written after its place or field
    (江苏省艺术教育特色学校, 福建省文明学校: rules/org_generic_kinds.tsv, kind honour)."""
    return any(name.endswith(h) and len(name) > len(h) for h in _honour_endings())


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the name: asked again and again
def generic_org(name: str) -> bool:
    """Whether a name that looks like an organisation's names a kind of them: the words of
    rules/org_generic.txt (执政党, 本报), a qualifier or a foreign country before a type
    word of rules/org_generic_kinds.tsv (国外大学, 美国的中学, 顶级商学院), and a name opening
    with a level of bodies in general (县级融媒体中心), and an honour (福建省文明学校)."""
    return name in generic_orgs() or name.startswith(_generic_openings()) or honour_title(name) \
        or generic_kind_head(name) is not None


def after_qualifiers(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] is a type word of rules/org_generic_kinds.tsv written after
    qualifiers or a foreign country (一般 + 商学院, 国内顶级 + 商学院, 美国 + 大学): a kind of
    school, where the model or a later step read the type word alone as one."""
    return text[s:e] in _generic_kinds()[1] and \
        any(generic_kind_head(text[k:e]) for k in range(max(0, s - 8), s))


@functools.lru_cache(maxsize=None)
def _qualifiers_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_generic_kinds()[0], key=len, reverse=True))


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the name: asked again and again
def qualifiers_only(head: str) -> bool:
    """Whether a head is made of qualifiers of rules/org_generic_kinds.tsv alone, one or more
    (顶级, 国内顶级, 国外部分, 一些二三类), each with an optional 的 after it."""
    while head:
        q = next((q for q in _qualifiers_longest_first() if head.startswith(q)), None)
        if q is None:
            return False
        head = head[len(q):].removeprefix("的")
    return True


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the name: asked again and again
def generic_kind_head(name: str) -> str | None:
    """The qualifier or country of a kind of school (国外 of 国外大学, 美国 of 美国的中学),
    None where the name is no such kind."""
    qualifiers, types = _generic_kinds()
    for k in range(1, len(name)):
        if name[k:] in types:
            head = name[:k].removesuffix("的")
            if qualifiers_only(head) or _foreign_country(head):
                return head
            # a country and qualifiers (美国顶尖大学, 英国私立学校): the country
            country = next((head[:j] for j in range(2, len(head)) if qualifiers_only(head[j:])
                            and _foreign_country(head[:j])), None)
            if country:
                return country
            if name[k:] in _ANY_PLACE_KINDS and gazetteer.get().lookup(head):
                return head     # 北京高校, 港澳高校: the colleges of a place, none of them
    return None


# type words that a place before them makes no one body (北京高校; not 北京大学)
_ANY_PLACE_KINDS = frozenset({"高校", "院校", "名校"})


def _foreign_country(name: str) -> bool:
    return any(d.level == "country" and d.code != "world/中国" for d in gazetteer.get().lookup(name))


def divisions():
    return gazetteer.get()
