"""Stage 9a - assembly, incremental and streamed.

Each report's extraction is turned once, when it is extracted, into its *local rows*
(:func:`put_local`): document, mention, claim and evidence rows and its Report, Claim and
Date nodes, with the entity keys as the report made them (before cross-report linking)
and its cleaned texts. They live in the build's store (``work/store.sqlite``) beside the
compact link records, so that a rebuild re-reads no report that did not change.

:func:`assemble` then makes the output set's index (``index.sqlite``) from the store: the
linking runs from the compact records (``link.merge_entities``), and SQLite maps every key
to its entity's node id, drops what a section says twice, counts mentions and orders the
rows. Memory holds what the graph itself is made of (one dict per entity, counters per
node), never the reports' texts, mentions or evidence sentences. From the index,
:mod:`pipeline.graph` writes GraphML and CSV in chunks and :mod:`pipeline.query` answers
the analyst's queries.

The rows and their order are exactly those of an in-memory assembly of all reports in
file order: SQLite's binary collation orders UTF-8 text as Python orders ``str``, and ties
keep the order the rows were read in (file, section, position). Every insert into the
index is fully ordered, so that the index file too is the same for the same input, in
whatever order the workers delivered the reports.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from . import link, linkstore
from .graph import CLAIM_COLS, DOC_COLS, MENTION_COLS, doc_row, line_at, node_id, num, phase

INDEX = "index.sqlite"
EV_COLS = ["src", "dst", "typ", "doc_id", "start", "end", "sentence", "role", "basis", "confidence", "date"]
LOCAL_CLAIM_COLS = [c for c in CLAIM_COLS if c != "subject_name"]

# how a claim's subject was read (pipeline/numbers.py) -> the ABOUT edge's basis and confidence
SUBJECT_BASES = {
    "sentence": ("the nearest organisation or place written before it in the sentence", "stated"),
    "person": ("a span of time after a person written before it in the sentence", "stated"),
    "level word and report context": ("全县/本市…: the report's division of that level", "inferred"),
    "paragraph subject": ("the organisation opening a sentence before it in its paragraph", "inferred"),
    "age": ("an age written right before a person's name", "stated"),
}


def _q(cols: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


# local rows, in the store: k is the report's key, n the row's place in the report
LOCAL_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS r_report(k TEXT PRIMARY KEY, rid TEXT, ok INTEGER, n_sections INTEGER);
CREATE TABLE IF NOT EXISTS r_docs(k TEXT, n INTEGER, {_q(DOC_COLS)});
CREATE TABLE IF NOT EXISTS r_mentions(k TEXT, n INTEGER, {_q(MENTION_COLS[:-1])}, ref TEXT, mapped INTEGER);
CREATE TABLE IF NOT EXISTS r_claims(k TEXT, n INTEGER, {_q(LOCAL_CLAIM_COLS)});
CREATE TABLE IF NOT EXISTS r_ev(k TEXT, n INTEGER, {_q(EV_COLS)}, src_mapped INTEGER, dst_mapped INTEGER);
CREATE TABLE IF NOT EXISTS r_nodes(k TEXT, id TEXT, type TEXT, name TEXT, attrs TEXT);
CREATE TABLE IF NOT EXISTS r_texts(k TEXT, n INTEGER, doc_id TEXT, text BLOB);
CREATE INDEX IF NOT EXISTS r_docs_k ON r_docs(k);
CREATE INDEX IF NOT EXISTS r_mentions_k ON r_mentions(k);
CREATE INDEX IF NOT EXISTS r_claims_k ON r_claims(k);
CREATE INDEX IF NOT EXISTS r_ev_k ON r_ev(k);
CREATE INDEX IF NOT EXISTS r_nodes_k ON r_nodes(k);
CREATE INDEX IF NOT EXISTS r_texts_k ON r_texts(k);
"""
LOCAL_TABLES = ("r_report", "r_docs", "r_mentions", "r_claims", "r_ev", "r_nodes", "r_texts")


