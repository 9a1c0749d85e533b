"""People: what the model finds, checked against what a name can be, and completed by
the report's byline.

* a name is two characters at least and holds only Chinese characters and the middle
  dot of transliterated names (``阿迪力·阿布都赛买提``): a lone surname before a title
  (``王老师``) is optional in ANNOTATION.md and not a person here;
* ordinary words are not names (rules/person_stop.txt: ``严峻性``, ``马克思`` from
  ``马克思主义``);
* the byline's authors and editor are people wherever the text names them;
* public figures (rules/persons_public.txt: 钟南山, 袁隆平) are people wherever the text
  names them as a word of its own, whatever the model read (钟南山 is no 南山 district), but
  not in a doctrine's name (习近平新时代中国特色社会主义思想).
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from .. import rules
from ..doc import Mention, covered
from ..util import occurrences
from . import lexicon

_NAME = re.compile(r"[\u3400-\u9fff]{2,6}|[\u3400-\u9fff]{1,8}(?:[·•][\u3400-\u9fff]{1,10}){1,3}")


@functools.lru_cache(maxsize=None)
def stop_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(words that are never names, endings that make a word no name)."""
    words, ends = set(), []
    for w in rules.items("person_stop.txt"):
        if w.startswith("*"):
            ends.append(w[1:])
        else:
            words.add(w)
    return frozenset(words), tuple(ends)


@functools.lru_cache(maxsize=None)
def _long_roles() -> tuple[str, ...]:
    return tuple(r for r in lexicon.roles().words if len(r) >= 2)


def plausible(text: str, s: int, e: int) -> bool:
    name = text[s:e]
    if not _NAME.fullmatch(name):
        return False
    words, ends = stop_words()
    if name in words or (ends and name.endswith(ends)) or name[0] in _NO_SURNAME:
        return False
    # a role (责任编辑), or a word jieba's dictionary knows as something else (纪检组)
    if lexicon.roles().words.get(name) or name.endswith(_long_roles()) or "记者" in name:
        return False      # … and 报记者所 of 华商报记者所持
    p = lexicon.pos(name)
    if p and not p.startswith("nr") and p not in ("x", "eng", "nz"):
        return False
    if len(name) == 4 and lexicon.common_word(name[:2], _COMMON_FREQ) and lexicon.freq(name[2:]) >= _COMMON_FREQ:
        return False      # 施展才华, 专家见解, 各种演出: two common words, no name
    # 小郑 + 多年, 依然, 只: a nickname (小/老 and a surname) before a common word, no name
    if text[s - 1:s] in ("小", "老") and e - s <= 3 and lexicon.surnames().get(name[0]) \
            and lexicon.pos(name[1:])[:1] in ("d", "m") and lexicon.freq(name[1:]) >= _COMMON_FREQ:
        return False
    # a word running on: 马克思 in 马克思主义
    follow = text[e:e + 2]
    return not (follow and follow in _RUN_ON) and not names_doctrine(text, e) and not begins_a_name(text, e)


_RUN_ON = frozenset({"主义", "思想", "理论", "学说"})
# how often a word is in jieba's dictionary for it to be a common word, not a name's half
# (施展, 专家; not 欧阳, 扎西)
_COMMON_FREQ = 300
# a name that begins an institution's or a facility's name (孔子课堂, 赵德营卫生院, 雷锋小学,
# 钱学森图书馆, 杜甫草堂, 《赫芬顿邮报》, 黄麦岭学校, 黄麦岭控股集团), not a person; 韩福财大学毕业
# is one, and so is 邱运华 before 学校办公室 (a list without its separator)
_NAMES_A_PLACE = re.compile(r"(?:课堂|学堂|学院|卫生院|医院|纪念馆|陈列馆|图书馆|书院|陵园|草堂|故居|邮报|律师行|基金会|工作室|小学|中学|"
                            r"幼儿园|学校(?![办党团工领校])|控股|集团)(?!毕业|时)")


