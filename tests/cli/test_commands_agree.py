"""The commands agree on what a case says on a day, from the user's side.

Each test here runs two commands (or one command two ways) on the same small case file, on the
boundary day of one as-of fact, and checks they give the same answer: the answers come from
casestaff.model.queries, and these are the places where copies of them once drifted apart.
"""

from __future__ import annotations

import json

from casestaff.cli.main import app

from ..conftest import SAMPLES

IL_COMPONENT_ENDS = """\
case_id: IL-Q-1
program: il-snap-et
provider: Example Works
participant: {name: Casey Boundary}
enrolled: 2026-03-02
components:
  - name: Job search
    start: 2026-03-02
    end: 2026-09-30
  - name: Vocational training
    start: 2026-10-01
"""


def test_a_component_ending_on_the_as_of_day_is_current_on_both_agendas(runner, write):
    """Its end is its last day: the participant is still in it, on the team agenda as on the provider's."""
    path = write("il.yaml", IL_COMPONENT_ENDS)
    team = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-09-30", "--date", "2026-09-30", "--format", "txt"])
    assert team.exit_code == 3, team.output
    assert "- Current component: Job search since 2026-03-02 to 2026-09-30 (6 months)\n" in team.stdout
    assert "6-month benchmark reached on 2026-09-02" in team.stdout
    assert "- Earlier components: Not in the case file: past activities -- none recorded" in team.stdout
    provider = runner.invoke(
        app, ["agenda", str(path), "--provider", "Example Works", "--as-of", "2026-09-30", "--format", "txt"]
    )
    assert provider.exit_code == 3, provider.output
    assert "   Component: Job search since 2026-03-02 (6 months by the meeting) [il.yaml, line 7]\n" in provider.stdout
    # The next day it is past on the team agenda, and the next component has not started yet.
    after = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-10-01", "--date", "2026-10-01", "--format", "txt"])
    assert "- Earlier component: Job search since 2026-03-02" in after.stdout
    assert "- Current component: Vocational training since 2026-10-01" in after.stdout


IL_COMPONENT_ENDS_BEFORE_THE_MEETING = """\
case_id: IL-Q-2
program: il-snap-et
provider: Example Works
participant: {name: Casey Ending}
enrolled: 2026-03-02
components:
  - name: Job search
    start: 2026-03-15
    end: 2026-09-10
"""


def test_months_in_a_component_ending_before_the_meeting_stop_at_its_end_on_both_agendas(runner, write):
    """The 6-month mark (09-15) falls after the component's last day (09-10): five months, on both agendas."""
    path = write("il.yaml", IL_COMPONENT_ENDS_BEFORE_THE_MEETING)
    provider = runner.invoke(
        app, ["agenda", str(path), "--provider", "Example Works", "--as-of", "2026-09-05", "--format", "txt"]
    )
    assert "   Component: Job search since 2026-03-15 (5 months by the meeting) [il.yaml, line 7]\n" in provider.stdout
    team = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-09-05", "--date", "2026-09-30", "--format", "txt"])
    assert "  - Months in the component by the meeting: 5\n" in team.stdout


LA_SANCTION_DECIDED = """\
case_id: LA-Q-1
program: la-step
worker: KM
participant: {{name: Robin Decided}}
enrolled: 2026-01-05
sanction:
  reason: No participation in January
  proposed_on: 2026-02-02
  effective_on: 2026-03-01
  status: withdrawn
  decided_on: {decided}
"""

RECORD_ANSWERS = [
    "2026-02-10",  # held on
    "",  # kind: case-staffing
    "",  # title
    "y",  # present: Coach KM
    "Supervisor",  # and the supervisor: a staffing before a sanction is held as a group
    "LR",
    "",  # nobody else
    "Reviewed January with Robin; her childcare fell through.",
    "",  # no strengths
    "",  # no challenges
]
AFTER_THE_SANCTION_QUESTION = [
    "Refer to intensive case management",
    "Childcare, not refusal, kept her from her activities.",
    "Apply for CCAP childcare",
    "",  # owner: participant
    "",  # due: two weeks later
    "",  # no more steps
    "",  # no next appointment
    "y",  # write it
]


