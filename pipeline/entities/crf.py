"""CRFsuite's tagger for the entity model, in numpy: the same model file, the same
labels, the same confidences, to the last bit, several times faster.

``pycrfsuite.Tagger`` takes a list of feature strings per character and looks each one
up in the model's dictionary (C++ strings, one by one); for this model that lookup is
most of the time it takes. Here the model file (``models/*.crfsuite``, CRFsuite's ``crf1d``
format) is read once into arrays: attribute string -> id, a weight row per attribute
(its weight for each label) and the label-to-label transition weights. A character's
state scores are then the sum of its attributes' rows, gathered a column of the feature
table at a time (pipeline/entities/features.py ``columns``).

Every floating-point operation is CRFsuite's own, in its order, so the results are equal
bit for bit (tests/test_crf.py compares them with pycrfsuite's):

* state score: 0, plus each attribute's weight for the label, in the order the character's
  features are listed (``crf1dt_state_score``; an attribute the model does not know adds
  nothing, here it adds a row of zeros);
* Viterbi (``crf1dc_viterbi``): per label the best previous label, the first one on a
  tie, then the state score added; the last label is the first best;
* marginals (``crf1dc_alpha_score``, ``crf1dc_beta_score``, ``crf1dc_marginal_point``):
  forward and backward sums with CRFsuite's scaling, every sum left to right
  (``numpy.add.accumulate``: numpy's ``sum`` adds pairwise) and ``exp`` from the C
  library (``math.exp``), as CRFsuite calls it.

Sentences are independent; their recursions run together, one numpy step per position.
"""
from __future__ import annotations

import ctypes
import math
import os
import struct
import threading
from itertools import repeat
from pathlib import Path

import numpy as np

from . import features

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


def _cqdb(buf: bytes, off: int) -> list[str]:
    """The strings of one CQDB (CRFsuite's string <-> id table), by id."""
    chunk, _size, _flag, _order, n, bwd_off = struct.unpack_from("<4sIIIII", buf, off)
    if chunk != b"CQDB":
        raise ValueError("not a CRFsuite model: no string table where the header points")
    out = []
    for rec in np.frombuffer(buf, "<u4", count=n, offset=off + bwd_off).tolist():
        p = off + rec
        ksize = struct.unpack_from("<I", buf, p + 4)[0]
        out.append(buf[p + 8:p + 8 + ksize - 1].decode("utf-8"))
    return out


def _exp(a: np.ndarray) -> np.ndarray:
    """``exp`` of every element with the C library's exp (CRFsuite's), not numpy's own."""
    return np.fromiter(map(math.exp, a.ravel().tolist()), dtype=np.float64, count=a.size).reshape(a.shape)


