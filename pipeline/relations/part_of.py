"""PART_OF: an organisation inside another, as the text names it:

* a unit written onto its organisation: 锦小党支部 -> 锦小, 县委宣传部 -> 县委, 县教体局党组 ->
  县教体局, 南充市教育和体育局师培科 -> 南充市教育和体育局 (the owner named in the report, or
  the owner the unit's own name spells out);
* a campus or branch of its school: 温州市广场路小学白鹿洲校区 -> 温州市广场路小学;
* members of a school group or alliance where a sentence lists them (X教育集团成员校有A、B;
  A、B组成X联盟).

Schools are not put under a bureau because both are named in one report: that is a guess.
The unit, campus and group words are in rules/relations.tsv.
"""
from __future__ import annotations

import re

from ..doc import Mention, Relation, sentence_of
from .. import gazetteer
from ..entities import named_by_field
from ..entities.orgs import category
from ..names import expand_short, full_name, is_national, is_type_word, national
from ..orgkeys import national_branch, org_key
from .common import cue_alternation, cues, ends_with_pattern, ensure_org, relation

SCHOOLISH = ("school", "kindergarten", "university")
SCHOOL_IN_REST = re.compile(r"(?:小学|中学|学校|幼儿园|附中|附小)")


def _owner_in_name(o: Mention, by_text: dict[str, Mention]) -> Mention | None:
    """The longest other organisation of the report whose name starts this one's, with a
    unit or campus word after it."""
    for n in range(len(o.text) - 1, 1, -1):
        head, rest = o.text[:n], o.text[n:]
        owner = by_text.get(head)
        if owner is None or owner.key == o.key or SCHOOL_IN_REST.search(rest) or OWN_BODY.match(rest):
            continue          # 同济大学第二附属中学初中部 is no part of 同济大学 itself
        if (owner.text[-1] + rest) in cues("unit"):
            continue          # 国务院新闻办 / 国务院新闻办公室: one office, two spellings
        if ends_with_pattern("unit").search(rest) or ends_with_pattern("campus").search(rest):
            return owner
    return None


ACADEMIC = "学院|系|研究院|研究所"


def _college_between(o: Mention, owner: Mention) -> tuple[str, str] | None:
    """(key, name) of the college written between a university and a unit of the college
    (清华大学 建筑学院 党委): the unit is the college's, the college the university's."""
    rest = o.text[len(owner.text):] if o.text.startswith(owner.text) else ""
    m = re.match(rf"^([\u3400-\u9fff]{{2,10}}?(?:{ACADEMIC}))({cue_alternation('unit')})$", rest)
    if not m or not owner.text.endswith(("大学", "学院")) or SCHOOL_IN_REST.search(m.group(1)) \
            or re.fullmatch(ACADEMIC, m.group(2)) or not o.key.endswith(m.group(2)):
        return None
    return o.key[:-len(m.group(2))], owner.text + m.group(1)


OWNER_END = ("小学|中学|学校|幼儿园|大学|学院|附中|附小|[一二三四五六七八九十]中(?![学心])|[一二三四五六七八九十]小(?!学)|"
             "局|厅|教委|政府|人民政府|总工会|"
             "[省市县区州旗]委")      # 南充市委教育工委 -> 南充市委; 高坪区教育科技和体育局政工股 -> …局
# a body written alone at the start of a unit's name: 市委教育工委 -> 市委, 一中党委 -> 一中
# (二小 and 一中 never cut 第二小学, 第一中学, 第一中心小学 short)
OWNER_ALONE = "[省市县区州旗]委|[一二三四五六七八九十]中(?![学心])|[一二三四五六七八九十]小(?!学)"
# a school's name ending a shorter school's name: 吉安八中长塘中学分校 is 吉安八中's branch at
# 长塘中学, 大魏家中心小学后石小学分部 大魏家中心小学's
SCHOOL_END = "小学|中学|学校|[一二三四五六七八九十]中(?![学心])|[一二三四五六七八九十]小(?!学)"


