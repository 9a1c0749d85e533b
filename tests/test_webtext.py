"""Real web text: main content of HTML pages, the charset a page declares, page leftovers
in plain text, newspaper print lines, datelines, titles and bylines, sections."""
from __future__ import annotations

from pathlib import Path

from pipeline import ingest

ARTICLE = ("<p>3月5日，城南区教育局召开会议，要求全区38所中小学做好开学准备，各校要制定详细的防疫方案。</p>"
           "<p>局长王海平出席会议并讲话，要求各校落实责任，确保师生安全。</p>")


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>城南区教育局召开会议_城南教育网</title></head><body>{body}</body></html>"


def read(tmp_path: Path, name: str, data: bytes | str) -> ingest.Report:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return ingest.read_report(p)


def test_navigation_related_links_share_bars_and_footers_are_dropped(tmp_path):
    html = page(
        '<div class="top-nav"><a href="/">首页</a> | <a href="/edu">教育</a> | <a>新闻</a></div>'
        '<div class="breadcrumb">当前位置：<a>首页</a> &gt; <a>教育新闻</a></div>'
        f'<div id="article"><h1>城南区教育局召开会议</h1><div class="info">发布时间：2020-03-05 来源：城南日报</div>{ARTICLE}</div>'
        '<div class="related_news"><h3>相关新闻</h3><ul><li><a href="/1">上饶市教育局发布开学通知</a></li>'
        '<li><a href="/2">南昌市第十中学举行开学典礼</a></li></ul></div>'
        '<div class="bdsharebuttonbox">分享到：<a>微博</a> <a>微信</a></div>'
        '<div class="footer">主办单位：城南区人民政府 版权所有</div>')
    rep = read(tmp_path, "page.html", html)
    assert rep.status == "ok"
    assert "王海平出席会议" in rep.text
    for junk in ("上饶市教育局", "南昌市第十中学", "分享到", "版权所有", "当前位置", "教育新闻"):
        assert junk not in rep.text, junk
    assert rep.title == "城南区教育局召开会议"
    assert (rep.pub_date, rep.source) == ("2020-03-05", "城南日报")


def test_meta_charset_after_a_large_script_is_honoured(tmp_path):
    script = "<script>" + "var counter = 1; " * 8000 + "</script>"
    html = page(ARTICLE, head=script + '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    rep = read(tmp_path, "gbk.html", html.encode("gbk"))
    assert rep.status == "ok" and rep.encoding == "gb18030"
    assert "城南区教育局召开会议" in rep.text and "var counter" not in rep.text


SCHOOLS = [("复旦大学", "上海市"), ("河南大学", "河南省"), ("清华大学", "北京市"), ("南京大学", "江苏省"),
           ("浙江大学", "浙江省"), ("四川大学", "四川省"), ("山东大学", "山东省"), ("吉林大学", "吉林省"),
           ("厦门大学", "福建省"), ("中山大学", "广东省"), ("武汉大学", "湖北省"), ("湖南大学", "湖南省"),
           ("兰州大学", "甘肃省"), ("重庆大学", "重庆市")]


def test_html_table_rows_keep_their_cells_apart_and_the_text_around_them(tmp_path):
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in SCHOOLS)
    html = page('<div class="content"><p>2011年招收硕士的院校名单公布如下，请考生留意报名时间。</p>'
                f"<table><tr><th>院校名称</th><th>所在省市</th></tr>{rows}</table></div>")
    rep = read(tmp_path, "t.html", html)
    lines = rep.text.split("\n")
    assert lines[0] == "2011年招收硕士的院校名单公布如下，请考生留意报名时间。"  # not lost to the table
    assert lines[1] == "院校名称 所在省市"
    assert "复旦大学 上海市" in lines and "河南大学 河南省" in lines
    assert "上海市河南大学" not in rep.text


