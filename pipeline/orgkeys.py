"""Organisation keys and the place names inside names: which divisions a name starts with
(segment), and the key ``org:<anchor>:<name>`` that makes one node per organisation across
reports (org_key), with the checks that keep a road's, a mountain's or another province's
name out (ROAD_AFTER, GEO_AFTER, fits_setting). Used by the place stage (pipeline/places.py)."""
from __future__ import annotations

import functools
import re

from . import gazetteer
from . import names as org_names
from .gazetteer import ADMIN_SUFFIXES, Division

# bureau names that are one office under different names (renamed or abbreviated)
BUREAU_FAMILY = re.compile(r"(教育和体育局|教育体育局|教体局|教育和科学技术局|教育科学技术局|教育科技局|教育和科技局|"
                           r"教科局|教育局|教育系统|教体系统|教科系统)$")
# a division's name followed by one of these is part of a road's or street's name
ROAD_AFTER = re.compile(r"(?:路|街(?!道)|巷|大道|大街|胡同|弄)")
# a division's short name followed by one of these is part of a mountain's, river's or
# lake's name (长白山 is no 长白县), a village's (红星村) or a gate's (西安门大街 in 北京)
GEO_AFTER = re.compile(r"(?:山|湖|河|江|岛|峰|岭|湾|海|村|社区|古镇|屯|寨|门)")
LEVEL_CHARS = {"省": ("province",), "市": ("city", "county"), "县": ("county",), "区": ("county",),
               "州": ("city",), "盟": ("city",), "旗": ("county",), "镇": ("town",), "乡": ("town",)}


def segment(name: str) -> list[tuple[int, int]]:
    """The places a name starts with, longest first at each step: 东阿县刘集镇中心小学 ->
    [(0, 3), (3, 6)]."""
    return list(_segment(gazetteer.get(), name))


@functools.lru_cache(maxsize=1 << 16)
def _segment(gaz, name: str) -> tuple[tuple[int, int], ...]:
    out, k = [], 0
    while k < len(name):
        best = next((m for m in range(len(name), k + 1, -1) if gaz.by_name.get(name[k:m])), None)  # gaz.lookup
        if best is None:
            break
        out.append((k, best))
        k = best
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _named_divisions(gaz, named: frozenset) -> tuple[tuple[str, str, str], ...]:
    """(code, name, level) of each division of ``named`` the gazetteer knows: a section's
    named divisions, looked up once for all its organisations."""
    return tuple((c, gaz.divisions[c].name, gaz.divisions[c].level) for c in named if c in gaz.divisions)


@functools.lru_cache(maxsize=64)
def _named_by_prefix(gaz, named: frozenset) -> dict[str, frozenset]:
    """Every beginning of the names of a section's named divisions, the empty one too -> the
    divisions' codes (洛阳 -> 洛阳镇's and 洛阳市's codes when both are named)."""
    out: dict[str, set] = {}
    for c, name, _ in _named_divisions(gaz, named):
        for k in range(len(name) + 1):
            out.setdefault(name[:k], set()).add(c)
    return {k: frozenset(v) for k, v in out.items()}


def _named_starting(gaz, named, head: str) -> frozenset:
    """The codes of ``named`` whose division's name starts with ``head``."""
    return _named_by_prefix(gaz, frozenset(named)).get(head, frozenset())


def level_division(path: list[str], ch: str) -> str:
    """The context division a bare level word refers to: 市 in a county-level city is that
    city; 市 in a county's report is the county's prefecture city; 市 in a municipality's
    report (北京市 …) is the municipality."""
    gaz = gazetteer.get()
    for code in reversed(path):
        d = gaz.divisions[code]
        if ch in ("市", "州", "盟") and d.level in ("city", "county") and d.name.endswith(ch):
            return code
        if ch == "市" and d.level == "province" and d.name.endswith("市"):
            return code       # 市 in a report on Beijing, Shanghai, Tianjin or Chongqing: the municipality
        if ch in ("县", "旗") and d.level == "county" and d.name.endswith(("县", "旗")):
            return code
        if ch == "区" and d.level == "county" and (d.name.endswith("区") or gaz.divisions[code].alias.endswith("区")):
            return code
        if ch == "省" and d.level == "province":
            return code
        if ch in ("镇", "乡") and d.level == "town":
            return code
    return ""


