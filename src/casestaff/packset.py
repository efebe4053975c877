"""The pack set: program packs read, linted and resolved -- a program's policy as data (roles,
staffing kinds, rules, calendar, outline, and what its agenda, narration and new case files
hold), with every name it uses checked against the functions casestaff has.

A pack is a YAML file. The built-in ones travel inside the package; users add their own or
change a threshold from casestaff.toml, without touching Python. Packs are validated like case
files (every problem with its line and column), then linted: each rule, readiness check and
narration check must name a known function, give exactly the parameters it takes with the right
types, and cite its policy; each agenda or case-file part must be one casestaff knows, and the
policy lists an agenda part shows (review areas, checklist) must be there, each entry cited.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from casestaff.files import yamlread
from casestaff.files.casefile import build_record  # the same validator as case files
from casestaff.files.config import Config, ConfigError, param_key
from casestaff.files.digest import blake2b
from casestaff.model.dates import US_STATES
from casestaff.model.catalogue import AGENDA_PARTS, NARRATION_CHECKS, READINESS_CHECKS
from casestaff.model.named import Takes
from casestaff.model.pack import BUILTIN_DECISIONS, LOCAL_DEFAULT, SET_IN_CONFIG, Citation, Pack, PackSet, RequirementDef
from casestaff.model.problems import Problem, did_you_mean
from casestaff.model.records import Case, Checklist, Record
from casestaff.model.spec import fields_of
from casestaff.rules.functions import RULE_SPECS
from casestaff.rules.requirements import REQUIREMENT_SPECS


def _close_matches(word: str, choices: list[str], cutoff: float) -> list[str]:
    """difflib's close matches, imported only when a source looks like a misspelt local default:
    not on every run's path (issue 11)."""
    import difflib

    return difflib.get_close_matches(word, choices, cutoff=cutoff)


# ---------------------------------------------------------------------------------------------
# Parameter types come from the functions' own signatures (each record's `params`).


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


def check_params(function: str, params: Mapping[str, Any], specs: Mapping[str, Takes] | None = None) -> list[str]:
    """What is wrong with `params` for `function` (a name in `specs`, by default the rule functions):
    unknown, missing or mistyped parameters."""
    return [message for _, message in param_problems(function, params, specs)]


def param_problems(
    function: str, params: Mapping[str, Any], specs: Mapping[str, Takes] | None = None
) -> list[tuple[str | None, str]]:
    """check_params with the parameter each message is about (None: one that is missing)."""
    rules = specs is None
    wanted = (RULE_SPECS if specs is None else specs)[function].params
    counts = "counts days, months or a share: it " if rules else ""  # what rule thresholds are
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


_NOT_QUITE_LOCAL = ("local", "default", "local practice", SET_IN_CONFIG)
"""Sources a pack may mean as 'local default' but that would read as a quote from the policy."""


def source_problems(params: Mapping[str, Any], sources: Mapping[str, Any], takes: Collection[str]) -> list[tuple[str, str]]:
    """What is wrong with a rule's or check's `sources:`, each message with the field it is about:
    every parameter its function `takes` says where its value comes from -- the policy's words, or
    'local default' -- and sources names nothing else."""
    messages = []
    for name, value in params.items():
        if name in takes and name not in sources:
            messages.append(
                (
                    "params",
                    f"parameter '{name}' does not say where {value!r} comes from; under sources:, give the policy's words"
                    f" that state it, or write {name}: {LOCAL_DEFAULT} when the policy sets no number",
                )
            )
    for name, source in sources.items():
        if name not in params:
            known = ", ".join(params) or "none"
            messages.append(
                ("sources", f"sources names '{name}', which is not one of its params{did_you_mean(name, params)}; its params: {known}")
            )
        elif not isinstance(source, str) or not source.strip():
            messages.append(
                (
                    "sources",
                    f"the source of '{name}' must be text: the policy's words that give {params[name]!r}, or {LOCAL_DEFAULT};"
                    f" not {source!r}",
                )
            )
        elif source != LOCAL_DEFAULT and (
            source.strip().casefold() in _NOT_QUITE_LOCAL or _close_matches(source.casefold(), [LOCAL_DEFAULT], cutoff=0.8)
        ):
            messages.append(
                (
                    "sources",
                    f"the source of '{name}' is '{source}'; write {LOCAL_DEFAULT}, in those words, when the policy sets no number"
                    " (casestaff marks a value set in casestaff.toml itself)",
                )
            )
    return messages


