"""MEMBER_OF: a person and the organisation the text says they work for, lead or report
for, with the role as written. Only what the sentence states:

* ``org + role + name``: 辛集市教育局局长黄兴君, 成教科科长晋萍 (an office kept in the role),
  a chain of posts 刘集镇中心小学党支部书记、校长杨洪亮 (the branch gets the party post, the
  school the headship), ``org 记者 name`` (齐鲁晚报 记者 刘晓旭);
* ``name + org + role``: 黄兴君（辛集市教育局局长）, 黄兴君，辛集市教育局局长;
* ``org + name + role``: 长安路学校张玲校长; ``org的role + name``: 河洲镇中心小学的校长陈杰;
* lists: 校长张三、副校长李四, 记者 王五 李六 and 领导班子成员A,B,C以及… share the
  organisation named before the first;
* academic titles after an organisation (X大学教授, 中国工程院院士: rules/relations.tsv
  ``title``); 该校/该局/校 before a post for the one of that kind named last (``post_anaphor``,
  inferred); offices, subjects and deputies' roles between an organisation and a post
  (投诉部主任, 美发专业教师, 副站长);
* ``org的name`` and ``org + name`` (太原五中的刘晓宇, 东城小学李明、西城中学王芳);
* bylines and credits (bylines.py); 本报 is no medium's name and gets no link;
* ``name 担任/成为 org (的) role`` and ``name 在/返回 org 任教/工作`` (role '');
* a party committee's department in a chain (区委常委、组织部部长X) is a unit of the committee
  with an entity of its own (PART_OF the committee); a government's post (副县长) is never
  given to another body (a list's 人大, a 政协, a 区委).

A name with a role and no organisation written with it (张玲校长) is linked only where the
report names exactly one organisation of the kind the role belongs to (rules/relations.tsv
``role_org``), and an office's head (成教科科长晋萍) only to the report's one bureau; both
are marked ``inferred`` (inferred_posts.py). Otherwise no link: no link is better than a
guessed one.
"""
from __future__ import annotations

import functools
import re

from .. import rules
from ..doc import Mention, Relation, sentence_of
from ..names import OWN_OUTLET
from . import bylines, inferred_posts
from .member_frames import serves, studies, works_at
from .common import (cue_alternation, cue_pairs, cues, ends_with_pattern, ensure_org, fits_kind, relation, role_kind,
                     roles, roles_longest_first)

BLANK = " \t\u3000:："
ORG_TYPE_END = re.compile(r"[局厅委办处科股室院校部会所站队组团社馆园府]$")
VIA_ANAPHOR = "该校/该局 before the role: the one named last before"
ANAPHOR_KINDS = {"school": ("school", "university", "kindergarten")}
DESCRIPTOR_BEFORE = re.compile(r"[、，,]\s*[\u3400-\u9fff\d]{1,10}?(?:援疆|援藏|挂职|帮扶|驻村|支教)干部")
# where a run of posts after a name ends (王晓燕，红星幼儿园党支部书记、园长，…)
RUN_ENDS = re.compile(r"[，,。；;）)！!？?\s]|$")
COUNTED = re.compile(r"[一二三四五六七八九十百千两\d]+(?:名|位)")   # 一名, 19名 before a role
# what follows a name that a list of names goes on after (…张瑞,王小虎以及机关各处室负责同志)
LIST_GOES_ON = re.compile(r"[，,、]|等|以及|及|和|同志")


@functools.lru_cache(maxsize=None)
def _role_words() -> tuple[str, ...]:
    return tuple(sorted((r for r, (kind, after_only) in roles().items() if kind != "other" and not after_only),
                        key=len, reverse=True))


def _roles_ending_at(text: str, pos: int, lo: int) -> list[str]:
    """Role words ending at ``pos`` (longest first); a deputy's role the list does not spell
    out (副站长, 副组长) comes before the role it is made of."""
    out = []
    for r in _role_words():
        a = pos - len(r)
        if a >= lo and text.startswith(r, a):
            if a > lo and text[a - 1] == "副" and not r.startswith("副") and "副" + r not in roles():
                out.append("副" + r)
            out.append(r)
    return out


