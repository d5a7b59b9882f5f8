"""One way to open the dashboard in AppTest: a page, with a query string."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

APP = "../dashboard.py"  # AppTest resolves it against this file's folder
TIMEOUT = 30


def run(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
