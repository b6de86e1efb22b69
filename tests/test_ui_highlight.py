"""The article reader's HTML: escaped, highlighted, right to left for Arabic."""
from __future__ import annotations

from datetime import date

from dashboard.store.queries import ArticleView, Span
from dashboard.ui.highlight import article_html, highlight_html, segments


def test_segments_cut_at_every_boundary_with_overlaps():
    spans = [Span(0, 10, "event", "visit"), Span(4, 9, "place", "Rabat")]
    assert [(piece, tuple(s.kind for s in cov)) for piece, cov in segments("Visit Rabat now", spans)] == [
        ("Visi", ("event",)), ("t Rab", ("event", "place")), ("a", ("event",)), ("t now", ())]


def test_spans_outside_the_text_are_ignored():
    assert highlight_html("abc", [Span(2, 10, "place", "X"), Span(-1, 1, "actor", "Y")]) == "abc"


def test_markup_in_text_is_escaped():
    out = highlight_html('<img src=x onerror="alert(1)"> in Rabat', [Span(34, 39, "place", "Rabat")])
    assert out == ('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; in '
                   '<span class="hl-place" title="Rabat">Rabat</span>')


def test_labels_in_title_attributes_are_escaped():
    out = highlight_html("x", [Span(0, 1, "actor", '"><script>')])
    assert out == '<span class="hl-actor" title="&quot;&gt;&lt;script&gt;">x</span>'


def test_event_spans_are_labelled_in_the_interface_language():
    assert highlight_html("a", [Span(0, 1, "event", "agreement")], "fr") == \
        '<span class="hl-event" title="Accord">a</span>'


def _view(**kw) -> ArticleView:
    base = dict(id="a", title="t", site="s", url="https://example.org/a", published=date(2021, 2, 20),
                language="en", text="text", spans=())
    return ArticleView(**{**base, **kw})


def test_arabic_articles_read_right_to_left():
    html_out = article_html(_view(language="ar", text="نص"), "en")
    assert html_out.startswith('<article class="reader" dir="rtl" lang="ar">')


def test_french_articles_read_left_to_right_even_in_the_arabic_interface():
    assert article_html(_view(language="fr"), "ar").startswith('<article class="reader" dir="ltr" lang="fr">')


def test_title_is_escaped_and_javascript_links_are_dropped():
    out = article_html(_view(title="<script>alert(1)</script>", url="javascript:alert(2)"), "en")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script" not in out and "javascript:" not in out and "<a " not in out


def test_web_links_open_in_a_new_tab_without_referrer():
    out = article_html(_view(url="https://example.org/a?x=1&y=2"), "en")
    assert ('<a href="https://example.org/a?x=1&amp;y=2" target="_blank" rel="noopener noreferrer nofollow">'
            "Open the original article</a>") in out


def test_newlines_become_line_breaks():
    assert highlight_html("a\nb", []) == "a<br/>b"


def test_an_article_kept_without_its_text_sends_the_reader_to_the_source():
    view = ArticleView("old", "Exercice conjoint près de Tamanrasset", "El Watan", "https://example.org/fr/exercice",
                       date(2021, 3, 15), "fr", "", ())
    out = article_html(view, "fr")
    assert ('<div class="reader-text"><p class="reader-gone">Le texte de cet article n&#x27;est plus conservé ici : '
            "ouvrez l&#x27;article original pour le lire.</p></div>") in out
    assert '<a href="https://example.org/fr/exercice" target="_blank"' in out
