"""Session 38, on text written here and on the seeds.

* An output set is atomic, and durable only on request (pipeline/outsets.py): a default build
  waits for no disk flush; ``--durable`` puts the set on the disk before switching to it. A
  set whose files a power cut left short is written whole by the next build.
* A unit written alone (艺术学院) is the one unit the section writes after a university's name
  (南通大学艺术学院), unless several universities have one or it names a kind of institution.
* A tenth corpus reading: what is to be avoided (避免“形象工程”“政绩工程”), and what kind of
  undertaking something is (复杂性工程) are no measures.
"""
from __future__ import annotations

import os
import shutil

from pipeline import build, outsets
from pipeline.__main__ import main as cli_main

from .conftest import RAW
from .implements_links import implements_links
from .test_splice import EXTRA, edit, same_as_full


def test_a_default_build_flushes_nothing_and_a_durable_one_flushes_before_its_switch(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, src)
    fsyncs, syncs = [], []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (fsyncs.append(fd), real_fsync(fd))[1])

    def sync(folder):
        # the new set is complete, and not yet the current one
        syncs.append((folder.name, os.readlink(out / ".builds" / "current") if (out / ".builds" / "current").is_symlink() else None,
                      (folder / "graph.graphml").is_file(), (folder / "tables" / "relations.csv").is_file()))
    monkeypatch.setattr(build, "sync_to_disk", sync)

    build.run(src, out, workers=1, progress=False)
    assert fsyncs == [] and syncs == []
    first = os.readlink(out / ".builds" / "current")

    seed = next(src.glob("*.txt"))
    edit(seed, seed.read_text(encoding="utf-8") + EXTRA)
    build.run(src, out, workers=1, progress=False, durable=True)
    new = os.readlink(out / ".builds" / "current")
    assert new != first
    assert syncs == [(new, first, True, True)]
    assert len(fsyncs) == 2          # the folders holding the switched links


def test_the_command_line_passes_durable(tmp_path, monkeypatch):
    seen = {}

    def run(input_dir, out, **kw):
        seen.update(kw)
        raise build.OutputError("stop here")
    monkeypatch.setattr(build, "run", run)
    cli_main(["build", "--input", str(RAW), "--out", str(tmp_path / "o"), "--quiet", "--durable"])
    assert seen["durable"] is True
    cli_main(["build", "--input", str(RAW), "--out", str(tmp_path / "o"), "--quiet"])
    assert seen["durable"] is False


def test_a_set_a_power_cut_left_short_is_written_whole_by_the_next_build(tmp_path):
    """What the kernel had not yet written back when the power went: files cut short (ext4
    never shows unwritten bytes as data). The next build writes them whole from the store."""
    src, out, full = tmp_path / "in", tmp_path / "out", tmp_path / "full"
    shutil.copytree(RAW, src)
    build.run(src, out, workers=1, progress=False)
    cur = build.current_set(out)
    for rel, keep in (("graph.graphml", 0), ("tables/relations.csv", 0.5), ("tables/mentions.csv", 0.9)):
        p = cur / rel
        data = p.read_bytes()
        p.unlink()
        p.write_bytes(data[:int(len(data) * keep)])
    seed = next(src.glob("*.txt"))
    edit(seed, seed.read_text(encoding="utf-8") + EXTRA)
    build.run(src, out, workers=1, progress=False)
    same_as_full(src, out, full)


def _org_keys(analyse, text):
    from pipeline.nlp import found
    return {(m.text, m.key) for m in found(analyse(text)) if m.label == "ORG"}


def test_a_unit_written_alone_is_the_one_of_the_university_the_section_names(analyse):
    keys = _org_keys(analyse, "南通大学艺术学院高度重视教学质量，构建了教学质量监控体系。同时，艺术学院及时启动"
                              "学业预警机制，帮助学业困难的学生。艺术学院还坚持常态管理。")
    full = {k for t, k in keys if t == "南通大学艺术学院"}
    assert len(full) == 1 and not full.pop().startswith("org:?")
    assert {k for t, k in keys if t == "艺术学院"} == {k for t, k in keys if t == "南通大学艺术学院"}
    assert ("南通大学艺术学院", "学业预警机制") in {(o, m) for o, m, _a in implements_links(
        analyse, "南通大学艺术学院高度重视教学质量。同时，艺术学院及时启动学业预警机制，帮助学业困难的学生。")}


def test_a_unit_several_universities_have_stays_its_reports_own(analyse):
    keys = _org_keys(analyse, "北京大学医学院和复旦大学医学院联合举办了学术论坛。医学院的学生参加了论坛。")
    assert {k for t, k in keys if t == "医学院"} and all(k.startswith("org:?") for t, k in keys if t == "医学院")
    # a kind of institution alone is as often every one (rules/org_kinds.txt)
    keys = _org_keys(analyse, "内罗毕大学孔子学院举办了汉语比赛。目前，肯尼亚共有4所孔子学院。")
    assert all(k.startswith("org:?") for t, k in keys if t == "孔子学院")


