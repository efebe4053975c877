"""The catalogue of names packs may give documents-layer functions (model.catalogue) is what the
pack set lints against without importing that layer: a function that drifts from it must fail."""

from __future__ import annotations

import pytest

from casestaff.model.catalogue import Declared
from casestaff.model.named import Named, registry


def takes_minimum(*, minimum: int) -> None:
    """A check with one parameter."""


def test_the_registry_matches_its_catalogue():
    assert list(registry([Named(function=takes_minimum)], {"takes_minimum": Declared(params={"minimum": "int"})})) == ["takes_minimum"]


@pytest.mark.parametrize(
    "declared",
    [
        {"takes_minimum": Declared()},  # a parameter the catalogue does not declare
        {"takes_minimum": Declared(params={"minimum": "float"})},  # another type
        {"takes_minimum": Declared(params={"minimum": "int"}), "gone": Declared()},  # a name with no function
        {},  # a function not declared
    ],
)
def test_a_function_that_drifts_from_the_catalogue_is_refused(declared):
    with pytest.raises(ValueError, match="model.catalogue"):
        registry([Named(function=takes_minimum)], declared)
