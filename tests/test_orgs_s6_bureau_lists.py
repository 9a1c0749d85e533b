"""Schools, classes or pupils written right after a bureau in a list without separators
are not part of the bureau's name."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.entities import org_shapes


def cut(name: str) -> str:
    return org_shapes.cut_bureau_schools(Mention("ORG", 0, len(name), name)).text


def test_bureau_then_schools():
    assert cut("区教育局学校") == "区教育局"
    assert cut("区教体局学校") == "区教体局"


def test_school_names_stay():
    assert cut("市第一中学") == "市第一中学"
    assert cut("教育局直属学校") == "教育局直属学校"
    assert cut("公安局") == "公安局"
