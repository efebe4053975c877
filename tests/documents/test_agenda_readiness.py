"""Each readiness check blocks when it should and passes when it should, with its citation."""

from __future__ import annotations

import textwrap

import pytest

from casestaff.cli.main import app
from casestaff.model.records import Person

from ..agenda_helpers import agenda_for

REENGAGE = """\
case_id: OR-T-1
program: or-ssp-reengagement
participant:
  name: Ora Test
enrolled: 2026-03-02
{extra}
"""


def _case(write, text: str, *extras: str):
    """The case text with each extra block (dedented on its own) appended."""
    blocks = "\n".join(textwrap.dedent(extra).strip("\n") for extra in extras)
    return write("case.yaml", text.format(extra=blocks))


def _check(agenda, check_id: str):
    return next(c for c in agenda.readiness if c.id == check_id)


def test_team_minimum_blocks_with_two_department_staff_and_passes_with_three(write):
    path = _case(write, REENGAGE, """
        planned_staffing:
          date: 2026-12-01
          invited:
            - {role: FC, initials: RH}
            - {role: Manager, initials: XR}
            - {role: Participant, initials: OT}
    """)
    check = _check(agenda_for(path), "team-of-three")
    assert check.title == "At least 3 department staff or designees"
    assert check.status == "blocking"
    assert check.message.startswith("Only 2 department staff invited (FC: RH, Manager: XR); the team needs at least 3; invite 1 more of:")
    assert check.citation == "OR ODHS SSP Re-engagement Guide, Team members' roles"
    passed = _check(agenda_for(path, invite=[Person(role="Engagement Specialist", initials="JB")]), "team-of-three")
    assert passed.status == "ok"
    assert passed.message == "3 department staff invited (FC: RH, Manager: XR, Engagement Specialist: JB)."


AREAS_ANSWERED = """
    review_areas:
      - {area: domestic_violence, limitation: no}
      - {area: mental_health, limitation: no}
      - {area: drug_alcohol, limitation: no}
      - {area: learning_needs, limitation: no}
      - {area: physical_health, limitation: no}
      - {area: childcare_transportation, limitation: no}
"""


def test_invite_option_counts_toward_the_team(runner, write):
    path = _case(write, REENGAGE, AREAS_ANSWERED)
    args = ["agenda", str(path), "--as-of", "2026-11-23", "--format", "txt"]
    blocked = runner.invoke(app, args)
    assert blocked.exit_code == 3
    assert "No department staff invited yet; the team needs at least 3; invite 3 more of:" in blocked.stderr
    ok = runner.invoke(app, [*args, "--invite", "FC:RH", "--invite", "manager:XR", "--invite", "Lead Worker:LW"])
    assert ok.exit_code == 0, ok.output
    assert "  OK       At least 3 department staff or designees\n" in ok.stderr
    assert "- FC: RH (from --invite) (department staff)\n" in ok.stdout


def test_invite_with_an_unknown_role_is_a_usage_error(runner, write):
    path = _case(write, REENGAGE)
    result = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-11-23", "--invite", "Manger:XR"])
    assert result.exit_code == 2
    assert "casestaff: --invite: 'Manger' is not a role in or-ssp-reengagement; did you mean 'Manager'?" in result.stderr


STAFF = """
    planned_staffing:
      date: 2026-12-01
      invited:
        - {role: FC, initials: RH}
        - {role: Manager, initials: XR}
        - {role: Engagement Specialist, initials: JB}
        - {role: CPC, initials: JD, organization: Community Action}
"""


