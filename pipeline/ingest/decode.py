"""Bytes -> text: BOMs, UTF-8, UTF-16 without a BOM, GB18030, then charset-normalizer."""
from __future__ import annotations

import codecs
import re
import unicodedata

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


class NotText(Exception):
    """The bytes are not text in any encoding we accept."""


def decode(data: bytes) -> tuple[str, str]:
    """Detect the encoding (BOMs, UTF-8, GB18030, then charset-normalizer) and decode."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
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
            if _looks_like_text(text):
                return text, enc
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes, not UTF-16 text)")
    controls = len(_CONTROL_BYTES.findall(data[:65536]))
    if controls > 0.05 * min(len(data), 65536):
        raise NotText("binary file (control bytes)")
    lossy = data.decode("utf-8", errors="replace")
    if lossy.count("\ufffd") <= max(2, len(data) // 2000):
        # a few broken bytes (a file cut mid-character) do not make it another encoding
        return lossy, "utf-8"
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # the detector is a last resort; its failure is ours to report
        best = None
    if best is not None and _printable_ratio(str(best)) > 0.9:
        return str(best), best.encoding
    raise NotText("undecodable bytes (not UTF-8, GB18030, UTF-16 or a detectable encoding)")


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