def test_what_is_to_be_avoided_and_a_kind_of_undertaking_are_no_measures(analyse):
    from .implements_links import measures
    # a list of quoted names after a verb of avoiding: every one of them a problem
    assert measures(analyse, "对各级管理者也是挑战，必须防止急功近利的思想，避免‘形象工程’‘政绩工程’。") == set()
    assert measures(analyse, "各校要力戒“花架子”“走过场”，全面推行“阳光招生”。") == {"阳光招生"}
    # 是一项…性工程: what kind of undertaking something is, no name
    assert measures(analyse, "改革是一项创新性、系统性、复杂性工程，既要尊重规律，又要稳步推进。") == set()
    assert "青蓝工程" in measures(analyse, "市教育局避免“一刀切”，启动“青蓝工程”。")


def test_a_quoted_policy_cited_as_the_ground_of_the_work_is_no_deed(analyse):
    # 按照 (a body's name) “X”政策要求: the body named is cited, the sentence's subject follows it
    links = {(o, m) for o, m, _a in implements_links(
        analyse, "近年来，教育部门按照国务院“两为主、两纳入”政策要求，积极推动各地接收随迁子女入学。")}
    assert ("国务院", "两为主、两纳入") not in links
    # carrying the same policy out is a deed
    links = {(o, m) for o, m, _a in implements_links(analyse, "城南区教育局全面落实“两为主、两纳入”政策，保障随迁子女入学。")}
    assert ("城南区教育局", "两为主、两纳入") in links


def test_an_organisation_being_built_is_no_actor(analyse):
    links = {(o, m) for o, m, _a in implements_links(
        analyse, "大连理工大学健全立德树人落实机制，以重点马克思主义学院建设为契机，加强理想信念教育和“红色基因”教育。")}
    assert ("马克思主义学院", "红色基因") not in links and ("大连理工大学", "红色基因") in links
    links = {(o, m) for o, m, _a in implements_links(
        analyse, "他们加强思想研究中心建设，实施教学和智库建设创新工程。")}
    assert not any(o == "思想研究中心" for o, m in links)
    # a school that builds something is still its actor
    links = {(o, m) for o, m, _a in implements_links(analyse, "城南中学建设“智慧校园”，开展“阳光体育”活动。")}
    assert any(o == "城南中学" and m == "阳光体育" for o, m in links)


def test_a_clause_about_what_each_university_is_to_do_has_its_own_subject(analyse):
    # …强调，各高校要…；认真落实X: the clauses go on with 各高校, whom the bureau urges
    links = {(o, m) for o, m, _a in implements_links(
        analyse, "城南区教育局强调，疫情防控任务重，各高校要加强返校学生健康排查；认真落实“零报告”制度。")}
    assert not any(o == "城南区教育局" for o, m in links)
    links = {(o, m) for o, m, _a in implements_links(
        analyse, "城南区教育局加强返校学生健康排查；认真落实“零报告”制度。")}
    assert ("城南区教育局", "零报告制度") in links


def test_what_a_body_achieves_is_no_measure(analyse):
    """实现 is no verb of doing (train/'s gold: 0 of 5 quoted names after it are measures):
    what follows is a state reached (rules/measure_cues.tsv, the measure model retrained)."""
    from .implements_links import measures
    assert measures(analyse, "我省学生资助政策体系实现了“三个全覆盖”，即学前教育、义务教育、高中阶段教育全覆盖。") == set()
    assert measures(analyse, "为广东努力实现“四个走在全国前列”凝聚力量。") == set()
    assert measures(analyse, "城南小学开展“手拉手”活动，实现了“手把手”教学。") == {"手拉手"}


def test_titles_cited_one_after_another_are_cited_all(analyse):
    from pipeline.relations.not_deeds import cited
    text = "根据《中华人民共和国高等教育法》《高等学校章程制定暂行办法》，东北师范大学制定了章程。"
    assert cited(text, text.index("高等学校章程")) and cited(text, text.index("中华人民共和国高等教育法"))
    text = "东北师范大学印发《学生管理办法》《教师考核办法》。"
    assert not cited(text, text.index("教师考核办法"))


def test_what_is_new_about_the_work_names_no_measure(analyse):
    from .implements_links import measures
    assert measures(analyse, "樊锦诗带领团队突破传统方法和手段，构建了多学科深度交叉融合的石窟考古新模式。") == set()
    assert measures(analyse, "城南区教育局建立健全区域协同发展新机制，实施农村营养改善计划。") == {"农村营养改善计划"}