def _office_before(text: str, pos: int, lo: int, org_end: dict) -> tuple[str, Mention] | None:
    """An office written between an organisation and a role: (office, organisation)."""
    for n in range(1, 9):
        a = pos - n
        if a < lo:
            break
        if not re.fullmatch(r"[\u3400-\u9fff]+", text[a:pos]) or not _is_office(text[a:pos]):
            continue
        if a in org_end:
            return text[a:pos], org_end[a]
        if a - 1 >= lo and text[a - 1] in " \u3000" and a - 1 in org_end:
            return text[a:pos], org_end[a - 1]      # 北京外国语大学 研招办主任: a layout space between
    return None


def _is_office(word: str) -> bool:
    """An office written after its organisation's name: 成教科, 投诉部, 数学教研组
    (rules/relations.tsv ``office`` and ``inner_office``)."""
    return bool(ends_with_pattern("office").search(word) or ends_with_pattern("inner_office").search(word))


def _free_qualifier_before(text: str, pos: int, lo: int, org_end: dict, role: str,
                           person_end: dict = None) -> tuple[str, Mention] | None:
    """A teacher's subject or duty written between a school and a staff role (拱墅区职业高级
    中学美发专业教师, 中国美术学院带队教师), or a project before 负责人 (市实验三小综合项目负责人):
    (the words, the organisation); up to four characters, with no 的/和/、 or role word among
    them."""
    if roles().get(role, ("",))[0] != "staff" and role != "负责人":
        return None
    for n in range(1, 5):
        a = pos - n
        if a < lo or not re.match(r"[\u3400-\u9fff]", text[a]) or text[a] in "的和与及、等为在是":
            return None
        if person_end and any(i in person_end for i in range(a + 1, pos + 1)):
            return None       # 北京师范大学校长董奇教授: a name and its title, no duty
        if a in org_end and not _roles_ending_at(text, pos, a):
            return text[a:pos], org_end[a]
    return None


def _qualifier_before(text: str, pos: int, lo: int) -> str:
    for q in sorted(cues("qualifier"), key=len, reverse=True):
        if pos - len(q) >= lo and text.startswith(q, pos - len(q)):
            return q
    return ""


def _is_bare_office(o: Mention) -> bool:
    """An office named without its owner (成教科), not one named with it (县委办公室)."""
    m = ends_with_pattern("office").search(o.text)
    return len(o.text) <= 5 and bool(m) and not o.attrs.get("parent_key") \
        and not o.text[:m.start()].endswith(("委", "局", "厅", "政府", "党组"))


def _bare_office_before(text: str, pos: int, lo: int) -> str:
    """An office written alone before a role, back to the clause start: ,成教科科长."""
    m = re.search(r"[\u3400-\u9fff]{2,5}$", text[max(lo, pos - 5):pos])
    if m and (ends_with_pattern("office").search(m.group(0)) or m.group(0) in cues("dept")) and (pos - len(m.group(0)) <= lo or
                                                               not re.match(r"[\u3400-\u9fff]", text[pos - len(m.group(0)) - 1])):
        return m.group(0)
    return ""


def _unit_before(text: str, pos: int, lo: int) -> str:
    """A party unit written alone before a role, after a separator or the clause start
    (局长谭树茗、纪委书记王众思: 纪委 + 书记); it stays in the role."""
    for u in sorted(cues("unit"), key=len, reverse=True):
        a = pos - len(u)
        if len(u) >= 2 and a >= lo and text.startswith(u, a) and ("委" in u or "党" in u or u in ("工会", "团委")) \
                and (a == lo or text[a - 1] in "、，,；; \u3000"):
            return u
    return ""


