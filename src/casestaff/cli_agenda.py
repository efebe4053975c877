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

from .cli import (
    EXIT_BLOCKED,
    EXIT_OK,
    EXIT_PROBLEMS,
    AsOfOpt,
    UsageError,
    _check_within,
    _context,
    _err,
    _locate_case,
    _parse_date,
    _print_problems,
    _run,
    _run_caseload,
    _say_if_no_case_files,
    app,
    write_output,
)

AUDIENCES = ("team", "partner")
DEFAULT_WITHIN = 14


def _load(paths: list[Path], config: Any, packset: Any, today: dt.date) -> Any:
    """Every case under `paths` as typed records (agendas read whole cases, not cached entries)."""
    from .caseload import load_caseload

    return load_caseload(paths, packset, today, skip=config.pack_files)


def _parse_invites(values: list[str] | None, pack: Any) -> list[Any]:
    """--invite ROLE:INITIALS[:ORGANIZATION] as Person records, roles checked against the program."""
    from .model import Person
    from .problems import did_you_mean

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


def _find_case(target: str, cases_dir: Path | None):
    """(case, config, packset) for a case file path or a case id in the case folder; exits 1 on problems."""
    if Path(target).is_dir():
        raise UsageError(f"{target} is a folder; give one case file or case id (or use --due to write agendas for a folder)")
    path, config, packset = _locate_case(target, cases_dir)
    caseload = _load([path], config, packset, dt.date.today())
    if caseload.problems:
        _print_problems(caseload.problems, err=True)
        _err(f"casestaff: {target} has problems; fix them (see above) and run the agenda again.")
        raise typer.Exit(EXIT_PROBLEMS)
    return caseload.cases[0], config, packset


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


def _deliver(text: str, fmt: str, readiness: str, path: Path | None, wrote: str) -> None:
    """Readiness first -- on stderr when the agenda goes to stdout -- then the agenda itself."""
    if path is not None:
        typer.echo(readiness, nl=False)
        write_output(path, text, "agenda", ".md, .txt or .html")
        typer.echo(wrote)
    else:
        _err(readiness.rstrip("\n"))
        _show(text, fmt)


def _one_agenda(case, pack, config, as_of, meeting_date, invite, audience, partner):
    """(team agenda, agenda to render) for one case."""
    from .agenda import build_agenda, default_meeting_date, reasons_from_flags
    from .evaluate import evaluate_case
    from .redact import for_partner

    worker = config.worker or ""
    flags = evaluate_case(case, pack, as_of, DEFAULT_WITHIN, worker)
    meeting = meeting_date or default_meeting_date(case, flags, as_of)
    if meeting > as_of + dt.timedelta(days=DEFAULT_WITHIN):
        flags = evaluate_case(case, pack, as_of, (meeting - as_of).days, worker)
    team = build_agenda(case, pack, meeting, as_of, reasons=reasons_from_flags(flags), invite=invite)
    shown = for_partner(team, case, partner or "") if audience == "partner" else team
    return team, shown


def _render(agenda, fmt: str, templates: Path | None) -> str:
    from .agenda import render_agenda
    from .templating import TemplateProblem

    try:
        return render_agenda(agenda, fmt, templates)
    except TemplateProblem as exc:
        raise UsageError(f"agenda template: {exc}") from None


