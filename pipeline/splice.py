"""Stage 9c - the tables and the GraphML of a rebuild spliced from the previous output set.

Every table but ``communities.csv`` is sorted by a *unit* first: ``mentions.csv`` and
``claims.csv`` by report section (``doc_id``), ``entities.csv`` by entity id,
``relations.csv`` by (type, source id), ``documents.csv`` (one row a unit, in file order) by
the row's place in the index (``seq``), the GraphML's nodes by id and its edges by source id
(:data:`pipeline.graph.UNITS`). Each unit's rows are therefore one byte range
of its file. Whenever a set is written, the length of every unit is recorded beside it
(``spans.bin`` for the tables, ``spans-graph.bin`` for the GraphML, written by its
helper process: pipeline/spans.py), with the version of the code and rules that wrote it.

A rebuild whose previous set has them finds the units that may differ (:func:`plan`), by
comparing the new index with the previous set's, not by reading any table:

- the sections of the reports re-extracted, added or removed, and of every report whose
  ``documents`` row changed;
- the ``documents`` rows that differ between the two indexes, their place (``seq``)
  included: a patched index keeps the place of every row it does not make again, one made
  whole numbers them anew (and the file is then written whole, too many rows having moved);
- the keys whose node id changed after linking (the index keeps its key -> id table,
  ``keymap``): the rows of every report that uses such a key are made again;
- the nodes whose row changed (name, attributes, counts), appeared or went. When the new
  index was patched (pipeline/indexpatch.py notes every node and key it writes), only
  those are compared, with those the previous set's own plan found changed since the set
  whose index was patched (``changes.json`` in each set): the rest cannot differ.

It then writes each file as the previous set's bytes of the units that did not change,
copied by the kernel (``os.copy_file_range``: no pass through Python), and the rows of the
units that did, written from the new index, in the file's order. The result is the bytes a
full write gives (``tests/test_splice.py`` compares). It writes a table whole instead when
there is no previous set or no spans, when the code or rules changed, when more than
MAX_SHARE of its units changed, or when anything does not add up (a file not of the length
its spans say, a GraphML attribute key new to the file, an edge id that would need its
clash suffix): correctness first.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
from pathlib import Path

from . import csvio, graph, graphml
from .spans import GRAPH_SPANS, SPANS, Spans, Units, encode, read_meta, read_spans
from .assemble import INDEX
from .graph import DOC_COLS, ENTITY_COLS
from .util import atomic_file, write_atomic

MAX_SHARE = 0.25  # a file with more of its units changed is written whole
TABLES = graph.TABLES


class Unsafe(Exception):
    """The splice cannot be trusted here: the file is written whole."""


# --------------------------------------------------------------------------- units

def csv_units(rows, nkeys: int):
    """(key, bytes) of each unit of a keyed cursor (``graph.sql_rows(keyed=True)``): its
    rows as CSV lines, the key columns left out."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    key, group = None, []
    while True:
        chunk = rows.fetchmany(graph.CHUNK)
        for r in chunk:
            k = r[:nkeys]
            if k != key:
                if group:
                    w.writerows(group)
                    yield key, buf.getvalue().encode("utf-8")
                    buf.seek(0)
                    buf.truncate()
                key, group = k, []
            group.append(r[nkeys:])
        if not chunk:
            break
    if group:
        w.writerows(group)
        yield key, buf.getvalue().encode("utf-8")


def entity_units(db, ids: list[str] | None = None):
    """(key, bytes) of each row of entities.csv (all, or those of ``ids``)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in graph.entity_rows(db, ids):
        w.writerow([csvio.neutralise(r.get(c, "")) for c in ENTITY_COLS])  # as csvio.to_csv writes a row
        yield (r["entity_id"],), buf.getvalue().encode("utf-8")
        buf.seek(0)
        buf.truncate()


def table_units(db, name: str, unit: tuple | None = None):
    """The (unit key, bytes of its rows) of table ``name`` in the index, in file order;
    ``unit``: that one unit only."""
    if name == "entities":
        return entity_units(db, None if unit is None else [unit[0]])
    keys = len(graph.UNITS[name])
    return csv_units(graph.sql_rows(db, name, keyed=True, unit=unit or ()), keys)


def header(cols: list[str]) -> bytes:
    """A table's header line, as the whole writer writes it."""
    return graph.table_header(cols)