@pytest.mark.parametrize(
    ("releases", "status"),
    [
        ("", "blocking"),
        ("releases:\n  - {party: Community Action, form: MSC 3010, signed: 2026-10-01}", "ok"),
        ("releases:\n  - {party: Community Action, form: MSC 3010, signed: 2026-10-01, expires: 2026-11-30}", "blocking"),
        ("releases:\n  - {party: Community Action, form: MSC 3010, signed: 2026-11-25}", "blocking"),
        ("releases:\n  - {party: Other Agency, form: MSC 3010, signed: 2026-10-01}", "blocking"),
    ],
    ids=["none", "on-file", "expired-before-meeting", "signed-after-as-of", "other-party"],
)
def test_partner_needs_a_release_on_file_before_being_invited(write, releases, status):
    path = _case(write, REENGAGE, STAFF, releases)
    check = _check(agenda_for(path), "partner-release")
    assert check.status == status, check
    if status == "blocking":
        assert check.details == (
            "CPC: JD (Community Action): no MSC 3010 on file for Community Action valid on 2026-12-01;"
            " have the participant sign one before inviting them",
        )


def test_a_partner_marked_as_needing_no_release_is_invited_without_one(write):
    """The MSC 3010 is needed "for some community partners": an invitee can be marked as not needing one."""
    path = _case(write, REENGAGE, STAFF.replace("organization: Community Action}", "organization: Community Action, release_needed: false}"))
    check = _check(agenda_for(path), "partner-release")
    assert check.status == "ok"
    assert check.details == ("CPC: JD (Community Action): no MSC 3010 needed (release_needed: false, line 12)",)


def test_outstanding_information_means_no_determination(write):
    waiting = _case(write, REENGAGE, STAFF, """
        outstanding_info:
          - {item: Child safety check, requested: 2026-11-10}
    """)
    check = _check(agenda_for(waiting), "information-gathered")
    assert check.status == "blocking"
    assert check.message == (
        "Information still outstanding: Child safety check (requested 2026-11-10); the determination waits for a"
        " follow-up case review once it is gathered."
    )
    assert check.details == ("Child safety check (requested 2026-11-10, line 14)",)
    received = _case(write, REENGAGE, STAFF, """
        outstanding_info:
          - {item: Child safety check, requested: 2026-11-10, received: 2026-11-20}
    """)
    assert _check(agenda_for(received), "information-gathered").status == "ok"


SNAP = """\
case_id: IL-T-1
program: il-snap-et
provider: Example Provider
participant:
  name: Ira Test
enrolled: 2026-03-02
planned_staffing:
  date: 2026-12-08
{extra}
"""


@pytest.mark.parametrize(
    ("checks", "verified", "issue", "message"),
    [
        ("", "blocking", "ok", "SNAP eligibility for December 2026 is not verified; verify it in IES before the staffing."),
        ("eligibility_checks:\n  - {month: 2026-11, verified_on: 2026-11-03, eligible: true}", "blocking", "ok", "SNAP eligibility for December 2026 is not verified"),
        (
            "eligibility_checks:\n  - {month: 2026-12, verified_on: 2026-11-20, eligible: false}",
            "ok",
            "warning",
            "SNAP eligibility for December 2026 verified on 2026-11-20 (line 10): the customer is NOT eligible (line 10);"
            " communicate the eligibility issue at the staffing.",
        ),
        ("eligibility_checks:\n  - {month: 2026-12, verified_on: 2026-11-20, eligible: true}", "ok", "ok", "SNAP eligibility for December 2026 verified on 2026-11-20 (line 10)."),
    ],
    ids=["none", "other-month", "not-eligible", "verified"],
)
def test_snap_eligibility_verified_in_the_staffing_month(write, checks, verified, issue, message):
    """A missing verification blocks; one that found the customer NOT eligible is a warning naming
    it, since the policy has the eligibility issue communicated at the staffing."""
    agenda = agenda_for(_case(write, SNAP, checks))
    assert (_check(agenda, "eligibility-verified").status, _check(agenda, "eligibility-issue").status) == (verified, issue)
    shown = _check(agenda, "eligibility-issue" if issue != "ok" else "eligibility-verified")
    assert message in shown.message
    assert shown.citation.startswith("IL IDHS SNAP E&T Staffing Meetings, ")
    assert agenda.blocked == (verified == "blocking")


