"""MEMBER_OF of a government head's post written with no government (副县长刘长洲,
党委副书记、镇长马超): the report's one government of that level, read off sentences
written here."""
from __future__ import annotations

from .test_relations import members


def test_a_town_head_goes_to_the_towns_one_government_named_short_or_in_full(analyse):
    text = ("航运学院与济宁市兖州区小孟镇人民政府签约。小孟镇政府高度重视。"
            "小孟镇党委书记高传龙，党委副书记、镇长马超，副镇长杨硕欢出席活动。")
    got = members(analyse, text)
    assert ("马超", "济宁市兖州区小孟镇人民政府", "镇长") in got
    assert ("杨硕欢", "济宁市兖州区小孟镇人民政府", "副镇长") in got
    assert ("高传龙", "小孟镇党委", "书记") in got
    # two towns' governments: no one of them is the head's
    text = "航运学院与小孟镇人民政府、大安镇人民政府签约。副镇长杨硕欢出席活动。"
    assert not any(p == "杨硕欢" for p, _, _ in members(analyse, text))


def test_a_county_head_goes_to_the_government_his_sentence_names(analyse):
    text = ("为加强林口县人民政府与东北农业大学合作，林口县县委书记付刚、副县长刘长洲、"
            "农业农村局局长于洪礼等一行到东北农业大学签约。")
    assert ("刘长洲", "林口县人民政府", "副县长") in members(analyse, text)
    # named in another sentence only: no link (train/'s gold leaves most of these out)
    text = "历城区政府投资建设新学校。17日，随着历城区副区长尹少华的声音落下，新学校开工建设。"
    assert not any(p == "尹少华" and o.endswith("政府") for p, o, _ in members(analyse, text))
    # the government written with another's post (县政府副县长王烨) is that one's
    text = "县委常委、常务副县长李新安，县政府副县长王烨出席会议。"
    got = members(analyse, text)
    assert not any(p == "李新安" and o == "县政府" for p, o, _ in got)
