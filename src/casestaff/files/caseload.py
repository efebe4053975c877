"""A caseload: every case file under the given paths, loaded, with every problem collected.

Two ways in:
- `load_caseload(paths, packs, today)` -> Caseload(cases, problems): the typed cases themselves.
- `run_caseload(paths, packs, job, today)` -> CaseloadRun(results, problems): a pure `job`
  (e.g. "the due-list entry as of this date") applied to every case. This is the fast path of
  `casestaff due` and `check`: files are read in parallel worker processes when there are many,
  and a private cache skips files that have not changed since the last run -- and skips the job
  too when it was already computed under the same key (same as-of date, same packs).

One broken file never hides the others: it is reported and left out, and the rest load.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import time
from operator import attrgetter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import field
from casestaff.model.plain import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from casestaff.files.cache import AnswerStore, CaseShard, FolderIndex, folder_stem, forget_answers, let_go, shard_of
from casestaff.files.cachecodec import case_bytes, case_from_bytes, decoded, encoded
from casestaff.files.casefile import read_case
from casestaff.model import records as model
from casestaff.model.errors import UsageError
from casestaff.model.pack import PackSet
from casestaff.model.problems import Problem
from casestaff.files import yamlread
from casestaff.files.cache import Days, Signature
from casestaff.files.cache import doubt as cache_doubt
from casestaff.files.cache import unchanged_since_read
from casestaff.files.cache import signature as file_signature
from casestaff.files import forked
from casestaff.files.answers import folder_identity, listed as listed_in_answers, listing_of
from casestaff.files.permissions import why_unreadable
from casestaff.files.writer import read_for_edit

CASE_SUFFIXES = (".yaml", ".yml")
PARALLEL_FROM = 200
"""Below this many files to parse, one process is faster than starting workers. Measured on this
project's 2-core machine (sample-shaped files, 2026-11-30): the pool costs about 40 ms of CPU
(forking, sending the answers back) and can save at most half the parsing, about 0.2 ms a file;
it cannot pay below some 200 files even with the second core idle (150 files: 0.20 s serial,
0.23 s with the pool; 400 files on a busy machine: 0.30 s against 0.34 s)."""

SPLIT_FROM = 50
"""From this many files to parse, and below PARALLEL_FROM, this process shares the work with one
forked child (files/forked.py) where the system can fork, rather than leave the second core idle.
Measured on this project's 2-core machine (sample-shaped files, cold, medians of 15-21 runs, the
machine not quite quiet; 2026-11-30): 24 files 98 -> 100 ms, 50 files 111 -> 110, 100 files 126
-> 115, 150 files 156 -> 137 (generator-shaped: 168 -> 141)."""

Births = tuple[tuple[int, int, int, str], ...]
"""(birth date as its ordinal, line, column, field) of each person in a case: what the check against
today needs, kept in the index and sent by the workers as plain numbers (issue 11: dates cost
twice as much to pickle -- 18 against 9 ms for the index of 10,000 sample-shaped files)."""


class PathError(UsageError):
    """A path given on the command line does not exist (a usage error, not a case problem)."""


class CaseJob(Protocol):
    """A pure function of one case, with a key naming everything its answer depends on."""

    @property
    def key(self) -> str: ...

    @property
    def answer_type(self) -> Any:
        """The type of the job's answer: the cache keeps answers as MessagePack and reads them
        back as this type (files/cachecodec.py)."""

    def __call__(self, case: model.Case) -> Any: ...


def _shared(job: CaseJob | None, result: Any, texts: dict[Any, Any]) -> Any:
    """An answer as the run keeps it: a job may make the texts its answers repeat one object each
    (`job.shared(result, texts)`, e.g. rules.due.DueJob), so 50,000 answers do not hold 50,000
    copies of each citation."""
    share = getattr(job, "shared", None)
    return result if share is None or result is None else share(result, texts)


@dataclass
class Caseload:
    cases: list[model.Case]
    problems: list[Problem]
    files: int
    stats: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """What was skipped while looking for case files that a user would want to know (linked
    folders already read or looping, folders that could not be read)."""


@dataclass
class CaseloadRun:
    results: list[Any]
    problems: list[Problem]
    files: int
    stats: dict[str, int] = field(default_factory=dict)
    shared_ids: dict[str, list[str]] = field(default_factory=dict)
    """Case ids found in more than one valid file, with every such file (the first one's result
    is in `results`, the others are problems)."""
    notes: list[str] = field(default_factory=list)
    """As Caseload.notes."""
    signatures: dict[str, Signature] = field(default_factory=dict)
    """Each case file's signature as this run found it (read, or found unchanged), by absolute
    path: what a stored answer records of them, without a second stat of each file."""
    listings: dict[str, str | None] = field(default_factory=dict)
    """Each folder read to find the case files, by absolute path: the digest of its listing as it
    was read (files/answers.listing_of; None: it could not be read). What a stored answer records
    of the folders, without reading them again."""


def is_case_file_name(name: str) -> bool:
    """The one rule for which names in a folder are case files: ending in .yaml or .yml, in any
    case (AMY.YAML too), and not hidden. Hidden names (starting with '.') are never case files:
    casestaff's own temp, lock and saved-aside files are named so, as are editors' swap files."""
    return not name.startswith(".") and name.lower().endswith(CASE_SUFFIXES)


def discover(paths: Sequence[Path], skip: Sequence[Path] = (), *, top_only: bool = False) -> list[Path]:
    """Case files under `paths` (see is_case_file_name), recursively, skipping hidden folders --
    or, with `top_only`, only those directly in each folder given.

    Only those that may be read: a named pipe, a device or a file over the size limit that
    carries a case file's name is left out here (`check` and `due` report it as a problem).
    """
    return [Path(name) for name in _discover_names(paths, skip, top_only=top_only) if _readable(name)]


def _readable(name: str) -> bool:
    try:
        return yamlread.refusal(os.stat(name), name) is None
    except OSError:
        return False


_LISTED = 3
"""How many folders a note names before it says how many more."""


def _note(what: str, items: list[str]) -> str:
    """`what` with {n}, {s} (plural s), {es} (verb s) and {them} filled in for len(items), then the items."""
    n = len(items)
    shown = "; ".join(items[:_LISTED]) + (f"; and {n - _LISTED} more" if n > _LISTED else "")
    words = what.format(n=n, s="" if n == 1 else "s", es="s" if n == 1 else "", them="it" if n == 1 else "them")
    return f"{words}: {shown}"


def _discover_names(
    paths: Sequence[Path],
    skip: Sequence[Path] = (),
    scanned: set[str] | None = None,
    notes: list[str] | None = None,
    *,
    top_only: bool = False,
    where: dict[str, tuple[str, str]] | None = None,
    listings: dict[str, str | None] | None = None,
) -> list[str]:
    """discover() as plain strings: 10,000 Path objects cost more than the stat calls.

    Every folder is read once: real sub-folders first, in name order (top-down, as a person
    reads the tree), then folders reached through symbolic links, unless that folder was read
    already -- which is also how a link that leads back into a folder above it (a loop) ends.
    `notes` collects what a user would want to know was skipped: such links, folders that
    could not be read, and links to nothing. `scanned` collects the folders read in full,
    whose caches may forget files no longer there. With `top_only`, a folder given is read
    without its sub-folders (the current folder when no case folder is set). `where` collects
    each file's absolute folder and name (_folders_and_names), worked out on the way; `listings`
    the digest of each folder's listing (CaseloadRun.listings).
    """
    walker = _FolderWalk(scanned, top_only=top_only, listings=listings)
    for path in paths:
        if path.is_file():
            walker.found.append(str(path))
        elif path.is_dir():
            walker.walk(os.fspath(path), os.stat(path))
        elif path.exists():  # a named pipe or a device given by name: reading reports what it is
            walker.found.append(str(path))
        else:
            raise PathError(f"no such file or folder: {path}")
    walker.follow_links()
    if notes is not None:
        notes.extend(walker.notes())
    return _unique_names(walker.found, skip, where, walker.located)


def _unique_names(
    found: list[str],
    skip: Sequence[Path],
    where: dict[str, tuple[str, str]] | None = None,
    located: dict[str, tuple[str, str]] | None = None,
) -> list[str]:
    """`found` less the files in `skip`, each file once (by its absolute path), in first-found
    order; `where` collects the absolute folder and name of each (_folders_and_names), `located`
    gives those already known (the files found in the folders read: 10,000 files, 6 ms)."""
    located = located if located is not None else {}
    if not skip and os.name != "nt" and len(located) == len(found):
        # Every file was found in a folder, each folder read once (by its identity: _FolderWalk):
        # no two can be the same file, and there is nothing to leave out (10,000 files: 5 ms).
        if where is not None:
            where.update(located)
        return list(found)
    skipped = {os.path.normcase(os.path.abspath(p)) for p in skip}
    normcase = os.path.normcase
    unique: dict[str, str] = {}
    if len(located) < len(found):  # files named on the command line, not found in a folder
        located = {**_folders_and_names([shown for shown in found if shown not in located]), **located}
    if os.name == "nt":  # Windows trims the dots and spaces a path's last part ends in: each file made absolute whole
        keyed = ((normcase(os.path.abspath(shown)), shown) for shown in found)
    else:  # each folder made absolute once (10,000 files: 18 -> 9 ms); in `found`'s order, not `located`'s
        keyed = ((normcase(_joined(*located[shown])), shown) for shown in found)
    for key, shown in keyed:
        if key not in skipped:
            unique.setdefault(key, shown)
    if where is not None:
        where.update((shown, located[shown]) for shown in unique.values())
    return list(unique.values())


def _reason(exc: OSError) -> str:
    """An OS error's reason in lower case, to follow a folder's name in a note."""
    return (exc.strerror or str(exc)).lower()


_NAME = attrgetter("name")


class _FolderWalk:
    """What _discover_names finds and skips as it reads folders, each folder once."""

    def __init__(self, scanned: set[str] | None, *, top_only: bool = False, listings: dict[str, str | None] | None = None) -> None:
        self.scanned = scanned
        self.listings = listings
        self.top_only = top_only
        self.found: list[str] = []
        self.located: dict[str, tuple[str, str]] = {}  # each file found -> its absolute folder and name
        self.read: dict[tuple[int, int] | str, str] = {}  # every folder read, by answers.folder_identity -> as shown
        self.links: list[str] = []  # symbolic links to folders, followed once every real folder is read
        self.already: list[str] = []
        self.loops: list[str] = []
        self.unreadable: list[str] = []
        self.dangling: list[str] = []

    def walk(self, top: str, info: os.stat_result) -> None:
        """Read `top` and its real sub-folders, top-down in name order; links wait in `links`."""
        stack = [(top, info)]
        while stack:
            folder, folder_info = stack.pop()
            identity = folder_identity(folder, folder_info.st_dev, folder_info.st_ino)
            if identity in self.read:
                if folder is not top:  # the same folder mounted twice (a folder named twice is read once, silently)
                    self.already.append(f"{folder} (= {self.read[identity]})")
                continue
            self.read[identity] = folder
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=_NAME)
            except OSError as exc:
                self.unreadable.append(f"{folder} ({_reason(exc)})")
                if self.listings is not None:
                    self.listings[os.path.abspath(folder)] = None
                continue
            absolute = os.path.abspath(folder)
            if self.scanned is not None:
                self.scanned.add(absolute)
            subfolders: list[tuple[str, os.stat_result]] = []
            listed: list[tuple[str, bool]] | None = []  # what answers.entries_of reads here
            for entry in entries:
                if not entry.name.startswith("."):
                    is_dir = self._take(entry, absolute, subfolders)
                    if listed is not None and listed_in_answers(entry.name):
                        if is_dir is None:
                            listed = None  # as entries_of, which cannot read such a folder
                        else:
                            listed.append((entry.name, is_dir))
            if self.listings is not None:
                self.listings[absolute] = None if listed is None else listing_of(listed)
            stack.extend(reversed(subfolders))

    def _take(self, entry: os.DirEntry[str], folder: str, subfolders: list[tuple[str, os.stat_result]]) -> bool | None:
        """File one folder entry of `folder` (its absolute path): a case file, a link to nothing, a
        linked folder or a sub-folder. Whether it is a folder (None: that could not be told)."""
        name = entry.name
        try:
            is_dir: bool | None = entry.is_dir()
        except OSError:
            is_dir = None
        if not is_dir:
            if is_case_file_name(name):
                self.found.append(entry.path)  # not ordinary, or a link to nothing: reading says so
                self.located[entry.path] = (folder, name)
            elif "." not in name and entry.is_symlink() and not os.path.exists(entry.path):
                self.dangling.append(f"{entry.path} -> {os.readlink(entry.path)}")  # a folder gone, or a loop of links
        elif self.top_only:
            pass  # a sub-folder, read only when named
        elif entry.is_symlink():
            self.links.append(entry.path)
        else:
            try:  # followed: a Windows junction is a real folder here, known by where it leads
                info = entry.stat()
                if not info.st_ino:  # Windows: a listing's entries have no device or inode; os.stat has them
                    info = os.stat(entry.path)
                subfolders.append((entry.path, info))
            except OSError as exc:
                self.unreadable.append(f"{entry.path} ({_reason(exc)})")
        return is_dir

    def follow_links(self) -> None:
        """Read each linked folder not read already; one that leads back above itself is a loop."""
        while self.links:
            link = self.links.pop(0)
            try:
                info = os.stat(link)
            except OSError as exc:
                self.unreadable.append(f"{link} ({_reason(exc)})")
                continue
            first = self.read.get(folder_identity(link, info.st_dev, info.st_ino))
            if first is None:
                self.walk(link, info)
            elif os.path.abspath(link).startswith(os.path.join(os.path.abspath(first), "")):
                self.loops.append(f"{link} (leads back to {first})")
            else:
                self.already.append(f"{link} (= {first})")

    def notes(self) -> list[str]:
        """One note for each kind of folder skipped, in a fixed order."""
        return [
            _note(what, items)
            for items, what in (
                (self.already, "skipped {n} linked folder{s} already read"),
                (self.loops, "skipped {n} linked folder{s} that lead{es} back into a folder above (a loop)"),
                (self.unreadable, "could not read {n} folder{s}; case files in {them} are not listed"),
                (self.dangling, "skipped {n} link{s} that lead{es} nowhere"),
            )
            if items
        ]


def read_bytes(shown: str) -> tuple[bytes | None, os.stat_result | None, list[Problem]]:
    """(bytes, stat, []) of one case file, or (None, None, [the located reason it is not read]).

    Only an ordinary file up to the size limit is opened (yamlread.read_file): a named pipe,
    a device or a huge file is a problem of its own, found from its stat in no time.
    """
    try:
        data, info = yamlread.read_file(shown)
    except yamlread.ReadError as exc:
        return None, None, [Problem(shown, max(exc.line, 1), max(exc.col, 1), exc.message)]
    except OSError as exc:
        return None, None, [Problem(shown, 1, 1, f"cannot read the file: {why_unreadable(shown, exc)}")]
    return data, info, []


def read_file(path: Path, packset: PackSet) -> tuple[model.Case | None, list[Problem]]:
    """Read and validate one case file (all checks but those against today's date)."""
    shown = str(path)
    data, _, problems = read_bytes(shown)
    if data is None:
        return None, problems
    return read_case(data, shown, packset.packs)


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Loading builds many small objects that all stay alive: collecting them is wasted time. A
    caseload's cases are millions of them; the packs' records, and the nodes they are read from,
    set off a dozen collections at every start (some 0.6 ms).

    They are frozen before collection resumes (gc.freeze: still freed when let go, never walked
    again by the cycle collector): otherwise the first collections after the load walk every one
    of them, twice -- about 0.1 s at 10,000 files."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def load_caseload(
    paths: Sequence[Path], packset: PackSet, today: dt.date, skip: Sequence[Path] = (), *, top_only: bool = False
) -> Caseload:
    """Load every case file under `paths` as typed cases, collecting problems across all of them
    (`top_only`: the files directly in a folder, not in its sub-folders)."""
    notes: list[str] = []
    files = [Path(name) for name in _discover_names(paths, skip, notes=notes, top_only=top_only)]
    cases: list[model.Case] = []
    problems: list[Problem] = []
    with quiet_gc():
        for path in files:
            case, found = read_file(path, packset)
            problems.extend(found)
            if case is not None:
                cases.append(case)
    problems.extend(_cross_checks(((c.file, c.case_id, c.at["case_id"], births(c)) for c in cases), today)[0])
    bad = {p.file for p in problems}
    problems.sort(key=lambda p: (p.file, p.line, p.col))
    return Caseload(cases=[c for c in cases if c.file not in bad], problems=problems, files=len(files), notes=notes)


