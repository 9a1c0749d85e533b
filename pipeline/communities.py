"""Communities: who works with whom inside a province.

A community is a group of organisations and people found by networkx's Louvain method
(fixed seed) in the graph of organisations and people linked by MEMBER_OF (a person and
their organisation) and PART_OF (a unit and its parent), each edge weighted by its pieces
of evidence. Links between two provinces are cut first: an organisation's province is the
first two digits of its adcode, a person's the province most of their organisations have
(the lowest code on a tie); whatever has none is a bucket of its own (the province ``""``).

Measures and places are not members: they describe a community. ``top_measures`` are the
measures most of its organisations implement (then the most evidence); ``top_places``
starts with the finest place all its located organisations lie in (their county, city or
province), followed by the places they are located in, most organisations first.

Louvain runs per connected component of that graph, and each component's grouping is kept
in ``work/communities.json`` under a hash of the component (its nodes with type and name,
its edges with type and weight, and this file's code): a rebuild runs Louvain only for the
components that changed (a star, one node linked to all the others, is one group without
it). Components are found by union-find over the edge rows (read from the index in one
pass as plain rows), with one small networkx graph per component, never one of everything.
The same input gives the same rows in the same order with the same ids.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import Counter, defaultdict
from pathlib import Path

COLS = ["community_id", "n_members", "n_organizations", "n_places", "n_people", "n_measures",
        "top_measures", "top_places", "top_organizations", "summary", "member_ids"]
LINKS = {"MEMBER_OF": 1.0, "PART_OF": 1.0}  # the edges communities are found in
MEMBERS = ("Organization", "Person")
SEED = 11
CACHE_FILE = "communities.json"
TOP = 3
# what the last call did: components (two members or more), stars among them (one group
# without Louvain), components grouped by Louvain, and components whose groups were reused
LAST_RUN: dict[str, int] = {}


class Inputs:
    """What communities are found in and described by, as plain rows:

    - ``orgs``: organisation id -> (name, adcode or "")
    - ``people``: person id -> name
    - ``links``: (source, target, type, weight) of MEMBER_OF and PART_OF edges between them
    - ``implements``: organisation id -> [(measure id, measure name, weight)]
    - ``located``: organisation id -> [place id]
    - ``places``: place id -> (name, parent place id or "")
    """

    def __init__(self) -> None:
        self.orgs: dict[str, tuple[str, str]] = {}
        self.people: dict[str, str] = {}
        self.links: list[tuple[str, str, str, float]] = []
        self.implements: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
        self.located: dict[str, list[str]] = defaultdict(list)
        self.places: dict[str, tuple[str, str]] = {}
        self.chains: dict[str, tuple[str, ...]] = {}  # place -> it and the places above it

    @classmethod
    def from_index(cls, db) -> Inputs:
        """From an output set's index (SQLite ``nodes`` and ``edges``): one scan of each,
        no join (a join looks a node up for every edge row)."""
        x = cls()
        people: dict[str, str] = {}
        measures: dict[str, str] = {}
        for nid, typ, name, attr in db.execute(
                """SELECT id, type, name, CASE type WHEN 'Organization' THEN json_extract(attrs, '$.adcode')
                                                  WHEN 'Place' THEN json_extract(attrs, '$.parent_id') END
                   FROM nodes WHERE type IN ('Organization', 'Person', 'Place', 'Measure')"""):
            if typ == "Person":
                people[nid] = name or nid
            elif typ == "Organization":
                x.orgs[nid] = (name or nid, str(attr or ""))
            elif typ == "Place":
                x.places[nid] = (name or nid, str(attr or ""))
            else:
                measures[nid] = name or nid
        same = {o: o for o in x.orgs}  # one string per organisation, however many links it has
        located = []
        types = ", ".join(f"'{t}'" for t in (*LINKS, "IMPLEMENTS", "LOCATED_IN"))
        for src, dst, typ, weight in db.execute(f"SELECT src, dst, typ, weight FROM edges WHERE typ IN ({types})"):
            if typ == "IMPLEMENTS":
                if src in x.orgs and dst in measures:
                    x.implements[same[src]].append((dst, measures[dst], weight))
            elif typ == "LOCATED_IN":
                if dst in x.places:
                    located.append((same.get(src, src), dst))
            else:
                if src in people:
                    x.people[src] = people[src]
                x.links.append((same.get(src, src), same.get(dst, dst), typ, weight))
        x._locate(located)
        return x

    @classmethod
    def from_graph(cls, g) -> Inputs:
        """From a networkx graph of the knowledge graph (e.g. ``graph.graphml`` read back)."""
        x = cls()
        kind = {n: d.get("type") for n, d in g.nodes(data=True)}
        for n, d in g.nodes(data=True):
            if d.get("type") == "Organization":
                x.orgs[n] = (d.get("name") or d.get("label") or n, str(d.get("adcode") or ""))
            elif d.get("type") == "Place":
                x.places[n] = (d.get("name") or d.get("label") or n, str(d.get("parent_id") or ""))
        located = []
        for u, v, d in g.edges(data=True):
            typ = d.get("type", "")
            if typ in LINKS:
                if kind.get(u) == "Person":
                    x.people[u] = g.nodes[u].get("name") or g.nodes[u].get("label") or u
                x.links.append((u, v, typ, d.get("weight", 1)))
            elif typ == "IMPLEMENTS" and u in x.orgs and kind.get(v) == "Measure":
                x.implements[u].append((v, g.nodes[v].get("name") or g.nodes[v].get("label") or v, d.get("weight", 1)))
            elif typ == "LOCATED_IN" and kind.get(v) == "Place":
                located.append((u, v))
        x._locate(located)
        return x

    def _locate(self, located) -> None:
        """Organisations' places; a place's parent is the place it is LOCATED_IN (the lowest
        id), else its ``parent_id``."""
        up: dict[str, str] = {}
        for src, dst in located:
            if src in self.orgs:
                self.located[src].append(dst)
            elif src in self.places and (src not in up or dst < up[src]):
                up[src] = dst
        for p, dst in up.items():
            self.places[p] = (self.places[p][0], dst)


def province(adcode: str) -> str:
    """The province part (first two digits) of an adcode; "" when there is none."""
    return adcode[:2] if len(adcode) >= 2 and adcode[:2].isdigit() else ""


def provinces(x: Inputs) -> dict[str, str]:
    """Every member's province: an organisation's from its adcode, a person's the one most
    of their organisations have (the lowest code on a tie; "" when none has one)."""
    prov = {o: province(a) for o, (_, a) in x.orgs.items()}
    people = x.people
    votes: dict[str, set] = defaultdict(set)  # each organisation counted once
    for u, v, _, _ in x.links:
        if u in people:
            if v in prov:
                votes[u].add(v)
        elif v in people and u in prov:
            votes[v].add(u)
    for person in people:
        ps = [prov[o] for o in votes.get(person, ()) if prov[o]]
        if len(set(ps)) > 1:
            c = Counter(ps)
            prov[person] = min(c, key=lambda p: (-c[p], p))
        else:
            prov[person] = ps[0] if ps else ""
    return prov


def components(x: Inputs) -> list[tuple[list[str], list[tuple[str, str, str, float]]]]:
    """The connected components of two members or more of the community graph (links
    inside one province only), each as (sorted node ids, sorted edges), in the order of
    their first node id: union-find over the links, no graph of everything."""
    prov = provinces(x)
    parent: dict[str, str] = {}

    def root(n: str) -> str:
        r = n
        while (up := parent.get(r)) is not None:
            r = up
        while n != r:  # path compression
            parent[n], n = r, parent[n]
        return r
    kept = []
    for e in x.links:
        u, v = e[0], e[1]
        pu, pv = prov.get(u), prov.get(v)
        if pu is None or pu != pv or u == v:
            continue
        kept.append(e)
        ru, rv = root(u), root(v)
        if ru != rv:
            if ru < rv:
                parent[rv] = ru
            else:
                parent[ru] = rv
    nodes: dict[str, set] = defaultdict(set)
    edges: dict[str, list] = defaultdict(list)
    for e in kept:
        r = root(e[0])
        edges[r].append(e)
        nodes[r].update((e[0], e[1]))
    return [(sorted(nodes[r]), sorted(edges[r])) for r in sorted(nodes)]


def code_hash() -> bytes:
    """A hash of this module's code: cached groupings found by other code are not reused."""
    return hashlib.sha256(Path(__file__).read_bytes()).digest()


