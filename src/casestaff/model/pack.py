"""A program pack as records: a program's policy as data -- roles, staffing kinds, rules, calendar,
outline, and what its agenda (review areas and checklist included), narration and new case files hold.

These are the records only. Reading, linting and resolving the names a pack uses (rule
functions, agenda parts, checks) is the pack set's job (`casestaff.packset`), above every layer
whose names it resolves.

Unlike casestaff's other modules, this one's annotations are evaluated as each class is made (no
`from __future__ import annotations`): model/spec.type_hints would otherwise compile each of
their texts when the packs are read at every start, some 0.4 ms of it (issue 11).
"""

import datetime as dt
from collections.abc import Callable, Mapping
from casestaff.model.plain import dataclass
from typing import Any, Literal, TypeVar

from casestaff.model.records import PlannedStaffing, Record, ReleaseArea, ReviewAreaName, RiskFactorName, doc


@dataclass(kw_only=True, slots=True)
class PolicyRef(Record):
    title: str = doc("The policy's title.")
    cite_as: str = doc("Short name used in every citation, e.g. 'LA DCFS P-380'.")
    reference: str | None = doc("Where the policy is published (manual, chapter, section).", None)
    effective: dt.date | None = doc("Effective date of the policy text.", None)


@dataclass(kw_only=True, slots=True)
class Citation(Record):
    section: str = doc("Section of the policy, as headed there.")
    quote: str | None = doc("The words of the policy this rests on.", None)


LOCAL_DEFAULT = "local default"
"""A parameter's source when the policy sets no number: the pack's own choice, for an office to change."""

SET_IN_CONFIG = "set in casestaff.toml"
"""The source of a parameter an office set in casestaff.toml: its own value, not the policy's."""

SOURCES_DOC = (
    "Where each parameter's value comes from: the policy's words that give it (checked like a citation's quote),"
    f" or `{LOCAL_DEFAULT}` when the policy sets no number."
)


def local_values(params: Mapping[str, Any], sources: Mapping[str, str]) -> list[tuple[str, Any, str]]:
    """(name, value, source) of each parameter whose value is not the policy's: a local default,
    or set in casestaff.toml. A value is the policy's only when a quote says so."""
    found = []
    for name, value in params.items():
        source = sources.get(name)
        if source is None or source in (LOCAL_DEFAULT, SET_IN_CONFIG):
            found.append((name, value, source or LOCAL_DEFAULT))
    return found


@dataclass(kw_only=True, slots=True)
class RoleDef(Record):
    abbr: str = doc("Abbreviation used in case files and narrations (FC, Manager ...).")
    title: str = doc("Full title.")
    department: bool = doc("true for department staff (counted toward team minimums).", False)
    release_form: str | None = doc("Release the participant must sign before this role may be invited.", None)
    invite_for_needs: list[str] = doc(
        "Words in a child's special needs (child.special_needs in a case file) that mean this role is to be invited,"
        " matched without regard to case: the special_needs_invitees readiness check names the role each need calls for.",
        [],
    )
    note: str | None = doc("What this role does at the staffing.", None)


@dataclass(kw_only=True, slots=True)
class StaffingKindDef(Record):
    id: str = doc("Identifier written in case files (staffings[].kind).")
    name: str = doc("Human name.")


ANY_DECISION = "any"
"""In a requirement's `applies_to.decisions`: a staffing that records any decision or determination."""

SANCTION_DECISION = "sanction"
"""In a requirement's `applies_to.decisions`: a staffing that decides on a sanction -- held once the
case file proposes one and before it is decided (or on the day it is), or whose decision names one."""

BUILTIN_DECISIONS = (ANY_DECISION, SANCTION_DECISION)


@dataclass(kw_only=True, slots=True)
class DecisionKindDef(Record):
    id: str = doc("Identifier written in case files (staffings[].decision_kind, planned_staffing.decision_kind).")
    name: str = doc("Human name, e.g. 'Move toward termination of parental rights'.")


