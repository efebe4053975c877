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
from collections.abc import Callable
from dataclasses import field
from casestaff.model.plain import dataclass
from pathlib import Path
from typing import Any

from casestaff.files.yamlread import (  # one reader and decoder for every file a user edits
    ReadError,
    decode,
    read_file,
)
from casestaff.model.dates import US_STATES
from casestaff.model.errors import SettingsError
from casestaff.model.problems import Problem, did_you_mean
from casestaff.model.when import why_not_a_date
from casestaff.model.patterns import compiled_when_used

CONFIG_NAME = "casestaff.toml"

SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    (
        "cases",
        "path",
        "the current folder, without its sub-folders",
        "The case folder: what `due`, `check` and `agenda` read when given no path, where a CASE given by its id is"
        " looked for, and where `new` makes a case file. Without it, only the case files directly in the current folder"
        " are read, never its sub-folders (so a folder that also holds other YAML, in src/ or tests/, is not taken for"
        " cases); when the current folder holds none, the command stops and names this setting.",
    ),
    ("state", "text", "each pack's own", "Two-letter US state whose public holidays count for every program's workdays."),
    ("worker", "text", "none", "Your initials: the default worker for `casestaff new` and for cases that name none."),
    ("templates", "path", "none", "Your own template folder; a template there overrides the packaged one."),
    ("packs", "list of paths", "[]", "Extra program pack files (YAML); a pack with a built-in id replaces it."),
    ("cache", "true/false", "true", "Keep a private cache of parsed case files so repeat runs are instant."),
    (
        "shared_folder",
        "true/false",
        "false",
        "For a folder shared with your team: new case files are made group-editable (0660), agendas and narrations"
        " group-readable (0640), instead of readable by you alone (0600). `record` keeps a case file's own permissions"
        " either way.",
    ),
    ("programs.ID.state", "text", "the pack's", "State for one program's holidays."),
    (
        "programs.ID.rules.RULE.PARAM",
        "number or list",
        "the pack's",
        "Override one rule parameter; `due` and `programs` then mark its value 'set in casestaff.toml'.",
    ),
    (
        "programs.ID.requirements.REQUIREMENT.PARAM",
        "number",
        "the pack's",
        "Override one parameter of a staffing requirement (e.g. the minimum of department staff present);"
        " `programs` and the agenda's readiness then mark its value 'set in casestaff.toml'.",
    ),
    ("providers.NAME.meetings", "list of dates", "[]", "Known provider staffing dates (il-snap-et invites)."),
    (
        "import.map",
        "table of text",
        "guessed from the headers",
        "Which spreadsheet column fills which case file field for `casestaff import`, e.g."
        ' `[import]` then `map = { "Case #" = "case_id", "DOB" = "birth_date", "Status" = "" }` (an empty field leaves'
        " the column out); columns it does not name are still guessed. docs/import.md lists the fields.",
    ),
)
"""(name, type, default, description) of every setting; the docs table is generated from this."""

_TOP_KEYS = ("cases", "state", "worker", "templates", "packs", "cache", "shared_folder", "programs", "providers", "import")


