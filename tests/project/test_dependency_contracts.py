"""casestaff turns some third-party messages into its own words by matching their phrases.

When a new release of a dependency stops saying a phrase, the user would get a raw message
instead of casestaff's located fix. These tests fail first, and say what to update.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from casestaff.files import yamlread

# One document per phrase that yamlread's syntax-error translation matches on.
LIBYAML_EXAMPLES = {
    ("problem", "tab"): "a: 1\n\tb: 2\n",
    ("problem", "cannot start any token"): "goal: @home\n",
    ("problem", "mapping values are not allowed"): "goal: a: b\n",
    ("problem", "end of stream"): 'goal: "open\n',
    ("context", "quoted scalar"): 'goal: "open\n',
    ("problem", "did not find expected ',' or ']'"): "goal: [a, b\nnext: 1\n",
    ("problem", "did not find expected ',' or '}'"): "goal: {a: b\nnext: 1\n",
    ("problem", "could not find expected ':'"): "goal: 1\nno colon here\n",
    ("problem", "did not find expected '-' indicator"): "list:\n  - a\n  b: 1\n",
    ("problem", "did not find expected key"): 'a:\n  b: 1\n c: 2\n',
    ("context", "expected a single document"): "a: 1\n---\nb: 2\n",
    ("problem", "block sequence entries are not allowed"): "a: - b\n",
    ("context", "directive"): "a: 1\n%b\n",
    ("problem", "undefined alias"): "a: *nothing\n",
    ("context", "duplicate anchor"): "a: &x 1\nb: &x 2\n",
}


def libyaml_error(text: str) -> yaml.MarkedYAMLError:
    try:
        yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        return exc
    raise AssertionError(f"libyaml accepted {text!r}; pick a document it refuses")


def test_every_matched_libyaml_phrase_has_an_example():
    assert set(LIBYAML_EXAMPLES) == set(yamlread.LIBYAML_PHRASES)


def test_the_phrase_table_lists_every_phrase_the_translation_matches():
    source = Path(yamlread.__file__).read_text(encoding="utf-8")
    matched = {
        (field, phrase.replace("\\'", "'"))
        for phrase, field in re.findall(r'"((?:[^"\\]|\\.)+)" in (problem|context)\b', source)
    }
    assert matched <= set(yamlread.LIBYAML_PHRASES), (
        f"yamlread matches {sorted(matched - set(yamlread.LIBYAML_PHRASES))} but LIBYAML_PHRASES does not list them"
    )


@pytest.mark.parametrize("field, phrase", yamlread.LIBYAML_PHRASES)
def test_libyaml_still_says_what_casestaff_matches_on(field, phrase):
    text = LIBYAML_EXAMPLES[(field, phrase)]
    exc = libyaml_error(text)
    said = (exc.problem if field == "problem" else exc.context) or ""
    assert phrase in said, (
        f"libyaml (PyYAML {yaml.__version__}) no longer says {phrase!r} in its {field} for {text!r}"
        f" (it says {said!r}); update LIBYAML_PHRASES and _syntax_error in src/casestaff/files/yamlread.py"
        " so casestaff's own message comes back"
    )