def _table(name: str, cols: list[str]) -> str:
    return f"CREATE TABLE {name}(seq INTEGER PRIMARY KEY, {_q(cols)})"


SCHEMA = ";\n".join([
    _table("documents", DOC_COLS),
    _table("mentions", MENTION_COLS),
    _table("claims", CLAIM_COLS),
    _table("evidence", EV_COLS),
    "CREATE TABLE nodes(id TEXT PRIMARY KEY, type TEXT, name TEXT, attrs TEXT, n_reports INTEGER, n_mentions INTEGER)",
    "CREATE TABLE mention_edges(src TEXT, dst TEXT, count INTEGER)",
    # what a patch of the index (pipeline/indexpatch.py) needs: each report's key, node,
    # rows and keys; the evidence and mention counts whose ends have no node (yet)
    "CREATE TABLE rep(k TEXT PRIMARY KEY, rid TEXT, ok INTEGER, n_sections INTEGER) WITHOUT ROWID",
    "CREATE TABLE kdocs(k TEXT, n INTEGER, doc_id TEXT, PRIMARY KEY(k, n)) WITHOUT ROWID",
    "CREATE TABLE ktexts(k TEXT, n INTEGER, doc_id TEXT, PRIMARY KEY(k, n)) WITHOUT ROWID",
    "CREATE TABLE keyuse(key TEXT, k TEXT, PRIMARY KEY(key, k)) WITHOUT ROWID",
    "CREATE TABLE local_nodes(k TEXT, id TEXT, PRIMARY KEY(k, id)) WITHOUT ROWID",
    f"CREATE TABLE ev_dropped(n INTEGER, {_q(EV_COLS)})",
    "CREATE TABLE me_dropped(src TEXT, dst TEXT, count INTEGER)",
    "CREATE TABLE index_meta(k TEXT PRIMARY KEY, v TEXT)",
    "CREATE TABLE link_ent(root TEXT PRIMARY KEY, final TEXT, nid TEXT, pkey TEXT, data TEXT) WITHOUT ROWID",
    "CREATE TABLE link_remap(key TEXT PRIMARY KEY, final TEXT) WITHOUT ROWID",
    "CREATE INDEX link_ent_nid ON link_ent(nid)",
    "CREATE INDEX link_ent_pkey ON link_ent(pkey)",
]) + ";"
# a full build numbers the rows of each table GAP apart (seq = rank x GAP), so that a patch
# can place new rows between them
GAP = 1 << 32


def _date_precision(iso: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(iso), "other")


def _date_node(iso: str) -> tuple[str, dict]:
    return node_id(f"date:{iso}"), {"type": "Date", "name": iso, "iso": iso, "precision": _date_precision(iso)}


# --------------------------------------------------------------------------- one report

def put_local(db, k: str, ex: dict) -> None:
    """The local rows of one report's extraction ``ex`` into the store ``db`` (inside the
    caller's transaction), replacing any it had."""
    insert_local(db, k, local_rows(k, ex))


def insert_local(db, k: str, rows: list[tuple[str, list[tuple]]]) -> None:
    """The rows of :func:`local_rows` into the store ``db``, replacing any report ``k`` had."""
    for t in LOCAL_TABLES:
        db.execute(f"DELETE FROM {t} WHERE k=?", (k,))
    for sql, values in rows:
        db.executemany(sql, values)


