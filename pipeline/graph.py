"""Stage 9 - the knowledge graph and the tables: one NetworkX MultiDiGraph written as
GraphML, and CSV tables, all deterministic (sorted) and written atomically.

Schema (see ../shared/CONTRACT.md): nodes carry ``label`` and ``name``; edges carry
``type`` and, except MENTIONS, one piece of evidence (``doc_id``, ``sentence``, ``start``,
``end``) and ``weight`` (how many pieces there are; all of them are in relations.csv).
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
from pathlib import Path

from . import csvio
from .graphml import GRAPHML_TAIL, edge_lines, gml_type, graphml_head, keys_json, node_unit
from .util import Aside, Beside, atomic_file, xml_safe

DOC_COLS = ["doc_id", "title", "pub_date", "source", "authors", "n_chars", "status", "error",
            "file", "encoding", "parent_id", "byline", "editor", "pub_date_basis", "year", "year_basis"]
MENTION_COLS = ["doc_id", "label", "text", "start", "end", "norm", "entity_id"]
ENTITY_COLS = ["entity_id", "label", "name", "aliases", "n_reports", "n_mentions",
               "adcode", "level", "parent_id", "kind", "roles", "link_basis"]
CLAIM_COLS = ["claim_id", "doc_id", "text", "value", "unit", "approx", "subject_id", "date",
              "sentence", "counted", "start", "end", "subject_name"]
RELATION_COLS = ["source_id", "target_id", "type", "doc_id", "start", "end", "sentence",
                 "role", "source_name", "target_name", "basis", "confidence", "date"]
# the tables of a set but the communities, in the order they are written
TABLES = (("documents", DOC_COLS), ("mentions", MENTION_COLS), ("entities", ENTITY_COLS),
          ("claims", CLAIM_COLS), ("relations", RELATION_COLS))


# --------------------------------------------------------------------------- phases

PHASES: list[dict] = []  # what a build spent where: written to work/phases.jsonl after it (not *.json: those are the extraction caches)


@contextlib.contextmanager
def phase(name: str):
    """Times a phase of the build, with this process's peak memory (resident set, high-water
    mark) after it: which phase raises the peak."""
    import resource
    import time
    t0 = time.perf_counter()
    try:
        yield
    finally:
        PHASES.append({"phase": name, "s": round(time.perf_counter() - t0, 3),
                       "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)})


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


def line_at(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def num(v) -> str:
    f = float(v)
    return str(int(f)) if f == int(f) and abs(f) < 1e15 else repr(round(f, 6))


def doc_row(rep: dict, doc_id: str, title: str, authors: list[str], n_chars: int,
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


CHUNK = 20000  # rows per write


def write_table(path: Path, cols: list[str], rows, *, cells: bool = False) -> None:
    """A CSV table from an iterable of row dicts (or, with ``cells``, of tuples of cells
    already neutralised, from :func:`sql_rows`), written in chunks of CHUNK rows."""
    header = _csv([], cols)
    with atomic_file(path, durable=False) as f:  # flushed only by --durable (pipeline/outsets.py)
        f.write(header)
        if cells:
            w = csv.writer(f, lineterminator="\n")
            while True:
                chunk = rows.fetchmany(CHUNK)
                if not chunk:
                    break
                w.writerows(chunk)
            return
        chunk = []
        for r in rows:
            chunk.append(r)
            if len(chunk) >= CHUNK:
                f.write(_csv(chunk, cols)[len(header):])
                chunk = []
        if chunk:
            f.write(_csv(chunk, cols)[len(header):])


def _query(db, sql: str, args=()):
    cur = db.execute(sql, args)
    names = [d[0] for d in cur.description]
    while True:
        batch = cur.fetchmany(CHUNK)
        if not batch:
            return
        for row in batch:
            yield dict(zip(names, row))


_RISKY_SQL = ", ".join("'" + c.replace("'", "''") + "'" if c not in "\t\r" else {"\t": "char(9)", "\r": "char(13)"}[c]
                       for c in csvio.RISKY)


def _q(col: str) -> str:
    return f'"{col}"'


def _cell(expr: str, alias: str) -> str:
    """A column as csvio.neutralise writes it: only cells that start with a risky
    character go through Python."""
    return f'CASE WHEN substr({expr}, 1, 1) IN ({_RISKY_SQL}) THEN neutralise({expr}) ELSE {expr} END AS "{alias}"'


# the unit of each spliced table (pipeline/splice.py): the columns its rows are sorted by
# first, so that each unit's rows are one byte range of the file. documents.csv is in file
# order: its unit is one row, keyed by its place in the index (seq), written fixed-width so
# that the keys sort as the rows do (DOC_KEY; a unit is looked up by seq itself, which SQLite
# compares as a number)
DOC_KEY = "printf('%020d', seq)"
UNITS = {"documents": (DOC_KEY,), "mentions": ("doc_id",), "claims": ("c.doc_id",), "relations": ("e.typ", "e.src")}


def sql_rows(db, name: str, *, keyed: bool = False, unit: tuple = ()):
    """A cursor over the cells of one output table, in its order, from the index
    (documents, mentions, claims, relations). ``keyed``: each row starts with its unit's
    key columns (UNITS); ``unit``: the rows of that one unit only."""
    db.create_function("neutralise", 1, csvio.neutralise, deterministic=True)
    keys = UNITS[name]
    head = "".join(f"{k}, " for k in keys) if keyed else ""
    where = (" WHERE " + " AND ".join(f"{'seq' if k == DOC_KEY else k} = ?" for k in keys)) if unit else ""
    if name == "documents":
        sql = f"SELECT {head}{', '.join(_cell(_q(c), c) for c in DOC_COLS)} FROM documents{where} ORDER BY seq"
    elif name == "mentions":
        sql = f"SELECT {head}{', '.join(_cell(_q(c), c) for c in MENTION_COLS)} FROM mentions{where} ORDER BY seq"
    elif name == "claims":
        expr = {c: f'c."{c}"' for c in CLAIM_COLS}
        expr["subject_id"] = "coalesce(n.id, '')"
        expr["subject_name"] = "coalesce(n.name, '')"
        sql = (f"SELECT {head}{', '.join(_cell(expr[c], c) for c in CLAIM_COLS)} FROM claims c "
               f"LEFT JOIN nodes n ON n.id = c.subject_id AND c.subject_id != ''{where} ORDER BY c.seq")
    elif name == "relations":
        expr = {"source_id": "e.src", "target_id": "e.dst", "type": "e.typ", "source_name": "s.name",
                "target_name": "t.name"}
        cells = ", ".join(_cell(expr.get(c, "e." + _q(c)), c) for c in RELATION_COLS)
        sql = (f"SELECT {head}{cells} "
               f"FROM evidence e JOIN nodes s ON s.id = e.src JOIN nodes t ON t.id = e.dst{where} ORDER BY e.seq")
    else:
        raise KeyError(name)
    return db.execute(sql, unit)


def entity_rows(db, ids: list[str] | None = None):
    """The rows of entities.csv, from the index (all, or those of ``ids``)."""
    if ids is not None:
        for i in ids:
            yield from entity_rows_where(db, "AND id = ?", (i,))
        return
    yield from entity_rows_where(db, "", ())


def entity_rows_where(db, where: str, args: tuple):
    """The entities.csv rows of the nodes ``where`` selects (an SQL condition on ``nodes``, with ``args``), by id."""
    for r in _query(db, f"""SELECT id, type, name, attrs, n_reports, n_mentions FROM nodes
                            WHERE type NOT IN ('Report', 'Claim') {where} ORDER BY id""", args):
        a = json.loads(r["attrs"])
        yield {"entity_id": r["id"], "label": _mention_label(r["type"]), "name": r["name"],
               "aliases": a.get("aliases", r["name"]), "n_reports": r["n_reports"], "n_mentions": r["n_mentions"],
               "adcode": a.get("adcode", ""), "level": a.get("level", ""), "parent_id": a.get("parent_id", ""),
               "kind": a.get("kind", ""), "roles": a.get("roles", ""), "link_basis": a.get("link_basis", "")}


def graph_nodes(db, node: str | None = None):
    """(id, attributes) of every node (or of the one ``node``), sorted by id, as GraphML
    carries them."""
    where, args = (" WHERE id = ?", (node,)) if node is not None else ("", ())
    for r in _query(db, f"SELECT id, name, attrs FROM nodes{where} ORDER BY id", args):
        d = json.loads(r["attrs"])
        yield r["id"], _graphml_attrs({"type": d["type"], "label": r["name"], **d})


def graph_edges(db, src: str | None = None):
    """(source, target, type, attributes) of every edge (or of those from ``src``), sorted
    by (source, target, type): the first piece of evidence and the weight, or the count of
    a MENTIONS edge."""
    where, args = (" WHERE src = ?", (src, src)) if src is not None else ("", ())
    sql = f"""SELECT x.src, x.dst, x.typ, x.weight, x.roles, e.doc_id, e.sentence, e.start, e."end", e.basis,
                    e.confidence, x.count
             FROM (SELECT src, dst, typ, weight, roles, first, NULL AS count FROM edges{where}
                   UNION ALL SELECT src, dst, 'MENTIONS', NULL, NULL, NULL, count FROM mention_edges{where}) x
             LEFT JOIN evidence e ON e.seq = x.first
             ORDER BY x.src, x.dst, x.typ"""
    cur = db.execute(sql, args)
    while True:
        batch = cur.fetchmany(CHUNK)
        if not batch:
            return
        for src, dst, typ, weight, roles, doc_id, sentence, start, end, basis, confidence, count in batch:
            if typ == "MENTIONS":
                yield src, dst, "MENTIONS", {"type": "MENTIONS", "count": count}
                continue
            attrs = {"type": typ, "doc_id": doc_id, "sentence": sentence, "start": start, "end": end,
                     "weight": weight}
            if typ == "MEMBER_OF":
                attrs["role"] = "|".join(sorted(set(filter(None, (roles or "").split(",")))))
            if basis:
                attrs["basis"] = basis
            if confidence:
                attrs["confidence"] = confidence
            yield src, dst, typ, _graphml_attrs(attrs)


def graph_numbers(db) -> tuple[int, int]:
    n = db.execute("SELECT count(*) FROM nodes").fetchone()[0]
    m = db.execute("SELECT (SELECT count(*) FROM edges) + (SELECT count(*) FROM mention_edges)").fetchone()[0]
    return n, m


_JSON_TYPES = {"integer": "long", "real": "double", "true": "boolean", "false": "boolean", "text": "string"}


def key_holders(db, ids: list[str] | None = None) -> dict[str, list]:
    """Each node attribute key -> [the lowest node id holding a value of it, that value's
    GraphML type], over every node (one pass through their attributes) or those of ``ids``."""
    where, args = "", ()
    if ids is not None:
        where, args = f"AND n.id IN ({','.join('?' * len(ids))})", tuple(ids)
    return {key: [nid, _JSON_TYPES.get(typ, "string")] for key, typ, nid in db.execute(
        f"""SELECT j.key, j.type, min(n.id) FROM nodes n, json_each(n.attrs) j
            WHERE NOT (j.type = 'text' AND j.atom = '') {where} GROUP BY j.key""", args)}


def graph_keys(db, holders: dict[str, list] | None = None) -> dict[tuple[str, str], str]:
    """The GraphML keys and their types, read from the index by SQL (what a pass over
    every node and edge would find; :func:`write_graphml` checks it as it writes).
    ``holders``: the node attribute keys as :func:`key_holders` gives them, when known."""
    keys: dict[tuple[str, str], str] = {}
    if db.execute("SELECT 1 FROM nodes LIMIT 1").fetchone():
        keys[("node", "type")] = "string"
        if db.execute("SELECT 1 FROM nodes WHERE name != '' LIMIT 1").fetchone():
            keys[("node", "label")] = "string"
    for key, (_, typ) in sorted((holders if holders is not None else key_holders(db)).items()):
        keys.setdefault(("node", key), typ)
    if db.execute("SELECT 1 FROM mention_edges LIMIT 1").fetchone():
        keys[("edge", "type")] = "string"
        keys[("edge", "count")] = "long"
    if db.execute("SELECT 1 FROM edges LIMIT 1").fetchone():
        keys[("edge", "type")] = "string"
        for k in ("start", "end", "weight"):
            keys[("edge", k)] = "long"
        for k in ("doc_id", "sentence", "basis", "confidence"):
            if db.execute(f"SELECT 1 FROM edges x JOIN evidence e ON e.seq = x.first WHERE e.{_q(k)} != '' LIMIT 1").fetchone():
                keys[("edge", k)] = "string"
        if db.execute("SELECT 1 FROM edges WHERE typ = 'MEMBER_OF' AND coalesce(roles, '') != '' LIMIT 1").fetchone():
            keys[("edge", "role")] = "string"
    return keys


# where write_graphml records its spans when not given any: set by pipeline/splice.py in the
# GraphML helper process around its call (callers and tests call write_graphml(index, path))
graphml_spans = None


def table_header(cols: list[str]) -> bytes:
    """The start of a CSV table: byte-order mark and header row."""
    return _csv([], cols).encode("utf-8")


def write_graphml(index: Path, path: Path, spans=None) -> None:
    """The GraphML of the index, streamed in one pass: the same bytes as
    :func:`pipeline.graphml.graphml_bytes` of the same graph. The keys are declared from
    :func:`graph_keys`; should the nodes and edges written use others, the file is
    written again with those. ``spans.add(tab, key, length)`` is given the length of each
    node (``g_nodes``, by id) and of the edges of each source (``g_edges``), and
    ``spans.meta`` the keys and whether an edge id needed its clash suffix."""
    spans = spans if spans is not None else graphml_spans
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        holders = key_holders(db)
        keys = first = graph_keys(db, holders)
        while True:
            if spans is not None:
                spans.clear(("g_nodes", "g_edges"))
            seen = _write_graphml(db, path, keys, spans)
            if seen == keys:
                if spans is not None:
                    spans.meta["graph_keys"] = keys_json(keys)
                    spans.meta["graph_keys_first"] = keys_json(first)
                    spans.meta["graph_key_holders"] = json.dumps(holders, ensure_ascii=False, sort_keys=True)
                return
            keys = seen
    finally:
        db.close()


def _write_graphml(db, path: Path, keys: dict, spans=None) -> dict:
    """One pass; returns the keys the nodes and edges used, each with the type it had first."""
    head, node_ids, edge_ids = graphml_head(keys)
    seen: dict[tuple[str, str], str] = {}
    piped = False
    with atomic_file(path, "wb", durable=False) as f:  # flushed only by --durable (pipeline/outsets.py)
        f.write(head)
        buf: list[bytes] = []
        size = 0

        def unit(tab: str, key: str, data: bytes) -> None:
            """One node, or the edges of one source: its span recorded, written in 1 MiB writes."""
            nonlocal buf, size
            if spans is not None:
                spans.add(tab, (key,), len(data))
            buf.append(data)
            size += len(data)
            if size > 1 << 20:
                f.write(b"".join(buf))
                buf, size = [], 0
        # the keys seen so far are tracked as sets (one set operation a node or edge)
        nseen: set[str] = set()
        for n, d in graph_nodes(db):
            if not nseen.issuperset(d):
                for k, v in d.items():
                    if k not in nseen:
                        nseen.add(k)
                        seen[("node", k)] = gml_type(v)
            unit("g_nodes", n, node_unit(n, d, node_ids) if node_ids.keys() >= d.keys() else b"")

        def edges():
            nonlocal piped
            taken: set[str] = set()
            for u, v, typ, d in graph_edges(db):
                if "|" in u or "|" in v or "|" in typ:  # an id that may clash: made unique as it comes
                    piped = True
                    yield u, v, typ, d, edge_id(u, typ, v, taken)
                else:
                    yield u, v, typ, d, None
        cur, lines = None, []
        eseen: set[str] = set()
        for u, v, typ, d, key in edges():
            if u != cur:
                if cur is not None:
                    unit("g_edges", cur, ("\n" + "\n".join(lines)).encode("utf-8") if lines else b"")
                cur, lines = u, []
            if not eseen.issuperset(d):
                for k, val in d.items():
                    if k not in eseen:
                        eseen.add(k)
                        seen[("edge", k)] = gml_type(val)
            if edge_ids.keys() >= d.keys():
                lines += edge_lines(u, v, key or xml_safe(f"{u}|{typ}|{v}"), d, edge_ids)
        if cur is not None:
            unit("g_edges", cur, ("\n" + "\n".join(lines)).encode("utf-8") if lines else b"")
        f.write(b"".join(buf))
        f.write(GRAPHML_TAIL)
    if spans is not None:
        spans.meta["graph_piped"] = "1" if piped else ""
    return seen


def write_outputs(index: Path, out: Path, cache: Path | None = None, writer=None) -> None:
    """Tables, communities and GraphML of the index in ``index`` into the output set
    ``out`` (whose ``tables/cleaned`` the assembly wrote). The graph is written last: its
    presence means the whole set was written. ``cache``: a folder where the communities of
    the last graph are kept, reused while the graph they are found in is the same.
    ``writer``: what writes the tables and the GraphML instead (``write_tables(db,
    folder)``, ``write_graph(index, path)``: :class:`pipeline.splice.Writer`, which splices
    them from the previous set)."""
    tables = out / "tables"
    final = out / "graph.graphml"
    for stale in [*out.glob(".graph.graphml.*.staged"), *out.glob("..graph.graphml.*.staged.*.tmp")]:
        stale.unlink(missing_ok=True)  # left by a build that was killed (the second: its helper's)
    staged = out / f".graph.graphml.{os.getpid()}.staged"

    def stage_graph() -> bool:
        if writer is not None:
            writer.write_graph(index, staged)
        else:
            write_graphml(index, staged)
        return True
    # the GraphML is made in a second process while this one writes the tables (the
    # communities too in a process of their own were measured no faster on 2 cores: the
    # GraphML is the longest, and they cost memory)
    aside = Aside(stage_graph)
    try:
        units = getattr(writer, "units", None)
        # a rebuild's communities (found only where the change reached) in a thread while
        # the tables are spliced (the kernel copies: the lock is free)
        side = Beside(lambda: _communities(index, cache, out, writer, units)) if units is not None else None
        db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            with phase("tables"):
                if writer is not None:  # spliced from the previous set where it can be
                    writer.write_tables(db, tables)
                else:
                    for name, cols in TABLES:
                        if name == "entities":
                            write_table(tables / f"{name}.csv", cols, entity_rows(db))
                        else:
                            write_table(tables / f"{name}.csv", cols, sql_rows(db, name), cells=True)
        except BaseException:
            if side is not None:  # nothing written into the set once this one gives up on it
                side.thread.join()
            raise
        finally:
            db.close()
        with phase("communities" if side is None else "communities (waited for)"):
            why = side.result() if side is not None else _communities(index, cache, out, writer, None)
        PHASES.append({"phase": "communities-delta", "s": 0, "why_whole": why})
        try:
            with phase("graphml (waited for)"):
                aside.result()
        except RuntimeError as e:
            raise RuntimeError(f"writing {final} failed: {e}") from None
        os.replace(staged, final)
    finally:
        aside.cancel()  # on any error or interruption: no process and no file left behind
        staged.unlink(missing_ok=True)
        for tmp in out.glob(f".{staged.name}.*.tmp"):  # the helper was stopped in the middle of its write
            tmp.unlink(missing_ok=True)


def _communities(index: Path, cache: Path | None, out: Path, writer, units) -> str:
    """communities.csv of the set ``out``; why they were found in the whole graph."""
    from . import commdelta  # networkx, loaded only where a new set is written
    delta = commdelta.Delta(writer.previous, {k[0] for k in units["g_nodes"]},
                            {k[0] for k in units["g_edges"]}) if units is not None else None
    with contextlib.closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as db:
        return commdelta.write(db, cache, out.name, out / "tables" / "communities.csv", delta)


def community_rows(db, cache: Path | None = None) -> list[dict]:
    """The rows of communities.csv (see ``communities``). With ``cache`` (the build's work
    folder), each connected component's groups are reused while the component is the same."""
    from . import communities
    return communities.from_index(db, cache)
