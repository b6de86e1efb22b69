"""Every query the app runs: each takes a `Filters` record and aggregates in SQL.

Filters split in two kinds:
- article filters (language, source, text search) keep or drop whole articles;
- event filters (dates, countries, places, event types, actors) keep or drop events.
An event is in view when it and its article pass. An article is in view when it passes the article
filters and, if any event filter is set, has an event in view (or, for a date-only filter, was
published in the date range). User input only ever reaches DuckDB as a bound parameter.
"""
from __future__ import annotations

import os
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, cast

import duckdb
import pandas as pd

from dashboard.pipeline.arabic import fold
from dashboard.records import Filters
from dashboard.regions import region_countries

from .search import SearchGroups, expand_search, synonym_index

Cursor = duckdb.DuckDBPyConnection

TIMELINE_BINS = ("day", "week", "month", "year")
PAGE_SIZE = 500
EXPORT_LIMIT = 50_000


@dataclass(frozen=True)
class Clause:
    """A WHERE fragment with its bound parameters."""

    sql: str
    params: tuple

    @staticmethod
    def all_of(parts: list[Clause]) -> Clause:
        if not parts:
            return Clause("TRUE", ())
        return Clause(" AND ".join(f"({p.sql})" for p in parts), tuple(x for p in parts for x in p.params))


def search_terms(search: str) -> list[str]:
    """The folded words of a search box (hamza, diacritics, case ignored); empty: no search."""
    return [w for w in fold(search).split() if w]


def article_clause(f: Filters, alias: str = "a") -> Clause:
    """Language and source filters on an article (the text search is `matching_articles`)."""
    parts: list[Clause] = []
    if f.languages:
        parts.append(Clause(f"{alias}.language IN (SELECT unnest(?))", (list(f.languages),)))
    if f.sources:
        parts.append(Clause(f"{alias}.site IN (SELECT unnest(?))", (list(f.sources),)))
    return Clause.all_of(parts)


_SEARCH_CACHE: OrderedDict[tuple, list[str]] = OrderedDict()
_SEARCH_LOCK = threading.Lock()
SEARCH_CACHE_SIZE = 64


def _store_identity(cur: Cursor) -> tuple:
    """Which store file, in which version: a search's matches are valid for exactly that."""
    # (cast: an aggregate or a lookup that always finds its row, while fetchone() may say None)
    path = cast(tuple, cur.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone())[0]
    try:
        st = os.stat(path)
        return path, st.st_ino, st.st_mtime_ns, st.st_size
    except (OSError, TypeError):
        return (path,)


_SYNONYMS_CACHE: OrderedDict[tuple, dict[str, frozenset[str]]] = OrderedDict()


def search_synonyms(cur: Cursor) -> dict[str, frozenset[str]]:
    """Name -> its spellings in three languages: the store's places (name, name_fr, name_ar),
    every country's CLDR names, and the actor lexicon's people and organisations. Read once per
    store version."""
    from dashboard.resources import search_names

    key = _store_identity(cur)
    with _SEARCH_LOCK:
        if key in _SYNONYMS_CACHE:
            return _SYNONYMS_CACHE[key]
    names = search_names()
    places = cur.execute("SELECT DISTINCT name, name_fr, name_ar FROM places").fetchall()
    index = synonym_index([*places, *names.groups], never=names.never)
    with _SEARCH_LOCK:
        _SYNONYMS_CACHE[key] = index
        while len(_SYNONYMS_CACHE) > 4:
            _SYNONYMS_CACHE.popitem(last=False)
    return index


def search_groups(cur: Cursor, search: str) -> SearchGroups:
    """What a search box asks for: every group must occur in an article, any spelling of it
    (search "Algeria": algeria, algerie or الجزائر)."""
    if not search_terms(search):
        return ()
    return expand_search(search, search_synonyms(cur))