def test_plain_text_rows_of_tabs_or_spaces_are_never_joined_like_a_wrapped_column(tmp_path):
    tabbed = "\n".join(f"{a}\t{b}" for a, b in SCHOOLS)
    rep = read(tmp_path, "tabs.txt", "2011年招收硕士的院校名单公布如下。\n院校名称\t所在省市\n" + tabbed)
    assert "复旦大学 上海市\n河南大学 河南省" in rep.text
    spaced = "\n".join(f"{n}  {a}  {b}" for n, (a, b) in enumerate(SCHOOLS, 1))
    rep = read(tmp_path, "spaces.txt", "名单如下。\n序号  院校名称  所在省市\n" + spaced)
    assert "1 复旦大学 上海市\n2 河南大学 河南省" in rep.text
    # a two-character name padded to three (冯  梦) stays one name; letter-spaced words join
    rep = read(tmp_path, "names.txt", "受表彰名单如下。\n冯  梦  淮安市清江浦区  朝阳社区\n抗  疫  一  线\n")
    assert "冯梦 淮安市清江浦区 朝阳社区" in rep.text and "抗疫一线" in rep.text


def test_a_table_whose_row_breaks_were_lost_is_cut_back_into_cells(tmp_path):
    # a page copied without its line breaks: the last cell of a row runs into the first of
    # the next (所在省市安徽大学, 上海市河南大学); the repeated header tells the columns
    pairs = [("安徽大学", "安徽省"), ("南京大学", "江苏省"), ("复旦大学", "上海市"), ("河南大学", "河南省"),
             ("清华大学", "北京市"), ("同济大学", "上海市"), ("郑州大学", "河南省"), ("东南大学", "江苏省")]
    cells = ["院校名称", "所在省市", "院校名称", "所在省市"] + [c for p in pairs for c in p]
    row = ""
    for i, c in enumerate(cells):
        row += c + ("" if i % 4 == 3 else "\t")
    rep = read(tmp_path, "glued.txt", "新浪教育讯 2011年招收会计硕士院校名单公布。" + row + "\n")
    assert "院校名称 所在省市 院校名称 所在省市 安徽大学 安徽省 南京大学 江苏省 复旦大学 上海市 河南大学" in rep.text
    for glued in ("所在省市安徽", "江苏省复旦", "上海市河南", "北京市同济", "河南省东南"):
        assert glued not in rep.text, glued


def test_page_leftovers_in_plain_text_are_dropped(tmp_path):
    text = ("\" <title>魏平：教育能缩小贫富差距_网易财经</title> 魏平：教育能缩小贫富差距 2013-04-06 11:30:47 "
            "来源: 网易财经 有0人参与 分享到 网易财经4月6日讯 北京理工大学光电学院院长魏平在论坛上表示，"
            "教育一直在缩小社会经济的差距，也让社会更有创新能力，缺乏的是资源与机会的平等。"
            " 本文来源：网易财经 网易首页财经首页 0人参与 财经头条 股票 | 商业 | 理财 洛阳村民花费7万造房车 "
            "网友跟贴 0人跟贴 | 0人参与 | 手机发跟贴\"\n分享至好友和朋友圈\n")
    rep = read(tmp_path, "flat.txt", text)
    for junk in ("<title>", "人参与", "分享到", "网易首页", "洛阳村民", "跟贴", "分享至好友"):
        assert junk not in rep.text, junk
    assert "北京理工大学光电学院院长魏平" in rep.text
    assert rep.title == "魏平：教育能缩小贫富差距"
    assert (rep.pub_date, rep.pub_date_source, rep.source) == ("2013-04-06", "header time stamp", "网易财经")


