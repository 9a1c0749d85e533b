"""MEMBER_OF of a department's post listed after a 共青团 committee's post: the department
of the list's party committee (林口县县委书记A、组织部部长B、…、共青团林口县委书记C、组织部副部长D),
read off sentences written here."""
from __future__ import annotations

from .test_relations import members


def test_a_department_post_after_a_youth_league_post_is_the_party_committees(analyse):
    text = ("9月19日，林口县县委书记付刚、组织部部长艾磊、副县长刘长洲、共青团林口县委书记成迪、"
            "组织部副部长尹金成等一行12人到东北农业大学签约。")
    got = members(analyse, text)
    assert ("尹金成", "林口县县委组织部", "组织部副部长") in got
    assert not any(p == "尹金成" and "共青团" in o for p, o, _ in got)
    # no party committee before the 共青团's: no department to give
    text = "共青团林口县委书记成迪、组织部副部长尹金成等一行到东北农业大学签约。"
    assert not any(p == "尹金成" for p, _, _ in members(analyse, text))
