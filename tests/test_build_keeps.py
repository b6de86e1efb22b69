"""`build` never empties a store: the README's Quick start run after an ingest keeps what was ingested;
only `build --fresh` deletes, and it says what it deletes first (real commands, real files)."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
FRENCH = ("Le ministre algérien de la Défense a reçu mardi à Alger son homologue tunisien pour des entretiens "
          "sur la sécurité des frontières communes.\n")


def run(args: list[str], db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, DASHBOARD_DB=str(db)))


def files(db: Path) -> list[str]:
    """The file names the stored articles were read from."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(Path(r[0]).name for r in con.execute("SELECT source FROM articles").fetchall())
    finally:
        con.close()


def quick_start_store_commands() -> list[list[str]]:
    """The README's Quick start command, as written there, without the install and the server:
    the `python -m dashboard ...` steps a user re-runs every morning."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```bash\n(.*?)\n```", readme, re.S).group(1)
    steps = [shlex.split(step) for step in block.split("&&")]
    commands = [step for step in steps if step[:3] == ["python", "-m", "dashboard"]]
    assert commands, f"no `python -m dashboard` step in the Quick start: {block}"
    return [[sys.executable, *step[1:]] for step in commands]


def ingest_one_french_article(tmp_path: Path, db: Path) -> None:
    note = tmp_path / "alger-tunis.txt"
    note.write_text(FRENCH, encoding="utf-8")
    done = run([sys.executable, "-m", "dashboard", "ingest", str(note)], db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "1 added, 0 already present, 0 failed"


def test_the_quick_start_after_an_ingest_keeps_the_ingested_article(tmp_path):
    db = tmp_path / "store.duckdb"
    ingest_one_french_article(tmp_path, db)
    for command in quick_start_store_commands():
        done = run(command, db)
        assert done.returncode == 0, done.stderr
    assert files(db) == ["alger-tunis.txt", "esper-rabat-2020-10-02.ar.txt"]


def test_build_on_an_existing_store_says_it_adds_and_deletes_nothing(tmp_path):
    db = tmp_path / "store.duckdb"
    ingest_one_french_article(tmp_path, db)
    done = run([sys.executable, "-m", "dashboard", "build"], db)
    assert done.stdout.splitlines()[0] == (
        f"Adding the sample articles to the store at {db} (nothing is deleted; "
        "`python -m dashboard build --fresh` re-creates it).")
    assert len(files(db)) == 2


def test_build_fresh_says_what_it_deletes_then_holds_only_the_samples(tmp_path):
    db = tmp_path / "store.duckdb"
    ingest_one_french_article(tmp_path, db)
    done = run([sys.executable, "-m", "dashboard", "build", "--fresh"], db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        f"Deleting the store at {db}: 1 article, 1 event and 0 failures are removed, "
        "then it is created again from the samples.")
    assert files(db) == ["esper-rabat-2020-10-02.ar.txt"]


def test_the_apps_first_run_build_leaves_an_existing_store_as_it_is(tmp_path):
    from dashboard.ui.data import build_from_samples

    db = tmp_path / "store.duckdb"
    ingest_one_french_article(tmp_path, db)
    before = db.stat().st_mtime_ns
    build_from_samples(db)
    assert db.stat().st_mtime_ns == before and len(files(db)) == 1
