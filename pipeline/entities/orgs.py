"""Organisations: what the model finds, completed by precise rules for what it cannot
learn from a few hundred reports.

* the type of an organisation (school, bureau, party, media ...) from the type word its
  name ends in (rules/org_suffixes.tsv) or from the list of known bodies
  (rules/org_known.tsv);
* known bodies and the report's own outlet (its ``source``) wherever they are written;
* the longest-name convention of ANNOTATION.md: a unit written right after its
  organisation is one name (``刘集镇中心小学党支部``), and so is a place directly before an
  organisation (``东阿县`` + ``刘集镇中心小学``);
* short forms of the full names of the same report (``锦官新城小学`` -> ``锦小``);
* ``X教育系统``, the sector of a place, kept as an organisation beside the place.
"""
from __future__ import annotations

import functools
import re

from .. import rules
from ..gazetteer import ADMIN_SUFFIXES
from ..doc import Mention, covered
from ..names import full_name
from . import lexicon
from .org_cells import known_pair, list_cells, school_and_office, two_cells
from .org_levels import LEVEL_WORDS
from .places import division_chain, station

NUM_CH = "零〇一二三四五六七八九十百两"
UNIT_WORDS = ("党支部", "党总支", "机关党委", "分党委", "分团委", "党委", "党组", "党工委", "团委", "工会", "支部", "小学部", "中学部", "初中部",
              "高中部", "分校", "校区", "办公室")
_SECTOR = re.compile(r"(教育系统|教体系统|教科系统)")
# an embassy's or a consulate's offices (大使馆教育处, 总领事馆教育组, 使馆文化处)
_MISSION_OFFICE = re.compile(r"(?:教育|文化|科技|经商|商务)(?:处|组)|领事部")


def kind_of(name: str) -> tuple[str, str]:
    """(kind, type word) of an organisation's name: the longest type word it ends with,
    or its entry among known bodies; ('other', '') otherwise."""
    known = lexicon.known_orgs().words.get(name)
    if known:
        return known[0], ""
    types = lexicon.name_types().words
    for k in range(max(0, len(name) - max(lexicon.name_types().lengths)), len(name) - 1):
        v = types.get(name[k:])
        if v:
            return v[0], name[k:]
    v = types.get(name[-1:])
    return (v[0], name[-1:]) if v else ("other", "")


# a college, an office or a unit of some body (土木系, 人事处, 办公室): keyed with its owner, not alone
_UNIT_OF_SOME = re.compile(r"(?:学院|系|研究院|研究所|中心|处|科|室|办|(?<!俱乐)部)$")


def attrs_for(text: str, m: Mention, kinds: dict | None = None) -> dict:
    """The attributes later stages read: ``kind``, ``suffix``, ``canonical`` for known
    bodies, ``unit_of`` (offsets of the organisation a unit belongs to). ``kinds`` gives
    the kind of the other organisations of the text by name (锦小 is a school)."""
    kinds = kinds or {}
    kind, suffix = kind_of(m.text)
    if kind == "other" and kinds.get(m.text):
        kind = kinds[m.text]
    attrs = dict(m.attrs)
    attrs.setdefault("kind", kind)
    if suffix:
        attrs.setdefault("suffix", suffix)
    known = lexicon.known_orgs().words.get(m.text)
    if known:
        attrs["canonical"] = known[1]
    elif kind in ("other", "team") and not _UNIT_OF_SOME.search(m.text) and lexicon.common_words_only(m.text):
        attrs["common"] = True       # 合唱团, 理事会: no one body's name (orgkeys: keyed to its report)
    for u in sorted(UNIT_WORDS, key=len, reverse=True):
        if m.text.endswith(u) and len(m.text) > len(u) + 1:
            inner = m.text[:-len(u)]
            ik = kinds.get(inner) or kind_of(inner)[0]
            if ik == "other" and (known_as := full_name(inner)):      # 北大 of 北大党委: 北京大学's kind
                ik = kind_of(known_as[0])[0]
            if ik != "other":
                attrs["unit_of"] = [m.start, m.end - len(u)]
                attrs["unit_of_kind"] = ik
                if known_body := lexicon.known_orgs().words.get(inner):     # 财政部 of 财政部党组: a national body
                    attrs["unit_of_canonical"] = known_body[1]
                attrs["kind"] = "party" if "党" in u or u in ("支部", "团委", "工会") else ik
            break
    return attrs


