"""casestaff's dataclass (model/plain.py) behaves as the standard library's: the same __init__,
the same repr text, the same equality and the same hash, for every kind of class casestaff
declares -- only made without compiling those methods for each class at every start."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.model import plain, records, write_initializers
from casestaff.model.initializers import MAKERS

OPTIONS = [{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}, {"kw_only": True, "slots": True}, {"frozen": True, "kw_only": True}]


def _twins(options: dict, base_options: dict | None = None):
    """The same classes -- a base with an internal field, and a child -- made by both."""
    made = []
    for make in (dataclasses.dataclass, plain.dataclass):

        class Base:
            name: str
            when: dt.date | None = None
            pos: tuple[int, int] = dataclasses.field(default=(0, 0), repr=False, compare=False)

        Base.__annotations__ = dict(Base.__annotations__)
        base = make(**(base_options or options))(Base)

        class Child(base):  # type: ignore[valid-type, misc]
            items: list[int] = dataclasses.field(default_factory=list)
            note: str = ""

        made.append((base, make(**options)(Child)))
    return made


values = st.tuples(
    st.text(max_size=5), st.none() | st.dates(), st.tuples(st.integers(0, 9), st.integers(0, 9)), st.lists(st.integers(), max_size=3), st.text(max_size=3)
)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "plain")
@given(a=values, b=values)
def test_repr_eq_and_hash_are_the_standard_librarys(options: dict, a, b) -> None:
    (std_base, std_child), (our_base, our_child) = _twins(options)
    for base, child in ((std_base, std_child), (our_base, our_child)):
        assert base.__name__ == "Base" and child.__name__ == "Child"
    for first, second in ((a, b), (a, a)):
        std = [std_child(name=v[0], when=v[1], pos=v[2], items=list(v[3]), note=v[4]) for v in (first, second)]
        ours = [our_child(name=v[0], when=v[1], pos=v[2], items=list(v[3]), note=v[4]) for v in (first, second)]
        assert [repr(x).replace("test_repr_eq_and_hash_are_the_standard_librarys.<locals>._twins.<locals>.", "") for x in ours] == [
            repr(x).replace("test_repr_eq_and_hash_are_the_standard_librarys.<locals>._twins.<locals>.", "") for x in std
        ]
        assert (ours[0] == ours[1]) == (std[0] == std[1])
        assert (ours[0] != ours[1]) == (std[0] != std[1])
        assert (ours[0] == "text") is (std[0] == "text") is False
        assert (our_child.__hash__ is None) == (std_child.__hash__ is None)
        assert (our_base.__hash__ is None) == (std_base.__hash__ is None)
        if std_base.__hash__ is not None:  # frozen: hashed by its compared fields, as the standard library hashes
            assert hash(our_base(name=first[0], when=first[1], pos=first[2])) == hash(std_base(name=first[0], when=first[1], pos=first[2]))
        if std_child.__hash__ is not None:  # a list among the compared fields: unhashable for both
            with pytest.raises(TypeError):
                hash(std[0])
            with pytest.raises(TypeError):
                hash(ours[0])


def test_a_parent_and_child_instance_are_not_equal_and_a_method_written_is_kept() -> None:
    (std_base, std_child), (our_base, our_child) = _twins({})
    assert (our_base(name="a") == our_child(name="a")) == (std_base(name="a") == std_child(name="a")) is False

    @plain.dataclass(frozen=True)
    class Shown:
        value: int

        def __repr__(self) -> str:
            return f"<{self.value}>"

    assert repr(Shown(3)) == "<3>" and Shown(3) == Shown(3) and hash(Shown(3)) == hash(Shown(3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Shown(3).value = 4  # type: ignore[misc]


def test_a_record_that_holds_itself_is_shown_without_recursing() -> None:
    @plain.dataclass
    class Node:
        children: list

    node = Node([])
    node.children.append(node)
    assert repr(node) == "test_a_record_that_holds_itself_is_shown_without_recursing.<locals>.Node(children=[...])"


@pytest.mark.parametrize("frozen", [True, False])
def test_a_class_that_writes_its_own_eq_is_hashed_as_the_standard_library_hashes_it(frozen: bool) -> None:
    made = []
    for make in (dataclasses.dataclass, plain.dataclass):

        class Own:
            value: int

            def __eq__(self, other: object) -> bool:
                return isinstance(other, type(self)) and other.value % 10 == self.value % 10

        made.append(make(frozen=frozen)(Own))
    std, ours = made
    assert (ours.__hash__ is None) == (std.__hash__ is None)
    assert (ours(3) == ours(13)) is (std(3) == std(13)) is True
    if std.__hash__ is not None:
        assert hash(ours(3)) == hash(std(3))


def test_one_decorator_made_once_and_used_twice_treats_both_classes_alike() -> None:
    unshown = plain.dataclass(repr=False, eq=False)

    class First:
        value: int

    class Second:
        value: int

    first, second = unshown(First), unshown(Second)
    assert first.__repr__ is object.__repr__ and second.__repr__ is object.__repr__
    assert first(1) != first(1) and second(1) != second(1)  # eq=False: compared by identity, for both


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "plain")
def test_a_class_without_a_docstring_is_named_and_one_with_keeps_its_own(options: dict) -> None:
    """No signature is worked out for a class that has no docstring (about 50 us a class at
    every start): it reads `Name(...)`, which the JSON Schema still knows is not a description."""

    @plain.dataclass(**options)
    class Bare:
        name: str

    @plain.dataclass(**options)
    class Said:
        """What it is for."""

        name: str

    assert Bare.__doc__ == "Bare(...)"
    assert Said.__doc__ == "What it is for."
    assert Bare(name="a") == Bare(name="a") and Bare(name="a").name == "a"


# __init__: the standard library's text, compiled ahead (model/initializers.py) or, for a shape it
# does not hold, here; either way the same parameters and the same instances.

field_specs = st.lists(
    st.tuples(st.sampled_from(["-", "d", "f"]), st.booleans(), st.booleans()),  # default kind, init, kw_only
    min_size=0,
    max_size=5,
)
shape_options = st.sampled_from([{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}, {"kw_only": True}])


def _class_of(make, spec: list, options: dict):
    body: dict = {"__annotations__": {}, "__module__": __name__}
    for number, (kind, init, kw_only) in enumerate(spec):
        name = f"f{number}"
        body["__annotations__"][name] = "int"
        if kind == "d":
            body[name] = dataclasses.field(default=number * 10, init=init, kw_only=kw_only)
        elif kind == "f":
            body[name] = dataclasses.field(default_factory=list, init=init, kw_only=kw_only)
        else:
            body[name] = dataclasses.field(init=init, kw_only=kw_only)
    return make(**options)(type("Made", (), body))


def _made_or_refused(make, spec: list, options: dict):
    try:
        return _class_of(make, spec, options), None
    except TypeError as exc:
        return None, str(exc)


def _state(obj, names: list[str]) -> list:
    shown = []
    for name in names:
        try:
            shown.append(("has", getattr(obj, name)))
        except AttributeError:
            shown.append(("missing",))
    return shown


@given(spec=field_specs, options=shape_options)
def test_init_takes_what_the_standard_librarys_takes_and_makes_the_same_instance(spec: list, options: dict) -> None:
    std, std_refusal = _made_or_refused(dataclasses.dataclass, spec, options)
    ours, our_refusal = _made_or_refused(plain.dataclass, spec, options)
    assert (our_refusal is None) == (std_refusal is None)  # a field without a default after one with
    if std is None:  # refused by both, naming the same field (the standard library's words vary by version)
        named = [word for word in std_refusal.split() if word.startswith("'f")][0]
        assert our_refusal.startswith(f"non-default argument {named} follows default argument")
        return
    assert str(inspect.signature(ours)) == str(inspect.signature(std))
    assert ours.__init__.__qualname__ == "Made.__init__"
    assert typing.get_type_hints(ours.__init__) == typing.get_type_hints(std.__init__)  # read in the class's module
    names = [f"f{number}" for number in range(len(spec))]
    given_values = {
        f"f{number}": [number] for number, (kind, init, _) in enumerate(spec) if init and (kind == "-" or number % 2)
    }
    made = [cls(**{name: list(value) for name, value in given_values.items()}) for cls in (std, ours)]
    assert _state(made[1], names) == _state(made[0], names)
    again = ours(**{name: list(value) for name, value in given_values.items()})
    for number, (kind, _, _) in enumerate(spec):
        if kind == "f" and f"f{number}" not in given_values:  # a factory's value is made for each instance
            assert getattr(again, f"f{number}") is not getattr(made[1], f"f{number}")
    copies = []  # through __getstate__ and __setstate__, which a frozen class with slots needs
    for obj in made:
        try:
            copies.append(_state(copy.deepcopy(obj), names))
        except AttributeError:  # a field without a value: neither copies
            copies.append(None)
    assert copies[1] == copies[0]
    if options.get("frozen") and spec:
        for obj in made:
            with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'f0'"):
                obj.f0 = 1
            with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'f0'"):
                del obj.f0
    required = [name for name, (kind, init, _) in zip(names, spec, strict=True) if init and kind == "-"]
    if required:
        for cls in (std, ours):
            with pytest.raises(TypeError):
                cls()


def test_every_casestaff_dataclass_has_its_init_compiled_ahead() -> None:
    """model/initializers.py is current: `python -m casestaff.model.write_initializers` writes
    what it holds. Else a class whose shape it lacks compiles its __init__ at every start."""
    text = write_initializers.written(write_initializers.every_shape())
    assert write_initializers.TARGET.read_text(encoding="utf-8") == text, "run python -m casestaff.model.write_initializers"


def test_a_shape_not_compiled_ahead_is_compiled_when_made_and_works_the_same() -> None:
    spec = [("-", True, False)] * 9 + [("f", False, True)]
    assert plain.init_shape(dataclasses.fields(_class_of(dataclasses.dataclass, spec, {})), frozen=False, slots=False) not in MAKERS
    std, ours = _class_of(dataclasses.dataclass, spec, {}), _class_of(plain.dataclass, spec, {})
    assert str(inspect.signature(ours)) == str(inspect.signature(std))
    assert _state(ours(*range(9)), [f"f{n}" for n in range(10)]) == _state(std(*range(9)), [f"f{n}" for n in range(10)])


def test_what_casestaffs_dataclass_does_not_do_is_refused_when_the_class_is_made() -> None:
    class Later:
        value: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="__post_init__"):
        plain.dataclass(Later)
    with pytest.raises(TypeError, match="order=True"):
        plain.dataclass(order=True)(type("Ordered", (), {"__annotations__": {"value": "int"}}))


def test_a_frozen_class_keeps_the_standard_librarys_rules_on_its_bases() -> None:
    base = plain.dataclass(frozen=True)(type("Base", (), {"__annotations__": {"value": "int"}}))
    with pytest.raises(TypeError, match="cannot inherit non-frozen dataclass from a frozen one"):
        plain.dataclass(type("Child", (base,), {"__annotations__": {"more": "int"}}))
    thawed = plain.dataclass(type("Thawed", (), {"__annotations__": {"value": "int"}}))
    with pytest.raises(TypeError, match="cannot inherit frozen dataclass from a non-frozen one"):
        plain.dataclass(frozen=True)(type("Child", (thawed,), {"__annotations__": {"more": "int"}}))
    child = plain.dataclass(frozen=True)(type("Child", (base,), {"__annotations__": {"more": "int"}}))
    assert child(1, 2).more == 2 and dataclasses.replace(child(1, 2), value=5) == child(5, 2)


def test_a_casestaff_records_init_reads_its_annotations_in_its_own_module() -> None:
    """As the standard library's __init__: typing and inspect resolve its annotation texts."""
    hints = typing.get_type_hints(records.Case.__init__)
    assert hints["staffings"] == typing.get_type_hints(records.Case)["staffings"] and hints["return"] is type(None)
    assert "case_id: str" in str(inspect.signature(records.Case, eval_str=True))


def test_a_frozen_class_with_a_frozen_and_a_thawed_base_is_refused_as_this_python_refuses_it() -> None:
    outcomes = []
    for make in (dataclasses.dataclass, plain.dataclass):
        first = make(frozen=True)(type("First", (), {"__annotations__": {"a": "int"}}))
        second = make(type("Second", (), {"__annotations__": {"b": "int"}}))
        try:
            make(frozen=True)(type("Both", (first, second), {"__annotations__": {"c": "int"}}))
            outcomes.append(None)
        except TypeError as exc:
            outcomes.append(str(exc))
    assert outcomes[1] == outcomes[0]