# ---------------------------------------------------------------------------------------------
# The fast path: a job over every case, in parallel, memoised by file signature.


def births(case: model.Case) -> Births:
    """Birth dates with where they stand, so the check against today needs no Case (cache hits)."""
    people: list[tuple[Any, str]] = [(case.participant, "participant.birth_date")]
    people += [(member, f"household[{i}].birth_date") for i, member in enumerate(case.household, 1)]
    if case.child is not None:
        people.append((case.child, "child.birth_date"))
    return tuple((r.birth_date.toordinal(), *r.at["birth_date"], label) for r, label in people if r.birth_date is not None)


@dataclass(slots=True)
class _FileOutcome:
    shown: str
    signature: Signature | tuple[()]
    """The file's signature when it was read; () when it could not be."""
    read_ns: int
    problems: list[Problem]
    case_id: str | None
    case_id_at: tuple[int, int]
    births: Births
    result: Any
    how: str
    """"parsed", "recomputed" (from the cached case) or "cached" (the answer itself)."""


_Sent = tuple[str, "Signature | tuple[()]", int, list[Problem], "str | None", tuple[int, int], Births, Any, str, "Days | None"]
"""A _FileOutcome as a worker sends it: a plain tuple, the job's answer already encoded.

A tuple of builtins crosses the process boundary at a fraction of a dataclass's cost, and the
answer's bytes go into the cache as they are, never encoded a second time. The answer slot holds
its bytes, or `_Unencoded(answer)` when it has none (see _answer), or None without a job; the
last, the days the answer holds for, when the job's answers hold for days (see _answer)."""


