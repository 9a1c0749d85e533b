"""A memory bound for one report's extraction.

A watcher thread reads the process's resident memory (``/proc/self/statm``) every 20 ms;
when it grows more than the bound above what it was when the report began, the watcher
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


@contextlib.contextmanager
def bound(mb: float | None):
    """TooBig raised in this (main) thread when resident memory grows by more than ``mb``."""
    base = rss_mb() if mb else None
    if base is None or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "pthread_kill"):
        yield
        return
    limit = base + mb
    stop = threading.Event()
    fired = threading.Event()
    main = threading.main_thread().ident

    def on_signal(signum, frame):
        if fired.is_set() and not stop.is_set():
            raise TooBig()

    def watch():
        while not stop.wait(POLL):
            now = rss_mb()
            if now is not None and now > limit:
                fired.set()
                with contextlib.suppress(Exception):
                    signal.pthread_kill(main, signal.SIGUSR2)
                return

    old = signal.signal(signal.SIGUSR2, on_signal)
    watcher = threading.Thread(target=watch, name="memory-bound", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()
        signal.signal(signal.SIGUSR2, old)
