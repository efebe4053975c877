"""The house: casestaff's layers import one way, with no cycles and no hidden (function-local)
imports of casestaff's own modules.

    model      records, pack records, field specs, dates, as-of queries
    files      reading, validation, the caseload and its cache, atomic writes, settings
    rules      rule functions, evaluation, flags, the provider cycle, the due report
    documents  agendas, readiness, redaction, narration, record, schema, skeleton
    packset    packs read, linted and resolved against the names the layers below define
    actions    what a command does: the workspace, agenda orchestration, narration peers
    cli        parses arguments and presents

A module may import from its own layer or any layer above it in this list, never below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import casestaff

from ..conftest import TESTS

PACKAGE = Path(casestaff.__file__).resolve().parent
LAYERS = ("model", "files", "rules", "documents", "packset", "actions", "cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return -1  # casestaff itself: __version__ only
    if parts[1] == "__main__":
        return len(LAYERS)
    return LAYERS.index(parts[1])


def imports_of(path: Path) -> list[tuple[str, int, bool]]:
    """(imported casestaff module, line, whether the import is inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0 and child.module.split(".")[0] == "casestaff":
                for alias in child.names:
                    candidate = f"{child.module}.{alias.name}"
                    target = candidate if (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists() else child.module
                    found.append((target, child.lineno, in_function))
            elif isinstance(child, ast.ImportFrom) and child.level > 0:
                found.append(("(relative)", child.lineno, in_function))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function) for a in child.names if a.name.split(".")[0] == "casestaff")
            visit(child, nested)

    visit(tree, False)
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_sits_in_a_layer():
    for module in MODULES:
        layer_of(module)  # raises ValueError for a module outside the layers


def test_imports_point_one_way():
    wrong = []
    for module, path in MODULES.items():
        for target, line, _ in imports_of(path):
            if target == "(relative)":
                wrong.append(f"{path.name}:{line}: a relative import; write casestaff.<layer>.<module>")
            elif target != "casestaff" and layer_of(target) > layer_of(module):
                wrong.append(f"{module}:{line} imports {target}, a higher layer")
    assert not wrong, "\n".join(wrong)


def test_no_function_imports_casestaff_modules():
    """Hidden imports keep cycles alive; casestaff's own modules are imported at the top."""
    hidden = [
        f"{module}:{line} imports {target} inside a function"
        for module, path in MODULES.items()
        for target, line, in_function in imports_of(path)
        if in_function
    ]
    assert not hidden, "\n".join(hidden)


def test_no_import_cycles():
    graph = {
        module: {t for t, _, _ in imports_of(path) if t in MODULES and t != module and t != "casestaff"}
        for module, path in MODULES.items()
    }
    cycles = []
    state: dict[str, int] = {}

    def walk(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(trail[trail.index(target) :] + [target]) if target in trail else f"{module} -> {target}")
            elif target not in state:
                walk(target, trail + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert not cycles, "\n".join(cycles)


def test_only_the_cli_imports_typer_or_rich():
    leaking = [
        f"{module} imports {name}"
        for module, path in MODULES.items()
        if not module.startswith("casestaff.cli")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for name in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
        if name.split(".")[0] in ("typer", "rich", "click")
    ]
    assert not leaking, "\n".join(leaking)


def test_tests_use_only_public_names():
    """Tests are written from the user's side: they use what casestaff offers, not its internals."""
    tests = TESTS
    private = []
    for path in sorted(tests.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("casestaff")
            for alias in node.names
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("casestaff"):
                private += [f"{path.name}:{node.lineno} imports {a.name}" for a in node.names if a.name.startswith("_")]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if isinstance(node.value, ast.Name) and node.value.id in modules:
                    private.append(f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}")
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "setattr" and len(node.args) >= 2:
                target, name = node.args[0], node.args[1]
                if isinstance(target, ast.Name) and target.id in modules and isinstance(name, ast.Constant) and str(name.value).startswith("_"):
                    private.append(f"{path.name}:{node.lineno} patches {target.id}.{name.value}")
    assert not private, "\n".join(private)
