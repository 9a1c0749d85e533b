"""Communities: groups of organisations and places that share measures and people.

The graph of organisations, places, people and measures, linked by what the reports say
about them (IMPLEMENTS, MEMBER_OF, PART_OF, LOCATED_IN; each edge weighted by its pieces of
evidence), split by networkx's Louvain method with a fixed seed: the same graph always
gives the same groups. Each group gets a one-line summary from its most linked measures and
places and its organisations (counts, no language model). Groups of one organisation or
place alone are not listed.
"""
from __future__ import annotations

import networkx as nx

COLS = ["community_id", "n_members", "n_organizations", "n_places", "n_people", "n_measures",
        "top_measures", "top_places", "top_organizations", "summary", "member_ids"]
KINDS = ("Organization", "Place", "Person", "Measure")
LINKS = {"IMPLEMENTS": 1.0, "MEMBER_OF": 1.0, "PART_OF": 1.0, "LOCATED_IN": 0.5}
SEED = 11


def entity_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected weighted graph the communities are found in (nodes in sorted order,
    so that Louvain's seeded shuffles see the same order every time)."""
    kinds = {n: (d["type"], d.get("name", n)) for n, d in g.nodes(data=True) if d.get("type") in KINDS}
    edges = sorted(((u, v, d.get("type", ""), d.get("weight", 1)) for u, v, d in g.edges(data=True)),
                   key=lambda e: (e[0], e[1], e[2]))
    return _weighted(kinds, edges)


def _weighted(kinds: dict[str, tuple[str, str]], edges) -> nx.Graph:
    h = nx.Graph()
    h.add_nodes_from(sorted(kinds))
    for u, v, typ, weight in edges:
        f = LINKS.get(typ)
        if f is None or u not in h or v not in h or u == v:
            continue
        w = f * float(weight or 1)
        h.add_edge(u, v, weight=h.get_edge_data(u, v, {"weight": 0.0})["weight"] + w)
    return h


def find(g: nx.MultiDiGraph) -> list[dict]:
    """One row per community (COLS), largest first; ``member_ids`` joined by ``|``."""
    kinds = {n: (d["type"], d.get("name", n)) for n, d in g.nodes(data=True) if d.get("type") in KINDS}
    edges = sorted(((u, v, d.get("type", ""), d.get("weight", 1)) for u, v, d in g.edges(data=True)),
                   key=lambda e: (e[0], e[1], e[2]))
    return find_in(kinds, edges)


def find_in(kinds: dict[str, tuple[str, str]], edges) -> list[dict]:
    """The same, from the (type, name) of the organisations, places, people and measures
    and the graph's edges as (source, target, type, weight), sorted."""
    h = _weighted(kinds, edges)
    h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0])
    if h.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(h, weight="weight", seed=SEED)
    rows = []
    for members in groups:
        by_kind = {k: sorted(n for n in members if kinds[n][0] == k) for k in KINDS}
        if not by_kind["Organization"] and not by_kind["Place"]:
            continue
        if len(members) < 2:
            continue
        inner = h.subgraph(members)

        def top(kind: str, k: int = 3) -> list[str]:
            # most linked inside the group: a measure by its adopters, a place by what lies
            # in it; then by the evidence on those links
            ranked = sorted(by_kind[kind], key=lambda n: (-inner.degree(n), -inner.degree(n, weight="weight"),
                                                          kinds[n][1], n))
            return list(dict.fromkeys(kinds[n][1] for n in ranked))[:k]
        measures, places, orgs = top("Measure"), top("Place"), top("Organization")
        rows.append({
            "n_members": len(members), "n_organizations": len(by_kind["Organization"]),
            "n_places": len(by_kind["Place"]), "n_people": len(by_kind["Person"]),
            "n_measures": len(by_kind["Measure"]), "top_measures": "|".join(measures),
            "top_places": "|".join(places), "top_organizations": "|".join(orgs),
            "summary": summary(places, orgs, measures, len(by_kind["Organization"]), len(by_kind["Person"])),
            "member_ids": "|".join(sorted(members)),
        })
    rows.sort(key=lambda r: (-r["n_members"], r["member_ids"]))
    for i, r in enumerate(rows, 1):
        r["community_id"] = f"c{i}"
    return rows


def summary(places: list[str], orgs: list[str], measures: list[str], n_orgs: int, n_people: int) -> str:
    where = "、".join(places[:2]) or "（地点不详）"
    who = "、".join(orgs[:2])
    more = f"等{n_orgs}个机构" if n_orgs > 2 else ""
    parts = [f"{where}：{who}{more}" if who else where]
    if measures:
        parts.append("措施 " + "、".join(measures))
    if n_people:
        parts.append(f"{n_people}人")
    return "；".join(parts)
