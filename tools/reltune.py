"""Tune the relation stage on train/: build reports into a scratch folder, score their
relations against the relation gold and list the errors by kind (not part of make or the
tests; needs ../shared).

    python tools/reltune.py [--shared ../shared] [--set train] [--fold I/K] [--out /tmp/reltune]
                            [--without I/K] [--model MODEL] [--measures MODEL] [--no-build]
                            [--errors KIND[,KIND]]

--fold I/K keeps only fold I of K of the set (every K-th report from I, as
``pipeline.entities.training --fold`` holds out); --model builds with another entity model
(the one trained without that fold gives a held-out figure with realistic mentions).
--without I/K keeps every report but fold I of K, to read errors while that fold stays unseen.
The reports are copied into ``<out>-in/docs`` with one ``sources.tsv`` made of the set's
crawler files (train's ``sources_t*.tsv``), so builds read addresses and dates as on dev.
--errors lists, per report, the missed gold links (FN) and the wrong system links (FP) of
member_of, part_of, implements, measures and located_in.
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline import relscore  # noqa: E402


def prepare(shared: Path, set_name: str, fold: str, scratch: Path,
            without: str = "") -> tuple[Path, Path]:
    """The set's reports and gold (one fold of them with ``fold``, all but one fold with
    ``without``) copied into ``scratch``,
    with one ``sources.tsv`` (doc_id, url, pub_date) beside the reports combining the set's
    crawler files (train's ``sources_t1..6.tsv``), so that every build reads the reports'
    addresses and dates as a build of dev (whose ``sources.tsv`` sits above its reports) does."""
    docs, gold = shared / set_name / "docs", shared / set_name / "gold"
    ids = sorted(p.name[:-len(".gold.json")] for p in gold.glob("*.gold.json"))
    if fold:
        i, k = (int(x) for x in fold.split("/"))
        ids = ids[i::k]
    if without:
        i, k = (int(x) for x in without.split("/"))
        held = set(ids[i::k])
        ids = [doc for doc in ids if doc not in held]
    d, g = scratch / "docs", scratch / "gold"
    for p in (d, g):
        shutil.rmtree(p, ignore_errors=True)
        p.mkdir(parents=True)
    for doc in ids:
        for p in docs.glob(doc + ".*"):
            shutil.copy(p, d / p.name)
        for p in gold.glob(doc + ".*"):
            shutil.copy(p, g / p.name)
    write_sources(shared / set_name, set(ids), d / "sources.tsv")
    return d, g


def write_sources(set_dir: Path, ids: set[str], out: Path) -> None:
    """One sources.tsv (doc_id, url, pub_date) of the reports ``ids`` from every
    ``sources*.tsv`` of a set's folder and of its docs/ folder (the first row of a report wins)."""
    rows: dict[str, tuple[str, str]] = {}
    for p in sorted(set_dir.glob("sources*.tsv")) + sorted((set_dir / "docs").glob("sources*.tsv")):
        with open(p, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                doc = (r.get("doc_id") or "").strip()
                if doc in ids and doc not in rows:
                    rows[doc] = ((r.get("url") or "").strip(), (r.get("pub_date") or "").strip())
    if not rows:
        return
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["doc_id", "url", "pub_date"])
        for doc in sorted(rows):
            w.writerow([doc, *rows[doc]])


def build(docs: Path, out: Path, model: str, measures: str = "") -> None:
    env = dict(os.environ)
    if model or measures:
        mdir = out.parent / (out.name + "-model")
        shutil.rmtree(mdir, ignore_errors=True)
        mdir.mkdir(parents=True)
        repo_models = Path(__file__).resolve().parent.parent / "models"
        (mdir / "entities.crfsuite").symlink_to(Path(model or repo_models / "entities.crfsuite").resolve())
        (mdir / "measures.json").symlink_to(Path(measures or repo_models / "measures.json").resolve())
        env["EDU_MODELS_DIR"] = str(mdir)
    subprocess.run([sys.executable, "-m", "pipeline", "build", "--input", str(docs), "--out", str(out),
                    "--quiet", "--workers", "2"], check=True, env=env)


def names(S, doc: str, eid: str) -> str:
    e = S.entities.get(eid, {})
    return e.get("name") or eid


def false_link(S, doc: str, kind: str, r: dict, target: str) -> str:
    """One FP line: the system link's source, target, basis and the start of its sentence."""
    return (f"  FP {kind}: {names(S, doc, r['source_id'])} -> {target}"
            f" [{r.get('basis', '')}] {r.get('sentence', '')[:70]}")


def list_errors(gold_dir: Path, out: Path, kinds: set[str]) -> None:
    gold = relscore.load_rel_gold(gold_dir)
    S = relscore.SystemTables(out)
    for doc, g in sorted(gold.items()):
        lines = []
        for kind, typ, a, b in relscore.PAIR_KINDS:
            if kind not in kinds:
                continue
            rows = S.rel.get((doc, typ), [])
            hit = set()
            for x in g.get(kind, []):
                src, tgt = S.resolve(doc, x[a]), S.resolve(doc, x[b])
                ok = [r for r in rows if r["source_id"] in src and r["target_id"] in tgt]
                hit.update(r["row"] for r in ok)
                if not ok:
                    why = "" if src and tgt else f" [no entity: {'' if src else x[a]} {'' if tgt else x[b]}]"
                    lines.append(f"  FN {kind}: {x[a]} -> {x[b]} ({x.get('role', '')}){why}")
            lines += [false_link(S, doc, kind, r, names(S, doc, r["target_id"]) + f" ({r.get('role', '')})")
                      for r in rows if r["row"] not in hit]
        if "measures" in kinds:
            gm = {relscore.mnorm(m) for m in g.get("measures", [])}
            sm = {}
            for m in S.mentions.get(doc, ()):
                if (m.get("label") or "").upper() == "MEASURE":
                    sm[relscore.mnorm(m["norm"] or m["text"])] = m["text"]
            allsys = {relscore.mnorm(m["text"]) for m in S.mentions.get(doc, ())
                      if (m.get("label") or "").upper() == "MEASURE"} | set(sm)
            for x in sorted(gm - allsys):
                lines.append(f"  FN measure: {x}")
            for x in sorted(set(sm) - gm):
                if sm[x] and relscore.mnorm(sm[x]) not in gm:
                    lines.append(f"  FP measure: {x}")
        if "implements" in kinds:
            rows = S.rel.get((doc, "IMPLEMENTS"), [])
            got = set()
            for x in g.get("implements", []):
                src = S.resolve(doc, x["org"])
                ok = [r for r in rows if r["source_id"] in src and relscore.mnorm(x["measure"]) in S.measure_names(doc, r)]
                got.update(r["row"] for r in ok)
                if not ok:
                    lines.append(f"  FN implements: {x['org']} -> {x['measure']}{'' if src else ' [no org entity]'}")
            lines += [false_link(S, doc, "implements", r, r.get("target_name", ""))
                      for r in rows if r["row"] not in got]
        if "located_in" in kinds:
            res = relscore.score_report(doc, g, S)
            for d in res["located_detail"]:
                if d["verdict"] != "exact":
                    lines.append(f"  LOC {d['verdict']:8} {d['entity']} gold {d['gold']} system {d['system'] or '-'}"
                                 f"{'' if d['entity_id'] else ' [no entity]'}")
        if lines:
            print(doc)
            print("\n".join(lines))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--set", default="train")
    ap.add_argument("--fold", default="")
    ap.add_argument("--without", default="", help="I/K: leave fold I of K out (keep it unseen)")
    ap.add_argument("--out", default="/tmp/reltune", type=Path)
    ap.add_argument("--model", default="")
    ap.add_argument("--measures", default="", help="another measure model (models/measures.json)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--errors", default="")
    a = ap.parse_args(argv)
    docs, gold = prepare(a.shared, a.set, a.fold, a.out.parent / (a.out.name + "-in"), a.without)
    if not a.no_build:
        build(docs, a.out, a.model, a.measures)
    res = relscore.score_dir(gold, a.out)
    if a.errors:
        list_errors(gold, a.out, set(a.errors.split(",")))
    print(relscore.table(res[0], f"Relations on {a.set}{' fold ' + a.fold if a.fold else ''}{' without fold ' + a.without if a.without else ''} ({len(res[1])} reports)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
