"""The import graph of a package, read from its source, checked against a layer order.

Every `import` and `from ... import` of the package counts, at module level or inside a function
(only `if TYPE_CHECKING:` blocks are left out: they never run). Used by tests/test_layers.py.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

_LAYER_LINE = re.compile(r"^\s*(?P<name>[a-z][a-z -]*[a-z])\s*:\s*(?P<modules>.+)$")


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    in_function: bool


def read_layers(markdown: str) -> list[tuple[str, tuple[str, ...]]]:
    """The ```layers block of ARCHITECTURE.md: one `name: module patterns` line per layer, highest first."""
    block = re.search(r"^```layers\n(.*?)^```", markdown, re.M | re.S)
    if block is None:
        raise ValueError("no ```layers block")
    layers = []
    for line in block.group(1).splitlines():
        found = _LAYER_LINE.match(line)
        if found:
            layers.append((found["name"], tuple(p.strip() for p in found["modules"].split(",") if p.strip())))
    return layers


def modules(root: Path, package: str) -> dict[str, Path]:
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports(root: Path, package: str) -> list[Import]:
    known = modules(root, package)
    found: list[Import] = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_lines(tree)
        is_package = path.name == "__init__.py"
        for node, in_function in _walk(tree, False):
            if node.lineno in skip:
                continue
            for target in _targets(node, name, is_package, known):
                if target != name:
                    found.append(Import(name, target, node.lineno, in_function))
    return found


def _walk(node: ast.AST, in_function: bool):
    for child in ast.iter_child_nodes(node):
        inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, in_function
        yield from _walk(child, inside)


def _targets(node: ast.Import | ast.ImportFrom, name: str, is_package: bool, known: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        candidates = [alias.name for alias in node.names]
    else:
        if node.level:
            base = name.split(".") if is_package else name.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        # `from package import module` imports the module; `from module import name` the module itself
        candidates = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module for alias in node.names]
    out = []
    for candidate in candidates:
        while candidate and candidate not in known:
            candidate = candidate.rpartition(".")[0]
        if candidate:
            out.append(candidate)
    return out


def layer_of(module: str, layers: list[tuple[str, tuple[str, ...]]]) -> int | None:
    """Index of the module's layer counted from the bottom (0), or None when no pattern names it."""
    for index, (_, patterns) in enumerate(reversed(layers)):
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns):
            return index
    return None


def cycles(found: list[Import]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for item in found:
        graph.setdefault(item.importer, set()).add(item.imported)
        graph.setdefault(item.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def violations(root: Path, package: str, layers: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    """Every upward import, every module outside the layers, and every cycle, as one line each."""
    found = imports(root, package)
    problems = []
    for module in modules(root, package):
        if layer_of(module, layers) is None:
            problems.append(f"{module}: in no layer of ARCHITECTURE.md")
    names = [name for name, _ in reversed(layers)]
    for item in found:
        low, high = layer_of(item.importer, layers), layer_of(item.imported, layers)
        if low is not None and high is not None and high > low:
            where = "inside a function" if item.in_function else "at module level"
            problems.append(
                f"{item.importer}:{item.line} imports {item.imported} {where}: "
                f"layer '{names[low]}' may not import the higher layer '{names[high]}'"
            )
    for group in cycles(found):
        problems.append("import cycle: " + " <-> ".join(group))
    return problems
