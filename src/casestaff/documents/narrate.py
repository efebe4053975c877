"""The narration of a recorded staffing, in the style of the program's system of record.

A narration is pasted into TRACS, ISETS or a case plan as it is, so it is checked before it is
printed: what the policy requires of the outcome (who was there, next steps, the pre-sanction
documentation, a determination only once all information is in and the team is complete) must
be recorded (the pack's `narration.checks` name the checks in `NARRATION_SPECS`), and a
template may never leave a marker or an empty value in the text. Then it can
be folded to ASCII, wrapped, and split into numbered parts for fields with a length limit --
never cutting a word.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from casestaff.documents import templating
from casestaff.files.caseload import births, future_births
from casestaff.model import records as model
from casestaff.model.errors import Refused, UsageError
from casestaff.model.catalogue import NARRATION_CHECKS
from casestaff.model.plain import dataclass
from casestaff.model.named import Named, registry
from casestaff.model import queries
from casestaff.model.pack import NarrationCheckDef, Pack
from casestaff.model.when import WhenError, read_date
from casestaff.rules import requirements
from casestaff.rules.evaluate import evaluate_case, workdays_for
from casestaff.rules.functions import RULE_SPECS, follow_up_due

LATEST = "latest"
EMPTY_MARK = "\x00(empty)\x00"
CUSTOMER_STAFFING_WITHIN = 30
"""A provider staffing marks customers whose customer staffing falls due within this many days."""


class NarrationRefused(Refused):
    """The staffing's record lacks what the narration needs; each item says what to add."""

    def __init__(self, missing: Sequence[str]) -> None:
        super().__init__("; ".join(missing))
        self.missing = list(missing)


class StaffingNotFound(UsageError):
    """--staffing names no recorded staffing (or two on one day); the message lists them."""


# -- choosing the staffing ------------------------------------------------------------------------


def _listing(case: model.Case) -> str:
    return ", ".join(f"{s.date} ({s.kind})" for s in case.staffings) or "none"


def select_staffing(case: model.Case, which: str | None, as_of: dt.date | None = None, option: str = "--staffing") -> model.Staffing:
    """`latest` (the default: the last held by `as_of`, when given), `YYYY-MM-DD`, or
    `YYYY-MM-DD:KIND` when staffings of two kinds were held that day; of two entries of one kind on
    one day, the later in the file. `option` is how the user named it."""
    nothing_yet = StaffingNotFound(f"{case.file}: no staffing is recorded yet; record one with `casestaff record {case.file}`")
    if which in (None, "", LATEST):
        latest = queries.latest_staffing(case, as_of)
        if latest is None:
            raise nothing_yet
        return latest
    if not case.staffings:
        raise nothing_yet
    day_text, _, kind = which.partition(":")
    try:
        day = read_date(day_text)
    except WhenError as exc:
        raise StaffingNotFound(f"{option}: {exc} (or 'latest')") from None
    held = [s for s in case.staffings if s.date == day and (not kind or s.kind == kind.strip())]
    if not held:
        raise StaffingNotFound(f"no staffing on {which} in {case.file}; recorded: {_listing(case)}")
    kinds = list(dict.fromkeys(s.kind for s in held))
    if len(kinds) > 1:
        choices = ", ".join(f"{day}:{k}" for k in kinds)
        raise StaffingNotFound(f"{len(held)} staffings were held on {day}; choose one with {option} {choices}")
    # Two of one kind on one day (written by hand: record refuses a second): the later entry in the
    # file stands, as it does for every as-of question (queries.latest_staffing).
    return held[-1]


# -- checks before printing -----------------------------------------------------------------------


def _everyone(case: model.Case, staffing: model.Staffing, pack: Pack) -> list[str]:
    day = staffing.date
    missing = []
    if not staffing.present:
        missing.append(f"nobody is recorded as present at the {day} staffing: add 'present:' with each person's role and initials")
    if not staffing.next_steps and not is_provider_staffing(pack, staffing):
        missing.append(f"no next steps are recorded for the {day} staffing: add 'next_steps:' with step, owner and due date")
    if not (staffing.discussion or "").strip():
        missing.append(f"nothing is recorded under 'discussion:' for the {day} staffing: add what the team discussed")
    return missing


