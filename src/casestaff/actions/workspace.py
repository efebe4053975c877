"""What every command works on: the settings, the program packs and the paths to read.

A command opens a `Workspace` for the paths it was given (or the case folder casestaff.toml
names), finds a case by its file or its id, runs a job over the caseload through the cached
runner, and writes its output files owner-only -- the same way for every command.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from casestaff.model.plain import dataclass
from pathlib import Path
from typing import NamedTuple

from casestaff.files import writer
from casestaff.files.casefile import read_case
from casestaff.files.caseload import CaseJob, Caseload, CaseloadRun, find_case_files, load_caseload, quiet_gc, run_caseload
from casestaff.files.config import Config, find_config, load_config
from casestaff.files.permissions import modes, why_unreadable
from casestaff.files.yamlread import ReadError, refusal
from casestaff.model import records as model
from casestaff.model.dates import preload_holidays
from casestaff.model.errors import AmbiguousCase, CaseProblems, UsageError
from casestaff.model.pack import Pack, PackSet
from casestaff.model.problems import Problem, did_you_mean
from casestaff.packset import load_packset


@dataclass(frozen=True)
class Workspace:
    """The settings found for the paths, the pack set they give, and the paths to read."""

    config: Config
    packset: PackSet
    paths: tuple[Path, ...]
    here_only: bool = False
    """No path was given and casestaff.toml names no case folder: only the case files directly
    in the current folder are read, never its sub-folders (a project's src/, tests/, build/)."""

    @classmethod
    def open(cls, paths: Sequence[Path] | None = None) -> Workspace:
        """Settings and packs for these paths; no paths means the case folder from casestaff.toml,
        else the case files directly in the current folder."""
        start = paths[0] if paths else Path.cwd()
        config = load_config(find_config(start))
        with quiet_gc():
            packset = load_packset(config)
        if paths:
            return cls(config, packset, tuple(paths))
        if config.cases:
            return cls(config, packset, (config.cases,))
        return cls(config, packset, (Path("."),), here_only=True)

    def run(self, job: CaseJob | None, today: dt.date, *, no_cache: bool = False) -> CaseloadRun:
        """`job` over every case under the paths, through the cached, parallel runner (no job: check only)."""
        run = run_caseload(
            self.paths,
            self.packset,
            job,
            today,
            skip=self.config.pack_files,
            use_cache=self.config.cache and not no_cache,
            warm_up=preload_holidays if job is not None else None,
            top_only=self.here_only,
        )
        self.refuse_if_nothing_here(run.files)
        return run

    def refuse_if_nothing_here(self, files: int) -> None:
        """No path, no case folder set, and no case files in the current folder itself: say so and
        how to name the case folder, rather than read whatever YAML the sub-folders hold."""
        if self.here_only and not files:
            raise UsageError(NO_CASE_FOLDER.format(here=Path.cwd()))

    def load(self, paths: Sequence[Path], today: dt.date) -> Caseload:
        """Every case under `paths` as typed records, read whole (agendas read cases, not cached entries)."""
        return load_caseload(paths, self.packset, today, skip=self.config.pack_files)


NO_CASE_FOLDER = (
    "no case files (.yaml or .yml) in the current folder ({here}), and casestaff.toml names no case folder;"
    " without a path casestaff reads only the current folder, not its sub-folders: give the case folder"
    ' as a path, or name it once in casestaff.toml: cases = "FOLDER"'
)
"""The refusal when no path is given, no case folder is set and the current folder holds no case files."""


def locate_case(target: str, cases_dir: Path | None = None) -> tuple[Path, Workspace]:
    """CASE as a case file: its path (as the user would write it) and the workspace it belongs to.

    CASE is a case file, a case id found in the case folder, or else any unique part of a
    participant's name there (case and accents ignored). A case id held by two files is refused
    rather than guessed, and a part of several names is refused listing them (AmbiguousCase):
    the agenda, narration or recorded outcome would otherwise be about the wrong participant.
    """
    path = Path(target)
    if path.is_dir():
        raise UsageError(
            f"{target} is a folder; give one case file, case id or participant's name"
        )
    if path.exists():  # an ordinary file, or a named pipe or device given by name
        refuse_unreadable(path)
        return path, Workspace.open([path])
    if target.lower().endswith((".yaml", ".yml")) or "/" in target or "\\" in target:
        raise UsageError(f"no such file: {target}")
    workspace = Workspace.open([cases_dir] if cases_dir else None)
    config = workspace.config
    files, run = find_case_files(
        target,
        workspace.paths,
        workspace.packset,
        dt.date.today(),
        skip=config.pack_files,
        use_cache=config.cache,
        top_only=workspace.here_only,
    )
    workspace.refuse_if_nothing_here(run.files)
    if len(files) > 1:
        raise UsageError(
            f"case_id '{target}' is in {len(files)} files: {', '.join(files)}; give the file's path,"
            " and give each case its own id"
        )
    if not files:
        files = _by_name(target, run.results, lambda: _not_found(target, workspace, run))
    return Path(shown_path(files[0])), workspace


def folded(text: str) -> str:
    """`text` as names are compared: case and accents ignored, spaces evened (José == jose)."""
    import unicodedata  # here: only a case sought by name needs it, not `casestaff due`

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def shown_path(file: str) -> str:
    """A found file as the user would write it: relative to the current folder when inside it."""
    path = Path(file)
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return str(path)


def _by_name(
    target: str, results: Sequence[tuple[str, str, str]], missing: Callable[[], UsageError]
) -> list[str]:
    """The one file whose participant's name holds `target` (folded); none raises `missing()`,
    several raise AmbiguousCase listing them."""
    part = folded(target)
    matches = sorted(
        (name, case_id, file) for case_id, file, name in results if part and part in folded(name)
    )
    if not matches:
        raise missing()
    if len(matches) > 1:
        listed = "".join(
            f"\n  {name} ({case_id}, {shown_path(file)})" for name, case_id, file in matches
        )
        raise AmbiguousCase(
            f"'{target}' is part of {len(matches)} participants' names; give more of the name, the case id or the file:{listed}",
            [(name, case_id, shown_path(file)) for name, case_id, file in matches],
        )
    return [matches[0][2]]


def _not_found(target: str, workspace: Workspace, run: CaseloadRun) -> UsageError:
    where = ", ".join(str(f) for f in workspace.paths)
    hint = did_you_mean(target, [case_id for case_id, _, _ in run.results])
    broken = (
        f"; {len({p.file for p in run.problems})} file(s) there have problems (run `casestaff check`)"
        if run.problems
        else ""
    )
    return UsageError(
        f"no case file with case_id '{target}', nor a participant named so, in {where}{hint}{broken};"
        " give the file's path, or --cases DIR"
    )


def refuse_unreadable(path: Path) -> None:
    """CASE that is not an ordinary file of a case file's size is refused with the located
    problem, decided from its stat before anything opens it (a named pipe would hang the read)."""
    try:
        refused = refusal(os.stat(path), path)
    except OSError:
        return  # reading it says why
    if refused is not None:
        raise CaseProblems(problems=[Problem(str(path), refused.line, refused.col, refused.message)])


class OpenCase(NamedTuple):
    """A case file opened for a change: its workspace's settings and packs, its program, the
    file as read for editing, and the case it holds."""

    config: Config
    packset: PackSet
    pack: Pack
    doc: writer.CaseText
    case: model.Case


def open_case(target: str) -> OpenCase:
    """CASE opened for editing (or narrating); a file that cannot be read as a case is refused with its problems."""
    path, workspace = locate_case(target)
    try:
        doc = writer.read_for_edit(path)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {why_unreadable(path, exc)}") from None
    except ReadError as exc:
        raise CaseProblems(problems=[Problem(str(path), max(exc.line, 1), max(exc.col, 1), exc.message)]) from None
    packset = workspace.packset
    case, problems = read_case(doc.data, str(path), packset.packs)
    if case is None:
        raise CaseProblems(f"fix the problems in {path} first (`casestaff check {path}`)", problems=problems)
    return OpenCase(workspace.config, packset, packset.packs[case.program], doc, case)


OUTPUT_REFUSED = (".yaml", ".yml", ".toml")
"""Suffixes an output file never gets: a case file, a program pack or casestaff.toml would be lost."""


def write_output(path: Path, text: str | bytes, what: str, suffixes: str, *, shared: bool = False, durable: bool = True) -> None:
    """Write an output file (agenda, narration, schema; text, or a docx's or pdf's bytes)
    atomically, owner-only -- or group-readable with `shared` (casestaff.toml's shared_folder).
    `durable=False` leaves the flush to disk to the caller (writer.make_durable, once for a batch).

    Refuses a path that looks like a case or settings file: `--out` given the case file itself
    would otherwise replace it with the agenda.
    """
    # Windows drops a name's trailing dots and spaces: `amy.yaml.` and `amy.yaml ` are amy.yaml there.
    if Path(path.name.rstrip(". ")).suffix.lower() in OUTPUT_REFUSED:
        raise UsageError(f"--out {path}: that looks like a case or settings file; write the {what} to a {suffixes} file")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        writer.write_private(path, data, mode=modes(shared).output, durable=durable)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
