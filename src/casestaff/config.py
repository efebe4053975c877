"""casestaff.toml: the optional settings file in the case folder or any folder above it.

Everything has a built-in default, so no config is needed. The file can name the case folder,
the state for public holidays, a default worker, a user template folder, extra program packs,
parameter overrides for any rule, and provider meeting dates.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import US_STATES
from .problems import Problem, did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "casestaff.toml"

SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    ("cases", "path", "the case folder", "Folder `due`, `check` and `agenda` read when no path is given."),
    ("state", "text", "each pack's own", "Two-letter US state whose public holidays count for every program's workdays."),
    ("worker", "text", "none", "Your initials: the default worker for `casestaff new` and for cases that name none."),
    ("templates", "path", "none", "Your own template folder; a template there overrides the packaged one."),
    ("packs", "list of paths", "[]", "Extra program pack files (YAML); a pack with a built-in id replaces it."),
    ("cache", "true/false", "true", "Keep a private cache of parsed case files so repeat runs are instant."),
    ("programs.ID.state", "text", "the pack's", "State for one program's holidays."),
    ("programs.ID.rules.RULE.PARAM", "number or list", "the pack's", "Override one rule parameter."),
    ("providers.NAME.meetings", "list of dates", "[]", "Known provider staffing dates (il-snap-et invites)."),
)
"""(name, type, default, description) of every setting; the docs table is generated from this."""

_TOP_KEYS = ("cases", "state", "worker", "templates", "packs", "cache", "programs", "providers")


class ConfigError(Exception):
    """casestaff.toml is wrong; carries located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Config:
    file: Path | None = None
    cases: Path | None = None
    state: str | None = None
    worker: str | None = None
    templates: Path | None = None
    pack_files: tuple[Path, ...] = ()
    cache: bool = True
    program_states: dict[str, str] = field(default_factory=dict)
    rule_params: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    provider_meetings: dict[str, tuple[dt.date, ...]] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """casestaff.toml in `start` or the nearest folder above it (CASESTAFF_CONFIG wins)."""
    explicit = os.environ.get("CASESTAFF_CONFIG")
    if explicit:
        return Path(explicit)
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def _locate(text: str, key: str) -> tuple[int, int]:
    """Best-effort line and column of a key in the TOML text (tomllib gives none)."""
    pattern = re.compile(rf"^\s*(?:\[+[^\]]*)?[\"']?{re.escape(key)}[\"']?\s*[=.\]]", re.M)
    match = pattern.search(text)
    if not match:
        return 1, 1
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    stripped = match.group(0).lstrip()
    return line, col + (len(match.group(0)) - len(stripped))


def load_config(path: Path | None) -> Config:
    """Read and check casestaff.toml; a missing file is the all-defaults config."""
    if path is None:
        return Config()
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([Problem(shown, 1, 1, f"cannot read the settings file: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError([Problem(shown, 1, 1, "the settings file is not UTF-8; save it again as UTF-8")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line, col = (int(match[1]), int(match[2])) if match else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise ConfigError([Problem(shown, line, col, f"TOML syntax error: {message}")]) from None
    return _interpret(data, path, text)


def _interpret(data: dict[str, Any], path: Path, text: str) -> Config:
    shown = str(path)
    base = path.parent
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        line, col = _locate(text, key.split(".")[-1])
        problems.append(Problem(shown, line, col, message))

    for key in data:
        if key not in _TOP_KEYS:
            bad(key, f"unknown setting '{key}'{did_you_mean(key, _TOP_KEYS)}; settings: {', '.join(_TOP_KEYS)}")

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            bad(key, f"{key} must be text in quotes, e.g. {key} = \"...\"")
            return None
        return value

    def path_value(key: str) -> Path | None:
        value = text_value(key)
        return (base / value) if value else None

    state = text_value("state")
    if state is not None and state.upper() not in US_STATES:
        bad("state", f"state must be a two-letter US state code such as \"IL\", not {state!r}")
    cache = data.get("cache", True)
    if not isinstance(cache, bool):
        bad("cache", "cache must be true or false")
        cache = True
    packs = data.get("packs", [])
    if not isinstance(packs, list) or not all(isinstance(p, str) for p in packs):
        bad("packs", 'packs must be a list of file paths, e.g. packs = ["packs/my-program.yaml"]')
        packs = []

    program_states: dict[str, str] = {}
    key_lines: dict[str, tuple[int, int]] = {}
    rule_params: dict[tuple[str, str], dict[str, Any]] = {}
    programs = data.get("programs", {})
    if not isinstance(programs, dict):
        bad("programs", "programs must be a table: [programs.ID]")
        programs = {}
    for program, settings in programs.items():
        if not isinstance(settings, dict):
            bad(program, f"programs.{program} must be a table: [programs.{program}]")
            continue
        for key, value in settings.items():
            if key == "state":
                if isinstance(value, str) and value.upper() in US_STATES:
                    program_states[program] = value.upper()
                else:
                    bad("state", f"programs.{program}.state must be a two-letter US state code such as \"LA\", not {value!r}")
            elif key == "rules" and isinstance(value, dict):
                for rule, params in value.items():
                    if not isinstance(params, dict):
                        bad(rule, f"programs.{program}.rules.{rule} must be a table of parameters")
                        continue
                    rule_params[(program, rule)] = dict(params)
                    key_lines[f"{program}.{rule}"] = _locate(text, rule)
            else:
                bad(key, f"unknown setting programs.{program}.{key}{did_you_mean(key, ('state', 'rules'))}")

    meetings: dict[str, tuple[dt.date, ...]] = {}
    providers = data.get("providers", {})
    if not isinstance(providers, dict):
        bad("providers", "providers must be a table: [providers.\"Provider name\"]")
        providers = {}
    for provider, settings in providers.items():
        dates = settings.get("meetings", []) if isinstance(settings, dict) else None
        if not isinstance(dates, list) or not all(type(d) is dt.date for d in dates):
            bad(provider, f'providers."{provider}".meetings must be a list of dates, e.g. meetings = [2026-12-17]')
            continue
        for key in settings:
            if key != "meetings":
                bad(key, f"unknown setting providers.\"{provider}\".{key}; the only one is meetings")
        meetings[provider] = tuple(sorted(dates))

    if problems:
        raise ConfigError(problems)
    return Config(
        file=path,
        cases=path_value("cases"),
        state=state.upper() if state else None,
        worker=text_value("worker"),
        templates=path_value("templates"),
        pack_files=tuple(base / p for p in packs),
        cache=cache,
        program_states=program_states,
        rule_params=rule_params,
        provider_meetings=meetings,
        key_lines=key_lines,
    )
