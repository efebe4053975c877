"""An HTML agenda as a file for Word or for paper: docx built from it, or PDF printed by a
headless Chromium-based browser.

The PDF is the HTML agenda as the browser prints it: its print style sheet already keeps headings
with what follows them, and puts the Confidential mark and "page N of M" on every page. The page
is written into a private temporary folder (with a browser profile of its own, so a browser the
user has open is neither disturbed nor read), printed with a time limit so a stuck browser never
hangs the command, and the folder removed. The HTML holds no script and fetches nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from casestaff.documents.agenda_docx import docx_from_html
from casestaff.model.errors import UsageError

if TYPE_CHECKING:
    import subprocess

BINARY_FORMATS = ("docx", "pdf")
"""Agenda formats made from the HTML agenda; files, never text for a terminal."""

BROWSER_VARIABLE = "CASESTAFF_BROWSER"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
BROWSER_PLACES = (
    Path("/usr/bin/chromium"),
    Path("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
    Path("/Applications/Chromium.app/Contents/MacOS/Chromium"),
    Path("C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe"),
    Path("C:/Program Files/Microsoft/Edge/Application/msedge.exe"),
    Path("C:/Program Files/Google/Chrome/Application/chrome.exe"),
)
"""Where a browser that can print headless usually is when it is not on PATH (Edge comes with Windows)."""

PRINT_SECONDS = 90
"""The most a print may take: an agenda prints in a second or two; a browser stuck on a first-run
dialog or a broken profile would otherwise hang the command."""

_HELP = (
    "install Chromium (for example `sudo apt install chromium`, or Google Chrome or Microsoft Edge),"
    f" or set {BROWSER_VARIABLE} to the browser's program; or write --format html and print it from your browser"
)


def find_browser() -> Path:
    """The browser to print with: $CASESTAFF_BROWSER when set, else one on PATH, else one where
    browsers are usually installed; a clear message naming what to install when there is none."""
    import shutil  # here, as every import only printing needs: `casestaff due` starts without them

    named = os.environ.get(BROWSER_VARIABLE, "").strip()
    if named:
        path = Path(named).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path
        found = shutil.which(named)
        if found:
            return Path(found)
        raise UsageError(f"--format pdf: {BROWSER_VARIABLE} names {named}, which is not a program on this computer; {_HELP}")
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in BROWSER_PLACES:
        if place.is_file():
            return place
    raise UsageError(f"--format pdf needs a Chromium-based browser to print the agenda, and none was found; {_HELP}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the browser we started and every process it started (on POSIX they share its
    session; on Windows taskkill /T follows its children)."""
    import signal
    import subprocess

    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, timeout=10, check=False)
            process.kill()
    except (OSError, subprocess.SubprocessError):
        pass
    process.wait()


def print_pdf(html: str, browser: Path | None = None, seconds: float = PRINT_SECONDS) -> bytes:
    """The HTML page printed to PDF by a headless browser; refused, with what to do, when it
    cannot be."""
    import subprocess
    import tempfile

    program = browser or find_browser()
    # Owner-only (mkdtemp); on Windows a browser just stopped may still hold a file in it for a moment.
    with tempfile.TemporaryDirectory(prefix="casestaff-print-", ignore_cleanup_errors=True) as folder:
        page = Path(folder) / "agenda.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(folder) / "agenda.pdf"
        command = [
            str(program), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-extensions", "--disable-sync",
            f"--user-data-dir={Path(folder) / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
        ]
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                start_new_session=os.name == "posix",
            )
        except OSError as exc:
            raise UsageError(f"--format pdf: could not start {program}: {exc.strerror or exc}; {_HELP}") from None
        try:
            _, errors = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise UsageError(
                f"--format pdf: {program} did not finish printing within {seconds:g} seconds and was stopped;"
                " try again, or write --format html and print it from your browser"
            ) from None
        except BaseException:  # Ctrl-C: the browser must not outlive us, nor keep writing into the folder
            _stop(process)
            raise
        printed = pdf.read_bytes() if pdf.is_file() else b""
        if not printed.startswith(b"%PDF"):
            said = [line for line in errors.decode("utf-8", "replace").splitlines() if line.strip()]
            why = f" (it said: {said[-1].strip()})" if said else ""
            raise UsageError(
                f"--format pdf: {program} printed no PDF{why}; set {BROWSER_VARIABLE} to another Chromium-based browser,"
                " or write --format html and print it from your browser"
            )
        return printed


def from_html(html: str, fmt: str) -> bytes:
    """The HTML agenda as a docx or a PDF file's bytes."""
    if fmt == "docx":
        return docx_from_html(html)
    return print_pdf(html)
