"""The commands that write: `record` (a staffing's outcome, a step done), `new` (a case file
skeleton) and `narrate` (the outcome as text for the system of record).

The prompts live here because the core never talks to a terminal; what they offer as defaults
comes from `record.py`, and every write goes through `writer.py`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from casestaff.actions.narration import provider_peers
from casestaff.actions.workspace import Workspace, open_case, write_output
from casestaff.cli import common
from casestaff.cli.common import AsOfOpt, app, choosing_case, parse_date, say
from casestaff.documents import narrate as narration
from casestaff.documents import record as core
from casestaff.documents import skeleton
from casestaff.files import writer
from casestaff.files.caseload import discover
from casestaff.files.permissions import modes
from casestaff.model import records as model
from casestaff.model.errors import EXIT_OK, CaseProblems, Refused, UsageError
from casestaff.model.problems import did_you_mean
from casestaff.model.when import WhenError, read_date, read_time

CaseArg = Annotated[str, typer.Argument(metavar="CASE", help="A case file, a case id, or any unique part of a participant's name (accents ignored) found in the case folder.", show_default=False)]


# -- record ---------------------------------------------------------------------------------------


@app.command()
def record(
    case: CaseArg,
    from_file: Annotated[
        Optional[Path],
        typer.Option("--from", metavar="OUTCOME.yaml", help="Read the outcome from this YAML file instead of asking (format: docs/recording.md).", show_default=False),
    ] = None,
    done: Annotated[
        Optional[str],
        typer.Option(
            "--done",
            metavar="STEP",
            help="Mark this next step done: its number or its whole text (words that match several steps, or part of one, are asked about; refused with --yes or no terminal).",
            show_default=False,
        ),
    ] = None,
    undo_done: Annotated[
        Optional[str],
        typer.Option("--undo-done", metavar="STEP", help="Remove the done date of this next step (chosen as for --done).", show_default=False),
    ] = None,
    as_of: AsOfOpt = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking for confirmation.")] = False,
) -> int:
    """Record a staffing's outcome in the case file, or mark a next step done (or not done).

    Only the new entry is added; comments, order and formatting are kept.
    Before writing, it says which of the program's requirements the entry does not meet (due keeps flagging the case).
    Nothing is written if the file changed on disk meanwhile, is read-only, or would not be valid.
    What you typed is then saved to a private file, and its path is printed.
    """
    day = parse_date(as_of, "--as-of")
    given = [name for name, value in (("--from", from_file), ("--done", done), ("--undo-done", undo_done)) if value is not None]
    if len(given) > 1:
        raise UsageError(f"{' and '.join(given)} do different things; use one at a time")
    config, packset, pack, doc, loaded = choosing_case(open_case, case)
    if done is not None:
        ref = _choose_step(loaded, done, yes, undo=False)
        core.mark_done(doc, ref, day, packset.packs)
        typer.echo(f"Marked done on {day}: {ref.step.step}  ({doc.path})")
        return EXIT_OK
    if undo_done is not None:
        ref = _choose_step(loaded, undo_done, yes, undo=True)
        core.undo_done(doc, ref, packset.packs)
        typer.echo(f"No longer marked done (was {ref.step.done}): {ref.step.step}  ({doc.path})")
        return EXIT_OK
    if from_file is not None:
        staffing = _outcome_from_file(from_file)
        _warn_unmet(loaded, staffing, pack, day, str(from_file))
        core.record_outcome(doc, loaded, staffing, pack, packset.packs, day, typed=False, source=str(from_file))
    else:
        _TYPED.clear()
        try:
            staffing = _ask_outcome(loaded, pack, day)
        except typer.Abort:
            message = f"stopped before the outcome was complete; nothing was written to {doc.path}"
            if _TYPED:
                answers = "\n".join(
                    [f"# Answers typed for `casestaff record {doc.path}` before it stopped:", *_TYPED, ""]
                )
                _, note = writer.keep_input(doc.path, answers, "answers")
                message += f". {note}"
            raise UsageError(message) from None
        typer.echo("")
        typer.echo(core.outcome_yaml(staffing))
        unmet = _warn_unmet(loaded, staffing, pack, day)
        question = f"Add this staffing to {doc.path} anyway?" if unmet else f"Add this staffing to {doc.path}?"
        if not yes and not typer.confirm(question, default=not unmet):
            _, note = writer.keep_input(doc.path, core.outcome_yaml(staffing, core.aside_header(loaded, doc.path)))
            typer.echo(f"Nothing was written. {note}")
            return EXIT_OK
        core.record_outcome(doc, loaded, staffing, pack, packset.packs, day, typed=True)
    typer.echo(f"Recorded the {staffing.date} {staffing.kind} in {doc.path}.")
    typer.echo(f"Narration: casestaff narrate {doc.path} --staffing {staffing.date}")
    return EXIT_OK


def _choose_step(case: model.Case, wanted: str, yes: bool, *, undo: bool) -> core.StepRef:
    """The step STEP names; when its words match several steps or part of one, a person at the
    terminal (without --yes) is shown them numbered and asked which; else the refusal lists them."""
    try:
        return core.find_step(case, wanted, done=undo)
    except core.StepUnsure as unsure:
        if yes or not common.at_terminal():
            raise
        say(f"'{wanted}' may mean:")
        for ref in unsure.candidates:
            say(ref.describe())
        numbers = [ref.number for ref in unsure.candidates]
        default = numbers[0] if len(numbers) == 1 else None
        what = "undo" if undo else "mark done"
        number = typer.prompt(f"Which step to {what} (number)", type=int, default=default, err=True)
        if number not in numbers:
            raise UsageError(f"step {number} is not one of those; nothing was written") from None
        return unsure.candidates[numbers.index(number)]


def _warn_unmet(case: model.Case, staffing: model.Staffing, pack, day: dt.date, source: str = "<input>") -> bool:
    """Before anything is written: which requirements the entry does not meet, in plain words, and
    what `due` and `narrate` will then do (stderr). True when it falls short of any."""
    if core.check_outcome(staffing, case, pack, source, day):
        return False  # refused anyway, with its problems: no warning about an entry that will not be written
    unmet = core.unmet_requirements(case, staffing, pack, day)
    if unmet is None:
        return False
    lines = [f"Warning: the {staffing.date} {staffing.kind} does not meet what the {pack.id} policy requires of it:"]
    lines += [f"  - {shortfall}" for shortfall in unmet.shortfalls]
    if unmet.kept:
        lines.append("`casestaff due` will keep flagging the case until it does:")
        lines += [f"  - {flag.rule}: {flag.reason}" for flag in unmet.kept]
    if unmet.narration_refused:
        lines.append("`casestaff narrate` will refuse to narrate it until it does.")
    typer.echo("\n".join(lines), err=True)
    return True


def _outcome_from_file(path: Path):
    """The staffing in an outcome file; a file with problems is refused with them."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"--from: cannot read {path}: {exc.strerror or exc}") from None
    staffing, problems = core.read_outcome(data, str(path))
    if staffing is None:
        raise CaseProblems(f"nothing was written; fix {path} and run the command again (format: docs/recording.md)", problems=problems)
    return staffing


