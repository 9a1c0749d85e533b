"""``make train``: the entity model from the annotated reports and the public NER sets.

    python -m pipeline.entities.training --shared ../shared [--out models/entities.crfsuite]

Training data (nothing of it ships; only the model does):

* ``train/``: the 150 annotated in-domain reports. Each report goes through the same
  ingest and tokenizer as in a build; every occurrence of a gold string is labelled
  (longest first where strings overlap), and ``optional`` strings are cut out of the
  training sequences (neither taught as entities nor as non-entities).
* ``ner_train/``: public character-BIO sets, brought to our annotation guide where their
  conventions differ in a way that can be read off the tags (see ``convert_bio``), sampled
  with a fixed seed.

The in-domain reports are repeated (``--repeat``) so that they weigh against the much
larger public sets. CRFsuite's L-BFGS is deterministic: the same data, seed and settings
give the same model file.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import ingest, nlp as nlp_mod
from . import features, model as model_mod

TITLES = ("总书记", "书记", "主席", "总理", "部长", "省长", "市长", "县长", "局长", "校长", "院长", "老师", "先生", "女士",
          "同志", "教授", "主任", "经理", "委员长", "总统", "首相", "大使", "博士", "师傅", "队长", "科长", "处长", "厂长")


# --------------------------------------------------------------------------- in-domain gold

def _occurrences(text: str, strings: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Every occurrence of every string, longest string first, no overlaps."""
    taken = bytearray(len(text))
    out = []
    for s, lab in sorted(strings, key=lambda x: (-len(x[0]), x[0], x[1])):
        if not s:
            continue
        i = text.find(s)
        while i >= 0:
            e = i + len(s)
            if not any(taken[i:e]):
                out.append((i, e, lab))
                taken[i:e] = b"\x01" * (e - i)
            i = text.find(s, i + 1)
    return sorted(out)


def gold_sections(docs_dir: Path, gold_dir: Path, doc_ids: list[str] | None = None):
    """(doc_id, text, context, spans, masked) for every section of every annotated report."""
    for gp in sorted(gold_dir.glob("*.gold.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        did = g["doc_id"]
        if doc_ids is not None and did not in doc_ids:
            continue
        path = next((p for p in docs_dir.glob(did + ".*")), None)
        if path is None:
            continue
        rep = ingest.read_report(path)
        if rep.status != "ok":
            continue
        ents = [(e["text"], e["label"]) for e in g.get("entities", [])]
        opts = [(e["text"], "~") for e in g.get("optional", []) if (e["text"], e["label"]) not in set(ents)]
        for sec in rep.sections:
            occ = _occurrences(sec.text, ents + opts)
            spans = [o for o in occ if o[2] != "~"]
            masked = [(s, e) for s, e, lab in occ if lab == "~"]
            ctx = {"authors": sec.authors, "editor": sec.editor}
            yield did, sec.text, ctx, spans, masked


def words_of(nlp, text: str) -> list[tuple[int, int]]:
    doc = nlp.tokenizer(text)
    return doc.user_data.get("edu_word_spans") or []


def section_sequences(nlp, text, ctx, spans, masked):
    """Training sequences of one section: a sequence per sentence, cut where masked."""
    sents = nlp_mod.sentence_spans(text)
    xs = features.featurize(text, words_of(nlp, text), ctx, sents)
    y = model_mod.encode(len(text), spans)
    mask = bytearray(len(text))
    for s, e in masked:
        mask[s:e] = b"\x01" * (e - s)
    out = []
    for (a, b), x in zip(sents, xs):
        cur_x, cur_y = [], []
        for i in range(a, b):
            if mask[i]:
                if cur_x:
                    out.append((cur_x, _repair(cur_y)))
                cur_x, cur_y = [], []
                continue
            cur_x.append(x[i - a])
            cur_y.append(y[i])
        if cur_x:
            out.append((cur_x, _repair(cur_y)))
    return out


def _repair(y: list[str]) -> list[str]:
    """Tags of a piece cut out of a longer sequence stay valid BIOES."""
    return model_mod.encode(len(y), model_mod.decode(y))


# --------------------------------------------------------------------------- public BIO sets

def read_bio(path: Path):
    chars, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if chars:
                    yield chars, tags
                chars, tags = [], []
                continue
            c, _, t = line.partition("\t")
            chars.append(c or " ")
            tags.append(t or "O")
    if chars:
        yield chars, tags


LABEL_OF = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out, start, lab = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("I-") and start is not None and t[2:] == lab:
            continue
        if start is not None:
            out.append((start, i, LABEL_OF.get(lab, lab)))
            start = lab = None
        if t.startswith(("B-", "I-")):
            start, lab = i, t[2:]
    return out


def convert_bio(text: str, spans: list[tuple[int, int, str]]):
    """The public sets' spans brought to ANNOTATION.md where the tags show the difference:
    a place directly before an organisation is part of its name (四川省江油市 | 华丰中学 is
    one ORG); X政府 is an organisation (中国 | 政府); a lone surname before a title (江 |
    总书记) is optional in our guide, so it is masked."""
    out, masked = [], []
    i = 0
    spans = sorted(spans)
    while i < len(spans):
        s, e, lab = spans[i]
        if lab == "PLACE":
            j = i
            while j + 1 < len(spans) and spans[j + 1][0] == spans[j][1] and spans[j + 1][2] == "PLACE":
                j += 1
            nxt = spans[j + 1] if j + 1 < len(spans) else None
            if nxt and nxt[0] == spans[j][1] and nxt[2] == "ORG":
                out.append((s, nxt[1], "ORG"))
                i = j + 2
                continue
            if text.startswith("政府", spans[j][1]):
                out.append((s, spans[j][1] + 2, "ORG"))
                i = j + 1
                continue
        if lab == "PERSON" and e - s == 1 and text.startswith(TITLES, e):
            masked.append((s, e))
            i += 1
            continue
        out.append((s, e, lab))
        i += 1
    return out, masked


def bio_sequences(nlp, path: Path, fraction: float, seed: int, convert: bool = True):
    rng = random.Random(seed)
    out = []
    for chars, tags in read_bio(path):
        if rng.random() >= fraction:
            continue
        raw = "".join(chars)
        text = ingest.normalise_chars(raw)
        if len(text) != len(raw):
            continue
        spans = bio_spans(tags)
        masked = []
        if convert:
            spans, masked = convert_bio(text, spans)
        out += section_sequences(nlp, text, {}, spans, masked)
    return out


# --------------------------------------------------------------------------- training

def train(seqs, out: Path, *, c1: float, c2: float, iterations: int, verbose: bool = False) -> None:
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.select("lbfgs")
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 0})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(out)


