"""Experiment (issue 9; not part of the pipeline, see README.md here): IMPLEMENTS from a
learned pair classifier, for the links the hand-written readings of
pipeline/relations/implements.py leave out (a report's main actor named in an earlier
sentence or the title, several organisations named together as subjects).

Every (organisation, measure) pair of one section that the rules did not link is a
candidate: each ORG entity (media and a report's own outlet, 本报/本网, never) with each
MEASURE mention. A logistic regression (a JSON file trained on the relation gold of
``../shared/train`` by train.py here) scores it from general features of the report's
structure only: whether the organisation is the subject of the measure's sentence, of the
sentences before it, of the first sentence, of the paragraph (the subjects are the ones
implements.sentence_subjects reads); how often the report names it and makes it a subject,
its rank and share among the organisations, whether it is the first named; how many
sentences back it was last named; its kind and the character its name ends with; a byline
line naming it; whether the measure's sentence names another organisation or has a subject
of its own; a cue verb (rules/measure_cues.tsv ``verb``) right before the measure or
between; how the measure stage found the measure and how sure it was; whether the rules
linked the organisation or the measure elsewhere. A pair scoring at least the model's
threshold becomes a link whose basis says ``learned pair model`` with its score,
confidence ``inferred``, evidenced by the measure's sentence.

Without a model (``EDU_IMPLEMENTS_PAIRS`` names the file; unset or ``off``: none) nothing
is added. To measure it, copy this file to pipeline/relations/implements_model.py, import
it in implements.py and end implements.find with

    if implements_model.current_model() is None:
        return out
    orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
    spans = [tuple(x) for x in (doc._.sent_spans or [])] or [(0, len(text))]
    return out + implements_model.find(text, spans, ms, out, sentence_subjects(text, orgs, spans))

"""
from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import os
import re
from pathlib import Path

from pipeline import rules
from pipeline.doc import Mention, Relation
from pipeline.names import OWN_OUTLET
from pipeline.relations.common import INFERRED, cues, relation

FEATURE_VERSION = 1
MODEL_NAME = "implements_pairs.json"
BASIS = "learned pair model"
NOT_ACTORS = ("media",)
CLAUSE = re.compile(r"[，,；;：:]")
BYLINE = re.compile(r"来源|作者|记者|通讯员|编辑|责编|供稿|发布时间")


def model_path() -> Path | None:
    """``EDU_IMPLEMENTS_PAIRS``: the model file; unset or ``off``: none."""
    env = os.environ.get("EDU_IMPLEMENTS_PAIRS", "")
    return Path(env) if env and env != "off" else None


@functools.lru_cache(maxsize=None)
def load_model(path: str) -> dict | None:
    p = Path(path)
    if not p.is_file():
        return None
    m = json.loads(p.read_text(encoding="utf-8"))
    return m if m.get("feature_version") == FEATURE_VERSION else None


def current_model() -> dict | None:
    p = model_path()
    return load_model(str(p)) if p is not None else None


@functools.lru_cache(maxsize=None)
def verb_pattern() -> re.Pattern:
    """A measure cue verb (rules/measure_cues.tsv ``verb``) ending right before a measure."""
    words = sorted({row[1] for row in rules.table("measure_cues.tsv") if row[0] == "verb" and len(row) > 1},
                   key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words)) or '(?!)'})[了好]?[“《]?$")


def _bucket(n: int, limits=(0, 1, 2, 3, 5, 8)) -> str:
    for lim in limits:
        if n <= lim:
            return str(lim)
    return "more"


def is_actor_kind(o: Mention) -> bool:
    """Media (bylines, sources) and a report's own outlet never carry out a measure."""
    return o.attrs.get("kind") not in NOT_ACTORS and not o.text.startswith(OWN_OUTLET)


def measure_targets(mm: Mention) -> list[str]:
    return [f"measure:{c}" for c in [mm.norm] + list(mm.attrs.get("also", [])) if c]


