"""What a staffing must have to count, asked once for every command.

A program pack's `requirements` say what a staffing needs -- who is present, what is
documented, what is complete -- and guard kinds of decision, each with the policy words it rests
on. `shortfalls` is the one question every command asks of a staffing: `due` keeps a rule's flag
when the staffing that would satisfy it falls short and says why (rules/evaluate.py), `record`
warns before it writes such a staffing, the agenda checks the same requirements ahead of the
meeting against who is invited, and `narrate` refuses with the same words.

The checks are small functions the packs name (`REQUIREMENT_SPECS`), each giving a `Verdict`:
met; not met, with what the staffing lacks in a few plain words and how to put it right; or --
ahead of the meeting, for what only the meeting can record -- not known yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from casestaff.model.plain import dataclass
from types import MappingProxyType

from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.named import Named, registry
from casestaff.model.pack import (
    ANY_DECISION,
    SANCTION_DECISION,
    Citation,
    NarrationCheckDef,
    Pack,
    RequirementDef,
    RequirementScope,
    RoleDef,
    made_once,
)


# A Subject, and a Verdict and an Assessment for each requirement that applies, are made for every
# staffing a rule would count, every case, every morning: plain slotted dataclasses, not frozen
# ones, whose __init__ sets each field through object.__setattr__ (issue 11). Nothing changes them.
@dataclass(slots=True)
class Subject:
    """The staffing a requirement is asked of, and what the check may read."""

    case: model.Case
    pack: Pack
    staffing: model.Staffing
    """A staffing held -- or, ahead of the meeting, the planned one: its kind, the meeting date, and
    the people invited as `present`."""
    ahead: bool
    known_on: dt.date
    """The day the case file is read as of: the staffing's date, or (ahead) the agenda's as-of date."""


@dataclass(slots=True)
class Verdict:
    """A requirement check's answer.

    `met` is True, False, or None ahead of the meeting for what only the meeting can record.
    `says` is what the staffing has (met), what it lacks in a few plain words (not met: `due`
    shows these words), or what to record at the meeting (None). `fix` says how to put it right.
    """

    met: bool | None
    says: str
    fix: str = ""
    details: tuple[str, ...] = ()


@dataclass(slots=True)
class Shortfall:
    """A requirement a staffing does not meet: its id, what is missing in plain words, how to put
    it right, and where the policy says so."""

    requirement: str
    says: str
    fix: str
    citation: str

    def __str__(self) -> str:
        return f"{self.says} -- {self.fix} [{self.requirement}; {self.citation}]"


@dataclass(slots=True)
class Assessment:
    """One requirement that applies to a staffing, and its verdict."""

    requirement: RequirementDef
    verdict: Verdict
    citation: str

    @property
    def shortfall(self) -> Shortfall | None:
        if self.verdict.met is not False:
            return None
        return Shortfall(self.requirement.id, self.verdict.says, self.verdict.fix, self.citation)


# -- who is there ----------------------------------------------------------------------------------


def acting_role(pack: Pack, person: model.Person) -> RoleDef | None:
    """The role a person counts as: the one they are the designee for, else their own."""
    if person.designee_for:
        role = pack.role(person.designee_for)
        if role is not None:
            return role
    return pack.role(person.role)


def shown(person: model.Person) -> str:
    """How a person reads in a message: `Manager: XR`, a designee `CPC: TL (designee for Manager)`."""
    text = f"{person.role}: {person.initials}"
    return text + (f" (designee for {person.designee_for})" if person.designee_for else "")


def department_staff(pack: Pack, people: Sequence[model.Person]) -> list[model.Person]:
    """Distinct people (by initials) who are department staff or the designee of department staff, in order."""
    seen: set[str] = set()
    staff = []
    for person in people:
        role = acting_role(pack, person)
        key = person.initials.casefold()
        if role is not None and role.department and key not in seen:
            seen.add(key)
            staff.append(person)
    return staff


def _listing(people: Sequence[model.Person]) -> str:
    return ", ".join(shown(p) for p in people)


def department_staff_present(s: Subject, *, minimum: int) -> Verdict:
    """At least `minimum` department staff or their designees (distinct people) present; ahead of the meeting, invited."""
    staff = department_staff(s.pack, s.staffing.present)
    where = "invited" if s.ahead else "present"
    if len(staff) >= minimum:
        return Verdict(True, f"{len(staff)} department staff {where} ({_listing(staff)})")
    roles = ", ".join(r.abbr for r in s.pack.roles if r.department)  # named only when short (issue 11)
    if s.ahead:
        says = f"only {len(staff)} department staff invited ({_listing(staff)})" if staff else "no department staff invited yet"
        fix = (
            f"the team needs at least {minimum}; invite {minimum - len(staff)} more of: {roles}"
            " (planned_staffing.invited in the case file, or --invite ROLE:INITIALS)"
        )
        return Verdict(False, says, fix)
    says = f"only {len(staff)} department staff" if staff else "no department staff"
    who = _listing(s.staffing.present) or "nobody is recorded"
    fix = (
        f"present: {who}; the team needs at least {minimum} department staff or designees ({roles}):"
        " add who else was present (a designee with designee_for: ROLE)"
    )
    return Verdict(False, says, fix)


def roles_present(s: Subject, *, roles: list[str]) -> Verdict:
    """Someone in one of `roles` (or their designee) present; ahead of the meeting, invited."""
    wanted = {r.casefold() for r in roles}
    found = [
        p for p in s.staffing.present if p.role.casefold() in wanted or (p.designee_for or "").casefold() in wanted
    ]
    where = "invited" if s.ahead else "present"
    if found:
        return Verdict(True, f"{_listing(found)} {where}")
    titles = "; ".join(f"{r} ({role.title})" if (role := s.pack.role(r)) else r for r in roles)
    says = f"no {' or '.join(roles)} {where}"
    fix = f"invite one of: {titles}" if s.ahead else f"the staffing must include one of: {titles}; add who was present"
    return Verdict(False, says, fix)


# -- what is documented ----------------------------------------------------------------------------


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def information_discussed(s: Subject) -> Verdict:
    """The staffing records that all available information was discussed with the team (all_information_discussed: true)."""
    if s.ahead:
        return Verdict(None, "at the meeting, record that all available information was discussed (all_information_discussed: true)")
    if s.staffing.all_information_discussed is True:
        return Verdict(True, "all available information was discussed")
    says = (
        "all available information not discussed"
        if s.staffing.all_information_discussed is False
        else "not recorded whether all available information was discussed"
    )
    return Verdict(False, says, "add 'all_information_discussed: true' once the team has discussed all available information")


def decision_recorded(s: Subject) -> Verdict:
    """The staffing records the team's decision or determination."""
    if s.ahead:
        return Verdict(None, "at the meeting, record the team's determination (decision:)")
    if not _blank(s.staffing.decision):
        return Verdict(True, "a determination is recorded")
    return Verdict(False, "no determination recorded", "add 'decision:' with the team's determination")


