"""Anchored regex scans: the same matches as `finditer`, trying only where a match can begin."""
import random
import re

import pytest

from dashboard.pipeline import dates
from dashboard.pipeline.anchored import DIGIT, DIGIT_RUN, AnchoredScan, ScanPattern, shortest_starts, with_proclitics
from dashboard.pipeline.lexmatch import fold_with_offsets


def test_a_start_word_that_begins_with_another_is_left_out():
    assert shortest_starts(["mars", "mar", "march", "avril"]) == {"mar", "avril"}


def test_proclitics_give_each_word_bare_and_prefixed():
    assert with_proclitics(["اليوم"], "وب") == {"اليوم", "واليوم", "باليوم"}


def test_a_pattern_is_tried_only_where_a_start_word_begins():
    scan = AnchoredScan([ScanPattern("rel", re.compile(r"\b(?:hier|demain)\b"), frozenset({"hier", "demain"}))])
    assert [m.group() for _, m in scan.scan("hier, après-demain et demain")] == ["hier", "demain", "demain"]


def test_a_pattern_anchored_on_digits_is_tried_at_every_digit():
    scan = AnchoredScan([ScanPattern("dm", re.compile(r"(?<![.])[0-3]?\d/[01]?\d"), frozenset({DIGIT}))])
    assert [m.group() for _, m in scan.scan("le 12/05, 112/05 et 3/1")] == ["12/05", "12/05", "3/1"]


def test_a_pattern_anchored_on_runs_of_digits_is_tried_where_a_run_begins():
    scan = AnchoredScan([ScanPattern("dm", re.compile(r"(?<!\d)[0-3]?\d/[01]?\d"), frozenset({DIGIT_RUN}))])
    assert [m.group() for _, m in scan.scan("le 12/05, 112/05 et 3/1")] == ["12/05", "3/1"]


def test_a_pattern_without_start_words_is_scanned_everywhere():
    scan = AnchoredScan([ScanPattern("word", re.compile(r"[^\W\d_]+"), None),
                         ScanPattern("year", re.compile(r"20\d\d"), frozenset({"20"}))])
    assert [(name, m.group()) for name, m in scan.scan("Rabat, 2020")] == [("word", "Rabat"), ("year", "2020")]


def test_an_empty_start_word_is_refused():
    with pytest.raises(ValueError, match="empty start word"):
        AnchoredScan([ScanPattern("x", re.compile(r"x*"), frozenset({""}))])


def _finditer_all(text: str) -> list[tuple[str, tuple[int, int], str]]:
    return [(p.name, m.span(), m.group()) for p in dates._PATTERNS for m in p.pattern.finditer(text)]


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
    "Aujourd'hui comme avant-hier, et après-demain ou demain soir, ce matin et ce soir ; cette année, l'année en "
    "cours, l'an dernier et l'année prochaine ; ce mois, le mois dernier, le mois prochain, cette semaine, la semaine "
    "dernière, ces dernières semaines et des derniers jours ; récemment, il y a plusieurs semaines, début janvier.",
    "Yesterday, the day before yesterday, the day after tomorrow, tonight and this morning; last year and next year, "
    "this month, last month and next month, this week and last week; in recent days and the past few weeks, a few "
    "days ago, several months ago; on June 20th and 28th june, 2019, from 3 to 5 May, mid-July and late August.",
    "اليوم وأمس والبارحة وغدا والغد، الليلة ومساء اليوم، هذا العام والعام الماضي والسنة المقبلة، هذا الشهر والشهر الماضي "
    "والشهر المقبل، الأسبوع الماضي وهذا الأسبوع، مؤخرا وقبل سنوات، مطلع مارس وأواخر يوليوز، بالخميس، ١٥ غشت ٢٠٢١.",
    "Today, ce jour, غدا، الغد، البارحة، واليوم، بعد غد، قبل أمس ; l'année passée, l'an prochain, هذه السنة، "
    "l'année dernière, l'an passé ; le mois passé, خلال الشهر, earlier this month ; خلال الأسبوع, la semaine passée ; "
    "the last few days, recent weeks, recent days ; قبل أشهر، منذ بضعة أسابيع.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_date_scan_finds_what_finditer_finds(text):
    folded, _ = fold_with_offsets(text)
    assert _scan_all(folded) == _finditer_all(folded)


