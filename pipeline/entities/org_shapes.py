"""Organisations found by their shape where the model misses or cuts them (issue 9):
a school by a place's short name and its number (``泉州五中``, ``朝天区二小``), a government's
media account in quotes (``《成都发布》``), the item of a list of organisations of one kind
(``糜滩教管中心、三滩教管中心``), a bureau's name the model ran into the schools listed after
it (``区教育局学校``), an office of a bureau written onto it before its head's post
(``省教育厅中小学党建处处长``)."""
from __future__ import annotations

import re

from .. import rules
from ..doc import Mention, covered
from . import lexicon
from .org_complete import EDITION, SCHOOL_KINDS
from .org_levels import BEFORE_NAME
from .orgs import category, kind_of
from .places import division_chain

# what may stand right before a name that starts a word: 、泉州五中, 和县委


def _opens_name(text: str, k: int, starts) -> bool:
    """Whether a name may open at ``k``: the text's start, a word start, or after a
    character that is no CJK or one of BEFORE_NAME (a separator, a joining word)."""
    return k == 0 or k in starts or not lexicon.is_cjk(text[k - 1]) or text[k - 1] in BEFORE_NAME
# what no name in a list holds: joining words, particles, pronouns
NOT_IN_NAME = re.compile(r"[的与及、是在为对向从到将由据经请让被把给了着等说有和或各该本我其]")

_BUREAU_END = re.compile(r"(局|厅|教委|教育工委)(学校|中小学|中学|小学|学生|班级)$")


def cut_bureau_schools(m: Mention) -> Mention:
    """区教育局学校班级学生四级互联防疫网: schools (or classes, pupils) written right after a
    bureau in a list without separators are not part of its name: 区教育局."""
    hit = _BUREAU_END.search(m.text)
    if hit and hit.start(2) >= 3 and kind_of(m.text[:hit.start(2)])[0] in ("bureau", "government"):
        k = hit.start(2)
        return Mention(m.label, m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))
    return m


_FALSE_END = re.compile(r"(?:文理科|文科|理科|供图|供稿|出品|联合|消息)$")
# a verb of forming a body, read into the name before it (林甸县第一小学结成联盟)
_DEED = re.compile(r"(?:结成|组成|组建|结为|签约)")


def cut_false_ending(text: str, m: Mention) -> Mention:
    """A name the model ran on over a word that ends no organisation: 文科 or 理科 (歙县二中文科
    考点, 湖南耒阳文科状元: 歙县二中, 湖南耒阳), a credit (新浪教育供图, 新华社国内部出品) or a
    dateline's 消息 (四川在线消息), the verb
    联合 (…联合举办), 所 before 辖/属/在 (西藏自治区所辖: 西藏自治区),
    a verb of forming a body after a whole name (林甸县第一小学结成联盟: 林甸县第一小学).
    What is left may be a place (the caller relabels a chain of divisions)."""
    hit = _FALSE_END.search(m.text)
    k = hit.start() if hit else len(m.text) - 1 if m.text.endswith("所") and text[m.end:m.end + 1] in "辖属在有谓以需" else 0
    deed = None if k else _DEED.search(m.text, 2)
    if deed and kind_of(m.text[:deed.start()])[1] not in ("", m.text[:deed.start()]):
        k = deed.start()   # 林甸县第一小学结成联盟: a school, then what it did
    if k < 2:
        return m
    return Mention(m.label, m.start, m.start + k, m.text[:k], attrs=dict(m.attrs))


# a verb of going to school before a level of schooling (正读小学, 河南新乡读大学): no school
# (not 念: 中山纪念中学; not 阅读 or 导读)
_GOING_TO_SCHOOL = re.compile(r"(?<![阅导伴研解])读(?:小学|中学|初中|高中|大学|幼儿园)$")


def going_to_school(m: Mention) -> Mention | None:
    """A name the model ran over 读小学 or 读大学 (孩子正读小学二年级, 在河南新乡读大学): no
    school; the chain of divisions it opens with is a place (河南新乡, 山东 of 山东老家读幼儿园),
    else nothing is left."""
    hit = _GOING_TO_SCHOOL.search(m.text) if m.label == "ORG" else None
    if hit is None:
        return m
    head = m.text[:hit.start()]
    k = next((k for k in range(len(head), 1, -1) if division_chain(head[:k])), 0)
    return Mention("PLACE", m.start, m.start + k, head[:k], attrs={}) if k else None


