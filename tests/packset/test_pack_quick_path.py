"""A pack takes the quick builder's path (files/fastbuild.py) and comes out exactly as the validator
builds it, positions and the types of its parameters included; a pack the quick builder gives up
on is the validator's to read, with every one of its problems, located, as before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.files import casefile, yamlread
from casestaff.files.fastbuild import quick_record
from casestaff.model.pack import Pack
from casestaff.packset import builtin_pack_files

from ..files.test_fastbuild import mutated, same_built

BUILTIN = {file.rsplit("/", 1)[-1]: data.decode("utf-8") for file, data in builtin_pack_files()}


def _agree(text: str) -> bool:
    """Assert that a pack file reads as the validator alone reads it (the same pack, or the same
    problems); True when the quick builder built it."""
    try:
        root = yamlread.parse(text)
    except yamlread.ReadError:
        return False
    pack, problems = casefile.build_record(text.encode("utf-8"), "tx.yaml", Pack)
    expected_pack, expected_problems = casefile.validate_record(root, "tx.yaml", Pack)
    assert problems == expected_problems
    assert same_built(pack, expected_pack)
    return quick_record(root, Pack) is not None


@pytest.mark.parametrize("name", BUILTIN)
def test_every_builtin_pack_takes_the_quick_path(name: str) -> None:
    assert _agree(BUILTIN[name])


BASE = BUILTIN["il-snap-et.yaml"]
FIRST_PARAMS = "params:\n      months: [6, 9, 12]\n"
assert BASE.count(FIRST_PARAMS) >= 2


def _edited(*edits: tuple[str, str]) -> str:
    """BASE with each (old, new) made once, at old's first place."""
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


