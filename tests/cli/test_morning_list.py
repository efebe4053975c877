"""The morning list at a glance (issue 10, item 3), from the user's side.

On a real terminal (a pseudo-terminal here, at 80 and 120 columns): the compact view, one line per
flag, nothing wider than the screen and no id broken; the pager when the list is taller than the
screen, and not otherwise. Through CliRunner (not a terminal): the plain, JSON and CSV lists, the
statuses' definition in `due --help`, and --within meaning one thing in the heading and the statuses.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from casestaff.cli.main import app
from casestaff.files.config import Config
from casestaff.packset import load_packset

from ..conftest import REPO

AS_OF = "2026-12-01"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
STATUS_WORDS = ("OVERDUE", "DUE", "UPCOMING")

posix_terminal = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def on_terminal(args: list[str], *, columns: int, lines: int = 1000, env: dict[str, str] | None = None) -> str:
    """What `casestaff ARGS` shows on a terminal COLUMNS wide and LINES tall (escape codes kept)."""
    import pty

    main, secondary = pty.openpty()
    environment = {**os.environ, "COLUMNS": str(columns), "LINES": str(lines), "TERM": "xterm-256color", **(env or {})}
    environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "casestaff", *args], stdin=secondary, stdout=secondary, stderr=secondary, cwd=REPO, env=environment
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0, b"".join(chunks).decode("utf-8", "replace")
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def shown(text: str) -> list[str]:
    """The lines a person reads: colours and other escape codes taken out."""
    return ANSI.sub("", text).rstrip("\n").split("\n")


def listed(runner, *options: str) -> list[dict]:
    result = runner.invoke(app, ["due", "sample_cases", "--as-of", AS_OF, "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


# --- the compact view on a terminal --------------------------------------------------------------


@posix_terminal
@pytest.mark.parametrize("columns", [50, 80, 120])
def test_the_compact_view_fits_the_terminal_one_line_per_flag(runner, in_repo, columns):
    items = listed(runner)
    flags = [item for item in items if item["kind"] == "flag"]
    lines = shown(on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=columns))

    too_wide = [line for line in lines if cell_len(line) > columns]
    assert too_wide == []
    top = " ".join(lines[:4])  # the heading and the summary first, not scrolled away (two lines at 80 columns)
    assert top.startswith("casestaff due -- as of Tue 2026-12-01; window: 14 days, to Tue 2026-12-15 24 participants need attention")
    if columns >= 80:
        assert lines[1].startswith("24 participants need attention")
        assert lines[-1].startswith("Total: 24 participants, ")  # and a one-line total last
    else:
        assert "Total: 24 participants, " in " ".join(lines[-2:])
    # one line per flag, each with its status word, under its participant
    flag_lines = [line for line in lines if line.split()[:1] and line.split()[0] in STATUS_WORDS and line.startswith(" ")]
    assert len(flag_lines) == len(flags)
    assert [line.split()[0] for line in flag_lines] == [f["status"].upper() for f in flags]
    # every case id whole (never broken across lines), and each due date once, not twice
    words = " ".join(lines).split()
    for case in {f["case"] for f in flags}:
        assert case in words
    for line, flag in zip(flag_lines, flags, strict=True):
        due = dt.date.fromisoformat(flag["due"])
        assert line.count(f"{due:%a %m/%d}") == 1, line  # the list shows it once; a reason may quote it


@posix_terminal
def test_the_compact_view_keeps_file_names_whole_and_drops_the_folder(runner, in_repo):
    lines = shown(on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=120))
    text = "\n".join(lines)
    assert "sample_cases/" not in text
    assert "la-step-marcus-bell.yaml" in text.split()


@posix_terminal
def test_hard_deadlines_are_marked_with_a_word_and_come_first_in_their_status(runner, in_repo):
    lines = shown(on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=120))
    ray = lines.index(next(line for line in lines if "Ray Thibodeaux" in line))
    flags = lines[ray + 1 : ray + 5]
    # the sanction due Fri 12/11 comes before the step due Thu 12/04: both DUE, the sanction HARD
    assert flags[1].split()[:3] == ["DUE", "HARD", "Fri"] and "Sanction pending" in flags[1]
    assert flags[2].split()[:2] == ["DUE", "Fri"] and "HARD" not in flags[2]


@posix_terminal
@pytest.mark.parametrize("columns", [80, 120])
def test_long_view_shows_evidence_and_breaks_no_id_or_file_name(runner, in_repo, columns):
    flags = [item for item in listed(runner) if item["kind"] == "flag"]
    lines = shown(on_terminal(["due", "sample_cases", "--as-of", AS_OF, "--long"], columns=columns))
    assert all(cell_len(line) <= columns for line in lines)
    cells = " ".join(part.strip() for line in lines for part in line.split("│")).split()
    for flag in flags:
        assert flag["case"] in cells
        assert Path(flag["file"]).name in cells
        assert flag["program"] in cells
    assert "evidence:" in cells and "policy:" in cells
    assert shown(on_terminal(["due", "sample_cases", "--as-of", AS_OF, "--explain"], columns=columns)) == lines


# --- the pager ---------------------------------------------------------------------------------

PAGER = """\
import sys
with open(sys.argv[1], "wb") as out:
    out.write(sys.stdin.buffer.read())
