"""A job's answers file holds every answer of the run, however many, without a large run holding
their bytes: past HOLD, new answers are set down in batches as they come and written out with the
kept ones. The tests run both ways (`holding`): answers set down after a batch, and answers held."""

from __future__ import annotations

import errno
import io
import os
import random
import sys
import tempfile

import pytest

from casestaff.cli.main import app
from casestaff.files import cache
from casestaff.files.cache import BATCH, AnswerStore
from casestaff.files.cachecodec import encoded

from ..conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import case_text

FOLDER = "/cases/of/a/worker"
PRINT = "packs-v1"
KEY = "due/2026-12-01/14/"
ANSWER = tuple[str, int]


@pytest.fixture(params=["set down", "held"])
def holding(request, monkeypatch) -> str:
    """'set down': past a batch, new answers go to the temporary file (as in a run of more than
    HOLD files); 'held': they stay in memory until saved (HOLD, as in any smaller run)."""
    if request.param == "set down":
        monkeypatch.setattr(cache, "HOLD", BATCH)
    else:
        assert cache.HOLD > BATCH * 3, "the tests below hold every answer they make"
    return request.param


def _signature(n: int) -> tuple[int, ...]:
    return (n, 1_700_000_000_000_000_000 + n, 1000 + n, 42, 1_700_000_000_000_000_000 + n, 0o100600)


def _open() -> AnswerStore:
    return AnswerStore.open(FOLDER, PRINT, KEY, ANSWER)


def _answered(store: AnswerStore, n: int, value: int | None = None) -> None:
    store.put(f"case-{n}.yaml", _signature(n), f"cases/case-{n}.yaml", encoded((f"case-{n}", n if value is None else value)))


def _read(store: AnswerStore, n: int):
    return store.get(f"case-{n}.yaml", _signature(n), f"cases/case-{n}.yaml")


def test_more_answers_than_a_batch_all_come_back(holding) -> None:
    count = BATCH * 2 + 17
    store = _open()
    for n in range(count):
        _answered(store, n)
    assert (store.spill is not None) == (holding == "set down")
    store.save(FOLDER)
    again = _open()
    assert [_read(again, n) for n in range(count)] == [(True, (f"case-{n}", n)) for n in range(count)]
    assert _read(again, count) == (False, None)


def test_a_later_run_keeps_the_answers_it_did_not_recompute(holding) -> None:
    store = _open()
    for n in range(BATCH + 3):
        _answered(store, n)
    store.save(FOLDER)
    later = _open()
    _answered(later, 5, value=500)  # one file changed: its answer recomputed
    later.save(FOLDER)
    final = _open()
    assert _read(final, 5) == (True, ("case-5", 500))
    assert [_read(final, n) for n in (0, 4, 6, BATCH + 2)] == [(True, (f"case-{n}", n)) for n in (0, 4, 6, BATCH + 2)]


def test_the_later_of_two_answers_to_one_file_is_kept_and_a_dropped_one_is_gone(holding) -> None:
    store = _open()
    for n in range(BATCH + 10):
        _answered(store, n)
    _answered(store, 3, value=333)  # its first answer is already set down
    store.drop(["case-7.yaml"])
    store.save(FOLDER)
    again = _open()
    assert _read(again, 3) == (True, ("case-3", 333))
    assert _read(again, 7) == (False, None)
    assert _read(again, 8) == (True, ("case-8", 8))


def test_an_unchanged_store_writes_nothing(holding) -> None:
    store = _open()
    _answered(store, 1)
    store.save(FOLDER)
    written = os.stat(store.path).st_mtime_ns
    same = _open()
    assert _read(same, 1) == (True, ("case-1", 1))
    same.save(FOLDER)
    assert os.stat(store.path).st_mtime_ns == written


def test_a_cut_short_answers_file_is_not_used(tmp_path, holding) -> None:
    store = _open()
    for n in range(BATCH * 2):
        _answered(store, n)
    store.save(FOLDER)
    data = store.path.read_bytes()
    store.path.write_bytes(data[: len(data) * 2 // 3])
    assert _read(_open(), 0) == (False, None), "a damaged file is not half used"


class _FullDisk:
    """A temporary file on a disk that fills up after `room` writes."""

    def __init__(self, room: int) -> None:
        self.room = room

    def __call__(self, *args, **kwargs):
        outer = self

        class Spill(io.BytesIO):
            def write(self, data) -> int:
                if outer.room <= 0:
                    raise OSError(errno.ENOSPC, "No space left on device")
                outer.room -= 1
                return super().write(data)

        return Spill()


@pytest.mark.parametrize(
    "room, count",
    [(0, BATCH * 3), (1, BATCH * 3), (1, BATCH + 5)],
    ids=["no temporary file", "the disk fills midway", "the disk fills as the answers are saved"],
)
def test_a_full_disk_costs_only_the_new_answers(monkeypatch, room: int, count: int) -> None:
    monkeypatch.setattr(cache, "HOLD", BATCH)  # past a batch, new answers go to the temporary file
    store = _open()
    _answered(store, 0)
    store.save(FOLDER)  # an answer kept from an earlier run
    monkeypatch.setattr(tempfile, "TemporaryFile", _FullDisk(room))
    later = _open()
    for n in range(1, count):
        _answered(later, n)  # never raises: the run's own answers are already made
    later.save(FOLDER)  # nor does this, when the last batch finds the disk full
    again = _open()
    assert _read(again, 0) == (True, ("case-0", 0)), "what was kept stays"
    assert all(_read(again, n) == (False, None) for n in range(1, count)), "the new ones are computed again next time"


def test_a_cache_folder_that_cannot_be_made_costs_only_speed(runner, tmp_path, monkeypatch) -> None:
    """More cases than a batch, and the cache folder's place is taken by a file: the list is whole."""
    cases = tmp_path / "cases"
    cases.mkdir()
    rng = random.Random(3)
    for n in range(BATCH + 40):
        (cases / f"c{n:04d}.yaml").write_text(case_text(n, rng), encoding="utf-8")
    without = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01", "--no-cache"])
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("CASESTAFF_CACHE_DIR", str(blocked / "cache"))
    result = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"])
    assert "Traceback" not in result.output
    assert (result.exit_code, result.stdout) == (without.exit_code, without.stdout)
