"""Hypothesis strategies for hostile input, shared by the fuzz tests (tests/test_fuzz_*.py).

Random Unicode alone rarely hits the characters that break text code, so these mix it with a
hostile alphabet: Arabic letters and clitics, bidi overrides and isolates, zero-width characters,
NUL and other controls, tatweel, combining marks, lone surrogates, odd spaces and line breaks,
plus the punctuation that structures CSV, JSON, HTML and XML.
"""
from __future__ import annotations

from hypothesis import strategies as st

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85"
SURROGATES = "\ud800\udbff\udc00\udfff"
HOSTILE_CHARS = (
    BIDI + ZERO_WIDTH + CONTROLS + SURROGATES
    + "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةـ" + "\u064b\u064e\u0650\u0651\u0652\u0653\u0654"
    + "éèçàâœ" + "e\u0301" + "\u00a0\u2009\u202f\u3000\t\n\r\u2028\u2029"
    + "\"',;<>&{}[]/\\:#=-.!?" + "0123456789٠١٢٣٤٥٦٧٨٩"
)
# Words the pipeline looks for, so places, actors, events and dates are actually exercised.
WORDS = [
    "الرباط", "بالرباط", "للجزائر", "وتونس", "طرابلس", "الساحل", "نواكشوط", "الجمعة", "سيزور", "زار",
    "وزير الدفاع", "مناورات", "اتفاقية", "ماي", "جويلية", "2020", "2020-13-45", "0000-00-00", "99999",
    "Rabat", "Alger", "Niamey", "Bamako", "Sahel", "Washington", "visited", "signed", "exercise",
    "le ministre", "a signé", "un accord", "mardi", "lundi", "the", "army", "strike", "on Friday",
    "October 2, 2020", "2 octobre 2020", "31/02/2020", "will visit", "Mali", "Niger", "Maroc", "US",
]

hostile_char = st.sampled_from(HOSTILE_CHARS)
any_char = st.characters(codec=None)  # every code point, surrogates included
hostile_text = st.lists(
    st.one_of(hostile_char, any_char, st.sampled_from(WORDS), st.just(" "), st.just("\n")),
    max_size=60,
).map("".join)
# text a JSON file or a user could hand us: any str, or hostile text
any_text = st.one_of(st.text(max_size=200), hostile_text)


def encodings(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-16", "cp1256", "cp1252", "latin-1"]).map(
        lambda enc: text.encode(enc, errors="replace") if enc != "utf-8"
        else text.encode("utf-8", errors="surrogatepass"))


# bytes as they come in files: random, or hostile text in some encoding
hostile_bytes = st.one_of(
    st.binary(max_size=600),
    hostile_text.flatmap(encodings),
)
