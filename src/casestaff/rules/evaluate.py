"""Run a program's rules over one case as of a date: findings become flags, or are satisfied.

A condition is satisfied when a staffing of a kind the rule names was held on or after the
date the condition began (and on or before the as-of date). What is left gets a status --
overdue, due, upcoming within the window -- its reason in the pack's words, and its citation.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.dates import Workdays
from casestaff.model.pack import Pack, RuleDef, local_values
from casestaff.rules.flags import STATUS_ORDER, Flag, LocalValue, status_of
from casestaff.rules.functions import RULE_SPECS, RuleContext


@cache
def workdays_for(state: str) -> Workdays:
    return Workdays(state)


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format_map(values)


def _satisfied(case: model.Case, rule: RuleDef, since: dt.date, as_of: dt.date) -> bool:
    """A staffing of a kind the rule names was held on or after `since`, by the as-of date."""
    last = queries.latest_staffing(case, as_of, rule.satisfied_by)
    return last is not None and last.date >= since


class _Step:
    """One rule of a pack, ready to run as of a date (built once per pack and date, not per case)."""

    __slots__ = ("rule", "function", "context", "params", "rule_id", "citation", "local_default")

    def __init__(self, pack: Pack, rule: RuleDef, as_of: dt.date) -> None:
        self.rule = rule
        self.function = RULE_SPECS[rule.function].function
        self.context = RuleContext(as_of=as_of, workdays=workdays_for(pack.state), satisfied_by=tuple(rule.satisfied_by))
        self.params = rule.params
        self.rule_id = f"{pack.id}.{rule.id}"
        self.citation = pack.cite(rule.citation)
        self.local_default = tuple(LocalValue(*value) for value in local_values(rule.params, rule.sources))


_PLANS: dict[tuple[int, dt.date], tuple[Pack, list[_Step]]] = {}


def _plan(pack: Pack, as_of: dt.date) -> list[_Step]:
    key = (id(pack), as_of)
    found = _PLANS.get(key)
    if found is None or found[0] is not pack:
        found = (pack, [_Step(pack, rule, as_of) for rule in pack.rules])
        _PLANS[key] = found
    return found[1]


def evaluate_case(case: model.Case, pack: Pack, as_of: dt.date, within: int, worker: str = "") -> list[Flag]:
    """Every flag the pack's rules raise for one case: overdue, then due, then upcoming; soonest first."""
    flags: list[Flag] = []
    participant = case.participant.name
    case_worker = case.worker or worker
    for step in _plan(pack, as_of):
        rule = step.rule
        for finding in step.function(case, step.context, **step.params):
            if finding.satisfiable and _satisfied(case, rule, finding.since, as_of):
                continue
            status = status_of(finding.since, finding.due, as_of, within)
            if status is None:
                continue
            flags.append(
                Flag(
                    case=case.case_id,
                    file=case.file,
                    participant=participant,
                    worker=case_worker,
                    program=pack.id,
                    rule=step.rule_id,
                    reason=_fill(rule.reason, {**step.params, **finding.facts}),
                    evidence=finding.evidence,
                    since=finding.since,
                    due=finding.due,
                    status=status,
                    citation=step.citation,
                    local_default=step.local_default,
                )
            )
    flags.sort(key=lambda f: (STATUS_ORDER[f.status], f.due, f.rule))
    return flags
