"""Fixing a record from the user's side: the entry is shown as the narration will read before
it is written, `record --amend [DATE]` changes one entry in place and nothing else, and input
that stops early (end of input, Ctrl-C at a terminal) leaves a file `record --from` finishes."""

from __future__ import annotations

import os
import pty
import select
import shlex
import signal
import sys
import time

import pytest

from casestaff.cli.main import app

from ..conftest import SAMPLES
from ..documents.test_record import ADDED_FROM_PROMPTS, ANSWERS

AMY = SAMPLES / "or-ssp-reengagement-amy.yaml"

COMMENTED = {
    "  - date: 2026-11-10\n": "  # The follow-up call, by phone.\n  - date: 2026-11-10\n",
    "    title: Team re-engagement follow-up\n": "    title: Team re-engagement follow-up  # as TRACS shows it\n",
    "    decision: No disqualification": "    # The determination, word for word.\n    decision: No disqualification",
}


@pytest.fixture
def amy(tmp_path):
    """Amy's case with comments before, inside and after the entries."""
    path = tmp_path / "case folder" / "amy.yaml"
    path.parent.mkdir()
    text = AMY.read_text(encoding="utf-8")
    for old, new in COMMENTED.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text + "# end of file\n", encoding="utf-8")
    return path


# An outcome file for the 2026-11-10 follow-up-review Amy's file holds.
FOLLOW_UP = """\
date: 2026-11-10
kind: follow-up-review
title: Team re-engagement follow-up
present:
  - {role: FC, initials: RH}
discussion: Reviewed by phone.
next_steps:
  - step: Call two providers
    due: 2026-11-24
"""

# The prompts of --amend on the 2026-11-10 follow-up-review, each prefilled: Enter keeps a value.
KEEP_ALL = {
    "date": "",
    "kind": "",
    "title": "",
    "present": "",  # the same people -- is that who was there? [Y/n]
    "anyone else": "",
    "discussion": "",
    "strengths": "",
    "challenges": "",
    "decision": "",
    "explanation": "",
    "keep steps": "",  # Next steps so far: ... -- keep them? [Y/n]
    "more steps": "",
    "appointment": "",
    "time": "",
    "how": "",
    "initiated by": "",
}


def _amend(runner, amy, changes, *args, confirm="y"):
    answers = {**KEEP_ALL, **changes}
    return runner.invoke(
        app, ["record", str(amy), "--amend", *args, "--as-of", "2026-11-24"], input="\n".join([*answers.values(), confirm]) + "\n"
    )


def test_amend_changes_exactly_the_entry_and_keeps_every_comment(runner, amy):
    before = amy.read_text(encoding="utf-8")
    result = _amend(runner, amy, {"decision": "No disqualification was imposed.", "explanation": "She has two interviews."})
    assert result.exit_code == 0, result.output
    assert "Changing the 2026-11-10 staffing for Amy Example" in result.stdout
    assert "Decision or determination (- for none) [No disqualification was imposed as Amy has engaged in a new plan.]:" in result.stdout
    assert "The 2026-11-10 follow-up-review. Changed: decision, explanation." in result.stdout
    assert f"Put this in place of the 2026-11-10 staffing in {amy}? [Y/n]" in result.stdout
    assert f"Changed the 2026-11-10 staffing in {amy}.\n" in result.stdout
    old = "    decision: No disqualification was imposed as Amy has engaged in a new plan.\n"
    new = "    decision: No disqualification was imposed.\n    explanation: She has two interviews.\n"
    assert amy.read_text(encoding="utf-8") == before.replace(old, new)


def test_amend_clears_a_field_with_a_dash_and_offers_it_again(runner, amy):
    before = amy.read_text(encoding="utf-8")
    result = _amend(runner, amy, {"title": "-"})
    assert result.exit_code == 0, result.output
    assert amy.read_text(encoding="utf-8") == before.replace("    title: Team re-engagement follow-up  # as TRACS shows it\n", "")


