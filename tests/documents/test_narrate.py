"""`casestaff narrate`: the policy's own example comes out line for line, every program has a
golden narration, and an incomplete record is refused saying exactly what is missing.

    CASESTAFF_REGEN_GOLDEN=1 python -m pytest tests/documents/test_narrate.py    rewrites the golden files
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from casestaff.cli.main import app

from ..conftest import REPO, SAMPLES, matches_golden

FIXTURES = REPO / "tests" / "fixtures" / "record"
GOLDEN = REPO / "tests" / "golden" / "narration"
AMY = SAMPLES / "or-ssp-reengagement-amy.yaml"

# The example at the end of the ODHS SSP Re-engagement Reference Guide (Re-engagement Staffing /
# Case Review), copied as printed, page-break markers included.
POLICY_EXAMPLE = """\
Team re-engagement follow-up

Present at staffing: CPC: JD, FC: RH, Manager: XR, Engagement Specialist: JB.

...continued on next page...

Narration:

...continued from previous page...

Team reviewed all additional information from original re-engagement staffing. community visit was completed; no concerns see community visit narrative for further information. Family coach worked with Amy to identify current family needs, identified challenges, participant's strengths, and next steps. Amy is postponing job search for two weeks while focusing on finding a new childcare provider. She knows of a few providers and has already contacted 2.

