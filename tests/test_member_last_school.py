"""MEMBER_OF of a head's post opening a clause with no school written: the school named
last a few lines up (在实地考察X中学的过程中，…。副校长Y在介绍中指出), read off text written here."""
from __future__ import annotations

from .test_relations import members


def test_a_heads_post_opening_a_clause_is_of_the_school_named_last(analyse):
    text = ("实践队走访了科右前旗明德小学和科右前旗第五中学。"
            "在实地考察科右前旗第五中学的过程中，实践队感受到了浓郁的民族文化氛围。"
            "副校长乌格德勒呼在介绍中指出，学校重视民族文化。")
    assert ("乌格德勒呼", "科右前旗第五中学", "副校长") in members(analyse, text)


def test_no_school_where_it_is_a_venue_or_two_are_named_together(analyse):
    # the school named last is where a meeting is held, not the head's own
    text = ("青南支教团来自玉树州第一民族中学。9月15日，教育处在附属实验中学会议室召开座谈会。"
            "副校长冶成福、支教教师共32人参加了座谈会。")
    assert not any(p == "冶成福" and "中学" in o for p, o, _ in members(analyse, text))
    # two schools in the sentence named last: which one is not said
    text = "实践队走访了科右前旗明德小学和科右前旗第五中学。副校长乌格德勒呼在介绍中指出，学校重视民族文化。"
    assert not any(p == "乌格德勒呼" for p, _, _ in members(analyse, text))
    # a teacher's post is not read so
    text = ("实践队先到了科右前旗明德小学。在实地考察科右前旗第五中学的过程中，实践队感受到了民族文化氛围。"
            "班主任乌云在介绍中指出，学生很好。")
    assert not any(p == "乌云" for p, _, _ in members(analyse, text))
