"""`dataclass`, as the standard library's, but with no method compiled for each class at start.

Why: for every dataclass the standard library writes and compiles an __init__, a __repr__ and an
__eq__ (and a frozen class's __setattr__, __delattr__ and __hash__) when its module is imported;
casestaff has some ninety, and compiling those took about 20 ms of every start -- a fifth of
`casestaff due` on a small caseload. Here:
- __repr__, __eq__ and __hash__ are generic methods that read the class's fields, worked out once
  when it is made, and give what the generated ones give: the same text, the same equality
  (fields compared as one tuple, the class itself first), the same hash;
- __init__ is the standard library's text, compiled ahead: model/initializers.py holds one,
  compiled as any module is, for each shape of class casestaff declares (which fields, in what
  order, with a default or a factory, keyword-only or not, frozen or not). A class of a shape it
  does not hold (a new one, before `python -m casestaff.model.write_initializers`) has its
  __init__ compiled here from the same text, so it is only slower, never different;
- a frozen class's guards are closures over the class, as the standard library's are.
A method the class writes itself is kept, as the standard library keeps it. A class without a
docstring gets `Name(...)`, not the `Name(field: type, ...)` the standard library works out with
inspect.signature (about 50 us a class). What is not supported here (__post_init__, InitVar,
order=True) is refused when the class is made, not run differently.
"""

from __future__ import annotations

import dataclasses
import reprlib
import sys
from collections.abc import Callable
from types import FunctionType
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from casestaff.model.initializers import MAKERS

if TYPE_CHECKING:  # type checkers see the standard library's dataclass, which this one is
    from dataclasses import dataclass as dataclass
else:

    def dataclass(cls: Any = None, /, **options: Any) -> Any:
        """dataclasses.dataclass(cls, **options), with the methods below."""

        def make(target: type) -> type:
            return _made(target, options)

        return make if cls is None else make(cls)


SHAPES: set[tuple[str, str]] = set()
"""The module and shape of every class made here in this process (write_initializers writes out
casestaff's)."""

_FROZEN: WeakSet[type] = WeakSet()
"""The classes made here frozen: the standard library is told they are not (so that it compiles
no guards), and its rules on frozen bases are kept here instead."""


def _made(target: type, options: dict[str, Any]) -> type:
    own = dict(target.__dict__)  # what the class body defines itself
    frozen, slots = options.get("frozen", False), options.get("slots", False)
    if options.get("order", False) or hasattr(target, "__post_init__"):
        raise TypeError(f"{target.__name__}: casestaff's dataclass has no order=True and no __post_init__")
    if not own.get("__doc__"):
        # The standard library would write one from inspect.signature: about 50 us a class,
        # 2 ms of every start. The fields are in the __init__ signature all the same.
        target.__doc__ = f"{target.__name__}(...)"
    _check_frozen_bases(target, frozen)
    made: type = dataclasses.dataclass(target, **{**options, "repr": False, "eq": False, "init": False, "frozen": False})
    fields = dataclasses.fields(made)
    if any("InitVar" in str(f.type) for f in made.__dataclass_fields__.values() if f not in fields):  # type: ignore[attr-defined]
        raise TypeError(f"{target.__name__}: casestaff's dataclass has no InitVar")
    if options.get("init", True) and "__init__" not in own:
        made.__init__ = _initializer(made, fields, frozen=frozen, slots=slots)  # type: ignore[misc]
    if frozen:
        _FROZEN.add(made)
        _guard(made, own, fields, slots=slots)
    return _with_generic_methods(made, own, fields, options.get("repr", True), options.get("eq", True), frozen)


def _check_frozen_bases(target: type, frozen: bool) -> None:
    """The standard library's rules on dataclass bases: a class that is not frozen has no frozen
    one, and a frozen class has a frozen one (from Python 3.13, only frozen ones)."""
    bases = [b for b in target.__mro__[-1:0:-1] if hasattr(b, "__dataclass_fields__")]
    if not bases:
        return
    frozen_bases = [b in _FROZEN or b.__dataclass_params__.frozen for b in bases]  # type: ignore[attr-defined]
    if any(frozen_bases) and not frozen:
        raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
    # Python 3.13 refuses a frozen class any of whose dataclass bases is not; earlier ones, all.
    if frozen and not (all(frozen_bases) if sys.version_info >= (3, 13) else any(frozen_bases)):
        raise TypeError("cannot inherit frozen dataclass from a non-frozen one")


_FACTORY = type("_Factory", (), {"__repr__": lambda self: "<factory>"})()
"""The default of a parameter whose field has a default factory, as the standard library's."""


def _default_kind(f: dataclasses.Field[Any]) -> str:
    """'f' for a field with a default factory, 'd' with a default, '-' with neither."""
    return "f" if f.default_factory is not dataclasses.MISSING else "d" if f.default is not dataclasses.MISSING else "-"


