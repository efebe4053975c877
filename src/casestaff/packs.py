"""Program packs: a program's policy as data -- roles, staffing kinds, rules, calendar, outline,
and what its agenda, narration and new case files hold.

A pack is a YAML file. The built-in ones travel inside the package; users add their own or
change a threshold from casestaff.toml, without touching Python. Packs are validated like case
files (every problem with its line and column), then linted: each rule, readiness check and
narration check must name a known function, give exactly the parameters it takes with the right
types, and cite its policy; each agenda or case-file part must be one casestaff knows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from . import yamlread
from .dates import US_STATES
from .model import Record, doc
from .problems import Problem, did_you_mean
from .rules import FACTS, RULE_FUNCTIONS

if TYPE_CHECKING:
    from .config import Config


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


@dataclass(kw_only=True, slots=True)
class RoleDef(Record):
    abbr: str = doc("Abbreviation used in case files and narrations (FC, Manager ...).")
    title: str = doc("Full title.")
    department: bool = doc("true for department staff (counted toward team minimums).", False)
    release_form: str | None = doc("Release the participant must sign before this role may be invited.", None)
    note: str | None = doc("What this role does at the staffing.", None)


@dataclass(kw_only=True, slots=True)
class StaffingKindDef(Record):
    id: str = doc("Identifier written in case files (staffings[].kind).")
    name: str = doc("Human name.")


@dataclass(kw_only=True, slots=True)
class RuleDef(Record):
    id: str = doc("Rule id, unique in the pack.")
    function: str = doc("The rule function (see `casestaff programs ID`).")
    params: dict[str, Any] = doc("Parameters of the function: thresholds in days or months.", {})
    satisfied_by: list[str] = doc("Kinds of staffing that satisfy the condition once held on or after it began.", [])
    explain: str = doc("One line: what the rule checks and why.")
    reason: str = doc("The reason shown on a flag; {names} are filled from the finding and params.")
    citation: Citation = doc("Where the policy says so.")


@dataclass(kw_only=True, slots=True)
class DeadlineDef(Record):
    id: str = doc("Deadline id.")
    what: str = doc("What must happen by then.")
    day: int | None = doc("Day of the month the deadline falls on.", None)
    month_end: bool = doc("true: the deadline is the last day of the month.", False)
    workdays_before_meeting: int | None = doc("Also this many workdays before the meeting, when its date is known.", None)
    non_workday: Literal["previous", "next", "keep"] = doc(
        "When the deadline falls on a weekend or holiday: previous workday (default), next, or keep.", "previous"
    )
    done_by: str | None = doc("A staffing kind that, held that month, shows this deadline met.", None)
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
    on_fail: Literal["blocking", "warning"] = doc(
        "When the check fails: blocking (the agenda says so and casestaff exits with 3) or warning.", "blocking"
    )
    citation: Citation = doc("Where the policy says so.")


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


@dataclass(kw_only=True, slots=True)
class NarrationCheckDef(Record):
    check: str = doc("The narration check function (see `casestaff programs --functions`).")
    params: dict[str, Any] = doc("Parameters of the function, when it takes any (minimum: 3).", {})
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
    roles: list[RoleDef] = doc("Roles at its staffings.")
    rules: list[RuleDef] = doc("When a staffing is needed.")
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
    def narration_checks(self) -> list[NarrationCheckDef]:
        return self.narration.checks if self.narration else []

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.staffing_kinds)

    def role(self, abbr: str) -> RoleDef | None:
        wanted = abbr.casefold()
        return next((r for r in self.roles if r.abbr.casefold() == wanted), None)

    def cite(self, citation: Citation) -> str:
        return f"{self.policy.cite_as}, {citation.section}"


# ---------------------------------------------------------------------------------------------
# Parameter types come from the functions' own signatures (rules, readiness and narration checks).


def _param_types(function: Callable[..., Any]) -> dict[str, str]:
    import inspect

    signature = inspect.signature(function)
    return {
        name: str(p.annotation)
        for name, p in signature.parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def _fits(value: Any, annotation: str) -> bool:
    if annotation == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation == "list[int]":
        return isinstance(value, list) and all(_fits(v, "int") for v in value)
    if annotation == "list[str]":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return False  # pragma: no cover - a rule function with an unsupported parameter type


MAX_PARAM = 36_500
"""No policy counts further than 100 years of days; past that, date arithmetic overflows."""

_TYPE_WORDS = {"int": "a whole number", "float": "a number", "list[int]": "a list of whole numbers", "list[str]": "a list of names"}


def check_params(function: str, params: Mapping[str, Any], functions: Mapping[str, Callable[..., Any]] = RULE_FUNCTIONS) -> list[str]:
    """What is wrong with `params` for `function` (a name in `functions`): unknown, missing or mistyped parameters."""
    return [message for _, message in param_problems(function, params, functions)]


def param_problems(
    function: str, params: Mapping[str, Any], functions: Mapping[str, Callable[..., Any]] = RULE_FUNCTIONS
) -> list[tuple[str | None, str]]:
    """check_params with the parameter each message is about (None: one that is missing)."""
    wanted = _param_types(functions[function])
    counts = "counts days, months or a share: it " if functions is RULE_FUNCTIONS else ""  # what rule thresholds are
    messages: list[tuple[str | None, str]] = []
    for name, value in params.items():
        if name not in wanted:
            known = ", ".join(wanted) or "none"
            messages.append((name, f"{function} has no parameter '{name}'{did_you_mean(name, wanted)}; it takes: {known}"))
        elif not _fits(value, wanted[name]):
            messages.append((name, f"parameter '{name}' of {function} must be {_TYPE_WORDS[wanted[name]]}, not {value!r}"))
        elif any(v < 0 for v in (value if isinstance(value, list) else [value]) if isinstance(v, (int, float))):
            messages.append((name, f"parameter '{name}' of {function} {counts}cannot be negative ({value!r})"))
        elif any(v > MAX_PARAM for v in (value if isinstance(value, list) else [value]) if isinstance(v, (int, float))):
            messages.append((name, f"parameter '{name}' of {function} cannot be more than {MAX_PARAM} (100 years of days), not {value!r}"))
    for name in wanted:
        if name not in params:
            messages.append((None, f"{function} needs the parameter '{name}' ({_TYPE_WORDS[wanted[name]]})"))
    return messages


def template_fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def lint_pack(pack: Pack, file: str) -> list[Problem]:
    """Semantic checks a schema cannot express: functions, parameters, kinds, ids, templates."""
    problems: list[Problem] = []

    def at(record: Record, field: str, message: str) -> None:
        line, col = record.at.get(field, record.pos)
        problems.append(Problem(file, line, col, message))

    if pack.state not in US_STATES:
        at(
            pack,
            "state",
            f"state '{pack.state}' is not a US state code that has a public holiday calendar;"
            " write two capital letters such as IL, LA or OR",
        )
    kinds = pack.kind_ids
    seen: set[str] = set()
    for rule in pack.rules:
        if rule.id in seen:
            at(rule, "id", f"rule id '{rule.id}' is used twice in {pack.id}; give each rule its own id")
        seen.add(rule.id)
        if rule.function not in RULE_FUNCTIONS:
            at(
                rule,
                "function",
                f"rule {rule.id}: unknown rule function '{rule.function}'"
                f"{did_you_mean(rule.function, RULE_FUNCTIONS)}; see `casestaff programs --functions`",
            )
            continue
        for message in check_params(rule.function, rule.params):
            at(rule, "params", f"rule {rule.id}: {message}")
        for kind in rule.satisfied_by:
            if kind not in kinds:
                at(rule, "satisfied_by", f"rule {rule.id}: '{kind}' is not a staffing kind of {pack.id}{did_you_mean(kind, kinds)}")
        allowed = FACTS[rule.function] | set(rule.params)
        try:
            names = template_fields(rule.reason)
        except ValueError as exc:
            at(rule, "reason", f"rule {rule.id}: the reason text has a stray brace ({exc}); write {{{{ or }}}} for a literal brace")
            continue
        for name in names:
            if name not in allowed:
                at(
                    rule,
                    "reason",
                    f"rule {rule.id}: the reason uses {{{name}}}, which {rule.function} does not give"
                    f"{did_you_mean(name, allowed)}; available: {', '.join(sorted(allowed))}",
                )
        for _, name, spec, conversion in string.Formatter().parse(rule.reason):
            if name is not None and (spec or conversion):
                at(
                    rule,
                    "reason",
                    f"rule {rule.id}: write {{{name}}} in the reason, without '!' or ':' after the name;"
                    " the value is filled in as it is",
                )
        if not rule.citation.section.strip():
            at(rule, "citation", f"rule {rule.id}: the citation needs the policy section")
    if pack.provider_cycle:
        for deadline in pack.provider_cycle.deadlines:
            if deadline.day is None and not deadline.month_end:
                at(deadline, "id", f"deadline {deadline.id}: give a day of the month (day: 10) or month_end: true")
            if deadline.day is not None and not 1 <= deadline.day <= 31:
                at(deadline, "day", f"deadline {deadline.id}: day must be 1 to 31")
            if deadline.done_by and deadline.done_by not in kinds:
                at(deadline, "done_by", f"deadline {deadline.id}: '{deadline.done_by}' is not a staffing kind of {pack.id}")
        for kind in pack.provider_cycle.customer_kinds:
            if kind not in kinds:
                at(pack.provider_cycle, "customer_kinds", f"'{kind}' is not a staffing kind of {pack.id}")
    _lint_agenda_narration_case_file(pack, at)
    return problems


def _lint_agenda_narration_case_file(pack: Pack, at: Callable[[Record, str, str], None]) -> None:
    """Every agenda part, readiness check, narration check and case-file block names one casestaff has."""
    from .agenda_parts import PART_BUILDERS
    from .model import Case
    from .narrate import NARRATION_CHECKS
    from .readiness import READINESS_CHECKS
    from .spec import fields_of

    see = "see `casestaff programs --functions`"

    def named_once(record: Record, field: str, names: list[str], known: Mapping[str, Any], what: str, where: str, listed: str = see) -> None:
        seen: set[str] = set()
        for name in names:
            if name not in known:
                at(record, field, f"{where}: '{name}' is not {what}{did_you_mean(name, known)}; {listed}")
            elif name in seen:
                at(record, field, f"{where}: '{name}' is listed twice; list each once")
            seen.add(name)

    def function_with_params(record: Record, where: str, name: str, params: Mapping[str, Any], known: Mapping[str, Any], what: str) -> None:
        if name not in known:
            at(record, "check", f"{where}: unknown {what} '{name}'{did_you_mean(name, known)}; {see}")
            return
        for message in check_params(name, params, known):
            at(record, "params", f"{where}: {message}")

    if pack.agenda is not None:
        if pack.agenda.parts is not None:
            named_once(pack.agenda, "parts", pack.agenda.parts, PART_BUILDERS, "an agenda part", "agenda.parts")
        ids: set[str] = set()
        for check in pack.agenda.readiness:
            where = f"readiness check {check.id}"
            if check.id in ids:
                at(check, "id", f"readiness check id '{check.id}' is used twice in {pack.id}; give each check its own id")
            ids.add(check.id)
            function_with_params(check, where, check.check, check.params, READINESS_CHECKS, "readiness check")
            if not check.citation.section.strip():
                at(check, "citation", f"{where}: the citation needs the policy section")
    for check in pack.narration_checks:
        function_with_params(check, "narration.checks", check.check, check.params, NARRATION_CHECKS, "narration check")
        if check.citation is not None and not check.citation.section.strip():
            at(check, "citation", f"narration.checks: {check.check}: the citation needs the policy section")
    if pack.case_file is not None:
        blocks = {name: None for name in fields_of(Case)}
        named_once(
            pack.case_file, "parts", pack.case_file.parts, blocks, "a case-file block", "case_file.parts", "docs/case-files.md lists them"
        )


# ---------------------------------------------------------------------------------------------


def read_pack(data: bytes, file: str, *, lint: bool = True) -> tuple[Pack | None, list[Problem]]:
    """Parse, validate and lint one pack file.

    The built-in packs are linted by the test suite, not on every run (`lint=False`): the
    lint imports `inspect`, and start-up time is part of every command.
    """
    from .casefile import build_record  # the same validator as case files

    pack, problems = build_record(data, file, Pack)
    if pack is None:
        return None, problems
    problems = lint_pack(pack, file) if lint else []
    return (None, problems) if problems else (pack, [])


@dataclass(frozen=True)
class PackSet:
    """The packs in force: built-in ones, the user's, with the user's parameter overrides."""

    packs: Mapping[str, Pack]
    fingerprint: str

    def get(self, program: str) -> Pack | None:
        return self.packs.get(program)


def builtin_pack_files() -> list[tuple[str, bytes]]:
    folder = resources.files("casestaff").joinpath("program_packs")
    return sorted(
        (f"casestaff/program_packs/{entry.name}", entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    )


def with_params(pack: Pack, rule_id: str, params: Mapping[str, Any]) -> tuple[Pack, list[tuple[str | None, str]]]:
    """The pack with one rule's parameters overridden, and what is wrong with the override
    (each message with the parameter it is about, None when about the rule)."""
    rule = next((r for r in pack.rules if r.id == rule_id), None)
    if rule is None:
        ids = [r.id for r in pack.rules]
        return pack, [(None, f"{pack.id} has no rule '{rule_id}'{did_you_mean(rule_id, ids)}; its rules: {', '.join(ids)}")]
    merged = {**rule.params, **params}
    errors = param_problems(rule.function, merged)
    if errors:
        return pack, errors
    rules = [replace(r, params=merged) if r is rule else r for r in pack.rules]
    return replace(pack, rules=rules), []


def fingerprint(parts: list[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:16]


def parse_pack_yaml(data: bytes) -> Any:
    """A pack file's plain data (for tools and tests)."""
    return yamlread.to_plain(yamlread.parse(yamlread.decode(data)))


