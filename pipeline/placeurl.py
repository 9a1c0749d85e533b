"""The division a report's web address names: government and school sites are named after
their place in pinyin (www.qingtian.gov.cn is 青田县's, jyt.henan.gov.cn 河南省's education
department). Read by the place stage (pipeline/places.py) as one more piece of the report's
setting, never as a place of its own.

A government's or school's host (gov.cn, edu.cn; a news portal such as hangzhou.com.cn
reports on other places too) is read as a division when a label spells the pinyin of the division's short
or full name (青田 / 青田县: qingtian, qingtianxian), computed from JioNLP's table with
pypinyin; a label several divisions spell (jingyuan: 靖远县 and 泾源县) names the one the text
agrees with, or none. ``rules/place_domains.tsv`` holds what pinyin cannot tell (initials,
outlets' own names): an analyst adds a line there. No network is used.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from . import gazetteer, rules

# labels of a host that are no place: the kind of site, not its owner
GENERIC = frozenset(("www", "m", "wap", "gov", "edu", "com", "cn", "net", "org", "jy", "jyj", "jyt", "jw", "jyw",
                     "news", "xw", "web", "mobile", "paper", "epaper", "szb", "app", "h5", "info", "cms"))
# the hosts whose owner is a division's government or school: the site is of its place
OWNED = (".gov.cn", ".edu.cn")
# a label shorter than this is initials or an abbreviation, which pinyin cannot tell apart
MIN_LABEL = 4


@functools.lru_cache(maxsize=None)
def pinyin_index() -> dict[str, tuple[str, ...]]:
    """Pinyin (no tones, joined) of every province's, city's and county's short and full
    name -> the codes of the divisions it spells."""
    from pypinyin import lazy_pinyin

    gaz = gazetteer.get()
    out: dict[str, set[str]] = {}
    for d in gaz.divisions.values():
        if d.level not in ("province", "city", "county") or d.code.startswith("world/") or "/" in d.code:
            continue
        for name in {d.name, d.alias}:
            if len(name) >= 2:
                out.setdefault("".join(lazy_pinyin(name)).lower(), set()).add(d.code)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def domain_table() -> dict[str, str]:
    """rules/place_domains.tsv: a domain (the end of a host) -> adcode."""
    return {k.lower(): v for k, v in rules.mapping("place_domains.tsv").items()}


def _host(url: str) -> str:
    """The lower-case host of a web address (with or without its scheme); "" when none."""
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return ""


def host_labels(url: str) -> list[str]:
    """The labels of a web address's host that may name a place, finest first
    (jyj.jinhua.gov.cn -> ['jinhua'])."""
    return [x for x in _host(url).split(".") if x and x not in GENERIC and not x.isdigit()]


def url_divisions(url: str, known=()) -> list[str]:
    """The codes of the divisions a report's address names (at most one per label), from
    the finest label. ``known``: codes the text names, which settle a label several
    divisions spell."""
    if not url:
        return []
    gaz = gazetteer.get()
    host = _host(url)
    if not host:
        return []
    parts = host.split(".")
    out = []
    for i in range(len(parts) - 1):      # a domain of the table (jy.sg.gov.cn ends in sg.gov.cn)
        code = domain_table().get(".".join(parts[i:]), "")
        if code in gaz.divisions:
            return [code]
    if not host.endswith(OWNED):
        return []       # a news portal (hangzhou.com.cn) reports on other places too
    for label in host_labels(url):
        codes = pinyin_index().get(label, ()) if len(label) >= MIN_LABEL and re.fullmatch(r"[a-z]+", label) else ()
        if len(codes) > 1:
            codes = tuple(c for c in codes if any(gaz.related(c, k) for k in known))
        if len(codes) == 1 and codes[0] not in out:
            out.append(codes[0])
    return out