def component_key(x: Inputs, nodes: list[str], edges: list, code: bytes) -> str:
    """The hash a component's grouping is kept under: its nodes with type and name, its
    edges with type and weight, and ``code`` (:func:`code_hash`)."""
    described = [(n, "Organization", x.orgs[n][0]) if n in x.orgs else (n, "Person", x.people.get(n, n)) for n in nodes]
    h = hashlib.sha256(code)
    h.update(json.dumps([described, edges], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:32]


def undirected(edges) -> dict[tuple[str, str], float]:
    """Edge weights of the undirected graph: weight x LINKS factor, both directions summed."""
    out: dict[tuple[str, str], float] = {}
    for u, v, typ, weight in edges:
        a, b = (u, v) if u < v else (v, u)
        out[(a, b)] = out.get((a, b), 0.0) + LINKS[typ] * float(weight or 1)
    return out


def louvain(nodes: list[str], weights: dict[tuple[str, str], float]) -> list[int]:
    """The group of each node (numbered by first appearance in ``nodes``); ``[]`` when the
    component is one group. Nodes and edges go in sorted, so that the seeded shuffles see
    the same order in every process."""
    import networkx as nx  # loaded only where a component is grouped
    h = nx.Graph()
    h.add_nodes_from(nodes)
    h.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    groups = nx.community.louvain_communities(h, weight="weight", seed=SEED)
    if len(groups) == 1:
        return []
    of = {n: i for i, grp in enumerate(groups) for n in grp}
    number: dict[int, int] = {}
    return [number.setdefault(of[n], len(number)) for n in nodes]


def star(nodes: list[str], weights: dict[tuple[str, str], float]) -> bool:
    """Whether one node is linked to every other and no others are linked (a pair too):
    Louvain always makes such a component one group (every other node gains by joining the
    centre's group; the whole star has modularity 0, every split less), so it is not run."""
    if len(weights) != len(nodes) - 1:
        return False
    degree = Counter(n for pair in weights for n in pair)
    return max(degree.values()) == len(nodes) - 1


class Grouping:
    """How the components are grouped: the groupings kept in ``cache`` (a folder) reused
    while a component is the same, Louvain run for the others; ``used`` the groupings of
    this run's components (stars aside), ``counts`` what was done."""

    def __init__(self, cache: Path | None = None):
        self.cache = cache
        self.kept = read_cache(cache)
        self.code = code_hash()
        self.used: dict[str, list[int]] = {}
        self.counts = {"components": 0, "stars": 0, "louvain": 0, "reused": 0}

    def rows(self, x: Inputs, nodes: list[str], edges: list) -> list[dict]:
        """The rows (but their ids) of one component's communities."""
        weights = undirected(edges)
        self.counts["components"] += 1
        if star(nodes, weights):
            labels: list[int] = []  # one group, as Louvain would make it; no need to keep it
            self.counts["stars"] += 1
        else:
            key = component_key(x, nodes, edges, self.code)
            if key in self.kept and len(self.kept[key]) in (0, len(nodes)):
                labels = self.kept[key]
                self.counts["reused"] += 1
            else:
                labels = louvain(nodes, weights)
                self.counts["louvain"] += 1
            self.used[key] = labels
        groups: dict[int, list[str]] = defaultdict(list)
        for i, n in enumerate(nodes):
            groups[labels[i] if labels else 0].append(n)
        return [row for members in groups.values() for row in (describe(x, members, weights),) if row]

    def save(self, keep_others: bool = False) -> None:
        """The groupings kept for the next run: this run's (and, with ``keep_others``, those
        kept before, for the components this run did not look at)."""
        used = {**self.kept, **self.used} if keep_others else self.used
        if self.cache is not None and used != self.kept:
            write_cache(self.cache, used)
        LAST_RUN.clear()
        LAST_RUN.update(self.counts)


def numbered(rows: list[dict]) -> list[dict]:
    """The rows largest first (then by members), numbered c1, c2, ..., with COLS."""
    rows.sort(key=lambda r: (-r["n_members"], r["member_ids"]))
    for i, r in enumerate(rows, 1):
        r["community_id"] = f"c{i}"
    return [{c: r[c] for c in COLS} for r in rows]


def find_rows(x: Inputs, cache: Path | None = None, each=None) -> list[dict]:
    """One row per community (COLS), largest first; ``member_ids`` joined by ``|``. With
    ``cache`` (a folder), each component's grouping is taken from ``communities.json``
    while the component is the same, and the file then keeps this build's ones.
    ``each(nodes, rows)`` is given each component and its rows (before numbering)."""
    grouping = Grouping(cache)
    rows = []
    for nodes, edges in components(x):
        got = grouping.rows(x, nodes, edges)
        if each is not None:
            each(nodes, [dict(r) for r in got])
        rows += got
    grouping.save()
    return numbered(rows)


def find(g) -> list[dict]:
    """The rows of a networkx knowledge graph (no cache)."""
    return find_rows(Inputs.from_graph(g))


def from_index(db, cache: Path | None = None) -> list[dict]:
    """The rows of an output set's index; ``cache``: the build's work folder."""
    return find_rows(Inputs.from_index(db), cache)


def describe(x: Inputs, members: list[str], weights: dict[tuple[str, str], float]) -> dict | None:
    """A community's row but its id; None for a single node or a group without an organisation."""
    orgs = sorted(n for n in members if n in x.orgs)
    if len(members) < 2 or not orgs:
        return None
    degree: dict[str, int] = {}
    strength: dict[str, float] = {}
    if len(orgs) > 1:  # the most linked inside the group first
        inside = set(members)
        for (a, b), w in weights.items():
            if a in inside and b in inside:
                for n in (a, b):
                    degree[n] = degree.get(n, 0) + 1
                    strength[n] = strength.get(n, 0.0) + w
    ranked = sorted(orgs, key=lambda n: (-degree.get(n, 0), -strength.get(n, 0.0), x.orgs[n][0], n))
    top_orgs = list(dict.fromkeys(x.orgs[n][0] for n in ranked))[:TOP]
    measures, places = top_measures(x, orgs), top_places(x, orgs)
    n_people = len(members) - len(orgs)
    n_measures = len({m for o in orgs for m, _, _ in x.implements.get(o, ())})
    n_places = len({p for o in orgs for p in x.located.get(o, ())})
    return {"n_members": len(members), "n_organizations": len(orgs), "n_places": n_places, "n_people": n_people,
            "n_measures": n_measures, "top_measures": "|".join(measures), "top_places": "|".join(places),
            "top_organizations": "|".join(top_orgs),
            "summary": summary(places, top_orgs, measures, len(orgs), n_people),
            "member_ids": "|".join(sorted(members))}


def top_measures(x: Inputs, orgs: list[str]) -> list[str]:
    """The measures most of the organisations implement, then the most evidence."""
    if len(orgs) == 1:  # one organisation: its measures by evidence
        own = sorted(x.implements.get(orgs[0], ()), key=lambda m: (-float(m[2] or 1), m[1], m[0]))
        return list(dict.fromkeys(name for _, name, _ in own))[:TOP]
    by: dict[str, set] = defaultdict(set)
    weight: Counter = Counter()
    names: dict[str, str] = {}
    for o in orgs:
        for m, name, w in x.implements.get(o, ()):
            by[m].add(o)
            weight[m] += float(w or 1)
            names[m] = name
    ranked = sorted(by, key=lambda m: (-len(by[m]), -weight[m], names[m], m))
    return list(dict.fromkeys(names[m] for m in ranked))[:TOP]


def chain(x: Inputs, place: str) -> tuple[str, ...]:
    """The place and the places above it, finest first."""
    got = x.chains.get(place)
    if got is None:
        out, seen, p = [], set(), place
        while p and p not in seen and p in x.places:
            out.append(p)
            seen.add(p)
            p = x.places[p][1]
        got = x.chains[place] = tuple(out)
    return got


def top_places(x: Inputs, orgs: list[str]) -> list[str]:
    """The finest place every located organisation lies in, then the places they are
    located in, most organisations first (finer first on a tie)."""
    located = [o for o in orgs if x.located.get(o)]
    if not located:
        return []
    if len(located) == 1 and len(x.located[located[0]]) == 1:  # one organisation in one place
        p = x.located[located[0]][0]
        return [x.places.get(p, (p,))[0]]
    common: set | None = None
    count: Counter = Counter()
    for o in located:
        under = {a for p in x.located[o] for a in chain(x, p)}
        common = under if common is None else common & under
        count.update(set(x.located[o]))
    depth = {p: len(chain(x, p)) for p in set(count) | (common or set())}
    first = sorted(common or (), key=lambda p: (-depth[p], p))[:1]
    ranked = first + sorted((p for p in count if p not in first),
                            key=lambda p: (-count[p], -depth[p], x.places.get(p, (p,))[0], p))
    return list(dict.fromkeys(x.places.get(p, (p,))[0] for p in ranked))[:TOP]


def summary(places: list[str], orgs: list[str], measures: list[str], n_orgs: int, n_people: int) -> str:
    """The one-line description of a community (where, who, what they implement)."""
    where = "、".join(places[:2]) or "（地点不详）"
    who = "、".join(orgs[:2])
    more = f"等{n_orgs}个机构" if n_orgs > 2 else ""
    parts = [f"{where}：{who}{more}" if who else where]
    if measures:
        parts.append("措施 " + "、".join(measures))
    if n_people:
        parts.append(f"{n_people}人")
    return "；".join(parts)


def read_cache(cache: Path | None) -> dict[str, list[int]]:
    if cache is None:
        return {}
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        kept = json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))
        if isinstance(kept.get("components"), dict):
            return kept["components"]
    return {}


def write_cache(cache: Path, used: dict[str, list[int]]) -> None:
    """Atomically; a cache that cannot be written is only slower next time."""
    path = cache / CACHE_FILE
    with contextlib.suppress(OSError):
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"components": dict(sorted(used.items()))}, separators=(",", ":")),
                       encoding="utf-8")
        os.replace(tmp, path)
