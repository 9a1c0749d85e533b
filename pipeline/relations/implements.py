"""IMPLEMENTS: an organisation and a measure the text says it carries out, launches or
sets up. The actor is the organisation the sentence names as its subject: the last one
named before the measure in the same clause run that does not stand as an object (为X学校,
到X学校, 组织X学校 ...: rules/relations.tsv `object`). Where the sentence names none and
starts without a subject of its own (同时, 还, 该局 ...: `carry`), the subject of the
sentence before is carried over, and the relation says so (basis, confidence inferred);
so is the paragraph's subject for a sentence opening with its verb (组织学生开展…:
`carry_verb`), and the school for 学校的“X”. An organisation that only praises the work
(充分肯定: `judge`) is no actor. No actor, no link: the measure stays in the report without
one.
"""
from __future__ import annotations

import functools
import re

from ..doc import Mention, Relation, sentence_of
from .common import INFERRED, cue_alternation, cue_flagged, cue_pairs, cues, full_unit, listed_after, relation
from .measure_owners import NOT_ACTORS, organisers_after, organisers_before, organisers_next, owner as owner_of
from .not_deeds import (cited, contributes, honour, inside_title, inspected, news_source, only_cares, only_guides,
                        takes_part, unnamed_subject, urges_others)
from .openings import (FOCUS, ITEM_DOES, OPENING, after_lead_in, cue_alternation_of, enumerated, fullest,
                       item_opening, notice_patterns, paragraph_listed, pattern_of, report_subject, section_subject,
                       tells_a_deed, we_subject)

PARTY_UNIT_OPENS = re.compile(r"\s*(?:该校|我校|校|学校)?(?:党支部|党总支|党委|支部|团委|少先队)(?=[\u3400-\u9fff])")
QUOTED = re.compile(r"[“\"「『‘][^“”\"「」『』‘’\n]*[”\"」』’]")
SPEECH_OPENS = re.compile(r"\s*“[^”]{0,30}[，,]")   # a sentence that is reported speech (“今年9月1日开始，学校开展…)
# a person who speaks (X局工作人员张三介绍): what follows is reported speech
# (X部副部长李四在会上介绍, X研究院专家王五呼吁), or gives a talk on a titled topic (X大学副校长
# 赵六以“…”为题 / 作了题为“…”的报告): the measure is named in the talk, not carried out
SPEAKS = re.compile(r"(?:同志|老师|先生|女士)?(?:在[^，,。；;“”]{0,10}?(?:上|时|中))?(?:感叹|感慨|激动地|笑着|自豪地|动情地)?"
                    r"(?:介绍|说|表示|指出|告诉|认为|坦言|透露|解释|回忆|就|呼吁|建议|强调|谈到|谈道|讲道|提到|直言|发言|提出|称|"
                    r"(?:作|做)了?题为|以“[^“”]{0,40}”为题)")


def _is_object(text: str, o: Mention, s: int) -> bool:
    before = text[max(s, o.start - 4):o.start]
    return any(before.endswith(w) for w in cues("object") + cues("object", "implements.tsv"))


def _issuer_in_clause(text: str, o: Mention, between: str) -> bool:
    """Whether the organisation, written after 在, issues or launches what follows in a clause
    of time (作业帮在教育部发出“停课不停学”通知后，…: 教育部's measure; rules/implements.tsv
    ``issue_after_zai``)."""
    return text[o.start - 1:o.start] == "在" and between.startswith(cues("issue_after_zai", "implements.tsv"))


def _own_item(text: str, places: list[Mention], start: int, pos: int) -> bool:
    """Whether the measure at ``pos`` stands in a list item after ``start`` that opens with
    an owner of its own: a place or a level word (rules/implements.tsv ``item_owner``)
    right after a list separator (、X市“Y”)."""
    k = max(text.rfind(c, start, pos) for c in "、，,")
    if k < 0:
        return False
    item = text[k + 1:pos]
    if item.startswith(cues("item_owner", "implements.tsv")):
        return True
    return any(p.start == k + 1 and re.fullmatch(r"[“\"]?", text[p.end:pos]) for p in places)


# how far (characters, a title counting as one) a subject reaches within its sentence: a
# bureau opening a sentence of clauses (X局从…方面进行了详细布置，…，同时开展了“…”活动)
ACTOR_REACH = 160


