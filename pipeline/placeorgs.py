"""Organisations and places placed by what the section says about them beside their own
name (issue 9), read by the place stage (pipeline/places.py) and, for units, by the
relation stage once PART_OF is known: the seat of a known body the section names, a
region of one province an organisation is named after, the full spelling of a name the
section also writes alone, and the place of a unit's organisation."""
from __future__ import annotations

import functools
import re
from collections import defaultdict

from . import gazetteer, rules
from . import names as org_names
from .doc import Mention, Relation
from .entities import named_by_field
from .gazetteer import Division
from .orgkeys import BARE_PARTY_UNIT, LEVEL_CHARS, level_division, org_key, segment, town_by_short_name


# a foreign body's mission or office in China (西班牙驻华使馆, 美国驻华大使馆, 日本驻中国领事馆)
_IN_CHINA = re.compile(r"驻(?:华|中国|京|沪|穗)")
# a school or a university written short, which no type word of rules/org_suffixes.tsv
# names: a numbered school (北京四中, 邢台一中, 汝南高中) or a university's short type word
# (华中科大, 西南交大, 川师大, 中南民大, 北林大)
# the end of a university's or a college's name, before one of its units (南通大学|艺术学院)
_UNIVERSITY_END = re.compile(r"(?:大学|学院)$")
_SHORT_KIND = re.compile(r"(?<=[\u4e00-\u9fff])(?:([一二三四五六七八九十]{1,3}[中小]|高中)|(?:科|师|交|工|财|农|医|民|林|矿|邮|政法)大)$")


def mission_in_china(name: str) -> bool:
    """A foreign body's mission in China (西班牙驻华使馆): not in its own country."""
    return _IN_CHINA.search(name) is not None


@functools.lru_cache(maxsize=None)
def _abroad() -> tuple[str, ...]:
    return tuple(rules.items("places_abroad.txt"))


def named_abroad(name: str) -> bool:
    """A body named after a continent, a region abroad or a union of countries
    (rules/places_abroad.txt: 欧洲职业培训发展中心, 东盟秘书处): none of the report's setting."""
    return name.startswith(_abroad()) and name not in _abroad()


def short_kind(name: str) -> str:
    """'school' or 'university' for a name written short in those shapes, else ''."""
    m = _SHORT_KIND.search(name)
    return "" if m is None else "school" if m.group(1) else "university"


@functools.lru_cache(maxsize=None)
def geo_province() -> dict[str, str]:
    """rules/places_extra.tsv: a named place -> the one province that holds it, if given."""
    return {row[0]: row[2] for row in rules.table("places_extra.tsv") if len(row) > 2 and row[2]}


# the kinds of named places that win over a division's short name out of its province (太湖,
# not 太湖县); a sea's name is also a town's (东海街道 of 丰泽区), read by the place stage
GEO_OVER_SHORT_NAMES = ("lake", "mountain")


@functools.lru_cache(maxsize=None)
def geo_levels() -> dict[str, str]:
    """rules/places_extra.tsv: a named place (region, mountain, river, lake) -> its level."""
    return {row[0]: row[1] for row in rules.table("places_extra.tsv") if len(row) > 1}


def geo_names(names) -> frozenset[str]:
    """The names among a section's ``names`` that are a region's, mountain's or lake's of
    rules/places_extra.tsv (a lake or a mountain) and a division's short name only (太湖: the lake, and 太湖县 of 安徽
    by its short name), where no other name of the section lies in that division's province:
    the lake, not the county (太湖 in a 无锡 report)."""
    gaz = gazetteer.get()
    geo = {n for n in names if geo_levels().get(n) in GEO_OVER_SHORT_NAMES and all(d.name != n for d in gaz.lookup(n))}
    if not geo:
        return frozenset()
    provinces = {d.code[:2] for n in names if n not in geo for d in gaz.lookup(n) if len(gaz.lookup(n)) == 1}
    return frozenset(n for n in geo if not any(d.code[:2] in provinces for d in gaz.lookup(n)))


