"""The case file as a JSON Schema (draft 2020-12), generated from the same specs the loader uses.

Point VS Code's YAML extension at it to get completion and checking while typing.
"""

from __future__ import annotations

from typing import Any

from casestaff.model.pack import Pack, PackSet
from casestaff.model.spec import CASE_KIND, FieldSpec, Kind, fields_of

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MONTH_PATTERN = r"^\d{4}-(0?[1-9]|1[0-2])$"
TIME_PATTERN = r"^([01]?\d|2[0-3]):[0-5]\d$"


def _kind_schema(kind: Kind, defs: dict[str, Any]) -> dict[str, Any]:
    name = kind.name
    if name == "text":
        return {"type": "string"}
    if name == "date":
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    if name == "month":
        return {"type": "string", "pattern": MONTH_PATTERN}
    if name == "time":
        return {"type": "string", "pattern": TIME_PATTERN}
    if name == "number":
        return {"type": "number", "minimum": 0}
    if name == "integer":
        return {"type": "integer"}
    if name == "bool":
        return {"type": "boolean"}
    if name == "enum":
        return {"enum": list(kind.values)}
    if name == "list":
        assert kind.item is not None
        return {"type": ["array", "null"], "items": _kind_schema(kind.item, defs)}
    if name == "mapping":
        return {"type": "object"}
    assert kind.record is not None
    _record_schema(kind.record, defs)
    return {"$ref": f"#/$defs/{kind.record.__name__}"}


def _field_schema(spec: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _kind_schema(spec.kind, defs)
    if spec.kind.name == "text" and spec.required:
        schema["minLength"] = 1
    if not spec.required and spec.kind.name != "list":
        schema = {"anyOf": [schema, {"type": "null"}]} if "$ref" in schema or "enum" in schema else {
            **schema,
            "type": [schema["type"], "null"] if isinstance(schema.get("type"), str) else schema.get("type"),
        }
    schema = {"description": spec.doc, **schema}
    if spec.example is not None:
        schema["examples"] = [spec.example]
    return schema


def _record_schema(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    specs = fields_of(cls)
    body: dict[str, Any] = {
        "type": "object",
        "properties": {name: _field_schema(spec, defs) for name, spec in specs.items()},
        "additionalProperties": False,
    }
    required = [name for name, spec in specs.items() if spec.required]
    if required:
        body["required"] = required
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        body["description"] = cls.__doc__.strip().splitlines()[0]
    defs[cls.__name__] = body


def _any_case(text: str) -> str:
    """An ECMA-262 and Python regex matching `text` in any letter case (roles match so)."""
    special = set("\\^$.|?*+()[]{}/")
    return "".join(
        f"[{c.lower()}{c.upper()}]"
        if len(c.lower()) == len(c.upper()) == 1 and c.lower() != c.upper()
        else ("\\" + c if c in special else c)
        for c in text
    )


def _program_rules(pack: Pack) -> dict[str, Any]:
    """What a case of one program may say: its staffing kinds and roles, its provider."""
    kinds = list(pack.kind_ids)
    abbrs = [role.abbr for role in pack.roles]
    role = {"anyOf": [{"enum": abbrs}, {"type": "string", "pattern": f"^(?:{'|'.join(map(_any_case, abbrs))})$"}]}
    person = {"properties": {"role": role}}
    then: dict[str, Any] = {
        "properties": {
            "staffings": {"items": {"properties": {"kind": {"enum": kinds}, "present": {"items": person}}}},
            "planned_staffing": {"properties": {"kind": {"enum": [*kinds, None]}, "invited": {"items": person}}},
        }
    }
    if pack.provider_cycle is not None:
        then["required"] = ["provider"]
        then["properties"]["provider"] = {"type": "string", "minLength": 1}
    return {"if": {"properties": {"program": {"const": pack.id}}, "required": ["program"]}, "then": then}


def case_schema(packset: PackSet | None = None) -> dict[str, Any]:
    """The JSON Schema of a case file; with packs, `program` and staffing `kind` list their ids,
    and each program's kinds, roles and provider are checked for cases of that program."""
    defs: dict[str, Any] = {}
    assert CASE_KIND.record is not None
    _record_schema(CASE_KIND.record, defs)
    root = defs.pop("Case")
    if packset is not None:
        programs = sorted(packset.packs)
        kinds = sorted({k for p in packset.packs.values() for k in p.kind_ids})
        root["properties"]["program"] = {**root["properties"]["program"], "enum": programs}
        for record in ("Staffing", "PlannedStaffing"):
            prop = defs[record]["properties"]["kind"]
            if "anyOf" in prop or prop.get("type") == ["string", "null"]:
                defs[record]["properties"]["kind"] = {"description": prop["description"], "enum": [*kinds, None]}
            else:
                defs[record]["properties"]["kind"] = {**prop, "enum": kinds}
        root["allOf"] = [_program_rules(packset.packs[program]) for program in programs]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://casestaff.invalid/schema/case-file.json",
        "title": "casestaff case file",
        "description": "One participant's case file for casestaff (see docs/case-files.md).",
        **root,
        "$defs": defs,
    }
