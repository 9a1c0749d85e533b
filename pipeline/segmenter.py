"""The tokenizer: spaCy's Chinese tokenizer with the jieba segmenter, the same tokens
(tests/test_segmenter.py compares both on random and real text), in about half the time.

jieba is pure Python, and tokenising is the largest single cost of the build. Four things
make it faster here; none changes a token:
- the route through a block of Chinese characters (the most probable path through the
  dictionary's words) comes from jieba-rs (the ``rjieba`` binding: jieba's algorithm and
  dictionary in Rust), without its HMM: the runs of single characters it leaves go to the HMM
  below, as jieba sends them to its own (jieba-rs's HMM cuts 一南南南人 otherwise). Only
  while jieba's dictionary is the one it loaded (no ``add_word``), and only for blocks
  without Latin letters, digits or marks (jieba-rs keeps 163.com and 2020 whole where jieba
  gathers their characters with the single characters around them); the route search below
  does the rest. The same words as jieba on the 2,613 corpus articles and on 300,000 random
  blocks; a probe at start-up checks it again and leaves jieba-rs out if not.
- jieba's route search (``Tokenizer.__cut_DAG``: the dictionary DAG, then the most probable
  path through it) is done in one backward pass with the word scores cached, where jieba
  builds the DAG as a dict and calls ``log`` for every edge each time. Same dictionary, same
  scores to the last bit (the same float operations in the same order), same ties.
- jieba's HMM for runs of unknown characters (``finalseg``) keeps back-pointers where
  jieba copies the whole path at every character; same sums, same ties.
- spaCy's ``get_words_and_spaces`` re-finds every word in the text; jieba's words already
  spell the text out, whitespace included, so tokens, trailing spaces and character
  offsets follow from one pass.
"""
from __future__ import annotations

import functools
import marshal
import os
import re
import tempfile
from itertools import accumulate, compress
from math import log

import jieba
from jieba import finalseg, re_han_default as _RE_HAN, re_skip_default as _RE_SKIP
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry


def initialize_jieba(dt: jieba.Tokenizer | None = None) -> None:
    """``jieba.initialize()``, in a fifth of the time where jieba's dictionary cache is in
    place: jieba reads its cache (``jieba.cache`` in the temporary folder, its dictionary
    as a marshalled dict) with ``marshal.load`` from the open file, which reads it in small
    pieces (some 1 s for the 9 MB); here the same file is read whole, then unmarshalled
    (0.2 s). The same file and the same steps as jieba's for its default dictionary, so
    the same dictionary; any other case (a dictionary of one's own, no cache yet, a cache
    that does not load) is left to jieba. ``dt``: jieba's default tokenizer unless given."""
    dt = jieba.dt if dt is None else dt
    if dt.initialized:
        return
    if dt.dictionary == jieba.DEFAULT_DICT:
        cache = os.path.join(dt.tmp_dir or tempfile.gettempdir(), dt.cache_file or "jieba.cache")
        try:
            with open(cache, "rb") as f:
                freq, total = marshal.loads(f.read())
        except Exception:  # no cache yet, or one jieba would not read either: jieba's way
            freq = None
        if isinstance(freq, dict):
            with dt.lock:
                if not dt.initialized:
                    dt.FREQ, dt.total, dt.initialized = freq, total, True
                    _loaded(dt)
            return
    dt.initialize()
    _loaded(dt)


# the dictionaries jieba loaded from its default dictionary, as loaded: (FREQ, its size, total)
_PRISTINE: dict[int, tuple[dict, int, int]] = {}


def _loaded(dt: jieba.Tokenizer) -> None:
    if dt.dictionary == jieba.DEFAULT_DICT and dt.initialized:
        _PRISTINE.setdefault(id(dt.FREQ), (dt.FREQ, len(dt.FREQ), dt.total))


def _pristine(dt: jieba.Tokenizer) -> bool:
    """Whether ``dt`` holds jieba's default dictionary as loaded: no word added or deleted."""
    got = _PRISTINE.get(id(dt.FREQ))
    return got is not None and got[0] is dt.FREQ and got[1:] == (len(dt.FREQ), dt.total)


