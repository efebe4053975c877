"""`casestaff agenda --format docx` and `--format pdf`: the Word document says what the HTML agenda
says -- the same headings (as Word's Heading styles), the same tables, the same words, sources
and withholding -- with the Confidential mark on every page; the PDF is the HTML printed."""

from __future__ import annotations

import io
import os
import re
import signal
import stat
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from casestaff.actions.printing import find_browser, print_pdf
from casestaff.cli.main import app
from casestaff.documents.plain_words import field_names
from casestaff.model.errors import UsageError

from ..agenda_helpers import FIXTURES
from ..conftest import SAMPLES, run_with_stdout_on_a_terminal
from .test_agenda_partner import PLANTED
from .test_agenda_snapshots import SAMPLE_PER_PROGRAM

AS_OF = "2026-11-23"
CONFIDENTIAL = "Confidential \u2014 contains case data"
PROVIDER = "Lakeview Example Works"
WITH_QUESTIONS = "la-step-keisha-lamb"
"""A sample whose case file leaves questions open for the team (a numbered list)."""


def _which(sample: str) -> list[str]:
    return ["--provider", PROVIDER, str(SAMPLES)] if sample == PROVIDER else [str(SAMPLES / f"{sample}.yaml")]


def _html(runner, which: list[str], *extra: str) -> str:
    result = runner.invoke(app, ["agenda", *which, "--as-of", AS_OF, "--format", "html", *extra])
    assert result.exit_code in (0, 3), result.output
    return result.stdout


def _docx(runner, tmp_path: Path, which: list[str], *extra: str):
    """The Word agenda written with --out (a provider's month: with --out-dir), opened."""
    if "--provider" in which:
        folder = tmp_path / "provider"
        result = runner.invoke(app, ["agenda", *which, "--as-of", AS_OF, "--format", "docx", "--out-dir", str(folder), *extra])
        out = next(folder.iterdir())
    else:
        out = tmp_path / "agenda.docx"
        result = runner.invoke(app, ["agenda", *which, "--as-of", AS_OF, "--format", "docx", "--out", str(out), *extra])
    assert result.exit_code in (0, 3), result.output
    assert f"to {out}" in result.stdout
    return docx.Document(str(out)), out, result


INLINE = {"span", "strong", "em", "b", "i", "a"}


class _Visible(HTMLParser):
    """What a reader of the HTML page sees in its body (not the screen-only Confidential banner,
    which Word carries as the page header): the text, headings and tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.tables: list[list[list[str]]] = []
        self.hidden = 0
        self.in_banner = False
        self.heading: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.text.append(" ")  # a block (or a line break) parts words, as it does on the page
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("head", "script", "style") or "confidential" in classes:
            self.hidden += 1
            self.in_banner = "confidential" in classes
        elif tag in ("h1", "h2", "h3"):
            self.heading = ""
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.text.append(" ")
        if tag in ("head", "script", "style") or (tag == "div" and self.in_banner):
            self.hidden -= 1
            self.in_banner = False
        elif tag in ("h1", "h2", "h3") and self.heading is not None:
            self.headings.append((tag, " ".join(self.heading.split())))
            self.heading = None
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.hidden:
            return
        self.text.append(data)
        if self.heading is not None:
            self.heading += data
        if self.cell is not None:
            self.cell.append(data)


def _visible(html: str) -> _Visible:
    page = _Visible()
    page.feed(html)
    return page


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _body_text(document) -> str:
    """Every paragraph and table cell of the document's body, in order."""
    parts = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            parts.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            parts.append(block.text)
    return "\n".join(parts)


@pytest.mark.parametrize("sample", [*SAMPLE_PER_PROGRAM, PROVIDER])
def test_the_word_agenda_has_the_html_headings_as_word_headings_and_says_the_same_words(runner, tmp_path, sample):
    html = _visible(_html(runner, _which(sample)))
    document, _, _ = _docx(runner, tmp_path, _which(sample))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [(f"Heading {tag[1]}", text) for tag, text in html.headings]
    assert "Readiness" in [text for _, text in headings] or sample == PROVIDER
    assert _words(_body_text(document)) == _words("".join(html.text))


