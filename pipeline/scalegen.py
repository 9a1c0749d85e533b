"""Realistic generated reports for the scale benchmark (``make bench-scale``).

Deterministic (a seeded ``random.Random`` per report: report ``n`` is the same in every
corpus size), and varied: places from JioNLP's table of China's divisions (provinces,
cities, counties, towns), schools and bureaus named from them with the suffixes of
``rules/org_suffixes.tsv``, people from ``rules/surnames.tsv`` with given names drawn from
common characters, roles from ``rules/roles.tsv``, measures from ``rules/measures.tsv``,
numbers, dates and bylines - written as the news reports of education bureaus and schools
are, some 1,500-2,500 characters each, a few with two bylined articles. After the opening
paragraphs (a meeting, its bureau, schools, people and counts) most of a report is prose of
common words drawn clause by clause, with now and then a sentence of names and counts: the
reports carry about as many mentions per 1,000 characters as the 2,613 real articles of the
corpus (docs/scale.md has both).
"""
from __future__ import annotations

import functools
import random
from pathlib import Path

from . import gazetteer, rules

# the generator's version: reports written by another one are not mixed with its own
# (2: prose of common words around the names, at about the real corpus's mentions per 1,000
# characters; 1 had two to thirteen times as many, and one paragraph repeated)
VERSION = "2"

GIVEN = ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 娟 建 国 文 "
         "辉 鹏 俊 志 海 燕 晓 春 雪 林 梅 丹 宇 浩 凯 博 欣 怡 嘉 佳 思 雨 子 轩 晨 阳 雅 婷 琳 瑞 "
         "荣 兰 新 金 永 德 成 斌 波 东 亮 飞 彬 鑫 宁 凤 慧 颖 莉 琴 云 蓉 梓 睿 泽 铭 昊 哲 峰").split()
SCHOOL_KINDS = ("小学", "中学", "实验小学", "实验中学", "第一中学", "第二中学", "第三小学", "中心小学", "中心幼儿园",
                "高级中学", "初级中学", "职业技术学校", "特殊教育学校", "九年一贯制学校", "第二实验小学")
ROADS = ("人民路", "建设路", "解放路", "和平路", "文化路", "胜利路", "新华路", "育才路", "朝阳路", "光明路", "东风路", "青年路")
BUREAUS = ("教育局", "教育体育局", "教育和体育局")
OUTLETS = ("教育导报", "中国教育报", "人民日报", "光明日报", "新华网", "中国青年报")
TOPICS = ("课后服务", "双减", "控辍保学", "集团化办学", "送教上门", "名师工作室", "县管校聘", "五育并举")


@functools.lru_cache(maxsize=None)
def tables() -> dict:
    """Names drawn from real tables: divisions (county with its city and province),
    surnames, lead roles and measures."""
    counties, towns = [], {}
    prov = city = ""
    with open(gazetteer.jionlp_file("china_location.txt"), encoding="utf-8") as f:
        county = None
        for line in f:
            depth = len(line) - len(line.lstrip("\t"))
            parts = line.strip().split("\t")
            if depth == 0 and len(parts) == 3:
                prov = parts[0]
            elif depth == 1 and len(parts) == 3:
                city = parts[0]
            elif depth == 2 and len(parts) == 3 and parts[0].endswith(("县", "区", "市", "旗")):
                county = (prov, city, parts[0])
                counties.append(county)
            elif depth == 3 and county is not None and parts[0].endswith(("镇", "乡")):
                towns.setdefault(county, []).append(parts[0])
    surnames = [r[0] for r in rules.table("surnames.tsv") if len(r) > 1 and r[1] == "common"]
    lead = [r[0] for r in rules.table("roles.tsv") if len(r) > 1 and r[1] == "lead"]
    roles = {"school": [r for r in lead if r.endswith(("校长", "园长", "主任"))] or ["校长"],
             "bureau": [r for r in lead if r.endswith(("局长", "科长", "主任"))] or ["局长"]}
    measures = [r[0] for r in rules.table("measures.tsv")]
    return {"counties": counties, "towns": towns, "surnames": surnames, "roles": roles, "measures": measures}


def _person(rnd: random.Random, t: dict) -> str:
    return rnd.choice(t["surnames"]) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))


def _date(rnd: random.Random, year: int) -> tuple[str, str]:
    m, d = rnd.randint(1, 12), rnd.randint(1, 28)
    return f"{year}年{m}月{d}日", f"{m}月{d}日"