# what jieba-rs's route leaves otherwise than jieba's walk would: blocks holding the letters,
# digits and marks jieba's block pattern (re_han_default) lets in besides Chinese
_NATIVE_NOT = re.compile(r"[\x00-\x7f]")
# blocks jieba-rs must cut as jieba does before it is used: known words, unknown names (the
# HMM), characters outside the dictionary and the HMM's tables, Latin letters and digits
_PROBES = ("城南区教育局召开课后服务工作推进会", "锦官新城小学党支部书记杨洪亮主持会议", "槐荫区停课不停学空中课堂",
           "龘䶮鿐㐀的学校", "二人人人人", "人一一一人", "学校一一一是", "一南南南人", "李秀英沐语名师工作室",
           "校长王海平和副校长李四出席")


@functools.lru_cache(maxsize=None)
def _native():
    """rjieba's ``cut`` when it is installed and cuts the probes as jieba does; else None."""
    try:
        import rjieba
    except ImportError:
        return None
    initialize_jieba()
    if not _pristine(jieba.dt):
        return None
    probe = FastJieba(jieba.dt, native=False)
    for text in _PROBES:
        want: list[str] = []
        got: list[str] = []
        probe.route_words(text, want)
        probe._walk(rjieba.cut(text, False), got)
        if got != want:
            return None
    return rjieba.cut


_UNSEEN = object()  # not looked up yet
_PREFIX = object()  # in jieba's dictionary with frequency 0: the beginning of longer words only


_BLOCK_MIN, _BLOCKS_KEPT = 4, 50_000    # the blocks whose words are kept, and at most how many


def keep_blocks(n: int) -> int:
    """How many blocks of Chinese the tokenizer keeps the words of (0: none); the number
    before. `make bench` keeps none: its corpus is the seed reports repeated, whose copies
    would cost nothing."""
    global _BLOCKS_KEPT
    before, _BLOCKS_KEPT = _BLOCKS_KEPT, n
    return before


