"""Linking evaluation: which gold mentions across reports are one entity, and how well the
build's nodes cluster them.

The clustering is derived from the gold of annotated reports (``<doc>.gold.json`` entities
and ``<doc>.rel.json`` located_in / member_of, ../shared/ANNOTATION.md) by fixed rules and
kept in ``data/linking/clusters.tsv`` (derived names, adcodes and cluster ids only):

* a PLACE is its division (``place:<adcode>``) when its text names the division of its
  gold adcode, else a place inside it (``place:<adcode>/<text>``); without an adcode, the
  country or division its name alone gives (美国, 美 -> 美国), else its report's own;
* an ORG with an adcode is that place's organisation of that name: its name without the
  place's names and level word (杭州市教育局, 市教育局 at 330100 -> 教育局 at 330100, bureau
  spellings as one); a bare type word keeps its place (武汉大学 and 湖北大学 stay two); a
  known short name is its full name (rules/org_names.tsv), a short form of a name of the
  same report is that name (锦小 of 锦官新城小学: its characters in order, the same first);
  without an adcode, a national body by its name, a short name (市教育局) only within its
  report;
* a PERSON is one person across reports with the same name and the same organisation
  (gold member_of), else only within the report (public figures: everywhere).

Scores: B-cubed and pairwise precision/recall over the gold mentions the build found
(a mention's node: the entity id of mentions.csv rows of that report, label and text), and
pairwise over pairs from two different reports alone (the cross-report linking).

``python -m pipeline.linkeval derive SET=GOLD_DIR ... --out data/linking/clusters.tsv``
rewrites the file (``make link-gold``); ``make eval`` prints the scores for the reports the
build covers.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from . import gazetteer, names, places, rules
from .evaluate import squash

COLS = ["set", "doc_id", "label", "text", "adcode", "cluster"]
BUREAUS = re.compile(r"(教育和体育局|教育体育局|教体局|教育和科学技术局|教育科学技术局|教育科技局|教育和科技局|教科局)")
LEVEL_LEAD = re.compile(r"^(省|市|县|区|州|旗|盟|镇|乡)(?!村)(?=.)")


def _strip_places(text: str, code: str) -> str:
    """The name without the leading names (full or short) of the division and its parents."""
    gaz = gazetteer.get()
    spell = sorted({s for d in gaz.chain(code) for s in (d.name, d.alias) if s}, key=len, reverse=True)
    out, changed = text, True
    while changed:
        changed = False
        for s in spell:
            if out.startswith(s) and len(out) > len(s):
                out, changed = out[len(s):], True
                break
    if out == text:
        out = LEVEL_LEAD.sub("", out)
    # a town or village inside the division written before a name of its own (小辛庄乡小章小学)
    for a, b in places.segment(out)[:1]:
        if a == 0 and b < len(out) and not names.is_generic(out[b:]) and \
                not (places.ROAD_AFTER.match(out, b) or places.GEO_AFTER.match(out, b)) and \
                any(code in gaz.ancestors(d.code) for d in gaz.lookup(out[:b])):
            out = out[b:]
    return out


def org_cluster(text: str, code: str, doc: str) -> str:
    known = names.full_name(text)
    if known:
        return f"org::{known[0]}"
    if text in names.national():
        return f"org::{names.national()[text]}"
    gaz = gazetteer.get()
    if code and code in gaz.divisions:
        core = BUREAUS.sub("教育局", names.expand_short(_strip_places(text, code)))
        if names.is_generic(core) or names.suffix_kind(text) in names.OWNED_KINDS:
            if names.suffix_kind(text) in names.AS_WRITTEN_KINDS and not LEVEL_LEAD.match(text):
                return f"org:{code}:{text}"
            return f"org:{code}:{gaz.divisions[code].name}{names.expand_short(core)}"
        return f"org:{code}:{core}"
    if LEVEL_LEAD.match(text) or names.is_type_word(text):
        return f"org:?{doc}:{text}"
    return f"org::{text}"


def place_cluster(text: str, code: str, doc: str) -> str:
    gaz = gazetteer.get()
    if code and code in gaz.divisions:
        d = gaz.divisions[code]
        if text.endswith((d.name, d.alias)) or any(x.code == code for x in gaz.lookup(text)) or \
                (len(text) > 2 and text[-1] in "省市县区州旗盟" and text[:-1].endswith(d.alias)):
            return f"place:{code}"
        return f"place:{code}/{_strip_places(text, code)}"
    abbr = {row[1]: row[2] for row in rules.table("place_abbrev.tsv") if row[0] == "abbr"}
    divs = gaz.lookup(abbr.get(text, text))
    if len(divs) == 1:
        return divs[0].key
    return f"place:?{doc}/{text}"


def _short_form(short: str, full: str) -> bool:
    """锦小 of 锦官新城小学: the same first character, the characters in order, neither a
    start of the full name (县委 is no short form of 县委办), and no type word of its own
    (北京大学 is none of 北京师范大学, 靖远县委 none of 靖远县人大常委会)."""
    if len(short) >= len(full) or short[0] != full[0] or full.startswith(short) or short[-2:] == full[-2:] \
            or names.suffix_kind(short):      # 靖远县委 is no short form of 靖远县人大常委会
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def derive(gold_dirs: list[tuple[str, Path]]) -> list[dict]:
    """The rows of data/linking/clusters.tsv from the gold of each (set, folder)."""
    public = set(rules.items("persons_public.txt"))
    rows = []
    for set_name, folder in gold_dirs:
        for gp in sorted(Path(folder).glob("*.gold.json")):
            g = json.loads(gp.read_text(encoding="utf-8"))
            doc = g.get("doc_id") or gp.name[:-len(".gold.json")]
            rp = gp.with_name(f"{doc}.rel.json")
            rel = json.loads(rp.read_text(encoding="utf-8")) if rp.exists() else {}
            codes = {squash(x["entity"]): x.get("adcode", "") for x in rel.get("located_in", [])}
            ents = sorted({(e["label"], squash(e["text"])) for e in g.get("entities", [])
                           if e["label"] in ("ORG", "PLACE", "PERSON")})
            orgs = {t: org_cluster(t, codes.get(t, ""), doc) for lab, t in ents if lab == "ORG"}
            for t in list(orgs):    # a short form of a name of the same report: 锦小, 观实幼
                full = [u for u in orgs if codes.get(t, "") in ("", codes.get(u, "")) and
                        _short_form(t, _strip_places(u, codes[u]) if codes.get(u) in gazetteer.get().divisions else u)]
                if len(full) == 1:
                    orgs[t] = orgs[full[0]]
            member = {}
            for x in rel.get("member_of", []):
                p, o = squash(x.get("person", "")), squash(x.get("org", ""))
                member.setdefault(p, orgs.get(o) or org_cluster(o, codes.get(o, ""), doc))
            for lab, t in ents:
                code = codes.get(t, "")
                if lab == "ORG":
                    cl = orgs[t]
                elif lab == "PLACE":
                    cl = place_cluster(t, code, doc)
                elif t in public:
                    cl = f"person::{t}"
                elif t in member:
                    cl = f"person:{member[t]}:{t}"
                else:
                    cl = f"person:{doc}:{t}"
                rows.append({"set": set_name, "doc_id": doc, "label": lab, "text": t, "adcode": code,
                             "cluster": cl})
    return rows


def write(rows: list[dict], path: Path) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, COLS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buf.getvalue(), encoding="utf-8")


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _pairs(items: list[tuple[str, str, str]], key: dict) -> set[tuple[int, int]]:
    by: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by[key[it]].append(i)
    return {(a, b) for ids in by.values() for a, b in combinations(ids, 2)}


def score(gold_rows: list[dict], mentions_csv: Path) -> dict | None:
    """B-cubed and pairwise scores of the build's nodes against the derived clustering,
    over the gold mentions of the reports the build holds that it found."""
    found: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    docs = set()
    with open(mentions_csv, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            d = (r.get("doc_id") or "").split("#")[0]
            docs.add(d)
            if r.get("entity_id"):
                found[(d, r["label"], squash(r["text"]))][r["entity_id"]] += 1
    gold = {(r["doc_id"], r["label"], r["text"]): r["cluster"] for r in gold_rows if r["doc_id"] in docs}
    if not gold:
        return None
    items = sorted(k for k in gold if k in found)
    pred = {k: sorted(found[k].items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k in items}
    out = {"reports": len({k[0] for k in gold}), "gold_mentions": len(gold), "found": len(items)}
    for lab in ("ALL", "ORG", "PERSON", "PLACE"):
        its = [k for k in items if lab == "ALL" or k[1] == lab]
        if not its:
            continue
        g_of, p_of = defaultdict(set), defaultdict(set)
        for k in its:
            g_of[gold[k]].add(k)
            p_of[pred[k]].add(k)
        bp = sum(len(p_of[pred[k]] & g_of[gold[k]]) / len(p_of[pred[k]]) for k in its) / len(its)
        br = sum(len(p_of[pred[k]] & g_of[gold[k]]) / len(g_of[gold[k]]) for k in its) / len(its)
        gp, pp = _pairs(its, gold), _pairs(its, pred)
        cross = {(a, b) for a, b in gp | pp if its[a][0] != its[b][0]}
        gx, px = gp & cross, pp & cross
        out[lab] = {"n": len(its), "b3": _prf(bp, br), "pairs": _prf(*_pr(gp, pp)) + (len(gp),),
                    "cross": _prf(*_pr(gx, px)) + (len(gx),)}
    return out


def _pr(gold: set, pred: set) -> tuple[float, float]:
    tp = len(gold & pred)
    return (tp / len(pred) if pred else 1.0), (tp / len(gold) if gold else 1.0)


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(res: dict, title: str) -> str:
    lines = [f"{title}: {res['reports']} reports, {res['found']} of {res['gold_mentions']} gold mentions found",
             "| label | n | B3 P | B3 R | B3 F1 | pairs P | pairs R | pairs F1 | cross-report P | R | F1 | gold pairs |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for lab in ("ALL", "ORG", "PERSON", "PLACE"):
        v = res.get(lab)
        if v:
            b, p, x = v["b3"], v["pairs"], v["cross"]
            lines.append(f"| {lab} | {v['n']} | {b[0]:.3f} | {b[1]:.3f} | {b[2]:.3f} | {p[0]:.3f} | {p[1]:.3f} | "
                         f"{p[2]:.3f} | {x[0]:.3f} | {x[1]:.3f} | {x[2]:.3f} | {x[3]} |")
    return "\n".join(lines)


def errors(gold_rows: list[dict], mentions_csv: Path, limit: int = 40) -> str:
    """Cross-report pairs the build joins against the gold, and the ones it splits."""
    found: dict[tuple, Counter] = defaultdict(Counter)
    with open(mentions_csv, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r.get("entity_id"):
                found[((r.get("doc_id") or "").split("#")[0], r["label"], squash(r["text"]))][r["entity_id"]] += 1
    gold = {(r["doc_id"], r["label"], r["text"]): r["cluster"] for r in gold_rows}
    pred = {k: found[k].most_common(1)[0][0] for k in gold if k in found}
    by_node, by_cl = defaultdict(set), defaultdict(set)
    for k, n in pred.items():
        by_node[n].add(gold[k])
        by_cl[gold[k]].add(n)
    lines = ["joined (one node, several gold entities):"]
    lines += [f"  {n}: {' | '.join(sorted(c))}" for n, c in sorted(by_node.items()) if len(c) > 1][:limit]
    lines.append("split (one gold entity, several nodes):")
    lines += [f"  {c}: {' | '.join(sorted(n))}" for c, n in sorted(by_cl.items()) if len(n) > 1][:limit]
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.linkeval")
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("derive", help="derive the cross-report clustering from gold folders")
    d.add_argument("gold", nargs="+", help="SET=FOLDER (e.g. train=../shared/train/gold)")
    d.add_argument("--out", default="data/linking/clusters.tsv")
    s = sub.add_parser("score", help="score a build's nodes against the clustering")
    s.add_argument("--clusters", default="data/linking/clusters.tsv")
    s.add_argument("--out", default="outputs")
    s.add_argument("--errors", action="store_true")
    a = p.parse_args(argv)
    if a.cmd == "derive":
        dirs = [tuple(x.split("=", 1)) if "=" in x else (Path(x).parent.name, x) for x in a.gold]
        rows = derive([(n, Path(f)) for n, f in dirs])
        write(rows, Path(a.out))
        print(f"{len(rows)} gold mentions, {len({r['cluster'] for r in rows})} entities -> {a.out}")
        return 0
    mentions = Path(a.out) / "tables" / "mentions.csv"
    if not mentions.is_file():
        print(f"error: {mentions} not found: build first", file=sys.stderr)
        return 2
    rows = read(Path(a.clusters))
    res = score(rows, mentions)
    if res is None:
        print(f"linking: none of the reports of {a.clusters} is in {a.out}")
        return 0
    print(table(res, f"Linking against {a.clusters}"))
    if a.errors:
        print(errors(rows, mentions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