@pytest.mark.parametrize("sample", SAMPLE_PER_PROGRAM)
def test_every_html_table_is_a_word_table_with_the_same_cells(runner, tmp_path, sample):
    html = _visible(_html(runner, _which(sample)))
    document, _, _ = _docx(runner, tmp_path, _which(sample))
    tables = [[[_words(cell.text) for cell in row.cells] for row in table.rows] for table in document.tables]
    assert tables == [[[_words(cell) for cell in row] for row in table] for table in html.tables]


def test_the_action_plan_is_a_table_with_tall_empty_rows_to_write_in(runner, tmp_path):
    document, _, _ = _docx(runner, tmp_path, _which("la-step-jose-nunez"))
    plan = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Action", "Who", "Time-frame", "Expected outcome"])
    blank = plan.rows[1:]
    assert len(blank) >= 6
    assert all(cell.text == "" for row in blank for cell in row.cells)
    assert all(row.height is not None and row.height.mm >= 15 for row in blank)  # room for two lines of handwriting
    assert all(run.bold for cell in plan.rows[0].cells for run in cell.paragraphs[0].runs)


def test_the_review_areas_table_says_what_the_case_file_says(runner, tmp_path):
    document, _, _ = _docx(runner, tmp_path, _which("or-ssp-reengagement-rosa-delgado"))
    areas = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:3] == ["Area", "Whom", "Limitation present?"])
    titles = [row.cells[0].text for row in areas.rows[1:]]
    assert titles[0] == "Domestic violence (last 6 months)"
    assert all(any(cell.text for cell in row.cells[1:]) for row in areas.rows[1:])


def test_every_page_says_confidential_in_its_header_and_the_title_is_the_agendas(runner, tmp_path):
    document, _, _ = _docx(runner, tmp_path, _which("la-step-jose-nunez"))
    assert all(section.header.paragraphs[0].text == CONFIDENTIAL for section in document.sections)
    assert not any(CONFIDENTIAL in p.text for p in document.paragraphs)  # the mark is the header's, not a body line
    assert document.core_properties.title.startswith("STEP case staffing: José Núñez (LA-ST-0101)")


def test_the_numbered_questions_are_a_word_numbered_list(runner, tmp_path):
    html = _html(runner, _which(WITH_QUESTIONS))
    asked = re.search(r'<section id="questions">.*?<ol>(.*?)</ol>', html, re.S)
    assert asked, "the sample leaves questions open"
    document, _, _ = _docx(runner, tmp_path, _which(WITH_QUESTIONS))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == asked[1].count("<li>")
    assert all(p._p.pPr.numPr is not None for p in numbered)


def test_no_field_names_reach_the_word_agenda(runner, tmp_path):
    document, _, result = _docx(runner, tmp_path, _which("la-step-jose-nunez"), "--as-of", "2026-12-01")
    assert "all_information_discussed" in result.stdout  # the terminal's readiness list names the field to fill in
    text = _body_text(document)
    named = [name for name in field_names() if "_" in name and re.search(rf"\b{name}\b", text)]
    assert named == []


def test_sources_are_small_print_after_each_fact_and_left_out_with_no_sources(runner, tmp_path):
    document, _, _ = _docx(runner, tmp_path, _which("la-step-jose-nunez"))
    sources = [run for p in document.paragraphs for run in p.runs if re.fullmatch(r"lines? [0-9, -]+", run.text)]
    assert sources and all(run.font.size is not None and run.font.size.pt < 9 for run in sources)
    bare, _, _ = _docx(runner, tmp_path, _which("la-step-jose-nunez"), "--no-sources")
    assert not re.search(r"\blines? \d", _body_text(bare))
    assert _words(_body_text(bare)) == _words("".join(_visible(_html(runner, _which("la-step-jose-nunez"), "--no-sources")).text))


