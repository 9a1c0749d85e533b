"""Stage 8 - linking: the per-report extractions become one set of entities, where one
real entity is one node across all reports, however many spellings mention it, and two
entities never share one.

Keys are made in the reports from what an entity is (pipeline/places.py): a place's
adcode (``place:<adcode>``); an organisation's own name with the place its name carries
or the report says (``org:<anchor>:<name>``: ``org:420100:武汉大学``,
``org:330100:杭州市教育局``, short names resolved in their report: 市教育局 in a 杭州 report
is 杭州市教育局, 北大 is 北京大学, 梧州八中 is 梧州市第八中学); a person's name in its
section (``person:<section>:<name>``; public figures ``person::<name>``). Equal keys are one
entity: the same full name in the same place. This stage joins what the reports could
not see alone, each join with its reason (the entity's ``link_basis``):

* an organisation named in one report with a coarser place (the city) and in another with
  a finer one (a district of it) is one when the finer is the only candidate; names that
  are no name of their own (大学, 教育局) carry their place and are never joined so;
* a person named in several sections is one person where the sections tie the name to the
  same organisation (a school, a bureau; a byline's or editor's name to the report's
  outlet, which the place stage writes as the person's ``outlet``, or to the role 记者 or
  编辑 where the report names no outlet); a name with nothing to tie it, in a report on a
  county, is the one person of that name at an organisation in that county; otherwise each
  section's person stays apart (two 杨扬 at two schools are two);
* a country's one-character name (华, 美) is the country (rules/place_abbrev.tsv); a
  division's level word cut off as a place of its own (``place:532523/县``) is the division;
* an analyst's corrections: ``rules/same_as.tsv`` joins, ``rules/not_same.tsv`` keeps apart
  (it wins over every rule here).

It reads only these fields of a section record, so it can run from a compact store:
doc_id, entities, relations, place_context, title, byline, authors, editor.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from . import gazetteer, names, rules

LABEL_NODE = {"ORG": "Organization", "PERSON": "Person", "PLACE": "Place", "MEASURE": "Measure",
              "DATE": "Date"}
# what the place stage writes as a byline's outlet when the report names none
STAFF_ROLES = ("记者", "编辑")
LEVEL_REST = re.compile(r"^(省|市|县|区|州|旗|盟|镇|乡)$")


def _split_key(key: str) -> tuple[str, str, str] | None:
    """('org' | 'person', anchor, name) of anchored keys, else None."""
    parts = key.split(":", 2)
    if len(parts) == 3 and parts[0] in ("org", "person"):
        return parts[0], parts[1], parts[2]
    return None


def refine_anchors(entities: dict[str, dict], place_parent: dict[str, str]) -> dict[str, str]:
    """Map organisation keys anchored at a coarse place to the unique key with the same
    name anchored at a place inside it. ``place_parent`` maps a place code to its parent
    code. Names that are no name of their own (a type word with its place: 杭州市教育局)
    and a place's own bodies (bureaus, governments, party committees, teams: 乡村振兴局 of a
    province and of a county in it) are left alone: 杭州市教育局 is never 桐庐县教育局; so
    are the names of known national bodies."""
    by_core = defaultdict(list)
    national = names.national()
    for key in entities:
        sk = _split_key(key)
        # a known national body (rules/org_known.tsv: 新华社) is never re-anchored at the
        # place of one report's local body of its name (汪清县新民街道新华社)
        if sk and sk[0] == "org" and not sk[1].startswith("?") and sk[2] not in national and \
                entities[key].get("attrs", {}).get("kind") not in names.OWNED_KINDS:
            by_core[sk[2]].append(sk[1])

    # ``b`` lies inside ``a`` where ``a`` is b's parent code (one step up, as the walk this
    # replaces went); the anchors are indexed by their parent, so that a name anchored at
    # thousands of places costs as many steps, not their square
    remap = {}
    for core, anchors in by_core.items():
        if len(anchors) < 2:
            continue
        children: dict[str, list[str]] = defaultdict(list)
        for b in anchors:
            p = place_parent.get(b)
            if p and p != b:
                children[p].append(b)
        for a in anchors:
            finer = children.get(a, ()) if a else ()
            if len(finer) == 1 or (a == "" and len(anchors) == 2 and placed_kind(entities, anchors, core)):
                target = finer[0] if finer else next(b for b in anchors if b != a)
                if a and _named_in_full(entities, f"org:{a}:{core}", a) \
                        and _named_in_full(entities, f"org:{target}:{core}", target):
                    continue      # 四川省老龄委 and 成都市老龄委: each place's own body
                remap[f"org:{a}:{core}"] = f"org:{target}:{core}"
    # follow chains (city -> district -> town) to the end
    for k in list(remap):
        seen = {k}
        while remap[k] in remap and remap[k] not in seen:
            seen.add(remap[k])
            remap[k] = remap[remap[k]]
    return remap


def _named_in_full(entities: dict[str, dict], key: str, code: str) -> bool:
    """Whether the entity is a body each place has its own of (a committee, an association,
    an institute: not a school, which is one school written with its city or its district,
    names.ONE_SEAT_KINDS) and its name or an alias opens with the full name of its place ``code``."""
    rec = entities.get(key) or {}
    kind, gaz = rec.get("attrs", {}).get("kind", ""), gazetteer.get()
    return any(names.own_body_named_in_full(gaz, n, kind, code) for n in [rec.get("name", ""), *(rec.get("aliases") or ())])


def placed_kind(entities: dict[str, dict], anchors: list[str], core: str) -> bool:
    """Whether the one placed organisation of a name that other reports write without a
    place is of a kind that has one seat (a school, a university, a hospital), so that the
    unplaced mentions are it: a body of no known kind (百度, 新东方, 民进中央) that one report's
    setting placed stays apart from the name the other reports use."""
    placed = next(b for b in anchors if b)
    kind = entities.get(f"org:{placed}:{core}", {}).get("attrs", {}).get("kind", "")
    return kind not in ("", "other", "company", "media")


class _Links:
    """Union-find over entity keys, with the reason of every join and the analyst's
    ``not_same`` pairs as links that no join may make."""

    def __init__(self, known=(), resolve=None):
        self.parent: dict[str, str] = {}
        # a key outside ``known`` (the keys being linked) is resolved by ``resolve``: an
        # organisation linked in another group (pipeline/linkstore.py)
        self.known, self.resolve = known, resolve
        self.reasons: dict[str, set[str]] = defaultdict(set)
        self.tags: dict[str, set[tuple[int, int]]] = defaultdict(set)

    def find(self, k: str) -> str:
        if self.resolve is not None and k not in self.parent and k not in self.known:
            return self.resolve(k)
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str, reason: str, into: str | None = None) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ta, tb = self.tags[ra], self.tags[rb]
        if any((i, 1 - s) in tb for i, s in ta):
            return False           # rules/not_same.tsv keeps these apart
        keep, drop = (rb, ra) if into is not None and self.find(into) == rb else (ra, rb)
        self.parent[drop] = keep
        self.tags[keep] |= self.tags.pop(drop, set())
        self.reasons[keep] |= self.reasons.pop(drop, set()) | {reason}
        return True


def load_corrections() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(same_as, not_same) rows of rules/same_as.tsv and rules/not_same.tsv:
    (name or name@where, name or name@where, where for both); ``where`` is an adcode or a
    report id (``t1_02``), or empty."""
    def rows(name):
        try:
            return [(r[0], r[1], r[2] if len(r) > 2 else "") for r in rules.table(name) if len(r) >= 2]
        except FileNotFoundError:
            return []
    return rows("same_as.tsv"), rows("not_same.tsv")


