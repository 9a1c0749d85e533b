"""Communities of a rebuild found again only where a change reaches (pipeline/commdelta.py):
on a small graph, after each kind of change, the rows are those found in the whole new
graph, and only the components the change touched are looked at."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pipeline import commdelta, communities, csvio
from pipeline.assemble import PARENTS

ORGS = {"org:A": ("槐荫区教育局", "370104"), "org:B": ("济南市教育局", "370100"),
        "org:C": ("海淀区教育局", "110108"), "org:D": ("槐荫区第一中学", "370104"),
        "org:F": ("历下区教育局", "370102"), "org:G": ("历下区实验小学", "370102"),
        "org:X": ("东城区教育委员会", "110101"), "org:Y": ("市中区教育局", "370103"), "org:Z": ("西城区教育委员会", "110102")}
PEOPLE = {"person:王": "王海平", "person:李": "李明", "person:张": "张华", "person:赵": "赵强", "person:周": "周敏",
          "person:孙": "孙立", "person:吴": "吴刚"}
PLACES = {"place:370000": ("山东省", ""), "place:370100": ("济南市", "place:370000"),
          "place:370104": ("槐荫区", "place:370100"), "place:370102": ("历下区", "place:370100")}
MEASURES = {"measure:停课不停学": "停课不停学", "measure:空中课堂": "空中课堂"}
EDGES = [("person:王", "org:A", "MEMBER_OF", 1), ("person:李", "org:A", "MEMBER_OF", 2),
         ("person:李", "org:C", "MEMBER_OF", 1), ("person:张", "org:C", "MEMBER_OF", 1),
         ("person:赵", "org:D", "MEMBER_OF", 1), ("org:A", "org:B", "PART_OF", 2), ("org:D", "org:A", "PART_OF", 1),
         ("person:周", "org:F", "MEMBER_OF", 1), ("person:周", "org:G", "MEMBER_OF", 1),
         ("org:G", "org:F", "PART_OF", 1), ("org:F", "org:B", "PART_OF", 1),
         ("person:孙", "org:X", "MEMBER_OF", 1), ("person:孙", "org:Z", "MEMBER_OF", 1),
         ("person:孙", "org:Y", "MEMBER_OF", 1), ("person:吴", "org:Y", "MEMBER_OF", 1),
         ("org:A", "measure:停课不停学", "IMPLEMENTS", 3), ("org:B", "measure:停课不停学", "IMPLEMENTS", 1),
         ("org:D", "measure:空中课堂", "IMPLEMENTS", 1), ("org:G", "measure:空中课堂", "IMPLEMENTS", 2),
         ("org:A", "place:370104", "LOCATED_IN", 1), ("org:B", "place:370100", "LOCATED_IN", 1),
         ("org:D", "place:370104", "LOCATED_IN", 1), ("org:F", "place:370102", "LOCATED_IN", 1),
         ("org:G", "place:370102", "LOCATED_IN", 1)]


def graph(orgs=ORGS, people=PEOPLE, places=PLACES, measures=MEASURES, edges=EDGES) -> tuple[dict, set]:
    nodes = {i: ("Organization", n, {"adcode": a}) for i, (n, a) in orgs.items()}
    nodes.update({i: ("Person", n, {}) for i, n in people.items()})
    nodes.update({i: ("Place", n, {"parent_id": p}) for i, (n, p) in places.items()})
    nodes.update({i: ("Measure", n, {}) for i, n in measures.items()})
    return nodes, set(edges)


def write_index(folder: Path, g) -> Path:
    folder.mkdir(parents=True)
    db = sqlite3.connect(folder / "index.sqlite")
    nodes, edges = g
    db.executescript("""CREATE TABLE nodes(id TEXT PRIMARY KEY, type TEXT, name TEXT, attrs TEXT, n_reports INTEGER,
                                           n_mentions INTEGER);
                        CREATE TABLE edges(src TEXT, dst TEXT, typ TEXT, weight INTEGER, first INTEGER, roles TEXT,
                                           PRIMARY KEY(src, dst, typ)) WITHOUT ROWID;
                        CREATE INDEX edges_dst ON edges(dst, typ);""")
    db.executemany("INSERT INTO nodes VALUES(?,?,?,?,0,0)",
                   [(i, t, n, json.dumps(a, ensure_ascii=False)) for i, (t, n, a) in sorted(nodes.items())])
    db.executemany("INSERT INTO edges VALUES(?,?,?,?,0,'')", sorted(edges))
    db.execute(f"CREATE TABLE parents AS {PARENTS}")
    db.commit()
    db.close()
    return folder / "index.sqlite"


def whole(path: Path) -> bytes:
    """communities.csv as the whole graph's communities give it."""
    db = sqlite3.connect(path)
    try:
        return csvio.to_csv(communities.from_index(db), communities.COLS).encode("utf-8")
    finally:
        db.close()


