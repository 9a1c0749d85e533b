"""Stage 6 - measures: named initiatives, systems and rules a body adopts (停课不停学,
空中课堂, 云家访, 零报告制度, 代理家长, 一生一案 ...).

Two sources: the lexicon in rules/measures.tsv (names and their other spellings), and
discovery from how reports talk about measures: a quoted name after a verb of doing
(开展“温暖在线”, 落实“一生一案”), a quoted name before 活动/行动/制度 (“一亮四争先”活动),
and X制度 / X机制 after a verb of adopting (实施日报和零报告制度). Variants become one
measure: “停课不停学”, 停课不停学 and 离校不离教、停课不停学 are all 停课不停学.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from . import measure_model, measure_names, measure_patterns, measure_vetoes, rules
from .entities import known as dictionary_word, pos as word_pos
from .doc import Mention, found, text_of

# a name in quotes; also one opened by a mistyped closing quote right after a character
# (第二届”十小明星”表彰大会)
QUOTE = r"(?:[“\"「『‘]|(?<=[\u3400-\u9fff])”)([^“”\"「」『』‘’\n]{2,20})[”\"」』’]"


@functools.lru_cache(maxsize=None)
def lexicon():
    canon: dict[str, str] = {}
    category: dict[str, str] = {}
    quoted_only: set[str] = set()
    for row in rules.table("measures.tsv"):
        name = row[0]
        canon[name] = name
        category[name] = row[2] if len(row) > 2 else ""
        if len(row) > 3 and row[3] == "quoted":
            quoted_only.add(name)
        for alt in (row[1].split("|") if len(row) > 1 and row[1] else []):
            canon[_plain(alt)] = name
    cues: dict[str, list[str]] = {}
    for row in rules.table("measure_cues.tsv"):
        cues.setdefault(row[0], []).append(row[1])
    stop = {_plain(s) for s in rules.items("measure_stop.txt")}
    verbs = rules.alternation(cues["verb"])
    suffixes = rules.alternation(cues["suffix"])
    named = rules.alternation(cues["named"])
    ends = rules.alternation(cues["named"] + cues.get("model_end", []) + cues.get("list_end", []))
    return {
        "canon": canon, "category": category, "stop": stop, "keep": set(cues["keep"]), "quoted_only": quoted_only,
        "lex_re": re.compile("|".join(re.escape(n) for n in sorted(set(canon) | set(canon.values()), key=len, reverse=True))),
        "verb_before": re.compile(rf"(?:{verbs})(?:了|起|好|的|以)?$"),
        "quote": re.compile(QUOTE),
        "suffix_re": re.compile(rf"(?:{suffixes})"),
        "not_after": re.compile(rf"(?:{rules.alternation(cues['not_after'])})"),
        "goal_after": re.compile(rf"(?:{rules.alternation(cues.get('goal_after', ['目标']))})"),
        # the rest of a list of fields ending in 专业 or 学科 (、建筑材料工程和信息工程六大专业群)
        "field_list": re.compile(r"(?:[、和及与][^，,。；;、和及与\n]{1,12}?)+?[一二三四五六七八九十\d]*个?大?(?:专业|学科)"),
        "institution": re.compile(rf"(?:{rules.alternation(cues.get('institution', []))})$"),
        "counted_unit": re.compile(rf"多?(?:{rules.alternation(cues.get('counted_unit', ['次']))})"),
        "lexicon_not_after": re.compile(rf"(?:{rules.alternation(cues.get('lexicon_not_after', []))})"),
        "not_inside": re.compile(rf"(?:{rules.alternation(cues['not_inside'])})"),
        "field_after": re.compile(rf"(?:{rules.alternation(cues.get('field_after', []))})"),
        "doctrine_before": re.compile(rf"(?:{rules.alternation(cues.get('doctrine', ['秉持']))})$"),
        # 需要建立…机制, 尚未形成…制度: a modal or a negation, then a verb of building, in the clause
        "proposed": re.compile(rf"(?:{rules.alternation(cues.get('proposal', ['需要']))})[^，,。；;！？：:\n]{{0,8}}?"
                               rf"(?:{rules.alternation(cues.get('proposal_verb', ['建立']))})$"),
        "problem_before": re.compile(rf"(?:{rules.alternation(cues.get('problem', ['破解']))})(?:了|掉|好)?$"),
        "named_end": re.compile(rf"(?:{named})$"),
        "label_before": re.compile(rf"(?:{rules.alternation(cues.get('label_before', ['作为', '称为', '誉为', '列为']))})$"),
        "document": re.compile(rf"《([^《》\n]{{4,40}}?(?:{rules.alternation(cues['document'])})(?:[（(][^）)》]*[）)]?)?)》"),
        "named_any": re.compile(rf"(?:{named})(?![\u3400-\u9fff]?(?:{named})|度)"),
        "verb_any": re.compile(rf"(?:{verbs})"),
        "model_end": re.compile(rf"(?:{rules.alternation(cues.get('model_end', ['机制']))})"),
        "lead_verb_word": re.compile(rf"(?:{rules.alternation(cues['verb'] + cues['lead'])})+"),
        "verb_inside": re.compile(rf"(?:{rules.alternation(cues.get('verb_inside', []))})"
                                  rf"(?!(?:{rules.alternation(cues.get('verb_inside_not_before', []))}))"),
        "verb_lead_before": re.compile(rf"(?:{rules.alternation(cues['verb'] + cues['lead'])})$"),
        # unquoted names that are references or descriptions, not names (这一制度, 学校的教学计划)
        "unquoted_not": re.compile(rf"^(?:{rules.alternation(cues.get('unquoted_start', []))})"
                                   rf"|(?:{rules.alternation(cues.get('unquoted_inside', []))})"),
        # what may follow “X”的 when X is a measure (“党风带师风”的工作机制)
        "after_de": re.compile(rf"(?:{suffixes}|{rules.alternation(cues.get('model_end', ['机制']) + cues.get('after_de', []))})"),
        "list_ending": re.compile(rf"(?:{ends})"),
        "list_ending_end": re.compile(rf"(?:{ends})$"),
        "list_not_end": re.compile(rf"(?:{rules.alternation(cues.get('list_not_end', []))})$"),
        "list_lead": re.compile(rf"(?:{rules.alternation(cues.get('list_lead', ['如']))})"),
        # one more name of a list after a taken one: 、联控联保制 / 和控辍保学劝返制 (up to the list's end)
        "list_item": re.compile(rf"(?:以及|[、和及与])(?P<name>[\u3400-\u9fff0-9A-Za-z+]{{2,16}}?(?:{ends}))"
                                r"(?=$|[、和及与，,。；;等）)\s！？])"),
        "system": re.compile(rf"(?:{verbs})(?:了)?(?P<name>[\u3400-\u9fff和及与]{{2,16}}?(?:{named}))(?!度|[\u3400-\u9fff]?(?:{named}))"),
    }


def quoted_is_measure(lex: dict, before: str, name: str, after: str, prev_ok: bool) -> tuple[bool, str]:
    """Whether a quoted name is a measure the report says someone carries out, from the
    words around it (rules/measure_cues.tsv): (decision, how)."""
    plain = _plain(name)
    if plain in lex["stop"] or lex["not_after"].match(after) or lex["not_inside"].search(plain):
        return False, ""
    if re.search(r"[？?！!。，,]$", plain):
        return False, ""
    if re.search(r"[，,；;]", plain) and not lex["suffix_re"].match(after):
        return False, ""   # a slogan of two clauses, unless it names an activity
    if lex["suffix_re"].match(after):
        return True, "quoted before a suffix"
    if lex["verb_before"].search(before):
        return True, "quoted after a verb"
    if prev_ok and re.search(r"(?:[、和及与]|[”\"」』’])$", before):
        return True, "quoted in a list of measures"
    if lex["named_end"].search(plain) and len(plain) >= 4:
        return True, "quoted name of an initiative"
    return False, ""


def quoted_lists(lex: dict, text: str, decided: list) -> list:
    """Quoted names written as one list (“童心向党唱红歌”比赛、“学党史沐党恩跟党走”主题班会,
    “党史党员说”“劳动教育”等课程) share one reading: when one of them is taken as a measure
    and a word of the list says what they are (活动, 课程, 比赛 …: `suffix` cues), so is
    every other of the list that no stop word or honour cue rules out. ``decided``
    holds [match, taken, how] per quoted name, in text order; returns it updated."""
    runs, cur = [], []
    for item in decided:
        q = item[0]
        if cur:
            gap = text[cur[-1][0].end():q.start()]
            if not LIST_GAP.fullmatch(gap):
                runs.append(cur)
                cur = []
        cur.append(item)
    if cur:
        runs.append(cur)
    for run in runs:
        first, last = run[0][0], run[-1][0]
        if measure_patterns.problem_after(text, last.end()) or measure_vetoes.is_problem(
                lex, text[max(0, first.start() - 8):first.start()], text[last.end():last.end() + 4]):
            for item in run:      # “农村弱”“城镇挤”“大班额”等问题, 避免“形象工程”“政绩工程”: problems, not measures
                item[1], item[2] = False, VETOED
            continue
        if len(run) < 2 or not any(ok for _, ok, _ in run):
            continue
        if not any(lex["suffix_re"].match(re.sub(r"^等", "", text[q.end():q.end() + 8])) for q, _, _ in run):
            continue      # a list of slogans: no 活动/课程/比赛 … names what they are
        if LABELS_BEFORE.search(re.split(r"[，,。；;！？\n]", text[max(0, run[0][0].start() - 16):run[0][0].start()])[-1]):
            continue      # 作为“惠民工程”“爱心工程”来抓: labels given to a measure, not measures
        if any(item[1] and re.search(r"[县市区镇乡村校园]$", _plain(item[0].group(1))) for item in run):
            continue      # “乡村振兴示范县”: titles of places and schools
        for item in run:
            q = item[0]
            plain = _plain(q.group(1))
            after = text[q.end():q.end() + 4]
            if item[1] or plain in lex["stop"] or lex["not_after"].match(after) or lex["not_inside"].search(plain) \
                    or re.search(r"[？?！!。]", plain):
                continue
            item[1], item[2] = True, "quoted in a list with a measure"
    return decided


# how the quoted phrases of a list closed by 等问题, 等多门课程 … are marked (quoted_lists):
# the unquoted model takes no name inside them either
VETOED = "vetoed"
LABELS_BEFORE = re.compile(r"作为|称为|誉为|评为|列为|荣获|获得|入选|被")
# between two quoted names of one list: nothing, a separator, or a type word and a separator
LIST_GAP = re.compile(r"\s*(?:[\u3400-\u9fff]{0,6}[、和及与]\s*)?")


@functools.lru_cache(maxsize=None)
def _cue(kind: str) -> tuple[str, ...]:
    return tuple(row[1] for row in rules.table("measure_cues.tsv") if row[0] == kind)


@functools.lru_cache(maxsize=None)
def _cue_patterns() -> dict[str, re.Pattern]:
    """The patterns made of cue lists (rules/measure_cues.tsv), compiled once per process."""
    def alt(*kinds: str) -> str:
        return rules.alternation([w for k in kinds for w in _cue(k)])
    return {
        "named_end": re.compile(rf"(?:{alt('named')})$"),
        "generic": re.compile(rf"(?:{alt('generic')}|[和及与、])"),
        "lead_verb": re.compile(rf"^(?:{alt('lead', 'verb')})+"),
        "document_verb": re.compile(rf"(?:{alt('verb', 'document_verb')})[了的]?$"),
        "new_end": re.compile(rf"(?:{alt('new_end')})$"),
    }


def _with_written_suffix(o: Mention, text: str, lex: dict, out: list) -> None:
    """The mention's text runs on over its quotes and the word that follows (“三名”工程,
    主题党日活动) while its norm stays the name: either wording finds the one measure."""
    k = o.end + (1 if text[o.end:o.end + 1] in "”\"」』’" else 0)
    suf = lex["suffix_re"].match(text, k)
    if not suf or suf.group(0) not in _cue("written"):
        return
    end = suf.end()
    if any(x is not o and o.start <= x.start < end for x in out):
        return
    start = o.start - (1 if k > o.end and o.start > 0 and text[o.start - 1] in "“\"「『‘" else 0)
    o.start, o.end, o.text = start, end, text[start:end]


def _name_start(text: str, end: int, lex: dict) -> int:
    """Where an unquoted name ending at ``end`` starts: back over Chinese characters to a
    particle, a conjunction, punctuation or a verb of doing (at most 14 characters)."""
    a = end
    while a > 0 and end - a < 14 and re.match(r"[\u3400-\u9fff]", text[a - 1]) and text[a - 1] not in "的和及与了在对把将以为是有等了":
        a -= 1
    v = None
    for v in lex["verb_any"].finditer(text, a, end):
        pass
    return v.end() if v is not None and v.end() < end else a


def _generic(name: str) -> bool:
    """A name made only of generic words before its ending (防控机制, 课堂教学模式)."""
    pats = _cue_patterns()
    head = pats["named_end"].sub("", name)
    rest = pats["generic"].sub("", head)
    return len(rest) == 0


def _wrapped(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is written inside quotes of its own (or runs from the text's start
    to a closing quote, or from an opening quote to the end)."""
    return text[a - 1:a] in "“「『‘" and text[b:b + 1] in "”」』’"


