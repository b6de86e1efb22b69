"""The spelling-tolerant name key: one person however spelled, from Latin or Arabic script."""
import pytest

from dashboard.pipeline.namekey import arabic_word_keys, latin_word_keys, name_keys, same_name


@pytest.mark.parametrize("a,b", [
    ("Dbeibah", "Dabaiba"),
    ("Dbeiba", "Dbeibah"),
    ("Dabaiba", "الدبيبة"),
    ("Chengriha", "Chanegriha"),
    ("Chanegriha", "شنقريحة"),
    ("Gaddafi", "Qaddafi"),
    ("Kadhafi", "القذافي"),
    ("Abdul Hamid Dbeibah", "Abdelhamid Dabaiba"),
    ("Abdul Hamid Dbeibah", "عبد الحميد الدبيبة"),
    ("Abderrahmane", "Abdel Rahman"),
    ("Noureddine", "نور الدين"),
    ("Mohamed Ould Ahmed", "محمد ولد أحمد"),
    ("Youcef", "يوسف"),
    ("Abdel Fattah al-Sisi", "عبد الفتاح السيسي"),
])
def test_spellings_of_one_name_share_a_key(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize("a,b", [
    ("Dbeibah", "Bazoum"),
    ("Jamal", "Kamal"),      # ج and ك are different consonants
    ("Hicham", "Hamid"),
    ("Chanegriha", "Chengue"),
])
def test_different_names_do_not(a, b):
    assert not same_name(a, b)


def test_an_ambiguous_latin_letter_gives_every_reading():
    assert latin_word_keys("Gaid") == {"GD", "JD", "QD"}  # غ as in Ghali, ج as in Gamal, ق as in Gaid


def test_an_arabic_word_gives_its_keys_with_and_without_the_article():
    assert arabic_word_keys("الدبيبة") == {"LDB", "LDBH", "DB", "DBH"}


def test_a_name_key_joins_the_words_keys_and_drops_the_latin_article():
    assert name_keys("Fayez al-Sarraj") == name_keys("Fayez Sarraj") == {"FZSRJ"}
