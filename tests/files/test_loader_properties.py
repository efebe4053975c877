"""Whatever a case file holds, the loader answers with a case or located problems, never a crash."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from casestaff.cli.main import app
from casestaff.files.casefile import read_case
from casestaff.files.config import Config
from casestaff.model import records as model
from casestaff.model.problems import Problem
from casestaff.model.spec import CASE_KIND, Kind, fields_of
from casestaff.packset import load_packset

from ..conftest import examples

PACKS = load_packset(Config()).packs


def assert_answer(data: bytes) -> None:
    """(case, []) or (None, [problems]), every problem located at line >= 1, column >= 1."""
    case, problems = read_case(data, "case.yaml", PACKS)
    if case is None:
        assert problems, "no case and no problem"
    else:
        assert isinstance(case, model.Case)
        assert problems == []
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == "case.yaml"
        assert problem.line >= 1 and problem.col >= 1, problem
        assert problem.message and "\n" not in problem.message, problem


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    assert_answer(data)


@given(st.text(max_size=1000))
def test_arbitrary_text(text):
    assert_answer(text.encode("utf-8"))


YAML_PIECES = st.sampled_from(
    [":", ": ", "- ", "-", "\n", "\n  ", "\n    ", "\t", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ",
     "<<: ", "? ", "|", ">-", "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n", "case_id", "program", "la-step",
     "participant", "name", "enrolled", "2026-02-30", "2026-01-05", "\r\n", "\ufeff", "é", "\x85", "\u2028"]
)


@given(st.lists(YAML_PIECES, max_size=60).map("".join))
def test_yaml_punctuation_soup(text):
    assert_answer(text.encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Documents shaped like case files: the real keys (and a few near misses) with random values.

WORDS = st.sampled_from(
    ["", "~", "null", "yes", "no", "true", "0", "-1", "1001", "12.5", ".nan", ".inf", "1e3", "0x1F", "010",
     "2026-01-05", "2026-02-30", "2026-2-3", "12/03/2026", "2026-01-05 09:30:00", "2026-13", "2026-11", "15:00",
     "25:99", "la-step", "il-snap-et", "case-staffing", "customer", "FC", "Coach", "José Núñez", "'quoted'",
     '"2026-01-05"', "a: b", "[x, y]", "{a: 1}", "*nothing", "&anchor x", "!!int 3", "'", "homelessness",
     "open", "achieved", "pending", "all", "reunification"]
)

KEY_TYPOS = ["birthdate", "case-id", "Program", "staffing", "<<", "1", ""]


GOOD_WORDS = {
    "date": ["2025-12-01", "2026-01-05", "2026-03-01", "2026-11-30"],
    "month": ["2026-03", "2026-10"],
    "time": ["15:00"],
    "number": ["0", "80", "12.5"],
    "integer": ["30"],
    "bool": ["true", "false"],
    "text": ["Jordan Example", "FC", "Coach", "case-staffing", "Manager"],
}


def good_word(kind: Kind) -> st.SearchStrategy[str]:
    """A value of the right kind, so that many documents reach the later checks."""
    return st.sampled_from(list(kind.values) if kind.name == "enum" else GOOD_WORDS.get(kind.name, ["x"]))


def value_for(kind: Kind, depth: int) -> st.SearchStrategy[Any]:
    """A random value, usually of the field's own shape, sometimes of another."""
    good = good_word(kind)
    scalar = st.one_of(good, good, good, WORDS)
    if kind.name == "record" and depth < 3:
        return st.one_of(scalar, record_for(kind.record, depth + 1, typos=False), record_for(kind.record, depth + 1))
    if kind.name == "list" and depth < 3:
        assert kind.item is not None
        return st.one_of(scalar, st.lists(value_for(kind.item, depth + 1), max_size=3))
    if kind.name == "mapping":
        return st.one_of(scalar, st.dictionaries(WORDS, WORDS, max_size=2))
    if kind.name in ("record", "list"):
        return WORDS
    return scalar


def record_for(cls: type, depth: int = 0, *, typos: bool = True, leave_out: tuple[str, ...] = ()) -> st.SearchStrategy[Any]:
    """A record as (key, value) pairs; with typos, also misspelt, repeated and merge keys."""
    specs = fields_of(cls)
    allowed = [name for name in specs if name not in leave_out]
    if typos:
        names = st.lists(st.sampled_from([*allowed, *KEY_TYPOS]), max_size=len(specs) + 2)
    else:
        names = st.lists(st.sampled_from(allowed), max_size=8, unique=True)
    return names.flatmap(
        lambda chosen: st.tuples(
            *[st.tuples(st.just(name), value_for(specs[name].kind, depth) if name in specs else WORDS) for name in chosen]
        )
    )


