"""The partner copy of an agenda: what a community partner may read, and which areas were withheld.

A value is shown to a partner only when a release on file names that partner, is valid on the
meeting date, and covers every area the value needs (agenda_values.PARTNER_FIELDS: domestic
violence, mental health, substance use, physical health, child welfare, addresses, birth dates;
free text needs a release that covers `all`).

A partner copy must read the same whether or not the file holds anything in an area no release
covers, so it is made in two steps:

1. `partner_case`: the case as if it held nothing in those areas -- no risk factor, referral or
   review-area entry on an uncovered topic, no child-welfare block, no address -- so neither the
   agenda built from it nor the rules that give its reasons can show that any existed;
2. `for_partner`: in the agenda built from that case, every entry whose areas are not all covered
   reads "withheld (no release)" -- a question where the file is silent as well as a fact, so the
   two look alike; a run of withheld entries in a list reads as one; and nothing cites a file
   line, since lines move with what the file holds.

What the copy lists as withheld is every area the partner's releases do not cover, always: it
depends on the releases, never on the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from casestaff.documents.agenda_records import Agenda, Withheld
from casestaff.documents.agenda_values import AREA_LABELS, RISK_AREAS, Value
from casestaff.documents.readiness import release_applies
from casestaff.model import records as model
from casestaff.model.pack import Pack

ALL = "all"


def covered_areas(case: model.Case, partner: str, meeting: dt.date, as_of: dt.date) -> frozenset[str]:
    """The areas the case's releases open to `partner` on the meeting date (`all` opens every one)."""
    if not partner:
        return frozenset()
    areas: set[str] = set()
    for release in case.releases:
        if release_applies(release, partner, meeting, as_of):
            areas.update(release.covers)
    if ALL in areas:
        return frozenset(AREA_LABELS)
    return frozenset(areas)


def partner_case(case: model.Case, pack: Pack, covered: frozenset[str]) -> model.Case:
    """The case as it would be if it held nothing in an area `covered` leaves out: what a partner
    copy is built from, so that it reads the same whether or not such records exist."""

    def open_topic(area: str | None) -> bool:
        return area is None or area in covered

    review_release = {a.area: a.release_area for a in pack.review_areas}
    changes: dict[str, Any] = {
        "risk_factors": [r for r in case.risk_factors if open_topic(RISK_AREAS.get(r.factor))],
        "referrals": [r for r in case.referrals if open_topic(RISK_AREAS.get(r.service))],
        "review_areas": [r for r in case.review_areas if open_topic(review_release.get(r.area))],
    }
    if "child_welfare" not in covered:
        changes.update(child=None, checklist=None, case_plan_tasks=[])
    if "address" not in covered:
        changes["participant"] = dataclasses.replace(case.participant, address=None, phone=None)
    return dataclasses.replace(case, **changes)


class _Redactor:
    def __init__(self, covered: frozenset[str]) -> None:
        self.covered = covered

    def value(self, v: Value) -> Value:
        if not (v.text or v.question):
            return v
        if all(a in self.covered for a in v.areas):
            return dataclasses.replace(v, lines=())
        return Value(areas=v.areas, label=v.label, withheld=True)

    def walk(self, obj: Any) -> Any:
        if isinstance(obj, Value):
            return self.value(obj)
        if isinstance(obj, tuple):
            items: list[Any] = []
            for item in (self.walk(i) for i in obj):
                if isinstance(item, Value) and item.withheld and items and isinstance(items[-1], Value) and items[-1].withheld:
                    continue  # one "withheld" for a run of them: their number is not shown either
                items.append(item)
            return tuple(items)
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            changes = {f.name: self.walk(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
            return dataclasses.replace(obj, **changes)
        return obj


def for_partner(agenda: Agenda, partner: str, covered: frozenset[str]) -> Agenda:
    """The agenda built from `partner_case(case, pack, covered)` as `partner` may read it; readiness
    results stay with the team."""
    redactor = _Redactor(covered)
    changes: dict[str, Any] = {name: redactor.walk(getattr(agenda, name)) for name in agenda.parts}
    changes["reasons"] = redactor.walk(agenda.reasons)
    changes["participant"] = redactor.walk(agenda.participant)
    changes["team"] = dataclasses.replace(redactor.walk(agenda.team), source="")
    return dataclasses.replace(
        agenda,
        **changes,
        audience="partner",
        partner=partner,
        partner_covers=tuple(AREA_LABELS[a] for a in AREA_LABELS if a in covered),
        readiness=(),
        withheld=tuple(Withheld(area=a, label=AREA_LABELS[a]) for a in AREA_LABELS if a not in covered),
    )