class _Unencoded(tuple[Any]):
    """An answer that cannot be kept as MessagePack (it names a path that is not UTF-8), sent as
    itself: it reaches the list, and is not cached -- the next run computes it again."""


def _answer(job: CaseJob | None, case: model.Case) -> tuple[Any, Days | None]:
    """The job's answer for `case` as a worker sends it -- its bytes (cachecodec), or _Unencoded --
    and the days it holds for: a job with `answer_until` (rules/due.py DueJob) says until when
    its answer as of its `day` surely stays the same; any other job's answer holds for its key.
    Without the cache nothing is kept, so nothing is watched: the job is simply asked."""
    if job is None:
        return None, None
    day = _day_of(job) if _WORKER.get("fingerprint") is not None else None
    if day is None:
        answer, days = job(case), None
    else:
        answer, last = job.answer_until(case)  # type: ignore[attr-defined]  # a job with a day has it (_day_of)
        days = (day.toordinal(), last.toordinal())
    blob = encoded(answer)
    return (_Unencoded((answer,)), None) if blob is None else (blob, days)


def _day_of(job: CaseJob | None) -> dt.date | None:
    """The day a job asks its answers for, when they hold for days -- a job with `answer_until`
    and `day`, as rules/due.py's DueJob -- else None: its key names everything they depend on."""
    return getattr(job, "day", None) if hasattr(job, "answer_until") else None


