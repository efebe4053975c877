"""The one safe way to change a case file: splice in only the new text, check, then replace atomically.

Case files are typed by hand, so a write must leave every comment, blank line, quote, `~` or
`null`, odd indentation, BOM and CRLF line ending exactly as the user left them. Re-dumping the
whole document (even with ruamel.yaml's round-trip mode) normalises some of these, so this
module never re-dumps the document: it finds where the change goes from libyaml's node
positions, renders only the new entry with ruamel.yaml in the file's own indentation, and
splices that text in. The diff against the original is therefore exactly the added or changed
entry, by construction.

Before anything is written, the result must (1) parse back to the original data plus exactly the
intended change, and (2) validate as a case file. The write itself goes to an owner-only temp file
in the same folder (flushed and fsynced) and is moved over the original with `os.replace`, after
checking that the file on disk is still byte for byte what was read. Check and replace happen
under the folder's write lock (`.casestaff.lock`), so two casestaff commands writing at once are
served one after the other; a change that is not typed (an outcome file, a step marked done) is
then made again to the file as the other left it, a typed one is refused. Whenever a write is
refused or fails, what the user typed is saved aside to an owner-only file whose path is reported.

A temp file is named `.NAME.casestaff-HOST-PID-RANDOM.tmp` (never a case file name); one that a
killed write left behind is removed by a later write into the same folder once it is old and
its writer is gone.
"""

from __future__ import annotations

from codecs import BOM_UTF8
import copy
import datetime as dt
import io
import os
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from casestaff.model.plain import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from casestaff.files import yamlread
from casestaff.files.casefile import read_case
from casestaff.files.digest import sha256
from casestaff.files.permissions import data_root, group_name, own_folder, user_name
from casestaff.model.errors import Refused
from casestaff.model.pack import Pack
from casestaff.model.problems import Problem
from casestaff.model.patterns import compiled_when_used

OWNER_ONLY = 0o600
_BREAKS = compiled_when_used(r"\r\n|\r|\n|\x85|\u2028|\u2029")


class WriteRefused(Refused):
    """Nothing was written: why, the problems found, and where the user's input was saved."""

    def __init__(self, message: str, *, problems: Sequence[Problem] = (), saved_to: Path | None = None) -> None:
        super().__init__(message, problems=problems)
        self.saved_to = saved_to


class EditImpossible(Refused):
    """The file is shaped so that the change cannot be spliced in safely (the message says how to fix it)."""


@dataclass(frozen=True)
class Layout:
    """A file's own indentation, in ruamel.yaml's terms.

    mapping: columns a nested block of fields is indented under its key;
    offset: columns from a key to the `-` of its list entries (0 when the dashes sit under the key);
    sequence: columns from a key to the text after the `-`.
    """

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


