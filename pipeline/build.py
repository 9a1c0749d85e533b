"""The build: a folder of reports -> outputs/ (graph.graphml, tables/).

Each report is extracted once into ``<out>/work/<file>.json`` and reused while its bytes,
the code and the rules are unchanged; the graph and tables are then assembled from all of
them. ``make`` drives the same two steps per file (``extract``) and for the whole
(``link``), so that touching one report re-extracts only that report.
"""
from __future__ import annotations

import collections
import gc
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from . import extract, graph, ingest
from .util import write_atomic


class UsageError(Exception):
    """Arguments the build cannot work with (reported in one line, exit code 2)."""


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
        failed = f", {len(self.failed)} not read" if self.failed else ""
        secs = f" ({self.sections} sections)" if self.sections != self.reports else ""
        return (f"{self.reports} reports read{secs}{failed}; {self.entities} entities, "
                f"{self.edges} edges; {self.seconds:.1f} s")


def list_inputs(input_dir: Path) -> list[Path]:
    """Every file in the folder (not recursive), sorted by name; hidden files and our
    metadata sidecars are not reports."""
    if not input_dir.is_dir():
        raise UsageError(f"no such folder: {input_dir}")
    files = sorted((p for p in input_dir.iterdir()
                    if p.is_file() and not p.name.startswith(".") and p.name not in ingest.SIDECARS),
                   key=lambda p: p.name)
    if not any(p.suffix.lower() in ingest.SUPPORTED_SUFFIXES for p in files):
        raise UsageError(f"no reports in {input_dir} (looked for {', '.join(ingest.SUPPORTED_SUFFIXES)} files)")
    return files


def work_path(out: Path, src: Path) -> Path:
    return out / "work" / f"{src.name}.json"


def extract_one(src: Path, out: Path, *, max_mb: float, sidecar: dict, version: str,
                force: bool = False) -> tuple[dict, bool]:
    """The extraction of one file, from the cache when it is still valid."""
    key = extract.cache_key(src, sidecar.get(src.stem), version)
    wp = work_path(out, src)
    # reused while the bytes, the code and the rules are the same and the report was not
    # touched since (make's rule: a newer source is rebuilt)
    if not force and wp.is_file() and wp.stat().st_mtime >= src.stat().st_mtime:
        try:
            cached = json.loads(wp.read_text(encoding="utf-8"))
            if cached.get("cache_key") == key:
                return cached, False
        except (OSError, ValueError):
            pass
    result = extract.extract_report(src, max_mb=max_mb, sidecar=sidecar)
    result["cache_key"] = key
    # not durable: a cache file cut short by a power failure fails to parse and is redone
    write_atomic(wp, json.dumps(result, ensure_ascii=False, separators=(",", ":")), durable=False)
    return result, True


def _worker(args):
    src, out, max_mb, sidecar, version = args
    return src, extract_one(src, out, max_mb=max_mb, sidecar=sidecar, version=version)[0]


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _parallel(jobs: list, workers: int):
    """(path, result) of every job, with ``workers - 1`` forked processes and this one.

    This process extracts too: a forked worker runs some 15 % slower than its parent
    (copy-on-write of the shared tables), and this one would otherwise only wait. The
    workers take the largest reports first, this process the smallest, so that it is never
    busy for long while results are waiting and all finish together. A worker that dies
    (killed for memory, a crash inside a library) loses the reports it held: each is tried
    again alone, and the one that kills its process again is reported as an error."""
    pending = collections.deque(sorted(jobs, key=lambda j: -_size(j[0])))
    lost = []
    # the loaded tables are shared with the workers copy-on-write; keeping the collector
    # away from them keeps them shared
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            inflight: collections.deque = collections.deque()
            broken = False
            while pending or inflight:
                # two jobs queued per worker, so none idles while this process works
                while not broken and pending and len(inflight) < 2 * (workers - 1):
                    job = pending.popleft()
                    try:
                        inflight.append((job, pool.submit(_worker, job)))
                    except BrokenProcessPool:
                        pending.appendleft(job)
                        broken = True
                if pending:
                    yield _worker(pending.pop())
                while inflight and (inflight[0][1].done() or not pending):
                    job, fut = inflight.popleft()
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        broken = True
                        lost.append(job)
    finally:
        gc.unfreeze()
    for job in lost:
        yield _alone(job)


