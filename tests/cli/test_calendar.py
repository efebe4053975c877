"""`casestaff calendar` from the user's side: the .ics file Outlook, Google and Apple Calendar import.

The file is read back with icalendar (which wrote it), with vobject (an independent parser) and
with a strict line checker written here from RFC 5545 (CRLF, 75-octet folding, escaping). A
second export to the same file after a staffing is recorded keeps every UID and sends the
event that no longer applies as cancelled. No participant's name is in the file unless asked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
import vobject

from casestaff.actions.calendar import memory_file
from casestaff.cli.main import app

from ..conftest import SAMPLES, run_with_stdout_on_a_terminal

AS_OF = "2026-12-04"
KWAME = "or-ssp-reengagement-kwame-asante.yaml"
CASES = (
    KWAME,
    "la-step-jose-nunez.yaml",
    "or-ssp-reengagement-rosa-delgado.yaml",
    "il-snap-et-grace-oduya.yaml",
    "il-snap-et-luis-ortega.yaml",
)
NAMES = ("Kwame Asante", "José Núñez", "Rosa Delgado", "Grace Oduya", "Luis Ortega")
ODD_STEP = 'Call the clinic, then the school; file under C:\\cases\\kwame "urgent"'
"""A next step whose text the file must escape: comma, semicolon, backslash, quotes."""
FOLLOW_UP = "or-ssp-reengagement.follow-up-review"

OUTCOME = """\
date: 2026-12-03
kind: follow-up-review
title: Follow-up case review
present:
  - {role: FC, initials: MS}
  - {role: Manager, initials: XR}
  - {role: Lead Worker, initials: PG}
discussion: The child safety check found no concerns; Kwame is back in job search.
decision: No disqualification was imposed.
"""


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """A small caseload: Kwame's follow-up review is due (and one step of his, with text to
    escape, is open), plus cases of three other programs, one with an accented name."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in CASES:
        shutil.copyfile(SAMPLES / name, folder / name)
    kwame = folder / KWAME
    text = kwame.read_text(encoding="utf-8")
    text = text.replace("    who: adult\n    limitation: unknown", "    who: adult\n    limitation: no")
    step = f"      - step: '{ODD_STEP}'\n        owner: FC\n        due: 2026-12-10\n"
    text = text.replace("        done: 2026-11-12\n", "        done: 2026-11-12\n" + step)
    kwame.write_text(text, encoding="utf-8")
    return folder


def _export(runner, cases: Path, *options: str, code: int = 0):
    result = runner.invoke(app, ["calendar", str(cases), "--as-of", AS_OF, *options])
    assert result.exit_code == code, result.output
    return result


