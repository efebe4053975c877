"""Time the commands built on the due list against one cold `casestaff due`, in one run.

    python benchmarks/commands.py [--repeat 3] [--size 10000] [--shape generator|samples]

Issue 12 asks that the supervisor's 12-week trend (`casestaff report --weeks 12`) not cost 12 cold
loads: it reuses the cached cases. Each repetition, with a fresh cache folder:

  due              `casestaff due` on the caseload, empty cache (the unit: 1.00)
  report, after due `casestaff report --weeks 12`, the same morning, after that due run
  report again     the same report once more (its weeks' answers cached)
  report, cold     `casestaff report --weeks 12` on an empty cache
  calendar         `casestaff calendar` (the due list as .ics) after due, to a file

The median of each, and its ratio to the median cold `due`. Read ratios, not single runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SHAPES  # noqa: E402
from run import caseload, casestaff_command, timed  # noqa: E402

AS_OF = "2026-12-01"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--shape", choices=SHAPES, default="generator")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    folder = args.data / (f"cases-{args.size}" if args.shape == "generator" else f"samples-{args.size}")
    caseload(folder, args.size, args.shape)
    casestaff = casestaff_command()
    out = Path(tempfile.mkdtemp(prefix="casestaff-bench-out-"))
    due = [*casestaff, "due", str(folder), "--as-of", AS_OF]
    report = [*casestaff, "report", str(folder), "--as-of", AS_OF, "--weeks", "12", "--format", "csv"]
    calendar = [*casestaff, "calendar", str(folder), "--as-of", AS_OF, "--out", str(out / "due.ics")]
    times: dict[str, list[float]] = {"due": [], "report, after due": [], "report again": [], "report, cold": [], "calendar": []}
    for _ in range(args.repeat):
        cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
        data = tempfile.mkdtemp(prefix="casestaff-bench-data-")  # the calendar's memory of its exports
        env = {**os.environ, "CASESTAFF_CACHE_DIR": cache, "CASESTAFF_DATA_DIR": data}
        times["due"].append(timed(due, env))
        times["report, after due"].append(timed(report, env))
        times["report again"].append(timed(report, env))
        times["calendar"].append(timed(calendar, env))
        shutil.rmtree(cache, ignore_errors=True)
        cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
        times["report, cold"].append(timed(report, {**env, "CASESTAFF_CACHE_DIR": cache}))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    unit = statistics.median(times["due"])
    print(f"N = {args.size} files, shape {args.shape}; {args.repeat} interleaved runs; medians")
    print(f"  {'run':<18} {'median s':>9} {'x due':>7}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<18} {median:>9.3f} {median / unit:>7.2f}")


if __name__ == "__main__":
    main()
