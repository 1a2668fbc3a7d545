"""The project's import graph: cycles, deferred imports and imports against the layer arrows.

Reads the source (nothing is imported or executed) of every module of the project's apps and
counts, for each import of another project module, whether it runs at module level or is
deferred inside a function. Prints a summary; ``--list`` prints every deferred import and every
edge of each cycle. Exit status 1 when there is a cycle or a layer violation, so CI can hold it.

    .venv/bin/python tools/import_graph.py [--list]
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("config", "departments", "portal", "disclosure", "audit", "interaction", "demo")

# The arrows of docs/architecture.md: a module may import its own layer and any layer below it.
LAYERS = [
    ("config", 9),
    ("demo", 8),
    ("audit", 5),
    ("disclosure.yearly_report", 5),
    ("disclosure.search", 4),
    ("disclosure.applications", 4),
    ("interaction", 4),
    ("disclosure", 3),  # the catalogue and the app's plumbing (models re-export, hooks, commands)
    ("portal", 2),
    ("departments", 1),
]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    deferred: bool
    type_only: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            modules[module_name(path)] = path
    return modules


def resolve(level: int, module: str | None, current: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    package = current.split(".") if is_package else current.split(".")[:-1]
    package = package[: len(package) - (level - 1)]
    return ".".join([*package, module]) if module else ".".join(package)


def owning_module(name: str, modules: dict[str, Path]) -> str | None:
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


class Collector(ast.NodeVisitor):
    def __init__(self, current: str, is_package: bool, modules: dict[str, Path]):
        self.current, self.is_package, self.modules = current, is_package, modules
        self.depth = 0
        self.type_checking = 0
        self.edges: list[Edge] = []

    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_If(self, node):
        guarded = isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING" or (
            isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
        self.type_checking += guarded
        for child in node.body:
            self.visit(child)
        self.type_checking -= guarded
        for child in node.orelse:
            self.visit(child)

    def add(self, target: str | None, line: int):
        if target and target != self.current:
            self.edges.append(Edge(self.current, target, line, self.depth > 0, self.type_checking > 0))

    def visit_Import(self, node):
        for alias in node.names:
            self.add(owning_module(alias.name, self.modules), node.lineno)

    def visit_ImportFrom(self, node):
        base = resolve(node.level, node.module, self.current, self.is_package)
        for alias in node.names:
            full = f"{base}.{alias.name}"
            self.add(full if full in self.modules else owning_module(base, self.modules), node.lineno)


def collect(modules: dict[str, Path]) -> list[Edge]:
    edges = []
    for name, path in modules.items():
        collector = Collector(name, path.name == "__init__.py", modules)
        collector.visit(ast.parse(path.read_text(), str(path)))
        edges += collector.edges
    return edges


def strongly_connected(nodes, graph):
    """Tarjan's algorithm, iterative; returns the components with more than one module."""
    index, low, on_stack, stack, components, counter = {}, {}, set(), [], [], [0]

    def visit(root):
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return components


# Modules Django, Wagtail or haystack discover by name at an app's top level (``AppConfig``, admin hooks, search
# indexes, management commands, template tags): they wire the app's rooms into the framework, nothing below
# imports them, and they cannot move into a room. They are drawn with ``config`` at the top.
WIRING = ("apps", "wagtail_hooks", "search_indexes", "management", "templatetags")


def layer(module: str) -> tuple[str, int]:
    parts = module.split(".")
    if len(parts) > 1 and parts[0] in APPS and parts[1] in WIRING:
        return "wiring", 9
    for prefix, rank in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return prefix, rank
    raise ValueError(module)


def main(argv=None) -> int:
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every deferred import, cycle and violation")
    parser.add_argument("--root", type=Path, default=None, help="the checkout to read (default: this one)")
    args = parser.parse_args(argv)
    ROOT = (args.root or ROOT).resolve()
    modules = project_modules()
    edges = [edge for edge in collect(modules) if not edge.type_only]
    graph = defaultdict(set)
    for edge in edges:
        graph[edge.source].add(edge.target)
    cycles = strongly_connected(modules, graph)
    deferred = [edge for edge in edges if edge.deferred]
    violations = [edge for edge in edges if layer(edge.target)[1] > layer(edge.source)[1]]
    print(f"modules: {len(modules)}, import edges between them: {len(edges)}")
    print(f"deferred imports (inside a function) of project modules: {len(deferred)}")
    print(f"import cycles: {len(cycles)}" + (f" (sizes {', '.join(str(len(c)) for c in cycles)})" if cycles else ""))
    print(f"imports against the layer arrows: {len(violations)}")
    if args.list:
        for edge in deferred:
            print(f"  deferred  {modules[edge.source].relative_to(ROOT)}:{edge.line}  -> {edge.target}")
        for number, component in enumerate(cycles, 1):
            members = set(component)
            print(f"  cycle {number}: {len(component)} modules")
            for edge in edges:
                if edge.source in members and edge.target in members:
                    kind = "deferred" if edge.deferred else "top"
                    print(f"    {edge.source} -> {edge.target} ({kind}, line {edge.line})")
        for edge in violations:
            print(f"  against the arrows  {edge.source} ({layer(edge.source)[0]}) -> {edge.target} "
                  f"({layer(edge.target)[0]}), line {edge.line}")
    return 1 if cycles or violations else 0


if __name__ == "__main__":
    sys.exit(main())