def test_pending_sanction_lists_what_is_missing_and_passes_when_complete(write):
    from ..agenda_helpers import FIXTURES

    incomplete = _check(agenda_for(FIXTURES / "la-step-sanction.yaml"), "pre-sanction-information")
    assert incomplete.status == "blocking"
    assert "Ruth Testcase's age -- ask the participant" in incomplete.details
    assert "the family's challenges -- ask the participant" in incomplete.details
    complete_text = (FIXTURES / "la-step-sanction.yaml").read_text(encoding="utf-8")
    complete_text = complete_text.replace("    relationship: mother\n", "    relationship: mother\n    birth_date: 1960-01-02\n")
    complete_text = complete_text.replace(
        "challenges:\n  participant:\n    - No reliable transportation\n",
        "challenges:\n  participant:\n    - No reliable transportation\n  family:\n    - Mother works nights\n"
        "  other:\n    - None seen\n  coach:\n    - Hard to reach by phone\n",
    )
    complete_text = complete_text.replace("    how_addressed: Bus pass", "    anticipated_duration: 2 months\n    how_addressed: Bus pass")
    complete_text += "notes: Dana stopped attending after her car broke down in September.\n"
    path = write("complete.yaml", complete_text)
    assert _check(agenda_for(path), "pre-sanction-information").status == "ok"
    no_sanction = write("none.yaml", complete_text.replace("sanction:", "old_sanction:").replace("old_sanction:\n  reason: No participation in October without good cause\n  proposed_on: 2026-11-03\n  effective_on: 2026-12-01\n", ""))
    check = _check(agenda_for(no_sanction), "pre-sanction-information")
    assert (check.status, check.message) == ("ok", "No sanction is pending.")


FC = """\
case_id: FC-T-1
program: fc-reintegration
participant:
  name: Pat Parent
enrolled: 2025-06-01
child:
  name: Kit Child
  birth_date: 2015-05-01
  special_needs: [IEP for reading]
{extra}
"""


def test_special_needs_warn_until_a_resource_is_invited(runner, write):
    path = _case(write, FC, "planned_staffing:\n  invited:\n    - {role: CM, initials: DG}")
    check = _check(agenda_for(path), "special-needs-invitees")
    assert check.status == "warning"
    assert check.details == (
        "'IEP for reading' (line 9): none of these is invited -- Vocational rehabilitation staff, Mental health QE coordinator,"
        " MR/DD QE coordinator -- nor other local staff who could assist",
    )
    result = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-11-23"])
    assert result.exit_code == 0  # a warning does not block
    assert "  WARNING  Special-needs resources invited\n" in result.stderr
    invited = _case(write, FC, "planned_staffing:\n  invited:\n    - {role: CM, initials: DG}\n    - {role: MH QE, initials: QE}")
    assert _check(agenda_for(invited), "special-needs-invitees").status == "ok"


NOT_ELIGIBLE = """\
case_id: IL-T-{n}
program: il-snap-et
provider: Example Provider
participant:
  name: {name}
enrolled: 2026-03-02
eligibility_checks:
  - {{month: 2026-12, verified_on: 2026-12-01, eligible: {eligible}}}
"""