def write_units(path: Path, head: bytes, units, spans=None, tab: str = "") -> None:
    """A file of ``head`` and the bytes of each (key, bytes) unit, each unit's length
    given to ``spans.add`` (not flushed: see pipeline/outsets.py, ``sync_to_disk``)."""
    with atomic_file(path, "wb", durable=False) as f:
        f.write(head)
        parts, size = [], 0
        for key, data in units:
            parts.append(data)
            size += len(data)
            if spans is not None and tab:
                spans.add(tab, key, len(data))
            if size > 1 << 20:
                f.write(b"".join(parts))
                parts, size = [], 0
        f.write(b"".join(parts))


# --------------------------------------------------------------------------- the splice

def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy(src: int, dst: int, off: int, n: int) -> None:
    """``n`` bytes at ``off`` of ``src`` appended to ``dst``, by the kernel where it can."""
    while n > 0:
        try:
            k = os.copy_file_range(src, dst, n, off)
        except OSError:  # not supported between these files: through memory
            data = os.pread(src, min(n, 1 << 24), off)
            _write(dst, data)
            k = len(data)
        if k <= 0:
            raise Unsafe("the previous file is shorter than its spans")
        off, n = off + k, n - k


def splice_file(old: Path, new: Path, head: bytes, parts, tail: bytes = b"") -> None:
    """``new`` as ``head``, then for each part (old units, dirty keys, fresh, spans, tab)
    the previous file's units with the dirty ones made again (``fresh(key)`` -> bytes,
    empty where the unit is gone), in order, then ``tail``. The unchanged runs of units
    are copied by the kernel; the new spans are the old ones with the dirty units
    replaced (slices, no step per unit). ``old`` must start with ``head`` and end with
    ``tail`` where its spans say. Not flushed (see pipeline/outsets.py, ``sync_to_disk``)."""
    import numpy as np
    with open(old, "rb") as src, atomic_file(new, "wb", durable=False) as f:
        sfd, fd = src.fileno(), f.fileno()
        if os.pread(sfd, len(head), 0) != head:
            raise Unsafe(f"{old.name} starts otherwise")
        _write(fd, head)
        base = len(head)
        for units, dirty, fresh, spans, tab in parts:
            n = len(units)
            offs = np.concatenate(([0], np.cumsum(units.lens, dtype=np.int64))) + base
            keys, klens, lens = [], [], []  # pieces of the new units, in order

            def kept(a: int, b: int) -> None:
                _copy(sfd, fd, int(offs[a]), int(offs[b] - offs[a]))
                keys.append(units.keys[units.koffs[a]:units.koffs[b]])
                klens.append(units.klens[a:b])
                lens.append(units.lens[a:b])
            p = 0
            for dk, key in sorted((encode(k), k) for k in dirty):
                i = units.find(dk, p)
                if i > p:
                    kept(p, i)
                p = i + 1 if i < n and units.key(i) == dk else i
                data = fresh(key)
                if data:
                    _write(fd, data)
                    keys.append(dk)
                    klens.append(np.array([len(dk)], dtype=np.int64))
                    lens.append(np.array([len(data)], dtype=np.int64))
            if p < n:
                kept(p, n)
            spans.put(tab, Units(b"".join(keys), np.concatenate(klens) if klens else np.zeros(0, np.int64),
                                 np.concatenate(lens) if lens else np.zeros(0, np.int64)))
            base = int(offs[-1])
        if os.fstat(sfd).st_size != base + len(tail) or os.pread(sfd, len(tail), base) != tail:
            raise Unsafe(f"{old.name} is not of the length its spans say")
        _write(fd, tail)