def _received(sent: _Sent) -> tuple[_FileOutcome, Any, Days | None]:
    """The outcome a worker sent, its answer as sent (see _answer_from), and the days it holds for."""
    shown, signature, read_ns, problems, case_id, case_id_at, born, blob, how, days = sent
    return _FileOutcome(shown, signature, read_ns, problems, case_id, case_id_at, born, None, how), blob, days


def _answer_from(job: CaseJob | None, sent: Any) -> Any:
    """The answer a worker sent (see _answer), as the run keeps it."""
    if sent is None or job is None:
        return None
    if isinstance(sent, _Unencoded):
        return sent[0]
    found, answer = decoded(sent, job.answer_type)
    if not found:  # bytes encoded a moment ago always decode, unless the job's declared type is wrong
        raise TypeError(f"{type(job).__name__}.answer_type does not describe its answers")
    return answer


@dataclass(slots=True)
class _ShardTask:
    """Files of one folder that fall in one cache shard: what a worker process reads and writes."""

    folder: str
    shard: int
    items: list[tuple[str, str, tuple[Signature, int] | None]]
    """(path as shown, file name, the signature and time of reading the cache knows the file by,
    or None): the worker looks at the file itself, so the main process need not stat every file
    before the work begins (see unchanged_since_read)."""
    gone: list[str]
    kept: bool = True
    """Whether the cache keeps what is read here: not for a second path to a folder the run
    reaches by another (_cache_keepers)."""


_WORKER: dict[str, Any] = {}


def _init_worker(packset: PackSet, job: CaseJob | None, fingerprint: str | None) -> None:
    gc.disable()
    _WORKER.update(packset=packset, job=job, fingerprint=fingerprint)


def _parse_one(shown: str, shard: Any) -> _Sent:
    packset: PackSet = _WORKER["packset"]
    job: CaseJob | None = _WORKER["job"]
    read_ns = time.time_ns()
    data, info, problems = read_bytes(shown)
    if data is None or info is None:
        return (shown, (), read_ns, problems, None, (1, 1), (), None, "parsed", None)
    signature = file_signature(info)
    case, problems = read_case(data, shown, packset.packs)
    if case is None:
        return (shown, signature, read_ns, problems, None, (1, 1), (), None, "parsed", None)
    result, days = _answer(job, case)
    if shard is not None and (blob := case_bytes(case)) is not None:
        shard.put(os.path.basename(shown), signature, blob)
    return (shown, signature, read_ns, [], case.case_id, case.at["case_id"], births(case), result, "parsed", days)


def _run_task(task: _ShardTask) -> list[_Sent]:
    """Read (or recompute from the cache) every file of one shard; keep the shard up to date."""

    fingerprint: str | None = _WORKER["fingerprint"]
    job: CaseJob | None = _WORKER["job"]
    shard = CaseShard.open(task.folder, task.shard, fingerprint) if fingerprint is not None and task.kept else None
    outcomes: list[_Sent] = []
    for shown, name, known in task.items:
        trusted = _unchanged(shown, known) if shard is not None and known is not None else None
        blob = shard.get(name, trusted) if shard is not None and trusted is not None else None
        if blob is not None and trusted is not None:
            case = case_from_bytes(blob, shown)
            if case is not None:  # its id and birth dates: the index's, of this very version of the file
                answer, days = _answer(job, case)
                outcomes.append((shown, trusted, 0, [], None, (0, 0), (), answer, "recomputed", days))
                continue
        outcomes.append(_parse_one(shown, shard))
    if shard is not None:
        shard.drop(task.gone)
        shard.drop([os.path.basename(o[0]) for o in outcomes if o[3]])
        shard.save()
    return outcomes


