"""The field specs the validator, the quick builder, the JSON Schema and the docs share are read
from the records' type hints: the same hints Python's typing module reads, whichever class of a
module is asked first."""

from __future__ import annotations

import dataclasses
import random
import typing

from casestaff.model import pack, plain, records
from casestaff.model.spec import fields_of, type_hints

RECORD_CLASSES = [
    cls
    for module in (records, pack)
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
]


def test_every_record_class_has_the_hints_typing_reads() -> None:
    assert len(RECORD_CLASSES) > 30
    for order in range(3):  # a text evaluated for one class is reused for the next: any order
        classes = random.Random(order).sample(RECORD_CLASSES, len(RECORD_CLASSES))
        for cls in classes:
            assert type_hints(cls) == typing.get_type_hints(cls), cls.__name__


def test_hints_equal_but_in_another_order_keep_their_own_order() -> None:
    """Literal["b", "a"] equals Literal["a", "b"], but a field's choices are listed as written."""
    first = fields_of(plain.dataclass(type("First", (), {"__annotations__": {"pick": typing.Literal["a", "b"]}})))
    second = fields_of(plain.dataclass(type("Second", (), {"__annotations__": {"pick": typing.Literal["b", "a"]}})))
    # (Python 3.10's typing hands back the first of two equal Literals for the second: its order.)
    assert first["pick"].kind.values == ("a", "b")
    assert second["pick"].kind.values == typing.get_args(typing.Literal["b", "a"])