def _matches(spec: str, where: str, key: str, info: dict) -> bool:
    name, _, at = spec.partition("@")
    at = at or where
    if name != info["label_name"] and name not in info["aliases"]:
        return False
    if not at:
        return True
    anchor = (_split_key(key) or ("", "", ""))[1]
    places = {anchor, info["attrs"].get("adcode", ""), key.split(":", 1)[-1]}
    return at in places or at in info["sections"] or at in {s.split("#")[0] for s in info["sections"]}


def merge_entities(sections: Iterable[dict], corrections=None) -> tuple[dict[str, dict], dict[str, str]]:
    """All entity records of all sections merged into one entity per real entity; returns
    (entities by final key, remap of every section key whose entity has another key).
    ``corrections``: (same_as, not_same) rows as load_corrections gives (the default)."""
    info: dict[str, dict] = {}
    names_of: dict[str, Counter] = defaultdict(Counter)
    member: dict[str, Counter] = defaultdict(Counter)    # person key -> org keys it belongs to
    for sec in sections:
        add_section(info, names_of, member, sec)
    merged, remap, _ = link_keys(info, names_of, member, corrections)
    # a parent_id written with a key that was joined into another
    for m in merged.values():
        p = m["attrs"].get("parent_id")
        if p in remap:
            m["attrs"]["parent_id"] = remap[p]
    return merged, remap