@pytest.mark.parametrize("partner", ["", "Community Action"])
def test_the_partner_copy_withholds_in_word_exactly_what_the_html_partner_copy_withholds(runner, tmp_path, partner):
    which = [str(FIXTURES / "sensitive.yaml")]
    team, _, _ = _docx(runner, tmp_path, which)
    assert [marker for marker in PLANTED if marker in _body_text(team)]  # the team copy shows them
    extra = ["--audience", "partner", *(["--partner", partner] if partner else [])]
    shown, _, _ = _docx(runner, tmp_path, which, *extra)
    text = _body_text(shown)
    assert [marker for marker in PLANTED if marker in text] == []
    assert "withheld (no release)" in text
    boxed = [p.text for p in shown.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert len(boxed) == 1 and boxed[0].startswith("Partner copy")  # boxed, as on the HTML page
    assert _words(text) == _words("".join(_visible(_html(runner, which, *extra)).text))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_the_word_agenda_is_written_owner_only_and_by_its_suffix_alone(runner, tmp_path):
    out = tmp_path / "meeting.docx"
    result = runner.invoke(app, ["agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code in (0, 3), result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert docx.Document(str(out)).paragraphs[0].style.name == "Heading 1"


def test_a_word_agenda_goes_to_a_pipe_but_not_to_a_file_named_otherwise(runner, tmp_path):
    piped = runner.invoke(app, ["agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--as-of", AS_OF, "--format", "docx"])
    assert piped.exit_code in (0, 3)
    assert docx.Document(io.BytesIO(piped.stdout_bytes)).paragraphs[0].style.name == "Heading 1"
    wrong = tmp_path / "agenda.md"
    refused = runner.invoke(app, ["agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--format", "docx", "--out", str(wrong)])
    assert refused.exit_code == 2
    assert "give for example --out agenda.docx" in refused.stderr
    assert not wrong.exists()


def test_a_file_named_as_a_word_document_or_pdf_never_gets_text(runner, tmp_path):
    """--format md into agenda.pdf would make a PDF no reader opens: refused, with the way out."""
    wrong = tmp_path / "agenda.pdf"
    refused = runner.invoke(app, ["agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--format", "md", "--out", str(wrong)])
    assert refused.exit_code == 2, refused.output
    assert "give --format pdf, or for example --out agenda.md" in refused.stderr
    assert not wrong.exists()


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")
def test_on_a_terminal_a_word_agenda_asks_for_a_file(tmp_path):
    done = run_with_stdout_on_a_terminal(["agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--format", "docx"], tmp_path)
    assert done.returncode == 2
    assert "give --out FILE.docx (for example --out agenda.docx), or pipe the output" in done.stderr.decode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_due_agendas_in_word_one_file_each_owner_only(runner, tmp_path):
    folder = tmp_path / "agendas"
    result = runner.invoke(app, ["agenda", "--due", str(SAMPLES), "--as-of", AS_OF, "--format", "docx", "--out-dir", str(folder)])
    assert result.exit_code in (0, 3), result.output
    written = sorted(folder.iterdir())
    assert written and all(path.suffix == ".docx" for path in written)
    assert len(written) == len(re.findall(r"\.docx", result.stdout))
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert docx.Document(str(path)).sections[0].header.paragraphs[0].text == CONFIDENTIAL


# -- PDF ------------------------------------------------------------------------------------------


def _browser() -> Path | None:
    try:
        return find_browser()
    except UsageError:
        return None


needs_browser = pytest.mark.skipif(_browser() is None, reason="no Chromium-based browser to print with")


def _pages(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf).pages]


@needs_browser
@pytest.mark.parametrize("sample", ["or-ssp-reengagement-rosa-delgado", PROVIDER])
def test_the_pdf_agenda_is_the_html_printed_with_confidential_on_every_page(runner, tmp_path, sample):
    out = tmp_path / "printed"
    which = ["--out-dir", str(out)] if sample == PROVIDER else ["--out", str(tmp_path / "agenda.pdf")]
    result = runner.invoke(app, ["agenda", *_which(sample), "--as-of", AS_OF, "--format", "pdf", *which])
    assert result.exit_code in (0, 3), result.output
    pdf = next(out.iterdir()) if sample == PROVIDER else tmp_path / "agenda.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = _pages(pdf)
    assert len(pages) >= 2
    assert all(CONFIDENTIAL in page for page in pages)
    if os.name == "posix":
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600


def test_a_missing_browser_is_named_with_what_to_install_and_nothing_is_written(runner, tmp_path, monkeypatch):
    missing = tmp_path / "no-such-browser"
    monkeypatch.setenv("CASESTAFF_BROWSER", str(missing))
    out = tmp_path / "agenda.pdf"
    result = runner.invoke(app, ["agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--format", "pdf", "--out", str(out)])
    assert result.exit_code == 2
    assert f"CASESTAFF_BROWSER names {missing}, which is not a program on this computer" in result.stderr
    assert "install Chromium" in result.stderr and "--format html" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def fake_browser(path, script: str):
    """A shell script that stands in for Chromium: `script` is its body."""
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o700)
    return path


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for the browser")
def test_a_browser_that_hangs_is_stopped_and_said(tmp_path):
    stuck = fake_browser(tmp_path / "stuck-browser", "sleep 300\n")
    with pytest.raises(UsageError, match="did not finish printing within 1 seconds and was stopped"):
        print_pdf("<html><body>x</body></html>", browser=stuck, seconds=1)


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for the browser, SIGINT for Ctrl-C")
def test_ctrl_c_while_printing_stops_the_browser_and_leaves_no_temporary_folder(tmp_path):
    """A browser that keeps writing its profile, as Chromium does, is stopped when the user presses
    Ctrl-C, and the private folder with the page (case data) in it is gone."""
    started = tmp_path / "browser.pid"
    busy = fake_browser(
        tmp_path / "busy-browser",
        'for arg; do case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac; done\n'
        f"echo $$ > '{started}'\n"
        'while true; do mkdir -p "$profile" && : > "$profile/state"; sleep 0.05; done\n',
    )
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {
        **os.environ, "CASESTAFF_BROWSER": str(busy), "TMPDIR": str(temp),
        "CASESTAFF_CACHE_DIR": str(tmp_path / "cache"), "CASESTAFF_DATA_DIR": str(tmp_path / "data"),
    }
    out = tmp_path / "agenda.pdf"
    command = [sys.executable, "-m", "casestaff", "agenda", str(SAMPLES / "la-step-jose-nunez.yaml"), "--as-of", AS_OF, "--format", "pdf", "--out", str(out)]
    agenda = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not (started.exists() and started.read_text(encoding="utf-8").strip()):
            assert agenda.poll() is None, agenda.stderr.read() if agenda.stderr else ""
            time.sleep(0.05)
        browser = int(started.read_text(encoding="utf-8"))
        agenda.send_signal(signal.SIGINT)
        agenda.wait(timeout=60)
        time.sleep(0.5)  # a browser left running would have written its profile again by now
        try:
            os.kill(browser, 0)
            left_running = True
            os.kill(browser, signal.SIGKILL)
        except ProcessLookupError:
            left_running = False
    finally:
        agenda.kill()
        agenda.wait()
    assert not left_running
    assert list(temp.iterdir()) == []
    assert not out.exists()


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for the browser")
def test_a_browser_that_prints_nothing_is_said_with_its_own_last_words(tmp_path):
    broken = fake_browser(tmp_path / "broken-browser", "echo 'cannot open display' >&2\nexit 1\n")
    with pytest.raises(UsageError, match=r"printed no PDF \(it said: cannot open display\)"):
        print_pdf("<html><body>x</body></html>", browser=broken)


def test_an_offices_own_html_template_shapes_the_word_agenda_which_is_marked_confidential_all_the_same(runner, tmp_path):
    mine = tmp_path / "templates" / "agenda"
    mine.mkdir(parents=True)
    (mine / "la-step.html.j2").write_text(
        "<!DOCTYPE html><html><body><h1>Staffing {{ agenda.case_id }}</h1><h2>Our own section</h2><p>Held on {{ agenda.meeting }}.</p></body></html>",
        encoding="utf-8",
    )
    document, _, _ = _docx(runner, tmp_path, _which("la-step-jose-nunez"), "--templates", str(tmp_path / "templates"))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Heading 1", "Staffing LA-ST-0101"),
        ("Heading 2", "Our own section"),
        ("Normal", "Held on 2026-12-03."),
    ]
    assert document.sections[0].header.paragraphs[0].text == CONFIDENTIAL
