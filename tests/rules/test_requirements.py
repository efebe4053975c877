"""What a staffing must have to count: the packs' requirements, one question for every command.

Each requirement check is proved met and not met (each way it can fail); a pack's requirements
are linted like its rules, every mistake located with its fix; and due, record, agenda and
narrate give the same answer over one table of cases, in every format of the morning list.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap

import pytest

from casestaff.cli.main import app
from casestaff.files.config import Config
from casestaff.model import records as model
from casestaff.packset import load_packset, read_pack
from casestaff.rules.requirements import REQUIREMENT_SPECS, Subject

from ..packset.test_pack_sections import PACK_HEAD

REQUIREMENT = """\
requirements:
  - id: team
    title: Two staff
    applies_to: {{decisions: [any]}}
    check: department_staff_present
    params: {{minimum: 2}}
    sources: {{minimum: "Two staff attend."}}
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
        "tx.yaml:42:13: requirement team: parameter 'min_age' does not say where 'fourteen' comes from; under sources:,"
        " give the policy's words that state it, or write min_age: local default when the policy sets no number",
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
    from ..agenda_helpers import agenda_for

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


# -- each requirement check: met, and not met each way --------------------------------------------


PACKS = load_packset(Config())
DAY = dt.date(2026, 11, 20)


def _verdict(check: str, program: str, *, case: dict | None = None, staffing: dict | None = None, ahead: bool = False, **params):
    the_case = model.Case(
        case_id="T-1", program=program, participant=model.Participant(name="Test Example"), enrolled=dt.date(2026, 1, 5), **(case or {})
    )
    the_staffing = model.Staffing(date=DAY, kind=PACKS.get(program).kind_ids[0], **(staffing or {}))
    subject = Subject(case=the_case, pack=PACKS.get(program), staffing=the_staffing, ahead=ahead, known_on=DAY)
    return REQUIREMENT_SPECS[check].function(subject, **params)


def _people(*pairs: str) -> list[model.Person]:
    found = []
    for pair in pairs:
        role, _, rest = pair.partition(":")
        initials, _, designee = rest.partition(">")
        found.append(model.Person(role=role, initials=initials, designee_for=designee or None))
    return found


@pytest.mark.parametrize(
    ("present", "met", "says"),
    [
        (("Coach:KM", "Supervisor:LR"), True, "2 department staff present (Coach: KM, Supervisor: LR)"),
        (("Coach:KM", "Partner:AK>Manager"), True, "2 department staff present (Coach: KM, Partner: AK (designee for Manager))"),
        (("Coach:KM", "Participant:RT"), False, "only 1 department staff"),
        (("Coach:KM", "Supervisor:km"), False, "only 1 department staff"),  # the same person twice
        (("Partner:AK>Participant",), False, "no department staff"),  # a designee stands in for department staff only
        ((), False, "no department staff"),
    ],
    ids=["two-staff", "designee", "one", "same-person-twice", "designee-for-a-non-staff-role", "nobody"],
)
def test_department_staff_present(present, met, says) -> None:
    verdict = _verdict("department_staff_present", "la-step", staffing={"present": _people(*present)}, minimum=2)
    assert (verdict.met, verdict.says) == (met, says)


@pytest.mark.parametrize(
    ("present", "met", "says"),
    [
        (("CM:DG",), True, "CM: DG present"),
        (("DCF:RS", "Other:AB>Supervisor"), True, "Other: AB (designee for Supervisor) present"),
        (("DCF:RS", "QE:MW"), False, "no CM or Supervisor present"),
    ],
    ids=["case-manager", "designee", "none"],
)
def test_roles_present(present, met, says) -> None:
    verdict = _verdict("roles_present", "fc-reintegration", staffing={"present": _people(*present)}, roles=["CM", "Supervisor"])
    assert (verdict.met, verdict.says) == (met, says)


@pytest.mark.parametrize(
    ("check", "staffing", "met", "says"),
    [
        ("information_discussed", {"all_information_discussed": True}, True, "all available information was discussed"),
        ("information_discussed", {"all_information_discussed": False}, False, "all available information not discussed"),
        ("information_discussed", {}, False, "not recorded whether all available information was discussed"),
        ("decision_recorded", {"decision": "No disqualification"}, True, "a determination is recorded"),
        ("decision_recorded", {"decision": "  "}, False, "no determination recorded"),
        ("decision_explained", {"decision": "Sanction", "explanation": "No good cause"}, True, "the decision and its explanation are recorded"),
        ("decision_explained", {"decision": "Sanction"}, False, "the decision is not explained"),
        ("decision_explained", {}, False, "no decision recorded; the decision is not explained"),
    ],
)
def test_what_is_documented(check, staffing, met, says) -> None:
    verdict = _verdict(check, "la-step", staffing=staffing)
    assert (verdict.met, verdict.says) == (met, says)


