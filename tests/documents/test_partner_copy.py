"""A partner copy reads the same whether or not the case file holds records in areas no release
covers for that partner, and free text is withheld from a partner without a release covering all."""

from __future__ import annotations

import datetime as dt
import re
import string

import yaml
from hypothesis import given
from hypothesis import strategies as st

from casestaff.actions.agenda import case_agenda
from casestaff.cli.main import app
from casestaff.documents.agenda import render_agenda
from casestaff.documents.agenda_values import PARTNER_FIELDS, values_in
from casestaff.files.config import Config

from ..agenda_helpers import FIXTURES, FORMATS, PROGRAMS, load_case
from ..conftest import SAMPLES, examples

SENSITIVE = FIXTURES / "sensitive.yaml"
MEETING = dt.date(2026, 11, 30)
AS_OF = dt.date(2026, 11, 23)
PARTNER = "Riverside Partners"

TOPICS = ("domestic_violence", "mental_health", "substance_use", "physical_health")
REVIEW_AREA = {"domestic_violence": "domestic_violence", "mental_health": "mental_health", "substance_use": "drug_alcohol", "physical_health": "physical_health"}
OTHER_AREAS = ("child_welfare", "address", "birth_dates")


def base_text(program: str) -> str:
    """The sensitive fixture without its risk factors, referrals, review areas and releases (the
    test writes its own), as a case of `program`."""
    text = SENSITIVE.read_text(encoding="utf-8").replace("program: or-ssp-reengagement", f"program: {program}")
    if program != "or-ssp-reengagement":
        text = text.split("planned_staffing:")[0]
    head, rest = text.split("risk_factors:\n", 1)
    return head + "{records}" + "sanction:\n" + rest.split("sanction:\n", 1)[1]


free_text = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=12).map(str.strip).filter(bool)
days = st.dates(min_value=dt.date(2026, 1, 5), max_value=dt.date(2026, 11, 20))


@st.composite
def record(draw: st.DrawFn) -> tuple[str, str, dict]:
    """(list it goes in, its release area, the entry): a risk factor, referral or review area on a sensitive topic."""
    topic = draw(st.sampled_from(TOPICS))
    kind = draw(st.sampled_from(("risk_factors", "referrals", "review_areas")))
    if kind == "risk_factors":
        noted = draw(days)
        entry = {"factor": topic, "noted": noted}
        if draw(st.booleans()):
            entry["resolved"] = noted + dt.timedelta(days=draw(st.integers(0, 30)))
        for name in ("anticipated_duration", "how_addressed", "note"):
            if draw(st.booleans()):
                entry[name] = draw(free_text)
    elif kind == "referrals":
        entry = {"service": topic, "date": draw(days)}
        for name in ("to", "note"):
            if draw(st.booleans()):
                entry[name] = draw(free_text)
    else:
        entry = {
            "area": REVIEW_AREA[topic],
            "limitation": draw(st.sampled_from(("yes", "no", "unknown"))),
            "affected_participation": draw(st.sampled_from(("yes", "no", "unknown"))),
        }
        if draw(st.booleans()):
            entry["who"] = draw(st.sampled_from(("adult", "children", "both")))
        for name in ("accommodations", "note"):
            if draw(st.booleans()):
                entry[name] = draw(free_text)
    return kind, topic, entry


def case_text(program: str, records: list[tuple[str, str, dict]], covered: set[str]) -> str:
    """The base case with `records` beside its own non-sensitive ones, and the partner's release."""
    lists: dict[str, list[dict]] = {
        "risk_factors": [{"factor": "transportation", "noted": dt.date(2026, 9, 12), "how_addressed": "bus pass"}],
        "referrals": [{"service": "transportation", "date": dt.date(2026, 9, 13), "to": "Exampleville Transit"}],
        "review_areas": [{"area": "childcare_transportation", "limitation": "yes", "accommodations": "Bus pass"}],
    }
    for kind, _, entry in records:
        lists[kind].append(entry)
    releases = [{"party": "Someone Else", "signed": dt.date(2026, 1, 5), "covers": ["all"]}]
    if covered:
        releases.append({"party": PARTNER, "signed": dt.date(2026, 9, 5), "covers": sorted(covered)})
    block = yaml.safe_dump({**lists, "releases": releases}, sort_keys=False)
    return base_text(program).replace("{records}", block)


def partner_copies(tmp_path, name: str, text: str) -> dict[str, str]:
    """The partner copy of the case `text` in every format."""
    path = tmp_path / name / "case.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    case, pack = load_case(path)
    made = case_agenda(case, pack, Config(), AS_OF, MEETING, audience="partner", partner=PARTNER)
    return {fmt: render_agenda(made.shown, fmt) for fmt in FORMATS}