def named_level(named, word: str, path=()) -> str:
    """The one division of the level a bare level word says (县, 市, 区, 省, 自治区 …) among
    the divisions a section names (``named``: codes), for a report whose setting does not
    reach that level (a tie, or 中国 as heavy as the province): 自治区教研室 in a report
    naming 广西 and no other region is 广西's. A city and a county-level 市 inside it both
    named is two: '' when none or several, nothing guessed. Only a division inside the
    setting ``path`` reaches counts (上海 named in comparison in a report set in 浙江省 is
    not its 市)."""
    gaz = gazetteer.get()
    within = path[-1] if path and not path[-1].startswith("world/") else ""
    fits = []
    for code in named:
        d = gaz.divisions.get(code)
        if d is None or within and within not in gaz.ancestors(code):
            continue
        if word == "自治区":
            ok = d.level == "province" and d.name.endswith("自治区")
        elif word == "省":
            ok = d.level == "province" and d.name.endswith("省")
        elif word == "市":
            ok = d.level in ("province", "city", "county") and d.name.endswith("市")
        elif word in ("州", "盟"):
            ok = d.level == "city" and d.name.endswith(word)
        elif word in ("县", "旗", "区"):
            ok = d.level == "county" and d.name.endswith(word)
        elif word in ("镇", "乡"):    # 乡中心小学 in a report naming 若笠乡 once, below its lead
            ok = d.level == "town" and d.name.endswith(word)
        else:
            ok = False
        if ok:
            fits.append(code)
    return fits[0] if len(fits) == 1 else ""


def org_core(text: str, prefix_len: int) -> str:
    """An organisation's name without its place prefix, with one spelling per bureau."""
    core = text[prefix_len:]
    # 市委 and 省委 are bodies of their own: 市委教育工委 is no 省委教育工委
    # (市场监管局 starts with no level word: it is 市场's, not 市's)
    if prefix_len == 0 and (not core.startswith(NOT_LEVEL) or core.startswith(("市政府", "市政协"))):
        core = re.sub(r"^(省|市|县|区|州|旗|盟|镇|乡)(?=[^委])", "", core)
    return BUREAU_FAMILY.sub("教育局", core)


def org_key(text: str, attrs: dict, chain: list[Division], path: list[str],
            scope: str = "", named: frozenset = frozenset()) -> tuple[str, str, str]:
    """(key, anchor division code, basis) of an organisation's name (see ``_org_key``); a
    campus in brackets is one key however wide its brackets: 中国地质大学（武汉） and
    中国地质大学(武汉) are one university."""
    key, anchor, basis = _org_key(text, attrs, chain, path, scope, named)
    return key.translate(_HALF_BRACKETS), anchor, basis


_HALF_BRACKETS = str.maketrans("（）", "()")


