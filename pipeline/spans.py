"""The spans of an output set: where each unit of its tables and GraphML lies.

Every spliced file (pipeline/splice.py) is a run of *units* (a report section's mentions,
an entity's row, a (type, source)'s relations, a node, a source's edges), sorted by key.
Whenever a set is written, the key and the length in bytes of every unit are recorded
beside it, in ``spans.bin`` (the tables) and ``spans-graph.bin`` (the GraphML, written
by its helper process), with the version of the code and rules that wrote them. A
rebuild reads them to copy the units that did not change and make the others again.
"""
from __future__ import annotations

import functools
import json
import os
import zlib
from array import array
from pathlib import Path

from .util import atomic_file

SPANS = "spans.bin"
GRAPH_SPANS = "spans-graph.bin"


def encode(key: tuple) -> bytes:
    """A unit's key as stored: UTF-8, two parts joined by NUL. Bytes order as the tables
    are sorted (SQLite's binary collation; NUL before any character)."""
    return "\0".join(key).encode("utf-8")


class Units:
    """The units of one file, in file order: their keys packed in one blob (``keys``, no
    separator) with the length of each key (``klens``) and the length in bytes of each
    unit (``lens``), both numpy int64 arrays, so that a rebuild reads, splices and writes
    them whole, without a Python step per unit."""

    def __init__(self, keys: bytes, klens, lens):
        import numpy as np  # here: a no-op build never loads it
        self.keys, self.klens, self.lens = keys, klens, lens
        self.koffs = np.concatenate(([0], np.cumsum(klens, dtype=np.int64)))

    def __len__(self) -> int:
        return len(self.lens)

    def key(self, i: int) -> bytes:
        return self.keys[self.koffs[i]:self.koffs[i + 1]]

    def find(self, dk: bytes, lo: int) -> int:
        """The first index >= lo whose key is not below ``dk`` (the keys are sorted)."""
        hi = len(self.lens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.key(mid) < dk:
                lo = mid + 1
            else:
                hi = mid
        return lo


class Spans:
    """The unit lengths of the files of one output set, written to ``path`` when closed:
    per file, its units' keys (one blob, the keys' lengths beside it) and lengths (64-bit
    integers), so that a rebuild reads and writes them whole, without a Python step per
    unit; and ``meta`` (the version that wrote them, the GraphML's keys). The file is a
    JSON head (``meta``, each file's unit count and key bytes, a CRC-32 of the rest) and
    the blobs after it (:func:`read_spans`)."""

    def __init__(self, path: Path, version: str):
        self.path, self.meta = path, {"version": version}
        self.keys: dict[str, list[bytes]] = {}
        self.lens: dict[str, array] = {}
        self.whole: dict[str, tuple[bytes, bytes, bytes]] = {}  # tab -> (keys, klens, lens) as stored

    def add(self, tab: str, key: tuple, n: int) -> None:
        """One unit of ``tab`` written: its key and its length in bytes, in file order."""
        if tab not in self.keys:
            self.keys[tab], self.lens[tab] = [], array("q")
        self.keys[tab].append(encode(key))
        self.lens[tab].append(n)

    def put(self, tab: str, units: Units) -> None:
        """All of ``tab``'s units at once."""
        import numpy as np
        self.whole[tab] = (units.keys, np.ascontiguousarray(units.klens, dtype="<i8").tobytes(),
                           np.ascontiguousarray(units.lens, dtype="<i8").tobytes())

    def clear(self, tabs) -> None:
        """Forget the units of ``tabs`` (a file written without spans)."""
        for t in tabs:
            self.keys.pop(t, None)
            self.lens.pop(t, None)
            self.whole.pop(t, None)

    def close(self) -> None:
        """Write the spans file atomically (not flushed to disk: one cut short by a power
        failure fails its check, and the next build writes its files whole)."""
        import numpy as np
        rows = dict(self.whole)
        for tab, keys in self.keys.items():
            rows[tab] = (b"".join(keys), np.fromiter(map(len, keys), dtype="<i8", count=len(keys)).tobytes(),
                         np.frombuffer(self.lens[tab], dtype=np.int64).astype("<i8").tobytes())
        blobs = [b for t in sorted(rows) for b in rows[t]]
        crc = 0
        for b in blobs:
            crc = zlib.crc32(b, crc)
        head = json.dumps({"meta": self.meta, "tabs": {t: [len(rows[t][1]) // 8, len(rows[t][0])] for t in sorted(rows)},
                           "crc": crc}, ensure_ascii=False, sort_keys=True).encode("utf-8")
        with atomic_file(self.path, "wb", durable=False) as f:
            f.write(MAGIC + len(head).to_bytes(8, "little") + head)
            for b in blobs:
                f.write(b)

    def abort(self) -> None:
        """Drop what was recorded: nothing is written."""
        self.keys, self.lens, self.whole = {}, {}, {}


MAGIC = b"spans 2\n"


def _head(f) -> dict | None:
    """The JSON head of a spans file (the file read up to its blobs); None when it is not one."""
    start = f.read(len(MAGIC) + 8)
    if len(start) != len(MAGIC) + 8 or not start.startswith(MAGIC):
        return None
    n = int.from_bytes(start[len(MAGIC):], "little")
    try:
        head = json.loads(f.read(n).decode("utf-8"))
    except ValueError:
        return None
    return head if isinstance(head, dict) else None


def read_meta(path: Path) -> dict:
    """The meta rows (code version, …) of a set's spans file; {} when it cannot be read."""
    try:
        with open(path, "rb") as f:
            got = _head(f)
    except OSError:
        return {}
    return dict(got.get("meta") or {}) if got else {}


def read_spans(path: Path, tab: str) -> Units | None:
    """The units of one file of the previous set, in file order; None when the spans file
    is missing, not whole (its CRC-32) or does not have that file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _spans_of(str(path), st.st_mtime_ns, st.st_size).get(tab)


@functools.lru_cache(maxsize=2)
def _spans_of(path: str, mtime_ns: int, size: int) -> dict:
    """Every file's units in a spans file (read once per version of the file: the tables'
    four and the GraphML's two are asked for one by one)."""
    import numpy as np
    try:
        with open(path, "rb") as f:
            head = _head(f)
            if head is None:
                return {}
            body = f.read()
    except OSError:
        return {}
    tabs = head.get("tabs") or {}
    if zlib.crc32(body) != head.get("crc"):
        return {}
    out, off = {}, 0
    for t in sorted(tabs):
        n, kbytes = tabs[t]
        if off + kbytes + 16 * n > len(body):
            return {}
        keys = body[off:off + kbytes]
        klens = np.frombuffer(body, dtype="<i8", count=n, offset=off + kbytes)
        lens = np.frombuffer(body, dtype="<i8", count=n, offset=off + kbytes + 8 * n)
        if int(klens.sum()) == len(keys) and not (n and (klens.min() < 0 or lens.min() < 0)):
            out[t] = Units(keys, klens, lens)
        off += kbytes + 16 * n
    return out if off == len(body) else {}
