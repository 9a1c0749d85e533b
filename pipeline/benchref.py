"""The build-time target of the scale benchmark, scaled by the entity model's measured cost.

Issue 12 asks for 100,000 reports of some 2,000 characters (200 M characters) built in 30
minutes on 2 cores "with the current extractors (scale the figure by their measured speed
if the entity model changes it)". The figure was set for the first release, whose entity
stage was hand-written rules: commit :data:`REFERENCE`, the last one before the trained
model (pipeline/entities). This module times every stage of that commit's pipeline and of
this checkout's on the same reports, each in one process of its own, in alternating rounds
(the machine's speed drifts), and takes the median of each figure. The factor is

    all stages now / (all stages now - (entity stage now - entity stage then))

that is how much longer the extraction takes than it would with the first release's entity
stage and every other stage as it is now; the target is 30 minutes times it. The other
stages' own changes (the measure model, the relations) do not scale the target.

The reference is read from this checkout's git history (``git archive``), so a copy
without its history cannot run it. ``python -m pipeline.benchref FOLDER`` prints the
comparison; ``make bench-scale`` runs it on the first size's generated reports.
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REFERENCE = "6c19bcf"        # bench: rows without the unused field (2026-11-22), before 935db91's model
TARGET_MIN = 30.0            # the figure for 200 M characters
TARGET_CHARS = 200_000_000
ENTITY_STAGE = "edu_entities"  # the component's name then and now

# run in the checkout's own folder (its ``pipeline`` package first on the path): the time
# of each spaCy component over the reports, after one report has loaded what loads on
# first use; the stages' names are the pipeline's components, "outside" the rest
# (reading and cleaning the report, the tokenizer, the result's assembly)
CHILD = r"""
import collections, json, sys, time
from pathlib import Path
from pipeline import extract, nlp as nlp_mod
try:
    nlp = nlp_mod.load(lexical=False)
except TypeError:  # the first release's load() takes no argument
    nlp = nlp_mod.load()
files = [Path(p) for p in json.loads(sys.stdin.buffer.read().decode("utf-8"))]
extract.extract_report(files[0], nlp=nlp)
spent = collections.Counter()
class Timed:
    def __init__(self, name, proc):
        self.name, self.proc = name, proc
    def __call__(self, doc):
        t = time.perf_counter()
        try:
            return self.proc(doc)
        finally:
            spent[self.name] += time.perf_counter() - t
# each component wrapped in place (spaCy's list of them, which nlp.pipeline reads; both
# commits' spaCy is this environment's)
for i, (name, proc) in enumerate(list(nlp.pipeline)):
    nlp._components[i] = (name, Timed(name, proc))
sections = 0
t0 = time.perf_counter()
for f in files:
    sections += len(extract.extract_report(f, nlp=nlp).get("sections") or ())
total = time.perf_counter() - t0
print(json.dumps({"total": total, "stages": dict(spent), "reports": len(files), "sections": sections}))
"""


def checkout(repo: Path, commit: str, dest: Path) -> Path:
    """The files of ``commit`` of the git repository ``repo`` unpacked into ``dest``."""
    try:
        res = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", commit],
                             capture_output=True, check=True)
    except FileNotFoundError:
        raise RuntimeError("git is not installed") from None
    except subprocess.CalledProcessError as e:
        raise RuntimeError(f"no commit {commit} in {repo}: {e.stderr.decode(errors='replace').strip()}") from None
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(res.stdout)) as tar:
        try:
            tar.extractall(dest, filter="data")
        except TypeError:  # Python before 3.11.4: no filters (the archive is this repository's own)
            tar.extractall(dest)
    return dest


def stage_times(root: Path, files: list[Path]) -> dict:
    """{"total": s, "stages": {component: s}, "reports": n} of the pipeline of the checkout
    in ``root`` extracting ``files`` in one process (python of this environment)."""
    paths = json.dumps([str(Path(f).resolve()) for f in files])
    res = subprocess.run([sys.executable, "-c", CHILD], cwd=root, input=paths, capture_output=True,
                         encoding="utf-8", errors="replace")
    if res.returncode != 0:
        last = (res.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"timing the pipeline of {root} failed: {last}")
    got = json.loads(res.stdout.strip().splitlines()[-1])
    if not got.get("sections"):
        raise RuntimeError(f"the pipeline of {root} read no section of the {len(files)} reports")
    return got


def factor(now: dict, then: dict) -> float:
    """How much longer all stages take now than they would with ``then``'s entity stage."""
    ent_now, ent_then = now["stages"][ENTITY_STAGE], then["stages"][ENTITY_STAGE]
    without = now["total"] - (ent_now - ent_then)
    if without <= 0:
        raise ValueError("the timings do not add up")
    return now["total"] / without


