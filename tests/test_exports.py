"""The exports open right in the tools analysts use: GraphML for Gephi/Cytoscape (read back
with networkx and with igraph), CSVs for Excel (BOM, no live formulas), pandas through
pipeline.load with typed columns."""
from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict

import networkx as nx
import pandas as pd
import pytest

import pipeline
from pipeline import communities, csvio, graph as graph_mod, graphml

from .conftest import SEEDS


def test_edge_ids_are_unique_and_nodes_are_labelled_by_name(seed_build):
    import xml.etree.ElementTree as ET
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(seed_build / "graph.graphml").getroot()
    ids = [e.get("id") for e in root.iter(ns + "edge")]
    assert len(ids) > 400 and len(set(ids)) == len(ids)
    g = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    bureau = g.nodes["org:370104:槐荫区教育局"]
    assert bureau["label"] == "槐荫区教体局" and bureau["type"] == "Organization" and bureau["kind"] == "bureau"
    assert all(d["label"] == d["name"] for _, d in g.nodes(data=True))
    # the edge id says what it links, so it stays the same from build to build
    jin = next(n for n, d in g.nodes(data=True) if d["name"] == "晋萍")
    assert (jin, "org:370104:槐荫区教育局", f"{jin}|MEMBER_OF|org:370104:槐荫区教育局") in set(g.edges(keys=True))


def test_every_attribute_has_one_type_in_the_file(seed_build):
    import xml.etree.ElementTree as ET
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(seed_build / "graph.graphml").getroot()
    keys = [(k.get("for"), k.get("attr.name")) for k in root.iter(ns + "key")]
    assert len(keys) == len(set(keys))  # one declaration, hence one type, per attribute
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(ns + "key")}
    assert types[("node", "adcode")] == "string" and types[("node", "value")] == "double"
    assert types[("edge", "weight")] == "long" and types[("node", "approx")] == "boolean"
    g = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    seen = defaultdict(set)
    for _, d in g.nodes(data=True):
        for k, v in d.items():
            seen[k].add(type(v))
    assert seen["adcode"] == {str} and seen["value"] == {float} and seen["n_reports"] == {int}


def test_igraph_reads_the_graphml(seed_build):
    ig = pytest.importorskip("igraph")
    h = ig.Graph.Read_GraphML(str(seed_build / "graph.graphml"))
    g = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    assert h.vcount() == g.number_of_nodes() and h.ecount() == g.number_of_edges()
    v = h.vs.find(id="org:370104:槐荫区教育局")
    assert v["label"] == "槐荫区教体局" and v["type"] == "Organization"
    place = h.vs.find(id="place:370104")
    assert place["adcode"] == "370104"  # text, as everywhere
    # (igraph 1.0 does not read GraphML edge ids back; their uniqueness is checked above)
    jin = next(x for x in h.vs if x["name"] == "晋萍")
    member = [e for e in h.es.select(_source=jin.index, _target=v.index)]
    assert [e["type"] for e in member] == ["MEMBER_OF"] and member[0]["role"] == "成教科科长"
    assert {e["type"] for e in h.es} >= {"MENTIONS", "MEMBER_OF", "IMPLEMENTS", "LOCATED_IN"}


def test_awkward_ids_and_text_survive_both_readers(tmp_path):
    ig = pytest.importorskip("igraph")
    g = nx.MultiDiGraph()
    odd = graph_mod.node_id('org:371524/刘集镇:中心小学#2?x=<&>"\'\x01')
    assert odd == "org:371524/刘集镇:中心小学#2?x=＜＆＞＂＇"
    g.add_node(odd, type="Organization", label="中心小学", name="中心小学")
    g.add_node("place:371524", type="Place", label="东阿县", name="东阿县", adcode="371524")
    taken: set[str] = set()
    g.add_edge(odd, "place:371524", key=graph_mod.edge_id(odd, "LOCATED_IN", "place:371524", taken),
               type="LOCATED_IN", weight=1)
    path = tmp_path / "g.graphml"
    path.write_bytes(graphml.graphml_bytes(g))
    back = nx.read_graphml(path, force_multigraph=True)
    assert odd in back and back.nodes[odd]["label"] == "中心小学"
    h = ig.Graph.Read_GraphML(str(path))
    assert h.vs[h.es[0].source]["id"] == odd and h.es[0]["type"] == "LOCATED_IN"


def test_an_edge_id_clash_gets_a_suffix():
    taken: set[str] = set()
    a = graph_mod.edge_id("a|X", "T", "b", taken)
    b = graph_mod.edge_id("a", "X|T", "b", taken)  # the same text from other parts
    assert a == "a|X|T|b" and b == "a|X|T|b~2"


