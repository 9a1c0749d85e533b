"""Reporters and editors in bylines (MEMBER_OF of a medium, with the byline word as the
role): a medium and its staff on one line (红网讯(通讯员 欧满清 卢辉平), 来源:华声在线 作者:雷春华),
a 来源/作者/编辑 block of lines (来源:红网 / 作者:杨斌 / 编辑:杨雁霞), and a byline with no
medium on its line (记者 钱宏斌 通讯员 刘付刚, （记者郑延）), which goes to the report's one
medium, or where it names several, to the one the report is reposted from (本文转自:X) or its
source (来源:X); both inferred. Words: rules/relations.tsv ``byline`` and ``staff_byline``."""
from __future__ import annotations

import re

from ..doc import Mention
from .common import cue_alternation, cues

ONE_MEDIUM = "byline of the report's one medium"
SOURCE_MEDIUM = "byline of the report's source, among several media"
REPOSTED_FROM = re.compile(r"(?:转自|转载自)[\s:：]*$")
# function words of a clause, rare in a name (not 于, 向, 和: 于丹, 向东, 张三和李四)
_CLAUSE_CHARS = re.compile(r"[了的在到对是将把被给让为]")
_NEVER_IN_NAME = re.compile(r"[了的]")     # 记者联系了葛军: however short the clause
# a reporter meeting the one named (环球网记者采访张伯庚, 光明日报记者走近姚俊鹏, 成都商报记者和小浩)
_MET = re.compile(r"采访|联系|走近|走进|见到|来到|探访|专访|对话|连线|跟随|陪同|^[和与同随跟向对给]$")