def _events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _unfolded(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")


def _due_items(runner, cases: Path, *options: str) -> list[dict]:
    result = runner.invoke(app, ["due", str(cases), "--as-of", AS_OF, "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- the file as a calendar program reads it -----------------------------------------------


def test_every_flag_and_deadline_of_due_is_an_all_day_event_with_its_reason_and_citation(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    result = _export(runner, cases, "--out", str(out), "--names")
    events = _events(out.read_bytes())
    items = _due_items(runner, cases)
    assert {item["kind"] for item in items} == {"flag", "deadline"}
    assert len(events) == len(items)
    assert f"{len(items)} events written to {out}" in result.stderr
    by_start: dict[str, list[str]] = {}
    for event in events:
        assert event.get("dtstart").params.get("VALUE") == "DATE"
        by_start.setdefault(event.decoded("dtstart").isoformat(), []).append(str(event.get("description")))
    for item in items:
        descriptions = by_start[item["due"]]
        first_line = item["reason"].split(" (")[0] if item["kind"] == "deadline" else item["reason"]
        assert any(first_line in d and item["citation"] in d for d in descriptions), item


def test_the_file_parses_with_an_independent_parser_too(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out), "--names")
    parsed = vobject.readOne(out.read_bytes().decode("utf-8"))
    ours = {str(e.get("uid")): e for e in _events(out.read_bytes())}
    theirs = {e.uid.value: e for e in parsed.vevent_list}
    assert theirs.keys() == ours.keys()
    for uid, event in theirs.items():
        assert event.dtstart.value == ours[uid].decoded("dtstart")
        assert event.summary.value == str(ours[uid].get("summary"))
        assert event.description.value == str(ours[uid].get("description"))
    assert any(ODD_STEP in e.description.value for e in parsed.vevent_list)
    assert any("José Núñez" in e.summary.value for e in parsed.vevent_list)


TEXT_PROPERTIES = ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME")


def _escaped_text(value: str) -> bool:
    """A TEXT value as RFC 5545 3.3.11 writes it: a backslash starts one of the escapes \\\\ \\; \\,
    \\n (or \\N), and no comma or semicolon stands unescaped."""
    index = 0
    while index < len(value):
        char = value[index]
        if char == "\\":
            if value[index + 1 : index + 2] not in ("\\", ";", ",", "n", "N"):
                return False
            index += 2
            continue
        if char in ",;":
            return False
        index += 1
    return True


def test_the_file_keeps_the_rules_of_rfc_5545(runner, cases, tmp_path):
    """CRLF lines of at most 75 octets, folded with a space; text escaped; UTF-8 names whole;
    DTSTAMP in every event; every UID once."""
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out), "--names", "--remind", "2")
    data = out.read_bytes()
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character
    text = _unfolded(data)
    assert "José Núñez" in text
    content = text.split("\r\n")[:-1]
    assert content[0] == "BEGIN:VCALENDAR" and content[-1] == "END:VCALENDAR"
    uids, stamps, events = [], 0, 0
    for line in content:
        name, value = re.split(r"[:;]", line, maxsplit=1)[0], line.split(":", 1)[1]
        assert re.fullmatch(r"[A-Z][A-Z0-9-]*", name), line
        if name in TEXT_PROPERTIES:
            assert _escaped_text(value), line
        uids += [value] if name == "UID" else []
        stamps += name == "DTSTAMP"
        events += line == "BEGIN:VEVENT"
    assert events and stamps == events
    assert len(uids) == len(set(uids)) == events
    assert all(uid.endswith("@casestaff.invalid") for uid in uids)


def test_remind_adds_an_alarm_at_nine_the_given_days_before(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out), "--remind", "1")
    for event in _events(out.read_bytes()):
        (alarm,) = event.walk("VALARM")
        assert str(alarm.get("action")) == "DISPLAY"
        assert alarm.decoded("trigger").total_seconds() == -15 * 3600
    _export(runner, cases, "--out", str(out))
    assert all(not e.walk("VALARM") for e in _events(out.read_bytes()))


# --- privacy -----------------------------------------------------------------------------------


