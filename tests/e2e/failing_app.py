"""The dashboard with one part of the page that raises (for the e2e error tests).

    streamlit run tests/e2e/failing_app.py     (DASHBOARD_FAIL_PART names the view function)

Replaces `dashboard.ui.views.<DASHBOARD_FAIL_PART>` by a function that raises an error whose
message holds text that must never reach the page, then runs the real app script.
"""
from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dashboard.ui import views  # noqa: E402

SECRET = "internal detail /srv/secret.key"


def fails(*args, **kwargs):
    raise RuntimeError(SECRET)


if __name__ == "__main__":  # (streamlit runs this file as __main__; the tests import SECRET)
    setattr(views, os.environ["DASHBOARD_FAIL_PART"], fails)
    runpy.run_path(str(ROOT / "dashboard" / "app.py"), run_name="__main__")
