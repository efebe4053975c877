"""writer.py: a change to a case file touches only the new entry, keeps every quirk of the
user's text, and is refused (original byte-identical, input saved aside) whenever it is unsafe."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap

from casestaff.files import permissions, writer
from casestaff.files.casefile import read_case
from casestaff.files.config import Config
from casestaff.packset import load_packset

PACKS = load_packset(Config()).packs

# Comments everywhere, 4-space mappings, dashes under their key with three spaces after them,
# quoted and unquoted strings, `~` / `null` / empty values, flow maps, folded and literal text.
QUIRKY = """\
# Case file typed by hand -- keep every quirk.
case_id:   'LA-Q-0001'      # quoted id, extra spaces
program: "la-step"
worker: KM
participant:
    name: "Jo  Quirk"        # 4-space mapping indent
    birth_date: ~
    phone: null
    address:
household:
-   name: Sam Quirk          # dash under the key, three spaces after it
    relationship: son
enrolled: 2026-01-05
goal: >
    Full-time work
    as a CNA

participation:
- {month: 2026-08, required_hours: 80, actual_hours: 40}   # flow map

staffings:
-   date: 2026-09-01
    kind: case-staffing
    present:
    -   {role: Coach, initials: KM}
    discussion: |
        Line one
        Line two
    next_steps:
    -   step: "Call the clinic"
        owner: participant
        due: 2026-09-15
        done: ~
    -   {step: Bring pay stubs, due: 2026-09-20}
    -   step: Visit the library job club
        due: 2026-09-22
    # a note about the first staffing
notes: 'single-quoted, with # hash'   # trailing
"""

ADDED = """\
-   date: 2026-11-20
    kind: case-staffing
    present:
    -   {role: Coach, initials: KM}
    -   {role: Supervisor, initials: DL}
    discussion: 'Reviewed: hours in October.'
    next_steps:
    -   step: Apply to two clinics
        owner: participant
        due: 2026-11-20