def _campus_parent(o: Mention) -> tuple[str, str] | None:
    """(key, name) of the school or bureau a campus's or office's name starts with, when the
    report does not name it on its own: X小学白鹿洲校区 -> X小学, 市教育局中小学党建处 -> 市教育局."""
    campus = cue_alternation("campus")
    ends = cue_alternation("campus", "unit")
    # a campus belongs to the longest school its name starts with, an office to the shortest body
    m = re.match(rf"^(.+(?:{OWNER_END}))([\u3400-\u9fff\d]{{0,8}}?(?:{campus}))$", o.text) or \
        re.match(rf"^((?:{OWNER_ALONE})|.{{1,}}?(?:{OWNER_END}))([\u3400-\u9fff\d]{{0,8}}?(?:{ends}))$", o.text)
    if not m or o.key.count(":") < 2:
        return None
    head, rest = m.group(1), m.group(2)
    if OWN_BODY.match(rest) or re.search(r".中共", head):
        return None      # two names in one run: the owner is no body written before its unit
    if category(head) and not head.endswith("大学"):
        return None      # 福州市高等学校 + 招生办公室, 海淀区小学 + 发展研究中心: no school's office (兰州大学 is one)
    whole = re.search(rf"(?:{campus})$", o.text)
    if whole and len(rest) < len(whole.group(0)):
        return None      # 青浦世外小学部: 小学部 is the campus word, 青浦世外 no school of its own
    two = re.match(rf"^(.+?(?:{SCHOOL_END}))((?!附)[\u3400-\u9fff]{{2,}}(?:{SCHOOL_END}))$", head)
    if whole and two and not re.search(r"(?:大学|学院)", two.group(1)):
        head, rest = two.group(1), two.group(2) + rest      # 吉安八中 of 吉安八中长塘中学分校
    if SCHOOL_IN_REST.search(rest) and not ends_with_pattern("campus").search(rest) \
            and not re.search(r"(?:局|厅|委|政府)$", head):
        return None      # 同济大学第二附属中学初中部 is no office of 同济大学
    _, anchor, core = o.key.split(":", 2)
    if not core.endswith(rest) or len(core) <= len(rest):
        return None
    return owner_key(head, anchor, core[:-len(rest)]), head


def owner_key(head: str, anchor: str, core: str) -> str:
    """The key of the owner a unit's name starts with: a body known by name or a national one
    has the key its own mentions have (``orgkeys.org_key``: 中国科技大学 -> 中国科学技术大学 in
    合肥, 清华附中 -> 清华大学附属中学, 中国科学院 and 中国农业科学院 the national ones, not ones of
    the unit's city); a bare type word keeps its place, as the owner's own key does
    (杭州市教育局, not 教育局), and a numbered school's short name is its full one (成都七中:
    成都市第七中学); else the unit's key without the unit."""
    canonical = national().get(head)
    if canonical or full_name(head) or is_national(head) and not national_branch(head):
        return org_key(head, {"canonical": canonical} if canonical else {}, [], [])[0]
    if is_type_word(core) and head.endswith(core) and len(head) > len(core):
        return f"org:{anchor}:{head}"
    divisions = gazetteer.get().divisions
    if expand_short(core) != core and anchor in divisions:    # 成都七中 of 成都七中高新校区: 成都市第七中学
        return f"org:{anchor}:{divisions[anchor].name}{expand_short(core)}"
    return f"org:{anchor}:{core}"


