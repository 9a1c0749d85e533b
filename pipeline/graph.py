"""Stage 9 - the knowledge graph and the tables: one NetworkX MultiDiGraph written as
GraphML, and CSV tables, all deterministic (sorted) and written atomically.

Schema (see ../shared/CONTRACT.md): nodes carry ``label`` and ``name``; edges carry
``type`` and, except MENTIONS, one piece of evidence (``doc_id``, ``sentence``, ``start``,
``end``) and ``weight`` (how many pieces there are; all of them are in relations.csv).
"""
from __future__ import annotations

import os
import re
from xml.sax import saxutils
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from . import communities, csvio, link
from .util import Aside, touch, write_atomic, xml_safe

DOC_COLS = ["doc_id", "title", "pub_date", "source", "authors", "n_chars", "status", "error",
            "file", "encoding", "parent_id", "byline", "editor", "pub_date_basis", "year", "year_basis"]
MENTION_COLS = ["doc_id", "label", "text", "start", "end", "norm", "entity_id"]
ENTITY_COLS = ["entity_id", "label", "name", "aliases", "n_reports", "n_mentions",
               "adcode", "level", "parent_id", "kind", "roles", "link_basis"]
CLAIM_COLS = ["claim_id", "doc_id", "text", "value", "unit", "approx", "subject_id", "date",
              "sentence", "counted", "start", "end", "subject_name"]
RELATION_COLS = ["source_id", "target_id", "type", "doc_id", "start", "end", "sentence",
                 "role", "source_name", "target_name", "basis", "confidence", "date"]


@dataclass
class Build:
    graph: nx.MultiDiGraph
    documents: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    cleaned: dict[str, str] = field(default_factory=dict)


def _date_precision(iso: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(iso), "other")