def begins_a_name(text: str, e: int) -> bool:
    """Whether a name ending at ``e`` begins an institution's name (孔子课堂, 雷锋小学)."""
    return _NAMES_A_PLACE.match(text, e) is not None


# particles no name starts with (记者了解到, 文汇报记者的步伐)
_NO_SURNAME = frozenset("的了着地得")


_COUNT = re.compile(r"[一二三四五六七八九十两]+(?=[人名位个])")


def trim(text: str, s: int, e: int, words: dict | None = None) -> int:
    """The end of a name without a count run into it (孙丽四人 -> 孙丽), or the first
    character of the next word (王祥郑重表示: 郑重 is a word, so the name is 王祥), or a
    frequent adverb, verb or adjective after one surname and one character (李全非常感慨)."""
    m = _COUNT.search(text, s + 2, e + 1)
    if m and m.start() < e:
        return m.start()
    w_end = (words or {}).get(e - 1)
    nxt = text[e - 1:w_end] if w_end else ""
    if e - s == 3 and w_end and w_end > e and lexicon.freq(nxt) >= 500 and not lexicon.pos(nxt).startswith("nr") \
            and not (nxt.endswith("等") and _AFTER_LIST_END.match(text, w_end)):
        return e - 1
    if e - s == 3 and (words or {}).get(e - 1) == e and lexicon.surnames().get(text[s]) == "common" \
            and text[e - 1] in _FUNCTION_AFTER and (words or {}).get(s) == e - 1:
        return e - 1   # 杨琴用妹妹男友的身份注册, 曹宇先…然后: a word of its own after a two-character name
    if e - s == 4 and (words or {}).get(e - 2) == e and lexicon.surnames().get(text[s]) == "common" \
            and text[s:s + 2] not in lexicon.surnames() and lexicon.pos(text[e - 2:e])[:1] in _RUN_ON_POS \
            and lexicon.freq(text[e - 2:e]) >= 500:
        return e - 2   # 校长李全非常感慨: one surname, one given character and the adverb after
    return e


def translit_tail(text: str, s: int, e: int, words: dict) -> int:
    """The end of a name written by sound with a dot (吐尔洪·托护提) where the model stopped a
    syllable short (吐尔洪·托护, 艾尼卡江·阿布|都古力): the characters after it that write sounds
    (rules/translit_chars.txt, rules/translit_tail_chars.txt) up to one that does not, or to a
    word of its own (比尔·盖茨 + 基金会 stays)."""
    if not ("·" in text[s:e] or "•" in text[s:e]):
        return e
    sounds, inner = _tail_sounds()
    k = e
    while k < len(text) and k - e < 4:     # 阿迪力·阿布|都赛买提: four at most
        w = words.get(k, k + 1)
        # one character a word, or after one a word of sounds (阿布|都|古力); no word of its own
        if (w - k > 1 and (k == e or w - e > 3)) or not all(c in sounds for c in text[k:w]):
            break
        k = w
    while k > e and text[k - 1] in inner:
        k -= 1       # 尼亚孜都|说: a character that stands inside names ends none
    if k >= len(text):
        return e
    w = words.get(k, k + 1)
    # the name ends where what follows writes no sound, or opens a word that is not all sounds
    # (伊布拉音|列举: 列 writes sounds, 列举 is a word)
    return k if text[k] not in sounds or (w - k > 1 and not all(c in sounds for c in text[k:w])) else e


_DOTS = "·•・"
_DOT_RE = re.compile(f"[{_DOTS}]")


def cut_outlet(text: str, m: Mention) -> Mention:
    """A person's name the model ran into an outlet known by name after it (苏雁光明日报见习记者,
    read as one name or as one body): the person alone, a name of two or three characters
    opening with a surname; the outlet is found on its own."""
    if m.label not in ("PERSON", "ORG") or len(m.text) < 5:
        return m
    known, local, surnames = lexicon.known_orgs().words, lexicon.local_media().words, lexicon.surnames()
    for k in (2, 3):
        tail = m.text[k:]
        hit = known.get(tail) or local.get(tail)
        if hit and hit[0] == "media" and m.text[0] in surnames and plausible(text, m.start, m.start + k):
            return Mention("PERSON", m.start, m.start + k, m.text[:k], attrs={})
    return m


