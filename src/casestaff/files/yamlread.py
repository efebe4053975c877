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
from codecs import BOM_UTF8
import os
import re
import stat
from bisect import bisect_right
from casestaff.model.plain import dataclass
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import CollectionEndEvent, CollectionStartEvent, DocumentStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from casestaff.model.when import why_not_a_date
from casestaff.model.patterns import compiled_when_used

try:  # libyaml's parser; PyYAML wheels ship it on Windows, macOS and Linux.
    from yaml._yaml import CParser as _Parser
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
# Reading


def _too_big(size: int) -> str:
    shown = f"{size / 1024**3:.1f} GB" if size >= 1024**3 else f"{size / 1024**2:.1f} MB"
    return (
        f"the file is {shown}; a case file is a few kilobytes, so this"
        " is probably not a case file (casestaff reads files up to 1 MB)"
    )


_NOT_A_FILE = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a pipe swapped in after the check must not block the open
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)


def refusal(info: os.stat_result, path: str | os.PathLike[str] | None = None) -> ReadError | None:
    """Why a file with this stat is not read at all: not an ordinary file, or too large.

    Decided from the stat alone, before the file is opened: a named pipe would block the
    open forever, and a link to /dev/zero or a huge file would be read into memory. With the
    path, a symbolic link is named as one.
    """
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        what = next((name for test, name in _NOT_A_FILE if test(mode)), "not an ordinary file")
        if path is not None and os.path.islink(path):
            what = f"a link to {os.readlink(path)}, {what}"
        return ReadError(
            1,
            1,
            f"this is {what}, not a file; casestaff reads only ordinary files: move it out of the"
            " case folder, or rename it so its name does not end in .yaml or .yml",
        )
    if info.st_size > MAX_FILE_BYTES:
        return ReadError(1, 1, _too_big(info.st_size))
    return None


def read_file(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """The bytes of a file a user edits (case file, pack, casestaff.toml), and its stat.

    Anything but an ordinary file of at most MAX_FILE_BYTES is a ReadError before it is opened
    (read_bounded); decode() refuses one that grew past it meanwhile. Raises OSError when the file
    cannot be opened.
    """

    def refuse(info: os.stat_result, named: str | os.PathLike[str] | None) -> None:
        refused = refusal(info, named)
        if refused is not None:
            raise refused

    return read_bounded(path, MAX_FILE_BYTES, refuse)


def read_bounded(
    path: str | os.PathLike[str], limit: int, refuse: Callable[[os.stat_result, str | os.PathLike[str] | None], None]
) -> tuple[bytes, os.stat_result]:
    """The bytes of a file (at most `limit` + 1 of them: more means it is too large) and its stat.

    Stat first (a link is followed to what it names; nothing is opened) and let `refuse` raise for
    anything that is not to be read -- a named pipe would block the open forever, a link to
    /dev/zero fill memory. Then opened without blocking, checked again (`refuse` given no path: it
    was replaced between the stat and the open), and read to at most `limit` + 1 bytes.
    """
    refuse(os.stat(path), path)
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        refuse(info, None)
        chunks = []
        left = limit + 1
        want = min(info.st_size + 1, left)  # one read for a file that does not change meanwhile
        while left > 0:
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            if len(chunk) < want:  # end of file
                break
            want = min(want * 2, left)
    finally:
        os.close(fd)
    return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), info


# ---------------------------------------------------------------------------------------------
# Decoding