def cut_group_school(text: str, m: Mention) -> Mention:
    """集团成员校春光小学: the 校 of 成员校 (rules/org_school_groups.txt) is no part of the
    school's name after it."""
    if m.label != "ORG":
        return m
    groups = rules.items("org_school_groups.txt")
    k = 1 if m.text.startswith("校") and text[:m.start].endswith(groups) else next(
        (len(w) + 1 for w in groups if m.text.startswith(w + "校")), 0)
    if k and len(m.text) - k >= 3 and kind_of(m.text[k:])[0] in SCHOOL_KINDS:
        return Mention("ORG", m.start + k, m.end, m.text[k:], attrs=dict(m.attrs))   # 联盟校实验中学 too
    return m


def school_gate(m: Mention) -> Mention:
    """马鞍山市二中门口: a school's gate read as a place (a place's name may end in 门: 天安门)
    is the school; its name is the text before 门."""
    if m.label != "PLACE" or not m.text.endswith("门") or len(m.text) < 4:
        return m
    head = m.text[:-1]
    if kind_of(head)[0] in SCHOOL_KINDS or _SCHOOL_ABBREV.search(head[-2:]) and not division_chain(head):
        return Mention("ORG", m.start, m.end - 1, head, attrs=dict(m.attrs))
    return m


# a school by a place's short name and its number: 泉州五中, 砀山二中, 朝天区二小, 河北衡水二中;
# not 三小时, 一小部分, 三中全会, 二中心
_SCHOOL_ABBREV = re.compile(r"([一二三四五六七八九十]{1,3})([中小高])")
NOT_AFTER_NUMBERED = {"中": frozenset("心全队型期级段央间"), "小": frozenset("时区部批块段组撮份些半"),
                      # 上蔡一高, 郸城一高 (第一高级中学); not 一高校, 一高度, 一高铁站, 美国一高中
                      "高": frozenset("中校度效峰于兴温速层端级分质水等考楼铁压新能标"),
                      "幼": frozenset("儿童苗小")}     # 九幼 (第九幼儿园); not 一幼儿, 三幼童
# a government's media account in quotes: 《成都发布》, “平安南宁发布”
_ACCOUNT = re.compile(r"[《“]([\u4e00-\u9fff]{2,8}?)发布[》”]")


def school_abbrevs(text: str, words) -> list[Mention]:
    """Names written short (rules find them where the model does not): a school as a
    division's name (full or short: 泉州, 朝天区, 河北衡水) and its number with 中, 小 or 高
    (``泉州五中``, ``朝天区二小``, ``上蔡一高``), starting a word; a government's media account, a
    division's name and 发布 in quotes (``《成都发布》``)."""
    starts = lexicon.word_bounds(words)[0]
    out = []
    for hit in _SCHOOL_ABBREV.finditer(text):
        p, e = hit.start(), hit.end()
        if e < len(text) and text[e] in NOT_AFTER_NUMBERED[hit.group(2)] and not text.startswith("校长", e):
            continue
        if p > 0 and text[p - 1] == "第" or hit.group(1) == "一" and text.startswith("学", e) \
                and not text.startswith("学生", e):
            continue      # 裕华区一小学开展…: "a primary school" (org_levels.one_of_a_kind); 一小学生 stays
        k = next((k for k in range(max(0, p - 10), p - 1)
                  if division_chain(text[k:p]) and _opens_name(text, k, starts)), None)
        if k is None:
            continue
        out.append(Mention("ORG", k, e, text[k:e], attrs={"kind": "school"}))
    out += _zhou_city_schools(text, words)
    out += _typed_abbrevs(text, starts)
    for hit in _ACCOUNT.finditer(text):
        k = hit.start(1)
        if division_chain(hit.group(1)):
            out.append(Mention("ORG", k, hit.end(1) + 2, text[k:hit.end(1) + 2], attrs={"kind": "media"}))
    return out


# a school's type written short after a county's or a city's name: 平罗特校 (特殊教育学校),
# 周至进校 (教师进修学校), 拉萨师专, 郾城高中 (not 河北高中: a province's are no one school)
_TYPE_ABBREV = re.compile(r"特校|进校|师专|职专|职中|实小|高中")
# what a school's name is followed by (a separator, a verb of being or doing, a post)
_AFTER_SCHOOL = re.compile(r"[、，,。；;：:！？）)”」\s]|的|在|是|和|与|及|举行|开展|召开|校长|书记|老师|教师|师生|学子|毕业|$")


