"""Numbers the policy does not give are visibly local, from the user's side: `casestaff due` marks
a flag whose timing rests on a local default -- or on a value the office set in casestaff.toml --
in every format, and `casestaff programs ID` says beside each value where it comes from."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from casestaff.cli.main import app
from casestaff.cli.render_due import plain_lines
from casestaff.files.config import Config
from casestaff.packset import load_packset
from casestaff.rules.due import DueJob, due_report
from casestaff.rules.flags import OVERDUE, CaseEntry, Evidence, Flag, LocalValue

CASE = """\
case_id: LA-T-8001
program: la-step
worker: KM
participant: {name: Robin Testcase}
enrolled: 2026-06-01
progress_reviews:
  - {date: 2026-10-01, progress: some}
sanction: {reason: No participation in October, proposed_on: 2026-11-16, effective_on: 2026-12-07}
"""

OVERRIDE = """\
[programs.la-step.rules.no-progress]
days = 45
"""


@pytest.fixture
def office(write, tmp_path, monkeypatch) -> None:
    """A case folder with one la-step case; casestaff.toml sets no-progress days to 45."""
    write("casestaff.toml", OVERRIDE)
    write("cases/robin.yaml", CASE)
    monkeypatch.chdir(tmp_path)


def _due(runner, fmt: str) -> str:
    result = runner.invoke(app, ["due", "cases", "--as-of", "2026-11-25", "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_plain_list_marks_local_defaults_and_values_set_in_casestaff_toml(runner, office) -> None:
    text = _due(runner, "table")  # piped: plain text
    assert (
        "     policy: LA DCFS P-380, II. Procedures\n"
        "     set in casestaff.toml: days=45; local default: due_within_days=10\n"
    ) in text
    assert (
        "     policy: LA DCFS P-380, II. Procedures, Prior to entering a sanction\n"
        "     local default: workdays_before_effective=1\n"
    ) in text


def test_json_and_csv_say_which_values_are_not_the_policys(runner, office) -> None:
    items = {item["rule"]: item for item in json.loads(_due(runner, "json"))}
    assert items["la-step.no-progress"]["local_default"] == [
        {"param": "days", "value": 45, "source": "set in casestaff.toml"},
        {"param": "due_within_days", "value": 10, "source": "local default"},
    ]
    assert items["la-step.pending-sanction"]["local_default"] == [
        {"param": "workdays_before_effective", "value": 1, "source": "local default"}
    ]
    rows = {row["rule"]: row for row in csv.DictReader(io.StringIO(_due(runner, "csv").removeprefix("\ufeff")))}
    assert rows["la-step.no-progress"]["local_default"] == "set in casestaff.toml: days=45; local default: due_within_days=10"
    assert rows["la-step.pending-sanction"]["local_default"] == "local default: workdays_before_effective=1"


def test_a_flag_resting_only_on_the_policys_numbers_is_not_marked(runner, write, tmp_path, monkeypatch) -> None:
    write(
        "cases/casey.yaml",
        """
        case_id: IL-T-8001
        program: il-snap-et
        provider: Example Works
        participant: {name: Casey Testcase}
        enrolled: 2026-05-01
        components:
          - {name: Job search, start: 2026-05-25}
        """,
    )
    write("casestaff.toml", "")
    monkeypatch.chdir(tmp_path)
    flags = [item for item in json.loads(_due(runner, "json")) if item["kind"] == "flag"]
    rules = {f["rule"]: f["local_default"] for f in flags}
    assert "il-snap-et.component-benchmark" in rules  # 6 months in the same component: the policy's number
    assert all(marked == [] for marked in rules.values()), rules
    assert "local default" not in _due(runner, "table")


def test_programs_says_beside_each_value_where_it_comes_from(runner, office) -> None:
    result = runner.invoke(app, ["programs", "la-step"])
    assert result.exit_code == 0, result.output
    assert (
        "    days=45: set in casestaff.toml\n"
        "    due_within_days=10: local default — the policy sets no number\n"
        "  la-step.non-participation  [participation_shortfall(min_share=1.0, due_within_days=10)]\n"
    ) in result.stdout
    assert (
        "    factors=['homelessness', 'domestic_violence', 'substance_use']:"
        ' from the policy — "Risk Factors (Homeless/Domestic Violence/Substance Abuse/etc.)"\n'
        "    days=90: local default — the policy sets no number\n"
    ) in result.stdout
    assert "    workdays_before_effective=1: local default — the policy sets no number\n" in result.stdout


def test_programs_shows_a_requirements_source_too(runner) -> None:
    """The team of three is a requirement of or-ssp-reengagement's staffings, not a rule parameter."""
    result = runner.invoke(app, ["programs", "or-ssp-reengagement"])
    assert result.exit_code == 0, result.output
    requirement = result.stdout.split("Requirements (", 1)[1].split("Before narrating", 1)[0]
    assert '  team-of-three  [department_staff_present(minimum=3)]' in requirement
    assert '    minimum=3: from the policy — "at least three department staff or designees"\n' in requirement


HELD_BY_TWO = """\
case_id: LA-T-8002
program: la-step
worker: KM
participant: {name: Robin Testcase}
enrolled: 2026-06-01
sanction: {reason: No participation in October, proposed_on: 2026-11-16, effective_on: 2026-12-07}
staffings:
  - date: 2026-11-20
    kind: case-staffing
    present: [{role: Coach, initials: KM}, {role: Supervisor, initials: TB}]
    discussion: Robin missed October; the team discussed the sanction.
    all_information_discussed: true
    decision: Enter the sanction.
    explanation: Robin gave no good cause for missing October.
progress_reviews:
  - {date: 2026-11-20, progress: some}
"""


