"""The `casestaff agenda` command: one case's staffing agenda, every due case's, or a provider's month.

Readiness checks print first -- on stderr when the agenda itself goes to stdout -- and blocking
ones make the exit code 3; the agenda is written all the same, with the blockers marked in it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from casestaff.actions import agenda as orchestrate
from casestaff.actions.printing import BINARY_FORMATS, find_browser
from casestaff.actions.workspace import Workspace, write_output
from casestaff.cli.arguments import check_within, parse_date
from casestaff.cli.common import BINARY_NAMES, AsOfOpt, app, choosing_case, output_format
from casestaff.cli.messages import print_problems, say, say_files_left_out, say_if_no_case_files
from casestaff.model.errors import EXIT_BLOCKED, EXIT_OK, EXIT_PROBLEMS, UsageError
from casestaff.model.problems import did_you_mean
from casestaff.model.records import Person

AUDIENCES = ("team", "partner")
FORMATS = ("md", "txt", "html", "docx", "pdf")


def _refuse_binary_on_terminal(fmt: str) -> None:
    if fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise UsageError(
            f"--format {fmt}: {BINARY_NAMES[fmt]} is a file, not text for the screen: give --out FILE.{fmt}"
            f" (for example --out agenda.{fmt}), or pipe the output"
        )


def _parse_invites(values: list[str] | None, pack: Any) -> list[Person]:
    """--invite ROLE:INITIALS[:ORGANIZATION] as Person records, roles checked against the program."""
    people = []
    for value in values or []:
        parts = [p.strip() for p in value.split(":", 2)]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise UsageError(f"--invite: {value!r} is not ROLE:INITIALS; write e.g. --invite FC:RH (or CPC:JD:Community Action)")
        role = pack.role(parts[0])
        if role is None:
            names = [r.abbr for r in pack.roles]
            raise UsageError(
                f"--invite: '{parts[0]}' is not a role in {pack.id}{did_you_mean(parts[0], names)}; roles: {', '.join(names)}"
            )
        people.append(Person(role=role.abbr, initials=parts[1], organization=parts[2] if len(parts) > 2 and parts[2] else None))
    return people


def _checks_text(head: str, checks: Any) -> str:
    """Readiness results as plain lines under a heading, each with its policy citation."""
    lines = [head]
    if not checks:
        lines.append("  no readiness checks for this program")
    for check in checks:
        lines.append(f"  {check.status.upper():<9}{check.title}")
        lines.append(f"           {check.message}")
        lines.extend(f"           - {detail}" for detail in check.details)
        lines.append(f"           policy: {check.citation}")
    return "\n".join(lines) + "\n"


def _deliver(text: str | bytes, fmt: str, readiness: str, path: Path | None, wrote: str, shared: bool) -> None:
    """Readiness first -- on stderr when the agenda goes to stdout -- then the agenda itself."""
    if path is not None:
        typer.echo(readiness, nl=False)
        write_output(path, text, "agenda", orchestrate.AGENDA_SUFFIXES, shared=shared)
        typer.echo(wrote)
    else:
        say(readiness.rstrip("\n"))
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            show(text, fmt)


def show(text: str, fmt: str) -> None:
    """To stdout: rendered by rich on a terminal (Markdown), raw text when piped."""
    if fmt == "md" and sys.stdout.isatty():
        # Imported here: rich.markdown costs ~50 ms, and a piped agenda never needs it.
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


@app.command()
def agenda(
    targets: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="CASE | PATHS...",
            help="A case file, a case id, or any unique part of a participant's name found in the case folder. With --due or --provider: case files or folders.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        Optional[str],
        typer.Option(
            "--date",
            help="Meeting date (YYYY-MM-DD). Default: the planned staffing's date, else the earliest due date from `casestaff due` (today if overdue), else the as-of date.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            metavar="md|txt|html|docx|pdf",
            help="md, txt, html, docx (Word) or pdf (printed by Chromium, Chrome or Edge; the environment variable CASESTAFF_BROWSER may name the program); default: from --out's suffix, else md. md is rendered on a terminal, raw when piped; docx and pdf need --out or a pipe.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Optional[Path], typer.Option("--out", metavar="FILE", help="Write the agenda to this file (readable by you only, or your group too with shared_folder) instead of stdout.", show_default=False)] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out-dir", metavar="DIR", help="With --due or --provider: the folder to write agendas into (files readable by you only, or your group too with shared_folder).", show_default=False)] = None,
    audience: Annotated[str, typer.Option("--audience", metavar="team|partner", help="team, or partner: sensitive details withheld unless a release covers the partner.")] = "team",
    partner: Annotated[Optional[str], typer.Option("--partner", metavar="NAME", help="With --audience partner: the partner (as named on the release) the agenda is for.", show_default=False)] = None,
    invite: Annotated[
        Optional[list[str]],
        typer.Option("--invite", metavar="ROLE:INITIALS", help="Also invited: ROLE:INITIALS or ROLE:INITIALS:ORGANIZATION (repeatable).", show_default=False),
    ] = None,
    cases: Annotated[Optional[Path], typer.Option("--cases", metavar="DIR", help="The case folder to search for a case id (default: from casestaff.toml, else here).", show_default=False)] = None,
    due: Annotated[bool, typer.Option("--due", help="Write one agenda per participant due within the window (needs --out-dir).")] = False,
    within: Annotated[int, typer.Option("--within", metavar="DAYS", min=0, help="With --due: the window, as for `casestaff due --within`: an agenda for each participant the morning list shows.")] = orchestrate.DEFAULT_WITHIN,
    provider: Annotated[Optional[str], typer.Option("--provider", metavar="NAME", help="The monthly provider staffing agenda (form 4333 content) for this provider.", show_default=False)] = None,
    month: Annotated[Optional[str], typer.Option("--month", metavar="YYYY-MM", help="With --provider: the month, YYYY-MM (default: the as-of month).", show_default=False)] = None,
    no_sources: Annotated[
        bool,
        typer.Option(
            "--no-sources",
            help="Leave out which lines of the case file the facts come from (said once per section in md and txt, beside each fact in html).",
        ),
    ] = False,
    templates: Annotated[Optional[Path], typer.Option("--templates", metavar="DIR", help="Your template folder (default: templates in casestaff.toml).", show_default=False)] = None,
) -> int:
    """A staffing agenda from the program's own outline, prefilled from the case file, gaps and blockers marked."""
    fmt = output_format(fmt, out, FORMATS, "md", "agenda")
    if audience not in AUDIENCES:
        raise UsageError(f"--audience: {audience!r} is not one of team, partner")
    if partner and audience != "partner":
        raise UsageError("--partner goes with --audience partner")
    if due and provider:
        raise UsageError("--due and --provider are different agendas; use one of them")
    if month and not provider:
        raise UsageError("--month goes with --provider NAME")
    if provider and audience == "partner":
        raise UsageError(
            "--audience partner is for one case's agenda (or --due); the provider staffing agenda shows every"
            " customer's barriers and is for the team only"
        )
    if out is None and out_dir is None:
        _refuse_binary_on_terminal(fmt)
    if fmt == "pdf":
        find_browser()  # before any work: no browser to print with is said at once
    sources = not no_sources
    day = parse_date(as_of, "--as-of")
    check_within(within)
    meeting = parse_date(date, "--date") if date else None
    if due or provider:
        if out is not None:
            raise UsageError("--out is for one agenda; with --due or --provider use --out-dir DIR")
        if invite:
            raise UsageError("--invite is for one case's agenda")
        paths = [Path(t) for t in targets] if targets else None
        if due:
            if out_dir is None:
                raise UsageError("--due writes one file per participant: give --out-dir DIR")
            if meeting is not None:
                raise UsageError("--date is for one agenda; with --due each case gets its own meeting date")
            return _due_agendas(paths, day, within, fmt, out_dir, audience, partner, templates, sources)
        return _provider_agenda(paths, provider or "", month, day, meeting, fmt, out_dir, templates, sources)
    if out_dir is not None:
        raise UsageError("--out-dir goes with --due or --provider; for one agenda use --out FILE")
    if not targets or len(targets) != 1:
        raise UsageError("give one CASE (a case file or a case id), or --due PATHS... --out-dir DIR")
    case, workspace = choosing_case(lambda target: orchestrate.find_case(target, cases), targets[0])
    pack = workspace.packset.packs[case.program]
    made = orchestrate.case_agenda(case, pack, workspace.config, day, meeting, _parse_invites(invite, pack), audience, partner)
    team = made.team
    text = orchestrate.render(made.shown, fmt, templates or workspace.config.templates, sources)
    head = f"Readiness for the {team.meeting:%a %Y-%m-%d} staffing of {team.participant.text} ({team.case_id}, {team.program}):"
    _deliver(text, fmt, _checks_text(head, team.readiness), out, f"Wrote the {audience} agenda to {out}.", workspace.config.shared_folder)
    if team.blocked:
        count = sum(1 for c in team.readiness if c.blocking)
        say(f"casestaff: {count} blocking readiness check(s); the agenda marks them. Exit code 3.")
        return EXIT_BLOCKED
    return EXIT_OK


