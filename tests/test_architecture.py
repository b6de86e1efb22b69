"""The boundaries docs/architecture.md promises, checked on the source itself (AST, not grep):
the pipeline does no I/O, SQL lives only in the store, the interface never imports the command
line, Streamlit stays in the interface, and every module is named in the overview."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dashboard"
MODULES = sorted(PACKAGE.rglob("*.py"))
# SQL as the store writes it: upper-case keywords ("SELECT ... FROM", "INSERT INTO", "CREATE TABLE")
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|ATTACH|COPY|WITH)\b.*\b(FROM|INTO|TABLE|SET|AS|VIEW)\b",
                 re.DOTALL)
IO_MODULES = {"duckdb", "sqlite3", "socket", "urllib.request", "http.client", "requests", "httpx", "streamlit", "shutil",
              "tempfile", "pyarrow.parquet"}
IO_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "urlopen", "connect", "mkdir", "unlink"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _called_names(tree: ast.Module) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            out.add(fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", ""))
    return out


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", [p for p in MODULES if "pipeline" in p.parts], ids=_rel)
def test_the_pipeline_opens_no_file_socket_or_database(path):
    tree = _tree(path)
    imported = _imports(tree)
    assert not (imported | {m.split(".")[0] for m in imported}) & IO_MODULES
    assert not _called_names(tree) & IO_CALLS


def test_sql_is_written_only_in_the_store():
    holding = []
    for path in MODULES:
        if "store" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                holding.append(_rel(path))
    assert holding == []


def test_only_the_store_imports_the_database():
    importing = [_rel(p) for p in MODULES if "duckdb" in {m.split(".")[0] for m in _imports(_tree(p))}
                 and p.relative_to(PACKAGE).parts[0] not in ("store", "bench")]
    assert importing == []


def test_the_interface_never_imports_the_command_line():
    ui = [p for p in MODULES if p.relative_to(PACKAGE).parts[0] == "ui"]
    assert [_rel(p) for p in ui if "dashboard.__main__" in _imports(_tree(p))] == []


def test_streamlit_is_imported_only_by_the_interface():
    outside = [_rel(p) for p in MODULES if "streamlit" in {m.split(".")[0] for m in _imports(_tree(p))}
               and p.relative_to(PACKAGE).parts[0] not in ("ui", "app.py", "bench")]
    assert outside == []


def test_every_module_is_named_in_the_architecture_overview():
    overview = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [_rel(p) for p in MODULES if p.name != "__init__.py" and f"`{p.name}`" not in overview
               and f"`{p.stem}`" not in overview and f"{p.relative_to(PACKAGE).as_posix()}" not in overview]
    assert missing == []