def report(n: int) -> str:
    """The text of generated report ``n``."""
    t = tables()
    rnd = random.Random(n * 7919 + 17)
    articles = 2 if rnd.random() < 0.06 else 1
    year = rnd.randint(2015, 2023)
    out = []
    for _ in range(articles):
        out.append(_article(rnd, t, year))
    return "\n\n".join(out) + "\n"


def _article(rnd: random.Random, t: dict, year: int) -> str:
    prov, city, county = rnd.choice(t["counties"])
    towns = t["towns"].get((prov, city, county)) or [county[:-1] + "镇"]
    town = rnd.choice(towns)
    short = county[:-1] if len(county) > 2 else county
    bureau = county + rnd.choice(BUREAUS)
    city_bureau = city + "教育局"
    schools = [rnd.choice((county, short, town[:-1] if len(town) > 2 else town, rnd.choice(ROADS)[:-1] + "路"))
               + rnd.choice(SCHOOL_KINDS) for _ in range(rnd.randint(2, 4))]
    schools = list(dict.fromkeys(schools))
    if len(schools) < 2:
        schools.append(county + "实验学校")
    people = [_person(rnd, t) for _ in range(rnd.randint(4, 7))]
    school_role = lambda: rnd.choice(t["roles"]["school"])  # noqa: E731
    bureau_role = lambda: rnd.choice(t["roles"]["bureau"])  # noqa: E731
    measures = rnd.sample(t["measures"], 3)
    full, short_date = _date(rnd, year)
    reporter, outlet = _person(rnd, t), rnd.choice(OUTLETS)
    topic = rnd.choice(TOPICS)
    n_schools, n_students = rnd.randint(12, 180), rnd.randint(3000, 98000)
    share, money = rnd.randint(51, 99), rnd.randint(120, 9800)
    title = f"{county}扎实推进“{measures[0]}”工作 {rnd.choice(('全面提升办学质量', '办好人民满意的教育', '守护学生健康成长'))}"
    paras = [
        title,
        f"发布时间：{full}　来源：{outlet}　作者：{reporter}",
        f"本报讯（记者 {reporter} 通讯员 {people[0]}）{short_date}，{bureau}在{schools[0]}召开{topic}工作推进会，"
        f"{bureau}{bureau_role()}{people[1]}出席会议并讲话。会议总结了{year - 1}年全{county[-1]}教育工作，"
        f"部署了{year}年重点任务。",
        f"{people[1]}指出，全{county[-1]}{n_schools}所中小学要把这项工作摆在突出位置，"
        f"坚持问题导向，细化工作措施。截至{short_date}，全{county[-1]}已有{n_students}名学生参加，"
        f"参与率达到{share}%，比上年提高{rnd.randint(2, 15)}个百分点。",
        f"{schools[0]}{school_role()}{people[2]}介绍，学校组织{rnd.randint(20, 300)}名教师开展{measures[1]}，"
        f"并与{schools[1]}结成帮扶对子，共同开展教研交流。{schools[1]}{school_role()}"
        f"{people[3]}表示，将认真落实{city_bureau}和{bureau}的部署要求。",
        f"据了解，{prov}{city}今年共投入资金{money}万元，用于{town}等{rnd.randint(3, 20)}个乡镇学校改善办学条件。"
        f"{city_bureau}相关负责人表示，下一步将继续推进这项工作，"
        f"力争到{year + rnd.randint(1, 3)}年实现全覆盖。",
    ]
    if len(schools) > 2:
        paras.append(f"会上，{schools[2]}作了交流发言，介绍了学校的经验做法。"
                     f"{people[-1]}说：“我们将以此次会议为契机，推动{topic}工作再上新台阶。”")
    # the places of the prose at about the real corpus's levels (of its place mentions: 35 %
    # countries, 29 % provinces, 10 % cities, 5 % counties)
    places = ("中国",) * 7 + (prov,) * 6 + (city,) * 3 + (county, short, town, prov + city)
    length = rnd.randint(1500, 2300)
    while sum(len(p) for p in paras) < length:
        # most of a report is prose around its names: sentences of common words, varied
        # clause by clause; now and then a sentence that names a school, a person and counts
        sentences = [_prose(rnd, schools if rnd.random() < 0.5 else (), places) for _ in range(rnd.randint(2, 4))]
        if rnd.random() < NAMED_SHARE:
            sentences.insert(rnd.randint(0, len(sentences)),
                             f"{rnd.choice(schools)}{school_role()}{_person(rnd, t)}在{_date(rnd, year)[1] + '的' if rnd.random() < 0.5 else ''}座谈会上表示，"
                             f"学校现有学生{rnd.randint(300, 4000)}人、教师{rnd.randint(20, 300)}人，"
                             f"将把{rnd.choice(t['measures']) if rnd.random() < 0.15 else '这些做法'}融入日常教育教学。")
        paras.append("".join(sentences))
    paras.append(f"（责任编辑：{_person(rnd, t)}）")
    return "\n\n".join(paras)


