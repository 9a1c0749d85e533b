"""Stage 9c - the tables and the GraphML of a rebuild spliced from the previous output set.

Every table but ``documents.csv`` and ``communities.csv`` is sorted by a *unit* first:
``mentions.csv`` and ``claims.csv`` by report section (``doc_id``), ``entities.csv`` by
entity id, ``relations.csv`` by (type, source id), the GraphML's nodes by id and its edges
by source id (:data:`pipeline.graph.UNITS`). Each unit's rows are therefore one byte range
of its file. Whenever a set is written, the length of every unit is recorded beside it
(``spans.sqlite`` for the tables, ``spans-graph.sqlite`` for the GraphML, written by its
helper process), with the version of the code and rules that wrote it.

A rebuild whose previous set has them finds the units that may differ (:func:`plan`), by
comparing the new index with the previous set's, not by reading any table:

- the sections of the reports re-extracted, added or removed, and of every report whose
  ``documents`` row changed;
- the keys whose node id changed after linking (the index keeps its key -> id table,
  ``keymap``): the rows of every report that uses such a key are made again;
- the nodes whose row changed (name, attributes, counts), appeared or went.

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

import contextlib
import csv
import hashlib
import io
import os
import sqlite3
from pathlib import Path

from . import csvio, graph
from .assemble import INDEX
from .graph import CLAIM_COLS, DOC_COLS, ENTITY_COLS, MENTION_COLS, RELATION_COLS
from .util import atomic_file

SPANS = "spans.sqlite"
GRAPH_SPANS = "spans-graph.sqlite"
MAX_SHARE = 0.25  # a file with more of its units changed is written whole
TABLES = (("documents", DOC_COLS), ("mentions", MENTION_COLS), ("entities", ENTITY_COLS),
          ("claims", CLAIM_COLS), ("relations", RELATION_COLS))
ARITY = {"mentions": 1, "claims": 1, "entities": 1, "relations": 2, "g_nodes": 1, "g_edges": 1}


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
    skip = len(csvio.to_csv([], ENTITY_COLS))
    for r in graph.entity_rows(db, ids):
        yield (r["entity_id"],), csvio.to_csv([r], ENTITY_COLS)[skip:].encode("utf-8")


def table_units(db, name: str, unit: tuple | None = None):
    if name == "entities":
        return entity_units(db, None if unit is None else [unit[0]])
    keys = len(graph.UNITS[name])
    return csv_units(graph.sql_rows(db, name, keyed=True, unit=unit or ()), keys)


def header(cols: list[str]) -> bytes:
    return csvio.to_csv([], cols).encode("utf-8")


def write_units(path: Path, head: bytes, units, spans=None, tab: str = "") -> None:
    """A file of ``head`` and the bytes of each (key, bytes) unit, each unit's length
    given to ``spans.add``."""
    with atomic_file(path, "wb") as f:
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


# --------------------------------------------------------------------------- spans

class Spans:
    """The unit lengths of the files of one output set, written to ``path`` (SQLite) when
    closed, with ``meta`` (the version that wrote them, GraphML keys)."""

    def __init__(self, path: Path, version: str):
        self.path, self.meta, self.rows = path, {"version": version}, []
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.tmp.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.tmp, isolation_level=None)
        self.db.executescript("PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF;"
                              "CREATE TABLE spans(tab TEXT, k1 TEXT, k2 TEXT, len INTEGER);"
                              "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT); BEGIN")

    def add(self, tab: str, key: tuple, n: int) -> None:
        self.rows.append((tab, key[0], key[1] if len(key) > 1 else "", n))
        if len(self.rows) >= 50000:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO spans VALUES(?,?,?,?)", self.rows)
        self.rows = []

    def clear(self, tabs) -> None:
        self._flush()
        self.db.executemany("DELETE FROM spans WHERE tab = ?", [(t,) for t in tabs])

    def close(self) -> None:
        self._flush()
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES(?,?)", sorted(self.meta.items()))
        self.db.execute("CREATE INDEX spans_tab ON spans(tab)")
        self.db.execute("COMMIT")
        self.db.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()
        self.tmp.unlink(missing_ok=True)


def read_meta(path: Path) -> dict:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT k, v FROM meta"))
        finally:
            db.close()
    except sqlite3.Error:
        return {}


def old_units(path: Path, tab: str):
    """(key, length) of each unit of ``tab`` in the previous set, in file order."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cur = db.execute("SELECT k1, k2, len FROM spans WHERE tab = ? ORDER BY rowid", (tab,))
        two = ARITY[tab] == 2
        while True:
            chunk = cur.fetchmany(20000)
            if not chunk:
                return
            for k1, k2, n in chunk:
                yield ((k1, k2) if two else (k1,)), n
    finally:
        db.close()


