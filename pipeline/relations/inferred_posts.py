"""MEMBER_OF read where no organisation is written with the post, all ``inferred``: an
office's head with the section's one bureau (成教科科长晋萍), a unit's post with the report's
one unit of that name (党支部书记王晓来), a head's role with the section's one school or bureau
(张玲校长, 校长沈宵), a role with the sentence's one organisation of its kind (校长章站亮), a
government's post with the report's one government of that level (副县长刘长洲, 县长周永鑫).
The kinds are rules/relations.tsv ``role_org``."""
from __future__ import annotations

import re

from ..doc import Mention
from .common import base_role, cue_pairs, cues, ends_with_pattern, fits_kind, roles


def office_of_only_bureau(pending: list[str], orgs: list[Mention]):
    """成教科科长晋萍 with no organisation written: an office's head (an office word before
    the role) belongs to the one bureau the section names."""
    if not any(ends_with_pattern("office").search(r[:-len(base_role(r))] or "-") for r in pending):
        return []
    if any(r.startswith(("学校", "学院", "该校", "本校", "我校", "全校")) for r in pending):
        return []        # 学校工会主席: a school's office, not the bureau's
    # a bureau of a place (静乐县教育科技局), not a ministry: 研招办主任 in a report that names
    # 教育部 is a university's office far more often than the ministry's
    bureaus = {o.key: o for o in orgs if o.attrs.get("kind") == "bureau" and not o.attrs.get("parent_key")
               and o.key.split(":")[1:2] != [""]}
    if len(bureaus) != 1:
        return []
    b = next(iter(bureaus.values()))
    return [(b, r, "office of the only bureau the report names") for r in pending]


def post_of_only_unit(pending: list[str], orgs: list[Mention]):
    """党支部书记王晓来 with no organisation written: the post of the one 党支部 the report
    names with its owner."""
    out = []
    for r in pending:
        unit = next((u for u in sorted(cues("unit"), key=len, reverse=True)
                     if len(u) >= 2 and r.startswith(u) and len(r) > len(u)), "")
        full = {o.key: o for o in orgs if unit and o.text.endswith(unit) and o.attrs.get("parent_key")}
        if len(full) == 1:
            out.append((next(iter(full.values())), r, "post of the report's one unit of that name"))
    return out


def only_org_of_kind(orgs: list[Mention], r: str, staff_ok: bool = False) -> list[tuple[Mention, str, str]]:
    """张玲校长 / 吕文杰局长 / 校长沈宵 (``r``: the role written before or after the name) where
    the section names exactly one school / bureau."""
    kind = cue_pairs("role_org").get(r)
    if not kind or kind == "government" or roles().get(r, ("",))[0] == "staff" and not staff_ok:
        return []         # 陕西省旬邑县的教师X in a report on one school teaches elsewhere: a teacher
                          # only where the caller saw no place written with the post
                          # (副区长 with a 区政府 named elsewhere: government_of_level)
    of_kind = written_short({o.key: o for o in orgs if o.attrs.get("kind") == kind and not o.attrs.get("parent_key")
                             and fits_kind(r, o)})
    if len(of_kind) != 1:
        return []
    return [(next(iter(of_kind.values())), r, f"the only {kind} the report names")]


def written_short(of_kind: dict[str, Mention]) -> dict[str, Mention]:
    """The organisations less those whose name ends another's, longer one (地区特殊教育学校
    of 和田地区特殊教育学校: the same school written short)."""
    return {k: o for k, o in of_kind.items()
            if not any(x.key != k and len(x.text) > len(o.text) and x.text.endswith(o.text) for x in of_kind.values())}


def sentence_org_of_kind(text: str, p: Mention, role: str, orgs: list[Mention],
                         persons: list[Mention], span: tuple[int, int],
                         posted: dict | None = None) -> list[tuple[Mention, str, str]]:
    """校长章站亮 / 章站亮校长 in a sentence that names exactly one school (and no other
    person with a post of that kind): the sentence's one organisation of the kind the role
    belongs to (rules/relations.tsv ``role_org``). A name between that holds a teacher's post
    of that organisation (``posted``: mention start -> organisation keys) does not stand in
    the way (紫岩小学张勇老师接到校长谭克的电话); one with a head's post does (X局副局长A，Y局局长B)."""
    table = cue_pairs("role_org")
    kind = table.get(base_role(role)) if role else None
    if not kind:
        return []
    s, e = span
    # the clause run around the name: a list of people of different schools (A校教师甲；B校
    # 教师乙) is cut at semicolons, and no other name may stand between name and school
    semis = [m.end() for m in re.finditer(r"[；;]", text[s:p.start])]
    s = s + semis[-1] if semis else s
    cut = re.search(r"[；;]", text[p.end:e])
    e = p.end + cut.start() if cut else e
    of_kind = {o.key: o for o in orgs if s <= o.start and o.end <= e and o.attrs.get("kind") == kind
               and not o.attrs.get("parent_key") and fits_kind(role, o)
               and not any(q is not p and min(o.end, p.end) <= q.start < max(o.start, p.start)
                           and o.key not in (posted or {}).get(q.start, ()) for q in persons)
               and not (o.start > p.end and re.search(r"[“\"「]", text[p.end:o.start]))}   # …的电话:“走,我们到齐天小学
    if len(of_kind) != 1:
        return []
    return [(next(iter(of_kind.values())), role, f"the sentence's one {kind}")]


