"""Stage 1 - ingest: a report file on disk -> cleaned text, metadata and sections.

Reports come as they are found on the web: UTF-8 or GBK, HTML or text with HTML/CMS
leftovers, newspaper columns wrapped into short lines, letter-spaced words (``抗 疫 一 线``)
and several bylined articles in one file. Everything later points into the cleaned text
produced here, so this stage never invents text: it only removes and joins.

One module per step: ``decode`` (bytes -> text), ``webpage`` (HTML -> text), ``clean``
(characters, leftovers, lines), ``metadata`` (title, date, source, authors, sidecar),
``sections`` (several articles in one file); this module reads one report through them.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .clean import HALF_WIDTH, clean, fix_spaces, normalise_chars, restore_name_dots
from .decode import TRADITIONAL, NotText, decode, to_simplified
from .lines import (CJK, CJK_RE, CLOSERS, DATE_RE, SENT_END, Line, byline_names, byline_outlet, dedupe,
                    is_byline, iso_date, meta_patterns)
from .metadata import (SIDECARS, end_credits, find_pub_date, find_source, find_title, load_sidecar, opening_credits,
                       path_date, print_line)
from .sections import Sec, place_hint, split_sections, title_of
from .webpage import declared_charset, html_to_text, looks_like_html

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_MAX_MB = 10.0

__all__ = ["CJK", "CJK_RE", "CLOSERS", "DATE_RE", "DEFAULT_MAX_MB", "HALF_WIDTH", "SENT_END", "SIDECARS",
           "SUPPORTED_SUFFIXES", "Line", "NotText", "Report", "Section", "byline_names", "byline_outlet",
           "clean", "decode", "fix_spaces", "html_to_text", "is_byline", "iso_date", "load_sidecar",
           "looks_like_html", "normalise_chars", "read_bytes", "read_report", "restore_name_dots", "NotAFile",
           "TooLarge"]


@dataclass
class Section:
    doc_id: str
    title: str = ""
    byline: str = ""
    authors: list[str] = field(default_factory=list)
    editor: str = ""
    place_hint: str = ""
    text: str = ""


@dataclass
class Report:
    doc_id: str
    file: str
    encoding: str = ""
    status: str = "ok"
    error: str = ""
    title: str = ""
    pub_date: str = ""
    pub_date_source: str = ""
    source: str = ""
    url: str = ""                   # the address a metadata sidecar gives (places read its host)
    authors: list[str] = field(default_factory=list)
    editor: str = ""
    text: str = ""
    sections: list[Section] = field(default_factory=list)


def read_report(path: Path, *, max_mb: float = DEFAULT_MAX_MB,
                sidecar: dict[str, dict[str, str]] | None = None, doc_id: str | None = None,
                name: str | None = None, meta: dict[str, str] | None = None) -> Report:
    """Read one report. Never raises: a report that cannot be used gets a status and a reason.

    ``doc_id`` and ``name`` default to the file's name without and with its extension;
    ``meta`` is the report's row of the metadata sidecar (``sidecar``, the whole table, is
    looked up by doc_id when no row is given)."""
    rep = Report(doc_id=doc_id or path.stem, file=name or path.name)
    if meta is None:
        meta = (sidecar or {}).get(rep.doc_id) or {}
    try:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            return _fail(rep, "unsupported", f"unsupported file type '{path.suffix or '(none)'}'"
                         f" (reports are {', '.join(SUPPORTED_SUFFIXES)})")
        data = read_bytes(path, max_mb)
        html_file = path.suffix.lower() in (".html", ".htm") or looks_like_html(data[:20000].decode("latin-1"))
        text, rep.encoding = decode(data, declared_charset(data) if html_file else None)
        if rep.encoding in TRADITIONAL:  # the stages and their tables read Simplified Chinese
            text = to_simplified(text)
            rep.encoding += ", converted to Simplified"
        is_html = html_file or looks_like_html(text)
        lines, facts = clean(text, is_html, data)
        if not lines:
            return _fail(rep, "empty", "no text left after cleaning" if data.strip() else "empty file")
        _fill(rep, lines, facts, meta)
    except TooLarge as e:
        return _fail(rep, "too_large", str(e))
    except NotAFile as e:
        return _fail(rep, "skipped", str(e))
    except NotText as e:
        return _fail(rep, "binary", str(e))
    except OSError as e:
        return _fail(rep, "unreadable", f"{type(e).__name__}: {e.strerror or e}")
    except Exception as e:  # one broken report must never stop the others
        return _fail(rep, "error", f"{type(e).__name__}: {e}")
    return rep


class TooLarge(Exception):
    """A file above the size limit for one report."""


class NotAFile(Exception):
    """Something that is not a regular file (a FIFO, a device) where a report was expected."""


def read_bytes(path: Path, max_mb: float) -> bytes:
    """The file's bytes, at most ``max_mb``; never blocks on a FIFO, never reads a device."""
    limit = int(max_mb * 1024 * 1024)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile("not a regular file (a FIFO, socket or device)")
        if st.st_size > limit:
            raise TooLarge(f"file is {st.st_size / 1048576:.1f} MB, above the {max_mb:g} MB"
                           " limit for one report (--max-mb)")
        chunks, n = [], 0
        while True:  # files whose size stat does not tell (/proc) are read up to the limit too
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            n += len(chunk)
            if n > limit:
                raise TooLarge(f"file is above the {max_mb:g} MB limit for one report (--max-mb)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _whole(lines: list[Line]) -> Sec:
    sec = Sec()
    for l in lines:
        sec.add(l)
    return sec


def _fail(rep: Report, status: str, error: str) -> Report:
    rep.status, rep.error = status, error
    return rep


def _fill(rep: Report, lines: list[Line], facts: dict, meta: dict) -> None:
    rep.text = "\n".join(l.text for l in lines)
    rep.title = find_title(lines, facts["html_title"])
    rep.pub_date, rep.pub_date_source = find_pub_date(lines, facts["cms"], facts["html_meta"])
    if not rep.pub_date and meta.get("pub_date"):
        rep.pub_date, rep.pub_date_source = meta["pub_date"], meta.get("pub_date_source") or "sidecar"
    if not rep.pub_date and path_date(rep.file):
        rep.pub_date, rep.pub_date_source = path_date(rep.file), "file name"
    rep.source = find_source(lines, facts["cms"])
    rep.url = meta.get("url") or ""
    p = meta_patterns()
    for l in lines:
        e = p["editor"].search(l.text)
        if e and not rep.editor:
            rep.editor = e["v"].replace(" ", "")
    credits, credit_editor = end_credits(lines)
    rep.editor = rep.editor or credit_editor
    # a newspaper's print line closes one article: a file with one is that article
    secs = split_sections(lines) if print_line(lines) is None else [_whole(lines)]
    for n, s in enumerate(secs, 1):
        byline = next((l.text for l in s.lines if l.kind == "byline"), "")
        title = title_of(s.head) if len(secs) > 1 else rep.title
        sec = Section(
            doc_id=rep.doc_id if len(secs) == 1 else f"{rep.doc_id}#{n}",
            title=title, byline=byline,
            authors=dedupe([n for l in s.lines if l.kind == "byline" for n in byline_names(l.text)]
                           + opening_credits(s.lines)),
            place_hint=place_hint(title),
            text="\n".join(l.text for l in s.lines))
        rep.sections.append(sec)
    if len(secs) == 1:
        rep.sections[0].authors = dedupe(rep.sections[0].authors + credits)
    rep.authors = dedupe(a for s in rep.sections for a in s.authors)
    if not rep.title and len(secs) > 1:
        rep.title = rep.sections[0].title
    for s in rep.sections:
        s.editor = rep.editor
