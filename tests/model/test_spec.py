"""The field specs the validator, the quick builder, the JSON Schema and the docs share are read
from the records' type hints: the same hints Python's typing module reads, whichever class of a
module is asked first."""

from __future__ import annotations

import dataclasses
import random
import typing

from casestaff.model import pack, records
from casestaff.model.spec import type_hints

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
