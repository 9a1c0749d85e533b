"""An adversarial input folder: every kind of bad entry a crawl or a user can leave in the
input folder, next to good reports. ``write(folder)`` writes it and returns what each entry
is expected to become; the tests build it and check that nothing is lost or broken.

Run ``python -m tests.adversarial DIR`` to write the folder for a look by hand.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

GOOD = {
    "good_a.txt": "城南区教育局召开会议\n记者 王小明\n3月5日，城南区教育局召开会议，要求全区38所中小学做好开学准备。"
                  "局长王海平出席会议。\n",
    "good_b.txt": "西城区实验小学举办读书节\n4月23日，西城区实验小学举办读书节活动，全校1200名学生参加。"
                  "校长李红梅致辞。\n",
}

# two bylined articles in one file: sections two#1 and two#2
TWO_ARTICLES = ("城关镇：课后服务全覆盖\n□通讯员 周小平\n今年春季学期开始，城关镇各中小学全面推行课后服务，"
                "覆盖全镇所有学生。\n课程由学校教师和志愿者承担，学校不收取任何费用。\n"
                "河口镇：家访走进千家万户\n□通讯员 陈大勇\n河口镇中心小学组织全体教师开展家访活动，"
                "走访学生家庭320户。\n家访中，教师向家长介绍了学校的安排。\n")

SECRET = "机密文件内容不应出现在输出中"
BODY = "3月5日，城南区教育局召开会议，要求全区38所中小学做好开学准备。局长王海平出席会议。\n"


def _name(raw: bytes | str) -> str:
    return os.fsdecode(raw) if isinstance(raw, bytes) else raw


def write(folder: Path, outside: Path) -> dict[str, tuple[str, str]]:
    """Write the folder; ``outside`` is a folder beside it for symlink targets. Returns
    {entry name as the OS gives it: (expected status, a word the reason holds)}; status
    "ok" for a report that must be read."""
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    want: dict[str, tuple[str, str]] = {}

    def put(name, data: str | bytes, status="ok", why=""):
        name = _name(name)
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        want[name] = (status, why)

    for name, text in GOOD.items():
        put(name, text)
    put("two.txt", TWO_ARTICLES)
    # names that collide with a section id or another file's doc_id
    put("two#1.txt", BODY)
    put("good_a.htm", BODY)
    put("good_a#1.txt", BODY)
    # names with what XML, CSV and file systems cannot take as they are
    put("ctl\x1bESC\x01.txt", BODY)
    put("cr\rlf\nname.txt", BODY)
    put("nonchar\ufffe.txt", BODY)
    put("bidi\u202eabc\u200f.txt", BODY)
    put(b"gbk\xc4\xe3\xba\xc3.txt", BODY)
    put(b"raw\xff\xfe.txt", BODY)
    put("长" * 80 + ".txt", BODY)  # 240 bytes of name + .txt
    put("x" * 251 + ".txt", BODY)  # 255 bytes, the most a name may have
    put("-cmd=1+2.txt", BODY)
    put("<tag & \"quote\">.txt", BODY)
    # one item that must not lose the report
    put("big_number.txt", "学校共有" + "9" * 400 + "名学生。局长王海平出席会议。\n" + BODY)
    put("deep_brackets.txt", "（" * 5000 + BODY + "）" * 5000)
    put("one_long_line.txt", ("城南区教育局召开会议" * 300) + "。\n" + BODY)
    # bad content
    put("empty.txt", b"", "empty", "empty")
    put("binary.txt", bytes(range(256)) * 40, "binary", "binary")
    # three broken UTF-8 sequences in good UTF-8 text: read, the broken bytes replaced
    put("bad_utf8.txt", BODY[:5].encode("utf-8") + b"\xff" + BODY[5:].encode("utf-8") * 3 + b"\xc3\x28" + b"\xa0\xa1")
    put("big5.txt", "台北市教育局宣布，全市國民小學將於三月二日開學，校長會議決定加強防疫措施。\n".encode("big5") * 3)
    put("notes.pdf", b"%PDF-1.4", "unsupported", ".pdf")
    put("sources.tsv", "doc_id\tpub_date\ngood_b\t2021-05-06\n", "skipped", "sidecar")
    # what is not a regular file
    os.mkfifo(folder / "fifo.txt")
    want["fifo.txt"] = ("skipped", "fifo")
    (folder / "dir.txt").mkdir()
    (folder / "dir.txt" / "inner.txt").write_text(BODY, encoding="utf-8")
    want["dir.txt"] = ("skipped", "--recursive")
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text(BODY, encoding="utf-8")
    want["sub"] = ("skipped", "--recursive")
    put(".hidden.txt", BODY, "skipped", "hidden")
    put("...txt", BODY, "skipped", "hidden")
    # symlinks: followed only to a file inside the folder
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    want["secret.txt"] = ("refused", "outside")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    want["passwd.txt"] = ("refused", "outside")
    os.symlink("../" + outside.name + "/secret.txt", folder / "relative_out.txt")
    want["relative_out.txt"] = ("refused", "outside")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    want["dangling.txt"] = ("refused", "dangling")
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    want["loop_a.txt"] = ("refused", "symlink")
    want["loop_b.txt"] = ("refused", "symlink")
    os.symlink("good_b.txt", folder / "inside_link.txt")
    want["inside_link.txt"] = ("ok", "")
    os.symlink("sub", folder / "dir_link")
    want["dir_link"] = ("skipped", "folder")
    return want


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for k, v in sorted(write(root / "in", root / "outside").items()):
        print(ascii(k), *v)
