"""The commands that write: `record` (a staffing's outcome, a step done), `new` (a case file
skeleton) and `narrate` (the outcome as text for the system of record).

The prompts live here because the core never talks to a terminal; what they offer as defaults
comes from `record.py`, and every write goes through `writer.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from casestaff.actions.narration import provider_peers
from casestaff.actions.workspace import Workspace, open_case, write_output
from casestaff.cli import common
from casestaff.cli.arguments import parse_date
from casestaff.cli.common import AsOfOpt, app, choosing_case
from casestaff.cli.messages import say
from casestaff.documents import narrate as narration
from casestaff.documents import record as core
from casestaff.documents import skeleton
from casestaff.documents.templating import TemplateProblem, mdy
from casestaff.files import writer, yamlread
from casestaff.files.caseload import discover
from casestaff.files.permissions import modes
from casestaff.model import records as model
from casestaff.model.errors import EXIT_OK, CaseProblems, Refused, UsageError
from casestaff.model.problems import did_you_mean
from casestaff.model.spec import fields_of
from casestaff.model.when import WhenError, read_date, read_time

CaseArg = Annotated[str, typer.Argument(metavar="CASE", help="A case file, a case id, or any unique part of a participant's name (accents ignored) found in the case folder.", show_default=False)]


# -- record ---------------------------------------------------------------------------------------


@app.command()
def record(
    case: CaseArg,
    which: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[DATE]",
            help="With --amend: the staffing to change, YYYY-MM-DD (or YYYY-MM-DD:KIND when two were held that day); default the latest.",
            show_default=False,
        ),
    ] = None,
    from_file: Annotated[
        Optional[Path],
        typer.Option("--from", metavar="OUTCOME.yaml", help="Read the outcome from this YAML file instead of asking (format: docs/recording.md); a file saved when the prompts stopped early asks the rest.", show_default=False),
    ] = None,
    amend: Annotated[
        bool,
        typer.Option("--amend", help="Change a recorded staffing (the latest, or DATE) through the same prompts, prefilled with its values; it is replaced where it stands."),
    ] = False,
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

    Only the new entry is added (or, with --amend, the one entry changed); comments, order and formatting are kept.
    Before writing, it shows the entry as the narration will read and says what it lacks of what the program requires.
    Nothing is written if the file changed on disk meanwhile, is read-only, or would not be valid.
    What you typed is then saved to a private file, and its path is printed; so it is when input stops early (Ctrl-C).
    """
    day = parse_date(as_of, "--as-of")
    given = [name for name, value in (("--from", from_file), ("--done", done), ("--undo-done", undo_done)) if value is not None]
    if amend:
        given = [name for name in given if name != "--from"] + ["--amend"]
    if len(given) > 1:
        raise UsageError(f"{' and '.join(given)} do different things; use one at a time")
    if which is not None and not amend:
        raise UsageError(f"'{which}': a DATE after CASE names the staffing to change with --amend: casestaff record CASE --amend {which}")
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
    replacing = core.entry_index(loaded, narration.select_staffing(loaded, which, day, option="--amend")) if amend else None
    amending = core.amend_name(loaded, replacing) if replacing is not None else None
    amended = start = loaded.staffings[replacing] if replacing is not None else None
    answered: frozenset[str] = frozenset()
    if from_file is not None:
        staffing, unfinished = _outcome_from_file(from_file, doc.path, amend)
        if unfinished is None:
            after = core.with_staffing(loaded, staffing, replacing)
            _warn_unmet(loaded, after, staffing, pack, day, replacing, str(from_file))
            core.record_outcome(doc, loaded, staffing, pack, packset.packs, day, typed=False, source=str(from_file), replacing=replacing)
            return _recorded(doc.path, staffing, amending)
        start, answered = staffing, unfinished
    session = _Answers(start, answered)
    try:
        staffing = _ask_outcome(loaded, pack, day, session, amending, replacing)
    except typer.Abort:
        raise UsageError(_stopped(doc.path, loaded, pack, day, session, amending, as_of)) from None
    if amending is not None and not _changes(amended, staffing):
        typer.echo(f"Nothing changed; {doc.path} is left as it was.")
        return EXIT_OK
    after = core.with_staffing(loaded, staffing, replacing)
    _show_summary(after, staffing, pack, config.templates, _changes(amended, staffing) if amending else None)
    short = _warn_unmet(loaded, after, staffing, pack, day, replacing)
    where = f"Put this in place of the {amending} staffing in {doc.path}" if amending else f"Add this staffing to {doc.path}"
    question = f"{where} anyway?" if short else f"{where}?"
    try:
        agreed = yes or typer.confirm(question, default=not short)
    except typer.Abort:  # Ctrl-C at the last question: what was typed is kept as at any other
        raise UsageError(_stopped(doc.path, loaded, pack, day, session, amending, as_of)) from None
    if not agreed:
        _, note = writer.keep_input(doc.path, core.outcome_yaml(staffing, core.aside_header(loaded, doc.path, amending)))
        typer.echo(f"Nothing was written. {note}")
        return EXIT_OK
    core.record_outcome(doc, loaded, staffing, pack, packset.packs, day, typed=True, replacing=replacing)
    if from_file is not None:  # an unfinished outcome casestaff saved: its answers are in the case file now
        from_file.unlink(missing_ok=True)
        typer.echo(f"Removed {from_file}: its answers are in the case file now.")
    return _recorded(doc.path, staffing, amending)