def median_times(runs: list[dict]) -> dict:
    """The median of each figure over rounds."""
    names = sorted(set().union(*(r["stages"] for r in runs)))
    return {"total": statistics.median(r["total"] for r in runs),
            "stages": {n: statistics.median(r["stages"].get(n, 0.0) for r in runs) for n in names},
            "reports": runs[0]["reports"]}


def compare(files: list[Path], repo: Path, rounds: int = 3, commit: str = REFERENCE) -> dict:
    """Both pipelines on ``files``, alternately, ``rounds`` times: the medians, the factor
    and the scaled target in minutes."""
    with tempfile.TemporaryDirectory(prefix="benchref-") as tmp:
        ref = checkout(repo, commit, Path(tmp) / "ref")
        then, now = [], []
        for _ in range(max(1, rounds)):
            then.append(stage_times(ref, files))
            now.append(stage_times(repo, files))
    then_m, now_m = median_times(then), median_times(now)
    f = factor(now_m, then_m)
    return {"reference": commit, "reports": len(files), "rounds": len(now), "then": then_m, "now": now_m,
            "factor": f, "target_min": TARGET_MIN * f}


def reports(folder: Path, n: int) -> list[Path]:
    """The first ``n`` reports of a folder, by name: the ones both pipelines are timed on."""
    return sorted(f for f in Path(folder).iterdir() if f.is_file())[:n]


def projected_min(chars_per_s: float) -> float:
    """Minutes for the issue's 200 M characters at a build's measured rate."""
    return TARGET_CHARS / chars_per_s / 60


def describe(c: dict, chars_per_s: float | None = None, size: int | None = None) -> str:
    """The comparison as a few lines of Markdown."""
    then, now = c["then"], c["now"]
    rows = ["| stage | first release (" + c["reference"] + ") | now | ratio |", "|---|---|---|---|"]
    for name in sorted(set(then["stages"]) | set(now["stages"]), key=lambda n: -now["stages"].get(n, 0.0)):
        a, b = then["stages"].get(name, 0.0), now["stages"].get(name, 0.0)
        rows.append(f"| {name} | {a:.2f} s | {b:.2f} s | {b / a:.2f} |" if a else f"| {name} | - | {b:.2f} s | - |")
    rows.append(f"| all (reading, tokenizer included) | {then['total']:.2f} s | {now['total']:.2f} s | "
                f"{now['total'] / then['total']:.2f} |")
    text = (f"The build-time target scaled by the entity model (pipeline/benchref.py): {c['reports']:,} reports "
            f"extracted in one process by the first release's pipeline and by this one, "
            f"{c['rounds']} round{'s' if c['rounds'] != 1 else ''} alternately, medians:\n\n" + "\n".join(rows) +
            f"\n\nFactor {c['factor']:.2f} (all stages now over all stages with the first release's entity stage): "
            f"the target is {TARGET_MIN:.0f} min x {c['factor']:.2f} = **{c['target_min']:.1f} min** for "
            f"{TARGET_CHARS // 1_000_000} M characters.")
    if chars_per_s:
        text += (f" At the {size:,}-report build's rate ({chars_per_s:,.0f} characters a second) they take "
                 f"**{projected_min(chars_per_s):.1f} min**.")
    return text


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.benchref", description=__doc__.split("\n")[0])
    p.add_argument("folder", help="a folder of reports (bench-scale's generated in-1000, say)")
    p.add_argument("-n", type=int, default=300, help="how many of its reports (first by name)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--commit", default=REFERENCE)
    a = p.parse_args(argv)
    files = reports(Path(a.folder), a.n)
    if not files:
        print(f"error: no reports in {a.folder}", file=sys.stderr)
        return 2
    try:
        c = compare(files, Path(__file__).resolve().parent.parent, a.rounds, a.commit)
    except (RuntimeError, ValueError) as e:  # as bench-scale's reference(): a message, not a traceback
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(describe(c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
