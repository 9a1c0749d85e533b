"""Measures (issue 9, session 8), on sentences written here: unquoted names made only of
generic words before their ending (人才培养机制, 合作机制, 运作模式) are arrangements, not
named initiatives."""
from __future__ import annotations

from pipeline.nlp import found


def measures(analyse, text):
    return sorted(m.norm for m in found(analyse(text)) if m.label == "MEASURE")


def test_generic_arrangements_are_no_measures(analyse):
    assert measures(analyse, "青山大学探索建立人才培养机制，完善合作机制。") == []
    assert measures(analyse, "青山职教中心形成了协作模式和运作模式。") == []


def test_a_named_arrangement_stays(analyse):
    # the control: a name with words of its own before the ending
    assert measures(analyse, "青山县教育局建立健全控辍保学工作机制。") == ["控辍保学工作机制"]
