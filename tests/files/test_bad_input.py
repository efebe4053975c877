"""Bad case files, through `casestaff check` and `due`: each gets its exact located message,
exit code 1 and no traceback, and a good file beside it still loads.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from casestaff.cli.main import app

AS_OF = "2026-11-23"

GOOD = """\
case_id: LA-0001
program: la-step
worker: KM
participant:
  name: Robin Example
enrolled: 2026-01-05
sanction:
  reason: No participation in October
  proposed_on: 2026-11-02
  effective_on: 2026-12-01
"""
"""A case that `due` always lists (its sanction needs a staffing), so we can see it survived."""

BASE = """\
case_id: LA-0002
program: la-step
participant:
  name: Casey Example
enrolled: 2026-01-05
"""
"""A valid case that the tests below break in one place each."""


def base(extra: str = "", **replace: str) -> str:
    text = BASE
    for old, new in replace.items():
        text = text.replace(old, new)
    return text + extra


def laughs() -> str:
    """Billion laughs: nine levels of nine aliases each, 9**9 strings if anything expanded them."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


PARTICIPATION = "participation:\n  - month: 2026-10\n    required_hours: {hours}\n    actual_hours: 0\n"

BAD_FILES = {
    "yaml syntax error": (
        base("goal: [Find work\n"),
        ["7:1: YAML syntax error: the list opened with '[' at line 6, column 7 is not closed; add ']' at its end"],
    ),
    "tab used for indentation": (
        base().replace("  name: Casey", "\tname: Casey"),
        ["4:1: YAML syntax error: a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces"],
    ),
    "value with ': ' inside": (
        base("goal: Work: full time\n"),
        [
            "6:11: YAML syntax error: unexpected ':'; a value that holds ': ' must be put in quotes, and a line"
            " that is not a new field must not be indented further than the field above it"
        ],
    ),
    "unclosed quote": (
        base('goal: "Find work\nworker: KM\n'),
        ["6:7: YAML syntax error: this quote is never closed; add the closing quote at the end of the value"],
    ),
    "case_id is a number": (
        base().replace("LA-0002", "1001"),
        ['1:10: case_id: 1001 reads as a number, but case_id is text; put it in quotes: case_id: "1001"'],
    ),
    "hours are words": (
        base(PARTICIPATION.format(hours="lots")),
        ["8:21: participation[1].required_hours: 'lots' is not a number; write digits only, e.g. 40 or 12.5"],
    ),
    "a month with a circled digit": (
        base(PARTICIPATION.format(hours=80).replace("2026-10", "2026-\u2460")),
        ["7:12: participation[1].month: '2026-\u2460' is not a month; write months as YYYY-MM, e.g. 2026-03"],
    ),
    "hours longer than Python reads": (
        base(PARTICIPATION.format(hours="1" * 4301)),
        [f"8:21: participation[1].required_hours: '{'1' * 4301}' is not a number; write digits only, e.g. 40 or 12.5"],
    ),
    "good_cause: yes": (
        base(PARTICIPATION.format(hours=80) + "    good_cause: yes\n"),
        ["10:17: participation[1].good_cause: 'yes' is not true or false; write true or false"],
    ),
    "missing required field": (
        base().replace("enrolled: 2026-01-05\n", ""),
        ["1:1: the case file is missing the required field 'enrolled'; add a line 'enrolled: ...'"],
    ),
    "missing required field in a block": (
        base("household:\n  - name: Sam Example\n"),
        ["7:5: household[1] is missing the required field 'relationship'; add a line 'relationship: ...'"],
    ),
    "unknown key": (
        base().replace("  name: Casey Example\n", "  name: Casey Example\n  birthdate: 1990-04-01\n"),
        ["5:3: unknown field 'birthdate' in participant; did you mean 'birth_date'?"],
    ),
    "duplicate key": (
        base("program: la-step\n"),
        ["6:1: 'program' appears twice (first on line 2); keep one and delete the other"],
    ),
    "empty file": ("", ["1:1: the file is empty; a case file starts with 'case_id:' (see `casestaff new`)"]),
    "only a comment": ("# nothing yet\n", ["1:1: the file is empty; a case file starts with 'case_id:' (see `casestaff new`)"]),
    "a list": (
        "- case_id: LA-0002\n- program: la-step\n",
        ["1:1: the file is a list, but a case file is a block of fields (case_id:, program: ...) for one participant"],
    ),
    "a single value": (
        "LA-0002\n",
        ["1:1: the file holds a single value, but a case file is a block of fields (case_id:, program: ...)"],
    ),
    "alias bomb": (
        laughs(),
        [
            "1:1: none of the fields here (a, b, c, d, e, ...) belongs in a case file; a case file starts with"
            " 'case_id:' and 'program:' -- is this a case file?"
        ],
    ),
    "alias bomb inside a field": (
        base("challenges:\n  participant: &a [lol, lol, lol]\n  family: *a\n"),
        [
            "8:3: challenges.family: a *name alias repeats the block written on line 7; aliases of blocks are not allowed"
            " in case files, write the block out"
        ],
    ),
    "alias repeating a list entry": (
        base("components:\n  - &job\n    name: Job search\n    start: 2026-02-02\n  - *job\n"),
        [
            "10:3: components[2]: a *name alias repeats the block written on line 7; aliases of blocks are not"
            " allowed in case files, write the block out"
        ],
    ),
    "impossible date": (
        base().replace("2026-01-05", "2026-02-30"),
        ["5:11: enrolled: 2026-02-30 is not a real date (February 2026 has 28 days); check the day and month"],
    ),
    "impossible date in a leap year": (
        base().replace("  name: Casey Example\n", "  name: Casey Example\n  birth_date: 1991-02-29\n"),
        ["5:15: participant.birth_date: 1991-02-29 is not a real date (February 1991 has 28 days); check the day and month"],
    ),
    "month 13": (
        base().replace("2026-01-05", "2026-13-05"),
        ["5:11: enrolled: 2026-13-05 is not a real date (there is no month 13); check the day and month"],
    ),
    "date without leading zeros": (
        base().replace("2026-01-05", "2026-2-3"),
        ["5:11: enrolled: '2026-2-3' is not written as YYYY-MM-DD; write 2026-02-03"],
    ),
    "US-style date": (
        base().replace("2026-01-05", "12/03/2026"),
        ["5:11: enrolled: '12/03/2026' is not written as YYYY-MM-DD; write 2026-12-03 if you mean December 3"],
    ),
    "US-style date that reads only one way": (
        base().replace("2026-01-05", "3/24/2026"),
        ["5:11: enrolled: '3/24/2026' is not written as YYYY-MM-DD; write 2026-03-24"],
    ),
    "date with a time": (
        base().replace("2026-01-05", "2026-01-05 09:30:00"),
        ["5:11: enrolled: 2026-01-05 09:30:00 has a time of day; write only the date, 2026-01-05"],
    ),
    "not a date at all": (
        base().replace("2026-01-05", "last spring"),
        ["5:11: enrolled: 'last spring' is not a date; write dates as YYYY-MM-DD, e.g. 2026-03-01"],
    ),
    "component ends before it starts": (
        base("components:\n  - name: Job search\n    start: 2026-03-02\n    end: 2026-02-27\n"),
        ["9:10: components[1].end: 2026-02-27 is before the component's start (2026-03-02); check the dates"],
    ),
    "staffing before enrollment": (
        base("staffings:\n  - date: 2025-12-15\n    kind: case-staffing\n"),
        ["7:11: staffings[1].date: 2025-12-15 is before enrollment (2026-01-05); check the dates"],
    ),
    "birth date in the future": (
        base().replace("  name: Casey Example\n", "  name: Casey Example\n  birth_date: 2099-04-01\n"),
        ["5:15: participant.birth_date: 2099-04-01 is in the future; check the year"],
    ),
    "unknown program": (
        base().replace("la-step", "la-stpe"),
        [
            "2:10: program 'la-stpe' is not a known program (known: fc-reintegration, il-snap-et, la-step,"
            " or-ssp-case-management, or-ssp-reengagement); did you mean 'la-step'?"
        ],
    ),
    "unknown staffing kind": (
        base("staffings:\n  - date: 2026-02-10\n    kind: customer-staffing\n"),
        [
            "8:11: staffings[1].kind: 'customer-staffing' is not a kind of staffing in la-step (case-staffing);"
            " did you mean 'case-staffing'?"
        ],
    ),
    "staffing kind of another program": (
        base("staffings:\n  - date: 2026-02-10\n    kind: re-engagement\n"),
        ["8:11: staffings[1].kind: 're-engagement' is not a kind of staffing in la-step (case-staffing); use one of these"],
    ),
    "unknown role": (
        base("staffings:\n  - date: 2026-02-10\n    kind: case-staffing\n    present:\n      - {role: Caoch, initials: RH}\n"),
        [
            "10:16: staffings[1].present[1].role: 'Caoch' is not a role in la-step (Coach, Supervisor, Consultant,"
            " Manager, Participant, Partner); did you mean 'Coach'?"
        ],
    ),
    "python tag": (
        base('goal: !!python/object/apply:os.system ["echo hello"]\n'),
        ["6:7: goal: the tag !!python/object/apply:os.system is not allowed in case files; remove it and write the plain value"],
    ),
    "int tag": (
        base("worker: !!int 7\n"),
        ["6:9: worker: the tag !!int is not allowed in case files; remove it and write the plain value"],
    ),
    "merge key": (
        base("household:\n  - <<: *p\n    relationship: son\n").replace("participant:\n", "participant: &p\n"),
        ["7:5: merge keys (<<) in household[1] are not supported in case files; write the fields out"],
    ),
    "YAML 1.1 directive": (
        "%YAML 1.1\n---\n" + base(),
        ["1:1: directives (%YAML, %TAG) are not used in case files; delete the lines up to '---'"],
    ),
    "two documents": (
        base("---\n" + GOOD),
        ["6:1: YAML syntax error: a case file holds one document; remove the '---' line and what follows, or split the file"],
    ),
    "control character": (
        base("goal: Find\x1bwork\n"),
        ["6:11: the file holds an invisible control character (U+001B) that YAML does not allow; delete it"],
    ),
}

