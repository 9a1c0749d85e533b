"""The build: a folder of reports -> outputs/ (graph.graphml, tables/).

Each report is extracted once into ``<out>/work/<hash of its path>.json`` and reused while
its bytes, the code and the rules are unchanged. The process that extracts a report (a
worker of :mod:`pipeline.engines`, or Dask with ``--engine dask``) also makes its store
rows (compact link records, rows before linking: ``store.rows_of``); as they arrive, this
process inserts them with the report's fingerprint into ``<out>/work/store.sqlite``
(:mod:`pipeline.store`); nothing of them is kept in memory. The graph and tables are then
assembled from the store (:mod:`pipeline.assemble`). A build whose inputs all have the
fingerprints of the outputs in place does nothing more; a changed report is extracted
again alone, and the assembly reads no other report.

The outputs of one build replace those of the previous one as one set: they are written
into a new folder ``<out>/.builds/<n>/``, and one atomic rename of the symlink
``.builds/current`` switches from the old set to the new one. ``graph.graphml`` and
``tables`` in ``<out>`` are symlinks through ``current``, so the contract's paths always
show one whole build; an interrupted build leaves the previous set as it was.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import assemble, engines, extract, graph, indexpatch, indexsets, ingest, membound, splice, store as store_mod
from .inputs import Entry, UsageError, scan
from .outsets import BUILDS, current_set, generations, index_to_take, new_generation, reports_in, switch, sync_to_disk
from .util import code_fingerprint, touch, write_atomic

__all__ = ["UsageError", "OutputError", "Summary", "run", "default_workers", "extract_one", "work_path"]

DEFAULT_BUDGET = 300.0  # seconds one report may take (--budget)
DEFAULT_MAX_MEM = 2048.0  # MB of memory one report's extraction may add (--max-mem)
# a rebuild with at most this many reports to extract gives them to the process that
# loaded the pipeline meanwhile (one process, some 0.05 s a report), not to forked workers
# (their parent loads it first, some 2 s)
WARM_MAX = 16


class OutputError(Exception):
    """The outputs cannot be written (permissions, disk full) or would lose a good graph.
    ``failed`` lists the entries not read, as in Summary, when there are any to show."""

    def __init__(self, message: str, failed: list[tuple[str, str, str]] | None = None):
        super().__init__(message)
        self.failed = failed or []


class TooSlow(BaseException):
    """Raised inside an extraction that went over its time budget (a BaseException, so
    that the stages' own ``except Exception`` cannot swallow it)."""


@dataclass
class Summary:
    files: int
    reports: int
    sections: int
    failed: list[tuple[str, str, str]]
    entities: int
    edges: int
    seconds: float

    def line(self) -> str:
        skipped = sum(1 for _, s, _ in self.failed if s == "skipped")
        not_read = len(self.failed) - skipped
        failed = (f", {not_read} not read" if not_read else "") + (f", {skipped} skipped" if skipped else "")
        secs = f" ({self.sections} sections)" if self.sections != self.reports else ""
        return (f"{self.reports} reports read{secs}{failed}; {self.entities} entities, "
                f"{self.edges} edges; {self.seconds:.1f} s")


def work_path(out: Path, entry: Entry | Path) -> Path:
    """The extraction cache of one entry, named by a hash of its path (any name fits)."""
    if isinstance(entry, Path):
        entry = Entry(entry.name, entry, entry.name)
    return out / "work" / f"{entry.key}.json"


def _entry_of(src: Path) -> Entry:
    e = Entry(src.name, src, src.name)
    from .inputs import safe_id
    e.doc_id = safe_id(src.stem)
    return e


def extract_one(src: Entry | Path, out: Path, *, max_mb: float, sidecar: dict | None = None, version: str,
                force: bool = False, meta: dict | None = None) -> tuple[dict, bool]:
    """The extraction of one report, from the cache when it is still valid. ``meta`` is the
    report's own row of the sidecar (``sidecar``, the whole table, is looked up when not)."""
    entry = src if isinstance(src, Entry) else _entry_of(src)
    if meta is None:
        meta = (sidecar or {}).get(entry.doc_id) or {}
    if not force:
        hit = cached(entry, out, meta, version)
        if hit is not None:
            return hit, False
    key = extract.cache_key(entry.path, meta, version + "\0" + entry.doc_id + "\0" + entry.name)
    wp = work_path(out, entry)
    result = extract.extract_report(entry.path, max_mb=max_mb, meta=meta, doc_id=entry.doc_id, name=entry.name)
    result["cache_key"] = key
    # not durable: a cache file cut short by a power failure fails to parse and is redone;
    # a cache that cannot be written (disk full) costs time next build, not this build
    with contextlib.suppress(OSError):
        write_atomic(wp, json.dumps(result, ensure_ascii=False, separators=(",", ":")), durable=False)
    return result, True


def cached(entry: Entry, out: Path, meta: dict, version: str) -> dict | None:
    """The cached extraction of a report, while the bytes, the code and the rules are the
    same and the report was not touched since (make's rule: a newer source is rebuilt)."""
    wp = work_path(out, entry)
    with contextlib.suppress(OSError, ValueError):
        if wp.is_file() and wp.stat().st_mtime >= entry.path.stat().st_mtime:
            hit = json.loads(wp.read_text(encoding="utf-8"))
            if hit.get("cache_key") == extract.cache_key(entry.path, meta,
                                                         version + "\0" + entry.doc_id + "\0" + entry.name):
                return hit
    return None


@contextlib.contextmanager
def _budget(seconds: float | None):
    """TooSlow raised in this (main) thread when ``seconds`` have passed."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise TooSlow()
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _worker(args) -> tuple[Entry, store_mod.Rows]:
    """(entry, the store's rows of its extraction), both made in the process that runs
    the job: the build's own process only inserts the rows (:meth:`Store.put_rows`)."""
    return args[0], store_mod.rows_of(args[0].key, _extracted(args))


def _extracted(args) -> dict:
    entry, out, max_mb, meta, version, budget = args[:6]
    max_mem = args[6] if len(args) > 6 else DEFAULT_MAX_MEM
    if budget or max_mem:
        extract.warm()  # once per process, outside any report's budget
    try:
        with _budget(budget), membound.bound(max_mem):
            return extract_one(entry, out, max_mb=max_mb, meta=meta, version=version)[0]
    except TooSlow:
        return engines.placeholder(entry, f"too slow: not done within the {budget:g} s one report may take (--budget)")
    except membound.TooBig:
        return engines.placeholder(entry, f"too much memory: stopped above the {max_mem:g} MB one report may use "
                                          "(--max-mem)")
    except Exception as e:  # a bug in a stage: this report is lost, not the build
        return engines.placeholder(entry, f"extraction failed: {type(e).__name__}: {str(e)[:200]}")


# --------------------------------------------------------------------------- output sets

def _check_writable(out: Path) -> None:
    """Fail early, before any extraction, when the outputs cannot be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / BUILDS).mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".probe.", dir=out / BUILDS)
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        raise OutputError(f"cannot write to the output folder {out}: {e.strerror or e}") from None


@contextlib.contextmanager
def _lock(out: Path):
    """One build at a time per output folder."""
    import fcntl
    f = open(out / BUILDS / "lock", "a")
    try:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(f"another build is writing to {out}") from None
        yield
    finally:
        f.close()


def write_set(out: Path, fill, *, allow_empty: bool, writer=None, durable: bool = False) -> dict:
    """A new output set, made by ``fill(folder)`` (which assembles it and returns its
    counts), written and switched to. A build in which no report could be read does not
    replace a set that has reports. ``writer(folder, previous)``: what writes its tables
    and GraphML (:class:`pipeline.splice.Writer`: spliced from the previous set).
    ``durable``: the set is on the disk before the switch (else the kernel writes it back
    in its own time; see pipeline/outsets.py)."""
    previous = current_set(out)
    gen = new_generation(out)
    try:
        counts = fill(gen)
        if counts.get("reports", 0) == 0 and not allow_empty and reports_in(previous):
            raise OutputError(f"no report could be read, so the previous outputs in {out} "
                              f"({reports_in(previous)} reports) are kept (--allow-empty replaces them)",
                              _failed(gen / assemble.INDEX))
        graph.write_outputs(gen / assemble.INDEX, gen, cache=out / "work",
                            writer=writer(gen, previous) if writer else None)
        if durable:
            with graph.phase("flush (waited for)"):
                sync_to_disk(gen)
        switch(out, gen, durable=durable)
    except BaseException:
        shutil.rmtree(gen, ignore_errors=True)
        raise
    return counts


def _failed(index: Path) -> list[tuple[str, str, str]]:
    import sqlite3
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        return list(db.execute("SELECT file, status, error FROM documents WHERE parent_id = '' AND status != 'ok' "
                               "ORDER BY seq"))
    finally:
        db.close()


# --------------------------------------------------------------------------- the build

def run(input_dir: Path, out: Path, *, workers: int = 1, max_mb: float = ingest.DEFAULT_MAX_MB,
        only_link: bool = False, progress: bool | None = None, recursive: bool = False,
        budget: float | None = DEFAULT_BUDGET, allow_empty: bool = False,
        max_mem: float | None = DEFAULT_MAX_MEM, engine: str = "local",
        scheduler: str | None = None, durable: bool = False) -> Summary:
    """Build ``input_dir``'s reports into ``out``. ``durable``: the new output set is on the
    disk before it is switched to (pipeline/outsets.py, ``sync_to_disk``)."""
    t0 = time.perf_counter()
    with _few_collections():
        return _build(input_dir, out, t0, workers=workers, max_mb=max_mb, only_link=only_link, progress=progress,
                      recursive=recursive, budget=budget, allow_empty=allow_empty, max_mem=max_mem,
                      engine=engine, scheduler=scheduler, durable=durable)


# the collector's thresholds during a build (and in the processes it forks): the stages
# make millions of short-lived objects, few of them in cycles; Python's (700, 10, 10) has
# the collector walk the young ones every 700 allocations, some 3 % of an extraction
GC_THRESHOLDS = (100_000, 50, 100)


@contextlib.contextmanager
def _few_collections():
    import gc
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _build(input_dir: Path, out: Path, t0: float, *, workers, max_mb, only_link, progress, recursive, budget,
           allow_empty, max_mem, engine, scheduler, durable) -> Summary:
    # a rebuild: a process loads the pipeline meanwhile, for the few reports that changed
    warm = engines.Warm(_worker) if engine == "local" and not only_link and workers > 1 \
        and current_set(out) is not None else None
    try:
        entries = scan(input_dir, recursive=recursive)
        _check_writable(out)
        with _lock(out):
            st = store_mod.Store(out / "work" / "store.sqlite")
            try:
                return _run(entries, input_dir, out, t0, st, workers=workers, max_mb=max_mb, only_link=only_link,
                            progress=progress, budget=budget, allow_empty=allow_empty, engine=engine,
                            scheduler=scheduler, max_mem=max_mem, warm=warm, durable=durable)
            finally:
                st.close()
    finally:
        if warm is not None:
            warm.close()


def inputs_state(entries: list[Entry], input_dir: Path, version: str) -> tuple[dict, dict, str]:
    """(sidecar row, fingerprint) of every report by its key, and the version of the
    store's rows: the extraction's version and the code making the rows (a change to that
    code makes the rows again from the extraction caches, without extracting)."""
    sidecar = ingest.load_sidecar(input_dir)

    def meta(e: Entry) -> dict:
        stem = e.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return sidecar.get(e.doc_id) or sidecar.get(stem) or {}
    rows_version = version + "\0" + code_fingerprint("rows")
    metas = {e.key: meta(e) for e in entries if e.is_report}
    fps = {k: store_mod.fingerprint(e.at, metas[k], rows_version, e.doc_id, e.name, e.st)
           for e in entries if e.is_report for k in (e.key,)}
    return metas, fps, rows_version


def _run(entries, input_dir, out, t0, st, *, workers, max_mb, only_link, progress, budget, allow_empty,
         engine, scheduler, max_mem=DEFAULT_MAX_MEM, warm: engines.Warm | None = None, durable: bool = False) -> Summary:
    version = extract.pipeline_version()
    reports = [e for e in entries if e.is_report]
    metas, fps, rows_version = inputs_state(entries, input_dir, version)
    state = store_mod.state_of(entries, fps, rows_version, f"{max_mb}")
    previous = current_set(out)
    if not only_link and previous is not None and previous.name == st.get("set") and st.get("state") == state:
        # nothing changed since the outputs in place were written: listing and fingerprints only
        touch(out / "graph.graphml")
        s = json.loads(st.get("summary") or "{}")
        return Summary(files=len(entries), reports=s.get("reports", 0), sections=s.get("sections", 0),
                       failed=[tuple(f) for f in s.get("failed", [])], entities=s.get("entities", 0),
                       edges=s.get("edges", 0), seconds=time.perf_counter() - t0)
    jobs = {e.key: (e, out, max_mb, metas[e.key], version, budget, max_mem) for e in reports}
    st.forget({e.key for e in entries})
    known = st.fingerprints()
    fresh: set[str] = set()  # reports whose rows were (re)made in this build
    fresh_docs: set[str] = set()  # and their sections' doc_ids

    def keep(e: Entry, rows: store_mod.Rows) -> None:
        # a result without a cache key (too slow, a dead worker) is tried again next build
        st.put_rows(e.key, fps[e.key] if rows.done else "", rows)
        fresh.add(e.key)

    for e in entries:
        if not e.is_report:
            st.put(e.key, "", engines.placeholder(e, e.error, e.status))
            fresh.add(e.key)
    todo = [jobs[e.key] for e in reports if known.get(e.key) != fps[e.key]]
    if warm is not None and not (0 < len(todo) <= WARM_MAX):
        warm.close()  # not needed: its memory back now
        warm = None
    graph.PHASES.clear()
    t_extract = time.perf_counter()
    if only_link:
        for job in todo:
            e = job[0]
            try:
                keep(e, store_mod.rows_of(e.key, json.loads(work_path(out, e).read_text(encoding="utf-8"))))
            except (OSError, ValueError):
                keep(e, _worker(job)[1])
    elif todo:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="report", desc="extract", file=sys.stderr,
                   disable=(not sys.stderr.isatty()) if progress is None else not progress,
                   mininterval=0.5, leave=False)
        for e, res in _extract_all(todo, out, workers, engine, scheduler, warm):
            keep(e, res)
            bar.update()
        bar.close()

    t_assembly = time.perf_counter()

    def fill(gen: Path) -> dict:
        cleaned = gen / "tables" / "cleaned"
        cleaned.mkdir(parents=True, exist_ok=True)
        before = previous / "tables" / "cleaned" if previous is not None else None

        present: set[str] = set()  # the texts of the set whose index is taken (indexsets.take_texts)
        expected: set[str] = set()

        def text(k: str, doc_id: str, get, unchanged: bool = False) -> None:
            name = f"{doc_id}.txt"
            expected.add(name)
            if unchanged and name in present:  # the taken set's file: the same text
                return
            if unchanged and before is not None:  # a report the index patch did not make again
                with contextlib.suppress(OSError):
                    os.link(before / name, cleaned / name)
                    return
            data = get().encode("utf-8")
            if k in fresh:
                fresh_docs.add(doc_id)
            if before is not None and k not in fresh:  # unchanged: the previous set's file, linked
                with contextlib.suppress(OSError):
                    old = before / name
                    if old.stat().st_size == len(data) and old.read_bytes() == data:
                        os.link(old, cleaned / name)
                        return
            write_atomic(cleaned / name, data, durable=False)
        keys = [e.key for e in entries]
        entities, remap = assemble.link_all(st.link_records([e.key for e in reports]))
        with graph.phase("index"):
            # the previous index patched by the delta (an index no set will need moved here
            # and patched in place, else a copy of the index in place); made whole when that
            # is not safe
            take = index_to_take(out) if previous is not None else None
            present.update(indexsets.take_texts(take, out / BUILDS, cleaned))
            base = indexsets.revs_name(take) if take is not None else previous.name if previous is not None else None
            counts, why = indexpatch.patch(previous / assemble.INDEX if previous is not None else None, st.path,
                                           keys, fresh, entities, remap, gen / assemble.INDEX, text, take=take,
                                           revs=base)
            if counts is not None:  # what the patch wrote, and to which set's index (the spare: a copy of one)
                patched.append(dict(counts.pop("touched"), base=st.copied_from(base) if base else base))
            else:
                counts = assemble.make_index(st.path, keys, entities, remap, gen / assemble.INDEX, text)
                spare.append(indexsets.SpareIndex(out, gen / assemble.INDEX))
            indexsets.drop_texts(cleaned, present - expected)
            st.index_made(gen.name)
        if previous is not None:  # what changed since the set in place was made (for the splice's plan)
            since.append(st.changed_since(previous.name))
        graph.PHASES.append({"phase": "index-patch", "s": 0, "patched": counts.pop("patched", None), "why_whole": why,
                             "index_from": counts.pop("index_from", "made whole")})
        return counts
    spare: list[indexsets.SpareIndex] = []
    since: list = []
    patched: list = []
    ok = False
    try:
        counts = write_set(out, fill, allow_empty=allow_empty, durable=durable, writer=lambda gen, prev: splice.Writer(
            gen / assemble.INDEX, gen, prev, fresh_docs, rows_version, since[0] if since else None,
            patched[0] if patched else None))
        ok = True
    finally:
        for s in spare:
            if s.keep(ok):
                st.index_copied(current_set(out).name, "spare")
    st.indexes_left({g.name for g in generations(out / BUILDS) if (g / assemble.INDEX).is_file()}
                    | ({"spare"} if (out / "work" / indexsets.SPARE_INDEX).is_file() else set()))
    graph.PHASES.insert(0, {"phase": "extract", "s": round(t_assembly - t_extract, 3), "reports": len(todo)})
    with contextlib.suppress(OSError):
        write_atomic(out / "work" / "phases.jsonl", "".join(json.dumps(p) + "\n" for p in graph.PHASES), durable=False)
    failed = _failed(current_set(out) / assemble.INDEX)
    summary = {"reports": counts.get("reports", 0), "sections": counts.get("sections", 0), "failed": failed,
               "entities": counts.get("entities", 0), "edges": counts.get("edges", 0)}
    done = st.fingerprints()
    if all(done.get(k) == fp for k, fp in fps.items()):  # every report is done: a rebuild can be a no-op
        st.set("state", state)
    st.set("set", current_set(out).name)
    st.set("summary", json.dumps(summary, ensure_ascii=False))
    return Summary(files=len(entries), reports=summary["reports"], sections=summary["sections"], failed=failed,
                   entities=summary["entities"], edges=summary["edges"], seconds=time.perf_counter() - t0)


def _extract_all(todo: list, out: Path, workers: int, engine: str, scheduler: str | None,
                 warm: engines.Warm | None = None):
    """(entry, its rows for the store) of every job, by the chosen engine; up to WARM_MAX
    of them by the process that loaded the pipeline while the build started (``warm``)."""
    if engine == "dask":
        rest = []
        for job in todo:  # what the cache still holds is not sent anywhere
            e, _, max_mb, meta, version = job[:5]
            hit = cached(e, out, meta, version)
            if hit is not None:
                yield e, store_mod.rows_of(e.key, hit)
            else:
                rest.append(job)
        for e, rows, cache in engines.run_dask(rest, workers=workers, scheduler=scheduler, fallback=_worker):
            if cache is not None:
                with contextlib.suppress(OSError):
                    write_atomic(work_path(out, e), cache, durable=False)
            yield e, rows
    elif warm is not None and len(todo) <= WARM_MAX:
        yield from warm.run(todo, meanwhile=_ready_assembly)
    elif workers > 1 and len(todo) > 1:
        # the pipeline loaded once here (this process extracts too), shared by the forked
        # workers copy-on-write instead of each loading it again (some 3 s each)
        extract.warm()
        yield from engines.run_local(todo, workers, _worker)
    else:
        for job in todo:
            yield _worker(job)


def _ready_assembly() -> None:
    """What the assembly and the writers load on first use, loaded while the warm process
    extracts (this one would otherwise wait)."""
    import numpy  # noqa: F401 - the splice's spans
    from . import commdelta, communities, gazetteer, link  # noqa: F401
    gazetteer.get()  # the linking's places


def default_workers() -> int:
    """One process per core, at most four (extraction is per report, the link is not)."""
    return max(1, min(4, os.cpu_count() or 1))