def _actors(text: str, orgs: list[Mention], s: int, pos: int, persons: list[Mention] = (),
            ms_places: list[Mention] = ()) -> list[Mention]:
    """The organisations that are the subject for something written at ``pos``: the last
    one named before it that stands as no object, with the ones listed before it
    (普洱市委、市政府和全市教育系统聚焦…: 普洱市委 and 市政府)."""
    cands = [o for o in orgs if s <= o.start and o.end <= pos and o.attrs.get("kind") not in NOT_ACTORS]
    opened = text.rfind("《", s, pos)
    if opened > text.rfind("》", s, pos) and re.search(
            f"(?:{cue_alternation('cite')})[了的]?$", text[max(s, opened - 6):opened]):
        # 根据《教育部办公厅关于推进乡村温馨校园建设工作的通知》: a title cited as the ground
        # of the work; its issuer is not the one carrying out the measure named inside it
        cands = [o for o in cands if o.start < opened]
    below = len(cands)
    for i in range(len(cands) - 1, -1, -1):
        if i >= below:
            continue          # a member of a list read as an object before
        o = cands[i]
        between = text[o.end:pos]
        if re.search(r"[。；;]", between) or len(re.sub(r"《[^》]*》", "《》", between)) > ACTOR_REACH:   # titles count as one word
            return []
        if re.search(f"(?:{cue_alternation('judge')})", between):
            return []         # X局充分肯定…工作: the organisation judges the work, others do it
        if only_cares(between):
            return []         # 国务院高度重视儿童青少年近视防控工作: an attitude, not a deed
        if takes_part(between) or urges_others(between) or contributes(between, text[pos:pos + 30]):
            return []         # X学院21名教师参加“…研修”, X局要求各校组织“…”, 助力“…”: others run it
        if text.count("《", s, o.start) > text.count("》", s, o.start) and ("》" in between or not _issued(text, s, o)):
            continue          # 组织学习《X办公厅关于…的通知》, 做了《X关于…的意见》的发言: the issuer of a title read out
        if text.count("(", s, o.start) + text.count("（", s, o.start) > \
                text.count(")", s, o.start) + text.count("）", s, o.start) and re.search(r"[)）]", between):
            continue          # 龙坪家园(原龙坪煤矿棚改房): an aside in brackets
        if _quoted(text, s, o):
            continue          # “红星海娃讲将军的故事”: a name inside the quotes of another
        if _of_a_person(text, o, persons):
            continue          # 七星关区教育科技局营养办工作人员葛娣介绍: a person's organisation
        if _own_item(text, ms_places, o.end, pos):
            return []         # 教育部X计划1人、自治区“天山英才”2人: a list item with an owner of its own
        if between.startswith(cues("modifier", "implements.tsv")) or re.match(r"[一二三四五六七八九\d]+年级", between):
            continue          # 威远县实验小学二年级的学生…: the organisation qualifies a noun
        if text[o.start - 1:o.start] == "、" and between in ("“", "\"") and not listed_after(text, cands, i):
            return [o]        # …公益项目、华南理工大学“远程支援…”行动: a list item written onto its own name
        if _is_object(text, o, s) and not listed_after(text, cands, i) and not _issuer_in_clause(text, o, between):
            continue
        if news_source(text, o, s) or only_guides(text, o, between):
            continue          # 记者从X新闻办获悉，…, 由X指导、Y主办: where the news came from, who guides
        # a possessive (X的Y) is no subject, nor a list member before another organisation
        if between.startswith("的") or (between.startswith(("和", "与", "、", "及")) and i < len(cands) - 1):
            continue
        # a clause with a subject of its own after the organisation (…，学校开展…)
        if any(c.startswith(cues("subject")) for c in re.split(r"[，,；;：:]", between)[1:]):
            return []
        if any(PARTY_UNIT_OPENS.match(c) for c in re.split(r"[，,；;：:]", between)[1:]):
            return []         # X中学现有党员77人，党支部严肃…，落实“三会一课”: the branch acts
        group = [o]
        while i > 0 and listed_after(text, cands, i):
            i -= 1
            group.insert(0, cands[i])
        if _is_object(text, group[0], s) and not _issuer_in_clause(text, group[0], text[group[0].end:pos]):
            below = i         # 坚决贯彻落实党中央、国务院决策部署，…: an object list; the subject is before it
            continue
        return group
    return []


def _issued(text: str, s: int, o: Mention) -> bool:
    """Whether the title the organisation stands in is one the sentence says is being
    issued (研究制定了《X大学定点帮扶Y“教育强基工程”实施方案》: rules/implements.tsv
    ``issue_title``), so that its issuer carries out the measures it names."""
    opened = text.rfind("《", s, o.start)
    return re.search(rf"(?:{cue_alternation_of('issue_title')})[了]?$", text[max(s, opened - 8):opened]) is not None


