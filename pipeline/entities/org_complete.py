"""Schools the model cut short at their place: ``安徽省`` + ``行知学校``, ``哈市`` +
``第一一九中学``, ``龙山`` + ``完小``. The model found the place and stopped; the words after
it up to a school's type word (rules/org_suffixes.tsv, rules/org_suffixes_rules.tsv) are the rest of one name
(ANNOTATION.md's longest name), unless they make a category (``大安区小学``,
rules/org_categories.txt), an honour or a grade (``江苏省示范幼儿园``,
rules/org_honours.txt) or hold a word that no name holds (a verb, a particle, a
separator)."""
from __future__ import annotations

import functools
import re

from .. import names, rules
from ..doc import Mention, covered
from . import lexicon
from .org_levels import level_body_at
from .orgs import categories, category, kind_of as orgs_kind_of, named_body
from .places import division_chain


SCHOOL_KINDS = ("school", "kindergarten", "university")
OTHER_KINDS = ("hospital", "research", "unit")
# type words that a place alone makes one school's name (a town's central school, a
# village's complete primary school or teaching point)
_ONE_PER_PLACE = ("中心校", "中心学校", "中心小学", "中心幼儿园", "完小", "教学点",
                  "中学", "小学", "初中", "初级中学", "幼儿园")   # 岩脚镇中学: a town's school
_TOWNS = ("镇", "乡", "村", "街道", "社区")
_MAX_NAME = 12     # characters between the place and the end of the type word
# what no name holds: joining words, particles, pronouns
_NOT_IN_NAME = re.compile(r"[的与及、是在为对向从到将由据经请让被把给了着等说有和或各该本我其均即已]")
# parts of speech of words that do not stand inside a school's name (verbs, adverbs,
# prepositions, conjunctions, particles, pronouns, locality and place words, adjectives,
# idioms: 西班牙没听说过大学, 法国正式大学, 成都境内老年大学)
_NOT_NAME_POS = ("v", "d", "p", "c", "u", "r", "f", "a", "l", "i", "s", "z")
# of one-character words (行知, 育才, 新华: a verb or an adjective of one character stands in names)
_NOT_NAME_CHAR_POS = ("d", "p", "c", "u", "r", "f", "q", "b")
# one-character verbs that take a school as their object (办大学, 上大学, 开学校); other
# one-character verbs stand in names (行知学校, 育才中学)
_TAKES_SCHOOL = frozenset("办上开建读考进去到入念创")
_EDITION = re.compile(r"[0-9０-９一二三四五六七八九十百]+[届期次批]")
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百零〇第]")


@functools.lru_cache(maxsize=None)
def _honours() -> lexicon.WordList:
    return lexicon.WordList.of({w: True for w in rules.items("org_honours.txt")})


def _type_at(text: str, s: int, e: int) -> tuple[str, str]:
    """The longest type word ending at ``e`` and starting at ``s`` or later, of a school
    (with a name of its own before it) or of a hospital, a research body or a centre
    (``辽宁省`` + ``特种器材技术鉴定中心``); (word, kind), or ('', '')."""
    types = lexicon.name_types().words
    for k in range(s, e - 1):
        v = types.get(text[k:e])
        if v and (v[0] in SCHOOL_KINDS and v[1] in ("name", "level") or v[0] in OTHER_KINDS):
            return text[k:e], v[0]
    return "", ""


def _name_like(text: str, s: int, e: int, words) -> bool:
    """The words from ``s`` to ``e`` can stand inside a name: no honour word, no generic
    word, no verb, adverb, adjective, preposition or particle (jieba's parts of speech of
    the pipeline's words), no number that is not a numeral (许多)."""
    honours, stop = _honours(), lexicon.stop_words()
    if any((h := honours.match_at(text, k)) and h[0] <= e for k in range(s, e)):
        return False
    if any(a >= s and b - a >= 2 and (w := stop.match_at(text, a)) and w[0] <= e
           for a, b in words if a < e):
        return False           # 县城乡学校, 市农村幼儿园: a generic word of rules/entity_stop.txt
    for a, b in words:
        if b <= s or a >= e or a < s or b > e:
            continue           # outside, or a word across the edge: the type word's or the place's
        w = text[a:b]
        p = lexicon.pos(w)
        if b - a >= 2 and p.startswith(_NOT_NAME_POS) and p != "vn" \
                or b - a == 1 and (p.startswith(_NOT_NAME_CHAR_POS) or b == e and w in _TAKES_SCHOOL) \
                or p.startswith("m") and not _NUMERAL.search(w):    # 许多, 很多: no number of a name
            return False
    return True


