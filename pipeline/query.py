"""Analyst queries on the build's index (``index.sqlite`` of the output set in place),
for ``inspect`` and ``measures``: a lookup by name, an entity's links with their evidence,
measures and their adopters, each a few indexed SQLite reads, not a parse of the GraphML,
so that they answer at once however large the build.

Same answers as reading the GraphML and tables (:class:`pipeline.inspect.Store`, used for
output folders written before the index existed).
"""
from __future__ import annotations

import difflib
import json
import sqlite3
from pathlib import Path

INDEX = "index.sqlite"
SKIP = ("Report", "Claim")


def index_path(out: Path) -> Path | None:
    """The index of the output set now in place, if it has one."""
    cur = out / ".builds" / "current"
    if cur.is_symlink() and (cur / INDEX).is_file():
        return cur.resolve() / INDEX
    return None


def describe(store, nid: str) -> dict:
    """What ``inspect`` shows of one node, from any store with ``node``, ``hierarchy`` and
    ``links`` (the index here, the GraphML in pipeline.inspect)."""
    d = store.node(nid)
    return {"id": nid, "label": d.get("type"), "name": d.get("name"), "kind": d.get("kind", d.get("level", "")),
            "aliases": [a for a in str(d.get("aliases", "")).split("|") if a], "adcode": d.get("adcode", ""),
            "hierarchy": store.hierarchy(nid), "n_reports": int(d.get("n_reports", 0) or 0),
            "n_mentions": int(d.get("n_mentions", 0) or 0), "links": store.links(nid)}