def _due_agendas(paths, as_of, within, fmt, out_dir: Path, audience, partner, templates, sources: bool) -> int:
    """One agenda per participant due within the window, written into `out_dir`."""
    workspace = Workspace.open(paths)
    batch = orchestrate.DueAgendas(workspace, as_of, within, fmt, out_dir, audience, partner, templates, sources)
    say_if_no_case_files(batch.files, workspace.paths, batch.notes)
    print_problems(batch.problems, err=True)
    rows = batch.report.rows
    written: list[orchestrate.WrittenAgenda] = []

    def write_one(row) -> None:
        done, problems = batch.write(row)
        print_problems(problems, err=True)  # a file changed on disk since it was listed
        if done is not None:
            written.append(done)

    if sys.stderr.isatty() and rows:
        from rich.console import Console  # ~30 ms each: only a terminal shows progress
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("Writing agendas", total=len(rows))
            for row in rows:
                write_one(row)
                progress.advance(task)
    else:
        for row in rows:
            write_one(row)
    batch.finish()
    blocked = [one.team for one in written if one.team.blocked]
    if not written:
        typer.echo(f"Nobody is due within {within} days of {as_of.isoformat()}; no agenda written.")
    else:
        typer.echo(f"Wrote {len(written)} {audience} agenda(s) ({fmt}) to {out_dir}, as of {as_of.isoformat()}:")
        width = max(len(one.case_id) for one in written)
        for one in written:
            state = ""
            if one.team.blocked:
                titles = "; ".join(c.title for c in one.team.readiness if c.blocking)
                state = f"  BLOCKED: {titles}"
            typer.echo(f"  {one.case_id:<{width}}  meeting {one.team.meeting:%a %Y-%m-%d}  {one.path.name}  {one.name}{state}")
        if blocked:
            typer.echo(f"{len(blocked)} agenda(s) have blocking readiness checks; run `casestaff agenda CASE` on each for details.")
    if batch.problems:
        say_files_left_out(batch.problems)
        return EXIT_PROBLEMS
    return EXIT_BLOCKED if blocked else EXIT_OK


