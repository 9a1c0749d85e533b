"""Names read from tables whose cells lost their separators (pipeline/entities/orgs.py):
three or more schools written back to back, a place cell glued to the next row's name."""
from __future__ import annotations

import re

from .. import names
from ..doc import Mention
from . import lexicon
from .places import division_chain


# the names a list of schools and universities is made of, its separators lost (a table)
_CELL = re.compile(r".{2,20}?(?:大学|学院|党校|研究院|研究所|科学院|考试院|招生考试办公室|中学|小学)"
                   r"(?:[(（][\u4e00-\u9fff]{2,4}[)）])?")


def list_cells(name: str) -> list[str]:
    """The names of three or more schools or universities written back to back with nothing
    between them (``北京大学中国人民大学清华大学``), else []. Two are left whole: 中国医学科学院
    北京协和医学院 is one name."""
    cells, k = [], 0
    while k < len(name):
        c = _CELL.match(name, k)
        if c is None:
            return []
        cells.append(c.group(0))
        k = c.end()
    return cells if len(cells) >= 3 and all(len(c) >= 4 for c in cells) else []


def place_cell(name: str) -> list[str]:
    """A table's place column glued to the next row's name: ``上海市 广西大学`` (a space
    between), ``新疆维吾尔自治区华中科技大学`` (a province and a body known by name whose seat is
    in another province): [place, name], else []. 河北衡水二中 stays one name."""
    parts = name.split()
    if len(parts) == 2 and division_chain(parts[0]) and len(parts[1]) >= 4:
        return parts
    for k in range(2, min(len(name) - 3, 9)):
        if not name[:k].endswith(("省", "自治区")) or not division_chain(name[:k]):
            continue
        known = names.full_name(name[k:])
        province = lexicon.divisions().by_name.get(name[:k], [""])[0][:2]
        if known and known[1] and province and not known[1].startswith(province):
            return [name[:k], name[k:]]
    return []


def split_place_cell(m: Mention) -> list[Mention]:
    """An organisation whose name is a table's place cell glued to a name (see
    ``place_cell``): the place and the organisation, else [m]."""
    cells = place_cell(m.text) if m.label == "ORG" else []
    if not cells:
        return [m]
    k = m.text.index(cells[1])
    return [Mention("PLACE", m.start, m.start + len(cells[0]), cells[0]),
            Mention("ORG", m.start + k, m.end, cells[1], attrs=dict(m.attrs))]
