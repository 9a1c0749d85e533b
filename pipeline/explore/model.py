"""What the explorer and ``compare`` know about a build: the tables of one output folder,
indexed by entity and by report. Read from the build's index (``index.sqlite``, no CSV
parsing) when the output set has one, else from the CSV tables (everything the graph holds
is in them)."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from pathlib import Path

from .. import csvio, query

ORDER = ["LOCATED_IN", "PART_OF", "MEMBER_OF", "IMPLEMENTS", "ABOUT", "ON_DATE", "PUBLISHED_ON"]
INFERRED_TYPES = {"LOCATED_IN", "PART_OF"}  # may rest on a basis rather than a sentence saying so
TYPE_OF = {"ORG": "Organization", "PERSON": "Person", "PLACE": "Place", "MEASURE": "Measure", "DATE": "Date"}


def slug(node_id: str) -> str:
    """The file name (without extension) of a node's page: ids hold ``:``, ``/``, ``#``
    and Chinese text, none of which belongs in a file name or a link."""
    return hashlib.sha1(node_id.encode("utf-8")).hexdigest()[:16]


class Model:
    def __init__(self, out: Path):
        self.out = Path(out)
        t = self.out / "tables"
        if not (t / "entities.csv").is_file():
            raise FileNotFoundError(f"{t / 'entities.csv'} not found: build first (make, or python -m pipeline build)")
        ix = query.index_path(self.out)
        if ix is not None:
            rows = query.table_rows(ix)
        else:
            rows = {name: csvio.read_rows(t / f"{name}.csv")
                    for name in ("documents", "entities", "relations", "claims", "mentions")}
        self.docs = {r["doc_id"]: r for r in rows["documents"]}
        self.entities = {r["entity_id"]: r for r in rows["entities"]}
        self.relations = rows["relations"]
        self.claims = {r["claim_id"]: r for r in rows["claims"]}
        self.mentions = rows["mentions"]
        cp = t / "communities.csv"
        self.communities = csvio.read_rows(cp) if cp.is_file() else []
        self.outgoing: dict[str, list[dict]] = defaultdict(list)
        self.incoming: dict[str, list[dict]] = defaultdict(list)
        self.parent: dict[str, str] = {}
        for r in self.relations:
            self.outgoing[r["source_id"]].append(r)
            self.incoming[r["target_id"]].append(r)
            if r["type"] == "LOCATED_IN" and r["source_id"] not in self.parent:
                self.parent[r["source_id"]] = r["target_id"]
        for eid, e in self.entities.items():  # a place's parent as the place stage found it
            if e["label"] == "PLACE" and e["parent_id"] and eid not in self.parent:
                self.parent[eid] = e["parent_id"]
        self.mentions_of_doc: dict[str, list[dict]] = defaultdict(list)
        self.reports_of: dict[str, Counter] = defaultdict(Counter)
        for m in self.mentions:
            self.mentions_of_doc[m["doc_id"]].append(m)
            if m["entity_id"]:
                self.reports_of[m["entity_id"]][m["doc_id"]] += 1
        self.claims_of_doc: dict[str, list[dict]] = defaultdict(list)
        for c in self.claims.values():
            self.claims_of_doc[c["doc_id"]].append(c)
        self.relations_of_doc: dict[str, list[dict]] = defaultdict(list)
        for r in self.relations:
            self.relations_of_doc[r["doc_id"]].append(r)
        self.sections: dict[str, list[str]] = defaultdict(list)  # file -> its sections, in order
        for doc_id, d in sorted(self.docs.items(), key=lambda kv: (len(kv[0]), kv[0])):
            if d["parent_id"]:
                self.sections[d["parent_id"]].append(doc_id)
        self.community_of = {m: c["community_id"] for c in self.communities for m in c["member_ids"].split("|")}
        self.claims_about: dict[str, list[dict]] = defaultdict(list)
        for c in self.claims.values():
            if c["subject_id"]:
                self.claims_about[c["subject_id"]].append(c)
        self.inside: dict[str, set[str]] = defaultdict(set)  # place -> organisations and places in it
        for eid, e in self.entities.items():
            if e["label"] in ("ORG", "PLACE"):
                for p in self.hierarchy(eid):
                    self.inside[p].add(eid)

    # ------------------------------------------------------------------ names and places
    def kind_of(self, nid: str) -> str:
        if nid.startswith("report:"):
            return "Report"
        if nid.startswith("claim:"):
            return "Claim"
        e = self.entities.get(nid)
        return TYPE_OF.get(e["label"], "") if e else ""

    def name(self, nid: str) -> str:
        if nid in self.entities:
            return self.entities[nid]["name"]
        if nid in self.claims:
            return self.claims[nid]["text"]
        if nid.startswith("report:"):
            d = self.docs.get(nid[len("report:"):])
            return (d["title"] or d["doc_id"]) if d else nid
        return nid

    def hierarchy(self, nid: str) -> list[str]:
        """Place ids from the top (province) down to the entity's own place."""
        path, seen = [], set()
        node = nid if self.kind_of(nid) == "Place" else self.parent.get(nid)
        if node is None and nid.startswith("person:"):  # a person: the place of their organisation
            orgs = [r["target_id"] for r in self.outgoing.get(nid, []) if r["type"] == "MEMBER_OF"]
            node = self.parent.get(orgs[0]) if orgs else None
        while node and node not in seen:
            seen.add(node)
            path.append(node)
            node = self.parent.get(node)
        return path[::-1]

    def place_label(self, nid: str, depth: int = 3) -> str:
        return " > ".join(self.name(p) for p in self.hierarchy(nid)[-depth:])

    def doc_date(self, doc_id: str) -> str:
        d = self.docs.get(doc_id) or {}
        if not d.get("pub_date") and d.get("parent_id"):
            d = self.docs.get(d["parent_id"], d)
        return d.get("pub_date") or d.get("year") or ""

    def report_doc(self, doc_id: str) -> str:
        """The file a section belongs to (its own id for a single-article file)."""
        d = self.docs.get(doc_id) or {}
        return d.get("parent_id") or doc_id

    # ------------------------------------------------------------------ links
    def links(self, nid: str) -> dict[str, list[dict]]:
        """Links grouped by type: the other end, direction, roles and every piece of evidence."""
        groups: dict[tuple, dict] = {}
        for direction, rows, other in (("out", self.outgoing.get(nid, []), "target_id"),
                                       ("in", self.incoming.get(nid, []), "source_id")):
            for r in rows:
                key = (r["type"], direction, r[other])
                g = groups.setdefault(key, {"type": r["type"], "direction": direction, "id": r[other],
                                            "name": self.name(r[other]), "kind": self.kind_of(r[other]),
                                            "roles": set(), "evidence": []})
                if r["role"]:
                    g["roles"].add(r["role"])
                g["evidence"].append({"doc_id": r["doc_id"], "start": int(r["start"]), "end": int(r["end"]),
                                      "sentence": r["sentence"], "basis": r["basis"], "date": r["date"]})
        out: dict[str, list[dict]] = {}
        for key in sorted(groups, key=lambda k: (ORDER.index(k[0]) if k[0] in ORDER else 99, k[1], -len(groups[k]["evidence"]), k[2])):
            g = groups[key]
            g["roles"] = sorted(g["roles"])
            out.setdefault(g["type"], []).append(g)
        return out

    # ------------------------------------------------------------------ measures
    def adoptions(self) -> list[dict]:
        """One row per (measure, organisation): first date, reports, evidence count, place."""
        by = defaultdict(list)
        for r in self.relations:
            if r["type"] == "IMPLEMENTS":
                by[(r["target_id"], r["source_id"])].append(r)
        rows = []
        for (mid, oid), rs in sorted(by.items()):
            dates = sorted(d for d in (r["date"] or self.doc_date(r["doc_id"]) for r in rs) if d)
            place = self.hierarchy(oid)
            rows.append({"measure_id": mid, "measure": self.name(mid), "org_id": oid, "org": self.name(oid),
                         "place_id": place[-1] if place else "", "place": self.place_label(oid, 2),
                         "first_date": dates[0] if dates else "", "evidence": len(rs),
                         "reports": sorted({self.report_doc(r["doc_id"]) for r in rs}),
                         "docs": sorted({r["doc_id"] for r in rs})})
        return rows

    # ------------------------------------------------------------------ comparison
    def scope(self, nid: str) -> tuple[set[str], set[str]]:
        """(organisations, places) that count as the entity: a place with the places and
        organisations inside it; an organisation with its units (PART_OF it)."""
        if self.kind_of(nid) == "Place":
            inside = self.inside.get(nid, set())
            places = {p for p in inside if self.entities[p]["label"] == "PLACE"}
            return inside - places, places | {nid}
        orgs, todo = {nid}, [nid]
        while todo:
            for r in self.incoming.get(todo.pop(), []):
                if r["type"] == "PART_OF" and r["source_id"] not in orgs:
                    orgs.add(r["source_id"])
                    todo.append(r["source_id"])
        return orgs, set()

    def implementations(self, org: str) -> list[tuple[str, str, str]]:
        return [(r["target_id"], r["doc_id"], r["date"]) for r in self.outgoing.get(org, []) if r["type"] == "IMPLEMENTS"]

    def memberships(self, org: str) -> list[tuple[str, str]]:
        return [(r["source_id"], r["role"]) for r in self.incoming.get(org, []) if r["type"] == "MEMBER_OF"]

    def claims_of(self, nid: str) -> list[dict]:
        return [{"id": c["claim_id"], "text": c["text"], "counted": c["counted"], "value": c["value"],
                 "unit": c["unit"], "date": c["date"], "subject": c["subject_name"], "doc_id": c["doc_id"],
                 "sentence": c["sentence"]} for c in self.claims_about.get(nid, [])]

    def reports_about(self, members: set[str]) -> tuple[list[str], list[str]]:
        """(the files that mention any of ``members``, the documents whose dates count)."""
        docs = Counter()
        for m in members:
            docs.update(self.reports_of.get(m, {}))
        return sorted({self.report_doc(d) for d in docs}), list(docs)

    def profile(self, nid: str) -> dict:
        """Measures, claims, people and dates of a place or organisation, for comparison."""
        return query.profile(self, nid)

    # ------------------------------------------------------------------ lookup
    def close_names(self, name: str) -> list[str]:
        """Names of places and organisations one of whose spellings holds ``name``."""
        return sorted({e["name"] for e in self.entities.values()
                       if e["label"] in ("ORG", "PLACE") and name in e["aliases"]})

    def find(self, name: str, kinds: tuple[str, ...] = ("Organization", "Place")) -> list[str]:
        """Entities of the given kinds with ``name`` as name, alias or id, most mentioned first."""
        hits = []
        for eid, e in self.entities.items():
            if TYPE_OF.get(e["label"]) not in kinds:
                continue
            if name == eid or name == e["name"] or name in e["aliases"].split("|"):
                hits.append(eid)
        return sorted(hits, key=lambda n: (-int(self.entities[n]["n_mentions"] or 0), n))
