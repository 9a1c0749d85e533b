"""Names read from tables whose cells lost their separators (pipeline/entities/orgs.py):
three or more schools written back to back, a place cell glued to the next row's name; and
names the model ran across a clause's punctuation (吉林省：东北电力大学)."""
from __future__ import annotations

import re

from .. import names
from ..doc import Mention
from . import lexicon
from .places import division_chain


# the names a list of schools and universities is made of, its separators lost (a table; and
# the exam offices of a list of registration points: 池州市招生办宣城市招生办…, a corpus reading,
# thirty-fifth session)
_OFFICES = "招生办公室|委员会办公室|招生(?:考试|工作)?委员会(?:办公室)?|招生办|招考办|考试中心|考试院|管理中心"   # a division's exam offices
_CELL = re.compile(rf".{{2,20}}?(?:大学|学院|党校|研究院|研究所|科学院|招生考试办公室|中学|小学|教育局|{_OFFICES})"
                   r"(?:[(（][\u4e00-\u9fff]{2,4}[)）])?")


def list_cells(name: str) -> list[str]:
    """The names of three or more schools or universities written back to back with nothing
    between them (``北京大学中国人民大学清华大学``), else []. Two are left whole: 中国医学科学院
    北京协和医学院 is one name."""
    cells, k = [], 0
    while k < len(name):
        c = _CELL.match(name, k)
        if c is None:
            return []
        cells.append(c.group(0))
        k = c.end()
    return cells if len(cells) >= 3 and all(len(c) >= 4 for c in cells) else []


def province_cells(name: str) -> list[str]:
    """The bodies of one province written back to back with nothing between them, each opening
    with the province's name (中共山东省委组织部山东省教育厅山东省公安厅, a notice's table of
    contacts): the bodies, else []. Three or more, each ending in a body's type word."""
    m = re.match(r"(?:中共)?([\u4e00-\u9fff]{2,8}?(?:省|自治区))", name)
    if m is None or not division_chain(m.group(1)):
        return []
    starts = [k.start() for k in re.finditer(f"(?:中共)?{re.escape(m.group(1))}", name)]
    cells = [name[a:b] for a, b in zip(starts, starts[1:] + [len(name)])]
    return cells if len(cells) >= 3 and all(len(c) > len(m.group(1)) + 1 and _BODY_END.search(c) for c in cells) else []


_BODY_END = re.compile(r"(?:厅|局|委员会|部|委|办|院|会)$")
_PROVINCE_HEAD = re.compile(r"(?=(?:中共)?[\u4e00-\u9fff]{1,7}?(?:省|自治区))")   # from every offset
_TO_LAST_BODY = re.compile(r"[\u4e00-\u9fff]*(?:厅|局|委员会|部|委|办|院|会)")     # a run of Chinese, to its last type word


def province_runs(text: str, ms: list[Mention]) -> list[Mention]:
    """The mentions, where the text writes three or more bodies of one province back to back
    (province_cells) and the model read them in pieces of any label (山东省司法厅山东省 as a
    place, 人力资源和社会保障厅 not at all): one organisation per body there instead."""
    if text.count("省") + text.count("自治区") < 3:
        return ms      # (three bodies of one province name it three times)
    out, done = list(ms), 0
    for h in _PROVINCE_HEAD.finditer(text):
        if h.start() < done:
            continue
        body = _TO_LAST_BODY.match(text, h.start())    # 公务员局联合发布: up to its last body's type word
        run = body.group(0) if body else ""
        cells = province_cells(run)
        if not cells:
            continue
        a, b = h.start(), h.start() + len(run)
        if any(m.start < a < m.end or m.start < b < m.end for m in out):
            continue      # a mention reaching into the run from outside: not a table's cells
        out = [m for m in out if not (a <= m.start and m.end <= b)]
        k = a
        for c in cells:
            out.append(Mention("ORG", k, k + len(c), c))
            k += len(c)
        done = b
    return sorted(out, key=lambda m: (m.start, m.end))


def split_province_cells(m: Mention) -> list[Mention]:
    """An organisation whose name is bodies of one province back to back (province_cells):
    one organisation each."""
    cells = province_cells(m.text) if m.label == "ORG" else []
    out, k = [], m.start
    for c in cells:
        out.append(Mention("ORG", k, k + len(c), c, attrs=dict(m.attrs)))
        k += len(c)
    return out or [m]


# the type words that end a body a university's name cannot belong to (研究所 + 上海理工大学)
_OWN_BODY = re.compile(r"(?:大学|学院|党校|研究院|研究所|科学院)$")


