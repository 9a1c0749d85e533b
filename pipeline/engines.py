"""The engines of the per-report stage: forked worker processes on this machine
(:func:`run_local`, the default) or Dask (``build --engine dask``, :func:`run_dask`).

Either way a report is extracted and its store rows are made (``store.rows_of``) in the
process that extracts it, which sends back only the rows; the build's own process inserts
them into the store and makes the assembly (the reduce), so both engines give
byte-identical outputs.

With Dask each report's bytes go to a Dask worker, which also sends back the text of the
extraction for the cache that the build's process keeps.

Workers need the package and its rules and models installed (``pip install -e .`` of the
same commit); they need no access to the input or output folders. Without
``--scheduler`` a ``LocalCluster`` of ``workers`` single-threaded processes is started.
dask and distributed are imported here only, so the default engine never loads them.
"""
from __future__ import annotations

import collections
import contextlib
import gc
import json
import multiprocessing
import os
import signal
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import extract, ingest, store
from .util import die_with_parent


def extract_bytes(data: bytes, suffix: str, doc_id: str, name: str, meta: dict, max_mb: float,
                  version: str, key: str) -> tuple[str, store.Rows]:
    """(the text of the cache file, the store's rows) of one report's extraction from its
    bytes, on a worker (any machine); ``key``: the report's key in the store."""
    with tempfile.TemporaryDirectory(prefix="pipeline-") as tmp:
        path = Path(tmp) / f"report{suffix}"
        path.write_bytes(data)
        result = extract.extract_report(path, max_mb=max_mb, meta=meta, doc_id=doc_id, name=name)
        result["cache_key"] = extract.cache_key(path, meta, version + "\0" + doc_id + "\0" + name)
    return json.dumps(result, ensure_ascii=False, separators=(",", ":")), store.rows_of(key, result)


# --------------------------------------------------------------------------- this machine

def _worker_init(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle, and the worker ends with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _size(e) -> int:
    if e.st is not None:
        return e.st.st_size       # as the listing read it
    try:
        return e.path.stat().st_size
    except OSError:
        return 0


def _kill_workers() -> None:
    for p in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            p.kill()
    for p in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            p.join(5)


def run_local(jobs: list, workers: int, work):
    """``work(job)`` (a module-level function giving (entry, rows)) of every job, with
    ``workers - 1`` forked processes and this one.

    This process extracts too: a forked worker runs some 15 % slower than its parent
    (copy-on-write of the shared tables), and this one would otherwise only wait. The
    workers take the largest reports first, this process the smallest, so that it is never
    busy for long while results are waiting and all finish together. A worker that dies
    (killed for memory, a crash inside a library) loses the reports it held: each is tried
    again alone, and the one that kills its process again is reported as an error. The
    workers end with this process, however it ends (kill -9 included)."""
    pending = collections.deque(sorted(jobs, key=lambda j: -_size(j[0])))
    lost = []
    # the loaded tables are shared with the workers copy-on-write; keeping the collector
    # away from them keeps them shared
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_init, initargs=(os.getpid(),))
    done = False
    try:
        inflight: collections.deque = collections.deque()
        broken = False
        while pending or inflight:
            # two jobs queued per worker, so none idles while this process works
            while not broken and pending and len(inflight) < 2 * (workers - 1):
                job = pending.popleft()
                try:
                    inflight.append((job, pool.submit(work, job)))
                except BrokenProcessPool:
                    pending.appendleft(job)
                    broken = True
            if pending:
                yield work(pending.pop())
            while inflight and (inflight[0][1].done() or not pending):
                job, fut = inflight.popleft()
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken = True
                    lost.append(job)
        done = True
    finally:
        gc.unfreeze()
        if done:
            pool.shutdown(wait=True)
        else:  # interrupted (Ctrl-C, an error): no worker goes on working for nobody
            pool.shutdown(wait=False, cancel_futures=True)
            _kill_workers()
    for job in lost:
        yield _alone(job, work)


