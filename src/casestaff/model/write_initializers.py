"""Writes model/initializers.py: the __init__ of every shape of dataclass casestaff declares,
as model/plain.py's init_source gives it, so that no start compiles one (see model/plain.py).

Run `python -m casestaff.model.write_initializers` after adding or changing a dataclass; a test
says when it is due. Until then the class works all the same: its __init__ is compiled when its
module is imported.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import casestaff
from casestaff.model import plain

TARGET = Path(__file__).with_name("initializers.py")


def every_shape() -> list[str]:
    """The shape of every dataclass in casestaff, each module imported to make them."""
    for module in pkgutil.walk_packages(casestaff.__path__, "casestaff."):
        if module.name != __name__ and not module.name.endswith(".__main__"):
            importlib.import_module(module.name)
    return sorted({shape for module, shape in plain.SHAPES if module.startswith("casestaff.")})


def written(shapes: list[str]) -> str:
    """The module's text for these shapes."""
    parts = [
        '"""Written by `python -m casestaff.model.write_initializers`; do not edit.\n\n'
        "Each function returns the __init__ of one shape of dataclass (model/plain.py's init_source);\n"
        'MAKERS finds it by the shape."""\n\n'
        "# fmt: off\n# ruff: noqa\n\nfrom collections.abc import Callable\nfrom typing import Any\n"
    ]
    for number, shape in enumerate(shapes):
        parts.append("\n\n" + plain.init_source(shape).replace("def make(", f"def _{number}(", 1))
    parts.append("\n\nMAKERS: dict[str, Callable[..., Any]] = {\n" + "".join(f"    {shape!r}: _{number},\n" for number, shape in enumerate(shapes)) + "}\n")
    return "".join(parts)


def main() -> None:
    text = written(every_shape())
    TARGET.write_text(text, encoding="utf-8", newline="\n")
    print(f"{TARGET}: {text.count('def __init__')} shapes", file=sys.stderr)


if __name__ == "__main__":
    main()
