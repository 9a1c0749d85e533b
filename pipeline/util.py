"""Small shared helpers: atomic writes, XML-safe text, fingerprints."""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

# characters XML 1.0 forbids (GraphML is XML): C0 controls but tab/newline/CR, surrogates, U+FFFE/F
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_BAD.sub("", text)


def write_atomic(path: Path, data: bytes | str, *, touch_if_same: bool = True) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a crash
    never leaves a half-written file. Identical content is not rewritten (only its time is
    refreshed, which keeps make's view of the build consistent). Returns True if written."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            if touch_if_same:
                os.utime(path)
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def code_fingerprint() -> str:
    """A hash of the pipeline's code and configuration (rule files are hashed separately)."""
    h = hashlib.sha256()
    for p in sorted(PACKAGE_DIR.glob("*")):
        if p.suffix in (".py", ".cfg") and p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


@contextlib.contextmanager
def quiet():
    """Silence a library that prints banners or logs to stdout/stderr (jionlp, jieba)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    level = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
        logging.disable(level)
