"""Time `casestaff due` end to end against a plain libyaml load of the same files, in one run.

    python benchmarks/run.py [--repeat 5] [--sizes 10000,150] [--shape generator|samples|both]

B(N) is the wall time of a minimal Python script (interpreter start included) that loads the
same N files one by one with PyYAML's libyaml `CSafeLoader`. Runs are interleaved and the
median of each is reported with its ratio to B(N), against the targets of issue 11:

  cold        `casestaff due` on fresh files, empty cache             <= 0.55 x B(10,000)
  warm        the same command again, nothing changed (stored answer) <= 0.03 x B(10,000)
  next day    every file unchanged, a new as-of date                  <= 0.25 x B(10,000)
  cold        a 150-case caseload                                     <= 1.5  x B(150)

Also shown, without a target: `warm index`, the same answer asked with other words (an explicit
--within 14), so the stored answer does not serve it and the cache index does. Both data shapes
(generate.py): the generator's synthetic files and a sample-shaped caseload (copies of
sample_cases/). Each cold and next-day run's peak memory is shown too (<= 250 MB at 50,000
files: `--sizes 50000`). Then start-up: `python -c pass`, `import yaml`, `casestaff --help`,
`casestaff programs` (answered from its stored answer, and its first run on an empty cache; each
<= 0.1 s) and `casestaff due` on an empty folder.

The machine's noise is real: read medians and ratios, not single runs.
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

from generate import SHAPES, generate_shape  # noqa: E402

BASELINE = """
import os, sys, yaml
from yaml import CSafeLoader
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as handle:
        yaml.load(handle.read(), Loader=CSafeLoader)
"""

TARGETS = {("cold", 10000): 0.55, ("warm", 10000): 0.03, ("next day", 10000): 0.25, ("cold", 150): 1.5}
START_UP_TARGET = 0.1
"""Seconds of wall for `--help` and `programs` (issue 11)."""
PEAK_TARGET_MB, PEAK_AT = 250, 50_000
"""Peak memory of `casestaff due` on 50,000 files (issue 11): run with --sizes 50000 to check it."""


def casestaff_command() -> list[str]:
    script = Path(sys.executable).with_name("casestaff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "casestaff"]


PEAK: dict[tuple[str, int, str], list[float]] = {}
"""Peak resident memory (MB) of the biggest process of each run, where the system says (os.wait4)."""


def timed(command: list[str], env: dict[str, str], peak: tuple[str, int, str] | None = None, cwd: Path | None = None) -> float:
    """Wall seconds of one run (in `cwd`, if given); with `peak`, its peak memory is kept under that name too."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    if hasattr(os, "wait4"):
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = 0  # reaped here: Popen must not wait for it again
        if peak is not None:  # ru_maxrss: kilobytes on Linux, bytes on macOS
            PEAK.setdefault(peak, []).append(usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))
    else:  # pragma: no cover - Windows
        process.wait()
    return time.perf_counter() - start


def caseload(folder: Path, size: int, shape: str) -> None:
    """The benchmark's files, made once (and left to age: the cache and the stored answer never
    trust a file changed within 2 s of a run)."""
    if not folder.exists() or len(list(folder.iterdir())) != size:
        shutil.rmtree(folder, ignore_errors=True)
        generate_shape(folder, size, shape)
        time.sleep(2.1)


def shape_rows(casestaff: list[str], folder: Path, size: int, shape: str, repeat: int) -> None:
    kb = sum(p.stat().st_size for p in folder.iterdir()) / size / 1024
    due = [*casestaff, "due", str(folder), "--as-of", "2026-12-01"]
    index = [*due, "--within", "14"]
    next_day = [*casestaff, "due", str(folder), "--as-of", "2026-12-02"]
    times: dict[str, list[float]] = {"B": [], "cold": [], "warm": [], "warm index": [], "next day": []}
    for _ in range(repeat):
        cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
        env = {**os.environ, "CASESTAFF_CACHE_DIR": cache}
        times["B"].append(timed([sys.executable, "-c", BASELINE, str(folder)], env))
        times["cold"].append(timed(due, env, peak=(shape, size, "cold")))
        times["warm"].append(timed(due, env))
        times["warm index"].append(timed(index, env))
        times["next day"].append(timed(next_day, env, peak=(shape, size, "next day")))
        shutil.rmtree(cache, ignore_errors=True)
    base = statistics.median(times["B"])
    print(f"\nN = {size} files, shape {shape}, {kb:.2f} KB each")
    print(f"  {'run':<10} {'median s':>9} {'x B(N)':>8}  target")
    for name, values in times.items():
        median = statistics.median(values)
        target = TARGETS.get((name, size))
        verdict = "" if target is None else f"<= {target} x  {'ok' if median / base <= target else 'MISSED'}"
        print(f"  {name:<10} {median:>9.3f} {median / base:>8.2f}  {verdict}")
    for name in ("cold", "next day"):
        peaks = PEAK.get((shape, size, name))
        if peaks:
            verdict = f"<= {PEAK_TARGET_MB} MB at {PEAK_AT:,} files" if size == PEAK_AT else f"(target {PEAK_TARGET_MB} MB at {PEAK_AT:,} files)"
            print(f"  peak memory, {name}: {statistics.median(peaks):.0f} MB  {verdict}")


def start_up_rows(casestaff: list[str], repeat: int) -> None:
    """What every command pays before it reads a file, beside Python's own start."""
    empty = Path(tempfile.mkdtemp(prefix="casestaff-bench-empty-"))
    cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
    env = {**os.environ, "CASESTAFF_CACHE_DIR": cache}
    runs = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import yaml": [sys.executable, "-c", "import yaml"],
        "--help": [*casestaff, "--help"],
        "programs": [*casestaff, "programs"],
        "programs (first run)": [*casestaff, "programs"],
        "due (empty folder)": [*casestaff, "due", str(empty), "--as-of", "2026-12-01"],
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(max(repeat, 5)):
        for name, command in runs.items():
            if name.endswith("(first run)"):  # an empty cache: no stored answer serves it
                fresh = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
                times[name].append(timed(command, {**env, "CASESTAFF_CACHE_DIR": fresh}))
                shutil.rmtree(fresh, ignore_errors=True)
            else:
                times[name].append(timed(command, env))
    print("\nstart-up")
    print(f"  {'run':<20} {'median s':>9}  target")
    for name, values in times.items():
        median = statistics.median(values)
        verdict = f"<= {START_UP_TARGET} s  {'ok' if median <= START_UP_TARGET else 'MISSED'}" if name in ("--help", "programs", "programs (first run)") else ""
        print(f"  {name:<20} {median:>9.3f}  {verdict}")
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(empty, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="10000,150")
    parser.add_argument("--shape", choices=(*SHAPES, "both"), default="both")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--no-start-up", action="store_true", help="Skip the start-up lines.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = SHAPES if args.shape == "both" else (args.shape,)
    casestaff = casestaff_command()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {args.repeat} interleaved runs; medians")
    for size in sizes:
        for shape in shapes:
            folder = args.data / (f"cases-{size}" if shape == "generator" else f"samples-{size}")
            caseload(folder, size, shape)
            shape_rows(casestaff, folder, size, shape, args.repeat)
    if not args.no_start_up:
        start_up_rows(casestaff, args.repeat)


if __name__ == "__main__":
    main()
