"""HTML of the explorer's pages, built as text (no template engine): every value is
escaped here, and data handed to the scripts is JSON that cannot close its <script>."""
from __future__ import annotations

import json
from html import escape

from .model import INFERRED_TYPES, Model, slug

# displaCy's colours for the `ent` style (ORG, PERSON, GPE, DATE, CARDINAL; EVENT for measures)
LABEL_COLOURS = {"ORG": "#7aecec", "PERSON": "#aa9cfc", "PLACE": "#feca74", "DATE": "#bfe1d9",
                 "NUMBER": "#e4e7d2", "MEASURE": "#ffeb80"}
KIND_NAMES = {"Organization": "机构 Organization", "Person": "人物 Person", "Place": "地点 Place",
              "Measure": "措施 Measure", "Date": "日期 Date", "Report": "报道 Report", "Claim": "数字 Claim"}
MAX_LINKS = 200  # linked entities shown per type on a page (a province has thousands; all are in the tables)
TYPE_NAMES = {"LOCATED_IN": "位于 LOCATED_IN", "PART_OF": "隶属 PART_OF", "MEMBER_OF": "成员 MEMBER_OF",
              "IMPLEMENTS": "实施 IMPLEMENTS", "ABOUT": "关于 ABOUT", "ON_DATE": "日期 ON_DATE",
              "PUBLISHED_ON": "发布 PUBLISHED_ON"}


