"""A new program is a pack file and a template: what its agenda shows and checks, what its
narration needs and what `casestaff new` writes come from the pack's `agenda`, `narration` and
`case_file` sections -- no Python. A pack without them gets the generic agenda, no readiness
checks and every case-file block; a mistake in them is a located settings error."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from casestaff.cli.main import app
from casestaff.documents.agenda import build_agenda
from casestaff.files.casefile import read_case
from casestaff.packset import read_pack

PACK_HEAD = """\
id: tx-example
name: Example program
agency: Example agency
state: TX
policy:
  title: Example policy
  cite_as: EX Policy
staffing_kinds:
  - id: case-review
    name: Case review
roles:
  - abbr: CM
    title: Case manager
    department: true
  - abbr: Supervisor
    title: Supervisor
    department: true
  - {abbr: Participant, title: Participant}
rules:
  - id: review
    function: periodic_review
    params: {days: 30}
    sources: {days: local default}
    satisfied_by: [case-review]
    explain: A case review every month.
    reason: "Monthly case review (last: {last_review})"
    citation: {section: II}
"""

SECTIONS = """\
agenda:
  parts: [background, activities]
  readiness:
    - id: two-staff
      title: Two department staff invited
      check: department_staff_invited
      params: {minimum: 2}
      sources: {minimum: "At least two staff attend"}
      citation: {section: III. The team, quote: "At least two staff attend."}
narration:
  checks:
    - check: team_complete
      params: {minimum: 2}
      sources: {minimum: local default}
case_file:
  parts: [strengths]
"""

NARRATION_TEMPLATE = """\
{{ title }} {{ staffing.date|mdy }}
Present: {% for p in staffing.present %}{{ p.role }}: {{ p.initials }}{{ ", " if not loop.last }}{% endfor %}.
Decision: {{ staffing.decision }}
"""

CASE = """\
case_id: TX-1
program: tx-example
participant: {name: Lee Testcase}
enrolled: 2026-10-01
planned_staffing:
  date: 2026-11-30
  kind: case-review
  invited:
    - {role: CM, initials: KM}
staffings:
  - date: 2026-11-02
    kind: case-review
    present:
      - {role: CM, initials: KM}
    discussion: Hours and barriers.
    decision: Continue the plan.
    next_steps:
      - {step: Call the employer, owner: KM, due: 2026-11-20}