class Chain:
    """The posts written before a name, read from the name leftwards."""

    def __init__(self, text: str, s: int, org_end: dict, person_end: dict, orgs: list[Mention] = ()):
        self.text, self.s, self.org_end, self.person_end = text, s, org_end, person_end
        self.orgs = orgs

    def anaphor(self, b: int) -> tuple[Mention, int, str] | None:
        """该校/该局/校 written right before a role, or before an office and a role (该校体育
        教研组组长): (the organisation of that kind named last before it, where the word
        starts, the office), when the sentence that names it names no other of that kind
        (rules/relations.tsv ``post_anaphor``)."""
        text = self.text
        for n in range(0, 7):
            if n and not (re.fullmatch(r"[\u3400-\u9fff]+", text[b - n:b]) and _is_office(text[b - n:b])):
                continue
            got = self._anaphor_at(b - n)
            if got:
                return got + (text[b - n:b],)
        return None

    def _anaphor_at(self, b: int) -> tuple[Mention, int] | None:
        text = self.text
        for word, kind in cue_pairs("post_anaphor").items():
            a = b - len(word)
            if a < self.s or not text.startswith(word, a):
                continue
            if not word.startswith("该") and a > self.s and re.match(r"[\u3400-\u9fff]", text[a - 1]):
                continue       # 校 alone (校党委书记李长生), not the end of 学校/分校 (学院 not of 材料学院)
            kinds = ANAPHOR_KINDS.get(kind, (kind,))
            before = [o for o in self.orgs if o.end <= a and o.attrs.get("kind") in kinds and not o.attrs.get("parent_key")]
            # where none is named by itself, a school named only as the owner of its party
            # branch (汉阴县实验小学党支部): the branch stands for it, the post goes to its owner
            # (_links); not a college's committee (航运学院党委: 学校 is its university)
            owners = [k for k in kinds if k != "university"]
            branches = [o for o in self.orgs if o.end <= a and o.attrs.get("parent_key")
                        and o.attrs.get("unit_of_kind") in owners and PARTY_UNIT_END.search(o.text)]
            before = before or branches
            if not before:
                return None
            last = max(before, key=lambda o: o.end)
            s, e = inferred_posts.sentence_span(text, last.start)   # (its stop: no name starts there)
            if any(_owner(o) != _owner(last) and s <= o.start < e for o in before):
                return None    # 甲校和乙校…该校: which one is not said
            # 地区特殊教育学校 named last is 和田地区特殊教育学校 written short
            last = max((o for o in before if o.text.endswith(last.text)), key=lambda o: (len(o.text), o.end))
            return last, a
        return None

    def _free_word_in_run(self, k: int) -> str:
        """The words (2 to 4 characters, no role, organisation or name in them) between a 、
        that ends an earlier post and a role (、河北招生负责人, 、政府副县长): read with the role."""
        text = self.text
        for n in range(2, 5):
            j = k - n
            if j - 1 <= self.s or text[j - 1] != "、":
                continue
            word = text[j:k]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or any(i in self.org_end or i in self.person_end
                                                                  for i in range(j, k + 1)):
                return ""
            if _roles_ending_at(text, j - 1, self.s) and not any(word.endswith(r) for r in _role_words()) \
                    and not ORG_TYPE_END.search(word):      # 、教育局局长: a body's name, not a free word
                return word
            return ""
        return ""

    def _unnamed_body_in_run(self, k: int) -> str:
        """A body written by its type word alone (rules/relations.tsv ``unnamed_body``: 政府,
        人民政府) between a 、 that ends an earlier post and a role (、政府副县长): its post
        has no organisation to link to, and the posts before it are read on."""
        text = self.text
        for word in cues("unnamed_body"):
            j = k - len(word)
            if j - 1 > self.s and text[j - 1] == "、" and text.startswith(word, j) \
                    and not any(i in self.org_end for i in range(j, k + 1)) and _roles_ending_at(text, j - 1, self.s):
                return word
        return ""

    def read(self, pos: int) -> tuple[list[tuple[Mention, list[str], bool]], list[str], Mention | None]:
        """(organisation, its roles and whether an anaphor (该校) named it; roles with no
        organisation; a person the chain runs into: 校长张三、副校长李四)."""
        text, s = self.text, self.s
        while pos > s and text[pos - 1] in BLANK:
            pos -= 1
        links: list[tuple[Mention, list[str], bool]] = []
        pending: list[str] = []
        seps = cues("separator")
        after_comma = False
        while pos > s:
            cands = _roles_ending_at(text, pos, s)
            if not cands:
                break
            chosen, org, office, org_at, unnamed = cands[0], None, "", -1, ""
            for r in cands:       # the role after which an organisation (or its office) ends
                a = pos - len(r)
                b = a
                while b > s and text[b - 1] in " \t\u3000":
                    b -= 1
                if b not in self.org_end and b - 1 in self.org_end and text[b - 1] == "的":
                    b -= 1           # 河洲镇中心小学的校长陈杰
                q = _qualifier_before(text, b, s)
                if b not in self.org_end and q and (b - len(q) in self.org_end or
                                                    text[b - len(q) - 1:b - len(q)] == "的" and b - len(q) - 1 in self.org_end):
                    b -= len(q)      # 区关工委常务主任: the qualifier stays in the role
                    r = q + r
                    if b not in self.org_end:
                        b -= 1       # 山东师范大学的支教老师杨尚川
                if b in self.org_end:
                    chosen, org = r, self.org_end[b]
                    break
                if b == a and len(r) == 2 and r[1] == "长" and b + 1 in self.org_end and text[b] == r[0]:
                    chosen, org = r, self.org_end[b + 1]     # 卫生部长温帕坦: 卫生部, 部长
                    break
                off = _office_before(text, a, s, self.org_end)
                if off:
                    chosen, (office, org) = r, off
                    break
                ana = self.anaphor(b) if b == a else None
                if ana:
                    chosen, (org, org_at, office) = r, ana
                    break
                free = _free_qualifier_before(text, b, s, self.org_end, r, self.person_end) if b == a else None
                if free:
                    chosen, org = free[0] + r, free[1]
                    break
            bare = ""
            if org is not None and not office and _is_bare_office(org):
                office, org = org.text, None      # 成教科 named alone is an office, not the employer
                k = pos - len(chosen) - len(office)
                if text.startswith(office, k) and text[k - 1:k] == "、":
                    bare = office                 # the chain goes on before it (副教授、曲周实验站副站长X)
            if org is None and not office:
                office = bare = _bare_office_before(text, pos - len(chosen), s) or _unit_before(text, pos - len(chosen), s)
                if not bare:     # 市委常委、常务副市长魏启生: the qualifier stays in the role
                    chosen = _qualifier_before(text, pos - len(chosen), s) + chosen
                if not bare:     # X大学医学部博士生导师、河北招生负责人Y: a free word in a run stays in the role
                    chosen = self._free_word_in_run(pos - len(chosen)) + chosen
                unnamed = self._unnamed_body_in_run(pos - len(chosen)) if not bare else ""
                if unnamed:      # 县委常委、宣传部部长、政府副县长X: a post of a body named by its type
                    chosen = unnamed + chosen   # word alone; the chain reads on past it
            if after_comma and org is None:
                break                # a comma ends the chain unless an organisation follows
            pos -= len(chosen) + len(bare)
            here = pending if unnamed else [office + chosen] + pending
            if org is not None:
                links.append((org, here, org_at >= 0))
                pending = []
                pos = org_at if org_at >= 0 else org.start
            else:
                pending = here
            after_comma = False
            if pos > s and text[pos - 1] in seps and (org is not None or text[pos - 1] not in "，,"):
                after_comma = text[pos - 1] in "，,"
                pos -= 1
                if pos in self.person_end:
                    return links, pending, self.person_end[pos]
                continue
            break
        runs_into = None
        if not links:
            # 局长罗广慧，党组成员、副局长舒剑军: posts after a name with its organisation
            runs_into = self.person_end.get(pos)
            if runs_into is None and pending and pos > s and text[pos - 1] in "，,、":
                runs_into = self.person_end.get(pos - 1)
        return links, pending, runs_into