def test_what_only_the_meeting_can_record_is_not_known_ahead() -> None:
    for check in ("information_discussed", "decision_recorded", "decision_explained"):
        verdict = _verdict(check, "la-step", ahead=True)
        assert verdict.met is None and verdict.says.startswith("at the meeting, record"), check


@pytest.mark.parametrize(
    ("received", "requested", "met"),
    [
        (dt.date(2026, 11, 20), dt.date(2026, 11, 2), True),  # arrived on the staffing's day
        (dt.date(2026, 11, 21), dt.date(2026, 11, 2), False),  # arrived the day after
        (None, dt.date(2026, 11, 2), False),
        (None, dt.date(2026, 11, 21), True),  # asked for after the staffing: it could not wait for it
    ],
    ids=["received-that-day", "received-the-day-after", "not-received", "requested-after"],
)
def test_nothing_outstanding(received, requested, met) -> None:
    item = model.OutstandingItem(item="Child safety check", requested=requested, received=received)
    verdict = _verdict("nothing_outstanding", "or-ssp-reengagement", case={"outstanding_info": [item]})
    assert verdict.met is met


def test_review_areas_answered_each_way() -> None:
    answered = [model.ReviewArea(area=a, limitation="no") for a in ("domestic_violence", "mental_health", "drug_alcohol", "learning_needs", "physical_health")]
    full = answered + [model.ReviewArea(area="childcare_transportation", limitation="yes", accommodations="Bus pass", affected_participation="no")]
    assert _verdict("review_areas_answered", "or-ssp-reengagement", case={"review_areas": full}).met is True
    gaps = answered[:4] + [model.ReviewArea(area="physical_health", limitation="yes")]
    verdict = _verdict("review_areas_answered", "or-ssp-reengagement", case={"review_areas": gaps})
    assert verdict.says == (
        "review areas not answered: physical health (accommodations offered not recorded, effect on participation unknown);"
        " childcare needs / transportation (not reviewed)"
    )


def _child(born: dt.date, goal: str | None, wants: str | None) -> model.Child:
    return model.Child(name="Sky Example", birth_date=born, permanency_goal=goal, wants_adoption=wants)


@pytest.mark.parametrize(
    ("born", "goal", "wants", "met", "says"),
    [
        (dt.date(2011, 5, 14), "adoption", "yes", True, "adoption is the case plan goal and the child (15) wants to be adopted"),
        (dt.date(2011, 5, 14), "adoption", "no", False, "the child (15) does not want to be adopted"),
        (dt.date(2011, 5, 14), "adoption", None, False, "not recorded whether the child (15) wants to be adopted"),
        (dt.date(2011, 5, 14), "reunification", "no", False, "adoption is not the case plan goal (reunification); the child (15) does not want to be adopted"),
        (dt.date(2016, 5, 14), "reunification", None, False, "adoption is not the case plan goal (reunification)"),
        (dt.date(2012, 11, 21), "adoption", "no", True, "adoption is the case plan goal and the child is under 14"),  # 14 tomorrow
        (dt.date(2012, 11, 20), "adoption", "no", False, "the child (14) does not want to be adopted"),  # 14 on the meeting day
        (dt.date(2026, 11, 21), "adoption", None, False, "the child's age on 2026-11-20 is not known (check the birth date)"),
    ],
    ids=["agrees", "refuses", "not-asked", "goal-reunification", "young-reunification", "13-the-day-before", "14-that-day", "born-after"],
)
def test_termination_guard(born, goal, wants, met, says) -> None:
    verdict = _verdict("termination_guard", "fc-reintegration", case={"child": _child(born, goal, wants)}, min_age=14)
    assert (verdict.met, verdict.says) == (met, says)


def test_termination_guard_without_a_child() -> None:
    verdict = _verdict("termination_guard", "fc-reintegration", min_age=14)
    assert (verdict.met, verdict.says) == (False, "no child in the case file to confirm the case plan goal")


