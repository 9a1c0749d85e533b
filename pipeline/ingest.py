"""Stage 1 - ingest: a report file on disk -> cleaned text, metadata and sections.

Reports come as they are found on the web: UTF-8 or GBK, HTML or text with HTML/CMS
leftovers, newspaper columns wrapped into short lines, letter-spaced words (``抗 疫 一 线``)
and several bylined articles in one file. Everything later points into the cleaned text
produced here, so this stage never invents text: it only removes and joins.
"""
from __future__ import annotations

import codecs
import functools
import csv
import html
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import rules

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_MAX_MB = 10.0
SIDECARS = ("sources.tsv", "metadata.tsv", "sources.csv", "metadata.csv")

CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
SENT_END = "。！？!?…"
CLOSERS = "”’」』）)】》\"'"
DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})(?!\d)\s*日?")


@dataclass
class Section:
    doc_id: str
    title: str = ""
    byline: str = ""
    authors: list[str] = field(default_factory=list)
    editor: str = ""
    place_hint: str = ""
    text: str = ""


@dataclass
class Report:
    doc_id: str
    file: str
    encoding: str = ""
    status: str = "ok"
    error: str = ""
    title: str = ""
    pub_date: str = ""
    pub_date_source: str = ""
    source: str = ""
    authors: list[str] = field(default_factory=list)
    editor: str = ""
    text: str = ""
    sections: list[Section] = field(default_factory=list)


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


class NotText(Exception):
    """The bytes are not text in any encoding we accept."""


# --------------------------------------------------------------------------- decoding

def decode(data: bytes) -> tuple[str, str]:
    """Detect the encoding (BOMs, UTF-8, GB18030, then charset-normalizer) and decode."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: ASCII text has a NUL in every other byte; Chinese text has none,
    # but decodes to Chinese characters almost throughout
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes, not UTF-16 text)")
    controls = len(_CONTROL_BYTES.findall(data[:65536]))
    if controls > 0.05 * min(len(data), 65536):
        raise NotText("binary file (control bytes)")
    lossy = data.decode("utf-8", errors="replace")
    if lossy.count("\ufffd") <= max(2, len(data) // 2000):
        # a few broken bytes (a file cut mid-character) do not make it another encoding
        return lossy, "utf-8"
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # the detector is a last resort; its failure is ours to report
        best = None
    if best is not None and _printable_ratio(str(best)) > 0.9:
        return str(best), best.encoding
    raise NotText("undecodable bytes (not UTF-8, GB18030, UTF-16 or a detectable encoding)")


def _looks_like_text(text: str) -> bool:
    """Mostly Chinese, ASCII letters, digits, punctuation and line breaks."""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for ch in sample if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
               or (" " <= ch <= "~") or ch in "\n\r\t“”‘’…—·")
    return good / len(sample) > 0.95


def _printable_ratio(text: str) -> float:
    if not text:
        return 1.0
    bad = sum(1 for ch in text if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"))
    return 1 - bad / len(text)


# --------------------------------------------------------------------------- HTML

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "table", "ul", "ol", "header", "footer", "blockquote", "dd", "dt", "pre", "hr", "td", "th",
          "title", "figcaption", "address"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
         "button", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"]
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self.skip -= 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


_HTML_SNIFF = re.compile(r"<\s*(html|body|div|p|span|table|br|script|style|meta|head)\b", re.I)
_STRAY_TAG = re.compile(r"</?(p|br|div|span|strong|b|i|em|font|img|a|section|center|u|sup|sub)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return len(_HTML_SNIFF.findall(text[:20000])) >= 3


def html_to_text(text: str) -> tuple[str, str, dict[str, str]]:
    """Text of an HTML page without scripts, styles and tags; also its <title> and <meta>."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts), " ".join(parser.title.split()), parser.meta


# --------------------------------------------------------------------------- characters and lines

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffe\uffff]")
_WIDE_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
# full-width letters, digits and the signs that belong to numbers; Chinese punctuation stays
_HALF = {c: chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
         + list(range(0xFF41, 0xFF5B)) + [0xFF05, 0xFF0E, 0xFF0B, 0xFF0D, 0xFF0F, 0xFF20]}


