"""CASE given as a participant's name: any unique part of it, case and accents ignored; a part
of several names is refused listing them (asked for only when a person is at the terminal)."""

from __future__ import annotations

import pytest

from casestaff.cli.main import app

from ..conftest import SAMPLES

AS_OF = "2026-12-01"


@pytest.fixture(autouse=True)
def in_samples(monkeypatch):
    monkeypatch.chdir(SAMPLES)


def agenda(runner, case: str):
    return runner.invoke(app, ["agenda", case, "--format", "txt", "--as-of", AS_OF])


@pytest.mark.parametrize("case", ["Rosa Delgado", "rosa", "ROSA  delgado", "Delga", "OR-RE-0302"])
def test_a_case_is_found_by_its_participants_name(runner, case):
    result = agenda(runner, case)
    assert "staffing of Rosa Delgado (OR-RE-0302, or-ssp-reengagement)" in result.stderr


@pytest.mark.parametrize("case", ["José", "jose", "Núñez", "nunez", "JOSE NUNEZ"])
def test_accents_are_ignored_either_way(runner, case):
    result = agenda(runner, case)
    assert "staffing of José Núñez (LA-ST-0101, la-step)" in result.stderr


def test_a_part_of_several_names_is_refused_listing_them(runner):
    result = agenda(runner, "lu")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "casestaff: 'lu' is part of 2 participants' names; give more of the name, the case id or the file:\n"
        "  Luis Ortega (IL-ET-0203, il-snap-et-luis-ortega.yaml)\n"
        "  Lúcia Ferreira (FC-RI-0402, fc-reintegration-lucia-ferreira.yaml)\n"
    )


def test_a_name_no_participant_has_is_refused(runner):
    result = agenda(runner, "Nobody Here")
    assert result.exit_code == 2
    assert "casestaff: no case file with case_id 'Nobody Here', nor a participant named so, in .;" in result.stderr


def test_narrate_takes_a_name_too(runner):
    by_name = runner.invoke(app, ["narrate", "josé", "--as-of", AS_OF])
    by_file = runner.invoke(app, ["narrate", "la-step-jose-nunez.yaml", "--as-of", AS_OF])
    assert by_name.exit_code == by_file.exit_code
    assert by_name.stdout == by_file.stdout
    assert by_name.stdout
