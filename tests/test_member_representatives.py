"""No inferred post for a representative of a kind of school (优秀学校代表马小超校长): which
school is not said, read off text written here."""
from __future__ import annotations

from .test_relations import members


def test_a_representative_of_a_kind_gets_no_inferred_school(analyse):
    text = "城郊乡中心学校召开表彰大会。优秀学校代表马小超校长、优秀教师代表赵婉娣分别作了典型发言。"
    assert not any(p == "马小超" for p, _, _ in members(analyse, text))
    # without 代表 the report's one school is the head's
    text = "城郊乡中心学校召开表彰大会。马小超校长作了典型发言。"
    assert ("马小超", "城郊乡中心学校", "校长") in members(analyse, text)
