"""The explorer's files (without a browser: tests/test_browser.py drives Chromium) and the
comparison of two places or organisations."""
from __future__ import annotations

import filecmp
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

from pipeline.explore import compare, site as site_mod
from pipeline.explore.model import Model, slug

from .conftest import ROOT, SEEDS

BUREAU = "org:370104:槐荫区教育局"


def page_of(site, nid: str) -> str:
    return (site / "e" / f"{slug(nid)}.html").read_text(encoding="utf-8")


def search_data(site) -> dict:
    text = (site / "data" / "search.js").read_text(encoding="utf-8")
    assert text.startswith("window.KG_SEARCH = ") and text.rstrip().endswith(";")
    return json.loads(text[len("window.KG_SEARCH = "):].rstrip().rstrip(";"))


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        if tag == "link" and a.get("href"):
            self.refs.append(a["href"])
        if tag == "a" and a.get("href"):
            self.refs.append(a["href"])


def test_every_entity_is_searchable_by_any_alias_and_pinyin(site, tables):
    data = search_data(site)
    cols = data["columns"]
    rows = [dict(zip(cols, r)) for r in data["entities"]]
    bureau = next(r for r in rows if r["slug"] == slug(BUREAU))
    assert bureau["name"] == "槐荫区教体局" and "槐荫区教育系统" in bureau["aliases"].split("|")
    assert "huaiyinqujiaotiju" in bureau["pinyin"].split() and "hyqjtj" in bureau["pinyin"].split()
    assert bureau["place"] == "山东省 > 济南市 > 槐荫区"
    # the place filter: the bureau is under 济南市 and 山东省
    under = {data["places"][i][1] for i in bureau["places"]}
    assert under == {"山东省", "济南市", "槐荫区"}
    wanted = {r["entity_id"] for r in tables["entities"] if r["label"] in ("ORG", "PERSON", "PLACE", "MEASURE")}
    assert {r["slug"] for r in rows} == {slug(e) for e in wanted}


def test_the_entity_page_shows_links_with_evidence_and_the_report(site):
    html = page_of(site, BUREAU)
    assert "<h1 class=\"k-Organization\">槐荫区教体局</h1>" in html
    member = html[html.index('data-type="MEMBER_OF"'):]
    member = member[:member.index("</section>")]
    assert "晋萍" in member and "成教科科长" in member
    assert "成教科科长晋萍带领成教科第一时间督促全区228所民办学校立即停课" in member
    report = f'r/{slug(SEEDS["001"])}.html#o'
    assert report in member
    assert "山东省</a> &gt;" in html and "adcode 370104" in html
    graph = re.search(r"window\.KG_GRAPH = (\{.*?\});</script>", html).group(1)
    g = json.loads(graph)
    names = {n["label"] for n in g["nodes"]}
    assert {"槐荫区教体局", "晋萍", "日报和零报告制度", "槐荫区"} <= names
    assert all(e["source"] in {n["id"] for n in g["nodes"]} for e in g["edges"])


