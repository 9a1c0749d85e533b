"""Communities: organisations and people linked by MEMBER_OF and PART_OF, never across a
province border; measures and places describe them; Louvain per connected component, each
component's groups kept under a hash of it and reused while it is the same."""
from __future__ import annotations

import json
import random
import sqlite3

import networkx as nx
import pytest

from pipeline import communities

# (id, type, name, attrs)
NODES = [
    ("place:370000", "Place", "山东省", {"adcode": "370000", "level": "province"}),
    ("place:370100", "Place", "济南市", {"adcode": "370100", "level": "city", "parent_id": "place:370000"}),
    ("place:370104", "Place", "槐荫区", {"adcode": "370104", "level": "county", "parent_id": "place:370100"}),
    ("place:320000", "Place", "江苏省", {"adcode": "320000", "level": "province"}),
    ("place:320300", "Place", "徐州市", {"adcode": "320300", "level": "city", "parent_id": "place:320000"}),
    ("place:320371", "Place", "徐州经济技术开发区", {"adcode": "320371", "level": "county", "parent_id": "place:320300"}),
    ("org:370104:槐荫区教育局", "Organization", "槐荫区教体局", {"adcode": "370104", "kind": "bureau"}),
    ("org:370100:济南市教育局", "Organization", "济南市教育局", {"adcode": "370100", "kind": "bureau"}),
    ("org:320371:徐州经济技术开发区教体局", "Organization", "徐州经济技术开发区教体局", {"adcode": "320371", "kind": "bureau"}),
    ("org:320371:开发区高级中学", "Organization", "开发区高级中学", {"adcode": "320371", "kind": "school"}),
    ("person:槐荫区教育局:晋萍", "Person", "晋萍", {"roles": "成教科科长"}),
    ("person::李明", "Person", "李明", {"roles": "局长"}),
    ("person:徐州经济技术开发区教体局:王强", "Person", "王强", {"roles": "局长"}),
    ("person:开发区高级中学:刘芳", "Person", "刘芳", {"roles": "校长"}),
    ("measure:停课不停学", "Measure", "停课不停学", {}),
    ("measure:空中课堂", "Measure", "空中课堂", {}),
]
# (source, target, type, weight)
EDGES = [
    ("person:槐荫区教育局:晋萍", "org:370104:槐荫区教育局", "MEMBER_OF", 2),
    ("person:槐荫区教育局:晋萍", "org:370100:济南市教育局", "MEMBER_OF", 1),
    ("org:370104:槐荫区教育局", "org:370100:济南市教育局", "PART_OF", 1),
    # 李明 works for two Shandong bureaus and once for a Jiangsu one: he is of Shandong
    ("person::李明", "org:370104:槐荫区教育局", "MEMBER_OF", 1),
    ("person::李明", "org:370100:济南市教育局", "MEMBER_OF", 1),
    ("person::李明", "org:320371:徐州经济技术开发区教体局", "MEMBER_OF", 3),
    ("person:徐州经济技术开发区教体局:王强", "org:320371:徐州经济技术开发区教体局", "MEMBER_OF", 1),
    ("org:320371:开发区高级中学", "org:320371:徐州经济技术开发区教体局", "PART_OF", 1),
    ("person:开发区高级中学:刘芳", "org:320371:开发区高级中学", "MEMBER_OF", 1),
    # both provinces' bureaus implement 停课不停学
    ("org:370104:槐荫区教育局", "measure:停课不停学", "IMPLEMENTS", 2),
    ("org:370100:济南市教育局", "measure:停课不停学", "IMPLEMENTS", 1),
    ("org:370104:槐荫区教育局", "measure:空中课堂", "IMPLEMENTS", 5),
    ("org:320371:徐州经济技术开发区教体局", "measure:停课不停学", "IMPLEMENTS", 1),
    ("org:370104:槐荫区教育局", "place:370104", "LOCATED_IN", 1),
    ("org:370100:济南市教育局", "place:370100", "LOCATED_IN", 1),
    ("org:320371:徐州经济技术开发区教体局", "place:320371", "LOCATED_IN", 1),
    ("org:320371:开发区高级中学", "place:320371", "LOCATED_IN", 1),
    ("place:370104", "place:370100", "LOCATED_IN", 1),
    ("place:370100", "place:370000", "LOCATED_IN", 1),
]
SHANDONG = {"org:370104:槐荫区教育局", "org:370100:济南市教育局", "person:槐荫区教育局:晋萍", "person::李明"}
JIANGSU = {"org:320371:徐州经济技术开发区教体局", "org:320371:开发区高级中学",
           "person:徐州经济技术开发区教体局:王强", "person:开发区高级中学:刘芳"}


