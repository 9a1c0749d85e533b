"""Frames around a name that say whether the person works at an organisation written beside
it, for MEMBER_OF (pipeline/relations/member_of.py): 在柿树坪小学任教的宋平 works there;
毕业于北京航空航天大学的李东, 来自波鸿大学的林德尔 and 自动化学院刘佳欣同学 study there or visit
(students, alumni and visitors are no members); 齐风玉成为了永红乡中心校的校长 and 赵顺军在
德恒隆乡中心学校任教 work there. Words: rules/relations.tsv ``serve_verb``, ``serve_at``,
``serve_end``, ``study_before``, ``study_after``."""
from __future__ import annotations

import re

from ..doc import Mention
from .common import cue_alternation, cues, roles, roles_longest_first


def works_at(text: str, k: int, org_end: dict) -> Mention | None:
    """在X任教 ending at ``k``: X (rules/relations.tsv ``serve_end``)."""
    end = next((w for w in cues("serve_end") if text.endswith(w, 0, k)), "")
    o = org_end.get(k - len(end)) if end else None
    return o if o is not None and text[o.start - 1:o.start] == "在" else None


def studies(text: str, org: Mention, p: Mention) -> bool:
    """毕业于X的李东, 来自X的林德尔, X刘佳欣同学: a student, an alumnus or a visitor
    (rules/relations.tsv ``study_before``, ``study_after``), no member."""
    before = text[max(0, org.start - 6):org.start].rstrip(" \u3000")     # 留学 兰开夏中央大学的陈宁
    return bool(re.search(f"(?:{cue_alternation('study_before')})$", before)
                or re.match(cue_alternation("study_after"), text[p.end:p.end + 3]))


def serves(text: str, p: Mention, e: int, org_start: dict, persons: list[Mention]) -> tuple[Mention, str] | None:
    """``name 担任/成为 org (的) role`` and ``name 在/返回 org 任教/工作``: 齐风玉成为了永红乡中心校
    的校长, 赵顺军在德恒隆乡中心学校任教 (the name opens the clause, no other name comes
    between; rules/relations.tsv ``serve_verb``, ``serve_at``, ``serve_end``)."""
    verbs = cue_alternation("serve_verb", "serve_at")
    for m in re.finditer(rf"(?:{verbs})[了为]?", text[p.end:min(e, p.end + 20)]):
        k = p.end + m.end()
        o = org_start.get(k)
        between = text[p.end:p.end + m.start()]
        if o is None or re.search(r"[，,。；;：:“”\"]", between) or any(p.end <= q.start < k for q in persons if q is not p):
            continue
        rest = text[o.end:o.end + 8]
        if m.group(0).rstrip("了为") in cues("serve_at"):
            end = next((w for w in cues("serve_end") if rest.startswith(w)), "")
            if end and not re.match(r"[会组室站队]", rest[len(end):len(end) + 1]):
                return o, ""
            continue
        rest = rest[1:] if rest.startswith("的") else rest
        for r in roles_longest_first():
            if rest.startswith(r) and roles()[r][0] != "other":
                return o, r
        return None
    return None
