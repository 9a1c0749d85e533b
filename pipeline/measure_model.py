"""The learned part of the measure stage, two logistic regressions trained on the relation
gold of ``../shared/train``:

* quoted names (“三会一课”, “百日攻坚”): is it a measure the report says someone carries out,
  from the characters before and after the quotes, the word the name ends with, its length,
  the cue lists of rules/measure_cues.tsv and what the hand-written rule decides;
* unquoted names ending like an initiative (rules/measure_cues.tsv ``model_end``: 联研机制,
  校园民族文化节): every start within 20 characters is a candidate, the model scores them
  from the characters around the start, the ending, the length and the rule's own reading,
  and the best start is kept when it scores high enough.

Trained by

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

FEATURE_VERSION = 2
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


def unquoted_features(lex: dict, text: str, a: int, e: int, end_word: str, ruled: set, clause_verb: bool) -> list[str]:
    """The features of the unquoted candidate text[a:e], which ends with ``end_word``."""
    name = text[a:e]
    b1 = text[a - 1:a] if a > 0 else "^"
    f = ["bias", f"suf={end_word}", f"len={min(len(name) // 2, 9)}", f"f1={name[:1]}", f"f2={name[:2]}",
         f"b1={b1}", f"b2={text[max(0, a - 2):a]}", f"pre={name[len(name) - len(end_word) - 2:len(name) - len(end_word)]}",
         f"a1={text[e:e + 1]}", f"suf_len={end_word}_{min(len(name), 12)}"]
    if not re.match(r"[\u3400-\u9fff]", b1):
        f.append("bpunct")
    if lex["verb_lead_before"].search(text[max(0, a - 6):a]):
        f.append("bverb")
    if re.search(r"[的和及与]", name):
        f.append("conj")
    if name in ruled:
        f.append("rule")
    if clause_verb:
        f.append("cverb")
    if name in lex["canon"]:
        f.append("lex")
    if plain(name) in lex["stop"]:
        f.append("stop")
    return f


def unquoted_candidates(lex: dict, text: str, ruled: set):
    """(start, end, features) of every unquoted candidate name of a text."""
    for m in lex["model_end"].finditer(text):
        e = m.end()
        if re.match(r"[\u3400-\u9fff]", text[e:e + 1]) and lex["model_end"].match(text, e):
            continue      # 管理 of 管理制度: the longer name ends later
        for a in range(max(0, e - 20), m.start()):
            if not re.fullmatch(r"[\u3400-\u9fff0-9A-Za-z+]+", text[a:e]):
                continue
            clause = re.split(r"[，。；;！？,\n]", text[max(0, a - 30):a])[-1]
            yield a, e, unquoted_features(lex, text, a, e, m.group(0), ruled, bool(lex["verb_any"].search(clause)))


def unquoted(lex: dict, text: str, ruled: set, part: dict) -> list[tuple[int, int, float]]:
    """(start, end, probability) of the unquoted names the model takes: for each ending,
    the best-scoring start, when it reaches the threshold."""
    best: dict[int, tuple[float, int]] = {}
    for a, e, f in unquoted_candidates(lex, text, ruled):
        p = probability(part, f)
        if e not in best or _better(p, "rule" in f, best[e], part["threshold"]):
            best[e] = (p, a, "rule" in f)
    return [(a, e, p) for e, (p, a, _) in sorted(best.items()) if p >= part["threshold"]
            and plain(text[a:e]) not in lex["stop"]]


def _better(p: float, ruled: bool, old: tuple, threshold: float) -> bool:
    """Whether a start scoring ``p`` beats the best so far for the same ending: the higher
    score, except that a start the hand-written rule reads (实施日报和零报告制度 -> 日报和零报告
    制度) wins over the others once both reach the threshold."""
    if ruled != old[2] and p >= threshold and old[0] >= threshold:
        return ruled
    return p > old[0]


@functools.lru_cache(maxsize=None)
def load(path: str = "") -> dict | None:
    """The model ({"quoted": part, "unquoted": part}, each with weights and threshold), or
    None when there is none."""
    p = Path(path) if path else MODELS_DIR / MODEL_NAME
    if not p.is_file():
        return None
    m = json.loads(p.read_text(encoding="utf-8"))
    return m if m.get("feature_version") == FEATURE_VERSION else None


def probability(part: dict, feats: list[str]) -> float:
    w = part["weights"]
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


def _train_sections(shared: Path, exclude=()):
    """(report, section text, gold measure names) of every annotated report of train/."""
    from . import ingest
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
    from .measures import _lexicon, rule_unquoted
    lex = _lexicon()
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
        best: dict = {}
        for did, f, y, key, name in (r for r in rows if r[0] in test):
            p = probability(part, f)
            if key not in best or _better(p, "rule" in f, (best[key][0], None, best[key][4]), threshold):
                best[key] = (p, did, name, y, "rule" in f)
        taken = {(did, name, y) for p, did, name, y, _ in best.values() if p >= threshold}
        ruled = {(r[0], r[4], r[2]) for r in rows if r[0] in test and "rule" in r[1]}
        for key, names in (("model", taken), ("rule", ruled)):
            out[key][0] += sum(1 for x in names if x[2])
            out[key][1] += sum(1 for x in names if not x[2])
    return {k: {"correct": v[0], "wrong": v[1]} for k, v in out.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.measure_model", description=__doc__.split("\n\n")[0])
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
    exclude = ()
    if a.fold:
        i, k = (int(x) for x in a.fold.split("/"))
        exclude = set(sorted(p.name[:-len(".rel.json")] for p in (a.shared / "train" / "gold").glob("*.rel.json"))[i::k])
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
    a.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = a.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(a.out)
    print(f"quoted names in train/: {len(quoted)} ({model['card']['quoted']['positives']} measures); 5-fold "
          f"cross-validation on train/: model {cv_q['model']}, rule {cv_q['rule']}")
    print(f"unquoted candidates in train/: {len(unq)}; 5-fold cross-validation on train/ (names taken): "
          f"model {cv_u['model']}, rule {cv_u['rule']} -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
