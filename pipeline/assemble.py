"""Stage 9a - assembly, streamed: the per-report extractions, read back one report at a time,
become the rows of the graph and the tables in an SQLite index (``index.sqlite`` in the
output set), from which :mod:`pipeline.graph` writes GraphML and CSV in chunks and the
analyst queries (:mod:`pipeline.query`) read.

Memory holds what the graph itself is made of (one dict per entity node, counters per
node), never all the reports' texts, mentions or evidence sentences: those go to the
index as each report is read. The rows and their order are exactly those of the former
in-memory assembly (sorted by SQLite, whose binary collation orders UTF-8 text as Python
orders ``str``; ties keep the order the rows were read in).

Cross-report linking runs first, from the compact link records of every section
(``link.merge_entities``), which the build keeps in its store.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from . import link
from .graph import DOC_COLS, MENTION_COLS, CLAIM_COLS, RELATION_COLS, doc_row, line_at, node_id, num

INDEX = "index.sqlite"
EV_COLS = ["src", "dst", "typ", "doc_id", "start", "end", "sentence", "role", "basis", "confidence", "date"]


def _table(name: str, cols: list[str]) -> str:
    return f"CREATE TABLE {name}(seq INTEGER PRIMARY KEY, " + ", ".join(f'"{c}"' for c in cols) + ")"


SCHEMA = ";\n".join([
    _table("documents", DOC_COLS),
    _table("mentions", MENTION_COLS),
    _table("claims", CLAIM_COLS),
    _table("evidence", EV_COLS),
    "CREATE TABLE nodes(id TEXT PRIMARY KEY, type TEXT, name TEXT, attrs TEXT, n_reports INTEGER, n_mentions INTEGER)",
    "CREATE TABLE mention_edges(src TEXT, dst TEXT, count INTEGER)",
    "CREATE TABLE info(k TEXT PRIMARY KEY, v TEXT)",
]) + ";"


def _date_precision(iso: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(iso), "other")


def open_new(path: Path) -> sqlite3.Connection:
    for p in (path, path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA journal_mode=OFF")
    db.executescript(SCHEMA)
    return db


def _insert(db, table: str, cols: list[str], rows: list[dict]) -> None:
    if rows:
        marks = ",".join("?" * len(cols))
        db.executemany(f'INSERT INTO {table}({",".join(chr(34) + c + chr(34) for c in cols)}) VALUES({marks})',
                       [tuple(r.get(c, "") for c in cols) for r in rows])


def assemble(extracts: Iterable[dict], link_records: Iterable[dict], path: Path, keep_text) -> dict:
    """Per-report extractions (an iterable, in file order) -> the index at ``path``;
    ``keep_text(doc_id, text)`` is given each cleaned text. Returns counts for the
    build's summary."""
    entities, remap = link.merge_entities(link_records)
    db = open_new(path)
    db.execute("BEGIN")

    def eid(key: str) -> str:
        return node_id(remap.get(key, key))

    nodes: dict[str, dict] = {}  # every node but Claims (those go to the index at once)
    n_reports: Counter = Counter()
    n_mentions: Counter = Counter()
    roles: dict[str, set[str]] = defaultdict(set)
    counts = Counter()

    def add_date(iso: str) -> str:
        nid = node_id(f"date:{iso}")
        if nid not in nodes:
            nodes[nid] = {"type": "Date", "name": iso, "iso": iso, "precision": _date_precision(iso)}
        return nid

    for ex in extracts:
        rep = ex["report"]
        rid = node_id(f"report:{rep['doc_id']}")
        multi = len(ex["sections"]) > 1
        docs = [doc_row(rep, rep["doc_id"], rep["title"], rep["authors"], len(ex["text"]), "")]
        counts["files"] += 1
        if rep["status"] != "ok":
            _insert(db, "documents", DOC_COLS, docs)
            continue
        counts["reports"] += 1
        counts["sections"] += len(ex["sections"])
        cleaned = [(rep["doc_id"], ex["text"])]
        seen: set[tuple] = set()
        evidence: list[dict] = []
        mentions: list[dict] = []
        claims: list[dict] = []
        claim_nodes: list[tuple] = []
        per_target: Counter = Counter()

        def add_rel(src, dst, typ, doc_id, text, start, end, **extra):
            extra = {k: v for k, v in extra.items() if v}
            mark = (src, dst, typ, doc_id, start, end, tuple(sorted(extra.items())))
            if mark in seen:  # the same sentence says it once
                return
            seen.add(mark)
            evidence.append({"src": src, "dst": dst, "typ": typ, "doc_id": doc_id, "start": start, "end": end,
                             "sentence": text[start:end] if end > start else "", **extra})

        nodes[rid] = {"type": "Report", "name": rep["title"] or rep["doc_id"], "title": rep["title"],
                      "pub_date": rep["pub_date"], "source": rep["source"],
                      "authors": "、".join(rep["authors"]), "file": rep["file"],
                      "sections": len(ex["sections"]),
                      "section_titles": " | ".join(s["title"] for s in ex["sections"]) if multi else ""}
        if rep["pub_date"]:
            did = add_date(rep["pub_date"])
            first = ex["sections"][0] if ex["sections"] else None
            where = first["text"].find(rep["pub_date"].split("-")[0]) if first else -1
            line = line_at(first["text"], where) if first and where >= 0 else (0, 0)
            add_rel(rid, did, "PUBLISHED_ON", first["doc_id"] if first else rep["doc_id"],
                    first["text"] if first else "", *line, basis=rep.get("pub_date_source", ""))
        for sec in ex["sections"]:
            sid, text = sec["doc_id"], sec["text"]
            if multi:
                docs.append(doc_row(rep, sid, sec["title"], sec["authors"], len(text), rep["doc_id"], sec["byline"]))
                cleaned.append((sid, text))
            claim_ids = {}
            for n, c in enumerate(sec["claims"], 1):
                cid = node_id(f"claim:{sid}:{n}")
                claim_ids[c["mention"]] = cid
                subj = eid(c["subject"]) if c.get("subject") else ""
                sentence = text[c["sent_start"]:c["sent_end"]]
                claim_nodes.append((cid, {"type": "Claim", "name": c["text"], "value": float(c["value"]),
                                          "unit": c["unit"], "approx": bool(c["approx"]),
                                          "counted": c.get("counted", ""), "doc_id": sid,
                                          "date": c.get("date", ""), "sentence": sentence}))
                claims.append({"claim_id": cid, "doc_id": sid, "text": c["text"], "value": num(c["value"]),
                               "unit": c["unit"], "approx": "true" if c["approx"] else "false",
                               "subject_id": subj, "date": c.get("date", ""), "sentence": sentence,
                               "counted": c.get("counted", ""), "start": c["start"], "end": c["end"],
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
                mentions.append({"doc_id": sid, "label": m["label"], "text": m["text"], "start": m["start"],
                                 "end": m["end"], "norm": m["norm"], "entity_id": target})
                if target:
                    per_target[target] += 1
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
        for target, k in per_target.items():
            n_reports[target] += 1
            n_mentions[target] += k
        _insert(db, "documents", DOC_COLS, docs)
        _insert(db, "mentions", MENTION_COLS, mentions)
        _insert(db, "claims", CLAIM_COLS, claims)
        _insert(db, "evidence", EV_COLS, evidence)
        db.executemany("INSERT INTO mention_edges VALUES(?,?,?)", [(rid, t, k) for t, k in per_target.items()])
        db.executemany("INSERT INTO nodes VALUES(?,?,?,?,0,0)",
                       [(cid, "Claim", d["name"], json.dumps(d, ensure_ascii=False)) for cid, d in claim_nodes])
        for doc_id, text in cleaned:
            keep_text(doc_id, text)

    for key, ent in entities.items():
        if ent["label"] == "DATE":
            continue
        key = node_id(key)
        a = ent["attrs"]
        node = {"type": link.LABEL_NODE[ent["label"]], "name": ent["name"],
                "aliases": "|".join(ent["aliases"]), "n_reports": n_reports[key], "n_mentions": n_mentions[key]}
        for k in ("adcode", "level", "kind"):
            if a.get(k):
                node[k] = str(a[k])
        if a.get("parent_id"):
            node["parent_id"] = eid(a["parent_id"])
        if roles.get(key):
            node["roles"] = "|".join(sorted(roles[key]))
        nodes[key] = node
    db.executemany("INSERT INTO nodes VALUES(?,?,?,?,?,?)",
                   ((nid, d["type"], d["name"], json.dumps(d, ensure_ascii=False), n_reports[nid], n_mentions[nid])
                    for nid, d in nodes.items()))
    del nodes
    db.execute("COMMIT")
    finish(db)
    counts["entities"] = db.execute("SELECT count(*) FROM nodes WHERE type NOT IN ('Report', 'Claim')").fetchone()[0]
    counts["edges"] = db.execute("SELECT (SELECT count(*) FROM edges) + (SELECT count(*) FROM mention_edges)").fetchone()[0]
    db.close()
    return dict(counts)


def finish(db) -> None:
    """Edges (one per source, target and type, its first piece of evidence and weight),
    the names on relation and claim rows, and the indexes the queries use."""
    db.executescript("""
        CREATE INDEX ev_key ON evidence(src, dst, typ, doc_id, start, "end", seq);
        -- evidence whose ends were never described (e.g. a relation to an entity whose report failed)
        DELETE FROM evidence WHERE src NOT IN (SELECT id FROM nodes) OR dst NOT IN (SELECT id FROM nodes);
        DELETE FROM mention_edges WHERE dst NOT IN (SELECT id FROM nodes);
        CREATE TABLE edges AS
          SELECT src, dst, typ, count(*) AS weight, min(seq) AS first,
                 group_concat(DISTINCT nullif(role, '')) AS roles
          FROM evidence GROUP BY src, dst, typ;
        CREATE INDEX edges_src ON edges(src, dst, typ);
        CREATE INDEX edges_dst ON edges(dst, typ);
        CREATE INDEX me_src ON mention_edges(src, dst);
        CREATE INDEX me_dst ON mention_edges(dst);
        CREATE INDEX docs_id ON documents(doc_id);
        CREATE INDEX mentions_order ON mentions(doc_id, start, "end", label, seq);
        CREATE INDEX claims_order ON claims(doc_id, start, "end", seq);
        CREATE INDEX ev_order ON evidence(typ, src, dst, doc_id, start, "end", seq);
        CREATE INDEX ev_dst ON evidence(dst, typ, src);
        CREATE INDEX nodes_name ON nodes(name);
        CREATE TABLE aliases(alias TEXT, id TEXT);
        CREATE INDEX aliases_alias ON aliases(alias);
    """)
    db.execute("BEGIN")
    # the first piece of evidence of an edge: by report, offsets, then the order read
    db.execute("""UPDATE edges SET first = (SELECT e.seq FROM evidence e WHERE e.src = edges.src
                  AND e.dst = edges.dst AND e.typ = edges.typ ORDER BY e.doc_id, e.start, e."end", e.seq LIMIT 1)""")
    rows = db.execute("SELECT id, name, attrs FROM nodes WHERE type NOT IN ('Report', 'Claim')")
    db.executemany("INSERT INTO aliases VALUES(?,?)",
                   ((a, nid) for nid, name, attrs in rows.fetchall()
                    for a in sorted({name, *filter(None, json.loads(attrs).get("aliases", "").split("|"))})))
    db.execute("COMMIT")
