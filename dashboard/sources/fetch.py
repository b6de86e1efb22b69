"""Fetch a feed over HTTP(S) safely: a deadline, a size cap, conditional GET, no SSRF.

Feed addresses come from users, so a request must not reach this machine or its network unless
the caller says so (`allow_private=True`). Every address a host name resolves to is checked, the
connection goes to the checked address (a second DNS answer cannot swap it), and redirects are
followed here, a few at most, each one checked again. Link-local addresses (169.254.x.x, where
cloud metadata services live), multicast, reserved and unspecified addresses are always refused.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from dashboard import settings
from dashboard.records import Failure, RawArticle

from .feeds import parse_feed

USER_AGENT = "sahel-security-dashboard/0.1 (feed reader)"
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 65536


class FetchError(Exception):
    """A fetch that failed, with a plain-language reason."""


@dataclass
class FeedResult:
    url: str
    articles: list[RawArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False


@dataclass
class Response:
    url: str
    status: int
    headers: Message
    body: bytes


def human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1000:
        return f"{n / 1000:g} KB"
    return f"{n} bytes"


def _seconds(timeout: float) -> str:
    return f"{timeout:g} second" + ("" if timeout == 1 else "s")


def address_problem(ip: str, allow_private: bool = False) -> str | None:
    """What kind of forbidden address this is ("a private network address"), or None if allowed."""
    addr = ipaddress.ip_address(ip.split("%")[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_unspecified:
        return "a reserved address"
    if addr.is_loopback:  # before "reserved": ::1 sits in a reserved IPv6 block
        return None if allow_private else "this computer's own address"
    if addr.is_reserved:
        return "a reserved address"
    if addr.is_private or not addr.is_global:
        return None if allow_private else "a private network address"
    return None


def _check_url(url: str) -> tuple[str, str, int]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError("The feed address is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError("Only web addresses starting with http:// or https:// can be read.")
    if not parts.hostname:
        raise FetchError("The feed address has no host name.")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def _getaddrinfo(host: str, port: int, timeout: float) -> list:
    """getaddrinfo has no timeout of its own; a stuck DNS lookup must not outlive the deadline."""
    outcome: dict[str, object] = {}

    def lookup() -> None:
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except Exception as exc:  # noqa: BLE001 - handed to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["infos"]  # type: ignore[return-value]


def _resolve(host: str, port: int, allow_private: bool, redirected: bool, timeout: float) -> list[str]:
    try:
        infos = _getaddrinfo(host, port, timeout)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The feed address {host} could not be found (no such host).") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for ip in addresses:
        problem = address_problem(ip, allow_private)
        if problem:
            lead = "The feed address redirected to" if redirected else "The feed address points to"
            where = host if host == ip else f"{host} ({ip})"
            raise FetchError(f"{lead} {where}, which is {problem}; this is refused for safety.")
    if not addresses:
        raise FetchError(f"The feed address {host} could not be found (no such host).")
    return addresses


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to an address checked beforehand, whatever DNS would answer now."""

    def __init__(self, host: str, port: int, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        # typeshed leaves out HTTPSConnection's private `_context` (the context given to __init__)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class _Deadline:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.end = time.monotonic() + timeout

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError()
        return left


def _read_body(response: http.client.HTTPResponse, sock: socket.socket | None,
               deadline: _Deadline, max_bytes: int) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError(f"The feed is larger than {human_size(max_bytes)}, the most this program reads.")
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip"):
        raise FetchError(f"The feed server sent the feed compressed in a way this program "
                         f"does not read ({encoding}).")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding != "identity" else None
    chunks: list[bytes] = []
    size = 0
    while True:
        if sock is not None:
            sock.settimeout(deadline.remaining())
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            break
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error:
                raise FetchError("The feed server sent damaged compressed data.") from None
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"The feed is larger than {human_size(max_bytes)}, the most this program reads.")
        chunks.append(chunk)
    return b"".join(chunks)


