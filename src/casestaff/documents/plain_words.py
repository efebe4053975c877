"""Readiness messages in words for an agenda's readers.

The checks speak to the worker at the terminal, who edits the YAML: "record the decision
(decision:, explanation:)". An agenda is read by a team on a screen or on paper, where a field
name is noise: its hints in parentheses go, and a field name left in a sentence is said in words
("answer each in review_areas" -> "answer each in review areas"). The field names are the case
file's own, from its schema, so a new field is covered without a list to keep.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from casestaff.documents.schema import case_schema

_PARENTHESES = re.compile(r" ?\(([^()]*)\)")
_HINT = re.compile(r"^([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*):(?: .*)?$")
_NAME = re.compile(r"\b[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\b|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
"""A dotted path (checklist.icwa) or a name of several words (review_areas); said in words only
when every part is a field name, so "e.g." or a file name stays as it is."""


def _names_in(schema: Any, found: set[str]) -> None:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found.update(value)
            _names_in(value, found)
    elif isinstance(schema, list):
        for item in schema:
            _names_in(item, found)


@lru_cache(maxsize=1)
def field_names() -> frozenset[str]:
    """Every field name a case file may hold (from its JSON Schema)."""
    found: set[str] = set()
    _names_in(case_schema(), found)
    return frozenset(found)


def _is_field(path: str) -> bool:
    return all(part in field_names() for part in path.split("."))


def _without_hints(match: re.Match[str]) -> str:
    parts = [p.strip() for p in match[1].split(",")]
    kept = [p for p in parts if not ((hint := _HINT.match(p)) and _is_field(hint[1])) and not (_NAME.fullmatch(p) and _is_field(p))]
    if len(kept) == len(parts):
        return match[0]
    return f" ({', '.join(kept)})" if kept else ""


def _said(match: re.Match[str]) -> str:
    name = match[0]
    return name.replace(".", " ").replace("_", " ") if _is_field(name) else name


def in_words(text: str) -> str:
    """`text` without the case file's field names: hints in parentheses dropped, names in words."""
    return _NAME.sub(_said, _PARENTHESES.sub(_without_hints, text))
