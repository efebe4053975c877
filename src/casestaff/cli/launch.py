"""The console entry point: `casestaff due` asked again with nothing changed is answered from its
stored answer (files/answers.py) before the command line is even imported; a plain `casestaff
due` otherwise runs without typer (cli/quick.py); anything else runs the command line
(cli/main.py)."""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from casestaff.files import answers


def main() -> None:
    """Console entry point."""
    # Off while the command line is imported (its collections would cost some 4 ms of every
    # start, re-scanning what is alive); cli/main.py turns it on once the command is loaded.
    gc.disable()
    try:
        code = answers.serve(sys.argv[1:])
    except BrokenPipeError:  # pragma: no cover - `casestaff due | head`
        reader_gone()
        sys.exit(0)
    if code is not None:
        sys.exit(code)
    if sys.argv[1:2] == ["due"]:
        # Imported by name, and only here: it loads the core beneath the due list.
        code = importlib.import_module("casestaff.cli.quick").run(sys.argv[1:])
        if code is not None:
            if _process_is_ours():
                end_now(code)
            sys.exit(code)
    # Imported by name, and only here: importing it loads typer and the command modules it needs.
    try:
        importlib.import_module("casestaff.cli.main").main()
    except SystemExit as done:
        if _process_is_ours():
            end_now(done.code)
        raise


def collect_from_here() -> None:
    """The cycle collector on again (main() keeps it off while the command line is imported),
    with everything imported so far frozen: never garbage, never walked again. On for the
    command itself: `agenda --due --format docx` leaves cyclic garbage at every agenda (some 5 MB
    each, kept with the collector off); the caseload keeps it off while it loads
    (files/caseload.py) and freezes what it built."""
    gc.freeze()
    gc.enable()


@contextmanager
def command_streams(argv: Sequence[str]) -> Iterator[None]:
    """The streams a command writes to, for as long as it runs: recorded when its answer may be
    stored (files/answers.py; before they are reconfigured, as the answer's key saw them), and
    UTF-8 on a Windows console that is not, so accented names print as they are."""
    recording = answers.start_recording(argv)
    if sys.platform == "win32":  # pragma: no cover
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
            except (AttributeError, ValueError):
                pass
    try:
        yield
    finally:
        if recording is not None:
            recording.stop()


def write_as_it_is(text: str) -> None:
    """`text` to stdout with its line endings as they are. CSV ends its rows with \\r\\n, which
    stdout on Windows, a text stream, would write as \\r\\r\\n: a blank row after every row in Excel."""
    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    if raw is None:  # a stream of text only (an IDE's console): it knows its own line ends
        stream.write(text)
        return
    stream.flush()
    raw.write(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
    stream.flush()


def reader_gone() -> None:
    """What is still to be written goes nowhere: the reader of stdout is gone (`casestaff due |
    head`), and flushing it at the end would fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _process_is_ours() -> bool:
    """This process is casestaff's alone -- started as the console script or `python -m casestaff`,
    with no tracer, profiler or `python -i` waiting for it to return -- so it may end at once
    (end_now). A profiler's report, a debugger or a script that runs casestaff in-process and
    catches its exit need the usual return."""
    started_by = getattr(sys.modules.get("__main__"), "main", None)
    return started_by is main and sys.gettrace() is None and sys.getprofile() is None and not sys.flags.inspect


KEPT: list[object] = []
"""What the command asked to keep to the end (keep_to_the_end): the last command's only."""


def keep_to_the_end(*things: object) -> None:
    """Let `things` go only when the process ends: a list of 10,000 cases is half a million
    objects, and freeing them one by one when the command returns costs some 16 ms (issue 11)
    that the operating system does at once when the process ends (end_now). Only the last
    command's are held, so many commands run in one process (the tests) hold one list, not all."""
    KEPT[:] = things


def end_now(code: object) -> None:
    """End the process with exit code `code` once everything written has gone out, without the
    interpreter's teardown (freeing every object and module one by one: 3 ms after a small run,
    30 ms after a list of 10,000 cases). Exit handlers still run. Returns, leaving the usual exit
    to happen, when there is more to do than that: a message to print as the exit, a thread
    still running, output that cannot be written."""
    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    if (code is not None and not isinstance(code, int)) or (threading is not None and threading.active_count() > 1):
        return
    if not _flushed():
        return  # a closed pipe or stream, or Ctrl-C while a reader is stalled: the usual exit says what it says
    atexit._run_exitfuncs()  # run once: the usual exit finds none left should it still happen
    if not _flushed():  # what the exit handlers wrote
        return
    try:
        os._exit(code or 0)
    except OverflowError:  # a code past what the system takes: sys.exit deals with it
        return


def _flushed() -> bool:
    """Whether stdout and stderr took everything written to them."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError, KeyboardInterrupt):
        return False
    return True
