"""The private cache only ever makes a run faster: same answers, no stale data, owner-only files."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

from casestaff.files import answers
from casestaff.files import cache as cache_module
from casestaff.files.caseload import run_caseload
from casestaff.cli.main import app
from casestaff.rules.due import DueJob


AS_OF = dt.date(2026, 12, 1)
TODAY = dt.date(2026, 11, 23)


def _run(folder: Path, packset, as_of=AS_OF, within=14, **kwargs):
    job = DueJob(packset=packset, as_of=as_of, within=within, default_worker="")
    return run_caseload([folder], packset, job, TODAY, **kwargs)


def _flags(run) -> list[tuple[str, str, str, str]]:
    return sorted((f.case, f.rule, f.due.isoformat(), f.status) for entry in run.results for f in entry.flags)


def test_second_run_reads_nothing_and_answers_the_same(cases, packset):
    first = _run(cases, packset)
    second = _run(cases, packset)
    assert first.stats["parsed"] == len(list(cases.glob("*.yaml")))
    assert second.stats == {**second.stats, "parsed": 0, "recomputed": 0, "cached": first.stats["parsed"]}
    assert _flags(second) == _flags(first) == _flags(_run(cases, packset, use_cache=False))


def test_another_morning_takes_the_answers_that_still_hold_and_recomputes_the_rest_without_parsing(cases, packset):
    _run(cases, packset)
    next_day = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1))
    assert next_day.stats["parsed"] == 0
    assert next_day.stats["recomputed"] + next_day.stats["cached"] == next_day.stats["files"]
    assert 0 < next_day.stats["recomputed"] < next_day.stats["cached"]  # most answers hold the next day
    fresh = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1), use_cache=False)
    assert next_day.results == fresh.results


def test_every_morning_for_three_months_answers_as_a_run_without_the_cache(cases, packset):
    """Each answer kept is served only on days it was shown to hold for: day after day, each
    morning's entries are the very ones worked out afresh (rules/due.py answer_until)."""
    day, served = AS_OF - dt.timedelta(days=30), 0
    while day <= AS_OF + dt.timedelta(days=60):
        cached = _run(cases, packset, as_of=day)
        assert cached.results == _run(cases, packset, as_of=day, use_cache=False).results, day
        served += cached.stats["cached"]
        day += dt.timedelta(days=1)
    assert served > 0.5 * 91 * cached.stats["files"]


def test_an_earlier_day_is_worked_out_again(cases, packset):
    """An answer holds from the day it was worked out for: a run as of an earlier day is not
    served answers of a later one."""
    _run(cases, packset, as_of=AS_OF + dt.timedelta(days=5))
    earlier = _run(cases, packset, as_of=AS_OF)
    assert earlier.stats["cached"] == 0 and earlier.stats["recomputed"] == earlier.stats["files"]
    assert earlier.results == _run(cases, packset, as_of=AS_OF, use_cache=False).results


def test_an_edited_file_is_read_again(cases, packset):
    _run(cases, packset)
    amy = cases / "or-ssp-reengagement-amy.yaml"
    text = amy.read_text(encoding="utf-8").replace("        due: 2026-11-24\n", "        due: 2026-11-24\n        done: 2026-11-20\n")
    amy.write_text(text, encoding="utf-8")
    old = time.time() - 3
    os.utime(amy, (old, old))
    again = _run(cases, packset)
    assert again.stats["parsed"] == 1
    assert not [f for e in again.results if e.case == "OR-RE-0001" for f in e.flags if f.rule.endswith("next-steps")]


def test_a_file_changed_within_two_seconds_of_reading_is_never_trusted(cases, packset):
    amy = cases / "or-ssp-reengagement-amy.yaml"
    os.utime(amy)  # modified "now": its next change might keep the same size and mtime
    _run(cases, packset)
    assert _run(cases, packset).stats["parsed"] == 1


