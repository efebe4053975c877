"""`casestaff programs`: the packs, their rules, checks, parameters and citations, as plain text.

The functions packs may name (`--functions`) are cli/render_functions.py's: listing them imports
the documents layer's registries, which listing or showing a pack does not need."""

from __future__ import annotations

from casestaff.model.pack import ANY_DECISION, LOCAL_DEFAULT, SANCTION_DECISION, SET_IN_CONFIG, Citation, Pack, PackSet, RequirementDef


def listing(packset: PackSet) -> str:
    lines = ["Programs (use `casestaff programs ID` for rules, parameters and citations):", ""]
    width = max(len(p) for p in packset.packs)
    for pack in sorted(packset.packs.values(), key=lambda p: p.id):
        lines.append(f"  {pack.id:<{width}}  {pack.name} -- {pack.agency} ({pack.state}); {len(pack.rules)} rules")
        lines.append(f"  {'':<{width}}  policy: {pack.policy.cite_as}: {pack.policy.title}")
    return "\n".join(lines)


def _params(params: dict) -> str:
    if not params:
        return "none"
    return ", ".join(f"{k}={v}" for k, v in params.items())


_SOURCE_WORDS = {LOCAL_DEFAULT: f"{LOCAL_DEFAULT} — the policy sets no number", SET_IN_CONFIG: SET_IN_CONFIG}


def _sources(params: dict, sources: dict) -> list[str]:
    """Each parameter's value beside where it comes from: the policy's words, a local default, or casestaff.toml."""
    lines = []
    for name, value in params.items():
        source = sources.get(name, LOCAL_DEFAULT)  # a value is the policy's only when a quote says so
        said = _SOURCE_WORDS.get(source) or f'from the policy — "{source}"'
        lines.append(f"    {name}={value}: {said}")
    return lines


def detail(pack: Pack) -> str:
    lines = [
        f"{pack.id}: {pack.name}",
        f"  agency: {pack.agency}",
        f"  policy: {pack.policy.title} ({pack.policy.cite_as})",
    ]
    if pack.policy.reference:
        lines.append(f"          {pack.policy.reference}")
    if pack.policy.effective:
        lines.append(f"          effective {pack.policy.effective}")
    lines.append(f"  holidays: {pack.state} public holidays and weekends are not workdays")
    lines += ["", "Staffing kinds (staffings[].kind):"]
    lines += [f"  {k.id}: {k.name}" for k in pack.staffing_kinds]
    if pack.decision_kinds:
        lines += ["", "Kinds of decision (staffings[].decision_kind):"]
        lines += [f"  {k.id}: {k.name}" for k in pack.decision_kinds]
    lines += _role_lines(pack)
    lines += _rule_lines(pack)
    lines += _provider_cycle_lines(pack)
    lines += ["", f"Agenda parts: {', '.join(pack.agenda_parts)}"]
    lines += _review_area_lines(pack)
    if pack.checklist:
        lines += ["", "Checklist (agenda.checklist; case files: checklist.FIELD):"]
        for item in pack.checklist:
            lines.append(f"  {item.field}: {item.item}")
            lines += _cited(pack, item.citation)
    lines += ["", "Readiness checks (casestaff agenda):"]
    for check in pack.readiness_checks:
        lines.append(f"  {check.id}  [{check.check}({_params(check.params)})], {check.on_fail} when it fails")
        lines.append(f"    {check.title}")
        lines += _cited(pack, check.citation)
        lines += _sources(check.params, check.sources)
    if not pack.readiness_checks:
        lines.append("  none")
    lines += ["", "Requirements (what a staffing must have to count; due, record, agenda and narrate ask them):"]
    for requirement in pack.requirements:
        lines.append(
            f"  {requirement.id}  [{requirement.check}({_params(requirement.params)})],"
            f" {requirement.on_fail} on the agenda when unmet"
        )
        lines.append(f"    {requirement.shown_title()}")
        lines.append(f"    applies to: {_applies(pack, requirement)}")
        lines += _cited(pack, requirement.citation)
        lines += _sources(requirement.params, requirement.sources)
    if not pack.requirements:
        lines.append("  none")
    lines += ["", "Before narrating (casestaff narrate): who was present, the discussion and next steps are recorded"]
    for narration in pack.narration_checks:
        lines.append(f"  {narration.check}" + (f"({_params(narration.params)})" if narration.params else ""))
        lines += _cited(pack, narration.citation) if narration.citation else []
        lines += _sources(narration.params, narration.sources)
    blocks = ", ".join(pack.case_file.parts) if pack.case_file else "every block"
    lines += ["", f"New case files (casestaff new): the common blocks, those the rules read, and: {blocks}"]
    return "\n".join(lines)


