"""What every ingest step shares: character classes, the date pattern, the ``Line`` a
cleaned file is made of, and the header-field patterns of ``rules/metadata.tsv`` (bylines,
labels, media names)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import rules

CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
SENT_END = "。！？!?…"
CLOSERS = "”’」』）)】》\"'"
DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})(?!\d)\s*日?")
PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·,.;:?!()[]\"'"
SENT_PUNCT = re.compile("[。！？!?；;，,]")


@dataclass
class Line:
    text: str
    indent: bool = False       # began with white space (an article start in newspaper layout)
    gap: int = 0               # blank lines before it
    kind: str = "body"         # body | heading | byline | row (of a table)
    last_len: int = 0          # visible length of the last physical line joined into it
    last_text: str = ""        # that line itself

    def __post_init__(self):
        self.last_len = self.last_len or visible_len(self.text)
        self.last_text = self.last_text or self.text


def visible_len(text: str) -> int:
    return len(text.replace(" ", ""))


def ends_sentence(text: str) -> bool:
    t = text.rstrip(CLOSERS)
    return bool(t) and (t[-1] in SENT_END or t.endswith("……"))


def iso_date(y, m, d) -> str:
    y, m, d = int(y), int(m), int(d)
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return ""


@functools.lru_cache(maxsize=None)
def meta_patterns():
    f = functools.partial(rules.field_pattern, "metadata.tsv")
    date = DATE_RE.pattern
    return {
        # 发布时间：2020-03-05; not 报名时间：... (another time, a longer label) nor the
        # start of a span (时间：2015年11月9日至12日)
        "date_label": re.compile(rf"(?<![{CJK}])(?:{f('date_label')})\s*[:：]\s*(?:{date})(?!日?\s*(?:至|到|起|止|前|—|–|-|~))"),
        "source": re.compile(rf"(?:{f('source_label')})\s*[:：]\s*(?P<v>[^\s|｜:：]+)(?P<after>\s*[:：])?"),
        # the seat in brackets after a source field's outlet: 来源: 中国新闻网(北京)
        "source_seat": re.compile(rf"((?:{f('source_label')})\s*[:：]\s*[^\s(（:：]+)[(（][^()（）]{{1,6}}[)）]"),
        "editor": re.compile(rf"(?:{f('editor_label')})\s*[:：]\s*(?P<v>[{CJK}]{{2,3}}(?![{CJK}])|[{CJK}]\s[{CJK}](?![{CJK}]))"),
        "role": re.compile(rf"(?:{f('byline_role')})"),
        "mark": re.compile(rf"^\s*(?:{f('byline_mark')})"),
        "verb": re.compile(rf"(?<=[{CJK}]{{2}})(?:{f('byline_verb')})$"),
        "filed": re.compile(rf"(?:{f('byline_dateline')})$"),
        "media": re.compile(rf"^[{CJK}A-Za-z0-9·\-]{{2,24}}(?:{f('media_suffix')})$"),
        "label": re.compile(rf"(?:{f('date_label')}|{f('source_label')}|{f('editor_label')})\s*[:：]"),
        # a newspaper's print line: 《 人民日报 》（ 2020年01月05日   03 版）
        "print_line": re.compile(rf"《\s*(?P<paper>[^《》\s]{{2,20}}?)\s*》\s*[（(]\s*(?:{date})\s*"
                                 rf"(?:第?\s*[\dA-Z]{{1,3}}\s*版(?:[:：][^）)]{{0,12}})?)?\s*[）)]"),
        # a dispatch's dateline: 新浪教育讯 2013年12月14日 / 新华社北京2020年3月1日电
        "dateline": re.compile(rf"(?:讯|电)\s*[（(：:]?\s*(?:{date})"),
        # a wire dispatch: 伦敦2014年5月13日电 / 新华社北京2020年3月1日电
        "wire": re.compile(rf"^[{CJK}A-Za-z ]{{0,16}}?(?:{date})\s*电"),
        # a notice signed and dated at its end: ... 江西省教育考试院 2015年8月11日
        "closing": re.compile(rf"(?:^|[。！？”]\s*|\s)(?:[{CJK}（）()]{{2,30}}\s+)?(?:{date})\s*$"),
        # a page's time stamp: 2013-04-06 11:30:47 (来源: ...)
        "stamp": re.compile(rf"(?:{date})\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?"),
        "not_name": re.compile(rf"^(?:{f('editor_label')}|{f('byline_role')}|{f('source_label')}|{f('date_label')})$"),
        "editor_cut": re.compile(rf"(?:{f('editor_label')})\s*[:：]?"),
        "caption": re.compile(rf"^[(（【\[]?\s*(?:{f('caption_words')})\s*[)）】\]]?$|^[(（【\[].*[)）】\]]$"),
        # a column's heading (核心阅读), a credit standing alone (网易教育频道编辑) or an
        # attribution (——威尔士三一圣大卫大学校长麦迪文·休斯): no title
        "no_title": re.compile(rf"^(?:{f('column_label')})[:：]?$|(?:{f('editor_label')})$|^[—–－]"),
    }


def is_date_line(text: str) -> bool:
    """A line that is a date and little else (a header's time stamp, an author's line with
    a date), not a sentence that mentions a date."""
    if not DATE_RE.search(text) or visible_len(text) > 60 or re.search("[，。；！？]", text):
        return False
    m = DATE_RE.search(text)
    if re.match(r"\s*(?:至|到|起|止|—|–|-|~)", text[m.end():]):
        return False  # a span: 2015年1月19日-3月20日
    rest = DATE_RE.sub("", text, count=1)
    rest = meta_patterns()["label"].sub("", rest)
    rest = re.sub(r"\d{1,2}:\d{2}(:\d{2})?|[|｜丨\s]|Mon|Tue|Wed|Thu|Fri|Sat|Sun|星期.|周.", "", rest)
    return len(rest) <= 20


_CLOCK_OR_SEP = re.compile(r"\d{1,2}:\d{2}(:\d{2})?|[|｜丨\s]|Mon|Tue|Wed|Thu|Fri|Sat|Sun")


def is_metadata_line(text: str) -> bool:
    """A header field (发布时间：..., 来源：...) or a line of dates and times."""
    p = meta_patterns()
    if p["label"].search(text):
        return True
    rest = DATE_RE.sub("", text)
    rest = _CLOCK_OR_SEP.sub("", rest)
    return rest != text.replace(" ", "") and len(rest) <= 12


def is_byline(text: str) -> bool:
    p = meta_patterns()
    if len(text) > 60 or SENT_PUNCT.search(text.replace("·", "")) or text.lstrip().startswith("—"):
        return False  # a sentence, or a quote's attribution (——某校长接受记者采访时说)
    if p["mark"].match(text):
        return len(byline_names(text)) > 0
    m = p["role"].search(text)
    return bool(m) and len(byline_names(text)) > 0


@functools.lru_cache(maxsize=None)
def _common_surnames() -> frozenset[str]:
    return frozenset(r[0] for r in rules.table("surnames.tsv") if len(r) > 1 and r[1] == "common")


def _common_surname(ch: str) -> bool:
    return ch in _common_surnames()


# a particle no name holds (请跟着文汇报记者的步伐: 的步伐 is no reporter)
_PARTICLE = re.compile(r"^[的了着地得把被将在是]|[的了]")


def byline_names(text: str) -> list[str]:
    """Person names in a byline such as ``□通讯员 乐成刚 马浩`` or ``记者 刘晓旭 文/图``."""
    p = meta_patterns()
    # the seat in brackets after a source field's outlet is no name (来源: 中国新闻网(北京))
    t = p["source_seat"].sub(r"\1", p["mark"].sub(" ", text))
    cut = p["editor_cut"].search(t)
    if cut and cut.start() > 0:  # 记者 张三 编辑 李四: what follows the label is the editor
        t = t[:cut.start()]
    role = p["role"].search(t)
    if role:
        # whatever precedes the first role word is the outlet (齐鲁晚报·齐鲁壹点 记者 ...)
        t = t[role.start():]
    t = p["role"].sub(" ", t)
    t = re.sub(r"[:：/|、,，()（）]", " ", t)
    names = []
    for tok in t.split():
        m = p["filed"].search(tok)
        if m:  # 张枨报道: a name that reported; 济宁报道: where it was filed from
            tok = tok[:m.start()]
            if not (2 <= len(tok) <= 3 and _common_surname(tok[0])):
                continue
        tok = p["verb"].sub("", tok)  # 高炳整理: 高炳
        if 2 <= len(tok) <= 4 and all(CJK_RE.match(c) for c in tok) and not p["media"].match(tok) \
                and not p["not_name"].match(tok) and not _PARTICLE.search(tok):
            names.append(tok)
    return names


def byline_outlet(text: str) -> str:
    p = meta_patterns()
    role = p["role"].search(text)
    if not role:
        return ""
    head = p["mark"].sub("", text[:role.start()]).strip()
    if not head:
        return ""
    last = head.split()[-1]
    return last if any(p["media"].match(part) for part in last.split("·")) else ""


def dedupe(xs) -> list[str]:
    return list(dict.fromkeys(xs))
