"""The events package piece by piece: each module's one job, on text written for these tests."""
from dataclasses import FrozenInstanceError, fields
from datetime import date
from pathlib import Path

import pytest

from dashboard.pipeline.dates import find_dates
from dashboard.pipeline.events import find_events
from dashboard.pipeline.events.context import ArticleContext
from dashboard.pipeline.events.dating import reported
from dashboard.pipeline.events.eventness import DOUBT, MIN_CONFIDENCE, confidence
from dashboard.pipeline.events.merging import combine
from dashboard.pipeline.events.placing import compatible_place
from dashboard.pipeline.events.sentences import clauses, passages_around, quotes
from dashboard.pipeline.events.status import status_of
from dashboard.pipeline.events.triggers import Trig, WordMemo, find_triggers, memo_for
from dashboard.pipeline.lexmatch import tokenize
from dashboard.records import Event, Place, PlaceMention
from dashboard.resources import load_event_lexicon

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def lexicon():
    return load_event_lexicon(DATA)


def _at(name: str, kind: str, country: str, lat: float, lon: float, start: int = 0) -> PlaceMention:
    return PlaceMention(name, start, start + len(name), Place(name.lower(), name, kind, country, lat, lon), "test")


# ---- lexicon and triggers ---------------------------------------------------------------------

def test_the_lexicon_cannot_be_changed(lexicon):
    with pytest.raises(FrozenInstanceError):
        lexicon.ar_words = {}  # type: ignore[misc]


def test_the_lexicon_holds_only_what_was_loaded(lexicon):
    assert [f.name for f in fields(lexicon)] == ["triggers", "ar_words", "context", "markers", "imperfect_ar", "perfect_ar"]


def test_what_a_run_learns_about_arabic_words_goes_to_the_lexicons_memo(lexicon):
    find_events("وصل الوزير إلى الرباط وسيزورها مجددا الأسبوع المقبل.", "ar", date(2020, 10, 2), [], [], lexicon)
    assert "وسيزورها" in memo_for(lexicon).plain


def test_each_lexicon_has_its_own_memo(lexicon):
    other = load_event_lexicon(DATA)
    assert memo_for(lexicon) is memo_for(lexicon)
    assert memo_for(other) is not memo_for(lexicon)


def test_an_arabic_word_is_a_trigger_under_its_clitics_and_future_prefix(lexicon):
    text = "وسيزورها الوزير"
    trigs = find_triggers(tokenize(text), "ar", lexicon, WordMemo())
    assert [(t.type, t.strength, text[t.start:t.end], t.future_verb) for t in trigs] == [
        ("visit", "strong", "وسيزورها", True)]


# ---- sentences ------------------------------------------------------------------------------

def test_a_contrast_word_opens_a_new_clause():
    text = "Le ministre était à Rabat lundi alors que son adjoint était à Tunis."
    assert [text[s:e] for s, e in clauses(text, 0, len(text))] == [
        "Le ministre était à Rabat lundi", " alors que son adjoint était à Tunis."]


def test_the_passage_around_a_trigger_is_its_sentence_and_its_neighbours():
    text = "Intro. Before. The visit happened. After. Far away.\n\nOther passage."
    at = text.index("visit")
    assert [text[s:e] for s, e in passages_around(text, [at])] == ["Before. The visit happened. After."]


# ---- dating ---------------------------------------------------------------------------------

def _context(text: str) -> ArticleContext:
    return ArticleContext(text, "en", None, None, [], [], find_dates(text), {}, WordMemo())


def test_a_day_right_after_a_reporting_verb_dates_the_report():
    text = "The ministry said on Friday that the exercise ended."
    said = text.index("said")
    day = find_dates(text)[0]
    assert reported(day, [Trig("statement", "strong", said, said + 4)], _context(text))


def test_a_day_inside_the_quoted_words_is_not_the_reports():
    text = 'The ministry said: "the exercise ended on Friday with live fire".'
    said = text.index("said")
    ctx = _context(text)
    ctx.all_quotes = quotes(text)
    assert not reported(find_dates(text)[0], [Trig("statement", "strong", said, said + 4)], ctx)


# ---- eventness and status ---------------------------------------------------------------------

def test_a_strong_dated_placed_event_with_two_actors_is_as_sure_as_can_be():
    head = Trig("visit", "strong", 0, 7)
    assert confidence(head, "text", _at("Rabat", "city", "MA", 34.02, -6.83), ("A", "B"), 0.0) == 0.95


def test_a_doubted_weak_undated_mention_falls_below_the_threshold():
    head = Trig("talks", "weak", 0, 8)
    assert confidence(head, "publication", None, ("A",), DOUBT) == -0.05 < MIN_CONFIDENCE


@pytest.mark.parametrize("cancelled, negated, future, expected", [
    (False, False, False, "happened"),
    (False, False, True, "planned"),
    (True, False, True, "cancelled"),
    (False, True, True, "cancelled"),  # "will not take place"
])
def test_status_from_cancel_negation_and_future(cancelled, negated, future, expected):
    assert status_of(cancelled, negated, future) == expected


# ---- placing and merging ----------------------------------------------------------------------

def test_two_sites_of_one_city_are_one_place():
    assert compatible_place(_at("Rabat", "city", "MA", 34.02, -6.83), _at("Sale", "city", "MA", 34.05, -6.80))


def test_two_towns_forty_kilometres_apart_are_two_places():
    assert not compatible_place(_at("Rabat", "city", "MA", 34.02, -6.83), _at("Bouznika", "city", "MA", 33.79, -7.16))


def test_combining_two_mentions_keeps_the_text_date_the_city_and_every_actor():
    headline = Event("talks", "happened", "Talks in Morocco", 0, 16, "2020-10-02", "day", "publication",
                     _at("Morocco", "country", "MA", 31.8, -7.1), "MA", ("Esper",), "Talks", 0.6)
    body = Event("talks", "happened", "They met in Rabat on Thursday", 40, 69, "2020-10-01", "day", "text",
                 _at("Rabat", "city", "MA", 34.02, -6.83, 52), "MA", ("Bourita",), "met", 0.8)
    merged = combine(headline, body)
    assert (merged.date, merged.date_source, merged.place.place.name, merged.actors, merged.confidence) == (
        "2020-10-01", "text", "Rabat", ("Esper", "Bourita"), 0.85)