class FastJieba(jieba.Tokenizer):
    """jieba's default tokenizer (its dictionary, loaded once) with a faster route search."""

    def __init__(self, base: jieba.Tokenizer, native: bool = True):
        super().__init__(base.dictionary)
        base.check_initialized()
        # jieba-rs for the blocks it cuts as jieba does, while the dictionary is jieba's own
        self._native = _native() if native and _pristine(base) else None
        self.base = base
        self.FREQ, self.total, self.initialized = base.FREQ, base.total, True
        self._logtotal = log(self.total)
        # fragment -> log(freq) - log(total) as jieba computes it for a word, _PREFIX for a
        # fragment that only begins words (frequency 0), None for one that begins none
        self._score: dict[str, object] = {}
        # block of Chinese -> its words: pages repeat their boilerplate and reports their
        # phrases (a third of the 2,613 corpus articles' characters are in blocks met before)
        self._blocks: dict[str, list[str]] = {}

    def _known(self, frag: str):
        f = self.FREQ.get(frag)
        v = self._score[frag] = None if f is None else (log(f) - self._logtotal if f else _PREFIX)
        return v

    def stale(self) -> bool:
        """jieba's dictionary changed since (add_word, load_userdict, set_dictionary): the
        cached scores no longer hold."""
        return self.base.FREQ is not self.FREQ or self.base.total != self.total

    def _Tokenizer__cut_DAG(self, sentence: str):  # overrides jieba's private __cut_DAG
        out: list[str] = []
        self.route_words(sentence, out)
        return iter(out)

    def block_words(self, block: str, out: list[str]) -> None:
        """The words of one block of Chinese, Latin letters and digits (a piece jieba's
        re_han_default matches), appended to out: along jieba-rs's route where it is jieba's
        (a block of Chinese alone), else along the route search's."""
        if self._native is None or _NATIVE_NOT.search(block) is not None:
            self.route_words(block, out)
        else:
            self._walk(self._native(block, False), out)   # jieba-rs's route, without its HMM

    def route_words(self, sentence: str, out: list[str]) -> None:
        """The words of one block of Chinese, Latin letters and digits, appended to out."""
        cache, logtotal, known = self._score, self._logtotal, self._known
        n = len(sentence)
        score = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            # jieba: max((log(FREQ.get(w) or 1) - logtotal + route[x + 1][0], x) for x in DAG[idx])
            best, best_x = None, idx
            i, frag = idx, sentence[idx]
            while i < n:
                v = cache.get(frag, _UNSEEN)  # one look-up: a word's score, _PREFIX or None
                if v is _UNSEEN:
                    v = known(frag)
                if v is None:  # no dictionary word starts with frag
                    break
                if v is not _PREFIX:
                    v += score[i + 1]
                    if best is None or v >= best:  # a tie goes to the larger x, as in max()
                        best, best_x = v, i
                i += 1
                frag = sentence[idx:i + 1]
            if best is None:  # no word: the character alone, log(FREQ.get(w) or 1) - logtotal
                best = (0.0 - logtotal) + score[idx + 1]
            score[idx], nxt[idx] = best, best_x
        pieces, x = [], 0
        while x < n:
            y = nxt[x] + 1
            pieces.append(sentence[x:y])
            x = y
        self._walk(pieces, out)

    def _walk(self, route, out: list[str]) -> None:
        """The walk along a route (its pieces, in order), as jieba does it: single
        characters gather in buf and go to the HMM when together they are no dictionary
        word; the other pieces are words."""
        buf = ""
        for w in route:
            if len(w) == 1:
                buf += w
            else:
                if buf:
                    self._unknown(buf, out)
                    buf = ""
                out.append(w)
        if buf:
            self._unknown(buf, out)

    def _unknown(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self.FREQ.get(buf):
            hmm_cut(buf, out)
        else:
            out.extend(buf)

    def words(self, text: str) -> list[str]:
        """``list(jieba.cut(text))`` (accurate mode, with the HMM), without empty words."""
        out: list[str] = []
        if self._native is not None and self.stale():
            self._native = None   # a word added to jieba since: jieba-rs does not know it
        for blk in _RE_HAN.split(text):
            if not blk:
                continue
            if _RE_HAN.match(blk):
                if len(blk) < _BLOCK_MIN or not _BLOCKS_KEPT:
                    self.block_words(blk, out)
                    continue
                got = self._blocks.get(blk)
                if got is None:
                    got = []
                    self.block_words(blk, got)
                    if len(self._blocks) >= _BLOCKS_KEPT:
                        self._blocks.clear()
                    self._blocks[blk] = got
                out += got
            else:
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out


def hmm_cut(text: str, out: list[str]) -> None:
    """``jieba.finalseg.cut``: runs of unknown characters split into words by jieba's HMM
    (states B, M, E, S), appended to out. jieba's Viterbi copies the whole path at every
    step; this one keeps back-pointers. Same sums in the same order, same ties (max() over
    (score, state) pairs: the later letter wins)."""
    for blk in finalseg.re_han.split(text):
        if not blk:
            continue
        if finalseg.re_han.match(blk):
            for word in _viterbi_words(blk):
                if word in finalseg.Force_Split_Words:
                    out.extend(word)
                else:
                    out.append(word)
        else:
            out.extend(x for x in finalseg.re_skip.split(blk) if x)


def _viterbi_words(s: str) -> list[str]:
    low = finalseg.MIN_FLOAT
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    e_b, e_m, e_e, e_s = emit["B"].get, emit["M"].get, emit["E"].get, emit["S"].get
    t_eb, t_sb = trans["E"].get("B", low), trans["S"].get("B", low)
    t_mm, t_bm = trans["M"].get("M", low), trans["B"].get("M", low)
    t_ss, t_es = trans["S"].get("S", low), trans["E"].get("S", low)
    t_be, t_me = trans["B"].get("E", low), trans["M"].get("E", low)
    c = s[0]
    vb, vm = start["B"] + e_b(c, low), start["M"] + e_m(c, low)
    ve, vs = start["E"] + e_e(c, low), start["S"] + e_s(c, low)
    back = []  # per position: the state before B, M, E and S
    for c in s[1:]:
        em = e_b(c, low)
        x, y = ve + t_eb + em, vs + t_sb + em          # B after E or S
        nb, pb = (x, "E") if x > y else (y, "S")
        em = e_m(c, low)
        x, y = vm + t_mm + em, vb + t_bm + em          # M after M or B
        nm, pm = (x, "M") if x >= y else (y, "B")
        em = e_s(c, low)
        x, y = vs + t_ss + em, ve + t_es + em          # S after S or E
        ns, ps = (x, "S") if x >= y else (y, "E")
        em = e_e(c, low)
        x, y = vb + t_be + em, vm + t_me + em          # E after B or M
        ne, pe = (x, "B") if x > y else (y, "M")
        vb, vm, vs, ve = nb, nm, ns, ne
        back.append((pb, pm, pe, ps))
    state = "E" if ve > vs else "S"
    tags = [state]
    for pb, pm, pe, ps in reversed(back):
        state = {"B": pb, "M": pm, "E": pe, "S": ps}[state]
        tags.append(state)
    tags.reverse()
    words, begin, nexti = [], 0, 0
    for i, tag in enumerate(tags):
        if tag == "B":
            begin = i
        elif tag == "E":
            words.append(s[begin:i + 1])
            nexti = i + 1
        elif tag == "S":
            words.append(s[i])
            nexti = i + 1
    if nexti < len(s):
        words.append(s[nexti:])
    return words


class JiebaTokenizer(ChineseTokenizer):
    """``spacy.zh.ChineseTokenizer`` (segmenter "jieba") with the faster route search and a
    one-pass alignment. Also records every token's (start, end, text) for the stages."""

    def __init__(self, vocab, segmenter: str = "jieba"):
        if segmenter == "jieba":  # before spaCy's tokenizer has jieba initialise itself
            jieba.setLogLevel(60)
            initialize_jieba()
        super().__init__(vocab, segmenter=segmenter)
        self._fast = None

    def __call__(self, text: str) -> Doc:
        if self.segmenter != Segmenter.jieba:
            return super().__call__(text)
        if self._fast is None or self._fast.base is not jieba.dt or self._fast.stale():
            jieba.setLogLevel(60)
            self._fast = FastJieba(jieba.dt)
        words: list[str] = []
        spaces: list[bool] = []
        toks: list[tuple[int, int, str]] = []
        starts: list[int] = []
        word_spans: list[tuple[int, int]] = []  # the tokens that are not whitespace
        ws = self._fast.words(text)
        n = len(ws)
        gaps = list(compress(range(n), map(str.isspace, ws)))  # whitespace: a few per report
        gaps.append(n)
        pos = i = k = 0
        while i < n:
            j = gaps[k]
            if i < j:  # words i .. j-1, none of them whitespace: their offsets in one pass
                run = ws[i:j]
                ends = list(accumulate(map(len, run), initial=pos))
                a, b = ends[:-1], ends[1:]
                words += run
                spaces += [False] * (j - i)
                starts += a
                toks += zip(a, b, run)
                word_spans += zip(a, b)
                pos, i = ends[-1], j
            else:  # whitespace since the last word; spaCy keeps it as one token
                gap = ""
                while i == gaps[k] < n:
                    gap += ws[i]
                    i += 1
                    k += 1
                pos = _gap(gap, pos, words, spaces, toks, starts)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.tokens = toks
        doc.user_data["edu_token_starts"] = starts
        doc.user_data["edu_word_spans"] = word_spans
        return doc


def _gap(gap: str, pos: int, words: list, spaces: list, toks: list, starts: list) -> int:
    """Whitespace between words, as spaCy's get_words_and_spaces aligns it: one plain space
    after a word is that word's trailing space, the rest is a token of its own."""
    if words and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
        pos += 1
    if gap:
        words.append(gap)
        spaces.append(False)
        starts.append(pos)
        toks.append((pos, pos + len(gap), gap))
        pos += len(gap)
    return pos


@registry.tokenizers("edu.JiebaTokenizer.v1")
def create_jieba_tokenizer(segmenter: str = "jieba"):
    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab, segmenter=segmenter)
    return make
