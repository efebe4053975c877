"""`casestaff calendar`: the due list and the program calendar as an .ics file, and the memory of
what the last export to that file sent.

The memory (which UIDs were sent, at which SEQUENCE, on which day) lives in the user's own
private data folder (`calendars/` under the casestaff data folder, 0700, files 0600), one file
per output file, named by a hash of the output's absolute path. Not beside the output: that
folder is often synced or shared, and the memory lists case ids. Not in the cache: a cache may
be deleted at any time and must never change an answer, while losing the memory loses the
cancellations the next export would send.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import field
from casestaff.model.plain import dataclass
from pathlib import Path

from casestaff.actions.due import DueList, who_is_due
from casestaff.actions.workspace import Workspace, write_output
from casestaff.documents.calendar import (
    Export,
    MemoryUnreadable,
    Remembered,
    calendar_events,
    memory_from_json,
    memory_to_json,
    plan_export,
    render_ics,
)
from casestaff.files import writer
from casestaff.files.permissions import data_root, own_folder
from casestaff.rules.flags import CaseEntry


def memory_folder() -> Path:
    """Where the memory of each output file's last export is kept."""
    return data_root() / "calendars"


def memory_file(output: Path) -> Path:
    """The memory of `output`: one per output file, however the path to it is written."""
    key = hashlib.sha256(os.path.normcase(str(output.resolve())).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return memory_folder() / f"{key}.json"


@dataclass(frozen=True)
class CalendarExport:
    """An export done: the due list it came from, the events numbered, and what to tell the user."""

    due: DueList
    export: Export
    ics: bytes
    notes: list[str] = field(default_factory=list)


def _recall(output: Path | None, notes: list[str]) -> dict[str, Remembered]:
    if output is None:
        return {}
    path = memory_file(output)
    try:
        return memory_from_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, MemoryUnreadable) as exc:
        notes.append(
            f"the memory of the last export to {output} ({path}) could not be read ({exc}); events it sent"
            " that no longer apply cannot be cancelled this time"
        )
        return {}


def _remember(output: Path, export: Export, notes: list[str]) -> None:
    folder = own_folder(memory_folder())
    path = memory_file(output)
    try:
        if folder is None:
            raise OSError(f"{memory_folder()} is not a private folder of yours")
        writer.write_private(path, memory_to_json(export.memory, str(output.resolve())).encode("utf-8"))
    except OSError as exc:
        notes.append(
            f"{output} was written, but what it holds could not be remembered ({path}: {getattr(exc, 'strerror', None) or exc});"
            " the next export cannot cancel events that stop applying"
        )


def export_calendar(
    workspace: Workspace,
    as_of: dt.date,
    within: int,
    worker: str | None,
    program: str | None,
    *,
    names: bool,
    remind: int | None,
    output: Path | None,
    no_cache: bool = False,
    now: dt.datetime | None = None,
) -> CalendarExport:
    """The due list as `due` computes it, as a calendar; written to `output` (owner-only, atomic,
    remembered for the next export) when it is given, else only returned."""
    moment = now or dt.datetime.now(dt.timezone.utc)
    due = who_is_due(workspace, as_of, within, worker, program, no_cache=no_cache)
    caseload_names = [name for entry in due.run.results if isinstance(entry, CaseEntry) for name in entry.names]
    events = calendar_events(due.report, names=names, caseload_names=caseload_names)
    notes: list[str] = []
    export = plan_export(events, _recall(output, notes), as_of, moment, remind)
    title = " -- ".join(["casestaff deadlines", *(part for part in (worker, program) if part)])
    ics = render_ics(export, now=moment, remind=remind, name=title)
    if output is not None:
        write_output(output, ics.decode("utf-8"), "calendar", ".ics", shared=workspace.config.shared_folder)
        _remember(output, export, notes)
    return CalendarExport(due, export, ics, notes)
