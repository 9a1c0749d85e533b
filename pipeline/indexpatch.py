"""Stage 9b - the index of a rebuild patched from the previous set's, not made whole.

A full assembly (:mod:`pipeline.assemble`) numbers the rows of ``documents``, ``mentions``,
``claims`` and ``evidence`` in their final order GAP apart (``seq``), and keeps beside them
what a patch needs: each report's key, node, sections, texts, keys used and local nodes
(``rep``, ``kdocs``, ``ktexts``, ``keyuse``, ``local_nodes``), and the evidence and mention
counts whose ends have no node (``ev_dropped``, ``me_dropped``: a full build leaves them
out of the graph, and a patch brings them back when a node appears).

:func:`patch` copies the previous index and changes only what the change touches:

- the reports *made again*: those re-extracted or added, and every report that uses a key
  whose node id moved after linking (``keymap`` against the new linking; ``keyuse`` names
  the reports); their rows, and those of the reports gone, are deleted by their doc_ids and
  made again from the store with the same SQL as a full assembly;
- each new row goes between the rows it sorts between (``mentions`` and ``claims`` by
  section, ``evidence`` by its full sort key, ``documents`` by file order), numbered in the
  gap: the writers, which scan by ``seq``, see the rows in the order a full build gives;
- the entity nodes are compared with the new linking's and only those that differ are
  written; a node that appears brings back its set-aside evidence and mention counts, one
  that goes sets its own aside; the edges, parents and aliases of what changed are made
  again.

The result has the content of a full build's index (``tests/test_indexpatch.py`` compares a
canonical :func:`dump` and every output's bytes); only its ``seq`` numbers and page layout
differ. The patch is not tried, and the index is made whole (the reason goes to the build's
``work/phases.jsonl``), when there is no previous index, when other code made it, when
more than MAX_SHARE of the reports would be made again, when a gap has no room left, or
when anything does not add up.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zlib
from pathlib import Path

from . import linkstore
from .assemble import (EDGES, EV_COLS, GAP, ORDERED, PARENTS, STAGED, alias_rows, book_reports, entity_nodes,
                       index_format, mirror_linking, stage_rows, summary)
from .graph import DOC_COLS, node_id

MAX_SHARE = 0.25  # more reports than this share made again: the index is made whole
EV_KEY = ("typ", "src", "dst", "doc_id", "start", "end")


class Unsafe(Exception):
    """The patch cannot be trusted here: the index is made whole."""


def _q(cols) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def _marks(xs) -> str:
    return ",".join("?" * len(xs))


def copy_index(src: Path, dst: Path) -> None:
    """The previous index copied (by the kernel where it can)."""
    with open(src, "rb") as f, open(dst, "wb") as g:
        size = os.fstat(f.fileno()).st_size
        try:
            done = 0
            while done < size:
                n = os.copy_file_range(f.fileno(), g.fileno(), size - done)
                if n == 0:
                    break
                done += n
        except (OSError, AttributeError):
            f.seek(0)
            g.seek(0)
            g.truncate()
            shutil.copyfileobj(f, g, 1 << 20)


def patch(previous: Path | None, store: Path, keys: list[str], fresh: set[str], entities: dict, remap: dict,
          path: Path, texts, take: Path | None = None, revs: str | None = None) -> tuple[dict | None, str]:
    """The index at ``path`` patched from the ``previous`` one (its counts, ""), or (None,
    why not) with nothing left at ``path``. ``fresh``: the reports whose store rows were
    made again in this build. ``texts(k, doc_id, get, unchanged)`` is given every cleaned
    text (``unchanged``: the previous set has it as it is). ``take``: an index no set in
    use needs any more (that of the set the switch retires, or the spare a whole build left),
    moved to ``path`` and patched in place instead of a copy of ``previous``: it may be of
    an older build, since the reports made again are those whose store revision differs
    from the one it holds (``revs``: where the store keeps those of the index patched, the
    name of its set or "spare"; pipeline/store.py)."""
    if take is None and (previous is None or not previous.is_file()):
        return None, "no previous index"
    try:
        if take is not None:
            os.rename(take, path)  # no copy: the file itself, patched where it lies
            how = "moved"
        else:
            copy_index(previous, path)
            how = "copied"
        db = sqlite3.connect(path, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA journal_mode=OFF")
            out = _patch(db, store, keys, fresh, entities, remap, texts, revs)
            out["index_from"] = how
            return out, ""
        finally:
            db.close()
    except Unsafe as e:
        why = str(e)
    except sqlite3.Error as e:
        why = f"the previous index cannot be patched: {e}"
    for p in (path, path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)
    return None, why


def _patch(db, store: Path, keys: list[str], fresh: set[str], entities: dict, remap: dict, texts,
           revs: str | None) -> dict:
    row = db.execute("SELECT v FROM index_meta WHERE k = 'format'").fetchone() if db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'index_meta'").fetchone() else None
    if not row or row[0] != index_format():
        raise Unsafe("the previous index was made by other code")
    db.execute("ATTACH DATABASE ? AS s", (str(store),))
    old = {k for (k,) in db.execute("SELECT k FROM rep")}
    if old and (revs is None or not db.execute("SELECT 1 FROM s.index_revs WHERE at = ? LIMIT 1", (revs,)).fetchone()):
        raise Unsafe("the store does not know which rows the previous index holds")
    now = set(keys)
    # the reports whose rows in the store are not those the index holds (re-extracted in
    # this build, or in one after the build the index is of)
    stale = {k for (k,) in db.execute("""SELECT r.k FROM rep r LEFT JOIN s.index_revs i ON i.at = ? AND i.k = r.k
                                           LEFT JOIN s.revs v ON v.rel = r.k WHERE i.rev IS NOT v.rev""", (revs,))}
    remake = ((fresh | stale) & now) | (now - old)
    db.create_function("node_id", 1, node_id, deterministic=True)
    mirrored = isinstance(entities, linkstore.Entities) and db.execute(
        "SELECT v FROM index_meta WHERE k = 'linked'").fetchone() == ("store",)
    # keys whose node id moved: every report that uses one is made again (with the linking
    # mirrored, only the keys whose final key differs from the mirror's are looked at)
    if mirrored:
        # the store's log names the roots and keys written since the mirror was made (where
        # the log was then: kept in the store's meta with the index's revisions): those
        # alone are compared (all of them when it does not reach back so far)
        mark = db.execute("SELECT v FROM s.meta WHERE k = ?", (linkstore.MARK + (revs or ""),)).fetchone()
        pos = linkstore.log_position(db, mark[0] if mark else None, "s")
        logged = pos is not None
        for table, t in (("t_lroots", 0), ("t_lkeys", 1)):
            db.execute(f"CREATE TEMP TABLE {table}(x TEXT PRIMARY KEY) WITHOUT ROWID")
            if logged:
                db.execute(f"INSERT OR IGNORE INTO {table} SELECT k FROM s.lk_log WHERE seq > ? AND t = ?", (pos, t))
        only = (lambda col: f" AND {col} IN (SELECT x FROM t_lkeys)") if logged else (lambda col: "")
        rkeys = sorted(k for (k,) in db.execute(
            f"""SELECT r.key FROM s.lk_remap r LEFT JOIN link_remap c USING(key) WHERE c.final IS NOT r.final{only('r.key')}
               UNION SELECT c.key FROM link_remap c WHERE NOT EXISTS (SELECT 1 FROM s.lk_remap r WHERE r.key = c.key)
               {only('c.key')}"""))
        was_ids = [r for i in range(0, len(rkeys), 500) for r in db.execute(
            f"SELECT key, id FROM keymap WHERE key IN ({_marks(rkeys[i:i + 500])})", rkeys[i:i + 500])]
    else:
        logged, rkeys, was_ids = False, None, db.execute("SELECT key, id FROM keymap").fetchall()
    moved = [(key, new) for key, was in was_ids for new in (node_id(remap.get(key, key)),) if new != was]
    db.execute("CREATE TEMP TABLE t_moved(key TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO t_moved VALUES(?)", ((k,) for k, _ in moved))
    remake |= {k for (k,) in db.execute("SELECT DISTINCT k FROM keyuse WHERE key IN (SELECT key FROM t_moved)")} & now
    gone = (old - now) | (remake & old)
    if len(remake) + len(old - now) > MAX_SHARE * max(len(keys), 1):
        raise Unsafe(f"{len(remake)} of {len(keys)} reports to make again, {len(old - now)} gone")
    _watch(db)
    db.execute("BEGIN")
    touched = _delete(db, gone)
    db.execute("CREATE TEMP TABLE ord(k TEXT PRIMARY KEY, o INTEGER)")
    db.executemany("INSERT INTO ord VALUES(?, ?)", ((k, o) for o, k in enumerate(keys) if k in remake))
    book_reports(db, few=True)
    # the key -> id table: moved ids, the keys of the reports made again, none no report uses
    db.executemany("UPDATE keymap SET id = ? WHERE key = ?", ((new, key) for key, new in moved))
    db.executemany("INSERT OR REPLACE INTO keymap VALUES(?, ?)", (
        (key, node_id(remap.get(key, key))) for (key,) in
        db.execute("SELECT DISTINCT key FROM keyuse WHERE k IN (SELECT k FROM ord)").fetchall()))
    db.executemany("DELETE FROM keymap WHERE key = ? AND NOT EXISTS (SELECT 1 FROM keyuse WHERE keyuse.key = ?)",
                   ((key, key) for key in touched["keys"]))
    stage_rows(db, "keymap", few=True)
    _documents(db, keys, remake)
    _sections(db)
    me = db.execute("""SELECT r.rid, x.entity_id, x.c FROM
                         (SELECT k, entity_id, count(*) AS c FROM m WHERE entity_id != '' GROUP BY k, entity_id) x
                       JOIN s.r_report r USING(k)""").fetchall()
    db.executemany("INSERT INTO me_dropped VALUES(?,?,?)", me)  # moved to mention_edges once nodes are known
    counted = touched["counted"] | {d for _, d, _ in me}
    added, removed, changed = _nodes(db, entities, remap, counted, touched, rkeys, logged)
    _mention_edges(db, added | removed, counted - added - removed)
    triples = touched["triples"] | _evidence(db, added, removed)
    _edges(db, triples)
    located = {s for s, _, t in triples if t == "LOCATED_IN"}
    _parents_aliases(db, located | added | removed | changed, added | removed | changed)
    db.execute("""INSERT INTO report_ids SELECT r.rid, d.doc_id FROM ord CROSS JOIN s.r_report r USING(k)
                  JOIN s.r_docs d ON d.k = r.k AND d.n = 0 WHERE r.ok = 1 ORDER BY ord.o""")
    db.execute("COMMIT")
    for k, doc_id, blob in db.execute("SELECT k, doc_id, text FROM ord CROSS JOIN s.r_texts USING(k) ORDER BY ord.o, n"):
        texts(k, doc_id, lambda blob=blob: zlib.decompress(blob).decode("utf-8"), False)
    for k, doc_id in db.execute("SELECT k, doc_id FROM ktexts WHERE k NOT IN (SELECT k FROM ord)").fetchall():
        texts(k, doc_id, lambda k=k, d=doc_id: _text(db, k, d), True)
    db.execute("DETACH DATABASE s")
    out = {"files": len(keys), "patched": len(remake), "touched": _watched(db)}
    out.update(summary(db))
    return out


def _watch(db) -> None:
    """Every node and key -> id row the patch writes or deletes noted (temp triggers), so
    that the splice's plan compares those alone with the previous set's
    (:func:`pipeline.splice.plan`)."""
    db.execute("CREATE TEMP TABLE t_wnodes(x TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute("CREATE TEMP TABLE t_wkeys(x TEXT PRIMARY KEY) WITHOUT ROWID")
    for table, col, to in (("nodes", "id", "t_wnodes"), ("keymap", "key", "t_wkeys")):
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("NEW", "OLD")), ("DELETE", ("OLD",))):
            body = " ".join(f"INSERT OR IGNORE INTO {to} VALUES({r}.{col});" for r in rows)
            db.execute(f"CREATE TEMP TRIGGER w_{table}_{event.lower()} AFTER {event} ON main.{table} BEGIN {body} END")


def _watched(db) -> dict:
    """The node ids and keys the patch wrote or deleted (:func:`_watch`)."""
    return {"nodes": [x for (x,) in db.execute("SELECT x FROM t_wnodes")],
            "keys": [x for (x,) in db.execute("SELECT x FROM t_wkeys")]}


def _text(db, k: str, doc_id: str) -> str:
    blob = db.execute("SELECT text FROM s.r_texts WHERE k = ? AND doc_id = ?", (k, doc_id)).fetchone()[0]
    return zlib.decompress(blob).decode("utf-8")


def _delete(db, gone: set[str]) -> dict:
    """The rows of the reports ``gone`` deleted; what they touched: (source, target, type)
    of their evidence, the node ids they counted mentions of, their local node ids and keys."""
    touched = {"triples": set(), "counted": set(), "local": set(), "keys": set()}
    db.execute("CREATE TEMP TABLE t_gone(k TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO t_gone VALUES(?)", ((k,) for k in gone))
    db.execute("CREATE TEMP TABLE t_docs(doc_id TEXT PRIMARY KEY)")
    db.execute("INSERT OR IGNORE INTO t_docs SELECT doc_id FROM kdocs WHERE k IN (SELECT k FROM t_gone)")
    db.execute("CREATE TEMP TABLE t_rids(rid TEXT PRIMARY KEY)")
    db.execute("INSERT OR IGNORE INTO t_rids SELECT rid FROM rep WHERE k IN (SELECT k FROM t_gone)")
    touched["triples"] = set(db.execute("""SELECT src, dst, typ FROM evidence WHERE doc_id IN (SELECT doc_id FROM t_docs)
                                           UNION SELECT src, dst, typ FROM ev_dropped
                                           WHERE doc_id IN (SELECT doc_id FROM t_docs)"""))
    touched["counted"] = {d for (d,) in db.execute(
        """SELECT dst FROM mention_edges WHERE src IN (SELECT rid FROM t_rids)
           UNION SELECT dst FROM me_dropped WHERE src IN (SELECT rid FROM t_rids)""")}
    touched["local"] = {i for (i,) in db.execute("SELECT id FROM local_nodes WHERE k IN (SELECT k FROM t_gone)")}
    touched["keys"] = {i for (i,) in db.execute("SELECT key FROM keyuse WHERE k IN (SELECT k FROM t_gone)")}
    for t in ("documents", "mentions", "claims", "evidence", "ev_dropped"):
        db.execute(f"DELETE FROM {t} WHERE doc_id IN (SELECT doc_id FROM t_docs)")
    for t in ("mention_edges", "me_dropped"):
        db.execute(f"DELETE FROM {t} WHERE src IN (SELECT rid FROM t_rids)")
    db.execute("DELETE FROM report_ids WHERE rid IN (SELECT rid FROM t_rids)")
    for t in ("rep", "kdocs", "ktexts", "keyuse", "local_nodes"):
        db.execute(f"DELETE FROM {t} WHERE k IN (SELECT k FROM t_gone)")
    return touched


def spread(lo: int, hi: int | None, m: int) -> list[int]:
    """``m`` seq numbers strictly between ``lo`` and ``hi`` (None: after ``lo``), evenly."""
    if hi is None:
        return [lo + GAP * (i + 1) for i in range(m)]
    step = (hi - lo) // (m + 1)
    if step < 1:
        raise Unsafe(f"no room left between seq {lo} and {hi} for {m} rows")
    return [lo + step * (i + 1) for i in range(m)]


def _documents(db, keys: list[str], remake: set[str]) -> None:
    """The documents rows of the reports made again, each run of them in file order between
    the last row of the report before the run and the first of the report after it."""
    def bound(k: str, last: bool) -> int | None:
        r = db.execute(f"SELECT {'max' if last else 'min'}(seq) FROM documents WHERE doc_id IN "
                       "(SELECT doc_id FROM kdocs WHERE k = ?)", (k,)).fetchone()
        if r[0] is None:
            raise Unsafe(f"no documents row of {k}")
        return r[0]
    i = 0
    while i < len(keys):
        if keys[i] not in remake:
            i += 1
            continue
        j = i
        while j < len(keys) and keys[j] in remake:
            j += 1
        run = keys[i:j]
        rows = db.execute(f"""SELECT {_q(DOC_COLS)} FROM s.r_docs d JOIN ord USING(k)
                              WHERE d.k IN ({_marks(run)}) ORDER BY ord.o, d.n""", run).fetchall()
        lo = bound(keys[i - 1], True) if i > 0 else 0
        hi = bound(keys[j], False) if j < len(keys) else None
        db.executemany(f"INSERT INTO documents(seq, {_q(DOC_COLS)}) VALUES(?, {_marks(DOC_COLS)})",
                       ((s, *r) for s, r in zip(spread(lo, hi, len(rows)), rows)))
        i = j


def _sections(db) -> None:
    """The mentions and claims of the reports made again: a section's rows are one run of
    each table (they sort by doc_id first), placed between the sections around it."""
    for table, cols, order in ORDERED[:2]:
        rows = db.execute(f"SELECT doc_id, {_q(cols)} FROM {STAGED[table]} ORDER BY {order}").fetchall()
        by_doc: dict[str, list] = {}
        for r in rows:
            by_doc.setdefault(r[0], []).append(r[1:])
        # the gaps are found before any row goes in, and the sections that fall into one
        # gap share it evenly (one after the other, each in the last step of the one
        # before, the room would shrink with every section of a report)
        gaps: list[tuple[tuple, list]] = []
        for doc_id, rs in by_doc.items():
            if db.execute(f"SELECT 1 FROM {table} WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone():
                raise Unsafe(f"{table} of {doc_id} still in the index")
            lo = db.execute(f"SELECT seq FROM {table} WHERE doc_id < ? ORDER BY doc_id DESC, seq DESC LIMIT 1",
                            (doc_id,)).fetchone()
            hi = db.execute(f"SELECT seq FROM {table} WHERE doc_id > ? ORDER BY doc_id, seq LIMIT 1",
                            (doc_id,)).fetchone()
            gap = (lo[0] if lo else 0, hi[0] if hi else None)
            if gaps and gaps[-1][0] == gap:
                gaps[-1][1].extend(rs)
            else:
                gaps.append((gap, list(rs)))
        for (lo, hi), rs in gaps:
            db.executemany(f"INSERT INTO {table}(seq, {_q(cols)}) VALUES(?, {_marks(cols)})",
                           ((s, *r) for s, r in zip(spread(lo, hi, len(rs)), rs)))


def _nodes(db, entities: dict, remap: dict, counted: set[str], touched: dict, rkeys: list[str] | None,
           logged: bool = False):
    """The nodes table made what a full build makes: the local nodes (reports, claims,
    dates) of the reports gone deleted and those of the reports made again inserted, the
    counts of the date and claim nodes counted again, the entity nodes that differ from
    the linking's written. Returns the node ids (added, removed, changed)."""
    local_gone = touched["local"]
    new_local = {i for (i,) in db.execute("SELECT id FROM local_nodes WHERE k IN (SELECT k FROM ord)")}
    cand = sorted(local_gone | new_local)
    before = _present(db, cand)
    db.executemany("DELETE FROM nodes WHERE id = ?", ((i,) for i in local_gone))
    db.execute("""INSERT OR IGNORE INTO nodes SELECT n.id, n.type, n.name, n.attrs, 0, 0
                  FROM ord CROSS JOIN s.r_nodes n USING(k) ORDER BY ord.o, n.id""")
    # a date another report holds too stays
    kept = [i for (i,) in db.execute(f"""SELECT DISTINCT id FROM local_nodes WHERE id IN ({_marks(local_gone)})""",
                                     sorted(local_gone))] if local_gone else []
    for i in kept:
        db.execute("""INSERT OR IGNORE INTO nodes SELECT n.id, n.type, n.name, n.attrs, 0, 0 FROM s.r_nodes n
                      WHERE n.k = (SELECT k FROM local_nodes WHERE id = ? LIMIT 1) AND n.id = ?""", (i, i))
    after = _present(db, cand)
    added, removed = after - before, before - after
    changed = set(new_local) | set(local_gone)
    db.executemany("""UPDATE nodes SET n_reports = ?, n_mentions = ? WHERE id = ? AND type IN ('Date', 'Claim')""",
                   ((*_count(db, i), i) for i in sorted(counted | new_local | set(kept))))
    # the entity nodes: the linking's against the index's
    members = {s for s, _, t in touched["triples"] if t == "MEMBER_OF"} | {
        s for (s,) in db.execute("SELECT DISTINCT src FROM ev WHERE typ = 'MEMBER_OF'")}
    counts, roles = Counts(db, counted), Roles(db)
    if rkeys is None:  # every entity compared
        have = {r[0]: r for r in db.execute(f"SELECT {NODE_COLS} FROM nodes WHERE type NOT IN {LOCAL_TYPES}")}
        rows = entity_nodes(entities, remap, counts, roles)
    else:  # those the linking changed, and those whose counts or roles may have
        ids = _linked_changes(db, rkeys, logged) | counted | members
        have = {r[0]: r for i in _chunks(sorted(ids)) for r in db.execute(
            f"SELECT {NODE_COLS} FROM nodes WHERE type NOT IN {LOCAL_TYPES} AND id IN ({_marks(i)})", i)}
        rows = entity_nodes(_linked(db, sorted(ids), remap), remap, counts, roles)
    seen = set()
    for r in rows:
        seen.add(r[0])
        was = have.get(r[0])
        if was != r:
            if was is None:
                if db.execute("SELECT 1 FROM nodes WHERE id = ?", (r[0],)).fetchone():
                    raise Unsafe(f"an entity with the id of a report's own node: {r[0]}")
                added.add(r[0])
            changed.add(r[0])
            db.execute("INSERT OR REPLACE INTO nodes VALUES(?,?,?,?,?,?)", r)
    for i in have.keys() - seen:
        db.execute("DELETE FROM nodes WHERE id = ?", (i,))
        removed.add(i)
        changed.add(i)
    if rkeys is None:
        mirror_linking(db, entities)
    return added, removed, changed


