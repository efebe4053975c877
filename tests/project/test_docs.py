"""The user documentation is true: generated parts are current, examples load, the README's
set-up commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import sys
import textwrap
from pathlib import Path

import pytest
import typer.main

from casestaff.files.casefile import read_case
from casestaff.model import dates
from casestaff.cli.main import app
from casestaff.files.config import SETTINGS, Config, load_config
from casestaff.model.records import Case
from casestaff.packset import load_packset, parse_pack_yaml, read_pack
from casestaff.model.spec import fields_of

from ..conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DOCS = REPO / "docs"


def _load_generator():
    spec = importlib.util.spec_from_file_location("casestaff_docs_generate", DOCS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


def example_block(doc: str, name: str) -> str:
    """The fenced block right after `<!-- example: NAME -->` in docs/DOC."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    marker = generate.example_marker(name)
    assert marker in text, f"docs/{doc} lacks the {name} example; run: python docs/generate.py"
    match = re.match(r"\s*```[a-z]*\n(.*?)\n```", text.split(marker, 1)[1], re.S)
    assert match, f"no fenced block after {marker} in docs/{doc}"
    return match.group(1) + "\n"


def reachable_records() -> list[type]:
    found: list[type] = []

    def walk(cls: type) -> None:
        if cls in found:
            return
        found.append(cls)
        for spec in fields_of(cls).values():
            kind = spec.kind
            while kind.name == "list":
                kind = kind.item
            if kind.name == "record":
                walk(kind.record)

    walk(Case)
    return found


# --- generated docs ----------------------------------------------------------------------------


def test_generated_docs_are_up_to_date():
    if dates.usable_tables_folder() != dates.holiday_tables_folder():
        pytest.skip(
            "the docs name holidays as the lock's newest holidays release does (constraints.txt, Python 3.11"
            " and later); another release names some differently, so check the docs there"
        )
    stale = [str(p.relative_to(REPO)) for p in generate.stale_files()]
    assert not stale, f"out of date: {', '.join(stale)}; run: python docs/generate.py"


def test_check_mode_names_stale_files_and_write_mode_fixes_them(tmp_path, monkeypatch, capsys):
    target = tmp_path / "page.md"
    target.write_text("old text\n", encoding="utf-8")
    monkeypatch.setattr(generate, "OUTPUTS", {target: lambda current: "new text\n"})

    assert generate.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert f"{target} is out of date" in err
    assert "run: python docs/generate.py" in err
    assert target.read_text(encoding="utf-8") == "old text\n"

    assert generate.main([]) == 0
    assert target.read_text(encoding="utf-8") == "new text\n"
    assert generate.main(["--check"]) == 0


# --- the command reference ---------------------------------------------------------------------


def registered_commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    found = []

    def walk(group, prefix):
        for name, command in getattr(group, "commands", {}).items():
            if not command.hidden:
                found.append((f"{prefix} {name}", command))
                walk(command, f"{prefix} {name}")

    walk(root, "casestaff")
    return found


def test_every_command_and_option_has_help_text():
    missing = []
    for name, command in registered_commands():
        if not (command.help or "").strip():
            missing.append(f"{name}: the command has no help text (give its function a docstring)")
        for param in command.params:
            if param.name != "help" and not (getattr(param, "help", None) or "").strip():
                missing.append(f"{name}: {param.name} has no help text")
    assert not missing, "\n".join(missing)


def test_every_command_is_in_the_cli_reference():
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name, _ in registered_commands():
        assert f"\n## {name}\n" in reference, f"{name} is missing from docs/cli.md; run: python docs/generate.py"
        section = reference.split(f"\n## {name}\n", 1)[1]
        assert f"Usage: {name} [OPTIONS]" in section.split("\n## ", 1)[0]


def test_cli_reference_shows_the_real_help_of_due():
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    section = reference.split("\n## casestaff due\n", 1)[1]
    assert "Usage: casestaff due [OPTIONS]" in section
    for option in ("--as-of", "--within", "--worker", "--program", "--format"):
        assert option in section


