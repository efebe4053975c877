"""Who may read what casestaff keeps for the user alone: the user's own private folder, and
the names of users and groups for messages about who owns a file.

What the user typed, saved aside when a write is refused, goes beside the case file (hidden,
owner-only) or, when the case folder will not take it, into a folder of the user's own that
nobody else may read -- never into a folder other users share, such as the temp folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
