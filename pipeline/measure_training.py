"""Training the measure model (models/measures.json, read by pipeline/measure_model.py)
from the relation gold of ``../shared/train``:

    python -m pipeline.measure_training --shared ../shared [--out models/measures.json] [--fold I/K]

(``make train-measures``). Deterministic: full-batch gradient descent from zero weights,
reports in name order. Prints, and writes into the model's card, five-fold cross-validated
figures on train/ beside the hand-written rule's; ``--fold I/K`` leaves out fold I of K of
train/ (every K-th report from I) for a held-out figure.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import ingest
from .measure_model import (FEATURE_VERSION, MODEL_NAME, MODELS_DIR, choose, features, plain,
                            probability, unquoted_candidates)
from .measures import lexicon, quoted_is_measure, rule_unquoted


def candidates(lex: dict, text: str):
    """(start, end, name, features, rule decision) of every quoted name of a text, read as
    pipeline/measures.py reads them."""
    prev_end, prev_ok = -10, False
    for q in lex["quote"].finditer(text):
        if q.start() - prev_end > 1:
            prev_ok = False
        before = text[max(0, q.start() - 8):q.start()]
        ok, how = quoted_is_measure(lex, before, q.group(1), text[q.end():q.end() + 4], prev_ok)
        yield q.start(), q.end(), q.group(1), features(lex, text, q.start(), q.end(), q.group(1), ok, how), ok
        prev_end, prev_ok = q.end(), ok


def _train_sections(shared: Path, exclude=()):
    """(report, section text, gold measure names) of every annotated report of train/."""
    for gp in sorted((shared / "train" / "gold").glob("*.rel.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        did = g.get("doc_id") or gp.name[:-len(".rel.json")]
        if did in exclude:
            continue
        path = next(iter(sorted((shared / "train" / "docs").glob(did + ".*"))), None)
        if path is None:
            continue
        gold = {plain(m) for m in g.get("measures", [])}
        for sec in ingest.read_report(path).sections:
            yield did, sec.text, gold


def examples(shared: Path, exclude=()):
    """Quoted: (report, features, gold label, rule decision) of every quoted name;
    unquoted: (report, features, gold label, (section, end), name) of every candidate."""
    lex = lexicon()
    quoted, unq = [], []
    for n, (did, text, gold) in enumerate(_train_sections(shared, exclude)):
        for _s, e, name, f, ok in candidates(lex, text):
            pl = plain(name)
            suf = lex["suffix_re"].match(text, e)
            y = pl in gold or bool(suf and pl + suf.group(0) in gold)
            quoted.append((did, f, int(y), int(ok)))
        ruled = {x[2] for x in rule_unquoted(lex, text)}
        for a, e, f in unquoted_candidates(lex, text, ruled):
            unq.append((did, f, int(text[a:e] in gold), (n, e), text[a:e]))
    return quoted, unq


def fit(rows, l2: float = 1.0, iterations: int = 1000, rate: float = 5.0) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent from zero weights (sparse binary
    features; deterministic)."""
    import numpy as np
    vocab: dict[str, int] = {}
    ri, ci = [], []
    for i, r in enumerate(rows):
        for x in r[1]:
            ri.append(i)
            ci.append(vocab.setdefault(x, len(vocab)))
    ri_a, ci_a = np.array(ri, dtype=np.int64), np.array(ci, dtype=np.int64)
    y = np.array([r[2] for r in rows], dtype=float)
    n, v = len(rows), len(vocab)
    w = np.zeros(v)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.bincount(ri_a, weights=w[ci_a], minlength=n)))
        w -= rate * (np.bincount(ci_a, weights=(p - y)[ri_a], minlength=v) + l2 * w) / n
    return {x: round(float(w[i]), 6) for x, i in sorted(vocab.items()) if abs(w[i]) >= 1e-6}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def cross_validate(rows, threshold: float, folds: int = 5) -> dict:
    """Quoted names, five folds of reports: the model against the rule, per quoted name."""
    ids = sorted({r[0] for r in rows})
    m = {"model": [0, 0, 0], "rule": [0, 0, 0]}
    for k in range(folds):
        test = set(ids[k::folds])
        part = {"weights": fit([r for r in rows if r[0] not in test])}
        for _, f, y, ok in (r for r in rows if r[0] in test):
            for key, said in (("model", probability(part, f) >= threshold), ("rule", bool(ok))):
                m[key][0] += said and y
                m[key][1] += said and not y
                m[key][2] += (not said) and y
    return {k: _prf(*v) for k, v in m.items()}


