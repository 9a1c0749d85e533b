"""Stage 5 - numbers: numeric claims with value, unit, approximation, what they count,
the organisation or place they are about and their date.

A claim is a number with a measure word (56名, 228所, 118.2万人次, 4000余名, 三分之一, 50%,
近六成). Chinese numerals and 万/亿 are multiplied out by cn2an. Ordinals (第八批), dates
and times of day (the date stage), numbers inside names (二机床, “5+1”), list markers
(一是, 二、), set phrases in quotes (“两个结合”) and slogans (一人一案) are not claims;
neither is 一 used as the article "a" (作为一名党员).
"""
from __future__ import annotations

import bisect
import functools
import math
import re

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .doc import Mention, found, sentence_of, text_of, token_spans, token_starts

AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN = r"[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾佰仟][零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*"
CN_SINGLE = "零〇一二两三四五六七八九"
_LISTED_NUM = re.compile(rf"({AR}|{CN})[、和至到~-]$")


@functools.lru_cache(maxsize=None)
def _tables():
    units = {row[0]: (row[1], row[2] if len(row) > 2 and row[2] else row[0]) for row in rules.table("units.tsv")}
    words: dict[str, list[str]] = {}
    for row in rules.table("numbers.tsv"):
        words.setdefault(row[0], []).append(row[1])
    pre = rules.alternation(words["approx_before"])
    post = rules.alternation(words["approx_after"])
    unit = rules.alternation(units)
    claim = re.compile(
        rf"(?P<pre>{pre})?(?P<num>{AR}(?:[余多]?\s*[万亿]|\s*千)?|{CN}|半|(?<![零〇一二两三四五六七八九十百千万亿\d])(?:[百千万](?=[余多])|(?<=[上过近逾])[百千万]))\s*"
        rf"(?:个(?P<more2>余|多|来|半)(?P<unit2>小时|月|星期|学期|钟头)|(?P<more>余|多|来)?\s*(?P<unit>{unit}))"
        rf"(?P<post>{post})?")
    fraction = re.compile(rf"(?P<pre>{pre})?(?P<den>{AR}|{CN})分之(?P<num>{AR}|{CN})")
    percent = re.compile(rf"(?P<pre>{pre})?(?:(?P<num>{AR})\s*(?P<unit>%|％|‰)|百分之(?P<cnum>{CN}|{AR}))(?P<post>{post})?")
    tenths = re.compile(rf"(?P<pre>{pre})?(?P<num>[一二三四五六七八九])成(?![功为立绩员果长都])")
    bare = re.compile(rf"(?P<pre>{pre})?(?P<num>{AR}\s*[万亿]|(?:{CN})[万亿])(?P<more>余|多)?(?![\d万亿])")
    # every match starts with an approximation word or a numeral: only there is it tried
    firsts = "".join(sorted({w[0] for w in words["approx_before"] if w}))
    start = re.compile(rf"[\d零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟半{re.escape(firsts)}]")
    return {"units": units, "words": words, "claim": claim, "start": start, "not_counted": frozenset(words.get("not_counted", [])), "fraction": fraction, "percent": percent,
            "tenths": tenths, "bare": bare,
            "not_after": re.compile("(?!" + rules.alternation(words.get("not_after_but", [])) + ")"
                                    "(?:" + rules.alternation(words["not_after"]) + ")"),
            "year_before": re.compile("(?:" + rules.alternation(words.get("year_phrase_before", [])) + ")$"),
            "year_after": re.compile("(?:" + rules.alternation(words.get("year_phrase_after", [])) + ")"),
            "cue": re.compile("(?:" + rules.alternation(words["article_cue"]) + ")$")}


def _overlapping(rx: re.Pattern, text: str, starts: list[int]):
    """Every match, also those starting inside another (唯一一所: not 一一所 but 一所): the
    match at each position where one can start (as ``search`` from each next position)."""
    for pos in starts:
        m = rx.match(text, pos)
        if m is not None:
            yield m


_BARE_MULT = {"百": 100, "千": 1_000, "万": 10_000}
MAX_VALUE = 1e15  # above this a run of digits is an identifier or noise, not a quantity


def to_number(s: str) -> float | None:
    """A numeral as a number: 1,526 / 118.2万 / 一万二 / 贰仟 / 四五十 (-> 40) / 半 (-> 0.5).
    Never raises; None for what is not a number (and for what is too large to count)."""
    v = _to_number(s)
    if v is None or not math.isfinite(v) or abs(v) > MAX_VALUE:
        return None
    return v