def two_cells(name: str) -> list[str]:
    """A body and a university written back to back, a table's two cells (上海化工研究院上海理工大学,
    中国地震局地震研究所武汉科技大学): [body, university], else []. A university opening with a
    division or a region, or known by name, is never part of another's name, while a college or
    a campus may be (华南理工大学广州学院, 北京师范大学珠海分校, 中国医学科学院北京协和医学院 stay
    whole); a college opening with a division and named more is a cell of its own after a
    party school or an institute (中共上海市委党校上海音乐学院; not 上海体育学院中国乒乓球学院,
    北京理工大学珠海学院)."""
    if not name.endswith(("大学", "学院")):
        return []
    known_whole = bool(names.full_name(name))
    for k in range(4, len(name) - 3):
        head, tail = name[:k], name[k:]
        if not _OWN_BODY.search(head):
            continue
        if not known_whole and names.full_name(tail):
            return [head, tail]     # 华东计算技术研究所同济大学: a university known by name
        if _INNER_TYPE.search(tail[:-2]):
            continue                # 中国科学院 + 华南植物园华南农业大学: not this cut
        if tail.endswith("大学") and (tail.startswith(_REGIONS) or any(division_chain(tail[:j]) for j in range(2, min(len(tail) - 1, 7)))):
            return [head, tail]     # 上海国际问题研究院华东政法大学
        if tail.endswith("学院") and head.endswith(("党校", "研究所", "研究院")) \
                and any(division_chain(tail[:j]) for j in range(2, len(tail) - 3)):
            return [head, tail]     # 中共上海市委党校上海音乐学院 (not 上海体育学院中国乒乓球学院)
    return []


# a type word inside what would be the second cell: the cut is elsewhere
_INNER_TYPE = re.compile(r"大学|学院|党校|研究院|研究所|园|中心")
# the regions of the country some universities are named by (华东政法大学, 华中农业大学)
_REGIONS = ("华东", "华中", "华南", "华北", "西南", "西北", "东北")


# an exam or admissions office of a division: the second cell of a registration point's row
_OFFICE_END = re.compile(f"(?:考试办公室|{_OFFICES})$")


def school_and_office(name: str) -> list[str]:
    """A university, a college or an exam office and a division's exam office written back to
    back, a table's two cells (河南科技大学开封市招生办公室, 西南政法大学北碚区教育考试中心,
    新乡市招生办公室平顶山市招生办公室): [first, office], else []. The office opens with a
    division's name (开封市, 北碚区); a university's own office (清华大学招生办公室) opens with
    none and stays whole."""
    if not _OFFICE_END.search(name):
        return []
    for k in range(4, len(name) - 4):
        head, tail = name[:k], name[k:]
        if (head.endswith(("大学", "学院")) or _OFFICE_END.search(head)) \
                and any(division_chain(tail[:j]) for j in range(2, min(len(tail) - 2, 8))):
            return [head, tail]
    return []


def known_pair(name: str) -> list[str]:
    """Two bodies known by name written back to back (北大清华, 清华北大, 哈佛耶鲁: the corpus's
    "the two universities", 35 mentions): [first, second] where each part is a known name or
    short name (names.full_name, rules/org_known.tsv) and the whole is none, else []."""
    def known(part: str) -> bool:
        return bool(names.full_name(part)) or part in lexicon.known_orgs().words
    if known(name):
        return []
    for k in range(2, len(name) - 1):
        if known(name[:k]) and known(name[k:]):
            return [name[:k], name[k:]]
    return []


def place_cell(name: str) -> list[str]:
    """A table's place column glued to the next row's name: ``上海市 广西大学`` (a space
    between), ``新疆维吾尔自治区华中科技大学`` (a province and a body known by name whose seat is
    in another province): [place, name], else []. 河北衡水二中 stays one name."""
    parts = name.split()
    if len(parts) == 2 and division_chain(parts[0]) and len(parts[1]) >= 4:
        return parts
    for k in range(2, min(len(name) - 3, 9)):
        if not name[:k].endswith(("省", "自治区")) or not division_chain(name[:k]):
            continue
        known = names.full_name(name[k:])
        province = lexicon.divisions().by_name.get(name[:k], [""])[0][:2]
        if known and known[1] and province and not known[1].startswith(province):
            return [name[:k], name[k:]]
    return []


def split_place_cell(m: Mention) -> list[Mention]:
    """An organisation whose name is a table's place cell glued to a name (see
    ``place_cell``): the place and the organisation, else [m]."""
    cells = place_cell(m.text) if m.label == "ORG" else []
    if not cells:
        return [m]
    k = m.text.index(cells[1])
    return [Mention("PLACE", m.start, m.start + len(cells[0]), cells[0]),
            Mention("ORG", m.start + k, m.end, cells[1], attrs=dict(m.attrs))]


def after_kind(m: Mention, starts: set) -> list[Mention]:
    """An organisation whose name opens with a kind of school made of qualifiers (中国一流大学 +
    复旦大学, a ranking table that lost its separators; rules/org_generic_kinds.tsv) where a
    word starts after it: the school alone, else [m] (中国大学生体育协会 and 拉脱维亚大学孔子学院
    stay whole: no word starts after 大学, and a country is no qualifier)."""
    if m.label != "ORG":
        return [m]
    for k in range(3, len(m.text) - 3):
        head = lexicon.generic_kind_head(m.text[:k])
        if head is not None and lexicon.qualifiers_only(head) and m.start + k in starts \
                and any(lexicon.name_types().words.get(m.text[-j:]) for j in (2, 3, 4)) \
                and not lexicon.generic_org(m.text[k:]):
            return [Mention("ORG", m.start + k, m.end, m.text[k:], attrs=dict(m.attrs))]
    return [m]