def decode(data: bytes) -> str:
    """Bytes of a case file as text: UTF-8 with or without a BOM, any line endings.

    Anything else is a ReadError that names the encoding it probably is and how to re-save it.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(0, 0, _too_big(len(data)))
    resave = "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
    nul = data.find(b"\x00")
    # UTF-16 without a BOM has a NUL among its first 512 bytes (_looks_like_utf16): not looked
    # for in the files that have none (1 us a case file).
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (0 <= nul < 512 and _looks_like_utf16(data)):
        raise ReadError(1, 1, f"the file is saved as UTF-16; {resave}")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ReadError(line, 1, "the file holds binary data (a NUL byte), not text; is this a case file?")
    try:
        # UTF-8, then a BOM taken off, as utf-8-sig would: its decoder is three times slower (0.7
        # us a case file, not 0.2), and it reports a bad byte's place counted after the BOM.
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1 or (len(BOM_UTF8) if data.startswith(BOM_UTF8) else 0)  # a BOM is no column
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        bad = data[exc.start : exc.start + 1].hex().upper()
        if _looks_like_cp1252(data):
            raise ReadError(
                line, col, f"the file is not UTF-8 (byte 0x{bad}); it looks like Windows-1252 (cp1252) text; {resave}"
            ) from None
        raise ReadError(line, col, f"the file is not UTF-8 text (byte 0x{bad}); {resave}, or check it is a case file") from None
    return text[1:] if text.startswith("\ufeff") else text


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: text characters with a NUL beside nearly every one.

    The characters themselves must read as text: a program or image also has runs of NUL
    bytes, and telling its owner to re-save it as UTF-8 would send them the wrong way.
    """
    sample = data[:512]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    for chars, nuls in ((evens, odds), (odds, evens)):
        if nuls.count(0) > 0.8 * len(nuls) and chars.count(0) < 0.2 * len(chars):
            texty = sum(1 for b in chars if 0x20 <= b < 0x7F or b in (9, 10, 13) or b >= 0xA0)
            return texty >= 0.9 * len(chars)
    return False


_CONTROL = compiled_when_used(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _looks_like_cp1252(data: bytes) -> bool:
    """Text that Windows-1252 decodes without control characters (binary data has plenty)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not _CONTROL().search(text)


# ---------------------------------------------------------------------------------------------
# Parsing


MAX_DEPTH = 64
"""Blocks nested deeper than this are not a case file (a real one nests about five deep), and
very deep nesting would exhaust the C stack of libyaml's composer."""

SAFE_DEPTH = 400
"""How deep a document parse lets libyaml compose without scanning its depth first (_shallow
proves it can be no deeper): that deep is safe for libyaml's recursive composer and for a walk
of the nodes in Python; a case file nests about five deep."""


def parse(text: str) -> Node | None:
    """Compose the single YAML document in `text`; None for an empty document.

    Raises ReadError, located and saying how to fix it, for anything that is not one YAML
    document of reasonable depth without directives.
    """
    encoded = _utf8(text)
    if "%" in text and (text.startswith("%") or "\n%" in text):  # one byte looked for first: most files have none (2 us)
        _refuse_directives(text)
    if not _shallow(encoded):
        _check_flow_depth(text)
        _check_depth(text)
    builder = _NodeBuilder(text)
    try:
        root = builder.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except ReaderError as exc:
        raise _reader_error(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports everything above
        raise ReadError(0, 0, f"YAML error: {exc}") from None
    finally:
        builder.dispose()
    if root is not None and _has_yaml_only_break(text):
        _to_editor_marks(root, text)
    return root


# ---------------------------------------------------------------------------------------------
# Lines as a text editor counts them

_EDITOR_BREAK = compiled_when_used(r"\r\n|\r|\n")
_YAML_ONLY_BREAK = compiled_when_used("[\x85\u2028\u2029]")
"""Characters libyaml (YAML 1.1) counts as line breaks that Notepad and VS Code do not show as
new lines. A node after one would be reported a line too far down."""


def _has_yaml_only_break(text: str) -> bool:
    """Whether `text` holds one of _YAML_ONLY_BREAK: never an ASCII text (which Python knows without
    looking), and three substring searches are quicker than the pattern (7 us a case file)."""
    return not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text)


class _Lines:
    """1-based (line, column) of a character index, as a text editor counts them: only \\n,
    \\r\\n and \\r end a line. libyaml's marks count in characters, so their index is exact."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in _EDITOR_BREAK().finditer(text))]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


def editor_lines(text: str) -> list[str]:
    """The text's lines as an editor shows them (str.splitlines also splits at U+0085 and more)."""
    return _EDITOR_BREAK().split(text)


def _to_editor_marks(root: Node, text: str) -> None:
    """Give every node marks whose line and column are the editor's (index unchanged)."""
    lines = _Lines(text)

    def mark(old: Any) -> yaml.Mark:
        line, col = lines.at(old.index)
        # types-PyYAML types pointer as int; PyYAML's own Reader.get_mark passes None without a buffer.
        return yaml.Mark(old.name, old.index, line - 1, col - 1, None, None)  # type: ignore[arg-type]

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias repeats a node: remapped once
            continue
        seen.add(id(node))
        node.start_mark, node.end_mark = mark(node.start_mark), mark(node.end_mark)
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))


