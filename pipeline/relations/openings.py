"""How a sentence opens, for the IMPLEMENTS finder (pipeline/relations/implements.py):
adverbial lead-in clauses before its verb (为…，/ 今年以来，), item marks of a list of what
a section's subject did (一是 / 首先 / （二） / 2.), and the subject such a list carries over
from the section it belongs to."""
from __future__ import annotations

import functools
import re

from .. import rules
from ..doc import Mention, sentence_of
from .common import cue_alternation, cues

FOCUS = re.compile(r"[，,]?(?:特别是|尤其是|其中)")


# an item of a list: 一是 / 首先 (rules/implements.tsv ``enumerator``), （一） / 1. / 一、
ITEM_MARK = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.](?!\d))[，,：:]?")


def enumerated(opens: str) -> int:
    """How long the item mark opening a sentence is (0 when none): 一是 / 其次 / （二） / 2."""
    m = ITEM_MARK.match(opens)
    if m:
        return m.end()
    m = _enumerator().match(opens)
    return m.end() if m else 0


@functools.lru_cache(maxsize=None)
def pattern_of(kind: str) -> re.Pattern:
    """The cues of one kind of rules/implements.tsv as a compiled alternation."""
    return re.compile(cue_alternation_of(kind))


@functools.lru_cache(maxsize=None)
def notice_patterns() -> tuple[re.Pattern | None, re.Pattern]:
    """(a sentence opening with a document and what it says, a verb of issuing) of
    rules/implements.tsv ``notice_doc``, ``notice_says``, ``notice_issue``."""
    issue = pattern_of("notice_issue")
    if not cues("notice_doc", "implements.tsv"):
        return None, issue
    docs_ = cue_alternation_of("notice_doc")
    says = "|".join(map(re.escape, cues("notice_says", "implements.tsv")))
    return re.compile(rf"(?:(?:根据|按照)?(?:{docs_})(?:{says})|(?:根据|按照|依据)(?:{docs_})(?:要求|规定|部署)?[，,])"), issue


@functools.lru_cache(maxsize=None)
def _enumerator() -> re.Pattern:
    """一是 / 其次 (rules/implements.tsv ``enumerator``) opening a sentence."""
    return re.compile(rf"\s*(?:{cue_alternation_of('enumerator')})[，,：:]?")


@functools.lru_cache(maxsize=None)
def cue_alternation_of(kind: str) -> str:
    """The cues of one kind of rules/implements.tsv as a regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(cues(kind, "implements.tsv"), key=len, reverse=True))) or "(?!)"


def _paragraph_start(text: str, s: int) -> int:
    return text.rfind("\n", 0, s) + 1


def paragraph_listed(doc, text: str, s: int) -> bool:
    """Whether the sentence at ``s`` stands in a paragraph that is an item of a list (its
    first sentence opens with an item mark: 二是强化安全管理。全面落实…)."""
    p = _paragraph_start(text, s)
    return p < s and enumerated(text[p:sentence_of(doc, p)[1]]) > 0


# what may stand before a sentence's subject without a comma: a date or a time word
OPENING = re.compile(r"(?:\d{1,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?(?:近日|日前|近期|近年来|今年以来|今年|目前|同时|此外|另外)?")


def _opened_by(doc, text: str, orgs: list[Mention], k: int):
    """The sentence ending before ``k``: its bounds, its body after an item mark and lead-in
    clauses, where that body's subject would open, and the organisation opening it there (the
    one in focus after it where written so: 学校党支部 of 红光小学党支部), or None."""
    ps, pe = sentence_of(doc, k - 1)
    body = text[ps:pe].lstrip(" \u3000\t")
    body = after_lead_in(body[enumerated(body):], [], ps)
    at = pe - len(body) + len(OPENING.match(body).group(0))   # the body is what is left at the sentence's end
    got = next((o for o in orgs if o.start == at), None)
    if got is not None and text.startswith(cues("title_after", "implements.tsv"), got.end):
        got = None        # 中国科学院院士、兰州大学校长严纯华说: a person's title, the person speaks
    if got is not None:
        got = next((o for o in orgs if o.start > got.end and FOCUS.fullmatch(text[got.end:o.start])), None) or got
    return ps, pe, body, at, got


def section_subject(doc, text: str, orgs: list[Mention], ms: list[Mention], s: int,
                    hops: int = 12) -> Mention | None:
    """The subject of the section a list item belongs to (今年以来，青山县教育局多措并举…。
    一是全面落实“一岗双责”制度。二是开展…): the nearest sentence before, at most ``hops``
    back, that opens with an organisation, over the list's items (whose other names do not
    count: 二是邀请县公安局民警到校…), into the paragraph before the list's first item and no
    further. None when a sentence on the way opens with a subject of another kind (学校, 各地)
    or names an actor outside the list's items."""
    k = s
    for _ in range(hops):
        if k <= 0:
            return None
        if text[k - 1] == "\n":
            if not enumerated(text[k:sentence_of(doc, k)[1]]):
                return None   # the paragraph before is no list item: its own subject ends here
            while k > 0 and text[k - 1] in "\n \u3000\t":
                k -= 1
            if k <= 0:
                return None
        ps, pe, body, _, got = _opened_by(doc, text, orgs, k)
        if got is not None:       # 教育部指出，一是落实…; 意见提出…: what it says or demands, no deed of its own
            return None if _says().search(text, got.end, pe) else got
        if body.startswith(cues("subject")):
            return None
        item = enumerated(text[ps:pe]) or paragraph_listed(doc, text, ps)
        if not item and any(ps <= m.start < pe and m.label in ("ORG", "PERSON") for m in ms):
            return None
        k = ps
    return None


