"""Stage 2 - entities: ORG, PERSON and PLACE mentions.

A trained model finds them (pipeline/entities/model.py: a CRF over characters whose
features are the characters, jieba's words and what the rule lists know, see
features.py); precise rules then do what a model cannot learn from a few hundred
reports (orgs.py, people.py, places.py):

* the longest-name convention of ANNOTATION.md (a place or an organisation directly
  before an organisation is part of its name; a unit written after its organisation too);
* words that never begin a name are cut off (rules/entity_trim.txt: ``由区教师进修学校``);
* known bodies, the report's outlet and its byline's names wherever they are written;
* short forms of the report's own full names (``锦小``), and a name found once is found
  at its other occurrences too.

The component is ``edu_entities`` in pipeline/config.cfg; its ``model`` setting names
the model file in ``models/``.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..names import full_name as known_name
from ..doc import Mention, covered, found, sentence_spans, text_of, token_spans
from . import (lexicon, model as model_mod, org_cells, org_complete, org_levels, org_shapes, org_short, orgs, people,
               place_lists, places)

__all__ = ["EntityRecognizer", "find_entities", "word_spans", "freq", "known", "named_by_field", "pos", "unpaired_marks"]

freq, known, named_by_field, pos = lexicon.freq, lexicon.known, lexicon.named_by_field, lexicon.pos
LABELS = model_mod.LABELS


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """jieba's words of the doc as character offsets (whitespace left out)."""
    spans = doc.user_data.get("edu_word_spans")  # the tokenizer's, when it made them
    if spans is None:
        spans = [(a, b) for a, b, w in token_spans(doc) if not w.isspace()]
    return spans


@functools.lru_cache(maxsize=None)
def _trim_words():
    return lexicon.WordList.of({w: True for w in rules.items("entity_trim.txt")})


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _overlap_test(spans: list[Mention]):
    """``lambda m: any(_overlaps(m, o) for o in spans)`` in log time: the spans that start
    before m ends, and the furthest end among them."""
    spans = sorted(spans, key=lambda o: o.start)
    starts, reach, top = [o.start for o in spans], [], -1
    for o in spans:
        top = max(top, o.end)
        reach.append(top)

    def hits(m: Mention) -> bool:
        i = bisect.bisect_left(starts, m.end)
        return i > 0 and reach[i - 1] > m.start
    return hits


# marks and symbols a page puts before or after a name (■西宁果洛中学, △区委, >>大学, 【新华社】):
# no part of it; opening quotes and brackets are (“五·七”民族中学)
_JUNK_HEAD = re.compile(r"[^\w\u3400-\u9fff“‘\"《(（〈]+")
_JUNK_TAIL = re.compile(r"[^\w\u3400-\u9fff”’\"》)）〉.]+$")   # a final . stays: E.W., Co.
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"))


def unpaired_marks(m: Mention) -> Mention:
    """A name without a quote or title mark left alone at either end (中国青基会” of
    (简称“中国青基会”) cut at its bracket, “新时代 of “新时代”好少年); a person's name as it is."""
    s, e = 0, len(m.text)
    for opener, closer in _PAIRS if m.label != "PERSON" else ():
        while e - s > 2 and m.text[e - 1] == closer and m.text.count(opener, s, e) < m.text.count(closer, s, e):
            e -= 1
        while e - s > 2 and m.text[s] == opener and m.text.count(opener, s, e) > m.text.count(closer, s, e):
            s += 1
    if (s, e) == (0, len(m.text)):
        return m
    return Mention(m.label, m.start + s, m.start + e, m.text[s:e], attrs=dict(m.attrs))


