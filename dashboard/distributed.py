"""Scale-out: the same per-article function on a Dask cluster, through Parquet.

    client (reads inputs) ──> workers: process + article_rows ──> Parquet, partitioned by month
                                                                   └──> store imports it (one writer)

Workers run exactly what the local path runs for one article (`process`, then
`store.rows.article_rows`) and write each table's rows to
`PARQUET_DIR/<table>/month=YYYY-MM/part-<chunk>.parquet`. The store then imports the folder in
input order, so duplicates resolve as they do locally and both paths give the same store.
Workers and the client must see the same Parquet folder (a local disk for a local cluster, a
shared file system for a real one).
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dashboard import settings
from dashboard.records import Failure, RawArticle
from dashboard.store import WriteReport, write_session
from dashboard.store.rows import COLUMNS, TABLES, article_rows

CHUNK_SIZE = 500  # articles per task


def _month(raw: RawArticle) -> str:
    return raw.published.strftime("%Y-%m") if raw.published else "unknown"


def process_chunk(chunk: list[tuple[int, RawArticle]], out_dir: str, chunk_no: int) -> list[tuple[int, Failure]]:
    """Worker task: process articles, write their rows to Parquet by month; return the failures."""
    from dashboard.pipeline import process
    from dashboard.resources import settle_for_batch
    from dashboard.runner import failure_for

    resources = settle_for_batch()
    added_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    by_month: dict[str, dict[str, list[tuple]]] = {}
    failures: list[tuple[int, Failure]] = []
    for seq, raw in chunk:
        try:
            rows = article_rows(process(raw, resources, settings.max_document_chars()), added_at)
        except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
            failures.append((seq, failure_for(raw, exc)))
            continue
        month_rows = by_month.setdefault(_month(raw), {t: [] for t in TABLES})
        for table in TABLES:
            month_rows[table].extend(row + (seq,) for row in rows[table])
    for month, tables in by_month.items():
        for table, table_rows in tables.items():
            if not table_rows:
                continue
            cols = COLUMNS[table] + ["seq"]
            folder = Path(out_dir) / table / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            data = {c: [r[i] for r in table_rows] for i, c in enumerate(cols)}
            pq.write_table(pa.table(data, schema=_schema(table)), folder / f"part-{chunk_no:06d}.parquet")
    return failures


def _schema(table: str) -> pa.Schema:
    """Explicit Arrow types, so partitions with all-null columns still agree."""
    types = {
        "published": pa.date32(), "added_at": pa.timestamp("us"), "day_from": pa.date32(), "day_to": pa.date32(),
        "lat": pa.float64(), "lon": pa.float64(), "confidence": pa.float64(), "start": pa.int32(),
        "end": pa.int32(), "cluster": pa.int32(), "actors": pa.list_(pa.string()), "seq": pa.int64(),
        "countries": pa.list_(pa.string()), "article_published": pa.date32(), "parts": pa.list_(pa.int32()),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS[table] + ["seq"]])


def ingest_on_cluster(
    items: Iterable[RawArticle | Failure],
    db_path: Path,
    scheduler: str,
    *,
    parquet_dir: Path | None = None,
    chunk_size: int = CHUNK_SIZE,
    feed_state: dict | None = None,
) -> WriteReport:
    """Process `items` on the Dask scheduler at `scheduler` and import the result into the store.

    `scheduler` is an address such as `tcp://10.0.0.5:8786`, or `local` for a cluster of local
    processes (one per core).
    """
    from dask.distributed import Client, LocalCluster

    own_dir = parquet_dir is None
    out = Path(parquet_dir or tempfile.mkdtemp(prefix="dashboard-parquet-"))
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"The Parquet folder {out} is not empty; give an empty or new folder.")
    out.mkdir(parents=True, exist_ok=True)

    read_failures: list[tuple[int, Failure]] = []
    articles: list[tuple[int, RawArticle]] = []
    for seq, item in enumerate(items):
        if isinstance(item, Failure):
            read_failures.append((seq, item))
        else:
            articles.append((seq, item))
    chunks = [articles[i:i + chunk_size] for i in range(0, len(articles), chunk_size)]

    cluster = (LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
               if scheduler == "local" else None)
    try:
        with Client(cluster or scheduler) as client:
            futures = [client.submit(process_chunk, chunk, str(out), n, pure=False) for n, chunk in enumerate(chunks)]
            worker_failures = [f for result in client.gather(futures) for f in result]
        with write_session(db_path) as writer:
            for _, failure in sorted(read_failures + worker_failures, key=lambda x: x[0]):
                writer.add_failure(failure)
            writer.import_parquet(out)
            if feed_state:
                writer.save_feed_state(feed_state)
            return writer.report
    finally:
        if cluster is not None:
            cluster.close()
        if own_dir:
            shutil.rmtree(out, ignore_errors=True)
