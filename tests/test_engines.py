"""``build --engine dask``: the per-report stage on a real Dask LocalCluster (its own
worker processes, reports sent as bytes) gives the same outputs, byte for byte, as the
default engine; the default engine never imports dask."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import build

from .conftest import RAW, ROOT
from .trees import same_outputs

pytest.importorskip("distributed")


def test_a_build_on_a_local_dask_cluster_equals_the_default_engine(seed_build, tmp_path):
    out = tmp_path / "dask"
    summary = build.run(RAW, out, workers=1, progress=False, engine="dask")
    assert summary.reports == 5 and summary.sections == 13
    same_outputs(seed_build, out)


def test_a_build_on_a_running_scheduler_equals_the_default_engine(seed_build, tmp_path):
    """The scheduler given by address, as on a cluster."""
    from dask.distributed import LocalCluster
    src = tmp_path / "in"
    shutil.copytree(RAW, src)
    out = tmp_path / "dask"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        build.run(src, out, workers=1, progress=False, engine="dask", scheduler=cluster.scheduler_address)
    same_outputs(seed_build, out)
    # a second build with nothing changed sends nothing to any cluster
    again = build.run(src, out, workers=1, progress=False, engine="dask", scheduler="tcp://127.0.0.1:9")
    assert again.reports == 5


def test_the_default_engine_does_not_import_dask():
    code = "import sys, pipeline.build, pipeline.assemble, pipeline.store; print(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))"
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.strip() == "False", res.stderr
