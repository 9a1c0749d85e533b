"""HTML -> text: scripts, styles and tags dropped; the page's <title> and <meta> kept."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "table", "ul", "ol", "header", "footer", "blockquote", "dd", "dt", "pre", "hr", "td", "th",
          "title", "figcaption", "address"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
         "button", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"]
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self.skip -= 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


_HTML_SNIFF = re.compile(r"<\s*(html|body|div|p|span|table|br|script|style|meta|head)\b", re.I)
STRAY_TAG = re.compile(r"</?(p|br|div|span|strong|b|i|em|font|img|a|section|center|u|sup|sub)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return len(_HTML_SNIFF.findall(text[:20000])) >= 3


def html_to_text(text: str) -> tuple[str, str, dict[str, str]]:
    """Text of an HTML page without scripts, styles and tags; also its <title> and <meta>."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts), " ".join(parser.title.split()), parser.meta