def _plain(s: str) -> str:
    return re.sub(r"[“”\"「」『』‘’\s]", "", s)


# an edition or a round before an initiative's name is no part of it (第十三届津沽文化日, 首届…,
# 第六次早餐工程)
_EDITION_HEAD = re.compile(r"^(?:第[0-9０-９一二三四五六七八九十百零〇]+|首)[届次](?=..)")


def normalise(name: str) -> list[str]:
    """Canonical measure names for a written name (离校不离教、停课不停学 -> both; 第十三届津沽文化日
    -> 津沽文化日)."""
    lex = lexicon()
    name = _EDITION_HEAD.sub("", _plain(name))
    if name in lex["canon"]:
        return [lex["canon"][name]]
    parts = [p for p in re.split(r"[、，,]", name) if p]
    if len(parts) > 1 and any(p in lex["canon"] for p in parts):
        # 摸排动态信息日报、零报告制度 -> 零报告制度; 一岗双责，双重管理 -> 一岗双责
        return list(dict.fromkeys(lex["canon"][p] for p in parts if p in lex["canon"]))
    return [name]


def rule_unquoted(lex: dict, text: str) -> list[tuple[int, int, str, str]]:
    """Unquoted names the hand-written rule takes: X制度 / X机制 after a verb of adopting
    (实施日报和零报告制度), and names ending like an initiative in a clause with a verb."""
    out = []
    strip = _cue_patterns()["lead_verb"]
    for m in lex["system"].finditer(text):
        name = strip.sub("", m.group("name"))
        if len(name) >= 4 and not lex["not_inside"].search(name) and not _generic(name) \
                and not lex["unquoted_not"].search(name):
            b = m.end("name")
            out.append((b - len(name), b, name, "named initiative after a verb"))
    for m in lex["named_any"].finditer(text):
        a = _name_start(text, m.start(), lex)
        name = strip.sub("", text[a:m.end()])
        a = m.end() - len(name)
        clause = text[max(0, a - 30):a]
        clause = re.split(r"[，。；;！？,\n]", clause)[-1]
        if len(name) >= 4 and lex["verb_any"].search(clause) and not lex["not_inside"].search(name) \
                and not _generic(name) and not lex["unquoted_not"].search(name):
            out.append((a, m.end(), name, "named initiative in a clause with a verb"))
    return out


