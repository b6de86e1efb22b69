"""The queries behind the map's notes, tooltips and the evidence panel, and regions as filters,
on a real DuckDB store (the sample store plus one article about the Sahel, written for the test)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import _article, _ev, _pm, articles, build_store  # noqa: E402

from dashboard.records import Filters, Place  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402

SAHEL = Place("region:sahel", "Sahel", "region", None, 15.0, 2.0, name_fr="Sahel", name_ar="الساحل")
SAHEL_TEXT = ("Officers from Mali and Niger agreed in the Sahel on Monday to share patrol reports. "
              "No date was set for the next round.")


def _sahel_article():
    t = SAHEL_TEXT
    sahel = _pm(t, "Sahel", SAHEL)
    return _article("en-sahel", t, "en", "Sahel patrol reports", "Test desk", "https://example.org/en/sahel",
                    date(2021, 7, 5), places=[sahel],
                    events=[_ev(t, "Officers", "reports.", "agreement", "2021-07-05", sahel, ("Mali", "Niger"))])


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    reader = StoreReader(build_store(tmp_path_factory.mktemp("mq") / "store.duckdb", [*articles(), _sahel_article()]))
    yield reader.cursor()
    reader.close()


def test_a_region_filter_takes_the_region_and_every_event_in_its_countries(cur):
    # the Sahel itself (1), Mali (1 counter-terrorism), Niger (1 military aid), Nouakchott in Mauritania (1)
    assert q.headline_counts(cur, Filters(places=("region:sahel",))) == q.Counts(
        events=4, articles=4, places=4, countries=3, distinct_events=4)


def test_a_place_filter_without_a_region_is_that_place_only(cur):
    assert q.headline_counts(cur, Filters(places=("geo:2464470",))).events == 2  # Tunis


def test_events_with_no_place_are_counted(cur):
    assert q.unplaced_events(cur, Filters()) == 0
    assert q.unplaced_events(cur, Filters(countries=("TN",))) == 0


def test_each_place_has_its_latest_headlines_newest_first_each_once(cur):
    heads = dict(zip(*q.place_headlines(cur, Filters()).pipe(lambda d: (d["place_id"], d["headlines"]))))
    assert list(heads["geo:2464470"]) == ["US approves patrol aircraft sale to Tunisia",
                                          "المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري"]
    assert list(heads["geo:2538475"]) == ["<script>window.__xss=1</script> Briefing",
                                          "المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري"]
    assert len(q.place_headlines(cur, Filters(), per_place=1).iloc[0]["headlines"]) == 1


def test_an_event_detail_says_where_its_sentence_is_in_its_article(cur):
    event_id = cur.execute("SELECT id FROM events WHERE article_id = 'en-sahel'").fetchone()[0]
    detail = q.event_detail(cur, event_id)
    assert (detail.article_id, detail.type, detail.place_name, detail.place_name_ar) == (
        "en-sahel", "agreement", "Sahel", "الساحل")
    assert SAHEL_TEXT[detail.start:detail.end] == detail.evidence == (
        "Officers from Mali and Niger agreed in the Sahel on Monday to share patrol reports.")
    assert detail.cluster_sources == 1 and detail.actors == ("Mali", "Niger")
    assert q.event_detail(cur, "no-such-event") is None
