"""China's administrative divisions (province > city > county > town) with their codes,
and the world's countries and major cities, from the data JioNLP ships.

JioNLP keeps a maintained table of divisions with adcodes and short names
(``dictionary/china_location.txt``: 34 provinces, ~350 cities, ~3200 counties and
development zones, ~43000 towns and streets), the renamings since 2000
(``china_location_change.txt``) and a world table (``world_location.txt``). We read the
files directly: the table is what we need, not JioNLP's address parser.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from . import rules
from .util import cache_dir, quiet

LEVELS = ("province", "city", "county", "town")
# suffixes that make a division's full name; a bare core (山东, 槐荫) is its short name
ADMIN_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                  "街道办事处", "街道", "地区", "林区", "新区", "省", "市", "县", "区", "旗", "盟", "州", "镇", "乡", "苏木")


@dataclass(frozen=True)
class Division:
    code: str        # adcode; towns: "<county adcode>/<town name>"; foreign: "world/<name>"
    name: str        # full name (槐荫区)
    alias: str       # short name (槐荫), may equal name
    level: str       # province city county town | country foreign_city
    parent: str      # parent code, "" at the top

    @property
    def key(self) -> str:
        return f"place:{self.code}"


def _jionlp_file(name: str) -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed: its division tables are needed (pip install jionlp)")
    path = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / name
    if not path.exists():
        with quiet():  # importing jionlp unpacks its zipped dictionaries
            import jionlp  # noqa: F401
    return path


jionlp_file = _jionlp_file  # the path of one of JioNLP's tables (also for the scale benchmark)


def _core(name: str) -> str:
    for suf in ADMIN_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


class Gazetteer:
    def __init__(self):
        self.divisions: dict[str, Division] = {}
        self.by_name: dict[str, list[str]] = {}
        self._load_china()
        self._load_changes()
        self._load_world()
        self._load_short_names()     # (after the world: 澳洲 is 澳大利亚's)
        self.prefixes = {n[:i] for n in self.by_name for i in range(1, len(n) + 1)}
        self.bigrams = {n[:2] for n in self.by_name}
        self._chains: dict[str, list[Division]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self.children: dict[str, list[str]] = {}
        for d in self.divisions.values():
            self.children.setdefault(d.parent, []).append(d.code)

    # ------------------------------------------------------------------ loading
    def _add(self, d: Division, names=()):
        if d.code in self.divisions:
            # some tables repeat a code for the parts of a region (Hong Kong's districts
            # share 810000): the first entry keeps the code, the others get their own
            d = Division(f"{d.code}/{d.name}", d.name, d.alias, d.level, d.parent)
            if d.code in self.divisions:
                return
        self.divisions[d.code] = d
        for n in {d.name, d.alias, *names}:
            if n and len(n) >= 2:
                lst = self.by_name.setdefault(n, [])
                if d.code not in lst:
                    lst.append(d.code)

    def _load_china(self):
        skip_alias = set(rules.items("place_alias_stop.txt"))
        prov = city = county = ""
        with open(_jionlp_file("china_location.txt"), encoding="utf-8") as f:
            for line in f:
                depth = len(line) - len(line.lstrip("\t"))
                if depth >= 4:
                    continue  # villages and communities: found by their suffix, not listed
                parts = line.strip().split("\t")
                if depth == 3:
                    name = parts[0]
                    if county and len(_core(name)) >= 2 and _core(name) != name:
                        self._add(Division(f"{county}/{name}", name, name, "town", county))
                    continue
                if len(parts) != 3:
                    continue
                name, code, alias = parts
                aliases = [a for a in alias.split("/") if a and a not in skip_alias]
                level = LEVELS[depth]
                parent = {0: "", 1: prov, 2: city}[depth]
                if depth == 1 and code == prov:
                    # municipalities list themselves again as their only city
                    city = code
                    continue
                d = Division(code, name, aliases[0] if aliases else name, level, parent)
                for full, word in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
                    if name.endswith(full) and level in ("city", "county"):
                        # an autonomous prefecture or county is written with its short name and
                        # level word: 红河州, 琼中县 (红河哈尼族彝族自治州); the table lists only 红河
                        aliases += [a + word for a in aliases if len(a) >= 2 and not a.endswith(word)]
                self._add(d, aliases)
                if depth == 0:
                    prov = city = code
                elif depth == 1:
                    city = code
                else:
                    county = code

    def _load_changes(self):
        """Former names (襄樊 -> 襄阳) point to today's division."""
        by_full = {}
        for d in self.divisions.values():
            if d.level != "town":
                by_full.setdefault((d.name, self.divisions.get(d.parent, d).name if d.parent else ""), d.code)
        try:
            lines = _jionlp_file("china_location_change.txt").read_text(encoding="utf-8").splitlines()
        except OSError:
            return
        for line in lines:
            if "=>" not in line:
                continue
            old, new = line.split("=>")
            old_f, new_f = old.split("\t")[2:], new.split("\t")
            old_names = [x for x in old_f if x]
            new_names = [x for x in new_f if x]
            if not old_names or not new_names:
                continue
            target = [c for c, d in self.divisions.items() if d.name == new_names[-1] and d.level != "town"]
            if len(target) != 1:
                continue
            for n in old_names[-2:]:
                if n not in self.by_name and len(n) >= 2:
                    self.by_name[n] = [target[0]]

    def _load_short_names(self):
        """Short names of cities news writes (哈市: rules/place_short_names.tsv)."""
        for row in rules.table("place_short_names.tsv"):
            if len(row) < 2 or row[0] in self.by_name:
                continue
            codes = [c for c in self.by_name.get(row[1], []) if self.divisions[c].name == row[1]]
            if len(codes) == 1:
                self.by_name[row[0]] = codes

    def _load_world(self):
        try:
            lines = _jionlp_file("world_location.txt").read_text(encoding="utf-8").splitlines()
        except OSError:
            return
        for line in lines:
            parts = line.strip().split("\t")
            if len(parts) < 2 or line.strip().endswith(":"):
                continue
            short, full = parts[0], parts[1]
            if short == "中国":
                self._add(Division("world/中国", "中国", "中国", "country", ""), ["中华人民共和国"])
                continue
            code = f"world/{short}"
            self._add(Division(code, short, short, "country", ""), [full])
            for cities in parts[2:]:
                for c in cities.split("/"):
                    c = c.strip()
                    if c and c not in self.by_name:
                        self._add(Division(f"world/{short}/{c}", c, c, "foreign_city", code))

    # ------------------------------------------------------------------ queries
    def lookup(self, name: str) -> list[Division]:
        return [self.divisions[c] for c in self.by_name.get(name, [])]

    def renamed(self, name: str) -> list[Division]:
        """The towns a town's name may stand for after a town became a street (撤镇设街道:
        历城区's 西营镇 is 西营街道 now) or the other way round: X镇/X乡 gives X街道, X街道
        gives X镇 and X乡. Reports keep the old names for years; the caller settles which
        of these the report's setting holds."""
        for old, new in (("镇", ("街道",)), ("乡", ("街道",)), ("街道", ("镇", "乡"))):
            core = name[:len(name) - len(old)]
            if name.endswith(old) and len(core) >= 2:
                return [d for n in new for d in self.lookup(core + n) if d.level == "town"]
        return []

    def chain(self, code: str) -> list[Division]:
        """The division and its ancestors, from the top (province or country) down."""
        hit = self._chains.get(code)
        if hit is not None:
            return hit
        self._chains[code] = out = self._chain(code)
        return out

    def _chain(self, code: str) -> list[Division]:
        out, seen = [], set()
        while code and code in self.divisions and code not in seen:
            seen.add(code)
            out.append(self.divisions[code])
            code = self.divisions[code].parent
        return out[::-1]

    def ancestors(self, code: str) -> frozenset[str]:
        hit = self._ancestors.get(code)
        if hit is None:
            hit = self._ancestors[code] = frozenset(d.code for d in self.chain(code)[:-1]) \
                if code in self.divisions else frozenset()
        return hit

    def related(self, a: str, b: str) -> bool:
        """One contains the other (or they are the same)."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def scan(self, text: str, start: int = 0, end: int | None = None):
        """Every (start, end) where a known name occurs, longest first at each position.
        A whole text's matches are kept for the next scan of the same text (the entity
        model's features and its overrides both scan each section), and a short one's
        (a name: the same organisations are named in report after report) for the next
        scan of the same name."""
        global _last_scan, _short_of
        if start == 0 and end is None:
            if len(text) < 64:
                if _short_of is not self:
                    _short.clear()
                    _short_of = self
                found = _short.get(text)
                if found is None:
                    if len(_short) >= _SHORT_MAX:
                        _short.clear()
                    found = _short[text] = tuple(self._scan(text, 0, len(text)))
                return iter(found)
            last = _last_scan
            if last is not None and last[0] is self and (last[1] is text or last[1] == text):
                return iter(last[2])
            found = list(self._scan(text, 0, len(text)))
            _last_scan = (self, text, found)
            return iter(found)
        return self._scan(text, start, len(text) if end is None else end)

    def _scan(self, text: str, start: int, end: int):
        prefixes, names = self.prefixes, self.by_name
        # every name has two characters at least: only where the text's two characters
        # begin a name can one start (the text's character pairs are made and matched at
        # C speed, then each pair that begins a name is found with str.find)
        seg = text[start:end]
        firsts = self.bigrams.intersection(map(str.__add__, seg, seg[1:]))
        if not firsts:
            return
        at = []
        for b in firsts:
            i = seg.find(b)
            while i >= 0:
                at.append(i + start)
                i = seg.find(b, i + 1)
        at.sort()
        for i in at:
            best = 0
            j = i + 2
            while j <= end and text[i:j] in prefixes:
                if text[i:j] in names:
                    best = j
                j += 1
            if best:
                yield i, best

    def opens_with_own_name(self, name: str, code: str) -> bool:
        """Whether ``name`` opens with the full name of division ``code`` (四川省老龄委 with
        四川省, 成都市老龄委 with 成都市): a body of that division named with its level word."""
        d = self.divisions.get(code)
        return d is not None and d.name != d.alias and name.startswith(d.name)

    def full_name(self, code: str) -> str:
        """Province, city and county joined (山东省济南市槐荫区)."""
        parts = []
        for d in self.chain(code):
            if d.level == "town" or not parts or parts[-1] != d.name:
                parts.append(d.name)
        return "".join(parts)


_last_scan = None  # (gazetteer, text, its matches): Gazetteer.scan's last whole text
# short texts (names) -> their matches, for the gazetteer _short_of; emptied when full
_short: dict[str, tuple] = {}
_short_of = None
_SHORT_MAX = 200_000


def _cache_path() -> Path:
    """Where the parsed table is kept between runs: keyed by the data files, the rule file
    and this module, so any change rebuilds it."""
    h = hashlib.sha256()
    for name in ("china_location.txt", "china_location_change.txt", "world_location.txt"):
        p = _jionlp_file(name)
        st = p.stat() if p.exists() else None
        h.update(f"{name}:{st.st_size if st else 0}:{st.st_mtime_ns if st else 0}".encode())
    h.update((rules.RULES_DIR / "place_alias_stop.txt").read_bytes())
    h.update((rules.RULES_DIR / "place_short_names.tsv").read_bytes())
    h.update(Path(__file__).read_bytes())
    return cache_dir() / f"gazetteer-{h.hexdigest()[:16]}.pickle"


@functools.lru_cache(maxsize=None)
def get() -> Gazetteer:
    """The gazetteer, from the local cache when it is there (parsing the tables takes a
    second or two; loading the cache a tenth of that). The cache is only a copy: it is
    rebuilt whenever it is missing, stale or unreadable."""
    try:
        path = _cache_path()
        with open(path, "rb") as f:
            g = pickle.load(f)
        if isinstance(g, Gazetteer):
            return g
    except Exception:  # no cache, an old one, or none we may read: parse the tables
        path = None
    g = Gazetteer()
    try:
        path = path or _cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: work without the cache
    return g
