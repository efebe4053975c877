"""Jinja2 for agendas and narrations: sandboxed, strict, and overridable by the user.

Templates are looked up first in the user's template folder (casestaff.toml `templates = ...`
or `--templates`), then in the packaged `templates/`. A user template can extend the packaged
one it replaces with `{% extends "default:agenda/la-step.md.j2" %}`. The most specific name
is tried first: `agenda/{program}.{fmt}.j2`, then `agenda/default.{fmt}.j2`.

Markdown and plain text share one body: in each folder, a name `X.md.j2` or `X.txt.j2` that is
not there is served by `X.j2`, which renders both formats with `fmt` ("md" or "txt") in its
context. So the names a user overrides or extends stay the same, and a user's
`agenda/la-step.j2` covers both formats.

Undefined names are errors (StrictUndefined), so a typo in a template never prints an empty
field; the sandbox keeps a user's template from reaching into Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casestaff.model.errors import SettingsError
from casestaff.model import dates

TEMPLATE_SUFFIX = ".j2"
SHARED_BODY_FORMATS = ("md", "txt")
"""The formats one template body renders, told apart by `fmt`; html has templates of its own."""


def packaged_templates() -> Path:
    """The templates that ship with casestaff (package data in a wheel; templates/ in a checkout)."""
    inside = Path(str(resources.files("casestaff"))) / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[3] / "templates"  # an editable checkout: beside src/


class TemplateProblem(SettingsError):
    """A template could not be found or rendered; the message says which and where."""


# -- filters: dates, ages and times in one place ---------------------------------------------


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def mdy(value: Any) -> str:
    """12/08/26 -- the mm/dd/yy of the TRACS narration example."""
    return _as_date(value).strftime("%m/%d/%y")


def isodate(value: Any) -> str:
    return _as_date(value).isoformat()


def longdate(value: Any) -> str:
    """Tuesday, December 1, 2026."""
    day = _as_date(value)
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def shortdate(value: Any) -> str:
    """Tue 2026-12-01."""
    return f"{_as_date(value):%a %Y-%m-%d}"


def age(birth: Any, on: Any) -> int | None:
    """Whole years between a birth date and a day; None (printed as empty, which a narration
    refuses) when the birth date is after the day: never a negative age."""

    born, day = _as_date(birth), _as_date(on)
    return dates.age_on(born, day) if born <= day else None


def months_between(start: Any, on: Any) -> int:
    """Whole months from `start` to `on` (months in a component)."""
    return dates.months_between(_as_date(start), _as_date(on))


def time12(value: Any) -> str:
    """15:00 -> 3:00 p.m.; 09:30 -> 9:30 a.m. (the TRACS example's style)."""
    hours, minutes = (int(part) for part in str(value).split(":"))
    suffix = "a.m." if hours < 12 else "p.m."
    shown = hours % 12 or 12
    return f"{shown}:{minutes:02d} {suffix}"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def mdescape(value: Any) -> str:
    """Case text shown literally in Markdown: no stray emphasis, links, tables or HTML."""
    return str(value).translate(_MD_SPECIAL)


FILTERS = {
    "mdy": mdy,
    "isodate": isodate,
    "longdate": longdate,
    "shortdate": shortdate,
    "age": age,
    "months_between": months_between,
    "time12": time12,
    "mdescape": mdescape,
}


def shared_body_name(name: str) -> str | None:
    """agenda/la-step.md.j2 -> agenda/la-step.j2: the body the md and txt names fall back to."""
    for fmt in SHARED_BODY_FORMATS:
        suffix = f".{fmt}{TEMPLATE_SUFFIX}"
        if name.endswith(suffix):
            return name[: -len(suffix)] + TEMPLATE_SUFFIX
    return None


def _shared_body_loader(loader: Any) -> Any:
    """`loader` (one folder), where a missing md or txt name is served by the body both formats share."""
    from jinja2 import BaseLoader, TemplateNotFound

    class SharedBodyLoader(BaseLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            try:
                return loader.get_source(environment, template)
            except TemplateNotFound:
                shared = shared_body_name(template)
                if shared is None:
                    raise
            try:
                return loader.get_source(environment, shared)
            except TemplateNotFound:
                raise TemplateNotFound(template) from None

    return SharedBodyLoader()


_STR_FORMAT_TYPES = (types.MethodType, types.BuiltinMethodType)
"""What a bound str.format is: the sandbox wraps those, so a record's field holding one is left to it."""


def is_record_field(kind: type, name: str) -> bool:
    """Whether `name` is a public field of one of casestaff's own dataclasses (`kind`): data, which
    the sandbox's policy always lets a template read (not a function, a type or a name with _)."""
    return (
        kind.__module__.startswith("casestaff.")
        and dataclasses.is_dataclass(kind)
        and not name.startswith("_")
        and any(f.name == name for f in dataclasses.fields(kind))
    )


@lru_cache(maxsize=1)
def _record_sandbox() -> Any:
    """SandboxedEnvironment whose answer for a record's field is decided once per class and name.

    The sandbox checks every attribute a template reads (about 20 µs each, over half of an
    agenda's rendering); for casestaff's own records, and for a template's imported macros
    (`m.value`), the check's answer depends only on the class and the name, so it is
    remembered. Anything else -- a method, a name with an underscore, any other object -- goes
    through the sandbox's own checks every time.
    """
    from jinja2.environment import TemplateModule
    from jinja2.runtime import Macro
    from jinja2.sandbox import SandboxedEnvironment

    def always_safe(kind: type, name: str) -> bool:
        return (kind is TemplateModule and not name.startswith("_")) or is_record_field(kind, name)

    class RecordSandbox(SandboxedEnvironment):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.record_fields: dict[tuple[type, str], bool] = {}

        def getattr(self, obj: Any, attribute: str) -> Any:
            kind = type(obj)
            known = self.record_fields.get((kind, attribute))
            if known is None:
                known = self.record_fields[(kind, attribute)] = always_safe(kind, attribute)
            if known:
                try:
                    value = getattr(obj, attribute)
                except AttributeError:
                    pass
                else:
                    if not isinstance(value, _STR_FORMAT_TYPES):
                        return value
            return super().getattr(obj, attribute)

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            """A template's own macro is called straight away: it is neither a str.format nor
            marked unsafe, which is all the sandbox checks before a call."""
            if type(obj) is Macro:
                return context.call(obj, *args, **kwargs)
            return super().call(context, obj, *args, **kwargs)

    return RecordSandbox


@lru_cache(maxsize=8)
def environment(user_dir: str | None, html: bool = False) -> Any:
    """A sandboxed Jinja2 environment over the user's folder, then the packaged templates."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined

    packaged = _shared_body_loader(FileSystemLoader(str(packaged_templates()), encoding="utf-8"))
    loaders = []
    if user_dir:
        loaders.append(_shared_body_loader(FileSystemLoader(user_dir, encoding="utf-8")))
    loaders += [packaged, PrefixLoader({"default": packaged}, delimiter=":")]
    env = _record_sandbox()(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


def candidates(kind: str, program: str, fmt: str) -> list[str]:
    """Template names from most to least specific: agenda/la-step.md.j2, agenda/default.md.j2."""
    return [f"{kind}/{program}.{fmt}{TEMPLATE_SUFFIX}", f"{kind}/default.{fmt}{TEMPLATE_SUFFIX}"]


def render(
    names: Sequence[str], context: dict[str, Any], user_dir: Path | None = None, html: bool = False, finalize: Any = None
) -> str:
    """Render the first template of `names` that exists; TemplateProblem names what went wrong.

    `finalize` (optional) sees every value a template prints, e.g. to mark empty ones.
    """
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    env = environment(str(user_dir) if user_dir else None, html)
    if finalize is not None:
        env = env.overlay(finalize=finalize)
    try:
        template = env.select_template(list(names))
    except TemplateNotFound:
        raise TemplateProblem(f"no template found; looked for {', '.join(names)}") from None
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") from None
    try:
        return template.render(context)
    except UndefinedError as exc:
        raise TemplateProblem(f"{template.filename}: {exc.message} (a name the template uses is not defined)") from None
    except SecurityError as exc:
        raise TemplateProblem(f"{template.filename}: not allowed in a template: {exc}") from None
    except TemplateSyntaxError as exc:  # in a template it includes or extends
        raise TemplateProblem(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except TemplateNotFound as exc:
        raise TemplateProblem(f"{template.filename}: includes or extends {exc.name!r}, which is not found") from None
    except Exception as exc:  # a user's template doing arithmetic on text, dividing by zero ...
        raise TemplateProblem(f"{_template_line(exc, template.filename)}: {type(exc).__name__}: {exc}") from None


def _template_line(exc: BaseException, fallback: str) -> str:
    """file:line of the template statement that failed (Jinja puts template lines in the traceback)."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(TEMPLATE_SUFFIX)]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else fallback
