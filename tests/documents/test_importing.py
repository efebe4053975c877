"""A spreadsheet row as a case file: whatever text a cell holds (quotes, colons, '#', accents,
leading zeros, numbers), the file written from it reads back as exactly that text and passes
the validator -- and the mapping is guessed from headers as offices write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from casestaff.documents.importing import NewCase, RowReader, map_columns
from casestaff.files import yamlread
from casestaff.files.casefile import read_case
from casestaff.files.config import Config
from casestaff.files.spreadsheet import Row, Sheet
from casestaff.packset import load_packset

from ..conftest import examples

PACKS = load_packset(Config()).packs
HEADERS = ("Case #", "Client Name", "Program", "Enrolled", "Notes")
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(lambda t: " ".join(t.split()))


def _reader(rows: list[tuple[object, ...]]) -> RowReader:
    sheet = Sheet(Path("caseload.csv"), HEADERS, tuple(Row(n, cells) for n, cells in enumerate(rows, 2)), "UTF-8", ",")
    return RowReader(sheet, map_columns(HEADERS, ()), PACKS, None, None, dt.date(2026, 12, 1))


@examples(0.5)
@given(case_id=TEXT | st.integers(0, 10**9).map(str).map(lambda s: "00" + s), name=TEXT, notes=TEXT)
def test_any_text_in_a_cell_reads_back_from_the_file_as_that_text(case_id, name, notes):
    reader = _reader([(case_id, name, "la-step", "2026-01-05", notes)])
    made = reader.new_case(reader.sheet.rows[0], "case.yaml")
    assert isinstance(made, NewCase), made
    data = yamlread.to_plain(yamlread.parse(made.text))
    assert data["case_id"] == " ".join(case_id.split())
    assert data["participant"]["name"] == " ".join(name.split())
    assert data["notes"] == " ".join(notes.split())
    case, problems = read_case(made.text.encode("utf-8"), "case.yaml", PACKS)
    assert case is not None and not problems


def test_headers_as_offices_write_them_are_mapped_and_the_rest_left_out():
    columns = map_columns(("Case No.", "DOB", "Client", "Caseworker", "Date Enrolled", "Program ID", "Status"), ())
    assert columns.columns == {
        "case_id": (0,), "participant.birth_date": (1,), "participant.name": (2,), "worker": (3,), "enrolled": (4,), "program": (5,),
    }  # fmt: skip
    assert columns.ignored == (6,) and columns.guessed == frozenset(columns.columns)
