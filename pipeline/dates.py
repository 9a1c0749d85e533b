"""Stage 4 - dates: every explicit calendar expression, normalised to ISO 8601 at the
precision the text gives (``2020-02-08``, ``2020-03``, ``2020``).

Years left out are taken from the report's publication date, else from the year the
report is plainly about (the year its address carries, a counted day such as 第36个教师节,
the latest year it writes out, or the year a festival falls on the date written next to
it: 2月8日元宵节 is 2020). Lunar dates and festivals go through
JioNLP's lunar calendar table. Digits lost in the source (``月日``) give nothing; a lost
month sign (``自213日起`` in a March 2020 report) is repaired only when one reading alone
is a valid date, and the date is marked as repaired. Relative words (当日, 近日, 目前)
are not dates. Times of day are recorded so that the number stage leaves them alone.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .doc import Mention, found, text_of
from .util import finditer_at, quiet

CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
YEAR4 = r"(?:19|20)\d{2}|[一二〇零三四五六七八九]{4}"
RANGE = r"\s*(?:至|到|—|-|~|～|－)\s*"
LUNAR_DAY = r"初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十"

_YEAR_RE = re.compile(rf"(?<![\d])({YEAR4})\s*(?:学)?年")
# a school year (2020-2021学年, 2023~2024学年度): for the report's year it counts as the
# year it starts
_SCHOOL_YEAR = re.compile(rf"(?<![\d])((?:19|20)\d{{2}})\s*(?:—|-|~|～|－|至|到)\s*(?:19|20)\d{{2}}\s*学年")
# a year written as a target: 到2025年, 力争2022年, 预计2024年…, 2025年底前, 2030年以前 (not the
# end of a span, 2016年至2019年, nor 截至2020年: as of)
_TARGET_BEFORE = re.compile(r"(?:(?<![年月日截\d])(?:到|至)|预计|计划|力争|争取|将于|将在|有望|确保)\s*$")
_TARGET_AFTER = re.compile(r"[底末]?(?:前|以前|之前)")
# the year (and month) an address carries: /news/201912/10037542.html, /2019-12/, /2019/12/05/
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})[-_/]?(?:0[1-9]|1[0-2])(?:[-_/]?(?:0[1-9]|[12]\d|3[01]))?(?=[/_.])")


def url_year(url: str) -> int | None:
    """The year an address's path carries as a year and month (a CMS's folder of the month);
    None when it carries none or two."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url or "")
    found_ = {int(m.group(1)) for m in _URL_YEAR.finditer(path)}
    return found_.pop() if len(found_) == 1 else None


@functools.lru_cache(maxsize=None)
def _counted() -> tuple[re.Pattern, dict[str, int]]:
    """第36个教师节: the pattern of a counted day, and the year each day was first kept."""
    first = {row[0]: int(row[1]) for row in rules.table("festival_ordinals.tsv")}
    return re.compile(rf"第(?P<n>{NUM}|[一二三四五六七八九十]{{1,4}})(?:个|届)?(?P<name>{rules.alternation(first)})"), first


def _counted_years(text: str) -> set[int]:
    """The years the counted days of a text name (第36个教师节: 2020)."""
    rx, first = _counted()
    years = {cn_int(m.group("n")) + first[m.group("name")] - 1 for m in rx.finditer(text) if cn_int(m.group("n"))}
    return {y for y in years if 1990 <= y <= 2100}


@functools.lru_cache(maxsize=None)
def _lunar():
    with quiet():  # importing JioNLP prints a banner
        from jionlp.gadget.lunar_solar_date import LunarSolarDate
    return LunarSolarDate()


@functools.lru_cache(maxsize=None)
def _festivals() -> dict[str, tuple[str, int, int]]:
    """name -> (calendar, month, day); calendar is lunar, solar or eve (the last day of the
    lunar year)."""
    return {row[0]: (row[1], int(row[2]), int(row[3])) for row in rules.table("festivals.tsv")}


def cn_int(s: str) -> int | None:
    """A small Chinese or Arabic number (a year, month or day): 12, 十二, 二〇二〇."""
    s = s.strip()
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c in CN_DIGIT for c in s):  # digit by digit: 二〇二〇
        return int("".join(str(CN_DIGIT[c]) for c in s))
    m = re.fullmatch(r"([一二三四五六七八九])?十([一二三四五六七八九])?", s)
    if m:
        return (CN_DIGIT[m.group(1)] if m.group(1) else 1) * 10 + (CN_DIGIT[m.group(2)] if m.group(2) else 0)
    return None


