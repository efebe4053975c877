"""The commands agree on what a case says on a day, from the user's side.

Each test here runs two commands (or one command two ways) on the same small case file, on the
boundary day of one as-of fact, and checks they give the same answer: the answers come from
casestaff.model.queries, and these are the places where copies of them once drifted apart.
"""

from __future__ import annotations

from casestaff.cli.app import app

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
    assert "- Current component: Job search [line 7] since 2026-03-02 [line 8] to 2026-09-30 [line 9] (6 months)\n" in team.stdout
    assert "6-month benchmark reached on 2026-09-02" in team.stdout
    assert "- Earlier components: Not in the case file: past activities -- none recorded" in team.stdout
    provider = runner.invoke(
        app, ["agenda", str(path), "--provider", "Example Works", "--as-of", "2026-09-30", "--format", "txt"]
    )
    assert provider.exit_code == 3, provider.output
    assert "   Component: Job search since 2026-03-02 (6 months by the meeting) [il.yaml, line 7]\n" in provider.stdout
    # The next day it is past on the team agenda, and the next component has not started yet.
    after = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-10-01", "--date", "2026-10-01", "--format", "txt"])
    assert "- Earlier component: Job search [line 7]" in after.stdout
    assert "- Current component: Vocational training [line 10]" in after.stdout


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
