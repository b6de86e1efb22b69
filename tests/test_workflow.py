"""The scheduled workflow (.github/workflows/refresh-collection.yml) runs the README's commands, and
those commands, run twice against feeds served on 127.0.0.1, keep a collection that changes only
where something changed."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from feed_server import ARTICLES, FeedServer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "refresh-collection.yml"


def workflow() -> dict:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### What the workflow runs"):]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_the_workflow_runs_the_commands_the_readme_gives_in_the_same_order():
    steps = workflow()["jobs"]["refresh"]["steps"]
    commands = [s["run"].strip() for s in steps if "run" in s and s["run"].startswith("python ")]
    assert commands == readme_commands() == [
        "python -m pip install -r requirements.txt -e .",
        "python -m dashboard collection import collection",
        "python -m dashboard ingest --feeds",
        "python -m dashboard collection export collection",
    ]


def test_the_workflow_runs_every_day_and_on_demand_and_may_commit():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert re.fullmatch(r"\d+ \d+ \* \* \*", triggers["schedule"][0]["cron"])
    assert flow["permissions"] == {"contents": "write"}
    commit = flow["jobs"]["refresh"]["steps"][-1]["run"]
    assert "git add collection" in commit and "git push" in commit


def test_the_readme_commands_run_twice_change_only_what_changed(tmp_path):
    def run_readme_commands() -> None:
        for command in readme_commands()[1:]:  # the package is installed already
            done = subprocess.run(command.split(), cwd=tmp_path, env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr

    def files() -> dict[str, bytes]:
        folder = tmp_path / "collection"
        return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    with FeedServer(slow_seconds=1.0) as feeds:
        env = dict(os.environ, PYTHONPATH=str(ROOT), DASHBOARD_DB=str(tmp_path / "store.duckdb"),
                   DASHBOARD_FEEDS=str(feeds.feeds_file(tmp_path / "feeds.txt")), DASHBOARD_ALLOW_PRIVATE_FEEDS="1")
        run_readme_commands()
        first = files()
        (tmp_path / "store.duckdb").unlink()  # a new runner: nothing but the repository
        run_readme_commands()
        second = files()
    assert sorted(p for p in first if p.startswith("articles/")) == sorted(
        p for p in second if p.startswith("articles/"))
    changed = {p for p in first.keys() | second.keys() if first.get(p) != second.get(p)}
    assert changed <= {"failures.parquet"}  # the broken feed's "last seen" time, and nothing else

    from dashboard.store.collection import import_collection

    import_collection(tmp_path / "collection", tmp_path / "check.duckdb")
    import duckdb

    con = duckdb.connect(str(tmp_path / "check.duckdb"), read_only=True)
    assert sorted(t for (t,) in con.execute("SELECT title FROM articles").fetchall()) == \
        sorted(a[0] for a in ARTICLES.values())
    con.close()
