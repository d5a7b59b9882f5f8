"""The dashboard's layout and the tests' hygiene (issue 11).

The page scripts live in app_pages/: Streamlit 1.67 runs its legacy folder mode when a
folder named pages/ sits beside an entry script that uses st.navigation (a deep link
opened as a server's first request runs without the shared sidebar; in AppTest the
sidebar's Lavrov switch is ignored from the second run on: checked by copying the pages
into pages/ and running tests/test_app.py). This test fails as soon as such a folder
appears."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def layout_problems(root: Path) -> list[str]:
    """What is wrong with the layout of the app in `root` (empty when fine)."""
    entry = root / "dashboard.py"
    problems = []
    uses_navigation = "st.navigation(" in entry.read_text("utf-8")
    if uses_navigation and (root / "pages").exists():
        problems.append(
            "a pages/ folder beside dashboard.py, which uses st.navigation: Streamlit then "
            "falls back to its legacy folder navigation; keep the page scripts in app_pages/"
        )
    tree = ast.parse(entry.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if not (root / first.value).is_file():
                    problems.append(f"st.Page({first.value!r}) names no file")
                elif not first.value.startswith("app_pages/"):
                    problems.append(f"st.Page({first.value!r}) is outside app_pages/")
    return problems


def test_no_pages_folder_beside_st_navigation():
    assert layout_problems(ROOT) == []


def test_the_check_sees_a_pages_folder(tmp_path):
    (tmp_path / "app_pages").mkdir()
    (tmp_path / "app_pages" / "a.py").write_text("")
    (tmp_path / "dashboard.py").write_text(
        'import streamlit as st\nst.navigation([st.Page("app_pages/a.py")]).run()\n'
    )
    assert layout_problems(tmp_path) == []
    (tmp_path / "pages").mkdir()
    assert "pages/ folder" in layout_problems(tmp_path)[0]


def test_every_page_path_is_declared_once():
    source = (ROOT / "dashboard.py").read_text("utf-8")
    for path in ("overview", "map", "timeline", "issues", "statements", "data"):
        assert source.count(f'url_path="{path}"') == 1, path


def test_screenshots_are_written_only_on_request():
    """The browser test writes into the screenshot_dir fixture: a temporary folder
    unless --update-screenshots is given (tests never rewrite tracked files)."""
    browser_test = (ROOT / "tests" / "test_browser.py").read_text("utf-8")
    assert "docs" not in browser_test.replace("docs/screenshots/ with", "")
    assert "screenshot_dir" in browser_test
    conftest = (ROOT / "tests" / "conftest.py").read_text("utf-8")
    assert "--update-screenshots" in conftest and "tmp_path_factory.mktemp" in conftest


def test_build_outputs_of_the_readme_are_ignored():
    ignored = (ROOT / ".gitignore").read_text("utf-8").split()
    for entry in ("/out/", "data/corpus/", "benchmarks/out/"):
        assert entry in ignored, entry
