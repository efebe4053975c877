"""--ascii, --width and --max-chars on any text: within their limits, and never a word cut."""

from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

from ..conftest import REPO
from casestaff.documents.narrate import TooShort, split_parts, to_ascii, wrap

WORD = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=18)
SEPARATOR = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\n- "])


@st.composite
def texts(draw) -> str:
    words = draw(st.lists(WORD, min_size=1, max_size=120))
    out = words[0]
    for word in words[1:]:
        out += draw(SEPARATOR) + word
    return out + "\n"


@given(text=texts(), limit=st.integers(min_value=30, max_value=400))
def test_parts_fit_and_keep_every_word(text, limit):
    parts = split_parts(text, limit)
    assert all(len(part.rstrip("\n")) <= limit for part in parts)
    if len(parts) > 1:
        assert [part.split("\n", 1)[0] for part in parts] == [f"({i}/{len(parts)})" for i in range(1, len(parts) + 1)]
        words = [w for part in parts for w in part.split("\n", 1)[1].split()]
    else:
        words = parts[0].split()
    assert words == text.split()


@given(text=texts(), width=st.integers(min_value=20, max_value=120))
def test_wrap_fits_and_keeps_every_word(text, width):
    wrapped = wrap(text, width)
    assert wrapped.split() == text.split()
    for line in wrapped.splitlines():
        assert len(line) <= width or " " not in line.strip()


def test_a_word_longer_than_a_part_is_refused_not_cut():
    with pytest.raises(TooShort, match="fewer than the word 'abcdefghijklmnopqrstuvwxyz'"):
        split_parts("short " + "abcdefghijklmnopqrstuvwxyz " * 3, 30)


@given(st.text(max_size=200))
def test_ascii_is_ascii_and_leaves_ascii_alone(text):
    folded = to_ascii(text)
    assert folded.isascii()
    if text.isascii():
        assert folded == text


def test_ascii_examples():
    assert to_ascii("José Núñez’s “plan” — 3–4 wks… Ærø straße") == "Jose Nunez's \"plan\" -- 3-4 wks... AEro strasse"


def test_max_chars_never_leaves_a_heading_at_the_end_of_a_part(runner):
    """'Narration:' belongs with the text it introduces, not alone at the foot of a part."""
    from casestaff.cli.main import app

    amy = str(REPO / "sample_cases" / "or-ssp-reengagement-amy.yaml")
    result = runner.invoke(app, ["narrate", amy, "--max-chars", "200", "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "(1/5)\nTeam re-engagement follow-up\n\nPresent at staffing: CPC: JD, FC: RH, Manager: XR,"
        " Engagement Specialist: JB.\n\n(2/5)\nNarration:\n\nTeam reviewed all"
    )
    whole = runner.invoke(app, ["narrate", amy, "--as-of", "2026-12-01"]).stdout
    headings = {line for line in whole.splitlines() if line.endswith(":")}
    assert headings == {"Narration:"}
    for size in range(60, 400, 7):
        shown = runner.invoke(app, ["narrate", amy, "--max-chars", str(size), "--as-of", "2026-12-01"]).stdout
        part_ends = [part.rstrip("\n").splitlines()[-1] for part in shown.split("\n\n(") if part.strip()]
        assert not headings.intersection(part_ends), size
