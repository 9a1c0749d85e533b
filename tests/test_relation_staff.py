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


def test_teachers_listed_after_their_school_and_the_school_that_sets_the_scene(analyse):
    got = members(analyse, "北京景山教育集团的骨干教师李明华、王晓燕、张志强来到凉山州昭觉县开展支教。")
    assert got == {(p, "北京景山教育集团", "骨干教师") for p in ("李明华", "王晓燕", "张志强")}
    got = members(analyse, "同为双坪中学首批特岗教师的徐本华，家在赫章县城近郊。")
    assert got == {("徐本华", "双坪中学", "首批特岗教师")}
    # two names of one school joined by 和, no post written
    got = members(analyse, "陕西镇巴县碾子镇中心小学的吴杰功和姚怀林两位党员又出发了。")
    assert {p for p, _, _ in got} == {"吴杰功", "姚怀林"}
    # the clause before names the school the teacher works in; two other schools in the report
    text = "育才中学和实验小学结对帮扶。在红星村小学，常驻老师李明华每天都要给孩子们上课。"
    assert ("李明华", "红星村小学", "常驻老师") in members(analyse, text)
    text = "育才中学和实验小学结对帮扶。红星村小学里，常驻老师李明华每天都要上课。"
    assert ("李明华", "红星村小学", "常驻老师") in members(analyse, text)
    # a clause that names the school as a place visited by someone else sets no scene
    text = "育才中学和实验小学结对帮扶。李明华说，在红星村小学，老师们很辛苦。"
    assert not any(p == "李明华" for p, _, _ in members(analyse, text))


def test_two_posts_after_a_name_give_both_links(analyse):
    got = members(analyse, "王晓燕是红星幼儿园党支部书记、园长。")
    assert got == {("王晓燕", "红星幼儿园党支部", "党支部书记"), ("王晓燕", "红星幼儿园", "园长")}
    got = members(analyse, "刘磊 深圳市第三人民医院党委书记、院长，主任医师")
    assert got == {("刘磊", "深圳市第三人民医院党委", "党委书记"), ("刘磊", "深圳市第三人民医院", "院长")}
    # the run of posts goes on into another person's post: no link for the name before it
    got = members(analyse, "张孝田，湘潭市第一人民医院重症医学科主任、副主任医师易钊泉参加。")
    assert not any(p == "张孝田" for p, _, _ in got)


def test_a_schools_supervisor_and_a_village_party_branch(analyse):
    assert members(analyse, "红星小学专职督学李明华对学校进行了督导。") == {("李明华", "红星小学", "专职督学")}
    got = members(analyse, "据红旗村支部书记王建国介绍，学校建于1990年。")
    assert got == {("王建国", "红旗村支部", "书记")}
    got = members(analyse, "河南省新县八里畈镇丁李湾村党支部副书记王建国说。")
    assert got == {("王建国", "河南省新县八里畈镇丁李湾村党支部", "副书记")}
    # no village before the branch word: no organisation is made up
    assert members(analyse, "村支部书记王建国带领村民修路。") == set()
    got = members(analyse, "沙垚副研究员、浙江长兴传媒集团总编辑王晓伟等受聘成为特约研究员。")
    assert ("王晓伟", "浙江长兴传媒集团", "总编辑") in got