def test_amend_an_earlier_staffing_by_its_date(runner, amy):
    before = amy.read_text(encoding="utf-8")
    answers = {"title": "Team re-engagement staffing and case review", "discussion": "", "decision": "", "keep steps": "y"}
    # the 10/28 staffing has no next appointment: its prompt is one line, the time, how and who are not asked
    answers = {k: v for k, v in {**KEEP_ALL, **answers}.items() if k not in ("time", "how", "initiated by")}
    result = runner.invoke(
        app, ["record", str(amy), "--amend", "2026-10-28", "--as-of", "2026-11-24"], input="\n".join([*answers.values(), "y"]) + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "Changed: title." in result.stdout
    assert amy.read_text(encoding="utf-8") == before.replace(
        "    title: Team re-engagement staffing\n", "    title: Team re-engagement staffing and case review\n"
    )


def test_amend_with_nothing_changed_writes_nothing(runner, amy):
    before = amy.read_bytes()
    result = _amend(runner, amy, {}, confirm="")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(f"Nothing changed; {amy} is left as it was.\n")
    assert amy.read_bytes() == before


def test_amend_from_an_outcome_file_replaces_the_entry_in_place(runner, amy, write):
    outcome = write("outcome.yaml", FOLLOW_UP)
    before = amy.read_text(encoding="utf-8")
    result = runner.invoke(app, ["record", str(amy), "--amend", "2026-11-10", "--from", str(outcome), "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Changed the 2026-11-10 staffing in {amy}.\n")
    head, entry = before.split("  # The follow-up call, by phone.\n")
    after = amy.read_text(encoding="utf-8")
    assert after.startswith(head + "  # The follow-up call, by phone.\n  - date: 2026-11-10\n")
    assert after.endswith("# end of file\n")
    assert "  # as TRACS shows it\n" in after  # the title did not change: its line is kept as it was
    assert "    discussion: Reviewed by phone.\n" in after and "decision:" not in after.split("2026-11-10")[1]


def _two_on_one_day(write):
    return write(
        "two.yaml",
        """\
        case_id: A-1
        program: or-ssp-reengagement
        participant: {name: Al Example}
        enrolled: 2026-01-05
        staffings:
          - {date: 2026-02-01, kind: re-engagement}
          - {date: 2026-02-01, kind: follow-up-review}
        """,
    )


@pytest.mark.parametrize(
    ("which", "says"),
    [
        ("2026-02-01", "casestaff: 2 staffings were held on 2026-02-01; choose one with --amend 2026-02-01:re-engagement, 2026-02-01:follow-up-review\n"),
        ("2026-03-01", "casestaff: no staffing on 2026-03-01 in {path}; recorded: 2026-02-01 (re-engagement), 2026-02-01 (follow-up-review)\n"),
        ("03/01/2026", "casestaff: --amend: write dates as YYYY-MM-DD: 03/01/2026 is 2026-03-01 if you mean March 1 (or 'latest')\n"),
    ],
)
def test_an_ambiguous_or_missing_date_is_refused_clearly(runner, write, which, says):
    path = _two_on_one_day(write)
    before = path.read_bytes()
    result = runner.invoke(app, ["record", str(path), "--amend", which, "--as-of", "2026-03-02"], input="\n" * 40)
    assert result.exit_code == 2, result.output
    assert result.stderr == says.format(path=path)
    assert path.read_bytes() == before


def test_amend_with_nothing_recorded_and_a_date_without_amend(runner, write):
    path = write("new.yaml", "case_id: A-2\nprogram: la-step\nparticipant: {name: Bo Example}\nenrolled: 2026-01-05\n")
    result = runner.invoke(app, ["record", str(path), "--amend"], input="\n" * 40)
    assert result.exit_code == 2
    assert result.stderr == f"casestaff: {path}: no staffing is recorded yet; record one with `casestaff record {path}`\n"
    result = runner.invoke(app, ["record", str(path), "2026-02-01"])
    assert result.exit_code == 2
    assert result.stderr == "casestaff: '2026-02-01': a DATE after CASE names the staffing to change with --amend: casestaff record CASE --amend 2026-02-01\n"


# -- Ctrl-C at a real terminal ---------------------------------------------------------------------


def _read(fd: int, until: str, seen: bytearray, timeout: float = 60) -> None:
    """Read what the terminal shows into `seen` until `until` appears (or the program ends)."""
    deadline = time.monotonic() + timeout
    while until.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the program ended
                return
            if not chunk:
                return
            seen += chunk


def _wait_or_kill(pid: int, timeout: float = 60) -> int:
    """The child's exit status; a child still running after `timeout` seconds is killed (the test fails, never hangs)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_ctrl_c_at_the_prompts_leaves_a_file_the_printed_command_finishes(runner, amy, monkeypatch):
    before = amy.read_text(encoding="utf-8")
    stop = ANSWERS.index("Amy has interviews with two providers on Monday.")
    pid, fd = pty.fork()
    if pid == 0:  # the child: casestaff at a terminal, as a caseworker runs it
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background test run may have inherited it ignored
        os.chdir(amy.parent)
        os.execve(sys.executable, [sys.executable, "-m", "casestaff", "record", amy.name, "--as-of", "2026-11-24"], dict(os.environ))
    seen = bytearray()
    try:
        os.write(fd, ("\n".join(ANSWERS[:stop]) + "\n").encode())
        _read(fd, "What the team discussed", seen)
        os.write(fd, b"\x03")  # Ctrl-C
        _read(fd, "\x00never\x00", seen)
    finally:
        status = _wait_or_kill(pid)
        os.close(fd)
    shown = seen.decode("utf-8", "replace").replace("\r\n", "\n")
    assert os.waitstatus_to_exitcode(status) == 2, shown
    assert amy.read_text(encoding="utf-8") == before
    (saved,) = amy.parent.glob(".amy.unsaved-outcome-*.yaml")
    assert (saved.stat().st_mode & 0o777) == 0o600
    line = next(line for line in shown.splitlines() if line.startswith("To finish it"))
    command = shlex.split(line.split(": ", 1)[1])
    assert command == ["casestaff", "record", "amy.yaml", "--from", saved.name, "--as-of", "2026-11-24"]
    monkeypatch.chdir(amy.parent)
    finish = runner.invoke(app, command[1:], input="\n".join(ANSWERS[stop:]) + "\n")
    assert finish.exit_code == 0, finish.output
    end = "# end of file\n"  # a comment at the margin after the list stays after it
    assert amy.read_text(encoding="utf-8") == before.removesuffix(end) + ADDED_FROM_PROMPTS + end


def test_the_finishing_command_is_quoted_for_the_shell(runner, amy):
    """A folder name with a space: the printed command, pasted into a shell, names the same files."""
    stop = ANSWERS.index("Amy has interviews with two providers on Monday.")
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS[:stop]) + "\n")
    assert result.exit_code == 2
    (saved,) = amy.parent.glob(".amy.unsaved-outcome-*.yaml")
    line = result.stderr.splitlines()[-1]
    assert line == f"To finish it (only what is not answered yet is asked): casestaff record '{amy}' --from '{saved}' --as-of 2026-11-24"
    assert shlex.split(line.split(": ", 1)[1])[2::2] == [str(amy), str(saved), "2026-11-24"]



def test_an_amend_stopped_early_is_finished_by_the_printed_command(runner, amy):
    before = amy.read_text(encoding="utf-8")
    answers = list({**KEEP_ALL, "decision": "No disqualification was imposed."}.values()) + ["y"]
    stop = list(KEEP_ALL).index("explanation")
    result = runner.invoke(app, ["record", str(amy), "--amend", "--as-of", "2026-11-24"], input="\n".join(answers[:stop]) + "\n")
    assert result.exit_code == 2
    assert amy.read_text(encoding="utf-8") == before
    (saved,) = amy.parent.glob(".amy.unsaved-outcome-*.yaml")
    command = shlex.split(result.stderr.splitlines()[-1].split(": ", 1)[1])
    assert command == ["casestaff", "record", str(amy), "--amend", "2026-11-10", "--from", str(saved), "--as-of", "2026-11-24"]
    finish = runner.invoke(app, command[1:], input="\n".join(answers[stop:]) + "\n")
    assert finish.exit_code == 0, finish.output
    old = "    decision: No disqualification was imposed as Amy has engaged in a new plan.\n"
    assert amy.read_text(encoding="utf-8") == before.replace(old, "    decision: No disqualification was imposed.\n")
    assert not saved.exists()


def test_amend_with_done_is_a_usage_error(runner, amy):
    result = runner.invoke(app, ["record", str(amy), "--amend", "--done", "1"])
    assert result.exit_code == 2
    assert result.stderr == "casestaff: --done and --amend do different things; use one at a time\n"


# -- one entry per date and kind: every command chooses a staffing by them ---------------------------


def test_an_outcome_for_a_date_and_kind_already_recorded_is_refused_naming_amend(runner, amy, write):
    outcome = write("outcome.yaml", FOLLOW_UP)
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--yes", "--as-of", "2026-11-24"])
    assert result.exit_code == 1, result.output
    assert (
        f"{outcome}:1:7: date: a follow-up-review held on 2026-11-10 is already recorded in {amy}; to change that entry,"
        " record with --amend 2026-11-10:follow-up-review; else correct this date or kind"
    ) in result.stderr
    assert amy.read_bytes() == before
    narrated = runner.invoke(app, ["narrate", str(amy), "--staffing", "2026-11-10", "--as-of", "2026-11-24"])
    assert narrated.exit_code == 0, narrated.output


def test_an_amend_that_moves_an_entry_onto_another_is_refused(runner, amy, write):
    outcome = write("outcome.yaml", FOLLOW_UP.replace("2026-11-10", "2026-10-28").replace("follow-up-review", "re-engagement"))
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--amend", "2026-11-10", "--from", str(outcome), "--as-of", "2026-11-24"])
    assert result.exit_code == 1, result.output
    assert "date: a re-engagement held on 2026-10-28 is already recorded" in result.stderr
    assert "--amend 2026-10-28:re-engagement" in result.stderr
    assert amy.read_bytes() == before


def test_a_saved_amend_given_without_amend_is_refused_naming_the_command(runner, amy):
    answers = list({**KEEP_ALL, "decision": "No disqualification was imposed."}.values()) + ["n"]
    result = runner.invoke(app, ["record", str(amy), "--amend", "--as-of", "2026-11-24"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    (saved,) = amy.parent.glob(".amy.unsaved-outcome-*.yaml")
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--from", str(saved), "--yes", "--as-of", "2026-11-24"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"casestaff: --from: {saved} holds a change to the 2026-11-10 staffing, not a new one; nothing was written."
        f" Record it with: casestaff record {shlex.quote(str(amy))} --amend 2026-11-10 --from {shlex.quote(str(saved))}\n"
    )
    assert amy.read_bytes() == before
    result = runner.invoke(app, ["record", str(amy), "--amend", "2026-11-10", "--from", str(saved), "--yes", "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert "    decision: No disqualification was imposed.\n" in amy.read_text(encoding="utf-8")


def test_two_of_one_kind_on_one_day_written_by_hand_are_not_a_dead_end(runner, write):
    """record refuses a second staffing of a kind on a day; one written by hand is still a case file
    every command reads, and --amend DATE:KIND takes the later entry, as every as-of question does."""
    path = _two_on_one_day(write)
    with path.open("a", encoding="utf-8") as file:
        file.write("  - date: 2026-02-01\n    kind: re-engagement\n    title: Afternoon\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    outcome = write("outcome.yaml", "date: 2026-02-01\nkind: re-engagement\ntitle: Afternoon, amended\n")
    result = runner.invoke(app, ["record", str(path), "--amend", "2026-02-01:re-engagement", "--from", str(outcome), "--yes", "--as-of", "2026-03-01"])
    assert result.exit_code == 0, result.output
    staffings = path.read_text(encoding="utf-8").split("staffings:\n", 1)[1]
    assert staffings.startswith("  - {date: 2026-02-01, kind: re-engagement}\n")  # the morning's, untouched
    assert "Afternoon, amended" in staffings


def test_input_stopped_at_the_last_question_keeps_every_answer(runner, amy):
    """Ctrl-C (or the end of input) at "Add this staffing ...?" loses nothing typed."""
    before = amy.read_text(encoding="utf-8")
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS[:-1]) + "\n")
    assert result.exit_code == 2, result.output
    assert f"Add this staffing to {amy}? [Y/n]" in result.stdout
    assert amy.read_text(encoding="utf-8") == before
    (saved,) = amy.parent.glob(".amy.unsaved-outcome-*.yaml")
    command = shlex.split(result.stderr.splitlines()[-1].split(": ", 1)[1])
    assert command == ["casestaff", "record", str(amy), "--from", str(saved), "--as-of", "2026-11-24"]
    finish = runner.invoke(app, command[1:], input="y\n")
    assert finish.exit_code == 0, finish.output
    end = "# end of file\n"
    assert amy.read_text(encoding="utf-8") == before.removesuffix(end) + ADDED_FROM_PROMPTS + end


@pytest.mark.skipif(sys.platform == "win32", reason="devices and named pipes are POSIX")
@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda path: path.symlink_to("/dev/zero"), "this is a link to /dev/zero, a device, not a file"),
        (os.mkfifo, "this is a named pipe (FIFO), not a file"),
        (lambda path: path.write_bytes(b"#" * (2 * 1024 * 1024)), "the file is 2.0 MB"),
    ],
)
def test_an_outcome_file_that_is_a_device_a_pipe_or_huge_is_refused_unread(runner, amy, make, what):
    """Neither fills memory nor waits forever for a writer: refused from what the file is."""
    outcome = amy.parent / "outcome.yaml"
    make(outcome)
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--yes", "--as-of", "2026-11-24"])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"casestaff: --from: {outcome}: {what}; an outcome file is a small YAML file (format: docs/recording.md)\n"
    assert amy.read_bytes() == before


PRESENT_NOV_10 = """\
    present:
      - {role: CPC, initials: JD}
      - {role: FC, initials: RH}
      - {role: Manager, initials: XR}
      - {role: Engagement Specialist, initials: JB}  # joined late
"""


@pytest.mark.parametrize(
    ("old", "answers", "new"),
    [
        (
            "    title: Team re-engagement follow-up  # as TRACS shows it\n",
            {"title": "Follow-up call"},
            "    title: Follow-up call\n",
        ),
        (PRESENT_NOV_10, {"present": "n", "anyone else": "FC\nRH\n"}, "    present:\n      - {role: FC, initials: RH}\n"),
    ],
)
def test_a_changed_value_takes_its_same_line_comment_with_it(runner, amy, old, answers, new):
    """A comment on the old value's line spoke of the old value; an unchanged one stays (above)."""
    uncommented = old.replace("  # joined late", "")
    text = amy.read_text(encoding="utf-8")
    assert text.count(uncommented) == 1
    amy.write_text(text.replace(uncommented, old), encoding="utf-8")
    before = amy.read_text(encoding="utf-8")
    result = _amend(runner, amy, answers)
    assert result.exit_code == 0, result.output
    assert amy.read_text(encoding="utf-8") == before.replace(old, new)


def test_amend_asks_about_the_lists_it_holds_in_plain_words(runner, amy):
    text = amy.read_text(encoding="utf-8")
    decision = "    decision: No disqualification"
    lists = "    strengths_identified:\n      - Persistent\n    challenges_identified:\n      - No childcare\n"
    amy.write_text(text.replace(decision, lists + decision, 1), encoding="utf-8")
    result = _amend(runner, amy, {"strengths": "\n", "challenges": "\n"})
    assert result.exit_code == 0, result.output
    assert "Strengths identified so far: Persistent -- keep them? [Y/n]" in result.stdout
    assert "Challenges identified so far: No childcare -- keep them? [Y/n]" in result.stdout
    assert result.stdout.endswith(f"Nothing changed; {amy} is left as it was.\n")


def test_the_kind_prompt_refuses_a_date_and_kind_already_recorded(runner, amy):
    """Said at once, not after every other answer is typed."""
    before = amy.read_bytes()
    answers = ["2026-11-10", "follow-up-review", "re-engagement"]
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(answers) + "\n")
    assert result.exit_code == 2, result.output
    assert (
        "Error: a follow-up-review held on 2026-11-10 is already recorded; give another kind, or stop (Ctrl-C) and change"
        f" that one with: casestaff record {shlex.quote(str(amy))} --amend 2026-11-10:follow-up-review\n"
        "Kind [re-engagement]: re-engagement\n"
    ) in result.stdout
    assert amy.read_bytes() == before