def _typed_abbrevs(text: str, starts) -> list[Mention]:
    """Schools written as a county's or a city's name and the short form of their type
    (``平罗特校``, ``周至进校``, ``拉萨师专``, ``郾城高中``), starting a word and followed by a
    separator, a verb or a post."""
    gaz = lexicon.divisions()
    out = []
    for hit in _TYPE_ABBREV.finditer(text):
        p, e = hit.start(), hit.end()
        if not _AFTER_SCHOOL.match(text, e):
            continue
        for k in range(max(0, p - 6), p - 1):
            place = text[k:p]
            if _opens_name(text, k, starts) and division_chain(place) \
                    and [d.level for d in gaz.lookup(place)][-1:] in (["city"], ["county"]):
                out.append(Mention("ORG", k, e, text[k:e], attrs={"kind": "school"}))
                break
    return out


def short_zhou(name: str) -> bool:
    """A city's or a province's short name ending in 州, where 州 is part of the name and
    no level's suffix: 温州 (温州市), 贵州 (贵州省); not 甘孜州 (甘孜藏族自治州)."""
    if not name.endswith("州") or len(name) < 2:
        return False
    return any(d.name in (name + "市", name + "省") for d in lexicon.divisions().lookup(name) or ())


def _zhou_city_schools(text: str, words) -> list[Mention]:
    """A school named by a 州 city's short name and a bare school word (``郑州大学``,
    ``温州中学``, ``江苏泰州中学``): a short name makes a school's name (泗洪中学), but
    orgs.category reads the 州 of 温州 as a level's suffix (贺州市中学, 甘孜州中学) and so
    drops the model's mention. The school word ends a word (not 大学生, 大学城) or a role
    follows it (中学校长), the name starts a word after no place word (上街 + 青州幼儿园: a
    village's school), and no level of schooling follows (小学语文)."""
    starts, ends = lexicon.word_bounds(words)
    types, schooling, roles = lexicon.name_types().words, lexicon.schooling_words(), lexicon.roles()
    out = []
    for hit in re.finditer("州", text):
        a = hit.end()
        for b in range(a + 2, min(len(text), a + 5) + 1):
            t = types.get(text[a:b])
            if not t or t[0] not in SCHOOL_KINDS or t[1] != "name":
                continue
            if b < len(text) and (lexicon.is_cjk(text[b]) and b not in ends and not roles.match_at(text, b)
                                  or schooling.match_at(text, b)):
                continue
            j = next((j for j in range(max(0, a - 4), a - 1) if short_zhou(text[j:a])), None)
            if j is None:
                break
            k = next((k for k in range(max(0, j - 8), j + 1)
                      if (k == j or division_chain(text[k:j]))
                      and _opens_name(text, k, starts)),
                     None)
            before = next((text[x:y] for x, y in words if y == k), "")
            if k is not None and category(text[k:b]) and not lexicon.pos(before).startswith("ns"):
                out.append(Mention("ORG", k, b, text[k:b], attrs={"kind": t[0]}))
            break
    return out


_LIST_KINDS = ("school", "kindergarten", "unit", "research", "bureau", "hospital")
_SEP_AFTER_ITEM = frozenset("、，,。；;等和及与")


def list_siblings(text: str, words, ms: list[Mention]) -> list[Mention]:
    """An organisation in a list of its kind the model left out: ``对糜滩教管中心、三滩教管中心、
    兴隆教管中心``. The item next to a found one (across a 、) that ends in the same type word
    is an organisation too: the item before it from the earliest word start after a joining
    word or a separator; the item after it up to the type word, where a separator follows."""
    starts = lexicon.word_bounds(words)[0]
    busy = covered(len(text), ms)
    found: list[Mention] = []
    seeds = ms
    while seeds:    # an item found seeds its own neighbour: 齐天学校、九龙学校、绵远学校、清平学校
        new = list({(m.start, m.end): m for m in _siblings(text, starts, busy, seeds)}.values())
        for m in new:
            busy[m.start:m.end] = b"\x01" * (m.end - m.start)
        found += new
        seeds = new
    return found