Next steps: Amy will contact 4 more providers within the next two weeks from today and have scheduled interviews. Next appointment scheduled by phone 3:00 p.m. mm/dd/yy. FC will initiate phone call. No disqualification was imposed as Amy has engaged in a new plan.
"""


def _without_page_breaks(text: str) -> str:
    for marker in ("...continued on next page...\n\n", "...continued from previous page...\n\n"):
        text = text.replace(marker, "")
    return text


def test_amys_narration_is_the_policys_example(runner):
    result = runner.invoke(app, ["narrate", str(AMY)])
    assert result.exit_code == 0, result.output
    expected = _without_page_breaks(POLICY_EXAMPLE).replace("mm/dd/yy", "11/24/26")
    assert result.stdout.splitlines() == expected.splitlines()
    assert result.stdout == expected


def test_amys_first_staffing_by_date(runner):
    result = runner.invoke(app, ["narrate", str(AMY), "--staffing", "2026-10-28"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Team re-engagement staffing\n\n"
        "Present at staffing: FC: RH, Manager: XR, Engagement Specialist: JB.\n\n"
        "Narration:\n\n"
        "Amy attended her re-engagement appointment. Her childcare provider closed in September. Team needs the"
        " outcome of the community visit before a determination.\n\n"
        "Next steps: Complete the in-person community visit.\n"
    )


def test_latest_is_as_of_the_given_date(runner):
    result = runner.invoke(app, ["narrate", str(AMY), "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Team re-engagement staffing\n")


# -- golden narrations, one case of every program -------------------------------------------------

GOLDEN_CASES = {
    "la-step": FIXTURES / "la-step-sanction.yaml",
    "il-snap-et-customer": FIXTURES / "il-snap-et-kofi.yaml",
    "il-snap-et-provider": FIXTURES / "provider" / "il-snap-et-nia.yaml",
    "or-ssp-reengagement": FIXTURES / "or-ssp-reengagement-jonas.yaml",
    "fc-reintegration": FIXTURES / "fc-reintegration-mara.yaml",
    "or-ssp-case-management": FIXTURES / "or-ssp-case-management-ines.yaml",
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_narration(runner, name):
    result = runner.invoke(app, ["narrate", str(GOLDEN_CASES[name])])
    assert result.exit_code == 0, result.output
    matches_golden(GOLDEN / f"{name}.txt", result.stdout, f"the {name} narration")


def test_every_program_has_a_golden_narration():
    from casestaff.files.config import Config
    from casestaff.packset import load_packset

    covered = {name.split("-customer")[0].split("-provider")[0] for name in GOLDEN_CASES}
    assert covered == set(load_packset(Config()).packs)


def test_the_provider_narration_lists_only_that_providers_customers(runner):
    result = runner.invoke(app, ["narrate", str(GOLDEN_CASES["il-snap-et-provider"])])
    lines = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert [line.split(" (")[0] for line in lines] == ["- Nia Example", "- Omar Example"]
    assert "Pat Example" not in result.stdout
    assert "customer staffing needed: yes (Poor engagement" in lines[1]


# -- refusals -------------------------------------------------------------------------------------


def _case(write, program: str, staffing: str, extra: str = "") -> Path:
    head = f"case_id: T-1\nprogram: {program}\nparticipant:\n  name: Test Example\nenrolled: 2026-01-05\n"
    return write("case.yaml", head + extra + "staffings:\n" + staffing)


def _refusal(runner, path: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["narrate", str(path), *args])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"casestaff: {path}: the narration of the ")
    return lines[1:]


def test_nobody_present_and_no_next_steps(runner, write):
    path = _case(write, "la-step", "  - date: 2026-02-01\n    kind: case-staffing\n    discussion: Talked.\n")
    assert _refusal(runner, path) == [
        "  - nobody is recorded as present at the 2026-02-01 staffing: add 'present:' with each person's role and initials",
        "  - no next steps are recorded for the 2026-02-01 staffing: add 'next_steps:' with step, owner and due date",
    ]


def test_la_step_sanction_decision_needs_the_pre_sanction_documentation(runner, write):
    sanction = "sanction:\n  reason: No hours in January\n  proposed_on: 2026-02-02\n  effective_on: 2026-03-01\n"
    staffing = (
        "  - date: 2026-02-10\n    kind: case-staffing\n    present: [{role: Coach, initials: KM}, {role: Manager, initials: DW}]\n"
        "    discussion: Reviewed the sanction.\n    decision: Pursue the sanction.\n"
        "    next_steps: [{step: Enter the sanction, due: 2026-02-20}]\n"
    )
    path = _case(write, "la-step", staffing, sanction)
    assert _refusal(runner, path) == [
        "  - the 2026-02-10 staffing: not recorded whether all available information was discussed -- add"
        " 'all_information_discussed: true' once the team has discussed all available information"
        " [all-information-discussed; LA DCFS P-380, II. Procedures, Prior to entering a sanction]",
        "  - the 2026-02-10 staffing: the decision is not explained -- add 'decision:' and 'explanation:' (why the team"
        " decided so) [decision-explained; LA DCFS P-380, II. Procedures, Prior to entering a sanction]",
    ]
    documented = staffing + "    all_information_discussed: true\n    explanation: No good cause was found.\n"
    path = _case(write, "la-step", documented, sanction)
    result = runner.invoke(app, ["narrate", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        "Prior to entering a sanction: all available information was discussed with the team. Decision whether or not"
        " to pursue a sanction or refer to intensive case management services: Pursue the sanction. Explanation: No"
        " good cause was found.\n" in result.stdout
    )


AREAS_ANSWERED = (
    "review_areas:\n"
    + "".join(f"  - {{area: {area}, limitation: no}}\n" for area in ("domestic_violence", "mental_health", "drug_alcohol"))
    + "".join(f"  - {{area: {area}, limitation: no}}\n" for area in ("learning_needs", "physical_health", "childcare_transportation"))
)
"""Every review area answered: a determination needs it (or-ssp-reengagement's requirements)."""


def test_or_ssp_determination_while_information_is_outstanding(runner, write):
    waiting = AREAS_ANSWERED + "outstanding_info:\n  - item: Child safety check\n    requested: 2026-02-01\n"
    staffing = (
        "  - date: 2026-02-10\n    kind: re-engagement\n    present:\n"
        "      - {role: FC, initials: RH}\n      - {role: Manager, initials: XR}\n      - {role: Engagement Specialist, initials: JB}\n"
        "    discussion: Reviewed.\n    decision: A disqualification was imposed.\n"
        "    next_steps: [{step: Send the notice, due: 2026-02-20}]\n"
    )
    path = _case(write, "or-ssp-reengagement", staffing, waiting)
    assert _refusal(runner, path) == [
        "  - the 2026-02-10 staffing: information still outstanding: Child safety check (requested 2026-02-01) -- the"
        " determination waits for a follow-up case review once it is gathered [information-gathered; OR ODHS SSP"
        " Re-engagement Guide, Process]"
    ]
    received_later = waiting + "    received: 2026-02-12\n"
    path = _case(write, "or-ssp-reengagement", staffing, received_later)
    assert "(requested 2026-02-01, received 2026-02-12)" in _refusal(runner, path)[0]
    received_before = waiting + "    received: 2026-02-09\n"
    path = _case(write, "or-ssp-reengagement", staffing, received_before)
    assert runner.invoke(app, ["narrate", str(path)]).exit_code == 0


def test_or_ssp_determination_needs_three_department_staff(runner, write):
    staffing = (
        "  - date: 2026-02-10\n    kind: re-engagement\n    present:\n"
        "      - {role: FC, initials: RH}\n      - {role: CPC, initials: JD}\n      - {role: Participant, initials: TE}\n"
        "      - {role: Manager, initials: XR}\n"
        "    discussion: Reviewed.\n    decision: No disqualification was imposed.\n"
        "    next_steps: [{step: Call, due: 2026-02-20}]\n"
    )
    path = _case(write, "or-ssp-reengagement", staffing, AREAS_ANSWERED)
    assert _refusal(runner, path) == [
        "  - the 2026-02-10 staffing: only 2 department staff -- present: FC: RH, CPC: JD, Participant: TE, Manager: XR;"
        " the team needs at least 3 department staff or designees (FC, Manager, Lead Worker, Engagement Specialist,"
        " Case Aide): add who else was present (a designee with designee_for: ROLE) [team-of-three; OR ODHS SSP"
        " Re-engagement Guide, Team members' roles]"
    ]
    designee = staffing.replace("{role: CPC, initials: JD}", "{role: CPC, initials: JD, designee_for: Engagement Specialist}")
    path = _case(write, "or-ssp-reengagement", designee, AREAS_ANSWERED)
    assert runner.invoke(app, ["narrate", str(path)]).exit_code == 0, "a designee counts toward the three"
    without_decision = staffing.replace("    decision: No disqualification was imposed.\n", "")
    path = _case(write, "or-ssp-reengagement", without_decision)
    assert runner.invoke(app, ["narrate", str(path)]).exit_code == 0


def test_staffing_selection_errors(runner, write):
    staffing = (
        "  - {date: 2026-02-10, kind: re-engagement, present: [{role: FC, initials: RH}], discussion: A.,"
        " next_steps: [{step: X, due: 2026-02-20}]}\n"
        "  - {date: 2026-02-10, kind: follow-up-review, present: [{role: FC, initials: RH}], discussion: B.,"
        " next_steps: [{step: Y, due: 2026-02-20}]}\n"
    )
    path = _case(write, "or-ssp-reengagement", staffing)
    result = runner.invoke(app, ["narrate", str(path), "--staffing", "2026-02-10"])
    assert result.exit_code == 2
    assert (
        "2 staffings were held on 2026-02-10; choose one with --staffing 2026-02-10:re-engagement,"
        " 2026-02-10:follow-up-review" in result.output
    )
    result = runner.invoke(app, ["narrate", str(path), "--staffing", "2026-02-10:follow-up-review"])
    assert result.exit_code == 0 and "\nB.\n" in result.stdout
    result = runner.invoke(app, ["narrate", str(path), "--staffing", "2026-03-01"])
    assert result.exit_code == 2
    assert "no staffing on 2026-03-01" in result.output and "recorded: 2026-02-10 (re-engagement), 2026-02-10 (follow-up-review)" in result.output
    result = runner.invoke(app, ["narrate", str(path), "--staffing", "last week"])
    assert result.exit_code == 2
    assert "--staffing: 'last week' is not a date; write dates as YYYY-MM-DD, e.g. 2026-03-01 (or 'latest')" in result.output


def test_no_staffing_recorded_yet(runner, write):
    path = write("case.yaml", "case_id: T-1\nprogram: la-step\nparticipant: {name: T Example}\nenrolled: 2026-01-05\n")
    result = runner.invoke(app, ["narrate", str(path)])
    assert result.exit_code == 2
    assert f"no staffing is recorded yet; record one with `casestaff record {path}`" in result.output


# -- templates can be overridden, never leak markers or empty values -----------------------------


def _with_templates(write, tmp_path, template: str) -> Path:
    write("casestaff.toml", 'templates = "tpl"\n')
    write("tpl/narration/or-ssp-reengagement.txt.j2", template)
    case = tmp_path / "amy.yaml"
    shutil.copyfile(AMY, case)
    return case


def test_a_user_template_extends_the_packaged_one(runner, write, tmp_path):
    case = _with_templates(
        write, tmp_path, '{% extends "default:narration/or-ssp-reengagement.txt.j2" %}\n'
    )
    result = runner.invoke(app, ["narrate", str(case)])
    assert result.exit_code == 0, result.output
    assert result.stdout == _without_page_breaks(POLICY_EXAMPLE).replace("mm/dd/yy", "11/24/26")


def test_an_empty_field_never_reaches_the_output(runner, write, tmp_path):
    case = _with_templates(write, tmp_path, "{{ title }}\nExplanation: {{ staffing.explanation }}\n")
    result = runner.invoke(app, ["narrate", str(case)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        "  - narration line 2 would print an empty value: 'Explanation: <empty>'; the template prints a field this"
        " staffing does not have" in result.stderr
    )


def test_a_leftover_template_marker_never_reaches_the_output(runner, write, tmp_path):
    case = _with_templates(write, tmp_path, "{{ title }}\nNext: {% raw %}{{ staffing.decision }}{% endraw %}\n")
    result = runner.invoke(app, ["narrate", str(case)])
    assert result.exit_code == 1
    assert "  - narration line 2 holds the template marker '{{': 'Next: {{ staffing.decision }}'" in result.stderr


def test_braces_the_caseworker_typed_are_text_not_a_template_marker(runner, write):
    staffing = (
        "  - date: 2026-02-10\n    kind: re-engagement\n    present: [{role: FC, initials: RH}]\n"
        "    discussion: 'Form {{4333}} and {% done %} as she wrote it {#1}'\n"
        "    next_steps: [{step: Call, due: 2026-02-20}]\n"
    )
    path = _case(write, "or-ssp-reengagement", staffing)
    result = runner.invoke(app, ["narrate", str(path)])
    assert result.exit_code == 0, result.output
    assert "\nForm {{4333}} and {% done %} as she wrote it {#1}\n" in result.stdout


def test_a_template_naming_an_unknown_field_is_a_usage_error(runner, write, tmp_path):
    case = _with_templates(write, tmp_path, "{{ staffing.verdict }}\n")
    result = runner.invoke(app, ["narrate", str(case)])
    assert result.exit_code == 2
    # the file, the name the caseworker typed and casestaff's words; how Jinja phrases the rest is its own
    [line] = result.stderr.splitlines()
    assert line.startswith(f"casestaff: {tmp_path / 'tpl' / 'narration' / 'or-ssp-reengagement.txt.j2'}: "), line
    assert "'verdict'" in line and line.endswith(" (a name the template uses is not defined)"), line


# -- shaping for the system of record -------------------------------------------------------------


def test_ascii_folds_accents_and_smart_punctuation(runner, write):
    staffing = (
        "  - date: 2026-02-10\n    kind: re-engagement\n    present: [{role: FC, initials: RH}]\n"
        "    discussion: “Renée’s” café plan — 3–4 weeks… Łukasz said ½ is fine.\n"
        "    next_steps: [{step: Call Zoë, due: 2026-02-20}]\n"
    )
    path = _case(write, "or-ssp-reengagement", staffing)
    result = runner.invoke(app, ["narrate", str(path), "--ascii"])
    assert result.exit_code == 0, result.output
    assert "\"Renee's\" cafe plan -- 3-4 weeks... Lukasz said 1/2 is fine.\n" in result.stdout
    assert "Next steps: Call Zoe.\n" in result.stdout
    assert result.stdout.isascii()


def test_width_wraps_without_cutting_words(runner):
    result = runner.invoke(app, ["narrate", str(AMY), "--width", "40"])
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 40 for line in result.stdout.splitlines())
    expected = _without_page_breaks(POLICY_EXAMPLE).replace("mm/dd/yy", "11/24/26")
    assert result.stdout.split() == expected.split()
    assert result.stdout.startswith(
        "Team re-engagement follow-up\n\nPresent at staffing: CPC: JD, FC: RH,\nManager: XR, Engagement Specialist: JB.\n"
    )


def test_max_chars_splits_into_numbered_parts_between_words(runner):
    result = runner.invoke(app, ["narrate", str(AMY), "--max-chars", "300"])
    assert result.exit_code == 0, result.output
    parts = result.stdout.split("\n\n(")
    assert len(parts) == 3
    assert result.stdout.startswith("(1/3)\nTeam re-engagement follow-up\n")
    for index, part in enumerate(parts, 1):
        text = part if index == 1 else "(" + part
        assert text.startswith(f"({index}/3)\n")
        assert len(text.rstrip("\n")) <= 300
    assert "\n\n(3/3)\nNext steps: Amy will contact 4 more providers" in result.stdout
    words = [w for w in result.stdout.split() if not (w.startswith("(") and w.endswith("/3)"))]
    expected = _without_page_breaks(POLICY_EXAMPLE).replace("mm/dd/yy", "11/24/26")
    assert words == expected.split()


def test_max_chars_smaller_than_a_word_is_refused(runner):
    result = runner.invoke(app, ["narrate", str(AMY), "--max-chars", "20"])
    assert result.exit_code == 2
    assert (
        "casestaff: --max-chars leaves 14 characters after the part label, fewer than the word 'disqualification'"
        " (16 characters); give a larger --max-chars\n" == result.output
    )


def test_out_writes_an_owner_only_file_and_nothing_to_stdout(runner, tmp_path):
    out = tmp_path / "narration.txt"
    result = runner.invoke(app, ["narrate", str(AMY), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == _without_page_breaks(POLICY_EXAMPLE).replace("mm/dd/yy", "11/24/26")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_out_refuses_to_write_over_a_case_file(runner, tmp_path):
    case = tmp_path / "amy.yaml"
    shutil.copyfile(AMY, case)
    other = tmp_path / "other.yml"
    shutil.copyfile(AMY, other)
    before = case.read_bytes()
    result = runner.invoke(app, ["narrate", str(case), "--out", str(case)])
    assert result.exit_code == 2
    assert result.stderr == f"casestaff: --out {case}: that is the case file; write the narration to a .txt file\n"
    result = runner.invoke(app, ["narrate", str(case), "--out", str(other)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"casestaff: --out {other}: that looks like a case or settings file; write the narration to a .txt file\n"
    )
    assert case.read_bytes() == before
    assert other.read_bytes() == before


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_every_sample_narrates_or_says_what_is_missing(runner, sample):
    from casestaff.files.casefile import read_case
    from casestaff.files.config import Config
    from casestaff.packset import load_packset

    path = SAMPLES / sample
    case, problems = read_case(path.read_bytes(), str(path), load_packset(Config()).packs)
    assert problems == []
    result = runner.invoke(app, ["narrate", str(path), "--as-of", "2026-12-31"])
    if not case.staffings:
        assert result.exit_code == 2 and "no staffing is recorded yet" in result.output
    elif result.exit_code == 1:
        assert result.stdout == ""
        assert "cannot be printed yet:\n  - " in result.stderr
    else:
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() and "None" not in result.stdout


def test_a_narration_template_that_fails_while_rendering_is_a_usage_error(runner, write, tmp_path):
    case = _with_templates(write, tmp_path, "{{ title }}\n{{ staffing.date / 0 }}\n")
    result = runner.invoke(app, ["narrate", str(case)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "narration/or-ssp-reengagement.txt.j2:2: TypeError: " in result.stderr  # what Python adds is its own
    assert "Traceback" not in result.stderr


def test_or_ssp_determination_needs_every_review_area_answered(runner, write):
    staffing = (
        "  - date: 2026-02-10\n    kind: re-engagement\n    present:\n"
        "      - {role: FC, initials: RH}\n      - {role: Manager, initials: XR}\n      - {role: Engagement Specialist, initials: JB}\n"
        "    discussion: Reviewed.\n    decision: No disqualification was imposed.\n"
        "    next_steps: [{step: Call, due: 2026-02-20}]\n"
    )
    gaps = (
        AREAS_ANSWERED.replace("{area: mental_health, limitation: no}", "{area: mental_health, limitation: unknown}")
        .replace("{area: physical_health, limitation: no}", "{area: physical_health, limitation: yes, affected_participation: no}")
        .replace("  - {area: childcare_transportation, limitation: no}\n", "")
    )
    path = _case(write, "or-ssp-reengagement", staffing, gaps)
    assert _refusal(runner, path) == [
        "  - the 2026-02-10 staffing: review areas not answered: mental health (limitation unknown); physical health"
        " (accommodations offered not recorded); childcare needs / transportation (not reviewed) -- answer each in"
        " review_areas: was a limitation present (yes or no); if yes, the accommodations offered and whether it"
        " affected participation [review-areas-answered; OR ODHS SSP Re-engagement Guide, Expectation of the Family"
        " Coach / Department]"
    ]
    answered = gaps.replace("affected_participation: no}", "accommodations: Medical deferral offered, affected_participation: no}")
    answered = answered.replace("limitation: unknown}", "limitation: no}") + "  - {area: childcare_transportation, limitation: no}\n"
    assert runner.invoke(app, ["narrate", str(_case(write, "or-ssp-reengagement", staffing, answered))]).exit_code == 0
