"""Measure the ingest stage on a corpus of real articles (not part of the tests).

    python tools/measure_corpus.py CORPUS_DIR [--sources sources.tsv] [--show N]

CORPUS_DIR holds ``docs/*.txt|html`` (or the files themselves); ``sources.tsv`` (columns
``doc`` and ``source``; looked for in CORPUS_DIR and the folder above) groups the articles
by where they come from. Every file there is one article, so a file split into sections is
a wrong split. Prints, per source and for all: publication dates found, files split into
sections, cleaned texts still holding page leftovers, bad titles and authors.
"""
from __future__ import annotations

import argparse
import collections
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline import ingest  # noqa: E402

LEFTOVERS = {
    "<title>": re.compile(r"<\s*/?\s*title\s*>", re.I),
    "分享到": re.compile("分享到"),
    "0人参与": re.compile(r"\d+人参与"),
    "网易首页教育首页": re.compile("网易首页"),
    "分享至好友": re.compile("分享至好友"),
    "跟贴": re.compile("跟贴"),
    "&entity;": re.compile(r"&[a-z]{2,8};"),
}
LABELS = re.compile(r"编辑|记者|通讯员|作者|来源|责编|摄影")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--sources", default=None)
    ap.add_argument("--show", type=int, default=0, help="print N examples of each problem")
    a = ap.parse_args(argv)
    root = Path(a.corpus)
    docs = root / "docs" if (root / "docs").is_dir() else root
    src_file = Path(a.sources) if a.sources else next(
        (p for p in (root / "sources.tsv", root.parent / "sources.tsv", root / "manifest.tsv") if p.is_file()), None)
    source = {}
    if src_file:
        with open(src_file, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                source[r.get("doc") or r.get("doc_id")] = r.get("source", "")
    files = sorted(p for p in docs.iterdir() if p.suffix.lower() in ingest.SUPPORTED_SUFFIXES)
    stats = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    for p in files:
        rep = ingest.read_report(p)
        groups = ("all", source.get(p.stem, "?"))
        for g in groups:
            stats[g]["files"] += 1
            stats[g]["ok"] += rep.status == "ok"
            stats[g]["dated"] += bool(rep.pub_date)
            stats[g]["split"] += len(rep.sections) > 1
            stats[g]["titled"] += bool(rep.title)
        if not rep.pub_date:
            examples[f"no date ({groups[1]})"].append((p.stem, rep.text[:80].replace("\n", " | ")))
        if len(rep.sections) > 1:
            examples["split"].append((p.stem, len(rep.sections)))
        for name, rx in LEFTOVERS.items():
            if rx.search(rep.text):
                for g in groups:
                    stats[g][f"leftover {name}"] += 1
                examples[f"leftover {name}"].append((p.stem, rx.search(rep.text).group(0)))
        if re.fullmatch(r"[(（【\[]?(资料)?图片?[)）】\]]?|[(（].*[)）]", rep.title or ""):
            stats["all"]["bad title"] += 1
            examples["bad title"].append((p.stem, rep.title))
        if any(LABELS.search(x) for x in rep.authors):
            stats["all"]["label as author"] += 1
            examples["label as author"].append((p.stem, rep.authors))
    for g, c in sorted(stats.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        n = c["files"]
        extra = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k.startswith(("leftover", "bad", "label")))
        print(f"{g:14s} files {n:5d}  dated {c['dated']:5d} ({100 * c['dated'] / n:5.1f} %)  split {c['split']:3d}  "
              f"titled {100 * c['titled'] / n:5.1f} %  not ok {n - c['ok']}" + (f"  | {extra}" if extra else ""))
    if a.show:
        rnd = random.Random(13)
        for k, v in sorted(examples.items()):
            print(f"\n== {k}: {len(v)}")
            for x in rnd.sample(v, min(a.show, len(v))):
                print("  ", *x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