def score_build(path: Path, docs_dir: Path, gold_dir: Path) -> dict:
    """The whole build with this model on annotated reports, scored as `make eval` does."""
    from .. import evaluate
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EDU_MODELS_DIR": str(path.resolve().parent)}
        if path.name != model_mod.DEFAULT_MODEL:
            (Path(tmp) / "models").mkdir()
            (Path(tmp) / "models" / model_mod.DEFAULT_MODEL).symlink_to(path.resolve())
            if model_mod.card_path(path).exists():
                model_mod.card_path(Path(tmp) / "models" / model_mod.DEFAULT_MODEL).symlink_to(
                    model_mod.card_path(path).resolve())
            env["EDU_MODELS_DIR"] = str(Path(tmp) / "models")
        subprocess.run([sys.executable, "-m", "pipeline", "build", "--input", str(docs_dir), "--out",
                        str(Path(tmp) / "out"), "--quiet", "--workers", "1"], check=True, env=env)
        gold = evaluate.load_gold(gold_dir)
        return evaluate.score(gold, evaluate.load_pred(Path(tmp) / "out" / "tables" / "mentions.csv", gold.keys()))


PUBLIC = {"msra": "msra_train.bio", "cluener": "cluener_train.bio", "resume": "resume_train.bio",
          "weibo": "weibo_train.bio"}


def train_ids(shared: Path) -> list[str]:
    return sorted(p.name[:-len(".gold.json")] for p in (shared / "train" / "gold").glob("*.gold.json"))


def fold_ids(shared: Path, fold: int, folds: int) -> list[str]:
    """The reports of ``train/`` held out in one fold of a cross-validation (every
    ``folds``-th report from ``fold``), for error analysis without touching ``dev/``."""
    return train_ids(shared)[fold::folds]


def build_sequences(shared: Path, *, train_fraction: float = 1.0, repeat: int = 3,
                    public: dict[str, float] | None = None, seed: int = 13, exclude=(), log=print,
                    stats: dict | None = None):
    """Training sequences: the in-domain reports (repeated), then the sampled public sets;
    what was used goes into ``stats`` (for the model's card)."""
    nlp = nlp_mod.load_tokenizer()
    stats = {} if stats is None else stats
    tdocs, tgold = shared / "train" / "docs", shared / "train" / "gold"
    ids = [d for d in train_ids(shared) if d not in set(exclude)]
    rng = random.Random(seed)
    if train_fraction < 1.0:
        ids = sorted(rng.sample(ids, max(1, round(len(ids) * train_fraction))))
    seqs = []
    for _did, text, ctx, spans, masked in gold_sections(tdocs, tgold, ids):
        seqs += section_sequences(nlp, text, ctx, spans, masked)
    n_in = sum(len(x) for x, _ in seqs)
    seqs = seqs * repeat
    log(f"in-domain: {len(ids)} reports, {n_in:,} characters (x{repeat})")
    stats["train"] = {"reports": len(ids), "characters": n_in, "repeat": repeat}
    for name, frac in (public or {}).items():
        t0 = time.time()
        extra = bio_sequences(nlp, shared / "ner_train" / PUBLIC[name], frac, seed)
        log(f"{name}: {len(extra):,} sequences, {sum(len(x) for x, _ in extra):,} characters "
            f"({frac:.0%} sampled, {time.time() - t0:.0f} s)")
        seqs += extra
        stats[name] = {"fraction": frac, "sentences": len(extra), "characters": sum(len(x) for x, _ in extra)}
    return seqs