def candidates(text: str, spans: list[tuple[int, int]], ms: list[Mention], rels: list[Relation],
               subjects: list[tuple[str, ...]], with_linked: bool = False):
    """(organisation key, measure mention, sentence span, features, linked by the rules) of
    every pair of an ORG entity and a MEASURE mention of a section; ``subjects`` holds,
    per sentence of ``spans``, the keys of the organisations it opens with as its subject
    (implements.sentence_subjects). Pairs the rules linked only with ``with_linked``."""
    spans = [tuple(s) for s in spans] or [(0, len(text))]
    starts = [a for a, _ in spans]

    def sent(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
    measures = sorted((m for m in ms if m.label == "MEASURE" and m.norm), key=lambda m: m.start)
    persons = [m for m in ms if m.label == "PERSON"]
    if not orgs or not measures:
        return
    linked = {(r.source, r.target) for r in rels if r.type == "IMPLEMENTS"}
    by_key: dict[str, list[Mention]] = {}
    for o in orgs:
        by_key.setdefault(o.key, []).append(o)
    actors = {k: v for k, v in by_key.items() if all(is_actor_kind(o) for o in v)}
    counts = {k: len(v) for k, v in actors.items()}
    ranked = sorted(set(counts.values()), reverse=True)
    first_subjects = next((s for s in subjects if s), ())
    subj_counts: dict[str, int] = {}
    for keys in subjects:
        for key in keys:
            subj_counts[key] = subj_counts.get(key, 0) + 1
    top_subj = max(subj_counts.values(), default=0)
    firsts = [o.key for o in orgs if o.key in actors]
    first_actor = firsts[0] if firsts else ""
    bylined = {o.key for o in orgs if BYLINE.search(text[spans[sent(o.start)][0]:spans[sent(o.start)][1]])}
    carry = tuple(cues("carry")) + tuple(cues("carry_verb"))
    verb = verb_pattern()
    for mm in measures:
        k = sent(mm.start)
        s, e = spans[k]
        targets = measure_targets(mm)
        opens = text[s:mm.start].lstrip()
        in_sent = [o for o in orgs if s <= o.start and o.end <= mm.start and is_actor_kind(o)]
        para = text.rfind("\n", 0, s) + 1
        para_subj = next((subjects[j] for j in range(sent(para), k + 1) if j < len(subjects) and subjects[j]), ())
        latest = next((subjects[j] for j in range(k, -1, -1) if j < len(subjects) and subjects[j]), ())
        common = ["bias", f"actors={_bucket(len(actors), (1, 2, 3, 5))}", f"measures={_bucket(len(measures), (1, 2, 4, 8))}"]
        if verb.search(text[max(s, mm.start - 8):mm.start]):
            common.append("verb_before")
        if opens.startswith(carry):
            common.append("opens_carry")
        if any(s <= p.start < mm.start for p in persons):
            common.append("person_before")
        if text[mm.start - 1:mm.start] == "《":
            common.append("title_measure")
        if k < len(subjects) and subjects[k]:
            common.append("sent_has_subject")
        common += measure_features(text, mm)
        for key, os_ in actors.items():
            ruled = any((key, t) in linked for t in targets)
            if ruled and not with_linked:
                continue
            o = os_[0]
            kind = o.attrs.get("kind") or "-"
            f = list(common) + [f"kind={kind}", f"end={o.text[-1:]}"]
            n = counts[key]
            rank = 1 + sum(1 for c in counts.values() if c > n)
            f += [f"count={_bucket(n)}", f"rank={min(rank, 4)}",
                  f"share={min(int(n * 4 / max(1, sum(counts.values()))), 3)}"]
            if n == ranked[0]:
                f.append("most_named" if sum(1 for c in counts.values() if c == n) == 1 else "most_named_tie")
            if o.attrs.get("parent_key"):
                f.append("unit")
            if key in first_subjects:
                f += ["subj_first", f"subj_first_kind={kind}"]
            if any(s0 <= x.start < e0 for x in os_ for s0, e0 in spans[:1]):
                f.append("in_first")
            if key == first_actor:
                f += ["first_actor", f"first_actor_kind={kind}"]
            here = k < len(subjects) and key in subjects[k]
            if here:
                f.append("subj_here")
            elif k < len(subjects) and subjects[k]:
                f.append("other_subj_here")
            if k > 0 and k - 1 < len(subjects) and key in subjects[k - 1]:
                f += ["subj_prev"]
            if any(key in subjects[j] for j in range(max(0, k - 4), min(k, len(subjects)))):
                f.append("subj_recent")
            sc = subj_counts.get(key, 0)
            f.append(f"subj_count={_bucket(sc, (0, 1, 2, 4))}")
            if sc and sc == top_subj:
                f += ["most_subject"]
            if key in para_subj:
                f.append("para_subj")
            if key in bylined:
                f.append("in_byline")
            if key in latest:
                f += ["latest_subj"]
            mine = [x for x in in_sent if x.key == key]
            others = [x for x in in_sent if x.key != key]
            if mine:
                x = mine[-1]
                between = text[x.end:mm.start]
                f += ["in_sent_before", f"gap={_bucket(len(between), (2, 5, 10, 20, 40))}",
                      f"clauses={min(len(CLAUSE.findall(between)), 3)}"]
                if others and others[-1].start > x.start:
                    f.append("other_org_nearer")
                if any(between.startswith(c) for c in ("的", "和", "与", "、", "及")):
                    f.append("joined_after")
                if verb.search(between[-10:] if len(between) > 10 else between) or any(
                        w in between for w in ("开展", "实施", "推进", "落实", "启动", "举办", "组织")):
                    f.append("verb_between")
            elif others:
                f.append("other_org_in_sent")
            if any(s <= x.start < e and x.start >= mm.end for x in os_):
                f.append("in_sent_after")
            before = [sent(x.start) for x in os_ if x.start < s]
            f.append(f"dist={_bucket(k - max(before), (1, 2, 3, 5, 10)) if before else 'none'}")
            if not before and not mine:
                f.append("named_later_only")
            # the rules' links of this organisation to other measures, of this measure to
            # other organisations (not the pair itself, so that learning from the rules'
            # pairs too reads the same)
            if any(src == key and tgt not in targets for src, tgt in linked):
                f += ["org_linked"]
            if any(src != key and tgt in targets for src, tgt in linked):
                f.append("measure_linked")
            yield key, mm, (s, e), f, ruled


def measure_features(text: str, mm: Mention) -> list[str]:
    """How the measure stage found the measure (quoted, unquoted, lexicon, document) and
    how sure its model was; a quoted name written right beside another quote (“A”“B”) is
    often a piece of a longer name."""
    how = mm.attrs.get("found_by", "")
    f = [f"found={how.split(',')[0].split(' ')[0] if how else '-'}"]
    p = re.search(r"p=([\d.]+)", how)
    if p:
        f.append(f"measure_p={min(int(float(p.group(1)) * 5), 4)}")
    if text[mm.end:mm.end + 2] in ("”“", "\"\"") or text[max(0, mm.start - 2):mm.start] in ("”“", "\"\""):
        f.append("quote_beside")
    if len(mm.norm) <= 3:
        f.append("short_measure")
    return f


def probability(weights: dict, feats: list[str]) -> float:
    z = sum(map(weights.get, feats, itertools.repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def find(text: str, spans: list[tuple[int, int]], ms: list[Mention], rels: list[Relation],
         subjects: list[tuple[str, ...]], model: dict | None = None) -> list[Relation]:
    """The IMPLEMENTS links the pair model adds to ``rels`` (the rules' relations of the
    section): one per (organisation, measure) pair at or above the model's threshold,
    evidenced by the sentence of its best-scoring measure mention."""
    model = model if model is not None else current_model()
    if not model:
        return []
    w, thr = model["weights"], model["threshold"]
    best: dict[tuple[str, str], tuple[float, Mention, tuple[int, int]]] = {}
    for key, mm, sp, f, _ in candidates(text, spans, ms, rels, subjects):
        pr = probability(w, f)
        k = (key, mm.norm)
        if pr >= thr and (k not in best or pr > best[k][0]):
            best[k] = (pr, mm, sp)
    out = []
    for (key, _), (pr, mm, sp) in sorted(best.items(), key=lambda x: (x[1][2], x[1][1].start, x[0])):
        for t in measure_targets(mm):
            out.append(relation("IMPLEMENTS", key, t, sp, f"{BASIS} (score {pr:.2f}): the report's "
                                "actor, not named as the measure's subject", INFERRED))
    return out