def _owner(o: Mention) -> str:
    """The key of the organisation a mention names: its owner's for a party branch."""
    return o.attrs.get("parent_key") or o.key


def _after(text: str, p: Mention, e: int, org_start: dict, person_start: set) -> tuple[Mention, tuple] | None:
    """``name + org + role``: 黄兴君（辛集市教育局局长）, 黄兴君，辛集市教育局局长 (not after a
    name with a post of its own before it: 副教授刘煜亮，青海省人民医院护士X is the next item
    of a list)."""
    j = p.end
    if j < e and text[j] in "（(，, ":
        j += 1
    o = org_start.get(j)
    if o is None:
        return None
    k = o.end
    run, end = _role_run(text, k)
    if len(run) > 1 and not RUN_ENDS.match(text, end):
        return None       # 重症医学科主任、副主任医师易钊泉: the run goes on into another's post
    if run:
        return (o, run) if _closes(text, end, person_start) else None
    m = re.match(rf"([\u3400-\u9fff]{{1,6}}?(?:{cue_alternation('office', longest_first=False)}))", text[k:k + 8])
    if m:
        for r in _role_words():
            if text.startswith(r, k + m.end()):
                return (o, (m.group(1) + r,)) if _closes(text, k + m.end() + len(r), person_start) else None
    return None


