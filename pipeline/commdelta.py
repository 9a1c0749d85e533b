"""Communities of a rebuild: only the components a change can reach found again.

:mod:`pipeline.communities` finds the communities of the whole graph of organisations and
people. A rebuild spliced from the previous set (:mod:`pipeline.splice`) knows which nodes
changed (``g_nodes``: their rows differ, appeared or went) and which sources' edges may
have (``g_edges``). This module keeps, in ``work/communities-state.sqlite``, every component
of the previous set with the rows of its communities (before numbering), and for a rebuild:

- the *touched* members: organisations and people that changed, the ends of MEMBER_OF and
  PART_OF edges that changed, the organisations whose IMPLEMENTS or LOCATED_IN edges changed
  or that implement a measure whose name changed; then their neighbours, and the neighbours
  of the people among those (a person's province is that of most of their organisations, so
  a change of an organisation's moves the links of its people);
- the components of the previous set holding a touched member are dropped, and the
  components of the new graph holding one are found by a search from them (the same rules:
  links inside one province only) and described from the rows of their own members;
- all rows are then numbered as a whole build numbers them.

A component no touched member is in has the same members, links, provinces and
descriptions in both graphs, so the rows are those of a whole build
(``tests/test_commdelta.py``). Everything is found again, as before, when there is no state
of the previous set (or other code made it), when a place changed, appeared or went under
another place (the descriptions name the places above), or when a change touches more than
MAX_TOUCHED members.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import communities as cm
from . import csvio
from .util import atomic_file

STATE = "communities-state.sqlite"
MAX_TOUCHED = 20000
LINKS = tuple(cm.LINKS)
KINDS = (*LINKS, "IMPLEMENTS", "LOCATED_IN")


class Whole(Exception):
    """The communities are found in the whole graph: the reason."""


@dataclass
class Delta:
    """What a rebuild changed against the ``previous`` set (its folder)."""
    previous: Path
    nodes: set[str]         # node ids whose row changed, appeared or went
    sources: set[str]       # node ids whose edges may have changed


def state_code() -> str:
    return hashlib.sha256(cm.code_hash() + Path(__file__).read_bytes()).hexdigest()[:24]


def write(db, cache: Path | None, name: str, path: Path, delta: Delta | None = None) -> str:
    """communities.csv of the index ``db`` of the set ``name`` (its folder's name) written
    to ``path``; returns why the communities were found in the whole graph ("": only where
    the change reached). ``cache``: the build's work folder (groupings and state kept there)."""
    state = cache / STATE if cache is not None else None
    why = "no previous set to compare with"
    if state is not None and delta is not None:
        try:
            _again(db, state, name, delta, path)
            return ""
        except Whole as e:
            why = str(e)
        except (sqlite3.Error, OSError, ValueError) as e:
            why = f"the state of the previous communities cannot be used: {e}"
    comps: list[tuple[list[str], list[dict]]] = []
    rows = cm.find_rows(cm.Inputs.from_index(db), cache, each=lambda nodes, rs: comps.append((nodes, rs)))
    with atomic_file(path, durable=False) as f:  # flushed only by --durable (pipeline/outsets.py)
        f.write(csvio.to_csv(rows, cm.COLS))
    if state is not None:
        with contextlib.suppress(OSError, sqlite3.Error):
            _write_state(state, name, comps)
    return why


def line(row: dict) -> str:
    """A community's CSV line but its id (its first cell): as csvio.to_csv writes it."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([csvio.neutralise(row.get(c, "")) for c in cm.COLS[1:]])
    return buf.getvalue()


def _state_rows(comps):
    return ((nodes[0], r["n_members"], r["member_ids"], line(r)) for nodes, rs in comps for r in rs)


def _write_state(path: Path, name: str, comps) -> None:
    """Every component of the set ``name`` with its rows, written whole and atomically."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        db.executescript("""PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF;
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE rows(root TEXT, n_members INTEGER, member_ids TEXT, line TEXT);
            CREATE TABLE members(node TEXT PRIMARY KEY, root TEXT) WITHOUT ROWID; BEGIN""")
        db.executemany("INSERT INTO rows VALUES(?,?,?,?)", _state_rows(comps))
        db.executemany("INSERT INTO members VALUES(?,?)", ((n, nodes[0]) for nodes, _ in comps for n in nodes))
        db.executemany("INSERT INTO meta VALUES(?,?)", (("set", name), ("code", state_code())))
        db.execute("CREATE INDEX rows_root ON rows(root)")
        # the order communities.csv numbers them in: a rebuild reads the lines in it, no sort
        db.execute("CREATE INDEX rows_order ON rows(n_members DESC, member_ids)")
        db.execute("CREATE INDEX members_root ON members(root)")
        db.execute("COMMIT")
        db.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _chunks(xs, n: int = 500):
    xs = sorted(xs)
    return (xs[i:i + n] for i in range(0, len(xs), n))


def _marks(xs) -> str:
    return ",".join("?" * len(xs))


class Graph:
    """The rows of one index a search needs, looked up by id and cached."""

    def __init__(self, db):
        self.db = db
        self.info: dict[str, tuple | None] = {}      # id -> (type, name, adcode, parent_id) or None
        self.inc: dict[str, list[tuple]] = {}        # id -> its MEMBER_OF/PART_OF edges (src, dst, typ, weight)
        self.prov_of: dict[str, str | None] = {}

    def load(self, ids) -> None:
        todo = [i for i in set(ids) if i not in self.info]
        for part in _chunks(todo):
            for nid, typ, name, adcode, parent in self.db.execute(
                    f"""SELECT id, type, name, CASE type WHEN 'Organization' THEN json_extract(attrs, '$.adcode') END,
                               CASE type WHEN 'Place' THEN json_extract(attrs, '$.parent_id') END
                        FROM nodes WHERE id IN ({_marks(part)})""", part):
                self.info[nid] = (typ, name, adcode, parent)
            for i in part:
                self.info.setdefault(i, None)

    def type(self, nid: str) -> str | None:
        self.load([nid])
        got = self.info[nid]
        return got[0] if got else None

    def links(self, ids) -> None:
        todo = [i for i in set(ids) if i not in self.inc]
        for part in _chunks(todo):
            got: dict[str, list] = {i: [] for i in part}
            types = ",".join(f"'{t}'" for t in LINKS)
            for e in self.db.execute(f"""SELECT src, dst, typ, weight FROM edges WHERE src IN ({_marks(part)}) AND typ IN ({types})
                                         UNION SELECT src, dst, typ, weight FROM edges
                                         WHERE dst IN ({_marks(part)}) AND typ IN ({types})""", part + part):
                for end in (e[0], e[1]):
                    if end in got:
                        got[end].append(tuple(e))
            self.inc.update(got)

    def neighbours(self, ids) -> set[str]:
        self.links(ids)
        return {e[1] if e[0] == i else e[0] for i in ids for e in self.inc[i]}

    def member(self, nid: str) -> bool:
        """An organisation, or a person with a link of their own (as communities.Inputs)."""
        t = self.type(nid)
        if t == "Organization":
            return True
        if t == "Person":
            self.links([nid])
            return any(e[0] == nid for e in self.inc[nid])
        return False

    def prov(self, nid: str) -> str | None:
        """The province of a member (communities.provinces), None for what is not one."""
        if nid in self.prov_of:
            return self.prov_of[nid]
        got: str | None = None
        if self.member(nid):
            if self.type(nid) == "Organization":
                got = cm.province(str(self.info[nid][2] or ""))
            else:
                votes = set()
                for u, v, _, _ in self.inc[nid]:
                    if u == nid and self.member(u):
                        if self.type(v) == "Organization":
                            votes.add(v)
                    elif v == nid and self.type(u) == "Organization" and not (self.member(u) and self.type(u) == "Person"):
                        votes.add(u)
                ps = [cm.province(str(self.info[o][2] or "")) for o in votes]
                ps = [p for p in ps if p]
                if len(set(ps)) > 1:
                    c = Counter(ps)
                    got = min(c, key=lambda p: (-c[p], p))
                else:
                    got = ps[0] if ps else ""
        self.prov_of[nid] = got
        return got

    def parent(self, place: str) -> str:
        """The place above a place, as communities.Inputs finds it: the lowest place it is
        LOCATED_IN, else its parent_id."""
        ups = [d for (d,) in self.db.execute("SELECT dst FROM edges WHERE src = ? AND typ = 'LOCATED_IN'", (place,))]
        self.load(ups + [place])
        above = sorted(d for d in ups if self.type(d) == "Place")
        return above[0] if above else str(self.info[place][3] or "")

    def component(self, start: str) -> tuple[list[str], list[tuple]]:
        """The component of ``start`` in the community graph: links inside one province."""
        seen, todo, edges = {start}, [start], set()
        while todo:
            u = todo.pop()
            self.links([u])
            for e in self.inc[u]:
                a, b = e[0], e[1]
                if a == b:
                    continue
                pa = self.prov(a)
                if pa is None or pa != self.prov(b):
                    continue
                edges.add(e)
                other = b if a == u else a
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return sorted(seen), sorted(edges)


def _touched(new: Graph, old: Graph, delta: Delta) -> set[str]:
    """The members whose component or description a change may have changed (see the module)."""
    seeds: set[str] = set()
    new.load(delta.nodes)
    old.load(delta.nodes)
    for nid in delta.nodes:
        a, b = new.info.get(nid), old.info.get(nid)
        types = {x[0] for x in (a, b) if x}
        if types & {"Organization", "Person"}:
            seeds.add(nid)
        if "Measure" in types and (a or (None, None))[:2] != (b or (None, None))[:2]:
            for g in (new, old):
                seeds |= {s for (s,) in g.db.execute(
                    "SELECT src FROM edges WHERE dst = ? AND typ = 'IMPLEMENTS'", (nid,))}
        if "Place" in types and a != b:
            if a is not None and b is not None:
                raise Whole(f"the place {nid} changed")
            # one that appeared or went changes no chain of the places both graphs have
            # (those of the organisations located anew are looked at anyway)
            g = new if a is not None else old
            below = [c for (c,) in g.db.execute("""SELECT id FROM parents WHERE parent = ? UNION SELECT e.src FROM edges e
                                                   WHERE e.dst = ? AND e.typ = 'LOCATED_IN'""", (nid, nid))]
            new.load(below)
            old.load(below)
            if any(new.type(c) == "Place" and old.type(c) == "Place" for c in below):
                raise Whole(f"the place {nid} above other places appeared or went")
    kinds = ",".join(f"'{t}'" for t in KINDS)
    for part in _chunks(delta.sources):
        got = []
        for g in (new, old):
            by: dict[str, set] = defaultdict(set)
            for e in g.db.execute(f"SELECT src, dst, typ, weight FROM edges WHERE src IN ({_marks(part)}) AND typ IN ({kinds})",
                                  part):
                by[e[0]].add(tuple(e))
            got.append(by)
        for src in part:
            diff = got[0].get(src, set()) ^ got[1].get(src, set())
            if not diff:
                continue
            if any(e[2] == "LOCATED_IN" for e in diff) and new.type(src) == old.type(src) == "Place" \
                    and new.parent(src) != old.parent(src):
                raise Whole(f"the place {src} moved under another")
            seeds.add(src)
            seeds |= {e[1] for e in diff if e[2] in LINKS}
    touched = set(seeds)
    for g in (new, old):
        near = g.neighbours(seeds)
        touched |= near
        g.load(near)
        people = {n for n in near if g.type(n) == "Person"}
        touched |= g.neighbours(people)
    if len(touched) > MAX_TOUCHED:
        raise Whole(f"{len(touched)} members touched")
    return touched


def _inputs(g: Graph, comps) -> cm.Inputs:
    """What describes the components ``comps``: their members, the measures their
    organisations implement, the places they lie in and the places above those."""
    x = cm.Inputs()
    members = [n for nodes, _ in comps for n in nodes]
    g.load(members)
    for n in members:
        typ, name, adcode, _ = g.info[n]
        if typ == "Organization":
            x.orgs[n] = (name or n, str(adcode or ""))
        else:
            x.people[n] = name or n
    orgs = sorted(x.orgs)
    located: dict[str, list[str]] = defaultdict(list)
    for part in _chunks(orgs):
        rows = g.db.execute(f"""SELECT src, dst, typ, weight FROM edges WHERE src IN ({_marks(part)})
                                AND typ IN ('IMPLEMENTS', 'LOCATED_IN') ORDER BY src, dst, typ""", part).fetchall()
        g.load(r[1] for r in rows)
        for src, dst, typ, weight in rows:
            kind = g.type(dst)
            if typ == "IMPLEMENTS" and kind == "Measure":
                x.implements[src].append((dst, g.info[dst][1] or dst, weight))
            elif typ == "LOCATED_IN" and kind == "Place":
                located[src].append(dst)
    x.located.update(located)
    todo = {p for ps in located.values() for p in ps}
    while todo:  # the places and those above them (communities.Inputs._locate)
        g.load(todo)
        ups: dict[str, list[str]] = defaultdict(list)
        for part in _chunks(todo):
            for src, dst in g.db.execute(f"""SELECT src, dst FROM edges WHERE src IN ({_marks(part)})
                                             AND typ = 'LOCATED_IN'""", part):
                ups[src].append(dst)
        g.load(d for ds in ups.values() for d in ds)
        nxt = set()
        for p in todo:
            info = g.info.get(p)
            if not info or info[0] != "Place":
                continue
            above = sorted(d for d in ups.get(p, ()) if g.type(d) == "Place")
            parent = above[0] if above else str(info[3] or "")
            x.places[p] = (info[1] or p, parent)
            if parent and parent not in x.places:
                nxt.add(parent)
        todo = nxt - set(x.places)
    return x


def _again(db, path: Path, name: str, delta: Delta, out: Path) -> None:
    if not path.is_file():
        raise Whole("no state of the previous communities")
    st = sqlite3.connect(path, isolation_level=None)
    try:
        meta = dict(st.execute("SELECT k, v FROM meta"))
        if meta.get("set") != delta.previous.name or meta.get("code") != state_code():
            raise Whole("the state of the communities is of another set or code")
        odb = sqlite3.connect(f"file:{delta.previous / 'index.sqlite'}?mode=ro", uri=True)
        try:
            new, old = Graph(db), Graph(odb)
            touched = _touched(new, old, delta)
        finally:
            odb.close()
        comps, done = [], set()
        for n in sorted(touched):
            if n not in done and new.member(n):
                nodes, edges = new.component(n)
                done.update(nodes)
                if len(nodes) > 1:
                    comps.append((nodes, edges))
        roots = set()  # the previous components of the members touched or now in a component found again
        for part in _chunks(touched | done):
            roots |= {r for (r,) in st.execute(f"SELECT root FROM members WHERE node IN ({_marks(part)})", part)}
        x = _inputs(new, comps)
        grouping = cm.Grouping(path.parent)
        made = [(nodes, grouping.rows(x, nodes, edges)) for nodes, edges in comps]
        st.execute("BEGIN")
        for part in _chunks(roots):
            st.execute(f"DELETE FROM rows WHERE root IN ({_marks(part)})", part)
            st.execute(f"DELETE FROM members WHERE root IN ({_marks(part)})", part)
        st.executemany("INSERT INTO rows VALUES(?,?,?,?)", _state_rows(made))
        st.executemany("INSERT OR REPLACE INTO members VALUES(?,?)", ((n, nodes[0]) for nodes, _ in made for n in nodes))
        st.execute("UPDATE meta SET v = ? WHERE k = 'set'", (name,))
        # numbered as communities.numbered numbers them (largest first, then by members;
        # SQLite's binary order of UTF-8 is the order of the code points)
        with atomic_file(out, durable=False) as f:  # flushed only by --durable (pipeline/outsets.py)
            f.write(csvio.to_csv([], cm.COLS))
            cur = st.execute("SELECT line FROM rows ORDER BY n_members DESC, member_ids")
            i = 0
            while chunk := cur.fetchmany(10000):
                f.write("".join(f"c{i + j}," + ln for j, (ln,) in enumerate(chunk, 1)))
                i += len(chunk)
        st.execute("COMMIT")
        grouping.save(keep_others=True)
    except BaseException:
        if st.in_transaction:
            st.execute("ROLLBACK")
        raise
    finally:
        st.close()
