"""The tables' file format: CSV that spreadsheet programs open right and cannot be tricked
by, and its exact inverse for programs.

- UTF-8 with a byte-order mark (Excel on a Chinese Windows otherwise reads GBK: mojibake),
  comma-separated, ``\\n`` line ends, a header row, every cell quoted only when it must be.
- A cell that a spreadsheet would run as a formula - text starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return - is written with a leading apostrophe (``'=HYPERLINK(..)``
  becomes ``'=HYPERLINK(..)`` shown as text). Numbers (``-3``, ``+0.5``) are left as they are. A
  cell that itself starts with an apostrophe gets one more, so that :func:`restore` (drop one
  leading apostrophe) gives back exactly the text that was written: evidence sentences read
  with :func:`read_rows` or ``pipeline.load`` still equal ``cleaned_text[start:end]``.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

BOM = "\ufeff"
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?\Z")
RISKY = ("=", "+", "-", "@", "\t", "\r", "'")  # first characters that need care
_RISKY = RISKY


def neutralise(cell) -> str:
    """The text written for one cell."""
    s = "" if cell is None else str(cell)
    if s and s[0] in _RISKY and not _NUMBER.match(s):
        return "'" + s
    return s


def restore(cell: str) -> str:
    """The inverse of :func:`neutralise` on text read from one of our tables."""
    return cell[1:] if cell[:1] == "'" else cell


def to_csv(rows: list[dict], cols: list[str]) -> str:
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows([neutralise(r.get(c, "")) for c in cols] for r in rows)
    return buf.getvalue()


def read_rows(path: Path) -> list[dict]:
    """A table as a list of dicts of text, with the writer's escapes undone."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [{k: restore(v) for k, v in r.items()} for r in csv.DictReader(f)]


def read_frame(path: Path):
    """A table as a pandas DataFrame of plain ``str`` cells (empty cells ``""``), the
    writer's escapes undone. ``pipeline.load`` gives typed columns."""
    import pandas as pd
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for c in df.columns:
        col = df[c]
        if col.str.startswith("'").any():
            df[c] = col.map(restore)
    return df
