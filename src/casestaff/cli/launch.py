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
    # Off while the command line is imported (its collections would cost some 4 ms of every
    # start, re-scanning what is alive); cli/main.py turns it on once the command is loaded.
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