@dataclass(kw_only=True, slots=True)
class RequirementScope(Record):
    """When a requirement applies; it applies when any of its lists matches."""

    kinds: list[str] = doc(
        "Staffing kinds (staffings[].kind): every staffing of these kinds must meet it to count for any rule and to be narrated.", []
    )
    rules: list[str] = doc(
        "Rule ids of this pack: a staffing counts toward these rules' flags only when it meets it"
        " (`casestaff due` keeps the flag, `record` warns, the agenda checks it ahead).",
        [],
    )
    decisions: list[str] = doc(
        f"Kinds of decision: a staffing that records one must meet it to count and to be narrated."
        f" `{ANY_DECISION}`: any decision or determination; `{SANCTION_DECISION}`: a staffing held before a sanction the"
        " case file proposes, or whose decision is about one; or an id from the pack's decision_kinds.",
        [],
    )


@dataclass(kw_only=True, slots=True)
class RequirementDef(Record):
    id: str = doc("Requirement id, unique in the pack.")
    title: str = doc(
        "What the staffing must have, in a few words: the agenda's readiness list heads it so."
        " A parameter is written {minimum}, so an office's own value shows in it."
    )
    applies_to: RequirementScope = doc("When it applies: to staffings of some kinds, to the rules they satisfy, to decisions they record.")
    check: str = doc("The requirement check function (see `casestaff programs --functions`).")
    params: dict[str, Any] = doc("Parameters of the function, when it takes any (minimum: 2).", {})
    sources: dict[str, str] = doc(SOURCES_DOC, {})
    on_fail: Literal["blocking", "warning"] = doc(
        "Ahead of the meeting, when the agenda finds it unmet: blocking (casestaff agenda exits with 3) or warning.", "blocking"
    )
    citation: Citation = doc("Where the policy says so (section, and the policy's own words).")

    def shown_title(self) -> str:
        """The title with its {param} names filled in: a minimum set in casestaff.toml reads as that number."""
        return self.title.format_map(self.params)


@dataclass(kw_only=True, slots=True)
class RuleDef(Record):
    id: str = doc("Rule id, unique in the pack.")
    function: str = doc("The rule function (see `casestaff programs ID`).")
    params: dict[str, Any] = doc("Parameters of the function: thresholds in days or months.", {})
    sources: dict[str, str] = doc(SOURCES_DOC, {})
    satisfied_by: list[str] = doc("Kinds of staffing that satisfy the condition once held on or after it began.", [])
    explain: str = doc("One line: what the rule checks and why.")
    reason: str = doc("The reason shown on a flag; {names} are filled from the finding and params.")
    citation: Citation = doc("Where the policy says so.")
    hard_deadline: bool = doc(
        "true: its due date comes before something that takes effect on a set day -- a sanction or disqualification,"
        " a permanency decision; the morning list marks it HARD and lists it first among flags of the same status.",
        False,
    )


@dataclass(kw_only=True, slots=True)
class DeadlineDef(Record):
    id: str = doc("Deadline id.")
    what: str = doc("What must happen by then.")
    day: int | None = doc("Day of the month the deadline falls on.", None)
    month_end: bool = doc("true: the deadline is the last day of the month.", False)
    workdays_before_meeting: int | None = doc(
        "Also this many workdays before the meeting, when its date is known -- the provider's meeting, and each planned"
        " staffing of the cycle's customer_kinds, which gets its own deadline.",
        None,
    )
    non_workday: Literal["previous", "next", "keep"] = doc(
        "When the deadline falls on a weekend or holiday: previous workday (default), next, or keep.", "previous"
    )
    done_by: str | None = doc(
        "A staffing kind that shows this deadline met: held that month for every customer enrolled by the day it was held.", None
    )
    overdue_months: int | None = doc(
        "With done_by: for how many months after its own a month whose staffing was missed stays on the list, overdue;"
        " left out: until its month ends.",
        None,
    )
    lists_customers: bool = doc("true: name the customers flagged for a customer staffing.", False)
    citation: Citation = doc("Where the policy says so.")


@dataclass(kw_only=True, slots=True)
class ProviderCycleDef(Record):
    customer_kinds: list[str] = doc("Staffing kinds whose rules mark a customer for a customer staffing.", [])
    deadlines: list[DeadlineDef] = doc("The monthly deadlines, in order.")


@dataclass(kw_only=True, slots=True)
class OutlineSection(Record):
    title: str = doc("Section heading, as in the policy.")
    items: list[str] = doc("Points under the heading.", [])
    citation: Citation | None = doc("Where the policy gives this section.", None)


