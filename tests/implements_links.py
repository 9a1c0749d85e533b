"""What the IMPLEMENTS and measure tests read off a sentence written in them: each link as
(the organisation's name as written, the measure's name, the link's attributes); the actors
of one measure; the measures found; both at once (measures_and_links)."""
from __future__ import annotations

from pipeline.nlp import found


def implements_links(analyse, text, **context):
    doc = analyse(text, pub_date="2021-03-01", **context)
    entities = doc._.entities or {}
    names = {}
    for m in found(doc):
        names.setdefault(m.key, m.text)
    for k, rec in entities.items():
        names.setdefault(k, rec["name"])
    return [(names.get(r.source, r.source), entities.get(r.target, {}).get("name", r.target), r.attrs)
            for r in doc._.relations if r.type == "IMPLEMENTS"]


def actors(analyse, text, measure):
    """The organisations the text's IMPLEMENTS links give ``measure``, sorted."""
    return sorted(o for o, m, _a in implements_links(analyse, text) if m == measure)


def measures(analyse, text):
    """The names of the measures found in the text."""
    return {m.norm for m in found(analyse(text)) if m.label == "MEASURE"}


def measures_and_links(analyse, text):
    """(measure names, IMPLEMENTS pairs by name) of a text: the organisation's name as the
    text writes it (its mention), the measure's as its entity names it."""
    doc = analyse(text, pub_date="2020-06-01")
    names = {k: rec["name"] for k, rec in (doc._.entities or {}).items()}
    names.update({m.key: m.text for m in reversed(found(doc)) if m.label != "MEASURE"})
    ms = {m.norm for m in found(doc) if m.label == "MEASURE"}
    links = {(names.get(r.source, r.source), names.get(r.target, r.target))
             for r in doc._.relations if r.type == "IMPLEMENTS"}
    return ms, links
