"""GraphML text: the document networkx.write_graphml makes (keys declared once with their
type, edge keys as edge ids), written from a networkx graph (:func:`graphml_bytes`) or in
units, one node or the edges of one source at a time, by the build's streamed writer
(:func:`pipeline.graph.write_graphml`) and the splicing one (:mod:`pipeline.splice`).
Nothing here reads the index.
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from xml.sax import saxutils

from .util import xml_safe

if TYPE_CHECKING:
    import networkx as nx


_GRAPHML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))
_XML_SPECIAL = re.compile(r"[&<>\"'\n\r\t]")


def gml_type(v) -> str:
    """The GraphML attribute type of a Python value."""
    return next(t for py, t in _GRAPHML_TYPES if isinstance(v, py))


def _escape(s: str) -> str:
    """saxutils.escape, with a fast path for the usual text that needs none."""
    return saxutils.escape(s) if _XML_SPECIAL.search(s) else s


def _quoteattr(s: str) -> str:
    return saxutils.quoteattr(s) if _XML_SPECIAL.search(s) else f'"{s}"'


def _header(keys: dict, ids: dict) -> list[str]:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for (for_, name), kid in sorted(ids.items(), key=lambda kv: kv[1][1:].zfill(6)):
        out.append(f'  <key id="{kid}" for="{for_}" attr.name={saxutils.quoteattr(name)} attr.type="{keys[(for_, name)]}" />')
    out.append('  <graph edgedefault="directed">')
    return out


def _data(out: list[str], kids: dict, attrs: dict) -> None:
    for k, v in attrs.items():
        if v.__class__ is str:
            v = _escape(v)
        elif isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, float):
            v = repr(v)
        else:
            v = _escape(str(v))
        out.append(f'      <data key="{kids[k]}">{v}</data>')


def _node_lines(n: str, d: dict, kids: dict) -> list[str]:
    out = [f"    <node id={_quoteattr(n)}>"]
    _data(out, kids, d)
    out.append("    </node>")
    return out


def edge_lines(u: str, v: str, k: str, d: dict, kids: dict) -> list[str]:
    out = [f"    <edge source={_quoteattr(u)} target={_quoteattr(v)} id={_quoteattr(str(k))}>"]
    _data(out, kids, d)
    out.append("    </edge>")
    return out


def graphml_bytes(g: nx.MultiDiGraph) -> bytes:
    """GraphML for Gephi, Cytoscape and networkx.read_graphml of a networkx graph: the same
    document networkx.write_graphml makes (keys declared once with their type, edge keys as
    edge ids). The build writes the same document streamed from its index
    (:func:`pipeline.graph.write_graphml`)."""
    keys: dict[tuple[str, str], str] = {}
    for for_, items in (("node", g.nodes(data=True)), ("edge", g.edges(data=True))):
        for *_, d in items:
            for k, v in d.items():
                if (for_, k) not in keys:
                    keys[(for_, k)] = gml_type(v)
    ids = {fk: f"d{i}" for i, fk in enumerate(sorted(keys))}
    out = _header(keys, ids)
    node_ids = {k: v for (f, k), v in ids.items() if f == "node"}
    edge_ids = {k: v for (f, k), v in ids.items() if f == "edge"}
    for n, d in g.nodes(data=True):
        out += _node_lines(n, d, node_ids)
    for u, v, k, d in g.edges(keys=True, data=True):
        out += edge_lines(u, v, k, d, edge_ids)
    out.append("  </graph>")
    out.append("</graphml>\n")
    return "\n".join(out).encode("utf-8")


def keys_json(keys: dict) -> str:
    """The GraphML's attribute keys as a canonical JSON string (to compare two sets' keys)."""
    return json.dumps(sorted([f, k, t] for (f, k), t in keys.items()), ensure_ascii=False)


def graphml_head(keys: dict) -> tuple[bytes, dict, dict]:
    """The GraphML document's start for these keys, and the key ids of nodes and edges."""
    ids = {fk: f"d{i}" for i, fk in enumerate(sorted(keys))}
    node_ids = {k: v for (f, k), v in ids.items() if f == "node"}
    edge_ids = {k: v for (f, k), v in ids.items() if f == "edge"}
    return "\n".join(_header(keys, ids)).encode("utf-8"), node_ids, edge_ids


GRAPHML_TAIL = "\n  </graph>\n</graphml>\n".encode("utf-8")


def node_unit(n: str, d: dict, node_ids: dict) -> bytes:
    """The GraphML bytes of one node, as the whole writer writes them."""
    return ("\n" + "\n".join(_node_lines(n, d, node_ids))).encode("utf-8")


def edge_units(edges, edge_ids: dict, seen=None):
    """(source, bytes) of the edges of each source, from (u, v, type, attrs) sorted by
    source; edge ids as the full writer makes them when no id holds ``|`` (``seen``: a
    dict of (for, key) -> type, filled with the keys used). A source whose edges'
    attributes are not all declared gives None as its bytes."""
    cur, lines, ok = None, [], True
    eseen: set[str] = set()
    for u, v, typ, d in edges:
        if u != cur:
            if cur is not None:
                yield cur, ("\n" + "\n".join(lines)).encode("utf-8") if ok else None
            cur, lines, ok = u, [], True
        if seen is not None and not eseen.issuperset(d):
            for k, val in d.items():
                if k not in eseen:
                    eseen.add(k)
                    seen[("edge", k)] = gml_type(val)
        if edge_ids.keys() >= d.keys() and not ("|" in u or "|" in v or "|" in typ):
            lines += edge_lines(u, v, xml_safe(f"{u}|{typ}|{v}"), d, edge_ids)
        else:  # a key the header lacks, or an id that may clash: not spliced
            ok = False
    if cur is not None:
        yield cur, ("\n" + "\n".join(lines)).encode("utf-8") if ok else None