def section_entries(sec: dict) -> tuple[str, list[tuple], list[tuple[str, str]]]:
    """What one section's link record gives the linking, whoever keeps it (this module's
    dicts, pipeline/linkstore.py's tables): its id; per entity (key, label, name, aliases,
    attributes, the place of a person's section or None); the (person, organisation) of
    its MEMBER_OF relations."""
    sid = sec.get("doc_id", "")
    path = (sec.get("place_context") or {}).get("path") or []
    ents = [(key, rec["label"], rec["name"], rec.get("aliases", []), rec.get("attrs", {}),
             path[-1] if rec["label"] == "PERSON" and path else None)  # the place the section is about
            for key, rec in sec["entities"].items()]
    members = [(r["source"], r["target"]) for r in sec.get("relations", [])
               if r.get("type") == "MEMBER_OF" and str(r.get("source", "")).startswith("person:")]
    return sid, ents, members


def add_attrs(into: dict, attrs: dict) -> None:
    """A key's attributes: the first non-empty value of each, in file order."""
    for k, v in attrs.items():
        if v not in ("", None) and k not in into:
            into[k] = v


def add_section(info: dict[str, dict], names_of: dict[str, Counter], member: dict[str, Counter], sec: dict) -> None:
    """One section's entity records and MEMBER_OF relations added to the linking's per-key
    records: ``info`` (label, aliases, first attributes, sections, the place of a person's
    section), ``names_of`` (names with counts) and ``member`` (person -> organisations)."""
    sid, ents, members = section_entries(sec)
    for key, label, name, aliases, attrs, place in ents:
        m = info.setdefault(key, {"label": label, "aliases": set(), "attrs": {}, "sections": set()})
        m["aliases"].update(aliases)
        m["sections"].add(sid)
        if place is not None:
            m["place"] = place
        names_of[key][name] += 1
        add_attrs(m["attrs"], attrs)
    for person, org in members:
        member[person][org] += 1