class ConfigError(SettingsError):
    """casestaff.toml or a program pack is wrong; carries located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems=problems)


@dataclass(frozen=True)
class Config:
    file: Path | None = None
    cases: Path | None = None
    state: str | None = None
    worker: str | None = None
    templates: Path | None = None
    pack_files: tuple[Path, ...] = ()
    cache: bool = True
    shared_folder: bool = False
    program_states: dict[str, str] = field(default_factory=dict)
    rule_params: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    requirement_params: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    provider_meetings: dict[str, tuple[dt.date, ...]] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    import_map: dict[str, str] = field(default_factory=dict)
    """[import] map: spreadsheet column header -> case file field ('' leaves the column out)."""


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


_HEADER = compiled_when_used(r"^\s*\[\[?\s*(?P<key>[^\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = compiled_when_used(r"^\s*(?P<key>(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*=")
_KEY_PART = compiled_when_used(r"\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*\.?")


def _key_parts(key: str, offset: int) -> list[tuple[str, int]]:
    """A dotted TOML key as (part, 0-based column) pairs."""
    parts = []
    position = 0
    while position < len(key):
        match = _KEY_PART().match(key, position)
        if not match or match.end() == position:
            break
        name = next(group for group in (match["double"], match["single"], match["bare"]) if group is not None)
        start = match.start("double") - 1 if match["double"] is not None else (
            match.start("single") - 1 if match["single"] is not None else match.start("bare")
        )
        parts.append((name, offset + start))
        position = match.end()
    return parts


def _inline_keys(line: str, start: int, names: tuple[str, ...]) -> list[tuple[str, int]]:
    """(name, 0-based column) of `names` written one inside the other in an inline table on
    `line` after `start` (`no-progress = { days = 5 }`), as far as they are written."""
    found = []
    for name in names:
        quoted = re.escape(name)
        match = re.compile(rf"(?<![\w\"'-])(?:{quoted}|\"{quoted}\"|'{quoted}')\s*=").search(line, start)
        if not match:
            break
        found.append((name, match.start()))
        start = match.end()
    return found


def _locate(text: str, *path: str) -> tuple[int, int]:
    """Line and column of a setting (a key path such as programs, la-step, state) in the TOML
    text: tomllib gives none. A key inside an inline table (`no-progress = { days = 5 }`) is
    found on its line; where the full path is not written out, the longest written prefix."""
    best, where = 0, (1, 1)
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER().match(line)
        assign = None if header else _ASSIGN().match(line)
        if header:
            parts = _key_parts(header["key"], header.start("key"))
            table = [name for name, _ in parts]
            full = parts
        elif assign:
            full = [(name, -1) for name in table] + _key_parts(assign["key"], assign.start("key"))
        else:
            continue
        matched = 0
        for (name, _), wanted in zip(full, path, strict=False):
            if name != wanted:
                break
            matched += 1
        if assign and matched == len(full) and matched < len(path):
            inline = _inline_keys(line, assign.end(), path[matched:])
            full = full + inline
            matched += len(inline)
        if matched > best:
            if header:  # a table: point at its '['
                column = len(line) - len(line.lstrip())
            else:  # a setting: point at its name (or at the line's key, for the table's own path)
                assert assign is not None  # a line that is neither was skipped above
                column = max(full[matched - 1][1], assign.start("key"))
            best, where = matched, (number, column + 1)
            if matched == len(path):
                break
    return where


def load_config(path: Path | None) -> Config:
    """Read and check casestaff.toml; a missing file is the all-defaults config."""
    if path is None:
        return Config()
    shown = str(path)

    try:
        raw, _ = read_file(path)
    except ReadError as exc:
        raise ConfigError([Problem(shown, exc.line, exc.col, exc.message)]) from None
    except OSError as exc:
        raise ConfigError([Problem(shown, 1, 1, f"cannot read the settings file: {exc.strerror}")]) from None
    try:
        text = decode(raw)
    except ReadError as exc:
        raise ConfigError([Problem(shown, max(exc.line, 1), max(exc.col, 1), exc.message)]) from None
    # Imported here, not at the top: 2 ms of every start, and a folder without casestaff.toml never needs it.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_syntax_problem(shown, text, str(exc))]) from None
    return _interpret(data, path, text)


TOML_HINTS = (
    ("Illegal character '\\n'", "a quoted value is not closed before the end of its line; add the closing quote on that line"),
    (
        "Invalid value",
        'a value cannot be read; text goes in quotes (state = "IL"); true, false, numbers and dates go without quotes',
    ),
    ("Expected ']' at the end of a table", "a table name is not closed; end it with ']', e.g. [programs.la-step]"),
    ("Cannot overwrite a value", "this setting is already given above; keep only one of them"),
    ("Cannot declare", "this table is already started above; keep one of its [...] lines and put all its settings under it"),
    ("Expected '=' after a key", "a setting has no '='; write each setting as name = value"),
    (
        "Unclosed array",
        "a list opened with '[' is not closed, or two of its items have no comma between them;"
        " separate the items with ',' and end the list with ']'",
    ),
    ("Invalid date", "a date is not a real date; write dates as YYYY-MM-DD without quotes, e.g. 2026-12-17"),
    (
        "Expected newline or end of document",
        "there is more on this line after the value; write one setting per line, and put text in quotes",
    ),
    (
        "Unclosed inline table",
        "a '{' is not closed on its line, or two settings inside it have no comma between them;"
        " separate them with ',' and add '}' on the same line",
    ),
    ("Unterminated string", "a quoted value is never closed; add the closing quote"),
    ("Expected \"'\"", "a quoted value is never closed; add the closing quote"),
)
"""(how tomllib's message starts, what casestaff says instead: what is wrong; how to fix it).
tests/project/test_dependency_wording.py checks that tomllib still says each of these prefixes."""


def _syntax_problem(shown: str, text: str, message: str) -> Problem:
    """tomllib's complaint, located (its end-of-document errors name no line), in casestaff's words with a fix."""
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        line, col = int(match[1]), int(match[2])
    else:
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
    message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
    lines = text.splitlines()
    date_problem = _bad_date_on(lines[line - 1]) if 0 < line <= len(lines) else None
    if date_problem is not None:  # tomllib blames what follows it ("Unclosed array" for [2026-13-01])
        col, what = date_problem
        return Problem(shown, line, col, what)
    ours = next((said for key, said in TOML_HINTS if message.startswith(key)), None)
    if ours is None:  # a mistake we have no words for: tomllib's own, and where to read more
        ours = f"{message}; see docs/configuration.md"
    return Problem(shown, line, col, f"TOML syntax error: {ours}")


_DATE_LIKE = compiled_when_used(r"(?<![\w.:\"'-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:\"'-])")


def _bad_date_on(line: str) -> tuple[int, str] | None:
    """(1-based column, message) for the first unquoted date on a line that is not YYYY-MM-DD or not real."""

    for match in _DATE_LIKE().finditer(line.split("#", 1)[0]):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        try:
            real = dt.date(year, month, day)
        except ValueError:
            why = why_not_a_date(year, month, day)
            return match.start() + 1, f"{match[0]} is not a real date ({why}); write dates as YYYY-MM-DD without quotes, e.g. 2026-12-17"
        if match[0] != real.isoformat():
            return match.start() + 1, f"{match[0]} is not written as YYYY-MM-DD; write {real.isoformat()}"
    return None


def _interpret(data: dict[str, Any], path: Path, text: str) -> Config:
    shown = str(path)
    base = path.parent
    problems: list[Problem] = []

    def bad(where: tuple[str, ...], message: str) -> None:
        problems.append(Problem(shown, *_locate(text, *where), message))

    for key in data:
        if key not in _TOP_KEYS:
            bad((key,), f"unknown setting '{key}' (settings: {', '.join(_TOP_KEYS)}){_suggest(key, _TOP_KEYS)}")

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            bad((key,), f'{key} must be text in quotes, e.g. {key} = "{_EXAMPLES[key]}"')
            return None
        return value

    state = text_value("state")
    if state is not None and state.upper() not in US_STATES:
        bad(("state",), f"state must be a two-letter US state code such as \"IL\", not {state!r}")
    worker = text_value("worker")
    cases = text_value("cases")
    templates = text_value("templates")
    for key, folder in (("cases", cases), ("templates", templates)):
        # a misspelt folder would otherwise read no cases, or silently use the packaged templates
        if folder and not (base / folder).is_dir():
            bad((key,), f"{key}: the folder {base / folder} does not exist; correct the path or create the folder")
    cache = data.get("cache", True)
    if not isinstance(cache, bool):
        bad(("cache",), f"cache must be true or false, without quotes, e.g. cache = false; not {cache!r}")
        cache = True
    shared_folder = data.get("shared_folder", False)
    if not isinstance(shared_folder, bool):
        bad(("shared_folder",), f"shared_folder must be true or false, without quotes, e.g. shared_folder = true; not {shared_folder!r}")
        shared_folder = False
    packs = data.get("packs", [])
    if not isinstance(packs, list) or not all(isinstance(p, str) for p in packs):
        bad(("packs",), 'packs must be a list of file paths, e.g. packs = ["packs/my-program.yaml"]')
        packs = []

    program_states, rule_params, requirement_params, key_lines = _programs(data, text, bad)
    meetings = _provider_meetings(data, bad)
    import_map = _import_map(data, bad)

    if problems:
        raise ConfigError(sorted(problems, key=lambda p: (p.line, p.col)))
    return Config(
        file=path,
        cases=base / cases if cases else None,
        state=state.upper() if state else None,
        worker=worker,
        templates=base / templates if templates else None,
        pack_files=tuple(base / p for p in packs),
        cache=cache,
        shared_folder=shared_folder,
        program_states=program_states,
        rule_params=rule_params,
        requirement_params=requirement_params,
        provider_meetings=meetings,
        key_lines=key_lines,
        import_map=import_map,
    )


_Bad = Callable[[tuple[str, ...], str], None]
"""Report a problem at the setting named by a key path, e.g. ("programs", "snap", "state")."""


_Params = dict[tuple[str, str], dict[str, Any]]
"""Overridden parameters by (program id, rule or requirement id)."""

_SECTIONS = ("rules", "requirements")
"""The tables of parameters a [programs.ID] table may hold: [programs.ID.rules.RULE] and
[programs.ID.requirements.REQUIREMENT]."""


def _programs(data: dict[str, Any], text: str, bad: _Bad) -> tuple[dict[str, str], _Params, _Params, dict[str, tuple[int, int]]]:
    """(state, rule parameters, requirement parameters, lines of their keys) of each [programs.ID] table, checked."""
    program_states: dict[str, str] = {}
    key_lines: dict[str, tuple[int, int]] = {}
    params: dict[str, _Params] = {section: {} for section in _SECTIONS}
    programs = data.get("programs", {})
    if not isinstance(programs, dict):
        bad(("programs",), "programs must be a table: [programs.ID]")
        programs = {}
    for program, settings in programs.items():
        key_lines[program] = _locate(text, "programs", program)
        if not isinstance(settings, dict):
            bad(("programs", program), f"programs.{program} must be a table: [programs.{program}]")
            continue
        for key, value in settings.items():
            where = ("programs", program, key)
            if key == "state":
                if isinstance(value, str) and value.upper() in US_STATES:
                    program_states[program] = value.upper()
                else:
                    bad(where, f"programs.{program}.state must be a two-letter US state code such as \"LA\", not {value!r}")
            elif key in _SECTIONS:
                _program_params(program, key, value, text, bad, params[key], key_lines)
            else:
                known = ("state", *_SECTIONS)
                bad(where, f"unknown setting programs.{program}.{key} (settings: {', '.join(known)}){_suggest(key, known)}")
    return program_states, params["rules"], params["requirements"], key_lines


def param_key(program: str, section: str, name: str, *param: str) -> str:
    """The key of a [programs.ID.SECTION.NAME] table (or of one of its parameters) in Config.key_lines."""
    prefix = program if section == "rules" else f"{program}.{section}"  # rules keep their short, older key
    return ".".join((prefix, name, *param))


def _program_params(
    program: str,
    section: str,
    value: Any,
    text: str,
    bad: _Bad,
    found: _Params,
    key_lines: dict[str, tuple[int, int]],
) -> None:
    """Add one program's [programs.ID.SECTION.NAME] parameters, and the line of each, for a pack to check."""
    where = ("programs", program, section)
    placeholder = "RULE" if section == "rules" else "REQUIREMENT"
    if not isinstance(value, dict):
        bad(where, f"programs.{program}.{section} must be a table: [programs.{program}.{section}.{placeholder}]")
        return
    for name, params in value.items():
        if not isinstance(params, dict):
            bad((*where, name), f"programs.{program}.{section}.{name} must be a table of parameters")
            continue
        found[(program, name)] = dict(params)
        key_lines[param_key(program, section, name)] = _locate(text, *where, name)
        for param in params:  # a wrong parameter is reported at its own line
            key_lines[param_key(program, section, name, param)] = _locate(text, *where, name, param)


def _provider_meetings(data: dict[str, Any], bad: _Bad) -> dict[str, tuple[dt.date, ...]]:
    """Each provider's meeting dates from its [providers."NAME"] table, sorted, checked."""
    meetings: dict[str, tuple[dt.date, ...]] = {}
    providers = data.get("providers", {})
    if not isinstance(providers, dict):
        bad(("providers",), "providers must be a table: [providers.\"Provider name\"]")
        providers = {}
    for provider, settings in providers.items():
        if not isinstance(settings, dict):
            bad(("providers", provider), f'providers."{provider}" must be a table: [providers."{provider}"]')
            continue
        for key in settings:
            if key != "meetings":
                bad(("providers", provider, key), f'unknown setting providers."{provider}".{key}; the only one is meetings')
        dates = settings.get("meetings", [])
        if not isinstance(dates, list) or not all(type(d) is dt.date for d in dates):
            bad(
                ("providers", provider, "meetings"),
                f'providers."{provider}".meetings must be a list of dates without quotes, e.g. meetings = [2026-12-17]',
            )
            continue
        meetings[provider] = tuple(sorted(dates))
    return meetings


def _import_map(data: dict[str, Any], bad: _Bad) -> dict[str, str]:
    """[import] map: column header -> field, both text (which fields exist is the importer's to say)."""
    section = data.get("import", {})
    example = 'map = { "Case #" = "case_id", "DOB" = "birth_date" }'
    if not isinstance(section, dict):
        bad(("import",), f"import must be a table: [import] and on the next line {example}")
        return {}
    for key in section:
        if key != "map":
            bad(("import", key), f"unknown setting import.{key}; the only one is map")
    found = section.get("map", {})
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        bad(("import", "map"), f"import.map must be a table of column = field, both in quotes, e.g. {example}")
        return {}
    return dict(found)


_EXAMPLES = {"state": "IL", "worker": "KM", "cases": "caseload", "templates": "my-templates"}


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    return did_you_mean(word, choices) or "; remove it or correct the name"
