"""Recording what a staffing decided, and marking its next steps done, in the case file.

An outcome is one `staffings:` entry -- the same fields, in the same shape, whether it is typed
at the prompts or read from an outcome file (`casestaff record CASE --from OUTCOME.yaml`). It is
checked against the case and its program before anything is written, and written only through
`writer`, which adds the entry and nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from casestaff.model.plain import dataclass
from pathlib import Path
from typing import Any

from casestaff.files import writer
from casestaff.files.casefile import build_record, person_problems, read_case
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.errors import Refused, UsageError
from casestaff.model.pack import Pack
from casestaff.model.problems import Problem, did_you_mean
from casestaff.model.spec import Kind, fields_of
from casestaff.rules import requirements
from casestaff.rules.evaluate import evaluate_case, evaluate_case_held
from casestaff.rules.flags import Flag
from casestaff.rules.requirements import Shortfall, decides_sanction

FOLD_AFTER = 72
"""Text longer than this is written as a folded block (`>-`), the way long notes read best."""

DEFAULT_STEP_DAYS = 14
"""A next step's due date, when none is given: two weeks after the staffing."""


class OutcomeRefused(Refused):
    """The outcome cannot be recorded; `problems` say what is wrong and how to fix it."""

    def __init__(self, problems: Sequence[Problem], note: str | None = None) -> None:
        super().__init__("nothing was written.", problems=problems, note=note)


# -- reading and checking an outcome --------------------------------------------------------------


def read_outcome(data: bytes, file: str) -> tuple[model.Staffing | None, list[Problem]]:
    """An outcome file (one staffing entry as a block of fields) as a Staffing, or its problems."""

    return build_record(data, file, model.Staffing)


def check_outcome(
    staffing: model.Staffing, case: model.Case, pack: Pack, file: str, as_of: dt.date, replacing: int | None = None
) -> list[Problem]:
    """What the case file's validator would refuse, said against the outcome's own lines; the
    entry `replacing` (an amend) is not counted as another staffing."""
    problems: list[Problem] = []

    def at(record: model.Record, name: str, message: str) -> None:
        line, col = record.at.get(name, record.pos)
        problems.append(Problem(file, line, col, message))

    if staffing.kind not in pack.kind_ids:
        at(
            staffing,
            "kind",
            f"kind: '{staffing.kind}' is not a kind of staffing in {pack.id}{did_you_mean(staffing.kind, pack.kind_ids)};"
            f" use one of {', '.join(pack.kind_ids)}",
        )
    if staffing.date < case.enrolled:
        at(staffing, "date", f"date: {staffing.date} is before enrollment ({case.enrolled}); check the date")
    if staffing.date > as_of:
        at(staffing, "date", f"date: {staffing.date} is after {as_of}; record a staffing once it has been held")
    if already_held(case, staffing.date, staffing.kind, replacing):
        name = f"{staffing.date}:{staffing.kind}"
        at(
            staffing,
            "date",
            f"date: a {staffing.kind} held on {staffing.date} is already recorded in {case.file}; to change that"
            f" entry, record with --amend {name}; else correct this date or kind",
        )
    roles = [r.abbr for r in pack.roles]
    for index, person in enumerate(staffing.present, 1):
        if pack.role(person.role) is None:
            at(
                person,
                "role",
                f"present[{index}].role: '{person.role}' is not a role in {pack.id}{did_you_mean(person.role, roles)};"
                f" use one of {', '.join(roles)}",
            )
        for name, message in person_problems(pack, person, f"present[{index}]"):
            if name == "designee_for":  # an unknown role is said above, with its fix
                at(person, name, message)
    kinds = pack.decision_kind_ids
    if staffing.decision_kind is not None and staffing.decision_kind not in kinds:
        listed = f"use one of {', '.join(kinds)}" if kinds else f"{pack.id} names none: leave it out"
        at(
            staffing,
            "decision_kind",
            f"decision_kind: '{staffing.decision_kind}' is not a kind of decision in {pack.id}"
            f"{did_you_mean(staffing.decision_kind, kinds)}; {listed}",
        )
    for index, step in enumerate(staffing.next_steps, 1):
        if step.done is not None and step.done < staffing.date:
            at(step, "done", f"next_steps[{index}].done: {step.done} is before the staffing ({staffing.date}); check the date")
    appointment = staffing.next_appointment
    if appointment is not None and appointment.date < staffing.date:
        at(
            appointment,
            "date",
            f"next_appointment.date: {appointment.date} is before the staffing ({staffing.date}); check the date",
        )
    return sorted(problems, key=lambda p: (p.line, p.col))


