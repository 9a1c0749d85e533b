"""Reading a build folder back for analysis: ``pipeline.load(out_dir)``.

Every table becomes a DataFrame with the dtypes of docs/schema.md: text as pandas'
``string`` (codes such as ``adcode`` and ``year`` stay text: ``370104``, never
``370104.0``), counts and offsets as nullable ``Int64``, values as ``Float64``, flags as
``boolean``; empty cells are missing (``<NA>``). The apostrophe the writer puts before a
formula-leading cell is removed, so sentences equal ``cleaned[start:end]`` again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from . import csvio

INT_COLS = {"n_chars", "start", "end", "n_reports", "n_mentions", "n_members", "n_organizations",
            "n_places", "n_people", "n_measures"}
FLOAT_COLS = {"value"}
BOOL_COLS = {"approx"}
TABLES = ("documents", "mentions", "entities", "claims", "relations", "communities")


@dataclass
class Outputs:
    out: Path
    documents: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    claims: pd.DataFrame
    relations: pd.DataFrame
    communities: pd.DataFrame
    graph: nx.MultiDiGraph | None

    def cleaned(self, doc_id: str) -> str:
        """The cleaned text a report's offsets point into."""
        return (self.out / "tables" / "cleaned" / f"{doc_id}.txt").read_text(encoding="utf-8")


def typed(df: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for c in df.columns:
        col = df[c].replace("", pd.NA)
        if c in INT_COLS:
            out[c] = pd.to_numeric(col).astype("Int64")
        elif c in FLOAT_COLS:
            out[c] = pd.to_numeric(col).astype("Float64")
        elif c in BOOL_COLS:
            out[c] = col.map({"true": True, "false": False}, na_action="ignore").astype("boolean")
        else:
            out[c] = col.astype("string")
    return pd.DataFrame(out, index=df.index)


def read_table(path: Path) -> pd.DataFrame:
    return typed(csvio.read_frame(path))


def load(out_dir="outputs", *, graph: bool = True) -> Outputs:
    out = Path(out_dir)
    gpath = out / "graph.graphml"
    if not gpath.is_file():
        raise FileNotFoundError(f"{gpath} not found: build first (make, or python -m pipeline build)")
    t = out / "tables"
    frames = {}
    for name in TABLES:
        p = t / f"{name}.csv"
        frames[name] = read_table(p) if p.is_file() else pd.DataFrame()
    g = nx.read_graphml(gpath, force_multigraph=True) if graph else None
    return Outputs(out=out, graph=g, **frames)