def trim_ends(text: str, m: Mention, starts: set) -> Mention | None:
    """Cut leading words that never begin a name (由, 及, 图为) where jieba agrees, and marks
    and symbols around a name (■, △, >>)."""
    s, e = m.start, m.end
    while m.label != "PERSON" and s < e:
        hit = _trim_words().match_at(text, s)
        if not hit or hit[0] >= e or hit[0] not in starts:
            break
        s = hit[0]
    head = _JUNK_HEAD.match(text, s, e)
    s = head.end() if head else s
    tail = _JUNK_TAIL.search(text[s:e])
    e = s + tail.start() if tail else e
    if (s, e) == (m.start, m.end):
        return m
    return Mention(m.label, s, e, text[s:e], attrs=dict(m.attrs)) if e - s >= 2 else None


@functools.lru_cache(maxsize=None)
def _people_nouns() -> str:
    return rules.alternation(rules.items("org_people_nouns.txt"))


@functools.lru_cache(maxsize=None)
def _people_noun_end():
    return re.compile(f"(?:{_people_nouns()})$")


def _no_body(text: str, m: Mention) -> bool:
    """Words read as an organisation that name none: a person described (大连女孩, 美国教育家:
    rules/org_people_nouns.txt; not a periodical's title, 《教育家》), a nickname (小马, 老王),
    a name cut before the 门 of 部门 (各地教育部门), a lowercase English word (the, essay), a
    body standing for a party of a case (甲公司, 乙学校: like 赵某, no one's name)."""
    return bool(_people_noun_end().search(m.text)) and text[m.start - 1:m.start] != "《" \
        or len(m.text) == 2 and m.text[0] in "小老" and m.text[1] in lexicon.surnames() \
        or m.text.endswith("部") and text[m.end:m.end + 1] == "门" or re.fullmatch(r"[a-z]+", m.text) is not None \
        or PLACEHOLDER_BODY.fullmatch(m.text) is not None


# 甲公司, 乙学校, 丙单位: the parties of a case or an exam question, named by a cyclic character
PLACEHOLDER_BODY = re.compile(r"[甲乙丙丁戊]{1,2}(?:公司|学校|单位|企业|医院|银行|学院|机构|集团|工厂|厂|方)")


@functools.lru_cache(maxsize=None)
def _people_noun_then_name():
    return re.compile(f"(?:{_people_nouns()})([\u4e00-\u9fff·]{{2,4}})$")


def _described_person(text: str, m: Mention) -> Mention | None:
    """A person described and named in one span the model read as an organisation (美国教育家
    杜威, 香港爱国金融实业家何善衡): the name after the description, when it may be a name."""
    hit = _people_noun_then_name().search(m.text) if m.label == "ORG" else None
    if hit is None:
        return None
    s, e = m.start + hit.start(1), m.end
    return Mention("PERSON", s, e, text[s:e]) if people.plausible(text, s, e) else None


def _plausible(text: str, m: Mention) -> bool:
    if m.label == "PERSON":
        return people.plausible(text, m.start, m.end)
    if m.label == "PLACE":
        return places.plausible(text, m.start, m.end)
    return m.end - m.start >= 2 and (not lexicon.generic_org(m.text) or bool(known_name(m.text))) \
        and not orgs.category(m.text) \
        and not lexicon.after_qualifiers(text, m.start, m.end) and not _no_body(text, m) \
        and not orgs.quoted_measure(text, m) and bool(lexicon.CJK_RE.search(m.text) or m.text.isalnum())


