"""Counties written by their short names in a list closed by their number or by 等 and their
kind: ``平山、赞皇、灵寿、行唐四县``, ``宁乡、浏阳、长沙三县（市）``, ``特岗县平山、赞皇等县``.

Each item is a division (ANNOTATION.md: places are divisions, however written); a model
that never saw the names finds some items and not others, or runs the level word of the
phrase before into the first (``县平山``)."""
from __future__ import annotations

import re

from ..doc import Mention, covered
from . import lexicon, places

# what closes such a list: a number or 等, then the kind of the items
_CLOSE = re.compile(r"(?:等|[一二三四五六七八九十两\d]+个?)(?:县（市、区）|县\(市、区\)|县（市）|县\(市\)|"
                    r"县市区|县区|区县|县市|县|区|旗|市)")
_LEVEL_CHARS = "省市县区州旗"
_LEVELS = ("county", "city")


def _short_name(item: str) -> bool:
    """A county's or city's short name: a division whose full name is the item and its
    level word (平山 of 平山县, 浏阳 of 浏阳市); not a full name itself."""
    return any(d.level in _LEVELS and d.name != item and d.name.startswith(item)
               for d in lexicon.divisions().lookup(item))


def _items(text: str, end: int, starts: set) -> list[tuple[int, int]]:
    """The items of the list that ends at ``end``, last first: short names joined by 、."""
    out, pos = [], end
    while True:
        item = next(((pos - n, pos) for n in (3, 2) if pos - n >= 0
                     and all(lexicon.is_cjk(c) for c in text[pos - n:pos])
                     and _short_name(text[pos - n:pos])), None)
        if item is None:
            break
        s = item[0]
        before = text[s - 1] if s > 0 else ""
        if before and before != "、" and lexicon.is_cjk(before) and before not in _LEVEL_CHARS \
                and s not in starts:
            break      # inside a longer word
        out.append(item)
        if before != "、":
            break
        pos = s - 1
    return out


def listed_counties(text: str, starts: set, ms: list[Mention]) -> list[Mention]:
    """``ms`` with each item of such a list of two or more a PLACE: where nothing was found,
    or where a found place holds the item with a level word before it (县平山 -> 平山)."""
    busy = covered(len(text), ms)
    new: list[Mention] = []
    replaced: set[tuple[int, int]] = set()
    for close in _CLOSE.finditer(text):
        items = _items(text, close.start(), starts)
        if len(items) < 2:
            continue
        for s, e in items:
            if not any(busy[s:e]):
                new.append(Mention("PLACE", s, e, text[s:e], attrs={"rule": "listed division"}))
                continue
            for m in ms:
                if m.label == "PLACE" and m.end == e and m.start == s - 1 and text[m.start] in _LEVEL_CHARS:
                    replaced.add((m.start, m.end))
                    new.append(Mention("PLACE", s, e, text[s:e], attrs={"rule": "listed division"}))
    if not new:
        return ms
    return [m for m in ms if (m.start, m.end) not in replaced] + new


def village_chain(name: str) -> bool:
    """A chain of divisions down to a town or street and a village of it (房山区拱辰街道南广阳城村,
    高邑县富村镇仓房村: a list of honoured villages): one place (ANNOTATION.md's chain), not an
    organisation, whatever the model read it as; not a village's committee (新竹村委会)."""
    k = next((k for k in range(len(name) - 2, 1, -1) if places.division_chain(name[:k])), 0)
    return k > 0 and places.village_after(name, Mention("PLACE", 0, k, name[:k])) == len(name)
