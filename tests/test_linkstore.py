"""Linking from per-key records in SQLite (pipeline/linkstore.py): after every change
(a report added, edited, removed) the incremental linking gives exactly what linking all
records from scratch gives (``link.merge_entities``), entities in the same order, links
again only the groups the change reaches, and the per-key records equal those of a store
filled afresh. Every text is written here."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline import link, linkstore

NO_RULES = ([], [])


def _sec(doc_id, entities, relations=(), path=None):
    return {"doc_id": doc_id, "entities": entities, "relations": list(relations),
            "place_context": {"path": path} if path else {}, "title": "", "byline": "", "authors": [], "editor": ""}


def _org(name, adcode="", kind="school"):
    return {"label": "ORG", "name": name, "aliases": [name], "attrs": {"kind": kind, "adcode": adcode}}


def _person(name, outlet=None):
    return {"label": "PERSON", "name": name, "aliases": [name], "attrs": {"outlet": outlet} if outlet else {}}


def _member(person, org):
    return {"type": "MEMBER_OF", "source": person, "target": org, "attrs": {"role": "校长"}}


PLACES = {"place:510100": {"label": "PLACE", "name": "成都市", "aliases": ["成都市"], "attrs": {"adcode": "510100"}},
          "place:510107": {"label": "PLACE", "name": "武侯区", "aliases": ["武侯区"],
                           "attrs": {"adcode": "510107", "parent_id": "place:510100"}}}
CITY_SCHOOL, DISTRICT_SCHOOL = "org:510100:锦官新城小学", "org:510107:锦官新城小学"
BUREAU = "org:370104:槐荫区教育局"


class Linker:
    """A store's per-key records (in memory) and the reports they came from."""

    def __init__(self):
        self.db = sqlite3.connect(":memory:", isolation_level=None)
        self.db.executescript(linkstore.SCHEMA)
        self.reports: dict[str, list[dict]] = {}
        self.linked: list[set[str]] = []     # the keys of every batch linked

    def put(self, rel, *sections):
        self.reports[rel] = list(sections)
        with self._tx():
            linkstore.put(self.db, rel, list(sections))

    def remove(self, rel):
        del self.reports[rel]
        with self._tx():
            linkstore.forget(self.db, rel)

    def _tx(self):
        db = self.db

        class Tx:
            def __enter__(self):
                db.execute("BEGIN")

            def __exit__(self, *exc):
                db.execute("COMMIT" if exc[0] is None else "ROLLBACK")
        return Tx()

    def check(self, corrections=NO_RULES):
        """The linking from the store equals the linking of every record, in order."""
        rels = sorted(self.reports)
        want_ents, want_remap = link.merge_entities([s for r in rels for s in self.reports[r]], corrections)
        ents, remap = linkstore.link_store(self.db, rels, corrections)
        assert list(ents.items()) == list(want_ents.items())
        assert dict(remap) == want_remap
        return want_ents, want_remap

    def table(self, name):
        return sorted(self.db.execute(f"SELECT * FROM {name}"))


@pytest.fixture
def linker(monkeypatch):
    lk = Linker()
    real = linkstore.GroupLinking._batch

    def batch(run, rows):
        lk.linked.append({r[1] for r in rows})
        return real(run, rows)
    monkeypatch.setattr(linkstore.GroupLinking, "_batch", batch)
    return lk


def linked_keys(lk):
    return set().union(*lk.linked) if lk.linked else set()


def test_incremental_linking_equals_linking_from_scratch_through_changes(linker):
    lk = linker
    # a: 杨扬, head of the school written with its city; c: 田媛 of 中国教育报; d: a byline 田媛
    # with no outlet; e: 晋萍 of 槐荫区教育局, f: a 晋萍 in a report on 槐荫区
    lk.put("a", _sec("a", {**PLACES, CITY_SCHOOL: _org("成都市锦官新城小学", "510100"),
                           "person:a:杨扬": _person("杨扬")}, [_member("person:a:杨扬", CITY_SCHOOL)]))
    lk.put("c", _sec("c", {"person:c:田媛": _person("田媛", "中国教育报")}))
    lk.put("d", _sec("d", {"person:d:田媛": _person("田媛", "记者")}))
    lk.put("e", _sec("e", {BUREAU: _org("槐荫区教育局", kind="bureau"), "person:e:晋萍": _person("晋萍")},
                     [_member("person:e:晋萍", BUREAU)]))
    lk.put("f", _sec("f", {"person:f:晋萍": _person("晋萍"),
                           "place:532523/县": {"label": "PLACE", "name": "县", "aliases": ["县"], "attrs": {}}},
                     path=["370000", "370100", "370104"]))
    ents, remap = lk.check()
    assert remap["person:d:田媛"] == "person:中国教育报:田媛"
    assert remap["person:f:晋萍"] == "person:槐荫区教育局:晋萍" and remap["place:532523/县"] == "place:532523"

    # added: the same school with its district, another 杨扬 at it: the city's school is the
    # district's, and the two 杨扬 of two reports become one person
    lk.linked.clear()
    lk.put("b", _sec("b", {**PLACES, DISTRICT_SCHOOL: _org("锦官新城小学", "510107"),
                           "person:b:杨扬": _person("杨扬")}, [_member("person:b:杨扬", DISTRICT_SCHOOL)]))
    ents, remap = lk.check()
    assert remap[CITY_SCHOOL] == DISTRICT_SCHOOL
    assert remap["person:a:杨扬"] == remap["person:b:杨扬"] == "person:锦官新城小学:杨扬"
    assert "person:c:田媛" not in linked_keys(lk) and BUREAU not in linked_keys(lk)   # untouched groups stay

    # added: 光明日报 has a 田媛 too: the byline without an outlet is no longer 中国教育报's
    lk.linked.clear()
    lk.put("g", _sec("g", {"person:g:田媛": _person("田媛", "光明日报")}))
    ents, remap = lk.check()
    assert remap["person:d:田媛"] == "person:记者:田媛"
    assert not linked_keys(lk) & {CITY_SCHOOL, "person:a:杨扬", BUREAU}

    # edited: b's school and 杨扬 are gone, a 杨扬 of 槐荫区教育局 instead: the two 杨扬 split
    lk.linked.clear()
    lk.put("b", _sec("b", {BUREAU: _org("槐荫区教育局", kind="bureau"), "person:b:杨扬": _person("杨扬")},
                     [_member("person:b:杨扬", BUREAU)]))
    ents, remap = lk.check()
    assert CITY_SCHOOL not in remap and remap["person:a:杨扬"] == "person:锦官新城小学:杨扬"
    assert remap["person:b:杨扬"] == "person:槐荫区教育局:杨扬"
    assert "person:c:田媛" not in linked_keys(lk)

    # removed: the bureau's 晋萍 goes, and with it the tie of the county's 晋萍
    lk.linked.clear()
    lk.remove("e")
    ents, remap = lk.check()
    assert "person:f:晋萍" not in remap or remap["person:f:晋萍"] != "person:槐荫区教育局:晋萍"
    assert CITY_SCHOOL not in linked_keys(lk)

    # nothing changed: nothing linked again
    lk.linked.clear()
    lk.check()
    assert not linked_keys(lk)