def test_a_child_turning_14_on_the_meeting_day_must_agree_on_the_agenda_too(write) -> None:
    """Readiness reads the age on the meeting day: 14 that day, the child's agreement is asked."""
    from ..agenda_helpers import agenda_for

    text = (
        "case_id: FC-R-1\nprogram: fc-reintegration\nparticipant: {name: Pat Parent}\nenrolled: 2025-06-01\n"
        "child: {name: Sky Example, birth_date: 2012-12-08, permanency_goal: adoption}\n"
        "planned_staffing:\n  date: 2026-12-08\n  kind: reintegration-staffing\n  decision_kind: termination-of-parental-rights\n"
        "  invited: [{role: CM, initials: DG}]\n"
    )
    check = next(c for c in agenda_for(write("sky.yaml", text)).readiness if c.id == "termination-guard")
    assert check.status == "blocking"
    assert check.message.startswith("Not recorded whether the child (14) wants to be adopted;")
    younger = agenda_for(write("sky2.yaml", text.replace("2012-12-08", "2012-12-09")))
    assert next(c for c in younger.readiness if c.id == "termination-guard").status == "ok"


# -- one question, four commands: the same answer from due, record, agenda and narrate ------------


HEAD = "case_id: {case_id}\nprogram: {program}\nworker: KM\nparticipant: {{name: Test Example}}\nenrolled: 2026-01-05\n"
LA_SANCTION = "sanction: {reason: No participation in October, proposed_on: 2026-11-16, effective_on: 2026-12-14}\n"
OR_AREAS = (
    "review_areas:\n"
    + "".join(f"  - {{area: {a}, limitation: no}}\n" for a in ("domestic_violence", "mental_health", "drug_alcohol", "learning_needs"))
    + "  - {area: physical_health, limitation: no}\n  - {area: childcare_transportation, limitation: no}\n"
)
OR_SANCTION = "sanction: {reason: Not engaging in October, proposed_on: 2026-11-09, effective_on: 2026-12-18}\n"
OR_WAITING = "outstanding_info:\n  - {item: Child safety check, requested: 2026-11-09}\n"
FC_STALLED = (
    "child: {name: Marcus Example, birth_date: 2011-05-14, permanency_goal: reunification, wants_adoption: no}\n"
    "case_plan_tasks:\n  - {task: Complete anger management classes, owner: father, due: 2026-10-31, status: not_achieved}\n"
)

SAME_ANSWER = [
    # name, program, what the file says, rule, present, the rest of the staffing,
    # unmet requirement ids (pack order) the staffing lacks for the rule, those narrate refuses it for
    (
        "la-step-the-issue", "la-step", LA_SANCTION, "pending-sanction", ["Coach:KM", "Participant:TE"],
        "all_information_discussed: false\ndecision: Enter the sanction.\n",
        ["held-as-a-group", "all-information-discussed", "decision-explained"],
        ["held-as-a-group", "all-information-discussed", "decision-explained"],
    ),
    (
        "la-step-complete", "la-step", LA_SANCTION, "pending-sanction", ["Coach:KM", "Partner:AK>Manager"],
        "all_information_discussed: true\ndecision: Refer to intensive case management.\nexplanation: The housing loss is the cause.\n",
        [], [],
    ),
    (
        "or-ssp-the-issue", "or-ssp-reengagement", OR_AREAS + OR_SANCTION + OR_WAITING, "disqualification-pending", ["FC:RH", "Participant:TE"],
        "decision: A disqualification was imposed.\n",
        ["team-of-three", "information-gathered"],
        ["team-of-three", "information-gathered"],
    ),
    (
        # waiting, as it should: the disqualification is still to be determined (due, record, the
        # agenda), and there is no determination for narrate to refuse
        "or-ssp-waiting-rightly", "or-ssp-reengagement", OR_AREAS + OR_SANCTION + OR_WAITING, "disqualification-pending",
        ["FC:RH", "Manager:XR", "Engagement Specialist:JB"], "",
        ["information-gathered", "determination-recorded"],
        [],
    ),
    (
        "or-ssp-complete", "or-ssp-reengagement", OR_AREAS + OR_SANCTION, "disqualification-pending",
        ["FC:RH", "Manager:XR", "CPC:TL>Engagement Specialist"], "decision: No disqualification was imposed.\n",
        [], [],
    ),
    (
        "fc-the-issue", "fc-reintegration", FC_STALLED, "not-progressing", ["DCF:RS", "QE:MW"],
        "decision: Recommend termination of parental rights.\ndecision_kind: termination-of-parental-rights\n",
        ["provider-staff-present", "termination-guard"],
        ["provider-staff-present", "termination-guard"],
    ),
    (
        "fc-complete", "fc-reintegration", FC_STALLED, "not-progressing", ["CM:DG", "DCF:RS"],
        "decision: Continue reunification; move the class to Saturdays.\n",
        [], [],
    ),
]  # fmt: skip