def _later_subject(text: str, orgs: list[Mention], mm: Mention, e: int) -> Mention | None:
    """落实党建工作责任制，刘集镇中心小学坚持…: a sentence opening with a clause of doing
    that names no one has its subject at the head of the clause after it."""
    m = re.compile(r"[^，,；;。：:“”]*[，,]\s*").match(text, mm.end)
    if m is None:
        return None
    at = m.end() + len(OPENING.match(text, m.end()).group(0))
    return next((o for o in orgs if o.start == at and o.end < e and o.attrs.get("kind") not in NOT_ACTORS
                 and not text.startswith("的", o.end)), None)


def _quoted(text: str, s: int, o: Mention) -> bool:
    """Whether the organisation stands inside the quotes of a name (“红星海娃讲将军的故事”):
    not so in a sentence that is reported speech (“三江新区的诞生，是省委、省政府大力实施…),
    whose opening quote comes first and holds a comma before the organisation."""
    depth = text.count("“", s, o.start) - text.count("”", s, o.start)
    if depth == 1 and SPEECH_OPENS.match(text, s):
        first = text.index("“", s)
        return "”" in text[first:o.start] or not re.search(r"[，,]", text[first:o.start])
    return depth > 0


# X局有关负责人表示 / X司负责同志介绍: the organisation of an unnamed official who speaks
SPOKESMAN = re.compile(r"[\u3400-\u9fff]{0,8}?(?:有关|相关|主要)?(?:负责人|负责同志|发言人)" + SPEAKS.pattern)


def _of_a_person(text: str, o: Mention, persons: list[Mention]) -> bool:
    """Whether the organisation only says where a person named right after it works, and
    that person speaks (X局工作人员张三介绍, X中学校长李四说), or of an unnamed official who
    speaks (X司有关负责人表示): the organisation does not act."""
    return any(0 <= q.start - o.end <= 20 and re.fullmatch(r"[\u3400-\u9fff、]*", text[o.end:q.start])
               and SPEAKS.match(text, q.end) for q in persons) or SPOKESMAN.match(text, o.end) is not None


def _subject(text: str, orgs: list[Mention], s: int, e: int) -> Mention | None:
    """The subject a sentence opens with: an organisation at its start (after a date or a
    short lead-in such as 近日, 今年以来, and after lead-in clauses ending at a comma:
    今年以来，青山县教育局…)."""
    body = text[s:e].lstrip(" \u3000\t")
    k = s + len(text[s:e]) - len(body)
    k += len(body) - len(after_lead_in(body, [], k))
    not_before = cues("modifier", "implements.tsv") + cues("title_after", "implements.tsv")
    for o in orgs:
        if k <= o.start < e and o.start - k <= 12 and not re.search(r"[，,。；]", text[k:o.start]) \
                and not _is_object(text, o, k) and o.attrs.get("kind") not in NOT_ACTORS \
                and not text.startswith(not_before, o.end):
            return o      # (not X中学门口，…: a place the sentence is at; nor 教育部相关负责人介绍: a title)
    return None


def _bare_unit_subject(text: str, orgs: list[Mention], s: int, pos: int) -> Mention | None:
    """党支部严格落实“三会一课” in a report that names 城北小学党支部: the clause's subject is
    a unit written without its owner, and the report has one such unit with its owner."""
    units = cue_alternation("unit")
    found_ = None
    for m in re.finditer(rf"(?:^|[，,；;])\s*(?:该校|我校|校|学校|全校)?({units})(?=[\u3400-\u9fff])", text[s:pos]):
        found_ = m.group(1)
    if not found_ or len(found_) < 2:
        return None
    full = {o.key: o for o in orgs if o.text.endswith(found_) and o.attrs.get("parent_key")}
    return next(iter(full.values())) if len(full) == 1 else None


@functools.lru_cache(maxsize=None)
def _anaphor_opening(possessive: bool) -> re.Pattern:
    """An anaphor (rules/relations.tsv ``anaphor``, longest first) opening a clause, perhaps
    after a time word (rules/implements.tsv ``anaphor_time``: 彼时学校正在组建…); with
    ``possessive``, the anaphor followed by 的 anywhere."""
    alt = "|".join(map(re.escape, sorted(cue_pairs("anaphor"), key=len, reverse=True)))
    if possessive:
        return re.compile(rf"({alt})的")
    time = "|".join(map(re.escape, sorted(cues("anaphor_time", "implements.tsv"), key=len, reverse=True))) or "(?!)"
    return re.compile(rf"(?:^|[，,；;：:])\s*(?:[^，,；;：:]{{0,10}}?[，,])?\s*(?:{time})?({alt})(?=[\u3400-\u9fff])")


