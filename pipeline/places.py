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

from . import gazetteer, placeurl, rules
from .placeorgs import (mission_in_china, unit_of_one_university, named_abroad, short_kind, colleges_of_one_university, county_just_before, geo_home, name_holds, outlet_province, seat_place, geo_levels, geo_names, geo_province, known_seat, named_town_of, party_unit_of_one, same_org_in_full,
                        keyed_at, level_after_listed, level_in_sentence, placed_before, site_body,
                        local_end, same_place_in_full, unify_orgs, village_home, with_setting, zone_end, zone_home)
from . import names as org_names
from .gazetteer import Division
# BUREAU_FAMILY, ROAD_AFTER, GEO_AFTER and segment are read from here by duplicates.py and linkeval.py
from .orgkeys import (BUREAU_FAMILY, GEO_AFTER, PARTY_LEAD, ROAD_AFTER, bare_zone, branch_division, campus_division,  # noqa: F401
                      fits_setting, home_town, org_key, segment, town_after, town_by_short_name, zone_anchor)
from .doc import Mention, Relation, found, sentence_of, text_of

# the first characters of a section: its lead, where a report says where it is set
LEAD = 200
LEAD_WEIGHT = 2
# an outlet's name (兰州晚报) says where the outlet is more than where its report is set
OUTLET_FACTOR = 0.0
# the weight of the division a report's web address names (pipeline/placeurl.py)
URL_WEIGHT = 2
# a place the gazetteer may not know whose name says it lies inside one county
# the urban area of a city or county (大悟城区, 大悟县城)
URBAN_AREA = ("城区", "县城", "主城区", "老城区", "市区", "城")
# a school of a company, factory, university or hospital (its name holds its owner's)
UNIT_SCHOOL = re.compile(r"(公司|厂|大学|学院|医院|研究院|研究所)")
# a school's short name by its number (吉安二中, 屏边六中, 城关三小)
NUMBERED_SCHOOL = re.compile(r"[一二三四五六七八九十]{1,3}[中小]$")
VILLAGE = re.compile(r"(?:村|社区|小组|组|屯|寨|街道|镇|乡)$")


@functools.lru_cache(maxsize=None)
def _public_people() -> frozenset[str]:
    return frozenset(rules.items("persons_public.txt"))


