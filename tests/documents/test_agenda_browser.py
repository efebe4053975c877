"""Each program's HTML agenda in a real headless Chromium: on a 1920-pixel meeting screen, and
printed to PDF. Skips when Chromium is not installed (.ci/run installs Debian's package)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from casestaff.cli.main import app

from ..conftest import SAMPLES
from .test_agenda_snapshots import SAMPLE_PER_PROGRAM

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed")

CONFIDENTIAL = "Confidential \u2014 contains case data"
BROWSER = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

MEASURE = """<script>
/* Added by the test only: where the main text sits on the screen, written into the DOM for --dump-dom. */
addEventListener("load", () => {
  const boxes = [...document.querySelectorAll("main p, main li, main td, main th, main h2")]
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
  const size = parseFloat(getComputedStyle(document.body).fontSize);
  const prose = [...document.querySelectorAll("main section")].filter(s => !s.querySelector("table"))
    .map(s => s.getBoundingClientRect().width / size);
  const out = document.createElement("pre");
  out.id = "layout";
  out.textContent = JSON.stringify({
    viewport: innerWidth,
    left: Math.min(...boxes.map(r => r.left)),
    right: Math.max(...boxes.map(r => r.right)),
    widest_prose_em: Math.max(...prose),
    form_rows_px: [...document.querySelectorAll("table.form tbody tr")].map(r => r.getBoundingClientRect().height),
  });
  document.body.append(out);
});
</script>"""


PROVIDER = "Lakeview Example Works"
"""A provider of the sample caseload: its monthly staffing agenda lists every customer's barriers."""


def _agenda_html(runner, sample: str) -> str:
    which = ["--provider", PROVIDER, str(SAMPLES)] if sample == PROVIDER else [str(SAMPLES / f"{sample}.yaml")]
    result = runner.invoke(app, ["agenda", *which, "--as-of", "2026-11-23", "--format", "html"])
    assert result.exit_code in (0, 3), result.output
    return result.stdout


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BROWSER, *args], check=True, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("sample", SAMPLE_PER_PROGRAM)
def test_on_a_wide_screen_the_agenda_uses_the_width_with_readable_lines(runner, tmp_path, sample):
    html = _agenda_html(runner, sample)
    page = tmp_path / "agenda.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "shot.png"
    _run([f"--screenshot={shot}", "--window-size=1920,1080", page.as_uri()])
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000  # a page of text, not a blank canvas

    measured = tmp_path / "measured.html"
    measured.write_text(html.replace("</body>", MEASURE + "\n</body>"), encoding="utf-8")
    dom = _run(["--window-size=1920,1080", "--virtual-time-budget=2000", "--dump-dom", measured.as_uri()]).stdout
    found = re.search(r'<pre id="layout">(.*?)</pre>', dom)
    assert found, dom[-2000:]
    layout = json.loads(found[1])
    share = (layout["right"] - layout["left"]) / layout["viewport"]
    assert share >= 0.75, f"{sample}: the text fills {share:.0%} of a 1920-pixel screen"
    assert layout["widest_prose_em"] <= 55, f"{sample}: a text column {layout['widest_prose_em']:.0f} em wide is too long to read"
    if "<table class=\"form\">" in html:  # a plan the team writes by hand: rows for two lines of handwriting (96 px = 1 inch)
        rows = layout["form_rows_px"]
        assert len(rows) >= 6 and min(rows) >= 0.6 * 96, f"{sample}: the form to fill in has rows {rows} px high"


def _page_lines(pdf: Path) -> list[list[str]]:
    from pypdf import PdfReader

    return [[line.strip() for line in page.extract_text().splitlines() if line.strip()] for page in PdfReader(pdf).pages]


def _headings(html: str) -> set[str]:
    """The text of every heading, and of every line that introduces what follows it."""
    tags = re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>|<p class=\"lead-in\">(.*?)</p>", html, re.S)
    return {re.sub(r"<[^>]+>", "", a or b).strip() for a, b in tags}


@pytest.mark.parametrize("sample", [*SAMPLE_PER_PROGRAM, PROVIDER])
def test_printed_pages_keep_headings_with_their_content_and_say_confidential(runner, tmp_path, sample):
    html = _agenda_html(runner, sample)
    page = tmp_path / "agenda.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "agenda.pdf"
    _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()])
    pages = _page_lines(pdf)
    assert len(pages) >= 2, f"{sample}: a one-page print tests nothing about page breaks"
    headings = _headings(html)
    assert "Readiness" in headings
    for number, lines in enumerate(pages, 1):
        assert CONFIDENTIAL in lines, f"{sample}: page {number} is not marked confidential"
        body = [line for line in lines if line != CONFIDENTIAL and not re.fullmatch(r"page \d+ of \d+", line)]
        assert body[-1] not in headings, f"{sample}: page {number} ends with the heading {body[-1]!r}"
