"""Partner agendas leak nothing sensitive without a release, in any program or format."""

from __future__ import annotations

import re

import pytest

from casestaff.documents.agenda import render_agenda
from casestaff.cli.main import app

from ..agenda_helpers import FIXTURES, FORMATS, PROGRAMS, agenda_for

SENSITIVE = FIXTURES / "sensitive.yaml"

PLANTED = (
    # addresses, contact details, birth dates
    "ADDR-4417", "PHONE-MARKER", "1987-03-19", "2014-07-23", "GRANDMA-ADDR-77",
    # domestic violence
    "ZEBRA-DURATION-7730", "HARBOR-SAFE-0417", "ZEBRA-DV-7731", "DV-SHELTER-KOALA-7070", "DVACC-WOMBAT-1414",
    # mental health
    "MH-QUOKKA-2290", "BLUEBIRD-MH-5512", "MHACC-EMU-1515",
    # substance use
    "SU-PANGOLIN-6613", "SU-OKAPI-4408",
    # child welfare
    "CW-AXOLOTL-9921", "CW-NARWHAL-3304", "CWNEEDS-PUFFIN-2727", "CWPLACE-BADGER-8181", "CWPAT-CONDOR-1001", "CWTASK-WALRUS-2002",
    # free text, which may mention any of them
    "GOAL-IBEX-3301", "COMPNOTE-GECKO-5150", "PARTNOTE-LYNX-8080", "REVIEWNOTE-OTTER-6262", "STRENGTH-HERON-1212",
    "STRENGTH-FAMILY-1313", "NARR-TAPIR-1188", "FAMNARR-MOLE-2424", "OTHER-VOLE-3535", "COACH-SHREW-4646",
    "TRANSPORT-NOTE-9090", "SANCTION-IGUANA-5656",
)  # fmt: skip


def _as_program(tmp_path, program: str):
    """The sensitive case under another program (its planned invitations only fit re-engagement)."""
    text = SENSITIVE.read_text(encoding="utf-8").replace("program: or-ssp-reengagement", f"program: {program}")
    if program != "or-ssp-reengagement":
        text = text.split("planned_staffing:")[0]
    path = tmp_path / f"{program}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_team_agenda_does_show_the_planted_details(tmp_path):
    """The markers are real content: the team copies show them (so their absence below means something)."""
    shown = "".join(render_agenda(agenda_for(_as_program(tmp_path, p)), fmt) for p in PROGRAMS for fmt in FORMATS)
    missing = [marker for marker in PLANTED if marker not in shown]
    assert not missing


@pytest.mark.parametrize("program", PROGRAMS)
@pytest.mark.parametrize("partner", ["", "Community Action"])
def test_partner_copy_without_a_release_leaks_nothing(tmp_path, program, partner):
    path = _as_program(tmp_path, program)
    team = "".join(render_agenda(agenda_for(path), fmt) for fmt in FORMATS)
    agenda = agenda_for(path, audience="partner", partner=partner)
    assert agenda.readiness == ()
    for fmt in FORMATS:
        text = render_agenda(agenda, fmt)
        leaked = [marker for marker in PLANTED if marker in text]
        assert not leaked, f"{program}/{fmt} leaked {leaked}"
        assert "withheld (no release)" in text
    # what the program's agenda shows to the team is what the partner copy lists as withheld
    assert any(marker in team for marker in PLANTED)
    assert agenda.withheld


def test_withheld_list_names_the_areas_no_release_covers_never_what_or_where():
    md = render_agenda(agenda_for(SENSITIVE, audience="partner"), "md")
    section = md.split("## Withheld (no release)\n")[1]
    assert section.startswith(
        "\n- Domestic violence\n- Mental health\n- Substance use\n- Physical health\n- Child welfare\n"
        "- Addresses and contact details\n- Birth dates\n- Free-text notes (shared only under a release that covers all)\n\n"
    )
    assert "line" not in section and "risk factor" not in section and "[^" not in md
    assert "> No partner was named (`--partner`), so no release applies.\n" in md


