"""The collection: the store as plain Parquet files that can live in a git repository.

`export_collection(db, folder)` writes the store's articles, places, actors, events and failures;
`import_collection(folder, db)` rebuilds a store from them. Made for git, which keeps every version
of every file it is ever given, so that a year of daily commits stays small:

- Every file is written once. An article's month is its publication month (the month it was
  added when it has no date); within the month, the articles added on one day, and their events,
  are one file per table (`articles/2025-05/added-2025-05-17.parquet`). Later days never change
  that file, and the same rows always give the same bytes (collection_files.parquet_bytes), so a
  daily commit adds the day's new files and nothing else.
- The text of an article, its content hash and its place and actor mentions (which only the text
  shows) are files of their own (`texts/`, `place_mentions/`, `actor_mentions/`), kept for the
  articles collected in the newest `text_months` months (counted back from the month of the newest
  article collected) and deleted after: the store rebuilt from the collection then keeps
  the article's title, link, date, site and events with their evidence sentences, and the reader
  links to the source. Deleting costs a repository nothing (it keeps what it had) and keeps the
  folder and the import small.
- Nothing the import can rebuild is written: the search text (folded again), the content hash
  (the text's own), an event's id (article id and position), its date span, its place's name, kind
  and position when they are the place's own, its end (start plus the evidence's length), and a
  mention's words when they are the text at its offsets. A value that differs from the rebuilt one
  is written as it is.

Feed state (ETags) is not kept: after an import, the next refresh reads every feed in full.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

import duckdb
import pyarrow as pa

from dashboard.pipeline.arabic import fold
from dashboard.pipeline.identity import content_hash
from dashboard.settings import collection_text_months, db_memory_limit

from .collection_files import (
    DAILY,
    MANIFEST,
    SCHEMAS,
    WHOLE,
    CollectionError,
    Manifest,
    check_export_folder,
    collection_files,
    manifest_bytes,
    month_shift,
    parquet_bytes,
    put_file,
    read_manifest,
    remove_stale,
)
from .reader import StoreError, StoreUnreadable
from .writer import replacement_store

NO_TEXT_HASH = "text-not-kept:"  # content_hash of an article imported without its text (+ its id)

__all__ = ["CollectionError", "ExportReport", "ImportReport", "collection_is_newer", "export_collection",
           "import_collection", "read_manifest", "store_newest_added"]


@dataclass(frozen=True)
class ExportReport:
    written: list[str]  # files (relative to the folder) whose bytes changed
    removed: list[str]
    unchanged: int


@dataclass(frozen=True)
class ImportReport:
    articles: int
    events: int
    places: int
    actors: int
    failures: int


def _q(path: Path | str) -> str:
    """A path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


