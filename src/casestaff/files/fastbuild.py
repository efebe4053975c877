"""The quick way from libyaml nodes to a `Case`, for the files that are simply right.

Almost every file in a caseload is valid. Building its records needs none of the validator's
care for messages -- labels, hints, positions of problems -- so this module builds them with
as little work per value as it can, and gives up (returns None) at the first thing that is not
plainly right: a tag, an alias, an unknown or repeated key, a value of the wrong kind, a missing
field. The validator in casefile.py then reads the same nodes and says exactly what is wrong.

It must build exactly what the validator builds; tests compare the two on every sample, on
generated caseloads and on property-generated documents.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cache
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from casestaff.files import yamlread
from casestaff.model import records as model
from casestaff.model.spec import Kind, fields_of


class _GiveUp(Exception):
    """Not plainly right: let the validator read this file and explain."""


_DATE = dt.date
_YEARS = model.PLAUSIBLE_YEARS


def _scalar(node: Node) -> Any:
    if node.__class__ is not ScalarNode or node.tag is not None:
        raise _GiveUp
    try:
        return yamlread.scalar_value(node)
    except yamlread.ImpossibleDate:
        raise _GiveUp from None


def _text(node: Node) -> Any:
    value = _scalar(node)
    if value is None or value.__class__ is str:
        return value
    if isinstance(value, dt.date):  # as the validator: a date in a text field is the text written
        return node.value
    raise _GiveUp


def _date(node: Node) -> Any:
    value = _scalar(node)
    if value is None:
        return None
    if value.__class__ is str:  # quoted: a YYYY-MM-DD in it is a date all the same
        value = _iso_day(value)
    if value.__class__ is _DATE and value.year in _YEARS:
        return value
    raise _GiveUp


def _month(node: Node) -> Any:
    value = _scalar(node)
    if value is None:
        return None
    if value.__class__ is str:
        year, dash, month = value.partition("-")
        if dash and len(year) == 4 and year.isdigit() and 1 <= len(month) <= 2 and month.isdigit() and 1 <= int(month) <= 12:
            if year.isascii() and month.isascii() and int(year) in _YEARS:
                return _DATE(int(year), int(month), 1)
    raise _GiveUp


def _time(node: Node) -> Any:
    value = _scalar(node)
    if value is None:
        return None
    if value.__class__ is str:
        hours, colon, minutes = value.partition(":")
        if colon and 1 <= len(hours) <= 2 and len(minutes) == 2 and (hours + minutes).isdigit() and (hours + minutes).isascii():
            if int(hours) < 24 and int(minutes) < 60:
                return f"{int(hours):02d}:{minutes}"
    raise _GiveUp


def _number(node: Node) -> Any:
    value = _scalar(node)
    if value is None:
        return None
    if (value.__class__ is int or value.__class__ is float) and math.isfinite(value) and value >= 0:
        return value
    raise _GiveUp


def _integer(node: Node) -> Any:
    value = _scalar(node)
    if value is None or value.__class__ is int:
        return value
    raise _GiveUp


def _bool(node: Node) -> Any:
    value = _scalar(node)
    if value is None or value.__class__ is bool:
        return value
    raise _GiveUp


_NOT_TEXT_WORDS = yamlread.NOT_TEXT_WORDS
_NOT_TEXT_START = yamlread.NOT_TEXT_START

_INLINE = frozenset(("text", "enum", "date"))
"""Kinds read in `record` itself when the value is a scalar: two thirds of a case file's values,
each spared three calls (about 15 us a sample-shaped file)."""

_SCALARS = {
    "text": _text,
    "date": _date,
    "month": _month,
    "time": _time,
    "number": _number,
    "integer": _integer,
    "bool": _bool,
}


class _Builder:
    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def list(self, node: Node, read_item: Callable[[_Builder, Node], Any]) -> Any:
        if node.__class__ is ScalarNode:
            if node.value == "" and not node.style and node.tag is None:
                return []
            raise _GiveUp
        if node.__class__ is not SequenceNode or node.tag is not None:
            raise _GiveUp
        seen = self.seen
        if id(node) in seen or len(seen) >= yamlread.MAX_VALUES:
            raise _GiveUp
        seen.add(id(node))
        items = []
        after = node.start_mark.index
        for item in node.value:
            if item.__class__ is not ScalarNode and item.start_mark.index < after:
                raise _GiveUp  # an alias repeating an earlier block
            after = item.end_mark.index
            value = read_item(self, item)
            if value is None:
                raise _GiveUp
            items.append(value)
        return items

    def record(self, node: Node, cls: type) -> Any:
        if node.__class__ is ScalarNode:
            if node.value == "" and not node.style and node.tag is None:
                return None
            raise _GiveUp
        if node.__class__ is not MappingNode or node.tag is not None:
            raise _GiveUp
        seen = self.seen
        if id(node) in seen or len(seen) >= yamlread.MAX_VALUES:
            raise _GiveUp
        seen.add(id(node))
        readers, required = _readers(cls)
        values: dict[str, Any] = {}
        at: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag is not None:
                raise _GiveUp
            key = key_node.value
            found = readers.get(key)
            if found is None or key in at:
                raise _GiveUp
            read, is_required, inline, allowed = found
            value_class = value_node.__class__
            if inline is None or value_class is not ScalarNode or value_node.tag is not None:
                if value_class is not ScalarNode and value_node.start_mark.index < key_node.start_mark.index:
                    raise _GiveUp
                value = read(self, value_node)
            elif inline == "date":  # YYYY-MM-DD, quoted or not, read as `_date` would; else it is asked
                value = _iso_day(value_node.value) or read(self, value_node)
            else:  # text, or one of an enum's values: read as `_text`, `read_enum` would
                value = value_node.value
                if not value_node.style and (value[:1] in _NOT_TEXT_START or value in _NOT_TEXT_WORDS):  # null, a bool, a number?
                    value = read(self, value_node)
                elif allowed is not None and value not in allowed:
                    raise _GiveUp
            mark = value_node.start_mark
            at[key] = (mark.line + 1, mark.column + 1)
            if value_class is SequenceNode:
                _note_items(at, key, value_node)
            if value is None or value == "":
                if is_required:
                    raise _GiveUp
                if value is None:
                    continue
            values[key] = value
        if not at.keys() >= required:
            raise _GiveUp
        mark = node.start_mark
        return cls(pos=(mark.line + 1, mark.column + 1), at=at, **values)


def _iso_day(text: str) -> dt.date | None:
    """The date a YYYY-MM-DD text names (ASCII digits, a plausible year), None for any other
    shape; _GiveUp for an impossible or implausible day."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii() and text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit():
        try:
            day = _DATE(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            raise _GiveUp from None
        if day.year in _YEARS:
            return day
        raise _GiveUp
    return None


def _note_items(at: dict[str, tuple[int, int]], key: str, sequence: Node) -> None:
    """Where each item of a list stands, as the validator notes it: `key[1]`, `key[2]`... and
    `key[]` for `key: []`, which says there are none (Record.says_none)."""
    for index, item in enumerate(sequence.value, 1):
        item_mark = item.start_mark
        at[f"{key}[{index}]"] = (item_mark.line + 1, item_mark.column + 1)
    if not sequence.value:
        mark = sequence.start_mark
        at[f"{key}[]"] = (mark.line + 1, mark.column + 1)


Reader = Callable[[_Builder, Node], Any]


@cache
def _reader(kind: Kind) -> Reader:
    """A function reading one value of `kind`, made once per kind rather than decided per value."""
    name = kind.name
    if name == "list":
        read_item = _reader(kind.item)
        return lambda builder, node: builder.list(node, read_item)
    if name == "record":
        cls = kind.record
        assert cls is not None
        return lambda builder, node: builder.record(node, cls)
    if name == "enum":
        allowed = frozenset(kind.values)

        def read_enum(builder: _Builder, node: Node) -> Any:
            value = _scalar(node)
            if value is None or (value.__class__ is str and value in allowed):
                return value
            raise _GiveUp

        return read_enum
    convert = _SCALARS.get(name)
    if convert is None:

        def refuse(builder: _Builder, node: Node) -> Any:
            raise _GiveUp

        return refuse
    return lambda builder, node: convert(node)


@cache
def _readers(cls: type) -> tuple[dict[str, tuple[Reader, bool, str | None, frozenset[str] | None]], frozenset[str]]:
    """For each field: its reader, whether it is required, its kind when `record` reads a scalar
    of it itself (_INLINE), and an enum's values."""
    specs = fields_of(cls)
    readers = {
        name: (
            _reader(spec.kind),
            spec.required,
            spec.kind.name if spec.kind.name in _INLINE else None,
            frozenset(spec.kind.values) if spec.kind.name == "enum" else None,
        )
        for name, spec in specs.items()
    }
    return readers, frozenset(name for name, spec in specs.items() if spec.required)


def quick_case(root: Node | None) -> model.Case | None:
    """The Case a plainly valid document describes, or None to let the validator explain."""
    if root is None or root.__class__ is not MappingNode:
        return None
    try:
        return _Builder().record(root, model.Case)
    except _GiveUp:
        return None