def test_no_participant_name_is_in_the_file_unless_names_is_given(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out))
    text = _unfolded(out.read_bytes()).casefold()
    for name in NAMES:
        assert name.casefold() not in text
        for word in name.split():
            assert word.casefold() not in text, word
    assert "or-re-0303: " + FOLLOW_UP in text
    assert str(cases).casefold() not in text  # file paths carry names too
    named = tmp_path / "named.ics"
    _export(runner, cases, "--out", str(named), "--names")
    summaries = [str(e.get("summary")) for e in _events(named.read_bytes())]
    assert f"Kwame Asante (OR-RE-0303): {FOLLOW_UP}" in summaries


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_the_file_and_its_memory_are_readable_by_the_owner_alone(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    old_umask = os.umask(0o022)
    try:
        _export(runner, cases, "--out", str(out))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    memory = memory_file(out)
    assert stat.S_IMODE(memory.stat().st_mode) == 0o600
    assert stat.S_IMODE(memory.parent.stat().st_mode) == 0o700
    assert "Kwame" not in memory.read_text(encoding="utf-8")


# --- a second export -------------------------------------------------------------------------


def test_a_second_export_after_a_staffing_updates_the_same_events_and_cancels_the_one_that_stopped(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out))
    before = {str(e.get("uid")): e for e in _events(out.read_bytes())}
    (follow_up,) = [uid for uid, e in before.items() if str(e.get("summary")).endswith(FOLLOW_UP)]

    outcome = tmp_path / "outcome.yaml"
    outcome.write_text(OUTCOME, encoding="utf-8")
    recorded = runner.invoke(app, ["record", str(cases / KWAME), "--from", str(outcome), "--as-of", AS_OF, "--yes"])
    assert recorded.exit_code == 0, recorded.output
    assert FOLLOW_UP not in {item["rule"] for item in _due_items(runner, cases)}

    result = _export(runner, cases, "--out", str(out))
    assert f"{len(before) - 1} events and 1 cancelled written" in result.stderr
    after = {str(e.get("uid")): e for e in _events(out.read_bytes())}
    assert after.keys() == before.keys()
    cancelled = after[follow_up]
    assert str(cancelled.get("status")) == "CANCELLED"
    assert cancelled.decoded("sequence") > before[follow_up].decoded("sequence")
    assert cancelled.decoded("dtstart") == before[follow_up].decoded("dtstart")
    for uid in after.keys() - {follow_up}:
        assert str(after[uid].get("status")) == "CONFIRMED"
        assert after[uid].decoded("sequence") == before[uid].decoded("sequence")

    again = _export(runner, cases, "--out", str(out))
    assert "1 cancelled" in again.stderr  # still sent, for a calendar that missed a day
    assert _events(out.read_bytes())[-1].decoded("sequence") == cancelled.decoded("sequence")


def test_an_event_whose_text_changed_keeps_its_uid_and_counts_up_its_sequence(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out))
    before = {str(e.get("uid")): e for e in _events(out.read_bytes())}
    kwame = cases / KWAME
    kwame.write_text(kwame.read_text(encoding="utf-8").replace("Call the clinic", "Phone the clinic"), encoding="utf-8")
    _export(runner, cases, "--out", str(out))
    after = {str(e.get("uid")): e for e in _events(out.read_bytes())}
    assert after.keys() == before.keys()
    changed = [uid for uid in after if after[uid].decoded("sequence") != before[uid].decoded("sequence")]
    assert len(changed) == 1
    assert "Phone the clinic" in str(after[changed[0]].get("description"))
    assert after[changed[0]].decoded("sequence") == before[changed[0]].decoded("sequence") + 1


def test_two_steps_due_the_same_day_are_two_events(runner, cases, tmp_path):
    kwame = cases / KWAME
    twin = "      - step: Bring the school attendance record\n        owner: participant\n        due: 2026-12-10\n"
    text = kwame.read_text(encoding="utf-8")
    kwame.write_text(text.replace("        due: 2026-12-10\n", "        due: 2026-12-10\n" + twin, 1), encoding="utf-8")
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out))
    items = _due_items(runner, cases)
    assert len([i for i in items if i["rule"] == "or-ssp-reengagement.next-steps" and i["case"] == "OR-RE-0303"]) == 2
    uids = [str(e.get("uid")) for e in _events(out.read_bytes())]
    assert len(uids) == len(set(uids)) == len(items)


def test_a_selection_option_narrows_the_calendar_as_it_narrows_due(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out), "--program", "il-snap-et", "--within", "30")
    items = _due_items(runner, cases, "--program", "il-snap-et", "--within", "30")
    events = _events(out.read_bytes())
    assert len(events) == len(items) > 0
    assert all("il-snap-et" in str(e.get("summary")) for e in events)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(calendar.get("x-wr-calname")) == "casestaff deadlines -- il-snap-et"