def _binds_default(kind: str, *, init: bool, slots: bool) -> bool:
    """Whether `make` is given a field's default (or factory): the standard library's __init__
    names it for a parameter's default, a factory to call, or a slot to fill."""
    return kind == "f" or (kind == "d" and (init or slots))


def init_shape(fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool, slots: bool) -> str:
    """What a class's __init__ text depends on, and nothing else: each field's name, whether
    __init__ takes it, keyword-only or not, and whether it has a default, a factory or neither."""
    parts = ["frozen" if frozen else "", "slots" if slots else ""]
    for f in fields:
        parts.append(f"{f.name} {'i' if f.init else 'x'}{'k' if f.kw_only else 'p'}{_default_kind(f)}")
    return "|".join(parts)


def init_source(shape: str) -> str:
    """The text of `make(object, factory, *defaults)`, which returns the __init__ the standard
    library (3.11) would compile for a class of this shape: the same parameters in the same order,
    the same statements; only the names it binds differ."""
    flags, _, rest = shape.partition("|")
    slots_flag, _, rest = rest.partition("|")
    frozen, slots = flags == "frozen", slots_flag == "slots"
    fields = [(name, marks[0] == "i", marks[1] == "k", marks[2]) for name, marks in (part.split(" ") for part in rest.split("|") if part)]
    me = "__dataclass_self__" if any(name == "self" for name, *_ in fields) else "self"
    bound: list[str] = []
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for name, init, kw_only, kind in fields:
        default = f"__dataclass_dflt_{name}__"
        if _binds_default(kind, init=init, slots=slots):
            bound.append(default)
        if init:
            given = "" if kind == "-" else f"={default}" if kind == "d" else "=__dataclass_factory__"
            (keyword if kw_only else positional).append(f"{name}{given}")
        if kind == "f":
            value = f"{default}() if {name} is __dataclass_factory__ else {name}" if init else f"{default}()"
        elif init:
            value = name
        elif kind == "d" and slots:
            value = default
        else:
            continue  # read from the class attribute that holds the default
        body.append(f"__dataclass_builtins_object__.__setattr__({me},{name!r},{value})" if frozen else f"{me}.{name}={value}")
    params = ",".join([me, *positional, *(["*", *keyword] if keyword else [])])
    lines = "".join(f"  {line}\n" for line in body or ["pass"])
    binds = ",".join(["__dataclass_builtins_object__", "__dataclass_factory__", *bound])
    return f"def make({binds}):\n def __init__({params}):\n{lines} return __init__\n"


def _initializer(cls: type, fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool, slots: bool) -> Callable[..., None]:
    seen_default = False
    for f in fields:  # the standard library's check, and its message
        if f.init and not f.kw_only:
            if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
    shape = init_shape(fields, frozen=frozen, slots=slots)
    SHAPES.add((cls.__module__, shape))
    make = MAKERS.get(shape)
    if make is None:  # a shape model/initializers.py does not hold: compiled now, from the same text
        space: dict[str, Any] = {}
        exec(init_source(shape), {}, space)  # our own text, made from the field names
        make = space["make"]
    defaults = [
        f.default_factory if f.default_factory is not dataclasses.MISSING else f.default
        for f in fields
        if _binds_default(_default_kind(f), init=f.init, slots=slots)
    ]
    made = make(object, _FACTORY, *defaults)
    # In the class's own module, as the standard library makes it: typing.get_type_hints and
    # inspect.signature(eval_str=True) read its annotation texts there.
    module = sys.modules.get(cls.__module__)
    init = FunctionType(made.__code__, module.__dict__ if module else {}, "__init__", made.__defaults__, made.__closure__)
    init.__kwdefaults__ = made.__kwdefaults__
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields if f.init}, "return": None}
    return init


def _guard(cls: type, own: dict[str, Any], fields: tuple[dataclasses.Field[Any], ...], *, slots: bool) -> None:
    """A frozen class's __setattr__ and __delattr__, as the standard library's; with slots, the
    __getstate__ and __setstate__ that pickling it needs."""
    names = tuple(f.name for f in fields)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]  # mypy narrows cls by the test above

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    for method in (__setattr__, __delattr__):
        if method.__name__ in own:
            raise TypeError(f"Cannot overwrite attribute {method.__name__} in class {cls.__name__}")
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    if slots:
        if "__getstate__" not in own:
            cls.__getstate__ = _frozen_getstate  # type: ignore[attr-defined]
        if "__setstate__" not in own:
            cls.__setstate__ = _frozen_setstate  # type: ignore[attr-defined]


def _frozen_getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _frozen_setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=False):  # as the standard library
        object.__setattr__(self, f.name, value)  # the instance is frozen: past its own guard


def _with_generic_methods(
    cls: type, own: dict[str, Any], fields: tuple[dataclasses.Field[Any], ...], wants_repr: bool, wants_eq: bool, frozen: bool
) -> type:
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
