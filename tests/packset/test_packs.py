"""The program packs, linted like semgrep rules, and every rule proved on its annotated cases.

Each rule of each built-in pack has cases on disk under tests/rule_cases/<program>/<rule-id>/
(see rule_cases/harness.py for the header format): one where it must fire, one where it must
stay quiet, and -- when a staffing can satisfy it -- one where a later staffing does. Adding a
rule without its cases fails this suite.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from casestaff.files.config import ConfigError, load_config
from casestaff.model.pack import LOCAL_DEFAULT, SET_IN_CONFIG
from casestaff.rules.evaluate import evaluate_case
from casestaff.packset import builtin_pack_files, check_params, load_packset, read_pack, template_fields
from casestaff.rules.functions import RULE_SPECS
from casestaff.rules.evaluate import rule_context

from ..rule_cases.harness import CASES_DIR, HeaderError, RuleCase, builtin_packs, case_files, flags_of, load, read_header, read_rule_case

RULE_CASES = [read_rule_case(path) for path in case_files()]
BUILTIN_RULES = [
    (pack.id, rule) for pack in builtin_packs().packs.values() for rule in pack.rules
]


def _rule_id(param: object) -> str:
    pack_id, rule = param  # type: ignore[misc]
    return f"{pack_id}.{rule.id}"


# ---------------------------------------------------------------------------------------------
# The annotated cases


@pytest.mark.parametrize("rule_case", RULE_CASES, ids=lambda c: c.id)
def test_rule_case(rule_case: RuleCase) -> None:
    case = load(rule_case.text(), str(rule_case.path))
    assert case.program == rule_case.program, f"{rule_case.id}: the case's program must match its folder"
    flags = flags_of(case, rule_case.rule, rule_case.as_of, rule_case.within)

    if rule_case.outcome == "quiet":
        assert flags == [], f"{rule_case.id} must not fire, but: {[f.reason for f in flags]}"
        return

    if rule_case.outcome == "satisfied":
        assert flags == [], f"{rule_case.id}: the staffing on file must satisfy the rule, but: {[f.reason for f in flags]}"
        pack = builtin_packs().get(case.program)
        rule = next(r for r in pack.rules if r.id == rule_case.rule)
        assert rule.satisfied_by, f"{rule_case.id}: the rule has no satisfied_by kinds; name the case quiet-*"
        unstaffed = dataclasses.replace(case, staffings=[s for s in case.staffings if s.kind not in rule.satisfied_by])
        assert flags_of(unstaffed, rule_case.rule, rule_case.as_of, rule_case.within), (
            f"{rule_case.id}: without its {'/'.join(rule.satisfied_by)} staffing the rule must fire,"
            " or the case proves nothing about satisfaction"
        )
        return

    assert len(flags) == 1, f"{rule_case.id} must raise exactly one flag, raised: {[f.reason for f in flags]}"
    flag = flags[0]
    expect = rule_case.expect
    assert flag.due.isoformat() == expect["expect-due"]
    assert flag.status == expect["expect-status"]
    if "expect-since" in expect:
        assert flag.since.isoformat() == expect["expect-since"]
    if "expect-reason" in expect:
        assert flag.reason == expect["expect-reason"]
    lines = rule_case.text().splitlines()
    assert flag.evidence, "a flag must show the evidence it rests on"
    for evidence in flag.evidence:
        assert 1 <= evidence.line <= len(lines), f"evidence {evidence} points outside the file"
        # the cited line holds the value (or the block) the evidence is about
        assert lines[evidence.line - 1].strip(), f"evidence {evidence} points at an empty line"
    assert flag.file == str(rule_case.path)
    assert flag.citation.startswith(builtin_packs().get(case.program).policy.cite_as + ", ")


@pytest.mark.parametrize("pack_rule", BUILTIN_RULES, ids=_rule_id)
def test_every_rule_has_its_cases_on_disk(pack_rule) -> None:
    pack_id, rule = pack_rule
    folder = CASES_DIR / pack_id / rule.id
    outcomes = {c.outcome for c in RULE_CASES if (c.program, c.rule) == (pack_id, rule.id)}
    needed = {"fires", "quiet"} | ({"satisfied"} if rule.satisfied_by else set())
    missing = sorted(needed - outcomes)
    assert not missing, f"rule {pack_id}.{rule.id} needs case files {', '.join(m + '-*.yaml' for m in missing)} in {folder}"


def test_no_case_folder_names_a_rule_that_does_not_exist() -> None:
    known = {(pack_id, rule.id) for pack_id, rule in BUILTIN_RULES}
    stale = sorted({c.id.rsplit("/", 1)[0] for c in RULE_CASES if (c.program, c.rule) not in known})
    assert stale == []


def test_every_case_folder_holds_only_rule_cases() -> None:
    strays = [
        p.relative_to(CASES_DIR).as_posix()
        for p in CASES_DIR.glob("*/**/*")
        if p.is_file() and p.suffix != ".yaml" and not {"__pycache__", "policies"} & set(p.parts)
    ]
    assert strays == []


@pytest.mark.parametrize("rule_case", [c for c in RULE_CASES if c.outcome == "fires"], ids=lambda c: c.id)
def test_rule_functions_give_exactly_the_facts_they_declare(rule_case: RuleCase) -> None:
    """A rule function's declared facts are what the pack linter lets a reason use: they must be what it gives."""
    case = load(rule_case.text(), str(rule_case.path))
    pack = builtin_packs().get(case.program)
    rule = next(r for r in pack.rules if r.id == rule_case.rule)
    context = rule_context(pack, rule, rule_case.as_of)
    findings = list(RULE_SPECS[rule.function].function(case, context, **rule.params))
    assert findings
    for finding in findings:
        assert set(finding.facts) == set(RULE_SPECS[rule.function].facts)


