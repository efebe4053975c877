"""The stored answer: `casestaff due` (or `programs`) asked again, nothing changed, is answered
from a private file before typer, yaml or any of casestaff's core is imported (issue 11).

Why: a repeated morning run would otherwise start Python, import the command line, read the
settings and the packs, stat and look up every file in the cache and rebuild the same report --
about 0.15 x B -- to print what it printed an hour ago.

An answer is found by a key over everything the command line and its surroundings say: the
arguments, the current folder, today's date, the whole environment (COLUMNS, NO_COLOR, TERM,
CASESTAFF_CONFIG, HOME ...), whether each standard stream is a terminal and how it encodes, the
terminal's size, the Python that runs. It is served only when every input the run read is as
it was then: each folder it read (the names in it and which are folders), each case file,
casestaff.toml where config discovery looks for it (there, or still not there), the user's packs
and templates, casestaff's own code and data (packs, holiday tables), and the installed packages
(the folders they are installed in). Any doubt means a fresh run.

What is stored: the output's bytes exactly as they reached stdout, and the exit code. Only a run
that wrote nothing to stderr is stored (a run with problems or notes is never replayed), and
only when no input changed since shortly before the run began (a file saved during the run
could otherwise be missed). Stored owner-only in the cache folder, in `answers/`, and ignored
when that folder or file is another user's or others could have written it (files/permissions).
`--no-cache`, or `cache = false` in casestaff.toml, bypasses it.

This module is imported on every start, before anything else of casestaff's: the standard
library, files/permissions and files/digest only.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import islice
from pathlib import Path

from casestaff.files.digest import hex_digest
from casestaff.files.permissions import FILE_OTHERS_MAY_NOT, FOLDER_OTHERS_MAY_NOT, cache_root, distrust

TYPE_CHECKING = False  # typing costs 6 ms to import, and a stored answer is served in about 20
if TYPE_CHECKING:
    from typing import Any, BinaryIO

FORMAT = b"casestaff-answer 1\n"
STORED_COMMANDS = ("due", "programs")
"""The commands whose answers are stored: those run again and again unchanged, that only read."""
BYPASS = ("--no-cache", "--help", "--version")
UNSTABLE_ENV = ("_", "OLDPWD", "SHLVL")
"""Variables a shell changes between two runs of the same command without changing its answer."""
RACY_NS = 2_000_000_000
"""An input changed this close to the run's start is not trusted to show its change (files/cache.py too)."""
KEEP_NS = 3 * 86_400 * 1_000_000_000
"""Stored answers are keyed on the day: older ones are removed when a new one is stored."""

Signature = list[int]


def private_answers_folder() -> Path | None:
    """The answers folder, made owner-only when it is not there; None when it, or the cache folder
    holding it, is another user's or others could write in it (then nothing is kept there).
    Raises OSError when it cannot be made."""
    folder = answers_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return None if _distrusted(folder) else folder


def _distrusted(folder: Path) -> bool:
    """The answers folder, or the cache folder holding it, is another user's or others could write in it."""
    return any(distrust(f, FOLDER_OTHERS_MAY_NOT) is not None for f in (folder.parent, folder))


def answers_folder() -> Path:
    return cache_root() / "answers"


def key_of(argv: Sequence[str]) -> str | None:
    """The key of the answer to `casestaff ARGV` here and now; None when it is never stored."""
    if not argv or argv[0] not in STORED_COMMANDS or any(arg in BYPASS or arg.startswith("--no-cache=") for arg in argv):
        return None
    material = {
        "argv": list(argv),
        "cwd": os.getcwd(),
        "today": time.strftime("%Y-%m-%d"),
        "env": sorted((name, value) for name, value in os.environ.items() if name not in UNSTABLE_ENV),
        "streams": [_stream(stream) for stream in (sys.stdin, sys.stdout, sys.stderr)],
        "terminal": [_terminal_size(fd) for fd in (0, 1, 2)],
        "python": [sys.version, sys.executable, sys.prefix, sys.flags.utf8_mode],
        "user": os.geteuid() if hasattr(os, "geteuid") else None,
    }
    text = json.dumps(material, ensure_ascii=True, default=str)
    return hex_digest(text.encode("ascii"), 32)


def _stream(stream: Any) -> list[Any]:
    if stream is None:
        return [None]
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError, OSError):
        tty = None
    return [tty, getattr(stream, "encoding", None), getattr(stream, "errors", None)]


def _terminal_size(fd: int) -> list[int] | None:
    try:
        size = os.get_terminal_size(fd)
    except (OSError, ValueError):
        return None
    return [size.columns, size.lines]


# -- what a run read, and whether it is as it was -----------------------------------------------