def index(nodes, edges):
    """An in-memory index with the output set's ``nodes`` and ``edges`` tables."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE nodes(id TEXT PRIMARY KEY, type TEXT, name TEXT, attrs TEXT, n_reports INTEGER, n_mentions INTEGER)")
    db.execute("CREATE TABLE edges(src TEXT, dst TEXT, typ TEXT, weight INTEGER, first INTEGER, roles TEXT)")
    db.executemany("INSERT INTO nodes VALUES(?,?,?,?,1,1)",
                   [(n, t, name, json.dumps({"type": t, "name": name, **a}, ensure_ascii=False)) for n, t, name, a in nodes])
    db.executemany("INSERT INTO edges VALUES(?,?,?,?,0,'')", edges)
    return db


def graph(nodes, edges) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n, t, name, a in nodes:
        g.add_node(n, type=t, name=name, label=name, **a)
    for u, v, t, w in edges:
        g.add_edge(u, v, type=t, weight=w)
    return g


def by_members(rows) -> dict[frozenset, dict]:
    return {frozenset(r["member_ids"].split("|")): r for r in rows}


def test_two_provinces_never_share_a_community_and_measures_only_describe():
    rows = communities.from_index(index(NODES, EDGES))
    assert list(rows[0]) == communities.COLS
    groups = [set(r["member_ids"].split("|")) for r in rows]
    for g in groups:
        assert not (g & SHANDONG and g & JIANGSU), g
        assert all(m.startswith(("org:", "person:")) for m in g)  # no measure, no place
    assert set().union(*groups) == SHANDONG | JIANGSU
    # 李明's province is Shandong's (two of his three organisations): his Jiangsu link is cut
    sd = by_members(rows)[frozenset(SHANDONG)]
    # 停课不停学 is implemented on both sides: no member anywhere, named by both sides' rows
    assert all("measure:停课不停学" not in g for g in groups)
    assert sd["top_measures"] == "停课不停学|空中课堂"  # both its bureaus implement it, 空中课堂 one (more evidence)
    js = next(r for r in rows if "org:320371:徐州经济技术开发区教体局" in r["member_ids"])
    assert js["top_measures"] == "停课不停学"
    assert (sd["n_organizations"], sd["n_people"], sd["n_measures"], sd["n_places"]) == (2, 2, 2, 2)
    # the finest place both bureaus lie in first, then where they are
    assert sd["top_places"] == "济南市|槐荫区"
    assert sd["summary"] == "济南市、槐荫区：槐荫区教体局、济南市教育局；措施 停课不停学、空中课堂；2人"


def test_a_person_between_provinces_goes_where_most_of_their_organisations_are():
    x = communities.Inputs.from_index(index(NODES, EDGES))
    prov = communities.provinces(x)
    assert prov["person::李明"] == "37" and prov["person:开发区高级中学:刘芳"] == "32"
    assert prov["org:320371:开发区高级中学"] == "32"


def test_the_index_and_the_graph_give_the_same_rows():
    assert communities.from_index(index(NODES, EDGES)) == communities.find(graph(NODES, EDGES))


def test_identical_input_gives_identical_rows(tmp_path):
    first = communities.from_index(index(NODES, EDGES))
    shuffled = EDGES[:]
    random.Random(3).shuffle(shuffled)
    assert communities.from_index(index(NODES[::-1], shuffled)) == first
    assert communities.from_index(index(NODES, EDGES), tmp_path) == first  # found, kept
    assert communities.from_index(index(NODES, EDGES), tmp_path) == first  # reused
    assert [r["community_id"] for r in first] == [f"c{i}" for i in range(1, len(first) + 1)]


def test_a_change_in_one_component_regroups_it_alone(tmp_path, monkeypatch):
    rows = communities.from_index(index(NODES, EDGES), tmp_path)
    assert communities.LAST_RUN["louvain"] == 2  # both components are more than a star
    # a new teacher at the Jiangsu school: only that component is grouped again
    nodes = NODES + [("person:开发区高级中学:赵敏", "Person", "赵敏", {"roles": "教师"})]
    edges = EDGES + [("person:开发区高级中学:赵敏", "org:320371:开发区高级中学", "MEMBER_OF", 1)]
    grouped = []
    real = communities.louvain

    def spy(nodes, weights):
        grouped.append(set(nodes))
        return real(nodes, weights)
    monkeypatch.setattr(communities, "louvain", spy)
    again = communities.from_index(index(nodes, edges), tmp_path)
    assert grouped == [JIANGSU | {"person:开发区高级中学:赵敏"}]
    assert communities.LAST_RUN["reused"] == 1 and communities.LAST_RUN["louvain"] == 1
    strip = lambda rs: {k: {c: v for c, v in r.items() if c != "community_id"} for k, r in by_members(rs).items()}
    before, after = strip(rows), strip(again)
    shandong = {k for k in before if k & SHANDONG}
    assert shandong and {k: before[k] for k in shandong} == {k: after[k] for k in shandong}
    assert any("person:开发区高级中学:赵敏" in k for k in after)
    # and what the cache gave is what a build without it finds
    monkeypatch.undo()
    assert communities.from_index(index(nodes, edges)) == again


def test_a_renamed_member_is_a_changed_component(tmp_path):
    communities.from_index(index(NODES, EDGES), tmp_path)
    renamed = [(n, t, "王刚" if name == "王强" else name, a) for n, t, name, a in NODES]
    communities.from_index(index(renamed, EDGES), tmp_path)
    assert communities.LAST_RUN["reused"] == 1 and communities.LAST_RUN["louvain"] == 1


@pytest.mark.parametrize("size", [3, 4, 7, 20])
def test_a_star_is_one_group_as_louvain_makes_it(size):
    rng = random.Random(size)
    centre = "org:370104:槐荫区教育局"
    leaves = [f"person:槐荫区教育局:教师{i:02d}" for i in range(size - 1)]
    weights = {tuple(sorted((centre, leaf))): float(rng.randint(1, 9)) for leaf in leaves}
    nodes = sorted([centre, *leaves])
    assert communities.star(nodes, weights)
    assert communities.louvain(nodes, weights) == []  # Louvain itself: one group
    path = dict(list(weights.items())[:-1])
    path[tuple(sorted((leaves[0], leaves[-1])))] = 1.0
    assert not communities.star(nodes, path) or size == 3


def test_what_has_no_province_is_a_bucket_of_its_own():
    nodes = NODES + [("org::新华社", "Organization", "新华社", {"kind": "media"}),
                     ("person::张华", "Person", "张华", {"roles": "记者"}),
                     ("person::陈静", "Person", "陈静", {"roles": "记者"})]
    edges = EDGES + [("person::张华", "org::新华社", "MEMBER_OF", 1),
                     ("person::张华", "org:370104:槐荫区教育局", "MEMBER_OF", 1),
                     ("person::陈静", "org::新华社", "MEMBER_OF", 2)]
    x = communities.Inputs.from_index(index(nodes, edges))
    prov = communities.provinces(x)
    assert prov["org::新华社"] == "" and prov["person::陈静"] == ""
    assert prov["person::张华"] == "37"  # his one organisation with a province
    rows = by_members(communities.from_index(index(nodes, edges)))
    assert frozenset({"org::新华社", "person::陈静"}) in rows  # the agency and its own reporter
    assert rows[frozenset({"org::新华社", "person::陈静"})]["summary"] == "（地点不详）：新华社；1人"
    assert not any("person::张华" in k and "org::新华社" in k for k in rows)
