"""``make bench-scale``: the build at 1,000 and 10,000 generated reports (100,000 with
``--with-100k``), each size in a fresh output folder: wall time, characters per second,
seconds per 1,000 reports, peak memory of the whole process tree (proportional set size,
so pages the forked workers share are counted once), a no-op rebuild, a rebuild with one
report changed, and the latency of ``inspect`` and ``measures``, beside bare spaCy+jieba
tokenisation measured in the same run. A benchmark, not a test: nothing here asserts.

Reports come from :mod:`pipeline.scalegen` (deterministic, varied names from real
tables). Every command runs as the user runs it (``python -m pipeline ...``), niced.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import csvio, scalegen


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    return kids


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_memory(pid: int) -> int:
    """Bytes held by a process and all its descendants (PSS)."""
    kids, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        total += _pss(p)
        todo.extend(kids.get(p, []))
    return total


def timed(cmd: list[str], **kw) -> tuple[float, int, subprocess.CompletedProcess]:
    """(seconds, peak bytes of the process tree, result) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(["nice", "-n", "10", *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_memory(proc.pid))
            done.wait(0.25)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    secs = time.perf_counter() - t0
    done.set()
    th.join()
    res = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode != 0:
        print(f"  failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}", file=sys.stderr)
    return secs, peak[0], res


def corpus(root: Path, n: int) -> tuple[Path, int]:
    """``root/in-<n>``: reports 0..n-1, hard links into one pool of generated reports."""
    pool = root / "pool"
    stamp = root / "pool.version"
    if (stamp.read_text(encoding="utf-8") if stamp.is_file() else None) != scalegen.VERSION:
        for old in [pool, *root.glob("in-*")]:    # reports of another generator (or of none known): made again
            shutil.rmtree(old, ignore_errors=True)
    pool.mkdir(parents=True, exist_ok=True)
    stamp.write_text(scalegen.VERSION, encoding="utf-8")
    scalegen.write_corpus(pool, n)
    folder = root / f"in-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for k in range(n):
        name = f"r{k:06d}.txt"
        dst, src = folder / name, pool / name
        if not dst.exists():
            os.link(src, dst)
        chars += len(src.read_text(encoding="utf-8"))
    return folder, chars


def tokenise_rate(folder: Path, limit: int = 2000) -> float:
    """Characters per second of bare spacy.blank('zh') (jieba) on the first reports."""
    code = ("import sys, time, pathlib; from pipeline import nlp; t=nlp.blank(); t('预热。');"
            "files=sorted(pathlib.Path(sys.argv[1]).iterdir())[:int(sys.argv[2])];"
            "texts=[p.read_text(encoding='utf-8') for p in files]; t0=time.perf_counter();"
            "[len(t.make_doc(x)) for x in texts]; print(sum(map(len, texts))/(time.perf_counter()-t0))")
    _, _, res = timed([sys.executable, "-c", code, str(folder), str(limit)])
    return float(res.stdout.strip() or 0)


def busiest(out: Path) -> str:
    """The organisation with most mentions: the query a user would try first."""
    import csv
    best, name = -1, ""
    with open(out / "tables" / "entities.csv", encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["label"] == "ORG" and int(r["n_mentions"] or 0) > best:
                best, name = int(r["n_mentions"] or 0), r["name"]
    return name


def query_latency(out: Path, name: str) -> float:
    """Seconds for ``inspect`` inside one process (the index opened, found, described)."""
    code = ("import sys, time, pathlib; from pipeline import inspect; t0=time.perf_counter();"
            "s=inspect.open_store(pathlib.Path(sys.argv[1])); ex,_=s.find(sys.argv[2]);"
            "[s.describe(n) for n in ex[:5]]; print(time.perf_counter()-t0)")
    _, _, res = timed([sys.executable, "-c", code, str(out), name])
    return float(res.stdout.strip() or 0)


def real_corpus(root: Path, src: Path) -> tuple[Path, int]:
    """``root/real-in``: copies of the reports of folder ``src`` (real articles); their number."""
    folder = root / "real-in"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = sorted(p for p in src.iterdir() if p.is_file())
    for p in files:
        shutil.copyfile(p, folder / p.name)
    return folder, len(files)


def cleaned_chars(out: Path) -> int:
    """The characters of the reports' cleaned text (documents.csv's n_chars)."""
    return sum(int(r["n_chars"] or 0) for r in csvio.read_rows(out / "tables" / "documents.csv"))


def settle() -> float:
    """Seconds until the writes of the commands before are on the disk (``sync``): each
    rebuild is then timed on its own work, not on the write-back of a build before it
    (some 4 GB after a whole 20,000-report build, which held the next rebuild's copies back
    by seconds). The wait is in the row (``writeback_s``, ``one_writeback_s``)."""
    t0 = time.perf_counter()
    os.sync()
    return time.perf_counter() - t0


def one_size(root: Path, n: int, workers: int, base: Path | None = None, real: Path | None = None) -> dict:
    """One row of the table. With ``base`` (a build of generated reports), the store is
    first filled from its extractions (:mod:`pipeline.storegen`), and the build measured
    is the assembly and the outputs alone (``replicated``). With ``real`` (a folder of real
    reports), the row is of those reports (their number ``n``; characters: their cleaned text)."""
    if real is not None:
        folder, n = real_corpus(root, real)
        chars = 0
    else:
        folder, chars = corpus(root, n)
    out = root / ("out-real" if real is not None else f"out-{n}" if base is None else f"out-{n}-replicated")
    shutil.rmtree(out, ignore_errors=True)
    build = [sys.executable, "-m", "pipeline", "build", "--input", str(folder), "--out", str(out),
             "--workers", str(workers), "--quiet"]
    row = {"reports": n, "chars": chars, "replicated": base is not None, "real": str(real) if real else ""}
    if base is not None:
        row["fill_s"], _, _ = timed([sys.executable, "-m", "pipeline.storegen", "--base", str(base),
                                     "--input", str(folder), "--out", str(out)])
    row["build_s"], row["peak"], _ = timed(build)
    if real is not None:
        row["chars"] = cleaned_chars(out)
    row["writeback_s"] = settle()
    row["noop_s"], _, _ = timed(build)
    changed = folder / "r000000.txt" if real is None else sorted(folder.iterdir())[0]
    original = changed.read_bytes()
    text = changed.read_text(encoding="utf-8") + "\n本报讯 城南区教育局召开会议，局长王海平要求全区38所学校做好课后服务。\n"
    changed.unlink()  # a new file: the pool's copy stays as it was
    changed.write_text(text, encoding="utf-8")
    settle()
    row["one_s"], row["one_peak"], _ = timed(build)
    phases = out / "work" / "phases.jsonl"
    row["one_phases"] = [json.loads(x) for x in phases.read_text(encoding="utf-8").splitlines()] if phases.is_file() else []
    changed.unlink()
    if real is None:
        os.link(root / "pool" / changed.name, changed)
    else:
        changed.write_bytes(original)
    # the change undone (the report as it was, extracted again: its cache holds the change's):
    # a second rebuild, not the first after a whole build
    row["one_writeback_s"] = settle()
    row["undo_s"], _, _ = timed(build)
    name = busiest(out)
    row["query"] = name
    row["inspect_cli_s"], _, _ = timed([sys.executable, "-m", "pipeline", "inspect", name, "--out", str(out),
                                        "--format", "json"])
    row["inspect_s"] = query_latency(out, name)
    row["measures_cli_s"], _, _ = timed([sys.executable, "-m", "pipeline", "measures", "--out", str(out),
                                         "--csv", str(root / f"measures-{n}.csv")])
    row["tokenise_cps"] = tokenise_rate(folder if real is None else out / "tables" / "cleaned")
    return row


def table(rows: list[dict], workers: int) -> str:
    head = ("| reports | characters | build | chars/s | s per 1,000 reports | peak memory (tree) | no-op rebuild "
            "| one report changed, then undone | inspect (CLI / in process) | measures (CLI) | bare tokenisation | build / tokenisation |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        cps = r["chars"] / r["build_s"]
        what = f"{r['reports']:,}" + (" (assembly + outputs only: store filled from the base build)"
                                      if r.get("replicated") else " real articles" if r.get("real") else "")
        lines.append(
            f"| {what} | {r['chars'] / 1e6:.1f} M | {r['build_s']:.0f} s | {cps:,.0f} | "
            f"{r['build_s'] / r['reports'] * 1000:.1f} s | {r['peak'] / 2**30:.2f} GiB | {r['noop_s']:.1f} s | "
            f"{r['one_s']:.1f} s / {r.get('undo_s', float('nan')):.1f} s | {r['inspect_cli_s']:.1f} s / {r['inspect_s'] * 1000:.0f} ms | "
            f"{r['measures_cli_s']:.1f} s | {r['tokenise_cps']:,.0f} chars/s | {r['tokenise_cps'] / cps:.0f}x slower |")
    note = ("\n\nReplicated rows: every report's extraction is a base report's, its organisations and people "
            "renamed per copy (pipeline/storegen.py); build = assembly + outputs from the store, no extraction; "
            "the changed report is extracted for real." if any(r.get("replicated") for r in rows) else "")
    lines += ["", "Where the one-change rebuild's time goes (the first: seconds; the build's own process's peak "
              "resident memory after each phase; the GraphML is written by a second process meanwhile, the "
              "communities by a thread beside the tables):", ""]
    names = list(dict.fromkeys(p["phase"] for r in rows for p in r.get("one_phases", [])
                               if p["phase"] not in ("spliced", "index-patch", "communities-delta")))  # which files were spliced: not a time
    lines += ["| reports | " + " | ".join(names) + " |", "|" + "---|" * (len(names) + 1)]
    for r in rows:
        got = {p["phase"]: p for p in r.get("one_phases", [])}
        cells = [f"{got[n]['s']:.1f} s" + (f" ({got[n]['peak_mb'] / 1024:.2f} GiB)" if "peak_mb" in got[n] else "")
                 if n in got else "" for n in names]
        lines.append(f"| {r['reports']:,} | " + " | ".join(cells) + " |")
    real = ", and real ones where the row says so" if any(r.get("real") for r in rows) else ""
    waits = "; ".join(f"{r['reports']:,}: {r['writeback_s']:.1f} s after the build, {r['one_writeback_s']:.1f} s "
                      f"after the change" for r in rows if "writeback_s" in r and "one_writeback_s" in r)
    settled = (f" Each rebuild is timed once the writes before it are on the disk (sync; the wait for them, {waits})."
               if waits else "")
    return ("\n".join(lines) + f"\n\n{workers} workers, {os.cpu_count()} cores; generated reports "
            f"(pipeline/scalegen.py){real}.{settled}" + note)


def reference(root: Path, size: int, built: list[dict], n: int) -> None:
    """The first release's pipeline and this one on ``n`` of the ``size`` generated
    reports (pipeline/benchref.py): the build-time target scaled by the entity model, and
    the largest generated build's rate as minutes for 200 M characters. Written to
    reference.json; skipped with a message where git or the reference commit is missing."""
    from . import benchref
    print(f"timing the first release's pipeline against this one on {n} reports ...", file=sys.stderr, flush=True)
    try:
        c = benchref.compare(benchref.reports(root / f"in-{size}", n), Path(__file__).resolve().parent.parent)
    except (RuntimeError, ValueError) as e:
        print(f"the scaled target was not measured: {e}", file=sys.stderr, flush=True)
        return
    rate = largest = None
    if built:
        big = max(built, key=lambda r: r["reports"])
        rate, largest = big["chars"] / big["build_s"], big["reports"]
        c.update(projected_min=benchref.projected_min(rate), projected_from=largest)
    (root / "reference.json").write_text(json.dumps(c, indent=1), encoding="utf-8")
    print("\n" + benchref.describe(c, rate, largest), flush=True)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.benchscale", description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    p.add_argument("--with-100k", action="store_true", help="also 100,000 reports (hours on 2 cores)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--dir", default="outputs/bench-scale", help="where corpora and builds go")
    p.add_argument("--replicated", default="", help="sizes (comma-separated) measured from a store filled "
                   "from the extractions of the first size's build (assembly + outputs only)")
    p.add_argument("--real", help="also a row for a folder of real reports (such as ../shared/corpus's "
                   "articles, unpacked): characters counted after cleaning")
    p.add_argument("--reference-reports", type=int, default=300,
                   help="how many of the first size's reports time the first release's pipeline against this one, "
                   "for the build-time target scaled by the entity model (pipeline/benchref.py); 0: not run")
    p.add_argument("--base", help="the build the replicated rows are filled from (default: the first size's, "
                   "out-<size> in --dir); with --sizes '' no size is built first")
    a = p.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",") if s] + ([100000] if a.with_100k else [])
    root = Path(a.dir)
    root.mkdir(parents=True, exist_ok=True)
    rows = []

    def done(row: dict) -> None:
        rows.append(row)
        (root / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        print(table(rows, a.workers), flush=True)
    for n in sizes:
        print(f"building {n:,} reports ...", file=sys.stderr, flush=True)
        done(one_size(root, n, a.workers))
    if a.real:
        print(f"building the real reports of {a.real} ...", file=sys.stderr, flush=True)
        done(one_size(root, 0, a.workers, real=Path(a.real)))
    if sizes and a.reference_reports > 0:
        reference(root, sizes[0], [r for r in rows if not r.get("replicated") and not r.get("real")], a.reference_reports)
    for n in [int(s) for s in a.replicated.split(",") if s]:
        print(f"assembling {n:,} replicated reports ...", file=sys.stderr, flush=True)
        done(one_size(root, n, a.workers, base=Path(a.base) if a.base else root / f"out-{sizes[0]}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
