"""Anchored regex scans: the same matches as `finditer`, trying only where a match can begin."""
import random
import re

import pytest

from dashboard.pipeline import dates
from dashboard.pipeline.anchored import DIGIT, AnchoredScan, literal_prefixes, starts_after_no_digit
from dashboard.pipeline.lexmatch import fold_with_offsets


def test_prefixes_of_a_word_list_are_the_words_up_to_six_letters():
    assert literal_prefixes(re.compile(r"\b(?:hier|demain|aujourd'hui)\b")) == {"hier", "demain", "aujour"}


def test_an_optional_proclitic_gives_both_forms():
    assert literal_prefixes(re.compile(r"(?<![^\W_])[وب]?اليوم")) == {"اليوم", "واليوم", "باليوم"}


def test_a_longer_prefix_is_covered_by_a_shorter_one():
    assert literal_prefixes(re.compile(r"apr|april")) == {"apr"}


def test_a_pattern_opening_with_a_digit_is_anchored_on_digits():
    assert literal_prefixes(re.compile(r"(?<!\d)[0-3]?\d/[01]?\d")) == {DIGIT}


def test_a_lookbehind_refusing_a_digit_means_matches_begin_a_run_of_digits():
    assert starts_after_no_digit(re.compile(r"(?<![\d.])[0-3]?\d/[01]?\d"))
    assert not starts_after_no_digit(re.compile(r"(?<![.,])[0-3]?\d/[01]?\d"))
    scan = AnchoredScan([("dm", re.compile(r"(?<!\d)[0-3]?\d/[01]?\d"))])
    assert [m.group() for _, m in scan.scan("le 12/05, 112/05 et 3/1")] == ["12/05", "3/1"]


@pytest.mark.parametrize("pattern", [r"\s+mars", r"[^\W\d_]+ 2020", r"(?:en )?\w+", r"x*", r"(?i)mars"])
def test_a_pattern_that_may_begin_anywhere_has_no_prefixes(pattern):
    assert literal_prefixes(re.compile(pattern)) is None


def test_an_unanchored_pattern_is_still_scanned():
    scan = AnchoredScan([("word", re.compile(r"[^\W\d_]+")), ("year", re.compile(r"20\d\d"))])
    assert [(name, m.group()) for name, m in scan.scan("Rabat, 2020")] == [("word", "Rabat"), ("year", "2020")]


def _finditer_all(text: str) -> list[tuple[str, tuple[int, int], str]]:
    return [(kind, m.span(), m.group()) for kind, pat in dates._PATTERNS for m in pat.finditer(text)]


def _scan_all(text: str) -> list[tuple[str, tuple[int, int], str]]:
    return [(kind, m.span(), m.group()) for kind, m in dates._SCAN.scan(text)]


TEXTS = [
    "وصل الوزير إلى الرباط يوم الجمعة 2 أكتوبر 2020، بعد زيارة تونس الأربعاء والجزائر الخميس، ومن المرتقب أن تعقد "
    "المحادثات في بوزنيقة اليوم. وكان بومبيو قد زار الرباط في نونبر الماضي، وسيعود في الأسبوع المقبل أو الشهر القادم.",
    "Le ministre s'est rendu à Alger le 26 et le 31 mai 2021, puis mi-juin, et reviendra la semaine prochaine ; "
    "l'accord signé hier remplace celui de 2019. Il y a quelques mois, les exercices du 12/05/2020 avaient été annulés.",
    "The Defense Secretary visited Tunis on Wednesday, September 30, and Algiers on Thursday; talks are due next week. "
    "Earlier this year, in March 2020, the two armies held drills - 2020-03-14 - and recently signed a road map.",
    "الخامس من يونيو 2019م، منذ بضعة أشهر، خلال الأيام الأخيرة وفي الأسابيع الماضية، أول أمس وبعد غد، صباح اليوم",
]


@pytest.mark.parametrize("text", TEXTS)
def test_date_scan_finds_what_finditer_finds(text):
    folded, _ = fold_with_offsets(text)
    assert _scan_all(folded) == _finditer_all(folded)


def test_date_scan_finds_what_finditer_finds_on_shuffled_fragments():
    """Date words, digits, punctuation and clitics in random order: boundaries in every combination."""
    fragments = [w for t in TEXTS for w in re.split(r"(\s+|[,.،;-])", fold_with_offsets(t)[0]) if w] + [
        "و", "ب", "ل", "en", "in", " ", "  ", "\n", "-", "1", "12", "2020", "1999", ".", "،", "th", "er"]
    rng = random.Random(5)
    for _ in range(400):
        text = "".join(rng.choice(fragments) for _ in range(rng.randint(5, 60)))
        assert _scan_all(text) == _finditer_all(text), text


def test_a_pattern_is_skipped_in_a_text_without_a_word_its_matches_need():
    scan = AnchoredScan([("my", re.compile(r"(?:en|mi)[\s-]+(?:mars|avril)"))], required={"my": frozenset({"mars", "avril"})})
    assert [m.group() for _, m in scan.scan("en Tunisie, mi-journée")] == []
    assert [m.group() for _, m in scan.scan("en Tunisie, mi-mars")] == ["mi-mars"]


def test_a_start_too_far_from_a_required_word_is_not_tried():
    pattern = re.compile(r"(?:en|mi)[\s-]{0,4}(?:mars|avril)")
    scan = AnchoredScan([("my", pattern)], required={"my": frozenset({"mars", "avril"})}, within={"my": 7})
    text = "en mars, en Tunisie, mi - avril, en   -mars"
    assert [m.group() for _, m in scan.scan(text)] == [m.group() for m in pattern.finditer(text)]
    assert [m.group() for _, m in scan.scan(text)] == ["en mars", "mi - avril", "en   -mars"]
