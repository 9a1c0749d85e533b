"""The build's state between runs: ``<out>/work/store.sqlite`` (SQLite, from the standard
library).

For every input report it keeps the fingerprint the extraction was made from (size and
modification time of the file, its sidecar row, the code and rules version) and the
compact records cross-report linking needs, per section: ``doc_id``, ``entities``,
``relations``, ``place_context``, ``title``, ``byline``, ``authors``, ``editor`` (no text,
no mentions). A rebuild then

- does nothing but list the files and compare fingerprints when nothing changed, and
- re-extracts only the reports whose fingerprint changed, and re-runs the linking from
  these records alone, without reading any other report's text.

It also keeps each report's local rows (:mod:`pipeline.assemble`), from which every
build assembles its outputs, and its per-key link records (:mod:`pipeline.linkstore`),
from which the linking runs group by group and, after a change, only where it reaches. The full extraction of a report stays in its cache file
``<out>/work/<key>.json``, reused when a report's time changed but not its bytes.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path
from typing import NamedTuple

from . import assemble, link, linkstore

LINK_FIELDS = ("doc_id", "entities", "relations", "place_context", "title", "byline", "authors", "editor")
SCHEMA = 3


def fingerprint(path: str | Path, meta: dict | None, version: str, doc_id: str, name: str,
                st: os.stat_result | None = None) -> str:
    """What a report's extraction depends on, read without opening the file (``st``: its
    status as the listing of the folder read it, else asked for here)."""
    try:
        st = st or os.stat(path)
        stamp = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
    except OSError as e:
        stamp = f"missing:{e.errno}"
    # each part followed by a NUL, hashed in one piece
    data = "\0".join((stamp, json.dumps(meta, sort_keys=True) if meta else "{}", version, doc_id, name)) + "\0"
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def link_record(section: dict) -> dict:
    """The part of one extracted section that cross-report linking reads."""
    return {k: section.get(k) for k in LINK_FIELDS}


def _pack(obj) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _unpack(blob: bytes):
    return json.loads(zlib.decompress(blob).decode("utf-8"))


class Rows(NamedTuple):
    """What :meth:`Store.put` writes of one report's extraction, made from it by
    :func:`rows_of` in the process that extracted it (a worker), so that the build's own
    process receives packed rows instead of the whole extraction and only inserts them."""
    report: tuple            # doc_id, status, n_sections, info of the ``reports`` row
    sections: list           # ``sections`` rows: (rel, n, packed link record)
    local: list              # assemble.local_rows
    keys: tuple              # linkstore.key_rows
    done: bool               # the extraction has a cache key (else it is tried again next build)


def rows_of(rel: str, result: dict) -> Rows:
    """The rows of report ``rel``'s extraction ``result`` (for :meth:`Store.put_rows`)."""
    rep = result["report"]
    info = {"n_chars": rep.get("n_chars", 0), "error": rep.get("error", ""), "file": rep.get("file", "")}
    return Rows((rep["doc_id"], rep["status"], len(result["sections"]), json.dumps(info, ensure_ascii=False)),
                [(rel, n, _pack(link_record(s))) for n, s in enumerate(result["sections"])],
                assemble.local_rows(rel, result), linkstore.key_rows(rel, result["sections"]),
                bool(result.get("cache_key")))


class LinkRecords:
    """The link records of the given reports, in their order, read from the store each
    time it is iterated (never all held at once by this object)."""

    def __init__(self, store: "Store", rels: list[str]):
        self.store, self.rels = store, rels

    def __iter__(self):
        cur = self.store.db.cursor()
        for rel in self.rels:
            for (blob,) in cur.execute("SELECT rec FROM sections WHERE rel=? ORDER BY n", (rel,)):
                yield _unpack(blob)

    def __len__(self) -> int:
        return sum(self.store.n_sections(r) for r in self.rels)

    def link(self):
        """(entities, remap) of these reports as ``link.merge_entities`` gives them, linked
        from the store's per-key records (pipeline/linkstore.py: bounded memory, only the
        groups changed since the last linking), or in memory from the records where a
        rule of same_as.tsv names a person and an organisation."""
        out = linkstore.link_store(self.store.db, self.rels)
        return out if out is not None else link.merge_entities(self)


class Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        try:
            self.db = self._open(path)
        except sqlite3.DatabaseError:  # a store cut short (disk full, killed): start afresh
            for p in (path, path.with_name(path.name + "-journal")):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            self.db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA synchronous=OFF")
        db.executescript("""
            CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE IF NOT EXISTS reports(rel TEXT PRIMARY KEY, fp TEXT, doc_id TEXT, status TEXT,
                n_sections INTEGER, info TEXT);
            CREATE TABLE IF NOT EXISTS sections(rel TEXT, n INTEGER, rec BLOB, PRIMARY KEY(rel, n));
            CREATE TABLE IF NOT EXISTS revs(rel TEXT PRIMARY KEY, rev INTEGER) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS index_revs(at TEXT, k TEXT, rev INTEGER, PRIMARY KEY(at, k)) WITHOUT ROWID;
        """ + assemble.LOCAL_SCHEMA + linkstore.SCHEMA)
        row = db.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
        if row is None or row[0] != str(SCHEMA):
            db.executescript("DELETE FROM reports; DELETE FROM sections; DELETE FROM meta; DELETE FROM revs;"
                             "DELETE FROM index_revs;"
                             + "".join(f"DELETE FROM {t};" for t in assemble.LOCAL_TABLES + linkstore.TABLES))
            db.execute("INSERT INTO meta VALUES('schema', ?)", (str(SCHEMA),))
        return db

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ reports
    def fingerprints(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT rel, fp FROM reports"))

    def n_sections(self, rel: str) -> int:
        row = self.db.execute("SELECT n_sections FROM reports WHERE rel=?", (rel,)).fetchone()
        return row[0] if row else 0

    def put(self, rel: str, fp: str, result: dict) -> None:
        """One report's extraction: its fingerprint, its sections' link records and its
        local rows (:func:`pipeline.assemble.put_local`)."""
        self.put_rows(rel, fp, rows_of(rel, result))

    def put_rows(self, rel: str, fp: str, rows: Rows) -> None:
        """One report's rows as :func:`rows_of` made them (where it was extracted): this
        process only inserts them."""
        with self.transaction():
            self.db.execute("DELETE FROM sections WHERE rel=?", (rel,))
            self.db.execute("INSERT OR REPLACE INTO reports VALUES(?,?,?,?,?,?)", (rel, fp, *rows.report))
            self.db.executemany("INSERT INTO sections VALUES(?,?,?)", rows.sections)
            assemble.insert_local(self.db, rel, rows.local)
            linkstore.insert(self.db, rel, rows.keys)
            # a revision never given before: an index holding another one of this report
            # makes its rows again (pipeline/indexpatch.py)
            rev = int(self.get("rev") or 0) + 1
            self.set("rev", str(rev))
            self.db.execute("INSERT OR REPLACE INTO revs VALUES(?,?)", (rel, rev))

    def forget(self, keep: set[str]) -> None:
        """Drop the reports no longer in the input folder."""
        gone = [r for r in self.fingerprints() if r not in keep]
        with self.transaction():
            for rel in gone:
                self.db.execute("DELETE FROM reports WHERE rel=?", (rel,))
                self.db.execute("DELETE FROM sections WHERE rel=?", (rel,))
                self.db.execute("DELETE FROM revs WHERE rel=?", (rel,))
                for t in assemble.LOCAL_TABLES:
                    self.db.execute(f"DELETE FROM {t} WHERE k=?", (rel,))
                linkstore.forget(self.db, rel)

    # ------------------------------------------------------------------ what the indexes hold
    # ``revs``: each report's revision (a number never given before: its rows were put
    # again); ``index_revs``: the revisions the index of each output set (``at``: the set's
    # name, or "spare") holds, so that a patch of an index of any earlier build makes again
    # exactly the reports put since (pipeline/indexpatch.py). Not kept in the index itself,
    # which is byte-identical for identical input.
    def index_made(self, at: str) -> None:
        """The index of ``at`` now holds every report's rows as the store has them, and
        mirrors its linking as the linking's log now stands (linkstore.log_mark)."""
        with self.transaction():
            self.db.execute("DELETE FROM index_revs WHERE at=?", (at,))
            self.db.execute("INSERT INTO index_revs SELECT ?, rel, rev FROM revs ORDER BY rel", (at,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)",
                            (linkstore.MARK + at, linkstore.log_mark(self.db)))

    def index_copied(self, src: str, dst: str) -> None:
        """The index ``dst`` (the spare) is a copy of set ``src``'s (copied_from)."""
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", ("copied_from:" + dst, src))
            self.db.execute("DELETE FROM index_revs WHERE at=?", (dst,))
            self.db.execute("INSERT INTO index_revs SELECT ?, k, rev FROM index_revs WHERE at=? ORDER BY k", (dst, src))
            self.db.execute("DELETE FROM meta WHERE k=?", (linkstore.MARK + dst,))
            self.db.execute("INSERT INTO meta SELECT ?, v FROM meta WHERE k=?", (linkstore.MARK + dst, linkstore.MARK + src))

    def copied_from(self, at: str) -> str:
        """The set whose index the index ``at`` is a copy of (``at`` itself when it is none)."""
        row = self.db.execute("SELECT v FROM meta WHERE k=?", ("copied_from:" + at,)).fetchone()
        return row[0] if row else at

    def changed_since(self, at: str) -> set[str] | None:
        """The reports put, added or gone since the index of ``at`` was made (None: unknown)."""
        was = dict(self.db.execute("SELECT k, rev FROM index_revs WHERE at=?", (at,)))
        if not was:
            return None
        now = dict(self.db.execute("SELECT rel, rev FROM revs"))
        return {k for k in was.keys() | now.keys() if was.get(k) != now.get(k)}

    def indexes_left(self, names: set[str]) -> None:
        """Forget the revisions of the indexes that are gone (all but ``names``)."""
        gone = [a for (a,) in self.db.execute("SELECT DISTINCT at FROM index_revs") if a not in names]
        marks = [k for (k,) in self.db.execute("SELECT k FROM meta WHERE k >= ? AND k < ?",
                                               (linkstore.MARK, linkstore.MARK + "\U0010ffff"))
                 if k[len(linkstore.MARK):] not in names]
        with self.transaction():
            self.db.executemany("DELETE FROM index_revs WHERE at=?", ((a,) for a in gone))
            self.db.executemany("DELETE FROM meta WHERE k=?", ((k,) for k in marks))

    def link_records(self, rels: list[str]) -> LinkRecords:
        return LinkRecords(self, rels)

    # ------------------------------------------------------------------ the last output set
    def get(self, k: str) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (k,)).fetchone()
        return row[0] if row else None

    def set(self, k: str, v: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES(?,?)", (k, v))

    @contextlib.contextmanager
    def transaction(self):
        self.db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def state_of(entries: list, fps: dict[str, str], version: str, options: str = "") -> str:
    """One hash of the whole input: the files in order, with their status and fingerprint."""
    h = hashlib.sha256(f"{SCHEMA}\0{version}\0{options}".encode())
    for e in entries:
        h.update(f"{e.rel}\0{e.doc_id}\0{e.status}\0{e.error}\0{fps.get(e.key, '')}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()
