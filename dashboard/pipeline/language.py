"""Language of an article: ar, fr, en, or other. Offline: py3langid ships its model."""
from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("ar", "fr", "en")
# (runs, not single letters: counted by their lengths, with far fewer objects to build)
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]+")
SAMPLE_CHARS = 600  # enough to tell French from English; detection cost grows with length

# A cheap first look (the detector walks every byte in Python, ~0.7 ms a sample): function words
# found only in French, only in English, or in neither (Spanish, Portuguese, Italian, German,
# Dutch, Catalan). A sample full of one side's words, with next to none of the other's and none
# of the third kind, and in Latin script alone, is decided at once; anything less clear goes to the
# detector.
_WORD = re.compile(r"[^\W\d_]+")
# a letter of another script: mixed text (the modifier letters ʿ ʾ of transliterations count as Latin)
_NON_LATIN = re.compile(r"[^\W\d_\x00-\u02ff\u1e00-\u1eff]")
_FRENCH_WORDS = frozenset("le les des du et est une dans pour sur au aux avec qui ont été cette ces ne pas "
                          "selon leur leurs sont était entre".split())
_ENGLISH_WORDS = frozenset("the and of to is was for with that from has have were its this which said "
                           "been their will after".split())
# (not il, el, i, com: French, Arabic names, English, web addresses)
_OTHER_WORDS = frozenset(
    "los las del y con para por una su sus pero como más fue según también "  # Spanish
    "os da das dos em não uma ao pelo pela foi são mais "  # Portuguese
    "gli della di che è per sono nel alla delle degli dei "  # Italian
    "der die das und ist nicht mit von zu den dem ein eine auf für sich im wird wurde auch "  # German
    "het een van niet voor zijn wordt ook naar bij maar werd "  # Dutch
    "els amb aquest "  # Catalan
    .split())
_CLEAR_WORDS = 8  # function words of one side needed...
_CLEAR_RATIO = 6  # ...and at least this many times the other side's...
_CLEAR_DISTINCT = 5  # ...and this many different ones


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """Most likely language code among ar/fr/en, or "other".

    Arabic script decides Arabic outright (no other supported language uses it). For Latin text
    the detector ranks every language it knows; a near variety (Nigerian Pidgin for a short
    English sentence) may outrank ours, so ours is taken while it stays a serious candidate
    (at least a fifth of the winner's probability), else the text is in another language.
    """
    sample = text[:SAMPLE_CHARS]
    arabic = _arabic_letters(sample)
    latin = sum(map(len, _LATIN.findall(sample)))
    if arabic == 0 and latin == 0:
        return "other"
    if arabic >= latin:
        return "ar"
    clear = _clear_latin(sample) if not arabic and not _NON_LATIN.search(sample) else None
    if clear:
        return clear
    ranking = _identifier().rank(sample)
    top_lang, top_prob = ranking[0]
    if top_lang in SUPPORTED:
        return top_lang
    ours, prob = next(((lang, p) for lang, p in ranking if lang in SUPPORTED), (None, 0.0))
    return ours if ours and prob >= 0.2 * top_prob else "other"


def _arabic_letters(sample: str) -> int:
    """Characters of the Arabic block (U+0600-U+06FF): in UTF-8 exactly those whose first byte is
    D8-DB, which bytes.count finds far faster than a regex walks the text."""
    data = sample.encode("utf-8", "surrogatepass")
    return data.count(b"\xd8") + data.count(b"\xd9") + data.count(b"\xda") + data.count(b"\xdb")


_ENGLISH_ONLY = _ENGLISH_WORDS - _FRENCH_WORDS
_OTHER_ONLY = _OTHER_WORDS - _FRENCH_WORDS - _ENGLISH_WORDS


def _clear_latin(sample: str) -> str | None:
    """"fr" or "en" when the function words leave no doubt, else None (ask the detector)."""
    words = _WORD.findall(sample.lower())
    if not _OTHER_ONLY.isdisjoint(words):
        return None
    fr = [w for w in words if w in _FRENCH_WORDS]
    en = [w for w in words if w in _ENGLISH_ONLY]
    # prose uses many different function words; a list of names repeats one ("Republic of ...")
    if len(fr) >= _CLEAR_WORDS and len(fr) >= _CLEAR_RATIO * len(en) and len(set(fr)) >= _CLEAR_DISTINCT:
        return "fr"
    if len(en) >= _CLEAR_WORDS and len(en) >= _CLEAR_RATIO * len(fr) and len(set(en)) >= _CLEAR_DISTINCT:
        return "en"
    return None