@functools.lru_cache(maxsize=None)
def _clause_subject() -> re.Pattern:
    """A clause opening with a subject word (rules/relations.tsv ``subject``)."""
    return re.compile(r"[，,；;：:]\s*(?:" + cue_alternation("subject", longest_first=False) + ")")


def _anaphor_subject(text: str, orgs: list[Mention], s: int, pos: int, possessive: bool = False,
                     title: str = "", prev: Mention | None = None) -> Mention | None:
    """学校开展课后延时服务 / 该局启动…: a clause opening with an anaphor (rules/relations.tsv
    ``anaphor``) and naming no organisation before ``pos`` stands for the last organisation
    of that kind the report named before it."""
    words = cue_pairs("anaphor")
    only_one = cue_flagged("anaphor", "one")
    last = None
    # 详细了解了学校的“将帅故事党建特色课程”: the anaphor owns the measures listed after it,
    # quoted names of the list counting as one word each (…“从小学党史,永远跟党走”主题教育活动、“X”)
    for m in _anaphor_opening(possessive).finditer(text[s:pos]):
        rest = QUOTED.sub("“”", text[s + m.end():pos])
        if not possessive or len(rest) <= 40 and not re.search(r"[，,；;。]", rest):
            last = m
    if last is None:
        return None
    a = s + last.start(1)
    if text.count("“", s, a) > text.count("”", s, a) and not SPEECH_OPENS.match(text, s):
        return None       # inside a quoted slogan (“政府引领，学校主导”)
    if any(a < o.start < pos and not _quoted(text, s, o) for o in orgs) or re.search(r"[，,；;：:]", text[s + last.end(1):pos]) and \
            _clause_subject().search(text[s + last.end(1):pos]):
        return None
    kinds = next(([k] for k in words[last.group(1)].split("|") if any(   # the first kind named: 学校 is the
        o.attrs.get("kind") == k and not o.attrs.get("parent_key") for o in orgs)), [])   # school, else the university
    before = [o for o in orgs if o.end <= a and o.attrs.get("kind") in kinds and not o.attrs.get("parent_key")
              and not o.text.endswith("校区")]     # 学校 is no campus named alone (净月校区: an eighth reading)
    if last.group(1) in only_one:
        counts: dict[str, int] = {}
        for o in orgs:        # 学校的: one school however written (开发区红星海学校, 红星海学校)
            if o.attrs.get("kind") in kinds and not o.attrs.get("parent_key"):
                k = fullest(o, orgs).key if possessive else o.key
                counts[k] = counts.get(k, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not possessive and prev is not None and prev.attrs.get("parent_key") and prev.attrs.get("kind") == "school" \
                and "school" in words[last.group(1)].split("|"):
            return fullest(prev, orgs)   # 目前，泉景中学小学部…开展德育课程。前几天，学校组织了…: the section of a school
        if len(ranked) > 1 and not possessive and prev is not None and prev.attrs.get("kind") in kinds \
                and not prev.attrs.get("parent_key"):
            return fullest(prev, orgs)   # 镇雄县民族中学于1978年建校…。…，学校拟于…举行: the sentence before's subject
        main = main_org(text, orgs, kinds, title) if len(ranked) > 1 and not possessive else None
        if main is not None:
            return main   # the school the report is about (its title's, or the one named far more often)
        if not ranked or len(ranked) > 1 and not (possessive and ranked[0] >= 3 and ranked[0] >= 2 * ranked[1]):
            return None   # 学校 in a report naming several schools may mean schools in general
        if len(ranked) > 1:   # 学校的: the school the report names far more often than any other
            top = max(counts, key=lambda k: (counts[k], k))
            return next((fullest(o, orgs) for o in before if fullest(o, orgs).key == top), None)
    return fullest(before[-1], orgs) if before else None


def main_org(text: str, orgs: list[Mention], kinds: list[str], title: str = "") -> Mention | None:
    """The organisation of one of ``kinds`` the report is about: the one organisation its title
    names (the heading, or the text's first line when short), in its fullest spelling; none
    when the title names none or several, or one of another kind. How often the report
    names a school says less: a report about a bureau names its schools too."""
    first = text.lstrip().split("\n", 1)[0]
    if len(first) > 40 or re.search(r"[。；;]", first):
        first = ""        # a first line that is a paragraph is no heading
    in_title = {fullest(o, orgs).key: fullest(o, orgs) for o in orgs
                if not o.attrs.get("parent_key") and o.attrs.get("kind") not in NOT_ACTORS
                and (o.text in title or first and o.text in first)}
    one = next(iter(in_title.values())) if len(in_title) == 1 else None
    return one if one is not None and one.attrs.get("kind") in kinds else None


PLACE_SUFFIX = re.compile(r"(?:市|县|区|省|自治州|自治县|自治区|旗|盟|州)$")


def _place_bureau(text: str, ms: list[Mention], orgs: list[Mention], s: int, pos: int) -> Mention | None:
    """光明区将实现集团化办学全覆盖: a clause opening with a place, the place followed by a verb
    of doing (rules/implements.tsv ``place_verb``), and no organisation or person between
    it and the measure; the actor is the one education bureau of that place the report
    names (光明区教育局: ``place_body``). None when the report names none or several."""
    places = [p for p in ms if p.label == "PLACE" and s <= p.start and p.end <= pos]
    if not places:
        return None
    p = places[-1]
    if any(p.start < m.start < pos for m in ms if m.label in ("ORG", "PERSON")):
        return None
    clause_open = max(text.rfind(c, s, p.start) for c in "，,；;：:")
    head = text[max(s, clause_open + 1):p.start].strip()
    if head and not (head.startswith(cues("lead_in")) or re.fullmatch(r"(?:近年来|目前|今年|下一步|同时|此外|未来|如今)", head)):
        return None       # 见证丛台区集团化办学 / 赴新疆慰问: the place is no subject
    between = text[p.end:pos]
    if re.search(r"[。；;]", between) or not between.startswith(cues("place_verb", "implements.tsv")) or \
            any(c.strip().startswith(cues("subject")) for c in re.split(r"[，,：:]", between)[1:]):
        return None
    stem = PLACE_SUFFIX.sub("", p.text)
    got = _place_body(orgs, p.text, stem, cues("place_body", "implements.tsv"))
    # a place whose report names no education bureau of it acts through its government
    return got or _place_body(orgs, p.text, stem, cues("place_government", "implements.tsv"))


def _place_body(orgs: list[Mention], place: str, stem: str, ends: tuple[str, ...]) -> Mention | None:
    """The one organisation the report names as the place followed by one of ``ends``
    (光明区教育局, 丛台区政府); None when it names none or several."""
    found_ = {}
    for o in orgs:
        f = fullest(o, orgs)
        if f.attrs.get("parent_key") and f.attrs.get("parent_text"):
            # 昆明市教育体育局党组, the bureau named only with its unit: the bureau itself
            f = Mention("ORG", f.start, f.end, f.attrs["parent_text"], key=f.attrs["parent_key"], attrs={})
        if f.attrs.get("parent_key") or o.attrs.get("kind") in NOT_ACTORS:
            continue
        if names_place_body(f.text, place, stem, ends) and (place in f.text or len(stem) >= 2):
            found_[f.key] = f
    return next(iter(found_.values())) if len(found_) == 1 else None


def names_place_body(name: str, place: str, stem: str, ends: tuple[str, ...]) -> bool:
    """Whether ``name`` is the place (or its stem) followed by one of ``ends``, perhaps after
    the division above it (邯郸市丛台区政府 for 丛台区: two to eight characters ending in 省, 市,
    州 or 盟)."""
    for end in ends:
        if not name.endswith(end):
            continue
        rest = name[:len(name) - len(end)]
        for core in (place, stem):
            if not rest.endswith(core):
                continue
            above = rest[:len(rest) - len(core)]
            if not above or (3 <= len(above) <= 9 and above[-1] in "省市州盟"
                             and all("\u4e00" <= c <= "\u9fff" for c in above)):
                return True
    return False


def _notice_issuers(doc, text: str, orgs: list[Mention], persons: list[Mention], s: int,
                    hops: int = 8) -> list[Mention]:
    """通知要求，各地各校要严格实行X: a sentence opening with a document and what it says
    (rules/implements.tsv ``notice_doc``, ``notice_says``) has as actors the organisations
    that issued it: the subject of the nearest sentence before, at most ``hops`` back,
    naming the issuing (``notice_issue``: 海南省教育厅、卫健委对…提出要求)."""
    opens = text[s:s + 20].lstrip()
    notice, issue = notice_patterns()
    if notice is None or not notice.match(opens):
        return []
    return _actors_before(doc, text, orgs, s, issue, persons, hops)


def _actors_before(doc, text: str, orgs: list[Mention], s: int, cue: re.Pattern, persons, hops: int) -> list[Mention]:
    """The actors written before the first ``cue`` (a verb of issuing, of convening) in the
    nearest of the ``hops`` sentences before ``s`` that has one with actors; [] when none."""
    k = s
    for _ in range(hops):
        if k <= 0:
            return []
        ps, pe = sentence_of(doc, k - 1)
        for m in cue.finditer(text, ps, pe):
            got = _actors(text, orgs, ps, m.start(), persons)
            if got:
                return got
        k = ps
    return []


def _paragraph_subject(doc, text: str, orgs: list[Mention], ms: list[Mention], s: int, hops: int = 3) -> Mention | None:
    """组织学生开展“童心向党唱红歌”比赛: a sentence opening with its verb continues the
    subject of the paragraph: the subject of the nearest sentence before it, in the same
    paragraph and at most ``hops`` sentences back, over sentences that name no one."""
    k = s
    for _ in range(hops):
        if k <= 0 or text[k - 1] == "\n":
            return None
        ps, pe = sentence_of(doc, k - 1)
        if "\n" in text[ps:pe].strip():
            return None
        got = _subject(text, orgs, ps, pe)
        if got is not None:
            # 胜芳镇教育系统特别是红光小学积极开展…: the one singled out acts
            nxt = next((o for o in orgs if o.start > got.end and FOCUS.fullmatch(text[got.end:o.start])), None)
            return nxt or got
        if any(ps <= m.start < pe and m.label in ("ORG", "PERSON") for m in ms):
            return None       # the sentence before has an actor of its own that is no subject
        if text[ps:pe].lstrip().startswith(cues("subject")):
            return None
        k = ps
    return None


def _before_semicolons(text: str, orgs: list[Mention], ms: list[Mention], persons: list[Mention],
                       places: list[Mention], s: int, pos: int) -> list[Mention]:
    """青山县教育局坚持立德树人，以提升质量为核心；深入实施“强校工程”: a clause after a
    semicolon that names no one and tells a deed (ITEM_DOES) goes on with the subject of
    the clauses before it, over each semicolon back to the one that names it."""
    k = pos
    while True:
        semi = max(text.rfind("；", s, k), text.rfind(";", s, k))
        if semi < 0:
            return []
        clause = text[semi + 1:k].lstrip(" \u3000\t")
        if any(semi < m.start < k and m.label in ("ORG", "PERSON", "PLACE") for m in ms) or \
                ITEM_DOES.match(after_lead_in(clause[enumerated(clause):], [], semi + 1)) is None:
            return []
        got = _actors(text, orgs, s, semi, persons, places)
        if got:
            return got
        k = semi


def _conveners(doc, text: str, orgs: list[Mention], persons: list[Mention], s: int, pos: int,
               hops: int = 6) -> list[Mention]:
    """会议传达…，并专项部署开展X: a sentence opening with a meeting and what the meeting itself
    did (rules/implements.tsv ``meeting``, ``meeting_does``; not 会议要求/指出, which say what
    others are to do) has as actors the organisations that convened it: the subject before
    ``convene`` (牵头召开, 组织召开 …) in the nearest sentence before, at most ``hops`` back."""
    opens = text[s:pos].lstrip(" \u3000\t")
    if not re.match(rf"(?:{cue_alternation_of('meeting')})(?:还|并|上)?(?:{cue_alternation_of('meeting_does')})", opens):
        return []
    if re.search(r"[，,；;]\s*(?:" + cue_alternation("subject", longest_first=False) + ")", text[s:pos]):
        return []
    return _actors_before(doc, text, orgs, s, pattern_of("convene"), persons, hops)


@functools.lru_cache(maxsize=None)
def _lead_patterns() -> tuple[re.Pattern, re.Pattern]:
    """X牵头 after a name and 的(统一)组织下 after 在X (rules/implements.tsv ``lead``, ``under``)."""
    lead = cue_alternation_of("lead")
    under = "|".join(map(re.escape, cues("under", "implements.tsv"))) or "(?!)"
    return re.compile(rf"(?:{lead})(?![\u3400-\u9fff]*的)"), re.compile(rf"的(?:统一)?(?:{under})下")


def _leaders(text: str, orgs: list[Mention], s: int, pos: int) -> list[Mention]:
    """The organisations a sentence names as leading its work before ``pos``: X牵头 (with the
    ones listed before it), and 在X的(统一)组织下 (rules/implements.tsv ``lead``, ``under``)."""
    lead, under = _lead_patterns()
    cands = [o for o in orgs if s <= o.start and o.end <= pos and o.attrs.get("kind") not in NOT_ACTORS]
    out: list[Mention] = []
    for i, o in enumerate(cands):
        if re.search(r"[。；;]", text[o.end:pos]) or _quoted(text, s, o):
            continue
        if lead.match(text[o.end:o.end + 6]) or \
                text[max(s, o.start - 1):o.start] == "在" and under.match(text[o.end:o.end + 6]):
            j = i
            while j > 0 and listed_after(text, cands, j):
                j -= 1
            out += [c for c in cands[j:i + 1] if c not in out]
    return out


def _with_listed(text: str, orgs: list[Mention], o: Mention | None) -> list[Mention]:
    """``o`` with the organisations listed right after it (普洱市委、市政府: both)."""
    if o is None:
        return []
    i = orgs.index(o) if o in orgs else -1
    group = [o]
    while 0 <= i < len(orgs) - 1 and listed_after(text, orgs, i + 1) and orgs[i + 1].attrs.get("kind") not in NOT_ACTORS:
        i += 1
        group.append(orgs[i])
    return group


def sentence_subjects(text: str, orgs: list[Mention], spans: list[tuple[int, int]]) -> list[tuple[str, ...]]:
    """Per sentence of ``spans``, the keys of the organisations it opens with as its
    subject: the one ``_subject`` reads, with the ones listed right after it
    (县委、县政府和教育局开展…). The learned pair model of experiments/implements_pairs/
    reads the report's actors from these."""
    out = []
    for s, e in spans:
        got = _subject(text, orgs, s, e)
        if got is None:
            out.append(())
            continue
        cands = [o for o in orgs if got.start <= o.start and o.end <= e]
        keys = [got.key]
        for i in range(1, len(cands)):
            if not listed_after(text, cands, i):
                break
            keys.append(cands[i].key)
        out.append(tuple(dict.fromkeys(keys)))
    return out


def find(doc, text: str, ms: list[Mention]) -> list[Relation]:
    orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
    persons = [m for m in ms if m.label == "PERSON"]
    places = [m for m in ms if m.label == "PLACE"]
    title = (doc._.context or {}).get("title", "") or ""
    out: list[Relation] = []
    for mm in sorted((m for m in ms if m.label == "MEASURE"), key=lambda m: m.start):
        s, e = sentence_of(doc, mm.start)
        if honour(text, mm, s):
            continue          # 确定X为第二批乡村温馨校园建设典型案例学校: an honour, not an act
        if inside_title(text, s, mm):
            continue          # 做了《X关于推进中小学学区制管理的指导意见》的发言: a title talked about
        if inspected(text, mm):
            continue          # 与地方教育行政部门开展教育援疆工作调研: the work is looked at, not done
        if cited(text, mm.start):
            continue          # 按照《国家职业教育改革实施方案》要求: the ground of the work, not its act
        group = _actors(text, orgs, s, mm.start, persons, places)
        actor = group[0] if group else None
        basis, conf = "subject of the sentence", "stated"
        if actor is None:
            group = _before_semicolons(text, orgs, ms, persons, places, s, mm.start)
            actor = group[0] if group else None
            basis, conf = "subject of the sentence, its clauses after semicolons telling its deeds", INFERRED
        if actor is None and s > 0:
            opens = text[s:mm.start].lstrip(" \u3000\t")
            lead = len(text[s:mm.start]) - len(opens)
            opens = after_lead_in(opens, [(d.start, d.end) for d in ms if d.label == "DATE"], s + lead)
            listed = enumerated(opens)
            if listed:        # 一是全面落实…: an item of a list of what the subject did
                opens = after_lead_in(opens[listed:], [], s)
            no_subject = not any(o for o in ms if s <= o.start < mm.start and o.label in ("ORG", "PERSON")) \
                and not opens.startswith(cues("subject"))
            later = _later_subject(text, orgs, mm, e) if no_subject and opens.startswith(cues("carry_verb")) else None
            if later is not None:
                actor, basis, conf = later, "subject of the sentence, after its opening clause", "stated"
            elif no_subject and (listed or paragraph_listed(doc, text, s)) and ITEM_DOES.match(item_opening(text, s, mm.start, opens)) is None:
                pass          # （二）资助育人方式进一步拓展 / 2、严禁…: an item that says no deed of the subject
            elif no_subject and (listed or paragraph_listed(doc, text, s)) and \
                    not opens.startswith(cues("carry")) and not opens.startswith(cues("anaphor_words", "implements.tsv")):
                actor = section_subject(doc, text, [o for o in orgs if o.attrs.get("kind") not in NOT_ACTORS], ms, s)
                basis, conf = "subject carried over: an item of a list of what the section's subject did", INFERRED
            elif no_subject and opens.startswith(cues("carry")):
                ps, pe = sentence_of(doc, s - 1)
                actor = _subject(text, orgs, ps, pe)
                basis, conf = "subject carried over from the sentence before", INFERRED
            elif no_subject and opens.startswith(cues("carry_verb")):
                actor = _paragraph_subject(doc, text, orgs, ms, s)
                basis, conf = "subject carried over: the sentence opens with its verb", INFERRED
        if actor is None and s > 0 and tells_a_deed(text, ms, s, mm.start):
            actor = report_subject(doc, text, [o for o in orgs if o.attrs.get("kind") not in NOT_ACTORS], ms, s)
            group = _with_listed(text, orgs, actor)
            basis, conf = "subject carried over: the subject the report last opened a sentence with", INFERRED
        if actor is None:
            actor = _bare_unit_subject(text, orgs, s, mm.start)
            basis, conf = "unit named without its owner: the report's one unit of that name", INFERRED
        if actor is None:
            prev = None
            if s > 0 and text[s - 1] != "\n":
                ps, pe = sentence_of(doc, s - 1)
                prev = _subject(text, orgs, ps, pe)
                if prev is not None and (text.startswith("的", prev.end) or len({
                        fullest(o, orgs).key for o in orgs if ps <= o.start < pe
                        and o.attrs.get("kind") == prev.attrs.get("kind")}) > 1):
                    prev = None   # 城关小学的老师来自东关小学 / two schools in it: no one subject
            actor = _anaphor_subject(text, orgs, s, mm.start, title=title, prev=prev)
            basis, conf = "该校/学校/该局: the last organisation of that kind named before", INFERRED
        if actor is None:
            actor = we_subject(text, orgs, ms, s, mm.start, title)
            basis, conf = "我校/我区…: the report's own organisation of that kind", INFERRED
        if actor is None:
            actor = _anaphor_subject(text, orgs, s, mm.start, possessive=True)
            basis, conf = "学校的/该校的 before the measure: the school the report names", INFERRED
        if actor is None:
            actor = _place_bureau(text, ms, orgs, s, mm.start)
            basis, conf = "a place named as the actor: the report's education bureau of that place", INFERRED
        if actor is None and s > 0:
            group = _notice_issuers(doc, text, orgs, persons, s)
            actor = group[0] if group else None
            basis, conf = "the issuers of the document the sentence quotes (通知要求…)", INFERRED
        if actor is None and s > 0:
            group = _conveners(doc, text, orgs, persons, s, mm.start)
            actor = group[0] if group else None
            basis, conf = "the meeting's convener: the sentence opens with what the meeting did (会议部署…)", INFERRED
        if conf == INFERRED and unnamed_subject(text[s:mm.start]):
            actor, group = None, []   # 多家高校发起“光盘行动”: bodies left unnamed do it
        dates = [d for d in ms if d.label == "DATE" and d.norm and s <= d.start < e]
        found_ = [(one, basis, conf, (s, e)) for one in (group if group and actor is group[0] else [actor] if actor else [])]
        # 青山县教育局牵头，县公安局配合，开展“护学岗”行动 / 在X的统一组织下，开展…: the leader
        for one in _leaders(text, orgs, s, mm.start):
            if all(one is not f[0] for f in found_):
                found_.append((one, "the organisation leading the work (X牵头 / 在X的组织下)", "stated", (s, e)))
        # “X”活动由A主办: the organisers written after the measure
        for one in organisers_after(text, orgs, mm, e):
            if all(one is not f[0] for f in found_):
                found_.append((one, "organiser named after the measure (“X”由A主办)", "stated", (s, e)))
        # 青山中学的“喊楼”活动: the organisation that owns the measure
        owner = owner_of(text, orgs, s, mm, lambda o: _quoted(text, s, o))
        if owner is not None and all(owner is not f[0] for f in found_):
            found_.append((owner, "owner of the measure (X的“Y”)", "stated", (s, e)))
        # 由教育部主办，安庆师范大学承办的“国培计划”: every organiser named with 主办/承办
        for one in organisers_before(text, orgs, s, mm.start):
            found_.append((one, "organiser of the measure (主办/承办)", "stated", (s, e)))
        # “X”活动启动。由A、B联合主办，C承办: organisers in the next sentence
        next_span, next_ones = organisers_next(doc, text, orgs, ms, e)
        for one in next_ones:
            found_.append((one, "organiser named in the sentence after the measure (由…主办/承办)", INFERRED, (s, next_span[1])))
        for one, basis, conf, span in found_:
            one = full_unit(one, orgs)
            for canon in [mm.norm] + mm.attrs.get("also", []):
                out.append(relation("IMPLEMENTS", one.key, f"measure:{canon}", span, basis, conf,
                                    date=dates[0].norm if dates else ""))
    return out
