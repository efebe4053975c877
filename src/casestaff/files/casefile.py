"""One case file in, a valid `Case` or every problem in it out, each with its line and column.

Validation walks libyaml's nodes with the field specs, so every message can point at the key
or value it is about. A file with any problem yields no case: a half-read case could drop a
flag silently, which is worse than naming the file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from casestaff.files import yamlread
from casestaff.files.fastbuild import quick_record
from casestaff.files.yamlread import ImpossibleDate, ReadError, position
from casestaff.model import records as model
from casestaff.model.pack import Pack
from casestaff.model.problems import Problem, did_you_mean
from casestaff.model.when import suggest_date, why_not_a_date
from casestaff.model.spec import CASE_KIND, FieldSpec, Kind, fields_of
from casestaff.model.patterns import compiled_when_used

_BAD = object()
_ISO_DATE = compiled_when_used(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = compiled_when_used(r"^(\d{4})-(\d{1,2})$")
_TIME = compiled_when_used(r"^(\d{1,2}):(\d{2})$")


def _value_kind_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, yamlread.Timestamp):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    return "text"


class _Builder:
    def __init__(self, file: str, document: str = "the case file") -> None:
        self.file = file
        self.document = document
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def problem(self, node_or_pos: Node | tuple[int, int], message: str) -> None:
        line, col = node_or_pos if isinstance(node_or_pos, tuple) else position(node_or_pos)
        self.problems.append(Problem(self.file, line, col, message))

    # -- scalars ---------------------------------------------------------------------------

    def scalar(self, node: Node, kind: Kind, label: str) -> Any:
        if not isinstance(node, ScalarNode):
            what = "a list" if isinstance(node, SequenceNode) else "a block of fields"
            self.problem(node, f"{label} must be {kind.describe()}, not {what}")
            return _BAD
        try:
            value = yamlread.scalar_value(node)
        except ImpossibleDate as exc:
            self.problem(node, f"{label}: {node.value} is not a real date ({exc}); check the day and month")
            return _BAD
        if value is None:
            return None
        convert = getattr(self, "_" + kind.name)
        return convert(node, value, kind, label)

    def _text(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, dt.date):
            # Text exactly as written: a date changes no answer here, and YAML 1.2's JSON view
            # (the schema, VS Code) reads it as text too. Numbers and true/false do not pass:
            # `case_id: 0042` would be the number 42 to the writer.
            return node.value
        key = label.rsplit(".", 1)[-1].split("[")[0]
        self.problem(
            node,
            f"{label}: {node.value} reads as {_value_kind_name(value)}, but {key} is text;"
            f' put it in quotes: {key}: "{node.value}"',
        )
        return _BAD

    def _date(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        date = self._any_date(node, value, label)
        if date is not _BAD and date.year not in model.PLAUSIBLE_YEARS:
            self.problem(node, f"{label}: {node.value} is in the year {date.year}; check the year (leave the field empty when there is no date)")
            return _BAD
        return date

    def _any_date(self, node: ScalarNode, value: Any, label: str) -> Any:
        if type(value) is dt.date:
            return value
        if isinstance(value, yamlread.Timestamp):
            self.problem(node, f"{label}: {node.value} has a time of day; write only the date, {value.date().isoformat()}")
            return _BAD
        if isinstance(value, str):
            match = _ISO_DATE().match(value)
            if match:
                year, month, day = int(match[1]), int(match[2]), int(match[3])
                try:
                    return dt.date(year, month, day)
                except ValueError:
                    reason = why_not_a_date(year, month, day)
                    self.problem(node, f"{label}: {value} is not a real date ({reason}); check the day and month")
                    return _BAD
            suggestion = suggest_date(value)
            if suggestion:
                self.problem(node, f"{label}: {value!r} is not written as YYYY-MM-DD; write {suggestion}")
                return _BAD
        self.problem(node, f"{label}: {node.value!r} is not a date; write dates as YYYY-MM-DD, e.g. 2026-03-01")
        return _BAD

    def _month(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, str):
            match = _MONTH().match(value)
            if match and 1 <= int(match[2]) <= 12:
                if int(match[1]) not in model.PLAUSIBLE_YEARS:
                    self.problem(node, f"{label}: {value} is in the year {int(match[1])}; check the year")
                    return _BAD
                return dt.date(int(match[1]), int(match[2]), 1)
        if isinstance(value, dt.date):
            self.problem(node, f"{label}: {node.value} is a day; write only the month, {value.strftime('%Y-%m')}")
            return _BAD
        self.problem(node, f"{label}: {node.value!r} is not a month; write months as YYYY-MM, e.g. 2026-03")
        return _BAD

    def _time(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, str):
            match = _TIME().match(value)
            if match and int(match[1]) < 24 and int(match[2]) < 60:
                return f"{int(match[1]):02d}:{match[2]}"
        self.problem(node, f"{label}: {node.value!r} is not a time; write times as HH:MM on a 24-hour clock, e.g. 15:00")
        return _BAD

    def _number(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(node, f"{label}: {node.value!r} is not a number; write digits only, e.g. 40 or 12.5")
            return _BAD
        if not math.isfinite(value) or value < 0:
            self.problem(node, f"{label}: {node.value} must be a number of zero or more")
            return _BAD
        return value

    def _integer(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(node, f"{label}: {node.value!r} is not a whole number; write digits only, e.g. 30")
            return _BAD
        return value

    def _bool(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, bool):
            return value
        self.problem(node, f"{label}: {node.value!r} is not true or false; write true or false")
        return _BAD

    def _enum(self, node: ScalarNode, value: Any, kind: Kind, label: str) -> Any:
        if isinstance(value, str) and value in kind.values:
            return value
        if isinstance(value, bool) and set(kind.values) >= {"yes", "no"}:
            self.problem(node, f"{label}: {node.value} is true/false; write {' or '.join(kind.values)}")
            return _BAD
        hint = did_you_mean(str(node.value), kind.values)
        self.problem(node, f"{label}: {node.value!r} is not one of {', '.join(kind.values)}{hint}")
        return _BAD

    # -- collections -----------------------------------------------------------------------

    def value(self, node: Node, kind: Kind, label: str) -> Any:
        tag_problem = yamlread.refuse_tag(node)
        if tag_problem:
            self.problem(node, f"{label}: {tag_problem.message}")
            return _BAD
        if kind.name == "list":
            return self.list(node, kind, label)
        if kind.name == "record":
            assert kind.record is not None
            return self.record(node, kind.record, label)
        if kind.name == "mapping":
            return self.mapping(node, label)
        return self.scalar(node, kind, label)

    def mapping(self, node: Node, label: str) -> Any:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{label} must be a block of 'name: value' lines")
            return _BAD
        try:
            return yamlread.to_plain(node)
        except ReadError as exc:
            self.problem((exc.line, exc.col), f"{label}: {exc.message}")
            return _BAD

    def repeated_block(self, node: Node, used_at: Any, label: str) -> bool:
        """Whether `node` is a block repeated by a *name alias; reported at the mark `used_at`.

        libyaml gives an alias no position of its own, only the block it repeats, which was
        written earlier in the file: a value that starts before the place using it is an alias.
        """
        if not isinstance(node, (MappingNode, SequenceNode)) or node.start_mark.index >= used_at.index:
            return False
        self.problem(
            (used_at.line + 1, used_at.column + 1),
            f"{label}: a *name alias repeats the block written on line {position(node)[0]}; aliases of blocks"
            " are not allowed in case files, write the block out",
        )
        return True

    def _collection_once(self, node: Node) -> bool:
        if id(node) in self.seen:  # a backstop: repeated_block reports aliases where they are used
            self.problem(node, "a *name alias repeats this block; aliases of blocks are not allowed in case files")
            return False
        self.seen.add(id(node))
        if len(self.seen) > yamlread.MAX_VALUES:
            self.problem(node, "the file holds far more entries than a case file could; is this a case file?")
            return False
        return True

    def list(self, node: Node, kind: Kind, label: str) -> Any:
        if isinstance(node, ScalarNode) and node.value == "" and not node.style:
            return []
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{label} must be a list; start each entry on its own line with '- '")
            return _BAD
        if not self._collection_once(node):
            return _BAD
        items = []
        ok = True
        item_kind = kind.item
        assert item_kind is not None
        after = node.start_mark
        for index, item in enumerate(node.value, 1):
            if self.repeated_block(item, after, f"{label}[{index}]"):
                ok = False
                continue
            after = item.end_mark
            value = self.value(item, item_kind, f"{label}[{index}]")
            if value is _BAD:
                ok = False
            elif value is None:
                if item_kind.name != "record":
                    self.problem(item, f"{label}[{index}] is empty; remove the '-' line or write a value")
                    ok = False
                else:
                    self.problem(item, f"{label}[{index}] is empty; write its fields under the '-'")
                    ok = False
            else:
                items.append(value)
        return items if ok else _BAD

    def record(self, node: Node, cls: type, label: str) -> Any:
        specs = fields_of(cls)
        if not isinstance(node, MappingNode):
            if isinstance(node, ScalarNode) and node.value == "" and not node.style:
                return None
            example = ", ".join(f"{name}:" for name in list(specs)[:2])
            where = f"{label} must be" if label else f"{self.document} must be"
            self.problem(node, f"{where} a block of fields ({example} ...), one per line")
            return _BAD
        if not self._collection_once(node):
            return _BAD
        problem = yamlread.refuse_tag(node)
        if problem:
            self.problem(node, problem.message)
            return _BAD
        values: dict[str, Any] = {}
        at: dict[str, tuple[int, int]] = {}
        key_lines: dict[str, int] = {}
        merged = False
        ok = True
        prefix = f"{label}." if label else ""
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, f"a field name must be a word, not {'a list' if isinstance(key_node, SequenceNode) else 'a block'}")
                ok = False
                continue
            key = key_node.value
            spec: FieldSpec | None = specs.get(key)
            if spec is None:
                where = f" in {label}" if label else ""
                if key == "<<":
                    merged = True
                    self.problem(key_node, f"merge keys (<<){where} are not supported in case files; write the fields out")
                else:
                    self.problem(key_node, f"unknown field '{key}'{where}{did_you_mean(key, specs)}")
                ok = False
                continue
            if key in key_lines:
                self.problem(
                    key_node,
                    f"'{prefix}{key}' appears twice (first on line {key_lines[key]}); keep one and delete the other",
                )
                ok = False
                continue
            key_lines[key] = key_node.start_mark.line + 1
            if self.repeated_block(value_node, key_node.start_mark, prefix + key):
                ok = False
                continue
            value = self.value(value_node, spec.kind, prefix + key)
            if value is _BAD:
                ok = False
                continue
            _note_positions(at, key, value_node)
            if value == "" and spec.required:
                self.problem(value_node, f"{prefix}{key} is empty; it is required: write {spec.kind.describe()}")
                ok = False
                continue
            if value is None:
                if spec.required:
                    self.problem(value_node, f"{prefix}{key} is empty; it is required: write {spec.kind.describe()}")
                    ok = False
                continue
            values[key] = value
        if not merged and not self._required_present(node, specs, key_lines, label):  # a merge may have held them
            ok = False
        if not ok:
            return _BAD
        return cls(pos=position(node), at=at, **values)

    def _required_present(self, node: Node, specs: dict[str, FieldSpec], written: dict[str, int], label: str) -> bool:
        """Report each required field the block leaves out, so one pass names them all; False if any."""
        ok = True
        for name, spec in specs.items():
            if spec.required and name not in written:
                where = f"{label} is missing" if label else f"{self.document} is missing"
                self.problem(node, f"{where} the required field '{name}'; add a line '{name}: ...'")
                ok = False
        return ok


def _note_positions(at: dict[str, tuple[int, int]], key: str, value_node: Node) -> None:
    """Where a field's value sits, and each list entry's own line, so an agenda can cite it."""
    at[key] = position(value_node)
    if isinstance(value_node, SequenceNode):
        for index, item in enumerate(value_node.value, 1):
            at[f"{key}[{index}]"] = position(item)
        if not value_node.value:  # `key: []` says there are none (Record.says_none)
            at[f"{key}[]"] = position(value_node)


# ---------------------------------------------------------------------------------------------


def _parse(data: bytes, file: str) -> tuple[Node | None, list[Problem]]:
    try:
        return yamlread.parse(yamlread.decode(data)), []
    except ReadError as exc:
        return None, [Problem(file, max(exc.line, 1), max(exc.col, 1), exc.message)]


def read_case(data: bytes, file: str, packs: Mapping[str, Pack]) -> tuple[model.Case | None, list[Problem]]:
    """Decode, parse and validate one case file (all but the checks against today's date)."""
    root, problems = _parse(data, file)
    if problems:
        return None, problems
    case, problems = build_case(root, file, packs)
    return case, _in_file_order(problems)


def build_record(data: bytes, file: str, cls: type) -> tuple[Any, list[Problem]]:
    """Decode, parse and validate a whole file as one record of `cls` (a program pack, a
    recorded outcome): the quick builder first, the validator for a file it gives up on."""
    root, problems = _parse(data, file)
    if problems:
        return None, problems
    quick = quick_record(root, cls)
    if quick is not None:
        return quick, []
    return validate_record(root, file, cls)


def validate_record(root: Node | None, file: str, cls: type) -> tuple[Any, list[Problem]]:
    """A parsed document as one record of `cls`, or every problem in it, by the validator alone
    (what the quick builder must agree with)."""
    if root is None:
        return None, [Problem(file, 1, 1, "the file is empty")]
    builder = _Builder(file, document="the file")
    result = builder.record(root, cls, "")
    if result is _BAD or result is None:
        return None, _in_file_order(builder.problems) or [Problem(file, 1, 1, "the file must be a block of fields")]
    return result, []


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems top to bottom, as `check` prints them (the validator finds them in another order)."""
    return sorted(problems, key=lambda p: (p.line, p.col))


def build_case(root: Node | None, file: str, packs: Mapping[str, Pack]) -> tuple[model.Case | None, list[Problem]]:
    """Validate a parsed document against the case model and its program's pack."""
    if root is None:
        return None, [
            Problem(file, 1, 1, "the file is empty; a case file starts with 'case_id:' (see `casestaff new`)")
        ]
    builder = _Builder(file)
    quick: model.Case | None = quick_record(root, model.Case)
    if quick is not None:  # the common case: plainly valid, built without the validator's care
        quick.file = file
        check_consistency(quick, packs, builder)
        return (None, builder.problems) if builder.problems else (quick, [])
    if isinstance(root, SequenceNode):
        builder.problem(root, "the file is a list, but a case file is a block of fields (case_id:, program: ...) for one participant")
        return None, builder.problems
    if isinstance(root, ScalarNode):
        builder.problem(root, "the file holds a single value, but a case file is a block of fields (case_id:, program: ...)")
        return None, builder.problems
    fields = fields_of(CASE_KIND.record)
    keys = [k.value for k, _ in root.value if isinstance(k, ScalarNode)]
    if keys and not any(key in fields for key in keys):
        shown = ", ".join(key if key.isprintable() else repr(key) for key in keys[:5]) + (", ..." if len(keys) > 5 else "")
        builder.problem(
            root,
            f"none of the fields here ({shown}) belongs in a case file; a case file starts with"
            " 'case_id:' and 'program:' -- is this a case file?",
        )
        return None, builder.problems
    assert CASE_KIND.record is not None
    case = builder.record(root, CASE_KIND.record, "")
    if case is _BAD:
        return None, builder.problems
    case.file = file
    check_consistency(case, packs, builder)
    if builder.problems:
        return None, builder.problems
    return case, []


def check_consistency(case: model.Case, packs: Mapping[str, Pack], builder: _Builder) -> None:
    """What no valid case can say: impossible dates, unknown programs, kinds and roles.

    Asked of every case a run reads, so a label ("staffings[1].present[2]") is written out only
    for a problem found: a template and its indices are passed down instead (the labels of
    every record and person checked were a sixth of its time).
    """
    pack = packs.get(case.program)
    if pack is None:
        builder.problem(
            case.at["program"],
            f"program '{case.program}' is not a known program (known: {', '.join(sorted(packs))})"
            + _suggest(case.program, packs),
        )
    if pack is not None and pack.provider_cycle is not None and not case.provider:
        builder.problem(
            case.pos, f"{case.program} holds a monthly staffing per provider: add a line 'provider: NAME' naming the E&T provider"
        )
    for i, c in enumerate(case.components, 1):
        _not_before(builder, c, "end", c.start, "the component's start", "components[{}].end", i)
    for i, r in enumerate(case.risk_factors, 1):
        _not_before(builder, r, "resolved", r.noted, "the date it was noted", "risk_factors[{}].resolved", i)
    for i, o in enumerate(case.outstanding_info, 1):
        _not_before(builder, o, "received", o.requested, "the date it was requested", "outstanding_info[{}].received", i)
    if case.sanction:
        _not_before(builder, case.sanction, "effective_on", case.sanction.proposed_on, "the date it was proposed", "sanction.effective_on")
        _not_before(builder, case.sanction, "decided_on", case.sanction.proposed_on, "the date it was proposed", "sanction.decided_on")
    if case.employment:
        _not_before(builder, case.employment, "end", case.employment.start, "the first day of work", "employment.end")
    for i, s in enumerate(case.staffings, 1):
        _not_before(builder, s, "date", case.enrolled, "enrollment", "staffings[{}].date", i)
        if pack is not None:
            _check_kind(builder, pack, s, "staffings[{}].kind", i)
            _check_decision_kind(builder, pack, s, "staffings[{}].decision_kind", i)
            for j, person in enumerate(s.present, 1):
                _check_role(builder, pack, person, "staffings[{}].present[{}]", i, j)
    if case.planned_staffing and pack is not None:
        planned = case.planned_staffing
        _check_kind(builder, pack, planned, "planned_staffing.kind")
        _check_decision_kind(builder, pack, planned, "planned_staffing.decision_kind")
        for j, person in enumerate(planned.invited, 1):
            _check_role(builder, pack, person, "planned_staffing.invited[{}]", j)


def _not_before(
    builder: _Builder, record: model.Record, later: str, earlier_value: dt.date | None, what: str, label: str, *indices: int
) -> None:
    """A date of `record` (its field `later`) that is before `earlier_value`; the problem is
    labelled `label` with `indices` filled in."""
    value = getattr(record, later)
    if value is not None and earlier_value is not None and value < earlier_value:
        builder.problem(record.at[later], f"{label.format(*indices)}: {value} is before {what} ({earlier_value}); check the dates")


def _check_kind(builder: _Builder, pack: Pack, staffing: model.Staffing | model.PlannedStaffing, label: str, *indices: int) -> None:
    kind = staffing.kind
    kinds = pack.kind_ids
    if kind is not None and kind not in kinds:
        builder.problem(
            staffing.at["kind"],
            f"{label.format(*indices)}: '{kind}' is not a kind of staffing in {pack.id} ({', '.join(kinds)})" + _suggest(kind, kinds),
        )


def _check_role(builder: _Builder, pack: Pack, person: model.Person, label: str, *indices: int) -> None:
    if person.designee_for is None and pack.role(person.role) is not None:
        return  # a role the program has, and no designee: asked of four or five people a case
    for name, message in person_problems(pack, person, label.format(*indices)):
        builder.problem(person.at[name], message)


def person_problems(pack: Pack, person: model.Person, label: str) -> list[tuple[str, str]]:
    """(field, message) for a person whose role, or the role they are the designee for, is not
    one the program has (a designee stands in for department staff)."""
    found = []
    if pack.role(person.role) is None:
        names = [r.abbr for r in pack.roles]
        found.append(("role", f"{label}.role: '{person.role}' is not a role in {pack.id} ({', '.join(names)})" + _suggest(person.role, names)))
    if person.designee_for is not None:
        staff = [r.abbr for r in pack.roles if r.department]
        role = pack.role(person.designee_for)
        if role is None or not role.department:
            found.append(
                (
                    "designee_for",
                    f"{label}.designee_for: '{person.designee_for}' is not a department staff role in {pack.id}"
                    f" ({', '.join(staff) or 'it has none'}); a designee stands in for one of them"
                    + (did_you_mean(person.designee_for, staff) if role is None else ""),
                )
            )
    return found


def _check_decision_kind(
    builder: _Builder, pack: Pack, staffing: model.Staffing | model.PlannedStaffing, label: str, *indices: int
) -> None:
    kind = staffing.decision_kind
    if kind is not None and kind not in pack.decision_kind_ids:
        kinds = pack.decision_kind_ids
        listed = f"({', '.join(kinds)})" if kinds else "(it names none: leave decision_kind out)"
        builder.problem(
            staffing.at["decision_kind"],
            f"{label.format(*indices)}: '{kind}' is not a kind of decision in {pack.id} {listed}" + (_suggest(kind, kinds) if kinds else ""),
        )


def _suggest(word: str, choices: Iterable[str]) -> str:
    """The closest choice as a fix, or an instruction to pick one of those listed."""
    return did_you_mean(word, choices) or "; use one of these"