def _role_run(text: str, k: int) -> tuple[tuple[str, ...], int]:
    """The roles written from ``k`` one after another, kept apart by 、 (党支部书记、园长):
    (the roles, where the last ends); ((), k) where no role starts there."""
    run: list[str] = []
    while True:
        r = next((r for r in _role_words() if text.startswith(r, k)), "")
        if not r:
            break
        run.append(r)
        k += len(r)
        if text[k:k + 1] != "、" or not any(text.startswith(x, k + 1) for x in _role_words()):
            break
        k += 1
    return tuple(run), k


def _closes(text: str, pos: int, person_start: set) -> bool:
    """Whether a post written after a name ends there, rather than opening a chain that
    ends in another name (提起高夯，东北师范大学教务处处长魏民说; 院长、X大学校长麦克唐纳) or
    being said of something else (外省教师的子女)."""
    j = pos
    while j < len(text) and text[j] in " \u3000":
        j += 1
    return j not in person_start and text[pos:pos + 1] not in ("、", "的")


def _is_org_role(text: str, p: Mention, e: int, org_start: dict, persons: list[Mention]) -> tuple[Mention, tuple] | None:
    """``name ... 是 org role``: 赵德春今年44岁，是官渡口镇中心小学老师 (the name opens its
    clause run, no other name comes between, and the role closes the organisation); a count
    after 的 may come before the role (是城南中学的一名语文教师, 是松宗小学的19名教师之一)."""
    m = re.compile(r"[^。；;！？!?]{0,16}?是").match(text, p.end, e)
    if m is None or any(p.end <= q.start < m.end() for q in persons if q is not p):
        return None
    if len(re.split(r"[，,]", text[p.end:m.end()])[-1]) > 3 and re.search(r"[，,]", text[p.end:m.end()]):
        return None       # 据李锦成介绍，这两人也是…: the clause after the comma has its own subject
    o = org_start.get(m.end())
    if o is None:
        return None
    k = o.end + (1 if text[o.end:o.end + 1] == "的" else 0)
    if text[o.end:o.end + 1] == "的" and (counted := COUNTED.match(text, k)):
        k = counted.end()  # 王海平是城南中学的一名语文教师, 杨彩霞是松宗小学的19名教师之一
    run, end = _role_run(text, k)
    if len(run) > 1:       # 王晓燕是红星幼儿园党支部书记、园长
        return (o, run) if RUN_ENDS.match(text, end) else None
    for n in range(4):     # a subject before a teacher's role stays in it: 语文老师
        # the longest role there only: 护士 of 病区副护士长 is not a role of its own
        r = next((r for r in roles_longest_first() if text.startswith(r, k + n)), "")
        before = text[k:k + n]     # a lead's role after a deputy's or an office's word: 病区副护士长, 教务处处长
        if r and roles()[r][0] != "other" \
                and (n == 0 or roles()[r][0] == "staff" or before.endswith("副") or _is_office(before)) \
                and re.fullmatch(r"[\u3400-\u9fff]*", before):
            return (o, (text[k:k + n] + r,)) if text[k + n + len(r):k + n + len(r) + 1] not in ("的", "、") else None
    return None


@functools.lru_cache(maxsize=None)
def _role_at():
    """The longest role word of roles_longest_first at a position (a trie: one regex)."""
    return re.compile(rules.trie_pattern(roles_longest_first()))


def _name_role(text: str, p: Mention) -> str:
    """A role written right after a name: 张玲校长."""
    m = _role_at().match(text, p.end)
    return m.group(0) if m else ""


