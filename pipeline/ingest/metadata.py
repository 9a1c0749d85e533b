"""Header facts of a report: title, publication date, source, authors, editor; and the
metadata sidecar a crawler may leave next to the reports."""
from __future__ import annotations

import csv
import functools
import itertools
import re
from pathlib import Path

from .. import gazetteer, rules
from .lines import (CJK, CJK_RE, CLOSERS, DATE_RE, Line, byline_names, byline_outlet, is_date_line,
                    is_metadata_line, iso_date, meta_patterns)
from .sections import byline_blocks, title_of

MAX_TITLE = 200
SIDECARS = ("sources.tsv", "metadata.tsv", "sources.csv", "metadata.csv")


def print_line(lines: list[Line]) -> tuple[str, str] | None:
    """(date, paper) from a newspaper's print line, ``《 人民日报 》（2020年01月03日 第04版）``,
    looked for from the end (where papers and their web editions put it)."""
    p = meta_patterns()
    for l in reversed(lines[-8:] if len(lines) > 16 else lines):
        m = p["print_line"].search(l.text)
        if m and iso_date(m["y"], m["m"], m["d"]):
            return iso_date(m["y"], m["m"], m["d"]), m["paper"]
    return None


def find_pub_date(lines: list[Line], cms: list[str], html_meta: dict[str, str]) -> tuple[str, str]:
    p = meta_patterns()
    pl = print_line(lines)
    if pl:
        return pl[0], "print line"
    head = "\n".join(l.text for l in lines[:6])[:600]
    m = p["stamp"].search(head)
    if m and iso_date(m["y"], m["m"], m["d"]):
        return iso_date(m["y"], m["m"], m["d"]), "header time stamp"
    m = p["dateline"].search(head[:300]) or p["wire"].search(head[:40])
    if m and iso_date(m["y"], m["m"], m["d"]):
        return iso_date(m["y"], m["m"], m["d"]), "dateline"
    # a labelled date in the header (the first lines, and in a file without line breaks
    # its first characters), never one further into the text
    m = p["date_label"].search(head[:300])
    if m and iso_date(m["y"], m["m"], m["d"]):
        return iso_date(m["y"], m["m"], m["d"]), "header label"
    for l in lines[:6]:
        m = DATE_RE.search(l.text)
        if m and is_date_line(l.text) and iso_date(m["y"], m["m"], m["d"]):
            return iso_date(m["y"], m["m"], m["d"]), "header line"
    m = p["closing"].search(lines[-1].text[-60:]) if lines else None
    if m and iso_date(m["y"], m["m"], m["d"]):
        return iso_date(m["y"], m["m"], m["d"]), "closing date"
    for c in cms:
        m = DATE_RE.search(c)
        if m and iso_date(m["y"], m["m"], m["d"]):
            return iso_date(m["y"], m["m"], m["d"]), "CMS properties"
    for key in ("article:published_time", "pubdate", "publishdate", "publish_date", "date",
                "datepublished", "og:release_date"):
        m = DATE_RE.search(html_meta.get(key, ""))
        if m and iso_date(m["y"], m["m"], m["d"]):
            return iso_date(m["y"], m["m"], m["d"]), "HTML meta"
    return "", ""


def source_name(v: str) -> str:
    """A source line's outlet without the words of rules/metadata.tsv source_trail after it
    (网易教育频道专稿 is 网易教育频道), and without a bracketed place after it (英孚教育(上海)
    is 英孚教育); a name that is only such a word stays as it is."""
    head = re.split(r"[(（]", v, maxsplit=1)[0].strip()
    if len(head) >= 2 and head != v:
        v = head
    for t in sorted(rules.mapping("metadata.tsv")["source_trail"].split("|"), key=len, reverse=True):
        if v.endswith(t) and len(v) - len(t) >= 2:
            return v[:-len(t)].rstrip(" ·-")
    return v


_DISPATCH_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日$")


def dispatch_outlet(v: str) -> str:
    """The outlet of a dispatch's opening words before 讯, without the date and the place it
    was filed from (千龙网北京10月18日 -> 千龙网, 大众网临沂10月22日 -> 大众网, 生活报11月8日 ->
    生活报): a place is two to four characters after a name that ends like an outlet
    (rules/metadata.tsv ``media_suffix``)."""
    v = _DISPATCH_DATE.sub("", v) or v
    media = meta_patterns()["media"]
    for k in range(len(v) - 2, max(len(v) - 5, 1), -1):
        if media.match(v[:k]) and re.fullmatch(rf"[{CJK}]+", v[k:]):
            return v[:k]
    return v