def assemble(extracts: list[dict]) -> Build:
    """Per-report extractions (in file order) -> graph and tables."""
    sections = [s for ex in extracts for s in ex["sections"]]
    entities, remap = link.merge_entities(sections)

    def eid(key: str) -> str:
        return node_id(remap.get(key, key))

    nodes: dict[str, dict] = {}
    evidence: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    mentions_per_report: dict[tuple[str, str], int] = Counter()
    reports_of: dict[str, set[str]] = defaultdict(set)
    n_mentions: Counter = Counter()
    roles: dict[str, set[str]] = defaultdict(set)
    b = Build(graph=nx.MultiDiGraph())
    seen: set[tuple] = set()

    def add_date(iso: str) -> str:
        nid = node_id(f"date:{iso}")
        nodes.setdefault(nid, {"type": "Date", "name": iso, "iso": iso, "precision": _date_precision(iso)})
        return nid

    def add_rel(src, dst, typ, doc_id, text, start, end, **extra):
        extra = {k: v for k, v in extra.items() if v}
        mark = (src, dst, typ, doc_id, start, end, tuple(sorted(extra.items())))
        if mark in seen:  # the same sentence says it once
            return
        seen.add(mark)
        ev = {"doc_id": doc_id, "start": start, "end": end, "sentence": text[start:end] if end > start else ""}
        ev.update(extra)
        evidence[(src, dst, typ)].append(ev)

    for ex in extracts:
        rep = ex["report"]
        rid = node_id(f"report:{rep['doc_id']}")
        multi = len(ex["sections"]) > 1
        b.documents.append(_doc_row(rep, rep["doc_id"], rep["title"], rep["authors"], len(ex["text"]), ""))
        if rep["status"] != "ok":
            continue
        b.cleaned[rep["doc_id"]] = ex["text"]
        nodes[rid] = {"type": "Report", "name": rep["title"] or rep["doc_id"], "title": rep["title"],
                      "pub_date": rep["pub_date"], "source": rep["source"],
                      "authors": "、".join(rep["authors"]), "file": rep["file"],
                      "sections": len(ex["sections"]),
                      "section_titles": " | ".join(s["title"] for s in ex["sections"]) if multi else ""}
        if rep["pub_date"]:
            did = add_date(rep["pub_date"])
            first = ex["sections"][0] if ex["sections"] else None
            where = first["text"].find(rep["pub_date"].split("-")[0]) if first else -1
            line = _line_at(first["text"], where) if first and where >= 0 else (0, 0)
            add_rel(rid, did, "PUBLISHED_ON", first["doc_id"] if first else rep["doc_id"],
                    first["text"] if first else "", *line, basis=rep.get("pub_date_source", ""))
        for sec in ex["sections"]:
            sid, text = sec["doc_id"], sec["text"]
            if multi:
                b.documents.append(_doc_row(rep, sid, sec["title"], sec["authors"], len(text),
                                            rep["doc_id"], sec["byline"]))
                b.cleaned[sid] = text
            claim_ids = {}
            for n, c in enumerate(sec["claims"], 1):
                cid = node_id(f"claim:{sid}:{n}")
                claim_ids[c["mention"]] = cid
                subj = eid(c["subject"]) if c.get("subject") else ""
                nodes[cid] = {"type": "Claim", "name": c["text"], "value": float(c["value"]),
                              "unit": c["unit"], "approx": bool(c["approx"]), "counted": c.get("counted", ""),
                              "doc_id": sid, "date": c.get("date", ""),
                              "sentence": text[c["sent_start"]:c["sent_end"]]}
                b.claims.append({"claim_id": cid, "doc_id": sid, "text": c["text"], "value": _num(c["value"]),
                                 "unit": c["unit"], "approx": "true" if c["approx"] else "false",
                                 "subject_id": subj, "date": c.get("date", ""),
                                 "sentence": text[c["sent_start"]:c["sent_end"]], "counted": c.get("counted", ""),
                                 "start": c["start"], "end": c["end"],
                                 "subject_name": ""})
                if subj:
                    add_rel(cid, subj, "ABOUT", sid, text, c["sent_start"], c["sent_end"])
                if c.get("date"):
                    add_rel(cid, add_date(c["date"]), "ON_DATE", sid, text, c["sent_start"], c["sent_end"])
            for m in sec["mentions"]:
                if m["label"] == "NUMBER":
                    target = claim_ids.get(m["start"], "")
                elif m["label"] == "DATE":
                    target = add_date(m["norm"]) if m["norm"] else ""
                else:
                    target = eid(m["key"]) if m["key"] else ""
                b.mentions.append({"doc_id": sid, "label": m["label"], "text": m["text"], "start": m["start"],
                                   "end": m["end"], "norm": m["norm"], "entity_id": target})
                if target:
                    mentions_per_report[(rid, target)] += 1
                    reports_of[target].add(rid)
                    n_mentions[target] += 1
            for r in sec["relations"]:
                src, dst = eid(r["source"]), eid(r["target"])
                if src == dst:
                    continue
                role = r["attrs"].get("role", "")
                if role and r["type"] == "MEMBER_OF":
                    roles[src].add(role)
                add_rel(src, dst, r["type"], sid, text, r["start"], r["end"], role=role,
                        basis=r["attrs"].get("basis", ""), date=r["attrs"].get("date", ""),
                        confidence=r["attrs"].get("confidence", ""))

    for key, ent in entities.items():
        if ent["label"] == "DATE":
            continue
        key = node_id(key)
        a = ent["attrs"]
        node = {"type": link.LABEL_NODE[ent["label"]], "name": ent["name"],
                "aliases": "|".join(ent["aliases"]), "n_reports": len(reports_of[key]),
                "n_mentions": n_mentions[key]}
        for k in ("adcode", "level", "kind", "link_basis"):
            if a.get(k):
                node[k] = str(a[k])
        if a.get("parent_id"):
            node["parent_id"] = eid(a["parent_id"])
        if roles.get(key):
            node["roles"] = "|".join(sorted(roles[key]))
        nodes[key] = node

    # drop edges whose ends were never described (e.g. a relation to an entity whose report failed)
    for (src, dst, typ) in list(evidence):
        if src not in nodes or dst not in nodes:
            del evidence[(src, dst, typ)]
    for (rid, target), count in mentions_per_report.items():
        if target in nodes:
            evidence[(rid, target, "MENTIONS")] = [{"count": count}]

    g = b.graph
    for nid in sorted(nodes):
        # `label` is what graph tools (Gephi, Cytoscape) show: the name; `type` the kind
        g.add_node(nid, **_graphml_attrs({"type": nodes[nid]["type"], "label": nodes[nid]["name"], **nodes[nid]}))
    edge_ids: set[str] = set()
    for (src, dst, typ) in sorted(evidence):
        evs = sorted(evidence[(src, dst, typ)], key=lambda e: (e.get("doc_id", ""), e.get("start", 0), e.get("end", 0)))
        key = edge_id(src, typ, dst, edge_ids)
        if typ == "MENTIONS":
            g.add_edge(src, dst, key=key, type=typ, count=evs[0]["count"])
            continue
        first = evs[0]
        attrs = {"type": typ, "doc_id": first["doc_id"], "sentence": first["sentence"], "start": first["start"],
                 "end": first["end"], "weight": len(evs)}
        if typ == "MEMBER_OF":
            attrs["role"] = "|".join(sorted({e["role"] for e in evs if e.get("role")}))
        if first.get("basis"):
            attrs["basis"] = first["basis"]
        if first.get("confidence"):
            attrs["confidence"] = first["confidence"]
        g.add_edge(src, dst, key=key, **_graphml_attrs(attrs))
        for e in evs:
            b.relations.append({"source_id": src, "target_id": dst, "type": typ, "doc_id": e["doc_id"],
                                "start": e["start"], "end": e["end"], "sentence": e["sentence"],
                                "role": e.get("role", ""), "source_name": nodes[src]["name"],
                                "target_name": nodes[dst]["name"], "basis": e.get("basis", ""),
                                "confidence": e.get("confidence", ""), "date": e.get("date", "")})

    for cl in b.claims:
        if cl["subject_id"] in nodes:
            cl["subject_name"] = nodes[cl["subject_id"]]["name"]
        elif cl["subject_id"]:
            cl["subject_id"] = ""
    for nid, node in sorted(nodes.items()):
        if node["type"] in ("Report", "Claim"):
            continue
        b.entities.append({
            "entity_id": nid, "label": _mention_label(node["type"]), "name": node["name"],
            "aliases": node.get("aliases", node["name"]), "n_reports": len(reports_of[nid]),
            "n_mentions": n_mentions[nid], "adcode": node.get("adcode", ""), "level": node.get("level", ""),
            "parent_id": node.get("parent_id", ""), "kind": node.get("kind", ""), "roles": node.get("roles", ""),
            "link_basis": node.get("link_basis", "")})
    b.mentions.sort(key=lambda r: (r["doc_id"], r["start"], r["end"], r["label"]))
    b.claims.sort(key=lambda r: (r["doc_id"], r["start"], r["end"]))
    b.relations.sort(key=lambda r: (r["type"], r["source_id"], r["target_id"], r["doc_id"], r["start"]))
    return b


