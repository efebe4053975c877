"""Run a program's rules over one case as of a date: findings become flags, or are satisfied.

A condition is satisfied when a staffing of a kind the rule names was held on or after the
date the condition began (and on or before the as-of date) and meets the pack's requirements
for that rule (rules/requirements.py). A staffing that was held but falls short does not
satisfy it: the flag stays, and its reason says which staffing was held and what it lacked.
What is left gets a status -- overdue, due, upcoming within the window -- its reason in the
pack's words, and its citation.
"""

from __future__ import annotations

import datetime as dt
from casestaff.model.plain import dataclass
from functools import cache

from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.dates import Workdays
from casestaff.model.pack import Pack, RuleDef, local_values, made_once
from casestaff.model.watched import WatchedDay, plain
from casestaff.rules import requirements
from casestaff.rules.flags import Evidence, Flag, LocalValue, flag_order, status_of
from casestaff.rules.functions import RULE_SPECS, RuleContext
from casestaff.rules.requirements import Assessed, Shortfall


@cache
def workdays_for(state: str) -> Workdays:
    return Workdays(state)


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format_map(values)


@dataclass(frozen=True)
class NotCounted:
    """A staffing that would have satisfied a flag, and what it lacked: the flag stays."""

    staffing: model.Staffing
    shortfalls: tuple[Shortfall, ...]

    def reason(self) -> str:
        """The words a flag's reason ends with: `the 2026-11-20 staffing did not count: ...`."""
        return f"the {self.staffing.date.isoformat()} staffing did not count: {'; '.join(s.says for s in self.shortfalls)}"

    def evidence(self) -> Evidence:
        return Evidence(f"{self.staffing.kind} held, did not count", self.staffing.date.isoformat(), self.staffing.line_of("date"))


def _satisfied(case: model.Case, step: _Step, since: dt.date, held_by_day: list[model.Staffing]) -> tuple[bool, NotCounted | None]:
    """(satisfied, the staffing that would have been) for a condition that began on `since`:
    satisfied by a staffing of a kind the rule names held on or after `since`, by the as-of date
    (`held_by_day`: every staffing held by it, oldest first), that meets the requirements for the
    rule; else the latest such staffing that falls short."""
    kinds = step.rule.satisfied_by
    held = [s for s in held_by_day if s.kind in kinds and s.date >= since]
    if not held:
        return False, None
    if not step.guarded:
        return True, None
    short = None
    for staffing in reversed(held):
        lacks = _shortfalls(case, staffing, step.pack, step.rule.id)
        if not lacks:
            return True, None
        if short is None:
            short = NotCounted(staffing, tuple(lacks))
    return False, short


def rule_context(pack: Pack, rule: RuleDef, as_of: dt.date) -> RuleContext:
    """What a rule function of the pack is given as of a date: the workdays of the pack's state,
    the kinds that satisfy the rule, and -- when some requirement could apply -- which staffings
    of those kinds count for it."""

    def counts(case: model.Case, staffing: model.Staffing) -> bool:
        return not _shortfalls(case, staffing, pack, rule.id)

    return RuleContext(
        as_of=as_of,
        workdays=workdays_for(pack.state),
        satisfied_by=tuple(rule.satisfied_by),
        counts=counts if requirements.guards_rule(pack, rule.id, rule.satisfied_by) else None,
    )


_EVALUATING: list[tuple[model.Case, Assessed] | None] = [None]
"""The case evaluate_case_held is running the rules of, and the requirements' verdicts on its
staffings so far: a staffing that would satisfy several rules is asked the same requirements for
each -- those that apply to the decision it records apply whatever the rule -- and by a rule
function (RuleContext.counts) and then the engine for the same one (issue 11). Only while it
runs: outside, a context's `counts` asks afresh (evaluations never nest, nor run in threads, as
model/watched.py says)."""


def _shortfalls(case: model.Case, staffing: model.Staffing, pack: Pack, rule: str) -> list[Shortfall]:
    """requirements.shortfalls, with the verdicts already made on the staffings of the case being
    evaluated (_EVALUATING), for the engine and a rule function's `counts` alike."""
    evaluating = _EVALUATING[0]
    assessed = evaluating[1] if evaluating is not None and evaluating[0] is case else None
    return requirements.shortfalls(case, staffing, pack, rule=rule, assessed=assessed)


