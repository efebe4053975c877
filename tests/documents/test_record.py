"""`casestaff record`: an outcome (prompted or from a file) is added to the case file and
nothing else changes; `--done` marks a step; afterwards `casestaff due` reflects it."""

from __future__ import annotations

import os

import json
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from casestaff.cli import common
from casestaff.cli.main import app

from ..conftest import SAMPLES

AMY = SAMPLES / "or-ssp-reengagement-amy.yaml"

OUTCOME = """\
# The outcome of the 11/24 follow-up call.
date: 2026-11-24
kind: follow-up-review
title: Team re-engagement follow-up
present:
  - {role: FC, initials: RH}
  - {role: Manager, initials: XR}
discussion: Amy has interviews with two providers on Monday.
next_steps:
  - step: Amy will visit both providers
    owner: participant
    due: 2026-12-01
"""

ADDED_FROM_OUTCOME = """\
  - date: 2026-11-24
    kind: follow-up-review
    title: Team re-engagement follow-up
    present:
      - {role: FC, initials: RH}
      - {role: Manager, initials: XR}
    discussion: Amy has interviews with two providers on Monday.
    next_steps:
      - step: Amy will visit both providers
        owner: participant
        due: 2026-12-01
"""


@pytest.fixture
def amy(tmp_path):
    path = tmp_path / "amy.yaml"
    shutil.copyfile(AMY, path)
    return path


