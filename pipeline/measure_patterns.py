"""Measure names of a known build that the measure model does not weigh (issue 9, sixth
pass), and quoted phrases that describe rather than name.

* campaigns: a long named campaign or arrangement, quoted descriptors and all, ends with a
  `campaign_end` word of rules/measure_cues.tsv (开展“护苗”“净网”专项整治行动,
  建立校外培训机构治理工作专门协调机制, 构建全方位综合治理体系): the whole is one measure,
  not each quoted piece;
* styles: `X式教育` / `X式学习` after a verb of doing (`style_end`: 推行体验式学习,
  实施“订单式”培养 …) name a way of teaching;
* groupings: `X共同体` after a verb of setting up (`grouping_end`: 组建城乡教育发展共同体),
  unless a `grouping_not` word says it is a doctrine (人类命运共同体);
* descriptions: a quoted phrase whose parts are all descriptors (宽领域、深层次、立体化:
  `describe_end`) or short phenomena (城镇挤, 上学难: `phenomenon_end`) names no measure.

Each finder returns (start, end, name, how) spans; pipeline/measures.py adds them before
the quoted names, so the quoted pieces inside a span are not taken again.
"""
from __future__ import annotations

import functools
import re

from . import rules

# the characters a patterned name is written with: CJK, digits, Latin letters, quotes
# (its quoted descriptors), 、 between descriptors, + and the middle dot
NAME = re.compile(r"[\u3400-\u9fff0-9A-Za-z+“”\"「」『』‘’、·]")
QUOTES = "“”\"「」『』‘’"
# where a name cannot run on backwards: particles that close a phrase before it
STOP_CHARS = frozenset("的在对把将为是了和及与等")
# in a campaign's descriptors 和, 及 and 与 join them (学校及周边环境综合整治行动)
CAMPAIGN_STOP = frozenset("的在对把将为是了等")
# a duration before a campaign's name (启动为期3个月的…专项行动) is no part of it
DURATION = re.compile(r"^期?[\d一二三四五六七八九十两半]+个?(?:月|年|天|周|日)的?")
NUMERALS = frozenset("一二三四五六七八九十百千万两0123456789")


@functools.lru_cache(maxsize=None)
def cues() -> dict:
    by: dict[str, list[str]] = {}
    for row in rules.table("measure_cues.tsv"):
        if len(row) > 1:
            by.setdefault(row[0], []).append(row[1])

    def alt(*kinds: str) -> str:
        return rules.alternation([w for k in kinds for w in by.get(k, [])])
    return {
        "campaign": re.compile(rf"(?:{alt('campaign_end')})"),
        "campaign_tail": re.compile(rf"(?:{alt('campaign_end')})$"),
        "style": re.compile(rf"[{QUOTES}]?式[{QUOTES}]?(?:{alt('style_end')})"),
        "style_not": re.compile(rf"(?:{alt('style_not')})$"),
        "grouping": re.compile(rf"(?:{alt('grouping_end')})"),
        "grouping_not": re.compile(rf"(?:{alt('grouping_not')})"),
        "lead": re.compile(rf"(?:{alt('lead', 'verb')})+"),   # used with .match(text, pos)
        "joined": re.compile(rf"(?:{alt('named', 'campaign_end')})(?:以及|和|及|与|、)"),
        "verb": re.compile(rf"(?:{alt('verb')})"),
        "runs_on": re.compile(rf"(?:{alt('model_end', 'suffix')})"),
        "describe_end": frozenset(by.get("describe_end", [])),
        "phenomenon_end": frozenset(by.get("phenomenon_end", [])),
        "problem_after": re.compile(rf"^等?(?:{alt('problem_after', 'pair_after', 'titles_after')})"),
    }


def plain(s: str) -> str:
    return re.sub(rf"[{QUOTES}\s]", "", s)


def _start(text: str, end: int, longest: int, stops: frozenset = STOP_CHARS) -> int:
    """Where a name ending before ``end`` may start at the earliest: back over name
    characters to punctuation or a particle outside quotes, at most ``longest`` characters."""
    a = end
    inside = False     # inside a quoted descriptor (read backwards), particles belong to it
    while a > 0 and end - a < longest and (NAME.match(text[a - 1]) or inside and text[a - 1] != "\n"):
        ch = text[a - 1]
        if ch in "”」』’":
            inside = True
        elif ch in "“「『‘":
            inside = False
        elif ch in stops and not inside:
            break
        a -= 1
    return a


def _after_verb(text: str, a: int, stem_start: int) -> int | None:
    """The start of the name after the last verb of doing in text[a:stem_start] (lead
    words stripped too), or None when no verb opens it there."""
    c = cues()
    last = None
    for last in c["verb"].finditer(text, a, stem_start):
        pass
    if last is None:
        return None
    b = last.end()
    m = c["lead"].match(text, b, stem_start)
    return m.end() if m else b


def _clause_has_verb(text: str, a: int) -> bool:
    clause = re.split(r"[，。；;！？,：:\n]", text[max(0, a - 30):a])[-1]
    return bool(cues()["verb"].search(clause))


