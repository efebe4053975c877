"""casestaff's build backend: setuptools' own, with a clean staging folder for every wheel.

Why: setuptools stages a wheel's files in the checkout's build/ folder (build/lib, and
build/bdist.*) and never empties it, so a checkout installed before (`pip install .` again after
`git pull`) ships the files it has since renamed or removed -- an old agenda template found
before the new one breaks `agenda`. Emptying those staging folders (and nothing else of build/:
an sdist written there, a strict editable install's tree) before each wheel is built makes the
wheel exactly the checkout. Editable installs and sdists are setuptools' own, unchanged; the
sdist carries this folder (MANIFEST.in), so a wheel can be built from it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every other PEP 517 hook, as setuptools has it

BUILD = Path(__file__).resolve().parent.parent / "build"


def staging_folders() -> list[Path]:
    """setuptools' staging folders for a wheel in this checkout: build/lib and build/bdist.*."""
    return [BUILD / "lib", *BUILD.glob("bdist.*")]


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):  # type: ignore[no-untyped-def]
    for folder in staging_folders():
        shutil.rmtree(folder, ignore_errors=True)
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