class LinearChainCRF:
    """A CRFsuite ``crf1d`` model read into arrays."""

    def __init__(self, path: Path):
        buf = Path(path).read_bytes()
        magic, _size, kind, _version, _nf, n_labels, _na, off_feat, off_labels, off_attrs = \
            struct.unpack_from("<4sI4sIIIIIII", buf, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"not a CRFsuite crf1d model: {path}")
        chunk, _csize, n_feat = struct.unpack_from("<4sII", buf, off_feat)
        if chunk != b"FEAT":
            raise ValueError(f"not a CRFsuite crf1d model (no feature chunk): {path}")
        feats = np.frombuffer(buf, _FEATURE, count=n_feat, offset=off_feat + 12)
        self.labels = tuple(_cqdb(buf, off_labels))
        attrs = _cqdb(buf, off_attrs)
        L, A = n_labels, len(attrs)
        # one row per attribute, and a row of zeros (id A) for what the model does not know
        w = np.zeros((A + 1, L))
        st = feats[feats["type"] == 0]
        w[st["src"], st["dst"]] = st["weight"]
        self.weights = w
        self.missing = A
        tr = feats[feats["type"] == 1]
        self.trans = np.zeros((L, L))
        self.trans[tr["src"], tr["dst"]] = tr["weight"]
        self.exp_trans = _exp(self.trans)
        # attribute ids by feature name ("c-1=", "wp=", ...: up to the first "=") and value
        self.ids: dict[str, dict[str, int]] = {}
        self.plain: dict[str, int] = {}  # attributes without a value (BOS, EOS)
        for i, a in enumerate(attrs):
            k = a.find("=")
            if k < 0:
                self.plain[a] = i
            else:
                self.ids.setdefault(a[:k + 1], {})[a[k + 1:]] = i
        # the character features by code, grouped by their characters' distance (0 for one
        # character): per group the sorted keys of every value any of its features knows, and
        # an attribute id per key and feature (the missing row where one does not know it)
        self._char_ids = {}
        groups: dict[int, list[str]] = {}
        for name, offsets in features.CHAR_FEATURES:
            groups.setdefault(offsets[-1] - offsets[0], []).append(name)
        for dist, names in groups.items():
            keyed = [{key: i for v, i in self.ids.get(name, {}).items() for key in _keys(v, 1 if not dist else 2)}
                     for name in names]
            keys = np.array(sorted(set().union(*keyed)) or [-1], dtype=np.int64)
            idmat = np.full((len(keys) + 1, len(names)), self.missing, dtype=np.intp)
            for c, table in enumerate(keyed):
                if table:
                    ks = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
                    idmat[np.searchsorted(keys, ks), c] = np.fromiter(table.values(), dtype=np.intp, count=len(table))
            self._char_ids[dist] = (keys, idmat, {name: c for c, name in enumerate(names)})

    # ------------------------------------------------------------------ state scores

    def state_scores(self, chars: str, dense, sparse) -> np.ndarray:
        """(characters, labels) state scores of a text: ``chars`` its normalised characters
        (features.CHAR_FEATURES are made of them), ``dense`` (name, value of every
        character), ``sparse`` (names, offsets, {character: value}: ``names[i] + value``
        for the character offsets[i] before each marked one); in the order the features
        are listed for a character (features.columns)."""
        w, miss = self.weights, self.missing
        n = len(chars)
        S = self._char_scores(chars)
        if not n:
            return S
        for name, values in dense:
            get = self.ids.get(name, {}).get
            S += np.take(w, np.fromiter(map(get, values, repeat(miss, n)), dtype=np.intp, count=n), axis=0)
        self._add_sparse(S, sparse)
        return S

    def state_scores_by_word(self, chars: str, words: "features.Words", sparse) -> np.ndarray:
        """What state_scores gives for ``features.columns``'s features, from the words'
        features made per word (features.word_columns) instead of per character: the
        attribute ids of wp=, wt=, wpt= and w= looked up once per word (or per kind of
        word) and spread over its characters with numpy; the same rows added in the same
        order, so the same scores to the last bit (tests/test_s28.py)."""
        w, miss = self.weights, self.missing
        n = len(chars)
        S = self._char_scores(chars)
        if not n:
            return S
        st = np.array(words.starts, dtype=np.intp)
        ln = np.array(words.lengths, dtype=np.intp)
        at = _spread(st, ln)                                   # every character of every word
        # wp=: the character's place in its word, as its index in features.WORD_PLACES
        code = {p: i for i, p in enumerate(features.WORD_PLACES)}
        place = np.full(n, code["O"], dtype=np.intp)           # in no word (white space)
        one, two, more = ln == 1, ln == 2, ln >= 3
        place[st[one]] = code["S"]
        place[st[two]] = code["B2"]
        place[st[two] + 1] = code["E2"]
        four = ln[more] >= 4
        place[st[more]] = np.where(four, code["B4"], code["B3"])
        place[st[more] + ln[more] - 1] = np.where(four, code["E4"], code["E3"])
        place[_spread(st[more] + 1, ln[more] - 2)] = code["M"]
        # wt=: the word's part of speech on each of its characters ("-": none)
        kinds = {"-": 0}
        kind = np.fromiter((kinds.setdefault(t, len(kinds)) for t in words.tags), dtype=np.intp, count=len(words.tags))
        tag = np.zeros(n, dtype=np.intp)
        tag[at] = np.repeat(kind, ln)
        get_p, get_t, get_pt = (self.ids.get(k, {}).get for k in ("wp=", "wt=", "wpt="))
        names = list(kinds)
        p_ids = np.array([get_p(p, miss) for p in features.WORD_PLACES], dtype=np.intp)
        t_ids = np.array([get_t(t, miss) for t in names], dtype=np.intp)
        pt_ids = np.array([[get_pt(p + t, miss) for t in names] for p in features.WORD_PLACES], dtype=np.intp)
        S += np.take(w, p_ids[place], axis=0)
        S += np.take(w, t_ids[tag], axis=0)
        S += np.take(w, pt_ids[place, tag], axis=0)
        self._add_sparse(S, sparse)
        # w=: the word itself, on each of its characters (words in Chinese of two or more)
        table = self.ids.get("w=")
        if table:
            ids = np.fromiter(map(table.get, words.texts, repeat(-1)), dtype=np.intp, count=len(words.texts))
            keep = ids >= 0
            if keep.any():
                S[_spread(st[keep], ln[keep])] += np.take(w, np.repeat(ids[keep], ln[keep]), axis=0)
        return S

    def _char_scores(self, chars: str) -> np.ndarray:
        """The state scores of the character features (features.CHAR_FEATURES) alone."""
        w = self.weights
        n = len(chars)
        S = np.zeros((n, w.shape[1]))
        if not n:
            return S
        codes = np.concatenate([[_BOS, _BOS], np.frombuffer(chars.encode("utf-32-le", "surrogatepass"), dtype="<u4"),
                                [_EOS, _EOS]]).astype(np.int64)
        found = {}
        for dist, (keys, idmat, cols) in self._char_ids.items():
            q = codes if not dist else codes[:-dist] * _CODES + codes[dist:]
            k = np.searchsorted(keys, q)
            k[keys[np.minimum(k, len(keys) - 1)] != q] = len(keys)  # not known: the missing row
            found[dist] = (k, idmat, cols)
        for name, offsets in features.CHAR_FEATURES:
            k, idmat, cols = found[offsets[-1] - offsets[0]]
            o = 2 + offsets[0]
            S += np.take(w, idmat[k[o:o + n], cols[name]], axis=0)
        return S

    def _add_sparse(self, S: np.ndarray, sparse) -> None:
        """Add the sparse features (names, offsets, {character: value}) to S, in order."""
        w, n = self.weights, len(S)
        for names, offsets, cells in sparse:
            if not cells:
                continue
            # many cells: gathered with numpy; a few: one by one (numpy's calls cost more)
            at = np.fromiter(cells, dtype=np.intp, count=len(cells)) if len(cells) >= _MANY else None
            for name, off in zip(names, offsets):
                table = self.ids.get(name)
                if not table:
                    continue
                if at is None:
                    rows, cols = [], []
                    for i, v in cells.items():
                        a = table.get(v)
                        if a is not None and 0 <= i - off < n:  # character i - off has the feature
                            rows.append(i - off)
                            cols.append(a)
                    if rows:
                        S[rows] += np.take(w, cols, axis=0)
                    continue
                a = np.fromiter(map(table.get, cells.values(), repeat(-1)), dtype=np.intp, count=len(cells))
                rows = at - off
                keep = (a >= 0) & (rows >= 0) & (rows < n)
                if keep.any():
                    S[rows[keep]] += np.take(w, a[keep], axis=0)

    def mark(self, S: np.ndarray, spans, name: str, at_end: bool) -> None:
        """Add a value-less attribute (BOS, EOS) to the first (last) character of each span."""
        a = self.plain.get(name)
        if a is not None and spans:
            S[[b - 1 if at_end else s for s, b in spans]] += self.weights[a]

    # ------------------------------------------------------------------ inference

    def tag(self, S: np.ndarray, spans: list[tuple[int, int]], wanted) -> list[tuple[list[int], list[float]]]:
        """For every span (non-empty, non-overlapping rows of S): the best label ids, and the
        marginal probabilities of the (position, label id) pairs ``wanted(labels)`` asks for
        (called once per span, in order).
        CRFsuite's own C code does it where pycrfsuite's library exposes it (it does in the
        pinned version), the numpy version below otherwise: the same numbers either way."""
        native = native_lattice(self)
        if native is None:
            ys = self.viterbi(S, spans)
            points = [wanted(y) for y in ys]
            return list(zip(ys, self.marginals(S, spans, points)))
        return native.tag(S, spans, wanted)


    def viterbi(self, S: np.ndarray, spans: list[tuple[int, int]]) -> list[list[int]]:
        """The best label ids of every span (non-empty, non-overlapping rows of S)."""
        if not spans:
            return []
        order, lens, active, P = _batch(S, spans)
        B, T = P.shape[:2]
        trans = self.trans
        cur = P[:, 0].copy()
        back = np.zeros((T, B, trans.shape[0]), dtype=np.intp)
        for t in range(1, T):
            m = active[t]
            sc = cur[:m, :, None] + trans  # (previous label, label)
            sc.argmax(axis=1, out=back[t, :m])  # the first best on a tie, as CRFsuite's strict <
            np.add(sc.max(axis=1), P[:m, t], out=cur[:m])
        lab = cur.argmax(axis=1)
        Y = np.zeros((B, T), dtype=np.intp)
        rng = np.arange(B)
        for t in range(T - 1, -1, -1):
            m = active[t]
            Y[:m, t] = lab[:m]
            if t:
                lab[:m] = back[t, rng[:m], lab[:m]]
        out: list[list[int]] = [[] for _ in spans]
        for r, k in enumerate(order):
            out[k] = Y[r, :lens[r]].tolist()
        return out

    def marginals(self, S: np.ndarray, spans: list[tuple[int, int]], points: list[list[tuple[int, int]]]) \
            -> list[list[float]]:
        """For each span, the marginal probability of each (position in span, label id) in
        ``points``, as CRFsuite's ``marginal_point`` computes it."""
        need = [k for k, p in enumerate(points) if p]
        out: list[list[float]] = [[] for _ in spans]
        if not need:
            return out
        sub = [spans[k] for k in need]
        rows = np.concatenate([np.arange(a, b) for a, b in sub])
        ES = np.ones_like(S)
        ES[rows] = _exp(S[rows])
        order, lens, active, E = _batch(ES, sub)  # rows past a span's end are never read
        order = [need[k] for k in order]
        B, T, L = E.shape
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            alpha, scale = _forward(E, self.exp_trans, active)
            if not np.isfinite(scale).all():  # a sum of 0 somewhere: CRFsuite's scale 1 there
                alpha, scale = _forward(E, self.exp_trans, active, checked=True)
        # backward, each span from its own end: right-aligned, so that step k is one column
        right = (T - np.array(lens, dtype=np.intp))[:, None] + np.arange(T)[None, :]  # left -> right index
        rows_r = np.repeat(np.arange(B)[:, None], T, axis=1)
        ER = np.ones((B, T, L))
        scaleR = np.ones((B, T))
        valid = np.arange(T)[None, :] < np.array(lens)[:, None]
        ER[rows_r[valid], right[valid]] = E[valid]
        scaleR[rows_r[valid], right[valid]] = scale[valid]
        ETT = np.ascontiguousarray(self.exp_trans.T)  # (label, previous label)
        beta = np.zeros((B, T, L))
        beta[:, T - 1] = scaleR[:, T - 1, None]
        for k in range(1, T):
            m, j = active[k], T - 1 - k
            row = beta[:m, j + 1] * ER[:m, j + 1]
            # beta[i] = sum over labels l of exp_trans[i][l] * row[l], l in order (vecdot)
            np.multiply(np.add.reduce(row[:, :, None] * ETT, axis=1), scaleR[:m, j, None], out=beta[:m, j])
        for r, k in enumerate(order):
            off = T - lens[r]
            out[k] = [float(alpha[r, t, lab] * beta[r, off + t, lab] / scale[r, t]) for t, lab in points[k]]
        return out


