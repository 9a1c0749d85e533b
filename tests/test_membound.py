"""The memory bound of one report's extraction (pipeline/membound.py), report after report
in one process: one watcher thread serves them all, and each report is bounded anew."""
import threading
import time

import pytest

from pipeline import membound

pytestmark = pytest.mark.skipif(membound.rss_mb() is None, reason="no /proc/self/statm here")


def _grow(held: list, steps: int = 400) -> None:
    for _ in range(steps):   # 8 MB more every few milliseconds, 3.2 GB at most
        held.append(bytearray(8 << 20))
        time.sleep(0.003)


def test_each_report_is_bounded_anew_by_one_watcher():
    before = threading.active_count()
    for _ in range(3):
        held: list = []
        with pytest.raises(membound.TooBig):
            with membound.bound(100):
                _grow(held)
        assert 100 <= len(held) * 8 < 3200   # stopped after the bound, not at the end
        held.clear()
        with membound.bound(100):   # a report within its bound is left alone
            small = [bytearray(1 << 20) for _ in range(4)]
        assert len(small) == 4
    assert threading.active_count() <= before + 1


def test_no_bound_no_watch():
    held: list = []
    with membound.bound(None):
        _grow(held, steps=5)
    assert len(held) == 5
