"""What a staffing must have to count: the packs' requirements, one question for every command.

Each requirement check is proved met and not met (each way it can fail); a pack's requirements
are linted like its rules, every mistake located with its fix.
"""

from __future__ import annotations

import textwrap

from casestaff.packset import read_pack

from .test_pack_sections import PACK_HEAD

REQUIREMENT = """\
requirements:
  - id: team
    title: Two staff
    applies_to: {{decisions: [any]}}
    check: department_staff_present
    params: {{minimum: 2}}
    citation: {{section: III, quote: "Two staff attend."}}
{more}"""


def _problems(text: str) -> list[str]:
    pack, problems = read_pack((PACK_HEAD + text).encode(), "tx.yaml")
    assert pack is None
    return [str(p) for p in problems]


def test_a_pack_with_a_requirement_reads() -> None:
    pack, problems = read_pack((PACK_HEAD + REQUIREMENT.format(more="")).encode(), "tx.yaml")
    assert problems == []
    assert [r.id for r in pack.requirements] == ["team"]


def test_each_mistake_in_the_requirements_is_located_with_its_fix() -> None:
    wrong = textwrap.dedent(
        """\
        decision_kinds:
          - {id: any, name: Anything}
          - {id: close, name: Close the case}
          - {id: close, name: Close it again}
        requirements:
          - id: team
            title: Two staff
            applies_to: {kinds: [case-reveiw], rules: [reveiw], decisions: [sanctions]}
            check: department_staff_presnt
            citation: {section: III}
          - id: team
            title: Guard
            applies_to: {}
            check: termination_guard
            params: {min_age: fourteen}
            citation: {section: ' '}
        """
    )
    assert _problems(wrong) == [
        "tx.yaml:29:10: decision kind 'any' is a word requirements already use (any, sanction); choose another id",
        "tx.yaml:31:10: decision kind 'close' is listed twice; list each once",
        "tx.yaml:36:12: requirement team: unknown requirement check 'department_staff_presnt';"
        " did you mean 'department_staff_present'?; see `casestaff programs --functions`",
        "tx.yaml:35:25: requirement team: 'case-reveiw' is not a staffing kind of tx-example; did you mean 'case-review'?",
        "tx.yaml:35:47: requirement team: 'reveiw' is not a rule of tx-example; did you mean 'review'?",
        "tx.yaml:35:68: requirement team: 'sanctions' is not a kind of decision; did you mean 'sanction'?;"
        " use any, sanction or an id from decision_kinds",
        "tx.yaml:38:9: requirement id 'team' is used twice in tx-example; give each requirement its own id",
        "tx.yaml:42:13: requirement team: parameter 'min_age' of termination_guard must be a whole number, not 'fourteen'",
        "tx.yaml:40:17: requirement team: applies_to names no kinds, rules or decisions; say when it applies",
        "tx.yaml:43:15: requirement team: the citation needs the policy section",
    ]


def test_a_designee_stands_in_for_a_department_role_of_the_program(runner, write) -> None:
    from casestaff.cli.main import app

    path = write(
        "la.yaml",
        "case_id: LA-R-1\nprogram: la-step\nparticipant: {name: Robin Testcase}\nenrolled: 2026-01-05\n"
        "staffings:\n  - date: 2026-02-10\n    kind: case-staffing\n    present:\n"
        "      - {role: Coach, initials: KM}\n      - {role: Partner, initials: AK, designee_for: Participant}\n"
        "      - {role: Partner, initials: BW, designee_for: Manger}\n"
        "    decision_kind: close\n",
    )
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:3] == [
        f"{path}:10:53: staffings[1].present[2].designee_for: 'Participant' is not a department staff role in la-step"
        " (Coach, Supervisor, Consultant, Manager); a designee stands in for one of them",
        f"{path}:11:53: staffings[1].present[3].designee_for: 'Manger' is not a department staff role in la-step"
        " (Coach, Supervisor, Consultant, Manager); a designee stands in for one of them; did you mean 'Manager'?",
        f"{path}:12:20: staffings[1].decision_kind: 'close' is not a kind of decision in la-step (it names none: leave decision_kind out)",
    ]