def _recorded(path: Path, staffing: model.Staffing, amending: str | None) -> int:
    if amending is None:
        typer.echo(f"Recorded the {staffing.date} {staffing.kind} in {path}.")
    else:
        now = f"{staffing.date}:{staffing.kind}"
        moved = "" if now.startswith(amending) else f"; it is now the {staffing.date} {staffing.kind}"
        typer.echo(f"Changed the {amending} staffing in {path}{moved}.")
    typer.echo(f"Narration: casestaff narrate {path} --staffing {staffing.date}")
    return EXIT_OK


def _changes(old: model.Staffing | None, new: model.Staffing) -> list[str]:
    """The fields an amend changes, in the entry's order."""
    return [name for name in fields_of(model.Staffing) if old is None or getattr(old, name) != getattr(new, name)]


def _show_summary(after: model.Case, staffing: model.Staffing, pack, templates: Path | None, changes: list[str] | None) -> None:
    """The entry as its narration will read (documents/narrate.py's template), before anything is
    written; for an amend, which fields change."""
    try:
        text = narration.preview(after, staffing, pack, user_dir=templates)
        heading = "As the narration will read it (`casestaff narrate`):"
    except TemplateProblem as exc:
        text = core.outcome_yaml(staffing)
        heading = f"The entry (the narration template cannot show it: {exc.message}):"
    typer.echo("")
    changed = f" Changed: {', '.join(changes)}." if changes else ""
    typer.echo(f"The {staffing.date} {staffing.kind}.{changed} {heading}")
    typer.echo("")
    typer.echo("".join(f"    {line}\n" if line else "\n" for line in text.splitlines()), nl=False)
    unseen = [step for step in staffing.next_steps if mdy(step.due) not in text]
    if unseen:  # this program's narration leaves the dates out; `due` goes by them
        typer.echo("")
        typer.echo("Next steps as `casestaff due` will track them:")
        for step in unseen:
            typer.echo(f"  - {step.step} -- {step.owner or 'no owner'}, due {step.due:%a %Y-%m-%d}")
    typer.echo("")


def _stopped(path: Path, case: model.Case, pack, day: dt.date, session: _Answers, amending: str | None, as_of: str | None) -> str:
    """The message when input stopped (Ctrl-C, end of input) before the outcome was complete: what
    was answered is saved as an outcome file that `record --from` finishes, and the command to run."""
    message = f"stopped before the outcome was complete; nothing was written to {path}"
    if not session.typed:
        return message
    partial = session.partial(case, pack, day)
    content = core.unfinished_yaml(partial, session.answered, core.aside_header(case, path, amending))
    saved, note = writer.keep_input(path, content)
    if saved is None:
        return f"{message}. {note}"
    command = ["casestaff", "record", str(path), *(["--amend", amending] if amending else []), "--from", str(saved)]
    command += ["--as-of", as_of] if as_of is not None else []
    return f"{message}. {note}\nTo finish it (only what is not answered yet is asked): {' '.join(_quoted(part) for part in command)}"


