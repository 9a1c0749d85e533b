"""Command line: ``python -m pipeline <command>``.

  build     --input DIR --out DIR [--workers N] [--recursive] [--engine local|dask [--scheduler ADDR]]
            reports -> graph.graphml and tables (rebuilds redo only what changed)
  extract   FILE --out DIR                        one report -> DIR/work/FILE.json (used by make)
  link      --input DIR --out DIR                 work files -> graph and tables (used by make)
  inspect   NAME [--out DIR] [--format text|json] an entity, its links and their evidence
  measures  [--out DIR] [--csv FILE]              measures x adopters, report counts, first dates
  explore   [--out DIR]                           the offline HTML explorer in DIR/site/
  compare   A B [--out DIR] [--format text|json]  two places or organisations side by side
  eval      [--gold DIR] [--out DIR] [--errors]            precision/recall/F1 against gold files, and linking
  duplicates [--out DIR]                          likely duplicate nodes to review (rules/same_as.tsv ...)
  bench     ...                                   throughput against bare tokenisation
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _err(msg: str, code: int = 2) -> int:
    print(f"error: {msg}", file=sys.stderr)
    return code


def _guarded(fn) -> tuple[object, int]:
    """``fn()``, with every way a build can fail said in one line and a non-zero code:
    unusable arguments (2), outputs that cannot be written or would lose a good graph (1),
    Ctrl-C (130). The previous outputs stay in place in every case."""
    from . import build
    try:
        return fn(), 0
    except build.UsageError as e:
        return None, _err(str(e))
    except build.OutputError as e:
        for f, status, why in e.failed:
            print(f"  {f}: {status} - {why}", file=sys.stderr)
        return None, _err(str(e), 1)
    except KeyboardInterrupt:
        return None, _err("interrupted; the previous outputs are kept", 130)
    except OSError as e:
        where = f" ({e.filename})" if e.filename else ""
        return None, _err(f"cannot write the outputs: {e.strerror or e}{where}; the previous outputs are kept", 1)
    except (MemoryError, RuntimeError) as e:
        return None, _err(f"{type(e).__name__}: {e}; the previous outputs are kept", 1)


def _report(s, a, quiet=False) -> None:
    if not quiet:
        for f, status, why in s.failed:
            print(f"  {f}: {status} - {why}", file=sys.stderr)
        print(f"{s.line()} -> {a.out}")


def cmd_build(a) -> int:
    from . import build
    s, code = _guarded(lambda: build.run(
        Path(a.input), Path(a.out), workers=a.workers or build.default_workers(), max_mb=a.max_mb,
        progress=None if not a.quiet else False, recursive=a.recursive,
        budget=a.budget if a.budget > 0 else None, allow_empty=a.allow_empty,
        max_mem=a.max_mem if a.max_mem > 0 else None, engine=a.engine, scheduler=a.scheduler,
        durable=a.durable))
    if s is not None:
        _report(s, a, a.quiet)
    return code


def cmd_link(a) -> int:
    from . import build
    s, code = _guarded(lambda: build.run(Path(a.input), Path(a.out), only_link=True, max_mb=a.max_mb))
    if s is not None:
        _report(s, a)
    return code


def cmd_extract(a) -> int:
    from . import build, extract, ingest
    src = Path(a.file)
    if not src.is_file():
        return _err(f"no such file: {src}")
    res, _ = build.extract_one(src, Path(a.out), max_mb=a.max_mb,
                               meta=ingest.load_sidecar(src.parent).get(src.stem) or {},
                               version=extract.pipeline_version(), force=True)
    r = res["report"]
    print(f"{src.name}: {r['status']}" + (f" - {r['error']}" if r["error"] else "")
          + f", {len(res['sections'])} section(s)")
    return 0


def cmd_inspect(a) -> int:
    from . import inspect
    return inspect.main_inspect(a.name, Path(a.out), a.format, a.limit)


def cmd_measures(a) -> int:
    from . import inspect
    return inspect.main_measures(Path(a.out), a.csv)


def cmd_explore(a) -> int:
    from .explore import site
    return site.main(Path(a.out))


def cmd_compare(a) -> int:
    from .explore import compare
    return compare.main(a.a, a.b, Path(a.out), a.format)


def cmd_eval(a) -> int:
    from . import evaluate, relscore
    gold = Path(a.gold)
    if gold.is_dir() and not any(gold.glob("*.gold.json")) and any(gold.glob("*.rel.json")):
        rc = 0    # relation gold alone (data/annotations/relations): no mentions to score
    else:
        rc = evaluate.main_gold(gold, Path(a.out), a.json, a.errors)
    if rc == 0 and not a.json:
        res = relscore.score_dir(gold, Path(a.out))
        if res is not None:
            print()
            if a.errors:
                print(relscore.errors(gold, Path(a.out)))
                print()
            print(relscore.table(res[0], f"Relations against {a.gold} ({len(res[1])} reports with relation gold)"))
        if Path(a.links).is_file():
            from . import linkeval
            res = linkeval.score(linkeval.read(Path(a.links)), Path(a.out) / "tables" / "mentions.csv")
            print()
            print(linkeval.table(res, f"Linking against {a.links}") if res else
                  f"Linking: none of the reports of {a.links} is in {a.out}")
            if res and a.errors:
                print(linkeval.errors(linkeval.read(Path(a.links)), Path(a.out) / "tables" / "mentions.csv"))
    return rc


def cmd_duplicates(a) -> int:
    from . import duplicates
    return duplicates.main(Path(a.out), a.limit)


def cmd_bench(a) -> int:
    from . import bench
    return bench.main(a)


def main(argv=None) -> int:
    from .ingest import DEFAULT_MAX_MB
    p = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph and tables from a folder of reports")
    b.add_argument("--input", required=True, help="folder of reports (.txt, .html, .htm)")
    b.add_argument("--out", required=True, help="output folder")
    b.add_argument("--workers", type=int, default=None,
                   help="processes for extraction (default: one per CPU core, at most 4)")
    b.add_argument("--max-mb", type=float, default=DEFAULT_MAX_MB, help="largest report file read, in MB")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    b.add_argument("--recursive", action="store_true",
                   help="read the reports in subfolders too (doc_id from the path: sub/name)")
    b.add_argument("--budget", type=float, default=300.0,
                   help="seconds one report may take; a slower one is listed as 'error: too slow' (0: no limit)")
    b.add_argument("--max-mem", type=float, default=2048.0,
                   help="MB of memory one report's extraction may add; a report over it is listed as "
                        "'error: too much memory' (0: no limit)")
    b.add_argument("--allow-empty", action="store_true",
                   help="replace the previous outputs even when no report could be read")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where reports are extracted: local processes (default), or Dask (a LocalCluster "
                        "of --workers processes, or the cluster of --scheduler)")
    b.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: the address of a running Dask scheduler (tcp://host:8786)")
    b.add_argument("--durable", action="store_true",
                   help="have the new outputs on the disk before switching to them, so that not even a "
                        "power cut right after the build can leave them short (slower: the disk's time)")
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("extract", help="extract one report into OUT/work/ (make's per-file step)")
    e.add_argument("file")
    e.add_argument("--out", required=True)
    e.add_argument("--max-mb", type=float, default=DEFAULT_MAX_MB)
    e.set_defaults(func=cmd_extract)

    lk = sub.add_parser("link", help="assemble graph and tables from OUT/work/ (make's last step)")
    lk.add_argument("--input", required=True)
    lk.add_argument("--out", required=True)
    lk.add_argument("--max-mb", type=float, default=DEFAULT_MAX_MB)
    lk.set_defaults(func=cmd_link)

    i = sub.add_parser("inspect", help="an entity with its links and evidence sentences")
    i.add_argument("name", help="any spelling of the entity (closest matches if none is exact)")
    i.add_argument("--out", default="outputs", help="build output folder (default outputs)")
    i.add_argument("--format", choices=("text", "json"), default="text")
    i.add_argument("--limit", type=int, default=5, help="evidence sentences shown per link (text format)")
    i.set_defaults(func=cmd_inspect)

    m = sub.add_parser("measures", help="measures x the organisations and places that implement them")
    m.add_argument("--out", default="outputs")
    m.add_argument("--csv", nargs="?", const="-", default=None,
                   help="write the table as CSV to FILE (default OUT/tables/measures.csv)")
    m.set_defaults(func=cmd_measures)

    x = sub.add_parser("explore", help="write the offline HTML explorer (OUT/site/index.html)")
    x.add_argument("--out", default="outputs", help="build output folder (default outputs)")
    x.set_defaults(func=cmd_explore)

    c = sub.add_parser("compare", help="two places or organisations side by side")
    c.add_argument("a", help="a place or organisation (any spelling)")
    c.add_argument("b", help="another place or organisation")
    c.add_argument("--out", default="outputs", help="build output folder (default outputs)")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.set_defaults(func=cmd_compare)

    ev = sub.add_parser("eval", help="score mentions.csv and relations.csv against gold files")
    ev.add_argument("--gold", default="data/gold")
    ev.add_argument("--out", default="outputs")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--errors", action="store_true", help="also list, per report, what was missed and what is wrong")
    ev.add_argument("--links", default=str(Path(__file__).resolve().parent.parent / "data" / "linking" / "clusters.tsv"),
                    help="the cross-report clustering derived from gold (pipeline/linkeval.py)")
    ev.set_defaults(func=cmd_eval)

    du = sub.add_parser("duplicates", help="likely duplicate nodes and nodes with very different names, to review")
    du.add_argument("--out", default="outputs", help="build output folder (default outputs)")
    du.add_argument("--limit", type=int, default=0, help="at most this many of each kind (0: all)")
    du.set_defaults(func=cmd_duplicates)

    bn = sub.add_parser("bench", help="throughput of the build against bare spaCy+jieba tokenisation")
    bn.add_argument("--input", default="data/raw")
    bn.add_argument("--min-mb", type=float, default=2.0, help="replicate the corpus to at least this size")
    bn.add_argument("--workers", type=int, default=None, help="workers of the second build row (default: cores)")
    bn.add_argument("--repeat", type=int, default=3, help="rounds (each row once per round); the fastest run of a row counts")
    bn.set_defaults(func=cmd_bench)

    a = p.parse_args(argv)
    import signal
    if hasattr(signal, "SIGPIPE") and a.command not in ("build", "link", "extract"):
        # `... | head` ends quietly (not in a build: its worker pipes must not kill it)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if getattr(a, "scheduler", None) and a.engine != "dask":
        return _err("--scheduler needs --engine dask")
    if getattr(a, "workers", None) is not None and a.workers < 1:
        return _err("--workers must be at least 1")
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
