"""Table rows in a cleaned text: their cells kept apart, so that no name spans two cells.

A table comes as HTML (``<tr>`` of ``<td>``/``<th>``, turned into one line per row with a
tab between cells by ``webpage``) or as plain text, one row a line, cells separated by tabs
or by runs of spaces. A row becomes one line whose cells are joined by a single space (never
glued: ``上海市 河南大学``, not ``上海市河南大学``), and such a line is never joined to the next
one as if a newspaper column had wrapped it.

Pages copied without their line breaks lose the boundary between rows: the last cell of one
row and the first of the next become one field (``院校名称<TAB>所在省市<TAB>院校名称<TAB>所在省市安徽医科大学
<TAB>安徽省<TAB>...``). When a line's first cells are a header whose last name opens the k-th
field, every (k-1)-th field after it is such a pair, and it is cut where its first part is
the header name or a value the table holds in a cell of its own.
"""
from __future__ import annotations

import functools
import re

from .. import rules
from .lines import CJK_RE, DATE_RE, is_metadata_line, visible_len

_TAB = re.compile(r"\s*\t\s*")
_SPACES = re.compile(r" {2,}|\u3000+")
MAX_CELL = 40  # visible characters: a longer "cell" is prose with wide spacing


def cells_of(line: str) -> list[str] | None:
    """The cells of a table row (tab-separated, or three or more cells between runs of
    spaces), or None when the line is not one."""
    line = line.strip(" \t\u3000")
    if "\t" in line:
        cells = [c.strip() for c in _TAB.split(line)]
    else:
        if DATE_RE.search(line) or is_metadata_line(line):
            return None  # a header line (发布时间: ...  来源: ...  点击量: ...) is no table row
        cells = [c.strip() for c in _SPACES.split(line)]
        # not a letter-spaced line (抗  疫  一  线)
        if 2 * sum(visible_len(c) == 1 for c in cells) >= len(cells):
            return None
        cells = _unpad(cells)
        if len(cells) < 3:
            return None
    cells = [c for c in cells if c]
    if len(cells) >= 4 and "\t" in line:
        # a table pasted into a paragraph: the text before it ends in the first field, the
        # text after it starts in the last one
        cells[:1] = _split_off(cells[0], head=True)
        cells[-1:] = _split_off(cells[-1], head=False)
        inner = cells[1:-1]
    else:
        inner = cells
    if len(cells) < 2 or any(visible_len(c) > MAX_CELL for c in inner):
        return None
    return unglue(cells)


def _unpad(cells: list[str]) -> list[str]:
    """A two-character name padded to the width of three (``冯  梦``) is one cell."""
    out: list[str] = []
    for c in cells:
        if out and len(out[-1]) == 1 and CJK_RE.match(out[-1]) and CJK_RE.match(c[:1]):
            out[-1] += c
        else:
            out.append(c)
    return out


def _split_off(field: str, head: bool) -> list[str]:
    """A first (last) field as the prose before (after) the table and its cell."""
    if head:  # the text before a table ends a sentence or a clause: "...名单如下：院校名称"
        m = re.search(r"^(.*[。！？：:；;])\s*(\S.*)$", field)
        return [m.group(1), m.group(2)] if m and visible_len(m.group(2)) <= MAX_CELL else [field]
    if visible_len(field) <= MAX_CELL:
        return [field]
    m = re.search(r"^(.*?)(?: {2,}|\s*(?=[^\s]*[。！？]))(.*)$", field)
    return [m.group(1), m.group(2)] if m and m.group(1) and visible_len(m.group(1)) <= MAX_CELL else [field]


