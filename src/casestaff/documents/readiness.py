"""Readiness checks: can this staffing be held as planned, and may it decide what it must decide?

The checks are small functions named by the program packs (`READINESS_SPECS`): a pack's
`agenda.readiness` lists its checks with their parameters and the policy words they rest on.
After them come the pack's requirements of the staffing being prepared (rules/requirements.py,
the same question `due`, `record` and `narrate` ask), asked ahead of the meeting of the people
invited: what only the meeting can record is listed as `record`. A check that fails is
`blocking` (the agenda is still written, the exit code is 3) or a `warning`; every result
carries its citation so the worker can show why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from casestaff.model.plain import dataclass
from types import MappingProxyType

from casestaff.documents.agenda_records import Agenda, Check
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.catalogue import READINESS_CHECKS
from casestaff.model.named import Named, registry
from casestaff.documents.agenda_values import item_line
from casestaff.model.pack import Pack, RoleDef
from casestaff.rules import requirements
from casestaff.rules.requirements import Verdict

OK, WARNING, BLOCKING = "ok", "warning", "blocking"
RECORD = "record"
"""A requirement only the meeting can meet (all information discussed, the decision and why): what to record there."""


@dataclass(frozen=True)
class Outcome:
    passed: bool
    message: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inputs:
    case: model.Case
    pack: Pack
    agenda: Agenda
    invite: Sequence[model.Person]


def _names(roles: Sequence[str]) -> str:
    return ", ".join(roles)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _said(verdict: Verdict) -> str:
    """A requirement's verdict as a readiness message: what is there, or what is missing and the fix."""
    if verdict.met is False and verdict.fix:
        return _sentence(f"{verdict.says}; {verdict.fix}")
    return _sentence(verdict.says)


def planned_kind(case: model.Case, pack: Pack, rules: Sequence[str]) -> str:
    """The kind of staffing being prepared: the planned one; else the kind that answers the first
    flag a staffing can satisfy; else the program's first kind."""
    if case.planned_staffing and case.planned_staffing.kind in pack.kind_ids:
        return case.planned_staffing.kind
    by_id = {f"{pack.id}.{r.id}": r for r in pack.rules}
    for rule in rules:
        found = by_id.get(rule)
        if found is not None and found.satisfied_by:
            return found.satisfied_by[0]
    return pack.kind_ids[0] if pack.kind_ids else ""


def _planned(i: Inputs) -> model.Staffing:
    """The staffing being prepared as the requirements see it: kind, meeting date, the people invited."""
    kind = planned_kind(i.case, i.pack, [r.rule for r in i.agenda.reasons])
    return requirements.planned(i.case, i.pack, i.agenda.meeting, invited_people(i), kind)


def _ahead(i: Inputs, staffing: model.Staffing | None = None) -> requirements.Subject:
    return requirements.Subject(
        case=i.case, pack=i.pack, staffing=staffing or _planned(i), ahead=True, known_on=i.agenda.as_of
    )


def department_staff_invited(i: Inputs, *, minimum: int) -> Outcome:
    """At least `minimum` department staff or designees (distinct people) invited."""
    verdict = requirements.department_staff_present(_ahead(i), minimum=minimum)
    return Outcome(verdict.met is True, _said(verdict))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def release_applies(release: model.Release, party: str, meeting: dt.date, as_of: dt.date, form: str = "") -> bool:
    """The release names `party` (and is of `form`, when given), was signed by the as-of date and is valid on the meeting date."""
    if not _same(release.party, party):
        return False
    if form and release.form and not _same(release.form, form):
        return False
    return release.signed <= as_of and (release.expires is None or release.expires >= meeting)


def release_for(case: model.Case, party: str, meeting: dt.date, as_of: dt.date, form: str = "") -> model.Release | None:
    return next((r for r in case.releases if release_applies(r, party, meeting, as_of, form)), None)


