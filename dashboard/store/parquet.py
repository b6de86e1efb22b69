"""Importing the rows `dashboard.distributed` workers wrote as Parquet (one folder per table, each
row with its input position `seq`), in one transaction, in input order, skipping articles already
stored. (This path is for cluster runs: it keeps the ids of the imported articles in memory.)"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from .rows import COLUMNS, TABLES


def import_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> tuple[int, int]:
    """Insert the new articles and their rows; returns (added, already present)."""
    files = {t: sorted((folder / t).rglob("*.parquet")) for t in TABLES}
    if not files["articles"]:
        return 0, 0

    def source(table: str) -> str:
        listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files[table])
        return f"read_parquet([{listed}], union_by_name = true)"

    rows = con.execute(f"SELECT id, content_hash, seq, source FROM {source('articles')} ORDER BY seq").fetchall()
    incoming = pa.table({"id": [r[0] for r in rows], "hash": [r[1] for r in rows]})  # noqa: F841
    seen_ids = {r[0] for r in con.execute("SELECT id FROM incoming WHERE id IN (SELECT id FROM articles)").fetchall()}
    seen_hashes = {r[0] for r in con.execute(
        "SELECT hash FROM incoming WHERE hash IN (SELECT content_hash FROM articles)").fetchall()}
    accepted: list[int] = []
    sources: list[str] = []
    for art_id, digest, seq, src in rows:  # in input order: the first of two copies is kept
        if art_id in seen_ids or digest in seen_hashes:
            continue
        seen_ids.add(art_id)
        seen_hashes.add(digest)
        accepted.append(seq)
        sources.append(src)
    kept = pa.table({"seq": pa.array(accepted, pa.int64())})  # noqa: F841
    for table in TABLES:
        if not files[table]:
            continue
        quoted = ", ".join(f'"{c}"' for c in COLUMNS[table])
        if table in ("places", "actors"):  # shared entities: first appearance, if new
            con.execute(
                f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM ("
                f"  SELECT *, row_number() OVER (PARTITION BY id ORDER BY seq) AS first FROM {source(table)}"
                f"  WHERE seq IN (SELECT seq FROM kept)) "
                f"WHERE first = 1 AND id NOT IN (SELECT id FROM {table}) ORDER BY seq")
        else:
            con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {source(table)} "
                        f"WHERE seq IN (SELECT seq FROM kept) ORDER BY seq")
    stored = pa.table({"source": sources})  # noqa: F841
    con.execute("DELETE FROM failures WHERE source IN (SELECT source FROM stored)")
    return len(accepted), len(rows) - len(accepted)