@functools.lru_cache(maxsize=None)
def _says() -> re.Pattern:
    """Words of saying, requiring and issuing (rules/implements.tsv ``speech``, ``notice_says``,
    ``notice_issue``): a section's subject sentence holding one introduces what is said or
    required, not what the subject did (an eighth corpus reading: 0 of 8 such links right)."""
    return re.compile("|".join(cue_alternation_of(k) for k in ("speech", "notice_says", "notice_issue")))


def after_lead_in(opens: str, dates: list[tuple[int, int]], s: int) -> str:
    """The opening of a sentence without its adverbial lead-in clauses (为…，/ 今年以来，/
    a date，: rules/relations.tsv ``lead_in``), at most two, each ending at a comma and at
    most 30 characters long: 为确保学生安全，积极开展… -> 积极开展…"""
    k = 0
    for _ in range(2):
        m = re.match(r"[^，,。；;：:“”]{1,30}?[，,]\s*", opens[k:])
        if not m:
            break
        clause = m.group(0)
        if not (clause.startswith(cues("lead_in")) or any(a <= k + s < b for a, b in dates)
                or re.match(r"[\d０-９]+(?:年|月|日)", clause)):
            break
        k += m.end()
    return opens[k:]


def fullest(o: Mention | None, orgs: list[Mention]) -> Mention | None:
    """The fullest spelling the report gives the organisation an anaphor stands for
    (红星海学校 written earlier as 开发区红星海学校): the longest name of that kind ending
    with it."""
    if o is None:
        return None
    longer = [m for m in orgs if m.text.endswith(o.text) and len(m.text) > len(o.text)
              and m.attrs.get("kind") == o.attrs.get("kind") and not m.attrs.get("parent_key")]
    return max(longer, key=lambda m: (len(m.text), -m.start)) if longer else o


