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

    python -m pipeline.measure_training --shared ../shared [--out models/measures.json]

(``make train-measures``, pipeline/measure_training.py); the model card inside the file
gives the cross-validated figures on train/ (five folds of reports) beside the rule's. The
file is small JSON and ships in the repository; without it the stage falls back to the
rule. The stop list (rules/measure_stop.txt) always wins: a name on it is never a measure.
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


CONJ = frozenset("的和及与")
# what a name the model reads is made of, and what ends the clause before it
NAME_CHAR = re.compile(r"[^\u3400-\u9fff0-9A-Za-z+]")
CLAUSE_END = re.compile(r"[，。；;！？,\n]")
# a count written before a name (累计开展60余次党员志愿服务活动) is no part of it
COUNT_HEAD = re.compile(r"\d+(?:\.\d+)?[余多]?(?:场次|人次|个|次|场|项|批|期|届|轮|名|所|家|支|门|节|堂|条|种|类)")


def unquoted_features(lex: dict, text: str, a: int, e: int, end_word: str, ruled: set, clause_verb: bool) -> list[str]:
    """The features of the unquoted candidate text[a:e], which ends with ``end_word``."""
    name = text[a:e]
    b1 = text[a - 1:a] if a > 0 else "^"
    n = len(name)
    f = ["bias", f"suf={end_word}", f"len={min(n // 2, 9)}", f"f1={name[:1]}", f"f2={name[:2]}",
         f"b1={b1}", f"b2={text[max(0, a - 2):a]}", f"pre={name[n - len(end_word) - 2:n - len(end_word)]}",
         f"a1={text[e:e + 1]}", f"suf_len={end_word}_{min(n, 12)}"]
    if not "\u3400" <= b1 <= "\u9fff":    # b1 is one character or ^
        f.append("bpunct")
    if lex["verb_lead_before"].search(text[max(0, a - 6):a]):
        f.append("bverb")
    if not CONJ.isdisjoint(name):
        f.append("conj")
    if name in ruled:
        f.append("rule")
    if clause_verb:
        f.append("cverb")
    if name in lex["canon"]:
        f.append("lex")
    if name in lex["stop"]:    # a candidate holds no quote, space or dot: plain(name) is name
        f.append("stop")
    return f


def unquoted_candidates(lex: dict, text: str, ruled: set):
    """(start, end, features) of every unquoted candidate name of a text: every start
    within 20 characters before the ending from which on the text is all name characters
    (CJK, digits, Latin letters, +)."""
    ends = [c.start() for c in CLAUSE_END.finditer(text)]
    verb_any = lex["verb_any"]
    unot = lex.get("unquoted_not")
    for m in lex["model_end"].finditer(text):
        e = m.end()
        nxt = text[e:e + 1]
        if "\u3400" <= nxt <= "\u9fff" and lex["model_end"].match(text, e):
            continue      # 管理 of 管理制度: the longer name ends later
        lo = max(0, e - 20)
        if lo >= m.start():
            continue
        # the first start from which text[a:e] is all name characters
        bad = None
        for bad in NAME_CHAR.finditer(text, lo, e):
            pass
        first = bad.end() if bad is not None else lo
        k = bisect.bisect_left(ends, first)   # the clause ends before each start
        end_word = m.group(0)
        for a in range(first, m.start()):
            while k < len(ends) and ends[k] < a:
                k += 1
            if unot is not None and unot.search(text[a:e]):
                continue      # 这一制度, 学校的教学计划: a reference or a description (measure_cues.tsv)
            cut = ends[k - 1] + 1 if k and ends[k - 1] >= a - 30 else max(0, a - 30)
            yield a, e, unquoted_features(lex, text, a, e, end_word, ruled, verb_any.search(text, cut, a) is not None)


def unquoted(lex: dict, text: str, ruled: set, part: dict) -> list[tuple[int, int, float]]:
    """(start, end, probability) of the unquoted names the model takes: for each ending
    whose best start reaches the threshold, that start (or the rule's, see choose)."""
    by_end: dict[int, list[tuple[float, bool, int, int]]] = {}
    weight, zero = part["weights"].get, itertools.repeat(0.0)
    for a, e, f in unquoted_candidates(lex, text, ruled):
        z = sum(map(weight, f, zero))  # probability(part, f), inlined: the same sum
        by_end.setdefault(e, []).append((1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), "rule" in f, e - a, a))
    out = []
    for e, cands in sorted(by_end.items()):
        got = choose(cands, part["threshold"])
        if got is None:
            continue
        a = got[3]
        j = a    # a start inside a count (3|轮控辍保学专项行动): the count from its first digit
        while j > 0 and a - j < 8 and (text[j - 1].isdigit() or text[j - 1] in ".余多"):
            j -= 1
        head = COUNT_HEAD.match(text, j)
        if head is not None and head.end() > a and e - head.end() >= 4:
            a = head.end()       # 60余次党员志愿服务活动, 3轮控辍保学专项行动: 党员志愿服务活动, 控辍保学专项行动
        if plain(text[a:e]) not in lex["stop"]:
            out.append((a, e, got[0]))
    return out


def choose(cands: list[tuple], threshold: float) -> tuple | None:
    """Of the starts (probability, read by the rule, length, ...) of one ending: none when
    the best is below the threshold; else the longest the hand-written rule reads, if it
    reads one (实施日报和零报告制度 -> 日报和零报告制度, as the rule takes it), else the best."""
    best = max(cands, key=lambda c: c[0])
    if best[0] < threshold:
        return None
    ruled = [c for c in cands if c[1]]
    return max(ruled, key=lambda c: c[2]) if ruled else best


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
    z = sum(map(part["weights"].get, feats, itertools.repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
