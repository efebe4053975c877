"""Who may read what casestaff writes, where the user's own private folder is, and whose a
file is when it cannot be read.

Everything casestaff creates is readable by its owner alone (files 0600, folders 0700) unless
casestaff.toml says `shared_folder = true`: then new case files are group-editable (0660) and
agendas and narrations group-readable (0640, a folder made for them 0750), so colleagues on a
shared folder can open them. What the user typed, saved aside when a write is refused, stays
private whatever the setting: beside the case file (hidden, owner-only) or, when the case folder
will not take it, in a folder of the user's own that nobody else may read -- never in a folder
other users share, such as the temp folder. So does the cache.
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple
from pathlib import Path


class Modes(namedtuple("Modes", ["case_file", "output", "folder"])):
    """The permissions casestaff gives what it creates: case files; output, agendas and
    narrations written to a file (--out, --out-dir); folder, a folder made for agendas (--out-dir).

    A named tuple, not a dataclass: this module is imported before every command, stored answers
    included, and dataclasses costs 10 ms to import (inspect, ast)."""

    __slots__ = ()


PRIVATE = Modes(case_file=0o600, output=0o600, folder=0o700)
SHARED = Modes(case_file=0o660, output=0o640, folder=0o750)


def modes(shared_folder: bool) -> Modes:
    """What casestaff.toml's `shared_folder` gives new files: readable by the owner alone, or by the group too."""
    return SHARED if shared_folder else PRIVATE


def user_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def group_name(gid: int) -> str:
    try:
        import grp

        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return f"group {gid}"


SHARE_HINT = "or set shared_folder = true in casestaff.toml so new files are group-readable"


def why_unreadable(path: str | os.PathLike[str], error: OSError) -> str:
    """Why `path` could not be read, saying what to do when it is a colleague's file that others
    may not read; otherwise the system's own words."""
    if isinstance(error, PermissionError) and os.name == "posix":
        try:
            info = os.stat(path)
        except OSError:
            info = None
        if info is not None and info.st_uid != os.geteuid():
            owner = user_name(info.st_uid)
            if not info.st_mode & 0o044:
                return f"it is readable only by its owner ({owner}); ask them to let your group read it, {SHARE_HINT}"
            if not info.st_mode & 0o004 and info.st_gid not in (os.getegid(), *os.getgroups()):
                group = group_name(info.st_gid)
                return f"it is readable only by its owner ({owner}) and the group {group}, which you are not in; ask to be added to it"
    return error.strerror or str(error)


def data_root() -> Path:
    """The user's own casestaff folder for what must outlive the cache: CASESTAFF_DATA_DIR, else
    the platform's per-user data folder."""
    explicit = os.environ.get("CASESTAFF_DATA_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base, "casestaff")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "casestaff"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share", "casestaff")


def own_folder(path: Path) -> Path | None:
    """`path`, made if missing, when it is a folder of this user's that nobody else may use
    (0700: one that is not is made so); None when it cannot be, or belongs to someone else."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(path)
        if os.name == "posix":
            if info.st_uid != os.geteuid():
                return None
            if info.st_mode & 0o077:
                os.chmod(path, 0o700)
    except OSError:
        return None
    return path


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


def distrust(path: Path, others_may: int) -> str | None:
    """Why a cache folder or file (or a stored answer) is not trusted (None: it is, or it is not there): it is another
    user's, or its mode gives others any of the bits in `others_may`."""
    if os.name != "posix":
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    if info.st_uid != os.geteuid():
        return f"it belongs to {user_name(info.st_uid)}, not to you"
    if info.st_mode & others_may:
        return f"others can {'write in' if others_may == FOLDER_OTHERS_MAY_NOT else 'read or write'} it (mode {info.st_mode & 0o777:04o})"
    return None


FOLDER_OTHERS_MAY_NOT = 0o022
"""Others may list the cache folder (its names are hashes), never change it."""
FILE_OTHERS_MAY_NOT = 0o077