def we_subject(text: str, orgs: list[Mention], ms: list[Mention], s: int, pos: int, title: str = "") -> Mention | None:
    """我校坚持开展… / 我区全面推行…: a clause opening with a word by which the report's own
    organisation names itself (rules/implements.tsv ``we``), naming no one before ``pos``,
    stands for that organisation: for 我校 / 我园 the one school of that kind the title names,
    else the one the report names, else the one it names far more often than any other; for
    我区 / 我县 / 我市 the report's one government of that level (丛台区政府), else its one
    education bureau of that level. Not in reported speech (张三指出，当前我市…)."""
    table, opening = _we_words()
    if not table:
        return None
    last = None
    for last in opening.finditer(text[s:pos]):
        pass
    if last is None:
        return None
    a = s + last.start(1)
    if text.count("“", s, a) > text.count("”", s, a) or \
            any(s <= m.start < pos and m.label == "PERSON" or a < m.start < pos and m.label == "ORG" for m in ms):
        return None       # quoted or reported speech, or another organisation named after it
    kind = table[last.group(1)]
    own = {fullest(o, orgs).key: fullest(o, orgs) for o in orgs if not o.attrs.get("parent_key")}
    if kind in ("区", "县", "市", "旗", "州", "镇", "省"):
        for pattern in _level_bodies(kind):
            got = [o for o in own.values() if pattern.search(o.text)]
            if len(got) == 1:
                return got[0]
            if got:
                return None
        return None
    kinds = kind.split("|")
    mine = [o for o in own.values() if o.attrs.get("kind") in kinds]
    first = text.lstrip().split("\n", 1)[0][:40]
    named = [o for o in mine if o.text in title or o.text in first]
    if len(named) == 1:
        return named[0]
    if len(mine) == 1:
        return mine[0]
    counts = {o.key: sum(1 for m in orgs if fullest(m, orgs).key == o.key) for o in mine}
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] >= 3 and ranked[0] >= 2 * ranked[1]:
        return max(mine, key=lambda o: (counts[o.key], o.key))
    return None


@functools.lru_cache(maxsize=None)
def _we_words() -> tuple[dict, re.Pattern | None]:
    """(word -> the kind of organisation it stands for, the pattern of a clause opening with
    one) of rules/implements.tsv ``we``."""
    table = {row[1]: row[2] for row in rules.table("implements.tsv") if row[0] == "we" and len(row) > 2}
    if not table:
        return table, None
    alt = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    return table, re.compile(rf"(?:^|[，,；;：:])\s*(?:[^，,；;：:“”]{{0,10}}?[，,])?\s*({alt})(?=[\u3400-\u9fff])")


@functools.lru_cache(maxsize=None)
def _level_bodies(kind: str) -> tuple[re.Pattern, re.Pattern]:
    """A level's government (区政府, 县人民政府) and its education bureau (rules/implements.tsv
    ``place_body``: 区教育局), by the name's ending."""
    bodies = "|".join(map(re.escape, cues("place_body", "implements.tsv"))) or "(?!)"
    return re.compile(rf"{kind}(?:人民)?政府$"), re.compile(rf"{kind}(?:{bodies})$")


def is_main_organisation(o: Mention, orgs: list[Mention]) -> bool:
    """Whether ``o`` is the organisation the report names most (counting each mention under
    its fullest spelling), with no other named as often. A subject carried over paragraphs is
    taken only then: in a national report that quotes a plan, the last organisation that
    opened a sentence (黄冈中学, 某研究中心) is seldom the one whose deeds follow (corpus read,
    2026-12-03: about a third of such links right without this check)."""
    counts = _named_counts(orgs)
    key = fullest(o, orgs).key
    mine = counts.get(key, 0)
    return mine > 0 and all(n < mine for k, n in counts.items() if k != key)


def _named_counts(orgs: list[Mention]) -> dict[str, int]:
    """How often the report names each organisation, each mention under its fullest spelling."""
    counts: dict[str, int] = {}
    for m in orgs:
        k = fullest(m, orgs).key
        counts[k] = counts.get(k, 0) + 1
    return counts


def _leads_report(text: str, o: Mention, orgs: list[Mention], ps: int) -> bool:
    """Whether ``o`` opens the report's first sentence (only a heading before it: 近年来，
    普洱市委、市政府…聚焦…) and no organisation is named more often: the report is about
    its deeds, though it names others as often."""
    if re.search(r"[。；;！？]", text[:ps]):
        return False
    counts = _named_counts(orgs)
    return counts.get(fullest(o, orgs).key, 0) >= max(counts.values())


