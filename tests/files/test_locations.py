"""Every message points where a person looking at the file in an editor finds the mistake."""

from __future__ import annotations

import pytest

from .test_bad_input import base, check_beside_a_good_file
from .test_config import settings_error

RUNAWAY = "this quote is not closed on its line, so YAML reads everything up to the next quote (line {}) as one value; add the closing quote at the end of the value"

MISPLACED = {
    "double quote left open, closed by the next quote": (
        base('goal: "Find work\nworker: KM\nnotes: one\nstrengths:\n  individual: good\n  family: "close"\n'),
        [f"6:7: YAML syntax error: {RUNAWAY.format(11)}"],
    ),
    "double quote left open, the next quote never closes": (
        base('goal: "Find work\nworker: KM\nnotes: one\nstrengths:\n  individual: good\n  family: "close\n'),
        [f"6:7: YAML syntax error: {RUNAWAY.format(11)}"],
    ),
    "single quote left open before an apostrophe": (
        base().replace("  name: Casey Example\n", "  name: 'Casey Example\n") + "notes: it's fine\n",
        [f"4:9: YAML syntax error: {RUNAWAY.format(6)}"],
    ),
    "a long quoted text over two lines is fine, the mistake is below": (
        base('notes: "A long note\n  continued here"\ngoal: Work: full time\n'),
        [
            "8:11: YAML syntax error: unexpected ':'; a value that holds ': ' must be put in quotes, and a line"
            " that is not a new field must not be indented further than the field above it"
        ],
    ),
    "NEL inside a quoted name: the mistake two lines below is on its own line": (
        base("goal: 12\n").replace("Casey Example", '"Casey\x85Example"'),
        ['6:7: goal: 12 reads as a number, but goal is text; put it in quotes: goal: "12"'],
    ),
    "LINE SEPARATOR inside a quoted name": (
        base("goal: 12\n").replace("Casey Example", '"Casey\u2028Example"'),
        ['6:7: goal: 12 reads as a number, but goal is text; put it in quotes: goal: "12"'],
    ),
    "NEL that breaks a plain value": (
        base().replace("Casey Example", "Casey\x85Example"),
        [
            "4:15: YAML syntax error: this line has no ':'; each line of a block of fields is 'name: value';"
            " this line holds an invisible character (U+0085) that YAML reads as a line break: delete it (at column 14)"
        ],
    ),
    "NEL before a colon makes a field of its own": (
        base("notes: a\x85b: c\n"),
        ["6:10: unknown field 'b'"],
    ),
}


@pytest.mark.parametrize("text, expected", MISPLACED.values(), ids=MISPLACED.keys())
def test_the_message_is_on_the_line_an_editor_shows(runner, tmp_path, text, expected):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    check_beside_a_good_file(runner, tmp_path, bad, expected)


NO_PROGRESS = "programs.la-step.rules.no-progress: "
NEGATIVE = "parameter 'days' of no_progress_for_days counts days, months or a share: it cannot be negative (-5)"

RULE_PARAMETERS = {
    "under the rule's table": (
        '[programs.la-step.rules.no-progress]\ndays = "sixty"\n',
        [f"2:1: {NO_PROGRESS}parameter 'days' of no_progress_for_days must be a whole number, not 'sixty'"],
    ),
    "below a comment and another parameter, indented": (
        'state = "LA"\n[programs."la-step".rules."no-progress"]\n# local practice\ndue_within_days = 10\n  days = -5\n',
        [f"5:3: {NO_PROGRESS}{NEGATIVE}"],
    ),
    "in an inline table": (
        'state = "LA"\n\n[programs.la-step.rules]\nno-progress = { due_within_days = 3, days = -5 }\n',
        [f"4:38: {NO_PROGRESS}{NEGATIVE}"],
    ),
    "as a dotted key": (
        'state = "LA"\n[programs.la-step]\nrules.no-progress.days = -5\n',
        [f"3:19: {NO_PROGRESS}{NEGATIVE}"],
    ),
    "a misspelt parameter in nested inline tables": (
        "programs = { la-step = { rules = { no-progress = { days = 1, dayz = 5 } } } }\n",
        [f"1:62: {NO_PROGRESS}no_progress_for_days has no parameter 'dayz'; did you mean 'days'?; it takes: days, due_within_days"],
    ),
}


@pytest.mark.parametrize("toml, expected", RULE_PARAMETERS.values(), ids=RULE_PARAMETERS.keys())
def test_a_wrong_rule_parameter_is_reported_at_its_own_line(runner, tmp_path, toml, expected):
    assert settings_error(runner, tmp_path, toml) == [f"casestaff.toml:{line}" for line in expected]


def test_two_wrong_parameters_each_at_its_line(runner, tmp_path):
    toml = "[programs.la-step.rules.no-progress]\ndays = -5\ndue_within_days = 'ten'\n"
    assert settings_error(runner, tmp_path, toml) == [
        f"casestaff.toml:2:1: {NO_PROGRESS}{NEGATIVE}",
        f"casestaff.toml:3:1: {NO_PROGRESS}parameter 'due_within_days' of no_progress_for_days must be a whole number, not 'ten'",
    ]
