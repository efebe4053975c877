"""`casestaff agenda --due` and `--provider`: many agendas at once, and the monthly provider staffing."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from casestaff.cli.main import app

from ..agenda_helpers import FIXTURES, check_html


@pytest.fixture
def caseload(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(FIXTURES / "la-step-sanction.yaml", folder)
    shutil.copy(FIXTURES / "sensitive.yaml", folder)
    (folder / "quiet.yaml").write_text(
        "case_id: QUIET-1\nprogram: or-ssp-case-management\nparticipant:\n  name: Quiet Case\nenrolled: 2026-11-01\n", encoding="utf-8"
    )
    return folder


def test_due_writes_one_agenda_per_participant_due(runner, caseload, tmp_path):
    out = tmp_path / "agendas"
    result = runner.invoke(app, ["agenda", "--due", str(caseload), "--out-dir", str(out), "--as-of", "2026-11-23", "--format", "txt"])
    assert result.exit_code == 3, result.output
    assert result.stdout == (
        f"Wrote 2 team agenda(s) (txt) to {out}, as of 2026-11-23:\n"
        "  LA-T-0001  meeting Tue 2026-11-24  LA-T-0001.txt  Dana Testcase  BLOCKED: All available information in the file before a sanction\n"
        "  SENS-0001  meeting Mon 2026-11-30  SENS-0001.txt  Quinn Sample  BLOCKED: All needed information gathered before a determination;"
        " Each review area answered -- a limitation or not, accommodations offered, effect on participation\n"
        "2 agenda(s) have blocking readiness checks; run `casestaff agenda CASE` on each for details.\n"
    )
    assert sorted(p.name for p in out.iterdir()) == ["LA-T-0001.txt", "SENS-0001.txt"]
    assert (out / "LA-T-0001.txt").read_text(encoding="utf-8").startswith("STEP case staffing: Dana Testcase\n")
    if os.name == "posix":
        assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}


def test_due_with_nobody_due_writes_nothing(runner, tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "quiet.yaml").write_text(
        "case_id: QUIET-1\nprogram: or-ssp-case-management\nparticipant:\n  name: Quiet Case\nenrolled: 2026-11-01\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["agenda", "--due", str(folder), "--out-dir", str(tmp_path / "out"), "--as-of", "2026-11-23"])
    assert result.exit_code == 0
    assert result.stdout == "Nobody is due within 14 days of 2026-11-23; no agenda written.\n"


def test_due_reports_broken_files_and_writes_the_rest(runner, caseload, tmp_path):
    (caseload / "broken.yaml").write_text("case_id: B-1\nprogram: la-step\n", encoding="utf-8")
    result = runner.invoke(app, ["agenda", "--due", str(caseload), "--out-dir", str(tmp_path / "o"), "--as-of", "2026-11-23"])
    assert result.exit_code == 1
    assert "broken.yaml:1:1: the case file is missing the required field 'participant'" in result.stderr
    assert "Wrote 2 team agenda(s) (md)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--due"], "--due writes one file per participant: give --out-dir DIR"),
        (["--due", "--out-dir", "x", "--out", "y.md"], "--out is for one agenda; with --due or --provider use --out-dir DIR"),
        (["--due", "--provider", "P", "--out-dir", "x"], "--due and --provider are different agendas; use one of them"),
        (["--month", "2026-12"], "--month goes with --provider NAME"),
        (["--format", "rtf", "x.yaml"], "--format: 'rtf' is not one of md, txt, html, docx, pdf"),
        (["--audience", "public", "x.yaml"], "--audience: 'public' is not one of team, partner"),
        ([], "give one CASE (a case file or a case id), or --due PATHS... --out-dir DIR"),
        (["--date", "12/01/2026", "x.yaml"], "--date: write dates as YYYY-MM-DD: 12/01/2026 is 2026-12-01 if you mean December 1"),
    ],
)
def test_option_mistakes_are_usage_errors(runner, args, message):
    result = runner.invoke(app, ["agenda", *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_a_case_file_with_problems_exits_1_with_located_messages(runner, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text((FIXTURES / "la-step-sanction.yaml").read_text(encoding="utf-8").replace("enrolled:", "enroled:"), encoding="utf-8")
    result = runner.invoke(app, ["agenda", str(path)])
    assert result.exit_code == 1
    assert f"{path}:16:1: unknown field 'enroled'; did you mean 'enrolled'?" in result.stderr
    assert result.stdout == ""


def test_date_option_sets_the_meeting(runner):
    result = runner.invoke(app, ["agenda", str(FIXTURES / "la-step-sanction.yaml"), "--as-of", "2026-11-23", "--date", "2026-11-27", "--format", "txt"])
    assert "Meeting:   Friday, November 27, 2026\n" in result.stdout


PROVIDER = """\
case_id: {id}
program: il-snap-et
provider: Example Works
participant:
  name: {name}
enrolled: 2026-03-02
components:
  - name: Job search
    start: {start}