class IndexStore:
    """The graph and tables of one build, read from its index on demand."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._nodes: dict[str, dict] = {}

    def close(self) -> None:
        self.db.close()

    def node(self, nid: str) -> dict:
        if nid not in self._nodes:
            row = self.db.execute("SELECT attrs FROM nodes WHERE id=?", (nid,)).fetchone()
            # as the GraphML carries it: empty text left out
            self._nodes[nid] = {k: v for k, v in json.loads(row[0]).items() if v != ""} if row else {}
        return self._nodes[nid]

    def find(self, name: str) -> tuple[list[str], list[str]]:
        """(exact matches, close matches) among node names, aliases and ids."""
        exact = {r[0] for r in self.db.execute("SELECT id FROM aliases WHERE alias=?", (name,))}
        row = self.db.execute("SELECT type FROM nodes WHERE id=?", (name,)).fetchone()
        if row and row[0] not in SKIP:
            exact.add(name)
        if exact:
            return sorted(exact, key=lambda n: (-int(self.node(n).get("n_mentions", 0) or 0), n)), []
        # spellings that share a character with the name (not every alias of a large build)
        chars = sorted(set(name))[:8]
        where = " OR ".join("instr(alias, ?)" for _ in chars) or "1"
        spellings = [r[0] for r in self.db.execute(
            f"SELECT DISTINCT alias FROM aliases WHERE {where} ORDER BY alias LIMIT 50000", chars)]
        close = difflib.get_close_matches(name, spellings, n=8, cutoff=0.5)
        close += [s for s in spellings if name in s and s not in close][:8]
        return [], close[:10]

    def located_in(self, nid: str) -> str | None:
        row = self.db.execute("SELECT dst FROM edges WHERE src=? AND typ='LOCATED_IN' ORDER BY dst LIMIT 1",
                              (nid,)).fetchone()
        return row[0] if row else None

    def hierarchy(self, nid: str) -> list[str]:
        """Names up the place hierarchy (a place's parents, or an organisation's place)."""
        path, seen = [], set()
        node = nid
        if self.node(nid).get("type") != "Place":
            node = self.located_in(nid)
            if not node:
                return []
        while node and node not in seen:
            seen.add(node)
            path.append(self.node(node).get("name", node))
            node = self.located_in(node)
        return path[::-1]

    def _evidence(self, col: str, nid: str):
        return self.db.execute(
            f"""SELECT typ, src, dst, doc_id, start, "end", sentence, basis, role FROM evidence
                WHERE {col}=? ORDER BY typ, {'dst' if col == 'src' else 'src'}, doc_id, start, "end", seq""", (nid,))

    def links(self, nid: str) -> list[dict]:
        out = []
        for direction, col in (("out", "src"), ("in", "dst")):
            groups: dict[tuple[str, str], list] = {}
            for typ, src, dst, doc_id, start, end, sentence, basis, role in self._evidence(col, nid):
                other = dst if direction == "out" else src
                groups.setdefault((typ, other), []).append((doc_id, start, end, sentence, basis, role))
            for (typ, oid), grp in sorted(groups.items()):
                o = self.node(oid)
                out.append({
                    "type": typ, "direction": direction, "id": oid, "label": o.get("type", ""),
                    "name": o.get("name", oid), "roles": sorted({r[5] for r in grp if r[5]}),
                    "evidence": [{"doc_id": d, "start": int(s), "end": int(e), "sentence": t, "basis": b}
                                 for d, s, e, t, b, _ in grp],
                    "reports": sorted({r[0].split("#")[0] for r in grp}),
                })
        for u, count in self.db.execute("SELECT src, count FROM mention_edges WHERE dst=? ORDER BY src, count", (nid,)):
            out.append({"type": "MENTIONS", "direction": "in", "id": u, "label": "Report",
                        "name": self.node(u).get("title", u), "roles": [], "evidence": [],
                        "reports": [u.split(":", 1)[-1]], "count": int(count)})
        return out

    def describe(self, nid: str) -> dict:
        return describe(self, nid)

    def pub_date(self, doc_id: str) -> str:
        """A report's publication date, else the year it is about."""
        row = self.db.execute("SELECT pub_date, year FROM documents WHERE doc_id=? ORDER BY seq LIMIT 1",
                              (doc_id,)).fetchone()
        if not row:
            return ""
        return row[0] or (str(row[1]) if row[1] not in ("", None) else "")

    def owner_names(self, oid: str) -> list[str]:
        """The names of the organisations ``oid`` is PART_OF (锦小党支部: 成都市锦官新城小学)."""
        rows = self.db.execute("SELECT DISTINCT dst FROM evidence WHERE typ='PART_OF' AND src=?", (oid,)).fetchall()
        return sorted(self.node(d).get("name", d) for (d,) in rows)

    def measure_rows(self) -> list[dict]:
        """Measures x the organisations that implement them (``measures``), unsorted."""
        groups: dict[tuple[str, str], list] = {}
        for src, dst, doc_id, date in self.db.execute(
                "SELECT src, dst, doc_id, date FROM evidence WHERE typ='IMPLEMENTS' ORDER BY dst, src, doc_id, start, \"end\", seq"):
            groups.setdefault((dst, src), []).append((doc_id, date))
        rows = []
        for (mid, oid), grp in sorted(groups.items()):
            org = self.node(oid)
            dates = []
            for doc_id, date in grp:
                # the date written in the evidence sentence, else the report's publication date
                d = date or self.pub_date(doc_id) or self.pub_date(doc_id.split("#")[0])
                if d:
                    dates.append(d)
            rows.append({"measure": self.node(mid).get("name", mid), "implemented_by": org.get("name", oid),
                         "part_of": "; ".join(self.owner_names(oid)),
                         "kind": org.get("kind", ""), "place": " > ".join(self.hierarchy(oid)[-2:]),
                         "reports": len({d.split("#")[0] for d, _ in grp}),
                         "first_date": min(dates) if dates else "", "evidence": len(grp)})
        return rows


TYPE_OF = {"ORG": "Organization", "PERSON": "Person", "PLACE": "Place", "MEASURE": "Measure", "DATE": "Date"}


