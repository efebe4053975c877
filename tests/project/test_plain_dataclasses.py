"""Every module takes its dataclass from model/plain.py, so a new module does not bring back the
per-class compiled methods that cost every start some 10 ms."""

from __future__ import annotations

import re

from ..conftest import REPO

STANDARD = re.compile(r"^\s*(from dataclasses import [^\n]*\bdataclass\b(?!es)|@dataclasses\.dataclass\b)", re.M)


def test_no_module_makes_a_dataclass_with_the_standard_library_directly() -> None:
    src = REPO / "src" / "casestaff"
    offenders = [
        str(path.relative_to(src))
        for path in sorted(src.rglob("*.py"))
        if path != src / "model" / "plain.py" and STANDARD.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "take `dataclass` from casestaff.model.plain"