MEETING_ONLY = {"information_discussed", "decision_recorded", "decision_explained"}
"""Requirement checks only the meeting can meet: the agenda lists them as RECORD."""


def _flow(people: list[str]) -> str:
    def one(pair: str) -> str:
        role, _, rest = pair.partition(":")
        initials, _, designee = rest.partition(">")
        return f"{{role: {role}, initials: {initials}" + (f", designee_for: {designee}" if designee else "") + "}"

    return "[" + ", ".join(one(p) for p in people) + "]"


@pytest.mark.parametrize(
    ("name", "program", "facts", "rule", "present", "rest", "unmet", "refused"), SAME_ANSWER, ids=[row[0] for row in SAME_ANSWER]
)
def test_due_record_agenda_and_narrate_give_the_same_answer(runner, write, name, program, facts, rule, present, rest, unmet, refused) -> None:
    """The staffing held on the last day of November, the list read on the first of December."""
    held, morning = "2026-11-30", "2026-12-01"
    pack = PACKS.get(program)
    kind = next(r for r in pack.rules if r.id == rule).satisfied_by[0]
    decision_kind = re.search(r"^decision_kind: (\S+)$", rest, re.M)
    planned = (
        f"planned_staffing:\n  date: {held}\n  kind: {kind}\n  invited: {_flow(present)}\n"
        + (f"  decision_kind: {decision_kind[1]}\n" if decision_kind else "")
    )
    path = write(f"{name}.yaml", HEAD.format(case_id=name.upper(), program=program) + facts + planned)

    # agenda, ahead of the meeting: the same requirements, of the people invited
    agenda = runner.invoke(app, ["agenda", str(path), "--as-of", held, "--date", held, "--format", "txt"])
    assert agenda.exit_code in (0, 3), agenda.output
    titles = {r.shown_title(): r for r in pack.requirements}
    ahead = {
        titles[m[2]].id: m[1]
        for m in re.finditer(r"^- (OK|BLOCKING|WARNING|RECORD): (.+?): ", agenda.stdout, re.M)
        if m[2] in titles
    }
    for requirement_id in unmet:
        check = next(r for r in pack.requirements if r.id == requirement_id).check
        assert ahead[requirement_id] == ("RECORD" if check in MEETING_ONLY else "BLOCKING"), requirement_id
    assert not [i for i, status in ahead.items() if status in ("BLOCKING", "WARNING") and i not in unmet]

    # record --from (and --yes): written, and what it lacks said before
    outcome = write(f"{name}-outcome.yaml", f"date: {held}\nkind: {kind}\npresent: {_flow(present)}\ndiscussion: Reviewed.\n" + rest
                    + "next_steps: [{step: Call the participant, due: 2026-12-10}]\n")  # fmt: skip
    recorded = runner.invoke(app, ["record", str(path), "--from", str(outcome), "--yes", "--as-of", held])
    assert recorded.exit_code == 0, recorded.output
    warned = re.findall(r"^  - (.+?) -- .* \[([\w.-]+); [^\]]*\]$", recorded.stderr, re.M)
    assert [i for _, i in warned] == unmet
    says = [s for s, _ in warned]

    # due: the flag stays while the staffing falls short, and says what it lacked
    listed = runner.invoke(app, ["due", str(path), "--as-of", morning, "--format", "json", "--no-cache"])
    flags = [f for f in json.loads(listed.stdout) if f["kind"] == "flag" and f["rule"] == f"{program}.{rule}"]
    if unmet:
        assert len(flags) == 1 and flags[0]["reason"].endswith(f"; the {held} staffing did not count: " + "; ".join(says))
        kept = recorded.stderr.split("`casestaff due` will keep flagging the case until it does:\n", 1)[1]
        assert f"  - {program}.{rule}: {flags[0]['reason']}\n" in kept
    else:
        assert flags == [] and recorded.stderr == ""

    # narrate: refuses for the requirements of the decision it records, in the same words
    narrated = runner.invoke(app, ["narrate", str(path), "--as-of", morning])
    refusals = re.findall(r"^  - the \S+ staffing: (.+?) -- .* \[([\w.-]+); [^\]]*\]$", narrated.stderr, re.M)
    assert [i for _, i in refusals] == refused
    assert [s for s, i in refusals] == [s for s, i in warned if i in refused]
    assert narrated.exit_code == (1 if refused else 0), narrated.output