def rebuild(tmp_path: Path, before, after) -> tuple[bytes, str]:
    """communities.csv of ``after`` written from the state of ``before``'s (as a rebuild
    writes it), and why it was found whole."""
    work, prev = tmp_path / "work", tmp_path / "000001"
    db = sqlite3.connect(write_index(prev, before))
    assert commdelta.write(db, work, prev.name, prev / "communities.csv") != ""  # the whole build: its state kept
    db.close()
    assert (prev / "communities.csv").read_bytes() == whole(prev / "index.sqlite")
    path = write_index(tmp_path / "000002", after)
    changed = {i for i in before[0].keys() | after[0].keys() if before[0].get(i) != after[0].get(i)}
    sources = {e[0] for e in before[1] ^ after[1]}
    db = sqlite3.connect(path)
    try:
        why = commdelta.write(db, work, "000002", path.parent / "communities.csv", commdelta.Delta(prev, changed, sources))
        return (path.parent / "communities.csv").read_bytes(), why
    finally:
        db.close()


def _edges(add=(), drop=()):
    return (set(EDGES) - set(drop)) | set(add)


CHANGES = {
    "a person joins an organisation of another province (theirs then decided by a tie)":
        graph(edges=_edges(add=[("person:王", "org:C", "MEMBER_OF", 1)])),
    "an organisation moves to the province of its people's other organisation":
        graph(orgs={**ORGS, "org:C": ("海淀区教育局", "370105")}),
    "an organisation's move takes a person, who takes another organisation's component":
        graph(orgs={**ORGS, "org:X": ("东城区教育委员会", "370104")}),
    "a place's link to the place above it gets more evidence":
        graph(edges=_edges(add=[("place:370104", "place:370100", "LOCATED_IN", 3)])),
    "a link goes and a component splits":
        graph(edges=_edges(drop=[("org:D", "org:A", "PART_OF", 1)])),
    "a link's evidence grows":
        graph(edges=_edges(drop=[("org:A", "org:B", "PART_OF", 2)], add=[("org:A", "org:B", "PART_OF", 5)])),
    "a new bureau with its head, in a new place":
        graph(orgs={**ORGS, "org:E": ("城东区教育局", "370103")}, people={**PEOPLE, "person:陈": "陈国华"},
              places={**PLACES, "place:370103": ("市中区", "place:370100")},
              edges=_edges(add=[("person:陈", "org:E", "MEMBER_OF", 1), ("org:E", "place:370103", "LOCATED_IN", 1)])),
    "a measure renamed": graph(measures={**MEASURES, "measure:空中课堂": "空中课堂（线上）"}),
    "a person renamed": graph(people={**PEOPLE, "person:赵": "赵一强"}),
    "an organisation implements another measure":
        graph(edges=_edges(add=[("org:F", "measure:空中课堂", "IMPLEMENTS", 1)])),
    "a person and their links gone":
        graph(people={k: v for k, v in PEOPLE.items() if k != "person:李"},
              edges={e for e in EDGES if "person:李" not in e[:2]}),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_the_rows_of_a_change_are_those_of_the_whole_graph(tmp_path, change):
    after = CHANGES[change]
    rows, why = rebuild(tmp_path, graph(), after)
    assert why == ""
    assert rows == whole(tmp_path / "000002" / "index.sqlite")


def test_only_the_touched_components_are_looked_at(tmp_path):
    after = graph(people={**PEOPLE, "person:周": "周敏敏"})
    rows, why = rebuild(tmp_path, graph(), after)
    looked_at = communities.LAST_RUN["components"]
    assert why == "" and rows == whole(tmp_path / "000002" / "index.sqlite")
    assert communities.LAST_RUN["components"] > 2 and looked_at == 1  # 周's only
    assert "周敏敏" not in rows.decode("utf-8") and "person:周" in rows.decode("utf-8")


def test_a_renamed_place_or_a_state_of_another_set_finds_them_all_again(tmp_path):
    renamed = graph(places={**PLACES, "place:370100": ("济南", "place:370000")})
    rows, why = rebuild(tmp_path / "a", graph(), renamed)
    assert why == "the place place:370100 changed"
    assert rows == whole(tmp_path / "a" / "000002" / "index.sqlite")

    moved = graph(edges=_edges(add=[("place:370104", "place:370000", "LOCATED_IN", 1)]))
    rows, why = rebuild(tmp_path / "b", graph(), moved)
    assert why == "the place place:370104 moved under another"
    assert rows == whole(tmp_path / "b" / "000002" / "index.sqlite")

    (tmp_path / "c").mkdir()
    db = sqlite3.connect(write_index(tmp_path / "c" / "000007", graph()))
    commdelta.write(db, tmp_path / "c" / "work", "000007", tmp_path / "c" / "000007" / "communities.csv")
    db.close()
    db = sqlite3.connect(write_index(tmp_path / "c" / "000009", renamed))
    why = commdelta.write(db, tmp_path / "c" / "work", "000009", tmp_path / "c" / "000009" / "communities.csv",
                          commdelta.Delta(tmp_path / "c" / "000008", {"place:370100"}, set()))
    db.close()
    assert why == "the state of the communities is of another set or code"
