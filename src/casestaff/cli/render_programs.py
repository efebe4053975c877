"""`casestaff programs`: the packs, their rules, checks, parameters and citations, as plain text."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

from casestaff.documents.agenda_parts import PART_BUILDERS
from casestaff.documents.narrate import NARRATION_CHECKS
from casestaff.documents.readiness import READINESS_CHECKS
from casestaff.model.pack import Citation, Pack, PackSet
from casestaff.rules.functions import FACTS, RULE_FUNCTIONS


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
    lines += ["", "Roles (present[].role):"]
    for role in pack.roles:
        extra = []
        if role.department:
            extra.append("department staff")
        if role.release_form:
            extra.append(f"needs a signed {role.release_form} before being invited")
        lines.append(f"  {role.abbr}: {role.title}" + (f" ({'; '.join(extra)})" if extra else ""))
    lines += ["", "Rules:"]
    for rule in pack.rules:
        lines.append(f"  {pack.id}.{rule.id}  [{rule.function}({_params(rule.params)})]")
        lines.append(f"    {rule.explain}")
        if rule.satisfied_by:
            lines.append(f"    satisfied by: a {' or '.join(rule.satisfied_by)} held on or after the condition began")
        lines.append(f"    policy: {pack.cite(rule.citation)}")
        if rule.citation.quote:
            lines.append(f"      \"{rule.citation.quote}\"")
    if pack.provider_cycle:
        lines += ["", "Monthly provider cycle:"]
        for d in pack.provider_cycle.deadlines:
            when = "last day of the month" if d.month_end else f"day {d.day}"
            if d.workdays_before_meeting:
                when += f", or {d.workdays_before_meeting} workdays before the meeting if earlier"
            lines.append(f"  {d.id}: {d.what} -- by {when} (non-workday: {d.non_workday} workday)")
            lines.append(f"    policy: {pack.cite(d.citation)}")
    lines += ["", f"Agenda parts: {', '.join(pack.agenda_parts)}"]
    lines += ["", "Readiness checks (casestaff agenda):"]
    for check in pack.readiness_checks:
        lines.append(f"  {check.id}  [{check.check}({_params(check.params)})], {check.on_fail} when it fails")
        lines.append(f"    {check.title}")
        lines += _cited(pack, check.citation)
    if not pack.readiness_checks:
        lines.append("  none")
    lines += ["", "Before narrating (casestaff narrate): who was present, the discussion and next steps are recorded"]
    for narration in pack.narration_checks:
        lines.append(f"  {narration.check}" + (f"({_params(narration.params)})" if narration.params else ""))
        lines += _cited(pack, narration.citation) if narration.citation else []
    blocks = ", ".join(pack.case_file.parts) if pack.case_file else "every block"
    lines += ["", f"New case files (casestaff new): the common blocks, those the rules read, and: {blocks}"]
    return "\n".join(lines)


def _cited(pack: Pack, citation: Citation) -> list[str]:
    lines = [f"    policy: {pack.cite(citation)}"]
    if citation.quote:
        lines.append(f"      \"{citation.quote}\"")
    return lines


def _signatures(functions: Mapping[str, Callable[..., Any]], facts: Mapping[str, Any] | None = None) -> list[str]:
    """Each function as a pack names it, with its parameters and the first line of its docstring."""
    lines = []
    for name, function in functions.items():
        params = [
            f"{p.name}: {p.annotation}"
            for p in inspect.signature(function).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        lines.append(f"  {name}({', '.join(params)})")
        lines.append(f"    {(function.__doc__ or '').strip().splitlines()[0]}")
        if facts is not None:
            lines.append(f"    facts: {', '.join(sorted(facts[name]))}")
    return lines


def functions() -> str:
    lines = ["Rule functions a pack may name (parameters are required; reason texts may use the facts):", ""]
    lines += _signatures(RULE_FUNCTIONS, FACTS)
    lines += ["", "Readiness checks agenda.readiness may name (check:, with params: when it takes any):", ""]
    lines += _signatures(READINESS_CHECKS)
    lines += ["", "Narration checks narration.checks may name (check:, with params: when it takes any):", ""]
    lines += _signatures(NARRATION_CHECKS)
    lines += ["", "Agenda parts agenda.parts may name (the program's agenda template shows them):", ""]
    lines.append(f"  {', '.join(PART_BUILDERS)}")
    return "\n".join(lines)
