"""The due list written as it is made (issue 11, memory and the JSON encoder's speed), from the
user's side: the same bytes as before, whatever size the pieces are written in.

The JSON golden file was written by the release before the streaming one (json.dumps with
indent=2); the plain one is tests/golden/due_2026-12-01.txt, shared with tests/rules/test_due_golden.py.
When a change to the list is intended:

    CASESTAFF_REGEN_GOLDEN=1 python -m pytest tests/cli/test_due_streaming.py tests/rules/test_due_golden.py
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.cli import render_due
from casestaff.cli.main import app

from ..conftest import REPO, matches_golden

GOLDEN_TEXT = REPO / "tests" / "golden" / "due_2026-12-01.txt"
GOLDEN_JSON = REPO / "tests" / "golden" / "due_2026-12-01.json"


def _due(runner, monkeypatch: pytest.MonkeyPatch, *options: str) -> str:
    monkeypatch.chdir(REPO)  # a relative path keeps the file column stable on every machine
    result = runner.invoke(app, ["due", "sample_cases", "--as-of", "2026-12-01", *options])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout.replace("sample_cases\\\\", "sample_cases/").replace("sample_cases\\", "sample_cases/")


def test_json_list_is_byte_for_byte_the_indented_json_it_always_was(runner, monkeypatch):
    output = _due(runner, monkeypatch, "--format", "json")
    matches_golden(GOLDEN_JSON, output, "`casestaff due sample_cases --as-of 2026-12-01 --format json`")
    assert output == json.dumps(json.loads(output), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("chunk_pieces", [1, 3, 1000])
def test_the_size_of_the_pieces_written_never_shows_in_the_output(runner, monkeypatch, chunk_pieces):
    monkeypatch.setattr(render_due, "CHUNK_PIECES", chunk_pieces)
    plain = _due(runner, monkeypatch, "--no-cache")
    as_json = _due(runner, monkeypatch, "--format", "json", "--no-cache")
    assert plain == GOLDEN_TEXT.read_text(encoding="utf-8")
    assert as_json == GOLDEN_JSON.read_text(encoding="utf-8")


def test_nothing_due_is_an_empty_json_list(runner, write):
    folder = write("cases/.keep", "").parent
    result = runner.invoke(app, ["due", str(folder), "--as-of", "2026-12-01", "--format", "json"])
    assert result.stdout == "[]\n"


_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
_keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(_keys, inner, max_size=3)
    | st.tuples(inner, inner),
    max_leaves=25,
)


@given(_values)
def test_indented_json_is_exactly_what_json_dumps_writes(value):
    assert render_due.indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)
