"""The unit of an agenda: a `Value` -- a fact with the file lines it came from, or a question
for the team where the case file is silent, tagged with the release areas a partner needs.

Which areas an entry needs is data: `PARTNER_FIELDS`, one row per kind of entry (its label), is
the one place that decides what a partner copy shows without a release (docs/case-files.md
prints it). Free text typed into the case file can say anything, so by default it needs a
release covering `all`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from casestaff.model.plain import dataclass
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
class PartnerField:
    """One kind of agenda entry, and what a partner's releases must cover before a partner copy shows it."""

    label: str
    """The entry, as `Value.label` names it."""
    source: str
    """Where it comes from in the case file."""
    areas: tuple[str, ...] = ()
    """Release areas that must all cover it; none: every partner sees it."""
    topical: bool = False
    """It is about a risk factor, referral or review area, so a sensitive topic's area is needed
    too (a domestic-violence referral also needs `domestic_violence`)."""
    why: str = ""


_FREE = (NARRATIVE,)
NONE_RECORDED = "none recorded"
_CHILD = ("child_welfare",)

PARTNER_FIELDS: MappingProxyType[str, PartnerField] = MappingProxyType(
    {
        row.label: row
        for row in (
            PartnerField("participant", "participant.name", why="the person the meeting is about"),
            PartnerField("age", "participant.birth_date, household[].birth_date: the age only", why="the outlines ask for ages"),
            PartnerField("birth date", "participant.birth_date, household[].birth_date", ("birth_dates",)),
            PartnerField("address", "participant.address", ("address",)),
            PartnerField("phone number", "participant.phone", ("address",)),
            PartnerField("relationship status", "participant.relationship_status", _FREE, why="free text"),
            PartnerField("employment and education", "participant.employment_education", _FREE, why="free text"),
            PartnerField("household member", "household[].name, household[].relationship", _FREE, why="other people's names and relationships, typed freely"),
            PartnerField("enrollment date", "enrolled"),
            PartnerField("goal", "goal", _FREE, why="free text"),
            PartnerField("case notes", "notes", _FREE, why="free text"),
            PartnerField("strength", "strengths.individual", _FREE, why="free text"),
            PartnerField("family strength", "strengths.family", _FREE, why="free text"),
            PartnerField("challenge", "challenges.participant", _FREE, why="free text"),
            PartnerField("family challenge", "challenges.family", _FREE, why="free text"),
            PartnerField("other challenge", "challenges.other", _FREE, why="free text"),
            PartnerField("worker's challenge", "challenges.coach", _FREE, why="free text"),
            PartnerField("risk factor", "risk_factors[].factor, noted, resolved", topical=True, why="its kind and dates"),
            PartnerField("risk factor duration", "risk_factors[].anticipated_duration", _FREE, topical=True, why="free text"),
            PartnerField("how a risk factor was addressed", "risk_factors[].how_addressed", _FREE, topical=True, why="free text"),
            PartnerField("risk factor note", "risk_factors[].note", _FREE, topical=True, why="free text"),
            PartnerField("activity", "components[].name", _FREE, why="free text: a component may be a treatment"),
            PartnerField("activity dates", "components[].start, end", why="dates and months in the component"),
            PartnerField("activity provider", "components[].provider", _FREE, why="free text: a provider may be a clinic"),
            PartnerField("activity note", "components[].note", _FREE, why="free text"),
            PartnerField("benchmark", "components[].start: months-in-component benchmarks", why="dates"),
            PartnerField("participation", "participation[]: month, hours, good cause", why="numbers"),
            PartnerField("participation note", "participation[].note", _FREE, why="free text"),
            PartnerField("progress review", "progress_reviews[].date, progress", why="a date and none/some/good"),
            PartnerField("progress review note", "progress_reviews[].note", _FREE, why="free text"),
            PartnerField("referral", "referrals[].service, date, to", topical=True, why="the service, date and agency"),
            PartnerField("referral note", "referrals[].note", _FREE, topical=True, why="free text"),
            PartnerField("review area", "review_areas[].who, limitation, affected_participation", topical=True, why="yes/no answers"),
            PartnerField("review area accommodations", "review_areas[].accommodations", _FREE, topical=True, why="free text"),
            PartnerField("review area note", "review_areas[].note", _FREE, topical=True, why="free text"),
            PartnerField("outstanding information", "outstanding_info[].item", _FREE, why="free text"),
            PartnerField("information requested", "outstanding_info[].requested, received", why="dates"),
            PartnerField("sanction reason", "sanction.reason", _FREE, why="free text"),
            PartnerField("sanction", "sanction.proposed_on, effective_on", why="dates"),
            PartnerField("eligibility", "eligibility_checks[]", why="a date and eligible or not"),
            PartnerField("employer", "employment.employer", _FREE, why="free text: where someone works tells where to find them"),
            PartnerField("employment", "employment.start, end, hours_per_week, hourly_wage", why="dates and numbers"),
            PartnerField("child", "child: name, age, placement, goal, visits ...", _CHILD),
            PartnerField("child's birth date", "child.birth_date", (*_CHILD, "birth_dates")),
            PartnerField("special needs", "child.special_needs", _CHILD),
            PartnerField("checklist", "checklist", _CHILD),
            PartnerField("case plan task", "case_plan_tasks[].task", (*_CHILD, NARRATIVE), why="free text"),
            PartnerField("case plan task owner and due date", "case_plan_tasks[].owner, due", _CHILD),
            PartnerField("case plan task note", "case_plan_tasks[].note", (*_CHILD, NARRATIVE), why="free text"),
            PartnerField("staffing", "staffings[].date, present: roles and initials", why="who met, and when"),
            PartnerField("staffing decision", "staffings[].decision", _FREE, why="free text"),
            PartnerField("next step", "staffings[].next_steps[].step", _FREE, why="free text"),
            PartnerField("next step owner and dates", "staffings[].next_steps[].owner, due, done", why="who, and dates"),
            PartnerField("invitee", "planned_staffing.invited[] and --invite", why="who is at the meeting"),
            PartnerField("reason for the staffing", "what a program rule found", _FREE, why="a rule's reason may name a sensitive fact"),
            PartnerField(NONE_RECORDED, "a list written as [] (household, risk factors, activities, referrals ...)", _FREE, why="'none' tells as much as an entry would"),
        )
    }
)
"""What a partner copy shows of each kind of agenda entry; an entry with no label is casestaff's
own question or a team-only entry, and needs no release."""