def lunar_day(s: str) -> int | None:
    s = s.replace("廿", "二十")
    if s.startswith("初"):
        return cn_int(s[1:])
    return cn_int(s)


def lunar_to_iso(year: int, month: int, day: int) -> str:
    try:
        return _lunar().to_solar_date(year, month, day).strftime("%Y-%m-%d")
    except (ValueError, IndexError):
        return ""


def festival_iso(name: str, year: int) -> str:
    cal, m, d = _festivals()[name]
    if cal == "solar":
        return _iso(year, m, d)
    if cal == "eve":  # 除夕: the day before the lunar new year of ``year``
        first = lunar_to_iso(year, 1, 1)
        if not first:
            return ""
        return (dt.date.fromisoformat(first) - dt.timedelta(days=1)).isoformat()
    return lunar_to_iso(year, m, d)


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    if y is None or not 1900 <= y <= 2100:
        return ""
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return ""
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def infer_year(text: str, pub_date: str = "", url: str = "") -> tuple[int | None, str]:
    """The year a report is about: its publication year, else the year its address
    carries (/news/201912/), else the year a counted day names (第36个教师节 is 2020:
    rules/festival_ordinals.tsv), else the latest year it writes out (a school year
    2020-2021学年 by the year it starts), else the year in which a festival falls on the
    date written next to it."""
    if pub_date[:4].isdigit():
        return int(pub_date[:4]), "publication date"
    y = url_year(url)
    if y:
        return y, "the report's address"
    counted = _counted_years(text)
    if len(counted) == 1:
        return counted.pop(), "a counted day (第N个…节)"
    plain = _SCHOOL_YEAR.sub(" ", text)
    found = [(cn_int(m.group(1)), _TARGET_BEFORE.search(plain, max(0, m.start() - 4), m.start()) is not None
              or _TARGET_AFTER.match(plain, m.end()) is not None) for m in _YEAR_RE.finditer(plain)] \
        + [(int(m.group(1)), False) for m in _SCHOOL_YEAR.finditer(text)]
    found = [(y, target) for y, target in found if y and 1990 <= y <= 2100]
    # a year the text sets as a target (到2025年, 2025年底前) is no year it reports from,
    # unless every year it writes is one
    years = [y for y, target in found if not target] or [y for y, _ in found]
    if years:
        return max(years), "latest year in the text"
    fest = rules.alternation(_festivals())
    for m in re.finditer(rf"(\d{{1,2}})月(\d{{1,2}})日\s*(?:是|为|的)?({fest})", text):
        mo, d, name = int(m.group(1)), int(m.group(2)), m.group(3)
        fits = [y for y in range(1990, 2041) if festival_iso(name, y) == _iso(y, mo, d)]
        if len(fits) == 1:
            return fits[0], f"{name} on {mo}月{d}日"
    return None, ""


# --------------------------------------------------------------------------- patterns

