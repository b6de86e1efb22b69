"""Tables of the store. Created on every write session, so older files gain new tables."""
from __future__ import annotations

SCHEMA_VERSION = 3

DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        fmt VARCHAR,
        url VARCHAR,
        title VARCHAR,
        site VARCHAR,
        published DATE,
        language VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        search_text VARCHAR NOT NULL,  -- folded title + text, for accent/hamza-blind search
        content_hash VARCHAR NOT NULL UNIQUE,
        added_at TIMESTAMP NOT NULL,
        parts INTEGER[]                  -- a long document processed in parts: where each begins in text
    )""",
    """CREATE TABLE IF NOT EXISTS places (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        name_fr VARCHAR,
        name_ar VARCHAR,
        kind VARCHAR NOT NULL,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE
    )""",
    """CREATE TABLE IF NOT EXISTS place_mentions (
        article_id VARCHAR NOT NULL,
        place_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        surface VARCHAR NOT NULL,
        how VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        country VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS actor_mentions (
        article_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        surface VARCHAR NOT NULL,
        role VARCHAR,
        how VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,          -- article id '#' position
        article_id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        date VARCHAR,                    -- as extracted: YYYY-MM-DD, YYYY-MM or YYYY
        date_precision VARCHAR,
        date_source VARCHAR,
        day_from DATE,                   -- the span the date covers, for range filters
        day_to DATE,
        place_id VARCHAR,
        place_name VARCHAR,
        place_kind VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        actors VARCHAR[],
        evidence VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        trigger VARCHAR,
        confidence DOUBLE,
        cluster INTEGER,                 -- one number per real-world event across articles
        countries VARCHAR[],             -- states taking part: where it happened and the actors' states
        article_language VARCHAR,        -- copied from the article so that the app's queries
        article_site VARCHAR,            -- read one table (no join per view)
        article_published DATE,
        article_title VARCHAR,
        article_url VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS failures (
        source VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        PRIMARY KEY (source, reason)
    )""",
    """CREATE TABLE IF NOT EXISTS feed_state (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        modified VARCHAR,
        fetched_at TIMESTAMP
    )""",
]

# Columns added after version 1, with how to fill them in an older store.
MIGRATIONS = [
    ("events", "countries", "VARCHAR[]", """UPDATE events SET countries = (
        SELECT list_sort(list_distinct(list(c))) FROM (
            SELECT events.country AS c WHERE events.country IS NOT NULL
            UNION ALL SELECT ac.country FROM actors ac
            WHERE list_contains(events.actors, ac.name) AND ac.country IS NOT NULL))
        WHERE countries IS NULL"""),
    ("events", "article_language", "VARCHAR", None),
    ("events", "article_site", "VARCHAR", None),
    ("events", "article_published", "DATE", None),
    ("events", "article_title", "VARCHAR", None),
    ("events", "article_url", "VARCHAR", """UPDATE events SET article_language = a.language, article_site = a.site,
        article_published = a.published, article_title = a.title, article_url = a.url
        FROM articles a WHERE a.id = events.article_id AND events.article_language IS NULL"""),
    ("articles", "parts", "INTEGER[]", None),
]