def n_units(path: Path, tab: str) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM spans WHERE tab = ?", (tab,)).fetchone()[0]
    finally:
        db.close()


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
    """``new`` as ``head``, then for each (old units, dirty keys, fresh, spans, tab) part
    the previous file's units merged with the dirty ones made again (``fresh(key)`` ->
    bytes, empty where the unit is gone), then ``tail``. ``old`` must start with ``head``
    and end with ``tail`` where its spans say."""
    with open(old, "rb") as src, atomic_file(new, "wb") as f:
        sfd, fd = src.fileno(), f.fileno()
        if os.pread(sfd, len(head), 0) != head:
            raise Unsafe(f"{old.name} starts otherwise")
        _write(fd, head)
        pos = len(head)
        for units, dirty, fresh, spans, tab in parts:
            run = [pos, 0]

            def flush():
                if run[1]:
                    _copy(sfd, fd, run[0], run[1])
                run[0], run[1] = pos, 0
            it = iter(units)
            cur = next(it, None)
            for key in dirty:
                while cur is not None and cur[0] < key:
                    spans.add(tab, cur[0], cur[1])
                    run[1] += cur[1]
                    pos += cur[1]
                    cur = next(it, None)
                flush()
                if cur is not None and cur[0] == key:
                    pos += cur[1]
                    run[0] = pos
                    cur = next(it, None)
                data = fresh(key)
                if data:
                    _write(fd, data)
                    spans.add(tab, key, len(data))
            while cur is not None:
                spans.add(tab, cur[0], cur[1])
                run[1] += cur[1]
                pos += cur[1]
                cur = next(it, None)
            flush()
        if os.fstat(sfd).st_size != pos + len(tail) or os.pread(sfd, len(tail), pos) != tail:
            raise Unsafe(f"{old.name} is not of the length its spans say")
        _write(fd, tail)


# --------------------------------------------------------------------------- what changed

def _ids(db, sql: str) -> set:
    return {r[0] if len(r) == 1 else tuple(r) for r in db.execute(sql)}


def plan(index: Path, previous: Path | None, fresh_docs: set[str], version: str) -> tuple[dict | None, str]:
    """The units to make again in each file ({tab: sorted keys}), or None and why the set
    is written whole."""
    if previous is None:
        return None, "no previous output set"
    for name in (SPANS, GRAPH_SPANS):
        if read_meta(previous / name).get("version") != version:
            return None, "the previous set was written by other code or rules"
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        db.execute("ATTACH DATABASE ? AS o", (f"file:{previous / INDEX}?mode=ro",))
        return _plan(db, fresh_docs), ""
    except sqlite3.Error as e:
        return None, f"the previous index cannot be compared: {e}"
    finally:
        db.close()


def _plan(db, fresh_docs: set[str]) -> dict:
    cols = ", ".join(f'"{c}"' for c in DOC_COLS)
    docs = set(fresh_docs) | _ids(db, f"""SELECT doc_id FROM (SELECT {cols} FROM main.documents
                                             EXCEPT SELECT {cols} FROM o.documents)
                                           UNION SELECT doc_id FROM (SELECT {cols} FROM o.documents
                                             EXCEPT SELECT {cols} FROM main.documents)""")
    # keys whose node id changed after linking: both ids
    remapped = set()
    for a, b in db.execute("SELECT n.id, p.id FROM main.keymap n JOIN o.keymap p USING(key) WHERE n.id != p.id"):
        remapped.update((a, b))
    changed, added, named = set(), set(), set()
    for nid, new, renamed in db.execute(
            """SELECT n.id, p.id IS NULL, n.name IS NOT p.name OR n.type IS NOT p.type
               FROM main.nodes n LEFT JOIN o.nodes p ON p.id = n.id
               WHERE p.id IS NULL OR n.name IS NOT p.name OR n.type IS NOT p.type OR n.attrs IS NOT p.attrs
                     OR n.n_reports IS NOT p.n_reports OR n.n_mentions IS NOT p.n_mentions"""):
        changed.add(nid)
        (added if new else named if renamed else set()).add(nid)
    removed = _ids(db, "SELECT id FROM o.nodes p WHERE NOT EXISTS (SELECT 1 FROM main.nodes n WHERE n.id = p.id)")
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
    both = ("main", "o")
    units["mentions"] = {(d,) for d in docs} | {(d,) for s in both for (d,) in db.execute(
        f"SELECT doc_id FROM {s}.mentions WHERE entity_id IN (SELECT x FROM t_remapped)")}
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
    return {tab: sorted(keys) for tab, keys in units.items()}


