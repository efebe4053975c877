"""Every problem the consistency checks find (what no valid case can say), each labelled with the
record and entry it is about: the labels are written out only for a problem found."""

from __future__ import annotations

from casestaff.cli.main import app

from .test_bad_input import AS_OF

EVERY_INCONSISTENCY = """\
case_id: LA-0009
program: la-step
worker: KM
participant:
  name: Casey Example
enrolled: 2026-03-01
components:
  - name: Job search
    start: 2026-03-10
  - name: Training
    start: 2026-04-10
    end: 2026-04-01
risk_factors:
  - factor: transportation
    noted: 2026-03-05
    resolved: 2026-03-01
outstanding_info:
  - item: Safety check
    requested: 2026-03-05
    received: 2026-03-04
sanction:
  reason: No participation
  proposed_on: 2026-05-01
  effective_on: 2026-04-01
  decided_on: 2026-04-15
employment:
  employer: Example Grocers
  start: 2026-05-01
  end: 2026-04-30
staffings:
  - date: 2026-03-05
    kind: case-staffing
  - date: 2026-02-01
    kind: case-stafing
    decision_kind: sanctionn
    present:
      - {role: Coach, initials: CA}
      - {role: Coahc, initials: CB}
      - {role: Coach, initials: CC, designee_for: Coach}
      - {role: Coach, initials: CD, designee_for: Nobody}
planned_staffing:
  kind: bogus
  decision_kind: nothing
  invited:
    - {role: Supervisor, initials: SB}
    - {role: Boss, initials: XX, designee_for: Supervisor}
"""

EXPECTED = [
    ":12:10: components[2].end: 2026-04-01 is before the component's start (2026-04-10); check the dates",
    ":16:15: risk_factors[1].resolved: 2026-03-01 is before the date it was noted (2026-03-05); check the dates",
    ":20:15: outstanding_info[1].received: 2026-03-04 is before the date it was requested (2026-03-05); check the dates",
    ":24:17: sanction.effective_on: 2026-04-01 is before the date it was proposed (2026-05-01); check the dates",
    ":25:15: sanction.decided_on: 2026-04-15 is before the date it was proposed (2026-05-01); check the dates",
    ":29:8: employment.end: 2026-04-30 is before the first day of work (2026-05-01); check the dates",
    ":33:11: staffings[2].date: 2026-02-01 is before enrollment (2026-03-01); check the dates",
    ":34:11: staffings[2].kind: 'case-stafing' is not a kind of staffing in la-step (case-staffing); did you mean 'case-staffing'?",
    ":35:20: staffings[2].decision_kind: 'sanctionn' is not a kind of decision in la-step (it names none: leave decision_kind out)",
    ":38:16: staffings[2].present[2].role: 'Coahc' is not a role in la-step (Coach, Supervisor, Consultant, Manager, Participant, Partner); did you mean 'Coach'?",
    ":40:51: staffings[2].present[4].designee_for: 'Nobody' is not a department staff role in la-step (Coach, Supervisor, Consultant, Manager); a designee stands in for one of them",
    ":42:9: planned_staffing.kind: 'bogus' is not a kind of staffing in la-step (case-staffing); use one of these",
    ":43:18: planned_staffing.decision_kind: 'nothing' is not a kind of decision in la-step (it names none: leave decision_kind out)",
    ":46:14: planned_staffing.invited[2].role: 'Boss' is not a role in la-step (Coach, Supervisor, Consultant, Manager, Participant, Partner); use one of these",
]


def test_every_inconsistency_is_found_and_labelled(runner, tmp_path):
    case = tmp_path / "every.yaml"
    case.write_text(EVERY_INCONSISTENCY, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert result.exit_code == 1
    problems = [row.removeprefix(str(case)) for row in result.output.splitlines() if row.startswith(str(case))]
    assert problems == EXPECTED


def test_an_unknown_program_still_has_its_dates_checked(runner, tmp_path):
    case = tmp_path / "every.yaml"
    case.write_text(EVERY_INCONSISTENCY.replace("program: la-step", "program: la-stpe"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    problems = [row.removeprefix(str(case)) for row in result.output.splitlines() if row.startswith(str(case))]
    assert problems[0].startswith(":2:10: program 'la-stpe' is not a known program")
    assert problems[1:] == [row for row in EXPECTED if "is before" in row]