def matching_articles(cur: Cursor, groups: SearchGroups | list[str]) -> list[str]:
    """Ids of the articles whose folded title and text contain every group (any of its spellings;
    a plain word is a group of one).

    A search reads every article's text, the costliest thing the app does; one view runs several
    queries with the same search, and people page back and forth, so matches are kept per store
    version (a few dozen searches)."""
    groups = tuple((g,) if isinstance(g, str) else tuple(g) for g in groups)
    key = (_store_identity(cur), groups)
    with _SEARCH_LOCK:
        if key in _SEARCH_CACHE:
            _SEARCH_CACHE.move_to_end(key)
            return _SEARCH_CACHE[key]
    where = " AND ".join("(" + " OR ".join("contains(search_text, ?)" for _ in g) + ")" for g in groups)
    params = [word for g in groups for word in g]
    ids = [r[0] for r in cur.execute(f"SELECT id FROM articles WHERE {where}", params).fetchall()]
    with _SEARCH_LOCK:
        _SEARCH_CACHE[key] = ids
        while len(_SEARCH_CACHE) > SEARCH_CACHE_SIZE:
            _SEARCH_CACHE.popitem(last=False)
    return ids


def has_event_filters(f: Filters) -> bool:
    return bool(f.date_from or f.date_to or f.countries or f.places or f.event_types or f.actors)


def event_clause(f: Filters, alias: str = "e") -> Clause:
    parts: list[Clause] = []
    if f.date_from:
        parts.append(Clause(f"{alias}.day_to >= ?", (f.date_from,)))
    if f.date_to:
        parts.append(Clause(f"{alias}.day_from <= ?", (f.date_to,)))
    if f.countries:
        parts.append(Clause(f"{alias}.country IN (SELECT unnest(?))", (list(f.countries),)))
    if f.places:
        parts.append(places_clause(f.places, alias))
    if f.event_types:
        parts.append(Clause(f"{alias}.type IN (SELECT unnest(?))", (list(f.event_types),)))
    if f.actors:
        parts.append(Clause(f"list_has_any({alias}.actors, ?::VARCHAR[])", (list(f.actors),)))
    return Clause.all_of(parts)


def places_clause(places: tuple[str, ...], alias: str = "e") -> Clause:
    """Events at one of `places`; a region (the Sahel, the Maghreb) also takes the events placed in
    the countries it covers, so that choosing a region shows what happened there."""
    covered = region_countries(places)
    if not covered:
        return Clause(f"{alias}.place_id IN (SELECT unnest(?))", (list(places),))
    return Clause(f"{alias}.place_id IN (SELECT unnest(?)) OR {alias}.country IN (SELECT unnest(?))",
                  (list(places), list(covered)))


def _article_scope(f: Filters, cur: Cursor) -> tuple[Clause, Clause]:
    """(WITH entries to put first, the condition on `a` that keeps an article)."""
    a = article_clause(f)
    groups = search_groups(cur, f.search)
    if not groups:
        return Clause("", ()), a
    head = Clause("am AS (SELECT unnest(?::VARCHAR[]) AS id), ", (matching_articles(cur, groups),))
    return head, Clause.all_of([a, Clause("a.id IN (SELECT id FROM am)", ())])


def _event_article_clause(f: Filters) -> Clause:
    """The article filters, applied to the article columns each event row carries."""
    parts: list[Clause] = []
    if f.languages:
        parts.append(Clause("e.article_language IN (SELECT unnest(?))", (list(f.languages),)))
    if f.sources:
        parts.append(Clause("e.article_site IN (SELECT unnest(?))", (list(f.sources),)))
    if search_terms(f.search):
        parts.append(Clause("e.article_id IN (SELECT id FROM am)", ()))
    return Clause.all_of(parts)


def events_cte(f: Filters, cur: Cursor) -> Clause:
    """`ev`: the events in view, with the article columns the app shows (stored on each event)."""
    head, _ = _article_scope(f, cur)
    a = _event_article_clause(f)
    e = event_clause(f)
    return Clause(
        f"{head.sql}ev AS (SELECT e.* FROM events e WHERE {a.sql} AND {e.sql})",
        head.params + a.params + e.params,
    )


def articles_cte(f: Filters, cur: Cursor) -> Clause:
    """`ev` as above, and `av`: the articles in view."""
    ev = events_cte(f, cur)
    _, a = _article_scope(f, cur)
    if not has_event_filters(f):
        keep = Clause("TRUE", ())
    else:
        keep_sql = "a.id IN (SELECT article_id FROM ev)"
        keep_params: tuple = ()
        only_dates = not (f.countries or f.places or f.event_types or f.actors)
        if only_dates:
            lo, hi = f.date_from or date.min, f.date_to or date.max
            keep_sql += " OR a.published BETWEEN ? AND ?"
            keep_params = (lo, hi)
        keep = Clause(keep_sql, keep_params)
    return Clause(f"{ev.sql}, av AS (SELECT a.* FROM articles a WHERE {a.sql} AND ({keep.sql}))",
                  ev.params + a.params + keep.params)