def link_keys(info: dict[str, dict], names_of: dict[str, Counter], member: dict[str, Counter], corrections=None,
              resolve=None, place_parent=None) -> tuple[dict[str, dict], dict[str, str], list[str]]:
    """The linking of the per-key records :func:`add_section` collected (``info`` in the
    order the keys first appear in the files): (entities by final key in the order of their
    root keys, remap, the root keys in that order), parent_ids as written. ``info`` may hold
    only some of all keys when it is closed under the joins (every key a join could reach is
    in it; pipeline/linkstore.py links so, group by group): ``resolve(org)`` then gives the
    final key of an organisation outside ``info`` that a person of ``info`` belongs to, and
    ``place_parent`` the parent code of the places outside ``info`` its organisations'
    anchors name."""
    for key, m in info.items():
        m["label_name"] = _best_name(names_of[key])
        if m["label"] == "PERSON" and m["attrs"].get("outlet"):
            # a byline's name: its outlet (or, where the report does not say it, the
            # byline's role: the editors named 田媛 of reports without a source are one)
            member[key][f"org::{m['attrs']['outlet']}"] += 1

    links = _Links(info, resolve)
    same_as, not_same = corrections if corrections is not None else load_corrections()
    for i, (a, b, where) in enumerate(not_same):
        for key, m in info.items():
            for side, spec in ((0, a), (1, b)):
                if _matches(spec, where, key, m):
                    links.tags[links.find(key)].add((i, side))
    for (a, b, where) in same_as:
        left = [k for k, m in info.items() if _matches(a, where, k, m)]
        right = [k for k, m in info.items() if _matches(b, where, k, m)]
        for x in left[:1]:
            for y in left[1:] + right:
                if info[x]["label"] == info[y]["label"]:    # a person is never an organisation
                    links.union(x, y, f"same_as.tsv: {a} = {b}")

    _link_places(info, links)
    place_parent = {**(place_parent or {}), **parents_of(info)}
    for old, new in sorted(refine_anchors(info, place_parent).items()):
        if old in info and new in info:
            links.union(new, old, "same name, the place of one inside the other's", into=new)
    _link_people(info, member, links)

    # the entities: one per set of joined keys, under the key that names it best
    groups: dict[str, list[str]] = defaultdict(list)
    for key in info:
        groups[links.find(key)].append(key)
    merged: dict[str, dict] = {}
    remap: dict[str, str] = {}
    roots = sorted(groups)
    for root, keys in sorted(groups.items()):
        final = _final_key(root, keys, info, member, links, merged)
        m = {"label": info[root]["label"], "aliases": set(), "attrs": {}}
        counts: Counter = Counter()
        reasons = set(links.reasons.get(root, ()))
        reports = set()
        for k in sorted(keys, key=lambda k: (k != final, k)):
            m["aliases"] |= info[k]["aliases"]
            counts.update(names_of[k])
            reports |= {s.split("#")[0] for s in info[k]["sections"]}
            for a, v in info[k]["attrs"].items():
                m["attrs"].setdefault(a, v)
            if k != final:
                remap[k] = final
        if len(reports) > 1 and m["label"] == "ORG" and len(keys) == 1:
            reasons.add("same name and place")
        reasons |= _name_reasons(m["label"], m["aliases"])
        if reasons:
            m["attrs"]["link_basis"] = "; ".join(sorted(reasons))
        m["name"] = info[final]["label_name"] if info.get(final, {}).get("adopted") else _best_name(counts)
        m["aliases"] = sorted(m["aliases"] | {m["name"]})
        merged[final] = m
    return merged, remap, roots


def parents_of(info: dict[str, dict]) -> dict[str, str]:
    """The parent code of every place of ``info`` (its first ``parent_id``), by its code."""
    return {k.split(":", 1)[1]: (v["attrs"].get("parent_id", "").split(":", 1)[-1])
            for k, v in info.items() if v["label"] == "PLACE"}