def known_bodies(text: str, words) -> list[Mention]:
    """Known bodies (rules/org_known.tsv; local outlets, rules/media_local.tsv) where jieba's
    words do not cut them apart, and a company's name does not open with a one-character word
    that ends a word with the character before it (制定好未来: 好 and 定好; not 旗下学而思,
    where jieba reads 学而思 whole)."""
    out = []
    starts, ends = lexicon.word_bounds(words)
    tails = rules.items("org_brand_tails.txt")
    word_at = dict(words)
    for s, e, (kind, canon) in [*lexicon.known_orgs().scan(text), *lexicon.local_media().scan(text)]:
        if kind == "company" and s > 0 and word_at.get(s) == s + 1 and lexicon.known(text[s - 1:s + 1]):
            continue      # 制定好未来的目标: 好 a word of its own, and 定好 one: no company here
        if (s in starts or s == 0 or not lexicon.is_cjk(text[s - 1])) and (e in ends or e == len(text)):
            tail = next((t for t in tails if text.startswith(t, e)), "") if kind in ("company", "media") else ""
            if tail:      # 学而思网校, 新浪外语: a brand or channel of its own
                out.append(Mention("ORG", s, e + len(tail), text[s:e + len(tail)], attrs={"kind": kind}))
            else:
                out.append(Mention("ORG", s, e, text[s:e], attrs={"kind": kind, "canonical": canon}))
    return out


def outlets(text: str, source: str) -> list[Mention]:
    """The report's outlet, wherever the text names it (``齐鲁晚报·齐鲁壹点``)."""
    out = []
    for part in _source_parts(source):
        k = 1 if part[0] == "《" and part[-1] == "》" else 0    # 《新世纪》: the title, not its marks
        for m in re.finditer(re.escape(part), text):
            out.append(Mention("ORG", m.start() + k, m.end() - k, part[k:len(part) - k], attrs={"kind": "media"}))
    return out


def _source_parts(src: str) -> list[str]:
    # 头条@云播大悟: the account, not the platform it is on
    parts = [re.split(r"[@＠]", p)[-1].strip() for p in re.split(r"[-—|()（）/]", src or "")]
    parts = [re.sub(r"\d{1,2}月\d{1,2}日.*$", "", p) for p in parts if p]   # 鲁网2月10日: 鲁网; 本报, 网络整理: none
    return [p for p in parts if len(p) >= 2 and lexicon.CJK_RE.search(p) and not lexicon.generic_org(p) and not re.search(r"\d", p)]


_DASHES = re.compile(r"[-—–|｜【】]+|(?<=[\u3400-\u9fff])[&＆]+(?=[\u3400-\u9fff])")   # 中国教育报-中国教育新闻网, 新华社】教育部, 名校&爱德华王子岛大学


@functools.lru_cache(maxsize=None)
def _joiners() -> tuple[str, ...]:
    return tuple(sorted(rules.items("org_joiners.txt"), key=len, reverse=True))


# a school by its place's short name and its number (昆三中, 泉州五中, 一中)
_NUMBERED_SCHOOL = re.compile(r"[\u3400-\u9fff]{0,4}[一二三四五六七八九十]{1,3}[中小]")


def named_body(name: str) -> bool:
    """A body's name: a known body, a proper name before a type word, or a numbered school."""
    return name in lexicon.known_orgs().words or kind_of(name)[1] not in ("", name) \
        or _NUMBERED_SCHOOL.fullmatch(name) is not None


# an office of a party committee or a government written short: 县委办, 市政府办, 区委办公室
_LEVEL_OFFICE = re.compile(r"(?:[省市县区州旗镇乡]委|(?:[省市县区州旗镇乡])?政府)办(?:公室)?$")


def _listed_body(part: str) -> bool:
    """Whether an item of a list read as one name is a body on its own (县委办, 教育局, 华侨小学;
    初中 and 小学 too, as the generic words they are, which later steps drop)."""
    return len(part) >= 2 and (named_body(part) or kind_of(part)[1] != "" or category(part)
                               or _LEVEL_OFFICE.search(part) is not None)


