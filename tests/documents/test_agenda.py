"""Agendas: gaps shown as questions, facts cited by file line, every format well-formed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from casestaff.documents.agenda import render_agenda
from casestaff.cli.main import app

from ..agenda_helpers import AS_OF, FIXTURES, FORMATS, PROGRAMS, agenda_for, check_html
from ..conftest import TESTS, REPO, SAMPLES

LA = FIXTURES / "la-step-sanction.yaml"

INLINE = {
    "md": "**Not in the case file:** {q}",
    "txt": "Not in the case file: {q}",
    "html": '<span class="gap">Not in the case file: {q}</span>',
}


def _escape(fmt: str, text: str) -> str:
    if fmt == "md":
        from casestaff.documents.templating import mdescape

        return mdescape(text)
    if fmt == "html":
        from markupsafe import escape

        return str(escape(text))
    return text


def _bare_case(tmp_path: Path, program: str) -> Path:
    path = tmp_path / f"{program}.yaml"
    path.write_text(
        f"case_id: BARE-1\nprogram: {program}\nprovider: Example Provider\nparticipant:\n  name: Bare Case\nenrolled: 2026-01-05\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("program", PROGRAMS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_question_is_asked_where_it_belongs_and_listed(tmp_path, program, fmt):
    """A nearly empty case: each gap shows inline in its section and again in the list."""
    agenda = agenda_for(_bare_case(tmp_path, program))
    assert len(agenda.questions) >= 5
    text = render_agenda(agenda, fmt)
    for question in agenda.questions:
        shown = _escape(fmt, question.question)
        assert INLINE[fmt].format(q=shown) in text, f"{program}/{fmt}: not asked inline: {question.question}"
        assert text.count(shown) >= 2, f"{program}/{fmt}: not in the questions list: {question.question}"


def test_removing_a_field_turns_the_fact_into_a_question(tmp_path):
    full = render_agenda(agenda_for(LA), "md")
    assert "- **Relationship status:** single\n" in full
    assert "relationship status -- ask the participant" not in full
    trimmed = tmp_path / "la.yaml"
    trimmed.write_text(LA.read_text(encoding="utf-8").replace("  relationship_status: single\n", ""), encoding="utf-8")
    text = render_agenda(agenda_for(trimmed), "md")
    assert "- **Relationship status:** **Not in the case file:** relationship status -- ask the participant\n" in text
    assert re.search(r"^\d+\. relationship status -- ask the participant$", text, re.M)


def test_facts_cite_their_file_lines_once_per_section_in_md_and_txt_and_beside_the_fact_in_html():
    agenda = agenda_for(LA)
    md, txt, html = (render_agenda(agenda, fmt) for fmt in FORMATS)
    # participant.employment_education is on line 9 of the fixture, in section 1 (Background)
    assert "- **Employment/education status:** GED; last worked as a cashier in 2025\n" in md
    assert "- Employment/education status: GED; last worked as a cashier in 2025\n" in txt
    assert 'GED; last worked as a cashier in 2025 <span class="src">line 9</span>' in html
    md_background = md.split("## 1. ")[1].split("\n## ")[0]
    txt_background = txt.split("\n1. ")[1].split("\n2. ")[0]
    assert re.search(r"^_From the case file, lines [0-9, -]*\b7-9\b[0-9, -]*\._$", md_background, re.M), md_background
    assert re.search(r"^\(From the case file, lines [0-9, -]*\b7-9\b[0-9, -]*\.\)$", txt_background, re.M), txt_background


def test_md_and_txt_carry_no_per_fact_markers_and_no_footnote_list():
    agenda = agenda_for(LA)
    md, txt = render_agenda(agenda, "md"), render_agenda(agenda, "txt")
    assert "[^" not in md and not re.search(r"\[lines? \d", txt)
    assert "\n---\n" not in md
    for text in (md, txt):
        assert not re.search("[\ue000-\ue002]", text)
        # one note per section at most, each right before the next heading or the end
        assert text.count("From the case file, ") <= len(re.findall(r"^(## |-{3,}$)", text, re.M)) + 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_sources_leaves_out_every_file_line(fmt):
    shown = render_agenda(agenda_for(LA), fmt)
    hidden = render_agenda(agenda_for(LA), fmt, sources=False)
    assert re.search(r"\blines? \d", shown)
    assert "From the case file" not in hidden and 'class="src"' not in hidden
    assert not re.search(r"\blines? \d", hidden), hidden


def test_la_step_follows_the_p380_outline_in_order():
    md = render_agenda(agenda_for(LA), "md")
    headings = re.findall(r"^## (.*)$", md, re.M)
    assert headings == [
        "Readiness",
        "Why this staffing",
        "1. Participant's Background Information",
        "2. Participant's Strengths",
        "3. Participant's Challenges",
        "4. Participant's Activities",
        "5. Observation",
        "6. What the STEP Coach documents",
        "7. Joint action plan",
        "8. Before entering the sanction",
        "Who is invited",
        "Since the last staffing",
        "Questions for the team",
    ]
    assert "- **Age:** 35 (born 1991-04-09)\n" in md  # as of the 2026-11-24 meeting
    assert "  - Milo Testcase, son, age 10 (born 2016-02-03)\n" in md


def test_il_snap_et_shows_months_in_component_and_the_benchmark(tmp_path):
    path = tmp_path / "snap.yaml"
    path.write_text(
        "case_id: IL-T-1\nprogram: il-snap-et\nprovider: Example Provider\nparticipant:\n  name: Sam Snap\n"
        "enrolled: 2026-03-01\ncomponents:\n  - name: Job search\n    start: 2026-05-04\n"
        "eligibility_checks:\n  - {month: 2026-12, verified_on: 2026-11-20, eligible: true}\n",
        encoding="utf-8",
    )
    agenda = agenda_for(path, meeting=AS_OF.replace(month=12, day=8))
    md = render_agenda(agenda, "md")
    assert "  - **Months in the component by the meeting:** 7\n" in md
    assert "  - **Benchmark:** 6-month benchmark reached on 2026-11-04 (staffing mandatory at 6, 9, 12 months)\n" in md
    assert agenda.readiness[0].status == "ok"


def test_fc_reintegration_marks_checklist_and_brings_forward_what_applies(tmp_path):
    path = tmp_path / "fc.yaml"
    path.write_text(
        "case_id: FC-T-1\nprogram: fc-reintegration\nparticipant:\n  name: Pat Parent\nenrolled: 2025-06-01\n"
        "child:\n  name: Kit Child\n  birth_date: 2011-05-01\n  permanency_goal: oppla\n  siblings_placed_together: 'no'\n"
        "checklist:\n  paternity_established: Court order, section 2\n",
        encoding="utf-8",
    )
    md = render_agenda(agenda_for(path), "md")
    assert "| Paternity has been established | documented | Court order, section 2 |\n" in md
    assert (
        "| The Indian Child Welfare Act was followed, if applicable | **MISSING** |"
        " **Not in the case file:** whether ICWA applies and where that is documented |\n"
    ) in md
    assert "- **Not in the case file:** the child is 15: does the child want to be adopted?" in md
    assert "- Siblings are placed apart: what would need to occur" in md
    assert "- OPPLA is the case plan goal: keep strengthening relationships" in md


def test_or_ssp_reengagement_has_a_row_per_review_area():
    md = render_agenda(agenda_for(TESTS / "fixtures" / "agenda" / "sensitive.yaml"), "md")
    rows = re.findall(r"^\| (Domestic|Mental|Relationship|Learning|Physical|Childcare)[^|]*\|", md, re.M)
    assert rows == ["Domestic", "Mental", "Relationship", "Learning", "Physical", "Childcare"]
    assert "| Domestic violence (last 6 months) | adult | yes | DVACC-WOMBAT-1414 good cause granted | yes |" in md


@pytest.mark.parametrize("path", [LA, FIXTURES / "sensitive.yaml"])
def test_html_is_well_formed_self_contained_and_printable(path):
    for audience in ("team", "partner"):
        check_html(render_agenda(agenda_for(path, audience=audience), "html"))


def test_html_escapes_case_text(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(LA.read_text(encoding="utf-8").replace("    - GED\n", "    - <script>alert(1)</script> & <b>\n"), encoding="utf-8")
    html = render_agenda(agenda_for(path), "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in html
    check_html(html)
    md = render_agenda(agenda_for(path), "md")
    assert "\\<script\\>alert(1)\\</script\\> & \\<b\\>" in md


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed")
def test_html_renders_in_a_browser(tmp_path):
    import subprocess

    page = tmp_path / "agenda.html"
    page.write_text(render_agenda(agenda_for(LA), "html"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a page of text, not a blank canvas


def test_user_template_overrides_and_extends_the_packaged_one(runner, tmp_path):
    folder = tmp_path / "mytemplates" / "agenda"
    folder.mkdir(parents=True)
    (folder / "la-step.md.j2").write_text(
        '{% extends "default:agenda/la-step.md.j2" %}\n{% block team %}\n\n## Our sign-in sheet\n{% endblock %}\n', encoding="utf-8"
    )
    case = tmp_path / "la.yaml"
    shutil.copy(LA, case)
    (tmp_path / "casestaff.toml").write_text('templates = "mytemplates"\n', encoding="utf-8")
    result = runner.invoke(app, ["agenda", str(case), "--as-of", "2026-11-23"])
    assert result.exit_code == 3, result.output
    assert "## Our sign-in sheet\n" in result.stdout
    assert "## Who is invited" not in result.stdout
    assert "## 1. Participant's Background Information" in result.stdout


def test_a_user_body_template_serves_both_markdown_and_text(runner, tmp_path):
    """agenda/la-step.j2 in the user's folder is the md and the txt agenda (told apart by `fmt`);
    html has templates of its own."""
    folder = tmp_path / "t" / "agenda"
    folder.mkdir(parents=True)
    (folder / "la-step.j2").write_text("{{ fmt }} agenda for {{ agenda.case_id }}\n", encoding="utf-8")
    shown = {}
    for fmt in FORMATS:
        args = ["agenda", str(LA), "--as-of", "2026-11-23", "--format", fmt, "--templates", str(tmp_path / "t")]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 3), result.output
        shown[fmt] = result.stdout
    assert shown["md"] == "md agenda for LA-T-0001\n"
    assert shown["txt"] == "txt agenda for LA-T-0001\n"
    assert shown["html"].startswith("<!DOCTYPE html>")


def test_a_user_template_written_against_the_per_format_names_still_renders(runner, tmp_path):
    """A template copied before md and txt shared one body extends agenda/base.md.j2 (or .txt.j2)
    and imports agenda/macros.md.j2: those names still resolve."""
    folder = tmp_path / "t" / "agenda"
    folder.mkdir(parents=True)
    for fmt in ("md", "txt"):
        (folder / f"la-step.{fmt}.j2").write_text(
            f'{{% extends "agenda/base.{fmt}.j2" %}}\n{{% import "agenda/macros.{fmt}.j2" as m %}}\n'
            "{% block sections %}\n\nOur own section: {{ m.value(agenda.background.goal) }}\n{% endblock %}\n",
            encoding="utf-8",
        )
    md, txt = (
        runner.invoke(app, ["agenda", str(LA), "--as-of", "2026-11-23", "--format", fmt, "--templates", str(tmp_path / "t")])
        for fmt in ("md", "txt")
    )
    assert md.exit_code == 3 and txt.exit_code == 3, md.output + txt.output
    assert "\n## Readiness\n" in md.stdout and "\nReadiness\n---------\n" in txt.stdout
    assert "\nOur own section: Full-time work as a certified nursing assistant\n" in md.stdout
    assert "\nOur own section: Full-time work as a certified nursing assistant\n" in txt.stdout


def test_a_broken_user_template_is_a_settings_error(runner, tmp_path):
    folder = tmp_path / "t" / "agenda"
    folder.mkdir(parents=True)
    (folder / "la-step.txt.j2").write_text("{{ agenda.no_such_thing }}\n", encoding="utf-8")
    result = runner.invoke(app, ["agenda", str(LA), "--as-of", "2026-11-23", "--format", "txt", "--templates", str(tmp_path / "t")])
    assert result.exit_code == 2
    assert "casestaff: agenda template:" in result.stderr and "no_such_thing" in result.stderr


USER_PACK = """\
id: tx-example
name: Example county review
agency: Example County
state: TX
policy: {title: Example review policy, cite_as: EX Policy}
staffing_kinds:
  - {id: case-review, name: Case review}