def schools_after_places(text: str, words, ms: list[Mention]) -> list[Mention]:
    """A place the model found, written right before the rest of a school's name that it
    did not: the place and the words after it up to the school's type word are one ORG,
    where the type word ends a word (or a role such as 校长 follows) and no level of
    schooling follows (小学语文, rules/org_suffix_blockers.txt)."""
    ends = lexicon.word_bounds(words)[1]
    alone = {a for a, b in words if b - a == 1}     # one-character words: 等 of 中等 is no 等
    busy = covered(len(text), ms)
    roles, schooling = lexicon.roles(), lexicon.schooling_words()
    out = []
    for p in sorted((m for m in ms if m.label == "PLACE"), key=lambda m: m.start):
        s = p.end
        if s >= len(text) or busy[s]:
            continue
        for e in range(s + 1, min(len(text), s + _MAX_NAME) + 1):
            ch = text[e - 1]
            if not lexicon.is_cjk(ch) or busy[e - 1] or _NOT_IN_NAME.match(ch) and e - 1 in alone:
                break
            typ, kind = _type_at(text, s, e)
            if not typ:
                continue
            if e < len(text) and lexicon.is_cjk(text[e]) and e not in ends and not roles.match_at(text, e):
                continue
            name = text[p.start:e]
            town_school = e - len(typ) == s and typ.endswith(_ONE_PER_PLACE) and p.text.endswith(_TOWNS)
            if e - len(typ) == s and not town_school:
                break          # a place and a school word alone: 贺州市中学, 美国大学 are categories; 巡司镇中心校 a name
            if kind in OTHER_KINDS and (e - len(typ) - s < 2 or kind == "unit" and not typ.endswith("中心")):
                continue       # a centre needs a name of its own: 北京市中心 is none; an office a body
            if _EDITION.search(text, s, e - len(typ)) or text[s:e - len(typ)] == "一":
                break          # 保山市第十届中等职业学校技能大赛: an edition of a contest; 裕华区一小学: a school
            if any(text[k:e] in categories() for k in range(s, e - len(typ))):
                break          # 广东省中小学: 小学 of a category word
            if e < len(text) and schooling.match_at(text, e) or not _name_like(text, s, e - len(typ), words) \
                    or category(name) and not town_school or lexicon.generic_org(name) \
                    or lexicon.stop_words().match_at(text, s):
                break          # (a town's 中学 is its one school: 岩脚镇中学)
            out.append(Mention("ORG", p.start, e, name, attrs={}))
            break
    return out


@functools.lru_cache(maxsize=None)
def _facilities() -> tuple[str, ...]:
    return tuple(sorted(rules.items("org_facilities.txt"), key=len, reverse=True))


def cut_facility(m: Mention) -> Mention:
    """青竹湖湘一外国语学校影剧院: a building or ground of a school that the model ran into
    its name (rules/org_facilities.txt) is not part of it: the school is the name."""
    if m.label != "ORG":
        return m
    for f in _facilities():
        if m.text.endswith(f) and len(m.text) > len(f) + 2:
            head = m.text[:-len(f)]
            if orgs_kind_of(head)[0] in SCHOOL_KINDS:
                return Mention(m.label, m.start, m.end - len(f), head, attrs=dict(m.attrs))
            break
    return m


_QUOTED = re.compile(r"[“\"]([\u3400-\u9fff0-9]{4,20})[”\"]")


def quoted_schools(text: str, ms: list[Mention]) -> list[Mention]:
    """A school's whole name in quotes where the model found only its head (学校名为“农八师独立团
    民办聋哑学校”: 农八师独立团): the quotes hold one name when it opens with the mention
    and ends with a school's type word, and is no category or honour (“江苏省示范幼儿园”)."""
    out = []
    for q in _QUOTED.finditer(text):
        s, e = q.span(1)
        head = next((m for m in ms if m.label in ("ORG", "PLACE") and m.start == s and m.end < e), None)
        if head is None or any(m.start < e and s < m.end and m.end > e for m in ms):
            continue
        typ, kind = _type_at(text, head.end, e)
        name = text[s:e]
        if kind not in SCHOOL_KINDS or e - len(typ) == head.end or _NOT_IN_NAME.search(text, head.end, e) \
                or any(_honours().match_at(text, k) for k in range(head.end, e)) \
                or category(name) or lexicon.generic_org(name):
            continue
        out.append(Mention("ORG", s, e, name, attrs={}))
    return out


