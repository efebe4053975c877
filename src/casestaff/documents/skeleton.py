"""The skeleton of a new case file: every field a program uses, each with a one-line comment.

The comments come from the model's own field descriptions (spec.fields_of), so the skeleton,
the docs and the JSON Schema say the same thing. Which blocks a program uses comes from the
rules its pack names (each rule function reads known fields), whether it has a provider
calendar, and what its agenda and narration cover (the pack's `case_file.parts`). A pack without
`case_file` gets every block, so nothing it might need is left out.

Nothing is invented: required values are left empty (the file does not pass `casestaff check`
until they are filled in), optional ones too, and entries of lists are shown as commented-out
examples to copy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from casestaff.files import yamlread
from casestaff.model import records as model
from casestaff.model.pack import Pack
from casestaff.model.spec import FieldSpec, fields_of
from casestaff.rules.functions import RULE_SPECS

COMMENT_COLUMN = 32
INDENT = 2

COMMON = ("case_id", "program", "worker", "participant", "household", "enrolled", "goal", "releases", "planned_staffing", "staffings", "notes")
"""Blocks every program uses: who, since when, releases (for partner agendas), staffings."""

PROVIDER_CALENDAR_FIELDS = ("provider", "eligibility_checks")


def program_fields(pack: Pack) -> list[str]:
    """The Case fields a program uses, in the model's order."""
    all_fields = list(fields_of(model.Case))
    if pack.case_file is None:
        return all_fields
    used = set(COMMON) | set(pack.case_file.parts)
    for rule in pack.rules:
        spec = RULE_SPECS.get(rule.function)
        used |= set(spec.reads if spec else ())
    if pack.provider_cycle is not None:
        used |= set(PROVIDER_CALENDAR_FIELDS)
    return [name for name in all_fields if name in used]


def fillable_fields(pack: Pack) -> list[str]:
    """The fields a new case file can be started with (`skeleton(filled=...)`): the program's
    single values, top-level and the participant's (as `participant.NAME`), in the file's order."""
    return single_value_fields(program_fields(pack))


def single_value_fields(names: Iterable[str]) -> list[str]:
    """Of these top-level fields, those one value fills -- a cell of a spreadsheet, a value of a
    new file -- with the participant's own (as `participant.NAME`) in the participant's place."""
    fields: list[str] = []
    for name in names:
        if name == "participant":
            fields += [f"participant.{key}" for key, spec in fields_of(model.Participant).items() if _single(spec)]
        elif _single(fields_of(model.Case)[name]):
            fields.append(name)
    return fields


def _single(spec: FieldSpec) -> bool:
    return spec.kind.name not in ("list", "record", "mapping")


