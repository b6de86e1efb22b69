"""A store whose every text field is hostile, written straight through the store writer.

The pipeline cleans what it stores (no bidi overrides, only http(s) links); this store skips the
pipeline on purpose, so the page itself is shown to escape or refuse whatever a store may hold.
Texts are written for these tests.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.pipeline.identity import content_hash
from dashboard.records import ActorMention, Event, Failure, Place, PlaceMention, ProcessedArticle
from dashboard.store import write_session

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '"><svg onload="window.__pwned=1">'
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE

TITLE = f"{SCRIPT}Border talks{RLO}txt.exe"
SITE = f"{IMG}Wire"
URL = "javascript:alert(1)"
SOURCE = f"uploads/{SVG}.txt"
PLACE_NAME = f"{IMG}Ouarzazate {{tip}}"
ACTOR_NAME = f"{SVG}Council"
SENTENCES = (
    f"Officers met in Ouarzazate {SCRIPT} to plan joint border patrols on Monday. ",
    f"The Council {IMG} signed a training agreement with the visitors. ",
    f"A statement {SVG} followed{RLO} the meeting.",
)
TEXT = "".join(SENTENCES)

HOSTILE_PLACE = Place("evil:1", PLACE_NAME, "city", "MA", 30.92, -6.89, name_fr=PLACE_NAME, name_ar=PLACE_NAME)
FAILURES = (
    Failure(f"{IMG}.xml", f"{SCRIPT} [click](javascript:alert(1)) {SVG}"),
    Failure(f"feeds/{RLO}lmth.evil", f"**bold** <b>not bold</b> {IMG}"),
)


def hostile_article() -> ProcessedArticle:
    start = TEXT.index("Ouarzazate")
    place = PlaceMention("Ouarzazate", start, start + len("Ouarzazate"), HOSTILE_PLACE, "only candidate")
    a_start = TEXT.index("The Council")
    actor = ActorMention("The Council", a_start, a_start + len("The Council"), "evil_council", ACTOR_NAME,
                         "organization", "MA")
    events = []
    for typ, sentence in zip(("talks", "agreement", "statement"), SENTENCES):
        s = TEXT.index(sentence)
        e = s + len(sentence.rstrip())
        events.append(Event(type=typ, status="happened", evidence=TEXT[s:e], start=s, end=e, date="2022-05-02",
                            date_precision="day", place=place, country="MA", actors=(ACTOR_NAME,), confidence=0.9))
    return ProcessedArticle(id="hostile", source=SOURCE, text=TEXT, language="en", content_hash=content_hash(TEXT),
                            title=TITLE, url=URL, published=date(2022, 5, 2), site=SITE, fmt="text",
                            places=(place,), actors=(actor,), events=tuple(events))


def build_hostile_store(path: Path) -> Path:
    with write_session(path, fresh=True) as w:
        w.add_article(hostile_article())
        for failure in FAILURES:
            w.add_failure(failure)
    return path