participation:
  - {{month: 2026-11, required_hours: 80, actual_hours: {hours}}}
{extra}
"""


def test_provider_month_lists_every_customer_and_marks_customer_staffings(runner, tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        PROVIDER.format(id="P-1", name="Ada Provider", start="2026-06-10", hours=80,
                        extra="eligibility_checks:\n  - {month: 2026-12, verified_on: 2026-11-20, eligible: true}"),
        encoding="utf-8",
    )  # fmt: skip
    (folder / "b.yaml").write_text(
        PROVIDER.format(id="P-2", name="Ben Provider", start="2026-10-05", hours=80, extra="progress_reviews:\n  - {date: 2026-11-02, progress: some}"),
        encoding="utf-8",
    )  # fmt: skip
    args = ["agenda", "--provider", "example works", "--month", "2026-12", "--as-of", "2026-11-23", str(folder)]
    result = runner.invoke(app, [*args, "--format", "txt"])
    assert result.exit_code == 3, result.output  # Ben's December eligibility is not verified
    out = result.stdout
    assert out.startswith("Provider staffing, December 2026: Example Works\n")
    assert "Customers enrolled: 2; needing a customer staffing (form 4344): 1\n" in out
    assert "1. Ada Provider (P-1): CUSTOMER STAFFING NEEDED (form 4344)\n" in out
    assert "6 months in the same component (Job search) reached 2026-12-10: mandatory customer staffing in the 2026-12 monthly cycle [a.yaml, lines 8, 9]" in out
    assert "2. Ben Provider (P-2)\n" in out
    assert "   Level of participation: 2026-11: 80 of 80 hours (100%) [b.yaml, line 11]\n" in out
    assert "- Thu 2026-12-10: Provider completes form 4333 in ISETS" in out
    assert "    - Ben Provider (P-2): SNAP eligibility for December 2026 is not verified; verify it in IES before the staffing.\n" in result.stderr
    check_html(runner.invoke(app, [*args, "--format", "html"]).stdout)
    written = runner.invoke(app, [*args, "--out-dir", str(tmp_path / "out")])
    assert "to " + str(tmp_path / "out" / "Example_Works-2026-12.md") in written.stdout


def test_unknown_provider_suggests_the_known_ones(runner, tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.yaml").write_text(PROVIDER.format(id="P-1", name="Ada", start="2026-06-10", hours=80, extra=""), encoding="utf-8")
    result = runner.invoke(app, ["agenda", "--provider", "Example Work", str(folder)])
    assert result.exit_code == 2
    assert "casestaff: --provider: no customer of 'Example Work' in the case files; did you mean 'Example Works'?; providers: Example Works" in result.stderr


def test_provider_agenda_is_never_a_partner_agenda(runner, tmp_path):
    """The provider month lists every customer's barriers (DV, mental health): no partner copy of it."""
    folder = tmp_path / "cases"
    folder.mkdir()
    barrier = "risk_factors:\n  - {factor: domestic_violence, noted: 2026-10-01, note: Zqx-planted-dv-detail}"
    (folder / "a.yaml").write_text(PROVIDER.format(id="P-1", name="Ada Provider", start="2026-06-10", hours=80, extra=barrier), encoding="utf-8")
    out_dir = tmp_path / "out"
    args = ["agenda", "--provider", "Example Works", "--audience", "partner", "--partner", "Example Works", "--as-of", "2026-11-23"]
    for extra in ([str(folder)], [str(folder), "--out-dir", str(out_dir)]):
        result = runner.invoke(app, [*args, *extra])
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr == (
            "casestaff: --audience partner is for one case's agenda (or --due); the provider staffing agenda shows every"
            " customer's barriers and is for the team only\n"
        )
    assert not out_dir.exists()


def test_due_never_writes_one_agenda_over_another_when_ids_read_alike(runner, tmp_path):
    """'LA/0001' and 'LA 0001' both make the file name LA_0001: the second gets LA_0001-2."""
    folder = tmp_path / "cases"
    folder.mkdir()
    text = (FIXTURES / "la-step-sanction.yaml").read_text(encoding="utf-8")
    for name, case_id in (("a.yaml", "LA/0001"), ("b.yaml", "LA 0001")):
        (folder / name).write_text(text.replace("case_id: LA-T-0001", f"case_id: {case_id}"), encoding="utf-8")
    out = tmp_path / "agendas"
    result = runner.invoke(app, ["agenda", "--due", str(folder), "--out-dir", str(out), "--as-of", "2026-11-23", "--format", "txt"])
    assert result.exit_code == 3, result.output
    assert sorted(p.name for p in out.iterdir()) == ["LA_0001-2.txt", "LA_0001.txt"]
    firsts = {p.read_text(encoding="utf-8").splitlines()[0] for p in out.iterdir()}
    assert len(firsts) == 1 and "Dana Testcase" in firsts.pop()


def test_every_folder_the_batch_makes_is_owner_only(runner, caseload, tmp_path):
    """`--out-dir agendas/KM/december`: the folders above the last are made too, and their names
    (a worker, a month) say as much as the last one's: none readable by others."""
    out = tmp_path / "agendas" / "KM" / "december"
    result = runner.invoke(app, ["agenda", "--due", str(caseload), "--out-dir", str(out), "--as-of", "2026-11-23", "--format", "txt"])
    assert result.exit_code in (0, 3), result.output
    for folder in (tmp_path / "agendas", tmp_path / "agendas" / "KM", out):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_case_id_windows_keeps_for_a_device_is_written_under_a_name_windows_can_keep(runner, caseload, tmp_path):
    """A case id such as CON or nul.1 would name a device on Windows, not a file (NUL.txt too)."""
    for old, new in (("LA-T-0001", "CON"), ("SENS-0001", "nul.1")):
        for path in caseload.glob("*.yaml"):
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    out = tmp_path / "agendas"
    result = runner.invoke(app, ["agenda", "--due", str(caseload), "--out-dir", str(out), "--as-of", "2026-11-23", "--format", "txt"])
    assert result.exit_code == 3, result.output
    assert sorted(p.name for p in out.iterdir()) == ["CON_.txt", "nul_.1.txt"]