# a party committee and a government written together with nothing between (县委县政府,
# 中共岩脚镇委员会岩脚镇人民政府)
_COMMITTEE_AND_GOVERNMENT = re.compile(r"(.*?(?:[省市县区州旗镇乡]委员会|[省市县区州旗镇乡]委))(.*?[省市县区州旗镇乡](?:人民)?政府)")


# joiners that are verbs of working together (A联合B): before them a unit with no type word
# of a body's name is a body too (国务院联防联控机制联络组联合教育部, 县双减专班会同县市场监管局)
_VERB_JOINERS = ("会同", "联合", "携手", "协同")
_UNIT_ENDS = ("组", "专班", "指挥部", "办", "委", "中心", "队")


def split_joined(text: str, m: Mention) -> list[Mention]:
    """Two names written as one are two organisations: joined by a dash (``中国教育报-
    中国教育新闻网``, a page's source line), or by a word that joins two bodies where both
    sides end in a type word (``县教育体育局会同县卫生健康局``, rules/org_joiners.txt)."""
    head, _, tail = m.text.rpartition("、")
    if 2 <= len(head) <= 3 and head[:1] in lexicon.surnames() and not _listed_body(head) and _listed_body(tail):
        k = m.start + len(head) + 1     # 金华敏、学院党委: a name of a list of people run into a body
        return split_joined(text, Mention("ORG", k, m.end, tail, attrs=dict(m.attrs)))
    if "、" in m.text and all(_listed_body(p) for p in m.text.split("、")):
        out, k = [], m.start    # 县委办、教育局: a list read as one name (毛南家园中、小学 stays whole)
        for part in m.text.split("、"):
            out += split_joined(text, Mention("ORG", k, k + len(part), part, attrs=dict(m.attrs)))
            k += len(part) + 1
        return out
    if _DASHES.search(m.text):
        out, pos = [], m.start
        for part in _DASHES.split(m.text):
            s = text.find(part, pos) if part else -1
            if s >= 0 and len(part) >= 2 and lexicon.CJK_RE.search(part):
                out += split_joined(text, Mention("ORG", s, s + len(part), part, attrs=dict(m.attrs)))
            if s >= 0:
                pos = s + len(part)
        return out
    name = m.text
    cells = list_cells(name) or two_cells(name) or school_and_office(name) or known_pair(name)
    if cells:             # 北京大学中国人民大学清华大学…: a table's column read as one line
        # (a place cell glued to a name is split later, once the names are whole: org_cells)
        out, k = [], 0
        for cell in cells:
            k = name.index(cell, k)
            out.append(Mention("ORG", m.start + k, m.start + k + len(cell), cell, attrs=dict(m.attrs)))
            k += len(cell)
        return out
    both = _COMMITTEE_AND_GOVERNMENT.fullmatch(name)
    if both:              # 县委县政府, 青山县委县政府: the party committee and the government
        k = both.end(1)
        return [Mention("ORG", m.start, m.start + k, name[:k], attrs=dict(m.attrs)),
                Mention("ORG", m.start + k, m.end, name[k:], attrs=dict(m.attrs))]
    for k in range(2, len(name) - 2):
        for j in _joiners():
            if name.startswith(j, k) and k + len(j) <= len(name) - 2:
                if len(j) == 1 and lexicon.known(name[k:k + 2]):
                    continue   # 华中科技大学同济医学院: 同济 is a word, 同 no joiner here (和平, 与会)
                left, right = name[:k], name[k + len(j):]
                if named_body(right) and (named_body(left) or j in _VERB_JOINERS and left.endswith(_UNIT_ENDS)):
                    a = Mention("ORG", m.start, m.start + k, left, attrs=dict(m.attrs))
                    b = Mention("ORG", m.start + k + len(j), m.end, right, attrs=dict(m.attrs))
                    return [a] + split_joined(text, b)
    return [m]


def ends_no_body(name: str) -> bool:
    """Whether a name ends in a word that ends no organisation's name although it ends in
    a body's type word (顾大局, 新格局, 经济布局; a meeting: 座谈交流会, 新闻发布会;
    rules/org_not_endings.txt)."""
    return name.endswith(rules.items("org_not_endings.txt"))