@dataclass(frozen=True)
class CaseText:
    """A case file as read for editing: its exact bytes, decoded text and parsed nodes."""

    path: Path
    data: bytes
    text: str
    root: MappingNode

    @property
    def bom(self) -> bool:
        return self.data.startswith(BOM_UTF8)

    @property
    def newline(self) -> str:
        """The file's most common line ending ('\\n' for a file without any)."""
        counts = Counter(match.group() for match in _BREAKS().finditer(self.text))
        return counts.most_common(1)[0][0] if counts else "\n"

    def plain(self) -> Any:
        return yamlread.to_plain(self.root)

    def encode(self, text: str) -> bytes:
        """New text as bytes the way the file was stored (keeping a BOM if it had one)."""
        return (BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


def read_for_edit(path: Path) -> CaseText:
    """Read a case file's bytes once; the same bytes are compared again just before replacing it.

    Raises OSError when unreadable and yamlread.ReadError when it is not YAML.
    """
    data = path.read_bytes()
    text = yamlread.decode(data)
    root = yamlread.parse(text)
    if not isinstance(root, MappingNode):
        raise yamlread.ReadError(1, 1, "the file is not a block of fields (case_id:, program: ...)")
    if root.flow_style:
        line, col = yamlread.position(root)
        raise yamlread.ReadError(line, col, "the case file is written in { } braces; write one 'field: value' per line")
    return CaseText(path=path, data=data, text=text, root=root)


# -- finding places in the text -----------------------------------------------------------------


def _value_of(mapping: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _is_block(node: Node) -> bool:
    return isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and bool(node.value)


def _content_end(text: str, node: Node) -> int:
    """Index just after the last character that belongs to `node`'s value (comments excluded)."""
    if isinstance(node, MappingNode) and _is_block(node):
        return _content_end(text, node.value[-1][1])
    if isinstance(node, SequenceNode) and _is_block(node):
        return _content_end(text, node.value[-1])
    end = node.end_mark.index
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        # a block scalar's end mark lies after its trailing blank lines
        while end > node.start_mark.index and text[end - 1] in " \t\r\n\x85\u2028\u2029":
            end -= 1
    return end


_SAME_LINE_COMMENT = compiled_when_used(r"[ \t]+#[^\r\n\x85\u2028\u2029]*")


def _past_same_line_comment(text: str, index: int) -> int:
    """Index after the comment that follows `index` on its line (`value  # note`), else `index`."""
    match = _SAME_LINE_COMMENT().match(text, index)
    return match.end() if match else index


def _after_line(text: str, index: int) -> int:
    """Index of the start of the line after the one holding `index` (len(text) at the end)."""
    match = _BREAKS().search(text, index)
    return match.end() if match else len(text)


def _skip_indented_comments(text: str, start: int, deeper_than: int) -> int:
    """Move past the comment lines right after `start` indented more than `deeper_than` columns.

    Such comments belong to the block above (a note on the last entry, or a commented example
    entry in a `casestaff new` skeleton); the new entry goes after them.
    """
    position = start
    while position < len(text):
        line_end = _BREAKS().search(text, position)
        line = text[position : line_end.start() if line_end else len(text)]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= deeper_than:
            break
        position = line_end.end() if line_end else len(text)
    return position


def _colon_end(text: str, key: ScalarNode) -> int:
    """Index just after the ':' that follows a key."""
    index = text.index(":", key.end_mark.index)
    return index + 1


def detect_layout(root: Node) -> Layout:
    """The indentation the file itself uses most, so new entries look like the ones around them."""
    mapping_steps: Counter[int] = Counter()
    sequence_shapes: Counter[tuple[int, int]] = Counter()

    def walk(node: Node) -> None:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if _is_block(value_node) and not node.flow_style:
                    key_col = key_node.start_mark.column
                    if isinstance(value_node, MappingNode):
                        mapping_steps[value_node.start_mark.column - key_col] += 1
                    else:
                        dash_col = value_node.start_mark.column
                        item = value_node.value[0]
                        gap = item.start_mark.column - dash_col if item.start_mark.line == value_node.start_mark.line else 2
                        sequence_shapes[(dash_col - key_col, max(gap, 2))] += 1
                walk(value_node)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                walk(item)

    walk(root)
    mapping = mapping_steps.most_common(1)[0][0] if mapping_steps else 2
    if sequence_shapes:
        offset, gap = sequence_shapes.most_common(1)[0][0]
    else:
        offset, gap = 2, 2
    return Layout(mapping=max(mapping, 1), sequence=offset + gap, offset=offset)


def _sequence_layout(root_layout: Layout, key: ScalarNode, sequence: SequenceNode) -> Layout:
    """The layout for one more entry of this very list: its own dash column wins."""
    dash_col = sequence.start_mark.column
    first = sequence.value[0]
    gap = first.start_mark.column - dash_col if first.start_mark.line == sequence.start_mark.line else 2
    offset = dash_col - key.start_mark.column
    return Layout(mapping=root_layout.mapping, sequence=offset + max(gap, 2), offset=offset)


# -- rendering new entries ------------------------------------------------------------------------


def _rendered_lines(data: Mapping[str, Any], layout: Layout) -> list[str]:
    """`data` as ruamel.yaml writes it in `layout`, line by line, column 0 based."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.width = 88
    yaml.allow_unicode = True
    # Never write &anchors/*aliases, e.g. for one date object used twice.
    yaml.representer.ignore_aliases = lambda data: True
    buffer = io.StringIO()
    yaml.dump(dict(data), buffer)
    # split on \n only: str.splitlines() would also split at characters inside quoted values
    return buffer.getvalue().rstrip("\n").split("\n")


def render_entry(key: str, item: Any, layout: Layout) -> list[str]:
    """The lines of one new list entry under `key:` (without the key line), column 0 based."""
    return _rendered_lines({key: [item]}, layout)[1:]


def _indent(lines: Sequence[str], columns: int) -> list[str]:
    return [(" " * columns + line) if line.strip() else line for line in lines]


# -- the edits ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Splice:
    """Replace text[start:end] with `insert`."""

    start: int
    end: int
    insert: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.insert + text[self.end :]


def _as_plain(value: Any) -> Any:
    """ruamel containers and scalar-string subclasses as the plain data yamlread gives back."""
    if isinstance(value, Mapping):
        return {k: _as_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def append_entry(doc: CaseText, key: str, item: Any) -> tuple[str, Any]:
    """(new text, expected data) with `item` appended to the top-level list `key`.

    `item` is a mapping (ruamel CommentedMap for flow-styled parts) in the order to write it.
    The entry goes after the list's last entry and the comments indented under it; an empty
    list (`key:`, `~`, `null`, `[]`) loses only its empty value; a missing list is added at the end.
    """
    text = doc.text
    layout = detect_layout(doc.root)
    found = _value_of(doc.root, key)
    header: list[str] = []
    if found is None:
        key_col = doc.root.start_mark.column
        header = [" " * key_col + f"{key}:"]
        drop_from = drop_to = insert_at = _skip_indented_comments(text, _after_line(text, _content_end(text, doc.root)), -1)
    else:
        key_node, value = found
        key_col = key_node.start_mark.column
        if isinstance(value, SequenceNode) and value.value and not value.flow_style:
            layout = _sequence_layout(layout, key_node, value)
            end = _content_end(text, value)
            drop_from = drop_to = insert_at = _skip_indented_comments(text, _after_line(text, end), key_col)
        elif (isinstance(value, ScalarNode) and yamlread.scalar_value(value) is None) or (
            isinstance(value, SequenceNode) and not value.value
        ):
            drop_from = _colon_end(text, key_node)
            drop_to = max(value.end_mark.index, drop_from)
            insert_at = _skip_indented_comments(text, _after_line(text, drop_to), key_col)
        elif isinstance(value, SequenceNode):
            line, col = yamlread.position(value)
            raise EditImpossible(
                f"{doc.path}:{line}:{col}: {key} is written on one line in [ ] brackets; write it as a list"
                " with one '- ' entry per line, then run the command again"
            )
        else:
            line, col = yamlread.position(value)
            raise EditImpossible(f"{doc.path}:{line}:{col}: {key} must be a list to add an entry to it")
    lines = header + _indent(render_entry(key, item, layout), key_col)
    block = doc.newline.join(lines) + doc.newline
    if insert_at == len(text) and text and not text.endswith(("\n", "\r")):
        block = doc.newline + block
    new_text = text[:drop_from] + text[drop_to:insert_at] + block + text[insert_at:]
    return new_text, _expected_append(doc, key, item)


def _expected_append(doc: CaseText, key: str, item: Any) -> Any:
    expected = doc.plain()
    expected[key] = [*(expected.get(key) or []), _as_plain(item)]
    return expected


def _render_field(name: str, value: Any, layout: Layout, column: int, newline: str) -> str:
    """`name: value` as written at `column` (the first line without its indent), in the file's layout."""
    lines = _rendered_lines({name: value}, layout)
    return newline.join([lines[0], *_indent(lines[1:], column)])


def replace_entry(doc: CaseText, key: str, index: int, item: Mapping[str, Any]) -> tuple[str, Any]:
    """(new text, expected data) with entry `index` of the top-level list `key` replaced by `item`.

    The entry stays where it is. A field whose value is unchanged keeps its text, comments and
    all; a changed field is rewritten in place, dropping the comment after its old value; a field
    `item` lacks loses its lines, and a new one goes after the field before it in `item`'s order.
    Everything outside the entry is untouched.
    """
    text = doc.text
    found = _value_of(doc.root, key)
    sequence = found[1] if found is not None else None
    if found is None or not isinstance(sequence, SequenceNode) or not _is_block(sequence) or index >= len(sequence.value):
        raise EditImpossible(f"{doc.path}: there is no entry {index + 1} under {key}: to change")
    entry = sequence.value[index]
    line, col = yamlread.position(entry)
    if not isinstance(entry, MappingNode) or not _is_block(entry):
        raise EditImpossible(f"{doc.path}:{line}:{col}: this {key} entry is written on one line in {{ }}; write it one field per line, then run the command again")
    layout = _sequence_layout(detect_layout(doc.root), found[0], sequence)
    column = entry.start_mark.column
    old: dict[str, tuple[Node, Node]] = {str(getattr(k, "value", "")): (k, v) for k, v in entry.value}
    splices: list[Splice] = []
    for name, (key_node, value_node) in old.items():
        end = _content_end(text, value_node)
        if name not in item:
            if key_node is entry.value[0][0]:
                raise EditImpossible(f"{doc.path}:{line}:{col}: the first field of this entry, {name}, cannot be removed; change the entry by hand")
            start = max(text.rfind("\n", 0, key_node.start_mark.index), text.rfind("\r", 0, key_node.start_mark.index)) + 1
            splices.append(Splice(start, _after_line(text, end), ""))
        elif yamlread.to_plain(value_node) != _as_plain(item[name]):
            end = _past_same_line_comment(text, end)  # it spoke of the old value
            splices.append(Splice(key_node.start_mark.index, end, _render_field(name, item[name], layout, column, doc.newline)))
    names = list(item)
    added: dict[int, str] = {}  # several new fields after one old field go in `item`'s order
    for position, name in enumerate(names):
        if name in old:
            continue
        before = next((n for n in reversed(names[:position]) if n in old), None)
        if before is None:
            raise EditImpossible(f"{doc.path}:{line}:{col}: {name} would come first in this entry; change the entry by hand")
        at = _after_line(text, _content_end(text, old[before][1]))
        prefix = doc.newline if at == len(text) and not text.endswith(("\n", "\r")) else ""
        field = " " * column + _render_field(name, item[name], layout, column, doc.newline) + doc.newline
        added[at] = added.get(at, prefix) + field
    splices += [Splice(at, at, fields) for at, fields in added.items()]
    new_text = text
    for splice in sorted(splices, key=lambda s: (s.start, s.end), reverse=True):
        new_text = splice.apply(new_text)
    expected = copy.deepcopy(doc.plain())
    expected[key][index] = _as_plain(item)
    return new_text, expected


def _node_at(doc: CaseText, path: Sequence[str | int]) -> Node:
    node: Node = doc.root
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, SequenceNode) or step >= len(node.value):
                raise EditImpossible(f"{doc.path}: no entry {step + 1} at {'.'.join(map(str, path))}")
            node = node.value[step]
        else:
            found = _value_of(node, step) if isinstance(node, MappingNode) else None
            if found is None:
                raise EditImpossible(f"{doc.path}: no field {step} at {'.'.join(map(str, path))}")
            node = found[1]
    return node


def set_field(doc: CaseText, path: Sequence[str | int], key: str, value: dt.date | int | float | bool) -> tuple[str, Any]:
    """(new text, expected data) with `key: value` set in the block of fields at `path`.

    Only scalars that are written the same in every YAML style (dates, numbers, true/false)
    are set this way; the existing value, if any, must be empty (`key:`, `~` or `null`).
    """
    text = doc.text
    target = _node_at(doc, path)
    if not isinstance(target, MappingNode):
        line, col = yamlread.position(target)
        raise EditImpossible(f"{doc.path}:{line}:{col}: expected a block of fields here")
    shown = value.isoformat() if isinstance(value, dt.date) else ("true" if value is True else "false" if value is False else str(value))
    found = _value_of(target, key)
    if found is not None:
        key_node, old = found
        if not isinstance(old, ScalarNode) or yamlread.scalar_value(old) is not None:
            line, col = yamlread.position(old)
            raise EditImpossible(f"{doc.path}:{line}:{col}: {key} already has a value; change it by hand if it is wrong")
        colon = _colon_end(text, key_node)
        if old.end_mark.index > colon:  # `key: ~` or `key: null`
            splice = Splice(old.start_mark.index, old.end_mark.index, shown)
        else:  # `key:` with nothing after it
            splice = Splice(colon, colon, " " + shown)
    elif target.flow_style:
        last_value = target.value[-1][1] if target.value else None
        if last_value is None:
            at = text.index("{", target.start_mark.index) + 1
            splice = Splice(at, at, f"{key}: {shown}")
        else:
            at = _content_end(text, last_value)
            splice = Splice(at, at, f", {key}: {shown}")
    else:
        end = _content_end(text, target)
        at = _after_line(text, end)
        column = target.start_mark.column
        prefix = doc.newline if at == len(text) and not text.endswith(("\n", "\r")) else ""
        splice = Splice(at, at, prefix + " " * column + f"{key}: {shown}" + doc.newline)
    expected = copy.deepcopy(doc.plain())
    place = expected
    for step in path:
        place = place[step]
    place[key] = value
    return splice.apply(text), expected


def remove_field(doc: CaseText, path: Sequence[str | int], key: str) -> tuple[str, Any]:
    """(new text, expected data) with the `key:` line removed from the block of fields at `path`.

    Only a field written on a line of its own (or after a comma in `{ }`) is removed, and
    nothing else: a comment on its line, or the field first after a `- `, is left to a person.
    """
    text = doc.text
    target = _node_at(doc, path)
    found = _value_of(target, key) if isinstance(target, MappingNode) else None
    if found is None or not isinstance(target, MappingNode):
        line, col = yamlread.position(target)
        raise EditImpossible(f"{doc.path}:{line}:{col}: there is no {key} here to remove")
    key_node, old = found
    line, col = yamlread.position(key_node)
    by_hand = f"{doc.path}:{line}:{col}: remove the '{key}:' line by hand, then check the file"
    if not isinstance(old, ScalarNode):
        raise EditImpossible(f"{by_hand}: its value is not a single value")
    end = _content_end(text, old)
    if target.flow_style:
        index = [k for k, _ in target.value].index(key_node)
        if index == 0:
            raise EditImpossible(f"{by_hand}: it comes first in {{ }}")
        splice = Splice(_content_end(text, target.value[index - 1][1]), end, "")
    else:
        start = max(text.rfind("\n", 0, key_node.start_mark.index), text.rfind("\r", 0, key_node.start_mark.index)) + 1
        stop = _after_line(text, end)
        if text[start : key_node.start_mark.index].strip(" \t") or text[end:stop].strip():
            raise EditImpossible(f"{by_hand}: its line holds more than the field")
        splice = Splice(start, stop, "")
    expected = copy.deepcopy(doc.plain())
    place = expected
    for step in path:
        place = place[step]
    del place[key]
    return splice.apply(text), expected


# -- writing --------------------------------------------------------------------------------------


SAVED_FOLDER = "saved"
"""The folder in the user's own casestaff data folder (permissions.data_root) that takes typed
input the case folder will not."""


def _aside_places(case_path: Path, what: str, stamp: str) -> Iterator[tuple[Path, str]]:
    yield case_path.parent, f".{case_path.stem}.unsaved-{what}-{stamp}"
    own = own_folder(data_root() / SAVED_FOLDER)  # made only when the case folder refused
    if own is not None:
        yield own, f"unsaved-{what}-{stamp}"


def save_aside(case_path: Path, content: str, what: str = "outcome") -> Path | None:
    """Keep what the user typed in an owner-only file beside the case file, or -- when the case
    folder will not take it -- in the user's own private folder (`saved` in the casestaff data
    folder, 0700), under a name that does not carry the case's.

    Beside the case file the name starts with '.', so the caseload never mistakes it for a case
    file. None when no folder would take it (the caller then shows the text itself).
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for folder, stem in _aside_places(case_path, what, stamp):
        for attempt in range(100):
            suffix = f"-{attempt}" if attempt else ""
            candidate = folder / f"{stem}{suffix}.yaml"
            try:
                create_private(candidate, content.encode("utf-8"), durable=False)
            except FileExistsError:
                continue
            except OSError:
                break
            return candidate
    return None


def keep_input(case_path: Path, content: str, what: str = "outcome") -> tuple[Path | None, str]:
    """Save what the user typed aside: (where it went, the sentence that tells the user)."""
    saved = save_aside(case_path, content, what)
    if saved is None:
        return None, "What you entered could not be saved to a file; here it is:\n" + content
    return saved, f"What you entered is saved in {saved}"


def create_private(path: Path, data: bytes, durable: bool = True, mode: int = OWNER_ONLY) -> None:
    """Create a new file, owner-only unless `mode` says otherwise; never overwrite one (FileExistsError).

    `durable=False` tolerates a failing fsync: a copy that may not survive a power cut still
    beats losing what the user typed when the disk is in trouble.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, OWNER_ONLY)
    try:
        if mode != OWNER_ONLY and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # exactly `mode`, whatever the umask
        with os.fdopen(fd, "wb") as stream:
            fd = -1
            stream.write(data)
            stream.flush()
            try:
                os.fsync(stream.fileno())
            except OSError:
                if durable:
                    raise
    except BaseException:
        if fd >= 0:
            os.close(fd)
        path.unlink(missing_ok=True)
        raise