def known_seat(text: str) -> str:
    """The seat of a body known by name (rules/org_names.tsv) that ``text`` is or is a unit
    of (同济大学附属中学: 上海市), else ''."""
    hit = org_names.full_name(text) or org_names.known_prefix(text)
    return hit[1] if hit and hit[1] else ""


def units_placed_with_parents(relations: list[Relation]) -> list[Relation]:
    """LOCATED_IN for an organisation the text places only as a unit of another (教育学院,
    a PART_OF of 安庆师范大学 in 安庆市): the place of its organisation, evidenced by the
    sentence that ties them; never over a place of its own. Read by the relation stage
    once PART_OF is known."""
    where: dict[str, Relation] = {}
    for r in relations:
        if r.type == "LOCATED_IN" and r.source.startswith("org:"):
            where.setdefault(r.source, r)
    out: list[Relation] = []
    for _ in range(3):       # a branch of a unit of a university: one step at a time
        added = False
        for r in relations:
            if r.type != "PART_OF" or r.source in where or r.target not in where or r.source == r.target:
                continue
            new = Relation("LOCATED_IN", r.source, where[r.target].target, r.start, r.end,
                           {"basis": "place of its organisation", "confidence": "inferred"})
            where[r.source] = new
            out.append(new)
            added = True
        if not added:
            break
    return out


def geo_home(text: str) -> str:
    """The province of a region, mountain or river of one province (rules/places_extra.tsv)
    an organisation's name starts with (南疆职业技能培训实训基地: 新疆), else ''."""
    gaz = gazetteer.get()
    for k in range(len(text) - 1, 1, -1):
        home = geo_province().get(text[:k], "")
        if home in gaz.divisions:
            return home
    return ""


# how an organisation written with its places is placed: by what its name says
NAMED_BASES = ("name", "name and report context", "seat of a known body")


def same_org_in_full(ms: list[Mention], bases: dict[int, str], entities: dict, relations: list) -> None:
    """An organisation written alone (大红村小学) that the section also writes after its places
    (栾川县三川镇大红村小学) is that one, where the report's own setting (or nothing) placed
    the short spelling: one entity, placed where its full name says (a report naming schools
    of several counties)."""
    full = [x for x in ms if x.label == "ORG" and bases.get(id(x)) in NAMED_BASES]
    for m in ms:
        if m.label != "ORG" or bases.get(id(m), "") not in ("", "report context") or m.attrs.get("canonical"):
            continue      # (教育部 alone is the ministry, known by name, even beside 缅甸教育部)
        keys = {x.key for x in full if len(x.text) > len(m.text) and x.text.endswith(m.text)
                and places_only(x.text[:len(x.text) - len(m.text)])}
        if len(keys) != 1 or m.key in keys:
            continue
        old, new = m.key, keys.pop()
        if _coarser(_placed(relations, new), _placed(relations, old)):
            continue      # 六安市城北小学 and 城北小学 in a 裕安区 report: the finer place stands
        _rekey(m, new, ms, entities, relations)


def _rekey(m: Mention, new: str, ms: list[Mention], entities: dict, relations: list) -> None:
    """``m`` becomes the entity ``new``: its spelling an alias of it, and its old entity gone
    with the relations from it (its placing by the report's setting) where no other mention
    holds it."""
    old, m.key = m.key, new
    if new in entities:
        m.norm = entities[new]["name"]
        entities[new]["aliases"].add(m.text)
    if not any(o.key == old for o in ms if o is not m):
        entities.pop(old, None)
        relations[:] = [r for r in relations if r.source != old]


