"""Write the DocBins for the spaCy NER experiment (character tokens).

    .venv/bin/python experiments/spacy_ner/make_data.py \
        --shared ../shared --out /tmp/spacy_ner

train.spacy: train/ reports minus the held-out ones (x --repeat) + a seeded --msra sample
of ner_train/msra_train.bio (converted to ANNOTATION.md as the CRF does, via convert_bio).
heldout.spacy: --heldout train/ reports chosen by seed (spaCy's own dev for model-best).
../shared/dev is never read here.

One Doc per sentence (pipeline.nlp.sentence_spans), one token per character, no spaces.
`optional` gold strings (and surnames before titles in MSRA) are set as missing
annotation, not as O. Entities that cross a sentence boundary are set missing too.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from pipeline import ingest
from pipeline.nlp import sentence_spans
from pipeline.entities.training import bio_spans, convert_bio, gold_sections, read_bio


def make_doc(vocab, text, spans, masked):
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    ents = [doc.char_span(s, e, label=lab) for s, e, lab in spans]
    miss = [doc.char_span(s, e) for s, e in masked]
    doc.set_ents([x for x in ents if x is not None], missing=[x for x in miss if x is not None],
                 default="outside")
    return doc


def sentence_docs(vocab, text, spans, masked):
    """Per sentence: spans and masked regions clipped to it; a span crossing the
    sentence boundary becomes missing."""
    out = []
    for a, b in sentence_spans(text):
        sp, ms = [], []
        for s, e, lab in spans:
            if s >= a and e <= b:
                sp.append((s - a, e - a, lab))
            elif s < b and e > a:
                ms.append((max(s, a) - a, min(e, b) - a))
        for s, e in masked:
            if s < b and e > a:
                ms.append((max(s, a) - a, min(e, b) - a))
        out.append(make_doc(vocab, text[a:b], sp, ms))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/spacy_ner"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--heldout", type=int, default=15)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--msra", type=float, default=0.5)
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")
    tdocs, tgold = a.shared / "train" / "docs", a.shared / "train" / "gold"
    ids = sorted(p.name[: -len(".gold.json")] for p in tgold.glob("*.gold.json"))
    held = sorted(random.Random(a.seed).sample(ids, a.heldout))
    train_ids = [i for i in ids if i not in held]

    def indomain(which):
        docs, n_chars, n_ents, n_masked = [], 0, 0, 0
        for _did, text, _ctx, spans, masked in gold_sections(tdocs, tgold, which):
            for d in sentence_docs(nlp.vocab, text, spans, masked):
                docs.append(d)
                n_chars += len(d)
                n_ents += len(d.ents)
                n_masked += sum(1 for t in d if t.ent_iob == 0)
        return docs, n_chars, n_ents, n_masked

    tr, c, e, m = indomain(train_ids)
    print(f"in-domain train: {len(train_ids)} reports, {len(tr):,} sentences, {c:,} chars, {e:,} entities, "
          f"{m:,} masked chars (x{a.repeat})")
    he, hc, hent, hm = indomain(held)
    print(f"held-out (spaCy dev): {len(held)} reports {held}, {len(he):,} sentences, {hc:,} chars, {hent:,} entities")

    # MSRA: the same seeded sample as pipeline.entities.training.bio_sequences
    rng = random.Random(a.seed)
    ms, mc, ment, skipped = [], 0, 0, 0
    for chars, tags in read_bio(a.shared / "ner_train" / "msra_train.bio"):
        if rng.random() >= a.msra:
            continue
        raw = "".join(chars)
        text = ingest.normalise_chars(raw)
        if len(text) != len(raw):
            skipped += 1
            continue
        spans, masked = convert_bio(text, bio_spans(tags))
        for d in sentence_docs(nlp.vocab, text, spans, masked):
            ms.append(d)
            mc += len(d)
            ment += len(d.ents)
    print(f"msra: {a.msra:.0%} sample, {len(ms):,} docs, {mc:,} chars, {ment:,} entities, {skipped} skipped (length changed)")

    train_docs = tr * a.repeat + ms
    random.Random(a.seed).shuffle(train_docs)
    DocBin(docs=train_docs, store_user_data=False).to_disk(a.out / "train.spacy")
    DocBin(docs=he, store_user_data=False).to_disk(a.out / "heldout.spacy")
    print(f"wrote {a.out / 'train.spacy'} ({len(train_docs):,} docs, {c * a.repeat + mc:,} chars) and "
          f"{a.out / 'heldout.spacy'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
