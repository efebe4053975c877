"""What casestaff does for a rule or a check beyond running it -- the agenda's months-in-component
benchmarks, the narration's follow-up meeting, the provider agenda's check of every customer --
follows what the function declares in its record, never its name: a user pack naming a function
registered under another name gets the same behaviour when that function declares the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import types
from types import MappingProxyType
from pathlib import Path

import pytest

from casestaff.documents.agenda import build_agenda
from casestaff.documents.narrate import context
from casestaff.documents.provider_agenda import build_provider_agenda
from casestaff.documents.readiness import READINESS_SPECS
from casestaff.files.config import load_config
from casestaff.model.catalogue import READINESS_CHECKS
from casestaff.model.named import registry
from casestaff.packset import load_packset
from casestaff.rules.functions import RULE_SPECS

from ..rule_cases.harness import load

PACK = """\
id: tx-example
name: Example program
agency: Example agency
state: TX
policy: {title: Example policy, cite_as: EX Policy}
staffing_kinds:
  - {id: case-review, name: Case review}
  - {id: planning, name: Planning meeting}
  - {id: provider-review, name: Provider review}
roles:
  - {abbr: CM, title: Case manager, department: true}
rules:
  - id: benchmark
    function: months_in_activity
    params: {months: [3, 6]}
    sources: {months: local default}
    satisfied_by: [case-review]
    explain: A case review at 3 and 6 months in the same activity.
    reason: "{months} months in {component}"
    citation: {section: II}
  - id: planning
    function: meeting_following
    params: {after: [case-review], days: 20}
    sources: {after: local default, days: local default}
    satisfied_by: [planning]
    explain: A planning meeting follows each case review.
    reason: "Planning meeting due within {days} days of the {staffing_date} review"
    citation: {section: II}
provider_cycle:
  customer_kinds: [case-review]
  deadlines:
    - id: provider-review
      what: Provider review held
      month_end: true
      done_by: provider-review
      citation: {section: III}
agenda:
  parts: [activities]
  readiness:
    - id: eligible
      title: Eligibility on file
      check: eligibility_on_file
      citation: {section: IV}
"""

CASE = """\
case_id: TX-1
program: tx-example
provider: Example Works
participant: {name: Lee Testcase}
enrolled: 2026-01-05
components:
  - {name: Job search, start: 2026-02-02}
staffings:
  - date: 2026-11-02
    kind: case-review
    present: [{role: CM, initials: KM}]
    discussion: Hours and barriers.
    next_steps: [{step: Call the employer, owner: KM, due: 2026-11-20}]
"""

AS_OF = dt.date(2026, 11, 23)


def _renamed(function: types.FunctionType, name: str) -> types.FunctionType:
    """The same function under another name (signature and docstring kept)."""
    copy = types.FunctionType(function.__code__, function.__globals__, name, function.__defaults__, function.__closure__)
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__annotations__ = dict(function.__annotations__)
    copy.__doc__ = function.__doc__
    return copy


def _register(monkeypatch: pytest.MonkeyPatch, attribute: str, original, extra: list) -> None:
    """casestaff as if its registry `attribute` (now `original`) also held `extra`: every module
    holding the registry sees the new one."""
    _swap(monkeypatch, attribute, original, registry((*original.values(), *extra)))


def _swap(monkeypatch: pytest.MonkeyPatch, attribute: str, original, swapped) -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("casestaff") and getattr(module, attribute, None) is original:
            monkeypatch.setattr(module, attribute, swapped)


@pytest.fixture(params=[True, False], ids=["declared", "not-declared"])
def declared(request, monkeypatch: pytest.MonkeyPatch) -> bool:
    """months_in_component, meeting_after_staffing and eligibility_verified registered once more
    under other names, declaring what the originals declare -- or not."""
    keep = request.param

    def spec(registry_, name: str, new_name: str, **undeclared):
        original = registry_[name]
        changes = {} if keep else undeclared
        return dataclasses.replace(original, function=_renamed(original.function, new_name), **changes)

    _register(
        monkeypatch,
        "RULE_SPECS",
        RULE_SPECS,
        [
            spec(RULE_SPECS, "months_in_component", "months_in_activity", benchmarks=None),
            spec(RULE_SPECS, "meeting_after_staffing", "meeting_following", follow_up=None),
        ],
    )
    _register(monkeypatch, "READINESS_SPECS", READINESS_SPECS, [spec(READINESS_SPECS, "eligibility_verified", "eligibility_on_file", per_customer=None)])
    # the pack set checks names against the catalogue, which declares the new name too
    declared_too = {**READINESS_CHECKS, "eligibility_on_file": READINESS_CHECKS["eligibility_verified"]}
    _swap(monkeypatch, "READINESS_CHECKS", READINESS_CHECKS, MappingProxyType(declared_too))
    return keep


def test_a_renamed_function_gets_the_behaviour_its_record_declares(tmp_path: Path, declared: bool) -> None:
    (tmp_path / "tx.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["tx.yaml"]\n', encoding="utf-8")
    packset = load_packset(load_config(tmp_path / "casestaff.toml"))  # the user pack is linted: the names are known
    pack = packset.get("tx-example")
    case = load(CASE, packset=packset)

    activity = build_agenda(case, pack, AS_OF, AS_OF).activities.current[0]
    follow_up = context(case, case.staffings[0], pack)["follow_up"]
    readiness = build_provider_agenda([case], pack, "Example Works", AS_OF.replace(day=1), AS_OF).readiness

    if not declared:
        assert (activity.benchmark, follow_up, readiness) == (None, None, ())
        return
    assert activity.benchmark.text == "6-month benchmark reached on 2026-08-02 (staffing mandatory at 3, 6 months)"
    # 30 days on is Sunday 11-22: due the Friday before, the date `casestaff due` flags it by
    assert follow_up == {"name": "Planning meeting", "date": dt.date(2026, 11, 20), "state": "due by", "due": dt.date(2026, 11, 20)}
    assert [(c.id, c.status, c.details) for c in readiness] == [
        (
            "eligible",
            "blocking",
            ("Lee Testcase (TX-1): SNAP eligibility for November 2026 is not verified; verify it in IES before the staffing.",),
        )
    ]


def test_every_declared_parameter_is_one_the_function_takes() -> None:
    """A record naming a parameter its function does not have would lose the behaviour silently."""
    for spec in RULE_SPECS.values():
        if spec.benchmarks is not None:
            assert spec.params[spec.benchmarks] == "list[int]", spec.name
        if spec.follow_up is not None:
            assert spec.params[spec.follow_up.after] == "list[str]", spec.name
            assert spec.params[spec.follow_up.days] == "int", spec.name