# a type word alone names no organisation (公司, 中心: 长沙市中心 was keyed from one); 教育局,
# 政府, 党委 alone are kept: the report's setting names their owner
BARE_TYPES = frozenset({"公司", "中心", "学院", "委员会", "研究院", "研究所", "医院", "协会", "集团", "联盟", "俱乐部"})
# a law's or a rule's title is no organisation (中华人民共和国公证法, 义务教育法, 教师资格条例)
LAW_TITLE = re.compile(r"(?<![司执立普高])法$|条例$|实施细则$|暂行规定$")
# every body of some levels (各市县人民政府, 各省市教育厅): the text before a name opening with a level word
_LEVELS = "省市县区州旗乡镇"
_EVERY_LEVEL = re.compile(f"[各全][{_LEVELS}]{{1,3}}$")
# every body of every place (各地方消费者协会, 各级教育部门): none named
_EVERY_PLACE = re.compile(r"(?:各地方?|各级)$")
# some bodies of a kind, none named (湖北武汉部分中学, 山东多所小学, 菏泽一些小学)
_SOME_BODIES = re.compile(r"部分|一些|多所|若干|各类")
# what a street's name ends in: no organisation's name ends so
_STREET_ENDS = ("路", "街", "胡同", "大道")
# a plenary session of a list of them, no school: 十九届二中、三中、四中全会
_PLENUM_ITEM = re.compile(r"[一二三四五六七八九十]中$")
_PLENUM_REST = re.compile(r"(?:[、和及与][一二三四五六七八九十]+中)*全会")


# one character of a clause that the model read into the name after it: a verb or a
# preposition (帮诗贤, 问曲措, 我们同镇中心小学联系, 比泥洋小学更偏远)
_CLAUSE_BEFORE = {"PERSON": frozenset("帮问让叫给对向同与把被找请陪跟见带送教称比从由为替"),
                  "ORG": frozenset("同与和比从在向对把被由为给跟")}
# and one after a person's name: a verb or an adverb (艾早凤拉到一旁, 张伯礼常说); not 和 (陈思和)
_CLAUSE_AFTER = frozenset("拉说笑讲看听走跑哭拿做写读唱跳问答想要会能去来到把被给向对跟也都就又还却便才已曾正在常")


def _cut_clause_chars(text: str, ms: list[Mention]) -> list[Mention]:
    """A name the model read together with one character of its clause, before it (帮诗贤,
    比泥洋小学) or, for a person, after it (艾早凤拉) or an adverb of two (敏富梅偶尔), where the
    report names it elsewhere without, as often or more: the name alone; a person's name never
    ends in 的 (叫莱蒂西亚的家长). (No name is cut to a
    stranger's: 同济大学 stays, for no report names a 济大学.)"""
    n = Counter((m.label, m.text) for m in ms)
    out = []
    for m in ms:
        t = m.text
        if len(t) >= 3 and t[0] in _CLAUSE_BEFORE.get(m.label, ()) and n[(m.label, t[1:])] >= n[(m.label, t)]:
            m = Mention(m.label, m.start + 1, m.end, t[1:], attrs=dict(m.attrs))
        elif m.label == "PERSON" and len(t) >= 3 and t[-1] in _CLAUSE_AFTER and n[(m.label, t[:-1])] >= n[(m.label, t)]:
            m = Mention(m.label, m.start, m.end - 1, t[:-1], attrs=dict(m.attrs))
        elif m.label == "PERSON" and len(t) >= 4 and lexicon.pos(t[-2:]) == "d" and n[(m.label, t[:-2])] >= n[(m.label, t)]:
            m = Mention(m.label, m.start, m.end - 2, t[:-2], attrs=dict(m.attrs))     # 敏富梅偶尔
        elif m.label == "PERSON" and len(t) >= 3 and t[-1] == "的":
            if not people.plausible(text, m.start, m.end - 1):
                continue      # 牛津大学毕业的教授: no name at all
            m = Mention(m.label, m.start, m.end - 1, t[:-1], attrs=dict(m.attrs))     # 一位叫莱蒂西亚的家长
        out.append(m)
    return out


