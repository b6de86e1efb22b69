"""RSS/Atom feeds from files and from a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import gzip
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dashboard.sources.fetch import address_problem
from dashboard.sources.ingest import fetch_feed, read_path, read_sources
from dashboard.records import Failure, RawArticle

FEEDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "feeds"
UNSAFE = ("The feed contains a document type or entity declaration (DOCTYPE or ENTITY), "
          "which is refused because it can be used to attack the reader.")
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 06 Jul 2022 10:00:00 GMT"


class FeedServer:
    """A real HTTP server in a thread, answering a few fixed routes; it records every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = "route_" + self.path.strip("/").replace(".", "_").replace("-", "_")
                try:
                    getattr(server, route, server.route_missing)(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size cap, timeout): expected

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
        h.send_response(status)
        for name, value in headers.items():
            h.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def route_fr_rss(self, h):
        self.send(h, 200, (FEEDS / "fr.rss").read_bytes(), Content_Type="application/rss+xml")

    def route_ar_atom(self, h):
        self.send(h, 200, (FEEDS / "ar.atom").read_bytes(), Content_Type="application/atom+xml")

    def route_etag_rss(self, h):
        if h.headers.get("If-None-Match") == ETAG:
            self.send(h, 304, ETag=ETAG, Last_Modified=LAST_MODIFIED)
        else:
            self.send(h, 200, (FEEDS / "en.rss").read_bytes(), ETag=ETAG, Last_Modified=LAST_MODIFIED)

    def route_slow_rss(self, h):
        self.release.wait(5)
        self.send(h, 200, (FEEDS / "en.rss").read_bytes())

    def route_big_declared_rss(self, h):
        self.send(h, 200, b"<rss>" + b" " * 5000 + b"</rss>")

    def route_big_streamed_rss(self, h):
        h.send_response(200)
        h.send_header("Connection", "close")
        h.end_headers()
        for _ in range(10):
            h.wfile.write(b"<!-- padding -->" * 64)

    def route_gzip_rss(self, h):
        self.send(h, 200, gzip.compress((FEEDS / "en.rss").read_bytes()), Content_Encoding="gzip")

    def route_moved(self, h):
        self.send(h, 301, Location="/fr.rss")

    def route_to_metadata(self, h):
        self.send(h, 302, Location="http://169.254.169.254/latest/meta-data/")

    def route_to_file(self, h):
        self.send(h, 302, Location="file:///etc/passwd")

    def route_loop(self, h):
        self.send(h, 302, Location="/loop")

    def route_page_html(self, h):
        self.send(h, 200, b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", Content_Type="text/html")

    def route_bomb_xml(self, h):
        self.send(h, 200, (FEEDS / "bomb.xml").read_bytes())

    def route_missing(self, h):
        self.send(h, 404, b"not here")


@pytest.fixture(scope="module")
def server():
    srv = FeedServer()
    yield srv
    srv.close()


# --- feed files -------------------------------------------------------------------------------

def test_rss_file_entries_become_articles_with_html_stripped():
    path = FEEDS / "fr.rss"
    first = next(read_path(path))
    assert first == RawArticle(
        source=str(path),
        text=("Les ministres de la Défense du Mali et du Niger ont signé lundi à Bamako une feuille de route commune.\n"
              "Elle prévoit des patrouilles conjointes le long de la frontière."),
        title="Le Mali et le Niger signent une feuille de route sécuritaire",
        url="https://courrier-du-fleuve.example/2021/04/feuille-de-route",
        published=date(2021, 4, 12),  # the publisher's date, not 13 April in UTC
        site="Le Courrier du Fleuve",
        fmt="feed",
        external_id="cdf-2021-0412",
    )


def test_feed_entry_with_impossible_date_is_kept_without_a_date():
    second = list(read_path(FEEDS / "fr.rss"))[1]
    assert (second.title, second.published) == ("Patrouille mixte près de Ménaka", None)


def test_feed_entry_with_only_a_title_uses_it_as_text_and_drops_a_script_link():
    third = list(read_path(FEEDS / "fr.rss"))[2]
    assert (third.text, third.url) == ("Réunion du G5 Sahel reportée", None)


def test_atom_entry_prefers_full_content_over_summary():
    article = next(read_path(FEEDS / "ar.atom"))
    assert article.text == ("انطلقت صباح الثلاثاء مناورات بحرية مشتركة بين القوات الملكية البحرية ونظيرتها الإسبانية.\n"
                            "وتستمر المناورات أسبوعا كاملا.")
    assert (article.published, article.site) == (date(2022, 5, 10), "جريدة الصحراء")


def test_xml_bomb_is_refused_before_parsing():
    path = FEEDS / "bomb.xml"
    assert list(read_path(path)) == [Failure(str(path), UNSAFE)]


def test_external_entity_is_refused():
    path = FEEDS / "external-entity.xml"
    assert list(read_path(path)) == [Failure(str(path), UNSAFE)]


def test_xml_that_is_not_a_feed_is_a_failure():
    path = FEEDS / "not-a-feed.xml"
    assert list(read_path(path)) == [Failure(str(path), "This is not an RSS or Atom news feed.")]


# --- feeds over HTTP ----------------------------------------------------------------------------

def test_fetch_feed_reads_a_feed_over_http(server):
    result = fetch_feed(f"{server.base}/fr.rss", allow_private=True)
    assert ([a.title for a in result.articles], result.failures, result.not_modified) == (
        ["Le Mali et le Niger signent une feuille de route sécuritaire", "Patrouille mixte près de Ménaka",
         "Réunion du G5 Sahel reportée"], [], False)


def test_feed_articles_name_the_feed_url_as_source(server):
    url = f"{server.base}/ar.atom"
    result = fetch_feed(url, allow_private=True)
    assert [a.source for a in result.articles] == [url]


def test_first_fetch_returns_etag_and_last_modified(server):
    result = fetch_feed(f"{server.base}/etag.rss", allow_private=True)
    assert (result.etag, result.modified, len(result.articles)) == (ETAG, LAST_MODIFIED, 1)


def test_conditional_fetch_sends_validators_and_304_gives_nothing(server):
    result = fetch_feed(f"{server.base}/etag.rss", etag=ETAG, modified=LAST_MODIFIED, allow_private=True)
    assert (result.not_modified, result.articles, result.failures, result.etag, result.modified) == (
        True, [], [], ETAG, LAST_MODIFIED)
    assert server.requests[-1][1]["If-Modified-Since"] == LAST_MODIFIED


def test_slow_feed_times_out_with_a_plain_reason(server):
    url = f"{server.base}/slow.rss"
    result = fetch_feed(url, timeout=0.2, allow_private=True)
    assert (result.articles, result.failures) == ([], [Failure(url, "The feed did not answer within 0.2 seconds.")])


def test_declared_oversized_feed_is_refused(server):
    url = f"{server.base}/big-declared.rss"
    result = fetch_feed(url, max_bytes=1000, allow_private=True)
    assert result.failures == [Failure(url, "The feed is larger than 1 KB, the most this program reads.")]


def test_oversized_feed_without_length_is_refused_after_the_cap(server):
    url = f"{server.base}/big-streamed.rss"
    result = fetch_feed(url, max_bytes=1000, allow_private=True)
    assert result.failures == [Failure(url, "The feed is larger than 1 KB, the most this program reads.")]


def test_gzip_compressed_feed_is_read(server):
    result = fetch_feed(f"{server.base}/gzip.rss", allow_private=True)
    assert [a.title for a in result.articles] == ["Algeria hosts border security talks"]


def test_redirect_is_followed(server):
    result = fetch_feed(f"{server.base}/moved", allow_private=True)
    assert len(result.articles) == 3


def test_redirect_to_a_link_local_address_is_refused_even_when_private_is_allowed(server):
    url = f"{server.base}/to-metadata"
    result = fetch_feed(url, allow_private=True)
    assert result.failures == [Failure(url, "The feed address redirected to 169.254.169.254, which is a "
                                            "link-local address; this is refused for safety.")]


def test_redirect_to_a_file_address_is_refused(server):
    url = f"{server.base}/to-file"
    result = fetch_feed(url, allow_private=True)
    assert result.failures == [Failure(url, "Only web addresses starting with http:// or https:// can be read.")]


def test_redirect_loop_stops_after_five(server):
    url = f"{server.base}/loop"
    result = fetch_feed(url, allow_private=True)
    assert result.failures == [Failure(url, "The feed address redirected more than 5 times.")]


def test_http_error_is_a_plain_failure(server):
    url = f"{server.base}/gone.rss"
    result = fetch_feed(url, allow_private=True)
    assert result.failures == [Failure(url, "The feed server answered with an error (HTTP 404 Not Found).")]


def test_web_page_instead_of_feed_is_a_failure(server):
    url = f"{server.base}/page.html"
    result = fetch_feed(url, allow_private=True)
    assert result.failures[0].reason.startswith("This is a web page, not a news feed (RSS or Atom).")


def test_xml_bomb_over_http_is_refused(server):
    url = f"{server.base}/bomb.xml"
    assert fetch_feed(url, allow_private=True).failures == [Failure(url, UNSAFE)]


def test_local_address_is_refused_by_default_without_any_request(server):
    before = len(server.requests)
    url = f"{server.base}/fr.rss"
    result = fetch_feed(url)
    assert result.failures == [Failure(url, "The feed address points to 127.0.0.1, which is this "
                                            "computer's own address; this is refused for safety.")]
    assert len(server.requests) == before


def test_localhost_name_is_refused_by_default(server):
    url = server.base.replace("127.0.0.1", "localhost") + "/fr.rss"
    assert fetch_feed(url).failures[0].reason.endswith("this is refused for safety.")


def test_non_web_scheme_is_refused():
    assert fetch_feed("file:///etc/passwd").failures == [
        Failure("file:///etc/passwd", "Only web addresses starting with http:// or https:// can be read.")]


@pytest.mark.parametrize(("ip", "problem"), [
    ("10.1.2.3", "a private network address"),
    ("192.168.0.10", "a private network address"),
    ("100.64.0.1", "a private network address"),
    ("::1", "this computer's own address"),
    ("::ffff:127.0.0.1", "this computer's own address"),
    ("fd00::1", "a private network address"),
    ("169.254.169.254", "a link-local address"),
    ("224.0.0.1", "a multicast address"),
    ("0.0.0.0", "a reserved address"),
    ("240.0.0.1", "a reserved address"),
    ("93.184.216.34", None),
])
def test_address_policy(ip, problem):
    assert address_problem(ip) == problem


# --- read_sources with feed state ----------------------------------------------------------------

def test_read_sources_records_feed_state_and_sends_it_next_time(server):
    url = f"{server.base}/etag.rss"
    state: dict = {}
    first = list(read_sources([url], allow_private=True, feed_state=state))
    second = list(read_sources([url], allow_private=True, feed_state=state))
    assert (len(first), second, state) == (1, [], {url: (ETAG, LAST_MODIFIED)})


def test_read_sources_keeps_old_state_when_a_feed_fails(server):
    url = f"{server.base}/slow.rss"
    state = {url: ("old", None)}
    records = list(read_sources([url], allow_private=True, timeout=0.2, feed_state=state))
    assert (records, state) == ([Failure(url, "The feed did not answer within 0.2 seconds.")], {url: ("old", None)})


def test_read_sources_mixes_files_and_feeds_in_order(server):
    url = f"{server.base}/ar.atom"
    records = list(read_sources([str(FEEDS / "en.rss"), url], allow_private=True))
    assert [(r.source, r.fmt) for r in records] == [(str(FEEDS / "en.rss"), "feed"), (url, "feed")]