def _to_number(s: str) -> float | None:
    s = (s or "").replace(",", "").replace(" ", "")
    if len(s) > 40:
        return None
    if not s:
        return None
    if s == "半":
        return 0.5
    if s in _BARE_MULT:
        return float(_BARE_MULT[s])   # 千余人, 上万名: one thousand, ten thousand
    s = re.sub(r"(?<=\d)[余多](?=[万亿]$)", "", s)   # 30余万: 30万, approximate
    mult = 1
    if s[-1] in "万亿千" and len(s) > 1 and re.fullmatch(AR, s[:-1]):
        mult = {"万": 10_000, "亿": 100_000_000, "千": 1_000}[s[-1]]
        s = s[:-1]
    if re.fullmatch(AR, s):
        try:
            return float(s) * mult
        except ValueError:
            return None
    # two neighbouring digits are a range (四五十, 七八): its lower end, approximate
    m = re.fullmatch(r"([一二三四五六七八九])([一二三四五六七八九])([十百千万]?)", s)
    if m and CN_SINGLE.index(m.group(2)) == CN_SINGLE.index(m.group(1)) + 1:
        s = m.group(1) + m.group(3)
    elif len(s) > 1 and not re.search("[十百千万亿拾佰仟点]", s):
        return None  # 一一, 一二三: digits in a row are no quantity in prose
    try:
        import cn2an
        v = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an refuses what is not a numeral; so do we
        return None
    try:
        return float(v) * mult
    except (TypeError, ValueError):
        return None


def _multiplier(c: dict) -> int:
    """The 万 or 亿 a claim's own numeral carries (8万人, 3万元: 10,000), for the left end of
    a range written with it once (7.5-8万人)."""
    m = re.search(r"\d+(?:\.\d+)?", c["text"])
    base = float(m.group(0)) if m else 0
    if not base:
        return 1
    ratio = round(c["value"] / base)
    return ratio if ratio in (10_000, 100_000_000) else 1


def is_range_numeral(s: str) -> bool:
    m = re.fullmatch(r"([一二三四五六七八九])([一二三四五六七八九])([十百千万]?)", s or "")
    return bool(m) and CN_SINGLE.index(m.group(2)) == CN_SINGLE.index(m.group(1)) + 1


def fmt(v: float) -> str:
    """Plain decimal: 1182000, 0.3333, 30.66."""
    if abs(v) < 1 and v != 0:
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(int(v)) if v == int(v) else f"{v:.6f}".rstrip("0").rstrip(".")


# between an age and the name it is of: 的 and up to four characters of a noun (的少年, 的老人)
AGE_OF = re.compile(r"的[\u4e00-\u9fff]{0,4}?")
# a verb of saying: what follows it is the speaker's account, not about the speaker
SAYS = re.compile(r"表示|说|介绍|指出|认为|告诉|透露|称|感叹|谈到|坦言|强调|回忆|提到|解释|了解到|建议|发现|觉得|看来|希望|问|[：:]|“")
# before a name: a byline's word (（记者郑轶）历经4天…) or a preposition (给习近平总书记写信，汇报了
# 大学四年…): the name is not what the sentence tells of
NOT_THE_SUBJECT = re.compile(r"(?:记者|通讯员|编辑|作者|摄影|摄|[给向对跟和与为把让被])$")


def _paragraph_subject(text: str, s: int, subjects: list[Mention]) -> tuple[str, str]:
    """(key, basis) of the organisation opening one of the two sentences before ``s`` in its
    paragraph (应天职业技术学院…。班里有15个女生: the college's), else ("", "")."""
    start = text.rfind("\n", 0, s) + 1
    k = s
    for _ in range(2):
        if k <= start:
            break
        ps = max(text.rfind(c, start, k - 1) for c in "。！？!?") + 1
        ps = max(ps, start)
        while ps < k and text[ps] in " \u3000\t":
            ps += 1
        opening = [m for m in subjects if m.label == "ORG" and ps <= m.start < ps + 4 and m.end <= k
                   and m.attrs.get("kind") != "media"]     # an outlet opens its own reports, counts nothing
        if opening:
            return min(opening, key=lambda m: m.start).key, "paragraph subject"
        k = ps
    return "", ""


