"""Property tests for the whole pipeline (`process`) and the `extract` interface on hostile text.

Whatever the text, `process` either returns an article whose every offset points into its
cleaned text, or raises ValueError with a plain reason (an article with no readable text).
`extract_lines` answers every non-blank input line with one output line, in order, never an
internal error, with offsets inside the input text.
"""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extract import extract_lines
from dashboard.pipeline import process
from dashboard.resources import default_resources
from dashboard.records import RawArticle
from hostile_strategies import BIDI, SURROGATES, ZERO_WIDTH, any_text, hostile_text

FUZZ = settings(max_examples=150, deadline=None)
FORBIDDEN = set(BIDI + ZERO_WIDTH + SURROGATES + "\x00")
NO_TEXT = "The article has no readable text once page clutter (share buttons, menus, notices) is removed."


@pytest.fixture(scope="module")
def resources():
    return default_resources()


dates = st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31)))
raw_articles = st.builds(
    RawArticle, source=st.just("fuzz.txt"), text=any_text, title=st.one_of(st.none(), any_text),
    url=st.sampled_from([None, "https://example.ma/a", "http://[::1]/x"]), published=dates,
    site=st.one_of(st.none(), any_text),
)


def run(raw, resources):
    try:
        return process(raw, resources)
    except ValueError as exc:
        assert str(exc) == NO_TEXT
        return None


@FUZZ
@given(raw_articles)
def test_process_gives_an_article_or_says_there_is_no_readable_text(resources, raw):
    run(raw, resources)


@FUZZ
@given(raw_articles)
def test_processed_text_title_and_site_hold_no_bidi_zero_width_nul_or_surrogates(resources, raw):
    art = run(raw, resources)
    if art is not None:
        for value in (art.text, art.title or "", art.site or ""):
            assert set(value) & FORBIDDEN == set()
            value.encode("utf-8")


@FUZZ
@given(raw_articles)
def test_place_and_actor_offsets_are_inside_the_text_and_match_the_surface(resources, raw):
    art = run(raw, resources)
    if art is not None:
        for m in (*art.places, *art.actors):
            assert 0 <= m.start < m.end <= len(art.text)
            assert art.text[m.start:m.end] == m.surface


@FUZZ
@given(raw_articles)
def test_event_evidence_offsets_are_inside_the_text(resources, raw):
    art = run(raw, resources)
    if art is not None:
        for ev in art.events:
            assert 0 <= ev.start <= ev.end <= len(art.text)


@FUZZ
@given(raw_articles)
def test_event_dates_are_real_calendar_dates(resources, raw):
    art = run(raw, resources)
    if art is not None:
        for ev in art.events:
            if ev.date is not None:
                parts = [int(p) for p in ev.date.split("-")]
                date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
documents = st.fixed_dictionaries(
    {"text": any_text},
    optional={"id": json_values, "published": st.one_of(
        st.sampled_from(["2020-10-02", "2020-13-45", "0000-00-00", "99999-01-01", "", "2020-02-30"]),
        json_values), "url": json_values, "title": json_values},
)
lines = st.one_of(
    documents.map(lambda d: json.dumps(d, ensure_ascii=False)),
    documents.map(json.dumps),  # with \\ud800 escapes
    json_values.map(json.dumps),  # valid JSON, wrong shape
    hostile_text,  # not JSON at all
    documents.map(json.dumps).flatmap(lambda s: st.integers(0, len(s)).map(lambda n: s[:n])),  # cut short
)


@FUZZ
@given(st.lists(lines, max_size=4))
def test_extract_answers_every_line_in_order_without_internal_errors(resources, batch):
    batch = [line.replace("\n", " ").replace("\r", " ") for line in batch]
    out = list(extract_lines(batch, resources))
    assert len(out) == len([line for line in batch if line.strip()])
    assert [o for o in out if "internal error" in o.get("error", "")] == []


@FUZZ
@given(documents)
def test_extract_offsets_are_inside_the_input_text(resources, doc):
    (out,) = extract_lines([json.dumps(doc)], resources)
    for item in out.get("places", []) + out.get("actors", []) + out.get("events", []):
        assert 0 <= item["start"] <= item["end"] <= len(doc["text"])


@FUZZ
@given(documents)
def test_extract_output_is_json_a_utf8_stream_can_carry(resources, doc):
    import io

    from dashboard.extract import extract_stream

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    extract_stream(io.StringIO(json.dumps(doc) + "\n"), out)
    out.flush()
    (line,) = out.buffer.getvalue().decode("utf-8").split("\n")[:-1]
    assert "id" in json.loads(line)


def test_extract_stream_reads_on_past_bytes_that_are_not_utf8(resources):
    import io

    from dashboard.extract import extract_stream

    inp = io.TextIOWrapper(io.BytesIO(b'{"id": 1, "text": "Arriv\xe9e \xe0 Niamey."}\n{"id": 2, "text": "Bamako."}\n'),
                           encoding="utf-8")
    out = io.StringIO()
    extract_stream(inp, out)
    assert [(d["id"], [p["surface"] for p in d["places"]]) for d in map(json.loads, out.getvalue().splitlines())] == [
        (1, ["Niamey"]), (2, ["Bamako"])]