@functools.lru_cache(maxsize=None)
def categories() -> frozenset[str]:
    return frozenset(rules.items("org_categories.txt"))


# 县(区)教育局, 县（市、区）政府: the body of every county and district, no one body
_EVERY_LEVEL = re.compile(r"^[省市县区州旗][(（][省市县区州旗、]+[)）]")


def category(name: str) -> bool:
    """全国小学, 大安区小学, 城乡中小学校: a category word after nothing but places, level
    words and generic words (rules/org_categories.txt, rules/entity_stop.txt)."""
    cats = categories()
    if name in cats or _EVERY_LEVEL.match(name):
        return True
    for k in range(1, len(name)):      # the longest category word: 湖北省中小学 is 中小学's
        if name[k:] in cats:
            head = name[:k]
            break
    else:
        return name in cats
    stop = lexicon.stop_words()
    while head:
        hit = stop.match_at(head, 0)
        if hit:
            head = head[hit[0]:]
            continue
        if head[0] in "省市县区镇乡村":
            head = head[1:]
            continue
        # a division by its full name (大安区); a short name (泗洪中学) makes a school's name
        cut = next((m for m in range(len(head), 1, -1)
                    if head[:m].endswith(ADMIN_SUFFIXES) and division_chain(head[:m])), None)
        if cut is None and head in ("全国", "中国", "我国", "国内", "境内"):
            return True
        if cut is None:
            return False
        head = head[cut:]
    return True


@functools.lru_cache(maxsize=None)
def _measure_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = rules.table("measure_cues.tsv")
    return (tuple(r[1] for r in rows if r[0] == "verb" and len(r) > 1),
            tuple(r[1] for r in rows if r[0] == "suffix" and len(r) > 1))


def quoted_measure(text: str, m: Mention) -> bool:
    """开展“温暖在线”教育行动: a quoted name after a verb of doing or before the word for an
    initiative (rules/measure_cues.tsv) names a measure, not an organisation."""
    if not (0 < m.start and m.end < len(text) and text[m.start - 1] in "“\"《" and text[m.end] in "”\"》"):
        return False
    verbs, suffixes = _measure_cues()
    after = text[m.end + 1:m.end + 8]
    return text[:m.start - 1].endswith(verbs) or any(after.startswith(x) or after[2:].startswith(x)
                                                     for x in suffixes)


def trim_verb(text: str, m: Mention, word_ends: dict) -> Mention:
    """济南西站值班: a verb the model ran into a name is cut off where what is left is a
    name by itself (a type word, a known body, a station, a chain of places)."""
    e = m.end
    while True:
        s = word_ends.get(e)  # the word ending at e starts at s
        tag = lexicon.pos(text[s:e]) if s is not None else ""    # a verb, or a set phrase ending in one (联合推出)
        if s is None or s <= m.start + 1 or not (tag.startswith("v") and tag != "vn" or tag == "l"
                                                 and e - s >= 4 and lexicon.pos(text[e - 2:e]) in ("v", "vd")):
            break
        e = s
        rest = text[m.start:e]
        if named_body(rest) or station(rest) or division_chain(rest):
            return Mention(m.label, m.start, e, rest, attrs=dict(m.attrs))
    return m


def cut_bracket(text: str, m: Mention) -> Mention:
    """A name does not hold an unclosed bracket or quote: 三联生活周刊(企鹅号 -> 三联生活周刊,
    成都发布”微信公众号 -> 成都发布, “衡师附小基础教育联盟校 -> 衡师附小基础教育联盟校; nor the
    platform an account is on: 头条@云播大悟 -> 云播大悟."""
    k = max(m.text.rfind("@"), m.text.rfind("＠"))
    if k >= 0 and len(m.text) - k - 1 >= 2:
        m = Mention(m.label, m.start + k + 1, m.end, m.text[k + 1:], attrs=dict(m.attrs))
    for op, cl in (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》")):
        if m.text.startswith(op) and cl not in m.text and len(m.text) >= 3:   # “衡师附小联盟校
            m = Mention(m.label, m.start + 1, m.end, m.text[1:], attrs=dict(m.attrs))
        k = m.text.find(op)
        if k >= 2 and cl not in m.text[k:]:
            return Mention(m.label, m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))
        k = m.text.find(cl)
        if k >= 2 and op not in m.text[:k]:
            return Mention(m.label, m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))
    return m