def _due_rules(runner, path, as_of):
    result = runner.invoke(app, ["due", str(path), "--as-of", as_of, "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    return [(row["rule"].split(".", 1)[1], row["reason"], row["due"]) for row in json.loads(result.stdout) if row["kind"] == "flag"]


def test_record_from_a_file_adds_only_the_new_entry(runner, amy, write):
    outcome = write("outcome.yaml", OUTCOME)
    before = amy.read_text(encoding="utf-8")
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Recorded the 2026-11-24 follow-up-review in {amy}.\n"
        f"Narration: casestaff narrate {amy} --staffing 2026-11-24\n"
    )
    assert amy.read_text(encoding="utf-8") == before + ADDED_FROM_OUTCOME


def test_record_by_case_id_in_the_configured_case_folder(runner, tmp_path, amy, write, monkeypatch):
    write("casestaff.toml", f'cases = "{tmp_path.as_posix()}"\n')
    outcome = write("outcome.yaml", OUTCOME)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["record", "OR-RE-0001", "--from", str(outcome), "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert amy.read_text(encoding="utf-8").endswith(ADDED_FROM_OUTCOME)


def test_an_unknown_case_is_a_usage_error(runner, tmp_path, amy, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a folder with a case file, not the one asked for
    result = runner.invoke(app, ["record", "NO-SUCH-ID", "--done", "1"])
    assert result.exit_code == 2
    assert result.stderr == "casestaff: no case file with case_id 'NO-SUCH-ID', nor a participant named so, in .; give the file's path, or --cases DIR\n"


@pytest.mark.parametrize("command", [["record", "--done", "1"], ["narrate"], ["agenda"]])
def test_a_case_id_in_two_files_is_refused_not_guessed(runner, tmp_path, amy, monkeypatch, command):
    """Two files with one id: the outcome, narration or agenda could be about the wrong person."""
    twin = tmp_path / "amy-copy.yaml"
    twin.write_bytes(amy.read_bytes())
    before = amy.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command[0], "or-re-0001", *command[1:], "--as-of", "2026-11-24"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"casestaff: case_id 'or-re-0001' is in 2 files: ./amy-copy.yaml, ./{amy.name}; give the file's path,"
        " and give each case its own id\n"
    )
    assert amy.read_bytes() == before == twin.read_bytes()


def test_an_invalid_outcome_file_is_refused_at_its_own_lines(runner, amy, write):
    outcome = write(
        "outcome.yaml",
        """\
        date: 2026-11-24
        kind: follow-up
        present:
          - {role: Coach, initials: RH}
        next_steps:
          - step: Call
            due: 2026-11-40
        """,
    )
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--as-of", "2026-11-24"])
    assert result.exit_code == 1
    assert f"{outcome}:7:10: next_steps[1].due: 2026-11-40 is not a real date" in result.output
    assert "nothing was written; fix" in result.output
    assert amy.read_bytes() == before


def test_an_outcome_that_breaks_the_programs_rules_is_refused(runner, amy, write):
    outcome = write(
        "outcome.yaml",
        """\
        date: 2026-11-24
        kind: follow-up
        present:
          - {role: Coach, initials: RH}
        """,
    )
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--as-of", "2026-11-23"])
    assert result.exit_code == 1
    assert result.output == (
        f"{outcome}:1:7: date: 2026-11-24 is after 2026-11-23; record a staffing once it has been held\n"
        f"{outcome}:2:7: kind: 'follow-up' is not a kind of staffing in or-ssp-reengagement; did you mean 'follow-up-review'?;"
        " use one of re-engagement, follow-up-review\n"
        f"{outcome}:4:12: present[1].role: 'Coach' is not a role in or-ssp-reengagement;"
        " use one of Participant, FC, Manager, Lead Worker, Engagement Specialist, Case Aide, CW, CPC\n"
        "casestaff: nothing was written.\n"
    )
    assert amy.read_bytes() == before


def test_a_case_file_with_problems_is_not_touched(runner, write):
    broken = write("broken.yaml", "case_id: X-1\nprogram: la-step\n")
    result = runner.invoke(app, ["record", str(broken), "--done", "1"])
    assert result.exit_code == 1
    assert f"{broken}:1:1: the case file is missing the required field 'participant'" in result.output
    assert f"fix the problems in {broken} first" in result.output


# -- prompts --------------------------------------------------------------------------------------

ANSWERS = [
    "2026-11-25",  # after --as-of: asked again
    "2026-11-24",  # date
    "follow-up",  # a kind that does not exist: asked again
    "follow-up-review",
    "",  # title: default (the kind's name)
    "n",  # not the same people as last time
    "fc",  # role typed in lower case
    "RH",
    "Engagement Specialist",
    "JB",
    "Chef",  # not a role: asked again
    "",  # done with people
    "Amy has interviews with two providers on Monday.",
    "Persistent",
    "",  # strengths done
    "",  # challenges done
    "",  # no decision
    "",  # no explanation
    "Amy will visit both providers",
    "",  # owner: default participant
    "",  # due: default two weeks after the staffing
    "",  # no more steps
    "2026-12-02",  # next appointment
    "10:30",
    "",  # how: default phone
    "",  # initiated by: default FC
    "y",  # write it
]

ADDED_FROM_PROMPTS = """\
  - date: 2026-11-24
    kind: follow-up-review
    title: Re-engagement follow-up case review
    present:
      - {role: FC, initials: RH}
      - {role: Engagement Specialist, initials: JB}
    discussion: Amy has interviews with two providers on Monday.
    strengths_identified:
      - Persistent
    next_steps:
      - step: Amy will visit both providers
        owner: participant
        due: 2026-12-08
    next_appointment:
      date: 2026-12-02
      time: "10:30"
      how: phone
      initiated_by: FC
"""


def test_prompts_offer_the_programs_roles_and_write_the_entry(runner, amy):
    before = amy.read_text(encoding="utf-8")
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    assert "Roles: Participant (Participant); FC (Family Coach); Manager (Operations Manager);" in result.output
    assert "Present: CPC: JD, FC: RH, Manager: XR, Engagement Specialist: JB -- is that who was there? [Y/n]" in result.output
    assert "'follow-up' is not a kind of or-ssp-reengagement; did you mean 'follow-up-review'?" in result.output
    assert "'Chef' is not a role in or-ssp-reengagement" in result.output
    assert "2026-11-25 is after 2026-11-24; record a staffing once it has been held" in result.output
    assert amy.read_text(encoding="utf-8") == before + ADDED_FROM_PROMPTS


def test_before_writing_the_entry_is_shown_as_the_narration_will_read(runner, amy):
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    shown = result.stdout.split("The 2026-11-24 follow-up-review. As the narration will read it (`casestaff narrate`):\n\n", 1)[1]
    shown, tracked = shown.split("\nNext steps as `casestaff due` will track them:\n", 1)
    assert tracked.startswith(f"  - Amy will visit both providers -- participant, due Tue 2026-12-08\n\nAdd this staffing to {amy}? [Y/n]")
    assert "kind: follow-up-review" not in result.stdout  # not YAML
    narrated = runner.invoke(app, ["narrate", str(amy), "--staffing", "2026-11-24"])
    assert narrated.exit_code == 0, narrated.output
    assert shown == "".join(f"    {line}\n" if line else "\n" for line in narrated.stdout.splitlines())
    assert "Present at staffing: FC: RH, Engagement Specialist: JB." in shown
    assert result.stderr == ""  # nothing is missing: no warning, and Enter would have written it


def test_enter_does_not_write_an_entry_that_lacks_what_is_required(runner, amy):
    """No discussion and no next steps: the narration cannot be printed, so a stray Enter must not
    write it; the summary marks what is not recorded and the warning says what to add."""
    before = amy.read_bytes()
    answers = list(ANSWERS)
    answers[answers.index("Amy has interviews with two providers on Monday.")] = ""
    step = answers.index("Amy will visit both providers")
    answers[step : step + 4] = [""]  # no next step
    answers[-1] = ""  # Enter at the last question
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert amy.read_bytes() == before
    assert "    Narration:\n\n    [not recorded] Strengths identified: Persistent.\n" in result.stdout
    assert f"Add this staffing to {amy} anyway? [y/N]: \nNothing was written. What you entered is saved in" in result.stdout
    assert result.stderr == (
        "`casestaff narrate` will refuse to narrate it until it has what every narration needs:\n"
        "  - no next steps are recorded for the 2026-11-24 staffing: add 'next_steps:' with step, owner and due date\n"
        "  - nothing is recorded under 'discussion:' for the 2026-11-24 staffing: add what the team discussed\n"
    )
    (saved,) = amy.parent.glob(".amy.unsaved-outcome-*.yaml")
    assert "strengths_identified:\n  - Persistent\n" in saved.read_text(encoding="utf-8")


def test_answering_no_at_the_end_writes_nothing_but_keeps_the_input(runner, amy):
    before = amy.read_bytes()
    answers = ANSWERS[:-1] + ["n"]
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert amy.read_bytes() == before
    saved = next(amy.parent.glob(".amy.unsaved-outcome-*.yaml"))
    assert f"Nothing was written. What you entered is saved in {saved}" in result.output
    kept = saved.read_text(encoding="utf-8")
    assert kept.startswith(f"# Not yet recorded: a staffing outcome for OR-RE-0001 (amy.yaml).\n# Record it with:  casestaff record {amy} --from THIS_FILE\n")
    assert "discussion: Amy has interviews with two providers on Monday.\n" in kept


def test_input_the_case_folder_will_not_take_is_saved_in_the_users_own_folder_not_the_shared_temp(runner, amy, monkeypatch):
    real_open = os.open

    def case_folder_refuses_new_files(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and os.path.dirname(os.path.abspath(path)) == str(amy.parent):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(os, "open", case_folder_refuses_new_files)
        result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS[:-1] + ["n"]) + "\n")
    assert result.exit_code == 0, result.output
    own = Path(os.environ["CASESTAFF_DATA_DIR"]) / "saved"
    (saved,) = own.iterdir()
    assert f"Nothing was written. What you entered is saved in {saved}\n" in result.output
    assert saved.name.startswith("unsaved-outcome-") and "amy" not in saved.name
    assert "discussion: Amy has interviews with two providers on Monday.\n" in saved.read_text(encoding="utf-8")
    assert list(amy.parent.iterdir()) == [amy]
    assert not [p for p in Path(tempfile.gettempdir()).glob(".amy.unsaved-*")]
    if os.name == "posix":
        assert stat.S_IMODE(own.stat().st_mode) == 0o700
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_a_file_edited_during_the_prompts_is_not_overwritten(runner, amy, monkeypatch):
    import typer

    edited = amy.read_text(encoding="utf-8").replace("worker: RH", "worker: MS")
    real_confirm = typer.confirm

    def confirm_after_someone_saved(text, **kwargs):
        if text.startswith("Add this staffing"):
            amy.write_text(edited, encoding="utf-8")  # the file is saved in an editor meanwhile
        return real_confirm(text, **kwargs)

    monkeypatch.setattr(typer, "confirm", confirm_after_someone_saved)
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 1
    assert f"casestaff: {amy}: nothing was written: the file changed on disk while you were entering this" in result.output
    assert amy.read_text(encoding="utf-8") == edited
    saved = next(amy.parent.glob(".amy.unsaved-outcome-*.yaml"))
    assert f"What you entered is saved in {saved}" in result.output
    assert f"casestaff record {amy} --from THIS_FILE" in saved.read_text(encoding="utf-8")
    # the saved input records the outcome as it was typed
    again = runner.invoke(app, ["record", str(amy), "--from", str(saved), "--as-of", "2026-11-24"])
    assert again.exit_code == 0, again.output
    assert amy.read_text(encoding="utf-8") == edited + ADDED_FROM_PROMPTS


def test_input_ending_early_writes_nothing_and_saves_an_outcome_file_that_finishes_the_job(runner, amy):
    before = amy.read_text(encoding="utf-8")
    stop = ANSWERS.index("Amy has interviews with two providers on Monday.")  # input ends at the discussion
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(ANSWERS[:stop]) + "\n")
    assert result.exit_code == 2
    assert amy.read_text(encoding="utf-8") == before
    (saved,) = amy.parent.glob(f".{amy.stem}.unsaved-outcome-*.yaml")
    command = f"casestaff record {amy} --from {saved} --as-of 2026-11-24"
    assert result.stderr == (
        f"casestaff: stopped before the outcome was complete; nothing was written to {amy}."
        f" What you entered is saved in {saved}\n"
        f"To finish it (only what is not answered yet is asked): {command}\n"
    )
    assert saved.read_text(encoding="utf-8") == (
        f"# Not yet recorded: a staffing outcome for OR-RE-0001 (amy.yaml).\n"
        f"# Record it with:  casestaff record {amy} --from THIS_FILE\n"
        "# casestaff: unfinished; answered: date, kind, title, present\n"
        "date: 2026-11-24\n"
        "kind: follow-up-review\n"
        "title: Re-engagement follow-up case review\n"
        "present:\n"
        "  - {role: FC, initials: RH}\n"
        "  - {role: Engagement Specialist, initials: JB}\n"
    )
    if os.name == "posix":
        assert saved.stat().st_mode & 0o777 == 0o600
    # the printed command, with the answers not given yet, records what answering every prompt records
    finish = runner.invoke(app, command.split()[1:], input="\n".join(ANSWERS[stop:]) + "\n")
    assert finish.exit_code == 0, finish.output
    assert amy.read_text(encoding="utf-8") == before + ADDED_FROM_PROMPTS
    assert not saved.exists()
    assert f"Removed {saved}: its answers are in the case file now.\n" in finish.stdout


