"""A long document in the reader: one part at a time, with a picker for the part (Streamlit widget)."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard.store.queries import ArticleView

from .i18n import t


def choose_part(view: ArticleView, lang: str, fetch: Callable[[int], ArticleView | None]) -> ArticleView | None:
    """`view` (the first part) if the article is one part; else the part the reader picks."""
    if view.parts <= 1:
        return view
    st.caption(t(lang, "reader_long", n=view.parts))
    part = st.selectbox(t(lang, "reader_part"), list(range(1, view.parts + 1)), key=f"reader_part_{view.id}",
                        format_func=lambda k: t(lang, "reader_part_label", k=k, n=view.parts))
    return view if part == view.part else fetch(part)
