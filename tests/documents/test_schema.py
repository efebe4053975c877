"""`casestaff schema` is a valid JSON Schema, and it agrees with the loader.

VS Code checks case files against the schema while the user types; `casestaff check` checks
them with the loader. If the two disagreed, a file could be green in the editor and refused by
casestaff, or the other way round. So for every sample and a corpus of broken variants: the
loader finds a problem in a file's shape if and only if the schema rejects it.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from yaml.nodes import Node, ScalarNode, SequenceNode

from casestaff.files import yamlread
from casestaff.files.casefile import read_case
from casestaff.cli.main import app
from casestaff.files.config import Config
from casestaff.packset import load_packset
from casestaff.documents.schema import case_schema
from casestaff.model.spec import CASE_KIND, fields_of

from ..conftest import SAMPLES

PACKSET = load_packset(Config())
SCHEMA = case_schema(PACKSET)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)

BEYOND_SCHEMA = ("is before",)
"""Problems that compare two values of one file (an end before its start); JSON Schema cannot."""


def json_view(node: Node | None) -> Any:
    """The document as an editor's YAML 1.2 JSON view sees it: dates are their ISO text."""
    if node is None:
        return None
    if isinstance(node, ScalarNode):
        try:
            value = yamlread.scalar_value(node)
        except yamlread.ImpossibleDate:
            return node.value
        return node.value if isinstance(value, dt.date) else value
    if isinstance(node, SequenceNode):
        return [json_view(item) for item in node.value]
    return {json_view(key): json_view(value) for key, value in node.value}


def verdicts(text: str) -> tuple[list[str], list[str]]:
    """(the loader's shape problems, the schema's errors) for one case file."""
    _, problems = read_case(text.encode("utf-8"), "case.yaml", PACKSET.packs)
    shape = [p.message for p in problems if not any(marker in p.message for marker in BEYOND_SCHEMA)]
    errors = [e.message for e in VALIDATOR.iter_errors(json_view(yamlread.parse(text)))]
    return shape, errors


