"""What a staffing must have to count: the packs' requirements, one question for every command.

Each requirement check is proved met and not met (each way it can fail); a pack's requirements
are linted like its rules, every mistake located with its fix.
"""

from __future__ import annotations

import textwrap

from casestaff.cli.main import app
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


LA_PENDING = """\
case_id: LA-R-2
program: la-step
worker: KM
participant: {name: Robin Testcase}
enrolled: 2026-06-01
sanction:
  reason: No participation in October
  proposed_on: 2026-11-16
  effective_on: 2026-12-07
"""

SHORT_OUTCOME = """\
date: 2026-11-20
kind: case-staffing
present:
  - {role: Coach, initials: KM}
discussion: Robin missed October; the team discussed the sanction.
all_information_discussed: false
decision: Enter the sanction.
next_steps:
  - {step: Send the sanction notice, owner: KM, due: 2026-11-27}
"""


def test_record_from_a_file_writes_the_entry_and_says_what_it_lacks(runner, write) -> None:
    path = write("la.yaml", LA_PENDING)
    outcome = write("outcome.yaml", SHORT_OUTCOME)
    result = runner.invoke(app, ["record", str(path), "--from", str(outcome), "--as-of", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Recorded the 2026-11-20 case-staffing in {path}.\nNarration: casestaff narrate {path} --staffing 2026-11-20\n"
    )
    did_not_count = (
        "the 2026-11-20 staffing did not count: only 1 department staff; all available information not discussed;"
        " the decision is not explained"
    )
    assert result.stderr == (
        "Warning: the 2026-11-20 case-staffing does not meet what the la-step policy requires of it:\n"
        "  - only 1 department staff -- present: Coach: KM; the team needs at least 2 department staff or designees"
        " (Coach, Supervisor, Consultant, Manager): add who else was present (a designee with designee_for: ROLE)"
        " [held-as-a-group; LA DCFS P-380, I. Statement of Policy]\n"
        "  - all available information not discussed -- add 'all_information_discussed: true' once the team has"
        " discussed all available information [all-information-discussed; LA DCFS P-380, II. Procedures, Prior to"
        " entering a sanction]\n"
        "  - the decision is not explained -- add 'decision:' and 'explanation:' (why the team decided so)"
        " [decision-explained; LA DCFS P-380, II. Procedures, Prior to entering a sanction]\n"
        "`casestaff due` will keep flagging the case until it does:\n"
        "  - la-step.no-progress: No progress toward the goal recorded for 60 days (last progress: none since"
        f" enrollment on 2026-06-01); {did_not_count}\n"
        "  - la-step.pending-sanction: Sanction pending (No participation in October); staff the case before it is"
        f" entered on 2026-12-07; {did_not_count}\n"
        "`casestaff narrate` will refuse to narrate it until it does.\n"
    )
    assert "    all_information_discussed: false\n" in path.read_text(encoding="utf-8")


def test_record_at_the_prompts_asks_before_writing_a_staffing_that_falls_short(runner, write) -> None:
    path = write("la.yaml", LA_PENDING)
    answers = [
        "2026-11-20", "", "", "y", "", "Talked about the sanction.", "", "",
        "n",  # all available information discussed? no
        "Enter the sanction.", "",  # a decision, no explanation
        "", "",  # no steps, no appointment
        "",  # Add this staffing anyway? [y/N] -- Enter goes back
    ]  # fmt: skip
    result = runner.invoke(app, ["record", str(path), "--as-of", "2026-11-20"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Warning: the 2026-11-20 case-staffing does not meet what the la-step policy requires of it:" in result.stderr
    assert f"Add this staffing to {path} anyway? [y/N]" in result.stdout
    assert "Nothing was written." in result.stdout
    assert "staffings:" not in path.read_text(encoding="utf-8")
    written = runner.invoke(app, ["record", str(path), "--as-of", "2026-11-20", "--yes"], input="\n".join(answers[:-1]) + "\n")
    assert written.exit_code == 0, written.output
    assert "Warning: the 2026-11-20 case-staffing does not meet" in written.stderr
    assert "    all_information_discussed: false\n" in path.read_text(encoding="utf-8")


# -- "all available information" is what is available ---------------------------------------------

ALONE = """\
case_id: LA-R-3
program: la-step
participant:
  name: Pat Alone
  birth_date: 1980-01-01
  relationship_status: single
  employment_education: GED
household: {household}
enrolled: 2026-06-01
goal: Warehouse work
components:
  - {{name: Job search, start: 2026-06-01, end: 2026-08-31}}
  - {{name: Work experience, start: 2026-09-01}}
participation:
  - {{month: 2026-10, required_hours: 80, actual_hours: 20}}
progress_reviews:
  - {{date: 2026-10-01, progress: some}}
strengths:
  individual: [Reliable]
  family: []
challenges:
  participant: [No car]
  family: []
  other: []
  coach: []
risk_factors: {risks}
notes: Lives alone in a studio.
sanction: {{reason: No hours in October, proposed_on: 2026-11-20, effective_on: 2026-12-15}}
planned_staffing:
  date: 2026-12-03
  invited:
    - {{role: Coach, initials: KM}}
    - {{role: Supervisor, initials: LR}}
"""


def test_an_explicit_empty_list_says_none_and_does_not_block_the_pre_sanction_readiness(write) -> None:
    from .agenda_helpers import agenda_for

    said = agenda_for(write("alone.yaml", ALONE.format(household="[]", risks="[]")))
    check = next(c for c in said.readiness if c.id == "pre-sanction-information")
    assert (check.status, check.message) == (
        "ok",
        "A sanction is pending and the file holds all the information the outline asks for.",
    )
    assert said.background.no_household.text == "nobody else -- the participant lives alone"
    assert said.challenges.no_risks.text == "none known"
    silent = agenda_for(write("silent.yaml", ALONE.format(household="", risks="")))
    check = next(c for c in silent.readiness if c.id == "pre-sanction-information")
    assert check.status == "blocking"
    assert check.details == (
        "who lives in the household (names, ages, relationships) -- ask the participant",
        "risk factors (homelessness, domestic violence, substance use ...) -- none recorded; confirm with the team",
    )
