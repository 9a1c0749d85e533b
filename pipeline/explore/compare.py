"""``python -m pipeline compare A B``: two places or organisations side by side - the
measures they implement (with first dates; shared ones marked), their numeric claims,
their people and the dates of what is said about them. The explorer's compare page shows
the same profiles (``Model.profile``)."""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from .. import query
from .model import Model


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, n: int) -> str:
    while width(s) > n:
        s = s[:-2] + "…"
    return s + " " * (n - width(s))


def side_by_side(left: list[str], right: list[str], col: int) -> list[str]:
    rows = max(len(left), len(right))
    left = left + [""] * (rows - len(left))
    right = right + [""] * (rows - len(right))
    return [f"  {pad(a, col)}  {b}".rstrip() for a, b in zip(left, right)]


def render(a: dict, b: dict, col: int = 46, limit: int = 12) -> str:
    shared = {m["name"] for m in a["measures"]} & {m["name"] for m in b["measures"]}
    lines = [f"  {pad(a['name'] + ' [' + a['kind'] + ']', col)}  {b['name']} [{b['kind']}]",
             f"  {pad(a['place'], col)}  {b['place']}",
             f"  {pad(str(len(a['reports'])) + ' report(s)', col)}  {len(b['reports'])} report(s)"]

    def section(title, fa, fb):
        lines.append("")
        lines.append(f"{title}")
        la, lb = fa(a), fb(b)
        more = lambda l: l[:limit] + ([f"… {len(l) - limit} more"] if len(l) > limit else [])
        lines.extend(side_by_side(more(la) or ["-"], more(lb) or ["-"], col))

    def measures(p):
        return [f"{'*' if m['name'] in shared else ' '} {m['name']}  {m['first_date'] or '?'}" for m in p["measures"]]

    def claims(p):
        return [f"{c['text']} {c['counted']}".strip() + (f"  {c['date']}" if c["date"] else "") for c in p["claims"]]

    def people(p):
        return [f"{x['name']}  {'、'.join(x['roles']) or '-'} · {x['org']}" for x in p["people"]]

    def dates(p):
        return [", ".join(p["dates"][i:i + 4]) for i in range(0, len(p["dates"]), 4)]
    section(f"MEASURES (* both: {len(shared)})", measures, measures)
    section("CLAIMS", claims, claims)
    section("PEOPLE", people, people)
    section("DATES", dates, dates)
    return "\n".join(lines)


def resolve(m, name: str) -> tuple[str | None, str]:
    hits = m.find(name)
    if hits:
        return hits[0], ""
    close = m.close_names(name)
    return None, f"no place or organisation named '{name}'" + (". Closest: " + ", ".join(close[:8]) if close else ".")


def main(a_name: str, b_name: str, out: Path, fmt: str = "text") -> int:
    try:
        ix = query.index_path(out)  # the build's index when it has one: no tables loaded
        m = query.IndexModel(ix) if ix is not None else Model(out)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    ids = []
    for name in (a_name, b_name):
        nid, why = resolve(m, name)
        if nid is None:
            print(why, file=sys.stderr)
            return 1
        ids.append(nid)
    pa, pb = m.profile(ids[0]), m.profile(ids[1])
    if fmt == "json":
        shared = sorted({x["name"] for x in pa["measures"]} & {x["name"] for x in pb["measures"]})
        print(json.dumps({"a": pa, "b": pb, "shared_measures": shared}, ensure_ascii=False, indent=1))
    else:
        print(render(pa, pb))
    return 0
