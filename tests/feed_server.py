"""News feeds written for the tests, served over HTTP on 127.0.0.1.

Four feeds that work (English RSS, French Atom, Arabic RSS, and an English Atom feed that answers
only after SLOW_SECONDS), one that is broken (its body is not a feed), each with one article that
reports one event at one known place. `FeedServer` runs them in a thread; `feeds_file` writes a
feeds file naming them, as an operator would.
"""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SLOW_SECONDS = 4.0  # under the fetcher's 10-second limit: slow, but read

EN_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Sahel Wire</title><link>https://wire.example/en/</link>
<item><title>Mali and Niger sign a border security agreement</title>
<link>https://wire.example/en/niamey-agreement</link>
<description>
The defence ministers of Mali and Niger signed a security cooperation agreement in Niamey on Monday.</description>
<pubDate>Mon, 05 May 2025 09:00:00 GMT</pubDate></item>
</channel></rss>"""

FR_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Dépêches du Maghreb</title><id>urn:test:fr</id>
<updated>2025-05-06T08:00:00Z</updated>
<entry><title>Exercice militaire conjoint près de Nouakchott</title><id>urn:test:fr:1</id>
<link href="https://wire.example/fr/exercice-nouakchott"/><updated>2025-05-06T08:00:00Z</updated>
<content type="text">
La Mauritanie et le Sénégal ont mené un exercice militaire conjoint près de Nouakchott mardi.</content>
</entry></feed>"""

AR_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار المغرب العربي</title><link>https://wire.example/ar/</link>
<item><title>وزير الدفاع الجزائري يزور تونس</title>
<link>https://wire.example/ar/visit-tunis</link>
<description>وصل وزير الدفاع الجزائري إلى تونس يوم الأحد في زيارة رسمية لبحث التعاون الأمني بين البلدين.</description>
<pubDate>Sun, 04 May 2025 10:00:00 GMT</pubDate></item>
</channel></rss>"""

SLOW_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Slow Desk</title><id>urn:test:slow</id>
<updated>2025-05-07T08:00:00Z</updated>
<entry><title>Chad and Sudan hold border talks</title><id>urn:test:slow:1</id>
<link href="https://wire.example/en/ndjamena-talks"/><updated>2025-05-07T08:00:00Z</updated>
<summary>Officials from Chad and Sudan held talks in N'Djamena on Wednesday on border security.</summary>
</entry></feed>"""

BROKEN = "Service temporarily unavailable. Please come back later."

FEEDS: dict[str, tuple[str, str]] = {  # path -> (content type, body)
    "/en.xml": ("application/rss+xml", EN_RSS),
    "/fr.atom": ("application/atom+xml", FR_ATOM),
    "/ar.xml": ("application/rss+xml", AR_RSS),
    "/slow.atom": ("application/atom+xml", SLOW_ATOM),
    "/broken.xml": ("application/rss+xml", BROKEN),
}
BROKEN_REASON = "The feed could not be read as RSS or Atom"  # and the parser's detail
# the article of each working feed: (title, place on the map, event type)
ARTICLES = {
    "/en.xml": ("Mali and Niger sign a border security agreement", "Niamey", "agreement"),
    "/fr.atom": ("Exercice militaire conjoint près de Nouakchott", "Nouakchott", "exercise"),
    "/ar.xml": ("وزير الدفاع الجزائري يزور تونس", "Tunisia", "visit"),  # a visit to the country
    "/slow.atom": ("Chad and Sudan hold border talks", "N'Djamena", "talks"),
}


class FeedServer:
    """The feeds above on a free port of 127.0.0.1, in a background thread (a context manager)."""

    def __init__(self, slow_seconds: float = SLOW_SECONDS):
        self.requests: list[str] = []
        requests, slow = self.requests, slow_seconds

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                requests.append(self.path)
                if self.path not in FEEDS:
                    self.send_error(404)
                    return
                if self.path.startswith("/slow"):
                    time.sleep(slow)
                kind, body = FEEDS[self.path]
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def feeds_file(self, path: Path) -> Path:
        """A feeds file naming every feed of this server, with a comment, as an operator writes it."""
        lines = ["# feeds served by the tests", *(f"{self.url(p)}   # {p}" for p in FEEDS)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
