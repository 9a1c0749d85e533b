"""Stage 7 - relations, each with the sentence that evidences it:

* MEMBER_OF  Person -> Organization, with the role the text gives (校长, 党支部书记, 记者):
  ``刘集镇中心小学党支部书记、校长杨洪亮``, ``张玲校长``, ``成教科科长晋萍`` (an office of the
  section's bureau), ``齐鲁晚报·齐鲁壹点 记者 刘晓旭``;
* PART_OF    Organization -> Organization: a unit written onto its organisation (锦小党支部
  -> 锦小), and a school in the district of a bureau the same report names;
* IMPLEMENTS Organization -> Measure: the organisation the sentence makes the actor, else
  the one the section is about.
LOCATED_IN comes from the place stage; ABOUT and ON_DATE from the claims.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .doc import Mention, Relation, found, sentence_of, text_of

UNIT_ROLE = re.compile(r"([\u3400-\u9fff]{1,5}(?:科|处|办|室|股|组|部|中心))$")


@functools.lru_cache(maxsize=None)
def _roles():
    roles = {row[0]: row[1] for row in rules.table("roles.tsv")}
    alt = rules.alternation(roles)
    return roles, re.compile(rf"(?:(?:{alt})[、和及兼]?)+")


def _main_org(ms: list[Mention]) -> Mention | None:
    """The organisation a section is mostly about: the most named one (bureaus and schools
    first), ties to the first named."""
    orgs = [m for m in ms if m.label == "ORG" and m.key and m.attrs.get("kind") not in ("media", "university")]
    if not orgs:
        return None
    count = Counter(m.key for m in orgs)
    rank = {"bureau": 0, "school": 1, "kindergarten": 1, "government": 2, "party": 3}
    best = min(orgs, key=lambda m: (-count[m.key], rank.get(m.attrs.get("kind"), 5), m.start))
    return best


class RelationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        ms = sorted(found(doc), key=lambda m: m.start)
        rels: list[Relation] = list(doc._.relations or [])
        main = _main_org(ms)
        orgs = [m for m in ms if m.label == "ORG" and m.key]
        roles, role_re = _roles()

        def org_before(pos: int, s: int) -> Mention | None:
            cands = [o for o in orgs if s <= o.start and o.end <= pos]
            return cands[-1] if cands else None

        for p in (m for m in ms if m.label == "PERSON"):
            s, e = sentence_of(doc, p.start)
            # roles written before the name, possibly after an organisation and its office:
            # 刘集镇中心小学党支部书记、校长杨洪亮 / 经开区教体局局长王祥 / 成教科科长晋萍
            lead = text[s:p.start]
            org = org_before(p.start, s)
            between = text[org.end:p.start] if org else lead[-12:]
            m = re.search(rf"(?:{role_re.pattern})\s*[:：]?\s*$", between)
            found_roles = []
            if m:
                found_roles = [r for r in re.split(r"[、和及兼]", m.group(0).strip(" :：")) if r]
                office = between[:m.start()].strip(" 、")
                om = UNIT_ROLE.search(office) if office else None
                if om and (org is None or org.end < p.start - 14):
                    # 成教科科长晋萍: an office of the organisation the section is about
                    found_roles = [om.group(1) + r for r in found_roles]
                    org = org or main
                elif om and org is not None and om.start() == 0:
                    found_roles = [om.group(1) + r for r in found_roles]
            # roles written after the name: 张玲校长, 马文婧老师
            after = re.match(rf"(?:{role_re.pattern})", text[p.end:p.end + 8])
            if after and not found_roles:
                found_roles = [r for r in re.split(r"[、和及兼]", after.group(0)) if r]
                org = org or _previous_org(orgs, s, doc) or (main if main and roles.get(found_roles[0]) in ("lead", "staff", "party") else None)
            if org is None and text[p.start - 1:p.start] and any(o.end == p.start for o in orgs):
                org = next(o for o in orgs if o.end == p.start)   # 济微中学许光海
            # family words (妈妈冯玉钰) say nothing about membership
            found_roles = [r for r in found_roles if roles.get(_base_role(r, roles)) != "other"]
            if org is None or (not found_roles and (m or after)):
                continue
            target, unit_word = _unit_parent(org)
            if not found_roles:
                rels.append(Relation("MEMBER_OF", p.key, target, s, e, {"role": ""}))
            for r in found_roles:
                # a party post of the organisation's branch: 党支部 + 书记 -> 党支部书记
                role = unit_word + r if unit_word and roles.get(r) == "party" else r
                rels.append(Relation("MEMBER_OF", p.key, target, s, e, {"role": role}))

        # units written onto their organisation: 锦小党支部 -> 锦小, 教体局党委 -> 教体局
        for o in orgs:
            parent = o.attrs.get("parent_key")
            if parent and parent != o.key:
                s, e = sentence_of(doc, o.start)
                rels.append(Relation("PART_OF", o.key, parent, s, e, {"basis": "unit named with its organisation"}))
        # schools in the district of a bureau the report names
        bureaus = {}
        for o in orgs:
            if o.attrs.get("kind") == "bureau" and o.key.count(":") == 2 and not o.attrs.get("parent_key"):
                bureaus.setdefault(o.key.split(":")[1], o)
        seen_schools = set()
        for o in orgs:
            if o.attrs.get("kind") in ("school", "kindergarten") and o.key.count(":") == 2 and o.key not in seen_schools:
                seen_schools.add(o.key)
                anchor = o.key.split(":")[1]
                b = bureaus.get(anchor)
                if b is not None and b.key != o.key:
                    s, e = sentence_of(doc, o.start)
                    rels.append(Relation("PART_OF", o.key, b.key, s, e,
                                         {"basis": "school in the bureau's district, named in the same report"}))
        # measures and who carries them out
        actors = [o for o in orgs if o.attrs.get("kind") != "media"]
        for mm in (m for m in ms if m.label == "MEASURE"):
            s, e = sentence_of(doc, mm.start)
            # the actor: the organisation named last before the measure in its sentence (a
            # medium that reported it is no actor), else the section's main organisation
            before = [o for o in actors if s <= o.start and o.end <= mm.start]
            actor = before[-1] if before else None
            basis = "sentence"
            if actor is None:
                actor, basis = main, "the section's main organisation"
            if actor is None:
                continue
            target, _ = _unit_parent(actor)
            dates = [d for d in ms if d.label == "DATE" and d.norm and s <= d.start < e]
            for canon in [mm.norm] + mm.attrs.get("also", []):
                rels.append(Relation("IMPLEMENTS", target, f"measure:{canon}", s, e,
                                     {"basis": basis, "date": dates[0].norm if dates else ""}))
        doc._.relations = rels
        return doc


def _base_role(role: str, roles: dict) -> str:
    """The role word a (possibly office-prefixed) role ends with: 成教科科长 -> 科长."""
    for n in range(len(role)):
        if role[n:] in roles:
            return role[n:]
    return role


def _unit_parent(org: Mention) -> tuple[str, str]:
    """A party branch or office speaks for its organisation: (organisation key, unit word
    to put before the role)."""
    parent = org.attrs.get("parent_key")
    if parent and org.attrs.get("unit_word"):
        return parent, org.attrs["unit_word"]
    return org.key, ""


def _previous_org(orgs: list[Mention], s: int, doc: Doc) -> Mention | None:
    """The last organisation named in the sentence before (张玲校长 after 长安路学校...)."""
    if s == 0:
        return None
    ps, _ = sentence_of(doc, s - 1)
    cands = [o for o in orgs if ps <= o.start < s]
    return cands[-1] if cands else None


@Language.factory("edu_relations")
def make_relation_extractor(nlp: Language, name: str):
    return RelationExtractor()