def normalise_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _WIDE_SPACE.sub(" ", text)
    return text.translate(_HALF)


@dataclass
class Line:
    text: str
    indent: bool = False       # began with white space (an article start in newspaper layout)
    gap: int = 0               # blank lines before it
    kind: str = "body"         # body | heading | byline
    last_len: int = 0          # visible length of the last physical line joined into it

    def __post_init__(self):
        self.last_len = self.last_len or _visible_len(self.text)


@functools.lru_cache(maxsize=None)
def _cleaning_rules():
    """One regex per kind of rule (an alternation is one pass over a line, not twenty)."""
    kinds: dict[str, list[str]] = {"line": [], "strip": [], "cms": []}
    for row in rules.table("cleaning.tsv"):
        re.compile(row[1])  # a broken rule is reported here, by itself
        kinds[row[0]].append(row[1])
    return {k: [re.compile("|".join(f"(?:{p})" for p in v))] if v else [] for k, v in kinds.items()}


@functools.lru_cache(maxsize=None)
def _meta_patterns():
    f = functools.partial(rules.field_pattern, "metadata.tsv")
    date = DATE_RE.pattern
    return {
        "date_label": re.compile(rf"(?:{f('date_label')})\s*[:：]\s*(?:{date})"),
        "source": re.compile(rf"(?:{f('source_label')})\s*[:：]\s*(?P<v>[^\s|｜:：]+)(?P<after>\s*[:：])?"),
        "editor": re.compile(rf"(?:{f('editor_label')})\s*[:：]\s*(?P<v>[{CJK}]{{2,3}}(?![{CJK}])|[{CJK}]\s[{CJK}](?![{CJK}]))"),
        "role": re.compile(rf"(?:{f('byline_role')})"),
        "mark": re.compile(rf"^\s*(?:{f('byline_mark')})"),
        "media": re.compile(rf"^[{CJK}A-Za-z0-9·\-]{{2,24}}(?:{f('media_suffix')})$"),
        "label": re.compile(rf"(?:{f('date_label')}|{f('source_label')}|{f('editor_label')})\s*[:：]"),
    }


_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·,.;:?!()[]\"'"
_SENT_PUNCT = re.compile("[。！？!?；;，,]")


def _is_cjkish(ch: str) -> bool:
    return bool(CJK_RE.match(ch)) or ch in _PUNCT


def fix_spaces(line: str) -> str:
    """Remove the spaces that split words: letter-spaced runs (``抗 疫 一 线``), padded
    two-character names (``马 浩``) and spaces between digits and Chinese (``2 月 1 日``).
    Spaces between multi-character phrases (``共克时艰 砥砺前行``) separate them and stay."""
    tokens = line.split()
    if len(tokens) < 2:
        return line.strip()
    cores = [t.strip(_PUNCT) for t in tokens]
    single = [len(c) == 1 and bool(CJK_RE.match(c)) for c in cores]
    # the Chinese run at a token's end / start (漆 in "增强。(漆", 瑶 in "瑶)")
    tails = [re.split(f"[{re.escape(_PUNCT)}]", t)[-1] for t in tokens]
    heads = [re.split(f"[{re.escape(_PUNCT)}]", t)[0] for t in tokens]
    letter_spaced = len(tokens) >= 4 and sum(single) >= 0.6 * len(tokens)
    out = [tokens[0]]
    for i in range(1, len(tokens)):
        a, b = tokens[i - 1][-1], tokens[i][0]
        digit_cjk = (a.isdigit() and bool(CJK_RE.match(b))) or (bool(CJK_RE.match(a)) and b.isdigit())
        cjk_pair = _is_cjkish(a) and _is_cjkish(b)
        pair = len(tails[i - 1]) == 1 and len(heads[i]) == 1 and bool(CJK_RE.match(a)) and bool(CJK_RE.match(b))
        join = digit_cjk or (cjk_pair and (letter_spaced or (single[i - 1] and single[i]) or pair))
        out.append(tokens[i] if join else " " + tokens[i])
    return "".join(out)


