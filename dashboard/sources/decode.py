"""Bytes to text for untrusted inputs: spot binary files, honour BOMs, guess the encoding.

The guess uses charset-normalizer. On short texts it often finds several encodings equally
plausible (French in Windows-1252 also decodes cleanly as Windows-1250, with "è" turned into "č"),
so among the equally good candidates we prefer the encodings this project's sources use.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

EMPTY = "The file is empty."
BINARY = "This looks like a binary file (for example an image or a PDF), not text."
UNDECODABLE = "The text could not be decoded in any known encoding."

# Signatures of common binary formats people may drop in a folder or upload by mistake.
_MAGIC = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"PK\x03\x04", b"PK\x05\x06",
    b"\x1f\x8b", b"\x7fELF", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"RIFF", b"fLaC",
    b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00", b"\x00\x00\x01\x00", b"BZh", b"\xfd7zXZ",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape excluded).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_PREFERRED = ("utf_8", "cp1252", "cp1256", "iso8859_15", "latin_1", "iso8859_6", "utf_16", "cp1250")
# Browsers read a page declared as Latin-1 or ASCII as Windows-1252 (WHATWG); so do we.
_DECLARED_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                     "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}


class DecodeError(ValueError):
    """Raised with a plain-language reason (one of the constants above)."""


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """True for images, PDFs, archives and other data that is not text.

    A few NUL bytes inside otherwise valid UTF-8 text (a damaged scrape) do not make it binary:
    the text is read and the clean stage drops them, so the good rows of a table survive.
    """
    if data.startswith(_MAGIC):
        return True
    if bom_encoding(data):
        return False
    sample = data[:8192]
    nuls = sample.count(b"\x00")
    if nuls and (nuls > max(4, len(sample) // 10) or not _utf8_without_nuls(sample)):
        return True  # a stray NUL or two in UTF-8 text is damage, not a sign of binary data
    controls = sum(sample.count(b) for b in _CONTROL_BYTES[1:])
    return controls > len(sample) * 0.05


def _utf8_without_nuls(sample: bytes) -> bool:
    """True if the sample, NUL bytes removed, is UTF-8 (a character cut at its end allowed)."""
    rest = sample.replace(b"\x00", b"")
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start >= len(rest) - 3
    return True


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _DECLARED_ALIASES.get(name.strip().lower(), name.strip())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def guess_encoding(data: bytes) -> str | None:
    """The most plausible encoding for bytes that are not UTF-8, or None if none is plausible."""
    results = list(from_bytes(data[:200_000]))
    if not results:
        return None
    best = min(r.chaos for r in results)
    close = [r for r in results if r.chaos <= best + 0.01]
    for preferred in _PREFERRED:
        for r in close:
            if preferred in r.could_be_from_charset:
                return preferred
    return close[0].encoding


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut or corrupted scrape), decoded with U+FFFD for them.

    Guessing another encoding for the whole file would garble every good line; legacy encodings
    (Windows-1252, Windows-1256) almost never form valid multi-byte UTF-8 sequences, so text
    with many of those and few broken bytes is UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    return text if good >= 4 and bad * 4 <= good else None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode untrusted bytes to text, or raise DecodeError with a plain reason."""
    if not data.strip():
        raise DecodeError(EMPTY)
    if looks_binary(data):
        raise DecodeError(BINARY)
    text: str | None = None
    candidates = [bom_encoding(data), _codec(declared), "utf-8"]
    for encoding in candidates:
        if encoding is None:
            continue
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        text = _damaged_utf8(data)
    if text is None:
        encoding = guess_encoding(data)
        if encoding is None:
            raise DecodeError(UNDECODABLE)
        text = data.decode(encoding, errors="replace")
    if not text.strip():
        raise DecodeError(EMPTY)
    return text


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page or XML document declares about itself, if any."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None
