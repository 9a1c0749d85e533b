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
        d = self.node(nid)
        return {"id": nid, "label": d.get("type"), "name": d.get("name"), "kind": d.get("kind", d.get("level", "")),
                "aliases": [a for a in str(d.get("aliases", "")).split("|") if a], "adcode": d.get("adcode", ""),
                "hierarchy": self.hierarchy(nid), "n_reports": int(d.get("n_reports", 0) or 0),
                "n_mentions": int(d.get("n_mentions", 0) or 0), "links": self.links(nid)}

    def pub_date(self, doc_id: str) -> str:
        """A report's publication date, else the year it is about."""
        row = self.db.execute("SELECT pub_date, year FROM documents WHERE doc_id=? ORDER BY seq LIMIT 1",
                              (doc_id,)).fetchone()
        if not row:
            return ""
        return row[0] or (str(row[1]) if row[1] not in ("", None) else "")

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
                         "kind": org.get("kind", ""), "place": " > ".join(self.hierarchy(oid)[-2:]),
                         "reports": len({d.split("#")[0] for d, _ in grp}),
                         "first_date": min(dates) if dates else "", "evidence": len(grp)})
        return rows