def _visible_len(text: str) -> int:
    return len(text.replace(" ", ""))


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(CLOSERS)
    return bool(t) and (t[-1] in SENT_END or t.endswith("……"))


def _is_metadata_line(text: str) -> bool:
    p = _meta_patterns()
    if p["label"].search(text):
        return True
    rest = DATE_RE.sub("", text)
    rest = re.sub(r"\d{1,2}:\d{2}(:\d{2})?|[|｜丨\s]|Mon|Tue|Wed|Thu|Fri|Sat|Sun", "", rest)
    return rest != text.replace(" ", "") and len(rest) <= 12


def is_byline(text: str) -> bool:
    p = _meta_patterns()
    if len(text) > 60 or _SENT_PUNCT.search(text.replace("·", "")):
        return False
    if p["mark"].match(text):
        return len(byline_names(text)) > 0
    m = p["role"].search(text)
    return bool(m) and len(byline_names(text)) > 0


def byline_names(text: str) -> list[str]:
    """Person names in a byline such as ``□通讯员 乐成刚 马浩`` or ``记者 刘晓旭 文/图``."""
    p = _meta_patterns()
    t = p["mark"].sub(" ", text)
    role = p["role"].search(t)
    if role:
        # whatever precedes the first role word is the outlet (齐鲁晚报·齐鲁壹点 记者 ...)
        t = t[role.start():]
    t = p["role"].sub(" ", t)
    t = re.sub(r"[:：/|、,，()（）]", " ", t)
    names = []
    for tok in t.split():
        if 2 <= len(tok) <= 4 and all(CJK_RE.match(c) for c in tok) and not p["media"].match(tok):
            names.append(tok)
    return names


def byline_outlet(text: str) -> str:
    p = _meta_patterns()
    role = p["role"].search(text)
    if not role:
        return ""
    head = p["mark"].sub("", text[:role.start()]).strip()
    if not head:
        return ""
    last = head.split()[-1]
    return last if any(p["media"].match(part) for part in last.split("·")) else ""


def _clean_lines(raw: str) -> tuple[list[Line], list[str]]:
    """Split into lines, drop web leftovers and fix spaces. Returns the lines and the
    dropped CMS property lines (they still carry a date and a source)."""
    rx = _cleaning_rules()
    out: list[Line] = []
    cms: list[str] = []
    gap = 0
    for raw_line in raw.split("\n"):
        indent = bool(re.match(r"^[ \t]+\S", raw_line))
        line = raw_line.strip()
        if any(r.fullmatch(line) for r in rx["cms"]):
            cms.append(line)
            gap += 1
            continue
        for r in rx["strip"]:
            line = r.sub(" ", line)
        line = line.strip()
        if not line or any(r.fullmatch(line) for r in rx["line"]):
            gap += 1
            continue
        out.append(Line(fix_spaces(line), indent=indent, gap=gap))
        gap = 0
    return out, cms


def _column_profile(lines: list[Line]) -> tuple[int, int] | None:
    """(typical length, max length) of the wrapped lines of a newspaper column, or None."""
    lens = [_visible_len(l.text) for l in lines]
    if len(lens) < 12:
        return None
    mode = statistics.mode(lens)
    near = [n for n in lens if mode - 3 <= n <= mode + 2]
    if mode > 30 or len(near) < 0.6 * len(lens):
        return None
    return mode, max(near)


def _mark_kinds(lines: list[Line], column: tuple[int, int] | None) -> None:
    limit = int(rules.mapping("metadata.tsv")["heading_max_chars"])
    for i, l in enumerate(lines):
        if is_byline(l.text):
            l.kind = "byline"
    for i, l in enumerate(lines):
        if l.kind != "body":
            continue
        n = _visible_len(l.text)
        headingish = n <= limit and not _ends_sentence(l.text) and l.text[-1] not in "，,、；;" \
            and not _is_metadata_line(l.text)
        if not headingish:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if column is None:
            l.kind = "heading"
            continue
        # in a column, every wrapped line is short: a heading sits above a byline (possibly
        # with one more heading line between) or above a paragraph that is not wrapped
        if nxt is not None and (nxt.kind == "byline" or _visible_len(nxt.text) > column[1] + 4):
            l.kind = "heading"
        elif nxt is not None and i + 2 < len(lines) and lines[i + 2].kind == "byline" \
                and _visible_len(nxt.text) <= limit and not _ends_sentence(nxt.text):
            l.kind = "heading"
        elif l.text.endswith(("：", ":")) and n <= 12 and nxt is not None and not l.indent:
            l.kind = "heading"