class Resolver:
    """Resolves division names within one section, using what the section says."""

    def __init__(self, hint: str, names: list[str], seats: tuple[str, ...] = ()):
        self.gaz = gazetteer.get()
        self.hint_codes: set[str] = set()
        for a, b in segment(hint) or []:
            self.hint_codes |= {d.code for d in self.gaz.lookup(hint[a:b])}
        # unambiguous divisions the section names anywhere give context to the others
        self.known: list[str] = []
        self.named: frozenset[str] = frozenset()
        self.full: frozenset[str] = frozenset()     # cities and counties written in full
        self.geo = geo_names(names)    # 太湖 the lake, not 太湖县, in a report naming nothing of 安徽
        for n in names:
            if n in self.geo:
                continue
            divs = self.gaz.lookup(n)
            if len(divs) == 1:
                self.known.append(divs[0].code)
        # the seats of the known bodies the section names (同济大学: 上海市) settle a name of
        # several divisions as the places the section names do (普陀区: 上海's, not 舟山's);
        # they are no place the section names (not in ``named``)
        self.seats: list[str] = [c for c in seats if c in self.gaz.divisions]
        self.by_seat: set[str] = set()
        self.site: tuple[str, ...] = ()     # the divisions the report's government site names
        self.before: dict[str, str] = {}    # organisations placed by 的 after a place (placed_before)
        self.listed: dict[int, str] = {}    # level-word bodies listed after a placed one (level_after_listed)
        self.in_sentence: dict[int, str] = {}   # level-word bodies after a division in their sentence (level_in_sentence)

    def resolve(self, name: str, parent: Division | None = None) -> Division | None:
        divs = self.gaz.lookup(name)
        if parent is not None:
            inside = [d for d in divs if parent.code in self.gaz.ancestors(d.code)]
            if inside:
                divs = inside
            elif (other := self._renamed(name, parent)) is not None:
                return other
        if len(divs) <= 1:
            return divs[0] if divs else None
        got = self.pick(divs, self.known, name=name)
        if got is None and self.seats:
            got = self.pick(divs, self.known + self.seats, outer=False)
            if got is not None:      # settled by a known body's seat only: no weight in the setting
                self.by_seat.add(got.code)
        return got or self._renamed(name, parent)

    def _renamed(self, name: str, parent: Division | None) -> Division | None:
        """济南市西营镇, 西营街道 since: the one town of the name's other form (gazetteer
        ``renamed``) inside ``parent``, or, with none, the one the section's hint and
        known divisions point to; None when no town of the name's own form is there to
        lose, or none or several of the other form fit."""
        alt = self.gaz.renamed(name)
        if parent is not None:
            alt = [d for d in alt if parent.code in self.gaz.ancestors(d.code)]
            return alt[0] if len(alt) == 1 else None
        return self.pick(alt, self.known, outer=False) if alt else None

    def pick(self, divs: list[Division], known: list[str], outer: bool = True, name: str = "") -> Division | None:
        """The one of several divisions of a name the section's hint and ``known`` codes point to."""
        scored = []
        for d in divs:
            anc = self.gaz.ancestors(d.code) | {d.code}
            score = 3 * sum(1 for h in self.hint_codes if h in anc or d.code in self.gaz.ancestors(h))
            score += sum(1 for k in known if k in anc or d.code in self.gaz.ancestors(k))
            scored.append((score, d))
        scored.sort(key=lambda x: -x[0])
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        if not outer:
            return None
        # a short name of a city and of a county inside it (长沙: 长沙市, 长沙县) is the city,
        # which holds both
        top = [d for d in divs if all(o.code == d.code or d.code in self.gaz.ancestors(o.code) for o in divs)]
        if len(top) == 1 and scored[0][0] == scored[-1][0]:
            return top[0]
        # a mainland city's short name, a district's elsewhere (西安: 西安市; 辽源's 西安区 is written with 区)
        city = [d for d in divs if d.name == name + "市" and d.level == "city" and not d.code.startswith("71")]
        if len(city) == 1 and scored[0][0] == scored[-1][0] and all(d.name != name for d in divs):
            return city[0]
        # a former name or a short name may still point to one province/city: keep that level
        return None

    def chain(self, text: str) -> list[Division]:
        """The divisions a chain of names spells out, each resolved inside the previous.
        A name followed by a road word is a road (桃园路小学: 桃园路, not 桃园市), unless the
        word starts a division inside it (盈江县弄璋镇: 弄璋镇, no lane 弄); and a name
        with no division of that name inside the one before ends the chain (鹿城建华中学:
        建华 is no division of 鹿城区, so not 齐齐哈尔's 建华区)."""
        out: list[Division] = []
        segs = segment(text)
        if segs and segs[0][0] == 0 and text[:segs[0][1]] in self.geo:
            return out        # 太湖, 太湖流域: the lake's
        if len(segs) > 1 and text[:segs[0][1]] in ("中国", "中华人民共和国"):
            segs = segs[1:]   # 中国北京: 北京, a division of China
        if segs and segs[0][0] == 0 and bare_zone(text) and len(bare_zone(text)) >= segs[0][1]:
            return out        # 高新区 alone: the zone of the report's city (zone_anchor), not of one the table holds
        for i, (a, b) in enumerate(segs):
            # a division written on into one of its own (山西河曲县, 盈江县弄璋镇): no road, no river
            inner = i + 1 < len(segs) and segs[i + 1][0] == b and name_holds(text[a:b], text[b:segs[i + 1][1]])
            if ROAD_AFTER.match(text, b) and not inner:
                break
            if GEO_AFTER.match(text, b) and not inner and not any(d.name == text[a:b] for d in self.gaz.lookup(text[a:b])):
                break         # 长白山: a short name running into a mountain's or river's name
            if out and not any(out[-1].code in self.gaz.ancestors(d.code) for d in self.gaz.lookup(text[a:b])) \
                    and not any(out[-1].code in self.gaz.ancestors(d.code) for d in self.gaz.renamed(text[a:b])):
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
        if w <= 0:
            continue
        for c in [code] + list(gaz.ancestors(code)):
            total[c] += w
    path, node = [], ""
    while True:
        kids = [c for c in total if gaz.divisions.get(c) and gaz.divisions[c].parent == node]
        abroad = [c for c in kids if c.startswith("world/") and c != "world/中国"]
        if not node and sum(total[c] for c in abroad) < sum(total[c] for c in kids if c not in abroad):
            kids = [c for c in kids if c not in abroad]    # 越南 named in a report on a school at its border
        if not kids:
            break
        kids.sort(key=lambda c: (-total[c], c))
        best = kids[0]
        level = gaz.divisions[best].level
        # the division itself named as a place counts against going finer on one weak
        # mention (济南市 in the lead and 章丘 once further down: the report is set in 济南市)
        own = (named or {}).get(node, 0.0) if total[best] < 2 else 0.0
        share = total[best] / (sum(total[c] for c in kids) + own)
        tie = len(kids) > 1 and total[kids[1]] == total[best]    # no side taken by code order
        if share < 0.5 or own and share <= 0.5 or tie or (level == "town" and total[best] < 2):
            break
        path.append(best)
        node = best
    return path


