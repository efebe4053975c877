"""Shared by the agenda tests: load a case, build and render its agenda, check HTML."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from casestaff.actions.agenda import case_agenda
from casestaff.documents.agenda import build_agenda, default_meeting_date, reasons_from_flags
from casestaff.files.caseload import load_caseload
from casestaff.files.config import Config
from casestaff.rules.evaluate import evaluate_case
from casestaff.packset import load_packset

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "agenda"
AS_OF = dt.date(2026, 11, 23)
PROGRAMS = ("la-step", "il-snap-et", "or-ssp-reengagement", "fc-reintegration", "or-ssp-case-management")
FORMATS = ("md", "txt", "html")


def load_case(path: Path):
    packset = load_packset(Config())
    caseload = load_caseload([path], packset, AS_OF)
    assert not caseload.problems, [str(p) for p in caseload.problems]
    case = caseload.cases[0]
    return case, packset.get(case.program)


def agenda_for(path: Path, *, audience: str = "team", partner: str = "", meeting: dt.date | None = None, invite=()):
    case, pack = load_case(path)
    if audience == "partner":
        return case_agenda(case, pack, Config(), AS_OF, meeting, invite, audience, partner).shown
    flags = evaluate_case(case, pack, AS_OF, 14)
    day = meeting or default_meeting_date(case, flags, AS_OF)
    return build_agenda(case, pack, day, AS_OF, reasons=reasons_from_flags(flags), invite=invite)


VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr", "source"}


class StrictHTML(HTMLParser):
    """Collects what a well-formed, self-contained page must satisfy."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.title = ""
        self.styles = ""
        self.urls: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "data") or (value and "://" in value):
                self.urls.append(f"{tag} {name}={value}")
        if tag not in VOID:
            self.stack.append(tag)
        if tag in ("title", "style"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}> at {self.getpos()}")
            return
        self.stack.pop()
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "style":
            self.styles += data


def check_html(text: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(text)
    parser.close()
    assert text.startswith("<!DOCTYPE html>")
    assert not parser.errors, parser.errors[:5]
    assert not parser.stack, f"unclosed: {parser.stack}"
    assert parser.title.strip(), "no <title>"
    assert "@media print" in parser.styles, "no print stylesheet"
    assert not parser.urls, parser.urls
    assert "://" not in text and "@import" not in parser.styles
    return parser
