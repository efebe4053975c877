"""A built wheel works on its own: program packs and templates travel inside it as package data."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ..conftest import REPO, SAMPLES


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stdout}\n{build.stderr}")
    (found,) = out.glob("casestaff-*.whl")
    return found


def test_wheel_carries_packs_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packs = {Path(n).name for n in names if n.startswith("casestaff/program_packs/")}
    assert {"la-step.yaml", "il-snap-et.yaml", "or-ssp-reengagement.yaml", "fc-reintegration.yaml", "or-ssp-case-management.yaml"} <= packs
    templates = [n for n in names if n.startswith("casestaff/templates/") and n.endswith(".j2")]
    assert templates, "no templates in the wheel"
    assert "casestaff/templates/report/default.html.j2" in names, "casestaff report's page is not in the wheel"
    assert not any(n.startswith(("tests/", "sample_cases/", "benchmarks/")) for n in names)


def test_wheel_carries_only_what_the_checkout_has(wheel: Path) -> None:
    """A checkout built before (its build/ folder left from an earlier install) must not ship the
    files it has since renamed or removed: a template the checkout no longer has would be found
    before the one it has (agenda/la-step.md.j2 before agenda/la-step.j2) and break `agenda`
    after an upgrade."""
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.removeprefix("casestaff/templates/") for n in names if n.startswith("casestaff/templates/") and not n.endswith(".py")}
    checkout = {p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*") if p.is_file() and p.suffix in (".j2", ".css")}
    assert shipped == checkout
    packs = {n for n in names if n.startswith("casestaff/program_packs/")}
    assert packs == {f"casestaff/program_packs/{p.name}" for p in (REPO / "src" / "casestaff" / "program_packs").glob("*.yaml")}
    tables = {n for n in names if n.startswith("casestaff/holiday_tables/")}  # each holidays release's, Python 3.10's too
    source = REPO / "src" / "casestaff" / "holiday_tables"
    assert tables == {f"casestaff/holiday_tables/{p.relative_to(source).as_posix()}" for p in source.rglob("*") if p.is_file()}


def test_the_build_empties_only_setuptools_staging_folders(tmp_path: Path) -> None:
    """Not an sdist written into build/, nor a strict editable install's tree there."""
    pytest.importorskip("setuptools")  # the backend is setuptools' (a venv of Python 3.12 or later has none)
    (tmp_path / "build_backend").mkdir()
    shutil.copy(REPO / "build_backend" / "casestaff_build.py", tmp_path / "build_backend" / "casestaff_build.py")
    for kept_or_not in ("lib/casestaff/old.j2", "bdist.linux-x86_64/x", "casestaff-0.1.0.tar.gz", "__editable__.casestaff-0.1.0/casestaff/__init__.py"):
        (tmp_path / "build" / kept_or_not).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "build" / kept_or_not).write_text("", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("copied_backend", tmp_path / "build_backend" / "casestaff_build.py")
    assert spec is not None and spec.loader is not None
    backend = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(backend)
    assert sorted(p.name for p in backend.staging_folders()) == ["bdist.linux-x86_64", "lib"]


def test_an_sdist_builds_a_working_wheel(tmp_path: Path) -> None:
    """The sdist carries the build backend (MANIFEST.in), so pip can build a wheel from it."""
    pytest.importorskip("setuptools")
    made = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'build_backend'); import casestaff_build; print(casestaff_build.build_sdist(sys.argv[1]))", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    sdist = tmp_path / made.stdout.strip().splitlines()[-1]
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(sdist)], capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("casestaff-*.whl")
    assert "casestaff/templates/agenda/la-step.j2" in zipfile.ZipFile(wheel).namelist()


def test_installed_wheel_runs_due_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel alone into a folder and run it from elsewhere: nothing comes from the checkout."""
    site = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    cases = tmp_path / "cases"
    shutil.copytree(SAMPLES, cases)
    env = {**os.environ, "PYTHONPATH": str(site), "CASESTAFF_CACHE_DIR": str(tmp_path / "cache")}
    where = subprocess.run(
        [sys.executable, "-c", "import casestaff, casestaff.documents.templating as t; print(casestaff.__file__); print(t.packaged_templates())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    module_file, templates = where.stdout.split()
    assert module_file.startswith(str(site)), module_file
    assert templates.startswith(str(site)), templates
    run = subprocess.run(
        [sys.executable, "-m", "casestaff", "due", str(cases), "--as-of", "2026-12-01", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    programs = {item["program"] for item in json.loads(run.stdout)}
    assert programs == {"la-step", "il-snap-et", "or-ssp-reengagement", "fc-reintegration", "or-ssp-case-management"}
