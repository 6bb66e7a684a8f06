#!/usr/bin/env python3
"""brobygger's solvers side by side with the tools a user would otherwise pick, in one run.

    python3 benches/compare.py            # set up, then every comparison (about 40 minutes)
    python3 benches/compare.py --shapes   # only the dense table of every shape and dtype
    python3 benches/compare.py --quick    # smaller sizes, for a check that it all works

The first step makes its own virtual environment (``target/bench-venv``), installs the peers
from PyPI at pinned versions (``matching``, ``scipy``, ``numpy``, ``pandas``) and builds
brobygger into it in release mode; then it re-runs itself inside that environment. Instances
come from fixed seeds. For each case both sides run in this one process, on the same input;
their results must agree (identical stable matchings; equal optimal totals), or the script
exits 1. It prints a table of times and ratios, then the growth with size (log-log slopes).

What is compared:
- stable matching with capacities from explicit preference lists (hospital/resident form):
  ``matching.games.HospitalResident`` vs ``brobygger.stable_matching``, resident- and
  hospital-optimal, from the same Python dicts;
- dense optimal assignment: ``scipy.optimize.linear_sum_assignment`` vs
  ``brobygger.linear_sum_assignment`` on numpy arrays (integer and float, minimise and
  maximise, square and rectangular);
- binding overhead: 100,000 newcomers and 20,000 offers from pandas DataFrames, through
  ``brobygger.profiles(...).run(...)``, against the same run on profiles already in Rust; and
  whether the GIL is released while it runs.

Nothing here runs in ``scripts/test.sh``; ``tests/python/test_scale.py`` runs a small version of
the agreement checks when the peers happen to be installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import resource
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "bench-venv"
PEERS = ["matching==1.4.3", "scipy==1.17.1", "numpy==2.4.6", "pandas==3.1.1", "maturin==1.16.0"]


# ----------------------------------------------------------------------------------------------
# Setup: our own venv with the peers and a release build of brobygger.


def setup_and_reexec(argv: list[str]) -> None:
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"== creating {VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    marker = VENV / ".peers"
    want = " ".join(PEERS)
    if not marker.exists() or marker.read_text() != want:
        print("== installing the peers from PyPI: " + want, flush=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PEERS],
            check=True,
        )
        marker.write_text(want)
    print("== building brobygger (release) into the bench venv", flush=True)
    env = dict(os.environ, VIRTUAL_ENV=str(VENV))
    subprocess.run(
        [str(VENV / "bin" / "maturin"), "develop", "--release", "--locked", "-q"],
        cwd=ROOT / "crates" / "py",
        env=env,
        check=True,
    )
    os.execv(str(py), [str(py), __file__, "--inside", *argv])


# ----------------------------------------------------------------------------------------------
# Instances (fixed seeds) and the two sides of each comparison. The pytest smoke test imports
# these.


def hr_instance(
    n: int, seed: int = 3
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, int]]:
    """``n`` residents, ``n // 10`` hospitals of capacity 8; each resident ranks 10 random
    hospitals, each hospital ranks its applicants in random order."""
    rnd = random.Random(seed)
    h = max(1, n // 10)
    residents: dict[str, list[str]] = {}
    for i in range(n):
        picks = list(dict.fromkeys(rnd.randrange(h) for _ in range(10)))
        residents[f"r{i}"] = [f"h{j}" for j in picks]
    hospitals: dict[str, list[str]] = {f"h{j}": [] for j in range(h)}
    for r, prefs in residents.items():
        for x in prefs:
            hospitals[x].append(r)
    for prefs in hospitals.values():
        rnd.shuffle(prefs)
    return residents, hospitals, {k: 8 for k in hospitals}


def hr_peer(res: Any, hos: Any, caps: Any, optimal: str) -> dict[str, str | None]:
    """The ``matching`` package: resident-optimal (``optimal="residents"``) or hospital-optimal.

    It deep-copies its player graph recursively, so it runs on a thread with a large stack."""
    from matching.games import HospitalResident

    out: dict[str, str | None] = {}

    def work() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            game = HospitalResident.create_from_dictionaries(res, hos, caps)
            solution = game.solve(optimal="resident" if optimal == "residents" else "hospital")
        out.update({r: None for r in res})
        for hospital, taken in solution.items():
            for r in taken:
                out[r.name] = hospital.name

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1_000_000))
    old = threading.stack_size(1 << 30)
    try:
        t = threading.Thread(target=work)
        t.start()
        t.join()
    finally:
        threading.stack_size(old)
    return out


def hr_ours(res: Any, hos: Any, caps: Any, optimal: str) -> dict[str, str | None]:
    import brobygger as bb

    pairs = bb.stable_matching(list(res.items()), list(hos.items()), list(caps.items()), optimal)
    return dict(pairs)


def dense_instance(rows: int, cols: int, kind: str, seed: int = 5) -> Any:
    import numpy as np

    rng = np.random.default_rng(seed)
    if kind == "int":
        return rng.integers(0, 1000, size=(rows, cols))
    return rng.random((rows, cols)) * 1000.0


def dense_total(solver: Callable[..., Any], c: Any, maximize: bool) -> float:
    r, k = solver(c, maximize=maximize)
    return float(c[r, k].sum())


def dense_peer(c: Any, maximize: bool) -> float:
    from scipy.optimize import linear_sum_assignment

    return dense_total(linear_sum_assignment, c, maximize)


def dense_ours(c: Any, maximize: bool) -> float:
    import brobygger as bb

    return dense_total(bb.linear_sum_assignment, c, maximize)


def totals_agree(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


BENCH_RULES: dict[str, Any] = {
    "schema_version": 1,
    "id": "bench",
    "title": {"da": "Benchmark", "en": "Benchmark"},
    "rules": [
        {"id": "lang", "strength": {"type": "hard"},
         "kind": {"type": "shared_language", "min_level": "a2"},
         "explanation": {"da": "{language}", "en": "{language}"}},
        {"id": "dist", "strength": {"type": "hard"},
         "kind": {"type": "distance", "max_km": 10.5},
         "explanation": {"da": "{distance_km} km", "en": "{distance_km} km"}},
        {"id": "need", "strength": {"type": "hard"}, "kind": {"type": "need_served"},
         "explanation": {"da": "{needs}", "en": "{needs}"}},
        {"id": "s-need", "strength": {"type": "soft", "weight": 3.0},
         "kind": {"type": "need_served"}, "explanation": {"da": "{needs}", "en": "{needs}"}},
        {"id": "s-dist", "strength": {"type": "soft", "weight": 1.0},
         "kind": {"type": "distance", "max_km": 10.5},
         "explanation": {"da": "{distance_km} km", "en": "{distance_km} km"}},
        {"id": "s-time", "strength": {"type": "soft", "weight": 1.0},
         "kind": {"type": "availability_overlap", "min_slots": 1},
         "explanation": {"da": "{slots}", "en": "{slots}"}},
    ],
}

LANGS = ["da", "ar", "en", "ti", "prs", "so"]
LEVELS = ["a2", "b1", "c1", "native"]
NEEDS = ["social_network", "language_practice", "homework_help", "job_or_internship",
         "childrens_leisure", "womens_group", "practical_help"]
DAYS = ["monday", "wednesday", "saturday"]


def profile_frames(n: int, m: int, seed: int = 7) -> tuple[Any, Any]:
    """Households and offers over a 300 × 300 km square as DataFrames with flat lat/lon
    columns, the shape the benchmarks in Rust use (``crates/core/benches/instances``)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    arrival = dt.date(2024, 1, 1)

    def slots(k: int) -> list[list[dict[str, str]]]:
        d = rng.integers(0, 3, size=(k, 3))
        return [[{"day": DAYS[x], "time": "evening"} for x in sorted(set(row))] for row in d.tolist()]

    native = rng.integers(0, 6, size=n).tolist()
    en = rng.integers(0, 4, size=n).tolist()
    needs = rng.integers(0, 7, size=(n, 2)).tolist()
    waiting = rng.integers(0, 200, size=n).tolist()
    newcomers = pd.DataFrame({
        "id": [f"nc-{i}" for i in range(n)],
        "arrival": [arrival.isoformat()] * n,
        "waiting_since": [(arrival - dt.timedelta(days=w)).isoformat() for w in waiting],
        "lat": 54.8 + 2.7 * rng.random(n),
        "lon": 8.2 + 4.4 * rng.random(n),
        "languages": [[{"language": LANGS[a], "level": "native"}, {"language": "en", "level": LEVELS[b]}]
                      for a, b in zip(native, en)],
        "needs": [sorted({NEEDS[a], NEEDS[b]}) for a, b in needs],
        "availability": slots(n),
    })
    other = rng.integers(0, 6, size=m).tolist()
    lvl = rng.integers(0, 4, size=(m, 2)).tolist()
    serves = rng.integers(0, 7, size=(m, 3)).tolist()
    offers = pd.DataFrame({
        "id": [f"o-{j}" for j in range(m)],
        "kind": ["contact_person"] * m,
        "title": ["Tilbud"] * m,
        "capacity": rng.integers(1, 4, size=m),
        "lat": 54.8 + 2.7 * rng.random(m),
        "lon": 8.2 + 4.4 * rng.random(m),
        "languages": [[{"language": "da", "level": "native"},
                       {"language": LANGS[a], "level": LEVELS[b]},
                       {"language": "en", "level": LEVELS[c]}]
                      for a, (b, c) in zip(other, lvl)],
        "serves": [sorted({NEEDS[x] for x in row}) for row in serves],
        "availability": slots(m),
    })
    return newcomers, offers