@dataclass(kw_only=True, slots=True)
class ReadinessCheckDef(Record):
    id: str = doc("Check id, unique in the pack.")
    title: str = doc("What the check makes sure of, as the agenda heads it.")
    check: str = doc("The readiness check function (see `casestaff programs --functions`).")
    params: dict[str, Any] = doc("Parameters of the function, when it takes any (minimum: 3).", {})
    sources: dict[str, str] = doc(SOURCES_DOC, {})
    on_fail: Literal["blocking", "warning"] = doc(
        "When the check fails: blocking (the agenda says so and casestaff exits with 3) or warning.", "blocking"
    )
    citation: Citation = doc("Where the policy says so.")


@dataclass(kw_only=True, slots=True)
class ReviewAreaDef(Record):
    area: ReviewAreaName = doc("The case file's review area this row reads (review_areas[].area in a case file).")
    title: str = doc("The row's heading, as the policy names the area.")
    release_area: ReleaseArea | None = doc(
        "The release area (releases[].covers) a partner's copy of the agenda needs before it shows this area; left out: none.", None
    )
    risk_factors: list[RiskFactorName] = doc("Risk factors, and referrals for them, in the case file that bear on this area.", [])
    lookback_months: int | None = doc(
        "Only risk factors present within this many months before the meeting bear on it; left out: any time.", None
    )
    citation: Citation = doc("Where the policy lists the area.")


@dataclass(kw_only=True, slots=True)
class ChecklistItemDef(Record):
    field: str = doc("The case file's checklist field this item reads (checklist.FIELD in a case file).")
    item: str = doc("What the team must confirm, as the policy words it.")
    ask: str = doc("What the agenda asks when the case file does not say where it is documented.")
    citation: Citation = doc("Where the policy requires it.")


GENERIC_AGENDA_PARTS = ("background", "strengths", "challenges", "activities", "referrals", "outstanding", "history")
"""The agenda parts of a pack that names none: those the default agenda template shows."""


@dataclass(kw_only=True, slots=True)
class AgendaDef(Record):
    parts: list[str] | None = doc(
        "What the agenda reads from the case file, in order (see `casestaff programs --functions`);"
        f" left out: {', '.join(GENERIC_AGENDA_PARTS)}.",
        None,
    )
    readiness: list[ReadinessCheckDef] = doc("Checks run on the agenda before the staffing, in the order they print.", [])
    review_areas: list[ReviewAreaDef] = doc("The areas the review_areas part shows, in the policy's order.", [])
    checklist: list[ChecklistItemDef] = doc("What the checklist part asks the team to confirm, in the policy's order.", [])


@dataclass(kw_only=True, slots=True)
class NarrationCheckDef(Record):
    check: str = doc("The narration check function (see `casestaff programs --functions`).")
    params: dict[str, Any] = doc("Parameters of the function, when it takes any (minimum: 3).", {})
    sources: dict[str, str] = doc(SOURCES_DOC, {})
    citation: Citation | None = doc("Where the policy says so.", None)


@dataclass(kw_only=True, slots=True)
class NarrationDef(Record):
    checks: list[NarrationCheckDef] = doc(
        "What the policy requires of a staffing's record before it is narrated, beyond who was there,"
        " the discussion and next steps.",
        [],
    )


@dataclass(kw_only=True, slots=True)
class CaseFileDef(Record):
    parts: list[str] = doc(
        "Case-file blocks `casestaff new` writes beyond the common ones and those the rules read"
        " (the fields of a case file, e.g. strengths, review_areas)."
    )


