"""The English spelling of Arabic names no list holds: given names from the name lexicon, the news
style for the rest."""
import pytest

from dashboard.pipeline.translit import soft_fold, transliterate
from dashboard.resources import load_actor_lexicon
from dashboard.settings import data_dir


@pytest.fixture(scope="module")
def lex():
    return load_actor_lexicon(data_dir())


@pytest.fixture(scope="module")
def given(lex):
    return lex.ar_given


@pytest.mark.parametrize("arabic,latin", [
    ("الشامسي", "al-Shamsi"),     # the article, then the name capitalised
    ("أوناجم", "Ounajem"),        # و after an initial hamza is the vowel; e before a final pair of consonants
    ("زيدان", "Zidan"),           # long vowels
    ("سعد", "Saad"),              # ع between consonants
    ("موسى", "Mousa"),            # final ى is a
    ("أكتاو", "Aktaou"),          # final و after a vowel
    ("الخياط", "al-Khayat"),      # خ kh, ي a consonant before a long a
    ("عبد الكريم", "Abdelkarim"),  # عبد joins its noun
    ("بن", "Ben"),
])
def test_the_news_style_scheme(arabic, latin):
    assert transliterate(arabic) == latin


def test_given_names_take_their_usual_spelling_from_the_name_lexicon(given):
    assert transliterate("صدقي صبحي", given) == "Sedki Sobhi"
    assert transliterate("محمود حسين", given) == "Mahmoud Hocine"
    assert transliterate("قايد نور الدين", given) == "Qaid Noureddine"


def test_particles_inside_a_name(given):
    assert transliterate("محمد ولد أحمد", given) == "Mohamed Ould Ahmed"


def test_ali_is_a_name_and_the_preposition_is_not_even_though_folding_merges_them():
    assert soft_fold("علي") != soft_fold("على")
    assert transliterate("علي") == "Ali"
    assert transliterate("على") == "Ala"


@pytest.mark.parametrize("arabic,latin", [
    ("ويليام هارتلي", "William Hartali"),
    ("دميتري كوزنيتسوف", "Dmitry Kouznitsouf"),
    ("جان لوفيفر", "Jean Loufifer"),
    ("فلاديمير", "Vladimir"),
])
def test_a_foreign_given_name_written_in_arabic_gets_its_own_spelling(arabic, latin, lex):
    assert transliterate(arabic, lex.ar_given, lex.foreign_given) == latin
