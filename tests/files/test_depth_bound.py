"""Deep block nesting is refused with casestaff's own message however long the file's other lines
are: the quick estimate of a document's depth (which spares the depth scan for ordinary files,
long lines of text included) never lets a deep one through."""

from __future__ import annotations

from casestaff.cli.main import app

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