_BETWEEN = frozenset("则也还又将并再即")


def trim_joiner(text: str, m: Mention, org_ends: set) -> Mention:
    """县教育体育局(则)会同县卫生健康局: a name right after another one (an adverb between at
    most) does not start with the word that joins them."""
    k = m.start
    while k > 0 and m.start - k < 2 and text[k - 1] in _BETWEEN:
        k -= 1
    if m.start in org_ends or k in org_ends:
        for j in _joiners():
            if m.text.startswith(j) and len(m.text) - len(j) >= 2:
                return Mention(m.label, m.start + len(j), m.end, m.text[len(j):], attrs=dict(m.attrs))
    return m


def join_units(text: str, orgs: list[Mention]) -> list[Mention]:
    """A unit written right after its organisation is one name; so are two outlets
    joined by a middle dot (``中青报·中青网``)."""
    out: list[Mention] = []
    for o in sorted(orgs, key=lambda m: m.start):
        if out and (out[-1].end == o.start or text[out[-1].end:o.start] == "·") and _unit_like(o.text) \
                and not school_and_office(out[-1].text + o.text):   # 河南科技大学 + 开封市招生办公室: two cells
            p = out.pop()
            o = Mention("ORG", p.start, o.end, text[p.start:o.end], attrs={})
        for u in sorted(UNIT_WORDS, key=len, reverse=True):
            if text.startswith(u, o.end) and not o.text.endswith(u):
                o = Mention("ORG", o.start, o.end + len(u), text[o.start:o.end + len(u)], attrs={})
                break
        group = _GROUP.match(text, o.end)
        if group and kind_of(o.text)[0] != "other":     # 光明区东周小学(集团)
            o = Mention("ORG", o.start, group.end(), text[o.start:group.end()], attrs={})
        team = _TEAM.match(text, o.end)
        if team and not _NOT_IN_TEAM.search(team.group(1)) and kind_of(o.text)[0] not in ("other", "team"):
            o = Mention("ORG", o.start, team.end(), text[o.start:team.end()], attrs={})
        office = _MISSION_OFFICE.match(text, o.end) if o.text.endswith(("使馆", "领事馆")) else None
        if office:     # 中国驻俄罗斯大使馆 + 教育处: an embassy's office is one name with it
            o = Mention("ORG", o.start, office.end(), text[o.start:office.end()], attrs={})
        channel = _CHANNEL.match(text, o.end)
        if channel and not _NOT_IN_CHANNEL.search(channel.group(1)) and kind_of(o.text)[0] == "media":
            o = Mention("ORG", o.start, channel.end(), text[o.start:channel.end()], attrs={})   # 网易河北教育频道
        out.append(o)
    return out


def split_apps(text: str, ms: list[Mention]) -> list[Mention]:
    """An outlet written together with its news app (杭州网杭州通客户端, 青海新闻网·大美青海
    客户端, 人民网人民智云客户端) is two outlets: the site or paper, and the app."""
    out = []
    for m in ms:
        two = _WITH_APP.fullmatch(m.text) if m.label == "ORG" else None
        if two is None:
            out.append(m)
            continue
        a, b = two.span(1), two.span(2)
        out += [Mention("ORG", m.start + a[0], m.start + a[1], two.group(1), attrs={"kind": "media"}),
                Mention("ORG", m.start + b[0], m.start + b[1], two.group(2), attrs={"kind": "media"})]
    return out


_WITH_APP = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:网|报|台))[·•・]?([\u4e00-\u9fff]{2,10}客户端)")


# a school's group in brackets after its name; not a company's (欣龙控股（集团）股份有限公司)
_GROUP = re.compile(r"[(（]集团[)）](?![股有公])")
# a body's team written right after it: 槐荫区教体局 + 疫情处置工作领导小组 (+ 办公室); not
# after a team (中央应对疫情工作领导小组 + 组长李克强主持召开领导小组)
_TEAM = re.compile(r"([\u4e00-\u9fff“”]{2,12}?)(工作领导小组|领导小组|工作指挥部|指挥部)(办公室)?")
_NOT_IN_TEAM = re.compile(r"[的与及、是在为对向从到将由据经请让被把给了着等说有和或各该本我其均即已]|成立|组建|设立|专门|调整")
# an outlet's channel written right after it (网易 + 河北教育频道, 央视 + 少儿频道): one name;
# not a phrase about channels (用多个专用频道)
_CHANNEL, _NOT_IN_CHANNEL = re.compile(r"([\u4e00-\u9fff]{1,6}?)频道"), re.compile(rf"{_NOT_IN_TEAM.pattern}|[用个多些几]")