def join_dotted(text: str, ms: list[Mention]) -> list[Mention]:
    """A name written by sound that the model cut at its dot, reading the part after it as a
    place (格里高利 · 华盛顿): one person's name."""
    after = {m.start: m for m in ms if m.label in ("PLACE", "PERSON")}
    out, gone = [], set()
    for m in ms:
        nxt = after.get(m.end + 1) if m.label == "PERSON" and text[m.end:m.end + 1] in _DOTS else None
        if nxt is not None and nxt is not m and lexicon.is_cjk(text[m.end - 1]):
            out.append(Mention("PERSON", m.start, nxt.end, text[m.start:nxt.end], attrs=dict(m.attrs)))
            gone.update((id(m), id(nxt)))
    return [m for m in ms if id(m) not in gone] + out if out else ms


def dotted_after_post(text: str, ms: list[Mention], words: dict) -> list[Mention]:
    """A name written by sound with a dot right after a post where the model found nothing
    (副校长买吐送·阿不力孜介绍说, 教授弗吉亚·娜吉亚): from the end of the post (rules/roles.tsv) to
    the dot, two to six characters, and after the dot its syllables as ``translit_tail``
    reads them (阿不力孜 + 介绍: a word of its own ends it). Column titles (解码·高考) have no
    post before them."""
    dots = [d.start() for d in _DOT_RE.finditer(text)]
    if not dots:
        return []
    roles, busy, out = lexicon.roles().words, covered(len(text), ms), []
    for i in dots:
        if i < 3 or i + 3 > len(text) or busy[i - 1] or busy[i + 1] \
                or not (lexicon.is_cjk(text[i - 1]) and lexicon.is_cjk(text[i + 1]) and lexicon.is_cjk(text[i + 2])):
            continue
        a = next((k for k in range(i - 2, max(0, i - 7) - 1, -1)
                  if any(k >= n and text[k - n:k] in roles for n in (2, 3, 4))), None)
        if a is None or not all(lexicon.is_cjk(c) for c in text[a:i]) or any(busy[a:i]):
            continue
        e = translit_tail(text, a, i + 3, words)
        if not any(busy[i:e]):
            out.append(Mention("PERSON", a, e, text[a:e]))
    return out


@functools.lru_cache(maxsize=None)
def _tail_sounds() -> tuple[frozenset[str], frozenset[str]]:
    """(the characters a name's last syllables after a dot are written with, those of them
    that end no name): rules/translit_chars.txt and rules/translit_tail_chars.txt."""
    items = rules.items("translit_tail_chars.txt")
    inner = frozenset(x[1:] for x in items if x.startswith("!"))
    return frozenset(lexicon.translit_chars()) | {x.lstrip("!") for x in items}, inner


# one-character words that follow a name as its sentence goes on (prepositions and adverbs),
# never written as the last character of a two-character name's given part by jieba's reading
_FUNCTION_AFTER = frozenset("用先把被向给也就都又却便已曾")
# the parts of speech of a frequent word a four-character name cannot end in (非常, 表示, 感慨)
_RUN_ON_POS = ("d", "v", "a", "c", "p", "m", "s")


# what follows 等 closing a list of people (授予姚秀平等16名同志, 张建中等人): there 平等, 中等
# are no words, the name is whole
_AFTER_LIST_END = re.compile(r"[\d一二三四五六七八九十两几数多，。、；,;]|人|同志|老师|领导|专家|学生|代表|名|位|$")