SCHOOL_KINDS = ("school", "kindergarten", "university")
# the clause before a name's clause that sets the scene in one school: 在红星村小学，/ 记者
#来到红星村小学，/ 红星村小学里，
SCENE_BEFORE = re.compile(r"(?:^|在|来到|走进|走访)$")
SCENE_AFTER = re.compile(r"(?:里|内|中|里面)?")


def scene_school(text: str, p: Mention, role: str, orgs: list[Mention], persons: list[Mention],
                 span: tuple[int, int]) -> list[tuple[Mention, str, str]]:
    """常驻老师李明华 / 王建国校长 opening the clause after one that sets the scene in a school
    (在红星村小学，常驻老师李明华每天都要上课; 记者来到红星村小学，王建国校长正在上课): a teacher's or a
    head's post of that school."""
    kind = roles().get(base_role(role), ("",))[0] if role else ""
    if kind != "staff" and cue_pairs("role_org").get(base_role(role)) not in SCHOOL_KINDS:
        return []
    s, _ = span
    cut = max(text.rfind(c, s, p.start) for c in "，,")
    if cut < 0 or p.start - cut - 1 > 8 or re.search(r"[^\u3400-\u9fff]", text[cut + 1:p.start]):
        return []        # the name (after its role) opens its clause
    prev = max(s, max(text.rfind(c, s, cut) for c in "，,；;") + 1)
    inside = [o for o in orgs if prev <= o.start and o.end <= cut]
    if any(prev <= q.start < cut for q in persons) or len(inside) != 1:
        return []
    o = inside[0]
    if o.attrs.get("kind") not in SCHOOL_KINDS or o.attrs.get("parent_key") \
            or not SCENE_BEFORE.search(text[prev:o.start].strip()) or not SCENE_AFTER.fullmatch(text[o.end:cut]):
        return []
    return [(o, role, "the school the clause before sets the scene in")]


GOVERNMENT_END = re.compile(r"(?:人民政府|政府)$")


def government_of_level(role: str, orgs: list[Mention], span: tuple[int, int], text: str) -> list[tuple[Mention, str, str]]:
    """副县长刘长洲 / 党委副书记、镇长马超 / 庐阳区三十岗乡副乡长徐照红 with no government
    written with the post: a government head's post (rules/relations.tsv ``role_org``) is of
    the one government of that level the report names (小孟镇人民政府, written short or in
    full), for a county or a higher level only where the sentence names it (进一步加强林口县
    人民政府与X合作，…副县长刘长洲): a 副区长 of a report that names 区政府 elsewhere is
    often of no link in train/'s gold."""
    base = base_role(role)

    def roles_after(o: Mention) -> bool:     # 县政府副县长王烨: the government of another's post
        return any(text.startswith(r, o.end) for r in roles() if len(r) >= 2)
    if cue_pairs("role_org").get(base) != "government":
        return []
    level = base.replace("常务", "").lstrip("副")[:1]      # 县 of 副县长
    stems: dict[str, list[Mention]] = {}
    for o in orgs:
        m = GOVERNMENT_END.search(o.text)
        stem = o.text[:m.start()] if m else ""
        if stem.endswith(level) and not o.attrs.get("parent_key") \
                and (level in "乡镇" or span[0] <= o.start < span[1] and not roles_after(o)):
            stems.setdefault(stem, []).append(o)
    # 小孟镇政府 and 小孟镇人民政府 are 济宁市兖州区小孟镇人民政府 written short
    full = [st for st in stems if not any(x != st and x.endswith(st) for x in stems)]
    if len(full) != 1:
        return []
    named = stems[full[0]] + [o for st in stems if st != full[0] for o in stems[st]]
    counts: dict[str, int] = {}
    for o in named:
        counts[o.key] = counts.get(o.key, 0) + 1
    best = max(named, key=lambda o: (counts[o.key], len(o.text)))
    return [(best, role, f"the only {level} government the report names")]


LAST_SCHOOL_WITHIN = 240     # characters back from the post to the school named last
VENUE_AFTER = re.compile(r"(?:\d+楼|\S{0,3}楼)?(?:会议室|报告厅|礼堂|多功能厅|会议厅|大厅|演播厅|体育馆)")


