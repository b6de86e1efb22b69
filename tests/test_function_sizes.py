"""scripts/function_sizes.py: lines and branches of every function of a folder, read with `ast`."""
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "function_sizes.py"
_spec = importlib.util.spec_from_file_location("function_sizes", SCRIPT)
function_sizes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(function_sizes)

SOURCE = '''
def pick(words, limit):
    """7 decision points: if, elif, or, for, comprehension for and if, conditional expression."""
    if not words:
        return []
    elif limit == 0 or limit is None:
        return words
    for w in words:
        print(w)
    short = [w for w in words if len(w) < limit]

    def helper(x):  # measured on its own
        if x:
            return 1
        return 0

    return short if short else words


class Reader:
    def read(self, path):
        try:
            return open(path).read()
        except OSError:
            return ""
'''


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "sample.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_each_function_is_measured_with_its_qualified_name(folder):
    sizes = {s.name: (s.lines, s.branches) for s in function_sizes.measure(folder)}
    assert sizes == {"pick": (16, 7), "pick.helper": (4, 1), "Reader.read": (5, 1)}


def test_functions_over_a_limit_make_the_exit_status_one(folder, capsys):
    assert function_sizes.main([str(folder), "--lines", "10", "--branches", "15"]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{folder / 'sample.py'}:2: pick  16 lines, 7 branches"]


def test_functions_within_the_limits_make_the_exit_status_zero(folder, capsys):
    assert function_sizes.main([str(folder), "--lines", "60", "--branches", "15"]) == 0
    assert capsys.readouterr().out == ""
