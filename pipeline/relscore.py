"""Relation scoring against relation gold (``<doc_id>.rel.json`` beside each gold file,
../shared/ANNOTATION.md "Relations"); ``make eval`` prints it beside the mention table.

It follows the reference scorer (../shared/tools/score_relations.py) rule for rule, so
that the two agree exactly:

* a gold string resolves to the entity ids of the report's mentions whose text or norm is
  that string, plus every entity whose name or alias it is; a gold link is found when a
  relations.csv row of that report and type joins an id of each end;
* member_of and part_of: P/R/F1 over pairs; member_of roles are right when the gold role is
  inside a system role of a matching row or the other way round;
* implements: pairs, the measure matched by name without quotes, dots and spaces (``loose``:
  one name inside the other, both at least 2 characters);
* measures: the report's MEASURE mentions (one item per entity) against the gold names;
* located_in: each gold entity's system adcode (a Place's own code or its nearest ancestor's,
  an organisation's LOCATED_IN target, finest first, else the code in its id) is exact,
  ancestor, wrong or none;
* system links with an end that is only a gold ``optional`` span are left out of precision.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

from .evaluate import squash

STRIP = "“”\"'‘’「」『』《》〈〉·•・"
PAIR_KINDS = (("member_of", "MEMBER_OF", "person", "org"), ("part_of", "PART_OF", "child", "parent"))
KINDS = ("member_of", "part_of", "implements", "implements_loose", "measures", "measures_loose")


def mnorm(s: str) -> str:
    """A measure name without quotes, title brackets, middle dots and spaces."""
    return re.sub(r"\s+", "", "".join(ch for ch in (s or "") if ch not in STRIP))


def loose_eq(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def exact_eq(a: str, b: str) -> bool:
    return a == b


def read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def split_aliases(s: str) -> list[str]:
    return [squash(a) for a in re.split(r"\s*\|\s*", s or "") if squash(a)]


def level_of(code: str) -> int:
    if not code or not re.fullmatch(r"\d{6}", code):
        return 9
    if code.endswith("0000"):
        return 1
    return 2 if code.endswith("00") else 3


def compare_code(sys_code: str, gold_code: str) -> str:
    if not sys_code:
        return "none"
    if sys_code == gold_code:
        return "exact"
    lv = level_of(sys_code)
    if lv == 1 and gold_code[:2] == sys_code[:2]:
        return "ancestor"
    if lv == 2 and gold_code[:4] == sys_code[:4] and level_of(gold_code) == 3:
        return "ancestor"
    return "wrong"


def prf(tp_sys: int, n_sys: int, found: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_sys / n_sys if n_sys else 0.0
    r = found / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class SystemTables:
    """A build's mentions, entities and relations, indexed the way scoring needs them."""

    def __init__(self, out_dir: Path):
        t = Path(out_dir) / "tables"
        self.mentions: dict[str, list[dict]] = defaultdict(list)
        for r in read_csv(t / "mentions.csv"):
            r["text"], r["norm"] = squash(r.get("text")), squash(r.get("norm"))
            self.mentions[(r.get("doc_id") or "").split("#")[0]].append(r)
        self.entities: dict[str, dict] = {}
        self.by_string: dict[str, set] = defaultdict(set)
        for r in read_csv(t / "entities.csv"):
            eid = r.get("entity_id") or ""
            names = ({squash(r.get("name"))} | set(split_aliases(r.get("aliases")))) - {""}
            r["names"] = names
            self.entities[eid] = r
            for n in names:
                self.by_string[n].add(eid)
        self.rel: dict[tuple, list[dict]] = defaultdict(list)
        self.loc_any: dict[str, list[dict]] = defaultdict(list)
        for i, r in enumerate(read_csv(t / "relations.csv")):
            typ = (r.get("type") or "").upper()
            r["row"] = i
            self.rel[((r.get("doc_id") or "").split("#")[0], typ)].append(r)
            if typ == "LOCATED_IN":
                self.loc_any[r.get("source_id") or ""].append(r)

    def resolve(self, doc: str, s: str) -> set[str]:
        s = squash(s)
        ids = {m["entity_id"] for m in self.mentions.get(doc, ())
               if m.get("entity_id") and (m["text"] == s or m["norm"] == s)}
        return ids | self.by_string.get(s, set())

    def strings_of(self, doc: str, eid: str) -> set[str]:
        out = set(self.entities.get(eid, {}).get("names", ()))
        for m in self.mentions.get(doc, ()):
            if m.get("entity_id") == eid:
                out |= {m["text"], m["norm"]}
        return out - {""}

    def measure_names(self, doc: str, row: dict) -> set[str]:
        tid = row.get("target_id") or ""
        names = set(self.entities.get(tid, {}).get("names", ())) | {squash(row.get("target_name"))}
        for m in self.mentions.get(doc, ()):
            if tid and m.get("entity_id") == tid:
                names |= {m["text"], m["norm"]}
        return {mnorm(n) for n in names if mnorm(n)}

    def place_code(self, eid: str, depth: int = 0) -> str:
        e = self.entities.get(eid)
        if e is not None and re.fullmatch(r"\d{6}", (e.get("adcode") or "").strip()):
            return e["adcode"].strip()
        if e is not None and e.get("parent_id") and depth < 8 and e["parent_id"] != eid:
            c = self.place_code(e["parent_id"], depth + 1)
            if c:
                return c
        m = re.match(r"place:(\d{6})", eid or "")
        return m.group(1) if m else ""

    def is_place(self, eid: str) -> bool:
        e = self.entities.get(eid)
        lab = (e.get("label") or "").upper() if e else ""
        return lab in ("PLACE", "LOC", "GPE") or (not lab and (eid or "").startswith("place:"))

    def code_of(self, doc: str, eid: str) -> str:
        if self.is_place(eid):
            return self.place_code(eid)
        rows = [r for r in self.rel.get((doc, "LOCATED_IN"), ()) if r.get("source_id") == eid]
        best = None
        for r in rows or self.loc_any.get(eid, []):
            c = self.place_code(r.get("target_id") or "")
            if c and (best is None or (-level_of(c), r["row"]) < best[0]):
                best = ((-level_of(c), r["row"]), c)
        if best:
            return best[1]
        m = re.match(r"org:(\d{6}):", eid or "")
        return m.group(1) if m else ""