CTIME_TELLS_CHANGES = os.name != "nt"
"""Whether a file's ctime is the time its content or metadata last changed, which no user can set
back (POSIX). On Windows it is not: os.stat gives the creation time there and, from Python 3.12,
os.fstat the change time, so a signature taken from an open file (files/yamlread.read_bounded)
would never equal one taken by name, and the cache and stored answers would never be used.
There signatures leave it out (0); the file index (inode) still tells a replaced file."""


def signature_of(info: os.stat_result) -> tuple[int, int, int, int, int, int]:
    """A file's (size, mtime_ns, inode, device, ctime_ns, mode) from its stat: what the platform
    says changes with it, the ctime slot 0 where ctime is no change time (CTIME_TELLS_CHANGES).
    The cache's signatures (files/cache.signature) are these too."""
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev, info.st_ctime_ns if CTIME_TELLS_CHANGES else 0, info.st_mode)


def signature(path: str) -> Signature | None:
    """A file's or folder's signature_of, as a list; None when it is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return list(signature_of(info))


def folder_identity(path: str, device: int, inode: int) -> tuple[int, int] | str:
    """What tells a folder from every other: its device and inode, or its real path where the file
    system gives no inode (0), which would make every folder look like the first one read."""
    return (device, inode) if inode else os.path.realpath(path)


def listed(name: str) -> bool:
    """Whether a folder's listing names an entry: not a hidden one (no case file, casestaff's own
    temp and lock files) nor Python's compiled __pycache__."""
    return not name.startswith(".") and name != "__pycache__"


def entries_of(folder: str) -> list[tuple[str, bool]] | None:
    """(name, whether a folder) of what is in `folder` that its listing names (`listed`), in name
    order; None when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            return sorted((entry.name, entry.is_dir()) for entry in entries if listed(entry.name))
    except OSError:
        return None


def listing(folder: str, entries: list[tuple[str, bool]] | None = None) -> str | None:
    """A digest of entries_of(folder) (`entries`, when already read): a case file added, removed
    or renamed, or a sub-folder made, changes it."""
    entries = entries if entries is not None else entries_of(folder)
    return None if entries is None else listing_of(entries)


def listing_of(entries: Iterable[tuple[str, bool]]) -> str:
    """The digest of a folder's listed entries, (name, whether a folder) in name order."""
    names = "\0".join(f"{name}/" if is_folder else name for name, is_folder in entries)
    return hex_digest(names.encode("utf-8", "surrogateescape"), 32)


class Inputs:
    """What a run read: folders (by their listing and identity) and files (by their signature,
    or by their absence)."""

    def __init__(self) -> None:
        self.folders: dict[str, list[Any]] = {}
        self.files: dict[str, Signature | None] = {}

    def folder(self, path: str, entries: list[tuple[str, bool]] | None = None) -> None:
        """A folder's listing and identity (`entries`: its entries_of, when already read)."""
        if path not in self.folders:
            self._listed(path, listing(path, entries))

    def _listed(self, path: str, digest: str | None) -> None:
        """A folder by the digest of its listing, with its identity and times."""
        info = signature(path)
        self.folders[path] = [digest, info[2:4] if info else None]
        self.files.setdefault(path, info)  # its times: for the racy check only

    def file(self, path: str, known: Sequence[int] | None = None) -> None:
        """A file's signature: `known`, when the run already took it (cache.signature: the same
        facts in the same order; kept as it is, not copied), else from a stat now."""
        if path not in self.files:
            self.files[path] = known if known is not None else signature(path)  # type: ignore[assignment]

    def tree(
        self,
        root: str,
        *,
        recursive: bool,
        only: Callable[[str], bool] | None = None,
        known: Mapping[str, Sequence[int]] | None = None,
    ) -> None:
        """`root` and what is in it (see entries_of), following links to folders once: each
        folder's listing, each file's signature (only those `only(name)` accepts, when given;
        from `known`, by absolute path, where the run already took it)."""
        known = known or {}
        seen: set[tuple[int, int] | str] = set()
        pending = [root]
        while pending:
            folder = pending.pop()
            info = signature(folder)
            if info is None:
                continue
            identity = folder_identity(folder, info[3], info[2])
            if identity in seen:
                continue
            seen.add(identity)
            entries = entries_of(folder)
            self.folder(folder, entries)
            prefix = os.path.join(folder, "")  # os.path.join(folder, name), once per folder
            for name, is_folder in entries or []:
                path = prefix + name
                if is_folder:
                    if recursive:
                        pending.append(path)
                elif only is None or only(name):
                    self.file(path, known.get(path))

    def read_as_found(self, listings: Mapping[str, str | None], known: Mapping[str, Sequence[int]]) -> None:
        """The folders a run read to find its case files, by the listing it took of each as it read
        it (None: it could not), and the case files it read, by the signatures it took: what
        `tree` would find by reading every folder again (10,000 files: some 15 ms)."""
        for folder, digest in listings.items():
            if folder not in self.folders:
                self._listed(folder, digest)
        for path, taken in known.items():
            self.file(path, taken)

    def take(self, other: Inputs) -> None:
        """What `other` recorded, besides what this has: the same reading, not a second one."""
        for path, folder in other.folders.items():
            self.folders.setdefault(path, folder)
        for path, info in other.files.items():
            self.files.setdefault(path, info)

    def changed_since(self, started_ns: int) -> bool:
        """Whether any input changed after (or too near) `started_ns`: its change may not be in the answer."""
        return any(info is not None and max(info[1], info[4]) >= started_ns - RACY_NS for info in self.files.values())

    def as_data(self) -> dict[str, Any]:
        return {"folders": self.folders, "files": self.files}