def _siblings(text: str, starts, busy: list[bool], ms: list[Mention]) -> list[Mention]:
    """The items next to the organisations ``ms`` (one step of list_siblings)."""
    out = []
    for m in ms:
        if m.label != "ORG":
            continue
        kind, typ = kind_of(m.text)
        if kind not in _LIST_KINDS or len(typ) < 2 or len(m.text) - len(typ) < 2:
            continue
        # the item before: ...X typ、 m
        e = m.start
        while e > 0 and text[e - 1] in " \u3000":
            e -= 1
        if e > 0 and text[e - 1] == "、" and text[:e - 1].endswith(typ) and not busy[e - 2]:
            end = e - 1
            k = end - len(typ)
            first = None
            while k > 0 and end - k < 12 and lexicon.is_cjk(text[k - 1]) and not busy[k - 1] \
                    and not NOT_IN_NAME.match(text[k - 1]):
                k -= 1
                if k in starts and end - k == len(m.text):    # items of one shape: 糜滩教管中心、三滩教管中心
                    first = k
            if first is not None:
                out.append(Mention("ORG", first, end, text[first:end], attrs={}))
        # the item after: m、 X typ (、，。)
        s = m.end
        if s < len(text) and text[s] == "、":
            s += 1
            while s < len(text) and text[s] in " \u3000":
                s += 1
            k = text.find(typ, s, s + 12)
            if k - s >= 2 and k + len(typ) < len(text) and text[k + len(typ)] in _SEP_AFTER_ITEM \
                    and not any(busy[s:k + len(typ)]) and not NOT_IN_NAME.search(text[s:k]) \
                    and all(lexicon.is_cjk(c) for c in text[s:k]):
                out.append(Mention("ORG", s, k + len(typ), text[s:k + len(typ)], attrs={}))
    # a name of its own before the type word, not a common word (测试中心、网络中心 are
    # facilities); a place's or a proper name (九龙学校, 城关中学) or a rare word (绵远学校) is one
    return [m for m in out if not category(m.text) and not lexicon.generic_org(m.text)
            and not _common_name_word(m.text[:len(m.text) - len(kind_of(m.text)[1])])]


# an item of a list that is a school by its number: 昆八中, 清水塘二小, 三中 (not 初一, 高二)
_NUMBERED_ITEM = re.compile(r"[\u4e00-\u9fff]{0,4}?[一二三四五六七八九十]{1,3}[中小]")


def numbered_list_items(text: str, words, ms: list[Mention]) -> list[Mention]:
    """Schools written short by their number in a list of schools the model left out
    (``本地昆一中、昆三中、云大附中、昆八中等``, ``清水塘二小、清水塘北辰、四方坪小学``): an item
    of a 、-list of that shape is a school where another item of the list is one too, by its
    shape or as an organisation found. Items are whole: from a separator to a separator."""
    starts = lexicon.word_bounds(words)[0]
    orgs = [m for m in ms if m.label == "ORG"]
    out = []
    for run in re.finditer(r"[\u4e00-\u9fff]{1,10}(?:、[\u4e00-\u9fff]{1,10})+", text):
        items, k = [], run.start()
        for part in run.group(0).split("、"):
            items.append((k, k + len(part)))
            k += len(part) + 1
        # the list's first item may run on from the words before it (本地昆一中): its numbered
        # tail from the first word start after which no word of joining or pointing is left
        shaped = []
        for i, (a, b) in enumerate(items):
            if i == 0:
                hit = next((h for h in (_NUMBERED_ITEM.fullmatch(text, x, b) for x in range(a, max(a + 1, b - 2))
                                        if x == a or x in starts) if h and not NOT_IN_NAME.search(text, h.start(), b)),
                           None)
            else:    # the last item may run on after its name: 昆八中等一批学校, 四中和七中
                hit = next((h for h in (_NUMBERED_ITEM.fullmatch(text, a, e) for e in range(b, a + 1, -1)
                                        if e == b or text[e] in "等和及与") if h), None)
            if hit and not (hit.end() < len(text) and text[hit.end()] in NOT_AFTER_NUMBERED[text[hit.end() - 1]]):
                shaped.append((hit.start(), hit.end()))
        if not shaped:    # nothing to add from this list
            continue
        lo, hi = run.start(), run.end()
        found = [o for o in orgs if lo <= o.start and o.end <= hi and any(a <= o.start and o.end <= b for a, b in items)
                 and kind_of(o.text)[0] in ("school", "kindergarten", "university")]
        if len(shaped) + len(found) < 2:
            continue
        out += [Mention("ORG", a, b, text[a:b], attrs={"kind": "school"}) for a, b in shaped
                if not any(o.start < b and a < o.end for o in orgs)]
    return out