def find(doc, text: str, ms: list[Mention], entities: dict) -> list[Relation]:
    orgs = [m for m in ms if m.label == "ORG" and m.key]
    org_end: dict[int, Mention] = {}
    org_start: dict[int, Mention] = {}
    for o in sorted(orgs, key=lambda m: m.end - m.start):   # the longest wins
        org_end[o.end] = o
        org_start[o.start] = o
    persons = sorted((m for m in ms if m.label == "PERSON" and m.key), key=lambda m: m.start)
    person_end = {p.end: p for p in persons}
    person_start = {p.start for p in persons}
    out: list[Relation] = []
    posts: dict[int, list[tuple[Mention, str]]] = {}   # person mention start -> (org, role)
    post_conf: dict[int, str] = {}     # person mention start -> how its organisation was read
    held: set[tuple[str, str]] = set()     # (person, role) stated so far: 贺州学院校长吴郭泉

    for p in persons:
        s, e = sentence_of(doc, p.start)
        chain = Chain(text, s, org_end, person_end, orgs)
        links, pending, runs_into = chain.read(p.start)
        if not links and not pending and runs_into is None and text[p.start - 1:p.start] == "的" \
                and p.start - 1 not in org_end:
            # 同为双坪中学首批特岗教师的徐本华: the posts written before 的 and the name
            links = chain.read(p.start - 1)[0]
        described = DESCRIPTOR_BEFORE.search(text, max(s, p.start - 14), p.start)
        if not links and not pending and described and described.end() == p.start:
            # 巴楚二中副校长、静安区第十批援疆干部李明宇: the posts before what describes the name
            links, pending, _ = chain.read(described.start())
        got: list[tuple[Mention, str, str]] = []
        listed_conf = ""       # a name listed after another has that name's organisation as it was read
        for org, rs, via in links:
            got += [(org, r, VIA_ANAPHOR if via else "role and organisation before the name") for r in rs if fits_kind(r, org)]
        if not got and runs_into is not None and runs_into.start in posts \
                and (pending or text[runs_into.end:p.start].strip() or not _name_role(text, p)):
            # 校长张三、副校长李四; 记者 王五 李六: the organisation of the list's first name
            # (not a name with a post of its own after a space: 通讯员周和平 习近平总书记…)
            prev = posts[runs_into.start]
            mine = pending or [r for _, r in prev][:1]
            got = [(prev[0][0], r, "listed after a name with its organisation") for r in mine
                   if fits_kind(r, prev[0][0]) and (not _dept_of(r) or _has_depts(prev[0][0]))]
            listed_conf = post_conf.get(runs_into.start, "") if got else ""
            if not got and mine and _dept_of(mine[-1]):
                # 县委书记A、…、共青团县委书记B、组织部副部长C: the department of the list's
                # party committee named last before, not of the 共青团's
                owners = [o for k in sorted(posts) if s <= k < runs_into.start for o, _ in posts[k]
                          if _has_depts(o) and o.text.endswith("委")]
                got = [(owners[-1], mine[-1], "listed after a name with its organisation")] if owners else []
        if not got:
            before = org_end.get(p.start) or (org_end.get(p.start - 1) if text[p.start - 1:p.start] in " \u3000的" else None)
            r = _name_role(text, p)
            if before is not None and r:
                got = [(before, r, "organisation before the name, role after it")]   # 安庆师范大学的张群副校长
                if text[before.start - 1:before.start] == "、":
                    # 望京学区发展理事会副理事长、明远小学沈颖校长: the posts listed before it
                    more, _, _ = chain.read(before.start - 1)
                    got += [(o, rr, "a post listed before the organisation and the name") for o, rs, _ in more for rr in rs]
            else:
                aft = (None if pending and text[p.end:p.end + 1] in "，," else _after(text, p, e, org_start, person_start)) \
                    or _is_org_role(text, p, e, org_start, persons) \
                    or serves(text, p, e, org_start, persons)
                if aft:
                    got = [(aft[0], r, "organisation and role after the name")
                           for r in (aft[1] if isinstance(aft[1], tuple) else (aft[1],))]
        if not got:
            # a name right after another in a list with no post of its own: 记者 王五 李六
            k = p.start
            while k > s and text[k - 1] in " \t\u3000、":
                k -= 1
            if k == p.start and text[k - 1:k] in "，," and LIST_GOES_ON.match(text, p.end):
                k -= 1        # 领导班子成员李颖科,黄启成,赵春平以及…: a list written with commas
            q = person_end.get(k)
            if q is not None and q.start in posts and k < p.start and not _name_role(text, p):
                got = [(o, r, "listed after a name with its organisation") for o, r in posts[q.start]]
                listed_conf = post_conf.get(q.start, "") if got else ""
            q = person_end.get(p.start - 1)
            if not got and q is not None and text[p.start - 1] in "和与及" and q.start in posts \
                    and all(r == "" for _, r in posts[q.start]) and not _name_role(text, p):
                # 碾子镇中心小学的吴杰功和姚怀林: two names of one organisation, with no post
                got = [(o, "", "listed after a name with its organisation") for o, _ in posts[q.start]]
                listed_conf = post_conf.get(q.start, "") if got else ""
        conf = listed_conf or "stated"   # （本报记者程龙、杨旭）: 杨旭's 人民日报 is read as 程龙's
        if not got and text[p.start - 1:p.start] == "的" and org_end.get(p.start - 1) is not None \
                and not _name_role(text, p) and not studies(text, org_end[p.start - 1], p):
            got = [(org_end[p.start - 1], "", "organisation的name")]     # 太原五中的刘晓宇
        if not got and text[p.start - 1:p.start] == "的" and (o := works_at(text, p.start - 1, org_end)):
            got = [(o, "", "organisation the name works at (在X任教的)")]     # 在柿树坪小学任教的宋平
        if not got and org_end.get(p.start) is not None and not _name_role(text, p) \
                and not studies(text, org_end[p.start], p):
            got = [(org_end[p.start], "", "organisation written before the name")]   # 东城小学李明
        if not got:
            got = bylines.byline(text, p, orgs, (doc._.context or {}).get("source", ""), _name_role(text, p))
            if got and got[0][2] in (bylines.ONE_MEDIUM, bylines.SOURCE_MEDIUM):
                conf = "inferred"
        if not got and pending:
            got = inferred_posts.office_of_only_bureau(pending, orgs) or inferred_posts.post_of_only_unit(pending, orgs)
            conf = "inferred" if got else conf
        # 吴郭泉校长 after 贺州学院校长吴郭泉: a post the report stated with its organisation
        # before is that one; no other school is guessed for it
        r = pending[-1] if pending else _name_role(text, p)     # the post the inferences read
        known = (p.key, r) in held
        if not got and not known and not text.endswith("代表", 0, p.start) \
                and not inferred_posts.other_school_before(text, p, s, orgs):
            # 优秀学校代表马小超校长: which school is not said; 精华学校校长廖中扬: another school is
            got = inferred_posts.only_org_of_kind(orgs, r, staff_ok=not pending or not _place_before(text, p.start - len(r), ms))
            conf = "inferred"
        if not got and not known:
            got = inferred_posts.sentence_org_of_kind(text, p, r, orgs, persons, (s, e),
                                                      {k: {o.key for o, rr in v if role_kind(rr) == "staff"}
                                                       for k, v in posts.items()})
            conf = "inferred"
        if not got and not known and (pending or r):
            got = inferred_posts.scene_school(text, p, r, orgs, persons, (s, e))
        if not got and not known and (pending or r) and len(pending) <= 1:
            got = inferred_posts.school_named_last(text, p, pending[-1] if pending else "", orgs, persons, (s, e))
        if got and all(g[2] == VIA_ANAPHOR for g in got):
            conf = "inferred"
        # 本报 is no name of a medium, 本报11月18日 (a dateline read into the name) no organisation
        # (a number in a name is: 21世纪教育研究院, 北京101中学)
        got = [g for g in got if not g[0].text.startswith(OWN_OUTLET) and not re.search(r"\d+\s*[年月日电]", g[0].text)
               and g[1] not in cues("page_editor")]     # 来源:人民日报 网络编辑:X: the page's editor
        # 大同教育集团理事长X after 上海黄浦区大同教育集团: the body the report names in full
        got = [(inferred_posts.in_full(o, orgs), r, b) for o, r, b in got]
        if got:
            posts[p.start] = [(o, r) for o, r, _ in got]
            post_conf[p.start] = conf
            if conf == "stated":
                held.update((p.key, r) for _, r, _ in got if r)
        for org, role, basis in got:
            out.extend(_links(p, org, role, (s, e), basis, entities, conf))
        # 汉阴县委副书记、县长周永鑫; 党委副书记、镇长马超: a government head's post the chain
        # read but no organisation took is of the report's one government of that level
        placed = {r for _, r, _ in got}
        for r in [r for _, rs, _ in links for r in rs] + pending:
            if r not in placed:
                for org, role, basis in inferred_posts.government_of_level(r, orgs, (s, e), text):
                    placed.add(r)
                    out.extend(_links(p, org, role, (s, e), basis, entities, "inferred"))
    return out


