"""The input folder -> one entry per thing in it, each with a safe, unique doc_id and, for
what is not read as a report, a status and a reason.

Nothing in the folder goes unlisted: hidden files, FIFOs, sockets, devices, subfolders
(read with ``--recursive``), symlinks (followed only to a file inside the input folder),
files of other types and the metadata sidecar all get a row in ``documents.csv``. A file
name may hold anything a file system allows (control characters, bidi marks, CR/LF, bytes
that are not UTF-8, ``#``, 255 bytes); the doc_id made from it is printable, free of what
XML and CSV cannot carry, short enough for a file name with ``#n.txt`` after it, and unique
among the doc_ids and section ids of the build.
"""
from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import SIDECARS, SUPPORTED_SUFFIXES

MAX_ID_BYTES = 120  # a doc_id + "#123.txt" stays far below the 255-byte limit of a file name


class UsageError(Exception):
    """Arguments the build cannot work with (reported in one line, exit code 2)."""


@dataclass
class Entry:
    rel: str            # path relative to the input folder, as the OS gave it (may hold surrogates)
    # what to open: the entry itself, or the file an inside symlink points to (``path``: as
    # a Path, made when first asked for: a listing of 100,000 files need not make them)
    at: str | Path = field(compare=False)
    name: str           # the relative path, printable (``file`` in documents.csv)
    doc_id: str = ""
    status: str = ""    # "" for a report to read; else skipped | refused | unsupported
    error: str = ""
    # the file's status as the listing read it (a regular file's, not a symlink's): what
    # its fingerprint is made of, without asking the file system again
    st: os.stat_result | None = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> Path:
        p = self.at
        if not isinstance(p, Path):
            p = self.at = Path(p)
        return p

    @path.setter
    def path(self, value: str | Path) -> None:
        self.at = value

    @property
    def is_report(self) -> bool:
        return not self.status

    @functools.cached_property
    def key(self) -> str:
        """A name for per-entry files (the extraction cache): a hash, whatever the name."""
        return hashlib.sha256(_raw(self.rel)).hexdigest()[:32]


_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()


def _raw(s: str) -> bytes:
    """``os.fsencode(s)`` for a str, without its checks (called for every file listed)."""
    return s.encode(_FS_ENCODING, _FS_ERRORS)


def printable(s: str) -> str:
    """``s`` with what cannot be shown or stored escaped: bytes that are not UTF-8 as
    ``\\xNN``, control and format characters (bidi marks, zero-width) as ``\\uNNNN``."""
    if s.isprintable() and "\\" not in s:
        return s          # (isprintable: none of those categories, nor a lone surrogate)
    out = []
    for ch in s:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or ch == "\\":
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


def safe_id(part: str) -> str:
    """A doc_id made of one file name (without extension): unsafe characters become ``_``
    (``#`` too: it separates section numbers), bytes that are not UTF-8 ``%NN``; a long
    name is cut and given a hash of the whole, so two long names stay apart."""
    if part.isprintable() and _ID_UNSAFE.isdisjoint(part):
        return _id_of(part, part)
    out = []
    for ch in part:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"%{o - 0xDC00:02X}")
        elif ch in "#/\\" or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append("_")
        else:
            out.append(ch)
    return _id_of(part, "".join(out))


_ID_UNSAFE = frozenset("#/\\")


def _id_of(part: str, safe: str) -> str:
    s = safe.strip() or "_"
    if s in (".", ".."):
        s = s.replace(".", "_")
    if len(s.encode("utf-8")) > MAX_ID_BYTES:
        digest = hashlib.sha256(_raw(part)).hexdigest()[:10]
        b = s.encode("utf-8")[:MAX_ID_BYTES - 12]
        s = b.decode("utf-8", errors="ignore") + "~" + digest
    return s


def _stem_suffix(name: str) -> tuple[str, str]:
    """(stem, suffix) of a file name (no "/" in it) as pathlib reads them: the suffix from
    the last dot on, where that dot is neither the first character nor the last."""
    i = name.rfind(".")
    return (name[:i], name[i:]) if 0 < i < len(name) - 1 else (name, "")


def _inside(root_real: str, target: str) -> bool:
    try:
        return os.path.commonpath([root_real, target]) == root_real
    except ValueError:
        return False


def scan(input_dir: Path, *, recursive: bool = False) -> list[Entry]:
    """Every entry of the folder (and, recursively, of its subfolders), sorted by path,
    with doc_ids given. Raises UsageError when there is no folder or no report in it."""
    if not input_dir.is_dir():
        raise UsageError(f"no such folder: {input_dir}")
    root_real = os.path.realpath(input_dir)
    entries: list[Entry] = []
    _walk(input_dir, "", root_real, recursive, entries)
    entries.sort(key=lambda e: _raw(e.rel))
    if not any(e.is_report for e in entries):
        raise UsageError(f"no reports in {input_dir} (looked for {', '.join(SUPPORTED_SUFFIXES)} files)")
    _give_ids(entries)
    return entries