# ----------------------------------------------------------------------------------------------
# Running and reporting.


def best_of(repeat: int, f: Callable[[], Any]) -> tuple[float, Any]:
    best = math.inf
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - t)
    return best, result


def seconds(t: float) -> str:
    """A time in seconds with at least two significant digits (sub-millisecond calls too)."""
    return f"{t:.4f}" if t >= 0.001 else f"{t:.6f}"


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, float, float, bool]] = []
        self.failed = False

    def add(self, case: str, size: str, peer: float, ours: float, agree: bool) -> None:
        self.rows.append((case, size, peer, ours, agree))
        self.failed |= not agree
        print(f"  {case:<44} {size:>13}  peer {peer:9.4f} s  ours {ours:9.4f} s  "
              f"x{peer / ours:8.1f}  {'agree' if agree else 'DISAGREE'}", flush=True)

    def markdown(self) -> str:
        out = ["| case | size | peer (s) | brobygger (s) | peer / brobygger | results |",
               "|---|---|---:|---:|---:|---|"]
        for case, size, peer, ours, agree in self.rows:
            out.append(f"| {case} | {size} | {seconds(peer)} | {seconds(ours)} | {peer / ours:.1f}× | "
                       f"{'identical' if agree else 'DIFFERENT'} |")
        return "\n".join(out)


