"""Agendas, orchestrated: the meeting date and the flags that give the reasons, the team's agenda
and the partner's copy of it; one agenda for each participant due; a provider's month.

Who is due and who a provider's customers are come from the cached, parallel caseload runner,
as for `casestaff due`; only the files of the cases an agenda is about are then read whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from casestaff.model.plain import dataclass
from pathlib import Path

from casestaff.actions.due import who_is_due
from casestaff.actions.printing import BINARY_FORMATS, from_html
from casestaff.actions.workspace import Workspace, locate_case, write_output
from casestaff.documents.agenda import build_agenda, default_meeting_date, reasons_from_flags, render_agenda
from casestaff.documents.agenda_records import Agenda
from casestaff.documents.provider_agenda import ProviderAgenda, build_provider_agenda, render_provider_agenda
from casestaff.documents.redact import covered_areas, for_partner, partner_case
from casestaff.documents.templating import TemplateProblem
from casestaff.files import writer
from casestaff.files.caseload import ProviderJob, read_file
from casestaff.files.config import Config
from casestaff.files.permissions import modes
from casestaff.model import records as model
from casestaff.model.errors import CaseProblems, UsageError
from casestaff.model.pack import Pack
from casestaff.model.problems import Problem, did_you_mean
from casestaff.rules.due import CaseRow
from casestaff.rules.evaluate import evaluate_case

AGENDA_SUFFIXES = ".md, .txt, .html, .docx or .pdf"
"""Said when --out names a file an agenda must not replace."""

DEFAULT_WITHIN = 14
"""Days ahead whose flags give an agenda its reasons (further, when the meeting is later)."""


def find_case(target: str, cases_dir: Path | None = None) -> tuple[model.Case, Workspace]:
    """CASE (a case file, or a case id in the case folder) read whole; a case with problems is refused with them."""
    if Path(target).is_dir():
        raise UsageError(f"{target} is a folder; give one case file or case id (or use --due to write agendas for a folder)")
    path, workspace = locate_case(target, cases_dir)
    caseload = workspace.load([path], dt.date.today())
    if caseload.problems:
        raise CaseProblems(f"{target} has problems; fix them (see above) and run the agenda again.", problems=caseload.problems)
    return caseload.cases[0], workspace


@dataclass(frozen=True)
class CaseAgenda:
    """One case's agenda: the team's (its readiness decides the exit code) and the one to render."""

    team: Agenda
    shown: Agenda


def case_agenda(
    case: model.Case,
    pack: Pack,
    config: Config,
    as_of: dt.date,
    meeting: dt.date | None = None,
    invite: Sequence[model.Person] = (),
    audience: str = "team",
    partner: str | None = None,
) -> CaseAgenda:
    """The meeting date (given, else planned, else from the flags), the team agenda for it, and
    for a partner audience the copy with what no release covers withheld.

    The partner copy is built, reasons and all, from the case as it would be without anything in
    the areas the partner's releases leave out (redact.partner_case), so it cannot tell whether
    the file holds any."""
    worker = config.worker or ""
    flags = evaluate_case(case, pack, as_of, DEFAULT_WITHIN, worker)
    meeting = meeting or default_meeting_date(case, flags, as_of)
    within = max(DEFAULT_WITHIN, (meeting - as_of).days)
    if within > DEFAULT_WITHIN:
        flags = evaluate_case(case, pack, as_of, within, worker)
    team = build_agenda(case, pack, meeting, as_of, reasons=reasons_from_flags(flags), invite=invite)
    if audience != "partner":
        return CaseAgenda(team, team)
    covered = covered_areas(case, partner or "", meeting, as_of)
    seen = partner_case(case, pack, covered)
    reasons = reasons_from_flags(evaluate_case(seen, pack, as_of, within, worker))
    shown = for_partner(build_agenda(seen, pack, meeting, as_of, reasons=reasons, invite=invite), partner or "", covered)
    return CaseAgenda(team, shown)


def render(agenda: Agenda | ProviderAgenda, fmt: str, templates: Path | None, sources: bool = True) -> str | bytes:
    """The agenda as md, txt or html (without the file lines of its facts when not `sources`),
    or as docx or pdf made from the html; a template's problem is named as the agenda template's."""
    shape = "html" if fmt in BINARY_FORMATS else fmt
    try:
        if isinstance(agenda, ProviderAgenda):
            text = render_provider_agenda(agenda, shape, templates, sources)
        else:
            text = render_agenda(agenda, shape, templates, sources)
    except TemplateProblem as exc:
        raise TemplateProblem(f"agenda template: {exc}") from None
    return from_html(text, fmt) if fmt in BINARY_FORMATS else text


WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))})
"""Names Windows keeps for devices, whatever follows a dot: a file named NUL.md is no file there."""


def safe_name(text: str) -> str:
    """A case id or provider name as a file name, on any system (an agenda folder may be shared
    with Windows machines): a device name gets a '_' after it."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "case"
    head, dot, rest = name.partition(".")
    return f"{head}_{dot}{rest}" if head.upper() in WINDOWS_DEVICES else name


