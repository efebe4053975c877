"""A case read back from the cache is the case that was read from the file: every value of the
same type (80 hours stays 80, not 80.0), every position, every record -- or it is not read back."""

from __future__ import annotations

import datetime as dt
import random
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.files import yamlread
from casestaff.actions.report import PastWeeksJob
from casestaff.files.cachecodec import case_bytes, case_from_bytes, decoded, encoded
from casestaff.files.caseload import CaseFileJob, EditableJob, ProviderJob
from casestaff.files.casefile import read_case
from casestaff.model.problems import Problem
from casestaff.rules.due import DueJob

from ..conftest import REPO, SAMPLES
from .test_fastbuild import CORPUS, MUTATIONS, same_built

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import case_text


def _round_trip(text: str, packs) -> bool:
    """Assert a valid case comes back from its cached bytes as it was; True when `text` is a valid case."""
    case, _ = read_case(text.encode("utf-8"), "cases/x.yaml", packs)
    if case is None:
        return False
    blob = case_bytes(case)
    assert blob is not None
    assert case.file == "cases/x.yaml", "writing the bytes leaves the case as it was"
    back = case_from_bytes(blob, "elsewhere/x.yaml")
    assert back is not None
    assert back.file == "elsewhere/x.yaml", "a cached case is named by the path this run reads it through"
    back.file = case.file
    assert same_built(back, case)
    assert repr(back) == repr(case)
    return True


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_sample_and_rule_case_comes_back_as_it_was_read(path, packset) -> None:
    valid = _round_trip(yamlread.decode(path.read_bytes()), packset.packs)
    assert valid or path.parent != SAMPLES


def test_generated_caseloads_come_back_as_they_were_read(packset) -> None:
    rng = random.Random(5)
    assert sum(_round_trip(case_text(i, rng), packset.packs) for i in range(300)) == 300


@given(seed=st.integers(0, 10_000), picks=st.lists(st.sampled_from(MUTATIONS), max_size=3))
def test_changed_cases_come_back_as_they_were_read(seed: int, picks, packset) -> None:
    text = case_text(seed, random.Random(seed))
    for old, new in picks:
        text = text.replace(old, new, 1)
    _round_trip(text, packset.packs)


def test_whole_hours_stay_whole(packset) -> None:
    text = (SAMPLES / "il-snap-et-aisha-rahman.yaml").read_text(encoding="utf-8")
    case, _ = read_case(text.encode("utf-8"), "x.yaml", packset.packs)
    back = case_from_bytes(case_bytes(case), "x.yaml")
    assert [(type(p.actual_hours), p.actual_hours) for p in back.participation] == [
        (type(p.actual_hours), p.actual_hours) for p in case.participation
    ]
    assert any(type(p.actual_hours) is int for p in back.participation)


def test_bytes_that_are_not_a_case_are_not_read_back(packset) -> None:
    text = (SAMPLES / "il-snap-et-aisha-rahman.yaml").read_text(encoding="utf-8")
    case, _ = read_case(text.encode("utf-8"), "x.yaml", packset.packs)
    blob = case_bytes(case)
    assert case_from_bytes(blob[: len(blob) // 2], "x.yaml") is None
    assert case_from_bytes(b"\xc1" + blob[1:], "x.yaml") is None
    assert case_from_bytes(b"", "x.yaml") is None
    assert case_from_bytes(encoded(Problem("x.yaml", 1, 1, "not a case")), "x.yaml") is None


def test_a_path_that_is_not_utf8_does_not_stop_the_case_being_cached(packset) -> None:
    text = (SAMPLES / "il-snap-et-aisha-rahman.yaml").read_text(encoding="utf-8")
    odd = "cases/r\udce9sum\udce9.yaml"  # the bytes 0xE9 of a Latin-1 file name, as POSIX hands them over
    case, _ = read_case(text.encode("utf-8"), odd, packset.packs)
    back = case_from_bytes(case_bytes(case), odd)
    assert back is not None and back.file == odd
    assert same_built(back, case)


def _every_job(packset):
    """Every job the cached runner runs, with the answers it gives (as_of days a week apart)."""
    days = tuple(dt.date(2026, 11, 3) + dt.timedelta(weeks=n) for n in range(4))
    return [
        DueJob(packset=packset, as_of=dt.date(2026, 12, 1), within=14, default_worker="KM"),
        DueJob(packset=packset, as_of=dt.date(2027, 3, 1), within=60, default_worker=""),
        PastWeeksJob(packset=packset, days=days, as_of=days[-1], default_worker=""),
        CaseFileJob(),
        ProviderJob(),
        EditableJob(),
    ]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_jobs_answer_comes_back_as_it_was_given(path, packset) -> None:
    case, _ = read_case(path.read_bytes(), str(path), packset.packs)
    for job in _every_job(packset):
        answer = job(case)
        found, back = decoded(encoded(answer), job.answer_type)
        assert found, type(job).__name__
        assert repr(back) == repr(answer), type(job).__name__