def _provinces(name: str) -> list[str]:
    """The provinces a name is made of, back to back, each by its full or short name
    (西藏新疆, 江苏省浙江省, 香港澳门): two or more, else []."""
    for k in range(2, len(name) - 1):
        if any(d.level == "province" for d in lexicon.divisions().lookup(name[:k])):
            rest = name[k:]
            if any(d.level == "province" for d in lexicon.divisions().lookup(rest)):
                return [name[:k], rest]
            more = _provinces(rest)
            if more:
                return [name[:k]] + more
    return []


def split_provinces(m: Mention) -> list[Mention]:
    """A place that is no division itself but provinces written back to back (内地西藏新疆班,
    江苏省浙江省 in a table that lost its separators): one place each, else [m]."""
    if m.label != "PLACE" or lexicon.divisions().lookup(m.text):
        return [m]
    out, k = [], m.start
    for part in _provinces(m.text):
        out.append(Mention("PLACE", k, k + len(part), part, attrs=dict(m.attrs)))
        k += len(part)
    return out or [m]


# a count of bodies (48所, 六所, 几所, 近百所), not an ordinal (第15所阳光小学) nor a numbered
# institute after its owner (研究院611所)
_COUNT = re.compile(r"(?<![第\d])(?:近|约)?(?:\d+|[几数两一二三四五六七八九十百千]+)所(?!长)|(?<![\u4e00-\u9fff]{2}[村镇乡])一家(?![亲人子])")


def _named_body(name: str) -> bool:
    """A known body, or a name of at least two characters before an organisation's type
    word (京都大学, 教育部): a body's name, where it stands before a count."""
    if lexicon.known_orgs().words.get(name):
        return True
    types = lexicon.name_types()
    return any(name[k:] in types.words and k >= 2 for k in range(len(name) - 1))


def split_counted(m: Mention) -> list[Mention]:
    """An organisation read over a count of bodies names none (湖北48所, 北京市166所小学,
    新加坡有二所大学, 中央部属六所师范大学, 昌都一家艺术学校): a body named before the count is kept
    (京都大学四所国立大学: 京都大学), else the place it starts with, where that is a division
    or a country; the rest is dropped. A name holding an ordinal
    (安婕妤第15所阳光小学) or a numbered institute (中国航空研究院611所) is kept."""
    if m.label != "ORG":
        return [m]
    c = _COUNT.search(m.text)
    if c is None or m.text[c.start() - 1:c.start()] in "院局部厂" and c.group(0)[0].isdigit():
        return [m]
    head = m.text[:c.start()]
    if _named_body(head):                 # 康奈尔大学四所常春藤盟校: 康奈尔大学 is a name
        return [Mention("ORG", m.start, m.start + len(head), head, attrs=dict(m.attrs))]
    for k in range(len(head), 1, -1):
        if division_chain(head[:k]):
            return [Mention("PLACE", m.start, m.start + k, head[:k])]
    return []


# what ends a clause, never inside a name (、 is: 圣彼得堡国立信息技术、机械与光学大学)
_CLAUSE_STOP = re.compile(r"[，。；：！？,;:!?]")


def after_stop(m: Mention) -> list[Mention]:
    """An organisation read across a clause's punctuation (吉林省：东北电力大学, 调查组查明：安宁小学,
    广州市花都区推广跳绳运动，七星小学) is what follows the last stop, when that is more than a
    type word (not 中学 of 河北：中学); a division before a single stop stays a place (江苏省 of
    江苏省：南京航空航天大学). A name ending in the stop is what stands before it (羊城晚报官方微博。)."""
    stops = [s.end() for s in _CLAUSE_STOP.finditer(m.text)] if m.label == "ORG" else []
    if not stops:
        return [m]
    tail = m.text[stops[-1]:].strip()
    head = m.text[:stops[0] - 1].strip()
    if not tail:
        return [Mention("ORG", m.start, m.start + len(head), head, attrs=dict(m.attrs))] \
            if len(stops) == 1 and len(head) >= 2 and m.text.startswith(head) else []
    place = [Mention("PLACE", m.start, m.start + len(head), head)] \
        if len(stops) == 1 and m.text.startswith(head) and division_chain(head) else []
    if len(tail) < 2 or lexicon.name_types().words.get(tail):
        return place
    k = m.text.index(tail, stops[-1])
    return place + [Mention("ORG", m.start + k, m.start + k + len(tail), tail, attrs=dict(m.attrs))]


def class_of(m: Mention) -> list[Mention]:
    """A class or a course is no organisation (新疆高中班, 高三（3）班, 国际班, EMBA班, 骨干校长
    提升研修班: ANNOTATION.md leaves courses optional): a body named before it is kept (红星中学
    of 红星中学高三（1）班, 北大附中 of 北大附中国际班), else nothing."""
    if m.label != "ORG" or not m.text.endswith("班"):
        return [m]
    for k in range(len(m.text) - 2, 1, -1):
        if _named_body(m.text[:k]):
            head = m.text[:k]
            return [Mention("ORG", m.start, m.start + k, head, attrs=dict(m.attrs))]
    return []
