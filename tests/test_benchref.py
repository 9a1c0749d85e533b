"""The build-time target scaled by the entity model (pipeline/benchref.py)."""
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline import benchref

ROOT = Path(__file__).resolve().parent.parent


def run(stages: dict, total: float) -> dict:
    return {"total": total, "stages": stages, "reports": 10}


def test_factor_counts_only_the_entity_stage():
    # now: 30 s in all, 15 of them entities; the first release's entities took 5 s, and
    # its measures far less (they do not count): 30 / (30 - 10)
    now = run({"edu_entities": 15.0, "edu_measures": 4.0}, 30.0)
    then = run({"edu_entities": 5.0, "edu_measures": 0.2}, 16.0)
    assert benchref.factor(now, then) == pytest.approx(1.5)
    # an entity stage as fast as the first release's scales nothing
    assert benchref.factor(run({"edu_entities": 5.0}, 20.0), then) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        benchref.factor(run({"edu_entities": 40.0}, 30.0), run({"edu_entities": 5.0}, 10.0))


def test_medians_over_rounds():
    m = benchref.median_times([run({"edu_entities": 3.0, "edu_dates": 1.0}, 9.0),
                               run({"edu_entities": 5.0}, 12.0),
                               run({"edu_entities": 4.0, "edu_dates": 2.0}, 10.0)])
    assert m["total"] == 10.0
    assert m["stages"] == {"edu_dates": 1.0, "edu_entities": 4.0}  # a round without a stage counts 0


def test_describe_gives_the_scaled_target_and_the_projection():
    c = {"reference": "abc1234", "reports": 10, "rounds": 3, "factor": 1.4, "target_min": 42.0,
         "then": run({"edu_entities": 5.0}, 16.0), "now": run({"edu_entities": 15.0}, 30.0)}
    text = benchref.describe(c, 100_000.0, 10_000)
    assert "30 min x 1.40 = **42.0 min** for 200 M characters" in text
    assert "| edu_entities | 5.00 s | 15.00 s | 3.00 |" in text
    assert "3 rounds" in text
    # 200 M characters at 100,000 a second: 2,000 s
    assert "**33.3 min**" in text
    assert benchref.projected_min(200_000_000 / 1800) == pytest.approx(30.0)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_checkout_unpacks_one_commit(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    (repo / "a.txt").write_text("第一版", encoding="utf-8")
    subprocess.run(git + ["add", "a.txt"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "one"], check=True)
    first = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    (repo / "a.txt").write_text("第二版", encoding="utf-8")
    subprocess.run(git + ["commit", "-q", "-am", "two"], check=True)
    out = benchref.checkout(repo, first[:7], tmp_path / "ref")
    assert (out / "a.txt").read_text(encoding="utf-8") == "第一版"
    with pytest.raises(RuntimeError, match="no commit"):
        benchref.checkout(repo, "0" * 40, tmp_path / "none")


def test_stage_times_of_this_checkout(tmp_path):
    report = tmp_path / "r1.txt"
    report.write_text("城南区教育局召开会议，局长王海平要求全区38所学校做好“停课不停学”工作。", encoding="utf-8")
    got = benchref.stage_times(ROOT, [report, report])
    assert got["reports"] == 2 and got["sections"] >= 2
    assert benchref.ENTITY_STAGE in got["stages"]
    assert 0 < got["stages"][benchref.ENTITY_STAGE] < got["total"]


def test_a_checkout_that_reads_nothing_is_an_error(tmp_path):
    pkg = tmp_path / "ref" / "pipeline"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "nlp.py").write_text("class N:\n    pipeline = []\n    _components = []\n\ndef load():\n    return N()\n")
    (pkg / "extract.py").write_text("def extract_report(path, nlp=None):\n    return {'sections': []}\n")
    report = tmp_path / "r1.txt"
    report.write_text("城南区教育局召开会议。", encoding="utf-8")
    with pytest.raises(RuntimeError, match="read no section"):
        benchref.stage_times(tmp_path / "ref", [report])


def test_a_checkout_that_fails_says_why(tmp_path):
    pkg = tmp_path / "ref" / "pipeline"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("raise ImportError('这个版本坏了')\n", encoding="utf-8")
    report = tmp_path / "r1.txt"
    report.write_text("城南区教育局召开会议。", encoding="utf-8")
    with pytest.raises(RuntimeError, match="这个版本坏了"):
        benchref.stage_times(tmp_path / "ref", [report])


def test_the_benchmark_module_is_no_part_of_the_extraction(tmp_path, monkeypatch):
    # a change to pipeline/benchref.py re-extracts no report (it runs after the build)
    from pipeline import util
    pkg = tmp_path / "pipeline"
    shutil.copytree(util.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__", "assets"))
    monkeypatch.setattr(util, "PACKAGE_DIR", pkg)
    before = util.code_fingerprint()
    (pkg / "benchref.py").write_text((pkg / "benchref.py").read_text(encoding="utf-8") + "\n# 基准\n", encoding="utf-8")
    assert util.code_fingerprint() == before


def test_each_rebuild_of_the_scale_benchmark_is_timed_after_the_disk_settles(monkeypatch):
    from pipeline import benchscale
    calls = []
    monkeypatch.setattr(benchscale.os, "sync", lambda: calls.append("sync"))
    assert benchscale.settle() >= 0 and calls == ["sync"]
    row = {"reports": 20000, "chars": 43.0e6, "replicated": True, "real": "", "build_s": 131.0, "peak": 0.5 * 2**30,
           "noop_s": 0.4, "one_s": 4.6, "undo_s": 4.8, "inspect_cli_s": 0.2, "inspect_s": 0.03,
           "measures_cli_s": 3.7, "tokenise_cps": 364738.0, "writeback_s": 9.3, "one_writeback_s": 1.2,
           "one_phases": [{"phase": "extract", "s": 1.6}]}
    text = benchscale.table([row], 2)
    assert "timed once the writes before it are on the disk (sync; the wait for them, 20,000: 9.3 s after the " \
           "build, 1.2 s after the change)" in text