def _forward(E: np.ndarray, ET: np.ndarray, active: list[int], checked: bool = False):
    """CRFsuite's scaled forward sums (crf1dc_alpha_score) of left-aligned spans."""
    B, T, L = E.shape
    alpha = np.zeros((B, T, L))
    scale = np.ones((B, T))
    cur = E[:, 0]
    for t in range(T):
        m = active[t]
        if t:
            # alpha[j] = sum over previous labels i, in order, of alpha[t-1][i] * exp_trans[i][j]
            # (a reduction over a middle axis adds in order; numpy adds the last axis pairwise)
            cur = np.add.reduce(alpha[:m, t - 1, :, None] * ET, axis=1)
            cur *= E[:m, t]
        sc = scale[:m, t]
        s = np.add.accumulate(cur, axis=1)[:, -1]
        if checked:
            sc[:] = _inverse(s)
        else:
            np.divide(1.0, s, out=sc)
        np.multiply(cur, sc[:, None], out=alpha[:m, t])
    return alpha, scale


class _Context(ctypes.Structure):
    """CRFsuite's ``crf1d_context_t`` (crf1d.h): the lattice of one item sequence."""
    _D = ctypes.POINTER(ctypes.c_double)
    _fields_ = [("flag", ctypes.c_int), ("num_labels", ctypes.c_int), ("num_items", ctypes.c_int),
                ("cap_items", ctypes.c_int), ("log_norm", ctypes.c_double), ("state", _D), ("trans", _D),
                ("alpha_score", _D), ("beta_score", _D), ("scale_factor", _D), ("row", _D),
                ("backward_edge", ctypes.POINTER(ctypes.c_int)), ("exp_state", _D), ("exp_trans", _D),
                ("mexp_state", _D), ("mexp_trans", _D)]