def cross_validate_unquoted(rows, threshold: float, folds: int = 5) -> dict:
    """Unquoted names, five folds of reports: correct and wrong names taken per report
    (the best start of each ending), the model against the rule."""
    ids = sorted({r[0] for r in rows})
    out = {"model": [0, 0], "rule": [0, 0]}
    for k in range(folds):
        test = set(ids[k::folds])
        part = {"weights": fit([r for r in rows if r[0] not in test])}
        by_key: dict = {}
        for did, f, y, key, name in (r for r in rows if r[0] in test):
            by_key.setdefault(key, []).append((probability(part, f), "rule" in f, len(name), did, name, y))
        taken = set()
        for cands in by_key.values():
            got = choose(cands, threshold)
            if got is not None:
                taken.add(got[3:])
        ruled = {(r[0], r[4], r[2]) for r in rows if r[0] in test and "rule" in r[1]}
        for key, names in (("model", taken), ("rule", ruled)):
            out[key][0] += sum(1 for x in names if x[2])
            out[key][1] += sum(1 for x in names if not x[2])
    return {k: {"correct": v[0], "wrong": v[1]} for k, v in out.items()}


def held_out(shared: Path, fold: str) -> set[str]:
    """The report ids of fold ``I/K`` of train/ (every K-th report from I, in name order),
    left out of training for a held-out figure; none without ``fold``."""
    if not fold:
        return set()
    i, k = (int(x) for x in fold.split("/"))
    return set(sorted(p.name[:-len(".rel.json")] for p in (shared / "train" / "gold").glob("*.rel.json"))[i::k])


def write_model(model: dict, out: Path) -> None:
    """A model file written whole or not at all (sorted keys: the same model, the same bytes)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.measure_training", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--out", default=str(MODELS_DIR / MODEL_NAME), type=Path)
    ap.add_argument("--threshold", type=float, default=0.3, help="quoted names")
    ap.add_argument("--threshold-unquoted", type=float, default=0.25)
    ap.add_argument("--fold", default="", help="I/K: leave out fold I of K of train/ (every K-th report from I), "
                                               "for a held-out figure")
    a = ap.parse_args(argv)
    if not (a.shared / "train" / "gold").is_dir():
        print(f"error: {a.shared}/train/gold not found (--shared)", file=sys.stderr)
        return 2
    exclude = held_out(a.shared, a.fold)
    quoted, unq = examples(a.shared, exclude)
    cv_q = cross_validate(quoted, a.threshold)
    cv_u = cross_validate_unquoted(unq, a.threshold_unquoted)
    model = {"feature_version": FEATURE_VERSION,
             "card": {"trained_on": "train/ relation gold (measures)",
                      "quoted": {"examples": len(quoted), "positives": sum(r[2] for r in quoted),
                                 "cross_validated_on_train_5_folds": cv_q},
                      "unquoted": {"candidates": len(unq), "positives": sum(r[2] for r in unq),
                                   "cross_validated_on_train_5_folds": cv_u}},
             "quoted": {"threshold": a.threshold, "weights": fit(quoted)},
             "unquoted": {"threshold": a.threshold_unquoted, "weights": fit(unq)}}
    write_model(model, a.out)
    print(f"quoted names in train/: {len(quoted)} ({model['card']['quoted']['positives']} measures); 5-fold "
          f"cross-validation on train/: model {cv_q['model']}, rule {cv_q['rule']}")
    print(f"unquoted candidates in train/: {len(unq)}; 5-fold cross-validation on train/ (names taken): "
          f"model {cv_u['model']}, rule {cv_u['rule']} -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
