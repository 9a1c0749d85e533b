"""A rebuild that patches the index of the set its switch retires takes that set's cleaned
texts with it: the texts of the reports not made again are in place already, the others
are written anew, and those of reports gone are removed, so that the folder is that of a
full build of the same inputs."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pipeline import build, indexpatch

from .conftest import RAW, SEEDS
from .trees import same_outputs

ADDED = ("本报讯（记者 林晓燕）3月12日，城东区教育局在城东区实验小学召开课后服务工作推进会。"
         "局长陈国华要求全区42所学校落实“双减”政策，确保课后服务全覆盖。\n")


def _touch(p: Path) -> None:
    later = time.time() + 5
    os.utime(p, (later, later))


def test_the_retired_sets_cleaned_texts_are_taken_and_made_those_of_a_full_build(tmp_path, monkeypatch):
    monkeypatch.setattr(indexpatch, "MAX_SHARE", 1.0)  # five reports: patched however many change
    taken = []
    real = build.index_to_take
    monkeypatch.setattr(build, "index_to_take", lambda out: taken.append(real(out)) or taken[-1])
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, inputs)
    build.run(inputs, out, workers=1, progress=False)            # set 1: whole
    (inputs / "新增报道.txt").write_text(ADDED, encoding="utf-8")
    build.run(inputs, out, workers=1, progress=False)            # set 2: one report added
    changed = inputs / f"{SEEDS['003']}.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _touch(changed)
    build.run(inputs, out, workers=1, progress=False)            # set 3
    (inputs / "新增报道.txt").unlink()
    build.run(inputs, out, workers=1, progress=False)            # set 4: takes set 2's index and texts
    assert [t.parent.name for t in taken[-2:]] == ["000001", "000002"]
    cleaned = out / "tables" / "cleaned"
    assert not (cleaned / "新增报道.txt").exists()
    full = tmp_path / "full"
    build.run(inputs, full, workers=1, progress=False)
    same_outputs(out, full)
    # the texts of the reports not made again are the files of the set they were taken from
    # (hard links shared with the sets before), never written in place
    kept = cleaned / f"{SEEDS['001']}.txt"
    assert kept.stat().st_nlink >= 2