def _balanced(name: str) -> str:
    """The name without a dangling quote at either end and without a leading 、 or 和."""
    name = re.sub(r"^(?:以及|[、和及与])+", "", name)   # 抓落实和突出问题专项整治: a list's joint
    while name and name[-1] in "“「『‘":
        name = name[:-1]
    opens = sum(name.count(q) for q in "“「『‘")
    closes = sum(name.count(q) for q in "”」』’")
    while closes > opens and name and name[0] in "”」』’、":
        name = name[1:]
        closes -= 1
    return name


def _named_spans(lex: dict, text: str, ending: re.Pattern, how: str, min_stem: int,
                 need_verb: bool, longest: int = 30, stops: frozenset = STOP_CHARS):
    unot = lex.get("unquoted_not")
    for m in ending.finditer(text):
        a = _start(text, m.start(), longest, stops)
        if a >= m.start():
            continue
        v = _after_verb(text, a, m.start())
        if v is not None:
            a = v
        elif need_verb or not _clause_has_verb(text, a):
            q = min((i for i in range(a, m.start()) if text[i] in "“「『‘\""), default=None)
            if q is None or need_verb:
                continue   # no verb of doing and no quoted descriptor: left to the model
            a = q
        if text[a - 1:a] == "等":
            continue      # 煤矿、交通运输等领域安全专项治理: the tail of a list, no name
        name = DURATION.sub("", _balanced(text[a:m.end()]))
        a = m.end() - len(name)
        stem = plain(text[a:m.start()])
        if len(stem) < min_stem or plain(name) in lex["stop"] or (unot is not None and unot.search(plain(name))):
            continue
        if not re.search(r"[\u3400-\u9fff]", stem) or _open_quote(text, m.end()):
            continue      # a piece of a quoted name (“阶梯式教育培训”): the quoted name is the measure
        if lex["lex_re"].search(plain(name)):
            continue      # 全封闭式管理: the lexicon's own name (封闭管理) is found as it is
        yield a, m.end(), name, how


def _open_quote(text: str, end: int) -> bool:
    """Whether text[:end] ends inside a quoted name (a quote opened and not closed within
    the 20 characters before)."""
    window = text[max(0, end - 20):end]
    o = max(window.rfind(q) for q in "“「『‘")
    c = max(window.rfind(q) for q in "”」』’")
    return o > c


def _one_quote(stem: str) -> bool:
    """A stem that is one quoted name alone (“校园餐”): the quoted path takes it, its text
    running on over the suffix word (“校园餐”专项整治)."""
    return bool(re.fullmatch(r"[“「『‘\"][^“”「」『』‘’\"]+[”」』’\"]", stem))


def campaigns(lex: dict, text: str, generic) -> list[tuple[int, int, str, str]]:
    """Long named campaigns and arrangements (`campaign_end`), quoted descriptors in them."""
    c = cues()
    out = []
    for a, b, name, how in _named_spans(lex, text, c["campaign"], "named campaign", 2, False, stops=CAMPAIGN_STOP):
        stem = name[:c["campaign_tail"].search(name).start()]
        joins = list(c["joined"].finditer(stem))
        if joins:      # A行动以及B综合整治行动: two names; the last is this one
            cut = joins[-1].end()
            a, name, stem = a + cut, name[cut:], stem[cut:]
            if len(plain(stem)) < 2:
                continue
        if not generic(plain(name)) and not _one_quote(stem):
            out.append((a, b, name, how))
    return out


def styles(lex: dict, text: str) -> list[tuple[int, int, str, str]]:
    """`X式教育` / `X式学习` … after a verb of doing."""
    c = cues()
    out = []
    for a, b, name, how in _named_spans(lex, text, c["style"], "way of teaching after a verb", 2, True, 14):
        stem = plain(name)
        stem = stem[:stem.rfind("式")]
        if c["style_not"].search(stem + "式") or c["runs_on"].match(text, b):
            continue      # 网络形式教育; “造血式”教育援疆: the name runs on to another ending
        out.append((a, b, name, how))
    return out


def groupings(lex: dict, text: str) -> list[tuple[int, int, str, str]]:
    """`X共同体` after a verb of setting up, unless a doctrine."""
    c = cues()
    return [s for s in _named_spans(lex, text, c["grouping"], "grouping after a verb", 2, True, 16)
            if not c["grouping_not"].search(s[2])]


def describes(name: str) -> bool:
    """A quoted phrase that describes, not names: every part of it (split at 、 and commas)
    is a short descriptor (宽领域, 深层次, 立体化: `describe_end`) or a short phenomenon
    (城镇挤, 上学难: `phenomenon_end`)."""
    c = cues()
    parts = [p for p in re.split(r"[、，,；;\s]", plain(name)) if p]
    if not parts:
        return False
    # a part opening with a numeral is a counted name (九到位, 三个一), not a descriptor
    return all(p[0] not in NUMERALS and ((2 <= len(p) <= 4 and p[-1] in c["describe_end"])
                                         or (len(p) == 3 and p[-1] in c["phenomenon_end"]))
               for p in parts)


def problem_after(text: str, end: int) -> bool:
    """A quoted list closed by 等问题 / 现象 (`problem_after`) names problems; one closed
    by 两手抓 / 两不误 (`pair_after`) the sides of the work to balance; one closed by 等多门课程 /
    教学案例 (`titles_after`) the titles of courses or cases."""
    after = re.sub(rf"^[{QUOTES}]", "", text[end:end + 12])
    return bool(cues()["problem_after"].match(after))
