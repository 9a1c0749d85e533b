"""The output folder's sets: each build writes a new one into ``<out>/.builds/<n>/``, and
one atomic rename of the symlink ``.builds/current`` switches to it; ``graph.graphml`` and
``tables`` in ``<out>`` are symlinks through ``current``. Older sets are moved aside and
removed by a process of their own (the build does not wait for the disk).

**Atomic, and durable on request.** A reader sees the old set or the new one, never a
mix or a half-written file, and a build killed at any point leaves the set in place as it
was. By default a build does not wait for the disk to hold the new set: the kernel writes
it back within some seconds, as it does the store and the index (SQLite with
``synchronous=OFF``). A power cut in those seconds can leave the newest set's files short;
the next build then finds them not what their spans say and writes them whole (the tables
and the GraphML; an index it cannot patch is made again), from the store. ``--durable``
(``build.run(durable=True)``) puts everything written on the output folder's file system
on the disk before the switch, and the switch itself after it: some seconds more at
20,000 reports (README, "Where the one-change time goes").
"""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from . import indexsets

BUILDS = ".builds"
KEEP_BUILDS = 2         # the current set and the one before it (a reader may still hold it)


def generations(builds: Path) -> list[Path]:
    return sorted((p for p in builds.iterdir() if p.name.isdigit() and p.is_dir() and not p.is_symlink()),
                  key=lambda p: int(p.name))


def current_set(out: Path) -> Path | None:
    """The folder of the outputs now in place (None before the first build)."""
    cur = out / BUILDS / "current"
    if cur.is_symlink() and cur.resolve().is_dir():
        return cur.resolve()
    if (out / "graph.graphml").is_file() and not (out / "graph.graphml").is_symlink():
        return out  # written by a version of the build before output sets
    return None


def reports_in(folder: Path | None) -> int:
    if folder is None:
        return 0
    try:
        import csv
        with open(folder / "tables" / "documents.csv", encoding="utf-8-sig", newline="") as f:
            return sum(1 for r in csv.DictReader(f) if r.get("status") == "ok" and not r.get("parent_id"))
    except (OSError, ValueError):
        return 0


def link(path: Path, target: str) -> None:
    """``path`` becomes a symlink to ``target``, atomically (also over an old file)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, path)


def sync_to_disk(folder: Path) -> None:
    """Everything written on ``folder``'s file system on the disk (``syncfs``; ``sync``
    where the C library has no ``syncfs``): the set, the store and the index alike."""
    import ctypes
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            syncfs = ctypes.CDLL(None, use_errno=True).syncfs
        except (OSError, AttributeError):
            syncfs = None
        if syncfs is None or syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def switch(out: Path, gen: Path, *, durable: bool = False) -> None:
    """``gen`` becomes the current set (one rename); ``durable``: the switch itself on the
    disk too (the set must be already: :func:`sync_to_disk`)."""
    builds = out / BUILDS
    link(builds / "current", gen.name)
    for name in ("graph.graphml", "tables"):
        p = out / name
        want = f"{BUILDS}/current/{name}"
        if p.is_symlink() and os.readlink(p) == want:
            continue
        if p.is_dir() and not p.is_symlink():  # an old build's folder: moved aside, then linked
            os.replace(p, builds / f"old-{name}-{os.getpid()}")
        link(p, want)
    if durable:
        _fsync_dir(builds)
        _fsync_dir(out)
    prune(out)


def prune(out: Path) -> None:
    """Remove older output sets, unfinished sets of killed builds and moved-aside folders."""
    builds = out / BUILDS
    cur = os.readlink(builds / "current") if (builds / "current").is_symlink() else None
    gens = [g for g in generations(builds)]
    keep = {cur}
    done = [g for g in gens if (g / "graph.graphml").is_file() and g.name != cur]
    keep.update(g.name for g in done[-(KEEP_BUILDS - 1):] if KEEP_BUILDS > 1)
    doomed = [g for g in gens if g.name not in keep] + list(builds.glob("old-*"))
    for p in list(builds.glob(".*.link")) + list(out.glob(".*.link")):
        with contextlib.suppress(OSError):
            p.unlink()
    remove_aside(out, doomed)


def remove_aside(out: Path, paths: list[Path]) -> None:
    """``paths`` moved out of the output folder's way (into work/.trash-*) and removed by a
    process of their own, which the build does not wait for: freeing a set's gigabytes
    takes the file system a while. What a removal left (a kill) goes with the next one."""
    trash = out / "work"
    moved = [p for p in trash.glob(".trash-*")]
    for p in paths:
        dst = trash / f".trash-{p.name}-{os.getpid()}"
        try:
            os.replace(p, dst)
            moved.append(dst)
        except OSError:  # not movable (another file system?): removed here
            shutil.rmtree(p, ignore_errors=True)
    if not moved:
        return
    try:  # a grandchild, so that no child of this process is left to reap
        pid = os.fork()
    except (AttributeError, OSError):
        pid = None
    if pid == 0:
        try:
            if os.fork() == 0:
                os.closerange(3, 1 << 16)  # the build's lock among them: the next build may start
                os.setsid()  # away from the terminal's Ctrl-C
                for p in moved:
                    shutil.rmtree(p, ignore_errors=True)
        finally:
            os._exit(0)
    if pid is None:
        for p in moved:
            shutil.rmtree(p, ignore_errors=True)
    else:
        os.waitpid(pid, 0)


def index_to_take(out: Path) -> Path | None:
    """An index the next build may move into its set and patch in place (see
    :func:`pipeline.indexsets.index_to_take`); None: the index in place is copied instead."""
    builds = out / BUILDS
    cur = os.readlink(builds / "current") if (builds / "current").is_symlink() else None
    return indexsets.index_to_take(out, [g for g in generations(builds) if (g / "graph.graphml").is_file()],
                                   cur, KEEP_BUILDS)


def new_generation(out: Path) -> Path:
    builds = out / BUILDS
    cur = os.readlink(builds / "current") if (builds / "current").is_symlink() else None
    for g in generations(builds):  # unfinished sets of killed builds (the lock is ours)
        if g.name != cur and not (g / "graph.graphml").is_file():
            shutil.rmtree(g, ignore_errors=True)
    for p in (out / "work").glob(f".{indexsets.SPARE_INDEX}.*.tmp"):  # a spare index a killed build was copying
        p.unlink(missing_ok=True)
    gens = generations(builds)
    n = int(gens[-1].name) + 1 if gens else 1
    gen = builds / f"{n:06d}"
    gen.mkdir()
    return gen