def create_whole(path: Path, data: bytes, mode: int = OWNER_ONLY) -> None:
    """Create a new file that appears whole or not at all, never over an existing one
    (FileExistsError): written to a temp file beside it, then linked to its name. Where the
    file system has no hard links, it is created in place (create_private)."""
    temp = _temp_path(path)
    create_private(temp, data, mode=mode)
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # FAT, some network shares: no hard links
        create_private(path, data, mode=mode)
    finally:
        temp.unlink(missing_ok=True)
    _sync_folder(path.parent if str(path.parent) else Path("."))


def write_private(
    path: Path, data: bytes | Callable[[BinaryIO], None], *, durable: bool = True, mode: int = OWNER_ONLY
) -> None:
    """Write a file atomically (temp file in the same folder, then replace), owner-only unless
    `mode` says otherwise. `data` is the bytes, or a function that writes them into the temp
    file (a large cache is pickled straight into it, never held whole in memory).

    `durable=False` skips the fsyncs, for the cache: losing it to a power cut costs one slow run.
    """
    _replace_atomically(path, data, mode=mode, durable=durable)


def make_durable(paths: Sequence[Path]) -> None:
    """Make files written with `durable=False` survive a power cut, with one flush for the lot:
    a batch of outputs (agendas) costs one sync rather than two fsyncs a file.

    Each file was already written atomically and owner-only; until this returns, a power cut
    may lose some of them (never a case file: those are always written durably).
    """
    if not paths:
        return
    if hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows: each file flushed (a write handle is needed there)
        for path in paths:
            try:
                fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            except OSError:
                continue
            try:
                os.fsync(fd)
            except OSError:
                pass
            finally:
                os.close(fd)
    for folder in sorted({path.parent if str(path.parent) else Path(".") for path in paths}):
        _sync_folder(folder)


