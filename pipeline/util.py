"""Small shared helpers: atomic writes, XML-safe text, fingerprints."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import logging
import os
import re
import signal
import sys
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

# characters XML 1.0 forbids (GraphML is XML): C0 controls but tab/newline/CR, surrogates, U+FFFE/F
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_BAD.sub("", text)


@functools.lru_cache(maxsize=None)
def output_mode() -> int:
    """The mode a new file gets from the umask (0o644 with the usual 022). Read from /proc
    where it can be: setting the umask to read it back is not safe next to other threads."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def touch(path: Path, *, refresh_time: bool = True) -> None:
    """An output that stays as it is: its time refreshed (make sees it as rebuilt), its
    mode the one new outputs get."""
    if refresh_time:
        os.utime(path)
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != output_mode():
            os.chmod(path, output_mode())


def write_atomic(path: Path, data: bytes | str, *, touch_if_same: bool = True, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a crash
    never leaves a half-written file. Identical content is not rewritten (only its time is
    refreshed, which keeps make's view of the build consistent). Returns True if written.

    The file gets the mode the umask gives new files (the temporary file starts private).
    ``durable`` also flushes the data to disk before the rename, so that not even a power
    cut leaves an empty file behind; files the next build checks and rewrites anyway (the
    per-report cache, the cleaned texts) skip that."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        st = path.stat() if path.is_file() else None
        if st is not None and st.st_size == len(data) and path.read_bytes() == data:
            touch(path, refresh_time=touch_if_same)
            return False
    except OSError:
        pass
    with atomic_file(path, "wb", durable=durable) as f:
        f.write(data)
    return True


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "w", *, durable: bool = True):
    """A file object written through a temporary file and renamed into place only when the
    block completes (removed on any error), so a reader never sees a half-written file. Text
    mode writes UTF-8 without newline translation; the mode is the one the umask gives new
    files; ``durable`` flushes to disk before the rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with contextlib.suppress(OSError):  # a file system without modes keeps its own
            os.fchmod(fd, output_mode())
        text = "b" not in mode
        with os.fdopen(fd, mode, encoding="utf-8" if text else None, newline="" if text else None) as f:
            yield f
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# modules that run after the per-report extraction, on its stored results (assembly,
# linking, outputs, queries, tools): a change to them re-extracts no report
AFTER_EXTRACTION = ("assemble.py", "build.py", "store.py", "graph.py", "communities.py", "link.py", "linkstore.py",
                    "linkbench.py", "benchref.py", "delta.py", "splice.py", "indexpatch.py", "commdelta.py",
                    "indexsets.py", "query.py", "inspect.py", "explore", "benchscale.py", "scalegen.py", "storegen.py",
                    "bench.py", "engines.py", "linkeval.py", "evaluate.py", "relscore.py", "__main__.py", "csvio.py",
                    "loader.py", "duplicates.py", "spans.py", "graphml.py", "outsets.py")
# of those, the modules that make the store's rows from an extraction
ROWS_CODE = ("assemble.py", "store.py", "graph.py", "linkstore.py", "link.py")  # link.py: the groups kept per key


def code_fingerprint(part: str = "extraction") -> str:
    """A hash of the pipeline's code, configuration and trained models (rule files are
    hashed separately): of what the per-report extraction runs (``extraction``), or of the
    modules that make the store's rows from it (``rows``: ROWS_CODE)."""
    h = hashlib.sha256()
    models = Path(os.environ.get("EDU_MODELS_DIR", PACKAGE_DIR.parent / "models"))
    files = [p for p in PACKAGE_DIR.rglob("*") if p.suffix in (".py", ".cfg")]
    if part == "rows":
        files = [p for p in files if p.relative_to(PACKAGE_DIR).as_posix() in ROWS_CODE]
    else:
        files = [p for p in files if p.relative_to(PACKAGE_DIR).parts[0] not in AFTER_EXTRACTION]
        files += [p for p in models.glob("*") if not p.name.startswith(".")]
    for p in sorted(files):
        if p.is_file():
            h.update(p.relative_to(p.parent.parent).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


@contextlib.contextmanager
def quiet():
    """Silence a library that prints banners or logs to stdout/stderr (jionlp, jieba)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    level = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
        logging.disable(level)


def occurrences(text: str, s: str):
    """(start, end) of every occurrence of ``s`` in ``text``, left to right, each after the
    one before: what ``re.finditer(re.escape(s), text)`` gives for a non-empty ``s``, without
    compiling a pattern (a pattern made of each name met would crowd re's cache of compiled
    patterns, and every stage's patterns compiled again)."""
    if not s:
        yield from (m.span() for m in re.finditer("", text))
        return
    n = len(s)
    i = text.find(s)
    while i >= 0:
        yield i, i + n
        i = text.find(s, i + n)


def finditer_at(rx: re.Pattern, text: str, first: re.Pattern):
    """``rx.finditer(text)``, tried only where ``first`` (a character class) finds a
    character that a match of rx can start with. Same matches, much faster for patterns
    that open with an optional group, which ``re`` otherwise tries at every position."""
    end = 0
    for c in first.finditer(text):
        p = c.start()
        if p < end:
            continue
        m = rx.match(text, p)
        if m is not None:
            yield m
            end = max(m.end(), p + 1)


class Aside:
    """``fn()`` (returning a bool) run in a forked child process while this one goes on.

    ``result()`` waits for the child and gives fn's result; a failure in the child is
    printed there and raised here as RuntimeError. ``cancel()`` stops and reaps the child
    (for this process's own error paths). Where fork is missing or fails, fn runs at once."""

    def __init__(self, fn):
        self.pid, self._result = None, None
        if hasattr(os, "fork"):
            sys.stdout.flush()
            sys.stderr.flush()
            parent = os.getpid()
            try:
                self.pid = os.fork()
            except OSError:  # no memory or no process left for a child: do it here
                self.pid = None
            if self.pid == 0:  # the child: run, report through the exit code, leave at once
                code = 2
                try:
                    die_with_parent(parent)
                    code = 1 if fn() else 0
                except BaseException:
                    import traceback
                    traceback.print_exc()
                finally:
                    sys.stderr.flush()
                    os._exit(code)
        if self.pid is None:
            self._result = fn()

    def result(self) -> bool:
        if self.pid is None:
            return self._result
        pid, self.pid = self.pid, None
        try:
            _, status = os.waitpid(pid, 0)
        except BaseException:
            self.pid = pid  # interrupted while waiting: cancel() still reaps it
            raise
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise RuntimeError(f"a helper process failed (exit code {code})")
        self._result = code == 1
        return self._result

    def cancel(self) -> None:
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)


class Beside:
    """``fn()`` in a thread while this one goes on; ``result()`` waits for it and gives its
    value, or raises its error here."""

    def __init__(self, fn):
        import threading
        self.value, self.error = None, None

        def run():
            try:
                self.value = fn()
            except BaseException as e:  # noqa: BLE001 - raised again in the caller's thread
                self.error = e
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def result(self):
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.value


def die_with_parent(parent: int) -> None:
    """Make this (forked) process end when ``parent`` ends, however it ends (kill -9
    included): the kernel sends SIGKILL on the parent's death where it can (Linux), and a
    watcher thread checks the parent every second elsewhere."""
    import threading
    import time
    with contextlib.suppress(Exception):
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the signal was set up
        os._exit(1)

    def watch():
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def cache_dir() -> Path:
    """Where tables parsed from packaged data are kept between runs (only ever a copy:
    rebuilt when missing, stale or unreadable)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "edu-kg-pipeline"


def cached(name: str, source: bytes, build, *, dumps, loads):
    """``build()``, or its result saved earlier for the same ``source`` bytes."""
    path = cache_dir() / f"{name}-{hashlib.sha256(source).hexdigest()[:16]}"
    try:
        return loads(path.read_bytes())
    except Exception:  # no cache yet, an old or broken one: build it again
        pass
    value = build()
    with contextlib.suppress(OSError):  # a read-only home: work without the cache
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(dumps(value))
        os.replace(tmp, path)
    return value
