#!/usr/bin/env python3
"""How the sparse matching cost grows with size: the size table of BENCHMARKS.md.

    python3 benches/sizes.py                 # 1k, 3k, 10k, 30k, 100k households
    python3 benches/sizes.py 1000 10000      # chosen sizes

Builds `crates/core/examples/scale.rs` in release mode and runs it once per size, each in its
own process so that its peak memory (VmHWM) is that size's alone. Every instance has a fifth as
many offers as households and about 50 candidate pairs per household (the example shrinks the
radius as offers get denser), fixed seed. Prints the example's rows (a Markdown table), then
the log-log slope of each timed column between the smallest and the largest size: 1.0 means
the cost grows linearly with the number of households, 2.0 quadratically.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "| households × offers | radius | candidate pairs | generation, 1 thread | generation, 2 threads "
    "| greedy (s) | optimal (s) | optimal, paths only (s) | stable (s) | full run (s) | peak RSS |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)
# Columns of a row (after splitting on "|") holding a time in seconds, with their names.
TIMED = {4: "generation, 1 thread", 5: "generation, 2 threads", 6: "greedy", 7: "optimal",
         9: "stable", 10: "full run"}


def seconds(cell: str) -> float:
    return float(cell.strip().split()[0])


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 3_162, 10_000, 31_623, 100_000]
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "brobygger", "--example", "scale"],
        cwd=ROOT, check=True,
    )
    exe = ROOT / "target" / "release" / "examples" / "scale"
    print(HEADER, flush=True)
    rows: list[list[str]] = []
    for n in sizes:
        out = subprocess.run([str(exe), str(n)], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout.strip().splitlines()[-1]
        print(out, flush=True)
        rows.append(out.split("|"))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        span = math.log(sizes[-1] / sizes[0])
        print(f"\nlog-log slope from {sizes[0]:,} to {sizes[-1]:,} households:")
        for col, name in TIMED.items():
            a, b = seconds(first[col]), seconds(last[col])
            if a > 0 and b > 0:
                print(f"  {name}: {math.log(b / a) / span:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