@functools.lru_cache(maxsize=None)
def _patterns():
    fest = rules.alternation(_festivals())
    rel = r"(?P<rel>今年|去年|明年|前年|当年|同年)?"
    # the characters a match can start with (util.finditer_at tries the pattern only there)
    rel_first = "今去明前当同"
    first = {
        "ymd": r"\d一二〇零三四五六七八九", "ym": r"\d一二〇零三四五六七八九", "y": r"\d一二〇零三四五六七八九",
        "iso": r"\d", "repaired": r"\d", "d": r"\d", "yy": r"\d一二〇零三四五六七八九", "rm": "上本下", "dmy": r"\d", "mdot": r"\d",
        "lunar": "农正腊冬一二三四五六七八九十",
        "md": rf"{rel_first}\d一二三四五六七八九十", "mdr": rf"{rel_first}\d一二三四五六七八九十", "m": rf"{rel_first}\d一二三四五六七八九十",
        "fest": rel_first + re.escape("".join(sorted({f[0] for f in _festivals() if f}))),
    }
    return [(kind, rx, re.compile(f"[{first[kind]}]")) for kind, rx in [
        ("ymd", re.compile(rf"(?P<y>{YEAR4})\s*年\s*(?P<m>{NUM})\s*月\s*(?P<d>{NUM})\s*[日号]"
                           rf"(?:{RANGE}(?P<d2>{NUM})\s*[日号])?")),
        ("iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])")),
        # day.month.year as European pages write it (30.08.2017)
        ("dmy", re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d{2})(?![\d.])")),
        # month.day with its 日 (4.17日)
        ("mdot", re.compile(r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\.(?P<d>[0-3]?\d)\s*[日号]")),
        ("ym", re.compile(rf"(?P<y>{YEAR4})\s*年\s*(?P<m>\d{{1,2}}|十[一二]|[一二三四五六七八九十])\s*月(?:份)?"
                          r"(?P<part>上旬|中旬|下旬|初|底|末)?")),
        ("lunar", re.compile(rf"(?:农历)?(?P<lm>正|腊|冬|[一二三四五六七八九十]{{1,2}})月(?P<ld>{LUNAR_DAY})"
                             rf"(?:{RANGE}(?P<ld2>{LUNAR_DAY}))?")),
        # a range or list of years, a school year: both ends (2016-2020年, 2017、2018年, 2020-2021学年)
        ("yy", re.compile(rf"(?<![\d])(?P<y>{YEAR4})(?P<ynian>\s*年)?(?:{RANGE}|、|和)(?P<y2>{YEAR4})\s*(?:学年|年)(?:度)?"
                          rf"(?!\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月)(?!代|级|届|制)")),
        # a range of days whose first day has no 日 of its own (8月19至24日)
        ("mdr", re.compile(rf"{rel}(?<![\d.])(?P<m>{NUM})\s*月\s*(?P<d>{NUM})(?={RANGE})"
                           rf"{RANGE}(?:(?P<m2>{NUM})\s*月\s*)?(?P<d2>{NUM})\s*[日号]")),
        # a day of the month before, this or the next one (上月25日), from the publication date
        ("rm", re.compile(rf"(?P<rm>上月|本月|下月)\s*(?P<d>{NUM})\s*[日号]")),
        ("md", re.compile(rf"{rel}(?<![\d.])(?P<m>{NUM})\s*月\s*(?P<d>{NUM})\s*[日号](?![楼线])"
                          rf"(?:{RANGE}(?:(?P<m2>{NUM})\s*月\s*)?(?P<d2>{NUM})\s*[日号])?")),
        # 小年 of 小小年纪 ("so young") is no festival: a name run on into 年纪 is none
        ("fest", re.compile(rf"{rel}(?P<fest>{fest})(?!假期|假|期间|长假|黄金周|前后|前夕|档|晚会|联欢|慰问|礼包|之际|即将|来临|到来|纪(?!念))")),
        ("y", re.compile(rf"(?<![\d])(?P<y>{YEAR4})\s*(?:学年|年)(?:度)?(?!\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月)(?!代|级|届|制)")),
        ("m", re.compile(rf"{rel}(?<![\d.个第])(?<!\d年)(?P<m>\d{{1,2}}|(?<=[今去明]年|金秋)(?:十[一二]|[一二三四五六七八九十]))\s*月(?:份)?"
                         r"(?P<part>上旬|中旬|下旬|初|底|末)?(?!\s*\d{1,2}\s*[日号])(?![亮光饼球台])")),
        ("repaired", re.compile(r"(?<![\d月年/.\-:：第])(?P<md>\d{3,4})日(?![\d])")),
        ("d", re.compile(r"(?<![\d月年/.\-:第每周号])(?P<d>\d{1,2})\s*日(?![\d游]|内|以内|之内|后|以后|之后|前|以前|之前|左右|多)")),
    ]]


# the kinds a preceding 每年/每月 makes a time of every year or month
_RECURRING = frozenset({"md", "mdr", "m", "d", "fest", "lunar"})
_TIME_FIRST = re.compile(r"[凌早上中下傍晚夜\s\d一二三四五六七八九十]")
_TIME = re.compile(r"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜里)?\s*\d{1,2}\s*(?::|：)\s*\d{2}(?:\s*(?::|：)\s*\d{2})?"
                   r"|(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜里)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[时点](?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*分|半|许|整)?(?![钟多])")


class DateRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.context or {}
        text = text_of(doc)
        year, basis = (ctx.get("anchor_year"), ctx.get("anchor_basis", "")) if ctx.get("anchor_year") \
            else infer_year(text, ctx.get("pub_date", ""))
        doc._.anchor_year = year
        pub = ctx.get("pub_date", "")
        pub_month = int(pub[5:7]) if len(pub) >= 7 and pub[5:7].isdigit() else None
        taken = [(m.start, m.end) for m in found(doc) if m.label in ("ORG", "PLACE")]
        out: list[Mention] = []

        def free(a, b):
            return not any(x < b and a < y for x, y in taken) and not any(o.start < b and a < o.end for o in out)

        last_month = None
        spans = []
        for kind, rx, first in _patterns():
            for m in finditer_at(rx, text, first):
                spans.append((m.start(), -(m.end() - m.start()), kind, m))
        spans.sort(key=lambda t: (t[0], t[1]))
        accepted, used_end = [], -1
        every = -1    # the end of the last time of every year (每年6月), so that 至8月 after it is one too
        for start, neg_len, kind, m in spans:
            if kind in _RECURRING and (text[max(0, start - 2):start] in ("每年", "每月")
                                       or every >= 0 and re.fullmatch(RANGE, text[every:start])):
                every = m.end()
                continue      # 每年6月至8月: a time of every year, no date
            # sorted by start: a span overlaps an accepted one iff it starts before their last end
            if m.start() >= used_end and free(m.start(), m.end()):
                accepted.append((kind, m))
                used_end = max(used_end, m.end())
        last_year = None   # the year last written out (同年8月6日)
        for kind, m in accepted:
            try:
                got = list(self._normalise(kind, m, year, basis, pub_month, last_month, pub, last_year))
            except Exception as e:  # one bad date loses that date, not the report
                doc.user_data.setdefault("edu_errors", []).append(f"date {m.group(0)[:40]!r}: {type(e).__name__}")
                continue
            for ment in got:
                out.append(ment)
                if ment.norm and len(ment.norm) >= 7:
                    last_month = int(ment.norm[5:7])
                if ment.norm and kind in ("ymd", "iso", "dmy", "ym", "y", "yy"):
                    last_year = int(ment.norm[:4])
        found(doc).extend(out)
        doc._.blocked = [(m.start(), m.end()) for m in finditer_at(_TIME, text, _TIME_FIRST)]
        return doc

    def _normalise(self, kind, m, year, basis, pub_month, last_month, pub, last_year=None) -> list[Mention]:
        g = m.groupdict()
        rel = {"今年": 0, "当年": 0, "去年": -1, "明年": 1, "前年": -2}.get(g.get("rel") or "", None)
        y = year + rel if (year is not None and rel is not None) else year
        how = basis if year is not None else ""
        if g.get("rel") == "同年" and last_year:
            y, how = last_year, "the year written before (同年)"
        text = m.group(0)

        def mk(a, b, norm, **attrs):
            attrs = {k: v for k, v in attrs.items() if v not in (None, "", False)}
            return Mention("DATE", a, b, text[a - m.start():b - m.start()], norm=norm, attrs=attrs)

        if kind in ("ymd", "iso", "dmy"):
            y0, mo, d = cn_int(g["y"]), cn_int(g["m"]), cn_int(g["d"])
            norm = _iso(y0, mo, d)
            if not norm:
                return []
            out = [mk(m.start(), m.end(), norm, precision="day")]
            if g.get("d2"):
                out.append(mk(m.start("d2"), m.end(), _iso(y0, mo, cn_int(g["d2"])), precision="day", range_end=True))
                out[0] = mk(m.start(), m.start("d2"), norm, precision="day")
            return [x for x in out if x.norm]
        if kind == "yy":
            return [x for x in (mk(m.start("y"), m.end("ynian") if g.get("ynian") else m.end("y"), _iso(cn_int(g["y"])), precision="year"),
                                mk(m.start("y2"), m.end(), _iso(cn_int(g["y2"])), precision="year", range_end=True))
                    if x.norm]
        if kind == "rm":
            d = cn_int(g["d"])
            if not pub or len(pub) < 7 or not d:
                return []
            py, pm = int(pub[:4]), int(pub[5:7]) + {"上月": -1, "本月": 0, "下月": 1}[g["rm"]]
            py, pm = (py - 1, 12) if pm == 0 else (py + 1, 1) if pm == 13 else (py, pm)
            norm = _iso(py, pm, d)
            return [mk(m.start(), m.end(), norm, precision="day", year_from="publication date")] if norm else []
        if kind == "ym":
            y0, mo = cn_int(g["y"]), cn_int(g["m"])
            norm = _iso(y0, mo)
            return [mk(m.start(), m.end(), norm, precision="month")] if norm else []
        if kind == "y":
            norm = _iso(cn_int(g["y"]))
            return [mk(m.start(), m.end(), norm, precision="year")] if norm else []
        if kind in ("md", "mdr", "mdot"):
            mo, d = cn_int(g["m"]), cn_int(g["d"])
            if _iso(2000, mo, d) == "":
                return []
            first_end = m.start("d2") if g.get("d2") else m.end()
            cut = text[:first_end - m.start()]
            cut_end = m.start() + len(re.sub(rf"{RANGE}$", "", cut))
            out = [mk(m.start(), cut_end, _iso(y, mo, d) if y else "", precision="day", year_from=how)]
            if g.get("d2"):
                mo2 = cn_int(g["m2"]) if g.get("m2") else mo
                a = m.start("m2") if g.get("m2") else m.start("d2")
                out.append(mk(a, m.end(), _iso(y, mo2, cn_int(g["d2"])) if y else "", precision="day",
                              year_from=how, range_end=True))
            return out
        if kind == "m":
            mo = cn_int(g["m"])
            if not mo or not 1 <= mo <= 12:
                return []
            return [mk(m.start(), m.end(), _iso(y, mo) if y else "", precision="month", year_from=how)]
        if kind == "d":
            d = cn_int(g["d"])
            month = last_month or pub_month
            if not d or not month or _iso(2000, month, d) == "":
                return []
            return [mk(m.start(), m.end(), _iso(y, month, d) if y else "", precision="day",
                       year_from=how, month_from="context")]
        if kind == "repaired":
            return self._repair(m, y, how, pub)
        if kind == "lunar":
            lm = {"正": 1, "冬": 11, "腊": 12}.get(g["lm"]) or cn_int(g["lm"])
            first_end = m.start("ld2") if g.get("ld2") else m.end()
            cut_end = m.start() + len(re.sub(rf"{RANGE}$", "", text[:first_end - m.start()]))
            days = [(m.start(), cut_end, lunar_day(g["ld"]), False)]
            if g.get("ld2"):
                days.append((m.start("ld2"), m.end(), lunar_day(g["ld2"]), True))
            return [mk(a, b, _lunar_in_year(y, lm, d, pub) if (y and lm and d) else "", precision="day",
                       calendar="lunar", year_from=how, range_end=end) for a, b, d, end in days]
        if kind == "fest":
            name = g["fest"]
            norm = festival_iso(name, y) if y is not None else ""
            return [mk(m.start("fest"), m.end(), norm, precision="day", calendar=_festivals()[name][0],
                       festival=name, year_from=how)]
        return []

    def _repair(self, m, y, how, pub) -> list[Mention]:
        """213日 with its month sign lost: kept only if one split is a valid date, the text
        around it reads like a date, and it falls in the year before publication."""
        digits, text = m.group("md"), m.string
        before, after = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 2]
        if not (re.search(r"(^|[\s\n,，。；;、:：]|自|从|于|在|至|到|截至)$", before)
                and re.match(r"(起|开始|以来|前|后|晚|早|上午|下午|[,，、。；;])", after)):
            return []
        readings = []
        for k in (1, 2):
            ms, ds = digits[:k], digits[k:]
            if len(ds) in (1, 2) and not ms.startswith("0") and not ds.startswith("0") and _iso(2000, int(ms), int(ds)):
                readings.append((int(ms), int(ds)))
        if len(readings) != 1 or y is None:
            return []
        norm = _iso(y, *readings[0])
        if pub and norm and not (dt.date.fromisoformat(pub) - dt.timedelta(days=366) <= dt.date.fromisoformat(norm)
                                 <= dt.date.fromisoformat(pub)):
            return []
        return [Mention("DATE", m.start(), m.end(), m.group(0), norm=norm,
                        attrs={"precision": "day", "repaired": True, "year_from": how})] if norm else []


def _lunar_in_year(year: int, month: int, day: int, pub: str = "") -> str:
    """A lunar date the text places in ``year``: of the two lunar years that overlap the
    solar year, the one that puts the date in it (腊月 of a January report is the lunar
    year before)."""
    cands = [lunar_to_iso(ly, month, day) for ly in (year, year - 1)]
    inside = [c for c in cands if c and c[:4] == str(year)]
    if len(inside) == 1:
        return inside[0]
    if inside and pub:
        return min(inside, key=lambda c: abs((dt.date.fromisoformat(c) - dt.date.fromisoformat(pub)).days))
    return inside[0] if inside else ""


@Language.factory("edu_dates")
def make_date_recognizer(nlp: Language, name: str):
    return DateRecognizer()