class IndexModel(IndexStore):
    """What ``compare`` needs of a build (the explorer's ``Model.profile``, ``find``), read
    from the index: the same answers, without loading the tables."""

    def kind_of(self, nid: str) -> str:
        if nid.startswith("report:"):
            return "Report"
        if nid.startswith("claim:"):
            return "Claim"
        t = self.node(nid).get("type", "")
        return t if t not in ("Report", "Claim") else ""

    def name(self, nid: str) -> str:
        return self.node(nid).get("name", nid) if self.node(nid) else nid

    def parent(self, nid: str) -> str | None:
        loc = self.located_in(nid)
        if loc is None and self.node(nid).get("type") == "Place":
            return self.node(nid).get("parent_id") or None
        return loc

    def hierarchy_ids(self, nid: str) -> list[str]:
        """Place ids from the top (province) down to the entity's own place."""
        path, seen = [], set()
        node = nid if self.kind_of(nid) == "Place" else self.parent(nid)
        if node is None and nid.startswith("person:"):  # a person: the place of their organisation
            row = self.db.execute("SELECT min(dst) FROM edges WHERE src=? AND typ='MEMBER_OF'", (nid,)).fetchone()
            node = self.parent(row[0]) if row and row[0] else None
        while node and node not in seen:
            seen.add(node)
            path.append(node)
            node = self.parent(node)
        return path[::-1]

    def place_label(self, nid: str, depth: int = 3) -> str:
        return " > ".join(self.name(p) for p in self.hierarchy_ids(nid)[-depth:])

    def _doc(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT pub_date, year, parent_id FROM documents WHERE doc_id=? ORDER BY seq LIMIT 1",
                              (doc_id,)).fetchone()
        return {"pub_date": row[0] or "", "year": "" if row[1] in ("", None) else str(row[1]),
                "parent_id": row[2] or ""} if row else None

    def doc_date(self, doc_id: str) -> str:
        d = self._doc(doc_id) or {}
        if not d.get("pub_date") and d.get("parent_id"):
            d = self._doc(d["parent_id"]) or d
        return d.get("pub_date") or d.get("year") or ""

    def find(self, name: str, kinds: tuple[str, ...] = ("Organization", "Place")) -> list[str]:
        """Entities of the given kinds with ``name`` as name, alias or id, most mentioned first."""
        marks = ",".join("?" * len(kinds))
        hits = [r[0] for r in self.db.execute(
            f"""SELECT id FROM nodes WHERE type IN ({marks}) AND (id = ? OR id IN (SELECT id FROM aliases WHERE alias = ?))
                ORDER BY -n_mentions, id""", (*kinds, name, name))]
        return hits

    def close_names(self, name: str) -> list[str]:
        return sorted({r[0] for r in self.db.execute(
            """SELECT name FROM nodes WHERE type IN ('Organization', 'Place')
               AND instr(coalesce(json_extract(attrs, '$.aliases'), name), ?) > 0""", (name,))})

    def scope(self, nid: str) -> tuple[set[str], set[str]]:
        """(organisations, places) that count as the entity: a place with the places and
        organisations inside it; an organisation with its units (PART_OF it)."""
        if self.kind_of(nid) == "Place":
            inside = {r[0]: r[1] for r in self.db.execute(
                """WITH RECURSIVE d(id) AS (VALUES(?) UNION SELECT p.id FROM parents p JOIN d ON p.parent = d.id)
                   SELECT d.id, n.type FROM d JOIN nodes n ON n.id = d.id""", (nid,))}
            places = {p for p, t in inside.items() if t == "Place"}
            return set(inside) - places, places | {nid}
        rows = self.db.execute("""WITH RECURSIVE d(id) AS (VALUES(?) UNION
                                    SELECT e.src FROM edges e JOIN d ON e.dst = d.id WHERE e.typ = 'PART_OF')
                                  SELECT id FROM d""", (nid,))
        return {r[0] for r in rows}, set()

    def implementations(self, org: str):
        """(measure, doc_id, date) of each piece of evidence that ``org`` implements a measure."""
        return self.db.execute("SELECT dst, doc_id, date FROM evidence WHERE src=? AND typ='IMPLEMENTS' ORDER BY seq",
                               (org,)).fetchall()

    def memberships(self, org: str):
        """(person, role) of each piece of evidence that someone belongs to ``org``."""
        return self.db.execute("SELECT src, role FROM evidence WHERE dst=? AND typ='MEMBER_OF' ORDER BY seq",
                               (org,)).fetchall()

    def claims_of(self, nid: str) -> list[dict]:
        return [{"id": cid, "text": text, "counted": counted, "value": str(value), "unit": unit, "date": date,
                 "subject": self.name(nid), "doc_id": doc_id, "sentence": sentence}
                for cid, text, counted, value, unit, date, doc_id, sentence in self.db.execute(
                    """SELECT claim_id, text, counted, value, unit, date, doc_id, sentence FROM claims
                       WHERE subject_id=? ORDER BY seq""", (nid,))]

    def reports_about(self, members: set[str]) -> tuple[list[str], list[str]]:
        """(the files that mention any of ``members``, the documents whose dates count)."""
        marks = ",".join("?" * len(members))
        reports = {r[0] for r in self.db.execute(
            f"""SELECT DISTINCT r.doc_id FROM mention_edges m JOIN report_ids r ON r.rid = m.src
                WHERE m.dst IN ({marks})""", sorted(members))} if members else set()
        return sorted(reports), sorted(reports)

    def profile(self, nid: str) -> dict:
        return profile(self, nid)