_ID_FIX = str.maketrans({"&": "＆", "<": "＜", ">": "＞", '"': "＂", "'": "＇", "\t": " ", "\n": " ", "\r": " "})


def node_id(key: str) -> str:
    """A node id as written everywhere (graph, tables): the entity key with the characters
    that XML escapes (``& < > " '``) replaced by their full-width forms and the ones it
    forbids dropped. Graph tools keep such ids as they are (igraph turns an escaped ``&``
    in an id into ``&#38;``); the same key always gives the same id."""
    return xml_safe(key.translate(_ID_FIX))


def edge_id(src: str, typ: str, dst: str, taken: set[str]) -> str:
    """``<source id>|<TYPE>|<target id>``: stable across builds (the graph has at most one
    edge of a type between two nodes) and unique in the file, which Gephi's importer needs
    (it drops an edge whose id repeats). A clash (only possible when names hold ``|``) gets
    ``~2``, ``~3``... in the order edges are written, which is sorted."""
    base = xml_safe(f"{src}|{typ}|{dst}")
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}~{n}"
    taken.add(eid)
    return eid


def _mention_label(node_label: str) -> str:
    return {"Organization": "ORG", "Person": "PERSON", "Place": "PLACE", "Measure": "MEASURE",
            "Date": "DATE"}[node_label]


def _line_at(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _num(v) -> str:
    f = float(v)
    return str(int(f)) if f == int(f) and abs(f) < 1e15 else repr(round(f, 6))


def _doc_row(rep: dict, doc_id: str, title: str, authors: list[str], n_chars: int,
             parent: str, byline: str = "") -> dict:
    return {"doc_id": doc_id, "title": title, "pub_date": rep["pub_date"], "source": rep["source"],
            "authors": "、".join(authors), "n_chars": n_chars, "status": rep["status"], "error": rep["error"],
            "file": rep["file"], "encoding": rep["encoding"], "parent_id": parent, "byline": byline,
            "editor": rep.get("editor", ""), "pub_date_basis": rep.get("pub_date_source", ""),
            "year": rep.get("anchor_year") or "", "year_basis": rep.get("anchor_basis", "")}


def _graphml_attrs(attrs: dict) -> dict:
    """GraphML takes scalars only: text is made XML-safe, empty text is dropped."""
    out = {}
    for k, v in attrs.items():
        if isinstance(v, str):
            v = xml_safe(v)
            if v == "":
                continue
        out[k] = v
    return out


# --------------------------------------------------------------------------- writing

def _csv(rows: list[dict], cols: list[str]) -> str:
    return csvio.to_csv(rows, cols)  # UTF-8 with BOM, formula-leading cells neutralised


_GRAPHML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))
_XML_SPECIAL = re.compile(r"[&<>\"'\n\r\t]")


def _gml_type(v) -> str:
    return next(t for py, t in _GRAPHML_TYPES if isinstance(v, py))


