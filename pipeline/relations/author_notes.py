"""Author notes: a piece whose author is named on a line of its own above it and closed by a
note on that author (范迪安⏎…⏎（作者为中国美术家协会主席）): MEMBER_OF of that name with each
organisation the note names and the post written after it (中国美术家协会, 主席). Inferred:
the page's layout ties the note to the name. A note with no name heading its piece (most
commentaries) links no one; so does a post the role lists do not know (rules/roles.tsv)."""
from __future__ import annotations

import re

from ..doc import Mention, Relation, sentence_of
from .common import INFERRED, relation, roles

NOTE = re.compile(r"[（(]\s*作者(?:为|系|是)([^（()）\n]{2,80})[）)]")
BASIS = "author note (（作者为…）) of the name heading the piece"


def find(doc, text: str, ms: list[Mention]) -> list[Relation]:
    persons = [m for m in ms if m.label == "PERSON" and m.key]
    orgs = [m for m in ms if m.label == "ORG" and m.key]
    out, after = [], 0
    for note in NOTE.finditer(text):
        heads = [p for p in persons if after <= p.start < note.start() and _heading(text, p)]
        after = note.end()
        if not heads:
            continue
        p, (a, b) = heads[-1], note.span(1)
        for o in (o for o in orgs if a <= o.start and o.end <= b):
            post = re.match(r"[^，,、；;\s]{1,12}", text[o.end:b])
            role = _known_role(post.group(0)) if post else ""
            if role:
                out.append(relation("MEMBER_OF", p.key, o.key, sentence_of(doc, note.start()), BASIS, INFERRED,
                                    role=role))
    return out


def _heading(text: str, p: Mention) -> bool:
    """A name standing alone on its line (a country in brackets before it may stand too:
    （乌干达）大卫·穆立卡)."""
    a = text.rfind("\n", 0, p.start) + 1
    b = text.find("\n", p.end)
    line = text[a:len(text) if b < 0 else b].strip(" \u3000\t")
    return re.sub(r"^[（(][^（()）]{1,8}[）)]", "", line).strip(" \u3000\t") == p.text


def _known_role(post: str) -> str:
    """The post as written when it ends with a role word the lists know (少儿美术艺委会主任:
    the whole post), else ''."""
    return post if any(post.endswith(r) for r in roles()) else ""
