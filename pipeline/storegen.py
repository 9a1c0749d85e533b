"""A build's store for many generated reports, filled from the real extractions of a few
(``make bench-scale`` with ``--replicated``): the assembly and the outputs measured at
100,000 reports without the hours their extraction takes.

The input folder holds the generated reports ``r<k>.txt`` (pipeline/scalegen.py). A base
build of the first ``N`` of them has their extraction caches (``<base>/work/*.json``).
Report ``k`` gets the extraction of base report ``k mod N``, copy ``c = k // N``: copy 0
as it is; every other copy with its ids moved to ``r<k>`` (report, sections, claims) and
every organisation and person key given the copy's mark (``org:330100:杭州市第一中学`` ->
``org:330100:杭州市第一中学~7``), so that each copy names entities of its own, as further
generated reports would (an upper bound: real further reports would also meet the names
of the first ones). Places, dates and measures are kept (their sets are bounded by the
gazetteer and the rules, as in real reports). Mentions keep their text and offsets into
the cleaned text, which is the base report's.

Each result goes into the store with the fingerprint the build computes for the file, so
that ``python -m pipeline build`` over the folder extracts nothing and assembles the store:
the run measured is the assembly and the outputs alone. A report changed afterwards is
extracted for real.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import build, extract, store as store_mod
from .inputs import scan

_KEY = re.compile(r'"((?:org|person):[^":]*:[^"]*)"')
_REPORT = re.compile(r"r\d{6}")


def replicate(result: dict, base_id: str, new_id: str, copy: int) -> dict:
    """The extraction ``result`` of report ``base_id`` as copy ``copy`` named ``new_id``."""
    if copy == 0:
        return result
    text = json.dumps(result, ensure_ascii=False)
    text = _KEY.sub(lambda m: f'"{m.group(1)}~{copy}"', text)
    text = text.replace(base_id, new_id)
    return json.loads(text)


def fill(base: Path, input_dir: Path, out: Path) -> int:
    """The store ``out/work/store.sqlite`` for every report of ``input_dir`` from the
    extraction caches of the base build ``base``; returns the number of reports put."""
    results: dict[str, Path] = {}
    for p in sorted((base / "work").glob("*.json")):
        with open(p, encoding="utf-8") as f:
            head = f.read(4096)
        m = re.search(r'"doc_id":"(r\d{6})"', head)
        if m:
            results[m.group(1)] = p
    ids = sorted(results)
    if not ids:
        raise SystemExit(f"no extraction caches of generated reports in {base / 'work'}")
    entries = scan(input_dir)
    _, fps, _ = build.inputs_state(entries, input_dir, extract.pipeline_version())
    st = store_mod.Store(out / "work" / "store.sqlite")
    n = 0
    try:
        for e in entries:
            if not e.is_report or not _REPORT.fullmatch(e.doc_id):
                continue
            k = int(e.doc_id[1:])
            base_id = ids[k % len(ids)]
            copy = k // len(ids)
            res = json.loads(results[base_id].read_text(encoding="utf-8"))
            st.put(e.key, fps[e.key], replicate(res, base_id, e.doc_id, copy))
            n += 1
    finally:
        st.close()
    return n


def link_peak(base: Path, n: int) -> dict:
    """The linking alone (``link.merge_entities``) of ``n`` reports made as :func:`fill`
    makes them from the base build's link records, streamed: entities, seconds and this
    process's peak memory (the README's 100,000 figure)."""
    import resource
    import sqlite3
    import time
    import zlib
    from . import link
    db = sqlite3.connect(f"file:{base / 'work' / 'store.sqlite'}?mode=ro", uri=True)
    try:
        recs = [json.loads(zlib.decompress(b)) for (b,) in db.execute("SELECT rec FROM sections ORDER BY rel, n")]
    finally:
        db.close()
    per = len({r["doc_id"].split("#")[0] for r in recs})

    def records():
        for copy in range((n + per - 1) // per):
            for r in recs:
                base_id = r["doc_id"].split("#")[0]
                k = copy * per + int(base_id[1:])
                if k < n:
                    yield replicate(r, base_id, f"r{k:06d}", copy)
    t0 = time.perf_counter()
    entities, _ = link.merge_entities(records())
    return {"reports": n, "entities": len(entities), "seconds": round(time.perf_counter() - t0, 1),
            "peak_gib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.storegen", description=__doc__.split("\n")[0])
    p.add_argument("--base", required=True, type=Path, help="output folder of a build of r000000..")
    p.add_argument("--input", type=Path, help="folder of generated reports r<k>.txt")
    p.add_argument("--out", type=Path, help="output folder whose store is filled")
    p.add_argument("--link-peak", type=int, metavar="N", help="instead: the linking alone of N replicated reports "
                   "(time and peak memory)")
    a = p.parse_args(argv)
    if a.link_peak:
        print(json.dumps(link_peak(a.base, a.link_peak)))
        return 0
    if a.input is None or a.out is None:
        p.error("--input and --out are needed to fill a store")
    print(f"{fill(a.base, a.input, a.out)} reports in {a.out / 'work' / 'store.sqlite'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