def _join_wrapped(lines: list[Line], column: tuple[int, int] | None) -> list[Line]:
    """Join lines that a newspaper column (or a broken paragraph) wrapped."""
    out: list[Line] = []
    for l in lines:
        if out and _continues(out[-1], l, column):
            prev = out[-1]
            sep = " " if (prev.text[-1].isascii() and prev.text[-1].isalnum()
                          and l.text[0].isascii() and l.text[0].isalnum()) else ""
            prev.text = prev.text + sep + l.text
            prev.last_len = _visible_len(l.text)
            continue
        out.append(Line(l.text, l.indent, l.gap, l.kind))
    return out


def _continues(prev: Line, cur: Line, column) -> bool:
    if prev.kind != "body" or cur.kind != "body" or cur.indent or _is_metadata_line(prev.text):
        return False
    if column is not None:
        mode, width = column
        if _visible_len(cur.text) > width + 4 or prev.last_len > width + 4:
            return False  # a paragraph that was never wrapped
        short = prev.last_len < mode - 2
        return not (short and (_ends_sentence(prev.text) or prev.text.endswith(("：", ":"))))
    # a long line cut in the middle of a word, continued on the next line (not across a
    # wider gap, where a picture and its caption usually stood)
    return (cur.gap <= 1 and _visible_len(prev.text) >= 30 and bool(CJK_RE.match(prev.text[-1]))
            and bool(CJK_RE.match(cur.text[0])) and _visible_len(cur.text) >= 10)


# --------------------------------------------------------------------------- metadata

def iso_date(y, m, d) -> str:
    y, m, d = int(y), int(m), int(d)
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return ""


def _find_pub_date(lines: list[Line], cms: list[str], html_meta: dict[str, str]) -> tuple[str, str]:
    p = _meta_patterns()
    for l in lines[:15]:
        m = p["date_label"].search(l.text)
        if m and iso_date(m["y"], m["m"], m["d"]):
            return iso_date(m["y"], m["m"], m["d"]), "header label"
    for l in lines[:6]:
        m = DATE_RE.search(l.text)
        if m and _is_metadata_line(l.text) and iso_date(m["y"], m["m"], m["d"]):
            return iso_date(m["y"], m["m"], m["d"]), "header line"
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


def _find_source(lines: list[Line], cms: list[str]) -> str:
    p = _meta_patterns()
    generic = set(rules.mapping("metadata.tsv")["generic_source"].split("|"))
    for l in lines:
        for m in p["source"].finditer(l.text):
            if m["after"]:
                continue  # "来源: 发布时间:..." - the field is empty
            v = DATE_RE.split(m["v"])[0].strip(CLOSERS + "-|")
            if v and v not in generic:
                return v
    for l in lines[:12]:
        if l.kind == "byline" and byline_outlet(l.text):
            return byline_outlet(l.text)
    for l in lines[:8]:
        m = re.match(rf"^([{CJK}A-Za-z0-9·]{{2,30}}?)讯(?=[\s\d]|[（(])", l.text)
        if m:
            return m.group(1)
    candidates = [l.text for l in lines[:6] if _is_metadata_line(l.text)] + cms
    for c in candidates:
        for tok in DATE_RE.sub(" ", c).split():
            if p["media"].match(tok) and tok not in generic:
                return tok
    return ""


def _title_of(block: list[Line]) -> str:
    heads = [l.text for l in block if l.kind == "heading"]
    if not heads:
        return ""
    if heads[0].endswith(("：", ":")) and len(heads) > 1:
        return heads[0] + heads[1]
    return heads[0]


