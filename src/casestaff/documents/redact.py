"""The partner agenda: what a community partner may read, and a list of what was withheld.

A value is shown to a partner only when a release on file names that partner, is valid on the
meeting date, and covers every area the value touches (domestic violence, mental health,
substance use, physical health, child welfare, addresses, birth dates). Free text may mention
anything, so only a release that covers `all` opens it. Everything else becomes
"withheld (no release)" and is listed by area and file line -- never by content.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from casestaff.documents.agenda_records import Agenda, Withheld
from casestaff.documents.agenda_values import AREA_LABELS, NARRATIVE, Value
from casestaff.documents.readiness import release_applies
from casestaff.model import records as model

ALL = "all"


def covered_areas(case: model.Case, partner: str, agenda: Agenda) -> frozenset[str]:
    """The areas the case's releases open to `partner` on the meeting date (`all` opens every one)."""
    if not partner:
        return frozenset()
    areas: set[str] = set()
    for release in case.releases:
        if release_applies(release, partner, agenda.meeting, agenda.as_of):
            areas.update(release.covers)
    if ALL in areas:
        return frozenset(AREA_LABELS)
    return frozenset(areas)


class _Redactor:
    def __init__(self, covered: frozenset[str]) -> None:
        self.covered = covered
        self.places: dict[str, list[str]] = {}

    def value(self, v: Value) -> Value:
        if not (v.text or v.question):
            return v
        uncovered = [a for a in v.areas if a not in self.covered]
        if not uncovered:
            return v
        # File it under the most specific area: a sensitive topic before "free text".
        area = next((a for a in uncovered if a != NARRATIVE), uncovered[0])
        where = v.label or "entry"
        if v.lines:
            where += f" (line {', '.join(str(line) for line in v.lines)})"
        self.places.setdefault(area, [])
        if where not in self.places[area]:
            self.places[area].append(where)
        return Value(areas=v.areas, label=v.label, withheld=True)

    def walk(self, obj: Any) -> Any:
        if isinstance(obj, Value):
            return self.value(obj)
        if isinstance(obj, tuple):
            return tuple(self.walk(item) for item in obj)
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            changes = {f.name: self.walk(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
            return dataclasses.replace(obj, **changes)
        return obj

    def withheld(self) -> tuple[Withheld, ...]:
        order = list(AREA_LABELS)
        return tuple(
            Withheld(area=area, label=AREA_LABELS[area], places=tuple(self.places[area]))
            for area in sorted(self.places, key=order.index)
        )


def for_partner(agenda: Agenda, case: model.Case, partner: str) -> Agenda:
    """The agenda as a partner may read it; readiness results stay with the team."""
    covered = covered_areas(case, partner, agenda)
    redactor = _Redactor(covered)
    changes: dict[str, Any] = {name: redactor.walk(getattr(agenda, name)) for name in agenda.parts}
    changes["reasons"] = redactor.walk(agenda.reasons)
    changes["participant"] = redactor.walk(agenda.participant)
    return dataclasses.replace(
        agenda,
        **changes,
        audience="partner",
        partner=partner,
        partner_covers=tuple(AREA_LABELS[a] for a in AREA_LABELS if a in covered),
        readiness=(),
        withheld=redactor.withheld(),
    )
