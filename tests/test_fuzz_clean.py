"""Property tests for the clean stage: any text in, clean text out, offsets that point into the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.pipeline.clean import clean_text, clean_title
from hostile_strategies import BIDI, CONTROLS, SURROGATES, ZERO_WIDTH, any_text

from dashboard.resources import load_boilerplate  # noqa: E402
from dashboard.settings import data_dir  # noqa: E402

RULES = load_boilerplate(data_dir())

FUZZ = settings(max_examples=200, deadline=None)
FORBIDDEN = set(BIDI + ZERO_WIDTH + SURROGATES + "\u0640") | (set(CONTROLS) - {"\x85"})


@FUZZ
@given(any_text)
def test_clean_text_never_keeps_bidi_zero_width_nul_controls_or_surrogates(text):
    assert set(clean_text(text, RULES).text) & FORBIDDEN == set()


@FUZZ
@given(any_text)
def test_clean_text_is_valid_utf8(text):
    clean_text(text, RULES).text.encode("utf-8")


@FUZZ
@given(any_text)
def test_every_clean_character_comes_from_a_position_inside_the_input(text):
    cleaned = clean_text(text, RULES)
    assert len(cleaned.origin) == len(cleaned.text)
    assert all(0 <= i < len(text) for i in cleaned.origin)
    assert list(cleaned.origin) == sorted(cleaned.origin)


@FUZZ
@given(any_text, st.data())
def test_any_clean_span_maps_to_a_span_inside_the_input(text, data):
    cleaned = clean_text(text, RULES)
    start = data.draw(st.integers(0, len(cleaned.text)))
    end = data.draw(st.integers(start, len(cleaned.text)))
    source_start, source_end = cleaned.to_source(start, end)
    assert 0 <= source_start <= source_end <= len(text)


@FUZZ
@given(any_text)
def test_clean_text_has_no_spaces_tabs_or_line_breaks_at_its_edges(text):
    out = clean_text(text, RULES).text
    assert out == out.strip(" \t\r\n\u00a0\u2009\u202f\u3000")


@FUZZ
@given(st.one_of(st.none(), any_text))
def test_clean_title_is_one_clean_line_or_none(title):
    out = clean_title(title, RULES)
    assert out is None or (out.strip() == out != "" and "\n" not in out and not set(out) & FORBIDDEN)
