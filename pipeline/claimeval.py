"""``make eval-claims``: whose each numeric claim is, scored against our reading of 240
claims of the corpus (``data/annotations/claims/subjects.tsv``).

    python -m pipeline.claimeval --gold data/annotations/claims/subjects.tsv --out OUT

Each gold row names a claim by its section and offsets (``doc_id``, ``start``, ``end``) and
gives its subject as written in the report (the organisation, place or person the number
belongs to), or nothing where the report names none. A claim of the build (``claims.csv``)
is right when it has no subject where the gold has none, or when its subject's entity is
called by the gold's name (its name, an alias, or a mention of it in that section; 全国,
我国 and 国家 are China). Printed per basis of the claim's ABOUT row (``relations.csv``),
then the precision of the subjects given, their recall, and the accuracy counting the
claims rightly left without one.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from .csvio import read_rows

NATION = frozenset({"全国", "我国", "国家", "中国"})


def _rows(path: Path) -> list[dict]:
    """The gold's rows (tab-separated, as written by hand)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_gold(path: Path) -> dict[tuple[str, int, int], str]:
    return {(r["doc_id"], int(r["start"]), int(r["end"])): r["subject"].strip() for r in _rows(path)}


def gold_reports(path: Path) -> set[str]:
    """The reports (file stems) the gold's claims stand in."""
    return {r["doc_id"].split("#", 1)[0] for r in _rows(path)}


def score(gold: dict, out: Path) -> dict:
    """Counts per basis and in all: claims, right, given (a subject), right among given,
    gold with a subject, claims the build no longer has."""
    tables = out / "tables"
    claims = {(r["doc_id"], int(r["start"]), int(r["end"])): r for r in read_rows(tables / "claims.csv")}
    names: dict[str, set[str]] = defaultdict(set)
    for e in read_rows(tables / "entities.csv"):
        names[e["entity_id"]] |= {e["name"], *filter(None, e.get("aliases", "").split("|"))}
    said: dict[tuple[str, str], set[str]] = defaultdict(set)  # (section, entity) -> its mentions' texts
    for m in read_rows(tables / "mentions.csv"):
        if m.get("entity_id"):
            said[m["doc_id"], m["entity_id"]].add(m["text"])
    basis = {r["source_id"]: r["basis"] for r in read_rows(tables / "relations.csv") if r["type"] == "ABOUT"}
    out_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, want in sorted(gold.items()):
        c = claims.get(key)
        sid = c["subject_id"] if c else ""
        how = "(claim not found)" if c is None else basis.get(c["claim_id"], "(no subject)")
        if not want:
            ok = not sid
        else:
            known = names.get(sid, set()) | said.get((key[0], sid), set()) | ({c["subject_name"]} if c else set())
            ok = bool(sid) and (want in known or want in NATION and sid == "place:world/中国")
        for k in (how, "all"):
            n = out_counts[k]
            n["claims"] += 1
            n["right"] += ok
            n["given"] += bool(sid)
            n["right_given"] += bool(sid) and ok
            n["gold_subject"] += bool(want)
            n["missing"] += c is None
    return out_counts


def report(counts: dict) -> str:
    lines = ["| basis of the subject | claims | right |", "|---|---|---|"]
    for how in sorted(k for k in counts if k != "all"):
        lines.append(f"| {how} | {counts[how]['claims']} | {counts[how]['right']} |")
    a = counts["all"]
    p = a["right_given"] / a["given"] if a["given"] else 0.0
    r = a["right_given"] / a["gold_subject"] if a["gold_subject"] else 0.0
    acc = a["right"] / a["claims"] if a["claims"] else 0.0
    lines.append(f"\n{a['claims']} claims ({a['gold_subject']} with a subject in the gold, {a['missing']} not found "
                 f"in the build): subjects given {a['given']}, right {a['right_given']}; precision {p:.3f}, "
                 f"recall {r:.3f}, accuracy counting claims rightly left without one {acc:.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.claimeval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default="data/annotations/claims/subjects.tsv", type=Path)
    ap.add_argument("--out", default="outputs/eval-claims/out", type=Path)
    a = ap.parse_args(argv)
    for p in (a.gold, a.out / "tables" / "claims.csv"):
        if not p.is_file():
            print(f"error: no such file: {p}", file=sys.stderr)
            return 2
    print(f"Claims' subjects against {a.gold} ({a.out / 'tables' / 'claims.csv'})")
    print(report(score(load_gold(a.gold), a.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
