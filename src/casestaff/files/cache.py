"""A private cache so unchanged case files are not parsed again (and unchanged answers not recomputed).

Per case folder, in the user's cache directory:
  index     -- per file: signature (see `signature`), when it was read, and the facts cross-file
               checks need;
  answers-K -- per job key K (e.g. the due list for a window and the pack set), per file: the
               answer as MessagePack, with the signature and the path it was computed for, and
               for the due list the days it holds for (rules/due.py answer_until: served on any
               of them); the answers of the KEEP_RESULTS jobs run last are kept, each in a file of
               its own, so a run reads and writes only its own job's answers;
  cases0-31 -- per file: the validated Case as MessagePack (cachecodec.py), in SHARDS shards by file name, read only
               when a result must be recomputed -- each shard by whichever worker process
               handles those files, so cases never travel between processes.

Safety: the folder is created owner-only (0700), files owner-only (0600) and replaced
atomically; on POSIX a cache folder that is another user's or that others can write in is not
used at all (neither read nor written), and a cache file that is another user's or that others
can read or write is ignored -- and the run says so, once (`doubt`). A file is
known by its size, modification time, inode, device and change time: an edit that keeps the
size and sets the modification time back (`sed -i`, then `touch -d`) still moves the change
time, which no user can set back, and a file replaced by another (a rename, a restore) has
another inode (on Windows, which has no such change time, by all but it: answers.signature_of).
A file whose modification time is within two seconds of when the cache was written is never
trusted (its change may not show in its signature yet). Cases and answers are
MessagePack decoded into their declared types (cachecodec.py), and the files around them unpickle
only builtin containers and dates, so a tampered cache cannot run code. Any doubt means re-parse: the cache can
only make a run faster, never change its answer.
"""

from __future__ import annotations

import os
import stat
import pickle
import zlib
from dataclasses import field
from casestaff.model.plain import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from casestaff import __version__
from casestaff.model.dates import installed_holidays_version
from casestaff.files.answers import Inputs, package_folder, package_inputs, signature_of
from casestaff.files.cachecodec import decoded
from casestaff.files.digest import blake2b, hex_digest
from casestaff.files.permissions import FILE_OTHERS_MAY_NOT, FOLDER_OTHERS_MAY_NOT, cache_root
from casestaff.files.permissions import distrust as _distrust
from casestaff.files.writer import write_private

FORMAT = 9  # 9: birth dates in the index as ordinals (caseload.Births); 8: each answer with the days it holds for; 7: cases and answers as MessagePack (files/cachecodec.py)
RACY_NS = 2_000_000_000
SHARDS = 32
"""Case shards per folder, each read and written by the one worker that handles its files. 32,
not 8: a worker's answer for a shard crosses to the main process whole, and at 50,000 files an
eighth of them was a 20 MB step in the run's peak memory (a thirty-second, about 5 MB)."""
KEEP_RESULTS = 3

Signature = tuple[int, int, int, int, int, int]
"""(size, mtime_ns, inode, device, ctime_ns, mode): what the platform says changes with a file --
the facts a stored answer records of each file it read, in the same order (files/answers.py),
so that the stats a run took of its case files serve both."""


def unchanged_since_read(then: Signature, read_ns: int, now: Signature) -> bool:
    """A file whose signature was `then` when it was read at `read_ns` is the same file now (its
    signature is `now`), and was read long enough after its last change to show it: what is
    cached of it may be trusted."""
    return then == now and now[1] < read_ns - RACY_NS


signature: Callable[[os.stat_result], Signature] = signature_of
"""A file's signature from its stat (answers.signature_of). The modification time stays second:
`trusted` reads it. On Windows the inode is the file index (a file saved by replacing it is a
new file there too), and the ctime slot is 0."""