@pytest.mark.parametrize("minimum, counted", [(None, True), (2, True), (3, False)])
def test_an_office_can_raise_the_number_of_staff_a_sanction_staffing_needs(runner, write, tmp_path, monkeypatch, minimum, counted) -> None:
    """P-380 names no number for 'a group process'; the pack's 2 is a local default an office may
    raise in casestaff.toml -- and then due, programs and the agenda all ask for the office's number."""
    if minimum is not None:
        write("casestaff.toml", f"[programs.la-step.requirements.held-as-a-group]\nminimum = {minimum}\n")
    write("cases/robin.yaml", HELD_BY_TWO)
    monkeypatch.chdir(tmp_path)
    listed = runner.invoke(app, ["due", "cases", "--as-of", "2026-11-25", "--format", "json", "--no-cache"])
    assert listed.exit_code == 0, listed.output
    pending = [item for item in json.loads(listed.stdout) if item.get("rule") == "la-step.pending-sanction"]
    if counted:
        assert pending == []
    else:
        assert len(pending) == 1
        assert pending[0]["reason"].endswith("the 2026-11-20 staffing did not count: only 2 department staff")
    shown = runner.invoke(app, ["programs", "la-step"])
    assert f"Held as a group -- at least {minimum or 2} department staff or designees" in shown.stdout
    assert ("    minimum=3: set in casestaff.toml\n" in shown.stdout) == (minimum == 3)
    assert ("    minimum=2: local default" in shown.stdout) == (minimum is None)


REQUIREMENT_SETTING_ERRORS = {
    "no such requirement": (
        "[programs.la-step.requirements.held-as-group]\nminimum = 3\n",
        "casestaff.toml:1:1: programs.la-step.requirements.held-as-group: la-step has no requirement 'held-as-group';"
        " did you mean 'held-as-a-group'?; its requirements: held-as-a-group,",
    ),
    "a word for a number": (
        '# our office\n[programs.la-step.requirements.held-as-a-group]\nminimum = "three"\n',
        "casestaff.toml:3:1: programs.la-step.requirements.held-as-a-group: parameter 'minimum' of department_staff_present"
        " must be a whole number, not 'three'",
    ),
    "a parameter the check does not take": (
        "[programs.la-step.requirements.held-as-a-group]\nminimum = 3\nmaximum = 5\n",
        "casestaff.toml:3:1: programs.la-step.requirements.held-as-a-group: department_staff_present has no parameter 'maximum';"
        " did you mean 'minimum'?; it takes: minimum",
    ),
    "not a table": (
        "[programs.la-step]\nrequirements = 3\n",
        "casestaff.toml:2:1: programs.la-step.requirements must be a table: [programs.la-step.requirements.REQUIREMENT]",
    ),
}


@pytest.mark.parametrize("toml, expected", REQUIREMENT_SETTING_ERRORS.values(), ids=REQUIREMENT_SETTING_ERRORS.keys())
def test_a_wrong_requirement_setting_is_located_with_its_fix(runner, write, tmp_path, monkeypatch, toml, expected) -> None:
    write("casestaff.toml", toml)
    write("cases/robin.yaml", HELD_BY_TWO)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["due", "cases", "--as-of", "2026-11-25"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[0].replace(str(tmp_path / "casestaff.toml"), "casestaff.toml").startswith(expected)


def test_answers_decoded_apart_keep_equal_local_defaults_once_and_print_unequal_ones_apart() -> None:
    """Decoded answers (from the workers or the cache) each bring their own local defaults:
    DueJob.shared keeps equal ones once, as a run in one process has them -- but 45, 45.0 and
    True are equal numbers that print differently, and the list shows each as it is."""
    packset = load_packset(Config())
    day = dt.date(2026, 11, 2)

    def entry(number: int, value: object) -> CaseEntry:
        case, name = f"LA-T-{number}", f"Robin Testcase {number}"
        flag = Flag(
            case=case, file=f"{case}.yaml", participant=name, worker="KM", program="la-step", rule="la-step.no-progress",
            reason="No progress", evidence=(Evidence("progress review", "2026-10-01", 7),), since=day, due=day,
            status=OVERDUE, citation="LA DCFS P-380", local_default=(LocalValue("days", value, "casestaff.toml"),),
        )  # fmt: skip
        return CaseEntry(case=case, participant=name, worker="KM", program="la-step", provider="", file=f"{case}.yaml", flags=(flag,), held=())

    values = [45, 45, 45.0, True, 45.0]
    job = DueJob(packset=packset, as_of=dt.date(2026, 12, 1), within=14, default_worker="")
    texts: dict[object, object] = {}
    entries = [job.shared(entry(number, value), texts) for number, value in enumerate(values)]
    kept = [e.flags[0].local_default for e in entries]
    assert kept[0] is kept[1] and kept[2] is kept[4]
    assert kept[0] is not kept[2] and kept[0] is not kept[3] and kept[2] is not kept[3]
    text = "\n".join(plain_lines(due_report(entries, packset, Config(), dt.date(2026, 12, 1))))
    shown = [line.strip() for line in text.splitlines() if line.strip().startswith("casestaff.toml:")]
    assert sorted(shown) == sorted(["casestaff.toml: days=45"] * 2 + ["casestaff.toml: days=45.0"] * 2 + ["casestaff.toml: days=True"])
    apart = [entry(number, value) for number, value in enumerate(values)]  # not shared: the same list
    assert "\n".join(plain_lines(due_report(apart, packset, Config(), dt.date(2026, 12, 1)))) == text