# Temp files: `.NAME.casestaff-HOST-PID-RANDOM.tmp`. The leading '.' and the '.tmp' ending keep
# the caseload (*.yaml, *.yml, never hidden files) from ever reading one as a case file; HOST and
# PID name the process that writes it, so a later run can tell a killed writer's leftover from a
# write in progress.
_TEMP_NAME = compiled_when_used(r"^\..*\.casestaff-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp$")
# What earlier casestaff left (tempfile.mkstemp): `.NAME.XXXXXXXX.tmp` beside NAME.
_LEGACY_TEMP_NAME = compiled_when_used(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
STALE_AFTER = 3600.0
"""Seconds after its last change that a temp file whose writer is gone counts as left over."""
LEGACY_STALE_AFTER = 86400.0
"""The same for the old names, whose writer cannot be told: a day, when no write lasts a second."""
SWEPT_FOLDERS: set[str] = set()
"""Folders already cleaned of leftovers by this process."""


class TempLeft(OSError):
    """A write failed, and its temp file could not be removed either.

    Carries the first error's errno and text (what the user must hear: e.g. the disk is full),
    the temp file's path and the error that kept it from being removed.
    """

    def __init__(self, original: OSError, temp: Path, cleanup: OSError) -> None:
        super().__init__(original.errno, original.strerror or str(original))
        self.original = original
        self.temp = temp
        self.cleanup = cleanup

    def note(self) -> str:
        return (
            f"the temporary file {self.temp} could not be removed either ({self.cleanup.strerror or self.cleanup});"
            " casestaff removes it on a later write, or delete it yourself"
        )


def host_tag() -> str:
    # On POSIX the node name os.uname gives is what gethostname() gives, without socket's 2 ms import.
    if hasattr(os, "uname"):
        name = os.uname().nodename
    else:  # pragma: no cover - Windows
        import socket

        name = socket.gethostname()
    return sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]