@contextmanager
def _attached(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store file opened read-only in a connection of its own (ATTACH reads the file as it is
    now, where a plain connect could be handed a stale cached instance after a writer's rename)."""
    if not Path(db_path).exists():
        raise StoreUnreadable(f"No store at {db_path}.")
    con = duckdb.connect(":memory:", config={"memory_limit": db_memory_limit()})
    try:
        con.execute(f"ATTACH {_q(db_path)} AS store (READ_ONLY)")
        con.execute("USE store")
        con.execute("SET enable_progress_bar = false")
        yield con
    except duckdb.Error as exc:
        raise StoreUnreadable(f"The store {db_path} could not be read ({exc.__class__.__name__}: "
                              f"{str(exc)[:200]})") from exc
    finally:
        con.close()


def store_newest_added(db_path: Path) -> datetime | None:
    """When the store's newest article was added (None for an empty store)."""
    with _attached(db_path) as con:
        return cast(tuple, con.execute("SELECT max(added_at) FROM articles").fetchone())[0]  # (an aggregate: one row)


def collection_is_newer(folder: Path, db_path: Path) -> bool:
    """True when the folder holds a collection with articles the store lacks: the store is missing,
    unreadable, empty, or its newest article was added before the collection's newest."""
    manifest = read_manifest(folder)
    if manifest is None or manifest.newest_added is None:
        return False
    if not Path(db_path).exists():
        return True
    try:
        newest = store_newest_added(db_path)
    except StoreError:
        return True
    return newest is None or newest < manifest.newest_added


# -- what the import rebuilds (the export leaves a value out only when these give it back) -------

def _day_from(d: str) -> str:
    """SQL: the first day a date of the store covers ('2020-10' -> 2020-10-01), as store.span does."""
    return (f"CASE WHEN {d} < '0001' THEN NULL "
            f"WHEN regexp_full_match({d}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') THEN try_strptime({d}, '%Y-%m-%d')::DATE "
            f"WHEN regexp_full_match({d}, '[0-9]{{4}}-[0-9]{{2}}') THEN try_strptime({d} || '-01', '%Y-%m-%d')::DATE "
            f"WHEN regexp_full_match({d}, '[0-9]{{4}}') THEN try_strptime({d} || '-01-01', '%Y-%m-%d')::DATE END")


def _day_to(d: str) -> str:
    return (f"CASE WHEN {d} < '0001' THEN NULL "
            f"WHEN regexp_full_match({d}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') THEN try_strptime({d}, '%Y-%m-%d')::DATE "
            f"WHEN regexp_full_match({d}, '[0-9]{{4}}-[0-9]{{2}}') "
            f"THEN last_day(try_strptime({d} || '-01', '%Y-%m-%d')::DATE) "
            f"WHEN regexp_full_match({d}, '[0-9]{{4}}') THEN try_strptime({d} || '-12-31', '%Y-%m-%d')::DATE END")


def _in_text(start: str, length: str) -> str:
    """SQL: the words of the article text at a row's offsets (character offsets, as in Python)."""
    return f"substring(a.text, {start} + 1, {length})"


def _unless(value: str, rebuilt: str) -> str:
    return f"CASE WHEN {value} IS NOT DISTINCT FROM {rebuilt} THEN NULL ELSE {value} END"


# -- export ------------------------------------------------------------------------------------

_PARTS_SQL = """
    CREATE OR REPLACE TEMP TABLE parts AS
    WITH a AS (SELECT id, text, added_at,
                      strftime(coalesce(published, CAST(added_at AS DATE)), '%Y-%m') AS month FROM articles)
    SELECT id AS article_id, text <> '' AND strftime(added_at, '%Y-%m') >= $text_from AS keeps_text,
           month || '/added-' || strftime(added_at, '%Y-%m-%d') AS file
    FROM a"""

_EVENT_N = "CAST(split_part(e.id, '#', 2) AS INTEGER)"
_EXPORT_SQL = {
    "articles": """SELECT p.file, x.id, x.added_at, x.published, x.language, x.site, x.source, x.fmt, x.url, x.title
        FROM articles x JOIN parts p ON p.article_id = x.id ORDER BY p.file, x.added_at, x.id""",
    "events": f"""WITH x AS (SELECT p.file, e.*, pl.name AS p_name, pl.kind AS p_kind, pl.lat AS p_lat,
            pl.lon AS p_lon, CASE WHEN regexp_full_match(e.id, '[^#]+#[0-9]{{1,9}}')
                AND e.id = e.article_id || '#' || split_part(e.id, '#', 2) THEN {_EVENT_N} END AS n
            FROM events e JOIN parts p ON p.article_id = e.article_id LEFT JOIN places pl ON pl.id = e.place_id)
        SELECT file, article_id, n, CASE WHEN n IS NULL THEN id END AS id, type, status, date, date_precision,
            date_source, {_unless('day_from', _day_from('date'))} AS day_from,
            {_unless('day_to', _day_to('date'))} AS day_to, place_id,
            {_unless('place_name', 'p_name')} AS place_name, {_unless('place_kind', 'p_kind')} AS place_kind,
            country, {_unless('lat', 'p_lat')} AS lat, {_unless('lon', 'p_lon')} AS lon, actors, evidence, start,
            {_unless('"end"', 'start + length(evidence)')} AS "end", trigger, confidence, cluster, countries
        FROM x ORDER BY file, article_id, n, id""",
    "texts": """SELECT p.file, x.id, x.text, x.content_hash FROM articles x JOIN parts p ON p.article_id = x.id
        WHERE p.keeps_text ORDER BY p.file, x.added_at, x.id""",
    "place_mentions": f"""SELECT p.file, m.article_id, m.place_id, m.start, m."end" - m.start AS length,
        {_unless('m.surface', _in_text('m.start', 'm."end" - m.start'))} AS surface, m.how
        FROM place_mentions m JOIN parts p ON p.article_id = m.article_id JOIN articles a ON a.id = m.article_id
        WHERE p.keeps_text ORDER BY ALL""",
    "actor_mentions": f"""SELECT p.file, m.article_id, m.actor_id, m.start, m."end" - m.start AS length,
        {_unless('m.surface', _in_text('m.start', 'm."end" - m.start'))} AS surface, m.role, m.how
        FROM actor_mentions m JOIN parts p ON p.article_id = m.article_id JOIN articles a ON a.id = m.article_id
        WHERE p.keeps_text ORDER BY ALL""",
    "places": "SELECT 'places' AS file, * FROM places ORDER BY id",
    "actors": "SELECT 'actors' AS file, * FROM actors ORDER BY id",
    "failures": """SELECT 'failures' AS file, source, reason, first_seen, last_seen FROM failures
        ORDER BY source, reason""",
}


def _without_rebuildable_hashes(rows: pa.Table) -> pa.Table:
    """Texts whose content hash is the hash of the text itself (as the pipeline makes it) leave it out."""
    kept = [None if digest == content_hash(text) else digest
            for text, digest in zip(rows.column("text").to_pylist(), rows.column("content_hash").to_pylist())]
    return rows.set_column(rows.schema.get_field_index("content_hash"), "content_hash", pa.array(kept, pa.string()))


def _table_files(con: duckdb.DuckDBPyConnection, table: str) -> Iterator[tuple[str, pa.Table]]:
    """(file path relative to the folder, rows) for every file of one table."""
    rows = con.sql(_EXPORT_SQL[table]).to_arrow_table()
    if table == "texts":
        rows = _without_rebuildable_hashes(rows)
    files = rows.column("file").to_pylist()
    body = rows.drop_columns(["file"]).cast(SCHEMAS[table])
    if table in WHOLE:
        yield f"{table}.parquet", body
        return
    start = 0
    for name, group in itertools.groupby(files):
        length = sum(1 for _ in group)
        yield f"{table}/{name}.parquet", body.slice(start, length)
        start += length


def _export_bytes(db_path: Path, text_months: int) -> tuple[dict[str, bytes], datetime | None]:
    """Every file of the collection (relative path -> bytes), and the newest article's time."""
    outputs: dict[str, bytes] = {}
    with _attached(db_path) as con:
        newest = cast(tuple, con.execute("SELECT max(added_at) FROM articles").fetchone())[0]
        reference = newest.strftime("%Y-%m") if newest else "0000-01"
        text_from = month_shift(reference, text_months - 1) if text_months > 0 else "9999-99"
        con.execute(_PARTS_SQL, {"text_from": text_from})
        for table in (*DAILY, *WHOLE):
            for relative, rows in _table_files(con, table):
                outputs[relative] = parquet_bytes(rows)
    return outputs, newest


def export_collection(db_path: Path, folder: Path, *, text_months: int | None = None) -> ExportReport:
    """Write the store as a collection in `folder` (created if needed; only a collection's own files
    are ever replaced or removed there). Raises CollectionError or StoreError."""
    folder = Path(folder)
    check_export_folder(folder)
    text_months = collection_text_months() if text_months is None else text_months
    outputs, newest = _export_bytes(Path(db_path), text_months)
    try:
        written = [rel for rel, data in sorted(outputs.items()) if put_file(folder / rel, data)]
        removed = remove_stale(folder, set(outputs))
        if put_file(folder / MANIFEST, manifest_bytes(Manifest(newest, text_months))):
            written.append(MANIFEST)
    except OSError as exc:
        raise CollectionError(f"The collection could not be written to {folder} ({exc.strerror or exc}).") from exc
    return ExportReport(written, removed, len(outputs) + 1 - len(written))


# -- import ------------------------------------------------------------------------------------

_SEARCH_SQL = """SELECT x.id, x.title, t.text, t.content_hash, true FROM c_articles x JOIN c_texts t ON t.id = x.id
    UNION ALL
    SELECT x.id, any_value(x.title), string_agg(e.evidence, chr(10) ORDER BY e.start, e.n, e.id), NULL, false
    FROM c_articles x ANTI JOIN c_texts t ON t.id = x.id LEFT JOIN c_events e ON e.article_id = x.id
    GROUP BY x.id"""

_IMPORT_SQL = {
    "places": "INSERT INTO places SELECT id, name, name_fr, name_ar, kind, country, lat, lon FROM c_places",
    "actors": "INSERT INTO actors SELECT id, name, kind, country FROM c_actors",
    "failures": "INSERT INTO failures SELECT source, reason, first_seen, last_seen FROM c_failures",
    "articles": """INSERT INTO articles (id, source, fmt, url, title, site, published, language, text, search_text,
        content_hash, added_at)
        SELECT x.id, x.source, x.fmt, x.url, x.title, x.site, x.published, x.language, coalesce(t.text, ''),
               s.search_text, s.content_hash, x.added_at
        FROM c_articles x LEFT JOIN c_texts t ON t.id = x.id JOIN c_search s ON s.id = x.id""",
    "events": f"""INSERT INTO events SELECT coalesce(e.id, e.article_id || '#' || e.n), e.article_id, e.type,
        e.status, e.date, e.date_precision, e.date_source, coalesce(e.day_from, {_day_from('e.date')}),
        coalesce(e.day_to, {_day_to('e.date')}), e.place_id, coalesce(e.place_name, p.name),
        coalesce(e.place_kind, p.kind), e.country, coalesce(e.lat, p.lat), coalesce(e.lon, p.lon), e.actors,
        e.evidence, e.start, coalesce(e."end", e.start + length(e.evidence)), e.trigger, e.confidence, e.cluster,
        e.countries, a.language, a.site, a.published, a.title, a.url
        FROM c_events e JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.id = e.place_id""",
    "place_mentions": f"""INSERT INTO place_mentions SELECT m.article_id, m.place_id, m.start, m.start + m.length,
        coalesce(m.surface, {_in_text('m.start', 'm.length')}), m.how
        FROM c_place_mentions m JOIN articles a ON a.id = m.article_id""",
    "actor_mentions": f"""INSERT INTO actor_mentions SELECT m.article_id, m.actor_id, m.start, m.start + m.length,
        coalesce(m.surface, {_in_text('m.start', 'm.length')}), m.role, m.how
        FROM c_actor_mentions m JOIN articles a ON a.id = m.article_id""",
}
_COUNT_SQL = """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM places),
    (SELECT count(*) FROM actors), (SELECT count(*) FROM failures)"""


def _register_sources(con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]]) -> None:
    """A view `c_<table>` over each table's files (an empty one when the table has none)."""
    for table, paths in files.items():
        if paths:
            listed = ", ".join(_q(p) for p in paths)
            con.execute(f"CREATE OR REPLACE TEMP VIEW c_{table} AS "
                        f"SELECT * FROM read_parquet([{listed}], union_by_name = true)")
        else:
            con.register(f"c_{table}", SCHEMAS[table].empty_table())


