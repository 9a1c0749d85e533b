"""The learned part of the measure stage: whether a quoted name (“三会一课”, “百日攻坚”) is a
measure the report says someone carries out, from the words around it.

A logistic regression over a few dozen kinds of features (the characters before and after
the quotes, the word the name ends with, its length, the cue lists of
rules/measure_cues.tsv and what the hand-written rule decides), trained on the relation
gold of ``../shared/train`` by

    python -m pipeline.measure_model --shared ../shared [--out models/measures.json]

(``make train-measures``). Training is deterministic (full-batch gradient descent from
zero weights, reports in name order); the model card inside the file gives the
cross-validated figures on train/ (five folds of reports) beside the rule's. The file is
small JSON and ships in the repository; without it the stage falls back to the rule. The
stop list (rules/measure_stop.txt) always wins: a name on it is never a measure.
"""
from __future__ import annotations

import argparse
import functools
import json
import math
import os
import re
import sys
from pathlib import Path

FEATURE_VERSION = 1
MODELS_DIR = Path(os.environ.get("EDU_MODELS_DIR", Path(__file__).resolve().parent.parent / "models"))
MODEL_NAME = "measures.json"


def plain(s: str) -> str:
    return re.sub(r"[“”\"「」『』‘’\s·•・]", "", s)


def features(lex: dict, text: str, start: int, end: int, name: str, rule_ok: bool, how: str) -> list[str]:
    """The features of the quoted name ``name`` whose quotes span text[start:end]."""
    pl = plain(name)
    before, after = text[max(0, start - 8):start], text[end:end + 6]
    f = ["bias", f"rule={rule_ok}", f"how={how}"]
    for k in (1, 2, 3):
        f += [f"A{k}={after[:k]}", f"B{k}={before[-k:]}"]
    f += [f"len={min(len(pl) // 3, 5)}", f"end={pl[-2:]}", f"end1={pl[-1:]}"]
    if re.search(r"\d", pl):
        f.append("digit")
    if re.search(r"[，,、]", name):
        f.append("comma")
    if re.match(r"[\u3400-\u9fff]", after[:1] or " "):
        f.append("nextcjk")
    if lex["suffix_re"].match(after):
        f.append("suffix")
    if lex["verb_before"].search(before):
        f.append("verb")
    if lex["named_end"].search(pl):
        f.append("named")
    if lex["not_after"].match(after) or lex["not_inside"].search(pl):
        f.append("notafter")
    if pl in lex["canon"]:
        f.append("lex")
    a = text.rfind("\n", 0, start)
    b = text.find("\n", end)
    if start - a < 40 and (b < 0 and len(text) - end < 30 or 0 <= b - end < 30):
        f.append("shortline")    # a heading or a caption
    return f


@functools.lru_cache(maxsize=None)
def load(path: str = "") -> dict | None:
    """The model (weights, threshold, card), or None when there is none."""
    p = Path(path) if path else MODELS_DIR / MODEL_NAME
    if not p.is_file():
        return None
    m = json.loads(p.read_text(encoding="utf-8"))
    return m if m.get("feature_version") == FEATURE_VERSION else None


def probability(model: dict, feats: list[str]) -> float:
    w = model["weights"]
    z = sum(w.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# ---------------------------------------------------------------- training

def candidates(lex: dict, text: str):
    """(start, end, name, features, rule decision) of every quoted name of a text, read as
    pipeline/measures.py reads them."""
    from .measures import quoted_is_measure
    prev_end, prev_ok = -10, False
    for q in lex["quote"].finditer(text):
        if q.start() - prev_end > 1:
            prev_ok = False
        before = text[max(0, q.start() - 8):q.start()]
        ok, how = quoted_is_measure(lex, before, q.group(1), text[q.end():q.end() + 4], prev_ok)
        yield q.start(), q.end(), q.group(1), features(lex, text, q.start(), q.end(), q.group(1), ok, how), ok
        prev_end, prev_ok = q.end(), ok


def examples(shared: Path) -> list[tuple[str, list[str], int, int]]:
    """(report, features, gold label, rule decision) of every quoted name in train/."""
    from . import ingest
    from .measures import _lexicon
    lex = _lexicon()
    out = []
    for gp in sorted((shared / "train" / "gold").glob("*.rel.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        did = g.get("doc_id") or gp.name[:-len(".rel.json")]
        path = next(iter(sorted((shared / "train" / "docs").glob(did + ".*"))), None)
        if path is None:
            continue
        rep = ingest.read_report(path)
        gold = {plain(m) for m in g.get("measures", [])}
        for sec in rep.sections:
            for _s, e, name, f, ok in candidates(lex, sec.text):
                pl = plain(name)
                suf = lex["suffix_re"].match(sec.text, e)
                y = pl in gold or bool(suf and pl + suf.group(0) in gold)
                out.append((did, f, int(y), int(ok)))
    return out


def fit(rows, l2: float = 1.0, iterations: int = 400, rate: float = 5.0) -> dict[str, float]:
    import numpy as np
    vocab: dict[str, int] = {}
    for _, f, *_ in rows:
        for x in f:
            vocab.setdefault(x, len(vocab))
    X = np.zeros((len(rows), len(vocab)))
    y = np.array([r[2] for r in rows], dtype=float)
    for i, (_, f, *_) in enumerate(rows):
        for x in f:
            X[i, vocab[x]] = 1.0
    w = np.zeros(len(vocab))
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        w -= rate * (X.T @ (p - y) + l2 * w) / len(y)
    return {x: round(float(w[i]), 6) for x, i in sorted(vocab.items()) if abs(w[i]) >= 1e-6}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def cross_validate(rows, threshold: float, folds: int = 5) -> dict:
    ids = sorted({r[0] for r in rows})
    m = {"model": [0, 0, 0], "rule": [0, 0, 0]}
    for k in range(folds):
        test = set(ids[k::folds])
        w = fit([r for r in rows if r[0] not in test])
        for _, f, y, ok in (r for r in rows if r[0] in test):
            for key, said in (("model", probability({"weights": w}, f) >= threshold), ("rule", bool(ok))):
                m[key][0] += said and y
                m[key][1] += said and not y
                m[key][2] += (not said) and y
    return {k: _prf(*v) for k, v in m.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.measure_model", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--out", default=str(MODELS_DIR / MODEL_NAME), type=Path)
    ap.add_argument("--threshold", type=float, default=0.3)
    a = ap.parse_args(argv)
    if not (a.shared / "train" / "gold").is_dir():
        print(f"error: {a.shared}/train/gold not found (--shared)", file=sys.stderr)
        return 2
    rows = examples(a.shared)
    cv = cross_validate(rows, a.threshold)
    model = {"feature_version": FEATURE_VERSION, "threshold": a.threshold,
             "card": {"trained_on": "train/ relation gold (measures), quoted names",
                      "examples": len(rows), "positives": sum(r[2] for r in rows),
                      "cross_validated_on_train_5_folds": cv},
             "weights": fit(rows)}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = a.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(a.out)
    print(f"{len(rows)} quoted names in train/ ({model['card']['positives']} measures); "
          f"5-fold cross-validation on train/: model {cv['model']}, rule {cv['rule']} -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