def list_siblings(lex: dict, text: str, taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, str]]:
    """Unquoted names of one list (joined by 、 和 及 与) next to a taken measure, when the
    taken one and each new one end like an initiative (`named`, `model_end` or `list_end`
    of rules/measure_cues.tsv): they share its reading. A name before the taken one starts
    after punctuation, a particle or a verb (a `list_lead` word such as 如 is no part of
    it). Repeated until the list is used up; (start, end, name) of each new name."""
    item = lex["list_item"]
    out: list[tuple[int, int, str]] = []
    lexical = {(a, b): by_lexicon for a, b, by_lexicon in taken}
    spans = sorted(lexical)
    seen = set(spans)
    while spans:
        a, b = spans.pop(0)
        if not lex["list_ending"].search(text, max(a, b - 6), b):
            continue
        found_here = []
        m = item.match(text, b)      # a name after: 、联控联保制
        if m:
            found_here.append((m.start("name"), m.end("name")))
        if a > 1 and text[a - 1] in "、":       # a name before: 蒙古作文大赛、
            e = a - 1
            s = _name_start(text, e, lex)
            s = lex["list_lead"].match(text, s, e).end() if lex["list_lead"].match(text, s, e) else s
            if lex["list_ending_end"].search(text[s:e]):
                found_here.append((s, e))
        for s, e in found_here:
            lv = _cue_patterns()["lead_verb"].match(text[s:e])
            s += lv.end() if lv else 0       # 、完善…: the verb before a name is no part of it
            name = text[s:e]
            # a lexicon name opening it (控辍保学 of 控辍保学劝返制) gives way to the longer name;
            # a task of a list of tasks (加强教师队伍建设: `list_not_end`) is no name
            head = name[:lex["list_ending_end"].search(name).start()]
            if (s, e) in seen or len(name) < 4 or name in lex["stop"] or _generic(name) \
                    or not _cue_patterns()["generic"].sub("", head) \
                    or lex["unquoted_not"].search(name) or lex["not_inside"].search(name) \
                    or lex["list_not_end"].search(name) \
                    or any(x < e and s < y and not (s == x and y <= e and lexical[x, y]) for x, y in seen):
                continue
            seen.add((s, e))
            lexical[s, e] = False
            spans.append((s, e))
            out.append((s, e, name))
    return sorted(out)


