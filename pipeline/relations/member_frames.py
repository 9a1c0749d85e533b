"""Frames around a name that say whether the person works at an organisation written beside
it, for MEMBER_OF (pipeline/relations/member_of.py): 在柿树坪小学任教的宋平 works there;
毕业于北京航空航天大学的李东, 来自波鸿大学的林德尔 and 自动化学院刘佳欣同学 study there or visit
(students, alumni and visitors are no members). Words: rules/relations.tsv ``serve_end``,
``study_before``, ``study_after``."""
from __future__ import annotations

import re

from ..doc import Mention
from .common import cue_alternation, cues


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
