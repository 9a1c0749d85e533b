"""How a measure the stage found is named (pipeline/measures.py), as train/'s gold names it:

* a plan for carrying out a named programme names the programme (《高校银龄教师支援西部计划
  实施方案》, 《石家庄市乡村教师支持计划(2016-2020年)实施办法》: t4_07);
* a measure named with a place before it, where the section names it without one too, is that
  measure (迁西县学校及周边环境综合整治行动 beside 学校及周边环境综合整治行动: t1_22);
* an unquoted name whose first part is shared with a word and 、 before it starts at that word
  (建立起中、高职生均拨款制度, 建立校企、政企沟通长效机制).

The first two came from a seventh corpus reading (thirty-sixth session) and train/'s gold.
"""
from __future__ import annotations

import re

from .doc import Mention
from .entities.places import division_chain

# a year (or a school year) opening a measure's name, no part of it: 2015年, 2020—2021年度
LEAD_YEAR = re.compile(r"(?:19|20)\d{2}(?:[—–-](?:19|20)?\d{2})?年度?")

# a plan for carrying out a named programme: the programme (a title quoting the programme's
# name, …“教育强基工程”实施方案, is left to the quoted name)
_PROGRAMME_PLAN = re.compile(r"([^“”\"]{4,}?(?:计划|工程|行动))(?:[（(][^）)]*[）)])?(?:实施方案|实施办法|实施细则|实施意见)")


def programme_of(title: str) -> str:
    """The programme a plan's title carries out (高校银龄教师支援西部计划实施方案 ->
    高校银龄教师支援西部计划), else the title itself."""
    prog = _PROGRAMME_PLAN.fullmatch(title)
    return prog.group(1) if prog else title


def shared_head_start(lex: dict, text: str, a: int) -> int:
    """Where an unquoted name starting at ``a`` starts when a word of one or two characters
    and 、 stand between it and the verb before it, sharing its head (建立起中、高职生均拨款
    制度, 建立校企、政企沟通长效机制): at that word; else at ``a``. ``lex``: the measure
    stage's patterns (its ``verb_lead_before``)."""
    if text[a - 1:a] != "、":
        return a
    for n in (1, 2):
        k = a - 1 - n
        piece = text[k:a - 1]
        if k < 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", piece) or lex["named_end"].search(piece) \
                or lex["lead_verb_word"].fullmatch(piece):
            return a      # 建立新机制、尝试…: a name of its own before; 健全、完善…: verbs
        before = re.sub(r"[起了]$", "", text[max(0, k - 9):k])
        if lex["verb_lead_before"].search(before):
            return k
    return a


def place_variants(out: list[Mention]) -> None:
    """The measures of one section, a name with a place before it renamed to the section's
    name without one (迁西县学校及周边环境综合整治行动 beside 学校及周边环境综合整治行动): one
    measure, the place's run of it."""
    norms = {o.norm for o in out}
    for o in out:
        for k in range(2, len(o.norm) - 3):
            if o.norm[k:] in norms and division_chain(o.norm[:k]):
                o.norm = o.norm[k:]
                break