_PROPER_POS = ("ns", "nr", "nrt", "nz", "m")    # places, people, other proper names, ordinals


def _common_name_word(w: str) -> bool:
    """A word too common to name one body in a list (测试, 网络, 实验; not 九龙, 第十五, 绵远)."""
    return lexicon.common_word(w, _COMMON_FREQ, _PROPER_POS)


# an office of a bureau written right after it, before its head's post or a grade:
# 省教育厅中小学党建处副处长, 区教科体局政工股股长, 省市场监管局餐饮处一级调研员, 区政府教育督导室主任,
# 余江区教育局学前办主任; a university's department before its head's post (中央音乐学院钢琴系主任);
# a university's or an institute's too: 南京工业职业技术学院国际合作与交流处处长, …协会学术交流与研究部副主任.
# Not a 科: ANNOTATION.md reads 槐荫区教体局成教科科长 as the bureau and the role 成教科科长
_OFFICE = re.compile(r"(?P<unit>[\u4e00-\u9fff]{1,8}?)(?:(?:处|股)(?=(?:副)?(?:处|股)长|[一二三四]级|调研员|"
                     r"[\u4e00-\u9fff]{2,3}(?:副)?(?:处|股)长)|(?P<room>[室办])(?=(?:副)?主任)|部(?=(?:副)?(?:部长|主任))|系(?=(?:副)?主任))")
# words of a bureau's offices in general, not of one office (各科室, 相关股室, 领导班子成员), and
# a post before another (北京大学常务副校长兼医学部主任)
_NOT_OFFICE = re.compile(r"[各的、及兼长]|相关|机关|领导|班子|成员|所属|下属|科室|股室|处室")
# 与/和 inside an office's own name (国际合作与交流处, 专家与项目管理处), never joining two bodies
# (教育局与公安局治安处) nor opening it
_JOINED_OFFICE = re.compile(r"^[\u4e00-\u9fff]{2,}[与和][\u4e00-\u9fff]{2,}$")
_BODY_WORD = re.compile(r"局|厅|政府|大学|学院")
_BUREAU_KINDS = ("bureau", "government", "party")
# the owners of offices named before a post besides bureaus: universities, institutes and
# associations (南京工业职业技术学院国际合作与交流处处长, 中国教育国际交流协会学术交流与研究部副主任)
_OFFICE_OWNER_KINDS = ("university", "research")


def _owned(name: str) -> bool:
    """Whether a bureau's name says whose it is: a division (南充市教育和体育局) or a level
    word opening it as a word of its own (区政府, 县教育局; not 市 of 市场监管局)."""
    if name[:1] in "省市县区州旗" and (name[1:] in lexicon.name_types().words or not lexicon.known(name[:2])):
        return True
    return any(division_chain(name[:k]) for k in range(2, len(name) - 1))


def bureau_offices(text: str, ms: list[Mention]) -> list[Mention]:
    """A bureau's office written right after the bureau, before its head's post: the office
    is the organisation (``省教育厅中小学党建处``, ``区教体局政工股``, ``区政府教育督导室`` before
    主任), not the bureau alone."""
    out = []
    for m in ms:
        if m.label != "ORG":
            continue
        kind = kind_of(m.text)[0]
        if not (kind in _BUREAU_KINDS and m.text.endswith(("局", "厅", "教委", "委", "政府"))
                or kind in _OFFICE_OWNER_KINDS):
            continue
        hit = _OFFICE.match(text, m.end)
        if hit is None or _NOT_OFFICE.search(hit.group(0)) or _BODY_WORD.search(hit.group("unit")) \
                or re.search("[与和]", hit.group(0)) and not _JOINED_OFFICE.match(hit.group(0)):
            continue
        if hit.group("room") and kind in _BUREAU_KINDS and not _owned(m.text):
            continue      # 市场监管局办公室主任: an office of no one bureau in particular
        out.append(Mention("ORG", m.start, hit.end(), text[m.start:hit.end()], attrs={}))
    return out


# the author of a doctrine a body is named after (习近平新时代中国特色社会主义思想研究中心)
_DOCTRINE_AUTHOR = re.compile(r"(?:习近平新时代|习近平|毛泽东|邓小平)$")