def decision_explained(s: Subject) -> Verdict:
    """The staffing records its decision and why the team decided so."""
    if s.ahead:
        return Verdict(None, "at the meeting, record the decision and why the team decided so (decision:, explanation:)")
    lacks = []
    if _blank(s.staffing.decision):
        lacks.append("no decision recorded")
    if _blank(s.staffing.explanation):
        lacks.append("the decision is not explained")
    if not lacks:
        return Verdict(True, "the decision and its explanation are recorded")
    return Verdict(False, "; ".join(lacks), "add 'decision:' and 'explanation:' (why the team decided so)")


# -- what is complete ------------------------------------------------------------------------------


def nothing_outstanding(s: Subject) -> Verdict:
    """No information the team asked for is still outstanding on the staffing's day (ahead: on the as-of day)."""
    waiting = queries.information_outstanding(s.case, s.known_on)
    if not waiting:
        return Verdict(True, "no information is outstanding")
    def when(item: model.OutstandingItem) -> str:
        received = f", received {item.received.isoformat()}" if item.received is not None and not s.ahead else ""
        return f"requested {item.requested.isoformat()}{received}"

    items = ", ".join(f"{o.item} ({when(o)})" for o in waiting)
    return Verdict(
        False,
        f"information still outstanding: {items}",
        "the determination waits for a follow-up case review once it is gathered",
        tuple(f"{o.item} (requested {o.requested.isoformat()}, line {o.line_of('item')})" for o in waiting),
    )


def _area_name(title: str) -> str:
    """A review area's title inside a sentence: its first words, lower case. Made only for an area
    not answered: every area is asked of every staffing that would count, every case (issue 11)."""
    title = title.split(" (")[0]
    return title[:1].lower() + title[1:]


def review_areas_answered(s: Subject) -> Verdict:
    """Each of the program's review areas is answered: a limitation or not; if so, the accommodations offered and whether it affected participation."""
    gaps: list[str] = []
    details: list[str] = []
    for area in s.pack.review_areas:
        entry = next((r for r in reversed(s.case.review_areas) if r.area == area.area), None)
        if entry is None:
            gaps.append(f"{_area_name(area.title)} (not reviewed)")
            details.append(f"{area.title}: no review_areas entry")
            continue
        missing = []
        if entry.limitation == "unknown":
            missing.append("limitation unknown")
        elif entry.limitation == "yes":
            if _blank(entry.accommodations):
                missing.append("accommodations offered not recorded")
            if entry.affected_participation == "unknown":
                missing.append("effect on participation unknown")
        if missing:
            gaps.append(f"{_area_name(area.title)} ({', '.join(missing)})")
            details.append(f"{area.title}: {', '.join(missing)} (line {entry.line_of('area')})")
    if not gaps:
        return Verdict(True, "every review area is answered")
    return Verdict(
        False,
        f"review areas not answered: {'; '.join(gaps)}",
        "answer each in review_areas: was a limitation present (yes or no); if yes, the accommodations offered"
        " and whether it affected participation",
        tuple(details),
    )