def party_unit_of_one(ms: list[Mention], entities: dict, relations: list) -> None:
    """A party's or the League's unit written alone (党支部, 学校党支部: ``BARE_PARTY_UNIT``)
    is the one such unit the section names with its owner (锦小党支部, 建安区实验中学党支部):
    one entity. Where the section names none or several, it stays its report's own node."""
    for m in ms:
        bare = BARE_PARTY_UNIT.fullmatch(m.text) if m.label == "ORG" else None
        if bare is None:
            continue
        unit = bare.group(1)
        keys = {x.key for x in ms if x.label == "ORG" and x is not m and x.text.endswith(unit)
                and len(x.text) > len(m.text) and not BARE_PARTY_UNIT.fullmatch(x.text)}
        if len(keys) == 1:
            _rekey(m, keys.pop(), ms, entities, relations)


def colleges_of_one_university(ms: list[Mention], entities: dict, relations: list, scope: str) -> None:
    """A college named by its field alone (商学院, 文学院: ``names.bare_college``), keyed by its
    name only, is the college of the one university the section names: keyed and placed as
    that university's (org:310000:复旦大学商学院, its place copied from the university's,
    ``college_of`` for the relation stage); where the section names no university or several,
    it is a node of its report alone (org:?<doc>:商学院). Never one node for every report's
    商学院."""
    unis = {m.key: m for m in ms if m.label == "ORG" and m.attrs.get("kind") == "university"
            and not m.attrs.get("parent_key") and not org_names.bare_college(m.text)
            and (m.text.endswith("大学") or m.text.endswith("学院") and "大学" not in m.text
                 and not named_by_field(m.text))}     # (生态工程学院: a college written short, no university)
    uni = next(iter(unis.values())) if len(unis) == 1 else None
    for m in ms:
        # (keyed by its name alone, or by the report's place: 中文系 in a 北京 report)
        if m.label != "ORG" or m.key.count(":") < 2 or m.key.split(":", 2)[2] != m.text \
                or m.key.startswith("org:?") or not org_names.bare_college(m.text) \
                or uni is not None and uni.text.endswith(m.text):
            continue          # (音乐学院 of 中国音乐学院: the academy written short, no college of it)
        old = m.key
        if uni is not None:
            # placed by the report's setting before: its university's place instead
            relations[:] = [r for r in relations if not (r.type == "LOCATED_IN" and r.source == old)]
            _, anchor, core = uni.key.split(":", 2)
            m.key = f"org:{anchor}:{core}{m.text}"
            m.attrs["college_of"] = uni.key
            placed = next((r for r in relations if r.type == "LOCATED_IN" and r.source == uni.key), None)
            if placed is not None and not any(r.source == m.key and r.type == "LOCATED_IN" for r in relations):
                relations.append(Relation("LOCATED_IN", m.key, placed.target, placed.start, placed.end,
                                          {"basis": "place of its university (the one the section names)",
                                           "confidence": "inferred"}))
        else:
            m.key = f"org:?{scope}:{m.text}"
        rec = entities.pop(old, None)
        if rec is not None:
            new = entities.setdefault(m.key, {"label": "ORG", "name": m.text, "aliases": set(), "attrs": {}})
            new["aliases"] |= rec["aliases"]
            for k, v in rec["attrs"].items():
                new["attrs"].setdefault(k, v)
            if uni is not None and uni.key in entities and "adcode" in entities[uni.key]["attrs"]:
                new["attrs"].setdefault("adcode", entities[uni.key]["attrs"]["adcode"])
        for r in relations:
            r.source = m.key if r.source == old else r.source


def unit_of_one_university(ms: list[Mention], entities: dict, relations: list) -> None:
    """A unit written alone and kept to its report (艺术学院, 纪律检查委员会, 医疗队:
    org:?<doc>:...) that the section also writes after a university's name (南通大学艺术学院,
    中国共产党同济大学纪律检查委员会) is that unit: one entity, keyed and placed as the full
    name says. Where several fuller names end with it, or it names a kind of institution
    (孔子学院), it stays its report's own node."""
    for m in ms:
        if m.label != "ORG" or not m.key.startswith("org:?") or m.text in org_names.kind_names():
            continue      # (孔子学院 alone is as often every one as the university's: rules/org_kinds.txt)
        full = [x for x in ms if x.label == "ORG" and len(x.text) > len(m.text) and x.text.endswith(m.text)
                and _UNIVERSITY_END.search(x.text, 0, len(x.text) - len(m.text)) and not x.key.startswith("org:?")]
        if len({x.key for x in full}) == 1:
            _rekey(m, full[0].key, ms, entities, relations)
            m.norm = full[0].norm     # (the canonical name the full spelling was given, as it has)