def _date_reader(label: str):
    def convert(value: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return read_date(str(value))
        except WhenError as exc:
            raise typer.BadParameter(f"{label}: {exc}") from None

    return convert


def _optional_date(label: str):
    strict = _date_reader(label)

    def convert(value: Any) -> dt.date | None:
        return None if not str(value).strip() else strict(value)

    return convert


def _optional_time(value: Any) -> str | None:
    text = str(value).strip()
    if not text:
        return None
    try:
        return read_time(text)
    except WhenError as exc:
        raise typer.BadParameter(str(exc)) from None


_TYPED: list[str] = []
"""Each answer given at the prompts of this run, so nothing typed is lost if input stops early."""


def _ask(text: str, default: Any = "", **kwargs: Any) -> Any:
    value = typer.prompt(text, default=default, show_default=default not in ("", None), **kwargs)
    _TYPED.append(f"# {text.strip()}: {value}")
    return value


def _confirm(text: str, default: bool) -> bool:
    value = typer.confirm(text, default=default)
    _TYPED.append(f"# {text.strip()} {'yes' if value else 'no'}")
    return value


def _ask_list(text: str) -> list[str]:
    items: list[str] = []
    while True:
        item = str(_ask(f"{text} (empty line when done)")).strip()
        if not item:
            return items
        items.append(item)


def _ask_outcome(case, pack, day: dt.date):
    """The staffing, asked field by field, with defaults from the case and its program."""
    typer.echo(f"Recording a staffing for {case.participant.name} ({case.case_id}, {pack.name}).")
    read_date = _date_reader("date")

    def held_on(value: Any) -> dt.date:
        date = read_date(value)
        if date > day:
            raise typer.BadParameter(f"{date} is after {day}; record a staffing once it has been held")
        if date < case.enrolled:
            raise typer.BadParameter(f"{date} is before enrollment ({case.enrolled}); check the date")
        return date

    date = _ask("Date the staffing was held", day.isoformat(), value_proc=held_on)
    kinds = {k.id: k.name for k in pack.staffing_kinds}
    typer.echo("Kinds of staffing: " + "; ".join(f"{k} ({name})" for k, name in kinds.items()))

    def kind_of(value: Any) -> str:
        text = str(value).strip()
        if text in kinds:
            return text
        raise typer.BadParameter(f"'{text}' is not a kind of {pack.id}{did_you_mean(text, kinds)}; choose one of {', '.join(kinds)}")

    kind = _ask("Kind", core.default_kind(case, pack, date), value_proc=kind_of)
    title = str(_ask("Title line for the narration", kinds[kind])).strip() or None
    present = _ask_present(case, pack)
    discussion = str(_ask("What the team discussed (one paragraph)")).strip() or None
    strengths = _ask_list("Strength identified")
    challenges = _ask_list("Challenge identified")
    all_info = None
    if core.needs_sanction_answer(case, date):
        all_info = _confirm("A sanction is pending. Was all available information discussed with the team?", default=False)
    decision = str(_ask("Decision or determination (empty if none)")).strip() or None
    decision_kind = _ask_decision_kind(pack) if decision else None
    explanation = str(_ask("Why the team decided so (empty if none)")).strip() or None
    if all_info is None and core.needs_sanction_answer(case, date, decision):
        all_info = _confirm("The decision is about a sanction. Was all available information discussed with the team?", default=False)
    steps = []
    typer.echo("Next steps: who does what by when.")
    while True:
        step = str(_ask("Next step (empty line when done)")).strip()
        if not step:
            break
        owner = str(_ask("  owner", "participant")).strip() or None
        due = _ask("  due", core.default_step_due(date).isoformat(), value_proc=_date_reader("due"))
        steps.append(model.NextStep(step=step, owner=owner, due=due))
    appointment = None
    when = _ask("Next appointment date (empty if none)", value_proc=_optional_date("next appointment"))
    if when is not None:
        time = _ask("  time, e.g. 15:00 or 3pm (empty if none)", value_proc=_optional_time)
        how = str(_ask("  how (phone, in person, video ...)", "phone")).strip() or None
        initiated = str(_ask("  who initiates (role)", _first_staff(pack))).strip() or None
        appointment = model.Appointment(date=when, time=time, how=how, initiated_by=initiated)
    return model.Staffing(
        date=date,
        kind=kind,
        title=title,
        present=present,
        discussion=discussion,
        strengths_identified=strengths,
        challenges_identified=challenges,
        all_information_discussed=all_info,
        decision=decision,
        decision_kind=decision_kind,
        explanation=explanation,
        next_steps=steps,
        next_appointment=appointment,
    )


def _ask_decision_kind(pack) -> str | None:
    """For a program whose kinds of decision carry requirements of their own (fc-reintegration:
    toward termination of parental rights): which, if any, the decision is."""
    kinds = {k.id: k.name for k in pack.decision_kinds}
    if not kinds:
        return None
    typer.echo("Kinds of decision with requirements of their own: " + "; ".join(f"{k} ({name})" for k, name in kinds.items()))

    def kind_of(value: Any) -> str:
        text = str(value).strip()
        if not text or text in kinds:
            return text
        raise typer.BadParameter(f"'{text}' is not a kind of decision in {pack.id}{did_you_mean(text, kinds)}; leave it empty or use one of {', '.join(kinds)}")

    return _ask("Is the decision one of these? Its id (empty if none)", value_proc=kind_of) or None


def _first_staff(pack) -> str:
    return next((r.abbr for r in pack.roles if r.department), pack.roles[0].abbr if pack.roles else "")


def _ask_present(case, pack):
    typer.echo("Roles: " + "; ".join(f"{r.abbr} ({r.title})" for r in pack.roles))
    suggested = core.default_present(case, pack)
    if suggested:
        shown = ", ".join(f"{p.role}: {p.initials}" for p in suggested)
        if typer.confirm(f"Present: {shown} -- is that who was there?", default=True):
            present = list(suggested)
        else:
            present = []
    else:
        present = []

    def role_of(value: Any) -> str:
        text = str(value).strip()
        if not text:
            return ""
        canonical = core.canonical_role(pack, text)
        if canonical is None:
            names = [r.abbr for r in pack.roles]
            raise typer.BadParameter(f"'{text}' is not a role in {pack.id}{did_you_mean(text, names)}; use one of {', '.join(names)}")
        return canonical

    while True:
        label = "Anyone else present? Role (empty line when done)" if present else "Who was present? Role (empty line when done)"
        role = _ask(label, value_proc=role_of)
        if not role:
            return present
        initials = ""
        while not initials:
            initials = str(_ask("  initials")).strip()
        present.append(model.Person(role=role, initials=initials))


# -- new ------------------------------------------------------------------------------------------


@app.command()
def new(
    program: Annotated[str, typer.Option("--program", metavar="ID", help="Program id (see `casestaff programs`).", show_default=False)],
    case_id: Annotated[Optional[str], typer.Option("--id", metavar="CASE_ID", help="Case number to fill in.", show_default=False)] = None,
    name: Annotated[Optional[str], typer.Option("--name", metavar="NAME", help="Participant's full name to fill in.", show_default=False)] = None,
    worker: Annotated[
        Optional[str], typer.Option("--worker", metavar="INITIALS", help="Worker's initials (default: `worker` in casestaff.toml).", show_default=False)
    ] = None,
    out: Annotated[
        Optional[Path],
        typer.Option("--out", metavar="FILE", help="File to create (default: CASE_ID.yaml, or new-PROGRAM.yaml, in the case folder).", show_default=False),
    ] = None,
) -> int:
    """Start a case file from the program's skeleton: every field it uses, each with a comment.

    Never overwrites an existing file. The file is created readable by you only
    (by your group too with shared_folder = true in casestaff.toml).
    """
    workspace = Workspace.open([out] if out is not None and out.parent.exists() else None)
    config, packset = workspace.config, workspace.packset
    pack = packset.get(program)
    if pack is None:
        raise UsageError(f"--program: no program '{program}'{did_you_mean(program, packset.packs)}; see `casestaff programs`")
    target = out
    first_here = False  # no case folder set, and none of the current folder's files is a case file
    if target is None:
        folder = config.cases or Path(".")
        first_here = config.cases is None and not discover([folder], top_only=True)
        target = folder / skeleton.file_name(case_id, program)
    text = skeleton.skeleton(pack, case_id=case_id, name=name, worker=worker or config.worker)
    try:
        writer.create_private(target, text.encode("utf-8"), mode=modes(config.shared_folder).case_file)
    except FileExistsError:
        raise UsageError(f"{target} already exists; casestaff never overwrites a file: choose another name with --out") from None
    except OSError as exc:
        raise UsageError(f"cannot create {target}: {exc.strerror or exc}") from None
    typer.echo(f"Created {target} ({pack.name}).")
    typer.echo(f"Fill in the values (lines marked 'required' must have one), then run: casestaff check {target}")
    if first_here:  # the next morning's `due` must find it: say where it went while it can be moved
        say(
            f"casestaff: casestaff.toml names no case folder, so {target} was made in the current folder ({Path.cwd()}),"
            ' which held no other case file; if your cases are kept elsewhere, move it there and name that folder'
            ' once in casestaff.toml: cases = "FOLDER"'
        )
    return EXIT_OK


# -- narrate --------------------------------------------------------------------------------------


@app.command()
def narrate(
    case: CaseArg,
    staffing: Annotated[
        str, typer.Option("--staffing", metavar="DATE|latest", help="Which staffing: 'latest', YYYY-MM-DD, or YYYY-MM-DD:KIND.")
    ] = "latest",
    ascii_only: Annotated[bool, typer.Option("--ascii", help="Straight quotes, plain dashes, accents folded.")] = False,
    width: Annotated[Optional[int], typer.Option("--width", metavar="N", min=20, help="Wrap lines at N characters.", show_default=False)] = None,
    max_chars: Annotated[
        Optional[int],
        typer.Option("--max-chars", metavar="N", min=20, help="Split into numbered parts of at most N characters each.", show_default=False),
    ] = None,
    out: Annotated[Optional[Path], typer.Option("--out", metavar="FILE", help="Write to this file (readable by you only, or your group too with shared_folder) instead of stdout.", show_default=False)] = None,
    as_of: AsOfOpt = None,
) -> int:
    """Print the narration of a recorded staffing, plain text ready to paste into the system of record.

    Refuses (exit 1), naming what is missing, when the record lacks what the program's policy requires.
    That is: who was present, next steps, and the program's requirements of the staffing (`casestaff programs ID`).
    """
    day = parse_date(as_of, "--as-of")
    config, packset, pack, doc, loaded = choosing_case(open_case, case)
    chosen = narration.select_staffing(loaded, staffing, day)
    others = provider_peers(loaded, pack, chosen, config, packset, doc.path)
    try:
        text = narration.narrate(loaded, chosen, pack, cases=others, user_dir=config.templates)
    except narration.NarrationRefused as exc:
        missing = "".join(f"\n  - {item}" for item in exc.missing)
        raise Refused(f"{doc.path}: the narration of the {chosen.date} {chosen.kind} cannot be printed yet:{missing}") from None
    if ascii_only:
        text = narration.to_ascii(text)
    if width:
        text = narration.wrap(text, width)
    if max_chars:
        try:
            text = "\n".join(narration.split_parts(text, max_chars))
        except narration.TooShort as exc:
            raise UsageError(str(exc)) from None
    if out is not None:
        if out.resolve() == doc.path.resolve():
            raise UsageError(f"--out {out}: that is the case file; write the narration to a .txt file")
        write_output(out, text, "narration", ".txt", shared=config.shared_folder)
        typer.echo(f"Wrote the narration to {out}.", err=True)
    else:
        sys.stdout.write(text)
    return EXIT_OK