_DIVISION_END = ("省", "市", "县", "区", "州", "旗", "盟", "自治区")


def bodies_after_places(text: str, words, ms: list[Mention]) -> list[Mention]:
    """A division written in full, or a named zone (rules/place_zones.txt: 济宁高新区), right
    before one of its own bodies that the model did not take with it (黑龙江省 + 乡村振兴局,
    济宁高新区 + 党工委: rules/org_level_bodies.txt): one ORG, where the body ends a word or a
    role or an office's head follows (黑龙江省乡村振兴局开发指导处处长)."""
    ends = lexicon.word_bounds(words)[1]
    out = []
    zones = rules.items("place_zones.txt")
    for p in ms:
        if p.label != "PLACE" or not (p.text.endswith(_DIVISION_END) and division_chain(p.text)
                                      or p.text.endswith(zones) and len(p.text) > 3):
            continue
        e = level_body_at(text, p.end)
        # nothing else found over the body (a place the model read inside its name, 建设 of
        # 住房和城乡建设厅, is none)
        if not e or any(m.start < e and p.end < m.end and not (m.label == "PLACE" and p.end <= m.start and m.end <= e)
                        for m in ms):
            continue
        if e < len(text) and lexicon.is_cjk(text[e]) and e not in ends and not lexicon.roles().match_at(text, e) \
                and not _OFFICE_AFTER.match(text, e):
            continue
        out.append(Mention("ORG", p.start, e, text[p.start:e], attrs={}))
    return out


def village_schools(text: str, ms: list[Mention]) -> list[Mention]:
    """A village's primary school written 村小 after the village's name (上拉秀乡曲新村小,
    楼房沟村小): the school, where 小 ends a word of its own (not 村小学, which the model reads,
    nor 村小规模学校 or 村小组)."""
    out = []
    for m in ms:
        if m.label != "PLACE" or not m.text.endswith("村") or len(m.text) < 3 or text[m.end:m.end + 1] != "小":
            continue
        nxt = text[m.end + 1:m.end + 2]
        if not nxt or not lexicon.is_cjk(nxt) or nxt in _AFTER_VILLAGE_SCHOOL:
            out.append(Mention("ORG", m.start, m.end + 1, text[m.start:m.end + 1], attrs={"kind": "school"}))
    return out


# what follows 村小 as a school's name: a separator or a word of the clause (曲新村小亮了起来)
_AFTER_VILLAGE_SCHOOL = frozenset("、和与及的亮也都是在以")


# the second characters of words opening with 校 (校园, 校监, 校长, 校友, 校训, 校歌, 校庆, 校服, 校门)
_SCHOOL_WORD_TAILS = frozenset("园监长友训歌庆服门")

# an edition or a term (第十二届, 十九届), read into a body's name (org_shapes.edition_of_event too)
EDITION = r"第?[0-9０-９一二三四五六七八九十百]+届"
_SESSION_END = re.compile(EDITION + "$")
_SESSION_START = re.compile(r"连续[0-9一二三四五六七八九十百]+届")


def cut_session(m: Mention) -> Mention | None:
    """中央纪委十九届(四次全会): a body's session number read into its name is no part of it;
    where what is left names no body (大湾区第八届“控烟与健康”…), nothing is. Terms served
    before a body's name (连续五届全国政协委员) are cut where the rest names a body; a term
    (十三届全国人大常委会) is part of the name, as the corpus annotation reads it."""
    if m.label != "ORG":
        return m
    lead = _SESSION_START.match(m.text)
    if lead and len(m.text) - lead.end() >= 2 and named_body(m.text[lead.end():]):
        m = Mention("ORG", m.start + lead.end(), m.end, m.text[lead.end():], attrs=dict(m.attrs))
    hit = _SESSION_END.search(m.text)
    if hit is None or hit.start() < 2:
        return m
    rest = m.text[:hit.start()]
    return Mention("ORG", m.start, m.start + hit.start(), rest, attrs=dict(m.attrs)) if named_body(rest) else None


# a house number (…路1882号, 20号院, 34号601室) in a body's name: a street address read into it
_HOUSE_NUMBER = re.compile(r"[0-9０-９]+号(?:院|楼|[0-9０-９]+室)?\s*")


