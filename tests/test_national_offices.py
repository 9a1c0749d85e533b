"""Known national bodies (rules/org_known.tsv: 中办, 国办, ministries, portals, famous foreign
universities, with their short names) are one node with no place across reports, never a
local body keyed by one report's setting (corpus builds had put every 国办 of five reports
into 哈尔滨's, 125 reports' 新华社 into a street of 汪清县, 哈佛 into 陕西). Every text is
written here."""
from __future__ import annotations

from pipeline import build

from .conftest import read_table


def built(tmp_path, **texts) -> tuple[dict, set]:
    """Build the reports ``doc_id=text``: ({(doc_id, text): entity_id} of the ORG mentions,
    the sources of LOCATED_IN relations)."""
    src = tmp_path / "in"
    src.mkdir()
    for doc_id, text in texts.items():
        (src / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build.run(src, out, workers=1, progress=False)
    ids = {(r["doc_id"], r["text"]): r["entity_id"] for r in read_table(out, "mentions.csv") if r["label"] == "ORG"}
    located = {r["source_id"] for r in read_table(out, "relations.csv") if r["type"] == "LOCATED_IN"}
    return ids, located

HARBIN = """哈尔滨市教育局部署离退休干部工作

本报讯 哈尔滨市教育局近日召开会议。2016年初，中办、国办印发《关于进一步加强和改进离退休干部工作的意见》，哈尔滨市教育局认真贯彻落实。
"""
NATIONAL = """教育督导改革

中办、国办印发《关于深化新时代教育督导体制机制改革的意见》，教育部负责同志答记者问。
"""


def test_national_offices_are_one_node_without_a_place(tmp_path):
    ids, located = built(tmp_path, a=HARBIN, b=NATIONAL)
    guoban = {ids[(d, "国办")] for d in ("a", "b")}
    zhongban = {ids[(d, "中办")] for d in ("a", "b")}
    assert len(guoban) == 1 and len(zhongban) == 1
    assert guoban != zhongban
    assert not any(k.startswith("org:23") for k in guoban | zhongban), guoban | zhongban
    assert not (guoban | zhongban) & located


WANGQING = """汪清县新民街道开展关爱活动

本报讯 近日，汪清县新民街道新华社开展关爱留守儿童活动，为学生送去学习用品。
"""
XINHUA = """教育部部署春季学期开学工作

新华社北京2月10日电 教育部日前印发通知，部署春季学期开学工作。
"""


def test_a_known_body_is_never_joined_into_a_local_body_of_its_name(tmp_path):
    # 新华社 of one report and a street's 新华社 of another are two nodes: the linking's
    # "the place of one inside the other's" join never takes a known national body to one
    # report's place (a corpus build had keyed 125 reports' 新华社 at 汪清县新民街道)
    ids, located = built(tmp_path, a=WANGQING, b=XINHUA)
    xinhua = ids[("b", "新华社")]
    assert not xinhua.startswith("org:22"), xinhua
    assert xinhua not in located


JINAN = """济南市推进职业技能培训

本报讯 近日，济南市人社局召开会议，传达人力资源社会保障部关于职业技能提升行动的部署，济南市将开展职业技能培训。
"""
NATIONAL_MOHRSS = """职业技能提升行动

人社部、财政部近日印发通知，部署职业技能提升行动。
"""


def test_ministries_written_in_full_or_short_are_one_national_node(tmp_path):
    # 人力资源社会保障部 (written without 和) and 人社部 are the national ministry: one node with
    # no place, not a body of 济南 because a Jinan report names it
    ids, _ = built(tmp_path, a=JINAN, b=NATIONAL_MOHRSS)
    ministry = {ids[("a", "人力资源社会保障部")], ids[("b", "人社部")]}
    assert len(ministry) == 1, ministry
    assert not any(k.startswith("org:37") for k in ministry), ministry


XIAN_HARVARD = """西安一中学生的留学梦

本报讯 西安市第一中学高三学生小王收到了哈佛的录取通知。哈佛的校徽上有三本书。
"""
CHONGQING_PORTAL = """课外辅导调查

新浪教育讯 近日，由新浪教育联合重庆市多家培训机构举办的评选活动启动。
"""
ABROAD = """留学申请季

今年，多名中国学生被哈佛大学录取。新浪教育就留学申请进行了在线调查。
"""


def test_foreign_universities_and_portals_take_no_place_from_a_report(tmp_path):
    # 哈佛 in a Xi'an report is Harvard (哈佛大学), not a body of 陕西; 新浪教育 in a Chongqing
    # report is the national portal: each is one node with the other report's mention
    ids, _ = built(tmp_path, a=XIAN_HARVARD, b=CHONGQING_PORTAL, c=ABROAD)
    assert ids[("a", "哈佛")] == ids[("c", "哈佛大学")] == "org::哈佛大学"
    assert ids[("b", "新浪教育")] == ids[("c", "新浪教育")] == "org::新浪教育"


def test_a_national_office_known_by_its_short_name_takes_no_place(tmp_path):
    ids, _ = built(tmp_path, a="昆明市推进节约型机关建设\n\n本报讯 昆明市机关事务局近日召开会议，传达国管局关于节约型机关建设的部署。\n")
    assert ids[("a", "国管局")] == "org::国务院机关事务管理局", ids