class _Native:
    """CRFsuite's lattice functions (crf1d_context.c), called on our state scores: the
    code pycrfsuite's tagger runs after it has summed the features' weights."""
    CTXF_VITERBI, CTXF_MARGINALS = 0x01, 0x02

    def __init__(self, lib, trans: np.ndarray):
        P = ctypes.POINTER(_Context)
        self.lib = lib
        for name, res, args in (("crf1dc_new", P, [ctypes.c_int, ctypes.c_int, ctypes.c_int]),
                                ("crf1dc_set_num_items", ctypes.c_int, [P, ctypes.c_int]),
                                ("crf1dc_exp_transition", None, [P]), ("crf1dc_exp_state", None, [P]),
                                ("crf1dc_alpha_score", None, [P]), ("crf1dc_beta_score", None, [P]),
                                ("crf1dc_viterbi", ctypes.c_double, [P, ctypes.POINTER(ctypes.c_int)]),
                                ("crf1dc_marginal_point", ctypes.c_double, [P, ctypes.c_int, ctypes.c_int]),
                                ("crf1dc_delete", None, [P])):
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        L = trans.shape[0]
        self.L = L
        self.ctx = lib.crf1dc_new(self.CTXF_VITERBI | self.CTXF_MARGINALS, L, 0)
        if not self.ctx:
            raise MemoryError("CRFsuite could not make a lattice")
        t = np.ascontiguousarray(trans, dtype=np.float64)
        ctypes.memmove(self.ctx.contents.trans, t.ctypes.data, t.nbytes)
        lib.crf1dc_exp_transition(self.ctx)
        self.labels = (ctypes.c_int * 1)()

    def __del__(self):
        if getattr(self, "ctx", None):
            self.lib.crf1dc_delete(self.ctx)
            self.ctx = None

    def tag(self, S: np.ndarray, spans, wanted):
        lib, ctx, L = self.lib, self.ctx, self.L
        S = np.ascontiguousarray(S, dtype=np.float64)
        base, row = S.ctypes.data, L * 8
        out = []
        for a, b in spans:
            T = b - a
            if len(self.labels) < T:
                self.labels = (ctypes.c_int * (2 * T))()
            if lib.crf1dc_set_num_items(ctx, T):
                raise MemoryError("CRFsuite could not make a lattice")
            ctypes.memmove(ctx.contents.state, base + a * row, T * row)
            lib.crf1dc_viterbi(ctx, self.labels)
            y = self.labels[:T]
            points = wanted(y)
            probs = []
            if points:
                lib.crf1dc_exp_state(ctx)
                lib.crf1dc_alpha_score(ctx)
                lib.crf1dc_beta_score(ctx)
                probs = [lib.crf1dc_marginal_point(ctx, lab, t) for t, lab in points]
            out.append((y, probs))
        return out


