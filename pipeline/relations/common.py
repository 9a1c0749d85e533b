"""What the relation modules share: the role words (rules/roles.tsv), the relation cue
words (rules/relations.tsv), and how a relation records whether the text states it or it
is inferred (``basis`` and ``confidence``)."""
from __future__ import annotations

import functools
import re

from .. import rules
from ..doc import Mention, Relation

STATED = "stated"
INFERRED = "inferred"


@functools.lru_cache(maxsize=None)
def roles() -> dict[str, tuple[str, bool]]:
    """role word -> (kind, written only after a name)."""
    return {row[0]: (row[1] if len(row) > 1 else "", len(row) > 2 and row[2] == "after")
            for row in rules.table("roles.tsv")}


@functools.lru_cache(maxsize=None)
def cues(kind: str) -> tuple[str, ...]:
    return tuple(row[1] for row in rules.table("relations.tsv") if row[0] == kind and len(row) > 1)


@functools.lru_cache(maxsize=None)
def cue_pairs(kind: str) -> dict[str, str]:
    """Three-column cues (role_org): word -> value."""
    return {row[1]: row[2] for row in rules.table("relations.tsv") if row[0] == kind and len(row) > 2}


@functools.lru_cache(maxsize=None)
def ends_with_pattern(kind: str) -> re.Pattern:
    return re.compile(rf"(?:{rules.alternation(cues(kind))})$")


def role_kind(role: str) -> str:
    """The kind of a (possibly office-prefixed) role: 成教科科长 -> lead."""
    table = roles()
    for n in range(len(role)):
        if role[n:] in table:
            return table[role[n:]][0]
    return ""


def relation(typ: str, source: str, target: str, span: tuple[int, int], basis: str,
             confidence: str = STATED, **attrs) -> Relation:
    """A relation with its evidence sentence, how it was read (basis) and whether the text
    states it or it is inferred (confidence)."""
    return Relation(typ, source, target, span[0], span[1], {"basis": basis, "confidence": confidence, **attrs})


def ensure_org(entities: dict, key: str, name: str, like: Mention | None = None) -> None:
    """An organisation named only inside another's name (X小学 of X小学白鹿洲校区) becomes
    an entity, so that a link to it has a node."""
    rec = entities.setdefault(key, {"label": "ORG", "name": name, "aliases": [],
                                    "attrs": {"kind": (like.attrs.get("unit_of_kind") if like else "") or "other"}})
    if name not in rec["aliases"]:
        rec["aliases"] = sorted(set(rec["aliases"]) | {name})