TEMP_PATH_MAX: int | None = 259 if os.name == "nt" else None
"""The longest whole path a temp file may have, or None: Windows, unless long paths are switched
on, opens no path past 259 characters, and a temp file's name is some 40 longer than the file's
-- a case file deep in a synced folder would be written in no way, with a baffling error."""


def _temp_path(path: Path) -> Path:
    tail = f".casestaff-{host_tag()}-{os.getpid()}-{os.urandom(4).hex()}.tmp"
    room = 100  # a long name plus the tail must stay within the 255 a name may have
    if TEMP_PATH_MAX is not None:  # the separator and the leading dot besides
        room = min(room, max(1, TEMP_PATH_MAX - len(os.path.abspath(path.parent)) - 2 - len(tail)))
    return path.with_name(f".{path.name[:room]}{tail}")


def _writer_gone(host: str, pid: int) -> bool:
    """Whether the process that named a temp file is provably gone (never guessed for another computer)."""
    if host != host_tag() or pid == os.getpid():
        return False
    if os.name != "posix":
        # Windows: os.kill would end the process. A writer that is alive holds its temp file open,
        # and Windows refuses to delete an open file, so the removal itself is the test.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, someone else's
        return False
    return False


def sweep_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temp files that killed writes left in `folder`: only casestaff's, only the
    current user's, only old enough, and only those whose writer is gone. Returns what was removed."""
    import time

    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        ours = _TEMP_NAME().match(name)
        legacy = None if ours else _LEGACY_TEMP_NAME().match(name)
        if ours is None and (legacy is None or not os.path.isfile(os.path.join(folder, legacy["name"]))):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            continue
        if ours is not None:
            if now - info.st_mtime < STALE_AFTER or not _writer_gone(ours["host"], int(ours["pid"])):
                continue
        elif now - info.st_mtime < LEGACY_STALE_AFTER:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _sweep_once(folder: Path) -> None:
    key = os.path.normcase(os.path.abspath(folder))
    if key not in SWEPT_FOLDERS:
        SWEPT_FOLDERS.add(key)
        sweep_leftovers(folder)