NODE_COLS = "id, type, name, attrs, n_reports, n_mentions"
LOCAL_TYPES = "('Report', 'Claim', 'Date')"


def _chunks(xs: list, n: int = 500):
    return (xs[i:i + n] for i in range(0, len(xs), n))


def _linked_changes(db, rkeys: list[str], logged: bool = False) -> set[str]:
    """The node ids of the entities the store's linking changed since the index's mirror of
    it (added, gone, other data, a parent key whose final key moved); the mirror updated.
    ``logged``: only the roots the store's log names since the mirror (t_lroots) are
    compared; else every root is."""
    only = (lambda col: f" AND {col} IN (SELECT x FROM t_lroots)") if logged else (lambda col: "")
    rows = db.execute(f"""SELECT e.root, node_id(e.final) FROM s.lk_ent e LEFT JOIN link_ent c ON c.root = e.root
                         WHERE (c.final IS NOT e.final OR c.data IS NOT e.data){only('e.root')}
                         UNION SELECT c.root, c.nid FROM link_ent c LEFT JOIN s.lk_ent e ON e.root = c.root
                         WHERE (e.final IS NOT c.final OR e.data IS NOT c.data){only('c.root')}""").fetchall()
    ids = {nid for _, nid in rows}
    roots = sorted({r for r, _ in rows})
    for part in _chunks(roots):
        ids |= {nid for (nid,) in db.execute(f"SELECT nid FROM link_ent WHERE root IN ({_marks(part)})", part)}
        db.execute(f"DELETE FROM link_ent WHERE root IN ({_marks(part)})", part)
        db.execute(f"""INSERT INTO link_ent SELECT root, final, node_id(final), json_extract(data, '$.attrs.parent_id'),
                       data FROM s.lk_ent WHERE root IN ({_marks(part)})""", part)
    for part in _chunks(rkeys):
        ids |= {nid for (nid,) in db.execute(f"SELECT nid FROM link_ent WHERE pkey IN ({_marks(part)})", part)}
        db.execute(f"DELETE FROM link_remap WHERE key IN ({_marks(part)})", part)
        db.execute(f"INSERT INTO link_remap SELECT key, final FROM s.lk_remap WHERE key IN ({_marks(part)})", part)
    return ids