def _unit_like(name: str) -> bool:
    kind, _ = kind_of(name)
    return kind in ("party", "unit", "team", "media", "bureau", "research") or name.endswith(UNIT_WORDS)


def sectors(text: str, places: list[Mention], taken) -> list[Mention]:
    """``槐荫区教育系统``: the education sector of a place, an (optional) organisation of
    its own; the place stays a place."""
    out = []
    for p in places:
        m = _SECTOR.match(text, p.end)
        if m and not any(a < m.end() and p.start < b for a, b in taken if (a, b) != (p.start, p.end)):
            out.append(Mention("ORG", p.start, m.end(), text[p.start:m.end()], attrs={"kind": "bureau", "sector": True}))
    return out


_BUREAU_TYPE = re.compile(r"(教育和体育局|教育体育局|教体局|教育和科学技术局|教育科技局|教科局|教体科技局|教育局|"
                          r"教育厅|教委|教育工委|市场监管局|财政局|公安局|人社局|体育局|民政局)$")


def _bureau_family(name: str) -> str:
    m = _BUREAU_TYPE.search(name)
    if not m:
        return ""
    t = m.group(1)
    return "教育局" if t.startswith("教") and t.endswith("局") else t


def bare_bodies(text: str, words, ms: list[Mention]) -> list[Mention]:
    """A bureau written by its type word alone (``教育局杨林副局长``) is the one bureau of that
    type the section names in full (``市教育局``, ``烟台市教体局``): it is a short form of it
    (``short_of``), so that both spellings are one organisation; the mentions of it the
    model left out (a bare type word is optional in ANNOTATION.md) are added where they
    are a word of their own. Not where the section names two (市教育局 and 县教育局: which
    one is meant is not said)."""
    full: dict[str, set[str]] = {}
    for m in ms:
        hit = _BUREAU_TYPE.search(m.text) if m.label == "ORG" else None
        if hit and hit.start() > 0 and not m.attrs.get("short_of") and \
                (m.text[0] in LEVEL_WORDS or division_chain(m.text[:hit.start()])):
            full.setdefault(_bureau_family(m.text), set()).add(m.text)
    one = {fam: next(iter(names)) for fam, names in full.items() if len(names) == 1}
    if not one:
        return []
    for m in ms:
        if m.label == "ORG" and _bureau_family(m.text) in one and _BUREAU_TYPE.fullmatch(m.text) \
                and not m.attrs.get("short_of"):
            m.attrs["short_of"] = one[_bureau_family(m.text)]
    starts, ends = lexicon.word_bounds(words)
    busy = covered(len(text), ms)
    out = []
    for fam, name in sorted(one.items()):
        for typ in sorted({t for t in _TYPE_WORDS if _bureau_family(t) == fam}):
            for hit in re.finditer(typ, text):
                s, e = hit.span()
                if any(busy[s:e]) or s not in starts or e not in ends:
                    continue
                if s > 0 and lexicon.is_cjk(text[s - 1]) and (text[s - 1] in LEVEL_WORDS or busy[s - 1]):
                    continue
                out.append(Mention("ORG", s, e, typ, attrs={"short_of": name}))
                busy[s:e] = b"\x01" * (e - s)
    return out


_TYPE_WORDS = ("教育和体育局", "教育体育局", "教体局", "教育局", "教科局", "教育厅", "教委", "市场监管局", "财政局",
               "公安局", "人社局", "体育局", "民政局")


_CAMPUS = re.compile(r"([\u4e00-\u9fff]{1,4}?)(校区|分校|园区|分部)")
_HOSPITAL_CAMPUS = re.compile(r"([\u4e00-\u9fff]{1,4}?)(院区|分院)")     # 武汉市第三医院首义院区
_NO_CAMPUS_NAME = frozenset({"新", "老", "本", "主", "该", "各", "两", "一", "多", "其", "此", "相关", "有关", "科"})


