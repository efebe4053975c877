"""Each program's agenda for a sample case, in every format, exactly as it was reviewed.

After an intended change: CASESTAFF_REGEN_SNAPSHOTS=1 python -m pytest tests/test_agenda_snapshots.py,
then read the diff of tests/snapshots/agenda/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casestaff.cli.main import app

from .agenda_helpers import FORMATS, check_html
from .conftest import SAMPLES

SNAPSHOTS = Path(__file__).parent / "snapshots" / "agenda"
SAMPLE_PER_PROGRAM = (
    "la-step-jose-nunez",
    "il-snap-et-luis-ortega",
    "or-ssp-reengagement-rosa-delgado",
    "fc-reintegration-lucia-ferreira",
    "or-ssp-case-management-owen-mcallister",
)


@pytest.mark.parametrize("sample", SAMPLE_PER_PROGRAM)
@pytest.mark.parametrize("fmt", FORMATS)
def test_agenda_matches_the_snapshot(runner, sample, fmt):
    result = runner.invoke(app, ["agenda", str(SAMPLES / f"{sample}.yaml"), "--as-of", "2026-11-23", "--format", fmt])
    assert result.exit_code in (0, 3), result.output
    snapshot = SNAPSHOTS / f"{sample}.{fmt}"
    if os.environ.get("CASESTAFF_REGEN_SNAPSHOTS"):
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(result.stdout, encoding="utf-8", newline="\n")
    if fmt == "html":
        check_html(result.stdout)
    expected = snapshot.read_text(encoding="utf-8") if snapshot.exists() else "(no snapshot yet)"
    assert result.stdout == expected, (
        f"the {fmt} agenda of {sample} changed; if that is intended, run"
        " CASESTAFF_REGEN_SNAPSHOTS=1 python -m pytest tests/test_agenda_snapshots.py and review the diff"
    )
