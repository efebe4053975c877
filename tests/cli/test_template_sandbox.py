"""A user's agenda template reads the agenda's fields and the macros it imports, and nothing of
Python behind them -- also after the same fields were read many times (the sandbox remembers
its answer for a record's field, never for anything else)."""

from __future__ import annotations

import pytest

from casestaff.cli.main import app

from ..agenda_helpers import FIXTURES

LA = FIXTURES / "la-step-sanction.yaml"
FIELDS_FIRST = '{% import "agenda/macros.txt.j2" as m %}{% for _ in range(3) %}{{ agenda.case_id }} {{ m.value(agenda.background.goal) }}\n{% endfor %}'


def agenda_with(runner, tmp_path, template: str):
    folder = tmp_path / "t" / "agenda"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "la-step.txt.j2").write_text(template, encoding="utf-8")
    args = ["agenda", str(LA), "--as-of", "2026-11-23", "--format", "txt", "--templates", str(tmp_path / "t")]
    return runner.invoke(app, args)


def test_fields_and_macros_are_read(runner, tmp_path):
    result = agenda_with(runner, tmp_path, FIELDS_FIRST)
    assert result.exit_code == 3, result.output  # the fixture's agenda has a blocking check
    lines = result.stdout.splitlines()
    assert [line.startswith("LA-T-0001 Full-time work as a certified nursing assistant") for line in lines[:3]] == [True] * 3


@pytest.mark.parametrize(
    "reach",
    [
        "agenda.__class__",
        "agenda.case_id.__class__.__mro__",
        "agenda.background.__class__.__init__.__globals__",
        "agenda.__dataclass_fields__",
        "m.__dict__",
        "m.value._func",
        "agenda.background.goal.__class__",
        '"{0.__class__}".format(agenda)',
    ],
)
def test_python_behind_the_agenda_is_refused(runner, tmp_path, reach):
    result = agenda_with(runner, tmp_path, FIELDS_FIRST + "{{ " + reach + " }}\n")
    assert result.exit_code == 2, result.output
    assert "casestaff: agenda template:" in result.stderr
    assert "not allowed in a template" in result.stderr
