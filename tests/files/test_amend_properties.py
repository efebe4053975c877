"""Property: whatever an amend puts in place of a recorded staffing -- any text, quotes, colons,
hashes, accents, line breaks -- the case file loads back with exactly that staffing where the old
one stood, and every byte before and after that entry is unchanged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from casestaff.documents import record
from casestaff.files import writer
from casestaff.files.casefile import read_case

from ..conftest import examples
from .test_record_properties import AS_OF, PACK, PACKS, staffings

HEAD = "# a case\ncase_id: P-1\nprogram: or-ssp-reengagement\nparticipant:\n  name: Pat Example\nenrolled: 2026-01-05\nstaffings:\n"
FIRST = (
    "  # the first review\n"
    "  - date: 2026-02-01\n"
    "    kind: re-engagement  # as planned\n"
    "    # who came\n"
    "    present:\n      - {role: FC, initials: RH}\n"
    "    discussion: >-\n      Talked it through.\n"
)
TAIL = "  - date: 2026-03-01\n    kind: follow-up-review\n# the end\n"


@examples(share=0.5)
@given(first=staffings(), crlf=st.booleans())
def test_an_amended_staffing_loads_back_in_place_and_nothing_else_moves(tmp_path_factory, first, crlf):
    path = Path(tmp_path_factory.mktemp("case"), "case.yaml")
    text = HEAD + FIRST + TAIL
    original = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    path.write_bytes(original)
    case, problems = read_case(original, str(path), PACKS)
    assert problems == []
    assume(not record.already_held(case, first.date, first.kind, replacing=0))  # moved onto the other entry: refused, tested in tests/cli

    record.record_outcome(writer.read_for_edit(path), case, first, PACK, PACKS, AS_OF, typed=False, replacing=0)

    data = path.read_bytes()
    loaded, problems = read_case(data, str(path), PACKS)
    assert problems == []
    assert loaded.staffings[0] == first
    assert loaded.staffings[1:] == case.staffings[1:]
    newline = b"\r\n" if crlf else b"\n"
    head, tail = (part.replace("\n", "\r\n") if crlf else part for part in (HEAD + "  # the first review\n  - ", TAIL))
    assert data.startswith(head.encode()) and data.endswith(tail.encode())
    assert b"\n" not in data.replace(b"\r\n", b"") if crlf else b"\r" not in data
    if first.kind == "re-engagement":  # an unchanged field keeps its line, comment and all
        assert b"    kind: re-engagement  # as planned" + newline in data
