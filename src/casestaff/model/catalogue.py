"""The names a program pack may give to functions of the documents layer -- agenda parts,
readiness checks, narration checks -- with the parameters each takes, declared as data.

Why here: the pack set checks a user's pack against these names on every run, and importing the
documents layer to learn them cost every command (`casestaff due` included) tens of
milliseconds of start-up. The documents layer builds its registries against this catalogue
(`model.named.registry(..., declared=...)`), so a function added, renamed or given another
parameter there without its entry here fails as soon as that layer is imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from casestaff.model.plain import dataclass
from types import MappingProxyType


@dataclass(frozen=True, kw_only=True)
class Declared:
    """What a pack may give a function it names: its keyword-only parameters and their types
    ('int', 'float', 'list[int]', 'list[str]'), as the function's signature has them."""

    params: Mapping[str, str] = field(default_factory=dict)
    listed_in: str | None = None
    """For an agenda part: the list in the pack's `agenda` section whose entries it shows."""


AGENDA_PARTS: Mapping[str, Declared] = MappingProxyType(
    {
        "background": Declared(),
        "circumstances": Declared(),
        "strengths": Declared(),
        "challenges": Declared(),
        "observation": Declared(),
        "activities": Declared(),
        "referrals": Declared(),
        "review_areas": Declared(listed_in="review_areas"),
        "outstanding": Declared(),
        "sanction": Declared(),
        "eligibility": Declared(),
        "employment": Declared(),
        "child": Declared(),
        "checklist": Declared(listed_in="checklist"),
        "case_plan": Declared(),
        "history": Declared(),
    }
)
"""The agenda parts a pack's agenda.parts may name (documents.agenda_parts.PART_SPECS)."""

READINESS_CHECKS: Mapping[str, Declared] = MappingProxyType(
    {
        "department_staff_invited": Declared(params={"minimum": "int"}),
        "partner_releases_on_file": Declared(),
        "no_information_outstanding": Declared(),
        "eligibility_verified": Declared(),
        "eligibility_issue": Declared(),
        "sanction_information_complete": Declared(),
        "special_needs_invitees": Declared(params={"roles": "list[str]"}),
        "checklist_confirmed": Declared(),
    }
)
"""The readiness checks a pack's agenda.readiness may name (documents.readiness.READINESS_SPECS)."""

NARRATION_CHECKS: Mapping[str, Declared] = MappingProxyType(
    {
        "pre_sanction_documented": Declared(),
        "information_complete": Declared(),
        "team_complete": Declared(params={"minimum": "int"}),
    }
)
"""The checks a pack's narration.checks may name (documents.narrate.NARRATION_SPECS)."""