def _place_before(text: str, pos: int, ms: list[Mention]) -> bool:
    """A place written right before a post (陕西省旬邑县的教师): the post is of that place."""
    pos -= 1 if text[pos - 1:pos] == "的" else 0
    return any(m.label == "PLACE" and m.end == pos for m in ms)


def _dept_of(role: str) -> str:
    """The party committee's department a post names: 组织部 of 组织部部长."""
    return next((d for d in cues("dept") if role.startswith(d) and len(role) > len(d)), "")


def _has_depts(org: Mention) -> bool:
    """Whether a 组织部/宣传部 post listed after this organisation's post is one of its own
    departments: a party committee's (县委书记A、组织部部长B) or a university's."""
    if org.text.startswith(("共青团", "团")):
        return False       # 共青团林口县委书记A、组织部副部长B: the county committee's 组织部
    return org.text.endswith("委") or org.attrs.get("kind") == "university"


def _links(p: Mention, org: Mention, role: str, span, basis: str, entities: dict,
           confidence: str = "stated") -> list[Relation]:
    """A post in a party unit or office goes to the unit; a headship written after a
    party unit (党支部书记、校长) goes to the organisation that owns the unit."""
    dept = _dept_of(role)
    if dept and org.text.endswith("委"):
        # 区委常委、组织部部长晋秋红: 组织部 is a unit of 区委, an entity of its own
        key = org.key + dept
        ensure_org(entities, key, org.text + dept, org)
        entities[key]["aliases"] = sorted(set(entities[key]["aliases"]) | {dept})
        entities[key]["attrs"]["kind"] = "party"
        out = [relation("MEMBER_OF", p.key, key, span, basis, confidence, role=role)]
        if dept not in cues("dept_apart"):     # rules/relations.tsv: a department read from a post
            out.append(relation("PART_OF", key, org.key, span, "department named in a post"))
        return out
    kind = role_kind(role)
    parent = org.attrs.get("parent_key")
    target = org.key
    committee_dept = (org.attrs.get("parent_text") or "").endswith("委") and org.attrs.get("unit_word") in cues("dept")
    unit = org.attrs.get("unit_word") or ""
    other_unit = bool(unit) and role != unit and any(role.startswith(u) and u != unit for u in cues("unit") if len(u) >= 2)
    # the head of an office named with its owner heads the office (中央财经委员会办公室副主任,
    # 学校工会主席): only a party unit's name gives a post to its owner (党委书记、院长)
    office_head = bool(unit) and not PARTY_UNIT_END.search(unit) and not other_unit
    if parent and (kind not in ("party", "") and not office_head or other_unit) and parent != org.key \
            and not committee_dept:
        # 航运学院党委书记A,…,团委书记B: the 团委's post is of 航运学院, not of its 党委
        target = parent
        if parent not in entities and org.attrs.get("parent_text"):
            ensure_org(entities, parent, org.attrs["parent_text"], org)
    elif kind == "party" and org.attrs.get("unit_word") and not role.startswith(org.attrs["unit_word"]):
        role = org.attrs["unit_word"] + role        # 党支部 + 书记: 党支部书记
    elif not parent and kind in ("lead", "staff"):
        owner = _owner_of_party_unit(org)
        if owner:       # X实验高中党总支副书记、副校长Y: the headship is of X实验高中, not of its 党总支
            target = owner[0]
            ensure_org(entities, owner[0], owner[1], org)
    return [relation("MEMBER_OF", p.key, target, span, basis, confidence, role=role)]


PARTY_UNIT_END = re.compile(r"(?:党总支|党支部|党委|党组)$")


def _owner_of_party_unit(org: Mention) -> tuple[str, str] | None:
    """(key, name) of the body a party unit's name is written onto, where the entity stage
    gave it no owner (贵州省黔西南州望谟县实验高中党总支 -> …实验高中)."""
    m = PARTY_UNIT_END.search(org.text)
    if not m or m.start() < 2 or org.key.count(":") < 2:
        return None
    _, anchor, core = org.key.split(":", 2)
    unit = m.group(0)
    if not core.endswith(unit) or len(core) <= len(unit) + 1:
        return None
    return f"org:{anchor}:{core[:-len(unit)]}", org.text[:m.start()]
