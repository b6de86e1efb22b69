"""Text drawn on the map's canvas: Arabic joined and laid out right to left beforehand (pure).

deck.gl's TextLayer draws each character from a font atlas, one after the other, left to right: it
neither joins Arabic letters nor reverses right-to-left text. So an Arabic label is given to it
already shaped (each letter in its joined presentation form) and in visual order.
"""
from __future__ import annotations

import re

import arabic_reshaper
from bidi import get_display

_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def canvas_text(text: str) -> str:
    """`text` as a left-to-right glyph painter must draw it: unchanged unless it holds Arabic script."""
    if not text or not _RTL_CHAR.search(text):
        return text
    return get_display(arabic_reshaper.reshape(text))
