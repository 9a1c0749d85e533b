"""``python -m pipeline explore``: the static offline site in ``OUT/site/``.

Opens from ``file://`` with no server and no network: every script is in ``assets/``
(cytoscape.js, shipped in this package), data for scripts comes as ``.js`` files that
assign it (Chromium refuses ``fetch()`` of a JSON file from ``file://``), and each entity,
report and profile has its own file, so a page stays small however large the build.

  index.html              search over every entity by any alias or pinyin, kind and place filters
  e/<slug>.html           an entity: aliases, place, links by type with evidence, graph view
  r/<slug>.html           a report: cleaned text with highlighted mentions, metadata, facts
  measures.html           a timeline per measure and the place-by-measure matrix
  communities.html        who works with whom inside a province: organisations and their people
  compare.html#a=..&b=..  two places or organisations side by side
  data/search.js, d/<slug>.js   data for the scripts

``slug`` is the first 16 hex digits of the SHA-1 of the node id (or doc_id) in UTF-8.
Identical builds give byte-identical sites; the site is replaced as a whole (written
beside it, then renamed), so pages of entities or reports that are gone go with it.
"""
from __future__ import annotations

import os
import shutil
from collections import defaultdict
from html import escape
from pathlib import Path

from . import pages
from .model import Model, slug

ASSETS = Path(__file__).resolve().parent / "assets"
SEARCH_KINDS = ("Organization", "Person", "Place", "Measure")


def pinyin_keys(names: list[str]) -> str:
    """Full pinyin and initials of each name (``huaiyinqujiaotiju hyqjtj``)."""
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pinyin search is a convenience
        return ""
    keys = []
    for n in names:
        syl = [s for s in lazy_pinyin(n, errors="ignore") if s.isalpha()]
        if syl:
            keys += ["".join(syl), "".join(s[0] for s in syl)]
    return " ".join(dict.fromkeys(k.lower() for k in keys))


def search_index(m: Model) -> dict:
    places, place_ix = [], {}
    for eid in sorted(m.entities, key=lambda p: ([m.name(x) for x in m.hierarchy(p)], p)):
        if m.kind_of(eid) == "Place":
            place_ix[eid] = len(places)
            places.append([slug(eid), m.name(eid), m.place_label(eid), len(m.hierarchy(eid))])
    rows = []
    for eid, e in sorted(m.entities.items()):
        kind = m.kind_of(eid)
        if kind not in SEARCH_KINDS:
            continue
        aliases = [a for a in e["aliases"].split("|") if a and a != e["name"]]
        rows.append([slug(eid), kind, e["name"], "|".join(aliases), pinyin_keys([e["name"], *aliases]),
                     m.place_label(eid), [place_ix[p] for p in m.hierarchy(eid) if p in place_ix],
                     e["kind"] or e["level"], int(e["n_reports"] or 0), int(e["n_mentions"] or 0)])
    return {"columns": ["slug", "kind", "name", "aliases", "pinyin", "place", "places", "subkind", "n_reports", "n_mentions"],
            "entities": rows, "places": places}


def index_page(m: Model) -> str:
    body = """<h1>教育报道知识图谱 Explorer</h1>
<form id="search" class="search" onsubmit="return false">
  <input id="q" type="search" placeholder="名称、别名或拼音 (name, alias or pinyin)" autofocus>
  <select id="kind"><option value="">全部类型 all kinds</option><option>Organization</option><option>Person</option>
  <option>Place</option><option>Measure</option></select>
  <select id="place"><option value="">全部地点 all places</option></select>
</form>
<p id="count" class="count"></p>
<ol id="results" class="results"></ol>
<noscript>The search needs JavaScript; <a href="reports.html">the reports list</a> works without.</noscript>"""
    stats = (f'<p class="stats">{sum(1 for d in m.docs.values() if not d["parent_id"])} files, '
             f'{len(m.entities)} entities, {len(m.relations)} pieces of evidence.</p>')
    return pages.page("Explorer", body + stats, "", ["data/search.js", "assets/explore.js"])


