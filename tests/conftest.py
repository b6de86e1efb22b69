"""Every test starts from the same settings, whatever the developer's shell holds: the app does not
refresh feeds on its own (it would try the internet feeds of data/feeds.txt) and reads no
collection. Tests of the refresh and the collection turn them on for their own app or store."""
from __future__ import annotations

import os

os.environ["DASHBOARD_REFRESH_HOURS"] = "0"
for _name in ("DASHBOARD_COLLECTION", "DASHBOARD_COLLECTION_SAVE", "DASHBOARD_COLLECTION_TEXT_MONTHS",
              "DASHBOARD_ALLOW_PRIVATE_FEEDS", "DASHBOARD_FEEDS"):
    os.environ.pop(_name, None)