roles:
  - {abbr: CM, title: Case manager, department: true}
rules:
  - id: review
    function: periodic_review
    params: {days: 30}
    sources: {days: local default}
    satisfied_by: [case-review]
    explain: A case review every month.
    reason: "Monthly case review (last: {last_review})"
    citation: {section: II}
outline:
  - title: Housing stability
    items: [Where the family sleeps tonight, Rent owed]
    citation: {section: III}
"""


def test_a_program_added_as_a_pack_gets_an_agenda_without_python(runner, tmp_path):
    """A user's own pack: the default template walks its outline, then what the file says."""
    (tmp_path / "tx.yaml").write_text(USER_PACK, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["tx.yaml"]\n', encoding="utf-8")
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "lee.yaml").write_text(
        "case_id: TX-1\nprogram: tx-example\nparticipant: {name: Lee Testcase}\nenrolled: 2026-10-01\n", encoding="utf-8"
    )
    for fmt in FORMATS:
        result = runner.invoke(app, ["agenda", str(cases / "lee.yaml"), "--as-of", "2026-11-02", "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "Housing stability" in result.stdout and "Rent owed" in result.stdout
        assert "Monthly case review (last: none yet)" in result.stdout
    md = runner.invoke(app, ["agenda", str(cases / "lee.yaml"), "--as-of", "2026-11-02"]).stdout
    assert "## 1. Housing stability\n\n_EX Policy, III_\n\n- Where the family sleeps tonight\n- Rent owed\n" in md
    assert "- **Relationship status:** **Not in the case file:** relationship status -- ask the participant\n" in md


OUTLINE_SAMPLES = {
    "la-step": "la-step-jose-nunez",
    "fc-reintegration": "fc-reintegration-lucia-ferreira",
    "il-snap-et": "il-snap-et-luis-ortega",
    "or-ssp-case-management": "or-ssp-case-management-owen-mcallister",
    "or-ssp-reengagement": "or-ssp-reengagement-rosa-delgado",
}


@pytest.mark.parametrize("program", sorted(OUTLINE_SAMPLES))
def test_section_titles_are_the_packs_outline_in_every_format(runner, tmp_path, program):
    """A pack that renames its outline sections renames them in the md, txt and html agenda:
    the templates write no outline title of their own."""
    from markupsafe import escape

    pack = (REPO / "src" / "casestaff" / "program_packs" / f"{program}.yaml").read_text(encoding="utf-8")
    head, rest = pack.split("\noutline:\n")
    outline, tail = rest.split("\n\n", 1)
    titles = re.findall(r"^  - title: (.+)$", outline, flags=re.M)
    for i, title in enumerate(titles):
        outline = outline.replace(f"  - title: {title}\n", f"  - title: Renamed section {i}\n")
    (tmp_path / "pack.yaml").write_text(f"{head}\noutline:\n{outline}\n\n{tail}", encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["pack.yaml"]\n', encoding="utf-8")
    case = tmp_path / "cases" / "case.yaml"
    case.parent.mkdir()
    shutil.copy(SAMPLES / f"{OUTLINE_SAMPLES[program]}.yaml", case)
    for fmt in FORMATS:
        stock = runner.invoke(app, ["agenda", str(SAMPLES / f"{OUTLINE_SAMPLES[program]}.yaml"), "--as-of", "2026-11-23", "--format", fmt])
        renamed = runner.invoke(app, ["agenda", str(case), "--as-of", "2026-11-23", "--format", fmt])
        assert renamed.exit_code == stock.exit_code, renamed.output
        shown = [(n, i) for i, title in enumerate(titles) for n in range(1, 10) if f"{n}. {escape(title)}" in stock.stdout]
        assert shown, f"the {fmt} agenda shows no outline section"
        for n, i in shown:
            assert f"{n}. {escape(titles[i])}" not in renamed.stdout
            assert f"{n}. Renamed section {i}" in renamed.stdout


def test_markdown_is_rendered_by_rich_on_a_terminal(monkeypatch):
    import io

    from casestaff.cli import agenda as cli_agenda

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(cli_agenda.sys, "stdout", screen)
    cli_agenda.show("# Title\n\n- **Age:** 35\n", "md")
    shown = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())
    assert "Title" in shown and "Age: 35" in shown
    assert "# Title" not in shown and "**" not in shown


TWO_OUTSTANDING = """\
outstanding_info:
  - item: Offsite visit outcome
    requested: 2026-11-02
    received: 2026-11-09
  - item: Child safety check
    requested: 2026-11-02
"""


@pytest.mark.parametrize("program", ["la-step", "or-ssp-reengagement", "tx-example"])
def test_each_outstanding_item_is_its_own_line(runner, tmp_path, program):
    """Two requested items (one received, one not) never run together on one line, in md or txt."""
    (tmp_path / "tx.yaml").write_text(USER_PACK, encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text('packs = ["tx.yaml"]\n', encoding="utf-8")
    case = tmp_path / "lee.yaml"
    case.write_text(
        f"case_id: T-1\nprogram: {program}\nparticipant: {{name: Lee Testcase}}\nenrolled: 2026-10-01\n{TWO_OUTSTANDING}",
        encoding="utf-8",
    )
    for fmt, waiting in (("md", "**still outstanding**"), ("txt", "STILL OUTSTANDING")):
        result = runner.invoke(app, ["agenda", str(case), "--as-of", "2026-11-23", "--format", fmt])
        assert result.exit_code in (0, 3), result.output
        lines = result.stdout.splitlines()
        received = next(line for line in lines if "Offsite visit outcome" in line and ": requested" in line)
        outstanding = next(line for line in lines if "Child safety check" in line and ": requested" in line)
        assert received.endswith("received 2026-11-09" + ""), received
        assert outstanding.endswith(waiting), outstanding


@pytest.mark.parametrize(
    ("template", "included", "message", "then"),
    [
        # casestaff's words: file:line and the kind of problem. What Python or Jinja says after it
        # ("then": theirs) is not pinned; their wording is free to change.
        ("Case\n{{ agenda.case_id + 1 }}\n", None, "agenda/la-step.txt.j2:2: TypeError: ", "theirs"),
        ('{% include "missing.j2" %}\n', None, "agenda/la-step.txt.j2: includes or extends 'missing.j2', which is not found", ""),
        ('{% include "part.j2" %}\n', "ok\n{{ x }\n", "part.j2:2: template syntax error: ", "theirs"),
    ],
)
def test_a_user_template_that_fails_while_rendering_is_a_located_settings_error(runner, tmp_path, template, included, message, then):
    folder = tmp_path / "t" / "agenda"
    folder.mkdir(parents=True)
    (folder / "la-step.txt.j2").write_text(template, encoding="utf-8")
    if included is not None:
        (tmp_path / "t" / "part.j2").write_text(included, encoding="utf-8")
    result = runner.invoke(app, ["agenda", str(LA), "--as-of", "2026-11-23", "--format", "txt", "--templates", str(tmp_path / "t")])
    assert result.exit_code == 2, result.output
    last = result.stderr.splitlines()[-1]
    assert result.stderr.endswith(last + "\n"), result.stderr
    ours = f"casestaff: agenda template: {tmp_path / 't'}/{message}"
    assert last.startswith(ours) and (last != ours if then else last == ours), result.stderr
