"""Time `casestaff due` end to end against a plain libyaml load of the same files, in one run.

    python benchmarks/run.py [--repeat 5] [--sizes 10000,150]

B(N) is the wall time of a minimal Python script (interpreter start included) that loads the
same N files one by one with PyYAML's libyaml `CSafeLoader`. Runs are interleaved and the
median of each is reported with its ratio to B(N), against the targets of issue 2:

  cold  `casestaff due` on fresh files, empty cache          <= 0.6 x B(10,000)
  warm  the same command again, nothing changed              <= 0.1 x B(10,000)
  cold  a 150-case caseload                                  <= 2   x B(150)

Also shown, without a target: a warm run for the next day (every file unchanged, every answer
recomputed from the cached cases). The machine's noise is real: read medians and ratios, not
single runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

BASELINE = """
import os, sys, yaml
from yaml import CSafeLoader
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as handle:
        yaml.load(handle.read(), Loader=CSafeLoader)
"""

TARGETS = {("cold", 10000): 0.6, ("warm", 10000): 0.1, ("cold", 150): 2.0}


def casestaff_command() -> list[str]:
    script = Path(sys.executable).with_name("casestaff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "casestaff"]


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="10000,150")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    casestaff = casestaff_command()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {args.repeat} interleaved runs; medians")
    rows = []
    for size in sizes:
        folder = args.data / f"cases-{size}"
        if not folder.exists() or len(list(folder.iterdir())) != size:
            shutil.rmtree(folder, ignore_errors=True)
            generate(folder, size)
            time.sleep(2.1)  # the cache never trusts a file modified within 2 s of reading it
        kb = sum(p.stat().st_size for p in folder.iterdir()) / size / 1024
        due = [*casestaff, "due", str(folder), "--as-of", "2026-12-01"]
        next_day = [*casestaff, "due", str(folder), "--as-of", "2026-12-02"]
        times: dict[str, list[float]] = {"B": [], "cold": [], "warm": [], "next day": []}
        for _ in range(args.repeat):
            cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
            env = {**os.environ, "CASESTAFF_CACHE_DIR": cache}
            times["B"].append(timed([sys.executable, "-c", BASELINE, str(folder)], env))
            times["cold"].append(timed(due, env))
            times["warm"].append(timed(due, env))
            times["next day"].append(timed(next_day, env))
            shutil.rmtree(cache, ignore_errors=True)
        base = statistics.median(times["B"])
        print(f"\nN = {size} files, {kb:.1f} KB each")
        print(f"  {'run':<10} {'median s':>9} {'x B(N)':>8}  target")
        for name, values in times.items():
            median = statistics.median(values)
            target = TARGETS.get((name, size))
            verdict = "" if target is None else f"<= {target} x  {'ok' if median / base <= target else 'MISSED'}"
            print(f"  {name:<10} {median:>9.3f} {median / base:>8.2f}  {verdict}")
            rows.append((size, name, median, median / base))


if __name__ == "__main__":
    main()
