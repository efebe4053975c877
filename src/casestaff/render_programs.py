"""`casestaff programs`: the packs, their rules, parameters and citations, as plain text."""

from __future__ import annotations

import inspect

from .packs import Pack, PackSet
from .rules import FACTS, RULE_FUNCTIONS


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
    return "\n".join(lines)


def functions() -> str:
    lines = ["Rule functions a pack may name (parameters are required; reason texts may use the facts):", ""]
    for name, function in RULE_FUNCTIONS.items():
        params = [
            f"{p.name}: {p.annotation}"
            for p in inspect.signature(function).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        lines.append(f"  {name}({', '.join(params)})")
        lines.append(f"    {(function.__doc__ or '').strip().splitlines()[0]}")
        lines.append(f"    facts: {', '.join(sorted(FACTS[name]))}")
    return "\n".join(lines)