class NotOwner(Exception):
    """The file's owner or group cannot be given to the new file (only root may give a file away)."""

    def __init__(self, wanted: tuple[int, int], got: tuple[int, int]) -> None:
        super().__init__(f"owner {wanted}, got {got}")
        self.wanted = wanted
        self.got = got

    def describe(self, path: Path) -> str:
        (uid, gid), (my_uid, my_gid) = self.wanted, self.got
        if uid != my_uid:
            return (
                f"{path}: nothing was written: the file belongs to {user_name(uid)}, and casestaff cannot write it without"
                f" making it yours ({user_name(my_uid)}); record as {user_name(uid)}, or have the file given to you, then record again"
            )
        return (
            f"{path}: nothing was written: the file's group is {group_name(gid)}, which you are not in, and casestaff cannot"
            f" write it without changing its group to {group_name(my_gid)}; ask its owner to record this, or have its group"
            " changed, then record again"
        )


def _keep_owner(fd: int, owner: tuple[int, int]) -> None:
    """Give the new file the old one's owner and group (POSIX), or raise NotOwner."""
    info = os.fstat(fd)
    got = (info.st_uid, info.st_gid)
    if got == owner:
        return
    try:
        os.fchown(fd, owner[0] if owner[0] != got[0] else -1, owner[1] if owner[1] != got[1] else -1)
    except PermissionError:
        raise NotOwner(owner, got) from None


def _replace_atomically(
    path: Path, data: bytes | Callable[[BinaryIO], None], mode: int, before_replace=None, durable: bool = True, owner: tuple[int, int] | None = None
) -> None:
    """Write `data` to an owner-only temp file beside `path`, then move it over `path` in one step.

    With `owner` (uid, gid), the new file gets them (POSIX), or NotOwner is raised before
    anything is written. On any failure the temp file is removed and `path` is untouched; when
    the removal fails too, the first error is raised as a TempLeft (same errno and text) that
    also names the temp file.
    """
    folder = path.parent if str(path.parent) else Path(".")
    _sweep_once(folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temp = _temp_path(path)
        try:
            fd = os.open(temp, flags, OWNER_ONLY)
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue
        break
    try:
        try:
            if owner is not None and hasattr(os, "fchown"):
                _keep_owner(fd, owner)
            if callable(data):
                with open(fd, "wb", closefd=False) as stream:
                    data(stream)
            else:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, mode)
        _replace(temp, path, before_replace)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        except OSError as cleanup:
            if isinstance(exc, OSError):
                raise TempLeft(exc, temp, cleanup) from exc
        raise
    if durable:
        _sync_folder(folder)


REPLACE_WAITS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8) if os.name == "nt" else ()
"""Seconds to wait before each further try to replace a file another process has open: Windows
refuses (PermissionError) while a colleague's casestaff reads the folder or a virus scanner or
OneDrive looks at the file, for a moment; POSIX replaces an open file, so it never waits."""


def _replace(temp: Path, path: Path, before_replace: Callable[[], None] | None) -> None:
    """os.replace(temp, path), with `before_replace` (the check that `path` is unchanged) just
    before each try; tried again after each of REPLACE_WAITS while the system says `path` is busy."""
    for wait in (*REPLACE_WAITS, None):
        if before_replace is not None:
            before_replace()
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


class _ChangedOnDisk(Exception):
    pass