"""


@pytest.fixture
def pager(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A pager that writes what it is given to a file: ($CASESTAFF_PAGER, the file)."""
    script = tmp_path / "pager.py"
    script.write_text(PAGER, encoding="utf-8")
    received = tmp_path / "paged.txt"
    return {"CASESTAFF_PAGER": f"{sys.executable} {script} {received}"}, received


@posix_terminal
def test_a_list_taller_than_the_screen_goes_through_the_pager_in_colour(in_repo, pager):
    env, received = pager
    screen = on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=80, lines=30, env=env)
    paged = received.read_text(encoding="utf-8")
    assert "Marcus Bell" in paged and "Marcus Bell" not in screen
    assert "\x1b[" in paged  # colours survive the pager
    assert shown(paged)[-1].startswith("Total: ")


@posix_terminal
def test_no_pager_when_the_list_fits_or_with_no_pager(in_repo, pager):
    env, received = pager
    fits = on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=120, lines=1000, env=env)
    assert "Marcus Bell" in fits and not received.exists()
    asked = on_terminal(["due", "sample_cases", "--as-of", AS_OF, "--no-pager"], columns=80, lines=30, env=env)
    assert "Marcus Bell" in asked and not received.exists()


@posix_terminal
def test_pager_falls_back_to_pager_and_is_off_when_set_empty_or_cat(in_repo, pager, monkeypatch):
    env, received = pager
    monkeypatch.delenv("CASESTAFF_PAGER", raising=False)
    on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=80, lines=30, env={"PAGER": env["CASESTAFF_PAGER"]})
    assert "Marcus Bell" in received.read_text(encoding="utf-8")  # $PAGER when $CASESTAFF_PAGER is not set
    received.unlink()
    for off in ("", "cat"):  # as in git: an empty pager or cat means none
        screen = on_terminal(
            ["due", "sample_cases", "--as-of", AS_OF], columns=80, lines=30, env={"CASESTAFF_PAGER": off, "PAGER": env["CASESTAFF_PAGER"]}
        )
        assert "Marcus Bell" in screen and not received.exists()


@posix_terminal
def test_a_pager_that_is_not_there_prints_the_list_instead(in_repo, tmp_path):
    missing = {"CASESTAFF_PAGER": str(tmp_path / "no-such-pager"), "PAGER": str(tmp_path / "no-such-pager")}
    screen = on_terminal(["due", "sample_cases", "--as-of", AS_OF], columns=80, lines=30, env=missing)
    assert "Marcus Bell" in screen
    assert "Traceback" not in screen


def test_piped_output_never_pages(runner, in_repo, pager, monkeypatch):
    env, received = pager
    monkeypatch.setenv("CASESTAFF_PAGER", env["CASESTAFF_PAGER"])
    monkeypatch.setenv("LINES", "10")
    result = runner.invoke(app, ["due", "sample_cases", "--as-of", AS_OF])
    assert result.exit_code == 0
    assert "Marcus Bell" in result.stdout and not received.exists()


# --- statuses and the window -------------------------------------------------------------------


