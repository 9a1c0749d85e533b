"""Scoring: ``make eval`` against data/gold/, and the entity stage on character-BIO test
sets (``python -m pipeline.evaluate bio FILE``).

Gold scoring follows ../shared/ANNOTATION.md and agrees with the reference scorer: per
report (sections are folded into their file), sets of (label, text) for ORG, PERSON,
PLACE with inner spaces of Chinese text removed and gold ``optional`` spans neither right
nor wrong; sets of ISO values for DATE; sets of values for NUMBER.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ENT_LABELS = ("ORG", "PERSON", "PLACE")
ALL_LABELS = ENT_LABELS + ("DATE", "NUMBER")
_CJK = r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]"


def squash(s: str) -> str:
    return re.sub(rf"(?<={_CJK})\s+(?={_CJK})", "", (s or "").strip())


def num_key(v) -> float | None:
    try:
        v = float(v)
    except (TypeError, ValueError):
        return None
    return round(v, 3) if abs(v) < 1 else round(v, 2)


def load_gold(gold_dir: Path) -> dict[str, dict]:
    gold = {}
    for p in sorted(gold_dir.glob("*.gold.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        gold[g["doc_id"]] = {
            "ents": {(e["label"], squash(e["text"])) for e in g.get("entities", [])},
            "opt": {(e["label"], squash(e["text"])) for e in g.get("optional", [])},
            "dates": {d["value"] for d in g.get("dates", [])},
            "nums": {num_key(n["value"]) for n in g.get("numbers", [])} - {None},
            # a gold file may annotate some labels only (data/annotations: entities, no dates
            # or numbers); the others are then not scored for that report
            "scored": set(g.get("scored") or ALL_LABELS),
        }
    return gold


def load_pred(mentions_csv: Path, docs) -> dict[str, dict]:
    pred = {d: {"ents": set(), "dates": set(), "nums": set()} for d in docs}
    with open(mentions_csv, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            d = (r.get("doc_id") or "").split("#")[0]
            if d not in pred:
                continue
            lab = (r.get("label") or "").upper()
            if lab in ENT_LABELS:
                pred[d]["ents"].add((lab, squash(r.get("text"))))
            elif lab == "DATE" and r.get("norm"):
                pred[d]["dates"].add(r["norm"].strip())
            elif lab == "NUMBER" and num_key(r.get("norm")) is not None:
                pred[d]["nums"].add(num_key(r.get("norm")))
    return pred


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict, pred: dict) -> dict[str, dict]:
    c = defaultdict(lambda: [0, 0, 0])
    for d, g in gold.items():
        pr = pred.get(d, {"ents": set(), "dates": set(), "nums": set()})
        scored = g.get("scored", set(ALL_LABELS))
        for lab in ENT_LABELS:
            if lab not in scored:
                continue
            G = {x for x in g["ents"] if x[0] == lab}
            O = {x for x in g["opt"] if x[0] == lab}
            P = {x for x in pr["ents"] if x[0] == lab} - (O - G)
            c[lab][0] += len(G & P)
            c[lab][1] += len(P - G)
            c[lab][2] += len(G - P)
        for lab, key in (("DATE", "dates"), ("NUMBER", "nums")):
            if lab not in scored:
                continue
            G, P = g[key], pr[key]
            c[lab][0] += len(G & P)
            c[lab][1] += len(P - G)
            c[lab][2] += len(G - P)
    out = {}
    for lab in ALL_LABELS:
        if not any(lab in g.get("scored", ALL_LABELS) for g in gold.values()):
            continue
        tp, fp, fn = c[lab]
        out[lab] = dict(zip(("p", "r", "f1"), prf(tp, fp, fn)), support=tp + fn, tp=tp, fp=fp, fn=fn)
    tot = [sum(c[l][i] for l in ENT_LABELS) for i in range(3)]
    out["ENTITIES"] = dict(zip(("p", "r", "f1"), prf(*tot)), support=tot[0] + tot[2], tp=tot[0], fp=tot[1], fn=tot[2])
    return out


def table(res: dict, title: str) -> str:
    lines = [f"{title}", "| label | P | R | F1 | n |", "|---|---|---|---|---|"]
    for lab, v in res.items():
        lines.append(f"| {lab} | {v['p']:.3f} | {v['r']:.3f} | {v['f1']:.3f} | {v['support']} |")
    return "\n".join(lines)


def list_errors(gold: dict, pred: dict) -> str:
    """Per report: the gold entities missed and the mentions that are wrong."""
    lines = []
    for d, g in sorted(gold.items()):
        pr = pred.get(d, {"ents": set()})
        opt = g["opt"] - g["ents"]
        missed = sorted(g["ents"] - pr["ents"])
        wrong = sorted(pr["ents"] - g["ents"] - opt)
        if missed or wrong:
            lines.append(f"{d}")
            lines += [f"   missed {lab:6} {t}" for lab, t in missed]
            lines += [f"   wrong  {lab:6} {t}" for lab, t in wrong]
    return "\n".join(lines)


def main_gold(gold_dir: Path, out_dir: Path, as_json: bool = False, errors: bool = False) -> int:
    mentions = out_dir / "tables" / "mentions.csv"
    if not gold_dir.is_dir() or not list(gold_dir.glob("*.gold.json")):
        print(f"error: no gold files in {gold_dir}", file=sys.stderr)
        return 2
    if not mentions.is_file():
        print(f"error: {mentions} not found: build first (make)", file=sys.stderr)
        return 2
    gold = load_gold(gold_dir)
    pred = load_pred(mentions, gold.keys())
    res = score(gold, pred)
    if errors:
        print(list_errors(gold, pred))
        print()
    if as_json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(table(res, f"Scores against {gold_dir} ({len(gold)} reports, {mentions})"))
        sec = section_scores(gold_dir, mentions)
        if sec:
            print()
            print(table(sec, "Sections of multi-article reports (gold 'sections')"))
    return 0


def section_scores(gold_dir: Path, mentions_csv: Path) -> dict | None:
    """The same scores per section, where a gold file lists its sections."""
    gold, docs = {}, []
    for p in sorted(gold_dir.glob("*.gold.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        for s in g.get("sections", []):
            gold[s["doc_id"]] = {
                "ents": {(e["label"], squash(e["text"])) for e in s.get("entities", [])},
                "opt": {(e["label"], squash(e["text"])) for e in s.get("optional", [])},
                "dates": {d["value"] for d in s.get("dates", [])},
                "nums": {num_key(n["value"]) for n in s.get("numbers", [])} - {None},
            }
    if not gold:
        return None
    pred = {d: {"ents": set(), "dates": set(), "nums": set()} for d in gold}
    with open(mentions_csv, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            d = r["doc_id"]
            if d not in pred:
                continue
            lab = r["label"]
            if lab in ENT_LABELS:
                pred[d]["ents"].add((lab, squash(r["text"])))
            elif lab == "DATE" and r["norm"]:
                pred[d]["dates"].add(r["norm"])
            elif lab == "NUMBER" and num_key(r["norm"]) is not None:
                pred[d]["nums"].add(num_key(r["norm"]))
    return score(gold, pred)


# --------------------------------------------------------------------------- BIO test sets

BIO_MAP = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "PLACE": "PLACE", "ORG": "ORG"}


def read_bio(path: Path) -> list[tuple[str, list[str]]]:
    """Sentences of a character-BIO file: (text, tags)."""
    sents, chars, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if chars:
                    sents.append(("".join(chars), tags))
                    chars, tags = [], []
                continue
            chars.append(parts[0][:1] if parts[0] else " ")
            tags.append(parts[-1] if len(parts) > 1 else "O")
    if chars:
        sents.append(("".join(chars), tags))
    return sents


def bio_spans(tags: list[str]) -> set[tuple[str, int, int]]:
    out, i = set(), 0
    while i < len(tags):
        t = tags[i]
        if t.startswith(("B-", "I-")):  # a stray I- starts an entity too
            lab = BIO_MAP.get(t[2:])
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + t[2:]:
                j += 1
            if lab:
                out.add((lab, i, j))
            i = j
        else:
            i += 1
    return out


def score_bio(path: Path, limit: int | None = None, errors: int = 0) -> dict:
    """The entity stage alone on a character-BIO file, exact spans, as it runs in a build
    (no mapping to the file's own conventions: where they differ from ANNOTATION.md, the
    difference counts as an error)."""
    from . import entities, ingest, nlp as nlp_mod
    nlp = nlp_mod.load()
    sents = read_bio(path)[:limit] if limit else read_bio(path)
    c = defaultdict(lambda: [0, 0, 0])
    shown = 0
    t0 = time.perf_counter()
    n_chars = 0
    for text, tags in sents:
        n_chars += len(text)
        text = text.translate(ingest.HALF_WIDTH)  # full-width letters and digits, as ingest does (same length)
        doc = nlp.make_doc(text)
        doc.user_data["edu_text"] = text
        doc._.context = {}
        doc._.sent_spans = nlp_mod.sentence_spans(text)
        pred = {(m.label, m.start, m.end) for m in entities.find_entities(doc)}
        gold = bio_spans(tags)
        for lab in ENT_LABELS:
            G = {x for x in gold if x[0] == lab}
            P = {x for x in pred if x[0] == lab}
            c[lab][0] += len(G & P)
            c[lab][1] += len(P - G)
            c[lab][2] += len(G - P)
        if shown < errors and pred != gold:
            shown += 1
            print(text)
            print("   missed:", sorted((l, text[a:b]) for l, a, b in gold - pred))
            print("   wrong: ", sorted((l, text[a:b]) for l, a, b in pred - gold))
    res = {}
    for lab in ENT_LABELS:
        p, r, f = prf(*c[lab])
        res[lab] = {"p": p, "r": r, "f1": f, "support": c[lab][0] + c[lab][2]}
    tot = [sum(c[l][i] for l in ENT_LABELS) for i in range(3)]
    p, r, f = prf(*tot)
    res["ALL"] = {"p": p, "r": r, "f1": f, "support": tot[0] + tot[2]}
    res["_speed"] = {"chars": n_chars, "seconds": time.perf_counter() - t0}
    return res


def archive_docs(archive: Path, gold_dir: Path, into: Path) -> int:
    """The reports of ``gold_dir``'s gold files (``.gold.json`` or ``.rel.json``; or of the claims a ``subjects.tsv`` reads:
    pipeline/claimeval.py) unpacked from a ``.tar.xz`` of texts (the corpus:
    ``docs/cNNNNN.txt``) into ``into`` (emptied first); returns how many were found.
    data/annotations annotates articles of ../shared/corpus, whose texts the repository does
    not hold."""
    import shutil
    import tarfile
    if gold_dir.is_file():
        from .claimeval import gold_reports
        wanted = gold_reports(gold_dir)
    else:
        wanted = {p.name.split(".", 1)[0] for p in [*gold_dir.glob("*.gold.json"), *gold_dir.glob("*.rel.json")]}
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    found = 0
    with tarfile.open(archive, "r:*") as tar:
        for m in tar:
            name = m.name.rsplit("/", 1)[-1]
            if m.isfile() and name.rsplit(".", 1)[0] in wanted:
                (into / name).write_bytes(tar.extractfile(m).read())
                found += 1
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluate")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bio", help="score the entity stage on a character-BIO file (PER/LOC/ORG)")
    b.add_argument("files", nargs="+")
    b.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    b.add_argument("--errors", type=int, default=0, help="print the first N sentences with errors")
    g = sub.add_parser("gold", help="score a build against gold files")
    g.add_argument("--gold", default="data/gold")
    g.add_argument("--out", default="outputs")
    g.add_argument("--json", action="store_true")
    g.add_argument("--errors", action="store_true")
    x = sub.add_parser("docs", help="unpack the reports a gold folder annotates from an archive of texts")
    x.add_argument("--archive", required=True)
    x.add_argument("--gold", required=True)
    x.add_argument("--into", required=True)
    a = ap.parse_args(argv)
    if a.cmd == "docs":
        if not Path(a.archive).is_file():
            print(f"error: no such archive: {a.archive}", file=sys.stderr)
            return 2
        n = archive_docs(Path(a.archive), Path(a.gold), Path(a.into))
        print(f"{n} reports of {a.gold} unpacked into {a.into}")
        return 0 if n else 2
    if a.cmd == "gold":
        return main_gold(Path(a.gold), Path(a.out), a.json, a.errors)
    for f in a.files:
        path = Path(f)
        if not path.is_file():
            print(f"error: no such file: {path}", file=sys.stderr)
            return 2
        res = score_bio(path, a.limit, a.errors)
        speed = res.pop("_speed")
        print(table(res, f"{path.name}: entity stage, exact spans ({speed['chars'] / max(speed['seconds'], 1e-9):,.0f} chars/s)"))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
