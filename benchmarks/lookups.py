"""Time finding one case by id, and writing the agendas of everyone due, against B(N), in one run.

    python benchmarks/lookups.py [--repeat 3] [--size 10000] [--shape generator|samples|both]

Issue 11's targets, each repetition with a fresh, empty cache folder:

  find by id     `casestaff history CASE_ID` in a workspace whose casestaff.toml names the
                 case folder, on an empty cache: the case is found from a scan of the files'
                 bytes and only the files that may hold the id are read      <= 0.15 x B(N)
  agenda --due   `casestaff agenda --due --out-dir DIR` on an empty cache, divided by the
                 number of agendas it wrote (one per participant on the list)   <= 5 ms each

B(N) is run.py's: a minimal script loading the same N files with libyaml's CSafeLoader.
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
from run import BASELINE, caseload, casestaff_command, timed  # noqa: E402

AS_OF = "2026-12-01"
FIND_TARGET = 0.15
AGENDA_TARGET_MS = 5.0


def middle_case_id(folder: Path) -> str:
    """The case id of the file in the middle of the folder (by name): neither first nor last read."""
    names = sorted(p for p in folder.iterdir() if p.suffix == ".yaml")
    for line in names[len(names) // 2].read_text(encoding="utf-8").splitlines():
        if line.startswith("case_id:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    raise SystemExit(f"no case_id in {names[len(names) // 2]}")


def shape_rows(casestaff: list[str], folder: Path, size: int, shape: str, repeat: int) -> None:
    workspace = Path(tempfile.mkdtemp(prefix="casestaff-bench-workspace-"))
    (workspace / "casestaff.toml").write_text(f'cases = "{folder.as_posix()}"\n', encoding="utf-8")
    case_id = middle_case_id(folder)
    find = [*casestaff, "history", case_id, "--as-of", AS_OF]
    times: dict[str, list[float]] = {"B": [], "find by id": [], "agenda --due": []}
    written: list[int] = []
    for _ in range(repeat):
        cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
        out = Path(tempfile.mkdtemp(prefix="casestaff-bench-agendas-"))
        env = {**os.environ, "CASESTAFF_CACHE_DIR": cache}
        times["B"].append(timed([sys.executable, "-c", BASELINE, str(folder)], env))
        times["find by id"].append(timed(find, env, cwd=workspace))
        shutil.rmtree(cache, ignore_errors=True)
        cache = tempfile.mkdtemp(prefix="casestaff-bench-cache-")
        agendas = [*casestaff, "agenda", "--due", str(folder), "--as-of", AS_OF, "--out-dir", str(out)]
        times["agenda --due"].append(timed(agendas, {**env, "CASESTAFF_CACHE_DIR": cache}))
        written.append(sum(1 for _ in out.rglob("*") if _.is_file()))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(workspace, ignore_errors=True)
    base = statistics.median(times["B"])
    find_s = statistics.median(times["find by id"])
    agenda_s = statistics.median(times["agenda --due"])
    count = max(statistics.median(written), 1)
    print(f"\nN = {size} files, shape {shape}")
    print(f"  B            {base:8.3f} s")
    verdict = "ok" if find_s / base <= FIND_TARGET else "MISSED"
    print(f"  find by id   {find_s:8.3f} s  {find_s / base:5.3f} x B   <= {FIND_TARGET} x  {verdict}")
    per = agenda_s / count * 1000
    verdict = "ok" if per <= AGENDA_TARGET_MS else "MISSED"
    print(f"  agenda --due {agenda_s:8.3f} s  {count:.0f} agendas, {per:.2f} ms each   <= {AGENDA_TARGET_MS} ms  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--shape", choices=(*SHAPES, "both"), default="both")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    casestaff = casestaff_command()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {args.repeat} runs; medians")
    for shape in SHAPES if args.shape == "both" else (args.shape,):
        folder = args.data / (f"cases-{args.size}" if shape == "generator" else f"samples-{args.size}")
        caseload(folder, args.size, shape)
        shape_rows(casestaff, folder, args.size, shape, args.repeat)


if __name__ == "__main__":
    main()