def test_the_header_reader_refuses_typos(tmp_path: Path) -> None:
    path = tmp_path / "fires-x.yaml"
    path.write_text("# as-of: 2026-12-01\n# expect-statu: due\ncase_id: X\n", encoding="utf-8")
    with pytest.raises(HeaderError, match="unknown header 'expect-statu'"):
        read_header(path)
    path.write_text("# as-of: 2026-12-01\n# expect-due: 2026-12-01\ncase_id: X\n", encoding="utf-8")
    with pytest.raises(HeaderError, match="a fires case needs '# expect-status: ...'"):
        read_rule_case(path)
    quiet = tmp_path / "quiet-x.yaml"
    quiet.write_text("# as-of: 2026-12-01\n# expect-due: 2026-12-01\ncase_id: X\n", encoding="utf-8")
    with pytest.raises(HeaderError, match="only fires cases carry expect-"):
        read_rule_case(quiet)


# ---------------------------------------------------------------------------------------------
# Lint of the built-in packs


@pytest.mark.parametrize("file, data", builtin_pack_files(), ids=lambda v: v if isinstance(v, str) else "")
def test_builtin_pack_reads_without_problems(file: str, data: bytes) -> None:
    pack, problems = read_pack(data, file)
    assert problems == []
    assert pack is not None and f"{pack.id}.yaml" == Path(file).name


def test_there_is_one_pack_per_program_in_the_brief() -> None:
    assert sorted(builtin_packs().packs) == [
        "fc-reintegration",
        "il-snap-et",
        "la-step",
        "or-ssp-case-management",
        "or-ssp-reengagement",
    ]


@pytest.mark.parametrize("pack_rule", BUILTIN_RULES, ids=_rule_id)
def test_rule_is_complete(pack_rule) -> None:
    pack_id, rule = pack_rule
    pack = builtin_packs().get(pack_id)
    assert rule.explain.strip(), "every rule explains itself in one line"
    assert "\n" not in rule.explain.strip()
    assert rule.citation.section.strip(), "every rule cites the policy section"
    assert rule.citation.quote and rule.citation.quote.strip(), "every rule quotes the policy words it rests on"
    assert rule.function in RULE_SPECS
    assert check_params(rule.function, rule.params) == []
    assert set(template_fields(rule.reason)) <= set(RULE_SPECS[rule.function].facts) | set(rule.params)
    assert set(rule.satisfied_by) <= set(pack.kind_ids)
    assert pack.cite(rule.citation) == f"{pack.policy.cite_as}, {rule.citation.section}"


