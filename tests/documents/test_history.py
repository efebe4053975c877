"""`casestaff history CASE`: the participant's whole timeline, newest first, as of a day."""

from __future__ import annotations

import pytest

from casestaff.cli.main import app

from ..conftest import SAMPLES

JOSE = """\
History of José Núñez (LA-ST-0101, la-step) as of 2026-12-01, newest first:
2026-11-18  sanction proposed: No participation in October and November without good cause (effective 2026-12-07)
2026-06-03  step done: Issue a monthly bus pass
2026-06-01  component started: Work experience with Example Community Pantry
2026-06-01  step done: Start work experience at the pantry
2026-05-29  component ended: Job search (last day)
2026-05-20  case-staffing held; present: KM (Coach), LR (Supervisor), JN (Participant); decision: Move from job search to work experience at the Example Community Pantry.
2026-05-20  step set: Start work experience at the pantry (participant, due 2026-06-01)
2026-05-20  step set: Issue a monthly bus pass (Coach, due 2026-06-05)
2026-02-23  component started: Job search
2026-02-09  enrolled in la-step
"""


@pytest.fixture(autouse=True)
def in_samples(monkeypatch):
    monkeypatch.chdir(SAMPLES)


def history(runner, *args: str):
    return runner.invoke(app, ["history", *args])


@pytest.mark.parametrize("case", ["José", "jose", "LA-ST-0101", "la-step-jose-nunez.yaml"])
def test_the_whole_timeline_newest_first(runner, case):
    result = history(runner, case, "--as-of", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == JOSE


def test_what_is_dated_after_the_as_of_day_is_not_known_yet(runner):
    result = history(runner, "José Núñez", "--as-of", "2026-05-20")
    assert result.exit_code == 0, result.output
    kept = [line for line in JOSE.splitlines()[1:] if line[:10] <= "2026-05-20"]
    heading = "History of José Núñez (LA-ST-0101, la-step) as of 2026-05-20, newest first:"
    assert result.stdout == "\n".join([heading, *kept]) + "\n"


def test_information_requested_and_received(runner):
    result = history(runner, "rosa", "--as-of", "2026-12-01")
    assert "2026-11-24  information received: Outcome of the in-person offsite visit\n" in result.stdout
    assert "2026-11-16  information requested: Child safety check\n" in result.stdout
    assert result.stdout.startswith("History of Rosa Delgado (OR-RE-0302, or-ssp-reengagement) as of 2026-12-01, newest first:\n")


def test_before_enrolment_nothing_is_recorded(runner):
    result = history(runner, "José", "--as-of", "2026-01-01")
    assert result.stdout == "History of José Núñez (LA-ST-0101, la-step) as of 2026-01-01, newest first:\n(nothing recorded yet)\n"


def test_a_part_of_several_names_is_refused(runner):
    result = history(runner, "lu", "--as-of", "2026-12-01")
    assert result.exit_code == 2
    assert result.stderr.startswith("casestaff: 'lu' is part of 2 participants' names;")