def already_held(case: model.Case, date: dt.date, kind: str, replacing: int | None = None) -> bool:
    """A staffing of this date and kind is recorded, other than entry `replacing`. Commands choose a
    staffing by its date and kind (`--staffing`, `--amend DATE:KIND`): two alike could never be told apart."""
    if replacing is not None and (case.staffings[replacing].date, case.staffings[replacing].kind) == (date, kind):
        return False  # amended in place, keeping its date and kind: no new entry to tell apart
    return any(i != replacing and (held.date, held.kind) == (date, kind) for i, held in enumerate(case.staffings))


@dataclass(frozen=True)
class Unmet:
    """What a new staffing entry lacks before it is written: the requirements it does not meet,
    the flags `due` will keep for it, and whether `narrate` will refuse it."""

    shortfalls: tuple[Shortfall, ...]
    kept: tuple[Flag, ...]
    """Flags the staffing would have satisfied and does not: `due` keeps them."""
    narration_refused: bool
    """A requirement of its kind or of the decision it records is unmet: `narrate` refuses it."""


def with_staffing(case: model.Case, staffing: model.Staffing, replacing: int | None = None) -> model.Case:
    """The case as it will read once the staffing is written: added, or in place of entry `replacing`."""
    staffings = list(case.staffings)
    if replacing is None:
        staffings.append(staffing)
    else:
        staffings[replacing] = staffing
    return dataclasses.replace(case, staffings=staffings)


def unmet_requirements(
    case: model.Case, staffing: model.Staffing, pack: Pack, as_of: dt.date, replacing: int | None = None
) -> Unmet | None:
    """What the entry lacks -- asked as `due` and `narrate` will ask it once it is in the file
    (rules/requirements.py) -- or None when it meets every requirement that applies to it."""
    after = with_staffing(case, staffing, replacing)
    for_decision = requirements.shortfalls(after, staffing, pack)
    kept = [
        (flag, held)
        for flag, held in evaluate_case_held(after, pack, as_of, within=0)
        if held is not None and held.staffing is staffing
    ]
    found: dict[str, Shortfall] = {s.requirement: s for s in for_decision}
    for _, held in kept:
        for shortfall in held.shortfalls:
            found.setdefault(shortfall.requirement, shortfall)
    if not found:
        return None
    order = [r.id for r in pack.requirements]
    ranked = sorted(found.values(), key=lambda s: order.index(s.requirement) if s.requirement in order else len(order))
    return Unmet(shortfalls=tuple(ranked), kept=tuple(flag for flag, _ in kept), narration_refused=bool(for_decision))


# -- turning an outcome into the YAML entry to add ------------------------------------------------


def _scalar(value: Any, kind: Kind) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

    if kind.name == "time":
        return DoubleQuotedScalarString(value)  # "15:00": a YAML 1.1 reader would see 900 minutes
    if kind.name == "month":
        return value.strftime("%Y-%m")
    if isinstance(value, str) and _foldable(value):
        return FoldedScalarString(value)
    if isinstance(value, str) and _needs_escapes(value):
        return DoubleQuotedScalarString(value)
    return value


_YAML_BREAKS = frozenset("\x85\u2028\u2029\ufeff")


def _needs_escapes(text: str) -> bool:
    """Characters only a double-quoted scalar keeps: control characters and YAML's odd line breaks."""
    return any(ch in _YAML_BREAKS or (not ch.isprintable() and ch not in "\n\t") for ch in text)


def _foldable(text: str) -> bool:
    """Long one-paragraph prose that a `>-` block writes and reads back unchanged."""
    return (
        len(text) > FOLD_AFTER
        and text.isprintable()
        and text == text.strip()
        and "  " not in text
        and " #" not in text
        and not text.startswith(("#", "-", "?", ":", "!", "&", "*", "'", '"', "%", "@", "`", "|", ">", "[", "{"))
    )


