"""The collection's files: their schemas, how Parquet is written so the bytes never drift, and the
manifest (`collection.json`). No SQL here; `collection.py` fills and reads these files.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .reader import StoreError

FORMAT = 1
MANIFEST = "collection.json"
ZSTD_LEVEL = 9  # higher packs a little smaller and exports slower; reading speed barely changes
ROW_GROUP_ROWS = 65_536  # pinned, so that a change of pyarrow's default never changes the bytes

_S, _I, _F, _D, _T = pa.string(), pa.int32(), pa.float64(), pa.date32(), pa.timestamp("us")
SCHEMAS: dict[str, pa.Schema] = {
    # one file per month and day of collection; written once
    "articles": pa.schema([("id", _S), ("added_at", _T), ("published", _D), ("language", _S), ("site", _S),
                           ("source", _S), ("fmt", _S), ("url", _S), ("title", _S)]),
    "events": pa.schema([("article_id", _S), ("n", _I), ("id", _S), ("type", _S), ("status", _S), ("date", _S),
                         ("date_precision", _S), ("date_source", _S), ("day_from", _D), ("day_to", _D),
                         ("place_id", _S), ("place_name", _S), ("place_kind", _S), ("country", _S), ("lat", _F),
                         ("lon", _F), ("actors", pa.list_(_S)), ("evidence", _S), ("start", _I), ("end", _I),
                         ("trigger", _S), ("confidence", _F), ("cluster", _I), ("countries", pa.list_(_S))]),
    # the same, but only for the newest months: deleted when their month gets older
    "texts": pa.schema([("id", _S), ("text", _S), ("content_hash", _S)]),
    "place_mentions": pa.schema([("article_id", _S), ("place_id", _S), ("start", _I), ("length", _I),
                                 ("surface", _S), ("how", _S)]),
    "actor_mentions": pa.schema([("article_id", _S), ("actor_id", _S), ("start", _I), ("length", _I),
                                 ("surface", _S), ("role", _S), ("how", _S)]),
    # one file each
    "places": pa.schema([("id", _S), ("name", _S), ("name_fr", _S), ("name_ar", _S), ("kind", _S),
                         ("country", _S), ("lat", _F), ("lon", _F)]),
    "actors": pa.schema([("id", _S), ("name", _S), ("kind", _S), ("country", _S)]),
    "failures": pa.schema([("source", _S), ("reason", _S), ("first_seen", _T), ("last_seen", _T)]),
}
DAILY = ("articles", "events", "texts", "place_mentions", "actor_mentions")
WITH_TEXT = ("texts", "place_mentions", "actor_mentions")
WHOLE = ("places", "actors", "failures")


class CollectionError(StoreError):
    """A collection folder that cannot be written or read (the reason is in plain words)."""


@dataclass(frozen=True)
class Manifest:
    newest_added: datetime | None  # when the newest article was added to the store
    text_months: int


def parquet_bytes(table: pa.Table) -> bytes:
    """Rows as Parquet, the same bytes every time for the same rows: fixed compression, row-group
    size and format version, and no statistics or Arrow schema (which would add nothing but bytes)."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", compression_level=ZSTD_LEVEL, row_group_size=ROW_GROUP_ROWS,
                   use_dictionary=True, write_statistics=False, store_schema=False, version="2.6",
                   data_page_version="1.0")
    return sink.getvalue().to_pybytes()


def put_file(path: Path, data: bytes) -> bool:
    """Write the file only if its bytes change (an unchanged file keeps its date too); False if not."""
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def check_export_folder(folder: Path) -> None:
    """Refuse a folder that is neither new, empty nor a collection: nothing else may be touched."""
    if folder.exists() and not folder.is_dir():
        raise CollectionError(f"{folder} is a file, not a folder: choose a folder for the collection.")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MANIFEST).exists():
        raise CollectionError(f"The folder {folder} is not empty and holds no collection: choose an empty "
                              "or new folder, so that no other file is touched.")


def collection_files(folder: Path) -> dict[str, list[Path]]:
    """Every Parquet file of the collection, per table, in a stable order."""
    files = {t: sorted((folder / t).rglob("*.parquet")) for t in DAILY}
    files.update({t: [folder / f"{t}.parquet"] if (folder / f"{t}.parquet").is_file() else [] for t in WHOLE})
    return files


def remove_stale(folder: Path, keep: set[str]) -> list[str]:
    """Delete the collection's day files not in `keep` (relative paths), then empty month folders."""
    found = [str(p.relative_to(folder)) for t in DAILY for p in (folder / t).rglob("*.parquet")]
    stale = sorted(f for f in found if f not in keep)
    for rel in stale:
        (folder / rel).unlink()
    for table in DAILY:
        for month_dir in sorted((folder / table).glob("*")):
            if month_dir.is_dir() and not any(month_dir.iterdir()):
                month_dir.rmdir()
    return stale


def read_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest; None when the folder holds no collection. Raises CollectionError if
    it is there but unreadable, or written by a later version."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fmt = int(data["format"])
        newest = datetime.fromisoformat(data["newest_added"]) if data.get("newest_added") else None
        text_months = int(data.get("text_months", 0))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CollectionError(f"The collection file {path} cannot be read ({exc.__class__.__name__}).") from exc
    if fmt > FORMAT:
        raise CollectionError(f"The collection in {folder} was written by a newer version of the dashboard "
                              f"(format {fmt}); update the dashboard to read it.")
    return Manifest(newest, text_months)


def manifest_bytes(manifest: Manifest) -> bytes:
    data = {
        "about": "The dashboard's articles as Parquet files. Rebuild a store with: "
                 "python -m dashboard collection import FOLDER",
        "format": FORMAT,
        "newest_added": manifest.newest_added.isoformat() if manifest.newest_added else None,
        "text_months": manifest.text_months,
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


def month_shift(month: str, back: int) -> str:
    """'2025-03' moved `back` months earlier ('2025-03', 3 -> '2024-12')."""
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + mon - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