def js_data(value) -> str:
    """JSON for a <script> element (``</`` can not end the element early)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")


def page(title: str, body: str, root: str, scripts: list[str] = (), inline: str = "") -> str:
    nav = "".join(f'<a href="{root}{href}">{escape(text)}</a>' for href, text in (
        ("index.html", "搜索 Search"), ("measures.html", "措施 Measures"), ("communities.html", "群组 Communities"),
        ("compare.html", "对比 Compare"), ("reports.html", "报道 Reports")))
    data = f"<script>{inline}</script>\n" if inline else ""
    tags = "".join(f'<script src="{root}{s}"></script>\n' for s in scripts)
    return (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(title)}</title>\n<link rel="stylesheet" href="{root}assets/style.css">\n</head>\n'
            f'<body>\n<header><span class="brand">edu-kg</span>{nav}</header>\n<main>\n{body}\n</main>\n'
            f'{data}{tags}</body>\n</html>\n')


def entity_href(nid: str, root: str) -> str:
    return f"{root}e/{slug(nid)}.html"


def report_href(doc_id: str, root: str, at: int | None = None) -> str:
    return f"{root}r/{slug(doc_id)}.html" + (f"#o{at}" if at is not None else "")


def entity_link(m: Model, nid: str, root: str) -> str:
    kind = m.kind_of(nid)
    name = escape(m.name(nid))
    if kind == "Report":
        return f'<a href="{report_href(nid[len("report:"):], root)}">{name}</a>'
    if kind == "Claim":
        c = m.claims.get(nid)
        return f'<a href="{report_href(c["doc_id"], root, int(c["start"]))}">{name}</a>' if c else name
    if nid in m.entities:
        return f'<a class="k-{kind}" href="{entity_href(nid, root)}">{name}</a>'
    return name


def neighbourhood(m: Model, nid: str, links: dict, limit: int = 40) -> dict:
    """Nodes and edges around an entity, for the graph view (most evidence first)."""
    nodes = {nid: {"id": slug(nid), "label": m.name(nid), "kind": m.kind_of(nid), "centre": True}}
    edges = []
    flat = [l for group in links.values() for l in group]
    flat.sort(key=lambda l: (-len(l["evidence"]), l["type"], l["id"]))
    for l in flat[:limit]:
        other = l["id"]
        nodes.setdefault(other, {"id": slug(other), "label": m.name(other)[:24], "kind": l["kind"],
                                 "href": f"../e/{slug(other)}.html" if other in m.entities else ""})
        src, dst = (nid, other) if l["direction"] == "out" else (other, nid)
        edges.append({"source": slug(src), "target": slug(dst), "type": l["type"], "weight": len(l["evidence"])})
    return {"nodes": [nodes[k] for k in sorted(nodes)], "edges": sorted(edges, key=lambda e: (e["source"], e["target"], e["type"]))}


def evidence_list(ev: list[dict], root: str, limit: int = 8) -> str:
    items = []
    for e in ev[:limit]:
        basis = f' <span class="basis">({escape(e["basis"])})</span>' if e["basis"] else ""
        date = f' <span class="date">{escape(e["date"])}</span>' if e.get("date") else ""
        items.append(f'<li class="evidence"><q>{escape(e["sentence"])}</q>{basis}{date} '
                     f'<a class="src" href="{report_href(e["doc_id"], root, e["start"])}">{escape(e["doc_id"])} '
                     f'[{e["start"]}:{e["end"]}]</a></li>')
    more = f'<li class="more">… {len(ev) - limit} more in tables/relations.csv</li>' if len(ev) > limit else ""
    return f'<ul class="evidence">{"".join(items)}{more}</ul>'


def entity_page(m: Model, nid: str) -> str:
    e = m.entities[nid]
    kind = m.kind_of(nid)
    root = "../"
    links = m.links(nid)
    sub = " · ".join(x for x in (KIND_NAMES.get(kind, kind), e["kind"], e["level"]) if x)
    head = [f'<h1 class="k-{kind}">{escape(e["name"])}</h1>',
            f'<p class="sub">{escape(sub)} <code>{escape(nid)}</code></p>']
    aliases = [a for a in e["aliases"].split("|") if a]
    if aliases:
        head.append('<p><b>别名 Aliases:</b> <span class="aliases">' +
                    " | ".join(f"<span>{escape(a)}</span>" for a in aliases) + "</span></p>")
    hier = m.hierarchy(nid)
    if hier:
        chain = " &gt; ".join(entity_link(m, p, root) for p in hier)
        code = f' (adcode {escape(m.entities[hier[-1]]["adcode"])})' if m.entities.get(hier[-1], {}).get("adcode") else ""
        head.append(f'<p class="hier"><b>地点 Place:</b> {chain}{code}</p>')
    if e["roles"]:
        head.append(f'<p><b>职务 Roles:</b> {escape(e["roles"].replace("|", "、"))}</p>')
    head.append(f'<p>Mentioned {escape(e["n_mentions"])} times in {escape(e["n_reports"])} report(s).</p>')
    com = m.community_of.get(nid)
    if com:
        head.append(f'<p><b>群组 Community:</b> <a href="{root}communities.html#{com}">{com}</a></p>')
    if kind in ("Organization", "Place"):
        head.append(f'<p><a class="compare" href="{root}compare.html#a={slug(nid)}">对比 Compare with…</a></p>')
    body = ["\n".join(head), '<section><h2>关系图 Neighbourhood</h2><div id="graph" class="graph"></div></section>']
    for typ, group in links.items():
        inferred = " <small>(some inferred: see basis)</small>" if typ in INFERRED_TYPES else ""
        rows = []
        for l in group[:MAX_LINKS]:
            arrow = "→" if l["direction"] == "out" else "←"
            roles = f' <span class="role">{escape("、".join(l["roles"]))}</span>' if l["roles"] else ""
            rows.append(f'<li class="link"><span class="arrow">{arrow}</span> {entity_link(m, l["id"], root)} '
                        f'<span class="kind">[{escape(l["kind"])}]</span>{roles}'
                        f'{evidence_list(l["evidence"], root)}</li>')
        if len(group) > MAX_LINKS:
            rows.append(f'<li class="more">… {len(group) - MAX_LINKS} more in tables/relations.csv</li>')
        body.append(f'<section class="links" data-type="{typ}"><h2>{escape(TYPE_NAMES.get(typ, typ))} '
                    f'({len(group)}){inferred}</h2><ul>{"".join(rows)}</ul></section>')
    reps = m.reports_of.get(nid, {})
    if reps:
        items = "".join(f'<li><a href="{report_href(d, root)}">{escape(m.docs.get(d, {}).get("title") or d)}</a> '
                        f'<span class="date">{escape(m.doc_date(d))}</span> · {n} mention(s)</li>'
                        for d, n in sorted(reps.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_LINKS])
        if len(reps) > MAX_LINKS:
            items += f'<li class="more">… {len(reps) - MAX_LINKS} more in tables/mentions.csv</li>'
        body.append(f'<section><h2>报道 Reports ({len(reps)})</h2><ul class="reports">{items}</ul></section>')
    graph = neighbourhood(m, nid, links)
    return page(e["name"], "\n".join(body), root, ["assets/cytoscape.min.js", "assets/explore.js"],
                inline=f"window.KG_GRAPH = {js_data(graph)};")


def marked_text(text: str, mentions: list[dict], anchors: set[int], root: str) -> str:
    """The cleaned text with mentions as displaCy `ent` marks (overlaps: the first, longest
    one wins) and an anchor at each offset that evidence points to."""
    spans = sorted(((int(x["start"]), -int(x["end"]), x) for x in mentions), key=lambda t: (t[0], t[1]))
    out, pos = [], 0
    todo = sorted(anchors)
    ai = 0

    def upto(end: int):
        nonlocal pos, ai
        while ai < len(todo) and todo[ai] <= end:
            a = todo[ai]
            if a >= pos:
                out.append(escape(text[pos:a]))
                pos = a
            out.append(f'<a id="o{a}" class="anchor"></a>')
            ai += 1
        out.append(escape(text[pos:end]))
        pos = end
    for start, neg_end, x in spans:
        end = -neg_end
        if start < pos:
            continue
        upto(start)
        label = x["label"]
        inner = escape(text[start:end])
        if x["entity_id"] and not x["entity_id"].startswith(("claim:", "date:")):
            inner = f'<a href="{entity_href(x["entity_id"], root)}">{inner}</a>'
        out.append(f'<mark class="entity" data-label="{label}" style="background:{LABEL_COLOURS.get(label, "#ddd")}" '
                   f'title="{escape(x["norm"])}">{inner}<span class="label">{label}</span></mark>')
        pos = end
    upto(len(text))
    return "".join(out)


def report_page(m: Model, doc_id: str, text: str | None) -> str:
    d = m.docs[doc_id]
    root = "../"
    meta = [("doc_id", escape(doc_id)), ("发布日期 Published", escape(d["pub_date"] or (d["year"] and d["year"] + " (year)") or "")),
            ("来源 Source", escape(d["source"])), ("作者 Authors", escape(d["authors"])), ("编辑 Editor", escape(d.get("editor", ""))),
            ("文件 File", escape(d["file"])), ("状态 Status", escape(d["status"] + (f' – {d["error"]}' if d["error"] else "")))]
    if d["parent_id"]:
        meta.append(("所属 Part of", f'<a href="{report_href(d["parent_id"], root)}">{escape(d["parent_id"])}</a>'))
    sections = m.sections.get(doc_id, [])
    if sections:
        meta.append(("章节 Sections", " ".join(f'<a href="{report_href(s, root)}">{escape(m.docs[s]["title"] or s)}</a>'
                                               for s in sections)))
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in meta if v)
    body = [f'<h1>{escape(d["title"] or doc_id)}</h1>', f'<table class="meta">{rows}</table>']
    mentions = m.mentions_of_doc.get(doc_id, [])
    rels = sorted(m.relations_of_doc.get(doc_id, []), key=lambda r: (int(r["start"]), r["type"], r["source_id"]))
    claims = sorted(m.claims_of_doc.get(doc_id, []), key=lambda c: int(c["start"]))
    if text is not None:
        legend = "".join(f'<mark class="entity" data-label="{k}" style="background:{v}">{k}</mark>'
                         for k, v in LABEL_COLOURS.items())
        anchors = {int(r["start"]) for r in rels} | {int(c["start"]) for c in claims}
        body.append(f'<section><h2>正文 Text <span class="legend">{legend}</span></h2>'
                    f'<div class="text entities">{marked_text(text, mentions, anchors, root)}</div></section>')
    if rels:
        items = "".join(f'<tr><td>{entity_link(m, r["source_id"], root)}</td><td class="t">{r["type"]}'
                        f'{" · " + escape(r["role"]) if r["role"] else ""}</td><td>{entity_link(m, r["target_id"], root)}</td>'
                        f'<td><a href="#o{r["start"]}">[{r["start"]}:{r["end"]}]</a>'
                        f'{" (" + escape(r["basis"]) + ")" if r["basis"] else ""}</td></tr>' for r in rels)
        body.append(f'<section><h2>事实 Facts ({len(rels)})</h2><table class="facts"><tr><th>from</th><th>link</th>'
                    f'<th>to</th><th>evidence</th></tr>{items}</table></section>')
    if claims:
        items = "".join(f'<tr><td><a href="#o{c["start"]}">{escape(c["text"])}</a></td><td>{escape(c["value"])}</td>'
                        f'<td>{escape(c["unit"])}</td><td>{escape(c["counted"])}</td>'
                        f'<td>{entity_link(m, c["subject_id"], root) if c["subject_id"] else ""}</td>'
                        f'<td>{escape(c["date"])}</td></tr>' for c in claims)
        body.append(f'<section><h2>数字 Claims ({len(claims)})</h2><table class="facts"><tr><th>text</th><th>value</th>'
                    f'<th>unit</th><th>counts</th><th>about</th><th>date</th></tr>{items}</table></section>')
    return page(d["title"] or doc_id, "\n".join(body), root)