RESAVE = "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"

BAD_BYTES = {
    "binary file": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        ["3:1: the file holds binary data (a NUL byte), not text; is this a case file?"],
    ),
    "binary with a NUL beside every byte (a program, not UTF-16 text)": (
        b"\x7fELF" + bytes(b for i in range(1, 120) for b in (i % 32, 0)),
        ["1:1: the file holds binary data (a NUL byte), not text; is this a case file?"],
    ),
    "binary without NUL bytes": (
        bytes(range(0x80, 0x100)) * 4,
        [f"1:1: the file is not UTF-8 text (byte 0x80); {RESAVE}, or check it is a case file"],
    ),
    "Windows-1252": (
        base().replace("Casey Example", "José Núñez").encode("cp1252"),
        [f"4:12: the file is not UTF-8 (byte 0xE9); it looks like Windows-1252 (cp1252) text; {RESAVE}"],
    ),
    # The byte and its place in the whole file: the BOM is not skipped first (nor is it a column).
    "Windows-1252 after a UTF-8 BOM": (
        b"\xef\xbb\xbf" + base().replace("Casey Example", "José Núñez").encode("cp1252"),
        [f"4:12: the file is not UTF-8 (byte 0xE9); it looks like Windows-1252 (cp1252) text; {RESAVE}"],
    ),
    "Windows-1252 on the line of a UTF-8 BOM": (
        b"\xef\xbb\xbf" + ("# José\n" + base()).encode("cp1252"),
        [f"1:6: the file is not UTF-8 (byte 0xE9); it looks like Windows-1252 (cp1252) text; {RESAVE}"],
    ),
    "UTF-16 with BOM": (base().encode("utf-16"), [f"1:1: the file is saved as UTF-16; {RESAVE}"]),
    "UTF-16 without BOM": (base().encode("utf-16-le"), [f"1:1: the file is saved as UTF-16; {RESAVE}"]),
    "larger than 1 MB": (
        (base("notes: |\n") + "  A very long note about nothing in particular.\n" * 30_000).encode(),
        [
            "1:1: the file is 1.4 MB; a case file is a few kilobytes, so this is probably not a case file"
            " (casestaff reads files up to 1 MB)"
        ],
    ),
    "lists nested 400,000 deep": (
        ("notes: " + "[" * 400_000 + "]" * 400_000 + "\n").encode(),
        ["1:72: blocks are nested more than 64 deep here; a case file nests a few levels, so this is probably not a case file"],
    ),
}