def doctrine_bodies(text: str, ms: list[Mention]) -> list[Mention]:
    """A body named after a doctrine that the model began after its author's name
    (``中国特色社会主义思想研究中心`` of ``北京市习近平新时代中国特色社会主义思想研究中心``): the
    doctrine is part of its name, and so is the place or body written right before it
    (北京市, 教育部, 中国社会科学院: ANNOTATION.md's longest name). Without them one node
    joined the centres of a city, a ministry and an academy."""
    out = []
    for m in ms:
        author = _DOCTRINE_AUTHOR.search(text, max(0, m.start - 6), m.start) if m.label == "ORG" else None
        if author is None or not re.match(r"(?:中国特色社会主义)?(?:思想|理论)", m.text):
            continue
        start = author.start()
        before = [x for x in ms if x.end == start and x.label in ("ORG", "PLACE")]
        start = min((x.start for x in before), default=start)
        out.append(Mention("ORG", start, m.end, text[start:m.end], attrs={}))
    return out


def discipline(name: str) -> bool:
    """中药学, 中国宪法学, 中医儿科学: a field of study (rules/org_disciplines.txt), no body;
    a school's name (大学, 中学, 小学, 公学) is never one."""
    return not name.endswith(("大学", "中学", "小学", "公学")) and name.endswith(rules.items("org_disciplines.txt"))


_FIELD_OWNER = re.compile(r"(?:大学|学院|研究院|科学院|研究所|医院|中心)")


def cut_discipline(m: Mention) -> Mention | None:
    """An organisation's name that ends in a field of study: the school or institute
    before the field (成都中医药大学中药学: 成都中医药大学; 北京中医药大学东方学院中医学: the
    college), else None (中国宪法学 names none)."""
    if m.label != "ORG" or not discipline(m.text):
        return m
    k = max((o.end() for o in _FIELD_OWNER.finditer(m.text) if 3 <= o.end() < len(m.text)), default=0)
    return Mention("ORG", m.start, m.start + k, m.text[:k], attrs=dict(m.attrs)) if k else None


_COUNT_BEFORE = re.compile(r"[\d０-９一二三四五六七八九十百千两几多余]$")


_COUNT_HEAD = re.compile(r"[一二三四五六七八九十两\d]+[位名个所家]")


def cut_counted_head(text: str, m: Mention) -> Mention | None:
    """A name opening with the classifier of a count written before it (11所驻昌平大学,
    第14名耶拿大学, 75名医学院…), or with a whole count (三位教育局领导): the name after the
    classifier, None when nothing of three characters is left (1060所幼, 五所学校)."""
    if m.label != "ORG":
        return m
    inner = _COUNT_HEAD.match(m.text)
    if inner:          # 三位教育局领导: a count of people or bodies the model ran into the name
        return Mention("ORG", m.start + inner.end(), m.end, m.text[inner.end():], attrs=dict(m.attrs)) \
            if len(m.text) - inner.end() >= 3 else None
    if m.text[:1] not in "所名个家位" or not _COUNT_BEFORE.search(text, 0, m.start):
        return m
    return Mention("ORG", m.start + 1, m.end, m.text[1:], attrs=dict(m.attrs)) if len(m.text) >= 3 else None


# the bodies a level runs directly, as a class: 市直学校, 鹿城区属小学, 县直各单位
_RUN_BY_LEVEL = re.compile(r"(.*?)([省市县区旗])(?:直属|直|属)各?(?:各类)?(?:学校|中小学|小学|中学|幼儿园|高校|院校|单位|部门|机关)")


def run_by_level(m: Mention) -> Mention | None:
    """A class of bodies that a division runs directly (``盐城市直学校``, ``鹿城区属小学``) names
    no one body: the division named before it is a place (盐城市, 鹿城区), else nothing
    is left (市直学校)."""
    hit = _RUN_BY_LEVEL.fullmatch(m.text) if m.label == "ORG" else None
    if hit is None:
        return m
    for place in (hit.group(1) + hit.group(2), hit.group(1)) if hit.group(1) else ():
        if division_chain(place):
            return Mention("PLACE", m.start, m.start + len(place), place)
    return None


_EDITION_IN = re.compile(EDITION)
_EVENT_AFTER = re.compile(r"(?:职业)?(?:技能大赛|大赛|比赛|竞赛|运动会|艺术节|科技节|文化节|体育节|联赛|锦标赛|论坛|年会|研讨会)")