def line(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the line of ``text`` holding ``pos``."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (b if b >= 0 else len(text))


def byline(text: str, p: Mention, orgs: list[Mention], source: str = "",
           post_after: str = "") -> list[tuple[Mention, str, str]]:
    """A reporter or editor in a byline: 红网讯(通讯员 欧满清 卢辉平), 来源:华声在线 作者:雷春华;
    an editor on a line of a 来源/作者/编辑 block (来源:红网 / 作者:杨斌 / 编辑:杨雁霞).
    ``post_after``: a post written right after the name; one that is no byline's word says
    the name opens a sentence of its own (通讯员周和平 习近平总书记在…), no byline's."""
    if post_after and re.fullmatch(cue_alternation("byline", "staff_byline"), post_after) is None:
        return []
    a, _ = line(text, p.start)
    if re.search(rf"(?:{cue_alternation('page_editor')})[\s:：]*$", text[a:p.start]):
        return []       # 网络编辑:王五: the page's web editor, of a site the report does not name
    block = _source_block(text, p, orgs)
    if block:
        return block
    words = cue_alternation("byline")
    credit = _credit(text, p, orgs, a)
    if credit:
        return credit
    before = sorted((o for o in orgs if a <= o.start and o.end <= p.start), key=lambda o: -o.end)
    for o in before:
        gap = text[o.end:p.start]
        if len(gap) > 40 or any(o.end <= x.start for x in before):
            break     # 新华社…电中国民主促进会会员王企贤: another body stands between
        between = re.compile(rf"{words}|[\s\d年月日时分:：|｜()（）\[\]【】/·\-—]")
        rest = between.sub("", gap)
        names_between = [q for q in re.findall(r"[\u3400-\u9fff]{2,4}", rest)]
        # what stands between is other names (通讯员 欧满清 卢辉平, 通讯员高翔王潇潇) or the
        # outlet's channel (网易河北教育频道讯), not a clause (中国江西网记者连线了刚刚从北京回来的
        # 支月英: the one interviewed; 新华社武汉4月6日电 (记者胡浩)为深入贯彻习近平…)
        clause = any(_NEVER_IN_NAME.search(run) or len(run) > 4 and _CLAUSE_CHARS.search(run)
                     or _MET.search(run) for run in between.split(gap))
        if re.search(rf"[(（【\[][^)）】\]]*(?:{words})[^)）】\]]*[)）】\]]", gap):
            break     # 据新华社电 （记者杨思琪）马祖光，中国科学院院士: the story after the byline
            # (not a bracket of a seat or a date: 兰州晨报(兰州) 记者, 《光明日报》（…13版）[责编：
        if re.search(r"(?:记者|通讯员)[^)）】\]]+[)）】\]]\s*[\[【(（]", gap):
            break     # （光明日报全媒体记者杜羽）[责编：丛芳瑶]: the hosting page's editor, after the
            # reporter's own bracket; train/'s gold links no such editor to the reporter's paper
        if re.search(rf"{words}", gap) and len("".join(names_between)) <= 12 and not clause \
                and not re.search(r"[，。,；;“”\"]", gap):
            role = ""
            for m in re.finditer(rf"{words}", gap):
                if m.group(0) not in ("讯", "电", "消息", "报道", "来源", "文", "图"):
                    # a head's post as written (两刊总编辑梁伯枢, 副主编): not its staff word alone
                    head = re.search(r"(?:副总|总|副|执行)$", gap[:m.start()])
                    role = (head.group(0) if head else "") + m.group(0)
            if role in cues("editor_credit") and o.attrs.get("kind") != "media" and source not in (o.text, o.norm):
                break     # 标签:某某大学 责编:赵纳: the page's editor, not the university's
            if not role and not byline_name_ends(text, p):
                break     # 新华社北京3月5日电 习近平总书记…: a dateline's story, no staff word and no byline
            return [(_paper_of_pair(text, o, orgs), role, "byline of the medium")]
    # 本报记者 王五 / 本报讯（记者 王五）/ 记者 王五 通讯员 李六 / 编辑:赵七 on a line of
    # its own or in brackets: the paper is the one medium the report names
    lead = text[max(a, p.start - 40):p.start]
    m = OWN_STAFF.search(lead)
    role = _last_staff_word(m.group(0)) if m else _staff_byline(text[a:p.start]) if byline_name_ends(text, p) else ""
    if not role:
        return []
    # a medium the report only cites (据中国网报道, 据英国《每日邮报》报道, 在携程网上) is no
    # medium of its own staff
    own_media = {o.key for o in orgs if o.attrs.get("kind") == "media" and not _cited(text, o)}
    media = _own_kind({o.key: o for o in orgs if o.attrs.get("kind") == "media" and o.key in own_media},
                      m.group(0) if m else "", True)
    # the report's source line names its outlet (来源:大河报), whatever other media it cites
    named = {o.key: o for o in orgs if source and source in (o.text, o.norm) and o.key not in media
             and o.attrs.get("kind", "other") == "other"}
    if len(media) == 1 and not named:
        return [(next(iter(media.values())), role, ONE_MEDIUM)]
    # several media named: the report's own source (来源:三峡日报), where the text names it
    own = {o.key: o for o in media.values() if REPOSTED_FROM.search(text[max(0, o.start - 8):o.start])}   # 本文转自:黑龙江日报
    own = own or {o.key: o for o in media.values() if source and source in (o.text, o.norm)} or named
    # a source line naming a site and its paper (来源:人民网-人民日报): 本报 is the paper
    own = own or _own_kind({o.key: o for o in media.values() if source and o.text in source}, m.group(0) if m else "")
    if len(own) == 1:
        return [(next(iter(own.values())), role, SOURCE_MEDIUM)]
    return []


def _paper_of_pair(text: str, o: Mention, orgs: list[Mention]) -> Mention:
    """Of a paper and its site joined by a dash (中国教育报-中国教育新闻网讯(记者X)), the paper
    the reporters write for; else the medium itself."""
    if o.text.endswith("报") or text[o.start - 1:o.start] not in ("-", "—"):
        return o
    paper = next((x for x in orgs if x.end == o.start - 1 and x.attrs.get("kind") == "media" and x.text.endswith("报")), None)
    return paper or o


# 本报记者 张三 李四 / （综合本报记者游仪、戴林峰报道） / 本报记者 张三 实习生 李四: the names up to
# this one, each kept apart by a space or a list mark
OWN_STAFF = re.compile(r"(?:本报|本网|本台)(?:讯)?[\s(（]*(?:[\u3400-\u9fff]{2,4}[\s、]+)*[\u3400-\u9fff]{0,5}[\s:：]*$")
OWN_SUFFIX = {"本报": "报", "本网": "网", "本台": "台"}


def _last_staff_word(lead: str) -> str:
    """The last staff word of a 本报 byline before the name (本报记者 张三 实习生 -> 实习生);
    记者 where none is written (本报讯 张三)."""
    found = [w.group(0) for w in re.finditer(cue_alternation("byline", "staff_byline"), lead[2:])
             if w.group(0) not in ("讯", "电", "消息", "报道", "来源", "文", "图")]
    return found[-1] if found else "记者"


_CITED_BEFORE = re.compile(r"(?:据|根据|援引|引述|转引)[^，。；！？,;\n]{0,8}$")
_ON_SITE = re.compile(r"[》”]?(?:网站)?上")


def _cited(text: str, o: Mention) -> bool:
    """Whether a medium is written as a source the report cites (据X报道, 在X上), not as the
    report's own outlet."""
    before = text[max(0, o.start - 10):o.start]
    return _CITED_BEFORE.search(before) is not None \
        or before.endswith("在") and _ON_SITE.match(text, o.end) is not None


def _own_kind(media: dict, lead: str, anywhere: bool = False) -> dict:
    """Of the media a source line names, the one 本报/本网/本台 stands for: the paper's name
    ends in 报, the site's in 网, the station's in 台 (``anywhere``: holds that word, of
    any number of media: 本报 is never the one site the report names)."""
    own = next((w for w in OWN_SUFFIX if lead.startswith(w)), "")
    if not own or len(media) < 2 and not anywhere:
        return media
    return {k: o for k, o in media.items()
            if (OWN_SUFFIX[own] in o.text if anywhere else o.text.endswith(OWN_SUFFIX[own]))}


def _credit(text: str, p: Mention, orgs: list[Mention], a: int) -> list[tuple[Mention, str, str]]:
    """A credit in brackets that gives each name after its body, a space between
    ((图/文:县政协办 李健虢 旺苍县融媒体中心 李双双)): the body the name is written after."""
    o = next((o for o in orgs if a <= o.start and o.end < p.start and not text[o.end:p.start].strip(" \u3000")
              and 0 < p.start - o.end <= 2), None)
    if o is None or not byline_name_ends(text, p):
        return []
    opening = max(text.rfind(c, a, o.start) for c in "(（【[")
    if opening < 0 or not re.match(r"[(（【\[]\s*(?:图\s*/\s*文|文\s*/\s*图|图文|来源|供稿|文|图)\s*[:：]", text[opening:]):
        return []
    return [(o, "", "credit in brackets: the body written before the name")]


def _source_block(text: str, p: Mention, orgs: list[Mention]) -> list[tuple[Mention, str, str]]:
    """A name opening its line after a byline word (编辑:王杨) in a block of lines that opens
    with the report's source (来源:红网, at most three lines up, no blank line between): the
    source's member, with the byline word as the role."""
    a, _ = line(text, p.start)
    m = re.fullmatch(rf"[\s　]*({cue_alternation('byline')})[\s:：]*(?:[\u3400-\u9fff]{{2,4}}[\s、，,]+)*",
                     text[a:p.start])
    if not m:
        return []
    for _ in range(3):
        if a == 0:
            return []
        a, _end = line(text, a - 1)
        row = text[a:_end]
        if not row.strip():
            return []
        if re.match(r"[\s　]*来源[\s:：]", row):
            src = [o for o in orgs if a <= o.start and o.end <= _end]
            return [(src[0], m.group(1), "byline block under the report's source")] if len(src) == 1 else []
    return []


def _staff_byline(lead: str) -> str:
    """The staff word of a byline that runs from the start of its line, a bracket or a
    sentence's end up to a name: 记者 钱宏斌 通讯员 / （记者 / □本报记者; else ''
    (rules/relations.tsv ``staff_byline``)."""
    words = cue_alternation("staff_byline")
    name = r"[\u3400-\u9fff·•]{2,5}"
    # names between staff words are kept apart by a mark (or end at the next staff word):
    # a run of names with optional marks between them could be split in exponentially
    # many ways, and a line that is no byline would take minutes to fail
    m = re.search(rf"(?:^|[(（【\[。！？!?)）])[\s□■▲●]*(?:(?:{words})[\s:：]*(?:{name}[\s、，,/]+)*?(?:{name})?)*?"
                  rf"({words})[\s:：]*(?:{name}[\s、，,]+)*$", lead)
    if not m:
        return ""
    return [w.group(0) for w in re.finditer(words, lead[m.start():])][-1]


def byline_name_ends(text: str, p: Mention) -> bool:
    """A byline's name ends at a space, a bracket, a list mark or its line's end, not in a
    sentence (记者了解到，…)."""
    nxt = text[p.end:p.end + 1]
    return nxt in ("", "\n", " ", "\t", "\u3000", ")", "）", "】", "]", "、", "/")
