"""What names a measure without anyone carrying it out (pipeline/relations/implements.py):
an organisation that only takes part in it, urges others to or only cares for it, a press
office the news came from, a title talked about or cited as the ground of the work, the work a
visit looks at, an honour given for it."""
from __future__ import annotations

import functools
import re

from ..doc import Mention
from ..measure_names import LEAD_YEAR
from .common import cue_alternation, cues
from .openings import cue_alternation_of


def takes_part(between: str) -> bool:
    """Whether what stands between an organisation and a measure says that it takes part in it
    (参加, 入选: rules/implements.tsv ``takes_part``) rather than sends others to it (组织学生参加)."""
    clause = _last_clause(between)
    part = _pattern("takes_part").search(clause)
    return part is not None and _pattern("sends").search(clause[:part.start()]) is None


def urges_others(between: str) -> bool:
    """Whether what stands between an organisation and a measure says that it urges others
    to carry it out (要求各校, 督促各地: rules/implements.tsv ``urge`` and ``others``)."""
    return _pattern("urge", "others").search(_last_clause(between)) is not None


def contributes(between: str, after: str) -> bool:
    """Whether the organisation only helps a measure others carry out: 助力“一带一路”教育共同体,
    为“一带一路”建设贡献力量 (rules/implements.tsv ``contribute`` in the measure's clause before
    it, ``contribute_after`` in the words after it)."""
    clause = _last_clause(between)
    return _pattern("contribute").search(clause) is not None or (
        re.search(r"为[“\"]?$", clause) is not None and _pattern("contribute_after").search(after[:24]) is not None)


def only_cares(between: str) -> bool:
    """Whether the organisation's clause runs from a word of caring (高度重视, 关注: rules/
    implements.tsv ``regard``) to the measure with no deed of its own after a comma
    (国务院高度重视儿童青少年近视防控工作, 中南民大尤其注重“特岗计划”: ``regard_lead``; not
    X局高度重视，开展了…, nor 学校注重开展“X”活动: a deed, rules/implements.tsv ``item_verb``)."""
    caring = _caring().match(between)
    if caring is None or re.search(r"[，,；;：:]", between):
        return False
    return _pattern("item_verb").search(between, caring.end()) is None   # 注重开展“X”活动: a deed


def only_guides(text: str, o: Mention, between: str) -> bool:
    """由中国人权研究会指导、多家研究机构主办的“…”研讨会: a body written after 由 and before a
    word of guiding (rules/implements.tsv ``guide``) only guides the work others run."""
    return text[o.start - 1:o.start] == "由" and between.startswith(cues("guide", "implements.tsv"))


def news_source(text: str, o: Mention, s: int) -> bool:
    """Whether the organisation is a press office the reporter learnt the news from: written
    after 从 or 自 in its clause and right before 获悉, 了解到... (rules/implements.tsv
    ``source``, ``press_office``); ``s``: where the sentence starts."""
    clause = re.split(r"[，,；;：:]", text[max(s, o.start - 10):o.start])[-1]
    return ("从" in clause or "自" in clause) and text.startswith(cues("source", "implements.tsv"), o.end) \
        and o.text.endswith(cues("press_office", "implements.tsv"))


def unnamed_subject(between: str) -> bool:
    """Whether the clause that holds the measure opens with bodies it leaves unnamed
    (多家高校发起, 还有的高校在…, 一些地方推行: rules/implements.tsv ``some_lead``, ``some`` and
    ``some_body``), or names them as doing it one after another (内蒙古各高校纷纷启动: ``one_by_one``):
    its subject is its own, so no organisation is carried over to it."""
    opens, one_by_one = _unnamed_patterns()
    clause = _last_clause(between)
    return opens.match(clause) is not None or one_by_one.search(clause) is not None


@functools.lru_cache(maxsize=None)
def _unnamed_patterns() -> tuple[re.Pattern, re.Pattern]:
    """unnamed_subject's two patterns, made once: the clause's opening, and the bodies doing it
    one after another."""
    bodies = _pattern("some_body").pattern
    return (re.compile(r"\s*(?:%s)?有?(?:%s)%s" % (cue_alternation_of("some_lead"), cue_alternation_of("some"), bodies)),
            re.compile(r"(?:(?:各|%s)%s|各地|多地)[都也]?(?:%s)" % (cue_alternation_of("some"), bodies,
                                                             cue_alternation_of("one_by_one"))))