def measures_page(m: Model) -> str:
    rows = m.adoptions()
    by_measure = defaultdict(list)
    for r in rows:
        by_measure[r["measure_id"]].append(r)
    dates = sorted(r["first_date"] for r in rows if r["first_date"])
    lo, hi = (dates[0], dates[-1]) if dates else ("", "")
    body = ["<h1>措施 Measures</h1>",
            f"<p>{len(by_measure)} measures adopted by {len({r['org_id'] for r in rows})} organisations; "
            f"dates from {escape(lo)} to {escape(hi)} (the date in the sentence, else the report's).</p>",
            '<section><h2>时间线 Timeline per measure</h2>']
    order = sorted(by_measure, key=lambda k: (-len(by_measure[k]), m.name(k)))
    for mid in order:
        adopters = sorted(by_measure[mid], key=lambda r: (r["first_date"] or "9999", r["org"]))
        items = []
        for r in adopters:
            left = _position(r["first_date"], lo, hi)
            items.append(f'<li><span class="when">{escape(r["first_date"] or "?")}</span>'
                         f'<span class="track"><span class="dot" style="left:{left}%"></span></span>'
                         f'<a href="{pages.entity_href(r["org_id"], "")}">{escape(r["org"])}</a> '
                         f'<span class="place">{escape(r["place"])}</span> '
                         f'<a class="src" href="{pages.report_href(r["docs"][0], "")}">{len(r["reports"])} report(s)</a></li>')
        body.append(f'<div class="measure" id="m-{slug(mid)}"><h3><a href="{pages.entity_href(mid, "")}">{escape(m.name(mid))}</a> '
                    f'<small>{len(adopters)} adopter(s)</small></h3><ol class="timeline">{"".join(items)}</ol></div>')
    body.append("</section>")
    # place x measure: places are the adopters' own places, measures the most adopted
    top = order[:40]
    cells = defaultdict(set)
    for r in rows:
        if r["place_id"]:
            cells[(r["place_id"], r["measure_id"])].add(r["org"])
    places = sorted({p for p, _ in cells}, key=lambda p: ([m.name(x) for x in m.hierarchy(p)], p))
    head = "".join(f'<th class="v"><a href="#m-{slug(t)}">{escape(m.name(t))}</a></th>' for t in top)
    lines = []
    for p in places:
        tds = []
        for t in top:
            orgs = sorted(cells.get((p, t), ()))
            tds.append(f'<td class="on" title="{escape("、".join(orgs))}">{len(orgs)}</td>' if orgs else "<td></td>")
        lines.append(f'<tr><th><a href="{pages.entity_href(p, "")}">{escape(m.place_label(p, 2))}</a></th>{"".join(tds)}</tr>')
    body.append(f'<section><h2>地点 × 措施 Place by measure</h2><p>Organisations in each place that adopted each measure '
                f'(the {len(top)} most adopted measures).</p><div class="scroll"><table class="matrix"><tr><th></th>{head}</tr>'
                f'{"".join(lines)}</table></div></section>')
    return pages.page("Measures", "\n".join(body), "")


def _position(date: str, lo: str, hi: str) -> int:
    def num(d: str) -> float:
        parts = [int(x) for x in d.split("-")] + [1, 1][: 3 - len(d.split("-"))]  # a year alone: its start
        return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2]
    if not date or not lo or lo == hi:
        return 0
    return round(100 * (num(date) - num(lo)) / max(num(hi) - num(lo), 1))


def communities_page(m: Model) -> str:
    items = []
    for c in m.communities:
        members = [x for x in c["member_ids"].split("|") if x in m.entities]
        members.sort(key=lambda x: (0 if m.kind_of(x) == "Organization" else 1, m.name(x)))
        links = " ".join(pages.entity_link(m, x, "") for x in members)
        about = "".join(f'<p class="{cls}"><b>{label}:</b> {escape(c[col].replace("|", "、"))}</p>'
                        for cls, label, col in (("places", "地点 Places", "top_places"),
                                                ("measures", "措施 Measures", "top_measures")) if c[col])
        items.append(f'<li id="{escape(c["community_id"])}" class="community"><h3>{escape(c["community_id"])} '
                     f'<small>{c["n_members"]} members: {c["n_organizations"]} organisations, {c["n_people"]} people '
                     f'(their places {c["n_places"]}, their measures {c["n_measures"]})</small></h3>'
                     f'<p class="summary">{escape(c["summary"])}</p>{about}<p class="members">{links}</p></li>')
    body = ("<h1>群组 Communities</h1><p>Who works with whom inside a province: organisations and their people, "
            "grouped by Louvain (fixed seed) over MEMBER_OF and PART_OF links, never across a province border; "
            "the places and measures of their organisations describe each group (tables/communities.csv).</p>"
            f'<ol class="communities">{"".join(items)}</ol>')
    return pages.page("Communities", body, "")


