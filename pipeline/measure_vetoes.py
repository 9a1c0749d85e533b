"""What reads like a measure's name and is none (pipeline/measures.py asks these of every
candidate): a quoted phrase naming a problem overcome, a principle held to, a phenomenon or a
description, a word of everyday language, a qualifier before 的; an unquoted mechanism someone
says should be built. Each takes the lexicon of :func:`pipeline.measures.lexicon` (its cue
patterns, from rules/measure_cues.tsv)."""
from __future__ import annotations

import re

from . import measure_patterns
from .entities import freq as word_freq


def not_a_name(lex: dict, text: str, q: re.Match, before: str) -> bool:
    """Whether the quoted phrase ``q`` (its text in group 1; ``before``: the 8 characters
    before its opening quote), which the cues or the model read as a measure, is none."""
    after = text[q.end():q.end() + 4]
    return (is_problem(lex, before, after) or bool(lex["label_before"].search(before))
            or bool(lex["not_after"].match(text, q.end()))
            or is_doctrine(lex, before, after) or bool(lex["goal_after"].match(text, q.end()))
            or common_word(lex, text, q) or qualifies(lex, text, q.end()) or describes(lex, text, q))


def is_problem(lex: dict, before: str, after: str) -> bool:
    """破解“大班额”, 告别“超长寒假”: a quoted phrase right after a verb of overcoming
    (rules/measure_cues.tsv ``problem``) names a problem, not a measure, unless a word after
    it says what is done about it (“校园餐”专项整治)."""
    return bool(lex["problem_before"].search(before)) and not lex["suffix_re"].match(after)


def is_doctrine(lex: dict, before: str, after: str) -> bool:
    """坚持“两个面向”，…, 坚持“师范为本”的办学定位: a quoted phrase right after a verb of holding
    to a principle (rules/measure_cues.tsv ``doctrine``) and closing its clause or followed
    by 的 is a principle or a slogan, not a measure; not one followed by what is done
    (坚持“零起点”教学) or by the next name of a list (坚持“名人引领”“名师帮带”)."""
    return bool(lex["doctrine_before"].search(before)) and re.match(r"[，,。；;！!]|的|$", after) is not None


def proposed(lex: dict, text: str, a: int) -> bool:
    """需要建立家校社协同育人机制, 尚未形成…制度: an unquoted name right after a verb of
    building under a modal or a negation in its clause (rules/measure_cues.tsv ``proposal``,
    ``proposal_verb``) is what a writer says should be built, not a measure anyone adopts."""
    clause = re.split(r"[，,。；;！？：:\n]", text[max(0, a - 16):a])[-1]
    return lex["proposed"].search(clause) is not None


def describes(lex: dict, text: str, q: re.Match) -> bool:
    """“宽领域、深层次、立体化”, “城镇挤”: a quoted phrase that describes a goal or names a
    phenomenon (pipeline/measure_patterns.describes), unless a suffix word after it says
    what is done (“绿化、美化、亮化”工程)."""
    return measure_patterns.describes(q.group(1)) and not lex["suffix_re"].match(text, q.end())


# how often jieba's dictionary must have seen a word for it to be a word of everyday language
COMMON_WORD = 100


def common_word(lex: dict, text: str, q: re.Match) -> bool:
    """“明星”, “外力”, “攻击”, “本土”: a word of everyday language in quotes marks a word
    used in a sense of its own, not a name, unless the lexicon knows it, it ends like an
    initiative (民主集中制) or a word after it says what is done (“光盘”行动)."""
    plain = measure_patterns.plain(q.group(1))
    return (word_freq(plain) >= COMMON_WORD and plain not in lex["canon"] and not lex["named_end"].search(plain)
            and not lex["suffix_re"].match(text, q.end()))


def qualifies(lex: dict, text: str, end: int) -> bool:
    """“因时而新”的新工科专业结构, “从0到1”的突破: a quoted phrase followed by 的 qualifies the
    noun after it, unless that phrase names an arrangement (“党风带师风”的工作机制: a
    `suffix`, `model_end` or `after_de` word of rules/measure_cues.tsv before the next stop)."""
    if text[end:end + 1] != "的":
        return False
    phrase = re.match(r"[^，,。；;！？、“”\n]{0,12}", text[end + 1:]).group(0)
    return not lex["after_de"].search(phrase)
