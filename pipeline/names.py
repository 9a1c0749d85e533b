"""Names of organisations as entity keys use them: the full names and short names of
rules/org_names.tsv (北大 -> 北京大学, with the seat of a body whose name's place is not
where it is), and what a name says once its place is taken off: a bare type word
(大学, 教育局, 委, 第八中学) is no name of its own, so the place stays part of the entity's
name (武汉大学 and 湖北大学 are two universities; 杭州市教育局 and 桐庐县教育局 two bureaus).

Shared by the place stage (which makes the keys) and the linking stage (which merges
them across reports); imports no stage.
"""
from __future__ import annotations

import functools
import re

from . import rules

NUM_CH = "零〇一二三四五六七八九十百两"
ORDINAL = re.compile(rf"^第?[{NUM_CH}\d]+")
# 八中 -> 第八中学, 一小 -> 第一小学, 二幼 -> 第二幼儿园, 十一高 -> 第十一高级中学
SHORT_SCHOOL = re.compile(rf"^第?([{NUM_CH}\d]+)(中|小|幼|高|职|初中)$")
SHORT_HEADS = {"中": "中学", "小": "小学", "幼": "幼儿园", "高": "高级中学", "职": "职业学校",
               "初中": "初级中学"}
# bodies whose own name a place owns without being "the place's" body (the text is kept)
AS_WRITTEN_KINDS = {"university", "media", "company"}
# bodies a place owns: a bureau, a government, a party committee or a team of one place is
# never the same body of another place, whatever its name says besides the place
OWNED_KINDS = {"bureau", "government", "party", "team"}
# kinds of organisation with one seat, however many places their name is written with
# (武汉市桂子山实验小学 and 洪山区桂子山实验小学 are one school): unlike a committee or an
# association, of which each place has its own (四川省老龄委, 成都市老龄委)
ONE_SEAT_KINDS = frozenset({"school", "university", "kindergarten", "hospital", "company", "media"})


def own_body_named_in_full(gaz, written: str, kind: str, code: str) -> bool:
    """Whether a body of ``kind`` written ``written`` is the own body of division ``code``
    named in full (四川省老龄委: 四川省's; not a school, ONE_SEAT_KINDS): two such bodies of one
    name at two levels are two bodies. ``gaz``: the gazetteer."""
    return kind not in ONE_SEAT_KINDS and gaz.opens_with_own_name(written, code)
# the place's own bodies besides the type words of rules/org_suffixes.tsv
OWNED_WORDS = ("委", "委办", "府", "办", "团", "妇联", "党委", "政府", "人民政府")


@functools.lru_cache(maxsize=None)
def known() -> dict[str, tuple[str, str]]:
    """Any spelling in rules/org_names.tsv -> (full name, seat adcode or '')."""
    out: dict[str, tuple[str, str]] = {}
    for row in rules.table("org_names.tsv"):
        seat = row[2] if len(row) > 2 else ""
        out[row[0]] = (row[0], seat)
        for a in (row[1].split("|") if len(row) > 1 and row[1] else []):
            out.setdefault(a, (row[0], seat))
    return out


def full_name(text: str) -> tuple[str, str] | None:
    """(full name, seat) of a known organisation's full or short name."""
    return known().get(text)


@functools.lru_cache(maxsize=None)
def _type_words() -> tuple[str, ...]:
    words = {row[0] for row in rules.table("org_suffixes.tsv")} | set(OWNED_WORDS)
    return tuple(sorted(words, key=len, reverse=True))


# short type words of schools as news writes them: 城郊乡中心校, 洛阳高中, 平罗县特校
SHORT_ENDS = {"中心校": "中心学校", "高中": "高级中学", "特校": "特殊教育学校", "实小": "实验小学",
              "职中": "职业中学"}


# a numbered short name with a unit after it: 一中党委, 八中校区
SHORT_SCHOOL_HEAD = re.compile(rf"^第?([{NUM_CH}\d]+)(初中|中|小|幼|高|职)(?=党|团|工会|校区|分校|初中部|高中部|学部|办公室)")


def expand_short(core: str) -> str:
    """A school's short name in full: 八中 -> 第八中学, 一中党委 -> 第一中学党委,
    城郊乡中心校 -> 城郊乡中心学校 (else the core as it is)."""
    m = SHORT_SCHOOL.match(core) or SHORT_SCHOOL_HEAD.match(core)
    if m:
        return f"第{m.group(1)}{SHORT_HEADS[m.group(2)]}" + core[m.end():]
    for short, full in SHORT_ENDS.items():
        if core.endswith(short):
            return core[:-len(short)] + full
    return core


@functools.lru_cache(maxsize=1 << 16)
def is_generic(core: str) -> bool:
    """Whether an organisation's name without its place is no name of its own: a type
    word (大学, 教育局, 委), a numbered one (第八中学, 八中), a unit of one (教育局办公室,
    中心小学党支部), or the name of a kind of institution (孔子学院)."""
    c = ORDINAL.sub("", expand_short(core))
    # a one-character type word (网, 局, 党) only alone: 网易 is a name of its own
    words = _type_word_set()
    return c == "" or c in kind_names() or c in words or any(c[:k] in words for k in range(2, len(c)))