def _find_title(lines: list[Line], html_title: str) -> str:
    if html_title:  # a page's own <title>, without the site's name after it
        return re.split(r"\s*[_|｜]\s*|\s+-\s+", html_title)[0]
    if lines and lines[0].kind == "heading":
        return _title_of(lines[:2] if lines[0].text.endswith(("：", ":")) else lines[:1])
    first = next(_byline_blocks(lines), None)  # the heading above the first byline
    return _title_of(lines[first[0]:first[1]]) if first and first[0] < first[1] else ""


def _byline_blocks(lines: list[Line]):
    """(start, byline) for every byline: start is the first of the (at most three) heading
    lines right above it, or the byline itself when there are none."""
    for i, l in enumerate(lines):
        if l.kind == "byline":
            j = i
            while j > 0 and lines[j - 1].kind == "heading" and i - j < 3:
                j -= 1
            yield j, i


def _end_credits(lines: list[Line]) -> tuple[list[str], str]:
    """Authors and editor from the closing credits: ``(钱文勇 特约通讯员:赵虎)``, ``(漆瑶)``."""
    p = _meta_patterns()
    authors, editor = [], ""
    for l in lines[-4:]:
        m = re.search(r"[(（]([^()（）]{2,40})[)）]\s*$", l.text)
        if not m:
            continue
        inner = m.group(1)
        e = p["editor"].search(inner)
        if e:
            editor = e["v"].replace(" ", "")
            continue
        inner = p["source"].sub(" ", inner)
        if p["role"].search(inner) or re.fullmatch(rf"[{CJK}]{{2,4}}(\s+[{CJK}]{{2,4}})*", inner.strip()):
            # names before the first role word are authors here, not an outlet
            names = [t for t in re.split(r"[\s:：/|、,，]+", p["role"].sub(" ", inner)) if 2 <= len(t) <= 4]
            authors += [n for n in names if all(CJK_RE.match(c) for c in n) and _surname_ok(n)]
    return authors, editor


@functools.lru_cache(maxsize=None)
def _surnames() -> frozenset[str]:
    return frozenset(rules.items("surnames.tsv"))


def _surname_ok(name: str) -> bool:
    return name[:1] in _surnames() or name[:2] in _surnames()


# --------------------------------------------------------------------------- sections

class _Sec:
    def __init__(self):
        self.lines: list[Line] = []
        self.head: list[Line] = []
        self.has_body = False

    def add_heading(self, block: list[Line]):
        self.head = block
        self.lines.extend(block)

    def add(self, line: Line):
        self.lines.append(line)
        self.has_body = True


def _split_sections(lines: list[Line]) -> list[_Sec]:
    """Split a file of several newspaper articles at its headings and bylines.

    A heading block (short heading lines above a byline) opens an article, except where
    the article before it has body text but no heading of its own: then the block is that
    article's heading, printed after it (a layout seen in scanned newspaper pages). An
    indented line opens a new article too."""
    blocks = {j: i + 1 for j, i in _byline_blocks(lines) if j < i}
    whole = _Sec()
    for l in lines:
        whole.add(l)
    if len(blocks) < 2:
        return [whole]
    secs: list[_Sec] = []
    cur = _Sec()
    i = 0
    while i < len(lines):
        if i in blocks:
            block = lines[i:blocks[i]]
            if not cur.head and cur.has_body:
                cur.add_heading(block)
                secs.append(cur)
                cur = _Sec()
            else:
                if cur.lines:
                    secs.append(cur)
                cur = _Sec()
                cur.add_heading(block)
            i = blocks[i]
            continue
        l = lines[i]
        if l.indent and cur.has_body:
            secs.append(cur)
            cur = _Sec()
        if l.kind == "heading" and not cur.lines:
            cur.add_heading([l])
        else:
            cur.add(l)
        i += 1
    if cur.lines:
        secs.append(cur)
    return secs


def _place_hint(title: str) -> str:
    m = re.match(rf"^([{CJK}]{{2,10}})\s*[：:]", title)
    return m.group(1) if m else ""


# --------------------------------------------------------------------------- the stage

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
                doc = (r.get("doc_id") or r.get("id") or r.get("file") or "").strip()
                doc = Path(doc).stem if doc else doc
                m = DATE_RE.search(r.get("pub_date") or r.get("date") or "")
                if doc:
                    out[doc] = {"pub_date": iso_date(m["y"], m["m"], m["d"]) if m else "",
                                "url": (r.get("url") or "").strip()}
            return out
    return {}