def places_only(head: str) -> bool:
    """A name's head made only of divisions' names (栾川县三川镇)."""
    segs = segment(head)
    return bool(segs) and segs[0][0] == 0 and segs[-1][1] == len(head) and \
        all(a == b for (_, a), (b, _) in zip(segs, segs[1:]))


def _placed(relations: list, key: str) -> str:
    """The division code an entity's first LOCATED_IN points to ('' when none)."""
    return next((r.target.removeprefix("place:") for r in relations
                 if r.type == "LOCATED_IN" and r.source == key), "")


def _coarser(a: str, b: str) -> bool:
    """Division ``a`` holds division ``b`` (or is it)."""
    return bool(a and b) and (a == b or a in gazetteer.get().ancestors(b))


def named_town_of(name: str, named) -> Division | None:
    """The one town or street the section names whose short name an organisation's name
    starts with (洛阳高级中学 beside 洛阳镇), else None."""
    segs = segment(name)
    return town_by_short_name(name[:segs[0][1]], named) if segs and segs[0][0] == 0 else None


def with_setting(code: str, path: list[str]) -> str:
    """``code`` where the report's setting agrees with it (holds it, or reaches no place);
    else the finest division holding both (a town of 常州 named in a 无锡 report: 江苏省)."""
    gaz = gazetteer.get()
    if not path or path[-1].startswith("world/") or path[-1] == code or path[-1] in gaz.ancestors(code):
        return code
    mine = [code] + list(gaz.ancestors(code))
    return next((c for c in reversed(path) if c in mine), "")


@functools.lru_cache(maxsize=None)
def local_end() -> re.Pattern:
    return re.compile("(?:" + rules.alternation(rules.items("place_local.txt")) + ")$")


def village_home(name: str, path: list[str]) -> str:
    """The county a village, community, road, mountain or zone the gazetteer does not know
    belongs to (rules/place_local.txt: the endings of places inside one county): the
    report's own county, when its setting reaches one; else its city, when it stops at one (a
    landmark of a report set in 无锡市); nothing above that."""
    if not path or len(name) < 2 or not local_end().search(name) or re.search(r"(省|市|县|区|旗|盟)", name[:-1]):
        return ""
    gaz = gazetteer.get()
    for code in reversed(path):
        if gaz.divisions[code].level == "county":
            return code
    last = gaz.divisions[path[-1]]     # a report set in a city: that city (惠山古镇 in a 无锡 report)
    if last.level == "city" or (last.level == "province" and last.name.endswith("市")):
        return last.code
    return ""


@functools.lru_cache(maxsize=None)
def zone_end() -> re.Pattern:
    return re.compile("(?:" + rules.alternation(rules.items("place_zones.txt")) + ")$")


def zone_home(name: str, path: list[str]) -> str:
    """The city a zone the table does not hold lies in (rules/place_zones.txt: 新区, 开发区,
    管理区 …) when the report's setting stops at a city or a municipality (a zone of a
    county's report is the county's: _village_home); '' otherwise."""
    if not path or len(name) < 3 or not zone_end().search(name) or re.search(r"(省|市|县|旗|盟)", name):
        return ""
    gaz = gazetteer.get()
    last = gaz.divisions[path[-1]]
    if last.level == "city" or (last.level == "province" and last.name.endswith("市")):
        return last.code
    return ""


# a province's own bodies written without their province: 省教育厅, 自治区教育厅, 教育厅新闻办
PROVINCE_BODY = re.compile(r"^(?:省|自治区)(?!级|内|外|市)|^教育厅")