def load_packset(config: Config) -> PackSet:
    """The built-in packs plus the user's, with casestaff.toml's state and parameter overrides.

    Raises ConfigError (every problem, located) when a user pack or an override is wrong.
    """
    from .config import ConfigError

    problems: list[Problem] = []
    packs: dict[str, Pack] = {}
    parts: list[bytes] = []
    sources = builtin_pack_files()
    builtin = len(sources)
    for path in config.pack_files:
        try:
            sources.append((str(path), yamlread.read_file(path)[0]))
        except yamlread.ReadError as exc:
            problems.append(Problem(str(path), exc.line, exc.col, exc.message))
        except OSError as exc:
            shown = str(config.file) if config.file else str(path)
            problems.append(Problem(shown, 1, 1, f"cannot read pack file {path}: {exc.strerror}"))
    for index, (file, data) in enumerate(sources):
        pack, found = read_pack(data, file, lint=index >= builtin)
        problems.extend(found)
        if pack is not None:
            packs[pack.id] = pack
            parts.append(data)
    shown = str(config.file) if config.file else "casestaff.toml"
    for program, state in config.program_states.items():
        if program not in packs:
            line, col = config.key_lines.get(program, (1, 1))
            problems.append(Problem(shown, line, col, f"programs.{program}: no such program{did_you_mean(program, packs)}"))
        else:
            packs[program] = replace(packs[program], state=state)
    if config.state:
        for program, pack in packs.items():
            if program not in config.program_states:
                packs[program] = replace(pack, state=config.state)
    for (program, rule_id), params in config.rule_params.items():
        pack = packs.get(program)
        if pack is None:
            line, col = config.key_lines.get(program, (1, 1))
            problems.append(Problem(shown, line, col, f"programs.{program}: no such program{did_you_mean(program, packs)}"))
            continue
        packs[program], errors = with_params(pack, rule_id, params)
        for param, error in errors:  # at the parameter's own line when it is the one written there
            rule_at = config.key_lines.get(f"{program}.{rule_id}", (1, 1))
            line, col = config.key_lines.get(f"{program}.{rule_id}.{param}", rule_at) if param in params else rule_at
            problems.append(Problem(shown, line, col, f"programs.{program}.rules.{rule_id}: {error}"))
    if problems:
        raise ConfigError(problems)
    settings = repr(
        (sorted(config.program_states.items()), config.state, sorted((k, sorted(v.items())) for k, v in config.rule_params.items()))
    ).encode()
    return PackSet(packs=packs, fingerprint=fingerprint([*parts, settings]))