@dataclass(kw_only=True, slots=True)
class Pack(Record):
    id: str = doc("Program id written in case files (program:).")
    name: str = doc("Program name.")
    agency: str = doc("The agency that runs it.")
    state: str = doc("US state (two letters) whose public holidays count for workdays.")
    policy: PolicyRef = doc("The policy the pack comes from.")
    staffing_kinds: list[StaffingKindDef] = doc("Kinds of staffing meetings.")
    decision_kinds: list[DecisionKindDef] = doc(
        "Kinds of decision a staffing may record (staffings[].decision_kind) that requirements guard; left out: none.", []
    )
    roles: list[RoleDef] = doc("Roles at its staffings.")
    rules: list[RuleDef] = doc("When a staffing is needed.")
    requirements: list[RequirementDef] = doc(
        "What a staffing must have to count -- who is present, what is documented, what is complete, guards on a"
        " decision -- each with its citation; `due`, `record`, `agenda` and `narrate` all ask them. Left out: none.",
        [],
    )
    provider_cycle: ProviderCycleDef | None = doc("The monthly provider staffing calendar, if the program has one.", None)
    outline: list[OutlineSection] = doc("The staffing agenda outline.", [])
    agenda: AgendaDef | None = doc("What the agenda shows and checks; left out: the generic parts, no readiness checks.", None)
    narration: NarrationDef | None = doc("What a narration needs; left out: who was there, the discussion and next steps.", None)
    case_file: CaseFileDef | None = doc("What `casestaff new` writes; left out: every block of a case file.", None)

    @property
    def agenda_parts(self) -> tuple[str, ...]:
        parts = self.agenda.parts if self.agenda is not None else None
        return tuple(parts) if parts is not None else GENERIC_AGENDA_PARTS

    @property
    def readiness_checks(self) -> list[ReadinessCheckDef]:
        return self.agenda.readiness if self.agenda else []

    @property
    def review_areas(self) -> list[ReviewAreaDef]:
        return self.agenda.review_areas if self.agenda else []

    @property
    def checklist(self) -> list[ChecklistItemDef]:
        return self.agenda.checklist if self.agenda else []

    @property
    def narration_checks(self) -> list[NarrationCheckDef]:
        return self.narration.checks if self.narration else []

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.staffing_kinds)

    def planned_kind(self, planned: PlannedStaffing | None) -> str | None:
        """The kind of the staffing being prepared: the one the case file names, else the program's first."""
        if planned is not None and planned.kind:
            return planned.kind
        return self.kind_ids[0] if self.kind_ids else None

    @property
    def decision_kind_ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.decision_kinds)

    def calendar_kinds(self) -> frozenset[str]:
        """The staffing kinds the program calendar tracks (its deadlines' done_by), made once per
        pack: asked of every case the due list evaluates (issue 11)."""
        return made_once(self, "calendar kinds", _calendar_kinds)

    def role(self, abbr: str) -> RoleDef | None:
        """The pack's role of that abbreviation, in any case (the first, should two share it)."""
        return made_once(self, "roles", _roles_by_abbr).get(abbr.casefold())

    def cite(self, citation: Citation) -> str:
        return f"{self.policy.cite_as}, {citation.section}"


T = TypeVar("T")

_MADE: dict[tuple[int, Any], tuple[Pack, Any]] = {}


def made_once(pack: Pack, what: Any, make: Callable[..., T], *args: Any) -> T:
    """`make(pack, *args)`, made once per pack object and `what` (a hashable name of what is made,
    with whatever else it depends on): a rule's plan, a pack's requirements, its roles by
    abbreviation are asked for every case. Kept with the pack itself, so a pack made later at
    the address of one gone never finds the old one's (a pack replaced by casestaff.toml's
    overrides is a new object, with its own)."""
    key = (id(pack), what)
    found = _MADE.get(key)
    if found is None or found[0] is not pack:
        found = _MADE[key] = (pack, make(pack, *args))
    return found[1]


def _calendar_kinds(pack: Pack) -> frozenset[str]:
    cycle = pack.provider_cycle
    return frozenset(d.done_by for d in cycle.deadlines if d.done_by) if cycle is not None else frozenset()


def _roles_by_abbr(pack: Pack) -> dict[str, RoleDef]:
    """The pack's roles by casefolded abbreviation, the first of each: who counts as department
    staff is asked of every person at every staffing a rule would count, every case (issue 11)."""
    by_abbr: dict[str, RoleDef] = {}
    for role in pack.roles:
        by_abbr.setdefault(role.abbr.casefold(), role)
    return by_abbr


@dataclass(frozen=True)
class PackSet:
    """The packs in force: built-in ones, the user's, with the user's parameter overrides."""

    packs: Mapping[str, Pack]
    fingerprint: str

    def get(self, program: str) -> Pack | None:
        return self.packs.get(program)
