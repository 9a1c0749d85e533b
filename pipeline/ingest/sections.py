"""A file of several newspaper articles split at its headings and bylines."""
from __future__ import annotations

import re

from .lines import CJK, Line


NUMBERED = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[、）)．.]|[（(]?\d{1,2}[、）)．.](?!\d))")


def title_of(block: list[Line]) -> str:
    heads = [l.text for l in block if l.kind == "heading"]
    if not heads:
        return ""
    if heads[0].endswith(("：", ":")) and len(heads) > 1:
        return heads[0] + heads[1]
    return heads[0]


def byline_blocks(lines: list[Line]):
    """(start, byline) for every byline: start is the first of the (at most three) heading
    lines right above it, or the byline itself when there are none."""
    for i, l in enumerate(lines):
        if l.kind == "byline":
            j = i
            while j > 0 and lines[j - 1].kind == "heading" and i - j < 3:
                j -= 1
            yield j, i


class Sec:
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


def split_sections(lines: list[Line]) -> list[Sec]:
    """Split a file of several newspaper articles at its headings and bylines.

    A heading block (short heading lines above a byline) opens an article, except where
    the article before it has body text but no heading of its own: then the block is that
    article's heading, printed after it (a layout seen in scanned newspaper pages). An
    indented line opens a new article too, where indenting is rare (in a file that indents
    every paragraph, it only starts paragraphs)."""
    # a numbered heading (一、 （二） 3.) is a part of an article, not an article of its own
    blocks = {j: i + 1 for j, i in byline_blocks(lines) if j < i and not NUMBERED.match(lines[j].text)}
    whole = Sec()
    for l in lines:
        whole.add(l)
    if len(blocks) < 2:
        return [whole]
    indent_opens = sum(l.indent for l in lines) < 0.3 * len(lines)
    secs: list[Sec] = []
    cur = Sec()
    i = 0
    while i < len(lines):
        if i in blocks:
            block = lines[i:blocks[i]]
            if not cur.head and cur.has_body:
                cur.add_heading(block)
                secs.append(cur)
                cur = Sec()
            else:
                if cur.lines:
                    secs.append(cur)
                cur = Sec()
                cur.add_heading(block)
            i = blocks[i]
            continue
        l = lines[i]
        if l.indent and indent_opens and cur.has_body:
            secs.append(cur)
            cur = Sec()
        if l.kind == "heading" and not cur.lines:
            cur.add_heading([l])
        else:
            cur.add(l)
        i += 1
    if cur.lines:
        secs.append(cur)
    return secs


def place_hint(title: str) -> str:
    m = re.match(rf"^([{CJK}]{{2,10}})\s*[：:]", title)
    return m.group(1) if m else ""
