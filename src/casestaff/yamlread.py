"""Fast, read-only YAML for case files: libyaml nodes with positions, scalars read as YAML 1.2.

Bulk reading must be fast (an office holds 10,000 files), so it uses libyaml's C parser through
PyYAML to build nodes, and resolves plain scalars itself with the YAML 1.2 core rules that
ruamel.yaml's round-trip loader uses -- the loader that later writes the files back. Reading
with PyYAML's own (YAML 1.1) resolver would turn `no` into False and `010` into 8; here both
paths read the same data, and a test holds them to it.

Everything that can go wrong while turning bytes into nodes becomes a `ReadError` that carries
a line and column and says how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml's parser; PyYAML wheels ship it on Windows, macOS and Linux.
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - pure-Python fallback, same nodes, slower
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

        def dispose(self) -> None:
            pass

    HAVE_LIBYAML = False

MAX_FILE_BYTES = 1024 * 1024
"""A case file is a few kilobytes; anything past a megabyte is the wrong file or an attack."""

MAX_VALUES = 20_000
"""More values than a hand-written case file could hold: stops alias bombs and runaway lists."""


@dataclass(frozen=True)
class ReadError(Exception):
    """The file could not be read as YAML; line and column are 1-based (0 when unknown)."""

    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


class _NodeBuilder(_Parser):
    """libyaml's parser with implicit tag resolution switched off: we resolve scalars ourselves."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
        return None

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# ---------------------------------------------------------------------------------------------
# Decoding