def _add(ms: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Rule findings where the model found nothing, or found less (inside them)."""
    for x in extra:
        over = [m for m in ms if _overlaps(m, x)]
        if all(x.start <= m.start and m.end <= x.end and (m.end - m.start) < (x.end - x.start) for m in over):
            ms = [m for m in ms if m not in over] + [x]
    return ms


def _dateline(ms: list[Mention], outlets: list[Mention]) -> list[Mention]:
    """A dateline's outlet wins over what the model ran into it (华声在线7月22日)."""
    for x in outlets:
        over = [m for m in ms if _overlaps(m, x)]
        if all(m.label == "ORG" and m.start == x.start or x.start <= m.start and m.end <= x.end for m in over):
            ms = [m for m in ms if m not in over] + [x]
    return ms


def _merge_heads(text: str, ms: list[Mention]) -> list[Mention]:
    """A place directly before an organisation is part of its name (东阿县 + 刘集镇中心小学)."""
    ms = sorted(ms, key=lambda m: m.start)
    out: list[Mention] = []
    for m in ms:
        if out and m.label == "ORG" and out[-1].label == "PLACE" and out[-1].end == m.start:
            p = out.pop()
            m = Mention("ORG", p.start, m.end, text[p.start:m.end], attrs=dict(m.attrs))
        out.append(m)
    return out


def _one_label(ms: list[Mention]) -> list[Mention]:
    """One string, one label within a report: where the model gave a name two labels,
    the label with the more confident mentions wins (rule findings count as certain)."""
    weight: dict[str, dict[str, float]] = {}
    for m in ms:
        w = weight.setdefault(m.text, {})
        w[m.label] = w.get(m.label, 0.0) + m.attrs.get("conf", 1.0)
    for m in ms:
        w = weight[m.text]
        if len(w) > 1:
            m.label = max(sorted(w), key=lambda lab: w[lab])
    return ms


def _propagate(text: str, ms: list[Mention], starts: set, ends: set) -> list[Mention]:
    """A name found once is found wherever else it is written as a word of its own, also
    over a piece of it found there with the same label (小党支部 of a second 锦小党支部)."""
    busy = covered(len(text), ms)
    out = list(ms)
    spans = {(x.start, x.end) for x in ms}    # (where the name already is: nothing to do)
    seen = {}
    for m in sorted(ms, key=lambda m: -(m.end - m.start)):
        seen.setdefault(m.text, m)
    for name, m in seen.items():
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            inner = None if (i, e) in spans else _pieces_within(text, out, busy, m.label, i, e)
            if inner is not None and (i in starts or i == 0 or not lexicon.is_cjk(text[i - 1])) \
                    and (e in ends or e == len(text) or not lexicon.is_cjk(text[e])) \
                    and (m.label != "PLACE" or places.plausible(text, i, e)) \
                    and (m.label != "ORG" or not lexicon.after_qualifiers(text, i, e)) \
                    and (m.label != "PERSON" or not people.names_doctrine(text, e)    # 中华大地, 毛泽东思想
                         and not people.begins_a_name(text, e)):                         # 孔子课堂
                for x in inner:
                    out.remove(x)
                out.append(Mention(m.label, i, e, name, attrs={k: v for k, v in m.attrs.items() if k != "conf"}))
                spans.add((i, e))
                busy[i:e] = b"\x01" * (e - i)
            i = text.find(name, i + 1)
    return out


# what a completion never adds: a conjunction, a stop or bracket, or a preposition opening it
_NOT_IN_EXTENSION = re.compile(r"[和与及、，,。；;：:“”\"（）()\s]|^[以在对向从把被为将的是]")


def _pieces_within(text: str, ms: list[Mention], busy: bytearray, label: str, i: int, e: int) -> list[Mention] | None:
    """The mentions lying within text[i:e] (none: an empty list) where the name written there
    may take their place; None where it may not: another mention reaches in or out of it,
    or the name is no completion of the one piece in it. A completion adds the start of a
    name (拜|罗伊特大学, 管|杨涵, 西北|农大), or, to an organisation, the type word it lacked
    (塞梅尔维斯|大学, 教育部|学位与研究生教育发展中心); never to a place (贵州|南部), never the end
    of a person's name (张丽|和), never across a conjunction (青联和|学联) or from a
    preposition (以|鑫荣公司)."""
    if not any(busy[i:e]):
        return []
    inner = [x for x in ms if x.start < e and x.end > i]
    if len(inner) != 1 or label == "PLACE":
        return None
    x = inner[0]
    if x.label != label or x.start < i or x.end > e or (x.start, x.end) == (i, e):
        return None
    if x.end == e and x.start > i:
        added = text[i:x.start]
    elif x.start == i and label == "ORG" and orgs.kind_of(text[i:e])[1] and not orgs.kind_of(x.text)[1]:
        added = text[x.end:e]
    else:
        return None
    return None if _NOT_IN_EXTENSION.search(added) else inner


def find_entities(doc: Doc, model_name: str = model_mod.DEFAULT_MODEL) -> list[Mention]:
    text = text_of(doc)
    words = word_spans(doc)
    starts, ends = lexicon.word_bounds(words)
    word_at = dict(words)  # word start -> its end
    word_from = {b: a for a, b in words}  # word end -> its start
    context = doc._.context or {}
    sents = doc._.sent_spans or sentence_spans(text)
    ms = []
    for s, e, lab, p in model_mod.load(model_name).spans(text, words, context, sents):
        if text[s:e] in people.public_names():
            lab = "PERSON"  # 钟南山 is a person, not a place in 南山区
        elif text[s:e] in lexicon.known_orgs().words:
            lab = "ORG"     # 麦可思 is a company, not a person
        elif lab == "PLACE" and text[s:e].endswith(lexicon.place_institutions()) \
                and len(text[s:e]) > min(map(len, lexicon.place_institutions())):
            lab = "ORG"     # 遵义市图书馆, 北京市少年宫: an institution, not a place
        elif lab == "ORG" and lexicon.generic_kind_head(text[s:e]) and not known_name(text[s:e]):
            head = lexicon.generic_kind_head(text[s:e])    # 美国大学: no university; 美国 a place
            if not lexicon.qualifiers_only(head):
                lab, e = "PLACE", s + len(head)
        if lab == "PERSON":
            e = people.translit_tail(text, s, people.trim(text, s, e, word_at), word_at)
            place = places.person_as_place(text, Mention(lab, s, e, text[s:e]))
            if place is not None:
                lab, e = "PLACE", place.end
            elif places.division_chain(text[s:e]) and text[s:e].endswith(places.ADMIN_SUFFIXES) \
                    or places.village_as_person(text[s:e]):
                lab = "PLACE"  # 梁溪区 is a district, 古甘屯 a hamlet, never a name
        m = trim_ends(text, Mention(lab, s, e, text[s:e], attrs={"conf": round(p, 3)}), starts)
        if m is not None:
            m = places.to_word_end(m, ends)               # 澳洲 of 澳洲留学
            m = org_shapes.school_gate(m)                 # 马鞍山市二中门口: the school, not a place
            m = unpaired_marks(orgs.cut_bracket(text, m))
            if m.label == "ORG":
                m = orgs.trim_verb(text, org_complete.cut_facility(org_shapes.cut_bureau_schools(
                    org_shapes.cut_false_ending(text, m))), word_from)
                m = org_complete.cut_schooling_level(text, org_complete.cut_campus_word(text, m))   # 大安区教师进修校 + 小学语文教研员; 园湖路小学 + 校园
                m = org_complete.cut_etc_schools(m)             # 嘉定一中 + 等学校开展
                m = org_complete.cut_compiled(text, m)          # 来源: 网易财经 + 综合
                m = org_complete.cut_before_post(text, m)       # 孔子学院 of 孔子学院拉方院 + 长
                m = org_complete.cut_at_mission(text, m)        # …总领事馆 + 教育领事
                m = org_shapes.cut_discipline(m)      # 成都中医药大学中药学, 中国宪法学
                m = m and org_shapes.cut_counted_head(text, m)   # 11所驻昌平大学, 第14名耶拿大学
                m = m and org_shapes.with_century(text, m)       # 21世纪教育研究院: the model reads 世纪…
                m = m and org_shapes.cut_group_school(text, m)   # 集团成员校春光小学: 春光小学
                m = m and org_shapes.edition_of_event(text, m)   # 淮南市第十二届中等职业学校技能大赛
                m = m and org_shapes.run_by_level(m)             # 盐城市直学校: 盐城市, no school
                m = m and org_levels.one_of_a_kind(text, m)      # 裕华区一小学: 裕华区, no school
                m = m and org_shapes.going_to_school(m)          # 孩子正读小学: no school
                m = m and org_complete.cut_session(m)            # 中央纪委 + 十九届四次全会
                m = m and org_complete.bracketed_kind(m)         # 各乡(镇)中心学校: every such body
                m = m and org_complete.cut_address(m)            # 延安西路1882号 + 东华大学
        for part in ([p for c in org_complete.cut_clause(text, m, word_at) for p in orgs.split_joined(text, c)]
                     if m is not None and m.label == "ORG" else [m]):
            if part is not None and part.label == "ORG" and (places.division_chain(part.text)
                                                              or places.station(part.text)
                                                              or place_lists.village_chain(part.text)):
                part.label = "PLACE"  # a name made of divisions only (a village of a town too), a station: places
            if part is not None and part.label == "PERSON" and org_levels.is_body_word(part.text):
                part.label = "ORG"    # 海南省教育厅、卫健委: a body named alone, no person
            part = part and people.cut_outlet(text, part)   # 苏雁 + 光明日报
            described = _described_person(text, part) if part is not None else None
            part = described or part                      # 美国教育家杜威: 杜威
            if part is not None and _plausible(text, part):
                ms.append(part)
    ms = org_short.place_universities(text, ms)       # 上海 + 交大: 上海交大
    org_ends = {m.end for m in ms if m.label == "ORG"}
    ms = [orgs.trim_joiner(text, m, org_ends) if m.label == "ORG" else m for m in ms]
    ms = _add(ms, orgs.known_bodies(text, words))
    ms = _add(ms, org_short.known_short_names(text, words))     # 考入复旦, 浙大学子
    ms = _add(ms, org_levels.level_bodies(text, words))
    ms = _add(ms, org_shapes.school_abbrevs(text, words))  # 泉州五中, 《成都发布》
    ms = _add(ms, orgs.outlets(text, context.get("source", "")))
    ms = _dateline(ms, orgs.dateline_outlets(text))
    ms = _add(ms, people.bylined(text, context))
    ms = _add(people.unsigned(text, ms), people.credited(text))    # 审核:明媛、谢婷婷; 柯蓝 of 柯蓝辑)
    ms = _add(ms, people.public_figures(text, starts, ends))   # 钟南山 where the model missed him
    ms += people.staff_between(text, ms)           # 长安路学校卓皓老师
    ms += people.students_after(text, ms)          # 哈佛大学博士生丛乐
    ms = people.join_dotted(text, ms)                  # 格里高利 · 华盛顿: one name
    ms += people.dotted_after_post(text, ms, word_at)   # 副校长买吐送·阿不力孜
    ms += people.list_siblings(text, ms, ends)     # 邵黎丽、邵方、包纯纯三位骨干教师
    busy = covered(len(text), ms)
    ms += places.missed_divisions(text, starts, ends, busy)
    ms = place_lists.listed_counties(text, starts, ms)           # 平山、赞皇、灵寿、行唐四县
    ms += places.named_communities(text, starts, busy)       # 城里的鱼塘社区
    ms += places.named_regions(text, starts, ends, busy)     # 地处黄土高原
    ms = places.join_chains(text, places.village_groups(text, ms), ends)   # 牛庄村 + 田咀社
    ms = [x for x in (places.town_area(places.citizens(text, m, starts)) for m in ms) if x is not None]   # 大悟城区: 大悟; 济南市民: 济南
    ms = _add(ms, org_complete.schools_after_places(text, words, ms))     # 安徽省 + 行知学校
    ms = _add(ms, org_complete.quoted_schools(text, ms))     # “农八师独立团民办聋哑学校”
    ms = _add(ms, org_complete.village_schools(text, ms))    # 上拉秀乡曲新村 + 小
    ms = _add(ms, org_complete.bodies_after_places(text, words, ms))   # 黑龙江省 + 乡村振兴局
    ms = _add(ms, org_complete.command_teams(text, ms))   # 教育部 + 应对新冠肺炎疫情工作领导小组
    ms = _add(ms, org_complete.embassies(text, ms))       # 中国 + 驻 + 纽约 + 总领馆
    ms = _add(ms, org_complete.joined_openings(text, ms))  # 水土保持与 + 生态环境研究中心
    ms = _add(ms, org_complete.person_studios(text, words, ms))  # 大安区 + 李秀英 + 沐语名师工作室
    ms = _merge_heads(text, ms)
    ms = _add(ms, org_short.short_forms(text, words, [m for m in ms if m.label == "ORG"], [(m.start, m.end) for m in ms]))
    ms = org_short.defined_short_names(text, ms)                 # X有限公司（简称“慧科”）… 慧科
    org_ms = orgs.split_apps(text, orgs.join_units(text, [m for m in ms if m.label == "ORG"]))   # 杭州网 + 杭州通客户端
    near_org = _overlap_test(org_ms)
    ms = [m for m in ms if m.label != "ORG" and not near_org(m)] + org_ms
    ms = orgs.join_campuses(text, ms, ends)
    ms = _add(ms, org_shapes.list_siblings(text, words, ms))   # 糜滩教管中心、三滩教管中心
    ms = _add(ms, org_shapes.numbered_list_items(text, words, ms))    # 昆一中、昆三中、云大附中、昆八中
    ms = _add(ms, org_shapes.bureau_offices(text, ms))         # 省教育厅中小学党建处(副处长)
    ms = _add(ms, org_shapes.doctrine_bodies(text, ms))        # 北京市习近平新时代…思想研究中心
    ms = org_shapes.periodicals(text, ms)                      # 《皖西日报》, 《求是》杂志
    ms = org_shapes.persons_listed_with_orgs(text, ms)         # 西门子、德马吉等…企业
    ms = _add(org_shapes.office_addresses(text, ms), org_shapes.training_firms(text, words))   # 学林教育、可可教育等培训机构
    ms += orgs.bare_bodies(text, words, ms)
    posts = orgs.before_posts(text, words, ms)      # 兰州大学 of 兰州大学校长严纯华
    ms = [m for m in ms if m.label != "PLACE" or not any(_overlaps(m, o) for o in posts)] + posts
    ms = [m for m in org_shapes.person_posts(text, people.graduates(text, ms))     # 高艳部长, 韩福财大学毕业
          if not org_shapes.document_code(text, m)]                                  # 教基厅函〔2020〕
    ms = [part for m in ms for part in org_cells.split_place_cell(m)]    # 新疆维吾尔自治区华中科技大学: two cells
    ms = [part for m in ms for part in org_cells.split_province_cells(m)]    # 山东省教育厅山东省公安厅…: one each
    ms = org_cells.province_runs(text, ms)                                 # …山东省司法厅山东省人力资源…: one each
    ms = [part for m in ms for part in org_cells.split_provinces(m)]     # 西藏新疆: two places
    ms = [part for m in ms for part in org_cells.after_kind(m, starts)]  # 中国一流大学复旦大学: 复旦大学
    ms = [part for m in ms for part in org_cells.split_counted(m)]       # 北京市166所小学: 北京市
    ms = [part for m in ms for part in org_cells.class_of(m)]            # 红星中学高三（1）班: 红星中学
    ms = [part for m in ms for part in org_cells.after_stop(m)]          # 吉林省：东北电力大学: 东北电力大学
    ms = [part for m in ms for part in org_shapes.outlet_seat(text, m)]  # 来源: 环球网(北京): two
    ms = org_short.names_of_bodies(ms)                                    # 康奈尔 of 康奈尔大学: no person
    ms = _one_label(people.relabel_named(text, ms, starts))          # 刘玉村 after 党委书记, 丹丹（化名）: persons
    ms = _propagate(text, _cut_clause_chars(text, people.reconcile(text, ms)), starts, ends)   # 张占 / 张占超: one spelling
    ms = org_shapes.ranking_titles(text, ms)                   # QS亚洲大学排名, 武书连大学排行榜
    ms = places.only_in_titles(text, ms)                       # 自治区“天山英才”: no place 天山
    ms = places.with_land_word(text, ms)                       # 长江三角洲平原, 乌蒙山区, 惠山古镇
    place_ms = [m for m in ms if m.label == "PLACE"]
    ms += orgs.sectors(text, place_ms, [(m.start, m.end) for m in ms])
    # the kind of every organisation by name; a short form has its full name's kind
    kinds = {m.text: orgs.kind_of(m.text)[0] for m in ms if m.label == "ORG"}
    for m in ms:
        if m.label == "ORG" and m.attrs.get("short_of"):
            kinds[m.text] = kinds.get(m.attrs["short_of"]) or orgs.kind_of(m.attrs["short_of"])[0]
    codes = people.credit_codes(text)
    out = []
    for m in ms:
        if m.label in ("ORG", "PERSON") and any(a < m.end and m.start < b for a, b in codes) \
                or people.names_a_prize(text, m) \
                or m.label == "PERSON" and text[m.start - 1:m.start] == "《" and text[m.end:m.end + 1] == "》":
            continue      # 责任编辑：HEB037: an editor's login; 诺贝尔奖得主: a prize's name; 《孟子》: a book
        if m.label == "ORG" and (text[m.start - 1:m.start] == "某" or "某" in m.text or _SOME_BODIES.search(m.text)
                                 or LAW_TITLE.search(m.text) or m.text in BARE_TYPES
                                 or orgs.ends_no_body(m.text)
                                 or _PLENUM_ITEM.search(m.text) and _PLENUM_REST.match(text, m.end)
                                 or (_EVERY_LEVEL.search(text, max(0, m.start - 4), m.start)
                                     or text[m.start - 1:m.start] == "各") and m.text[0] in _LEVELS
                                 or _EVERY_PLACE.search(text, max(0, m.start - 3), m.start)) \
                or m.label == "PLACE" and len(m.text) == 1:
            continue      # 某市政府, 某中学, 南京某大学: a body the text does not name; 中华人民共和国公证法: a law;
            # 顾大局, 新格局: no bureau (rules/org_not_endings.txt); 中 (中美), 川 (在川): at most optional;
            # 各市县人民政府, 各 + 区县教委: every county's government or bureau, none named
        if m.label == "ORG" and m.text.endswith(_STREET_ENDS):
            m = Mention("PLACE", m.start, m.end, m.text)   # 广成街, 济南市二环东路: a street, no body
        if m.label == "ORG":
            m.attrs = orgs.attrs_for(text, m, kinds)
        elif m.label == "PLACE":
            m.attrs = places.attrs_for(m)
        out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end, m.label))


class EntityRecognizer:
    """The ``edu_entities`` component: the model's mentions, with the overrides above,
    added to ``doc._.found``."""

    def __init__(self, model: str):
        self.model = model
        model_mod.load(model)  # fail early, with a clear message, if the file is missing

    def __call__(self, doc: Doc) -> Doc:
        found(doc).extend(find_entities(doc, self.model))
        return doc


@Language.factory("edu_entities", default_config={"model": model_mod.DEFAULT_MODEL})
def make_entity_recognizer(nlp: Language, name: str, model: str):
    return EntityRecognizer(model)
