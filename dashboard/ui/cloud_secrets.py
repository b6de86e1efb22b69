"""Settings given as Streamlit "Secrets" (how Streamlit Community Cloud passes settings to an app).

`dashboard.settings` reads the environment only; the app calls `copy_to_environment()` first, so a
setting means the same whether it comes from the environment, `.streamlit/secrets.toml` or the
Cloud's Secrets box. Only the dashboard's own settings (`settings.ENVIRONMENT_SETTINGS`) are
copied, and only top-level ones:

    DASHBOARD_COLLECTION = "collection"
    DASHBOARD_REFRESH_HOURS = 6
"""
from __future__ import annotations

import os

import streamlit as st

from dashboard.settings import ENVIRONMENT_SETTINGS


def as_environment_value(value: object) -> str:
    """TOML values as the environment holds them: true/false as 1/0, numbers and text as written."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def copy_to_environment() -> list[str]:
    """Copy the dashboard's settings found in the app's secrets into the environment; their names."""
    if not st.secrets.load_if_toml_exists():
        return []
    copied = []
    for name in ENVIRONMENT_SETTINGS:
        if name in st.secrets and not isinstance(st.secrets[name], (dict, list)):
            os.environ[name] = as_environment_value(st.secrets[name])
            copied.append(name)
    return copied