def decode(data: bytes) -> str:
    """Bytes of a case file as text: UTF-8 with or without a BOM, any line endings.

    Anything else is a ReadError that names the encoding it probably is and how to re-save it.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(
            0,
            0,
            f"the file is {len(data) / 1_048_576:.1f} MB; a case file is a few kilobytes, so this"
            " is probably not a case file (casestaff reads files up to 1 MB)",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(
            1, 1, "the file is saved as UTF-16; save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ReadError(line, 1, "the file holds binary data (a NUL byte), not text; is this a case file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex().upper()
        hint = "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReadError(line, col, f"the file is not UTF-8 text (byte 0x{bad}); {hint}") from None
        raise ReadError(
            line,
            col,
            f"the file is not UTF-8 (byte 0x{bad}); it looks like Windows-1252 (cp1252) text, {hint}",
        ) from None
    return text


# ---------------------------------------------------------------------------------------------
# Parsing


_HINTS = (
    ("found character '\\t'", "YAML does not allow tab characters here; indent with spaces"),
    ("mapping values are not allowed here", "a value that holds ': ' must be put in quotes"),
    ("found duplicate anchor", "each &anchor name may be used once"),
    ("expected a single document", "a case file holds one document; remove the extra '---'"),
    ("found undefined alias", "remove the '*name' reference or write the value out"),
    ("could not find expected ':'", "each line inside a mapping needs 'key: value'"),
    ("did not find expected key", "check the indentation of this line against the lines above"),
    ("found unexpected end of stream", "a quote or bracket was opened and never closed"),
)


def parse(text: str) -> Node | None:
    """Compose the single YAML document in `text`; None for an empty document."""
    builder = _NodeBuilder(text)
    try:
        return builder.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "YAML syntax error"
        detail = f"{exc.context}, {problem}" if exc.context and exc.problem else problem
        hint = next((h for key, h in _HINTS if key in str(exc)), "check the YAML syntax on this line")
        raise ReadError(
            mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, f"YAML syntax error: {detail}; {hint}"
        ) from None
    except yaml.YAMLError as exc:
        raise ReadError(0, 0, f"YAML error: {exc}") from None
    finally:
        builder.dispose()


# ---------------------------------------------------------------------------------------------
# Scalars, as ruamel.yaml's round-trip loader (YAML 1.2 core schema + timestamps) reads them


_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_TIMESTAMP = re.compile(
    r"""^(?:(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})
    |(?P<Y>[0-9]{4})-(?P<M>[0-9][0-9]?)-(?P<D>[0-9][0-9]?)
    (?:[Tt]|[ \t]+)(?P<h>[0-9][0-9]?):(?P<mi>[0-9]{2}):(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_NUMBER_START = frozenset("-+0123456789.")


class Timestamp(dt.datetime):
    """A date with a time of day; case files use dates only, so the validator can say so."""


def _int(text: str) -> int | str:
    digits = text.replace("_", "")
    sign = 1
    if digits[:1] in ("+", "-"):
        sign = -1 if digits[0] == "-" else 1
        digits = digits[1:]
    try:
        if digits.startswith("0b"):
            return sign * int(digits[2:], 2)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        return sign * int(digits)
    except ValueError:
        return text


def _float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered.endswith(".nan"):
        return float("nan")
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    return float(lowered)


class ImpossibleDate(ValueError):
    """A scalar shaped like a date that no calendar has (2026-02-30)."""


def _timestamp(match: re.Match[str]) -> dt.date:
    if match["y"]:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    fraction = (match["f"] or "")[:6].ljust(6, "0")
    tz = None
    if match["tz"]:
        if match["tz"] == "Z":
            tz = dt.timezone.utc
        else:
            hours, _, minutes = match["tz"][1:].partition(":")
            offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
            tz = dt.timezone(-offset if match["tz"][0] == "-" else offset)
    return Timestamp(
        int(match["Y"]),
        int(match["M"]),
        int(match["D"]),
        int(match["h"]),
        int(match["mi"]),
        int(match["s"]),
        int(fraction),
        tzinfo=tz,
    )


def scalar_value(node: ScalarNode) -> Any:
    """The Python value of a scalar node, read as ruamel.yaml's round-trip loader reads it.

    Raises ImpossibleDate for a date-shaped scalar that is not a real date. Explicit tags are
    refused by the caller before this point, so only quoting and the text decide the type.
    """
    text = node.value
    if node.style:  # quoted or block scalar: always text
        return text
    if text in _NULLS:
        return None
    first = text[0]
    if first in "tTfF":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return text
    if first not in _NUMBER_START:
        return text
    if _FLOAT.match(text):
        return _float(text)
    if first != "." and _INT.match(text):
        return _int(text)
    if first.isdigit():
        match = _TIMESTAMP.match(text)
        if match:
            try:
                return _timestamp(match)
            except ValueError as exc:
                raise ImpossibleDate(str(exc)) from None
    return text


# ---------------------------------------------------------------------------------------------
# Helpers for callers walking the node tree


def position(node: Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def refuse_tag(node: Node) -> ReadError | None:
    """Explicit tags (`!!int`, `!foo`) change how a value is read; case files never need them."""
    tag = node.tag
    if tag is None:
        return None
    if isinstance(node, ScalarNode) and tag == "tag:yaml.org,2002:str":
        return None
    if isinstance(node, MappingNode) and tag == "tag:yaml.org,2002:map":
        return None
    if isinstance(node, SequenceNode) and tag == "tag:yaml.org,2002:seq":
        return None
    line, col = position(node)
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return ReadError(line, col, f"the tag {shown} is not allowed in case files; remove it and write the plain value")


def to_plain(node: Node | None) -> Any:
    """The whole document as plain Python data (dicts, lists, scalars), for comparisons and tools.

    Raises ReadError on repeated (aliased) collections and on anything scalar_value refuses.
    """
    seen: set[int] = set()

    def walk(current: Node) -> Any:
        problem = refuse_tag(current)
        if problem:
            raise problem
        if isinstance(current, ScalarNode):
            try:
                return scalar_value(current)
            except ImpossibleDate as exc:
                line, col = position(current)
                raise ReadError(line, col, f"{current.value!r} is not a real date ({exc})") from None
        if id(current) in seen:
            line, col = position(current)
            raise ReadError(line, col, "aliases (*name) that repeat a block are not allowed in case files")
        seen.add(id(current))
        if len(seen) > MAX_VALUES:
            raise ReadError(0, 0, "the file holds too many values to be a case file")
        if isinstance(current, SequenceNode):
            return [walk(item) for item in current.value]
        result = {}
        for key_node, value_node in current.value:
            result[walk(key_node)] = walk(value_node)
        return result

    return None if node is None else walk(node)