def find_source(lines: list[Line], cms: list[str]) -> str:
    p = meta_patterns()
    generic = set(rules.mapping("metadata.tsv")["generic_source"].split("|"))
    pl = print_line(lines)
    if pl:
        return pl[1]
    for l in lines:
        for m in p["source"].finditer(l.text):
            if m["after"]:
                continue  # "来源: 发布时间:..." - the field is empty
            v = source_name(DATE_RE.split(m["v"])[0].strip(CLOSERS + "-|"))
            if v and v not in generic:
                return v
    for l in lines[:12]:
        if l.kind == "byline" and byline_outlet(l.text):
            return byline_outlet(l.text)
    for l in lines[:8]:
        m = re.match(rf"^([{CJK}A-Za-z0-9·]{{2,30}}?)讯(?=[\s\d]|[（(])", l.text)
        outlet = dispatch_outlet(m.group(1)) if m else ""
        if outlet and outlet not in generic:
            return outlet
    candidates = [l.text for l in lines[:6] if is_metadata_line(l.text)] + cms
    for c in candidates:
        for tok in DATE_RE.sub(" ", c).split():
            if p["media"].match(tok) and tok not in generic:
                return tok
    return ""


def find_title(lines: list[Line], html_title: str) -> str:
    """The page's own <title> (without the site's name), else the heading the text opens
    with, else the heading above the first byline; never a picture caption or a label."""
    p = meta_patterns()

    def good(t: str) -> str:
        t = t.strip()
        if len(t) > MAX_TITLE:  # a page's whole text in its <title>: no title
            return ""
        return "" if not t or p["caption"].match(t) or p["label"].match(t) or p["no_title"].search(re.sub(r"\s+", "", t)) else t
    if html_title:
        t = good(re.split(r"\s*[_|｜]\s*|\s+-\s+", html_title)[0])
        if t:
            return t
    i = 0
    while i < min(len(lines), 3) and p["caption"].match(lines[i].text.strip()):
        i += 1  # a caption above the heading
    if i < len(lines) and lines[i].kind == "heading":
        t = good(title_of(lines[i:i + 2] if lines[i].text.endswith(("：", ":")) else lines[i:i + 1]))
        if t:
            return t
    first = next(byline_blocks(lines), None)  # the heading above the first byline
    return good(title_of(lines[first[0]:first[1]])) if first and first[0] < first[1] else ""


# a dispatch's credit in brackets after its dateline: 本报北京1月8日电 （记者王芳、王迪）
_OPENING_CREDIT = re.compile(r"(?:电|讯)\s*[（(]([^（）()\n]{2,40})[)）]")


def opening_credits(lines: list[Line]) -> list[str]:
    """Reporters credited in brackets after the dateline that opens a piece (本报北京1月8日电
    （记者王芳、王迪）, 新华网重庆4月21日电（记者 赵宇航）): within its first lines."""
    p = meta_patterns()
    for l in itertools.islice((l for l in lines if l.text.strip()), 3):
        m = _OPENING_CREDIT.search(l.text, 0, 80)
        if m and p["role"].search(m.group(1)):
            return byline_names(m.group(1))
        if m and _NAMES_ONLY.fullmatch(m.group(1).strip()) and "本报" in l.text[:m.start()]:
            # names alone after the paper's own dateline (本报北京11月2日电 （赵婀娜、陈炳旭）): its
            # reporters too, when each is a name (据新华社电 （梅世雄、罗金沐）: another outlet's)
            names = re.split(r"[、\s]+", m.group(1).strip())
            if all(map(_credited_name, names)):
                return names
    return []


def _credited_name(n: str) -> bool:
    """A credit's word that is a person's name: Chinese characters with a surname, and no
    place (（阿根廷）: a place, no one's name)."""
    return all(CJK_RE.match(c) for c in n) and surname_ok(n) and not gazetteer.get().lookup(n)


# a credit of names alone: two to four characters each, split by 、 or spaces
_NAMES_ONLY = re.compile(rf"[{CJK}]{{2,4}}(?:[、\s]+[{CJK}]{{2,4}}){{0,3}}")


