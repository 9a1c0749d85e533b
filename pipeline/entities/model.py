"""The trained entity model: a linear-chain CRF over characters (CRFsuite), reading the
features of pipeline/entities/features.py, with BIOES labels for ORG, PERSON and PLACE.

The model file ships in the repository (``models/entities.crfsuite``, written by
``make train``, see pipeline/entities/training.py); nothing is downloaded.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from . import features
from .crf import LinearChainCRF

LABELS = ("ORG", "PERSON", "PLACE")
MODELS_DIR = Path(os.environ.get("EDU_MODELS_DIR", Path(__file__).resolve().parents[2] / "models"))
DEFAULT_MODEL = "entities.crfsuite"


def model_path(name: str = DEFAULT_MODEL) -> Path:
    p = Path(name)
    return p if p.is_absolute() else MODELS_DIR / p


class MissingModel(RuntimeError):
    pass


def card_path(path: Path) -> Path:
    """The model's card: how it was trained, on what, its scores, its feature version."""
    return path.with_suffix(".json")


class EntityModel:
    """Tags characters with BIOES labels and reads the spans off them."""

    def __init__(self, path: Path):
        if not path.exists():
            raise MissingModel(f"entity model not found: {path} (it ships in models/; `make train` rebuilds it)")
        card = card_path(path)
        if card.exists():
            version = json.loads(card.read_text(encoding="utf-8")).get("features_version")
            if version != features.VERSION:
                raise MissingModel(f"entity model {path} was trained on features version {version}, the code makes "
                                   f"version {features.VERSION}: `make train` rebuilds it")
        self.path = path
        self.crf = LinearChainCRF(path)

    @functools.cached_property
    def tagger(self):
        """pycrfsuite's tagger on the same file (training and the tests use it; tagging
        here goes through ``crf``, which gives the same labels and confidences)."""
        import pycrfsuite
        tagger = pycrfsuite.Tagger()
        tagger.open(str(self.path))
        return tagger

    def spans(self, text: str, words: list[tuple[int, int]], context: dict | None,
              sent_spans: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
        """(start, end, label, confidence) of every entity the model finds. The confidence
        is the marginal probability of the span's first tag."""
        sents = [(a, b) for a, b in sent_spans if b > a]
        if not sents:
            return []
        crf = self.crf
        chars, by_word, sparse = features.word_columns(text, words, context)
        S = crf.state_scores_by_word(chars, by_word, sparse)
        crf.mark(S, sents, "BOS", at_end=False)
        crf.mark(S, sents, "EOS", at_end=True)
        labels = crf.labels

        found = []  # the spans of each sentence, in order (tag asks once per sentence)

        def wanted(y: list[int]) -> list[tuple[int, int]]:
            found.append(decode([labels[i] for i in y]))
            return [(s, y[s]) for s, _e, _lab in found[-1]]
        out = []
        for (a, _b), (_y, probs), spans in zip(sents, crf.tag(S, sents, wanted), found):
            for (s, e, lab), prob in zip(spans, probs):
                out.append((a + s, a + e, lab, float(prob)))
        return out


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans from BIOES tags; a B or I run without its E still makes a span where the
    label stays the same."""
    out = []
    start, label = None, None
    for i, t in enumerate(tags):
        if t == "O":
            if start is not None:
                out.append((start, i, label))
            start = label = None
            continue
        pre, lab = t[0], t[2:]
        if pre in ("B", "S") or lab != label or start is None:
            if start is not None:
                out.append((start, i, label))
            start, label = i, lab
        if pre in ("E", "S"):
            out.append((start, i + 1, label))
            start = label = None
    if start is not None:
        out.append((start, len(tags), label))
    return out


def encode(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIOES tags for non-overlapping spans."""
    y = ["O"] * n
    for s, e, lab in spans:
        if e - s == 1:
            y[s] = "S-" + lab
        else:
            y[s] = "B-" + lab
            for k in range(s + 1, e - 1):
                y[k] = "I-" + lab
            y[e - 1] = "E-" + lab
    return y


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL) -> EntityModel:
    return EntityModel(model_path(name))