class _RereadFailed(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


# -- one writer at a time -------------------------------------------------------------------------

LOCK_NAME = ".casestaff.lock"
"""The lock file in a folder whose case files are being written. Its name starts with '.' and does
not end in .yaml/.yml, so the caseload never reads it. It is empty and may stay (on macOS and Linux
removing a lock file others may be waiting on would let two writers in at once)."""
LOCK_WAIT = 30.0
"""Seconds a write waits for another casestaff writing into the same folder before it gives up."""


class _LockBusy(Exception):
    def __init__(self, lock_file: Path) -> None:
        super().__init__(str(lock_file))
        self.lock_file = lock_file


class _LockFailed(Exception):
    def __init__(self, lock_file: Path, error: OSError) -> None:
        super().__init__(str(error))
        self.lock_file = lock_file
        self.error = error


def _lock_mode(folder: Path) -> int:
    """Owner-only, unless the folder lets others write in it: they must be able to take the lock too
    (the file is empty, so this shows nothing)."""
    mode = OWNER_ONLY
    if os.name == "posix":
        try:
            folder_mode = folder.stat().st_mode
        except OSError:
            return mode
        if folder_mode & stat.S_IWGRP:
            mode |= 0o060
        if folder_mode & stat.S_IWOTH:
            mode |= 0o006
    return mode


@contextmanager
def folder_lock(folder: Path, wait: float | None = None) -> Iterator[Path]:
    """Hold the exclusive write lock of `folder` (yields the lock file's path).

    The lock sits in a separate file, `.casestaff.lock`: a case file itself cannot carry it, since
    every write replaces the case file by a new one (os.replace) and a lock held on the old one
    would not stop a writer that opened the new one. The operating system releases the lock when
    its holder ends, however it ends, so a killed casestaff never leaves a folder locked.
    Raises _LockBusy after `wait` seconds (LOCK_WAIT by default), _LockFailed when it cannot be taken.
    """
    import warnings

    from filelock import FileLock, Timeout

    lock_file = folder / LOCK_NAME
    lock = FileLock(str(lock_file), timeout=LOCK_WAIT if wait is None else wait, mode=_lock_mode(folder))
    try:
        with warnings.catch_warnings():  # a file system without flock: filelock says so, and copes
            warnings.simplefilter("ignore")
            lock.acquire()
    except Timeout:
        raise _LockBusy(lock_file) from None
    except OSError as exc:
        raise _LockFailed(lock_file, exc) from None
    try:
        yield lock_file
    finally:
        lock.release()


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: `path` itself, or, when it is a symbolic link, the file
    it points to -- if that lies in the link's folder or below it. Else WriteRefused.

    Replacing the link itself would turn it into a separate file and leave its target without the
    new entry; a target elsewhere is refused, because following a link out of the case folder
    would let a link placed there make casestaff write to any file.
    """
    if not path.is_symlink():
        return path
    folder = os.path.realpath(path.parent if str(path.parent) else ".")
    target = os.path.realpath(path)
    try:
        inside = os.path.normcase(os.path.commonpath([folder, target])) == os.path.normcase(folder)
    except ValueError:  # Windows: another drive
        inside = False
    if not inside:
        raise WriteRefused(
            f"{path}: nothing was written: it is a link to {target}, outside the case folder {folder}, and casestaff"
            f" writes only inside the case folder; record into {target} itself, or put that file in the case folder in"
            " place of the link, then record again"
        )
    if not os.path.isfile(target):
        raise WriteRefused(f"{path}: nothing was written: it is a link to {target}, which is not a file")
    return Path(target)


def _hard_link_refusal(path: Path, names: int) -> str:
    """A file with several names (hard links) would be split by a replace: the other names would
    keep the old text. Writing in place instead would not be atomic (a crash could leave half a
    file), so casestaff refuses and says how to keep one name."""
    return (
        f"{path}: nothing was written: this file has {names} names on disk (hard links), and replacing it would leave"
        " the other names with the old text; keep a single name (copy the file to a new name, delete the old names,"
        " rename the copy back), then record again"
    )


Redo = Callable[[CaseText], tuple[str, Any]]
"""Makes the same change again to the file as it is now: (new text, expected data), or raises
WriteRefused / EditImpossible when the change no longer applies."""


def _checked(doc: CaseText, new_text: str, expected: Any, packs: Mapping[str, Pack]) -> bytes:
    """The new file's bytes, once they read back as `expected` and validate; else WriteRefused."""
    new_data = doc.encode(new_text)
    try:
        reread = yamlread.to_plain(yamlread.parse(yamlread.decode(new_data)))
    except yamlread.ReadError as exc:
        reread = exc
    if reread != expected:
        raise WriteRefused(
            f"{doc.path}: nothing was written: the change could not be added without touching other lines"
            " (please report this, with the file if you can)"
        )
    case, problems = read_case(new_data, str(doc.path), packs)
    if case is None:
        raise WriteRefused(f"{doc.path}: nothing was written: the result would not be a valid case file", problems=problems)
    return new_data


def _read_again(path: Path) -> bytes | None:
    """The file's bytes now (None when it is gone); an I/O error is _RereadFailed, never 'changed'."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None  # deleted or renamed meanwhile: changed
    except OSError as exc:
        raise _RereadFailed(exc) from exc


def commit(
    doc: CaseText,
    new_text: str,
    expected: Any,
    packs: Mapping[str, Pack],
    *,
    typed: str | None = None,
    what: str = "outcome",
    redo: Redo | None = None,
) -> None:
    """Replace the case file with `new_text`, or refuse and keep what the user typed.

    Refuses when the new text does not read back as `expected` (the original data plus exactly
    the change), when it would not validate as a case file, when the write fails, and when the
    file on disk changed since `doc` was read -- unless `redo` is given: then the file as it is
    now is read and `redo` makes the change to it again (re-checked the same way). All of this
    happens under the folder's write lock, so two casestaff commands never interleave their
    read-check-replace; another one waits up to LOCK_WAIT seconds. In every refusal the original
    is untouched.
    """
    path = doc.path

    def refuse(message: str, problems: Sequence[Problem] = ()) -> WriteRefused:
        if typed is None:
            return WriteRefused(message, problems=problems)
        saved, note = keep_input(path, typed, what)
        return WriteRefused(f"{message}\n{note}", problems=problems, saved_to=saved)

    try:
        new_data = _checked(doc, new_text, expected, packs)
    except WriteRefused as exc:
        raise refuse(exc.message, exc.problems) from None
    try:
        target = write_target(path)
    except WriteRefused as exc:
        raise refuse(exc.message) from None
    folder = target.parent
    try:
        with folder_lock(folder):
            _replace_under_lock(doc, target, new_data, packs, redo)
    except WriteRefused as exc:
        raise refuse(exc.message, exc.problems) from None
    except Exception as exc:  # any failure mid-write: the original is untouched, say so
        raise refuse(_why_not_written(exc, path, folder)) from None
    except BaseException:  # Ctrl-C mid-write: keep the input, then stop
        if typed is not None:
            save_aside(path, typed, what)
        raise


def _replace_under_lock(doc: CaseText, target: Path, new_data: bytes, packs: Mapping[str, Pack], redo: Redo | None) -> None:
    """Read-check-replace, called with the folder's write lock held so no other casestaff
    command interleaves: the file must still be what `doc` read (or `redo` makes the change
    again to what is there now), and it is checked once more just before the atomic replace."""
    path = doc.path
    if write_target(path) != target:  # the link was pointed elsewhere meanwhile
        raise _ChangedOnDisk()
    doc, new_data = _unchanged_or_redone(doc, new_data, packs, redo)
    seen = doc.data

    def still_the_same() -> None:  # an editor may still save meanwhile; casestaff cannot
        if _read_again(path) != seen:
            raise _ChangedOnDisk()

    mode, owner = _replaceable(target, path)
    _replace_atomically(target, new_data, mode=mode, before_replace=still_the_same, owner=owner)


def _unchanged_or_redone(doc: CaseText, new_data: bytes, packs: Mapping[str, Pack], redo: Redo | None) -> tuple[CaseText, bytes]:
    """(doc, new_data) when the file on disk is still what `doc` read; else the file as it is now
    and the change made to it again by `redo` (checked the same way), or _ChangedOnDisk without one."""
    path = doc.path
    current = _read_again(path)
    if current == doc.data:
        return doc, new_data
    if redo is None:
        raise _ChangedOnDisk()
    if current is None:
        raise WriteRefused(f"{path}: nothing was written: the file was deleted or moved meanwhile")
    doc = _reread(path, current)
    new_text, expected = redo(doc)
    return doc, _checked(doc, new_text, expected, packs)


def _replaceable(target: Path, path: Path) -> tuple[int, tuple[int, int] | None]:
    """(mode, owner) the new file is given, once the file may be replaced: it is writable
    (a rename would defeat a read-only lock) and has one name (a replace would split hard links)."""
    try:
        info = target.stat()
    except OSError as exc:
        raise WriteRefused(f"{path}: nothing was written: {exc.strerror or exc}; the file is unchanged") from None
    mode = info.st_mode & 0o777
    if not mode & stat.S_IWUSR:  # replacing would defeat the lock (a rename ignores it on POSIX)
        raise WriteRefused(
            f"{path}: nothing was written: the file is read-only; make it writable"
            " (or ask whoever locked it), then record again"
        )
    if info.st_nlink > 1:
        raise WriteRefused(_hard_link_refusal(path, info.st_nlink))
    owner = (info.st_uid, info.st_gid) if os.name == "posix" else None
    return mode, owner


def _why_not_written(exc: Exception, path: Path, folder: Path) -> str:
    """The refusal message for a failure while writing under the lock (not a WriteRefused): what
    went wrong, in the user's terms, and that the file is unchanged."""
    if isinstance(exc, EditImpossible):
        return f"{exc}"
    if isinstance(exc, NotOwner):
        return exc.describe(path)
    if isinstance(exc, _LockBusy):
        return (
            f"{path}: nothing was written: another casestaff command has been writing in {folder} for"
            f" {LOCK_WAIT:g} seconds (it holds {exc.lock_file}); try again in a moment"
        )
    if isinstance(exc, _LockFailed):
        return (
            f"{path}: nothing was written: {exc.lock_file} could not be created or locked"
            f" ({exc.error.strerror or exc.error}), and casestaff writes a case file only under its lock;"
            " the file is unchanged"
        )
    if isinstance(exc, _ChangedOnDisk):
        return (
            f"{path}: nothing was written: the file changed on disk while you were entering this"
            " (saved from an editor?). Check the file, then record again"
        )
    if isinstance(exc, _RereadFailed):
        return (
            f"{path}: nothing was written: reading the file again to check it before replacing it failed:"
            f" {exc.error.strerror or exc.error} (an error of the disk or the network drive, not a change to the file);"
            " the file is unchanged"
        )
    if isinstance(exc, TempLeft):
        return f"{path}: nothing was written: {exc.strerror}; the file is unchanged; {exc.note()}"
    if isinstance(exc, OSError):
        return f"{path}: nothing was written: {exc.strerror or exc}; the file is unchanged"
    return f"{path}: nothing was written: {exc}; the file is unchanged"


def _reread(path: Path, data: bytes) -> CaseText:
    """The file as it is now, for `redo`; WriteRefused when it no longer reads as a case file."""
    try:
        text = yamlread.decode(data)
        root = yamlread.parse(text)
    except yamlread.ReadError as exc:
        raise WriteRefused(
            f"{path}: nothing was written: the file changed on disk meanwhile and no longer reads as YAML"
            f" ({path}:{max(exc.line, 1)}:{max(exc.col, 1)}: {exc.message}); fix it, then run the command again"
        ) from None
    if not isinstance(root, MappingNode) or root.flow_style:
        raise WriteRefused(
            f"{path}: nothing was written: the file changed on disk meanwhile and is no longer a block of fields;"
            " check it, then run the command again"
        )
    return CaseText(path=path, data=data, text=text, root=root)