# --- case files ----------------------------------------------------------------------------------


def test_every_case_file_field_is_documented_under_its_block():
    text = (DOCS / "case-files.md").read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0].strip(): part for part in text.split("\n### ")[1:]}
    for cls in reachable_records():
        assert cls.__name__ in sections, f"docs/case-files.md has no section for {cls.__name__}"
        for name in fields_of(cls):
            assert f"\n| `{name}` |" in sections[cls.__name__], f"{cls.__name__}.{name} is not documented"


def test_annotated_example_loads_without_problems():
    packs = load_packset(Config()).packs
    case, problems = read_case(example_block("case-files.md", "case-file").encode("utf-8"), "example.yaml", packs)
    assert problems == []
    assert case.case_id == "LA-0042"
    assert case.participant.name == "Jordan Example"
    assert case.review_areas[0].limitation == "yes"  # YAML 1.2: yes is text, as the docs say


def test_annotated_example_passes_casestaff_check(runner, tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(example_block("case-files.md", "case-file"), encoding="utf-8")
    (tmp_path / "casestaff.toml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == "1 file(s) checked, no problems.\n"


def test_annotated_example_shows_every_field_of_every_block():
    packs = load_packset(Config()).packs
    case, problems = read_case(example_block("case-files.md", "case-file").encode("utf-8"), "example.yaml", packs)
    assert problems == []
    shown: set[tuple[str, str]] = set()

    def visit(record) -> None:
        for name in fields_of(type(record)):
            if name in record.at:
                shown.add((type(record).__name__, name))
            value = getattr(record, name)
            for item in value if isinstance(value, list) else [value]:
                if hasattr(item, "at"):
                    visit(item)

    visit(case)
    every = {(cls.__name__, name) for cls in reachable_records() for name in fields_of(cls)}
    missing = sorted(f"{cls}.{name}" for cls, name in every - shown)
    assert not missing, f"add these to ANNOTATED_CASE in docs/generate.py: {', '.join(missing)}"


# --- settings and packs --------------------------------------------------------------------------


def write_example_office(folder: Path) -> Path:
    """The example casestaff.toml and the example pack it names, as docs/ shows them."""
    config = folder / "casestaff.toml"
    config.write_text(example_block("configuration.md", "casestaff.toml"), encoding="utf-8")
    pack = folder / "packs" / "example-county-jobs.yaml"
    pack.parent.mkdir()
    pack.write_text(example_block("programs.md", "program-pack"), encoding="utf-8")
    (folder / "cases").mkdir()
    (folder / "templates").mkdir()
    return config


def test_example_config_loads_and_means_what_it_says(tmp_path):
    config = load_config(write_example_office(tmp_path))
    assert config.cases == tmp_path / "cases"
    assert config.state == "IL"
    assert config.worker == "KM"
    assert config.templates == tmp_path / "templates"
    assert config.cache is True
    assert config.program_states == {"la-step": "LA"}
    assert config.provider_meetings["Example Workforce Center"][0].isoformat() == "2026-12-17"

    packs = load_packset(config).packs
    assert "example-county-jobs" in packs
    assert packs["la-step"].state == "LA"
    assert packs["il-snap-et"].state == "IL"
    no_progress = next(r for r in packs["la-step"].rules if r.id == "no-progress")
    assert no_progress.params == {"days": 45, "due_within_days": 7}


def test_example_config_sets_every_documented_setting():
    data = tomllib.loads(example_block("configuration.md", "casestaff.toml"))

    def present(node, parts) -> bool:
        if not parts:
            return True
        if not isinstance(node, dict):
            return False
        head, rest = parts[0], parts[1:]
        if head.isupper():  # ID, RULE, PARAM, NAME: any key
            return any(present(child, rest) for child in node.values())
        return head in node and present(node[head], rest)

    missing = [name for name, *_ in SETTINGS if not present(data, name.split("."))]
    assert not missing, f"the example casestaff.toml in docs/generate.py lacks: {', '.join(missing)}"


def test_example_pack_is_valid():
    pack, problems = read_pack(example_block("programs.md", "program-pack").encode("utf-8"), "example-county-jobs.yaml")
    assert problems == []
    assert pack.id == "example-county-jobs"
    assert [r.id for r in pack.rules] == ["periodic-review", "low-participation", "next-steps"]


def test_the_sources_example_is_what_the_builtin_packs_say():
    rules = parse_pack_yaml(example_block("programs.md", "sources").encode("utf-8"))["rules"]
    builtin = {r.id: r for pack in load_packset(Config()).packs.values() for r in pack.rules}
    assert [r["id"] for r in rules] == ["component-benchmark", "no-progress"]
    for rule in rules:
        assert (rule["function"], rule["params"], rule["sources"]) == (
            builtin[rule["id"]].function,
            builtin[rule["id"]].params,
            builtin[rule["id"]].sources,
        )


def test_a_pack_added_as_the_docs_say_flags_cases_without_python(runner, tmp_path, monkeypatch):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "example-county-jobs.yaml").write_text(
        example_block("programs.md", "program-pack"), encoding="utf-8"
    )
    (tmp_path / "casestaff.toml").write_text('packs = ["packs/example-county-jobs.yaml"]\n', encoding="utf-8")
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "casey.yaml").write_text(
        textwrap.dedent(
            """\
            case_id: "EX-0001"
            program: example-county-jobs
            worker: KM
            participant:
              name: Casey Example
            enrolled: 2026-06-01
            staffings:
              - date: 2026-08-03
                kind: case-review
                present:
                  - {role: CM, initials: KM}
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["due", "cases", "--as-of", "2026-11-23", "--format", "json"])
    assert result.exit_code == 0, result.output
    flags = json.loads(result.stdout)
    # The review held with one case manager does not count (the pack's two-staff requirement):
    # the review is due 60 days after enrollment, and the flag says why the 08-03 one did not count.
    assert [(f["case"], f["rule"], f["due"], f["status"]) for f in flags] == [
        ("EX-0001", "example-county-jobs.periodic-review", "2026-07-31", "overdue")
    ]
    assert flags[0]["reason"] == "Case review every 60 days (last: none yet); the 2026-08-03 staffing did not count: only 1 department staff"
    assert flags[0]["citation"] == "Example County JOBS 12, 12.2 Case reviews"


# --- editor set-up -------------------------------------------------------------------------------


def test_the_reading_of_a_components_end_quotes_the_policys_own_words():
    """programs.md says why a component's end day is still current; the quote must be the policy's."""
    policy = " ".join((REPO / "tests" / "rule_cases" / "policies" / "il-snap-et.txt").read_text(encoding="utf-8").split())
    assert generate.COMPONENT_QUOTE in policy
    assert generate.COMPONENT_QUOTE in " ".join((DOCS / "programs.md").read_text(encoding="utf-8").split())


def test_the_snap_readings_quote_the_policys_own_words():
    """programs.md reads the IL SNAP E&T benchmarks and clocks from quotes; each must be the policy's."""
    policy = " ".join((REPO / "tests" / "rule_cases" / "policies" / "il-snap-et.txt").read_text(encoding="utf-8").split())
    page = " ".join((DOCS / "programs.md").read_text(encoding="utf-8").split())
    for quote in (*generate.SNAP_CYCLE_QUOTES, generate.SNAP_PROGRESS_QUOTE):
        assert quote in policy
        assert quote in page


def test_editor_settings_example_is_valid_json_with_a_glob():
    text = (DOCS / "editor.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n *```", text, re.S).group(1)
    schemas = json.loads(textwrap.dedent(block))["yaml.schemas"]
    assert schemas == {"./casestaff-case.schema.json": ["**/cases/*.yaml"]}
    assert "casestaff schema --out casestaff-case.schema.json" in text
    assert "# yaml-language-server: $schema=" in text


# --- README ----------------------------------------------------------------------------------------


def readme_setup_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    before, _, rest = text.partition("```")
    assert [line for line in before.splitlines() if line.strip()] == ["# casestaff"], (
        "the set-up commands must be the first thing in README.md, right after the title"
    )
    block = rest.split("\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_setup_commands():
    install_and_demo, install_and_test = readme_setup_commands()

    demo = install_and_demo.split(" && ")
    assert re.search(r"-m pip install -c constraints\.txt \.$", demo[-2]), (
        "the first command installs casestaff from the checkout, with the versions of the lock"
    )
    words = shlex.split(demo[-1])
    assert words[0].endswith("casestaff") and words[1:3] == ["due", "sample_cases"]
    assert words[words.index("--as-of") + 1] == generate.DEMO_AS_OF  # the walk-through shows the same day

    assert re.search(r'pip install -c constraints\.txt "\.\[test\]"', install_and_test)
    assert install_and_test.split(" && ")[-1].split()[-2:] == ["-m", "pytest"]


def _normalised(command: str) -> str:
    command = command.replace('"$venv/bin/python"', "PY").replace(".venv/bin/python", "PY")
    command = command.replace(" --quiet", "")
    return " ".join(command.split())


def test_ci_runs_the_readme_test_command():
    _, install_and_test = readme_setup_commands()
    readme_steps = _normalised(install_and_test.split(" && ", 1)[1])  # after creating the venv
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [_normalised(line) for line in ci.splitlines() if "pytest" in line and not line.lstrip().startswith("#")]
    assert ci_lines == [readme_steps]


@pytest.mark.parametrize("doc", ["README.md", *(f"docs/{n}" for n in ("case-files.md", "configuration.md", "programs.md", "editor.md", "cli.md"))])
def test_docs_link_only_to_files_that_exist(doc):
    page = REPO / doc
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        assert (page.parent / target).exists(), f"{doc} links to {target}, which does not exist"


@pytest.mark.parametrize(
    ("platform", "environment", "expected"),
    [
        ("win32", {"LOCALAPPDATA": r"C:\Users\kim\AppData\Local"}, ("casestaff", "Cache")),
        ("darwin", {}, ("Library", "Caches", "casestaff")),
        ("linux", {"XDG_CACHE_HOME": None}, (".cache", "casestaff")),
    ],
)
def test_readme_names_the_cache_folder_casestaff_uses(monkeypatch, platform, environment, expected):
    from casestaff.files import permissions

    monkeypatch.delenv("CASESTAFF_CACHE_DIR", raising=False)
    monkeypatch.setattr(permissions.sys, "platform", platform)
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    folder = str(permissions.cache_root()).replace("\\", "/")
    assert folder.endswith("/".join(expected))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = {"win32": r"%LOCALAPPDATA%\casestaff\Cache", "darwin": "~/Library/Caches/casestaff", "linux": "~/.cache/casestaff"}
    assert f"`{shown[platform]}`" in readme


@pytest.mark.parametrize("doc", ["case-files.md", "programs.md", "cli.md"])
def test_links_within_a_page_lead_to_a_heading(doc):
    text = (DOCS / doc).read_text(encoding="utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
    headings = re.findall(r"^#+ (.+)$", outside_code, re.M)
    slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}
    anchors = re.findall(r"\]\(#([^)]+)\)", text)
    assert anchors, f"docs/{doc} has no links within the page"
    assert not [a for a in anchors if a not in slugs], f"docs/{doc} links to missing headings"


def test_every_policy_reading_in_programs_md_quotes_the_policys_own_words():
    for program, text, quote in generate.POLICY_READINGS:
        if not quote:
            continue
        policy = " ".join((REPO / "tests" / "rule_cases" / "policies" / f"{program}.txt").read_text(encoding="utf-8").replace("\u2019", "'").split())
        for part in " ".join(quote.split()).split("..."):
            assert part.strip(" .") in policy, f"{program}: {part!r}"
        assert text.split("**")[1] in (DOCS / "programs.md").read_text(encoding="utf-8")
