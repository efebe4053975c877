"""Where an agenda's facts come from, said once per section instead of after every fact.

A template marks each fact's file lines with `cite(v)` and each section's start with its
heading; both are invisible marks that `place_sources` turns into what a reader sees: in md and
txt one compact "From the case file, lines 12, 40-44." at the end of each section, in HTML a
small note right after the fact (inline, so it cannot drift away from it) -- or nothing at all
with `--no-sources`. The marks are private-use characters, which no case text holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CITE_OPEN, CITE_CLOSE = "\ue000", "\ue001"
SECTION_START = "\ue002"
"""Written by the md and txt heading macros: a section runs from one to the next."""

CITED = re.compile(f"{CITE_OPEN}([0-9,]*){CITE_CLOSE}")

SAID_LINES = re.compile(r" \(lines? \d+(?:, \d+)*\)|, lines? \d+(?:, \d+)*(?=\))")
"""File lines written into a readiness check's own words ("(line 73)", "(requested ..., line 88)"),
which the terminal's readiness list needs and an agenda without sources leaves out."""


def line_ranges(lines: Iterable[int]) -> str:
    """[12, 40, 41, 42, 44] -> "12, 40-42, 44"."""
    ordered = sorted(set(lines))
    runs: list[list[int]] = []
    for line in ordered:
        if runs and line == runs[-1][-1] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def lines_words(lines: Iterable[int]) -> str:
    """"line 12" or "lines 12, 40-44"."""
    shown = sorted(set(lines))
    return f"line{'s' if len(shown) > 1 else ''} {line_ranges(shown)}"


def _lines_in(text: str) -> list[int]:
    return [int(n) for match in CITED.finditer(text) for n in match[1].split(",") if n]


def _section_note(lines: list[int], fmt: str) -> str:
    words = f"From the case file, {lines_words(lines)}."
    return f"_{words}_" if fmt == "md" else f"({words})"


def place_sources(text: str, fmt: str, show: bool = True) -> str:
    """The rendered agenda with its source marks made readable (or removed when not `show`)."""
    if not show:
        text = SAID_LINES.sub("", text)
    if fmt == "html":
        return CITED.sub(lambda m: f' <span class="src">{lines_words(_lines_in(m[0]))}</span>' if show and m[1] else "", text)
    placed = []
    for section in text.split(SECTION_START):
        lines = _lines_in(section)
        body = CITED.sub("", section)
        if show and lines:
            content = body.rstrip("\n")
            body = f"{content}\n\n{_section_note(lines, fmt)}{body[len(content):] or chr(10)}"
        placed.append(body)
    return "".join(placed)
