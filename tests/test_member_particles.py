"""No person (and so no staff of a medium) starts with a particle (记者了解到, 文汇报记者的步伐),
read off text written here."""
from __future__ import annotations

from pipeline.entities import people

from .test_relations import members


def test_words_after_a_reporter_that_open_with_a_particle_are_no_names():
    text = "记者了解到，请跟着文汇报记者的步伐走进校园。"
    assert not people.plausible(text, 2, 5)              # 了解到
    k = text.index("的步伐")
    assert not people.plausible(text, k, k + 3)          # 的步伐
    text = "记者刘晓惠报道"
    assert people.plausible(text, 2, 5)                  # a name after a reporter's word is one


def test_a_reporters_name_is_still_linked(analyse):
    assert ("刘晓惠", "文汇报", "记者") in members(analyse, "文汇报讯(记者刘晓惠)学校已做好开学准备。")
