"""`dataclass`, as the standard library's, but with one shared __repr__, __eq__ and __hash__.

Why: for every dataclass the standard library writes and compiles a __repr__ and an __eq__ (and a
__hash__ for a frozen one) when its module is imported; casestaff has some ninety, and compiling
those took about 10 ms of every start -- a tenth of `casestaff programs`. These generic methods
read the class's fields, worked out once when it is made, and give what the generated ones give:
the same text, the same equality (fields compared as one tuple, the class itself first), the same
hash; a method the class writes itself is kept, as the standard library keeps it. __init__ and
a frozen class's guards are the standard library's own. A class without a docstring gets
`Name(...)`, not the `Name(field: type, ...)` the standard library works out with
inspect.signature (about 50 us a class).
"""

from __future__ import annotations

import dataclasses
import reprlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see the standard library's dataclass, which this one is
    from dataclasses import dataclass as dataclass
else:

    def dataclass(cls: Any = None, /, **options: Any) -> Any:
        """dataclasses.dataclass(cls, **options), with the generic methods below."""

        def make(target: type) -> type:
            if not target.__dict__.get("__doc__"):
                # The standard library would write one from inspect.signature: about 50 us a class,
                # 2 ms of every start. The fields are in the __init__ signature all the same.
                target.__doc__ = f"{target.__name__}(...)"
            made = dataclasses.dataclass(target, **{**options, "repr": False, "eq": False})
            wants_repr, wants_eq = options.get("repr", True), options.get("eq", True)
            return _with_generic_methods(made, target, wants_repr, wants_eq, options.get("frozen", False))

        return make if cls is None else make(cls)


def _with_generic_methods(cls: type, written: type, wants_repr: bool, wants_eq: bool, frozen: bool) -> type:
    fields = dataclasses.fields(cls)
    own = written.__dict__  # what the class body defines itself
    if wants_repr and "__repr__" not in own:
        cls._repr_fields = tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]
        cls.__repr__ = _repr  # type: ignore[method-assign, assignment]
    if wants_eq and "__eq__" not in own:
        cls._compare_fields = tuple(f.name for f in fields if f.compare)  # type: ignore[attr-defined]
        cls.__eq__ = _eq  # type: ignore[method-assign, assignment]
    # The standard library's rule: a __hash__ the class writes is kept (a __hash__ of None that
    # Python set because the class wrote an __eq__ does not count); else equal by value and
    # frozen means hashed by value, and equal by value but not frozen means not hashable.
    written_hash = own.get("__hash__", dataclasses.MISSING)
    explicit = not (written_hash is dataclasses.MISSING or (written_hash is None and "__eq__" in own))
    if wants_eq and not explicit:
        if frozen:
            cls._hash_fields = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))  # type: ignore[attr-defined]
            cls.__hash__ = _hash  # type: ignore[method-assign, assignment]
        else:
            cls.__hash__ = None  # type: ignore[assignment]
    return cls


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._repr_fields)
    return f"{self.__class__.__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = self._compare_fields
    return tuple(getattr(self, name) for name in names) == tuple(getattr(other, name) for name in names)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, name) for name in self._hash_fields))