def well_formed(kind: Kind, depth: int = 0) -> st.SearchStrategy[Any]:
    """A value of the right shape and kind; only the consistency checks can object to it."""
    if kind.name == "record":
        assert kind.record is not None
        specs = fields_of(kind.record)
        required = [name for name, spec in specs.items() if spec.required]
        optional = [name for name, spec in specs.items() if not spec.required and depth < 3]
        chosen_optional = st.lists(st.sampled_from(optional), max_size=4, unique=True) if optional else st.just([])
        return chosen_optional.flatmap(
            lambda chosen: st.tuples(
                *[st.tuples(st.just(name), well_formed(specs[name].kind, depth + 1)) for name in required + chosen]
            )
        )
    if kind.name == "list":
        assert kind.item is not None
        return st.lists(well_formed(kind.item, depth + 1), max_size=2 if depth < 3 else 0)
    if kind.name == "mapping":
        return st.just({})
    return good_word(kind)


def to_yaml(value: Any, indent: int = 0) -> list[str]:
    """Block YAML for the generated structure; scalars are written raw, on purpose unquoted."""
    pad = " " * indent
    if isinstance(value, tuple):  # a record: (key, value) pairs, duplicates allowed
        if not value:
            return [pad + "{}"]
        lines = []
        for key, item in value:
            nested = to_yaml(item, indent + 2)
            if isinstance(item, (tuple, list, dict)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(nested)
            else:
                lines.append(f"{pad}{key}: {nested[0].strip()}".rstrip())
        return lines
    if isinstance(value, dict):
        return [f"{pad}{k}: {v}".rstrip() for k, v in value.items()] or [pad + "{}"]
    if isinstance(value, list):
        lines = []
        for item in value:
            nested = to_yaml(item, indent + 2)
            lines.append(f"{pad}- {nested[0].strip()}")
            lines.extend(nested[1:])
        return lines or [pad + "[]"]
    return [pad + str(value)]


A_VALID_CASE = (
    ("case_id", "LA-0009"),
    ("program", "la-step"),
    ("participant", (("name", "Jordan Example"),)),
    ("enrolled", "2026-01-05"),
)


@given(record_for(CASE_KIND.record))
def test_documents_shaped_like_case_files(fields):
    assert_answer(("\n".join(to_yaml(fields)) + "\n").encode("utf-8"))


@given(record_for(CASE_KIND.record, typos=False, leave_out=tuple(name for name, _ in A_VALID_CASE)))
def test_valid_case_with_random_extra_fields(fields):
    """The required fields are present, so most documents get as far as the consistency checks."""
    text = "\n".join(to_yaml(A_VALID_CASE + fields)) + "\n"
    assert_answer(text.encode("utf-8"))


@given(well_formed(CASE_KIND).map(lambda fields: (("program", "la-step"), *fields)))
def test_well_formed_cases(fields):
    """Right shapes and kinds everywhere: these reach the checks of dates, kinds and roles."""
    text = "\n".join(to_yaml(tuple((k, v) for k, v in fields if k != "program" or v == "la-step"))) + "\n"
    assert_answer(text.encode("utf-8"))


def test_the_generator_reaches_valid_cases():
    """The strategies above are not only producing junk: a plain valid case loads."""
    case, problems = read_case(("\n".join(to_yaml(A_VALID_CASE)) + "\n").encode(), "case.yaml", PACKS)
    assert problems == []
    assert case is not None and case.enrolled == dt.date(2026, 1, 5)


@examples(share=0.2)
@given(fields=record_for(CASE_KIND.record), junk=st.binary(max_size=300))
def test_cli_never_prints_a_traceback(runner, tmp_path_factory, fields, junk):
    folder = tmp_path_factory.mktemp("caseload")
    (folder / "shaped.yaml").write_text("\n".join(to_yaml(A_VALID_CASE + fields)) + "\n", encoding="utf-8")
    (folder / "junk.yaml").write_bytes(junk)
    for command in (["check", str(folder), "--as-of", "2026-11-23"], ["due", str(folder), "--as-of", "2026-11-23"]):
        result = runner.invoke(app, command)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1), result.output
