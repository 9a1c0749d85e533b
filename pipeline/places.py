"""Stage 3 - places: every PLACE, and every organisation whose name carries a place,
resolved to China's administrative hierarchy (adcode and level); the report's own place
context; and the entity keys that make one node per real entity across reports.

Ambiguous names (刘集镇 exists in ten counties) are settled by the report's context: the
chain they are written in (东阿县刘集镇), the heading's place, and the other places the
same section names. Where the context does not decide, the name stays unresolved rather
than guessed.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc

from . import gazetteer, rules
from . import names as org_names
from .gazetteer import Division
from .doc import Mention, Relation, found, sentence_of, text_of

# bureau names that are one office under different names (renamed or abbreviated)
BUREAU_FAMILY = re.compile(r"(教育和体育局|教育体育局|教体局|教育和科学技术局|教育科学技术局|教育科技局|教育和科技局|"
                           r"教科局|教育局|教育系统|教体系统|教科系统)$")
# a division's name followed by one of these is part of a road's or street's name
ROAD_AFTER = re.compile(r"(?:路|街(?!道)|巷|大道|大街|胡同|弄)")
# a division's short name followed by one of these is part of a mountain's, river's or
# lake's name (长白山 is no 长白县)
GEO_AFTER = re.compile(r"(?:山|湖|河|江|岛|峰|岭|湾|海)")
# the first characters of a section: its lead, where a report says where it is set
LEAD = 200
LEAD_WEIGHT = 2
# a place the gazetteer may not know whose name says it lies inside one county
VILLAGE = re.compile(r"(?:村|社区|小组|组|屯|寨|街道|镇|乡)$")
LEVEL_CHARS = {"省": ("province",), "市": ("city", "county"), "县": ("county",), "区": ("county",),
               "州": ("city",), "盟": ("city",), "旗": ("county",), "镇": ("town",), "乡": ("town",)}


@functools.lru_cache(maxsize=None)
def _public_people() -> frozenset[str]:
    return frozenset(rules.items("persons_public.txt"))


def segment(name: str) -> list[tuple[int, int]]:
    """The places a name starts with, longest first at each step: 东阿县刘集镇中心小学 ->
    [(0, 3), (3, 6)]."""
    gaz = gazetteer.get()
    out, k = [], 0
    while k < len(name):
        best = next((m for m in range(len(name), k + 1, -1) if gaz.lookup(name[k:m])), None)
        if best is None:
            break
        out.append((k, best))
        k = best
    return out


class Resolver:
    """Resolves division names within one section, using what the section says."""

    def __init__(self, hint: str, names: list[str]):
        self.gaz = gazetteer.get()
        self.hint_codes: set[str] = set()
        for a, b in segment(hint) or []:
            self.hint_codes |= {d.code for d in self.gaz.lookup(hint[a:b])}
        # unambiguous divisions the section names anywhere give context to the others
        self.known: list[str] = []
        self.named: frozenset[str] = frozenset()
        for n in names:
            divs = self.gaz.lookup(n)
            if len(divs) == 1:
                self.known.append(divs[0].code)

    def resolve(self, name: str, parent: Division | None = None) -> Division | None:
        divs = self.gaz.lookup(name)
        if parent is not None:
            inside = [d for d in divs if parent.code in self.gaz.ancestors(d.code)]
            if inside:
                divs = inside
        if len(divs) <= 1:
            return divs[0] if divs else None
        scored = []
        for d in divs:
            anc = self.gaz.ancestors(d.code) | {d.code}
            score = 3 * sum(1 for h in self.hint_codes if h in anc or d.code in self.gaz.ancestors(h))
            score += sum(1 for k in self.known if k in anc or d.code in self.gaz.ancestors(k))
            scored.append((score, d))
        scored.sort(key=lambda x: -x[0])
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        # a former name or a short name may still point to one province/city: keep that level
        return None

    def chain(self, text: str) -> list[Division]:
        """The divisions a chain of names spells out, each resolved inside the previous.
        A name followed by a road word is a road (桃园路小学: 桃园路, not 桃园市), and a name
        with no division of that name inside the one before ends the chain (鹿城建华中学:
        建华 is no division of 鹿城区, so not 齐齐哈尔's 建华区)."""
        out: list[Division] = []
        for a, b in segment(text):
            if ROAD_AFTER.match(text, b):
                break
            if GEO_AFTER.match(text, b) and not any(d.name == text[a:b] for d in self.gaz.lookup(text[a:b])):
                break         # 长白山: a short name running into a mountain's or river's name
            if out and not any(out[-1].code in self.gaz.ancestors(d.code) for d in self.gaz.lookup(text[a:b])):
                break
            d = self.resolve(text[a:b], out[-1] if out else None)
            if d is None:
                break
            out.append(d)
        return out


def context_place(weights: dict[str, float], named: dict[str, float] | None = None) -> list[str]:
    """The dominant path of divisions (province -> city -> county ...) a section is about:
    at each level the child that carries at least half of the weight below. ``named`` is
    the weight of places named as places (not inside organisations' names)."""
    gaz = gazetteer.get()
    total: dict[str, float] = defaultdict(float)
    for code, w in weights.items():
        for c in [code] + list(gaz.ancestors(code)):
            total[c] += w
    path, node = [], ""
    while True:
        kids = [c for c in total if gaz.divisions.get(c) and gaz.divisions[c].parent == node]
        if not kids:
            break
        kids.sort(key=lambda c: (-total[c], c))
        best = kids[0]
        level = gaz.divisions[best].level
        # the division itself named as a place counts against going finer on one weak
        # mention (济南市 in the lead and 章丘 once further down: the report is set in 济南市)
        own = (named or {}).get(node, 0.0) if total[best] < 2 else 0.0
        share = total[best] / (sum(total[c] for c in kids) + own)
        if share < 0.5 or own and share <= 0.5 or (level == "town" and total[best] < 2):
            break
        path.append(best)
        node = best
    return path


def _level_division(path: list[str], ch: str) -> str:
    """The context division a bare level word refers to: 市 in a county-level city is that
    city; 市 in a county's report is the county's prefecture city."""
    gaz = gazetteer.get()
    for code in reversed(path):
        d = gaz.divisions[code]
        if ch in ("市", "州", "盟") and d.level in ("city", "county") and d.name.endswith(ch):
            return code
        if ch in ("县", "旗") and d.level == "county" and d.name.endswith(("县", "旗")):
            return code
        if ch == "区" and d.level == "county" and (d.name.endswith("区") or gaz.divisions[code].alias.endswith("区")):
            return code
        if ch == "省" and d.level == "province":
            return code
        if ch in ("镇", "乡") and d.level == "town":
            return code
    return ""


def org_core(text: str, prefix_len: int) -> str:
    """An organisation's name without its place prefix, with one spelling per bureau."""
    core = text[prefix_len:]
    core = re.sub(r"^(省|市|县|区|州|旗|盟|镇|乡)(?=.)", "", core) if prefix_len == 0 else core
    return BUREAU_FAMILY.sub("教育局", core)


class PlaceResolver:
    def __call__(self, doc: Doc) -> Doc:
        gaz = gazetteer.get()
        ctx = doc._.context or {}
        ms = found(doc)
        text = text_of(doc)
        names = [text[m.start + a:m.start + b] for m in ms if m.label in ("PLACE", "ORG")
                 for a, b in segment(m.text)]
        hint = ctx.get("place_hint", "") or ""
        res = Resolver(hint + " " + ctx.get("title", ""), names + [n for n in _hint_names(hint)])
        entities: dict[str, dict] = {}
        relations: list[Relation] = []
        weights: dict[str, float] = defaultdict(float)
        named: dict[str, float] = defaultdict(float)     # the part of it from PLACE mentions
        for a, b in segment(hint):
            d = res.resolve(hint[a:b])
            if d:
                weights[d.code] += 5

        # places first: they are the context for everything else
        place_divs: dict[int, list[Division]] = {}
        for m in ms:
            if m.label in ("PLACE", "ORG"):
                chain = res.chain(m.text)
                place_divs[id(m)] = chain
                if chain:   # the lead (where news reports say where they are) counts double
                    w = (1 if m.label == "PLACE" else 0.5) * (LEAD_WEIGHT if m.start < LEAD else 1)
                    weights[chain[-1].code] += w
                    if m.label == "PLACE":
                        named[chain[-1].code] += w
        src = ctx.get("source", "")
        for d in res.chain(src):
            weights[d.code] += 1
        path = context_place(weights, named)
        # the divisions the section names (read by org_key: 洛阳镇 keeps 洛阳高级中学 at home)
        res.named = frozenset(res.known) | {d.code for ch in place_divs.values() for d in ch}
        doc._.place_context = {"path": path, "names": [gaz.divisions[c].name for c in path]}

        for m in ms:
            chain = place_divs.get(id(m), [])
            if m.label == "PLACE":
                self._place(doc, m, chain, entities, relations)
            elif m.label == "ORG":
                self._org(doc, m, chain, path, entities, relations, res)
            elif m.label == "PERSON":
                # one node per person named in this section; linking joins the sections'
                # nodes of one person on evidence (pipeline/link.py). Public figures are
                # one person wherever they are named.
                scope = "" if m.text in _public_people() else (doc._.doc_id or "")
                m.key = f"person:{scope}:{m.text}"
                m.norm = m.text
                # a byline's, an editor's or a credited staff member's name: the outlet is
                # what ties it across reports (unstated: the role, 记者 or 编辑)
                role = _staff_role(text, m, ctx)
                outlet = ctx.get("source") or ""
                outlet = role if not outlet or outlet in org_names.OWN_OUTLET else outlet
                _entity(entities, m.key, "PERSON", m.text, m.text, {"outlet": outlet} if role else {})
        _unify_orgs(ms, entities, relations)
        # short forms take the key of their full name (锦小 -> 锦官新城小学)
        by_text = {}
        for m in ms:
            if m.label == "ORG" and not m.attrs.get("short_of"):
                by_text.setdefault(m.text, m)
        short_keys = {}
        for m in ms:
            full = by_text.get(m.attrs.get("short_of", ""))
            if m.label == "ORG" and full is not None and not org_names.full_name(m.text):
                # (a known short name stands for its known body: 北大 is 北京大学)
                if m.key in entities and m.key != full.key:
                    entities[full.key]["aliases"] |= entities.pop(m.key)["aliases"]
                short_keys[m.key] = full.key
                m.key, m.norm = full.key, full.norm
                entities[full.key]["aliases"].add(m.text)
        for m in ms:
            if m.attrs.get("parent_key") in short_keys:
                m.attrs["parent_key"] = short_keys[m.attrs["parent_key"]]
            if m.attrs.get("parent_text") in by_text:
                m.attrs["parent_key"] = by_text[m.attrs["parent_text"]].key
        for r in relations:
            r.source = short_keys.get(r.source, r.source)
        counts = Counter(m.text for m in ms if m.label in ("ORG", "PERSON", "PLACE"))
        for k, v in entities.items():
            names = [a for a in v["aliases"] if not re.search(r"(教育系统|教体系统|教科系统)$", a)] or sorted(v["aliases"])
            if names and v["label"] == "ORG":
                v["name"] = max(names, key=lambda a: (len(a), counts[a], a))  # the fullest spelling
            elif names and v["label"] == "PERSON":
                v["name"] = max(names, key=lambda a: (counts[a], len(a), a))
        doc._.entities = {k: {**v, "aliases": sorted(v["aliases"])} for k, v in entities.items()}
        doc._.relations = (doc._.relations or []) + relations
        return doc

    def _place(self, doc, m: Mention, chain: list[Division], entities, relations):
        gaz = gazetteer.get()
        if m.attrs.get("level"):  # a mountain, river or region from rules/places_extra.tsv
            m.key, m.norm = f"place:geo/{m.text}", m.text
            _entity(entities, m.key, "PLACE", m.text, m.text, {"level": m.attrs["level"]})
            return
        covered = segment(m.text)
        end = covered[len(chain) - 1][1] if chain else 0
        rest = m.text[end:]
        if chain and not rest:  # a division, or a chain of them
            d = chain[-1]
            m.key, m.norm = d.key, gaz.full_name(d.code)
            self._division(doc, m, d, entities, relations)
            return
        # a village, community, station or airport inside a division; or unresolved
        parent = chain[-1] if chain and len(chain) == len(covered) else None
        level = "station" if re.search(r"(站|机场)$", m.text) else \
            "village" if re.search(r"(村|社区|城区|街道|镇|乡)$", m.text) else "place"
        if parent is None:
            m.key, m.norm = f"place:?/{m.text}", m.text
            _entity(entities, m.key, "PLACE", m.text, m.text, {"level": level if level != "place" else ""})
            home = _village_home(m.text, (doc._.place_context or {}).get("path", []))
            if home:   # 紫甸村 in a report set in one county: a village of that county
                s, e = sentence_of(doc, m.start)
                self._division(doc, m, gaz.divisions[home], entities, relations, mentioned=False)
                entities[m.key]["attrs"].setdefault("parent_id", gaz.divisions[home].key)
                relations.append(Relation("LOCATED_IN", m.key, gaz.divisions[home].key, s, e,
                                          {"basis": "report context", "confidence": "inferred"}))
            return
        m.key = f"place:{parent.code}/{rest}"
        m.norm = gaz.full_name(parent.code) + rest
        self._division(doc, m, parent, entities, relations, mentioned=False)
        _entity(entities, m.key, "PLACE", m.text, m.norm, {"level": level, "parent_id": parent.key})
        s, e = sentence_of(doc, m.start)
        relations.append(Relation("LOCATED_IN", m.key, parent.key, s, e, {"basis": "administrative division", "confidence": "stated"}))

    def _division(self, doc, m: Mention, d: Division, entities, relations, mentioned: bool = True):
        """The division and its ancestors as entities, linked upwards, evidenced by the
        sentence that names it."""
        gaz = gazetteer.get()
        s, e = sentence_of(doc, m.start)
        chain = gaz.chain(d.code)
        for i, x in enumerate(chain):
            attrs = {"adcode": x.code if x.level not in ("town",) and not x.code.startswith("world/") else "",
                     "level": x.level}
            if i > 0:
                attrs["parent_id"] = chain[i - 1].key
            _entity(entities, x.key, "PLACE", m.text if (x.code == d.code and mentioned) else None, x.name, attrs)
            if i > 0 and x.level != "country":
                relations.append(Relation("LOCATED_IN", x.key, chain[i - 1].key, s, e,
                                          {"basis": "administrative division", "confidence": "stated"}))

    def _org(self, doc, m: Mention, chain: list[Division], path: list[str], entities, relations, res):
        gaz = gazetteer.get()
        if chain and path and not _fits_setting(m.text, chain, path, res.named):
            chain = []
        m.key, anchor, basis = org_key(m.text, m.attrs, chain, path, doc._.doc_id or "", res.named)
        attrs = {"kind": m.attrs.get("kind") or "other"}
        if anchor and "/" not in anchor:
            attrs["adcode"] = anchor
        _entity(entities, m.key, "ORG", m.text, m.text, attrs)
        m.norm = max(entities[m.key]["aliases"], key=lambda a: (len(a), a))
        unit = m.attrs.get("unit_of")
        if unit:
            inner = text_of(doc)[unit[0]:unit[1]]
            inner_attrs = {"kind": m.attrs.get("unit_of_kind") or "other"}
            m.attrs["parent_key"] = org_key(inner, inner_attrs, res.chain(inner), path, doc._.doc_id or "")[0]
            m.attrs["parent_text"] = inner
            m.attrs["unit_word"] = m.text[len(inner):]
        if anchor and anchor in gaz.divisions:
            d = gaz.divisions[anchor]
            s, e = sentence_of(doc, m.start)
            self._division(doc, m, d, entities, relations, mentioned=False)
            relations.append(Relation("LOCATED_IN", m.key, d.key, s, e,
                                      {"basis": basis, "confidence": "inferred" if "context" in basis else "stated"}))


def org_key(text: str, attrs: dict, chain: list[Division], path: list[str],
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
    known = org_names.full_name(text) or org_names.known_prefix(text)
    if known:   # a body known by its full name (北大 -> 北京大学; 中山大学 is in 广州)
        core, anchor = known
        return f"org:{anchor}:{core}", anchor, ("seat of a known body" if anchor else "")
    if canonical:  # a national body or outlet known by name
        return f"org::{canonical}", "", ""
    if org_names.is_national(text):   # 国家体育总局, 教育部考试中心, 中国教育在线
        return f"org::{org_names.national().get(text.removeprefix('中华人民共和国'), text)}", "", ""
    as_written = kind in org_names.AS_WRITTEN_KINDS or attrs.get("unit_of_kind") in org_names.AS_WRITTEN_KINDS \
        or bool(org_names.AS_WRITTEN_WORDS.search(text))
    # a place's own body; a party branch of a school is its school's, not its place's
    owned = kind in org_names.OWNED_KINDS and not as_written and \
        attrs.get("unit_of_kind") in (None, *org_names.OWNED_KINDS)
    chain, prefix_len = _name_chain(text, chain, as_written, named)
    anchor, basis = "", ""
    if chain and chain[0].code.startswith("world/"):   # 新加坡国立大学
        anchor = "" if chain[-1].code == "world/中国" else chain[-1].code
        return f"org:{anchor}:{text}", anchor, ("name" if anchor else "")
    if chain:
        anchor, basis = chain[-1].code, "name"
        core = org_names.expand_short(_drop_level(org_core(text, prefix_len), chain[-1]))
        # a unit named onto a university (湖北大学附属中学) keeps the university's name
        as_written = as_written or org_names.head_kind(core) in org_names.AS_WRITTEN_KINDS
        # a school named with its city, in a report about one district of that city, is a
        # school of that district (锦官新城小学 of 成都市, in a report on 武侯区's schools)
        generic = owned or org_names.is_generic(core)
        if kind in LOCAL_KINDS and chain[-1].level == "city" and path and not generic and not as_written:
            inner = [c for c in path if gaz.divisions[c].parent == anchor]
            if inner and kind in ("school", "kindergarten"):
                anchor, basis = inner[0], "name and report context"
        if as_written:   # its name with its place's short name: 河北省邯郸学院 is 邯郸学院
            last = segment(text)[len(chain) - 1][1]
            core = (chain[-1].alias or chain[-1].name) + _drop_level(text[last:], chain[-1])
        elif generic:
            core = gaz.divisions[chain[-1].code].name + org_names.expand_short(core)
        return f"org:{anchor}:{core}", anchor, basis
    auto = AUTONOMOUS_LEAD.match(text)    # 自治区教育厅: the region's, as 省教育厅 is the province's
    core = org_names.expand_short(org_core(text[auto.end():] if auto else text, 0))
    lead = LEVEL_OF_AUTONOMOUS[auto.group(0)] if auto else text[:1]
    level_word = lead in LEVEL_CHARS and len(text) > 1 and text[1:2] not in ("民", "场")
    if level_word:
        anchor, basis = _level_division(path, lead), "level word and report context"
    elif path and kind in LOCAL_KINDS and not path[0].startswith("world/") and not as_written:
        anchor, basis = _local_anchor(path), "report context"
    generic = owned or org_names.is_generic(core)
    if not generic:
        return f"org:{anchor}:{text if as_written else core}", anchor, basis
    if anchor:
        return f"org:{anchor}:{gaz.divisions[anchor].name}{org_names.expand_short(core)}", anchor, basis
    if scope:   # 市教育局 in a report that does not say which city
        return f"org:?{scope}:{BUREAU_FAMILY.sub('教育局', text)}", "", ""
    return f"org::{text}", "", ""


def _name_chain(text: str, chain: list[Division], as_written: bool,
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
        divs = gaz.lookup(text[:covered[0][1]])
        if any(gaz.divisions[c].name.startswith(text[:covered[0][1]]) and c not in {d.code for d in divs}
               for c in named if c in gaz.divisions):
            return chain, prefix_len
        rank = {"country": 0, "province": 1, "city": 2, "county": 3}
        if as_written and len(divs) > 1:
            top = min(rank.get(d.level, 9) for d in divs)
            divs = [d for d in divs if rank.get(d.level, 9) == top]
        if len(divs) == 1 and (as_written or divs[0].level == "province" or (
                not divs[0].code.startswith("world/") and
                org_names.is_generic(_drop_level(text[covered[0][1]:], divs[0])))):
            if not chain or chain[0].code != divs[0].code:
                return divs, covered[0][1]
    return chain, prefix_len


# a report's own staff named in its text: （记者赵婀娜、张烁）, 版式设计：蔡华伟, 李明 摄
STAFF_BEFORE = re.compile(r"(本报记者|记者|通讯员|特约撰稿|版式设计|题图设计|制图|摄影|责编|责任编辑|编辑|主编|校对)"
                          r"\s*[：:]?\s*(?:[\u4e00-\u9fff·]{2,4}\s*[、，,]\s*){0,5}$")
STAFF_AFTER = re.compile(r"^\s*(?:摄|／摄|/摄|报道)")


def _staff_role(text: str, m: Mention, ctx: dict) -> str:
    """'记者' or '编辑' for a report's own staff: its byline's names, its editor, or a name the
    text credits (记者, 版式设计, 摄); else ''."""
    if m.text in (ctx.get("authors") or []):
        return "记者"
    if m.text in re.split(r"[\s、，,]+", ctx.get("editor") or ""):
        return "编辑"
    cue = STAFF_BEFORE.search(text, max(0, m.start - 30), m.start)
    if cue:
        return "记者" if cue.group(1) in ("本报记者", "记者", "通讯员", "特约撰稿", "摄影") else "编辑"
    if STAFF_AFTER.match(text[m.end:m.end + 4]):
        return "记者"
    return ""


AUTONOMOUS_LEAD = re.compile(r"^自治(区|州|县|旗)(?=.)")
LEVEL_OF_AUTONOMOUS = {"自治区": "省", "自治州": "州", "自治县": "县", "自治旗": "旗"}
# words that start with a level character and are no level word (北京 + 市场监管局)
NOT_LEVEL = ("市场", "市民", "市政", "区域", "县城", "州立", "省级", "市级", "县级", "区级")


def _drop_level(core: str, d: Division) -> str:
    """The level word left after a division's short name (镇沅 + 县第一中学) taken off."""
    if len(core) > 1 and core[0] in LEVEL_CHARS and d.name.endswith(core[0]) and not core.startswith(NOT_LEVEL):
        return core[1:]
    return core


# organisations that belong to the place a report is about; universities, companies and
# media without a place in their name are one organisation wherever they are named
LOCAL_KINDS = {"school", "kindergarten", "bureau", "government", "party", "team", "unit", "hospital", "other"}


def _unify_orgs(ms: list[Mention], entities: dict, relations: list) -> None:
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
                for m in ms:
                    if m.key == old:
                        m.key = new
                if old in entities and new in entities:
                    entities[new]["aliases"] |= entities.pop(old)["aliases"]
                for r in relations:
                    if r.source == old:
                        r.source = new


def _fits_setting(text: str, chain: list[Division], path: list[str], named=frozenset()) -> bool:
    """A short place name inside an organisation's name (桃园 in 桃园小学) is taken only when
    it agrees with the report's own setting: the same province, or written in full.
    ``named`` holds the divisions the section names: a town of the same short name there
    (洛阳镇 in 常州) wins over a province's or city's short name (洛阳市)."""
    first = chain[0]
    if text.startswith(first.name) and first.name != first.alias:
        return True       # written in full (桃园市...), whatever the setting
    gaz = gazetteer.get()
    homonym = any(c != first.code and c in gaz.divisions and gaz.divisions[c].name.startswith(first.alias)
                  for c in named)
    if first.level in ("province", "city") and len(first.alias) >= 2 and not first.code.startswith("71") \
            and text.startswith(first.alias) and not homonym:
        return True       # 上海复兴高级中学, 北京清华附中: a province's or a city's own short name
    return first.code[:2] == path[0][:2]


def _village_home(name: str, path: list[str]) -> str:
    """The county a village, community or small unit the gazetteer does not know belongs
    to: the report's own county, when its setting reaches one (no guess above that)."""
    if not path or not VILLAGE.search(name) or re.search(r"(省|市|县|区|州|旗|盟)", name[:-1]):
        return ""
    gaz = gazetteer.get()
    for code in reversed(path):
        if gaz.divisions[code].level == "county":
            return code
    return ""


def _local_anchor(path: list[str]) -> str:
    """The most specific county-level (or town) division of the context."""
    gaz = gazetteer.get()
    for code in reversed(path):
        if gaz.divisions[code].level in ("county", "town", "city"):
            return code
    return path[-1]


def _hint_names(hint: str) -> list[str]:
    return [hint[a:b] for a, b in segment(hint)]


def _entity(entities: dict, key: str, label: str, alias: str | None, name: str, attrs: dict) -> None:
    rec = entities.setdefault(key, {"label": label, "name": name, "aliases": set(), "attrs": {}})
    if alias:
        rec["aliases"].add(alias)
    for k, v in attrs.items():
        if v not in ("", None):
            rec["attrs"].setdefault(k, v)


@Language.factory("edu_places")
def make_place_resolver(nlp: Language, name: str):
    return PlaceResolver()