def test_input_ending_before_any_answer_saves_nothing(runner, amy):
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="")
    assert result.exit_code == 2
    assert result.stderr == f"casestaff: stopped before the outcome was complete; nothing was written to {amy}\n"
    assert amy.read_bytes() == before
    assert list(amy.parent.iterdir()) == [amy]


# -- --done ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["2", "Amy will contact 4 more providers within the next two weeks from today and have scheduled interviews", " amy will CONTACT 4 more providers within the next two weeks from today and have scheduled interviews. "])
def test_done_by_number_or_whole_text(runner, amy, which):
    before = amy.read_text(encoding="utf-8")
    result = runner.invoke(app, ["record", str(amy), "--done", which, "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Marked done on 2026-11-23: Amy will contact 4 more providers")
    old = "        due: 2026-11-24\n"
    assert amy.read_text(encoding="utf-8") == before.replace(old, old + "        done: 2026-11-23\n")


def test_done_on_a_step_already_done(runner, amy):
    result = runner.invoke(app, ["record", str(amy), "--done", "complete the in-person community visit"])
    assert result.exit_code == 2
    assert "step 1 (Complete the in-person community visit) is already marked done on 2026-11-06" in result.output


def test_done_with_no_match_lists_the_steps(runner, amy):
    result = runner.invoke(app, ["record", str(amy), "--done", "call the landlord"])
    assert result.exit_code == 2
    assert "no step matches 'call the landlord'; give its number or its whole text:" in result.output
    assert "  1. Complete the in-person community visit (done 2026-11-06; from the 2026-10-28 staffing)" in result.output
    assert "  2. Amy will contact 4 more providers" in result.output


TWO_CALLS = """\
case_id: A-1
program: la-step
participant: {name: Al Example}
enrolled: 2026-01-05
staffings:
  - date: 2026-02-01
    kind: case-staffing
    next_steps:
      - {step: Call the clinic, due: 2026-02-10}
      - {step: Call the landlord, due: 2026-02-12}
"""
"""Two open steps that both begin 'Call the'."""


def test_done_with_an_ambiguous_prefix(runner, write):
    path = write("case.yaml", TWO_CALLS)
    before = path.read_bytes()
    result = runner.invoke(app, ["record", str(path), "--done", "call"])
    assert result.exit_code == 2
    assert result.stderr == (
        "casestaff: 'call' matches 2 open steps; give the step's number or its whole text:\n"
        "  1. Call the clinic (due 2026-02-10; from the 2026-02-01 staffing)\n"
        "  2. Call the landlord (due 2026-02-12; from the 2026-02-01 staffing)\n"
    )
    assert path.read_bytes() == before
    result = runner.invoke(app, ["record", str(path), "--done", "call the landlord", "--as-of", "2026-02-11"])
    assert result.exit_code == 0
    assert "- {step: Call the landlord, due: 2026-02-12, done: 2026-02-11}" in path.read_text()


@pytest.mark.parametrize("how", [[], ["--yes"]])
def test_done_with_part_of_a_step_is_refused_without_a_terminal_or_with_yes(runner, amy, how):
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--done", "providers within", "--as-of", "2026-11-23", *how])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "casestaff: 'providers within' is only part of step 2; give the step's number or its whole text:\n"
        "  2. Amy will contact 4 more providers"
    )
    assert amy.read_bytes() == before