# the party's own name: named in any report on a party branch, it sets no report in China
PARTY_NAMES = frozenset({"中国共产党", "中共"})


class PlaceResolver:
    def __call__(self, doc: Doc) -> Doc:
        gaz = gazetteer.get()
        ctx = doc._.context or {}
        ms = found(doc)
        text = text_of(doc)
        names = [text[m.start + a:m.start + b] for m in ms if m.label in ("PLACE", "ORG")
                 for a, b in segment(m.text)]
        hint = ctx.get("place_hint", "") or ""
        res = Resolver(hint + " " + ctx.get("title", ""), names + [n for n in _hint_names(hint)],
                       tuple(known_seat(m.text) for m in ms if m.label == "ORG" and known_seat(m.text)))
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
        short: list[tuple[Mention, float]] = []    # a county written by its short name alone
        for m in ms:
            if m.label in ("PLACE", "ORG"):
                chain = res.chain(m.text)
                place_divs[id(m)] = chain
                if chain:   # the lead (where news reports say where they are) counts double
                    w = (1 if m.label == "PLACE" else 0.5) * (LEAD_WEIGHT if m.start < LEAD else 1)
                    if m.label == "ORG" and _outlet(m):
                        w *= OUTLET_FACTOR   # 兰州晚报 reports on 靖远县 too: where it is, not where the report is set
                    if _short_county(m.text, chain):
                        short.append((m, w))
                        continue
                    if m.label == "PLACE":    # 齐齐哈尔市扎龙: the town 扎龙镇 sets the report
                        chain = chain + [t for t in [town_after(m.text, chain)] if t is not None]
                    if any(d.code in res.by_seat for d in chain) or m.text in PARTY_NAMES:
                        w = 0      # 普陀区 settled by 同济大学's seat: placed, but sets no county;
                                   # the party's name (中国共产党) says nothing of where a report is
                    if w > 0:
                        weights[chain[-1].code] += w
                    if m.label == "PLACE":
                        named[chain[-1].code] += w
        src = ctx.get("source", "")
        for d in res.chain(src):
            if d.level != "country":     # 中国教育新闻网, 中国青年报: a national outlet sets no place
                weights[d.code] += 1
        # a county's short name that is also a town of the county the rest of the report is
        # set in (东海 in a 丰泽区 report: 东海街道, not 连云港's 东海县) is that town
        first = context_place(weights, named) if short else []
        for m, w in short:
            chain = place_divs[id(m)]
            town = home_town(chain[0].alias, first) if chain[0].code not in first else None
            if town is not None:
                place_divs[id(m)] = [town] if m.label == "PLACE" else []
                chain = [town]
            if w > 0:
                weights[chain[-1].code] += w
            if m.label == "PLACE":
                named[chain[-1].code] += w
        path = context_place(weights, named)
        # the division the report's web address names (www.qingtian.gov.cn: 青田县) sets a
        # report whose text settles no setting (no place, or a tie), and narrows one the text
        # sets coarser (大连市 in the text of a 金普新区 site); it never overrides the text
        url_codes = placeurl.url_divisions(ctx.get("url") or "", set(weights) | set(res.known))
        res.site = tuple(url_codes)   # the government's own site: its 省教育厅 is its own
        url_codes = [c for c in url_codes if not path or path[-1] in gaz.ancestors(c)]
        for code in url_codes:
            weights[code] += URL_WEIGHT
        if url_codes:
            path = context_place(weights, named)
        # the divisions the section names (read by org_key: 洛阳镇 keeps 洛阳高级中学 at home)
        res.named = frozenset(res.known) | {d.code for ch in place_divs.values() for d in ch}
        res.full = _written_in_full(ms, place_divs)
        doc._.place_context = {"path": path, "names": [gaz.divisions[c].name for c in path]}

        res.before = placed_before(text, ms, place_divs)
        res.listed = level_after_listed(text, ms, place_divs)
        res.in_sentence = level_in_sentence(text, ms, place_divs, lambda pos: sentence_of(doc, pos)[0])
        bases: dict[int, str] = {}     # how each organisation was placed (its LOCATED_IN basis)
        for m in ms:
            chain = place_divs.get(id(m), [])
            if m.label == "PLACE":
                self._place(doc, m, chain, entities, relations, res.named, ms)
            elif m.label == "ORG":
                bases[id(m)] = self._org(doc, m, chain, path, entities, relations, res)
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
        same_place_in_full(ms, entities, relations)
        same_org_in_full(ms, bases, entities, relations)
        party_unit_of_one(ms, entities, relations)
        colleges_of_one_university(ms, entities, relations, doc._.doc_id or "")
        unit_of_one_university(ms, entities, relations)
        unify_orgs(ms, entities, relations)
        # short forms take the key of their full name (锦小 -> 锦官新城小学)
        by_text = {}
        for m in ms:
            if m.label == "ORG" and not m.attrs.get("short_of"):
                by_text.setdefault(m.text, m)
        short_keys, short_norms = {}, {}
        for m in ms:
            full = by_text.get(m.attrs.get("short_of", ""))
            if m.label == "ORG" and full is not None and not org_names.full_name(m.text):
                # (a known short name stands for its known body: 北大 is 北京大学)
                if m.key in entities and m.key != full.key:
                    entities[full.key]["aliases"] |= entities.pop(m.key)["aliases"]
                short_keys[m.key], short_norms[m.key] = full.key, full.norm
                m.key, m.norm = full.key, full.norm
                entities[full.key]["aliases"].add(m.text)
        for m in ms:
            if m.label == "ORG" and m.key in short_keys:   # keyed as a short form was (药学院, unit_of_one_university)
                m.key, m.norm = short_keys[m.key], short_norms[m.key]
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

    def _place(self, doc, m: Mention, chain: list[Division], entities, relations, named=frozenset(), ms=()):
        gaz = gazetteer.get()
        path = (doc._.place_context or {}).get("path", [])
        if len(chain) == 1 and chain[0].level == "town" and path and path[0][:2] != chain[0].code[:2] \
                and not path[0].startswith("world/"):
            chain = []    # 永红乡 alone in a 虎林 report: not the table's only 永红乡, in 四川
        zone = zone_anchor(path, m.text) if not chain and bare_zone(m.text) == m.text else ""
        if zone and gaz.divisions[zone].level == "county":     # 高新区 in a 济宁 report: 济宁高新技术产业开发区
            m.key, m.norm = gaz.divisions[zone].key, gaz.full_name(zone)
            self._division(doc, m, gaz.divisions[zone], entities, relations)
            return
        if zone:     # 高新区 in a 绵阳 report: a zone of 绵阳市 the table does not hold
            m.key, m.norm = f"place:{zone}/{m.text}", gaz.full_name(zone) + m.text
            self._division(doc, m, gaz.divisions[zone], entities, relations, mentioned=False)
            _entity(entities, m.key, "PLACE", m.text, m.norm, {"level": "place", "parent_id": gaz.divisions[zone].key})
            s, e = sentence_of(doc, m.start)
            relations.append(Relation("LOCATED_IN", m.key, gaz.divisions[zone].key, s, e,
                                      {"basis": "report context", "confidence": "inferred"}))
            return
        town = town_by_short_name(m.text, named) if not chain else None
        if town is not None:   # 容桂 in a report naming 容桂街道: that street
            m.key, m.norm = town.key, gaz.full_name(town.code)
            self._division(doc, m, town, entities, relations)
            return
        level = m.attrs.get("level") or ("" if chain else geo_levels().get(m.text, ""))
        if level:  # a mountain, river or region from rules/places_extra.tsv
            m.key, m.norm = f"place:geo/{m.text}", m.text
            _entity(entities, m.key, "PLACE", m.text, m.text, {"level": level})
            home = geo_province().get(m.text, "")
            if home in gaz.divisions:    # 南疆, 泰山: inside one province
                s, e = sentence_of(doc, m.start)
                self._division(doc, m, gaz.divisions[home], entities, relations, mentioned=False)
                entities[m.key]["attrs"].setdefault("parent_id", gaz.divisions[home].key)
                relations.append(Relation("LOCATED_IN", m.key, gaz.divisions[home].key, s, e,
                                          {"basis": "named place of one province", "confidence": "stated"}))
            return
        covered = segment(m.text)
        if chain and len(covered) > 1 and chain[0].code != "world/中国" and m.text[:covered[0][1]] in ("中国", "中华人民共和国"):
            covered = covered[1:]     # 中国北京: chain() skipped 中国
        end = covered[len(chain) - 1][1] if chain else 0
        rest = m.text[end:]
        town = town_after(m.text, chain)
        if town is not None:    # 齐齐哈尔市扎龙: 扎龙镇 of 铁锋区, inside 齐齐哈尔市
            chain, rest = chain + [town], ""
        if chain and not rest:  # a division, or a chain of them
            d = chain[-1]
            m.key, m.norm = d.key, gaz.full_name(d.code)
            self._division(doc, m, d, entities, relations)
            return
        # a village, community, station or airport inside a division; or unresolved
        parent = chain[-1] if chain and len(chain) == len(covered) else None
        if parent is None and chain and VILLAGE.search(rest) and chain[-1].level in ("county", "town") \
                and m.text[covered[len(chain) - 1][0]:end] == chain[-1].name:
            parent = chain[-1]   # 水城区红桥街道: a street the gazetteer lists under another county only
        if parent is None and chain and len(chain) < len(covered) and local_end().search(rest) \
                and not re.search(r"(省|市|县|旗|盟)", rest[:-1]):
            parent = chain[-1]   # 江西萍乡武功山, 湖南张家界天门山: a mountain written after its divisions (武功, 天门 no division of them)
        if parent is None and chain and rest in URBAN_AREA and chain[-1].level in ("city", "county"):
            parent = chain[-1]   # 大悟城区, 大悟县城: the urban area of 大悟县
        if parent is None and chain and zone_end().search(rest) and chain[-1].level in ("province", "city", "county"):
            parent = chain[-1]   # 成都经开区: a zone of 成都市 the table does not list
        level = "station" if re.search(r"(站|机场)$", m.text) else \
            "village" if re.search(r"(村|社区|城区|街道|镇|乡)$", m.text) else "place"
        if parent is None:
            m.key, m.norm = f"place:?/{m.text}", m.text
            _entity(entities, m.key, "PLACE", m.text, m.text, {"level": level if level != "place" else ""})
            home = village_home(m.text, path) or ("" if chain else zone_home(m.text, path))
            basis = "report context"
            if not home and not chain:    # 鱼塘社区 just after 水城区红桥街道 in a report on several counties
                home, basis = county_just_before(text_of(doc), m, ms), "the county named just before"
            if home:   # 紫甸村 in a report set in one county: a village of that county
                s, e = sentence_of(doc, m.start)
                self._division(doc, m, gaz.divisions[home], entities, relations, mentioned=False)
                entities[m.key]["attrs"].setdefault("parent_id", gaz.divisions[home].key)
                relations.append(Relation("LOCATED_IN", m.key, gaz.divisions[home].key, s, e,
                                          {"basis": basis, "confidence": "inferred"}))
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

    def _org(self, doc, m: Mention, chain: list[Division], path: list[str], entities, relations, res) -> str:
        """Keys and places an organisation; returns how it was placed ('' when it was not)."""
        gaz = gazetteer.get()
        lead = PARTY_LEAD.match(m.text)
        name = m.text[lead.end():] if lead and not chain else m.text
        chain = res.chain(name) if name != m.text else chain
        if chain and not fits_setting(name, chain, path, res.named, res.full):
            chain = []
        m.key, anchor, basis = org_key(name, m.attrs, chain, path, doc._.doc_id or "", res.named)
        listed = keyed_at(m, res.listed.get(id(m)), doc._.doc_id or "", res.named) if not chain and name == m.text else None
        if listed is not None:   # 贵州省委教育工委、省教育厅: 贵州's
            (m.key, anchor), basis = listed, "level word and the body listed before it"
        if name != m.text and lead.group(0) in ("共青团", "团") and not re.match(r"org:[^:]*:共青团", m.key):
            m.key = re.sub(r"^(org:[^:]*:)", r"\g<1>共青团", m.key)    # the League's committee, not the party's
            # (a key already the League's, the known 共青团中央 that 团中央 also names, stays as it is)
        inner = campus_division(m.text, anchor)
        if inner:     # 广东理工学院鼎湖校区: the campus is in 鼎湖区, inside its school's place
            anchor, basis = inner, "campus named by its division"
        elif basis == "report context" and (branch := branch_division(m.text, anchor)):
            anchor, basis = branch, "a county of the report's city in the branch's name"
        own = site_body(name, res.site) if name == m.text and (basis in ("", "report context") or
                                                                basis.startswith("level word")) else ""
        if own and own != anchor:    # 省教育厅 on jyt.henan.gov.cn: 河南省's, whatever else the text names
            site_path = [d.code for d in gaz.chain(own)]
            m.key, anchor, _ = org_key(name, m.attrs, chain, site_path, doc._.doc_id or "", res.named)
            basis = "level word and the report's government site"
        stated = keyed_at(m, res.before.get(name), doc._.doc_id or "", res.named) \
            if basis in ("", "report context") and not chain and name == m.text else None
        if stated is not None:    # 章丘黄河镇的大张小学 in a report set in 西营街道: 黄河镇's
            (m.key, anchor), basis = stated, "place written before it (X的Y)"
        near = keyed_at(m, res.in_sentence.get(id(m)), doc._.doc_id or "", res.named) \
            if not basis and not chain and name == m.text else None
        if near is not None:     # 临城县投资……建成了以县第二小学, in a report that sets no county: 临城县's
            (m.key, anchor), basis = near, "level word and its sentence's context"
        if basis in ("", "report context") and not chain:
            town = named_town_of(name, res.named)
            if town is not None:       # 洛阳高级中学 beside 洛阳镇: that town's school, not 洛阳市's
                anchor, basis = with_setting(town.code, path), "a town named in the report context"
        anchor, basis = seat_place(name, anchor, basis, chain, path)    # 江南大学 in a 无锡 report: 无锡市
        home = geo_home(name) if basis in ("", "report context") else ""
        if home and not (anchor in gaz.divisions and (anchor == home or home in gaz.ancestors(anchor))):
            anchor, basis = home, "named place of one province"   # 南疆职业技能培训实训基地 in a 浙江 report: 新疆's
        if anchor.startswith("world/") and mission_in_china(name) or basis == "report context" and named_abroad(name):
            anchor, basis = "", ""    # 西班牙驻华使馆 (not in Spain), 欧洲职业培训发展中心 in a 重庆 report (not 重庆's)
        kind = m.attrs.get("kind") or "other"
        if kind == "other":
            kind = short_kind(name) or kind       # 北京四中: a school, 中南民大: a university
        attrs = {"kind": kind}
        if anchor and "/" not in anchor:
            attrs["adcode"] = anchor
        _entity(entities, m.key, "ORG", m.text, m.text, attrs)
        m.norm = max(entities[m.key]["aliases"], key=lambda a: (len(a), a))
        unit = m.attrs.get("unit_of")
        if unit:
            inner = text_of(doc)[unit[0]:unit[1]]
            inner_attrs = {"kind": m.attrs.get("unit_of_kind") or "other"}
            if m.attrs.get("unit_of_canonical"):
                inner_attrs["canonical"] = m.attrs["unit_of_canonical"]
            m.attrs["parent_key"] = org_key(inner, inner_attrs, res.chain(inner), path, doc._.doc_id or "")[0]
            m.attrs["parent_text"] = inner
            m.attrs["unit_word"] = m.text[len(inner):]
        if not anchor and (m.attrs.get("kind") == "media" or re.search(r"(网|报|台|新闻|频道)$", m.text)):
            anchor, basis = outlet_province(m.text), "province in the outlet's name"
        # a school named with its city (吉安二中, 北京市同文中学) in a report set in one district
        # of that city is that district's; its key keeps the city (one node across reports).
        # Not a company's or a university's school (济南二机床集团有限公司幼儿园): the city's
        school = attrs["kind"] in ("school", "kindergarten") or bool(NUMBERED_SCHOOL.search(m.text))
        inner = _district_in_setting(anchor, path) if basis == "name" and school \
            and not UNIT_SCHOOL.search(m.text) else ""
        if inner:
            anchor, basis = inner, "name and report context"
        if anchor and anchor in gaz.divisions:
            d = gaz.divisions[anchor]
            s, e = sentence_of(doc, m.start)
            self._division(doc, m, d, entities, relations, mentioned=False)
            relations.append(Relation("LOCATED_IN", m.key, d.key, s, e,
                                      {"basis": basis, "confidence": "inferred" if "context" in basis else "stated"}))
            return basis
        return ""