def _org_key(text: str, attrs: dict, chain: list[Division], path: list[str],
             scope: str = "", named: frozenset = frozenset()) -> tuple[str, str, str]:
    """(key, anchor division code, basis) of an organisation's name.

    The key names the entity: ``org:<anchor>:<name>``. The anchor is the place its own
    name carries (its seat for the bodies of rules/org_names.tsv), else the level word it
    starts with (市教育局 in a 杭州 report), else, for schools and local bodies, the
    report's place; a national body, or a university, company or outlet without a place in
    its name, has none. The name is the organisation's name without its place, unless that
    is a bare type word (大学, 教育局, 委, 八中) or the body is a place's own (a bureau, a
    government, a party committee, a team): then the place is part of the name (杭州市教育局,
    梧州市第八中学), so that two bodies of two places never share a key; universities,
    companies and outlets keep their name as written (武汉大学, 湖北大学). A short name whose
    place the report does not tell (市教育局 with no city in sight) is keyed to its report
    (``scope``: the section's id) and stays its own entity. ``named``: the codes of the
    divisions the section names (洛阳镇 makes 洛阳高级中学 no school of 洛阳市)."""
    gaz = gazetteer.get()
    canonical = attrs.get("canonical")
    kind = attrs.get("kind")
    known = org_names.full_name(text) or org_names.known_prefix(text) or org_names.known_unit(text)
    if known:   # a body known by its full name (北大 -> 北京大学; 中山大学 is in 广州; 北大党委)
        core, anchor = known
        return f"org:{anchor}:{core}", anchor, ("seat of a known body" if anchor else "")
    if canonical:  # a national body or outlet known by name
        return f"org::{canonical}", "", ""
    if org_names.is_national(text):   # 国家体育总局, 教育部考试中心, 中国教育在线
        branch = national_branch(text)
        if branch:   # 国家税务总局北京市税务局, 中科院南京土壤研究所: a national body's branch in a place
            return f"org:{branch}:{text}", branch, "name"
        return f"org::{org_names.national().get(text.removeprefix('中华人民共和国'), text)}", "", ""
    as_written = kind in org_names.AS_WRITTEN_KINDS or attrs.get("unit_of_kind") in org_names.AS_WRITTEN_KINDS \
        or bool(org_names.AS_WRITTEN_WORDS.search(text))
    # a place's own body; a party branch of a school is its school's, not its place's
    owned = kind in org_names.OWNED_KINDS and not as_written and \
        attrs.get("unit_of_kind") in (None, *org_names.OWNED_KINDS)
    chain, prefix_len = name_chain(text, chain, as_written, named)
    anchor, basis = "", ""
    if chain and chain[0].code.startswith("world/"):   # 新加坡国立大学
        anchor = "" if chain[-1].code == "world/中国" else chain[-1].code
        return f"org:{anchor}:{text}", anchor, ("name" if anchor else "")
    if chain:
        anchor, basis = chain[-1].code, "name"
        core = org_names.expand_short(drop_level(org_core(text, prefix_len), chain[-1]))
        # a unit named onto a university (湖北大学附属中学) keeps the university's name
        as_written = as_written or org_names.head_kind(core) in org_names.AS_WRITTEN_KINDS
        # a school named with its city, in a report about one district of that city, is a
        # school of that district (锦官新城小学 of 成都市, in a report on 武侯区's schools)
        generic = owned or org_names.is_generic(core)
        if kind in LOCAL_KINDS and chain[-1].level == "city" and path and not generic and not as_written:
            inner = [c for c in path if gaz.divisions[c].parent == anchor]
            if inner and kind in ("school", "kindergarten"):
                anchor, basis = inner[0], "name and report context"
        if committee(core, chain[-1]):
            return f"org:{anchor}:{committee(core, chain[-1])}", anchor, basis
        if as_written:   # its name with its place's short name: 河北省邯郸学院 is 邯郸学院
            last = segment(text)[len(chain) - 1][1]
            core = (chain[-1].alias or chain[-1].name) + drop_level(text[last:], chain[-1])
        elif generic:
            core = gaz.divisions[chain[-1].code].name + org_names.expand_short(core)
        return f"org:{anchor}:{core}", anchor, basis
    auto = AUTONOMOUS_LEAD.match(text)    # 自治区教育厅: the region's, as 省教育厅 is the province's
    core = org_names.expand_short(org_core(text[auto.end():] if auto else text, 0))
    lead = LEVEL_OF_AUTONOMOUS[auto.group(0)] if auto else text[:1]
    level_word = lead in LEVEL_CHARS and len(text) > 1 and text[1:2] not in ("民", "场")
    region = level_word and not auto and bool(REGION_BODY.match(text))
    if region:
        lead = "省"    # 区教育厅, 区党委 in a report on Tibet: 自治区's (a district has no 厅, and its 区委)
    if level_word:
        anchor, basis = level_division(path, lead), "level word and report context"
        if region and anchor and not gaz.divisions[anchor].name.endswith("自治区"):
            anchor = ""
        if not anchor:   # no setting at that level: the one division of that level the section names
            anchor = named_level(named, "自治区" if region else auto.group(0) if auto else lead, path)
            basis = "level word and report context (the one division of its level named)" if anchor else ""
    elif (attrs.get("common") or BARE_PARTY_UNIT.fullmatch(text)) and scope:
        # 合唱团, 理事会, 党支部, 校党委 written alone: its report's, placed nowhere (a party
        # branch is some body's, never a place's: not 武侯区党支部)
        return f"org:?{scope}:{text}", "", ""
    elif city := campus_city(text):   # 中大珠海校区, 哈工大深圳校区: the city its own name gives, whatever the setting
        anchor, basis = city, "name"
    elif path and kind in LOCAL_KINDS and not path[0].startswith("world/") and not as_written \
            and not NATIONAL_NAME.search(text):
        anchor, basis = local_anchor(path), "report context"
        if BARE_ZONE.match(text):   # 经开区管委会 in a 章贡区 report: the city's zone, not the district's
            anchor = zone_anchor(path, bare_zone(text))
            basis = basis if anchor else ""
            if anchor and gaz.divisions[anchor].level == "county":   # 经开区教体局: 徐州经济技术开发区's 教体局
                core = org_names.expand_short(org_core(text[len(bare_zone(text)):], 0))
    if anchor and committee(core, gaz.divisions[anchor]):
        return f"org:{anchor}:{committee(core, gaz.divisions[anchor])}", anchor, basis
    generic = owned or org_names.is_generic(core)
    if not generic:
        return f"org:{anchor}:{text if as_written else core}", anchor, basis
    if anchor:
        return f"org:{anchor}:{gaz.divisions[anchor].name}{org_names.expand_short(core)}", anchor, basis
    if scope:   # 市教育局 in a report that does not say which city
        return f"org:?{scope}:{BUREAU_FAMILY.sub('教育局', text)}", "", ""
    return f"org::{text}", "", ""


