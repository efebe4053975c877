"""The quick way from libyaml nodes to a `Case` (or a program pack, or any record read from a
whole file), for the files that are simply right.

Almost every file in a caseload is valid, and so is every built-in pack, read at every start.
Building their records needs none of the validator's care for messages -- labels, hints,
positions of problems -- so this module builds them with as little work per value as it can,
and gives up (returns None) at the first thing that is not plainly right: a tag, an alias, an
unknown or repeated key, a value of the wrong kind, a missing field. The validator in
casefile.py then reads the same nodes and says exactly what is wrong.

Each record class has one reader, made once (`_record_reader`): a loop over the block's keys
that finds each field's reader in a dict and calls it. Every reader is a plain function of
(node, seen), so a value costs one call, with nothing decided at run time that the class
already decides. What every file would make alike is made once: the labels of list items
(`_item_labels`) and the (line, column) tuples of positions (`_PLACES`).

It must build exactly what the validator builds; tests compare the two on every sample, on
generated caseloads, on property-generated documents, and on every built-in pack and variants
of one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from casestaff.files import yamlread
from casestaff.model import records as model
from casestaff.model.spec import Kind, fields_of


class _GiveUp(Exception):
    """Not plainly right: let the validator read this file and explain."""


Reader = Callable[[Node, set[Node]], Any]
"""Reads one value from its node, or raises _GiveUp. `seen` holds every block and list read so
far: one met twice is repeated by an alias, which the validator refuses. (The validator also
tells an alias by a block starting before the key or item using it; that finds nothing more
here, where every block is read in the order it is written, so an alias's block is in `seen`.)"""

_DATE = dt.date
_YEARS = model.PLAUSIBLE_YEARS
_NOT_TEXT_WORDS = yamlread.NOT_TEXT_WORDS
_NOT_TEXT_START = yamlread.NOT_TEXT_START
_TRUE_OR_FALSE = {"true": True, "false": False}


def _scalar(node: Node) -> Any:
    """The value of an untagged scalar, as yamlread.scalar_value reads it."""
    if node.__class__ is not ScalarNode or node.tag is not None:
        raise _GiveUp
    text = node.value
    if node.style or not (text[:1] in _NOT_TEXT_START or text in _NOT_TEXT_WORDS):
        return text  # quoted, or plain and plainly text (yamlread.NOT_TEXT_START): as written
    try:
        return yamlread.scalar_value(node)
    except yamlread.ImpossibleDate:
        raise _GiveUp from None


def _text(node: Node, seen: set[Node]) -> Any:
    if node.__class__ is ScalarNode and node.tag is None:  # _scalar's test for text, without the call
        text = node.value
        if node.style or not (text[:1] in _NOT_TEXT_START or text in _NOT_TEXT_WORDS):
            return text
    value = _scalar(node)
    if value is None or value.__class__ is str:
        return value
    if isinstance(value, dt.date):  # as the validator: a date in a text field is the text written
        return node.value
    raise _GiveUp


def _date(node: Node, seen: set[Node]) -> Any:
    """YYYY-MM-DD, quoted or not, in a plausible year."""
    if node.__class__ is ScalarNode and node.tag is None:
        day = _iso_day(node.value)
        if day is not None:
            return day
    if _scalar(node) is None:
        return None
    raise _GiveUp


def _month(node: Node, seen: set[Node]) -> Any:
    """YYYY-MM, read from the node: YAML reads that shape as text, quoted or not."""
    if node.__class__ is ScalarNode and node.tag is None:
        year, dash, month = node.value.partition("-")
        if dash and len(year) == 4 and 1 <= len(month) <= 2 and year.isascii() and month.isascii():  # ASCII first: int('①') fails
            if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12 and int(year) in _YEARS:
                return _DATE(int(year), int(month), 1)
    if _scalar(node) is None:
        return None
    raise _GiveUp


def _time(node: Node, seen: set[Node]) -> Any:
    """HH:MM, read from the node: YAML reads that shape as text, quoted or not."""
    if node.__class__ is ScalarNode and node.tag is None:
        hours, colon, minutes = node.value.partition(":")
        if colon and 1 <= len(hours) <= 2 and len(minutes) == 2 and (hours + minutes).isdigit() and (hours + minutes).isascii():
            if int(hours) < 24 and int(minutes) < 60:
                return f"{int(hours):02d}:{minutes}"
    if _scalar(node) is None:
        return None
    raise _GiveUp


def _number(node: Node, seen: set[Node]) -> Any:
    if node.__class__ is ScalarNode and node.tag is None and not node.style:
        text = node.value
        if text.isdigit() and text.isascii() and len(text) <= yamlread.MAX_INT_DIGITS:  # as yamlread.scalar_value reads it
            return int(text)
    value = _scalar(node)
    if value is None:
        return None
    if (value.__class__ is int or value.__class__ is float) and math.isfinite(value) and value >= 0:
        return value
    raise _GiveUp


def _integer(node: Node, seen: set[Node]) -> Any:
    value = _scalar(node)
    if value is None or value.__class__ is int:
        return value
    raise _GiveUp


def _bool(node: Node, seen: set[Node]) -> Any:
    if node.__class__ is ScalarNode and node.tag is None and not node.style:
        value = _TRUE_OR_FALSE.get(node.value)  # the common spellings, read without the patterns
        if value is not None:
            return value
    value = _scalar(node)
    if value is None or value.__class__ is bool:
        return value
    raise _GiveUp


def _refuse(node: Node, seen: set[Node]) -> Any:
    raise _GiveUp


_SCALARS: dict[str, Reader] = {
    "text": _text,
    "date": _date,
    "month": _month,
    "time": _time,
    "number": _number,
    "integer": _integer,
    "bool": _bool,
}


def _iso_day(text: str) -> dt.date | None:
    """The date a YYYY-MM-DD text names (ASCII digits, a plausible year), None for any other
    shape; _GiveUp for an impossible or implausible day.

    date.fromisoformat reads the common shape in C, in a sixth of the time of slicing and testing
    the digits here (0.1 us, not 0.7; a sample-shaped file has eleven dates). Given ten ASCII
    characters with '-' at 4 and 7 it reads them only as YYYY-MM-DD (its other shapes, YYYYMMDD
    and the week dates, have no '-' at 7) and only with ASCII digits in the other eight places.
    What it refuses is an impossible day if those eight are digits, else not a day at all."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        try:
            day = _FROM_ISO(text)
        except ValueError:
            if text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit():
                raise _GiveUp from None
            return None
        if day.year in _YEARS:
            return day
        raise _GiveUp
    return None


_FROM_ISO = dt.date.fromisoformat


Position = model.Position

_PLACES_LINES = 1024
_PLACES_COLUMNS = 128

_UNSEEN_LINE: list[Position | None] = [None] * _PLACES_COLUMNS
"""The row of every line no value has stood on yet (never written: _place gives a line its own)."""

_PLACES: list[list[Position | None]] = [_UNSEEN_LINE] * _PLACES_LINES
"""Positions by 0-based line and column: _PLACES[line][column] is (line + 1, column + 1), made
the first time a value stands there and then shared by every record of every file (a tuple is
never changed); None where none has stood yet. A new tuple for each of a file's hundred values
took a tenth of the builder's time, most of it in the memory they came to hold. Kept up to
_PLACES_LINES lines and _PLACES_COLUMNS columns: 3,000 files of each shape use under 700.
Every line has a row of every column from the start (the unseen one, until a value stands on
it; then its own, 1 KB), so the first value on a line is not an IndexError caught twice: a
pack has a new line for almost every value (0.4 ms of every start)."""


def _place(mark: Mark) -> Position:
    """Where a node starts, 1-based (yamlread.position), from _PLACES: made there if need be."""
    line, column = mark.line, mark.column
    if line >= _PLACES_LINES or column >= _PLACES_COLUMNS:
        return (line + 1, column + 1)
    row = _PLACES[line]
    position = row[column]
    if position is None:
        if row is _UNSEEN_LINE:
            row = _PLACES[line] = [None] * _PLACES_COLUMNS
        position = row[column] = (line + 1, column + 1)
    return position


def _nothing(node: Node) -> None:
    """What a block or list field holds when it is not one: nothing (None) when it is written
    empty (`key:`); anything else is not plainly right."""
    if node.__class__ is ScalarNode and node.value == "" and not node.style and node.tag is None:
        return None
    raise _GiveUp


def _item_labels(key: str, count: int) -> tuple[str, ...]:
    """The names under which `at` holds where a list's items stand, as the validator names them:
    `key[]` for `key: []`, which says there are none (Record.says_none), then `key[1]`,
    `key[2]`... Made once a field, not for every item of every file."""
    return (f"{key}[]", *(f"{key}[{index}]" for index in range(1, count + 1)))


_ITEM_LABELS_MADE = 16
"""Item labels made ahead for each list field; a longer list makes its own."""


def _list(
    node: Node, seen: set[Node], at: dict[str, Position], key: str, labels: tuple[str, ...], read_item: Reader
) -> list[Any]:
    """A list's items, each noted in `at` under its label (`labels`, made by _item_labels)."""
    if node.__class__ is not SequenceNode or node.tag is not None:
        _nothing(node)
        return []
    if node in seen:
        raise _GiveUp
    seen.add(node)
    item_nodes = node.value
    if len(item_nodes) >= len(labels):
        labels = _item_labels(key, len(item_nodes))
    items = []
    for index, item in enumerate(item_nodes, 1):
        mark = item.start_mark
        try:  # _place(mark), without the call for a place met before
            at[labels[index]] = _PLACES[mark.line][mark.column] or _place(mark)
        except IndexError:
            at[labels[index]] = _place(mark)
        value = read_item(item, seen)
        if value is None:
            raise _GiveUp
        items.append(value)
    if not items:
        at[labels[0]] = _place(node.start_mark)
    return items


@cache
def _reader(kind: Kind) -> Reader:
    """The reader of a value of `kind` (a list's items are read by _list)."""
    if kind.name == "record":
        assert kind.record is not None
        return _record_reader(kind.record)
    if kind.name == "enum":
        allowed = frozenset(kind.values)
        # The values that are text however they are written (quoted or not): an untagged node
        # holding one of them is that value, found without _scalar's tests.
        as_written = frozenset(value for value in allowed if not (value[:1] in _NOT_TEXT_START or value in _NOT_TEXT_WORDS))

        def read_enum(node: Node, seen: set[Node]) -> Any:
            if node.__class__ is ScalarNode and node.tag is None and node.value in as_written:
                return node.value
            value = _scalar(node)
            if value is None or (value.__class__ is str and value in allowed):
                return value
            raise _GiveUp

        return read_enum
    if kind.name == "mapping":
        return _mapping
    return _SCALARS.get(kind.name, _refuse)


def _mapping(node: Node, seen: set[Node]) -> Any:
    """A block of names the pack chooses (a rule's params), read as the validator reads it
    (yamlread.to_plain), which refuses whatever it would not read the same."""
    if node.__class__ is not MappingNode or node.tag is not None or node in seen:
        raise _GiveUp
    try:
        plain = yamlread.to_plain(node)
    except yamlread.ReadError:
        raise _GiveUp from None
    seen.update(_blocks_within(node))  # a field after it repeating one of them is refused, as the validator refuses it
    return plain


def _blocks_within(node: Node) -> Iterator[Node]:
    """`node` and every mapping and sequence inside it."""
    pending = [node]
    while pending:
        block = pending.pop()
        yield block
        if block.__class__ is MappingNode:
            pending.extend(value for _, value in block.value if value.__class__ is not ScalarNode)
        elif block.__class__ is SequenceNode:
            pending.extend(item for item in block.value if item.__class__ is not ScalarNode)


@cache
def _record_reader(cls: type) -> Reader:
    """The reader of a block of `cls`'s fields, made once a class.

    It builds the record with the field names the class spells (the same string objects as
    its __init__'s parameters, so the call matches each keyword at a glance rather than by
    comparing text), and counts the required fields it meets instead of looking each up.
    """
    specs = fields_of(cls)
    fields = {
        name: (
            name,
            _reader(spec.kind.item if spec.kind.name == "list" else spec.kind),
            _item_labels(name, _ITEM_LABELS_MADE) if spec.kind.name == "list" else None,
            spec.required,
        )
        for name, spec in specs.items()
    }
    required_count = sum(spec.required for spec in specs.values())

    def read_record(node: Node, seen: set[Node]) -> Any:
        if node.__class__ is not MappingNode or node.tag is not None:
            return _nothing(node)
        if node in seen:
            raise _GiveUp
        seen.add(node)
        values: dict[str, Any] = {}
        at: dict[str, Position] = {}
        required_found = 0
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag is not None:
                raise _GiveUp
            key = key_node.value
            field = fields.get(key)
            if field is None or key in at:
                raise _GiveUp
            mark = value_node.start_mark
            try:  # _place(mark), without the call for a place met before
                at[key] = _PLACES[mark.line][mark.column] or _place(mark)
            except IndexError:
                at[key] = _place(mark)
            name, read, item_labels, required = field
            if item_labels is not None:
                value = _list(value_node, seen, at, name, item_labels, read)
            else:
                value = read(value_node, seen)
                if not value and (value is None or value == ""):  # nothing, or empty text
                    if required:
                        raise _GiveUp
                    if value is None:
                        continue
            if required:
                required_found += 1
            values[name] = value
        if required_found != required_count:
            raise _GiveUp
        return cls(pos=_place(node.start_mark), at=at, **values)

    return read_record


def quick_record(root: Node | None, cls: type) -> Any:
    """The record of `cls` (a Case, a Pack) a plainly valid document describes, or None to let
    the validator explain."""
    if root is None or root.__class__ is not MappingNode:
        return None
    seen: set[Node] = set()
    try:
        record = _record_reader(cls)(root, seen)
    except _GiveUp:
        return None
    # The validator refuses more blocks and lists than a file could hold. Counted once, at the
    # end: no block or list is read twice, so the work is bounded by the file's size.
    if len(seen) > yamlread.MAX_VALUES:
        return None
    return record