def test_done_with_part_of_a_step_asks_at_a_terminal(runner, write, monkeypatch):
    monkeypatch.setattr(common, "at_terminal", lambda: True)
    path = write("case.yaml", TWO_CALLS)
    before = path.read_text()
    result = runner.invoke(app, ["record", str(path), "--done", "call", "--as-of", "2026-02-11"], input="2\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "'call' may mean:\n"
        "  1. Call the clinic (due 2026-02-10; from the 2026-02-01 staffing)\n"
        "  2. Call the landlord (due 2026-02-12; from the 2026-02-01 staffing)\n"
        "Which step to mark done (number):"
    )
    assert path.read_text() == before.replace("due: 2026-02-12}", "due: 2026-02-12, done: 2026-02-11}")
    result = runner.invoke(app, ["record", str(path), "--done", "clinic", "--as-of", "2026-02-11"], input="2\n")
    assert result.exit_code == 2
    assert "step 2 is not one of those; nothing was written" in result.stderr
    result = runner.invoke(app, ["record", str(path), "--done", "clinic", "--as-of", "2026-02-11"], input="\n")
    assert result.exit_code == 0, result.output
    assert "Which step to mark done (number) [1]:" in result.stderr
    assert "- {step: Call the clinic, due: 2026-02-10, done: 2026-02-11}" in path.read_text()
    result = runner.invoke(app, ["record", str(path), "--undo-done", "the clinic"], input="1\n")
    assert result.exit_code == 0, result.output
    assert "- {step: Call the clinic, due: 2026-02-10}" in path.read_text()


