"""Loading the analyst-editable rule files in ``rules/``.

Every file is UTF-8 text; ``#`` starts a comment line and blank lines are ignored.
``*.txt`` files hold one item per line, ``*.tsv`` files hold tab-separated columns.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
from pathlib import Path

RULES_DIR = Path(os.environ.get("EDU_RULES_DIR", Path(__file__).resolve().parent.parent / "rules"))


def _lines(name: str) -> list[str]:
    path = RULES_DIR / name
    with open(path, encoding="utf-8") as f:
        out = []
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            out.append(line)
        return out


@functools.lru_cache(maxsize=None)
def items(name: str) -> tuple[str, ...]:
    """One item per line (first tab-separated column), in file order, without duplicates."""
    seen: dict[str, None] = {}
    for line in _lines(name):
        seen.setdefault(line.split("\t")[0].strip(), None)
    return tuple(seen)


@functools.lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file, each cell stripped."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in _lines(name))


@functools.lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """First column -> second column."""
    return {row[0]: (row[1] if len(row) > 1 else "") for row in table(name)}


def alternation(words, sort: bool = True) -> str:
    """A regex alternation of literal words, longest first so that the longest one wins.
    No words (an analyst emptied the list): ``(?!)``, which matches nothing, rather than an
    empty pattern, which would match everywhere."""
    if sort:
        return trie_pattern(words)
    return "|".join(re.escape(w) for w in words if w) or "(?!)"


def trie_pattern(words) -> str:
    """The longest-first alternation of ``words`` written as a trie (``中(?:学|心(?:校)?)``
    for 中学|中心校|中心): the same matches in the same order of preference in any pattern
    around it (the words that match at one position are prefixes of one another, and the
    trie, like the alternation, tries the longer first), found faster, as the regex engine
    follows one branch per character instead of trying every word. ``(?!)`` for none."""
    root: dict = {}
    for w in set(words):
        if w:
            node = root
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
    return _trie(root) if root else "(?!)"


def _trie(node: dict) -> str:
    leaves, branches = [], []
    for ch in sorted(k for k in node if k):
        kid = node[ch]
        (leaves if kid.keys() == {""} else branches).append(ch)
    alts = [re.escape(ch) + _trie(node[ch]) for ch in branches]
    if leaves:
        alts.append(re.escape(leaves[0]) if len(leaves) == 1 else "[" + "".join(map(re.escape, leaves)) + "]")
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a word ends here: the longer words first, then this one
        return "(?:" + body + ")?" if alts else ""
    return body


@functools.lru_cache(maxsize=None)
def field_pattern(name: str, field: str) -> str:
    """The alternation given for ``field`` in a two-column file such as metadata.tsv."""
    return alternation(mapping(name)[field].split("|"))


def fingerprint() -> str:
    """A hash of every rule file: intermediate results are stale when it changes."""
    h = hashlib.sha256()
    for p in sorted(RULES_DIR.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(RULES_DIR).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
