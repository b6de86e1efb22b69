"""The "Add articles" feed box fetches through the SSRF-safe fetcher with private addresses refused.

A real feed server runs on 127.0.0.1: the feed box refuses it without sending it a single request
(and says why), while the same fetch with private addresses allowed reads it, so the refusal comes
from the address rule and not from a dead server.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dashboard.records import Failure, RawArticle
from dashboard.ui.uploads import FEED_TIMEOUT, collect_feed_url

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local wire</title><link>http://127.0.0.1/</link>
<item><title>Patrols on the border</title><link>https://example.org/patrols</link>
<description>Officers from Mali and Niger agreed in Niamey on joint patrols along the border.</description>
<pubDate>Tue, 03 Aug 2021 10:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.fixture(scope="module")
def local_feed():
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(RSS)))
            self.end_headers()
            self.wfile.write(RSS)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port, hits
    server.shutdown()
    server.server_close()


def test_the_feed_box_waits_at_most_10_seconds():
    assert FEED_TIMEOUT == 10.0


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_the_feed_box_refuses_this_machine_without_sending_a_request(local_feed, host):
    port, hits = local_feed
    before = len(hits)
    items, problem = collect_feed_url(f"http://{host}:{port}/feed.xml", {})
    assert problem is None
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].reason.endswith("this is refused for safety.")
    assert len(hits) == before


def test_the_same_feed_is_read_when_private_addresses_are_allowed(local_feed):
    from dashboard.sources.ingest import read_sources

    port, _ = local_feed
    items = list(read_sources([f"http://127.0.0.1:{port}/feed.xml"], allow_private=True, timeout=10))
    assert [type(i) for i in items] == [RawArticle]
    assert items[0].title == "Patrols on the border"


def test_the_projects_feed_list_reaches_this_machine_only_when_the_operator_allows_it(local_feed, tmp_path,
                                                                                      monkeypatch):
    from dashboard.ui.uploads import collect_feed_list

    port, hits = local_feed
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"http://127.0.0.1:{port}/feed.xml\n", encoding="utf-8")
    before = len(hits)
    items, _ = collect_feed_list({}, listing)
    assert [type(i) for i in items] == [Failure] and len(hits) == before
    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_FEEDS", "1")
    items, _ = collect_feed_list({}, listing)
    assert [i.title for i in items] == ["Patrols on the border"]
