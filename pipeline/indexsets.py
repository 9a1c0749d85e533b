"""The index a rebuild patches in place instead of copying (pipeline/indexpatch.py): the
spare copy a whole build leaves in work/, else the index of the set the next switch retires.

Neither is needed by a set in use once the rebuild is switched to, so the rebuild moves it
into its new set and patches that file; the current set and the previous one keep theirs
untouched. The store keeps which report revisions each index holds (``index_revs``, under
the set's name or "spare"), so an index of an older build is patched as well.
"""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from . import indexpatch
from .assemble import INDEX

SPARE_INDEX = "index-spare.sqlite"  # in work/: a copy of the index a whole build made, for the next patch


def index_to_take(out: Path, done: list[Path], current: str | None, keep_builds: int) -> Path | None:
    """The spare a whole build left in ``out``/work, else the index of the newest set the
    next switch retires. ``done``: the finished sets, oldest first; ``current``: the name
    of the one in place; ``keep_builds``: how many sets a switch keeps (the new one among
    them). None: there is none, the index in place is copied instead."""
    spare = out / "work" / SPARE_INDEX
    if spare.is_file():
        return spare
    if current is None or current not in [g.name for g in done]:
        return None
    kept = max(keep_builds - 1, 1)  # after the switch the newest of these stay (the current one among them)
    for g in reversed(done[:max(0, len(done) - kept)]):
        if g.name != current and (g / INDEX).is_file():
            return g / INDEX
    return None


def take_texts(index: Path | None, builds: Path, cleaned: Path) -> list[str]:
    """The cleaned texts of the set whose index a rebuild takes, moved with it into the new
    set's (empty) ``cleaned`` folder: the names now there. The texts of the reports the
    patch does not make again are then in place already, instead of hard-linked one by one
    (and unlinked again when the old set is pruned); a text made again replaces its name
    (never written in place: the files are shared with older sets)."""
    if index is None or index.parent.parent != builds or not (index.parent / "tables" / "cleaned").is_dir():
        return []
    try:
        os.rename(index.parent / "tables" / "cleaned", cleaned)
    except OSError:
        return []
    return os.listdir(cleaned)


def drop_texts(cleaned: Path, names) -> None:
    """The taken texts no report of the new set has (reports gone, sections gone)."""
    for name in names:
        (cleaned / name).unlink(missing_ok=True)


def revs_name(index: Path) -> str:
    """Under which name the store keeps the revisions an index holds: its set's, or "spare"."""
    return "spare" if index.name == SPARE_INDEX else index.parent.name


class SpareIndex:
    """A copy of a whole build's index made aside (a thread; the kernel copies) while the
    outputs are written, kept as work/index-spare.sqlite once the set is switched to, so
    that the next rebuild patches it in place instead of copying the index then."""

    def __init__(self, out: Path, index: Path):
        self.tmp = out / "work" / f".{SPARE_INDEX}.{os.getpid()}.tmp"
        self.final = out / "work" / SPARE_INDEX
        self.final.unlink(missing_ok=True)  # of an older index: never taken after this one
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._copy, args=(index,), daemon=True)
        self.thread.start()

    def _copy(self, index: Path) -> None:
        try:
            indexpatch.copy_index(index, self.tmp)
        except BaseException as e:  # no spare: the next rebuild copies
            self.error = e

    def keep(self, ok: bool) -> bool:
        """Whether the spare is kept (``ok``: the set it is a copy of was switched to)."""
        self.thread.join()
        kept = False
        if ok and self.error is None:
            with contextlib.suppress(OSError):
                os.replace(self.tmp, self.final)
                kept = True
        self.tmp.unlink(missing_ok=True)
        return kept