def _outlet(m: Mention) -> bool:
    return m.attrs.get("kind") == "media" or bool(re.search(r"(日报|晚报|早报|都市报|时报|晨报|新闻网|电视台|广播电视台|融媒体中心)$", m.text))


# a report's own staff named in its text: （记者赵婀娜、张烁）, 版式设计：蔡华伟, 李明 摄, 编辑：刘静 赵蕊
STAFF_BEFORE = re.compile(r"(本报记者|记者|通讯员|特约撰稿|版式设计|题图设计|制图|摄影|责编|责任编辑|编辑|主编|校对)"
                          r"\s*[：:]?\s*(?:[\u4e00-\u9fff·]{2,4}(?:\s*[、，,]\s*|[ \t\u3000]+)){0,5}$")
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


def _district_in_setting(anchor: str, path: list[str]) -> str:
    """The county-level division of the report's setting inside ``anchor`` when that is a
    city or a municipality, else ''."""
    gaz = gazetteer.get()
    d = gaz.divisions.get(anchor)
    if d is None or not (d.level == "city" or d.level == "province" and d.name.endswith("市")):
        return ""
    inner = [c for c in path if gaz.divisions[c].parent == anchor and gaz.divisions[c].level == "county"
             and gaz.divisions[c].name.endswith("区")]
    return inner[0] if inner else ""


def _written_in_full(ms: list[Mention], place_divs: dict[int, list[Division]]) -> frozenset[str]:
    """The cities and counties the section's mentions write with their full name (蕲春县,
    凭祥市), not their short one."""
    gaz = gazetteer.get()
    out = set()
    for m in ms:
        chain = place_divs.get(id(m)) or []
        segs = segment(m.text)
        if segs and m.text[:segs[0][1]] in ("中国", "中华人民共和国") and not (chain and chain[0].code == "world/中国"):
            segs = segs[1:]     # 中国北京: chain() skipped 中国
        for (a, b), d in zip(segs, chain):
            if d.level in ("city", "county") and d.name != d.alias and m.text[a:b] == d.name:
                out.add(d.code)
    return frozenset(out)


def _short_county(text: str, chain: list[Division]) -> bool:
    """A name starting with one county's short name and no other division (东海, 东海小学)."""
    d = chain[0]
    return len(chain) == 1 and d.level == "county" and d.alias != d.name and text.startswith(d.alias) \
        and not text.startswith(d.name)


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