def test_date_scan_finds_what_finditer_finds_on_shuffled_fragments():
    """Date words, digits, punctuation and clitics in random order: boundaries in every combination."""
    for text in _shuffled_texts(400):
        assert _scan_all(text) == _finditer_all(text), text


def _shuffled_texts(count: int, seed: int = 5) -> list[str]:
    fragments = [w for t in TEXTS for w in re.split(r"(\s+|[,.،;-])", fold_with_offsets(t)[0]) if w] + [
        "و", "ب", "ل", "en", "in", " ", "  ", "\n", "-", "1", "12", "2020", "1999", ".", "،", "th", "er"]
    rng = random.Random(seed)
    return ["".join(rng.choice(fragments) for _ in range(rng.randint(5, 60))) for _ in range(count)]


def _begins_with_a_start(p: ScanPattern, text: str, pos: int) -> bool:
    digit = re.match(r"\d", text[pos]) is not None
    return (DIGIT in p.starts and digit) or (DIGIT_RUN in p.starts and digit and not re.match(r"\d", text[pos - 1:pos]))\
        or any(text.startswith(w, pos) for w in p.starts)


@pytest.mark.parametrize("pattern", [p for p in dates._PATTERNS if p.starts is not None], ids=lambda p: p.name)
def test_every_match_of_a_date_pattern_begins_with_one_of_its_start_words(pattern):
    """At every position, not only where `finditer` stops: the declared start words are complete."""
    for text in [fold_with_offsets(t)[0] for t in TEXTS] + _shuffled_texts(200, seed=11):
        for pos in range(len(text)):
            if pattern.pattern.match(text, pos):
                assert _begins_with_a_start(pattern, text, pos), (pattern.name, text[pos:pos + 30])


@pytest.mark.parametrize("pattern", [p for p in dates._PATTERNS if p.required], ids=lambda p: p.name)
def test_every_match_of_a_date_pattern_holds_a_required_word_within_reach(pattern):
    reach = pattern.within if pattern.within is not None else 10_000
    for text in [fold_with_offsets(t)[0] for t in TEXTS] + _shuffled_texts(200, seed=12):
        for pos in range(len(text)):
            m = pattern.pattern.match(text, pos)
            if m:
                assert any(0 <= m.group().find(w) <= reach for w in pattern.required), (pattern.name, m.group())


def test_the_year_start_words_are_the_first_three_digits_of_every_year_read():
    read = {f"{y}"[:3] for y in range(10_000) if re.fullmatch(dates._YEAR, f"{y}")}
    assert read == dates._YEAR_STARTS == {"195", "196", "197", "198", "199", "200", "201", "202", "203", "204"}


def test_a_pattern_is_skipped_in_a_text_without_a_word_its_matches_need():
    scan = AnchoredScan([ScanPattern("my", re.compile(r"(?:en|mi)[\s-]+(?:mars|avril)"), frozenset({"en", "mi"}),
                                     required=frozenset({"mars", "avril"}))])
    assert [m.group() for _, m in scan.scan("en Tunisie, mi-journée")] == []
    assert [m.group() for _, m in scan.scan("en Tunisie, mi-mars")] == ["mi-mars"]


def test_a_start_too_far_from_a_required_word_is_not_tried():
    pattern = re.compile(r"(?:en|mi)[\s-]{0,4}(?:mars|avril)")
    scan = AnchoredScan([ScanPattern("my", pattern, frozenset({"en", "mi"}), required=frozenset({"mars", "avril"}), within=7)])
    text = "en mars, en Tunisie, mi - avril, en   -mars"
    assert [m.group() for _, m in scan.scan(text)] == [m.group() for m in pattern.finditer(text)]
    assert [m.group() for _, m in scan.scan(text)] == ["en mars", "mi - avril", "en   -mars"]
