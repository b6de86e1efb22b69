"""Language detection: ar, fr, en or other, offline."""
from pathlib import Path

from dashboard.pipeline.language import detect_language

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "esper-rabat-2020-10-02.ar.txt"


def test_the_sample_article_is_arabic():
    assert detect_language(SAMPLE.read_text(encoding="utf-8")) == "ar"


def test_french_news_sentence_is_french():
    assert detect_language("Le chef d'état-major des armées s'est entretenu jeudi avec son homologue nigérien à Niamey.") == "fr"


def test_english_news_sentence_is_english():
    assert detect_language("The two ministers signed a defence cooperation roadmap in Rabat on Friday.") == "en"


def test_arabic_with_latin_acronyms_is_still_arabic():
    assert detect_language("أعلنت قيادة AFRICOM عن مناورات مشتركة مع الجيش الموريتاني في نواكشوط") == "ar"


def test_german_is_other():
    assert detect_language("Der Verteidigungsminister traf seinen Amtskollegen in Berlin und sprach über die Lage im Sahel.") == "other"


def test_digits_only_is_other():
    assert detect_language("2020 - 10 - 02") == "other"


def test_a_short_english_sentence_with_african_names_is_english():
    assert detect_language("Chadian and Cameroonian officers met in N'Djamena to plan joint patrols.") == "en"


def test_spanish_is_other():
    assert detect_language("El ministro de Defensa se reunió con su homólogo en Rabat para hablar de la frontera.") == "other"


def test_arabic_letters_are_counted_by_unicode_block_whatever_else_the_text_holds():
    import random
    import re

    from dashboard.pipeline.language import _arabic_letters

    block = re.compile(r"[\u0600-\u06ff]")
    alphabet = [chr(c) for c in [*range(0x5F0, 0x710), *range(0x20, 0x7F), 0xE9, 0xFEFF, 0x1F600, 0x750, 0xD800]]
    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert _arabic_letters(text) == len(block.findall(text)), text
    assert _arabic_letters("زار وزير الدفاع الرباط") == 19
