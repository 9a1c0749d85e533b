"""Ingest: encodings, HTML, web leftovers, newspaper columns, metadata, sections."""
from __future__ import annotations

import pytest

from pipeline import ingest

from .conftest import RAW, SEEDS


def read(key: str) -> ingest.Report:
    return ingest.read_report(RAW / f"{SEEDS[key]}.txt")


# --------------------------------------------------------------------------- encodings

SAMPLE = "槐荫区教体局下发紧急通知，要求学校实施零报告制度。"


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le")])
def test_encodings_are_detected_not_assumed(encoding, expected):
    data = (SAMPLE * 3).encode(encoding)
    text, enc = ingest.decode(data)
    assert text.lstrip("\ufeff") == SAMPLE * 3
    assert enc == expected


def test_binary_is_refused_with_a_reason():
    with pytest.raises(ingest.NotText, match="binary"):
        ingest.decode(bytes(range(256)) * 50)


def test_a_file_cut_in_the_middle_of_a_character_is_still_utf8():
    data = (SAMPLE * 10).encode("utf-8")[:-1]
    text, enc = ingest.decode(data)
    assert enc == "utf-8" and text.startswith(SAMPLE)


# --------------------------------------------------------------------------- HTML and leftovers

def test_html_loses_scripts_styles_and_tags_and_keeps_its_title(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>西城区实验小学开展读书节_教育新闻网</title><style>p{color:red}</style>"
        "<script>var a='<p>不要</p>';</script></head><body><div class='nav'>首页</div>"
        "<p>4月23日，西城区实验小学举办读书节&nbsp;活动，&ldquo;书香校园&rdquo;&amp;全员参与。</p>"
        "<script>track();</script><p>上一篇：旧闻</p></body></html>", encoding="utf-8")
    rep = ingest.read_report(page)
    assert rep.status == "ok"
    assert "var a" not in rep.text and "color" not in rep.text and "track" not in rep.text
    assert "“书香校园”&全员参与" in rep.text
    assert rep.title == "西城区实验小学开展读书节"
    assert "上一篇" not in rep.text


def test_cms_leftovers_are_removed_from_every_seed():
    leftovers = ["enpproperty", "content_38564.html", "字体放大", "放大+", "下一篇", "Baidu", "Internet Explorer",
                 "分享:", "浏览:3958", "\nmap"]
    for key in SEEDS:
        text = read(key).text
        for junk in leftovers:
            assert junk not in text, (key, junk)


def test_letter_spaced_words_are_joined_back():
    text = read("002").text
    for word in ("抗疫一线工作人员子女居家情况", "心理咨询师", "线上家访、空中课堂答疑", "2月2日开始"):
        assert word in text
    assert "马浩" in text and "乐成刚 马浩" in text  # a padded two-character name, kept apart from the other


@pytest.mark.parametrize("line,expected", [
    ("坚 守 ，因 为 屏 幕 对 面", "坚守，因为屏幕对面"),
    ("从 3 月 5 日起停课", "从3月5日起停课"),
    ("□通讯员 王大伟 李 明", "□通讯员 王大伟 李明"),
    ("共克时艰战“疫情” 砥砺前行践初心", "共克时艰战“疫情” 砥砺前行践初心"),
    ("加强体育锻炼。(张 三)", "加强体育锻炼。(张三)"),
    ("Internet Explorer 浏览器", "Internet Explorer 浏览器"),
])
def test_spaces_inside_words_go_and_spaces_between_phrases_stay(line, expected):
    assert ingest.fix_spaces(line) == expected