def _flow_safe(value: Any) -> bool:
    """Text that reads the same inside `{ ... }`; anything else is written one field per line."""
    if not isinstance(value, str):
        return not isinstance(value, (list, dict))
    return (
        value[:1].isalnum()
        and value == value.strip()
        and value.isprintable()
        and not any(ch in value for ch in ",[]{}#:?\"'`\\")
    )


def _entry(record: model.Record, flow: Mapping[str, bool]) -> Any:
    """A record as a ruamel mapping in the model's field order, leaving out what is empty."""
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    record_class: type = type(record)  # mypy takes type[Record] for unhashable (python/mypy#11470)
    for name, spec in fields_of(record_class).items():
        value = getattr(record, name)
        if value is None or (isinstance(value, list) and not value):
            continue
        if spec.kind.name == "record":
            entry[name] = _entry(value, {})
        elif spec.kind.name == "list" and spec.kind.item is not None and spec.kind.item.name == "record":
            items = [_entry(item, {}) for item in value]
            if flow.get(name):
                for item in items:
                    if all(_flow_safe(v) for v in item.values()):
                        item.fa.set_flow_style()
            entry[name] = items
        elif spec.kind.name == "list" and spec.kind.item is not None:
            entry[name] = [_scalar(item, spec.kind.item) for item in value]
        else:
            entry[name] = _scalar(value, spec.kind)
    return entry


DEFAULT_FLOW = {"present": True}
"""People present read best one per line: `- {role: FC, initials: RH}`."""


def flow_styles(doc: writer.CaseText) -> dict[str, bool]:
    """Per list of the staffing entry, whether the file's latest entry writes its items in { }."""
    from yaml.nodes import MappingNode, SequenceNode

    styles = dict(DEFAULT_FLOW)
    found = next((value for key, value in doc.root.value if getattr(key, "value", None) == "staffings"), None)
    if not isinstance(found, SequenceNode):
        return styles
    seen: set[str] = set()
    for staffing in reversed(found.value):
        if not isinstance(staffing, MappingNode):
            continue
        for key, value in staffing.value:
            name = getattr(key, "value", None)
            if not isinstance(name, str) or name in seen or not isinstance(value, SequenceNode) or not value.value:
                continue
            first = value.value[0]
            if isinstance(first, MappingNode):
                styles[name] = bool(first.flow_style)
                seen.add(name)
    return styles


_AMEND_HEADER = "# Not yet recorded: a change to the "
"""How a saved-aside outcome that amends a staffing begins; `amend_in` reads which one back."""


def aside_header(case: model.Case, path: Path, amend: str | None = None) -> str:
    """The first lines of a saved-aside outcome: what it is and how to record it later."""
    if amend:
        return (
            f"{_AMEND_HEADER}{amend} staffing for {case.case_id} ({path.name}).\n"
            f"# Record it with:  casestaff record {path} --amend {amend} --from THIS_FILE\n"
        )
    return (
        f"# Not yet recorded: a staffing outcome for {case.case_id} ({path.name}).\n"
        f"# Record it with:  casestaff record {path} --from THIS_FILE\n"
    )


UNFINISHED = "# casestaff: unfinished; answered:"
"""The comment that marks an outcome file saved when the prompts stopped early, naming the fields
answered; `record --from` on such a file asks the rest."""


def unfinished_yaml(staffing: model.Staffing, answered: Sequence[str], header: str) -> str:
    """What was typed before the prompts stopped, as an outcome file `record --from` finishes."""
    return outcome_yaml(staffing, header + f"{UNFINISHED} {', '.join(answered) or '-'}\n")


def answered_in(data: bytes) -> frozenset[str] | None:
    """The fields an unfinished outcome file holds answers to; None for an ordinary outcome file."""
    for raw in data.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines():
        line = raw.strip()
        if line.startswith(UNFINISHED):
            names = line[len(UNFINISHED) :].split(",")
            return frozenset(name.strip() for name in names if name.strip() not in ("", "-"))
        if line and not line.startswith("#"):
            return None
    return None