# a year written alone (1854年, 2019年): a date the date stage may have left, never a count
# the left end of a range of small numbers (3-4所, 50-60%), not a date or a code (2020-4, 0898-6)
_RANGE_START = re.compile(r"(?<![\d.\-/:：－~～])\d{1,3}(?:\.\d+)?[-－~～]$")
_CALENDAR_YEAR = re.compile(r"(?:1[0-9]|20)[0-9]{2}年")
# Chinese numeral characters (第二十五年 read from 十 is still an ordinal)
NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两")
# 一 after these is a determiner, not a count: 前一天, 同一年, 每一天, 另一所
ONE_AS_DETERMINER = frozenset("前后同这那每哪另某")


class NumberRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        t = _tables()
        text = text_of(doc)
        ms = found(doc)
        blocked = [(m.start, m.end) for m in ms if m.label in ("DATE", "ORG", "PLACE", "PERSON", "MEASURE")]
        blocked += list(doc._.blocked or [])
        quotes = [(m.start(), m.end()) for m in re.finditer(r"[“\"‘「『][^“”\"‘’「」『』\n]{1,10}[”\"’」』]", text)]
        busy = bytearray(len(text) + 1)  # characters of the blocked spans
        for x, y in blocked:
            busy[x:y] = b"\x01" * (y - x)
        raw = []
        starts = [m.start() for m in t["start"].finditer(text)]
        for kind in ("fraction", "percent", "tenths", "claim", "bare"):
            for m in _overlapping(t[kind], text, starts):
                raw.append((m.start(), -(m.end() - m.start()), kind, m))
        raw.sort(key=lambda x: (x[0], x[1]))
        taken: list[tuple[int, int]] = []
        claims = []
        for start, _, kind, m in raw:
            a, b = m.start(), m.end()
            # taken holds spans that do not overlap, in the order of their starts (raw's
            # order), so their ends rise too: only the last one can reach past a
            if taken and taken[-1][1] > a:
                continue
            try:
                c = self._claim(doc, kind, m, busy, quotes)
            except Exception as e:  # one bad claim loses that claim, not the report
                doc.user_data.setdefault("edu_errors", []).append(f"number {m.group(0)[:40]!r}: {type(e).__name__}")
                continue
            if c:
                claims.append(c)
                taken.append((a, b))
        claims.sort(key=lambda c: c["start"])
        self._share_units(text, claims, blocked, taken)
        claims.sort(key=lambda c: c["start"])
        mentions = []
        # who and when, for every claim: the candidates once per document
        subjects = sorted((m for m in ms if m.label in ("ORG", "PLACE", "PERSON") and m.key), key=lambda m: -m.start)
        dated = [m for m in ms if m.label == "DATE" and m.norm]
        for c in list(claims):
            try:
                self._context(doc, c, subjects, dated)
                norm = fmt(c["value"])
            except Exception as e:
                doc.user_data.setdefault("edu_errors", []).append(f"claim {c.get('text', '')[:40]!r}: {type(e).__name__}")
                claims.remove(c)
                continue
            mentions.append(Mention("NUMBER", c["start"], c["end"], c["text"], norm=norm,
                                    attrs={"unit": c["unit"], "approx": c["approx"]}))
            c["mention"] = c["start"]
        ms.extend(mentions)
        doc._.claims = claims
        return doc

    # ------------------------------------------------------------------ one claim
    def _claim(self, doc: Doc, kind: str, m, busy: bytearray, quotes) -> dict | None:
        t = _tables()
        text = text_of(doc)
        a, b = m.start(), m.end()
        num_start = m.start("num") if m.group("num") else m.start()
        if busy.find(1, num_start, b) != -1:
            return None  # a date, a time of day, a name
        before = text[max(0, num_start - 1):num_start]
        if before in ("-", "－", "~", "～") and _RANGE_START.search(text, max(0, num_start - 8), num_start) \
                and (m.groupdict().get("unit") or "") not in t["words"].get("label_unit", ()):
            before = ""   # 3-4所, 50-60%: the right end of a range (its left end shares the unit)
        if before in ("第", "届") or (before and (before.isdigit() or before in ".-/:：")):
            return None  # an ordinal (十三届二次会议), or part of a longer number
        k = num_start
        while k > 0 and text[k - 1] in NUMERAL_CHARS:
            k -= 1
        if k < num_start and text[k - 1:k] == "第":
            return None  # 第七十七条, 第二十五年: an ordinal read from inside its numeral
        if text[num_start:num_start + 1] == "一" and before and before in ONE_AS_DETERMINER \
                or text[num_start:num_start + 2] == "半年" and before in ("上", "下"):
            return None  # 前一天, 同一年: "the day before"; 下半年: a half of the year, no count
        if t["not_after"].match(text, b) or re.match(r"[一二三四五六七八九]", text[b:b + 1]) and kind == "claim" \
                and m.group("num") == "一":
            return None
        if any(qa <= a and b <= qb for qa, qb in quotes):
            return None  # “两个结合”, “四步法”: a set phrase in quotes
        if _CALENDAR_YEAR.fullmatch(m.group(0)) and not re.match(r"来|间|多|以上|左右", text[b:b + 2]):
            return None  # 1854年: a year, no count of years
        pre = m.groupdict().get("pre") or ""
        post = m.groupdict().get("post") or ""
        more = m.groupdict().get("more") or m.groupdict().get("more2") or ""
        approx = bool(pre or more or post)
        if kind == "fraction":
            num, den = to_number(m.group("num")), to_number(m.group("den"))
            if not num or not den:
                return None
            value, unit = round(num / den, 4), "fraction"
        elif kind == "percent":
            value = to_number(m.group("num") or m.group("cnum"))
            unit = "%" if (m.group("unit") or "%") in ("%", "％") or m.group("cnum") else "‰"
        elif kind == "tenths":
            value, unit = to_number(m.group("num")) / 10, "fraction"
        elif kind == "bare":
            value, unit = to_number(m.group("num").replace(" ", "")), ""
            # 135万学生: a count of people or things without a measure word
            if not re.match(r"[\u3400-\u9fff]", text[b:b + 1]) and not text[b:b + 1] in ("，", ",", "。", "、", "；"):
                return None
        else:
            numtxt = m.group("num").replace(" ", "")
            value = to_number(numtxt)
            approx = approx or is_range_numeral(numtxt) or bool(re.search(r"\d[余多]", numtxt)) \
                or numtxt in _BARE_MULT
            if self._not_a_count(text, num_start, b, m.group("unit") or m.group("unit2") or ""):
                return None
            if m.group("unit2"):  # 一个多小时, 两个半月
                ukind, unit = "time", {"月": "个月"}.get(m.group("unit2"), m.group("unit2"))
                if m.group("more2") == "半" and value is not None:
                    value, more, approx = value + 0.5, "", bool(pre or post)
            else:
                ukind, unit = t["units"][m.group("unit")]
            if m.group("unit") in ("万元", "亿元") and value is not None:
                value *= 10_000 if m.group("unit") == "万元" else 100_000_000
            if numtxt == "一" and not more and not self._counts_one(text, num_start, b, ukind):
                return None
            if ukind == "time" and numtxt in ("一", "1") and re.match(rf"({AR}|{CN})\s*(次|遍|节|课时)", text[b:b + 4]):
                return None  # 一日两次: the period of a frequency
            if self._idiom(doc, a, b) or self._slogan(text, a, b):
                return None
        if value is None:
            return None
        if text[max(0, num_start - 2):num_start] == "零下" and kind == "claim":
            value = -value   # 零下4摄氏度: below zero
        return {"kind": kind, "start": a, "end": b, "text": text[a:b], "value": value, "unit": unit,
                "approx": approx}

    def _not_a_count(self, text: str, s: int, e: int, unit: str) -> bool:
        """Numbers in names of periods, events and issues: 九年一贯制, 学前三年, 改革开放40年,
        三年行动计划 (rules/numbers.tsv year_phrase_before / _after); 男子100米 (a race);
        中华儿女2022年5期 (an issue of a periodical)."""
        t = _tables()
        if text[s:s + 1] == "半" and unit in ("区", "县", "乡", "镇", "村", "省"):
            return True   # 上下半区: half of a draw, no count
        if unit == "区" and (re.match(r"[一二](?:[、和][一二三])*区", text[s:s + 6]) or text[max(0, s - 2):s] in ("一、", "二、")):
            return True   # 一区、二区, 地处二、三区: zones of a rule by number, no count of districts
        if unit in ("年", "周年", "周") and (t["year_before"].search(text, max(0, s - 6), s)
                                          or t["year_after"].match(text, e)):
            return True
        if unit == "年" and text[s:s + 1] == "一" and (text[s - 1:s] == "的" or text[s - 2:s] == "重要"):
            return True   # 最多的一年, 承上启下的重要一年: a year described, no count of years
        if unit == "米" and re.search(r"(?:男子|女子|混合|[xX×])$", text[max(0, s - 2):s]):
            return True
        if unit == "层" and re.search(r"(?:在|到|于)(?:(?:\d+|[一二三四五六七八九十]+)[、，,和至到\-])*$", text[max(0, s - 12):s]):
            return True   # 来到五层会议室, 在二、三、四层: a floor, not a count of floors
        return unit == "期" and bool(re.search(r"(?:19|20)\d{2}年$", text[max(0, s - 5):s]))

    def _counts_one(self, text: str, s: int, e: int, ukind: str) -> bool:
        """一 with a count unit counts only after a cue (只有一个, 唯一一所, 各一次, 每月一次)."""
        if ukind in ("time", "measure", "money", "ratio"):
            return True
        return bool(_tables()["cue"].search(text, max(0, s - 4), s))

    def _idiom(self, doc: Doc, a: int, b: int) -> bool:
        """Inside a set phrase jieba knows as one word (一对一, 三天两头, 千家万户)."""
        from .entities import pos
        toks = token_spans(doc)
        k = max(0, bisect.bisect_right(token_starts(doc), a) - 1) if toks else 0
        for ts, te, w in toks[k:k + 4]:
            if ts >= b:
                break
            if (ts <= a < te or ts < b <= te) and te - ts > b - a and pos(w)[:1] in ("i", "l"):
                return True
        return False

    def _slogan(self, text: str, a: int, b: int) -> bool:
        """一人一案, 一县一策, 一日一报: numbers that make a slogan."""
        window = text[max(0, a - 2):b + 3]
        return bool(re.search(r"[一两][\u3400-\u9fff][一两][\u3400-\u9fff]", window)) and text[a] in "一两"

    def _share_units(self, text: str, claims: list[dict], blocked, taken) -> None:
        """60、70个人: a bare number listed before a claim shares its unit; so does the left
        end of a range written with both ends' 万 (33万至60万元)."""
        for c, nxt in zip(claims, claims[1:]):
            if not c["unit"] and nxt["unit"] and re.fullmatch(r"[至到—~\-－]{1,2}", text[c["end"]:nxt["start"]]):
                c["unit"] = nxt["unit"]
        for c in list(claims):
            if c["kind"] not in ("claim", "percent"):
                continue
            k = c["start"]
            while True:
                m = _LISTED_NUM.search(text[max(0, k - 12):k])
                if not m:
                    break
                a = k - len(m.group(0))
                if any(x < k and a < y for x, y in taken + blocked) or text[a - 1:a] == "第":
                    break
                if text[k - 1] == "、" and (a == 0 or text[a - 1] in "\n。！？；;：: \u3000\t"):
                    break     # 5、740家培训机构…: an item's number opening its line, no count
                v = to_number(m.group(1))
                if v is None:
                    break
                v *= _multiplier(c) if not re.search("[万亿]", m.group(1)) else 1   # 2-3万元: 20000
                claims.append({"kind": "shared", "start": a, "end": a + len(m.group(1)), "text": m.group(1),
                               "value": v, "unit": c["unit"], "approx": c["approx"]})
                taken.append((a, a + len(m.group(1))))
                k = a

    # ------------------------------------------------------------------ context
    def _context(self, doc: Doc, c: dict, subjects: list[Mention], dated: list[Mention]) -> None:
        """What the claim counts, whom it is about, and when."""
        from .entities import pos
        text = text_of(doc)
        s, e = sentence_of(doc, c["start"])
        c["sent_start"], c["sent_end"] = s, e
        # the counted noun: nouns right after the claim, else right before the number
        counted = ""
        all_toks = token_spans(doc)
        starts = token_starts(doc)
        toks = all_toks[bisect.bisect_left(starts, c["end"]):bisect.bisect_left(starts, e)]
        units = _tables()["units"]
        counts_things = c["kind"] in ("bare", "fraction", "percent", "tenths", "shared") or \
            (units.get(c["unit"]) or units.get(c["text"][-1:], ("count",)))[0] == "count" or c["unit"] in ("人次", "个百分点")
        for k, (ts, te, w) in enumerate(toks[:3] if counts_things else []):
            p = pos(w)
            # nouns (an unknown word only first); jieba calls some verbs and adverbs nouns
            # (积极响应, 竞相): rules/numbers.tsv lists those
            if ((p[:1] in ("n", "j", "b") and w not in _tables()["not_counted"])
                    or (k == 0 and not p and re.fullmatch(r"[\u3400-\u9fff]{2,4}", w))) \
                    and len(counted) + len(w) <= 8 and len(w) <= 4:
                counted += w
            elif w in ("和", "及", "与") and counted:
                counted += w
            else:
                break
        counted = counted.rstrip("和及与")
        if not counted and counts_things:
            prev = [w for ts, te, w in all_toks[bisect.bisect_left(starts, s):bisect.bisect_left(starts, c["start"])]
                    if te <= c["start"]][-2:]
            for w in reversed(prev):
                # a place, a name or a body before the number (全国近50%的, 教育部组织22个) is
                # where or whose, not what is counted
                if pos(w)[:1] == "n" and pos(w)[:2] not in ("nr", "ns", "nt") and len(w) >= 2 \
                        and w not in _tables()["not_counted"]:
                    counted = w
                    break
        c["counted"] = counted
        # the subject: the person an age or a span of time is of, the nearest organisation or
        # place before it in the sentence, a "全县/本市" word, the paragraph's opening body; else none
        subj, basis = "", ""
        span_of_time = units.get(c["unit"], ("count",))[0] == "time"
        person = None
        aged = c["unit"] == "岁" and next((m for m in reversed(subjects) if m.label == "PERSON" and c["end"] <= m.start
                                          and AGE_OF.fullmatch(text, c["end"], m.start)), None)
        if aged:  # an age right before a name is that person's (93岁的郭斯行, 13岁的少年孙偲藐)
            subj, basis = aged.key, "age"
        else:
            for m in subjects:
                if s <= m.start < c["start"]:
                    if re.match(r"[、和及与]|等", text[m.end:m.end + 1]):
                        continue  # one of a list the claim counts (成都日报、红星新闻等近10家媒体)
                    if m.attrs.get("kind") == "media":
                        continue  # an outlet's dateline or credit (武汉晚报…招收普通本科生7400人): whose it is not
                    if m.label == "PERSON":
                        # a span of time after a person is the person's (汴河中心小学教师孙浩…24年间,
                        # 栗桂莲今年61岁), not what stands before the name; what the person says is not
                        # (孙庆伟透露，这两年…)
                        if person is None and span_of_time and not SAYS.search(text, m.end, c["start"]) \
                                and not NOT_THE_SUBJECT.search(text, max(0, m.start - 4), m.start):
                            person = m
                        continue
                    subj, basis = (person.key, "person") if person is not None else (m.key, "sentence")
                    break
            else:
                if person is not None:
                    subj, basis = person.key, "person"
        if not subj:
            pc = doc._.place_context or {}
            path = pc.get("path") or []
            lvl = re.search(r"[全本我该](县|市|区|省|镇|乡)", text[s:c["start"]])
            if path and lvl:
                from .orgkeys import level_division
                code = level_division(path, lvl.group(1))
                if code:
                    subj, basis = f"place:{code}", "level word and report context"
            if not subj and re.search(r"我国|全国", text[s:c["start"]]):
                subj, basis = "place:world/中国", "level word and report context"   # 我国共有学校50万所
            # a guess only for a count of something named (15个女生), never for a span of time or
            # an age (几十年, 92岁) or a number that names nothing it counts: a reading of the corpus
            # found most of those about a person or a thing, where no organisation or place is meant
            guess = bool(counted) and _tables()["units"].get(c["unit"], ("count",))[0] != "time"
            if not subj and not lvl and guess:
                subj, basis = _paragraph_subject(text, s, subjects)
            # no guess from the report's setting: on 240 corpus claims read by hand (2026-12-06)
            # the setting's place was right for 1 of 28, and half of them are about nothing named
        c["subject"], c["subject_basis"] = subj, basis
        # the date: a date in the same sentence, the nearest before the claim first
        dates = [m for m in dated if s <= m.start < e]
        before = [m for m in dates if m.start < c["start"]]
        pick = (before[-1] if before else (dates[0] if dates else None))
        c["date"] = pick.norm if pick else ""


@Language.factory("edu_numbers")
def make_number_recognizer(nlp: Language, name: str):
    return NumberRecognizer()
