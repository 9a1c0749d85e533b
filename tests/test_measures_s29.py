"""Measures (issue 9, session 29): a quoted campaign the places stage read as a place no
division holds (“百校联百县兴千村”行动, “万企兴万村”行动: the names end in 村) is the
initiative's name; it is a measure, and no longer a place."""
from __future__ import annotations

from pipeline.doc import Mention
from pipeline.nlp import found


def labels(doc, name):
    return {m.label for m in found(doc) if name in (m.text, m.norm)}


def test_a_quoted_campaign_ending_in_cun_is_a_measure_not_a_place(analyse):
    doc = analyse("全县启动“万企兴万村”行动，组织企业结对帮扶。", pub_date="2022-10-23")
    assert "PLACE" not in labels(doc, "万企兴万村")
    assert "万企兴万村" in {m.norm for m in found(doc) if m.label == "MEASURE"}
    assert not any(k.startswith("place:") and "万企兴万村" in k for k in (doc._.entities or {}))


def run_with_place(nlp, text: str, name: str, key: str):
    """The pipeline on ``text``, with the places stage's reading of ``name`` forced to a
    PLACE of ``key`` (whatever the entity model reads), then the measure stage and after."""
    doc = nlp.make_doc(text)
    doc.user_data["edu_text"] = text
    doc._.doc_id = "test"
    doc._.context = {"pub_date": "2022-10-23", "anchor_year": 2022, "title": "", "place_hint": "",
                     "authors": [], "editor": "", "source": ""}
    for stage, proc in nlp.pipeline:
        if stage == "edu_measures":
            a = text.index(name)
            ms = found(doc)
            ms[:] = [m for m in ms if not (m.start < a + len(name) and a < m.end)]
            ms.append(Mention("PLACE", a, a + len(name), name, norm=name, key=key))
            (doc._.entities or {}).setdefault(key, {"label": "PLACE", "name": name, "aliases": [name], "attrs": {}})
        doc = proc(doc)
    return doc


def test_the_place_gives_way_only_when_no_division_holds_it_and_a_suffix_follows(nlp):
    text = "10月18日下午，省乡村振兴局组织召开“百校联百县兴千村”行动工作推进视频会议。"
    doc = run_with_place(nlp, text, "百校联百县兴千村", "place:?/百校联百县兴千村")
    assert labels(doc, "百校联百县兴千村") == {"MEASURE"}
    assert "place:?/百校联百县兴千村" not in doc._.entities
    rels = {(r.source, r.target) for r in doc._.relations if r.type == "IMPLEMENTS"}
    assert any(t == "measure:百校联百县兴千村" and "乡村振兴局" in s for s, t in rels)
    # a quoted name no suffix follows stays a place (“千企帮千村”号召 is not read here)
    doc = run_with_place(nlp, "陶正学响应“千企帮千村”号召。", "千企帮千村", "place:?/千企帮千村")
    assert labels(doc, "千企帮千村") == {"PLACE"}
    # a place a division holds is a place, quoted or not (“北京”活动 is no initiative named 北京)
    doc = run_with_place(nlp, "学校开展“北京”活动。", "北京", "place:110000")
    assert labels(doc, "北京") == {"PLACE"}
