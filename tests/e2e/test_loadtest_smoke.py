"""The load-test script (scripts/loadtest.py) runs end to end: 2 sessions on a small synthetic store.

The real figures (20 sessions, ~100k events) come from running the script by hand; this only
shows that it starts the server, drives the browsers, checks every view's counts and reports.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import _need_browser  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "loadtest.py"


def test_two_sessions_on_a_small_store_finish_every_view_without_error(tmp_path):
    _need_browser()
    out = tmp_path / "load.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--sessions", "2", "--browsers", "1", "--events", "300",
                           "--views", "2", "--db", str(tmp_path / "small.duckdb"), "--json", str(out),
                           "--max-seconds", "200"], capture_output=True, text=True, timeout=280)
    summary = json.loads(out.read_text())["summary"]
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (summary["sessions"], summary["views"], summary["errors"]) == (2, 4, 0)
    assert summary["store"]["synthetic"] is True and summary["store"]["events"] >= 300
    assert summary["median_s"] is not None and summary["p95_s"] >= summary["median_s"]
