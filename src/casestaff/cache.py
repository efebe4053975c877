"""A private cache so unchanged case files are not parsed again (and unchanged answers not recomputed).

Per case folder, two files in the user's cache directory:
  index  -- per file: signature (size, mtime_ns), its problems, and the last job result with the
            key it was computed under (e.g. the due-list entry for an as-of date and pack set);
  cases  -- per file: the validated Case, pickled, read only when a result must be recomputed.

Safety: the folder is created owner-only (0700), files owner-only (0600) and replaced
atomically; on POSIX a cache not owned by this user or writable by others is ignored. A file
whose modification time is within two seconds of when the cache was written is never trusted
(its change may not show in size and mtime yet). Unpickling only admits casestaff's own record
classes and dates, so a tampered cache cannot run code. Any doubt means re-parse: the cache can
only make a run faster, never change its answer.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__

FORMAT = 1
RACY_NS = 2_000_000_000

Signature = tuple[int, int]


def cache_root() -> Path:
    """Where caches live: CASESTAFF_CACHE_DIR, else the platform's per-user cache folder."""
    explicit = os.environ.get("CASESTAFF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base, "casestaff", "Cache")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "casestaff"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "casestaff")


class _SafeUnpickler(pickle.Unpickler):
    """Admits only what casestaff itself stores: its records, dates and builtin containers."""

    _ALLOWED_MODULES = ("casestaff.model", "casestaff.flags", "casestaff.problems", "casestaff.due")

    def find_class(self, module: str, name: str) -> Any:
        if module in self._ALLOWED_MODULES or (module == "datetime" and name in ("date", "datetime", "timezone", "timedelta")):
            return super().find_class(module, name)
        if module == "builtins" and name in ("set", "frozenset", "tuple", "list", "dict"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not allowed in a casestaff cache: {module}.{name}")


def safe_loads(data: bytes) -> Any:
    return _SafeUnpickler(io.BytesIO(data)).load()


def _trusted(path: Path) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False
    if os.name == "posix":
        if info.st_uid != os.getuid() or info.st_mode & 0o077:
            return False
    return True


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".cache")  # mkstemp creates 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


@dataclass
class FolderCache:
    """The cache of one case folder, for one pack set."""

    folder: Path
    fingerprint: str
    index: dict[str, tuple[Signature, int, Any, str, Any]] = field(default_factory=dict)
    """name -> (signature, when it was read (ns), facts for cross-file checks, result key, result).

    Only files without problems are kept: a file with problems is read again every run."""
    _cases: dict[str, tuple[Signature, bytes]] | None = None
    dirty: bool = False
    cases_dirty: bool = False

    @property
    def _stem(self) -> Path:
        key = hashlib.sha256(os.path.normcase(str(self.folder.resolve())).encode()).hexdigest()[:24]
        return cache_root() / key

    def _header_ok(self, header: Any) -> bool:
        return (
            isinstance(header, tuple)
            and len(header) == 3
            and header == (FORMAT, __version__, self.fingerprint)
        )

    @classmethod
    def open(cls, folder: Path, fingerprint: str) -> FolderCache:
        cache = cls(folder=folder, fingerprint=fingerprint)
        path = cache._stem.with_suffix(".index")
        if not _trusted(path):
            return cache
        try:
            header, index = safe_loads(path.read_bytes())
        except Exception:  # a broken or foreign cache is simply not used
            return cache
        if cache._header_ok(header) and isinstance(index, dict):
            cache.index = index
        return cache

    def trusted_signature(self, name: str, signature: Signature) -> bool:
        entry = self.index.get(name)
        if entry is None or entry[0] != signature:
            return False
        return signature[1] < entry[1] - RACY_NS

    def case_blob(self, name: str, signature: Signature) -> bytes | None:
        """The pickled Case of an unchanged file, if the cache holds it."""
        if not self.trusted_signature(name, signature):
            return None
        entry = self._load_cases().get(name)
        return entry[1] if entry and entry[0] == signature else None

    def _load_cases(self) -> dict[str, tuple[Signature, bytes]]:
        if self._cases is None:
            self._cases = {}
            path = self._stem.with_suffix(".cases")
            if _trusted(path):
                try:
                    header, cases = safe_loads(path.read_bytes())
                    if self._header_ok(header) and isinstance(cases, dict):
                        self._cases = cases
                except Exception:
                    self._cases = {}
        return self._cases

    def store(
        self, name: str, signature: Signature, read_ns: int, facts: Any, key: str, result: Any, blob: bytes | None
    ) -> None:
        self.index[name] = (signature, read_ns, facts, key, result)
        self.dirty = True
        if blob is not None:
            self._load_cases()[name] = (signature, blob)  # load what is there first
            self.cases_dirty = True

    def forget_missing(self, present: set[str]) -> None:
        """Drop files that are gone from the folder, from both the index and the cached cases."""
        gone = [n for n in self.index if n not in present]
        for name in gone:
            del self.index[name]
            self.dirty = True
        if gone or self._cases is not None:
            cases = self._load_cases()
            for name in [n for n in cases if n not in present]:
                del cases[name]
                self.cases_dirty = True

    def save(self) -> None:
        """Write what changed; failures (read-only home, full disk) only cost speed next time."""
        try:
            header = (FORMAT, __version__, self.fingerprint)
            if self.cases_dirty and self._cases is not None:
                _write_private(self._stem.with_suffix(".cases"), pickle.dumps((header, self._cases), 5))
            if self.dirty:
                _write_private(self._stem.with_suffix(".index"), pickle.dumps((header, self.index), 5))
        except OSError:
            pass
