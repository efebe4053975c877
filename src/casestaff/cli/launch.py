"""The console entry point: `casestaff due` asked again with nothing changed is answered from its
stored answer (files/answers.py) before the command line is even imported; anything else runs
the command line (cli/main.py)."""

from __future__ import annotations

import gc
import importlib
import os
import sys

from casestaff.files import answers


def main() -> None:
    """Console entry point."""
    # A command runs for a second or two and keeps what it builds until it exits: the cyclic
    # garbage collector would only re-scan what is alive -- from the first import on (importing
    # the command line with it on costs some 4 ms of collections), and tens of thousands of
    # case records later (cli/main.py keeps it off).
    gc.disable()
    try:
        code = answers.serve(sys.argv[1:])
    except BrokenPipeError:  # pragma: no cover - `casestaff due | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    if code is not None:
        sys.exit(code)
    # Imported by name, and only here: importing it loads typer and the command modules it needs.
    importlib.import_module("casestaff.cli.main").main()