def bare_college(text: str) -> bool:
    """A college or department named by its field alone (商学院, 马克思主义学院, 材料科学与工程
    学院, 中文系; fields in rules/college_fields.txt): a unit of some university, no name of its
    own (长江商学院, 中国美术学院 are)."""
    # any short X学系 (博物馆学系, 考古学系) names a discipline's department, not one of a
    # university or place written in it (浙江大学考古学系)
    return bool(_college_name().fullmatch(text)) or bool(DISCIPLINE_DEPT.fullmatch(text))


DISCIPLINE_DEPT = re.compile(r"(?:(?!大学|学院|[省市县区州])[\u4e00-\u9fff]){1,5}学系")


@functools.lru_cache(maxsize=None)
def _college_name() -> re.Pattern:
    fields = "|".join(re.escape(f) for f in sorted(rules.items("college_fields.txt"), key=len, reverse=True))
    return re.compile(rf"(?:{fields})(?:[与和及、]?(?:{fields}))*(?:学院|系|学部)")


@functools.lru_cache(maxsize=None)
def _type_word_set() -> frozenset[str]:
    return frozenset(_type_words())


@functools.lru_cache(maxsize=None)
def kind_names() -> frozenset[str]:
    """Names of a kind of institution (rules/org_kinds.txt: 孔子学院, 希望小学)."""
    return frozenset(rules.items("org_kinds.txt"))


@functools.lru_cache(maxsize=None)
def _suffix_kinds() -> dict[str, str]:
    return {row[0]: row[1] for row in rules.table("org_suffixes.tsv") if len(row) > 1}


def suffix_kind(name: str) -> str:
    """The kind (school, university, media ...) of the longest type word a name ends with."""
    kinds = _suffix_kinds()
    for k in range(len(name)):
        if name[k:] in kinds:
            return kinds[name[k:]]
    return ""


@functools.lru_cache(maxsize=None)
def national() -> dict[str, str]:
    """Bodies known by name alone (rules/org_known.tsv): name or alias -> name."""
    out = {}
    for row in rules.table("org_known.tsv"):
        out[row[0]] = row[0]
        for a in (row[2].split("|") if len(row) > 2 and row[2] else []):
            out.setdefault(a, row[0])
    return out


def is_type_word(name: str) -> bool:
    """Whether a name is a type word alone (学校, 教育局)."""
    return name in _suffix_kinds()


# names of national bodies start so (中国教育在线, 国家体育总局, 全国学联, 中央民族大学 is known)
NATIONAL_LEAD = ("中国", "全国", "国家", "中华", "中央", "共产党")
# a name holding one of these is a university's, company's or outlet's (or a unit of one:
# 北京林业大学生态研究中心), and keeps its name as written
AS_WRITTEN_WORDS = re.compile(r"大学|学院|公司|报社|日报|晚报|电视台|出版社")
# what the report's own outlet is called in it: no outlet's name
OWN_OUTLET = ("本报", "本台", "本刊", "本网", "本站")


@functools.lru_cache(maxsize=1 << 16)
def is_national(name: str) -> bool:
    """A national body by its name: it starts with 中国/全国/国家... or with a body known by
    name alone (教育部考试中心, 国务院办公厅)."""
    if name.startswith(NATIONAL_LEAD) or name.endswith("中央") and len(name) >= 4:
        return True       # … and a party's central committee: 民进中央, 民盟中央, 九三学社中央
    name = name.removeprefix("中华人民共和国")
    known_names = national()   # a known name of three characters or more that starts it and is not it
    return any(name[:k] in known_names for k in range(3, len(name)))


def known_prefix(name: str) -> tuple[str, str] | None:
    """(name, seat) of a unit named onto a body known by its full name (北京大学附属中学,
    中国海洋大学水产学院): the known body's seat. Short names are not taken as a start
    (北大荒 is no unit of 北京大学)."""
    for k in range(len(name) - 1, 3, -1):
        hit = known().get(name[:k])
        if hit and hit[0] == name[:k]:
            return name, hit[1]
    return None


# the party and league units a known body's short name may carry (北大党委, 清华团委): the
# unit of that body, not a body of the report's place
_KNOWN_UNITS = ("党支部", "党总支", "机关党委", "党委", "党组", "团委", "工会", "纪委")


def known_unit(name: str) -> tuple[str, str] | None:
    """(full name, seat) of a party or league unit named onto a known body's short or full
    name (北大党委 -> 北京大学党委 in 北京); None for anything else."""
    for u in _KNOWN_UNITS:
        hit = known().get(name[:-len(u)]) if name.endswith(u) and len(name) > len(u) + 1 else None
        if hit:
            return hit[0] + u, hit[1]
    return None


def head_kind(core: str) -> str:
    """The kind of the longest type word a name (without its place) starts with."""
    kinds = _suffix_kinds()
    for k in range(len(core), 0, -1):
        if core[:k] in kinds:
            return kinds[core[:k]]
    return ""
