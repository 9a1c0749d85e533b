"""Organisations and places placed by what the section says about them beside their own
name (issue 9), read by the place stage (pipeline/places.py) and, for units, by the
relation stage once PART_OF is known: the seat of a known body the section names, a
region of one province an organisation is named after, the full spelling of a name the
section also writes alone, and the place of a unit's organisation."""
from __future__ import annotations

import functools

from . import gazetteer, rules
from . import names as org_names
from .doc import Mention, Relation
from .orgkeys import segment


@functools.lru_cache(maxsize=None)
def geo_province() -> dict[str, str]:
    """rules/places_extra.tsv: a named place -> the one province that holds it, if given."""
    return {row[0]: row[2] for row in rules.table("places_extra.tsv") if len(row) > 2 and row[2]}


def known_seat(text: str) -> str:
    """The seat of a body known by name (rules/org_names.tsv) that ``text`` is or is a unit
    of (同济大学附属中学: 上海市), else ''."""
    hit = org_names.full_name(text) or org_names.known_prefix(text)
    return hit[1] if hit and hit[1] else ""


def units_placed_with_parents(relations: list[Relation]) -> list[Relation]:
    """LOCATED_IN for an organisation the text places only as a unit of another (教育学院,
    a PART_OF of 安庆师范大学 in 安庆市): the place of its organisation, evidenced by the
    sentence that ties them; never over a place of its own. Read by the relation stage
    once PART_OF is known."""
    where: dict[str, Relation] = {}
    for r in relations:
        if r.type == "LOCATED_IN" and r.source.startswith("org:"):
            where.setdefault(r.source, r)
    out: list[Relation] = []
    for _ in range(3):       # a branch of a unit of a university: one step at a time
        added = False
        for r in relations:
            if r.type != "PART_OF" or r.source in where or r.target not in where or r.source == r.target:
                continue
            new = Relation("LOCATED_IN", r.source, where[r.target].target, r.start, r.end,
                           {"basis": "place of its organisation", "confidence": "inferred"})
            where[r.source] = new
            out.append(new)
            added = True
        if not added:
            break
    return out


def geo_home(text: str) -> str:
    """The province of a region, mountain or river of one province (rules/places_extra.tsv)
    an organisation's name starts with (南疆职业技能培训实训基地: 新疆), else ''."""
    gaz = gazetteer.get()
    for k in range(len(text) - 1, 1, -1):
        home = geo_province().get(text[:k], "")
        if home in gaz.divisions:
            return home
    return ""


# how an organisation written with its places is placed: by what its name says
NAMED_BASES = ("name", "name and report context", "seat of a known body")


def same_org_in_full(ms: list[Mention], bases: dict[int, str], entities: dict, relations: list) -> None:
    """An organisation written alone (大红村小学) that the section also writes after its places
    (栾川县三川镇大红村小学) is that one, where the report's own setting (or nothing) placed
    the short spelling: one entity, placed where its full name says (a report naming schools
    of several counties)."""
    full = [x for x in ms if x.label == "ORG" and bases.get(id(x)) in NAMED_BASES]
    for m in ms:
        if m.label != "ORG" or bases.get(id(m), "") not in ("", "report context"):
            continue
        keys = {x.key for x in full if len(x.text) > len(m.text) and x.text.endswith(m.text)
                and places_only(x.text[:len(x.text) - len(m.text)])}
        if len(keys) != 1 or m.key in keys:
            continue
        old, new = m.key, keys.pop()
        if _coarser(_placed(relations, new), _placed(relations, old)):
            continue      # 六安市城北小学 and 城北小学 in a 裕安区 report: the finer place stands
        m.key = new
        if new in entities:
            m.norm = entities[new]["name"]
            entities[new]["aliases"].add(m.text)
        if not any(o.key == old for o in ms if o is not m):
            entities.pop(old, None)
            relations[:] = [r for r in relations if r.source != old]    # its placing by the report's setting


def places_only(head: str) -> bool:
    """A name's head made only of divisions' names (栾川县三川镇)."""
    segs = segment(head)
    return bool(segs) and segs[0][0] == 0 and segs[-1][1] == len(head) and \
        all(a == b for (_, a), (b, _) in zip(segs, segs[1:]))


def _placed(relations: list, key: str) -> str:
    """The division code an entity's first LOCATED_IN points to ('' when none)."""
    return next((r.target.removeprefix("place:") for r in relations
                 if r.type == "LOCATED_IN" and r.source == key), "")


def _coarser(a: str, b: str) -> bool:
    """Division ``a`` holds division ``b`` (or is it)."""
    return bool(a and b) and (a == b or a in gazetteer.get().ancestors(b))
