"""A command that writes a document per participant does not keep every document it wrote:
`agenda --due --format docx` on a large caseload must not run out of memory (the cycle
collector is on while a command runs; cli/main.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ..conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import sample_shaped

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="peak memory read from resource, POSIX only")

PEAK = textwrap.dedent(
    """
    import json, resource, sys
    from casestaff.cli.main import main
    sys.argv = ["casestaff", *json.loads(sys.argv[1])]
    try:
        main()
    except SystemExit:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write("\\nPEAK %d\\n" % (peak if sys.platform == "darwin" else peak * 1024))
    """
)


def _peak_writing_agendas(cases: Path, out: Path, tmp_path: Path) -> int:
    args = ["agenda", "--due", str(cases), "--as-of", "2026-12-01", "--out-dir", str(out), "--format", "docx"]
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", PEAK, json.dumps(args)], capture_output=True, text=True, env=env, timeout=300)
    assert list(out.glob("*.docx")), done.stderr
    return int(done.stderr.rsplit("PEAK ", 1)[1])


def test_writing_more_docx_agendas_does_not_keep_each_one(tmp_path: Path) -> None:
    few, many = tmp_path / "few", tmp_path / "many"
    sample_shaped(few, 12)
    sample_shaped(many, 48)
    small = _peak_writing_agendas(few, tmp_path / "out-few", tmp_path)
    large = _peak_writing_agendas(many, tmp_path / "out-many", tmp_path)
    written = len(list((tmp_path / "out-many").glob("*.docx"))) - len(list((tmp_path / "out-few").glob("*.docx")))
    assert written >= 20
    # Each docx agenda left some 5 MB of cyclic garbage behind while the collector was off.
    assert (large - small) / written < 1_000_000, f"{(large - small) / written / 1e6:.1f} MB more per agenda"