def test_wrapped_newspaper_columns_are_joined_without_gluing_headings():
    column = "\n\n".join([
        "城关镇：", "课后服务全覆盖", "□通讯员 周小平",
        "今年春季学期开始，城关镇各中",
        "小学全面推行课后服务，每天下午",
        "放学后开设兴趣课程和作业辅导，",
        "覆盖全镇所有学生。",
        "课程由学校教师和志愿者承担，家",
        "长可自愿选择参加，学校不收取任",
        "何费用。",
        "服务开展以来，家长满意度明显提",
        "高，学生课业负担进一步减轻。",
        "下一步，城关镇将继续完善课后服",
        "务内容，增加体育艺术类课程，让",
        "学生在校园里度过充实的课后时光",
        "，促进学生全面健康成长。"])
    lines, _ = ingest.clean(column)
    texts = [l.text for l in lines]
    assert "今年春季学期开始，城关镇各中小学全面推行课后服务，每天下午放学后开设兴趣课程和作业辅导，覆盖全镇所有学生。" in texts
    assert "课程由学校教师和志愿者承担，家长可自愿选择参加，学校不收取任何费用。" in texts
    assert "□通讯员 周小平" in texts
    assert any(t.startswith("城关镇") for t in texts) and not any("周小平今年" in t for t in texts)


def test_a_paragraph_broken_mid_word_is_joined():
    assert "在全区教育系统全面开展“温暖在线”教育行动" in read("001").text


# --------------------------------------------------------------------------- metadata

def test_metadata_of_000():
    r = read("000")
    assert (r.pub_date, r.source, r.editor) == ("2020-03-26", "成都市锦官新城小学", "赵磊")
    assert r.title == "共克时艰战“疫情” 砥砺前行践初心"


def test_metadata_of_003_from_the_cms_property_line():
    r = read("003")
    assert (r.pub_date, r.source) == ("2023-09-11", "聊城日报")
    assert r.authors == ["刘敏", "刘道云"]
    assert r.title == "凝心聚力齐奋进 笃行不怠向未来"


def test_metadata_of_001_and_004():
    r = read("001")
    assert r.authors == ["刘晓旭"] and r.source == "齐鲁晚报·齐鲁壹点"
    assert r.title == "用执着与坚守筑起一道教育“防控墙”"
    assert read("004").pub_date == "2020-03-11"


def test_sidecar_gives_a_publication_date_the_text_lacks(tmp_path):
    (tmp_path / "r1.txt").write_text("学校开展了读书活动。\n活动持续一周。", encoding="utf-8")
    (tmp_path / "sources.tsv").write_text("doc_id\turl\tpub_date\nr1\thttp://example.org\t2021-05-06\n", encoding="utf-8")
    rep = ingest.read_report(tmp_path / "r1.txt", sidecar=ingest.load_sidecar(tmp_path))
    assert rep.pub_date == "2021-05-06" and rep.pub_date_source == "sidecar"


def test_closing_credits_name_authors_and_editor(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("县教育局召开会议，部署开学工作。会议要求各校做好准备。(钱文勇 特约通讯员:赵虎)\n(责任编辑:黄俊飞)",
                 encoding="utf-8")
    rep = ingest.read_report(p)
    assert rep.authors == ["钱文勇", "赵虎"] and rep.editor == "黄俊飞"


# --------------------------------------------------------------------------- sections

def test_the_multi_article_page_is_split_into_its_sections():
    r = read("002")
    got = [(s.doc_id.split("#")[1], s.place_hint, s.authors) for s in r.sections]
    assert got == [
        ("1", "武汉市江岸区", ["乐成刚", "马浩"]),
        ("2", "江西鄱阳", ["黄志勇"]),
        ("3", "", []),
        ("4", "钟祥", ["汪志鹏", "孙沛磊"]),
        ("5", "蕲春", ["黄德良", "毕传高"]),
        ("6", "宜城", ["刘玉红", "邹俊龙"]),
        ("7", "孝感", ["邹德平", "程建专", "熊庆国"]),
        ("8", "广西北流", ["李炳炎"]),
        ("9", "四川广元朝天区", ["董仙莲"]),
    ]
    titles = [s.title for s in r.sections]
    assert titles[1] == "江西鄱阳：强化组织领导，党员率先垂范"  # printed after its article
    assert titles[2] == "抗击疫情，湖北教育人这样做"
    # each section holds its own text, and the sections together are the file
    assert r.sections[4].text.startswith("蕲春：") and "全县5000多名学科教师" in r.sections[4].text
    assert "\n".join(s.text for s in r.sections) == r.text


def test_a_single_article_is_one_section_with_the_file_id():
    r = read("003")
    assert len(r.sections) == 1 and r.sections[0].doc_id == SEEDS["003"]
