"""casestaff's dataclass (model/plain.py) behaves as the standard library's: the same repr text,
the same equality and the same hash, for every kind of class casestaff declares -- only made
without compiling those methods for each class at every start."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casestaff.model import plain

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