def _parse_public(spec: str) -> dict[str, float]:
    out = {}
    for part in filter(None, spec.split(",")):
        k, _, v = part.partition("=")
        if k.strip() not in PUBLIC:
            raise SystemExit(f"error: unknown public set {k!r} (one of {', '.join(PUBLIC)})")
        out[k.strip()] = float(v or 1)
    return out


def _fit(a, out: Path, fraction: float, exclude=()) -> dict:
    """Train one model; returns its card (written beside it by the caller)."""
    t0 = time.time()
    stats: dict = {}
    seqs = build_sequences(a.shared, train_fraction=fraction, repeat=a.repeat, public=_parse_public(a.public),
                           seed=a.seed, exclude=exclude, stats=stats)
    print(f"features: {time.time() - t0:.0f} s; training on {len(seqs):,} sequences", flush=True)
    t1 = time.time()
    train(seqs, out, c1=a.c1, c2=a.c2, iterations=a.iterations)
    print(f"trained in {time.time() - t1:.0f} s: {out} ({out.stat().st_size / 1e6:.1f} MB)", flush=True)
    return {"model": out.name, "features_version": features.VERSION, "family": "linear-chain CRF (CRFsuite, L-BFGS)",
            "labels": "BIOES over ORG PERSON PLACE",
            "settings": {"c1": a.c1, "c2": a.c2, "iterations": a.iterations, "seed": a.seed,
                         "train_fraction": fraction, "held_out": sorted(exclude)},
            "data": stats}


def write_card(path: Path, card: dict) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(card, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(model_mod.card_path(path))


def _row(name: str, res: dict) -> str:
    cells = [f"{res[lab]['f1']:.3f}" for lab in ("ORG", "PERSON", "PLACE")]
    e = res["ENTITIES"]
    return f"| {name} | " + " | ".join(cells) + f" | {e['p']:.3f} | {e['r']:.3f} | {e['f1']:.3f} |"


HEADER = "| model | ORG F1 | PERSON F1 | PLACE F1 | P | R | F1 |\n|---|---|---|---|---|---|---|"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.entities.training", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--out", default=str(model_mod.model_path()), type=Path)
    ap.add_argument("--train-fraction", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3, help="times the in-domain reports are repeated")
    ap.add_argument("--public", default="msra=0.5,resume=1,cluener=0.5", help="name=fraction,... of ner_train sets (msra cluener resume weibo)")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 regularisation")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--fold", default="", help="I/K: hold out fold I of K of train/ (cross-validation)")
    ap.add_argument("--curve", action="store_true",
                    help="also train on 25%% and 50%% of train/ and print the learning curve on dev/")
    a = ap.parse_args(argv)
    if not (a.shared / "train" / "gold").is_dir():
        print(f"error: {a.shared}/train/gold not found (--shared)", file=sys.stderr)
        return 2
    exclude = []
    dev_docs, dev_gold, set_name = a.shared / "dev" / "docs", a.shared / "dev" / "gold", "dev/"
    holdout = tempfile.TemporaryDirectory()
    if a.fold:
        # cross-validation: score on the held-out reports of train/, not on dev/
        i, k = (int(x) for x in a.fold.split("/"))
        exclude = fold_ids(a.shared, i, k)
        dev_docs, dev_gold = Path(holdout.name) / "docs", Path(holdout.name) / "gold"
        dev_docs.mkdir()
        dev_gold.mkdir()
        for d in exclude:
            for p in (a.shared / "train" / "docs").glob(d + ".*"):
                (dev_docs / p.name).write_bytes(p.read_bytes())
            for p in (a.shared / "train" / "gold").glob(d + ".*"):
                (dev_gold / p.name).write_bytes(p.read_bytes())
        set_name = f"fold {a.fold} of train/"
    rows = []
    if a.curve:
        with tempfile.TemporaryDirectory() as tmp:
            for frac in (0.25, 0.5):
                path = Path(tmp) / f"curve-{frac}.crfsuite"
                write_card(path, _fit(a, path, frac, exclude))
                rows.append(_row(f"{frac:.0%} of train/", score_build(path, dev_docs, dev_gold)))
    card = _fit(a, a.out, a.train_fraction, exclude)
    write_card(a.out, card)
    res = score_build(a.out, dev_docs, dev_gold)
    rows.append(_row(f"{a.train_fraction:.0%} of train/", res))
    print(f"\nentities on {set_name} (the whole entity stage, {a.out.name}):")
    print(HEADER)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
