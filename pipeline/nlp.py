"""The spaCy pipeline: ``spacy.blank("zh")`` with the jieba segmenter, built from
``pipeline/config.cfg``; the shared data model of the stages is pipeline/doc.py (its
names are re-exported here for library users).

Stages reason over character offsets (Chinese entities often cross jieba's token
boundaries) and record what they find in ``doc._.found``; the last component
(``edu_spans``) aligns those mentions to tokens and exposes them the spaCy way, as
``doc.spans["mentions"]`` and ``doc.ents``.
"""
from __future__ import annotations

import functools
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import segmenter
from .util import PACKAGE_DIR, quiet

CONFIG_PATH = PACKAGE_DIR / "config.cfg"


from .doc import (Mention, Relation, found, sentence_of, sentence_spans, text_of, token_spans,  # noqa: F401
                  token_starts)


class ZhSentences:
    def __init__(self, max_chars: int):
        self.max_chars = max_chars

    def __call__(self, doc: Doc) -> Doc:
        spans = sentence_spans(text_of(doc), self.max_chars)
        doc._.sent_spans = spans
        if not len(doc):
            return doc
        # one array write: setting Token.is_sent_start one by one costs O(n) per token
        idx = numpy.asarray(doc.to_array(IDX)).reshape(-1)
        flags = numpy.full((len(doc), 1), -1, dtype="int32").astype("uint64")
        flags[0, 0] = 1
        if spans:  # the token holding each sentence's start: one search for all of them
            k = numpy.searchsorted(idx, numpy.fromiter((s for s, _ in spans), dtype=idx.dtype, count=len(spans)),
                                   side="right") - 1
            flags[k[k > 0], 0] = 1
        doc.from_array([SENT_START], flags)
        return doc


@Language.factory("zh_sentences", default_config={"max_chars": 300})
def make_zh_sentences(nlp: Language, name: str, max_chars: int):
    return ZhSentences(max_chars)


# --------------------------------------------------------------------------- spans

class MentionSpans:
    """Aligns the character-level mentions to tokens (splitting a jieba token where a
    mention starts or ends inside it) and stores them as spaCy spans."""

    def __call__(self, doc: Doc) -> Doc:
        ms = sorted(found(doc), key=lambda m: (m.start, -m.end, m.label))
        cuts = sorted({m.start for m in ms} | {m.end for m in ms})
        _split_tokens(doc, cuts)
        spans = []
        for m in ms:
            span = doc.char_span(m.start, m.end, label=m.label)
            if span is None:
                continue
            span._.norm, span._.key, span._.attrs = m.norm, m.key, m.attrs
            spans.append(span)
        doc.spans["mentions"] = spans
        ents = [s for s in spans if s.label_ in ("ORG", "PERSON", "PLACE", "DATE", "MEASURE")]
        doc.ents = spacy.util.filter_spans(ents)
        return doc


def _split_tokens(doc: Doc, cuts: list[int]) -> None:
    todo = []
    k = 0
    for i, (a, b, w) in enumerate(token_spans(doc)):
        while k < len(cuts) and cuts[k] <= a:
            k += 1
        inner = []
        j = k
        while j < len(cuts) and cuts[j] < b:
            inner.append(cuts[j] - a)
            j += 1
        if inner:
            bounds = [0] + inner + [len(w)]
            todo.append((i, [w[x:y] for x, y in zip(bounds, bounds[1:]) if y > x]))
    if not todo:
        return
    doc._.tokens = None  # the tokens change
    doc.user_data.pop("edu_token_starts", None)
    doc.user_data.pop("edu_word_spans", None)
    with doc.retokenize() as retok:
        for i, orths in todo:
            tok = doc[i]
            retok.split(tok, orths, heads=[(tok, 0)] * len(orths))


@Language.factory("edu_spans")
def make_mention_spans(nlp: Language, name: str):
    return MentionSpans()


# --------------------------------------------------------------------------- building

def _import_components() -> None:
    # importing the stage modules registers their factories with spaCy
    from . import segmenter, entities, places, dates, numbers, measures, relations  # noqa: F401


@functools.lru_cache(maxsize=None)
def load(config_path: str | None = None, *, lexical: bool = True) -> Language:
    """The configured pipeline (cached per process).

    ``lexical=False`` is the build's copy (pipeline/extract.py): its vocabulary leaves out
    spaCy's lexical attributes (``like_num``, ``shape``, ``lower``, ``is_alpha`` ...),
    which spaCy otherwise works out for every word the first time it sees it (a fifth of
    the tokenizer's time on new text: a real corpus keeps bringing new words). No stage
    reads them; the tokens, the stages and their results are the same."""
    _import_components()
    config = spacy.util.load_config(Path(config_path) if config_path else CONFIG_PATH)
    with quiet():
        import jieba
        jieba.setLogLevel(60)
        segmenter.initialize_jieba()
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    # spaCy's 1M-character limit guards the memory of its parser and tagger, which this
    # pipeline does not have; a report's size is bounded by --max-mb instead
    nlp.max_length = 10 ** 9
    if not lexical:
        nlp.vocab.lex_attr_getters = {}
    return nlp


@functools.lru_cache(maxsize=None)
def load_tokenizer() -> Language:
    """The configured tokenizer alone (no stage, no model): what training reads words with,
    so a model can be trained while the one in models/ does not fit the code."""
    config = spacy.util.load_config(CONFIG_PATH)
    config["nlp"]["pipeline"] = []
    config["components"] = {}
    with quiet():
        import jieba
        jieba.setLogLevel(60)
        segmenter.initialize_jieba()
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.max_length = 10 ** 9
    return nlp


def blank() -> Language:
    """Bare ``spacy.blank("zh")`` with jieba: the reference the benchmark compares against."""
    with quiet():
        import jieba
        jieba.setLogLevel(60)
        segmenter.initialize_jieba()   # jieba.initialize(), the same dictionary, read faster
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    return nlp


def run(nlp: Language, text: str, *, doc_id: str, context: dict, skip=()) -> Doc:
    """Run the pipeline on one section with its report context (publication date, title,
    byline, place named in the heading)."""
    doc = nlp.make_doc(text)
    doc.user_data["edu_text"] = text  # the tokenizer keeps the text as it is
    doc._.doc_id = doc_id
    doc._.context = context
    for name, proc in nlp.pipeline:
        if name not in skip:
            doc = proc(doc)
    return doc
