"""Regular expressions compiled the first time they are used, not when their module is imported.

Why: a module-level re.compile runs at every start, whether or not the run needs the pattern --
the TOML reader's when there is no casestaff.toml, the typed-date readers', the writer's, the
located syntax errors' -- about 1.5 ms of every `casestaff due` (issue 11). Each is still
compiled once a process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def compiled_when_used(text: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that gives the pattern `text`, compiled at its first call."""
    return cache(lambda: re.compile(text, flags))