def _quoted(word: str) -> str:
    """A word as the user's shell reads it back: POSIX sh quoting, or double quotes on Windows."""
    if os.name == "nt":
        return f'"{word}"' if not word or any(ch in word for ch in ' \t&|<>^()%!,;=') else word
    return shlex.quote(word)


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


def _warn_unmet(
    case: model.Case, after: model.Case, staffing: model.Staffing, pack, day: dt.date, replacing: int | None, source: str = "<input>"
) -> bool:
    """Before anything is written: which requirements the entry does not meet, and what the
    narration still lacks, in plain words, and what `due` and `narrate` will then do (stderr).
    True when it falls short of any."""
    if core.check_outcome(staffing, case, pack, source, day, replacing):
        return False  # refused anyway, with its problems: no warning about an entry that will not be written
    unmet = core.unmet_requirements(case, staffing, pack, day, replacing)
    basics = narration.missing_basics(after, staffing, pack)
    if unmet is None and not basics:
        return False
    lines = []
    if unmet is not None:
        lines.append(f"Warning: the {staffing.date} {staffing.kind} does not meet what the {pack.id} policy requires of it:")
        lines += [f"  - {shortfall}" for shortfall in unmet.shortfalls]
        if unmet.kept:
            lines.append("`casestaff due` will keep flagging the case until it does:")
            lines += [f"  - {flag.rule}: {flag.reason}" for flag in unmet.kept]
    if basics:
        lines.append("`casestaff narrate` will refuse to narrate it until it has what every narration needs:")
        lines += [f"  - {item}" for item in basics]
    elif unmet is not None and unmet.narration_refused:
        lines.append("`casestaff narrate` will refuse to narrate it until it does.")
    typer.echo("\n".join(lines), err=True)
    return True


def _outcome_from_file(path: Path, case_path: Path, amend: bool) -> tuple[model.Staffing, frozenset[str] | None]:
    """The staffing in an outcome file, and the fields answered when casestaff saved it unfinished
    (None for a whole outcome); a file with problems is refused with them, and so is a saved
    change to a staffing given without --amend (it would be added as a second copy)."""
    try:
        data, _ = yamlread.read_file(path)  # only an ordinary file, its size checked before it is read
    except yamlread.ReadError as exc:  # a device, a named pipe, a folder, a huge file
        what = exc.message.split(";", 1)[0]
        raise UsageError(f"--from: {path}: {what}; an outcome file is a small YAML file (format: docs/recording.md)") from None
    except OSError as exc:
        raise UsageError(f"--from: cannot read {path}: {exc.strerror or exc}") from None
    changes = core.amend_in(data)
    if changes is not None and not amend:
        command = ["casestaff", "record", str(case_path), "--amend", changes, "--from", str(path)]
        raise UsageError(
            f"--from: {path} holds a change to the {changes} staffing, not a new one; nothing was written."
            f" Record it with: {' '.join(_quoted(part) for part in command)}"
        )
    staffing, problems = core.read_outcome(data, str(path))
    if staffing is None:
        raise CaseProblems(f"nothing was written; fix {path} and run the command again (format: docs/recording.md)", problems=problems)
    return staffing, core.answered_in(data)


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
        return None if str(value).strip() in ("", NONE) else strict(value)

    return convert


def _optional_time(value: Any) -> str | None:
    text = str(value).strip()
    if text in ("", NONE):
        return None
    try:
        return read_time(text)
    except WhenError as exc:
        raise typer.BadParameter(str(exc)) from None


NONE = "-"
"""Typed at a prompt whose default is a value, it leaves the field empty (to clear it when amending)."""