def partner_releases_on_file(i: Inputs) -> Outcome:
    """Every invited partner whose role needs a release has one on file for the meeting date (unless marked release_needed: false)."""
    problems: list[str] = []
    checked: list[str] = []
    for person in invited_people(i):
        role = i.pack.role(person.role)
        if role is None or not role.release_form:
            continue
        party = person.organization or person.name or ""
        who = f"{role.abbr}: {person.initials}" + (f" ({party})" if party else "")
        if person.release_needed is False:  # the policy asks it of some partners, not all
            checked.append(f"{who}: no {role.release_form} needed (release_needed: false, line {person.line_of('release_needed')})")
            continue
        if not party:
            problems.append(f"{who}: the invitation does not say which organization; add organization: so the {role.release_form} can be checked")
            continue
        release = release_for(i.case, party, i.agenda.meeting, i.agenda.as_of, role.release_form)
        if release is None:
            problems.append(
                f"{who}: no {role.release_form} on file for {party} valid on {i.agenda.meeting.isoformat()};"
                f" have the participant sign one before inviting them"
            )
        else:
            checked.append(f"{who}: {role.release_form} signed {release.signed.isoformat()} (line {release.line_of('party')})")
    if problems:
        return Outcome(False, "An invited partner has no release on file.", tuple(problems))
    if checked:
        return Outcome(True, "Every invited partner who needs a release has one.", tuple(checked))
    return Outcome(True, "No invited partner needs a release.")


def invited_people(i: Inputs) -> list[model.Person]:
    return queries.invitees(i.case, i.invite)


def no_information_outstanding(i: Inputs) -> Outcome:
    """Nothing the team is waiting for; otherwise no determination can be made at this meeting."""
    verdict = requirements.nothing_outstanding(_ahead(i))
    return Outcome(verdict.met is True, _said(verdict), verdict.details)


def _snap_eligibility(case: model.Case, month: dt.date, as_of: dt.date) -> tuple[model.EligibilityCheck | None, str]:
    """The verification of SNAP eligibility for `month` that stands on `as_of`, and what the file says."""
    last = queries.eligibility_check(case, month, as_of)
    label = f"{month:%B %Y}"
    if last is None:
        return None, f"SNAP eligibility for {label} is not verified; verify it in IES before the staffing."
    said = f"SNAP eligibility for {label} verified on {last.verified_on.isoformat()} (line {last.line_of('verified_on')})"
    if not last.eligible:
        return last, (
            f"{said}: the customer is NOT eligible (line {last.line_of('eligible')});"
            " communicate the eligibility issue at the staffing."
        )
    return last, said + "."


def eligibility_status(case: model.Case, month: dt.date, as_of: dt.date) -> tuple[bool, str]:
    """(verified and eligible, what the file says) for SNAP eligibility in `month`."""
    last, said = _snap_eligibility(case, month, as_of)
    return last is not None and last.eligible, said


def eligibility_on_file(case: model.Case, month: dt.date, as_of: dt.date) -> tuple[bool, str]:
    """(verified, what the file says): a verification of `month` stands, whatever it found."""
    last, said = _snap_eligibility(case, month, as_of)
    return last is not None, said


def no_eligibility_issue(case: model.Case, month: dt.date, as_of: dt.date) -> tuple[bool, str]:
    """(no issue, what the file says): False only when `month` was verified and found NOT eligible.

    IL SNAP E&T: "If there is an issue with a participant's eligibility it can be communicated
    at the staffing" -- an issue to raise there, so the pack makes it a warning, not a reason
    to call the staffing off. A month not verified yet is eligibility_verified's to report.
    """
    last, said = _snap_eligibility(case, month, as_of)
    if last is None:
        return True, f"No eligibility issue on file for {month:%B %Y} (not verified yet)."
    return last.eligible, said