def word_start(lex: dict, doc: Doc, starts: list[int], a: int, b: int) -> int:
    """Where an unquoted name found at ``a`` starts on the tokenizer's words: a start inside a
    word moves past a verb of doing (建立疫情应急处置机制: 疫情…) and back to the start of any
    other word of jieba's dictionary (新时代教育督导体制机制, 全国中小学…提升工程, 以案释法制度;
    not a word its HMM made up: 制和控 of 联控联保制和控辍保学劝返制); a joining word before a verb
    is no part of it (建立和规范礼仪制度: 规范礼仪制度). ``starts``: the doc's token offsets."""
    text = text_of(doc)
    around = _word_around(doc, starts, a)
    if around is not None:
        s, e = around
        if lex["lead_verb_word"].fullmatch(text[s:e]):
            a = e
        elif dictionary_word(text[s:e]):
            a = s
    while a < b and text[a] in "和与及并":
        a += 1
    return a


def past_verb_inside(lex: dict, text: str, a: int, b: int) -> int:
    """Where an unquoted name text[a:b] starts once a verb of doing inside it is left out
    (持续实施高校银龄教师支援西部计划: 高校银龄教师支援西部计划; rules/measure_cues.tsv
    ``verb_inside``): past the last such verb that four characters or more follow."""
    last = a
    for m in lex["verb_inside"].finditer(text, a + 1, b):
        if b - m.end() >= 4:
            last = m.end()
    return last


