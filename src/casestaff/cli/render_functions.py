"""`casestaff programs --functions`: every function a pack may name, with its parameters and what
it does, read from the registries themselves.

A module of its own, loaded only when --functions is asked (cli/programs.py): the documents
layer's registries (agenda parts, readiness and narration checks) cost `casestaff programs`
about 20 ms of start-up, and the other listings do not need them (issue 11).
"""

from __future__ import annotations

from collections.abc import Mapping

from casestaff.documents.agenda_parts import PART_SPECS
from casestaff.documents.narrate import NARRATION_SPECS
from casestaff.documents.readiness import READINESS_SPECS
from casestaff.model.named import Named
from casestaff.rules.functions import RULE_SPECS, RuleSpec
from casestaff.rules.requirements import REQUIREMENT_SPECS


def _signatures(specs: Mapping[str, Named]) -> list[str]:
    """Each function as a pack names it, with its parameters and the first line of its docstring."""
    lines = []
    for name, spec in specs.items():
        params = [f"{param}: {annotation}" for param, annotation in spec.params.items()]
        lines.append(f"  {name}({', '.join(params)})")
        lines.append(f"    {spec.summary}")
        if isinstance(spec, RuleSpec):
            lines.append(f"    facts: {', '.join(sorted(spec.facts))}")
    return lines


def functions() -> str:
    lines = ["Rule functions a pack may name (parameters are required; reason texts may use the facts):", ""]
    lines += _signatures(RULE_SPECS)
    lines += ["", "Readiness checks agenda.readiness may name (check:, with params: when it takes any):", ""]
    lines += _signatures(READINESS_SPECS)
    lines += ["", "Requirement checks requirements may name (check:, with params: when it takes any):", ""]
    lines += _signatures(REQUIREMENT_SPECS)
    lines += ["", "Narration checks narration.checks may name (check:, with params: when it takes any):", ""]
    lines += _signatures(NARRATION_SPECS)
    lines += ["", "Agenda parts agenda.parts may name (the program's agenda template shows them):", ""]
    lines.append(f"  {', '.join(PART_SPECS)}")
    return "\n".join(lines)