def release_areas(label: str, topic: str | None = None) -> tuple[str, ...]:
    """The release areas an entry labelled `label` needs (PARTNER_FIELDS), about `topic` if any."""
    if not label:
        return ()
    row = PARTNER_FIELDS[label]
    return ((topic,) if row.topical and topic else ()) + row.areas


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


def fact(text: object, *lines: int, label: str = "", topic: str | None = None) -> Value:
    shown = text.isoformat() if isinstance(text, dt.date) else str(text)
    lines_seen = tuple(sorted({line for line in lines if line > 0}))
    return Value(text=shown, lines=lines_seen, areas=release_areas(label, topic), label=label)


def ask(question: str, *, label: str = "", topic: str | None = None) -> Value:
    return Value(question=question, areas=release_areas(label, topic), label=label)


def of(record: model.Record | None, name: str, question: str, *, label: str = "", topic: str | None = None, show: Any = None) -> Value:
    """The field `name` of `record` as a fact (shown through `show`), or the question when it is empty."""
    label = label or name.replace("_", " ")
    value = getattr(record, name) if record is not None else None
    if record is None or value is None or value == "" or value == []:
        return ask(question, label=label, topic=topic)
    text = show(value) if show else value
    return fact(text, record.line_of(name), label=label, topic=topic)


def none_said(record: model.Record | None, name: str, text: str = "none") -> Value | None:
    """The file's own answer that the list `name` has no entries (`name: []`), as a fact on its
    line; None when the file leaves the list out or empty, which says nothing (a question, then).

    "All available information" is what is available: a participant who lives alone, or with
    no risk factor known, has nothing more to tell about them. For a partner, "none" tells as
    much as an entry would, so it is shown only as free text is (the row "none recorded").
    """
    if record is None or not record.says_none(name):
        return None
    return fact(text, record.line_of(name), label=NONE_RECORDED)


def texts(record: model.Record | None, name: str, question: str, *, label: str) -> tuple[Value, ...]:
    """A list of free-text entries, one value each; `none` when the file says the list is empty
    (`name: []`); else the question (a question a partner copy withholds as it would the entries)."""
    items = getattr(record, name) if record is not None else []
    if record is None or not items:
        said = none_said(record, name)
        return (said,) if said is not None else (ask(question, label=label),)
    return tuple(fact(item, item_line(record, name, i), label=label) for i, item in enumerate(items, 1))


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
