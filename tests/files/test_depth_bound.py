"""Deep block nesting is refused with casestaff's own message however long the file's other lines
are: the quick estimate of a document's depth (which spares the depth scan for ordinary files,
long lines of text included) never lets a deep one through."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from yaml.nodes import ScalarNode, SequenceNode

from casestaff.cli.main import app
from casestaff.files import yamlread

from .test_bad_input import AS_OF, base

TOO_DEEP = "blocks are nested more than 64 deep here; a case file nests a few levels, so this is probably not a case file"


def test_block_nesting_too_deep_is_refused_beside_long_lines_of_text(runner, tmp_path):
    # A sequence under a key may share its column: two levels for every two columns.
    nested = "".join(f"{' ' * (2 * level)}- k{level}:\n" for level in range(260)) + f"{' ' * 520}- end\n"
    text = base("notes: " + "plain words " * 60 + "\nstrengths:\n  individual:\n  " + nested.replace("\n", "\n  ").rstrip(" "))
    bad = tmp_path / "deep.yaml"
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    problems = [row for row in result.output.splitlines() if row.startswith(str(bad))]
    assert len(problems) == 1, result.output
    assert problems[0].endswith(TOO_DEEP)
    assert "Traceback" not in result.output


# -- the bound itself: yamlread.parse composes without a depth scan only what it has proved at
# most SAFE_DEPTH deep, however the nesting is written.


def _nesting(kinds: str, flow: int, choices: list[bool]) -> str:
    """A document nesting len(kinds) block collections ('M' a mapping, 'S' a sequence), outer
    first, around `flow` brackets; `choices` pick, one a level, the tightest forms YAML allows:
    a sequence at its key's column, or compact (`- - x`) on the line of the one above."""
    lines: list[str] = []
    line = ""  # the line being written; not empty when the next node goes on it (after "- ")
    column = 0  # where the next node starts when it starts a line
    for index, kind in enumerate(kinds):
        tight = choices[index % len(choices)] if choices else True
        start = len(line) if line else column
        line = line or " " * column
        if kind == "M":
            lines.append(line + "k:")
            line = ""
            following = kinds[index + 1 : index + 2]
            column = start if following == "S" and tight else start + 1
        elif tight:
            line += "- "
        else:
            lines.append(line + "-")
            line = ""
            column = start + 1
    leaf = "[" * flow + "x" + "]" * flow
    lines.append((line or " " * column) + leaf)
    return "\n".join(lines) + "\n"


def _depth(root) -> int:
    """How deep the composed document nests its collections."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, ScalarNode):
            continue
        depth += 1
        deepest = max(deepest, depth)
        items = node.value if isinstance(node, SequenceNode) else [part for pair in node.value for part in pair]
        stack.extend((item, depth) for item in items)
    return deepest


def _composed_depth_or_refused(text: str) -> int | None:
    """The depth parse composed `text` to, or None when it refused the document as too deep."""
    try:
        root = yamlread.parse(text)
    except yamlread.ReadError as exc:
        assert exc.message == TOO_DEEP, exc.message
        return None
    return _depth(root)


WORST = {
    # Two levels a column: a sequence at its key's column, its item's block one column in.
    "block, two levels a column": ("MS" * 300, 0, [True, False]),
    "block, two levels a column, short of the bound": ("MS" * 199, 0, [True, False]),
    "compact sequences on one line": ("S" * 450, 0, [True]),
    "compact sequences holding mappings": ("SM" * 250, 0, [True]),
    "sequences one column apart": ("S" * 450, 0, [False]),
    "flow inside block": ("MS" * 150, 150, [True, False]),
    "flow only": ("", 500, []),
}


@pytest.mark.parametrize(("kinds", "flow", "choices"), WORST.values(), ids=WORST.keys())
def test_no_document_deeper_than_the_bound_is_composed_unchecked(kinds: str, flow: int, choices: list[bool]) -> None:
    text = _nesting(kinds, flow, choices)
    depth = _composed_depth_or_refused(text)
    if depth is None:
        assert len(kinds) + flow > yamlread.MAX_DEPTH
    else:
        assert depth == len(kinds) + flow <= yamlread.SAFE_DEPTH


LINE_ENDS = ["\n", "\r\n", "\r", "\u2028", "\x85"]


@given(
    kinds=st.one_of(st.text("MS", max_size=700), st.integers(0, 350).map(lambda n: "MS" * n)),
    flow=st.integers(0, 450),
    choices=st.lists(st.booleans(), max_size=8),
    line_end=st.sampled_from(LINE_ENDS),
    marks=st.booleans(),
)
def test_no_generated_document_deeper_than_the_bound_is_composed_unchecked(kinds, flow, choices, line_end, marks) -> None:
    """However the lines end (libyaml also ends them at U+0085 and U+2028) and with a byte order
    mark starting every line (libyaml skips it, but counts its column): composed means at most
    SAFE_DEPTH deep, refused means deeper than MAX_DEPTH."""
    text = _nesting(kinds, flow, choices)
    if marks:
        text = "".join("\ufeff" + row + "\n" for row in text.splitlines())
    text = text.replace("\n", line_end)
    depth = _composed_depth_or_refused(text)
    if depth is None:
        assert len(kinds) + flow > yamlread.MAX_DEPTH
    else:
        assert depth == len(kinds) + flow <= yamlread.SAFE_DEPTH


def test_two_levels_a_column_are_refused_in_a_case_file(runner, tmp_path):
    """A sequence at its key's column nests two levels a column: 600 levels in lines of at most
    310 characters (an estimate from the longest line alone once let such a file through to the
    validator, and a walk of its nodes past Python's recursion limit)."""
    nested = _nesting("MS" * 300, 0, [True, False]).replace("\n", "\n    ")
    bad = tmp_path / "deep.yaml"
    bad.write_text(base("strengths:\n  individual:\n    - " + nested.rstrip(" ")), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    problems = [row for row in result.output.splitlines() if row.startswith(str(bad))]
    assert len(problems) == 1, result.output
    assert problems[0].endswith(TOO_DEEP)


@pytest.mark.parametrize("pairs", [150, 199, 200, 390])
def test_flow_sequences_of_one_pair_mappings_two_levels_a_bracket_are_refused(pairs: int) -> None:
    """Inside a flow sequence an entry `k: v` is a mapping of one pair, opened by no bracket of
    its own: each '[' can nest two levels. Found by review: the bound once counted one a bracket,
    and 200 such brackets (401 levels) reached libyaml, 396 of them Python's recursion limit."""
    text = "k: " + "[k: " * pairs + "x" + "]" * pairs + "\n"
    depth = _composed_depth_or_refused(text)
    assert depth is None or depth == 2 * pairs + 1 <= yamlread.SAFE_DEPTH