def report_subject(doc, text: str, orgs: list[Mention], ms: list[Mention], s: int, hops: int = 8) -> Mention | None:
    """全面落实“一岗双责”制度。 in a report whose section opened with 青山县教育局多措并举…: a
    sentence that tells a deed and names no one goes on with the subject the report last
    opened a sentence with, over paragraphs and over sentences naming no subject, at most
    ``hops`` back. None when a sentence on the way opens with a subject of another kind
    (学校, 各地), a person or a place (who then act), names an organisation by anaphor, is
    a heading line of another section,
    reports speech or a document's words (rules/implements.tsv ``speech``), the subject is
    not the report's main organisation (``is_main_organisation``), or the report names no
    such subject."""
    k = s
    for _ in range(hops):
        while k > 0 and text[k - 1] in "\n \u3000\t":
            k -= 1
        if k <= 0:
            return None
        ps, pe, body, at, got = _opened_by(doc, text, orgs, k)
        if got is not None:
            # 江岸区教育系统: a sector, no organisation (ANNOTATION.md) to carry the measures out
            if got.text.endswith(cues("sector", "implements.tsv")) or _says().search(text, got.end, pe):
                return None   # (教育部指出，…: what follows is what it says, not its deeds)
            return got if is_main_organisation(got, orgs) or _leads_report(text, got, orgs, ps) else None
        clause_end = at + len(re.split(r"[，,；;：:]", text[at:pe], maxsplit=1)[0])
        if body.startswith(cues("subject")) or any(at <= m.start < clause_end and m.label in ("PERSON", "PLACE") for m in ms):
            return None       # 校长李明介绍… / 霸州市全面推进…: a person or a place acts there
        if any(w in text[ps:pe] for w in cues("anaphor_words", "implements.tsv")):
            return None       # 参观了该校党建宣传栏: the report turns to an organisation it names by anaphor
        le = text.find("\n", ps)
        line = text[text.rfind("\n", 0, ps) + 1:len(text) if le < 0 else le].strip()
        if 0 < len(line) <= 40 and not re.search(r"[。！？；;]", line) and not enumerated(line):
            return None       # 健全就近就便安置制度⏎: a heading of its own section
        if any(w in text[ps:pe] for w in cues("speech", "implements.tsv")) or text.count("“", ps, pe) > text.count("”", ps, pe):
            return None       # 张三指出，… / 《意见》提出，…: what follows is someone's words, not the subject's deeds
        k = ps
    return None


# a list item that tells a deed: an adverb or two, then a verb of doing (rules/implements.tsv
# item_adverb, item_verb and rules/relations.tsv carry_verb): 进一步健全…, 全面落实…
ITEM_DOES = re.compile(rf"(?:{cue_alternation_of('item_adverb')})*(?:{cue_alternation_of('item_verb')}|{cue_alternation('carry_verb')})")


def tells_a_deed(text: str, ms: list[Mention], s: int, pos: int) -> bool:
    """Whether the sentence before ``pos`` opens with a deed (ITEM_DOES, after lead-in
    clauses and an item mark: 全面落实…, 一是扎实开展…), so does its last clause after a
    semicolon, and it names no one before ``pos``."""
    opens = after_lead_in(text[s:pos].lstrip(" \u3000\t"), [], s)
    opens = opens[enumerated(opens):]
    return ITEM_DOES.match(opens) is not None and ITEM_DOES.match(item_opening(text, s, pos, opens)) is not None and \
        not any(s <= m.start < pos and (m.label in ("ORG", "PERSON") or m.label == "PLACE" and _opens_clause(text, s, m))
                for m in ms)


def _opens_clause(text: str, s: int, m: Mention) -> bool:
    """Whether a place opens its clause (霸州市全面推进…: the place acts), rather than standing
    inside one after its verb (实施“雪莲计划”，帮助西藏儿童: an object)."""
    k = max(text.rfind(c, s, m.start) for c in "，,；;：:")
    return not text[max(k + 1, s):m.start].strip(" \u3000\t")


def item_opening(text: str, s: int, pos: int, opens: str) -> str:
    """How the list item holding ``pos`` opens: the sentence's opening, or, in a sentence of
    items split by semicolons (一是…；二是…), the last clause's, without its item mark."""
    semi = max(text.rfind("；", s, pos), text.rfind(";", s, pos))
    if semi < 0:
        return opens
    clause = text[semi + 1:pos].lstrip(" \u3000\t")
    return after_lead_in(clause[enumerated(clause):], [], semi + 1)