def _linked(db, ids: list[str], remap) -> dict:
    """The linked entities (final key -> entity, as pipeline.linkstore.Entities gives them)
    of the node ids ``ids``, from the mirror."""
    out = {}
    for part in _chunks(ids):
        for final, data in db.execute(f"SELECT final, data FROM link_ent WHERE nid IN ({_marks(part)}) ORDER BY root",
                                      part):
            m = json.loads(data)
            p = m["attrs"].get("parent_id")
            if p:
                m["attrs"]["parent_id"] = remap.get(p, p)
            out[final] = m
    return out


class Counts:
    """(reports, mentions) of a node: counted again for the ids a change touched, else as
    the index has them."""

    def __init__(self, db, counted: set[str]):
        self.db, self.counted = db, counted

    def get(self, nid: str, default=(0, 0)):
        if nid not in self.counted:
            row = self.db.execute("SELECT n_reports, n_mentions FROM nodes WHERE id = ?", (nid,)).fetchone()
            if row is not None:
                return row
        return _count(self.db, nid)


class Roles:
    """The roles of a member: its MEMBER_OF evidence in the index, set aside, or of the
    reports made again (not placed yet)."""

    def __init__(self, db):
        self.db = db

    def get(self, nid: str, default=None):
        return {r for (r,) in self.db.execute(
            """SELECT role FROM evidence WHERE src = ? AND typ = 'MEMBER_OF' AND role != ''
               UNION SELECT role FROM ev_dropped WHERE src = ? AND typ = 'MEMBER_OF' AND role != ''
               UNION SELECT role FROM ev WHERE src = ? AND typ = 'MEMBER_OF' AND role != ''""", (nid, nid, nid))} or default


