"""Measure the ingest stage on a corpus of real articles (not part of the tests).

    python tools/measure_corpus.py CORPUS_DIR [--sources sources.tsv] [--show N]
                                   [--mentions N [--seed S]]

CORPUS_DIR holds ``docs/*.txt|html`` (or the files themselves); ``sources.tsv`` (columns
``doc`` and ``source``; looked for in CORPUS_DIR and the folder above) groups the articles
by where they come from, and is read as the build reads its sidecar (a date in its
``pub_date``, ``url`` or ``path`` column). Every file there is one article, so a file split
into sections is a wrong split. Prints, per source and for all: publication dates found
(and by which form), files split into sections, cleaned texts still holding page leftovers,
bad titles and authors; for the articles left without a date, whether their text holds a
full date anywhere (an event's, as a check by reading shows), only a month and day, or none.

``--mentions N`` draws a fixed-seed sample of N mentions (N articles drawn with the seed,
one mention drawn from each), runs the whole extraction on them and prints each mention with
its context and a flag where it or its context holds a page leftover: the sample is then read
to check that no page leftover became an entity.
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
# words of page furniture: a mention holding one, or standing next to one, is looked at first
FURNITURE = re.compile(r"分享|首页|跟贴|网易|新浪网|新浪教育|\[微博\]|责编|更多信息请访问|点击|相关新闻|相关阅读|"
                       r"<|>|_|版权|登录|注册|评论|频道|论坛|博客|打印|关闭窗口|上一页|下一页|本文来源|原标题")
FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}")
MONTH_DAY = re.compile(r"\d{1,2}月\d{1,2}日|[今昨前明]\s*[(（]\d{1,2}[)）]\s*日")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--sources", default=None)
    ap.add_argument("--show", type=int, default=0, help="print N examples of each problem")
    ap.add_argument("--mentions", type=int, default=0, help="draw and print a sample of N mentions")
    ap.add_argument("--seed", type=int, default=13, help="seed of the samples")
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
    sidecar = ingest.load_sidecar(docs)
    files = sorted(p for p in docs.iterdir() if p.suffix.lower() in ingest.SUPPORTED_SUFFIXES)
    stats = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    for p in files:
        rep = ingest.read_report(p, meta=sidecar.get(p.stem) or {})
        groups = ("all", source.get(p.stem, "?"))
        for g in groups:
            stats[g]["files"] += 1
            stats[g]["ok"] += rep.status == "ok"
            stats[g]["dated"] += bool(rep.pub_date)
            stats[g]["split"] += len(rep.sections) > 1
            stats[g]["titled"] += bool(rep.title)
        for g in groups:
            stats[g][f"date by {rep.pub_date_source or '-'}"] += 1
        if not rep.pub_date:
            full = FULL_DATE.search(rep.text)
            kind = "full date in the text" if full else "month and day only" if MONTH_DAY.search(rep.text) \
                else "no date at all"
            for g in groups:
                stats[g][f"undated: {kind}"] += 1
            where = rep.text[max(0, full.start() - 30):full.end() + 20] if full else rep.text[:80]
            examples[f"no date, {kind} ({groups[1]})"].append((p.stem, where.replace("\n", " | ")))
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
        print(" " * 15 + "; ".join(f"{k} {v}" for k, v in sorted(c.items()) if k.startswith(("date by", "undated"))))
    if a.show:
        rnd = random.Random(13)
        for k, v in sorted(examples.items()):
            print(f"\n== {k}: {len(v)}")
            for x in rnd.sample(v, min(a.show, len(v))):
                print("  ", *x)
    if a.mentions:
        sample_mentions(files, sidecar, a.mentions, a.seed)
    return 0


def sample_mentions(files: list[Path], sidecar: dict, n: int, seed: int) -> None:
    """N mentions, one from each of N articles drawn with the seed, with their context."""
    from pipeline import extract, nlp as nlp_mod
    nlp = nlp_mod.load()
    rnd = random.Random(seed)
    order = rnd.sample(files, len(files))
    drawn = flagged = 0
    print(f"\n== sample of {n} mentions (seed {seed}): doc, label, mention, context [flag]")
    for p in order:
        if drawn == n:
            break
        r = extract.extract_report(p, nlp=nlp, meta=sidecar.get(p.stem) or {})
        found = [(s, m) for s in r["sections"] for m in s["mentions"]]
        if not found:
            continue
        # one generator per article: a change in one article never shifts the others' draws
        s, m = random.Random(f"{seed}:{p.stem}").choice(found)
        drawn += 1
        text = s["text"]
        ctx = text[max(0, m["start"] - 20):m["start"]] + "【" + m["text"] + "】" + text[m["end"]:m["end"] + 20]
        flag = FURNITURE.search(text[max(0, m["start"] - 6):m["end"] + 6])
        flagged += bool(flag)
        print(f"{drawn:3d} {p.stem} {m['label']:7s} {m['text']:16s} {ctx.replace(chr(10), ' | ')}"
              + (f"  [furniture? {flag.group(0)}]" if flag else ""))
    print(f"{flagged} of {drawn} mentions stand next to a furniture word (read them)")


if __name__ == "__main__":
    sys.exit(main())