def find(doc, text: str, ms: list[Mention], entities: dict) -> list[Relation]:
    orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
    by_text: dict[str, Mention] = {}
    for o in orgs:
        by_text.setdefault(o.text, o)
        by_text.setdefault(o.norm, o)
    out: list[Relation] = []
    for o in orgs:
        span = sentence_of(doc, o.start)
        owner = _owner_in_name(o, by_text)
        if owner is not None and len(o.attrs.get("parent_text") or "") > len(owner.text) \
                and _college_between(o, owner) is None:
            owner = None      # 教育部应对…工作领导小组办公室: the office is its team's, not 教育部's
        if owner is not None:
            mid = _college_between(o, owner)
            if mid is not None:       # 清华大学建筑学院党委 -> 清华大学建筑学院 -> 清华大学
                ensure_org(entities, mid[0], mid[1], o)
                out.append(relation("PART_OF", o.key, mid[0], span, "unit named with its college"))
                out.append(relation("PART_OF", mid[0], owner.key, span, "college named with its university"))
                continue
            out.append(relation("PART_OF", o.key, owner.key, span, "unit named with its organisation"))
            continue
        parent = o.attrs.get("parent_key")
        if parent and parent != o.key and (parent in entities or _named_owner(o.attrs.get("parent_text", ""))):
            if o.attrs.get("parent_text"):   # 县教体局 of 县教体局党组 is a spelling of its owner
                ensure_org(entities, parent, o.attrs["parent_text"], o)
            out.append(relation("PART_OF", o.key, parent, span, "unit named with its organisation"))
            continue
        camp = _campus_parent(o)
        if camp is not None and camp[1].endswith("委") and o.text.endswith(cues("dept_apart")) \
                and not any(x.key == camp[0] for x in orgs):
            camp = None       # 环江县委宣传部, 环江县委 named nowhere else: no link (rules/relations.tsv)
        if camp is not None and camp[0] != o.key:
            ensure_org(entities, camp[0], camp[1], o)
            out.append(relation("PART_OF", o.key, camp[0], span, "campus or office named with its organisation"))
    out += _group_members(doc, text, orgs)
    out += _members_named_apart(doc, text, orgs)
    out += _bracketed_campuses(doc, text, orgs, {r.source for r in out})
    out += _said_to_belong(doc, text, orgs)
    out += _lead_schools(doc, orgs)
    out += _offices_of_only_bureau(doc, orgs, {r.source for r in out})
    out += _colleges_of_only_university(doc, orgs, {r.source for r in out})
    return out


def _named_owner(text: str) -> bool:
    """Whether the organisation a unit is named onto is named well enough to be a node of its
    own when the report names it nowhere else: three characters or more, or a known short
    name (北大 of 北大党委; not 小党 of a stray 小党支部)."""
    return len(text) >= 3 or full_name(text) is not None


COLLEGE = re.compile(r"(?:学院|研究院|研究所|中心|系)$")
# a college or academy standing on its own: a national one (中国美术学院, 中国科学院), a
# foreign one written in letters (SKEMA商学院), a polytechnic or vocational college
INDEPENDENT = re.compile(r"^(?:中国|中央|国家|全国|中华)|[A-Za-z]|(?:理工|职业|职业技术)学院$")
# the rest of a name that starts a body of its own: 中共辽宁省委政法委员会中共辽宁省委组织部 is a
# run of two names, 组织部 no unit of the 政法委员会
OWN_BODY = re.compile(r"^中共")     # (新疆大学中国语言学院 and X商学院中国校区 are its own)


def _colleges_of_only_university(doc, orgs: list[Mention], done: set) -> list[Relation]:
    """A college or centre named alone, with no owner or place in its name (马克思主义学院,
    教师教育中心), in a report that names one university: a part of that university
    (inferred). A college named by its field alone (商学院) was keyed as its university's
    by the place stage (``college_of``)."""
    out, seen = [], set()
    for o in orgs:
        if o.attrs.get("college_of") not in (None, o.key) and o.key not in done | seen:
            seen.add(o.key)
            out.append(relation("PART_OF", o.key, o.attrs["college_of"], sentence_of(doc, o.start),
                                "college of the only university the report names", "inferred"))
    unis = {o.key: o for o in orgs if o.text.endswith("大学") and o.attrs.get("kind") == "university"
            and not o.attrs.get("parent_key")}
    if len(unis) != 1:
        return out
    u = next(iter(unis.values()))
    for o in orgs:
        # a place in the key (org:370104:…) says the name carries its own owner; a name not made
        # of fields nor opening with the university's short form is a body of its own (哈佛商学院,
        # 文华学院, 新阅读研究所 in a report that names one other university)
        if o.key in done | seen or o.key == u.key or o.attrs.get("parent_key") or not COLLEGE.search(o.text) \
                or not 3 < len(o.text) <= 8 or "大学" in o.text or o.key.count(":") < 2 or o.key.split(":")[1] \
                or INDEPENDENT.search(o.text) or not (named_by_field(o.text) or _short_of(o.text, u.text)):
            continue
        seen.add(o.key)
        out.append(relation("PART_OF", o.key, u.key, sentence_of(doc, o.start),
                            "college of the only university the report names", "inferred"))
    return out