def site_body(name: str, site) -> str:
    """The province of a report published on that province's government site (``site``:
    the divisions its address names, pipeline/placeurl.py) whose body ``name`` is written
    without its province (省教育厅, 教育厅新闻办 on jyt.henan.gov.cn: 河南省), else ''."""
    if not PROVINCE_BODY.search(name):
        return ""
    gaz = gazetteer.get()
    provinces = [c for c in site if c in gaz.divisions and gaz.divisions[c].level == "province"]
    return provinces[0] if len(provinces) == 1 else ""


@functools.lru_cache(maxsize=None)
def _seats() -> dict[str, str]:
    return rules.mapping("place_seats.tsv")


def body_seat(name: str) -> str:
    """The seat (rules/place_seats.tsv) of a university or college whose name carries no
    place, or of a unit named onto one (江南大学物联网工程学院: 320200), else ''."""
    seats = _seats()
    for k in range(len(name), 3, -1):
        if name[:k] in seats:
            return seats[name[:k]]
    return ""


def seat_in_setting(seat: str, path: list[str]) -> str:
    """The finest division of the report's setting ``path`` that is a body's ``seat`` or
    holds it (东北大学, seated in 沈阳市, in a report set in 大连市: 辽宁省, which is all the
    report makes clear); its province where the setting holds none of it (黄河科技学院 in a
    report set in 西藏 on a match played there: 河南省)."""
    gaz = gazetteer.get()
    if seat not in gaz.divisions:
        return ""
    mine = [seat] + [c for c in gaz.ancestors(seat) if c in gaz.divisions]
    return next((c for c in reversed(path) if c in mine), min(mine, key=lambda c: LEVEL_RANK.get(gaz.divisions[c].level, 9)))


LEVEL_RANK = {"country": 0, "province": 1, "city": 2, "county": 3, "town": 4}


# how far before a village the county that holds it may be named (鱼塘社区 after 水城区红桥街道)
NEAR = 80
PLACE_KEY = re.compile(r"^place:(\d{6})(?:/|$)")


def county_just_before(text: str, m: Mention, ms) -> str:
    """The county (or county-level city or district) of the place named last before a
    village or community the table does not hold (rules/place_local.txt endings), in the
    same paragraph and at most NEAR characters before it, where that place is a county or
    inside one (水城区红桥街道, then 鱼塘社区: 520221); else ''. For a report on several
    counties, where the report's setting reaches none."""
    if not local_end().search(m.text) or re.search(r"(省|市|县|区|旗|盟)", m.text[:-1]):
        return ""
    gaz = gazetteer.get()
    before = [x for x in ms if x.label == "PLACE" and x.end <= m.start and m.start - x.end <= NEAR
              and "\n" not in text[x.end:m.start] and PLACE_KEY.match(x.key or "")]
    if not before:
        return ""
    code = PLACE_KEY.match(max(before, key=lambda x: x.end).key).group(1)
    d = gaz.divisions.get(code)
    return code if d is not None and d.level == "county" else ""


def seat_place(name: str, anchor: str, basis: str, chain, path: list[str]) -> tuple[str, str]:
    """(anchor, basis) of an organisation placed by its seat, as fine as the report's setting
    tells: a body known by name (rules/org_names.tsv) set in another city of its province
    (东北大学, seated in 沈阳市, in a 大连 report: 辽宁省); a university whose name carries no
    place (rules/place_seats.tsv: 江南大学 in a 无锡 report: 无锡市). Else as given."""
    gaz = gazetteer.get()
    if basis == "seat of a known body" and anchor in gaz.divisions and path and not path[0].startswith("world/"):
        inner = seat_in_setting(anchor, path)
        return (inner if gaz.divisions[inner].level != "province" or inner[:2] == path[0][:2] else anchor), basis
    seat = body_seat(name) if basis == "" and not chain else ""
    if seat:
        return seat_in_setting(seat, path), "seat of a known body and the report's setting"
    return anchor, basis


