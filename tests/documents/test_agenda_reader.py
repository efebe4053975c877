"""What the people at the meeting read: no YAML field names, each role named once, and the file
lines of the facts only when wanted (`--no-sources`)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from casestaff.cli.main import app
from casestaff.documents.schema import case_schema
from casestaff.files.config import Config
from casestaff.packset import load_packset

from ..agenda_helpers import FORMATS, PROGRAMS
from ..conftest import SAMPLES
from .test_agenda_snapshots import SAMPLE_PER_PROGRAM


class _Text(HTMLParser):
    """The words a reader sees: everything but the style sheet."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.parts.append(data)


def _seen(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _field_names(schema: Any, found: set[str]) -> set[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found.update(value)
            _field_names(value, found)
    elif isinstance(schema, list):
        for item in schema:
            _field_names(item, found)
    return found


FIELD_NAMES = _field_names(case_schema(), set())
"""Every field a case file may hold; those of more than one word are written with underscores."""


def _is_field_name(word: str) -> bool:
    """planned_staffing, checklist.kin_not_appropriate, planned_staffing.invited -- not "married"."""
    parts = word.split(".")
    return ("_" in word and any(p in FIELD_NAMES for p in parts)) or (len(parts) > 1 and all(p in FIELD_NAMES for p in parts))


def _agenda(runner, case, *extra: str) -> str:
    result = runner.invoke(app, ["agenda", str(case), "--as-of", "2026-11-23", *extra])
    assert result.exit_code in (0, 3), result.output
    return result.stdout


def _bare_case(tmp_path, program: str):
    path = tmp_path / f"{program}.yaml"
    path.write_text(
        f"case_id: BARE-1\nprogram: {program}\nprovider: Example Provider\nparticipant:\n  name: Bare Case\nenrolled: 2026-01-05\n",
        encoding="utf-8",
    )
    return path


def test_the_field_names_checked_are_the_case_files_own():
    assert {"planned_staffing", "all_information_discussed", "review_areas", "kin_not_appropriate"} <= FIELD_NAMES


@pytest.mark.parametrize("program", PROGRAMS)
def test_html_agenda_shows_no_field_names(runner, tmp_path, program):
    """Full samples (readiness hints, the team's source) and a nearly empty case (every question)."""
    sample = next(s for s in SAMPLE_PER_PROGRAM if s.startswith(program + "-"))
    for case in (SAMPLES / f"{sample}.yaml", _bare_case(tmp_path, program)):
        text = _seen(_agenda(runner, case, "--format", "html"))
        named = sorted({word for word in (w.strip(".") for w in re.findall(r"[a-z][a-z0-9_.]*", text)) if _is_field_name(word)})
        assert not named, f"{case.name}: field names shown: {named}"
        # "(decision:)", "(decision:, explanation:)", "(all_information_discussed: true)": what to type, not to read
        hints = [h for h in re.findall(r"[(,] ?([a-z_]+):(?: (?:true|false))?(?=[,)])", text) if h in FIELD_NAMES]
        assert not hints, f"{case.name}: field hints shown: {hints}"


@pytest.mark.parametrize("program", PROGRAMS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_role_is_named_once(runner, program, fmt):
    sample = next(s for s in SAMPLE_PER_PROGRAM if s.startswith(program + "-"))
    shown = _agenda(runner, SAMPLES / f"{sample}.yaml", "--format", fmt)
    text = _seen(shown) if fmt == "html" else shown.replace("*", "")
    pack = load_packset(Config()).packs[program]
    for role in pack.roles:
        for repeated in (f"{role.title}: {role.abbr}: ", f"{role.title} ({role.title})", f"| {role.abbr}: "):
            assert repeated not in text, f"{sample} ({fmt}): {repeated!r}"
        assert not re.search(rf"(?<![\w-]){re.escape(role.abbr)}: {re.escape(role.abbr)}: ", text), f"{sample} ({fmt})"


def test_step_coach_role_reads_once(runner):
    text = _seen(_agenda(runner, SAMPLES / "la-step-jose-nunez.yaml", "--format", "html"))
    assert "STEP Coach: KM (Kim Example)" in text
    assert "Coach: Coach" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_sources_hides_the_file_lines_in_every_format(runner, fmt):
    for sample in SAMPLE_PER_PROGRAM:
        case = SAMPLES / f"{sample}.yaml"
        shown = _agenda(runner, case, "--format", fmt)
        hidden = _agenda(runner, case, "--format", fmt, "--no-sources")
        assert re.search(r"\blines? \d", shown), sample
        assert not re.search(r"\blines? \d", hidden), f"{sample} ({fmt}) still cites file lines"
        assert "From the case file" not in hidden and 'class="src"' not in hidden
        # nothing else is lost: the same facts, without their lines
        assert _seen(hidden).count("Not in the case file") == _seen(shown).count("Not in the case file")


def test_md_says_the_lines_once_per_section(runner):
    md = _agenda(runner, SAMPLES / "la-step-jose-nunez.yaml")
    assert "[^" not in md
    sections = re.split(r"^## ", md, flags=re.M)[1:]
    background = next(s for s in sections if s.startswith("1. "))
    assert background.rstrip().splitlines()[-1].startswith("_From the case file, lines ")
    assert all(s.count("From the case file") <= 1 for s in sections)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_says_the_agenda_is_confidential_right_under_its_title(runner, fmt):
    shown = _agenda(runner, SAMPLES / "la-step-jose-nunez.yaml", "--format", fmt)
    text = _seen(shown) if fmt == "html" else shown
    assert "confidential" in text.casefold()[:400]