def test_schema_command_prints_a_valid_draft_2020_12_schema(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    Draft202012Validator.check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert printed == json.loads(json.dumps(SCHEMA))


def test_program_and_staffing_kind_are_enums_of_the_packs():
    assert SCHEMA["properties"]["program"]["enum"] == [
        "fc-reintegration",
        "il-snap-et",
        "la-step",
        "or-ssp-case-management",
        "or-ssp-reengagement",
    ]
    every_kind = sorted({kind for pack in PACKSET.packs.values() for kind in pack.kind_ids})
    assert SCHEMA["$defs"]["Staffing"]["properties"]["kind"]["enum"] == every_kind
    assert SCHEMA["$defs"]["PlannedStaffing"]["properties"]["kind"]["enum"] == [*every_kind, None]


def test_a_users_own_pack_is_in_the_schema(runner, tmp_path, monkeypatch):
    builtin = resources.files("casestaff").joinpath("program_packs", "la-step.yaml").read_text(encoding="utf-8")
    own = builtin.replace("id: la-step", "id: ks-example").replace("case-staffing", "team-review")
    (tmp_path / "ks-example.yaml").write_text(own, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["ks-example.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert "ks-example" in printed["properties"]["program"]["enum"]
    assert "team-review" in printed["$defs"]["Staffing"]["properties"]["kind"]["enum"]


SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_every_sample_passes_both(path):
    text = yamlread.decode(path.read_bytes())
    assert verdicts(text) == ([], [])


# ---------------------------------------------------------------------------------------------
# Broken variants of the samples, made by editing the data and writing it back with ruamel.

WRONG_VALUES: dict[str, list[Any]] = {
    "text": [12, True, 1.5, ""],
    "date": ["soon", "2026-2-3", "12/03/2026", "2026-02-30", dt.datetime(2026, 1, 5, 9, 30), 20260105],
    "month": ["2026-13", "March", 3, "2026-03-01"],
    "time": ["3pm", "25:00", 1500],
    "number": ["lots", True, -1, "80"],
    "integer": ["x", 1.5],
    "bool": ["maybe", "yes", 1],
    "enum": ["bogus", 3, True],
}


def broken_variants(data: dict[str, Any], cls: type) -> Iterator[tuple[str, dict[str, Any]]]:
    """(what was broken, the broken data): one mistake each, at every level of the file."""
    specs = fields_of(cls)
    for name, spec in specs.items():
        if spec.required and name in data:
            broken = copy.deepcopy(data)
            del broken[name]
            yield f"-{name}", broken
    broken = copy.deepcopy(data)
    broken["birthdate" if "birth_date" in specs else "notes_2"] = "x"
    yield "+unknown", broken
    for name, value in data.items():
        kind = specs[name].kind
        if kind.name == "record" and isinstance(value, dict):
            for what, inner in broken_variants(value, kind.record):
                yield f"{name}.{what}", {**data, name: inner}
            yield f"{name}=text", {**data, name: "text"}
        elif kind.name == "list" and isinstance(value, list) and value:
            if kind.item.name == "record":
                for what, inner in broken_variants(value[0], kind.item.record):
                    yield f"{name}[0].{what}", {**data, name: [inner, *value[1:]]}
            yield f"{name}=text", {**data, name: "text"}
            yield f"{name}+empty item", {**data, name: [*value, None]}
        elif kind.name in WRONG_VALUES:
            for wrong in WRONG_VALUES[kind.name]:
                yield f"{name}={wrong!r}", {**data, name: wrong}
            if specs[name].required:
                yield f"{name}=empty", {**data, name: None}


def dump(data: Any) -> str:
    stream = io.StringIO()
    YAML().dump(data, stream)
    return stream.getvalue()


ONE_SAMPLE_PER_PROGRAM = [
    next(path for path in SAMPLE_FILES if path.name.startswith(program + "-")) for program in sorted(PACKSET.packs)
]


@pytest.mark.parametrize("path", ONE_SAMPLE_PER_PROGRAM, ids=[p.name for p in ONE_SAMPLE_PER_PROGRAM])
def test_loader_and_schema_reject_the_same_broken_variants(path):
    data = YAML().load(yamlread.decode(path.read_bytes()))
    disagreements = []
    rejected = 0
    variants = list(broken_variants(data, CASE_KIND.record))
    for what, broken in variants:
        shape, errors = verdicts(dump(broken))
        rejected += bool(shape)
        if bool(shape) != bool(errors):
            disagreements.append(f"{what}: loader says {shape[:1]}, schema says {errors[:1]}")
    assert disagreements == []
    assert rejected > 0.7 * len(variants) > 100  # the corpus is mostly broken files, as intended


AMY = (SAMPLES / "or-ssp-reengagement-amy.yaml").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    "old, new, loader_says",
    [
        ("program: or-ssp-reengagement", "program: or-ssp-reengagment", "is not a known program"),
        ("kind: follow-up-review", "kind: case-staffing", "is not a kind of staffing in or-ssp-reengagement"),
        ("program: or-ssp-reengagement", "program: or-ssp-reengagement", ""),
        ("- {role: FC, initials: RH}\n      - {role: Manager", "- {role: Coach, initials: RH}\n      - {role: Manager", "is not a role in"),
        ("- {role: FC, initials: RH}\n      - {role: Manager", "- {role: fc, initials: RH}\n      - {role: Manager", ""),
    ],
    ids=["unknown program", "kind of another program", "unchanged", "role of another program", "role in lower case"],
)
def test_each_programs_kinds_and_roles(old, new, loader_says):
    text = AMY.replace(old, new, 1)
    shape, errors = verdicts(text)
    assert bool(shape) == bool(loader_says) == bool(errors)
    if loader_says:
        assert loader_says in shape[0]


def test_a_program_with_provider_staffings_needs_a_provider():
    il_sample = next(path for path in SAMPLE_FILES if path.name.startswith("il-snap-et-"))
    text = "".join(
        line for line in il_sample.read_text(encoding="utf-8-sig").splitlines(keepends=True) if not line.startswith("provider:")
    )
    shape, errors = verdicts(text)
    assert shape == [
        "il-snap-et holds a monthly staffing per provider: add a line 'provider: NAME' naming the E&T provider"
    ]
    assert errors == ["'provider' is a required property"]


def test_a_date_in_a_text_field_is_the_text_as_written(write):
    """The editor's JSON view reads an unquoted date in a text field as text; so does the loader."""
    text = AMY.replace("worker: RH", "worker: 2026-01-05")
    assert verdicts(text) == ([], [])
    case, _ = read_case(text.encode(), "amy.yaml", PACKSET.packs)
    assert case is not None and case.worker == "2026-01-05"


@pytest.mark.parametrize(
    "old, new, loader_says",
    [
        ("    start: 2026-03-16\n", "    start: 2026-03-16\n    end: 2026-03-01\n", "components[1].end: 2026-03-01 is before"),
        ("  - date: 2026-10-28\n", "  - date: 2025-10-28\n", "staffings[1].date: 2025-10-28 is before enrollment"),
    ],
    ids=["component ends before it starts", "staffing before enrollment"],
)
def test_comparisons_within_a_file_are_beyond_the_schema(old, new, loader_says):
    text = AMY.replace(old, new, 1)
    _, problems = read_case(text.encode(), "amy.yaml", PACKSET.packs)
    assert [p.message for p in problems if loader_says in p.message]
    assert verdicts(text) == ([], [])


@pytest.mark.parametrize(
    "old, new, loader_says",
    [
        ("worker: RH", "worker: 2026-02-30", "worker: 2026-02-30 is not a real date (February 2026 has 28 days)"),
        ("required_hours: 80, actual_hours: 78", "required_hours: .inf, actual_hours: 78", "required_hours: .inf must be"),
        ("required_hours: 80, actual_hours: 78", "required_hours: .nan, actual_hours: 78", "required_hours: .nan must be"),
    ],
    ids=["impossible date in a text field", "infinite hours", "not-a-number hours"],
)
def test_what_json_cannot_hold_is_refused_by_the_loader_alone(old, new, loader_says):
    """Values JSON has no word for: the schema cannot see them, the loader still refuses them.

    ruamel (the writer) cannot read a file holding 2026-02-30 at all, so it is refused anywhere.
    """
    shape, errors = verdicts(AMY.replace(old, new, 1))
    assert [message for message in shape if loader_says in message]
    assert errors == []
