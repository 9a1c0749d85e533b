"""One report through every stage: ingest, then the spaCy pipeline on each section.

The result is a plain dict (written as ``outputs/work/<file>.json``), so that a report is
only re-extracted when its bytes, the code or the rules change, and the cross-report
linking step can run from these files alone.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path

from . import ingest, rules
from .util import code_fingerprint

FORMAT = 1


def pipeline_version() -> str:
    return f"{FORMAT}-{code_fingerprint()}-{rules.fingerprint()}"


def stages():
    """The modules of the NLP stages (spaCy and what it loads), imported on first use: a
    build with nothing to extract (a no-op) never pays for them."""
    from . import dates, nlp
    return dates, nlp


@functools.lru_cache(maxsize=None)
def warm() -> None:
    """Load the pipeline and the tables its stages load on first use, once per process (a
    report's time budget then counts that report alone)."""
    nlp_mod = stages()[1]
    nlp = nlp_mod.load(lexical=False)
    # the second sentence has a Chinese numeral: the numbers stage then imports cn2an (and
    # cn2an compiles its patterns), some 1 s that each worker would otherwise spend again
    nlp_mod.run(nlp, "3月5日，城南区教育局召开会议，局长王海平要求全区38所学校做好准备。"
                     "全区共有中小学一百二十三所。", doc_id="warm",
                context={"pub_date": "2020-03-05", "anchor_year": 2020})
    # the ingest's patterns (rules/cleaning.tsv, rules/metadata.tsv), compiled on first use
    ingest.clean("发布时间：2020-03-05 来源：城南区教育局\n记者 王海平\n全区38所学校做好准备。")


def cache_key(path: Path, sidecar_row: dict | None, version: str) -> str:
    h = hashlib.sha256()
    try:
        h.update(ingest.read_bytes(path, 1 << 20))  # never blocks on a FIFO
    except (OSError, ingest.NotAFile, ingest.TooLarge) as e:
        h.update(repr(e).encode())
    h.update(json.dumps(sidecar_row or {}, sort_keys=True).encode())
    h.update(version.encode())
    return h.hexdigest()[:20]


def extract_report(path: Path, *, max_mb: float = ingest.DEFAULT_MAX_MB,
                   sidecar: dict | None = None, nlp=None, meta: dict | None = None,
                   doc_id: str | None = None, name: str | None = None) -> dict:
    """Everything the later stages need from one report file. Never raises.

    A section the stages fail on is left out and its error recorded with the report; the
    other sections are kept."""
    rep = ingest.read_report(path, max_mb=max_mb, sidecar=sidecar, meta=meta, doc_id=doc_id, name=name)
    out = {
        "report": {k: v for k, v in dataclasses.asdict(rep).items() if k not in ("sections", "text")},
        "text": rep.text,
        "sections": [],
    }
    out["report"]["n_chars"] = len(rep.text)
    if rep.status != "ok":
        return out
    try:
        dates, nlp_mod = stages()
        nlp = nlp or nlp_mod.load(lexical=False)  # the build's copy: no lexical attributes
        year, basis = dates.infer_year(rep.text, rep.pub_date, rep.url)
        out["report"]["anchor_year"] = year
        out["report"]["anchor_basis"] = basis
        errors = []
        for sec in rep.sections:
            try:
                out["sections"].append(extract_section(nlp, rep, sec, year, basis))
            except Exception as e:  # one section failing must not lose the others
                errors.append(f"{sec.doc_id}: {type(e).__name__}: {str(e)[:200]}")
        if errors and not out["sections"]:
            raise RuntimeError("; ".join(errors))
        items = [e for s in out["sections"] for e in s.pop("errors", [])]
        notes = (["sections left out: " + "; ".join(errors)] if errors else []) \
            + ([f"{len(items)} item(s) left out: " + "; ".join(items[:5])] if items else [])
        out["report"]["error"] = " | ".join(notes)
    except Exception as e:  # a stage failing on one report must not stop the build
        out["report"]["status"] = "error"
        out["report"]["error"] = f"extraction failed: {type(e).__name__}: {e}"
        out["sections"] = []
    return out


def _plain(obj) -> dict:
    """A Mention or Relation as a JSON-ready dict (dataclasses.asdict deep-copies: slow)."""
    d = dict(obj.__dict__)
    d["attrs"] = {k: (list(v) if isinstance(v, (tuple, set)) else v) for k, v in d["attrs"].items()}
    return d


def section_context(rep: ingest.Report, sec: ingest.Section, year=None, basis="") -> dict:
    return {
        "anchor_year": year,
        "anchor_basis": basis,
        "file_id": rep.doc_id,
        "pub_date": rep.pub_date,
        "title": sec.title,
        "report_title": rep.title,
        "byline": sec.byline,
        "authors": sec.authors,
        "editor": sec.editor,
        "source": rep.source,
        "place_hint": sec.place_hint,
        "url": rep.url,
    }


# The build reads the stages' results from the Doc's extensions; aligning them to tokens
# (doc.spans, doc.ents) is for library users of the spaCy pipeline, so the build skips it.
BUILD_SKIPS = ("edu_spans",)


def extract_section(nlp, rep: ingest.Report, sec: ingest.Section, year=None, basis="") -> dict:
    nlp_mod = stages()[1]
    doc = nlp_mod.run(nlp, sec.text, doc_id=sec.doc_id, context=section_context(rep, sec, year, basis),
                      skip=BUILD_SKIPS)
    mentions = sorted(nlp_mod.found(doc), key=lambda m: (m.start, m.end, m.label))
    return {
        "doc_id": sec.doc_id,
        "title": sec.title,
        "byline": sec.byline,
        "authors": sec.authors,
        "editor": sec.editor,
        "place_hint": sec.place_hint,
        "text": sec.text,
        "sentences": [list(s) for s in (doc._.sent_spans or [])],
        "mentions": [_plain(m) for m in mentions],
        "entities": doc._.entities or {},
        "claims": doc._.claims or [],
        "relations": [_plain(r) for r in (doc._.relations or [])],
        "anchor_year": doc._.anchor_year,
        "place_context": doc._.place_context or {},
        "errors": list(doc.user_data.get("edu_errors", [])),
    }
