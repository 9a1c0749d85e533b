"""The shared document model of the stages: mentions and relations on character offsets,
the ``Doc`` extensions they live in, and fast access to a doc's text, tokens and sentences.

Every stage imports this module; it imports no stage (pipeline/nlp.py builds the spaCy
pipeline from the stages and re-exports these names).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span


@dataclass
class Mention:
    """A labelled stretch of a section's cleaned text."""
    label: str                      # ORG PERSON PLACE DATE NUMBER MEASURE
    start: int
    end: int
    text: str
    norm: str = ""                  # canonical name, ISO date or decimal value
    key: str = ""                   # entity key, the same in every report for one entity
    attrs: dict = field(default_factory=dict)


@dataclass
class Relation:
    type: str                       # MEMBER_OF PART_OF IMPLEMENTS LOCATED_IN ABOUT ON_DATE
    source: str                     # entity key
    target: str                     # entity key
    start: int                      # evidence: the sentence's offsets in the cleaned text
    end: int
    attrs: dict = field(default_factory=dict)


def _register_extensions() -> None:
    for name in ("doc_id", "context", "found", "sent_spans", "claims", "relations", "entities", "blocked", "tokens",
                 "anchor_year", "place_context"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("norm", "key", "attrs"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register_extensions()


def covered(length: int, ms) -> bytearray:
    """One byte per character of a text of ``length``: 1 where one of the mentions ``ms``
    lies, so that a rule finds what no mention holds yet."""
    busy = bytearray(length)
    for m in ms:
        busy[m.start:m.end] = b"\x01" * (m.end - m.start)
    return busy


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy rebuilds it from the tokens on every
    access)."""
    t = doc.user_data.get("edu_text")
    if t is None:
        t = doc.user_data["edu_text"] = doc.text
    return t


def _ext(name: str) -> tuple:
    """Where spaCy keeps ``doc._.<name>`` in ``doc.user_data``: the helpers below read it
    there directly, as every ``doc._`` access builds a new accessor object."""
    return ("._.", name, None, None)


_TOKENS, _FOUND, _SENTS = _ext("tokens"), _ext("found"), _ext("sent_spans")


def token_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, text) of every token, computed once per document (iterating a Doc
    makes Token objects, which is slow); the tokenizer fills it in as it goes."""
    toks = doc.user_data.get(_TOKENS)
    if toks is None:
        text = text_of(doc)
        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        toks = doc.user_data[_TOKENS] = [(a, a + n, text[a:a + n]) for a, n in arr]
        doc.user_data["edu_token_starts"] = [a for a, _ in arr]
    return toks


def token_starts(doc: Doc) -> list[int]:
    token_spans(doc)
    return doc.user_data["edu_token_starts"]


def found(doc: Doc) -> list[Mention]:
    f = doc.user_data.get(_FOUND)
    if f is None:
        f = doc.user_data[_FOUND] = []
    return f


def sentence_of(doc: Doc, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding character ``pos``."""
    spans = doc.user_data.get(_SENTS) or [(0, len(text_of(doc)))]
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return spans[max(0, k)]


# --------------------------------------------------------------------------- sentences

_SENT_END = re.compile(r"[。！？!?]+[”’」』)）】》\"']*|……[”’」』)）】》\"']+|\n")
_SOFT_END = re.compile(r"[；;]")


def sentence_spans(text: str, max_chars: int = 300) -> list[tuple[int, int]]:
    """Sentence boundaries for Chinese: after 。！？ (with closing quotes), at line ends;
    very long sentences are cut again at semicolons."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        pieces = [(s, e)]
        if e - s > max_chars:
            pieces, cut = [], s
            for m in _SOFT_END.finditer(text, s, e):
                pieces.append((cut, m.end()))
                cut = m.end()
            pieces.append((cut, e))
        for a, b in pieces:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out
