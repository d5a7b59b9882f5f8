"""Configuration, declared once with defaults. Paths come from this file, never the cwd.

Environment variables:
- DIPLOMAP_DATA: the data folder (default: the project's data/); its articles/ subfolder
  is the corpus the dashboard shows, and the built tables are cached in corpus/ beside it.
- DIPLOMAP_CACHE: where derived files (built gazetteer, geocoding cache) are kept
  (default: ~/.cache/diplomap).
- DIPLOMAP_GEOCODE: "1" turns on network geocoding of names the gazetteer lacks (off).
- DIPLOMAP_USER_AGENT: the user agent sent to Nominatim when geocoding is on.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DATA_DIR = PROJECT_DIR / "data"
STATIC_DIR = PROJECT_DIR / "static"
TOPOJSON_URL = "/app/static/topojson/"


def data_dir() -> Path:
    """The data folder: DIPLOMAP_DATA or the project's data/."""
    value = os.environ.get("DIPLOMAP_DATA", "").strip()
    return Path(value).expanduser().resolve() if value else PACKAGE_DATA_DIR


def articles_dir() -> Path:
    base = data_dir()
    sub = base / "articles"
    return sub if sub.is_dir() else base


def corpus_dir() -> Path:
    return data_dir() / "corpus"


def cache_dir() -> Path:
    value = os.environ.get("DIPLOMAP_CACHE", "").strip()
    return Path(value).expanduser() if value else Path.home() / ".cache" / "diplomap"


def geocoding_enabled() -> bool:
    return os.environ.get("DIPLOMAP_GEOCODE", "").strip().lower() in {"1", "true", "yes", "on"}


def user_agent() -> str:
    return os.environ.get("DIPLOMAP_USER_AGENT", "").strip() or "diplomap/0.1 (research dashboard)"