# --------------------------------------------------------------------------- what changed

def _ids(db, sql: str) -> set:
    return {r[0] if len(r) == 1 else tuple(r) for r in db.execute(sql)}


CHANGES = "changes.json"  # in each set: how its index differs from the set before it (plan)


def plan(index: Path, previous: Path | None, fresh_docs: set[str], version: str,
         since: set[str] | None = None, patched: dict | None = None) -> tuple[dict | None, str, dict | None]:
    """The units to make again in each file ({tab: sorted keys}), or None and why the set
    is written whole; and how the new index differs from the previous one (``changes``:
    the node ids and keys whose rows differ, against the set ``base``), or None.
    ``since``: the keys of the reports whose rows in the store changed since the previous
    set was made (pipeline/store.py), when known: only their sections' documents rows can
    differ, and the two sets' are not compared row by row. ``patched``: the node ids and
    keys the index patch wrote, and the set whose index it patched (``base``), when it was
    patched: only those, and those that differ between that set and the previous one (its
    ``changes``), can differ, and the other nodes are not compared."""
    if previous is None:
        return None, "no previous output set", None
    for name in (SPANS, GRAPH_SPANS):
        if read_meta(previous / name).get("version") != version:
            return None, "the previous set was written by other code or rules", None
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        db.execute("ATTACH DATABASE ? AS o", (f"file:{previous / INDEX}?mode=ro",))
        units, changes = _plan(db, fresh_docs, since, _candidates(previous, patched))
        return units, "", dict(changes, base=previous.name)
    except sqlite3.Error as e:
        return None, f"the previous index cannot be compared: {e}", None
    finally:
        db.close()