# -- guards on a decision --------------------------------------------------------------------------


def termination_guard(s: Subject, *, min_age: int) -> Verdict:
    """A move toward termination of parental rights only when adoption is the case plan goal and a child `min_age` or older wants to be adopted."""
    fix = (
        "do not move toward termination of parental rights unless adoption is clearly the goal and the child"
        " agrees to it; explore other permanency options"
    )
    child = s.case.child
    if child is None:
        return Verdict(False, "no child in the case file to confirm the case plan goal", fix)
    lacks = []
    if child.permanency_goal != "adoption":
        lacks.append(f"adoption is not the case plan goal ({child.permanency_goal or 'none recorded'})")
    age = queries.age(child.birth_date, s.staffing.date)
    if age is None:
        lacks.append(f"the child's age on {s.staffing.date.isoformat()} is not known (check the birth date)")
    elif age >= min_age and child.wants_adoption != "yes":
        if child.wants_adoption == "no":
            lacks.append(f"the child ({age}) does not want to be adopted")
        else:
            lacks.append(f"not recorded whether the child ({age}) wants to be adopted")
    if lacks:
        return Verdict(False, "; ".join(lacks), fix)
    agrees = f"the child ({age}) wants to be adopted" if age is not None and age >= min_age else f"the child is under {min_age}"
    return Verdict(True, f"adoption is the case plan goal and {agrees}")


@dataclass(frozen=True, kw_only=True)
class RequirementSpec(Named):
    """A requirement check and what it declares."""

    function: Callable[..., Verdict]


REQUIREMENT_SPECS: MappingProxyType[str, RequirementSpec] = registry(
    (
        RequirementSpec(function=department_staff_present),
        RequirementSpec(function=roles_present),
        RequirementSpec(function=information_discussed),
        RequirementSpec(function=decision_recorded),
        RequirementSpec(function=decision_explained),
        RequirementSpec(function=nothing_outstanding),
        RequirementSpec(function=review_areas_answered),
        RequirementSpec(function=termination_guard),
    )
)
"""The requirement checks a pack's requirements may name; parameters are keyword-only."""


# -- when a requirement applies --------------------------------------------------------------------


def decides_sanction(case: model.Case, day: dt.date, decision: str | None) -> bool:
    """A staffing held on `day` that decided `decision` decides on a sanction: it comes before one
    the file proposes (queries.sanction_to_decide), or its decision names one."""
    return queries.sanction_to_decide(case, day) is not None or "sanction" in (decision or "").casefold()


def records_decision(case: model.Case, staffing: model.Staffing, selector: str, ahead: bool = False) -> bool:
    """The staffing records a decision of the kind `selector` names (a requirement's applies_to.decisions).

    Ahead of the meeting nothing is decided yet: `any` then applies (the team may decide), a
    sanction when the file proposes one the meeting comes before, a kind of the pack's when the
    planned staffing says the team expects to consider it.
    """
    if selector == ANY_DECISION:
        return ahead or not _blank(staffing.decision)
    if selector == SANCTION_DECISION:
        return decides_sanction(case, staffing.date, staffing.decision)
    return staffing.decision_kind == selector


def applies(
    requirement: RequirementDef, case: model.Case, staffing: model.Staffing, rules: Collection[str] = (), ahead: bool = False
) -> bool:
    """The requirement applies to the staffing: by its kind, a rule it is asked to satisfy, or a decision it records."""
    scope = requirement.applies_to
    if staffing.kind in scope.kinds:
        return True
    # Loops, not any() over a generator: asked of every requirement for every staffing that would
    # satisfy a rule, every case, every morning (issue 11).
    for rule in rules:
        if rule in scope.rules:
            return True
    for selector in scope.decisions:  # noqa: SIM110 - a loop, as above
        if records_decision(case, staffing, selector, ahead):
            return True
    return False


OLDER_NARRATION_CHECKS: MappingProxyType[str, tuple[str, tuple[str, ...], str]] = MappingProxyType(
    {
        "pre_sanction_documented": (
            SANCTION_DECISION,
            ("information_discussed", "decision_explained"),
            "Before a sanction: all information discussed, the decision and why",
        ),
        "information_complete": (ANY_DECISION, ("nothing_outstanding",), "All needed information gathered before a determination"),
        "team_complete": (ANY_DECISION, ("department_staff_present",), "Department staff or designees for a determination"),
    }
)
"""The narration checks a pack could name before packs had requirements (`narration.checks`), as
the requirement checks each stands for and the decisions it guards: the same checks, the same
words, asked by every command."""