def _show(text: str, fmt: str) -> None:
    """To stdout: rendered by rich on a terminal (Markdown), raw text when piped."""
    if fmt == "md" and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _safe_name(case_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", case_id).strip("._") or "case"


@app.command()
def agenda(
    targets: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="CASE | PATHS...",
            help="A case file, or a case id found in the case folder. With --due or --provider: case files or folders.",
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
    fmt: Annotated[str, typer.Option("--format", metavar="md|txt|html", help="md, txt or html (md is rendered on a terminal, raw when piped).")] = "md",
    out: Annotated[Optional[Path], typer.Option("--out", metavar="FILE", help="Write the agenda to this file (owner-only) instead of stdout.", show_default=False)] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out-dir", metavar="DIR", help="With --due or --provider: the folder to write agendas into (owner-only files).", show_default=False)] = None,
    audience: Annotated[str, typer.Option("--audience", metavar="team|partner", help="team, or partner: sensitive details withheld unless a release covers the partner.")] = "team",
    partner: Annotated[Optional[str], typer.Option("--partner", metavar="NAME", help="With --audience partner: the partner (as named on the release) the agenda is for.", show_default=False)] = None,
    invite: Annotated[
        Optional[list[str]],
        typer.Option("--invite", metavar="ROLE:INITIALS", help="Also invited: ROLE:INITIALS or ROLE:INITIALS:ORGANIZATION (repeatable).", show_default=False),
    ] = None,
    cases: Annotated[Optional[Path], typer.Option("--cases", metavar="DIR", help="The case folder to search for a case id (default: from casestaff.toml, else here).", show_default=False)] = None,
    due: Annotated[bool, typer.Option("--due", help="Write one agenda per participant due within the window (needs --out-dir).")] = False,
    within: Annotated[int, typer.Option("--within", metavar="DAYS", min=0, help="With --due: days ahead that count as due.")] = DEFAULT_WITHIN,
    provider: Annotated[Optional[str], typer.Option("--provider", metavar="NAME", help="The monthly provider staffing agenda (form 4333 content) for this provider.", show_default=False)] = None,
    month: Annotated[Optional[str], typer.Option("--month", metavar="YYYY-MM", help="With --provider: the month, YYYY-MM (default: the as-of month).", show_default=False)] = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", metavar="DIR", help="Your template folder (default: templates in casestaff.toml).", show_default=False)] = None,
) -> None:
    """A staffing agenda from the program's own outline, prefilled from the case file, gaps and blockers marked."""

    def action() -> int:
        if fmt not in ("md", "txt", "html"):
            raise UsageError(f"--format: {fmt!r} is not one of md, txt, html")
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
        day = _parse_date(as_of, "--as-of")
        _check_within(within)
        meeting = _parse_date(date, "--date") if date else None
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
                return _due_agendas(paths, day, within, fmt, out_dir, audience, partner, templates)
            return _provider_agenda(paths, provider or "", month, day, meeting, fmt, out_dir, templates)
        if out_dir is not None:
            raise UsageError("--out-dir goes with --due or --provider; for one agenda use --out FILE")
        if not targets or len(targets) != 1:
            raise UsageError("give one CASE (a case file or a case id), or --due PATHS... --out-dir DIR")
        case, config, packset = _find_case(targets[0], cases)
        pack = packset.get(case.program)
        people = _parse_invites(invite, pack)
        team, shown = _one_agenda(case, pack, config, day, meeting, people, audience, partner)
        text = _render(shown, fmt, templates or config.templates)
        head = f"Readiness for the {team.meeting:%a %Y-%m-%d} staffing of {team.participant.text} ({team.case_id}, {team.program}):"
        _deliver(text, fmt, _checks_text(head, team.readiness), out, f"Wrote the {audience} agenda to {out}.")
        if team.blocked:
            count = sum(1 for c in team.readiness if c.blocking)
            _err(f"casestaff: {count} blocking readiness check(s); the agenda marks them. Exit code 3.")
            return EXIT_BLOCKED
        return EXIT_OK

    _run(action)


def _due_agendas(paths, as_of, within, fmt, out_dir: Path, audience, partner, templates) -> int:
    """One agenda per participant due within the window, written into `out_dir`."""
    from .caseload import read_file
    from .due import DueJob, due_report

    config, packset, chosen = _context(paths)
    # Who is due comes from the same cached, parallel runner as `casestaff due`; only the
    # files of the participants listed are then read whole for their agendas.
    job = DueJob(packset=packset, as_of=as_of, within=within, default_worker=config.worker or "")
    caseload = _run_caseload(chosen, config, packset, job, dt.date.today(), no_cache=False)
    _say_if_no_case_files(caseload.files, chosen, caseload.notes)
    _print_problems(caseload.problems, err=True)
    report = due_report(caseload.results, packset, config, as_of, within)
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    written: list[tuple[str, str, Path, Any]] = []
    user_dir = templates or config.templates

    taken: set[str] = set()

    def write_one(row) -> None:
        case, problems = read_file(Path(row.file), packset)
        if case is None:  # changed on disk since it was listed
            _print_problems(problems, err=True)
            caseload.problems.extend(problems)
            return
        pack = packset.get(case.program)
        team, shown = _one_agenda(case, pack, config, as_of, None, [], audience, partner)
        stem = base = _safe_name(case.case_id)
        number = 1
        while stem.casefold() in taken:  # "LA/1" and "LA 1" both read "LA_1": never one over the other
            number += 1
            stem = f"{base}-{number}"
        taken.add(stem.casefold())
        path = out_dir / f"{stem}.{fmt}"
        write_output(path, _render(shown, fmt, user_dir), "agenda", ".md, .txt or .html")
        written.append((case.case_id, case.participant.name, path, team))

    if sys.stderr.isatty() and report.rows:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("Writing agendas", total=len(report.rows))
            for row in report.rows:
                write_one(row)
                progress.advance(task)
    else:
        for row in report.rows:
            write_one(row)
    blocked = [team for *_, team in written if team.blocked]
    if not written:
        typer.echo(f"Nobody is due within {within} days of {as_of.isoformat()}; no agenda written.")
    else:
        typer.echo(f"Wrote {len(written)} {audience} agenda(s) ({fmt}) to {out_dir}, as of {as_of.isoformat()}:")
        width = max(len(case_id) for case_id, *_ in written)
        for case_id, name, path, team in written:
            state = ""
            if team.blocked:
                titles = "; ".join(c.title for c in team.readiness if c.blocking)
                state = f"  BLOCKED: {titles}"
            typer.echo(f"  {case_id:<{width}}  meeting {team.meeting:%a %Y-%m-%d}  {path.name}  {name}{state}")
        if blocked:
            typer.echo(f"{len(blocked)} agenda(s) have blocking readiness checks; run `casestaff agenda CASE` on each for details.")
    if caseload.problems:
        _err(f"casestaff: {len({p.file for p in caseload.problems})} file(s) with problems were left out; run `casestaff check` for details.")
        return EXIT_PROBLEMS
    return EXIT_BLOCKED if blocked else EXIT_OK


def _parse_month(value: str | None, as_of: dt.date) -> dt.date:
    if value is None:
        return as_of.replace(day=1)
    match = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise UsageError(f"--month: {value!r} is not a month; write it as YYYY-MM, e.g. 2026-12")
    return dt.date(int(match[1]), int(match[2]), 1)


def _provider_agenda(paths, provider: str, month_text, as_of, meeting, fmt, out_dir, templates) -> int:
    """The monthly provider staffing agenda: every enrolled customer, those needing a customer staffing marked."""
    from .problems import did_you_mean
    from .provider_agenda import build_provider_agenda, render_provider_agenda
    from .templating import TemplateProblem

    from .caseload import ProviderJob, read_file

    month = _parse_month(month_text, as_of)
    config, packset, chosen = _context(paths)
    # The provider's customers are found through the cached runner; only their files are read whole.
    caseload = _run_caseload(chosen, config, packset, ProviderJob(), dt.date.today(), no_cache=False)
    _say_if_no_case_files(caseload.files, chosen, caseload.notes)
    _print_problems(caseload.problems, err=True)
    with_cycle = [r for r in caseload.results if packset.get(r[0]) and packset.get(r[0]).provider_cycle]
    wanted = " ".join(provider.casefold().split())
    mine = []
    for _, their_provider, file in with_cycle:
        if " ".join(their_provider.casefold().split()) == wanted:
            case, problems = read_file(Path(file), packset)
            _print_problems(problems, err=True)
            if case is not None:
                mine.append(case)
    if not mine:
        known = sorted({their_provider for _, their_provider, _ in with_cycle if their_provider})
        listed = ", ".join(known) or "none"
        raise UsageError(f"--provider: no customer of '{provider}' in the case files{did_you_mean(provider, known)}; providers: {listed}")
    programs = sorted({c.program for c in mine})
    if len(programs) > 1:
        raise UsageError(f"--provider: '{provider}' has customers in {', '.join(programs)}; give the case files of one program")
    pack = packset.get(programs[0])
    name = mine[0].provider or provider
    meetings = config.provider_meetings.get(name, ())
    agenda = build_provider_agenda(mine, pack, name, month, as_of, meetings, meeting, config.worker or "")
    try:
        text = render_provider_agenda(agenda, fmt, templates or config.templates)
    except TemplateProblem as exc:
        raise UsageError(f"agenda template: {exc}") from None
    path = None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = out_dir / f"{_safe_name(name)}-{month:%Y-%m}.{fmt}"
    wrote = (
        f"Wrote the {month:%B %Y} provider staffing agenda for {name} ({len(agenda.customers)} customer(s),"
        f" {len(agenda.needing_staffing)} needing a customer staffing) to {path}."
    )
    head = f"Readiness for the {month:%B %Y} provider staffing of {name}:"
    _deliver(text, fmt, _checks_text(head, agenda.readiness), path, wrote)
    if caseload.problems:
        return EXIT_PROBLEMS
    return EXIT_BLOCKED if agenda.blocked else EXIT_OK