def national_branch(text: str) -> str:
    """The finest division (county level or above) a name that starts like a national
    body's names after its national head: 国家税务总局北京市税务局 -> 110000, 中国江西网 ->
    360000, 国网湖南省电力公司双峰县供电分公司 -> 双峰县; "" where it names none. A division
    counts by its full name (双峰县), or by the short name of one province or prefecture
    (江西, 成都); each next one must lie inside the one before."""
    gaz = gazetteer.get()
    code, last = "", 0
    for s, e in gaz.scan(text, 2):
        if s < last:
            continue
        name = text[s:e]
        divs = [d for d in gaz.lookup(name) if not d.code.startswith("world/") and "/" not in d.code
                and d.level in ("province", "city", "county")]
        if not name.endswith(ADMIN_SUFFIXES):
            divs = [d for d in divs if d.level in ("province", "city")]
        if code:
            divs = [d for d in divs if code in gaz.ancestors(d.code)]
        if len(divs) != 1:
            if code:
                break
            continue
        code, last = divs[0].code, e
    return code


def committee(core: str, d: Division) -> str:
    """The name of a place's party committee or one of its units, with the place written in
    full: 委教育工委 of 南充市 and 市委教育工委 in a 南充 report are both 南充市委教育工委."""
    if core[:1] in LEVEL_CHARS and core[1:2] == "委" and d.name.endswith(core[0]):
        return d.name + core[1:]
    return d.name + core if core.startswith("委") else ""


# 中共安徽省委教育工委 is 安徽省委教育工委; 共青团北京市委 is 北京市's, with its own name, and so
# are the League's committees written 团市委, 团海南省委 (团 before a committee of a place)
PARTY_LEAD = re.compile(r"^(?:中国共产党|中共|共青团|团(?=(?:[省市县区州旗]|[\u4e00-\u9fff]{2,9}?[省市县区州旗])委))(?=.)")


def name_chain(text: str, chain: list[Division], as_written: bool,
                named: frozenset = frozenset()) -> tuple[list[Division], int]:
    """The divisions an organisation's name starts with, and how many characters they take.
    A road's or mountain's name is none (中山路小学, 长白山教育局); a place's short name with
    a bare type word (梧州八中) is that place even in a report set elsewhere, when the name is
    of one place only; a university's, company's or outlet's place is the largest of the
    places its name may be (西安理工大学: 西安市, not 辽源's 西安区). Not where the section
    names another place of that name (洛阳镇 for 洛阳高级中学)."""
    gaz = gazetteer.get()
    covered = segment(text)
    prefix_len = sum(b - a for a, b in covered[:len(chain)]) if chain else 0
    last = text[covered[len(chain) - 1][0]:prefix_len] if chain else ""
    if chain and (ROAD_AFTER.match(text, prefix_len) or
                  (GEO_AFTER.match(text, prefix_len) and last != chain[-1].name)):
        return [], 0
    if covered and covered[0][0] == 0 and (not chain or as_written):
        head = text[:covered[0][1]]
        divs = gaz.lookup(head)
        own = {d.code for d in divs}
        if _named_starting(gaz, named, head) - own:
            return chain, prefix_len
        rank = {"country": 0, "province": 1, "city": 2, "county": 3}
        if as_written and len(divs) > 1:
            top = min(rank.get(d.level, 9) for d in divs)
            divs = [d for d in divs if rank.get(d.level, 9) == top]
        # a county's short name with a bare type word is that county only when written in
        # full or with its level word (宁安小学 is no school of 宁安市 in a report set
        # elsewhere; 梧州八中 is 梧州's, 科右前旗教育局 科尔沁右翼前旗's, 琼中县教育局 琼中's)
        if len(divs) == 1 and (as_written or divs[0].level == "province" or (
                not divs[0].code.startswith("world/") and
                (divs[0].level != "county" or text.startswith(divs[0].name)
                 or text[covered[0][1] - 1] in COUNTY_WORDS) and
                org_names.is_generic(drop_level(text[covered[0][1]:], divs[0])))):
            if not chain or chain[0].code != divs[0].code:
                return divs, covered[0][1]
    return chain, prefix_len


