"""Untrusted text shown where Streamlit reads Markdown (messages, progress, the refresh line) is
shown as written: no link, image or emphasis can come from a file name or an error message."""
from dashboard.ui.plaintext import markdown_text


def test_a_link_in_an_error_message_stays_text():
    assert markdown_text("[Click](javascript:alert(1))") == "\\[Click\\]\\(javascript\\:alert\\(1\\)\\)"


def test_emphasis_and_tags_stay_text_in_three_languages():
    assert markdown_text("*urgent* <b>") == "\\*urgent\\* \\<b\\>"
    assert markdown_text("fichier_final.txt") == "fichier\\_final\\.txt"
    assert markdown_text("تقرير #1") == "تقرير \\#1"
