"""What each field of a case file may hold, read once from the model's type hints.

The validator, the JSON Schema and the docs all walk these specs, so they cannot disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import types
import typing
from casestaff.model.plain import dataclass
from functools import cache
from typing import Any

from casestaff.model import records as model


@dataclass(frozen=True)
class Kind:
    """A value kind: text, date, month, time, number, bool, enum, list or record."""

    name: str
    values: tuple[str, ...] = ()
    item: Kind | None = None
    record: type | None = None

    def describe(self) -> str:
        """How the kind reads in an error message ("a date (YYYY-MM-DD)")."""
        if self.name == "enum":
            return "one of " + ", ".join(self.values)
        if self.name == "list":
            return "a list"
        if self.name in ("record", "mapping"):
            return "a block of fields"
        return _DESCRIPTIONS[self.name]


_DESCRIPTIONS = {
    "text": "text",
    "date": "a date (YYYY-MM-DD)",
    "month": "a month (YYYY-MM)",
    "time": "a time of day (HH:MM)",
    "number": "a number",
    "integer": "a whole number",
    "bool": "true or false",
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    required: bool
    nullable: bool
    default: Any
    doc: str
    example: Any


def _kind_of(hint: Any) -> tuple[Kind, bool]:
    """(kind, nullable) for a type hint, worked out once a hint: most are shared by many fields,
    and one Kind each lets a cache keyed on kinds (the quick builder's readers) find it at once.
    Keyed on the hint's text too: hints that compare equal may differ in order (Literal["b", "a"]
    and Literal["a", "b"]; str | int and int | str), and the order is what a kind keeps."""
    return _kind_of_hint(hint, repr(hint))


@cache
def _kind_of_hint(hint: Any, shown: str) -> tuple[Kind, bool]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if args == [int, float]:  # model.Number
            return Kind("number"), type(None) in typing.get_args(hint)
        kind, _ = _kind_of(args[0])
        return kind, True
    if origin is typing.Literal:
        return Kind("enum", values=tuple(typing.get_args(hint))), False
    if origin is list:
        item, _ = _kind_of(typing.get_args(hint)[0])
        return Kind("list", item=item), False
    if origin is dict:
        return Kind("mapping"), False
    if hint is model.Month:
        return Kind("month"), False
    if hint is model.Time:
        return Kind("time"), False
    if hint is str:
        return Kind("text"), False
    if hint is dt.date:
        return Kind("date"), False
    if hint is float:
        return Kind("number"), False
    if hint is int:
        return Kind("integer"), False
    if hint is bool:
        return Kind("bool"), False
    if isinstance(hint, type) and issubclass(hint, model.Record):
        return Kind("record", record=hint), False
    raise TypeError(f"no kind for {hint!r}")  # pragma: no cover - a model bug, caught by tests


_EVALUATED: dict[tuple[str, str], Any] = {}
"""Each annotation text of a module, evaluated once (type_hints)."""


def type_hints(cls: type) -> dict[str, Any]:
    """What typing.get_type_hints(cls) gives for a record class, with each annotation text of a
    module evaluated once, not once a class: get_type_hints compiles every annotation of every
    base class again for each class, some 3 ms of every run for the packs' and the case files'
    records (issue 11). Names are looked up as it looks them up: the module's first, then the
    class's."""
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        module = base.__module__
        for name, annotation in base.__dict__.get("__annotations__", {}).items():
            if isinstance(annotation, str):
                key = (annotation, module)
                if key not in _EVALUATED:
                    _EVALUATED[key] = eval(annotation, dict(vars(base)), vars(sys.modules[module]))  # our own annotation texts
                annotation = _EVALUATED[key]
            hints[name] = type(None) if annotation is None else annotation
    return hints


@cache
def fields_of(cls: type) -> dict[str, FieldSpec]:
    """The user-visible fields of a record class, in file order."""
    hints = type_hints(cls)
    specs = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        kind, nullable = _kind_of(hints[f.name])
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        default = None
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        specs[f.name] = FieldSpec(
            name=f.name,
            kind=kind,
            required=required,
            nullable=nullable,
            default=default,
            doc=f.metadata.get("doc", ""),
            example=f.metadata.get("example"),
        )
    return specs


CASE_KIND = Kind("record", record=model.Case)
