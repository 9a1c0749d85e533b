"""Comparing two output folders byte for byte (shared by the incremental and engine tests)."""
from __future__ import annotations

import filecmp
from pathlib import Path


def same_outputs(a: Path, b: Path) -> None:
    """Every file of the two output sets (tables, cleaned texts, GraphML) and the query index
    are the same bytes; the per-build work folders are not compared."""
    cmp = filecmp.dircmp(a, b, ignore=["work", ".builds"])

    def same(c):
        for name in c.common_files:
            assert (Path(c.left) / name).read_bytes() == (Path(c.right) / name).read_bytes(), (c.left, name)
        assert not c.left_only and not c.right_only, (c.left, c.left_only, c.right_only)
        for sub in c.subdirs.values():
            same(sub)
    same(cmp)
    index = Path(".builds") / "current" / "index.sqlite"  # the query index, too
    assert (a / index).read_bytes() == (b / index).read_bytes()
    assert (a / "graph.graphml").read_bytes() == (b / "graph.graphml").read_bytes()
