"""The Dask path gives the same store as the local path on the same input."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("dask.distributed", reason="install the 'scale' extra: pip install -e '.[scale]'")

from dashboard.bench.synthetic import generate  # noqa: E402
from dashboard.distributed import ingest_on_cluster  # noqa: E402
from dashboard.sources.ingest import read_path  # noqa: E402
from dashboard.runner import store_items  # noqa: E402
from dashboard.store.rows import COLUMNS  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def make_inputs(folder: Path) -> Path:
    records = list(generate(120, seed=3))
    records.append(dict(records[5], id="dup-url"))                        # same URL again
    records.append(dict(records[7], id="dup-text", url="https://mirror.invalid/x"))  # same text
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(40, '{"id": "broken", "text": ')                          # a broken line
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for f in SAMPLES.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


def table_rows(db: Path, table: str) -> list[tuple]:
    cols = [c for c in COLUMNS.get(table, []) if c != "added_at"] or ["source", "reason"]
    quoted = ", ".join(f'"{c}"' for c in cols)
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()


@pytest.fixture(autouse=True)
def plain_main_module(monkeypatch):
    """Dask's worker processes are spawned, and a spawned process re-runs the parent's `__main__`
    file. Streamlit's AppTest (other tests in this run) leaves the app's script there, which must
    not run in a worker: the workers get a main module with no file, as under `python -m dashboard`."""
    import sys
    import types

    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


@pytest.mark.slow
def test_dask_and_local_paths_build_the_same_store(tmp_path):
    (tmp_path / "in").mkdir()
    inputs = make_inputs(tmp_path / "in")
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    local = store_items(read_path(inputs), local_db)
    dask = ingest_on_cluster(read_path(inputs), dask_db, "local", parquet_dir=tmp_path / "parquet", chunk_size=40)
    assert (dask.added, dask.present, dask.failed) == (local.added, local.present, local.failed) == (121, 2, 1)
    for table in (*COLUMNS, "failures"):
        assert table_rows(dask_db, table) == table_rows(local_db, table), table
    assert (tmp_path / "parquet" / "articles").is_dir()
    months = {p.name for p in (tmp_path / "parquet" / "articles").iterdir()}
    assert all(m.startswith("month=") for m in months) and len(months) > 12
