"""A staffing agenda: what one case file says, as of a meeting date, for one program.

The parts (`agenda_parts.py`) hold what the file says, entry by entry, as `Value`s: a fact with
its file lines, or a question where the file is silent -- a gap is never dropped. Which parts a
program's agenda uses is data (the pack's `agenda.parts`); its layout, section by section along
the policy's outline, is the program's template. Readiness checks (`readiness.py`) run on the built
agenda; `redact.py` makes the partner copy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casestaff.documents.agenda_parts import (
    PART_SPECS,
    Basis,
    team,
)
from casestaff.documents.agenda_records import Agenda, Reason, Section
from casestaff.documents.agenda_values import fact
from casestaff.documents.readiness import run_checks
from casestaff.documents.sources import place_sources
from casestaff.documents.templating import candidates, render
from casestaff.model import queries
from casestaff.model import records as model
from casestaff.model.pack import Pack
from casestaff.model.problems import printable


def kind_name(case: model.Case, pack: Pack) -> str:
    """The kind of staffing being prepared: the planned one, else the program's first kind."""
    names = {k.id: k.name for k in pack.staffing_kinds}
    return names.get(pack.planned_kind(case.planned_staffing) or "", "Staffing")


def build_agenda(
    case: model.Case,
    pack: Pack,
    meeting: dt.date,
    as_of: dt.date,
    *,
    reasons: Sequence[Reason] = (),
    invite: Sequence[model.Person] = (),
    parts: Sequence[str] | None = None,
) -> Agenda:
    """The team agenda for `case` at a meeting on `meeting`, reading the file as of `as_of`."""
    chosen = tuple(parts) if parts is not None else pack.agenda_parts
    basis = Basis(case=case, pack=pack, meeting=meeting, as_of=as_of)
    built = {name: PART_SPECS[name].function(basis) for name in chosen}
    agenda = Agenda(
        program=pack.id,
        program_name=pack.name,
        agency=pack.agency,
        policy=pack.policy.title,
        policy_reference=pack.policy.reference or pack.policy.cite_as,
        cite_as=pack.policy.cite_as,
        kind=kind_name(case, pack),
        case_id=case.case_id,
        participant=fact(case.participant.name, case.participant.line_of("name"), label="participant"),
        worker=case.worker or "",
        provider=case.provider or "",
        file=printable(Path(case.file).name),
        meeting=meeting,
        as_of=as_of,
        audience="team",
        partner="",
        partner_covers=(),
        reasons=tuple(reasons),
        team=team(case, pack, invite),
        outline=tuple(
            Section(title=s.title, items=tuple(s.items), citation=pack.cite(s.citation) if s.citation else pack.policy.cite_as)
            for s in pack.outline
        ),
        parts=chosen,
        **built,
    )
    return dataclasses.replace(agenda, readiness=tuple(run_checks(case, pack, agenda, invite)))


def reasons_from_flags(flags: Sequence[Any]) -> tuple[Reason, ...]:
    """The program's flags for this case as agenda reasons (free text: a partner needs `all`)."""
    return tuple(
        Reason(
            text=fact(f.reason, *(e.line for e in f.evidence), label="reason for the staffing"),
            status=f.status,
            due=f.due.isoformat(),
            citation=f.citation,
            rule=f.rule,
            hard_deadline=f.hard_deadline,
        )
        for f in flags
    )


def default_meeting_date(case: model.Case, flags: Sequence[Any], as_of: dt.date) -> dt.date:
    """The planned staffing's date; else the earliest due date of the case's flags (today at the
    earliest -- an overdue staffing is held as soon as possible); else the as-of date."""
    planned = queries.planned_meeting(case, as_of)
    if planned is not None:
        return planned
    if flags:
        return max(min(f.due for f in flags), as_of)
    return as_of


# -- rendering ---------------------------------------------------------------------------------

def render_agenda(agenda: Agenda, fmt: str, user_dir: Path | None = None, sources: bool = True) -> str:
    """The agenda in md, txt or html through the program's template (the user's first); the file
    lines its facts came from once per section (md, txt) or beside each fact (html), or not at all."""
    names = candidates("agenda", agenda.program, fmt)
    text = render(names, {"agenda": agenda, "fmt": fmt}, user_dir, html=fmt == "html")
    return place_sources(text, fmt, sources)