VARIANTS = {
    # (the pack, whether the quick builder builds it)
    "an alias repeating a rule's params": (_edited((FIRST_PARAMS, "params: &p\n      months: [6, 9, 12]\n"), (FIRST_PARAMS, "params: *p\n")), False),
    "an alias of a list inside params": (_edited(("months: [6, 9, 12]", "months: &m [6, 9, 12]"), ("months: [6, 9, 12]", "months: *m")), True),
    "an alias of a block that is params elsewhere": (
        _edited(("policy:\n", "policy: &b\n"), (FIRST_PARAMS, "params: *b\n")),
        False,
    ),
    "an alias of a block inside params, as the next rule's params": (
        _edited((FIRST_PARAMS, "params:\n      nested: &q {a: 1}\n      months: [6, 9, 12]\n"), (FIRST_PARAMS, "params: *q\n")),
        False,
    ),
    "an alias of a list inside params, as a field's list": (
        _edited((FIRST_PARAMS, FIRST_PARAMS + "      names: &m [customer-staffing]\n"), ("satisfied_by: [customer-staffing]", "satisfied_by: *m")),
        False,
    ),
    "params holding itself": (_edited((FIRST_PARAMS, "params: &s {months: *s}\n")), False),
    "an alias of a text": (_edited(("state: IL", "state: &s IL"), ("name: Customer staffing", "name: *s")), True),
    "params tagged !!map": (_edited((FIRST_PARAMS, "params: !!map\n      months: [6, 9, 12]\n")), False),
    "params tagged !!int": (_edited(("months: [6, 9, 12]", "months: !!int 6")), False),
    "a text tagged !!str in params": (_edited(("months: [6, 9, 12]", "months: !!str 6")), True),
    "a merge key in params": (_edited((FIRST_PARAMS, "params:\n      <<: {months: 6}\n")), False),
    "a repeated key in params": (_edited((FIRST_PARAMS, FIRST_PARAMS + "      months: [6]\n")), False),
    "params empty": (_edited((FIRST_PARAMS, "params:\n")), False),
    "params a list": (_edited((FIRST_PARAMS, "params: [6, 9, 12]\n")), False),
    "params with nothing in it": (_edited((FIRST_PARAMS, "params: {}\n")), True),
    "params named by a number": (_edited((FIRST_PARAMS, "params: {1: six, 2.5: [a, b], null: ~, false: 0o7}\n")), True),
    "a date in params": (_edited((FIRST_PARAMS, "params: {start: 2026-01-05, at: 2026-01-05 10:00, months: '6'}\n")), True),
    "an impossible date in params": (_edited((FIRST_PARAMS, "params: {start: 2026-02-30}\n")), False),
    "a number in sources": (_edited(('months: "engaged', 'months: 6\n      other: "engaged')), True),
    "sources a text": (_edited(('sources:\n      months: "engaged in the same component for a period of 6, 9 and/or 12 months"', "sources: x")), False),
    "an unknown field": (_edited(("policy:\n", "polcy: x\npolicy:\n")), False),
    "a field twice": (_edited(("state: IL\n", "state: IL\nstate: IL\n")), False),
    "a required field empty": (_edited(("name: Illinois SNAP E&T staffing", "name:")), False),
    "a choice not allowed": (_edited(("on_fail: warning", "on_fail: warn")), False),
    "true/false written yes": (_edited(("department: true", "department: yes")), False),
    "true/false quoted": (_edited(("department: true", "department: 'true'")), False),
    "a number for text": (_edited(("abbr: IDHS", "abbr: 42")), False),
    "a date for text": (_edited(("abbr: IDHS", "abbr: 2026-01-05")), True),
    "an empty list item": (_edited(("satisfied_by: [customer-staffing]", "satisfied_by: [customer-staffing, ~]")), False),
    "a list written empty": (_edited(("satisfied_by: [customer-staffing]", "satisfied_by: []")), True),
    "a list left empty": (_edited(("satisfied_by: [customer-staffing]", "satisfied_by:")), True),
    "a block left empty": (_edited(("policy:\n  title: Staffing Meetings\n  cite_as: IL IDHS SNAP E&T Staffing Meetings\n", "policy:\n")), False),
    "a block for text": (_edited(("abbr: IDHS", "abbr: {x: 1}")), False),
    "the whole file a list": ("- " + BASE.replace("\n", "\n  "), False),
    "the whole file one text": ("just words\n", False),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_a_variant_reads_as_the_validator_reads_it(name: str) -> None:
    text, quick = VARIANTS[name]
    assert _agree(text) is quick


MUTATIONS = [
    (FIRST_PARAMS, "params: {}\n"),
    ("params:\n", "params: !!map\n"),
    ("      months: [6, 9, 12]\n", "      months: [6, 9, 12]\n      months: 6\n"),
    ("min_share: 0.5", "min_share: .inf"),
    ("min_share: 0.5", "min_share: 0x10"),
    ("min_share: 0.5", "min_share: '0.5'"),
    ("due_within_days: 30", "due_within_days: ~"),
    ("due_within_days: 30", "due_within_days: [30, {a: b}]"),
    ("sources: {", "sources: !!map {"),
    ("on_fail: warning", "on_fail: blocking"),
    ("department: true", "department: false"),
    ("department: true", "department: True"),
    ("id: ", "id: !!str "),
    ("section: ", "section: ~ #"),
    ("quote: ", "quote: 12 #"),
    ("reason: ", "reason: 2026-01-05 #"),
    ("  - id: ", "  - &item\n    id: "),
    ("satisfied_by: [", "satisfied_by: [customer-staffing, "),
    ("explain: ", "explain:\n    "),
    ("\n  - ", "\n  -   "),
]


@given(
    name=st.sampled_from(sorted(BUILTIN)),
    picks=st.lists(st.sampled_from(MUTATIONS), max_size=3),
    nth=st.integers(0, 5),
)
def test_a_mutated_builtin_pack_reads_as_the_validator_reads_it(name: str, picks: list[tuple[str, str]], nth: int) -> None:
    _agree(mutated(BUILTIN[name], picks, nth))