def name_holds(outer: str, inner: str) -> bool:
    """A division of the name ``outer`` holds one of the name ``inner`` (山西, 河曲县)."""
    gaz = gazetteer.get()
    return any(o.code in gaz.ancestors(d.code) for o in gaz.lookup(outer) for d in gaz.lookup(inner))


def outlet_province(name: str) -> str:
    """The one province an outlet's name carries inside it (中新网四川新闻, 国际在线辽宁频道,
    中国江西网), else ''."""
    gaz = gazetteer.get()
    codes = {d.code for s, e in gaz.scan(name) for d in gaz.lookup(name[s:e]) if d.level == "province"}
    return next(iter(codes)) if len(codes) == 1 else ""


def keyed_at(m: Mention, code: str | None, scope: str, named) -> tuple[str, str] | None:
    """(key, anchor) of an organisation with no place in its name, keyed as in a report set in
    the division ``code`` the text gives it; None without a code or where that gives no anchor
    (a university keeps its name as written)."""
    if code is None:
        return None
    key, anchor, _ = org_key(m.text, m.attrs, [], [d.code for d in gazetteer.get().chain(code)], scope, named)
    return (key, anchor) if anchor else None


@functools.lru_cache(maxsize=None)
def _post_run() -> re.Pattern:
    """The text between two bodies of one run of posts: the first body's post(s), then a
    separator (察布查尔县委副书记、县人民政府县长; 江苏省委教育工委书记，省教育厅党组书记)."""
    posts = sorted({row[0] for row in rules.table("roles.tsv")} | {"成员", "常委"}, key=len, reverse=True)
    post = "|".join(map(re.escape, posts))
    return re.compile(rf"(?:(?:{post})(?:兼|、)?)*[、，,]|[和与及]")


def level_after_listed(text: str, ms: list[Mention], place_divs: dict[int, list[Division]]) -> dict[int, str]:
    """Organisations named by a level word right after a body of a place in a list or in a
    run of posts (贵州省委教育工委、省教育厅; 县委、县政府 after 镇沅县委; 察布查尔县委副书记、县人民
    政府县长): id -> the division of that level the body before names (or the one it was
    given so in turn)."""
    gaz = gazetteer.get()
    orgs = sorted((m for m in ms if m.label == "ORG"), key=lambda m: m.start)
    out: dict[int, str] = {}
    for q, m in zip(orgs, orgs[1:]):
        chain = gaz.chain(out[id(q)]) if id(q) in out else place_divs.get(id(q)) or []
        if chain and not place_divs.get(id(m)) and _post_run().fullmatch(text[q.end:m.start]) \
                and m.text[:1] in LEVEL_CHARS and m.text[1:2] not in ("民", "场"):
            code = level_division([d.code for d in chain], m.text[:1])
            if code:
                out[id(m)] = code
    return out


def level_in_sentence(text: str, ms: list[Mention], place_divs: dict[int, list[Division]],
                      sentence_start) -> dict[int, str]:
    """Organisations named by a bare level word, with a division of that level named before
    them in their sentence (临城县投资200万元，建成了以县第二小学; 越秀区……由区教育局): id -> the
    nearest such division. Read only for a body the report's setting leaves unplaced.
    ``sentence_start(pos)`` gives where the sentence holding ``pos`` starts."""
    gaz = gazetteer.get()
    out: dict[int, str] = {}
    before: list[tuple[int, list[Division]]] = []
    for m in sorted((m for m in ms if m.label in ("ORG", "PLACE")), key=lambda m: m.start):
        chain = place_divs.get(id(m)) or []
        if m.label == "ORG" and not chain and m.text[:1] in LEVEL_CHARS and m.text[1:2] not in ("民", "场", "会"):
            start = sentence_start(m.start)
            for end, ch in reversed(before):
                if end <= start or text[end:end + 1] in ("、", "和", "与", "及"):
                    break    # (another item of a list: 下花园区后堡街小学、秦皇岛经济技术开发区第二小学)
                code = level_division([d.code for d in ch], m.text[:1])
                if code and gaz.divisions[code].level != "country":
                    out[id(m)] = code
                    break
        if chain:
            before.append((m.end, chain))
    return out


