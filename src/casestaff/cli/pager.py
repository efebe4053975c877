"""A pager for a list taller than the screen, as git does: $CASESTAFF_PAGER, else $PAGER, else
`less` (with LESS=FRX unless the user set LESS: quit if it fits, keep colours, leave the text on
screen). Off when the command or the pager is not found -- the text is then printed as it is.
"""

from __future__ import annotations

import os
import sys

PAGER_VARIABLES = ("CASESTAFF_PAGER", "PAGER")
DEFAULT_PAGER = "less"
LESS_DEFAULT = "FRX"
"""-F quit at once when the text fits, -R show colours, -X leave the text on the screen after."""


def pager_command() -> list[str] | None:
    """The pager's command line, or None: set to nothing or `cat` (off, as in git), or not found."""
    import shlex  # imported here, as subprocess in page(): only a list on a terminal is paged,
    import shutil  # and a piped `casestaff due` need not load them (issue 11)

    chosen = next((os.environ[name] for name in PAGER_VARIABLES if name in os.environ), DEFAULT_PAGER).strip()
    if not chosen or chosen == "cat":
        return None
    try:
        words = shlex.split(chosen, posix=os.name != "nt")
    except ValueError:  # an unbalanced quote: no pager rather than a traceback
        return None
    if os.name == "nt":  # Windows keeps the quotes around "C:\Program Files\...\less.exe": the path is inside them
        words = [word.strip('"') for word in words]
    found = shutil.which(words[0]) if words else None
    return [found, *words[1:]] if found else None


def page(text: str, screen_lines: int) -> bool:
    """Show `text` through the pager when it has more lines than the screen; False when it was not
    shown (shorter than the screen, or no pager), so the caller prints it itself."""
    if text.count("\n") < screen_lines:
        return False
    command = pager_command()
    if command is None:
        return False
    environment = dict(os.environ)
    environment.setdefault("LESS", LESS_DEFAULT)
    environment.setdefault("LV", "-c")  # lv, another common pager: keep colours
    encoding = sys.stdout.encoding or "utf-8"
    import subprocess

    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=environment)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(encoding, errors="replace"))
        process.stdin.close()
    except OSError:  # the reader quit the pager before the end (BrokenPipeError): nothing is lost
        pass
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager, as in git: wait until it ends
            continue