def _df(cur: Cursor, sql: str, params: tuple) -> pd.DataFrame:
    return cur.execute(sql, list(params)).df()


# -- headline counts ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    events: int  # event reports: one a sentence of an article
    articles: int
    places: int
    countries: int
    distinct_events: int = 0  # real-world events: reports of one event in several articles count once


def headline_counts(cur: Cursor, f: Filters) -> Counts:
    cte = articles_cte(f, cur)
    row = cast(tuple, cur.execute(
        f"WITH {cte.sql} SELECT (SELECT count(*) FROM ev), (SELECT count(*) FROM av), "
        "(SELECT count(DISTINCT place_id) FROM ev), (SELECT count(DISTINCT country) FROM ev), "
        "(SELECT count(DISTINCT coalesce(cluster::VARCHAR, 'event ' || id)) FROM ev)",
        list(cte.params)).fetchone())
    return Counts(*(int(x) for x in row))


# An event dated after its article was published, or after today, cannot have been seen to happen:
# it is shown as planned whatever the sentence's tense said. (One parameter: today.)
SHOWN_STATUS_SQL = ("CASE WHEN {a}status = 'happened' AND ({a}day_from > ? OR {a}day_from > {a}article_published) "
                    "THEN 'planned' ELSE {a}status END")


def shown_status(alias: str = "") -> str:
    return SHOWN_STATUS_SQL.format(a=f"{alias}." if alias else "")


# -- map ---------------------------------------------------------------------------------------

def map_places(cur: Cursor, f: Filters) -> pd.DataFrame:
    """One row per place with events in view: where, how many, and the most frequent event type."""
    cte = events_cte(f, cur)
    sql = f"""WITH {cte.sql},
      pt AS (SELECT place_id, type, count(*) AS n FROM ev
             WHERE place_id IS NOT NULL AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY place_id, type),
      pa AS (SELECT place_id, count(DISTINCT article_id) AS articles FROM ev GROUP BY place_id)
    SELECT p.id AS place_id, p.name, p.name_fr, p.name_ar, p.kind, p.country, p.lat, p.lon,
           sum(pt.n)::INTEGER AS events, first(pt.type ORDER BY pt.n DESC, pt.type) AS dominant_type,
           any_value(pa.articles)::INTEGER AS articles
    FROM pt JOIN places p ON p.id = pt.place_id JOIN pa ON pa.place_id = pt.place_id
    GROUP BY p.id, p.name, p.name_fr, p.name_ar, p.kind, p.country, p.lat, p.lon
    ORDER BY events DESC, p.id"""
    return _df(cur, sql, cte.params)


def country_arcs(cur: Cursor, f: Filters) -> pd.DataFrame:
    """Pairs of countries that take part in the same event (where it happened, and its actors' states)."""
    cte = events_cte(f, cur)
    # Identical country lists are counted first, then each list is expanded into its pairs
    # (sorted lists: element i pairs with every later one); far cheaper than a self-join.
    sql = f"""WITH {cte.sql},
      lists AS (SELECT countries AS c, count(*) AS n FROM ev WHERE len(countries) > 1 GROUP BY countries),
      firsts AS (SELECT c, n, unnest(range(1, len(c) + 1)) AS i FROM lists),
      pairs AS (SELECT n, c[i] AS source, unnest(c[i + 1:]) AS target FROM firsts)
    SELECT source, target, sum(n)::INTEGER AS events FROM pairs
    GROUP BY source, target ORDER BY events DESC, source, target"""
    return _df(cur, sql, cte.params)


# -- timeline ----------------------------------------------------------------------------------

# Events dated more than this many days after the newest article in view are counted in a note
# instead of being drawn: a plan for a far year would stretch the axis over empty years. A date
# filter that reaches further draws them.
TIMELINE_FUTURE_DAYS = 62


@dataclass(frozen=True)
class Extent:
    """The dates the timeline draws, and what it leaves out."""

    lo: date | None
    hi: date | None
    cutoff: date  # events starting after this day are not drawn
    later: int  # how many events in view start after `cutoff`


