"""Language of an article: ar, fr, en, or other. Offline: py3langid ships its model."""
from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("ar", "fr", "en")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
SAMPLE_CHARS = 600  # enough to tell French from English; detection cost grows with length


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
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic == 0 and latin == 0:
        return "other"
    if arabic >= latin:
        return "ar"
    ranking = _identifier().rank(sample)
    top_lang, top_prob = ranking[0]
    if top_lang in SUPPORTED:
        return top_lang
    ours, prob = next(((lang, p) for lang, p in ranking if lang in SUPPORTED), (None, 0.0))
    return ours if ours and prob >= 0.2 * top_prob else "other"
