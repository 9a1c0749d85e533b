"""Analyst inspection of a built graph.

``python -m pipeline inspect NAME``: the entity by any of its spellings (closest matches
when none is exact), its kind, aliases, place in the hierarchy and its links grouped by
type, each with the report and the evidence sentence. ``--format json`` for scripts.

``python -m pipeline measures``: measures x the organisations that implement them, with
report counts and first dates; ``--csv`` writes the table.
"""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from . import csvio, query


def open_store(out: Path):
    """The build's index when it has one (fast on any size), else its GraphML and tables."""
    ix = query.index_path(out)
    return query.IndexStore(ix) if ix is not None else Store(out)


class Store:
    """The graph and tables of one build folder (output sets written before the index)."""

    def __init__(self, out: Path):
        self.out = out
        g = out / "graph.graphml"
        if not g.is_file():
            raise FileNotFoundError(f"{g} not found: build first (make, or python -m pipeline build)")
        import networkx as nx  # only for output sets without an index: imported when needed
        self.g = nx.read_graphml(g, force_multigraph=True)
        t = out / "tables"
        self.relations = csvio.read_frame(t / "relations.csv")
        self.entities = csvio.read_frame(t / "entities.csv")
        self.docs = csvio.read_frame(t / "documents.csv")

    def node(self, nid: str) -> dict:
        return dict(self.g.nodes[nid]) if nid in self.g else {}

    def find(self, name: str) -> tuple[list[str], list[str]]:
        """(exact matches, close matches) among node names, aliases and ids."""
        exact, spellings = [], {}
        for nid, data in self.g.nodes(data=True):
            if data.get("type") in ("Report", "Claim"):
                continue
            names = {data.get("name", "")} | set(filter(None, str(data.get("aliases", "")).split("|")))
            for n in names:
                spellings.setdefault(n, []).append(nid)
            if name in names or name == nid:
                exact.append(nid)
        if exact:
            return sorted(set(exact), key=lambda n: (-int(self.g.nodes[n].get("n_mentions", 0) or 0), n)), []
        close = difflib.get_close_matches(name, list(spellings), n=8, cutoff=0.5)
        close += [s for s in spellings if name in s and s not in close][:8]
        return [], close[:10]

    def hierarchy(self, nid: str) -> list[str]:
        """Names up the place hierarchy (a place's parents, or an organisation's place)."""
        path, seen = [], set()
        node = nid
        if self.node(nid).get("type") != "Place":
            locs = [v for _, v, d in self.g.out_edges(nid, data=True) if d.get("type") == "LOCATED_IN"]
            if not locs:
                return []
            node = locs[0]
        while node and node not in seen:
            seen.add(node)
            path.append(self.node(node).get("name", node))
            parents = [v for _, v, d in self.g.out_edges(node, data=True) if d.get("type") == "LOCATED_IN"]
            node = parents[0] if parents else None
        return path[::-1]

    def links(self, nid: str) -> list[dict]:
        rel = self.relations
        out = []
        for direction, col, other in (("out", "source_id", "target_id"), ("in", "target_id", "source_id")):
            rows = rel[rel[col] == nid]
            for (typ, oid), grp in rows.groupby(["type", other], sort=True):
                o = self.node(oid)
                out.append({
                    "type": typ, "direction": direction, "id": oid, "label": o.get("type", ""),
                    "name": o.get("name", oid), "roles": sorted({r for r in grp["role"] if r}),
                    "evidence": [{"doc_id": r.doc_id, "start": int(r.start), "end": int(r.end), "sentence": r.sentence,
                                  "basis": r.basis} for r in grp.itertuples()],
                    "reports": sorted({d.split("#")[0] for d in grp["doc_id"]}),
                })
        mentions = [(u, d.get("count", 0)) for u, _, d in self.g.in_edges(nid, data=True) if d.get("type") == "MENTIONS"]
        for u, count in sorted(mentions):
            out.append({"type": "MENTIONS", "direction": "in", "id": u, "label": "Report",
                        "name": self.node(u).get("title", u), "roles": [], "evidence": [], "reports": [u.split(":", 1)[-1]],
                        "count": int(count)})
        return out

    def describe(self, nid: str) -> dict:
        return query.describe(self, nid)