POLICIES = CASES_DIR / "policies"


def _words(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def _citations(pack) -> list[tuple[str, object]]:
    """(where, citation) of everything in the pack that cites its policy."""
    found = [(f"rule {r.id}", r.citation) for r in pack.rules]
    if pack.provider_cycle:
        found += [(f"deadline {d.id}", d.citation) for d in pack.provider_cycle.deadlines]
    found += [(f"readiness check {c.id}", c.citation) for c in pack.readiness_checks]
    found += [(f"narration check {c.check}", c.citation) for c in pack.narration_checks if c.citation]
    found += [(f"requirement {r.id}", r.citation) for r in pack.requirements]
    found += [(f"review area {a.area}", a.citation) for a in pack.review_areas]
    found += [(f"checklist item {i.field}", i.citation) for i in pack.checklist]
    return found


def _with_params(pack) -> list[tuple[str, object]]:
    """(where, rule or check) of everything in the pack that takes parameters."""
    found = [(f"rule {r.id}", r) for r in pack.rules]
    found += [(f"readiness check {c.id}", c) for c in pack.readiness_checks]
    found += [(f"narration check {c.check}", c) for c in pack.narration_checks]
    return found


def _source_quotes(pack) -> list[tuple[str, str, str]]:
    """(where, parameter, quote) of each parameter whose value the policy gives."""
    return [
        (where, name, source)
        for where, item in _with_params(pack)
        for name, source in item.sources.items()
        if source not in (LOCAL_DEFAULT, SET_IN_CONFIG)
    ]


def _quotes(pack) -> list[tuple[str, str]]:
    cited = [(where, citation.quote) for where, citation in _citations(pack) if citation.quote]
    return cited + [(f"{where} (source of {name})", quote) for where, name, quote in _source_quotes(pack)]


def test_every_readiness_check_requirement_review_area_and_checklist_item_quotes_its_policy() -> None:
    checks = [(pack.id, where, citation) for pack in builtin_packs().packs.values() for where, citation in _citations(pack)]
    for pack_id, where, citation in checks:
        if where.startswith(("readiness", "narration", "requirement", "review area", "checklist")):
            assert citation.section.strip() and citation.quote and citation.quote.strip(), f"{pack_id} {where}"
    assert {w.split()[0] for _, w, _ in checks} == {"rule", "deadline", "readiness", "requirement", "review", "checklist"}


@pytest.mark.parametrize("pack_id", sorted(builtin_packs().packs))
def test_every_quote_is_the_policys_own_words(pack_id: str) -> None:
    """A citation an auditor can check: each quote (its parts, where '...' leaves words out) is in
    the policy text. The policies are copied under rule_cases/policies/ for this test."""
    policy = _words((POLICIES / f"{pack_id}.txt").read_text(encoding="utf-8"))
    for where, quote in _quotes(builtin_packs().get(pack_id)):
        for part in _words(quote).split("..."):
            assert part.strip(" .") in policy, f"{pack_id} {where}: {part!r} is not in the policy"


NUMBER_WORDS = dict(enumerate("zero one two three four five six seven eight nine ten eleven twelve".split()))


@pytest.mark.parametrize("pack_id", sorted(builtin_packs().packs))
def test_a_quoted_parameter_source_gives_the_number_itself(pack_id: str) -> None:
    """A value marked as the policy's is one the quoted words state, in digits or in words; a
    number the policy does not give is a local default."""
    pack = builtin_packs().get(pack_id)
    items = dict(_with_params(pack))
    for where, name, quote in _source_quotes(pack):
        value = items[where].params[name]
        numbers = value if isinstance(value, list) else [value]
        for number in (n for n in numbers if isinstance(n, (int, float)) and not isinstance(n, bool)):
            words = f"{number:g}", NUMBER_WORDS.get(number, f"{number:g}")
            assert any(re.search(rf"\b{w}\b", quote, re.I) for w in words), f"{pack_id} {where}: {name}={number} is not in {quote!r}"


@pytest.mark.parametrize("pack_id", sorted(builtin_packs().packs))
def test_every_parameter_of_a_builtin_pack_says_where_its_value_comes_from(pack_id: str) -> None:
    for where, item in _with_params(builtin_packs().get(pack_id)):
        assert sorted(item.sources) == sorted(item.params), f"{pack_id} {where}"


SECTION_HEADINGS = {
    "il-snap-et": ("A. Preparing for the Staffing", "B. Provider Staffing", "C. Customer Staffing"),
    "or-ssp-case-management": (
        "1. Case management expectations",
        "2. Case management requirements",
        "3. Case management activities overview",
        "4. Retention case management",
    ),
}
"""Policies whose sections have clean headings: there a quote must stand in the section it cites."""


@pytest.mark.parametrize("pack_id", sorted(SECTION_HEADINGS))
def test_every_quote_stands_in_the_section_it_cites(pack_id: str) -> None:
    policy = _words((POLICIES / f"{pack_id}.txt").read_text(encoding="utf-8"))
    headings = SECTION_HEADINGS[pack_id]
    starts = [policy.index(h) for h in headings]
    texts = {"introduction": policy[: starts[0]]}
    texts.update({h: policy[a:b] for h, a, b in zip(headings, starts, [*starts[1:], len(policy)], strict=True)})
    pack = builtin_packs().get(pack_id)
    cited_by = {where: citation.section for where, citation in _citations(pack)}
    cited_by.update({f"{where} (source of {name})": cited_by[where] for where, name, _ in _source_quotes(pack)})
    for where, quote in _quotes(pack):
        cited = []
        for part in cited_by[where].split(";"):
            name = part.split("(")[0].strip()
            heading = next((h for h in headings if h.startswith(name)), None)
            cited.append(texts[heading] if heading else texts["introduction"] if "introduction" in part else "")
        assert any(_words(quote).split("...")[0].strip(" .") in text for text in cited), (
            f"{pack_id} {where}: the quote is not in '{cited_by[where]}'"
        )


def test_rule_ids_are_unique_within_each_pack() -> None:
    for pack in builtin_packs().packs.values():
        ids = [r.id for r in pack.rules]
        assert len(ids) == len(set(ids)), pack.id


def test_every_pack_has_a_next_steps_rule() -> None:
    """Issue 2, section 4: every program flags next steps past due and not done."""
    for pack in builtin_packs().packs.values():
        assert [r.id for r in pack.rules if r.function == "next_steps_past_due"] == ["next-steps"], pack.id


def test_every_rule_function_is_used_by_some_pack() -> None:
    used = {rule.function for _, rule in BUILTIN_RULES}
    assert used == set(RULE_SPECS)


def test_provider_cycle_deadlines_cite_their_section() -> None:
    cycle = builtin_packs().get("il-snap-et").provider_cycle
    assert [d.id for d in cycle.deadlines] == ["form-4333", "form-4344", "invites", "provider-staffing"]
    for deadline in cycle.deadlines:
        assert deadline.citation.section.startswith("A. Preparing for the Staffing")


# ---------------------------------------------------------------------------------------------
# A user's own pack with mistakes: every one located, with a fix


USER_PACK = """\
id: tx-example
name: Example program
agency: Example agency
state: TX
policy:
  title: Example policy
  cite_as: EX Policy
staffing_kinds:
  - id: case-review
    name: Case review
roles:
  - abbr: CM
    title: Case manager
rules:
  - id: unknown-function
    function: no_progress_for_day
    params: {days: 60, due_within_days: 10}
    explain: No progress.
    reason: "No progress"
    citation: {section: II}
  - id: wrong-type
    function: periodic_review
    params:
      days: sixty
    sources: {days: local default}
    explain: Review.
    reason: "Review"
    citation: {section: II}
  - id: wrong-kind
    function: periodic_review
    params: {days: 90}
    sources: {days: local default}
    satisfied_by: [case-reveiw]
    explain: Review.
    reason: "Review"
    citation: {section: II}
  - id: stray-brace
    function: periodic_review
    params: {days: 90}
    sources: {days: local default}
    explain: Review.
    reason: "Review every {days days"
    citation: {section: II}
  - id: unknown-name
    function: periodic_review
    params: {days: 90}
    sources: {days: local default}
    explain: Review.
    reason: "Review every {dayz} days"
    citation: {section: II}
"""


def test_a_user_pack_with_mistakes_gets_every_problem_located() -> None:
    pack, problems = read_pack(USER_PACK.encode(), "packs/tx.yaml")
    assert pack is None
    shown = [str(p) for p in problems]
    assert len(shown) == 5, shown
    # the stray brace: casestaff's words and fix; Python's own note on it, in brackets between them, is not pinned
    stray = shown[3]
    assert stray.startswith("packs/tx.yaml:42:13: rule stray-brace: the reason text has a stray brace ("), stray
    assert stray.endswith("); write {{ or }} for a literal brace"), stray
    assert shown[:3] + shown[4:] == [
        "packs/tx.yaml:16:15: rule unknown-function: unknown rule function 'no_progress_for_day';"
        " did you mean 'no_progress_for_days'?; see `casestaff programs --functions`",
        "packs/tx.yaml:24:7: rule wrong-type: parameter 'days' of periodic_review must be a whole number, not 'sixty'",
        "packs/tx.yaml:33:19: rule wrong-kind: 'case-reveiw' is not a staffing kind of tx-example; did you mean 'case-review'?",
        "packs/tx.yaml:49:13: rule unknown-name: the reason uses {dayz}, which periodic_review does not give;"
        " did you mean 'days'?; available: days, last_review",
    ]


def test_a_user_pack_missing_a_parameter_or_with_an_extra_one() -> None:
    text = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        """\
        rules:
          - id: review
            function: periodic_review
            params: {every: 90}
            sources: {every: local default}
            explain: Review.
            reason: "Review"
            citation: {section: II}
        """
    )
    _, problems = read_pack(text.encode(), "tx.yaml")
    assert [p.message for p in problems] == [
        "rule review: periodic_review has no parameter 'every'; it takes: days",
        "rule review: periodic_review needs the parameter 'days' (a whole number)",
    ]
    assert {(p.line, p.col) for p in problems} == {(17, 13)}


