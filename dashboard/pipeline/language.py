"""Language of an article: ar, fr, en, or other. Offline: py3langid ships its model."""
from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("ar", "fr", "en")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """Most likely language code among ar/fr/en, or "other".

    Arabic script decides Arabic outright (no other supported language uses it); for Latin text
    the detector chooses, restricted to the languages we process, and only when confident enough.
    """
    sample = text[:600]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic == 0 and latin == 0:
        return "other"
    if arabic >= latin:
        return "ar"
    lang, prob = _identifier().classify(sample)
    if lang in SUPPORTED:
        return lang
    if prob >= 0.5:  # confidently another language (German, Spanish...)
        return "other"
    # unsure (short or mixed text): pick the closest of ours only if it clearly wins
    lang, prob = _restricted().classify(sample)
    return lang if prob >= 0.9 else "other"


@lru_cache(maxsize=1)
def _restricted():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(SUPPORTED))
    return ident