def compare_page() -> str:
    body = """<h1>对比 Compare</h1>
<form class="search" onsubmit="return false">
  <input id="a" list="choices" placeholder="地点或机构 A (place or organisation)">
  <input id="b" list="choices" placeholder="地点或机构 B">
  <datalist id="choices"></datalist>
</form>
<div id="compare" class="compare"></div>
<noscript>Comparison needs JavaScript; <code>python -m pipeline compare A B</code> gives the same in a terminal.</noscript>"""
    return pages.page("Compare", body, "", ["data/search.js", "assets/explore.js"])


def reports_page(m: Model) -> str:
    items = []
    for doc_id, d in sorted(m.docs.items(), key=lambda kv: (kv[1]["parent_id"] or kv[0], kv[1]["parent_id"] != "", len(kv[0]), kv[0])):
        cls = ' class="section"' if d["parent_id"] else ""
        status = "" if d["status"] == "ok" else f' <span class="bad">{escape(d["status"])}</span>'
        items.append(f'<li{cls}><a href="{pages.report_href(doc_id, "")}">{escape(d["title"] or doc_id)}</a> '
                     f'<span class="date">{escape(m.doc_date(doc_id))}</span> <code>{escape(doc_id)}</code>{status}</li>')
    return pages.page("Reports", f'<h1>报道 Reports</h1><ul class="reportlist">{"".join(items)}</ul>', "")


def site_profile(m: Model, eid: str, limit: int = 300) -> dict:
    """The profile the compare page loads (long lists cut; the totals say how long)."""
    p = m.profile(eid)
    for key in ("claims", "people", "measures", "reports"):
        p[f"n_{key}"] = len(p[key])
        p[key] = p[key][:limit]
    return p


def generate(m: Model, out: Path):
    """(relative path, text) of every file of the site, in a fixed order."""
    yield "index.html", index_page(m)
    yield "measures.html", measures_page(m)
    yield "communities.html", communities_page(m)
    yield "compare.html", compare_page()
    yield "reports.html", reports_page(m)
    yield "data/search.js", "window.KG_SEARCH = " + pages.js_data(search_index(m)) + ";\n"
    for eid in sorted(m.entities):
        if m.kind_of(eid) == "Date":
            continue
        yield f"e/{slug(eid)}.html", pages.entity_page(m, eid)
        if m.kind_of(eid) in ("Organization", "Place"):
            yield f"d/{slug(eid)}.js", f"KG.profile({pages.js_data(slug(eid))}, {pages.js_data(site_profile(m, eid))});\n"
    cleaned = out / "tables" / "cleaned"
    for doc_id in sorted(m.docs):
        p = cleaned / f"{doc_id}.txt"
        yield f"r/{slug(doc_id)}.html", pages.report_page(m, doc_id, p.read_text(encoding="utf-8") if p.is_file() else None)


def build_site(out: Path, site: Path | None = None) -> dict:
    """Write the site for the build in ``out`` (to ``site``, default ``out/site``).

    The site is written whole into a staging folder beside it, which then takes the old
    one's place (two renames): a reader never sees a half-written site, pages of entities
    that are gone go with the old folder, and a crash leaves the old site as it was (its
    staging folder is removed by the next run). Returns counts of what was written."""
    m = Model(out)
    site = Path(site or out / "site")
    site.parent.mkdir(parents=True, exist_ok=True)
    for stale in site.parent.glob(f".{site.name}.*.staged"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = site.parent / f".{site.name}.{os.getpid()}.staged"
    counts = {"entities": 0, "reports": 0, "files": 0}
    made: set[Path] = set()
    try:
        for name, text in generate(m, out):
            target = staging / name
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(text.encode("utf-8"))
            counts["files"] += 1
            counts["entities"] += name.startswith("e/")
            counts["reports"] += name.startswith("r/")
        (staging / "assets").mkdir(exist_ok=True)
        for asset in sorted(ASSETS.iterdir()):
            if asset.is_file():
                shutil.copyfile(asset, staging / "assets" / asset.name)
                counts["files"] += 1
        old = site.parent / f".{site.name}.{os.getpid()}.old"
        if site.exists():
            os.replace(site, old)
        os.replace(staging, site)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return counts


def main(out: Path) -> int:
    import sys
    try:
        counts = build_site(out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{counts['entities']} entity pages, {counts['reports']} report pages -> {out / 'site' / 'index.html'}")
    return 0