class _Answers:
    """The prompts' answers so far, kept as they are given so that nothing typed is lost when input
    stops early: the fields answered, in order, and their values (a list as it grows). `start`
    prefills them (the entry amended, or an unfinished outcome file); fields in `answered` are not
    asked again."""

    def __init__(self, start: model.Staffing | None, answered: frozenset[str]) -> None:
        self.start = start
        self.answered = [name for name in fields_of(model.Staffing) if name in answered]
        self.values: dict[str, Any] = {name: getattr(start, name) for name in self.answered} if start is not None else {}
        self.typed = bool(self.answered)

    def prefill(self, name: str) -> Any:
        """The value the prompt offers: what the start holds, when it holds one."""
        value = getattr(self.start, name) if self.start is not None else None
        return None if value in (None, []) else value

    def field(self, name: str, ask: Callable[[], Any]) -> Any:
        """The field's answer: kept from before, or asked now."""
        if name in self.answered:
            return self.values[name]
        value = ask()
        self.keep(name, value)
        self.answered.append(name)
        return value

    def keep(self, name: str, value: Any) -> None:
        self.values[name] = value
        self.typed = True

    def partial(self, case: model.Case, pack, day: dt.date) -> model.Staffing:
        """The staffing as far as it was answered; date and kind, which an outcome file must have,
        as they would be offered."""
        date = self.values.get("date") or (self.start.date if self.start is not None else day)
        base = self.start or model.Staffing(date=date, kind=core.default_kind(case, pack, date))
        changes: dict[str, Any] = {name: list(v) if isinstance(v, list) else v for name, v in self.values.items()}
        return dataclasses.replace(base, **changes)


def _ask(text: str, default: Any = "", **kwargs: Any) -> Any:
    return typer.prompt(text, default=default, show_default=default not in ("", None), **kwargs)


def _ask_text(text: str, default: str | None) -> str | None:
    """Optional text; with a value offered, `-` leaves it empty."""
    label = f"{text} ({NONE} for none)" if default else f"{text} (empty if none)"
    value = str(_ask(label, default or "")).strip()
    return None if value in ("", NONE) else value


def _ask_list(session: _Answers, name: str, label: str, plural: str) -> list[str]:
    def ask() -> list[str]:
        items: list[str] = []
        kept = session.prefill(name) or []
        if kept and typer.confirm(f"{plural} so far: {'; '.join(kept)} -- keep them?", default=True):
            items += kept
        session.keep(name, items)
        while True:
            item = str(_ask(f"{label} (empty line when done)")).strip()
            if not item:
                return items
            items.append(item)

    return session.field(name, ask)


def _ask_outcome(case, pack, day: dt.date, session: _Answers, amending: str | None = None, replacing: int | None = None):
    """The staffing, asked field by field, with defaults from the entry amended or the case and its program."""
    doing = f"Changing the {amending} staffing" if amending else "Recording a staffing"
    typer.echo(f"{doing} for {case.participant.name} ({case.case_id}, {pack.name}).")
    read_date = _date_reader("date")

    def held_on(value: Any) -> dt.date:
        date = read_date(value)
        if date > day:
            raise typer.BadParameter(f"{date} is after {day}; record a staffing once it has been held")
        if date < case.enrolled:
            raise typer.BadParameter(f"{date} is before enrollment ({case.enrolled}); check the date")
        return date

    offered = session.prefill("date") or day
    date = session.field("date", lambda: _ask("Date the staffing was held", offered.isoformat(), value_proc=held_on))
    kinds = {k.id: k.name for k in pack.staffing_kinds}

    def kind_of(value: Any) -> str:
        text = str(value).strip()
        if text not in kinds:
            raise typer.BadParameter(f"'{text}' is not a kind of {pack.id}{did_you_mean(text, kinds)}; choose one of {', '.join(kinds)}")
        if core.already_held(case, date, text, replacing):
            raise typer.BadParameter(
                f"a {text} held on {date} is already recorded; give another kind, or stop (Ctrl-C) and change"
                f" that one with: casestaff record {_quoted(str(case.file))} --amend {date}:{text}"
            )
        return text

    def ask_kind() -> str:
        typer.echo("Kinds of staffing: " + "; ".join(f"{k} ({name})" for k, name in kinds.items()))
        return _ask("Kind", session.prefill("kind") or core.default_kind(case, pack, date), value_proc=kind_of)

    kind = session.field("kind", ask_kind)
    title = session.field("title", lambda: _ask_text("Title line for the narration", session.prefill("title") or kinds.get(kind)))
    present = session.field("present", lambda: _ask_present(case, pack, session))
    discussion = session.field("discussion", lambda: _ask_text("What the team discussed (one paragraph)", session.prefill("discussion")))
    strengths = _ask_list(session, "strengths_identified", "Strength identified", "Strengths identified")
    challenges = _ask_list(session, "challenges_identified", "Challenge identified", "Challenges identified")

    def ask_all_info(why: str) -> bool:
        offered = session.prefill("all_information_discussed")
        return typer.confirm(f"{why} Was all available information discussed with the team?", default=bool(offered))

    all_info = None
    if core.needs_sanction_answer(case, date):
        all_info = session.field("all_information_discussed", lambda: ask_all_info("A sanction is pending."))
    decision = session.field("decision", lambda: _ask_text("Decision or determination", session.prefill("decision")))
    decision_kind = session.field("decision_kind", lambda: _ask_decision_kind(pack, session.prefill("decision_kind")) if decision else None)
    explanation = session.field("explanation", lambda: _ask_text("Why the team decided so", session.prefill("explanation")))
    if all_info is None and core.needs_sanction_answer(case, date, decision):
        all_info = session.field("all_information_discussed", lambda: ask_all_info("The decision is about a sanction."))
    if all_info is None:  # not asked: an amended entry keeps its answer
        all_info = session.prefill("all_information_discussed")
    steps = session.field("next_steps", lambda: _ask_steps(session, date))
    appointment = session.field("next_appointment", lambda: _ask_appointment(pack, session.prefill("next_appointment")))
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