def test_a_release_opens_only_its_area_for_its_partner(tmp_path):
    path = _as_program(tmp_path, "il-snap-et")
    opened = render_agenda(agenda_for(path, audience="partner", partner="bluebird counseling"), "md")
    assert "> The releases on file for this partner cover: mental health.\n" in opened
    assert "Referral for mental health on 2026-09-03 to BLUEBIRD-MH-5512 Counseling" in opened
    assert "- Mental health\n" not in opened.split("## Withheld (no release)")[1]
    assert "- Domestic violence\n" in opened.split("## Withheld (no release)")[1]
    for marker in ("ZEBRA-DV-7731", "DV-SHELTER-KOALA-7070", "SU-PANGOLIN-6613", "MH-QUOKKA-2290", "ADDR-4417"):
        assert marker not in opened  # other areas, and free text (MH-QUOKKA is a how-addressed note)
    closed = render_agenda(agenda_for(path, audience="partner", partner="Other Agency"), "md")
    assert "BLUEBIRD-MH-5512" not in closed


def test_a_release_covering_all_opens_everything(tmp_path):
    text = SENSITIVE.read_text(encoding="utf-8").replace("covers: [mental_health]", "covers: [all]")
    path = tmp_path / "all.yaml"
    path.write_text(text, encoding="utf-8")
    team = render_agenda(agenda_for(path), "md")
    partner = render_agenda(agenda_for(path, audience="partner", partner="Bluebird Counseling"), "md")
    assert {m for m in PLANTED if m in partner} == {m for m in PLANTED if m in team} != set()
    assert "## Withheld (no release)" not in partner
    assert partner.count("withheld (no release)") == 1  # only in the notice that explains the marker


def test_an_expired_release_opens_nothing(tmp_path):
    text = SENSITIVE.read_text(encoding="utf-8").replace("covers: [mental_health]", "covers: [all]\n    expires: 2026-11-01")
    path = tmp_path / "expired.yaml"
    path.write_text(text, encoding="utf-8")
    md = render_agenda(agenda_for(path, audience="partner", partner="Bluebird Counseling"), "md")
    assert "DVACC-WOMBAT-1414" not in md
    assert "> No release on file for this partner covers sensitive information.\n" in md


@pytest.mark.parametrize("fmt", FORMATS)
def test_partner_cli_output_leaks_nothing_on_stdout_or_in_the_file(runner, tmp_path, fmt):
    out = tmp_path / f"partner.{fmt}"
    args = ["agenda", str(SENSITIVE), "--as-of", "2026-11-23", "--format", fmt, "--audience", "partner", "--partner", "Community Action"]
    to_file = runner.invoke(app, [*args, "--out", str(out)])
    assert to_file.exit_code == 3, to_file.output  # the team's readiness still counts
    to_stdout = runner.invoke(app, args)
    for text in (out.read_text(encoding="utf-8"), to_stdout.stdout):
        assert not [m for m in PLANTED if m in text]
        assert re.search(r"withheld \(no release\)", text)


def test_partner_option_needs_the_partner_audience(runner):
    result = runner.invoke(app, ["agenda", str(SENSITIVE), "--partner", "X"])
    assert result.exit_code == 2
    assert "casestaff: --partner goes with --audience partner" in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_partner_batch_agendas_leak_nothing(runner, tmp_path, fmt):
    """`agenda --due --out-dir` with the partner audience: every file written is the redacted copy."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "sensitive.yaml").write_bytes(SENSITIVE.read_bytes())
    out = tmp_path / "out"
    args = ["agenda", "--due", str(cases), "--out-dir", str(out), "--as-of", "2026-11-23", "--format", fmt]
    result = runner.invoke(app, [*args, "--audience", "partner", "--partner", "Community Action"])
    assert result.exit_code in (0, 3), result.output
    assert "Wrote 1 partner agenda(s)" in result.stdout
    written = [path.read_text(encoding="utf-8") for path in out.iterdir()]
    assert len(written) == 1
    assert not [m for m in PLANTED if m in written[0] + result.stdout]
    assert "withheld (no release)" in written[0]