def test_the_staffing_on_the_day_a_sanction_is_decided_comes_before_it_for_record_and_narrate(runner, write):
    """The team meets, then the sanction is withdrawn the same day: record asks the pre-sanction
    question and narrate prints the pre-sanction documentation -- the same staffing counts for both."""
    path = write("la.yaml", LA_SANCTION_DECIDED.format(decided="2026-02-10"))
    answers = RECORD_ANSWERS + ["y"] + AFTER_THE_SANCTION_QUESTION
    recorded = runner.invoke(app, ["record", str(path), "--as-of", "2026-02-10"], input="\n".join(answers) + "\n")
    assert recorded.exit_code == 0, recorded.output
    assert "A sanction is pending. Was all available information discussed with the team? [y/N]" in recorded.output
    assert "    all_information_discussed: true\n" in path.read_text(encoding="utf-8")
    narrated = runner.invoke(app, ["narrate", str(path), "--as-of", "2026-02-10"])
    assert narrated.exit_code == 0, narrated.output
    assert "Prior to entering a sanction: all available information was discussed with the team." in narrated.stdout


def test_a_staffing_after_the_sanction_was_decided_does_not_decide_it_for_record_or_narrate(runner, write):
    """Withdrawn on 02-05, before the 02-10 staffing: record does not ask, and narrate does not demand, the
    pre-sanction documentation (narrate demanded it because the sanction had not taken effect yet)."""
    path = write("la.yaml", LA_SANCTION_DECIDED.format(decided="2026-02-05"))
    answers = RECORD_ANSWERS + AFTER_THE_SANCTION_QUESTION
    recorded = runner.invoke(app, ["record", str(path), "--as-of", "2026-02-10"], input="\n".join(answers) + "\n")
    assert recorded.exit_code == 0, recorded.output
    assert "A sanction is pending" not in recorded.output
    narrated = runner.invoke(app, ["narrate", str(path), "--as-of", "2026-02-10"])
    assert narrated.exit_code == 0, narrated.output
    assert "Prior to entering a sanction" not in narrated.stdout
    assert "Decision: Refer to intensive case management." in narrated.stdout


LA_NO_SANCTION_ON_FILE = """\
case_id: LA-Q-2
program: la-step
worker: KM
participant: {name: Robin Deciding}
enrolled: 2026-01-05
"""


def test_a_decision_naming_a_sanction_is_asked_about_at_record_as_narrate_requires(runner, write):
    """No sanction in the file, but the team decides to pursue one: record asks the pre-sanction
    question after the decision (it asked nothing, and narrate then refused the staffing)."""
    path = write("la.yaml", LA_NO_SANCTION_ON_FILE)
    answers = RECORD_ANSWERS + ["Pursue the sanction", "No good cause was found.", "y"] + AFTER_THE_SANCTION_QUESTION[2:]
    recorded = runner.invoke(app, ["record", str(path), "--as-of", "2026-02-10"], input="\n".join(answers) + "\n")
    assert recorded.exit_code == 0, recorded.output
    assert "The decision is about a sanction. Was all available information discussed with the team? [y/N]" in recorded.output
    narrated = runner.invoke(app, ["narrate", str(path), "--as-of", "2026-02-10"])
    assert narrated.exit_code == 0, narrated.output
    assert "Prior to entering a sanction: all available information was discussed with the team." in narrated.stdout


# -- two records on one day: the later entry in the file is the latest, in every command ------

LA_TWO_STAFFINGS_ONE_DAY = """\
case_id: LA-Q-3
program: la-step
participant: {name: Robin Twice}
enrolled: 2026-05-04
risk_factors:
  - factor: homelessness
    noted: 2026-06-01
staffings:
  - date: 2026-06-10
    kind: case-staffing
    title: Morning staffing
  - date: 2026-06-10
    kind: case-staffing
    title: Afternoon staffing with the shelter
"""


def test_due_cites_the_later_of_two_staffings_held_on_one_day_as_the_agenda_does(runner, write):
    path = write("la.yaml", LA_TWO_STAFFINGS_ONE_DAY)
    due = runner.invoke(app, ["due", str(path), "--as-of", "2026-09-10", "--no-cache"])
    assert due.exit_code == 0, due.output
    assert "last staffing: 2026-06-10 (line 12)" in due.stdout  # it cited line 9, the morning's
    agenda = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-09-10", "--format", "html"])  # html: each fact's line beside it
    assert 'Last staffing: STEP case staffing on 2026-06-10 <span class="src">line 12</span>' in agenda.stdout