def test_an_analyst_s_rules_join_and_split_groups_incrementally(linker):
    lk = linker
    rules = ([("杨阳", "杨扬@a", "")], [("杨扬@a", "杨扬@b", "")])
    org = "org:510107:实验学校"
    lk.put("a", _sec("a", {"person:a:杨扬": _person("杨扬"), org: _org("实验学校", "510107")},
                     [_member("person:a:杨扬", org)]))
    lk.put("b", _sec("b", {"person:b:杨扬": _person("杨扬"), org: _org("实验学校", "510107")},
                     [_member("person:b:杨扬", org)]))
    ents, remap = lk.check(rules)
    assert remap["person:a:杨扬"] == "person:实验学校:杨扬" and "person:b:杨扬" not in remap   # not_same: apart
    lk.put("c", _sec("c", {"person:c:杨阳": _person("杨阳")}))             # 杨阳 is a's 杨扬 (same_as)
    ents, remap = lk.check(rules)
    assert remap["person:c:杨阳"] == remap.get("person:a:杨扬", "person:a:杨扬")
    lk.put("c", _sec("c", {"person:c:王芳": _person("王芳")}))             # edited: no 杨阳 any more
    ents, remap = lk.check(rules)
    assert "person:c:杨阳" not in remap
    lk.remove("a")
    lk.check(rules)


def test_records_after_forget_equal_a_store_filled_afresh(linker):
    lk = linker
    lk.put("a", _sec("a", {**PLACES, CITY_SCHOOL: _org("成都市锦官新城小学", "510100"),
                           "person:a:杨扬": _person("杨扬")}, [_member("person:a:杨扬", CITY_SCHOOL)]))
    lk.put("b", _sec("b", {**PLACES, DISTRICT_SCHOOL: _org("锦官新城小学", "510107"),
                           "person:b:杨扬": _person("杨扬", "中国教育报")}, [_member("person:b:杨扬", DISTRICT_SCHOOL)]))
    lk.check()
    lk.remove("b")
    lk.check()
    fresh = Linker()
    fresh.put("a", *lk.reports["a"])
    fresh.check()
    for t in ("lk_occ", "lk_member", "lk_hit", "lk_ent", "lk_remap", "lk_parent"):
        assert lk.table(t) == fresh.table(t), t
    lk.remove("a")
    ents, remap = lk.check()
    assert not ents and not remap
    assert not any(lk.table(t) for t in ("lk_occ", "lk_member", "lk_hit", "lk_ent", "lk_remap", "lk_parent"))


def test_a_rule_naming_a_person_and_an_organisation_is_linked_in_memory(linker):
    lk = linker
    lk.put("a", _sec("a", {"person:a:华师": _person("华师"), "org:420100:华中师范大学": _org("华中师范大学", "420100")}))
    rules = ([("华师", "华中师范大学", "")], [])
    # their groups read each other's results: the caller links the records in memory then
    assert linkstore.link_store(lk.db, ["a"], rules) is None
    ents, remap = link.merge_entities(lk.reports["a"], rules)
    assert {"person:a:华师", "org:420100:华中师范大学"} <= set(ents) and not remap
    lk.check()      # without the rule: from the store again, from scratch


def test_keys_named_in_many_reports_differently_aggregate_in_file_order(linker):
    lk = linker
    sun = "person::孙春兰"
    school = "org:110000:北京市第八中学"
    lk.put("a", _sec("a", {sun: _person("孙春兰"), school: {**_org("北京八中", "110000"), "attrs": {"kind": ""}}},
                     path=["110000"]))
    lk.put("b", _sec("b", {sun: _person("孙春兰")}), _sec("b#2", {sun: _person("孙副总理"),
                                                               school: _org("北京市第八中学", "110000")}))
    lk.put("c", _sec("c", {school: _org("北京市第八中学", "110000"), sun: _person("孙春兰")}, path=["330000", "330100"]))
    ents, _ = lk.check()
    assert ents[school]["attrs"]["kind"] == "school" and ents[school]["name"] == "北京市第八中学"
    lk.put("c", _sec("c", {sun: _person("孙春兰")}))      # the last report with a place: now a's
    lk.check()
    lk.remove("a")
    ents, _ = lk.check()
    assert ents[school]["aliases"] == ["北京市第八中学"]
