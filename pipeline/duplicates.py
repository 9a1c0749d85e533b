"""``python -m pipeline duplicates``: what an analyst should look at after a build - the
likely duplicates linking left (one name on several nodes) and the nodes whose names are
very different (a join that may be wrong). Each line gives the node ids to write into
rules/same_as.tsv or rules/not_same.tsv (README, "Corrections")."""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from . import csvio, gazetteer, names, places

# characters every organisation's name shares (type words); left out when comparing names
_LEVEL = re.compile(r"^(省|市|县|区|州|旗|盟|镇|乡)")
_TYPE_CHARS = set("省市县区镇乡村学校小中大院局委会党支部办公室中心教育体")


def same_name(rows: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """(label, name, nodes) for each name (or alias) that several nodes of a label carry."""
    by = defaultdict(dict)
    for r in rows:
        if r["label"] not in ("ORG", "PERSON", "PLACE"):
            continue
        for n in {r["name"], *[a for a in r["aliases"].split("|") if a]}:
            if _LEVEL.match(n) and names.is_generic(n[1:]):
                continue      # 市教育局: a short name each report resolves to its own city's
            by[(r["label"], n)][r["entity_id"]] = r
    out = [(lab, n, sorted(nodes.values(), key=lambda r: r["entity_id"]))
           for (lab, n), nodes in by.items() if len(nodes) > 1]
    out.sort(key=lambda x: (-sum(int(r["n_reports"] or 0) for r in x[2]), x[0], x[1]))
    return out


def _chars(name: str) -> set[str]:
    return set(name) - _TYPE_CHARS


def far_aliases(rows: list[dict]) -> list[tuple[dict, str, str]]:
    """(node, alias, alias) for organisations holding two names with no character in common
    beyond type words, unless one is a known short name of the other."""
    out = []
    for r in rows:
        if r["label"] != "ORG":
            continue
        al = sorted({r["name"], *[a for a in r["aliases"].split("|") if a]})
        for i, a in enumerate(al):
            for b in al[i + 1:]:
                ca, cb = _chars(a), _chars(b)
                known = names.full_name(a) or names.full_name(b)
                if ca and cb and not (ca & cb) and not (known and known == (names.full_name(b) or names.full_name(a))):
                    out.append((r, a, b))
    return out


def _parts(name: str) -> tuple[str, str]:
    """(finest division code its leading places spell, the rest in one spelling per bureau)."""
    gaz = gazetteer.get()
    code, k = "", 0
    for a, b in places.segment(name):
        divs = gaz.lookup(name[a:b])
        inside = [d for d in divs if not code or code in gaz.ancestors(d.code)]
        if len(inside) != 1:
            break
        code, k = inside[0].code, b
    rest = re.sub(r"^(省|市|县|区|州|旗|盟)(?=.)", "", name[k:])
    return code, names.expand_short(places.BUREAU_FAMILY.sub("教育局", rest))


def two_full_names(rows: list[dict]) -> list[tuple[dict, str, str]]:
    """(node, name, name) for organisations holding two full names of two institutions:
    a bare type word with two places (武汉大学 / 湖北大学, 杭州市教育局 / 桐庐县教育局), the
    same name with two places neither inside the other, or two names of one type that are
    neither a short form nor a place-less form of the other."""
    gaz = gazetteer.get()
    out = []
    for r in rows:
        if r["label"] != "ORG":
            continue
        al = sorted({r["name"], *[a for a in r["aliases"].split("|") if a]})
        for i, a in enumerate(al):
            for b in al[i + 1:]:
                (ca, ra), (cb, rb) = _parts(a), _parts(b)
                if names.full_name(a) and names.full_name(a) == names.full_name(b) or \
                        names.national().get(a) and names.national().get(a) == names.national().get(b):
                    continue       # 北大 / 北京大学, 世卫组织 / 世界卫生组织
                if ra == rb:
                    if ca and cb and ca != cb and (names.is_generic(ra) or not gaz.related(ca, cb)):
                        out.append((r, a, b))
                elif len(ra) >= 4 and len(rb) >= 4 and ra not in rb and rb not in ra and ra[-2:] == rb[-2:]:
                    out.append((r, a, b))
    return out


def report(out_dir: Path, limit: int = 0) -> str:
    rows = csvio.read_rows(out_dir / "tables" / "entities.csv")
    dups, far = same_name(rows), far_aliases(rows)
    cap = (lambda xs: xs[:limit]) if limit else (lambda xs: xs)
    lines = [f"Same name, different nodes ({len(dups)} names):"]
    for lab, n, nodes in cap(dups):
        lines.append(f"  {lab} {n}: " + "  ".join(f"{r['entity_id']} ({r['n_reports']} reports)" for r in nodes))
    two = two_full_names(rows)
    lines.append(f"One node, two full names ({len(two)}):")
    for r, a, b in cap(two):
        lines.append(f"  {r['entity_id']}: {a} / {b}" + (f"  [{r['link_basis']}]" if r.get("link_basis") else ""))
    lines.append(f"One node, very different names ({len(far)}):")
    for r, a, b in cap(far):
        lines.append(f"  {r['entity_id']}: {a} / {b}" + (f"  [{r['link_basis']}]" if r.get("link_basis") else ""))
    return "\n".join(lines)


def main(out_dir: Path, limit: int = 0) -> int:
    if not (out_dir / "tables" / "entities.csv").is_file():
        print(f"error: {out_dir}/tables/entities.csv not found: build first (make)", file=sys.stderr)
        return 2
    print(report(out_dir, limit))
    return 0
