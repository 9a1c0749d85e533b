"""Custom embedding for the spaCy NER experiment: character features plus character
bigrams (left: previous+current, right: current+next), hashed into HashEmbed tables.

Registered as ``CharNgramEmbed.v1``; pass ``--code functions.py`` to ``spacy train`` and
import this module before ``spacy.load`` of the trained model.
"""
from __future__ import annotations

from typing import List

import numpy
from spacy.attrs import NORM, SHAPE
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

_M = numpy.uint64(0x9E3779B97F4A7C15)      # odd multiplier: mixes two 64-bit hashes
_BOS = numpy.uint64(0x1F2E3D4C5B6A7988)    # sentence-boundary sentinels
_EOS = numpy.uint64(0x0123456789ABCDEF)


def _features(doc) -> numpy.ndarray:
    a = doc.to_array([NORM, SHAPE]).astype("uint64")
    if a.ndim == 1:
        a = a.reshape((-1, 2))
    norm = a[:, 0]
    prev = numpy.concatenate([[_BOS], norm[:-1]]).astype("uint64")
    nxt = numpy.concatenate([norm[1:], [_EOS]]).astype("uint64")
    with numpy.errstate(over="ignore"):
        left = prev * _M + norm
        right = (norm * _M + nxt) ^ _M
    return numpy.stack([norm, a[:, 1], left, right], axis=1)


def CharNgramFeatures() -> Model[List[Doc], List[Ints2d]]:
    def forward(model, docs, is_train):
        feats = [model.ops.asarray2i(_features(d), dtype="uint64") for d in docs]
        return feats, lambda d: []
    return Model("char_ngram_features", forward)


@registry.architectures("CharNgramEmbed.v1")
def CharNgramEmbed(width: int, rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """Columns: NORM (the character), SHAPE, left bigram, right bigram; len(rows) == 4."""
    if len(rows) != 4:
        raise ValueError("rows must give 4 table sizes: norm, shape, bigram-left, bigram-right")
    embeddings = [HashEmbed(width, r, column=i, seed=8 + i, dropout=0.0) for i, r in enumerate(rows)]
    return chain(
        CharNgramFeatures(),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