def _rebuilt_columns(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Each article's folded search text as the writer makes it (title and text; an article kept
    without its text is found by its title and evidence sentences), and its content hash."""
    ids, searches, hashes = [], [], []
    for art_id, title, text, digest, has_text in con.execute(_SEARCH_SQL).fetchall():
        ids.append(art_id)
        searches.append(fold(f"{title or ''}\n{text or ''}"))
        hashes.append((digest or content_hash(text)) if has_text else NO_TEXT_HASH + art_id)
    return pa.table({"id": pa.array(ids, pa.string()), "search_text": pa.array(searches, pa.string()),
                     "content_hash": pa.array(hashes, pa.string())})


def _fill(con: duckdb.DuckDBPyConnection, files: dict[str, list[Path]]) -> ImportReport:
    """Insert every table of the collection into the session's (empty) store."""
    _register_sources(con, files)
    con.register("c_search", _rebuilt_columns(con))
    for table in ("places", "actors", "failures", "articles", "events", "place_mentions", "actor_mentions"):
        con.execute(_IMPORT_SQL[table])
    return ImportReport(*cast(tuple, con.execute(_COUNT_SQL).fetchone()))


def import_collection(folder: Path, db_path: Path) -> ImportReport:
    """Replace the store with the collection in `folder`, in one atomic write (a new file beside the
    store, renamed into its place: see `writer.replacement_store`): if anything fails, the previous
    store stays as it was, and where there was none, there is none. Raises CollectionError (with
    the reason) or StoreError."""
    folder = Path(folder)
    if read_manifest(folder) is None:
        raise CollectionError(f"There is no collection in {folder} (no {MANIFEST}).")
    files = collection_files(folder)
    try:
        with replacement_store(db_path) as con:
            con.execute("BEGIN TRANSACTION")
            report = _fill(con, files)
            con.execute("COMMIT")
        return report
    except duckdb.Error as exc:
        raise CollectionError(f"The collection in {folder} could not be read into the store "
                              f"({exc.__class__.__name__}: {str(exc)[:300]}).") from exc

