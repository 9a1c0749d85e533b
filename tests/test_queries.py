"""The analyst queries read the build's index (``index.sqlite``), not the GraphML and the
tables, and give the same answers as reading those."""
from __future__ import annotations

from pipeline import inspect, query
from pipeline.explore.model import Model


def test_the_build_has_an_index_and_inspect_uses_it(seed_build):
    assert query.index_path(seed_build) is not None
    assert isinstance(inspect.open_store(seed_build), query.IndexStore)


def test_inspect_from_the_index_equals_inspect_from_the_graph(seed_build):
    ix = query.IndexStore(query.index_path(seed_build))
    g = inspect.Store(seed_build)
    names = ["锦官新城小学", "成都市", "锦小党支部", "停课不停学", "成华区教育局", "四川省", "没有这个学校"]
    for name in names:
        assert ix.find(name) == g.find(name), name
        exact, _ = g.find(name)
        for nid in exact[:3]:
            assert ix.describe(nid) == g.describe(nid), nid
    found = [n for n in names if g.find(n)[0]]
    assert len(found) >= 4


def test_measures_from_the_index_equal_those_from_the_tables(seed_build, tmp_path, monkeypatch):
    from_index = inspect.measures_table(seed_build)
    monkeypatch.setattr(query, "index_path", lambda out: None)
    from_tables = inspect.measures_table(seed_build)
    assert len(from_index) > 0
    assert from_index.to_dict("records") == from_tables.to_dict("records")


def test_compare_profiles_from_the_index_equal_the_explorers(seed_build):
    m = Model(seed_build)
    ix = query.IndexModel(query.index_path(seed_build))
    ids = sorted(e for e, r in m.entities.items() if r["label"] in ("ORG", "PLACE"))
    assert len(ids) > 20
    for nid in ids:
        assert ix.profile(nid) == m.profile(nid), nid
    for name in ("成都市", "锦官新城小学", "教育局", "不存在"):
        assert ix.find(name) == m.find(name) and ix.close_names(name) == m.close_names(name)


def test_the_explorer_reads_the_tables_from_the_index_as_the_csv_files_hold_them(seed_build, monkeypatch):
    from_index = Model(seed_build)
    monkeypatch.setattr(query, "index_path", lambda out: None)
    from_tables = Model(seed_build)
    for attr in ("docs", "entities", "relations", "claims", "mentions"):
        assert getattr(from_index, attr) == getattr(from_tables, attr), attr
    assert from_index.entities["org:510107:锦官新城小学"]["name"] == "成都市锦官新城小学"
    nid = from_index.find("成都市")[0]
    assert from_index.profile(nid) == from_tables.profile(nid)
