"""Cross-report linking from per-key records kept in SQLite: in bounded memory, group by
group, and after a change only where the change reaches.

The store (pipeline/store.py) gives every report's link records to :func:`put` when it
keeps them and calls :func:`forget` when it drops the report. In the store's database they
keep, per report:

- ``lk_occ``: per key, what the linking reads of it in that report (label, names with
  counts, aliases, first attributes, sections, the place of a person's section, where the
  key first appears), with the key's *group*;
- ``lk_member``: per person key, the organisations of its MEMBER_OF relations (and the
  outlets of its bylines, to know whom an organisation's change reaches);
- ``lk_hit``: the keys carrying a name of ``rules/same_as.tsv``;
- ``lk_dirty``: the groups a put or forget touched since the last linking.

A key's group is what the joins of pipeline/link.py can reach from it: an organisation's
name (the place refinement joins only keys of one name), a person's name (people are
joined only by name), the division a place key is joined into, else the key alone. A rule
of same_as.tsv makes the groups of the names it carries one super-group. Linking a set of
whole groups (``link.link_keys``) gives exactly the entities the linking of everything
gives for them, with two inputs from other groups: the parent codes of the places an
organisation is anchored at (``lk_parent``, written when the places are linked) and the
final keys of the organisations a person belongs to (``lk_remap``). So :func:`link` links
places first, then organisations, then people, a batch of groups at a time, and keeps the
entities in ``lk_ent`` and the remap in ``lk_remap``. After a change it links again only
the groups the change touched, the organisations anchored at places whose parent changed
and the people whose organisations' final keys changed; the result is the same as linking
everything (``tests/test_linkstore.py``).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from . import link, rules

SCHEMA = """
CREATE TABLE IF NOT EXISTS lk_occ(rel TEXT, key TEXT, grp TEXT, anchor TEXT, first INTEGER, data TEXT, secs TEXT,
    PRIMARY KEY(rel, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lk_occ_grp ON lk_occ(grp);
CREATE INDEX IF NOT EXISTS lk_occ_anchor ON lk_occ(anchor) WHERE anchor IS NOT NULL;
CREATE TABLE IF NOT EXISTS lk_member(rel TEXT, person TEXT, org TEXT, outlet INTEGER, grp TEXT, n INTEGER,
    PRIMARY KEY(rel, person, org, outlet)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lk_member_person ON lk_member(person);
CREATE INDEX IF NOT EXISTS lk_member_org ON lk_member(org);
CREATE TABLE IF NOT EXISTS lk_hit(name TEXT, key TEXT, rel TEXT, grp TEXT);
CREATE INDEX IF NOT EXISTS lk_hit_name ON lk_hit(name);
CREATE INDEX IF NOT EXISTS lk_hit_rel ON lk_hit(rel);
CREATE TABLE IF NOT EXISTS lk_dirty(grp TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS lk_ent(root TEXT PRIMARY KEY, grp TEXT, final TEXT, data TEXT);
CREATE INDEX IF NOT EXISTS lk_ent_grp ON lk_ent(grp);
CREATE TABLE IF NOT EXISTS lk_remap(key TEXT PRIMARY KEY, grp TEXT, final TEXT);
CREATE INDEX IF NOT EXISTS lk_remap_grp ON lk_remap(grp);
CREATE TABLE IF NOT EXISTS lk_parent(code TEXT PRIMARY KEY, grp TEXT, parent TEXT);
CREATE INDEX IF NOT EXISTS lk_parent_grp ON lk_parent(grp);
CREATE TABLE IF NOT EXISTS lk_sg(grp TEXT PRIMARY KEY, sg TEXT);
CREATE TABLE IF NOT EXISTS lk_order(rel TEXT PRIMARY KEY, o INTEGER);
CREATE TABLE IF NOT EXISTS lk_meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS lk_log(seq INTEGER PRIMARY KEY AUTOINCREMENT, t INTEGER, k TEXT);
"""
TABLES = ("lk_occ", "lk_member", "lk_hit", "lk_dirty", "lk_ent", "lk_remap", "lk_parent", "lk_sg", "lk_order",
          "lk_meta", "lk_log")
LOG_MAX = 200_000  # rows of lk_log kept; more: the log starts again (see log_since)
MARK = "link_mark:"  # + an index's name: where the log was when its mirror was made (store meta)
# group names by kind; they sort in the order the kinds are linked (places and other keys,
# organisations, people)
PLACE, ORG, PERSON = "1\t", "3\t", "9\t"
SPAN = 1_000_000          # where a key first appears in a report: section * SPAN + position
AT = 10_000_000_000       # ... and in the files: report's place * AT + that
BATCH = 20_000            # keys linked at a time
CHUNK = 500               # values in one SQL IN list
REMAP_IN_MEMORY = 300_000  # a larger remap is looked up in SQLite
FULL_AT = 50_000          # more groups changed than this: everything is linked again, streamed


def rows_in(db, sql: str, values: list) -> Iterator[tuple]:
    """The rows of ``sql`` (one ``{}`` where the IN list of marks goes) for all ``values``,
    asked CHUNK values at a time (SQLite limits the marks of one statement), in order."""
    for i in range(0, len(values), CHUNK):
        part = values[i:i + CHUNK]
        yield from db.execute(sql.format(",".join("?" * len(part))), part)


def group(key: str) -> str:
    """The group of ``key``: the keys the joins of pipeline/link.py can reach from it."""
    kind = key.split(":", 1)[0]
    if kind in ("org", "person"):
        parts = key.split(":", 2)
        if len(parts) == 3:
            return (ORG if kind == "org" else PERSON) + parts[2]
    elif kind == "place":
        hit = link.place_target(key)
        return PLACE + (hit[0].key if hit else key)
    return PLACE + key


def _anchor(key: str) -> str | None:
    parts = key.split(":", 2)
    return parts[1] if len(parts) == 3 and parts[0] == "org" else None


# --------------------------------------------------------------------------- per report

def put(db, rel: str, sections: list[dict]) -> None:
    """The per-key records of report ``rel`` (its sections' link records) into the store
    ``db``, inside the caller's transaction, replacing any it had."""
    insert(db, rel, key_rows(rel, sections))


def insert(db, rel: str, made: tuple) -> None:
    """The rows of :func:`key_rows` into the store ``db`` (inside the caller's
    transaction), replacing any report ``rel`` had."""
    rows, hits, members, h = made
    forget(db, rel)
    if _meta(db, "rules") not in (None, h):
        _set_meta(db, "rules", "stale")     # rules changed: the next linking finds the hits again
    elif _meta(db, "rules") is None:
        _set_meta(db, "rules", h)
    db.executemany("INSERT INTO lk_occ(rel, key, grp, anchor, first, data, secs) VALUES(?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO lk_hit VALUES(?,?,?,?)", hits)
    db.executemany("INSERT INTO lk_member(rel, person, org, outlet, grp, n) VALUES(?,?,?,?,?,?)", members)
    _mark(db, rel)


def key_rows(rel: str, sections: list[dict]) -> tuple:
    """(lk_occ rows, lk_hit rows, lk_member rows, digest of the rule names) of report
    ``rel``: made where the report was extracted, inserted by :func:`insert`."""
    occ: dict[str, list] = {}
    member: Counter = Counter()
    for n, sec in enumerate(sections):
        sid, ents, members = link.section_entries(sec)
        for p, (key, label, name, aliases, attrs, place) in enumerate(ents):
            o = occ.get(key)
            if o is None:   # label, names, aliases, attributes, sections, place; first place
                o = occ[key] = [label, {}, set(), {}, [], None, n * SPAN + p]
            o[1][name] = o[1].get(name, 0) + 1
            o[2].update(aliases)
            if sid not in o[4]:
                o[4].append(sid)
            if place is not None:
                o[5] = place
            link.add_attrs(o[3], attrs)
        for person, org in members:
            member[(person, org, 0)] += 1
    names = _rule_names(link.load_corrections()[0])
    h = _digest(sorted(names))
    rows, hits = [], []
    for key, (label, nm, aliases, attrs, secs, place, first) in occ.items():
        grp = group(key)
        # the data without the sections, so that the reports where a key reads the same share it
        rows.append((rel, key, grp, _anchor(key), first,
                     _json([label, nm, sorted(aliases), attrs, place]), "\n".join(secs)))
        hits += [(name, key, rel, grp) for name in sorted((set(nm) | aliases) & names)]
        if attrs.get("outlet"):      # a byline's outlet: only to know whom an organisation's change reaches
            member.setdefault((key, f"org::{attrs['outlet']}", 1), 0)
    return rows, hits, [(rel, person, org, outlet, group(person), n) for (person, org, outlet), n in member.items()], h


_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def forget(db, rel: str) -> None:
    """Report ``rel``'s per-key records out of the store (its groups to be linked again)."""
    _mark(db, rel)
    for t in ("lk_occ", "lk_member", "lk_hit"):
        db.execute(f"DELETE FROM {t} WHERE rel=?", (rel,))


def _mark(db, rel: str) -> None:
    db.execute("INSERT OR IGNORE INTO lk_dirty SELECT grp FROM lk_occ WHERE rel=?", (rel,))
    db.execute("INSERT OR IGNORE INTO lk_dirty SELECT grp FROM lk_member WHERE rel=?", (rel,))


def _rule_names(same_as) -> set[str]:
    return {spec.partition("@")[0] for a, b, _ in same_as for spec in (a, b)}


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, ensure_ascii=False).encode("utf-8")).hexdigest()[:24]


def _meta(db, k: str) -> str | None:
    row = db.execute("SELECT v FROM lk_meta WHERE k=?", (k,)).fetchone()
    return row[0] if row else None


def _set_meta(db, k: str, v: str) -> None:
    db.execute("INSERT OR REPLACE INTO lk_meta VALUES(?,?)", (k, v))


# --------------------------------------------------------------------------- linking

def link_store(db, rels: list[str], corrections=None) -> tuple[Mapping, Mapping] | None:
    """The linking of the reports ``rels`` (in file order) from the per-key records in
    ``db``: (entities, remap) as ``link.merge_entities`` of their link records gives them,
    entities read from SQLite as they are iterated. Links only the groups changed since
    the last call when that call's results still stand (same code, rules and order).
    None where a rule of same_as.tsv names keys of two kinds (a person and an
    organisation): the caller links in memory then."""
    corrections = corrections if corrections is not None else link.load_corrections()
    same_as = corrections[0]
    names = _rule_names(same_as)
    code = Path(link.__file__).read_bytes() + Path(__file__).read_bytes()
    state = _digest([corrections, hashlib.sha256(code).hexdigest(), rules.fingerprint()])
    db.execute("BEGIN")
    try:
        full = _meta(db, "state") != state
        if _meta(db, "rules") != _digest(sorted(names)):
            _find_hits(db, names)
            full = True
        old = [r for (r,) in db.execute("SELECT rel FROM lk_order ORDER BY o")]
        both = set(old) & set(rels)
        if not old or [r for r in old if r in both] != [r for r in rels if r in both]:
            full = True
        if not full:
            for r in set(old).symmetric_difference(rels):
                _mark(db, r)
            full = db.execute("SELECT count(*) FROM lk_dirty").fetchone()[0] > FULL_AT
        db.execute("DELETE FROM lk_order")
        db.executemany("INSERT INTO lk_order VALUES(?,?)", ((r, o) for o, r in enumerate(rels)))
        sgs = _super_groups(db, same_as)
        if sgs is None:
            _set_meta(db, "state", "")
            db.execute("COMMIT")
            return None
        # the log of the roots and keys whose results change (log_since) starts again after
        # a whole linking, or when it is long; no row is logged meanwhile
        restart = full or _meta(db, "log_epoch") is None or \
            db.execute("SELECT count(*) > ? FROM lk_log", (LOG_MAX,)).fetchone()[0]
        _logging(db, not restart)
        run = GroupLinking(db, corrections, sgs)
        if full:
            run.all()
        else:
            run.dirty()
        if restart:
            db.execute("DELETE FROM lk_log")
            _set_meta(db, "log_epoch", os.urandom(8).hex())
            _logging(db, True)
        db.execute("DELETE FROM lk_dirty")
        db.execute("DELETE FROM lk_sg")
        db.executemany("INSERT INTO lk_sg VALUES(?,?)", sorted(sgs.items()))
        _set_meta(db, "state", state)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    n = db.execute("SELECT count(*) FROM lk_remap").fetchone()[0]
    remap = dict(db.execute("SELECT key, final FROM lk_remap")) if n <= REMAP_IN_MEMORY else Remap(db)
    return Entities(db, remap), remap


def _logging(db, on: bool) -> None:
    """The triggers that log each row of ``lk_ent`` (roots, t=0) and ``lk_remap`` (keys,
    t=1) written or deleted, made (``on``) or dropped."""
    for table, col, t in (("lk_ent", "root", 0), ("lk_remap", "key", 1)):
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("NEW", "OLD")), ("DELETE", ("OLD",))):
            name = f"lk_log_{table}_{event.lower()}"
            if on:
                body = " ".join(f"INSERT INTO lk_log(t, k) VALUES({t}, {r}.{col});" for r in rows)
                db.execute(f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN {body} END")
            else:
                db.execute(f"DROP TRIGGER IF EXISTS {name}")


def log_mark(db, schema: str = "main") -> str:
    """Where the log of the store (attached as ``schema``) is now: what an index that
    mirrors the linking keeps (:func:`log_since`)."""
    epoch = db.execute(f"SELECT v FROM {schema}.lk_meta WHERE k = 'log_epoch'").fetchone()
    pos = db.execute(f"SELECT coalesce(max(seq), 0) FROM {schema}.lk_log").fetchone()[0]
    return f"{epoch[0] if epoch else ''}:{pos}"


def log_position(db, mark: str | None, schema: str = "main") -> int | None:
    """The position in the store's log of ``mark`` (:func:`log_mark`): the rows after it
    (``seq`` greater) are what was written since; None when the log does not reach back to
    it (it started again since, or there is no mark)."""
    epoch, _, pos = (mark or "").partition(":")
    now = db.execute(f"SELECT v FROM {schema}.lk_meta WHERE k = 'log_epoch'").fetchone()
    if not epoch or now is None or now[0] != epoch or not pos.isdigit():
        return None
    return int(pos)


def log_since(db, mark: str | None, schema: str = "main") -> tuple[set[str], set[str]] | None:
    """The roots (of ``lk_ent``) and keys (of ``lk_remap``) written or deleted since
    ``mark``, or None when the log does not reach back to it (:func:`log_position`)."""
    pos = log_position(db, mark, schema)
    if pos is None:
        return None
    out: tuple[set[str], set[str]] = (set(), set())
    for t, k in db.execute(f"SELECT t, k FROM {schema}.lk_log WHERE seq > ?", (pos,)):
        out[t].add(k)
    return out


def _find_hits(db, names: set[str]) -> None:
    """``lk_hit`` made again from every key's names and aliases (the rules changed)."""
    db.execute("DELETE FROM lk_hit")
    hits = [(name, key, rel, grp) for key, rel, grp, data in db.execute("SELECT key, rel, grp, data FROM lk_occ")
            for d in (json.loads(data),) for name in sorted((set(d[1]) | set(d[2])) & names)]
    db.executemany("INSERT INTO lk_hit VALUES(?,?,?,?)", hits)
    _set_meta(db, "rules", _digest(sorted(names)))


# a key's records, the reports where they read the same taken together: where it first
# appears, the last report, how many, their sections
_SELECT = f"""SELECT o.grp, o.key, o.data, min(lk_order.o * {AT} + o.first), max(lk_order.o), count(*),
                     group_concat(o.secs, char(10)) FROM lk_occ o JOIN lk_order USING(rel)"""
_GROUP = "GROUP BY o.grp, o.key, o.data ORDER BY o.grp"


def _kind(grp: str) -> int:
    return 0 if grp < ORG else 1 if grp < PERSON else 2


def _super_groups(db, same_as) -> dict[str, str] | None:
    """group -> its super-group, for the groups a rule of same_as.tsv joins with others:
    the groups of every name a rule carries are one. None where one would hold groups of
    two kinds (a person and an organisation: their linking reads each other's)."""
    parent: dict[str, str] = {}

    def find(g):
        parent.setdefault(g, g)
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g
    for a, b, _ in same_as:
        ns = sorted({a.partition("@")[0], b.partition("@")[0]})
        grps = sorted({g for (g,) in db.execute(
            f"SELECT DISTINCT h.grp FROM lk_hit h JOIN lk_order USING(rel) WHERE h.name IN ({','.join('?' * len(ns))})",
            ns)})
        for g in grps[1:]:
            parent[find(g)] = find(grps[0])
        if grps:
            find(grps[0])
    sets: dict[str, list[str]] = defaultdict(list)
    for g in parent:
        sets[find(g)].append(g)
    if any(len({_kind(x) for x in gs}) > 1 for gs in sets.values()):
        return None
    return {g: min(gs) for gs in sets.values() if len(gs) > 1 for g in gs}


class GroupLinking:
    """One linking: batches of whole groups through ``link.link_keys``, the results into
    ``lk_ent``, ``lk_remap`` and ``lk_parent``."""

    def __init__(self, db, corrections, sgs: dict[str, str]):
        self.db, self.corrections, self.sgs = db, corrections, sgs
        self.members: dict[str, list[str]] = defaultdict(list)
        for g, s in sorted(sgs.items()):
            self.members[s].append(g)

    # ----------------------------------------------------------------- whole runs
    def all(self) -> None:
        """Link every group again (results dropped first), a batch of whole groups at a time."""
        for t in ("lk_ent", "lk_remap", "lk_parent"):
            self.db.execute(f"DELETE FROM {t}")
        for kind, (lo, hi) in enumerate(((PLACE, ORG), (ORG, PERSON), (PERSON, "\U0010ffff"))):
            self._stream(lo, hi)
            for s in sorted(self.members):
                if _kind(s) == kind:
                    self._batch(list(self._rows(self.members[s])))

    def _stream(self, lo: str, hi: str) -> None:
        """Every group in [lo, hi) outside super-groups, in batches."""
        cur = self.db.cursor()
        rows = cur.execute(f"""{_SELECT} WHERE o.grp >= ? AND o.grp < ? {_GROUP}""", (lo, hi))
        self._batches(r for r in rows if r[0] not in self.sgs)

    def _batches(self, rows: Iterable[tuple]) -> None:
        batch, keys, last = [], set(), None
        for r in rows:
            if r[0] != last and len(keys) >= BATCH:
                self._batch(batch)
                batch, keys = [], set()
            batch.append(r)
            keys.add(r[1])
            last = r[0]
        if batch:
            self._batch(batch)

    def _rows(self, grps: Iterable[str]) -> Iterator[tuple]:
        yield from rows_in(self.db, f"{_SELECT} WHERE o.grp IN ({{}}) {_GROUP}", sorted(grps))

    # ----------------------------------------------------------------- after a change
    def dirty(self) -> None:
        """Only the groups changed since the last linking, and those their change reaches:
        places (and other keys), the organisations anchored at places whose parent
        changed, the people belonging to organisations whose final key changed."""
        dirty = self._close({g for (g,) in self.db.execute("SELECT grp FROM lk_dirty")})
        codes = self._stage(dirty, 0, "lk_parent", "code", "parent")
        dirty = self._close(dirty | self._grps("SELECT DISTINCT grp FROM lk_occ WHERE anchor IN ({})", codes))
        orgs = self._stage(dirty, 1, "lk_remap", "key", "final")
        dirty = self._close(dirty | self._grps("SELECT DISTINCT grp FROM lk_member WHERE org IN ({})", orgs))
        self._stage(dirty, 2, "lk_remap", "key", "final")

    def _stage(self, dirty: set[str], kind: int, table: str, col: str, val: str) -> set[str]:
        """The groups of one kind linked again, plain ones in batches, super-groups each
        alone; the keys of ``table`` whose value changed."""
        grps = sorted(g for g in dirty if _kind(g) == kind)
        before = self._results(grps, table, col, val)
        self._drop(grps)
        self._batches(self._rows([g for g in grps if g not in self.sgs]))
        for s in sorted({self.sgs[g] for g in grps if g in self.sgs}):
            self._batch(list(self._rows(self.members[s])))
        after = self._results(grps, table, col, val)
        same = (lambda k: before.get(k, k) == after.get(k, k)) if table == "lk_remap" else \
            (lambda k: before.get(k) == after.get(k))
        return {k for k in before.keys() | after.keys() if not same(k)}

    def _close(self, grps: set[str]) -> set[str]:
        """``grps`` with every group that shares a super-group, now or at the last linking."""
        old = dict(self.db.execute("SELECT grp, sg FROM lk_sg"))
        old_members: dict[str, set[str]] = defaultdict(set)
        for g, s in old.items():
            old_members[s].add(g)
        out, todo = set(), list(grps)
        while todo:
            g = todo.pop()
            if g in out:
                continue
            out.add(g)
            for s in (old.get(g), self.sgs.get(g)):
                if s is not None:
                    todo += old_members[s] | set(self.members[s])
        return out

    def _grps(self, sql: str, values: set[str]) -> set[str]:
        return {g for (g,) in rows_in(self.db, sql, sorted(values))}

    def _results(self, grps: list[str], table: str, col: str, val: str) -> dict[str, str]:
        return dict(rows_in(self.db, f"SELECT {col}, {val} FROM {table} WHERE grp IN ({{}})", grps))

    def _drop(self, grps: list[str]) -> None:
        for t in ("lk_ent", "lk_remap", "lk_parent"):
            for _ in rows_in(self.db, f"DELETE FROM {t} WHERE grp IN ({{}})", grps):
                pass

    # ----------------------------------------------------------------- one batch
    def _batch(self, rows: list[tuple]) -> None:
        """Link one batch of whole groups: rows (group, key, report order, first place,
        data) of their keys' records."""
        if not rows:
            return
        per_key: dict[str, list] = {}
        grp_of: dict[str, str] = {}
        for grp, key, data, first, last, n, secs in rows:
            same = per_key.get(key)
            if same is None:
                per_key[key] = [(first, last, n, data, secs)]
                grp_of[key] = grp
            else:
                same.append((first, last, n, data, secs))
        info: dict[str, dict] = {}
        names_of: dict[str, dict] = defaultdict(dict)   # names with counts (Counter-like for link_keys)
        for key, same in sorted(per_key.items(), key=lambda kv: min(kv[1])[0]):
            m, names, at = None, None, -1
            for first, last, n, data, secs in sorted(same):    # in the order they first appear
                label, nm, aliases, attrs, place = json.loads(data)
                if m is None:
                    m = {"label": label, "aliases": set(aliases), "attrs": attrs, "sections": set(secs.split("\n"))}
                    if len(same) == 1:         # most keys: read the same wherever they are
                        names_of[key] = {k: c * n for k, c in nm.items()} if n > 1 else nm
                        if place is not None:
                            m["place"] = place
                        break
                    names = Counter()
                else:
                    m["aliases"].update(aliases)
                    m["sections"].update(secs.split("\n"))
                    for k, v in attrs.items():
                        if k not in m["attrs"]:
                            m["attrs"][k] = v
                for k, c in nm.items():
                    names[k] += c * n
                if place is not None and last > at:     # the place of the last report that has one
                    m["place"], at = place, last
            else:
                names_of[key] = names
            info[key] = m
        member: dict[str, Counter] = defaultdict(Counter)
        persons = sorted(k for k in info if k.startswith("person:"))
        for person, org, n in rows_in(self.db, """SELECT person, org, n FROM lk_member JOIN lk_order USING(rel)
                                                     WHERE outlet = 0 AND person IN ({})""", persons):
            member[person][org] += n
        anchors = sorted({a for k in info for a in (_anchor(k),) if a is not None})
        place_parent = dict(rows_in(self.db, "SELECT code, parent FROM lk_parent WHERE code IN ({})", anchors))
        finals: dict[str, str] = {}
        orgs = sorted({o for c in member.values() for o in c} |
                      {f"org::{m['attrs']['outlet']}" for m in info.values() if m["attrs"].get("outlet")})
        finals.update((o, o) for o in orgs)
        finals.update(rows_in(self.db, "SELECT key, final FROM lk_remap WHERE key IN ({})", orgs))

        def resolve(org: str) -> str:
            hit = finals.get(org)
            if hit is None:
                row = self.db.execute("SELECT final FROM lk_remap WHERE key=?", (org,)).fetchone()
                hit = finals[org] = row[0] if row else org
            return hit
        merged, remap, roots = link.link_keys(info, names_of, member, self.corrections, resolve=resolve,
                                              place_parent=place_parent)

        def grp(k):
            return grp_of.get(k) or group(k)
        self.db.executemany("INSERT INTO lk_ent VALUES(?,?,?,?)",
                            [(root, grp(root), final, json.dumps(m, ensure_ascii=False))
                             for root, (final, m) in zip(roots, merged.items())])
        self.db.executemany("INSERT INTO lk_remap VALUES(?,?,?)", [(k, grp(k), f) for k, f in remap.items()])
        self.db.executemany("INSERT OR REPLACE INTO lk_parent VALUES(?,?,?)",
                            [(k.split(":", 1)[1], grp(k), m["attrs"].get("parent_id", "").split(":", 1)[-1])
                             for k, m in info.items() if m["label"] == "PLACE"])


# --------------------------------------------------------------------------- the results

class Remap(Mapping):
    """The remap of a linking too large to hold: each key looked up in SQLite."""

    def __init__(self, db):
        self.db = db

    def __getitem__(self, k: str) -> str:
        row = self.db.execute("SELECT final FROM lk_remap WHERE key=?", (k,)).fetchone()
        if row is None:
            raise KeyError(k)
        return row[0]

    def __iter__(self):
        return (k for (k,) in self.db.execute("SELECT key FROM lk_remap ORDER BY key"))

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM lk_remap").fetchone()[0]


class Entities(Mapping):
    """The linked entities by final key, in the order of their root keys, read from
    SQLite as they are iterated; a parent_id joined into another key is given as that key."""

    def __init__(self, db, remap: Mapping):
        self.db, self.remap = db, remap

    def _entity(self, data: str) -> dict:
        m = json.loads(data)
        p = m["attrs"].get("parent_id")
        if p:
            m["attrs"]["parent_id"] = self.remap.get(p, p)
        return m

    def __getitem__(self, k: str) -> dict:
        # a scan of lk_ent (no index on final: the assembly only iterates, and an index
        # would cost every linking's writes); for tests and single look-ups
        row = self.db.execute("SELECT data FROM lk_ent WHERE final=?", (k,)).fetchone()
        if row is None:
            raise KeyError(k)
        return self._entity(row[0])

    def __iter__(self):
        return (f for (f,) in self.db.execute("SELECT final FROM lk_ent ORDER BY root"))

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM lk_ent").fetchone()[0]

    def items(self):
        """(final key, entity) of every linked entity, in the linking's order."""
        return ((f, self._entity(d)) for f, d in self.db.execute("SELECT final, data FROM lk_ent ORDER BY root"))

    def values(self):
        """Every linked entity, in the linking's order."""
        return (m for _, m in self.items())
