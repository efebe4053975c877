"""Reading the annotated rule cases beside this file, and evaluating small cases for the tests.

A rule case is an ordinary case file under `rule_cases/<program>/<rule-id>/` whose name says
what must happen -- `fires-*.yaml` (the rule raises exactly one flag), `quiet-*.yaml` (it
raises none) or `satisfied-*.yaml` (a staffing on file satisfies it; without that staffing it
would fire) -- and whose first comment lines say when and what:

    # as-of: 2026-12-01                  the morning being replayed (required)
    # within: 14                         days ahead that count as upcoming (default 14)
    # expect-due: 2026-12-14             fires only: the flag's due date
    # expect-status: due                 fires only: overdue, due or upcoming
    # expect-since: 2026-11-30           fires only, optional: when the condition began
    # expect-reason: No progress ...     fires only, optional: the reason, word for word

Other comment lines are free text saying why the case is built as it is.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from casestaff.files.casefile import read_case
from casestaff.files.config import Config
from casestaff.rules.evaluate import evaluate_case
from casestaff.rules.flags import Flag
from casestaff.model.records import Case
from casestaff.model.pack import PackSet
from casestaff.packset import load_packset

CASES_DIR = Path(__file__).resolve().parent
OUTCOMES = ("fires", "quiet", "satisfied")
STATUSES = ("overdue", "due", "upcoming")
HEADER_KEYS = ("as-of", "within", "expect-due", "expect-status", "expect-since", "expect-reason")
_HEADER_LINE = re.compile(r"^#\s*([a-z][a-z-]*):\s*(.*?)\s*$")


@cache
def builtin_packs() -> PackSet:
    """The built-in packs with no casestaff.toml."""
    return load_packset(Config())


def load(text: str, name: str = "case.yaml", packset: PackSet | None = None) -> Case:
    """A case from (dedented) YAML text; a case with problems fails the test, showing them all."""
    packs = (packset or builtin_packs()).packs
    case, problems = read_case(textwrap.dedent(text).encode("utf-8"), name, packs)
    assert case is not None and not problems, "\n".join(str(p) for p in problems)
    return case


def flags_of(
    case: Case, rule: str, as_of: dt.date, within: int = 14, packset: PackSet | None = None
) -> list[Flag]:
    """The flags one rule (`program.rule-id` or just `rule-id`) raises for a case."""
    pack = (packset or builtin_packs()).get(case.program)
    assert pack is not None, case.program
    wanted = rule if "." in rule else f"{pack.id}.{rule}"
    return [f for f in evaluate_case(case, pack, as_of, within) if f.rule == wanted]


@dataclass(frozen=True)
class RuleCase:
    path: Path
    program: str
    rule: str
    outcome: str
    as_of: dt.date
    within: int
    expect: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.program}/{self.rule}/{self.path.name}"

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


class HeaderError(ValueError):
    pass


def read_header(path: Path) -> dict[str, str]:
    """The `# key: value` lines of the leading comment block; unknown keys are an error."""
    header: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key not in HEADER_KEYS:
            raise HeaderError(f"{path}:{number}: unknown header '{key}'; known: {', '.join(HEADER_KEYS)}")
        if key in header:
            raise HeaderError(f"{path}:{number}: header '{key}' given twice")
        header[key] = value
    return header


def read_rule_case(path: Path) -> RuleCase:
    """One annotated case file, its header checked against what its outcome needs."""
    outcome = path.name.split("-", 1)[0]
    if outcome not in OUTCOMES or not path.name.endswith(".yaml"):
        raise HeaderError(f"{path}: name it fires-*.yaml, quiet-*.yaml or satisfied-*.yaml")
    header = read_header(path)
    if "as-of" not in header:
        raise HeaderError(f"{path}: the header needs '# as-of: YYYY-MM-DD'")
    expectations = {k: v for k, v in header.items() if k.startswith("expect-")}
    if outcome == "fires":
        for needed in ("expect-due", "expect-status"):
            if needed not in expectations:
                raise HeaderError(f"{path}: a fires case needs '# {needed}: ...'")
        if expectations["expect-status"] not in STATUSES:
            raise HeaderError(f"{path}: expect-status must be one of {', '.join(STATUSES)}")
    elif expectations:
        raise HeaderError(f"{path}: only fires cases carry expect-* lines")
    return RuleCase(
        path=path,
        program=path.parent.parent.name,
        rule=path.parent.name,
        outcome=outcome,
        as_of=dt.date.fromisoformat(header["as-of"]),
        within=int(header.get("within", "14")),
        expect=expectations,
    )


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*/*/*.yaml"))
