#!/usr/bin/env python3
"""The national benchmark (issue 22): every municipality's households matched with its offers.

Synthetic, fixed seed: households and offers spread over 98 municipalities (sizes drawn from a
skewed distribution, as Danish municipalities are: a few large, many small), each municipality a
~30 × 30 km area of its own, profiles as in ``benches/compare.py`` (languages, needs,
availability), the benchmark rule set (shared language, distance ≤ 10.5 km, need served, three
soft rules). Three ways to run the same groups:

- ``single``: :func:`brobygger.match_groups` in this process, one municipality after another;
- ``dask``: :func:`brobygger.dask.match_groups` on a ``distributed.LocalCluster`` of 2 worker
  processes (one thread each);
- ``spark``: :func:`brobygger.spark.match_groups` on PySpark in ``local[2]`` mode.

Each prints its wall time, the peak memory (the process's, or the sum over the workers' peaks
for Dask; the Python side only for Spark: the JVM is reported separately), the cost per
household and checks that the tables equal the single-process run's.

    python3 benches/national.py single --households 1000000 --offers 200000
    python3 benches/national.py dask --households 1000000 --offers 200000
    python3 benches/national.py spark --households 1000000 --offers 200000

It runs in the benchmarks' own virtual environment (``target/bench-venv``, shared with
``benches/compare.py``), which it creates, fills (pandas, pyarrow, Dask; PySpark for ``spark``)
and builds brobygger into in release mode; ``--no-setup`` uses the current interpreter as it is.

On a real cluster only the scheduler's address changes (``--scheduler tcp://host:8786`` for
Dask; ``--master spark://host:7077`` for Spark).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2024, 6, 1)
VENV = ROOT / "target" / "bench-venv"
NEEDS = ["numpy==2.4.6", "pandas==3.1.1", "maturin==1.16.0", "pyarrow==26.0.1", "dask[dataframe]==2026.8.0",
         "distributed==2026.8.0"]
SPARK = ["py4j==0.10.9.9", "pyspark==4.3.0"]


def setup_and_reexec(argv: list[str], spark: bool) -> None:
    """Into the bench venv with what the engine needs and brobygger built in release mode."""
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    want = NEEDS + (SPARK if spark else [])
    marker = VENV / (".national-spark" if spark else ".national")
    if not marker.exists() or marker.read_text() != " ".join(want):
        print("== installing " + " ".join(want), flush=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *want], check=True)
        marker.write_text(" ".join(want))
    print("== building brobygger (release) into the bench venv", flush=True)
    env = dict(os.environ, VIRTUAL_ENV=str(VENV))
    subprocess.run([str(VENV / "bin" / "maturin"), "develop", "--release", "--locked", "-q"],
                   cwd=ROOT / "crates" / "py", env=env, check=True)
    os.execv(str(py), [str(py), __file__, "--no-setup", *argv])


def _compare() -> Any:
    spec = importlib.util.spec_from_file_location("bench_compare", ROOT / "benches" / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Denmark's land area. Each municipality's area is its share of it, so households and offers
# are as dense everywhere: a municipality with a tenth of the
# households has a tenth of the area, as a city has its people closer together than its land.
AREA_KM2 = 43_000.0
# Offers within reach of a household, on average, before the language and need rules: the
# size table's 100,000-household instance has ~77 (10.5 km at its density), ~49 of them candidates.
IN_REACH = 77.0


def radius_km(offers: int) -> float:
    """The distance rules' radius that keeps ``IN_REACH`` offers within reach at the national
    density (2.3 km for 200,000 offers, 7.3 km for 20,000)."""
    return math.sqrt(IN_REACH / (math.pi * offers / AREA_KM2))


def rules(offers: int) -> dict[str, Any]:
    """The benchmark rule set of ``benches/compare.py`` with its radius set for the density."""
    out = json.loads(json.dumps(_compare().BENCH_RULES))
    for rule in out["rules"]:
        if rule["kind"]["type"] == "distance":
            rule["kind"]["max_km"] = round(radius_km(offers), 2)
    return out


def national_frames(households: int, offers: int, municipalities: int = 98, seed: int = 22) -> tuple[Any, Any]:
    """Households and offers as pandas DataFrames with a ``municipality`` column (``k001`` ...).

    Municipality sizes are skewed as Danish municipalities are (a few large, many small: Pareto
    weights); each municipality is a square whose area is its share of ``AREA_KM2``, centred on
    a cell of a 14 × 7 grid over Denmark's latitudes, and a profile's municipality is drawn by
    those weights for households and offers alike."""
    import numpy as np

    compare = _compare()
    newcomers, places = compare.profile_frames(households, offers, seed=seed)
    rng = np.random.default_rng(seed + 1)
    weights = rng.pareto(1.5, size=municipalities) + 0.2
    weights = weights / weights.sum()
    names = np.array([f"k{i + 1:03d}" for i in range(municipalities)])
    side_km = np.sqrt(weights * AREA_KM2)
    lat0 = 54.6 + (np.arange(municipalities) // 14) * 0.27
    lon0 = 8.0 + (np.arange(municipalities) % 14) * 0.45

    def place(frame: Any) -> Any:
        k = rng.choice(municipalities, size=len(frame), p=weights)
        frame = frame.copy()
        frame["municipality"] = names[k]
        # km to degrees near 56° N: 111 km per degree of latitude, 62 per degree of longitude.
        frame["lat"] = lat0[k] + side_km[k] * rng.random(len(frame)) / 111.0
        frame["lon"] = lon0[k] + side_km[k] * rng.random(len(frame)) / 62.0
        return frame

    return place(newcomers), place(places)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sorted(t: Any) -> Any:
    cols = [c for c in ["municipality", "newcomer"] if c in t.columns]
    return t.sort_values(cols, kind="stable").reset_index(drop=True)


def same(a: Any, b: Any) -> bool:
    import pandas as pd

    for x, y in zip(a, b):
        try:
            pd.testing.assert_frame_equal(_sorted(x), _sorted(y), check_dtype=False)
        except AssertionError:
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=["single", "dask", "spark"])
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--offers", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", default=None, help="a Dask scheduler's address (default: a LocalCluster)")
    parser.add_argument("--master", default=None, help="a Spark master (default: local[WORKERS])")
    parser.add_argument("--check", action="store_true", help="also run in one process and compare")
    parser.add_argument("--no-setup", action="store_true", help="use the current interpreter as it is")
    args = parser.parse_args()
    if not args.no_setup:
        setup_and_reexec(sys.argv[1:], args.engine == "spark")
    import brobygger as bb

    t0 = time.perf_counter()
    newcomers, offers = national_frames(args.households, args.offers)
    made = time.perf_counter() - t0
    print(f"instance: {args.households} households x {args.offers} offers in "
          f"{newcomers['municipality'].nunique()} municipalities, radius {radius_km(args.offers):.2f} km, "
          f"generated in {made:.1f} s")
    start = time.perf_counter()
    extra = ""
    if args.engine == "single":
        tables = bb.match_groups(newcomers, offers, rules(args.offers), AS_OF, by="municipality")
        peak = peak_mb()
    elif args.engine == "dask":
        import dask
        import dask.dataframe as dd
        from distributed import Client, LocalCluster

        import brobygger.dask as bbd

        cluster = None if args.scheduler else LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with Client(args.scheduler or cluster) as client:
            start = time.perf_counter()
            with dask.config.set({"dataframe.convert-string": False}):
                h = dd.from_pandas(newcomers, npartitions=args.workers * 4)
                o = dd.from_pandas(offers, npartitions=args.workers)
            lazy = bbd.match_groups(h, o, rules(args.offers), AS_OF, by="municipality", npartitions=args.workers * 4)
            tables = bb.MatchTables(*dask.compute(*lazy))
            elapsed = time.perf_counter() - start
            worker_peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            peak = peak_mb() + sum(worker_peaks.values())
            extra = f" (client {peak_mb():.0f} MB + workers {', '.join(f'{v:.0f}' for v in worker_peaks.values())} MB)"
        if cluster is not None:
            cluster.close()
        start = time.perf_counter() - elapsed
    else:
        import pyarrow as pa
        from pyspark.sql import SparkSession

        import brobygger.spark as bbs

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        spark = (SparkSession.builder.master(args.master or f"local[{args.workers}]")
                 .config("spark.sql.shuffle.partitions", str(args.workers * 4))
                 .config("spark.driver.memory", "4g").getOrCreate())
        ready = time.perf_counter()
        h = spark.createDataFrame(pa.Table.from_pandas(newcomers, preserve_index=False))
        o = spark.createDataFrame(pa.Table.from_pandas(offers, preserve_index=False))
        lazy = bbs.match_groups(h, o, rules(args.offers), AS_OF, by="municipality")
        tables = bb.MatchTables(*(t.toPandas() for t in lazy))
        peak = peak_mb()
        extra = f" (Python side; JVM start {ready - start:.1f} s included)"
        spark.stop()
    elapsed = time.perf_counter() - start
    matched = len(tables.matches)
    print(f"{args.engine}: {elapsed:.1f} s, peak {peak:.0f} MB{extra}; {matched} matched, "
          f"{len(tables.unmatched)} unmatched, {len(tables.statistics)} municipalities; "
          f"{elapsed / args.households * 1e6:.1f} µs per household")
    if args.check and args.engine != "single":
        want = bb.match_groups(newcomers, offers, rules(args.offers), AS_OF, by="municipality")
        ok = same(tables, want)
        print("identical to the single-process run:", ok)
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