def _request_once(url: str, headers: dict[str, str], deadline: _Deadline, max_bytes: int,
                  allow_private: bool, redirected: bool) -> Response:
    scheme, host, port = _check_url(url)
    addresses = _resolve(host, port, allow_private, redirected, deadline.remaining())
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    last_error: OSError | None = None
    for ip in addresses:
        cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        conn = cls(host, port, ip, deadline.remaining())
        try:
            conn.request("GET", target, headers=headers)
            conn.sock.settimeout(deadline.remaining())
            resp = conn.getresponse()
            body = b""
            if resp.status == 200:
                body = _read_body(resp, conn.sock, deadline, max_bytes)
            return Response(url, resp.status, resp.msg, body)
        except (ConnectionRefusedError, ConnectionResetError) as exc:
            last_error = exc
            continue
        finally:
            conn.close()
    raise last_error or FetchError("The feed server could not be reached.")


def http_get(url: str, *, headers: dict[str, str] | None = None, timeout: float = 10.0,
             max_bytes: int = settings.MAX_FEED_BYTES, allow_private: bool = False,
             max_redirects: int = MAX_REDIRECTS) -> Response:
    """GET a URL under the rules above; raise FetchError with a plain-language reason."""
    deadline = _Deadline(timeout)
    sent = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip",
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    sent.update(headers or {})
    current = url
    try:
        for hop in range(max_redirects + 1):
            response = _request_once(current, sent, deadline, max_bytes, allow_private, hop > 0)
            if response.status not in _REDIRECTS:
                return response
            location = response.headers.get("Location")
            if not location:
                raise FetchError("The feed server answered with a redirect but no new address.")
            current = urljoin(current, location.strip())
        raise FetchError(f"The feed address redirected more than {max_redirects} times.")
    except TimeoutError:
        raise FetchError(f"The feed did not answer within {_seconds(timeout)}.") from None
    except ConnectionRefusedError:
        raise FetchError("The feed server refused the connection.") from None
    except ssl.SSLCertVerificationError:
        raise FetchError("The feed server's security certificate could not be verified.") from None
    except ssl.SSLError:
        raise FetchError("A secure connection to the feed server could not be made.") from None
    except http.client.HTTPException:
        raise FetchError("The feed server sent an answer that is not valid HTTP.") from None
    except OSError as exc:
        raise FetchError(f"The feed server could not be reached ({exc.strerror or exc}).") from None


def fetch_feed(url: str, *, etag: str | None = None, modified: str | None = None,
               timeout: float = 10.0, max_bytes: int = settings.MAX_FEED_BYTES,
               allow_private: bool = False) -> FeedResult:
    """Fetch and read one feed. Never raises: problems come back as failures.

    `etag` and `modified` are what the previous fetch returned; the server answers 304 when
    nothing changed, which gives no articles, no failures and `not_modified=True`.
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        response = http_get(url, headers=headers, timeout=timeout, max_bytes=max_bytes,
                            allow_private=allow_private)
    except FetchError as exc:
        return FeedResult(url, failures=[Failure(url, str(exc))], etag=etag, modified=modified)
    except Exception as exc:  # noqa: BLE001 - a feed must never stop a batch
        return FeedResult(url, failures=[Failure(url, f"The feed could not be fetched because of an "
                                                      f"internal error ({exc.__class__.__name__}).")],
                          etag=etag, modified=modified)
    new_etag = response.headers.get("ETag") or None
    new_modified = response.headers.get("Last-Modified") or None
    if response.status == 304:
        return FeedResult(url, etag=new_etag or etag, modified=new_modified or modified,
                          not_modified=True)
    if response.status != 200:
        reason = http.client.responses.get(response.status, "")
        label = f"{response.status} {reason}".strip()
        return FeedResult(url, failures=[Failure(url, f"The feed server answered with an error "
                                                      f"(HTTP {label}).")],
                          etag=etag, modified=modified)
    if not response.body.strip():
        return FeedResult(url, failures=[Failure(url, "The feed is empty.")], etag=etag, modified=modified)
    try:
        articles, failures = parse_feed(response.body, url, base_url=response.url,
                                        content_type=response.headers.get("Content-Type"))
    except Exception as exc:  # noqa: BLE001
        failures = [Failure(url, f"The feed could not be read ({exc.__class__.__name__}).")]
        articles = []
    return FeedResult(url, articles, failures, new_etag, new_modified)