def date_extent(cur: Cursor, f: Filters, today: date | None = None) -> Extent:
    """First and last day the timeline shows, without the far-future events (see TIMELINE_FUTURE_DAYS)."""
    today = today or date.today()
    cte = events_cte(f, cur)
    newest = cast(tuple, cur.execute(f"WITH {cte.sql} SELECT max(article_published) FROM ev",
                                     list(cte.params)).fetchone())[0]
    cutoff = (newest or today) + timedelta(days=TIMELINE_FUTURE_DAYS)
    if f.date_to and f.date_to > cutoff:
        cutoff = f.date_to
    lo, hi, later = cast(tuple, cur.execute(
        f"WITH {cte.sql} SELECT min(day_from) FILTER (WHERE day_from <= ?), "
        "max(least(day_to, ?)) FILTER (WHERE day_from <= ?), count(*) FILTER (WHERE day_from > ?) FROM ev",
        [*cte.params, cutoff, cutoff, cutoff, cutoff]).fetchone())
    return Extent(lo, hi, cutoff, int(later))


def choose_bin(lo: date | None, hi: date | None) -> str:
    """Days for up to six weeks, weeks up to four months, months up to six years, else years."""
    if lo is None or hi is None:
        return "month"
    days = (hi - lo).days
    if days <= 45:
        return "day"
    if days <= 120:
        return "week"
    if days <= 6 * 366:
        return "month"
    return "year"


def timeline(cur: Cursor, f: Filters, bin: str, cutoff: date | None = None, today: date | None = None) -> pd.DataFrame:
    """Events per time bin, type and planned-or-not, with up to three places and actors and one
    headline per bin.

    An event whose date covers more than one bin (a month-precision date on a daily or weekly
    timeline, a year on a monthly one) is not squeezed into its first bin: its row has the span
    itself (`period` to `period_end`), so it is drawn across that month or year. `period_end` is
    empty for ordinary bins. Events starting after `cutoff` are left out (see `date_extent`).
    Hover details are the most frequent places and lead actors (each event's first actor), and
    the headline of a latest event: cheap enough at a million events."""
    if bin not in TIMELINE_BINS:
        raise ValueError(f"unknown bin {bin!r}")
    today = today or date.today()
    cte = events_cte(f, cur)
    sql = f"""WITH {cte.sql},
      b0 AS (SELECT date_trunc(?, day_from)::DATE AS t0, date_trunc(?, day_to)::DATE AS t1, * FROM ev
             WHERE day_from IS NOT NULL AND day_from <= ?),
      b AS MATERIALIZED (SELECT CASE WHEN t0 = t1 THEN t0 ELSE day_from END AS period,
                                CASE WHEN t0 = t1 THEN NULL ELSE day_to END AS period_end, type,
                                {shown_status()} = 'planned' AS planned, place_name, actors, day_from, id, article_title
                         FROM b0),
      bins AS (SELECT period, period_end, type, planned, count(*)::INTEGER AS events,
                      approx_top_k(place_name, 3) FILTER (WHERE place_name IS NOT NULL) AS places,
                      arg_max(article_title, (day_from, id)) AS headline
               FROM b GROUP BY period, period_end, type, planned),
      who AS (SELECT period, period_end, type, planned,
                     approx_top_k(actors[1], 3) FILTER (WHERE len(actors) > 0) AS actors
              FROM b GROUP BY period, period_end, type, planned)
    SELECT bins.period, bins.period_end, bins.type, bins.planned, bins.events, coalesce(bins.places, []) AS places,
           coalesce(who.actors, []) AS actors, bins.headline
    FROM bins LEFT JOIN who ON who.period = bins.period AND who.period_end IS NOT DISTINCT FROM bins.period_end
         AND who.type = bins.type AND who.planned = bins.planned
    ORDER BY bins.period, bins.period_end NULLS FIRST, bins.type, bins.planned"""
    return _df(cur, sql, (*cte.params, bin, bin, cutoff or date.max, today))


def undated_events(cur: Cursor, f: Filters) -> int:
    cte = events_cte(f, cur)
    return int(cast(tuple, cur.execute(f"WITH {cte.sql} SELECT count(*) FROM ev WHERE day_from IS NULL",
                                       list(cte.params)).fetchone())[0])


# -- events table ------------------------------------------------------------------------------