IL_TWO_ON_ONE_DAY = """\
case_id: IL-Q-4
program: il-snap-et
provider: Example Works
participant: {name: Casey Corrected}
enrolled: 2026-03-02
components:
  - name: Job search
    start: 2026-11-02
  - name: Work experience
    start: 2026-11-02
eligibility_checks:
  - {month: 2026-12, verified_on: 2026-12-02, eligible: false}
  - {month: 2026-12, verified_on: 2026-12-02, eligible: true}
staffings:
  - date: 2026-12-03
    kind: customer-staffing
    present: [{role: IDHS, initials: LP}]
    discussion: Reviewed the new placement.
    next_steps: [{step: Start work experience, due: 2026-12-07}]
"""


def test_a_same_day_correction_of_eligibility_is_the_answer_on_both_agendas(runner, write):
    """Verified NOT eligible, then corrected the same day: the later entry stands (the first one did)."""
    path = write("il.yaml", IL_TWO_ON_ONE_DAY)
    team = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-12-03", "--date", "2026-12-10", "--format", "txt"])
    assert "SNAP eligibility for December 2026 verified on 2026-12-02 (line 13)." in team.stderr
    assert "NOT eligible" not in team.stdout + team.stderr
    provider = runner.invoke(
        app, ["agenda", str(path), "--provider", "Example Works", "--as-of", "2026-12-03", "--format", "txt"]
    )
    assert "   SNAP eligibility: SNAP eligibility for December 2026 verified on 2026-12-02 (line 13)." in provider.stdout


def test_of_two_components_started_on_one_day_the_later_entry_is_current_for_agenda_and_narrate(runner, write):
    path = write("il.yaml", IL_TWO_ON_ONE_DAY)
    provider = runner.invoke(
        app, ["agenda", str(path), "--provider", "Example Works", "--as-of", "2026-12-03", "--format", "txt"]
    )
    assert "   Component: Work experience since 2026-11-02 (1 months by the meeting) [il.yaml, line 9]\n" in provider.stdout
    narrated = runner.invoke(app, ["narrate", str(path), "--as-of", "2026-12-03"])
    assert narrated.exit_code == 0, narrated.output
    assert "Current activity: Work experience since 11/02/26 (1 months)." in narrated.stdout


IL_TWO_REVIEWS_ONE_DAY = """\
case_id: IL-Q-5
program: il-snap-et
provider: Example Works
participant: {name: Casey Reviewed}
enrolled: 2026-03-02
progress_reviews:
  - {date: 2026-11-20, progress: none, note: Missed the first interview}
  - {date: 2026-11-20, progress: some, note: Rescheduled and attended it}
"""


def test_the_provider_agenda_shows_the_later_of_two_reviews_on_one_day_as_the_team_agenda_ends_with(runner, write):
    path = write("il.yaml", IL_TWO_REVIEWS_ONE_DAY)
    provider = runner.invoke(
        app, ["agenda", str(path), "--provider", "Example Works", "--as-of", "2026-12-01", "--format", "txt"]
    )
    assert "   Progress: 2026-11-20: some progress -- Rescheduled and attended it [il.yaml, line 8]\n" in provider.stdout
    team = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-12-01", "--format", "txt"])
    reviews = [line for line in team.stdout.splitlines() if line.startswith("  - 2026-11-20")]
    assert reviews[-1].startswith("  - 2026-11-20: some progress; note: Rescheduled and attended it"), reviews


def test_the_agenda_marks_the_hard_deadlines_due_marks(runner) -> None:
    """A sanction or disqualification about to take effect is a hard deadline on the morning list and
    on the agenda alike: both read the pack's hard_deadline through the flag."""
    listed = runner.invoke(app, ["due", str(SAMPLES), "--as-of", "2026-12-01", "--format", "json", "--no-cache"])
    flags = [f for f in json.loads(listed.stdout) if f["kind"] == "flag"]
    hard_cases = sorted({f["case"] for f in flags if f["hard_deadline"]})
    assert hard_cases, "the samples hold hard deadlines"
    for case in hard_cases:
        agenda = runner.invoke(app, ["agenda", case, "--as-of", "2026-12-01", "--format", "txt", "--no-sources"], catch_exceptions=False)
        reasons = [line for line in agenda.stdout.splitlines() if line.startswith("- ") and ", due 20" in line]
        for flag in (f for f in flags if f["case"] == case):
            (line,) = [r for r in reasons if flag["reason"].split(";")[0] in r]
            assert ("HARD DEADLINE" in line) == flag["hard_deadline"], (case, line)
