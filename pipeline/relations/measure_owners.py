"""IMPLEMENTS, the organisations a clause names around the measure itself rather than as
its subject: the owner written before it with 的 (青山中学的“喊楼”活动) and the organisers
written after it with 由 (“书香校园”读书活动由A、B共同主办). Read by relations/implements.py.
"""
from __future__ import annotations

import re
from typing import Callable

from ..doc import Mention, sentence_of
from .common import listed_after

NOT_ACTORS = ("media",)

# “X”读书活动由A、B共同主办 / X则由A组织实施: the organisers written after the measure
BY_AFTER = re.compile(r"[”\"]?[^，,。；;：:“”《》]{0,10}?由")
ORGANISES_AFTER = re.compile(r"(?:共同|联合|统一|负责)?(?:主办|承办|组织|举办|牵头|发起|推出|实施)")


def organisers_after(text: str, orgs: list[Mention], mm: Mention, e: int) -> list[Mention]:
    """“西部乡村教师成长行动”由青山基金会主办 / “书香校园”读书活动由A、B共同组织实施: a measure
    followed in its clause by 由 and the organisations that organise it (主办, 承办, 组织,
    举办, 牵头, 发起, 实施; not 协办 or 指导, which name helpers)."""
    m = BY_AFTER.match(text, mm.end)
    if m is None or m.end() > e:
        return []
    k, group = m.end(), []
    for o in orgs:
        if o.start < k:
            continue
        if o.start != k or o.attrs.get("kind") in NOT_ACTORS:
            break
        group.append(o)
        gap = re.match(r"[、和与及]", text[o.end:o.end + 1])
        k = o.end + (1 if gap else 0)
    if group and ORGANISES_AFTER.match(text, group[-1].end) and k == group[-1].end:
        return group
    return []


def owner(text: str, orgs: list[Mention], s: int, mm: Mention, quoted: Callable[[Mention], bool]) -> Mention | None:
    """青山中学的“喊楼”活动 / 教育部的“国培计划”: the organisation written right before the
    measure with 的 owns it, and so carries it out; not one inside a title or the quotes
    of another name (``quoted``), nor a bare word (重塑这家出版公司的庞大行动: 公司)."""
    for o in orgs:
        if s <= o.start and o.end < mm.start and re.fullmatch(r"的[“\"]?", text[o.end:mm.start]) \
                and o.attrs.get("kind") not in NOT_ACTORS and not quoted(o) \
                and len(o.text) >= 3 \
                and text.count("《", s, o.start) <= text.count("》", s, o.start):
            return o
    return None


# the sentence after a measure names its organisers: 由A主办 / 本次活动以“…”为主题，由A主办
NEXT_ORGANISERS = re.compile(r"\s*(?:(?:本次|此次|这次|该)?(?:活动|比赛|大赛|赛事|培训|项目)?(?:[^，,。；;]{0,30}[，,])?)由")
ORGANISER = re.compile(r"(?:联合|共同)?(?:主办|承办|推出|发起)")
# the words after which an organisation is the partner the subject joins (A联合B推出X, A携手B发起X)
PARTNER_BEFORE = ("联合", "携手")


def organisers_before(text: str, orgs: list[Mention], s: int, pos: int) -> list[Mention]:
    """The organisations a sentence names as organisers before ``pos``: each written right
    before 主办 / 承办 / 推出 / 发起 (联合主办), with the ones listed before it (A、B联合推出的X); 协办 and
    指导 name helpers, not organisers."""
    cands = [o for o in orgs if s <= o.start and o.end <= pos]
    out: list[Mention] = []
    for i, o in enumerate(cands):
        if text[max(s, o.start - 2):o.start] in PARTNER_BEFORE:
            continue    # A联合B推出X: B is A's partner, A the actor (the sentence's subject)
        if ORGANISER.match(text, o.end):
            j = i
            while j > 0 and listed_after(text, cands, j):
                j -= 1
            out += [c for c in cands[j:i + 1] if c not in out]
    return out


def organisers_next(doc, text: str, orgs: list[Mention], ms: list[Mention], e: int) -> tuple[tuple[int, int], list[Mention]]:
    """The sentence after the one ending at ``e`` and the organisers it names, where it opens
    by naming them (“X”活动启动。由A、B联合主办，C承办) and names no measure of its own."""
    if e >= len(text):
        return (e, e), []
    k = e
    while k < len(text) - 1 and text[k] in " \u3000\t\n":
        k += 1
    ns, ne = sentence_of(doc, k)
    if e <= ns and NEXT_ORGANISERS.match(text[ns:ne]) \
            and not any(ns <= m.start < ne and m.label == "MEASURE" for m in ms):
        return (ns, ne), organisers_before(text, orgs, ns, ne)
    return (ns, ne), []