def _count(db, nid: str) -> tuple[int, int]:
    r = db.execute("""SELECT count(*), coalesce(sum(count), 0) FROM (SELECT count FROM mention_edges WHERE dst = ?
                      UNION ALL SELECT count FROM me_dropped WHERE dst = ?)""", (nid, nid)).fetchone()
    return r[0], r[1]


def _present(db, ids) -> set[str]:
    out = set()
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out |= {x for (x,) in db.execute(f"SELECT id FROM nodes WHERE id IN ({_marks(part)})", part)}
    return out


def _mention_edges(db, ids: set[str], counted: set[str]) -> None:
    """Mention counts to a node in ``mention_edges``, the others set aside: all those of
    the nodes that appeared or went (``ids``), the new ones (set aside by the patch) of the
    other nodes ``counted`` (their rows in place stay where they are)."""
    db.execute("CREATE TEMP TABLE t_counted(x TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO t_counted VALUES(?)", ((x,) for x in counted))
    db.execute("""CREATE TEMP TABLE t_back AS SELECT rowid AS r, * FROM me_dropped
                  WHERE dst IN (SELECT x FROM t_counted) AND dst IN (SELECT id FROM nodes)""")
    db.execute("DELETE FROM me_dropped WHERE rowid IN (SELECT r FROM t_back)")
    db.execute("INSERT INTO mention_edges SELECT src, dst, count FROM t_back ORDER BY src, dst")
    db.execute("CREATE TEMP TABLE t_ids(x TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO t_ids VALUES(?)", ((x,) for x in ids))
    for sql in ("""CREATE TEMP TABLE t_me AS SELECT * FROM mention_edges WHERE dst IN (SELECT x FROM t_ids)
                     UNION ALL SELECT * FROM me_dropped WHERE dst IN (SELECT x FROM t_ids)""",
                "DELETE FROM mention_edges WHERE dst IN (SELECT x FROM t_ids)",
                "DELETE FROM me_dropped WHERE dst IN (SELECT x FROM t_ids)",
                "INSERT INTO mention_edges SELECT * FROM t_me WHERE dst IN (SELECT id FROM nodes) ORDER BY src, dst",
                "INSERT INTO me_dropped SELECT * FROM t_me WHERE dst NOT IN (SELECT id FROM nodes) ORDER BY src, dst"):
        db.execute(sql)


