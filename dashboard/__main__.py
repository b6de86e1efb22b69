"""Command line: `python -m dashboard COMMAND`.

    build       add the bundled sample articles to the store (--fresh: delete it first)
    ingest      add files, folders or feed URLs to the store (or the feed list with --feeds)
    extract     JSON Lines in (stdin), places/actors/events out (stdout)
    failures    list the inputs that could not be stored, with the reason
    collection  `collection export DIR` writes the store as Parquet files (for git);
                `collection import DIR` rebuilds the store from them
    export      the events of a view as CSV, Excel or Parquet (the same filters as the page address)
    gazetteer   rebuild the compiled gazetteer from data packages (`gazetteer build`)
    names       rebuild the name lexicon (given names, common words) from data packages (`names build`)
    bench       measure pipeline speed, store build time, query time and payload sizes
    app         start the dashboard
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import settings
from dashboard.resources import settle_for_batch


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None,
                   help=f"store file (default: $DASHBOARD_DB or {settings.default_db_path()})")


def _db(args: argparse.Namespace) -> Path:
    return args.db or settings.default_db_path()


def _progress_bar(desc: str):
    from tqdm import tqdm

    bar = tqdm(desc=desc, unit="article", file=sys.stderr, disable=None)

    def update(done: int, total: int, source: str) -> None:
        if bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()
        if done == total:
            bar.close()

    return update


def _print_report(report, db: Path) -> None:
    print(f"{report.added} added, {report.present} already present, {report.failed} failed")
    if report.failed:
        for f in report.failures[:20]:
            print(f"  failed: {f.source}: {f.reason}", file=sys.stderr)
        if report.failed > 20:
            print(f"  ... and {report.failed - 20} more", file=sys.stderr)
        print(f"The failures are kept in the store: see them with `python -m dashboard failures --db {db}` "
              "or on the dashboard's \"Problems\" tab.")


def _what_fresh_deletes(db: Path) -> str:
    """What `build --fresh` is about to delete, in plain words."""
    from dashboard.store import StoreError, StoreReader

    if not db.exists():
        return f"No store at {db} yet: creating it."
    reader = StoreReader(db)
    try:
        articles, events = reader.article_count(), reader.event_count()
        failures = reader.failure_count()
    except StoreError:
        return f"Deleting the store at {db} (it cannot be read) and creating it again."
    finally:
        reader.close()
    return (f"Deleting the store at {db}: {_many(articles, 'article')}, {_many(events, 'event')} and "
            f"{_many(failures, 'failure')} are removed, then it is created again from the samples.")


def _many(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def cmd_build(args: argparse.Namespace) -> int:
    from dashboard.runner import store_items
    from dashboard.sources.ingest import read_path

    db = _db(args)
    if args.fresh:
        print(_what_fresh_deletes(db), flush=True)
    elif db.exists():
        print(f"Adding the sample articles to the store at {db} (nothing is deleted; "
              "`python -m dashboard build --fresh` re-creates it).", flush=True)
    items = read_path(Path(args.samples) if args.samples else settings.samples_dir())
    report = store_items(items, db, fresh=args.fresh, progress=_progress_bar("Building"), resources=settle_for_batch())
    print(f"Store ready at {db}")
    _print_report(report, db)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from dashboard.runner import load_feed_state, store_items
    from dashboard.sources.ingest import load_feed_list, read_sources

    db = _db(args)
    sources = list(args.sources)
    if args.feeds:
        sources += load_feed_list(Path(args.feeds_file) if args.feeds_file else settings.feeds_file())
    if not sources:
        print("Nothing to ingest: give files, folders or feed URLs, or --feeds.", file=sys.stderr)
        return 2
    state = load_feed_state(db)
    allow_private = args.allow_private or settings.allow_private_feeds()
    items = read_sources(sources, allow_private=allow_private, timeout=args.timeout, feed_state=state)
    if args.scheduler:
        from dashboard.distributed import ingest_on_cluster

        print(f"Processing on the Dask cluster at {args.scheduler}...", file=sys.stderr)
        report = ingest_on_cluster(items, db, args.scheduler, parquet_dir=args.parquet_dir, feed_state=state)
    else:
        report = store_items(items, db, progress=_progress_bar("Ingesting"), feed_state=state,
                             resources=settle_for_batch())
    _print_report(report, db)
    return 0


def cmd_failures(args: argparse.Namespace) -> int:
    from dashboard.store import StoreReader

    reader = StoreReader(_db(args))
    df = reader.failures()
    if df.empty:
        print("No failures recorded.")
        return 0
    for row in df.itertuples(index=False):
        print(f"{row.last_seen}  {row.source}\n    {row.reason}")
    return 0


def cmd_collection(args: argparse.Namespace) -> int:
    from dashboard.store import StoreError
    from dashboard.store.collection import export_collection, import_collection, read_manifest

    db, folder = _db(args), Path(args.folder)
    try:
        if args.action == "export":
            report = export_collection(db, folder)
            print(f"Collection written to {folder}: {len(report.written)} files written, "
                  f"{len(report.removed)} removed, {report.unchanged} unchanged.")
            return 0
        if read_manifest(folder) is None:
            print(f"There is no collection in {folder} yet: nothing was imported and the store is left as it is.")
            return 0
        done = import_collection(folder, db)
    except StoreError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"Store rebuilt at {db} from {folder}: {done.articles} articles, {done.events} events, "
          f"{done.places} places, {done.actors} actors, {done.failures} failures.")
    return 0


# export option -> page address parameter (the same names as the address, see dashboard/ui/urlstate.py)
EXPORT_FILTER_OPTIONS = {"countries": "countries", "places": "places", "types": "types", "actors": "actors",
                         "langs": "langs", "sources": "sources", "date_from": "from", "date_to": "to", "q": "q",
                         "lang": "lang"}


def export_state(args: argparse.Namespace):
    """The view an export names: the --filters address, then each filter option given on its own."""
    from dashboard.ui.urlstate import from_params, params_from_address

    params: dict[str, object] = dict(params_from_address(args.filters or ""))
    for option, param in EXPORT_FILTER_OPTIONS.items():
        value = getattr(args, option, None)
        if value:
            params[param] = value
    return from_params(params)


def cmd_export(args: argparse.Namespace) -> int:
    from dashboard.store import StoreError, StoreReader
    from dashboard.store import queries as q
    from dashboard.ui.deck import country_index, load_borders
    from dashboard.ui.export import export_bytes, export_frame

    state = export_state(args)
    if args.out is None and args.format != "csv" and sys.stdout.isatty():
        print(f"A {args.format} file is binary: give --out FILE (or redirect the output).", file=sys.stderr)
        return 2
    reader = StoreReader(_db(args))
    try:
        events = reader.query(q.export_events, state.filters, None)
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        reader.close()
    frame = export_frame(events, state.lang, country_index(load_borders()))
    data = export_bytes(frame, args.format)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(args.out).write_bytes(data)
        print(f"{len(frame)} events written to {args.out}", file=sys.stderr)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from dashboard.extract import extract_stream

    extract_stream(sys.stdin, sys.stdout, settle_for_batch(), settings.max_document_chars())
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from dashboard.build.gazetteer import build_gazetteer

    out = build_gazetteer(settings.data_dir())
    print(f"Gazetteer written to {out}")
    return 0


def cmd_names(args: argparse.Namespace) -> int:
    from dashboard.build.names import build_names

    out = build_names(settings.data_dir())
    print(f"Name lexicon written to {out}")
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    import os
    import subprocess

    env = dict(os.environ)
    if args.db:
        env["DASHBOARD_DB"] = str(args.db)
    app = Path(__file__).with_name("app.py")
    return subprocess.call([sys.executable, "-m", "streamlit", "run", str(app), *args.streamlit_args], env=env)


def _export_parser(sub) -> None:
    p = sub.add_parser("export", help="write the events of a view as CSV, Excel or Parquet",
                       description="The events of a view, with the columns of the page's downloads. Filters: "
                                   "a page address (--filters) and/or one option per filter; options win.")
    _db_arg(p)
    p.add_argument("--format", choices=["csv", "xlsx", "parquet"], default="csv")
    p.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    p.add_argument("--filters", metavar="ADDRESS", default=None,
                   help='a page address or its query, e.g. "countries=TN&types=visit&from=2021-01-01"')
    p.add_argument("--countries", help="ISO codes, comma-separated (MA,TN)")
    p.add_argument("--places", help="place ids, comma-separated")
    p.add_argument("--types", help="event types, comma-separated (visit,agreement)")
    p.add_argument("--actors", help="actor names, comma-separated")
    p.add_argument("--langs", help="article languages, comma-separated (ar,fr,en)")
    p.add_argument("--sources", help="site names, comma-separated")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--q", help="search words (places, countries and people in any of the three languages)")
    p.add_argument("--lang", choices=["en", "fr", "ar"], help="language of place and country names (default en)")
    p.set_defaults(func=cmd_export)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="add the bundled sample articles to the store (creating it if needed)")
    _db_arg(p)
    p.add_argument("--samples", default=None, help="folder of sample articles (default: the bundled samples)")
    p.add_argument("--fresh", action="store_true",
                   help="delete the store first (it says what it deletes), then build it from the samples")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("ingest", help="add files, folders or feed URLs to the store")
    _db_arg(p)
    p.add_argument("sources", nargs="*", metavar="PATH_OR_URL")
    p.add_argument("--feeds", action="store_true", help="also fetch every feed listed in the feed file")
    p.add_argument("--feeds-file", default=None, help="the feed list (default: $DASHBOARD_FEEDS or data/feeds.txt)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a feed")
    p.add_argument("--allow-private", action="store_true",
                   help="allow feed URLs on this machine or a private network (trusted use only; "
                        "also with DASHBOARD_ALLOW_PRIVATE_FEEDS=1)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="process on a Dask cluster (tcp://HOST:8786, or 'local' for this machine's cores)")
    p.add_argument("--parquet-dir", type=Path, default=None,
                   help="with --scheduler: an empty folder that every worker can write (default: a temporary folder)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("collection", help="write the store as Parquet files, or rebuild it from them",
                       description="export: write the store's articles, places, actors, events and failures as "
                                   "Parquet files in FOLDER (only changed files are rewritten). import: replace the "
                                   "store with the collection in FOLDER.")
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("folder", metavar="FOLDER")
    _db_arg(p)
    p.set_defaults(func=cmd_collection)

    p = sub.add_parser("extract", help="JSON Lines in, extracted places/actors/events out")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("failures", help="list inputs that could not be stored")
    _db_arg(p)
    p.set_defaults(func=cmd_failures)

    _export_parser(sub)

    p = sub.add_parser("gazetteer", help="gazetteer tools")
    p.add_argument("action", choices=["build"])
    p.set_defaults(func=cmd_gazetteer)

    p = sub.add_parser("names", help="name lexicon tools")
    p.add_argument("action", choices=["build"])
    p.set_defaults(func=cmd_names)

    sub.add_parser("bench", help="measure speed and sizes (python -m dashboard bench --help)")

    p = sub.add_parser("app", help="start the dashboard (extra arguments go to streamlit)")
    _db_arg(p)
    p.add_argument("streamlit_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_app)
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:  # its options are its own (python -m dashboard bench --help)
        from dashboard.bench.run import main as bench_main

        return bench_main(argv[1:])
    args = parser().parse_args(argv)
    from dashboard.store import StoreError

    try:
        return args.func(args)
    except StoreError as exc:  # a store that cannot be read or is held by another program: say so plainly
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