def template_fields(template: str) -> list[str]:
    import string  # here, as in template_mistakes: only a pack's lint reads templates, not every start

    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def template_mistakes(
    template: str, called: str, allowed: Collection[str], not_given: str, listing: str, *, whole: str = ""
) -> tuple[list[str], bool]:
    """What is wrong with a pack text whose {names} are filled in (a rule's reason, a requirement's
    title), `called` as the messages name it (`whole` when it has a stray brace), and whether it could
    be read at all: a stray brace, a name not in `allowed` (said as `not_given`, then `listing`), a
    name written with '!' or ':' after it."""
    import string  # here: the built-in packs are linted by the tests, so `casestaff due` need not load it

    try:
        fields = [(name, bool(spec or conversion)) for _, name, spec, conversion in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        return [f"{whole or called} has a stray brace ({exc}); write {{{{ or }}}} for a literal brace"], False
    unknown = [f"{called} uses {{{name}}}, {not_given}{did_you_mean(name, allowed)}; {listing}" for name, _ in fields if name not in allowed]
    adorned = [
        f"write {{{name}}} in {called}, without '!' or ':' after the name; the value is filled in as it is"
        for name, flagged in fields
        if flagged
    ]
    return unknown + adorned, True


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
        if rule.function not in RULE_SPECS:
            at(
                rule,
                "function",
                f"rule {rule.id}: unknown rule function '{rule.function}'"
                f"{did_you_mean(rule.function, RULE_SPECS)}; see `casestaff programs --functions`",
            )
            continue
        for message in check_params(rule.function, rule.params):
            at(rule, "params", f"rule {rule.id}: {message}")
        for field, message in source_problems(rule.params, rule.sources, RULE_SPECS[rule.function].params):
            at(rule, field, f"rule {rule.id}: {message}")
        for kind in rule.satisfied_by:
            if kind not in kinds:
                at(rule, "satisfied_by", f"rule {rule.id}: '{kind}' is not a staffing kind of {pack.id}{did_you_mean(kind, kinds)}")
        allowed = set(RULE_SPECS[rule.function].facts) | set(rule.params)
        mistakes, readable = template_mistakes(
            rule.reason,
            "the reason",
            allowed,
            f"which {rule.function} does not give",
            f"available: {', '.join(sorted(allowed))}",
            whole="the reason text",
        )
        for message in mistakes:
            at(rule, "reason", f"rule {rule.id}: {message}")
        if not readable:
            continue
        if not rule.citation.section.strip():
            at(rule, "citation", f"rule {rule.id}: the citation needs the policy section")
    _lint_provider_cycle(pack, at)
    _lint_agenda_narration_case_file(pack, at)
    _lint_agenda_lists(pack, at)
    _lint_requirements(pack, at)
    return problems


def _lint_provider_cycle(pack: Pack, at: Callable[[Record, str, str], None]) -> None:
    """The provider cycle's deadlines fall on a real day and name only the pack's staffing kinds."""
    if not pack.provider_cycle:
        return
    kinds = pack.kind_ids
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


def _lint_agenda_narration_case_file(pack: Pack, at: Callable[[Record, str, str], None]) -> None:
    """Every agenda part, readiness check, narration check and case-file block names one casestaff has."""

    see = "see `casestaff programs --functions`"

    def named_once(record: Record, field: str, names: list[str], known: Mapping[str, Any], what: str, where: str, listed: str = see) -> None:
        seen: set[str] = set()
        for name in names:
            if name not in known:
                at(record, field, f"{where}: '{name}' is not {what}{did_you_mean(name, known)}; {listed}")
            elif name in seen:
                at(record, field, f"{where}: '{name}' is listed twice; list each once")
            seen.add(name)

    def function_with_params(
        record: Record, where: str, name: str, params: Mapping[str, Any], sources: Mapping[str, Any], known: Mapping[str, Takes], what: str
    ) -> None:
        if name not in known:
            at(record, "check", f"{where}: unknown {what} '{name}'{did_you_mean(name, known)}; {see}")
            return
        for message in check_params(name, params, known):
            at(record, "params", f"{where}: {message}")
        for field, message in source_problems(params, sources, known[name].params):
            at(record, field, f"{where}: {message}")

    if pack.agenda is not None:
        if pack.agenda.parts is not None:
            named_once(pack.agenda, "parts", pack.agenda.parts, AGENDA_PARTS, "an agenda part", "agenda.parts")
        ids: set[str] = set()
        for check in pack.agenda.readiness:
            where = f"readiness check {check.id}"
            if check.id in ids:
                at(check, "id", f"readiness check id '{check.id}' is used twice in {pack.id}; give each check its own id")
            ids.add(check.id)
            function_with_params(check, where, check.check, check.params, check.sources, READINESS_CHECKS, "readiness check")
            if not check.citation.section.strip():
                at(check, "citation", f"{where}: the citation needs the policy section")
    for narration in pack.narration_checks:
        function_with_params(narration, "narration.checks", narration.check, narration.params, narration.sources, NARRATION_CHECKS, "narration check")
        if narration.citation is not None and not narration.citation.section.strip():
            at(narration, "citation", f"narration.checks: {narration.check}: the citation needs the policy section")
    if pack.case_file is not None:
        blocks = {name: None for name in fields_of(Case)}
        named_once(
            pack.case_file, "parts", pack.case_file.parts, blocks, "a case-file block", "case_file.parts", "docs/case-files.md lists them"
        )


def _lint_requirement_title(requirement: RequirementDef, at: Callable[[Record, str, str], None]) -> None:
    """A title names only its own parameters, plainly: {minimum}."""
    takes = REQUIREMENT_SPECS[requirement.check].params
    known = ", ".join(takes) or "none"
    mistakes, _ = template_mistakes(
        requirement.title,
        "the title",
        takes,
        f"which is not a parameter of {requirement.check}",
        f"its parameters: {known}",
    )
    for message in mistakes:
        at(requirement, "title", f"requirement {requirement.id}: {message}")


def _lint_requirements(pack: Pack, at: Callable[[Record, str, str], None]) -> None:
    """Decision kinds once each; every requirement with its own id, a known check and its
    parameters, a scope naming kinds, rules and decisions the pack has, and a citation."""
    decision_ids: set[str] = set()
    for kind in pack.decision_kinds:
        if kind.id in BUILTIN_DECISIONS:
            at(kind, "id", f"decision kind '{kind.id}' is a word requirements already use ({', '.join(BUILTIN_DECISIONS)}); choose another id")
        elif kind.id in decision_ids:
            at(kind, "id", f"decision kind '{kind.id}' is listed twice; list each once")
        decision_ids.add(kind.id)
    for role in pack.roles:
        if any(not word.strip() for word in role.invite_for_needs):
            at(role, "invite_for_needs", f"role {role.abbr}: invite_for_needs has an empty entry; write the words of a special need")
    rule_ids = [r.id for r in pack.rules]
    decisions = [*BUILTIN_DECISIONS, *pack.decision_kind_ids]
    seen: set[str] = set()
    for requirement in pack.requirements:
        where = f"requirement {requirement.id}"
        if requirement.id in seen:
            at(requirement, "id", f"requirement id '{requirement.id}' is used twice in {pack.id}; give each requirement its own id")
        seen.add(requirement.id)
        if requirement.check not in REQUIREMENT_SPECS:
            at(
                requirement,
                "check",
                f"{where}: unknown requirement check '{requirement.check}'{did_you_mean(requirement.check, REQUIREMENT_SPECS)};"
                " see `casestaff programs --functions`",
            )
        else:
            for message in check_params(requirement.check, requirement.params, REQUIREMENT_SPECS):
                at(requirement, "params", f"{where}: {message}")
            for field, message in source_problems(requirement.params, requirement.sources, REQUIREMENT_SPECS[requirement.check].params):
                at(requirement, field, f"{where}: {message}")
            _lint_requirement_title(requirement, at)
        scope = requirement.applies_to
        if not (scope.kinds or scope.rules or scope.decisions):
            at(requirement, "applies_to", f"{where}: applies_to names no kinds, rules or decisions; say when it applies")
        for kind_id in scope.kinds:
            if kind_id not in pack.kind_ids:
                at(scope, "kinds", f"{where}: '{kind_id}' is not a staffing kind of {pack.id}{did_you_mean(kind_id, pack.kind_ids)}")
        for rule in scope.rules:
            if rule not in rule_ids:
                at(scope, "rules", f"{where}: '{rule}' is not a rule of {pack.id}{did_you_mean(rule, rule_ids)}")
        for decision in scope.decisions:
            if decision not in decisions:
                at(
                    scope,
                    "decisions",
                    f"{where}: '{decision}' is not a kind of decision{did_you_mean(decision, decisions)};"
                    f" use {', '.join(BUILTIN_DECISIONS)} or an id from decision_kinds",
                )
        if not requirement.citation.section.strip():
            at(requirement, "citation", f"{where}: the citation needs the policy section")


MAX_LOOKBACK_MONTHS = 1200
"""No policy looks further back than 100 years."""


def _lint_agenda_lists(pack: Pack, at: Callable[[Record, str, str], None]) -> None:
    """The policy's own lists an agenda part shows (agenda.review_areas, agenda.checklist): filled
    when the part is named, shown when filled, each entry once, known to the case file and cited."""
    if pack.agenda is None:
        return
    for part, spec in AGENDA_PARTS.items():
        listed = spec.listed_in
        if listed is None:
            continue
        if part in pack.agenda_parts and not getattr(pack.agenda, listed):
            at(
                pack.agenda,
                "parts",
                f"agenda.parts: '{part}' shows the entries of agenda.{listed}, which lists none;"
                f" list them under agenda.{listed} (see docs/programs.md)",
            )
        elif getattr(pack.agenda, listed) and part not in pack.agenda_parts:
            at(
                pack.agenda,
                listed,
                f"agenda.{listed} is not shown: agenda.parts does not name '{part}'; add '{part}' to agenda.parts, or remove agenda.{listed}",
            )

    def once(record: Record, field: str, name: str, seen: set[str], where: str) -> None:
        if name in seen:
            at(record, field, f"{where}: '{name}' is listed twice; list each once")
        seen.add(name)

    def cited(record: Record, citation: Citation, where: str) -> None:
        if not citation.section.strip():
            at(record, "citation", f"{where}: the citation needs the policy section")

    areas: set[str] = set()
    for area in pack.agenda.review_areas:
        once(area, "area", area.area, areas, "agenda.review_areas")
        if area.lookback_months is not None and not 1 <= area.lookback_months <= MAX_LOOKBACK_MONTHS:
            at(
                area,
                "lookback_months",
                f"agenda.review_areas: {area.area}: lookback_months must be 1 to {MAX_LOOKBACK_MONTHS} months,"
                f" not {area.lookback_months}; leave it out to count risk factors of any time",
            )
        cited(area, area.citation, f"agenda.review_areas: {area.area}")
    checklist_fields = fields_of(Checklist)
    items: set[str] = set()
    for item in pack.agenda.checklist:
        if item.field not in checklist_fields:
            at(
                item,
                "field",
                f"agenda.checklist: '{item.field}' is not a field of a case file's checklist"
                f"{did_you_mean(item.field, checklist_fields)}; docs/case-files.md lists them",
            )
        else:
            once(item, "field", item.field, items, "agenda.checklist")
        cited(item, item.citation, f"agenda.checklist: {item.field}")


# ---------------------------------------------------------------------------------------------


def read_pack(data: bytes, file: str, *, lint: bool = True) -> tuple[Pack | None, list[Problem]]:
    """Parse, validate and lint one pack file.

    The built-in packs are linted by the test suite, not on every run (`lint=False`): the
    lint reads every named function's signature, and start-up time is part of every command.
    """

    pack, problems = build_record(data, file, Pack)
    if pack is None:
        return None, problems
    problems = lint_pack(pack, file) if lint else []
    return (None, problems) if problems else (pack, [])

def builtin_pack_files() -> list[tuple[str, bytes]]:
    # Beside this module, as files/cache.code_fingerprint finds them: importlib.resources
    # (and the zipfile it loads) cost about 3 ms of every start (issue 11).
    folder = Path(__file__).resolve().parent / "program_packs"
    return sorted(
        (f"casestaff/program_packs/{entry.name}", entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    )


def with_params(pack: Pack, rule_id: str, params: Mapping[str, Any]) -> tuple[Pack, list[tuple[str | None, str]]]:
    """The pack with one rule's parameters overridden -- each then the office's own, its source
    'set in casestaff.toml' -- and what is wrong with the override (each message with the
    parameter it is about, None when about the rule)."""
    rule = next((r for r in pack.rules if r.id == rule_id), None)
    if rule is None:
        ids = [r.id for r in pack.rules]
        return pack, [(None, f"{pack.id} has no rule '{rule_id}'{did_you_mean(rule_id, ids)}; its rules: {', '.join(ids)}")]
    merged = {**rule.params, **params}
    errors = param_problems(rule.function, merged)
    if errors:
        return pack, errors
    sources = {**rule.sources, **{name: SET_IN_CONFIG for name in params}}
    rules = [replace(r, params=merged, sources=sources) if r is rule else r for r in pack.rules]
    return replace(pack, rules=rules), []


def with_requirement_params(pack: Pack, requirement_id: str, params: Mapping[str, Any]) -> tuple[Pack, list[tuple[str | None, str]]]:
    """The pack with one staffing requirement's parameters overridden -- each then the office's own,
    its source 'set in casestaff.toml' -- and what is wrong with the override, as with_params says."""
    requirement = next((r for r in pack.requirements if r.id == requirement_id), None)
    if requirement is None:
        ids = [r.id for r in pack.requirements]
        listed = f"its requirements: {', '.join(ids)}" if ids else "it has none"
        return pack, [(None, f"{pack.id} has no requirement '{requirement_id}'{did_you_mean(requirement_id, ids)}; {listed}")]
    merged = {**requirement.params, **params}
    errors = param_problems(requirement.check, merged, REQUIREMENT_SPECS)
    if errors:
        return pack, errors
    sources = {**requirement.sources, **{name: SET_IN_CONFIG for name in params}}
    requirements = [replace(r, params=merged, sources=sources) if r is requirement else r for r in pack.requirements]
    return replace(pack, requirements=requirements), []


def fingerprint(parts: list[bytes]) -> str:
    digest = blake2b(digest_size=8)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def parse_pack_yaml(data: bytes) -> Any:
    """A pack file's plain data (for tools and tests)."""
    return yamlread.to_plain(yamlread.parse(yamlread.decode(data)))


def load_packset(config: Config) -> PackSet:
    """The built-in packs plus the user's, with casestaff.toml's state and parameter overrides.

    Raises ConfigError (every problem, located) when a user pack or an override is wrong.
    """

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
    for section, overrides, override in (
        ("rules", config.rule_params, with_params),
        ("requirements", config.requirement_params, with_requirement_params),
    ):
        for (program, name), params in overrides.items():
            pack = packs.get(program)
            if pack is None:
                line, col = config.key_lines.get(program, (1, 1))
                problems.append(Problem(shown, line, col, f"programs.{program}: no such program{did_you_mean(program, packs)}"))
                continue
            packs[program], errors = override(pack, name, params)
            table_at = config.key_lines.get(param_key(program, section, name), (1, 1))
            for param, error in errors:  # at the parameter's own line when it is the one written there
                line, col = config.key_lines.get(param_key(program, section, name, param), table_at) if param in params else table_at
                problems.append(Problem(shown, line, col, f"programs.{program}.{section}.{name}: {error}"))
    if problems:
        raise ConfigError(problems)
    settings = repr(
        (
            sorted(config.program_states.items()),
            config.state,
            sorted((k, sorted(v.items())) for k, v in config.rule_params.items()),
            sorted((k, sorted(v.items())) for k, v in config.requirement_params.items()),
        )
    ).encode()
    return PackSet(packs=packs, fingerprint=fingerprint([*parts, settings]))