def older_narration_check(check: NarrationCheckDef) -> list[RequirementDef]:
    """A pack's narration check as the requirements it stands for."""
    decisions, names, title = OLDER_NARRATION_CHECKS[check.check]
    return [
        RequirementDef(
            id=f"narration.{check.check}" + (f".{name}" if len(names) > 1 else ""),
            title=title,
            applies_to=RequirementScope(decisions=[decisions]),
            check=name,
            params=dict(check.params),
            citation=check.citation if check.citation is not None else Citation(section=""),
            pos=check.pos,
            at=check.at,
        )
        for name in names
    ]


def requirements_of(pack: Pack) -> tuple[RequirementDef, ...]:
    """The pack's requirements, then those its narration checks stand for (made once per pack)."""
    return made_once(pack, "requirements", _requirements_of)


def _requirements_of(pack: Pack) -> tuple[RequirementDef, ...]:
    older = [r for check in pack.narration_checks if check.check in OLDER_NARRATION_CHECKS for r in older_narration_check(check)]
    return (*pack.requirements, *older)


Assessed = dict[tuple[int, int], Assessment]
"""Assessments already made of one case's held staffings, by the identities of the staffing and
the requirement: a requirement's verdict on a staffing held is the same whatever rule it is asked
for (`applies` is what the rule changes). Kept for one case while its rules run
(rules/evaluate.py), never longer: the identities are those of objects alive meanwhile."""


def assess(
    case: model.Case,
    staffing: model.Staffing,
    pack: Pack,
    *,
    rules: Collection[str] = (),
    ahead: bool = False,
    known_on: dt.date | None = None,
    requirements: Sequence[RequirementDef] | None = None,
    assessed: Assessed | None = None,
) -> list[Assessment]:
    """Every requirement that applies to the staffing -- by its kind, the decision it records, and
    the `rules` (ids) it is asked to satisfy -- with its verdict, in the pack's order.

    `ahead`: the staffing is the planned one (present = invited, nothing recorded yet), read as of
    `known_on`. `requirements` replaces the pack's own (one narration check's, say). `assessed`:
    the case's assessments so far, to take from and add to (a staffing held only: not `ahead`, nor
    read as of another day).
    """
    if ahead or known_on is not None:
        assessed = None
    subject = None  # made when a verdict is first asked for, not for every staffing (issue 11)
    found = []
    for requirement in requirements_of(pack) if requirements is None else requirements:
        if not applies(requirement, case, staffing, rules, ahead):
            continue
        key = (id(staffing), id(requirement))
        if assessed is not None and (made := assessed.get(key)) is not None:
            found.append(made)
            continue
        if subject is None:
            subject = Subject(case, pack, staffing, ahead, known_on or staffing.date)
        verdict = REQUIREMENT_SPECS[requirement.check].function(subject, **requirement.params)
        cited = pack.cite(requirement.citation) if requirement.citation.section.strip() else pack.policy.cite_as
        made = Assessment(requirement, verdict, cited)
        if assessed is not None:
            assessed[key] = made
        found.append(made)
    return found


def shortfalls(
    case: model.Case, staffing: model.Staffing, pack: Pack, *, rule: str | None = None, assessed: Assessed | None = None
) -> list[Shortfall]:
    """What the staffing lacks for its purpose -- the rule (an id of the pack) it would satisfy,
    or, without one, the decision it records and its kind -- each with its requirement id, plain
    words and citation. Empty: it meets every requirement and counts. `assessed`: as for `assess`.

    The one question `due`, `record`, `agenda` and `narrate` ask.
    """
    found = assess(case, staffing, pack, rules=(rule,) if rule else (), assessed=assessed)
    return [shortfall for a in found if (shortfall := a.shortfall) is not None]


def guards_rule(pack: Pack, rule: str, kinds: Collection[str]) -> bool:
    """Some requirement could apply to a staffing of `kinds` satisfying `rule`: the engine asks
    only then (no requirement, no cost)."""
    for requirement in requirements_of(pack):
        scope = requirement.applies_to
        if rule in scope.rules or scope.decisions or set(scope.kinds) & set(kinds):
            return True
    return False


def planned(case: model.Case, pack: Pack, meeting: dt.date, invited: Sequence[model.Person], kind: str | None) -> model.Staffing:
    """The staffing being prepared, as the requirements see it ahead: its kind, date and the people invited."""
    decision_kind = case.planned_staffing.decision_kind if case.planned_staffing else None
    return model.Staffing(
        date=meeting,
        kind=kind or (pack.kind_ids[0] if pack.kind_ids else ""),
        present=list(invited),
        decision_kind=decision_kind,
    )