def _alone(job) -> tuple[Path, dict]:
    """One report in a process of its own, after a worker died holding it."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            return pool.submit(_worker, job).result()
    except BrokenProcessPool:
        return job[0], _placeholder(job[0], "error", "the extraction process died on this report "
                                                     "(out of memory, or a crash inside a library)")


def _duplicates(files: list[Path]) -> dict[Path, str]:
    """Files whose doc_id (name without extension) another, earlier file already has."""
    seen, dup = {}, {}
    for p in files:
        if p.suffix.lower() not in ingest.SUPPORTED_SUFFIXES:
            continue
        if p.stem in seen:
            dup[p] = f"doc_id '{p.stem}' is taken by {seen[p.stem].name}; rename one of the files"
        else:
            seen[p.stem] = p
    return dup


def _placeholder(p: Path, status: str, error: str) -> dict:
    rep = ingest.Report(doc_id=p.stem if status != "duplicate" else p.name, file=p.name, status=status, error=error)
    r = {k: v for k, v in rep.__dict__.items() if k not in ("sections", "text")}
    r["n_chars"] = 0
    return {"report": r, "text": "", "sections": []}


def run(input_dir: Path, out: Path, *, workers: int = 1, max_mb: float = ingest.DEFAULT_MAX_MB,
        only_link: bool = False, progress: bool | None = None) -> Summary:
    t0 = time.perf_counter()
    files = list_inputs(input_dir)
    sidecar = ingest.load_sidecar(input_dir)
    version = extract.pipeline_version()
    dups = _duplicates(files)
    todo = [p for p in files if p.suffix.lower() in ingest.SUPPORTED_SUFFIXES and p not in dups]
    results: dict[Path, dict] = {}

    if only_link:
        for p in todo:
            wp = work_path(out, p)
            try:
                results[p] = json.loads(wp.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                results[p], _ = extract_one(p, out, max_mb=max_mb, sidecar=sidecar, version=version)
    else:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="report", desc="extract", file=sys.stderr,
                   disable=(not sys.stderr.isatty()) if progress is None else not progress,
                   mininterval=0.5, leave=False)
        jobs = [(p, out, max_mb, sidecar, version) for p in todo]
        if workers > 1 and len(todo) > 1:
            for p, res in _parallel(jobs, workers):
                results[p] = res
                bar.update()
        else:
            for job in jobs:
                _, results[job[0]] = _worker(job)
                bar.update()
        bar.close()

    extracts = []
    for p in files:
        if p in dups:
            extracts.append(_placeholder(p, "duplicate", dups[p]))
        elif p in results:
            extracts.append(results[p])
        else:
            extracts.append(_placeholder(p, "unsupported",
                                         f"unsupported file type '{p.suffix or '(none)'}' (reports are "
                                         f"{', '.join(ingest.SUPPORTED_SUFFIXES)})"))
    b = graph.assemble(extracts)
    graph.write_outputs(b, out)
    failed = [(e["report"]["file"], e["report"]["status"], e["report"]["error"])
              for e in extracts if e["report"]["status"] != "ok"]
    ok = [e for e in extracts if e["report"]["status"] == "ok"]
    return Summary(files=len(files), reports=len(ok), sections=sum(len(e["sections"]) for e in ok),
                   failed=failed, entities=len(b.entities), edges=b.graph.number_of_edges(),
                   seconds=time.perf_counter() - t0)


def default_workers() -> int:
    """One process per core, at most four (extraction is per report, the link is not)."""
    return max(1, min(4, os.cpu_count() or 1))
