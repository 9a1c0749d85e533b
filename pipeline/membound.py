"""A memory bound for one report's extraction.

A watcher thread (one per process, reused by every report) reads the process's resident
memory (``/proc/self/statm``) every 20 ms while a report is being extracted; when it grows more than the bound above what it was when the report began, the watcher
signals the main thread, whose handler raises ``TooBig`` there. ``TooBig`` is a
BaseException, so the stages' own ``except Exception`` cannot swallow it: the report's
extraction ends, its memory is freed as the stack unwinds, and the build lists it with
status ``error`` and goes on. (A blow-up inside one long call of a C library is only stopped
when that call returns; a process the kernel kills for memory is handled by the build as a
worker that died.)

Where the bound cannot be kept (no /proc, not the main thread) the context does nothing.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading

__all__ = ["TooBig", "bound", "rss_mb"]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_STATM = "/proc/self/statm"
POLL = 0.02


class TooBig(BaseException):
    """Raised in the main thread when the report's extraction used more memory than allowed."""


def rss_mb() -> float | None:
    """Resident memory of this process in MB, or None where it cannot be read."""
    try:
        with open(_STATM, "rb") as f:
            return int(f.read().split()[1]) * _PAGE / 1048576
    except (OSError, ValueError, IndexError):
        return None


class _Watch:
    """One report's watch: its limit, whether the watcher fired, whether it has ended."""

    def __init__(self, limit: float):
        self.limit = limit
        self.fired = threading.Event()
        self.stop = threading.Event()


class _Watcher:
    """The process's one watcher thread, started on first use and reused by every report
    (a thread per report cost more than the watching); a forked child starts its own."""

    def __init__(self):
        self.lock = threading.Lock()
        self.armed = threading.Event()
        self.current: _Watch | None = None
        self.main = threading.main_thread().ident
        threading.Thread(target=self.run, name="memory-bound", daemon=True).start()

    def run(self):
        while True:
            self.armed.wait()
            w = self.current
            if w is None or w.stop.wait(POLL):
                continue
            now = rss_mb()
            if now is not None and now > w.limit:
                with self.lock:   # never a signal after the report's watch has ended
                    if w.stop.is_set():
                        continue
                    w.fired.set()
                    self.armed.clear()
                    with contextlib.suppress(Exception):
                        signal.pthread_kill(self.main, signal.SIGUSR2)

    def arm(self, w: _Watch):
        self.current = w
        self.armed.set()

    def disarm(self, w: _Watch):
        with self.lock:
            w.stop.set()
            self.armed.clear()
            if self.current is w:
                self.current = None


_watcher: _Watcher | None = None
_watcher_pid = 0


def _the_watcher() -> _Watcher:
    global _watcher, _watcher_pid
    if _watcher is None or _watcher_pid != os.getpid():   # threads do not survive a fork
        _watcher, _watcher_pid = _Watcher(), os.getpid()
    return _watcher


@contextlib.contextmanager
def bound(mb: float | None):
    """TooBig raised in this (main) thread when resident memory grows by more than ``mb``."""
    base = rss_mb() if mb else None
    if base is None or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "pthread_kill"):
        yield
        return
    w = _Watch(base + mb)

    def on_signal(signum, frame):
        if w.fired.is_set() and not w.stop.is_set():
            raise TooBig()

    old = signal.signal(signal.SIGUSR2, on_signal)
    watcher = _the_watcher()
    watcher.arm(w)
    try:
        yield
    finally:
        watcher.disarm(w)
        signal.signal(signal.SIGUSR2, old)