def _where(mark: Any, text: str) -> tuple[int, int]:
    """1-based (line, column) of a libyaml mark, as an editor counts them."""
    if _has_yaml_only_break(text):
        return _Lines(text).at(mark.index)
    return mark.line + 1, mark.column + 1


def _utf8(text: str) -> bytes:
    """The text as UTF-8, refusing lone surrogates: they cannot come from decoded bytes, but a
    caller's text might hold them."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        before = text[: exc.start]
        line = before.count("\n") + 1
        col = exc.start - (before.rfind("\n") + 1) + 1
        raise ReadError(line, col, "the text holds a character that is not valid Unicode; delete it") from None


_LINE_RUNS = bytes.maketrans(b"\t?:-{\r\x85\xa8\xa9\xbf", b"    [\n\n\n\n\n")
"""For _shallow: the characters a line may start with before a block collection opens (space,
tab, '-', '?', ':') all made ' ', '{' made '[', and every byte that can end a line for libyaml
made a line feed (see _shallow)."""


def _shallow(encoded: bytes) -> bool:
    """Whether the document (its UTF-8 bytes) can nest at most SAFE_DEPTH deep: when True, libyaml
    may compose it with no depth scan. A few passes over the bytes in C (1 us for a case file,
    not the 5-7 us of reading it line by line), sure of the bound, not of the depth.

    Why it is a bound. Let F be the number of '[' and '{' bytes: every flow collection opens with
    one, and inside a flow sequence an entry `k: v` is a mapping of one pair that opens with no
    bracket of its own, so flow collections nest at most 2F deep (`[k: [k: x]]` is four).
    Nothing nests inside a flow collection but flow collections.
    libyaml opens a block collection by raising its indentation to the column of the token that
    starts it (a '-', '?' or ':' indicator, or a key's first token, properties included), and only
    when that column is greater than the enclosing block's; so along any chain of nested block
    collections those columns strictly increase. The one exception, a sequence written at its key's
    column (`key:` then `- item`), is a block mapping's value, so at most one comes with each
    mapping on the chain. With every such column at most C, a chain holds at most 2 * (C + 1)
    block collections.

    Such a token stands where a key could start: at a line's first character that is not a
    space, tab, '-', '?' or ':', or on one of those; after any other character (a scalar, a
    property, a quote, a bracket, a comment) libyaml opens no block collection on that line. So C
    is at most the longest such leading run, plus one for a byte order mark, which libyaml skips at
    a line's start but counts as a column. Those runs are ASCII, one byte a column. libyaml ends
    lines at \\n, \\r, U+0085, U+2028 and U+2029, whose UTF-8 ends in 0x0A, 0x0D, 0x85, 0xA8 and
    0xA9, and a byte order mark's (EF BB BF) in 0xBF: with each of those bytes made a line end (_LINE_RUNS) every
    line libyaml sees starts at one (and some other points too, which can only find more).

    With no run of `widest` (K) leading bytes, C <= K, and the depth is at most 2F + 2K + 2:
    K is the largest that keeps that within SAFE_DEPTH. Found by searching for '\\n' and K spaces.
    """
    marked = encoded.translate(_LINE_RUNS)
    flow = marked.count(b"[")
    widest = (SAFE_DEPTH - 2 * flow - 2) // 2
    if widest < 1:
        return False
    run = b" " * widest
    return not (marked.startswith(run) or b"\n" + run in marked)


_BLOCK_SCALAR_HEADER = compiled_when_used(r"(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$")


def _check_flow_depth(text: str) -> None:
    """Refuse brackets nested past MAX_DEPTH, found by reading the characters, not by libyaml.

    libyaml scans far ahead inside brackets and has a nesting limit of its own, so a document
    like `[[[[...` must be caught before libyaml sees it, or the message would be libyaml's and
    would change with its version. Quoted text, comments and block scalars are skipped; a
    bracket counts only where a flow collection can start (at the start of a value, or inside
    another flow collection).
    """
    depth = 0
    quote = ""
    block_scalar_indent = -1
    for lineno, line in enumerate(editor_lines(text), 1):
        if depth == 0 and not quote:
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if block_scalar_indent >= 0:
                if not stripped or indent > block_scalar_indent:
                    continue
                block_scalar_indent = -1
            if _BLOCK_SCALAR_HEADER().search(line):
                block_scalar_indent = indent
                continue
        previous = ""  # the last character that is not a space, on this line
        index = 0
        while index < len(line):
            char = line[index]
            if quote:
                if char == "\\" and quote == '"':
                    index += 1
                elif char == quote:
                    if quote == "'" and line[index + 1 : index + 2] == "'":
                        index += 1
                    else:
                        quote = ""
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                break
            elif char in "[{" and (depth > 0 or not previous or previous in "-:?,[{"):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ReadError(lineno, index + 1, _TOO_DEEP)
            elif char in "]}" and depth > 0:
                depth -= 1
            elif char in "\"'" and (not previous or previous in "-:?,[{"):
                quote = char
            if char not in " \t":
                previous = char
            index += 1


_TOO_DEEP = (
    f"blocks are nested more than {MAX_DEPTH} deep here; a case file nests a few levels, so this"
    " is probably not a case file"
)


def _events(text: str) -> Any:
    parser = _NodeBuilder(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except ReaderError as exc:
        raise _reader_error(exc, text) from None
    finally:
        parser.dispose()


def _check_depth(text: str) -> None:
    depth = 0
    for event in _events(text):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ReadError(*_where(event.start_mark, text), _TOO_DEEP)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _refuse_directives(text: str) -> None:
    """%YAML 1.1 would make the writer read `no` as false; case files need no directives."""
    for event in _events(text):
        if isinstance(event, DocumentStartEvent):
            if event.version or event.tags:
                line = next(i for i, row in enumerate(editor_lines(text), 1) if row.startswith("%"))
                raise ReadError(
                    line, 1, "directives (%YAML, %TAG) are not used in case files; delete the lines up to '---'"
                )
            return


def _reader_error(exc: ReaderError, text: str) -> ReadError:
    """A character YAML does not allow in a file, located (libyaml counts its position in bytes)."""
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
    line, col = _Lines(text).at(len(before))
    code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return ReadError(
        line, col, f"the file holds an invisible control character ({code}) that YAML does not allow; delete it"
    )


LIBYAML_PHRASES: tuple[tuple[str, str], ...] = (
    ("problem", "tab"),
    ("problem", "cannot start any token"),
    ("problem", "mapping values are not allowed"),
    ("problem", "end of stream"),
    ("context", "quoted scalar"),
    ("problem", "did not find expected ',' or ']'"),
    ("problem", "did not find expected ',' or '}'"),
    ("problem", "could not find expected ':'"),
    ("problem", "did not find expected '-' indicator"),
    ("problem", "did not find expected key"),
    ("context", "expected a single document"),
    ("problem", "block sequence entries are not allowed"),
    ("context", "directive"),
    ("problem", "undefined alias"),
    ("context", "duplicate anchor"),
)
"""Every part of libyaml's wording that _syntax_error matches on, and in which field.

libyaml's words are not ours and may change with a release; tests/project/test_dependency_contracts.py
feeds libyaml a document for each phrase and fails, naming this table, when it stops saying it.
"""


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> ReadError:
    """libyaml's complaint as a located message in plain words that names the fix."""
    problem = exc.problem or ""
    context = exc.context or ""
    where = exc.problem_mark or exc.context_mark
    opened = exc.context_mark
    line, col = _where(where, text) if where else (0, 0)
    open_line, open_col = _where(opened, text) if opened else (0, 0)
    lines = editor_lines(text)
    char = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""

    def at_open() -> str:
        return f"line {open_line}, column {open_col}" if opened else "above"

    runaway = _runaway_quote(text, opened if "quoted scalar" in context and opened else where)
    if runaway is not None:
        return runaway

    if "tab" in problem or char == "\t":
        message = "a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces"
    elif "cannot start any token" in problem:
        message = f"a value cannot start with '{char}'; put the value in quotes" if char else problem
    elif "mapping values are not allowed" in problem:
        message = (
            "unexpected ':'; a value that holds ': ' must be put in quotes, and a line that is not a"
            " new field must not be indented further than the field above it"
        )
    elif "end of stream" in problem and "quoted scalar" in context and opened:
        line, col = open_line, open_col
        message = "this quote is never closed; add the closing quote at the end of the value"
    elif "did not find expected ',' or ']'" in problem:
        message = f"the list opened with '[' at {at_open()} is not closed; add ']' at its end"
    elif "did not find expected ',' or '}'" in problem:
        message = f"the block opened with '{{' at {at_open()} is not closed; add '}}' at its end"
    elif "could not find expected ':'" in problem and opened:
        line, col = open_line, open_col
        message = "this line has no ':'; each line of a block of fields is 'name: value'"
    elif "did not find expected '-' indicator" in problem:
        message = (
            f"this line is indented like the list entries that start at {at_open()} but is not one;"
            " start it with '- ' or indent it to match the field it belongs to"
        )
    elif "did not find expected key" in problem:
        message = (
            "unexpected text after a value; check this line's indentation, and for a value with quotes"
            ' inside write it in the other kind of quotes ("it\'s")'
        )
    elif "expected a single document" in context:
        message = "a case file holds one document; remove the '---' line and what follows, or split the file"
    elif "block sequence entries are not allowed" in problem:
        message = "a list entry ('- ') cannot start here; put the list on the lines below its field name, indented"
    elif "directive" in context:
        line, col = (open_line, open_col) if opened else (line, col)
        message = "a line cannot start with '%'; indent it under its field, or put the value in quotes"
    elif "undefined alias" in problem:
        message = "this *name refers to no &name anchor; write the value out instead"
    elif "duplicate anchor" in context:
        message = f"the anchor name is used twice (first at {at_open()}); each &name may be used once"
    else:
        detail = f"{context}, {problem}" if context and problem else problem or context or "unreadable YAML"
        message = f"{detail}; check the YAML syntax on this line"
    hidden = _YAML_ONLY_BREAK().search(lines[line - 1]) if 0 < line <= len(lines) else None
    if hidden:
        message += (
            f"; this line holds an invisible character (U+{ord(hidden[0]):04X}) that YAML reads as a line break:"
            f" delete it (at column {hidden.start() + 1})"
        )
    return ReadError(line, col, f"YAML syntax error: {message}")


_FIELD_LINE = compiled_when_used(r"^\s*(?:- )?[^\s\"'#:][^:#]*:(?:\s|$)")


def _runaway_quote(text: str, error_mark: Any) -> ReadError | None:
    """A quote not closed on its line, found when YAML has read on to the next quote and failed
    there: the error is reported where that quote opened, not lines below.

    It is the last quoted value before the error that spans lines, ends on the error's line, and
    swallowed at least one line that reads as a field of its own (`name: value`): a long text
    continued on purpose over several lines has no such line.
    """
    if error_mark is None:
        return None
    scanner = _NodeBuilder(text)
    found = None
    try:
        while scanner.check_token():
            token = scanner.get_token()
            assert token is not None  # check_token() said there is one
            if token.start_mark.index >= error_mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("\"", "'"):
                inside = editor_lines(text[token.start_mark.index : token.end_mark.index])
                if len(inside) > 1 and any(_FIELD_LINE().match(row) for row in inside[1:]):
                    found = token
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    if found is None:
        return None
    opened_at = _where(found.start_mark, text)
    closed_line = _where(found.end_mark, text)[0]
    if closed_line != _where(error_mark, text)[0]:
        return None
    return ReadError(
        *opened_at,
        f"YAML syntax error: this quote is not closed on its line, so YAML reads everything up to the"
        f" next quote (line {closed_line}) as one value; add the closing quote at the end of the value",
    )


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

NOT_TEXT_WORDS = _NULLS | _TRUE | _FALSE
NOT_TEXT_START = _NUMBER_START
"""A plain scalar is text as written (scalar_value) unless it is one of NOT_TEXT_WORDS or starts
with one of NOT_TEXT_START (a number, a date): the quick builder's test (fastbuild._scalar)."""


class Timestamp(dt.datetime):
    """A date with a time of day; case files use dates only, so the validator can say so."""


MAX_INT_DIGITS = 4300
"""Python reads no longer run of digits as a number (sys.int_info.default_max_str_digits): such a
scalar is text, as _int takes any it cannot read, so a number field says it is not a number and a
text field holds what was written -- rather than the run stopping on a ValueError."""


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


_NAN = float("nan")


def _float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered.endswith(".nan"):
        return _NAN  # one object, as in ruamel: two .nan keys in a block are the same key
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    return float(lowered)


class ImpossibleDate(ValueError):
    """A scalar shaped like a date that no calendar has (2026-02-30)."""


def _timestamp(match: re.Match[str]) -> dt.date:
    if match["y"]:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        year, month, day = int(match["Y"]), int(match["M"]), int(match["D"])
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ImpossibleDate(why_not_a_date(year, month, day)) from None
    if match["y"]:
        return dt.date(year, month, day)
    digits = match["f"] or ""
    microseconds = int(digits[:6].ljust(6, "0"))
    if len(digits) > 6 and digits[6] > "4":  # ruamel rounds the seventh digit, so do we
        microseconds += 1
    tz = None
    if match["tz"]:
        if match["tz"] == "Z":
            tz = dt.timezone.utc
        else:
            hours, _, minutes = match["tz"][1:].partition(":")
            offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
            tz = dt.timezone(-offset if match["tz"][0] == "-" else offset)
    stamp = Timestamp(
        int(match["Y"]),
        int(match["M"]),
        int(match["D"]),
        int(match["h"]),
        int(match["mi"]),
        int(match["s"]),
        min(microseconds, 999_999),
        tzinfo=tz,
    )
    if microseconds > 999_999:
        stamp = Timestamp.combine(stamp.date(), stamp.timetz()) + dt.timedelta(microseconds=1)
    return stamp


def scalar_value(node: ScalarNode) -> Any:
    """The Python value of a scalar node, read as ruamel.yaml's round-trip loader reads it.

    Raises ImpossibleDate for a date-shaped scalar that is not a real date. Explicit tags other
    than !!str are refused by the caller before this point, so only quoting and the text decide
    the type.
    """
    text = node.value
    if node.style or node.tag is not None:  # quoted, block or tagged !!str: always text
        return text
    if text in _NULLS:
        return None
    first = text[0]
    if text.isdigit() and text.isascii():  # hours, counts: the regexes below would say int too
        return int(text) if len(text) <= MAX_INT_DIGITS else text  # as _int reads what int() refuses
    if (
        len(text) == 10
        and text[4] == "-"
        and text[7] == "-"
        and text.isascii()
        and text[:4].isdigit()
        and text[5:7].isdigit()
        and text[8:].isdigit()
    ):  # YYYY-MM-DD, the most common scalar in a case file, read as _TIMESTAMP would
        try:
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            raise ImpossibleDate(why_not_a_date(int(text[:4]), int(text[5:7]), int(text[8:]))) from None
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
    """1-based (line, column) where a node starts (as an editor counts lines: see parse)."""
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

    Raises ReadError on repeated (aliased) collections, merge keys, repeated or non-scalar keys,
    and on anything scalar_value refuses: what ruamel's round-trip loader would read
    differently or refuse.
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
        result: dict[Any, Any] = {}
        for key_node, value_node in current.value:
            line, col = position(key_node)
            if not isinstance(key_node, ScalarNode):
                raise ReadError(line, col, "a name before ':' must be a single word or value, not a list or block")
            if key_node.value == "<<" and not key_node.style:
                raise ReadError(line, col, "merge keys (<<) are not supported in case files; write the fields out")
            key = walk(key_node)
            if key in result:
                raise ReadError(line, col, f"{key_node.value!r} appears twice in this block; keep one and delete the other")
            result[key] = walk(value_node)
        return result

    return None if node is None else walk(node)