def slope(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def run_stable(table: Table, sizes: list[int]) -> list[tuple[int, float, float]]:
    print("\n== stable matching, hospital/resident (matching 1.4.3 vs brobygger)", flush=True)
    growth = []
    for n in sizes:
        res, hos, caps = hr_instance(n)
        for side in ["residents", "hospitals"]:
            # `matching` takes minutes at 50,000 residents: one run of it there.
            tp, peer = best_of(1 if n > 3000 else 2, lambda: hr_peer(res, hos, caps, side))
            to, ours = best_of(5, lambda: hr_ours(res, hos, caps, side))
            table.add(f"stable, {side}-optimal", f"{n} residents", tp, to, peer == ours)
            if side == "residents":
                growth.append((n, tp, to))
    return growth


def run_dense(table: Table, square: list[int], quick: bool) -> list[tuple[int, float, float]]:
    print("\n== dense assignment (scipy 1.17.1 vs brobygger)", flush=True)
    import numpy as np  # noqa: F401

    growth = []
    big = square[-1]
    cases = [(big, big, "int", False), (big, big, "int", True), (big, big, "float", False),
             (big, big, "float", True), (big // 2, big, "int", False), (big, big // 2, "float", True)]
    for rows, cols, kind, maximize in cases:
        c = dense_instance(rows, cols, kind)
        tp, peer = best_of(3, lambda: dense_peer(c, maximize))
        to, ours = best_of(3, lambda: dense_ours(c, maximize))
        what = f"dense, {kind}, {'maximise' if maximize else 'minimise'}"
        table.add(what, f"{rows}x{cols}", tp, to, totals_agree(peer, ours))
    for n in square:
        c = dense_instance(n, n, "int", seed=11)
        tp, peer = best_of(3, lambda: dense_peer(c, False))
        to, ours = best_of(3, lambda: dense_ours(c, False))
        growth.append((n, tp, to))
        if not totals_agree(peer, ours):
            table.add("dense growth", f"{n}x{n}", tp, to, False)
    # What converting a numpy array costs on our side (it crosses as float64 bytes).
    c = dense_instance(big, big, "float")
    conv, _ = best_of(5, lambda: np.ascontiguousarray(c, dtype=np.float64).tobytes())
    print(f"  conversion of a {big}x{big} array to bytes: {conv * 1000:.1f} ms", flush=True)
    return growth


def run_shapes(table: Table, sizes: list[int]) -> None:
    """Every shape and dtype in one run (issue 22): square n x n, wide n/10 x n, tall n x n/10,
    integer and float, minimise, n from 500 to 5000; ratio = scipy's time / ours."""
    print("\n== dense assignment, every shape and dtype (scipy 1.17.1 vs brobygger)", flush=True)
    for n in sizes:
        for rows, cols, shape in [(n, n, "square"), (n // 10, n, "wide"), (n, n // 10, "tall")]:
            for kind in ["int", "float"]:
                c = dense_instance(rows, cols, kind, seed=n + rows)
                # Sub-millisecond calls need more tries for a best time that is the solver's,
                # not the scheduler's.
                cells = rows * cols
                repeat = 50 if cells <= 100_000 else 10 if cells <= 4_000_000 else 2
                tp, peer = best_of(repeat, lambda: dense_peer(c, False))
                to, ours = best_of(repeat, lambda: dense_ours(c, False))
                table.add(f"dense {shape}, {kind}, minimise", f"{rows}x{cols}", tp, to, totals_agree(peer, ours))
                print(f"  {shape} {kind} {rows}x{cols}: scipy {tp:.4f} s, brobygger {to:.4f} s, "
                      f"{tp / to:.2f}x", flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_overhead(n: int, m: int) -> dict[str, float]:
    import brobygger as bb

    print(f"\n== binding overhead: {n:,} newcomers x {m:,} offers from DataFrames", flush=True)
    newcomers, offers = profile_frames(n, m)
    rules = bb.RuleSet.from_dict(BENCH_RULES)
    day = dt.date(2024, 6, 1)

    # The Python call is: read the DataFrames (into Rust), run, fetch the pairs. The run is the
    # same Rust work as a run on profiles read before, so the machine's noise (other jobs on
    # two shared cores move a run by a second or more) is kept out by timing each part on its
    # own, interleaved, best of three: the overhead is what the Python call adds to the run.
    p = bb.profiles(newcomers, offers)
    t_convert = t_pairs = t_run = t_rust = math.inf
    for _ in range(3):
        t, q = best_of(1, lambda: bb.profiles(newcomers, offers))
        t_convert = min(t_convert, t)
        t, run_py = best_of(1, lambda: q.run(rules, day))
        t_run = min(t_run, t)
        t, pairs = best_of(1, run_py.pairs)
        t_pairs = min(t_pairs, t)
        t, run_rust = best_of(1, lambda: p.run(rules, day))
        t_rust = min(t_rust, t)
    assert run_py == run_rust
    work = min(t_run, t_rust)
    t_py = t_convert + work + t_pairs
    # The GIL: while a run goes on in a thread, this thread keeps counting.
    count = 0
    done = threading.Event()

    def worker() -> None:
        p.run(rules, day)
        done.set()

    t = threading.Thread(target=worker)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        count += 1
    t.join()
    elapsed = time.perf_counter() - start
    stats = run_rust.statistics
    out = {
        "python_s": t_py,
        "rust_s": work,
        "overhead": (t_convert + t_pairs) / work,
        "matched": float(stats["matched"]),
        "candidate_pairs": float(stats["candidate_pairs"]),
        "gil_loops_per_s": count / elapsed,
        "peak_rss_mb": peak_rss_mb(),
    }
    out["convert_s"] = t_convert
    print(f"  the run in Rust: {work:.3f} s (best of 6; on fresh profiles {t_run:.3f} s, on profiles "
          f"read before {t_rust:.3f} s)", flush=True)
    print(f"  the Python call adds: reading the DataFrames {t_convert:.3f} s, fetching the pairs "
          f"{t_pairs:.3f} s; overhead {out['overhead'] * 100:.1f}% "
          f"(the call: {t_py:.3f} s)", flush=True)
    print(f"  {stats['matched']:,} matched of {n:,}; {stats['candidate_pairs']:,} candidate pairs; "
          f"{len(pairs):,} pairs returned", flush=True)
    print(f"  GIL released while solving: the main thread looped {count / elapsed:,.0f} times/s "
          f"during a run", flush=True)
    print(f"  peak RSS of this process so far: {out['peak_rss_mb']:.0f} MB", flush=True)
    return out


def machine() -> str:
    lines = []
    try:
        cpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in cpu.splitlines():
            if line.split(":")[0].strip() in ("Model name", "CPU(s)", "Thread(s) per core"):
                lines.append(" ".join(line.split()))
    except OSError:
        pass
    try:
        mem = Path("/proc/meminfo").read_text().splitlines()[0]
        lines.append(" ".join(mem.split()))
    except OSError:
        pass
    lines.append(f"load average at start: {os.getloadavg()[0]:.2f}")
    lines.append(f"Python {sys.version.split()[0]}")
    return "; ".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes")
    ap.add_argument("--shapes", action="store_true",
                    help="only the dense table of every shape and dtype, 500 to 5000 (~5 min)")
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-setup", action="store_true",
                    help="use the current interpreter as it is (peers and brobygger installed)")
    args = ap.parse_args()
    if not args.inside and not args.no_setup:
        setup_and_reexec([a for a in sys.argv[1:]])
    import brobygger
    import matching
    import numpy
    import scipy

    print(f"machine: {machine()}")
    print(f"versions: brobygger {brobygger.__version__}, matching {matching.__version__}, "
          f"scipy {scipy.__version__}, numpy {numpy.__version__}")
    table = Table()
    if args.shapes:
        run_shapes(table, [500, 1000, 2000, 5000])
        print("\n== results\n")
        print(table.markdown())
        return 1 if table.failed else 0
    stable_sizes = [1000, 3000] if args.quick else [1000, 3000, 10000, 30000, 50000]
    dense_sizes = [250, 500, 1000] if args.quick else [250, 500, 1000, 2000]
    stable_growth = run_stable(table, stable_sizes)
    dense_growth = run_dense(table, dense_sizes, args.quick)
    overhead = run_overhead(*((10_000, 2_000) if args.quick else (100_000, 20_000)))

    print("\n== results\n")
    print(table.markdown())
    print("\n== growth with size (best-of times; slope of log time against log size)\n")
    print("| solver | size | peer (s) | brobygger (s) |")
    print("|---|---:|---:|---:|")
    for n, tp, to in stable_growth:
        print(f"| stable, residents-optimal | {n} residents | {tp:.4f} | {to:.4f} |")
    for n, tp, to in dense_growth:
        print(f"| dense, int, minimise | {n}x{n} | {tp:.4f} | {to:.4f} |")
    for name, g in [("stable", stable_growth), ("dense", dense_growth)]:
        sizes = [float(x[0]) for x in g]
        print(f"\n{name}: slope peer {slope(sizes, [x[1] for x in g]):.2f}, "
              f"brobygger {slope(sizes, [x[2] for x in g]):.2f}")
    print(f"\nbinding overhead: {overhead['overhead'] * 100:.1f}% "
          f"({overhead['python_s']:.3f} s for the Python call from DataFrames vs "
          f"{overhead['rust_s']:.3f} s for the run in Rust)")
    if table.failed:
        print("\nFAILED: some results disagree")
        return 1
    print("\nall results agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