def _short_of(name: str, uni: str) -> bool:
    """Whether a name opens with a short form of the university's name: its first character
    and one or two more of it in order (天大药学院 of 天津大学, 浙师大新闻中心 of 浙江师范大学)."""
    for k in (3, 2):
        head = name[:k]
        if len(name) > k and head[0] == uni[0] and re.search(".*".join(map(re.escape, head)), uni):
            return True
    return False


def _lead_schools(doc, orgs: list[Mention]) -> list[Relation]:
    """A school whose name its group's name is made of (公明中学 of 光明区公明中学(集团),
    X小学 of X小学教育集团): the group's lead school, a member of it."""
    group_end = ends_with_pattern("group")
    out, seen = [], set()
    for g in orgs:
        m = group_end.search(g.text)
        if not m:
            continue
        for o in orgs:
            if o.key != g.key and o.attrs.get("kind") in SCHOOLISH and not group_end.search(o.text) \
                    and g.text[:m.start()].removesuffix("教育").endswith(o.text) and (o.key, g.key) not in seen:
                seen.add((o.key, g.key))
                out.append(relation("PART_OF", o.key, g.key, sentence_of(doc, g.start), "school named in its group's name"))
    return out


def _offices_of_only_bureau(doc, orgs: list[Mention], done: set) -> list[Relation]:
    """An office named alone (民教股, 政工股) in a report that names one bureau: a section of
    that bureau; in a report naming several, of the bureau named last before it in its own
    sentence (走访科右前旗教育局，并与副局长满都拉，民教股股长朝克图) (inferred; rules/relations.tsv
    ``bureau_office``)."""
    bureaus = [o for o in orgs if o.attrs.get("kind") == "bureau" and not o.attrs.get("parent_key")]
    keys = {o.key for o in bureaus}
    ends = tuple(cues("bureau_office"))
    out, seen = [], set()
    for o in orgs:
        if o.key in done | seen or o.key in keys or not 2 < len(o.text) <= 5 or not o.text.endswith(ends) \
                or o.attrs.get("parent_key"):
            continue
        span = sentence_of(doc, o.start)
        if len(keys) == 1:
            b = bureaus[0]
        else:
            near = [x for x in bureaus if span[0] <= x.start and x.end <= o.start]
            if not near:
                continue
            b = near[-1]
        seen.add(o.key)
        out.append(relation("PART_OF", o.key, b.key, span, "office of the only bureau the report names"
                            if len(keys) == 1 else "office of the bureau named before it", "inferred"))
    return out


def _group_members(doc, text: str, orgs: list[Mention]) -> list[Relation]:
    out = []
    group_end = ends_with_pattern("group")
    for g in orgs:
        if not group_end.search(g.text):
            continue
        s, e = sentence_of(doc, g.start)
        # X教育集团成员校有A、B、C / X集团包括A、B
        after = text[g.end:e]
        cue = re.match(rf"[^，。；,;]{{0,6}}?(?:{cue_alternation('group_cue', longest_first=False)})", after)
        members: list[Mention] = []
        if cue:
            start = g.end + cue.end()
            stop = r"[。；;，,]" if cue.group(0).endswith("的") else r"[。；;]"   # X集团的A、B，Y集团的C
            for o in orgs:
                if start <= o.start < e and o.key != g.key:
                    if re.search(stop, text[start:o.start]) or group_end.search(o.text):
                        break
                    members.append(o)
        # A、B、C组成/加入X联盟
        before = text[s:g.start]
        join = re.search(rf"(?:{cue_alternation('group_join', longest_first=False)})[了]?[“\"「『‘]?$", before)
        if join:
            for o in orgs:
                if s <= o.start and o.end <= s + join.start() and o.key != g.key:
                    members.append(o)
        for o in members:
            if o.attrs.get("kind") in SCHOOLISH and not group_end.search(o.text):
                out.append(relation("PART_OF", o.key, g.key, (s, e), "member listed with its group"))
    return out


