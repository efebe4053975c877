"""A participant's whole timeline, newest first: `casestaff history CASE`.

Every dated thing the case file records, as of a day (a record dated after it is not known yet,
as in `casestaff.model.queries`): the enrolment, components started and ended, staffings held
with who attended and the decision, next steps set and done, the sanction proposed and decided,
and information requested and received. Plain text, one line per event.
"""

from __future__ import annotations

import datetime as dt
from casestaff.model.plain import dataclass

from casestaff.model import queries
from casestaff.model import records as model


@dataclass(frozen=True)
class Event:
    """One dated line of the timeline."""

    date: dt.date
    text: str


def attendee(person: model.Person) -> str:
    """Someone present at a staffing as the timeline names them: name (or initials) and role."""
    who = person.name or person.initials
    return f"{who} ({person.role}{', ' + person.organization if person.organization else ''})"


def _staffing_events(staffing: model.Staffing, day: dt.date) -> list[Event]:
    present = ", ".join(attendee(p) for p in staffing.present) or "not recorded"
    decision = staffing.decision or "none recorded"
    events = [Event(staffing.date, f"{staffing.kind} held; present: {present}; decision: {decision}")]
    for step in staffing.next_steps:
        owner = f"{step.owner}, " if step.owner else ""
        events.append(Event(staffing.date, f"step set: {step.step} ({owner}due {step.due})"))
        if queries.step_done_by(step, day) and step.done is not None:
            events.append(Event(step.done, f"step done: {step.step}"))
    return events


def _sanction_events(sanction: model.Sanction, day: dt.date) -> list[Event]:
    if sanction.proposed_on > day:
        return []
    events = [Event(sanction.proposed_on, f"sanction proposed: {sanction.reason} (effective {sanction.effective_on})")]
    if sanction.status != "pending" and sanction.decided_on is not None and sanction.decided_on <= day:
        events.append(Event(sanction.decided_on, f"sanction {sanction.status}"))
    return events


def events(case: model.Case, day: dt.date) -> list[Event]:
    """The case's events known on `day`, newest first; events of one day in the order they happened."""
    found = [Event(case.enrolled, f"enrolled in {case.program}")] if case.enrolled <= day else []
    for component in case.components:
        if component.start <= day:
            provider = f" with {component.provider}" if component.provider else ""
            found.append(Event(component.start, f"component started: {component.name}{provider}"))
        if component.end is not None and component.end <= day:
            found.append(Event(component.end, f"component ended: {component.name} (last day)"))
    for staffing in queries.staffings_held(case, day):
        found.extend(_staffing_events(staffing, day))
    if case.sanction is not None:
        found.extend(_sanction_events(case.sanction, day))
    for item in queries.information_requested(case, day):
        found.append(Event(item.requested, f"information requested: {item.item}"))
        if queries.received_by(item, day) and item.received is not None:
            found.append(Event(item.received, f"information received: {item.item}"))
    return sorted(found, key=lambda e: -e.date.toordinal())


def render(case: model.Case, day: dt.date) -> str:
    """The timeline as plain text: a heading, then one `YYYY-MM-DD  what` line per event."""
    heading = f"History of {case.participant.name} ({case.case_id}, {case.program}) as of {day}, newest first:"
    lines = [f"{e.date}  {e.text}" for e in events(case, day)] or ["(nothing recorded yet)"]
    return "\n".join([heading, *lines]) + "\n"
