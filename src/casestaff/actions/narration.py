"""Narrations, orchestrated: the other customers a provider staffing's narration lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casestaff.actions.workspace import Workspace
from casestaff.documents.narrate import is_provider_staffing
from casestaff.files.caseload import ProviderJob, read_file
from casestaff.files.config import Config
from casestaff.model import records as model
from casestaff.model.pack import Pack, PackSet


def provider_peers(
    case: model.Case, pack: Pack, staffing: model.Staffing, config: Config, packset: PackSet, path: Path
) -> list[model.Case]:
    """For a provider staffing, the provider's other customers in the case folder (one narration line each).

    They are found through the cached runner, as for `agenda --provider`: in a large folder only
    the files of the same program and provider are read whole.
    """
    if not is_provider_staffing(pack, staffing):
        return []
    folder = Workspace(config, packset, (config.cases,) if config.cases else (path.parent,))
    run = folder.run(ProviderJob(), dt.date.today())
    peers = []
    for program, provider, file in run.results:
        if program != case.program or provider != (case.provider or "") or Path(file).resolve() == path.resolve():
            continue
        other, _ = read_file(Path(file), packset)
        if other is not None:
            peers.append(other)
    return peers
