"""Each job's answers are cached in a file of their own: served only to that job, for the very
file and path they were computed from; at most KEEP_RESULTS jobs kept; a deleted case leaves
every job's answers."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest

from casestaff.files import cache as cache_module
from casestaff.files.caseload import run_caseload
from casestaff.rules.due import DueJob


AS_OF = dt.date(2026, 12, 1)
TODAY = dt.date(2026, 11, 23)


def _run(folder: Path, packset, job_number: int = 0, **kwargs):
    """The due list as of AS_OF, a window of 14 days -- or of more, one day a job: each window is
    a job of its own (a later day is not: an answer is kept with the days it holds for)."""
    job = DueJob(packset=packset, as_of=AS_OF, within=14 + job_number, default_worker="")
    return run_caseload([folder], packset, job, TODAY, **kwargs)


def _flags(run) -> list[tuple[str, str, str, str]]:
    return sorted((f.case, f.rule, f.due.isoformat(), f.status) for entry in run.results for f in entry.flags)


def _answer_files() -> list[Path]:
    return sorted(p for p in cache_module.cache_root().iterdir() if ".answers-" in p.name)


def test_only_the_last_jobs_answers_are_kept(cases, packset):
    for number in range(cache_module.KEEP_RESULTS + 1):
        _run(cases, packset, number)
        time.sleep(0.01)  # distinct modification times
    assert len(_answer_files()) == cache_module.KEEP_RESULTS
    oldest = _run(cases, packset, 0)
    assert oldest.stats["cached"] == 0 and oldest.stats["recomputed"] == oldest.stats["files"]
    assert _flags(oldest) == _flags(_run(cases, packset, 0, use_cache=False))
    newest = _run(cases, packset, cache_module.KEEP_RESULTS)
    assert newest.stats["cached"] == newest.stats["files"]


def test_another_jobs_answers_under_this_jobs_name_are_not_served(cases, packset):
    """The job's whole key is checked inside its answers file, not only in the file's name."""
    _run(cases, packset, 0)
    (first,) = _answer_files()
    other = cache_module.answers_path(os.path.abspath(cases), f"{DueJob(packset, AS_OF, 15, '').key}|{packset.fingerprint}")
    shutil.copy2(first, other)
    again = _run(cases, packset, 1)
    assert again.stats["cached"] == 0
    assert _flags(again) == _flags(_run(cases, packset, 1, use_cache=False))


def test_a_deleted_case_leaves_every_jobs_answers(cases, packset):
    _run(cases, packset, 0)
    _run(cases, packset, 1)
    (cases / "or-ssp-reengagement-amy.yaml").unlink()
    _run(cases, packset, 0)
    assert len(_answer_files()) == 2
    for stored in cache_module.cache_root().iterdir():
        assert b"OR-RE-0001" not in stored.read_bytes(), stored.name


def test_an_answer_is_served_only_for_the_path_it_names(cases, packset, monkeypatch):
    monkeypatch.chdir(cases.parent)
    _run(Path("cases"), packset)
    monkeypatch.chdir(cases)
    inside = _run(Path("."), packset)
    assert inside.stats["cached"] == 0
    assert {entry.file.split(os.sep)[0] for entry in inside.results} != {"cases"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_answers_file_others_can_read_is_ignored_and_named(cases, packset):
    _run(cases, packset)
    (answers,) = _answer_files()
    answers.chmod(0o644)
    again = _run(cases, packset)
    assert again.stats["cached"] == 0
    assert again.notes == [
        f"ignoring the cache file {answers}: others can read or write it (mode 0644); casestaff reads nothing from it and writes it again"
    ]


def test_a_deleted_case_leaves_the_cache_after_the_packs_changed(cases, monkeypatch, tmp_path):
    """Another pack set's run starts the folder's index over; a case deleted before the usual packs
    run again must still leave every cache file (the answers no longer carry a date in their
    file name, so none of them ages out on its own)."""
    from typer.testing import CliRunner

    from casestaff.cli.main import app

    other = tmp_path / "other.toml"
    other.write_text('state = "IL"\n', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"]).exit_code in (0, 1)
    monkeypatch.setenv("CASESTAFF_CONFIG", str(other))
    assert runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-02"]).exit_code in (0, 1)
    monkeypatch.delenv("CASESTAFF_CONFIG")
    gone = cases / "or-ssp-reengagement-rosa-delgado.yaml"
    assert "Rosa Delgado" in gone.read_text(encoding="utf-8")
    gone.unlink()
    for day in range(3, 9):
        assert runner.invoke(app, ["due", str(cases), "--as-of", f"2026-12-{day:02d}"]).exit_code in (0, 1)
    for stored in cache_module.cache_root().iterdir():
        assert b"Rosa Delgado" not in stored.read_bytes(), stored.name


def _cache_naming(name: bytes) -> list[str]:
    return sorted(p.name for p in cache_module.cache_root().iterdir() if name in p.read_bytes())


def test_the_last_case_of_a_sub_folder_leaves_the_cache(cases):
    """A folder read in full with no case file left: nothing of it stays in the cache."""
    from typer.testing import CliRunner

    from casestaff.cli.main import app

    closed = cases / "closed"
    closed.mkdir()
    moved = closed / "rosa.yaml"
    (cases / "or-ssp-reengagement-rosa-delgado.yaml").rename(moved)
    runner = CliRunner()
    assert runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"]).exit_code in (0, 1)
    assert _cache_naming(b"Rosa Delgado")
    moved.unlink()
    assert runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-02"]).exit_code in (0, 1)
    assert _cache_naming(b"Rosa Delgado") == []


def test_a_case_deleted_before_other_packs_run_leaves_the_cache(cases, monkeypatch, tmp_path):
    """The other packs start the folder's index over, so it never learns the deleted file's name:
    what was kept under the old index (case shards too) is let go when the folder is opened."""
    from typer.testing import CliRunner

    from casestaff.cli.main import app

    runner = CliRunner()
    assert runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"]).exit_code in (0, 1)
    rosa = "or-ssp-reengagement-rosa-delgado.yaml"
    for path in cases.glob("*.yaml"):  # she and every case sharing her shard: nothing rewrites it
        if cache_module.shard_of(path.name) == cache_module.shard_of(rosa):
            path.unlink()
    assert list(cases.glob("*.yaml"))
    other = tmp_path / "other.toml"
    other.write_text('state = "IL"\n', encoding="utf-8")
    monkeypatch.setenv("CASESTAFF_CONFIG", str(other))
    assert runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-02"]).exit_code in (0, 1)
    assert _cache_naming(b"Rosa Delgado") == []
    assert _cache_naming(b"rosa-delgado") == []


def test_a_cache_file_that_cannot_be_deleted_costs_speed_not_the_list(cases, monkeypatch, tmp_path):
    """A read-only cache, or (on Windows) a cache file another run has open: the list still comes."""
    from typer.testing import CliRunner

    from casestaff.cli.main import app

    runner = CliRunner()
    first = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"])
    real_unlink = Path.unlink

    def refuse(path: Path, missing_ok: bool = False) -> None:
        if path.parent == cache_module.cache_root() and ".cases" in path.name:
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    other = tmp_path / "other.toml"
    other.write_text('state = "IL"\n', encoding="utf-8")
    monkeypatch.setenv("CASESTAFF_CONFIG", str(other))
    again = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"])
    assert again.exit_code == first.exit_code, again.output
    assert "Total:" in again.stdout


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="folder links need privileges on Windows")
def test_a_folder_reached_by_two_paths_in_one_run_forgets_a_deleted_case(cases, packset, tmp_path):
    """`due cases link/one.yaml`, where `link` is `cases` under another name: one folder, one
    cache. The path read in full forgets the deleted case; the other must not write it back."""
    link = tmp_path / "link"
    link.symlink_to(cases, target_is_directory=True)
    _run(cases, packset)
    assert _cache_naming(b"OR-RE-0001")
    (cases / "or-ssp-reengagement-amy.yaml").unlink()
    kept = sorted(cases.glob("*.yaml"))[0].name
    job = DueJob(packset=packset, as_of=AS_OF, within=14, default_worker="")
    both = run_caseload([cases, link / kept], packset, job, TODAY)
    assert _cache_naming(b"OR-RE-0001") == []
    alone = run_caseload([cases, link / kept], packset, job, TODAY, use_cache=False)
    assert _flags(both) == _flags(alone)
    assert [p.message for p in both.problems] == [p.message for p in alone.problems]
    again = _run(cases, packset)
    assert again.stats["cached"] == again.stats["files"]
