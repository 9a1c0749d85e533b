"""Score the spaCy character NER on ../shared/dev with the project's scoring, and
measure its speed (and the CRF's, if models/entities.crfsuite exists).

    .venv/bin/python experiments/spacy_ner/score.py \
        --model /tmp/spacy_ner/model/model-best [--bench] [--json out.json]

Scoring (as pipeline.entities.training.score_model): per report, sets of (label, text) for
ORG/PERSON/PLACE; gold `optional` strings that are not also gold entities are removed from
the predictions (neither right nor wrong); micro P/R/F1 per label and overall.
Each report goes through pipeline.ingest.read_report; each section's text is cut into
sentences with pipeline.nlp.sentence_spans and each sentence is tagged as character tokens.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import functions  # noqa: F401,E402  (registers CharNgramEmbed.v1)
import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from pipeline import ingest  # noqa: E402
from pipeline.nlp import sentence_spans  # noqa: E402

LABELS = ("ORG", "PERSON", "PLACE")


def load_sections(docs_dir: Path):
    """[(doc_id, [(text, context), ...])] for every dev report, via the pipeline's ingest."""
    out = []
    for p in sorted(docs_dir.iterdir()):
        if p.suffix not in ingest.SUPPORTED_SUFFIXES:
            continue
        rep = ingest.read_report(p)
        secs = [(s.text, {"authors": s.authors, "editor": s.editor}) for s in rep.sections] if rep.status == "ok" else []
        out.append((p.stem, secs))
    return out


def spacy_spans(nlp, text: str):
    """(start, end, label) of the spaCy model on one section: one Doc per sentence."""
    sents = sentence_spans(text)
    docs = (Doc(nlp.vocab, words=list(text[a:b]), spaces=[False] * (b - a)) for a, b in sents)
    out = []
    for (a, _b), doc in zip(sents, nlp.pipe(docs, batch_size=64)):
        out += [(a + e.start_char, a + e.end_char, e.label_) for e in doc.ents]
    return out


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(pred_by_doc: dict, gold_dir: Path) -> dict:
    counts = {lab: [0, 0, 0] for lab in LABELS}
    for gp in sorted(gold_dir.glob("*.gold.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        G = {(e["label"], e["text"]) for e in g.get("entities", [])}
        O = {(e["label"], e["text"]) for e in g.get("optional", [])} - G
        P = pred_by_doc.get(g["doc_id"], set()) - O
        for lab in LABELS:
            gl = {x for x in G if x[0] == lab}
            pl = {x for x in P if x[0] == lab}
            counts[lab][0] += len(gl & pl)
            counts[lab][1] += len(pl - gl)
            counts[lab][2] += len(gl - pl)
    res, tot = {}, [0, 0, 0]
    for lab, c in counts.items():
        res[lab] = _prf(*c)
        tot = [a + b for a, b in zip(tot, c)]
    res["ALL"] = _prf(*tot)
    return res


def bench(fn, reports, runs=3):
    """Best of `runs` passes over all sections: (chars/s wall, chars/s CPU of this process)."""
    n = sum(len(t) for _d, secs in reports for t, _c in secs)
    best_w = best_c = float("inf")
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for _d, secs in reports:
            for text, ctx in secs:
                fn(text, ctx)
        best_w = min(best_w, time.perf_counter() - t0)
        best_c = min(best_c, time.process_time() - c0)
    return {"chars": n, "chars_per_s": round(n / best_w), "chars_per_cpu_s": round(n / best_c),
            "best_wall_s": round(best_w, 3)}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=Path("/tmp/spacy_ner/model/model-best"))
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--bench", action="store_true", help="also measure chars/s (best of 3)")
    ap.add_argument("--crf", type=Path, default=Path(__file__).resolve().parents[2] / "models" / "entities.crfsuite")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    nlp = spacy.load(a.model)
    reports = load_sections(a.shared / "dev" / "docs")
    pred = {}
    for did, secs in reports:
        for text, _ctx in secs:
            for s, e, lab in spacy_spans(nlp, text):
                pred.setdefault(did, set()).add((lab, text[s:e]))
    res = {"spacy": score(pred, a.shared / "dev" / "gold")}
    print("spaCy char NER on dev/:")
    for lab, r in res["spacy"].items():
        print(f"  {lab:7s} P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}   (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
    if a.bench:
        res["speed_spacy"] = bench(lambda t, c: spacy_spans(nlp, t), reports)
        print("spaCy speed:", res["speed_spacy"])
        if a.crf.exists():
            from pipeline import nlp as nlp_mod
            from pipeline.entities.model import EntityModel
            m = EntityModel(a.crf)
            pnlp = nlp_mod.load()

            def crf(text, ctx):
                words = pnlp.tokenizer(text).user_data.get("edu_word_spans") or []
                return m.spans(text, words, ctx, sentence_spans(text))
            res["speed_crf"] = bench(crf, reports)
            print("CRF speed (incl. pipeline tokenizer for word spans):", res["speed_crf"])
            # the CRF alone, word spans computed beforehand (the tokenizer runs in a build anyway)
            words = {id(t): pnlp.tokenizer(t).user_data.get("edu_word_spans") or [] for _d, secs in reports for t, _c in secs}
            res["speed_crf_model_only"] = bench(lambda t, c: m.spans(t, words[id(t)], c, sentence_spans(t)), reports)
            print("CRF speed (model only):", res["speed_crf_model_only"])
            cpred = {}
            for did, secs in reports:
                for text, ctx in secs:
                    for s, e, lab, _p in crf(text, ctx):
                        cpred.setdefault(did, set()).add((lab, text[s:e]))
            res["crf"] = score(cpred, a.shared / "dev" / "gold")
            print(f"CRF ({a.crf}) on dev/ with the same scoring:")
            for lab, r in res["crf"].items():
                print(f"  {lab:7s} P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}   (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
        else:
            print(f"no CRF model at {a.crf}: CRF speed skipped")
    if a.json:
        a.json.write_text(json.dumps(res, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