def _unchanged(shown: str, known: tuple[Signature, int]) -> Signature | None:
    """The file's signature now, when the cache may trust what it holds of it (else None)."""
    try:
        now = file_signature(os.stat(shown))
    except OSError:
        return None
    return now if unchanged_since_read(*known, now) else None


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - Windows, macOS
        return os.cpu_count() or 1


def _start_method(workers: int, work: int) -> str | None:
    """How worker processes start for `work` files to parse, or None when one process is faster
    (then multiprocessing is not even imported: 8-15 ms of every small run)."""
    if workers <= 1 or work < PARALLEL_FROM:
        return None
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    threshold = PARALLEL_FROM if method == "fork" else PARALLEL_FROM * 4  # spawning re-imports everything
    return method if work >= threshold else None


def _run_tasks(
    tasks: list[_ShardTask],
    packset: PackSet,
    job: CaseJob | None,
    fingerprint: str | None,
    jobs: int | None,
    warm_up: Callable[[], None] | None,
) -> Iterator[_Sent]:
    """What each file's worker sent, task by task in the order they finish: each outcome is let go
    as soon as it is taken in, and a task that finishes first is not held while an earlier one
    runs -- at 50,000 files a task's outcomes are some 10 MB."""
    workers = min(jobs or _workers(), 8, len(tasks))
    work = sum(len(t.items) for t in tasks)
    largest_first = sorted(tasks, key=lambda t: -len(t.items))  # the last to finish is a small one
    method = _start_method(workers, work)
    if method is None:
        _init_worker(packset, job, fingerprint)
        if workers > 1 and work >= SPLIT_FROM and forked.can_split(len(tasks)):
            yield from forked.run_split(largest_first, _run_task)
            return
        for task in tasks:
            yield from _taken(_run_task(task))
        return
    import multiprocessing

    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    if warm_up is not None:
        warm_up()  # imported once here, inherited by every forked worker
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(packset, job, fingerprint),
    ) as pool:
        pending = {pool.submit(_run_task, task) for task in largest_first}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            while done:
                yield from _taken(done.pop().result())


def _taken(part: list[_Sent]) -> Iterator[_Sent]:
    """The outcomes of one task, each let go by the list as it is handed on."""
    for number, sent in enumerate(part):
        part[number] = None  # type: ignore[call-overload]  # the caller holds it now
        yield sent


def run_caseload(
    paths: Sequence[Path],
    packset: PackSet,
    job: CaseJob | None,
    today: dt.date,
    *,
    skip: Sequence[Path] = (),
    use_cache: bool = True,
    jobs: int | None = None,
    warm_up: Callable[[], None] | None = None,
    top_only: bool = False,
) -> CaseloadRun:
    """Apply `job` to every valid case under `paths`; problems for every file that is not.

    `warm_up` runs in this process before worker processes start, when they do (e.g. an
    import every worker would otherwise repeat).
    """

    scanned: set[str] = set()
    notes: list[str] = []
    where: dict[str, tuple[str, str]] = {}
    listings: dict[str, str | None] = {}
    files = _discover_names(paths, skip, scanned, notes, top_only=top_only, where=where, listings=listings)
    run = _run_files(files, packset, job, today, scanned, notes, use_cache=use_cache, jobs=jobs, warm_up=warm_up, where=where)
    run.listings = listings
    return run