def local_rows(k: str, ex: dict) -> list[tuple[str, list[tuple]]]:
    """The local rows of report ``k``'s extraction ``ex``, as (INSERT statement, rows) in
    the order they go in (made where the report was extracted, inserted by the build)."""
    out: list[tuple[str, list[tuple]]] = []
    rep = ex["report"]
    rid = node_id(f"report:{rep['doc_id']}")
    ok = rep["status"] == "ok"
    multi = len(ex["sections"]) > 1
    docs = [doc_row(rep, rep["doc_id"], rep["title"], rep["authors"], len(ex["text"]), "")]
    out.append(("INSERT INTO r_report VALUES(?,?,?,?)", [(k, rid, int(ok), len(ex["sections"]) if ok else 0)]))
    if not ok:
        _rows(out, "r_docs", k, DOC_COLS, docs)
        return out
    texts = [(rep["doc_id"], ex["text"])]
    nodes: dict[str, dict] = {}
    evidence, mentions, claims = [], [], []

    def date(iso: str) -> str:
        nid, d = _date_node(iso)
        nodes.setdefault(nid, d)
        return nid

    def add_rel(src, dst, typ, doc_id, text, start, end, mapped=(0, 0), **extra):
        evidence.append({"src": src, "dst": dst, "typ": typ, "doc_id": doc_id, "start": start, "end": end,
                         "sentence": text[start:end] if end > start else "", "src_mapped": mapped[0],
                         "dst_mapped": mapped[1], **{x: v for x, v in extra.items() if v}})

    nodes[rid] = {"type": "Report", "name": rep["title"] or rep["doc_id"], "title": rep["title"],
                  "pub_date": rep["pub_date"], "source": rep["source"],
                  "authors": "、".join(rep["authors"]), "file": rep["file"],
                  "sections": len(ex["sections"]),
                  "section_titles": " | ".join(s["title"] for s in ex["sections"]) if multi else ""}
    if rep["pub_date"]:
        did = date(rep["pub_date"])
        first = ex["sections"][0] if ex["sections"] else None
        where = first["text"].find(rep["pub_date"].split("-")[0]) if first else -1
        line = line_at(first["text"], where) if first and where >= 0 else (0, 0)
        add_rel(rid, did, "PUBLISHED_ON", first["doc_id"] if first else rep["doc_id"],
                first["text"] if first else "", *line, basis=rep.get("pub_date_source", ""))
    for sec in ex["sections"]:
        sid, text = sec["doc_id"], sec["text"]
        if multi:
            docs.append(doc_row(rep, sid, sec["title"], sec["authors"], len(text), rep["doc_id"], sec["byline"]))
            texts.append((sid, text))
        claim_ids = {}
        for n, c in enumerate(sec["claims"], 1):
            cid = node_id(f"claim:{sid}:{n}")
            claim_ids[c["mention"]] = cid
            sentence = text[c["sent_start"]:c["sent_end"]]
            nodes[cid] = {"type": "Claim", "name": c["text"], "value": float(c["value"]), "unit": c["unit"],
                          "approx": bool(c["approx"]), "counted": c.get("counted", ""), "doc_id": sid,
                          "date": c.get("date", ""), "sentence": sentence}
            claims.append({"claim_id": cid, "doc_id": sid, "text": c["text"], "value": num(c["value"]),
                           "unit": c["unit"], "approx": "true" if c["approx"] else "false",
                           "subject_id": c.get("subject") or "", "date": c.get("date", ""), "sentence": sentence,
                           "counted": c.get("counted", ""), "start": c["start"], "end": c["end"]})
            if c.get("subject"):
                basis, confidence = SUBJECT_BASES.get(c.get("subject_basis", ""), (c.get("subject_basis", ""), "inferred"))
                add_rel(cid, c["subject"], "ABOUT", sid, text, c["sent_start"], c["sent_end"], mapped=(0, 1),
                        basis=basis, confidence=confidence)
            if c.get("date"):
                add_rel(cid, date(c["date"]), "ON_DATE", sid, text, c["sent_start"], c["sent_end"])
        for m in sec["mentions"]:
            mapped = 0
            if m["label"] == "NUMBER":
                ref = claim_ids.get(m["start"], "")
            elif m["label"] == "DATE":
                ref = date(m["norm"]) if m["norm"] else ""
            else:
                ref, mapped = (m["key"] or ""), int(bool(m["key"]))
            mentions.append({"doc_id": sid, "label": m["label"], "text": m["text"], "start": m["start"],
                             "end": m["end"], "norm": m["norm"], "ref": ref, "mapped": mapped})
        for r in sec["relations"]:
            a = r["attrs"]
            add_rel(r["source"], r["target"], r["type"], sid, text, r["start"], r["end"], mapped=(1, 1),
                    role=a.get("role", ""), basis=a.get("basis", ""), date=a.get("date", ""),
                    confidence=a.get("confidence", ""))
    _rows(out, "r_docs", k, DOC_COLS, docs)
    _rows(out, "r_mentions", k, MENTION_COLS[:-1] + ["ref", "mapped"], mentions)
    _rows(out, "r_claims", k, LOCAL_CLAIM_COLS, claims)
    _rows(out, "r_ev", k, EV_COLS + ["src_mapped", "dst_mapped"], evidence)
    out.append(("INSERT INTO r_nodes VALUES(?,?,?,?,?)",
                [(k, nid, d["type"], d["name"], json.dumps(d, ensure_ascii=False)) for nid, d in nodes.items()]))
    out.append(("INSERT INTO r_texts VALUES(?,?,?,?)",
                [(k, n, d, zlib.compress(t.encode("utf-8"), 1)) for n, (d, t) in enumerate(texts)]))
    return out