def test_the_report_page_highlights_mentions_by_label(site, seed_build):
    html = (site / "r" / f"{slug(SEEDS['001'])}.html").read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="entity" data-label="(\w+)"[^>]*>(?:<a [^>]*>)?([^<]*)', html)
    assert ("ORG", "槐荫区教体局") in marks and ("PERSON", "晋萍") in marks
    assert {lab for lab, _ in marks} >= {"ORG", "PERSON", "PLACE", "DATE", "NUMBER", "MEASURE"}
    # the text between the marks is the cleaned text
    cleaned = (seed_build / "tables" / "cleaned" / f"{SEEDS['001']}.txt").read_text(encoding="utf-8")
    body = re.search(r'<div class="text entities">(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r'<span class="label">\w+</span>', "", body)
    plain = re.sub(r"<[^>]+>", "", plain)
    import html as h
    assert h.unescape(plain) == cleaned
    assert "成教科科长" in html and "MEMBER_OF" in html  # its facts


def test_every_link_and_script_is_local_and_exists(site):
    files = [site / "index.html", site / "measures.html", site / "compare.html", site / "communities.html",
             site / "e" / f"{slug(BUREAU)}.html", site / "r" / f"{slug(SEEDS['002'] + '#2')}.html"]
    for f in files:
        p = Refs()
        p.feed(f.read_text(encoding="utf-8"))
        assert p.refs, f
        for ref in p.refs:
            assert not re.match(r"[a-z]+:", ref), (f.name, ref)  # no http:, no CDN
            path = ref.split("#")[0]
            if path:
                assert (f.parent / path).resolve().is_file(), (f.name, ref)
    assert (site / "assets" / "cytoscape.min.js").stat().st_size > 100_000


def test_measures_page_has_timelines_and_the_place_matrix(site):
    html = (site / "measures.html").read_text(encoding="utf-8")
    block = html[html.index(f'id="m-{slug("measure:停课不停学")}"'):]
    block = block[:block.index("</ol>")]
    adopters = re.findall(r'<a href="e/\w+\.html">([^<]+)</a>', block)
    assert "徐州经济技术开发区教体局" in adopters  # the organisation a sentence names as doing it
    dates = re.findall(r'<span class="when">([^<]+)</span>', block)
    assert dates == sorted(dates, key=lambda d: d.replace("?", "9999"))
    assert "2020-03-11" in dates  # 徐州: the report's publication date
    matrix = html[html.index('<table class="matrix">'):]
    assert '<td class="on" title="槐荫区教体局">1</td>' in matrix


def test_communities_page_lists_the_table(site, seed_build):
    html = (site / "communities.html").read_text(encoding="utf-8")
    from pipeline import csvio
    rows = csvio.read_rows(seed_build / "tables" / "communities.csv")
    for r in rows:
        assert f'id="{r["community_id"]}"' in html and r["summary"].replace('"', "&quot;") in html.replace("&#x27;", "'")
    # the places and measures of a community's organisations are shown with it
    home = next(r for r in rows if "org:370104:槐荫区教育局" in r["member_ids"].split("|"))
    item = html.split(f'id="{home["community_id"]}"')[1].split("</li>")[0]
    assert "槐荫区" in item.split('class="places"')[1] and "日报和零报告制度" in item.split('class="measures"')[1]


def test_the_site_is_the_same_for_the_same_build_and_drops_stale_pages(site, seed_build, tmp_path):
    again = tmp_path / "site"
    site_mod.build_site(seed_build, again)
    cmp = filecmp.dircmp(site, again)

    def same(c):
        assert not c.diff_files and not c.left_only and not c.right_only, (c.left, c.diff_files, c.left_only, c.right_only)
        for sub in c.subdirs.values():
            same(sub)
    same(cmp)
    stale = again / "e" / "0000000000000000.html"
    stale.write_text("an entity that is gone")
    site_mod.build_site(seed_build, again)
    assert not stale.exists()


def test_compare_two_bureaus(seed_build):
    m = Model(seed_build)
    a = m.profile(m.find("槐荫区教体局")[0])
    b = m.profile(m.find("经开区教体局")[0])  # an alias
    assert b["name"] == "徐州经济技术开发区教体局"
    assert "日报和零报告制度" in {x["name"] for x in a["measures"]}
    assert "停课不停学" in {x["name"] for x in b["measures"]}
    assert any(p["name"] == "晋萍" and p["roles"] == ["成教科科长"] for p in a["people"])
    assert any(c["text"] == "56名" and c["counted"] == "党员干部" for c in a["claims"])
    assert "2020-01-22" in a["dates"] and "2020-03-11" in b["dates"]
    text = compare.render(a, b)
    assert "日报和零报告制度" in text and "停课不停学" in text and "晋萍" in text and "王祥" in text


def test_a_place_is_compared_with_what_is_inside_it(seed_build):
    m = Model(seed_build)
    jinan = m.profile(m.find("济南市")[0])
    assert any(p["name"] == "晋萍" for p in jinan["people"])  # in a bureau of one of its districts
    assert "日报和零报告制度" in {x["name"] for x in jinan["measures"]}


def test_the_cli_explores_and_compares(seed_build, tmp_path):
    res = subprocess.run([sys.executable, "-m", "pipeline", "compare", "槐荫区教体局", "成都市锦官新城小学",
                          "--out", str(seed_build), "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["a"]["name"] == "槐荫区教体局" and "温暖在线" in {x["name"] for x in data["a"]["measures"]}
    assert "云家访" in {x["name"] for x in data["b"]["measures"]}
    res = subprocess.run([sys.executable, "-m", "pipeline", "compare", "槐荫区教体局", "不存在的学校",
                          "--out", str(seed_build)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 1 and "不存在的学校" in res.stderr
    res = subprocess.run([sys.executable, "-m", "pipeline", "explore", "--out", str(tmp_path / "nothing")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and "build first" in res.stderr