EVENT_COLUMNS = ("id", "article_id", "date", "date_precision", "type", "status", "place_id", "place_name",
                 "place_kind", "country", "lat", "lon", "actors", "evidence", "confidence", "cluster", "article_title",
                 "article_url", "article_language", "article_site")


def events_page(cur: Cursor, f: Filters, limit: int | None = PAGE_SIZE, offset: int = 0,
                today: date | None = None) -> pd.DataFrame:
    """Events in view, newest first (undated last), with the place's names in French and Arabic,
    the status as shown (see SHOWN_STATUS_SQL) and `sources`: how many sources (distinct sites;
    an article without a site counts as its own source) reported the event's cluster, across
    the whole store. `limit=None`: every event in view."""
    cte = events_cte(f, cur)
    cols = ", ".join(f'page."{c}"' for c in EVENT_COLUMNS if c != "status")
    order = "day_from DESC NULLS LAST, article_published DESC NULLS LAST, id"
    limit_sql = "LIMIT ? OFFSET ?" if limit is not None else "OFFSET ?"
    sql = (f"WITH {cte.sql}, page AS (SELECT * FROM ev ORDER BY {order} {limit_sql}), "
           "cs AS (SELECT cluster, count(DISTINCT coalesce(article_site, 'article ' || article_id))::INTEGER AS n "
           "FROM events WHERE cluster IN (SELECT cluster FROM page) GROUP BY cluster) "
           f"SELECT {cols}, {shown_status('page')} AS status, coalesce(cs.n, 1)::INTEGER AS sources, "
           "p.name_fr AS place_name_fr, p.name_ar AS place_name_ar "
           "FROM page LEFT JOIN places p ON p.id = page.place_id LEFT JOIN cs ON cs.cluster = page.cluster "
           f"ORDER BY {', '.join('page.' + o for o in order.split(', '))}")
    paging = (int(limit), int(offset)) if limit is not None else (int(offset),)
    df = _df(cur, sql, (*cte.params, *paging, today or date.today()))
    return df[[*EVENT_COLUMNS, "sources", "place_name_fr", "place_name_ar"]]


def articles_page(cur: Cursor, f: Filters, limit: int = PAGE_SIZE) -> pd.DataFrame:
    """Articles in view with their number of events in view, newest first."""
    cte = articles_cte(f, cur)
    sql = f"""WITH {cte.sql}, n AS (SELECT article_id, count(*) AS events FROM ev GROUP BY article_id)
    SELECT av.id, av.title, av.site, av.published, av.language, av.url, coalesce(n.events, 0)::INTEGER AS events
    FROM av LEFT JOIN n ON n.article_id = av.id
    ORDER BY av.published DESC NULLS LAST, av.added_at DESC, av.id LIMIT ?"""
    return _df(cur, sql, (*cte.params, int(limit)))


# -- one article -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # place | actor | event
    label: str  # what a hover says: the resolved name, or the event type


@dataclass(frozen=True)
class ArticleView:
    id: str
    title: str | None
    site: str | None
    url: str | None
    published: date | None
    language: str
    text: str
    spans: tuple[Span, ...]
    part: int = 1  # a long document is read one part at a time: which part `text` is (from 1)
    parts: int = 1  # and how many it has
    begins: int = 0  # where this part begins in the whole text (offsets of `spans` are moved by it)