def join_campuses(text: str, ms: list[Mention], ends: set) -> list[Mention]:
    """A campus or branch named after its school is one name (ANNOTATION.md's longest
    name): ``水城区第二小学`` + ``严家寨校区``, ``景山学校远洋分校``, ``机关幼儿园东海园区``; a
    place found inside the campus's name is part of it. Not a bare ``新校区`` (no name).
    So is a bureau's office before its head's post or name: ``省教育厅`` + ``中小学党建处``
    (副处长), ``上海市教委`` + ``基教处`` (处长)."""
    out = sorted(ms, key=lambda m: (m.start, -m.end))
    persons = {m.start for m in ms if m.label == "PERSON"}
    for o in [m for m in out if m.label == "ORG"]:
        kind = kind_of(o.text)[0]
        if kind in ("school", "kindergarten", "university"):
            hit = _CAMPUS.match(text, o.end)
        elif kind == "hospital":
            hit = _HOSPITAL_CAMPUS.match(text, o.end)
        elif kind == "bureau":
            hit = _OFFICE.match(text, o.end)
            if hit and not (lexicon.roles().match_at(text, hit.end()) or hit.end() in persons):
                continue
        else:
            continue
        if not hit or lexicon.roles().match_at(text, o.end) or hit.group(1) in _NO_CAMPUS_NAME or re.search(r"[的和与及或是在为各第座个所]", hit.group(1)):
            continue
        e = hit.end()
        if e < len(text) and lexicon.is_cjk(text[e]) and e not in ends and not lexicon.roles().match_at(text, e):
            continue
        inside = [m for m in out if m is not o and o.start <= m.start and m.end <= e]
        if any(m.start < e and o.start < m.end and m not in inside for m in out if m is not o):
            continue
        out = [m for m in out if m is not o and m not in inside]
        out.append(Mention("ORG", o.start, e, text[o.start:e], attrs={}))
    return sorted(out, key=lambda m: (m.start, m.end))


# an office of a bureau: 中小学党建处, 基教处 (not 各处; a 科 is left to the role as often
# as it is joined in train/: 餐饮科科长)
_OFFICE = re.compile(r"([\u4e00-\u9fff]{1,8}?)(处)(?!长|室|理|置|分)")


# a dateline: 华声在线7月22日讯(, 新华社贵阳12月13日电, 驻马店网讯(, 人民网保定9月7日电
_DATELINE = re.compile(r"(?m)^[ \t\u3000□■]*([\u4e00-\u9fff·\-—]{2,24}?)\s*(?:\d{1,2}月\d{1,2}日)?\s*(?:讯|电)(?=[\s（(]|$)")
_MEDIA_END = re.compile(r"(?:网|报|社|台|在线|新闻|频道|客户端)$")


def _media_name(part: str) -> str:
    """The outlet's name in a dateline's head: all of it, else up to a type word followed by
    a place (人民网保定) or by a channel's name (红网时刻永州)."""
    k = part.find("时刻")    # 红网时刻新闻: 红网's news app
    if k >= 2 and _MEDIA_END.search(part[:k]):
        return part[:k]
    if _MEDIA_END.search(part):
        return part
    gaz = lexicon.divisions()
    for k in range(len(part) - 1, 1, -1):
        rest = part[k:]
        if _MEDIA_END.search(part[:k]) and (gaz.lookup(rest) or rest.startswith("时刻")):
            return part[:k]
    return ""


def dateline_outlets(text: str) -> list[Mention]:
    """The outlet a report's dateline names (``华声在线7月22日讯``, ``新华社贵阳12月13日电``),
    up to its type word (网, 报, 社, 台, 在线, 新闻): the place and date after it are not part
    of it (``红网时刻永州1月26日讯``: 红网). Two outlets joined by a dash are two. The
    report's own (本报讯) is no outlet's name."""
    out = []
    for d in _DATELINE.finditer(text):
        s, head = d.start(1), d.group(1)
        if head.startswith("据"):    # 据新华社北京1月2日电: the outlet quoted
            s, head = s + 1, head[1:]
        for part in re.split(r"[-—]", head):
            name = _media_name(part)
            if len(name) >= 2 and not lexicon.generic_org(name) and not name.startswith(("本", "我")):
                out.append(Mention("ORG", s, s + len(name), name, attrs={"kind": "media"}))
            s += len(part) + 1
    return out