"""


def _write(tmp_path: Path, text: str, *, crlf: bool = False, bom: bool = False, name: str = "case.yaml") -> Path:
    data = text.replace("\n", "\r\n") if crlf else text
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
    return path


def _staffing(day: dt.date) -> CommentedMap:
    """One staffing entry; the same date object is used twice on purpose (no &anchors)."""
    coach = CommentedMap(role="Coach", initials="KM")
    coach.fa.set_flow_style()
    supervisor = CommentedMap(role="Supervisor", initials="DL")
    supervisor.fa.set_flow_style()
    step = CommentedMap(step="Apply to two clinics", owner="participant", due=day)
    return CommentedMap(
        date=day, kind="case-staffing", present=[coach, supervisor], discussion="Reviewed: hours in October.", next_steps=[step]
    )


def _append_and_commit(path: Path) -> writer.CaseText:
    doc = writer.read_for_edit(path)
    new_text, expected = writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))
    writer.commit(doc, new_text, expected, PACKS, typed="typed input")
    return doc


def test_append_adds_only_the_entry_in_the_files_own_indentation(tmp_path):
    path = _write(tmp_path, QUIRKY)
    _append_and_commit(path)
    expected = QUIRKY.replace("notes: 'single", ADDED + "notes: 'single")
    assert path.read_text(encoding="utf-8") == expected


def test_the_appended_file_reads_back_with_the_new_staffing(tmp_path):
    path = _write(tmp_path, QUIRKY)
    _append_and_commit(path)
    case, problems = read_case(path.read_bytes(), str(path), PACKS)
    assert problems == []
    assert [s.date for s in case.staffings] == [dt.date(2026, 9, 1), dt.date(2026, 11, 20)]
    assert case.participant.name == "Jo  Quirk"


def test_bom_and_crlf_are_kept_and_new_lines_use_crlf(tmp_path):
    path = _write(tmp_path, QUIRKY, crlf=True, bom=True)
    _append_and_commit(path)
    data = path.read_bytes()
    expected = QUIRKY.replace("notes: 'single", ADDED + "notes: 'single").replace("\n", "\r\n")
    assert data == b"\xef\xbb\xbf" + expected.encode("utf-8")


def test_a_reused_date_object_never_becomes_an_anchor(tmp_path):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    new_text, _ = writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))
    added = new_text[len(QUIRKY.split("notes:")[0]) :]
    assert "&" not in added and "*" not in added
    assert added.count("2026-11-20") == 2


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("staffings:\n", "staffings:\n"),
        ("staffings: []   # none yet\n", "staffings:   # none yet\n"),
        ("staffings: ~\n", "staffings:\n"),
    ],
)
def test_append_to_an_empty_list_keeps_the_key_line(tmp_path, before, after):
    head = "case_id: A-1\nprogram: la-step\nparticipant:\n  name: Al Example\nenrolled: 2026-01-05\n"
    path = _write(tmp_path, head + before + "notes: kept\n")
    _append_and_commit(path)
    block = (
        "  - date: 2026-11-20\n    kind: case-staffing\n    present:\n      - {role: Coach, initials: KM}\n"
        "      - {role: Supervisor, initials: DL}\n    discussion: 'Reviewed: hours in October.'\n    next_steps:\n"
        "      - step: Apply to two clinics\n        owner: participant\n        due: 2026-11-20\n"
    )
    assert path.read_text() == head + after + block + "notes: kept\n"


def test_append_when_the_key_is_missing_and_the_file_has_no_final_newline(tmp_path):
    head = "case_id: A-1\nprogram: la-step\nparticipant:\n  name: Al Example\nenrolled: 2026-01-05  # no newline at the end"
    path = _write(tmp_path, head)
    _append_and_commit(path)
    text = path.read_text()
    assert text.startswith(head + "\nstaffings:\n  - date: 2026-11-20\n")
    assert text.endswith("        due: 2026-11-20\n")


def test_append_after_a_skeletons_commented_example_entry(tmp_path):
    head = "case_id: A-1\nprogram: la-step\nparticipant:\n  name: Al Example\nenrolled: 2026-01-05\n"
    example = "staffings:     # Staffings held.\n  # - date:    # (required)\n    # kind:    # (required)\nnotes:\n"
    path = _write(tmp_path, head + example)
    _append_and_commit(path)
    text = path.read_text()
    assert text.startswith(head + example.replace("notes:\n", "") + "  - date: 2026-11-20\n")
    assert text.endswith("        due: 2026-11-20\nnotes:\n")


@pytest.mark.parametrize(
    ("step", "old_line", "new_line"),
    [
        (0, "        done: ~\n", "        done: 2026-11-21\n"),
        (1, "    -   {step: Bring pay stubs, due: 2026-09-20}\n", "    -   {step: Bring pay stubs, due: 2026-09-20, done: 2026-11-21}\n"),
        (2, "        due: 2026-09-22\n", "        due: 2026-09-22\n        done: 2026-11-21\n"),
    ],
)
def test_setting_done_changes_one_line(tmp_path, step, old_line, new_line):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    new_text, expected = writer.set_field(doc, ("staffings", 0, "next_steps", step), "done", dt.date(2026, 11, 21))
    writer.commit(doc, new_text, expected, PACKS)
    assert QUIRKY.count(old_line) == 1
    assert path.read_text() == QUIRKY.replace(old_line, new_line)


def test_setting_done_after_an_empty_value(tmp_path):
    text = QUIRKY.replace("        done: ~\n", "        done:\n")
    path = _write(tmp_path, text)
    doc = writer.read_for_edit(path)
    new_text, expected = writer.set_field(doc, ("staffings", 0, "next_steps", 0), "done", dt.date(2026, 11, 21))
    writer.commit(doc, new_text, expected, PACKS)
    assert path.read_text() == text.replace("        done:\n", "        done: 2026-11-21\n")


def test_a_value_already_set_is_not_overwritten(tmp_path):
    path = _write(tmp_path, QUIRKY.replace("done: ~", "done: 2026-09-14"))
    doc = writer.read_for_edit(path)
    with pytest.raises(writer.EditImpossible, match="done already has a value"):
        writer.set_field(doc, ("staffings", 0, "next_steps", 0), "done", dt.date(2026, 11, 21))


def test_a_flow_style_staffings_list_is_refused_with_a_fix(tmp_path):
    path = _write(tmp_path, "case_id: A-1\nstaffings: [{date: 2026-01-01, kind: case-staffing}]\n")
    doc = writer.read_for_edit(path)
    with pytest.raises(writer.EditImpossible, match=r"case.yaml:2:12: staffings is written on one line in \[ \] brackets"):
        writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))


# -- refusals: the original is byte-identical and the typed input is saved aside ---------------


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    new_text, expected = writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))
    edited = QUIRKY.replace("worker: KM", "worker: DL")
    path.write_text(edited)  # an editor saved the file meanwhile
    with pytest.raises(writer.WriteRefused) as refused:
        writer.commit(doc, new_text, expected, PACKS, typed="what the user typed\n")
    assert "changed on disk" in str(refused.value)
    assert path.read_text() == edited
    saved = refused.value.saved_to
    assert saved is not None and saved.read_text() == "what the user typed\n"
    assert f"saved in {saved}" in str(refused.value)
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_result_that_would_not_validate_is_refused(tmp_path):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    entry = _staffing(dt.date(2026, 11, 20))
    entry["kind"] = "tea-party"
    new_text, expected = writer.append_entry(doc, "staffings", entry)
    with pytest.raises(writer.WriteRefused) as refused:
        writer.commit(doc, new_text, expected, PACKS, typed="typed\n")
    assert "would not be a valid case file" in str(refused.value)
    assert any("'tea-party' is not a kind of staffing in la-step" in str(p) for p in refused.value.problems)
    assert path.read_bytes() == QUIRKY.encode()
    assert refused.value.saved_to.read_text() == "typed\n"


def test_an_edit_that_would_change_other_data_is_refused(tmp_path):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    new_text, expected = writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))
    with pytest.raises(writer.WriteRefused, match="without touching other lines"):
        writer.commit(doc, new_text.replace("worker: KM", "worker: XX"), expected, PACKS)
    assert path.read_bytes() == QUIRKY.encode()


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failure_during_the_write_leaves_the_original_intact(tmp_path, monkeypatch, failing):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    new_text, expected = writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(writer.WriteRefused) as refused:
        writer.commit(doc, new_text, expected, PACKS, typed="typed\n")
    monkeypatch.undo()
    assert "No space left on device; the file is unchanged" in str(refused.value)
    assert path.read_bytes() == QUIRKY.encode()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    assert refused.value.saved_to.read_text() == "typed\n"


def test_an_unexpected_error_during_the_write_is_reported_not_raised(tmp_path, monkeypatch):
    path = _write(tmp_path, QUIRKY)
    doc = writer.read_for_edit(path)
    new_text, expected = writer.append_entry(doc, "staffings", _staffing(dt.date(2026, 11, 20)))
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(RuntimeError("simulated crash")))
    with pytest.raises(writer.WriteRefused, match="simulated crash; the file is unchanged"):
        writer.commit(doc, new_text, expected, PACKS, typed="typed\n")
    monkeypatch.undo()
    assert path.read_bytes() == QUIRKY.encode()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_saved_input_is_owner_only_and_hidden_from_the_caseload(tmp_path):
    saved = writer.save_aside(tmp_path / "case.yaml", "secret\n")
    assert saved.name.startswith(".case.unsaved-outcome-")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    again = writer.save_aside(tmp_path / "case.yaml", "second\n")
    assert again != saved and again.read_text() == "second\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_the_users_own_saved_folder_is_kept_private_and_never_another_users(tmp_path):
    own = permissions.data_root() / writer.SAVED_FOLDER
    own.mkdir(parents=True)
    own.chmod(0o777)
    assert permissions.own_folder(own) == own
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    if os.geteuid() == 0:  # only root can give a folder to another user
        os.chown(own, 4321, 4321)
        assert permissions.own_folder(own) is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_rewritten_case_file_keeps_its_permissions(tmp_path):
    path = _write(tmp_path, QUIRKY)
    path.chmod(0o640)
    _append_and_commit(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_create_private_never_overwrites(tmp_path):
    target = tmp_path / "new.yaml"
    writer.create_private(target, b"first\n")
    with pytest.raises(FileExistsError):
        writer.create_private(target, b"second\n")
    assert target.read_bytes() == b"first\n"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_layout_is_detected_from_the_file():
    doc_text = "a:\n    b: 1\nlist:\n-   x: 1\n"
    from casestaff.files import yamlread

    assert writer.detect_layout(yamlread.parse(doc_text)) == writer.Layout(mapping=4, sequence=4, offset=0)
    assert writer.detect_layout(yamlread.parse("a: 1\n")) == writer.Layout(mapping=2, sequence=4, offset=2)


def _busy_for(tries: int, target: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """os.replace refuses `tries` times to replace `target`, as Windows does while another process has it open."""
    real_replace = os.replace
    refused: list[int] = []

    def replace(source, destination):
        if Path(destination) == target and len(refused) < tries:
            refused.append(1)
            raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(destination))
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(writer, "REPLACE_WAITS", (0.0, 0.0, 0.0))
    return refused


def test_a_file_another_process_holds_for_a_moment_is_replaced_when_it_lets_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before", encoding="utf-8")
    refused = _busy_for(2, target, monkeypatch)
    writer.write_private(target, b"after")
    assert len(refused) == 2 and target.read_text(encoding="utf-8") == "after"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temp file left


def test_a_file_held_longer_is_left_as_it_was_and_the_reason_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before", encoding="utf-8")
    _busy_for(10, target, monkeypatch)
    with pytest.raises(PermissionError):
        writer.write_private(target, b"after")
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_file_near_the_longest_path_windows_opens_is_written_through_a_temp_file_as_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows opens no path past 259 characters (unless long paths are switched on); the temp
    file's name must not take a case file deep in a synced folder past it."""
    target = tmp_path / ("case-file-with-a-long-name-" * 2 + ".yaml")
    target.write_text("before", encoding="utf-8")
    limit = len(str(target)) + 5  # the file fits; a temp name of the usual length would not
    monkeypatch.setattr(writer, "TEMP_PATH_MAX", limit)
    real_open = os.open
    opened: list[str] = []

    def open_as_windows_would(name, flags, mode=0o777, *args, **kwargs):
        if len(os.path.abspath(name)) > limit:
            raise FileNotFoundError(2, "The system cannot find the path specified", str(name))
        opened.append(str(name))
        return real_open(name, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_as_windows_would)
    writer.write_private(target, b"after")
    assert target.read_text(encoding="utf-8") == "after"
    assert any(".casestaff-" in name for name in opened)