def test_the_case_planning_meeting_date_narrate_prints_is_the_date_due_shows(runner, write) -> None:
    """Thirty days after a staffing on 10/27 is Thanksgiving (a Kansas holiday): due flags the
    meeting by the Wednesday before, and the narration says the same date (it said Thursday)."""
    text = (
        "case_id: FC-R-2\nprogram: fc-reintegration\nparticipant: {name: Pat Parent}\nenrolled: 2025-06-01\n"
        "staffings:\n  - date: 2026-10-27\n    kind: reintegration-staffing\n    present: [{role: CM, initials: DG}]\n"
        "    discussion: Reviewed the plan.\n    next_steps: [{step: Call, due: 2026-11-10, done: 2026-11-09}]\n"
    )
    path = write("fc.yaml", text)
    listed = runner.invoke(app, ["due", str(path), "--as-of", "2026-11-20", "--format", "json", "--no-cache"])
    flag = next(f for f in json.loads(listed.stdout) if f["rule"] == "fc-reintegration.case-planning-meeting")
    assert flag["due"] == "2026-11-25"
    narrated = runner.invoke(app, ["narrate", str(path), "--as-of", "2026-11-20"])
    assert narrated.exit_code == 0, narrated.output
    assert "Full case planning meeting: due by 11/25/26.\n" in narrated.stdout


def test_record_at_the_prompts_asks_the_kind_of_decision_where_the_program_guards_one(runner, write) -> None:
    text = (
        "case_id: FC-R-3\nprogram: fc-reintegration\nworker: DG\nparticipant: {name: Pat Parent}\nenrolled: 2025-06-01\n"
        "child: {name: Sky Example, birth_date: 2011-05-14, permanency_goal: reunification, wants_adoption: no}\n"
    )
    path = write("fc.yaml", text)
    answers = [
        "2026-11-20", "reintegration-staffing", "", "y", "", "Reviewed the plan.", "", "",
        "Recommend termination of parental rights.", "termination-of-parental-right", "termination-of-parental-rights", "",
        "", "",  # no steps, no appointment
        "y",  # add it anyway
    ]  # fmt: skip
    result = runner.invoke(app, ["record", str(path), "--as-of", "2026-11-20"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Is the decision one of these? Its id (empty if none):" in result.stdout
    assert "did you mean 'termination-of-parental-rights'?" in result.stdout
    assert "    decision_kind: termination-of-parental-rights\n" in path.read_text(encoding="utf-8")
    assert "adoption is not the case plan goal (reunification); the child (15) does not want to be adopted --" in result.stderr


def test_every_format_of_the_morning_list_says_which_staffing_did_not_count(runner, monkeypatch) -> None:
    from rich.console import Console

    from casestaff.cli import render_due
    from casestaff.rules.due import due_report

    from ..conftest import REPO

    monkeypatch.chdir(REPO)
    words = (
        "the 2026-11-23 staffing did not count: only 1 department staff; information still outstanding: Child safety"
        " check (requested 2026-11-09); review areas not answered: mental health (limitation unknown)"
    )
    path = "sample_cases/or-ssp-reengagement-marisol-vega.yaml"
    for fmt in ("table", "json", "csv"):
        result = runner.invoke(app, ["due", path, "--as-of", "2026-12-01", "--format", fmt, "--no-cache"])
        assert result.exit_code == 0, result.output
        assert words in result.stdout, fmt
    case = load_caseload_one(REPO / path)
    report = due_report([case], PACKS, Config(), dt.date(2026, 12, 1))
    console = Console(record=True, width=2000, color_system=None)
    render_due.rich_table(report, console)
    assert words in " ".join(console.export_text().split())


def load_caseload_one(path):
    from casestaff.files.caseload import load_caseload

    loaded = load_caseload([path], PACKS, dt.date(2026, 12, 1))
    assert not loaded.problems
    return loaded.cases[0]


def test_a_requirement_title_names_only_its_own_parameters() -> None:
    """`{minimum}` in a title shows the office's number; a misspelt name is caught when the pack is read."""
    good = REQUIREMENT.format(more="").replace("title: Two staff", "title: At least {{minimum}} staff")
    pack, problems = read_pack((PACK_HEAD + good.replace("{{", "{").replace("}}", "}")).encode(), "tx.yaml")
    assert problems == []
    assert pack.requirements[0].shown_title() == "At least 2 staff"
    wrong = good.replace("{{minimum}}", "{{minmum}}").replace("{{", "{").replace("}}", "}")
    assert _problems(wrong) == [
        "tx.yaml:30:12: requirement team: the title uses {minmum}, which is not a parameter of department_staff_present;"
        " did you mean 'minimum'?; its parameters: minimum"
    ]
