"""An agenda as data: everything a template may show, built once by `agenda.py`, checked by
`readiness.py`, redacted for partners by `redact.py`, then rendered."""

from __future__ import annotations

import datetime as dt
from casestaff.model.plain import dataclass

from casestaff.documents.agenda_parts import (
    ActivitiesPart,
    Background,
    CasePlanPart,
    ChallengesPart,
    ChecklistRow,
    ChildPart,
    EligibilityPart,
    EmploymentPart,
    HistoryPart,
    ObservationPart,
    Outstanding,
    ReferralsPart,
    ReviewRow,
    SanctionPart,
    StrengthsPart,
    Team,
)
from casestaff.documents.agenda_values import Value, values_in
from casestaff.documents.plain_words import in_words

# -- the agenda --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why this staffing is needed: a flag from the program's rules."""

    text: Value
    status: str
    due: str
    citation: str
    rule: str = ""
    """The rule (program.rule-id) that flags it: a staffing held for it must meet that rule's requirements."""
    hard_deadline: bool = False
    """The pack marks the rule a hard deadline (a sanction or disqualification takes effect on a set
    day): the agenda says so in words, as `casestaff due` does."""


@dataclass(frozen=True)
class Section:
    """A section of the program's outline, as the pack gives it."""

    title: str
    items: tuple[str, ...]
    citation: str


@dataclass(frozen=True)
class Withheld:
    """A release area no release for the partner covers: listed on every partner copy, whether or
    not the case file holds anything in it (never where, never how much)."""

    area: str
    label: str


@dataclass(frozen=True)
class Check:
    """A readiness check's result: ok, warning or blocking, with its policy citation."""

    id: str
    title: str
    status: str
    message: str
    details: tuple[str, ...]
    citation: str

    @property
    def blocking(self) -> bool:
        return self.status == "blocking"

    @property
    def said(self) -> str:
        """The message for the agenda's readers: without the case file's field names."""
        return in_words(self.message)

    @property
    def said_details(self) -> tuple[str, ...]:
        return tuple(in_words(d) for d in self.details)


@dataclass(frozen=True)
class Agenda:
    """Everything a template may show; built once, redacted for partners, then rendered."""

    program: str
    program_name: str
    agency: str
    policy: str
    policy_reference: str
    cite_as: str
    kind: str
    case_id: str
    participant: Value
    worker: str
    provider: str
    file: str
    meeting: dt.date
    as_of: dt.date
    audience: str
    partner: str
    partner_covers: tuple[str, ...]
    """For a partner agenda: the areas the partner's releases open (labels)."""
    reasons: tuple[Reason, ...]
    team: Team
    outline: tuple[Section, ...]
    parts: tuple[str, ...]
    background: Background | None = None
    circumstances: Value | None = None
    strengths: StrengthsPart | None = None
    challenges: ChallengesPart | None = None
    observation: ObservationPart | None = None
    activities: ActivitiesPart | None = None
    referrals: ReferralsPart | None = None
    review_areas: tuple[ReviewRow, ...] | None = None
    outstanding: tuple[Outstanding, ...] | None = None
    sanction: SanctionPart | None = None
    eligibility: EligibilityPart | None = None
    employment: EmploymentPart | None = None
    child: ChildPart | None = None
    checklist: tuple[ChecklistRow, ...] | None = None
    case_plan: CasePlanPart | None = None
    history: HistoryPart | None = None
    readiness: tuple[Check, ...] = ()
    withheld: tuple[Withheld, ...] = ()
    """For a partner agenda: every area the partner's releases do not cover."""

    @property
    def questions(self) -> tuple[Value, ...]:
        """Every question the file leaves open, in agenda order, once each."""
        seen: set[str] = set()
        found = []
        for part in (*(getattr(self, name) for name in self.parts), self.team):
            for v in values_in(part):
                if v.question and not v.withheld and v.question not in seen:
                    seen.add(v.question)
                    found.append(v)
        return tuple(found)

    @property
    def blocked(self) -> bool:
        return any(c.blocking for c in self.readiness)