def test_a_file_with_problems_is_reported_every_time(cases, packset):
    (cases / "broken.yaml").write_text("case_id: [\n", encoding="utf-8")
    first = _run(cases, packset)
    second = _run(cases, packset)
    assert [p.file for p in first.problems] == [p.file for p in second.problems] == [str(cases / "broken.yaml")]


def test_cache_files_are_owner_only(cases, packset):
    _run(cases, packset)
    root = cache_module.cache_root()
    files = list(root.iterdir())
    assert files, "nothing was cached"
    if os.name == "posix":
        assert root.stat().st_mode & 0o777 == 0o700
        for path in files:
            assert path.stat().st_mode & 0o777 == 0o600, path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_cache_others_can_write_is_ignored(cases, packset):
    _run(cases, packset)
    for path in cache_module.cache_root().iterdir():
        path.chmod(0o666)
    again = _run(cases, packset)
    assert again.stats["parsed"] == len(list(cases.glob("*.yaml")))
    assert len(again.notes) == 1 and again.notes[0].startswith("ignoring the cache file ")
    assert again.notes[0].endswith(": others can read or write it (mode 0666); casestaff reads nothing from it and writes it again")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_cache_folder_others_can_write_in_is_not_used_and_due_says_so_once(runner, cases):
    args = ["due", str(cases), "--as-of", "2026-12-01"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    root = cache_module.cache_root()
    before = {path.name: path.stat().st_mtime_ns for path in root.iterdir()}
    root.chmod(0o777)
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    note = (
        f"casestaff: not using the cache in {root}: others can write in it (mode 0777); casestaff trusts only a cache"
        f" folder that is yours alone (chmod 700 {root}, or delete it)\n"
    )
    assert again.stderr.count("not using the cache") == 1 and note in again.stderr
    assert again.stdout == first.stdout
    assert {path.name: path.stat().st_mtime_ns for path in root.iterdir()} == before  # nothing read or written there
    root.chmod(0o700)
    assert "cache" not in runner.invoke(app, args).stderr


@pytest.mark.parametrize("where", ["itself", "its parent"])
def test_a_file_in_the_cache_folders_place_is_named_and_the_list_still_made(runner, cases, tmp_path, monkeypatch, where):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("notes\n", encoding="utf-8")
    root = blocker if where == "itself" else blocker / "casestaff"
    monkeypatch.setenv("CASESTAFF_CACHE_DIR", str(root))
    args = ["due", str(cases), "--as-of", "2026-12-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    note = (
        f"casestaff: not using the cache in {root}: {blocker} is a file, not a folder; move the file,"
        " or set CASESTAFF_CACHE_DIR to a folder of your own\n"
    )
    assert result.stderr.count("not using the cache") == 1 and note in result.stderr
    assert blocker.read_text(encoding="utf-8") == "notes\n"
    monkeypatch.setenv("CASESTAFF_CACHE_DIR", str(tmp_path / "cache"))
    assert runner.invoke(app, args).stdout == result.stdout


def test_a_cache_folder_that_cannot_be_looked_into_is_named_and_the_list_still_made(runner, cases, tmp_path, monkeypatch):
    """A parent of the cache folder that may not be searched (simulated: this may run as root)."""
    import errno
    from pathlib import Path

    locked = tmp_path / "locked"
    root = locked / "casestaff"
    monkeypatch.setenv("CASESTAFF_CACHE_DIR", str(root))
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if self in (locked, root):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    result = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert (
        f"casestaff: not using the cache in {root}: cannot look into {root} (permission denied);"
        " set CASESTAFF_CACHE_DIR to a folder of your own\n"
    ) in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making another user's folder needs root")
def test_another_users_cache_folder_is_not_used(runner, cases):
    root = cache_module.cache_root()
    root.mkdir(parents=True, exist_ok=True)
    os.chown(root, 4321, 4321)
    result = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert f"casestaff: not using the cache in {root}: it belongs to " in result.stderr
    assert list(root.iterdir()) == []


def test_a_tampered_cache_cannot_run_code_and_is_ignored(cases, packset, tmp_path):
    _run(cases, packset)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for path in cache_module.cache_root().iterdir():
        path.write_bytes(pickle.dumps(Evil()))
        path.chmod(0o600)
    again = _run(cases, packset)
    assert not marker.exists()
    assert again.stats["parsed"] == len(list(cases.glob("*.yaml")))
    assert _flags(again) == _flags(_run(cases, packset, use_cache=False))


def test_damaged_cached_cases_are_read_again_from_their_files(cases, packset):
    _run(cases, packset)
    shards = [p for p in cache_module.cache_root().iterdir() if ".cases" in p.suffix]
    assert shards
    for path in shards:  # a cache file: a header, then batches of (name, entry) pairs
        with path.open("rb") as stream:
            header, batches = pickle.load(stream), []
            while stream.peek(1):
                batches.append(pickle.load(stream))
        damaged = [[(name, (signature, blob[: len(blob) // 3])) for name, (signature, blob) in batch] for batch in batches]
        path.write_bytes(b"".join(pickle.dumps(part) for part in (header, *damaged)))
        path.chmod(0o600)
    wider = _run(cases, packset, within=21)  # no answer kept for it: every file's case is needed
    assert wider.stats["recomputed"] == 0
    assert wider.stats["parsed"] == wider.stats["files"]
    assert _flags(wider) == _flags(_run(cases, packset, within=21, use_cache=False))


def test_a_deleted_file_leaves_the_list_and_the_cache(cases, packset):
    _run(cases, packset)
    (cases / "or-ssp-reengagement-amy.yaml").unlink()
    again = _run(cases, packset)
    assert "OR-RE-0001" not in {e.case for e in again.results}
    for stored in cache_module.cache_root().iterdir():
        assert b"OR-RE-0001" not in stored.read_bytes(), stored.name


def test_no_cache_option_leaves_no_cache(runner, cases):
    result = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not cache_module.cache_root().exists() or not list(cache_module.cache_root().iterdir())


def test_cache_setting_false_leaves_no_cache(runner, cases):
    (cases / "casestaff.toml").write_text("cache = false\n", encoding="utf-8")
    result = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert not cache_module.cache_root().exists() or not list(cache_module.cache_root().iterdir())


def test_worker_processes_give_the_same_answers_and_fill_the_cache(cases, packset, monkeypatch):
    from casestaff.files import caseload

    monkeypatch.setattr(caseload, "PARALLEL_FROM", 1)
    alone = _run(cases, packset, use_cache=False, jobs=1)
    workers = _run(cases, packset, jobs=2)
    assert workers.stats["parsed"] == alone.stats["parsed"] == len(list(cases.glob("*.yaml")))
    assert _flags(workers) == _flags(alone)
    assert [p.file for p in workers.problems] == [p.file for p in alone.problems]
    next_day = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1), jobs=2)
    assert next_day.stats["parsed"] == 0 and 0 < next_day.stats["cached"] < next_day.stats["files"]  # the workers kept the days their answers hold for
    assert _flags(next_day) == _flags(_run(cases, packset, as_of=AS_OF + dt.timedelta(days=1), use_cache=False, jobs=1))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork: POSIX only")
def test_a_small_run_shared_with_a_forked_child_gives_the_same_answers_and_fills_the_cache(cases, packset, monkeypatch):
    """Below PARALLEL_FROM, a run from SPLIT_FROM files shares them with one forked child: the
    same flags, the same problems in the same order, and a cache the next morning is served from."""
    from casestaff.files import caseload

    (cases / "broken.yaml").write_text("case_id: [unclosed\n", encoding="utf-8")
    twin = next(cases.glob("*.yaml")).read_text(encoding="utf-8")
    (cases / "zz-twin.yaml").write_text(twin, encoding="utf-8")  # its case id is already used
    old = time.time() - 3
    for path in cases.iterdir():
        os.utime(path, (old, old))
    alone = _run(cases, packset, use_cache=False, jobs=1)
    monkeypatch.setattr(caseload, "SPLIT_FROM", 1)
    shared = _run(cases, packset, jobs=2)
    assert shared.stats["parsed"] == alone.stats["parsed"] == len(list(cases.glob("*.yaml")))
    assert _flags(shared) == _flags(alone)
    assert [str(p) for p in shared.problems] == [str(p) for p in alone.problems] != []
    next_day = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1), jobs=2)
    assert next_day.stats["parsed"] == 1  # the broken file is never kept; every other one is, by whichever process read it
    assert _flags(next_day) == _flags(_run(cases, packset, as_of=AS_OF + dt.timedelta(days=1), use_cache=False, jobs=1))


def test_due_and_another_job_do_not_evict_each_other(cases, packset):
    _run(cases, packset)
    _run(cases, packset, within=21)
    assert _run(cases, packset).stats["cached"] == len(list(cases.glob("*.yaml")))


def test_an_answer_from_another_folder_names_the_file_as_this_run_shows_it(runner, cases, monkeypatch):
    """Cached in `cases/` from its parent, then asked from inside it: the paths must be `x.yaml`."""
    import json

    monkeypatch.chdir(cases.parent)
    first = runner.invoke(app, ["due", "cases", "--as-of", "2026-12-01", "--format", "json"])
    assert first.exit_code == 0, first.output
    assert {item["file"].split(os.sep)[0] for item in json.loads(first.stdout) if item["file"]} == {"cases"}
    monkeypatch.chdir(cases)
    second = runner.invoke(app, ["due", ".", "--as-of", "2026-12-01", "--format", "json"])
    assert second.exit_code == 0, second.output
    files = {item["file"] for item in json.loads(second.stdout) if item["file"]}
    assert files and all(os.path.exists(f) and not f.startswith("cases") for f in files), files


@pytest.mark.parametrize("how", ["in place", "replaced (sed -i)"])
def test_an_edit_that_keeps_size_and_mtime_is_read_again(runner, cases, how):
    """`sed -i` then `touch -d` back: same size, same modification time, a different answer."""
    import json

    amy = cases / "or-ssp-reengagement-amy.yaml"

    def next_step_due() -> list[str]:
        result = runner.invoke(app, ["due", str(cases), "--as-of", "2026-12-01", "--format", "json"])
        assert result.exit_code == 0, result.output
        return [i["due"] for i in json.loads(result.stdout) if i["case"] == "OR-RE-0001" and i["rule"].endswith("next-steps")]

    assert next_step_due() == ["2026-11-24"]
    before = amy.stat()
    edited = amy.read_bytes().replace(b"        due: 2026-11-24\n", b"        due: 2026-11-27\n")
    assert len(edited) == before.st_size
    if how == "in place":
        with open(amy, "r+b") as handle:
            handle.write(edited)
    else:
        temp = cases / ".amy.tmp"
        temp.write_bytes(edited)
        os.replace(temp, amy)
    os.utime(amy, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = amy.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    if (after.st_ino, after.st_ctime_ns) == (before.st_ino, before.st_ctime_ns):
        pytest.skip("this file system's change time is too coarse to tell the edit apart")
    assert next_step_due() == ["2026-11-27"]


def test_an_edit_to_any_module_of_any_layer_changes_the_code_fingerprint(tmp_path):
    """Cached answers are keyed on the code fingerprint: an edit anywhere in casestaff must change it."""
    import shutil

    import casestaff
    cache = cache_module
    package = tmp_path / "casestaff"
    shutil.copytree(Path(casestaff.__file__).resolve().parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    modules = sorted(package.rglob("*.py"))
    assert {m.parent.name for m in modules} >= {"casestaff", "model", "files", "rules", "documents", "actions", "cli"}
    seen = {cache.fingerprint_of_code(package)}
    for module in modules:
        module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        fingerprint = cache.fingerprint_of_code(package)
        assert fingerprint not in seen, f"editing {module.relative_to(package)} left the code fingerprint unchanged"
        seen.add(fingerprint)


def test_compiled_files_leave_the_code_fingerprint_and_a_new_module_changes_it(tmp_path):
    """Python writing its compiled files beside the code must not throw the cache away; a module
    added to the package must."""
    import casestaff

    package = tmp_path / "casestaff"
    shutil.copytree(Path(casestaff.__file__).resolve().parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_module.fingerprint_of_code(package)
    (package / "rules" / "__pycache__").mkdir()
    (package / "rules" / "__pycache__" / "due.cpython-311.pyc").write_bytes(b"compiled")
    (package / "rules" / "stale.pyc").write_bytes(b"compiled")
    assert cache_module.fingerprint_of_code(package) == before
    (package / "rules" / "added.py").write_text("X = 1\n", encoding="utf-8")
    assert cache_module.fingerprint_of_code(package) != before


def test_a_changed_holiday_table_changes_the_code_fingerprint(tmp_path):
    """A deadline counted in workdays rests on the state's holiday table: a new table (a holiday
    added by the state) must not meet answers cached with the old one."""
    import casestaff

    package = tmp_path / "casestaff"
    shutil.copytree(Path(casestaff.__file__).resolve().parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_module.fingerprint_of_code(package)
    table = package / "holiday_tables" / "OR.json"
    table.write_text(table.read_text(encoding="utf-8").replace('"2026": {', '"2026": {\n"2026-12-17": "A new state holiday",', 1), encoding="utf-8")
    assert cache_module.fingerprint_of_code(package) != before


def test_answers_served_the_next_morning_stay_kept_with_those_worked_out_again(cases, packset):
    """The next morning's run serves most answers as it reads them and writes the file again with
    the ones it worked out: asked again that morning, every answer is served."""
    _run(cases, packset)
    next_day = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1))
    assert 0 < next_day.stats["recomputed"] < next_day.stats["cached"]
    again = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1))
    assert again.stats["cached"] == again.stats["files"]
    assert again.results == next_day.results


def test_a_run_over_one_file_keeps_the_answers_of_the_others(cases, packset):
    whole = _run(cases, packset)
    one = sorted(cases.glob("*.yaml"))[0]
    alone = _run(one, packset, as_of=AS_OF + dt.timedelta(days=1))
    assert alone.stats["files"] == 1
    later = _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1))
    assert later.stats["parsed"] == 0 and later.stats["cached"] > 0
    assert later.results == _run(cases, packset, as_of=AS_OF + dt.timedelta(days=1), use_cache=False).results
    assert whole.stats["files"] == later.stats["files"]


def test_where_ctime_is_no_change_time_the_cache_is_used_all_the_same(cases, packset, monkeypatch):
    """Windows: os.stat gives the creation time as ctime and os.fstat (Python 3.12+) the change
    time, so signatures that kept it would never match and every run would parse every file."""
    real_fstat = os.fstat

    def fstat_as_on_windows(fd):
        info = real_fstat(fd)
        fields = list(info)
        return os.stat_result(fields, {"st_mtime_ns": info.st_mtime_ns, "st_ctime_ns": info.st_ctime_ns + 7_000_000_000})

    monkeypatch.setattr(answers, "CTIME_TELLS_CHANGES", False)
    monkeypatch.setattr(os, "fstat", fstat_as_on_windows)
    first = _run(cases, packset)
    second = _run(cases, packset)
    assert first.stats["parsed"] == len(list(cases.glob("*.yaml")))
    assert second.stats["parsed"] == 0 and second.stats["cached"] == first.stats["parsed"]
    assert _flags(second) == _flags(first)
