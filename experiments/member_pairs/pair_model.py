"""Experiment (issue 9; not part of the pipeline, see README.md here): MEMBER_OF from a
learned pair classifier, a complement to the hand-written readings of
pipeline/relations/member_of.py for wordings they do not cover.

Every (PERSON, ORG) pair of mentions in one sentence that the rules did not link is a
candidate; a logistic regression (a JSON file, trained on the relation gold of ``../shared/train``
by train.py here) scores
it from cheap features: the order and distance of the two names, the characters between
them, punctuation and other names between them, role words (rules/roles.tsv) next to the
person or between the two, the organisation's kind, the characters around each name, and
whether the rules linked the person elsewhere. A pair scoring at least the model's
threshold becomes a link with basis ``learned pair model`` and confidence ``inferred``;
its role is the one written right next to the person, else "".

Without the model file (or with ``EDU_MEMBER_PAIRS=off``) nothing is added. To measure it,
copy this file to pipeline/relations/member_pairs.py and end member_of.find with
``return out + member_pairs.find(text, doc._.sent_spans or [], ms, list(doc._.relations or []) + out)``
(commit 2b402db of branch issue9-pairs-s4 has that hook).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import os
from pathlib import Path

from pipeline import rules
from pipeline.doc import Mention, Relation
from pipeline.names import OWN_OUTLET
from pipeline.relations.common import fits_kind, relation, roles

FEATURE_VERSION = 1
MODEL_NAME = "member_pairs.json"
BASIS = "learned pair model"
ALSO_LINKED = os.environ.get("EDU_PAIRS_ALSO_LINKED", "") == "1"   # experiment switch
MAX_GAP = 60          # characters between the two names
PUNCT = "、，,：:（）()；;“”"


def model_path() -> Path | None:
    """``EDU_MEMBER_PAIRS`` (a file, or ``off``), else models/member_pairs.json of
    ``EDU_MODELS_DIR`` or the repository."""
    env = os.environ.get("EDU_MEMBER_PAIRS", "")
    if env == "off":
        return None
    if env:
        return Path(env)
    d = Path(os.environ.get("EDU_MODELS_DIR", Path(__file__).resolve().parents[2] / "models"))
    return d / MODEL_NAME


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
def role_words() -> tuple[str, ...]:
    """Role words that make a post (not family or other words), longest first."""
    return tuple(sorted((r for r, (kind, _) in roles().items() if kind != "other"), key=len, reverse=True))


def role_next_to(text: str, p: Mention) -> str:
    """The role written right after the person (张玲校长) or right before (校长张玲), else ""."""
    for r in role_words():
        if text.startswith(r, p.end):
            return r
    for r in role_words():
        if p.start >= len(r) and text.startswith(r, p.start - len(r)):
            return r
    return ""


@functools.lru_cache(maxsize=None)
def public_persons() -> frozenset[str]:
    """Public figures (rules/persons_public.txt): named everywhere, rarely a member of the
    organisations beside them."""
    return frozenset(rules.items("persons_public.txt"))


def _bucket(n: int) -> str:
    for lim in (0, 1, 2, 4, 8, 16, 32):
        if n <= lim:
            return str(lim)
    return "far"


def features(text: str, span: tuple[int, int], p: Mention, o: Mention, persons: list[Mention],
             orgs: list[Mention], linked_elsewhere: bool) -> list[str]:
    """The features of the pair (person ``p``, organisation ``o``) in the sentence ``span``."""
    s, e = span
    first, second = (p, o) if p.start < o.start else (o, p)
    order = "PO" if first is p else "OP"
    lo, hi = first.end, second.start
    between = text[lo:hi]
    gap = len(between)
    f = ["bias", f"order={order}", f"gap={_bucket(gap)}", f"ogap={order}{_bucket(gap)}",
         f"kind={o.attrs.get('kind') or '-'}", f"okind_order={o.attrs.get('kind') or '-'}{order}"]
    if gap <= 12:
        f += [f"bw={between}"] if gap <= 4 else []
        f += [f"bc={c}" for c in sorted(set(between))]
    else:
        f += [f"bc6={c}" for c in sorted(set(between[:6] + between[-6:]))]
    f += [f"bl1={between[:1]}", f"br1={between[-1:]}", f"bl2={between[:2]}", f"br2={between[-2:]}"]
    for c in PUNCT:
        if c in between:
            f.append(f"punct={c}")
    n_p = sum(1 for q in persons if q is not p and lo <= q.start and q.end <= hi)
    n_o = sum(1 for q in orgs if q is not o and lo <= q.start and q.end <= hi)
    f += [f"persons_between={min(n_p, 2)}", f"orgs_between={min(n_o, 2)}"]
    f += [f"pa1={text[p.end:p.end + 1]}", f"pa2={text[p.end:p.end + 2]}",
          f"pb1={text[p.start - 1:p.start] if p.start > s else '^'}", f"pb2={text[max(s, p.start - 2):p.start]}",
          f"oa1={text[o.end:o.end + 1]}", f"oa2={text[o.end:o.end + 2]}",
          f"ob1={text[o.start - 1:o.start] if o.start > s else '^'}"]
    r = role_next_to(text, p)
    if r:
        f += ["role_next", f"role_kind={roles()[r][0]}", f"role_side={'after' if text.startswith(r, p.end) else 'before'}"]
        if not fits_kind(r, o):
            f.append("role_misfit")       # 副县长 and a 人大 (rules/relations.tsv role_org)
    f.append(f"lists={min(between.count('、') + between.count('，') + between.count(','), 3)}")
    if p.text in public_persons():
        f.append("public_person")
    rb = [w for w in role_words() if w in between]
    if rb:
        f += ["role_between", f"role_between_kind={roles()[rb[0]][0]}"]
    if text.startswith(tuple(role_words()), o.end):
        f.append("role_after_org")
    if linked_elsewhere:
        f.append("p_linked")
    others = [q for q in orgs if q is not o and s <= q.start < e]
    if not others:
        f.append("only_org")
    else:
        d = min(abs(q.start - p.start) for q in others)
        if abs(o.start - p.start) <= d:
            f.append("nearest_org")
    sent = text[s:e]
    if any(w in sent for w in ("记者", "通讯员", "编辑", "作者", "来源")):
        f.append("byline_word")
    if e - s < 40:
        f.append("short_sentence")
    return f


def candidates(text: str, spans: list[tuple[int, int]], ms: list[Mention], rels: list[Relation],
               with_linked: bool = False):
    """(person, organisation, sentence span, features, left out) of every pair of a PERSON
    and an ORG mention in one sentence where the rules linked the person to no organisation
    (with ``with_linked``, for training, every pair, those others marked left out)."""
    linked = {(r.source, r.target) for r in rels if r.type == "MEMBER_OF"}
    targets: dict[str, set[str]] = {}
    for src, tgt in linked:
        targets.setdefault(src, set()).add(tgt)
    persons = sorted((m for m in ms if m.label == "PERSON" and m.key), key=lambda m: m.start)
    orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
    spans = spans or [(0, len(text))]
    starts = [a for a, _ in spans]

    def sent(pos: int) -> tuple[int, int]:
        return spans[max(0, bisect.bisect_right(starts, pos) - 1)]

    by_sent: dict[tuple[int, int], list[Mention]] = {}
    for o in orgs:
        by_sent.setdefault(sent(o.start), []).append(o)
    for p in persons:
        sp = sent(p.start)
        for o in by_sent.get(sp, ()):
            if o.start < p.end and p.start < o.end:
                continue      # one inside the other
            gap = o.start - p.end if p.start < o.start else p.start - o.end
            if gap > MAX_GAP:
                continue
            ruled = (p.key, o.key) in linked or (p.key, o.attrs.get("parent_key")) in linked
            elsewhere = bool(targets.get(p.key, set()) - {o.key, o.attrs.get("parent_key")})
            # the model adds links only for people the rules left unlinked, never to 本报 or
            # to a name holding a digit (a dateline read into it), as the rules do not
            skip = ruled or (elsewhere and not ALSO_LINKED) or o.text.startswith(OWN_OUTLET) or any(c.isdigit() for c in o.text)
            if skip and not with_linked:
                continue
            yield p, o, sp, features(text, sp, p, o, persons, by_sent[sp], elsewhere), skip


def probability(weights: dict, feats: list[str]) -> float:
    z = sum(map(weights.get, feats, itertools.repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def find(text: str, spans: list[tuple[int, int]], ms: list[Mention], rels: list[Relation],
         model: dict | None = None) -> list[Relation]:
    """The links the pair model adds to ``rels`` (the rules' relations of the section): one
    per (person, organisation) entity pair, evidenced by its best-scoring sentence."""
    model = model if model is not None else current_model()
    if not model:
        return []
    w, thr = model["weights"], model["threshold"]
    best: dict[tuple[str, str], tuple[float, Mention, Mention, tuple[int, int]]] = {}
    for p, o, sp, f, _ in candidates(text, spans, ms, rels):
        pr = probability(w, f)
        k = (p.key, o.key)
        if pr >= thr and (k not in best or pr > best[k][0]):
            best[k] = (pr, p, o, sp)
    out = []
    for (pk, ok), (pr, p, o, sp) in sorted(best.items(), key=lambda x: (x[1][3], x[1][1].start, x[1][2].start)):
        out.append(relation("MEMBER_OF", pk, ok, sp, BASIS, "inferred", role=role_next_to(text, p)))
    return out