_POST_ORG_KINDS = ("university", "bureau", "research", "hospital", "company", "unit")
_NOT_IN_POST_ORG = re.compile(r"[的与及、是在为对向从到将由据经请让被把给了着等说有和或各该本我其]")


def before_posts(text: str, words, ms: list[Mention]) -> list[Mention]:
    """An organisation the model left out, written right before a post and a name
    (``兰州大学校长严纯华``, ``人力资源和社会保障局局长韩加明``, ``国家超级计算无锡中心副主任X``):
    the words from a separator (or a place the model found) up to the role, where they end
    in an organisation's type word (rules/org_suffixes.tsv: universities, bureaus, research
    bodies, hospitals, companies, centres) and hold no joining word or role of their own."""
    starts = lexicon.word_bounds(words)[0]
    busy = {}
    for m in ms:
        for i in range(m.start, m.end):
            busy[i] = m
    types, roles = lexicon.org_types().words, lexicon.roles()
    out = []
    for p in ms:
        if p.label != "PERSON":
            continue
        branch = _village_branch(text, p.start, starts, busy)
        if branch is not None:
            out.append(branch)
            for i in range(branch.start, branch.end):
                busy[i] = branch
            continue
        role = lexicon.post_role_before(text, p.start)
        if not role:
            continue
        q = p.start - len(role) - (1 if text[p.start - len(role) - 1:p.start - len(role)] == "副" else 0)
        k, at_place, head = q, False, None
        while k > 0 and q - k < 16 and lexicon.is_cjk(text[k - 1]):
            head = busy.get(k - 1)
            if head is not None and head.label != "PLACE":
                break             # the model's organisation runs into these words (X大学教务处): the relation stage's
            k, at_place, head = (head.start, True, None) if head is not None else (k - 1, False, None)   # 国家 + 超级计算无锡中心
        if head is not None or not at_place and k not in starts:
            continue
        name = text[k:q]
        typ = next((name[i:] for i in range(len(name)) if name[i:] in types), "")
        bare = len(name) == len(typ) and len(typ) >= 4 and types[typ][1] in ("level", "any")   # 人力资源和社会保障局
        if not typ or types[typ][0] not in _POST_ORG_KINDS or len(name) < 4 or len(name) == len(typ) and not bare \
                or _NOT_IN_POST_ORG.search(name[:-len(typ)]) \
                or any((roles.match_at(text, i) or (q + 1,))[0] <= q for i in range(k, q)):
            continue
        m = Mention("ORG", k, q, name, attrs={})
        out.append(m)
        for i in range(k, q):
            busy[i] = m
    return out


# a village's party branch before its post and a name: 红旗村支部书记王建国, 丁李湾村党支部副书记X,
# 红旗村支部书记、村委会主任X
_VILLAGE_BRANCH = re.compile(r"([\u4e00-\u9fff]{1,6}?村)(党支部|支部)(?=(?:副?书记|委员)(?:、[\u4e00-\u9fff]{2,8})?$)")


def _village_branch(text: str, pos: int, starts: set, busy: dict) -> Mention | None:
    """The party branch of a village written right before a post and a name (红旗村支部书记
    王建国), that the model left out or took for the village alone: from the village's place
    (the chain the model found: 八里畈镇丁李湾村) or from a word start after a separator or a
    joining word (据红旗村支部书记: 红旗村) to the branch word."""
    base = max(0, pos - 24)
    m = _VILLAGE_BRANCH.search(text, base, pos)
    if m is None:
        return None
    vend = m.end(1)
    place = busy.get(vend - 1)
    if place is not None:
        if place.end != vend or place.label == "PERSON":
            return None                   # a name of something else runs on past the 村
        start = place.start
    else:
        start = next((i for i in range(m.start(1), vend - 2)
                      if i in starts and not _NOT_IN_POST_ORG.search(text[i:vend]) and lexicon.is_cjk(text[i])), None)
        if start is None:
            return None
    return Mention("ORG", start, m.end(2), text[start:m.end(2)], attrs={})