def bylined(text: str, context: dict | None) -> list[Mention]:
    """The byline's authors and editor wherever the text names them."""
    names = set((context or {}).get("authors") or [])
    if (context or {}).get("editor"):
        names.add(context["editor"])
    out = []
    for name in sorted(names):
        if not name or not plausible(name, 0, len(name)):  # an author list may hold 编辑
            continue
        for s, e in occurrences(text, name):
            out.append(Mention("PERSON", s, e, name, attrs={"byline": True}))
    return out


@functools.lru_cache(maxsize=None)
def public_names() -> frozenset[str]:
    """People known nationwide (rules/persons_public.txt)."""
    return frozenset(rules.items("persons_public.txt"))


# a doctrine named after its author (习近平新时代中国特色社会主义思想, 毛泽东思想): no mention of him
_DOCTRINE = re.compile(r"(?:新时代[^，。；！？、,;!?\s的]{0,12}?|[^，。；！？、,;!?\s的]{0,4}?)(?:思想|理论|主义)")


def names_doctrine(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` starts a doctrine's name (毛泽东思想)."""
    return bool(_DOCTRINE.match(text, end))


def public_figures(text: str, starts: frozenset, ends: frozenset) -> list[Mention]:
    """Every public figure the text names where the tokenizer's words start and end with
    the name (马克思 inside 马克思主义 is not one), but for a doctrine's name."""
    out = []
    for name in sorted(public_names()):
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            if i in starts and e in ends and not names_doctrine(text, e) and not begins_a_name(text, e):
                out.append(Mention("PERSON", i, e, name))
            i = text.find(name, e)
    return out


_CREDIT = re.compile(r"(?:^|(?<=[\s(（【\[]))(?:(?:作者|编辑|责编|责任编辑|审核|校对|初审|复审|终审|摄影|记者|通讯员|图/文|文/图|图文|文|图)[ \t]*[:：]"
                     r"|(?<=[(（【\[ ])(?:记者|通讯员|实习生|摄影)(?=[ \t])"
                     # a dateline's bracket of names alone: 红网讯(欧满清 卢辉平)
                     r"|(?<=讯[(（])(?!记者|通讯员|实习生|摄影|作者|编辑)(?=[\u3400-\u9fff]{2,4}(?:[ \t]+[\u3400-\u9fff]{2,4}){0,3}[)）]))[ \t]*"
                     r"((?:[\u3400-\u9fff]{2,4}[ \t、，,/]*){1,6})", re.M)
_CREDIT_DEED = ("报道", "供图")     # what a credited name may be written with: (王芳报道)
# a caption or a bracket signed by a name and what it did, photographed or edited (朱其摄】, 柯蓝辑)):
# the name stands after a stop, a space or a bracket and the sign closes the caption
_SIGNED = re.compile(r"(?<=[\s。，,(（【\[/])([\u3400-\u9fff]{2,3})[摄辑](?=[)）】\]]|[ \t]*$)", re.M)


def unsigned(text: str, ms: list[Mention]) -> list[Mention]:
    """A name read with the sign of a caption after it (柯蓝辑 of (海西地产网 柯蓝辑), 朱其摄) is
    the name alone."""
    signed = {m.start(1): m.end(1) for m in _SIGNED.finditer(text)}
    return [Mention(m.label, m.start, signed[m.start], text[m.start:signed[m.start]], attrs=dict(m.attrs))
            if m.label == "PERSON" and m.end == signed.get(m.start, -1) + 1 else m for m in ms]


def credited(text: str) -> list[Mention]:
    """The names of a credit line (审核:明媛、谢婷婷, 编辑:王杨, (图/文:县政协办 李健虢); in
    brackets also without the colon: (记者 甘沁雨 通讯员 卢钦全), and a dateline's bracket of names
    alone: 红网讯(欧满清 卢辉平)): two to four characters from a surname
    (rules/surnames.tsv), that may be a name, each up to a list mark, a space, a closing
    bracket or the line's end."""
    surnames = lexicon.surnames()

    def may_be_name(s: int, e: int) -> bool:
        return (text[s] in surnames or text[s:s + 2] in surnames) and plausible(text, s, e)

    out = []
    for m in _SIGNED.finditer(text):     # 【大会现场。朱其摄】, (海西地产网 柯蓝辑)
        if may_be_name(*m.span(1)):
            s, e = m.span(1)
            out.append(Mention("PERSON", s, e, text[s:e], attrs={"byline": True}))
    for m in _CREDIT.finditer(text):
        for n in re.finditer(r"[\u3400-\u9fff]{2,4}", m.group(1)):
            s, e = m.start(1) + n.start(), m.start(1) + n.end()
            if text.endswith(_CREDIT_DEED, s, e) and e - s >= 4:
                e -= 2        # (王芳报道): the name and what it did
            if may_be_name(s, e) and (e == len(text) or text[e] in " \t、，,/\n)）】]" or text.startswith(_CREDIT_DEED, e)):
                out.append(Mention("PERSON", s, e, text[s:e], attrs={"byline": True}))
    return out


# a prize or a scholarship named after someone: 诺贝尔奖得主, 诺贝尔化学奖获得者, 菲尔兹奖、沃尔夫奖,
# 宋庆龄奖学金 (not 给予王芳奖金, 李明奖励: a person given money)
_PRIZE_FIELD = "(?:文学|化学|物理学|物理|经济学|和平|生理学或医学|医学|数学)?"
_PRIZE_AFTER = re.compile(rf"{_PRIZE_FIELD}奖(?:学金|章|杯)?(?=得主|获得者|获奖|委员会|评选|[”\"的、和与，,。；;）)]|零突破|$)"
                          rf"|{_PRIZE_FIELD}奖学金")


def names_a_prize(text: str, m: Mention) -> bool:
    """Whether a name stands in a prize's or a scholarship's name (诺贝尔奖得主, 宋庆龄奖学金):
    no person is mentioned there."""
    return m.label == "PERSON" and _PRIZE_AFTER.match(text, m.end) is not None


_CREDIT_CODE = re.compile(r"(?:责任编辑|值班编辑|编辑|责编|审核|校对|初审|复审|终审)[ \t]*[:：][ \t]*([A-Za-z][A-Za-z0-9_]*)")


def credit_codes(text: str) -> list[tuple[int, int]]:
    """Where a credit line gives an editor's login instead of a name (责任编辑：HEB037,
    责任编辑：yafangpeng: some 150 credits of the corpus): no name and no organisation."""
    return [m.span(1) for m in _CREDIT_CODE.finditer(text)]


# a graduate's name run into 大学毕业 (韩福财大学毕业后返回县一中任教: 韩福财, no 韩福财大学)
_GRADUATED = ("毕业",)


def graduates(text: str, ms: list[Mention]) -> list[Mention]:
    """A "university" read from a person's name and 大学毕业 (``7年前，韩福财大学毕业后``): the
    name is a PERSON where it is three characters opening with a common surname, no division
    and no known name, and the university is no organisation."""
    surnames = lexicon.surnames()
    out = []
    for m in ms:
        name = m.text[:-2]
        if m.label == "ORG" and m.text.endswith("大学") and len(name) == 3 and text.startswith(_GRADUATED, m.end) \
                and surnames.get(name[0]) == "common" and not lexicon.divisions().lookup(name) \
                and not lexicon.known(name) and plausible(text, m.start, m.start + 3):
            m = Mention("PERSON", m.start, m.start + 3, name, attrs={"rule": "graduate"})
        out.append(m)
    return out


def reconcile(text: str, ms: list[Mention]) -> list[Mention]:
    """One spelling per name in a report where the model read it one character short in
    places: 张占 where the text goes on 张占超 and the report names 张占超 more often (见到
    张占超时: jieba read 超时; 何骏|飞平时 where 何骏飞 is named as often: a name of two
    characters gives way to the three the text goes on to). Two people whose names differ by a
    character stand apart (王华、王华平: the text does not go on). (Trimming the longer spelling where the shorter
    one is as frequent and its last character a verb or an adverb, 俞渝快言, cut real names on
    dev/: not done.) A name run on into an adverb or a conjunction of the clause after it (赵敏便,
    王希却, 郑琰则), where the report also names it without, is cut back: names hardly end so;
    so is one run on into a verb or a preposition (郭波致, 刘路为) where the report names it
    without as often or more."""
    n = Counter(m.text for m in ms if m.label == "PERSON")
    # the names of three a name of two is read into with different third characters (史俊急,
    # 史俊挪, 史俊扯 beside 史俊 five times): verbs of its clauses
    variants = Counter(t[:2] for t in n if len(t) == 3 and n.get(t[:2]))
    taken = {i for m in ms for i in range(m.start, m.end)}
    out = []
    for m in ms:
        longer = n.get(m.text + text[m.end], 0) if m.label == "PERSON" and m.end < len(text) else 0
        if longer and (longer > n[m.text] or len(m.text) == 2 and longer == n[m.text] and text[m.end] not in "和与及跟同") \
                and m.end not in taken:     # not on a tie where 和 may join two (园长张丽和老师们)
            m = Mention("PERSON", m.start, m.end + 1, text[m.start:m.end + 1], attrs=m.attrs)
        elif m.label == "PERSON" and len(m.text) == 3 and n.get(m.text[:2]) and (
                m.text[2] in _RUN_ON_CHARS or m.text[2] in _RUN_ON_VERBS and n[m.text] <= n[m.text[:2]]
                and _runs_on(text, m.end)
                or variants[m.text[:2]] >= 2 and n[m.text[:2]] >= 2 * n[m.text] and _runs_on(text, m.end)):
            m = Mention("PERSON", m.start, m.end - 1, m.text[:2], attrs=m.attrs)
        out.append(m)
    return out


# adverbs and conjunctions that open a clause after a name (赵敏便, 王希却, 余跃曾, 李夏则, 王希以裸分
# 645分); not 和,
# which ends names (陈思和, 谢维和)
_RUN_ON_CHARS = frozenset("便却也就都又还曾则即并以处边用")      # and 杨琴处, 杨琴边, 杨琴用 (a corpus screening)
# verbs, prepositions and adverbs a name runs on into (郭波致欢迎辞, 穆虹作宣讲报告, 蒋红向党务工作者,
# 刘路为中南大学正教授, 李灿正准备休息): cut back where the report names the two characters as
# often or more (杜牧同 seven times beside the poet 杜牧 twice, 芮成刚: real names, kept)
_RUN_ON_VERBS = frozenset("向致作正跟为刚给在对把从与同将已被让")
# what follows a name, not a verb's object (杜牧同的演讲, 杜牧同说, 杜牧同还说: a name of three)
_NAME_FOLLOWERS = frozenset("的说讲等和与及还也就都又便却曾则即并、，。；：,;:")


def _runs_on(text: str, end: int) -> bool:
    """Whether the text after a name goes on as a clause would after a verb read into it
    (郭波致|欢迎辞), not as it goes on after a name (|的, |说, |表示: rules/person_cues.tsv)."""
    nxt = text[end:end + 1]
    if not "\u3400" <= nxt <= "\u9fff" or nxt in _NAME_FOLLOWERS:
        return False
    hit = lexicon.cues().match_at(text, end)
    return hit is None or hit[1] != "after"


# the titles a name stands before when an organisation names where its bearer works
_STAFF_TITLES = ("老师", "教师", "校长", "副校长", "书记", "副书记", "主任", "副主任", "局长", "副局长", "院长",
                 "副院长", "教授", "副教授", "副研究员", "园长", "同学")
# titles no everyday word runs into: a name between its body and one of them may open with a
# surname that is also a word (研究所 + 沙垚 + 副研究员). Not 研究员 or 讲师, which a verb
# takes (生态系任客座研究员: 任 serves as)
_STRONG_TITLES = ("教授", "副教授", "副研究员", "副校长", "副院长", "副局长", "副主任")


def staff_between(text: str, ms: list[Mention]) -> list[Mention]:
    """A name of two or three characters between an organisation and a title (长安路学校卓皓老师,
    城南中学王海平校长) where the model found none: the name opens with a common surname
    (rules/surnames.tsv) and may be a name (``plausible``); a lone surname (学校王老师) is no
    name, and words such as 全体 are not taken. Before a scholar's or a deputy's title
    (副研究员, 副教授, 副校长) a surname that is also a word will do, where the name is no word of
    jieba's dictionary (研究所沙垚副研究员)."""
    surnames = lexicon.surnames()
    busy = covered(len(text), ms)
    out = []
    for m in ms:
        if m.label != "ORG":
            continue
        for n in (3, 2):
            s, e = m.end, m.end + n
            if e >= len(text) or n == 3 and text.startswith(_STAFF_TITLES, e - 1):
                continue     # 沙垚 + 副研究员: the third character opens the title
            surname = surnames.get(text[s])
            if text.startswith(_STAFF_TITLES, e) and not any(busy[s:e]) \
                    and (surname == "common" or surname == "weak" and text.startswith(_STRONG_TITLES, e)
                         and not lexicon.pos(text[s:e])) and plausible(text, s, e):
                out.append(Mention("PERSON", s, e, text[s:e]))
                break
    return out


# the words for a body's students and graduates that a name follows (北京大学博士生丛乐)
_STUDENTS = ("博士研究生", "硕士研究生", "博士生", "硕士生", "研究生", "本科生", "毕业生", "学生")
# what follows such a name: a separator, a function word, 是, or a cue (说, 表示)
_AFTER_STUDENT = frozenset("的说讲等和与及还也就都又便却曾则即并是在、，。；：,;:")


def students_after(text: str, ms: list[Mention]) -> list[Mention]:
    """A name of two or three characters right after an organisation and its word for a
    student (哈佛大学博士生丛乐是, 实验中学学生李明说) where the model found none: the name opens
    with a common surname, may be a name (``plausible``), and is followed by a separator, a
    function word or a cue after names (rules/person_cues.tsv), so that nothing of the
    sentence is read into it."""
    surnames = lexicon.surnames()
    busy = covered(len(text), ms)
    cues = lexicon.cues()
    out = []
    for m in ms:
        if m.label != "ORG":
            continue
        title = next((t for t in _STUDENTS if text.startswith(t, m.end)), None)
        if title is None:
            continue
        s = m.end + len(title)
        for n in (3, 2):
            e = s + n
            if e >= len(text) or any(busy[s:e]) or surnames.get(text[s]) != "common":
                continue
            cue = cues.match_at(text, e)
            if (text[e] in _AFTER_STUDENT or cue is not None and cue[1] == "after") and plausible(text, s, e) \
                    and not lexicon.pos(text[s:e])[:1] in ("v", "d", "a"):
                out.append(Mention("PERSON", s, e, text[s:e]))
                break
    return out


_PSEUDONYM = ("（化名）", "(化名)", "（ 化名）")


# two-character words that end an area's name, never a person's (高县长盛社区: 盛社区 after 县长)
_AREA_WORDS = ("社区", "街道", "小区", "园区", "新区", "开发区", "村委", "居委")


def _made_up_name(name: str) -> bool:
    """Whether the characters before （化名） may be the name: no stop word or role, no
    particle first (the marker says it is a name, whatever jieba's dictionary calls it: 丹丹)."""
    words, ends = stop_words()
    return bool(_NAME.fullmatch(name)) and name not in words and not (ends and name.endswith(ends)) \
        and name[0] not in _NO_SURNAME and not lexicon.roles().words.get(name)


def relabel_named(text: str, ms: list[Mention], starts: frozenset | set = frozenset()) -> list[Mention]:
    """A name the model read as a place or an organisation where the text says it is a
    person's: before （化名） (丹丹（化名）), or right after a post, of two or three characters
    opening with a common surname, the post a word of its own (``starts``: jieba's word starts;
    医学部党委书记刘玉村, not 高县长盛社区). Every mention of
    that name in the report becomes a person's, and a name before （化名） the model did not
    find at all is one."""
    roles, surnames = lexicon.roles().words, lexicon.surnames()
    names = set()
    for m in ms:
        if m.label == "PERSON" or not 2 <= len(m.text) <= 4:
            continue
        if text.startswith(_PSEUDONYM, m.end) or len(m.text) <= 3 and surnames.get(m.text[0]) == "common" \
                and not m.text.endswith(_AREA_WORDS) \
                and any(text[m.start - k:m.start] in roles and m.start - k in starts for k in (2, 3, 4) if m.start >= k) \
                and plausible(text, m.start, m.end):
            names.add(m.text)
    ends = {m.end for m in ms}
    added = []
    for p in (i for mark in _PSEUDONYM for i, _ in occurrences(text, mark)):
        if p in ends:
            continue
        # the name the text calls made up, where the model found none: three characters
        # opening with a common surname (李明明), else two (丹丹)
        s = next((p - n for n in (3, 2) if p - n >= 0 and (n == 2 or surnames.get(text[p - 3]) == "common")
                  and _made_up_name(text[p - n:p])), None)
        if s is not None and not any(m.start < p and s < m.end for m in ms):
            added.append(Mention("PERSON", s, p, text[s:p]))
            names.add(text[s:p])
    if not names:
        return ms
    return [Mention("PERSON", m.start, m.end, m.text, attrs=dict(m.attrs)) if m.text in names else m for m in ms] + added


# what closes a list of names after its last one: 等, a count of people (三位, 5名), a
# title, a separator
_LIST_CLOSE = re.compile(r"等|[一二三四五六七八九十两\d]+[位名人个]|同志|老师|教师|同学|[，,。；;）)]")


def list_siblings(text: str, ms: list[Mention], word_ends: set | None = None) -> list[Mention]:
    """A name of two or three characters in a list of names joined by 、 where the model
    found its neighbour and not it (邵黎丽、邵方、包纯纯三位骨干教师: 包纯纯): it opens with a
    surname (rules/surnames.tsv; a weak one such as 修 or 金 only between two names found), may
    be a name (``plausible``), opens with no place's name (蒙古文), ends a word of jieba's
    (汪洋 of 汪洋大海 does not), and stands between 、 and the next 、 or what closes the list
    (等, 三位, 老师, a separator)."""
    surnames = lexicon.surnames()
    busy = covered(len(text), ms)
    persons = {(m.start, m.end) for m in ms if m.label == "PERSON"}
    ends = {e for _s, e in persons}
    starts = {s for s, _e in persons}
    out = []
    for k in (i for i, ch in enumerate(text) if ch == "、"):
        s = k + 1                       # the item after this 、
        if s >= len(text) or text[s] not in surnames or lexicon.divisions().lookup(text[s:s + 2]):
            continue                    # 蒙古文: a place's name
        for n in (3, 2):
            e = s + n
            if e >= len(text) or any(busy[s:e]) or word_ends is not None and e not in word_ends and text[e] != "等":
                continue      # 汪洋 of 汪洋大海 (陈中 of 陈中等 stays)
            after_name = k in ends                             # 邵方、[包纯纯]
            before_name = text[e] == "、" and e + 1 in starts   # [王芳]、李明
            # a weak surname (修, 金, 高) takes a name on both sides (陈相宇、高职明、赵龙)
            sides = (after_name and before_name) if surnames[text[s]] == "weak" else (after_name or before_name)
            if sides and (text[e] == "、" or _LIST_CLOSE.match(text, e)) and plausible(text, s, e):
                out.append(Mention("PERSON", s, e, text[s:e]))
                busy[s:e] = [True] * n
                break
    return out