def _candidates(previous: Path, patched: dict | None) -> dict | None:
    """The node ids and keys that may differ between the previous set's index and the new
    one; None: any may. The new index is the index of set ``base`` patched: a row that
    differs between the previous set and it either differs between ``base`` and the
    previous set, or was written by the patch."""
    if not patched or patched.get("base") is None:
        return None
    if patched["base"] == previous.name:
        return {"nodes": set(patched["nodes"]), "keys": set(patched["keys"])}
    try:
        before = json.loads((previous / CHANGES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(before, dict) or before.get("base") != patched["base"]:
        return None
    return {"nodes": set(patched["nodes"]) | set(before["nodes"]), "keys": set(patched["keys"]) | set(before["keys"])}


def _plan(db, fresh_docs: set[str], since: set[str] | None = None, cand: dict | None = None) -> tuple[dict, dict]:
    cols = ", ".join(f'"{c}"' for c in DOC_COLS)
    if since is not None:
        docs = set(fresh_docs)
        keys = sorted(since)
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            marks = ",".join("?" * len(part))
            docs |= {d for (d,) in db.execute(f"""SELECT doc_id FROM main.kdocs WHERE k IN ({marks})
                                                 UNION SELECT doc_id FROM o.kdocs WHERE k IN ({marks})""", part + part)}
    else:
        docs = set(fresh_docs) | _ids(db, f"""SELECT doc_id FROM (SELECT {cols} FROM main.documents
                                                 EXCEPT SELECT {cols} FROM o.documents)
                                               UNION SELECT doc_id FROM (SELECT {cols} FROM o.documents
                                                 EXCEPT SELECT {cols} FROM main.documents)""")
    # keys whose node id changed after linking: both ids (of the candidates only, when known)
    if cand is not None:
        db.execute("CREATE TEMP TABLE t_cnodes(x TEXT PRIMARY KEY) WITHOUT ROWID")
        db.execute("CREATE TEMP TABLE t_ckeys(x TEXT PRIMARY KEY) WITHOUT ROWID")
        db.executemany("INSERT INTO t_cnodes VALUES(?)", ((x,) for x in cand["nodes"]))
        db.executemany("INSERT INTO t_ckeys VALUES(?)", ((x,) for x in cand["keys"]))
    only = " AND n.id IN (SELECT x FROM t_cnodes)" if cand is not None else ""
    remapped, rkeys = set(), set()
    for key, a, b in db.execute("SELECT key, n.id, p.id FROM main.keymap n JOIN o.keymap p USING(key) WHERE n.id != p.id"
                                + (" AND key IN (SELECT x FROM t_ckeys)" if cand is not None else "")):
        remapped.update((a, b))
        rkeys.add(key)
    changed, added, named = set(), set(), set()
    for nid, new, renamed in db.execute(
            f"""SELECT n.id, p.id IS NULL, n.name IS NOT p.name OR n.type IS NOT p.type
               FROM main.nodes n LEFT JOIN o.nodes p ON p.id = n.id
               WHERE (p.id IS NULL OR n.name IS NOT p.name OR n.type IS NOT p.type OR n.attrs IS NOT p.attrs
                      OR n.n_reports IS NOT p.n_reports OR n.n_mentions IS NOT p.n_mentions){only}"""):
        changed.add(nid)
        (added if new else named if renamed else set()).add(nid)
    # nodes gone: none when the previous set has as many more nodes as appeared (a count,
    # not a scan of the previous set's nodes)
    if cand is not None:
        removed = _ids(db, """SELECT x FROM t_cnodes WHERE EXISTS (SELECT 1 FROM o.nodes WHERE id = x)
                              AND NOT EXISTS (SELECT 1 FROM main.nodes WHERE id = x)""")
    else:
        gone = db.execute("SELECT (SELECT count(*) FROM o.nodes) - (SELECT count(*) FROM main.nodes)").fetchone()[0]
        removed = _ids(db, "SELECT id FROM o.nodes p WHERE NOT EXISTS (SELECT 1 FROM main.nodes n WHERE n.id = p.id)") \
            if gone + len(added) else set()
    structure = remapped | added | removed  # ids whose edges may have moved, appeared or gone
    names = structure | named               # ids whose rows elsewhere may show another name
    db.execute("CREATE TEMP TABLE t_docs(x TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE t_reports(x TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE t_remapped(x TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE t_structure(x TEXT PRIMARY KEY)")
    db.execute("CREATE TEMP TABLE t_names(x TEXT PRIMARY KEY)")
    for t, xs in (("t_docs", docs), ("t_reports", docs | {d.rsplit("#", 1)[0] for d in docs}),
                  ("t_remapped", remapped), ("t_structure", structure), ("t_names", names)):
        db.executemany(f"INSERT INTO {t} VALUES(?)", ((x,) for x in xs))
    units: dict[str, set] = {"entities": {(i,) for i in changed | removed},
                             "g_nodes": {(i,) for i in changed | removed}}
    # the documents rows made again, moved, appeared or gone (by their place in each index)
    seq_cols = f"seq, {cols}"
    units["documents"] = set(db.execute(
        f"""SELECT {graph.DOC_KEY} FROM (SELECT {seq_cols} FROM main.documents EXCEPT SELECT {seq_cols} FROM o.documents)
            UNION SELECT {graph.DOC_KEY} FROM (SELECT {seq_cols} FROM o.documents
                                               EXCEPT SELECT {seq_cols} FROM main.documents)"""))
    both = ("main", "o")
    units["mentions"] = {(d,) for d in docs}
    if remapped:  # a scan of the mentions (an index on their ids would cost every build more)
        units["mentions"] |= {(d,) for s in both for (d,) in db.execute(
            f"SELECT DISTINCT doc_id FROM {s}.mentions WHERE entity_id IN (SELECT x FROM t_remapped)")}
    units["claims"] = {(d,) for d in docs} | {(d,) for s in both for (d,) in db.execute(
        f"SELECT doc_id FROM {s}.claims WHERE subject_id IN (SELECT x FROM t_names)")}
    units["relations"], units["g_edges"] = set(), set()
    for s in both:
        for typ, src, to_names, to_structure in db.execute(f"""
                SELECT typ, src, 1, 1 FROM {s}.evidence WHERE doc_id IN (SELECT x FROM t_docs)
                UNION ALL SELECT typ, src, 1, src IN (SELECT x FROM t_structure) FROM {s}.evidence
                          WHERE src IN (SELECT x FROM t_names)
                UNION ALL SELECT typ, src, 1, dst IN (SELECT x FROM t_structure) FROM {s}.evidence
                          WHERE dst IN (SELECT x FROM t_names)"""):
            units["relations"].add((typ, src))
            if to_structure:
                units["g_edges"].add((src,))
        units["g_edges"] |= {(src,) for (src,) in db.execute(
            f"""SELECT src FROM {s}.mention_edges WHERE dst IN (SELECT x FROM t_structure)
                UNION SELECT rid FROM {s}.report_ids WHERE doc_id IN (SELECT x FROM t_reports)""")}
    return {tab: sorted(keys) for tab, keys in units.items()}, {"nodes": sorted(changed | removed),
                                                                "keys": sorted(rkeys)}


# --------------------------------------------------------------------------- the writer

def _holders(db, before: str | None, changed: list[str]) -> dict | None:
    """The node attribute keys of the new index as :func:`pipeline.graph.key_holders` gives
    them, found from the previous set's (``before``, JSON) and the rows of the nodes that
    changed, appeared or went (``changed``), without a pass over every node; None (a pass
    is needed) when a key's lowest holder changed and no changed node holds it lower."""
    if before is None:
        return None
    old = json.loads(before)
    ids = sorted(set(changed))
    new: dict[str, list] = {}
    for i in range(0, len(ids), 500):
        for key, (nid, typ) in graph.key_holders(db, ids[i:i + 500]).items():
            if key not in new or nid < new[key][0]:
                new[key] = [nid, typ]
    gone = set(ids)
    out = {}
    for key in old.keys() | new.keys():
        was, now = old.get(key), new.get(key)
        if was is not None and was[0] not in gone:  # the old holder unchanged: the lower of it and the new
            out[key] = now if now is not None and now[0] < was[0] else was
        elif now is not None and (was is None or now[0] < was[0]):  # lower than any unchanged holder
            out[key] = now
        elif was is not None:
            return None  # the holder changed: the next lowest is not known
    return out



def version_of(rows_version: str) -> str:
    """What the spans of a set depend on: the code and rules that made its rows, this
    module's code and that of the spans' file (pipeline/spans.py)."""
    return hashlib.sha256((rows_version + "\0").encode() + Path(__file__).read_bytes()
                          + Path(__file__).with_name("spans.py").read_bytes()).hexdigest()[:24]


class Writer:
    """Writes the tables and the GraphML of a new output set ``out`` from its index,
    spliced from the ``previous`` set where that is safe (see the module's text), whole
    otherwise, recording their spans either way. ``fresh_docs``: the doc_ids of the
    reports whose rows were made again in this build."""

    def __init__(self, index: Path, out: Path, previous: Path | None, fresh_docs: set[str], rows_version: str,
                 since: set[str] | None = None, patched: dict | None = None):
        self.out, self.previous = out, previous
        self.version = version_of(rows_version)
        with graph.phase("delta plan"):
            self.units, self.why, changes = plan(index, previous, fresh_docs, self.version, since, patched)
            if changes is not None:  # for the next build's plan
                write_atomic(out / CHANGES, json.dumps(changes, ensure_ascii=False), durable=False)
        self.spliced: list[str] = []

    def _old(self, tab: str) -> Units | None:
        """The previous set's spans of one file, when few enough of its units changed."""
        if self.units is None:
            return None
        old = read_spans(self.previous / (GRAPH_SPANS if tab.startswith("g_") else SPANS), tab)
        return old if old is not None and len(self.units[tab]) <= MAX_SHARE * max(1, len(old)) else None

    def write_tables(self, db, folder: Path) -> None:
        """The five tables of the index ``db`` into ``folder``, each spliced from the
        previous set where that is safe, else written whole; the spans recorded either way."""
        spans = Spans(self.out / SPANS, self.version)
        try:
            for name, cols in TABLES:
                path = folder / f"{name}.csv"
                old = self._old(name)
                if old is not None:
                    try:
                        splice_file(self.previous / "tables" / path.name, path, header(cols),
                                    [(old, self.units[name],
                                      lambda key, name=name: b"".join(d for _, d in table_units(db, name, key)),
                                      spans, name)])
                        self.spliced.append(name)
                        continue
                    except (Unsafe, OSError):
                        spans.clear((name,))
                write_units(path, header(cols), table_units(db, name), spans, name)
            spans.meta["spliced"] = ",".join(self.spliced)
            spans.meta["why_whole"] = self.why
            graph.PHASES.append({"phase": "spliced", "s": 0, "tables": self.spliced, "why_whole": self.why})
            spans.close()
        except BaseException:
            spans.abort()
            raise

    def write_graph(self, index: Path, path: Path) -> None:
        """In the GraphML helper process."""
        spans = Spans(self.out / GRAPH_SPANS, self.version)
        try:
            why = self._splice_graph(index, path, spans)
            if why:
                graph.graphml_spans = spans
                try:
                    graph.write_graphml(index, path)
                finally:
                    graph.graphml_spans = None
                spans.meta["why_whole"] = why
            spans.close()
        except BaseException:
            spans.abort()
            raise

    def _splice_graph(self, index: Path, path: Path, spans: Spans) -> str:
        """Why the GraphML could not be spliced ("": it was)."""
        old_nodes, old_edges = self._old("g_nodes"), self._old("g_edges")
        if old_nodes is None or old_edges is None:
            return self.why or "too many nodes or edges changed"
        meta = read_meta(self.previous / GRAPH_SPANS)
        if meta.get("graph_piped") or meta.get("graph_keys") != meta.get("graph_keys_first"):
            return "the previous GraphML has ids with | or keys found in a second pass"
        db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            holders = _holders(db, meta.get("graph_key_holders"), [k[0] for k in self.units["g_nodes"]])
            keys = graph.graph_keys(db, holders)
            if graphml.keys_json(keys) != meta.get("graph_keys"):
                return "the GraphML's attribute keys changed"
            head, node_ids, edge_ids = graphml.graphml_head(keys)
            seen: dict = {}

            def node(key):
                out = []
                for n, d in graph.graph_nodes(db, key[0]):
                    if not node_ids.keys() >= d.keys():
                        raise Unsafe("a node attribute new to the file")
                    seen.update({("node", k): graphml.gml_type(v) for k, v in d.items()})
                    out.append(graphml.node_unit(n, d, node_ids))
                return b"".join(out)

            def edges(key):
                out = []
                for _, data in graphml.edge_units(graph.graph_edges(db, key[0]), edge_ids, seen):
                    if data is None:
                        raise Unsafe("an edge attribute new to the file, or an id that may clash")
                    out.append(data)
                return b"".join(out)
            try:
                splice_file(self.previous / "graph.graphml", path, head,
                            [(old_nodes, self.units["g_nodes"], node, spans, "g_nodes"),
                             (old_edges, self.units["g_edges"], edges, spans, "g_edges")],
                            graphml.GRAPHML_TAIL)
                if any(keys.get(k) != t for k, t in seen.items()):
                    raise Unsafe("an attribute of another type")
            except (Unsafe, OSError) as e:
                spans.clear(("g_nodes", "g_edges"))
                return str(e) or type(e).__name__
            spans.meta.update(graph_keys=meta["graph_keys"], graph_keys_first=meta["graph_keys"], graph_piped="",
                              spliced="graph", graph_key_holders=json.dumps(holders, ensure_ascii=False,
                                                                            sort_keys=True))
            return ""
        finally:
            db.close()
