"""What casestaff matches on in a dependency's messages, checked against the installed dependency.

casestaff turns tomllib's (tomli's, on Python 3.10) syntax errors into its own words by the way
each message starts (config.TOML_HINTS), and finds the line and column in the message's
"(at line N, column M)" / "(at end of document)" ending. No other test pins that wording; these
do, so that a new tomllib that says something else fails here, naming the fix, instead of
caseworkers silently getting the parser's text (or a wrong location) in place of ours.

Nothing else in src/casestaff matches a third-party or CPython message by its text (Jinja's errors
are told apart by exception class; an OSError's strerror is shown, never matched on), except
yamlread.py, which matches libyaml's messages and is not covered here.
"""

from __future__ import annotations

import re
import sys

import pytest

from casestaff.files.config import TOML_HINTS

if sys.version_info >= (3, 11):  # the reader files/config.py imports when it reads a casestaff.toml
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG = "src/casestaff/files/config.py"

TRIGGERS = {
    # the start of a tomllib message that config.TOML_HINTS matches on: a TOML text that makes tomllib say it
    "Illegal character '\\n'": 'state = "IL\n',
    "Invalid value": "worker = KM\n",
    "Expected ']' at the end of a table": '[programs.la-step\nstate = "LA"\n',
    "Cannot overwrite a value": 'state = "IL"\nstate = "LA"\n',
    "Cannot declare": '[programs.la-step]\nstate = "LA"\n[programs.la-step]\n',
    "Expected '=' after a key": "worker\n",
    "Unclosed array": 'packs = ["a.yaml"\n',
    "Invalid date": "meeting = 2026-02-30\n",
    "Expected newline or end of document": 'state = "IL" "LA"\n',
    "Unclosed inline table": "programs = {la-step = 1\n",
    "Unterminated string": 'state = """IL\n',
    "Expected \"'\"": "state = 'IL\n",
}


def tomllib_says(text: str) -> str:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return str(exc)
    raise AssertionError(f"tomllib now accepts {text!r}; pick a text it refuses for this message")


def test_every_matched_message_has_a_text_that_triggers_it():
    untested = [prefix for prefix, _ in TOML_HINTS if prefix not in TRIGGERS]
    assert not untested, f"add a TOML text that triggers each of {untested} to TRIGGERS in tests/project/test_dependency_wording.py"


@pytest.mark.parametrize("prefix", [prefix for prefix, _ in TOML_HINTS], ids=repr)
def test_tomllib_still_says_what_casestaff_matches_on(prefix):
    text = TRIGGERS[prefix]
    said = tomllib_says(text)
    assert said.startswith(prefix), (
        f"tomllib no longer says {prefix!r} for {text!r} (it says {said!r});"
        f" update TOML_HINTS in {CONFIG} to match how its message now starts"
    )


@pytest.mark.parametrize(
    ("text", "ending"),
    [("worker = KM\n", "(at line N, column M)"), ('packs = ["a.yaml"\n', "(at end of document)")],
)
def test_tomllib_still_ends_its_message_with_where(text, ending):
    said = tomllib_says(text)
    pattern = " " + re.escape(ending).replace("N", r"\d+").replace("M", r"\d+") + "$"
    assert re.search(pattern, said), (
        f"tomllib no longer ends its message for {text!r} with {ending!r} (it says {said!r});"
        f" update the location patterns in _syntax_problem in {CONFIG}"
    )
