"""MEMBER_OF of issue 9's fifth pass, read off sentences written here: the report's own
paper in 本报 bylines (its name only on the source or print line), the web editor of the
page, teachers listed after their school, two posts in one organisation, school
supervisors and village party branches."""
from __future__ import annotations

from .test_relations import members


def test_本报_bylines_go_to_the_paper_the_source_line_names(analyse):
    text = ("来源：人民网-人民日报\n本报记者 张晓明 李红梅 王建国\n"
            "5月10日，河南省新县第一小学新校区正式启用。")
    got = members(analyse, text, source="人民网-人民日报")
    # 本报 is the paper, not the site that reposts it
    assert {(p, "人民日报", "记者") for p in ("张晓明", "李红梅", "王建国")} <= got
    assert not any(o == "人民网" for _, o, _ in got)
    # names kept apart by 、 in brackets, the staff word of each name as written
    text = ("县里的新学校开学了。（综合本报记者陈立新、戴林峰报道）\n本报记者 张晓明 实习生 李红梅\n"
            "《 人民日报 》（ 2020年05月13日   11 版）")
    got = members(analyse, text, source="人民日报")
    assert {("陈立新", "人民日报", "记者"), ("戴林峰", "人民日报", "记者"),
            ("张晓明", "人民日报", "记者"), ("李红梅", "人民日报", "实习生")} <= got
    # a reporter interviewed by 本报 is no staff of it
    text = "在接受本报记者采访时，王建国说，学校很好。\n来源：人民日报"
    assert not any(p == "王建国" for p, _, _ in members(analyse, text, source="人民日报"))


def test_a_byline_goes_to_the_source_line_outlet_not_to_a_medium_it_quotes(analyse):
    text = ("2020年05月12日 来源：大河报\n5月10日，新县第一小学新校区启用。据新华社报道，教育部也发文。\n"
            "记者 刘天明 文/图")
    assert ("刘天明", "大河报", "记者") in members(analyse, text, source="大河报")
    assert not any(o == "新华社" for _, o, _ in members(analyse, text, source="大河报"))


def test_the_web_editor_of_the_page_is_no_member_of_the_reports_source(analyse):
    text = "来源：人民日报 网络编辑：陈小东\n5月10日，新县第一小学新校区正式启用。\n网络编辑：王小丽"
    got = members(analyse, text, source="人民日报")
    assert not any(p in ("陈小东", "王小丽") for p, _, _ in got)
    # an editor after a university on a tag line is none of the university's
    text = "标签：奥地利维也纳经济大学 责编：赵纳\n奥地利维也纳经济大学今年招收中国学生。"
    assert not any(p == "赵纳" for p, _, _ in members(analyse, text))
    # a correspondent reports for the medium named on the line
    text = "华声在线7月22日讯(通讯员 蒋红斌 杨波)7月22日上午，衡阳市酃湖乡中心学校举行揭牌仪式。"
    got = members(analyse, text, source="华声在线")
    assert {("蒋红斌", "华声在线", "通讯员"), ("杨波", "华声在线", "通讯员")} <= got
