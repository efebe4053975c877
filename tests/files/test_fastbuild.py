"""The quick builder builds exactly what the validator builds, or gives up and lets it explain."""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.files import casefile, yamlread
from casestaff.files.fastbuild import quick_record
from casestaff.model import records as model
from casestaff.model.spec import CASE_KIND

from ..conftest import REPO, SAMPLES

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import case_text


def validated(text: str):
    """The case as the validator builds it (None when it finds a problem)."""
    record, _ = casefile.validate_record(yamlread.parse(text), "x.yaml", CASE_KIND.record)
    return record


def same_built(a, b) -> bool:
    """Equal values, and equal positions (`pos`, `at`) all the way down."""
    if isinstance(a, model.Record) or isinstance(b, model.Record):
        if type(a) is not type(b) or a.pos != b.pos or a.at != b.at:
            return False
        return all(same_built(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_built(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):  # a pack's params: keys, their order and values alike
        return same_built(list(a), list(b)) and all(same_built(a[key], b[key]) for key in a)
    return type(a) is type(b) and a == b


def _check(text: str) -> bool:
    """Assert the two builders agree on `text`; True when the quick one built the case."""
    try:
        root = yamlread.parse(text)
    except yamlread.ReadError:
        return False
    if root is None:
        return False
    quick = quick_record(root, model.Case)
    slow = validated(text)
    if quick is not None:
        assert slow is not None, "the quick builder accepted what the validator refuses"
        assert same_built(quick, slow)
        return True
    return False


CORPUS = sorted(SAMPLES.glob("*.yaml")) + sorted((REPO / "tests" / "rule_cases").rglob("*.yaml"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_agrees_on_every_sample_and_rule_case(path: Path) -> None:
    text = yamlread.decode(path.read_bytes())
    built = _check(text)
    if path.parent == SAMPLES:
        assert built, "a valid sample should take the quick path"


def test_agrees_on_generated_caseloads() -> None:
    rng = random.Random(11)
    built = sum(_check(case_text(i, rng)) for i in range(300))
    assert built == 300


def test_agrees_on_long_lists_lines_and_rows() -> None:
    """More items than the quick builder names ahead (fastbuild._ITEM_LABELS_MADE), more lines
    and wider rows than it keeps positions for (_PLACES_LINES, _PLACES_COLUMNS)."""
    text = case_text(3, random.Random(3))
    assert "outstanding_info:" not in text
    text += "outstanding_info:\n" + "".join(f"  - item: Paper {i}\n    requested: 2026-02-05\n" for i in range(600))
    text += "  - {item: " + "wide " * 30 + ", requested: 2026-02-05, note: at column 170}\n"
    assert _check(text)


SMALL_CASE = """\
# a valid case (with an alias of a scalar, which case files may use) to add a block to
case_id: LA-0002
program: la-step
worker: &w KM
provider: *w
participant:
  name: Casey Example
enrolled: 2026-01-05
"""

ALIASES_OF_BLOCKS = {
    "a list repeating an earlier list": "challenges:\n  participant: &a [lol, lol]\n  family: *a\n",
    "an item repeating an earlier item": "components:\n  - &c\n    name: Job\n    start: 2026-02-02\n  - *c\n",
    "an item repeating one of another list": (
        "planned_staffing:\n  invited:\n    - &p {role: FC, initials: KM}\n"
        "staffings:\n  - date: 2026-02-02\n    kind: case-staffing\n    present: [*p]\n"
    ),
    "a list holding itself": "strengths:\n  individual: &s [*s]\n",
    "a block holding the block it is in": "staffings: &t\n  - date: 2026-02-02\n    kind: case-staffing\n    next_steps: *t\n",
}


def test_an_alias_of_a_scalar_is_read() -> None:
    assert _check(SMALL_CASE)


@pytest.mark.parametrize("extra", ALIASES_OF_BLOCKS.values(), ids=ALIASES_OF_BLOCKS.keys())
def test_gives_up_on_an_alias_repeating_a_block(extra: str) -> None:
    """Caught by the blocks and lists it has read (`seen`); the validator refuses them too."""
    text = SMALL_CASE + extra
    assert quick_record(yamlread.parse(text), model.Case) is None
    assert validated(text) is None


REPEATED_KEYS = {
    "an optional field twice": "notes: a\nnotes: b\n",
    "an optional field empty, then written": "goal:\ngoal: Work\n",
    "a required field twice, in place of another": "sanction:\n  reason: x\n  reason: y\n  effective_on: 2026-03-01\n",
}


@pytest.mark.parametrize("extra", REPEATED_KEYS.values(), ids=REPEATED_KEYS.keys())
def test_gives_up_on_a_repeated_key(extra: str) -> None:
    text = SMALL_CASE + extra
    assert quick_record(yamlread.parse(text), model.Case) is None
    assert validated(text) is None


MUTATIONS = [
    ("2026-", "2026-1-"),
    (": ", ": !!str "),
    ("name: ", "name: 42 "),
    ("actual_hours: 80", "actual_hours: -1"),
    ("actual_hours: 80", "actual_hours: .nan"),
    ("good_cause: false", "good_cause: no"),
    ("progress: some", "progress: lots"),
    ("progress: ", "progres: "),
    ("worker: ", "worker: 2026-01-05 #"),
    ("case_id: ", "case_id: ''\nnotes: "),
    ("date: 2026", "date: '2026"),
    ("month: 2026-", "month: '2026-"),
    ("  - name: ", "  - &a\n    name: "),
    ("staffings:", "notes: ~\nstaffings:"),
    ("household:", "household: []\nx_household:"),
]


def mutated(text: str, picks: list[tuple[str, str]], nth: int) -> str:
    """`text` with each (old, new) of `picks` made at old's nth place (or its last, if fewer)."""
    for old, new in picks:
        place = -1
        for _ in range(nth + 1):
            found = text.find(old, place + 1)
            if found < 0:
                break
            place = found
        if place >= 0:
            text = text[:place] + new + text[place + len(old) :]
    return text


@given(seed=st.integers(0, 10_000), picks=st.lists(st.sampled_from(MUTATIONS), max_size=3), nth=st.integers(0, 5))
def test_agrees_on_mutated_cases(seed: int, picks, nth: int) -> None:
    _check(mutated(case_text(seed, random.Random(seed)), picks, nth))


DATE_SHAPES = {
    "2026-03-01": True,
    "'2026-03-01'": True,
    '"1900-01-01"': True,
    "2999-12-31": True,
    "2026-02-30": False,  # impossible: date.fromisoformat refuses it, the digits are all there
    "2026-13-01": False,
    "2026-00-10": False,
    "0000-01-01": False,
    "1899-12-31": False,  # a real day, in no plausible year
    "3000-01-01": False,
    "2026-1a-01": False,  # not eight digits around the dashes: text, which is not a date
    "+026-01-01": False,
    "2026-0\u0661-01": False,  # a digit, but not an ASCII one
    "'2026-03-1x'": False,
    "20260301": False,  # shapes date.fromisoformat reads as days, and YAML as a number or text
    "2026-W09-1": False,
    "2026-03": False,
}


@pytest.mark.parametrize("written", DATE_SHAPES)
def test_agrees_on_every_shape_of_a_day(written: str) -> None:
    """A date field reads YYYY-MM-DD through date.fromisoformat (fastbuild._iso_day): what it
    refuses, and what it would read that is not YYYY-MM-DD, must come out as the validator's."""
    text = SMALL_CASE.replace("enrolled: 2026-01-05", f"enrolled: {written}")
    assert _check(text) is DATE_SHAPES[written]
    item = SMALL_CASE + f"components:\n  - name: Job\n    start: 2026-01-05\n    end: {written}\n"
    assert _check(item) is DATE_SHAPES[written]


ENUM_SHAPES = {
    "some": True,
    "'some'": True,
    '"good"': True,
    "!!str none": False,  # a tag: the quick builder leaves it to the validator
    "lots": False,
    "Some": False,
    "'some '": False,
    "~": False,  # nothing, in a required field
    "[some]": False,
}


@pytest.mark.parametrize("written", ENUM_SHAPES)
def test_agrees_on_every_shape_of_a_choice(written: str) -> None:
    """An enum field takes a value it allows without _scalar's tests (fastbuild._reader); any
    other value goes the long way, to the same answer as the validator's."""
    text = SMALL_CASE + f"progress_reviews:\n  - date: 2026-02-02\n    progress: {written}\n"
    assert _check(text) is ENUM_SHAPES[written]