class _Step:
    """One rule of a pack, ready to run as of a date (built once per pack and date, not per case)."""

    __slots__ = ("pack", "rule", "function", "context", "params", "rule_id", "citation", "guarded", "local_default")

    def __init__(self, pack: Pack, rule: RuleDef, as_of: dt.date) -> None:
        self.pack = pack
        self.rule = rule
        self.function = RULE_SPECS[rule.function].function
        self.context = rule_context(pack, rule, as_of)
        self.guarded = self.context.counts is not None
        self.params = rule.params
        self.rule_id = f"{pack.id}.{rule.id}"
        self.citation = pack.cite(rule.citation)
        self.local_default = tuple(LocalValue(*value) for value in local_values(rule.params, rule.sources))


def _plan(pack: Pack, as_of: dt.date) -> list[_Step]:
    # A watched day's steps are its own (their contexts hold it), and its key is its plain value:
    # hashing the day itself would make every answer a one-day answer (model/watched.py).
    what = ("plan", plain(as_of), isinstance(as_of, WatchedDay))
    return made_once(pack, what, _steps, as_of)


def _steps(pack: Pack, as_of: dt.date) -> list[_Step]:
    return [_Step(pack, rule, as_of) for rule in pack.rules]


def evaluate_case_held(
    case: model.Case, pack: Pack, as_of: dt.date, within: int, worker: str = "", window_end: dt.date | None = None
) -> list[tuple[Flag, NotCounted | None]]:
    """Every flag the pack's rules raise for one case, each with the staffing held for it that did
    not count (None when none was held): overdue, then due, then upcoming; soonest first. The
    window is `within` days from `as_of`, or ends on `window_end` when that is given."""
    found: list[tuple[Flag, NotCounted | None]] = []
    if window_end is None:  # once a case, not once a finding (a watched day's sum is a new watched day)
        window_end = as_of + dt.timedelta(days=within)
    participant = case.participant.name
    case_worker = case.worker or worker
    # The staffings held by the day, worked out once a case when a finding first asks, not once a
    # finding: a benchmark program has six findings a case (issue 11).
    held_by_day: list[model.Staffing] | None = None
    before = _EVALUATING[0]
    _EVALUATING[0] = (case, {})
    try:
        for step in _plan(pack, as_of):
            rule = step.rule
            for finding in step.function(case, step.context, **step.params):
                held = None
                if finding.satisfiable:
                    if held_by_day is None:
                        held_by_day = queries.staffings_held(case, as_of)
                    satisfied, held = _satisfied(case, step, finding.since, held_by_day)
                    if satisfied:
                        continue
                status = status_of(finding.since, finding.due, as_of, within, window_end)
                if status is None:
                    continue
                reason = _fill(rule.reason, {**step.params, **finding.facts})
                evidence = finding.evidence
                if held is not None:
                    reason = f"{reason}; {held.reason()}"
                    evidence = (*evidence, held.evidence())
                # Positional, in Flag's field order (case, file, participant, worker, program, rule,
                # reason, evidence, since, due, status, citation, local_default, hard_deadline):
                # 0.16 us a flag, not 0.52 by keyword (issue 11).
                flag = Flag(
                    case.case_id, case.file, participant, case_worker, pack.id, step.rule_id, reason, evidence,
                    finding.since, finding.due, status, step.citation, step.local_default, rule.hard_deadline,
                )  # fmt: skip
                found.append((flag, held))
    finally:
        _EVALUATING[0] = before
    if len(found) > 1:
        found.sort(key=_pair_order)
    return found


def _pair_order(pair: tuple[Flag, NotCounted | None]) -> tuple[int, bool, dt.date, str]:
    return flag_order(pair[0])


def evaluate_case(
    case: model.Case, pack: Pack, as_of: dt.date, within: int, worker: str = "", window_end: dt.date | None = None
) -> list[Flag]:
    """Every flag the pack's rules raise for one case: overdue, then due, then upcoming; soonest first."""
    return [flag for flag, _ in evaluate_case_held(case, pack, as_of, within, worker, window_end)]
