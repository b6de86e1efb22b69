"""Settings given as Streamlit secrets (Streamlit Community Cloud's "Secrets" box) reach the
environment, where dashboard.settings reads them. Run in Streamlit's AppTest with real secrets."""
from __future__ import annotations

import sys

from streamlit.testing.v1 import AppTest


def show_settings():
    import streamlit as st

    from dashboard import settings
    from dashboard.ui.cloud_secrets import copy_to_environment

    st.write(", ".join(copy_to_environment()) or "nothing copied")
    st.write(f"{settings.refresh_hours()} {settings.allow_private_feeds()} {settings.collection_dir()}")


def run_with(secrets: dict, monkeypatch) -> list[str]:
    for name in ("DASHBOARD_REFRESH_HOURS", "DASHBOARD_ALLOW_PRIVATE_FEEDS", "DASHBOARD_COLLECTION"):
        monkeypatch.setenv(name, "")  # restored after the test, whatever the app sets
    # AppTest runs the script as the `__main__` module and leaves it there; a later test that
    # starts processes by "spawn" (Dask workers) would run that temporary script again
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    at = AppTest.from_function(show_settings)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.run()
    assert not at.exception
    return [m.value for m in at.markdown]


def test_the_dashboards_settings_in_the_secrets_are_used(monkeypatch):
    assert run_with({"DASHBOARD_REFRESH_HOURS": 3, "DASHBOARD_ALLOW_PRIVATE_FEEDS": True,
                     "DASHBOARD_COLLECTION": "collection"}, monkeypatch) == \
        ["DASHBOARD_COLLECTION, DASHBOARD_REFRESH_HOURS, DASHBOARD_ALLOW_PRIVATE_FEEDS", "3.0 True collection"]


def test_a_false_switch_in_the_secrets_is_off(monkeypatch):
    assert run_with({"DASHBOARD_ALLOW_PRIVATE_FEEDS": False}, monkeypatch)[1] == "6.0 False None"


def test_a_section_of_the_secrets_is_not_a_setting(monkeypatch):
    assert run_with({"other_app": {"DASHBOARD_REFRESH_HOURS": 1}}, monkeypatch) == ["nothing copied", "6.0 False None"]
