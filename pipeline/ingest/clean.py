"""Characters and lines: control and wide characters, web/CMS leftovers
(``rules/cleaning.tsv``), letter-spaced words, headings and bylines marked, wrapped
newspaper columns joined."""
from __future__ import annotations

import functools
import html
import re
import statistics

from .. import rules
from .lines import (CJK_RE, PUNCT, Line, ends_sentence, is_byline, is_metadata_line, visible_len)
from .tables import cells_of
from .webpage import STRAY_TAG, html_to_text

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffe\uffff]")
_WIDE_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_WIDE_SPACE_NOT_TAB = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# full-width letters, digits and the signs that belong to numbers; Chinese punctuation stays
HALF_WIDTH = {c: chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
              + list(range(0xFF41, 0xFF5B)) + [0xFF05, 0xFF0E, 0xFF0B, 0xFF0D, 0xFF0F, 0xFF20]}
# any character HALF_WIDTH changes: a text without one is left as it is (translate with a
# dict looks every character up in Python; most texts have no full-width letter at all)
_FULL_WIDTH = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(HALF_WIDTH)) + "]")
_INDENT = re.compile(r"^[ \t]+\S")


_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6});")
_TITLE_TAG = re.compile(r"<\s*title\s*>([^<]{0,300})<\s*/\s*title\s*>", re.I)