def cut_address(m: Mention) -> Mention | None:
    """上海市延安西路1882号东华大学: an address read into a body's name is no part of it, the
    body is what follows the house number; an address alone (北京市丰台区东大街20号院,
    福建省厦门市莲花五村龙昌里34号601室) names no body."""
    if m.label != "ORG":
        return m
    last = None
    for last in _HOUSE_NUMBER.finditer(m.text):
        pass
    if last is None:
        return m
    rest = m.text[last.end():]
    if len(rest) >= 2 and named_body(rest):
        return Mention("ORG", m.start + last.end(), m.end, rest, attrs=dict(m.attrs))
    return None


# a name opening with the end of a bracket (镇)中心学校 of 各乡(镇)中心学校: a broken one), or
# with a bracketed word before no body's name ((街道)中心学校: every such body; not
# (西宁)果洛中学, a school's own name)
_OPENS_WITH_BRACKET = re.compile(r"([（(])?[\u4e00-\u9fff]{1,3}[）)]")


def bracketed_kind(m: Mention) -> Mention | None:
    """各乡镇(街道)中心学校, 各乡(镇)中心学校: a name the model read opening with a bracketed
    level (or its closing half) before no body's name is every such body, none named;
    (西宁)果洛中学 is a school's own name."""
    opening = _OPENS_WITH_BRACKET.match(m.text)
    if opening and (opening.group(1) is None or not named_body(m.text[opening.end():])):
        return None
    return m


def cut_campus_word(text: str, m: Mention) -> Mention:
    """园湖路小学校园内, …中学校监: the model read 校 of a word opening with it (校园, 校监, 校长,
    校友, 校训) into the school's name; the school is 园湖路小学 (a name ending in 小学校 or
    中学校 stays where no such word follows)."""
    if m.label == "ORG" and m.text.endswith(("小学校", "中学校")) and text[m.end:m.end + 1] in _SCHOOL_WORD_TAILS \
            and len(m.text) >= 5:
        return Mention("ORG", m.start, m.end - 1, m.text[:-1], attrs=dict(m.attrs))
    return m


def cut_schooling_level(text: str, m: Mention) -> Mention:
    """大安区教师进修校小学语文教研员, 南京市教研室中学政治教研员: a level of schooling with a
    subject after it (rules/org_suffix_blockers.txt) written right after a body's whole name
    belongs to the post, not to the name: 大安区教师进修校. A school's own name ending so
    (清华大学附属小学体育教师) is left whole: what is before 小学 is no body of its own."""
    hit = _LEVEL_END.search(m.text) if m.label == "ORG" else None
    if hit is None or hit.start() < 3 or not lexicon.schooling_words().match_at(text, m.end) \
            or orgs_kind_of(m.text[:hit.start()])[0] == "other":
        return m
    return Mention(m.label, m.start, m.start + hit.start(), m.text[:hit.start()], attrs=dict(m.attrs))


_LEVEL_END = re.compile(r"(?:小学|中学|初中|高中)$")


def cut_etc_schools(m: Mention) -> Mention:
    """嘉定一中等学校开展…, 黄石二中等学校参加: a school written short (一中, 二中, 附中) before
    等学校 ("and other schools") is that school, not a 中等学校 (a secondary school) of its
    place. 北京市高级中等学校 and 上海市中等学校 stay whole."""
    if m.label != "ORG" or not _ETC_SCHOOLS.search(m.text):
        return m
    n = len(m.text) - len("等学校")
    return Mention(m.label, m.start, m.start + n, m.text[:n], attrs=dict(m.attrs))


_ETC_SCHOOLS = re.compile(r"(?:[一二三四五六七八九十0-9０-９]|附)中等学校$")


def cut_compiled(text: str, m: Mention) -> Mention:
    """来源: 网易财经综合: an outlet credited as the source of a piece it compiled (综合) is the
    outlet (网易财经); 综合 says how the piece was made, not whose name it is."""
    if m.label != "ORG" or not m.text.endswith("综合") or len(m.text) < 4 \
            or not _SOURCE_LABEL.search(text, max(0, m.start - 6), m.start):
        return m
    return Mention(m.label, m.start, m.end - 2, m.text[:-2], attrs=dict(m.attrs))


_SOURCE_LABEL = re.compile(r"来源\s*[:：]\s*$")


