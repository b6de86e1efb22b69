"""List the functions of a folder's Python files that are longer or branchier than a limit.

    python scripts/function_sizes.py dashboard/pipeline --lines 60 --branches 15
    python scripts/function_sizes.py dashboard --top 20          # the largest, whatever the limit

Lines: from the `def` line (decorators excluded) to the last line of the body, blank lines and
comments included, as a reader scrolls them. Branches: the decision points a reader follows, as in
McCabe's count: each `if`/`elif`, conditional expression, loop (`for`, `while`, comprehension
`for`), comprehension `if`, `except` clause, `match` case, and each extra operand of `and`/`or`.
A nested function or class is measured on its own and not counted in the function around it.

Exit status 1 when a function is over a limit (so CI can run it), 0 otherwise. Reads files with
`ast` only: nothing is imported or run.
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from typing import Iterator, NamedTuple

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_SCOPES = (*_FUNCTIONS, ast.ClassDef, ast.Lambda)


class FunctionSize(NamedTuple):
    path: str
    line: int
    name: str  # qualified: Class.method, outer.inner
    lines: int
    branches: int


def _decisions(node: ast.AST) -> int:
    """Decision points of one node, not counting its children."""
    if isinstance(node, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler)):
        return 1
    if isinstance(node, ast.BoolOp):
        return len(node.values) - 1
    if isinstance(node, ast.comprehension):
        return 1 + len(node.ifs)
    if isinstance(node, ast.match_case):
        return 1
    return 0


def branches(func: ast.AST) -> int:
    """Decision points in a function's body, leaving out nested functions, classes and lambdas' own
    scopes (a lambda's body is short and counted with its function)."""
    count = 0
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        if isinstance(node, (*_FUNCTIONS, ast.ClassDef)):
            continue
        count += _decisions(node)
        stack.extend(ast.iter_child_nodes(node))
    return count


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.AST]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, _FUNCTIONS):
            name = prefix + node.name
            yield name, node
            yield from _functions(node, name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, prefix + node.name + ".")
        else:
            yield from _functions(node, prefix)


def measure_file(path: Path) -> list[FunctionSize]:
    """Every function and method of one file, with its size."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [FunctionSize(str(path), node.lineno, name, node.end_lineno - node.lineno + 1, branches(node))
            for name, node in _functions(tree)]


def measure(root: Path) -> list[FunctionSize]:
    """Every function of the Python files under `root` (or of `root` itself, a file)."""
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    return [size for f in files for size in measure_file(f)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="folders or files to measure")
    parser.add_argument("--lines", type=int, default=60, help="the most lines a function may have (default 60)")
    parser.add_argument("--branches", type=int, default=15, help="the most branches a function may have (default 15)")
    parser.add_argument("--top", type=int, default=0, help="list the N largest functions instead, over a limit or not")
    args = parser.parse_args(argv)
    sizes = [s for p in args.paths for s in measure(p)]
    if args.top:
        shown = sorted(sizes, key=lambda s: (s.branches, s.lines), reverse=True)[:args.top]
    else:
        shown = [s for s in sizes if s.lines > args.lines or s.branches > args.branches]
        shown.sort(key=lambda s: (s.path, s.line))
    for s in shown:
        print(f"{s.path}:{s.line}: {s.name}  {s.lines} lines, {s.branches} branches")
    over = [s for s in sizes if s.lines > args.lines or s.branches > args.branches]
    if not args.top:
        print(f"{len(over)} of {len(sizes)} functions over {args.lines} lines or {args.branches} branches",
              file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