def load_rel_gold(gold_dir: Path) -> dict[str, dict]:
    gold = {}
    for p in sorted(Path(gold_dir).glob("*.rel.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        doc = g.get("doc_id") or p.name[:-len(".rel.json")]
        gp = Path(gold_dir) / f"{doc}.gold.json"
        eg = json.loads(gp.read_text(encoding="utf-8")) if gp.exists() else {}
        g["ents"] = {squash(e["text"]) for e in eg.get("entities", [])}
        g["opt"] = {squash(e["text"]) for e in eg.get("optional", [])}
        gold[doc] = g
    return gold


def _gold_strings(g: dict) -> set[str]:
    strings = set(g["ents"])
    for m in g.get("member_of", []):
        strings |= {squash(m["person"]), squash(m["org"])}
    for x in g.get("located_in", []):
        strings.add(squash(x["entity"]))
    for x in g.get("part_of", []):
        strings |= {squash(x["child"]), squash(x["parent"])}
    for x in g.get("implements", []):
        strings.add(squash(x["org"]))
    return strings


def score_report(doc: str, g: dict, S: SystemTables) -> dict:
    res: dict = {}
    gold_ids: set[str] = set()
    for s in _gold_strings(g):
        gold_ids |= S.resolve(doc, s)

    def exempt(eid: str) -> bool:
        return eid not in gold_ids and bool(S.strings_of(doc, eid) & g["opt"])

    for kind, typ, a, b in PAIR_KINDS:
        pairs: dict[tuple, list] = {}
        for r in S.rel.get((doc, typ), []):
            pairs.setdefault((r.get("source_id"), r.get("target_id")), []).append(r)
        golds, seen = [], set()
        for x in g.get(kind, []):
            k = (squash(x[a]), squash(x[b]))
            if k not in seen:
                seen.add(k)
                golds.append((S.resolve(doc, k[0]), S.resolve(doc, k[1]), (x.get("role") or "").strip()))
        found, matched, role_n, role_ok = 0, set(), 0, 0
        for src, tgt, role in golds:
            hits = [p for p in pairs if p[0] in src and p[1] in tgt]
            if not hits:
                continue
            found += 1
            matched.update(hits)
            if kind == "member_of" and role:
                role_n += 1
                sys_roles = {squash(r.get("role")) for p in hits for r in pairs[p]}
                role_ok += any(sr and (role in sr or sr in role) for sr in sys_roles)
        counted = [p for p in pairs if not (exempt(p[0]) or exempt(p[1]))]
        res[kind] = dict(gold=len(golds), sys=len(counted), found=found,
                         tp_sys=sum(1 for p in counted if p in matched))
        if kind == "member_of":
            res[kind].update(role_n=role_n, role_ok=role_ok)

    pairs = {}
    for r in S.rel.get((doc, "IMPLEMENTS"), []):
        pairs.setdefault((r.get("source_id"), r.get("target_id")), set()).update(S.measure_names(doc, r))
    golds, seen = [], set()
    for x in g.get("implements", []):
        k = (squash(x["org"]), mnorm(x["measure"]))
        if k not in seen:
            seen.add(k)
            golds.append((k[1], S.resolve(doc, k[0])))
    counted = [p for p in pairs if not exempt(p[0])]
    for variant, eq in (("implements", exact_eq), ("implements_loose", loose_eq)):
        found, matched = 0, set()
        for meas, src in golds:
            hits = [p for p in pairs if p[0] in src and any(eq(meas, n) for n in pairs[p])]
            found += bool(hits)
            matched.update(hits)
        res[variant] = dict(gold=len(golds), sys=len(counted), found=found,
                            tp_sys=sum(1 for p in counted if p in matched))

    gm = {mnorm(m) for m in g.get("measures", []) if mnorm(m)}
    items: dict[str, set] = defaultdict(set)
    for m in S.mentions.get(doc, ()):
        if (m.get("label") or "").upper() == "MEASURE":
            key = m.get("entity_id") or ("norm:" + (m["norm"] or m["text"]))
            items[key].update(n for n in (mnorm(m["norm"]), mnorm(m["text"])) if n)
    for variant, eq in (("measures", exact_eq), ("measures_loose", loose_eq)):
        found = sum(1 for x in gm if any(eq(x, n) for names in items.values() for n in names))
        tp_sys = sum(1 for names in items.values() if any(eq(x, n) for x in gm for n in names))
        res[variant] = dict(gold=len(gm), sys=len(items), found=found, tp_sys=tp_sys)

    cnt = dict(gold=0, exact=0, ancestor=0, wrong=0, none=0)
    detail, done = [], set()
    for x in g.get("located_in", []):
        s, code = squash(x["entity"]), str(x["adcode"]).strip()
        if s in done:
            continue
        done.add(s)
        cnt["gold"] += 1
        in_doc: dict[str, int] = defaultdict(int)
        for m in S.mentions.get(doc, ()):
            if m.get("entity_id") and (m["text"] == s or m["norm"] == s):
                in_doc[m["entity_id"]] += 1
        if in_doc:
            cands = sorted(in_doc, key=lambda e: (-in_doc[e], e))
        else:
            mentioned = {m.get("entity_id") for m in S.mentions.get(doc, ())}
            al = S.by_string.get(s, set())
            cands = sorted(al & mentioned) or sorted(al)
        sc = S.code_of(doc, cands[0]) if cands else ""
        verdict = compare_code(sc, code)
        cnt[verdict] += 1
        detail.append(dict(entity=s, gold=code, system=sc, verdict=verdict, entity_id=cands[0] if cands else ""))
    res["located_in"] = cnt
    res["located_detail"] = detail
    return res


def summarise(per: dict[str, dict]) -> dict:
    tot = {k: defaultdict(int) for k in KINDS + ("located_in",)}
    for r in per.values():
        for k in KINDS + ("located_in",):
            for kk, v in r[k].items():
                tot[k][kk] += v
    out = {}
    for k in KINDS:
        t = tot[k]
        p, r, f = prf(t["tp_sys"], t["sys"], t["found"], t["gold"])
        out[k] = dict(gold=t["gold"], system=t["sys"], found=t["found"], correct_system=t["tp_sys"],
                      precision=round(p, 4), recall=round(r, 4), f1=round(f, 4))
    m = tot["member_of"]
    out["member_of"].update(role_scored=m["role_n"], role_correct=m["role_ok"],
                            role_accuracy=round(m["role_ok"] / m["role_n"], 4) if m["role_n"] else None)
    L = tot["located_in"]
    placed = L["exact"] + L["ancestor"] + L["wrong"]
    out["located_in"] = dict(gold=L["gold"], exact=L["exact"], ancestor=L["ancestor"], wrong=L["wrong"],
                             none=L["none"], placed=placed,
                             accuracy=round(L["exact"] / L["gold"], 4) if L["gold"] else None,
                             precision=round(L["exact"] / placed, 4) if placed else None,
                             exact_or_ancestor=round((L["exact"] + L["ancestor"]) / L["gold"], 4) if L["gold"] else None)
    return out


def score_dir(gold_dir: Path, out_dir: Path) -> tuple[dict, dict] | None:
    """(summary, per report) of a build against a gold folder; None without relation gold.
    The summary's ``annotated`` lists the kinds some gold file of the folder holds (a folder
    annotated for measures and implements only, data/annotations/relations, has no
    member_of or part_of to score)."""
    gold = load_rel_gold(gold_dir)
    if not gold:
        return None
    S = SystemTables(out_dir)
    per = {doc: score_report(doc, g, S) for doc, g in gold.items()}
    summary = summarise(per)
    summary["annotated"] = [k for k in KINDS if any(k.removesuffix("_loose") in g for g in gold.values())]
    return summary, per


def table(summary: dict, title: str) -> str:
    lines = [title, "| relation | gold | system | found | P | R | F1 |", "|---|---|---|---|---|---|---|"]
    for k in summary.get("annotated", KINDS):
        s = summary[k]
        lines.append(f"| {k} | {s['gold']} | {s['system']} | {s['found']} | {s['precision']:.3f} | "
                     f"{s['recall']:.3f} | {s['f1']:.3f} |")
    mo, li = summary["member_of"], summary["located_in"]
    if mo["role_scored"]:
        lines.append(f"member_of roles: {mo['role_correct']}/{mo['role_scored']} right "
                     f"({mo['role_accuracy']:.3f}) over found pairs with a gold role")
    if li["gold"]:
        prec = f"{li['precision']:.3f}" if li["precision"] is not None else "-"
        lines.append(f"located_in: {li['gold']} gold entities: exact {li['exact']}, ancestor {li['ancestor']}, "
                     f"wrong {li['wrong']}, none {li['none']}; accuracy {li['accuracy']:.3f}, "
                     f"precision {prec} (over {li['placed']} placed)")
    return "\n".join(lines)


def errors(gold_dir: Path, out_dir: Path) -> str:
    """Per report: located_in entities not placed exactly (for ``eval --errors``)."""
    res = score_dir(gold_dir, out_dir)
    if res is None:
        return ""
    lines = []
    for doc, r in sorted(res[1].items()):
        bad = [d for d in r["located_detail"] if d["verdict"] != "exact"]
        if bad:
            lines.append(doc)
            lines += [f"   located_in {d['verdict']:8} {d['entity']} gold {d['gold']} system {d['system'] or '-'}"
                      for d in bad]
    return "\n".join(lines)