def normalise_chars(text: str, keep_tabs: bool = False) -> str:
    """Line ends, control characters, wide spaces and full-width letters and digits;
    ``keep_tabs`` keeps the tabs that separate table cells (the ingest reads them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = (_WIDE_SPACE_NOT_TAB if keep_tabs else _WIDE_SPACE).sub(" ", text)
    return text.translate(HALF_WIDTH) if _FULL_WIDTH.search(text) else text


# a "?" between two Chinese characters on each side: where a page's encoding lost the dot of
# a name written by sound (曼莫汉?辛格, 安格拉?默克尔), not after a question's last word
_LOST_DOT = re.compile(r"(?<=[\u4e00-\u9fff]{2})\?(?=[\u4e00-\u9fff]{2})")
_QUESTION_END = "么吗呢吧啊何谁哪"


@functools.lru_cache(maxsize=None)
def _sounds() -> frozenset[str]:
    return frozenset("".join(rules.items("translit_chars.txt")))


def restore_name_dots(text: str) -> str:
    """曼莫汉?辛格 -> 曼莫汉·辛格: a ``?`` with at least three of the two characters either side
    of it writing sounds (rules/translit_chars.txt) is the dot of a foreign name the page's
    encoding lost; 为什么?加拿大 keeps its question mark. One character for one: offsets hold."""
    if "?" not in text:
        return text
    sounds = _sounds()

    def fix(m: re.Match) -> str:
        i = m.start()
        if text[i - 1] in _QUESTION_END:
            return "?"
        return "·" if sum(c in sounds for c in text[i - 2:i] + text[i + 1:i + 3]) >= 3 else "?"
    return _LOST_DOT.sub(fix, text)


@functools.lru_cache(maxsize=None)
def cleaning_rules():
    """One regex per kind of rule (an alternation is one pass over a line, not twenty)."""
    kinds: dict[str, list[str]] = {"line": [], "strip": [], "cms": [], "tail": [], "break": []}
    for row in rules.table("cleaning.tsv"):
        re.compile(row[1])  # a broken rule is reported here, by itself
        kinds[row[0]].append(row[1])
    return {k: [re.compile("|".join(f"(?:{p})" for p in v))] if v else [] for k, v in kinds.items()}


def _is_cjkish(ch: str) -> bool:
    return bool(CJK_RE.match(ch)) or ch in PUNCT


_PUNCT_RE = re.compile(f"[{re.escape(PUNCT)}]")


def fix_spaces(line: str) -> str:
    """Remove the spaces that split words: letter-spaced runs (``抗 疫 一 线``), padded
    two-character names (``马 浩``) and spaces between digits and Chinese (``2 月 1 日``).
    Spaces between multi-character phrases (``共克时艰 砥砺前行``) separate them and stay."""
    tokens = line.split()
    if len(tokens) < 2:
        return line.strip()
    cores = [t.strip(PUNCT) for t in tokens]
    single = [len(c) == 1 and bool(CJK_RE.match(c)) for c in cores]
    # the Chinese run at a token's end / start (漆 in "增强。(漆", 瑶 in "瑶)")
    tails = [_PUNCT_RE.split(t)[-1] for t in tokens]
    heads = [_PUNCT_RE.split(t)[0] for t in tokens]
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


def clean_lines(raw: str) -> tuple[list[Line], list[str]]:
    """Split into lines, drop web leftovers and fix spaces. Returns the lines and the
    dropped CMS property lines (they still carry a date and a source)."""
    rx = cleaning_rules()
    out: list[Line] = []
    cms: list[str] = []
    gap = 0
    for r in rx["break"]:
        raw = r.sub("\n", raw)
    for raw_line in raw.split("\n"):
        indent = bool(_INDENT.match(raw_line))
        line = raw_line.strip()
        if any(r.fullmatch(line) for r in rx["cms"]):
            cms.append(line)
            gap += 1
            continue
        for r in rx["tail"]:
            m = r.search(line)
            while m is not None and m.start() < 30:  # a menu before the article: removed alone
                line = line[:m.start()] + " " + line[m.end():]
                m = r.search(line)
            if m is not None:
                line = line[:m.start()]
        for r in rx["strip"]:
            line = r.sub(" ", line)
        line = line.strip(" \t")
        if not line or any(r.fullmatch(line) for r in rx["line"]):
            gap += 1
            continue
        cells = cells_of(line) if "\t" in line or "  " in line else None
        if cells:  # a table row: its cells stay apart, one space between them
            out.append(Line(" ".join(fix_spaces(c) for c in cells), indent=indent, gap=gap, kind="row"))
        else:
            out.append(Line(fix_spaces(line.replace("\t", " ")), indent=indent, gap=gap))
        gap = 0
    return out, cms


def column_profile(lines: list[Line]) -> tuple[int, int] | None:
    """(typical length, max length) of the wrapped lines of a newspaper column, or None."""
    lens = [visible_len(l.text) for l in lines if l.kind != "row"]
    if len(lens) < 12:
        return None
    mode = statistics.mode(lens)
    near = [n for n in lens if mode - 3 <= n <= mode + 2]
    if mode > 30 or len(near) < 0.6 * len(lens):
        return None
    return mode, max(near)


def mark_kinds(lines: list[Line], column: tuple[int, int] | None) -> None:
    limit = int(rules.mapping("metadata.tsv")["heading_max_chars"])
    for i, l in enumerate(lines):
        if is_byline(l.text):
            l.kind = "byline"
    for i, l in enumerate(lines):
        if l.kind != "body":
            continue
        n = visible_len(l.text)
        headingish = n <= limit and not ends_sentence(l.text) and l.text[-1] not in "，,、；;" \
            and not is_metadata_line(l.text)
        if not headingish:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if column is None:
            l.kind = "heading"
            continue
        # in a column, every wrapped line is short: a heading sits above a byline (possibly
        # with one more heading line between) or above a paragraph that is not wrapped
        if nxt is not None and (nxt.kind == "byline" or visible_len(nxt.text) > column[1] + 4):
            l.kind = "heading"
        elif nxt is not None and i + 2 < len(lines) and lines[i + 2].kind == "byline" \
                and visible_len(nxt.text) <= limit and not ends_sentence(nxt.text):
            l.kind = "heading"
        elif l.text.endswith(("：", ":")) and n <= 12 and nxt is not None and not l.indent:
            l.kind = "heading"


def join_wrapped(lines: list[Line], column: tuple[int, int] | None) -> list[Line]:
    """Join lines that a newspaper column (or a broken paragraph) wrapped. The pieces of a
    line are joined once at the end, and only the line joined last is looked at: linear in
    the number of lines (100,000 short lines included)."""
    out: list[Line] = []
    parts: list[list[str]] = []
    for l in lines:
        if out and _continues(out[-1], l, column):
            prev = out[-1]
            tail = prev.last_text
            sep = " " if (tail[-1].isascii() and tail[-1].isalnum()
                          and l.text[0].isascii() and l.text[0].isalnum()) else ""
            parts[-1] += [sep, l.text]
            prev.last_len, prev.last_text = visible_len(l.text), l.text
            continue
        out.append(Line(l.text, l.indent, l.gap, l.kind))
        parts.append([l.text])
    for line, p in zip(out, parts):
        if len(p) > 1:
            line.text = "".join(p)
    return out


def _continues(prev: Line, cur: Line, column) -> bool:
    # prev.text is its first physical line while the join goes on; prev.last_text the last
    if prev.kind != "body" or cur.kind != "body" or cur.indent or is_metadata_line(prev.last_text):
        return False
    if column is not None:
        mode, width = column
        if visible_len(cur.text) > width + 4 or prev.last_len > width + 4:
            return False  # a paragraph that was never wrapped
        short = prev.last_len < mode - 2
        return not (short and (ends_sentence(prev.last_text) or prev.last_text.endswith(("：", ":"))))
    # a long line cut in the middle of a word, continued on the next line (not across a
    # wider gap, where a picture and its caption usually stood); a line that was joined
    # already began with 30 characters or more
    return (cur.gap <= 1 and visible_len(prev.text) >= 30 and bool(CJK_RE.match(prev.last_text[-1]))
            and bool(CJK_RE.match(cur.text[0])) and visible_len(cur.text) >= 10)


RUNAWAY = 1000   # characters without a sentence end: no sentence of real text is this long
PIECE = 500
_STOPS = re.compile(r"[。！？!?；;…]|\.(?=\s)")
_CLAUSE = re.compile(r"[，,、：:）)”」]|\s")


def break_runaway(line: Line) -> list[Line]:
    """A line that runs on for more than RUNAWAY characters without a sentence end (a page's
    text with its full stops lost, a generated blob) is broken into lines of at most PIECE
    characters after a clause mark (or, where there is none, at PIECE): every later stage
    quotes a sentence as its evidence, and one sentence of 200,000 characters quoted by each
    of thousands of facts writes gigabytes. Only line breaks are added; no character changes."""
    text = line.text
    if len(text) <= RUNAWAY:
        return [line]
    out: list[Line] = []
    start = 0
    last_stop = 0
    i = 0
    while i < len(text):
        m = _STOPS.search(text, i)
        stop = m.end() if m else len(text)
        if stop - last_stop <= RUNAWAY:  # a sentence of ordinary length: goes on the current line
            i = last_stop = stop
            continue
        # from last_stop, a run of more than RUNAWAY characters: pieces of at most PIECE
        pos = last_stop
        while stop - pos > PIECE:
            window = text[pos + PIECE // 2:pos + PIECE]
            cut = max((c.end() for c in _CLAUSE.finditer(window)), default=0)
            end = pos + PIECE // 2 + cut if cut else pos + PIECE
            out.append(text[start:end])
            start = pos = end
        i = last_stop = stop
    out.append(text[start:])
    pieces = [p.strip() for p in out if p.strip()]
    return [Line(p, indent=line.indent if n == 0 else False, gap=line.gap if n == 0 else 0, kind=line.kind)
            for n, p in enumerate(pieces)]


def clean(raw: str, html_page: bool = False, data: bytes | None = None) -> tuple[list[Line], dict]:
    """Raw decoded text -> cleaned lines (kinds marked, wraps joined) and header facts."""
    html_title, html_meta = "", {}
    if html_page:
        raw, html_title, html_meta = html_to_text(raw, data)
    else:
        m = _TITLE_TAG.search(raw[:20000])  # a page's <title> left in a text file
        if m:
            html_title = " ".join(html.unescape(m.group(1)).split())
            raw = raw[:m.start()] + "\n" + raw[m.end():]
            raw = _TITLE_TAG.sub("\n", raw)  # the page copied in twice: its title again
        raw = STRAY_TAG.sub("\n", raw)
    raw = html.unescape(raw)
    if _ENTITY.search(raw):  # escaped twice (&amp;mdash;)
        raw = html.unescape(raw)
    raw = restore_name_dots(normalise_chars(raw, keep_tabs=True))
    lines, cms = clean_lines(raw)
    column = column_profile(lines)
    mark_kinds(lines, column)
    lines = [piece for l in join_wrapped(lines, column) for piece in break_runaway(l)]
    return lines, {"cms": cms, "html_title": html_title, "html_meta": html_meta, "column": column}