def end_credits(lines: list[Line]) -> tuple[list[str], str]:
    """Authors and editor from the closing credits: ``(钱文勇 特约通讯员:赵虎)``, ``(漆瑶)``, also
    before the page's editor in square brackets (``（丛芳瑶）[责编：田媛]``)."""
    p = meta_patterns()
    authors, editor = [], ""
    for l in lines[-4:]:
        m = re.search(r"[(（]([^()（）]{2,40})[)）]\s*(?:\[[^\[\]]{1,20}\])?\s*$", l.text)
        if not m:
            continue
        inner = m.group(1)
        label = p["label"].search(l.text, max(0, m.start() - 24), m.start())
        if label and not re.search(r"[。！？；]", l.text[label.end():m.start()]) and not p["role"].search(inner):
            continue      # 来源: 扬子晚报(南京): the outlet's city, no credit (来源：光明日报（记者：耿建扩） is one)
        e = p["editor"].search(inner)
        if e:
            editor = e["v"].replace(" ", "")
            continue
        inner = p["source"].sub(" ", re.split(r"(?:作者)?单位[:：]", inner)[0])   # (吴伟作者单位：浙江大学…)
        if p["role"].search(inner) or re.fullmatch(rf"[{CJK}]{{2,4}}(\s+[{CJK}]{{2,4}})*", inner.strip()):
            # names before the first role word are authors here, not an outlet
            toks = []
            for t in re.split(r"[\s:：/|、,，]+", p["role"].sub(" ", inner)):
                # 张枨报道 is a name that reported, 济宁报道 where it was filed from; 高炳整理 is 高炳
                toks += byline_names(t) if p["filed"].search(t) else [p["verb"].sub("", t)]
            names = [t for t in toks if 2 <= len(t) <= 4 and not p["not_name"].match(t)]
            authors += [n for n in names if _credited_name(n)]
    return authors, editor


@functools.lru_cache(maxsize=None)
def _surnames() -> frozenset[str]:
    return frozenset(rules.items("surnames.tsv"))


def surname_ok(name: str) -> bool:
    return name[:1] in _surnames() or name[:2] in _surnames()


def load_sidecar(input_dir: Path) -> dict[str, dict[str, str]]:
    """Per-report metadata a crawler left next to the reports (``sources.tsv`` with
    ``doc_id`` and ``pub_date`` columns), in the input folder or the one above it."""
    for folder in (input_dir, input_dir.parent):
        for name in SIDECARS:
            p = folder / name
            if not p.is_file():
                continue
            try:
                with open(p, encoding="utf-8-sig", newline="") as f:
                    rows = list(csv.DictReader(f, delimiter="\t" if name.endswith(".tsv") else ","))
            except (OSError, UnicodeDecodeError, csv.Error):
                continue
            out = {}
            for r in rows:
                doc = (r.get("doc_id") or r.get("id") or r.get("doc") or r.get("file") or "").strip()
                doc = Path(doc).stem if doc else doc
                m = DATE_RE.search(r.get("pub_date") or r.get("date") or "")
                url = (r.get("url") or "").strip()
                if doc:
                    date = iso_date(m["y"], m["m"], m["d"]) if m else ""
                    out[doc] = {"pub_date": date, "url": url, "pub_date_source": "sidecar" if date else ""}
                    if not date:  # the date a crawler's URL or path carries: /2020-01/03/, 20200103-03-04.txt
                        date = path_date(url) or path_date(r.get("path") or "")
                        if date:
                            out[doc].update(pub_date=date, pub_date_source="sidecar URL or path")
            return out
    return {}


_PATH_DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?P<s>[-_/.]?)(?P<m>0[1-9]|1[0-2])(?P=s)"
                        r"(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])")


def path_date(path: str) -> str:
    """The date a URL or a file path carries, written as a crawler or a CMS writes it
    (``/2020-01/03/``, ``/20200103/``, ``2020_01_03``); "" when it carries none or two."""
    # /2020-01/03/ (gov.cn, xinhuanet) and /2020/0103/ (people.cn): one date
    path = re.sub(r"(?<=/[0-9]{4}-[0-9]{2})/(?=[0-9]{2}/)", "-", path)
    path = re.sub(r"(?<=/[0-9]{4})/(?=[0-9]{4}/)", "", path)
    found = {iso_date(m["y"], m["m"], m["d"]) for m in _PATH_DATE.finditer(path)} - {""}
    return found.pop() if len(found) == 1 else ""