def _run_files(
    files: list[str],
    packset: PackSet,
    job: CaseJob | None,
    today: dt.date,
    scanned: set[str],
    notes: list[str],
    *,
    use_cache: bool,
    jobs: int | None = None,
    warm_up: Callable[[], None] | None = None,
    where: dict[str, tuple[str, str]] | None = None,
) -> CaseloadRun:
    """run_caseload over files already found; the caches of the folders in `scanned` (read in
    full) forget the files no longer there. `where`: each file's (folder, name), its cache's
    folder and its name there, when discovery worked it out already."""
    where = _folders_and_names(files) if where is None else where
    if use_cache:
        use_cache, note = cache_doubt(sorted({folder for folder, _ in where.values()}))
        notes.extend([note] if note else [])
    key = f"{job.key if job is not None else 'check'}|{packset.fingerprint}"
    asked = _day_of(job)
    day = asked.toordinal() if asked is not None else None  # answers that hold for days are served on one they hold for
    fingerprint = packset.fingerprint if use_cache else None
    with quiet_gc():
        indexes: dict[str, tuple[FolderIndex, AnswerStore]] = {}
        # each folder's cache index, and this job's answers there
        outcomes: dict[str, _FileOutcome] = {}
        tasks: dict[tuple[str, int], _ShardTask] = {}
        present: dict[str, dict[str, str]] = {}  # folder -> the names of its files in this run -> each as shown
        absent: dict[str, list[str]] = {}  # folder read in full -> names its kept answers had that are gone
        texts: dict[Any, Any] = {}  # the one copy of each value the answers repeat (_shared)

        def task_for(folder: str, name: str) -> _ShardTask:
            shard = shard_of(name)
            task = tasks.get((folder, shard))
            if task is None:
                task = tasks[(folder, shard)] = _ShardTask(folder, shard, [], [], folder in indexes)
            return task

        trim = _memory_trimmer() if len(files) >= TRIM_FROM else None
        for shown in files:
            folder, name = where[shown]
            present.setdefault(folder, {})[name] = shown
        for folder in sorted(scanned - present.keys()) if use_cache else ():
            let_go(folder)  # read in full, no case file left: nothing of it may live on in the cache

        def keep_one(result: Any) -> Any:  # an answer as the run keeps it (_shared)
            return _shared(job, result, texts)

        keepers = _cache_keepers(present, scanned) if use_cache else set()
        for folder, names in present.items():
            if folder in keepers:
                indexes[folder] = _open_cache(folder, packset.fingerprint, key, job, day)
                gone_too = absent.setdefault(folder, []) if folder in scanned else None
                outcomes.update(_served(*indexes[folder], names, keep_one, trim, gone_too))
        for shown, folder, name, known in _to_work_out(files, where, indexes, outcomes, keep_one):
            task_for(folder, name).items.append((shown, name, known))
        for folder, name in _forget_gone(indexes, scanned, present, absent, packset.fingerprint):
            task_for(folder, name).gone.append(name)
        work = sum(len(task.items) for task in tasks.values())
        trim = trim if work >= TRIM_FROM else None
        for received, sent in enumerate(_run_tasks(list(tasks.values()), packset, job, fingerprint, jobs, warm_up), 1):
            outcome, answer, days = _received(sent)
            outcomes[outcome.shown] = outcome
            folder, name = where[outcome.shown]
            if folder in indexes and not outcome.problems and outcome.signature:
                folder_index, folder_answers = indexes[folder]
                if outcome.how == "recomputed":  # the case the index knows the file by: its entry stands
                    kept = folder_index.entries[name]
                else:
                    facts = (outcome.case_id, outcome.case_id_at, outcome.births)
                    kept = folder_index.store(name, outcome.signature, outcome.read_ns, facts)
                if not isinstance(answer, _Unencoded):
                    folder_answers.put(name, kept[0], outcome.shown, answer, days)
                outcome.signature, outcome.read_ns, (outcome.case_id, outcome.case_id_at, outcome.births) = kept
            # decoded as it comes: its bytes are let go at once (the store sets its copy down)
            outcome.result = keep_one(_answer_from(job, answer))
            if trim is not None and received % TRIM_FROM == 0:
                trim()
        _save_and_let_go(indexes)
    # The run's results put together after the pool, when nothing else runs: one pass over the
    # outcomes in the order the files were found, then one over the valid ones for the checks
    # across files and the case ids they share.
    stats = {"files": len(files), "parsed": 0, "recomputed": 0, "cached": 0}
    problems: list[Problem] = []
    valid: list[_FileOutcome] = []
    for shown in files:
        outcome = outcomes[shown]
        stats[outcome.how] += 1
        if outcome.problems:
            problems += outcome.problems
        else:
            valid.append(outcome)
    across, shared = _cross_checks(((o.shown, o.case_id, o.case_id_at, o.births) for o in valid), today)
    problems += across
    problems.sort(key=lambda p: (p.file, p.line, p.col))
    bad = {p.file for p in across}  # the others' files are not among the valid ones
    results = [o.result for o in valid if o.shown not in bad] if bad else [o.result for o in valid]
    return CaseloadRun(
        results=results, problems=problems, files=len(files), stats=stats, shared_ids=shared, notes=notes,
        signatures=_signatures(present, outcomes),
    )


def _signatures(present: dict[str, dict[str, str]], outcomes: dict[str, _FileOutcome]) -> dict[str, Signature]:
    """CaseloadRun.signatures: each file's signature by absolute path, joined once per folder."""
    signatures: dict[str, Signature] = {}
    for folder, names in present.items():
        prefix = _joined(folder, "")
        for name, shown in names.items():
            signature = outcomes[shown].signature
            if signature:
                signatures[prefix + name] = signature
    return signatures


TRIM_FROM = 5000
"""Answers at a time after which the memory their encoded bytes held is handed back (_memory_trimmer)."""


def _memory_trimmer() -> Callable[[], None] | None:
    """glibc's malloc_trim, where the C library is glibc (Linux), else None.

    Why: the workers' answers arrive as thousands of small byte strings, which the C
    library allocates among other things; once decoded and let go, their memory is free but
    scattered, so the C library keeps it, while the answers' objects take new memory from
    Python's own allocator. Trimming every few thousand answers hands those pages back: about
    60 MB less at the peak of a 50,000-file run (issue 11), at about a millisecond a call.
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only here: a few ms to import, and only a large run needs it

    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None

    def give_back() -> None:
        trim(0)

    return give_back


def _open_cache(folder: str, fingerprint: str, key: str, job: CaseJob | None, day: int | None) -> tuple[FolderIndex, AnswerStore]:
    """A folder's cache index and the job's answers there. When the index starts over, whatever
    else was kept of the folder is let go first, before anything is read or written under it."""
    index = FolderIndex.open(folder, fingerprint)
    answers = AnswerStore.open(folder, fingerprint, key, job.answer_type if job is not None else None, day)
    if index.started_over:
        let_go(folder, keep=answers.path, index=False)
    return index, answers


def _cache_keepers(present: dict[str, dict[str, str]], scanned: set[str]) -> set[str]:
    """The folders of the run whose cache it reads and writes: one path to each folder on disk.

    A folder reached by two paths in one run (`due cases link/one.yaml`, `link` being `cases`) has
    one cache; two stores over it would each save what the other forgot -- a deleted case's
    answer written back. The path read in full keeps it (else the first); files reached by the
    other path are read without the cache."""
    keepers: dict[Path, str] = {}
    for folder in sorted(present, key=lambda folder: (folder not in scanned, folder)):
        keepers.setdefault(folder_stem(folder), folder)
    return set(keepers.values())


def _save_and_let_go(indexes: dict[str, tuple[FolderIndex, AnswerStore]]) -> None:
    """Save each folder's index and answers, then drop them all (nothing else refers to them afterwards)."""
    for folder, (index, answers) in indexes.items():
        index.save()
        answers.save(folder)
    indexes.clear()