def review_areas_once(records: list[tuple[str, str, dict]]) -> bool:
    areas = [entry["area"] for kind, _, entry in records if kind == "review_areas"]
    return len(areas) == len(set(areas))


@examples(share=0.5)
@given(
    program=st.sampled_from(PROGRAMS),
    records=st.lists(record(), max_size=6).filter(review_areas_once),
    covered=st.sets(st.sampled_from(TOPICS + OTHER_AREAS)),
)
def test_a_partner_copy_differs_only_where_a_release_allows(tmp_path, program, records, covered):
    """Render the copy of the case with every record, and of the case holding only the records the
    partner's releases cover: every format must read the same, byte for byte."""
    allowed = [r for r in records if r[1] in covered]
    with_all = partner_copies(tmp_path, "all", case_text(program, records, covered))
    with_allowed = partner_copies(tmp_path, "allowed", case_text(program, allowed, covered))
    for fmt in FORMATS:
        assert with_all[fmt] == with_allowed[fmt], f"{program} {fmt}: the partner copy shows that a record exists"


def test_the_withheld_list_is_the_same_whether_or_not_sensitive_records_exist(runner, tmp_path):
    """The partner copy of the sensitive case, and of that case without its risk factors, referrals
    and review areas, as written by `casestaff agenda`: the same, in every format."""
    text = SENSITIVE.read_text(encoding="utf-8")
    names = "|".join({*TOPICS, *REVIEW_AREA.values()})
    without, removed = re.subn(rf"  - (?:factor|service|area): (?:{names})\n(?:    .*\n)*", "", text)
    assert removed == 8
    (tmp_path / "bare").mkdir()
    bare = tmp_path / "bare" / SENSITIVE.name
    bare.write_text(without, encoding="utf-8")
    for fmt in FORMATS:
        copies = []
        for path in (SENSITIVE, bare):
            args = ["agenda", str(path), "--as-of", "2026-11-23", "--format", fmt, "--audience", "partner", "--partner", "Community Action"]
            result = runner.invoke(app, args)
            assert result.exit_code in (0, 3), result.output
            copies.append(result.stdout)
        assert copies[0] == copies[1], fmt
        teams = [runner.invoke(app, ["agenda", str(path), "--as-of", "2026-11-23", "--format", fmt]).stdout for path in (SENSITIVE, bare)]
        assert "DVACC-WOMBAT-1414" in teams[0] and "DVACC-WOMBAT-1414" not in teams[1]  # the records removed are real content
    md = runner.invoke(app, ["agenda", str(SENSITIVE), "--as-of", "2026-11-23", "--audience", "partner", "--partner", "Community Action"]).stdout
    assert md.endswith(
        "## Withheld (no release)\n\n- Domestic violence\n- Mental health\n- Substance use\n- Physical health\n- Child welfare\n"
        "- Addresses and contact details\n- Birth dates\n- Free-text notes (shared only under a release that covers all)\n\n"
        "No release on file covers these areas for this partner, so this copy leaves them out whatever the case file holds:"
        " an entry in them reads _withheld (no release)_ whether or not the file has it.\n"
    ), md[-800:]
    assert "line" not in md.split("## Withheld (no release)")[1]
    assert "[^" not in md  # no file lines at all: they move with what the file holds


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
    assert "- **Age:** 39; **relationship status:** _withheld (no release)_\n" in shown
    assert "- **Employment/education:** _withheld (no release)_\n" in shown
    assert "  - _withheld (no release)_, _withheld (no release)_, age 12\n" in shown


def test_a_run_of_withheld_free_text_reads_as_one_entry(tmp_path):
    """Three strengths or none: a partner copy shows one withheld entry, not how many there are."""
    text = SENSITIVE.read_text(encoding="utf-8").replace("program: or-ssp-reengagement", "program: la-step").split("planned_staffing:")[0]
    many = text.replace("    - STRENGTH-HERON-1212 finished a forklift course\n", "    - one\n    - two\n    - three\n")
    none = text.replace("  individual:\n    - STRENGTH-HERON-1212 finished a forklift course\n", "")
    copies = []
    for name, body in (("many", many), ("none", none)):
        path = tmp_path / name / "case.yaml"
        path.parent.mkdir()
        path.write_text(body, encoding="utf-8")
        case, pack = load_case(path)
        copies.append(render_agenda(case_agenda(case, pack, Config(), AS_OF, MEETING, audience="partner", partner=PARTNER).shown, "md"))
    assert copies[0] == copies[1]
    assert "- **Individual strengths:**\n  - _withheld (no release)_\n- **Family strengths:**" in copies[0]


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