def _evidence(db, added: set[str], removed: set[str]) -> set[tuple]:
    """The evidence of the reports made again, that set aside whose ends now both have a
    node, and that whose end went set aside; each row placed in the gap it sorts into.
    Returns the (source, target, type) of every row moved."""
    cols = ", ".join(f'"{c}"' for c in EV_COLS)
    staged = db.execute(f"SELECT n, {cols} FROM {STAGED['evidence']}").fetchall()
    db.execute("CREATE TEMP TABLE t_moved_ids(x TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO t_moved_ids VALUES(?)", ((x,) for x in added | removed))
    near = f"""SELECT rowid, n, {cols} FROM ev_dropped WHERE src IN (SELECT x FROM t_moved_ids)
               UNION SELECT rowid, n, {cols} FROM ev_dropped WHERE dst IN (SELECT x FROM t_moved_ids)"""
    back = db.execute(near).fetchall()
    going = db.execute(f"""SELECT seq, {cols} FROM evidence WHERE src IN (SELECT x FROM t_moved_ids)
                          UNION SELECT seq, {cols} FROM evidence WHERE dst IN (SELECT x FROM t_moved_ids)""").fetchall()
    db.executemany("DELETE FROM evidence WHERE seq = ?", ((r[0],) for r in going))
    db.executemany("DELETE FROM ev_dropped WHERE rowid = ?", ((r[0],) for r in back))
    rows = staged + [r[1:] for r in back] + going  # (n, cols...): n orders the rows of one section
    ends = {x for r in rows for x in (r[1], r[2])}
    nodes = _present(db, sorted(ends))
    keep = [r for r in rows if r[1] in nodes and r[2] in nodes]
    db.executemany(f"INSERT INTO ev_dropped VALUES(?, {_marks(EV_COLS)})",
                   [r for r in rows if not (r[1] in nodes and r[2] in nodes)])
    ki = [1 + EV_COLS.index(c) for c in EV_KEY]
    keep.sort(key=lambda r: (*(r[i] for i in ki), r[0]))
    placed, i = [], 0
    while i < len(keep):
        key = tuple(keep[i][j] for j in ki)
        lo = db.execute(f"""SELECT seq FROM evidence WHERE ({_q(EV_KEY)}) < ({_marks(EV_KEY)})
                            ORDER BY {', '.join(f'"{c}" DESC' for c in EV_KEY)}, seq DESC LIMIT 1""", key).fetchone()
        hi = db.execute(f"""SELECT seq, {_q(EV_KEY)} FROM evidence WHERE ({_q(EV_KEY)}) >= ({_marks(EV_KEY)})
                            ORDER BY {_q(EV_KEY)}, seq LIMIT 1""", key).fetchone()
        if hi and tuple(hi[1:]) == key:
            raise Unsafe(f"evidence of {key[3]} already in the index")
        upto = tuple(hi[1:]) if hi else None
        j = i + 1  # the rows that sort into the same gap
        while j < len(keep) and (upto is None or tuple(keep[j][x] for x in ki) < upto):
            j += 1
        for s, r in zip(spread(lo[0] if lo else 0, hi[0] if hi else None, j - i), keep[i:j]):
            placed.append((s, *r[1:]))
        i = j
    db.executemany(f"INSERT INTO evidence(seq, {cols}) VALUES(?, {_marks(EV_COLS)})", placed)
    return {(r[1], r[2], r[3]) for r in rows}