def _forget_gone(
    indexes: dict[str, tuple[FolderIndex, AnswerStore]],
    scanned: set[str],
    present: dict[str, dict[str, str]],
    absent: dict[str, list[str]],
    fingerprint: str,
) -> Iterator[tuple[str, str]]:
    """(folder, name) of each file the cache of a folder read in full knows but that is gone (its
    index, or this job's answers: `absent`): forgotten by the index and every job's answers -- a
    deleted case file must not live on in the cache -- and to be let go by its case shard. (A
    folder whose index started over let go of the rest when it was opened: `cache.let_go`.)"""
    for folder, (index, answers) in indexes.items():
        if folder in scanned:
            here = present.get(folder, {})
            gone = sorted({*(n for n in index.entries if n not in here), *(n for n in answers.answers if n not in here), *absent.get(folder, ())})
            index.forget(gone)
            answers.drop(gone)
            if gone:
                forget_answers(folder, gone, fingerprint, keep=answers.path)
            yield from ((folder, name) for name in gone)


def _served(
    index: FolderIndex,
    answers: AnswerStore,
    names: dict[str, str],
    shared: Callable[[Any], Any],
    trim: Callable[[], None] | None,
    absent: list[str] | None,
) -> Iterator[tuple[str, _FileOutcome]]:
    """The outcomes of the files in `names` (name -> as shown) whose kept answers hold today
    (answers that hold for days), served as the answers file is read, a batch at a time: their
    bytes are let go as they are served, never all held (at 50,000 files, some 60-80 MB the next
    morning). Nothing for a job whose answers do not hold for days: they are looked up by name.
    An answer of a file this run does not ask for is kept -- unless the folder is read in full
    (`absent` given): the file is gone, so its answer is let go and its name put in `absent`."""
    served = 0
    for name, stored in answers.holding():
        shown = names.get(name)
        if shown is None:
            if absent is None:
                answers.keep(name, stored)
            else:
                absent.append(name)  # a deleted case file must not live on in the cache
                answers.dirty = True
            continue
        cached = _from_cache(index, shown, name, lambda signature: answers.serve(name, stored, signature, shown))  # noqa: B023 - called at once
        if cached is not None:
            cached.result = shared(cached.result)
            yield shown, cached
            served += 1
            if trim is not None and served % TRIM_FROM == 0:
                trim()  # the served answers' bytes, set down and let go


def _to_work_out(
    files: list[str],
    where: dict[str, tuple[str, str]],
    indexes: dict[str, tuple[FolderIndex, AnswerStore]],
    outcomes: dict[str, _FileOutcome],
    shared: Callable[[Any], Any],
) -> Iterator[tuple[str, str, str, tuple[Signature, int] | None]]:
    """(as shown, folder, name, what the index knows of it) of each file that neither the kept
    answers served (`outcomes`) nor this job's answers looked up by name can answer: a worker
    looks at the file (next morning: all of them). The ones looked up go into `outcomes`."""
    for shown in files:
        if shown in outcomes:
            continue
        folder, name = where[shown]
        stores = indexes.get(folder)
        entry = stores[0].entries.get(name) if stores is not None else None
        if stores is None or entry is None:
            yield shown, folder, name, None
            continue
        index, answers = stores
        if name in answers.answers:  # this job's answer may be here: look at the file now
            cached = _from_cache(index, shown, name, lambda signature: answers.get(name, signature, shown))  # noqa: B023 - called at once
            if cached is not None:
                cached.result = shared(cached.result)
                outcomes[shown] = cached
                continue
        yield shown, folder, name, (entry[0], entry[1])


def _from_cache(index: FolderIndex, shown: str, name: str, answer_for: Callable[[Signature], tuple[bool, Any]]) -> _FileOutcome | None:
    """The cached outcome of a file unchanged since the cache read it, with this job's answer for
    it as it is (`answer_for(signature)`: found, answer); None when there is none to trust (then
    a worker reads the file, or recomputes the answer from the cached case)."""
    try:
        info = os.stat(shown)
    except OSError:
        return None
    signature = file_signature(info)
    if not index.trusted(name, signature):
        return None
    signature, read_ns, (case_id, case_id_at, born) = index.entries[name]  # the same, held once
    # An answer names the file as this run shows it (`cases/a.yaml` from one
    # folder, `a.yaml` from another), so the path is part of what it is kept under.
    found, result = answer_for(signature)
    if not found:
        return None
    return _FileOutcome(shown, signature, read_ns, [], case_id, case_id_at, born, result, "cached")


def _folders_and_names(files: list[str]) -> dict[str, tuple[str, str]]:
    """(absolute folder, file name) of each file as shown -- os.path.split(os.path.abspath(shown)),
    with the folder's absolute path worked out once per folder rather than once per file."""
    absolute: dict[str, str] = {}
    where = {}
    for shown in files:
        head, name = os.path.split(shown)
        folder = absolute.get(head)
        if folder is None:
            folder = absolute[head] = os.path.abspath(head or os.curdir)
        where[shown] = (folder, name)
    return where


def _joined(folder: str, name: str) -> str:
    """os.path.join(folder, name) for an absolute folder and a plain name, without its checks."""
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


@dataclass(frozen=True)
class CaseFileJob:
    """Which file holds which case id, and the participant's name: a job the (cached, parallel)
    runner does, so a case id or a name given to `agenda`, `record` or `narrate` finds its file
    in a large folder at once."""

    key: str = "case-file-name"
    answer_type: ClassVar[Any] = tuple[str, str, str]

    def __call__(self, case: model.Case) -> tuple[str, str, str]:
        return case.case_id, os.path.abspath(case.file), case.participant.name


@dataclass(frozen=True)
class ProviderJob:
    """Each case's program, provider and file: how a provider's customers are found in a large
    folder without reading every case whole."""

    key: str = "provider"
    answer_type: ClassVar[Any] = tuple[str, str, str]

    def __call__(self, case: model.Case) -> tuple[str, str, str]:
        return case.program, case.provider or "", case.file