def _word_around(doc: Doc, starts: list[int], a: int) -> tuple[int, int] | None:
    """(start, end) of the tokenizer's word that ``a`` falls inside (not at its start), else None.
    ``starts``: the doc's token offsets."""
    k = bisect_right(starts, a) - 1
    if k >= 0 and starts[k] < a < starts[k] + len(doc[k].text):
        return starts[k], starts[k] + len(doc[k].text)
    return None


def _in_a_word(text: str, doc: Doc, starts: list[int], a: int) -> bool:
    """Whether ``a`` falls inside a tokenizer's word that jieba's dictionary knows (广大 of
    广大思政课教师), not one its HMM made up around a name it did not know (以控 of 以控辍保学)."""
    around = _word_around(doc, starts, a)
    return around is not None and bool(dictionary_word(text[around[0]:around[1]]))


# an initiative's generic ending, after a word that names none (庞大行动, 何种行动, 四个计划)
_GENERIC_END = re.compile(r"([\u4e00-\u9fff]{2,3})(?:行动|工程|计划|活动|机制|制度|模式)")
_COUNTED = re.compile(r"[一二三四五六七八九十两几多数\d]+[个项种类条]")


def _no_name_head(name: str) -> bool:
    """Whether an unquoted name is one of the generic endings after a pronoun, a preposition,
    an adjective or a count (何种行动, 按照计划, 庞大行动, 良好制度, 四个计划): no initiative named."""
    m = _GENERIC_END.fullmatch(name)
    return m is not None and (word_pos(m.group(1)) in ("r", "p", "a") or _COUNTED.fullmatch(m.group(1)) is not None)


def _in_other_title(lex: dict, text: str, a: int, b: int) -> bool:
    """Whether text[a:b] lies inside a title in 《》 that names no document (a book, a
    programme, a periodical): a document's title (《…实施方案》, 《…的意见》) may name measures."""
    o = text.rfind("《", max(0, a - 60), a + 1)
    if o < 0 or "》" in text[o:a]:
        return False
    c = text.find("》", b, b + 60)
    if c < 0 or "《" in text[b:c]:
        return False
    return lex["document"].fullmatch(text, o, c + 1) is None