COUNTY_WORDS = "县旗区市"   # the level words a county's short name may be written with (科右前旗, 琼中县)
AUTONOMOUS_LEAD = re.compile(r"^自治(区|州|县|旗)(?=.)")
# a national or international body by its name (十三届全国人大常委会, 国际残奥委会, 中华全国青年联合会),
# or a unit of the armed forces (陆军第71集团军, 海军航空兵, 武警, 红军; not 武警's schools and
# hospitals, not a 红军小学): never placed by the report's setting (ANNOTATION.md leaves national
# bodies unplaced); not a unit's party committee (中国共产党上海交通大学委员会) nor an
# international school or department
NATIONAL_NAME = re.compile(r"全国|^(?:中国(?!共产党)|中华|国家|中央)|^国际(?!.*(?:学校|学院|部|班|中心)$)"
                           r"|^(?:陆军|海军|空军|火箭军|解放军|武警(?!.*(?:学校|学院|医院))|红军$|八路军|新四军)|集团军|战区")
# an autonomous region's body written with 区 alone: its departments (厅) and its party committee
REGION_BODY = re.compile(r"^区(?:[\u4e00-\u9fff]{1,8}厅|党委)")
LEVEL_OF_AUTONOMOUS = {"自治区": "省", "自治州": "州", "自治县": "县", "自治旗": "旗"}
# words that start with a level character and are no level word (北京 + 市场监管局)
NOT_LEVEL = ("市场", "市民", "市政", "区域", "县城", "州立", "省级", "市级", "县级", "区级")


def drop_level(core: str, d: Division) -> str:
    """The level word left after a division's short name (镇沅 + 县第一中学) taken off."""
    if len(core) > 1 and core[0] in LEVEL_CHARS and d.name.endswith(core[0]) and not core.startswith(NOT_LEVEL) \
            and core[1] != "委":
        return core[1:]
    return core


# a party's or the League's unit written alone, or of 学校 (学校党支部, 校党委)
BARE_PARTY_UNIT = re.compile(r"(?:学校|校)?(党支部|党总支|党委|团委|团支部|团总支|党小组)")
# organisations that belong to the place a report is about; universities, companies and
# media without a place in their name are one organisation wherever they are named
LOCAL_KINDS = {"school", "kindergarten", "bureau", "government", "party", "team", "unit", "hospital", "other"}


def fits_setting(text: str, chain: list[Division], path: list[str], named=frozenset(), full=frozenset()) -> bool:
    """A short place name inside an organisation's name (桃园 in 桃园小学) is taken only when
    it agrees with the report's own setting: the same province, or written in full.
    ``named`` holds the divisions the section names: a town of the same short name there
    (洛阳镇 in 常州) wins over a province's or city's short name (洛阳市). ``full`` holds the
    cities and counties the section writes with their full name: a short name of one of
    them, or a town inside one, is taken whatever the setting (蕲春六中 in a report that
    writes 蕲春县教育局; 友谊镇隘口小学 in one that writes 凭祥市)."""
    first = chain[0]
    if text.startswith(first.name) and (first.name != first.alias or first.level == "country"
                                        and text[len(first.name):len(first.name) + 1] not in "族语文裔"):
        return True       # written in full (桃园市..., 美国工程院; not 蒙古族, 朝鲜语), whatever the setting
    gaz = gazetteer.get()
    if any(text[:k].endswith(("县", "市", "区", "州", "旗")) and text[:k] != first.alias
           and gaz.by_name.get(text[:k]) == [first.code] for k in range(3, min(len(text), 8))):
        return True       # a former full name (淮阳县公安局: 淮阳县 is 淮阳区 now), whatever the setting
    if (first.code in full or first.level == "town" and any(c in full for c in gaz.ancestors(first.code))) and \
            home_town(first.alias, path) is None:
        return True
    if first.level == "county" and home_town(first.alias, path) is not None:
        return False      # 东海小学 in a report on a county with a 东海镇: that town's, not 东海县's
    homonym = bool(_named_starting(gaz, named, first.alias) - {first.code})
    if first.level in ("province", "city") and len(first.alias) >= 2 and not first.code.startswith("71") \
            and text.startswith(first.alias) and (not homonym or first.level == "province"):
        # 上海复兴高级中学, 北京清华附中: a province's or a city's own short name; a province's
        # wins over a town or street of that name the report names elsewhere (上海国际信托有限公司
        # in a list that also names 福州's 上海街道), a city's does not (洛阳高级中学 beside 洛阳镇)
        return True
    return bool(path) and first.code[:2] == path[0][:2]


