"""The unit of an agenda: a `Value` -- a fact with the file lines it came from, or a question
for the team where the case file is silent, tagged with the release areas a partner needs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from casestaff.model import records as model

NARRATIVE = "narrative"
"""Free text a worker typed: it may mention anything, so only a release covering `all` opens it."""

AREA_LABELS = MappingProxyType(
    {
        "domestic_violence": "domestic violence",
        "mental_health": "mental health",
        "substance_use": "substance use",
        "physical_health": "physical health",
        "child_welfare": "child welfare",
        "address": "addresses and contact details",
        "birth_dates": "birth dates",
        NARRATIVE: "free-text notes (shared only under a release that covers all)",
    }
)

RISK_AREAS = MappingProxyType(
    {
        "domestic_violence": "domestic_violence",
        "substance_use": "substance_use",
        "mental_health": "mental_health",
        "physical_health": "physical_health",
    }
)
"""Risk factors and referral services whose very mention is sensitive, by release area."""


@dataclass(frozen=True)
class Value:
    """One entry of the agenda: a fact with its file lines, or a question where the file is silent.

    `areas` are the release areas that must all cover it before a partner sees it;
    `label` names it (never its content) in the "withheld" list.
    """

    text: str = ""
    lines: tuple[int, ...] = ()
    question: str = ""
    areas: tuple[str, ...] = ()
    label: str = ""
    withheld: bool = False

    @property
    def is_fact(self) -> bool:
        return not self.question and not self.withheld


def fact(text: object, *lines: int, areas: Sequence[str] = (), label: str = "") -> Value:
    shown = text.isoformat() if isinstance(text, dt.date) else str(text)
    return Value(text=shown, lines=tuple(sorted({line for line in lines if line > 0})), areas=tuple(areas), label=label)


def ask(question: str, *, areas: Sequence[str] = (), label: str = "") -> Value:
    return Value(question=question, areas=tuple(areas), label=label)


def of(record: model.Record | None, name: str, question: str, *, areas: Sequence[str] = (), label: str = "", show: Any = None) -> Value:
    """The field `name` of `record` as a fact (shown through `show`), or the question when it is empty."""
    value = getattr(record, name) if record is not None else None
    if record is None or value is None or value == "" or value == []:
        return ask(question, areas=areas, label=label or name.replace("_", " "))
    text = show(value) if show else value
    return fact(text, record.line_of(name), areas=areas, label=label or name.replace("_", " "))


def texts(record: model.Record | None, name: str, question: str, *, areas: Sequence[str] = (NARRATIVE,), label: str = "") -> tuple[Value, ...]:
    """A list of free-text entries, one value each, or the question when the list is empty."""
    items = getattr(record, name) if record is not None else []
    if record is None or not items:
        return (ask(question, areas=(), label=label),)
    return tuple(fact(item, item_line(record, name, i), areas=areas, label=label) for i, item in enumerate(items, 1))


def item_line(record: model.Record, name: str, index: int) -> int:
    """The file line of entry `index` (1-based) of a list field; the list's own line if unknown."""
    return record.at.get(f"{name}[{index}]", record.at.get(name, record.pos))[0]


def yes_no(value: str | None) -> str:
    return {"yes": "yes", "no": "no", "unknown": "unknown", "not_applicable": "not applicable"}.get(str(value), str(value))


def words(name: str) -> str:
    return name.replace("_", " ")


def hours(value: float) -> str:
    return f"{value:g}"


PROGRESS_WORDS = MappingProxyType({"none": "no progress", "some": "some progress", "good": "good progress"})


def values_in(obj: Any) -> Iterator[Value]:
    """Every Value in a part, in order (dataclasses and tuples walked depth-first)."""
    if isinstance(obj, Value):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from values_in(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from values_in(item)
