"""A place's body named by its level word with a space inside (a line broken in the page):
市委教育 工委 is one body, not 市委."""
from __future__ import annotations


def test_level_body_with_a_space(ents):
    got = ents("近日,市委教育 工委专职委员郑军到我区调研。")
    assert ("ORG", "市委教育 工委") in got and ("ORG", "市委") not in got


def test_no_space_no_change(ents):
    got = ents("近日,市委教育工委专职委员郑军到我区调研。")
    assert ("ORG", "市委教育工委") in got
    # a space after a whole body does not pull the next words in
    got = ents("县委 书记王强出席。")
    assert not any(lab == "ORG" and " " in t for lab, t in got)
