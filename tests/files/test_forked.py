"""Tasks shared with one forked child (files/forked.py): every task's outcomes arrive exactly
once, whoever ran it -- also when the child fails, is killed, or sends more than a pipe holds --
and the child never outlives the run."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter

import pytest

from casestaff.files import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork: POSIX only")

PARENT = os.getpid()


def _slow(task: int) -> list[tuple[int, int, int]]:
    time.sleep(0.005)  # long enough that the child surely takes some of the tasks
    return [(task, part, os.getpid()) for part in range(3)]


def test_every_outcome_arrives_once_and_both_processes_work() -> None:
    outcomes = list(forked.run_split(list(range(40)), _slow))
    assert Counter((task, part) for task, part, _ in outcomes) == Counter((t, p) for t in range(40) for p in range(3))
    workers = {pid for _, _, pid in outcomes}
    assert PARENT in workers and len(workers) == 2, "the second process takes tasks too"


def test_a_task_the_child_fails_at_is_done_here() -> None:
    def fails_in_the_child(task: int) -> list[tuple[int, int]]:
        time.sleep(0.005)
        if os.getpid() != PARENT and task % 3 == 0:
            raise RuntimeError("the child's own trouble")
        return [(task, os.getpid())]

    outcomes = list(forked.run_split(list(range(30)), fails_in_the_child))
    assert sorted(task for task, _ in outcomes) == list(range(30))


def test_a_killed_child_leaves_its_tasks_to_this_process() -> None:
    def killed(task: int) -> list[int]:
        if os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.002)
        return [task]

    assert sorted(forked.run_split(list(range(25)), killed)) == list(range(25))


def test_more_than_a_pipe_holds_arrives_whole() -> None:
    def big(task: int) -> list[bytes]:
        return [bytes([task]) * 300_000]

    outcomes = list(forked.run_split(list(range(12)), big))
    assert sorted(outcomes) == [bytes([t]) * 300_000 for t in range(12)]


def test_stopping_early_ends_the_child() -> None:
    children: list[int] = []

    def named(task: int) -> list[int]:
        time.sleep(0.01)
        return [os.getpid()]

    run = forked.run_split(list(range(200)), named)
    for pid in run:
        if pid != PARENT:
            children.append(pid)
            break
    run.close()
    assert children, "the child sent something before the run was stopped"
    with pytest.raises(ProcessLookupError):
        os.kill(children[0], 0)  # ended and reaped: no such process, not even a zombie


def test_an_error_here_ends_the_child_and_is_raised() -> None:
    def fails_here(task: int) -> list[int]:
        time.sleep(0.005)
        if os.getpid() == PARENT and task > 3:
            raise ValueError("here")
        return [task]

    with pytest.raises(ValueError, match="here"):
        list(forked.run_split(list(range(50)), fails_here))


def test_only_a_few_thousand_tasks_and_more_than_one_are_shared() -> None:
    assert forked.can_split(2)
    assert not forked.can_split(1)
    assert not forked.can_split(forked.MAX_TASKS + 1)


def test_no_process_to_be_had_every_task_is_done_here(monkeypatch) -> None:
    """A fork refused (a process limit, no memory): the run goes on in this process, its pipes closed."""

    def refused() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    before = set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    outcomes = list(forked.run_split(list(range(10)), lambda task: [(task, os.getpid())]))
    assert sorted(outcomes) == [(task, PARENT) for task in range(10)]
    if before is not None:
        assert set(os.listdir("/proc/self/fd")) == before, "no pipe left open"
