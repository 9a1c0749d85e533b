"""Stage 8 - linking: the per-report extractions become one set of entities, where one
real entity is one node across all reports, however many spellings mention it.

Entity keys are made in the reports (``place:<adcode>``, ``org:<anchor>:<core name>``,
``person:<anchor>:<name>``, ``measure:<name>``, ``date:<iso>``) so that the same entity
gets the same key wherever it is read. This stage merges what the reports could not see
alone: an organisation or person whose anchor place is coarser in one report (the city)
and finer in another (a district of that city) is one entity when the finer one is the
only candidate.
"""
from __future__ import annotations

from collections import Counter, defaultdict

LABEL_NODE = {"ORG": "Organization", "PERSON": "Person", "PLACE": "Place", "MEASURE": "Measure",
              "DATE": "Date"}


def _split_key(key: str) -> tuple[str, str, str] | None:
    """('org', anchor, core) for anchored keys, else None."""
    parts = key.split(":", 2)
    if len(parts) == 3 and parts[0] in ("org", "person"):
        return parts[0], parts[1], parts[2]
    return None


def refine_anchors(entities: dict[str, dict], place_parent: dict[str, str]) -> dict[str, str]:
    """Map keys anchored at a coarse place to the unique key with the same name anchored
    at a place inside it. ``place_parent`` maps a place code to its parent code."""
    by_core = defaultdict(list)
    for key in entities:
        sk = _split_key(key)
        if sk:
            by_core[(sk[0], sk[2])].append(sk[1])

    def ancestors(code: str) -> set[str]:
        seen = set()
        while code in place_parent and code not in seen:
            seen.add(code)
            code = place_parent[code]
            if code:
                seen.add(code)
        return seen

    remap = {}
    for (kind, core), anchors in by_core.items():
        if len(anchors) < 2:
            continue
        for a in anchors:
            finer = [b for b in anchors if b != a and a in ancestors(b)]
            if len(finer) == 1 or (a == "" and len(anchors) == 2):
                target = finer[0] if finer else next(b for b in anchors if b != a)
                remap[f"{kind}:{a}:{core}"] = f"{kind}:{target}:{core}"
    # follow chains (city -> district -> town) to the end
    for k in list(remap):
        seen = {k}
        while remap[k] in remap and remap[k] not in seen:
            seen.add(remap[k])
            remap[k] = remap[remap[k]]
    return remap


def merge_entities(sections: list[dict]) -> tuple[dict[str, dict], dict[str, str]]:
    """All entity records of all sections merged by key; returns (entities, remap)."""
    merged: dict[str, dict] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    for sec in sections:
        for key, rec in sec["entities"].items():
            m = merged.setdefault(key, {"label": rec["label"], "aliases": set(), "attrs": {}})
            m["aliases"].update(rec.get("aliases", []))
            names[key][rec["name"]] += 1
            for k, v in rec.get("attrs", {}).items():
                if v not in ("", None) and k not in m["attrs"]:
                    m["attrs"][k] = v
    place_parent = {k.split(":", 1)[1]: (v["attrs"].get("parent_id", "").split(":", 1)[-1])
                    for k, v in merged.items() if v["label"] == "PLACE"}
    remap = refine_anchors(merged, place_parent)
    for old, new in sorted(remap.items()):
        if old not in merged or new not in merged:
            continue
        src = merged.pop(old)
        merged[new]["aliases"] |= src["aliases"]
        names[new].update(names.pop(old))
        for k, v in src["attrs"].items():
            merged[new]["attrs"].setdefault(k, v)
    for key, m in merged.items():
        # the name most reports use; ties go to the fuller (longer) spelling
        m["name"] = sorted(names[key].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        m["aliases"] = sorted(m["aliases"] | {m["name"]})
    return merged, remap
