"""CSV rows end in \r\n, written as they are: on Windows stdout is a text stream that writes every
\n as \r\n, and a CSV written through it had \r\r\n -- a blank row after every row in Excel."""

from __future__ import annotations

import io
import sys

import pytest

from casestaff.cli import quick
from casestaff.cli.main import app

from ..conftest import SAMPLES


def _stdout_as_on_windows(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    written = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(written, encoding="utf-8", newline="\r\n", write_through=True))
    return written


def _rows_end_once(data: bytes) -> None:
    assert data, "nothing written"
    assert b"\r\r\n" not in data
    assert data.count(b"\n") == data.count(b"\r\n") > 1


def test_due_csv_rows_end_once_where_stdout_writes_line_ends_as_windows_does(monkeypatch: pytest.MonkeyPatch) -> None:
    written = _stdout_as_on_windows(monkeypatch)
    # --no-cache: no stored answer, whose recording would stand in for stdout with line ends as this platform writes them
    assert quick.run(["due", str(SAMPLES), "--as-of", "2026-12-01", "--format", "csv", "--no-cache"]) in (0, None)
    sys.stdout.flush()
    _rows_end_once(written.getvalue())


def test_report_csv_rows_end_once_where_stdout_writes_line_ends_as_windows_does(monkeypatch: pytest.MonkeyPatch) -> None:
    written = _stdout_as_on_windows(monkeypatch)
    with pytest.raises(SystemExit) as done:
        app(["report", str(SAMPLES), "--as-of", "2026-12-01", "--format", "csv"])
    assert done.value.code in (0, None)
    sys.stdout.flush()
    _rows_end_once(written.getvalue())


def test_due_csv_reaches_a_stream_of_text_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An IDE's console has no bytes underneath: the rows are written to it as text."""
    written = io.StringIO()
    monkeypatch.setattr(sys, "stdout", written)
    assert quick.run(["due", str(SAMPLES), "--as-of", "2026-12-01", "--format", "csv", "--no-cache"]) in (0, None)
    assert written.getvalue().count("\r\n") > 1
