"""Stage 6 - measures: named initiatives, systems and rules a body adopts (停课不停学,
空中课堂, 云家访, 零报告制度, 代理家长, 一生一案 ...).

Two sources: the lexicon in rules/measures.tsv (names and their other spellings), and
discovery from how reports talk about measures: a quoted name after a verb of doing
(开展“温暖在线”, 落实“一生一案”), a quoted name before 活动/行动/制度 (“一亮四争先”活动),
and X制度 / X机制 after a verb of adopting (实施日报和零报告制度). Variants become one
measure: “停课不停学”, 停课不停学 and 离校不离教、停课不停学 are all 停课不停学.
"""
from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .doc import Mention, found, text_of

QUOTE = r"[“\"「『‘]([^“”\"「」『』‘’\n]{2,14})[”\"」』’]"


@functools.lru_cache(maxsize=None)
def _lexicon():
    canon: dict[str, str] = {}
    category: dict[str, str] = {}
    for row in rules.table("measures.tsv"):
        name = row[0]
        canon[name] = name
        category[name] = row[2] if len(row) > 2 else ""
        for alt in (row[1].split("|") if len(row) > 1 and row[1] else []):
            canon[_plain(alt)] = name
    cues: dict[str, list[str]] = {}
    for row in rules.table("measure_cues.tsv"):
        cues.setdefault(row[0], []).append(row[1])
    stop = {_plain(s) for s in rules.items("measure_stop.txt")}
    verbs = rules.alternation(cues["verb"])
    suffixes = rules.alternation(cues["suffix"])
    return {
        "canon": canon, "category": category, "stop": stop, "keep": set(cues["keep"]),
        "lex_re": re.compile("|".join(re.escape(n) for n in sorted(set(canon) | set(canon.values()), key=len, reverse=True))),
        "after_verb": re.compile(rf"(?:{verbs})(?:了|起|好)?(?:{QUOTE})+"),
        "before_suffix": re.compile(rf"{QUOTE}(?P<suffix>{suffixes})?"),
        "system": re.compile(rf"(?:{verbs})(?:了)?(?P<name>[\u3400-\u9fff、和及与]{{2,12}}?(?:{rules.alternation(cues['system'])}))"),
        "suffix_re": re.compile(rf"(?:{suffixes})"),
    }


def _plain(s: str) -> str:
    return re.sub(r"[“”\"「」『』‘’\s]", "", s)


def normalise(name: str) -> list[str]:
    """Canonical measure names for a written name (离校不离教、停课不停学 -> both)."""
    lex = _lexicon()
    name = _plain(name)
    if name in lex["canon"]:
        return [lex["canon"][name]]
    parts = [p for p in re.split(r"[、，,]", name) if p]
    if len(parts) > 1 and any(p in lex["canon"] for p in parts):
        # 摸排动态信息日报、零报告制度 -> 零报告制度; 一岗双责，双重管理 -> 一岗双责
        return list(dict.fromkeys(lex["canon"][p] for p in parts if p in lex["canon"]))
    return [name]


class MeasureRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        lex = _lexicon()
        text = text_of(doc)
        ms = found(doc)
        names_taken = [(m.start, m.end) for m in ms if m.label in ("ORG", "PLACE", "PERSON")]
        out: list[Mention] = []

        def add(a: int, b: int, written: str, how: str):
            if any(x < b and a < y for x, y in names_taken) or any(o.start < b and a < o.end for o in out):
                return
            plain = _plain(written)
            if len(plain) < 2 or plain in lex["stop"] or re.fullmatch(r"[\d\W]+", plain):
                return
            for canon in normalise(plain):
                out.append(Mention("MEASURE", a, b, text[a:b], norm=canon, key=f"measure:{canon}",
                                   attrs={"found_by": how, "category": lex["category"].get(canon, "")}))
                break  # one mention per span; the other canonical names go to its attrs
            if len(normalise(plain)) > 1:
                out[-1].attrs["also"] = normalise(plain)[1:]

        # discovered: quoted names after a verb, or before 活动/行动/制度
        for m in lex["after_verb"].finditer(text):
            for q in re.finditer(QUOTE, m.group(0)):
                a = m.start() + q.start(1)
                b = m.start() + q.end(1)
                suf = lex["suffix_re"].match(text, b + 1)
                if suf and suf.group(0) in lex["keep"]:
                    add(a - 1, b + 1 + len(suf.group(0)), _plain(text[a:b]) + suf.group(0), "quoted after a verb")
                else:
                    add(a, b, text[a:b], "quoted after a verb")
        for m in lex["before_suffix"].finditer(text):
            if m.group("suffix"):
                a, b = m.start(1), m.end(1)
                if m.group("suffix") in lex["keep"]:
                    add(m.start(), m.end(), _plain(m.group(1)) + m.group("suffix"), "quoted before a suffix")
                else:
                    add(a, b, m.group(1), "quoted before a suffix")
        for m in lex["system"].finditer(text):
            name = re.sub(r"^(完善|健全|建立|严格|全面|进一步|各项)+", "", m.group("name"))
            if len(name) >= 4:
                b = m.end("name")
                add(b - len(name), b, name, "X制度 after a verb")
        # the lexicon, anywhere
        for m in lex["lex_re"].finditer(text):
            add(m.start(), m.end(), m.group(0), "lexicon")
        for o in out:
            if o.attrs.get("also"):
                o.attrs["also"] = list(o.attrs["also"])
        ms.extend(sorted(out, key=lambda m: m.start))
        ents = doc._.entities or {}
        for o in out:
            for canon in [o.norm] + o.attrs.get("also", []):
                rec = ents.setdefault(f"measure:{canon}", {"label": "MEASURE", "name": canon, "aliases": [],
                                                           "attrs": {"kind": o.attrs.get("category", "")}})
                if o.text not in rec["aliases"]:
                    rec["aliases"] = sorted(set(rec["aliases"]) | {_plain(o.text)})
        doc._.entities = ents
        return doc


@Language.factory("edu_measures")
def make_measure_recognizer(nlp: Language, name: str):
    return MeasureRecognizer()