def home_town(short: str, path: list[str]) -> Division | None:
    """The one town or street of the report's own county (the finest county of ``path``)
    named ``short`` or ``short`` with its level word (东海 for 东海街道), else None."""
    gaz = gazetteer.get()
    county = next((c for c in reversed(path) if gaz.divisions[c].level == "county"), "")
    if not county or len(short) < 2:
        return None
    names = {short, short + "镇", short + "乡", short + "街道"}
    hits = [c for c in gaz.children.get(county, ()) if gaz.divisions[c].level == "town"
            and gaz.divisions[c].name in names]
    return gaz.divisions[hits[0]] if len(hits) == 1 else None


TOWN_WORDS = ("街道", "镇", "乡")


def town_by_short_name(name: str, named) -> Division | None:
    """The one town or street of the divisions a section names (``named``: codes) whose name
    is ``name`` with its level word (容桂 for 容桂街道, 城关 for 城关镇), else None."""
    gaz = gazetteer.get()
    if len(name) < 2 or name.endswith(TOWN_WORDS):
        return None
    wanted = {name + w for w in TOWN_WORDS}
    hits = {c for c, full, level in _named_divisions(gaz, frozenset(named)) if level == "town" and full in wanted}
    return gaz.divisions[hits.pop()] if len(hits) == 1 else None


def town_after(text: str, chain: list[Division]) -> Division | None:
    """The town a place's name ends with by its short name after the divisions that hold it
    (齐齐哈尔市扎龙: 扎龙镇), else None."""
    covered = segment(text)
    if not chain or len(chain) != len(covered):
        return None
    return town_inside(chain[-1].code, text[covered[-1][1]:])


def town_inside(code: str, short: str) -> Division | None:
    """The one town or street inside the city or county ``code`` whose name is ``short`` with
    its level word (扎龙 in 齐齐哈尔市: 扎龙镇), else None."""
    gaz = gazetteer.get()
    d = gaz.divisions.get(code)
    if d is None or d.level not in ("city", "county") or len(short) < 2 or short.endswith(TOWN_WORDS):
        return None
    names = {short + w for w in TOWN_WORDS}
    counties = [code] if d.level == "county" else gaz.children.get(code, [])
    hits = [t for c in counties for t in gaz.children.get(c, ()) if gaz.divisions[t].level == "town"
            and gaz.divisions[t].name in names]
    return gaz.divisions[hits[0]] if len(hits) == 1 else None


# an organisation named by a bare zone word (经开区管委会, 高新区教育局): a zone of the city
BARE_ZONE = re.compile(r"^(?:经开区|高新区|开发区|经济技术开发区|高新技术产业开发区|经济开发区)(?=.)")
# a bare zone word and the spellings of its kind in the division table
ZONE_KINDS = {"经开区": ("经开区", "经济技术开发区"), "经济技术开发区": ("经开区", "经济技术开发区"),
              "经济开发区": ("经济开发区",), "开发区": ("开发区",),
              "高新区": ("高新区", "高新技术产业开发区"), "高新技术产业开发区": ("高新区", "高新技术产业开发区")}


def bare_zone(text: str) -> str:
    """The bare zone word a name starts with (高新区教育局, 经开区: a zone of the report's
    city, not of whichever city the table lists first), else ''."""
    return next((w for w in sorted(ZONE_KINDS, key=len, reverse=True) if text.startswith(w)), "")


