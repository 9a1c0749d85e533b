"""Experiment (issue 9, see README.md here): training the IMPLEMENTS pair model read by
impl_pair_model.py from the relation gold of ``../shared/train``:

    .venv/bin/python experiments/implements_pairs/train.py --shared ../shared --out /tmp/ip/pairs.json
                     [--fold I/K] [--cache DIR] [--l2 L] [--candidates-only] [--threshold T]

Each train/ report is extracted in-process with the shipped entity and measure models and
the pair model off; every pair of an ORG entity and a MEASURE mention of one section is
labelled by the report's gold implements (an organisation string names an entity when it is
a mention's text or norm or the entity's name or alias; a measure when its name, without
quotes, dots and spaces, is the mention's). The model learns from every pair, linked by the
rules or not (``--candidates-only``: from those the rules left only), and adds links only
where the rules made none. Deterministic: full-batch gradient descent from zero weights (the
measure model's ``fit``), reports in name order. The threshold is chosen by five-fold
cross-validation over train/ reports: the best implements F1 of the rules' links and the
model's together, among thresholds keeping that precision at least 0.6; the card gives the
figures. ``--fold I/K`` leaves out fold I of K of train/ for a held-out figure; ``--cache``
keeps each report's extraction for reruns.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from impl_pair_model import FEATURE_VERSION, MODEL_NAME, candidates, measure_targets, probability

from pipeline.doc import Mention, Relation
from pipeline.evaluate import squash
from pipeline.measure_training import fit, held_out, write_model
from pipeline.relations.implements import sentence_subjects
from pipeline.relscore import mnorm

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
MIN_PRECISION = 0.6


def extracted(shared: Path, did: str, cache: Path | None) -> dict | None:
    """The extraction of train/ report ``did`` with the pair model off."""
    if cache is not None and (cache / f"{did}.json").is_file():
        return json.loads((cache / f"{did}.json").read_text(encoding="utf-8"))
    path = next(iter(sorted((shared / "train" / "docs").glob(did + ".*"))), None)
    if path is None:
        return None
    os.environ["EDU_IMPLEMENTS_PAIRS"] = "off"
    from pipeline.extract import extract_report
    out = extract_report(path)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cache / f"{did}.json.tmp"
        tmp.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(cache / f"{did}.json")
    return out


def report_rows(did: str, rep: dict, gold: list[dict]) -> tuple[list[tuple], int, set[int]]:
    """(rows, gold pairs, gold pairs the rules found) of a report; a row is (report,
    features, label, (section, org key, measure norm), linked by the rules, gold pairs it
    finds)."""
    pairs = list(dict.fromkeys((squash(g.get("org")), mnorm(g.get("measure") or "")) for g in gold))
    rows, ruled_found = [], set()
    for sec in rep.get("sections", []):
        ms = [Mention(**m) for m in sec["mentions"]]
        rels = [Relation(**r) for r in sec["relations"]]
        names: dict[str, set[str]] = {}
        for m in ms:
            names.setdefault(m.key, set()).update({squash(m.text), squash(m.norm)})
        for k, e in (sec.get("entities") or {}).items():
            names.setdefault(k, set()).update({squash(e.get("name"))} | {squash(a) for a in e.get("aliases", [])})
        mnames: dict[str, set[str]] = {}
        for m in ms:
            if m.label == "MEASURE":
                for t in measure_targets(m):
                    mnames.setdefault(t, set()).update({mnorm(t[len("measure:"):]), mnorm(m.text)})

        def finds(org_key: str, targets: list[str]) -> set[int]:
            got = set()
            for i, (go, gm) in enumerate(pairs):
                if go in names.get(org_key, ()) and any(gm in mnames.get(t, {mnorm(t[8:])}) for t in targets):
                    got.add(i)
            return got

        for r in rels:
            if r.type == "IMPLEMENTS":
                ruled_found |= finds(r.source, [r.target])
        orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
        spans = [tuple(s) for s in sec.get("sentences") or []] or [(0, len(sec["text"]))]
        subjects = sentence_subjects(sec["text"], orgs, spans)
        for key, mm, _sp, f, ruled in candidates(sec["text"], spans, ms, rels, subjects, with_linked=True):
            got = finds(key, measure_targets(mm))
            rows.append((did, f, int(bool(got)), (sec["doc_id"], key, mm.norm), ruled, frozenset(got)))
    return rows, len(pairs), ruled_found


def examples(shared: Path, exclude=(), cache: Path | None = None) -> tuple[list[tuple], dict]:
    """All rows of train/ (less ``exclude``) and, per report, (gold pairs, found by the rules)."""
    rows, per = [], {}
    for gp in sorted((shared / "train" / "gold").glob("*.rel.json")):
        did = gp.name[:-len(".rel.json")]
        if did in exclude:
            continue
        g = json.loads(gp.read_text(encoding="utf-8"))
        rep = extracted(shared, did, cache)
        if rep is None:
            continue
        r, n, found = report_rows(did, rep, g.get("implements", []))
        rows += r
        per[did] = (n, found)
    return rows, per


def prf(tp: int, n_sys: int, found: int, n_gold: int) -> dict:
    p = tp / n_sys if n_sys else 0.0
    r = found / n_gold if n_gold else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "links": n_sys, "right": tp, "found": found, "gold": n_gold}


def scored(rows, per: dict, weights_of, thresholds=THRESHOLDS) -> dict:
    """Per threshold: implements of the rules and the model together on the reports of
    ``per``, the model's links being the candidate pairs (best measure mention of each)
    at or above it; ``weights_of(report)`` gives the weights that score a report."""
    best: dict = {}
    for did, f, y, key, ruled, got in rows:
        if ruled or did not in per:
            continue
        pr = probability(weights_of(did), f)
        if key not in best or pr > best[key][0]:
            best[key] = (pr, did, got)
    n_gold = sum(n for n, _ in per.values())
    rule_links = {(did, key) for did, f, y, key, ruled, got in rows if ruled and did in per}
    rule_right = {(did, key) for did, f, y, key, ruled, got in rows if ruled and got and did in per}
    out = {}
    for t in thresholds:
        found = {(d, i) for d, (_, fs) in per.items() for i in fs}
        n_sys, tp = len(rule_links), len(rule_right)
        for key, (pr, did, got) in best.items():
            if pr >= t:
                n_sys += 1
                tp += bool(got)
                found |= {(did, i) for i in got}
        out[t] = prf(tp, n_sys, len(found), n_gold)
    return out


def cross_validate(rows, per: dict, folds: int = 5, l2: float = 1.0, only_candidates: bool = True) -> dict:
    ids = sorted(per)
    weights = {}
    for k in range(folds):
        test = set(ids[k::folds])
        w = fit([r for r in rows if r[0] not in test and not (only_candidates and r[4])], l2=l2)
        weights.update({d: w for d in test})
    return scored(rows, per, weights.get)


def choose_threshold(cv: dict) -> float:
    ok = [t for t in THRESHOLDS if cv[t]["P"] >= MIN_PRECISION]
    return max(ok, key=lambda t: (cv[t]["F1"], t)) if ok else THRESHOLDS[-1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="experiments/implements_pairs/train.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--out", default="/tmp/ip/" + MODEL_NAME, type=Path)
    ap.add_argument("--fold", default="", help="I/K: leave out fold I of K of train/ (every K-th report from I)")
    ap.add_argument("--cache", default=None, type=Path, help="a folder keeping each report's extraction")
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--candidates-only", action="store_true", help="learn only from the pairs the rules left")
    ap.add_argument("--threshold", type=float, default=None, help="instead of the cross-validated choice")
    a = ap.parse_args(argv)
    if not (a.shared / "train" / "gold").is_dir():
        print(f"error: {a.shared}/train/gold not found (--shared)", file=sys.stderr)
        return 2
    rows, per = examples(a.shared, held_out(a.shared, a.fold), a.cache)
    only = a.candidates_only
    cv = cross_validate(rows, per, l2=a.l2, only_candidates=only)
    thr = a.threshold if a.threshold is not None else choose_threshold(cv)
    train_rows = [r for r in rows if not (only and r[4])]
    rules_only = scored(rows, per, lambda d: {}, thresholds=(1.01,))[1.01]
    model = {"feature_version": FEATURE_VERSION,
             "card": {"trained_on": "train/ relation gold (implements); candidates: ORG entity and MEASURE mention "
                                    "pairs of a section the rules did not link, mentions of the shipped models"
                                    + (f", fold {a.fold} left out" if a.fold else ""),
                      "reports": len(per), "pairs": len(rows), "learned_from": len(train_rows),
                      "positives": sum(r[2] for r in train_rows),
                      "fit": f"logistic regression, L2 {a.l2}, 1000 full-batch steps from zero",
                      "threshold": thr, "rules_only_on_train": rules_only,
                      "rules_and_model_cross_validated_on_train_5_folds": {str(t): v for t, v in cv.items()}},
             "threshold": thr, "weights": fit(train_rows, l2=a.l2)}
    write_model(model, a.out)
    print(f"pairs in train/: {len(rows)}, learned from {len(train_rows)} ({model['card']['positives']} gold); "
          f"rules only on train/: {rules_only}")
    for t in THRESHOLDS:
        print(f"  threshold {t}: rules + model, 5-fold cross-validation on train/ {cv[t]}")
    print(f"threshold {thr} -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