def test_undo_done_removes_that_line_and_nothing_else(runner, amy):
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--undo-done", "Complete the in-person community visit"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"No longer marked done (was 2026-11-06): Complete the in-person community visit  ({amy})\n"
    assert amy.read_bytes() == before.replace(b"        done: 2026-11-06\n", b"", 1)
    assert before.count(b"        done: 2026-11-06\n") == 1


def test_undo_done_of_a_step_not_done_says_so(runner, amy):
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--undo-done", "2"])
    assert result.exit_code == 2
    assert "step 2 (Amy will contact 4 more providers" in result.stderr
    assert "is not marked done; there is nothing to undo" in result.stderr
    assert amy.read_bytes() == before


def test_undo_done_with_part_of_a_step_is_refused_without_a_terminal(runner, amy):
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--undo-done", "in-person"])
    assert result.exit_code == 2
    assert "casestaff: 'in-person' is only part of step 1; give the step's number or its whole text:" in result.stderr
    assert amy.read_bytes() == before


def test_done_before_the_staffing_is_refused(runner, amy):
    before = amy.read_bytes()
    result = runner.invoke(app, ["record", str(amy), "--done", "2", "--as-of", "2026-11-01"])
    assert result.exit_code == 1
    assert "2026-11-01 is before the 2026-11-10 staffing that set this step" in result.output
    assert amy.read_bytes() == before


