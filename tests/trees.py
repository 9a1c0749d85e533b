"""Comparing two output folders byte for byte, and their indexes' content (shared by the
incremental, engine, splice and index patch tests)."""
from __future__ import annotations

import filecmp
from pathlib import Path

from pipeline import indexpatch


def same_outputs(a: Path, b: Path) -> None:
    """Every file of the two output sets (tables, cleaned texts, GraphML) is the same bytes and
    the query indexes have the same content; the per-build work folders are not compared."""
    cmp = filecmp.dircmp(a, b, ignore=["work", ".builds"])

    def same(c):
        for name in c.common_files:
            assert (Path(c.left) / name).read_bytes() == (Path(c.right) / name).read_bytes(), (c.left, name)
        assert not c.left_only and not c.right_only, (c.left, c.left_only, c.right_only)
        for sub in c.subdirs.values():
            same(sub)
    same(cmp)
    # the query index, too: its content (a patched index numbers its rows in the gaps)
    index = Path(".builds") / "current" / "index.sqlite"
    assert indexpatch.dump(a / index) == indexpatch.dump(b / index)
    assert (a / "graph.graphml").read_bytes() == (b / "graph.graphml").read_bytes()