def _parse_month(value: str | None, as_of: dt.date) -> dt.date:
    if value is None:
        return as_of.replace(day=1)
    match = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise UsageError(f"--month: {value!r} is not a month; write it as YYYY-MM, e.g. 2026-12")
    return dt.date(int(match[1]), int(match[2]), 1)


def _provider_agenda(paths, provider: str, month_text, as_of, meeting, fmt, out_dir, templates, sources: bool) -> int:
    """The monthly provider staffing agenda: every enrolled customer, those needing a customer staffing marked."""
    month = _parse_month(month_text, as_of)
    workspace = Workspace.open(paths)
    found = orchestrate.provider_month(workspace, provider, month, as_of, meeting)
    say_if_no_case_files(found.files, workspace.paths, found.notes)
    print_problems(found.problems, err=True)
    agenda = found.agenda
    text = orchestrate.render(agenda, fmt, templates or workspace.config.templates, sources)
    shared = workspace.config.shared_folder
    path = orchestrate.output_folder(out_dir, shared) / found.file_name(fmt) if out_dir is not None else None
    wrote = (
        f"Wrote the {month:%B %Y} provider staffing agenda for {agenda.provider} ({len(agenda.customers)} customer(s),"
        f" {len(agenda.needing_staffing)} needing a customer staffing) to {path}."
    )
    head = f"Readiness for the {month:%B %Y} provider staffing of {agenda.provider}:"
    _deliver(text, fmt, _checks_text(head, agenda.readiness), path, wrote, shared)
    if found.problems:
        return EXIT_PROBLEMS
    return EXIT_BLOCKED if agenda.blocked else EXIT_OK