def _edges(db, triples: set[tuple]) -> None:
    db.execute("CREATE TEMP TABLE t_tri(src TEXT, dst TEXT, typ TEXT, PRIMARY KEY(src, dst, typ))")
    db.executemany("INSERT OR IGNORE INTO t_tri VALUES(?,?,?)", triples)
    db.execute("DELETE FROM edges WHERE (src, dst, typ) IN (SELECT src, dst, typ FROM t_tri)")
    for t in sorted(triples):
        db.execute(f"INSERT INTO edges {EDGES} WHERE src = ? AND dst = ? AND typ = ? GROUP BY src, dst, typ", t)


def _parents_aliases(db, located: set[str], named: set[str]) -> None:
    """The parents rows of ``located`` and the aliases of ``named`` made again."""
    for ids, table, make in ((located, "parents", None), (named, "aliases", alias_rows)):
        ids = sorted(ids)
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            db.execute(f"DELETE FROM {table} WHERE id IN ({_marks(part)})", part)
            if make is None:
                db.execute(f"INSERT INTO parents SELECT * FROM ({PARENTS}) WHERE id IN ({_marks(part)})", part)
            else:
                db.executemany("INSERT INTO aliases VALUES(?,?)", make(db.execute(
                    f"""SELECT id, name, attrs FROM nodes WHERE type NOT IN ('Report', 'Claim')
                        AND id IN ({_marks(part)})""", part).fetchall()))