def clean(raw: str, html_page: bool = False) -> tuple[list[Line], dict]:
    """Raw decoded text -> cleaned lines (kinds marked, wraps joined) and header facts."""
    html_title, html_meta = "", {}
    if html_page:
        raw, html_title, html_meta = html_to_text(raw)
    else:
        raw = _STRAY_TAG.sub("\n", raw)
    raw = normalise_chars(html.unescape(raw))
    lines, cms = _clean_lines(raw)
    column = _column_profile(lines)
    _mark_kinds(lines, column)
    lines = _join_wrapped(lines, column)
    return lines, {"cms": cms, "html_title": html_title, "html_meta": html_meta, "column": column}


def read_report(path: Path, *, max_mb: float = DEFAULT_MAX_MB,
                sidecar: dict[str, dict[str, str]] | None = None) -> Report:
    """Read one report. Never raises: a report that cannot be used gets a status and a reason."""
    rep = Report(doc_id=path.stem, file=path.name)
    try:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            return _fail(rep, "unsupported", f"unsupported file type '{path.suffix or '(none)'}'"
                         f" (reports are {', '.join(SUPPORTED_SUFFIXES)})")
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            return _fail(rep, "too_large", f"file is {size / 1048576:.1f} MB, above the {max_mb:g} MB"
                         " limit for one report (--max-mb)")
        data = path.read_bytes()
        text, rep.encoding = decode(data)
        is_html = path.suffix.lower() in (".html", ".htm") or looks_like_html(text)
        lines, facts = clean(text, is_html)
        if not lines:
            return _fail(rep, "empty", "no text left after cleaning" if data.strip() else "empty file")
        _fill(rep, lines, facts, sidecar or {})
    except NotText as e:
        return _fail(rep, "binary", str(e))
    except OSError as e:
        return _fail(rep, "unreadable", f"{type(e).__name__}: {e.strerror or e}")
    except Exception as e:  # one broken report must never stop the others
        return _fail(rep, "error", f"{type(e).__name__}: {e}")
    return rep


def _fail(rep: Report, status: str, error: str) -> Report:
    rep.status, rep.error = status, error
    return rep


def _fill(rep: Report, lines: list[Line], facts: dict, sidecar: dict) -> None:
    rep.text = "\n".join(l.text for l in lines)
    rep.title = _find_title(lines, facts["html_title"])
    rep.pub_date, rep.pub_date_source = _find_pub_date(lines, facts["cms"], facts["html_meta"])
    if not rep.pub_date and sidecar.get(rep.doc_id, {}).get("pub_date"):
        rep.pub_date, rep.pub_date_source = sidecar[rep.doc_id]["pub_date"], "sidecar"
    rep.source = _find_source(lines, facts["cms"])
    p = _meta_patterns()
    for l in lines:
        e = p["editor"].search(l.text)
        if e and not rep.editor:
            rep.editor = e["v"].replace(" ", "")
    credits, credit_editor = _end_credits(lines)
    rep.editor = rep.editor or credit_editor
    secs = _split_sections(lines)
    for n, s in enumerate(secs, 1):
        byline = next((l.text for l in s.lines if l.kind == "byline"), "")
        title = _title_of(s.head) if len(secs) > 1 else rep.title
        sec = Section(
            doc_id=rep.doc_id if len(secs) == 1 else f"{rep.doc_id}#{n}",
            title=title, byline=byline,
            authors=_dedupe(n for l in s.lines if l.kind == "byline" for n in byline_names(l.text)),
            place_hint=_place_hint(title),
            text="\n".join(l.text for l in s.lines))
        rep.sections.append(sec)
    if len(secs) == 1:
        rep.sections[0].authors = _dedupe(rep.sections[0].authors + credits)
    rep.authors = _dedupe(a for s in rep.sections for a in s.authors)
    if not rep.title and len(secs) > 1:
        rep.title = rep.sections[0].title
    for s in rep.sections:
        s.editor = rep.editor


def _dedupe(xs) -> list[str]:
    return list(dict.fromkeys(xs))
