"""A recorded run's output is kept whole for its stored answer however long it is, without the run
holding a list of 50,000 cases in memory: past HELD_UP_TO bytes the copy is set down in a private
temporary file, and the stored answer replays it byte for byte."""

from __future__ import annotations

import io
import json

import pytest

from casestaff.files import answers


def _lines(count: int) -> list[bytes]:
    return [f"{n}. Participant {n} -- LA-{n:05d} -- la-step -- worker KM -- cases/p{n}.yaml\n".encode() for n in range(count)]


def test_a_short_output_stays_in_memory() -> None:
    copy = answers.Copy()
    for line in _lines(10):
        copy.add(line)
    assert copy.spill is None
    out = io.BytesIO()
    copy.write_to(out)
    assert out.getvalue() == b"".join(_lines(10))


def test_a_long_output_is_set_down_and_replayed_whole(monkeypatch) -> None:
    monkeypatch.setattr(answers, "HELD_UP_TO", 1000)
    copy = answers.Copy()
    for line in _lines(500):
        copy.add(line)
    assert copy.spill is not None and len(copy.held) == 0, "past the limit the copy is not held in memory"
    assert len(copy) == len(b"".join(_lines(500)))
    out = io.BytesIO()
    answers.encoded("key", 0, answers.Inputs(), copy)(out)
    stored = out.getvalue()
    assert stored.startswith(answers.FORMAT)
    assert stored[len(answers.FORMAT) :].split(b"\n", 1)[1] == b"".join(_lines(500))
    copy.add(b"more\n")  # written again after being read: still whole, in order
    again = io.BytesIO()
    copy.write_to(again)
    assert again.getvalue() == b"".join(_lines(500)) + b"more\n"
    copy.close()
    assert copy.spill is None and len(copy) == 0


def test_a_copy_that_fails_midway_is_given_up_not_replayed_in_part(monkeypatch) -> None:
    """A full disk while the copy is set down: the run's own output goes on; the copy is given
    up, so no stored answer replays part of a list."""
    monkeypatch.setattr(answers, "HELD_UP_TO", 1000)
    copy = answers.Copy()
    for line in _lines(100):
        copy.add(line)
    assert copy.spill is not None

    def full(data) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(copy.spill, "write", full)
    for line in _lines(100):
        copy.add(line)  # never raises
    assert not copy.complete and len(copy) == 0


def test_a_copy_that_cannot_be_set_down_stays_in_memory_and_whole(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(answers, "HELD_UP_TO", 1000)
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    monkeypatch.setenv("CASESTAFF_CACHE_DIR", str(taken / "cache"))  # its place is a file
    copy = answers.Copy()
    for line in _lines(300):
        copy.add(line)
    assert copy.spill is None and copy.complete and copy.in_memory
    out = io.BytesIO()
    copy.write_to(out)
    assert out.getvalue() == b"".join(_lines(300))


@pytest.mark.parametrize("files", [0, 1, answers.HEADER_BATCH, answers.HEADER_BATCH * 2 + 3])
def test_the_header_written_in_pieces_is_the_whole_header(files: int) -> None:
    """What `serve` reads back: json.dumps of the whole, however many files the answer read."""
    inputs = answers.Inputs()
    inputs.folders["/cases"] = ["abc", [42, 7]]
    for n in range(files):
        inputs.file(f"/cases/p{n}-\u00e9.yaml", (n, 1_700_000_000_000_000_000 + n, n, 42, 1, 0o100600))
    inputs.file("/home/casestaff.toml", None)
    whole = json.dumps({"key": "k\u00e9y", "code": 1, "inputs": inputs.as_data()}, ensure_ascii=True, separators=(",", ":"))
    assert "".join(answers.header_pieces("k\u00e9y", 1, inputs)) == whole