def _rows(out: list, table: str, k: str, cols: list[str], rows: list[dict]) -> None:
    if rows:
        out.append((f"INSERT INTO {table}(k, n, {_q(cols)}) VALUES(?, ?, {', '.join('?' * len(cols))})",
                    [(k, n, *(r.get(c, "") for c in cols)) for n, r in enumerate(rows)]))


# --------------------------------------------------------------------------- all reports

def open_new(path: Path) -> sqlite3.Connection:
    for p in (path, path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA journal_mode=OFF")
    db.executescript(SCHEMA)
    return db


def assemble(store: Path, keys: list[str], link_records: Iterable[dict], path: Path, texts) -> dict:
    """The index at ``path`` from the local rows in ``store`` of the reports ``keys`` (in
    file order). ``texts(k, doc_id, text_or_None)`` is given each cleaned text (None:
    unchanged, to be taken from the previous output set when it has it). Returns counts
    for the build's summary."""
    entities, remap = link_all(link_records)
    with phase("index"):
        return make_index(store, keys, entities, remap, path, texts)


def link_all(link_records) -> tuple[dict, dict]:
    """(entities, key -> final key) of the linking, timed as the build's link phase."""
    with phase("link"):
        return link_records.link() if hasattr(link_records, "link") else link.merge_entities(link_records)


def make_index(store: Path, keys: list[str], entities: dict, remap: dict, path: Path, texts) -> dict:
    db = open_new(path)
    db.execute("ATTACH DATABASE ? AS s", (str(store),))
    db.execute("CREATE TEMP TABLE ord(k TEXT PRIMARY KEY, o INTEGER)")
    db.executemany("INSERT INTO ord VALUES(?, ?)", ((k, o) for o, k in enumerate(keys)))
    db.execute("BEGIN")
    book_reports(db)
    # every key a report used -> the node id of its entity after linking; kept in the index:
    # a rebuild compares it to find the rows whose ids moved (pipeline/splice.py, indexpatch.py)
    db.execute("CREATE TABLE keymap(key TEXT PRIMARY KEY, id TEXT) WITHOUT ROWID")
    db.executemany("INSERT INTO keymap VALUES(?, ?)", ((key, node_id(remap.get(key, key))) for (key,) in
                                                       db.execute("SELECT DISTINCT key FROM keyuse").fetchall()))
    stage_rows(db, "keymap")
    # the tables' rows are stored in their final order (ties: the order read), GAP apart,
    # so that writing them is one sequential scan
    db.execute(f"""INSERT INTO documents(seq, {_q(DOC_COLS)})
                   SELECT row_number() OVER (ORDER BY ord.o, n) * {GAP}, {_q(DOC_COLS)}
                   FROM s.r_docs JOIN ord USING(k) ORDER BY ord.o, n""")
    for table, cols, order in ORDERED:
        db.execute(f"""INSERT INTO {table}(seq, {_q(cols)}) SELECT row_number() OVER (ORDER BY {order}) * {GAP},
                       {_q(cols)} FROM {STAGED[table]} ORDER BY {order}""")
    # mentions per report and node
    db.execute("""INSERT INTO mention_edges SELECT r.rid, x.entity_id, x.c FROM
                    (SELECT k, entity_id, count(*) AS c FROM m WHERE entity_id != '' GROUP BY k, entity_id) x
                  JOIN s.r_report r USING(k) ORDER BY x.k, x.entity_id""")
    counts = {t: (nr, nm) for t, nr, nm in db.execute(
        "SELECT dst, count(*), sum(count) FROM mention_edges GROUP BY dst")}
    db.execute("""INSERT OR IGNORE INTO nodes SELECT n.id, n.type, n.name, n.attrs, 0, 0
                  FROM s.r_nodes n JOIN ord USING(k) ORDER BY ord.o, n.id""")
    db.executemany("UPDATE nodes SET n_reports = ?, n_mentions = ? WHERE id = ? AND type IN ('Date', 'Claim')",
                   ((nr, nm, t) for t, (nr, nm) in counts.items()))
    db.executemany("INSERT OR REPLACE INTO nodes VALUES(?,?,?,?,?,?)",
                   entity_nodes(entities, remap, counts, member_roles(db)))
    # the file each report node stands for, for the queries
    db.execute("""CREATE TABLE report_ids AS SELECT r.rid, d.doc_id FROM s.r_report r JOIN ord USING(k)
                  JOIN s.r_docs d ON d.k = r.k AND d.n = 0 WHERE r.ok = 1 ORDER BY ord.o""")
    db.execute("INSERT INTO index_meta VALUES('format', ?)", (index_format(),))
    mirror_linking(db, entities)
    db.execute("COMMIT")
    out = {"files": len(keys)}
    for k, doc_id, blob in db.execute("SELECT k, doc_id, text FROM s.r_texts JOIN ord USING(k) ORDER BY ord.o, n"):
        texts(k, doc_id, lambda blob=blob: zlib.decompress(blob).decode("utf-8"))
    db.execute("DETACH DATABASE s")
    finish(db)
    out.update(summary(db))
    db.close()
    return out


# the staged rows (temp tables m and ev) -> the index tables, in their final order
ORDERED = (("mentions", MENTION_COLS, 'doc_id, start, "end", label, o, n'),
           ("claims", CLAIM_COLS, 'doc_id, start, "end", o, n'),
           ("evidence", EV_COLS, 'typ, src, dst, doc_id, start, "end", o, n'))
# evidence: what one section says twice (same ends, type, place and attributes) kept once
STAGED = {"mentions": "m", "claims": "c",
          # one row per group, the first said (SQLite takes the other columns from the row
          # of the min(): one sort instead of a window's two)
          "evidence": """(SELECT o, min(n) AS n, k, src, dst, typ, doc_id, start, "end", sentence, role, basis,
                          confidence, date FROM ev GROUP BY k, src, dst, typ, doc_id, start, "end",
                          role, basis, confidence, date)"""}


def index_format() -> str:
    """What a patch needs the previous index to have been made by: this module's and the
    patch's code."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(Path(__file__).with_name("indexpatch.py").read_bytes())
    return h.hexdigest()[:24]


def mirror_linking(db, entities) -> None:
    """A copy of the linking's results (the store's ``lk_ent`` and ``lk_remap``) in the index,
    with each entity's node id and parent key, when the entities were read from the store:
    a patch compares the next linking's with it, in SQL, to find the entities that changed
    (``index_meta`` 'linked': 'store'; else 'memory', and a patch compares every entity)."""
    db.create_function("node_id", 1, node_id, deterministic=True)
    from_store = isinstance(entities, linkstore.Entities)
    db.execute("DELETE FROM link_ent")
    db.execute("DELETE FROM link_remap")
    if from_store:
        db.execute("""INSERT INTO link_ent SELECT root, final, node_id(final), json_extract(data, '$.attrs.parent_id'), data
                      FROM s.lk_ent ORDER BY root""")
        db.execute("INSERT INTO link_remap SELECT key, final FROM s.lk_remap ORDER BY key")
    db.execute("INSERT OR REPLACE INTO index_meta VALUES('linked', ?)", ("store" if from_store else "memory",))


def _by_key(table: str, few: bool) -> str:
    """The rows of a store table of the reports in ``ord``: with ``few``, ``ord`` first (its
    keys looked up in the table's index on k); else as SQLite plans it (a scan of the table)."""
    return f"ord CROSS JOIN {table} USING(k)" if few else f"{table} JOIN ord USING(k)"


def book_reports(db, few: bool = False) -> None:
    """The bookkeeping rows of the reports in ``ord`` (their key, node, sections, texts,
    keys used and local nodes), from the attached store ``s``. ``few``: ``ord`` holds a
    few of the store's reports (a patch), whose rows are looked up by key instead of the
    store's tables being scanned."""
    db.execute(f"INSERT INTO rep SELECT k, rid, ok, n_sections FROM {_by_key('s.r_report', few)} ORDER BY k")
    db.execute(f"INSERT INTO kdocs SELECT k, n, doc_id FROM {_by_key('s.r_docs', few)} ORDER BY k, n")
    db.execute(f"INSERT INTO ktexts SELECT k, n, doc_id FROM {_by_key('s.r_texts', few)} ORDER BY k, n")
    db.execute(f"""INSERT INTO keyuse SELECT DISTINCT key, k FROM (
                    SELECT ref AS key, k FROM {_by_key('s.r_mentions', few)} WHERE mapped = 1
                    UNION SELECT subject_id, k FROM {_by_key('s.r_claims', few)} WHERE subject_id != ''
                    UNION SELECT src, k FROM {_by_key('s.r_ev', few)} WHERE src_mapped = 1
                    UNION SELECT dst, k FROM {_by_key('s.r_ev', few)} WHERE dst_mapped = 1) ORDER BY key, k""")
    db.execute(f"INSERT OR IGNORE INTO local_nodes SELECT k, id FROM {_by_key('s.r_nodes', few)} ORDER BY k, id")


def stage_rows(db, ids: str, few: bool = False) -> None:
    """Temp tables ``m``, ``c`` and ``ev``: the mentions, claims and evidence of the reports
    in ``ord`` with their keys mapped by the table ``ids`` (key, id); a relation of an entity
    to itself dropped. ``few``: as in :func:`book_reports`."""
    db.execute("DROP TABLE IF EXISTS temp.m")
    db.execute("DROP TABLE IF EXISTS temp.c")
    db.execute("DROP TABLE IF EXISTS temp.ev")
    db.execute(f"""CREATE TEMP TABLE m AS SELECT ord.o AS o, m.n AS n, m.k AS k, m.doc_id, m.label, m.text, m.start,
                         m."end", m.norm, CASE WHEN m.mapped = 1 THEN coalesce(ids.id, '') ELSE m.ref END AS entity_id
                  FROM {_by_key('s.r_mentions m', few)} LEFT JOIN {ids} ids ON m.mapped = 1 AND ids.key = m.ref""")
    cols = [c for c in LOCAL_CLAIM_COLS if c != "subject_id"]
    db.execute(f"""CREATE TEMP TABLE c AS SELECT ord.o AS o, c.n AS n, c.k AS k,
                          {', '.join('c.' + c for c in _q(cols).split(', '))},
                          CASE WHEN c.subject_id != '' THEN ids.id ELSE '' END AS subject_id, '' AS subject_name
                   FROM {_by_key('s.r_claims c', few)} LEFT JOIN {ids} ids ON ids.key = c.subject_id""")
    db.execute(f"""CREATE TEMP TABLE ev AS SELECT ord.o AS o, e.n AS n, e.k AS k,
                         CASE WHEN e.src_mapped = 1 THEN a.id ELSE e.src END AS src,
                         CASE WHEN e.dst_mapped = 1 THEN b.id ELSE e.dst END AS dst,
                         e.typ, e.doc_id, e.start, e."end", e.sentence, e.role, e.basis, e.confidence, e.date
                  FROM {_by_key('s.r_ev e', few)} LEFT JOIN {ids} a ON e.src_mapped = 1 AND a.key = e.src
                  LEFT JOIN {ids} b ON e.dst_mapped = 1 AND b.key = e.dst""")
    db.execute("DELETE FROM ev WHERE src = dst")


def member_roles(db) -> dict[str, set[str]]:
    """The roles of each member (MEMBER_OF evidence, its ends described or not)."""
    roles: dict[str, set[str]] = defaultdict(set)
    for src, role in db.execute("""SELECT src, role FROM evidence WHERE typ = 'MEMBER_OF' AND role != ''
                                   UNION ALL SELECT src, role FROM ev_dropped WHERE typ = 'MEMBER_OF' AND role != ''"""):
        roles[src].add(role)
    return roles


def summary(db) -> dict:
    """The counts of the build's summary, from the index."""
    out = dict(zip(("reports", "sections"), db.execute(
        "SELECT count(*), coalesce(sum(n_sections), 0) FROM rep WHERE ok = 1").fetchone()))
    out["entities"] = db.execute("SELECT count(*) FROM nodes WHERE type NOT IN ('Report', 'Claim')").fetchone()[0]
    out["edges"] = db.execute("SELECT (SELECT count(*) FROM edges) + (SELECT count(*) FROM mention_edges)").fetchone()[0]
    return out


def entity_nodes(entities: dict, remap: dict, counts, roles):
    """The nodes rows of the linked entities, in the linking's order (``counts``: node id ->
    (reports, mentions), ``roles``: node id -> roles; dicts or what has ``get``)."""
    for key, ent in entities.items():
        if ent["label"] == "DATE":
            continue
        key = node_id(key)
        a = ent["attrs"]
        nr, nm = counts.get(key, (0, 0))
        node = {"type": link.LABEL_NODE[ent["label"]], "name": ent["name"], "aliases": "|".join(ent["aliases"]),
                "n_reports": nr, "n_mentions": nm}
        for x in ("adcode", "level", "kind", "link_basis"):
            if a.get(x):
                node[x] = str(a[x])
        parent = node_id(remap.get(a["parent_id"], a["parent_id"])) if a.get("parent_id") else ""
        if parent and parent != key:   # 重庆市区 joined into 重庆市 brings its parent, 重庆市 itself
            node["parent_id"] = parent
        if role := roles.get(key):
            node["roles"] = "|".join(sorted(role))
        yield key, node["type"], node["name"], json.dumps(node, ensure_ascii=False), nr, nm


# an organisation's or place's place: its first LOCATED_IN, else a place's parent
PARENTS = """SELECT id, coalesce(
    (SELECT min(e.dst) FROM edges e WHERE e.src = nodes.id AND e.typ = 'LOCATED_IN'),
    CASE WHEN type = 'Place' THEN nullif(json_extract(attrs, '$.parent_id'), '') END) AS parent
  FROM nodes WHERE type IN ('Organization', 'Place')"""
# an edge: one per source, target and type, its first piece of evidence and weight
EDGES = """SELECT src, dst, typ, count(*) AS weight, min(seq) AS first, group_concat(DISTINCT nullif(role, '')) AS roles
           FROM evidence"""


def alias_rows(rows):
    """(alias, id) of each (id, name, attrs) node row."""
    return ((a, nid) for nid, name, attrs in rows
            for a in sorted({name, *filter(None, json.loads(attrs).get("aliases", "").split("|"))}))


def finish(db) -> None:
    """Edges (one per source, target and type, its first piece of evidence and weight),
    and the indexes the queries use."""
    db.executescript(f"""
        CREATE INDEX ev_src ON evidence(src, dst, typ);
        CREATE INDEX ev_dst ON evidence(dst, typ, src);
        -- where a patch places a new piece of evidence
        CREATE INDEX ev_key ON evidence(typ, src, dst, doc_id, start, "end");
        -- evidence whose ends were never described (e.g. a relation to an entity whose report
        -- failed): kept aside, so that a patch brings it back when a node appears
        INSERT INTO ev_dropped SELECT seq, {_q(EV_COLS)} FROM evidence
          WHERE src NOT IN (SELECT id FROM nodes) OR dst NOT IN (SELECT id FROM nodes);
        DELETE FROM evidence WHERE src NOT IN (SELECT id FROM nodes) OR dst NOT IN (SELECT id FROM nodes);
        INSERT INTO me_dropped SELECT * FROM mention_edges WHERE dst NOT IN (SELECT id FROM nodes);
        DELETE FROM mention_edges WHERE dst NOT IN (SELECT id FROM nodes);
        -- evidence is stored by (type, source, target, report, offsets): an edge's first
        -- piece is its lowest seq
        CREATE TABLE edges(src TEXT, dst TEXT, typ TEXT, weight INTEGER, first INTEGER, roles TEXT,
                           PRIMARY KEY(src, dst, typ)) WITHOUT ROWID;
        INSERT INTO edges {EDGES} GROUP BY src, dst, typ;
        CREATE INDEX edges_dst ON edges(dst, typ);
        CREATE INDEX me_src ON mention_edges(src, dst);
        CREATE INDEX me_dst ON mention_edges(dst);
        CREATE INDEX docs_id ON documents(doc_id);
        -- a section's rows, and the rows of an entity (what a rebuild splices, pipeline/splice.py)
        CREATE INDEX mentions_doc ON mentions(doc_id);
        CREATE INDEX claims_doc ON claims(doc_id);
        CREATE INDEX ev_doc ON evidence(doc_id);
        CREATE INDEX nodes_name ON nodes(name);
        CREATE INDEX claims_subject ON claims(subject_id);
        CREATE INDEX report_ids_rid ON report_ids(rid);
        CREATE TABLE parents AS {PARENTS};
        CREATE INDEX parents_id ON parents(id);
        CREATE INDEX parents_parent ON parents(parent);
        CREATE TABLE aliases(alias TEXT, id TEXT);
        CREATE INDEX aliases_alias ON aliases(alias);
        CREATE INDEX aliases_id ON aliases(id);
        -- a patch's look-ups
        CREATE INDEX keyuse_k ON keyuse(k);
        CREATE INDEX local_nodes_id ON local_nodes(id);
        CREATE INDEX evd_doc ON ev_dropped(doc_id);
        CREATE INDEX evd_src ON ev_dropped(src);
        CREATE INDEX evd_dst ON ev_dropped(dst);
        CREATE INDEX med_src ON me_dropped(src);
        CREATE INDEX med_dst ON me_dropped(dst);
    """)
    db.execute("BEGIN")
    rows = db.execute("SELECT id, name, attrs FROM nodes WHERE type NOT IN ('Report', 'Claim')")
    db.executemany("INSERT INTO aliases VALUES(?,?)", alias_rows(rows.fetchall()))
    db.execute("COMMIT")