def render(info: dict, limit: int) -> str:
    lines = [f"{info['name']}  [{info['label']}{' · ' + info['kind'] if info['kind'] else ''}]  id {info['id']}"]
    if info["aliases"]:
        lines.append(f"  aliases:   {' | '.join(info['aliases'])}")
    if info["hierarchy"]:
        lines.append(f"  place:     {' > '.join(info['hierarchy'])}" + (f"  (adcode {info['adcode']})" if info["adcode"] else ""))
    lines.append(f"  mentioned: {info['n_mentions']} times in {info['n_reports']} report(s)")
    order = ["LOCATED_IN", "PART_OF", "MEMBER_OF", "IMPLEMENTS", "ABOUT", "ON_DATE", "PUBLISHED_ON", "MENTIONS"]
    for typ in order:
        group = [l for l in info["links"] if l["type"] == typ]
        if not group:
            continue
        lines.append(f"  {typ} ({len(group)})")
        for l in group[: (limit * 4 if typ != "MENTIONS" else 20)]:
            arrow = "->" if l["direction"] == "out" else "<-"
            roles = f"  role: {', '.join(l['roles'])}" if l["roles"] else ""
            count = f"  ({l['count']} mentions)" if "count" in l else ""
            lines.append(f"    {arrow} {l['name']} [{l['label']}]{roles}{count}")
            for ev in l["evidence"][:limit]:
                sent = ev["sentence"] if len(ev["sentence"]) <= 140 else ev["sentence"][:137] + "..."
                basis = f"  ({ev['basis']})" if ev["basis"] else ""
                lines.append(f"         {ev['doc_id']} [{ev['start']}:{ev['end']}]{basis} “{sent}”")
            if len(l["evidence"]) > limit:
                lines.append(f"         ... {len(l['evidence']) - limit} more in tables/relations.csv")
    return "\n".join(lines)


def main_inspect(name: str, out: Path, fmt: str = "text", limit: int = 5) -> int:
    try:
        store = open_store(out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    exact, close = store.find(name)
    if not exact:
        msg = f"no entity named '{name}'"
        if fmt == "json":
            print(json.dumps({"query": name, "matches": [], "closest": close}, ensure_ascii=False, indent=1))
        else:
            print(msg + (". Closest: " + ", ".join(close) if close else "."), file=sys.stderr)
        return 1
    infos = [store.describe(n) for n in exact[:5]]
    if fmt == "json":
        print(json.dumps({"query": name, "matches": infos}, ensure_ascii=False, indent=1))
    else:
        if len(exact) > 1:
            print(f"{len(exact)} entities are called '{name}':\n")
        print("\n\n".join(render(i, limit) for i in infos))
    return 0


def measures_table(out: Path):
    """The measures table as a pandas DataFrame: each measure with each organisation that
    implements it, the organisations that one is PART_OF (a party branch's school: which
    schools adopted a measure through their units), its kind and place, in how many reports,
    the first date and the evidence rows."""
    import pandas as pd
    cols = ["measure", "implemented_by", "part_of", "kind", "place", "reports", "first_date", "evidence"]
    store = open_store(out)
    if isinstance(store, query.IndexStore):
        df = pd.DataFrame(store.measure_rows(), columns=cols)
        store.close()
        return df.sort_values(["measure", "first_date", "implemented_by"], kind="stable").reset_index(drop=True)
    rel = store.relations
    imp = rel[rel["type"] == "IMPLEMENTS"].copy()
    if imp.empty:
        return pd.DataFrame(columns=cols)
    # when no date is written next to it: the publication date, else the year the report
    # is about (documents.csv says how that year was found)
    pub = {d: p or y for d, p, y in zip(store.docs["doc_id"], store.docs["pub_date"], store.docs["year"])}
    part = rel[rel["type"] == "PART_OF"]
    owners: dict[str, set] = {}
    for src, dst in zip(part["source_id"], part["target_id"]):
        owners.setdefault(src, set()).add(dst)
    rows = []
    for (mid, oid), grp in imp.groupby(["target_id", "source_id"], sort=True):
        org = store.node(oid)
        dates = []
        for r in grp.itertuples():
            # the date written in the evidence sentence, else the report's publication date
            d = r.date or pub.get(r.doc_id, "") or pub.get(r.doc_id.split("#")[0], "")
            if d:
                dates.append(d)
        rows.append({"measure": store.node(mid).get("name", mid), "implemented_by": org.get("name", oid),
                     "part_of": "; ".join(sorted(store.node(d).get("name", d) for d in owners.get(oid, ()))),
                     "kind": org.get("kind", ""), "place": " > ".join(store.hierarchy(oid)[-2:]),
                     "reports": len({d.split("#")[0] for d in grp["doc_id"]}),
                     "first_date": min(dates) if dates else "", "evidence": len(grp)})
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["measure", "first_date", "implemented_by"], kind="stable").reset_index(drop=True)


def main_measures(out: Path, csv_path: str | None) -> int:
    try:
        df = measures_table(out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if csv_path is not None:
        from .util import write_atomic
        target = Path(csv_path) if csv_path != "-" else out / "tables" / "measures.csv"
        write_atomic(target, csvio.to_csv(df.to_dict("records"), list(df.columns)))
        print(f"{len(df)} rows -> {target}")
        return 0
    if df.empty:
        print("no measures in this build")
        return 0
    import pandas as pd
    counts = df.groupby("measure")["reports"].sum().sort_values(ascending=False)
    with pd.option_context("display.max_rows", 500, "display.max_colwidth", 40, "display.width", 200):
        print(df.to_string(index=False))
    print(f"\n{len(counts)} measures; most reported: " + ", ".join(f"{m} ({n})" for m, n in counts.head(5).items()))
    return 0
