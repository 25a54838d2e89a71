"""docs/architecture.md says what the code does: its file tree names every app, and its table of
the apps' imports is the import graph of the code (tests and migrations left out)."""

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2]
DOC = APP.parent / "docs" / "architecture.md"


def apps() -> set[str]:
    return {p.parent.name for p in APP.glob("*/apps.py")}


def imports_of_the_code() -> dict[str, set[str]]:
    graph = {app: set() for app in apps()}
    for path in APP.rglob("*.py"):
        parts = path.relative_to(APP).parts
        if len(parts) < 2 or parts[0] not in graph or {"tests", "migrations"} & set(parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                part = name.split(".")
                other = part[1] if part[0] == "betterback" and len(part) > 1 else None
                if other in graph and other != parts[0]:
                    graph[parts[0]].add(other)
    return graph


def imports_in_the_doc() -> dict[str, set[str]]:
    section = DOC.read_text(encoding="utf-8").split("## The apps and their layers")[1]
    rows = re.findall(r"^\| \w+ \| `(\w+)` \| (.*) \|$", section.split("\n## ")[0], re.M)
    return {app: set() if deps == "—" else set(deps.split(", ")) for app, deps in rows}


def test_the_table_of_imports_is_the_graph_of_the_code():
    assert imports_in_the_doc() == imports_of_the_code()


def test_the_file_tree_names_every_app():
    tree = DOC.read_text(encoding="utf-8").split("## File tree")[1].split("```")[1]
    named = set(re.findall(r"^  (\w+)/", tree, re.M))

    assert apps() - named == set()
