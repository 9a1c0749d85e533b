"""The linking alone at scale, from the store's per-key records (pipeline/linkstore.py):
a database of ``N`` reports' records replicated from a base build's link records as
pipeline/storegen.py replicates them, then the full linking, then one report changed and
linked again; seconds and this process's peak memory of each step (the README's figures).

    python -m pipeline.linkbench fill --base outputs/bench-scale/out-1000 --db /tmp/l.sqlite -n 100000
    python -m pipeline.linkbench link --db /tmp/l.sqlite          # full, then one change
"""
from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sqlite3
import sys
import time
import zlib
from pathlib import Path

from . import linkstore, storegen


def _peak_gib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)


def _records(base: Path) -> dict[str, list[dict]]:
    db = sqlite3.connect(f"file:{base / 'work' / 'store.sqlite'}?mode=ro", uri=True)
    try:
        out: dict[str, list[dict]] = {}
        for (blob,) in db.execute("SELECT rec FROM sections ORDER BY rel, n"):
            rec = json.loads(zlib.decompress(blob))
            out.setdefault(rec["doc_id"].split("#")[0], []).append(rec)
        return out
    finally:
        db.close()


def fill(base: Path, path: Path, n: int) -> dict:
    """``path``: the per-key records of ``n`` reports replicated from ``base``'s."""
    recs = _records(base)
    ids = sorted(recs)
    path.unlink(missing_ok=True)
    if not ids:
        raise SystemExit(f"no link records in {base}: build it first")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(linkstore.SCHEMA)
        t0 = time.perf_counter()
        db.execute("BEGIN")
        for k in range(n):
            base_id, copy = ids[k % len(ids)], k // len(ids)
            new_id = f"r{k:06d}"
            secs = [storegen.replicate(s, base_id, new_id, copy) for s in recs[base_id]]
            linkstore.put(db, f"{new_id}.txt", secs)
            if k % 5000 == 4999:
                db.execute("COMMIT")
                db.execute("BEGIN")
        db.execute("COMMIT")
    return {"reports": n, "fill_s": round(time.perf_counter() - t0, 1), "peak_gib": _peak_gib()}


def run(path: Path, change: bool = True) -> dict:
    """The full linking of the records in ``path``, then one report's records edited (made
    one section, and an organisation of the first report added to it) and linked again."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        return _run(db, change)


def _entity(data: str) -> dict:
    label, names, aliases, attrs, _place = json.loads(data)
    return {"label": label, "name": max(names), "aliases": aliases, "attrs": attrs}


def _run(db, change: bool) -> dict:
    rels = [r for (r,) in db.execute("SELECT DISTINCT rel FROM lk_occ ORDER BY rel")]
    if not rels:
        raise SystemExit("no link records in the database: run the fill step first")
    db.execute("DELETE FROM lk_meta WHERE k='state'")
    t0 = time.perf_counter()
    ents, _ = linkstore.link_store(db, rels)
    out = {"reports": len(rels), "entities": len(ents), "link_s": round(time.perf_counter() - t0, 1),
           "peak_gib": _peak_gib()}
    if change:
        rel = rels[len(rels) // 2]
        (data,) = db.execute("SELECT group_concat(key, '\n') FROM lk_occ WHERE rel=?", (rel,)).fetchone()
        keys = data.split("\n")
        sec = {"doc_id": rel[:-4], "entities": {}, "relations": [], "place_context": {}}
        for (key, d) in db.execute("SELECT key, data FROM lk_occ WHERE rel=?", (rel,)):
            sec["entities"][key] = _entity(d)
        other = db.execute("SELECT key, data FROM lk_occ WHERE rel=? AND key LIKE 'org:%' LIMIT 1",
                           (rels[0],)).fetchone()
        if other and other[0] not in keys:
            sec["entities"][other[0]] = _entity(other[1])
        db.execute("BEGIN")
        linkstore.put(db, rel, [sec])
        db.execute("COMMIT")
        t0 = time.perf_counter()
        linkstore.link_store(db, rels)
        out["one_change_link_s"] = round(time.perf_counter() - t0, 2)
        out["peak_gib_after"] = _peak_gib()
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.linkbench", description=__doc__.split("\n")[0])
    p.add_argument("step", choices=("fill", "link"))
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--base", type=Path, help="output folder of a build of r000000.. (fill)")
    p.add_argument("-n", type=int, default=1000, help="reports (fill)")
    a = p.parse_args(argv)
    print(json.dumps(fill(a.base, a.db, a.n) if a.step == "fill" else run(a.db)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