SCAN_PARSES_AT_MOST = 64
"""More files than this that may hold the id sought: the cached run over the folder is cheaper."""


def find_case_files(
    case_id: str,
    paths: Sequence[Path],
    packset: PackSet,
    today: dt.date,
    *,
    skip: Sequence[Path] = (),
    use_cache: bool = True,
    top_only: bool = False,
) -> tuple[list[str], CaseloadRun]:
    """Every valid file under `paths` whose case_id is `case_id` (exactly, else ignoring case),
    and the run it was found in (its case ids and problems explain a miss).

    More than one file means the id is ambiguous: the caller must not pick one.

    The files are scanned as bytes first and only those that may hold the id are read as cases
    (`may_hold_id`): when one of them does hold it, the run returned covers only those files
    (its `files` counts them all). When none does -- a name, a typo -- every case is read,
    through the cache, so that the run can name the participants and the ids there are.
    """
    scanned: set[str] = set()
    notes: list[str] = []
    files = _discover_names(paths, skip, scanned, notes, top_only=top_only)
    candidates = may_hold_id(case_id, files)
    if candidates is not None and len(candidates) <= SCAN_PARSES_AT_MOST:
        run = _run_files(candidates, packset, CaseFileJob(), today, set(), notes, use_cache=False, jobs=1)
        found = _files_with_id(case_id, run)
        if found:
            run.files = len(files)
            return found, run
    run = _run_files(files, packset, CaseFileJob(), today, scanned, notes, use_cache=use_cache)
    return _files_with_id(case_id, run), run


def _files_with_id(case_id: str, run: CaseloadRun) -> list[str]:
    """The files of `run` (a CaseFileJob's) whose case_id is `case_id`, exactly, else ignoring case."""
    first_file = {found_id: file for found_id, file, _ in run.results}
    ids = set(first_file) | set(run.shared_ids)
    chosen = [case_id] if case_id in ids else sorted(i for i in ids if i.casefold() == case_id.casefold())
    return [file for i in chosen for file in run.shared_ids.get(i, [first_file.get(i, "")]) if file]


def may_hold_id(case_id: str, files: Sequence[str]) -> list[str] | None:
    """The files that may hold `case_id` (ignoring case), found from their bytes without parsing:
    a superset of those that do, in the order given; None when bytes cannot tell.

    An id is written in a file as itself, whatever the layout around it -- a BOM, CRLF line
    ends, quotes, a { } flow mapping, an anchor -- except through an escape: a double-quoted
    backslash escape (a file holding a backslash is always read), a single-quoted '' (an id
    with a quote is never scanned for), or folding across lines (nor one with white space).
    Comparing case-folded text keeps every match that ignoring case would make.
    """
    sought = case_id.casefold()
    if not sought or "'" in sought or any(c.isspace() for c in sought):
        return None
    sought_bytes = sought.encode("utf-8", "surrogatepass") if sought.isascii() else None
    found = []
    for name in files:
        try:
            data, _ = yamlread.read_file(name)  # never opens a named pipe, never reads a huge file
        except (OSError, yamlread.ReadError):
            found.append(name)  # reading it as a case says why
            continue
        if b"\\" in data:
            found.append(name)
        elif data.isascii():
            if sought_bytes is not None and sought_bytes in data.lower():
                found.append(name)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                found.append(name)  # not a case file as it is: reading it says so
                continue
            if sought in text.casefold():
                found.append(name)
    return found


def future_births(shown: str, born: Births, today: dt.date) -> list[Problem]:
    """Birth dates after `today`: a problem of the file for `check` and `due`, and a reason
    `narrate` refuses (it would print a negative age)."""
    after = today.toordinal()
    return [
        Problem(shown, line, col, f"{label}: {dt.date.fromordinal(day)} is in the future; check the year")
        for day, line, col, label in born
        if day > after
    ]


@dataclass(frozen=True)
class EditableJob:
    """What `record` and `narrate` refuse in a case file before anything else, as a problem of
    the file, so that `check` names it (a file in { } braces): the writer's own test,
    writer.read_for_edit, run as a job so that it runs once per change of the file."""

    key: str = "editable"
    answer_type: ClassVar[Any] = Problem | None

    def __call__(self, case: model.Case) -> Problem | None:
        try:
            read_for_edit(Path(case.file))
        except yamlread.ReadError as exc:
            return Problem(case.file, max(exc.line, 1), max(exc.col, 1), exc.message)
        except OSError:  # gone or changed since it was read: the next run reads it again
            return None
        return None


def _cross_checks(
    items: Iterable[tuple[str, str | None, tuple[int, int], Births]], today: dt.date
) -> tuple[list[Problem], dict[str, list[str]]]:
    """Checks across valid files (duplicate case ids) and against today's date (birth dates), in
    the order the files were found; and the case ids held by more than one of them, with those
    files (one case must live in one file; a file whose birth dates are in the future counts
    among them, but is not the one the others' problems name)."""
    problems: list[Problem] = []
    after = today.toordinal()
    held: dict[str, str] = {}  # case id -> its first file
    first_file: dict[str, str] = {}  # case id -> its first file without a future birth date
    shared: dict[str, list[str]] = {}
    for shown, case_id, case_id_at, born in items:
        if case_id is not None:
            first = held.setdefault(case_id, shown)
            if first != shown:
                shared.setdefault(case_id, [first]).append(shown)
        if born and max(born)[0] > after:  # the latest birth date (ordinal first): most files have none after today
            problems.extend(future_births(shown, born, today))
            continue
        if case_id is None:
            continue
        first = first_file.setdefault(case_id, shown)
        if first != shown:
            problems.append(Problem(shown, *case_id_at, f"case_id '{case_id}' is already used by {first}; each case needs its own id"))
    return problems, shared