def test_help_defines_the_statuses_the_window_and_hard_deadlines(runner):
    result = runner.invoke(app, ["due", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.replace("│", " ").split())
    for defined in ("OVERDUE = its due date has passed", "DUE = due in the window", "UPCOMING = due after the window"):
        assert defined in text
    assert "The window: the as-of day and the DAYS days after it" in text
    assert "HARD marks a hard deadline" in text
    assert "--long" in text and "--explain" in text and "--no-pager" in text


@pytest.mark.parametrize("within", [0, 7, 14, 30])
def test_within_means_one_thing_in_the_heading_and_every_status(runner, in_repo, within):
    as_of = dt.date.fromisoformat(AS_OF)
    end = as_of + dt.timedelta(days=within)
    for item in listed(runner, "--within", str(within)):
        due, since = dt.date.fromisoformat(item["due"]), dt.date.fromisoformat(item["since"])
        if item["status"] == "overdue":
            assert due < as_of
        elif item["status"] == "due":
            assert as_of <= due <= end, item
        elif item["status"] == "upcoming":
            assert due > end and since <= end, item
    plain = runner.invoke(app, ["due", "sample_cases", "--as-of", AS_OF, "--within", str(within)]).stdout
    day_word = "day" if within == 1 else "days"
    assert plain.startswith(f"casestaff due -- as of Tue 2026-12-01; window: {within} {day_word}, to {end:%a %Y-%m-%d}\n")


def test_a_flag_due_after_the_window_is_never_called_due(runner, in_repo):
    """The issue's "DUE in 23 days" under "looking 14 days ahead": now UPCOMING, and still listed."""
    plain = runner.invoke(app, ["due", "sample_cases", "--as-of", AS_OF]).stdout
    assert "UPCOMING Thu 2026-12-24 (in 23 days)  la-step.pending-sanction  HARD DEADLINE" in plain
    assert not re.search(r"^\s*DUE .*\(in (1[5-9]|[2-9]\d) days\)", plain, re.M)


# --- plain, JSON and CSV keep every field, and gain the new ones ---------------------------------


def test_json_and_csv_gain_days_overdue_last_staffing_planned_meeting_and_hard_deadline(runner, in_repo):
    items = listed(runner)
    as_of = dt.date.fromisoformat(AS_OF)
    for item in items:
        late = (as_of - dt.date.fromisoformat(item["due"])).days
        assert item["days_overdue"] == (late if item["status"] == "overdue" else 0)
    marcus = next(i for i in items if i["case"] == "LA-ST-0103")
    assert (marcus["last_staffing"], marcus["planned_meeting"]) == ("2026-08-20", None)  # la-step-marcus-bell.yaml
    jose = next(i for i in items if i["case"] == "LA-ST-0101")
    assert (jose["last_staffing"], jose["planned_meeting"]) == ("2026-05-20", "2026-12-03")
    hard = {(i["case"], i["rule"]) for i in items if i["hard_deadline"]}
    assert ("LA-ST-0101", "la-step.pending-sanction") in hard
    assert ("OR-RE-0302", "or-ssp-reengagement.disqualification-pending") in hard
    assert all(rule.endswith(("pending-sanction", "disqualification-pending", "disqualification-while-waiting")) for _, rule in hard)

    text = runner.invoke(app, ["due", "sample_cases", "--as-of", AS_OF, "--format", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == len(items)
    assert list(rows[0]) == list(items[0])  # the same fields, in the same order
    jose_row = next(r for r in rows if r["case"] == "LA-ST-0101" and r["rule"] == "la-step.pending-sanction")
    assert (jose_row["hard_deadline"], jose_row["days_overdue"], jose_row["last_staffing"], jose_row["planned_meeting"]) == (
        "yes", "0", "2026-05-20", "2026-12-03",
    )  # fmt: skip


def test_plain_output_keeps_every_field_and_says_what_the_statuses_mean(runner, in_repo):
    plain = runner.invoke(app, ["due", "sample_cases", "--as-of", AS_OF]).stdout
    for item in listed(runner):
        if item["kind"] == "flag":
            for value in (item["reason"], item["citation"], item["rule"], item["file"]):
                assert value in plain
            assert all(f"(line {e['line']})" in plain for e in item["evidence"])
    assert "3.  José Núñez -- LA-ST-0101 -- la-step -- worker KM -- sample_cases/la-step-jose-nunez.yaml -- last staffing 2026-05-20 -- planned meeting 2026-12-03" in plain
    assert plain.rstrip().splitlines()[-1].startswith("Statuses: OVERDUE = its due date has passed;")


# --- which rules are hard deadlines is the pack's to say -----------------------------------------


def test_a_pack_declares_its_hard_deadlines_no_python_involved(runner, tmp_path, in_repo):
    pack = (REPO / "src" / "casestaff" / "program_packs" / "la-step.yaml").read_text(encoding="utf-8")
    assert pack.count("hard_deadline: true") == 1
    office = pack.replace("hard_deadline: true", "hard_deadline: false").replace(
        "  - id: non-participation\n", "  - id: non-participation\n    hard_deadline: true\n"
    )
    (tmp_path / "la-step.yaml").write_text(office, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["la-step.yaml"]\n', encoding="utf-8")
    result = runner.invoke(
        app,
        ["due", str(REPO / "sample_cases" / "la-step-jose-nunez.yaml"), "--as-of", AS_OF, "--format", "json"],
        env={"CASESTAFF_CONFIG": str(tmp_path / "casestaff.toml")},
    )
    assert result.exit_code == 0, result.output
    hard = {item["rule"] for item in json.loads(result.stdout) if item["hard_deadline"]}
    assert hard == {"la-step.non-participation"}


def test_every_hard_deadline_quotes_the_policy_and_docs_list_it():
    """A rule marked hard_deadline must say in the policy's words why; docs/programs.md shows each."""
    programs_md = (REPO / "docs" / "programs.md").read_text(encoding="utf-8")
    marked = [(pack, rule) for pack in load_packset(Config()).packs.values() for rule in pack.rules if rule.hard_deadline]
    assert marked, "the built-in packs mark their sanctions and disqualifications"
    for pack, rule in marked:
        assert rule.citation.quote, f"{pack.id}.{rule.id}: a hard deadline needs the policy's words (citation.quote)"
        assert f"| `{pack.id}` | `{rule.id}` |" in programs_md