@pytest.mark.parametrize(
    "value, words",
    [("true", "a whole number, not True"), ("30.5", "a whole number, not 30.5"), ("[30]", "a whole number, not [30]")],
)
def test_parameter_types_are_never_coerced(value: str, words: str) -> None:
    text = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        f"""\
        rules:
          - id: review
            function: periodic_review
            params: {{days: {value}}}
            sources: {{days: local default}}
            explain: Review.
            reason: "Review"
            citation: {{section: II}}
        """
    )
    _, problems = read_pack(text.encode(), "tx.yaml")
    assert [p.message for p in problems] == [f"rule review: parameter 'days' of periodic_review must be {words}"]


def test_a_user_pack_is_used_from_casestaff_toml(tmp_path: Path) -> None:
    good = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        """\
        rules:
          - id: review
            function: periodic_review
            params: {days: 30}
            sources: {days: local default}
            satisfied_by: [case-review]
            explain: A case review every month.
            reason: "Monthly case review (last: {last_review})"
            citation: {section: II}
        """
    )
    (tmp_path / "tx.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["tx.yaml"]\n', encoding="utf-8")
    packset = load_packset(load_config(tmp_path / "casestaff.toml"))
    case = load(
        """\
        case_id: TX-1
        program: tx-example
        participant: {name: Lee Testcase}
        enrolled: 2026-10-01
        """,
        packset=packset,
    )
    flags = flags_of(case, "review", dt.date(2026, 11, 2), packset=packset)
    # 30 days after enrollment is Saturday 10-31: the review is due Friday 10-30
    assert [(f.rule, f.reason, f.due, f.status, f.citation) for f in flags] == [
        ("tx-example.review", "Monthly case review (last: none yet)", dt.date(2026, 10, 30), "overdue", "EX Policy, II")
    ]


def test_a_broken_user_pack_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "tx.yaml").write_text(USER_PACK, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["tx.yaml"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_packset(load_config(tmp_path / "casestaff.toml"))
    assert len(error.value.problems) == 5
    assert all(p.file == str(tmp_path / "tx.yaml") for p in error.value.problems)


# ---------------------------------------------------------------------------------------------
# Overrides from casestaff.toml

STALLED = """\
case_id: LA-T-9001
program: la-step
participant: {name: Robin Testcase}
enrolled: 2026-09-01
"""


def _packset_from(tmp_path: Path, toml: str):
    path = tmp_path / "casestaff.toml"
    path.write_text(textwrap.dedent(toml), encoding="utf-8")
    return load_packset(load_config(path))


def test_an_override_changes_the_answer(tmp_path: Path) -> None:
    as_of = dt.date(2026, 10, 5)
    case = load(STALLED)
    assert flags_of(case, "no-progress", as_of) == [], "60 days from 09-01 is 10-31: not yet in view"
    packset = _packset_from(tmp_path, "[programs.la-step.rules.no-progress]\ndays = 30\n")
    flags = flags_of(case, "no-progress", as_of, packset=packset)
    assert [(f.since, f.due, f.status, f.reason) for f in flags] == [
        (
            dt.date(2026, 10, 1),
            dt.date(2026, 10, 9),  # 10 days on is Sunday 10-11
            "due",
            "No progress toward the goal recorded for 30 days (last progress: none since enrollment on 2026-09-01)",
        )
    ]
    rule = next(r for r in packset.get("la-step").rules if r.id == "no-progress")
    assert rule.params == {"days": 30, "due_within_days": 10}, "the other parameter keeps the pack's value"
    assert rule.sources == {"days": "set in casestaff.toml", "due_within_days": "local default"}, "and its source"
    assert packset.fingerprint != builtin_packs().fingerprint, "a cache of answers must not outlive an override"


def test_a_list_parameter_can_be_overridden(tmp_path: Path) -> None:
    packset = _packset_from(tmp_path, "[programs.il-snap-et.rules.component-benchmark]\nmonths = [6, 9, 12, 18]\n")
    case = load(
        """\
        case_id: IL-T-9001
        program: il-snap-et
        provider: Example Works
        participant: {name: Casey Testcase}
        enrolled: 2025-05-01
        components:
          - {name: Job search, start: 2025-06-01}
        staffings:
          - {date: 2026-06-01, kind: customer-staffing}
        """,
        packset=packset,
    )
    as_of = dt.date(2026, 12, 1)
    assert [f.reason for f in flags_of(case, "component-benchmark", as_of, packset=packset)] == [
        "18 months in the same component (Job search) reached 2026-12-01: mandatory customer staffing in the 2026-12 monthly cycle"
    ]
    assert flags_of(case, "component-benchmark", as_of) == []


def test_the_state_for_holidays_can_be_set_per_program(tmp_path: Path) -> None:
    """Effective Wednesday 2027-02-10: Mardi Gras (02-09) is a Louisiana holiday, not an Illinois one."""
    case = load(
        """\
        case_id: LA-T-9002
        program: la-step
        participant: {name: Robin Testcase}
        enrolled: 2026-06-01
        sanction: {reason: No participation, proposed_on: 2027-01-20, effective_on: 2027-02-10}
        """
    )
    as_of = dt.date(2027, 2, 1)
    assert [f.due for f in flags_of(case, "pending-sanction", as_of)] == [dt.date(2027, 2, 8)]
    packset = _packset_from(tmp_path, '[programs.la-step]\nstate = "IL"\n')
    assert [f.due for f in flags_of(case, "pending-sanction", as_of, packset=packset)] == [dt.date(2027, 2, 9)]
    packset = _packset_from(tmp_path, 'state = "OR"\n')
    assert packset.get("la-step").state == "OR" and packset.get("il-snap-et").state == "OR"


@pytest.mark.parametrize(
    "toml, message",
    [
        (
            "[programs.la-step.rules.no-progres]\ndays = 30\n",
            "casestaff.toml:1:1: programs.la-step.rules.no-progres: la-step has no rule 'no-progres';"
            " did you mean 'no-progress'?; its rules: no-progress, non-participation, pending-sanction,"
            " sanction-entered, intensive-case-management, next-steps",
        ),
        (
            "[programs.la-step.rules.no-progress]\ndayz = 30\n",
            "casestaff.toml:2:1: programs.la-step.rules.no-progress: no_progress_for_days has no parameter 'dayz';"
            " did you mean 'days'?; it takes: days, due_within_days",
        ),
        (
            '[programs.la-step.rules.no-progress]\ndays = "30"\n',
            "casestaff.toml:2:1: programs.la-step.rules.no-progress: parameter 'days' of no_progress_for_days"
            " must be a whole number, not '30'",
        ),
        (
            "# our office\n[programs.la-step.rules.no-progress]\ndays = 30.5\n",
            "casestaff.toml:3:1: programs.la-step.rules.no-progress: parameter 'days' of no_progress_for_days"
            " must be a whole number, not 30.5",
        ),
        (
            '[programs.il-snap-et.rules.component-benchmark]\nmonths = [6, "nine"]\n',
            "casestaff.toml:2:1: programs.il-snap-et.rules.component-benchmark: parameter 'months' of"
            " months_in_component must be a list of whole numbers, not [6, 'nine']",
        ),
        (
            "[programs.la-stp.rules.no-progress]\ndays = 30\n",
            "casestaff.toml:1:1: programs.la-stp: no such program; did you mean 'la-step'?",
        ),
        (
            # the name before the count became workdays: an older casestaff.toml is told the new one
            "[programs.la-step.rules.pending-sanction]\ndays_before_effective = 2\n",
            "casestaff.toml:2:1: programs.la-step.rules.pending-sanction: staffing_before_sanction has no parameter"
            " 'days_before_effective'; did you mean 'workdays_before_effective'?; it takes: workdays_before_effective",
        ),
    ],
    ids=["unknown-rule", "unknown-parameter", "text-for-a-number", "fraction", "list-item", "unknown-program", "renamed-parameter"],
)
def test_a_wrong_override_is_a_config_error_naming_it(tmp_path: Path, monkeypatch, toml: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "casestaff.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_packset(load_config(Path("casestaff.toml")))
    assert [str(p) for p in error.value.problems] == [message]


def test_evaluating_with_an_overridden_pack_keeps_the_builtin_untouched(tmp_path: Path) -> None:
    _packset_from(tmp_path, "[programs.la-step.rules.no-progress]\ndays = 30\n")
    rule = next(r for r in load_packset(load_config(None)).get("la-step").rules if r.id == "no-progress")
    assert rule.params["days"] == 60
    assert rule.sources["days"] == "local default"
    case = load(STALLED)
    assert evaluate_case(case, builtin_packs().get("la-step"), dt.date(2026, 10, 5), 14) == []


# ---------------------------------------------------------------------------------------------
# The state whose holidays count: a code `holidays` does not know is a located problem, not a
# traceback on the first workday sum.


def test_a_pack_with_an_unknown_state_is_a_located_problem() -> None:
    text = USER_PACK.split("rules:\n")[0].replace("state: TX", "state: XY") + "rules: []\n"
    pack, problems = read_pack(text.encode(), "packs/tx.yaml")
    assert pack is None
    assert [str(p) for p in problems] == [
        "packs/tx.yaml:4:8: state 'XY' is not a US state code that has a public holiday calendar;"
        " write two capital letters such as IL, LA or OR"
    ]


@pytest.mark.parametrize(
    "toml, message",
    [
        (
            'worker = "KM"\nstate = "ZZ"\n',
            "casestaff.toml:2:1: state must be a two-letter US state code such as \"IL\", not 'ZZ'",
        ),
        (
            '[programs.la-step]\nstate = "XX"\n',
            "casestaff.toml:2:1: programs.la-step.state must be a two-letter US state code such as \"LA\", not 'XX'",
        ),
    ],
    ids=["state", "program-state"],
)
def test_an_unknown_state_in_casestaff_toml_is_a_config_error(tmp_path: Path, monkeypatch, toml: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "casestaff.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(Path("casestaff.toml"))
    assert [str(p) for p in error.value.problems] == [message]


def test_a_lower_case_state_in_casestaff_toml_is_accepted(tmp_path: Path) -> None:
    packset = _packset_from(tmp_path, 'state = "il"\n[programs.la-step]\nstate = "la"\n')
    assert packset.get("or-ssp-reengagement").state == "IL"
    assert packset.get("la-step").state == "LA"


@pytest.mark.parametrize("placeholder", ["{days!x}", "{last_review:d}", "{days:>5}"])
def test_a_reason_placeholder_with_a_conversion_or_format_is_a_located_problem(placeholder: str) -> None:
    """They pass a name check but would stop `casestaff due` with a traceback when filled in."""
    text = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        f"""\
        rules:
          - id: review
            function: periodic_review
            params: {{days: 90}}
            sources: {{days: local default}}
            explain: Review.
            reason: "Review every {placeholder} days"
            citation: {{section: II}}
        """
    )
    _, problems = read_pack(text.encode(), "tx.yaml")
    name = placeholder[1:].split("!")[0].split(":")[0]
    assert [str(p) for p in problems] == [
        f"tx.yaml:20:13: rule review: write {{{name}}} in the reason, without '!' or ':' after the name;"
        " the value is filled in as it is"
    ]


# ---------------------------------------------------------------------------------------------
# Where a parameter's value comes from: the policy's words, or a local default


@pytest.mark.parametrize(
    "sources, message",
    [
        (
            "{dayz: local default}",
            "rule review: sources names 'dayz', which is not one of its params; did you mean 'days'?; its params: days",
        ),
        ("{days: 90}", "rule review: the source of 'days' must be text: the policy's words that give 90, or local default; not 90"),
        ('{days: ""}', "rule review: the source of 'days' must be text: the policy's words that give 90, or local default; not ''"),
        *(
            (
                f"{{days: {written}}}",
                f"rule review: the source of 'days' is '{written}'; write local default, in those words, when the policy"
                " sets no number (casestaff marks a value set in casestaff.toml itself)",
            )
            for written in ("Local default", "local defaults", "local practice", "set in casestaff.toml")
        ),
    ],
    ids=["unknown-name", "a-number", "empty", "capital", "plural", "local-practice", "set-in-casestaff-toml"],
)
def test_a_wrong_source_is_a_located_problem(sources: str, message: str) -> None:
    text = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        f"""\
        rules:
          - id: review
            function: periodic_review
            params: {{days: 90}}
            sources: {sources}
            explain: Review.
            reason: "Review"
            citation: {{section: II}}
        """
    )
    pack, problems = read_pack(text.encode(), "tx.yaml")
    assert pack is None
    found = [(p.line, p.col, p.message) for p in problems]
    if "dayz" in sources:  # days then has no source either
        assert found.pop(0) == (17, 13, NO_SOURCE)
    assert found == [(18, 14, message)]


NO_SOURCE = (
    "rule review: parameter 'days' does not say where 90 comes from; under sources:, give the policy's words that state it,"
    " or write days: local default when the policy sets no number"
)


def test_a_parameter_without_a_source_is_a_located_problem_with_the_fix() -> None:
    text = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        """\
        rules:
          - id: review
            function: periodic_review
            params: {days: 90}
            explain: Review.
            reason: "Review"
            citation: {section: II}
        """
    )
    pack, problems = read_pack(text.encode(), "tx.yaml")
    assert pack is None
    assert [(p.line, p.col, p.message) for p in problems] == [(17, 13, NO_SOURCE)]


def test_a_source_may_quote_the_policy_or_say_local_default() -> None:
    text = USER_PACK.split("rules:\n")[0] + textwrap.dedent(
        """\
        rules:
          - id: low-participation
            function: participation_shortfall
            params: {min_share: 0.5, due_within_days: 14}
            sources:
              min_share: "Participation below half of the required hours"
              due_within_days: local default
            explain: Low participation.
            reason: "Under {percent}"
            citation: {section: II}
        """
    )
    pack, problems = read_pack(text.encode(), "tx.yaml")
    assert problems == []
    assert pack.rules[0].sources == {"min_share": "Participation below half of the required hours", "due_within_days": "local default"}