def test_without_out_the_calendar_goes_to_a_pipe_and_is_not_remembered(runner, cases):
    result = _export(runner, cases)
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert len(_events(result.stdout_bytes)) == len(_due_items(runner, cases))


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")
def test_on_a_terminal_without_out_it_asks_for_a_file_rather_than_print_the_calendar(cases, tmp_path):
    done = run_with_stdout_on_a_terminal(["calendar", str(cases), "--as-of", AS_OF], tmp_path)
    assert done.returncode == 2
    assert "give --out FILE.ics (for example --out deadlines.ics), or pipe the output" in done.stderr.decode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_redirection_others_can_read_is_warned_about(cases, tmp_path):
    env = {**os.environ, "CASESTAFF_CACHE_DIR": str(tmp_path / "cache"), "CASESTAFF_DATA_DIR": str(tmp_path / "data")}
    target = tmp_path / "redirected.ics"
    command = [sys.executable, "-c", "from casestaff.cli.main import main; main()", "calendar", str(cases), "--as-of", AS_OF]
    for mode, warned in ((0o644, True), (0o600, False)):
        target.write_bytes(b"")
        target.chmod(mode)
        with target.open("wb") as stdout:
            done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120, check=False)
        assert done.returncode == 0
        assert ("others on this computer may read" in done.stderr.decode("utf-8")) is warned
        assert _events(target.read_bytes())


def test_a_memory_that_cannot_be_read_is_said_and_the_calendar_written_all_the_same(runner, cases, tmp_path):
    out = tmp_path / "deadlines.ics"
    memory = memory_file(out)
    memory.parent.mkdir(parents=True, mode=0o700)
    memory.write_text("not json", encoding="utf-8")
    result = _export(runner, cases, "--out", str(out))
    assert "could not be read" in result.stderr and "cannot be cancelled this time" in result.stderr
    assert _events(out.read_bytes())
    _export(runner, cases, "--out", str(out))  # the memory is good again
    assert "could not be read" not in _export(runner, cases, "--out", str(out)).stderr


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--remind", "two"], "--remind: 'two' is not a whole number of days; give for example --remind 2"),
        (["--remind", "-1"], "--remind: '-1' is not a whole number of days"),
        (["--remind", "400"], "--remind: 400 days is more than a year; give at most 365"),
        (["--out", "deadlines.txt"], "a calendar file's name ends in .ics, which calendar programs look for; give for example --out deadlines.ics"),
        (["--out", "case.yaml"], "give for example --out case.ics"),
        (["--out", "missing/deadlines.ics"], "the folder missing does not exist"),
        (["--program", "il-snap"], "--program: no program 'il-snap'"),
        (["--as-of", "12/32/2026"], "--as-of:"),
    ],
)
def test_bad_option_values_are_refused_with_our_message(runner, cases, tmp_path, monkeypatch, options, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["calendar", str(cases), *options])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("*.ics")) and not (tmp_path / "case.yaml").exists()


def test_a_folder_as_out_is_refused(runner, cases, tmp_path):
    result = runner.invoke(app, ["calendar", str(cases), "--out", str(cases)])
    assert result.exit_code == 2
    assert "a calendar file's name ends in .ics" in result.stderr


def test_due_starts_without_loading_the_calendar_library():
    code = "import sys; from casestaff.cli.main import app; print('icalendar' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_household_children_and_people_present_are_not_named_either(runner, cases, tmp_path):
    """A step typed by a worker names the children, and a partner present by name: without
    --names none of those names reaches the calendar."""
    kwame = cases / KWAME
    text = kwame.read_text(encoding="utf-8")
    text = text.replace("      - {role: Lead Worker, initials: PG}\n", "      - {role: Lead Worker, initials: PG, name: Priya Gautam}\n")
    step = "      - step: Ama and Kofi to the clinic; Gautam confirms the housing letter\n        owner: FC\n        due: 2026-12-11\n"
    text = text.replace("        done: 2026-11-12\n", "        done: 2026-11-12\n" + step, 1)
    kwame.write_text(text, encoding="utf-8")
    out = tmp_path / "deadlines.ics"
    _export(runner, cases, "--out", str(out))
    unfolded = _unfolded(out.read_bytes())
    assert "to the clinic" in unfolded  # the step is in the file ...
    for word in ("Ama", "Kofi", "Gautam", "Priya", "Blessing"):  # ... its names are not
        assert re.search(rf"\b{word}\b", unfolded) is None, word