def test_from_and_done_together_is_a_usage_error(runner, amy, write):
    outcome = write("outcome.yaml", OUTCOME)
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--done", "1"])
    assert result.exit_code == 2
    assert "--from and --done do different things" in result.output


# -- record, then due -----------------------------------------------------------------------------


def test_record_then_due_marks_the_step_done_and_tracks_the_new_one(runner, amy, write):
    flags = _due_rules(runner, amy, "2026-11-26")
    assert [(rule, due) for rule, _, due in flags] == [("next-steps", "2026-11-24")]
    assert "Amy will contact 4 more providers" in flags[0][1]
    assert runner.invoke(app, ["record", str(amy), "--done", "2", "--as-of", "2026-11-24"]).exit_code == 0
    outcome = write("outcome.yaml", OUTCOME)
    assert runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--as-of", "2026-11-24"]).exit_code == 0
    flags = _due_rules(runner, amy, "2026-11-26")
    assert [(rule, due) for rule, _, due in flags] == [("next-steps", "2026-12-01")]
    assert "Amy will visit both providers" in flags[0][1]


FC_CASE = """\
# A reunification that stalled: a case plan task missed on 10/15.
case_id: FC-T-0001
program: fc-reintegration
worker: CN
participant:
  name: Dana Example
enrolled: 2026-05-04
child:
  name: Kit Example
  birth_date: 2018-03-03
case_plan_tasks:
  - task: Complete a parenting class
    owner: mother
    due: 2026-10-15
    status: not_achieved
"""

FC_OUTCOME = """\
date: 2026-10-20
kind: reintegration-staffing
present:
  - {role: CM, initials: CN}
  - {role: Supervisor, initials: VH}
discussion: The class conflicts with her work shifts.
decision: Enroll her in the evening class.
next_steps:
  - step: Enroll in the evening parenting class
    owner: mother
    due: 2026-10-31
"""


def test_record_then_due_for_reintegration(runner, write):
    case = write("fc.yaml", FC_CASE)
    before = _due_rules(runner, case, "2026-10-22")
    assert [rule for rule, _, _ in before] == ["not-progressing"]
    outcome = write("outcome.yaml", FC_OUTCOME)
    result = runner.invoke(app, ["record", str(case), "--from", str(outcome), "--as-of", "2026-10-20"])
    assert result.exit_code == 0, result.output
    after = _due_rules(runner, case, "2026-10-22")
    assert sorted((rule, due) for rule, _, due in after) == [("case-planning-meeting", "2026-11-19"), ("next-steps", "2026-10-31")]
    reasons = dict((rule, reason) for rule, reason, _ in after)
    assert "Enroll in the evening parenting class" in reasons["next-steps"]
    assert "2026-10-20 staffing" in reasons["case-planning-meeting"]


# -- docs/recording.md stays true -------------------------------------------------------------------