class _SafeUnpickler(pickle.Unpickler):
    """Admits only what the cache's own files hold around the encoded cases and answers: builtin
    containers and dates (the birth dates in the index)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module == "datetime" and name == "date") or (module == "builtins" and name in ("set", "frozenset", "tuple", "list", "dict")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not allowed in a casestaff cache: {module}.{name}")


def doubt(folders: list[str]) -> tuple[bool, str | None]:
    """(whether the cache may be used at all, what to tell the user) before a run over case
    `folders`: not at all when the cache folder is another user's, others can write in it, or
    it cannot be made because a file stands in its place;
    a cache file of those folders that is not trusted is ignored, and named."""
    root = cache_root()
    why = _unreachable(root)
    if why is not None:
        return False, f"not using the cache in {root}: {why}"
    why = _distrust(root, FOLDER_OTHERS_MAY_NOT)
    if why is not None:
        return False, (
            f"not using the cache in {root}: {why}; casestaff trusts only a cache folder that is yours alone"
            f" (chmod 700 {root}, or delete it)"
        )
    for folder in folders:
        stem = folder_stem(folder)
        for path in (stem.with_suffix(".index"), *(stem.with_suffix(f".cases{n}") for n in range(SHARDS)), *answer_files(folder)):
            why = _distrust(path, FILE_OTHERS_MAY_NOT)
            if why is not None:
                return True, f"ignoring the cache file {path}: {why}; casestaff reads nothing from it and writes it again"
    return True, None


def _unreachable(root: Path) -> str | None:
    """Why the cache folder cannot be made or looked into (None: it can): a file stands in its
    place or in a parent's, or a parent cannot be searched."""
    for path in (root, *root.parents):
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            return f"cannot look into {path} ({(exc.strerror or str(exc)).lower()}); set CASESTAFF_CACHE_DIR to a folder of your own"
        if not stat.S_ISDIR(info.st_mode):
            return f"{path} is a file, not a folder; move the file, or set CASESTAFF_CACHE_DIR to a folder of your own"
        return None
    return None


def _trusted(path: Path) -> bool:
    return path.exists() and _distrust(path, FILE_OTHERS_MAY_NOT) is None


def _write_private(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, data, durable=False)


