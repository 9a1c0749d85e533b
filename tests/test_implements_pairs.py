"""The IMPLEMENTS pair classifier of experiments/implements_pairs (issue 9; tried, not
shipped), on reports written here: the subjects it reads, a report's main actor linked to a
measure named sentences later without a subject, media in bylines never linked, and a
deterministic fit. The models here are fitted in the test on labels written in the test."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.measure_training import fit, write_model
from pipeline.nlp import found
from pipeline.relations.implements import sentence_subjects

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "experiments" / "implements_pairs"))
import impl_pair_model as ipm  # noqa: E402

# a school named in the title and the first sentence; a bureau named as a helper after a
# comma; the measure two sentences after the school's last mention, with no subject
TRAIN_SCHOOL = ("桃源县第一中学扎实推进劳动教育\n本报记者 王小明\n"
                "今年以来，桃源县第一中学把劳动教育纳入课程体系。"
                "学校每月请来技术人员讲解种植知识，他们来自桃源县农业农村局。"
                "每周开展“田园劳动日”活动，组织学生参加田间劳动。")
TRAIN_BYLINE = ("青山镇中心小学开展暑期安全教育\n青山日报讯（记者 张明）暑假前夕，青山镇中心小学召开安全工作会议，"
                "青山镇派出所民警到校授课。会议要求班主任落实安全责任。全面推行“安全家访”制度，确保学生平安度假。")
NEW_REPORT = ("城关镇中心小学多措并举做好课后服务\n本报讯（通讯员 李华）\n"
              "城关镇中心小学地处城乡接合部，留守儿童较多。学校周边有三个社区，均属城关镇人民政府管辖。"
              "为解决家长接送难题，全面推行“四点半课堂”，让学生在校内完成作业。")


def section(analyse, text):
    doc = analyse(text, pub_date="2021-03-01")
    ms = sorted(found(doc), key=lambda m: m.start)
    spans = [tuple(s) for s in doc._.sent_spans or []] or [(0, len(text))]
    orgs = sorted((m for m in ms if m.label == "ORG" and m.key), key=lambda m: m.start)
    return doc, ms, spans, sentence_subjects(text, orgs, spans)


def rows_of(analyse, text, actor: str):
    """(report, features, label) of every candidate pair of a text: the pairs of the
    organisation written ``actor`` are the gold ones."""
    doc, ms, spans, subjects = section(analyse, text)
    names = {m.key: m.text for m in ms}
    return [("r", f, int(names[key] == actor))
            for key, _mm, _sp, f, _ in ipm.candidates(text, spans, ms, doc._.relations, subjects, with_linked=True)]


@pytest.fixture(scope="module")
def trained(analyse):
    rows = rows_of(analyse, TRAIN_SCHOOL, "桃源县第一中学") + rows_of(analyse, TRAIN_BYLINE, "青山镇中心小学")
    # four rows: a smaller step than the default, whose steps are sized for train/'s 1,696
    return rows, {"feature_version": ipm.FEATURE_VERSION, "threshold": 0.5, "weights": fit(rows, rate=0.5)}


def test_subjects_named_together_open_a_sentence(analyse):
    text = "丰宁县委、县政府和丰宁县教育局联合启动“护苗行动”。"
    doc, ms, spans, subjects = section(analyse, text)
    names = {m.key: m.text for m in ms if m.label == "ORG"}
    assert [names[k] for k in subjects[0]] == ["丰宁县委", "县政府", "丰宁县教育局"]


def test_the_main_actor_named_first_carries_out_a_measure_named_sentences_later(analyse, trained):
    _, model = trained
    doc, ms, spans, subjects = section(analyse, NEW_REPORT)
    names = {m.key: m.text for m in ms}
    ruled = [r for r in doc._.relations if r.type == "IMPLEMENTS"]
    assert not [r for r in ruled if r.target == "measure:四点半课堂"]     # the rules give no link
    got = ipm.find(NEW_REPORT, spans, ms, ruled, subjects, model=model)
    assert {(names[r.source], r.target) for r in got} == {("城关镇中心小学", "measure:四点半课堂")}
    r = got[0]
    assert r.attrs["basis"].startswith("learned pair model (score ")
    assert r.attrs["confidence"] == "inferred"
    assert "四点半课堂" in NEW_REPORT[r.start:r.end]          # the measure's sentence is the evidence


def test_a_medium_in_a_byline_never_gets_a_link(analyse):
    doc, ms, spans, subjects = section(analyse, TRAIN_BYLINE)
    media = {m.key for m in ms if m.label == "ORG" and m.attrs.get("kind") == "media"}
    assert media                                             # 青山日报 is read as a medium
    takes_all = {"feature_version": ipm.FEATURE_VERSION, "threshold": 0.5, "weights": {"bias": 30.0}}
    got = ipm.find(TRAIN_BYLINE, spans, ms, [], subjects, model=takes_all)
    assert got and not {r.source for r in got} & media
    doc, ms, spans, subjects = section(analyse, NEW_REPORT)   # 本报讯 (the report's own outlet)
    names = {m.key: m.text for m in ms}
    got = ipm.find(NEW_REPORT, spans, ms, [], subjects, model=takes_all)
    assert got and not [r for r in got if names[r.source].startswith("本报")]
    assert {names[r.source] for r in got} == {"城关镇中心小学", "城关镇人民政府"}


def test_the_fit_and_the_model_file_are_deterministic(analyse, trained, tmp_path):
    rows, model = trained
    again = {"feature_version": ipm.FEATURE_VERSION, "threshold": 0.5, "weights": fit(list(rows), rate=0.5)}
    assert again == model
    write_model(model, tmp_path / "a.json")
    write_model(again, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert ipm.load_model(str(tmp_path / "a.json")) == model
    doc, ms, spans, subjects = section(analyse, NEW_REPORT)
    one = ipm.find(NEW_REPORT, spans, ms, [], subjects, model=model)
    two = ipm.find(NEW_REPORT, spans, ms, [], subjects, model=model)
    assert one == two and one


def test_without_a_model_nothing_is_added(analyse, monkeypatch):
    monkeypatch.setenv("EDU_IMPLEMENTS_PAIRS", "off")
    doc, ms, spans, subjects = section(analyse, NEW_REPORT)
    assert ipm.current_model() is None
    assert ipm.find(NEW_REPORT, spans, ms, [], subjects) == []