def unglue(cells: list[str]) -> list[str]:
    """Cut the fields that hold the last cell of one row and the first of the next (a table
    whose row breaks were lost), where the cut can be told from the table itself: after
    the header name, after a value the table holds in a cell of its own, else after the
    character that column's values end with (``省``, ``市``) when that gives one cut."""
    for start in (0, 1):  # the first field may be the text before the table
        k, last = _glued_period(cells[start:])
        if k:
            break
    else:
        return _unglue_names(cells)
    pairs = [start + i for i in range(k - 1, len(cells) - start) if _glued_at(i, k)]
    known = {c for i, c in enumerate(cells) if i not in pairs and CJK_RE.search(c)}
    cuts: dict[int, int] = {}
    for i in pairs:
        c = cells[i]
        cut = max((len(v) for v in known if c.startswith(v) and len(v) < len(c)), default=0)
        if cut:
            cuts[i] = cut
    # the columns named like the last one (a header repeated side by side): their values'
    # last characters
    twins = {j for j in range(1, k - 1) if cells[start + j] == last}
    ends = {c[-1] for i, c in enumerate(cells[start + k:], start=k) if (i - k) % (k - 1) + 1 in twins}
    for i in pairs:
        if i in cuts:
            continue
        c = cells[i]
        at = [n for n in range(2, len(c) - 1) if c[n - 1] in ends and CJK_RE.match(c[n])]
        if len(at) == 1:
            cuts[i] = at[0]
    out: list[str] = []
    for i, c in enumerate(cells):
        out += [c[:cuts[i]], c[cuts[i]:]] if i in cuts else [c]
    return out


def _glued_at(i: int, k: int) -> bool:
    # header cells 0..k-2, then a pair every k-1 fields: k-1, 2k-2, ...
    return i >= k - 1 and (i - (k - 1)) % (k - 1) == 0


def _glued_period(cells: list[str]) -> tuple[int, str]:
    """k, the number of columns, when the header repeats and field k-1 starts with the name
    that closes it (``院校名称 所在省市 院校名称 所在省市安徽医科大学``: k = 4), and the line
    holds at least two more rows' worth of fields, with that name; else (0, "")."""
    for k in range(2, 9):
        if len(cells) < 3 * k:
            break
        head, pair = cells[:k - 1], cells[k - 1]
        for h in head:
            # the header repeats (two tables side by side) and its last name opens the pair
            if pair.startswith(h) and len(pair) > len(h) and CJK_RE.match(pair[len(h)]) \
                    and _repeats(head + [h]):
                return k, h
    return 0, ""


def _repeats(header: list[str]) -> bool:
    n = len(header)
    return any(n % p == 0 and header == header[:p] * (n // p) for p in range(1, n))


@functools.lru_cache(maxsize=None)
def _org_ends() -> tuple[str, ...]:
    """The words organisation names end in (rules/org_suffixes.tsv), two characters or more."""
    return tuple(sorted({row[0] for row in rules.table("org_suffixes.tsv") if len(row[0]) >= 2},
                        key=len, reverse=True))


_BRACKET_END = re.compile(r"[(（][^()（）]{1,12}[)）]$")


def _names_end(text: str) -> bool:
    return _BRACKET_END.sub("", text).endswith(_org_ends())


def _org_cut(field: str) -> int:
    """Where a field holding two organisation names one after the other is cut (after the
    last suffix word that leaves a name of four characters or more ending in one); 0 if none."""
    if len(field) < 8 or not _names_end(field) or not CJK_RE.match(field[0]):
        return 0
    for n in range(len(field) - 4, 3, -1):
        if _names_end(field[:n]) and CJK_RE.match(field[n]) and _names_end(field[n:]):
            return n
    return 0


def _unglue_names(cells: list[str]) -> list[str]:
    """A list of organisations without a header whose row breaks were lost (``南京大学 徐州医学院
    南京电子技术研究所苏州大学 ...``): the fields of one column, every m-th, hold two names each.
    Cut where one residue class of fields is (nearly) all such pairs and the others are not."""
    if len(cells) < 6:
        return cells
    cuts = [_org_cut(c) for c in cells]
    for m in range(2, 7):
        for r in range(m):
            idx = [i for i in range(r, len(cells) - 1, m) if i > 0]  # the first and last fields may hold prose
            rest = [i for i in range(1, len(cells) - 1) if i % m != r]
            if len(idx) < 3 or not rest:
                continue
            hit = sum(bool(cuts[i]) for i in idx)
            if hit >= 0.7 * len(idx) and sum(bool(cuts[i]) for i in rest) <= 0.1 * len(rest):
                out: list[str] = []
                for i, c in enumerate(cells):
                    out += [c[:cuts[i]], c[cuts[i]:]] if cuts[i] and i % m == r else [c]
                return out
    return cells