def shard_of(name: str) -> int:
    """Which of the folder's case shards holds a file (stable across runs and processes)."""
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % SHARDS


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever casestaff's own code does, so a developer's edit never meets old answers."""
    return _fingerprint(package_folder(), package_inputs())


def fingerprint_of_code(package: Path) -> str:
    """The code fingerprint of the package in `package` (code_fingerprint: of casestaff's own)."""
    inputs = Inputs()
    inputs.tree(str(package), recursive=True)
    return _fingerprint(str(package), inputs)


def _fingerprint(package: str, inputs: Inputs) -> str:
    """A digest of every file the package ships -- modules of every layer, the holiday tables a
    deadline is counted on, packs -- (name, size and modification time), and of the holidays
    package the tables stand in for. From the reading a stored answer records of the same files
    (files/answers.py package_inputs), not a second one."""
    digest = blake2b(f"{__version__};holidays {installed_holidays_version()};".encode(), digest_size=8)
    cut = len(os.path.join(package, ""))
    for path, info in sorted(inputs.files.items()):
        if info is not None and path not in inputs.folders and not path.endswith((".pyc", ".pyo")):
            digest.update(f"{path[cut:]}:{info[0]}:{info[1]};".encode())
    return digest.hexdigest()


def folder_stem(folder: str) -> Path:
    key = hex_digest(os.path.normcase(os.path.realpath(folder)).encode("utf-8", "surrogatepass"), 24)
    return cache_root() / key


def _header(fingerprint: str) -> tuple[int, str, str]:
    return (FORMAT, code_fingerprint(), fingerprint)


BATCH = 512
"""Entries per pickle in a cache file (`_write_entries`): writing one never needs a memo of every
object in the file (at 50,000 files the index's alone was some 25 MB at the peak), and reading
one back takes few calls."""

HOLD = 16_384
"""New answers an AnswerStore holds before it sets them down in its temporary file (and every
BATCH after that). A run of fewer files never writes the file and reads it back (some 40 ms at
10,000 files); a larger one holds at most these while its answers arrive, far below its peak,
which comes once every answer is in (issue 11: 250 MB at 50,000 files)."""


def _batches(stream: BinaryIO) -> Iterator[Any]:
    """The batches of (name, entry) pairs that follow a cache file's header, one at a time."""
    while stream.peek(1):  # type: ignore[attr-defined]  # a buffered file
        yield _SafeUnpickler(stream).load()


def _load_entries(path: Path) -> tuple[Any, dict[str, Any]] | None:
    """(header, entries) of a cache file -- a header, then batches of (name, entry) pairs to its
    end -- or None when the file is not one casestaff can trust or read whole."""
    if not _trusted(path):
        return None
    entries: dict[str, Any] = {}
    try:
        with path.open("rb") as stream:  # read a batch at a time: the file's bytes are never held whole
            header = _SafeUnpickler(stream).load()
            for batch in _batches(stream):
                entries.update(batch)
    except Exception:  # a broken or foreign cache is simply not used
        return None
    return header, entries


def _write_entries(stream: BinaryIO, header: Any, entries: Iterable[tuple[str, Any]]) -> None:
    pickle.dump(header, stream, 5)
    _write_batches(stream, entries)


def _write_batches(stream: BinaryIO, entries: Iterable[tuple[str, Any]]) -> None:
    batch: list[tuple[str, Any]] = []
    for entry in entries:
        batch.append(entry)
        if len(batch) >= BATCH:
            pickle.dump(batch, stream, 5)
            batch = []
    if batch:
        pickle.dump(batch, stream, 5)


def _load(path: Path, header: Any) -> dict[str, Any] | None:
    """The entries of a cache file written under `header`, or None."""
    loaded = _load_entries(path)
    return loaded[1] if loaded is not None and loaded[0] == header else None


def _save(path: Path, header: Any, content: dict[str, Any]) -> None:
    """Write one cache file; failures (read-only home, full disk) only cost speed next time."""
    try:
        _write_private(path, lambda stream: _write_entries(stream, header, content.items()))
    except OSError:
        pass


@dataclass
class FolderIndex:
    """The index of one case folder's cache, for one pack set and one version of the code."""

    folder: str
    fingerprint: str
    entries: dict[str, tuple[Signature, int, Any]] = field(default_factory=dict)
    """name -> (signature, when it was read (ns), facts for cross-file checks).

    Only files without problems are kept: a file with problems is read again every run."""
    dirty: bool = False
    started_over: bool = False
    """The folder had an index this run could not use (other packs or settings, another casestaff,
    damage): what the cache kept for the folder under it cannot be served (nor forgotten file by
    file), so it is let go (`caseload._forget_gone`)."""

    @classmethod
    def open(cls, folder: str, fingerprint: str) -> FolderIndex:
        path = folder_stem(folder).with_suffix(".index")
        entries = _load(path, _header(fingerprint))
        return cls(folder=folder, fingerprint=fingerprint, entries=entries or {}, started_over=entries is None and path.exists())

    def trusted(self, name: str, signature: Signature) -> bool:
        """The file is unchanged since it was read, and was read long enough after its last change."""
        entry = self.entries.get(name)
        return entry is not None and unchanged_since_read(entry[0], entry[1], signature)

    def store(self, name: str, signature: Signature, read_ns: int, facts: Any) -> tuple[Signature, int, Any]:
        """Keep a file's entry, and return the entry kept: the one already there when it is the
        same, so the run can hold that one copy (50,000 files: some 30 MB); the index is
        written again only when an entry changed (the next morning, every file unchanged, it is not)."""
        entry = (signature, read_ns, facts)
        kept = self.entries.get(name)
        if kept == entry:
            return kept
        self.entries[name] = entry
        self.dirty = True
        return entry

    def forget(self, names: list[str]) -> None:
        for name in names:
            self.entries.pop(name, None)
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            _save(folder_stem(self.folder).with_suffix(".index"), _header(self.fingerprint), self.entries)


def answers_path(folder: str, key: str) -> Path:
    """The file of one job's answers for a case folder: named by a digest of the job's whole key."""
    digest = hex_digest(key.encode("utf-8", "surrogatepass"), 24)
    return folder_stem(folder).with_suffix(f".answers-{digest}")


def answer_files(folder: str) -> list[Path]:
    """Every job's answers file of a case folder, newest first."""
    stem = folder_stem(folder)
    try:
        found = [entry for entry in os.scandir(stem.parent) if entry.name.startswith(f"{stem.name}.answers-")]
    except OSError:
        return []
    found.sort(key=lambda entry: _mtime_ns(entry), reverse=True)
    return [Path(entry.path) for entry in found]


def let_go(folder: str, *, keep: Path | None = None, index: bool = True) -> None:
    """Delete what the cache holds for a case folder -- its index (unless `index` is False), every
    job's answers but `keep`, its case shards -- for a folder read in full with no case file left
    in it, or whose index started over (nothing kept under the old one can be served, and it may
    name files the new index never learns of). A file that cannot be deleted is left: the cache
    only ever costs speed."""
    stem = folder_stem(folder)
    try:
        found = [Path(entry.path) for entry in os.scandir(stem.parent) if entry.name.startswith(f"{stem.name}.")]
    except OSError:
        return
    for path in found:
        if path == keep or (not index and path.suffix == ".index"):
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _mtime_ns(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat(follow_symlinks=False).st_mtime_ns
    except OSError:
        return 0


Days = tuple[int, int]
"""(first, last) day an answer holds for, as ordinals (date.toordinal); both included."""
AnswerEntry = tuple[Signature, str, "bytes | None", "Days | None"]
"""(signature, path as shown, encoded answer, the days it holds for -- None: a job whose key
names everything it depends on) of one file."""


def _answers_header(fingerprint: str, key: str) -> tuple[Any, ...]:
    return (*_header(fingerprint), key)


def _holds_on(entry: Any, day: int) -> bool:
    """Whether a kept answer holds on `day` (an ordinal): one that does not is worked out again."""
    try:
        days = entry[3]
        return days is not None and days[0] <= day <= days[1]
    except (TypeError, IndexError, KeyError):  # not an entry casestaff wrote
        return False


@dataclass
class AnswerStore:
    """One job's answers for one case folder: name -> (signature, path as shown, encoded answer).

    An answer is served only for the very file it was computed from -- the same signature, which
    the index must also trust, and the same path as this run shows it (the answer names it).
    Answers are kept as the bytes the worker that computed them encoded (cachecodec): saving
    copies bytes, and a run decodes, as the job's `answer_type`, only the answers it uses.

    New answers are not held until a large run ends: past HOLD of them, every BATCH go into a
    private temporary file as they come (`put`), in the answers file's own format, and `save`
    writes the answers file from the answers kept and that file -- so the run can decode each
    answer at once and let its bytes go (at 50,000 files, some 75 MB never held)."""

    path: Path
    fingerprint: str
    key: str
    answers: dict[str, AnswerEntry]
    answer_type: Any = None
    day: int | None = None
    """The day (an ordinal) this run asks answers for, when they hold for days (a job's `day`):
    an answer is served only on a day it holds for."""
    dirty: bool = False
    fresh: list[tuple[str, AnswerEntry]] = field(default_factory=list)
    """New answers not yet set down in `spill`."""
    spill: BinaryIO | None = None
    spilled: set[str] = field(default_factory=set)
    """Names of the answers in `spill` (or `fresh`): `answers` no longer holds them."""
    lost: bool = False
    """The temporary file failed (a full disk, a cache folder gone): this run's new answers are
    not kept -- computed again next time -- and the run goes on."""
    unread: bool = False
    """The answers file is still to be read (`holding`)."""

    @classmethod
    def open(cls, folder: str, fingerprint: str, key: str, answer_type: Any, day: int | None = None) -> AnswerStore:
        """A job's answers in a folder. With a `day` (answers that hold for days), the file is read
        as its answers are served (`holding`), a batch at a time: at 50,000 files, the 60-80 MB
        of answers served the next morning are never all held at once."""
        path = answers_path(folder, key)
        if day is not None:
            return cls(path=path, fingerprint=fingerprint, key=key, answers={}, answer_type=answer_type, day=day, unread=True)
        answers = _load(path, _answers_header(fingerprint, key)) or {}
        return cls(path=path, fingerprint=fingerprint, key=key, answers=answers, answer_type=answer_type)

    def holding(self) -> Iterator[tuple[str, AnswerEntry]]:
        """The kept answers that hold on this run's day, read from the file a batch at a time (once).
        Each one given must be served (`serve`) or kept (`keep`): one that is neither is worked out
        again. Answers that do not hold on the day are let go (and the file written again)."""
        if not self.unread:
            return
        self.unread = False
        if not _trusted(self.path):
            return
        try:
            with self.path.open("rb") as stream:
                if _SafeUnpickler(stream).load() != _answers_header(self.fingerprint, self.key):
                    self.dirty = True
                    return
                for batch in _batches(stream):
                    for name, entry in batch:
                        if _holds_on(entry, self.day):  # type: ignore[arg-type]  # unread only with a day
                            yield name, entry
                        else:
                            self.dirty = True
        except Exception:  # a broken or foreign cache is simply not used (what was read stays good)
            self.dirty = True

    def keep(self, name: str, entry: AnswerEntry) -> None:
        """Keep an answer given by `holding` as it is (a file this run does not ask for)."""
        self.answers[name] = entry

    def serve(self, name: str, entry: AnswerEntry, signature: Signature, shown: str) -> tuple[bool, Any]:
        """(found, answer) from an answer given by `holding`, for the file as it is now; a served
        answer is set down with this run's new ones, one not served is let go (worked out again)."""
        found, value = self._answer_of(entry, signature, shown)
        if found:
            self._set_aside(name, entry)
        else:
            self.dirty = True
        return found, value

    def get(self, name: str, signature: Signature, shown: str) -> tuple[bool, Any]:
        """(found, answer) for the file on this run's day; an answer that does not decode is not
        found (it is computed again)."""
        self._read_all()
        if name not in self.answers:
            return False, None
        found, value = self._answer_of(self.answers[name], signature, shown)
        if found:
            self._set_aside(name, self.answers.pop(name))
        return found, value

    def _answer_of(self, entry: Any, signature: Signature, shown: str) -> tuple[bool, Any]:
        try:
            stored_signature, stored_shown, answer, days = entry
        except (TypeError, ValueError):  # not an entry casestaff wrote
            return False, None
        if stored_signature != signature or stored_shown != shown:
            return False, None
        if not (days is None if self.day is None else _holds_on(entry, self.day)):
            return False, None  # worked out for days this is not one of, or for none
        if answer is None:
            return True, None
        if not isinstance(answer, bytes) or self.answer_type is None:
            return False, None
        return decoded(answer, self.answer_type)

    def _set_aside(self, name: str, entry: AnswerEntry) -> None:
        """An answer served: its bytes go with this run's new answers, set down in the temporary
        file a batch at a time, rather than being held until the answers file is written again
        (the next morning at 50,000 files, most answers are served: some 80 MB)."""
        if self.lost:
            self.answers[name] = entry  # kept in memory: written back as it was
            return
        self._add(name, entry)

    def put(self, name: str, signature: Signature, shown: str, answer: bytes | None, days: Days | None = None) -> None:
        """Keep a file's new answer, with the days it holds for when it holds for days (set down
        with the others of its batch, not held)."""
        self._read_all()
        self.answers.pop(name, None)
        self.dirty = True
        if self.lost:
            return
        if name in self.spilled:  # answered twice in one run: the later answer is the one kept
            self._rewrite_spill({name})
        self._add(name, (signature, shown, answer, days))

    def _add(self, name: str, entry: AnswerEntry) -> None:
        """One of this run's answers, new or served: held, and set down past HOLD a BATCH at a time."""
        self.spilled.add(name)
        self.fresh.append((name, entry))
        if len(self.fresh) >= (BATCH if self.spill is not None else HOLD):
            self._set_down()

    def _set_down(self) -> None:
        if not self.fresh or self.lost:
            return
        try:
            if self.spill is None:
                import tempfile  # only a run with new answers to keep needs it

                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.spill = tempfile.TemporaryFile(dir=self.path.parent)  # noqa: SIM115 - open across the run; owner-only, gone when closed
            _write_batches(self.spill, self.fresh)
        except OSError:
            self._lose()
            return
        self.fresh = []

    def _lose(self) -> None:
        """Give up keeping this run's new answers (see `lost`); the answers kept stay valid."""
        self.close()
        self.lost = True

    def _rewrite_spill(self, names: set[str]) -> None:
        """The new answers without those of `names` (rare: a file answered, then gone or answered again)."""
        try:
            kept = [entry for entry in self._spilled_entries() if entry[0] not in names]
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            self._lose()
            return
        self.close()
        self.spilled = {entry[0] for entry in kept}
        self.fresh = kept
        if len(kept) >= HOLD:
            self._set_down()

    def _spilled_entries(self) -> list[tuple[str, AnswerEntry]]:
        entries = []
        if self.spill is not None:
            self.spill.seek(0)
            for batch in _batches(self.spill):
                entries.extend(batch)
        return entries + self.fresh

    def drop(self, names: list[str]) -> None:
        self._read_all()  # a file gone must not live on in what is read later
        for name in names:
            if self.answers.pop(name, None) is not None:
                self.dirty = True
        gone = self.spilled.intersection(names)
        if gone:
            self._rewrite_spill(gone)
            self.dirty = True

    def close(self) -> None:
        """Let go of the new answers not saved (the temporary file)."""
        if self.spill is not None:
            try:
                self.spill.close()
            except OSError:  # what it held is not needed any more
                pass
        self.spill, self.fresh, self.spilled = None, [], set()

    def _read_all(self) -> None:
        """Keep every answer not read yet (before the file is written again: none is lost)."""
        if self.unread:
            for name, entry in self.holding():
                self.keep(name, entry)

    def _write(self, stream: BinaryIO) -> None:
        _write_entries(stream, _answers_header(self.fingerprint, self.key), self.answers.items())
        if self.spill is None:  # all held: written from memory
            _write_batches(stream, self.fresh)
            return
        self._set_down()
        if self.spill is not None:  # else the disk filled: this run's new answers are lost (`lost`)
            self.spill.seek(0)
            import shutil  # only a run whose answers were set down in a temporary file: not every run's path

            shutil.copyfileobj(self.spill, stream, 1 << 20)

    def save(self, folder: str) -> None:
        """Write the answers (when changed); only the KEEP_RESULTS jobs' files written last are
        kept, this one among them."""
        if not self.dirty:
            self.close()
            return
        self._read_all()
        try:
            _write_private(self.path, self._write)
        except OSError:  # a read-only home, a full disk: only speed is lost next time
            pass
        finally:
            self.close()
        for old in answer_files(folder)[KEEP_RESULTS:]:
            if old != self.path:
                try:
                    old.unlink()
                except OSError:
                    pass


def forget_answers(folder: str, names: list[str], fingerprint: str, keep: Path) -> None:
    """Drop files no longer in the folder from every other job's answers (a deleted case must not
    live on in the cache); an answers file that cannot be read is deleted."""
    for path in answer_files(folder):
        if path == keep:
            continue
        loaded = _load_entries(path)
        header = loaded[0] if loaded is not None else None
        if loaded is None or not isinstance(header, tuple) or len(header) != 4 or header[:3] != _header(fingerprint):
            try:
                path.unlink()
            except OSError:
                pass
            continue
        entries = loaded[1]
        if [name for name in names if entries.pop(name, None) is not None]:
            _save(path, header, entries)  # another job's file: written again as it was, less those


@dataclass
class CaseShard:
    """One shard of a folder's cached cases: name -> (signature, the Case as cachecodec.case_bytes wrote it)."""

    path: Path
    fingerprint: str
    cases: dict[str, tuple[Signature, bytes]]
    dirty: bool = False

    @classmethod
    def open(cls, folder: str, shard: int, fingerprint: str) -> CaseShard:
        path = folder_stem(folder).with_suffix(f".cases{shard}")
        return cls(path=path, fingerprint=fingerprint, cases=_load(path, _header(fingerprint)) or {})

    def get(self, name: str, signature: Signature) -> bytes | None:
        entry = self.cases.get(name)
        return entry[1] if entry is not None and entry[0] == signature else None

    def put(self, name: str, signature: Signature, blob: bytes) -> None:
        self.cases[name] = (signature, blob)
        self.dirty = True

    def drop(self, names: list[str]) -> None:
        for name in names:
            if self.cases.pop(name, None) is not None:
                self.dirty = True

    def save(self) -> None:
        if self.dirty:
            _save(self.path, _header(self.fingerprint), self.cases)