def test_a_newspaper_print_line_gives_date_and_paper_and_keeps_the_article_whole(tmp_path):
    text = ("在劳动中成长\n\n"
            "　　本报记者  戴林峰\n"
            "　　幸福需要靠辛勤的劳动来创造。日前，教育部门印发意见，要求家庭发挥劳动教育的基础作用。\n"
            "　　■童言日记\n　　分垃圾，我来做\n"
            "　　去年冬天，老师在课上告诉我们，要学会垃圾分类，养成环保生活的好习惯。\n"
            "　　本报记者  马  晨\n"
            "　　时隔一年，记者再次造访这里，感觉既熟悉又陌生。\n"
            "　　本报驻日本记者  刘军国\n"
            "　　日籍华人安东晴告诉记者，她的儿子此前在补习班学习英语。\n"
            "　　（本报约翰内斯堡1月2日电）  \n\n"
            "《 人民日报 》（ 2020年01月03日   03 版）\n")
    rep = read(tmp_path, "rmrb.txt", text)
    assert (rep.pub_date, rep.pub_date_source, rep.source) == ("2020-01-03", "print line", "人民日报")
    assert len(rep.sections) == 1 and rep.title == "在劳动中成长"


def test_a_single_article_with_numbered_headings_is_one_report(tmp_path):
    text = ("全县教育工作会议召开\n记者 李明\n"
            "3月5日，全县教育工作会议召开，总结去年工作，部署今年任务。\n"
            "一、加强队伍建设\n通讯员 王强\n全县新招聘教师120名，培训骨干教师300人次。\n"
            "（二）推进课后服务\n通讯员 赵刚\n全县中小学全面开展课后服务，覆盖学生2万人。\n")
    rep = read(tmp_path, "one.txt", text)
    assert len(rep.sections) == 1 and rep.sections[0].doc_id == "one"
    assert rep.title == "全县教育工作会议召开"


def test_dateline_gives_the_date_and_captions_never_title(tmp_path):
    rep = read(tmp_path, "d.txt", "(资料图片)\n新浪教育讯 2013年12月14日全国大学英语六级考试已结束，本次考试为多题多卷。\n")
    assert rep.pub_date == "2013-12-14" and rep.title != "(资料图片)"


def test_authors_are_names_never_labels(tmp_path):
    rep = read(tmp_path, "a.txt", "城南区召开会议\n记者 张小明 编辑 李四\n3月5日，城南区教育局召开会议，部署开学工作。\n")
    assert rep.authors == ["张小明"]
    assert not any(a in ("编辑", "记者", "作者", "来源") for a in rep.authors)


def test_the_sidecar_is_given_per_report(tmp_path):
    (tmp_path / "r1.txt").write_text("学校开展了读书活动。\n活动持续一周。", encoding="utf-8")
    rep = ingest.read_report(tmp_path / "r1.txt", meta={"pub_date": "2021-05-06"})
    assert rep.pub_date == "2021-05-06" and rep.pub_date_source == "sidecar"


def test_a_page_title_of_thousands_of_characters_is_no_title(tmp_path):
    html = f"<html><head><title>{'城南区教育局' * 1500}</title></head><body>{ARTICLE}</body></html>"
    rep = read(tmp_path, "long.html", html)
    assert rep.status == "ok" and rep.title == "" and "王海平出席会议" in rep.text


def test_dates_that_are_not_the_publication_date_are_never_taken_for_it(tmp_path):
    # one line each, as pages copied without their line breaks come: the labelled time of
    # another event, a span, a birth date in the conditions of a notice, an event's date
    texts = [
        "湖北省2013年硕士研究生招生考试报名实行网上报名和现场确认相结合的方式。一、报名步骤：1.网上报名。"
        "网报时间：2012年10月10日至31日，每天9:00-22:00，逾期不再补报。",
        "第一阶段：网上提交报名申请\n时间：2015年11月9日至12日，考生登录报名系统填写信息。",
        "2013年辽宁省政法干警招录公告：面向退役士兵的职位，限18周岁以上、25周岁以下(1987年8月27日(含)至"
        "1995年8月27日出生)。",
        "两人确定了恋爱关系。 2019年10月6日，柏剑和罗文彤结婚。柏剑告诉记者，他们都很喜欢孩子。",
    ]
    for i, t in enumerate(texts):
        rep = read(tmp_path, f"n{i}.txt", t)
        assert (rep.pub_date, rep.pub_date_source) == ("", ""), t


