"""`casestaff`: the app with every command on it, and the console entry point.

Start-up time is part of every command's speed (issue 7, issue 11): a command's module -- and
the core beneath it -- is imported only when that command runs or shows its own help.
`casestaff --help` lists the commands from `COMMANDS` without importing any of them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import Any, NamedTuple

import typer
import typer.main

from casestaff.cli.common import Commands, app
from casestaff.cli.launch import collect_from_here, command_streams, reader_gone
from casestaff.cli.messages import say
from casestaff.model.errors import EXIT_INTERRUPTED, EXIT_OK

__all__ = ["COMMANDS", "LazyCommands", "app", "main"]


class Entry(NamedTuple):
    module: str
    """The module that puts the command on the app as it is imported."""
    summary: str
    """The first paragraph of the command's help: what `casestaff --help` lists (a test checks
    it is the command's own)."""


COMMANDS: dict[str, Entry] = {
    # In the order `casestaff --help` and docs/cli.md list them: keep this order.
    "due": Entry(
        "casestaff.cli.due",
        "Who needs a staffing, why and by when: overdue, then due, then upcoming, hard deadlines first in each; then the program calendar.",
    ),
    "check": Entry("casestaff.cli.due", "Validate case files; print every problem as path:line:col: message, with the fix."),
    "schema": Entry("casestaff.cli.programs", "Print the JSON Schema (draft 2020-12) of a case file, for editors such as VS Code."),
    "programs": Entry("casestaff.cli.programs", "List the program packs, or show one program's rules with parameters and citations."),
    "agenda": Entry(
        "casestaff.cli.agenda", "A staffing agenda from the program's own outline, prefilled from the case file, gaps and blockers marked."
    ),
    "record": Entry("casestaff.cli.record", "Record a staffing's outcome in the case file, or mark a next step done (or not done)."),
    "new": Entry("casestaff.cli.record", "Start a case file from the program's skeleton: every field it uses, each with a comment."),
    "narrate": Entry(
        "casestaff.cli.record", "Print the narration of a recorded staffing, plain text ready to paste into the system of record."
    ),
    "history": Entry("casestaff.cli.history", "Print the participant's whole timeline, newest first, as plain text."),
    "calendar": Entry("casestaff.cli.calendar", "The due list's deadlines and the program calendar as an iCalendar (.ics) file."),
    "report": Entry(
        "casestaff.cli.report",
        "The supervisor's overview: who needs attention per worker, program and rule, how long overdue, hard deadlines,"
        " staffings held, and the overdue trend.",
    ),
    "import": Entry("casestaff.cli.importing", "Start one case file per row of a caseload spreadsheet (.csv or .xlsx), from the program's skeleton."),
}
"""Every command: the module that defines it, and the line `casestaff --help` shows for it."""


class _CommandsOnDemand(MutableMapping[str, Any]):
    """The group's commands by name, in `COMMANDS` order; a command is built (its module
    imported) the first time it is looked up."""

    def __init__(self, markup: Any) -> None:
        self._built: dict[str, Any] = {}
        self._markup = markup

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            importlib.import_module(COMMANDS[name].module)  # registers its commands on the app
            collect_from_here()
            for info in app.registered_commands:
                if info.callback is not None and (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
                    self._built[name] = typer.main.get_command_from_info(
                        info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=self._markup
                    )
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*COMMANDS, *(name for name in self._built if name not in COMMANDS)])

    def __len__(self) -> int:
        return len(list(iter(self)))


class LazyCommands(Commands):
    """casestaff's command group, building each command only when it is looked up; its own
    help lists every command from `COMMANDS` without building any."""

    def __init__(self, *, commands: Any = None, **attrs: Any) -> None:
        # Plain help, as docs/cli.md shows it: rich's help boxes cost about 40 ms per --help.
        attrs["rich_markup_mode"] = None
        super().__init__(**attrs)
        self.commands = _CommandsOnDemand(self.rich_markup_mode)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Every command with its whole summary, wrapped (as rich's help showed them), not cut short."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry.summary) for name, entry in COMMANDS.items()])


app.info.cls = LazyCommands


def main() -> None:
    """The command line (cli/launch.py calls it when no stored answer serves)."""
    with command_streams(sys.argv[1:]):
        try:
            app()
        except KeyboardInterrupt:  # pragma: no cover - while typer builds the command line
            say("casestaff: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # pragma: no cover - `casestaff due | head`
            reader_gone()
            sys.exit(EXIT_OK)
