"""What no `casestaff due` can go below on this machine, set beside issue 11's cold targets.

    python benchmarks/floor.py [--repeat 7] [--sizes 150,10000] [--shape generator|samples|both]

A cold `due` must at least start Python, import PyYAML (a plain `due` is read without typer since
issue 11's seventh round: cli/quick.py), and turn every file into YAML nodes with libyaml (what files/yamlread.py does; B's own
loader does that and then builds Python values). This script measures those parts alone, with
nothing of casestaff imported:

  start     `python -c "import yaml"`, the garbage collector off as casestaff has it
            while importing (cli/launch.py); medians of interleaved runs, beside B(N);
  compose   libyaml composing each file's nodes in one process, no values built (the least
            any YAML reading here does), microseconds a file: the best of the repeats;
  floor     start + N x compose, in one process, and with the files split over the machine's
            cores (workers cost their start, measured here too: importing multiprocessing
            and a fork pool answering at once).

Everything else casestaff does -- its own modules, the packs, building the records, the rules,
the cache, the list -- comes on top. The floor's ratio to B(N) says how much of a target is
left for all of that; when it is above the target, no change inside casestaff meets it.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SHAPES  # noqa: E402
from run import BASELINE, TARGETS, caseload  # noqa: E402

START = "import gc; gc.disable(); import yaml"

POOL = """
import gc, sys, time
gc.disable()
started = time.perf_counter()
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
workers = int(sys.argv[1])
with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
    list(pool.map(abs, range(2 * workers)))
print(time.perf_counter() - started)
"""

MOST_WORKERS = 8
"""As many worker processes as casestaff starts at most (files/caseload.py, _run_tasks)."""


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _compose_us(folder: Path, repeat: int) -> float:
    """Microseconds a file for libyaml to compose its nodes (no tags resolved, no values built)."""
    from yaml._yaml import CParser

    class Nodes(CParser):  # as files/yamlread.py: implicit tags are not resolved
        def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def]
            return None

        def descend_resolver(self, current_node, current_index):  # type: ignore[no-untyped-def]
            pass

        def ascend_resolver(self):  # type: ignore[no-untyped-def]
            pass

    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())]
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            for text in texts:
                parser = Nodes(text)
                try:
                    parser.get_single_node()
                finally:
                    parser.dispose()
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best / len(texts) * 1e6


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="150,10000")
    parser.add_argument("--shape", choices=[*SHAPES, "both"], default="both")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    shapes = list(SHAPES) if args.shape == "both" else [args.shape]
    python = sys.executable
    workers = max(1, min(_cores(), MOST_WORKERS))
    pool = statistics.median(
        float(subprocess.run([python, "-c", POOL, str(workers)], check=True, capture_output=True, text=True).stdout) for _ in range(3)
    )
    print(f"{workers} workers; a fork pool of them costs {pool * 1000:.1f} ms to start and answer (median of 3)")
    for shape in shapes:
        for size in sizes:
            folder = args.data / (f"cases-{size}" if shape == "generator" else f"samples-{size}")
            caseload(folder, size, shape)
            starts, baselines = [], []
            for _ in range(args.repeat):
                starts.append(_wall([python, "-c", START]))
                baselines.append(_wall([python, "-c", BASELINE, str(folder)]))
            start, baseline = statistics.median(starts), statistics.median(baselines)
            compose = _compose_us(folder, max(3, args.repeat // 2))
            serial = start + size * compose / 1e6
            split = start + pool + size * compose / 1e6 / workers
            floor = min(serial, split)
            target = TARGETS.get(("cold", size))
            print(f"\nN = {size} files, shape {shape}")
            print(f"  B(N)                          {baseline:8.3f} s")
            print(f"  start (python, yaml)          {start:8.3f} s   {start / baseline:5.2f} x B")
            print(f"  compose                       {compose:8.1f} us a file")
            print(f"  floor, one process            {serial:8.3f} s   {serial / baseline:5.2f} x B")
            print(f"  floor, files over {workers} workers   {split:8.3f} s   {split / baseline:5.2f} x B")
            if target is not None:
                room = target * baseline - floor
                verdict = f"{room * 1000:.0f} ms left for everything else" if room > 0 else "below the floor: not reachable"
                print(f"  cold target {target} x B = {target * baseline:.3f} s: {verdict}")


if __name__ == "__main__":
    main()