def _alone(job, work):
    """One report in a process of its own, after a worker died holding it."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            return pool.submit(work, job).result()
    except BrokenProcessPool:
        return job[0], store.rows_of(job[0].key, placeholder(job[0], "the extraction process died on this report "
                                                                     "(out of memory, or a crash inside a library)"))


class Warm:
    """A process forked when a rebuild starts that loads the pipeline (some 2 s) while this
    one lists the inputs and reads their fingerprints, then extracts the few reports that
    changed (:meth:`run`). A build with nothing to extract, or with many reports (the
    forked workers of :func:`run_local` then share this process's pipeline), ends it
    unused (:meth:`close`). It ends with this process, however that ends."""

    def __init__(self, work):
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.work = work
        self.proc = ctx.Process(target=_serve, args=(child, os.getpid(), work), name="warm-extractor", daemon=True)
        self.proc.start()
        child.close()

    def run(self, jobs: list, meanwhile=None):
        """``work(job)`` (the function given when it started) of every job, in the warm
        process, one after the other, while this one runs ``meanwhile()`` (once); a job it
        cannot finish (the process died) is done in a process of its own (:func:`_alone`)."""
        alive = True
        for job in jobs:
            if alive:
                try:
                    with _no_sigpipe():
                        self.conn.send(job)
                    if meanwhile is not None:
                        meanwhile()
                        meanwhile = None
                    yield self.conn.recv()
                    continue
                except (EOFError, OSError):
                    alive = False
            yield _alone(job, self.work)

    def close(self) -> None:
        """Ends the process: it holds nothing once its results are read (a no-op build ends
        it while it still loads)."""
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)


@contextlib.contextmanager
def _no_sigpipe():
    """A write to a process that died raises an error here, never SIGPIPE (which the
    commands whose output may go to ``head`` let end the process: pipeline/__main__.py)."""
    old = None
    if hasattr(signal, "SIGPIPE") and threading.current_thread() is threading.main_thread():
        old = signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    try:
        yield
    finally:
        if old is not None:
            signal.signal(signal.SIGPIPE, old)


def _serve(conn, parent: int, work) -> None:
    """The warm process: the pipeline loaded, then ``work(job)`` of each job received sent back."""
    _worker_init(parent)
    extract.warm()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(work(job))


# --------------------------------------------------------------------------- Dask


def _read(path: Path, max_mb: float) -> bytes | None:
    try:
        return ingest.read_bytes(path, max_mb)
    except Exception:  # noqa: BLE001 - the local engine reports what went wrong
        return None


def run_dask(jobs: list, *, workers: int, scheduler: str | None, fallback):
    """(entry, rows, text of its cache file or None) of every job ``(entry, out, max_mb, meta,
    version, budget, max_mem)``, as they complete; at most two reports per worker are in
    flight (bounded memory). A report whose file cannot be read here goes to
    ``fallback(job)`` (the local extraction, (entry, rows); it writes the cache and says
    what went wrong)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError("--engine dask needs dask and distributed "
                           "(pip install -r requirements.lock installs them)") from None

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as e:
            raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending = list(reversed(jobs))
        running = as_completed()
        owner = {}

        def submit_one() -> bool:
            while pending:
                job = pending.pop()
                entry, _, max_mb, meta, version = job[:5]
                data = _read(entry.path, max_mb)
                if data is None:
                    yield_now.append((*fallback(job), None))
                    continue
                fut = client.submit(extract_bytes, data, os.path.splitext(entry.path.name)[1], entry.doc_id,
                                    entry.name, meta, max_mb, version, entry.key, pure=False)
                owner[fut.key] = entry
                running.add(fut)
                return True
            return False

        yield_now: list = []
        for _ in range(2 * n):
            if not submit_one():
                break
        while True:
            while yield_now:
                yield yield_now.pop()
            if running.is_empty():
                break
            fut = next(running)
            entry = owner.pop(fut.key)
            try:
                cache, rows = fut.result()
            except Exception as e:  # noqa: BLE001 - a worker lost or a crash: said on the report
                cache, rows = None, store.rows_of(entry.key, placeholder(
                    entry, f"the Dask worker failed on this report: {type(e).__name__}: {e}"))
            fut.release()
            submit_one()
            yield entry, rows, cache
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def placeholder(entry, error: str, status: str = "error") -> dict:
    """The extraction of a report not read (``status``, ``error``: why)."""
    rep = ingest.Report(doc_id=entry.doc_id, file=entry.name, status=status, error=error)
    r = {k: v for k, v in rep.__dict__.items() if k not in ("sections", "text")}
    r["n_chars"] = 0
    return {"report": r, "text": "", "sections": []}
