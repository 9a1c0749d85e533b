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
    table = {row[0]: (row[1] if len(row) > 1 else "", len(row) > 2 and row[2] == "after")
             for row in rules.table("roles.tsv")}
    # roles only the relation stage reads (成员 of 党组成员, 医疗队成员); academic titles that
    # are posts of the organisation written right before them (中国工程院院士, X大学教授)
    for row in rules.table("relations.tsv"):
        if row[0] == "role" and len(row) > 2:
            table.setdefault(row[1], (row[2], False))
        elif row[0] == "title" and len(row) > 1:
            table[row[1]] = ("staff", False)
    return table


@functools.lru_cache(maxsize=None)
def roles_longest_first() -> tuple[str, ...]:
    """Every role word that makes a membership (after-only ones included), longest first."""
    return tuple(r for r in sorted(roles(), key=len, reverse=True) if roles()[r][0] != "other")


@functools.lru_cache(maxsize=None)
def cues(kind: str, table: str = "relations.tsv") -> tuple[str, ...]:
    """The words of one kind in a cue table of rules/ (relations.tsv, implements.tsv)."""
    return tuple(row[1] for row in rules.table(table) if row[0] == kind and len(row) > 1)


@functools.lru_cache(maxsize=None)
def cue_alternation(*kinds: str, longest_first: bool = True) -> str:
    """The cues of these kinds as a regex alternation: longest first (a stable sort), or in
    the file's order. Made once per process (the relation finders ask for it per mention).
    No cues (an emptied kind): ``(?!)``, which matches nothing, as ``rules.alternation``."""
    words = [w for k in kinds for w in cues(k)]
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True) if longest_first else words)) or "(?!)"


@functools.lru_cache(maxsize=None)
def cue_pairs(kind: str) -> dict[str, str]:
    """Three-column cues (role_org): word -> value."""
    return {row[1]: row[2] for row in rules.table("relations.tsv") if row[0] == kind and len(row) > 2}


@functools.lru_cache(maxsize=None)
def cue_flagged(kind: str, flag: str) -> frozenset[str]:
    """The cues of ``kind`` whose fourth column is ``flag`` (anaphor ... one)."""
    return frozenset(row[1] for row in rules.table("relations.tsv") if row[0] == kind and len(row) > 3 and row[3] == flag)


@functools.lru_cache(maxsize=None)
def ends_with_pattern(kind: str) -> re.Pattern:
    """The cues of ``kind`` at the end of a word; an ``office`` word not where the word ends
    in one of ``not_office`` (泛海控股 ends in 股 but is no section)."""
    exceptions = cues("not_office") if kind == "office" else ()
    if not exceptions:
        return re.compile(rf"(?:{rules.alternation(cues(kind))})$")
    # each office word behind the lookbehinds of the not_office words ending in it: 股 but not 控股
    words = ["".join(f"(?<!{re.escape(n[:-len(w)])})" for n in exceptions if n.endswith(w) and n != w) + re.escape(w)
             for w in sorted(cues(kind), key=len, reverse=True)]
    return re.compile(rf"(?:{'|'.join(words)})$")


def role_kind(role: str) -> str:
    """The kind of a (possibly office-prefixed) role: 成教科科长 -> lead."""
    table = roles()
    for n in range(len(role)):
        if role[n:] in table:
            return table[role[n:]][0]
    return ""


def base_role(role: str) -> str:
    """The role word a (possibly office- or qualifier-prefixed) role ends with: 成教科科长 -> 科长."""
    for n in range(len(role)):
        if role[n:] in roles():
            return role[n:]
    return role


def fits_kind(role: str, org: Mention) -> bool:
    """Whether a role shared down a list may be a post of that organisation: 副县长 after
    县人大常委会副主任路永通 is a post of a government, not of the 人大 (rules/relations.tsv
    ``role_org``); 国家主席 is a post of no organisation written before it (``own_body``)."""
    if role in cues("own_body"):
        return False      # 中共中央总书记、国家主席: 国家主席 is the state's post, not 中共中央's
    want = cue_pairs("role_org").get(base_role(role))
    owner = org.attrs.get("parent_text") or org.text      # 县政府党组 + 副县长: the 县政府's
    return want != "government" or owner.endswith(("政府", "管委会", "办事处"))


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


BARE_PREFIX = re.compile(r"^(?:该校|我校|本校|学校|校|全校|该园|我园|园|局|该局|我局)?")


def full_unit(o: Mention, orgs: list[Mention]) -> Mention:
    """A unit named without its owner (党支部, 校党总支, 该校党支部) stands for the one unit
    of that name the section writes with its owner (X小学党支部); else for itself."""
    bare = BARE_PREFIX.sub("", o.text)
    if not bare or bare != o.text and len(o.text) - len(bare) > 2 or len(bare) > 4 or bare not in cues("unit"):
        return o
    full = {m.key: m for m in orgs if m.key != o.key and m.text.endswith(bare) and len(m.text) > len(o.text)
            and m.attrs.get("parent_key")}
    return next(iter(full.values())) if len(full) == 1 else o


def listed_after(text: str, cands: list[Mention], i: int) -> bool:
    """Whether cands[i] follows cands[i-1] in a list (A、B / A和B) or as its partner in
    the work (A会同B / A联合B: rules/implements.tsv ``partner``)."""
    gap = text[cands[i - 1].end:cands[i].start]
    return i > 0 and (re.fullmatch(r"[、和与及]?", gap) is not None or gap in cues("partner", "implements.tsv"))