def test_publication_dates_in_the_forms_real_pages_use(tmp_path):
    cases = {
        "发布日期：2020年3月5日 来源：城南日报\n城南区教育局召开会议，部署开学准备工作。": ("2020-03-05", "header label"),
        "伦敦2014年5月13日电 美通社 在今年的《QS亚洲大学排名》中，中国大陆20所大学进入前百名。": ("2014-05-13", "dateline"),
        "今日下午，江西省教育考试院发布说明，回应考生关切。\n" + "考生可登录网站查询录取结果。\n" * 6
        + "江西省教育考试院\n2015年8月11日": ("2015-08-11", "closing date"),
        "美国留学：研究生十大热门专业2014-06-03 09:30:20来源: 中国教育在线 名校推荐。": ("2014-06-03", "header time stamp"),
    }
    for i, (t, want) in enumerate(cases.items()):
        rep = read(tmp_path, f"d{i}.txt", t)
        assert (rep.pub_date, rep.pub_date_source) == want, t


def test_a_date_in_the_sidecar_url_or_path_or_in_the_file_name_is_used_when_the_page_gives_none(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "sources.tsv").write_text(
        "doc\turl\tpath\n"
        "a1\thttp://edu.people.com.cn/n1/2020/0103/c1006-31532.html\t\n"
        "a2\t\tdata/20200105/20200105-02-02.txt\n"
        "a3\thttp://example.cn/news/list.html\t\n", encoding="utf-8")
    sidecar = ingest.load_sidecar(folder)
    text = "学校开展了读书活动。\n活动持续一周，全校师生参加。"
    for name in ("a1", "a2", "a3", "通知_2021-05-06.txt"):
        (folder / (name if name.endswith(".txt") else name + ".txt")).write_text(text, encoding="utf-8")
    got = {n: ingest.read_report(folder / f"{n}.txt", sidecar=sidecar) for n in ("a1", "a2", "a3")}
    assert (got["a1"].pub_date, got["a1"].pub_date_source) == ("2020-01-03", "sidecar URL or path")
    assert got["a2"].pub_date == "2020-01-05"
    assert got["a3"].pub_date == ""  # a URL without a date gives none
    rep = ingest.read_report(folder / "通知_2021-05-06.txt")
    assert (rep.pub_date, rep.pub_date_source) == ("2021-05-06", "file name")
    # the page's own date comes first
    (folder / "a1.txt").write_text("发布时间：2020-01-04\n" + text, encoding="utf-8")
    assert ingest.read_report(folder / "a1.txt", sidecar=sidecar).pub_date == "2020-01-04"


def test_a_list_of_names_without_header_whose_row_breaks_were_lost_is_cut_between_names(tmp_path):
    # three columns (two universities, one institute), rows run together: every second field
    # holds an institute and the next row's first university
    rows = [("南京大学", "徐州医学院", "南京电子技术研究所"), ("苏州大学", "南京中医药大学", "南京电子器件研究所"),
            ("东南大学", "中国药科大学", "中国船舶科学研究中心"), ("南京航空航天大学", "南京师范大学", "江苏自动化研究所"),
            ("南京理工大学", "徐州师范大学", "扬州船用电子仪器研究所"), ("江苏科技大学", "南京财经大学", "南京船舶雷达研究所")]
    line = "\n".join("\t".join(r) for r in rows).replace("\n", "")
    rep = read(tmp_path, "list.txt", "2010年江苏省硕士招生单位列表如下：" + line + "\n")
    assert "南京电子技术研究所 苏州大学" in rep.text and "江苏自动化研究所 南京理工大学" in rep.text
    assert "中国船舶科学研究中心 南京航空航天大学" in rep.text
    assert "研究所苏州" not in rep.text and "中心南京" not in rep.text


