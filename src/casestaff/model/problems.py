"""Problems found in user input, as values: collected across the whole caseload, never raised."""

from __future__ import annotations

from collections.abc import Iterable
from casestaff.model.plain import dataclass


def printable(text: str) -> str:
    """Text that can be printed and saved as UTF-8, shown the same way everywhere.

    A file name that is not valid UTF-8 (bytes such as 0xFF on Linux, kept by Python as
    surrogate escapes) shows its undecodable bytes as \\xff escapes; any other lone surrogate
    as \\udXXX. Every other text is returned as it is.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte decodes to (Windows file names)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file, where it is (1-based line and column), and how to fix it."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}:{self.col}: {self.message}")

    def as_dict(self) -> dict[str, object]:
        return {"file": printable(self.file), "line": self.line, "column": self.col, "message": printable(self.message)}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` when a choice is close to `word`, else an empty string."""
    import difflib  # only a refusal asks: not on every run's path (issue 11)

    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        folded = {c.lower().replace("-", "_").replace(" ", "_"): c for c in options}
        key = word.lower().replace("-", "_").replace(" ", "_")
        if key in folded:
            close = [folded[key]]
    return f"; did you mean '{close[0]}'?" if close else ""
