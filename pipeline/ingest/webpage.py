"""HTML -> text with lxml's HTML parser: the page's main content without navigation,
related links, share bars, comments and footers; its <title> and <meta> kept; the charset a
page declares (``<meta charset>`` or ``http-equiv``, wherever it sits) honoured.

Main content: blocks whose class or id names page furniture (``rules/html_boilerplate.txt``)
and the structural tags for it (nav, header, footer, aside, form) are dropped; of what
remains, the element holding the most paragraph text that is not link text is the article,
when it holds most of the page's text; link lists (most of their text in links) go too.
"""
from __future__ import annotations

import functools
import re

from .. import rules

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "table", "ul", "ol", "header", "footer", "blockquote", "dd", "dt", "pre", "hr",
          "title", "figcaption", "address", "main", "dl", "center", "form", "caption"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
         "button", "head", "textarea", "input", "option", "map", "embed"}
_FURNITURE_TAGS = {"nav", "aside", "footer", "form", "menu"}

_HTML_SNIFF = re.compile(r"<\s*(html|body|div|p|span|table|br|script|style|meta|head)\b", re.I)
STRAY_TAG = re.compile(r"</?(p|br|div|span|strong|b|i|em|font|img|a|section|center|u|sup|sub)\b[^>]*>", re.I)
_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]{2,20})", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "big5": "big5", "big5-hkscs": "big5hkscs", "utf8": "utf-8", "utf-8": "utf-8"}


def looks_like_html(text: str) -> bool:
    return len(_HTML_SNIFF.findall(text[:20000])) >= 3


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag, anywhere in it (a large inline script
    may come first), as a Python codec name; None when there is none or it is unknown."""
    import codecs
    for m in _CHARSET.finditer(data):
        name = m.group(1).decode("ascii", errors="ignore").lower()
        name = _ALIASES.get(name, name)
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


@functools.lru_cache(maxsize=None)
def _furniture() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w.lower() for w in rules.items("html_boilerplate.txt")]
    return frozenset(words), tuple(w for w in words if len(w) >= 4)


def _is_furniture(names: str) -> bool:
    exact, prefixes = _furniture()
    for tok in re.split(r"[\s_\-]+", names.lower()):
        if tok and (tok in exact or tok.startswith(prefixes)):
            return True
    return False


def _text_len(el) -> int:
    return len(re.sub(r"\s+", "", "".join(el.itertext())))


def _link_len(el) -> int:
    return sum(len(re.sub(r"\s+", "", "".join(a.itertext()))) for a in el.iter("a"))


def _drop(el) -> None:
    """Remove an element but keep its tail text (the text after it in its parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + "\n" + tail
        else:
            parent.text = (parent.text or "") + "\n" + tail
    parent.remove(el)


def _strip_furniture(root) -> None:
    total = max(1, _text_len(root))
    doomed = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            doomed.append(el)
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if tag in _FURNITURE_TAGS or (names.strip() and _is_furniture(names)):
            if _text_len(el) < 0.5 * total:  # never the article itself
                doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _drop(el)
    # link lists: menus, related articles, tag clouds
    for el in list(root.iter("ul", "ol", "dl", "table", "div", "p", "span", "td")):
        if el.getparent() is None:
            continue
        n = _text_len(el)
        if n and _link_len(el) >= 0.6 * n and n < 0.5 * total:
            _drop(el)


def _main_block(root):
    """The element whose paragraphs hold the most text that is not in links."""
    scores: dict = {}
    for p in root.iter("p", "br", "font", "span", "td", "pre"):
        parent = p.getparent()
        if parent is None:
            continue
        n = _text_len(p) - _link_len(p) if p.tag != "br" else 20
        if n <= 0:
            continue
        scores[parent] = scores.get(parent, 0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + n / 2
    if not scores:
        return root
    best = max(scores, key=lambda e: scores[e])
    while best.tag in ("tr", "tbody", "thead", "tfoot", "table") and best.getparent() is not None:
        best = best.getparent()  # a data table: the article is the block that holds it
    total = _text_len(root) - _link_len(root)
    # the article when it holds most of the page's own text; else the whole page
    return best if _text_len(best) - _link_len(best) >= 0.6 * total else root


def _text_of(el) -> str:
    parts: list[str] = []

    def walk(e):
        tag = e.tag if isinstance(e.tag, str) else ""
        if not tag or tag in _SKIP:  # a comment, a script: its tail is its parent's
            return
        if tag in _BLOCK:
            parts.append("\n")
        if tag in ("td", "th"):
            parts.append("\t")  # a row stays one line, its cells apart (see tables.py)
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK:
            parts.append("\n")
    walk(el)
    return "".join(parts)


def html_to_text(text: str, data: bytes | None = None) -> tuple[str, str, dict[str, str]]:
    """Main text of an HTML page; also its <title> and <meta> (name/property -> content)."""
    import lxml.html
    from lxml import etree
    text = _XML_DECL.sub("", text)
    if not text.strip():
        return "", "", {}
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(remove_comments=True,
                                                                                 remove_pis=True))
    except (etree.ParserError, ValueError):
        return STRAY_TAG.sub("\n", text), "", {}
    meta: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or m.get("http-equiv") or "").lower()
        if key and m.get("content") and key not in meta:
            meta[key] = m.get("content")
    title_el = root.find(".//title")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
    if not title:
        title = " ".join((meta.get("og:title") or "").split())
    body = root.find("body")
    if body is None:
        body = root
    _strip_furniture(body)
    return _text_of(_main_block(body)), title, meta