def _last_clause(between: str) -> str:
    """The clause that holds the measure: what follows the last comma or colon (学校参加了会议，
    会后开展“X”活动: 开展's clause, not 参加's)."""
    return re.split(r"[，,：:]", between)[-1]


@functools.lru_cache(maxsize=None)
def _caring() -> re.Pattern:
    """A word of caring (``regard``), perhaps after an adverb (``regard_lead``), longest first."""
    return re.compile(f"(?:{cue_alternation_of('regard_lead')})?(?:{cue_alternation_of('regard')})")


@functools.lru_cache(maxsize=None)
def _pattern(*kinds: str) -> re.Pattern:
    """The cues of rules/implements.tsv kinds, one after the other, as one compiled pattern."""
    return re.compile("".join(f"(?:{cue_alternation_of(k)})" for k in kinds))


def inside_title(text: str, s: int, mm: Mention) -> bool:
    """Whether the measure is part of a title (《北京市教育委员会关于推进中小学学区制管理的指导
    意见》) that the sentence does not say is being issued (做了《A》和《B》的发言): the title
    is talked about, and no one there carries the measure out."""
    opened = text.rfind("《", s, mm.start)
    if opened < 0 or text.rfind("》", s, mm.start) > opened or text.startswith("》", mm.end) and (
            opened + 1 == mm.start or LEAD_YEAR.fullmatch(text, opened + 1, mm.start)):
        return False      # not inside a title, or the title is the measure (the plan named as a document,
        # after its year: 《2014年海南省…实施办法》)
    k = _first_title(text, opened, s)    # 《A》和《B》: back to the first title of the list
    if k < 0:
        return False
    return re.search(rf"(?:{cue_alternation_of('issue_title')})[了]?$", text[max(s, k - 8):k]) is None


def _first_title(text: str, k: int, lo: int = 0, adjacent: bool = False) -> int:
    """The 《 of the first title of a list whose last title opens at ``k`` (《A》和《B》, and
    with ``adjacent`` 《A》《B》), searched no further back than ``lo``; -1 where a 》 has no 《."""
    while k >= 0:
        if adjacent and k > 0 and text[k - 1] == "》":
            k = text.rfind("《", lo, k - 1)
        elif text[k - 1:k] in ("和", "、", "及", "与") and text[k - 2:k - 1] == "》":
            k = text.rfind("《", lo, k - 2)
        else:
            break
    return k


def inspected(text: str, mm: Mention) -> bool:
    """Whether the measure names only the work a visit looks at (开展…教育援疆工作调研:
    rules/implements.tsv ``inspect_after``)."""
    return text.startswith(cues("inspect_after", "implements.tsv"), mm.end)


def honour(text: str, mm: Mention, s: int) -> bool:
    """Whether the measure is named inside an honour given (为第二批省级X典型案例学校)."""
    before = text[max(s, mm.start - 12):mm.start]
    return re.search(r"为(?:第[一二三四五六七八九十\d]+批)?[^，,。；;、“”]{0,6}[“]?$", before) is not None and \
        text[mm.end:mm.end + 8].lstrip("”\"工作").startswith(cues("honour", "implements.tsv"))


def cited(text: str, pos: int) -> bool:
    """Whether the measure at ``pos`` is a title cited as the ground of the work, right
    after a `cite` word (按照《X》, 根据《X》和《Y》): the sentence's subject follows it rather
    than carries it out. So is a quoted name after a `cite_quoted` word and at most a body's
    name (按照国务院“两为主、两纳入”政策要求)."""
    q = pos if text[pos:pos + 1] in "“‘「" else pos - 1 if text[pos - 1:pos] in "“‘「" else -1
    if q >= 0:
        return re.search(f"(?:{cue_alternation('cite_quoted')})[^，,。；;、！？“”‘’《》\n]{{0,10}}$",
                         text[max(0, q - 14):q]) is not None
    if text[pos - 1:pos] != "《":
        return False
    k = _first_title(text, pos - 1, adjacent=True)    # 《X》和《Y》, 《X》《Y》: the list's first title
    if k < 0:
        return False
    return re.search(f"(?:{cue_alternation('cite')})[了的]?$", text[max(0, k - 6):k]) is not None
