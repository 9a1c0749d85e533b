"""MEMBER_OF to the organisation the report names in full where the post is written with
its short name (大同教育集团理事长 after 上海黄浦区大同教育集团), read off text written here."""
from __future__ import annotations

from .test_relations import members


def test_a_post_of_a_body_written_short_goes_to_the_body_named_in_full(analyse):
    text = ("这是上海黄浦区大同教育集团的市外分校。"
            "大同教育集团理事长、上海大同中学校长郭金华介绍了分校的情况。")
    got = members(analyse, text)
    assert ("郭金华", "上海黄浦区大同教育集团", "理事长") in got
    assert not any(o == "大同教育集团" for _, o, _ in got)
    # two longer ones end with it: which one is not said
    text = ("上海黄浦区大同教育集团和浙江嘉兴大同教育集团签约。"
            "大同教育集团理事长郭金华介绍了情况。")
    assert not any(p == "郭金华" and o.endswith("大同教育集团") and len(o) > 6 for p, o, _ in members(analyse, text))