def profile(src, nid: str) -> dict:
    """Measures, claims, people and dates of a place or organisation, for comparison (and
    the explorer's compare page), from the index (IndexModel) or the tables
    (pipeline.explore.model.Model): ``src`` gives scope, implementations, memberships,
    claims_of, reports_about, name, kind_of, doc_date and place_label."""
    from collections import Counter
    orgs, places = src.scope(nid)
    members = orgs | places
    measures: dict[str, dict] = {}
    people: dict[tuple, dict] = {}
    dates: Counter = Counter()
    for o in sorted(orgs):
        for dst, doc_id, date in src.implementations(o):
            d = date or src.doc_date(doc_id)
            m = measures.setdefault(dst, {"id": dst, "name": src.name(dst), "first_date": "", "by": set(),
                                          "evidence": 0})
            m["by"].add(src.name(o))
            m["evidence"] += 1
            if d and (not m["first_date"] or d < m["first_date"]):
                m["first_date"] = d
            if date:
                dates[date] += 1
        for person, role in src.memberships(o):
            p = people.setdefault((person, o), {"id": person, "name": src.name(person), "org": src.name(o),
                                                "roles": set()})
            if role:
                p["roles"].add(role)
    claims = [c for m in sorted(members) for c in src.claims_of(m)]
    for c in claims:
        if c["date"]:
            dates[c["date"]] += 1
    claims.sort(key=lambda c: (c["date"] or "9999", c["doc_id"], c["id"]))
    reports, docs = src.reports_about(members)
    for doc in docs:  # the dates of the reports about it
        if src.doc_date(doc):
            dates[src.doc_date(doc)] += 1
    return {
        "id": nid, "name": src.name(nid), "kind": src.kind_of(nid), "place": src.place_label(nid),
        "n_organizations": len(orgs), "n_places": len(places),
        "reports": reports,
        "measures": sorted(({**m, "by": sorted(m["by"])} for m in measures.values()),
                           key=lambda m: (m["first_date"] or "9999", m["name"])),
        "people": sorted(({**p, "roles": sorted(p["roles"])} for p in people.values()),
                         key=lambda p: (p["org"], p["name"])),
        "claims": claims,
        "dates": sorted(dates),
    }


def table_rows(index: Path) -> dict[str, list[dict]]:
    """The rows of the tables documents, entities, relations, claims and mentions, read from
    the index: the same dicts of text as reading the CSV files with csvio.read_rows."""
    from . import csvio, graph
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        out = {}
        for name in ("documents", "relations", "claims", "mentions"):
            cur = graph.sql_rows(db, name)
            cols = [d[0] for d in cur.description]
            out[name] = [{c: csvio.restore("" if v is None else str(v)) for c, v in zip(cols, row)} for row in cur]
        out["entities"] = [{c: "" if v is None else str(v) for c, v in r.items()} for r in graph.entity_rows(db)]
        return out
    finally:
        db.close()
