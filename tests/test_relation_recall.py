"""MEMBER_OF patterns of the recall pass (issue 9): academic titles after an organisation,
lists written with commas, 该校/校 before a post, 组织部 posts in a committee's list,
bylines under the report's source, deputies' roles and offices between an organisation
and a post, read off sentences written here."""
from __future__ import annotations

from .test_relations import members


def test_an_academic_title_after_an_organisation_is_a_post_of_it(analyse):
    got = members(analyse, "东北师范大学数学与统计学院教授高夯对自己的评价很简单。")
    assert got == {("高夯", "东北师范大学数学与统计学院", "教授")}
    got = members(analyse, "定兴籍中国工程院院士赵春江通过视频向大会寄语。")
    assert got == {("赵春江", "中国工程院", "院士")}
    # a title with no organisation written is no link
    assert members(analyse, "82岁的材料学专家杨德庄教授在讲座前一两周就开始准备。") == set()


def test_a_list_of_names_written_with_commas_shares_the_post(analyse):
    got = members(analyse, "西安市教育局领导班子成员李颖科,黄启成,赵春平以及机关各处室负责同志参加座谈。")
    assert got == {(p, "西安市教育局", "领导班子成员") for p in ("李颖科", "黄启成", "赵春平")}
    # a name after a comma that goes on with its own clause is not in the list
    got = members(analyse, "会议由红星小学校长王建国主持,李明辉介绍了学校的做法。")
    assert ("王建国", "红星小学", "校长") in got and not any(p == "李明辉" for p, _, _ in got)


def test_该校_and_校_before_a_post_name_the_one_named_last(analyse):
    text = ("在成都电子科技大学附属实验小学，4个不大的校区搭起800多张乒乓球台。"
            "该校副校长童欣表示，打乒乓球可以保护视力。该校体育教研组组长刘娓楠说。")
    got = members(analyse, text)
    assert ("童欣", "成都电子科技大学附属实验小学", "副校长") in got
    assert ("刘娓楠", "成都电子科技大学附属实验小学", "体育教研组组长") in got
    got = members(analyse, "林口县代表团到东北农业大学签署合作协议。校党委书记李长生、副校长孙占峰参加签约仪式。")
    assert ("李长生", "东北农业大学", "党委书记") in got and ("孙占峰", "东北农业大学", "副校长") in got
    # two schools named in the sentence before: which one 该校 means is not said
    got = members(analyse, "红星小学和育才中学举行联谊活动。该校校长王建国致辞。")
    assert not any(p == "王建国" for p, _, _ in got)


def test_a_departments_post_after_a_committees_post_in_a_list(analyse):
    got = members(analyse, "林口县县委书记付刚、组织部部长艾磊到东北农业大学签署协议。")
    assert ("付刚", "林口县县委", "书记") in got
    assert ("艾磊", "林口县县委组织部", "组织部部长") in got
    # a bureau has no 组织部: the post is not given to it
    got = members(analyse, "县教育局局长张建华、组织部部长李卫东出席会议。")
    assert not any(p == "李卫东" for p, _, _ in got)


def test_bylines_under_the_reports_source_and_of_a_reposted_paper(analyse):
    text = "全区各学校要坚持安全第一。\n来源:红网\n作者:杨斌\n编辑:杨雁霞\n本文为湖南频道原创文章。"
    assert ("杨雁霞", "红网", "编辑") in members(analyse, text)
    text = "新华社消息，宜昌主城区营养午餐覆盖率达78%。(记者郑延)\n来源:三峡日报"
    assert members(analyse, text, source="三峡日报") == {("郑延", "三峡日报", "记者")}
    text = "来源:每日看点快看\n本文转自:黑龙江日报\n乡村学校绽新颜\n□本报记者 于晓琳\n绿树环绕，环境优美。"
    assert ("于晓琳", "黑龙江日报", "记者") in members(analyse, text, source="每日看点快看")


def test_deputies_offices_and_subjects_between_organisation_and_post(analyse):
    got = members(analyse, "中国农业大学副教授、曲周实验站副站长张宏彦便从北京赶回河北。")
    assert ("张宏彦", "中国农业大学", "副教授") in got
    got = members(analyse, "上海科技大学纪委书记吴强指出，有的思政元素不够鲜活。")
    assert got == {("吴强", "上海科技大学", "纪委书记")}
    # an office of an association named before its head's post is the organisation (the
    # longest name, as train/'s gold links 上海市教委基教处 + 处长; session 31)
    got = members(analyse, "中国消费者协会投诉部主任张德志参加活动。")
    assert got == {("张德志", "中国消费者协会投诉部", "主任")}
    got = members(analyse, "浙江省杭州市拱墅区职业高级中学美发专业教师石丹获得表彰。")
    assert got == {("石丹", "浙江省杭州市拱墅区职业高级中学", "美发专业教师")}