# the prose of the reports: subject, manner, verb and object drawn clause by clause (some
# 300,000 clause bodies, times their subjects and openers), so that no two reports share
# their sentences, as real ones do not
OPENERS = ("", "", "", "近年来，", "今年以来，", "与此同时，", "在此基础上，", "此外，", "目前，", "一方面，", "另一方面，",
           "为此，", "活动中，", "会上，", "据介绍，", "在实践中，", "下一步，", "长期以来，", "多年来，", "同时，")
SUBJECTS = ("学校", "全体教师", "各年级组", "教研组", "班主任", "学生们", "家长们", "老师们", "该校", "各学科组", "青年教师",
            "骨干教师", "党员教师", "校领导班子", "全校师生", "志愿者", "各班级", "教师们", "新入职教师", "德育处")
MANNERS = ("积极", "认真", "扎实", "持续", "主动", "有序", "不断", "切实", "全面", "深入", "广泛", "着力", "进一步",
           "坚持", "努力", "大力", "逐步", "稳步", "用心", "认真细致地")
VERBS = ("开展", "推进", "落实", "加强", "完善", "探索", "组织", "提升", "优化", "改进", "深化", "培养", "丰富", "规范",
         "健全", "创新", "强化", "营造", "引导", "打造", "关注", "参与", "总结", "梳理", "谋划")
TOPIC_WORDS = ("课堂教学", "家校合作", "师资队伍", "校园文化", "教学管理", "学生评价", "课程建设", "安全教育", "心理健康",
               "劳动教育", "阅读推广", "体育锻炼", "艺术教育", "德育工作", "作业设计", "信息技术", "教师培训", "校本课程",
               "学业质量", "班级管理", "习惯养成", "实践活动", "科学探究", "传统文化", "生涯规划", "食品安全", "卫生防疫",
               "课后辅导", "教学研究", "集体备课")
HEAD_WORDS = ("质量", "水平", "体系", "能力", "方式", "氛围", "内容", "工作", "环境", "效果", "形式", "管理", "实践",
              "改革", "特色", "品质", "路径", "举措", "成效", "要求")
AFTER = ("", "", "", "，取得了良好效果", "，受到家长好评", "，为学生成长创造了条件", "，让每个孩子都有收获",
         "，形成了可复制的经验", "，师生参与热情高涨", "，各项工作有条不紊", "，收到了明显成效")
# the share of paragraphs with a sentence of names and counts (set so that the reports carry
# about the real corpus's mentions per 1,000 characters: docs/scale.md)
NAMED_SHARE, PLACE_SHARE = 0.25, 0.5
PLACE_PEOPLE = ("各校", "各中小学", "广大教师", "各地学校", "的中小学生", "的家长", "教育系统", "城乡学校")


def _prose(rnd: random.Random, schools, places) -> str:
    """One sentence of two or three clauses of common words (a school or a place named at
    most once)."""
    clauses = []
    for i in range(rnd.randint(2, 3)):
        subject = rnd.choice(SUBJECTS)
        if i == 0 and schools and rnd.random() < 0.25:
            subject = rnd.choice(schools)
        elif i == 0 and rnd.random() < PLACE_SHARE:
            subject = rnd.choice(places) + rnd.choice(PLACE_PEOPLE)
        clause = rnd.choice(MANNERS) + rnd.choice(VERBS) + rnd.choice(TOPIC_WORDS) + rnd.choice(HEAD_WORDS)
        clauses.append((rnd.choice(OPENERS) if i == 0 else "") + (subject if i == 0 or rnd.random() < 0.3 else "") + clause)
    if rnd.random() < 0.1:
        clauses.append(f"全年共开展相关活动{rnd.randint(3, 60)}次，覆盖学生{rnd.randint(200, 9000)}余人")
    return "，".join(clauses) + rnd.choice(AFTER) + "。"


def write_corpus(folder: Path, count: int) -> int:
    """Reports 0..count-1 as ``folder/r<n>.txt`` (kept when already there); total characters."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(count):
        p = folder / f"r{n:06d}.txt"
        if p.is_file():
            total += len(p.read_text(encoding="utf-8"))
            continue
        text = report(n)
        p.write_text(text, encoding="utf-8")
        total += len(text)
    return total