def _role_lines(pack: Pack) -> list[str]:
    """The roles a meeting invites, with what each needs before it is invited."""
    lines = ["", "Roles (present[].role):"]
    for role in pack.roles:
        extra = []
        if role.department:
            extra.append("department staff")
        if role.release_form:
            extra.append(f"needs a signed {role.release_form} before being invited")
        if role.invite_for_needs:
            extra.append(f"invited for a child's special needs: {', '.join(role.invite_for_needs)}")
        lines.append(f"  {role.abbr}: {role.title}" + (f" ({'; '.join(extra)})" if extra else ""))
    return lines


def _rule_lines(pack: Pack) -> list[str]:
    """Each rule with its function, parameters, citation and where each parameter comes from."""
    lines = ["", "Rules:"]
    for rule in pack.rules:
        lines.append(f"  {pack.id}.{rule.id}  [{rule.function}({_params(rule.params)})]")
        lines.append(f"    {rule.explain}")
        if rule.hard_deadline:
            lines.append("    hard deadline (hard_deadline: true): `due` marks it HARD, first among flags of its status")
        if rule.satisfied_by:
            lines.append(f"    satisfied by: a {' or '.join(rule.satisfied_by)} held on or after the condition began")
        lines.append(f"    policy: {pack.cite(rule.citation)}")
        if rule.citation.quote:
            lines.append(f"      \"{rule.citation.quote}\"")
        lines += _sources(rule.params, rule.sources)
    return lines


def _provider_cycle_lines(pack: Pack) -> list[str]:
    """The monthly provider cycle's deadlines, when the pack has one."""
    if not pack.provider_cycle:
        return []
    lines = ["", "Monthly provider cycle:"]
    for d in pack.provider_cycle.deadlines:
        when = "last day of the month" if d.month_end else f"day {d.day}"
        if d.workdays_before_meeting:
            when += f", or {d.workdays_before_meeting} workdays before the meeting if earlier"
        lines.append(f"  {d.id}: {d.what} -- by {when} (non-workday: {d.non_workday} workday)")
        if d.done_by:
            done = f"    done: a {d.done_by} held that month for every customer enrolled by then"
            if d.overdue_months:
                done += f"; a month missed stays overdue for {d.overdue_months} months after it"
            lines.append(done)
        lines.append(f"    policy: {pack.cite(d.citation)}")
    return lines


def _review_area_lines(pack: Pack) -> list[str]:
    """The review areas an agenda walks through, with the risk factors that bear on each."""
    if not pack.review_areas:
        return []
    lines = ["", "Review areas (agenda.review_areas; case files: review_areas[].area):"]
    for area in pack.review_areas:
        lines.append(f"  {area.area}: {area.title}")
        bearing = f"    risk factors that bear on it: {', '.join(area.risk_factors) or 'none'}"
        if area.lookback_months is not None:
            bearing += f", within {area.lookback_months} months of the meeting"
        lines.append(bearing)
        if area.release_area:
            lines.append(f"    a partner sees it under a release covering {area.release_area}")
        lines += _cited(pack, area.citation)
    return lines


def _applies(pack: Pack, requirement: RequirementDef) -> str:
    """When a requirement applies, in words."""
    scope = requirement.applies_to
    names = {k.id: k.name for k in pack.decision_kinds}
    parts = []
    if scope.kinds:
        parts.append(f"every {' or '.join(scope.kinds)}")
    for decision in scope.decisions:
        if decision == ANY_DECISION:
            parts.append("a staffing that records a decision or determination")
        elif decision == SANCTION_DECISION:
            parts.append("a staffing that decides on a sanction")
        else:
            parts.append(f"a decision to {names.get(decision, decision)[:1].lower() + names.get(decision, decision)[1:]} ({decision})")
    if scope.rules:
        parts.append(f"a staffing satisfying {', '.join(f'{pack.id}.{r}' for r in scope.rules)}")
    return "; ".join(parts)


def _cited(pack: Pack, citation: Citation) -> list[str]:
    lines = [f"    policy: {pack.cite(citation)}"]
    if citation.quote:
        lines.append(f"      \"{citation.quote}\"")
    return lines
