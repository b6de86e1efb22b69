"""A store file that cannot be read: the app says so in one plain sentence naming the command that
re-creates it, and after that very command the page works again (AppTest, real files, real command)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import build_store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
MESSAGE = "The article store cannot be read. Re-create it with: python -m dashboard build --fresh"


def run_app(monkeypatch, db: Path) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    return AppTest.from_file(APP, default_timeout=60).run()


def garbage(db: Path) -> None:
    db.write_bytes(b"\x00this is not a database\xff" * 400)


def truncated(db: Path) -> None:
    build_store(db)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def zeroed_header(db: Path) -> None:
    build_store(db)
    data = bytearray(db.read_bytes())
    data[:8192] = bytes(8192)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [garbage, truncated, zeroed_header])
def test_a_damaged_store_gives_one_plain_message_naming_the_rebuild_command(monkeypatch, tmp_path, damage):
    db = tmp_path / "store.duckdb"
    damage(db)
    at = run_app(monkeypatch, db)
    assert not at.exception
    assert [e.value for e in at.error] == [MESSAGE]


def test_the_named_command_rebuilds_the_store_and_the_page_works_again(monkeypatch, tmp_path):
    db = tmp_path / "store.duckdb"
    garbage(db)
    assert [e.value for e in run_app(monkeypatch, db).error] == [MESSAGE]

    command = MESSAGE.split(": ", 1)[1].split()  # the command the message names, as a user types it
    done = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, DASHBOARD_DB=str(db)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"Deleting the store at {db} (it cannot be read) and creating it again."
    assert done.stdout.splitlines()[-1] == "1 added, 0 already present, 0 failed"

    at = run_app(monkeypatch, db)
    assert not at.exception and not at.error
    assert at.metric[1].label == "Articles" and at.metric[1].value == "1"