def _ask_steps(session: _Answers, date: dt.date) -> list[model.NextStep]:
    steps: list[model.NextStep] = []
    kept = session.prefill("next_steps") or []
    typer.echo("Next steps: who does what by when.")
    if kept:
        shown = "; ".join(f"{s.step} ({s.owner or 'no owner'}, due {s.due}{f', done {s.done}' if s.done else ''})" for s in kept)
        if typer.confirm(f"Next steps so far: {shown} -- keep them?", default=True):
            steps += kept
    session.keep("next_steps", steps)
    while True:
        step = str(_ask("Next step (empty line when done)")).strip()
        if not step:
            return steps
        owner = _ask_text("  owner", "participant")
        due = _ask("  due", core.default_step_due(date).isoformat(), value_proc=_date_reader("due"))
        steps.append(model.NextStep(step=step, owner=owner, due=due))


def _ask_appointment(pack, offered: model.Appointment | None) -> model.Appointment | None:
    label = f"Next appointment date ({NONE} for none)" if offered else "Next appointment date (empty if none)"
    when = _ask(label, offered.date.isoformat() if offered else "", value_proc=_optional_date("next appointment"))
    if when is None:
        return None
    time_label = "  time, e.g. 15:00 or 3pm" + (f" ({NONE} for none)" if offered and offered.time else " (empty if none)")
    time = _ask(time_label, (offered.time if offered else None) or "", value_proc=_optional_time)
    how = _ask_text("  how (phone, in person, video ...)", offered.how if offered else "phone")
    initiated = _ask_text("  who initiates (role)", offered.initiated_by if offered else _first_staff(pack))
    return model.Appointment(date=when, time=time, how=how, initiated_by=initiated)


def _ask_decision_kind(pack, offered: str | None) -> str | None:
    """For a program whose kinds of decision carry requirements of their own (fc-reintegration:
    toward termination of parental rights): which, if any, the decision is."""
    kinds = {k.id: k.name for k in pack.decision_kinds}
    if not kinds:
        return None
    typer.echo("Kinds of decision with requirements of their own: " + "; ".join(f"{k} ({name})" for k, name in kinds.items()))

    def kind_of(value: Any) -> str:
        text = str(value).strip()
        if text in ("", NONE) or text in kinds:
            return "" if text == NONE else text
        raise typer.BadParameter(f"'{text}' is not a kind of decision in {pack.id}{did_you_mean(text, kinds)}; leave it empty or use one of {', '.join(kinds)}")

    label = "Is the decision one of these? Its id" + (f" ({NONE} for none)" if offered else " (empty if none)")
    return _ask(label, offered or "", value_proc=kind_of) or None


def _first_staff(pack) -> str:
    return next((r.abbr for r in pack.roles if r.department), pack.roles[0].abbr if pack.roles else "")


def _ask_present(case, pack, session: _Answers):
    typer.echo("Roles: " + "; ".join(f"{r.abbr} ({r.title})" for r in pack.roles))
    suggested = session.prefill("present") or core.default_present(case, pack)
    present: list[model.Person] = []
    if suggested:
        shown = ", ".join(f"{p.role}: {p.initials}" for p in suggested)
        if typer.confirm(f"Present: {shown} -- is that who was there?", default=True):
            present += suggested
    session.keep("present", present)

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