def edition_of_event(text: str, m: Mention) -> Mention | None:
    """淮南市第十二届中等职业学校技能大赛: a name holding an edition (第十二届) before the name of
    an event is the event's, no body: the division it opens with stays a place."""
    hit = _EDITION_IN.search(m.text) if m.label == "ORG" else None
    if hit is None or not _EVENT_AFTER.match(text, m.end):
        return m
    head = m.text[:hit.start()]
    return Mention("PLACE", m.start, m.start + len(head), head) if len(head) >= 2 and division_chain(head) else None


_CENTURY = re.compile(r"(?<![\d０-９])[\d０-９]{1,2}$")


def with_century(text: str, m: Mention) -> Mention:
    """A name opening with 世纪 keeps the century's number before it (21世纪教育研究院,
    21世纪经济报道: the model reads the digits apart)."""
    k = _CENTURY.search(text, 0, m.start) if m.label == "ORG" and m.text.startswith("世纪") else None
    return Mention("ORG", k.start(), m.end, text[k.start():m.end], attrs=dict(m.attrs)) if k else m


# a newspaper or a magazine by its title: 《皖西日报》, 《求是》杂志
_PERIODICAL = re.compile(r"《([\u4e00-\u9fff]{2,10}?(?:报|杂志|周刊|月刊))》|《([\u4e00-\u9fff]{2,10})》(?=杂志|期刊|周刊|月刊|半月刊)")


def periodicals(text: str, ms: list[Mention]) -> list[Mention]:
    """Newspapers and magazines written as titles (《皖西日报》刊发, 《求是》杂志, 美国《世界日报》):
    the title is the outlet (media), where no other name covers it; a name the model ran
    over the title marks (美国《世界日报》) gives way to it."""
    out = [m for m in ms if not (m.label == "ORG" and "《" in m.text and _PERIODICAL.search(m.text))]
    for hit in _PERIODICAL.finditer(text):
        k = 1 if hit.group(1) else 2
        a, b = hit.start(k), hit.end(k)
        if not any(m.start < b and a < m.end for m in out):
            out.append(Mention("ORG", a, b, text[a:b], attrs={"kind": "media"}))
    return out


# what a list of organisations ends with: 西门子、德马吉等世界500强企业
_ORG_LIST_END = re.compile(r"[^，。；;！？\n]{0,10}?等[^，。；;！？\n]{0,10}?(?:企业|公司|集团|机构|高校|大学|院校|名校|学校|单位|品牌)")


def persons_listed_with_orgs(text: str, ms: list[Mention]) -> list[Mention]:
    """A "person" listed beside organisations in a list that says it names organisations
    (西门子、德马吉等世界500强企业: a transliterated company the model read as a name) is an
    organisation."""
    ms = sorted(ms, key=lambda m: m.start)
    out = list(ms)
    for i, m in enumerate(ms):
        if m.label != "PERSON":
            continue
        after = ms[i + 1] if i + 1 < len(ms) and _listed(text, m, ms[i + 1]) else None
        before = i > 0 and _listed(text, ms[i - 1], m)
        if (before or after) and _ORG_LIST_END.match(text, after.end if after else m.end):
            out[i] = Mention("ORG", m.start, m.end, m.text, attrs={"kind": "company"})
    return out