def _best_name(counts: Counter) -> str:
    """The name most reports use; ties go to the fuller (longer) spelling."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0] if counts else ""


def place_target(key: str):
    """(division, reason) a place key is the division of (``place:?/美`` is 美国's,
    ``place:532523/县`` is 532523's), else None."""
    if "/" not in key or not key.startswith("place:"):
        return None
    head, _, rest = key.split(":", 1)[1].partition("/")
    gaz = gazetteer.get()
    if head == "?":
        full = _abbreviations().get(rest)
        if full is not None:                       # 美 -> 美国, 华 -> 中国
            divs = gaz.lookup(full)
            if len(divs) == 1:
                return divs[0], f"one-character name {rest} of {full}"
    elif head in gaz.divisions and LEVEL_REST.match(rest):   # place:532523/县 is 532523
        return gaz.divisions[head], "a division's level word"
    return None


def _abbreviations() -> dict[str, str]:
    return {row[1]: row[2] for row in rules.table("place_abbrev.tsv") if row[0] == "abbr"}


def _link_places(info: dict, links: _Links) -> None:
    for key in sorted(info):
        if info[key]["label"] != "PLACE" or "/" not in key:
            continue
        hit = place_target(key)
        if hit is not None:
            d, reason = hit
            _adopt(info, d.key, d.name, d)
            links.union(d.key, key, reason, into=d.key)


def _adopt(info: dict, key: str, name: str, d) -> None:
    """A division every report only wrote in short: its entity from the gazetteer."""
    if key not in info:
        attrs = {"level": d.level}
        if d.level != "town" and not d.code.startswith("world/"):
            attrs["adcode"] = d.code
        info[key] = {"label": "PLACE", "aliases": {name}, "attrs": attrs, "sections": set(), "label_name": name,
                     "adopted": True}


def _link_people(info: dict, member: dict[str, Counter], links: _Links) -> None:
    """People of one name are one person where their sections tie them to the same
    organisation (a school, a bureau, a byline's outlet)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, m in info.items():
        sk = _split_key(key)
        if sk and sk[0] == "person":
            by_name[sk[2]].append(key)
    for name, keys in sorted(by_name.items()):
        if len(keys) < 2:
            continue
        public = [k for k in keys if _split_key(k)[1] == ""]
        by_org: dict[str, list[str]] = defaultdict(list)
        for k in sorted(keys):
            for org in member.get(k, ()):
                by_org[links.find(org)].append(k)
        for org, ks in sorted(by_org.items()):
            for k in ks[1:]:
                links.union(ks[0], k, f"same name, same organisation ({_org_name(org)})")
        # a byline or credit whose report names no outlet: the one outlet with staff of
        # that name (张烁 of reports without a source is 人民日报's 张烁, when no other
        # outlet has a 张烁)
        outlets = {links.find(k) for k in keys if info[k]["attrs"].get("outlet") not in (None, *STAFF_ROLES)}
        if len(outlets) == 1:
            target = next(iter(outlets))
            for k in sorted(keys):
                if info[k]["attrs"].get("outlet") in STAFF_ROLES:
                    links.union(target, k, "same name, a byline with no outlet and the one outlet with staff of "
                                           "that name", into=target)
        _by_place(name, keys, info, member, links)
        for p in public:   # a public figure (rules/persons_public.txt) is one person
            for k in keys:
                links.union(p, k, "public figure", into=p)


def _by_place(name: str, keys: list[str], info: dict, member: dict, links: _Links) -> None:
    """A name with nothing to tie it, in a report about a county (or a place inside one),
    is the one person of that name whose organisation is in that county: 张三 in a report on
    槐荫区 is 槐荫区教育局's 张三, when no other organisation there has a 张三."""
    gaz = gazetteer.get()
    local = ("county", "town")
    tied: dict[str, set[str]] = defaultdict(set)      # cluster -> places of its organisations
    for k in keys:
        for org in member.get(k, ()):
            anchor = (_split_key(links.find(org)) or ("", "", ""))[1]
            if anchor in gaz.divisions:
                tied[links.find(k)].add(anchor)
    for k in sorted(keys):
        place = info[k].get("place")
        if member.get(k) or place not in gaz.divisions:
            continue
        county = next((c for c in [place, *sorted(gaz.ancestors(place), key=len, reverse=True)]
                       if c in gaz.divisions and gaz.divisions[c].level in local), None)
        if county is None:
            continue
        hits = {root for root, codes in tied.items()
                if any(a == county or county in gaz.ancestors(a) for a in codes)}
        if len(hits) == 1:
            links.union(next(iter(hits)), k, "same name, named in a report on the county of their organisation",
                        into=next(iter(hits)))


def _org_name(key: str) -> str:
    sk = _split_key(key)
    return sk[2] if sk else key


def _final_key(root: str, keys: list[str], info: dict, member: dict, links: _Links, taken: dict) -> str:
    """The key (and so the node id) of a set of joined keys: it names the entity. An
    organisation or place keeps the key the joins led to; a person joined across sections
    is named by the organisation that ties them (``person:<organisation>:<name>``)."""
    sk = _split_key(root)
    if not sk or sk[0] != "person" or sk[1] == "":
        return root
    orgs: Counter = Counter()
    for k in keys:
        for org, n in member.get(k, {}).items():
            orgs[links.find(org)] += n
    if not orgs:
        return root
    org = sorted(orgs.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    if (_split_key(org) or ("", "", ""))[1].startswith("?"):
        return root     # an organisation keyed to its report only (市教育局, city untold) names no one across reports
    final = f"person:{_org_name(org)}:{sk[2]}"
    return final if final not in taken and (final == root or final not in info) else root


def _name_reasons(label: str, aliases: set[str]) -> set[str]:
    """The joins that keys made in the reports already: short names of known bodies."""
    out = set()
    if label != "ORG":
        return out
    for a in sorted(aliases):
        known = names.full_name(a)
        if known and known[0] != a:
            out.add(f"short name {a} of {known[0]} (rules/org_names.tsv)")
        elif names.SHORT_SCHOOL.search(a[-3:]) or names.SHORT_SCHOOL.search(a[-2:]):
            out.add(f"numbered short name {a}")
    return out