"""


@pytest.fixture
def office(tmp_path: Path, write, monkeypatch):
    """An office folder whose casestaff.toml adds the pack; returns a function writing the pack."""
    write("casestaff.toml", 'cases = "cases"\ntemplates = "templates"\npacks = ["packs/tx.yaml"]\n')
    write("templates/narration/tx-example.txt.j2", NARRATION_TEMPLATE)
    write("cases/lee.yaml", CASE)
    monkeypatch.chdir(tmp_path)

    def with_pack(sections: str) -> Path:
        return write("packs/tx.yaml", PACK_HEAD + sections)

    return with_pack


def _headings(text: str) -> list[str]:
    """The section headings of a txt agenda (a line underlined with dashes)."""
    lines = text.splitlines()
    return [line for line, under in zip(lines, lines[1:], strict=False) if under and set(under) == {"-"}]


def test_the_pack_names_the_agenda_parts_and_a_readiness_check_with_its_parameter(runner, office) -> None:
    office(SECTIONS)
    result = runner.invoke(app, ["agenda", "cases/lee.yaml", "--as-of", "2026-11-23", "--format", "txt"])
    assert result.exit_code == 3, result.output
    assert _headings(result.stdout) == ["Readiness", "Why this staffing", "Background", "Activities", "Who is invited", "Questions for the team"]
    # an agenda says the field planned_staffing.invited in words, for the people at the meeting
    assert (
        "- BLOCKING: Two department staff invited: Only 1 department staff invited (CM: KM); the team needs at least 2;"
        " invite 1 more of: CM, Supervisor (planned staffing invited in the case file, or --invite ROLE:INITIALS).\n"
        "  (EX Policy, III. The team)\n"
    ) in result.stdout
    # the narration check is a requirement of a determination, asked ahead of the meeting too
    assert (
        "- BLOCKING: Department staff or designees for a determination: Only 1 department staff invited (CM: KM);"
        " the team needs at least 2; invite 1 more of: CM, Supervisor (planned staffing invited in the case file,"
        " or --invite ROLE:INITIALS).\n  (EX Policy)\n"
    ) in result.stdout

    ready = runner.invoke(app, ["agenda", "cases/lee.yaml", "--as-of", "2026-11-23", "--format", "txt", "--invite", "Supervisor:RH"])
    assert ready.exit_code == 0, ready.output
    assert "- OK: Two department staff invited: 2 department staff invited (CM: KM, Supervisor: RH).\n  (EX Policy, III. The team)\n" in ready.stdout


def test_the_pack_names_the_narration_checks_with_their_parameter(runner, office, tmp_path: Path) -> None:
    office(SECTIONS)
    refused = runner.invoke(app, ["narrate", "cases/lee.yaml", "--as-of", "2026-11-23"])
    assert refused.exit_code == 1
    assert refused.output == (
        "casestaff: cases/lee.yaml: the narration of the 2026-11-02 case-review cannot be printed yet:\n"
        "  - the 2026-11-02 staffing: only 1 department staff -- present: CM: KM; the team needs at least 2 department"
        " staff or designees (CM, Supervisor): add who else was present (a designee with designee_for: ROLE)"
        " [narration.team_complete; EX Policy]\n"
    )
    case = tmp_path / "cases" / "lee.yaml"
    case.write_text(CASE.replace("      - {role: CM, initials: KM}\n    discussion", "      - {role: CM, initials: KM}\n      - {role: Supervisor, initials: RH}\n    discussion"), encoding="utf-8")
    printed = runner.invoke(app, ["narrate", "cases/lee.yaml", "--as-of", "2026-11-23"])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout == "Case review 11/02/26\nPresent: CM: KM, Supervisor: RH.\nDecision: Continue the plan.\n"


def test_the_pack_names_the_blocks_of_a_new_case_file(runner, office, tmp_path: Path) -> None:
    office(SECTIONS)
    result = runner.invoke(app, ["new", "--program", "tx-example", "--out", "new.yaml"])
    assert result.exit_code == 0, result.output
    blocks = re.findall(r"^(\w+):", (tmp_path / "new.yaml").read_text(encoding="utf-8"), re.M)
    assert blocks == ["case_id", "program", "worker", "participant", "household", "enrolled", "goal", "strengths", "releases", "planned_staffing", "staffings", "notes"]


def test_a_pack_without_the_sections_gets_the_generic_agenda_no_checks_and_every_block(runner, office, tmp_path: Path) -> None:
    office("")
    agenda = runner.invoke(app, ["agenda", "cases/lee.yaml", "--as-of", "2026-11-23", "--format", "txt"])
    assert agenda.exit_code == 0, agenda.output
    assert _headings(agenda.stdout) == [
        "Readiness", "Why this staffing", "Background", "Strengths", "Challenges", "Activities", "Referrals",
        "Who is invited", "Since the last staffing", "Questions for the team",
    ]  # fmt: skip
    assert "- No readiness checks for this program.\n" in agenda.stdout
    narrated = runner.invoke(app, ["narrate", "cases/lee.yaml", "--as-of", "2026-11-23"])
    assert narrated.exit_code == 0, narrated.output
    assert runner.invoke(app, ["new", "--program", "tx-example", "--out", "new.yaml"]).exit_code == 0
    blocks = re.findall(r"^(\w+):", (tmp_path / "new.yaml").read_text(encoding="utf-8"), re.M)
    assert {"child", "checklist", "review_areas", "employment", "eligibility_checks"} <= set(blocks)


def test_mistakes_in_the_sections_stop_every_command_naming_line_and_column(runner, office) -> None:
    path = office(
        SECTIONS.replace("[background, activities]", "[background, activites]")
        .replace("params: {minimum: 2}\n      sources", "params: {minimum: two}\n      sources", 1)
        .replace("check: team_complete\n      params: {minimum: 2}\n      sources: {minimum: local default}", "check: team_complete")
    )
    result = runner.invoke(app, ["due", "--as-of", "2026-11-23"])
    assert result.exit_code == 2
    assert result.output == (
        f"{path}:29:10: agenda.parts: 'activites' is not an agenda part; did you mean 'activities'?;"
        " see `casestaff programs --functions`\n"
        f"{path}:34:15: readiness check two-staff: parameter 'minimum' of department_staff_invited must be a whole number, not 'two'\n"
        f"{path}:39:7: narration.checks: team_complete needs the parameter 'minimum' (a whole number)\n"
    )


@pytest.mark.parametrize(
    "sections, problem",
    [
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: department_staff_invite\n      params: {minimum: 2}\n      citation: {section: III}\n",
            "tx.yaml:32:14: readiness check x: unknown readiness check 'department_staff_invite';"
            " did you mean 'department_staff_invited'?; see `casestaff programs --functions`",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: department_staff_invited\n      params: {minimun: 2}\n      citation: {section: III}\n",
            "tx.yaml:33:15: readiness check x: department_staff_invited has no parameter 'minimun'; did you mean 'minimum'?; it takes: minimum\n"
            "tx.yaml:33:15: readiness check x: department_staff_invited needs the parameter 'minimum' (a whole number)",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: partner_releases_on_file\n      params: {minimum: 2}\n      citation: {section: III}\n",
            "tx.yaml:33:15: readiness check x: partner_releases_on_file has no parameter 'minimum'; it takes: none",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: special_needs_invitees\n      params: {roles: VR}\n      sources: {roles: local default}\n      citation: {section: III}\n",
            "tx.yaml:33:15: readiness check x: parameter 'roles' of special_needs_invitees must be a list of names, not 'VR'",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: department_staff_invited\n      params: {minimum: -1}\n      sources: {minimum: local default}\n      citation: {section: III}\n",
            "tx.yaml:33:15: readiness check x: parameter 'minimum' of department_staff_invited cannot be negative (-1)",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: eligibility_verified\n      citation: {section: III}\n"
            "    - id: x\n      title: Y\n      check: no_information_outstanding\n      citation: {section: III}\n",
            "tx.yaml:34:11: readiness check id 'x' is used twice in tx-example; give each check its own id",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: eligibility_verified\n      citation: {section: ' '}\n",
            "tx.yaml:33:17: readiness check x: the citation needs the policy section",
        ),
        (
            "agenda:\n  parts: [history, background, history]\n",
            "tx.yaml:29:10: agenda.parts: 'history' is listed twice; list each once",
        ),
        (
            "narration:\n  checks:\n    - check: team_completed\n",
            "tx.yaml:30:14: narration.checks: unknown narration check 'team_completed'; did you mean 'team_complete'?;"
            " see `casestaff programs --functions`",
        ),
        (
            "narration:\n  checks:\n    - check: information_complete\n      params: {minimum: 3}\n",
            "tx.yaml:31:15: narration.checks: information_complete has no parameter 'minimum'; it takes: none",
        ),
        (
            "agenda:\n  readiness:\n    - id: x\n      title: X\n      check: department_staff_invited\n      params: {minimum: 2}\n      citation: {section: III}\n",
            "tx.yaml:33:15: readiness check x: parameter 'minimum' does not say where 2 comes from; under sources:, give the policy's"
            " words that state it, or write minimum: local default when the policy sets no number",
        ),
        (
            "narration:\n  checks:\n    - check: team_complete\n      params: {minimum: 2}\n      sources: {minimun: local default}\n",
            "tx.yaml:31:15: narration.checks: parameter 'minimum' does not say where 2 comes from; under sources:, give the policy's"
            " words that state it, or write minimum: local default when the policy sets no number\n"
            "tx.yaml:32:16: narration.checks: sources names 'minimun', which is not one of its params; did you mean 'minimum'?;"
            " its params: minimum",
        ),
        (
            "case_file:\n  parts: [strenghts]\n",
            "tx.yaml:29:10: case_file.parts: 'strenghts' is not a case-file block; did you mean 'strengths'?; docs/case-files.md lists them",
        ),
        (
            "agenda:\n  parts: [background, review_areas]\n",
            "tx.yaml:29:10: agenda.parts: 'review_areas' shows the entries of agenda.review_areas, which lists none;"
            " list them under agenda.review_areas (see docs/programs.md)",
        ),
        (
            "agenda:\n  checklist:\n    - field: icwa\n      item: ICWA followed\n      ask: does ICWA apply?\n      citation: {section: III}\n",
            "tx.yaml:30:5: agenda.checklist is not shown: agenda.parts does not name 'checklist'; add 'checklist' to agenda.parts,"
            " or remove agenda.checklist",
        ),
        (
            "agenda:\n  parts: [review_areas]\n  review_areas:\n"
            "    - {area: mental_health, title: Mental health, citation: {section: III}}\n"
            "    - {area: mental_health, title: Again, lookback_months: 0, citation: {section: ' '}}\n",
            "tx.yaml:32:14: agenda.review_areas: 'mental_health' is listed twice; list each once\n"
            "tx.yaml:32:60: agenda.review_areas: mental_health: lookback_months must be 1 to 1200 months, not 0;"
            " leave it out to count risk factors of any time\n"
            "tx.yaml:32:73: agenda.review_areas: mental_health: the citation needs the policy section",
        ),
        (
            "agenda:\n  parts: [review_areas]\n  review_areas:\n    - {area: mental_heath, title: Mental health, citation: {section: III}}\n",
            "tx.yaml:31:14: agenda.review_areas[1].area: 'mental_heath' is not one of domestic_violence, mental_health, drug_alcohol,"
            " learning_needs, physical_health, childcare_transportation; did you mean 'mental_health'?",
        ),
        (
            "agenda:\n  parts: [checklist]\n  checklist:\n"
            "    - {field: paternity, item: Paternity, ask: where?, citation: {section: III}}\n"
            "    - {field: icwa, item: ICWA, ask: where?, citation: {section: III}}\n"
            "    - {field: icwa, item: ICWA, ask: where?, citation: {section: III}}\n",
            "tx.yaml:31:15: agenda.checklist: 'paternity' is not a field of a case file's checklist; did you mean 'paternity_established'?;"
            " docs/case-files.md lists them\n"
            "tx.yaml:33:15: agenda.checklist: 'icwa' is listed twice; list each once",
        ),
    ],
    ids=[
        "unknown-readiness-check", "unknown-parameter", "no-parameters", "list-expected", "negative",
        "duplicate-id", "no-section", "part-twice", "unknown-narration-check", "narration-parameter", "readiness-source",
        "narration-source", "unknown-block",
        "review-areas-part-without-areas", "checklist-not-shown", "review-area-twice-lookback-section", "unknown-review-area",
        "checklist-field",
    ],
)  # fmt: skip
def test_each_mistake_is_located_with_its_fix(sections: str, problem: str) -> None:
    pack, problems = read_pack((PACK_HEAD + sections).encode(), "tx.yaml")
    assert pack is None
    assert "\n".join(str(p) for p in problems) == problem


def test_a_wrong_on_fail_is_refused_by_the_validator() -> None:
    sections = textwrap.dedent(
        """\
        agenda:
          readiness:
            - id: x
              title: X
              check: eligibility_verified
              on_fail: fatal
              citation: {section: III}
        """
    )
    _, problems = read_pack((PACK_HEAD + sections).encode(), "tx.yaml")
    assert [str(p) for p in problems] == ["tx.yaml:33:16: agenda.readiness[1].on_fail: 'fatal' is not one of blocking, warning"]


def test_casestaff_programs_shows_the_sections(runner, office) -> None:
    office(SECTIONS)
    result = runner.invoke(app, ["programs", "tx-example"])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "Agenda parts: background, activities\n"
        "\n"
        "Readiness checks (casestaff agenda):\n"
        "  two-staff  [department_staff_invited(minimum=2)], blocking when it fails\n"
        "    Two department staff invited\n"
        "    policy: EX Policy, III. The team\n"
        '      "At least two staff attend."\n'
        '    minimum=2: from the policy — "At least two staff attend"\n'
        "\n"
        "Requirements (what a staffing must have to count; due, record, agenda and narrate ask them):\n"
        "  none\n"
        "\n"
        "Before narrating (casestaff narrate): who was present, the discussion and next steps are recorded\n"
        "  team_complete(minimum=2)\n"
        "    minimum=2: local default — the policy sets no number\n"
        "\n"
        "New case files (casestaff new): the common blocks, those the rules read, and: strengths\n"
    )


def test_every_check_and_part_a_pack_may_name_is_listed_with_its_parameters(runner) -> None:
    from casestaff.documents.agenda_parts import PART_SPECS
    from casestaff.documents.narrate import NARRATION_SPECS
    from casestaff.documents.readiness import READINESS_SPECS
    from casestaff.rules.requirements import REQUIREMENT_SPECS

    listed = runner.invoke(app, ["programs", "--functions"]).stdout
    assert "  department_staff_invited(minimum: int)\n    At least `minimum` department staff or designees (distinct people) invited.\n" in listed
    assert "  special_needs_invitees(roles: list[str])\n" in listed
    assert "  team_complete(minimum: int)\n" in listed
    assert "  department_staff_present(minimum: int)\n" in listed
    for name in [*READINESS_SPECS, *NARRATION_SPECS, *REQUIREMENT_SPECS]:
        assert f"\n  {name}(" in listed, name
    assert f"  {', '.join(PART_SPECS)}\n" in listed


def test_a_pack_lists_its_own_review_areas_and_checklist() -> None:
    """Another program's review areas and checklist -- its order, its words, its look-back -- are pack data."""
    sections = textwrap.dedent(
        """\
        agenda:
          parts: [review_areas, checklist]
          review_areas:
            - area: childcare_transportation
              title: Childcare and transportation
              risk_factors: [transportation]
              citation: {section: IV}
            - area: domestic_violence
              title: Domestic violence (last 3 months)
              release_area: domestic_violence
              risk_factors: [domestic_violence]
              lookback_months: 3
              citation: {section: IV}
          checklist:
            - field: icwa
              item: Tribal notice sent, if applicable
              ask: whether tribal notice applies
              citation: {section: V}
        """
    )
    pack, problems = read_pack((PACK_HEAD + sections).encode(), "tx.yaml")
    assert problems == []
    text = CASE + (
        "risk_factors:\n"
        "  - {factor: domestic_violence, noted: 2026-01-05, resolved: 2026-07-01}\n"
        "  - {factor: transportation, noted: 2026-09-01}\n"
    )
    case, problems = read_case(text.encode(), "lee.yaml", {pack.id: pack})
    assert problems == []
    day = dt.date(2026, 11, 23)
    agenda = build_agenda(case, pack, day, day)
    assert [(row.title, [v.text for v in row.related]) for row in agenda.review_areas] == [
        ("Childcare and transportation", ["risk factor transportation noted 2026-09-01 (still present)"]),
        ("Domestic violence (last 3 months)", []),  # resolved before 2026-08-23
    ]
    assert agenda.review_areas[1].limitation.areas == ("domestic_violence",)
    assert [(row.item, row.value.question) for row in agenda.checklist] == [("Tribal notice sent, if applicable", "whether tribal notice applies")]
