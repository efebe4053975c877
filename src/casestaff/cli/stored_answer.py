"""Keeping the answer of `casestaff due` (or `programs`) for the next identical run
(files/answers.py): what the run read -- its folders, case files, settings, packs, templates,
casestaff's own files and the installed packages -- worked out from the workspace it ran in."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from casestaff.actions.workspace import Workspace
from casestaff.files import answers
from casestaff.files.caseload import is_case_file_name
from casestaff.files.config import CONFIG_NAME
from casestaff.files.writer import write_private


def keep_answer(
    workspace: Workspace,
    code: int,
    *,
    reads_cases: bool = True,
    seen: Mapping[str, Sequence[int]] | None = None,
    listings: Mapping[str, str | None] | None = None,
) -> int:
    """Store this run's answer, when it is being recorded and may be stored; `code`, unchanged.
    `reads_cases`: the answer depends on the case files (due), not only on settings and packs
    (programs); `seen`: the signatures the run took of its case files (CaseloadRun.signatures),
    recorded as they were read rather than stat'ed again; `listings`: the folders it read to find
    them, by the listing it took of each (CaseloadRun.listings), rather than read again."""
    if not answers.RECORDING or not workspace.config.cache:
        return code
    recording = answers.RECORDING[0]
    output, said_more = recording.output()
    if said_more:
        return code  # only a clean run is replayed: problems and notes are said afresh each time
    if not output:
        return code  # the answer went elsewhere (through a pager): there is nothing to replay
    inputs = inputs_of(workspace, reads_cases=reads_cases, seen=seen, listings=listings)
    if inputs.changed_since(recording.started_ns):
        return code
    try:
        folder = answers.private_answers_folder()
        if folder is None:
            return code
        write_private(folder / f"{recording.key}.answer", answers.encoded(recording.key, code, inputs, output), durable=False)
        for old in answers.old_answers(time.time_ns()):
            old.unlink(missing_ok=True)
    except OSError:
        pass  # the answer is a shortcut only: the run itself is done
    return code


def inputs_of(
    workspace: Workspace,
    *,
    reads_cases: bool = True,
    seen: Mapping[str, Sequence[int]] | None = None,
    listings: Mapping[str, str | None] | None = None,
) -> answers.Inputs:
    """Everything a command read in this workspace, and where casestaff.toml would be looked for
    (`seen`: signatures of case files already taken, by absolute path; `listings`: the folders
    read to find them, by the digest of their listing as it was read)."""
    inputs = answers.Inputs()
    if reads_cases and listings is not None:
        inputs.read_as_found(listings, seen or {})
    for path in workspace.paths if reads_cases else ():
        absolute = os.path.abspath(path)
        if os.path.isdir(absolute):
            if listings is None:
                inputs.tree(absolute, recursive=not workspace.here_only, only=is_case_file_name, known=seen)
        else:
            inputs.file(absolute, (seen or {}).get(absolute))
    config = workspace.config
    for start in (Path.cwd(), *workspace.paths[:1]):  # config discovery starts at the first path, or here
        folder = (start if start.is_dir() else start.parent).resolve()
        for candidate in (folder, *folder.parents):
            inputs.file(str(candidate / CONFIG_NAME))
    for file in (*([config.file] if config.file else []), *config.pack_files):
        inputs.file(os.path.abspath(file))
    if config.templates is not None:
        inputs.tree(os.path.abspath(config.templates), recursive=True)
    inputs.take(answers.package_inputs())
    for folder_path in answers.installed_packages():
        inputs.folder(folder_path)
    return inputs