def _listed(text: str, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` stand side by side in a list, one of them an organisation."""
    return "ORG" in (a.label, b.label) and text[a.end:b.start] in ("、", "和", "与", "及")


# a document's code right after an issuer's short name: 教基厅函〔2020〕2号, 闽教基〔2021〕3号
_DOC_CODE = re.compile(r"[函发字]?[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]")


def document_code(text: str, m: Mention) -> bool:
    """An organisation's "name" that is the head of a document's code (``教基厅函〔2020〕2号``):
    no organisation of its own."""
    return m.label == "ORG" and bool(_DOC_CODE.match(text, m.end))


_POST_HEADS = frozenset("部局处科股")


def person_posts(text: str, ms: list[Mention]) -> list[Mention]:
    """A person's name and the head of a post read as an organisation (``高艳部长一行``:
    高艳 and 部长, not 高艳部): such mentions are dropped where the report finds the name
    as a PERSON, so that the name is found there too."""
    persons = {m.text for m in ms if m.label == "PERSON"}
    return [m for m in ms if not (m.label == "ORG" and m.text[-1:] in _POST_HEADS and m.text[:-1] in persons
                                  and text[m.end:m.end + 1] == "长")]


# a road written right after a street office in an address: 前卫街道办事处 + 前景路
_ROAD = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:路|大道|大街|街|巷)(?=[\d一二三四五六七八九十]+号|[，,。；;、）)]|$)")


def office_addresses(text: str, ms: list[Mention]) -> list[Mention]:
    """An address (``位于西山区前卫街道办事处前景路``): a street office and the road after it
    are one PLACE, no organisation."""
    out = []
    for m in ms:
        if m.label == "ORG" and m.text.endswith("办事处") and len(m.text) > 5:
            road = _ROAD.match(text, m.end)
            if road is not None and not NOT_IN_NAME.search(road.group(0)):
                m = Mention("PLACE", m.start, road.end(), text[m.start:road.end()], attrs={"rule": "address"})
        out.append(m)
    return out


# firms named X教育 in a list closed by the word for training firms:
# 蒋堂镇上的思睿教育,白龙桥镇上的学林教育、可可教育、智诚教育等学科类校外培训机构
_TRAINING_LIST = re.compile(r"[^。；;！？!?]*?等[\u4e00-\u9fff]{0,8}培训机构")
_FIRM = re.compile(r"(?<=[的、，,])([\u4e00-\u9fff]{2})教育(?=[、，,等])")


# a word this frequent in jieba's dictionary is a kind of schooling (职业, 艺术, 在线), not a
# firm's name (学林 12, 可可 602, 思睿 none)
_COMMON_FREQ = 1000


def _common_word(w: str) -> bool:
    import jieba
    jieba.initialize()
    f = jieba.get_FREQ(w)
    return f is not None and (len(w) > 2 or f >= _COMMON_FREQ)


def training_firms(text: str, words) -> list[Mention]:
    """Training firms named by two characters and 教育 (``学林教育``), items of a list that
    ends in 等 ... 培训机构; a kind of schooling (学前教育: one word for jieba; 职业教育: a common
    word and 教育) is none."""
    if "培训机构" not in text:  # the list pattern scans every sentence of every report
        return []
    spans = dict(words)
    out = []
    for lst in _TRAINING_LIST.finditer(text):
        for hit in _FIRM.finditer(text, lst.start(), lst.end()):
            s, e = hit.start(1), hit.end()
            if spans.get(s) == e or NOT_IN_NAME.search(hit.group(1)) or _common_word(hit.group(1)) \
                    or _common_word(text[s:e]):
                continue
            out.append(Mention("ORG", s, e, text[s:e], attrs={"kind": "company"}))
    return out


_SEAT = re.compile(r"[(（]([\u4e00-\u9fff]{2,4})[)）]$")


def outlet_seat(text: str, m: Mention) -> list[Mention]:
    """A portal's source line names an outlet with its seat in brackets (来源: 环球网(北京),
    扬子晚报(南京), 新东方(北京)): the outlet and the place, not one body; a university's
    campus in brackets stays part of its name (中国地质大学(武汉))."""
    seat = _SEAT.search(m.text) if m.label == "ORG" else None
    if seat is None or not division_chain(seat.group(1)):
        return [m]
    # the model may start the name a character or two late on a source line (来源: 留留学(北京))
    lead = re.search(r"来源[:：]\s*([\u4e00-\u9fff]{0,2})$", text[max(0, m.start - 8):m.start])
    start = m.start - len(lead.group(1)) if lead else m.start
    name = text[start:m.start + seat.start()]
    kind = kind_of(name)[0]
    if len(name) < 2 or not (kind == "media" or lead and kind not in SCHOOL_KINDS):
        return [m]
    k = m.start + seat.start(1)
    return [Mention("ORG", start, start + len(name), name, attrs=dict(m.attrs)),
            Mention("PLACE", k, k + len(seat.group(1)), seat.group(1))]


# a ranking's title: a class of bodies before 排行榜/排名 (QS亚洲大学排名, 武书连大学排行榜,
# 中国最佳商学院排行榜, 中国师范类大学排行榜前十), not a body ranked (中欧国际工商学院排名第1)
_RANKING_AFTER = re.compile(r"排行榜|排行版|排名》")
_RANKING_NAME = re.compile(r"^(?:QS|THE|ARWU|US ?News|泰晤士)|最|类大学$")


def ranking_titles(text: str, ms: list[Mention]) -> list[Mention]:
    """``ms`` without the organisations that are the class a ranking's title names."""
    return [m for m in ms if m.label != "ORG" or not (
        _RANKING_AFTER.match(text, m.end) or text.startswith("排名", m.end) and _RANKING_NAME.search(m.text))]
