"""Run a program's rules over one case as of a date: findings become flags, or are satisfied.

A condition is satisfied when a staffing of a kind the rule names was held on or after the
date the condition began (and on or before the as-of date). What is left gets a status --
overdue, due, upcoming within the window -- its reason in the pack's words, and its citation.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from . import model
from .dates import Workdays
from .flags import Flag, status_of
from .packs import Pack, RuleDef
from .rules import RULE_FUNCTIONS, RuleContext


@lru_cache(maxsize=None)
def workdays_for(state: str) -> Workdays:
    return Workdays(state)


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format_map(values)


def _satisfied(case: model.Case, rule: RuleDef, since: dt.date, as_of: dt.date) -> bool:
    kinds = rule.satisfied_by
    return any(s.kind in kinds and since <= s.date <= as_of for s in case.staffings)


def evaluate_case(case: model.Case, pack: Pack, as_of: dt.date, within: int, worker: str = "") -> list[Flag]:
    """Every flag the pack's rules raise for one case, soonest due first."""
    workdays = workdays_for(pack.state)
    flags: list[Flag] = []
    participant = case.participant.name
    case_worker = case.worker or worker
    for rule in pack.rules:
        context = RuleContext(as_of=as_of, workdays=workdays, satisfied_by=tuple(rule.satisfied_by))
        function = RULE_FUNCTIONS[rule.function]
        for finding in function(case, context, **rule.params):
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
                    rule=f"{pack.id}.{rule.id}",
                    reason=_fill(rule.reason, {**rule.params, **finding.facts}),
                    evidence=finding.evidence,
                    since=finding.since,
                    due=finding.due,
                    status=status,
                    citation=pack.cite(rule.citation),
                )
            )
    flags.sort(key=lambda f: (f.due, f.rule))
    return flags
