"""The dependency rules of ARCHITECTURE.md, read from the imports (ast) of every module
under diplomap/, imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "diplomap"

# diplomap.ingest and the modules it is split into (text decoding, format helpers)
INGEST = ("diplomap.ingest", "diplomap.ingest_text", "diplomap.ingest_formats")
# (modules the rule is about, modules they must not import, why)
FORBIDDEN = [
    ("diplomap.extract", ("diplomap.corpus", *INGEST, "diplomap.explore"),
     "extraction turns one article into records and knows nothing of tables or the app"),
    *((m, ("diplomap.extract",), "reading files knows nothing of extraction") for m in INGEST),
    ("diplomap.explore", (*INGEST, "diplomap.extract"),
     "the dashboard reads the built tables only (labels read data/ directly)"),
    ("diplomap.query", ("diplomap.explore",), "URL and filter state know nothing of the Store"),
]  # fmt: skip
STREAMLIT_ALLOWED = {"diplomap.session"}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    """Every module a file imports, at the top or inside functions ("from x import y"
    counts as x and x.y, so that importing a submodule by name is seen)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    package = (
        module_name(path, root)
        if path.name == "__init__.py"
        else module_name(path, root).rpartition(".")[0]
    )
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


MODULES = {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_package_is_read():
    assert "diplomap.session" in MODULES and "diplomap.explore.store" in MODULES
    assert any(within(m, "diplomap.extract") for m in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_session_imports_streamlit(module):
    if module in STREAMLIT_ALLOWED:
        return
    bad = sorted(i for i in MODULES[module] if within(i, "streamlit"))
    assert not bad, f"{module} imports {bad}: only diplomap/session.py may import streamlit"


@pytest.mark.parametrize(("owner", "forbidden", "why"), FORBIDDEN)
def test_forbidden_dependencies(owner, forbidden, why):
    broken = [
        f"{module} imports {name}"
        for module, names in MODULES.items()
        if within(module, owner)
        for name in sorted(names)
        if any(within(name, f) for f in forbidden)
    ]
    assert not broken, f"{why}: " + "; ".join(broken)


def test_the_rules_are_seen(tmp_path):
    """The reader finds imports inside functions and relative imports."""
    pkg = tmp_path / "diplomap" / "extract"
    pkg.mkdir(parents=True)
    f = pkg / "x.py"
    f.write_text("def f():\n    from ..corpus import build\n    import streamlit as st\n")
    found = imports_of(f, tmp_path)
    assert {"diplomap.corpus", "diplomap.corpus.build", "streamlit"} <= found