def eligibility_verified(i: Inputs) -> Outcome:
    """SNAP eligibility verified in the month of the staffing, whatever the verification found.

    A customer found NOT eligible is `eligibility_issue`'s to name: the staffing goes ahead.
    """
    passed, message = eligibility_on_file(i.case, i.agenda.meeting.replace(day=1), i.agenda.as_of)
    return Outcome(passed, message)


def eligibility_issue(i: Inputs) -> Outcome:
    """No SNAP eligibility issue in the month of the staffing; one found is named, to raise there."""
    passed, message = no_eligibility_issue(i.case, i.agenda.meeting.replace(day=1), i.agenda.as_of)
    return Outcome(passed, message)


def sanction_information_complete(i: Inputs) -> Outcome:
    """Before a sanction, every point of the outline is answered from the file and nothing is outstanding."""
    if i.agenda.sanction is None:
        return Outcome(True, "No sanction is pending.")
    missing = [f"{q.question}" for q in i.agenda.questions]
    missing += [
        f"outstanding: {o.item.text} (requested {o.requested.text})" for o in (i.agenda.outstanding or ()) if o.waiting
    ]
    if not missing:
        return Outcome(True, "A sanction is pending and the file holds all the information the outline asks for.")
    return Outcome(
        False,
        f"A sanction is pending (effective {i.agenda.sanction.effective_on.text}); the file lacks {len(missing)} piece(s) of"
        " information the team must discuss before deciding:",
        tuple(missing),
    )


def _indicates(role: RoleDef, need: str) -> bool:
    """The special need's words name the role's (RoleDef.invite_for_needs), without regard to case."""
    text = need.casefold()
    return any(word.casefold() in text for word in role.invite_for_needs if word.strip())


def special_needs_invitees(i: Inputs, *, roles: list[str]) -> Outcome:
    """Each special need of the child that indicates one of `roles` (by the role's invite_for_needs) has that role invited; a need no role's words name, any one of them."""
    child = i.case.child
    if child is None or not child.special_needs:
        return Outcome(True, "No special needs recorded for the child.")
    invited = invited_people(i)
    defs = [role for name in roles if (role := i.pack.role(name)) is not None]

    def is_invited(role: RoleDef) -> list[model.Person]:
        wanted = role.abbr.casefold()
        return [p for p in invited if p.role.casefold() == wanted or (p.designee_for or "").casefold() == wanted]

    missing: list[str] = []
    found: list[str] = []
    unnamed: list[str] = []
    for index, need in enumerate(child.special_needs, 1):
        line = item_line(child, "special_needs", index)
        indicated = [role for role in defs if _indicates(role, need)]
        if not indicated:
            unnamed.append(f"'{need}' (line {line})")
            continue
        for role in indicated:
            people = is_invited(role)
            if people:
                found.append(f"'{need}' (line {line}): {role.title} invited ({', '.join(f'{p.role}: {p.initials}' for p in people)})")
            else:
                missing.append(f"'{need}' (line {line}) indicates the {role.title} ({role.abbr}): not invited")
    if unnamed and not any(is_invited(role) for role in defs):
        titles = [role.title for role in defs]
        missing.append(
            f"{'; '.join(unnamed)}: none of these is invited -- {_names(titles)} -- nor other local staff who could assist"
        )
    if missing:
        return Outcome(False, f"The child's special needs (line {child.line_of('special_needs')}) call for invitees not yet invited.", tuple(missing))
    return Outcome(True, "Each special need's resource is invited.", tuple(found))


def checklist_confirmed(i: Inputs) -> Outcome:
    """Each item of the pack's checklist says where it is documented in the case file (checklist.FIELD)."""
    listed = i.case.checklist
    open_items = [
        f"{item.item}: not yet documented (checklist.{item.field}) -- {item.ask}"
        for item in i.pack.checklist
        if not (getattr(listed, item.field, None) or "").strip()
    ]
    if not i.pack.checklist:
        return Outcome(True, "The program lists nothing the team must confirm.")
    if open_items:
        return Outcome(
            False,
            f"{len(open_items)} of {len(i.pack.checklist)} items the team shall ensure at the staffing are not documented in the case file.",
            tuple(open_items),
        )
    return Outcome(True, f"All {len(i.pack.checklist)} items are documented in the case file.")


