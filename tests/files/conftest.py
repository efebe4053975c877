"""Fixtures the cache's tests share: the built-in pack set and an aged copy of the samples."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from casestaff.files.config import Config
from casestaff.packset import load_packset

from ..conftest import SAMPLES


@pytest.fixture
def packset():
    return load_packset(Config())


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """A copy of the samples, aged three seconds so the cache may trust them."""
    folder = tmp_path / "cases"
    shutil.copytree(SAMPLES, folder)
    old = time.time() - 3
    for path in folder.iterdir():
        os.utime(path, (old, old))
    return folder