# --------------------------------------------------------------------------- the writer

def version_of(rows_version: str) -> str:
    """What the spans of a set depend on: the code and rules that made its rows, and this
    module's code."""
    return hashlib.sha256((rows_version + "\0").encode() + Path(__file__).read_bytes()).hexdigest()[:24]


class Writer:
    """Writes the tables and the GraphML of a new output set ``out`` from its index,
    spliced from the ``previous`` set where that is safe (see the module's text), whole
    otherwise, recording their spans either way. ``fresh_docs``: the doc_ids of the
    reports whose rows were made again in this build."""

    def __init__(self, index: Path, out: Path, previous: Path | None, fresh_docs: set[str], rows_version: str):
        self.out, self.previous = out, previous
        self.version = version_of(rows_version)
        with graph.phase("delta plan"):
            self.units, self.why = plan(index, previous, fresh_docs, self.version)
        self.spliced: list[str] = []

    def _share_ok(self, tab: str) -> bool:
        if self.units is None:
            return False
        spans = self.previous / (GRAPH_SPANS if tab.startswith("g_") else SPANS)
        return len(self.units[tab]) <= MAX_SHARE * max(1, n_units(spans, tab))

    def write_tables(self, db, folder: Path) -> None:
        spans = Spans(self.out / SPANS, self.version)
        try:
            for name, cols in TABLES:
                path = folder / f"{name}.csv"
                if name != "documents" and self._share_ok(name):
                    try:
                        splice_file(self.previous / "tables" / path.name, path, header(cols),
                                    [(old_units(self.previous / SPANS, name), self.units[name],
                                      lambda key, name=name: b"".join(d for _, d in table_units(db, name, key)),
                                      spans, name)])
                        self.spliced.append(name)
                        continue
                    except (Unsafe, OSError):
                        spans.clear((name,))
                write_units(path, header(cols), table_units(db, name), spans, "" if name == "documents" else name)
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
            if not (self._share_ok("g_nodes") and self._share_ok("g_edges") and self._splice_graph(index, path, spans)):
                graph.write_graphml(index, path, spans)
            spans.close()
        except BaseException:
            spans.abort()
            raise

    def _splice_graph(self, index: Path, path: Path, spans: Spans) -> bool:
        meta = read_meta(self.previous / GRAPH_SPANS)
        if meta.get("graph_piped") or meta.get("graph_keys") != meta.get("graph_keys_first"):
            return False
        db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            keys = graph.graph_keys(db)
            if graph.keys_json(keys) != meta.get("graph_keys"):
                return False
            head, node_ids, edge_ids = graph.graphml_head(keys)
            seen: dict = {}

            def node(key):
                out = []
                for n, d in graph.graph_nodes(db, key[0]):
                    if not node_ids.keys() >= d.keys():
                        raise Unsafe("a node attribute new to the file")
                    seen.update({("node", k): graph.gml_type(v) for k, v in d.items()})
                    out.append(graph.node_unit(n, d, node_ids))
                return b"".join(out)

            def edges(key):
                out = []
                for _, data in graph.edge_units(graph.graph_edges(db, key[0]), edge_ids, seen):
                    if data is None:
                        raise Unsafe("an edge attribute new to the file, or an id that may clash")
                    out.append(data)
                return b"".join(out)
            prev = self.previous / GRAPH_SPANS
            try:
                splice_file(self.previous / "graph.graphml", path, head,
                            [(old_units(prev, "g_nodes"), self.units["g_nodes"], node, spans, "g_nodes"),
                             (old_units(prev, "g_edges"), self.units["g_edges"], edges, spans, "g_edges")],
                            graph.GRAPHML_TAIL)
                if any(keys.get(k) != t for k, t in seen.items()):
                    raise Unsafe("an attribute of another type")
            except (Unsafe, OSError):
                spans.clear(("g_nodes", "g_edges"))
                return False
            spans.meta.update(graph_keys=meta["graph_keys"], graph_keys_first=meta["graph_keys"], graph_piped="",
                              spliced="graph")
            self.spliced.append("graph")
            return True
        finally:
            db.close()