def unchanged(inputs: dict[str, Any]) -> bool:
    """Every folder and file a stored answer read is as it was (files that were absent still are)."""
    for path, (digest, identity) in inputs["folders"].items():
        info = signature(path)
        if (info[2:4] if info else None) != identity or listing(path) != digest:
            return False
    for path, recorded in inputs["files"].items():
        if path in inputs["folders"]:
            continue  # a folder's times change with its hidden files; its listing and identity decide
        if signature(path) != recorded:
            return False
    return True


# -- serving --------------------------------------------------------------------------------------


def serve(argv: Sequence[str], out: BinaryIO | None = None) -> int | None:
    """Write the stored answer to `casestaff ARGV` to stdout and return its exit code; None when
    there is none to trust (then the command runs)."""
    key = key_of(argv)
    if key is None:
        return None
    stored = _read(answers_folder() / f"{key}.answer")
    if stored is None:
        return None
    header, output = stored
    try:
        if header.get("key") != key or not unchanged(header["inputs"]):
            return None
        code = int(header["code"])
    except (TypeError, ValueError, KeyError, AttributeError):  # not an answer this code wrote: run the command
        return None
    target = out if out is not None else sys.stdout.buffer
    target.write(output)
    target.flush()
    return code


def _read(path: Path) -> tuple[dict[str, Any], bytes] | None:
    if _distrusted(path.parent):  # the answers folder
        return None
    try:
        with open(path, "rb") as file:
            if distrust(path, FILE_OTHERS_MAY_NOT) is not None:
                return None
            data = file.read()
    except OSError:
        return None
    if not data.startswith(FORMAT):
        return None
    header, _, output = data[len(FORMAT) :].partition(b"\n")
    try:
        parsed = json.loads(header)
    except ValueError:
        return None
    return (parsed, output) if isinstance(parsed, dict) else None


def encoded(key: str, code: int, inputs: Inputs, output: Copy) -> Callable[[BinaryIO], None]:
    """What writes the stored answer into its file: the header, then the output's bytes as they
    are -- neither joined into one more copy of what may be tens of megabytes (issue 11)."""

    def write(stream: BinaryIO) -> None:
        stream.write(FORMAT)
        for piece in header_pieces(key, code, inputs):
            stream.write(piece.encode("ascii"))
        stream.write(b"\n")
        output.write_to(stream)

    return write


HEADER_BATCH = 1000
"""Files' signatures per piece of a stored answer's header."""


def header_pieces(key: str, code: int, inputs: Inputs) -> Iterator[str]:
    """The stored answer's header -- json.dumps({"key", "code", "inputs": inputs.as_data()}),
    byte for byte -- in pieces of HEADER_BATCH files: at 50,000 files the whole of it was some
    14 MB of text and bytes at the run's peak."""
    yield _dumps({"key": key, "code": code})[:-1]
    yield f',"inputs":{{"folders":{_dumps(inputs.folders)},"files":{{'
    files = iter(inputs.files.items())
    separator = ""
    while batch := dict(islice(files, HEADER_BATCH)):
        yield separator + _dumps(batch)[1:-1]
        separator = ","
    yield "}}}"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def old_answers(now_ns: int) -> Iterable[Path]:
    """Stored answers from days that are gone (the date is part of every key)."""
    try:
        with os.scandir(answers_folder()) as entries:
            for entry in entries:
                if entry.name.endswith(".answer") and entry.stat().st_mtime_ns < now_ns - KEEP_NS:
                    yield Path(entry.path)
    except OSError:
        return


# -- recording a run ------------------------------------------------------------------------------


HELD_UP_TO = 4 * 1024 * 1024
"""Bytes of output a recording keeps in memory; past them the copy goes to a private temporary
file in the answers folder (the list of 50,000 cases is some 50 MB that no run need hold)."""