@dataclass(frozen=True)
class PerCustomer:
    """A readiness check as the monthly provider staffing runs it, for every enrolled customer."""

    check: Callable[[model.Case, dt.date, dt.date], tuple[bool, str]]
    """(case, month, as-of date) -> (passed, what the file says)."""
    failing: str
    """The summary when some fail: {count} of {total} customer(s), in {month} (e.g. December 2026)."""
    passing: str
    """The summary when all pass: {total} customer(s), in {month}."""


@dataclass(frozen=True, kw_only=True)
class ReadinessSpec(Named):
    """A readiness check and what it declares."""

    function: Callable[..., Outcome]
    per_customer: PerCustomer | None = None
    """The check for one customer of a monthly provider staffing: the provider agenda runs it
    for every enrolled customer."""


READINESS_SPECS: MappingProxyType[str, ReadinessSpec] = registry(
    (
        ReadinessSpec(function=department_staff_invited),
        ReadinessSpec(function=partner_releases_on_file),
        ReadinessSpec(function=no_information_outstanding),
        ReadinessSpec(
            function=eligibility_verified,
            per_customer=PerCustomer(
                eligibility_on_file,
                failing="{count} of {total} customer(s) lack verified SNAP eligibility for {month}.",
                passing="SNAP eligibility for {month} verified for all {total} customer(s).",
            ),
        ),
        ReadinessSpec(
            function=eligibility_issue,
            per_customer=PerCustomer(
                no_eligibility_issue,
                failing="{count} of {total} customer(s) verified NOT eligible for {month}: communicate it at the staffing.",
                passing="No SNAP eligibility issue on file for {month} among {total} customer(s).",
            ),
        ),
        ReadinessSpec(function=sanction_information_complete),
        ReadinessSpec(function=special_needs_invitees),
        ReadinessSpec(function=checklist_confirmed),
    ),
    READINESS_CHECKS,
)
"""The readiness checks a pack's agenda.readiness may name; parameters are keyword-only."""


def requirement_checks(i: Inputs) -> list[Check]:
    """The pack's requirements of the staffing being prepared, ahead of the meeting: those of its
    kind, of the rules its reasons come from (that its kind satisfies), and of the decisions it
    may record (any; a sanction the file proposes; the kind planned_staffing.decision_kind names)."""
    staffing = _planned(i)
    satisfied = {f"{i.pack.id}.{r.id}": r for r in i.pack.rules if staffing.kind in r.satisfied_by}
    rules = [satisfied[r.rule].id for r in i.agenda.reasons if r.rule in satisfied]
    found = requirements.assess(i.case, staffing, i.pack, rules=rules, ahead=True, known_on=i.agenda.as_of)
    return [
        Check(
            id=a.requirement.id,
            title=a.requirement.shown_title(),
            status=OK if a.verdict.met is True else RECORD if a.verdict.met is None else a.requirement.on_fail,
            message=_said(a.verdict),
            details=a.verdict.details,
            citation=a.citation,
        )
        for a in found
    ]


def run_checks(case: model.Case, pack: Pack, agenda: Agenda, invite: Sequence[model.Person] = ()) -> list[Check]:
    """Every readiness check of the case's program, then its requirements of the staffing being
    prepared, each with its result and citation."""
    inputs = Inputs(case=case, pack=pack, agenda=agenda, invite=invite)
    results = []
    for spec in pack.readiness_checks:
        outcome = READINESS_SPECS[spec.check].function(inputs, **spec.params)
        results.append(
            Check(
                id=spec.id,
                title=spec.title,
                status=OK if outcome.passed else spec.on_fail,
                message=outcome.message,
                details=outcome.details,
                citation=pack.cite(spec.citation),
            )
        )
    return results + requirement_checks(inputs)