def test_csv_cells_cannot_become_formulas_and_read_back_exactly():
    rows = [{"a": "=HYPERLINK(\"http://x\",\"点我\")", "b": "-3", "c": "+86 电话"},
            {"a": "@SUM(A1)", "b": "'已有引号", "c": "-不是数字"},
            {"a": "普通文字", "b": "0.5", "c": ""}]
    text = csvio.to_csv(rows, ["a", "b", "c"])
    assert text.startswith("\ufeff")
    cells = list(csv.reader(io.StringIO(text[1:])))
    assert cells[1] == ["'=HYPERLINK(\"http://x\",\"点我\")", "-3", "'+86 电话"]
    assert cells[2] == ["'@SUM(A1)", "''已有引号", "'-不是数字"]
    assert cells[3] == ["普通文字", "0.5", ""]
    assert [[csvio.restore(c) for c in row] for row in cells[1:]] == [[r["a"], r["b"], r["c"]] for r in rows]


def test_a_formula_in_a_report_title_is_not_run(tmp_path):
    from pipeline import build
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil.txt").write_text("=HYPERLINK(\"http://example.invalid\",\"点我\")\n\n"
                                  "2020年2月10日，槐荫区教体局召开会议，部署停课不停学工作。", encoding="utf-8")
    out = tmp_path / "out"
    build.run(src, out, workers=1, progress=False)
    raw = (out / "tables" / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    for name in ("documents", "mentions", "entities", "claims", "relations"):
        with open(out / "tables" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not cell[:1] in ("=", "+", "@") and not (cell[:1] == "-" and not cell[1:].replace(".", "").isdigit()), cell
    assert "\n" + 'evil,"\'=HYPERLINK(' in raw.decode("utf-8-sig")  # shown as text
    title = pipeline.load(out).documents.set_index("doc_id").loc["evil", "title"]
    assert title.startswith("=HYPERLINK(")  # and read back exactly


def test_load_gives_typed_frames(seed_build):
    out = pipeline.load(seed_build)
    ent = out.entities
    assert ent["adcode"].dtype == "string" and ent["n_reports"].dtype == "Int64"
    assert ent.set_index("entity_id").loc["place:370104", "adcode"] == "370104"
    assert out.claims["value"].dtype == "Float64" and out.claims["approx"].dtype == "boolean"
    assert out.mentions["start"].dtype == "Int64" and out.documents["n_chars"].dtype == "Int64"
    # sentences are the cleaned text between the offsets, whatever the CSV had to escape
    for r in out.relations.head(50).itertuples():
        assert out.cleaned(r.doc_id)[r.start:r.end] == r.sentence
    assert isinstance(out.graph, nx.MultiDiGraph) and "org:370104:槐荫区教育局" in out.graph
    assert not out.communities.empty


def test_plain_pandas_reads_adcode_as_text_with_the_documented_dtype(seed_build):
    df = pd.read_csv(seed_build / "tables" / "entities.csv", dtype={"adcode": str})
    assert "370104" in set(df["adcode"].dropna())
    assert df.columns[0] == "entity_id"  # the BOM is not part of the first column's name


def test_communities_group_organisations_with_their_people(seed_build):
    out = pipeline.load(seed_build)
    com = out.communities
    assert list(com.columns) == communities.COLS
    members = {r.community_id: set(r.member_ids.split("|")) for r in com.itertuples()}
    home = [c for c, m in members.items() if "org:370104:槐荫区教育局" in m]
    assert len(home) == 1
    group = members[home[0]]
    jin = next(n for n, d in out.graph.nodes(data=True) if d["name"] == "晋萍")
    assert jin in group  # its office head
    kinds = {n: d["type"] for n, d in out.graph.nodes(data=True)}
    assert all(kinds[m] in ("Organization", "Person") for ms in members.values() for m in ms)
    row = com.set_index("community_id").loc[home[0]]
    # its district and its measures describe it
    assert row["top_places"] == "槐荫区" and "日报和零报告制度" in row["top_measures"].split("|")
    assert row["summary"].startswith("槐荫区：槐荫区教体局") and row["n_organizations"] >= 1
    # every entity is in at most one community
    seen = Counter(m for ms in members.values() for m in ms)
    assert max(seen.values()) == 1


def test_communities_do_not_change_from_run_to_run(seed_build):
    """Louvain is seeded and sees nodes in sorted order: the same groups in every process,
    whatever its string hashing (PYTHONHASHSEED) does to set order."""
    import os
    import subprocess
    import sys
    code = ("import json, sys, networkx as nx; from pipeline import communities; "
            "g = nx.read_graphml(sys.argv[1], force_multigraph=True); print(json.dumps(communities.find(g)))")
    runs = [subprocess.run([sys.executable, "-c", code, str(seed_build / "graph.graphml")], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300) for seed in ("1", "2")]
    assert runs[0].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and len(runs[0].stdout) > 100