def test_an_organisation_the_model_may_miss_before_a_post(analyse):
    got = members(analyse, "中国科学院院士、兰州大学校长严纯华说，我们要深入学习。")
    assert got == {("严纯华", "兰州大学", "校长"), ("严纯华", "中国科学院", "院士")}
    got = members(analyse, "林口县县委书记付刚、人力资源和社会保障局局长韩加明、农业农村局局长于洪礼出席。")
    assert ("韩加明", "人力资源和社会保障局", "局长") in got and ("于洪礼", "农业农村局", "局长") in got


def test_a_league_post_listed_after_a_party_committees_goes_to_the_owner(analyse):
    got = members(analyse, "航运学院党委书记陈海泳,党委副书记杜强,团委书记周靖出席活动。")
    assert ("陈海泳", "航运学院党委", "党委书记") in got
    assert ("周靖", "航运学院", "团委书记") in got


def test_no_byline_word_inside_a_title_and_no_school_inside_a_quote(analyse):
    text = "李清等59名教师被授予“辽宁省教育系统先进工作者”称号;蔡蓉等145名教师被授予“辽宁省特级教师”称号。"
    assert not any(p == "蔡蓉" for p, _, _ in members(analyse, text))
    text = "绵竹市城区校紫岩小学张勇老师突然接到校长谭克的电话:“走,我们马上到齐天小学去看你另一个班的学生。”"
    assert not any(p == "谭克" and o == "齐天小学" for p, o, _ in members(analyse, text))


def test_a_college_named_alone_in_a_report_on_one_university(analyse):
    from .test_relation_posts import parts
    text = "安庆师范大学举行教师培训开班仪式。马克思主义学院院长张红作报告。"
    assert ("马克思主义学院", "安庆师范大学") in parts(analyse, text)
    # two universities named: which one owns it is not said
    text = "安庆师范大学与合肥工业大学签约。马克思主义学院院长张红作报告。"
    assert not any(c == "马克思主义学院" for c, _ in parts(analyse, text))


def test_a_credit_in_brackets_and_posts_before_a_description(analyse):
    got = members(analyse, "县领导马丽参加调研。(图/文:县政协办 李健虢 旺苍县融媒体中心 李双双)")
    assert got == {("李健虢", "县政协办", ""), ("李双双", "旺苍县融媒体中心", "")}
    got = members(analyse, "巴楚二中副校长、静安区第十批援疆干部李明宇说:“援疆教师不仅仅是来上课的。”")
    assert got == {("李明宇", "巴楚二中", "副校长")}
    got = members(analyse, "市实验三小综合项目负责人钟华林介绍:“项目已经完成主体建筑。”")
    assert got == {("钟华林", "市实验三小", "综合项目负责人")}


def test_a_staff_byline_after_a_closing_bracket(analyse):
    text = "（网友可提供新闻线索） 作者：黄军 李雅真 本文来源：华龙网 已推送到先锋"
    got = members(analyse, text, source="华龙网")
    assert got == {("黄军", "华龙网", "作者"), ("李雅真", "华龙网", "作者")}


def test_a_name_with_a_post_before_it_does_not_take_the_next_items_organisation(analyse):
    text = "重庆医科大学附属第一医院副教授刘煜亮，青海省人民医院重症医学科护士长王兰参与救治。"
    assert not any(p == "刘煜亮" and o.startswith("青海省人民医院") for p, o, _ in members(analyse, text))


def test_a_headship_after_a_party_units_post_goes_to_the_units_owner(analyse):
    text = "贵州省黔西南州望谟县实验高中党总支副书记、副校长刘秀祥出席。"
    got = members(analyse, text)
    assert ("刘秀祥", "贵州省黔西南州望谟县实验高中党总支", "副书记") in got
    assert ("刘秀祥", "贵州省黔西南州望谟县实验高中", "副校长") in got


def test_a_long_sentence_after_a_staff_word_is_read_as_no_byline(analyse):
    """A report's opening 记者近日从辽宁省教育厅获悉… is a sentence, not a list of names: the
    byline reading (rules/relations.tsv staff_byline) must not try every way of cutting its
    characters into names (it once took minutes on such a report, which was then lost as
    too slow). The real byline in brackets still gives its reporter."""
    text = ("辽宁日报讯（记者刘玉）记者近日从辽宁省教育厅获悉，为减少新冠疫情对家庭经济困难学生造成的影响，"
            "今年辽宁省在继续对家庭经济困难寄宿生补助生活费的基础上，为家庭经济困难非寄宿生提供每生每年750元补助。"
            "截至7月底，辽宁省各市教育部门采取科学、有效的防控措施，足额发放生活补助费5018万元。[责编：张华]")
    got = members(analyse, text)
    assert ("刘玉", "辽宁日报", "记者") in got
    assert not any(p == "张华" and r == "记者" for p, _, r in got)