def cut_before_post(text: str, m: Mention) -> Mention:
    """拉脱维亚大学孔子学院拉方院长: a name the model ran into a post (its last character and the
    next one a role word, 院长, 校长, and the name ending in no type word) ends with its last type
    word (拉脱维亚大学孔子学院). A name ending in a type word (北京大学医学院长) is left whole."""
    if m.label != "ORG" or text[m.end - 1:m.end + 1] not in lexicon.roles().words:
        return m
    types = lexicon.name_types().words
    if any(m.text[k:] in types for k in range(len(m.text) - 1)):
        return m
    for k in range(len(m.text) - 2, 3, -1):
        if any(m.text[j:k] in types for j in range(max(0, k - 6), k - 1)):
            return Mention(m.label, m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))
    return m


def person_studios(text: str, words, ms: list[Mention]) -> list[Mention]:
    """A teacher's studio named after her (大安区李秀英沐语名师工作室, 杜丽君综合实践名师工作室):
    the place written before the name, the name and the words up to 工作室 are one ORG, where
    those words can stand in a name (not 吴丹青紧急召集工作室核心成员)."""
    places = {m.end: m for m in ms if m.label == "PLACE"}
    out = []
    for p in ms:
        if p.label != "PERSON":
            continue
        st = _STUDIO.match(text, p.end)
        if st is None or _NOT_IN_NAME.search(st.group(1)) or not _name_like(text, p.end, st.end(1), words):
            continue
        a = places[p.start].start if p.start in places else p.start
        out.append(Mention("ORG", a, st.end(), text[a:st.end()], attrs={}))
    return out


_STUDIO = re.compile(r"([\u4e00-\u9fff]{0,6}?)(?:名师|名校长|名班主任|特级教师)?工作室")


def command_teams(text: str, ms: list[Mention]) -> list[Mention]:
    """A body's command team for an epidemic, written after the body (a place, an
    organisation, or 中央) with its topic (rules/team_topics.txt): 教育部应对新冠肺炎疫情工作
    领导小组办公室, 湖北省新型冠状病毒感染肺炎疫情防控指挥部, 中央应对疫情工作领导小组: one ORG,
    the body's own team, where the model read the body alone or the team without it."""
    team = _team_pattern()
    out = []
    owners = [(m.start, m.end) for m in ms if m.label in ("PLACE", "ORG")]
    owners += [(c.start(), c.end()) for c in re.finditer("中央", text)
               if c.start() == 0 or not lexicon.is_cjk(text[c.start() - 1])]
    for a, b in sorted(set(owners)):
        t = team.match(text, b)
        if t:
            out.append(Mention("ORG", a, t.end(), text[a:t.end()], attrs={}))
    return out


@functools.lru_cache(maxsize=None)
def _team_pattern() -> re.Pattern:
    topics = rules.alternation(rules.items("team_topics.txt"))
    return re.compile(rf"(?:应对)?(?:{topics})(?:疫情)?(?:联防联控|防控|处置)?(?:工作)?(?:领导小组|指挥部)(?:办公室)?")


# an office of the body right after it (开发指导处, 政工股, 办公室): the body ends there
_OFFICE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:处|科|股|室)(?:副)?(?:处长|科长|股长|主任)")


@functools.lru_cache(maxsize=None)
def _clause_words() -> frozenset[str]:
    return frozenset(rules.items("org_clause_words.txt"))


def cut_clause(text: str, m: Mention, word_at: dict) -> list[Mention]:
    """A clause the model read as one name (中国学生群体是帝国理工学院, 华商报记者来到实验中学,
    州政府提供医院): a word no name holds (rules/org_clause_words.txt), written as a word of its
    own inside the span, parts it; each side that is a body's name by itself stays (道真县是
    茅台集团 -> 茅台集团; 万科将企业股资产管理中心 -> both), and none where neither is
    (华商报记者来到实验中学)."""
    clause_words = _clause_words()
    for k in range(m.start + 1, m.end - 1):
        e = word_at.get(k)      # the word written at k: one of the list, or none
        if e is None or e >= m.end or text[k:e] not in clause_words:
            continue
        w = text[k:e]
        left, right = text[m.start:k], text[k + len(w):m.end]
        out = [Mention("ORG", m.start, k, left, attrs=dict(m.attrs))] if named_body(left) else []
        if len(right) >= 2 and named_body(right):
            out += cut_clause(text, Mention("ORG", k + len(w), m.end, right, attrs=dict(m.attrs)), word_at)
        return out
    return [m]