def amend_in(data: bytes) -> str | None:
    """The staffing (DATE or DATE:KIND) a saved-aside outcome changes, from its header; None for
    an outcome to add. Recorded without --amend, it would be a second copy of that staffing."""
    for raw in data.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines():
        line = raw.strip()
        if line.startswith(_AMEND_HEADER):
            name = line[len(_AMEND_HEADER) :].split(" ", 1)[0]
            return name or None
        if line and not line.startswith("#"):
            return None
    return None


def outcome_yaml(staffing: model.Staffing, header: str = "") -> str:
    """The outcome as an outcome file (the `--from` format), e.g. to keep what was typed."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 88
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda data: True
    buffer = io.StringIO()
    yaml.dump(_entry(staffing, DEFAULT_FLOW), buffer)
    return header + buffer.getvalue()


# -- recording ------------------------------------------------------------------------------------


def record_outcome(
    doc: writer.CaseText,
    case: model.Case,
    staffing: model.Staffing,
    pack: Pack,
    packs: Mapping[str, Pack],
    as_of: dt.date,
    *,
    typed: bool = True,
    source: str = "<input>",
    replacing: int | None = None,
) -> None:
    """Add the staffing to the case file read as `doc` -- or, with `replacing`, put it in place of
    that entry (`--amend`) -- or raise OutcomeRefused / WriteRefused.

    With `typed`, what the user entered is saved aside whenever the write is refused, and a file
    that changed on disk since `doc` was read (while they typed) is refused, for them to check.
    An outcome from a file (not `typed`) is instead checked again against the file as it is then
    and added to it: another casestaff may have written into it a moment before. An amend is
    never made again to a changed file: the entry it replaces may have changed too.
    """
    problems = check_outcome(staffing, case, pack, source, as_of, replacing)
    amend = amend_name(case, replacing) if replacing is not None else None
    kept = outcome_yaml(staffing, aside_header(case, doc.path, amend)) if typed else None
    if problems:
        note = writer.keep_input(doc.path, kept)[1] if kept is not None else None
        raise OutcomeRefused(problems, note)
    entry = _entry(staffing, flow_styles(doc))
    try:
        if replacing is None:
            new_text, expected = writer.append_entry(doc, "staffings", entry)
        else:
            new_text, expected = writer.replace_entry(doc, "staffings", replacing, entry)
    except writer.EditImpossible as exc:
        if kept is None:
            raise writer.WriteRefused(str(exc)) from None
        saved, note = writer.keep_input(doc.path, kept)
        raise writer.WriteRefused(f"{exc}\n{note}", saved_to=saved) from None
    redo = None if typed or replacing is not None else _add_again(staffing, pack.id, packs, source, as_of)
    writer.commit(doc, new_text, expected, packs, typed=kept, redo=redo)


def _fresh_case(doc: writer.CaseText, packs: Mapping[str, Pack]) -> model.Case:
    """The case in the file as it is now, for a change made again; WriteRefused when it has problems."""
    case, problems = read_case(doc.data, str(doc.path), packs)
    if case is None:
        raise writer.WriteRefused(
            f"{doc.path}: nothing was written: the file changed on disk meanwhile and now has problems;"
            f" fix them (`casestaff check {doc.path}`), then run the command again",
            problems=problems,
        )
    return case


def _add_again(staffing: model.Staffing, program: str, packs: Mapping[str, Pack], source: str, as_of: dt.date) -> writer.Redo:
    """The same outcome, checked against and added to the file as it is now."""

    def redo(fresh: writer.CaseText) -> tuple[str, Any]:
        case = _fresh_case(fresh, packs)
        pack = packs.get(case.program)
        if case.program != program or pack is None:
            raise writer.WriteRefused(
                f"{fresh.path}: nothing was written: the file changed on disk meanwhile and its program is now"
                f" '{case.program}', not '{program}'; check the file, then run the command again"
            )
        problems = check_outcome(staffing, case, pack, source, as_of)
        if problems:
            raise writer.WriteRefused(
                f"{fresh.path}: nothing was written: the file changed on disk meanwhile, and the outcome does not fit it now",
                problems=problems,
            )
        return writer.append_entry(fresh, "staffings", _entry(staffing, flow_styles(fresh)))

    return redo


def amend_name(case: model.Case, index: int) -> str:
    """How `--amend` names entry `index`: its date, with its kind when another was held that day."""
    staffing = case.staffings[index]
    same_day = [s for s in case.staffings if s.date == staffing.date]
    return f"{staffing.date}:{staffing.kind}" if len(same_day) > 1 else staffing.date.isoformat()


def entry_index(case: model.Case, staffing: model.Staffing) -> int:
    """Where a staffing chosen from the case (narrate.select_staffing) sits in its `staffings:` list."""
    return next(i for i, held in enumerate(case.staffings) if held is staffing)


# -- marking a next step done ---------------------------------------------------------------------


@dataclass(frozen=True)
class StepRef:
    """One next step of one staffing, numbered across the file (1, 2, ...)."""

    number: int
    staffing_index: int
    step_index: int
    staffing: model.Staffing
    step: model.NextStep

    def describe(self) -> str:
        status = f"done {self.step.done}" if self.step.done else f"due {self.step.due}"
        return f"  {self.number}. {self.step.step} ({status}; from the {self.staffing.date} staffing)"


class StepNotFound(UsageError):
    """The STEP given to --done or --undo-done names no step in the state wanted; the message lists them."""


class StepUnsure(StepNotFound):
    """The STEP's words match more than one step, or only part of one: `candidates` are the
    steps it may mean, for a person at the terminal to choose from; else the message lists them."""

    def __init__(self, message: str, candidates: Sequence[StepRef]) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


def all_steps(case: model.Case) -> list[StepRef]:
    refs: list[StepRef] = []
    for i, staffing in enumerate(case.staffings):
        for j, step in enumerate(staffing.next_steps):
            refs.append(StepRef(len(refs) + 1, i, j, staffing, step))
    return refs


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def find_step(case: model.Case, wanted: str, *, done: bool = False) -> StepRef:
    """The step `wanted` names -- its number, or its whole text (case and spacing ignored) -- that
    is open (or, with `done`, marked done). Words that match several steps, or only part of one,
    raise StepUnsure with the steps they may mean; nothing is chosen for the user."""
    refs = all_steps(case)
    if not refs:
        raise StepNotFound(f"{case.file}: no next steps are recorded in this case")
    text = _norm(wanted)
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(refs):
            return _in_state(refs[number - 1], done)
        listing = "\n".join(ref.describe() for ref in refs)
        raise StepNotFound(f"there is no step {number}; the steps are:\n{listing}")
    exact = [r for r in refs if _norm(r.step.step) == text]
    partial = [r for r in refs if text and text in _norm(r.step.step) and r not in exact]
    for matches, whole in ((exact, True), (partial, False)):
        fitting = [r for r in matches if (r.step.done is not None) == done]
        if len(fitting) == 1 and whole:
            return fitting[0]
        if fitting:
            state = "steps marked done" if done else "open steps"
            shown = "\n".join(r.describe() for r in fitting)
            said = f"matches {len(fitting)} {state}" if len(fitting) > 1 else f"is only part of step {fitting[0].number}"
            raise StepUnsure(f"'{wanted}' {said}; give the step's number or its whole text:\n{shown}", fitting)
        if matches:
            return _in_state(matches[0], done)
    listing = "\n".join(ref.describe() for ref in refs)
    raise StepNotFound(f"no step matches '{wanted}'; give its number or its whole text:\n{listing}")


def _in_state(ref: StepRef, done: bool) -> StepRef:
    if not done and ref.step.done is not None:
        raise StepNotFound(f"step {ref.number} ({ref.step.step}) is already marked done on {ref.step.done}")
    if done and ref.step.done is None:
        raise StepNotFound(f"step {ref.number} ({ref.step.step}) is not marked done; there is nothing to undo")
    return ref


def mark_done(doc: writer.CaseText, ref: StepRef, day: dt.date, packs: Mapping[str, Pack]) -> None:
    """Write `done: day` into that step's entry, or raise WriteRefused."""
    if day < ref.staffing.date:
        raise writer.WriteRefused(
            f"{doc.path}: nothing was written: {day} is before the {ref.staffing.date} staffing that set this step; check --as-of"
        )
    _edit_step(doc, ref, packs, lambda fresh, where: writer.set_field(fresh, where, "done", day))


