"""Bytes -> text: BOMs, UTF-8, UTF-16 without a BOM, GB18030, then charset-normalizer."""
from __future__ import annotations

import codecs
import re
import unicodedata

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


class NotText(Exception):
    """The bytes are not text in any encoding we accept."""


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Detect the encoding (BOMs, the charset a page declares, UTF-8, GB18030 or Big5,
    then charset-normalizer) and decode."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: detected as if there were none
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: ASCII text has a NUL in every other byte; Chinese text has none,
    # but decodes to Chinese characters almost throughout
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text[:20000])
            # random bytes decode to CJK too, but to rare characters: real Chinese text is
            # mostly GB2312's frequent ones
            if _looks_like_text(text) and (cjk < 0.2 * min(len(text), 20000)
                                           or _common_share(text, "gb2312", 0xB0A1, 0xD7FE) >= 0.8):
                return text, enc
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes, not UTF-16 text)")
    controls = len(_CONTROL_BYTES.findall(data[:65536]))
    if controls > 0.05 * min(len(data), 65536):
        raise NotText("binary file (control bytes)")
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    multibyte = sum(1 for ch in lossy if ord(ch) > 0x7F) - bad
    if bad <= max(2, len(data) // 2000) or (multibyte >= 20 and bad <= max(5, 0.02 * multibyte)):
        # a few broken bytes (a file cut mid-character, a bad copy) among much well-formed
        # UTF-8 do not make it another encoding
        return lossy, "utf-8"
    best = _chinese_legacy(data)
    if best is not None:
        return best
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # the detector is a last resort; its failure is ours to report
        best = None
    if best is not None and _printable_ratio(str(best)) > 0.9:
        return str(best), best.encoding
    raise NotText("undecodable bytes (not UTF-8, GB18030, UTF-16 or a detectable encoding)")


def _common_share(text: str, encoding: str, lo: int, hi: int) -> float:
    """The share of the Chinese characters of ``text`` that are among the frequent ones of
    ``encoding`` (their two-byte codes between ``lo`` and ``hi``): GB2312's first level for
    Simplified text, Big5's frequent characters for Traditional text. Bytes decoded with the
    wrong one of the two give mostly rare characters."""
    n = hit = 0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff":
            n += 1
            try:
                b = ch.encode(encoding)
            except UnicodeEncodeError:
                continue
            if len(b) == 2 and lo <= (b[0] << 8 | b[1]) <= hi:
                hit += 1
    return hit / n if n else 0.0


def _chinese_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030 (GBK, GB2312) or Big5, whichever reads as common Chinese characters."""
    got = []
    for enc, share in (("gb18030", lambda t: _common_share(t, "gb2312", 0xB0A1, 0xD7FE)),
                       ("big5", lambda t: _common_share(t, "big5", 0xA440, 0xC67E))):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            text = data.decode(enc, errors="replace")  # a file cut mid-character, a stray byte
            if text.count("\ufffd") > max(2, len(text) // 500):
                continue
        got.append((share(text), enc, text))
    if not got:
        return None
    score, enc, text = max(got, key=lambda g: g[0])
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text[:20000])
    if cjk >= 20 and score < 0.5:
        return None  # rare characters throughout: bytes that are no Chinese text in either
    return text, enc


def _looks_like_text(text: str) -> bool:
    """Mostly Chinese, ASCII letters, digits, punctuation and line breaks."""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for ch in sample if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
               or (" " <= ch <= "~") or ch in "\n\r\t“”‘’…—·")
    return good / len(sample) > 0.95


def _printable_ratio(text: str) -> float:
    if not text:
        return 1.0
    bad = sum(1 for ch in text if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"))
    return 1 - bad / len(text)


TRADITIONAL = ("big5", "big5hkscs", "cp950")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified characters with OpenCC, one character for one, so that the
    text keeps its length (offsets into it stay those of the decoded file). Where OpenCC
    would change the length (a phrase rule), the text is converted character by character."""
    import opencc
    conv = opencc.OpenCC("t2s")
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    chars = [conv.convert(ch) for ch in text]
    return "".join(c if len(c) == 1 else ch for c, ch in zip(chars, text))