def _walk(folder: Path, prefix: str, root_real: str, recursive: bool, out: list[Entry]) -> None:
    try:
        with os.scandir(folder) as it:
            found = sorted(it, key=lambda d: _raw(d.name))
    except OSError as e:
        if not prefix:
            raise UsageError(f"cannot read the folder {folder}: {e.strerror or e}") from None
        out.append(Entry(prefix.rstrip("/"), folder, printable(prefix.rstrip("/")), status="refused",
                         error=f"folder not readable: {e.strerror or e}"))
        return
    for d in found:
        name = d.name
        rel = prefix + name
        e = Entry(rel, d.path, printable(rel))
        out.append(e)
        if name.startswith("."):
            e.status, e.error = "skipped", "hidden (the name starts with a dot)"
            continue
        try:
            st = d.stat(follow_symlinks=False)   # os.lstat of the entry
        except OSError as err:
            e.status, e.error = "refused", f"cannot be read: {err.strerror or err}"
            continue
        if stat.S_ISLNK(st.st_mode):
            _symlink(e, root_real)
            continue
        if stat.S_ISDIR(st.st_mode):
            if recursive:
                out.pop()
                _walk(e.path, rel + "/", root_real, recursive, out)
            else:
                e.status, e.error = "skipped", "folder (its reports are read with --recursive)"
            continue
        _by_type(e, st.st_mode, top=not prefix)
        if stat.S_ISREG(st.st_mode):
            e.st = st


def _by_type(e: Entry, mode: int, top: bool) -> None:
    name = e.rel.rsplit("/", 1)[-1]
    if stat.S_ISFIFO(mode):
        e.status, e.error = "skipped", "fifo (a pipe, not a file)"
    elif stat.S_ISSOCK(mode):
        e.status, e.error = "skipped", "socket, not a file"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        e.status, e.error = "skipped", "device, not a file"
    elif stat.S_ISDIR(mode):
        e.status, e.error = "skipped", "folder"
    elif not stat.S_ISREG(mode):
        e.status, e.error = "skipped", "not a regular file"
    elif top and name in SIDECARS:
        e.status, e.error = "skipped", "metadata sidecar (read for the reports' publication dates)"
    elif _stem_suffix(name)[1].lower() not in SUPPORTED_SUFFIXES:
        suffix = _stem_suffix(name)[1]
        e.status, e.error = "unsupported", (f"unsupported file type '{printable(suffix) or '(none)'}' "
                                            f"(reports are {', '.join(SUPPORTED_SUFFIXES)})")


def _symlink(e: Entry, root_real: str) -> None:
    """A symlink is read only when it ends at a file inside the input folder."""
    try:
        target = os.path.realpath(e.path, strict=True)
    except FileNotFoundError:
        e.status, e.error = "refused", "dangling symlink (its target does not exist)"
        return
    except OSError as err:
        e.status, e.error = "refused", f"symlink that cannot be followed ({err.strerror or err})"
        return
    except RuntimeError:  # a loop, on Pythons that report it so
        e.status, e.error = "refused", "symlink loop"
        return
    if not _inside(root_real, target):
        e.status, e.error = "refused", "symlink outside the input folder (not followed)"
        return
    try:
        st = os.stat(target)
    except OSError as err:
        e.status, e.error = "refused", f"symlink that cannot be followed ({err.strerror or err})"
        return
    if stat.S_ISDIR(st.st_mode):
        e.status, e.error = "skipped", "symlink to a folder (not followed)"
        return
    e.path = Path(target)
    _by_type(e, st.st_mode, top="/" not in e.rel)


def _give_ids(entries: list[Entry]) -> None:
    """doc_ids from the relative paths; reports first, so that a skipped file never takes a
    report's name. A doc_id taken already gets a hash of the file's path after it."""
    taken: set[str] = set()
    for e in [e for e in entries if e.is_report] + [e for e in entries if not e.is_report]:
        parts = e.rel.split("/")
        stem, _ = _stem_suffix(parts[-1])
        base = "/".join([safe_id(p) for p in parts[:-1]] + [safe_id(stem)])
        doc_id, n = base, 0
        while doc_id in taken:
            n += 1
            digest = hashlib.sha256(_raw(e.rel) + str(n - 1).encode() * (n > 1)).hexdigest()[:8]
            doc_id = f"{base}~{digest}"
        taken.add(doc_id)
        e.doc_id = doc_id