def school_named_last(text: str, p: Mention, role: str, orgs: list[Mention], persons: list[Mention],
                      span: tuple[int, int]) -> list[tuple[Mention, str, str]]:
    """副校长乌格德勒呼 / 校长沈宵 opening a clause with no school written (在实地考察科右前旗第五中学
    的过程中，…。副校长乌格德勒呼在介绍中指出): a head's post (not a teacher's) of the school
    named last before it, a few lines up at most, where that school's sentence names no other
    one and no other person's post of that kind stands between."""
    kind = cue_pairs("role_org").get(base_role(role)) if role else None
    if kind not in SCHOOL_KINDS or roles().get(base_role(role), ("",))[0] != "lead":
        return []
    s, _ = span
    k = p.start - len(role)
    if not text.startswith(role, k) or k > s and text[k - 1] not in "，,。；;\n ":
        return []        # the post (written before the name) opens its clause
    before = [o for o in orgs if o.end <= k and k - o.end <= LAST_SCHOOL_WITHIN
              and o.attrs.get("kind") in SCHOOL_KINDS and not o.attrs.get("parent_key")]
    if not before:
        return []
    last = max(before, key=lambda o: o.end)
    if last.attrs.get("kind") != kind or VENUE_AFTER.match(text, last.end):
        return []        # 在附属实验中学会议室召开座谈会。副校长X: a meeting's venue, not his school
    ls, le = sentence_span(text, last.start)
    if any(o.key != last.key and ls <= o.start < le for o in before) \
            or any(last.end <= q.start < p.start for q in persons):
        return []
    return [(last, role, "the school named last before the post")]


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The sentence around a position: from after the last 。！？ or line break before it to
    the next one."""
    s = max(text.rfind(c, 0, pos) for c in "。！？!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。！？!?\n") if i >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def in_full(o: Mention, orgs: list[Mention]) -> Mention:
    """An organisation written short (大同教育集团) where the report names one longer one that
    ends with it (上海黄浦区大同教育集团, no unit of another): that one; else itself."""
    if len(o.text) < 4 or o.attrs.get("parent_key"):
        return o
    longer = {x.key: x for x in orgs if x.key != o.key and len(x.text) > len(o.text) and x.text.endswith(o.text)
              and not x.attrs.get("parent_key") and not _placed_apart(o, x)}
    return next(iter(longer.values())) if len(longer) == 1 else o


def _anchor(o: Mention) -> str:
    parts = o.key.split(":", 2)
    return parts[1] if len(parts) == 3 else ""


def _placed_apart(o: Mention, x: Mention) -> bool:
    """Whether the shorter name is a body of a place abroad that the longer one is not in:
    莫斯科大学 (Moscow's) is not 深圳北理莫斯科大学 written short. (Within China the places
    read from a short name are too often a namesake's to tell two bodies apart: 大同教育集团,
    read as 大同市's, is 上海黄浦区大同教育集团 written short.)"""
    a, b = _anchor(o), _anchor(x)
    return a.startswith("world/") and not b.startswith(a)


# (学校 alone is no name: 来到学校,与校长杨顺 is the report's school)
_SCHOOL_WORD = re.compile(r"(?<=[\u3400-\u9fff])(?:大学|学院|中学|小学|幼儿园)")


def other_school_before(text: str, p: Mention, s: int, orgs: list[Mention]) -> bool:
    """Whether an organisation, or a school's type word outside every organisation found,
    stands in the 16 characters before the name (金华职业技术学院的“95后”老师周静倩, 精华中学校长
    廖中扬): the post is that one's, not the report's one school's."""
    a = max(s, p.start - 16)
    if any(a < o.end <= p.start for o in orgs):
        return True
    # (a name the report gives its organisations elsewhere is one of them: 黄泥小学校长章站亮)
    if any(not any(o.start <= w.start() and w.end() <= o.end or text.endswith(o.text, 0, w.end()) for o in orgs)
           for w in _SCHOOL_WORD.finditer(text, a, p.start)):
        return True
    # a school written short right before the post (南科大校长朱清时, 中关村三小校长刘可钦,
    # 精华学校校长廖中扬, 优才书院指导老师龙君慧) that no organisation found holds
    return any(text[w.end():p.start] in roles() and not any(o.start <= w.start() < o.end for o in orgs)
               for w in _SHORT_SCHOOL.finditer(text, a, p.start))


_SHORT_SCHOOL = re.compile(r"[一二三四五六七八九十]{1,3}[中小]|(?<=[\u3400-\u9fff])大|书院|附中|附小|"
                           r"(?<=[\u3400-\u9fff])(?<![到在该本我的全各回进来去入])学校")