class Copy:
    """The copy of what a run wrote to a stream: in memory up to HELD_UP_TO bytes, then set down
    in a private temporary file (owner-only, gone when closed) -- in memory still, should that
    file not be possible. The run's own output never depends on it: should the file fail
    midway (a full disk), the copy is given up (`complete` is False) and no answer is stored."""

    def __init__(self) -> None:
        self.held = bytearray()
        self.spill: BinaryIO | None = None
        self.size = 0
        self.complete = True
        self.in_memory = False
        """Setting the copy down was tried and is not possible: it stays in memory."""

    def add(self, chunk: bytes) -> None:
        if not self.complete:
            return
        self.size += len(chunk)
        if self.spill is not None:
            try:
                self.spill.write(chunk)
            except OSError:
                self.give_up()
            return
        self.held += chunk
        if len(self.held) > HELD_UP_TO and not self.in_memory:
            self._set_down()

    def _set_down(self) -> None:
        import tempfile  # only a large output needs it

        self.in_memory = True  # unless what follows succeeds
        try:
            folder = private_answers_folder()
            if folder is None:
                return
            spill = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - open while the run writes; closed by close()
        except OSError:
            return
        try:
            spill.write(self.held)
        except OSError:
            spill.close()
            return
        self.spill, self.held, self.in_memory = spill, bytearray(), False

    def give_up(self) -> None:
        """No copy: what the run wrote cannot all be replayed, so none of it will be."""
        self.close()
        self.complete = False

    def __len__(self) -> int:
        return self.size

    def write_to(self, stream: BinaryIO) -> None:
        """Everything copied, written to `stream` a megabyte at a time."""
        if self.spill is None:
            stream.write(self.held)
            return
        import shutil  # loaded already by then (typer imports it); not on the stored answer's path

        self.spill.flush()
        self.spill.seek(0)
        shutil.copyfileobj(self.spill, stream, 1 << 20)
        self.spill.seek(0, os.SEEK_END)

    def close(self) -> None:
        if self.spill is not None:
            try:
                self.spill.close()
            except OSError:  # the copy is not needed any more
                pass
        self.spill, self.held, self.size = None, bytearray(), 0


class _Tee(io.RawIOBase):
    """Passes every byte on to the real stream and keeps a copy; a terminal stays a terminal."""

    def __init__(self, target: BinaryIO) -> None:
        super().__init__()
        self.target = target
        self.copy = Copy()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.target.write(chunk)
        self.copy.add(chunk)
        return len(chunk)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()


class Recording:
    """A run of a stored command, its stdout and stderr passed through and copied."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.started_ns = time.time_ns()
        self.original = (sys.stdout, sys.stderr)
        self.out = _Tee(sys.stdout.buffer)
        self.err = _Tee(sys.stderr.buffer)
        sys.stdout = self._text(sys.stdout, self.out)
        sys.stderr = self._text(sys.stderr, self.err)

    @staticmethod
    def _text(stream: Any, tee: _Tee) -> io.TextIOWrapper:
        return io.TextIOWrapper(
            tee,  # type: ignore[arg-type]  # a raw stream: write_through, nothing buffered here
            encoding=stream.encoding,
            errors=stream.errors,
            newline=None,  # "\n" as the platform's line ending, as the standard streams write it
            line_buffering=stream.line_buffering,
            write_through=True,
        )

    def output(self) -> tuple[Copy | None, bool]:
        """stdout's copy so far (the recording's own, not copied again: use it before the run
        writes more; None when it could not be kept whole), and whether anything went to stderr."""
        sys.stdout.flush()
        sys.stderr.flush()
        copy = self.out.copy
        return (copy if copy.complete else None), len(self.err.copy) > 0 or not self.err.copy.complete

    def stop(self) -> None:
        """The real streams back, everything written passed on; nothing more is recorded."""
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            sys.stdout, sys.stderr = self.original
            RECORDING[:] = [r for r in RECORDING if r is not self]
            self.out.copy.close()
            self.err.copy.close()


RECORDING: list[Recording] = []
"""The run being recorded in this process, if any (at most one)."""


def start_recording(argv: Sequence[str]) -> Recording | None:
    """Copy this run's output as it is written, when its answer may be stored."""
    key = key_of(argv)
    if key is None or sys.stdout is None or sys.stderr is None or not hasattr(sys.stdout, "buffer"):
        return None
    recording = Recording(key)
    RECORDING[:] = [recording]
    return recording


def package_folder() -> str:
    """casestaff's own code and data: every file of it is an input of every answer."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@cache
def package_inputs() -> Inputs:
    """casestaff's own files and folders, read once a process: the code fingerprint of the cache
    (files/cache.py) and every stored answer's inputs are worked out from this one reading."""
    inputs = Inputs()
    inputs.tree(package_folder(), recursive=True)
    return inputs


def installed_packages() -> list[str]:
    """The folders packages are installed in: installing, upgrading or removing one changes its
    listing. Not sys.path[0], the script's folder (or the current one, for `python -m`)."""
    return [os.path.abspath(entry) for entry in sys.path[1:] if entry and os.path.isdir(entry)]