def test_bytes_that_decode_only_to_rare_characters_are_not_text(tmp_path):
    rep = read(tmp_path, "noise.txt", b"\x80\x81\xfe\x9f" * 300)
    assert rep.status == "binary", (rep.status, rep.encoding, rep.text[:20])
    # real GBK and BOM-less UTF-16 Chinese still read
    text = "3月5日，城南区教育局召开会议，要求全区38所中小学做好开学准备。局长王海平出席会议并讲话。"
    assert read(tmp_path, "gbk.txt", text.encode("gbk")).text == text
    assert read(tmp_path, "u16.txt", text.encode("utf-16-le")).text == text


def test_a_line_that_runs_on_without_a_sentence_end_is_broken_at_clause_marks(tmp_path):
    # 20,000 characters without a full stop: every fact would quote all of it as its sentence
    clause = "城南区实验小学、河西区第一中学和山前镇中心小学的师生代表参加了活动，"
    text = clause * (20000 // len(clause))
    rep = read(tmp_path, "runon.txt", text + "\n活动持续一周。\n")
    lines = rep.text.split("\n")
    assert max(len(l) for l in lines) <= 500 and len(lines) > 40
    assert "".join(lines[:-1]) == text  # nothing changed but the line breaks
    assert all(l.endswith(("，", "、")) for l in lines[:-2])  # after a clause mark, never inside a name
    # ordinary paragraphs, however long, are untouched
    para = "城南区教育局召开会议，要求全区中小学做好开学准备。" * 100
    assert read(tmp_path, "para.txt", para).text == para


def test_a_column_of_100000_short_lines_is_joined_whole(tmp_path):
    # wrapped newspaper column, 100,000 lines of the same width: one paragraph, nothing lost
    lines = [f"城南小学{i:06d}班" for i in range(100000)]
    rep = read(tmp_path, "column.txt", "\n".join(lines) + "\n")
    assert rep.status == "ok"
    assert rep.text.replace("\n", "") == "".join(lines)


def test_credits_give_names_without_what_they_did_or_where_they_filed_from(tmp_path):
    assert ingest.byline_names("本报记者 王乐文 高炳整理") == ["王乐文", "高炳"]
    assert ingest.byline_names("本报记者 龚仕建 王明峰 张枨报道") == ["龚仕建", "王明峰", "张枨"]
    assert ingest.byline_names("本报记者 刘宏蕾 济宁报道") == ["刘宏蕾"]
    text = ("城南区教育局召开会议，要求全区中小学做好开学准备。\n" * 3
            + "——西安交通大学校长王树国日前接受记者采访时说\n（本报记者  王乐文  高  炳整理）\n")
    rep = read(tmp_path, "credits.txt", text)
    assert rep.authors == ["王乐文", "高炳"]


def test_a_page_copied_in_twice_and_entities_escaped_twice_leave_no_markup(tmp_path):
    text = ("<title>学习外语能延缓大脑衰老_科技_腾讯网</title> 学习外语能延缓大脑衰老 爱丁堡大学的一份研究发现，学习第二种语言对大脑有益。\n"
            "<title>学习外语能延缓大脑衰老_科技_腾讯网</title> 研究人员对262名参试者进行了测试。\n"
            "盼着一份礼物&amp;mdash;&amp;mdash;那就是大学的《录取通知书》。\n")
    rep = read(tmp_path, "twice.txt", text)
    assert "<title>" not in rep.text and "&mdash;" not in rep.text and "——那就是大学" in rep.text
    assert rep.title == "学习外语能延缓大脑衰老"


def test_a_portal_s_property_ads_after_the_article_are_dropped(tmp_path):
    text = ("华裔学生名列前茅\n\n据统计，今年获奖的学生中华裔位居第三位，共有72名。(许雅钧) 本文来源：中国新闻网 "
            "网易海外置业相关房源 TOP 1新西兰景色优美精致5卧4卫别墅 122000 TOP 2位于Soi102的私密山景别墅\n")
    rep = read(tmp_path, "ads.txt", text)
    for junk in ("相关房源", "别墅", "Soi"):
        assert junk not in rep.text, junk
    assert "华裔位居第三位，共有72名" in rep.text
