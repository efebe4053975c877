"""Tasks shared with one forked child process, for a run too small to pay for a pool of workers.

Why: below some 200 files a pool costs more than it saves (multiprocessing's import alone is
8-15 ms; starting its workers and sending the answers back some 40 ms of CPU), so such a run
read every file in one process while the machine's second core stood idle -- a caseload of 150
files spent about half its time parsing on one core (issue 11). One child made by os.fork
costs a millisecond or two: it has everything the parent imported and read, and nothing crosses
to it but task numbers.

How: the task numbers are written to a pipe before the fork, and this process and the child
each take the next number from it until it is empty (a read of two bytes from a pipe is never
split between two readers), so whichever is free takes the next task. The child sends each
task's outcomes back through a second pipe, pickled; this process reads what has arrived between
its own tasks, without waiting, and the rest at the end. A task the child took and never
finished (it was killed, or failed) is done here. The child ends with os._exit: no exit handlers,
nothing this process had buffered written twice.

POSIX only (os.fork): where it is missing, `can_split()` is False and the caller runs its tasks
itself, with the same outcomes.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_TASKS = 2048
"""Task numbers are two bytes each and all written before the fork: 4 KB, which any pipe holds
without a reader (Linux's hold 64 KB, macOS's 16 KB)."""

_LENGTH = 8
"""Bytes of the length before each of the child's pickled messages."""


def can_split(tasks: int) -> bool:
    """Whether `tasks` tasks can be shared with a forked child on this system."""
    return hasattr(os, "fork") and 1 < tasks <= MAX_TASKS


def run_split(tasks: Sequence[T], run: Callable[[T], list[R]]) -> Iterator[R]:
    """Every outcome of `run(task)` for each of `tasks`, the tasks shared between this process and
    one forked child; in the order they are done, not the order given. Only when can_split()."""
    numbers_in, numbers_out = os.pipe()
    os.write(numbers_out, b"".join(number.to_bytes(2, "little") for number in range(len(tasks))))
    os.close(numbers_out)  # empty, the pipe then reads as ended: both processes stop taking
    results_in, results_out = os.pipe()
    held = _hold_signals()  # until each process is inside the `try` that ends it as it must
    try:
        child = os.fork()
    except OSError:  # no process to be had (a process limit, no memory): every task done here
        _let_signals(held)
        for fd in (numbers_in, results_in, results_out):
            os.close(fd)
        for task in tasks:
            yield from run(task)
        return
    if child == 0:  # pragma: no cover - the child: coverage does not follow a fork
        _child(tasks, run, numbers_in, results_in, results_out, held)
    os.close(results_out)
    done: set[int] = set()
    finished = False
    try:
        _let_signals(held)
        os.set_blocking(results_in, False)
        received = bytearray()
        while (number := _take(numbers_in)) is not None:
            done.add(number)
            yield from run(tasks[number])
            yield from _arrived(results_in, received, done, wait=False)
        os.set_blocking(results_in, True)
        yield from _arrived(results_in, received, done, wait=True)
        finished = True
    finally:
        os.close(numbers_in)
        os.close(results_in)
        if not finished:  # the caller stopped early (an error, Ctrl-C): the child's work is not wanted
            import signal  # only a run stopped early

            try:
                os.kill(child, signal.SIGTERM)
            except OSError:
                pass
        try:
            os.waitpid(child, 0)
        except ChildProcessError:  # reaped already (SIGCHLD ignored by whoever started us)
            pass
    for number, task in enumerate(tasks):
        if number not in done:  # the child took it and ended before sending what it found
            yield from run(task)


def _take(numbers_in: int) -> int | None:
    """The next task number, or None when none is left."""
    taken = os.read(numbers_in, 2)
    return int.from_bytes(taken, "little") if len(taken) == 2 else None


def _arrived(results_in: int, received: bytearray, done: set[int], *, wait: bool) -> Iterator[R]:
    """The outcomes of each task whose message from the child has come in whole (`received`
    holds what came of the next one); with `wait`, every message until the child closes its end."""
    while True:
        try:
            chunk = os.read(results_in, 1 << 16)
        except BlockingIOError:
            chunk = None
        if chunk:
            received += chunk
        while len(received) >= _LENGTH:
            size = int.from_bytes(received[:_LENGTH], "little")
            if len(received) < _LENGTH + size:
                break
            number, outcomes = pickle.loads(received[_LENGTH : _LENGTH + size])
            del received[: _LENGTH + size]
            done.add(number)
            yield from outcomes
        if not chunk:  # nothing more for now (None), or the child's end closed (b"")
            return


def _child(  # pragma: no cover
    tasks: Sequence[T], run: Callable[[T], list[R]], numbers_in: int, results_in: int, results_out: int, held: Any
) -> None:
    """The child's whole life: take tasks until none is left, send each one's outcomes, end."""
    code = 1
    try:
        _let_signals(held)  # a Ctrl-C from here on ends the child here, never above run_split
        os.close(results_in)
        while (number := _take(numbers_in)) is not None:
            message = pickle.dumps((number, run(tasks[number])), 5)
            _write_all(results_out, len(message).to_bytes(_LENGTH, "little") + message)
        code = 0
    except BaseException:  # anything: the parent does the unfinished task itself
        pass
    finally:
        os._exit(code)


def _hold_signals() -> Any:
    """Ctrl-C and SIGTERM held back (the mask before, to give to _let_signals): one arriving just
    after the fork would otherwise raise in the child before it is inside its `try`, and the child
    would go on as a second casestaff -- writing what the parent had buffered, running its exit
    handlers -- or in the parent before it is inside the one that ends the child."""
    import signal  # POSIX only, as fork

    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _let_signals(held: Any) -> None:
    """Signals as they were before _hold_signals; one that came meanwhile arrives now."""
    if held is not None:
        import signal

        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