def test_a_customer_verified_not_eligible_is_a_warning_on_both_agendas_and_blocks_neither(runner, tmp_path):
    from casestaff.cli.main import app

    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.yaml").write_text(NOT_ELIGIBLE.format(n=1, name="Ira Test", eligible="false"), encoding="utf-8")
    (folder / "b.yaml").write_text(NOT_ELIGIBLE.format(n=2, name="Jo Test", eligible="true"), encoding="utf-8")
    team = runner.invoke(app, ["agenda", str(folder / "a.yaml"), "--as-of", "2026-12-02", "--date", "2026-12-08", "--format", "txt"])
    assert team.exit_code == 0, team.output
    assert "  OK       SNAP eligibility verified in the month of the staffing\n" in team.stderr
    assert (
        "  WARNING  No SNAP eligibility issue to communicate at the staffing\n"
        "           SNAP eligibility for December 2026 verified on 2026-12-01 (line 8): the customer is NOT eligible (line 8);"
        " communicate the eligibility issue at the staffing.\n"
    ) in team.stderr
    provider = runner.invoke(app, ["agenda", str(folder), "--provider", "Example Provider", "--month", "2026-12", "--as-of", "2026-12-02", "--format", "txt"])
    assert provider.exit_code == 0, provider.output
    assert "- OK: SNAP eligibility verified in the month of the staffing, for every customer: SNAP eligibility for December 2026 verified for all 2 customer(s).\n" in provider.stdout
    assert (
        "- WARNING: No SNAP eligibility issue to communicate at the staffing, for every customer:"
        " 1 of 2 customer(s) verified NOT eligible for December 2026: communicate it at the staffing.\n"
        "    - Ira Test (IL-T-1): SNAP eligibility for December 2026 verified on 2026-12-01 (line 8): the customer is NOT eligible (line 8);"
        " communicate the eligibility issue at the staffing.\n"
    ) in provider.stdout
    # a customer whose month is not verified still blocks the provider staffing
    (folder / "c.yaml").write_text(NOT_ELIGIBLE.format(n=3, name="Kim Test", eligible="true").replace("2026-12, verified_on", "2026-11, verified_on"), encoding="utf-8")
    blocked = runner.invoke(app, ["agenda", str(folder), "--provider", "Example Provider", "--month", "2026-12", "--as-of", "2026-12-02", "--format", "txt"])
    assert blocked.exit_code == 3, blocked.output
    assert "- BLOCKING: SNAP eligibility verified in the month of the staffing, for every customer: 1 of 3 customer(s) lack verified SNAP eligibility for December 2026.\n" in blocked.stdout


def test_each_special_need_names_its_own_invitee(write):
    """A need whose words a role names (its invite_for_needs) wants that role: one resource invited
    does not stand in for another."""
    needs = FC.replace("special_needs: [IEP for reading]", "special_needs: [MR/DD diagnosis, Mental health therapy weekly]")
    path = _case(write, needs, "planned_staffing:\n  invited:\n    - {role: CM, initials: DG}\n    - {role: MH QE, initials: QE}")
    check = _check(agenda_for(path), "special-needs-invitees")
    assert check.status == "warning"
    assert check.details == ("'MR/DD diagnosis' (line 9) indicates the MR/DD QE coordinator (MRDD QE): not invited",)
    both = _case(
        write, needs, "planned_staffing:\n  invited:\n    - {role: MH QE, initials: QE}\n    - {role: MRDD QE, initials: MD}"
    )
    check = _check(agenda_for(both), "special-needs-invitees")
    assert check.status == "ok"
    assert check.details == (
        "'MR/DD diagnosis' (line 9): MR/DD QE coordinator invited (MRDD QE: MD)",
        "'Mental health therapy weekly' (line 9): Mental health QE coordinator invited (MH QE: QE)",
    )


def test_the_checklist_the_team_shall_ensure_is_a_warning_until_documented(write):
    path = _case(write, FC, "checklist:\n  paternity_established: Court order, section 2\n  icwa: Not applicable")
    check = _check(agenda_for(path), "checklist-confirmed")
    assert (check.status, check.message) == ("warning", "5 of 7 items the team shall ensure at the staffing are not documented in the case file.")
    assert check.details[0] == (
        "A copy of the child's birth certificate is in the case file: not yet documented (checklist.birth_certificate)"
        " -- where the birth certificate copy is filed"
    )
    assert check.citation == "FC Reintegration Staffing, At the Staffing, the team shall ensure"