def file_name(case_id: str | None, program: str) -> str:
    """A safe file name for a new case: the case id, else new-PROGRAM."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", case_id).strip("-.") if case_id else ""
    return f"{stem or 'new-' + program}.yaml"


def yaml_scalar(text: str) -> str:
    """`text` written so any YAML reader reads it back as that same text."""
    if text and text == text.strip() and "#" not in text and ": " not in text and not text.endswith(":"):
        try:
            node = yamlread.parse(f"k: {text}\n")
            if node is not None and yamlread.to_plain(node) == {"k": text}:
                return text
        except yamlread.ReadError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _hint(spec: FieldSpec, required: bool = False, with_example: bool = True) -> str:
    """The one-line comment: (required), what goes there, and an example or the allowed values."""
    parts = []
    if spec.required or required:
        parts.append("(required)")
    parts.append(spec.doc)
    kind = spec.kind
    values = kind.values if kind.name == "enum" else kind.item.values if kind.name == "list" and kind.item and kind.item.name == "enum" else ()
    if values and not all(value in spec.doc for value in values):
        parts.append(("One of: " if kind.name == "enum" else "Any of: ") + ", ".join(values) + ".")
    example = _example(spec) if with_example else ""
    if example and example not in spec.doc:
        parts.append(f"e.g. {example}")
    return " ".join(parts)


def _example(spec: FieldSpec) -> str:
    kind = spec.kind
    value = spec.example
    if kind.name == "date":
        return str(value) if value else "2026-03-01"
    if kind.name == "month":
        return str(value) if value else "2026-03"
    if kind.name == "time":
        return f'"{value}"' if value else '"15:00"'
    if value is None or kind.name == "enum":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _line(indent: int, key: str, value: str, comment: str, commented: bool = False) -> str:
    head = " " * indent + ("# " if commented else "") + f"{key}:" + (f" {value}" if value else "")
    if commented and not head.lstrip().startswith("#"):
        head = "# " + head
    return f"{head.ljust(COMMENT_COLUMN - 1)} # {comment}"


def _record_lines(cls: type, indent: int, commented: bool, names: Iterable[str] | None = None, values: dict[str, str] | None = None) -> list[str]:
    """Lines for each field of a record, nested blocks and list entry examples included."""
    specs = fields_of(cls)
    values = values or {}
    lines: list[str] = []
    for name in names if names is not None else specs:
        spec = specs[name]
        lines += _field_lines(spec, indent, commented, values.get(name, ""))
    return lines


def _field_lines(spec: FieldSpec, indent: int, commented: bool, value: str) -> list[str]:
    kind = spec.kind
    hint = _hint(spec, with_example=not value)
    if kind.name == "record":
        record = kind.record
        assert record is not None
        has_required = any(s.required for s in fields_of(record).values())
        if spec.required or not has_required:
            return [_line(indent, spec.name, "", hint, commented), *_record_lines(record, indent + INDENT, commented)]
        # optional block with required fields: leave it empty, show its fields commented out
        lines = [_line(indent, spec.name, "", hint + " Leave empty, or remove the '# ' below and fill in.", commented)]
        return lines + _record_lines(record, indent + INDENT, True)
    if kind.name == "list" and kind.item is not None and kind.item.name == "record":
        lines = [_line(indent, spec.name, "", hint + " One entry per '- ':", commented)]
        assert kind.item.record is not None
        entry = _record_lines(kind.item.record, indent + INDENT + 2, True)
        return lines + [_dash(line, indent + INDENT) for line in entry[:1]] + entry[1:]
    if kind.name == "list":
        return [_line(indent, spec.name, "", hint + " One per line, starting '- '.", commented)]
    return [_line(indent, spec.name, value, hint, commented)]


def _dash(line: str, dash_column: int) -> str:
    """Turn the first commented field line of an example entry into the entry's '- ' line."""
    body = line.lstrip(" ")
    assert body.startswith("# ")
    return " " * dash_column + "# - " + body[2:].lstrip(" ")


def skeleton(
    pack: Pack,
    *,
    case_id: str | None = None,
    name: str | None = None,
    worker: str | None = None,
    filled: Mapping[str, str] | None = None,
) -> str:
    """The text of a new case file for `pack`'s program.

    `filled` gives more values, already written as YAML (yaml_scalar, dates as YYYY-MM-DD), by
    field: a top-level one (`enrolled`) or the participant's (`participant.birth_date`); a
    field the program does not use is not written (fillable_fields says which are).
    """
    header = [
        f"# A new {pack.name} case file (program {pack.id}).",
        "# Fill in the value after each colon; (required) fields must have one. Dates are YYYY-MM-DD.",
        "# Leave what does not apply empty. To add a list entry, copy its '# - ...' lines and remove the '# '.",
        "# Check the file with: casestaff check FILE   Record staffings with: casestaff record FILE",
    ]
    values = {
        "case_id": yaml_scalar(case_id) if case_id else "",
        "program": pack.id,
        "worker": yaml_scalar(worker) if worker else "",
    }
    values.update({key: text for key, text in (filled or {}).items() if "." not in key})
    person = {key.split(".", 1)[1]: text for key, text in (filled or {}).items() if key.startswith("participant.")}
    if name:
        person["name"] = yaml_scalar(name)
    lines = list(header)
    specs = fields_of(model.Case)
    for field_name in program_fields(pack):
        spec = specs[field_name]
        if field_name == "participant":
            lines.append(_line(0, "participant", "", _hint(spec)))
            lines += _record_lines(model.Participant, INDENT, False, values=person)
            continue
        if field_name in PROVIDER_CALENDAR_FIELDS[:1] and pack.provider_cycle is not None:
            value = values.get(field_name, "")
            lines.append(_line(0, field_name, value, _hint(spec, required=True, with_example=not value)))
            continue
        lines += _field_lines(spec, 0, False, values.get(field_name, ""))
    return "\n".join(lines) + "\n"

