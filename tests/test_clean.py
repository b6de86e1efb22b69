"""Cleaning removes page clutter and invisible characters, and keeps a map back to the input."""
from dashboard.pipeline.clean import clean_text, clean_title, is_boilerplate

from dashboard.resources import load_boilerplate  # noqa: E402
from dashboard.settings import data_dir  # noqa: E402

RULES = load_boilerplate(data_dir())


def test_arabic_share_widgets_and_next_article_link_are_removed():
    raw = "Share\n  • Link copied\n\nوصل وزير الدفاع إلى الرباط يوم الجمعة.\n\nShare\nالمقال التالي\n"
    assert clean_text(raw, RULES).text == "وصل وزير الدفاع إلى الرباط يوم الجمعة."


def test_french_read_also_and_video_links_are_removed():
    raw = "Lire aussi\nLe ministre s'est rendu à Alger.\nAller à la vidéo\nLire aussi : Le Mali et le Niger\n"
    assert clean_text(raw, RULES).text == "Le ministre s'est rendu à Alger."


def test_english_cookie_notice_is_removed():
    raw = "We use cookies to improve your experience. Accept?\nThe secretary met officials in Tunis.\nAccept all"
    assert clean_text(raw, RULES).text == "The secretary met officials in Tunis."


def test_a_sentence_that_only_starts_like_a_widget_is_kept():
    raw = "Share prices rose in Casablanca after the defence agreement was signed."
    assert clean_text(raw, RULES).text == raw


def test_boilerplate_lines_match_whatever_their_hamza():
    assert is_boilerplate("إقرأ أيضاً", RULES)
    assert is_boilerplate("اقرأ أيضا", RULES)


def test_zero_width_and_bidi_controls_and_tatweel_are_removed():
    raw = "الجزائـــر\u200f تستقبل\u200b الوزير\u202e"
    assert clean_text(raw, RULES).text == "الجزائر تستقبل الوزير"


def test_decomposed_accents_are_composed_to_nfc():
    raw = "De\u0301fense nationale"
    assert clean_text(raw, RULES).text == "Défense nationale"


def test_paragraphs_are_kept_and_line_ends_unified():
    raw = "First paragraph.\r\n\r\nSecond paragraph.\rThird line."
    assert clean_text(raw, RULES).text == "First paragraph.\n\nSecond paragraph.\nThird line."


def test_offsets_in_clean_text_map_back_to_the_input():
    raw = "Share\n\nيختتم الوزير\u200f جولته في الرباط"
    cleaned = clean_text(raw, RULES)
    start = cleaned.text.index("الرباط")
    src_start, src_end = cleaned.to_source(start, start + len("الرباط"))
    assert raw[src_start:src_end] == "الرباط"


def test_runs_of_spaces_collapse_and_offsets_stay_right():
    raw = "Le  ministre   a visité\u00a0Nouakchott."
    cleaned = clean_text(raw, RULES)
    assert cleaned.text == "Le ministre a visité Nouakchott."
    start = cleaned.text.index("Nouakchott")
    assert raw[slice(*cleaned.to_source(start, start + 10))] == "Nouakchott"


def test_title_is_cleaned_to_one_line():
    assert clean_title("  Le Maroc\n et les États-Unis\u200b signent ", RULES) == "Le Maroc et les États-Unis signent"
    assert clean_title("Share", RULES) is None
    assert clean_title(None, RULES) is None


def test_unicode_line_and_paragraph_separators_end_lines():
    assert clean_text("Alger\u2028Tunis\u2029Rabat\x85Niamey", RULES).text == "Alger\nTunis\nRabat\nNiamey"


def test_c1_control_characters_from_bad_decoding_are_removed():
    assert clean_text("Nouakchott\x80\x9d accueille", RULES).text == "Nouakchott accueille"