def placed_before(text: str, ms: list[Mention], place_divs: dict[int, list[Division]]) -> dict[str, str]:
    """The organisations the section places by a place written right before them with 的
    (章丘黄河镇的大张小学): name -> that place's division code, for names with no place of
    their own and one such place wherever the section writes them so."""
    places = {m.end: m for m in ms if m.label == "PLACE"}
    got: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        p = places.get(m.start - 1) if m.label == "ORG" and text[m.start - 1:m.start] == "的" else None
        chain = place_divs.get(id(p), []) if p is not None else []
        if chain and not place_divs.get(id(m)) and chain[-1].level in ("province", "city", "county", "town"):
            got[m.text].add(chain[-1].code)
    return {name: next(iter(codes)) for name, codes in got.items() if len(codes) == 1}


def same_place_in_full(ms: list[Mention], entities: dict, relations: list) -> None:
    """A place the table does not hold, written alone (鱼塘社区), is the one the section
    writes in full with its divisions (水城区红桥街道鱼塘社区): one entity, placed there."""
    placed = [m for m in ms if m.label == "PLACE" and m.key.startswith("place:") and not m.key.startswith("place:?")]
    for m in ms:
        if m.label != "PLACE" or not m.key.startswith("place:?/"):
            continue
        full = {x.key for x in placed if len(x.text) > len(m.text) and x.text.endswith(m.text)
                and "/" in x.key and x.key.endswith(m.text)}
        if len(full) != 1:
            continue
        old, new = m.key, full.pop()
        m.key, m.norm = new, entities.get(new, {}).get("name", m.norm)
        if old in entities and new in entities:
            entities[new]["aliases"] |= entities.pop(old)["aliases"]
        relations[:] = [r for r in relations if r.source != old]
        for r in relations:  # anything placed in it is placed in the one entity
            if r.target == old:
                r.target = new


def _each_named_in_full(gaz, ms: list[Mention], key: str, code: str) -> bool:
    """Whether a mention of ``key``, a body each place has its own of (a committee, an
    association; not a school: 武汉市桂子山实验小学 and 洪山区桂子山实验小学 are one,
    names.ONE_SEAT_KINDS), opens with the full name of its division ``code``."""
    return any(m.key == key and org_names.own_body_named_in_full(gaz, m.text, m.attrs.get("kind", ""), code) for m in ms)


def unify_orgs(ms: list[Mention], entities: dict, relations: list) -> None:
    """Within a section, one organisation named with a coarser and a finer place (成都市锦官
    新城小学 and, in a 武侯区 context, 锦官新城小学) is one organisation."""
    gaz = gazetteer.get()
    by_core = defaultdict(set)
    for m in ms:
        if m.label == "ORG" and m.key.count(":") >= 2:
            _, anchor, core = m.key.split(":", 2)
            by_core[core].add(anchor)
    for core, anchors in by_core.items():
        if len(anchors) < 2:
            continue
        for a in anchors:
            finer = [b for b in anchors if b != a and (a == "" or a in gaz.ancestors(b))]
            if len(finer) == 1:
                old, new = f"org:{a}:{core}", f"org:{finer[0]}:{core}"
                if _each_named_in_full(gaz, ms, old, a) and _each_named_in_full(gaz, ms, new, finer[0]):
                    continue      # 四川省老龄委 and 成都市老龄委: each place's own body
                for m in ms:
                    if m.key == old:
                        m.key = new
                if old in entities and new in entities:
                    entities[new]["aliases"] |= entities.pop(old)["aliases"]
                for r in relations:
                    if r.source == old:
                        r.source = new