def undo_done(doc: writer.CaseText, ref: StepRef, packs: Mapping[str, Pack]) -> None:
    """Remove that step's `done:` line, and nothing else, or raise WriteRefused."""
    _edit_step(doc, ref, packs, lambda fresh, where: writer.remove_field(fresh, where, "done"))


def _edit_step(
    doc: writer.CaseText,
    ref: StepRef,
    packs: Mapping[str, Pack],
    edit: Callable[[writer.CaseText, tuple[str | int, ...]], tuple[str, Any]],
) -> None:
    """The edit made to the step's entry and written through `writer.commit`; made again on the
    file as it is then if it changed meanwhile, as long as the step is still there, as it was."""
    where: tuple[str | int, ...] = ("staffings", ref.staffing_index, "next_steps", ref.step_index)
    try:
        new_text, expected = edit(doc, where)
    except writer.EditImpossible as exc:
        raise writer.WriteRefused(str(exc)) from None

    def redo(fresh: writer.CaseText) -> tuple[str, Any]:
        """The same step, found at the same place in the file as it is now, and as it was."""
        case = _fresh_case(fresh, packs)
        staffing = case.staffings[ref.staffing_index] if ref.staffing_index < len(case.staffings) else None
        steps = staffing.next_steps if staffing is not None else []
        step = steps[ref.step_index] if ref.step_index < len(steps) else None
        if staffing is None or step is None or (staffing.date, staffing.kind, step.step) != (ref.staffing.date, ref.staffing.kind, ref.step.step):
            raise writer.WriteRefused(
                f"{fresh.path}: nothing was written: the file changed on disk meanwhile and step {ref.number} is no"
                f" longer '{ref.step.step}'; run the command again"
            )
        if step.done != ref.step.done:
            now = f"marked done on {step.done}" if step.done else "marked not done"
            raise writer.WriteRefused(f"{fresh.path}: nothing was written: step {ref.number} ({step.step}) was {now} meanwhile")
        return edit(fresh, where)

    writer.commit(doc, new_text, expected, packs, typed=None, redo=redo)