def check_beside_a_good_file(runner, folder: Path, bad: Path, expected: list[str]) -> None:
    """`check` prints exactly the expected problems; `due` still lists the good case."""
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder), "--as-of", AS_OF])
    assert "Traceback" not in result.output
    problems = [line for line in result.output.splitlines() if line.startswith(str(folder))]
    assert problems == [f"{bad}:{message}" for message in expected]
    assert result.output.endswith(f"{len(expected)} problem(s) in 1 of 2 file(s).\n")
    assert result.exit_code == 1

    due = runner.invoke(app, ["due", str(folder), "--as-of", AS_OF, "--format", "json"])
    assert "Traceback" not in due.output
    assert due.exit_code == 1
    assert sorted({row["case"] for row in json.loads(due.stdout)}) == ["LA-0001"]
    assert f"{bad}:{expected[0]}" in due.stderr


@pytest.mark.parametrize("text, expected", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_case_file(runner, tmp_path, text, expected):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    check_beside_a_good_file(runner, tmp_path, bad, expected)


@pytest.mark.parametrize("data, expected", BAD_BYTES.values(), ids=BAD_BYTES.keys())
def test_bad_bytes(runner, tmp_path, data, expected):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(data)
    check_beside_a_good_file(runner, tmp_path, bad, expected)


def test_alias_bomb_is_fast(runner, tmp_path):
    """Nothing expands the aliases: checking takes a blink, not 9**9 strings of memory."""
    deeper = laughs() + "".join(f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]\n" for p, n in zip("ijklm", "jklmn", strict=True))
    (tmp_path / "bomb.yaml").write_text(base(deeper + "strengths:\n  individual: *n\n"), encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert time.perf_counter() - started < 2  # 9**14 strings if anything expanded them
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-2:] == [
        f"{tmp_path / 'bomb.yaml'}:21:3: strengths.individual: a *name alias repeats the block written on line 19;"
        " aliases of blocks are not allowed in case files, write the block out",
        "15 problem(s) in 1 of 1 file(s).",
    ]


def test_same_case_id_in_two_files(runner, tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("Robin Example", "Robin Other"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert result.output == (
        f"{tmp_path / 'b.yaml'}:1:10: case_id 'LA-0001' is already used by {tmp_path / 'a.yaml'};"
        " each case needs its own id\n"
        "1 problem(s) in 1 of 2 file(s).\n"
    )
    assert result.exit_code == 1
    due = runner.invoke(app, ["due", str(tmp_path), "--as-of", AS_OF, "--format", "json"])
    assert {row["participant"] for row in json.loads(due.stdout)} == {"Robin Example"}
    assert due.exit_code == 1


def test_every_problem_in_a_file_is_reported(runner, tmp_path):
    """One run names every mistake, so the caseworker fixes the file in one go."""
    text = base("goal: 12\ncomponents:\n  - name: Job search\n    start: 2026-3-2\n").replace("2026-01-05", "2026-02-30")
    (tmp_path / "case.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    path = tmp_path / "case.yaml"
    assert result.output.splitlines() == [
        f"{path}:5:11: enrolled: 2026-02-30 is not a real date (February 2026 has 28 days); check the day and month",
        f'{path}:6:7: goal: 12 reads as a number, but goal is text; put it in quotes: goal: "12"',
        f"{path}:9:12: components[1].start: '2026-3-2' is not written as YYYY-MM-DD; write 2026-03-02",
        "3 problem(s) in 1 of 1 file(s).",
    ]


WINDOWS_CASE = """\
case_id: LA-0003
program: la-step
participant:
  name: José Núñez
  relationship_status: casada
household:
  - name: Zoë Núñez-Åström
    relationship: daughter
    birth_date: 2015-06-01
enrolled: 2026-01-05
"""


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "bom", "crlf", "bom+crlf"],
)
def test_windows_files_with_accents_load(runner, tmp_path, encode):
    (tmp_path / "case.yaml").write_bytes(encode(WINDOWS_CASE))
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert result.output == "1 file(s) checked, no problems.\n"
    assert result.exit_code == 0


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_columns_count_characters_not_bytes(runner, tmp_path, bom, newline):
    """After 'Zoë Núñez-Åström' the column is the one an editor shows (characters, not UTF-8 bytes)."""
    text = WINDOWS_CASE.replace(
        "  - name: Zoë Núñez-Åström\n    relationship: daughter\n    birth_date: 2015-06-01\n",
        "  - {name: Zoë Núñez-Åström, relationship: hija, birth_date: 2015-6-1}\n",
    )
    (tmp_path / "case.yaml").write_bytes(bom + text.replace("\n", newline).encode("utf-8"))
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    line = "  - {name: Zoë Núñez-Åström, relationship: hija, birth_date: 2015-6-1}"
    col = line.index("2015-6-1") + 1
    assert col == 62
    assert result.output.splitlines()[0] == (
        f"{tmp_path / 'case.yaml'}:7:{col}: household[1].birth_date: '2015-6-1' is not written as YYYY-MM-DD;"
        " write 2015-06-01"
    )


def test_a_far_year_is_a_problem_in_its_file_and_never_stops_the_list(runner, tmp_path):
    """9999-12-31 as 'no end date' made every rule's date arithmetic overflow, for the whole caseload."""
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    far = tmp_path / "far.yaml"
    far.write_text(GOOD.replace("case_id: LA-0001", "case_id: LA-0002").replace("enrolled: 2026-01-05", "enrolled: 9999-12-31"), encoding="utf-8")
    result = runner.invoke(app, ["due", str(tmp_path), "--as-of", "2026-12-01", "--format", "csv"])
    assert result.exit_code == 1, result.output
    assert f"{far}:6:11: enrolled: 9999-12-31 is in the year 9999; check the year (leave the field empty when there is no date)\n" in result.stderr
    assert "LA-0001" in result.stdout
    result = runner.invoke(app, ["due", str(tmp_path), "--as-of", "9999-12-31"])
    assert result.exit_code == 2
    assert result.stderr == "casestaff: --as-of: 9999-12-31 is in the year 9999; check the year\n"


def test_flow_blocks_nested_too_deep_get_casestaffs_own_message(runner, tmp_path):
    """Whatever libyaml's own nesting limit says, the message is casestaff's, on the right line."""
    deep = base("notes: ok\nstrengths:\n  individual: " + "{a: " * 500 + "1" + "}" * 500 + "\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(deep, encoding="utf-8")
    line = deep.splitlines().index(next(row for row in deep.splitlines() if "{a: {a:" in row)) + 1
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    problems = [row for row in result.output.splitlines() if row.startswith(str(bad))]
    assert len(problems) == 1
    assert problems[0].startswith(f"{bad}:{line}:")
    assert problems[0].endswith("blocks are nested more than 64 deep here; a case file nests a few levels, so this is probably not a case file")


@pytest.mark.parametrize(
    "notes",
    [
        "notes: '" + "[" * 500 + "'\n",
        'notes: "' + "{" * 500 + '"\n',
        "notes: |\n  " + "[" * 500 + "\n  more text\n",
        "notes: ok  # " + "[" * 500 + "\n",
    ],
    ids=["single-quoted", "double-quoted", "block scalar", "comment"],
)
def test_brackets_that_are_text_are_not_counted_as_nesting(runner, tmp_path, notes):
    (tmp_path / "case.yaml").write_text(base(notes), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    assert "nested more than" not in result.output
    assert result.exit_code == 0, result.output


def test_a_key_holding_a_line_break_is_shown_on_one_line(runner, tmp_path):
    """Found by the punctuation-soup property test: the message must stay one line."""
    (tmp_path / "odd.yaml").write_text("? ---\n\n  - \n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--as-of", AS_OF])
    problem = next(row for row in result.output.splitlines() if "none of the fields here" in row)
    assert problem.startswith(f"{tmp_path / 'odd.yaml'}:1:1: none of the fields here ('---\\n-')")
