"""`casestaff`: the app with every command on it, and the console entry point."""

from __future__ import annotations

import gc
import os
import sys

# Each command module puts its commands on the app as it is imported, in the order
# `casestaff --help` and docs/cli.md list them: keep this order.
from casestaff.cli import due  # noqa: F401  (due, check)
from casestaff.cli import programs  # noqa: F401  (schema, programs)
from casestaff.cli import agenda  # noqa: F401  (agenda)
from casestaff.cli import record  # noqa: F401  (record, new, narrate)
from casestaff.cli import history  # noqa: F401  (history)
from casestaff.cli import calendar  # noqa: F401  (calendar)
from casestaff.cli import report  # noqa: F401  (report)
from casestaff.cli.common import app, say
from casestaff.model.errors import EXIT_OK

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point."""
    if sys.platform == "win32":  # pragma: no cover - make accented names print on old consoles
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(encoding="utf-8")
            except (AttributeError, ValueError):
                pass
    # A command runs for a second or two and keeps what it builds until it exits: the cyclic
    # garbage collector would only re-scan tens of thousands of live case records.
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        say("casestaff: interrupted")
        sys.exit(130)
    except BrokenPipeError:  # pragma: no cover - `casestaff due | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