def article_with_mentions(cur: Cursor, article_id: str, part: int = 1, at: int | None = None) -> ArticleView | None:
    """The article's text with its highlights; of a long document, only part `part` (or the part
    holding offset `at`), its offsets moved to the part, so the page never carries a whole book."""
    row = cur.execute("SELECT id, title, site, url, published, language, parts, length(text) FROM articles "
                      "WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    aid, title, site, url, published, language, starts, length = row
    starts = list(starts or [0])
    if at is not None:
        part = bisect_right(starts, int(at))
    part = min(max(int(part), 1), len(starts))
    lo, hi = starts[part - 1], (starts[part] if part < len(starts) else length)
    text = cast(tuple, cur.execute("SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                                   [lo + 1, hi - lo, article_id]).fetchone())[0]
    spans = cur.execute(
        """SELECT * FROM (
           SELECT m.start, m."end", 'place', coalesce(p.name, m.surface) FROM place_mentions m
           LEFT JOIN places p ON p.id = m.place_id WHERE m.article_id = $1
           UNION ALL
           SELECT m.start, m."end", 'actor', coalesce(ac.name, m.surface) FROM actor_mentions m
           LEFT JOIN actors ac ON ac.id = m.actor_id WHERE m.article_id = $1
           UNION ALL
           SELECT start, "end", 'event', type FROM events WHERE article_id = $1)
           WHERE start >= $2 AND "end" <= $3 ORDER BY 1, 2""", [article_id, lo, hi]).fetchall()
    moved = tuple(Span(int(s) - lo, int(e) - lo, k, str(lbl)) for s, e, k, lbl in spans)
    return ArticleView(aid, title, site, url, published, language, text=text, spans=moved, part=part,
                       parts=len(starts), begins=lo)


# -- facets ------------------------------------------------------------------------------------

_FACET_VALUES_SQL = """
    SELECT 'countries' AS facet, country AS value FROM events WHERE country IS NOT NULL GROUP BY country
    UNION ALL SELECT 'event_types', type FROM events GROUP BY type
    UNION ALL SELECT 'actors', actor FROM (SELECT unnest(actors) AS actor FROM events) GROUP BY actor
    UNION ALL SELECT 'languages', language FROM articles GROUP BY language
    UNION ALL SELECT 'sources', site FROM articles WHERE site IS NOT NULL GROUP BY site"""

_PLACE_VALUES_SQL = """SELECT id AS value, name, name_fr, name_ar, kind, country FROM places
    WHERE id IN (SELECT DISTINCT place_id FROM events) ORDER BY name, id"""

# How many events (or articles) in view carry each value of a filter.
_FACET_COUNT_PARTS = {
    "countries": "SELECT 'countries' AS facet, country AS value, count(*) AS n FROM ev GROUP BY country",
    "event_types": "SELECT 'event_types', type, count(*) FROM ev GROUP BY type",
    "actors": "SELECT 'actors', actor, count(*) FROM (SELECT unnest(actors) AS actor FROM ev) GROUP BY actor",
    "languages": "SELECT 'languages', language, count(*) FROM av GROUP BY language",
    "sources": "SELECT 'sources', site, count(*) FROM av GROUP BY site",
    "places": "SELECT 'places', place_id, count(*) FROM ev WHERE place_id IS NOT NULL GROUP BY place_id",
}
_FACET_FIELD = {"countries": "countries", "event_types": "event_types", "actors": "actors",
                "languages": "languages", "sources": "sources", "places": "places"}


def _facet_counts(cur: Cursor, f: Filters, facets: list[str]) -> dict[tuple[str, str], int]:
    cte = articles_cte(f, cur)
    sql = f"WITH {cte.sql} " + " UNION ALL ".join(_FACET_COUNT_PARTS[x] for x in facets)
    return {(fc, str(v)): int(c) for fc, v, c in _df(cur, sql, cte.params).itertuples(index=False)}


_VALUES_CACHE: OrderedDict[tuple, tuple[pd.DataFrame, pd.DataFrame]] = OrderedDict()


def _facet_values(cur: Cursor) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every value each filter can take (and the places with events): fixed for a store version."""
    key = _store_identity(cur)
    with _SEARCH_LOCK:
        if key in _VALUES_CACHE:
            return _VALUES_CACHE[key]
    values = (_df(cur, _FACET_VALUES_SQL, ()), _df(cur, _PLACE_VALUES_SQL, ()))
    with _SEARCH_LOCK:
        _VALUES_CACHE[key] = values
        while len(_VALUES_CACHE) > 4:
            _VALUES_CACHE.popitem(last=False)
    return values


def facet_options(cur: Cursor, f: Filters) -> dict[str, pd.DataFrame]:
    """Every value a filter can take, across the store, with how many events (or articles) in view carry it.

    A filter's own choice does not narrow its own counts (choosing Tunisia leaves Algeria's count
    as it was, so a second country can be added knowing what it brings); every other filter does.
    The values are read once per store version; each view only counts.
    """
    values, places = _facet_values(cur)
    n = _facet_counts(cur, f, list(_FACET_COUNT_PARTS))
    for facet, field in _FACET_FIELD.items():
        if getattr(f, field):
            cleared: dict[str, Any] = {field: ()}  # (one of the tuple fields of Filters)
            n.update(_facet_counts(cur, replace(f, **cleared), [facet]))
    out: dict[str, pd.DataFrame] = {}
    for facet, unit in (("countries", "events"), ("event_types", "events"), ("actors", "events"),
                        ("languages", "articles"), ("sources", "articles")):
        vals = sorted(str(v) for v in values.loc[values["facet"] == facet, "value"])
        out[facet] = pd.DataFrame({"value": vals, unit: [n.get((facet, v), 0) for v in vals]})
    out["places"] = places.assign(events=[n.get(("places", str(v)), 0) for v in places["value"]])
    return out


def store_date_bounds(cur: Cursor) -> tuple[date | None, date | None]:
    """Earliest and latest day any event or article covers, for the date picker's limits."""
    lo, hi = cast(tuple, cur.execute(
        "SELECT least(min(day_from), (SELECT min(published) FROM articles)), "
        "greatest(max(day_to), (SELECT max(published) FROM articles)) FROM events").fetchone())
    return lo, hi


def failures(cur: Cursor, limit: int = 1000) -> pd.DataFrame:
    return _df(cur, "SELECT source, reason, last_seen FROM failures ORDER BY last_seen DESC, source LIMIT ?",
               (int(limit),))


def recent_articles(cur: Cursor, limit: int) -> pd.DataFrame:
    """The articles added last, newest first (what an upload just added)."""
    return _df(cur, "SELECT title, site, published, language FROM articles ORDER BY added_at DESC, id LIMIT ?",
               (max(int(limit), 0),))


def export_events(cur: Cursor, f: Filters, limit: int | None = EXPORT_LIMIT, today: date | None = None) -> pd.DataFrame:
    """The current view for download: `events_page` without paging (capped at `limit` rows; None: all)."""
    return events_page(cur, f, limit=limit, offset=0, today=today)


# -- map notes, tooltips and the evidence view --------------------------------------------------

def unplaced_events(cur: Cursor, f: Filters) -> int:
    """Events in view that cannot be drawn on the map: no place, or a place with no coordinates."""
    cte = events_cte(f, cur)
    return int(cast(tuple, cur.execute(f"WITH {cte.sql} SELECT count(*) FROM ev WHERE place_id IS NULL "
                                       "OR lat IS NULL OR lon IS NULL", list(cte.params)).fetchone())[0])


HEADLINES_PER_PLACE = 3


def place_headlines(cur: Cursor, f: Filters, per_place: int = HEADLINES_PER_PLACE) -> pd.DataFrame:
    """The latest article titles of each place in view (newest first, each title once): place_id, headlines."""
    cte = events_cte(f, cur)
    sql = f"""WITH {cte.sql},
      t AS (SELECT place_id, article_title AS title, max(coalesce(day_from, article_published)) AS day,
                   max(id) AS last_id
            FROM ev WHERE place_id IS NOT NULL AND article_title IS NOT NULL AND article_title <> ''
            GROUP BY place_id, article_title)
    SELECT place_id, list(title ORDER BY day DESC NULLS LAST, last_id DESC)[1:?] AS headlines
    FROM t GROUP BY place_id"""
    return _df(cur, sql, (*cte.params, int(per_place)))


@dataclass(frozen=True)
class EventDetail:
    """One event with what the evidence view shows: where its sentence is in its article."""

    id: str
    article_id: str
    type: str
    status: str
    date: str | None
    place_id: str | None
    place_name: str | None
    place_name_fr: str | None
    place_name_ar: str | None
    country: str | None
    actors: tuple[str, ...]
    evidence: str
    start: int
    end: int
    cluster_sources: int


def event_detail(cur: Cursor, event_id: str) -> EventDetail | None:
    """The event `event_id`, with the number of articles that report the same real-world event."""
    row = cur.execute(
        """SELECT e.id, e.article_id, e.type, e.status, e.date, e.place_id, e.place_name, p.name_fr, p.name_ar,
                  e.country, e.actors, e.evidence, e.start, e."end",
                  CASE WHEN e.cluster IS NULL THEN 1
                       ELSE (SELECT count(DISTINCT c.article_id) FROM events c WHERE c.cluster = e.cluster) END
           FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.id = ?""", [event_id]).fetchone()
    if row is None:
        return None
    return EventDetail(*(*row[:10], tuple(row[10] or ()), str(row[11]), int(row[12]), int(row[13]), int(row[14])))