def _bracketed_campuses(doc, text: str, orgs: list[Mention], done: set) -> list[Relation]:
    """A campus or teaching point in brackets right after its school: 箬坑学校(低岭教学点)."""
    campus_end = ends_with_pattern("campus")
    out = []
    for a, b in zip(orgs, orgs[1:]):
        if b.key not in done and a.key != b.key and a.attrs.get("kind") in SCHOOLISH and len(a.text) <= 20 \
                and re.fullmatch(r"[(（]", text[a.end:b.start]) and campus_end.search(b.text) \
                and re.match(r"[)）]", text[b.end:b.end + 1]):
            out.append(relation("PART_OF", b.key, a.key, sentence_of(doc, b.start), "campus in brackets after its school"))
    return out


MEMBER_WORD = re.compile(r"(?:集团|联盟)?成员(?:学)?校")


def _members_named_apart(doc, text: str, orgs: list[Mention]) -> list[Relation]:
    """集团成员校 written apart from the group's name, which the report gives before it: the
    schools after it up to the clause's end (集团成员校春光小学校长杨新兴，南苏曹小学校长周丽英)
    or the list ending in 等 right before it (为A、B等7所集团成员学校授牌) are its members."""
    group_end = ends_with_pattern("group")
    groups = [g for g in orgs if group_end.search(g.text)]
    out = []
    for m in MEMBER_WORD.finditer(text):
        before = [g for g in groups if g.end <= m.start()]
        if not before or m.start() - before[-1].end <= 6:
            continue          # written right after the group: _group_members reads it
        g = before[-1]
        s, e = sentence_of(doc, m.start())
        members = []
        for o in orgs:
            if m.end() <= o.start < e:
                if re.search(r"[。；;]", text[m.end():o.start]) or group_end.search(o.text):
                    break
                members.append(o)
        prior = [o for o in orgs if s <= o.start and o.end <= m.start()]
        if prior and re.fullmatch(r"等[^，。；,;、]{0,10}", text[prior[-1].end:m.start()]):
            members.append(prior[-1])
            for a, b in zip(reversed(prior[:-1]), reversed(prior[1:])):
                if not re.fullmatch(r"[、和及]", text[a.end:b.start]):
                    break
                members.append(a)
        for o in members:
            if o.attrs.get("kind") in SCHOOLISH and o.key != g.key:
                out.append(relation("PART_OF", o.key, g.key, (s, e), "member named apart from its group"))
    return out


def _said_to_belong(doc, text: str, orgs: list[Mention]) -> list[Relation]:
    """A school the sentence says is under the organisation written right after 隶属于
    (rules/relations.tsv ``belongs_to``): 果洛中学……是一所隶属于果洛州教育局管理的完全中学."""
    cue = re.compile(rf"(?:{cue_alternation('belongs_to')})$")
    out = []
    for b in orgs:
        m = cue.search(text[max(0, b.start - 4):b.start])
        if not m:
            continue
        s, _ = span = sentence_of(doc, b.start)
        schools = [a for a in orgs if s <= a.start and a.end <= b.start - len(m.group(0))
                   and a.attrs.get("kind") in SCHOOLISH and a.key != b.key]
        if schools:
            out.append(relation("PART_OF", schools[-1].key, b.key, span, "school said to be under it"))
    return out