# an embassy or a consulate and the office of it written right after it
_MISSION = re.compile(r"(?:大使馆|总领事馆|总领馆|领事馆)")
_MISSION_OFFICE = re.compile(r"(?:文化教育处|教育处|教育组|文化处|科技处|领事部|签证处)")


def embassies(text: str, ms: list[Mention]) -> list[Mention]:
    """A country's embassy or consulate, named by its country and the place it sits in
    (中国驻纽约总领馆, 澳大利亚驻上海总领事馆) or by its country alone (英国大使馆), with its
    office right after it (中国驻英国大使馆教育处): one ORG, not the places it is named by. A
    mission without its country (驻纽约总领馆, 我驻英国使馆) is none the text names in full."""
    places = {m.end: m for m in ms if m.label == "PLACE"}
    out = []
    for hit in _MISSION.finditer(text):
        host = places.get(hit.start())
        if host is None:
            continue
        start = host.start
        if text[start - 1:start] == "驻":
            home = places.get(start - 1)
            if home is None:
                continue
            start = home.start
        end = _mission_end(text, hit.end())
        out.append(Mention("ORG", start, end, text[start:end], attrs={}))
    return out


def _mission_end(text: str, i: int) -> int:
    """The end of a mission's name whose mission word ends at ``i``: its office too, where one
    is written right after it (大使馆 + 教育处)."""
    office = _MISSION_OFFICE.match(text, i)
    return office.end() if office else i


# a post at a mission, which the model may run into its name (…总领事馆教育领事)
_MISSION_POST = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:领事|参赞|公参|大使|秘书|官员)")


def cut_at_mission(text: str, m: Mention) -> Mention:
    """An organisation the model read through a mission into a post at it
    (澳大利亚驻上海总领事馆教育 + 领事) ends with the mission or its office."""
    hit = _MISSION.search(m.text) if m.label == "ORG" else None
    if hit is None:
        return m
    end = m.start + _mission_end(m.text, hit.end())
    post = _MISSION_POST.match(text, end)
    if end == m.end or post is None or post.end() < m.end:
        return m
    return Mention(m.label, m.start, end, text[m.start:end], attrs=dict(m.attrs))


# parts of speech of a word that opens no name (verbs, adverbs, prepositions, conjunctions,
# pronouns, particles, numerals) and abbreviations (政大和中央大学: two universities)
_NOT_OPENING_POS = ("v", "d", "p", "c", "r", "u", "m", "j")


def _whole_of_its_own(name: str) -> bool:
    """A name that opens with a division or a level word, or is known by name
    (普陀区中心医院, 区教师进修学院, 中国人民大学): a body of its own, not the rest of another's."""
    return name[:1] in "省市县区州" or bool(names.full_name(name)) \
        or any(division_chain(name[:k]) for k in range(2, min(len(name), 8)))


# what is written before a name that opens with "X与": a separator, a space or the text's start
_OPENS = re.compile(r"[^\u4e00-\u9fff]")


def joined_openings(text: str, ms: list[Mention]) -> list[Mention]:
    """A name whose first words are joined by 与 or 和 to the rest (水土保持与生态环境研究中心,
    测量与地球物理研究所, 文法与外语学院), which the model began after the joining word: the words
    from the separator before them are part of it, where they are two to six characters of no
    other mention, with no word that no name holds (清华大学与北京大学 stays two)."""
    candidates = [m for m in ms if m.label == "ORG" and text[m.start - 1:m.start] in ("与", "和")
                  and orgs_kind_of(m.text)[0] in ("university", "research")]
    busy = covered(len(text), ms) if candidates else None
    out = []
    for m in candidates:
        j = m.start - 1
        k = j
        while k > 0 and lexicon.is_cjk(text[k - 1]) and not _OPENS.match(text[k - 1]) and j - k < 7:
            k -= 1
        words = text[k:j]
        if not 2 <= j - k <= 6 or (k > 0 and not _OPENS.match(text[k - 1])) or any(busy[k:j]) \
                or _NOT_IN_NAME.search(text, k, j) or not lexicon.freq(words) \
                or lexicon.pos(words)[:1] in _NOT_OPENING_POS or _whole_of_its_own(m.text):
            continue      # one word of a field (水土保持, 测量, 计算机), before no name of its own
        out.append(Mention("ORG", k, m.end, text[k:m.end], attrs={}))
    return out
