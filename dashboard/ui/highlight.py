"""An article as escaped HTML with places, actors and event sentences highlighted (pure).

Article text is untrusted: every piece of it goes through html.escape, and only the tags written
here (span, mark, a with an http(s) link) reach the page. Spans may overlap (a place inside an
event sentence): the text is cut at every span boundary and each piece carries all its classes.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from itertools import pairwise

from dashboard.store.queries import ArticleView, Span

from .i18n import ARTICLE_LANGUAGE_LABELS, event_type_label, is_rtl, label, t
from .plaintext import plain_text
from .tables import safe_url

KIND_ORDER = ("chosen", "event", "place", "actor")


def segments(text: str, spans: Iterable[Span]) -> list[tuple[str, tuple[Span, ...]]]:
    """The text cut at every span boundary: (piece, spans covering it), in order."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for lo, hi in pairwise(cuts):
        covering = tuple(s for s in valid if s.start <= lo and hi <= s.end)
        out.append((text[lo:hi], covering))
    return out


def _title_attr(covering: tuple[Span, ...], lang: str) -> str:
    parts = []
    for s in covering:
        if s.kind == "chosen":
            continue
        parts.append(event_type_label(s.label, lang) if s.kind == "event" else s.label)
    return html.escape(plain_text(" · ".join(dict.fromkeys(parts))), quote=True)


def highlight_html(text: str, spans: Iterable[Span], lang: str = "en", chosen: tuple[int, int] | None = None) -> str:
    """The text with its spans highlighted; `chosen` (start, end) is marked apart: the sentence
    the reader came to see."""
    spans = list(spans)
    if chosen is not None:
        spans.append(Span(chosen[0], chosen[1], "chosen", ""))
    pieces = []
    for piece, covering in segments(text, spans):
        body = html.escape(plain_text(piece)).replace("\n", "<br/>")
        if not covering:
            pieces.append(body)
            continue
        kinds = sorted({s.kind for s in covering}, key=KIND_ORDER.index)
        classes = " ".join(f"hl-{k}" for k in kinds)
        pieces.append(f'<span class="{classes}" title="{_title_attr(covering, lang)}">{body}</span>')
    return "".join(pieces)


def article_html(view: ArticleView, ui_lang: str, chosen: tuple[int, int] | None = None) -> str:
    """The whole reader block: title, source line, highlighted text; right to left for Arabic."""
    def e(text: object, quote: bool = True) -> str:
        return html.escape(plain_text(text), quote=quote)

    direction = "rtl" if is_rtl(view.language) else "ltr"
    meta = [e(view.site or ""), e(view.published.isoformat() if view.published else ""),
            e(label(ARTICLE_LANGUAGE_LABELS, view.language, ui_lang))]
    link = safe_url(view.url)
    link_html = (f' · <a href="{e(link, quote=True)}" target="_blank" rel="noopener noreferrer nofollow">'
                 f"{e(t(ui_lang, 'open_source'))}</a>") if link else ""
    return (
        f'<article class="reader" dir="{direction}" lang="{e(view.language, quote=True)}">'
        f'<h3 class="reader-title">{e(view.title or "")}</h3>'
        f'<p class="reader-meta">{" · ".join(m for m in meta if m)}{link_html}</p>'
        f'<div class="reader-text">{_reader_body(view, ui_lang, chosen)}</div>'
        "</article>"
    )


def _reader_body(view: ArticleView, ui_lang: str, chosen: tuple[int, int] | None = None) -> str:
    """The highlighted text; for an article kept without its text (an older article restored from
    the collection), a note that sends the reader to the original (linked in the line above)."""
    if view.text:
        return highlight_html(view.text, view.spans, ui_lang, chosen)
    return f'<p class="reader-gone">{html.escape(t(ui_lang, "text_not_kept"))}</p>'


def legend_html(ui_lang: str) -> str:
    e = html.escape
    return (f'<p class="reader-legend">{e(t(ui_lang, "legend"))} '
            f'<span class="hl-place">{e(t(ui_lang, "lg_place"))}</span> '
            f'<span class="hl-actor">{e(t(ui_lang, "lg_actor"))}</span> '
            f'<span class="hl-event">{e(t(ui_lang, "lg_event"))}</span></p>')


READER_CSS = """
<style>
.reader { line-height: 1.9; font-size: 1.05rem; max-width: 48rem; }
.reader[dir="rtl"] { text-align: right; font-size: 1.15rem; }
.reader-meta { color: #57606a; font-size: .9rem; }
.hl-event { background: #fff3c4; }
.hl-place { background: #cde8ff; border-bottom: 2px solid #0072b2; }
.hl-actor { background: #ffd9e6; border-bottom: 2px solid #cc79a7; }
.hl-place.hl-actor { background: linear-gradient(#cde8ff, #ffd9e6); }
.reader-legend span { padding: 0 .3em; }
.hl-chosen { background: #ffd36b; text-decoration: underline 2px #b3472d; text-underline-offset: .25em; }
.evidence-quote { font-size: 1.15rem; line-height: 1.8; border-inline-start: 4px solid #b3472d;
                  padding: .3em .8em; margin: .4em 0 .8em 0; background: #fbf8f2; }
.evidence-meta { color: #57606a; }
</style>
"""


def evidence_html(sentence: str, meta: list[str], language: str) -> str:
    """The event's sentence on its own, large, in its own direction, with a line of facts above it."""
    direction = "rtl" if is_rtl(language) else "ltr"
    facts = " · ".join(html.escape(plain_text(m)) for m in meta if m)
    return (f'<p class="evidence-meta">{facts}</p>'
            f'<blockquote class="evidence-quote" dir="{direction}" lang="{html.escape(language, quote=True)}">'
            f"{html.escape(plain_text(sentence))}</blockquote>")
