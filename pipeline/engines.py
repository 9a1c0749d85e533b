"""The per-report stage on Dask (``build --engine dask``): each report's bytes go to a Dask
worker, which extracts it and sends the result back; the build's own process keeps the
cache, the store and the assembly (the reduce), exactly as with the default engine, so
both give byte-identical outputs.

Workers need the package and its rules and models installed (``pip install -e .`` of the
same commit); they need no access to the input or output folders. Without
``--scheduler`` a ``LocalCluster`` of ``workers`` single-threaded processes is started.
dask and distributed are imported here only, so the default engine never loads them.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from . import extract, ingest


def extract_bytes(data: bytes, suffix: str, doc_id: str, name: str, meta: dict, max_mb: float,
                  version: str) -> dict:
    """One report's extraction from its bytes, on a worker (any machine)."""
    with tempfile.TemporaryDirectory(prefix="pipeline-") as tmp:
        path = Path(tmp) / f"report{suffix}"
        path.write_bytes(data)
        result = extract.extract_report(path, max_mb=max_mb, meta=meta, doc_id=doc_id, name=name)
        result["cache_key"] = extract.cache_key(path, meta, version + "\0" + doc_id + "\0" + name)
    return result


def _read(path: Path, max_mb: float) -> bytes | None:
    try:
        return ingest.read_bytes(path, max_mb)
    except Exception:  # noqa: BLE001 - the local engine reports what went wrong
        return None


def run_dask(jobs: list, *, workers: int, scheduler: str | None, fallback):
    """(entry, result) of every job ``(entry, out, max_mb, meta, version, budget, max_mem)``, as they
    complete; at most two reports per worker are in flight (bounded memory). A report whose
    file cannot be read here goes to ``fallback(job)`` (the local extraction, which says why)."""
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
                    yield_now.append(fallback(job))
                    continue
                fut = client.submit(extract_bytes, data, os.path.splitext(entry.path.name)[1], entry.doc_id,
                                    entry.name, meta, max_mb, version, pure=False)
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
                result = fut.result()
            except Exception as e:  # noqa: BLE001 - a worker lost or a crash: said on the report
                result = placeholder(entry, f"the Dask worker failed on this report: {type(e).__name__}: {e}")
            fut.release()
            submit_one()
            yield entry, result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def placeholder(entry, error: str) -> dict:
    rep = ingest.Report(doc_id=entry.doc_id, file=entry.name, status="error", error=error)
    r = {k: v for k, v in rep.__dict__.items() if k not in ("sections", "text")}
    r["n_chars"] = 0
    return {"report": r, "text": "", "sections": []}
