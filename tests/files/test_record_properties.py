"""Property: whatever outcome is recorded -- any text, quotes, colons, hashes, accents, line
breaks -- the case file loads back with exactly that staffing, and the rest of the file is
unchanged byte for byte."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from casestaff.documents import record
from casestaff.files import writer
from casestaff.files.casefile import read_case
from casestaff.files.config import Config
from casestaff.model import records as model
from casestaff.packset import load_packset

from ..conftest import examples

PACKS = load_packset(Config()).packs
PACK = PACKS["or-ssp-reengagement"]
ENROLLED = dt.date(2026, 1, 5)
AS_OF = dt.date(2026, 11, 23)

HEADS = {
    "two-space": (
        "# a case\ncase_id: P-1\nprogram: or-ssp-reengagement\nparticipant:\n  name: Pat Example\n"
        "enrolled: 2026-01-05\nstaffings:\n  - date: 2026-02-01\n    kind: re-engagement\n"
        "    present:\n      - {role: FC, initials: RH}\n    # last entry's note\n"
    ),
    "four-space-indentless": (
        "case_id: P-1\nprogram: or-ssp-reengagement\nparticipant:\n    name: Pat Example\n"
        "enrolled: 2026-01-05\nstaffings:\n-   date: 2026-02-01\n    kind: re-engagement\n"
        "    next_steps:\n    -   step: x\n        due: 2026-02-03\nnotes: ~   # kept\n"
    ),
    "no-staffings-crlf": "case_id: P-1\r\nprogram: or-ssp-reengagement\r\nparticipant:\r\n  name: Pat Example\r\nenrolled: 2026-01-05\r\n",
}

TRICKY = st.sampled_from(
    ["no", "yes", "null", "~", "2026-01-01", "12", "1e3", "- dash", "a: b", "# hash", "x #y", "'q'", '"dq"', "  lead", "trail  ",
     "é ü — “smart”", "tab\there", "line\nbreak", "two\n\nparas\n", "{brace}", "[list]", "*star", "&amp", "!bang", "%pct",
     "@at", "`tick`", "|pipe", ">gt", "?q", ":colon", "...", "---"]
)  # fmt: skip
TEXT = st.one_of(TRICKY, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
NONEMPTY = TEXT.filter(lambda t: t != "")
DATES = st.dates(min_value=ENROLLED, max_value=AS_OF)
ROLES = st.sampled_from([r.abbr for r in PACK.roles])
INITIALS = st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=3)


@st.composite
def staffings(draw) -> model.Staffing:
    day = draw(DATES)
    later = st.dates(min_value=day, max_value=day + dt.timedelta(days=400))
    people = draw(
        st.lists(
            st.builds(
                model.Person,
                role=ROLES,
                initials=INITIALS,
                name=st.none() | NONEMPTY,
                organization=st.none() | NONEMPTY,
            ),
            max_size=5,
        )
    )
    steps = draw(
        st.lists(
            st.builds(model.NextStep, step=NONEMPTY, owner=st.none() | TEXT, due=st.dates(min_value=ENROLLED, max_value=dt.date(2028, 1, 1)), done=st.none() | later),
            max_size=3,
        )
    )
    appointment = draw(
        st.none()
        | st.builds(
            model.Appointment,
            date=later,
            time=st.none() | st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)),
            how=st.none() | TEXT,
            initiated_by=st.none() | TEXT,
        )
    )
    return model.Staffing(
        date=day,
        kind=draw(st.sampled_from(PACK.kind_ids)),
        title=draw(st.none() | TEXT),
        present=people,
        discussion=draw(st.none() | TEXT),
        strengths_identified=draw(st.lists(TEXT, max_size=3)),
        challenges_identified=draw(st.lists(TEXT, max_size=3)),
        all_information_discussed=draw(st.none() | st.booleans()),
        decision=draw(st.none() | TEXT),
        explanation=draw(st.none() | TEXT),
        next_steps=steps,
        next_appointment=appointment,
    )


@examples(share=0.5)
@given(head=st.sampled_from(sorted(HEADS)), staffing=staffings())
def test_a_recorded_outcome_loads_back_equal(tmp_path_factory, head, staffing):
    folder = tmp_path_factory.mktemp("case")
    path = Path(folder, "case.yaml")
    original = HEADS[head].encode("utf-8")
    path.write_bytes(original)
    doc = writer.read_for_edit(path)
    case, problems = read_case(original, str(path), PACKS)
    assert problems == []
    assume(not record.already_held(case, staffing.date, staffing.kind))  # a second copy is refused: tested in tests/cli

    record.record_outcome(doc, case, staffing, PACK, PACKS, AS_OF, typed=False)

    data = path.read_bytes()
    loaded, problems = read_case(data, str(path), PACKS)
    assert problems == []
    assert loaded.staffings[-1] == staffing
    assert loaded.staffings[:-1] == case.staffings
    # everything before the new entry is untouched
    before = original.split(b"notes:")[0]
    assert data.startswith(before.rstrip(b"\r\n") if head == "no-staffings-crlf" else before)
    # nothing left beside the case file but the folder's write lock (hidden, empty; gone on Windows)
    assert [p for p in folder.iterdir() if p.name != writer.LOCK_NAME] == [path]