def is_provider_staffing(pack: Pack, staffing: model.Staffing) -> bool:
    """A monthly provider staffing (il-snap-et) reviews every customer; steps belong to customer staffings."""
    return staffing.kind in pack.calendar_kinds()


def decides_sanction(case: model.Case, staffing: model.Staffing) -> bool:
    """The staffing is the one held before entering a proposed sanction, or its decision names one."""
    return requirements.decides_sanction(case, staffing.date, staffing.decision)


def _older_check(case: model.Case, staffing: model.Staffing, pack: Pack, name: str, params: dict[str, Any]) -> list[str]:
    """A narration check a pack names (`narration.checks`, from before packs had requirements):
    the requirement checks it stands for (requirements.OLDER_NARRATION_CHECKS), with its citation."""
    named = next((c for c in pack.narration_checks if c.check == name), None)
    check = NarrationCheckDef(check=name, params=params, citation=named.citation if named is not None else None)
    found = requirements.assess(case, staffing, pack, requirements=requirements.older_narration_check(check))
    return [_refusal(staffing, a.shortfall) for a in found if a.shortfall is not None]


def pre_sanction_documented(case: model.Case, staffing: model.Staffing, pack: Pack) -> list[str]:
    """Before a sanction: all information discussed, the decision and its explanation recorded."""
    return _older_check(case, staffing, pack, "pre_sanction_documented", {})


def information_complete(case: model.Case, staffing: model.Staffing, pack: Pack) -> list[str]:
    """A determination is recorded only once no requested information is still outstanding."""
    return _older_check(case, staffing, pack, "information_complete", {})


def team_complete(case: model.Case, staffing: model.Staffing, pack: Pack, *, minimum: int) -> list[str]:
    """A determination is recorded only with at least `minimum` department staff or designees present."""
    return _older_check(case, staffing, pack, "team_complete", {"minimum": minimum})


@dataclass(frozen=True, kw_only=True)
class NarrationCheckSpec(Named):
    """A narration check and what it declares."""

    function: Callable[..., list[str]]


NARRATION_SPECS: MappingProxyType[str, NarrationCheckSpec] = registry(
    (
        NarrationCheckSpec(function=pre_sanction_documented),
        NarrationCheckSpec(function=information_complete),
        NarrationCheckSpec(function=team_complete),
    ),
    NARRATION_CHECKS,
)
"""The checks a pack's narration.checks may name -- each the requirement checks it stands for
(requirements.OLDER_NARRATION_CHECKS; packs now say this under `requirements`), which every
command asks like the pack's own; parameters are keyword-only."""


def _refusal(staffing: model.Staffing, shortfall: requirements.Shortfall) -> str:
    """A requirement the staffing does not meet, as narrate refuses it: the words `due` shows, then the fix."""
    return f"the {staffing.date.isoformat()} staffing: {shortfall}"


def missing_basics(case: model.Case, staffing: model.Staffing, pack: Pack) -> list[str]:
    """What every narration needs that the record lacks: who was there, the discussion, next steps."""
    return _everyone(case, staffing, pack)


def missing_for_narration(case: model.Case, staffing: model.Staffing, pack: Pack) -> list[str]:
    """Everything the narration needs that the record lacks (empty when it can be printed): who was
    there, the discussion and next steps, then each requirement of the pack the staffing does not
    meet for the decision it records (rules/requirements.py, the question every command asks)."""
    missing = missing_basics(case, staffing, pack)
    return missing + [_refusal(staffing, shortfall) for shortfall in requirements.shortfalls(case, staffing, pack)]


# -- rendering ------------------------------------------------------------------------------------


