"""Problems found in user input, as values: collected across the whole caseload, never raised."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file, where it is (1-based line and column), and how to fix it."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "column": self.col, "message": self.message}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` when a choice is close to `word`, else an empty string."""
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        folded = {c.lower().replace("-", "_").replace(" ", "_"): c for c in options}
        key = word.lower().replace("-", "_").replace(" ", "_")
        if key in folded:
            close = [folded[key]]
    return f"; did you mean '{close[0]}'?" if close else ""
