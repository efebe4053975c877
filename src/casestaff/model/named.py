"""The functions a program pack may name -- rule functions, readiness checks, narration checks,
agenda parts -- each as one record: the function and what it declares about itself.

A pack names a function; every layer then asks the function's record, never its name, what it
takes and what it does, so a function that declares the same thing behaves the same whatever
it is called. Each kind of function has one registry, built once where the functions are
defined, immutable: packs choose from it, code does not register into it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from casestaff.model.plain import dataclass
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from casestaff.model.catalogue import Declared


@dataclass(frozen=True, kw_only=True)
class Named:
    """A function a pack may name, by its own name."""

    function: Callable[..., Any]

    @property
    def name(self) -> str:
        return self.function.__name__

    @property
    def params(self) -> Mapping[str, str]:
        """What a pack gives the function: its keyword-only parameters and their types as written
        in the signature ('int', 'float', 'list[int]', 'list[str]')."""
        return {
            name: str(p.annotation)
            for name, p in inspect.signature(self.function).parameters.items()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        }

    @property
    def summary(self) -> str:
        """The first line of the function's docstring: what `casestaff programs --functions` says of it."""
        return (self.function.__doc__ or "").strip().splitlines()[0]


class Takes(Protocol):
    """What the pack set asks of a function a pack names, whether a registry's record (`Named`)
    or the catalogue's declaration (`model.catalogue.Declared`): the parameters it takes."""

    @property
    def params(self) -> Mapping[str, str]: ...


N = TypeVar("N", bound=Named)


def registry(records: Iterable[N], declared: Mapping[str, Declared] | None = None) -> MappingProxyType[str, N]:
    """The records by name, immutable; two records of one name are a mistake in casestaff itself.

    With `declared` (a catalogue in `model.catalogue`), the records must be exactly what it
    declares -- the same names, parameters and listed_in -- or casestaff itself is wrong: the
    pack set checks packs against the catalogue without importing the functions.
    """
    by_name: dict[str, N] = {}
    for record in records:
        if record.name in by_name:
            raise ValueError(f"two records name the function {record.name}")
        by_name[record.name] = record
    if declared is not None:
        if set(by_name) != set(declared):
            raise ValueError(
                f"model.catalogue declares {sorted(set(declared) - set(by_name))} with no function,"
                f" and not the functions {sorted(set(by_name) - set(declared))}"
            )
        for name, record in by_name.items():
            found = Declared(params=dict(record.params), listed_in=getattr(record, "listed_in", None))
            if found != Declared(params=dict(declared[name].params), listed_in=declared[name].listed_in):
                raise ValueError(f"{name}: model.catalogue declares {declared[name]}, the function takes {found}")
    return MappingProxyType(by_name)
