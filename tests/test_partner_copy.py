"""Free text is withheld from a partner without a release covering all; every agenda entry has
its partner decision in one table."""

from __future__ import annotations

import datetime as dt

from casestaff.actions.agenda import case_agenda
from casestaff.cli.main import app
from casestaff.documents.agenda_values import PARTNER_FIELDS, values_in
from casestaff.files.config import Config

from .agenda_helpers import FIXTURES, FORMATS, load_case
from .conftest import SAMPLES

SENSITIVE = FIXTURES / "sensitive.yaml"
AS_OF = dt.date(2026, 11, 23)


FREE_TEXT_MARKERS = {
    "relationship_status: separated": "relationship_status: RELSTAT-MARTEN-4141 protective order against ex-partner",
    "employment_education: Some college; last worked in a warehouse": "employment_education: EMPLOY-FERRET-5252 left job after stalking",
    "  - name: Robin Sample\n    relationship: daughter": "  - name: HOUSE-BISON-6363 Sample\n    relationship: HOUSE-RELATION-7474",
    "  - name: Job search\n    start: 2026-03-02": "  - name: COMPONENT-MINK-8585 detox program\n    start: 2026-03-02\n    provider: PROVIDER-STOAT-9696 Recovery Center",
    "    how_addressed: TRANSPORT-NOTE-9090 bus pass": "    how_addressed: TRANSPORT-NOTE-9090 bus pass\n    anticipated_duration: DURATION-SABLE-1717 until the hearing",
}


def test_free_text_is_withheld_from_a_partner_without_a_release_covering_all(runner, tmp_path):
    text = SENSITIVE.read_text(encoding="utf-8")
    for old, new in FREE_TEXT_MARKERS.items():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    la_step = tmp_path / "la-step.yaml"
    la_step.write_text(text.replace("program: or-ssp-reengagement", "program: la-step").split("planned_staffing:")[0], encoding="utf-8")
    markers = [word for old, new in FREE_TEXT_MARKERS.items() for word in new.split() if word[:1].isupper() and "-" in word and word not in old]
    team = "".join(runner.invoke(app, ["agenda", str(p), "--as-of", "2026-11-23", "--format", fmt]).stdout for p in (path, la_step) for fmt in FORMATS)
    assert [m for m in markers if m not in team] == []  # real content of the team's agendas
    for case in (path, la_step):
        for partner in ("Community Action", "Bluebird Counseling"):  # no release; a release for mental health only
            for fmt in FORMATS:
                args = ["agenda", str(case), "--as-of", "2026-11-23", "--format", fmt, "--audience", "partner", "--partner", partner]
                shown = runner.invoke(app, args).stdout
                assert not [m for m in markers if m in shown], (case.name, partner, fmt)
    shown = runner.invoke(app, ["agenda", str(path), "--as-of", "2026-11-23", "--audience", "partner", "--partner", "Community Action"]).stdout
    assert "- **Age:** 39[^9]; **relationship status:** _withheld (no release)_\n" in shown
    assert "- **Employment/education:** _withheld (no release)_\n" in shown
    assert "  - _withheld (no release)_, _withheld (no release)_, age 12[^17]\n" in shown


def test_every_entry_of_every_sample_agenda_has_a_partner_decision():
    """Each label an agenda gives is a row of the one table (a new entry without one fails here)."""
    labels = set()
    for path in sorted(SAMPLES.glob("*.yaml")):
        case, pack = load_case(path)
        agenda = case_agenda(case, pack, Config(), AS_OF).team
        for name in (*agenda.parts, "reasons", "participant", "team"):
            labels.update(v.label for v in values_in(getattr(agenda, name)))
    assert labels - {""} <= set(PARTNER_FIELDS)
    assert {"relationship status", "employment and education", "case notes", "household member"} <= labels
