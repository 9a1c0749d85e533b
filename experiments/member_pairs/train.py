"""Experiment (issue 9, see README.md here): training the MEMBER_OF pair model read by
pair_model.py from the relation gold of ``../shared/train``:

    .venv/bin/python experiments/member_pairs/train.py --shared ../shared --out /tmp/mp/pairs.json
                     [--fold I/K] [--cache DIR] [--threshold T] [--l2 L]

Each train/ report is extracted in-process with the shipped
models and the pair model switched off; every candidate pair (a PERSON and an ORG mention in
one sentence that the rules did not link) is labelled by the report's gold member_of pairs
(a gold string names a mention when it is the mention's text or norm, or its entity's name
or alias). Deterministic: full-batch gradient descent from zero weights (the measure model's
``fit``), reports in name order. The threshold is chosen by five-fold cross-validation over
reports (the best F1 of the added links against the gold links the rules missed, among
thresholds keeping precision at least 0.8; the model learns from every pair, linked by the
rules or not, and is scored on those the rules did not link), and the card gives the cross-validated figures.
``--fold I/K`` leaves out fold I of K of train/ for a held-out figure; ``--cache DIR`` keeps
the extracted reports (a JSON file per report) for reruns.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from pair_model import FEATURE_VERSION, MODEL_NAME, candidates, probability

from pipeline.doc import Mention, Relation
from pipeline.measure_training import fit, held_out, write_model

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)
MIN_PRECISION = 0.8


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def extracted(shared: Path, did: str, cache: Path | None) -> dict | None:
    """The extraction of train/ report ``did`` (sections with text, sentences, mentions,
    entities, relations), with the pair model off."""
    if cache is not None and (cache / f"{did}.json").is_file():
        return json.loads((cache / f"{did}.json").read_text(encoding="utf-8"))
    path = next(iter(sorted((shared / "train" / "docs").glob(did + ".*"))), None)
    if path is None:
        return None
    os.environ["EDU_MEMBER_PAIRS"] = "off"
    from pipeline.extract import extract_report
    out = extract_report(path)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / f"{did}.json").write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return out


def report_rows(did: str, rep: dict, gold: list[dict]) -> list[tuple]:
    """(report, features, label, (section, person key, org key), linked by the rules) of
    every pair of a report: the model learns from all pairs, and adds links only where the
    rules made none."""
    rows = []
    gold_pairs = {(squash(g.get("person")), squash(g.get("org"))) for g in gold}
    for sec in rep.get("sections", []):
        ms = [Mention(**m) for m in sec["mentions"]]
        rels = [Relation(**r) for r in sec["relations"]]
        ents = sec.get("entities") or {}
        names: dict[str, set[str]] = {}
        for m in ms:
            names.setdefault(m.key, set()).update({squash(m.text), squash(m.norm)})
        for k, e in ents.items():
            names.setdefault(k, set()).update({squash(e.get("name"))} | {squash(a) for a in e.get("aliases", [])})
        spans = [tuple(s) for s in sec.get("sentences") or []]
        for p, o, _sp, f, ruled in candidates(sec["text"], spans, ms, rels, with_linked=True):
            y = any(gp in names.get(p.key, ()) and go in names.get(o.key, ()) for gp, go in gold_pairs)
            rows.append((did, f, int(y), (sec["doc_id"], p.key, o.key), ruled))
    return rows


def examples(shared: Path, exclude=(), cache: Path | None = None) -> list[tuple]:
    rows = []
    for gp in sorted((shared / "train" / "gold").glob("*.rel.json")):
        did = gp.name[:-len(".rel.json")]
        if did in exclude:
            continue
        g = json.loads(gp.read_text(encoding="utf-8"))
        rep = extracted(shared, did, cache)
        if rep is not None:
            rows += report_rows(did, rep, g.get("member_of", []))
    return rows


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "correct": tp, "wrong": fp, "missed": fn}


def cross_validate(rows, folds: int = 5, l2: float = 1.0) -> dict[float, dict]:
    """Per threshold, five folds of reports: the entity pairs added (best mention pair of each)
    against the candidate entity pairs the gold links."""
    ids = sorted({r[0] for r in rows})
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for k in range(folds):
        test = set(ids[k::folds])
        w = fit([r for r in rows if r[0] not in test], l2=l2)
        best: dict = {}
        for did, f, y, key, ruled in (r for r in rows if r[0] in test):
            if ruled:
                continue
            pr = probability(w, f)
            if key not in best or pr > best[key][0]:
                best[key] = (pr, y)
        for key, (pr, y) in best.items():
            for t in THRESHOLDS:
                said = pr >= t
                counts[t][0] += said and y
                counts[t][1] += said and not y
                counts[t][2] += (not said) and y
    return {t: _prf(*c) for t, c in counts.items()}


def choose_threshold(cv: dict[float, dict]) -> float:
    ok = [t for t in THRESHOLDS if cv[t]["P"] >= MIN_PRECISION and cv[t]["correct"]]
    return max(ok, key=lambda t: (cv[t]["F1"], t)) if ok else THRESHOLDS[-1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="experiments/member_pairs/train.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--out", default="/tmp/mp/" + MODEL_NAME, type=Path)
    ap.add_argument("--fold", default="", help="I/K: leave out fold I of K of train/ (every K-th report from I)")
    ap.add_argument("--cache", default=None, type=Path, help="a folder keeping each report's extraction")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=None, help="instead of the cross-validated choice")
    a = ap.parse_args(argv)
    if not (a.shared / "train" / "gold").is_dir():
        print(f"error: {a.shared}/train/gold not found (--shared)", file=sys.stderr)
        return 2
    exclude = held_out(a.shared, a.fold)
    rows = examples(a.shared, exclude, a.cache)
    cv = cross_validate(rows, l2=a.l2)
    thr = a.threshold if a.threshold is not None else choose_threshold(cv)
    model = {"feature_version": FEATURE_VERSION,
             "card": {"trained_on": "train/ relation gold (member_of), candidates: PERSON-ORG mention pairs in a "
                                    "sentence the rules did not link, mentions of the shipped entity model"
                                    + (f", fold {a.fold} left out" if a.fold else ""),
                      "pairs": len(rows), "positives": sum(r[2] for r in rows),
                      "candidates_not_linked_by_rules": sum(1 for r in rows if not r[4]),
                      "their_positives": sum(r[2] for r in rows if not r[4]),
                      "fit": f"logistic regression, L2 {a.l2}, 1000 full-batch steps from zero",
                      "threshold": thr,
                      "cross_validated_on_train_5_folds": {str(t): v for t, v in cv.items()}},
             "threshold": thr, "weights": fit(rows, l2=a.l2)}
    write_model(model, a.out)
    print(f"pairs in train/: {len(rows)} ({model['card']['positives']} gold; not linked by the rules: "
          f"{sum(1 for r in rows if not r[4])}, {sum(r[2] for r in rows if not r[4])} gold)")
    for t in THRESHOLDS:
        print(f"  threshold {t}: 5-fold cross-validation on train/ {cv[t]}")
    print(f"threshold {thr} -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