def _escape(s: str) -> str:
    """saxutils.escape, with a fast path for the usual text that needs none."""
    return saxutils.escape(s) if _XML_SPECIAL.search(s) else s


def _quoteattr(s: str) -> str:
    return saxutils.quoteattr(s) if _XML_SPECIAL.search(s) else f'"{s}"'


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    """GraphML for Gephi, Cytoscape and networkx.read_graphml, written as a stream.

    The same document networkx.write_graphml makes (keys declared once with their type,
    edge keys as edge ids), about five times faster on large graphs; the tests read it
    back with networkx."""
    keys: dict[tuple[str, str], str] = {}
    for for_, items in (("node", g.nodes(data=True)), ("edge", g.edges(data=True))):
        for *_, d in items:
            for k, v in d.items():
                if (for_, k) not in keys:
                    keys[(for_, k)] = _gml_type(v)
    ids = {fk: f"d{i}" for i, fk in enumerate(sorted(keys))}
    q = _quoteattr
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for (for_, name), kid in sorted(ids.items(), key=lambda kv: kv[1][1:].zfill(6)):
        out.append(f'  <key id="{kid}" for="{for_}" attr.name={saxutils.quoteattr(name)} attr.type="{keys[(for_, name)]}" />')
    out.append('  <graph edgedefault="directed">')
    node_ids = {k: v for (f, k), v in ids.items() if f == "node"}
    edge_ids = {k: v for (f, k), v in ids.items() if f == "edge"}

    def data(kids, attrs):
        for k, v in attrs.items():
            if v.__class__ is str:
                v = _escape(v)
            elif isinstance(v, bool):
                v = "true" if v else "false"
            elif isinstance(v, float):
                v = repr(v)
            else:
                v = _escape(str(v))
            out.append(f'      <data key="{kids[k]}">{v}</data>')

    for n, d in g.nodes(data=True):
        out.append(f"    <node id={q(n)}>")
        data(node_ids, d)
        out.append("    </node>")
    for u, v, k, d in g.edges(keys=True, data=True):
        out.append(f"    <edge source={q(u)} target={q(v)} id={q(str(k))}>")
        data(edge_ids, d)
        out.append("    </edge>")
    out.append("  </graph>")
    out.append("</graphml>\n")
    return "\n".join(out).encode("utf-8")


def write_outputs(b: Build, out: Path) -> None:
    tables = out / "tables"
    cleaned = tables / "cleaned"
    cleaned.mkdir(parents=True, exist_ok=True)
    keep = set()
    for doc_id, text in sorted(b.cleaned.items()):
        name = f"{doc_id}.txt"
        keep.add(name)
        write_atomic(cleaned / name, text, durable=False)  # compared and rewritten by every build
    for stale in cleaned.glob("*.txt"):
        if stale.name not in keep:
            stale.unlink()
    # the GraphML is made in a second process while this one writes the tables (the build
    # runs on several cores; this last step would otherwise keep one of them waiting)
    final = out / "graph.graphml"
    for stale in [*out.glob(".graph.graphml.*.staged"), *out.glob("..graph.graphml.*.staged.*.tmp")]:
        # left by a build that was killed (the second: its helper's temporary file)
        stale.unlink(missing_ok=True)
    staged = out / f".graph.graphml.{os.getpid()}.staged"

    def stage_graph() -> bool:
        data = graphml_bytes(b.graph)
        if final.is_file() and final.stat().st_size == len(data) and final.read_bytes() == data:
            return False  # unchanged: nothing to write
        write_atomic(staged, data)
        return True
    aside = Aside(stage_graph)
    try:
        write_atomic(tables / "documents.csv", _csv(b.documents, DOC_COLS))
        write_atomic(tables / "mentions.csv", _csv(b.mentions, MENTION_COLS))
        write_atomic(tables / "entities.csv", _csv(b.entities, ENTITY_COLS))
        write_atomic(tables / "claims.csv", _csv(b.claims, CLAIM_COLS))
        write_atomic(tables / "relations.csv", _csv(b.relations, RELATION_COLS))
        write_atomic(tables / "communities.csv", _csv(communities.find(b.graph), communities.COLS))
        try:
            changed = aside.result()
        except RuntimeError as e:
            raise RuntimeError(f"writing {final} failed: {e}") from None
        # the graph last: its presence means the whole build was written
        if changed:
            os.replace(staged, final)
        else:
            touch(final)
    finally:
        aside.cancel()  # on any error or interruption: no process and no file left behind
        staged.unlink(missing_ok=True)
        for tmp in out.glob(f".{staged.name}.*.tmp"):  # the helper was stopped in the middle of its write
            tmp.unlink(missing_ok=True)