def test_the_documented_outcome_example_records(runner, amy, tmp_path):
    import re

    from casestaff.model.records import Staffing
    from casestaff.documents.record import read_outcome
    from casestaff.model.spec import fields_of

    from ..conftest import REPO

    doc = (REPO / "docs" / "recording.md").read_text(encoding="utf-8")
    example = re.search(r"<!-- example: outcome -->\n```yaml\n(.*?)```", doc, re.S).group(1)
    staffing, problems = read_outcome(example.encode(), "docs/recording.md")
    assert problems == []
    rows = re.findall(r"^\| `(\w+)` \| (yes)? \| (.*) \|$", doc.split("<!-- fields: staffing -->", 1)[1], re.M)
    specs = fields_of(Staffing)
    assert [(name, bool(req), text) for name, req, text in rows] == [(s.name, s.required, s.doc) for s in specs.values()]
    outcome = tmp_path / "outcome.yaml"
    outcome.write_text(example, encoding="utf-8")
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("how", [["--from", "outcome.yaml"], ["--done", "2"]])
def test_a_read_only_case_file_is_left_alone(runner, tmp_path, amy, write, how):
    """Someone locked the file (or Windows marks it read-only): replacing it would defeat that."""
    write("outcome.yaml", OUTCOME)
    amy.chmod(0o444)
    before = amy.read_bytes()
    args = [str(tmp_path / a) if a.endswith(".yaml") else a for a in how]
    result = runner.invoke(app, ["record", str(amy), *args, "--as-of", "2026-11-24", "--yes"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(
        f"casestaff: {amy}: nothing was written: the file is read-only; make it writable (or ask whoever locked it), then record again"
    )
    assert amy.read_bytes() == before
    assert stat.S_IMODE(amy.stat().st_mode) == 0o444


def test_outcome_file_problems_are_listed_top_to_bottom(runner, amy, write):
    outcome = write(
        "outcome.yaml",
        """\
        date: 2026-11-24
        kind: follow-up-review
        present:
          - {role: FC, intials: RH}
        discusion: Talked.
        """,
    )
    result = runner.invoke(app, ["record", str(amy), "--from", str(outcome), "--as-of", "2026-11-24"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{outcome}:4:5: present[1] is missing the required field 'initials'; add a line 'initials: ...'\n"
        f"{outcome}:4:16: unknown field 'intials' in present[1]; did you mean 'initials'?\n"
        f"{outcome}:5:1: unknown field 'discusion'; did you mean 'discussion'?\n"
        f"casestaff: nothing was written; fix {outcome} and run the command again (format: docs/recording.md)\n"
    )


def test_a_case_found_by_id_is_named_as_the_user_would_write_it(runner, tmp_path, amy, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["record", "OR-RE-0001", "--done", "2", "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Marked done on 2026-11-24: Amy will contact 4 more providers within the next two weeks from today"
        " and have scheduled interviews.  (amy.yaml)\n"
    )


def test_prompts_read_dates_and_times_as_every_command_does(runner, amy):
    before = amy.read_text(encoding="utf-8")
    at = ANSWERS.index("2026-12-02")
    answers = [*ANSWERS[:at], "2026-13-02", "12/02/2026", "2026-12-02", "25:00", "noonish", "10:30 a.m.", *ANSWERS[at + 2 :]]
    result = runner.invoke(app, ["record", str(amy), "--as-of", "2026-11-24"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "next appointment: 2026-13-02: there is no month 13" in result.output
    assert "next appointment: write dates as YYYY-MM-DD: 12/02/2026 is 2026-12-02 if you mean December 2" in result.output
    assert "25:00: there is no hour 25 on a 24-hour clock; write times like 15:00, 3pm or 3:30 p.m." in result.output
    assert "'noonish' is not a time; write times like 15:00, 3pm or 3:30 p.m." in result.output
    assert amy.read_text(encoding="utf-8") == before + ADDED_FROM_PROMPTS


@pytest.mark.parametrize("program", ["fc-reintegration", "il-snap-et", "la-step", "or-ssp-case-management", "or-ssp-reengagement"])
def test_the_summary_of_a_bare_entry_marks_what_is_not_recorded(program):
    """Whatever the entry lacks, the summary still shows it in the narration's layout (narrate would refuse)."""
    import datetime as dt

    from casestaff.documents import narrate, record
    from casestaff.files.casefile import read_case
    from casestaff.files.config import Config
    from casestaff.model.records import Staffing
    from casestaff.packset import load_packset

    packs = load_packset(Config()).packs
    path = sorted(SAMPLES.glob(f"{program}-*.yaml"))[0]
    case, problems = read_case(path.read_bytes(), str(path), packs)
    assert problems == []
    for kind in packs[program].kind_ids:
        bare = Staffing(date=dt.date(2026, 11, 30), kind=kind)
        text = narrate.preview(record.with_staffing(case, bare), bare, packs[program])
        assert (narrate.NOT_RECORDED in text) != narrate.is_provider_staffing(packs[program], bare)  # that prints no field of its own
        assert "None" not in text and "{{" not in text
