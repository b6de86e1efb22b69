"""The same URL or the same normalised text is the same article."""
from dashboard.pipeline.identity import article_id, content_hash, normalise_url


def test_tracking_parameters_fragment_and_www_do_not_change_the_url():
    assert normalise_url("http://www.Example.ma/news/esper/?utm_source=fb#top") == "https://example.ma/news/esper"


def test_meaningful_query_parameters_are_kept():
    assert normalise_url("https://example.dz/article.php?id=42&utm_medium=x") == "https://example.dz/article.php?id=42"


def test_whitespace_and_case_do_not_change_the_content_hash():
    assert content_hash("Le Maroc  et\nla Tunisie") == content_hash("le maroc et la tunisie ")


def test_article_id_prefers_the_url():
    assert article_id("https://example.ma/a", content_hash("x")) == article_id("https://www.example.ma/a/", content_hash("y"))


def test_article_id_without_url_comes_from_the_text():
    assert article_id(None, content_hash("نص")) == article_id("", content_hash("نص"))
    assert article_id(None, content_hash("نص")) != article_id(None, content_hash("نص آخر"))


def test_a_long_text_hashed_piece_by_piece_has_the_digest_of_the_whole(monkeypatch):
    import hashlib

    from dashboard.pipeline import identity
    from dashboard.pipeline.identity import normalised_text

    text = ("Straße  ﬁnale\u00a0ΣΟΦΙΑ; e\u0301té ½ and \u00b4 acute\n وأكد الوزير ّأن الشراكة   "
            "\u3000 İstanbul Ǆ  \n\n") * 40
    whole = hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()
    monkeypatch.setattr(identity, "HASH_PIECE_CHARS", 37)  # many pieces, cut after spaces and line breaks
    assert content_hash(text) == whole
    assert content_hash("x" * 100 + " tail") == hashlib.sha256(("x" * 100 + " tail").encode()).hexdigest()