def output_folder(path: Path, shared: bool = False) -> Path:
    """The folder agendas are written into, made if it is not there yet -- with every folder above
    it that casestaff makes -- owner-only, or with `shared` (casestaff.toml's shared_folder)
    readable by the group too: a folder's name (a worker's, a program's) tells about its cases."""
    mode = modes(shared).folder
    for folder in reversed([path, *path.parents]):
        if not folder.is_dir():
            folder.mkdir(exist_ok=True, mode=mode)
            folder.chmod(mode)  # the mode asked for, whatever the umask
    return path


# -- every participant due ------------------------------------------------------------------------


@dataclass(frozen=True)
class WrittenAgenda:
    case_id: str
    name: str
    path: Path
    team: Agenda


class DueAgendas:
    """One agenda per participant due within the window, each written into `out_dir`.

    Who is due is chosen when the batch is made; `write(row)` then writes one row's agenda, so
    a caller can show progress, and `finish()` makes them all durable at once (each is written
    atomically and owner-only as it goes; one flush for the batch instead of two per file).
    File names never overwrite each other: "LA/1" and "LA 1" both read "LA_1", and the second
    becomes "LA_1-2".
    """

    def __init__(
        self,
        workspace: Workspace,
        as_of: dt.date,
        within: int,
        fmt: str,
        out_dir: Path,
        audience: str,
        partner: str | None,
        templates: Path | None,
        sources: bool = True,
    ) -> None:
        due = who_is_due(workspace, as_of, within)
        self.workspace, self.as_of, self.fmt, self.audience, self.partner = workspace, as_of, fmt, audience, partner
        self.files = due.run.files
        self.notes = due.run.notes
        self.problems: list[Problem] = list(due.run.problems)
        """Every file left out: those with problems, and any that changed on disk since listed."""
        self.report = due.report
        self.out_dir = output_folder(out_dir, workspace.config.shared_folder)
        self.templates = templates or workspace.config.templates
        self.sources = sources
        self._taken: set[str] = set()
        self._written: list[Path] = []

    def write(self, row: CaseRow) -> tuple[WrittenAgenda | None, list[Problem]]:
        """Write `row`'s agenda: what was written, or None and the problems of a file that changed since listed."""
        packset = self.workspace.packset
        case, problems = read_file(Path(row.file), packset)
        if case is None:
            self.problems.extend(problems)
            return None, problems
        made = case_agenda(case, packset.packs[case.program], self.workspace.config, self.as_of, audience=self.audience, partner=self.partner)
        stem = base = safe_name(case.case_id)
        number = 1
        while stem.casefold() in self._taken:
            number += 1
            stem = f"{base}-{number}"
        self._taken.add(stem.casefold())
        path = self.out_dir / f"{stem}.{self.fmt}"
        shared = self.workspace.config.shared_folder
        write_output(path, render(made.shown, self.fmt, self.templates, self.sources), "agenda", AGENDA_SUFFIXES, shared=shared, durable=False)
        self._written.append(path)
        return WrittenAgenda(case.case_id, case.participant.name, path, made.team), []


    def finish(self) -> None:
        """Flush every agenda written to disk, once for the batch."""
        writer.make_durable(self._written)


# -- a provider's month ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderMonth:
    """A provider's staffing agenda for a month, and every file left out of it."""

    agenda: ProviderAgenda
    problems: list[Problem]
    files: int = 0
    notes: tuple[str, ...] = ()

    def file_name(self, fmt: str) -> str:
        return f"{safe_name(self.agenda.provider)}-{self.agenda.month:%Y-%m}.{fmt}"


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def provider_month(workspace: Workspace, provider: str, month: dt.date, as_of: dt.date, meeting: dt.date | None) -> ProviderMonth:
    """The monthly provider staffing agenda: every enrolled customer, those needing a customer staffing marked.

    The provider's customers are found through the cached runner; only their files are read whole.
    """
    packset, config = workspace.packset, workspace.config
    run = workspace.run(ProviderJob(), dt.date.today())
    problems = list(run.problems)
    with_cycle = [r for r in run.results if (pack := packset.get(r[0])) and pack.provider_cycle]
    mine = []
    for _, their_provider, file in with_cycle:
        if _folded(their_provider) == _folded(provider):
            case, found = read_file(Path(file), packset)
            problems.extend(found)
            if case is not None:
                mine.append(case)
    if not mine:
        known = sorted({their_provider for _, their_provider, _ in with_cycle if their_provider})
        listed = ", ".join(known) or "none"
        raise UsageError(
            f"--provider: no customer of '{provider}' in the case files{did_you_mean(provider, known)}; providers: {listed}",
            problems=problems,
        )
    programs = sorted({c.program for c in mine})
    if len(programs) > 1:
        raise UsageError(f"--provider: '{provider}' has customers in {', '.join(programs)}; give the case files of one program", problems=problems)
    name = mine[0].provider or provider
    meetings = config.provider_meetings.get(name, ())
    agenda = build_provider_agenda(mine, packset.packs[programs[0]], name, month, as_of, meetings, meeting, config.worker or "")
    return ProviderMonth(agenda, problems, run.files, tuple(run.notes))