def dump(path: Path):
    """The content of an index, canonical: every table's rows in the order the readers see
    them (``seq`` tables by seq, without it; the others sorted), an edge's first piece of
    evidence as its row, the set-aside evidence in its order without its numbers."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for t in ("documents", "mentions", "claims", "evidence"):
            out[t] = db.execute(f"SELECT * FROM {t} ORDER BY seq").fetchall()
            out[t] = [r[1:] for r in out[t]]
        out["edges"] = db.execute(f"""SELECT x.src, x.dst, x.typ, x.weight, x.roles, {', '.join('e.' + c for c in _q(EV_COLS).split(', '))} FROM edges x
                                      JOIN evidence e ON e.seq = x.first ORDER BY x.src, x.dst, x.typ""").fetchall()
        out["ev_dropped"] = db.execute(f"SELECT {_q(EV_COLS)} FROM ev_dropped ORDER BY {_q(EV_KEY)}, n").fetchall()
        for t in ("nodes", "mention_edges", "me_dropped", "keymap", "report_ids", "parents", "aliases", "rep",
                  "kdocs", "ktexts", "keyuse", "local_nodes", "index_meta", "link_ent", "link_remap"):
            width = len(db.execute(f'SELECT * FROM "{t}" LIMIT 0').description)
            out[t] = db.execute(f'SELECT * FROM "{t}" ORDER BY {", ".join(map(str, range(1, width + 1)))}').fetchall()
        return out
    finally:
        db.close()