def _counted(text: str, a: int) -> bool:
    """Whether a numeral stands right before ``a`` (2次视力监测制度, 三次国培计划)."""
    return a > 0 and (text[a - 1].isdigit() or text[a - 1] in "一二两三四五六七八九十百千万几")


def _head_of_quoted(text: str, o: Mention, out: list[Mention]) -> bool:
    """Whether ``o``, a name read without quotes, is only what a quoted measure right before
    it is (“党风带师风”的工作机制, “红山教育领航人”人才培养计划): the measure is the quoted name
    alone, as train/'s gold writes it; a name of the lexicon stays (“七一”主题党日活动)."""
    if o.attrs.get("found_by") == "lexicon" or text[o.start:o.start + 1] in ("“", "\"", "「", "『"):
        return False
    for gap in ("”", "”的", "\"", "\"的", "」", "』"):
        b = o.start - len(gap)
        if b > 0 and text[b:o.start] == gap and any(q is not o and q.end == b for q in out):
            return True
    return False


def _drop_places(text: str, ms: list[Mention], ents: dict, spans: set[tuple[int, int]]) -> None:
    """Remove the PLACE mentions of ``spans`` (names of measures the places stage read as
    places no division holds), the same names' other quoted PLACE mentions (“X”行动 … “X”任务:
    one name, one reading), and their entities where no other mention is left."""
    if not spans:
        return
    names = {text[a:b] for a, b in spans}

    def named(m: Mention) -> bool:
        return m.label == "PLACE" and ((m.start, m.end) in spans or m.key.startswith("place:?/")
                                       and m.text in names and _wrapped(text, m.start, m.end))
    gone = {m.key for m in ms if named(m)}
    ms[:] = [m for m in ms if not named(m)]
    for key in gone - {m.key for m in ms}:
        ents.pop(key, None)


class MeasureRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        text = text_of(doc)
        ms = found(doc)
        names_taken = [(m.start, m.end) for m in ms if m.label in ("ORG", "PLACE", "PERSON")]
        # a place named inside the quotes of a name (“了不起的中国人”) does not stop it
        places = {(m.start, m.end) for m in ms if m.label == "PLACE"}
        unplaced = {(m.start, m.end) for m in ms if m.label == "PLACE" and m.key.startswith("place:?/")}
        named_not_placed: set[tuple[int, int]] = set()
        model = measure_model.load()
        dates = {(m.start, m.end) for m in ms if m.label == "DATE"}   # “除夕”防疫宣传版 names a day
        out: list[Mention] = []
        # the tokens' offsets and ends, read as arrays (iterating the doc makes a Token each)
        idx_len = doc.to_array([IDX, LENGTH]).reshape(-1, 2)
        starts = idx_len[:, 0].tolist()
        start_set, end_set = set(starts), set((idx_len[:, 0] + idx_len[:, 1]).tolist())

        def add(a: int, b: int, written: str, how: str, quoted: bool = False, titled: bool = False):
            # a place inside a quoted name, any name inside a document's title (titled) does not stop it
            # so does a school inside the quotes of a name (“红星海学校劳动教育”)
            wrapped = _wrapped(text, a, b)
            if not wrapped and how != "lexicon":
                a = word_start(lex, doc, starts, a, b)
                if not quoted:    # a document's title keeps its verbs (《关于…进行重新布局调整的决定》)
                    a = past_verb_inside(lex, text, a, b)
                written = text[a:b] if a < b else ""
            unit = lex["counted_unit"].match(text, a) if _counted(text, a) else None
            if unit is not None:   # 每学期2次视力监测制度, 参加过3次国培计划: a count before the name
                a = unit.end()
                written = text[a:b] if a < b else ""
            year = None if wrapped else measure_names.LEAD_YEAR.match(text, a)
            if year is not None and b - year.end() >= 4:   # 2015年开福区中小学生艺术展演活动: the year's
                a = year.end()                                # run of the measure is the measure
                written = text[a:b]
            if any(x < b and a < y and not ((quoted and ((x, y) in places or wrapped) or titled)
                                            and a <= x and y <= b and (x, y) != (a, b))
                   for x, y in names_taken) \
                    or any(o.start < b and a < o.end for o in out):
                return
            if not wrapped and text[b:b + 1] == "化":
                return    # 推进志愿服务制度化, 常态化制度化: made a system of, no measure named
            if not wrapped and _no_name_head(text[a:b]):
                return    # 庞大行动, 何种行动, 四个计划, 按照计划: a kind of work said, none named
            if not wrapped and not titled and _in_other_title(lex, text, a, b):
                return    # 《中国制度面对面》: a book's title, no document that sets up 中国制度
            after = b + (text[b:b + 1] in "”’」』\"")    # past the closing quote of a quoted name
            if _plain(written).endswith("工程") and (lex["field_after"].match(text, after)
                                                      or lex["field_list"].match(text, after)):
                return    # 建筑材料工程专业, “工业设计工程”领域, 建筑设备工程、…和信息工程六大专业群: fields of study
            plain = _plain(written)
            formula = wrapped and re.fullmatch(r"\d+(?:\+\d+)+", plain) is not None   # “5+2”课后服务
            if len(plain) < 2 or plain in lex["stop"] or re.fullmatch(r"[\d\W]+", plain) and not formula \
                    or lex["institution"].search(plain):
                return    # … or an institution (名师工作室, 重点实验室: ``institution`` of measure_cues.tsv)
            if "?" in plain or "？" in plain:
                return    # 如何培养未来国际英才??留学之路: a question (a talk's title), or a dash lost in decoding
            for canon in normalise(plain):
                out.append(Mention("MEASURE", a, b, text[a:b], norm=canon, key=f"measure:{canon}",
                                   attrs={"found_by": how, "category": lex["category"].get(canon, "")}))
                break  # one mention per span; the other canonical names go to its attrs
            if len(normalise(plain)) > 1:
                out[-1].attrs["also"] = normalise(plain)[1:]

        # patterned names, quoted descriptors and all (“护苗”“净网”专项整治行动, 体验式学习,
        # 城乡教育发展共同体): taken first, so their quoted pieces are not taken again
        for a, b, name, how in (measure_patterns.campaigns(lex, text, _generic) + measure_patterns.styles(lex, text)
                                + measure_patterns.groupings(lex, text)):
            add(a, b, name, how, quoted=True)
        # discovered: quoted names with a cue around them (a verb of doing before, 活动 or
        # 政策 after, a list of such names, a name that ends like an initiative)
        prev_end, prev_ok = -10, False
        decided = []
        for q in lex["quote"].finditer(text):
            before = text[max(0, q.start() - 8):q.start()]
            if q.start() - prev_end > 1:
                prev_ok = False
            ok, how = quoted_is_measure(lex, before, q.group(1), text[q.end():q.end() + 4], prev_ok)
            prev_end, prev_ok = q.end(), ok
            if model is not None and model.get("quoted") and _plain(q.group(1)) not in lex["stop"]:
                p = measure_model.probability(model["quoted"], measure_model.features(
                    lex, text, q.start(), q.end(), q.group(1), ok, how))
                ok, how = p >= model["quoted"]["threshold"], f"quoted name, measure model p={p:.2f}"
            if ok and measure_vetoes.not_a_name(lex, text, q, before):
                ok, how = False, ""
            decided.append([q, ok, how])
        vetoed = []       # quoted phrases of a list of problems or titles: no unquoted name inside them
        for q, ok, how in quoted_lists(lex, text, decided):
            a, b = q.start(1), q.end(1)
            if how == VETOED:
                vetoed.append((a, b))
            if not ok or (a, b) in dates:
                continue
            suf = lex["suffix_re"].match(text, q.end())
            if suf and (a, b) in unplaced:
                # “百校联百县兴千村”行动: a quoted name read as a place no division holds is the
                # initiative's name, not a place
                names_taken.remove((a, b))
                named_not_placed.add((a, b))
            if suf and suf.group(0) in lex["keep"]:
                add(q.start(), q.end() + len(suf.group(0)), _plain(text[a:b]) + suf.group(0), how, quoted=True)
            else:
                add(a, b, text[a:b], how, quoted=True)
        ruled = rule_unquoted(lex, text)
        if model is not None and model.get("unquoted"):
            # unquoted names ending like an initiative (rules/measure_cues.tsv `model_end`):
            # the model picks where each starts and whether it is a measure
            for a, b, p in measure_model.unquoted(lex, text, {x[2] for x in ruled}, model["unquoted"]):
                if _generic(text[a:b]) or _cue_patterns()["new_end"].search(text, a, b) or \
                        any(x <= a and b <= y for x, y in vetoed):
                    continue      # 标志性工程, 防控机制: only generic words before the ending;
                    # 石窟考古新模式: what is new about the work (`new_end`); “北方大田作物管理”
                    # “春耕病虫害防治”等多门课程: a title, vetoed as a quoted name
                if measure_vetoes.proposed(lex, text, a):
                    continue      # 要建立健全…协同机制: what someone says should be built
                lead = _cue_patterns()["lead_verb"].match(text[a:b])
                if lead is not None and len(lead.group(0)) >= 2 and b - a - lead.end() >= 4:
                    a += lead.end()  # 推动建设…长效机制 read from 建设: the verb is no part of the name
                a = past_verb_inside(lex, text, a, b)    # 持续实施…西部计划: from what follows 实施
                a = measure_names.shared_head_start(lex, text, a)    # 建立起中、高职生均拨款制度: from 中
                # a place opening the name stays in it (开福区中小学生艺术展演活动)
                add(a, b, text[a:b], f"unquoted name, measure model p={p:.2f}", quoted=True)
        else:
            for a, b, name, how in ruled:
                add(a, b, name, how)
        # plans and rules named as documents: 按照《国家职业教育改革实施方案》
        listed = -1
        for m in lex["document"].finditer(text):
            before = text[max(0, m.start() - 8):m.start()]
            # 按照《国家…实施方案》和《四川省…实施方案》: a title listed after a taken one
            if _cue_patterns()["document_verb"].search(before) or listed >= 0 and re.fullmatch(r"[和、及与]", text[listed:m.start()]):
                name = re.sub(r"[（(][^）)]*[）)]?$", "", m.group(1))
                name = measure_names.programme_of(name)   # 《…西部计划实施方案》: the programme
                # the place a title names (《定兴县尊师重教十项措施》) stays in it
                # so does a body it names (《关于成立…教育集团…的决定》), unless it honours (表彰…先进…的决定)
                add(m.start(1), m.start(1) + len(name), name, "plan named as a document after a verb", quoted=True,
                    titled=not lex["not_inside"].search(name))
                listed = m.end()
        # the lexicon, anywhere but inside a relationship or a title (师徒结对帮扶关系,
        # 近视防控示范县: rules/measure_cues.tsv ``lexicon_not_after``)
        for m in lex["lex_re"].finditer(text):
            if m.start() not in start_set and m.end() not in end_set:
                continue  # 国培 of 出国培训: a name across two words, neither begun nor ended by it
            if _in_a_word(text, doc, starts, m.start()):
                continue  # 大思政课 of 广大思政课教师: begun inside a word of the dictionary
            if m.group(0) in lex["quoted_only"] and not _wrapped(text, m.start(), m.end()):
                continue  # 要求做好…居家学习有关工作: a plain phrase, the measure is “居家学习”
            if not lex["lexicon_not_after"].match(text, m.end()):
                add(m.start(), m.end(), m.group(0), "lexicon")
        # the other names of a list one of whose names was taken (举办蒙古作文大赛、蒙古语诗歌朗诵大赛,
        # 建立控辍保学目标责任制、联控联保制和控辍保学劝返制)
        for a, b, name in list_siblings(lex, text, [(o.start, o.end, o.attrs["found_by"] == "lexicon") for o in out]):
            out[:] = [o for o in out if not (a <= o.start and o.end <= b and o.attrs["found_by"] == "lexicon")]
            add(a, b, name, "named in a list with a measure")
        out[:] = [o for o in out if not _head_of_quoted(text, o, out)]
        for o in out:
            if o.attrs.get("also"):
                o.attrs["also"] = list(o.attrs["also"])
            _with_written_suffix(o, text, lex, out)
        measure_names.place_variants(out)
        ms.extend(sorted(out, key=lambda m: m.start))
        ents = doc._.entities or {}
        _drop_places(text, ms, ents, {(a, b) for a, b in named_not_placed
                                if any(o.start <= a and b <= o.end for o in out)})
        for o in out:
            for canon in [o.norm] + o.attrs.get("also", []):
                rec = ents.setdefault(f"measure:{canon}", {"label": "MEASURE", "name": canon, "aliases": [],
                                                           "attrs": {"kind": o.attrs.get("category", "")}})
                if o.text not in rec["aliases"]:
                    rec["aliases"] = sorted(set(rec["aliases"]) | {_plain(o.text)})
        doc._.entities = ents
        return doc


@Language.factory("edu_measures")
def make_measure_recognizer(nlp: Language, name: str):
    return MeasureRecognizer()