def _blank_to_none(value: Any) -> Any:
    """Whitespace-only text becomes None, so a template that prints it is caught as empty."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list):
        return [_blank_to_none(v) for v in value if not (isinstance(v, str) and not v.strip())]
    if isinstance(value, model.Record):
        changes = {
            f.name: _blank_to_none(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("internal")
        }
        return dataclasses.replace(value, **changes)
    return value


_HIDE_BRACES = str.maketrans("{}", "\ue000\ue001")
_SHOW_BRACES = str.maketrans("\ue000\ue001", "{}")


def _finalize(value: Any) -> Any:
    """Marks a printed None (a field the record does not have) so it can be refused by line.

    Braces in printed values are hidden until the text is checked: a caseworker's own
    "{{" in a discussion is text, and only the template's leftovers are refused.
    """
    if value is None:
        return EMPTY_MARK
    return value.translate(_HIDE_BRACES) if isinstance(value, str) else value


def sentence(text: str) -> str:
    """Text ending in a full stop (or its own ! ? . : closing punctuation)."""
    text = " ".join(str(text).split())
    return text if text.endswith((".", "!", "?", '."', ".'", ".”", ".)")) else text + "."


def joined(items: Sequence[Any], separator: str = ", ", last: str = " and ") -> str:
    """a, b and c (or a; b; c with separator="; ", last="; ")."""
    words = [" ".join(str(item).split()).rstrip(".") for item in items]
    if separator.strip() == ";":
        return separator.join(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{separator.join(words[:-1])}{last}{words[-1]}"


def appointment_how(how: str | None) -> str:
    """'phone' -> 'by phone'; 'in person' stays as it is."""
    if not how:
        return ""
    how = how.strip()
    if how.split(" ", 1)[0].casefold() in ("by", "in", "at", "via", "on", "over"):
        return how
    return f"by {how}"


def _born_in_the_future(case: model.Case) -> list[str]:
    """The birth dates `check` reports as in the future (the same test): no age is printed from them."""
    return [str(problem) for problem in future_births(case.file, births(case), dt.date.today())]


def _follow_up_meeting(case: model.Case, staffing: model.Staffing, pack: Pack) -> dict[str, Any] | None:
    """The meeting a rule of the pack says must follow this kind of staffing (a rule function that
    declares `RuleSpec.follow_up`; fc-reintegration's case planning meeting): when it was held or
    is scheduled, else the date it is due by -- `due` is the date `casestaff due` flags it by
    (functions.follow_up_due), on a workday."""
    for rule in pack.rules:
        spec = RULE_SPECS.get(rule.function)
        follow_up = spec.follow_up if spec is not None else None
        if follow_up is None or staffing.kind not in rule.params.get(follow_up.after, ()):
            continue
        kinds = rule.satisfied_by
        names = [k.name for k in pack.staffing_kinds if k.id in kinds]
        held = sorted((s for s in case.staffings if s.kind in kinds and s.date >= staffing.date), key=lambda s: s.date)
        planned = case.planned_staffing
        due = follow_up_due(workdays_for(pack.state), staffing.date, rule.params[follow_up.days])
        if held:
            scheduled, state = held[0].date, "held"
        elif planned is not None and planned.kind in kinds and planned.date is not None and planned.date >= staffing.date:
            scheduled, state = planned.date, "scheduled"
        elif staffing.next_appointment is not None:
            scheduled, state = staffing.next_appointment.date, "scheduled"
        else:
            scheduled, state = due, "due by"
        return {"name": names[0] if names else kinds[0], "date": scheduled, "state": state, "due": due}
    return None


def _customers(
    case: model.Case, staffing: model.Staffing, pack: Pack, cases: Sequence[model.Case], as_of: dt.date
) -> list[dict[str, Any]] | None:
    """For a provider staffing: every customer of the same provider staffed that day, one row each."""
    cycle = pack.provider_cycle
    if cycle is None or not is_provider_staffing(pack, staffing):
        return None

    rules = {f"{pack.id}.{r.id}": r for r in pack.rules}
    rows = []
    pool = [c for c in cases if c.case_id != case.case_id] + [case]
    for other in sorted(pool, key=lambda c: (c.participant.name, c.case_id)):
        if other.program != case.program or (other.provider or "") != (case.provider or ""):
            continue
        entry = next((s for s in other.staffings if s.date == staffing.date and s.kind == staffing.kind), None)
        if entry is None:
            continue
        months = sorted((p for p in other.participation if p.month < staffing.date.replace(day=1)), key=lambda p: p.month)
        needs = [
            f.reason
            for f in evaluate_case(other, pack, staffing.date, within=CUSTOMER_STAFFING_WITHIN)
            if set(rules[f.rule].satisfied_by) & set(cycle.customer_kinds)
        ]
        rows.append({"case": _blank_to_none(other), "staffing": _blank_to_none(entry), "last_month": months[-1] if months else None, "needs": needs})
    return rows


def context(
    case: model.Case, staffing: model.Staffing, pack: Pack, cases: Sequence[model.Case] = (), as_of: dt.date | None = None
) -> dict[str, Any]:
    """What narration templates can use; see docs/recording.md."""
    on = staffing.date
    clean_case = _blank_to_none(case)
    clean = _blank_to_none(staffing)
    kind_names = {k.id: k.name for k in pack.staffing_kinds}
    roles = {r.abbr: r for r in pack.roles}
    previous = queries.latest_staffing(case, on - dt.timedelta(days=1))
    return {
        "case": clean_case,
        "staffing": clean,
        "pack": pack,
        "roles": roles,
        "role_of": pack.role,
        "kind_name": kind_names.get(staffing.kind, staffing.kind),
        "title": clean.title or kind_names.get(staffing.kind, staffing.kind),
        "participant_age": queries.age(case.participant.birth_date, on),
        "household": [{"member": m, "age": queries.age(m.birth_date, on)} for m in clean_case.household],
        "progress": queries.progress_reviews(clean_case, on),
        "participation": sorted((p for p in clean_case.participation if p.month < on.replace(day=1)), key=lambda p: p.month),
        "component": queries.current_component(clean_case, on),
        "risks": queries.risks_noted(clean_case, on),
        "referrals_since_last": [r for r in queries.referrals_made(clean_case, on) if previous is None or r.date >= previous.date],
        "decides_sanction": decides_sanction(case, staffing),
        "follow_up": _follow_up_meeting(case, staffing, pack),
        "customers": _customers(case, staffing, pack, cases, as_of or on),
        "sentence": sentence,
        "joined": joined,
        "how": appointment_how(staffing.next_appointment.how if staffing.next_appointment else None),
    }


_MARKERS = ("{{", "}}", "{%", "%}", "{#", "#}")


def narrate(
    case: model.Case,
    staffing: model.Staffing,
    pack: Pack,
    *,
    cases: Sequence[model.Case] = (),
    user_dir: Path | None = None,
) -> str:
    """The narration text, or NarrationRefused saying what is missing (TemplateProblem for a broken template)."""

    missing = missing_for_narration(case, staffing, pack) + _born_in_the_future(case)
    if missing:
        raise NarrationRefused(missing)
    names = templating.candidates("narration", pack.id, "txt")
    text = templating.render(names, context(case, staffing, pack, cases), user_dir, finalize=_finalize)
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if EMPTY_MARK in line:
            shown = line.replace(EMPTY_MARK, "<empty>").strip()
            problems.append(f"narration line {number} would print an empty value: {shown!r}; the template prints a field this staffing does not have")
        for marker in _MARKERS:
            if marker in line:
                problems.append(f"narration line {number} holds the template marker {marker!r}: {line.strip()!r}")
                break
    if problems:
        raise NarrationRefused([problem.translate(_SHOW_BRACES) for problem in problems])
    return tidy(text.translate(_SHOW_BRACES))


NOT_RECORDED = "[not recorded]"
"""What a preview prints where the narration would print a field the staffing does not have."""


def _sentence_or_blank(text: Any) -> str | None:
    return None if text is None else sentence(text)


def preview(case: model.Case, staffing: model.Staffing, pack: Pack, *, user_dir: Path | None = None) -> str:
    """A staffing about to be written, laid out as its narration will be -- `record` shows this
    before it writes, so the caseworker reads the outcome the way the system of record will, not as
    YAML. `case` already holds the staffing. Nothing is refused: a field the narration prints and
    the staffing lacks reads NOT_RECORDED (TemplateProblem for a broken template)."""
    names = templating.candidates("narration", pack.id, "txt")
    values = context(case, staffing, pack) | {"sentence": _sentence_or_blank}
    text = templating.render(names, values, user_dir, finalize=_finalize)
    return tidy(text.replace(EMPTY_MARK, NOT_RECORDED).translate(_SHOW_BRACES))


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


# -- shaping for the system of record -------------------------------------------------------------

_ASCII = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "--", "\u2015": "--", "\u2212": "-",
    "\u2026": "...", "\u2044": "/", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
    "\u2022": "*", "\u00b7": "*", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE", "\u0153": "oe", "\u0152": "OE",
    "\u00f8": "o", "\u00d8": "O", "\u0142": "l", "\u0141": "L", "\u0111": "d", "\u0110": "D", "\u00f0": "d",
    "\u00de": "Th", "\u00fe": "th", "\u0131": "i",
}  # fmt: skip


def to_ascii(text: str) -> str:
    """Straight quotes, plain dashes, accents folded (José -> Jose); '?' for anything else."""
    out = []
    for char in text:
        if ord(char) < 128:
            out.append(char)
            continue
        if char in _ASCII:
            out.append(_ASCII[char])
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        folded = "".join(_ASCII.get(c, c) for c in folded)
        out.append(folded if folded.isascii() and folded else "?")
    return "".join(out)


def wrap(text: str, width: int) -> str:
    """Each line wrapped to `width` columns at spaces; a word longer than the width stays whole."""
    lines = []
    for line in text.splitlines():
        if len(line) <= width:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        bullet = re.match(r" *(?:[-*]|\d+\.) ", line)
        follow = " " * len(bullet.group()) if bullet else indent
        lines += textwrap.wrap(
            line,
            width=width,
            subsequent_indent=follow,
            break_long_words=False,
            break_on_hyphens=False,
            drop_whitespace=True,
        ) or [""]
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


class TooShort(Exception):
    """--max-chars is smaller than a single word (plus the part label), so a word would be cut."""


def split_parts(text: str, max_chars: int) -> list[str]:
    """Numbered parts of at most `max_chars` characters each (label line included), split between words.

    Each part starts with a line "(1/3)", so wrapping to a width still holds.

    A part ends at a paragraph or line break when one falls in its second half, else between
    two words.
    """
    body = text.strip("\n")
    if len(body) <= max_chars:
        return [body + "\n"]
    count = 2
    while True:
        parts = _pack(body, max_chars - len(f"({count}/{count})\n"))
        if len(str(len(parts))) <= len(str(count)):
            return [f"({i}/{len(parts)})\n{part}\n" for i, part in enumerate(parts, 1)]
        count = len(parts)


def _pack(body: str, room: int) -> list[str]:
    tokens = re.findall(r"\S+|\s+", body)
    longest = max((t for t in tokens if not t.isspace()), key=len, default="")
    if len(longest) > room:
        raise TooShort(
            f"--max-chars leaves {max(room, 0)} characters after the part label, fewer than the word"
            f" {longest[:40]!r} ({len(longest)} characters); give a larger --max-chars"
        )
    parts: list[str] = []
    current = ""
    for token in tokens:
        if token.isspace() or not current.strip() or len((current + token).strip()) <= room:
            current += token
            continue
        full = current.rstrip()
        spacing = current[len(full) :]
        cut = _line_break_in_second_half(full)
        if cut is not None:
            tail = full[cut:].lstrip()
            if len(tail + spacing + token) <= room:
                parts.append(full[:cut].rstrip())
                current = tail + spacing + token
                continue
        parts.append(full.strip())
        current = token
    if current.strip():
        parts.append(current.strip())
    return parts


def _line_break_in_second_half(text: str) -> int | None:
    """The last paragraph (else line) break in the second half that does not cut a heading
    such as "Narration:" off from the text it introduces."""
    for separator in ("\n\n", "\n"):
        cut = text.rfind(separator)
        while cut > len(text) // 2:
            if not text[:cut].rstrip().endswith(":"):
                return cut
            cut = text.rfind(separator, 0, cut)
    return None
