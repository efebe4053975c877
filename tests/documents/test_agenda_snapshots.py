"""Each program's agenda for a sample case, in every format, exactly as it was reviewed.

After an intended change: CASESTAFF_REGEN_GOLDEN=1 python -m pytest tests/documents/test_agenda_snapshots.py,
then read the diff of tests/snapshots/agenda/ before committing it.
"""

from __future__ import annotations


import pytest

from casestaff.cli.main import app

from ..agenda_helpers import FORMATS, check_html
from ..conftest import TESTS, SAMPLES, matches_golden

SNAPSHOTS = TESTS / "snapshots" / "agenda"
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
    if fmt == "html":
        check_html(result.stdout)
    matches_golden(SNAPSHOTS / f"{sample}.{fmt}", result.stdout, f"the {fmt} agenda of {sample}")