# -- defaults for the prompts ---------------------------------------------------------------------


def default_kind(case: model.Case, pack: Pack, as_of: dt.date) -> str:
    """The planned staffing's kind; else the kind that answers the most urgent flag; else the first."""
    if case.planned_staffing and case.planned_staffing.kind in pack.kind_ids:
        return case.planned_staffing.kind

    rules = {f"{pack.id}.{rule.id}": rule for rule in pack.rules}
    for flag in evaluate_case(case, pack, as_of, within=30):
        rule = rules.get(flag.rule)
        if rule is not None and rule.satisfied_by:
            return rule.satisfied_by[0]
    return pack.kind_ids[0]


def default_present(case: model.Case, pack: Pack) -> list[model.Person]:
    """Who was invited to the planned staffing; else who came to the last one; else the assigned
    worker in the program's first staff role."""
    invited = queries.invitees(case)
    if invited:
        return invited
    last = queries.latest_staffing(case)
    if last is not None and last.present:
        return list(last.present)
    staff = next((role for role in pack.roles if role.department), None)
    if case.worker and staff is not None:
        return [model.Person(role=staff.abbr, initials=case.worker)]
    return []


def default_step_due(staffing_date: dt.date) -> dt.date:
    return staffing_date + dt.timedelta(days=DEFAULT_STEP_DAYS)


def canonical_role(pack: Pack, typed: str) -> str | None:
    """The program's spelling of a role typed in any case (fc -> FC), or None when unknown."""
    role = pack.role(typed.strip())
    return role.abbr if role else None


def needs_sanction_answer(case: model.Case, staffing_date: dt.date, decision: str | None = None) -> bool:
    """Before a sanction, the team must document that all available information was discussed:
    asked before the decision when the file proposes one, and after it when the decision names one."""
    return decides_sanction(case, staffing_date, decision)