def zone_anchor(path: list[str], word: str = "") -> str:
    """Where a zone named by a bare zone word, or an organisation of it, lies: the table's one
    zone of that kind (``word``: 高新区, 经开区) inside the report's city (济宁 …高新区:
    济宁高新技术产业开发区); else the report's county when that is itself a zone (徐州经济技术
    开发区), else the city (or municipality) the report is set in; '' when the setting
    reaches no city."""
    gaz = gazetteer.get()
    if not path or path[-1].startswith("world/"):
        return ""
    anchor = local_anchor(path)
    d = gaz.divisions[anchor]
    if d.level == "province" and not d.name.endswith("市"):
        return ""
    own = d.level == "county" and (d.code[4:5] == "7" or re.search(r"(开发区|新区|园区|管理区|试验区|示范区)$", d.name))
    city = d.parent if d.level == "county" else d.code if d.level in ("city", "province") else ""
    if d.level == "town":
        county = gaz.divisions[d.parent]
        city = county.parent
    names = ZONE_KINDS.get(word, ())
    hits = {c for n in names for c in gaz.by_name.get(n, ()) if c in gaz.divisions and gaz.divisions[c].parent == city}
    if len(hits) == 1:
        return hits.pop()
    if own:
        return anchor
    return city or anchor


def local_anchor(path: list[str]) -> str:
    """The most specific county-level (or town) division of the context."""
    gaz = gazetteer.get()
    for code in reversed(path):
        if gaz.divisions[code].level in ("county", "town", "city"):
            return code
    return path[-1]


CAMPUS = re.compile(r"(?:新|老)?(?:校区|分校)$")   # 巴南新校区: a new campus in 巴南区


def campus_division(text: str, anchor: str) -> str:
    """The county a campus's own name places it in, inside its school's place (广东理工学院
    鼎湖校区 of 广东省: 鼎湖区; 兴华中学华墅校区 of 浙江省: 华墅乡's county), else ''. Only a
    name of one county inside ``anchor`` counts (泉州七中江南校区: 江南区 is no district of 泉州),
    or of one town inside a province."""
    gaz = gazetteer.get()
    m = CAMPUS.search(text)
    if not m or not anchor or anchor not in gaz.divisions or gaz.divisions[anchor].level == "town":
        return ""
    for k in range(max(0, m.start() - 4), m.start() - 1):
        core = text[k:m.start()]
        # a town or street (华墅乡) only inside a province: a city's streets have names such as
        # 江南, 东海 that campuses take as words of direction too
        words = ("", "镇", "乡", "街道") if gaz.divisions[anchor].level == "province" else ("",)
        divs = {d.code: d for w in words for d in gaz.lookup(core + w)
                if d.level in ("county", "town")}
        inside = [d for c, d in divs.items() if c != anchor and anchor in gaz.ancestors(c)]
        if len(inside) == 1:
            d = inside[0]
            return d.parent if d.level == "town" else d.code
        if divs:
            return ""
    return ""


def campus_city(text: str) -> str:
    """The one city a campus's name gives (中大珠海校区, 哈工大深圳校区, 山东大学威海分校, and
    its units: 中大珠海校区学生会), written after the name of its school, not at the start: ''
    where there is none or it is not one city."""
    at = max(text.rfind("校区"), text.rfind("分校"))
    if at < 4:
        return ""
    gaz = gazetteer.get()
    for k in range(at - 3, at - 1):
        divs = {d.code for d in gaz.lookup(text[k:at]) if d.level == "city"}
        if len(divs) == 1 and not any(d.level in ("province", "city", "county") for d in gaz.lookup(text[:k])):
            return divs.pop()
    return ""


# a school's branch named by a county: 清华附中朝阳学校, 人大附中西山学校, 北师大实验中学丰台分校
BRANCH = re.compile(r"(?:附中|附小|附属中学|附属小学|附属学校|实验中学|实验小学|外国语学校)"
                    r"([\u4e00-\u9fff]{2,4}?)(?:区|县)?(?:学校|分校|校区|实验学校)$")


def branch_division(text: str, anchor: str) -> str:
    """The other county of the same city that a school's branch is named by, where the report's
    own county placed it (清华附中朝阳学校 in a 海淀区 report: 朝阳区, not 海淀区), else ''."""
    gaz = gazetteer.get()
    m = BRANCH.search(text)
    if not m or anchor not in gaz.divisions or gaz.divisions[anchor].level != "county":
        return ""
    city = gaz.divisions[anchor].parent
    divs = {d.code for w in ("", "区", "县") for d in gaz.lookup(m.group(1) + w)
            if d.level == "county" and d.parent == city}
    return next(iter(divs)) if len(divs) == 1 and anchor not in divs else ""