def native_lattice(crf: "LinearChainCRF") -> _Native | None:
    """The C lattice for this model in this process and thread (a forked worker makes its
    own), or None where pycrfsuite's library does not expose CRFsuite's functions."""
    key = (os.getpid(), threading.get_ident())
    lattices = crf.__dict__.setdefault("_lattices", {})
    if key not in lattices:
        try:
            from pycrfsuite import _pycrfsuite
            lattices[key] = _Native(ctypes.CDLL(_pycrfsuite.__file__), crf.trans)
        except (ImportError, OSError, AttributeError):
            lattices[key] = None
    return lattices[key]


_MANY = 48  # sparse cells from which state_scores gathers them with numpy


def _spread(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """starts[i], starts[i] + 1, ... starts[i] + lengths[i] - 1 for every i, in order."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.intp)
    first = np.cumsum(lengths) - lengths                   # where each run begins in the output
    return np.repeat(starts - first, lengths) + np.arange(total)

# a character's code: its code point, or one past the last code point for the bounds
_BOS, _EOS = 0x110000, 0x110001
_CODES = 0x110002


def _code(tok: str) -> int | None:
    if tok == features.BOUNDS[0]:
        return _BOS
    if tok == features.BOUNDS[1]:
        return _EOS
    return ord(tok) if len(tok) == 1 else None


def _keys(value: str, k: int) -> list[int]:
    """The codes of a character feature's value made of k characters (a bound is one)."""
    if len(value) == k:  # k plain characters (nearly every value): what the cuts below give
        return [ord(value)] if k == 1 else [ord(value[0]) * _CODES + ord(value[1])]
    if k == 1:
        c = _code(value)
        return [] if c is None else [c]
    out = []
    for cut in range(1, len(value)):
        a, b = _code(value[:cut]), _code(value[cut:])
        if a is not None and b is not None:
            out.append(a * _CODES + b)
    return out


def _inverse(s: np.ndarray) -> np.ndarray:
    """CRFsuite's scale factor: 1 / sum, or 1 where the sum is 0."""
    if s.all():
        return 1.0 / s
    out = np.ones_like(s)
    np.divide(1.0, s, out=out, where=s != 0)
    return out


def _batch(S: np.ndarray, spans: list[tuple[int, int]]):
    """The spans longest first, padded into one (span, position, label) array, with how
    many spans are still running at each position."""
    order = sorted(range(len(spans)), key=lambda k: -(spans[k][1] - spans[k][0]))
    lens = [spans[k][1] - spans[k][0] for k in order]
    T = lens[0]
    starts = np.array([spans[k][0] for k in order], dtype=np.intp)
    idx = np.minimum(starts[:, None] + np.arange(T)[None, :], len(S) - 1)
    return order, lens, _active(lens, T), S[idx]


def _active(lens: list[int], T: int) -> list[int]:
    """For each step t, how many spans (longest first) are longer than t."""
    active, m = [0] * T, len(lens)
    for t in range(T):
        while m and lens[m - 1] <= t:
            m -= 1
        active[t] = m
    return active
