"""The knowledge graph of the seeds: relations with roles, the place hierarchy, one node
per real entity, evidence for every fact, and the analyst's inspection commands."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from pipeline import build, inspect

from .conftest import RAW, ROOT, SEEDS


def node_by_name(graph, name: str, label: str | None = None) -> str:
    hits = [n for n, d in graph.nodes(data=True)
            if (d.get("name") == name or name in str(d.get("aliases", "")).split("|"))
            and (label is None or d["type"] == label)]
    assert len(hits) == 1, (name, hits)
    return hits[0]


def edges(graph, src=None, dst=None, typ=None):
    return [(u, v, d) for u, v, d in graph.edges(data=True)
            if (src is None or u == src) and (dst is None or v == dst) and (typ is None or d["type"] == typ)]


def test_roles_of_the_head_of_a_school(graph):
    yang = node_by_name(graph, "杨洪亮", "Person")
    school = node_by_name(graph, "东阿县刘集镇中心小学", "Organization")
    es = edges(graph, yang, school, "MEMBER_OF")
    assert len(es) == 1 and es[0][2]["role"] == "校长"
    # the party post belongs to the school's branch (ANNOTATION.md, Relations)
    branch = node_by_name(graph, "刘集镇中心小学党支部", "Organization")
    assert edges(graph, yang, branch, "MEMBER_OF")[0][2]["role"] == "党支部书记"


def test_an_office_head_belongs_to_the_bureau(graph):
    jin = node_by_name(graph, "晋萍", "Person")
    bureau = node_by_name(graph, "槐荫区教体局", "Organization")
    assert edges(graph, jin, bureau, "MEMBER_OF")[0][2]["role"] == "成教科科长"
    liu = node_by_name(graph, "刘晓旭", "Person")
    paper = node_by_name(graph, "齐鲁晚报·齐鲁壹点", "Organization")
    assert edges(graph, liu, paper, "MEMBER_OF")[0][2]["role"] == "记者"


def test_a_bureau_sits_in_district_city_and_province(graph):
    chain = [node_by_name(graph, "槐荫区教体局", "Organization")]
    for _ in range(3):
        up = edges(graph, chain[-1], typ="LOCATED_IN")
        assert len(up) == 1
        chain.append(up[0][1])
    assert [graph.nodes[n]["name"] for n in chain[1:]] == ["槐荫区", "济南市", "山东省"]
    assert [graph.nodes[n].get("adcode") for n in chain[1:]] == ["370104", "370100", "370000"]
    assert not edges(graph, chain[-1], typ="LOCATED_IN")  # the province is the top


def test_stop_classes_not_study_is_implemented_where_a_sentence_names_the_actor(graph):
    measure = node_by_name(graph, "停课不停学", "Measure")
    reports = {u for u, v, d in edges(graph, dst=measure, typ="MENTIONS")}
    assert len(reports) >= 3
    imp = edges(graph, dst=measure, typ="IMPLEMENTS")
    actors = {graph.nodes[u]["name"] for u, v, d in imp}
    assert "徐州经济技术开发区教体局" in actors   # 经开区教体局迅速启动政府兜底关爱行动，全力护航停课不停学
    for u, v, d in imp:                          # no actor without a sentence that names it
        names = [graph.nodes[u]["name"]] + graph.nodes[u].get("aliases", "").split("|")
        assert any(n and n in d["sentence"] for n in names) or d.get("confidence") == "inferred"


def test_a_short_name_and_the_full_name_are_one_node(graph):
    assert node_by_name(graph, "锦小") == node_by_name(graph, "成都市锦官新城小学")
    assert node_by_name(graph, "锦小党支部") != node_by_name(graph, "锦小")
    assert node_by_name(graph, "经开区教体局") == node_by_name(graph, "徐州经济技术开发区教体局")


def test_the_same_short_name_in_two_counties_is_two_nodes(graph):
    zhongxiang = node_by_name(graph, "市实验小学", "Organization")
    donge = node_by_name(graph, "东阿县实验小学", "Organization")
    assert zhongxiang != donge
    where = lambda n: graph.nodes[edges(graph, n, typ="LOCATED_IN")[0][1]]["name"]
    assert (where(zhongxiang), where(donge)) == ("钟祥市", "东阿县")


def test_a_party_branch_is_part_of_its_school(graph):
    branch = node_by_name(graph, "锦小党支部", "Organization")
    school = node_by_name(graph, "锦小", "Organization")
    assert edges(graph, branch, school, "PART_OF")


def test_every_fact_has_evidence_in_the_cleaned_text(graph, tables, cleaned):
    for u, v, d in graph.edges(data=True):
        if d["type"] == "MENTIONS":
            continue
        text = cleaned(d["doc_id"])
        sent = d.get("sentence", "")
        assert text[d["start"]:d["end"]] == sent, (u, v, d["type"])
    for r in tables["relations"]:
        text = cleaned(r["doc_id"])
        assert text[int(r["start"]):int(r["end"])] == r["sentence"]
    for r in tables["claims"]:
        assert r["sentence"] in cleaned(r["doc_id"]) and r["text"] in r["sentence"]


def test_weights_count_the_pieces_of_evidence(graph, tables):
    from collections import Counter
    n = Counter((r["source_id"], r["target_id"], r["type"]) for r in tables["relations"])
    for u, v, d in graph.edges(data=True):
        if d["type"] != "MENTIONS":
            assert d["weight"] == n[(u, v, d["type"])]


def test_node_ids_are_stable_when_reports_are_added(tmp_path, graph):
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    (src / "extra.txt").write_text("2021年5月6日，槐荫区教体局召开会议，部署停课不停学工作。局长李明出席。", encoding="utf-8")
    out = tmp_path / "out"
    build.run(src, out, workers=1, progress=False)
    import networkx as nx
    bigger = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert set(graph.nodes) - {n for n in graph.nodes if n.startswith("claim:")} <= set(bigger.nodes)
    bureau = node_by_name(graph, "槐荫区教体局")
    assert bigger.nodes[bureau]["n_reports"] == 2  # the new report names the same bureau


def test_inspect_shows_links_with_their_sentences(seed_build, capsys):
    assert inspect.main_inspect("槐荫区教体局", seed_build, "text", 1) == 0
    out = capsys.readouterr().out
    assert "山东省 > 济南市 > 槐荫区" in out
    for part in ("IMPLEMENTS", "停课不停学", "MEMBER_OF", "晋萍", "成教科科长", "ABOUT", "56名", "LOCATED_IN"):
        assert part in out
    assert "槐荫区教体局从机关干部中选派56名党员干部" in out  # an evidence sentence


def test_inspect_as_json_and_closest_matches(seed_build, capsys):
    assert inspect.main_inspect("锦小", seed_build, "json", 5) == 0
    data = json.loads(capsys.readouterr().out)
    m = data["matches"][0]
    assert m["name"] == "成都市锦官新城小学" and "锦小" in m["aliases"]
    assert any(l["type"] == "IMPLEMENTS" and l["name"] == "云家访" for l in m["links"])
    assert inspect.main_inspect("槐荫区教育局党组", seed_build, "text", 1) == 1
    assert "Closest" in capsys.readouterr().err


def test_measures_table(seed_build):
    df = inspect.measures_table(seed_build)
    row = df[(df.measure == "停课不停学") & (df.implemented_by == "徐州经济技术开发区教体局")].iloc[0]
    assert row.reports == 1 and row.first_date == "2020-03-11"  # the report's publication date
    row = df[(df.measure == "日报和零报告制度") & (df.implemented_by == "槐荫区教体局")].iloc[0]
    assert row.first_date == "2020-01-22"  # the date written in the evidence sentence
    assert set(df[df.measure == "停课不停学"].implemented_by) <= {"徐州经济技术开发区教体局", "槐荫区教体局",
                                                             "成都市锦官新城小学", "广西北流市教育局", "市教育局",
                                                             "县教育局", "朝天区教科局"}


def test_measures_table_names_what_a_branch_implementer_is_part_of(seed_build):
    # 锦小党支部 launches “云调查”: the branch implements it, and the table says whose branch
    # it is, so a school's measures are found through its units
    df = inspect.measures_table(seed_build)
    rows = df[df.implemented_by == "锦小党支部"]
    assert len(rows) >= 1 and set(rows.part_of) == {"成都市锦官新城小学"}
    assert (df[df.implemented_by == "槐荫区教体局"].part_of == "").all()    # a bureau is no one's unit here


def test_the_cli_inspects_a_build(seed_build):
    res = subprocess.run([sys.executable, "-m", "pipeline", "inspect", "杨洪亮", "--out", str(seed_build)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and "党支部书记" in res.stdout and "东阿县刘集镇中心小学" in res.stdout
