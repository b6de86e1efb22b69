"""A real ingest writer that keeps its write session open until told to finish (for the e2e tests).

    python held_writer.py DB READY_FILE GO_FILE

Opens `write_session(DB)`, adds one article (N'Djamena, Chad: one event; buffered, not committed),
creates READY_FILE, then waits until GO_FILE exists (at most 120 s) and finishes the session, which
commits the article. Exit code 0 when it was committed, 3 when GO_FILE never came (nothing committed).

With `--in-commit`, the writer waits inside its commit instead: it holds the store file open for
writing, as a slow commit would, so readers must wait (or say the store is busy) until GO_FILE.
"""
from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dashboard.pipeline.identity import content_hash  # noqa: E402
from dashboard.records import Event, Place, PlaceMention, ProcessedArticle  # noqa: E402
from dashboard.store import write_session  # noqa: E402
from dashboard.store.gate import exclusive_connection  # noqa: E402

NDJAMENA = Place("geo:2427123", "N'Djamena", "city", "TD", 12.11, 15.04, name_fr="N'Djamena", name_ar="نجامينا")
TEXT = "Chadian and Nigerien officers held talks in N'Djamena on Tuesday about joint patrols on the border."
WAIT_SECONDS = 120


def chad_article() -> ProcessedArticle:
    start = TEXT.index("N'Djamena")
    place = PlaceMention("N'Djamena", start, start + len("N'Djamena"), NDJAMENA, "only candidate")
    event = Event(type="talks", status="happened", evidence=TEXT, start=0, end=len(TEXT), date="2021-08-03",
                  date_precision="day", place=place, country="TD", confidence=0.8)
    return ProcessedArticle(id="en-chad-talks", source="tests/en-chad-talks.txt", text=TEXT, language="en",
                            content_hash=content_hash(TEXT), title="Talks in N'Djamena", site="Sahel Wire",
                            url="https://example.org/en/chad", published=date(2021, 8, 3), fmt="text",
                            places=(place,), events=(event,))


class NeverToldToFinish(Exception):
    pass


def wait_for(go: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not Path(go).exists():
        if time.monotonic() > deadline:
            raise NeverToldToFinish
        time.sleep(0.1)


def main(db: str, ready: str, go: str, in_commit: bool = False) -> int:
    try:
        with write_session(Path(db)) as writer:
            writer.add_article(chad_article())
            if in_commit:
                with exclusive_connection(Path(db), 60, "64MB"):
                    Path(ready).touch()
                    wait_for(go)
            else:
                Path(ready).touch()
                wait_for(go)
    except NeverToldToFinish:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4], in_commit="--in-commit" in sys.argv))
